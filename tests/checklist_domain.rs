//! The MHLW checklist in the domain: the shipped editions and their links, loading a newer
//! edition from a file, every answer rule, readiness, carrying r6 → r7, conflicts, evidence,
//! the vendor's file and the contact chart.

use chrono::{DateTime, NaiveDate, Utc};
use shindan::domain::checklist::edition::{self, EditionProblem};
use shindan::domain::checklist::rules::{self, AnswerInput, ChecklistError};
use shindan::domain::checklist::view::{Gap, HintSource, Missing, RowStatus};
use shindan::domain::checklist::{
    diff, risk_link, ChecklistView, Editions, EvidenceState, Form, Wording, YesNo,
};
use shindan::domain::contacts::{self, ContactInput, Position};
use shindan::domain::record::checklist_answers::Evidence;
use shindan::domain::vendor_file;
use shindan::domain::vendors;
use shindan::domain::{validate, Clock, Lang, Questionnaire, Record, RecordId};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn now() -> DateTime<Utc> {
    "2026-06-01T01:00:00Z".parse().unwrap()
}

const TODAY: &str = "2026-06-01";

fn record() -> Record {
    Record::new(RecordId::new(2026, 1), d(TODAY), now())
}

fn eds() -> &'static Editions {
    Editions::shipped()
}

fn input(answer: YesNo, checked: &str, target: Option<&str>) -> AnswerInput {
    AnswerInput {
        answer,
        checked_on: d(checked),
        target_on: target.map(d),
        note: None,
        evidence: None,
    }
}

fn answer(
    r: &mut Record,
    edition: &str,
    item: &str,
    a: YesNo,
    checked: &str,
    target: Option<&str>,
) -> Result<rules::Recorded, ChecklistError> {
    rules::answer(
        eds(),
        r,
        edition,
        item,
        input(a, checked, target),
        d(TODAY),
        now(),
    )
}

/// The hospital's clock: TODAY in Tokyo.
fn tokyo() -> Clock {
    let jst = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
    Clock::new(now(), shindan::domain::clock::Zone::Fixed(jst))
}

fn view<'e>(r: &Record, edition: &str) -> ChecklistView<'e> {
    let ed = eds().get(edition).unwrap();
    ChecklistView::build(eds(), ed, r, Questionnaire::embedded(), &tokyo(), &|_| {
        EvidenceState::NotChecked
    })
}

// ---------- editions as data ----------

#[test]
fn shipped_editions_hold_the_spec_items() {
    let r6 = eds().get("mhlw-r6").unwrap();
    let r7 = eds().get("mhlw-r7").unwrap();
    assert_eq!(eds().ids(), vec!["mhlw-r6", "mhlw-r7"]);
    assert_eq!(eds().newest().unwrap().id, "mhlw-r7");
    // 1 gate + 18 items; 14 rows in section 2.
    assert_eq!(r6.items.len(), 19);
    assert_eq!(r6.items.iter().filter(|i| i.section == 2).count(), 14);
    assert_eq!(r6.gate.as_deref(), Some("c0_has_systems"));
    // r7: the three patch rows become one, five items are added.
    assert_eq!(r7.items.len(), 19 - 3 + 1 + 5);
    let numbers: Vec<&str> = r7
        .items
        .iter()
        .filter(|i| i.section == 2)
        .filter_map(|i| i.number.as_deref())
        .collect();
    for n in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬".chars() {
        assert!(numbers.contains(&format!("2{n}").as_str()), "2{n} missing");
    }
    let tf = r7.item("c2_two_factor").unwrap();
    assert_eq!(tf.target_by, Some(d("2028-03-31")));
    // Unconfirmed exactly where the spec says: 2(9), the full wording of external media, the
    // place of the operation rules.
    fn unconfirmed(e: &edition::Edition) -> Vec<&str> {
        e.items
            .iter()
            .filter(|i| i.wording == Wording::Unconfirmed)
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>()
    }
    assert_eq!(
        unconfirmed(r6),
        vec!["c2_background_services_server", "c2_background_services_pc"]
    );
    assert_eq!(
        unconfirmed(r7),
        vec![
            "c1_operation_rules",
            "c2_external_media",
            "c2_background_services_server",
            "c2_background_services_pc"
        ]
    );
    // Section 3 is on the hospital's form only; sections 1–2 on both, with vendor wording.
    for e in [r6, r7] {
        for i in &e.items {
            let both = i.section == 1 || i.section == 2;
            assert_eq!(i.on(Form::Vendor), both, "{}", i.id);
            assert!(i.on(Form::Hospital), "{}", i.id);
        }
    }
    assert_eq!(
        r6.item("c2_mds_sds").unwrap().text_for(Form::Vendor).ja,
        "医療機関に製造業者/サービス事業者による医療情報セキュリティ開示書（MDS/SDS）を提出した"
    );
    assert!(r6.item("c1_security_manager").unwrap().vendor_self);
}

#[test]
fn shipped_links_are_valid_and_follow_the_spec_table() {
    let qn = Questionnaire::embedded();
    let r7 = eds().get("mhlw-r7").unwrap();
    let mut ids = std::collections::HashSet::new();
    for e in eds().all() {
        ids.clear();
        for i in &e.items {
            assert!(ids.insert(&i.id), "{} twice in {}", i.id, e.id);
            for q in &i.survey {
                assert!(qn.question(q).is_some(), "{}: {q}", i.id);
            }
            for c in &i.risk {
                assert!(risk_link::category(c).is_some(), "{}: {c}", i.id);
            }
        }
    }
    assert_eq!(risk_link::category_ids().len(), 9);
    let item = |id| r7.item(id).unwrap();
    assert_eq!(item("c3_bcp").survey, vec!["bcp"]);
    assert_eq!(
        item("c3_backup_recovery").survey,
        vec!["backup", "backup_offline", "backup_offsite"]
    );
    assert_eq!(
        item("c2_patch_all").survey,
        vec!["vpn_flagged", "vpn_patched"]
    );
    assert_eq!(item("c2_patch_all").risk, vec!["maintenance", "network"]);
    assert_eq!(item("c2_external_media").risk, vec!["media_devices"]);
    assert_eq!(
        item("c3_contact_chart").risk,
        vec!["incident_response", "governance"]
    );
    // The merge map: three r6 items, gone from r7, into one new r7 item.
    let r6 = eds().get("mhlw-r6").unwrap();
    assert_eq!(r7.merged.len(), 1);
    let m = &r7.merged[0];
    assert_eq!(m.into, "c2_patch_all");
    for f in &m.from {
        assert!(r6.item(f).is_some() && r7.item(f).is_none(), "{f}");
    }
    assert!(r6.item("c2_patch_all").is_none());
}

fn r8_json(edit: impl Fn(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../assets/checklists/mhlw-r7.json")).unwrap();
    v["id"] = "mhlw-r8".into();
    v["fiscal_year"] = 2026.into();
    v["previous"] = "mhlw-r7".into();
    v["merged"] = serde_json::json!([]);
    edit(&mut v);
    serde_json::to_string(&v).unwrap()
}

#[test]
fn a_newer_edition_loads_from_a_file() {
    let mut e = eds().clone();
    let id = e
        .add(&r8_json(|v| {
            v["items"][3]["text"]["ja"] = "新しい文言".into();
        }))
        .unwrap();
    assert_eq!(id, "mhlw-r8");
    assert_eq!(e.newest().unwrap().id, "mhlw-r8");
    let dff = diff::diff(e.get("mhlw-r7").unwrap(), e.get("mhlw-r8").unwrap());
    assert_eq!(dff.reworded.len(), 1);
    assert_eq!(dff.reworded[0].id, "c2_device_register");
    assert!(dff.added.is_empty() && dff.removed.is_empty() && dff.merged.is_empty());
}

#[test]
fn a_bad_edition_file_names_the_field() {
    let cases: Vec<(String, &str, &str)> = vec![
        (
            r8_json(|v| v["items"][3]["target_by"] = "2028-13-01".into()),
            "items[3].target_by",
            "not a date",
        ),
        (
            r8_json(|v| v["items"][2]["survey"] = serde_json::json!(["no_such_question"])),
            "items[2].survey[0]",
            "not a survey question",
        ),
        (
            r8_json(|v| v["items"][4]["risk"] = serde_json::json!(["network", "weather"])),
            "items[4].risk[1]",
            "not a risk category",
        ),
        (
            r8_json(|v| v["items"][5]["id"] = "c2_device_register".into()),
            "items[5].id",
            "used twice",
        ),
        (
            r8_json(|v| v["items"][1]["required_since"] = "R6".into()),
            "items[1].required_since",
            "令和 edition",
        ),
        (
            r8_json(|v| v["items"][1]["taget_by"] = "2028-03-31".into()),
            "items[1].taget_by",
            "unknown field",
        ),
        (
            r8_json(
                |v| v["merged"] = serde_json::json!([{"from": ["c2_patch_all", "c2_nope"], "into": "c2_two_factor"}]),
            ),
            "merged[0].from[0]",
            "still an item",
        ),
        (
            r8_json(|v| v["id"] = "mhlw-r7".into()),
            "id",
            "already shipped",
        ),
        (
            r8_json(|v| {
                v["items"][6]["gl6"] = serde_json::json!([{"part": "運用編", "section": "8"}])
            }),
            "items[6].gl6[0].part",
            "not a part of GL 6.0",
        ),
        (
            r8_json(|v| {
                v["items"][9]["unconfirmed"] = serde_json::Value::Null;
            }),
            "items[9].unconfirmed",
            "unconfirmed item needs",
        ),
    ];
    for (json, at, words) in cases {
        let err = eds().clone().add(&json).unwrap_err();
        assert_eq!(err.at, at, "{err}");
        assert!(err.to_string().contains(words), "{err}");
        assert!(
            err.message(Lang::Ja).starts_with(at),
            "{}",
            err.message(Lang::Ja)
        );
    }
    let err = eds().clone().add("{\"id\": ").unwrap_err();
    assert!(err.at.starts_with("line 1"), "{err}");
    assert!(matches!(err.problem, EditionProblem::Shape(_)));
}

// ---------- answer rules ----------

#[test]
fn target_dates_end_with_the_fiscal_year() {
    let mut r = record();
    // Checked on 31 March: that day closes the fiscal year.
    answer(
        &mut r,
        "mhlw-r7",
        "c3_bcp",
        YesNo::No,
        "2026-03-31",
        Some("2026-03-31"),
    )
    .unwrap();
    let e = answer(
        &mut r,
        "mhlw-r7",
        "c3_bcp",
        YesNo::No,
        "2026-03-31",
        Some("2026-04-01"),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "the target date 2026-04-01 is after 2026-03-31 (the end of the fiscal year of the date checked): the target is at the latest 2026-03-31"
    );
    assert!(e.message(Lang::Ja).contains("確認日の年度末"));
    // Checked on 1 April: a new fiscal year, up to the next 31 March.
    answer(
        &mut r,
        "mhlw-r7",
        "c3_bcp",
        YesNo::No,
        "2026-04-01",
        Some("2027-03-31"),
    )
    .unwrap();
    let e = answer(
        &mut r,
        "mhlw-r7",
        "c3_bcp",
        YesNo::No,
        "2026-04-01",
        Some("2027-04-01"),
    )
    .unwrap_err();
    assert!(matches!(e, ChecklistError::TargetTooLate { .. }), "{e}");
}

#[test]
fn an_item_deadline_extends_the_target() {
    let mut r = record();
    answer(
        &mut r,
        "mhlw-r7",
        "c2_two_factor",
        YesNo::No,
        "2026-05-01",
        Some("2028-03-31"),
    )
    .unwrap();
    let e = answer(
        &mut r,
        "mhlw-r7",
        "c2_two_factor",
        YesNo::No,
        "2026-05-02",
        Some("2028-04-01"),
    )
    .unwrap_err();
    assert!(e.to_string().contains("the item's own deadline"), "{e}");
    assert!(e.message(Lang::Ja).contains("この項目の期限"));
    let item = eds().get("mhlw-r7").unwrap().item("c2_two_factor").unwrap();
    let limit = rules::target_limit(item, d("2026-05-01"));
    assert_eq!((limit.date, limit.by_item), (d("2028-03-31"), true));
    // Past the deadline's fiscal year the fiscal year rules again.
    let limit = rules::target_limit(item, d("2028-04-01"));
    assert_eq!((limit.date, limit.by_item), (d("2029-03-31"), false));
}

#[test]
fn every_answer_rule_refuses_with_what_is_allowed() {
    let mut r = record();
    let e = answer(&mut r, "mhlw-r7", "c3_bcp", YesNo::No, "2026-05-01", None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "`no` needs a target date from 2026-05-01 to 2027-03-31"
    );
    assert!(e.message(Lang::Ja).contains("目標日が必要"));
    let e = answer(
        &mut r,
        "mhlw-r7",
        "c3_bcp",
        YesNo::No,
        "2026-05-01",
        Some("2026-04-30"),
    )
    .unwrap_err();
    assert!(matches!(e, ChecklistError::TargetBeforeCheck { .. }), "{e}");
    assert!(e.message(Lang::Ja).contains("確認日以降"));
    let e = answer(&mut r, "mhlw-r7", "c3_bcp", YesNo::Yes, "2026-06-02", None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the date checked 2026-06-02 is in the future: the date checked is today (2026-06-01) or earlier"
    );
    let e = answer(
        &mut r,
        "mhlw-r7",
        "c3_bcp",
        YesNo::Yes,
        "2026-05-01",
        Some("2026-06-01"),
    )
    .unwrap_err();
    assert_eq!(e, ChecklistError::TargetOnYes);
    let e = answer(
        &mut r,
        "mhlw-r7",
        "c9_nothing",
        YesNo::Yes,
        "2026-05-01",
        None,
    )
    .unwrap_err();
    assert!(e.to_string().contains("items: 前提, 1(1)"), "{e}");
    let e = answer(&mut r, "mhlw-r9", "c3_bcp", YesNo::Yes, "2026-05-01", None).unwrap_err();
    assert!(e.to_string().contains("editions: mhlw-r6, mhlw-r7"), "{e}");
    // None of the refusals touched the record.
    assert!(r.checklists.is_empty());
    // While typing: a target date checked against the check date.
    let item = eds().get("mhlw-r7").unwrap().item("c3_bcp").unwrap();
    assert_eq!(
        rules::check_target_input(item, d("2026-05-01"), "2026/9/30"),
        Ok(d("2026-09-30"))
    );
    let e = rules::check_target_input(item, d("2026-05-01"), "2026-9-31").unwrap_err();
    assert_eq!(
        e.to_string(),
        "target date: `2026-9-31` is not a date: write YYYY-MM-DD"
    );
}

#[test]
fn history_keeps_each_check_and_same_day_corrects() {
    let mut r = record();
    let first = answer(
        &mut r,
        "mhlw-r7",
        "c3_bcp",
        YesNo::No,
        "2026-04-10",
        Some("2026-12-31"),
    )
    .unwrap();
    assert_eq!((first.number, first.corrected), (1, false));
    let same = answer(
        &mut r,
        "mhlw-r7",
        "c3_bcp",
        YesNo::No,
        "2026-04-10",
        Some("2026-11-30"),
    )
    .unwrap();
    assert_eq!((same.number, same.corrected), (1, true));
    let second = answer(&mut r, "mhlw-r7", "c3_bcp", YesNo::Yes, "2026-05-20", None).unwrap();
    assert_eq!((second.number, second.corrected), (2, false));
    let h = r.checklists["mhlw-r7"].history("c3_bcp");
    assert_eq!(h.len(), 2);
    assert_eq!(h[0].target_on, Some(d("2026-11-30")));
    assert_eq!(h[1].answer, YesNo::Yes);
    let e = answer(&mut r, "mhlw-r7", "c3_bcp", YesNo::Yes, "2026-05-01", None).unwrap_err();
    assert!(
        matches!(e, ChecklistError::CheckedBeforePrevious { .. }),
        "{e}"
    );
    let gone = rules::withdraw(eds(), &mut r, "mhlw-r7", "c3_bcp", now()).unwrap();
    assert_eq!(gone.answer, YesNo::Yes);
    assert_eq!(r.checklists["mhlw-r7"].history("c3_bcp").len(), 1);
    rules::withdraw(eds(), &mut r, "mhlw-r7", "c3_bcp", now()).unwrap();
    assert_eq!(
        rules::withdraw(eds(), &mut r, "mhlw-r7", "c3_bcp", now()).unwrap_err(),
        ChecklistError::NothingToWithdraw {
            item: "3(3)".into()
        }
    );
}

#[test]
fn a_note_belongs_to_the_latest_check_and_needs_one() {
    let mut r = record();
    assert_eq!(
        rules::note(
            eds(),
            &mut r,
            "mhlw-r7",
            "c3_bcp",
            "電子カルテ更新時に導入",
            now()
        )
        .unwrap_err(),
        ChecklistError::NoCheckForNote {
            item: "3(3)".into()
        }
    );
    answer(
        &mut r,
        "mhlw-r7",
        "c3_bcp",
        YesNo::No,
        "2026-04-10",
        Some("2026-11-30"),
    )
    .unwrap();
    answer(&mut r, "mhlw-r7", "c3_bcp", YesNo::Yes, "2026-05-20", None).unwrap();
    rules::note(
        eds(),
        &mut r,
        "mhlw-r7",
        "c3_bcp",
        "  電子カルテ更新時に導入 ",
        now(),
    )
    .unwrap();
    let h = r.checklists["mhlw-r7"].history("c3_bcp");
    assert_eq!(h[0].note, None, "an earlier check keeps its own note");
    assert_eq!(h[1].note.as_deref(), Some("電子カルテ更新時に導入"));
    assert_eq!(
        (h.len(), h[1].answer),
        (2, YesNo::Yes),
        "a note is not a new check"
    );
    rules::note(eds(), &mut r, "mhlw-r7", "c3_bcp", "  ", now()).unwrap();
    assert_eq!(r.checklists["mhlw-r7"].history("c3_bcp")[1].note, None);
    assert!(rules::note(eds(), &mut r, "mhlw-r7", "no_such_item", "x", now()).is_err());
}

#[test]
fn a_typed_check_date_is_a_past_date_after_the_previous_check() {
    let today = d(TODAY);
    assert_eq!(
        rules::check_checked_input("2026-05-20", Some(d("2026-04-10")), today),
        Ok(d("2026-05-20"))
    );
    assert!(matches!(
        rules::check_checked_input("2026-06-02", None, today),
        Err(ChecklistError::CheckedInFuture { .. })
    ));
    assert!(matches!(
        rules::check_checked_input("2026-04-01", Some(d("2026-04-10")), today),
        Err(ChecklistError::CheckedBeforePrevious { .. })
    ));
    assert!(rules::check_checked_input("2026-13-01", None, today).is_err());
}

// ---------- readiness ----------

fn answer_all_yes(r: &mut Record, edition: &str) {
    let ed = eds().get(edition).unwrap();
    for i in &ed.items {
        answer(r, edition, &i.id, YesNo::Yes, "2026-05-01", None).unwrap();
    }
}

#[test]
fn readiness_follows_the_spec() {
    let mut r = record();
    let v = view(&r, "mhlw-r7");
    assert!(!v.readiness.ready);
    assert_eq!(v.readiness.required, 22);
    assert_eq!(v.readiness.missing_items().len(), 22);
    answer_all_yes(&mut r, "mhlw-r7");
    let v = view(&r, "mhlw-r7");
    assert!(v.readiness.ready, "{:?}", v.readiness.missing);
    assert_eq!((v.readiness.done, v.readiness.required), (22, 22));
    // A `no` with a valid target keeps it ready.
    answer(
        &mut r,
        "mhlw-r7",
        "c3_bcp",
        YesNo::No,
        "2026-05-02",
        Some("2026-10-31"),
    )
    .unwrap();
    assert!(view(&r, "mhlw-r7").readiness.ready);
    // A `no` whose target was lost (a hand-edited file) is missing with the reason.
    r.checklists
        .get_mut("mhlw-r7")
        .unwrap()
        .items
        .get_mut("c3_bcp")
        .unwrap()[1]
        .target_on = None;
    let v = view(&r, "mhlw-r7");
    assert!(!v.readiness.ready);
    assert_eq!(v.readiness.missing_items(), vec!["c3_bcp"]);
    assert!(matches!(
        &v.readiness.missing[0],
        Missing::Item {
            gap: Gap::Invalid(ChecklistError::NoTarget { .. }),
            ..
        }
    ));
    rules::withdraw(eds(), &mut r, "mhlw-r7", "c3_bcp", now()).unwrap();
    // A vendor named in the record keeps it not ready until its form is back.
    vendors::form_sent(
        &mut r,
        "ベンダーA",
        Some("電子カルテ"),
        "mhlw-r7",
        d(TODAY),
        now(),
    )
    .unwrap();
    let v = view(&r, "mhlw-r7");
    assert!(!v.readiness.ready);
    assert_eq!(
        v.readiness.missing,
        vec![Missing::Vendor {
            vendor: "ベンダーA".into(),
            system: "電子カルテ".into(),
            sent: true,
            carried: false,
        }]
    );
    assert_eq!(
        v.readiness.missing[0].message(Lang::En),
        "ベンダーA (電子カルテ): vendor form not returned"
    );
}

#[test]
fn the_gate_makes_the_rest_not_required() {
    let mut r = record();
    // A hospital without systems has nothing to put in place: the gate's `no` takes no target.
    let e = answer(
        &mut r,
        "mhlw-r7",
        "c0_has_systems",
        YesNo::No,
        "2026-05-01",
        Some("2027-03-31"),
    )
    .unwrap_err();
    assert_eq!(
        e,
        ChecklistError::TargetOnGate {
            item: "前提".into()
        }
    );
    answer(
        &mut r,
        "mhlw-r7",
        "c0_has_systems",
        YesNo::No,
        "2026-05-01",
        None,
    )
    .unwrap();
    let v = view(&r, "mhlw-r7");
    assert!(v.gate_closed);
    assert!(v.readiness.ready, "{:?}", v.readiness.missing);
    assert_eq!(v.readiness.required, 1);
    assert_eq!(v.row("c3_bcp").unwrap().status, RowStatus::NotRequired);
    answer(
        &mut r,
        "mhlw-r7",
        "c0_has_systems",
        YesNo::Yes,
        "2026-05-02",
        None,
    )
    .unwrap();
    let v = view(&r, "mhlw-r7");
    assert_eq!(v.readiness.required, 22);
    assert_eq!(
        v.row("c3_bcp").unwrap().status,
        RowStatus::Missing(Gap::Unanswered)
    );
}

#[test]
fn the_view_groups_by_section_and_device() {
    let v = view(&record(), "mhlw-r6");
    let sections: Vec<u8> = v.sections.iter().map(|s| s.def.number).collect();
    assert_eq!(sections, vec![0, 1, 2, 3]);
    let devices: Vec<&str> = v.sections[2]
        .groups
        .iter()
        .map(|g| g.device.map(|d| d.id()).unwrap_or("-"))
        .collect();
    assert_eq!(devices, vec!["general", "server", "pc", "network"]);
    let rows: Vec<usize> = v.sections[2].groups.iter().map(|g| g.rows.len()).collect();
    assert_eq!(rows, vec![3, 5, 4, 2]);
}

// ---------- carrying r6 → r7 ----------

#[test]
fn carrying_r6_to_r7_merges_the_patch_items() {
    let mut r = record();
    answer_all_yes(&mut r, "mhlw-r6");
    answer(
        &mut r,
        "mhlw-r6",
        "c2_patch_pc",
        YesNo::No,
        "2026-05-02",
        Some("2026-12-31"),
    )
    .unwrap();
    answer(
        &mut r,
        "mhlw-r6",
        "c2_patch_network",
        YesNo::No,
        "2026-05-03",
        Some("2026-09-30"),
    )
    .unwrap();
    // Before the first change, the view previews the carry.
    let v = view(&r, "mhlw-r7");
    let c = v.carry.as_ref().unwrap();
    assert!(!c.saved);
    assert_eq!(c.from, "mhlw-r6");
    let patch = v.row("c2_patch_all").unwrap().latest().unwrap().clone();
    assert_eq!(patch.answer, YesNo::No);
    assert_eq!(patch.target_on, Some(d("2026-09-30")));
    assert_eq!(patch.checked_on, d("2026-05-03"));
    assert_eq!(
        c.merges[0].describe(eds(), eds().get("mhlw-r7").unwrap(), Lang::En),
        "2(7) Servers=yes, 2(7) Client PCs=no (→2026-12-31), 2(7) Network devices=no (→2026-09-30) merged → 2⑦ = no (target 2026-09-30)"
    );
    // New items start unanswered.
    for id in [
        "c2_password_policy",
        "c2_password_reuse",
        "c2_external_media",
        "c2_two_factor",
        "c1_operation_rules",
    ] {
        assert!(v.row(id).unwrap().latest().is_none(), "{id}");
    }
    // Carried answers are to confirm: they do not count as done until checked again.
    assert_eq!(
        v.row("c2_patch_all").unwrap().status,
        RowStatus::Missing(Gap::Carried {
            checked_on: d("2026-05-03"),
            from: "mhlw-r6".into()
        })
    );
    let unanswered: Vec<&str> = v
        .readiness
        .missing
        .iter()
        .filter_map(|m| match m {
            Missing::Item {
                id,
                gap: Gap::Unanswered,
                ..
            } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        unanswered,
        vec![
            "c1_operation_rules",
            "c2_password_policy",
            "c2_password_reuse",
            "c2_external_media",
            "c2_two_factor"
        ]
    );
    assert_eq!(v.readiness.done, 0, "every answer there is, is carried");
    // The first answer to r7 stores the carry, with the merge kept in the record.
    let done = answer(
        &mut r,
        "mhlw-r7",
        "c2_two_factor",
        YesNo::No,
        "2026-05-10",
        Some("2028-03-31"),
    )
    .unwrap();
    let report = done.carried.unwrap();
    assert_eq!((report.from.as_str(), report.copied), ("mhlw-r6", 16));
    let a = &r.checklists["mhlw-r7"];
    assert_eq!(a.carried_from.as_deref(), Some("mhlw-r6"));
    assert_eq!(a.merges.len(), 1);
    let bcp = a.latest("c3_bcp").unwrap();
    assert_eq!(bcp.carried.as_ref().unwrap().edition, "mhlw-r6");
    assert!(view(&r, "mhlw-r7").carry.unwrap().saved);
    // The r6 answers are left as they were.
    assert_eq!(r.checklists["mhlw-r6"].history("c2_patch_pc").len(), 2);
}

#[test]
fn merged_yes_needs_all_three() {
    let r6 = eds().get("mhlw-r6").unwrap();
    let r7 = eds().get("mhlw-r7").unwrap();
    let mut r = record();
    for (id, on) in [
        ("c2_patch_server", "2026-05-01"),
        ("c2_patch_pc", "2026-05-03"),
        ("c2_patch_network", "2026-05-02"),
    ] {
        answer(&mut r, "mhlw-r6", id, YesNo::Yes, on, None).unwrap();
    }
    let rep = shindan::domain::checklist::carry::carry(r6, r7, &r.checklists["mhlw-r6"]);
    let all = rep.answers.latest("c2_patch_all").unwrap();
    assert_eq!((all.answer, all.checked_on), (YesNo::Yes, d("2026-05-03")));
    assert_eq!(all.carried.as_ref().unwrap().items.len(), 3);
    // One unanswered, no `no`: the merged item is left to answer, and the step says why.
    rules::withdraw(eds(), &mut r, "mhlw-r6", "c2_patch_pc", now()).unwrap();
    let rep = shindan::domain::checklist::carry::carry(r6, r7, &r.checklists["mhlw-r6"]);
    assert!(rep.answers.latest("c2_patch_all").is_none());
    assert_eq!(rep.merges[0].result, None);
    assert!(rep.merges[0]
        .describe(eds(), r7, Lang::Ja)
        .contains("未回答のまま"));
}

// ---------- conflicts, hints, evidence ----------

fn vendor_form(
    r: &Record,
    vendor: &str,
    system: &str,
    fill: &[(&str, &str, &str, &str)],
) -> Vec<u8> {
    let ed = eds().get("mhlw-r7").unwrap();
    let mut f = vendor_file::blank(ed, r, vendor, system, d(TODAY), Lang::Ja);
    for (id, a, checked, target) in fill {
        let row = f.items.iter_mut().find(|i| i.id == *id).unwrap();
        row.answer = a.to_string();
        row.checked_on = checked.to_string();
        row.target_on = target.to_string();
    }
    f.to_json().into_bytes()
}

#[test]
fn a_vendor_saying_the_opposite_is_a_conflict() {
    let mut r = record();
    let ed = eds().get("mhlw-r7").unwrap();
    answer(
        &mut r,
        "mhlw-r7",
        "c2_patch_all",
        YesNo::Yes,
        "2026-05-01",
        None,
    )
    .unwrap();
    answer(
        &mut r,
        "mhlw-r7",
        "c2_device_register",
        YesNo::No,
        "2026-05-01",
        Some("2026-12-31"),
    )
    .unwrap();
    answer(
        &mut r,
        "mhlw-r7",
        "c1_security_manager",
        YesNo::Yes,
        "2026-05-01",
        None,
    )
    .unwrap();
    vendors::form_sent(
        &mut r,
        "ベンダーA",
        Some("電子カルテ"),
        "mhlw-r7",
        d(TODAY),
        now(),
    )
    .unwrap();
    let bytes = vendor_form(
        &r,
        "ベンダーA",
        "電子カルテ",
        &[
            ("c2_patch_all", "no", "2026-05-20", "2026-08-31"),
            ("c2_device_register", "yes", "2026-05-20", ""),
            // The vendor answers 1(1) about its own manager: never a conflict.
            ("c1_security_manager", "no", "2026-05-20", "2026-09-30"),
            ("c2_mds_sds", "yes", "2026-05-20", ""),
        ],
    );
    let imp = vendor_file::import(ed, &mut r, &bytes, d(TODAY), now()).unwrap();
    assert_eq!((imp.answered, imp.replaced), (4, false));
    let v = view(&r, "mhlw-r7");
    let items: Vec<(&str, YesNo, YesNo)> = v
        .conflicts
        .iter()
        .map(|c| (c.item.as_str(), c.hospital, c.vendor_answer))
        .collect();
    assert_eq!(
        items,
        vec![
            ("c2_device_register", YesNo::No, YesNo::Yes),
            ("c2_patch_all", YesNo::Yes, YesNo::No)
        ]
    );
    assert!(v.row("c2_patch_all").unwrap().conflict);
    assert!(!v.row("c1_security_manager").unwrap().conflict);
    // Hospital unanswered: nothing to contradict.
    assert!(!v.row("c2_mds_sds").unwrap().conflict);
    assert!(v
        .readiness
        .missing
        .iter()
        .all(|m| matches!(m, Missing::Item { .. })));
}

#[test]
fn hints_show_survey_answers_with_their_date_and_risk_categories() {
    let qn = Questionnaire::embedded();
    let mut r = record();
    let at: DateTime<Utc> = "2026-03-01T23:00:00Z".parse().unwrap();
    validate::answer_from_input(qn, &mut r, "bcp", "no", at).unwrap();
    let v = view(&r, "mhlw-r7");
    let row = v.row("c3_bcp").unwrap();
    assert_eq!(
        row.hints[0].source,
        HintSource::Survey {
            question: "bcp".into(),
            on: d("2026-03-02")
        }
    );
    assert!(
        row.hints[0].text.ja.ends_with("：未対応（2026-03-02）"),
        "{}",
        row.hints[0].text.ja
    );
    assert!(
        row.hints[0]
            .text
            .en
            .ends_with(": not in place (2026-03-02)")
            || row.hints[0].text.en.contains("(2026-03-02)")
    );
    assert_eq!(
        row.hints[1].text.en,
        "risk: Incident response and continuity"
    );
    // A hint never answers.
    assert!(row.latest().is_none());
    let chart = v.row("c3_contact_chart").unwrap();
    assert!(chart.hints.iter().any(|h| h.source
        == HintSource::Contacts {
            filled: 0,
            total: 8
        }));
}

#[test]
fn evidence_is_hashed_and_a_change_is_seen() {
    let e = Evidence::of_bytes("/srv/docs/bcp.pdf", b"abc");
    assert_eq!(
        e.sha256,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(e.size, 3);
    assert_eq!(e.state_of(Some(b"abc")), EvidenceState::Unchanged);
    assert_eq!(e.state_of(Some(b"abd")), EvidenceState::Changed);
    assert_eq!(e.state_of(None), EvidenceState::Missing);
    let mut h = shindan::domain::record::checklist_answers::EvidenceHasher::default();
    h.update(b"a");
    h.update(b"bc");
    assert_eq!(h.finish("/srv/docs/bcp.pdf"), e);
    let mut r = record();
    let mut i = input(YesNo::Yes, "2026-05-01", None);
    i.evidence = Some(e.clone());
    rules::answer(eds(), &mut r, "mhlw-r7", "c3_bcp", i, d(TODAY), now()).unwrap();
    let ed = eds().get("mhlw-r7").unwrap();
    let v = ChecklistView::build(
        eds(),
        ed,
        &r,
        Questionnaire::embedded(),
        &Clock::on(d(TODAY)),
        &|ev| ev.state_of(Some(b"changed")),
    );
    assert_eq!(v.evidence.len(), 1);
    assert_eq!(v.evidence[0].state, EvidenceState::Changed);
    assert_eq!(v.evidence[0].evidence.sha256, e.sha256);
}

// ---------- the vendor's file ----------

#[test]
fn a_vendor_file_is_refused_as_a_whole() {
    let mut r = record();
    let ed = eds().get("mhlw-r7").unwrap();
    vendors::form_sent(
        &mut r,
        "ベンダーA",
        Some("電子カルテ"),
        "mhlw-r7",
        d(TODAY),
        now(),
    )
    .unwrap();
    let before = r.clone();
    let good = ("c2_patch_all", "yes", "2026-05-20", "");
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (
            vendor_form(
                &r,
                "ベンダーA",
                "電子カルテ",
                &[good, ("c2_mds_sds", "no", "2026-05-20", "")],
            ),
            "`no` needs a target date",
        ),
        (
            vendor_form(
                &r,
                "ベンダーA",
                "電子カルテ",
                &[good, ("c2_mds_sds", "maybe", "2026-05-20", "")],
            ),
            "not an answer",
        ),
        (
            vendor_form(
                &r,
                "ベンダーA",
                "電子カルテ",
                &[good, ("c2_mds_sds", "yes", "", "")],
            ),
            "Checked is empty",
        ),
        (
            vendor_form(&r, "ベンダーB", "PACS", &[good]),
            "was not sent from this record",
        ),
        (
            vendor_form(&r, "ベンダーA", "電子カルテ", &[]),
            "nothing is answered",
        ),
        (
            String::from_utf8(vendor_form(&r, "ベンダーA", "電子カルテ", &[good]))
                .unwrap()
                .replace("\"2026-001\"", "\"2026-002\"")
                .into_bytes(),
            "record 2026-002, not 2026-001",
        ),
        (
            String::from_utf8(vendor_form(&r, "ベンダーA", "電子カルテ", &[good]))
                .unwrap()
                .replace("\"mhlw-r7\"", "\"mhlw-r6\"")
                .into_bytes(),
            "of the FY2024 edition, not the FY2025 edition",
        ),
        (
            String::from_utf8(vendor_form(&r, "ベンダーA", "電子カルテ", &[good]))
                .unwrap()
                .replace("\"c2_mds_sds\"", "\"c2_unknown\"")
                .into_bytes(),
            "`c2_unknown` is not an item of the vendor form of the FY2025 edition",
        ),
        (
            String::from_utf8(vendor_form(&r, "ベンダーA", "電子カルテ", &[good]))
                .unwrap()
                .replace("\"c2_mds_sds\"", "\"c3_bcp\"")
                .into_bytes(),
            "not on the vendor form",
        ),
        (vec![0xff, 0xfe, 0x80, 0xff], "neither UTF-8 nor Shift_JIS"),
    ];
    for (bytes, words) in cases {
        let e = vendor_file::import(ed, &mut r, &bytes, d(TODAY), now()).unwrap_err();
        assert!(e.to_string().contains(words), "{words}: {e}");
        assert!(!e.message(Lang::Ja).is_empty());
        assert_eq!(r.vendors, before.vendors, "{words}");
    }
    let late = vendor_form(
        &r,
        "ベンダーA",
        "電子カルテ",
        &[good, ("c2_mds_sds", "no", "2026-05-20", "2027-04-01")],
    );
    let e = vendor_file::import(ed, &mut r, &late, d(TODAY), now()).unwrap_err();
    assert_eq!(e.at.as_deref(), Some("items[4], target_on"));
}

#[test]
fn the_csv_as_excel_saves_it_is_read() {
    let mut r = record();
    let ed = eds().get("mhlw-r7").unwrap();
    vendors::form_sent(
        &mut r,
        "ベンダーA",
        Some("電子カルテ"),
        "mhlw-r7",
        d(TODAY),
        now(),
    )
    .unwrap();
    let csv = vendor_file::blank(ed, &r, "ベンダーA", "電子カルテ", d(TODAY), Lang::Ja)
        .to_csv(ed, Lang::Ja);
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(text.starts_with("\u{feff}\"※ "), "instructions first");
    // The header in the form's words; the 版 cell is the edition's printed name.
    assert!(text.contains(
        "\"様式ID\",\"医療機関\",\"記録\",\"版\",\"事業者\",\"システム\",\"番号\",\"確認項目\",\"回答\",\"確認日\",\"目標日\",\"備考\",\"送付日\"\r\n"
    ));
    assert!(text.contains(",\"令和7年度版\",") && !text.contains("mhlw-r7"));
    // Excel re-saves with every cell quoted, dates as 2026/5/20, a trailing empty row.
    let text = String::from_utf8(csv).unwrap();
    let mut out = String::from("\u{feff}");
    for (n, line) in text
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .enumerate()
    {
        if line.is_empty() {
            continue;
        }
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes());
        let mut cells: Vec<String> = rdr
            .records()
            .next()
            .unwrap()
            .unwrap()
            .iter()
            .map(String::from)
            .collect();
        let _ = n;
        if cells.len() > 6 && cells[6] == "2⑦" {
            cells[8] = "いいえ".into();
            cells[9] = "2026/5/20".into();
            cells[10] = "2026/8/31".into();
            cells[11] = "保守契約の更新待ち, 8月予定".into();
        }
        let quoted: Vec<String> = cells
            .iter()
            .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
            .collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    }
    out.push_str(",,,,,,,,,,,,\r\n");
    let imp = vendor_file::import(ed, &mut r, out.as_bytes(), d(TODAY), now()).unwrap();
    assert_eq!(imp.answered, 1);
    let got = &r.vendors[0].returned("mhlw-r7").unwrap().items["c2_patch_all"];
    assert_eq!(got.answer, YesNo::No);
    assert_eq!(got.target_on, Some(d("2026-08-31")));
    assert_eq!(got.note.as_deref(), Some("保守契約の更新待ち, 8月予定"));
}

// ---------- diff ----------

#[test]
fn diff_r6_r7() {
    let dff = diff::diff(eds().get("mhlw-r6").unwrap(), eds().get("mhlw-r7").unwrap());
    assert_eq!(
        dff.added,
        vec![
            "c1_operation_rules",
            "c2_password_policy",
            "c2_password_reuse",
            "c2_external_media",
            "c2_two_factor"
        ]
    );
    assert!(dff.removed.is_empty());
    assert_eq!(dff.merged.len(), 1);
    assert_eq!(dff.merged[0].into, "c2_patch_all");
    assert!(dff.reworded.is_empty());
    assert!(dff.renumbered.iter().any(|n| n.id == "c2_device_register"
        && n.from.as_deref() == Some("2(1)")
        && n.to.as_deref() == Some("2①")));
}

// ---------- contact chart ----------

#[test]
fn the_contact_chart_is_the_hospitals_own() {
    let mut r = record();
    let chart = contacts::ContactChart::of(&r);
    assert_eq!(chart.total(), 8);
    assert!(chart.slots.iter().all(|s| s.contact.is_none()));
    contacts::set(
        &mut r,
        Position::SecurityManager,
        None,
        ContactInput {
            name: Some("山田 太郎".into()),
            title: Some("情報システム課長".into()),
            phone: Some("０３－１２３４－５６７８".into()),
            ..ContactInput::default()
        },
        now(),
    )
    .unwrap();
    contacts::set(
        &mut r,
        Position::Vendor,
        Some(("ベンダーA", Some("電子カルテ"))),
        ContactInput {
            organisation: Some("ベンダーA 保守センター".into()),
            phone: Some("0120-000-000".into()),
            ..ContactInput::default()
        },
        now(),
    )
    .unwrap();
    let chart = contacts::ContactChart::of(&r);
    assert_eq!((chart.filled(), chart.total()), (2, 9));
    assert_eq!(
        chart.slots[0].contact.as_ref().unwrap().phone.as_deref(),
        Some("03-1234-5678")
    );
    // The vendor is named in the record by its contact.
    assert_eq!(r.vendors.len(), 1);
    let e = contacts::set(
        &mut r,
        Position::Police,
        None,
        ContactInput {
            phone: Some("call 110".into()),
            ..ContactInput::default()
        },
        now(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("e.g. 03-1234-5678"), "{e}");
    assert_eq!(
        contacts::set(
            &mut r,
            Position::Vendor,
            None,
            ContactInput {
                phone: Some("1".into()),
                ..ContactInput::default()
            },
            now()
        )
        .unwrap_err(),
        contacts::ContactError::VendorNeeded
    );
    contacts::clear(&mut r, Position::SecurityManager, None, now()).unwrap();
    assert_eq!(contacts::ContactChart::of(&r).filled(), 1);
}

/// The checklist's 3(2) asks for whom to call, inside and outside: an outside body or the night
/// duty is reached by its number alone, so a phone fills its place; a person's place (the
/// director) needs the person's name too.
#[test]
fn a_phone_alone_fills_a_body_or_a_duty_line_but_not_a_persons_place() {
    let mut r = record();
    let phone = |p: &str| ContactInput {
        phone: Some(p.into()),
        ..ContactInput::default()
    };
    for (position, number) in [
        (Position::Police, "03-0000-0110"),
        (Position::OnCall, "03-0000-0002"),
        (Position::Director, "03-0000-0001"),
    ] {
        contacts::set(&mut r, position, None, phone(number), now()).unwrap();
    }
    let chart = contacts::ContactChart::of(&r);
    let filled = |p: Position| chart.slots.iter().any(|s| s.position == p && s.filled());
    assert!(filled(Position::Police));
    assert!(filled(Position::OnCall));
    assert!(
        !filled(Position::Director),
        "a director's number without a name"
    );
    assert_eq!(chart.filled(), 2);
}

#[test]
fn next_years_record_keeps_the_checklist_vendors_and_contacts() {
    let mut r = record();
    answer(
        &mut r,
        "mhlw-r6",
        "c2_patch_server",
        YesNo::Yes,
        "2026-05-01",
        None,
    )
    .unwrap();
    vendors::form_sent(
        &mut r,
        "ベンダーA",
        Some("電子カルテ"),
        "mhlw-r6",
        d(TODAY),
        now(),
    )
    .unwrap();
    contacts::set(
        &mut r,
        Position::Police,
        None,
        ContactInput {
            phone: Some("03-0000-0000".into()),
            organisation: Some("県警".into()),
            ..ContactInput::default()
        },
        now(),
    )
    .unwrap();
    let next = r.carry_to(RecordId::new(2027, 1), d("2027-05-01"), now());
    // Everything comes along, marked carried from last year's record until confirmed.
    let carried = next.checklists["mhlw-r6"]
        .latest("c2_patch_server")
        .unwrap();
    assert_eq!(
        carried.checked_on,
        d("2026-05-01"),
        "last year's date stays in sight"
    );
    assert_eq!(
        carried.carried.as_ref().and_then(|c| c.record.clone()),
        Some(r.id.clone())
    );
    assert_eq!(
        next.vendors, r.vendors,
        "nothing was returned: nothing to carry"
    );
    assert_eq!(next.contacts.len(), r.contacts.len());
    assert!(next.contacts.iter().all(|c| c.carried));
    assert_eq!(contacts::ContactChart::of(&next).filled(), 0);
    assert_eq!(contacts::ContactChart::of(&next).carried(), 1);
    // So the new edition carries from it as from the old record.
    let v = view(&next, "mhlw-r7");
    assert_eq!(v.carry.unwrap().from, "mhlw-r6");
}
