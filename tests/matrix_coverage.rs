//! The coverage rules of the risk control matrix, pinned on a small catalogue made here so that
//! they hold whatever the shipped data says: compensation, partial, not-applicable drop-out,
//! unknown counting, presets from the interview, the user's word over them, and hidden
//! questions presetting nothing.

use chrono::{DateTime, TimeZone, Utc};
use shindan::domain::checklist::Editions;
use shindan::domain::matrix::brief::VendorBrief;
use shindan::domain::matrix::coverage::Via;
use shindan::domain::matrix::mark::{set_mark, MarkChange};
use shindan::domain::matrix::{
    Catalog, CatalogError, ControlStatus, Coverage, Crosswalk, LeafState, MarkError, Sources,
    StatusInput, StatusSource, Tally,
};
use shindan::domain::record::Answer;
use shindan::domain::{Lang, Questionnaire, Record, RecordId, Value};
use std::sync::OnceLock;

/// Two categories, three phases (the third used by no scenario), five small scenarios:
/// - s1 (a, p1): c1, proven by the backup questions (the crosswalk below)
/// - s2 (a, p1 p2): c2, which c3 compensates
/// - s3 (a, p2): c3
/// - s4 (b, p1): c4 (proven by `audit`) and c5 (vendor)
/// - s5 (b, p2): c6 (vendor, proven by `vpn_patched`, asked only when `vpn_flagged = yes`)
const SMALL: &str = r#"{
  "categories": [
    { "id": "a", "ja": "区分A", "en": "Category A", "short_ja": "区分A", "short_en": "Cat. A" },
    { "id": "b", "ja": "区分B", "en": "Category B", "short_ja": "区分B", "short_en": "Cat. B" }
  ],
  "phases": [
    { "id": "p1", "ja": "段階1", "en": "Phase 1", "short_ja": "段階1", "short_en": "P1" },
    { "id": "p2", "ja": "段階2", "en": "Phase 2", "short_ja": "段階2", "short_en": "P2" },
    { "id": "p3", "ja": "段階3", "en": "Phase 3", "short_ja": "段階3", "short_en": "P3" }
  ],
  "scenarios": [
    { "id": "m_a", "level": "medium", "parent": "a", "category": "a", "ja": "中A", "en": "Medium A" },
    { "id": "s1", "level": "small", "parent": "m_a", "category": "a", "phases": ["p1"], "ja": "小1", "en": "Small 1" },
    { "id": "s2", "level": "small", "parent": "m_a", "category": "a", "phases": ["p1", "p2"], "ja": "小2", "en": "Small 2" },
    { "id": "s3", "level": "small", "parent": "m_a", "category": "a", "phases": ["p2"], "ja": "小3", "en": "Small 3" },
    { "id": "m_b", "level": "medium", "parent": "b", "category": "b", "ja": "中B", "en": "Medium B" },
    { "id": "s4", "level": "small", "parent": "m_b", "category": "b", "phases": ["p1"], "ja": "小4", "en": "Small 4" },
    { "id": "s5", "level": "small", "parent": "m_b", "category": "b", "phases": ["p2"], "ja": "小5", "en": "Small 5" }
  ],
  "controls": [
    { "id": "c1", "by": "hospital", "source": [{ "guideline": "mhlw-5.2", "section": "6.10" }],
      "ja": "対策1", "en": "Control 1", "scenarios": ["s1"] },
    { "id": "c2", "by": "hospital", "source": [{ "guideline": "mhlw-5.2", "section": "6.5" }],
      "ja": "対策2", "en": "Control 2", "scenarios": ["s2"] },
    { "id": "c3", "by": "hospital", "source": [{ "guideline": "mhlw-5.2", "section": "6.5" }],
      "ja": "対策3", "en": "Control 3", "scenarios": ["s3"], "compensates": ["c2"] },
    { "id": "c4", "by": "hospital", "source": [{ "guideline": "mhlw-5.2", "section": "6.2" }],
      "ja": "対策4", "en": "Control 4", "scenarios": ["s4"] },
    { "id": "c5", "by": "vendor", "source": [{ "guideline": "meti-mic-1.0", "topic": "題目" }],
      "ja": "対策5", "en": "Control 5", "ask_ja": "依頼5", "ask_en": "Ask 5", "scenarios": ["s4"] },
    { "id": "c6", "by": "vendor", "source": [{ "guideline": "meti-mic-1.0", "topic": "題目" }],
      "ja": "対策6", "en": "Control 6", "ask_ja": "依頼6", "ask_en": "Ask 6", "scenarios": ["s5"] }
  ]
}"#;

/// What the interview proves about the small catalogue's controls.
const SMALL_CROSSWALK: &str = r#"{
  "controls": [
    { "control": "c1", "interview": [
        { "question": "backup_offline", "values": ["yes"], "status": "in_place", "why": { "ja": "理由", "en": "why" } },
        { "question": "backup_offline", "values": ["no"], "status": "missing", "why": { "ja": "理由", "en": "why" } },
        { "question": "backup", "values": ["no"], "status": "missing", "why": { "ja": "理由", "en": "why" } }
      ] },
    { "control": "c2", "none": { "ja": "なし", "en": "none" } },
    { "control": "c3", "none": { "ja": "なし", "en": "none" } },
    { "control": "c4", "interview": [
        { "question": "audit", "values": ["regular"], "status": "in_place", "why": { "ja": "理由", "en": "why" } },
        { "question": "audit", "values": ["once"], "status": "partial", "why": { "ja": "理由", "en": "why" } },
        { "question": "audit", "values": ["never"], "status": "missing", "why": { "ja": "理由", "en": "why" } }
      ] },
    { "control": "c5", "none": { "ja": "なし", "en": "none" } },
    { "control": "c6", "interview": [
        { "question": "vpn_patched", "values": ["yes"], "status": "in_place", "why": { "ja": "理由", "en": "why" } },
        { "question": "vpn_patched", "values": ["no"], "status": "missing", "why": { "ja": "理由", "en": "why" } }
      ] }
  ]
}"#;

fn small() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| Catalog::parse(SMALL).unwrap())
}

fn sources() -> Sources<'static> {
    static X: OnceLock<Crosswalk> = OnceLock::new();
    let qn = Questionnaire::embedded();
    let editions = Editions::shipped();
    let crosswalk =
        X.get_or_init(|| Crosswalk::parse(SMALL_CROSSWALK, small(), qn, editions).unwrap());
    Sources {
        catalog: small(),
        crosswalk,
        qn,
        editions,
    }
}

fn coverage(r: &Record) -> Coverage<'static> {
    Coverage::with(&sources(), r)
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, 1, 9, 0, 0).unwrap()
}

fn record() -> Record {
    Record::new(RecordId::new(2026, 1), now().date_naive(), now())
}

/// Puts an answer straight into the record, as a kept answer would be, even for a question
/// skip logic hides.
fn answer(r: &mut Record, q: &str, v: &str) {
    r.answers.insert(
        q.to_string(),
        Answer {
            value: Value::Text(v.to_string()),
            at: now(),
            carried: false,
        },
    );
}

fn set(c: &Catalog, r: &mut Record, control: &str, status: ControlStatus) {
    let change = MarkChange {
        status: Some(StatusInput::Set(status)),
        ..MarkChange::default()
    };
    set_mark(c, r, control, change, now()).unwrap();
}

fn state(_: &Catalog, r: &Record, leaf: &str) -> LeafState {
    coverage(r).leaf(leaf).unwrap().state
}

#[test]
fn a_fresh_record_is_all_unknown_and_scores_zero() {
    let cov = coverage(&record());
    assert_eq!(
        cov.overall,
        Tally {
            unknown: 5,
            ..Tally::default()
        }
    );
    assert_eq!(cov.overall.coverage(), Some(0.0));
    assert_eq!(cov.unknown_controls(), 6);
    assert_eq!(cov.from_interview(), 0);
    let uncovered: Vec<_> = cov.uncovered().map(|l| l.scenario.id.as_str()).collect();
    assert_eq!(uncovered, ["s1", "s2", "s3", "s4", "s5"]);
}

#[test]
fn a_missing_control_is_compensated_only_by_one_in_place() {
    use ControlStatus::*;
    let c = small();
    let mut r = record();
    set(c, &mut r, "c2", Missing);
    set(c, &mut r, "c3", InPlace);
    let cov = coverage(&r);
    let s2 = cov.leaf("s2").unwrap();
    assert_eq!(s2.state, LeafState::Covered);
    assert_eq!(
        s2.via,
        Some(Via::Compensated {
            missing: "c2",
            by: "c3"
        })
    );
    // The drill-down shows what stands in for c2, with its status.
    assert_eq!(s2.controls[0].compensated_by, vec![("c3", InPlace)]);

    // A compensator only partly in place gives half.
    set(c, &mut r, "c3", Partial);
    assert_eq!(state(c, &r, "s2"), LeafState::Half);
    // Nothing stands in: uncovered, and not unknown.
    set(c, &mut r, "c3", Missing);
    assert_eq!(state(c, &r, "s2"), LeafState::Uncovered);
    // An unknown compensator of a missing control leaves the scenario unknown.
    set(c, &mut r, "c3", Unknown);
    assert_eq!(state(c, &r, "s2"), LeafState::Unknown);
    // Compensation stands in for a control known to be missing, not for one nobody has
    // checked, nor for one partly done.
    set(c, &mut r, "c3", InPlace);
    set(c, &mut r, "c2", Unknown);
    assert_eq!(state(c, &r, "s2"), LeafState::Unknown);
    set(c, &mut r, "c2", Partial);
    assert_eq!(state(c, &r, "s2"), LeafState::Half);
}

#[test]
fn partial_counts_half_and_in_place_beats_partial() {
    use ControlStatus::*;
    let c = small();
    let mut r = record();
    set(c, &mut r, "c4", Partial);
    set(c, &mut r, "c5", Missing);
    let cov = coverage(&r);
    assert_eq!(cov.leaf("s4").unwrap().state, LeafState::Half);
    assert_eq!(cov.leaf("s4").unwrap().via, Some(Via::Own("c4")));
    assert_eq!(cov.category("b").unwrap().half, 1);
    set(c, &mut r, "c5", InPlace);
    let cov = coverage(&r);
    assert_eq!(cov.leaf("s4").unwrap().state, LeafState::Covered);
    assert_eq!(cov.leaf("s4").unwrap().via, Some(Via::Own("c5")));
}

#[test]
fn a_scenario_drops_out_only_when_all_its_controls_are_not_applicable() {
    use ControlStatus::*;
    let c = small();
    let mut r = record();
    set(c, &mut r, "c4", NotApplicable);
    assert_eq!(state(c, &r, "s4"), LeafState::Unknown);
    set(c, &mut r, "c5", Missing);
    assert_eq!(state(c, &r, "s4"), LeafState::Uncovered);
    set(c, &mut r, "c5", NotApplicable);
    assert_eq!(state(c, &r, "s4"), LeafState::Dropped);
}

#[test]
fn coverage_is_the_mean_at_every_level_and_an_empty_cell_is_not_zero() {
    use ControlStatus::*;
    let c = small();
    let mut r = record();
    set(c, &mut r, "c1", InPlace); // s1 = 1
    set(c, &mut r, "c2", Partial); // s2 = 0.5
    set(c, &mut r, "c3", Missing); // s3 = 0
    set(c, &mut r, "c4", NotApplicable);
    set(c, &mut r, "c5", NotApplicable); // s4 drops out
    set(c, &mut r, "c6", InPlace); // s5 = 1
    let cov = coverage(&r);

    assert_eq!(cov.overall.coverage(), Some(0.625)); // (1 + 0.5 + 0 + 1) / 4
    assert_eq!(cov.overall.percent(), Some(62));
    assert_eq!(
        cov.overall,
        Tally {
            covered: 2,
            half: 1,
            uncovered: 1,
            unknown: 0,
            dropped: 1
        }
    );
    assert_eq!(cov.category("a").unwrap().coverage(), Some(0.5));
    assert_eq!(cov.category("b").unwrap().coverage(), Some(1.0));
    assert_eq!(cov.medium("m_a").unwrap().coverage(), Some(0.5));
    assert_eq!(cov.phase("p1").unwrap().coverage(), Some(0.75)); // s1, s2; s4 dropped
    assert_eq!(cov.phase("p2").unwrap().coverage(), Some(0.5)); // s2, s3, s5
    let p3 = cov.phase("p3").unwrap();
    assert!(p3.is_empty());
    assert_eq!(p3.coverage(), None);

    assert_eq!(cov.cell("a", "p1").unwrap().coverage(), Some(0.75));
    assert_eq!(cov.cell("a", "p2").unwrap().coverage(), Some(0.25));
    // Only a dropped scenario: no coverage, but not an empty cell either.
    let b1 = cov.cell("b", "p1").unwrap();
    assert_eq!((b1.coverage(), b1.is_empty(), b1.dropped), (None, false, 1));
    assert!(cov.cell("b", "p3").unwrap().is_empty());
    assert_eq!(cov.cells.len(), 2);
    assert_eq!(cov.cells[0].len(), 3);

    let uncovered: Vec<_> = cov.uncovered().map(|l| l.scenario.id.as_str()).collect();
    assert_eq!(uncovered, ["s3"]);

    // A cell's drill-down: the 中 risks with only the scenarios of that phase.
    let tree = cov.tree("a", Some("p2"));
    assert_eq!(tree.len(), 1);
    assert_eq!(tree[0].medium.id, "m_a");
    let ids: Vec<_> = tree[0]
        .leaves
        .iter()
        .map(|l| l.scenario.id.as_str())
        .collect();
    assert_eq!(ids, ["s2", "s3"]);
    assert_eq!(tree[0].tally.coverage(), Some(0.25));
    assert!(cov.tree("b", Some("p3")).is_empty());
}

#[test]
fn the_interview_presets_controls_and_a_changed_answer_moves_them() {
    let mut r = record();
    answer(&mut r, "backup", "yes");
    answer(&mut r, "backup_offline", "yes");
    answer(&mut r, "audit", "once");
    let cov = coverage(&r);
    let c1 = cov.control("c1").unwrap();
    assert_eq!(c1.status, ControlStatus::InPlace);
    assert_eq!(
        c1.source,
        StatusSource::Interview {
            question: "backup_offline".into(),
            value: "yes".into()
        }
    );
    assert!(c1.from_interview());
    assert_eq!(cov.control("c4").unwrap().status, ControlStatus::Partial);
    assert_eq!(cov.from_interview(), 2);
    assert_eq!(cov.leaf("s1").unwrap().state, LeafState::Covered);
    // Nothing is stored for a preset: the record's marks stay empty.
    assert!(r.controls.is_empty());

    answer(&mut r, "backup_offline", "no");
    let cov = coverage(&r);
    assert_eq!(cov.control("c1").unwrap().status, ControlStatus::Missing);
    assert_eq!(cov.leaf("s1").unwrap().state, LeafState::Uncovered);
}

#[test]
fn the_users_status_wins_over_the_interview_until_taken_back() {
    let c = small();
    let mut r = record();
    answer(&mut r, "backup", "yes");
    answer(&mut r, "backup_offline", "no");
    set(c, &mut r, "c1", ControlStatus::Partial);
    let cov = coverage(&r);
    assert_eq!(cov.control("c1").unwrap().status, ControlStatus::Partial);
    assert_eq!(cov.control("c1").unwrap().source, StatusSource::User);
    // The answer changes: the user's word still stands.
    answer(&mut r, "backup_offline", "yes");
    let cov = coverage(&r);
    assert_eq!(cov.control("c1").unwrap().status, ControlStatus::Partial);
    // Even "unknown" said by the user overrides the interview.
    set(c, &mut r, "c1", ControlStatus::Unknown);
    let cov = coverage(&r);
    assert_eq!(cov.control("c1").unwrap().status, ControlStatus::Unknown);
    // `-` takes it back: the interview's answer applies again.
    let clear = MarkChange {
        status: Some(StatusInput::Clear),
        ..MarkChange::default()
    };
    set_mark(c, &mut r, "c1", clear, now()).unwrap();
    let cov = coverage(&r);
    assert_eq!(cov.control("c1").unwrap().status, ControlStatus::InPlace);
    assert!(cov.control("c1").unwrap().from_interview());
    assert!(r.controls.is_empty(), "an empty mark is not kept");
}

#[test]
fn answers_to_hidden_questions_preset_nothing() {
    let mut r = record();
    // vpn_patched is asked only when vpn_flagged = yes; its kept answer counts for nothing.
    answer(&mut r, "vpn_flagged", "no");
    answer(&mut r, "vpn_patched", "yes");
    let cov = coverage(&r);
    assert_eq!(cov.control("c6").unwrap().status, ControlStatus::Unknown);
    assert_eq!(cov.control("c6").unwrap().source, StatusSource::Default);
    answer(&mut r, "vpn_flagged", "yes");
    let cov = coverage(&r);
    assert_eq!(cov.control("c6").unwrap().status, ControlStatus::InPlace);

    // backup = no hides backup_offline: its old "yes" is ignored and `backup = no` applies.
    answer(&mut r, "backup", "no");
    answer(&mut r, "backup_offline", "yes");
    let cov = coverage(&r);
    let c1 = cov.control("c1").unwrap();
    assert_eq!(c1.status, ControlStatus::Missing);
    assert_eq!(
        c1.source,
        StatusSource::Interview {
            question: "backup".into(),
            value: "no".into()
        }
    );
}

#[test]
fn bad_marks_are_refused_with_the_allowed_values_and_change_nothing() {
    let c = small();
    let mut r = record();
    set(c, &mut r, "c1", ControlStatus::InPlace);
    let before = serde_json::to_string(&r).unwrap();

    let err = set_mark(c, &mut r, "c9", MarkChange::default(), now()).unwrap_err();
    match &err {
        MarkError::UnknownControl { control, allowed } => {
            assert_eq!(control, "c9");
            assert_eq!(allowed, &["c1", "c2", "c3", "c4", "c5", "c6"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(err
        .message(Lang::Ja)
        .contains("対策 `c9` はリスクカタログにありません"));
    assert!(err.message(Lang::En).contains("c1, c2, c3"));

    let err = StatusInput::parse("done").unwrap_err();
    for lang in [Lang::Ja, Lang::En] {
        let m = err.message(lang);
        assert!(
            m.contains("in_place, partial, missing, not_applicable, unknown"),
            "{m}"
        );
    }
    assert_eq!(
        StatusInput::parse("not_applicable").unwrap(),
        StatusInput::Set(ControlStatus::NotApplicable)
    );
    assert_eq!(StatusInput::parse("-").unwrap(), StatusInput::Clear);

    let on_hospital = MarkChange {
        system: Some("電子カルテ"),
        ..MarkChange::default()
    };
    let err = set_mark(c, &mut r, "c1", on_hospital, now()).unwrap_err();
    assert_eq!(
        err,
        MarkError::SystemOnHospitalControl {
            control: "c1".into()
        }
    );
    let long = "x".repeat(shindan::domain::matrix::mark::NOTE_MAX + 1);
    let too_long = MarkChange {
        status: Some(StatusInput::Set(ControlStatus::Missing)),
        note: Some(&long),
        ..MarkChange::default()
    };
    let err = set_mark(c, &mut r, "c1", too_long, now()).unwrap_err();
    assert_eq!(
        err,
        MarkError::NoteTooLong {
            len: shindan::domain::limits::NOTE_MAX + 1
        }
    );
    assert_eq!(serde_json::to_string(&r).unwrap(), before);
}

#[test]
fn marks_keep_a_note_and_a_system_and_round_trip_through_json() {
    let c = small();
    let mut r = record();
    let change = MarkChange {
        status: Some(StatusInput::Set(ControlStatus::Missing)),
        note: Some("来年度予算で対応  "),
        system: Some(" 電子カルテ "),
        ..MarkChange::default()
    };
    set_mark(c, &mut r, "c6", change, now()).unwrap();
    let m = &r.controls["c6"];
    assert_eq!(m.note.as_deref(), Some("来年度予算で対応"));
    assert_eq!(m.system.as_deref(), Some("電子カルテ"));
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["controls"]["c6"]["status"], "missing");
    assert_eq!(json["controls"]["c6"]["system"], "電子カルテ");
    let back: Record = serde_json::from_value(json).unwrap();
    assert_eq!(back.controls, r.controls);
    // A record without marks writes no `controls` key, so older builds read it unchanged.
    let plain = serde_json::to_value(record()).unwrap();
    assert!(plain.get("controls").is_none());
    // Next year's record carries the marks, flagged until set again.
    let next = r.carry_to(RecordId::new(2027, 1), now().date_naive(), now());
    assert!(next.controls["c6"].carried);
    let cov = coverage(&next);
    assert!(cov.control("c6").unwrap().carried);
    assert!(!cov.control("c5").unwrap().carried);
}

#[test]
fn the_vendor_brief_lists_vendor_controls_not_in_place_by_system_and_phase() {
    use ControlStatus::*;
    let c = small();
    let mut r = record();
    set(c, &mut r, "c6", Missing);
    let change = MarkChange {
        system: Some("PACS"),
        ..MarkChange::default()
    };
    set_mark(c, &mut r, "c5", change, now()).unwrap(); // unknown, named system
    let cov = coverage(&r);
    let brief = VendorBrief::of(&cov);
    assert_eq!(brief.len(), 2);
    assert_eq!(brief.settled, 0);
    assert_eq!(brief.systems[0].system.as_deref(), Some("PACS"));
    assert_eq!(brief.systems[0].phases[0].phase.id, "p1");
    assert_eq!(brief.systems[0].phases[0].requests[0].control.id, "c5");
    assert_eq!(brief.systems[0].phases[0].requests[0].status, Unknown);
    assert_eq!(brief.systems[1].system, None);
    assert_eq!(brief.systems[1].phases[0].phase.id, "p2");
    assert_eq!(
        brief.systems[1].phases[0].requests[0].control.ask(Lang::En),
        "Ask 6"
    );

    set(c, &mut r, "c5", InPlace);
    set(c, &mut r, "c6", NotApplicable);
    let cov = coverage(&r);
    let brief = VendorBrief::of(&cov);
    assert!(brief.is_empty());
    assert_eq!(brief.settled, 2);
}

#[test]
fn broken_catalogues_are_refused_naming_the_fault() {
    let broken = |from: &str, to: &str| {
        assert!(SMALL.contains(from), "{from}");
        Catalog::parse(&SMALL.replacen(from, to, 1)).unwrap_err()
    };
    assert!(matches!(
        broken(r#""compensates": ["c2"]"#, r#""compensates": ["c3"]"#),
        CatalogError::SelfCompensation(id) if id == "c3"
    ));
    assert!(matches!(
        broken(r#""compensates": ["c2"]"#, r#""compensates": ["c7"]"#),
        CatalogError::Link { target, .. } if target == "c7"
    ));
    assert!(matches!(
        broken(r#""scenarios": ["s3"]"#, r#""scenarios": ["s2"]"#),
        CatalogError::Uncontrolled(id) if id == "s3"
    ));
    assert!(matches!(
        broken(r#""ask_ja": "依頼5", "#, ""),
        CatalogError::NoAsk(id) if id == "c5"
    ));
    assert!(matches!(
        broken(r#""topic": "題目""#, r#""topic": "題目", "section": "4.1""#),
        CatalogError::Source { control, .. } if control == "c5"
    ));
    assert!(matches!(
        broken(r#""section": "6.10""#, r#""section": "6.10.3""#),
        CatalogError::Source { control, .. } if control == "c1"
    ));
    assert!(matches!(
        broken(r#""phases": ["p2"], "ja": "小3""#, r#""phases": ["p9"], "ja": "小3""#),
        CatalogError::Link { target, .. } if target == "p9"
    ));
    assert!(matches!(
        broken(r#""parent": "m_b", "category": "b", "phases": ["p1"]"#, r#""parent": "m_a", "category": "b", "phases": ["p1"]"#),
        CatalogError::Link { from, .. } if from == "s4"
    ));
    assert!(matches!(
        broken(
            r#""scenarios": ["s3"]"#,
            r#""scenarios": ["s3"], "compensate": ["c1"]"#
        ),
        CatalogError::Json(_)
    ));
}

/// A group is mostly unknown when more than half of the scenarios its coverage is the mean of
/// are unknown; dropped ones do not count, a blank group is not.
#[test]
fn a_group_is_mostly_unknown_past_half_its_counted_scenarios() {
    use shindan::domain::matrix::Tally;
    let t = |covered, unknown, dropped| Tally {
        covered,
        unknown,
        dropped,
        ..Tally::default()
    };
    assert!(t(1, 2, 0).mostly_unknown());
    assert!(!t(1, 1, 0).mostly_unknown(), "half is not more than half");
    assert!(
        !t(2, 1, 5).mostly_unknown(),
        "dropped scenarios do not count"
    );
    assert!(!Tally::default().mostly_unknown(), "a blank cell is blank");
}
