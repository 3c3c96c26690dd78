//! The JSON of a control's state — status, source, conflict, leads, note — shared by
//! `control --json`, `vendor-brief --json` and `check --json`, so that a script reads one shape
//! wherever it meets a control.

use crate::domain::matrix::source::{Finding, ItemEvidence};
use crate::domain::matrix::{Catalog, ControlState, Coverage, CoverageFigure, StatusSource};
use crate::domain::{Lang, Record};
use serde_json::{json, Map, Value};

fn evidence_json(e: &ItemEvidence, m: &mut Map<String, Value>) {
    m.insert("edition".into(), json!(e.edition));
    m.insert("items".into(), json!(e.items));
    let numbers: Vec<&str> = e.rows.iter().map(|(n, _)| n.as_str()).collect();
    m.insert("numbers".into(), json!(numbers));
    m.insert("checked_on".into(), json!(e.checked_on.to_string()));
    m.insert("carried".into(), json!(e.carried));
}

/// `{kind, label, …}`: `label` is the line a person reads (`チェックリスト 2⑬ 2026-11-30`), the
/// rest what a script needs to find the answer.
pub fn source_json(source: &StatusSource, lang: Lang) -> Value {
    let mut m = Map::new();
    m.insert("kind".into(), json!(source.id()));
    m.insert("label".into(), json!(source.describe(lang)));
    match source {
        StatusSource::Interview { question, value } => {
            m.insert("question".into(), json!(question));
            m.insert("value".into(), json!(value));
        }
        StatusSource::Checklist(e) => evidence_json(e, &mut m),
        StatusSource::Vendor { vendors, evidence } => {
            m.insert("vendors".into(), json!(vendors));
            evidence_json(evidence, &mut m);
        }
        StatusSource::VendorPacket { vendor } => {
            m.insert("vendors".into(), json!([vendor]));
        }
        StatusSource::User | StatusSource::Default => {}
    }
    Value::Object(m)
}

fn finding_json(f: &Finding, lang: Lang) -> Value {
    json!({
        "status": f.status.map(|s| s.id()),
        "source": source_json(&f.source, lang),
        "why": f.why.as_ref().map(|w| w.get(lang)),
        "carried": f.carried,
    })
}

pub fn state_json(s: &ControlState<'_>, catalog: &Catalog, lang: Lang) -> Value {
    let category = s
        .control
        .scenarios
        .first()
        .and_then(|x| catalog.scenario(x))
        .map(|x| x.category.as_str());
    let mut source = source_json(&s.source, lang);
    if let (Some(at), Value::Object(m)) = (s.marked_at, &mut source) {
        if s.source == StatusSource::User {
            m.insert("at".into(), json!(at.to_rfc3339()));
        }
    }
    json!({
        "id": s.control.id,
        "by": s.control.by.id(),
        "category": category,
        "status": s.status.id(),
        "known": s.is_known(),
        "source": source,
        "conflict": if s.conflict {
            Value::Array(s.disagreeing().into_iter().map(|f| finding_json(f, lang)).collect())
        } else {
            Value::Null
        },
        "findings": s.findings.iter().map(|f| finding_json(f, lang)).collect::<Vec<_>>(),
        "note": s.note,
        "system": s.system,
        "ask_vendor": s.ask_vendor,
        "carried": s.carried,
    })
}

/// `{coverage, percent, known, unknown, controls, label}` — the covered / known / unknown
/// figure, with its one rendering.
pub fn figure_json(f: &CoverageFigure, lang: Lang) -> Value {
    json!({
        "coverage": f.tally.coverage(),
        "percent": f.percent(),
        "known": f.known,
        "unknown": f.unknown(),
        "controls": f.controls,
        "label": f.render(lang),
    })
}

pub fn list_json(cov: &Coverage<'_>, record: &Record, lang: Lang) -> Value {
    json!({
        "record": record.id.to_string(),
        "coverage": figure_json(&cov.figure(), lang),
        "conflicts": cov.conflicts(),
        "controls": cov
            .controls
            .iter()
            .map(|c| state_json(c, cov.catalog, lang))
            .collect::<Vec<_>>(),
    })
}
