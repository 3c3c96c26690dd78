//! `shindan aggregate`'s counting: one hospital in one assessment year is one respondent (see
//! [`crate::domain::respondents`]). The files are read twice — first for what identifies each
//! record, then for the chosen records' answers — so that memory holds a few fields per record,
//! never the records themselves.

use super::Failure;
use crate::domain::aggregate::Tally;
use crate::domain::respondents::{self, Seen, Why};
use crate::domain::{Lang, Questionnaire};
use crate::store::bundle::{self, Origin};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

/// A file that could not be read, kept to say so: it is skipped, the rest is counted.
pub(super) struct Skipped {
    pub origin: String,
    pub reason: String,
}

/// A record left out: `kept` is the newer record of the same hospital and year.
pub(super) struct Left {
    pub origin: String,
    pub id: String,
    pub kept: String,
    pub kept_id: String,
    pub why: Why,
}

/// What was counted: the year, how many records were read, and what was left out and why.
pub(super) struct Counted {
    pub year: Option<i32>,
    pub read: u64,
    pub duplicates: Vec<Left>,
    pub other_years: BTreeMap<i32, u64>,
    /// Files that could not be read.
    pub skipped: Vec<Skipped>,
}

fn key(o: &Origin) -> (PathBuf, Option<usize>) {
    (o.path.clone(), o.line)
}

/// Reads `paths`, chooses the respondents of `year` (default: the newest year present) and
/// tallies them. A year asked for that no record has is refused, naming the years there are.
pub(super) fn tally(
    paths: &[PathBuf],
    year: Option<i32>,
    qn: &Questionnaire,
    lang: Lang,
) -> Result<(Tally, Counted), Failure> {
    let mut seen = Vec::new();
    let mut origins = Vec::new();
    let mut skipped = Vec::new();
    for item in bundle::records(paths.to_vec()) {
        match item {
            Ok((origin, record)) => {
                seen.push(Seen::of(&record));
                origins.push(origin);
            }
            Err((origin, damage)) => skipped.push(Skipped {
                origin: origin.to_string(),
                reason: damage.message(lang),
            }),
        }
    }
    let present = respondents::years(&seen);
    if let Some(y) = year {
        if !present.contains(&y) {
            let list: Vec<String> = present.iter().map(|y| y.to_string()).collect();
            return Err(Failure::Invalid(lang.pick_with(
                || {
                    format!(
                        "--year {y}：{y}年度の記録がありません（ある年度：{}）",
                        if list.is_empty() {
                            "なし".to_string()
                        } else {
                            list.join("、")
                        }
                    )
                },
                || {
                    format!(
                        "--year {y}: no record of the {y} assessment year (years present: {})",
                        if list.is_empty() {
                            "none".to_string()
                        } else {
                            list.join(", ")
                        }
                    )
                },
            )));
        }
    }
    let choice = respondents::choose(&seen, year);
    let counted: HashSet<(PathBuf, Option<usize>)> =
        choice.counted.iter().map(|&i| key(&origins[i])).collect();
    let mut t = Tally::new(qn);
    for (origin, record) in bundle::records(paths.to_vec()).flatten() {
        if counted.contains(&key(&origin)) {
            t.add(qn, &record);
        }
    }
    let duplicates = choice
        .duplicates
        .iter()
        .map(|d| Left {
            origin: origins[d.index].to_string(),
            id: seen[d.index].id.to_string(),
            kept: origins[d.kept].to_string(),
            kept_id: seen[d.kept].id.to_string(),
            why: d.why,
        })
        .collect();
    Ok((
        t,
        Counted {
            year: choice.year,
            read: seen.len() as u64,
            duplicates,
            other_years: choice.other_years,
            skipped,
        },
    ))
}

impl Counted {
    /// The JSON keys `year`, `records_read`, `duplicates` and `other_years`.
    pub(super) fn json(&self, lang: Lang) -> [(&'static str, Value); 4] {
        [
            ("year", json!(self.year)),
            ("records_read", json!(self.read)),
            (
                "duplicates",
                Value::Array(
                    self.duplicates
                        .iter()
                        .map(|d| {
                            json!({
                                "file": d.origin, "id": d.id,
                                "kept": d.kept, "kept_id": d.kept_id,
                                "why": d.why.id(), "words": d.why.words(lang),
                            })
                        })
                        .collect(),
                ),
            ),
            (
                "other_years",
                Value::Object(
                    self.other_years
                        .iter()
                        .map(|(y, n)| (y.to_string(), json!(n)))
                        .collect(),
                ),
            ),
        ]
    }

    /// One sentence: what a respondent is here, and what was read but not counted.
    pub(super) fn sentence(&self, respondents: u64, lang: Lang) -> String {
        let year = self
            .year
            .map(|y| lang.pick_with(|| format!("{y}年度"), || format!("assessment year {y}")))
            .unwrap_or_else(|| lang.pick("年度なし", "no year").to_string());
        let others: u64 = self.other_years.values().sum();
        let other_list: Vec<String> = self
            .other_years
            .iter()
            .map(|(y, n)| lang.pick_with(|| format!("{y}年度 {n}件"), || format!("{n} of {y}")))
            .collect();
        lang.pick_with(
            || format!(
                "数えたもの：病院ごと・年度ごとに最新の記録1件（{year}）。読んだ記録 {} 件のうち {respondents} 病院を数え、同じ病院・同じ年度の古い記録 {} 件と、他の年度の記録 {others} 件{}を除きました。\n\n",
                self.read,
                self.duplicates.len(),
                if other_list.is_empty() { String::new() } else { format!("（{}）", other_list.join("、")) }
            ),
            || format!(
                "Counted: one hospital once per assessment year, its newest record ({year}). Of {} records read, {respondents} hospitals were counted; {} older record(s) of the same hospital and year and {others} record(s) of other years{} were left out.\n\n",
                self.read,
                self.duplicates.len(),
                if other_list.is_empty() { String::new() } else { format!(" ({})", other_list.join(", ")) }
            ),
        )
    }

    /// The Markdown list of the records left out as duplicates, each with the one kept.
    pub(super) fn md_list(&self, lang: Lang) -> String {
        if self.duplicates.is_empty() {
            return String::new();
        }
        let mut out = format!(
            "\n## {}\n\n",
            lang.pick(
                "重複として除いた記録（同じ病院・同じ年度）",
                "Records left out as duplicates (same hospital and year)"
            )
        );
        for d in &self.duplicates {
            out.push_str(&lang.pick_with(
                || {
                    format!(
                        "- {}（{}）：{}、{}（{}）を数えました\n",
                        d.origin,
                        d.id,
                        d.why.words(lang),
                        d.kept,
                        d.kept_id
                    )
                },
                || {
                    format!(
                        "- {} ({}): {}; counted {} ({})\n",
                        d.origin,
                        d.id,
                        d.why.words(lang),
                        d.kept,
                        d.kept_id
                    )
                },
            ));
        }
        out
    }
}
