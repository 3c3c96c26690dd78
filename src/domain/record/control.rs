//! What a record keeps about each control of the risk catalogue: the status the user gave (if
//! any), a note, the vendor's system it concerns. Plain data, held by the record; the matrix
//! (`domain::matrix::mark::set_mark`) is the one path that changes it.

use crate::domain::lang::Lang;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlStatus {
    InPlace,
    Partial,
    Missing,
    NotApplicable,
    /// Nobody has said yet. The default: a control is not in place until someone says so.
    Unknown,
}

impl ControlStatus {
    pub const ALL: [ControlStatus; 5] = [
        ControlStatus::InPlace,
        ControlStatus::Partial,
        ControlStatus::Missing,
        ControlStatus::NotApplicable,
        ControlStatus::Unknown,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ControlStatus::InPlace => "in_place",
            ControlStatus::Partial => "partial",
            ControlStatus::Missing => "missing",
            ControlStatus::NotApplicable => "not_applicable",
            ControlStatus::Unknown => "unknown",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ControlStatus::InPlace => lang.pick("実施済み", "in place"),
            ControlStatus::Partial => lang.pick("一部実施", "partial"),
            ControlStatus::Missing => lang.pick("未実施", "missing"),
            ControlStatus::NotApplicable => lang.pick("対象外", "not applicable"),
            ControlStatus::Unknown => lang.pick("不明", "unknown"),
        }
    }

    pub fn from_id(id: &str) -> Option<ControlStatus> {
        ControlStatus::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The next status when a screen cycles with one key.
    pub fn next(self) -> ControlStatus {
        let i = ControlStatus::ALL
            .iter()
            .position(|&s| s == self)
            .unwrap_or(0);
        ControlStatus::ALL[(i + 1) % ControlStatus::ALL.len()]
    }
}

/// The user's word on one control. `status` is `None` when the user has only written a note or
/// named a system: the interview's preset (or unknown) then stands, and keeps following the
/// answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControlMark {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ControlStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The vendor's system the control concerns (電子カルテ, PACS…), for the vendor brief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    pub at: DateTime<Utc>,
    /// Copied from last year's record and not yet set again this year.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
    /// Answered わからない（事業者に確認）: the hospital cannot say, and asks the vendor — the
    /// control goes in the vendor's brief (and, later, its packet) whoever implements it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ask_vendor: bool,
}

impl ControlMark {
    /// Whether the mark says nothing (no status, note, system or question to the vendor): such
    /// a mark is not kept.
    pub fn is_empty(&self) -> bool {
        self.status.is_none() && self.note.is_none() && self.system.is_none() && !self.ask_vendor
    }
}
