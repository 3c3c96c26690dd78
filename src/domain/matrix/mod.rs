//! The risk control matrix of the report's second proposal (提言2, p36–p41): a risk catalogue
//! shared by the hospital and its IT vendor, the hospital's marks on each control, and what
//! those marks leave covered.
//!
//! [`Catalog`] is the data (`assets/risk-catalog.json`); [`Crosswalk`] maps the interview and
//! the MHLW checklist onto its controls (`assets/crosswalk.json`); [`ControlMark`] is what a
//! record keeps (`domain::record::control`); [`ControlState`] ranks every source's word on a control; [`Coverage`] is
//! everything a heat map or a drill-down shows, computed once so that no screen computes
//! anything; [`Walk`] asks the controls still unknown one at a time; [`VendorBrief`] is the list
//! a hospital hands its vendor.

pub mod brief;
pub mod coverage;
pub mod crosswalk;
pub mod figure;
pub mod mark;
pub mod number;
pub mod source;
pub mod state;
pub mod walk;

pub use crate::domain::catalog::{By, Catalog, CatalogError, Control, Level, Scenario};
pub use crate::domain::record::control::{ControlMark, ControlStatus};
pub use brief::VendorBrief;
pub use coverage::{Coverage, LeafState, Tally};
pub use crosswalk::{Crosswalk, CrosswalkError, Outcome};
pub use figure::CoverageFigure;
pub use mark::{MarkError, StatusInput};
pub use source::{Finding, Rank, StatusSource};
pub use state::{ControlState, Sources};
pub use walk::{Reply, Step, Walk};
