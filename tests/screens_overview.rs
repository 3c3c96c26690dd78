//! The overview screen on ratatui's TestBackend: a 350-bed 医療法人 with worrying answers, a
//! bracket budget and one checklist target past due, at 80×24, 120×40 and 200×60 in both
//! languages; what the keys do (panels, Enter, Esc, Tab) and how a complete record opens.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shindan::domain::checklist::{rules, AnswerInput, Editions};
use shindan::domain::record::checklist_answers::YesNo;
use shindan::domain::Lang;
use shindan::store::Store;
use shindan::tui::app::App;
use shindan::tui::events::Event;
use shindan::tui::theme::Theme;

mod hospital;
mod ui;

use ui::{add, fixed, Ui};

/// The hospital with two checklist answers, one a いいえ whose target (June 2025) has passed.
fn hospital(store: &Store, complete: bool) {
    let mut answers = hospital::answers();
    if complete {
        answers.push(("vpn_unpatched_reasons", "no_budget"));
    }
    let r = add(store, &answers);
    let mut r = store.load(&r.id).unwrap();
    let eds = Editions::shipped();
    let ed = eds.newest().unwrap();
    let today = "2025-07-01".parse().unwrap();
    for (item, a, target) in [
        ("c0_has_systems", YesNo::Yes, None),
        ("c3_backup_recovery", YesNo::No, Some("2025-06-30")),
    ] {
        let input = AnswerInput {
            answer: a,
            checked_on: "2025-04-01".parse().unwrap(),
            target_on: target.map(|t: &str| t.parse().unwrap()),
            note: None,
            evidence: None,
        };
        rules::answer(eds, &mut r, &ed.id, item, input, today, fixed()).unwrap();
    }
    let lock = store.lock(&r.id).unwrap();
    store.save(&mut r, &lock).unwrap();
}

/// The overview of the hospital, opened with `o` on the home screen.
fn overview(lang: Lang, w: u16, h: u16) -> Ui {
    let mut ui = Ui::new(lang, w, h, |s| hospital(s, false));
    ui.key('o');
    ui
}

#[test]
fn overview_ja_80x24() {
    insta::assert_snapshot!(overview(Lang::Ja, 80, 24).screen());
}

#[test]
fn overview_en_80x24() {
    insta::assert_snapshot!(overview(Lang::En, 80, 24).screen());
}

#[test]
fn overview_ja_120x40() {
    insta::assert_snapshot!(overview(Lang::Ja, 120, 40).screen());
}

#[test]
fn overview_en_120x40() {
    insta::assert_snapshot!(overview(Lang::En, 120, 40).screen());
}

#[test]
fn overview_ja_200x60() {
    insta::assert_snapshot!(overview(Lang::Ja, 200, 60).screen());
}

#[test]
fn overview_en_200x60() {
    insta::assert_snapshot!(overview(Lang::En, 200, 60).screen());
}

#[test]
fn next_steps_ja_80x24() {
    let mut ui = overview(Lang::Ja, 80, 24);
    ui.press(KeyCode::Tab);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn panel_titles_are_the_issues_words_in_english() {
    let ui = overview(Lang::En, 120, 40);
    let top = ui.lines()[1].clone();
    let at = |t: &str| top.find(t).unwrap_or_else(|| panic!("{t} not in {top}"));
    assert!(at("▶ Position") < at("Risk coverage"));
    assert!(at("Risk coverage") < at("Budget shortfall"));
    assert!(at("Budget shortfall") < at("Checklist"));
    // The steps below the panels, the past-due target first.
    let first = ui.line_of(" 1. ");
    assert!(
        first.contains("Do 3(2)") || first.contains("Do "),
        "{first}"
    );
    assert!(ui
        .screen()
        .contains("Answered no; its target date 2025-06-30 has passed"));
}

#[test]
fn arrows_choose_a_panel_and_enter_opens_its_screen() {
    let mut ui = overview(Lang::En, 80, 24);
    assert!(ui.line_of("▶ Position").contains("Risk coverage"));
    ui.press(KeyCode::Right);
    assert!(ui.screen().contains("▶ Risk coverage"));
    assert!(!ui.screen().contains("▶ Position"));
    ui.press(KeyCode::Down);
    assert!(ui.screen().contains("▶ Checklist"));
    ui.press(KeyCode::Left);
    assert!(ui.screen().contains("▶ Budget shortfall"));
    // Budget: its own screen opens, Esc comes back to the overview.
    ui.press(KeyCode::Enter);
    assert!(
        ui.lines()[0].contains("budget shortfall (proposal 1)"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Esc);
    assert!(
        ui.screen().contains("▶ Budget shortfall"),
        "{}",
        ui.screen()
    );
    // Checklist: its own screen opens, Esc comes back to the overview.
    ui.press(KeyCode::Right);
    ui.press(KeyCode::Enter);
    assert!(!ui.screen().contains("▶ Checklist"), "{}", ui.screen());
    ui.press(KeyCode::Esc);
    assert!(ui.screen().contains("▶ Checklist"), "{}", ui.screen());
    // Position the same way.
    ui.press(KeyCode::Up);
    ui.press(KeyCode::Left);
    assert!(ui.screen().contains("▶ Position"));
    ui.press(KeyCode::Enter);
    assert!(
        ui.lines()[0].contains(" — vs the 2022 survey"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Esc);
    assert!(ui.screen().contains("▶ Position"));
}

#[test]
fn tab_shows_every_step_and_esc_returns_to_the_panels() {
    let mut ui = overview(Lang::Ja, 80, 24);
    assert!(
        ui.lines()[22].starts_with(" 次の一手 1. "),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Tab);
    let screen = ui.screen();
    assert!(
        screen.contains("→ 厚労省チェックリスト令和7年度版 3(2)")
            || screen.contains("→ 厚労省チェックリスト"),
        "{screen}"
    );
    assert!(!screen.contains("▶ 調査での位置"));
    // The list scrolls to the last step.
    for _ in 0..40 {
        ui.press(KeyCode::Down);
    }
    assert!(
        ui.screen()
            .contains("10. 解消する：セキュリティ監査を一度も実施していない"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Esc);
    assert!(ui.screen().contains("▶ 調査での位置"));
    // Esc on the panels goes back to where the overview was opened from (home).
    ui.press(KeyCode::Esc);
    assert!(!ui.screen().contains("調査での位置"), "{}", ui.screen());
}

#[test]
fn a_complete_record_opens_on_the_overview_with_the_interview_beneath() {
    let mut ui = Ui::new(Lang::En, 80, 24, |s| hospital(s, true));
    ui.press(KeyCode::Enter);
    assert!(ui.lines()[0].contains("Overview"), "{}", ui.screen());
    ui.key('i');
    assert!(ui.lines()[0].contains("interview 100%"), "{}", ui.screen());
    // The interview's first field has focus, so the plain o is typed; Alt-o goes back.
    ui.app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('o'),
        KeyModifiers::ALT,
    )));
    ui.draw();
    assert!(ui.lines()[0].contains("Overview"), "{}", ui.screen());
}

#[test]
fn an_unfinished_record_opens_on_the_interview() {
    let mut ui = Ui::new(Lang::En, 80, 24, |s| hospital(s, false));
    ui.press(KeyCode::Enter);
    assert!(!ui.lines()[0].contains("Overview"), "{}", ui.screen());
}

#[test]
fn a_fresh_record_says_what_is_missing() {
    let mut ui = Ui::new(Lang::En, 120, 40, |s| {
        add(s, &hospital::PROFILE);
    });
    ui.key('o');
    let screen = ui.screen();
    // Each panel's warning is wrapped whole, its first words on the first row.
    for expected in [
        "! none of the 10",
        " indicators answered",
        "! the status of all 83",
        " controls is unknown",
        "! security budget not",
        " answered (question 16 or",
        "! none of the 22 required",
    ] {
        assert!(screen.contains(expected), "missing {expected}:\n{screen}");
    }
}

/// NO_COLOR: not one cell of the overview is coloured, and the chosen panel is still marked
/// (its ▶ and the reversed title), so the screen reads the same on a monochrome terminal.
#[test]
fn without_colour_the_overview_uses_no_colour_and_still_marks_the_panel() {
    let mut ui = Ui::new(Lang::En, 120, 40, |s| hospital(s, false));
    let store = Store::open(ui.dir.path()).unwrap();
    ui.app = App::new(Lang::En, Theme { color: false }, store);
    ui.key('o');
    let buf = ui.fresh();
    for cell in buf.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (ratatui::style::Color::Reset, ratatui::style::Color::Reset),
            "a coloured cell {:?}",
            cell.symbol()
        );
    }
    assert!(ui.screen().contains("▶ Position"), "{}", ui.screen());
    let reversed = buf
        .content()
        .iter()
        .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED));
    assert!(reversed, "the selection is reversed");
}
