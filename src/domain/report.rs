//! The report of one record (`shindan export`, the TUI's `e`), built once in [`model::Report`]
//! and drawn by `print`.

mod build;
pub mod model;
mod money;
mod readiness;
mod risks;
mod standing;
mod summary;

pub use model::{Block, Part, PartId, Report, Step, Table, TableRow};

use super::lang::Lang;
use super::position::BracketDistribution;
use super::survey::render::place;

/// 図６'s heading for the hospital's bed class, as `check` and the report both title it:
/// 「年間セキュリティ予算：300～499床の回答（p46 図６、n=283）」.
pub fn budget_heading(b: &BracketDistribution, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "年間セキュリティ予算：{}の回答（{}、n={}）",
            b.class.label(lang),
            b.source,
            b.n
        ),
        Lang::En => format!(
            "Annual security budget: {} ({}, n={})",
            b.class.label(lang),
            place(b.source, lang),
            b.n
        ),
    }
}
