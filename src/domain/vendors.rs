//! The vendor list of a record: the vendors a hospital expects a 事業者確認用 form from (the
//! checklist) and calls in an incident (the contact chart). Sending a vendor its form names it in
//! the record, since a form sent is a form expected back; the screen adds and removes them too.

use crate::domain::lang::Lang;
use crate::domain::record::checklist_answers::Vendor;
use crate::domain::record::Record;
use chrono::{DateTime, NaiveDate, Utc};

pub const NAME_MAX: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VendorError {
    #[error("the {field} is empty: write 1–{NAME_MAX} characters on one line")]
    Empty { field: &'static str },
    #[error("the {field} has {len} characters: at most {NAME_MAX}, on one line")]
    TooLong { field: &'static str, len: usize },
    #[error("the {field} must be one line")]
    LineBreak { field: &'static str },
    #[error(transparent)]
    Control(#[from] crate::domain::limits::ControlCharacter),
    #[error(
        "no vendor `{vendor}` with system `{system}` in the record; vendors: {}",
        list_or_none(known)
    )]
    Unknown {
        vendor: String,
        system: String,
        known: Vec<String>,
    },
    #[error("vendor `{vendor}` is new or has several systems ({}): give --system", systems.join(", "))]
    SystemNeeded {
        vendor: String,
        systems: Vec<String>,
    },
}

fn list_or_none(v: &[String]) -> String {
    if v.is_empty() {
        "none yet".into()
    } else {
        v.join(", ")
    }
}

impl VendorError {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let ja_field = |f: &str| {
            if f == "vendor" {
                "事業者名"
            } else {
                "システム名"
            }
        };
        match self {
            VendorError::Empty { field } => format!(
                "{}が空です：1～{NAME_MAX}文字を1行で入力してください",
                ja_field(field)
            ),
            VendorError::TooLong { field, len } => format!(
                "{}が{len}文字あります：{NAME_MAX}文字以内の1行にしてください",
                ja_field(field)
            ),
            VendorError::Control(c) => c.message(Lang::Ja),
            VendorError::LineBreak { field } => {
                format!("{}は1行で入力してください", ja_field(field))
            }
            VendorError::Unknown {
                vendor,
                system,
                known,
            } => format!(
                "事業者 `{vendor}`（システム `{system}`）は記録にありません。登録済み：{}",
                if known.is_empty() {
                    "なし".to_string()
                } else {
                    known.join(", ")
                }
            ),
            VendorError::SystemNeeded { vendor, systems } => format!(
                "事業者 `{vendor}` は新規か複数のシステムがあります（{}）：--system を指定してください",
                if systems.is_empty() {
                    "なし".to_string()
                } else {
                    systems.join(", ")
                }
            ),
        }
    }
}

fn check_name(field: &'static str, s: &str) -> Result<String, VendorError> {
    let s = s.trim();
    if s.is_empty() {
        return Err(VendorError::Empty { field });
    }
    if s.contains(['\n', '\r']) {
        return Err(VendorError::LineBreak { field });
    }
    crate::domain::limits::refuse_control(s, false)?;
    let len = s.chars().count();
    if len > NAME_MAX {
        return Err(VendorError::TooLong { field, len });
    }
    Ok(s.to_string())
}

pub fn known(record: &Record) -> Vec<String> {
    record.vendors.iter().map(Vendor::label).collect()
}

/// Finds the vendor a command means: by name and system, or by name alone when it has exactly
/// one system in the record.
pub fn find<'r>(
    record: &'r Record,
    vendor: &str,
    system: Option<&str>,
) -> Result<&'r Vendor, VendorError> {
    let vendor = vendor.trim();
    match system {
        Some(s) => record
            .vendors
            .iter()
            .find(|v| v.is(vendor, s.trim()))
            .ok_or_else(|| VendorError::Unknown {
                vendor: vendor.to_string(),
                system: s.trim().to_string(),
                known: known(record),
            }),
        None => {
            let matching: Vec<&Vendor> = record
                .vendors
                .iter()
                .filter(|v| v.vendor == vendor)
                .collect();
            match matching.as_slice() {
                [one] => Ok(one),
                _ => Err(VendorError::SystemNeeded {
                    vendor: vendor.to_string(),
                    systems: matching.iter().map(|v| v.system.clone()).collect(),
                }),
            }
        }
    }
}

/// Names a vendor in the record (or finds it there) and notes that its form for `edition` was
/// sent today. Gives back the vendor's (vendor, system) as stored.
pub fn form_sent(
    record: &mut Record,
    vendor: &str,
    system: Option<&str>,
    edition: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(String, String), VendorError> {
    let name = check_name("vendor", vendor)?;
    let system = match system {
        Some(s) => check_name("system", s)?,
        None => find(record, &name, None)?.system.clone(),
    };
    let index = match record.vendors.iter().position(|v| v.is(&name, &system)) {
        Some(i) => i,
        None => {
            record.vendors.push(Vendor {
                vendor: name.clone(),
                system: system.clone(),
                forms: Default::default(),
            });
            record.vendors.len() - 1
        }
    };
    let form = record.vendors[index]
        .forms
        .entry(edition.to_string())
        .or_default();
    form.sent_on = Some(today);
    record.touch(now);
    Ok((name, system))
}

/// Adds a vendor without sending a form (the screen's "add vendor").
pub fn add(
    record: &mut Record,
    vendor: &str,
    system: &str,
    now: DateTime<Utc>,
) -> Result<(), VendorError> {
    let name = check_name("vendor", vendor)?;
    let system = check_name("system", system)?;
    if !record.vendors.iter().any(|v| v.is(&name, &system)) {
        record.vendors.push(Vendor {
            vendor: name,
            system,
            forms: Default::default(),
        });
        record.touch(now);
    }
    Ok(())
}

/// Removes a vendor and what it returned: the hospital no longer has that contract.
pub fn remove(
    record: &mut Record,
    vendor: &str,
    system: &str,
    now: DateTime<Utc>,
) -> Result<Vendor, VendorError> {
    let i = record
        .vendors
        .iter()
        .position(|v| v.is(vendor.trim(), system.trim()))
        .ok_or_else(|| VendorError::Unknown {
            vendor: vendor.to_string(),
            system: system.to_string(),
            known: known(record),
        })?;
    record.touch(now);
    Ok(record.vendors.remove(i))
}
