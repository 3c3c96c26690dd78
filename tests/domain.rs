//! The questionnaire, validation, skip logic, progress and indicators, without a terminal.

use chrono::{TimeZone, Utc};
use shindan::domain::questionnaire::QuestionnaireError;
use shindan::domain::validate::{answer_from_input, set_answer};
use shindan::domain::{AnswerError, IndicatorValue, Lang, Questionnaire, Record, RecordId, Value};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()
}

fn record() -> Record {
    Record::new(RecordId::new(2026, 1), now().date_naive(), now())
}

fn qn() -> &'static Questionnaire {
    Questionnaire::embedded()
}

fn answer(r: &mut Record, q: &str, v: &str) {
    answer_from_input(qn(), r, q, v, now()).unwrap_or_else(|e| panic!("{q}={v}: {e}"));
}

fn refused(r: &mut Record, q: &str, v: &str) -> AnswerError {
    let before = r.answers.clone();
    let e = answer_from_input(qn(), r, q, v, now()).expect_err(&format!("{q}={v} accepted"));
    assert_eq!(r.answers, before, "a refused answer changed the record");
    e
}

const SPEC_QUESTIONS: [&str; 22] = [
    "hospital_name",
    "beds",
    "founder",
    "associations",
    "revenue",
    "threat",
    "vpn_flagged",
    "vpn_patched",
    "vpn_unpatched_reasons",
    "backup",
    "backup_offline",
    "backup_offsite",
    "staff_total",
    "staff_fulltime",
    "audit",
    "budget_bracket",
    "budget_amount",
    "budget_sufficiency",
    "insurance",
    "closed_network_belief",
    "incident_response",
    "bcp",
];

#[test]
fn the_asset_has_every_question_of_the_spec_in_order() {
    let ids: Vec<_> = qn().questions().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, SPEC_QUESTIONS);
    for q in qn().questions() {
        assert!(!q.text.ja.is_empty() && !q.text.en.is_empty(), "{}", q.id);
        for o in &q.options {
            assert!(
                !o.text.ja.is_empty() && !o.text.en.is_empty(),
                "{}.{}",
                q.id,
                o.id
            );
        }
    }
    let options = |q: &str| qn().question(q).unwrap().option_ids().join(",");
    assert_eq!(options("associations"), "jha,ajha,jmha,japha,none");
    assert_eq!(
        options("budget_bracket"),
        "lt5m,5m_10m,10m_20m,20m_50m,ge50m,unknown"
    );
    assert_eq!(options("audit"), "regular,once,never,unknown");
    assert_eq!(
        options("vpn_unpatched_reasons"),
        "no_information,no_budget,not_connected,closed_network,patch_side_effects,vendor_pending,other"
    );
    assert_eq!(
        options("closed_network_belief"),
        "agree,conditional,disagree"
    );
}

#[test]
fn a_broken_questionnaire_is_refused_naming_the_bad_id() {
    let base: serde_json::Value =
        serde_json::from_str(include_str!("../assets/questionnaire.json")).unwrap();
    let broken = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v = base.clone();
        edit(&mut v);
        Questionnaire::parse(&v.to_string()).unwrap_err()
    };
    let e = broken(&|v| v["sections"][1]["questions"][0]["id"] = "beds".into());
    assert!(
        matches!(e, QuestionnaireError::DuplicateQuestion(ref id) if id == "beds"),
        "{e}"
    );
    let e = broken(&|v| v["sections"][2]["questions"][1]["when"]["any_of"][0] = "maybe".into());
    assert!(e.to_string().contains("maybe"), "{e}");
    let e = broken(&|v| v["sections"][2]["questions"][1]["when"]["question"] = "bcp".into());
    assert!(e.to_string().contains("bcp"), "{e}");
    let e = broken(&|v| v["indicators"][0]["true_if_any"][0]["question"] = "nope".into());
    assert!(e.to_string().contains("nope"), "{e}");
}

/// Answers given to a fresh record, as (question, value) pairs.
type Answers = &'static [(&'static str, &'static str)];

/// Every indicator of the spec's table, computed both ways from answers.
#[test]
fn every_indicator_of_the_spec_can_be_computed() {
    let cases: [(&str, Answers, Answers); 10] = [
        ("threat_felt", &[("threat", "yes")], &[("threat", "no")]),
        (
            "vpn_unpatched",
            &[("vpn_flagged", "yes"), ("vpn_patched", "no")],
            &[("vpn_flagged", "yes"), ("vpn_patched", "yes")],
        ),
        (
            "backup_isolated",
            &[
                ("backup", "yes"),
                ("backup_offline", "no"),
                ("backup_offsite", "yes"),
            ],
            &[
                ("backup", "yes"),
                ("backup_offline", "no"),
                ("backup_offsite", "no"),
            ],
        ),
        ("audit_never", &[("audit", "never")], &[("audit", "once")]),
        (
            "budget_under_5m",
            &[("budget_bracket", "lt5m")],
            &[("budget_bracket", "ge50m")],
        ),
        (
            "budget_insufficient",
            &[("budget_sufficiency", "not_enough")],
            &[("budget_sufficiency", "neutral")],
        ),
        (
            "insurance_none",
            &[("insurance", "no")],
            &[("insurance", "yes")],
        ),
        (
            "closed_network_belief",
            &[("closed_network_belief", "conditional")],
            &[("closed_network_belief", "disagree")],
        ),
        (
            "ir_missing",
            &[("incident_response", "no")],
            &[("incident_response", "yes")],
        ),
        ("bcp_missing", &[("bcp", "no")], &[("bcp", "yes")]),
    ];
    let ids: Vec<_> = qn().indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, cases.map(|c| c.0));
    for (id, yes, no) in cases {
        let ind = qn().indicator(id).unwrap();
        assert_eq!(
            qn().indicator_value(ind, &record()),
            IndicatorValue::Unanswered,
            "{id}"
        );
        let mut r = record();
        yes.iter().for_each(|(q, v)| answer(&mut r, q, v));
        assert_eq!(qn().indicator_value(ind, &r), IndicatorValue::True, "{id}");
        let mut r = record();
        no.iter().for_each(|(q, v)| answer(&mut r, q, v));
        assert_eq!(qn().indicator_value(ind, &r), IndicatorValue::False, "{id}");
    }
}

#[test]
fn indicators_tell_unknown_and_not_applicable_apart() {
    let ind = |id| qn().indicator(id).unwrap();
    let mut r = record();
    answer(&mut r, "vpn_flagged", "no");
    assert_eq!(
        qn().indicator_value(ind("vpn_unpatched"), &r),
        IndicatorValue::NotApplicable
    );
    answer(&mut r, "vpn_flagged", "unknown");
    assert_eq!(
        qn().indicator_value(ind("vpn_unpatched"), &r),
        IndicatorValue::Unknown
    );
    answer(&mut r, "vpn_flagged", "yes");
    assert_eq!(
        qn().indicator_value(ind("vpn_unpatched"), &r),
        IndicatorValue::Unanswered
    );
    answer(&mut r, "vpn_patched", "unknown");
    assert_eq!(
        qn().indicator_value(ind("vpn_unpatched"), &r),
        IndicatorValue::Unknown
    );

    // No backup at all is no isolated backup, not an unanswered one.
    let mut r = record();
    answer(&mut r, "backup", "no");
    assert_eq!(
        qn().indicator_value(ind("backup_isolated"), &r),
        IndicatorValue::False
    );
    // An offline copy answered "don't know" and no off-site copy: unknown.
    let mut r = record();
    answer(&mut r, "backup", "yes");
    answer(&mut r, "backup_offline", "unknown");
    answer(&mut r, "backup_offsite", "no");
    assert_eq!(
        qn().indicator_value(ind("backup_isolated"), &r),
        IndicatorValue::Unknown
    );
    // ... and either one "yes" settles it.
    answer(&mut r, "backup_offline", "yes");
    assert_eq!(
        qn().indicator_value(ind("backup_isolated"), &r),
        IndicatorValue::True
    );
    assert!(ind("backup_isolated").is_concern(IndicatorValue::False));
    assert!(!ind("backup_isolated").is_concern(IndicatorValue::True));
}

#[test]
fn skip_logic_hides_follow_ups_keeps_their_answers_and_ignores_them() {
    let mut r = record();
    answer(&mut r, "vpn_flagged", "yes");
    answer(&mut r, "vpn_patched", "no");
    answer(&mut r, "vpn_unpatched_reasons", "no_budget,other");
    let q = |id| qn().question(id).unwrap();
    assert!(qn().visible(q("vpn_unpatched_reasons"), &r));
    let before = qn().progress(&r);

    answer(&mut r, "vpn_flagged", "no");
    assert!(!qn().visible(q("vpn_patched"), &r));
    assert!(
        !qn().visible(q("vpn_unpatched_reasons"), &r),
        "hidden through its hidden gate"
    );
    assert_eq!(r.choice("vpn_patched"), Some("no"), "the answer is kept");
    assert_eq!(qn().effective("vpn_patched", &r), None, "but ignored");
    assert_eq!(
        qn().indicator_value(qn().indicator("vpn_unpatched").unwrap(), &r),
        IndicatorValue::NotApplicable
    );
    let after = qn().progress(&r);
    assert_eq!(
        after.total,
        before.total - 2,
        "the two follow-ups left the count"
    );
    assert_eq!(after.answered, before.answered - 2);

    answer(&mut r, "vpn_flagged", "yes");
    assert_eq!(
        qn().effective("vpn_patched", &r),
        Some(&Value::Text("no".into()))
    );
}

#[test]
fn progress_counts_visible_required_questions() {
    let mut r = record();
    let p = qn().progress(&r);
    assert_eq!(
        (p.answered, p.total),
        (0, 20),
        "revenue and the exact budget are optional"
    );
    answer(&mut r, "hospital_name", "テスト病院");
    answer(&mut r, "revenue", "1200000");
    assert_eq!(
        qn().progress(&r).answered,
        1,
        "an optional answer does not count"
    );
    answer(&mut r, "backup", "no");
    let p = qn().progress(&r);
    assert_eq!((p.answered, p.total), (2, 18));
    assert_eq!(qn().first_unanswered(&r).unwrap().id, "beds");
    assert_eq!(p.percent(), 11);
}

#[test]
fn validation_says_what_is_allowed() {
    let mut r = record();
    let e = refused(&mut r, "beds", "12");
    assert!(matches!(e, AnswerError::NotAHospital { beds: 12 }));
    assert!(
        e.message(Lang::Ja).contains("診療所"),
        "{}",
        e.message(Lang::Ja)
    );
    assert!(e.to_string().contains("at least 20"));
    let e = refused(&mut r, "beds", "5001");
    assert!(e.to_string().contains("20–5000"), "{e}");
    assert!(
        e.message(Lang::Ja).contains("20～5,000"),
        "{}",
        e.message(Lang::Ja)
    );
    let e = refused(&mut r, "beds", "many");
    assert!(matches!(e, AnswerError::NotANumber { .. }));
    // Not a number: the message still says what is allowed.
    assert_eq!(
        e.to_string(),
        "`many` is not a whole number: enter a whole number from 20 to 5,000"
    );
    assert_eq!(
        e.message(Lang::Ja),
        "`many` は整数ではありません：20～5,000 の整数を入力してください"
    );
    let e = refused(&mut r, "founder", "hospital");
    assert!(e.to_string().contains("medical_corporation"), "{e}");
    // The choices a person reads — number and words — besides the id scripts type.
    assert!(
        e.message(Lang::Ja)
            .contains("1 国（national）、2 都道府県・市町村"),
        "{}",
        e.message(Lang::Ja)
    );
    assert!(
        e.to_string()
            .contains("6 Medical corporation (medical_corporation)"),
        "{e}"
    );
    let e = refused(&mut r, "associations", "jha,none");
    assert!(matches!(e, AnswerError::Exclusive { ref option } if option == "none"));
    let e = refused(&mut r, "associations", "jha,xyz");
    assert!(e.to_string().contains("japha"), "{e}");
    let e = refused(&mut r, "associations", ",");
    assert!(matches!(e, AnswerError::NoChoice { .. }));
    let e = refused(&mut r, "hospital_name", "   ");
    assert!(matches!(e, AnswerError::Empty { max: 100 }));
    let e = refused(&mut r, "hospital_name", &"病".repeat(101));
    assert!(matches!(e, AnswerError::TooLong { len: 101, max: 100 }));
    let e = set_answer(qn(), &mut r, "beds", Some(Value::Text("350".into())), now()).unwrap_err();
    assert!(matches!(e, AnswerError::WrongKind { .. }), "{e}");
    let e = refused(&mut r, "revenue", "0");
    assert!(e.to_string().contains("1–100000000"), "{e}");
    let e = refused(&mut r, "no_such_question", "1");
    assert!(matches!(e, AnswerError::UnknownQuestion { .. }));
}

#[test]
fn full_width_digits_and_separators_are_read_as_meant() {
    let mut r = record();
    answer(&mut r, "beds", "３５０");
    assert_eq!(r.beds(), Some(350));
    answer(&mut r, "revenue", "8,533,375");
    assert_eq!(r.number("revenue"), Some(8_533_375));
    answer(&mut r, "associations", "ajha、jha");
    assert_eq!(
        r.value("associations"),
        Some(&Value::Choices(vec!["jha".into(), "ajha".into()]))
    );
}

#[test]
fn fulltime_staff_never_exceed_total_from_either_side() {
    let mut r = record();
    answer(&mut r, "staff_total", "3");
    let e = refused(&mut r, "staff_fulltime", "4");
    assert!(e.to_string().contains("\"In-house IT staff\" (3)"), "{e}");
    assert!(
        !e.to_string().contains("staff_total"),
        "no question id: {e}"
    );
    assert!(
        e.message(Lang::Ja)
            .contains("4 は「院内システム担当者数」（3）"),
        "{}",
        e.message(Lang::Ja)
    );
    answer(&mut r, "staff_fulltime", "3");
    let e = refused(&mut r, "staff_total", "2");
    assert!(e.to_string().contains("\"Of whom full-time\" (3)"), "{e}");
    answer(&mut r, "staff_total", "5");
}

#[test]
fn the_exact_budget_must_fall_in_its_bracket_from_either_side() {
    let mut r = record();
    answer(&mut r, "budget_bracket", "lt5m");
    let e = refused(&mut r, "budget_amount", "12000");
    assert!(
        e.to_string().contains("10m_20m"),
        "names the bracket it belongs to: {e}"
    );
    // Each message in one language: the bracket's label follows it.
    assert!(!e.to_string().contains("万円"), "{e}");
    assert!(
        e.message(Lang::Ja).contains("万円"),
        "{}",
        e.message(Lang::Ja)
    );
    answer(&mut r, "budget_amount", "4999");
    let e = refused(&mut r, "budget_bracket", "5m_10m");
    assert!(
        matches!(e, AnswerError::BracketExcludesAmount { amount: 4999, .. }),
        "{e}"
    );
    // Bracket edges: 5,000 thousand yen is 500万, the start of the second bracket.
    answer(&mut r, "budget_amount", "-");
    answer(&mut r, "budget_bracket", "5m_10m");
    answer(&mut r, "budget_amount", "5000");
    answer(&mut r, "budget_bracket", "unknown");
    answer(&mut r, "budget_amount", "80000");
    let e = refused(&mut r, "budget_bracket", "20m_50m");
    assert!(e.to_string().contains("ge50m"), "{e}");
    answer(&mut r, "budget_bracket", "ge50m");
}

#[test]
fn clearing_and_notes() {
    let mut r = record();
    answer(&mut r, "threat", "yes");
    answer(&mut r, "threat", "-");
    assert_eq!(r.value("threat"), None);
    r.set_note("threat", "院長は強く感じている\n", now());
    assert_eq!(r.note("threat"), Some("院長は強く感じている"));
    r.set_note("threat", "  ", now());
    assert_eq!(r.note("threat"), None);
}

#[test]
fn copying_to_next_year_carries_answers_until_confirmed() {
    let mut r = record();
    answer(&mut r, "beds", "350");
    r.set_note("beds", "増床予定", now());
    let later = Utc.with_ymd_and_hms(2027, 4, 2, 9, 0, 0).unwrap();
    let mut next = r.carry_to(RecordId::new(2027, 1), later.date_naive(), later);
    assert_eq!(next.previous, Some(r.id.clone()));
    assert!(next.answers["beds"].carried);
    assert_eq!(next.note("beds"), Some("増床予定"));
    assert!(next.confirm("beds", later));
    assert!(!next.answers["beds"].carried);
    assert_eq!(next.answers["beds"].at, later);
    // Answering anew also confirms.
    let mut next = r.carry_to(RecordId::new(2027, 2), later.date_naive(), later);
    answer(&mut next, "beds", "360");
    assert!(!next.answers["beds"].carried);
}

#[test]
fn a_record_round_trips_through_json() {
    let mut r = record();
    for (q, v) in [
        ("hospital_name", "テスト病院"),
        ("beds", "350"),
        ("founder", "medical_corporation"),
        ("associations", "jha,jmha"),
        ("vpn_flagged", "yes"),
    ] {
        answer(&mut r, q, v);
    }
    r.set_note("vpn_flagged", "保守業者に確認済み", now());
    r.resume_at = Some("vpn_patched".into());
    let json = serde_json::to_string_pretty(&r).unwrap();
    let back = shindan::store::parse_record(json.as_bytes()).unwrap();
    assert_eq!(back.answers, r.answers);
    assert_eq!(back.notes, r.notes);
    assert_eq!(back.resume_at, r.resume_at);
    assert_eq!(back.id, r.id);
    assert_eq!(serde_json::to_string_pretty(&back).unwrap(), json);
}

#[test]
fn format_1_is_migrated_on_read() {
    let v1 = r#"{
      "format_version": 1, "id": "2025-003", "assessed_on": "2025-06-01",
      "created_at": "2025-06-01T01:00:00Z", "updated_at": "2025-06-02T03:00:00Z",
      "answers": {"beds": 120, "founder": "coop", "associations": ["jha"]},
      "notes": {"beds": "n"}
    }"#;
    let r = shindan::store::parse_record(v1.as_bytes()).unwrap();
    assert_eq!(r.migrated_from, Some(1));
    assert_eq!(r.beds(), Some(120));
    assert_eq!(
        r.answers["founder"].at,
        Utc.with_ymd_and_hms(2025, 6, 2, 3, 0, 0).unwrap()
    );
    assert_eq!(
        r.value("associations"),
        Some(&Value::Choices(vec!["jha".into()]))
    );
}

/// An option is taken by the number a refusal lists it under (full-width too) or by its words
/// in either language, as well as by its id.
#[test]
fn an_option_is_typed_by_its_number_or_its_words() {
    let mut r = record();
    for typed in [
        "6",
        "６",
        "医療法人",
        "Medical corporation",
        "medical_corporation",
    ] {
        answer_from_input(qn(), &mut r, "founder", typed, now()).unwrap();
        assert_eq!(r.choice("founder"), Some("medical_corporation"), "{typed}");
        answer_from_input(qn(), &mut r, "founder", "-", now()).unwrap();
    }
    answer_from_input(qn(), &mut r, "associations", "1、日本医療法人協会", now()).unwrap();
    let picked = match r.value("associations") {
        Some(Value::Choices(c)) => c.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(picked, ["jha", "jmha"]);
    refused(&mut r, "founder", "12");
    refused(&mut r, "founder", "0");
}
