//! The crosswalk (`assets/crosswalk.json`): for each control of the risk catalogue, the interview
//! answers and MHLW checklist items that prove it in place, partly in place or missing — so that
//! a fact the hospital gave once, in the interview or on the checklist, informs the matrix too.
//!
//! It is the one mapping: the interview presets live here, beside the checklist items, each with
//! the reason it proves what it claims. A mapping claims no more than its question or item
//! asks: where an item asks only part of a control (one device class, the rule but not its
//! enforcement) a "yes" proves it partly in place; where an answer bears on a control without
//! proving anything it is a lead to review, shown and never counted. A control nothing proves
//! says why (`none`), so that an unmapped control is a reviewed decision, not an oversight.

use crate::domain::catalog::Catalog;
use crate::domain::checklist::{Editions, Form, Item};
use crate::domain::lang::{Lang, Text};
use crate::domain::questionnaire::{Kind, Questionnaire};
use crate::domain::record::control::ControlStatus;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const EMBEDDED: &str = include_str!("../../../assets/crosswalk.json");

/// What an answer proves about a control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    InPlace,
    Partial,
    Missing,
    /// The answer bears on the control but proves nothing: shown beside it as something to
    /// check, never counted as known.
    Review,
}

impl Outcome {
    pub fn id(self) -> &'static str {
        match self {
            Outcome::InPlace => "in_place",
            Outcome::Partial => "partial",
            Outcome::Missing => "missing",
            Outcome::Review => "review",
        }
    }

    /// The status the outcome gives the control; `None` for a lead to review.
    pub fn status(self) -> Option<ControlStatus> {
        match self {
            Outcome::InPlace => Some(ControlStatus::InPlace),
            Outcome::Partial => Some(ControlStatus::Partial),
            Outcome::Missing => Some(ControlStatus::Missing),
            Outcome::Review => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self.status() {
            Some(s) => s.label(lang),
            None => lang.pick("要確認", "to review"),
        }
    }
}

/// An interview answer that proves a control: when `question`'s answer is one of `values`.
/// Numbers are written as their decimal text (`staff_total = "0"`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewProof {
    pub question: String,
    pub values: Vec<String>,
    pub status: Outcome,
    pub why: Text,
}

/// Checklist items that together prove a control, in the editions named: every item "yes"
/// gives `yes`, every item "no" gives `no`; some of each gives partial when `yes` would put the
/// control at least partly in place; an item not answered yet proves nothing.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ItemProof {
    pub editions: Vec<String>,
    /// Item ids; a section-2 item is one device class's row, so several rows may be listed.
    pub items: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yes: Option<Outcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no: Option<Outcome>,
    /// Whether a vendor's returned 事業者確認用 form proves the same, for the systems it
    /// provides. Off unless the item's vendor wording was read and found to prove it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub vendor: bool,
    pub why: Text,
}

impl ItemProof {
    pub fn outcome(&self, answer: crate::domain::checklist::YesNo) -> Option<Outcome> {
        match answer {
            crate::domain::checklist::YesNo::Yes => self.yes,
            crate::domain::checklist::YesNo::No => self.no,
        }
    }

    /// Whether a proof can give the control a status, not only a lead.
    fn sets_status(&self) -> bool {
        [self.yes, self.no]
            .into_iter()
            .flatten()
            .any(|o| o.status().is_some())
    }
}

/// One control's mappings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub control: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interview: Vec<InterviewProof>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<ItemProof>,
    /// Why no question or item proves the control's status: given exactly when none does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub none: Option<Text>,
}

impl Entry {
    /// Whether some answer can give the control a status.
    pub fn reachable(&self) -> bool {
        self.interview.iter().any(|p| p.status.status().is_some())
            || self.checklist.iter().any(ItemProof::sets_status)
    }
}

/// Why crosswalk data cannot be used; each message names the control and the faulty part, for
/// the author of the file (the shipped one is checked by the tests).
#[derive(Debug, thiserror::Error)]
pub enum CrosswalkError {
    #[error("crosswalk JSON is invalid: {0}")]
    Json(#[from] serde_json::Error),
    #[error("`{0}` is not a control of the risk catalogue")]
    UnknownControl(String),
    #[error("`{0}` is mapped twice")]
    Duplicate(String),
    #[error("`{0}` has no entry: every control of the catalogue is mapped, or says why not")]
    Unmapped(String),
    #[error("`{control}`: {problem}")]
    Bad { control: String, problem: String },
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Crosswalk {
    pub controls: Vec<Entry>,
    #[serde(skip)]
    index: HashMap<String, usize>,
}

impl Crosswalk {
    /// The crosswalk shipped in the binary, checked against the shipped catalogue,
    /// questionnaire and checklist editions.
    pub fn embedded() -> &'static Crosswalk {
        static C: OnceLock<Crosswalk> = OnceLock::new();
        C.get_or_init(|| {
            // Checked by the test suite: a failure here is a build defect, not a user error.
            #[allow(clippy::expect_used)]
            Crosswalk::parse(
                EMBEDDED,
                Catalog::embedded(),
                Questionnaire::embedded(),
                Editions::shipped(),
            )
            .expect("embedded crosswalk is valid")
        })
    }

    /// Reads a crosswalk and checks it against the data it links.
    pub fn parse(
        json: &str,
        catalog: &Catalog,
        qn: &Questionnaire,
        editions: &Editions,
    ) -> Result<Crosswalk, CrosswalkError> {
        let mut cw: Crosswalk = serde_json::from_str(json)?;
        for (i, e) in cw.controls.iter().enumerate() {
            if catalog.control(&e.control).is_none() {
                return Err(CrosswalkError::UnknownControl(e.control.clone()));
            }
            if cw.index.insert(e.control.clone(), i).is_some() {
                return Err(CrosswalkError::Duplicate(e.control.clone()));
            }
            check_entry(e, qn, editions).map_err(|problem| CrosswalkError::Bad {
                control: e.control.clone(),
                problem,
            })?;
        }
        if let Some(c) = catalog.control_ids().find(|c| !cw.index.contains_key(*c)) {
            return Err(CrosswalkError::Unmapped(c.to_string()));
        }
        Ok(cw)
    }

    pub fn entry(&self, control: &str) -> Option<&Entry> {
        self.index.get(control).map(|&i| &self.controls[i])
    }
}

fn check_entry(e: &Entry, qn: &Questionnaire, editions: &Editions) -> Result<(), String> {
    for p in &e.interview {
        check_interview(p, qn)?;
        check_why(&p.why)?;
    }
    for p in &e.checklist {
        check_items(p, editions)?;
        check_why(&p.why)?;
    }
    match (&e.none, e.reachable()) {
        (Some(_), true) => Err("`none` says nothing proves the control, but a mapping does".into()),
        (None, false) => Err("nothing proves the control: say why in `none`".into()),
        (Some(t), false) => check_why(t),
        (None, true) => Ok(()),
    }
}

fn check_why(t: &Text) -> Result<(), String> {
    if t.ja.trim().is_empty() || t.en.trim().is_empty() {
        return Err("a reason needs both ja and en".into());
    }
    Ok(())
}

fn check_interview(p: &InterviewProof, qn: &Questionnaire) -> Result<(), String> {
    let Some(q) = qn.question(&p.question) else {
        return Err(format!("`{}` is not a question", p.question));
    };
    if p.values.is_empty() {
        return Err(format!("`{}`: give at least one value", p.question));
    }
    for v in &p.values {
        let holds = match q.kind {
            Kind::Single | Kind::Multi => q.option(v).is_some(),
            Kind::Int | Kind::Amount => v.parse::<i64>().is_ok(),
            Kind::Text => false,
        };
        if !holds {
            return Err(format!("`{}` cannot be answered `{v}`", p.question));
        }
    }
    Ok(())
}

fn check_items(p: &ItemProof, editions: &Editions) -> Result<(), String> {
    if p.editions.is_empty() || p.items.is_empty() {
        return Err("a checklist mapping names editions and items".into());
    }
    if p.yes.is_none() && p.no.is_none() {
        return Err("a checklist mapping says what `yes` or `no` proves".into());
    }
    let mut seen = HashSet::new();
    for item in &p.items {
        if !seen.insert(item) {
            return Err(format!("item `{item}` is listed twice"));
        }
        // The same id may be worded anew in a later edition: a mapping spans editions only
        // where the wording is the one that was reviewed.
        let mut wording: Option<&Item> = None;
        for id in &p.editions {
            let Some(edition) = editions.get(id) else {
                return Err(format!("`{id}` is not a checklist edition"));
            };
            let Some(it) = edition.item(item) else {
                return Err(format!("`{item}` is not an item of `{id}`"));
            };
            if it.is_gate {
                return Err(format!(
                    "`{item}` is the gate question: it proves no control"
                ));
            }
            if p.vendor && (!it.on(Form::Vendor) || it.vendor_self) {
                return Err(format!(
                    "`{item}`: a vendor's answer to it is not about the hospital's systems"
                ));
            }
            if let Some(w) = wording {
                if w.text != it.text || w.vendor_text != it.vendor_text {
                    return Err(format!(
                        "`{item}` is worded differently in `{id}`: map that edition apart"
                    ));
                }
            }
            wording = Some(it);
        }
    }
    Ok(())
}
