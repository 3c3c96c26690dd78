//! Every screen as a terminal that draws East Asian Ambiguous characters two cells wide shows
//! it (`--ambiguous-width wide`): at 80×24, in both languages, no cell is left holding a glyph
//! that such a terminal would draw over its neighbour, so every row keeps its right border.

mod ui;

use crossterm::event::KeyCode;
use shindan::domain::Lang;
use shindan::tui::widgets::symbols::is_ambiguous;
use ui::{add, Ui};

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

/// Fails on any ambiguous glyph not followed by a cell the terminal may draw it over.
fn holds(ui: &Ui, what: &str) -> String {
    // The frame as drawn, with the cells the terminal may draw over marked (skipped).
    let area = ui.term.backend().buffer().area;
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(area.width, area.height))
            .unwrap();
    let buf = term.draw(|f| ui.app.draw(f)).unwrap().buffer.clone();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if sym.chars().any(is_ambiguous) {
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
}

#[test]
fn every_screen_holds_in_wide_mode_ja() {
    every_screen(Lang::Ja, "ja");
}

#[test]
fn every_screen_holds_in_wide_mode_en() {
    every_screen(Lang::En, "en");
}
