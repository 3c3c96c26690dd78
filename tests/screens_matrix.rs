//! The risk-matrix screen (`m`) on ratatui's TestBackend: the heat map and the drill-down of a
//! 350-bed hospital that answered the questionnaire, at 80×24 and 120×40 in both languages, and
//! what the keys do — presets shown at once, Space saved to disk and moving the coverage, a note
//! kept across reopening (and its draft across a quit), the filters, read-only refusal.

mod ui;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shindan::domain::matrix::{Catalog, ControlStatus, Coverage};
use shindan::domain::{Lang, Questionnaire, RecordId};
use shindan::tui::app::App;
use shindan::tui::theme::Theme;
use ui::{add, Ui};

/// A 350-bed 医療法人 that answered the questionnaire: the VPN flagged and not patched, backups
/// but neither offline nor off site, audits never, no IR procedure, a BCP, no insurance.
const ANSWERED: [(&str, &str); 18] = [
    ("hospital_name", "聖マリア記念病院"),
    ("beds", "350"),
    ("founder", "medical_corporation"),
    ("associations", "jha"),
    ("threat", "yes"),
    ("vpn_flagged", "yes"),
    ("vpn_patched", "no"),
    ("backup", "yes"),
    ("backup_offline", "yes"),
    ("backup_offsite", "no"),
    ("staff_total", "2"),
    ("staff_fulltime", "2"),
    ("audit", "once"),
    ("budget_sufficiency", "not_enough"),
    ("incident_response", "no"),
    ("bcp", "yes"),
    ("insurance", "no"),
    ("closed_network_belief", "agree"),
];

/// Home → Enter (the interview) → m (the matrix).
fn matrix(lang: Lang, w: u16, h: u16) -> Ui {
    let mut ui = Ui::new(lang, w, h, |s| {
        add(s, &ANSWERED);
    });
    ui.press(KeyCode::Enter).key('m');
    ui
}

fn id() -> RecordId {
    RecordId::new(2025, 1)
}

/// From anywhere on the heat map to a cell, by rows (categories) and columns (phases).
fn cell(ui: &mut Ui, row: usize, col: usize) {
    for _ in 0..10 {
        ui.press(KeyCode::Up);
    }
    for _ in 0..6 {
        ui.press(KeyCode::Left);
    }
    for _ in 0..row {
        ui.press(KeyCode::Down);
    }
    for _ in 0..col {
        ui.press(KeyCode::Right);
    }
}

/// インシデント対応 × 非常時運用: backups (offline yes, off site no), the BCP (yes), the IR
/// procedure (no) and insurance (no) are all set by the interview there.
fn ir_emergency(ui: &mut Ui) {
    cell(ui, 6, 3);
}

/// The coverage the domain computes for the record on disk, as the screen writes it.
fn overall_on_disk(ui: &Ui) -> String {
    let record = ui.store().load(&id()).unwrap();
    let cov = Coverage::of(Catalog::embedded(), &record, Questionnaire::embedded());
    format!("{}%", cov.overall.percent().unwrap())
}

fn status_on_disk(ui: &Ui, control: &str) -> Option<ControlStatus> {
    let record = ui.store().load(&id()).unwrap();
    record.controls.get(control).and_then(|m| m.status)
}

#[test]
fn heat_map_ja_80x24() {
    let ui = matrix(Lang::Ja, 80, 24);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn heat_map_en_80x24() {
    let ui = matrix(Lang::En, 80, 24);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn heat_map_ja_120x40() {
    let ui = matrix(Lang::Ja, 120, 40);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn heat_map_en_120x40() {
    let ui = matrix(Lang::En, 120, 40);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn tree_ja_80x24() {
    let mut ui = matrix(Lang::Ja, 80, 24);
    ir_emergency(&mut ui);
    ui.press(KeyCode::Enter);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn tree_en_80x24() {
    let mut ui = matrix(Lang::En, 80, 24);
    ir_emergency(&mut ui);
    ui.press(KeyCode::Enter);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn controls_ja_80x24() {
    let mut ui = matrix(Lang::Ja, 80, 24);
    ir_emergency(&mut ui);
    ui.press(KeyCode::Enter).press(KeyCode::Enter);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn controls_en_80x24() {
    let mut ui = matrix(Lang::En, 80, 24);
    ir_emergency(&mut ui);
    ui.press(KeyCode::Enter).press(KeyCode::Enter);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn drill_down_ja_120x40() {
    let mut ui = matrix(Lang::Ja, 120, 40);
    ir_emergency(&mut ui);
    ui.press(KeyCode::Enter).press(KeyCode::Enter);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn drill_down_en_120x40() {
    let mut ui = matrix(Lang::En, 120, 40);
    ir_emergency(&mut ui);
    ui.press(KeyCode::Enter).press(KeyCode::Enter);
    insta::assert_snapshot!(ui.screen());
}

/// The hospital sees what its answers already prove, before it sets anything.
#[test]
fn an_answered_questionnaire_fills_the_matrix_at_once() {
    let mut ui = matrix(Lang::Ja, 80, 24);
    let summary = ui.line_of("対策：");
    assert!(
        summary.contains("＊ヒアリング9・＠事業者0・＋設定0"),
        "{summary}"
    );
    assert!(
        ui.line_of("網羅 ")
            .starts_with(&format!("網羅 {}（判明 9/83）", overall_on_disk(&ui))),
        "{}",
        ui.screen()
    );
    // Most of the cell's small risks are unknown: marked so, not shown as 18%.
    let ir = ui.line_of("インシデント対応");
    assert!(ir.contains("不明       不明") && !ir.contains('？'), "{ir}");
    ir_emergency(&mut ui);
    ui.press(KeyCode::Enter);
    assert!(ui
        .line_of("バックアップも暗号化されるリスク")
        .contains("●対策済み"));
    // A BCP (bcp = yes) without its drill asked: partly in place (the crosswalk).
    assert!(ui
        .line_of("システム停止時に診療を継続できないリスク")
        .contains("◐一部対策"));
    assert!(ui
        .line_of("調査・復旧・賠償の費用を賄えないリスク")
        .contains("○未対策"));
    ui.press(KeyCode::Enter);
    let offline = ui.line_of("▶");
    assert!(offline.contains("＊●実施済み"), "{offline}");
    // The source by the question's number and the answer in words, never the ids.
    let source = ui.screen();
    assert!(source.contains("ヒアリングの回答から：問"), "{source}");
    assert!(source.contains("「はい」"), "{source}");
    assert!(!source.contains("backup_offline"), "{source}");
    ui.press(KeyCode::Down);
    let offsite = ui.line_of("▶");
    assert!(offsite.contains("＊○未実施"), "{offsite}");
    let source = ui.screen();
    assert!(source.contains("ヒアリングの回答から：問"), "{source}");
    assert!(source.contains("「いいえ」"), "{source}");
}

#[test]
fn space_sets_the_status_on_disk_and_moves_the_coverage() {
    let mut ui = matrix(Lang::Ja, 80, 24);
    let before = overall_on_disk(&ui);
    ir_emergency(&mut ui);
    // ir_incident_cost, the last scenario of the cell: cyber_insurance missing (interview).
    ui.press(KeyCode::Enter);
    for _ in 0..7 {
        ui.press(KeyCode::Down);
    }
    ui.press(KeyCode::Enter);
    assert!(ui.line_of("▶").contains("＊○未実施"), "{}", ui.screen());
    ui.key(' ');
    assert_eq!(
        status_on_disk(&ui, "cyber_insurance"),
        Some(ControlStatus::NotApplicable)
    );
    ui.key(' ');
    assert_eq!(
        status_on_disk(&ui, "cyber_insurance"),
        Some(ControlStatus::Unknown)
    );
    ui.key(' ');
    assert_eq!(
        status_on_disk(&ui, "cyber_insurance"),
        Some(ControlStatus::InPlace)
    );
    let after = overall_on_disk(&ui);
    assert_ne!(before, after);
    // The message says what happened to the coverage; the list shows the user's mark.
    assert!(
        ui.screen().contains(&format!(
            "不明 → 実施済み：網羅 {after}（判明 9/83）（変更前 {before}）"
        )),
        "{}",
        ui.screen()
    );
    assert!(ui.line_of("▶").contains("＋●実施済み"));
    assert!(ui.line_of("●対策済み：").contains("サイバー保険"));
    // `-` gives the control back to the interview (insurance = no: missing).
    ui.key('-');
    assert_eq!(status_on_disk(&ui, "cyber_insurance"), None);
    assert!(ui.line_of("▶").contains("＊○未実施"));
    ui.key(' ');
    // Back on the map, the new coverage is there.
    ui.press(KeyCode::Esc).press(KeyCode::Esc);
    let now = overall_on_disk(&ui);
    assert!(ui.line_of("網羅 ").starts_with(&format!("網羅 {now}")));
    // Partial weighs half a scenario: 2.5 of 63 scenarios covered before, 3 after.
    assert_eq!((before.as_str(), now.as_str()), ("3%", "4%"));
}

#[test]
fn esc_goes_back_one_level_at_a_time() {
    let mut ui = matrix(Lang::En, 80, 24);
    ui.press(KeyCode::Enter).press(KeyCode::Enter);
    assert!(ui.screen().contains("── Control ──"));
    ui.press(KeyCode::Esc);
    assert!(ui.screen().contains("── Its controls ──"));
    ui.press(KeyCode::Esc);
    assert!(ui.screen().contains("Covered "));
    ui.press(KeyCode::Esc);
    assert!(!ui.screen().contains("risk matrix"), "{}", ui.screen());
    // `m` comes back; `h` (a record key) is not taken by the matrix.
    ui.key('m');
    assert!(ui.screen().contains("risk matrix"));
    ui.key('h');
    assert!(!ui.screen().contains("risk matrix"), "{}", ui.screen());
}

#[test]
fn a_note_is_kept_and_shown_when_the_screen_is_opened_again() {
    let mut ui = matrix(Lang::Ja, 80, 24);
    ir_emergency(&mut ui);
    ui.press(KeyCode::Enter).press(KeyCode::Enter);
    ui.key('n');
    assert!(
        ui.screen()
            .contains("┌ メモ：バックアップの少なくとも1つを"),
        "{}",
        ui.screen()
    );
    // Letters go into the note, not to the keys (u, f, q, h…).
    ui.typed("月1回 LTO を金庫へ u f q h").press(KeyCode::Esc);
    let record = ui.store().load(&id()).unwrap();
    assert_eq!(
        record.controls["backup_offline"].note.as_deref(),
        Some("月1回 LTO を金庫へ u f q h")
    );
    assert_eq!(
        record.controls["backup_offline"].status, None,
        "the preset stays"
    );
    assert!(record.drafts.is_empty());
    ui.press(KeyCode::Esc)
        .press(KeyCode::Esc)
        .press(KeyCode::Esc);
    ui.key('m');
    ir_emergency(&mut ui);
    ui.press(KeyCode::Enter).press(KeyCode::Enter);
    assert!(
        ui.line_of("メモ：").contains("月1回 LTO を金庫へ"),
        "{}",
        ui.screen()
    );
}

#[test]
fn a_note_closed_as_it_is_kept_writes_nothing_and_a_reopened_draft_is_kept_by_esc() {
    let mut ui = matrix(Lang::En, 80, 24);
    ir_emergency(&mut ui);
    ui.press(KeyCode::Enter).press(KeyCode::Enter);
    ui.key('n').typed("vault").press(KeyCode::Esc);
    let kept = ui.store().load(&id()).unwrap();
    // Opened and closed again without a change: the record file is not written.
    ui.key('n').press(KeyCode::Esc);
    assert!(ui.screen().contains("Note unchanged"), "{}", ui.screen());
    let after = ui.store().load(&id()).unwrap();
    assert_eq!(after.updated_at, kept.updated_at);
    assert!(after.drafts.is_empty());
    // Typed, the screen left by a quit, opened again: Esc at once keeps what was typed.
    ui.key('n').typed(" B");
    ui.event(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(ui.app.shutdown(), None);
    ui.app = App::new(Lang::En, Theme { color: true }, ui.store());
    ui.press(KeyCode::Enter).key('m').press(KeyCode::Esc);
    let record = ui.store().load(&id()).unwrap();
    assert_eq!(
        record.controls["backup_offline"].note.as_deref(),
        Some("vault B")
    );
    assert!(record.drafts.is_empty());
}

#[test]
fn a_note_being_written_survives_a_quit_as_a_draft() {
    let mut ui = matrix(Lang::En, 80, 24);
    ir_emergency(&mut ui);
    ui.press(KeyCode::Enter)
        .press(KeyCode::Enter)
        .press(KeyCode::Down);
    ui.key('n').typed("ask the vendor");
    ui.event(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(ui.app.should_quit());
    assert_eq!(ui.app.shutdown(), None);
    let record = ui.store().load(&id()).unwrap();
    assert_eq!(
        record.drafts["matrix/backup_offsite"].note.as_deref(),
        Some("ask the vendor")
    );
    assert!(!record.controls.contains_key("backup_offsite"));
    // A new session opens the matrix on that control with the note open again.
    ui.app = App::new(Lang::En, Theme { color: true }, ui.store());
    ui.press(KeyCode::Enter).key('m');
    assert!(
        ui.screen()
            .contains("┌ Note: A backup is kept at a site away"),
        "{}",
        ui.screen()
    );
    assert!(ui.screen().contains("ask the vendor"));
    ui.typed(".")
        .event(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    let record = ui.store().load(&id()).unwrap();
    assert_eq!(
        record.controls["backup_offsite"].note.as_deref(),
        Some("ask the vendor.")
    );
    assert!(record.drafts.is_empty());
}

#[test]
fn filters_narrow_the_lists_and_the_title_says_so() {
    let mut ui = matrix(Lang::Ja, 80, 24);
    ir_emergency(&mut ui);
    ui.press(KeyCode::Enter);
    let scenarios = |ui: &Ui| ui.lines().iter().filter(|l| l.contains(" 小 ")).count();
    assert_eq!(scenarios(&ui), 8);
    ui.key('u');
    assert!(
        ui.lines()[0].contains("［未対策のみ］"),
        "{}",
        ui.lines()[0]
    );
    // Covered: backups, the downtime plan. Left: 6 that score 0.
    assert_eq!(scenarios(&ui), 6, "{}", ui.screen());
    assert!(ui.screen().contains("ほか2件は非表示"));
    assert!(!ui.screen().contains("バックアップも暗号化されるリスク"));
    ui.key('u').key('f');
    assert!(ui.lines()[0].contains("［病院の対策］"));
    ui.key('f');
    assert!(ui.lines()[0].contains("［事業者の対策］"));
    // Only the scenarios a vendor control prevents: the downtime plan (restore drill), the
    // restore test, the contact chain and the vendor's night contact.
    assert_eq!(scenarios(&ui), 4, "{}", ui.screen());
    // The downtime plan: the vendor's restore drill shown, the hospital's BCP hidden.
    ui.press(KeyCode::Down).press(KeyCode::Enter);
    // The vendor's restore drill, by its words (a screen shows no ids).
    assert!(
        ui.screen().contains("バックアップからの復旧手順を整え"),
        "{}",
        ui.screen()
    );
    assert!(ui.screen().contains("事業者 "), "{}", ui.screen());
    assert!(!ui.screen().contains(" 病院 "), "{}", ui.screen());
    assert!(
        ui.screen().contains("ほか1件はフィルタで非表示（f）"),
        "{}",
        ui.screen()
    );
    ui.key('f');
    assert!(!ui.lines()[0].contains("［"), "{}", ui.lines()[0]);
}

#[test]
fn a_read_only_record_refuses_status_and_note() {
    let mut holder = None;
    let mut ui = Ui::new(Lang::Ja, 80, 24, |s| {
        let r = add(s, &ANSWERED);
        holder = Some(s.lock(&r.id).unwrap());
    });
    ui.press(KeyCode::Enter).key('m');
    ir_emergency(&mut ui);
    ui.press(KeyCode::Enter).press(KeyCode::Enter);
    ui.key(' ');
    assert!(ui.screen().contains("読み取り専用です"), "{}", ui.screen());
    // The note opens to be read (issue 18): what is typed next goes nowhere, no command.
    ui.key('n');
    assert!(ui.screen().contains("読み取り専用です"));
    assert!(ui.screen().contains("読み取り専用：Esc"), "{}", ui.screen());
    ui.key('x').press(KeyCode::Esc);
    assert!(!ui.screen().contains("┌ メモ"), "{}", ui.screen());
    let record = ui.store().load(&id()).unwrap();
    assert!(record.controls.is_empty());
    assert!(ui.line_of("▶").contains("＊●実施済み"));
    drop(holder);
}

#[test]
fn the_help_lists_the_matrix_keys_and_marks() {
    let mut ui = matrix(Lang::En, 80, 24);
    ui.press(KeyCode::Enter).press(KeyCode::Enter).key('?');
    let s = ui.screen();
    for want in [
        "Space",
        "Next status",
        "Note on this control",
        "set by the user / checklist",
    ] {
        assert!(s.contains(want), "{want}: {s}");
    }
}

/// Without colour (NO_COLOR) the map still reads: the selected cell is marked and reversed, and
/// each cell carries its shade and its percentage.
#[test]
fn without_colour_the_selection_is_a_marker_and_a_reversed_cell() {
    let mut ui = matrix(Lang::En, 80, 24);
    ui.app.theme = Theme::mono();
    ir_emergency(&mut ui);
    let row = ui
        .lines()
        .iter()
        .position(|l| l.starts_with("Incident resp."))
        .unwrap();
    let line = &ui.lines()[row];
    let x = line.find('▶').map(|b| line[..b].chars().count()).unwrap() as u16;
    let buf = ui.term.backend().buffer().clone();
    let reversed = |x: u16| {
        buf[(x, row as u16)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    };
    assert!(!reversed(x), "the marker itself is not reversed");
    assert!((x + 1..x + 11).all(reversed), "{line}");
    assert!(!reversed(x + 11));
    assert!(line.contains("▶      n/k") && !line.contains('?'), "{line}");
    assert_eq!(buf[(x + 1, row as u16)].fg, ratatui::style::Color::Reset);
}
