//! Two kinds of next step that are not the evidence of one domain alone.
//!
//! **Gaps most peers share.** A worrying answer that puts the hospital in the majority of its
//! cohorts — no BCP, no cyber insurance, never audited: in 2022 most hospitals were the same —
//! is no reason to leave it off the list; a director reads a missing step as "fine". It stays a
//! step, its wording says the gap is common (「多くの病院と同じ課題」), and it ranks by the
//! risk it leaves open in the record's own coverage: with the 大 risks when a control its
//! answer proves missing covers a 大 risk left uncovered, with the 中 risks likewise, and
//! otherwise in a tier of its own after the budget ([`Tier::Common`]).
//!
//! **What was carried from last year.** Until a copy is confirmed, its answers count towards
//! nothing, and every other step rests on last year's word: confirming comes first.

use super::next_steps::{step, NextStep, Target, Tier};
use super::summary::{text, CoverageSummary, PositionSummary, RiskLevel, Worry};
use crate::domain::carried::Carried;
use crate::domain::indicator::Indicator;
use crate::domain::lang::Lang;
use crate::domain::matrix::{Catalog, Crosswalk};
use crate::domain::survey::Survey;
use crate::domain::RecordId;

/// The highest level among the uncovered risks of the record that a control read from the
/// indicator's answers (through the crosswalk's interview proofs) would cover; `None` when none
/// is uncovered.
fn risk_level(ind: &Indicator, cov: &CoverageSummary<'_>, catalog: &Catalog) -> Option<RiskLevel> {
    let reads = |q: &str| ind.true_if_any.iter().any(|c| c.question == q);
    let crosswalk = Crosswalk::embedded();
    let proven = |control: &str| {
        crosswalk.entry(control).is_some_and(|e| {
            e.interview
                .iter()
                .any(|p| p.status.status().is_some() && reads(&p.question))
        })
    };
    let scenarios: Vec<_> = catalog
        .controls
        .iter()
        .filter(|c| proven(&c.id))
        .flat_map(|c| c.scenarios.iter())
        .filter_map(|id| catalog.scenario(id))
        .collect();
    cov.uncovered
        .iter()
        .filter(|u| {
            scenarios.iter().any(|s| match u.level {
                RiskLevel::Large => s.category == u.id,
                RiskLevel::Medium => s.parent == u.id,
                RiskLevel::Small => s.id == u.id,
            })
        })
        .map(|u| u.level)
        .min()
}

fn tier_of(level: Option<RiskLevel>) -> Tier {
    match level {
        Some(RiskLevel::Large) => Tier::LargeRisk,
        Some(RiskLevel::Medium) => Tier::MediumRisk,
        _ => Tier::Common,
    }
}

/// A step for every worrying answer that is not in a minority.
pub(super) fn common_gaps(
    pos: &PositionSummary<'_>,
    cov: &CoverageSummary<'_>,
    catalog: &Catalog,
    survey: &Survey,
    out: &mut Vec<NextStep>,
) {
    for w in pos.worries.iter().filter(|w| !w.minority()) {
        let level = risk_level(w.indicator, cov, catalog);
        out.push(step(
            tier_of(level),
            w.action(),
            why(w, level),
            source(w, survey),
            Target::question_of(w.indicator),
        ));
    }
}

fn why(w: &Worry<'_>, level: Option<RiskLevel>) -> crate::domain::Text {
    let open = |lang: Lang| match (level, lang) {
        (Some(l @ (RiskLevel::Large | RiskLevel::Medium)), Lang::Ja) => {
            format!("。{}リスクが未対策のまま残ります", l.label(Lang::Ja))
        }
        (Some(l @ (RiskLevel::Large | RiskLevel::Medium)), Lang::En) => {
            format!("; it leaves a {} risk uncovered", l.label(Lang::En))
        }
        _ => String::new(),
    };
    match w.telling() {
        Some(s) => {
            let (phrase, side) = (s.phrase(), s.side_words());
            text(
                format!(
                    "多くの病院と同じ課題：{}。{}{}",
                    phrase.ja,
                    side.ja,
                    open(Lang::Ja)
                ),
                format!(
                    "A gap most hospitals share: {}. {}{}",
                    phrase.en,
                    side.en,
                    open(Lang::En)
                ),
            )
        }
        // No figure settles a side (「5割以上」): not shown to be a minority either.
        None => text(
            format!(
                "多くの病院と同じ課題：{}（調査の数字では少数派ではありません）{}",
                w.indicator.as_worry(Lang::Ja),
                open(Lang::Ja)
            ),
            format!(
                "A gap most hospitals share: {} (the survey's figures show no minority){}",
                w.indicator.as_worry(Lang::En),
                open(Lang::En)
            ),
        ),
    }
}

fn source(w: &Worry<'_>, survey: &Survey) -> crate::domain::Text {
    super::next_steps::survey_source(
        survey,
        w.telling().map(|s| s.figure.source.as_str()),
        w.indicator,
    )
}

/// "Confirm what was carried", first, while anything is.
pub(super) fn carried_step(
    carried: &Carried,
    previous: Option<&RecordId>,
    out: &mut Vec<NextStep>,
) {
    if carried.is_empty() {
        return;
    }
    let parts = |lang: Lang| {
        [
            (carried.answers.len(), "面談の回答", "interview answers"),
            (carried.checklist.len(), "チェックリスト", "checklist items"),
            (
                carried.vendor_returns.len(),
                "事業者確認用の返却",
                "vendor returns",
            ),
            (carried.contacts.len(), "連絡体制図", "contact entries"),
            (carried.controls.len(), "対策の状態", "control marks"),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, ja, en)| match lang {
            Lang::Ja => format!("{ja}{n}件"),
            Lang::En => format!("{n} {en}"),
        })
        .collect::<Vec<_>>()
    };
    let previous = previous.map(|p| p.to_string()).unwrap_or_default();
    out.push(step(
        Tier::Carried,
        text(
            "昨年から引き継いだ回答を確かめる（変わらないものは節ごとにまとめて確認）",
            "Confirm what was carried from last year (what is unchanged, a section at a time)",
        ),
        text(
            format!(
                "{}が昨年のままで未確認：確認するまで進捗・準備状況・網羅率に数えず、ほかの一手も昨年の回答によります",
                parts(Lang::Ja).join("・")
            ),
            format!(
                "{} are last year's and unconfirmed: they count towards no progress, readiness or coverage, and the other steps rest on them",
                parts(Lang::En).join(", ")
            ),
        ),
        text(
            format!("前年度の記録 {previous}").trim_end().to_string(),
            format!("Last year's record {previous}")
                .trim_end()
                .to_string(),
        ),
        Target::Carried,
    ));
}
