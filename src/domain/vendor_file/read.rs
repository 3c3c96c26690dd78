//! Reading a returned packet as Excel may have re-saved it: UTF-8 with or without a BOM, or
//! Shift_JIS (CP932), which is what Excel on Japanese Windows writes for "CSV (comma
//! delimited)"; CRLF; every cell quoted or none; the instruction rows kept or deleted; dates as
//! 2026/4/1. JSON and CSV are told apart by the first character.

use super::problem::{FileProblem, VendorFileError};
use super::{VendorFile, VendorFileControl, VendorFileItem, FORMAT};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The text of a returned file: UTF-8 (a BOM is dropped), else CP932 — Excel's default on
/// Japanese Windows — decoded only if every byte is valid in it.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, VendorFileError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(s));
    }
    let (text, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(VendorFileError::whole(FileProblem::NotText));
    }
    Ok(text)
}

/// The file, and for each item then each control where it was (`items[3]`, `row 7 (2④-サーバ)`).
pub type Read = (VendorFile, Vec<String>, Vec<String>);

pub fn read(bytes: &[u8]) -> Result<Read, VendorFileError> {
    let text = decode(bytes)?;
    if text.trim_start().starts_with('{') {
        read_json(&text)
    } else {
        read_csv(&text)
    }
}

fn read_json(text: &str) -> Result<Read, VendorFileError> {
    if let Some(at) = crate::domain::json::duplicate_key(text) {
        return Err(VendorFileError::whole(FileProblem::DuplicateKey(at)));
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    let file: VendorFile = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        VendorFileError {
            at: (path != ".").then_some(path),
            problem: FileProblem::Json(e.into_inner().to_string()),
        }
    })?;
    let items = (0..file.items.len())
        .map(|i| format!("items[{i}]"))
        .collect();
    let controls = (0..file.controls.len())
        .map(|i| format!("controls[{i}]"))
        .collect();
    Ok((file, items, controls))
}

/// A header cell's key: the form's words in either language (`回答`, `Answer`), or the older
/// `answer 回答` by its leading ASCII word.
fn column_name(cell: &str) -> String {
    let cell = cell.trim();
    if let Some((key, _, _)) = super::COLUMNS
        .iter()
        .find(|(_, ja, en)| cell == *ja || cell.eq_ignore_ascii_case(en))
    {
        return key.to_string();
    }
    cell.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<String>()
        .to_lowercase()
}

/// The fields that say whose form it is, the same on every row.
const WHOSE: [&str; 7] = [
    "form_id", "hospital", "record", "edition", "vendor", "system", "sent_on",
];

fn read_csv(text: &str) -> Result<Read, VendorFileError> {
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let csv_err = |e: csv::Error| VendorFileError::whole(FileProblem::Csv(e.to_string()));
    let mut header: Option<Vec<String>> = None;
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut file: Option<VendorFile> = None;
    let (mut items, mut controls) = (Vec::new(), Vec::new());
    for (n, row) in r.records().enumerate() {
        let row = row.map_err(csv_err)?;
        // Excel numbers rows from 1.
        let line = n + 1;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if header.is_none() {
            // Instruction rows come before the header; the header names `answer`.
            let names: Vec<String> = row.iter().map(column_name).collect();
            if names.iter().any(|c| c == "answer") {
                for c in ["record", "edition", "vendor", "system", "answer"] {
                    let i = names.iter().position(|h| h == c);
                    index.insert(
                        c,
                        i.ok_or(VendorFileError::whole(FileProblem::MissingColumn(c)))?,
                    );
                }
                for c in [
                    "form_id",
                    "hospital",
                    "sent_on",
                    "number",
                    "id",
                    "text",
                    "checked_on",
                    "target_on",
                    "note",
                ] {
                    if let Some(i) = names.iter().position(|h| h == c) {
                        index.insert(c, i);
                    }
                }
                if !index.contains_key("number") && !index.contains_key("id") {
                    return Err(VendorFileError::whole(FileProblem::MissingColumn("number")));
                }
                header = Some(names);
            }
            continue;
        }
        let cell = |c: &str| {
            index
                .get(c)
                .and_then(|&i| row.get(i))
                .map(crate::excel::unguard)
                .unwrap_or("")
                .to_string()
        };
        let key = match cell("number") {
            k if !k.is_empty() => k,
            _ => cell("id"),
        };
        let whose: Vec<(&'static str, String)> = WHOSE.iter().map(|&f| (f, cell(f))).collect();
        match &file {
            None => {
                let get = |f: &str| {
                    whose
                        .iter()
                        .find(|(k, _)| *k == f)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                };
                let form_id = get("form_id");
                file = Some(VendorFile {
                    format: if form_id.is_empty() { 1 } else { FORMAT },
                    form_id,
                    hospital: get("hospital"),
                    record: get("record"),
                    edition: get("edition"),
                    vendor: get("vendor"),
                    system: get("system"),
                    sent_on: get("sent_on"),
                    instructions: Vec::new(),
                    items: Vec::new(),
                    controls: Vec::new(),
                });
            }
            Some(f) => {
                let first = [
                    &f.form_id,
                    &f.hospital,
                    &f.record,
                    &f.edition,
                    &f.vendor,
                    &f.system,
                    &f.sent_on,
                ];
                for ((field, found), first) in whose.into_iter().zip(first) {
                    if index.contains_key(field) && &found != first {
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
            }
        }
        let place = format!("row {line} ({key})");
        let Some(f) = file.as_mut() else { continue };
        if key.starts_with("対策") {
            f.controls.push(VendorFileControl {
                id: String::new(),
                number: key,
                text: cell("text"),
                answer: cell("answer"),
                note: cell("note"),
            });
            controls.push(place);
        } else {
            f.items.push(VendorFileItem {
                id: String::new(),
                number: key,
                text: cell("text"),
                answer: cell("answer"),
                checked_on: cell("checked_on"),
                target_on: cell("target_on"),
                note: cell("note"),
            });
            items.push(place);
        }
    }
    if header.is_none() {
        return Err(VendorFileError::whole(FileProblem::MissingColumn("answer")));
    }
    let file = file.ok_or(VendorFileError::whole(FileProblem::NoRows))?;
    Ok((file, items, controls))
}
