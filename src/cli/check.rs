//! `shindan check [ID]`: the overview of a record as plain text for a quick look over SSH —
//! where the hospital stands in the 2022 survey, its risk coverage, its budget shortfall, its
//! checklist readiness (the order of the overview screen's panels), and the next steps last.
//!
//! The output is a list of [`Block`]s: each is some lines of text for people and some
//! top-level keys of the JSON for scripts. A new part of the check is one more module under
//! `check/` and one more line in [`blocks`]; the parts do not know each other.

mod budget;
mod checklist;
mod coverage;
mod next_steps;
mod position;
mod progress;

use super::{print_json, Ctx, Failure};
use crate::domain::checklist::Editions;
use crate::domain::overview::Overview;
use crate::domain::survey::Survey;
use crate::domain::{Clock, Lang, Record, RecordId};
use serde::ser::{Serialize, SerializeMap, Serializer};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id, e.g. 2026-007; may be left out when the data dir holds exactly one record
    id: Option<String>,
    /// Print JSON for scripts (keys: record, year, progress, carried, survey, bed_class,
    /// founder, indicators, staff, coverage, budget, checklist, next_steps)
    #[arg(long)]
    json: bool,
}

/// One part of the check.
pub struct Block {
    /// Lines of at most 80 display columns.
    pub text: Vec<String>,
    /// Top-level keys of the JSON output, in order. No two blocks may use the same key.
    pub json: Vec<(&'static str, serde_json::Value)>,
}

/// The parts of the check, in the order they print: the record's year and progress, the
/// overview screen's panels, then the next steps.
fn blocks(record: &Record, overview: &Overview, survey: &Survey, lang: Lang) -> Vec<Block> {
    vec![
        progress::block(record, overview, lang),
        position::block(record, survey, lang),
        coverage::block(record, lang),
        budget::block(record, lang),
        checklist::block(overview.checklist.as_ref(), lang),
        next_steps::block(&overview.next_steps, record, lang),
    ]
}

/// The record asked for, or the only one in the data dir.
fn which(ctx: &mut Ctx, id: Option<&str>) -> Result<RecordId, Failure> {
    if let Some(id) = id {
        return ctx.parse_id(id);
    }
    let lang = ctx.lang;
    let listing = ctx.store()?.list().map_err(|e| ctx.store_err(e))?;
    match listing.records.as_slice() {
        [only] => Ok(only.id.clone()),
        [] => Err(Failure::Invalid(
            lang.pick(
                "記録がありません：shindan new で作ってから、shindan check ID（例 2026-007）",
                "No record yet: make one with shindan new, then shindan check ID (e.g. 2026-007)",
            )
            .to_string(),
        )),
        many => Err(Failure::Invalid(match lang {
            Lang::Ja => format!(
                "記録が{}件あります：ID を指定してください（例 shindan check {}、一覧は shindan list）",
                many.len(),
                many[0].id
            ),
            Lang::En => format!(
                "There are {} records: give an ID (e.g. shindan check {}; see shindan list)",
                many.len(),
                many[0].id
            ),
        })),
    }
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let id = which(ctx, args.id.as_deref())?;
    let editions = ctx.editions()?;
    let store = ctx.store()?;
    let record = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let survey = ctx.survey();
    let overview = overview(&editions, &record, survey, &ctx.clock);
    let blocks = blocks(&record, &overview, survey, ctx.lang);
    if args.json {
        let mut keys: Vec<(&str, serde_json::Value)> =
            vec![("record", serde_json::Value::String(record.id.to_string()))];
        for b in blocks {
            keys.extend(b.json);
        }
        print_json(&Ordered(keys));
        return Ok(());
    }
    let mut first = true;
    for b in blocks {
        if !first {
            println!();
        }
        first = false;
        for line in b.text {
            println!("{line}");
        }
    }
    Ok(())
}

/// The overview on the newest checklist edition, its evidence files looked at now.
fn overview<'s>(
    editions: &Editions,
    record: &Record,
    survey: &'s Survey,
    clock: &Clock,
) -> Overview<'s> {
    let view = editions
        .newest()
        .map(|e| super::checklist::view(editions, e, record, clock));
    Overview::of(record, survey, view.as_ref())
}

/// A JSON object that keeps its keys in the order the blocks give them (`record` first),
/// which serde_json's map would sort.
struct Ordered<'a>(Vec<(&'a str, serde_json::Value)>);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    #[test]
    fn no_two_blocks_share_a_json_key() {
        let now = Utc::now();
        let r = Record::new(crate::domain::RecordId::new(2026, 1), now.date_naive(), now);
        let mut seen = vec!["record"];
        let survey = Survey::embedded();
        let o = overview(Editions::shipped(), &r, survey, &Clock::utc(now));
        for b in blocks(&r, &o, survey, Lang::Ja) {
            for (k, _) in b.json {
                assert!(!seen.contains(&k), "key {k} used twice");
                seen.push(k);
            }
        }
        assert_eq!(
            seen,
            [
                "record",
                "year",
                "progress",
                "carried",
                "survey",
                "bed_class",
                "founder",
                "indicators",
                "staff",
                "coverage",
                "budget",
                "checklist",
                "next_steps"
            ]
        );
    }
}
