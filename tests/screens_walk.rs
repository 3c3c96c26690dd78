//! The walk-through (`w` on the matrix or the overview) on ratatui's TestBackend: a 180-bed
//! hospital with a complete interview and checklist and one vendor, at 80×24 and 120×40 in both
//! languages (60×20 must not panic), and what the keys do — each answer saved to disk and the
//! walk moved on, `5` putting the control in the vendor's brief, Backspace, Tab, the review
//! toggle, a note, and a walk left halfway opening where it was.

mod complete;
mod ui;

use crossterm::event::KeyCode;
use shindan::domain::checklist::Vendor;
use shindan::domain::matrix::{Catalog, ControlStatus, Coverage, Sources, Walk};
use shindan::domain::{Lang, Record, RecordId};
use shindan::store::Store;
use shindan::tui::app::App;
use shindan::tui::theme::Theme;
use ui::{fixed, Ui};

/// The record of [`complete::complete`], its checklist checked on 2025-05-30, with one vendor
/// (A社, 電子カルテ).
fn complete(store: &Store) {
    store
        .create(2025, |id| {
            let mut r = complete::complete(id, "2025-05-30".parse().unwrap(), fixed());
            r.vendors.push(Vendor {
                vendor: "A社".into(),
                system: "電子カルテ".into(),
                forms: Default::default(),
            });
            r
        })
        .unwrap();
}

fn id() -> RecordId {
    RecordId::new(2025, 1)
}

fn on_disk(ui: &Ui) -> Record {
    ui.store().load(&id()).unwrap()
}

fn unknown(r: &Record) -> usize {
    Coverage::with(&Sources::embedded(), r).unknown_controls()
}

/// Home → Enter (the record opens on its overview: the interview is complete) → m → w.
fn walk(lang: Lang, w: u16, h: u16) -> Ui {
    let mut ui = Ui::new(lang, w, h, complete);
    ui.press(KeyCode::Enter).key('m').key('w');
    ui
}

#[test]
fn walk_ja_80x24() {
    let ui = walk(Lang::Ja, 80, 24);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn walk_en_80x24() {
    let ui = walk(Lang::En, 80, 24);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn walk_ja_120x40() {
    let ui = walk(Lang::Ja, 120, 40);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn walk_en_120x40() {
    let ui = walk(Lang::En, 120, 40);
    insta::assert_snapshot!(ui.screen());
}

/// Reviewing, a known control: what the checklist says of it and from which item.
#[test]
fn review_known_control_ja_80x24() {
    let mut ui = walk(Lang::Ja, 80, 24);
    ui.key('r');
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn walk_60x20_does_not_panic() {
    let mut ui = walk(Lang::Ja, 60, 20);
    ui.key('n').press(KeyCode::Esc).key('2').key('5');
    ui.press(KeyCode::Backspace)
        .press(KeyCode::Tab)
        .key('r')
        .key('?');
    ui.press(KeyCode::Esc).key('r');
    assert!(ui.screen().contains("未判明の対策"), "{}", ui.screen());
    let mut en = walk(Lang::En, 60, 20);
    en.key('3').key('n');
    assert!(en.screen().contains("Note:"), "{}", en.screen());
}

/// The control the walk is on, as the domain sees the record on disk.
fn current(ui: &Ui) -> String {
    let r = on_disk(ui);
    Walk::new(&r, Sources::embedded(), false)
        .current(&r)
        .unwrap()
        .control
        .id
        .clone()
}

#[test]
fn each_answer_is_saved_at_once_and_the_walk_moves_on() {
    let mut ui = walk(Lang::Ja, 80, 24);
    assert_eq!(unknown(&on_disk(&ui)), 58);
    let first = current(&ui);
    ui.key('1');
    let r = on_disk(&ui);
    assert_eq!(r.controls[&first].status, Some(ControlStatus::InPlace));
    assert_eq!(unknown(&r), 57);
    // The place is kept on disk: the next control.
    let next = current(&ui);
    assert_ne!(next, first);
    assert_eq!(r.matrix_resume_at.as_deref(), Some(next.as_str()));
    assert!(ui.line_of("未判明の対策").contains("2/58"));
    // The message says what the answer did to the coverage.
    assert!(ui.screen().contains("実施済み → 網羅"), "{}", ui.screen());
    for (key, status) in [
        ('2', ControlStatus::Partial),
        ('3', ControlStatus::Missing),
        ('4', ControlStatus::NotApplicable),
    ] {
        let id = current(&ui);
        ui.key(key);
        assert_eq!(on_disk(&ui).controls[&id].status, Some(status), "{key}");
    }
    assert!(ui.line_of("未判明の対策").contains("5/58"));
}

#[test]
fn five_asks_the_vendor_and_a_new_walk_does_not_ask_again() {
    let mut ui = walk(Lang::Ja, 80, 24);
    let first = current(&ui);
    ui.key('5');
    let mark = on_disk(&ui).controls[&first].clone();
    assert!(mark.ask_vendor);
    assert_eq!(mark.status, None, "the other sources stand");
    // Closed and opened again: it is not asked again, and one fewer control is left.
    ui.press(KeyCode::Esc).key('w');
    assert!(
        ui.line_of("未判明の対策").contains("1/57"),
        "{}",
        ui.screen()
    );
    assert_ne!(current(&ui), first);
    // Reviewing shows it, marked as asked.
    ui.key('r');
    while !ui.screen().contains("事業者に確認中") {
        ui.press(KeyCode::Tab);
        assert!(!ui.screen().contains("おわり"), "never reached");
    }
}

#[test]
fn backspace_goes_back_and_tab_skips_without_answering() {
    let mut ui = walk(Lang::Ja, 80, 24);
    let first = current(&ui);
    ui.key('3');
    ui.press(KeyCode::Backspace);
    assert!(ui.line_of("未判明の対策").contains("1/58"));
    // Back on it, what is known now includes the answer just given.
    assert!(ui.screen().contains("＋○未実施"), "{}", ui.screen());
    ui.key('1');
    assert_eq!(
        on_disk(&ui).controls[&first].status,
        Some(ControlStatus::InPlace)
    );
    let skipped = current(&ui);
    ui.press(KeyCode::Tab);
    assert!(!on_disk(&ui).controls.contains_key(&skipped));
    assert!(ui.line_of("未判明の対策").contains("3/58"));
    ui.press(KeyCode::Backspace)
        .press(KeyCode::Backspace)
        .press(KeyCode::Backspace);
    assert!(ui.screen().contains("最初の対策です"), "{}", ui.screen());
}

#[test]
fn r_reviews_the_known_controls_too() {
    let mut ui = walk(Lang::Ja, 80, 24);
    ui.key('r');
    assert!(ui.lines()[0].contains("［見直し：すべて］"));
    assert!(ui.line_of("すべての対策").contains("1/83"));
    assert!(ui.screen().contains("＃●実施済み チェックリスト"));
    ui.key('r');
    assert!(!ui.lines()[0].contains("［見直し"));
    assert!(ui.line_of("未判明の対策").contains("1/58"));
}

#[test]
fn a_note_is_kept_on_the_control_and_the_walk_stays() {
    let mut ui = walk(Lang::Ja, 80, 24);
    let first = current(&ui);
    ui.key('n');
    for c in "保守契約で確認".chars() {
        ui.key(c);
    }
    ui.press(KeyCode::Esc);
    assert_eq!(
        on_disk(&ui).controls[&first].note.as_deref(),
        Some("保守契約で確認")
    );
    assert!(
        ui.screen().contains("メモ：保守契約で確認"),
        "{}",
        ui.screen()
    );
    assert!(ui.line_of("未判明の対策").contains("1/58"));
    assert_eq!(current(&ui), first, "a note answers nothing");
}

#[test]
fn a_walk_left_halfway_opens_where_it_was_after_a_restart() {
    let mut ui = walk(Lang::Ja, 80, 24);
    for _ in 0..3 {
        ui.key('3');
    }
    let at = current(&ui);
    let name = Catalog::embedded().control(&at).unwrap().ja.clone();
    ui.key('q');
    assert!(ui.app.should_quit());
    assert_eq!(ui.app.shutdown(), None);
    ui.app = App::new(Lang::Ja, Theme { color: true }, ui.store());
    ui.press(KeyCode::Enter).key('w');
    assert!(
        ui.line_of("未判明の対策").contains("1/55"),
        "{}",
        ui.screen()
    );
    assert!(ui.screen().contains(&name), "{}", ui.screen());
}

#[test]
fn the_overview_opens_the_walk_with_w_and_esc_returns() {
    let mut ui = Ui::new(Lang::Ja, 80, 24, complete);
    ui.press(KeyCode::Enter);
    assert!(ui.lines()[0].contains("総合"));
    ui.key('w');
    assert!(ui.lines()[0].contains("ウォークスルー"), "{}", ui.screen());
    ui.key('1');
    ui.press(KeyCode::Esc);
    assert!(ui.lines()[0].contains("総合"));
    // The coverage panel counts the answer at once.
    let figure = Coverage::with(&Sources::embedded(), &on_disk(&ui))
        .figure()
        .render(Lang::Ja);
    assert!(ui.screen().contains(&figure), "{figure}\n{}", ui.screen());
}

#[test]
fn every_remaining_control_answered_1_leaves_none_unknown() {
    let mut ui = walk(Lang::En, 80, 24);
    for _ in 0..58 {
        ui.key('1');
    }
    assert!(ui
        .screen()
        .contains("Every control of this walk is answered"));
    assert!(ui.screen().contains("known 83/83"), "{}", ui.screen());
    let r = on_disk(&ui);
    assert_eq!(unknown(&r), 0);
    assert_eq!(r.matrix_resume_at, None);
    // One more key does nothing.
    ui.key('1');
    assert_eq!(on_disk(&ui).controls, r.controls);
}

#[test]
fn a_read_only_record_refuses_answers_and_notes() {
    let mut holder = None;
    let mut ui = Ui::new(Lang::Ja, 80, 24, |s| {
        complete(s);
        holder = Some(s.lock(&id()).unwrap());
    });
    ui.press(KeyCode::Enter).key('m').key('w');
    let before = on_disk(&ui);
    ui.key('1');
    assert!(ui.screen().contains("読み取り専用です"), "{}", ui.screen());
    ui.key('n');
    assert!(ui.screen().contains("読み取り専用です"));
    // The note opens to be read (issue 18): a key typed next is no command; Esc closes it.
    assert!(ui.screen().contains("読み取り専用：Esc"), "{}", ui.screen());
    ui.key('2').press(KeyCode::Esc);
    // Moving is allowed, in memory.
    ui.press(KeyCode::Tab);
    assert!(ui.line_of("未判明の対策").contains("2/58"));
    assert_eq!(
        serde_json::to_value(on_disk(&ui)).unwrap(),
        serde_json::to_value(before).unwrap()
    );
    drop(holder);
}

/// `?` lists the walk's keys from the key table, and the marks of what is known.
#[test]
fn the_help_lists_the_walk_keys_and_marks() {
    let mut ui = walk(Lang::En, 80, 24);
    ui.key('?');
    let s = ui.help_pages();
    for want in [
        "In place (saved, next)",
        "Don't know: ask the vendor",
        "Next, without answering",
        "Previous control",
        "Review all ⇄ unknown only",
        "Close (resumes here)",
        "set by the user / checklist",
    ] {
        assert!(s.contains(want), "{want}:\n{s}");
    }
}
