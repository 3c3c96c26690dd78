//! The report's own tables — 図５, 図６, 図７ and the p34 subsidy amounts — rebuilt from their
//! inputs, so that `budget --report` shows the model is the report's model. Where the report
//! gives a figure without its inputs (the interim estimates), it is quoted and marked so; where
//! a printed figure disagrees with its inputs, both are kept.

use super::cohort::CohortBudget;
use super::model::{self, Levels, PerLevel};
use super::{BudgetData, RevenueEntry, RevenueRow, Worded};
use crate::domain::cohort::BedClass;
use crate::domain::survey::Survey;

/// The report's two counts: the interim report and the final one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Interim,
    Final,
}

/// 図５: one row of the revenue table with its IT budget and requirement.
#[derive(Debug, Clone)]
pub struct Figure5Row {
    pub row: RevenueRow,
    pub revenue: RevenueEntry,
    pub it_budget: i64,
    /// 図５ has the minimum only; the sufficient level is 図７ (C).
    pub required: PerLevel<i64>,
}

pub fn figure5(data: &BudgetData, levels: Levels) -> Vec<Figure5Row> {
    data.revenue
        .rows
        .iter()
        .map(|entry| {
            let it_budget = model::it_budget(entry.total, data.it_rate.rate);
            Figure5Row {
                row: entry.id,
                revenue: entry.clone(),
                it_budget,
                required: model::required(it_budget, levels),
            }
        })
        .collect()
}

/// 図６: bracket counts, the interim estimate (quoted) and the final one (computed).
#[derive(Debug, Clone)]
pub struct Figure6Row {
    pub class: BedClass,
    pub counts: Vec<u32>,
    pub chose: u32,
    /// 中間報告時点, quoted: the report does not give the interim counts.
    pub interim: Option<i64>,
    /// 最終報告時点, computed from `counts`.
    pub final_estimate: Option<i64>,
}

pub fn figure6(data: &BudgetData, survey: &Survey, levels: Levels) -> Vec<Figure6Row> {
    BedClass::ALL
        .into_iter()
        .map(|class| {
            let c = CohortBudget::of(class, levels, data, survey);
            Figure6Row {
                class,
                counts: c.counts,
                chose: c.chose,
                interim: data.interim.estimates.get(&class).copied(),
                final_estimate: c.estimate,
            }
        })
        .collect()
}

/// 図７: estimate (A), requirements (B), (C) and the shortfalls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure7Row {
    pub class: BedClass,
    pub stage: Stage,
    pub estimate: Option<i64>,
    /// The estimate is the report's (interim), not computed from counts.
    pub estimate_quoted: bool,
    pub required: PerLevel<i64>,
    /// Computed: estimate − required.
    pub shortfall: Option<PerLevel<i64>>,
    /// The interim shortfalls as printed, to set beside the computed ones.
    pub printed: Option<PerLevel<i64>>,
}

impl Figure7Row {
    /// Where the printed shortfall is not what its printed inputs give (interim 100–199).
    pub fn disagrees(&self) -> PerLevel<bool> {
        match (self.shortfall, self.printed) {
            (Some(s), Some(p)) => PerLevel {
                min: s.min != p.min,
                sufficient: s.sufficient != p.sufficient,
            },
            _ => PerLevel {
                min: false,
                sufficient: false,
            },
        }
    }
}

pub fn figure7(
    stage: Stage,
    data: &BudgetData,
    survey: &Survey,
    levels: Levels,
) -> Vec<Figure7Row> {
    BedClass::ALL
        .into_iter()
        .map(|class| {
            let cohort = CohortBudget::of(class, levels, data, survey);
            let (estimate, quoted, printed) = match stage {
                Stage::Final => (cohort.estimate, false, None),
                Stage::Interim => (
                    data.interim.estimates.get(&class).copied(),
                    true,
                    data.interim
                        .shortfalls
                        .get(&class)
                        .map(|&(min, sufficient)| PerLevel { min, sufficient }),
                ),
            };
            Figure7Row {
                class,
                stage,
                estimate,
                estimate_quoted: quoted,
                required: cohort.required,
                shortfall: estimate.map(|e| model::shortfall(e, cohort.required)),
                printed,
            }
        })
        .collect()
}

/// p34 (final) / p35 (interim): the subsidy per hospital, computed and as the report words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubsidyRow {
    pub class: BedClass,
    pub stage: Stage,
    /// Thousand yen: the shortfall, or 0 when there is none.
    pub need: Option<PerLevel<i64>>,
    /// 万円, by [`model::round_for_speech`].
    pub by_rule: Option<PerLevel<i64>>,
    /// The report's words ("360万程度").
    pub report: Option<PerLevel<Worded>>,
}

impl SubsidyRow {
    /// Whether the stated rule gives the report's amount.
    pub fn rule_agrees(&self) -> PerLevel<bool> {
        match (&self.by_rule, &self.report) {
            (Some(r), Some(w)) => PerLevel {
                min: r.min == w.min.man,
                sufficient: r.sufficient == w.sufficient.man,
            },
            _ => PerLevel {
                min: false,
                sufficient: false,
            },
        }
    }
}

pub fn subsidy(
    stage: Stage,
    data: &BudgetData,
    survey: &Survey,
    levels: Levels,
) -> Vec<SubsidyRow> {
    let table = match stage {
        Stage::Final => &data.subsidy.final_,
        Stage::Interim => &data.subsidy.interim,
    };
    figure7(stage, data, survey, levels)
        .into_iter()
        .map(|row| {
            let need = row.shortfall.map(|s| s.map(model::subsidy_need));
            SubsidyRow {
                class: row.class,
                stage,
                need,
                by_rule: need.map(|n| n.map(model::round_for_speech)),
                report: table
                    .rows
                    .get(&row.class)
                    .map(|(min, sufficient)| PerLevel {
                        min: min.clone(),
                        sufficient: sufficient.clone(),
                    }),
            }
        })
        .collect()
}
