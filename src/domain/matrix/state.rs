//! One control's state in a record: its status, the source it comes from, every other source's
//! word on it, and whether two of them disagree.
//!
//! The status comes from the first source, in [`Rank`] order, that gives one: the user's own
//! mark, the hospital's checklist, the interview, a vendor's return. Two sources disagree when
//! one says the control is (at least partly) there and another says it is missing — checklist
//! はい, matrix 未実施 — and then the control shows the conflict whichever wins. "In place" and
//! "partial" are degrees, not a disagreement: a mapping that proves part of a control says
//! partial of a control the user may know to be whole.
//!
//! What was carried from last year by `copy` keeps its rank and is shown as it was, marked
//! carried; but a status that rests on it — a carried mark, or a control proven only by a
//! carried answer — is not known until confirmed ([`ControlState::is_known`]).

use super::crosswalk::Crosswalk;
use super::source::{self, Finding, Rank, StatusSource};
use crate::domain::catalog::{Catalog, Control};
use crate::domain::checklist::Editions;
use crate::domain::clock::Clock;
use crate::domain::lang::Lang;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::record::control::ControlStatus;
use crate::domain::record::Record;
use chrono::{DateTime, Utc};

/// What the matrix reads beside the record: the catalogue, the crosswalk and what it links.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    pub catalog: &'a Catalog,
    pub crosswalk: &'a Crosswalk,
    pub qn: &'a Questionnaire,
    pub editions: &'a Editions,
}

impl Sources<'static> {
    /// Everything as shipped in the binary.
    pub fn embedded() -> Sources<'static> {
        Sources::of(Catalog::embedded(), Questionnaire::embedded())
    }
}

impl<'a> Sources<'a> {
    /// A catalogue and questionnaire with the shipped crosswalk and checklist editions; a
    /// control the crosswalk does not map is proven by the user alone.
    pub fn of(catalog: &'a Catalog, qn: &'a Questionnaire) -> Sources<'a> {
        Sources {
            catalog,
            crosswalk: Crosswalk::embedded(),
            qn,
            editions: Editions::shipped(),
        }
    }
}

/// One control's state in a record.
#[derive(Debug, Clone)]
pub struct ControlState<'c> {
    pub control: &'c Control,
    pub status: ControlStatus,
    pub source: StatusSource,
    /// Every source's word, in rank order: the winner's first, leads to review included.
    pub findings: Vec<Finding>,
    /// Two sources disagree on whether the control is there — of this year's, not carried.
    pub conflict: bool,
    pub note: Option<String>,
    pub system: Option<String>,
    /// Its status rests on last year's word, not confirmed: the winning finding is carried —
    /// the user's mark copied from last year's record, or the checklist answer, interview
    /// answer or vendor's return that proves it, carried with the record.
    pub carried: bool,
    /// Marked わからない（事業者に確認）: to ask the vendor.
    pub ask_vendor: bool,
    /// When the user last changed the mark.
    pub marked_at: Option<DateTime<Utc>>,
}

/// Whether a status says the control is there (`Some(true)`), is not (`Some(false)`), or
/// neither (not applicable, unknown).
fn presence(s: ControlStatus) -> Option<bool> {
    match s {
        ControlStatus::InPlace | ControlStatus::Partial => Some(true),
        ControlStatus::Missing => Some(false),
        ControlStatus::NotApplicable | ControlStatus::Unknown => None,
    }
}

impl<'c> ControlState<'c> {
    pub fn of(sources: &Sources<'c>, control: &'c Control, record: &Record) -> ControlState<'c> {
        let mark = record.controls.get(&control.id);
        let mut findings: Vec<Finding> = source::user(record, &control.id).into_iter().collect();
        if let Some(entry) = sources.crosswalk.entry(&control.id) {
            findings.extend(source::checklist(entry, record, sources.editions));
            findings.extend(source::interview(entry, record, sources.qn));
            let system = mark.and_then(|m| m.system.as_deref());
            findings.extend(source::vendor(entry, record, sources.editions, system));
        }
        let system = mark.and_then(|m| m.system.as_deref());
        findings.extend(source::vendor_packets(&control.id, record, system));
        // Stable: within a rank, the crosswalk's order.
        findings.sort_by_key(|f| f.source.rank());
        let (status, source, carried) = findings
            .iter()
            .find_map(|f| f.status.map(|s| (s, f.source.clone(), f.carried)))
            .unwrap_or((ControlStatus::Unknown, StatusSource::Default, false));
        // Only this year's words disagree: a carried one is to confirm first.
        let says: Vec<bool> = findings
            .iter()
            .filter(|f| !f.carried)
            .filter_map(|f| f.status.and_then(presence))
            .collect();
        let conflict = says.contains(&true) && says.contains(&false);
        ControlState {
            control,
            status,
            source,
            findings,
            conflict,
            note: mark.and_then(|m| m.note.clone()),
            system: mark.and_then(|m| m.system.clone()),
            carried,
            ask_vendor: mark.is_some_and(|m| m.ask_vendor),
            marked_at: mark.map(|m| m.at),
        }
    }

    pub fn from_interview(&self) -> bool {
        self.source.rank() == Rank::Interview
    }

    /// Somebody has given the control a status this year. The one test of "known" for
    /// coverage figures, the walk-through and the command line alike: a status resting on
    /// last year's word is unknown until confirmed.
    pub fn is_known(&self) -> bool {
        self.counted() != ControlStatus::Unknown
    }

    /// The status coverage counts: the status, or unknown while it rests on what was carried
    /// from last year and not confirmed.
    pub fn counted(&self) -> ControlStatus {
        if self.carried {
            ControlStatus::Unknown
        } else {
            self.status
        }
    }

    /// The findings that give a status (not leads), when two of them disagree.
    pub fn disagreeing(&self) -> Vec<&Finding> {
        if !self.conflict {
            return Vec::new();
        }
        self.findings
            .iter()
            .filter(|f| f.status.is_some())
            .collect()
    }

    /// Answers that bear on the control without proving anything: things to check.
    pub fn leads(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_lead())
    }

    /// Where the status comes from, with the day (where the machine is) the user set it:
    /// `利用者が設定 2026-11-30`; a carried interview answer says so.
    pub fn whence(&self, lang: Lang, clock: &Clock) -> String {
        match (&self.source, self.marked_at) {
            (StatusSource::User, _) if self.carried => lang
                .pick(
                    "前年の記録から引き継ぎ（今年は未設定）",
                    "carried from last year's record, not set again this year",
                )
                .to_string(),
            (StatusSource::User, Some(at)) => {
                format!("{} {}", self.source.describe(lang), clock.date_of(at))
            }
            (StatusSource::Interview { .. }, _) if self.carried => format!(
                "{}{}",
                self.source.describe(lang),
                lang.pick("（引き継ぎ・未確認）", " (carried, not confirmed)")
            ),
            (s, _) => s.describe(lang),
        }
    }
}
