//! Where a next step is done. The domain's words for a step are the same for every front end
//! and name no key and no command; each step carries its [`Target`] instead, which the screen
//! opens (Enter on the step) and the command line turns into the command to run. So a step
//! never tells someone at the screen to type `shindan …`, nor someone at the shell to press a
//! key.

use crate::domain::indicator::Indicator;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// An interview question: the one to answer, or the first that the indicator reads.
    Question { id: String },
    /// A checklist item of an edition: to answer, re-check or settle with a vendor.
    ChecklistItem { edition: String, item: String },
    /// A control of the 提言2 catalogue, to set or to ask the vendor for.
    Control { id: String },
    /// A risk of the catalogue (a category or a 中 risk) with no control to name.
    Risk { id: String },
    /// The controls nobody has given a status for (the hospital's to find out, the vendor's to
    /// ask for in the vendor brief).
    UnknownControls,
    /// A vendor's 事業者確認用: to send (`sent: false`), to have returned, or — last year's
    /// return carried over — to confirm or have returned anew.
    VendorPacket {
        edition: String,
        vendor: String,
        system: String,
        sent: bool,
        carried: bool,
    },
    /// The budget what-if of 提言1, at the hospital's own figures; `budget` (thousand yen) is
    /// the security budget that would reach the level the step names.
    Budget { budget: Option<i64> },
    /// What was carried from last year and not confirmed.
    Carried,
}

impl Target {
    /// A checklist item of an edition.
    pub fn item(edition: &str, item: &str) -> Target {
        Target::ChecklistItem {
            edition: edition.to_string(),
            item: item.to_string(),
        }
    }

    /// The first question an indicator reads: where its answer is given.
    pub fn question_of(ind: &Indicator) -> Target {
        Target::Question {
            id: ind
                .true_if_any
                .first()
                .map_or_else(|| ind.id.clone(), |c| c.question.clone()),
        }
    }
}
