//! Next year's checklist in a real pseudo-terminal: the home screen's copy carries last year's
//! checklist answers, the checklist screen shows them carried (必須 0/22), `Y` confirms a
//! section and F2 one item, each checked on today's date, and readiness counts them — on screen
//! and in the saved record.

mod support;

use chrono::{NaiveDate, TimeZone, Utc};
use shindan::domain::checklist::{rules, AnswerInput, Editions, Form, YesNo};
use shindan::store::Store;
use support::Pty;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Last year's record, every item of its checklist answered はい on 2025-06-02.
fn last_year(data: &std::path::Path) {
    let eds = Editions::shipped();
    let ed = eds.get("mhlw-r7").unwrap();
    let then = Utc.with_ymd_and_hms(2025, 6, 2, 1, 0, 0).unwrap();
    support::co_operative(data, 2025, then, |r| {
        let ids: Vec<String> = ed.items_on(Form::Hospital).map(|i| i.id.clone()).collect();
        for item in ids {
            let input = AnswerInput {
                answer: YesNo::Yes,
                checked_on: d("2025-06-02"),
                target_on: None,
                note: None,
                evidence: None,
            };
            rules::answer(eds, r, "mhlw-r7", &item, input, d("2025-06-02"), then).unwrap();
        }
    });
}

#[test]
fn copy_then_confirm_a_checklist_section_then_readiness() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    last_year(&data);
    let env = [("SHINDAN_NOW", "2026-05-11T01:00:00Z"), ("TZ", "UTC")];
    let mut t = Pty::shindan(&data, &[], &env, 100, 30);
    t.copy_to_next_year();
    // Alt+c from the name's field: the checklist, everything carried, nothing counted.
    t.send("\x1bc");
    t.wait_for("必須 0/22");
    t.wait_for("前年度 はい  確認日 2025-06-02");
    t.wait_for("Y 項を確認");
    // Section 1 (two items) at once, then 2① alone with F2.
    t.send("]");
    t.send("Y");
    t.wait_for("項1の昨年の回答2件を確認日 2026-05-11 で確認しました");
    t.wait_for("必須 2/22");
    t.send("]");
    t.send("\x1bOQ");
    t.wait_for("→ 確認日 2026-05-11 で確認しました");
    t.wait_for("必須 3/22");
    t.send("\x03");
    assert!(t.wait_exit().success());
    let listing = Store::open(&data).unwrap().list().unwrap();
    let copy = listing
        .records
        .iter()
        .find(|r| r.id.to_string().starts_with("2026-"))
        .expect("the copy is saved");
    let answers = &copy.checklists["mhlw-r7"];
    for item in [
        "c1_security_manager",
        "c1_operation_rules",
        "c2_device_register",
    ] {
        let a = answers.latest(item).unwrap();
        assert!(a.carried.is_none(), "{item} confirmed");
        assert_eq!(a.checked_on, d("2026-05-11"), "{item} checked today");
    }
    assert!(answers
        .latest("c2_remote_maintenance")
        .unwrap()
        .carried
        .is_some());
}
