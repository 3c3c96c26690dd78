//! Carrying a record's answers from one edition to the next (`mhlw-r6` → `mhlw-r7`).
//!
//! An item kept under the same id keeps its latest answer, marked as carried. Items merged into
//! one (the three patch rows → `c2_patch_all`) become `yes` only when all were `yes`; a `no`
//! among them makes it `no` with the earliest target date; when neither holds (one of them was
//! never answered) the new item is left to answer. Each merge is kept in the record and shown.
//! New items start unanswered.

use super::edition::{Edition, Editions};
use crate::domain::lang::Lang;
use crate::domain::record::checklist_answers::{
    Carried, CarrySource, CarryStep, ChecklistAnswers, ItemAnswer, YesNo,
};
use crate::domain::record::Record;

/// What a carry did (or would do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarryReport {
    pub from: String,
    /// Items whose answer was copied under the same id.
    pub copied: usize,
    pub merges: Vec<CarryStep>,
    pub answers: ChecklistAnswers,
}

/// The answers `next` starts with, from a record's answers to `prev`.
pub fn carry(prev: &Edition, next: &Edition, answers: &ChecklistAnswers) -> CarryReport {
    let mut out = ChecklistAnswers {
        carried_from: Some(prev.id.clone()),
        ..ChecklistAnswers::default()
    };
    let mut copied = 0;
    for item in &next.items {
        if prev.item(&item.id).is_none() {
            continue;
        }
        if let Some(latest) = answers.latest(&item.id) {
            out.items.insert(
                item.id.clone(),
                vec![ItemAnswer {
                    carried: Some(Carried {
                        edition: prev.id.clone(),
                        items: vec![item.id.clone()],
                        record: None,
                    }),
                    ..latest.clone()
                }],
            );
            copied += 1;
        }
    }
    for m in &next.merged {
        let sources: Vec<(&String, Option<&ItemAnswer>)> =
            m.from.iter().map(|f| (f, answers.latest(f))).collect();
        let from: Vec<CarrySource> = sources
            .iter()
            .map(|(f, a)| CarrySource {
                item: (*f).clone(),
                answer: a.map(|a| a.answer),
                target_on: a.and_then(|a| a.target_on),
            })
            .collect();
        let answered: Vec<&ItemAnswer> = sources.iter().filter_map(|(_, a)| *a).collect();
        let earliest_no = answered
            .iter()
            .filter(|a| a.answer == YesNo::No && a.target_on.is_some())
            .min_by_key(|a| a.target_on);
        let merged = if let Some(no) = earliest_no {
            Some(ItemAnswer {
                answer: YesNo::No,
                checked_on: no.checked_on,
                target_on: no.target_on,
                note: None,
                evidence: None,
                at: no.at,
                carried: None,
            })
        } else if answered.len() == sources.len() && answered.iter().all(|a| a.answer == YesNo::Yes)
        {
            answered
                .iter()
                .max_by_key(|a| a.checked_on)
                .map(|last| ItemAnswer {
                    answer: YesNo::Yes,
                    checked_on: last.checked_on,
                    target_on: None,
                    note: None,
                    evidence: None,
                    at: last.at,
                    carried: None,
                })
        } else {
            None
        };
        let step = CarryStep {
            into: m.into.clone(),
            from,
            result: merged.as_ref().map(|a| a.answer),
            target_on: merged.as_ref().and_then(|a| a.target_on),
        };
        if let Some(mut a) = merged {
            a.carried = Some(Carried {
                edition: prev.id.clone(),
                items: m.from.clone(),
                record: None,
            });
            out.items.insert(m.into.clone(), vec![a]);
        }
        out.merges.push(step);
    }
    CarryReport {
        from: prev.id.clone(),
        copied,
        merges: out.merges.clone(),
        answers: out,
    }
}

/// What the record would start `edition` with, when it has no answers to it yet and has some to
/// the edition before.
pub fn preview(editions: &Editions, record: &Record, edition: &Edition) -> Option<CarryReport> {
    if record.checklists.contains_key(&edition.id) {
        return None;
    }
    let prev = editions.get(edition.previous.as_deref()?)?;
    let answers = record.checklists.get(&prev.id)?;
    if answers.items.is_empty() {
        return None;
    }
    Some(carry(prev, edition, answers))
}

/// Carries the previous edition's answers into the record, once: on the first change to an
/// edition it has no answers to.
pub fn start(editions: &Editions, record: &mut Record, edition: &Edition) -> Option<CarryReport> {
    let report = preview(editions, record, edition)?;
    record
        .checklists
        .insert(edition.id.clone(), report.answers.clone());
    Some(report)
}

impl CarryStep {
    /// `2(7) サーバ=はい, 2(7) 端末PC=いいえ (→2026-01-31), 2(7) ネットワーク機器=未回答 を統合 →
    /// 2⑦ = いいえ（目標日 2026-01-31）`, for the show command, the screen and the printed form:
    /// the sources by the previous edition's numbers, the result by this one's.
    pub fn describe(&self, editions: &Editions, into: &Edition, lang: Lang) -> String {
        let previous = into.previous.as_deref().and_then(|p| editions.get(p));
        let source_label = |id: &str| match previous {
            Some(p) => super::label::printed_id(p, id, lang),
            None => super::label::printed_id(into, id, lang),
        };
        let sources: Vec<String> = self
            .from
            .iter()
            .map(|s| {
                let a = match (s.answer, s.target_on) {
                    (Some(a), Some(t)) => format!("{} (→{t})", a.label(lang)),
                    (Some(a), None) => a.label(lang).to_string(),
                    (None, _) => lang.pick("未回答", "unanswered").to_string(),
                };
                format!("{}={a}", source_label(&s.item))
            })
            .collect();
        let result = match (self.result, self.target_on) {
            (Some(r), Some(t)) => format!(
                "{}{}",
                r.label(lang),
                lang.pick_with(|| format!("（目標日 {t}）"), || format!(" (target {t})"))
            ),
            (Some(r), None) => r.label(lang).to_string(),
            (None, _) => lang
                .pick(
                    "未回答のまま（統合元に未回答があり、「いいえ」もないため）",
                    "left unanswered (a source is unanswered and none is no)",
                )
                .to_string(),
        };
        format!(
            "{} {} {} = {result}",
            sources.join(", "),
            lang.pick("を統合 →", "merged →"),
            super::label::printed_id(into, &self.into, lang)
        )
    }
}
