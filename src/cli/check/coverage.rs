//! The coverage part of `shindan check`: how much of the 提言2 risk catalogue the hospital's
//! controls cover, as a small category × phase table, and the `coverage` key of the JSON. It
//! only lays out what [`Coverage`] computed.

use super::Block;
use crate::domain::matrix::{Catalog, Coverage, LeafState, Tally};
use crate::domain::{Lang, Questionnaire, Record};
use crate::text;
use serde_json::{json, Map, Value};

const WIDTH: usize = 80;
/// Columns of the table: category label, one per phase, the category's total.
/// A cell's text is at most `100%`, so a right-aligned total of 4 columns never touches the
/// cell before it.
const LABEL: usize = 16;
const CELL: usize = 12;
const TOTAL: usize = 4;
/// Scenarios known to be uncovered that the text lists before saying "and N more".
const LISTED: usize = 8;

pub fn block(record: &Record, lang: Lang) -> Block {
    let cov = Coverage::of(Catalog::embedded(), record, Questionnaire::embedded());
    Block {
        text: text_lines(&cov, lang),
        json: vec![("coverage", coverage_json(&cov))],
    }
}

fn tally_json(t: &Tally) -> Value {
    json!({
        "coverage": t.coverage(),
        "covered": t.covered,
        "half": t.half,
        "uncovered": t.uncovered,
        "unknown": t.unknown,
        "dropped": t.dropped,
    })
}

fn coverage_json(cov: &Coverage<'_>) -> Value {
    let by_category: Map<String, Value> = cov
        .categories
        .iter()
        .map(|(c, t)| (c.id.clone(), tally_json(t)))
        .collect();
    let by_phase: Map<String, Value> = cov
        .phases
        .iter()
        .map(|(p, t)| (p.id.clone(), tally_json(t)))
        .collect();
    let cells: Map<String, Value> = cov
        .catalog
        .categories
        .iter()
        .zip(&cov.cells)
        .map(|(c, row)| {
            let row: Map<String, Value> = cov
                .catalog
                .phases
                .iter()
                .zip(row)
                .map(|(p, t)| (p.id.clone(), tally_json(t)))
                .collect();
            (c.id.clone(), Value::Object(row))
        })
        .collect();
    let uncovered: Vec<&str> = cov.uncovered().map(|l| l.scenario.id.as_str()).collect();
    json!({
        "overall": cov.overall.coverage(),
        "counts": tally_json(&cov.overall),
        "by_category": by_category,
        "by_phase": by_phase,
        "cells": cells,
        "uncovered": uncovered,
        "unknown": cov.overall.unknown,
        "unknown_controls": cov.unknown_controls(),
        "from_interview": cov.from_interview(),
    })
}

/// A cell: the percentage, `—` when every scenario there dropped out, blank when none arises.
fn cell(t: &Tally) -> String {
    match t.percent() {
        Some(p) => format!("{p}%"),
        None if t.is_empty() => String::new(),
        None => "—".to_string(),
    }
}

fn text_lines(cov: &Coverage<'_>, lang: Lang) -> Vec<String> {
    let mut out = vec![text::truncate(
        lang.pick(
            "■ リスク対策の網羅率（提言2のリスクカタログ）",
            "■ Risk coverage (the proposal-2 risk catalogue)",
        ),
        WIDTH,
    )];
    let t = &cov.overall;
    let overall = cell(t);
    let summary = match lang {
        Lang::Ja => format!(
            "全体 {overall}：小リスク{}件のうち 対策済み{}・一部{}・未対策{}・不明{}・対象外{}。対策の状態はヒアリングの回答から{}件、不明{}件（設定は shindan control）",
            t.total(),
            t.covered,
            t.half,
            t.uncovered,
            t.unknown,
            t.dropped,
            cov.from_interview(),
            cov.unknown_controls()
        ),
        Lang::En => format!(
            "Overall {overall}: of {} small risks, {} covered, {} half, {} uncovered, {} unknown, {} not applicable. Control statuses: {} from the interview, {} unknown (set them with shindan control).",
            t.total(),
            t.covered,
            t.half,
            t.uncovered,
            t.unknown,
            t.dropped,
            cov.from_interview(),
            cov.unknown_controls()
        ),
    };
    out.extend(text::wrap(&summary, WIDTH));
    out.push(String::new());
    let mut header = text::pad("", LABEL);
    for p in &cov.catalog.phases {
        header.push_str(&text::pad_left(p.short(lang), CELL));
    }
    header.push_str(&text::pad_left(lang.pick("計", "All"), TOTAL));
    out.push(header);
    for ((c, total), row) in cov.categories.iter().zip(&cov.cells) {
        let mut line = text::pad(c.short(lang), LABEL);
        for t in row {
            line.push_str(&text::pad_left(&cell(t), CELL));
        }
        line.push_str(&text::pad_left(&cell(total), TOTAL));
        out.push(line);
    }
    let mut line = text::pad(lang.pick("計", "All"), LABEL);
    for (_, t) in &cov.phases {
        line.push_str(&text::pad_left(&cell(t), CELL));
    }
    line.push_str(&text::pad_left(&overall, TOTAL));
    out.push(line);
    out.extend(text::wrap(
        lang.pick(
            "空欄＝その段階で起こる小リスクなし、—＝すべて対象外。不明は未対策として数えます。",
            "Blank = no small risk arises there; — = all not applicable. Unknown counts as uncovered.",
        ),
        WIDTH,
    ));

    let known: Vec<_> = cov
        .leaves
        .iter()
        .filter(|l| l.state == LeafState::Uncovered)
        .collect();
    if !known.is_empty() {
        out.push(String::new());
        out.push(
            lang.pick(
                "対策がないと分かっている小リスク：",
                "Small risks known to be uncovered:",
            )
            .to_string(),
        );
        for l in known.iter().take(LISTED) {
            out.push(text::truncate(
                &format!("  ・{}", l.scenario.name(lang)),
                WIDTH,
            ));
        }
        if known.len() > LISTED {
            out.push(match lang {
                Lang::Ja => format!(
                    "  ほか{}件（--json の coverage.uncovered）",
                    known.len() - LISTED
                ),
                Lang::En => format!(
                    "  and {} more (coverage.uncovered in --json)",
                    known.len() - LISTED
                ),
            });
        }
    }
    if cov.overall.unknown > 0 {
        out.extend(text::wrap(
            lang.pick(
                "事業者が実施する対策は shindan vendor-brief で依頼事項の一覧にできます。",
                "shindan vendor-brief turns the vendor's controls into a list of requests.",
            ),
            WIDTH,
        ));
    }
    out
}
