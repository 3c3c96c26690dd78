//! One hospital's assessment: its answers, notes and the bookkeeping that keeps them safe.

use super::answer::Value;
use super::cohort::{BedClass, Founder};
use super::fiscal_year::FiscalYear;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

pub mod checklist_answers;
pub mod contact;
pub mod control;

use checklist_answers::{ChecklistAnswers, Vendor};
use contact::Contact;
use control::ControlMark;

/// The record format this build writes. Format 1 kept each answer as a bare value; format 2
/// keeps when each answer was given and whether it was carried over from last year, which the
/// checklist hints and year-to-year copies need.
pub const FORMAT_VERSION: u32 = 2;

/// A record's id: the assessment's 年度 and a sequence, `2026-007`. Hospital names are Japanese
/// and long; an id like this is short, ASCII and easy to type over SSH.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RecordId {
    year: i32,
    seq: u32,
}

impl RecordId {
    /// The years a new record may be made for ([`FiscalYear::RANGE`]).
    pub const YEARS: std::ops::RangeInclusive<i32> = FiscalYear::RANGE;

    pub fn new(year: i32, seq: u32) -> RecordId {
        RecordId { year, seq }
    }
    pub fn year(&self) -> i32 {
        self.year
    }
    /// The 年度 the id names.
    pub fn fiscal_year(&self) -> FiscalYear {
        FiscalYear::new(self.year)
    }
    pub fn seq(&self) -> u32 {
        self.seq
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:03}", self.year, self.seq)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a record id: ids look like 2026-007 (year, dash, number)")]
pub struct BadRecordId(pub String);

impl FromStr for RecordId {
    type Err = BadRecordId;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadRecordId(s.to_string());
        let (y, n) = s.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || n.is_empty() || n.len() > 6 {
            return Err(bad());
        }
        if !y.bytes().chain(n.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year = y.parse().map_err(|_| bad())?;
        let seq: u32 = n.parse().map_err(|_| bad())?;
        if seq == 0 {
            return Err(bad());
        }
        Ok(RecordId { year, seq })
    }
}

impl TryFrom<String> for RecordId {
    type Error = BadRecordId;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<RecordId> for String {
    fn from(id: RecordId) -> String {
        id.to_string()
    }
}

/// One committed answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub value: Value,
    /// When it was given (or confirmed, for a carried-over answer).
    pub at: DateTime<Utc>,
    /// Copied from last year's record and not yet confirmed this year.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
}

/// What was being typed and not yet committed: kept so that a dropped connection loses nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Draft {
    pub fn is_empty(&self) -> bool {
        self.value.is_none() && self.note.is_none()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    pub format_version: u32,
    pub id: RecordId,
    /// The date of the assessment (the interview), which also names its year.
    pub assessed_on: NaiveDate,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub drafts: BTreeMap<String, Draft>,
    /// The question the interview was on when it was left, so that reopening resumes there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume_at: Option<String>,
    /// Last year's record of the same hospital, when this one was copied from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<RecordId>,
    /// The MHLW checklist, per edition id (`mhlw-r7`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub checklists: BTreeMap<String, ChecklistAnswers>,
    /// The vendors whose 事業者確認用 forms the hospital expects, and what they returned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vendors: Vec<Vendor>,
    /// The contact chart (連絡体制図) for checklist item 3(1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// The hospital's word on the risk catalogue's controls (提言2), by control id. Statuses
    /// the interview proves are not stored: they follow the answers until the user sets one.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub controls: BTreeMap<String, ControlMark>,
    /// The control the matrix walk-through was on when it was left, so that it resumes there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matrix_resume_at: Option<String>,
    /// Fields written by a later build of the same format, kept as they are so that saving
    /// never drops what this build does not know.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
    /// The format the record was read in, when older than this build's: the store keeps the
    /// original file as a backup before its first rewrite.
    #[serde(skip)]
    pub migrated_from: Option<u32>,
}

impl Record {
    pub fn new(id: RecordId, assessed_on: NaiveDate, now: DateTime<Utc>) -> Record {
        Record {
            format_version: FORMAT_VERSION,
            id,
            assessed_on,
            created_at: now,
            updated_at: now,
            answers: BTreeMap::new(),
            notes: BTreeMap::new(),
            drafts: BTreeMap::new(),
            resume_at: None,
            previous: None,
            checklists: BTreeMap::new(),
            vendors: Vec::new(),
            contacts: Vec::new(),
            controls: BTreeMap::new(),
            matrix_resume_at: None,
            other: BTreeMap::new(),
            migrated_from: None,
        }
    }

    /// The record's 年度: that of its assessment date (April–March), which its id names.
    pub fn fiscal_year(&self) -> FiscalYear {
        FiscalYear::of(self.assessed_on)
    }

    pub fn value(&self, question: &str) -> Option<&Value> {
        self.answers.get(question).map(|a| &a.value)
    }

    pub fn number(&self, question: &str) -> Option<i64> {
        self.value(question).and_then(Value::as_number)
    }

    pub fn choice(&self, question: &str) -> Option<&str> {
        self.value(question).and_then(Value::as_text)
    }

    pub fn note(&self, question: &str) -> Option<&str> {
        self.notes.get(question).map(String::as_str)
    }

    pub fn hospital_name(&self) -> Option<&str> {
        self.choice("hospital_name")
    }

    pub fn beds(&self) -> Option<i64> {
        self.number("beds")
    }

    pub fn bed_class(&self) -> Option<BedClass> {
        self.beds().and_then(BedClass::of_beds)
    }

    pub fn founder(&self) -> Option<Founder> {
        self.choice("founder").and_then(|f| f.parse().ok())
    }

    /// Sets or clears a note; an empty note is no note.
    pub fn set_note(&mut self, question: &str, note: &str, now: DateTime<Utc>) {
        let trimmed = note.trim_end();
        if trimmed.is_empty() {
            self.notes.remove(question);
        } else {
            self.notes.insert(question.to_string(), trimmed.to_string());
        }
        self.touch(now);
    }

    /// Confirms a carried-over answer as still true this year.
    pub fn confirm(&mut self, question: &str, now: DateTime<Utc>) -> bool {
        match self.answers.get_mut(question) {
            Some(a) if a.carried => {
                a.carried = false;
                a.at = now;
                self.touch(now);
                true
            }
            _ => false,
        }
    }

    pub fn draft(&self, question: &str) -> Option<&Draft> {
        self.drafts.get(question)
    }

    pub fn set_draft(&mut self, question: &str, draft: Draft) {
        if draft.is_empty() {
            self.drafts.remove(question);
        } else {
            self.drafts.insert(question.to_string(), draft);
        }
    }

    pub fn touch(&mut self, now: DateTime<Utc>) {
        self.updated_at = now;
    }

    /// Starts next year's assessment from this one. Everything the hospital said is carried
    /// over and marked so until it is confirmed (see [`super::carried`]): the answers, the
    /// checklist's latest checks with their dates, the vendors' returned forms, the contact
    /// chart, the controls' marks. Notes and the list of vendors come along as they are (they
    /// are remarks and names, not answers). Drafts and the interview position stay behind.
    pub fn carry_to(&self, id: RecordId, assessed_on: NaiveDate, now: DateTime<Utc>) -> Record {
        let mut next = Record::new(id, assessed_on, now);
        for (q, a) in &self.answers {
            next.answers.insert(
                q.clone(),
                Answer {
                    value: a.value.clone(),
                    at: a.at,
                    carried: true,
                },
            );
        }
        next.notes = self.notes.clone();
        next.checklists = self
            .checklists
            .iter()
            .map(|(edition, a)| (edition.clone(), a.carry_year(edition, &self.id)))
            .filter(|(_, a)| !a.items.is_empty())
            .collect();
        // The vendors outlive a year; what each returned is last year's word.
        next.vendors = self.vendors.clone();
        for form in next.vendors.iter_mut().flat_map(|v| v.forms.values_mut()) {
            if let Some(r) = form.returned.as_mut() {
                r.carried = true;
            }
        }
        next.contacts = self
            .contacts
            .iter()
            .map(|c| Contact {
                carried: true,
                ..c.clone()
            })
            .collect();
        // Controls outlive a year too, but each is marked until it is set again this year.
        next.controls = self
            .controls
            .iter()
            .map(|(id, m)| {
                let mut m = m.clone();
                m.carried = true;
                (id.clone(), m)
            })
            .collect();
        next.previous = Some(self.id.clone());
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_and_print() {
        let id: RecordId = "2026-007".parse().unwrap();
        assert_eq!(id, RecordId::new(2026, 7));
        assert_eq!(id.to_string(), "2026-007");
        assert_eq!(RecordId::new(2026, 1234).to_string(), "2026-1234");
        for bad in [
            "",
            "2026",
            "2026-",
            "26-007",
            "2026-0",
            "2026-abc",
            "２０２６-007",
            "2026-007x",
        ] {
            let err = bad.parse::<RecordId>().unwrap_err();
            assert!(err.to_string().contains("2026-007"), "{bad}: {err}");
        }
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let now = "2026-12-03T09:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let mut r = Record::new(RecordId::new(2026, 1), now.date_naive(), now);
        r.other
            .insert("future".into(), serde_json::json!({"kept": true}));
        let json = serde_json::to_string(&r).unwrap();
        let back: Record = serde_json::from_str(&json).unwrap();
        assert_eq!(back.other["future"], serde_json::json!({"kept": true}));
    }
}
