//! A record with a complete interview and the newest checklist's hospital form answered はい
//! throughout: the starting point of the walk-through's tests (domain, screen, pseudo-terminal),
//! which issue 23 measures against "75 unknown controls after a full interview".
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, Utc};
use shindan::domain::checklist::{rules, AnswerInput, Editions, Form, YesNo};
use shindan::domain::validate::answer_from_input;
use shindan::domain::{Questionnaire, Record, RecordId};

/// Every question of the interview answered as a well-run 180-bed hospital would.
pub const INTERVIEW: [(&str, &str); 21] = [
    ("hospital_name", "さくら記念病院"),
    ("beds", "180"),
    ("founder", "medical_corporation"),
    ("associations", "jha"),
    ("revenue", "3000000"),
    ("threat", "yes"),
    ("vpn_flagged", "yes"),
    ("vpn_patched", "yes"),
    ("backup", "yes"),
    ("backup_offline", "yes"),
    ("backup_offsite", "yes"),
    ("staff_total", "3"),
    ("staff_fulltime", "2"),
    ("audit", "regular"),
    ("budget_bracket", "5m_10m"),
    ("budget_amount", "6000"),
    ("budget_sufficiency", "enough"),
    ("insurance", "yes"),
    ("closed_network_belief", "disagree"),
    ("incident_response", "yes"),
    ("bcp", "yes"),
];

/// The interview alone, answered at `now`.
pub fn interviewed(id: RecordId, now: DateTime<Utc>) -> Record {
    let qn = Questionnaire::embedded();
    let mut r = Record::new(id, now.date_naive(), now);
    for (q, v) in INTERVIEW {
        answer_from_input(qn, &mut r, q, v, now).unwrap_or_else(|e| panic!("{q}: {e}"));
    }
    let p = qn.progress(&r);
    assert_eq!(p.answered, p.total, "the interview is complete");
    r
}

/// The interview, and every item of the newest checklist's hospital form answered はい, checked
/// on `day`.
pub fn complete(id: RecordId, day: NaiveDate, now: DateTime<Utc>) -> Record {
    let mut r = interviewed(id, now);
    let eds = Editions::shipped();
    let edition = eds.newest().unwrap();
    for item in edition.items_on(Form::Hospital) {
        let input = AnswerInput {
            answer: YesNo::Yes,
            checked_on: day,
            target_on: None,
            note: None,
            evidence: None,
        };
        rules::answer(eds, &mut r, &edition.id, &item.id, input, day, now).unwrap();
    }
    r
}
