//! Next year's risk matrix: the statuses `copy` carried — the user's marks and those the
//! interview's carried answers give — are shown with their `～`, cover nothing until confirmed,
//! and are confirmed with the interview's keys: `y` (F2) one control, `Y` (F3) a whole risk
//! category, each offered in the footer only where something is carried.

mod ui;

use crossterm::event::KeyCode;
use shindan::domain::matrix::mark::{set_mark, MarkChange};
use shindan::domain::matrix::{Catalog, ControlStatus, Coverage, StatusInput};
use shindan::domain::{history, Lang, Questionnaire, Record};
use shindan::store::Store;
use ui::{add, fixed, Ui};

/// Last year's answers: backups offline but not off site, a BCP, no IR procedure.
const ANSWERS: [(&str, &str); 10] = [
    ("hospital_name", "聖マリア記念病院"),
    ("beds", "350"),
    ("founder", "medical_corporation"),
    ("associations", "jha"),
    ("threat", "yes"),
    ("backup", "yes"),
    ("backup_offline", "yes"),
    ("backup_offsite", "no"),
    ("incident_response", "no"),
    ("bcp", "yes"),
];

/// Last year's record (2025) with one mark set by the user, and its copy (2026).
fn copied(store: &Store) {
    let mut old = add(store, &ANSWERS);
    let change = MarkChange {
        status: Some(StatusInput::Set(ControlStatus::InPlace)),
        ..MarkChange::default()
    };
    set_mark(
        Catalog::embedded(),
        &mut old,
        "cyber_insurance",
        change,
        fixed(),
    )
    .unwrap();
    let lock = store.lock(&old.id).unwrap();
    store.save(&mut old, &lock).unwrap();
    drop(lock);
    let clock = shindan::clock::system();
    store
        .create(2026, |id| history::copy(&old, id, &clock))
        .unwrap();
}

fn the_copy(ui: &Ui) -> Record {
    ui.record_of("2026-")
}

fn coverage_of(r: &Record) -> Option<u8> {
    Coverage::of(Catalog::embedded(), r, Questionnaire::embedded())
        .overall
        .percent()
}

/// The copy's matrix, on インシデント対応 × 非常時運用 (backups, the BCP, the IR procedure and
/// insurance), its controls open.
fn ir_controls(lang: Lang, w: u16, h: u16) -> Ui {
    let mut ui = Ui::new(lang, w, h, copied);
    ui.select_second("2026-", "2025-");
    // The interview opens on the carried name, a text field: Alt-m, where m would be typed.
    ui.press(KeyCode::Enter);
    ui.alt('m');
    for _ in 0..10 {
        ui.press(KeyCode::Up);
    }
    for _ in 0..6 {
        ui.press(KeyCode::Left);
    }
    for _ in 0..6 {
        ui.press(KeyCode::Down);
    }
    for _ in 0..3 {
        ui.press(KeyCode::Right);
    }
    ui.press(KeyCode::Enter).press(KeyCode::Enter);
    ui
}

#[test]
fn carried_statuses_show_their_mark_and_cover_nothing_until_confirmed() {
    let mut ui = ir_controls(Lang::Ja, 80, 24);
    let copy = the_copy(&ui);
    let store = Store::open(ui.dir.path()).unwrap();
    let old = store.load(&"2025-001".parse().unwrap()).unwrap();
    assert!(coverage_of(&old).unwrap_or(0) > 0);
    assert_eq!(
        coverage_of(&copy).unwrap_or(0),
        0,
        "what was carried covers nothing before a confirmation"
    );
    insta::assert_snapshot!("matrix_carried_controls_ja_80x24", ui.screen());
    let footer = ui.lines().last().cloned().unwrap();
    assert!(footer.contains("y 昨年のまま確認"), "{footer}");
    assert!(footer.contains("Y 分類を確認"), "{footer}");
    // Back on the heat map, the summary says how many statuses wait to be confirmed.
    ui.press(KeyCode::Esc).press(KeyCode::Esc);
    assert!(ui.screen().contains("～前年から未確認"), "{}", ui.screen());
}

#[test]
fn y_confirms_one_control_and_big_y_its_category() {
    let mut ui = ir_controls(Lang::En, 80, 24);
    // The control under the cursor rests on a carried answer: y confirms that answer.
    let first = the_copy(&ui);
    ui.key('y');
    let after_one = the_copy(&ui);
    let confirmed = first
        .answers
        .iter()
        .filter(|(q, a)| a.carried && !after_one.answers[*q].carried)
        .count();
    assert_eq!(confirmed, 1, "{}", ui.screen());
    assert!(
        ui.screen().contains("Confirmed as it is:"),
        "{}",
        ui.screen()
    );
    assert!(coverage_of(&after_one).is_some());
    // Y: the whole category, the user's carried mark on the insurance included.
    ui.key('Y');
    let all = the_copy(&ui);
    assert!(
        !all.controls["cyber_insurance"].carried,
        "{:?}",
        all.controls
    );
    assert!(
        ui.screen().contains("carried status(es) of"),
        "{}",
        ui.screen()
    );
    let footer = ui.lines().last().cloned().unwrap();
    assert!(
        !footer.contains("confirm"),
        "nothing left to offer: {footer}"
    );
    // Once confirmed, y says there is nothing to confirm and writes nothing.
    let before = the_copy(&ui).updated_at;
    ui.key('y');
    assert!(
        ui.screen().contains("Not a status carried"),
        "{}",
        ui.screen()
    );
    assert_eq!(the_copy(&ui).updated_at, before);
}
