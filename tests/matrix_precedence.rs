//! Where a control's status comes from when several sources speak: the user's mark, then the
//! hospital's checklist, then the interview, then a vendor's return — and the conflict shown
//! when two of them disagree. Pinned on a catalogue and crosswalk made here, with the shipped
//! checklist editions, so that the rules hold whatever the shipped mapping says.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use shindan::domain::checklist::{date, rules, AnswerInput, Editions, YesNo};
use shindan::domain::matrix::mark::{set_mark, MarkChange};
use shindan::domain::matrix::{
    Catalog, ControlState, ControlStatus, Coverage, Crosswalk, Rank, Sources, StatusInput,
    StatusSource,
};
use shindan::domain::overview::CoverageSummary;
use shindan::domain::record::checklist_answers::{ReturnedForm, Vendor, VendorAnswer, VendorForm};
use shindan::domain::validate::answer_from_input;
use shindan::domain::{Clock, Lang, Questionnaire, Record, RecordId};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One category, one phase; `h` (hospital), `v` (vendor) and `lead` each cover a scenario.
const CATALOG: &str = r#"{
  "categories": [ { "id": "a", "ja": "区分A", "en": "A", "short_ja": "A", "short_en": "A" } ],
  "phases": [ { "id": "p1", "ja": "段階1", "en": "P1", "short_ja": "P1", "short_en": "P1" } ],
  "scenarios": [
    { "id": "m", "level": "medium", "parent": "a", "category": "a", "ja": "中", "en": "M" },
    { "id": "s1", "level": "small", "parent": "m", "category": "a", "phases": ["p1"], "ja": "小1", "en": "S1" },
    { "id": "s2", "level": "small", "parent": "m", "category": "a", "phases": ["p1"], "ja": "小2", "en": "S2" },
    { "id": "s3", "level": "small", "parent": "m", "category": "a", "phases": ["p1"], "ja": "小3", "en": "S3" }
  ],
  "controls": [
    { "id": "h", "by": "hospital", "source": [{ "guideline": "mhlw-5.2", "section": "6.10" }],
      "ja": "連絡体制", "en": "Contact chain", "scenarios": ["s1"] },
    { "id": "v", "by": "vendor", "source": [{ "guideline": "meti-mic-1.0", "topic": "権限" }],
      "ja": "権限", "en": "Rights", "ask_ja": "権限を設定", "ask_en": "Set rights", "scenarios": ["s2"] },
    { "id": "lead", "by": "hospital", "source": [{ "guideline": "mhlw-5.2", "section": "6.5" }],
      "ja": "分離", "en": "Segregation", "scenarios": ["s3"] }
  ]
}"#;

const CROSSWALK: &str = r#"{
  "controls": [
    { "control": "h",
      "interview": [
        { "question": "incident_response", "values": ["yes"], "status": "in_place", "why": { "ja": "j", "en": "e" } },
        { "question": "incident_response", "values": ["no"], "status": "missing", "why": { "ja": "j", "en": "e" } }
      ],
      "checklist": [
        { "editions": ["mhlw-r6", "mhlw-r7"], "items": ["c3_contact_chart"], "yes": "in_place", "no": "missing",
          "why": { "ja": "連絡体制図", "en": "contact chart" } }
      ] },
    { "control": "v",
      "checklist": [
        { "editions": ["mhlw-r6", "mhlw-r7"], "items": ["c2_access_rights_server", "c2_access_rights_pc"],
          "yes": "in_place", "no": "missing", "vendor": true, "why": { "ja": "j", "en": "e" } }
      ] },
    { "control": "lead",
      "interview": [
        { "question": "closed_network_belief", "values": ["agree"], "status": "review", "why": { "ja": "要確認", "en": "to review" } }
      ],
      "none": { "ja": "なし", "en": "none" } }
  ]
}"#;

fn sources() -> Sources<'static> {
    static C: OnceLock<Catalog> = OnceLock::new();
    static X: OnceLock<Crosswalk> = OnceLock::new();
    let catalog = C.get_or_init(|| Catalog::parse(CATALOG).unwrap());
    let qn = Questionnaire::embedded();
    let editions = Editions::shipped();
    let crosswalk = X.get_or_init(|| Crosswalk::parse(CROSSWALK, catalog, qn, editions).unwrap());
    Sources {
        catalog,
        crosswalk,
        qn,
        editions,
    }
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap()
}

/// Dates shown in UTC, at [`now`].
fn clock() -> Clock {
    Clock::utc(now())
}

fn record() -> Record {
    Record::new(RecordId::new(2026, 1), d("2026-11-30"), now())
}

fn interview(r: &mut Record, q: &str, v: &str) {
    answer_from_input(Questionnaire::embedded(), r, q, v, now()).unwrap();
}

fn check(r: &mut Record, edition: &str, item: &str, a: YesNo, on: &str) {
    let input = AnswerInput {
        answer: a,
        checked_on: d(on),
        target_on: (a == YesNo::No && item != "c0_has_systems")
            .then(|| date::fiscal_year_end(d(on))),
        note: None,
        evidence: None,
    };
    rules::answer(
        Editions::shipped(),
        r,
        edition,
        item,
        input,
        d("2027-01-31"),
        now(),
    )
    .unwrap();
}

/// Both device rows of 2④, answered alike.
fn rights(r: &mut Record, a: YesNo, on: &str) {
    for item in ["c2_access_rights_server", "c2_access_rights_pc"] {
        check(r, "mhlw-r7", item, a, on);
    }
}

fn set(r: &mut Record, control: &str, status: ControlStatus) {
    let change = MarkChange {
        status: Some(StatusInput::Set(status)),
        ..MarkChange::default()
    };
    set_mark(sources().catalog, r, control, change, now()).unwrap();
}

fn state(r: &Record, control: &str) -> ControlState<'static> {
    let s = sources();
    ControlState::of(&s, s.catalog.control(control).unwrap(), r)
}

#[test]
fn the_user_then_the_checklist_then_the_interview_decide() {
    use ControlStatus::*;
    let mut r = record();
    assert_eq!(state(&r, "h").status, Unknown);
    assert_eq!(state(&r, "h").source, StatusSource::Default);

    interview(&mut r, "incident_response", "yes");
    let s = state(&r, "h");
    assert_eq!((s.status, s.source.rank()), (InPlace, Rank::Interview));

    check(
        &mut r,
        "mhlw-r7",
        "c3_contact_chart",
        YesNo::Yes,
        "2026-11-30",
    );
    let s = state(&r, "h");
    assert_eq!((s.status, s.source.rank()), (InPlace, Rank::Checklist));
    // Where it came from, in the form's printed number and the day it was checked.
    assert_eq!(
        s.whence(Lang::Ja, &clock()),
        "チェックリスト 3(1) 2026-11-30"
    );
    assert_eq!(s.whence(Lang::En, &clock()), "checklist 3(1) 2026-11-30");
    assert!(!s.whence(Lang::Ja, &clock()).contains("c3_contact_chart"));
    // The interview's word is kept beside it, agreeing.
    assert_eq!(s.findings.len(), 2);
    assert!(!s.conflict);

    set(&mut r, "h", Partial);
    let s = state(&r, "h");
    assert_eq!((s.status, s.source.rank()), (Partial, Rank::User));
    assert_eq!(s.whence(Lang::Ja, &clock()), "利用者が設定 2026-11-30");
    assert!(
        !s.conflict,
        "partial and in place are degrees, not a disagreement"
    );

    // Taking the user's status back: the checklist applies again.
    let clear = MarkChange {
        status: Some(StatusInput::Clear),
        ..MarkChange::default()
    };
    set_mark(sources().catalog, &mut r, "h", clear, now()).unwrap();
    assert_eq!(state(&r, "h").source.rank(), Rank::Checklist);
}

#[test]
fn two_sources_that_disagree_show_a_conflict_whichever_wins() {
    use ControlStatus::*;
    let mut r = record();
    check(
        &mut r,
        "mhlw-r7",
        "c3_contact_chart",
        YesNo::Yes,
        "2026-11-30",
    );
    set(&mut r, "h", Missing);
    let s = state(&r, "h");
    assert_eq!(s.status, Missing);
    assert!(s.conflict);
    let said: Vec<(Option<ControlStatus>, Rank)> = s
        .disagreeing()
        .iter()
        .map(|f| (f.status, f.source.rank()))
        .collect();
    assert_eq!(
        said,
        [
            (Some(Missing), Rank::User),
            (Some(InPlace), Rank::Checklist)
        ]
    );

    // The checklist and the interview disagreeing, the user silent.
    let mut r = record();
    check(
        &mut r,
        "mhlw-r7",
        "c3_contact_chart",
        YesNo::Yes,
        "2026-11-30",
    );
    interview(&mut r, "incident_response", "no");
    let s = state(&r, "h");
    assert_eq!((s.status, s.conflict), (InPlace, true));

    // Counted in the coverage and the overview's summary.
    let cov = Coverage::with(&sources(), &r);
    assert_eq!(cov.conflicts(), 1);
    assert_eq!(CoverageSummary::of(&cov).conflicts, 1);
    interview(&mut r, "incident_response", "yes");
    assert_eq!(Coverage::with(&sources(), &r).conflicts(), 0);

    // Not applicable says nothing about presence: no conflict.
    set(&mut r, "h", NotApplicable);
    assert!(!state(&r, "h").conflict);
}

#[test]
fn a_lead_to_review_is_shown_and_never_counted() {
    let mut r = record();
    interview(&mut r, "closed_network_belief", "agree");
    let s = state(&r, "lead");
    assert_eq!(s.status, ControlStatus::Unknown);
    assert!(!s.is_known());
    let leads: Vec<_> = s.leads().collect();
    assert_eq!(leads.len(), 1);
    assert_eq!(leads[0].source.rank(), Rank::Interview);
    assert_eq!(Coverage::with(&sources(), &r).unknown_controls(), 3);
    interview(&mut r, "closed_network_belief", "disagree");
    assert_eq!(state(&r, "lead").leads().count(), 0);
}

#[test]
fn device_rows_prove_the_whole_only_together() {
    use ControlStatus::*;
    let mut r = record();
    check(
        &mut r,
        "mhlw-r7",
        "c2_access_rights_server",
        YesNo::Yes,
        "2026-11-01",
    );
    assert_eq!(
        state(&r, "v").status,
        Unknown,
        "the PC row is not answered yet"
    );
    check(
        &mut r,
        "mhlw-r7",
        "c2_access_rights_pc",
        YesNo::No,
        "2026-11-30",
    );
    let s = state(&r, "v");
    assert_eq!(s.status, Partial);
    assert_eq!(
        s.whence(Lang::Ja, &clock()),
        "チェックリスト 2④（サーバ・端末PC） 2026-11-30"
    );
    check(
        &mut r,
        "mhlw-r7",
        "c2_access_rights_pc",
        YesNo::Yes,
        "2026-11-30",
    );
    assert_eq!(state(&r, "v").status, InPlace);
    rights(&mut r, YesNo::No, "2026-12-01");
    assert_eq!(state(&r, "v").status, Missing);
}

#[test]
fn the_newest_edition_supersedes_and_the_gate_turns_an_edition_off() {
    use ControlStatus::*;
    let mut r = record();
    check(
        &mut r,
        "mhlw-r6",
        "c3_contact_chart",
        YesNo::No,
        "2025-11-30",
    );
    let s = state(&r, "h");
    assert_eq!(s.status, Missing);
    assert_eq!(
        s.whence(Lang::Ja, &clock()),
        "チェックリスト 3(1) 2025-11-30"
    );
    check(
        &mut r,
        "mhlw-r7",
        "c3_contact_chart",
        YesNo::Yes,
        "2026-11-30",
    );
    let s = state(&r, "h");
    assert_eq!((s.status, s.conflict), (InPlace, false));
    assert_eq!(
        s.findings.len(),
        1,
        "last year's edition is not a second source"
    );

    // No medical information systems: the edition's other answers prove nothing.
    check(&mut r, "mhlw-r7", "c0_has_systems", YesNo::No, "2026-11-30");
    assert_eq!(state(&r, "h").status, Missing, "back to the FY2024 edition");
}

fn returned(items: &[(&str, YesNo)]) -> VendorForm {
    VendorForm {
        sent_on: Some(d("2026-10-01")),
        returned: Some(ReturnedForm {
            imported_at: now(),
            file_sha256: "0".repeat(64),
            controls: Default::default(),
            items: items
                .iter()
                .map(|(i, a)| {
                    (
                        i.to_string(),
                        VendorAnswer {
                            answer: *a,
                            checked_on: d("2026-10-15"),
                            target_on: None,
                            note: None,
                        },
                    )
                })
                .collect(),
            carried: false,
        }),
    }
}

fn vendor(name: &str, system: &str, form: Option<VendorForm>) -> Vendor {
    let mut forms = BTreeMap::new();
    if let Some(f) = form {
        forms.insert("mhlw-r7".to_string(), f);
    }
    Vendor {
        vendor: name.into(),
        system: system.into(),
        forms,
    }
}

#[test]
fn a_vendors_return_counts_last_and_only_once_every_vendor_in_scope_answered() {
    use ControlStatus::*;
    let yes = [
        ("c2_access_rights_server", YesNo::Yes),
        ("c2_access_rights_pc", YesNo::Yes),
    ];
    let mut r = record();
    r.vendors = vec![
        vendor("A社", "電子カルテ", Some(returned(&yes))),
        vendor("B社", "PACS", None),
    ];
    assert_eq!(state(&r, "v").status, Unknown, "B社 has not answered");
    // The control names its system: only that vendor's form counts.
    let change = MarkChange {
        system: Some("電子カルテ"),
        ..MarkChange::default()
    };
    set_mark(sources().catalog, &mut r, "v", change, now()).unwrap();
    let s = state(&r, "v");
    assert_eq!((s.status, s.source.rank()), (InPlace, Rank::Vendor));
    assert_eq!(
        s.whence(Lang::Ja, &clock()),
        "事業者の回答 A社 (電子カルテ) 2④（サーバ・端末PC） 2026-10-15"
    );
    // The hospital's own answer outranks it, and disagreeing shows.
    rights(&mut r, YesNo::No, "2026-11-30");
    let s = state(&r, "v");
    assert_eq!(
        (s.status, s.source.rank(), s.conflict),
        (Missing, Rank::Checklist, true)
    );

    // Every vendor answered: their answers read as rows, mixed = partial.
    let mut r = record();
    let no = [
        ("c2_access_rights_server", YesNo::No),
        ("c2_access_rights_pc", YesNo::No),
    ];
    r.vendors = vec![
        vendor("A社", "電子カルテ", Some(returned(&yes))),
        vendor("B社", "PACS", Some(returned(&no))),
    ];
    assert_eq!(state(&r, "v").status, Partial);
    // A hospital control is not proven by vendors' forms unless the crosswalk says so.
    assert_eq!(state(&r, "h").status, Unknown);
}

/// Issue 22 in the crosswalk's ranking: a fresh copy shows last year's statuses as they were,
/// marked carried, but none of them is known — neither a carried mark nor a control proven only
/// by a carried checklist answer or vendor's return — until it is confirmed.
#[test]
fn a_fresh_copy_knows_no_control_from_carried_word_until_confirmed() {
    use shindan::domain::carried::confirm;
    use shindan::domain::history;
    use ControlStatus::*;
    let yes = [
        ("c2_access_rights_server", YesNo::Yes),
        ("c2_access_rights_pc", YesNo::Yes),
    ];
    let mut r = record();
    interview(&mut r, "incident_response", "yes");
    check(
        &mut r,
        "mhlw-r7",
        "c3_contact_chart",
        YesNo::Yes,
        "2026-11-30",
    );
    r.vendors = vec![vendor("A社", "電子カルテ", Some(returned(&yes)))];
    set(&mut r, "lead", InPlace);
    let cov = Coverage::with(&sources(), &r);
    assert_eq!(cov.unknown_controls(), 0);
    assert_eq!(cov.overall.covered, 3);

    let later = Utc.with_ymd_and_hms(2027, 5, 10, 9, 0, 0).unwrap();
    let mut next = history::copy(&r, RecordId::new(2027, 1), &Clock::utc(later));
    let cov = Coverage::with(&sources(), &next);
    let shown: Vec<(&str, ControlStatus, Rank, bool, bool)> = cov
        .controls
        .iter()
        .map(|c| {
            let id = c.control.id.as_str();
            (id, c.status, c.source.rank(), c.carried, c.is_known())
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("h", InPlace, Rank::Checklist, true, false),
            ("v", InPlace, Rank::Vendor, true, false),
            ("lead", InPlace, Rank::User, true, false),
        ]
    );
    for c in &cov.controls {
        assert_eq!(c.source.mark(c.carried, Lang::Ja), "～", "{}", c.control.id);
    }
    assert_eq!(cov.unknown_controls(), 3);
    assert_eq!(cov.overall.unknown, 3, "{:?}", cov.overall);
    assert_eq!(cov.figure().render(Lang::Ja), "網羅 0%（判明 0/3）");
    assert!(CoverageSummary::of(&cov).nothing_known());

    // Confirming the control's mark makes it known, and it covers again.
    confirm::control(sources().catalog, &mut next, "lead", later).unwrap();
    let s = state(&next, "lead");
    assert_eq!((s.status, s.carried, s.is_known()), (InPlace, false, true));
    assert_eq!(s.source.mark(s.carried, Lang::Ja), "＋");
    // So does checking the carried checklist answer again, or confirming the vendor's return.
    let day = d("2027-05-10");
    let editions = Editions::shipped();
    confirm::checklist_item(
        editions,
        &mut next,
        "mhlw-r7",
        "c3_contact_chart",
        day,
        None,
        day,
        later,
    )
    .unwrap();
    assert!(state(&next, "h").is_known());
    assert!(!state(&next, "v").is_known());
    confirm::vendor_return(&mut next, "mhlw-r7", "A社", None, later).unwrap();
    let cov = Coverage::with(&sources(), &next);
    assert_eq!(cov.unknown_controls(), 0);
    assert_eq!(cov.overall.covered, 3);
    assert_eq!(cov.figure().render(Lang::Ja), "網羅 100%（判明 3/3）");
}
