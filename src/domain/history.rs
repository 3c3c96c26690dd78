//! What changed between two assessments of one hospital (last year's and this year's).

use super::indicator::IndicatorValue;
use super::lang::Lang;
use super::questionnaire::Questionnaire;
use super::record::Record;
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordDiff {
    pub before: String,
    pub after: String,
    pub answers: Vec<AnswerChange>,
    pub notes: Vec<String>,
    pub indicators: Vec<IndicatorChange>,
}

/// The answers (as the figures see them: a hidden question's kept answer does not count) and
/// the indicators that differ, in questionnaire order.
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
            let (b, a) = (ind.evaluate(qn, before), ind.evaluate(qn, after));
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
    }
}
