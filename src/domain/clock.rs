//! One clock for every date and time: timestamps are kept in UTC (RFC 3339 in the record), and
//! every date a person sees or types — 評価日, 確認日, 目標日, 送付日/受領日, a file's name — is
//! the date where the machine is. The domain reads no clock and no time zone (no global state):
//! a front end makes a [`Clock`] once per command or key and passes it in, so a test can run
//! the whole program at 23:30 UTC in Tokyo and see the Tokyo date everywhere.

use super::fiscal_year::FiscalYear;
use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};

/// How an instant becomes a local time.
#[derive(Debug, Clone, Copy)]
pub enum Zone {
    /// One offset for every instant (a test, or a zone without summer time).
    Fixed(FixedOffset),
    /// The offset in force at each instant, as the front end looks it up (the machine's zone,
    /// summer time included).
    Lookup(fn(DateTime<Utc>) -> FixedOffset),
}

/// "Now", and the zone that turns an instant into the date and time people read.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    now: DateTime<Utc>,
    zone: Zone,
}

impl Clock {
    pub fn new(now: DateTime<Utc>, zone: Zone) -> Clock {
        Clock { now, zone }
    }

    /// A clock in UTC: for tests and for computations that only need a day.
    pub fn utc(now: DateTime<Utc>) -> Clock {
        Clock::new(now, Zone::Fixed(Utc.fix()))
    }

    /// A clock at noon (UTC) of `day`, whose today is `day`: where only the day matters (a
    /// report dated `day`, a test's fixed day).
    pub fn on(day: NaiveDate) -> Clock {
        let noon = day.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
        Clock::utc(noon)
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    pub fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        match self.zone {
            Zone::Fixed(o) => o,
            Zone::Lookup(f) => f(at),
        }
    }

    /// An instant as local time.
    pub fn local(&self, at: DateTime<Utc>) -> DateTime<FixedOffset> {
        at.with_timezone(&self.offset_at(at))
    }

    /// The local date of an instant: an answer given at 08:00 in Tokyo belongs to that day,
    /// not to the UTC day before.
    pub fn date_of(&self, at: DateTime<Utc>) -> NaiveDate {
        self.local(at).date_naive()
    }

    pub fn today(&self) -> NaiveDate {
        self.date_of(self.now)
    }

    /// The 年度 today falls in.
    pub fn fiscal_year(&self) -> FiscalYear {
        FiscalYear::of(self.today())
    }

    /// `2026-11-25 09:30`, local: how every surface shows a time.
    pub fn show_time(&self, at: DateTime<Utc>) -> String {
        self.local(at).format("%Y-%m-%d %H:%M").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokyo_is_a_day_ahead_at_half_past_eleven_utc() {
        let at: DateTime<Utc> = "2027-02-09T23:30:00Z".parse().unwrap();
        let tokyo = Clock::new(at, Zone::Fixed(FixedOffset::east_opt(9 * 3600).unwrap()));
        assert_eq!(tokyo.today().to_string(), "2027-02-10");
        assert_eq!(tokyo.show_time(at), "2027-02-10 08:30");
        assert_eq!(Clock::utc(at).today().to_string(), "2027-02-09");
        assert_eq!(tokyo.fiscal_year(), FiscalYear::new(2026));
    }

    #[test]
    fn a_looked_up_zone_is_asked_per_instant() {
        fn summer(at: DateTime<Utc>) -> FixedOffset {
            use chrono::Datelike;
            let h = if (4..=9).contains(&at.month()) { 2 } else { 1 };
            FixedOffset::east_opt(h * 3600).unwrap()
        }
        let now: DateTime<Utc> = "2026-07-01T00:00:00Z".parse().unwrap();
        let c = Clock::new(now, Zone::Lookup(summer));
        let winter: DateTime<Utc> = "2026-01-01T22:30:00Z".parse().unwrap();
        assert_eq!(c.show_time(now), "2026-07-01 02:00");
        assert_eq!(c.show_time(winter), "2026-01-01 23:30");
    }

    #[test]
    fn on_a_day_is_that_day() {
        let d = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
        assert_eq!(Clock::on(d).today(), d);
    }
}
