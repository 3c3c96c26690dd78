//! `shindan check ID`: a quick look at a record over SSH — where the hospital stands in the
//! 2022 survey, and (as they land) its budget, risk coverage and checklist readiness.
//!
//! The output is a list of [`Block`]s: each is some lines of text for people and some
//! top-level keys of the JSON for scripts. A new part of the check is one more module under
//! `check/` and one more line in [`blocks`]; the parts do not know each other.

mod budget;
mod coverage;
mod position;

pub(crate) use position::paren;

use super::{print_json, Ctx, Failure};
use crate::domain::{Lang, Record};
use serde::ser::{Serialize, SerializeMap, Serializer};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id, e.g. 2026-007
    id: String,
    /// Print JSON for scripts (keys: record, survey, bed_class, founder, indicators, staff,
    /// budget, coverage)
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

/// The parts of the check, in the order they print.
fn blocks(record: &Record, lang: Lang) -> Vec<Block> {
    vec![
        position::block(record, lang),
        budget::block(record, lang),
        coverage::block(record, lang),
    ]
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let id = ctx.parse_id(&args.id)?;
    let store = ctx.store()?;
    let record = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let blocks = blocks(&record, ctx.lang);
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
        for b in blocks(&r, Lang::Ja) {
            for (k, _) in b.json {
                assert!(!seen.contains(&k), "key {k} used twice");
                seen.push(k);
            }
        }
        assert_eq!(
            seen,
            [
                "record",
                "survey",
                "bed_class",
                "founder",
                "indicators",
                "staff",
                "budget",
                "coverage"
            ]
        );
    }
}
