//! The MHLW cyber-security checklist (医療機関におけるサイバーセキュリティ対策チェックリスト):
//! editions as data, the hospital's dated answers, the vendors' forms, readiness for the
//! 立入検査. The contract is `shared/spec/mhlw-checklist.md`.

pub mod carry;
pub mod date;
pub mod diff;
pub mod edition;
pub mod label;
pub mod risk_link;
pub mod rules;
pub mod view;

pub use crate::domain::record::checklist_answers::{
    ChecklistAnswers, Evidence, EvidenceState, ItemAnswer, Vendor, YesNo,
};
pub use edition::{Device, Edition, EditionError, Editions, Form, Item, Wording};
pub use rules::{AnswerInput, ChecklistError};
pub use view::{ChecklistView, Missing, Readiness, Row, RowStatus};
