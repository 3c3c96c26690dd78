//! A share such as 2.21%, 15% or a user's 20%, kept as an exact fraction so that flooring
//! `revenue × rate` gives the report's yen and not a float's (`20,000 × 0.15` is
//! 2,999.9999… in binary floating point).

use crate::domain::lang::Lang;
use serde::Deserialize;
use std::fmt;
use std::str::FromStr;

/// Parts per million: six decimal places of a fraction, enough for any rate a person types
/// (0.0221, 0.125, 12.5%).
const SCALE: i64 = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct Rate {
    ppm: i64,
}

/// Why a typed rate was refused; the message says what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RateError {
    #[error("`{input}` is not a rate: write a fraction from 0 to 1 (0.15) or a percentage (15%)")]
    NotARate { input: String },
    #[error("`{input}` is outside 0–1: write a fraction from 0 to 1 (0.15) or a percentage from 0% to 100%")]
    OutOfRange { input: String },
    #[error("`{input}` has too many decimals: at most 6 (0.000001)")]
    TooPrecise { input: String },
}

impl RateError {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            RateError::NotARate { input } => format!(
                "`{input}` は率ではありません：0～1 の小数（0.15）か百分率（15%）で書いてください"
            ),
            RateError::OutOfRange { input } => format!(
                "`{input}` は 0～1 の範囲外です：0～1 の小数（0.15）か 0%～100% で書いてください"
            ),
            RateError::TooPrecise { input } => {
                format!("`{input}` は小数の桁が多すぎます：小数点以下6桁まで（0.000001）")
            }
        }
    }
}

impl Rate {
    pub const ZERO: Rate = Rate { ppm: 0 };
    pub const ONE: Rate = Rate { ppm: SCALE };

    /// `per_million` millionths: `Rate::from_ppm(150_000)` is 15%.
    pub fn from_ppm(per_million: i64) -> Option<Rate> {
        (0..=SCALE)
            .contains(&per_million)
            .then_some(Rate { ppm: per_million })
    }

    pub fn ppm(self) -> i64 {
        self.ppm
    }

    /// `floor(amount × rate)`, exactly, as the report truncates every step.
    pub fn floor_of(self, amount: i64) -> i64 {
        let product = i128::from(amount) * i128::from(self.ppm);
        // |amount| × 10⁶ / 10⁶ never leaves i64.
        i64::try_from(product.div_euclid(i128::from(SCALE))).unwrap_or(i64::MAX)
    }

    /// As a percentage with the decimals it needs: 15%, 2.21%, 12.5%.
    pub fn percent(self) -> String {
        // ppm / 10_000 is the percentage; up to four decimals.
        let whole = self.ppm / 10_000;
        let frac = self.ppm % 10_000;
        if frac == 0 {
            return format!("{whole}%");
        }
        let digits = format!("{frac:04}");
        format!("{whole}.{}%", digits.trim_end_matches('0'))
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.percent())
    }
}

/// Reads `0.15`, `.15`, `1`, `15%`, `2.21%`; full-width digits as a Japanese input method gives
/// them are read as ASCII.
impl FromStr for Rate {
    type Err = RateError;
    fn from_str(input: &str) -> Result<Rate, RateError> {
        let normal: String = input
            .trim()
            .chars()
            .map(crate::domain::digits::ascii_digit)
            .map(|c| match c {
                '．' => '.',
                '％' => '%',
                c => c,
            })
            .collect();
        let not_a_rate = || RateError::NotARate {
            input: input.trim().to_string(),
        };
        let (number, scale_digits) = match normal.strip_suffix('%') {
            Some(n) => (n.trim_end(), 4),
            None => (normal.as_str(), 6),
        };
        if number.starts_with('-') && number[1..].chars().any(|c| c.is_ascii_digit()) {
            return Err(RateError::OutOfRange {
                input: input.trim().to_string(),
            });
        }
        let (int, frac) = number.split_once('.').unwrap_or((number, ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
            return Err(not_a_rate());
        }
        if frac.len() > scale_digits {
            return Err(RateError::TooPrecise {
                input: input.trim().to_string(),
            });
        }
        let out_of_range = || RateError::OutOfRange {
            input: input.trim().to_string(),
        };
        let int: i64 = if int.is_empty() {
            0
        } else if int.len() > 7 {
            return Err(out_of_range());
        } else {
            int.parse().map_err(|_| not_a_rate())?
        };
        let frac_value: i64 = format!("{frac:0<width$}", width = scale_digits)
            .parse()
            .map_err(|_| not_a_rate())?;
        // A fraction has six decimals of a million, a percentage four: 15% = 15 × 10⁴ ppm.
        let ppm = int * 10_i64.pow(scale_digits as u32) + frac_value;
        Rate::from_ppm(ppm).ok_or_else(out_of_range)
    }
}

impl TryFrom<String> for Rate {
    type Error = RateError;
    fn try_from(s: String) -> Result<Rate, RateError> {
        s.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(s: &str) -> Rate {
        s.parse().unwrap()
    }

    #[test]
    fn reads_fractions_and_percentages_exactly() {
        assert_eq!(rate("0.15").ppm(), 150_000);
        assert_eq!(rate(".3").ppm(), 300_000);
        assert_eq!(rate("0.0221").ppm(), 22_100);
        assert_eq!(rate("15%").ppm(), 150_000);
        assert_eq!(rate("2.21%").ppm(), 22_100);
        assert_eq!(rate("１５％").ppm(), 150_000);
        assert_eq!(rate("1").ppm(), 1_000_000);
        assert_eq!(rate("0").ppm(), 0);
        assert_eq!(rate("100%").ppm(), 1_000_000);
        assert_eq!(rate("0.000001").ppm(), 1);
    }

    #[test]
    fn refuses_what_is_not_a_rate_from_0_to_1() {
        assert!(matches!(
            "abc".parse::<Rate>(),
            Err(RateError::NotARate { .. })
        ));
        assert!(matches!(
            "".parse::<Rate>(),
            Err(RateError::NotARate { .. })
        ));
        assert!(matches!(
            ".".parse::<Rate>(),
            Err(RateError::NotARate { .. })
        ));
        assert!(matches!(
            "1.5".parse::<Rate>(),
            Err(RateError::OutOfRange { .. })
        ));
        assert!(matches!(
            "15".parse::<Rate>(),
            Err(RateError::OutOfRange { .. })
        ));
        assert!(matches!(
            "-0.1".parse::<Rate>(),
            Err(RateError::OutOfRange { .. })
        ));
        assert!(matches!(
            "101%".parse::<Rate>(),
            Err(RateError::OutOfRange { .. })
        ));
        assert!(matches!(
            "99999999999".parse::<Rate>(),
            Err(RateError::OutOfRange { .. })
        ));
        assert!(matches!(
            "0.0000001".parse::<Rate>(),
            Err(RateError::TooPrecise { .. })
        ));
        let e = "1.5".parse::<Rate>().unwrap_err();
        assert!(
            e.message(Lang::Ja).contains("0～1"),
            "{}",
            e.message(Lang::Ja)
        );
        assert!(e.message(Lang::En).contains("0–1"));
    }

    #[test]
    fn floors_exactly_where_floats_would_not() {
        assert_eq!(rate("0.15").floor_of(20_000), 3_000);
        assert_eq!(rate("0.0221").floor_of(804_595), 17_781);
        assert_eq!(rate("0.15").floor_of(55_984), 8_397);
        assert_eq!(rate("0.3").floor_of(470_357), 141_107);
    }

    #[test]
    fn shows_as_the_percentage_people_write() {
        assert_eq!(rate("0.15").percent(), "15%");
        assert_eq!(rate("0.0221").percent(), "2.21%");
        assert_eq!(rate("0.125").percent(), "12.5%");
        assert_eq!(rate("0.000001").percent(), "0.0001%");
    }
}
