//! Synthetic populations of records, for the aggregation tests, the benchmark and demos.
//!
//! Deterministic and with known shares: record `i` answers question `q` by the residue
//! `(i × m_q + o_q) mod 100` against the option weights below. Every `m_q` is coprime with 100,
//! so any 100 consecutive records give each option exactly its weight in percent: a population
//! of a multiple of 100 has exactly the designed shares for every question asked of everyone.
//! Multipliers differ between questions so that a follow-up is not locked to its gate (the
//! VPN pair is chosen so that 60% / 30% / 10% of flagged-VPN users fixed / did not / don't know).
//!
//! Test and bench fixtures, not part of the library: included by the tests that need it
//! (`mod synth;`) and by `benches/aggregate.rs` by path.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use shindan::domain::survey::Survey;
use shindan::domain::validate::answer_from_input;
use shindan::domain::{BedClass, Founder, Questionnaire, Record, RecordId};

/// One question's answers across a population.
pub struct Mix {
    pub question: &'static str,
    pub multiplier: usize,
    pub offset: usize,
    /// Option id and weight in percent (summing to 100).
    pub weights: &'static [(&'static str, u32)],
}

const fn mix(
    question: &'static str,
    multiplier: usize,
    offset: usize,
    weights: &'static [(&'static str, u32)],
) -> Mix {
    Mix {
        question,
        multiplier,
        offset,
        weights,
    }
}

/// Roughly the 2022 survey's picture.
#[rustfmt::skip]
pub const MIXES: &[Mix] = &[
    mix("threat", 11, 3, &[("yes", 90), ("no", 5), ("unknown", 5)]),
    mix("vpn_flagged", 37, 0, &[("yes", 40), ("no", 50), ("unknown", 10)]),
    mix("vpn_patched", 43, 7, &[("yes", 60), ("no", 30), ("unknown", 10)]),
    mix("backup", 9, 0, &[("yes", 97), ("no", 3)]),
    mix("backup_offline", 3, 0, &[("yes", 48), ("no", 47), ("unknown", 5)]),
    mix("backup_offsite", 59, 21, &[("yes", 12), ("no", 83), ("unknown", 5)]),
    mix("audit", 17, 5, &[("regular", 20), ("once", 25), ("never", 52), ("unknown", 3)]),
    mix("budget_bracket", 19, 2, &[("lt5m", 51), ("5m_10m", 10), ("10m_20m", 5), ("20m_50m", 3), ("ge50m", 1), ("unknown", 30)]),
    mix("budget_sufficiency", 23, 9, &[("enough", 10), ("not_enough", 48), ("neutral", 42)]),
    mix("insurance", 29, 4, &[("yes", 7), ("no", 70), ("unknown", 23)]),
    mix("closed_network_belief", 31, 6, &[("agree", 30), ("conditional", 42), ("disagree", 28)]),
    mix("incident_response", 41, 8, &[("yes", 58), ("no", 37), ("unknown", 5)]),
    mix("bcp", 47, 1, &[("yes", 32), ("no", 63), ("unknown", 5)]),
];

/// Beds of a record in each bed class, cycling through the five classes.
const BEDS: [i64; 5] = [60, 150, 250, 400, 650];

/// How records are spread over bed classes, founders and budget brackets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Record `i` is in bed class `i mod 5` and answers the budget by [`MIXES`].
    #[default]
    Cycle,
    /// The 2022 respondents: per 1,144 records, the bed classes and founders of p2 and, in
    /// each bed class, exactly 図６'s bracket counts (p46). The rest of a class chose no
    /// bracket: two in three answered わからない, one in three left the question open.
    Survey2022,
}

#[derive(Debug, Clone, Copy)]
pub struct Population {
    pub n: usize,
    pub year: i32,
    /// Every `incomplete_every`-th record stops before the last section (0: none do).
    pub incomplete_every: usize,
    pub layout: Layout,
}

/// Where record `j` (of one round of 1,144) falls in a list of (item, count) blocks.
fn block<T: Copy>(blocks: impl IntoIterator<Item = (T, u32)>, j: usize) -> Option<(T, usize)> {
    let mut start = 0;
    for (item, n) in blocks {
        let n = n as usize;
        if j < start + n {
            return Some((item, j - start));
        }
        start += n;
    }
    None
}

/// Under [`Layout::Survey2022`]: record `i`'s bed class, founder and budget answer (`None`:
/// left open).
fn like_2022(i: usize) -> Option<(BedClass, Founder, Option<&'static str>)> {
    let s = Survey::embedded();
    let j = i % s.respondents as usize;
    let c = &s.composition;
    let (class, w) = block(
        BedClass::ALL.map(|b| (b, c.bed_class.get(&b).copied().unwrap_or(0))),
        j,
    )?;
    let (founder, _) = block(
        Founder::ALL.map(|f| (f, c.founder.get(&f).copied().unwrap_or(0))),
        j,
    )?;
    let table = &s.budget_brackets;
    let row = table.row(class).iter().copied();
    let bracket = match block(table.brackets.iter().map(String::as_str).zip(row), w) {
        Some((id, _)) => shindan::domain::survey::BRACKETS
            .into_iter()
            .find(|b| *b == id),
        None => {
            let rest = w - table.row(class).iter().sum::<u32>() as usize;
            (rest % 3 != 2).then_some("unknown")
        }
    };
    Some((class, founder, bracket))
}

impl Population {
    pub fn new(n: usize) -> Population {
        Population {
            n,
            year: 2026,
            incomplete_every: 0,
            layout: Layout::Cycle,
        }
    }

    /// The 2022 respondents, 1,144 records: see [`Layout::Survey2022`].
    pub fn like_2022() -> Population {
        Population {
            n: Survey::embedded().respondents as usize,
            layout: Layout::Survey2022,
            ..Population::new(0)
        }
    }

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0)
            .single()
            .unwrap_or_default()
    }

    /// The option record `i` gives to `question`.
    pub fn pick(question: &str, i: usize) -> Option<&'static str> {
        let m = MIXES.iter().find(|m| m.question == question)?;
        let residue = ((i * m.multiplier + m.offset) % 100) as u32;
        let mut acc = 0;
        for (option, w) in m.weights.iter() {
            acc += w;
            if residue < acc {
                return Some(option);
            }
        }
        None
    }

    pub fn record(&self, i: usize) -> Record {
        let qn = Questionnaire::embedded();
        let at = Population::at();
        let mut r = Record::new(RecordId::new(self.year, i as u32 + 1), at.date_naive(), at);
        let mut beds = BEDS[i % 5] + (i % 7) as i64;
        let mut founder = Founder::ALL[(i / 5) % Founder::ALL.len()];
        let like = match self.layout {
            Layout::Cycle => None,
            Layout::Survey2022 => like_2022(i),
        };
        if let Some((class, f, _)) = like {
            let k = BedClass::ALL.iter().position(|c| *c == class).unwrap_or(0);
            beds = BEDS[k] + (i % 7) as i64;
            founder = f;
        }
        let staff = 1 + (i % 5) as i64;
        let mut answers: Vec<(&str, String)> = vec![
            ("hospital_name", format!("合成病院{:05}", i + 1)),
            ("beds", beds.to_string()),
            ("founder", founder.id().to_string()),
            (
                "associations",
                ["jha", "ajha", "jmha", "japha"][i % 4].to_string(),
            ),
            ("staff_total", staff.to_string()),
            (
                "staff_fulltime",
                (staff - (i % 2) as i64).max(0).to_string(),
            ),
        ];
        let stop_early = self.incomplete_every > 0 && i.is_multiple_of(self.incomplete_every);
        for m in MIXES {
            let q = m.question;
            if stop_early && qn.section_of(q).is_some_and(|s| s.id == "response") {
                continue;
            }
            let option = match like {
                Some((_, _, bracket)) if q == "budget_bracket" => bracket,
                _ => Population::pick(q, i),
            };
            if let Some(option) = option {
                answers.push((q, option.to_string()));
            }
        }
        answers.push((
            "vpn_unpatched_reasons",
            [
                "no_information",
                "no_budget",
                "closed_network,vendor_pending",
            ][i % 3]
                .to_string(),
        ));
        for (q, v) in answers {
            // Each value comes from the questionnaire's own options and bounds; one that did
            // not would be a defect of this table, caught by the tests.
            let _ = answer_from_input(qn, &mut r, q, &v, at);
        }
        r
    }

    pub fn iter(&self) -> impl Iterator<Item = Record> + '_ {
        (0..self.n).map(|i| self.record(i))
    }
}
