//! What a record carries from last year, to be confirmed before it counts.
//!
//! `copy` starts a 年度 from last year's record: the interview's answers, the checklist's latest
//! checks with their 確認日, the vendors' returned forms, the contact chart and the controls'
//! marks all come along, each marked carried. A carried thing is shown as such and counts
//! towards nothing — progress, readiness, coverage, a filled contact — until someone confirms
//! it still holds: one at a time, or a whole section as "all unchanged" ([`confirm`]). Changing
//! it (answering anew, importing a vendor's new form, setting a control) confirms it too.
//!
//! [`Carried::of`] lists what is still carried; the command line's `confirm` and the screens
//! count and walk it.

pub mod confirm;
pub mod matrix;
pub mod pick;

pub use confirm::{Batch, ConfirmError, Confirmed};

use super::contacts::Position;
use super::questionnaire::Questionnaire;
use super::record::Record;
use serde::Serialize;

/// A checklist item whose latest check is carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CarriedItem {
    pub edition: String,
    pub item: String,
    /// Last year's 確認日, kept in sight until a new one is given.
    pub checked_on: chrono::NaiveDate,
}

/// A vendor whose returned form for an edition is last year's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CarriedReturn {
    pub edition: String,
    pub vendor: String,
    pub system: String,
}

/// An entry of the contact chart copied from last year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CarriedContact {
    pub position: Position,
    /// For a vendor's entry: the vendor and its system.
    pub vendor: Option<(String, String)>,
}

/// Everything a record still carries, in the order the screens show it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Carried {
    /// Interview answers (question ids, questionnaire order), only of questions asked.
    pub answers: Vec<String>,
    /// Checklist items, per edition in id order, items in the record's order.
    pub checklist: Vec<CarriedItem>,
    pub vendor_returns: Vec<CarriedReturn>,
    pub contacts: Vec<CarriedContact>,
    /// Control ids, catalogue order as the record keeps them.
    pub controls: Vec<String>,
}

/// How many carried things wait, as a title says it after its count: 「（昨年から未確認 3）」,
/// nothing when none waits.
pub fn waiting(n: usize, lang: super::Lang) -> String {
    match n {
        0 => String::new(),
        n => lang.pick_with(
            || format!("（昨年から未確認 {n}）"),
            || format!(" ({n} carried)"),
        ),
    }
}

impl Carried {
    pub fn of(record: &Record, qn: &Questionnaire) -> Carried {
        let answers = qn
            .questions()
            .filter(|q| qn.visible(q, record))
            .filter(|q| record.answers.get(&q.id).is_some_and(|a| a.carried))
            .map(|q| q.id.clone())
            .collect();
        let checklist = record
            .checklists
            .iter()
            .flat_map(|(edition, answers)| {
                answers.items.iter().filter_map(move |(item, history)| {
                    let latest = history.last().filter(|a| a.carried.is_some())?;
                    Some(CarriedItem {
                        edition: edition.clone(),
                        item: item.clone(),
                        checked_on: latest.checked_on,
                    })
                })
            })
            .collect();
        let vendor_returns = record
            .vendors
            .iter()
            .flat_map(|v| {
                v.forms
                    .iter()
                    .filter(|(_, f)| f.returned.as_ref().is_some_and(|r| r.carried))
                    .map(|(edition, _)| CarriedReturn {
                        edition: edition.clone(),
                        vendor: v.vendor.clone(),
                        system: v.system.clone(),
                    })
            })
            .collect();
        let contacts = record
            .contacts
            .iter()
            .filter(|c| c.carried)
            .filter_map(|c| {
                Some(CarriedContact {
                    position: c.position?,
                    vendor: c.vendor.clone().zip(c.system.clone()),
                })
            })
            .collect();
        let controls = record
            .controls
            .iter()
            .filter(|(_, m)| m.carried)
            .map(|(id, _)| id.clone())
            .collect();
        Carried {
            answers,
            checklist,
            vendor_returns,
            contacts,
            controls,
        }
    }

    pub fn total(&self) -> usize {
        self.answers.len()
            + self.checklist.len()
            + self.vendor_returns.len()
            + self.contacts.len()
            + self.controls.len()
    }

    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }
}
