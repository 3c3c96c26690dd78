//! Where what is typed and not yet recorded waits in the record's `drafts`: one key type for
//! every screen, so that no screen spells another's keys by hand and two screens cannot meet
//! under one key.
//!
//! The keys are stored as text in the record file (`checklist/mhlw-r7/c3_bcp`); the text of
//! each kind is fixed here, once, and must not change: records written before read the same.

use crate::domain::record::Draft;
use crate::domain::Record;
use std::fmt;

const CHECKLIST: &str = "checklist/";
const CONTROL: &str = "matrix/";
const CONTACT: &str = "contacts/";
const CONTACT_VENDOR: &str = "contacts/vendor/";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftKey {
    /// A question of the interview, under its id alone (the domain drops it when the question
    /// is answered).
    Question(String),
    /// An item of one checklist edition: its dates being typed and a note written before the
    /// answer.
    ChecklistItem { edition: String, item: String },
    /// A note on a risk-matrix control, in the controls list or the walk-through.
    Control(String),
    /// A person's place in the contact chart (the hospital's own positions).
    Contact(String),
    /// A vendor's contact for one system in the contact chart.
    VendorContact { vendor: String, system: String },
}

impl fmt::Display for DraftKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftKey::Question(id) => write!(f, "{id}"),
            DraftKey::ChecklistItem { edition, item } => write!(f, "{CHECKLIST}{edition}/{item}"),
            DraftKey::Control(id) => write!(f, "{CONTROL}{id}"),
            DraftKey::Contact(position) => write!(f, "{CONTACT}{position}"),
            DraftKey::VendorContact { vendor, system } => {
                write!(f, "{CONTACT_VENDOR}{vendor}/{system}")
            }
        }
    }
}

impl DraftKey {
    pub fn checklist(edition: &str, item: &str) -> DraftKey {
        DraftKey::ChecklistItem {
            edition: edition.to_string(),
            item: item.to_string(),
        }
    }

    pub fn control(id: &str) -> DraftKey {
        DraftKey::Control(id.to_string())
    }

    /// The draft kept under this key, if any.
    pub fn get<'r>(&self, record: &'r Record) -> Option<&'r Draft> {
        record.draft(&self.to_string())
    }

    /// Keeps `draft` under this key (an empty one removes it). For changes made inside
    /// `Session::update`; elsewhere `Session::set_draft` also marks the record unsaved.
    pub fn set(&self, record: &mut Record, draft: Draft) {
        record.set_draft(&self.to_string(), draft);
    }

    /// The drafts of one checklist edition's items: `(item id, draft)`, in id order.
    pub fn checklist_items<'r>(
        record: &'r Record,
        edition: &str,
    ) -> impl Iterator<Item = (&'r str, &'r Draft)> + 'r {
        let prefix = format!("{CHECKLIST}{edition}/");
        under(record, prefix)
    }

    /// The drafts of control notes: `(control id, draft)`, in id order.
    pub fn controls(record: &Record) -> impl Iterator<Item = (&str, &Draft)> {
        under(record, CONTROL.to_string())
    }
}

fn under(record: &Record, prefix: String) -> impl Iterator<Item = (&str, &Draft)> {
    record
        .drafts
        .range(prefix.clone()..)
        .map_while(move |(k, d)| Some((k.strip_prefix(prefix.as_str())?, d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records on disk keep their drafts under these texts: they must read the same.
    #[test]
    fn the_stored_text_of_each_kind_is_as_records_have_it() {
        let keys = [
            (
                DraftKey::Question("backup_offline".into()),
                "backup_offline",
            ),
            (
                DraftKey::checklist("mhlw-r7", "c3_bcp"),
                "checklist/mhlw-r7/c3_bcp",
            ),
            (DraftKey::control("c_backup"), "matrix/c_backup"),
            (DraftKey::Contact("ciso".into()), "contacts/ciso"),
            (
                DraftKey::VendorContact {
                    vendor: "ベンダーA".into(),
                    system: "PACS".into(),
                },
                "contacts/vendor/ベンダーA/PACS",
            ),
        ];
        for (key, text) in keys {
            assert_eq!(key.to_string(), text);
        }
    }

    #[test]
    fn an_editions_drafts_are_its_own() {
        let mut r = Record::new(
            crate::domain::RecordId::new(2026, 1),
            chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap_or_default(),
            chrono::DateTime::UNIX_EPOCH,
        );
        let note = |n: &str| Draft {
            value: None,
            note: Some(n.to_string()),
        };
        DraftKey::checklist("mhlw-r7", "c1").set(&mut r, note("a"));
        DraftKey::checklist("mhlw-r7", "c2").set(&mut r, note("b"));
        DraftKey::checklist("mhlw-r6", "c1").set(&mut r, note("old"));
        DraftKey::control("c_backup").set(&mut r, note("m"));
        let items: Vec<_> = DraftKey::checklist_items(&r, "mhlw-r7")
            .map(|(i, d)| (i.to_string(), d.note.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            items,
            [("c1".into(), "a".into()), ("c2".into(), "b".into())]
        );
        let controls: Vec<_> = DraftKey::controls(&r).map(|(c, _)| c).collect();
        assert_eq!(controls, ["c_backup"]);
    }
}
