//! The risk control matrix of the report's second proposal (提言2, p36–p41): a risk catalogue
//! shared by the hospital and its IT vendor, the hospital's marks on each control, and what
//! those marks leave covered.
//!
//! [`Catalog`] is the data (`assets/risk-catalog.json`); [`ControlMark`] is what a record keeps;
//! [`Coverage`] is everything a heat map or a drill-down shows, computed once so that no screen
//! computes anything; [`VendorBrief`] is the list a hospital hands its vendor.

pub mod brief;
pub mod catalog;
pub mod coverage;
pub mod mark;
pub mod preset;

pub use brief::VendorBrief;
pub use catalog::{By, Catalog, CatalogError, Control, Level, Scenario};
pub use coverage::{Coverage, LeafState, Tally};
pub use mark::{ControlMark, ControlStatus, MarkError, StatusInput};
pub use preset::{Preset, StatusSource};
