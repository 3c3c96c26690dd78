//! What a record keeps of the checklist: the hospital's dated answers (every check kept, as the
//! form prints 1回目 and 2回目), the vendors it expects forms from and what they returned.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt;

use super::RecordId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum YesNo {
    Yes,
    No,
}

impl YesNo {
    /// Reads an answer as typed or as it comes back from a vendor's spreadsheet.
    pub fn parse(raw: &str) -> Option<YesNo> {
        match raw.trim().to_lowercase().as_str() {
            "yes" | "y" | "はい" => Some(YesNo::Yes),
            "no" | "n" | "いいえ" => Some(YesNo::No),
            _ => None,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            YesNo::Yes => "yes",
            YesNo::No => "no",
        }
    }

    pub fn label(self, lang: crate::domain::Lang) -> &'static str {
        match self {
            YesNo::Yes => lang.pick("はい", "yes"),
            YesNo::No => lang.pick("いいえ", "no"),
        }
    }
}

impl fmt::Display for YesNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The document an answer rests on (the BCP, the inventory…): its path as the hospital gave it,
/// and its SHA-256 and size at the time, so that an inspector sees which file was meant and
/// whether it changed since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub path: String,
    pub sha256: String,
    pub size: u64,
}

impl Evidence {
    pub fn of_bytes(path: impl Into<String>, bytes: &[u8]) -> Evidence {
        Evidence {
            path: path.into(),
            sha256: hex(&Sha256::digest(bytes)),
            size: bytes.len() as u64,
        }
    }

    /// Compares the file as it is now (its bytes, or `None` when it cannot be read) with what
    /// was recorded.
    pub fn state_of(&self, now: Option<&[u8]>) -> EvidenceState {
        match now {
            None => EvidenceState::Missing,
            Some(bytes) => {
                if bytes.len() as u64 == self.size && hex(&Sha256::digest(bytes)) == self.sha256 {
                    EvidenceState::Unchanged
                } else {
                    EvidenceState::Changed
                }
            }
        }
    }
}

/// A SHA-256 computed piece by piece, for files too large to read at once.
#[derive(Default)]
pub struct EvidenceHasher {
    hasher: Sha256,
    size: u64,
}

impl EvidenceHasher {
    pub fn update(&mut self, bytes: &[u8]) {
        self.hasher.update(bytes);
        self.size += bytes.len() as u64;
    }

    pub fn finish(self, path: impl Into<String>) -> Evidence {
        Evidence {
            path: path.into(),
            sha256: hex(&self.hasher.finalize()),
            size: self.size,
        }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceState {
    Unchanged,
    Changed,
    Missing,
    /// Not looked at (a screen that does not read files).
    NotChecked,
}

impl EvidenceState {
    pub fn label(self, lang: crate::domain::Lang) -> &'static str {
        match self {
            EvidenceState::Unchanged => lang.pick("変更なし", "unchanged"),
            EvidenceState::Changed => lang.pick("記録後に変更あり", "changed since recorded"),
            EvidenceState::Missing => lang.pick("ファイルなし", "file missing"),
            EvidenceState::NotChecked => lang.pick("未照合", "not checked"),
        }
    }
}

/// One check of one item (確認): the answer, the day it was confirmed, the target day for a `no`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemAnswer {
    pub answer: YesNo,
    pub checked_on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// When it was entered.
    pub at: DateTime<Utc>,
    /// Taken over from the previous edition's answers (which items), not checked again yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried: Option<Carried>,
}

/// Where a carried answer came from: the previous edition's items, or — when `record` is set —
/// last year's record (`copy`). Either way it is to confirm: it does not count towards
/// readiness until the item is checked again on a later day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Carried {
    pub edition: String,
    pub items: Vec<String>,
    /// Last year's record the answer was copied from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<RecordId>,
}

/// How one item of the new edition was filled from several of the previous one, kept in the
/// record so that the merge is shown, never silent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarryStep {
    pub into: String,
    pub from: Vec<CarrySource>,
    /// `None` when the sources did not settle it (one unanswered, none `no`): left to answer.
    pub result: Option<YesNo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarrySource {
    pub item: String,
    pub answer: Option<YesNo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_on: Option<NaiveDate>,
}

/// A record's answers to one edition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistAnswers {
    /// Each item's checks, oldest first.
    #[serde(default)]
    pub items: BTreeMap<String, Vec<ItemAnswer>>,
    /// The edition the answers were carried from, when they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<CarryStep>,
}

impl ChecklistAnswers {
    pub fn history(&self, item: &str) -> &[ItemAnswer] {
        self.items.get(item).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn latest(&self, item: &str) -> Option<&ItemAnswer> {
        self.history(item).last()
    }

    /// One edition's answers as next year's record starts them (`copy`): each item's latest check,
    /// with its 確認日 and 目標日 as they were, marked carried from last year's record `from`. The
    /// date stays in sight, and the item counts towards readiness again only when it is checked
    /// on a later day. Earlier checks stay in last year's record: this year's form starts at 1回目.
    pub fn carry_year(&self, edition: &str, from: &RecordId) -> ChecklistAnswers {
        let items = self
            .items
            .iter()
            .filter_map(|(id, history)| {
                let latest = history.last()?;
                let items = latest
                    .carried
                    .as_ref()
                    .map_or_else(|| vec![id.clone()], |c| c.items.clone());
                let carried = ItemAnswer {
                    carried: Some(Carried {
                        edition: edition.to_string(),
                        items,
                        record: Some(from.clone()),
                    }),
                    ..latest.clone()
                };
                Some((id.clone(), vec![carried]))
            })
            .collect();
        ChecklistAnswers {
            items,
            carried_from: None,
            merges: Vec::new(),
        }
    }
}

/// A vendor (and the system it provides) the hospital expects a 事業者確認用 form from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vendor {
    pub vendor: String,
    /// 電子カルテ, PACS, ネットワーク保守…: one vendor may hold several contracts.
    pub system: String,
    /// Per edition: when the form was sent and what came back.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub forms: BTreeMap<String, VendorForm>,
}

impl Vendor {
    pub fn is(&self, vendor: &str, system: &str) -> bool {
        self.vendor == vendor && self.system == system
    }

    pub fn returned(&self, edition: &str) -> Option<&ReturnedForm> {
        self.forms.get(edition).and_then(|f| f.returned.as_ref())
    }

    /// `ベンダーA（電子カルテ）`
    pub fn label(&self) -> String {
        format!("{} ({})", self.vendor, self.system)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendorForm {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned: Option<ReturnedForm>,
}

/// A vendor's filled form as imported: its answers, and the SHA-256 of the file it came in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedForm {
    pub imported_at: DateTime<Utc>,
    pub file_sha256: String,
    #[serde(default)]
    pub items: BTreeMap<String, VendorAnswer>,
    /// The risk-matrix controls the packet asked about, by control id, as the vendor answered.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub controls: BTreeMap<String, ReturnedControl>,
    /// Returned last year and copied with the record: not counted as back until confirmed
    /// (or a new form is imported).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
}

/// A vendor's answer about one risk-matrix control of its system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedControl {
    pub status: crate::domain::record::control::ControlStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendorAnswer {
    pub answer: YesNo,
    pub checked_on: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
