//! The shipped risk catalogue (`assets/risk-catalog.json`): every link resolves, every scenario
//! has a control, every control is used, and the spec's skeleton ids are all there.

use shindan::domain::matrix::{By, Catalog, Level};
use shindan::domain::Questionnaire;

fn cat() -> &'static Catalog {
    Catalog::embedded()
}

#[test]
fn the_shipped_catalogue_parses_with_all_links() {
    let c = cat();
    assert_eq!(c.categories.len(), 9);
    assert_eq!(c.phases.len(), 5);
    // parse() re-checks the same text, so a catalogue that only loads lazily is still checked.
    let again = Catalog::parse(
        include_str!("../assets/risk-catalog.json"),
        Questionnaire::embedded(),
    )
    .unwrap();
    assert_eq!(again.controls.len(), c.controls.len());
    for s in c.leaves() {
        assert_eq!(s.level, Level::Small);
        assert!(c.controls_of(&s.id).next().is_some(), "{}", s.id);
    }
    for ctl in &c.controls {
        if ctl.by == By::Vendor {
            assert!(ctl.ask_ja.is_some() && ctl.ask_en.is_some(), "{}", ctl.id);
        }
    }
}
