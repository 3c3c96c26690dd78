//! The 年度: the Japanese fiscal year, 1 April to 31 March, named by the calendar year it starts
//! in (2026年度 runs from 2026-04-01 to 2027-03-31). A hospital assesses once a 年度, so a
//! record's id names the 年度 of its assessment date, and the checklist's target dates end with
//! the same 年度: one function, [`FiscalYear::of`], decides both.

use super::lang::Lang;
use chrono::{Datelike, NaiveDate};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(i32);

/// A 年度 as typed was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum YearError {
    #[error("`{0}` is not a year: write it as four digits, e.g. 2026")]
    NotAYear(String),
    #[error("year {year} is out of range: {from}–{to}")]
    OutOfRange { year: i32, from: i32, to: i32 },
}

impl YearError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (YearError::NotAYear(s), Lang::Ja) => {
                format!("`{s}` は年度ではありません：2026 のように4桁の数字で入力してください")
            }
            (YearError::OutOfRange { year, from, to }, Lang::Ja) => {
                format!("{year}年度は範囲外です：{from}～{to}")
            }
        }
    }
}

impl FiscalYear {
    /// The years a record may be made for: a typo such as 226 or 20266 is caught, any real
    /// assessment year fits.
    pub const RANGE: std::ops::RangeInclusive<i32> = 2000..=2100;

    pub fn new(year: i32) -> FiscalYear {
        FiscalYear(year)
    }

    /// The 年度 a date falls in: January–March belong to the year before.
    pub fn of(d: NaiveDate) -> FiscalYear {
        if d.month() >= 4 {
            FiscalYear(d.year())
        } else {
            FiscalYear(d.year() - 1)
        }
    }

    pub fn year(self) -> i32 {
        self.0
    }

    pub fn next(self) -> FiscalYear {
        FiscalYear(self.0 + 1)
    }

    /// 1 April.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0, 4, 1).unwrap_or(NaiveDate::MIN)
    }

    /// 31 March of the next calendar year.
    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0 + 1, 3, 31).unwrap_or(NaiveDate::MAX)
    }

    /// The day of this 年度 nearest to `d`: `d` itself when it falls in it. A record made ahead
    /// for next 年度 (a copy in February) is dated its first day, one made late for a past 年度
    /// its last, so that its date always names its id's year.
    pub fn clamp(self, d: NaiveDate) -> NaiveDate {
        d.clamp(self.first_day(), self.last_day())
    }

    /// 2026年度, FY2026.
    pub fn label(self, lang: Lang) -> String {
        match lang {
            Lang::Ja => format!("{}年度", self.0),
            Lang::En => format!("FY{}", self.0),
        }
    }

    /// A 年度 as typed: `2026`, `２０２６` (an input method's digits), `2026年度`, `FY2026`;
    /// within [`FiscalYear::RANGE`].
    pub fn parse(raw: &str) -> Result<FiscalYear, YearError> {
        let ascii: String = raw
            .trim()
            .chars()
            .map(super::digits::ascii_digit)
            .map(|c| match c {
                'Ｆ' => 'F',
                'Ｙ' => 'Y',
                c => c,
            })
            .collect();
        let digits = ascii
            .strip_suffix("年度")
            .or_else(|| ascii.strip_prefix("FY"))
            .unwrap_or(&ascii)
            .trim();
        if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(YearError::NotAYear(raw.trim().to_string()));
        }
        let year: i32 = digits
            .parse()
            .map_err(|_| YearError::NotAYear(raw.trim().to_string()))?;
        FiscalYear::checked(year)
    }

    /// The year when it is within [`FiscalYear::RANGE`].
    pub fn checked(year: i32) -> Result<FiscalYear, YearError> {
        if FiscalYear::RANGE.contains(&year) {
            Ok(FiscalYear(year))
        } else {
            Err(YearError::OutOfRange {
                year,
                from: *FiscalYear::RANGE.start(),
                to: *FiscalYear::RANGE.end(),
            })
        }
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_year_turns_on_the_first_of_april() {
        assert_eq!(FiscalYear::of(d("2027-02-10")), FiscalYear(2026));
        assert_eq!(FiscalYear::of(d("2027-03-31")), FiscalYear(2026));
        assert_eq!(FiscalYear::of(d("2027-04-01")), FiscalYear(2027));
        assert_eq!(FiscalYear(2026).first_day(), d("2026-04-01"));
        assert_eq!(FiscalYear(2026).last_day(), d("2027-03-31"));
        assert_eq!(FiscalYear(2026).label(Lang::Ja), "2026年度");
        assert_eq!(FiscalYear(2026).label(Lang::En), "FY2026");
    }

    #[test]
    fn a_date_outside_the_year_comes_to_its_nearest_day() {
        let fy = FiscalYear(2027);
        assert_eq!(fy.clamp(d("2027-02-10")), d("2027-04-01"));
        assert_eq!(fy.clamp(d("2027-06-01")), d("2027-06-01"));
        assert_eq!(fy.clamp(d("2029-01-01")), d("2028-03-31"));
    }

    #[test]
    fn years_as_people_type_them() {
        for s in [
            "2027",
            "２０２７",
            "2027年度",
            "２０２７年度",
            "FY2027",
            " 2027 ",
        ] {
            assert_eq!(FiscalYear::parse(s), Ok(FiscalYear(2027)), "{s}");
        }
        for s in ["", "27", "2027x", "二〇二七", "-2027", "2027-04"] {
            let e = FiscalYear::parse(s).unwrap_err();
            assert!(
                matches!(e, YearError::NotAYear(_) | YearError::OutOfRange { .. }),
                "{s}"
            );
        }
        assert_eq!(
            FiscalYear::parse("1999").unwrap_err().message(Lang::Ja),
            "1999年度は範囲外です：2000～2100"
        );
    }
}
