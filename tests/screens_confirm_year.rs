//! The checklist screen confirms a carried item on today's date, and a copy made ahead for
//! next 年度 is not yet in its year: F2 and Y refuse, saying the 年度 and its days, and leave
//! the item carried (a 確認日 in the 年度 would be in the future, which no check may be).

mod ui;

use chrono::{DateTime, NaiveDate, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shindan::domain::checklist::{rules, AnswerInput, Editions, YesNo};
use shindan::domain::{history, Lang, Questionnaire, Record};
use shindan::store::Store;
use shindan::tui::events::Event;
use ui::Ui;

/// 2026-12-02: still 2026年度; the copy is made for 2027年度.
const NOW: &str = "2026-12-02T01:00:00Z";

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn copied_ahead(store: &Store) {
    let then: DateTime<Utc> = "2026-06-01T01:00:00Z".parse().unwrap();
    let eds = Editions::shipped();
    let old = store
        .create(2026, |id| {
            let mut r = Record::new(id, d("2026-06-01"), then);
            for (q, v) in ui::SAMPLE {
                let qn = Questionnaire::embedded();
                shindan::domain::validate::answer_from_input(qn, &mut r, q, v, then).unwrap();
            }
            let (checked_on, target_on, note, evidence) = (d("2026-06-01"), None, None, None);
            let answer = YesNo::Yes;
            let input = AnswerInput {
                answer,
                checked_on,
                target_on,
                note,
                evidence,
            };
            let item = "c0_has_systems";
            rules::answer(eds, &mut r, "mhlw-r7", item, input, checked_on, then).unwrap();
            r
        })
        .unwrap();
    let clock = shindan::clock::system();
    store
        .create(2027, |id| history::copy(&old, id, &clock))
        .unwrap();
}

#[test]
fn f2_on_a_copy_made_ahead_refuses_with_the_years_days() {
    // The only test of this file: the stopped clock is set before any clock is read.
    unsafe {
        std::env::set_var("TZ", "UTC");
        std::env::set_var(shindan::clock::NOW_VAR, NOW);
    }
    let mut ui = Ui::new(Lang::Ja, 100, 30, copied_ahead);
    let row = ui.row_of("2027-");
    if row > ui.row_of("2026-") {
        ui.press(KeyCode::Down);
    }
    ui.press(KeyCode::Enter);
    ui.app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::ALT,
    )));
    ui.draw();
    ui.press(KeyCode::F(2));
    let screen = ui.screen();
    assert!(
        screen.contains("この記録の年度（2027年度：2027-04-01～2028-03-31）より前"),
        "{screen}"
    );
    let store = Store::open(ui.dir.path()).unwrap();
    let copy = store
        .list()
        .unwrap()
        .records
        .into_iter()
        .find(|r| r.id.to_string().starts_with("2027-"))
        .unwrap();
    let latest = copy.checklists["mhlw-r7"].latest("c0_has_systems").unwrap();
    assert!(latest.carried.is_some(), "still carried");
}
