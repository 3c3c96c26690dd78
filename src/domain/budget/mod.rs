//! 提言１ of the 2022 report: what a hospital should spend on security (a share of an IT budget
//! that is itself a share of revenue), what the surveyed hospitals spend, and the gap — for
//! the report's bed classes and for one hospital on its own numbers.
//!
//! The inputs are data (`assets/budget-2022.json`): the revenue table (図２), the rates and the
//! brackets' representative values, and what the report gives without its inputs (the interim
//! estimates of 図６ and the p34 amounts), each with its source. The bracket counts of 図６ are
//! NOT repeated there: `assets/survey-2022.json` (`budget_brackets`) is their one source of
//! truth, shared with the position model, and the budget data is checked against its bracket
//! ids.

pub mod cohort;
pub mod hospital;
pub mod model;
pub mod rate;
pub mod revenue;
pub mod spoken;
pub mod tables;
pub mod typed;

pub use cohort::CohortBudget;
pub use hospital::{
    ActualSource, Assumption, BudgetError, HospitalBudget, Inputs, Origin, RevenueSource, WhatIf,
};
pub use model::{Level, Levels, LevelsError, PerLevel};
pub use rate::{Rate, RateError};
pub use revenue::RevenueRow;

use super::cohort::BedClass;
use super::lang::{Lang, Text};
use super::questionnaire::Questionnaire;
use super::survey::Survey;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const EMBEDDED: &str = include_str!("../../../assets/budget-2022.json");

/// One row of 図２, thousand yen.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevenueEntry {
    pub id: RevenueRow,
    /// As the table heads the row: 20–49 beds, 500 beds and more.
    pub beds: (i64, Option<i64>),
    /// 医業収益.
    pub medical: i64,
    /// 介護収益.
    pub care: i64,
    /// その他の医業・介護関連収益.
    pub other: i64,
    /// 収益合計: the revenue the model uses.
    pub total: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevenueTable {
    pub source: String,
    pub from: Text,
    pub excludes: Text,
    pub rows: Vec<RevenueEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedRate {
    pub rate: Rate,
    pub source: String,
    pub from: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelData {
    pub rate: Rate,
    pub source: String,
    pub label: Text,
    pub from: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelsData {
    pub min: LevelData,
    pub sufficient: LevelData,
}

/// 図６'s 中央値: one amount standing for each bracket, keyed by the `budget_bracket` option id.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brackets {
    pub source: String,
    pub values: BTreeMap<String, i64>,
    pub note: Text,
}

/// What the report gives of its interim count without the counts themselves: quoted figures.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interim {
    pub source: String,
    /// 図６ 中間報告時点.
    pub estimates: BTreeMap<BedClass, i64>,
    /// The table after p47's final 図７; the text prints no page number for it.
    pub shortfalls_source: String,
    /// 図７ 中間集計 as printed: (A−B), (A−C).
    pub shortfalls: BTreeMap<BedClass, (i64, i64)>,
    /// Why the interim figures are quoted.
    pub note: Text,
    /// Why a printed interim shortfall is not what its printed inputs give (100–199 beds).
    pub discrepancy: Text,
}

/// An amount as the report words it ("360万程度", "1億3000万程度", "N/A(0円)"), with the
/// 万円 it says.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Worded {
    pub words: String,
    pub man: i64,
}

impl TryFrom<String> for Worded {
    type Error = String;
    fn try_from(words: String) -> Result<Worded, String> {
        let man = parse_worded(&words)
            .ok_or_else(|| format!("`{words}` is not an amount such as 360万程度 or N/A(0円)"))?;
        Ok(Worded { words, man })
    }
}

impl Worded {
    /// In a sentence: the report's words in Japanese; in English the amount in English with
    /// the words quoted beside it ("about ¥3.6 million (「360万程度」)").
    pub fn said(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => self.words.clone(),
            Lang::En if self.man == 0 => "N/A (¥0)".to_string(),
            Lang::En => format!(
                "{}{} (「{}」)",
                if self.words.ends_with("程度") {
                    "about "
                } else {
                    ""
                },
                spoken::say_man(self.man, lang),
                self.words
            ),
        }
    }

    /// In a table cell: the words, or in English the amount alone ("about ¥3.6 million"; the
    /// table's note quotes 「程度」 once).
    pub fn said_short(&self, lang: Lang) -> String {
        let about = self.words.ends_with("程度");
        match lang {
            Lang::Ja => self.words.clone(),
            Lang::En if self.man == 0 => "N/A (¥0)".to_string(),
            Lang::En if about => format!("~{}", spoken::say_man(self.man, lang)),
            Lang::En => spoken::say_man(self.man, lang),
        }
    }
}

/// "1億3000万程度" → 13,000 (万円); "N/A(0円)" → 0.
fn parse_worded(words: &str) -> Option<i64> {
    if words == "N/A(0円)" {
        return Some(0);
    }
    let amount = words.strip_suffix("程度").unwrap_or(words);
    let amount = amount.strip_suffix('万')?;
    let (oku, man) = match amount.split_once('億') {
        Some((o, m)) => (o.parse::<i64>().ok()?, m),
        None => (0, amount),
    };
    let man: i64 = if man.is_empty() { 0 } else { man.parse().ok()? };
    Some(oku * 10_000 + man)
}

/// p34 (final) or p35 (interim): the subsidy per bed class at (15%, 30%).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubsidyTable {
    pub source: String,
    pub rows: BTreeMap<BedClass, (Worded, Worded)>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subsidy {
    pub source: String,
    pub rule: Text,
    #[serde(rename = "final")]
    pub final_: SubsidyTable,
    pub interim: SubsidyTable,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetData {
    pub title: Text,
    pub unit: Text,
    pub revenue: RevenueTable,
    pub it_rate: SourcedRate,
    pub levels: LevelsData,
    pub brackets: Brackets,
    pub interim: Interim,
    pub subsidy: Subsidy,
}

/// Why the budget data could not be used. Only reachable through a hand-edited asset (the
/// embedded one is checked by the tests), so the messages name what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum BudgetDataError {
    #[error("budget JSON is invalid: {0}")]
    Json(#[from] serde_json::Error),
    #[error("図２ must have the rows {expected:?} in that order, not {got:?}")]
    Rows {
        expected: Vec<&'static str>,
        got: Vec<&'static str>,
    },
    #[error("図２ row {row}: beds {got:?}, but the row is {expected:?}")]
    RowBeds {
        row: &'static str,
        got: (i64, Option<i64>),
        expected: (i64, Option<i64>),
    },
    #[error("図２ row {row}: {medical} + {care} + {other} is not the total {total}")]
    RowSum {
        row: &'static str,
        medical: i64,
        care: i64,
        other: i64,
        total: i64,
    },
    #[error("the minimum rate {min} is above the sufficient rate {sufficient}")]
    Levels { min: Rate, sufficient: Rate },
    #[error("brackets {got:?} are not the survey's 図６ brackets {expected:?}")]
    Brackets {
        expected: Vec<String>,
        got: Vec<String>,
    },
    #[error("bracket {bracket}: {value} is not the middle of its range (or its floor when open), {expected}")]
    Representative {
        bracket: String,
        value: i64,
        expected: i64,
    },
    #[error("{what} has no figure for {class}")]
    MissingClass { what: &'static str, class: BedClass },
    #[error("{what} has no source")]
    NoSource { what: &'static str },
}

impl BudgetData {
    /// The budget data shipped in the binary, parsed and checked once.
    pub fn embedded() -> &'static BudgetData {
        static D: OnceLock<BudgetData> = OnceLock::new();
        D.get_or_init(|| {
            // The embedded asset is checked by the test suite; a failure here is a build
            // defect, not a user error.
            #[allow(clippy::expect_used)]
            BudgetData::parse(EMBEDDED, Questionnaire::embedded(), Survey::embedded())
                .expect("embedded budget data is valid")
        })
    }

    /// Parses and checks budget data against the questionnaire's brackets and the survey's
    /// 図６ table.
    pub fn parse(
        json: &str,
        qn: &Questionnaire,
        survey: &Survey,
    ) -> Result<BudgetData, BudgetDataError> {
        let data: BudgetData = serde_json::from_str(json)?;
        data.check(qn, survey)?;
        Ok(data)
    }

    fn check(&self, qn: &Questionnaire, survey: &Survey) -> Result<(), BudgetDataError> {
        let got: Vec<_> = self.revenue.rows.iter().map(|r| r.id.id()).collect();
        let expected: Vec<_> = RevenueRow::ALL.iter().map(|r| r.id()).collect();
        if got != expected {
            return Err(BudgetDataError::Rows { expected, got });
        }
        for r in &self.revenue.rows {
            if r.beds != r.id.beds() {
                return Err(BudgetDataError::RowBeds {
                    row: r.id.id(),
                    got: r.beds,
                    expected: r.id.beds(),
                });
            }
            if r.medical + r.care + r.other != r.total {
                return Err(BudgetDataError::RowSum {
                    row: r.id.id(),
                    medical: r.medical,
                    care: r.care,
                    other: r.other,
                    total: r.total,
                });
            }
        }
        let (min, sufficient) = (self.levels.min.rate, self.levels.sufficient.rate);
        if min > sufficient {
            return Err(BudgetDataError::Levels { min, sufficient });
        }
        let mut expected = survey.budget_brackets.brackets.clone();
        expected.sort();
        let got: Vec<String> = self.brackets.values.keys().cloned().collect();
        if got != expected {
            return Err(BudgetDataError::Brackets { expected, got });
        }
        let question = qn.question("budget_bracket");
        for (id, &value) in &self.brackets.values {
            let range = question
                .and_then(|q| q.option(id))
                .and_then(|o| o.amount_range);
            let expected = match range {
                Some((lo, Some(hi))) => i64::try_from((lo + hi) / 2).unwrap_or(-1),
                Some((lo, None)) => i64::try_from(lo).unwrap_or(-1),
                None => -1,
            };
            if value != expected {
                return Err(BudgetDataError::Representative {
                    bracket: id.clone(),
                    value,
                    expected,
                });
            }
        }
        for class in BedClass::ALL {
            let missing = [
                (
                    "interim.estimates",
                    self.interim.estimates.contains_key(&class),
                ),
                (
                    "interim.shortfalls",
                    self.interim.shortfalls.contains_key(&class),
                ),
                (
                    "subsidy.final",
                    self.subsidy.final_.rows.contains_key(&class),
                ),
                (
                    "subsidy.interim",
                    self.subsidy.interim.rows.contains_key(&class),
                ),
            ];
            if let Some((what, _)) = missing.into_iter().find(|(_, has)| !has) {
                return Err(BudgetDataError::MissingClass { what, class });
            }
        }
        let sources = [
            ("revenue", &self.revenue.source),
            ("it_rate", &self.it_rate.source),
            ("levels.min", &self.levels.min.source),
            ("levels.sufficient", &self.levels.sufficient.source),
            ("brackets", &self.brackets.source),
            ("interim", &self.interim.source),
            ("interim.shortfalls", &self.interim.shortfalls_source),
            ("subsidy", &self.subsidy.source),
            ("subsidy.final", &self.subsidy.final_.source),
            ("subsidy.interim", &self.subsidy.interim.source),
        ];
        if let Some((what, _)) = sources.into_iter().find(|(_, s)| s.trim().is_empty()) {
            return Err(BudgetDataError::NoSource { what });
        }
        Ok(())
    }

    /// The report's two levels, 15% and 30%.
    pub fn levels(&self) -> Levels {
        PerLevel {
            min: self.levels.min.rate,
            sufficient: self.levels.sufficient.rate,
        }
    }

    pub fn revenue_row(&self, row: RevenueRow) -> Option<&RevenueEntry> {
        self.revenue.rows.iter().find(|r| r.id == row)
    }

    /// A row's requirement at these levels: 図５ at 15%, 図７ (C) at 30%.
    pub fn row_required(&self, row: RevenueRow, levels: Levels) -> Option<PerLevel<i64>> {
        let entry = self.revenue_row(row)?;
        Some(model::required(
            model::it_budget(entry.total, self.it_rate.rate),
            levels,
        ))
    }

    /// A bed class's requirement, as 図７ has it: for 20–99 the floored mean of its two rows.
    pub fn class_required(&self, class: BedClass, levels: Levels) -> Option<PerLevel<i64>> {
        let rows: Option<Vec<_>> = RevenueRow::of_class(class)
            .into_iter()
            .map(|r| self.row_required(r, levels))
            .collect();
        model::mean_required(&rows?)
    }

    /// The representative value of a bracket option, `None` for わからない.
    pub fn representative(&self, bracket: &str) -> Option<i64> {
        self.brackets.values.get(bracket).copied()
    }

    /// The representative values in the order of the survey's 図６ counts.
    pub fn representatives(&self, survey: &Survey) -> Vec<i64> {
        survey
            .budget_brackets
            .brackets
            .iter()
            .map(|b| self.representative(b).unwrap_or(0))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worded_amounts_read_as_man_yen() {
        assert_eq!(parse_worded("360万程度"), Some(360));
        assert_eq!(parse_worded("1億3000万程度"), Some(13_000));
        assert_eq!(parse_worded("1億万程度"), Some(10_000));
        assert_eq!(parse_worded("N/A(0円)"), Some(0));
        assert_eq!(parse_worded("360円"), None);
        assert_eq!(parse_worded("約360万"), None);
    }
}
