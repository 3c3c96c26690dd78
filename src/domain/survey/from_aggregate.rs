//! A survey made from an aggregate (`shindan aggregate --format json`): the next survey, run
//! with shindan, becomes what a hospital compares itself with (`--survey FILE`).
//!
//! Every share becomes a counted figure (`yes` of `of`, precision exact) placed at
//! "<name> indicators"; the bed classes and founders, the budget brackets and the staff average
//! come from the same file. The file is checked before it is used — a damaged or hand-edited
//! aggregate would otherwise put wrong figures beside a hospital's answers — and a fault is
//! named by its field (`indicators[3].by_bed_class.b20_99.yes`).

use super::BRACKETS;
use super::{
    BudgetTable, Composition, Figure, FigureValue, Identity, IndicatorFigures, Period, Said, Says,
    Scope, Staff, Survey,
};
use crate::domain::cohort::{BedClass, Founder};
use crate::domain::lang::{Lang, Text};
use crate::domain::questionnaire::Questionnaire;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;

/// What a field of an aggregate file breaks.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Rule {
    #[error("must not be empty")]
    Empty,
    #[error("is {got}, but the file counts {respondents} respondents")]
    NotRespondents { got: u64, respondents: u64 },
    #[error("`{got}` is not one of: {}", allowed.join(", "))]
    UnknownKey {
        got: String,
        allowed: Vec<&'static str>,
    },
    #[error("`{0}` is not an indicator of this questionnaire")]
    UnknownIndicator(String),
    #[error("`{0}` is listed twice")]
    Twice(String),
    #[error("yes ({yes}) is more than of ({of})")]
    YesOverOf { yes: u64, of: u64 },
    #[error("counts {count}, more than the {n} respondents it is part of")]
    OverCohort { count: u64, n: u64 },
    #[error("{share} is not {yes}/{of}")]
    Share { share: f64, yes: u64, of: u64 },
    #[error("{0} is too large (at most 4,294,967,295)")]
    TooLarge(u64),
    #[error("{0} is not an average number of people (a number of 0 or more)")]
    NotPeople(f64),
}

impl Rule {
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Ja => match self {
                Rule::Empty => "空にできません".into(),
                Rule::NotRespondents { got, respondents } => {
                    format!("{got} ですが、回答病院（respondents）は {respondents} です")
                }
                Rule::UnknownKey { got, allowed } => {
                    format!(
                        "`{got}` は使えません：{} のいずれかです",
                        allowed.join("、")
                    )
                }
                Rule::UnknownIndicator(id) => {
                    format!("`{id}` はこの質問票の指標ではありません")
                }
                Rule::Twice(id) => format!("`{id}` が二度あります"),
                Rule::YesOverOf { yes, of } => {
                    format!("yes（{yes}）が of（{of}）を超えています")
                }
                Rule::OverCohort { count, n } => {
                    format!("{count} 件で、属する回答病院 {n} を超えています")
                }
                Rule::Share { share, yes, of } => format!("{share} は {yes}/{of} ではありません"),
                Rule::TooLarge(n) => format!("{n} は大きすぎます（4,294,967,295 まで）"),
                Rule::NotPeople(v) => format!("{v} は平均人数（0以上の数）ではありません"),
            },
        }
    }
}

/// Why a file cannot be the survey compared with.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AggregateFileError {
    #[error("not JSON at line {line}, column {column}: {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// A field missing or of the wrong type, as the JSON reader names it.
    #[error("{field}: {message} (make the file with `shindan aggregate --format json`)")]
    Shape { field: String, message: String },
    #[error("{field}: {rule}")]
    Field { field: String, rule: Rule },
}

impl AggregateFileError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (
                AggregateFileError::NotJson {
                    line,
                    column,
                    message,
                },
                Lang::Ja,
            ) => format!("JSONではありません（{line}行{column}桁：{message}）"),
            (AggregateFileError::Shape { field, message }, Lang::Ja) => format!(
                "{field}：集計ファイルの形ではありません（{message}）。`shindan aggregate --format json` で作ってください"
            ),
            (AggregateFileError::Field { field, rule }, Lang::Ja) => {
                format!("{field}：{}", rule.message(lang))
            }
        }
    }

    /// The field named, for the tests and for scripts.
    pub fn field(&self) -> Option<&str> {
        match self {
            AggregateFileError::NotJson { .. } => None,
            AggregateFileError::Shape { field, .. } | AggregateFileError::Field { field, .. } => {
                Some(field)
            }
        }
    }
}

fn fault(field: impl Into<String>, rule: Rule) -> AggregateFileError {
    AggregateFileError::Field {
        field: field.into(),
        rule,
    }
}

#[derive(Deserialize)]
struct RawHeader {
    name: String,
    date: NaiveDate,
    records: u64,
}

#[derive(Deserialize)]
struct RawCell {
    yes: u64,
    of: u64,
    #[serde(default)]
    share: Option<f64>,
}

#[derive(Deserialize)]
struct RawIndicator {
    id: String,
    overall: RawCell,
    by_bed_class: BTreeMap<String, RawCell>,
    by_founder: BTreeMap<String, RawCell>,
}

#[derive(Deserialize)]
struct RawClassBudget {
    counts: BTreeMap<String, u64>,
}

#[derive(Deserialize)]
struct RawBudget {
    by_bed_class: BTreeMap<String, RawClassBudget>,
}

#[derive(Deserialize)]
struct RawMean {
    total: Option<f64>,
    fulltime: Option<f64>,
    n: u64,
}

#[derive(Deserialize)]
struct RawStaff {
    overall: RawMean,
}

/// The parts of `shindan aggregate --format json` a survey needs; the other keys are ignored.
#[derive(Deserialize)]
struct RawAggregate {
    survey: RawHeader,
    respondents: u64,
    by_bed_class: BTreeMap<String, u64>,
    by_founder: BTreeMap<String, u64>,
    indicators: Vec<RawIndicator>,
    budget: RawBudget,
    staff: RawStaff,
}

fn small(field: &str, n: u64) -> Result<u32, AggregateFileError> {
    u32::try_from(n).map_err(|_| fault(field, Rule::TooLarge(n)))
}

/// The cohort counts of one dimension, keyed by its ids, each known and none above `of`.
fn cohorts<K: Ord + Copy>(
    field: &str,
    raw: &BTreeMap<String, u64>,
    all: &[K],
    id: impl Fn(K) -> &'static str,
    respondents: u64,
) -> Result<BTreeMap<K, u32>, AggregateFileError> {
    let allowed: Vec<&'static str> = all.iter().map(|&k| id(k)).collect();
    let mut out: BTreeMap<K, u32> = all.iter().map(|&k| (k, 0)).collect();
    for (key, &n) in raw {
        let k = all.iter().copied().find(|&k| id(k) == key).ok_or_else(|| {
            fault(
                field,
                Rule::UnknownKey {
                    got: key.clone(),
                    allowed: allowed.clone(),
                },
            )
        })?;
        let here = format!("{field}.{key}");
        if n > respondents {
            return Err(fault(
                here,
                Rule::OverCohort {
                    count: n,
                    n: respondents,
                },
            ));
        }
        out.insert(k, small(&here, n)?);
    }
    let sum: u64 = out.values().map(|&n| u64::from(n)).sum();
    if sum > respondents {
        return Err(fault(
            field,
            Rule::OverCohort {
                count: sum,
                n: respondents,
            },
        ));
    }
    Ok(out)
}

/// One cell as a counted figure; none when nobody in the cohort gave a definite answer.
fn figure(
    field: &str,
    cell: &RawCell,
    n: u32,
    source: &str,
) -> Result<Option<Figure>, AggregateFileError> {
    if cell.yes > cell.of {
        return Err(fault(
            field,
            Rule::YesOverOf {
                yes: cell.yes,
                of: cell.of,
            },
        ));
    }
    if cell.of > u64::from(n) {
        return Err(fault(
            format!("{field}.of"),
            Rule::OverCohort {
                count: cell.of,
                n: u64::from(n),
            },
        ));
    }
    if let Some(share) = cell.share {
        let exact = cell.yes as f64 / cell.of as f64;
        if cell.of == 0 || (share - exact).abs() > 1e-9 {
            return Err(fault(
                format!("{field}.share"),
                Rule::Share {
                    share,
                    yes: cell.yes,
                    of: cell.of,
                },
            ));
        }
    }
    if cell.of == 0 {
        return Ok(None);
    }
    Ok(Some(Figure {
        value: FigureValue::Counted {
            yes: small(&format!("{field}.yes"), cell.yes)?,
            of: small(&format!("{field}.of"), cell.of)?,
        },
        source: source.to_string(),
        counts: Default::default(),
        counts_label: None,
        qualifier: None,
        scope: Scope::Cohort,
        reading: None,
        agrees_with: Vec::new(),
        unknown: None,
    }))
}

fn mean(field: &str, v: Option<f64>) -> Result<f64, AggregateFileError> {
    match v {
        None => Ok(0.0),
        Some(v) if v.is_finite() && v >= 0.0 => Ok(v),
        Some(v) => Err(fault(field, Rule::NotPeople(v))),
    }
}

/// Reads an aggregate file as the survey to compare with, checked field by field.
pub fn from_aggregate(json: &str, qn: &Questionnaire) -> Result<Survey, AggregateFileError> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let raw: RawAggregate = serde_path_to_error::deserialize(de).map_err(|e| {
        let inner = e.inner();
        if inner.is_syntax() || inner.is_eof() {
            return AggregateFileError::NotJson {
                line: inner.line(),
                column: inner.column(),
                message: inner.to_string(),
            };
        }
        let path = e.path().to_string();
        AggregateFileError::Shape {
            field: if path == "." {
                "(top level)".into()
            } else {
                path
            },
            message: inner.to_string(),
        }
    })?;
    let name = raw.survey.name.trim().to_string();
    if name.is_empty() {
        return Err(fault("survey.name", Rule::Empty));
    }
    let respondents = raw.respondents;
    if raw.survey.records != respondents {
        return Err(fault(
            "survey.records",
            Rule::NotRespondents {
                got: raw.survey.records,
                respondents,
            },
        ));
    }
    let n_all = small("respondents", respondents)?;
    let bed_class = cohorts(
        "by_bed_class",
        &raw.by_bed_class,
        &BedClass::ALL,
        BedClass::id,
        respondents,
    )?;
    let founder = cohorts(
        "by_founder",
        &raw.by_founder,
        &Founder::ALL,
        Founder::id,
        respondents,
    )?;
    let place = |table: &str| format!("{name} {table}");
    let source = place("indicators");

    let mut indicators: Vec<IndicatorFigures> = Vec::new();
    for (i, ri) in raw.indicators.iter().enumerate() {
        let at = format!("indicators[{i}]");
        if qn.indicator(&ri.id).is_none() {
            return Err(fault(
                format!("{at}.id"),
                Rule::UnknownIndicator(ri.id.clone()),
            ));
        }
        if indicators.iter().any(|f| f.id == ri.id) {
            return Err(fault(format!("{at}.id"), Rule::Twice(ri.id.clone())));
        }
        let overall = figure(&format!("{at}.overall"), &ri.overall, n_all, &source)?;
        let mut by_bed = BTreeMap::new();
        for (key, cell) in &ri.by_bed_class {
            let field = format!("{at}.by_bed_class");
            let b: BedClass = key.parse().map_err(|_| {
                fault(
                    &field,
                    Rule::UnknownKey {
                        got: key.clone(),
                        allowed: BedClass::ALL.iter().map(|b| b.id()).collect(),
                    },
                )
            })?;
            let n = bed_class.get(&b).copied().unwrap_or(0);
            if let Some(f) = figure(&format!("{field}.{key}"), cell, n, &source)? {
                by_bed.insert(b, vec![f]);
            }
        }
        let mut by_founder = BTreeMap::new();
        for (key, cell) in &ri.by_founder {
            let field = format!("{at}.by_founder");
            let f: Founder = key.parse().map_err(|_| {
                fault(
                    &field,
                    Rule::UnknownKey {
                        got: key.clone(),
                        allowed: Founder::ALL.iter().map(|f| f.id()).collect(),
                    },
                )
            })?;
            let n = founder.get(&f).copied().unwrap_or(0);
            if let Some(fig) = figure(&format!("{field}.{key}"), cell, n, &source)? {
                by_founder.insert(f, vec![fig]);
            }
        }
        indicators.push(IndicatorFigures {
            id: ri.id.clone(),
            overall: overall.into_iter().collect(),
            bed_class: by_bed,
            founder: by_founder,
            bed_class_average: Vec::new(),
            founder_average: Vec::new(),
            says: Says::default(),
            context: Vec::new(),
        });
    }
    // An indicator the file does not list has no figures: shown as such, never invented.
    for ind in &qn.indicators {
        if !indicators.iter().any(|f| f.id == ind.id) {
            indicators.push(IndicatorFigures {
                id: ind.id.clone(),
                overall: Vec::new(),
                bed_class: BTreeMap::new(),
                founder: BTreeMap::new(),
                bed_class_average: Vec::new(),
                founder_average: Vec::new(),
                says: Says::default(),
                context: Vec::new(),
            });
        }
    }
    let order = |id: &str| qn.indicators.iter().position(|i| i.id == id);
    indicators.sort_by_key(|f| order(&f.id));

    let mut rows = BTreeMap::new();
    for (key, class_budget) in &raw.budget.by_bed_class {
        let field = format!("budget.by_bed_class.{key}");
        let b: BedClass = key.parse().map_err(|_| {
            fault(
                "budget.by_bed_class",
                Rule::UnknownKey {
                    got: key.clone(),
                    allowed: BedClass::ALL.iter().map(|b| b.id()).collect(),
                },
            )
        })?;
        let mut row = vec![0u32; BRACKETS.len()];
        for (bracket, &count) in &class_budget.counts {
            let i = BRACKETS.iter().position(|x| x == bracket).ok_or_else(|| {
                fault(
                    format!("{field}.counts"),
                    Rule::UnknownKey {
                        got: bracket.clone(),
                        allowed: BRACKETS.to_vec(),
                    },
                )
            })?;
            row[i] = small(&format!("{field}.counts.{bracket}"), count)?;
        }
        let sum: u64 = row.iter().map(|&n| u64::from(n)).sum();
        let n = bed_class.get(&b).copied().unwrap_or(0);
        if sum > u64::from(n) {
            return Err(fault(
                format!("{field}.counts"),
                Rule::OverCohort {
                    count: sum,
                    n: u64::from(n),
                },
            ));
        }
        rows.insert(b, row);
    }
    for b in BedClass::ALL {
        rows.entry(b).or_insert_with(|| vec![0; BRACKETS.len()]);
    }

    let staff = &raw.staff.overall;
    if staff.n > respondents {
        return Err(fault(
            "staff.overall.n",
            Rule::OverCohort {
                count: staff.n,
                n: respondents,
            },
        ));
    }
    let staff_n = small("staff.overall.n", staff.n)?;
    let total = mean("staff.overall.total", staff.total)?;
    let fulltime = mean("staff.overall.fulltime", staff.fulltime)?;
    let staff_place = place("staff");
    let fulltime_said = if staff_n == 0 {
        Said {
            ja: "常勤者：回答なし".into(),
            en: "full-time staff: no answers".into(),
            source: staff_place.clone(),
        }
    } else {
        Said {
            ja: format!("うち常勤 平均{fulltime:.2}人（n={staff_n}）"),
            en: format!("of whom full-time: {fulltime:.2} on average (n={staff_n})"),
            source: staff_place.clone(),
        }
    };

    let date = raw.survey.date;
    let text = |s: &str| Text {
        ja: s.to_string(),
        en: s.to_string(),
    };
    Ok(Survey {
        identity: Identity {
            name: text(&name),
            date,
            records: Some(respondents),
        },
        title: text(&name),
        conducted_by: Text {
            ja: "shindan aggregate による集計".into(),
            en: "aggregated with shindan aggregate".into(),
        },
        period: Period {
            from: date,
            to: date,
        },
        targets: n_all,
        respondents: n_all,
        response_rate: 100.0,
        source: place("respondents"),
        pages: BTreeMap::new(),
        composition: Composition {
            source: place("respondents"),
            bed_class,
            founder,
            association: Vec::new(),
            association_total: 0,
            report_names: BTreeMap::new(),
        },
        budget_brackets: BudgetTable {
            source: place("budget"),
            brackets: BRACKETS.iter().map(|b| b.to_string()).collect(),
            rows,
            reading: None,
        },
        staff: Staff {
            total: Figure {
                value: FigureValue::Mean {
                    value: total,
                    n: staff_n,
                },
                source: staff_place,
                counts: Default::default(),
                counts_label: None,
                qualifier: None,
                scope: Scope::Cohort,
                reading: None,
                agrees_with: Vec::new(),
                unknown: None,
            },
            fulltime: fulltime_said,
            says: Says::default(),
        },
        readings: BTreeMap::new(),
        indicators,
    })
}
