//! Dates as the checklist uses them: the Japanese fiscal year (1 April – 31 March) bounds every
//! target date, and people type dates in more shapes than ISO.

use crate::domain::fiscal_year::FiscalYear;
use chrono::NaiveDate;

/// The fiscal year a date falls in, named by the calendar year it starts in (令和7年度 = 2025,
/// from 2025-04-01 to 2026-03-31): the same 年度 as a record's id ([`FiscalYear::of`]).
pub fn fiscal_year(d: NaiveDate) -> i32 {
    FiscalYear::of(d).year()
}

/// 31 March that closes the fiscal year of `d`.
pub fn fiscal_year_end(d: NaiveDate) -> NaiveDate {
    FiscalYear::of(d).last_day()
}

/// 令和 year of a fiscal year (2025 → 7): the MHLW names its editions so.
pub fn reiwa(fiscal_year: i32) -> i32 {
    fiscal_year - 2018
}

/// Reads a date as people type it or as Excel re-saves it: `2026-04-01`, `2026/4/1`,
/// `2026.4.1`, `2026年4月1日`, full-width digits too. `None` when it is not a real date.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s: String = raw
        .trim()
        .chars()
        .map(crate::domain::digits::ascii_digit)
        .map(|c| match c {
            '／' | '/' | '.' | '．' | '－' | '年' | '月' => '-',
            c => c,
        })
        .collect();
    let s = s.strip_suffix('日').unwrap_or(&s);
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || y.len() != 4
        || m.is_empty()
        || m.len() > 2
        || d.is_empty()
        || d.len() > 2
    {
        return None;
    }
    if !y
        .bytes()
        .chain(m.bytes())
        .chain(d.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn fiscal_year_turns_on_the_first_of_april() {
        assert_eq!(fiscal_year(d("2026-03-31")), 2025);
        assert_eq!(fiscal_year(d("2026-04-01")), 2026);
        assert_eq!(fiscal_year_end(d("2026-03-31")), d("2026-03-31"));
        assert_eq!(fiscal_year_end(d("2026-04-01")), d("2027-03-31"));
        assert_eq!(reiwa(2025), 7);
    }

    #[test]
    fn dates_in_the_shapes_people_and_excel_write() {
        for s in [
            "2026-04-01",
            "2026/4/1",
            "2026/04/01",
            "2026.4.1",
            "2026年4月1日",
            "２０２６－０４－０１",
        ] {
            assert_eq!(parse_date(s), Some(d("2026-04-01")), "{s}");
        }
        for s in [
            "",
            "2026-02-30",
            "26-4-1",
            "2026-4",
            "2026-04-01x",
            "tomorrow",
            "2026-4-1-1",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }
}
