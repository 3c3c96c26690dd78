//! The first part of `shindan check`: the record's 年度, how far its interview is answered this
//! year, and what is still carried from last year — which counts towards nothing below until
//! confirmed.

use super::Block;
use crate::domain::overview::Overview;
use crate::domain::{Lang, Record};
use crate::text;
use serde_json::json;

const WIDTH: usize = 80;

pub fn block(record: &Record, overview: &Overview, lang: Lang) -> Block {
    let p = overview.progress;
    let mut out = vec![match lang {
        Lang::Ja => format!(
            "■ {}（評価日 {}）  面談 {}/{}（{}%）",
            record.fiscal_year().label(lang),
            record.assessed_on,
            p.answered,
            p.total,
            p.percent()
        ),
        Lang::En => format!(
            "■ {} (assessed {})  interview {}/{} ({}%)",
            record.fiscal_year().label(lang),
            record.assessed_on,
            p.answered,
            p.total,
            p.percent()
        ),
    }];
    if !overview.carried.is_empty() {
        let line =
            crate::cli::confirm::carried_line(&overview.carried, &record.id.to_string(), lang);
        out.extend(text::wrap(&line, WIDTH));
    }
    Block {
        text: out,
        json: vec![
            ("year", json!(record.fiscal_year().year())),
            (
                "progress",
                json!({
                    "answered": p.answered,
                    "carried": p.carried,
                    "total": p.total,
                    "percent": p.percent(),
                }),
            ),
            (
                "carried",
                serde_json::to_value(&overview.carried).unwrap_or_default(),
            ),
        ],
    }
}
