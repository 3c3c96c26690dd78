//! What changed between two assessments of one hospital (last year's and this year's).

use super::budget::{BudgetData, HospitalBudget};
use super::clock::Clock;
use super::fiscal_year::FiscalYear;
use super::indicator::IndicatorValue;
use super::lang::Lang;
use super::matrix::{Catalog, Coverage};
use super::questionnaire::Questionnaire;
use super::record::{Record, RecordId};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerChange {
    pub question: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Which way an indicator moved, judged by its worrying side (`Indicator::concern`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Improved,
    Worsened,
    /// Changed between values where neither is worrying, or to/from unknown.
    Changed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndicatorChange {
    pub id: String,
    pub before: IndicatorValue,
    pub after: IndicatorValue,
    pub direction: Direction,
}

/// A figure before and after; `None` where it cannot be computed for that record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Delta<T> {
    pub before: Option<T>,
    pub after: Option<T>,
}

impl<T: PartialEq> Delta<T> {
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

/// One category of the 提言2 catalogue, its coverage in whole percent before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryDelta {
    pub id: String,
    #[serde(flatten)]
    pub coverage: Delta<u8>,
}

/// Risk coverage (提言2) before and after, in whole percent as the heat map shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverageDelta {
    pub overall: Delta<u8>,
    pub categories: Vec<CategoryDelta>,
}

impl CoverageDelta {
    pub fn changed(&self) -> bool {
        self.overall.changed() || self.categories.iter().any(|c| c.coverage.changed())
    }
}

/// The budget gap (提言１, actual − required, negative is short) at the minimum (15%) and
/// sufficient (30%) levels, in whole 万円 as a director reads it; `None` when the record's
/// actual budget or beds are not known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShortfallDelta {
    pub unit: &'static str,
    pub min: Delta<i64>,
    pub sufficient: Delta<i64>,
}

impl ShortfallDelta {
    pub fn changed(&self) -> bool {
        self.min.changed() || self.sufficient.changed()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordDiff {
    pub before: String,
    pub after: String,
    pub answers: Vec<AnswerChange>,
    pub notes: Vec<String>,
    pub indicators: Vec<IndicatorChange>,
    pub coverage: CoverageDelta,
    pub shortfall: ShortfallDelta,
}

impl RecordDiff {
    /// Nothing a reader would see differs.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
            && self.notes.is_empty()
            && self.indicators.is_empty()
            && !self.coverage.changed()
            && !self.shortfall.changed()
    }
}

/// Thousand yen to whole 万円, half away from zero (as `budget::spoken` says amounts).
fn man(thousand: i64) -> i64 {
    let m = (thousand.abs() + 5) / 10;
    if thousand < 0 {
        -m
    } else {
        m
    }
}

fn coverage(qn: &Questionnaire, before: &Record, after: &Record) -> CoverageDelta {
    let catalog = Catalog::embedded();
    let (b, a) = (
        Coverage::of(catalog, before, qn),
        Coverage::of(catalog, after, qn),
    );
    CoverageDelta {
        overall: Delta {
            before: b.overall.percent(),
            after: a.overall.percent(),
        },
        categories: b
            .categories
            .iter()
            .zip(&a.categories)
            .map(|((c, tb), (_, ta))| CategoryDelta {
                id: c.id.clone(),
                coverage: Delta {
                    before: tb.percent(),
                    after: ta.percent(),
                },
            })
            .collect(),
    }
}

fn shortfall(before: &Record, after: &Record) -> ShortfallDelta {
    let levels = BudgetData::embedded().levels();
    let gap = |r: &Record| HospitalBudget::of(r, levels).ok().and_then(|b| b.shortfall);
    let (b, a) = (gap(before), gap(after));
    ShortfallDelta {
        unit: "man_yen",
        min: Delta {
            before: b.map(|s| man(s.min)),
            after: a.map(|s| man(s.min)),
        },
        sufficient: Delta {
            before: b.map(|s| man(s.sufficient)),
            after: a.map(|s| man(s.sufficient)),
        },
    }
}

/// The answers (as the figures see them: a hidden question's kept answer does not count) and
/// the indicators that differ, in questionnaire order; the risk coverage and the budget gap
/// before and after, whether or not they moved.
pub fn diff(qn: &Questionnaire, before: &Record, after: &Record, lang: Lang) -> RecordDiff {
    let shown = |r: &Record, q: &str| {
        let question = qn.question(q)?;
        qn.effective(q, r).map(|v| question.describe(v, lang))
    };
    let answers = qn
        .questions()
        .filter_map(|q| {
            let (b, a) = (shown(before, &q.id), shown(after, &q.id));
            (b != a).then(|| AnswerChange {
                question: q.id.clone(),
                before: b,
                after: a,
            })
        })
        .collect();
    let notes = qn
        .questions()
        .filter(|q| before.note(&q.id) != after.note(&q.id))
        .map(|q| q.id.clone())
        .collect();
    let indicators = qn
        .indicators
        .iter()
        .filter_map(|ind| {
            let (b, a) = (
                qn.indicator_value(ind, before),
                qn.indicator_value(ind, after),
            );
            if b == a {
                return None;
            }
            let direction = match (ind.is_concern(b), ind.is_concern(a)) {
                (true, false) if a.as_bool().is_some() => Direction::Improved,
                (false, true) => Direction::Worsened,
                _ => Direction::Changed,
            };
            Some(IndicatorChange {
                id: ind.id.clone(),
                before: b,
                after: a,
                direction,
            })
        })
        .collect();
    RecordDiff {
        before: before.id.to_string(),
        after: after.id.to_string(),
        answers,
        notes,
        indicators,
        coverage: coverage(qn, before, after),
        shortfall: shortfall(before, after),
    }
}

/// One figure's move, as the diff and the history screen show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRow {
    pub label: String,
    /// "34% → 40%", "2,093万円不足 → 1,500万円不足".
    pub change: String,
    /// `None` when it did not move or one side is unknown.
    pub direction: Option<Direction>,
}

fn direction<T: PartialOrd>(d: &Delta<T>) -> Option<Direction> {
    match (&d.before, &d.after) {
        (Some(b), Some(a)) if a > b => Some(Direction::Improved),
        (Some(b), Some(a)) if a < b => Some(Direction::Worsened),
        _ => None,
    }
}

fn arrow<T>(d: &Delta<T>, show: impl Fn(&T) -> String) -> String {
    let side = |v: &Option<T>| v.as_ref().map_or_else(|| "—".to_string(), &show);
    format!("{} → {}", side(&d.before), side(&d.after))
}

impl RecordDiff {
    /// The coverage and budget-gap rows, before → after, in the reader's language. A higher
    /// coverage and a smaller shortfall are improvements.
    pub fn figure_rows(&self, lang: Lang) -> Vec<FigureRow> {
        let catalog = Catalog::embedded();
        let pct = |p: &u8| format!("{p}%");
        let mut rows = vec![FigureRow {
            label: lang
                .pick("網羅率（全体）", "Coverage (overall)")
                .to_string(),
            change: arrow(&self.coverage.overall, pct),
            direction: direction(&self.coverage.overall),
        }];
        for c in &self.coverage.categories {
            rows.push(FigureRow {
                label: format!(
                    "  {}",
                    catalog
                        .category(&c.id)
                        .map_or(c.id.as_str(), |cat| cat.short(lang))
                ),
                change: arrow(&c.coverage, pct),
                direction: direction(&c.coverage),
            });
        }
        let levels = BudgetData::embedded().levels();
        let gap = |man: &i64| {
            let amount = super::budget::spoken::say_man(man.abs(), lang);
            match (man.signum(), lang) {
                (-1, Lang::Ja) => format!("{amount}不足"),
                (-1, Lang::En) => format!("{amount} short"),
                (_, Lang::Ja) => format!("充足（+{amount}）"),
                (_, Lang::En) => format!("met (+{amount})"),
            }
        };
        for (level, d) in [
            (super::budget::Level::Min, &self.shortfall.min),
            (super::budget::Level::Sufficient, &self.shortfall.sufficient),
        ] {
            rows.push(FigureRow {
                label: match lang {
                    Lang::Ja => format!("予算の差額（{}）", levels.get(level).percent()),
                    Lang::En => format!("Budget gap ({})", levels.get(level).percent()),
                },
                change: arrow(d, gap),
                direction: direction(d),
            });
        }
        rows
    }
}

/// The 年度 a copy of `source` is made for unless told otherwise: the one after the source's,
/// whenever the copy is made (a copy in February for the coming 年度 is not a second record of
/// the current one). A record made before ids named the 年度 may name a later year than its
/// date: the later of the two counts.
pub fn copy_year(source: &Record) -> FiscalYear {
    source.fiscal_year().max(source.id.fiscal_year()).next()
}

/// Next year's record of the same hospital, as `copy` and the home screen's copy make it:
/// everything carried over, to confirm ([`Record::carry_to`]), and dated today — or, made
/// ahead for a coming 年度 (or late for a past one), that 年度's nearest day, so that the
/// assessment date always names the id's year.
pub fn copy(source: &Record, id: RecordId, clock: &Clock) -> Record {
    let assessed_on = id.fiscal_year().clamp(clock.today());
    source.carry_to(id, assessed_on, clock.now())
}

/// The assessment date of a new record of 年度 `year` made on the clock's day: today when it
/// falls in that 年度, else that 年度's nearest day.
pub fn assessment_date(year: FiscalYear, clock: &Clock) -> chrono::NaiveDate {
    year.clamp(clock.today())
}
