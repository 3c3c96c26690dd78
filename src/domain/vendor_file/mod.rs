//! The packet a vendor fills in (事業者確認用): JSON, or CSV for Excel (UTF-8 with a BOM, CRLF),
//! and reading it back. The file says whose it is (hospital, record, edition, vendor, system,
//! the day it was sent and a form id unique across hospitals), tells the vendor what to write,
//! and carries, besides sections 1–2 of the checklist, the risk-matrix controls the hospital
//! asks that vendor about. A returned file is checked as a whole before anything is stored: a
//! form for another hospital, record or edition, an unknown row or one answer that breaks a rule
//! refuses all of it.
//!
//! A front end calls [`packet`] to get the bytes to write (and a file name), and [`import`]
//! with a returned file's bytes to get an [`ImportReport`] or a [`VendorFileError`] (whose
//! `message` names the row): both are plain values a screen can show.

mod import;
mod problem;
mod read;

pub use import::{import, ImportConflict, ImportReport};
pub use problem::{FileProblem, VendorFileError};
pub use read::{decode, read};

use crate::domain::catalog::Catalog;
use crate::domain::checklist::edition::{Edition, Form};
use crate::domain::lang::{Lang, Text};
use crate::domain::matrix::{Coverage, Sources, VendorBrief};
use crate::domain::record::Record;
use crate::domain::vendors::{self, VendorError};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use sha2::{Digest, Sha256};

/// The packet's layout; 1 had no form id, hospital or instructions and is still read.
pub const FORMAT: u32 = 2;

/// The CSV's columns, in order: the key a message and the reader use, and the header's words
/// (Japanese, English). A header is written in the form's words of the packet's language and
/// read in either, or as the older `answer 回答` (its leading ASCII word).
#[rustfmt::skip]
pub const COLUMNS: [(&str, &str, &str); 13] = [
    ("form_id", "様式ID", "Form ID"), ("hospital", "医療機関", "Hospital"),
    ("record", "記録", "Record"), ("edition", "版", "Edition"), ("vendor", "事業者", "Vendor"),
    ("system", "システム", "System"), ("number", "番号", "No."), ("text", "確認項目", "Item"),
    ("answer", "回答", "Answer"), ("checked_on", "確認日", "Checked"),
    ("target_on", "目標日", "Target"), ("note", "備考", "Note"), ("sent_on", "送付日", "Sent on"),
];

/// A column's header words in `lang`; the key itself if it is not a column.
pub fn column_words(key: &str, lang: Lang) -> &str {
    COLUMNS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or(key, |(_, ja, en)| lang.pick(ja, en))
}

/// The 版 cell as written: the edition's printed name (令和7年度版), what the vendor reads.
pub fn edition_cell(edition: &Edition, lang: Lang) -> String {
    edition.short_name(lang)
}

/// The edition a file names, by its id (`mhlw-r7`, a format-1 file and the JSON), its printed
/// name in either language (`令和7年度版`, `FY2025 edition`) or both (`mhlw-r7（令和7年度版）`);
/// what matches no edition known is given back as written.
pub fn edition_of(expected: &Edition, cell: &str) -> String {
    let cell = cell.trim();
    let head = cell.split(['（', '(']).next().unwrap_or("").trim();
    let inner = cell
        .split_once(['（', '('])
        .map(|(_, r)| r.trim_end_matches(['）', ')']).trim())
        .unwrap_or("");
    let known =
        std::iter::once(expected).chain(crate::domain::checklist::Editions::shipped().all());
    for e in known {
        let names = [e.id.clone(), e.short_name(Lang::Ja), e.short_name(Lang::En)];
        if [cell, head, inner]
            .iter()
            .filter(|c| !c.is_empty())
            .any(|c| names.iter().any(|n| n.eq_ignore_ascii_case(c)))
        {
            return e.id.clone();
        }
    }
    cell.to_string()
}

/// An edition's printed name in both languages (令和7年度版 / FY2025 edition), for a message;
/// an id no edition has is shown as it was written.
pub fn edition_name(expected: &Edition, id: &str) -> Text {
    std::iter::once(expected)
        .chain(crate::domain::checklist::Editions::shipped().all())
        .find(|e| e.id == id)
        .map_or_else(
            || Text {
                ja: id.to_string(),
                en: id.to_string(),
            },
            |e| Text {
                ja: e.short_name(Lang::Ja),
                en: e.short_name(Lang::En),
            },
        )
}

fn nullable<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendorFile {
    #[serde(default = "format_v1")]
    pub format: u32,
    /// `SD-XXXX-XXXX-XXXX`: see [`form_id`]. Empty in a format-1 file.
    #[serde(default, deserialize_with = "nullable")]
    pub form_id: String,
    #[serde(default, deserialize_with = "nullable")]
    pub hospital: String,
    pub record: String,
    pub edition: String,
    pub vendor: String,
    pub system: String,
    #[serde(default, deserialize_with = "nullable")]
    pub sent_on: String,
    /// What to write, in the file itself: a vendor may fill it without any other mail.
    #[serde(default)]
    pub instructions: Vec<String>,
    pub items: Vec<VendorFileItem>,
    /// The risk-matrix controls the hospital asks this vendor about.
    #[serde(default)]
    pub controls: Vec<VendorFileControl>,
}

fn format_v1() -> u32 {
    1
}

/// One checklist row: the vendor fills `answer` (はい/いいえ), `checked_on`, `target_on` for a
/// いいえ, and may add a note. Blank fields are empty strings, what a person edits most easily.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendorFileItem {
    /// The item's id; in the CSV the row is keyed by `number` instead.
    #[serde(default, deserialize_with = "nullable")]
    pub id: String,
    /// As printed, with the device: `2④-サーバ`.
    #[serde(default, deserialize_with = "nullable")]
    pub number: String,
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

/// One control the hospital asks about: the vendor answers 実施済み, 一部実施, 未実施 or 対象外.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendorFileControl {
    #[serde(default, deserialize_with = "nullable")]
    pub id: String,
    /// `対策12`: the control's place in the catalogue, which is what the CSV shows.
    #[serde(default, deserialize_with = "nullable")]
    pub number: String,
    #[serde(default, deserialize_with = "nullable")]
    pub text: String,
    #[serde(default, deserialize_with = "nullable")]
    pub answer: String,
    #[serde(default, deserialize_with = "nullable")]
    pub note: String,
}

/// `対策12` for the catalogue's 12th control.
pub fn control_number(catalog: &Catalog, id: &str) -> Option<String> {
    catalog
        .controls
        .iter()
        .position(|c| c.id == id)
        .map(|i| format!("対策{}", i + 1))
}

/// A form id unique across hospitals and data directories: record ids restart at 2026-001 in
/// every data dir, but a record's creation instant (to the nanosecond) does not repeat, so a
/// vendor serving several hospitals can tell their forms apart, and an import can tell a form
/// of this record from one of another hospital's record of the same id.
pub fn form_id(record: &Record, edition: &str, vendor: &str, system: &str) -> String {
    let mut h = Sha256::new();
    for part in [
        record.id.to_string(),
        record
            .created_at
            .to_rfc3339_opts(chrono::SecondsFormat::Nanos, true),
        edition.to_string(),
        vendor.to_string(),
        system.to_string(),
    ] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    let hex: String = h
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02X}"))
        .collect();
    format!("SD-{}-{}-{}", &hex[0..4], &hex[4..8], &hex[8..12])
}

/// What to write, as the file says it.
pub fn instructions(lang: Lang) -> Vec<String> {
    let lines: [(&str, &str); 5] = [
        (
            "各行の「回答」に はい か いいえ、「確認日」に確認した日（2026-04-01 または 2026/4/1）を記入してください。",
            "In each row write yes or no under Answer, and the day you checked under Checked (2026-04-01 or 2026/4/1).",
        ),
        (
            "いいえ の行は「目標日」に対応の予定日（確認日の年度末まで）を記入してください。はい の行の目標日は空欄のままにしてください。",
            "For a no, write the day it will be done under Target (by the end of the fiscal year of the day checked); leave Target empty for a yes.",
        ),
        (
            "「対策」の行は、実施済み・一部実施・未実施・対象外 のどれかを記入してください（分からなければ空欄）。",
            "In the rows of controls (対策), write in place, partial, missing or not applicable (leave it empty if you cannot tell).",
        ),
        (
            "分からない行は空欄のままで構いません。備考は自由に書けます。",
            "Leave a row empty if you cannot answer it; the note is free text.",
        ),
        (
            "それ以外の欄（様式ID・番号・医療機関名など）は変えずに、このファイルのまま返送してください。",
            "Change nothing else (form id, numbers, hospital): send this file back as it is.",
        ),
    ];
    lines
        .iter()
        .map(|(ja, en)| lang.pick(ja, en).to_string())
        .collect()
}

/// The controls the hospital asks this vendor about: the vendor's own controls not known to be
/// in place for its system (or for no named system), and those the hospital marked
/// わからない（事業者に確認）.
pub fn asked_controls(record: &Record, system: &str, lang: Lang) -> Vec<VendorFileControl> {
    let cov = Coverage::with(&Sources::embedded(), record);
    let brief = VendorBrief::of(&cov);
    let catalog = Catalog::embedded();
    brief
        .systems
        .iter()
        .filter(|g| g.system.as_deref().is_none_or(|s| s == system))
        .flat_map(|g| &g.phases)
        .flat_map(|p| &p.requests)
        .map(|r| VendorFileControl {
            id: r.control.id.clone(),
            number: control_number(catalog, &r.control.id).unwrap_or_default(),
            text: r.control.ask(lang).to_string(),
            ..VendorFileControl::default()
        })
        .collect()
}

/// The blank packet for one vendor and system: sections 1–2 worded for the vendor, and the
/// controls asked.
pub fn blank(
    edition: &Edition,
    record: &Record,
    vendor: &str,
    system: &str,
    sent_on: NaiveDate,
    lang: Lang,
) -> VendorFile {
    VendorFile {
        format: FORMAT,
        form_id: form_id(record, &edition.id, vendor, system),
        hospital: record.hospital_name().unwrap_or("").to_string(),
        record: record.id.to_string(),
        edition: edition.id.clone(),
        vendor: vendor.to_string(),
        system: system.to_string(),
        sent_on: sent_on.to_string(),
        instructions: instructions(lang),
        items: edition
            .items_on(Form::Vendor)
            .map(|i| VendorFileItem {
                id: i.id.clone(),
                number: i.key(),
                text: i.text_for(Form::Vendor).get(lang).to_string(),
                ..VendorFileItem::default()
            })
            .collect(),
        controls: asked_controls(record, system, lang),
    }
}

impl VendorFile {
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// CSV as Excel opens it without asking: UTF-8 with a BOM, CRLF line ends; the
    /// instructions first, one to a row, then one row per item and control repeating whose
    /// form it is, so that a row copied elsewhere still says so.
    pub fn to_csv(&self, edition: &Edition, lang: Lang) -> Vec<u8> {
        let mut w = crate::excel::ExcelCsv::new();
        for line in &self.instructions {
            w.row([format!("※ {line}")]);
        }
        w.row(COLUMNS.map(|(_, ja, en)| lang.pick(ja, en)));
        let edition_cell = match self.edition == edition.id {
            true => edition_cell(edition, lang),
            false => self.edition.clone(),
        };
        let none = String::new();
        let rows = self
            .items
            .iter()
            .map(|i| {
                [
                    &i.number,
                    &i.text,
                    &i.answer,
                    &i.checked_on,
                    &i.target_on,
                    &i.note,
                ]
            })
            .chain(
                self.controls
                    .iter()
                    .map(|c| [&c.number, &c.text, &c.answer, &none, &none, &c.note]),
            )
            .collect::<Vec<_>>();
        for [number, text, answer, checked, target, note] in rows {
            w.row([
                self.form_id.as_str(),
                &self.hospital,
                &self.record,
                &edition_cell,
                &self.vendor,
                &self.system,
                number,
                text,
                answer,
                checked,
                target,
                note,
                &self.sent_on,
            ]);
        }
        w.finish()
    }
}

/// The packet's file format, chosen where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PacketFormat {
    Json,
    /// For Excel.
    Csv,
}

/// A packet to write: the bytes and a file name that says whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packet {
    pub file: VendorFile,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Names the vendor in the record (a form sent is a form expected back), notes the form sent
/// today and gives back the packet to write. The record is changed only in memory: the front
/// end saves it once the file is written.
#[allow(clippy::too_many_arguments)]
pub fn packet(
    edition: &Edition,
    record: &mut Record,
    vendor: &str,
    system: Option<&str>,
    format: PacketFormat,
    lang: Lang,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Packet, VendorError> {
    let (name, system) = vendors::form_sent(record, vendor, system, &edition.id, today, now)?;
    let file = blank(edition, record, &name, &system, today, lang);
    let (bytes, ext) = match format {
        PacketFormat::Json => (file.to_json().into_bytes(), "json"),
        PacketFormat::Csv => (file.to_csv(edition, lang), "csv"),
    };
    let safe = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_alphanumeric() { c } else { '_' })
            .collect()
    };
    let file_name = format!(
        "{}-{}-{}-{}.{ext}",
        file.form_id,
        file.record,
        safe(&name),
        safe(&system)
    );
    Ok(Packet {
        file,
        file_name,
        bytes,
    })
}
