//! Confirming what was carried from last year: one thing, or a whole section "as it is".
//!
//! An interview answer, a control's mark, a contact or a vendor's returned form is confirmed by
//! taking its carried mark off: the hospital says it still holds. A checklist answer needs more
//! — the 立入検査 asks for the day an item was checked — so it is confirmed by checking it again
//! on a later day than last year's 確認日, with the same answer, through the checklist's own
//! rules ([`rules::answer`]): a `no` whose target date no longer fits the new day needs a new
//! target, and a whole section confirmed at once leaves such an item carried and says why.

use super::pick::{self, SectionError};
use crate::domain::checklist::rules::{self, AnswerInput, ChecklistError};
use crate::domain::checklist::Editions;
use crate::domain::contacts::{ContactError, Position};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::lang::Lang;
use crate::domain::matrix::mark::{set_mark, MarkChange, MarkError};
use crate::domain::matrix::Catalog;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::record::Record;
use crate::domain::vendors::{self, VendorError};
use chrono::{DateTime, NaiveDate, Utc};

/// Why a confirmation was refused; each message says what would be accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfirmError {
    #[error("no question `{0}` in the questionnaire (see `shindan show ID`)")]
    UnknownQuestion(String),
    #[error("{0}")]
    Section(SectionError),
    #[error("`{0}` carries nothing from last year: there is nothing to confirm")]
    NotCarried(String),
    #[error(
        "{item}: the new date checked ({checked_on}) must be after last year's ({carried_on})"
    )]
    NotLater {
        item: String,
        checked_on: NaiveDate,
        carried_on: NaiveDate,
    },
    #[error("{item}: {error}{}", target_hint(error))]
    Checklist { item: String, error: ChecklistError },
    #[error("{0}")]
    Mark(MarkError),
    #[error("{0}")]
    Vendor(VendorError),
    #[error("{0}")]
    Contact(ContactError),
    /// The record is for a 年度 not yet begun (a copy made ahead): a check dated before it
    /// would be last year's check under this year's name.
    #[error(
        "the date checked ({checked_on}) is before this record's year ({}: {} to {}): confirm it once the year has begun",
        year.label(Lang::En), year.first_day(), year.last_day()
    )]
    BeforeYear {
        checked_on: NaiveDate,
        year: FiscalYear,
    },
}

fn target_hint(e: &ChecklistError) -> &'static str {
    match e {
        ChecklistError::NoTarget { .. }
        | ChecklistError::TargetBeforeCheck { .. }
        | ChecklistError::TargetTooLate { .. } => {
            " (last year's target does not fit the new date: give a new target date)"
        }
        _ => "",
    }
}

impl ConfirmError {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ConfirmError::UnknownQuestion(q) => {
                format!("質問 `{q}` はありません（shindan show ID で一覧）")
            }
            ConfirmError::Section(e) => e.message(lang),
            ConfirmError::NotCarried(what) => {
                format!("`{what}` に昨年から引き継いだ未確認のものはありません")
            }
            ConfirmError::NotLater {
                item,
                checked_on,
                carried_on,
            } => format!(
                "{item}：新しい確認日（{checked_on}）は昨年の確認日（{carried_on}）より後にしてください"
            ),
            ConfirmError::Checklist { item, error } => {
                let hint = if target_hint(error).is_empty() {
                    ""
                } else {
                    "（昨年の目標日は新しい確認日に合いません：新しい目標日を指定してください）"
                };
                format!("{item}：{}{hint}", error.message(lang))
            }
            ConfirmError::Mark(e) => e.message(lang),
            ConfirmError::Vendor(e) => e.message(lang),
            ConfirmError::Contact(e) => e.message(lang),
            ConfirmError::BeforeYear { checked_on, year } => format!(
                "確認日（{checked_on}）はこの記録の年度（{}：{}～{}）より前です。年度が始まってから確認してください",
                year.label(lang),
                year.first_day(),
                year.last_day()
            ),
        }
    }
}

/// Confirms one carried interview answer as still true this year.
pub fn answer(
    record: &mut Record,
    qn: &Questionnaire,
    question: &str,
    now: DateTime<Utc>,
) -> Result<(), ConfirmError> {
    if qn.question(question).is_none() {
        return Err(ConfirmError::UnknownQuestion(question.to_string()));
    }
    if record.confirm(question, now) {
        Ok(())
    } else {
        Err(ConfirmError::NotCarried(question.to_string()))
    }
}

/// Confirms every carried answer of an interview section that is asked of the record, as it
/// is ("all unchanged"). Gives back the questions confirmed, in order; none is no error (the
/// section may be confirmed already).
pub fn section(
    record: &mut Record,
    qn: &Questionnaire,
    section: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>, ConfirmError> {
    // The id the screens give, or what a person typed (4, バックアップ).
    let id = pick::interview_section(qn, section).map_err(ConfirmError::Section)?;
    let Some(s) = qn.sections.iter().find(|s| s.id == id) else {
        return Ok(Vec::new());
    };
    let mut done = Vec::new();
    for q in &s.questions {
        if qn.visible(q, record) && record.confirm(&q.id, now) {
            done.push(q.id.clone());
        }
    }
    Ok(done)
}

/// Checks a carried checklist item again on `checked_on` with the same answer, note and
/// evidence; a `no` keeps its target date unless `target_on` gives a new one (it must fit the
/// new day). The carried check is replaced: this year's form starts at 1回目.
#[allow(clippy::too_many_arguments)]
pub fn checklist_item(
    editions: &Editions,
    record: &mut Record,
    edition: &str,
    item: &str,
    checked_on: NaiveDate,
    target_on: Option<NaiveDate>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), ConfirmError> {
    let fail = |error| ConfirmError::Checklist {
        item: item.to_string(),
        error,
    };
    let ed = rules::edition(editions, edition).map_err(fail)?;
    rules::item(ed, item).map_err(fail)?;
    let carried = record
        .checklists
        .get(&ed.id)
        .and_then(|a| a.latest(item))
        .filter(|a| a.carried.is_some())
        .cloned()
        .ok_or_else(|| ConfirmError::NotCarried(item.to_string()))?;
    if checked_on <= carried.checked_on {
        return Err(ConfirmError::NotLater {
            item: item.to_string(),
            checked_on,
            carried_on: carried.checked_on,
        });
    }
    before_year(record, checked_on)?;
    let input = AnswerInput {
        answer: carried.answer,
        checked_on,
        target_on: target_on.or(carried.target_on),
        note: carried.note,
        evidence: carried.evidence,
    };
    rules::answer(editions, record, &ed.id, item, input, today, now).map_err(fail)?;
    Ok(())
}

/// A confirmation counts for the record's 年度: its date may not come before the year's first
/// day. (A later date, a year confirmed late, is still the true day it was checked.)
fn before_year(record: &Record, checked_on: NaiveDate) -> Result<(), ConfirmError> {
    let year = record.fiscal_year();
    if checked_on < year.first_day() {
        return Err(ConfirmError::BeforeYear { checked_on, year });
    }
    Ok(())
}

/// What confirming many checklist items did: those confirmed, and those left carried with
/// the reason (a `no` whose target no longer fits needs a new date, one item at a time).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    pub confirmed: Vec<String>,
    pub left: Vec<(String, ConfirmError)>,
}

/// Confirms every carried item of checklist section `number` (1, 2, 3; `None` for all) of an
/// edition, checked on `checked_on`, as they are.
#[allow(clippy::too_many_arguments)]
pub fn checklist_section(
    editions: &Editions,
    record: &mut Record,
    edition: &str,
    number: Option<u8>,
    checked_on: NaiveDate,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Batch, ConfirmError> {
    let ed = rules::edition(editions, edition).map_err(|error| ConfirmError::Checklist {
        item: edition.to_string(),
        error,
    })?;
    let carried: Vec<String> = ed
        .items
        .iter()
        .filter(|i| number.is_none_or(|n| i.section == n))
        .filter(|i| {
            record
                .checklists
                .get(&ed.id)
                .and_then(|a| a.latest(&i.id))
                .is_some_and(|a| a.carried.is_some())
        })
        .map(|i| i.id.clone())
        .collect();
    // Refused at once, not item by item: no carried item can be checked before the year.
    if !carried.is_empty() {
        before_year(record, checked_on)?;
    }
    let mut batch = Batch::default();
    for item in carried {
        match checklist_item(
            editions, record, &ed.id, &item, checked_on, None, today, now,
        ) {
            Ok(()) => batch.confirmed.push(item),
            Err(e) => batch.left.push((item, e)),
        }
    }
    Ok(batch)
}

/// Takes last year's returned form of a vendor for an edition as this year's (the vendor
/// says nothing changed); importing a new form does the same.
pub fn vendor_return(
    record: &mut Record,
    edition: &str,
    vendor: &str,
    system: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), ConfirmError> {
    let found = vendors::find(record, vendor, system).map_err(ConfirmError::Vendor)?;
    let (name, system) = (found.vendor.clone(), found.system.clone());
    let returned = record
        .vendors
        .iter_mut()
        .find(|v| v.is(&name, &system))
        .and_then(|v| v.forms.get_mut(edition))
        .and_then(|f| f.returned.as_mut())
        .filter(|r| r.carried)
        .ok_or_else(|| ConfirmError::NotCarried(format!("{name} ({system})")))?;
    returned.carried = false;
    record.touch(now);
    Ok(())
}

/// Confirms one carried entry of the contact chart (the number still reaches the person).
pub fn contact(
    record: &mut Record,
    position: Position,
    vendor: Option<(&str, &str)>,
    now: DateTime<Utc>,
) -> Result<(), ConfirmError> {
    let entry = record
        .contacts
        .iter_mut()
        .filter(|c| c.carried && c.position == Some(position))
        .find(|c| match vendor {
            Some((v, s)) => c.vendor.as_deref() == Some(v) && c.system.as_deref() == Some(s),
            None => c.vendor.is_none(),
        })
        .ok_or_else(|| ConfirmError::NotCarried(position.id().to_string()))?;
    entry.carried = false;
    record.touch(now);
    Ok(())
}

/// Confirms every carried entry of the contact chart; gives back how many.
pub fn contacts(record: &mut Record, now: DateTime<Utc>) -> usize {
    contacts_where(record, |_| true, now)
}

/// Confirms the carried entries of one side of the chart — inside the hospital (`true`) or
/// outside it, vendors included — as the chart groups them; gives back how many.
pub fn contact_group(record: &mut Record, internal: bool, now: DateTime<Utc>) -> usize {
    contacts_where(record, |p| p.is_some_and(|p| p.internal() == internal), now)
}

fn contacts_where(
    record: &mut Record,
    keep: impl Fn(Option<Position>) -> bool,
    now: DateTime<Utc>,
) -> usize {
    let mut n = 0;
    for c in record
        .contacts
        .iter_mut()
        .filter(|c| c.carried && keep(c.position))
    {
        c.carried = false;
        n += 1;
    }
    if n > 0 {
        record.touch(now);
    }
    n
}

/// Confirms a control's carried mark (status, note, system as they are).
pub fn control(
    catalog: &Catalog,
    record: &mut Record,
    control: &str,
    now: DateTime<Utc>,
) -> Result<(), ConfirmError> {
    let control = catalog.control_id(control);
    if catalog.control(control).is_none() {
        return Err(ConfirmError::Mark(MarkError::UnknownControl {
            control: control.to_string(),
            // By the numbers a person reads (C1–C83), as `shindan control` lists them.
            allowed: vec![format!("C1–C{}", catalog.controls.len())],
        }));
    }
    if !record.controls.get(control).is_some_and(|m| m.carried) {
        return Err(ConfirmError::NotCarried(catalog.number(control)));
    }
    set_mark(catalog, record, control, MarkChange::default(), now).map_err(ConfirmError::Mark)
}

/// Confirms the carried marks of a risk category's controls (`None`: every control); gives
/// back the controls confirmed.
pub fn controls(
    catalog: &Catalog,
    record: &mut Record,
    category: Option<&str>,
    now: DateTime<Utc>,
) -> Vec<String> {
    let ids: Vec<String> = catalog
        .controls
        .iter()
        .filter(|c| record.controls.get(&c.id).is_some_and(|m| m.carried))
        .filter(|c| category.is_none_or(|cat| in_category(catalog, &c.id, cat)))
        .map(|c| c.id.clone())
        .collect();
    ids.into_iter()
        .filter(|id| control(catalog, record, id, now).is_ok())
        .collect()
}

/// A control belongs to the categories of the scenarios it covers.
fn in_category(catalog: &Catalog, control: &str, category: &str) -> bool {
    catalog.control(control).is_some_and(|c| {
        c.scenarios.iter().any(|s| {
            catalog
                .scenarios
                .iter()
                .any(|x| x.id == *s && x.category == category)
        })
    })
}

/// What "everything as it is" confirmed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Confirmed {
    pub answers: usize,
    pub checklist: Batch,
    pub vendor_returns: usize,
    pub contacts: usize,
    pub controls: usize,
}

/// Confirms everything still carried, as it is: every answer asked, every checklist item of
/// every edition (checked on `checked_on`), every vendor's returned form, the contact chart and
/// every control's mark. Items that cannot be confirmed unchanged are left, with the reason.
#[allow(clippy::too_many_arguments)]
pub fn all_unchanged(
    editions: &Editions,
    catalog: &Catalog,
    qn: &Questionnaire,
    record: &mut Record,
    checked_on: NaiveDate,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Confirmed {
    let mut out = Confirmed::default();
    for s in &qn.sections {
        out.answers += section(record, qn, &s.id, now).map_or(0, |d| d.len());
    }
    let carried = super::Carried::of(record, qn);
    let mut by_edition: Vec<&str> = carried
        .checklist
        .iter()
        .map(|c| c.edition.as_str())
        .collect();
    by_edition.dedup();
    for edition in by_edition {
        match checklist_section(editions, record, edition, None, checked_on, today, now) {
            Ok(b) => {
                out.checklist.confirmed.extend(b.confirmed);
                out.checklist.left.extend(b.left);
            }
            Err(e) => out.checklist.left.push((edition.to_string(), e)),
        }
    }
    for r in &carried.vendor_returns {
        if vendor_return(record, &r.edition, &r.vendor, Some(&r.system), now).is_ok() {
            out.vendor_returns += 1;
        }
    }
    out.contacts = contacts(record, now);
    out.controls = controls(catalog, record, None, now).len();
    out
}
