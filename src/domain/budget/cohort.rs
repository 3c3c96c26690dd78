//! A bed class of the survey as 図７ sees it: what its hospitals are estimated to spend (図６,
//! final count) against what its average revenue requires.

use super::model::{self, Levels, PerLevel};
use super::BudgetData;
use crate::domain::cohort::BedClass;
use crate::domain::survey::Survey;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortBudget {
    pub class: BedClass,
    /// 図６: hospitals per bracket, in the survey's bracket order.
    pub counts: Vec<u32>,
    /// How many chose a bracket: the estimate's divisor (102 for 20–99 beds).
    pub chose: u32,
    /// 図６ 最終報告時点, computed from the counts; `None` if nobody chose a bracket.
    pub estimate: Option<i64>,
    /// 図７ (B), (C) at the levels asked for.
    pub required: PerLevel<i64>,
    /// 図７ (A−B), (A−C); negative means short.
    pub shortfall: Option<PerLevel<i64>>,
    /// Where the counts are: "p46 図６".
    pub source: String,
}

impl CohortBudget {
    pub fn of(class: BedClass, levels: Levels, data: &BudgetData, survey: &Survey) -> Self {
        let counts = survey.budget_brackets.row(class).to_vec();
        Self::of_counts(
            class,
            counts,
            &data.representatives(survey),
            levels,
            data,
            &survey.budget_brackets.source,
        )
    }

    /// The same 図６/図７ arithmetic on counts from elsewhere (an aggregate of many records):
    /// `representatives` are the brackets' values in the order of `counts`.
    pub fn of_counts(
        class: BedClass,
        counts: Vec<u32>,
        representatives: &[i64],
        levels: Levels,
        data: &BudgetData,
        source: &str,
    ) -> Self {
        let estimate = model::cohort_estimate(&counts, representatives);
        // Every class has its rows in the checked data; the zero is unreachable.
        let required = data.class_required(class, levels).unwrap_or(PerLevel {
            min: 0,
            sufficient: 0,
        });
        CohortBudget {
            class,
            chose: counts.iter().sum(),
            counts,
            estimate,
            required,
            shortfall: estimate.map(|e| model::shortfall(e, required)),
            source: source.to_string(),
        }
    }
}
