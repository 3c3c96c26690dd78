//! What a record keeps about each control: the status the user gave (if any), a note, and the
//! vendor's system it concerns. The one path to change it is [`set_mark`], shared by the command
//! line and the matrix screen.

use crate::domain::catalog::{By, Catalog};
use crate::domain::lang::Lang;
use crate::domain::record::control::{ControlMark, ControlStatus};
use crate::domain::record::Record;
use chrono::{DateTime, Utc};

/// Longest note and system name, in characters: a note is a remark, not a document, and a
/// system name fits a column of the vendor brief.
/// The one note limit of every path (see [`crate::domain::limits`]).
pub const NOTE_MAX: usize = crate::domain::limits::NOTE_MAX;
pub const SYSTEM_MAX: usize = 40;

/// A status as typed: one of the five, or `-` to take the user's status back so that the
/// interview's preset applies again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusInput {
    Set(ControlStatus),
    Clear,
}

impl StatusInput {
    pub fn parse(input: &str) -> Result<StatusInput, MarkError> {
        if input == "-" {
            return Ok(StatusInput::Clear);
        }
        ControlStatus::from_id(input)
            .map(StatusInput::Set)
            .ok_or_else(|| MarkError::UnknownStatus {
                value: input.to_string(),
            })
    }
}

/// Why a mark was refused; each message says what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarkError {
    #[error("no control `{control}` in the risk catalogue; controls: {}", allowed.join(", "))]
    UnknownControl {
        control: String,
        allowed: Vec<String>,
    },
    #[error(
        "`{value}` is not a control status; allowed: {}, or - to return to the interview's",
        status_ids()
    )]
    UnknownStatus { value: String },
    #[error("a note is at most {NOTE_MAX} characters ({len} given)")]
    NoteTooLong { len: usize },
    #[error(transparent)]
    Control(#[from] crate::domain::limits::ControlCharacter),
    #[error("a system name is one line of at most {SYSTEM_MAX} characters")]
    BadSystem,
    #[error("`{control}` is done by the hospital: only vendor controls name a vendor system")]
    SystemOnHospitalControl { control: String },
}

fn status_ids() -> String {
    ControlStatus::ALL
        .iter()
        .map(|s| s.id())
        .collect::<Vec<_>>()
        .join(", ")
}

impl MarkError {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            MarkError::UnknownControl { control, allowed } => format!(
                "対策 `{control}` はリスクカタログにありません。対策：{}",
                allowed.join(", ")
            ),
            MarkError::UnknownStatus { value } => format!(
                "`{value}` は対策の状態ではありません。選べるもの：{}（- でヒアリングの値に戻す）",
                status_ids()
            ),
            MarkError::NoteTooLong { len } => {
                format!("メモは{NOTE_MAX}文字以内です（{len}文字あります）")
            }
            MarkError::Control(c) => c.message(Lang::Ja),
            MarkError::BadSystem => {
                format!("システム名は改行なしの{SYSTEM_MAX}文字以内です")
            }
            MarkError::SystemOnHospitalControl { control } => format!(
                "`{control}` は病院が実施する対策です：システム名は事業者の対策にだけ付けられます"
            ),
        }
    }
}

/// What to change on one control; `None` leaves that part as it is, an empty note or system
/// removes it. A status other than unknown answers the question, so it also takes back a
/// pending わからない（事業者に確認）unless `ask_vendor` says otherwise.
#[derive(Debug, Clone, Default)]
pub struct MarkChange<'a> {
    pub status: Option<StatusInput>,
    pub note: Option<&'a str>,
    pub system: Option<&'a str>,
    pub ask_vendor: Option<bool>,
}

/// Checks the whole change first, so that a refused change leaves the record as it was.
pub fn set_mark(
    catalog: &Catalog,
    record: &mut Record,
    control: &str,
    change: MarkChange<'_>,
    now: DateTime<Utc>,
) -> Result<(), MarkError> {
    let Some(c) = catalog.control(control) else {
        return Err(MarkError::UnknownControl {
            control: control.to_string(),
            allowed: catalog.control_ids().map(String::from).collect(),
        });
    };
    let note = change.note.map(str::trim_end);
    if let Some(n) = note {
        let len = n.chars().count();
        if len > NOTE_MAX {
            return Err(MarkError::NoteTooLong { len });
        }
        crate::domain::limits::refuse_control(n, true)?;
    }
    let system = change.system.map(str::trim);
    if let Some(s) = system {
        if s.chars().count() > SYSTEM_MAX || s.contains(['\n', '\r']) {
            return Err(MarkError::BadSystem);
        }
        crate::domain::limits::refuse_control(s, false)?;
        if c.by == By::Hospital && !s.is_empty() {
            return Err(MarkError::SystemOnHospitalControl {
                control: control.to_string(),
            });
        }
    }
    let mut mark = record.controls.remove(control).unwrap_or(ControlMark {
        status: None,
        note: None,
        system: None,
        at: now,
        carried: false,
        ask_vendor: false,
    });
    match change.status {
        Some(StatusInput::Set(s)) => {
            mark.status = Some(s);
            if s != ControlStatus::Unknown {
                mark.ask_vendor = false;
            }
        }
        Some(StatusInput::Clear) => mark.status = None,
        None => {}
    }
    if let Some(ask) = change.ask_vendor {
        mark.ask_vendor = ask;
    }
    if let Some(n) = note {
        mark.note = (!n.is_empty()).then(|| n.to_string());
    }
    if let Some(s) = system {
        mark.system = (!s.is_empty()).then(|| s.to_string());
    }
    mark.at = now;
    mark.carried = false;
    if !mark.is_empty() {
        record.controls.insert(control.to_string(), mark);
    }
    record.touch(now);
    Ok(())
}
