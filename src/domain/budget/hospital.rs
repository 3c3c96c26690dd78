//! 提言１ on one hospital's own numbers, beside its bed class: what it should spend at each
//! level, what it spends, the gap, and which figures were its own and which the survey's.
//!
//! Everything a screen or the command line shows is computed here; a what-if (another
//! revenue, other rates) is a new value computed from the same inputs, and never touches the
//! record.

use super::cohort::CohortBudget;
use super::model::{self, Level, Levels, PerLevel};
use super::rate::Rate;
use super::revenue::RevenueRow;
use super::BudgetData;
use crate::domain::cohort::{BedClass, MIN_HOSPITAL_BEDS};
use crate::domain::lang::Lang;
use crate::domain::questionnaire::{group_thousands, Questionnaire};
use crate::domain::record::Record;
use crate::domain::survey::{bracket_short_label, Survey};
use serde::Serialize;

/// Where the revenue came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RevenueSource {
    /// The hospital's answer (or `--revenue`).
    Own,
    /// 図２'s 合計 for the hospital's row.
    Survey,
    /// Tried on the budget screen; not in the record.
    WhatIf,
}

/// Where the actual budget came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActualSource {
    /// The exact budget the hospital gave.
    Own,
    /// The representative value of its bracket (図６).
    Bracket,
    /// No exact budget and no bracket (or わからない): only the requirement can be shown.
    Unknown,
}

/// How an assumption is marked beside its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Own,
    Survey,
    WhatIf,
    /// Not known (the actual budget when neither an amount nor a bracket is given).
    Unknown,
}

impl Origin {
    pub const ALL: [Origin; 4] = [Origin::Own, Origin::Survey, Origin::WhatIf, Origin::Unknown];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Origin::Own => lang.pick("貴院の数字", "own figure"),
            Origin::Survey => lang.pick("報告書の既定値", "report default"),
            Origin::WhatIf => lang.pick("試した値", "what-if"),
            Origin::Unknown => lang.pick("不明", "unknown"),
        }
    }

    /// The mark beside a value, the same on the screen and the command line: ［試算］.
    pub fn mark(self, lang: Lang) -> &'static str {
        match self {
            Origin::Own => lang.pick("［貴院］", "[own]"),
            Origin::Survey => lang.pick("［既定］", "[default]"),
            Origin::WhatIf => lang.pick("［試算］", "[what-if]"),
            Origin::Unknown => lang.pick("［不明］", "[unknown]"),
        }
    }

    /// What the mark means, as the legend says it.
    pub fn meaning(self, lang: Lang) -> &'static str {
        match self {
            Origin::Own => lang.pick("貴院の数字", "yours"),
            Origin::Survey => lang.pick("報告書の既定値", "report's"),
            Origin::WhatIf => lang.pick("試した値", "tried, unsaved"),
            Origin::Unknown => lang.pick("わからない", "not given"),
        }
    }

    /// Every mark and its meaning on one line (78 columns at most): the one legend of the
    /// budget screen and `shindan budget`, so that a mark never reads two ways.
    pub fn legend(lang: Lang) -> String {
        let parts: Vec<String> = Origin::ALL
            .iter()
            .map(|o| format!("{}{}{}", o.mark(lang), lang.pick("", " "), o.meaning(lang)))
            .collect();
        parts.join(lang.pick(" ", "  "))
    }
}

/// Why the model cannot be computed for a record or for typed input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BudgetError {
    #[error("the number of beds is not answered: the model needs it for the bed class (answer `beds`, 20 or more)")]
    NoBeds,
    #[error("{beds} beds is a clinic (診療所), not a hospital: a hospital has at least 20 beds")]
    NotAHospital { beds: i64 },
}

impl BudgetError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (BudgetError::NoBeds, Lang::Ja) => {
                "病床数が未回答のため試算できません（`beds` に20以上を回答してください）".into()
            }
            (BudgetError::NotAHospital { beds }, Lang::Ja) => format!(
                "{beds}床は診療所です（病院は{MIN_HOSPITAL_BEDS}床以上）：{MIN_HOSPITAL_BEDS}以上を指定してください"
            ),
        }
    }
}

/// What the hospital told: its beds, its revenue if it gave it, its budget as far as known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inputs {
    pub beds: i64,
    pub revenue: Option<i64>,
    pub exact_budget: Option<i64>,
    /// The `budget_bracket` option chosen, `unknown` included.
    pub bracket: Option<String>,
}

impl Inputs {
    /// The answers the model reads, as the figures see them (a question skipped by the
    /// questionnaire's logic counts as unanswered).
    pub fn of(record: &Record, qn: &Questionnaire) -> Result<Inputs, BudgetError> {
        let number = |id: &str| qn.effective(id, record).and_then(|v| v.as_number());
        let beds = number("beds").ok_or(BudgetError::NoBeds)?;
        Ok(Inputs {
            beds,
            revenue: number("revenue"),
            exact_budget: number("budget_amount"),
            bracket: qn
                .effective("budget_bracket", record)
                .and_then(|v| v.as_text())
                .map(str::to_string),
        })
    }
}

/// Another revenue or other rates, tried without changing the record. A screen checks a typed
/// revenue as the `revenue` question does (`validate::parse`/`check`, 1–100,000,000) and rates
/// with [`Rate`]'s parser and [`model::levels`] before building one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WhatIf {
    pub revenue: Option<i64>,
    pub levels: Option<Levels>,
}

/// One line of "which numbers is this built on": a screen lists them, marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assumption {
    pub label: String,
    pub value: String,
    pub origin: Origin,
    /// Where the value comes from, in words (the report's page, the answer).
    pub from: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HospitalBudget {
    pub inputs: Inputs,
    pub bed_class: BedClass,
    /// The row of 図２ the hospital's beds fall in (20–49 or 50–99 for the 20–99 class).
    pub revenue_row: RevenueRow,
    pub revenue: i64,
    pub revenue_source: RevenueSource,
    pub it_rate: Rate,
    pub levels: Levels,
    /// The report's levels (15%, 30%), to mark rates that differ as what-ifs.
    pub report_levels: Levels,
    pub it_budget: i64,
    pub required: PerLevel<i64>,
    /// `None` when unknown: then only the requirement is shown.
    pub actual: Option<i64>,
    pub actual_source: ActualSource,
    /// Actual − required; negative means short.
    pub shortfall: Option<PerLevel<i64>>,
    /// The subsidy the report's logic asks for: the shortfall, or 0 when there is none.
    pub subsidy_need: Option<PerLevel<i64>>,
    /// The hospital's bed class, at the same levels, beside it.
    pub cohort: CohortBudget,
    /// Some figure here was tried on the screen rather than taken from the record.
    pub what_if: bool,
}

impl HospitalBudget {
    /// The model for a record, on the embedded data, at the given levels (the report's:
    /// [`BudgetData::levels`]).
    pub fn of(record: &Record, levels: Levels) -> Result<HospitalBudget, BudgetError> {
        let inputs = Inputs::of(record, Questionnaire::embedded())?;
        Self::compute(inputs, levels, BudgetData::embedded(), Survey::embedded())
    }

    /// The model from inputs, on any data (the tests give their own).
    pub fn compute(
        inputs: Inputs,
        levels: Levels,
        data: &BudgetData,
        survey: &Survey,
    ) -> Result<HospitalBudget, BudgetError> {
        let row = RevenueRow::of_beds(inputs.beds)
            .ok_or(BudgetError::NotAHospital { beds: inputs.beds })?;
        let (revenue, revenue_source) = match inputs.revenue {
            Some(own) => (own, RevenueSource::Own),
            None => (
                data.revenue_row(row).map_or(0, |r| r.total),
                RevenueSource::Survey,
            ),
        };
        let it_rate = data.it_rate.rate;
        let it_budget = model::it_budget(revenue, it_rate);
        let required = model::required(it_budget, levels);
        let representative = inputs
            .bracket
            .as_deref()
            .and_then(|b| data.representative(b));
        let (actual, actual_source) = match (inputs.exact_budget, representative) {
            (Some(own), _) => (Some(own), ActualSource::Own),
            (None, Some(value)) => (Some(value), ActualSource::Bracket),
            (None, None) => (None, ActualSource::Unknown),
        };
        let shortfall = actual.map(|a| model::shortfall(a, required));
        Ok(HospitalBudget {
            bed_class: row.class(),
            revenue_row: row,
            revenue,
            revenue_source,
            it_rate,
            levels,
            report_levels: data.levels(),
            it_budget,
            required,
            actual,
            actual_source,
            shortfall,
            subsidy_need: shortfall.map(|s| s.map(model::subsidy_need)),
            cohort: CohortBudget::of(row.class(), levels, data, survey),
            what_if: false,
            inputs,
        })
    }

    /// The same hospital with another revenue and/or other rates; the record is not touched,
    /// and the result says it is a what-if.
    pub fn what_if(&self, w: WhatIf, data: &BudgetData, survey: &Survey) -> HospitalBudget {
        let mut inputs = self.inputs.clone();
        if let Some(r) = w.revenue {
            inputs.revenue = Some(r);
        }
        let levels = w.levels.unwrap_or(self.levels);
        // The inputs were valid for `self`, so they still are.
        let mut out = Self::compute(inputs, levels, data, survey).unwrap_or_else(|_| self.clone());
        if w.revenue.is_some() && w.revenue != self.inputs.revenue {
            out.revenue_source = RevenueSource::WhatIf;
        } else {
            out.revenue_source = self.revenue_source;
        }
        out.what_if =
            self.what_if || out.revenue_source == RevenueSource::WhatIf || levels != self.levels;
        out
    }

    /// Whether a level's rate is the report's or one being tried.
    pub fn rate_origin(&self, level: Level) -> Origin {
        if self.levels.get(level) == self.report_levels.get(level) {
            Origin::Survey
        } else {
            Origin::WhatIf
        }
    }

    /// The figures the model stands on, each marked own / report default / what-if.
    pub fn assumptions(&self, lang: Lang, data: &BudgetData) -> Vec<Assumption> {
        let thousand = |n: i64| {
            let g = group_thousands(n);
            lang.pick_with(|| format!("{g}千円"), || format!("¥{g} thousand"))
        };
        let row_label = self.revenue_row.label(lang);
        let mut out = vec![Assumption {
            label: lang.pick("年間収益", "Annual revenue").into(),
            value: thousand(self.revenue),
            origin: match self.revenue_source {
                RevenueSource::Own => Origin::Own,
                RevenueSource::Survey => Origin::Survey,
                RevenueSource::WhatIf => Origin::WhatIf,
            },
            from: match self.revenue_source {
                RevenueSource::Own => lang.pick("貴院の回答", "your answer").into(),
                RevenueSource::Survey => format!(
                    "{} {row_label}{}",
                    crate::domain::survey::render::place(&data.revenue.source, lang),
                    lang.pick("の収益合計", " total revenue")
                ),
                RevenueSource::WhatIf => lang
                    .pick("記録には保存されません", "not saved in the record")
                    .into(),
            },
        }];
        out.push(Assumption {
            label: lang
                .pick("収益に対するIT予算の率", "IT budget / revenue")
                .into(),
            value: self.it_rate.percent(),
            origin: Origin::Survey,
            from: format!(
                "{} {}",
                crate::domain::survey::render::place(&data.it_rate.source, lang),
                data.it_rate.from.get(lang)
            ),
        });
        for (level, rate) in self.levels.each() {
            let entry = match level {
                Level::Min => &data.levels.min,
                Level::Sufficient => &data.levels.sufficient,
            };
            let origin = self.rate_origin(level);
            out.push(Assumption {
                label: match level {
                    Level::Min => lang.pick(
                        "必要最低水準（IT予算に対する率）",
                        "Minimum level (share of IT budget)",
                    ),
                    Level::Sufficient => lang.pick(
                        "十分水準（IT予算に対する率）",
                        "Sufficient level (share of IT budget)",
                    ),
                }
                .into(),
                value: rate.percent(),
                origin,
                from: match origin {
                    Origin::WhatIf => format!(
                        "{}{}",
                        lang.pick("報告書は ", "the report uses "),
                        entry.rate.percent()
                    ),
                    _ => crate::domain::survey::render::place(&entry.source, lang),
                },
            });
        }
        let bracket = self.inputs.bracket.as_deref();
        let bracket_label = bracket
            .and_then(|b| bracket_short_label(b, lang))
            .unwrap_or_default();
        out.push(Assumption {
            label: lang
                .pick("実際のセキュリティ予算", "Actual security budget")
                .into(),
            value: match self.actual {
                Some(a) => thousand(a),
                None => lang.pick("不明", "unknown").into(),
            },
            origin: match self.actual_source {
                ActualSource::Own => Origin::Own,
                ActualSource::Bracket => Origin::Survey,
                ActualSource::Unknown => Origin::Unknown,
            },
            from: match self.actual_source {
                ActualSource::Own => lang
                    .pick("貴院の回答（実額）", "your answer (exact)")
                    .into(),
                ActualSource::Bracket => lang.pick_with(
                    || {
                        format!(
                            "予算区分 {bracket_label} の代表値（{}）",
                            data.brackets.source
                        )
                    },
                    || {
                        format!(
                            "the representative value of {bracket_label} ({})",
                            crate::domain::survey::render::place(&data.brackets.source, lang)
                        )
                    },
                ),
                ActualSource::Unknown => match bracket {
                    Some(_) => lang
                        .pick("予算区分が「わからない」", "budget bracket: don't know")
                        .into(),
                    None => lang
                        .pick("予算区分が未回答", "budget bracket not answered")
                        .into(),
                },
            },
        });
        out.push(Assumption {
            label: lang.pick("比べる病床規模", "Compared with").into(),
            value: self.cohort.class.label(lang).into(),
            origin: Origin::Survey,
            from: format!(
                "{}{}{}",
                crate::domain::survey::render::place(&self.cohort.source, lang),
                lang.pick("（最終集計）、区分を答えた", " (final count), "),
                lang.pick_with(
                    || format!("{}病院", self.cohort.chose),
                    || format!("{} hospitals that chose a bracket", self.cohort.chose)
                )
            ),
        });
        out
    }
}
