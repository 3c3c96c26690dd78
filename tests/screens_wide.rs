//! Every screen as a terminal that draws East Asian Ambiguous characters two cells wide shows
//! it (`--ambiguous-width wide`): at 80×24, in both languages, no glyph that shindan chose is
//! left ambiguous (each has its one-cell stand-in), and an ambiguous character from the record
//! or the survey is followed by a cell the terminal may draw it over, so every row keeps its
//! right border.

mod ui;

use crossterm::event::KeyCode;
use shindan::domain::Lang;
use shindan::tui::widgets::symbols::{folds, narrow};
use std::collections::BTreeSet;
use std::path::Path;
use ui::{add, Ui};

/// Every character wide mode folds that appears in a string or character literal under
/// `src/tui`, outside comments: the glyphs shindan chooses (borders, markers, bars, arrows,
/// the ○ × of its own words). The stand-in table itself is left out.
fn chosen() -> BTreeSet<char> {
    fn walk(dir: &Path, out: &mut BTreeSet<char>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("symbols.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                    let code = line.split(" // ").next().unwrap_or(line);
                    out.extend(code.chars().filter(|c| folds(*c)));
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui"),
        &mut out,
    );
    out
}

#[test]
fn every_glyph_shindan_chooses_has_a_one_cell_stand_in() {
    let chosen = chosen();
    // The scan finds what the screens are known to draw (it cannot pass by finding nothing).
    for c in "─│▶●◐○■◆█▓▒░·…→×".chars() {
        assert!(chosen.contains(&c), "{c} not found in src/tui");
    }
    let missing: String = chosen.iter().filter(|c| narrow(**c).is_none()).collect();
    assert_eq!(missing, "", "glyphs with no stand-in in widgets/symbols.rs");
}

fn wide(lang: Lang, with_record: bool) -> Ui {
    let mut ui = Ui::new(lang, 80, 24, |s| {
        if with_record {
            add(s, &ui::SAMPLE);
        }
    });
    ui.app.ambiguous_wide = true;
    ui.draw();
    ui
}

/// Fails on a glyph shindan chose left unfolded, and on any other ambiguous character not
/// followed by a cell the terminal may draw it over (measured two wide).
fn holds(ui: &Ui, what: &str) -> String {
    let chosen = chosen();
    // The frame as drawn, with the cells the terminal may draw over marked (skipped).
    let area = ui.term.backend().buffer().area;
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(area.width, area.height))
            .unwrap();
    let buf = term.draw(|f| ui.app.draw(f)).unwrap().buffer.clone();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            for c in sym.chars().filter(|c| folds(*c)) {
                assert!(
                    !chosen.contains(&c),
                    "{what}: shindan's {c:?} unfolded at {x},{y}:\n{}",
                    ui.screen()
                );
                let next_skipped = x + 1 < buf.area.width && buf[(x + 1, y)].skip;
                assert!(next_skipped, "{what}: {sym:?} at {x},{y}:\n{}", ui.screen());
            }
        }
    }
    ui.screen()
}

fn every_screen(lang: Lang, tag: &str) {
    let mut ui = wide(lang, false);
    insta::assert_snapshot!(format!("{tag}_home_empty"), holds(&ui, "home"));
    ui.key('n');
    insta::assert_snapshot!(format!("{tag}_new_record"), holds(&ui, "form"));
    let mut ui = wide(lang, true);
    insta::assert_snapshot!(format!("{tag}_home"), holds(&ui, "home"));
    ui.key('?');
    insta::assert_snapshot!(format!("{tag}_help"), holds(&ui, "help"));
    ui.press(KeyCode::Esc);
    ui.press(KeyCode::Enter);
    insta::assert_snapshot!(format!("{tag}_interview"), holds(&ui, "interview"));
    for (key, name) in ui::RECORD_SCREENS {
        ui.key(key);
        insta::assert_snapshot!(format!("{tag}_{name}"), holds(&ui, name));
    }
    // The parts behind a key: the budget's what-if forms, the matrix's scenarios and controls
    // (● ◐ ○), its walk-through.
    ui.key('b');
    for (key, name) in [('v', "budget_revenue"), ('r', "budget_rates")] {
        ui.key(key);
        insta::assert_snapshot!(format!("{tag}_{name}"), holds(&ui, name));
        ui.press(KeyCode::Esc);
    }
    ui.key('m');
    for name in ["matrix_tree", "matrix_controls"] {
        ui.press(KeyCode::Enter);
        insta::assert_snapshot!(format!("{tag}_{name}"), holds(&ui, name));
    }
    ui.key('w');
    insta::assert_snapshot!(format!("{tag}_matrix_walk"), holds(&ui, "walk"));
}

#[test]
fn every_screen_holds_in_wide_mode_ja() {
    every_screen(Lang::Ja, "ja");
}

#[test]
fn every_screen_holds_in_wide_mode_en() {
    every_screen(Lang::En, "en");
}
