//! `shindan survey --json`: the survey data as JSON, every figure with its place in the report,
//! its precision and what it counts.

use super::*;

/// A figure for scripts: `value` (exact, derived) or `range` + `words` (approx), always
/// `precision` and `source`; what it counts, its scope and shindan's reading when they matter.
pub(crate) fn figure_json(f: &Figure, survey: &Survey) -> Map<String, Value> {
    let mut m = Map::new();
    match &f.value {
        FigureValue::Exact(v) => {
            m.insert("value".into(), json!(v));
        }
        FigureValue::Derived { num, den } => {
            m.insert("value".into(), json!(f.range().lo));
            m.insert("count".into(), json!([num, den]));
        }
        FigureValue::Approx(a) => {
            m.insert("range".into(), json!(a.range));
            m.insert("words".into(), json!(a.words));
            m.insert("unit".into(), json!(a.unit));
        }
        FigureValue::Counted { yes, of } => {
            m.insert("value".into(), json!(f.value()));
            m.insert("count".into(), json!([yes, of]));
        }
        FigureValue::Mean { n, .. } => {
            m.insert("value".into(), json!(f.value()));
            m.insert("n".into(), json!(n));
            m.insert("unit".into(), json!(crate::domain::survey::Unit::People));
        }
    }
    m.insert("precision".into(), json!(f.precision()));
    m.insert("source".into(), json!(f.source));
    if f.counts != Counts::Indicator {
        m.insert("counts".into(), json!(f.counts));
        m.insert("counts_label".into(), json!(f.counts_label));
    }
    if f.scope != Scope::Cohort {
        m.insert("scope".into(), json!(f.scope));
    }
    if let Some(r) = &f.reading {
        m.insert("reading".into(), reading_json(r, survey));
    }
    if let Some(u) = &f.unknown {
        m.insert("unknown".into(), Value::Object(figure_json(u, survey)));
    }
    if !f.agrees_with.is_empty() {
        let agrees: Vec<Value> = f
            .agrees_with
            .iter()
            .map(|a| Value::Object(figure_json(a, survey)))
            .collect();
        m.insert("agrees_with".into(), Value::Array(agrees));
    }
    m
}

fn reading_json(id: &str, survey: &Survey) -> Value {
    match survey.reading(id) {
        Some(t) => json!({ "id": id, "ja": t.ja, "en": t.en }),
        None => json!({ "id": id }),
    }
}

fn figures_json(fs: &[Figure], survey: &Survey) -> Value {
    Value::Array(
        fs.iter()
            .map(|f| Value::Object(figure_json(f, survey)))
            .collect(),
    )
}

fn said_json(says: &[Said]) -> Value {
    Value::Array(
        says.iter()
            .map(|s| json!({ "ja": s.ja, "en": s.en, "source": s.source }))
            .collect(),
    )
}

pub(super) fn survey_json(s: &Survey, qn: &Questionnaire) -> Value {
    let c = &s.composition;
    let indicators: Vec<Value> = s
        .indicators
        .iter()
        .map(|ind| {
            let label = qn.indicator(&ind.id).map(|i| &i.text);
            let bed: Map<String, Value> = ind
                .bed_class
                .iter()
                .map(|(b, fs)| (b.id().to_string(), figures_json(fs, s)))
                .collect();
            let founder: Map<String, Value> = ind
                .founder
                .iter()
                .map(|(f, fs)| (f.id().to_string(), figures_json(fs, s)))
                .collect();
            let context: Vec<Value> = ind
                .context
                .iter()
                .map(|c| {
                    json!({
                        "label": { "ja": c.label.ja, "en": c.label.en },
                        "cohort": c.cohort.id(),
                        "figure": Value::Object(figure_json(&c.figure, s)),
                    })
                })
                .collect();
            json!({
                "id": ind.id,
                "label": label.map(|t| json!({ "ja": t.ja, "en": t.en })),
                "overall": figures_json(&ind.overall, s),
                "bed_class": bed,
                "founder": founder,
                "bed_class_average": figures_json(&ind.bed_class_average, s),
                "founder_average": figures_json(&ind.founder_average, s),
                "says": {
                    "bed_class": said_json(&ind.says.bed_class),
                    "founder": said_json(&ind.says.founder),
                },
                "context": context,
            })
        })
        .collect();
    // An aggregate knows its records, not how many hospitals were asked.
    let asked = |v: Value| if s.is_aggregate() { Value::Null } else { v };
    json!({
        "survey": {
            "name": { "ja": s.identity.name.ja, "en": s.identity.name.en },
            "date": s.identity.date.to_string(),
            "records": s.identity.records,
        },
        "title": { "ja": s.title.ja, "en": s.title.en },
        "conducted_by": { "ja": s.conducted_by.ja, "en": s.conducted_by.en },
        "period": { "from": s.period.from.to_string(), "to": s.period.to.to_string() },
        "targets": asked(json!(s.targets)),
        "respondents": s.respondents,
        "response_rate": asked(json!(s.response_rate)),
        "source": s.source,
        "composition": {
            "source": c.source,
            "bed_class": BedClass::ALL.iter().map(|b| json!({
                "id": b.id(),
                "n": s.n(Cohort::BedClass(*b)),
            })).collect::<Vec<_>>(),
            "founder": Founder::ALL.iter().map(|f| {
                let n = s.n(Cohort::Founder(*f)).unwrap_or(0);
                json!({
                    "id": f.id(),
                    "n": n,
                    "small_sample": crate::domain::survey::is_small_sample(n),
                    "report_names": c.report_names.get(f),
                })
            }).collect::<Vec<_>>(),
            "association": c.association.iter().map(|a| json!({
                "id": a.id, "n": a.n,
            })).collect::<Vec<_>>(),
            "association_total": c.association_total,
        },
        "budget_brackets": {
            "source": s.budget_brackets.source,
            "brackets": s.budget_brackets.brackets,
            "rows": BedClass::ALL.iter().map(|b| {
                let row = s.budget_brackets.row(*b);
                let n = s.n(Cohort::BedClass(*b)).unwrap_or(0);
                json!({
                    "bed_class": b.id(),
                    "counts": row,
                    "no_bracket": n.saturating_sub(row.iter().sum()),
                })
            }).collect::<Vec<_>>(),
            "reading": s.budget_brackets.reading.as_deref().map(|r| reading_json(r, s)),
        },
        "staff": {
            "total": Value::Object(figure_json(&s.staff.total, s)),
            "fulltime": said_json(std::slice::from_ref(&s.staff.fulltime)),
            "says": {
                "bed_class": said_json(&s.staff.says.bed_class),
                "founder": said_json(&s.staff.says.founder),
            },
        },
        "indicators": indicators,
    })
}
