//! What a person types on the budget screen to try another figure: a rate as a percentage
//! (20, 12.5, 20%) and a revenue in thousand yen, checked here so that the screen only shows
//! the message. A what-if is checked exactly as strictly as an answer, though it is never saved:
//! a figure the interview would refuse would give a result nobody could reproduce.

use super::model::{self, Level, Levels, LevelsError};
use super::rate::{Rate, RateError};
use crate::domain::lang::Lang;
use crate::domain::questionnaire::{group_thousands, Questionnaire};
use crate::domain::validate;

/// Why a typed what-if figure was refused; every message says what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TypedError {
    #[error("`{input}` is not a percentage: type a number from 0 to 100 (20 or 12.5)")]
    NotAPercent { level: Level, input: String },
    #[error("`{input}` is outside 0–100: type a percentage from 0 to 100 (20 or 12.5)")]
    PercentOutOfRange { level: Level, input: String },
    #[error("`{input}` has too many decimals: at most 4 (12.3456)")]
    TooPrecise { level: Level, input: String },
    #[error("{}", .0)]
    Levels(LevelsError),
    #[error("`{input}` is not a whole number: type the revenue in thousand yen, from {} to {}", group_thousands(*.min), group_thousands(*.max))]
    NotARevenue { input: String, min: i64, max: i64 },
    #[error("{} is outside {}–{}: type the revenue in thousand yen (¥5 billion is 5000000)", group_thousands(*.value), group_thousands(*.min), group_thousands(*.max))]
    RevenueOutOfRange { value: i64, min: i64, max: i64 },
}

impl TypedError {
    /// The field the message belongs under: a rate's level, or `None` for the revenue (and
    /// for the two rates together, shown under the minimum).
    pub fn level(&self) -> Option<Level> {
        match self {
            TypedError::NotAPercent { level, .. }
            | TypedError::PercentOutOfRange { level, .. }
            | TypedError::TooPrecise { level, .. } => Some(*level),
            TypedError::Levels(_) => Some(Level::Min),
            _ => None,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            TypedError::NotAPercent { input, .. } => format!(
                "`{input}` は百分率ではありません：0～100 の数（20、12.5）を入力してください"
            ),
            TypedError::PercentOutOfRange { input, .. } => format!(
                "`{input}` は 0～100 の範囲外です：0～100 の百分率（20、12.5）を入力してください"
            ),
            TypedError::TooPrecise { input, .. } => {
                format!("`{input}` は小数の桁が多すぎます：小数点以下4桁まで（12.3456）")
            }
            TypedError::Levels(e) => e.message(lang),
            TypedError::NotARevenue { input, min, max } => format!(
                "`{input}` は整数ではありません：年間収益を千円単位で {}～{} の整数で入力してください",
                group_thousands(*min),
                group_thousands(*max)
            ),
            TypedError::RevenueOutOfRange { value, min, max } => format!(
                "{} は範囲外です：千円単位で {}～{}（50億円なら 5000000）",
                group_thousands(*value),
                group_thousands(*min),
                group_thousands(*max)
            ),
        }
    }
}

/// A rate typed as a percentage of the IT budget: `20` is 20%, `12.5` is 12.5%, a trailing `%`
/// is allowed, full-width digits are read as ASCII.
pub fn percent(level: Level, raw: &str) -> Result<Rate, TypedError> {
    let input = raw.trim().to_string();
    let bare = input
        .strip_suffix('%')
        .or_else(|| input.strip_suffix('％'))
        .unwrap_or(&input)
        .trim_end();
    if bare.is_empty() {
        return Err(TypedError::NotAPercent { level, input });
    }
    format!("{bare}%").parse::<Rate>().map_err(|e| match e {
        RateError::NotARate { .. } => TypedError::NotAPercent { level, input },
        RateError::OutOfRange { .. } => TypedError::PercentOutOfRange { level, input },
        RateError::TooPrecise { .. } => TypedError::TooPrecise { level, input },
    })
}

/// Both levels as typed, the minimum no higher than the sufficient level.
pub fn levels(min_raw: &str, sufficient_raw: &str) -> Result<Levels, TypedError> {
    let min = percent(Level::Min, min_raw)?;
    let sufficient = percent(Level::Sufficient, sufficient_raw)?;
    model::levels(min, sufficient).map_err(TypedError::Levels)
}

/// A revenue in thousand yen, within the bounds of the `revenue` question.
pub fn revenue(raw: &str) -> Result<i64, TypedError> {
    let q = Questionnaire::embedded().question("revenue");
    let (min, max) = q.and_then(|q| q.min.zip(q.max)).unwrap_or((1, 100_000_000));
    let number = q
        .and_then(|q| validate::parse(q, raw).ok())
        .and_then(|v| v.as_number());
    let Some(value) = number else {
        return Err(TypedError::NotARevenue {
            input: raw.trim().to_string(),
            min,
            max,
        });
    };
    if value < min || value > max {
        return Err(TypedError::RevenueOutOfRange { value, min, max });
    }
    Ok(value)
}

/// How far from the 図２ average of its beds' row a revenue may be before the field asks
/// whether the unit is right: real hospitals of one row differ by a few times, a 千円/円 slip
/// by a thousand.
pub const IMPLAUSIBLE_FACTOR: i64 = 20;

/// A revenue (thousand yen) that is [`IMPLAUSIBLE_FACTOR`] times or more above or below the 図２
/// average revenue of the row of `beds`: that average, to show beside the warning. `None` when
/// the revenue is plausible or the beds have no row (under 20).
pub fn implausible_revenue(thousand: i64, beds: i64) -> Option<i64> {
    let row = super::revenue::RevenueRow::of_beds(beds)?;
    let average = super::BudgetData::embedded().revenue_row(row)?.total;
    if average <= 0 || thousand <= 0 {
        return None;
    }
    let off = thousand >= average.saturating_mul(IMPLAUSIBLE_FACTOR)
        || thousand.saturating_mul(IMPLAUSIBLE_FACTOR) <= average;
    off.then_some(average)
}

/// The warning under a revenue being typed, on the interview and the budget screen's what-if
/// alike: the amount is [`IMPLAUSIBLE_FACTOR`] times off the 図２ average of the beds' row.
pub fn revenue_warning(thousand: i64, beds: i64, lang: Lang) -> Option<String> {
    let average = super::spoken::say(implausible_revenue(thousand, beds)?, lang);
    let factor = IMPLAUSIBLE_FACTOR;
    Some(match lang {
        Lang::Ja => format!("⚠ 同じ病床規模の平均収益（図２）{average} から{factor}倍以上離れています。千円単位か確かめてください"),
        Lang::En => format!("⚠ {factor}× or more off the average revenue of this bed class (figure 2, {average}): is it in thousand yen?"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_is_read_with_or_without_its_sign() {
        assert_eq!(percent(Level::Min, "20").unwrap().percent(), "20%");
        assert_eq!(percent(Level::Min, " 12.5 ").unwrap().percent(), "12.5%");
        assert_eq!(percent(Level::Min, "20%").unwrap().percent(), "20%");
        assert_eq!(percent(Level::Min, "２０％").unwrap().percent(), "20%");
        assert_eq!(percent(Level::Min, "0").unwrap(), Rate::ZERO);
        assert_eq!(percent(Level::Min, "100").unwrap(), Rate::ONE);
    }

    #[test]
    fn a_percentage_outside_0_to_100_is_refused_with_the_range() {
        let e = percent(Level::Sufficient, "150").unwrap_err();
        assert_eq!(
            e,
            TypedError::PercentOutOfRange {
                level: Level::Sufficient,
                input: "150".into()
            }
        );
        assert!(
            e.message(Lang::Ja).contains("0～100"),
            "{}",
            e.message(Lang::Ja)
        );
        assert!(e.message(Lang::En).contains("0–100"));
        assert!(matches!(
            percent(Level::Min, "-5"),
            Err(TypedError::PercentOutOfRange { .. })
        ));
        assert!(matches!(
            percent(Level::Min, "abc"),
            Err(TypedError::NotAPercent { .. })
        ));
        assert!(matches!(
            percent(Level::Min, "%"),
            Err(TypedError::NotAPercent { .. })
        ));
        assert!(matches!(
            percent(Level::Min, "12.34567"),
            Err(TypedError::TooPrecise { .. })
        ));
        assert_eq!(e.level(), Some(Level::Sufficient));
    }

    #[test]
    fn the_minimum_may_not_pass_the_sufficient_level() {
        let l = levels("20", "30").unwrap();
        assert_eq!(
            (l.min.percent(), l.sufficient.percent()),
            ("20%".into(), "30%".into())
        );
        let e = levels("40", "30").unwrap_err();
        assert!(matches!(e, TypedError::Levels(_)));
        assert!(e.message(Lang::Ja).contains("十分水準以下"));
        assert_eq!(e.level(), Some(Level::Min));
    }

    #[test]
    fn a_revenue_is_thousand_yen_within_the_questions_bounds() {
        assert_eq!(revenue("5000000"), Ok(5_000_000));
        assert_eq!(revenue("5,000,000"), Ok(5_000_000));
        assert_eq!(revenue("１２３４"), Ok(1_234));
        let e = revenue("0").unwrap_err();
        assert_eq!(
            e,
            TypedError::RevenueOutOfRange {
                value: 0,
                min: 1,
                max: 100_000_000
            }
        );
        assert!(e.message(Lang::Ja).contains("1～100,000,000"));
        assert!(e.message(Lang::En).contains("thousand yen"));
        let e = revenue("50億").unwrap_err();
        assert!(matches!(e, TypedError::NotARevenue { .. }));
        assert!(
            e.message(Lang::Ja).contains("千円"),
            "{}",
            e.message(Lang::Ja)
        );
        assert!(matches!(
            revenue("-3"),
            Err(TypedError::RevenueOutOfRange { .. })
        ));
        assert_eq!(e.level(), None);
    }

    #[test]
    fn a_revenue_a_thousand_times_off_the_bed_class_average_is_implausible() {
        let row = crate::domain::budget::revenue::RevenueRow::of_beds(350).unwrap();
        let average = crate::domain::budget::BudgetData::embedded()
            .revenue_row(row)
            .unwrap()
            .total;
        assert_eq!(implausible_revenue(average, 350), None);
        assert_eq!(implausible_revenue(average * 3, 350), None);
        assert_eq!(implausible_revenue(average * 1000, 350), Some(average));
        assert_eq!(implausible_revenue(average / 1000, 350), Some(average));
        assert_eq!(implausible_revenue(average, 10), None);
    }
}
