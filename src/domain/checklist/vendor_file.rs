//! The file a vendor fills in (事業者確認用): JSON, or CSV for Excel (UTF-8 with a BOM, CRLF), and
//! reading it back. A returned file is checked as a whole before anything is stored: a file for
//! another record or edition, an unknown item or one answer that breaks a rule refuses all of it.

use super::answers::{ReturnedForm, VendorAnswer, YesNo};
use super::edition::{Edition, Form};
use super::rules::{self, ChecklistError, DateField};
use super::vendors::{self, VendorError};
use crate::domain::lang::Lang;
use crate::domain::record::Record;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::{BTreeMap, HashSet};

const BOM: &str = "\u{feff}";
pub const COLUMNS: [&str; 10] = [
    "record",
    "edition",
    "vendor",
    "system",
    "id",
    "text",
    "answer",
    "checked_on",
    "target_on",
    "note",
];

fn nullable<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendorFile {
    pub record: String,
    pub edition: String,
    pub vendor: String,
    pub system: String,
    pub items: Vec<VendorFileItem>,
}

/// One row: the vendor fills `answer` (`yes`/`no`), `checked_on`, `target_on` for a `no`, and
/// may add a note. Blank fields are empty strings, which is what a person edits most easily.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendorFileItem {
    pub id: String,
    #[serde(default, deserialize_with = "nullable")]
    pub text: String,
    #[serde(default, deserialize_with = "nullable")]
    pub answer: String,
    #[serde(default, deserialize_with = "nullable")]
    pub checked_on: String,
    #[serde(default, deserialize_with = "nullable")]
    pub target_on: String,
    #[serde(default, deserialize_with = "nullable")]
    pub note: String,
}

/// The blank form for one vendor: sections 1–2, worded for the vendor.
pub fn blank(
    edition: &Edition,
    record: &Record,
    vendor: &str,
    system: &str,
    lang: Lang,
) -> VendorFile {
    VendorFile {
        record: record.id.to_string(),
        edition: edition.id.clone(),
        vendor: vendor.to_string(),
        system: system.to_string(),
        items: edition
            .items_on(Form::Vendor)
            .map(|i| VendorFileItem {
                id: i.id.clone(),
                text: format!("{} {}", i.label(), i.text_for(Form::Vendor).get(lang)),
                ..VendorFileItem::default()
            })
            .collect(),
    }
}

impl VendorFile {
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// CSV as Excel opens it without asking: UTF-8 with a BOM, CRLF line ends, one row per item
    /// repeating the record, edition and vendor, so that a row copied elsewhere still says
    /// whose it is.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut w = crate::excel::ExcelCsv::new();
        w.row(COLUMNS);
        for i in &self.items {
            w.row([
                self.record.as_str(),
                &self.edition,
                &self.vendor,
                &self.system,
                &i.id,
                &i.text,
                &i.answer,
                &i.checked_on,
                &i.target_on,
                &i.note,
            ]);
        }
        w.finish()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    #[error("the file is not UTF-8 text: in Excel save it as \"CSV UTF-8 (comma delimited)\", or send the JSON")]
    NotUtf8,
    #[error("not a vendor form in JSON: {0}")]
    Json(String),
    #[error("not a readable CSV: {0}")]
    Csv(String),
    #[error("column `{0}` is missing; the columns are: {cols}", cols = COLUMNS.join(","))]
    MissingColumn(&'static str),
    #[error("the file has no rows")]
    NoRows,
    #[error("the form is for record {found}, not {expected}")]
    OtherRecord { found: String, expected: String },
    #[error(
        "the form is for edition {found}, not {expected}: send the vendor the {expected} form"
    )]
    OtherEdition { found: String, expected: String },
    #[error("`{field}` differs from the first row (`{first}` vs `{found}`): a file holds one vendor's form")]
    Mixed {
        field: &'static str,
        first: String,
        found: String,
    },
    #[error("{0}")]
    Vendor(VendorError),
    #[error("`{id}` is not an item of {edition}")]
    UnknownItem { id: String, edition: String },
    #[error("`{0}` is not on the vendor form (sections 1–2)")]
    NotOnVendorForm(String),
    #[error("`{0}` appears twice")]
    DuplicateItem(String),
    #[error(
        "the answer is empty but dates or a note are given: write yes or no, or clear the row"
    )]
    DatesWithoutAnswer,
    #[error("checked_on is empty: an answer needs the day it was checked (YYYY-MM-DD)")]
    NoCheckedOn,
    #[error("{0}")]
    Rule(ChecklistError),
    #[error("nothing is answered: fill in yes or no for the items first")]
    NothingAnswered,
}

/// Why a returned form was refused, and where (`items[3].target_on`, `row 5, target_on`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{problem}", at.as_ref().map(|a| format!("{a}: ")).unwrap_or_default())]
pub struct VendorFileError {
    pub at: Option<String>,
    pub problem: FileProblem,
}

impl VendorFileError {
    fn whole(problem: FileProblem) -> VendorFileError {
        VendorFileError { at: None, problem }
    }

    pub fn message(&self, lang: Lang) -> String {
        let p = self.problem.message(lang);
        match &self.at {
            Some(at) => format!("{at}: {p}"),
            None => p,
        }
    }
}

impl FileProblem {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        use FileProblem as P;
        match self {
            P::NotUtf8 => "UTF-8 のテキストではありません：Excel では「CSV UTF-8（コンマ区切り）」で保存するか、JSON を送ってください".into(),
            P::Json(e) => format!("事業者確認用の JSON ではありません：{e}"),
            P::Csv(e) => format!("CSV として読めません：{e}"),
            P::MissingColumn(c) => format!("列 `{c}` がありません。列は {} です", COLUMNS.join(",")),
            P::NoRows => "行がありません".into(),
            P::OtherRecord { found, expected } => {
                format!("この様式は記録 {found} のものです（{expected} ではありません）")
            }
            P::OtherEdition { found, expected } => format!(
                "この様式は版 {found} のものです（{expected} ではありません）：{expected} の様式を送ってください"
            ),
            P::Mixed {
                field,
                first,
                found,
            } => format!(
                "`{field}` が1行目と違います（`{first}` と `{found}`）：1つのファイルは1事業者の様式です"
            ),
            P::Vendor(e) => e.message(lang),
            P::UnknownItem { id, edition } => format!("`{id}` は {edition} の項目ではありません"),
            P::NotOnVendorForm(id) => {
                format!("`{id}` は事業者確認用（第1・2項）の項目ではありません")
            }
            P::DuplicateItem(id) => format!("`{id}` が2回あります"),
            P::DatesWithoutAnswer => "回答が空欄なのに日付かメモがあります：yes か no を書くか、行を空にしてください".into(),
            P::NoCheckedOn => "確認日が空欄です：回答には確認した日（YYYY-MM-DD）が必要です".into(),
            P::Rule(e) => e.message(lang),
            P::NothingAnswered => "回答が1つもありません：各項目に yes か no を記入してください".into(),
        }
    }
}

/// Reads a returned form, JSON or CSV (told apart by its first character), as Excel may have
/// re-saved it: a BOM, CRLF, every cell quoted or none, dates as 2026/4/1.
pub fn read(bytes: &[u8]) -> Result<(VendorFile, Vec<String>), VendorFileError> {
    let text =
        std::str::from_utf8(bytes).map_err(|_| VendorFileError::whole(FileProblem::NotUtf8))?;
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if text.trim_start().starts_with('{') {
        read_json(text)
    } else {
        read_csv(text)
    }
}

fn read_json(text: &str) -> Result<(VendorFile, Vec<String>), VendorFileError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let file: VendorFile = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        VendorFileError {
            at: (path != ".").then_some(path),
            problem: FileProblem::Json(e.into_inner().to_string()),
        }
    })?;
    let places = (0..file.items.len())
        .map(|i| format!("items[{i}]"))
        .collect();
    Ok((file, places))
}

fn read_csv(text: &str) -> Result<(VendorFile, Vec<String>), VendorFileError> {
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = r
        .headers()
        .map_err(|e| VendorFileError::whole(FileProblem::Csv(e.to_string())))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let col = |name: &'static str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or(VendorFileError::whole(FileProblem::MissingColumn(name)))
    };
    let required = [
        "record",
        "edition",
        "vendor",
        "system",
        "id",
        "answer",
        "checked_on",
        "target_on",
    ];
    let mut index = BTreeMap::new();
    for c in required {
        index.insert(c, col(c)?);
    }
    let note_col = col("note").ok();
    let text_col = col("text").ok();
    let mut file: Option<VendorFile> = None;
    let mut places = Vec::new();
    for (n, row) in r.records().enumerate() {
        let row = row.map_err(|e| VendorFileError::whole(FileProblem::Csv(e.to_string())))?;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |c: &str| {
            index
                .get(c)
                .and_then(|&i| row.get(i))
                .unwrap_or("")
                .to_string()
        };
        let opt = |i: Option<usize>| i.and_then(|i| row.get(i)).unwrap_or("").to_string();
        // Excel numbers rows from 1 with the header on row 1.
        let line = n + 2;
        let item = VendorFileItem {
            id: cell("id"),
            text: opt(text_col),
            answer: cell("answer"),
            checked_on: cell("checked_on"),
            target_on: cell("target_on"),
            note: opt(note_col),
        };
        places.push(format!("row {line} ({})", item.id));
        match &mut file {
            None => {
                file = Some(VendorFile {
                    record: cell("record"),
                    edition: cell("edition"),
                    vendor: cell("vendor"),
                    system: cell("system"),
                    items: vec![item],
                })
            }
            Some(f) => {
                for (field, first) in [
                    ("record", &f.record),
                    ("edition", &f.edition),
                    ("vendor", &f.vendor),
                    ("system", &f.system),
                ] {
                    let found = cell(field);
                    if &found != first {
                        return Err(VendorFileError {
                            at: Some(format!("row {line}, {field}")),
                            problem: FileProblem::Mixed {
                                field,
                                first: first.clone(),
                                found,
                            },
                        });
                    }
                }
                f.items.push(item);
            }
        }
    }
    let file = file.ok_or(VendorFileError::whole(FileProblem::NoRows))?;
    Ok((file, places))
}

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub vendor: String,
    pub system: String,
    pub answered: usize,
    pub blank: usize,
    /// The vendor had returned a form for this edition before; it is replaced.
    pub replaced: bool,
}

/// Checks a returned form against the record and the edition, all of it, then stores it.
pub fn import(
    edition: &Edition,
    record: &mut Record,
    bytes: &[u8],
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Imported, VendorFileError> {
    let (file, places) = read(bytes)?;
    let whole = VendorFileError::whole;
    if file.record.trim() != record.id.to_string() {
        return Err(whole(FileProblem::OtherRecord {
            found: file.record.clone(),
            expected: record.id.to_string(),
        }));
    }
    if file.edition.trim() != edition.id {
        return Err(whole(FileProblem::OtherEdition {
            found: file.edition.clone(),
            expected: edition.id.clone(),
        }));
    }
    let (vendor, system) = {
        let v = vendors::find(record, &file.vendor, Some(&file.system))
            .map_err(|e| whole(FileProblem::Vendor(e)))?;
        (v.vendor.clone(), v.system.clone())
    };
    let mut seen = HashSet::new();
    let mut items = BTreeMap::new();
    let mut blank = 0;
    for (row, place) in file.items.iter().zip(places) {
        let at = |field: &str| Some(format!("{place}, {field}"));
        let fail = |field: &str, problem| VendorFileError {
            at: at(field),
            problem,
        };
        let id = row.id.trim();
        let item = edition.item(id).ok_or_else(|| {
            fail(
                "id",
                FileProblem::UnknownItem {
                    id: id.to_string(),
                    edition: edition.id.clone(),
                },
            )
        })?;
        if !item.on(Form::Vendor) {
            return Err(fail("id", FileProblem::NotOnVendorForm(id.to_string())));
        }
        if !seen.insert(id.to_string()) {
            return Err(fail("id", FileProblem::DuplicateItem(id.to_string())));
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
            id.to_string(),
            VendorAnswer {
                answer,
                checked_on,
                target_on,
                note: (!note.is_empty()).then(|| note.to_string()),
            },
        );
    }
    if items.is_empty() {
        return Err(whole(FileProblem::NothingAnswered));
    }
    let answered = items.len();
    let returned = ReturnedForm {
        imported_at: now,
        file_sha256: super::answers::Evidence::of_bytes("", bytes).sha256,
        items,
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
    record.touch(now);
    Ok(Imported {
        vendor,
        system,
        answered,
        blank,
        replaced,
    })
}
