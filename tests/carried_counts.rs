//! A fresh copy counts nothing it carried as this year's: a vendor's carried form that
//! disagrees with a carried answer is no conflict yet (not on the checklist, the overview or
//! the matrix), and a carried control mark is no 「＋設定」 — until both sides are confirmed.

use chrono::{DateTime, NaiveDate, Utc};
use shindan::domain::carried::confirm;
use shindan::domain::checklist::{
    rules, AnswerInput, ChecklistView, Editions, EvidenceState, YesNo,
};
use shindan::domain::clock::Clock;
use shindan::domain::matrix::mark::{set_mark, MarkChange};
use shindan::domain::matrix::{Catalog, ControlStatus, Coverage, Rank, Sources, StatusInput};
use shindan::domain::overview::Overview;
use shindan::domain::vendor_file;
use shindan::domain::vendors;
use shindan::domain::{history, Lang, Questionnaire, Record, RecordId};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

const ITEM: &str = "c2_remote_maintenance";
const MARKED: usize = 3;

/// Last year's record: 2(4) はい, a vendor's form back saying いいえ (a conflict then), three
/// controls set by the hospital; and this year's copy.
fn copied() -> Record {
    let eds = Editions::shipped();
    let ed = eds.get("mhlw-r7").unwrap();
    let then = at("2025-06-02T01:00:00Z");
    let mut r = Record::new(RecordId::new(2025, 1), d("2025-06-02"), then);
    // はい, checked last year, with nothing else to it.
    let (checked_on, target_on, note, evidence) = (d("2025-06-02"), None, None, None);
    let yes = AnswerInput {
        answer: YesNo::Yes,
        checked_on,
        target_on,
        note,
        evidence,
    };
    rules::answer(eds, &mut r, "mhlw-r7", ITEM, yes, checked_on, then).unwrap();
    vendors::form_sent(
        &mut r,
        "ベンダーA",
        Some("電子カルテ"),
        "mhlw-r7",
        d("2025-06-02"),
        then,
    )
    .unwrap();
    let mut form = vendor_file::blank(ed, &r, "ベンダーA", "電子カルテ", d("2025-06-02"), Lang::Ja);
    for row in form.items.iter_mut() {
        row.answer = if row.id == ITEM { "no" } else { "yes" }.into();
        row.checked_on = "2025-06-02".into();
        if row.id == ITEM {
            row.target_on = "2026-03-01".into();
        }
    }
    vendor_file::import(ed, &mut r, form.to_json().as_bytes(), d("2025-06-02"), then).unwrap();
    let catalog = Catalog::embedded();
    for c in catalog.controls.iter().take(MARKED) {
        let change = MarkChange {
            status: Some(StatusInput::Set(ControlStatus::InPlace)),
            ..MarkChange::default()
        };
        set_mark(catalog, &mut r, &c.id, change, then).unwrap();
    }
    assert_eq!(view(&r).conflicts.len(), 1, "last year it was a conflict");
    let clock = Clock::utc(at("2026-05-11T01:00:00Z"));
    history::copy(&r, RecordId::new(2026, 1), &clock)
}

fn view(r: &Record) -> ChecklistView<'static> {
    let eds = Editions::shipped();
    let clock = Clock::utc(at("2026-05-11T01:00:00Z"));
    ChecklistView::build(
        eds,
        eds.get("mhlw-r7").unwrap(),
        r,
        Questionnaire::embedded(),
        &clock,
        &|_| EvidenceState::NotChecked,
    )
}

fn overview_conflicts(r: &Record) -> usize {
    let v = view(r);
    let o = Overview::of(r, shindan::domain::survey::Survey::embedded(), Some(&v));
    let c = o.checklist.expect("an edition is shipped");
    assert_eq!(
        c.conflicts.len(),
        v.conflicts.len(),
        "overview and checklist agree"
    );
    c.conflicts.len()
}

#[test]
fn a_carried_vendor_form_is_no_conflict_until_both_sides_are_confirmed() {
    let mut r = copied();
    assert!(view(&r).conflicts.is_empty());
    assert_eq!(overview_conflicts(&r), 0);
    assert!(!view(&r).row(ITEM).unwrap().conflict);
    let o = Overview::of(
        &r,
        shindan::domain::survey::Survey::embedded(),
        Some(&view(&r)),
    );
    assert_eq!(
        o.checklist.unwrap().vendors_carried.len(),
        1,
        "shown as carried"
    );
    let now = at("2026-05-11T02:00:00Z");
    confirm::vendor_return(&mut r, "mhlw-r7", "ベンダーA", Some("電子カルテ"), now).unwrap();
    assert_eq!(
        overview_conflicts(&r),
        0,
        "the hospital's answer is still carried"
    );
    let today = d("2026-05-11");
    let eds = Editions::shipped();
    confirm::checklist_item(eds, &mut r, "mhlw-r7", ITEM, today, None, today, now).unwrap();
    assert_eq!(
        overview_conflicts(&r),
        1,
        "both of this year: a conflict again"
    );
}

#[test]
fn a_carried_mark_is_no_set_mark_until_confirmed() {
    let sources = Sources::embedded();
    let mut r = copied();
    let cov = Coverage::with(&sources, &r);
    assert_eq!(cov.from_rank(Rank::User), 0, "no mark set this year");
    assert!(cov.carried() >= MARKED, "{}", cov.carried());
    assert_eq!(cov.figure().known, 0);
    assert!(
        cov.status_counts(Lang::Ja).contains("病院の設定0件"),
        "{}",
        cov.status_counts(Lang::Ja)
    );
    assert!(
        cov.status_counts(Lang::Ja).contains("前年から未確認"),
        "{}",
        cov.status_counts(Lang::Ja)
    );
    let first = &Catalog::embedded().controls[0].id;
    shindan::domain::carried::matrix::control(&sources, &mut r, first, at("2026-05-11T02:00:00Z"))
        .unwrap();
    let cov = Coverage::with(&sources, &r);
    assert_eq!(cov.from_rank(Rank::User), 1);
}
