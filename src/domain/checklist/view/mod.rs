//! Everything a screen, the `show` command or a printed form needs about one record's checklist,
//! computed once: items grouped by section and device with their answers and history, the
//! vendors' answers, conflicts, hints, readiness and the list of what is missing. Front ends
//! render it and compute nothing themselves.

use super::carry::{self, CarryReport};
use super::edition::{Device, Edition, Editions, Form, Item, SectionDef};
use super::risk_link;
use super::rules::{self, ChecklistError};
use crate::domain::clock::Clock;
use crate::domain::contacts;
use crate::domain::lang::{Lang, Text};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::record::checklist_answers::{
    ChecklistAnswers, Evidence, EvidenceState, ItemAnswer, VendorAnswer, YesNo,
};
use crate::domain::record::Record;
use chrono::{DateTime, NaiveDate, Utc};

mod hints;

pub use hints::{hints, Hint, HintSource};

/// Why a required item holds the record back from "ready".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    Unanswered,
    /// The latest answer was carried over (from last year's record, or from the previous
    /// edition) and not checked again: it counts once confirmed on a later day.
    Carried {
        checked_on: NaiveDate,
        /// The record or the edition it came from (`2026-001`, `mhlw-r6`).
        from: String,
    },
    /// The latest answer breaks a rule (a `no` without a valid target date…).
    Invalid(ChecklistError),
}

impl Gap {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Gap::Unanswered => lang.pick("未回答", "unanswered").to_string(),
            Gap::Carried { checked_on, from } => lang
                .pick_with(|| format!("{from} から引き継ぎ・未確認（確認日 {checked_on}）：新しい確認日で確認してください"), || format!("carried from {from}, not confirmed (checked {checked_on}): confirm it with a new date")),
            Gap::Invalid(e) => e.message(lang),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowStatus {
    Done,
    /// Not required: the gate item says the hospital has no systems, or a 参考項目.
    NotRequired,
    Missing(Gap),
}

/// One vendor's answer to one item, as its returned form gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorCell {
    pub vendor: String,
    pub system: String,
    pub returned: bool,
    /// The returned form is last year's, carried with the record and not taken as this
    /// year's: shown, but no conflict until it is.
    pub carried: bool,
    pub answer: Option<VendorAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'e> {
    pub item: &'e Item,
    pub required: bool,
    /// Every check, oldest first (1回目, 2回目…).
    pub history: Vec<ItemAnswer>,
    pub status: RowStatus,
    /// The vendors' answers, for items on the vendor form.
    pub vendors: Vec<VendorCell>,
    pub conflict: bool,
    pub hints: Vec<Hint>,
    /// A `no` whose target date has passed.
    pub overdue: bool,
}

impl Row<'_> {
    pub fn latest(&self) -> Option<&ItemAnswer> {
        self.history.last()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceGroup<'e> {
    pub device: Option<Device>,
    pub rows: Vec<Row<'e>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionView<'e> {
    pub def: &'e SectionDef,
    pub groups: Vec<DeviceGroup<'e>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorStatus {
    pub vendor: String,
    pub system: String,
    pub sent_on: Option<NaiveDate>,
    /// When the returned form was imported; `None` while none is back (a form carried from
    /// last year and not confirmed is not back).
    pub returned_at: Option<DateTime<Utc>>,
    /// Its local date (受領日).
    pub returned_on: Option<NaiveDate>,
    /// Last year's returned form, carried and not confirmed.
    pub carried: bool,
    /// When last year's carried form was received (its local date), kept in sight until the
    /// form is confirmed or a new one comes back.
    pub carried_on: Option<NaiveDate>,
    pub file_sha256: Option<String>,
    /// Items the vendor answered, of those on its form.
    pub answered: usize,
    pub on_form: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    Item {
        id: String,
        /// As printed, with the device (2④ サーバ): the id is for `--json` only.
        label: Text,
        /// The section's name (医療情報システムの管理・運用), so the list reads alone.
        section: Text,
        gap: Gap,
    },
    /// A vendor named in the record whose form for this edition has not come back.
    Vendor {
        vendor: String,
        system: String,
        sent: bool,
        /// What it returned last year was carried with the record and not confirmed.
        carried: bool,
    },
}

impl Missing {
    /// Where a missing item stands on the form: its printed number with the device, then its
    /// section's name (「2④ サーバ（医療情報システムの管理・運用）」), so that a list of them reads
    /// alone. A vendor is named by vendor and system.
    pub fn place(&self, lang: Lang) -> String {
        match self {
            Missing::Item { label, section, .. } => place(label, section, lang),
            Missing::Vendor { vendor, system, .. } => lang.pick_with(
                || format!("{vendor}（{system}）"),
                || format!("{vendor} ({system})"),
            ),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            Missing::Item { gap, .. } => format!(
                "{}{}{}",
                self.place(lang),
                lang.pick("：", ": "),
                gap.message(lang)
            ),
            Missing::Vendor {
                vendor,
                system,
                carried: true,
                ..
            } => lang.pick_with(
                || format!("{vendor}（{system}）：事業者確認用は昨年の返却分のみ（未確認）"),
                || format!("{vendor} ({system}): only last year's vendor form, not confirmed"),
            ),
            Missing::Vendor {
                vendor,
                system,
                sent: true,
                ..
            } => lang.pick_with(
                || format!("{vendor}（{system}）：事業者確認用が未返却"),
                || format!("{vendor} ({system}): vendor form not returned"),
            ),
            Missing::Vendor {
                vendor,
                system,
                sent: false,
                ..
            } => lang.pick_with(
                || format!("{vendor}（{system}）：事業者確認用が未送付"),
                || format!("{vendor} ({system}): vendor form not sent yet"),
            ),
        }
    }
}

/// A printed number with its section's name: 「2④ サーバ（医療情報システムの管理・運用）」. The gate
/// item's label is its section's name (前提): said once.
pub fn place(label: &Text, section: &Text, lang: Lang) -> String {
    place_in(label.get(lang), section.get(lang), lang)
}

/// [`place`] of words already in `lang`: several labels of one section joined, on report page 1.
pub fn place_in(label: &str, section: &str, lang: Lang) -> String {
    match lang {
        _ if label == section || section.is_empty() => label.to_string(),
        Lang::Ja => format!("{label}（{section}）"),
        Lang::En => format!("{label} ({section})"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    pub ready: bool,
    /// Required items of the hospital's form, and how many of them are done.
    pub required: usize,
    pub done: usize,
    pub vendors: usize,
    pub vendors_returned: usize,
    pub missing: Vec<Missing>,
}

impl Readiness {
    /// For a gauge: items done and vendor forms back, of all that are needed.
    pub fn ratio(&self) -> f64 {
        let total = self.required + self.vendors;
        if total == 0 {
            1.0
        } else {
            (self.done + self.vendors_returned) as f64 / total as f64
        }
    }

    pub fn missing_items(&self) -> Vec<&str> {
        self.missing
            .iter()
            .filter_map(|m| match m {
                Missing::Item { id, .. } => Some(id.as_str()),
                Missing::Vendor { .. } => None,
            })
            .collect()
    }
}

/// The hospital says one thing and a vendor responsible for the item the other: the
/// conversation to have before the inspection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub item: String,
    pub hospital: YesNo,
    pub vendor: String,
    pub system: String,
    pub vendor_answer: YesNo,
    pub vendor_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRow {
    pub item: String,
    /// Which check (1回目…) the evidence belongs to.
    pub check: usize,
    pub evidence: Evidence,
    pub state: EvidenceState,
}

/// Answers carried from the previous edition: done, or to be done on the first change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarryNotice {
    pub from: String,
    pub merges: Vec<crate::domain::record::checklist_answers::CarryStep>,
    /// Already in the record; otherwise a preview.
    pub saved: bool,
}

#[derive(Debug, Clone)]
pub struct ChecklistView<'e> {
    pub edition: &'e Edition,
    pub record: String,
    pub hospital: Option<String>,
    /// The gate item says the hospital runs no medical information systems.
    pub gate_closed: bool,
    pub carry: Option<CarryNotice>,
    pub sections: Vec<SectionView<'e>>,
    pub vendors: Vec<VendorStatus>,
    pub readiness: Readiness,
    pub conflicts: Vec<Conflict>,
    pub evidence: Vec<EvidenceRow>,
}

impl<'e> ChecklistView<'e> {
    pub fn rows(&self) -> impl Iterator<Item = &Row<'e>> {
        self.sections
            .iter()
            .flat_map(|s| s.groups.iter().flat_map(|g| g.rows.iter()))
    }

    pub fn row(&self, item: &str) -> Option<&Row<'e>> {
        self.rows().find(|r| r.item.id == item)
    }

    /// Builds the view. `evidence_state` looks at an evidence file as it is now (the front end
    /// reads files; the domain does not); the clock gives today and the local dates.
    pub fn build(
        editions: &Editions,
        edition: &'e Edition,
        record: &Record,
        qn: &Questionnaire,
        clock: &Clock,
        evidence_state: &dyn Fn(&Evidence) -> EvidenceState,
    ) -> ChecklistView<'e> {
        let today = clock.today();
        let (answers, carry) = effective_answers(editions, edition, record);
        let gate_closed = edition
            .gate
            .as_deref()
            .and_then(|g| answers.latest(g))
            .is_some_and(|a| a.answer == YesNo::No);
        let mut sections: Vec<SectionView<'e>> = Vec::new();
        let mut missing = Vec::new();
        let (mut required, mut done) = (0, 0);
        let mut conflicts = Vec::new();
        let mut evidence = Vec::new();
        for item in edition.items_on(Form::Hospital) {
            let is_gate = edition.gate.as_deref() == Some(item.id.as_str());
            let item_required = edition.requires(item) && (is_gate || !gate_closed);
            let history = answers.history(&item.id).to_vec();
            let status = if !item_required {
                RowStatus::NotRequired
            } else {
                match history.last() {
                    None => RowStatus::Missing(Gap::Unanswered),
                    Some(a) if a.carried.is_some() => RowStatus::Missing(Gap::Carried {
                        checked_on: a.checked_on,
                        from: a.carried.as_ref().map_or_else(String::new, |c| {
                            c.record
                                .as_ref()
                                .map_or_else(|| c.edition.clone(), |r| r.to_string())
                        }),
                    }),
                    Some(a) => {
                        match rules::check_answer(item, a.answer, a.checked_on, a.target_on, today)
                        {
                            Ok(()) => RowStatus::Done,
                            Err(e) => RowStatus::Missing(Gap::Invalid(e)),
                        }
                    }
                }
            };
            if item_required {
                required += 1;
            }
            match &status {
                RowStatus::Done => done += 1,
                RowStatus::Missing(gap) => missing.push(Missing::Item {
                    id: item.id.clone(),
                    label: item.printed_text(),
                    section: edition
                        .section(item.section)
                        .map(|s| s.text.clone())
                        .unwrap_or_default(),
                    gap: gap.clone(),
                }),
                RowStatus::NotRequired => {}
            }
            let vendors = vendor_cells(record, edition, item);
            // A conflict is between this year's words: last year's answer or a vendor's
            // carried form disagreeing is a thing to confirm, not a conversation to have yet.
            let latest = history
                .last()
                .filter(|a| a.carried.is_none())
                .map(|a| a.answer);
            let mut conflict = false;
            if let Some(h) = latest {
                if !item.vendor_self {
                    for c in vendors.iter().filter(|c| !c.carried) {
                        if let Some(v) = c.answer.as_ref().filter(|v| v.answer != h) {
                            conflict = true;
                            conflicts.push(Conflict {
                                item: item.id.clone(),
                                hospital: h,
                                vendor: c.vendor.clone(),
                                system: c.system.clone(),
                                vendor_answer: v.answer,
                                vendor_note: v.note.clone(),
                            });
                        }
                    }
                }
            }
            for (i, a) in history.iter().enumerate() {
                if let Some(e) = &a.evidence {
                    evidence.push(EvidenceRow {
                        item: item.id.clone(),
                        check: i + 1,
                        evidence: e.clone(),
                        state: evidence_state(e),
                    });
                }
            }
            let overdue = history
                .last()
                .is_some_and(|a| a.answer == YesNo::No && a.target_on.is_some_and(|t| t < today));
            let row = Row {
                item,
                required: item_required,
                hints: hints(item, record, qn, clock),
                history,
                status,
                vendors,
                conflict,
                overdue,
            };
            push_row(&mut sections, edition, row);
        }
        let mut vendor_status = Vec::new();
        let on_form = edition.items_on(Form::Vendor).count();
        for v in &record.vendors {
            let form = v.forms.get(&edition.id);
            let carried = form
                .and_then(|f| f.returned.as_ref())
                .is_some_and(|r| r.carried);
            let returned = form
                .and_then(|f| f.returned.as_ref())
                .filter(|r| !r.carried);
            if returned.is_none() {
                missing.push(Missing::Vendor {
                    vendor: v.vendor.clone(),
                    system: v.system.clone(),
                    sent: form.is_some_and(|f| f.sent_on.is_some()),
                    carried,
                });
            }
            vendor_status.push(VendorStatus {
                vendor: v.vendor.clone(),
                system: v.system.clone(),
                sent_on: form.and_then(|f| f.sent_on),
                returned_at: returned.map(|r| r.imported_at),
                returned_on: returned.map(|r| clock.date_of(r.imported_at)),
                carried,
                carried_on: form
                    .and_then(|f| f.returned.as_ref())
                    .filter(|r| r.carried)
                    .map(|r| clock.date_of(r.imported_at)),
                file_sha256: returned.map(|r| r.file_sha256.clone()),
                answered: returned.map(|r| r.items.len()).unwrap_or(0),
                on_form,
            });
        }
        let vendors_returned = vendor_status
            .iter()
            .filter(|v| v.returned_at.is_some())
            .count();
        ChecklistView {
            edition,
            record: record.id.to_string(),
            hospital: record.hospital_name().map(str::to_string),
            gate_closed,
            carry,
            sections,
            readiness: Readiness {
                ready: missing.is_empty(),
                required,
                done,
                vendors: vendor_status.len(),
                vendors_returned,
                missing,
            },
            vendors: vendor_status,
            conflicts,
            evidence,
        }
    }
}

/// The answers to show: the record's, or — before the first change to an edition it has no
/// answers to — what would be carried from the previous edition.
fn effective_answers(
    editions: &Editions,
    edition: &Edition,
    record: &Record,
) -> (ChecklistAnswers, Option<CarryNotice>) {
    match record.checklists.get(&edition.id) {
        Some(a) => {
            let notice = a.carried_from.as_ref().map(|from| CarryNotice {
                from: from.clone(),
                merges: a.merges.clone(),
                saved: true,
            });
            (a.clone(), notice)
        }
        None => match carry::preview(editions, record, edition) {
            Some(CarryReport {
                from,
                merges,
                answers,
                ..
            }) => (
                answers,
                Some(CarryNotice {
                    from,
                    merges,
                    saved: false,
                }),
            ),
            None => (ChecklistAnswers::default(), None),
        },
    }
}

fn push_row<'e>(sections: &mut Vec<SectionView<'e>>, edition: &'e Edition, row: Row<'e>) {
    let number = row.item.section;
    if sections.last().is_none_or(|s| s.def.number != number) {
        if let Some(def) = edition.section(number) {
            sections.push(SectionView {
                def,
                groups: Vec::new(),
            });
        }
    }
    let Some(section) = sections.last_mut() else {
        return;
    };
    if section
        .groups
        .last()
        .is_none_or(|g| g.device != row.item.device)
    {
        section.groups.push(DeviceGroup {
            device: row.item.device,
            rows: Vec::new(),
        });
    }
    if let Some(g) = section.groups.last_mut() {
        g.rows.push(row);
    }
}

fn vendor_cells(record: &Record, edition: &Edition, item: &Item) -> Vec<VendorCell> {
    if !item.on(Form::Vendor) {
        return Vec::new();
    }
    record
        .vendors
        .iter()
        .map(|v| {
            let returned = v.returned(&edition.id);
            VendorCell {
                vendor: v.vendor.clone(),
                system: v.system.clone(),
                returned: returned.is_some(),
                carried: returned.is_some_and(|r| r.carried),
                answer: returned.and_then(|r| r.items.get(&item.id).cloned()),
            }
        })
        .collect()
}
