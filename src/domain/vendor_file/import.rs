//! A returned packet into the record: whose form it is (by its form id, or for a format-1 file
//! by record and vendor), then every row, then stored at once. The report says what was stored
//! and where the vendor disagrees with the hospital, in the form's words.

use super::problem::{FileProblem, OtherHospital, VendorFileError};
use super::{form_id, read, VendorFile};
use crate::domain::catalog::Catalog;
use crate::domain::checklist::edition::{Edition, Form, Item};
use crate::domain::checklist::label;
use crate::domain::checklist::rules::{self, ChecklistError, DateField};
use crate::domain::lang::{Lang, Text};
use crate::domain::record::checklist_answers::{
    ReturnedControl, ReturnedForm, VendorAnswer, YesNo,
};
use crate::domain::record::control::ControlStatus;
use crate::domain::record::Record;
use crate::domain::vendors::{self, VendorError};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{BTreeMap, HashSet};

/// Where the vendor answered otherwise than the hospital's latest check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportConflict {
    pub item: String,
    /// As printed (2⑦, 2④ サーバ).
    pub label: Text,
    pub hospital: YesNo,
    pub vendor: YesNo,
}

impl ImportConflict {
    /// 「2⑦：医療機関 いいえ / 事業者 はい」
    pub fn describe(&self, lang: Lang) -> String {
        lang.pick_with(
            || {
                format!(
                    "{}：医療機関 {} / 事業者 {}",
                    self.label.ja,
                    self.hospital.label(lang),
                    self.vendor.label(lang)
                )
            },
            || {
                format!(
                    "{}: hospital {} / vendor {}",
                    self.label.en,
                    self.hospital.label(lang),
                    self.vendor.label(lang)
                )
            },
        )
    }
}

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub vendor: String,
    pub system: String,
    pub form_id: String,
    pub answered: usize,
    pub blank: usize,
    /// Risk-matrix controls the vendor answered.
    pub controls: usize,
    /// The vendor had returned a form for this edition before; it is replaced.
    pub replaced: bool,
    pub conflicts: Vec<ImportConflict>,
}

impl ImportReport {
    /// 「A社（電子カルテ）：12項目に回答、空欄3、対策2件」
    pub fn summary(&self, lang: Lang) -> String {
        let replaced = if self.replaced {
            lang.pick(
                "（前回の返却分を置き換え）",
                " (replaces the earlier return)",
            )
        } else {
            ""
        };
        lang.pick_with(
            || {
                format!(
                    "{}（{}）：{}項目に回答、空欄{}、対策{}件{replaced}",
                    self.vendor, self.system, self.answered, self.blank, self.controls
                )
            },
            || {
                format!(
                    "{} ({}): {} answered, {} blank, {} controls{replaced}",
                    self.vendor, self.system, self.answered, self.blank, self.controls
                )
            },
        )
    }
}

fn whole(problem: FileProblem) -> VendorFileError {
    VendorFileError::whole(problem)
}

/// Whose form it is: the vendor and system of this record the form was sent for.
fn whose(
    edition: &Edition,
    record: &Record,
    file: &VendorFile,
) -> Result<(String, String), VendorFileError> {
    let hospital = record.hospital_name().unwrap_or("—").to_string();
    let same_record = file.record.trim() == record.id.to_string()
        && (file.hospital.trim().is_empty() || file.hospital.trim() == hospital);
    let file_edition = super::edition_of(edition, &file.edition);
    // Named as printed: 令和6年度版, not its id.
    let other_edition = || {
        whole(FileProblem::OtherEdition {
            found: super::edition_name(edition, &file_edition),
            expected: super::edition_name(edition, &edition.id),
        })
    };
    if same_record && file_edition != edition.id {
        return Err(other_edition());
    }
    let fid = file.form_id.trim();
    if !fid.is_empty() {
        if let Some(v) = record
            .vendors
            .iter()
            .find(|v| form_id(record, &edition.id, &v.vendor, &v.system) == fid)
        {
            // The id is this record's; the fields beside it must not say otherwise.
            if file.record.trim() != record.id.to_string() {
                return Err(whole(FileProblem::OtherRecord {
                    found: file.record.clone(),
                    expected: record.id.to_string(),
                }));
            }
            if !v.is(file.vendor.trim(), file.system.trim()) {
                vendors::find(record, &file.vendor, Some(&file.system))
                    .map_err(|e| whole(FileProblem::Vendor(e)))?;
                return Err(whole(FileProblem::UnknownFormId {
                    form_id: fid.to_string(),
                    hospital,
                    record: record.id.to_string(),
                }));
            }
            return Ok((v.vendor.clone(), v.system.clone()));
        }
        return Err(whole(if same_record {
            FileProblem::UnknownFormId {
                form_id: fid.to_string(),
                hospital,
                record: record.id.to_string(),
            }
        } else {
            FileProblem::OtherHospital(Box::new(OtherHospital {
                form_id: fid.to_string(),
                file_hospital: match file.hospital.trim() {
                    "" => "—".to_string(),
                    h => h.to_string(),
                },
                file_record: file.record.clone(),
                hospital,
                record: record.id.to_string(),
            }))
        }));
    }
    // A format-1 file: no form id, the record and the vendor named.
    if file.record.trim() != record.id.to_string() {
        return Err(whole(FileProblem::OtherRecord {
            found: file.record.clone(),
            expected: record.id.to_string(),
        }));
    }
    if file_edition != edition.id {
        return Err(other_edition());
    }
    let v = vendors::find(record, &file.vendor, Some(&file.system))
        .map_err(|e| whole(FileProblem::Vendor(e)))?;
    Ok((v.vendor.clone(), v.system.clone()))
}

/// The item a row means: its id where the JSON gives one, else its printed number.
fn row_item<'e>(edition: &'e Edition, id: &str, number: &str) -> Option<&'e Item> {
    match id.trim() {
        "" => label::find(edition, number, None).ok(),
        id => edition.item(id),
    }
}

/// A control's status as a vendor writes it.
fn control_status(raw: &str) -> Option<ControlStatus> {
    let s = raw.trim().to_lowercase();
    let s = s.as_str();
    match s {
        "実施済み" | "実施済" | "実施" | "in place" | "done" | "yes" | "はい" => {
            Some(ControlStatus::InPlace)
        }
        "一部実施" | "一部" | "partial" | "partly" => Some(ControlStatus::Partial),
        "未実施" | "missing" | "not done" | "no" | "いいえ" => Some(ControlStatus::Missing),
        "対象外" | "not applicable" | "n/a" | "na" => Some(ControlStatus::NotApplicable),
        _ => ControlStatus::from_id(s).filter(|c| *c != ControlStatus::Unknown),
    }
}

/// Checks a returned packet against the record and the edition, all of it, then stores it.
pub fn import(
    edition: &Edition,
    record: &mut Record,
    bytes: &[u8],
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<ImportReport, VendorFileError> {
    let (file, places, control_places) = read(bytes)?;
    let (vendor, system) = whose(edition, record, &file)?;
    let mut seen = HashSet::new();
    let mut items = BTreeMap::new();
    let mut blank = 0;
    for (row, place) in file.items.iter().zip(places) {
        let fail = |field: &str, problem| VendorFileError {
            at: Some(format!("{place}, {field}")),
            problem,
        };
        let (shown, key_field) = match row.id.trim() {
            "" => (row.number.trim(), "number"),
            id => (id, "id"),
        };
        let item = row_item(edition, &row.id, &row.number).ok_or_else(|| {
            fail(
                key_field,
                FileProblem::UnknownItem {
                    number: shown.to_string(),
                    edition: super::edition_name(edition, &edition.id),
                },
            )
        })?;
        if !item.on(Form::Vendor) {
            return Err(fail("number", FileProblem::NotOnVendorForm(item.key())));
        }
        if !seen.insert(item.id.clone()) {
            return Err(fail("number", FileProblem::DuplicateItem(item.key())));
        }
        let note = row.note.trim();
        if row.answer.trim().is_empty() {
            if !row.checked_on.trim().is_empty()
                || !row.target_on.trim().is_empty()
                || !note.is_empty()
            {
                return Err(fail("answer", FileProblem::DatesWithoutAnswer));
            }
            blank += 1;
            continue;
        }
        let answer = YesNo::parse(&row.answer).ok_or_else(|| {
            fail(
                "answer",
                FileProblem::Rule(ChecklistError::BadAnswer {
                    input: row.answer.trim().to_string(),
                }),
            )
        })?;
        if row.checked_on.trim().is_empty() {
            return Err(fail("checked_on", FileProblem::NoCheckedOn));
        }
        let checked_on = rules::parse_date_field(DateField::Checked, &row.checked_on)
            .map_err(|e| fail("checked_on", FileProblem::Rule(e)))?;
        let target_on = match row.target_on.trim() {
            "" => None,
            t => Some(
                rules::parse_date_field(DateField::Target, t)
                    .map_err(|e| fail("target_on", FileProblem::Rule(e)))?,
            ),
        };
        rules::check_answer(item, answer, checked_on, target_on, today).map_err(|e| {
            let field = match e {
                ChecklistError::CheckedInFuture { .. } => "checked_on",
                _ => "target_on",
            };
            fail(field, FileProblem::Rule(e))
        })?;
        if !note.is_empty() {
            rules::check_note(note).map_err(|e| fail("note", FileProblem::Rule(e)))?;
        }
        items.insert(
            item.id.clone(),
            VendorAnswer {
                answer,
                checked_on,
                target_on,
                note: (!note.is_empty()).then(|| note.to_string()),
            },
        );
    }
    let controls = read_controls(&file, control_places)?;
    if items.is_empty() && controls.is_empty() {
        return Err(whole(FileProblem::NothingAnswered));
    }
    let conflicts = conflicts_of(edition, record, &items);
    let answered_controls: Vec<String> = controls.keys().cloned().collect();
    let report = ImportReport {
        vendor: vendor.clone(),
        system: system.clone(),
        form_id: file.form_id.trim().to_string(),
        answered: items.len(),
        blank,
        controls: controls.len(),
        replaced: false,
        conflicts,
    };
    let returned = ReturnedForm {
        imported_at: now,
        file_sha256: crate::domain::record::checklist_answers::Evidence::of_bytes("", bytes).sha256,
        items,
        controls,
        carried: false,
    };
    let v = record
        .vendors
        .iter_mut()
        .find(|v| v.is(&vendor, &system))
        .ok_or_else(|| {
            whole(FileProblem::Vendor(VendorError::Unknown {
                vendor: vendor.clone(),
                system: system.clone(),
                known: Vec::new(),
            }))
        })?;
    let form = v.forms.entry(edition.id.clone()).or_default();
    let replaced = form.returned.is_some();
    form.returned = Some(returned);
    // The question put to the vendor is answered: the control leaves the next packet's asks
    // (a mark that held nothing else goes).
    for id in &answered_controls {
        if let Some(m) = record.controls.get_mut(id) {
            m.ask_vendor = false;
            if m.status.is_none() && m.note.is_none() && m.system.is_none() {
                record.controls.remove(id);
            }
        }
    }
    record.touch(now);
    Ok(ImportReport { replaced, ..report })
}

fn read_controls(
    file: &VendorFile,
    places: Vec<String>,
) -> Result<BTreeMap<String, ReturnedControl>, VendorFileError> {
    let catalog = Catalog::embedded();
    let mut out = BTreeMap::new();
    for (row, place) in file.controls.iter().zip(places) {
        let fail = |field: &str, problem| VendorFileError {
            at: Some(format!("{place}, {field}")),
            problem,
        };
        let by_number = || {
            let n: usize = row
                .number
                .trim()
                .strip_prefix("対策")?
                .trim()
                .parse()
                .ok()?;
            catalog.controls.get(n.checked_sub(1)?)
        };
        let control = catalog
            .control(row.id.trim())
            .or_else(by_number)
            .ok_or_else(|| fail("number", FileProblem::UnknownControl(row.number.clone())))?;
        let note = row.note.trim();
        if row.answer.trim().is_empty() {
            continue;
        }
        let status = control_status(&row.answer)
            .ok_or_else(|| fail("answer", FileProblem::BadControlAnswer(row.answer.clone())))?;
        if !note.is_empty() {
            rules::check_note(note).map_err(|e| fail("note", FileProblem::Rule(e)))?;
        }
        if out.contains_key(&control.id) {
            return Err(fail(
                "number",
                FileProblem::DuplicateItem(row.number.trim().to_string()),
            ));
        }
        out.insert(
            control.id.clone(),
            ReturnedControl {
                status,
                note: (!note.is_empty()).then(|| note.to_string()),
            },
        );
    }
    Ok(out)
}

fn conflicts_of(
    edition: &Edition,
    record: &Record,
    items: &BTreeMap<String, VendorAnswer>,
) -> Vec<ImportConflict> {
    let Some(answers) = record.checklists.get(&edition.id) else {
        return Vec::new();
    };
    edition
        .items_on(Form::Vendor)
        .filter(|i| !i.vendor_self)
        .filter_map(|i| {
            let v = items.get(&i.id)?;
            let h = answers.latest(&i.id)?;
            (h.answer != v.answer).then(|| ImportConflict {
                item: i.id.clone(),
                label: i.printed_text(),
                hospital: h.answer,
                vendor: v.answer,
            })
        })
        .collect()
}
