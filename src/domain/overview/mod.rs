//! The overview of one record: where the hospital stands against its cohorts, how
//! much of the 提言2 risk catalogue it covers, how far its security budget falls short of
//! 提言1, how ready its MHLW checklist is — and what to do first.
//!
//! It computes nothing the other domains do not: it takes the position, coverage, budget and
//! checklist views, keeps what a glance needs ([`summary`]) and ranks the next steps from them
//! ([`next_steps`]). The screen and `shindan check` lay out this one value, so they agree.

mod common_gaps;
pub mod coverage;
pub mod next_steps;
mod quota;
pub mod summary;
pub mod target;

pub use next_steps::{NextStep, Tier};
pub use summary::{
    BudgetSummary, ChecklistSummary, CoverageSummary, DefaultFigure, PositionSummary, RiskLevel,
    UncoveredRisk, Worry,
};
pub use target::Target;

use super::budget::{BudgetData, HospitalBudget};
use super::carried::Carried;
use super::checklist::ChecklistView;
use super::matrix::{Catalog, Coverage};
use super::position::Position;
use super::questionnaire::Progress;
use super::survey::Survey;
use super::{Questionnaire, Record, RecordId};

#[derive(Debug, Clone)]
pub struct Overview<'a> {
    pub record: RecordId,
    pub name: Option<String>,
    /// The interview's progress: answered or confirmed this year, and carried apart.
    pub progress: Progress,
    /// What is still carried from last year, to confirm.
    pub carried: Carried,
    pub position: PositionSummary<'a>,
    pub coverage: CoverageSummary<'a>,
    pub budget: BudgetSummary,
    /// `None` when no checklist edition is known (none shipped and none given).
    pub checklist: Option<ChecklistSummary>,
    pub next_steps: Vec<NextStep>,
}

impl<'a> Overview<'a> {
    /// The overview of a record on the given data. The checklist view is built by the caller,
    /// which knows the day and the evidence files (the domain reads no files).
    pub fn build(
        record: &Record,
        qn: &'a Questionnaire,
        survey: &'a Survey,
        catalog: &'a Catalog,
        checklist: Option<&ChecklistView<'_>>,
    ) -> Overview<'a> {
        let pos = Position::of(record, qn, survey);
        let position = PositionSummary::of(&pos);
        let coverage = CoverageSummary::of(&Coverage::of(catalog, record, qn));
        let budget = BudgetSummary::of(HospitalBudget::of(record, BudgetData::embedded().levels()));
        let checklist = checklist.map(ChecklistSummary::of);
        let carried = Carried::of(record, qn);
        let next_steps = next_steps::rank(&next_steps::Evidence {
            position: &position,
            coverage: &coverage,
            budget: &budget,
            checklist: checklist.as_ref(),
            survey,
            catalog,
            carried: &carried,
            previous: record.previous.as_ref(),
        });
        Overview {
            record: record.id.clone(),
            name: record.hospital_name().map(str::to_string),
            progress: qn.progress(record),
            carried,
            position,
            coverage,
            budget,
            checklist,
            next_steps,
        }
    }

    /// On the embedded questionnaire and catalogue, against `survey` (the run's: the 2022 report
    /// unless `--survey` named an aggregate).
    pub fn of<'s>(
        record: &Record,
        survey: &'s Survey,
        checklist: Option<&ChecklistView<'_>>,
    ) -> Overview<'s> {
        Overview::build(
            record,
            Questionnaire::embedded(),
            survey,
            Catalog::embedded(),
            checklist,
        )
    }
}
