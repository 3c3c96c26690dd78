//! The checklist's domain pieces a screen calls while an answer is typed: the date checked as
//! it is typed, and a note written on the latest check without checking the item again.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use shindan::domain::checklist::rules::{self, ChecklistError, DateField};
use shindan::domain::checklist::{AnswerInput, Editions};
use shindan::domain::record::checklist_answers::YesNo;
use shindan::domain::{Lang, Record, RecordId};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 3, 0, 0).unwrap()
}

fn eds() -> &'static Editions {
    Editions::shipped()
}

fn answered(edition: &str, item: &str, a: YesNo, target: Option<&str>) -> Record {
    let mut r = Record::new(RecordId::new(2026, 1), d("2026-11-25"), now());
    rules::answer(
        eds(),
        &mut r,
        edition,
        item,
        AnswerInput {
            answer: a,
            checked_on: d("2026-11-20"),
            target_on: target.map(d),
            note: Some("最初のメモ".into()),
            evidence: None,
        },
        d("2026-11-25"),
        now(),
    )
    .unwrap();
    r
}

#[test]
fn the_date_checked_is_checked_as_typed() {
    let today = d("2026-11-25");
    let check =
        |raw: &str, latest: Option<&str>| rules::check_checked_input(raw, latest.map(d), today);
    assert_eq!(check("2026-11-25", None), Ok(d("2026-11-25")));
    assert_eq!(check("2026/11/21", Some("2026-11-21")), Ok(d("2026-11-21")));
    assert_eq!(
        check("2026-11-26", None),
        Err(ChecklistError::CheckedInFuture {
            checked_on: d("2026-11-26"),
            today
        })
    );
    assert_eq!(
        check("2026-11-20", Some("2026-11-21")),
        Err(ChecklistError::CheckedBeforePrevious {
            checked_on: d("2026-11-20"),
            previous: d("2026-11-21")
        })
    );
    let e = check("2026-11", None).unwrap_err();
    assert_eq!(
        e,
        ChecklistError::NotADate {
            field: DateField::Checked,
            input: "2026-11".into()
        }
    );
    assert_eq!(
        e.message(Lang::Ja),
        "確認日：`2026-11` は日付ではありません。YYYY-MM-DD の形で入力してください"
    );
}

#[test]
fn a_note_goes_on_the_latest_check_and_changes_nothing_else() {
    let mut r = answered("mhlw-r7", "c3_bcp", YesNo::No, Some("2027-03-31"));
    let before = r.checklists["mhlw-r7"].latest("c3_bcp").unwrap().clone();
    rules::note(
        eds(),
        &mut r,
        "mhlw-r7",
        "c3_bcp",
        "  理事会の承認待ち\n",
        now(),
    )
    .unwrap();
    let after = r.checklists["mhlw-r7"].history("c3_bcp");
    assert_eq!(after.len(), 1, "no new check");
    assert_eq!(after[0].note.as_deref(), Some("理事会の承認待ち"));
    assert_eq!(
        (
            after[0].answer,
            after[0].checked_on,
            after[0].target_on,
            after[0].at
        ),
        (
            before.answer,
            before.checked_on,
            before.target_on,
            before.at
        )
    );
    // An empty note removes it.
    rules::note(eds(), &mut r, "mhlw-r7", "c3_bcp", " ", now()).unwrap();
    assert_eq!(r.checklists["mhlw-r7"].latest("c3_bcp").unwrap().note, None);
}

#[test]
fn a_note_needs_a_check_and_a_sane_length() {
    let mut r = answered("mhlw-r7", "c3_bcp", YesNo::Yes, None);
    let untouched = serde_json::to_string(&r).unwrap();
    let e = rules::note(eds(), &mut r, "mhlw-r7", "c3_contact_chart", "x", now()).unwrap_err();
    assert_eq!(
        e,
        ChecklistError::NoCheckForNote {
            item: "3(1)".into()
        }
    );
    assert!(e
        .message(Lang::Ja)
        .contains("先に はい／いいえ で回答してください"));
    assert!(e.to_string().contains("answer yes or no first"));
    let long = "あ".repeat(rules::NOTE_MAX + 1);
    assert_eq!(
        rules::note(eds(), &mut r, "mhlw-r7", "c3_bcp", &long, now()),
        Err(ChecklistError::NoteTooLong {
            len: rules::NOTE_MAX + 1,
            max: rules::NOTE_MAX
        })
    );
    assert!(matches!(
        rules::note(eds(), &mut r, "mhlw-r7", "c9_nothing", "x", now()),
        Err(ChecklistError::UnknownItem { .. })
    ));
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        untouched,
        "refusals change nothing"
    );
}

/// A note on an answer carried from the previous edition carries the answers over first (as any
/// first change to an edition does) and keeps the carried mark: a note is not a re-check.
#[test]
fn a_note_on_a_carried_answer_keeps_it_carried() {
    let mut r = answered("mhlw-r6", "c3_bcp", YesNo::Yes, None);
    assert!(!r.checklists.contains_key("mhlw-r7"));
    rules::note(eds(), &mut r, "mhlw-r7", "c3_bcp", "BCP 2026年版", now()).unwrap();
    let a = r.checklists["mhlw-r7"].latest("c3_bcp").unwrap();
    assert_eq!(a.note.as_deref(), Some("BCP 2026年版"));
    assert!(a.carried.is_some());
    assert_eq!(
        r.checklists["mhlw-r6"]
            .latest("c3_bcp")
            .unwrap()
            .note
            .as_deref(),
        Some("最初のメモ"),
        "the previous edition keeps its own"
    );
}
