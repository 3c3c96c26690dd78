//! The arithmetic of 提言１, step by step as the report does it: whole thousand yen, floored at
//! every step. Nothing here knows about records or the embedded data, so the same functions
//! serve one hospital, a bed class of the report and (later) an aggregate of many records.

use super::rate::Rate;
use crate::domain::lang::Lang;
use serde::Serialize;

/// A figure at the two levels the report computes: the minimum (15% of the IT budget) and the
/// sufficient level for the first few years (30%).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PerLevel<T> {
    pub min: T,
    pub sufficient: T,
}

impl<T: Copy> PerLevel<T> {
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> PerLevel<U> {
        PerLevel {
            min: f(self.min),
            sufficient: f(self.sufficient),
        }
    }

    /// Both figures with their level, minimum first.
    pub fn each(self) -> [(Level, T); 2] {
        [(Level::Min, self.min), (Level::Sufficient, self.sufficient)]
    }

    pub fn get(self, level: Level) -> T {
        match level {
            Level::Min => self.min,
            Level::Sufficient => self.sufficient,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Level {
    Min,
    Sufficient,
}

impl Level {
    pub fn id(self) -> &'static str {
        match self {
            Level::Min => "min",
            Level::Sufficient => "sufficient",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Level::Min => lang.pick("必要最低水準", "minimum level"),
            Level::Sufficient => lang.pick("十分水準", "sufficient level"),
        }
    }
}

/// The two security rates, checked so that the minimum is never above the sufficient level.
pub type Levels = PerLevel<Rate>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the minimum rate {min} is above the sufficient rate {sufficient}: the minimum must be at most the sufficient rate")]
pub struct LevelsError {
    pub min: Rate,
    pub sufficient: Rate,
}

impl LevelsError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Ja => format!(
                "最低水準の率 {} が十分水準の率 {} を上回っています：最低水準は十分水準以下にしてください",
                self.min, self.sufficient
            ),
        }
    }
}

/// The two rates, refused when the minimum is above the sufficient level (equal is allowed: a
/// user may look at one level only).
pub fn levels(min: Rate, sufficient: Rate) -> Result<Levels, LevelsError> {
    if min > sufficient {
        return Err(LevelsError { min, sufficient });
    }
    Ok(PerLevel { min, sufficient })
}

/// 図２: the IT budget a hospital of this revenue would have at other industries' rate.
pub fn it_budget(revenue: i64, it_rate: Rate) -> i64 {
    it_rate.floor_of(revenue)
}

/// 図５ and 図７ (B), (C): the security budget other industries' shares imply.
pub fn required(it_budget: i64, levels: Levels) -> PerLevel<i64> {
    levels.map(|rate| rate.floor_of(it_budget))
}

/// 図７ ※1: the survey's 20–99 class is two rows of MHLW's table; the report takes the mean
/// of their requirements, floored (3,447 from 2,667 and 4,227).
pub fn mean_required(rows: &[PerLevel<i64>]) -> Option<PerLevel<i64>> {
    let n = i64::try_from(rows.len()).ok().filter(|n| *n > 0)?;
    let sum = |level: Level| rows.iter().map(|r| r.get(level)).sum::<i64>();
    Some(PerLevel {
        min: sum(Level::Min).div_euclid(n),
        sufficient: sum(Level::Sufficient).div_euclid(n),
    })
}

/// 図６: a cohort's estimated actual budget from how many chose each bracket — each bracket's
/// representative value times its count, summed, divided by all who chose a bracket, floored.
/// `None` when nobody chose one. `counts` and `representatives` are in the same bracket order.
pub fn cohort_estimate(counts: &[u32], representatives: &[i64]) -> Option<i64> {
    let chose: i64 = counts.iter().map(|&c| i64::from(c)).sum();
    if chose == 0 {
        return None;
    }
    let total: i64 = counts
        .iter()
        .zip(representatives)
        .map(|(&c, &v)| i64::from(c) * v)
        .sum();
    Some(total.div_euclid(chose))
}

/// 図７ (A−B), (A−C): what is had minus what is required; negative means short.
pub fn shortfall(actual: i64, required: PerLevel<i64>) -> PerLevel<i64> {
    required.map(|r| actual - r)
}

/// p34: the public subsidy the report asks for is the shortfall, or nothing when there is none
/// (N/A(0円) for 20–99 beds at 15%).
pub fn subsidy_need(shortfall: i64) -> i64 {
    (-shortfall).max(0)
}

/// p34's "程度" amounts, by the one stated rule shindan uses: the need in 万円 rounded half up
/// to two significant figures (never finer than 1万円). It gives 6 of the report's 9 final
/// amounts; the report's own wording is kept beside it for the other three (1050万, 300万,
/// 5000万), because no single rule reproduces them all. Returns 万円.
pub fn round_for_speech(need_thousand: i64) -> i64 {
    let need = need_thousand.max(0);
    // In thousand yen, two significant figures; the step is at least 10 (= 1万円).
    let digits = need.checked_ilog10().map_or(1, |d| d + 1);
    let step = 10_i64.pow(digits.saturating_sub(2)).max(10);
    let rounded = (need + step / 2) / step * step;
    rounded / 10
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Rate {
        s.parse().unwrap()
    }

    #[test]
    fn levels_refuse_a_minimum_above_the_sufficient_level() {
        assert!(levels(r("0.15"), r("0.30")).is_ok());
        assert!(levels(r("0.2"), r("0.2")).is_ok());
        let e = levels(r("0.4"), r("0.3")).unwrap_err();
        assert!(e.to_string().contains("40%"), "{e}");
        assert!(e.message(Lang::Ja).contains("十分水準以下"));
    }

    #[test]
    fn estimate_is_a_pure_function_of_counts() {
        let reps = [2_500, 7_500, 15_000, 35_000, 50_000];
        assert_eq!(cohort_estimate(&[88, 9, 3, 2, 0], &reps), Some(3_946));
        assert_eq!(cohort_estimate(&[0, 0, 0, 0, 0], &reps), None);
        assert_eq!(cohort_estimate(&[], &reps), None);
        assert_eq!(cohort_estimate(&[0, 1, 0, 0, 0], &reps), Some(7_500));
    }

    #[test]
    fn mean_of_two_rows_is_floored() {
        let a = PerLevel {
            min: 2_667,
            sufficient: 5_334,
        };
        let b = PerLevel {
            min: 4_227,
            sufficient: 8_454,
        };
        assert_eq!(
            mean_required(&[a, b]),
            Some(PerLevel {
                min: 3_447,
                sufficient: 6_894
            })
        );
        assert_eq!(mean_required(&[]), None);
    }

    #[test]
    fn speech_rounds_to_two_figures_in_man_yen() {
        assert_eq!(round_for_speech(3_647), 360);
        assert_eq!(round_for_speech(20_929), 2_100);
        assert_eq!(round_for_speech(129_204), 13_000);
        assert_eq!(round_for_speech(10_455), 1_000);
        assert_eq!(round_for_speech(47), 5);
        assert_eq!(round_for_speech(4), 0);
        assert_eq!(round_for_speech(0), 0);
        assert_eq!(round_for_speech(-5), 0);
        assert_eq!(subsidy_need(499), 0);
        assert_eq!(subsidy_need(-2_948), 2_948);
    }
}
