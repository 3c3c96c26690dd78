//! The report's approximate words (約9割, 5割強, 6割弱, 3人弱…) read as ranges.
//!
//! The report gives most of its shares in words, not numbers. A screen that drew 5割強 as a
//! point at 50% would claim a precision the report does not have, so every word becomes a range,
//! by one rule written here and nowhere else. With `u` the unit of the words (10 points for
//! 割 — a tenth — and for 半数/半分; one person for 人) and `B` the base value:
//!
//! | words | range | why |
//! |---|---|---|
//! | `B` bare, 約B, ほぼB, B程度, B前後 | B − 0.3u … B + 0.3u (6割 → 57–63%) | "about B": the report says 強 or 弱 whenever a share is visibly off the round figure, so an unqualified figure is close to it |
//! | B強, Bを少し上回り | B … B + 0.5u (5割強 → 50–55%) | just over B, up to halfway to the next step |
//! | B弱, Bを少し下回り | B − 0.5u … B (6割弱 → 55–60%) | just under B |
//! | ほぼ/程度 with 強 or 弱 (ほぼ5割弱, 1割強程度) | as 強 / 弱 | the 強/弱 band already says "about" |
//! | …以上 | the lower end of the rest … 100% (6割以上 → ≥ 60%; 3割強以上 → ≥ 30%; ほぼ半数以上 → ≥ 47%) | "at least" |
//! | X～Y割前後 | X − 0.3u … Y + 0.3u (3～4割前後 → 27–43%) | "about X to Y" |
//! | X～Y割 | X … Y | |
//!
//! Percentages stay within 0–100.

use crate::domain::lang::Lang;
use serde::Serialize;

/// What the words count: a share of hospitals, or a number of people (staff).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Percent,
    People,
}

/// A closed range in the unit of the words. `hi` is 100 for "at least" shares.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    #[serde(rename = "from")]
    pub lo: f64,
    #[serde(rename = "to")]
    pub hi: f64,
}

impl Range {
    pub fn new(lo: f64, hi: f64) -> Range {
        Range { lo, hi }
    }

    pub fn point(v: f64) -> Range {
        Range { lo: v, hi: v }
    }

    /// The share of the rest of the cohort: 6割弱 have a plan (55–60%) → 40–45% do not.
    pub fn complement(self) -> Range {
        Range {
            lo: round1(100.0 - self.hi),
            hi: round1(100.0 - self.lo),
        }
    }

    pub fn contains(self, v: f64) -> bool {
        self.lo - 1e-9 <= v && v <= self.hi + 1e-9
    }

    pub fn is_point(self) -> bool {
        (self.hi - self.lo).abs() < 1e-9
    }

    /// The whole range is below one half: whoever is in the group is in a minority.
    pub fn below_half(self) -> bool {
        self.hi < 50.0
    }

    /// The whole range is above one half.
    pub fn above_half(self) -> bool {
        self.lo > 50.0
    }
}

/// The words of the report, read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Approx {
    pub words: String,
    pub range: Range,
    pub unit: Unit,
}

impl Approx {
    /// "57–63%", "≥ 60%", "2.5–3人": the range as a screen shows it, always beside the words.
    pub fn range_text(&self, lang: Lang) -> String {
        let Range { lo, hi } = self.range;
        match self.unit {
            Unit::Percent if hi >= 100.0 && lo > 0.0 => {
                lang.pick_with(|| format!("{}%以上", num(lo)), || format!("≥{}%", num(lo)))
            }
            Unit::Percent => format!("{}–{}%", num(lo), num(hi)),
            Unit::People => format!("{}–{}{}", num(lo), num(hi), lang.pick("人", " people")),
        }
    }
}

/// Why words could not be read: only reachable through a hand-edited survey asset (the
/// embedded one is checked by the tests).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{words}` is not an approximate figure shindan can read: use the report's words, e.g. 約6割, 5割強, 6割弱, 2割程度, 6割以上, 3人弱")]
pub struct ApproxError {
    pub words: String,
}

impl ApproxError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => format!(
                "「{}」は読み取れない概数です：約6割、5割強、6割弱、2割程度、6割以上、3人弱のような報告の言葉を使ってください",
                self.words
            ),
            Lang::En => self.to_string(),
        }
    }
}

const ABOUT: f64 = 0.3;
const HALF_STEP: f64 = 0.5;

/// Reads the report's words as a range (see the module doc for the rule).
pub fn parse(words: &str) -> Result<Approx, ApproxError> {
    let bad = || ApproxError {
        words: words.to_string(),
    };
    // "ほぼ全体の9割": the "of the whole" names the population, not the amount.
    let mut rest: &str = &words.replace("全体の", "");
    let mut about = false;
    for prefix in ["約", "ほぼ"] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r;
            about = true;
        }
    }
    let (base_lo, base_hi, unit, step, tail) = base(rest).ok_or_else(bad)?;
    let mut tail = tail;
    let mut band: Option<Band> = None;
    let mut at_least = false;
    while !tail.is_empty() {
        let known: [(&str, Option<Band>); 8] = [
            ("強", Some(Band::Over)),
            ("弱", Some(Band::Under)),
            ("を少し上回り", Some(Band::Over)),
            ("を少し上回る", Some(Band::Over)),
            ("を少し下回り", Some(Band::Under)),
            ("を少し下回る", Some(Band::Under)),
            ("程度", None),
            ("前後", None),
        ];
        if let Some(r) = tail.strip_prefix("以上") {
            at_least = true;
            tail = r;
            continue;
        }
        let Some((word, b)) = known.iter().find(|(w, _)| tail.starts_with(w)) else {
            return Err(bad());
        };
        match b {
            Some(b) if band.is_none() => band = Some(*b),
            Some(_) => return Err(bad()),
            None => about = true,
        }
        tail = &tail[word.len()..];
    }
    if band.is_some() && base_lo != base_hi {
        // "3～4割強" is not something the report says; refuse rather than guess.
        return Err(bad());
    }
    let (mut lo, mut hi) = match band {
        Some(Band::Over) => (base_lo, base_hi + HALF_STEP * step),
        Some(Band::Under) => (base_lo - HALF_STEP * step, base_hi),
        // A bare figure is "about" it, unless 以上 makes it a floor (6割以上 → ≥ 60%).
        None if about || (base_lo == base_hi && !at_least) => {
            (base_lo - ABOUT * step, base_hi + ABOUT * step)
        }
        None => (base_lo, base_hi),
    };
    if at_least {
        hi = match unit {
            Unit::Percent => 100.0,
            Unit::People => f64::INFINITY,
        };
    }
    if unit == Unit::Percent {
        lo = lo.max(0.0);
        hi = hi.min(100.0);
    }
    Ok(Approx {
        words: words.to_string(),
        range: Range::new(round1(lo), round1(hi)),
        unit,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Band {
    Over,
    Under,
}

/// The base value(s), unit and step of the words, and what follows them: "6割程度" →
/// (60, 60, %, 10, "程度"); "3～4割前後" → (30, 40, %, 10, "前後").
fn base(s: &str) -> Option<(f64, f64, Unit, f64, &str)> {
    for half in ["半数", "半分"] {
        if let Some(rest) = s.strip_prefix(half) {
            return Some((50.0, 50.0, Unit::Percent, 10.0, rest));
        }
    }
    let (first, rest) = digit(s)?;
    let (second, rest) = match rest.strip_prefix('～').or_else(|| rest.strip_prefix('~')) {
        Some(r) => {
            let (d, r) = digit(r)?;
            if d <= first {
                return None;
            }
            (d, r)
        }
        None => (first, rest),
    };
    if let Some(rest) = rest.strip_prefix('割') {
        Some((first * 10.0, second * 10.0, Unit::Percent, 10.0, rest))
    } else {
        let rest = rest.strip_prefix('人')?;
        Some((first, second, Unit::People, 1.0, rest))
    }
}

/// One digit 1–9, ASCII or full width (the report writes 割 figures with one digit).
fn digit(s: &str) -> Option<(f64, &str)> {
    let c = s.chars().next()?;
    let d = match c {
        '1'..='9' => c as u32 - '0' as u32,
        '１'..='９' => c as u32 - '１' as u32 + 1,
        _ => return None,
    };
    Some((f64::from(d), &s[c.len_utf8()..]))
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// 57.0 → "57", 2.5 → "2.5".
pub fn num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(words: &str) -> (f64, f64) {
        let a = parse(words).unwrap_or_else(|e| panic!("{e}"));
        (a.range.lo, a.range.hi)
    }

    #[test]
    fn strong_weak_about_and_around_a_tenth() {
        assert_eq!(r("5割強"), (50.0, 55.0));
        assert_eq!(r("6割弱"), (55.0, 60.0));
        assert_eq!(r("約6割"), (57.0, 63.0));
        assert_eq!(r("6割程度"), (57.0, 63.0));
        assert_eq!(r("6割前後"), (57.0, 63.0));
    }

    #[test]
    fn every_word_the_report_uses() {
        // Overall pages.
        assert_eq!(r("ほぼ全体の9割"), (87.0, 93.0));
        assert_eq!(r("4割程度"), (37.0, 43.0));
        assert_eq!(r("6割以上"), (60.0, 100.0));
        assert_eq!(r("3割強以上"), (30.0, 100.0));
        assert_eq!(r("半分弱"), (45.0, 50.0));
        assert_eq!(r("5割を少し下回り"), (45.0, 50.0));
        assert_eq!(r("1割強程度"), (10.0, 15.0));
        assert_eq!(r("5割以上"), (50.0, 100.0));
        assert_eq!(r("ほぼ5割弱"), (45.0, 50.0));
        assert_eq!(r("7割"), (67.0, 73.0));
        assert_eq!(r("7割以上"), (70.0, 100.0));
        assert_eq!(r("3割強"), (30.0, 35.0));
        assert_eq!(r("3割程度"), (27.0, 33.0));
        assert_eq!(r("半数以上"), (50.0, 100.0));
        // Bed-class and founder pages.
        assert_eq!(r("2割程度"), (17.0, 23.0));
        assert_eq!(r("3～4割前後"), (27.0, 43.0));
        assert_eq!(r("ほぼ半数以上"), (47.0, 100.0));
        assert_eq!(r("3割以上"), (30.0, 100.0));
        assert_eq!(r("4割強"), (40.0, 45.0));
        assert_eq!(r("9割程度"), (87.0, 93.0));
        assert_eq!(r("2割前後"), (17.0, 23.0));
        assert_eq!(r("7割弱"), (65.0, 70.0));
    }

    #[test]
    fn people_use_the_same_rule_with_a_step_of_one() {
        let a = parse("3人弱").unwrap();
        assert_eq!(a.unit, Unit::People);
        assert_eq!((a.range.lo, a.range.hi), (2.5, 3.0));
        assert_eq!(a.range_text(Lang::Ja), "2.5–3人");
        assert_eq!(r("約3人"), (2.7, 3.3));
    }

    #[test]
    fn shares_stay_within_0_and_100() {
        assert_eq!(r("9割強"), (90.0, 95.0));
        assert_eq!(r("約1割"), (7.0, 13.0));
        assert_eq!(r("ほぼ9割以上"), (87.0, 100.0));
    }

    #[test]
    fn at_least_reads_as_such_and_ranges_read_as_such() {
        let a = parse("6割以上").unwrap();
        assert_eq!(a.range_text(Lang::Ja), "60%以上");
        assert_eq!(a.range_text(Lang::En), "≥60%");
        assert_eq!(parse("5割強").unwrap().range_text(Lang::En), "50–55%");
        assert_eq!(r("3～4割"), (30.0, 40.0));
        assert_eq!(r("５割強"), (50.0, 55.0));
    }

    #[test]
    fn words_it_cannot_read_are_refused_with_examples() {
        for bad in [
            "",
            "多数",
            "6割くらい",
            "10割",
            "4～3割",
            "3～4割強",
            "5割強弱",
            "60%",
        ] {
            let e = parse(bad).expect_err(bad);
            assert!(e.to_string().contains("5割強"), "{bad}: {e}");
            assert!(e.message(Lang::Ja).contains("6割弱"), "{bad}");
        }
    }

    #[test]
    fn complement_and_halves() {
        let have = parse("6割弱").unwrap().range;
        assert_eq!(have.complement(), Range::new(40.0, 45.0));
        assert!(have.above_half());
        assert!(!parse("5割以上").unwrap().range.above_half());
        assert!(parse("2割程度").unwrap().range.below_half());
        assert!(!parse("ほぼ5割弱").unwrap().range.below_half());
    }
}
