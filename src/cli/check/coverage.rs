//! The coverage part of `shindan check`: how much of the 提言2 risk catalogue the hospital's
//! controls cover, as a small category × phase table, and the `coverage` key of the JSON. It
//! only lays out what [`Coverage`] computed.

use super::Block;
use crate::cli::control::figure_json;
use crate::domain::matrix::{Coverage, CoverageFigure, LeafState, Rank, Sources, Tally};
use crate::domain::{Lang, Record};
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
    let cov = Coverage::with(&Sources::embedded(), record);
    Block {
        text: text_lines(&cov, lang),
        json: vec![("coverage", coverage_json(&cov, lang))],
    }
}

/// A group's small risks by state, and how many of the controls linked to them are known.
fn tally_json(t: &Tally, f: &CoverageFigure) -> Value {
    json!({
        "coverage": t.coverage(),
        "covered": t.covered,
        "half": t.half,
        "uncovered": t.uncovered,
        "unknown": t.unknown,
        "dropped": t.dropped,
        "known_controls": f.known,
        "controls": f.controls,
    })
}

fn coverage_json(cov: &Coverage<'_>, lang: Lang) -> Value {
    let by_category: Map<String, Value> = cov
        .categories
        .iter()
        .map(|(c, t)| (c.id.clone(), tally_json(t, &cov.category_figure(&c.id))))
        .collect();
    let by_phase: Map<String, Value> = cov
        .phases
        .iter()
        .map(|(p, t)| (p.id.clone(), tally_json(t, &cov.phase_figure(&p.id))))
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
                .map(|(p, t)| (p.id.clone(), tally_json(t, &cov.cell_figure(&c.id, &p.id))))
                .collect();
            (c.id.clone(), Value::Object(row))
        })
        .collect();
    let uncovered: Vec<&str> = cov.uncovered().map(|l| l.scenario.id.as_str()).collect();
    let figure = cov.figure();
    json!({
        "overall": cov.overall.coverage(),
        "figure": figure_json(&figure, lang),
        "counts": tally_json(&cov.overall, &figure),
        "by_category": by_category,
        "by_phase": by_phase,
        "cells": cells,
        "uncovered": uncovered,
        "unknown": cov.overall.unknown,
        "unknown_controls": cov.unknown_controls(),
        "known_controls": figure.known,
        "from_checklist": cov.from_rank(Rank::Checklist),
        "from_interview": cov.from_interview(),
        "from_vendor": cov.from_rank(Rank::Vendor),
        "from_user": cov.from_rank(Rank::User),
        "conflicts": cov.conflicts(),
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
    let figure = cov.figure().render(lang);
    let (n, states, statuses) = (t.total(), t.describe(lang), cov.status_counts(lang));
    let summary = match lang {
        Lang::Ja => format!(
            "{figure}：小リスク{n}件のうち {states}。対策の状態は{statuses}（一覧と設定は shindan control）"
        ),
        Lang::En => format!(
            "{figure}: of {n} small risks, {states}. Control statuses: {statuses} (list and set them with shindan control)."
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
    let known: Vec<String> = cov
        .categories
        .iter()
        .map(|(c, _)| {
            let f = cov.category_figure(&c.id);
            format!("{} {}/{}", c.short(lang), f.known, f.controls)
        })
        .collect();
    out.extend(text::wrap(
        &format!(
            "{}{}",
            lang.pick(
                "判明（状態の分かっている対策）：",
                "Known (controls with a status): "
            ),
            known.join(lang.pick("、", ", "))
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
                &format!("  {}{}", lang.pick("・", "- "), l.scenario.name(lang)),
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
