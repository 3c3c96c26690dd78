//! Next year's checklist and contact chart in the terminal UI: what a copy carried (checklist
//! answers with their dates, a vendor's returned form, a contact) is shown as carried, with last
//! year's 確認日 in sight, counts towards no readiness, and is confirmed one item or one section
//! at a time with the keys the footer names — a confirmed item gets today's 確認日, never last
//! year's. The clock is stopped (SHINDAN_NOW) so that "today" is the same on every run.

mod ui;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use crossterm::event::KeyCode;
use shindan::domain::checklist::view::RowStatus;
use shindan::domain::checklist::{
    rules, AnswerInput, ChecklistView, Editions, EvidenceState, Form, YesNo,
};
use shindan::domain::contacts::{self, ContactChart, ContactInput};
use shindan::domain::record::contact::Position;
use shindan::domain::vendor_file;
use shindan::domain::vendors;
use shindan::domain::{history, Lang, Questionnaire, Record};
use shindan::store::Store;
use ui::Ui;

/// This year's today: 2026-05-11, in 2026年度.
const NOW: &str = "2026-05-11T01:00:00Z";
const LAST_YEAR: &str = "2025-06-02";

fn stop_the_clock() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    // Every test of this file sets the same values, once, before any clock is read.
    ONCE.call_once(|| unsafe {
        std::env::set_var("TZ", "UTC");
        std::env::set_var(shindan::clock::NOW_VAR, NOW);
    });
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn then() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 2, 1, 0, 0).unwrap()
}

/// Last year's record, its checklist answered (every item はい but 3(3) いいえ, whose 目標日
/// has passed by now), its vendor's form back, the police's number in the chart; and the copy.
fn copied(store: &Store) {
    let eds = Editions::shipped();
    let ed = eds.get("mhlw-r7").unwrap();
    let old = store
        .create(2025, |id| {
            let mut r = Record::new(id, d(LAST_YEAR), then());
            for (q, v) in ui::SAMPLE {
                shindan::domain::validate::answer_from_input(
                    Questionnaire::embedded(),
                    &mut r,
                    q,
                    v,
                    then(),
                )
                .unwrap();
            }
            let ids: Vec<String> = ed.items_on(Form::Hospital).map(|i| i.id.clone()).collect();
            for item in ids {
                let no = item == "c3_bcp";
                let input = AnswerInput {
                    answer: if no { YesNo::No } else { YesNo::Yes },
                    checked_on: d(LAST_YEAR),
                    target_on: no.then(|| d("2026-03-31")),
                    note: None,
                    evidence: None,
                };
                rules::answer(eds, &mut r, "mhlw-r7", &item, input, d(LAST_YEAR), then()).unwrap();
            }
            vendors::form_sent(
                &mut r,
                "ベンダーA",
                Some("電子カルテ"),
                "mhlw-r7",
                d(LAST_YEAR),
                then(),
            )
            .unwrap();
            let mut form =
                vendor_file::blank(ed, &r, "ベンダーA", "電子カルテ", d(LAST_YEAR), Lang::Ja);
            for row in form.items.iter_mut() {
                row.answer = "yes".into();
                row.checked_on = LAST_YEAR.into();
            }
            vendor_file::import(ed, &mut r, form.to_json().as_bytes(), d(LAST_YEAR), then())
                .unwrap();
            let police = ContactInput {
                organisation: Some("県警".into()),
                phone: Some("03-0000-0000".into()),
                ..ContactInput::default()
            };
            contacts::set(&mut r, Position::Police, None, police, then()).unwrap();
            r
        })
        .unwrap();
    let clock = shindan::clock::system();
    store
        .create(2026, |id| history::copy(&old, id, &clock))
        .unwrap();
}

/// The copy open on one of its screens (Alt+key from the interview's first, text, question).
fn open_copy(lang: Lang, w: u16, h: u16, screen: char) -> Ui {
    stop_the_clock();
    let mut ui = Ui::new(lang, w, h, copied);
    ui.select_second("2026-", "2025-");
    ui.press(KeyCode::Enter);
    ui.alt(screen);
    ui
}

fn the_copy(ui: &Ui) -> Record {
    ui.record_of("2026-")
}

/// The checklist's readiness as the domain computes it: (required items done, vendors back).
fn readiness(r: &Record) -> (usize, usize) {
    let eds = Editions::shipped();
    let ed = eds.get("mhlw-r7").unwrap();
    let clock = shindan::clock::system();
    let view = ChecklistView::build(eds, ed, r, Questionnaire::embedded(), &clock, &|_| {
        EvidenceState::NotChecked
    });
    let done = view
        .rows()
        .filter(|r| r.status == RowStatus::Done && r.required)
        .count();
    (done, view.readiness.vendors_returned)
}

fn latest(r: &Record, item: &str) -> shindan::domain::checklist::ItemAnswer {
    r.checklists["mhlw-r7"].latest(item).unwrap().clone()
}

#[test]
fn carried_checklist_ja_80x24() {
    let ui = open_copy(Lang::Ja, 80, 24, 'c');
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn carried_checklist_en_80x24() {
    let ui = open_copy(Lang::En, 80, 24, 'c');
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn carried_contacts_ja_80x24() {
    let mut ui = open_copy(Lang::Ja, 80, 24, 't');
    for _ in 0..6 {
        ui.press(KeyCode::Down);
    }
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn a_carried_item_shows_last_years_date_and_f2_checks_it_again_today() {
    let mut ui = open_copy(Lang::Ja, 100, 30, 'c');
    let screen = ui.screen();
    // Nothing counts yet; the item says whose date it shows, and the footer has the keys.
    assert_eq!(readiness(&the_copy(&ui)), (0, 0));
    assert!(screen.contains("必須 0/22"), "{screen}");
    assert!(screen.contains("事業者 0/1"), "{screen}");
    assert!(
        screen.contains(&format!("前年度 はい  確認日 {LAST_YEAR}")),
        "{screen}"
    );
    let footer = ui.line_of("F2 確認");
    assert!(footer.contains("Y 項を確認"), "{footer}");
    for c in ui.app.commands() {
        assert!(c.binding().is_some(), "{:?} {:?}", c.scope, c.intent);
    }
    // y still answers はい (a form opens); it confirms nothing by itself.
    ui.key('y');
    assert!(latest(&the_copy(&ui), "c0_has_systems").carried.is_some());
    ui.press(KeyCode::Esc);
    // F2: the gate item, checked again today, last year's date gone from the record.
    ui.press(KeyCode::F(2));
    let r = the_copy(&ui);
    let a = latest(&r, "c0_has_systems");
    assert!(a.carried.is_none());
    assert_eq!(a.checked_on, d("2026-05-11"));
    assert_eq!(r.checklists["mhlw-r7"].history("c0_has_systems").len(), 1);
    assert_eq!(readiness(&r), (1, 0));
    let screen = ui.screen();
    assert!(
        screen.contains(&format!(
            "前年度 確認日 {LAST_YEAR} → 確認日 2026-05-11 で確認しました"
        )),
        "{screen}"
    );
    assert!(screen.contains("必須 1/22"), "{screen}");
    // Ctrl-Y does the same on the next item (the cursor moved on).
    ui.ctrl('y');
    assert!(latest(&the_copy(&ui), "c1_security_manager")
        .carried
        .is_none());
}

#[test]
fn shift_y_confirms_a_section_and_leaves_a_passed_target_for_a_new_date() {
    let mut ui = open_copy(Lang::Ja, 100, 30, 'c');
    // Section 3: 3(1) and 3(2) as they are; 3(3)'s いいえ had a 目標日 that has passed.
    ui.key(']').key(']').key(']');
    assert!(ui.line_of("▶").contains("3(1)"), "{}", ui.screen());
    ui.key('Y');
    let r = the_copy(&ui);
    for item in ["c3_contact_chart", "c3_backup_recovery"] {
        let a = latest(&r, item);
        assert!(a.carried.is_none(), "{item}");
        assert_eq!(a.checked_on, d("2026-05-11"), "{item}");
    }
    assert!(latest(&r, "c3_bcp").carried.is_some());
    assert_eq!(readiness(&r).0, 2);
    let screen = ui.screen();
    assert!(
        screen.contains("昨年の回答2件を確認日 2026-05-11"),
        "{screen}"
    );
    assert!(screen.contains("3(3) は F2 で一つずつ"), "{screen}");
    assert!(screen.contains("必須 2/22"), "{screen}");
    // Other sections still wait.
    assert!(latest(&r, "c1_security_manager").carried.is_some());
    // F2 on 3(3) opens its form, the refusal under the target, today as the 確認日.
    ui.key('j').key('j');
    ui.press(KeyCode::F(2));
    let screen = ui.screen();
    assert!(screen.contains("前年度 確認日 2025-06-02"), "{screen}");
    assert!(screen.contains("[2026-05-11"), "{screen}");
    assert!(screen.contains("✗ 目標日 2026-03-31"), "{screen}");
    for _ in 0..10 {
        ui.press(KeyCode::Backspace);
    }
    for c in "2027-03-31".chars() {
        ui.key(c);
    }
    ui.press(KeyCode::Enter);
    let a = latest(&the_copy(&ui), "c3_bcp");
    assert!(a.carried.is_none());
    assert_eq!(
        (a.answer, a.checked_on, a.target_on),
        (YesNo::No, d("2026-05-11"), Some(d("2027-03-31")))
    );
}

#[test]
fn a_vendors_carried_form_is_confirmed_with_y_on_the_panel() {
    let mut ui = open_copy(Lang::Ja, 100, 30, 'c');
    ui.key('v');
    let screen = ui.screen();
    assert!(
        screen.contains("* 前年度返却 2025-06-02 未確認"),
        "{screen}"
    );
    assert!(ui.line_of("y 確認").contains("a 追加"));
    ui.key('y');
    assert_eq!(readiness(&the_copy(&ui)).1, 1);
    let screen = ui.screen();
    assert!(screen.contains("事業者 1/1"), "{screen}");
    assert!(
        screen.contains("前年度の返却を今年の分として確認"),
        "{screen}"
    );
}

#[test]
fn a_carried_contact_counts_once_confirmed_alone_or_with_its_side() {
    let mut ui = open_copy(Lang::Ja, 80, 24, 't');
    let screen = ui.screen();
    assert!(screen.contains("記入 0/9（昨年から未確認 1）"), "{screen}");
    assert!(ui.line_of("都道府県警察").contains("* "), "{screen}");
    // Inside the hospital nothing is carried: the side key is not offered there.
    assert!(!ui.screen().contains("Y 区分を確認"), "{}", ui.screen());
    // The police's place is outside: y confirms it.
    while !ui.line_of("▶").contains("都道府県警察") {
        ui.press(KeyCode::Down);
    }
    assert!(ui.screen().contains("y/F2 で確認"), "{}", ui.screen());
    assert!(ui.line_of("y 確認").contains("Y 区分を確認"));
    ui.key('y');
    let chart = ContactChart::of(&the_copy(&ui));
    assert_eq!((chart.filled(), chart.carried()), (1, 0));
    assert!(ui.screen().contains("記入 1/9"), "{}", ui.screen());
    assert!(ui.line_of("都道府県警察").contains("✓"), "{}", ui.screen());
}

#[test]
fn shift_y_confirms_every_carried_contact_outside() {
    let mut ui = open_copy(Lang::En, 80, 24, 't');
    while !ui.line_of("▶").contains("Prefectural police") {
        ui.press(KeyCode::Down);
    }
    ui.key('Y');
    let chart = ContactChart::of(&the_copy(&ui));
    assert_eq!((chart.filled(), chart.carried()), (1, 0));
    assert!(
        ui.screen().contains("Confirmed 1 carried place(s) outside"),
        "{}",
        ui.screen()
    );
}
