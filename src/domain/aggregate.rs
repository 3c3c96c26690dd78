//! Many hospitals' answers tallied into the report's own tables: respondents by bed class and
//! founder, every indicator's share per cohort with its counts, staff averages, and the budget
//! bracket counts per bed class — so that the next survey can be run with shindan.
//!
//! A [`Tally`] takes one record at a time and keeps only counts: memory stays flat however many
//! files are read.

use super::budget::{BudgetData, CohortBudget, Levels};
use super::cohort::{BedClass, Founder};
use super::indicator::IndicatorValue;
use super::questionnaire::Questionnaire;
use super::record::Record;
use super::survey::BRACKETS;
use serde::Serialize;
use std::collections::BTreeMap;

/// Counts behind one share: `yes` of the `of` records that gave a definite answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub yes: u64,
    pub of: u64,
}

impl Cell {
    pub fn share(&self) -> Option<f64> {
        (self.of > 0).then(|| self.yes as f64 / self.of as f64)
    }

    fn add(&mut self, v: IndicatorValue) {
        if let Some(b) = v.as_bool() {
            self.of += 1;
            if b {
                self.yes += 1;
            }
        }
    }
}

/// Why records did not count for an indicator: the counts say so instead of hiding them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Left {
    pub unknown: u64,
    pub not_applicable: u64,
    pub unanswered: u64,
}

#[derive(Debug, Clone, Default)]
pub struct IndicatorTally {
    pub overall: Cell,
    pub by_bed_class: BTreeMap<BedClass, Cell>,
    pub by_founder: BTreeMap<Founder, Cell>,
    pub left: Left,
}

/// Sum and count of a number, for an average.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Mean {
    pub sum: i64,
    pub n: u64,
}

impl Mean {
    fn add(&mut self, v: Option<i64>) {
        if let Some(v) = v {
            self.sum += v;
            self.n += 1;
        }
    }

    pub fn value(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum as f64 / self.n as f64)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Staff {
    pub total: Mean,
    pub fulltime: Mean,
}

#[derive(Debug, Clone)]
pub struct Tally {
    pub respondents: u64,
    /// Records with every required question answered.
    pub complete: u64,
    pub by_bed_class: BTreeMap<BedClass, u64>,
    pub by_founder: BTreeMap<Founder, u64>,
    /// Records whose beds or founder are not answered: counted overall only.
    pub without_bed_class: u64,
    pub without_founder: u64,
    pub indicators: Vec<(String, IndicatorTally)>,
    pub staff: Staff,
    pub staff_by_bed_class: BTreeMap<BedClass, Staff>,
    pub staff_by_founder: BTreeMap<Founder, Staff>,
    /// 図６: per bed class, the count of each bracket in [`BRACKETS`] order.
    pub brackets: BTreeMap<BedClass, [u64; 5]>,
    /// Per bed class, records that answered "don't know" or gave no bracket.
    pub no_bracket: BTreeMap<BedClass, u64>,
    /// Of those, the ones that answered わからない; the rest left the question open.
    pub bracket_unknown: BTreeMap<BedClass, u64>,
}

impl Tally {
    pub fn new(qn: &Questionnaire) -> Tally {
        Tally {
            respondents: 0,
            complete: 0,
            by_bed_class: BTreeMap::new(),
            by_founder: BTreeMap::new(),
            without_bed_class: 0,
            without_founder: 0,
            indicators: qn
                .indicators
                .iter()
                .map(|i| (i.id.clone(), IndicatorTally::default()))
                .collect(),
            staff: Staff::default(),
            staff_by_bed_class: BTreeMap::new(),
            staff_by_founder: BTreeMap::new(),
            brackets: BTreeMap::new(),
            no_bracket: BTreeMap::new(),
            bracket_unknown: BTreeMap::new(),
        }
    }

    /// Counts one record: an incomplete record counts only where it answered.
    pub fn add(&mut self, qn: &Questionnaire, record: &Record) {
        self.respondents += 1;
        if qn.progress(record).is_complete() {
            self.complete += 1;
        }
        let class = record.bed_class();
        let founder = record.founder();
        match class {
            Some(c) => *self.by_bed_class.entry(c).or_default() += 1,
            None => self.without_bed_class += 1,
        }
        match founder {
            Some(f) => *self.by_founder.entry(f).or_default() += 1,
            None => self.without_founder += 1,
        }
        for (ind, (_, t)) in qn.indicators.iter().zip(self.indicators.iter_mut()) {
            let v = qn.indicator_value(ind, record);
            t.overall.add(v);
            if let Some(c) = class {
                t.by_bed_class.entry(c).or_default().add(v);
            }
            if let Some(f) = founder {
                t.by_founder.entry(f).or_default().add(v);
            }
            match v {
                IndicatorValue::Unknown => t.left.unknown += 1,
                IndicatorValue::NotApplicable => t.left.not_applicable += 1,
                IndicatorValue::Unanswered => t.left.unanswered += 1,
                IndicatorValue::True | IndicatorValue::False => {}
            }
        }
        let number = |q: &str| qn.effective(q, record).and_then(|v| v.as_number());
        let (total, fulltime) = (number("staff_total"), number("staff_fulltime"));
        let staff_add = |s: &mut Staff| {
            s.total.add(total);
            s.fulltime.add(fulltime);
        };
        staff_add(&mut self.staff);
        if let Some(c) = class {
            staff_add(self.staff_by_bed_class.entry(c).or_default());
        }
        if let Some(f) = founder {
            staff_add(self.staff_by_founder.entry(f).or_default());
        }
        if let Some(c) = class {
            let answer = qn
                .effective("budget_bracket", record)
                .and_then(|v| v.as_text());
            match answer.and_then(|b| BRACKETS.iter().position(|x| *x == b)) {
                Some(i) => self.brackets.entry(c).or_default()[i] += 1,
                None => {
                    *self.no_bracket.entry(c).or_default() += 1;
                    if answer.is_some() {
                        *self.bracket_unknown.entry(c).or_default() += 1;
                    }
                }
            }
        }
    }
}

impl Tally {
    /// 図６ and 図７ for this population, per bed class in the report's order: the estimate
    /// from the bracket counts and the shortfall against the class's requirement, by the
    /// report's own arithmetic (floored at every step). Records that chose no bracket are not
    /// in the divisor, as in the report.
    pub fn budget(&self, data: &BudgetData, levels: Levels) -> Vec<CohortBudget> {
        let representatives: Vec<i64> = BRACKETS
            .iter()
            .map(|b| data.representative(b).unwrap_or(0))
            .collect();
        BedClass::ALL
            .into_iter()
            .map(|class| {
                let counts = self.brackets.get(&class).copied().unwrap_or_default();
                // A count beyond u32 (four billion hospitals) is saturated, never wrapped.
                let counts = counts
                    .iter()
                    .map(|&n| u32::try_from(n).unwrap_or(u32::MAX))
                    .collect();
                CohortBudget::of_counts(class, counts, &representatives, levels, data, "aggregate")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey::Survey;

    #[test]
    fn brackets_are_the_survey_s_in_its_order() {
        assert_eq!(Survey::embedded().budget_brackets.brackets, BRACKETS);
    }

    #[test]
    fn the_budget_of_figure_6_s_counts_is_figure_7() {
        let qn = Questionnaire::embedded();
        let mut t = Tally::new(qn);
        for class in BedClass::ALL {
            let row = Survey::embedded().budget_brackets.row(class);
            let mut counts = [0; 5];
            for (c, &n) in counts.iter_mut().zip(row) {
                *c = u64::from(n);
            }
            t.brackets.insert(class, counts);
        }
        let data = BudgetData::embedded();
        let b = t.budget(data, data.levels());
        let est: Vec<_> = b.iter().map(|c| c.estimate).collect();
        assert_eq!(est, [3_946, 4_750, 5_451, 7_359, 11_903].map(Some).to_vec());
        let short: Vec<_> = b
            .iter()
            .map(|c| c.shortfall.map(|s| (s.min, s.sufficient)))
            .collect();
        assert_eq!(
            short,
            [
                (499, -2_948),
                (-3_647, -12_045),
                (-10_455, -26_361),
                (-20_929, -49_217),
                (-58_650, -129_204)
            ]
            .map(Some)
            .to_vec()
        );
        assert_eq!(b[0].chose, 102);
        // Nobody chose a bracket: no estimate, no shortfall, never a division by zero.
        let empty = Tally::new(qn).budget(data, data.levels());
        assert!(empty
            .iter()
            .all(|c| c.estimate.is_none() && c.shortfall.is_none()));
    }
}
