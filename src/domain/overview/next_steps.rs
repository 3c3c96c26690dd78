//! What to do first, derived from the overview.
//!
//! The ranking is by *kind of evidence*, never by a score: the report gives no severity for a
//! risk scenario, no weight between an indicator and a checklist item, and no yen value of a
//! control, so any number that ranked one against another would be made up. The kinds, in
//! order ([`Tier`]):
//!
//! 0. **Carried** — what a copy brought from last year and nobody has confirmed: until then
//!    it counts towards nothing and every other step rests on last year's word.
//! 1. **Past due** — a checklist item answered いいえ whose target date has passed: a date the
//!    hospital set itself, and what the 立入検査 asks about.
//! 2. **大 risk uncovered** — a whole risk category of 提言2 with every scenario scoring 0 and
//!    at least one known to be uncovered: nothing at all stands against it. A gap most peers
//!    share whose answer leaves such a risk open ranks here too ([`super::common_gaps`]).
//! 3. **Minority** — a worrying answer that puts the hospital in the minority of a cohort of
//!    the 2022 survey (most peers have the measure): the report's figure says so.
//! 4. **Checklist** — a vendor contradicting the hospital, required items still missing, a
//!    vendor form not back: needed for the inspection, but not yet late.
//! 5. **中 risk uncovered** — a 中 risk with every scenario at 0, its category covered elsewhere;
//!    and the shared gaps that leave a 中 risk open.
//! 6. **Budget** — the hospital's own shortfall against 提言1 (15%, then 30%).
//! 7. **Common** — the other worrying answers the hospital shares with most of its cohort
//!    (「多くの病院と同じ課題」): common is not fine, so they stay steps.
//! 8. **Find out** — what is not known yet: unanswered or "don't know" indicators, controls
//!    nobody has given a status for, the budget not answered.
//!
//! Within a kind the order is the source's own (date for targets, catalogue order for risks,
//! questionnaire order for indicators). Each kind has a quota so that one kind cannot fill the
//! list ([`QUOTA`]); slots left over go, in tier order, to the steps over quota. At most
//! [`MAX`] steps.

use super::quota::select;
pub use super::quota::{MAX, QUOTA};
use super::summary::{text, ChecklistSummary, CoverageSummary, PositionSummary, RiskLevel};
use super::summary::{BudgetSummary, UncoveredRisk};
pub use super::target::Target;
use crate::domain::budget::spoken::about;
use crate::domain::carried::Carried;
use crate::domain::lang::{Lang, Text};
use crate::domain::matrix::Catalog;
use crate::domain::survey::render::cite;
use crate::domain::survey::Survey;
use crate::domain::RecordId;

/// The kind of evidence a step rests on; the order of the variants is the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Carried,
    PastDue,
    LargeRisk,
    Minority,
    Checklist,
    MediumRisk,
    Budget,
    Common,
    FindOut,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    /// 1 = first.
    pub rank: usize,
    pub tier: Tier,
    pub action: Text,
    pub why: Text,
    /// Where it comes from: the checklist item, the catalogue risk and control, the survey
    /// figure's page, 提言1.
    pub source: Text,
    /// Where it is done, for a front end to open or to name the command for.
    pub target: Target,
}

/// What the steps are ranked from.
pub struct Evidence<'e, 'a> {
    pub position: &'e PositionSummary<'a>,
    pub coverage: &'e CoverageSummary<'a>,
    pub budget: &'e BudgetSummary,
    pub checklist: Option<&'e ChecklistSummary>,
    pub survey: &'e Survey,
    pub catalog: &'e Catalog,
    pub carried: &'e Carried,
    /// Last year's record, when this one is a copy.
    pub previous: Option<&'e RecordId>,
}

/// Every candidate step, ranked and cut to [`MAX`].
pub fn rank(e: &Evidence<'_, '_>) -> Vec<NextStep> {
    let (position, coverage, budget, checklist, survey) =
        (e.position, e.coverage, e.budget, e.checklist, e.survey);
    let mut all = Vec::new();
    super::common_gaps::carried_step(e.carried, e.previous, &mut all);
    if let Some(c) = checklist {
        past_due(c, &mut all);
    }
    risks(coverage, RiskLevel::Large, Tier::LargeRisk, &mut all);
    minority(position, survey, &mut all);
    if let Some(c) = checklist {
        checklist_steps(c, &mut all);
    }
    risks(coverage, RiskLevel::Medium, Tier::MediumRisk, &mut all);
    super::common_gaps::common_gaps(position, coverage, e.catalog, survey, &mut all);
    budget_steps(budget, &mut all);
    find_out(position, coverage, budget, survey, &mut all);
    // Shared gaps join the tier of the risk they leave open: back into tier order, each
    // source's own order kept.
    all.sort_by_key(|s| s.tier);
    select(all)
}

pub(super) fn step(tier: Tier, action: Text, why: Text, source: Text, target: Target) -> NextStep {
    NextStep {
        rank: 0,
        tier,
        action,
        why,
        source,
        target,
    }
}

/// A survey figure's place in the report and the question of the form the indicator reads:
/// 「2022年調査 病床規模別(2/7)（問8）」 — the form's own number, never the indicator's id.
pub(super) fn survey_source(
    survey: &Survey,
    figure: Option<&str>,
    indicator: &crate::domain::indicator::Indicator,
) -> Text {
    let question = match Target::question_of(indicator) {
        Target::Question { id } => crate::domain::Questionnaire::embedded().number(&id),
        _ => None,
    };
    let place = |lang: Lang| {
        figure
            .map(|f| format!(" {}", cite(f, survey, lang)))
            .unwrap_or_default()
    };
    text(
        format!(
            "{}{}{}",
            survey.label(Lang::Ja),
            place(Lang::Ja),
            question.map(|n| format!("（問{n}）")).unwrap_or_default()
        ),
        format!(
            "{}{}{}",
            survey.label(Lang::En),
            place(Lang::En),
            question
                .map(|n| format!(" (question {n})"))
                .unwrap_or_default()
        ),
    )
}

fn checklist_source(c: &ChecklistSummary, label: &Text) -> Text {
    text(
        format!("厚労省チェックリスト{} {}", c.edition_name.ja, label.ja)
            .trim_end()
            .to_string(),
        format!("MHLW checklist, {} {}", c.edition_name.en, label.en)
            .trim_end()
            .to_string(),
    )
}

fn past_due(c: &ChecklistSummary, out: &mut Vec<NextStep>) {
    for t in c.overdue() {
        out.push(step(
            Tier::PastDue,
            text(
                format!("{} を実施する：{}", t.label.ja, t.text.ja),
                format!("Do {}: {}", t.label.en, t.text.en),
            ),
            text(
                format!("いいえと回答し、目標日 {} を過ぎています", t.on),
                format!("Answered no; its target date {} has passed", t.on),
            ),
            checklist_source(c, &t.label),
            Target::item(&c.edition, &t.item),
        ));
    }
}

fn risks(cov: &CoverageSummary<'_>, level: RiskLevel, tier: Tier, out: &mut Vec<NextStep>) {
    for r in cov
        .uncovered
        .iter()
        .filter(|r| r.level == level && r.known > 0)
    {
        out.push(risk_step(r, tier));
    }
}

fn risk_step(r: &UncoveredRisk<'_>, tier: Tier) -> NextStep {
    let action = match &r.fix {
        Some(f) => f.action(),
        None => text(
            format!("対策を決める：{}", r.name.ja),
            format!("Decide a control for: {}", r.name.en),
        ),
    };
    let unknown = r.scenarios - r.known;
    let why = text(
        format!(
            "{}リスク「{}」の小リスク{}件がすべて未対策（うち状態不明{}件）{}",
            r.level.label(Lang::Ja),
            r.name.ja,
            r.scenarios,
            unknown,
            r.fix
                .as_ref()
                .map(|f| format!("。この対策で{}件に効きます", f.covers))
                .unwrap_or_default()
        ),
        format!(
            "All {} scenarios of the {} risk \"{}\" are uncovered ({} of them unknown){}",
            r.scenarios,
            r.level.label(Lang::En),
            r.name.en,
            unknown,
            r.fix
                .as_ref()
                .map(|f| format!("; this control covers {} of them", f.covers))
                .unwrap_or_default()
        ),
    );
    // Named as the catalogue names it, never by id; the action already names the control.
    let source = text(
        format!(
            "提言2 リスクカタログ：{}リスク「{}」",
            r.level.label(Lang::Ja),
            r.name.ja
        ),
        format!(
            "Proposal 2 risk catalogue: {} risk \"{}\"",
            r.level.label(Lang::En),
            r.name.en
        ),
    );
    let target = match &r.fix {
        Some(f) => Target::Control {
            id: f.control.id.clone(),
        },
        None => Target::Risk {
            id: r.id.to_string(),
        },
    };
    step(tier, action, why, source, target)
}

/// The survey is named as the position screen names it: the 2022 report, or the aggregate
/// chosen with `--survey`.
fn minority(pos: &PositionSummary<'_>, survey: &Survey, out: &mut Vec<NextStep>) {
    for w in pos.minority() {
        let Some(s) = w.telling() else { continue };
        let (phrase, side) = (s.phrase(), s.side_words());
        let why = text(
            format!("{}。{}", phrase.ja, side.ja),
            format!("{}. {}", phrase.en, side.en),
        );
        out.push(step(
            Tier::Minority,
            w.action(),
            why,
            survey_source(survey, Some(&s.figure.source), w.indicator),
            Target::question_of(w.indicator),
        ));
    }
}

fn checklist_steps(c: &ChecklistSummary, out: &mut Vec<NextStep>) {
    let yes_no = |a: crate::domain::record::checklist_answers::YesNo, lang: Lang| match a {
        crate::domain::record::checklist_answers::YesNo::Yes => lang.pick("はい", "yes"),
        crate::domain::record::checklist_answers::YesNo::No => lang.pick("いいえ", "no"),
    };
    for k in &c.conflicts {
        out.push(step(
            Tier::Checklist,
            text(
                format!("{}と {} の回答をすり合わせる", k.vendor, k.label.ja),
                format!("Settle {} with {}", k.label.en, k.vendor),
            ),
            text(
                format!(
                    "貴院は{}、{}（{}）は{}と回答",
                    yes_no(k.hospital, Lang::Ja),
                    k.vendor,
                    k.system,
                    yes_no(k.vendor_answer, Lang::Ja)
                ),
                format!(
                    "You answered {}, {} ({}) answered {}",
                    yes_no(k.hospital, Lang::En),
                    k.vendor,
                    k.system,
                    yes_no(k.vendor_answer, Lang::En)
                ),
            ),
            checklist_source(c, &k.label),
            Target::item(&c.edition, &k.item),
        ));
    }
    if c.not_started() {
        out.push(step(
            Tier::Checklist,
            text(
                "厚労省チェックリストに回答を始める",
                "Start answering the MHLW checklist",
            ),
            text(
                format!("必須{}項目がすべて未回答", c.required),
                format!("None of the {} required items is answered", c.required),
            ),
            checklist_source(c, &Text::default()),
            c.missing
                .first()
                .map_or(Target::Carried, |m| Target::item(&c.edition, &m.item)),
        ));
    } else if let Some(first) = c.missing.first() {
        let more = c.missing.len() - 1;
        out.push(step(
            Tier::Checklist,
            text(
                format!("{} に回答する：{}", first.label.ja, first.text.ja),
                format!("Answer {}: {}", first.label.en, first.text.en),
            ),
            text(
                format!(
                    "{}{}",
                    first.gap.ja,
                    if more > 0 {
                        format!("。ほかに未完了{more}項目")
                    } else {
                        String::new()
                    }
                ),
                format!(
                    "{}{}",
                    first.gap.en,
                    if more > 0 {
                        format!("; {more} more items missing")
                    } else {
                        String::new()
                    }
                ),
            ),
            checklist_source(c, &first.label),
            Target::item(&c.edition, &first.item),
        ));
    }
    for (vendor, system, sent) in &c.vendors_missing {
        out.push(step(
            Tier::Checklist,
            if *sent {
                text(
                    format!("{vendor}に事業者確認用の返却を求める"),
                    format!("Ask {vendor} to return its vendor form"),
                )
            } else {
                text(
                    format!("{vendor}に事業者確認用を送る"),
                    format!("Send {vendor} its vendor form"),
                )
            },
            text(
                format!("{system}の事業者回答がないと準備は完了しません"),
                format!("Readiness needs the vendor's answers for {system}"),
            ),
            checklist_source(c, &Text::default()),
            Target::VendorPacket {
                edition: c.edition.clone(),
                vendor: vendor.clone(),
                system: system.clone(),
                sent: *sent,
                carried: c
                    .vendors_carried
                    .iter()
                    .any(|(v, s)| v == vendor && s == system),
            },
        ));
    }
}

fn budget_steps(b: &BudgetSummary, out: &mut Vec<NextStep>) {
    let (Some(own), Some(budget)) = (b.own(), b.budget()) else {
        return;
    };
    let (level_ja, level_en, gap) = if own.min < 0 {
        ("15%（最低限）", "15% (minimum)", -own.min)
    } else if own.sufficient < 0 {
        ("30%（当面十分）", "30% (sufficient)", -own.sufficient)
    } else {
        return;
    };
    let cohort = b.cohort();
    let defaults: Vec<&str> = b.defaults().iter().map(|d| d.label(Lang::Ja)).collect();
    let defaults_en: Vec<&str> = b.defaults().iter().map(|d| d.label(Lang::En)).collect();
    let cohort_ja = cohort
        .map(|c| {
            format!(
                "。{}の平均は15%で{}・30%で{}",
                budget.bed_class.label(Lang::Ja),
                about(c.min, Lang::Ja),
                about(c.sufficient, Lang::Ja)
            )
        })
        .unwrap_or_default();
    let cohort_en = cohort
        .map(|c| {
            format!(
                "; the {} average: {} at 15%, {} at 30%",
                budget.bed_class.label(Lang::En),
                about(c.min, Lang::En),
                about(c.sufficient, Lang::En)
            )
        })
        .unwrap_or_default();
    out.push(step(
        Tier::Budget,
        text(
            format!(
                "セキュリティ予算を年{}増やし{level_ja}に届かせる",
                about(gap, Lang::Ja)
            ),
            format!(
                "Raise the security budget by {} a year to reach {level_en}",
                about(gap, Lang::En)
            ),
        ),
        text(
            format!(
                "貴院の差額は15%で{}・30%で{}{cohort_ja}{}",
                about(own.min, Lang::Ja),
                about(own.sufficient, Lang::Ja),
                if defaults.is_empty() {
                    String::new()
                } else {
                    format!("（{}）", defaults.join("、"))
                }
            ),
            format!(
                "Your gap: {} at 15%, {} at 30%{cohort_en}{}",
                about(own.min, Lang::En),
                about(own.sufficient, Lang::En),
                if defaults_en.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", defaults_en.join("; "))
                }
            ),
        ),
        proposal_1(),
        Target::Budget {
            budget: budget.actual.map(|a| a + gap),
        },
    ));
}

/// "提言1（p33, p34, p44 図３・図４, p45 図５, p46 図６, p47 図７）": where the levels, the
/// brackets' amounts and the shortfall are, from the budget asset's own sources.
fn proposal_1() -> Text {
    let d = crate::domain::budget::BudgetData::embedded();
    let sources = [
        d.levels.min.source.as_str(),
        d.levels.sufficient.source.as_str(),
        d.brackets.source.as_str(),
    ];
    let cite = |lang| crate::domain::survey::render::cite_places(sources, lang);
    text(
        format!("提言1（{}）", cite(Lang::Ja)),
        format!("Proposal 1 ({})", cite(Lang::En)),
    )
}

fn find_out(
    pos: &PositionSummary<'_>,
    cov: &CoverageSummary<'_>,
    b: &BudgetSummary,
    survey: &Survey,
    out: &mut Vec<NextStep>,
) {
    if !pos.unanswered.is_empty() {
        let names = |lang: Lang| {
            pos.unanswered
                .iter()
                .map(|i| i.short(lang).to_string())
                .collect::<Vec<_>>()
                .join(lang.pick("、", ", "))
        };
        out.push(step(
            Tier::FindOut,
            text(
                format!("未回答の指標{}件に答える", pos.unanswered.len()),
                format!("Answer the {} unanswered indicators", pos.unanswered.len()),
            ),
            text(
                format!(
                    "答えると{}と比べられます：{}",
                    survey.label(Lang::Ja),
                    names(Lang::Ja)
                ),
                format!(
                    "Answered, they compare with {}: {}",
                    survey.label(Lang::En),
                    names(Lang::En)
                ),
            ),
            text("ヒアリング", "Interview"),
            Target::question_of(pos.unanswered[0]),
        ));
    }
    if !pos.dont_know.is_empty() {
        let names = |lang: Lang| {
            pos.dont_know
                .iter()
                .map(|i| i.short(lang).to_string())
                .collect::<Vec<_>>()
                .join(lang.pick("、", ", "))
        };
        out.push(step(
            Tier::FindOut,
            text(
                "「わからない」と答えた点を担当者・ベンダーに確認する",
                "Find out what was answered 'don't know' from IT staff or the vendor",
            ),
            text(names(Lang::Ja), names(Lang::En)),
            text("ヒアリング", "Interview"),
            Target::question_of(pos.dont_know[0]),
        ));
    }
    if cov.unknown_controls > 0 {
        out.push(step(
            Tier::FindOut,
            text(
                "状態不明の対策を確かめる（事業者分は事業者に確認を依頼）",
                "Find out the unknown controls (ask the vendor about its own)",
            ),
            text(
                format!(
                    "対策{}件のうち{}件の状態が不明で、未対策として数えています",
                    cov.controls, cov.unknown_controls
                ),
                format!(
                    "{} of {} controls have no status and count as uncovered",
                    cov.unknown_controls, cov.controls
                ),
            ),
            text("提言2 リスクカタログ", "Proposal 2 catalogue"),
            Target::UnknownControls,
        ));
    }
    let budget_missing = b.missing();
    if let Some(m) = budget_missing.first() {
        out.push(step(
            Tier::FindOut,
            text(
                "予算の試算に必要な回答をする",
                "Answer what the budget model needs",
            ),
            m.clone(),
            text("提言1", "Proposal 1"),
            Target::Question {
                id: if b.budget().is_some() {
                    "budget_bracket"
                } else {
                    "beds"
                }
                .to_string(),
            },
        ));
    }
}
