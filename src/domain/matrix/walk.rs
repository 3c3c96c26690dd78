//! The walk-through: the controls nobody has given a status, one at a time, as the interview
//! asks its questions — so that the matrix can be filled in one sitting rather than control by
//! control on the command line.
//!
//! A walk visits the controls in catalogue order (category, then the first phase where the
//! control matters) and skips those already known, or already marked to ask the vendor, unless
//! it was opened to review them all. Each step shows the risk the control keeps from happening
//! (大 → 中 → 小), who implements it and what is already known and from where. One key answers and
//! advances (`1` 実施済み … `5` わからない（事業者に確認）); Backspace goes back. The control it is
//! on is kept in the record (`matrix_resume_at`), so a walk left halfway opens where it was.
//!
//! The walk holds no record: a screen keeps the record in its session and hands it to each
//! call, and a test does the same.

use super::mark::{set_mark, MarkChange, MarkError, StatusInput};
use super::state::{ControlState, Sources};
use crate::domain::catalog::{By, Category, Control, Phase, Scenario};
use crate::domain::lang::Lang;
use crate::domain::record::control::ControlStatus;
use crate::domain::record::Record;
use chrono::{DateTime, Utc};

/// An answer, one key each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    InPlace,
    Partial,
    Missing,
    NotApplicable,
    /// わからない（事業者に確認）: the hospital cannot say; the vendor is asked.
    AskVendor,
}

impl Reply {
    pub const ALL: [Reply; 5] = [
        Reply::InPlace,
        Reply::Partial,
        Reply::Missing,
        Reply::NotApplicable,
        Reply::AskVendor,
    ];

    pub fn key(self) -> char {
        match self {
            Reply::InPlace => '1',
            Reply::Partial => '2',
            Reply::Missing => '3',
            Reply::NotApplicable => '4',
            Reply::AskVendor => '5',
        }
    }

    pub fn from_key(key: char) -> Option<Reply> {
        Reply::ALL.into_iter().find(|r| r.key() == key)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Reply::InPlace => lang.pick("実施済み", "in place"),
            Reply::Partial => lang.pick("一部", "partly"),
            Reply::Missing => lang.pick("未実施", "missing"),
            Reply::NotApplicable => lang.pick("対象外", "not applicable"),
            Reply::AskVendor => {
                lang.pick("わからない（事業者に確認）", "don't know (ask the vendor)")
            }
        }
    }

    /// The status the answer gives; わからない gives none (the other sources stand).
    pub fn status(self) -> Option<ControlStatus> {
        match self {
            Reply::InPlace => Some(ControlStatus::InPlace),
            Reply::Partial => Some(ControlStatus::Partial),
            Reply::Missing => Some(ControlStatus::Missing),
            Reply::NotApplicable => Some(ControlStatus::NotApplicable),
            Reply::AskVendor => None,
        }
    }
}

/// One small risk a control keeps from happening, with the risks above it.
#[derive(Debug, Clone)]
pub struct RiskPath<'a> {
    /// 大: the category.
    pub category: &'a Category,
    /// 中
    pub medium: &'a Scenario,
    /// 小
    pub small: &'a Scenario,
}

/// What a screen shows for the control the walk is on.
#[derive(Debug, Clone)]
pub struct Step<'a> {
    pub control: &'a Control,
    /// Its place in the walk, from 0.
    pub position: usize,
    pub risks: Vec<RiskPath<'a>>,
    pub phases: Vec<&'a Phase>,
    pub by: By,
    /// A vendor control's system: the one named on it, else every system the record's vendors
    /// provide (any of them may be the one); empty for a hospital control.
    pub systems: Vec<String>,
    /// What is already known, from where, and whether sources disagree.
    pub state: ControlState<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Controls of the walk passed so far.
    pub done: usize,
    /// Controls in the walk.
    pub len: usize,
    /// Controls of the catalogue with a status, and all of them.
    pub known: usize,
    pub controls: usize,
}

#[derive(Debug, Clone)]
pub struct Walk<'a> {
    sources: Sources<'a>,
    queue: Vec<&'a Control>,
    at: usize,
    review: bool,
}

/// The catalogue's controls in walk order: by the category of the first small risk they keep
/// from happening, then by the first phase where they matter, then as the catalogue lists them.
pub fn order<'a>(sources: &Sources<'a>) -> Vec<&'a Control> {
    let catalog = sources.catalog;
    let rank = |c: &Control| {
        let category = c
            .scenarios
            .first()
            .and_then(|s| catalog.scenario(s))
            .and_then(|s| catalog.categories.iter().position(|x| x.id == s.category))
            .unwrap_or(usize::MAX);
        let phase = catalog
            .control_phases(c)
            .first()
            .and_then(|p| catalog.phases.iter().position(|x| x.id == p.id))
            .unwrap_or(usize::MAX);
        (category, phase)
    };
    let mut list: Vec<&Control> = catalog.controls.iter().collect();
    list.sort_by_key(|c| rank(c));
    list
}

impl<'a> Walk<'a> {
    /// A walk over the controls still to answer — every control when `review` — starting
    /// where the record's last walk was left.
    pub fn new(record: &Record, sources: Sources<'a>, review: bool) -> Walk<'a> {
        let all = order(&sources);
        let mut queue: Vec<&'a Control> = all
            .iter()
            .copied()
            .filter(|c| {
                let s = ControlState::of(&sources, c, record);
                review || !(s.is_known() || s.ask_vendor)
            })
            .collect();
        // Resume: the walk starts at the control it was left on (or the next one still to
        // answer), and comes round to the ones before it last.
        if let Some(left) = record.matrix_resume_at.as_deref() {
            if let Some(from) = all.iter().position(|c| c.id == left) {
                let later = |c: &&Control| all.iter().position(|x| x.id == c.id) >= Some(from);
                if let Some(i) = queue.iter().position(later) {
                    queue.rotate_left(i);
                }
            }
        }
        Walk {
            sources,
            queue,
            at: 0,
            review,
        }
    }

    /// What the walk reads beside the record, for a screen's coverage figure.
    pub fn sources(&self) -> &Sources<'a> {
        &self.sources
    }

    pub fn is_review(&self) -> bool {
        self.review
    }

    /// Every control of the walk has been answered (or the walk had none).
    pub fn is_finished(&self) -> bool {
        self.at >= self.queue.len()
    }

    /// The control the walk is on, as a screen shows it; `None` when finished.
    pub fn current(&self, record: &Record) -> Option<Step<'a>> {
        let control = *self.queue.get(self.at)?;
        let catalog = self.sources.catalog;
        let risks = control
            .scenarios
            .iter()
            .filter_map(|s| {
                let small = catalog.scenario(s)?;
                let medium = catalog.scenario(&small.parent)?;
                let category = catalog.category(&small.category)?;
                Some(RiskPath {
                    category,
                    medium,
                    small,
                })
            })
            .collect();
        let state = ControlState::of(&self.sources, control, record);
        let systems = match (control.by, &state.system) {
            (By::Hospital, _) => Vec::new(),
            (By::Vendor, Some(s)) => vec![s.clone()],
            (By::Vendor, None) => {
                let mut list: Vec<String> = Vec::new();
                for v in &record.vendors {
                    if !list.contains(&v.system) {
                        list.push(v.system.clone());
                    }
                }
                list
            }
        };
        Some(Step {
            control,
            position: self.at,
            risks,
            phases: catalog.control_phases(control),
            by: control.by,
            systems,
            state,
        })
    }

    /// Answers the control the walk is on and moves to the next. A refused change (which only a
    /// broken catalogue could cause) leaves the record and the walk as they were.
    pub fn answer(
        &mut self,
        record: &mut Record,
        reply: Reply,
        now: DateTime<Utc>,
    ) -> Result<(), MarkError> {
        let Some(control) = self.queue.get(self.at) else {
            return Ok(());
        };
        let change = match reply.status() {
            Some(s) => MarkChange {
                status: Some(StatusInput::Set(s)),
                ask_vendor: Some(false),
                ..MarkChange::default()
            },
            None => MarkChange {
                status: Some(StatusInput::Clear),
                ask_vendor: Some(true),
                ..MarkChange::default()
            },
        };
        set_mark(self.sources.catalog, record, &control.id, change, now)?;
        self.at += 1;
        self.keep_place(record);
        Ok(())
    }

    /// Writes a note on the control the walk is on (an empty one removes it); the walk stays.
    pub fn note(
        &mut self,
        record: &mut Record,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<(), MarkError> {
        self.change(record, now, |c| c.note = Some(note))
    }

    /// Names the vendor system of the control the walk is on (vendor controls only).
    pub fn system(
        &mut self,
        record: &mut Record,
        system: &str,
        now: DateTime<Utc>,
    ) -> Result<(), MarkError> {
        self.change(record, now, |c| c.system = Some(system))
    }

    fn change<'n>(
        &mut self,
        record: &mut Record,
        now: DateTime<Utc>,
        fill: impl FnOnce(&mut MarkChange<'n>),
    ) -> Result<(), MarkError> {
        let Some(control) = self.queue.get(self.at) else {
            return Ok(());
        };
        let mut change = MarkChange::default();
        fill(&mut change);
        set_mark(self.sources.catalog, record, &control.id, change, now)
    }

    /// Leaves the control the walk is on unanswered and moves to the next (a question the
    /// hospital wants to think about); a later walk asks it again. `false` when finished.
    pub fn skip(&mut self, record: &mut Record) -> bool {
        if self.is_finished() {
            return false;
        }
        self.at += 1;
        self.keep_place(record);
        true
    }

    /// Back to the previous control, to answer it again; `false` at the first.
    pub fn back(&mut self, record: &mut Record) -> bool {
        if self.at == 0 {
            return false;
        }
        self.at = self.at.min(self.queue.len()) - 1;
        self.keep_place(record);
        true
    }

    pub fn progress(&self, record: &Record) -> Progress {
        let known = self
            .sources
            .catalog
            .controls
            .iter()
            .filter(|c| ControlState::of(&self.sources, c, record).is_known())
            .count();
        Progress {
            done: self.at.min(self.queue.len()),
            len: self.queue.len(),
            known,
            controls: self.sources.catalog.controls.len(),
        }
    }

    /// The record remembers the control the walk is on; a finished walk leaves nothing.
    fn keep_place(&self, record: &mut Record) {
        record.matrix_resume_at = self.queue.get(self.at).map(|c| c.id.clone());
    }
}
