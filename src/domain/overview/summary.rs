//! The four parts of the overview, each a digest of a domain that computes it in full
//! elsewhere (position, matrix coverage, budget, checklist). A digest keeps what a glance needs
//! and, for a part that cannot be computed yet, what is missing — never a row of zeros that a
//! director would read as "nothing done".

use crate::domain::budget::{ActualSource, BudgetError, HospitalBudget, PerLevel, RevenueSource};
use crate::domain::checklist::view::{ChecklistView, Missing};
use crate::domain::indicator::{Concern, Indicator};
use crate::domain::lang::{Lang, Text};
use crate::domain::position::{IndicatorPosition, Place, Position, Side};
use crate::domain::questionnaire::group_thousands;
use crate::domain::record::checklist_answers::YesNo;
use crate::domain::survey::render::{cite, render_value};
use crate::domain::survey::{Cohort, Figure, Scope, Survey};
use crate::domain::IndicatorValue;
use chrono::NaiveDate;

/// A [`Text`] from its two languages.
pub(crate) fn text(ja: impl Into<String>, en: impl Into<String>) -> Text {
    Text {
        ja: ja.into(),
        en: en.into(),
    }
}

// ───────────────────────────── Position ─────────────────────────────

/// The hospital's side of one cohort's figure, for a worrying answer.
#[derive(Debug, Clone)]
pub struct CohortStanding<'a> {
    pub cohort: Cohort,
    pub n: Option<u32>,
    pub small_sample: bool,
    pub side: Side,
    /// The hospital is among those the figure counts (else among the rest).
    pub counted: bool,
    pub figure: &'a Figure,
    /// What the figure counts, as the report words it.
    pub counts: &'a Text,
    /// The survey the figure is of, for its citation.
    pub survey: &'a Survey,
}

impl CohortStanding<'_> {
    /// Where the hospital is, for the worrying answer: among the few counted, or outside what
    /// most have.
    pub fn side_words(&self) -> Text {
        match (self.side, self.counted) {
            (Side::Minority, true) => {
                text("貴院はその少数派に入ります", "You are in that minority")
            }
            (Side::Minority, false) => text(
                "貴院は入っていません（少数派）",
                "You are not among them: a minority",
            ),
            (Side::Majority, _) => text("貴院もその多数派に入ります", "You are in that majority"),
        }
    }

    /// "300～499床で「…」は約57–63%（6割前後）（n=283, bed 3/7）" in a few words, both
    /// languages; with [`CohortStanding::side_words`] it makes the "why" of a step.
    pub fn phrase(&self) -> Text {
        let n = self
            .n
            .map(|n| format!("n={}, ", group_thousands(i64::from(n))))
            .unwrap_or_default();
        let small = |lang: Lang| {
            if self.small_sample {
                lang.pick("・小標本", ", small sample")
            } else {
                ""
            }
        };
        // The figure as the one renderer words it inside a sentence that names what it counts,
        // and its place with the report's page.
        let survey = self.survey;
        let value = |lang| render_value(self.figure, lang);
        let place = |lang| cite(&self.figure.source, survey, lang);
        let cohort = |lang| match self.figure.scope.label(lang) {
            Some(scope) if self.figure.scope == Scope::Rest => scope.to_string(),
            _ => self.cohort.label(lang),
        };
        text(
            format!(
                "{}で「{}」は{}（{n}{}{}）",
                cohort(Lang::Ja),
                self.counts.ja.trim_matches(['「', '」']),
                value(Lang::Ja),
                place(Lang::Ja),
                small(Lang::Ja)
            ),
            format!(
                "{} of {}: {} ({n}{}{})",
                value(Lang::En),
                cohort(Lang::En),
                self.counts.en,
                place(Lang::En),
                small(Lang::En)
            ),
        )
    }
}

/// One worrying answer and where it puts the hospital in each cohort that has a figure.
#[derive(Debug, Clone)]
pub struct Worry<'a> {
    pub indicator: &'a Indicator,
    pub value: IndicatorValue,
    /// Bed class, founder, all respondents — only those whose figure settles a side.
    pub standings: Vec<CohortStanding<'a>>,
}

impl Worry<'_> {
    /// In the minority of at least one cohort: most peers are not in this state.
    pub fn minority(&self) -> bool {
        self.standings.iter().any(|s| s.side == Side::Minority)
    }

    /// The standing a sentence quotes: the first minority one, preferring a cohort that is
    /// not a small sample (a 4-hospital cohort says little).
    pub fn telling(&self) -> Option<&CohortStanding<'_>> {
        let minority = || self.standings.iter().filter(|s| s.side == Side::Minority);
        minority()
            .find(|s| !s.small_sample)
            .or_else(|| minority().next())
            .or_else(|| self.standings.first())
    }

    /// What to do about it, worded for which side is the worrying one.
    pub fn action(&self) -> Text {
        let t = &self.indicator.text;
        match self.indicator.concern {
            Concern::No => text(
                format!("整える：{}", t.ja),
                format!("Put in place: {}", t.en),
            ),
            Concern::Yes => text(format!("解消する：{}", t.ja), format!("Resolve: {}", t.en)),
        }
    }
}

#[derive(Debug, Clone)]
pub struct PositionSummary<'a> {
    pub bed_class: Option<Place>,
    pub founder: Option<Place>,
    /// Worrying answers, those in a minority of a cohort first, then in questionnaire order.
    pub worries: Vec<Worry<'a>>,
    /// Indicators answered yes or no (or not applicable) and not worrying.
    pub fine: usize,
    pub dont_know: Vec<&'a Indicator>,
    pub unanswered: Vec<&'a Indicator>,
    pub total: usize,
}

impl<'a> PositionSummary<'a> {
    pub fn of(pos: &Position<'a>) -> PositionSummary<'a> {
        let mut worries: Vec<Worry<'a>> = pos
            .indicators
            .iter()
            .filter(|ip| ip.concern)
            .map(|ip| worry(ip, pos.survey))
            .collect();
        // Stable: questionnaire order within each group.
        worries.sort_by_key(|w| !w.minority());
        let count = |v: IndicatorValue| pos.indicators.iter().filter(move |ip| ip.hospital == v);
        PositionSummary {
            bed_class: pos.bed_class,
            founder: pos.founder,
            fine: pos
                .indicators
                .iter()
                .filter(|ip| {
                    !ip.concern
                        && matches!(
                            ip.hospital,
                            IndicatorValue::True
                                | IndicatorValue::False
                                | IndicatorValue::NotApplicable
                        )
                })
                .count(),
            worries,
            dont_know: count(IndicatorValue::Unknown)
                .map(|ip| ip.indicator)
                .collect(),
            unanswered: count(IndicatorValue::Unanswered)
                .map(|ip| ip.indicator)
                .collect(),
            total: pos.indicators.len(),
        }
    }

    pub fn minority(&self) -> impl Iterator<Item = &Worry<'a>> {
        self.worries.iter().filter(|w| w.minority())
    }

    pub fn answered(&self) -> usize {
        self.total - self.unanswered.len()
    }

    /// What keeps the part from saying anything: no cohort, or no indicator answered.
    pub fn missing(&self) -> Vec<Text> {
        let mut out = Vec::new();
        if self.bed_class.is_none() {
            out.push(text(
                "病床数が未回答（病床規模と比べられません）",
                "beds not answered (no bed class to compare with)",
            ));
        }
        if self.founder.is_none() {
            out.push(text(
                "開設者が未回答（開設者別と比べられません）",
                "founder not answered (no founder cohort to compare with)",
            ));
        }
        if self.answered() == 0 {
            out.push(text(
                format!("指標{}件がすべて未回答", self.total),
                format!("none of the {} indicators answered", self.total),
            ));
        }
        out
    }
}

fn worry<'a>(ip: &IndicatorPosition<'a>, survey: &'a Survey) -> Worry<'a> {
    let standings = ip
        .comparisons()
        .into_iter()
        .filter_map(|c| {
            let s = c.standing?;
            let figure = c.figure?;
            Some(CohortStanding {
                cohort: c.cohort?,
                n: c.n,
                small_sample: c.small_sample,
                side: s.side,
                counted: s.counted,
                figure,
                counts: ip.counted_label(figure),
                survey,
            })
        })
        .collect();
    Worry {
        indicator: ip.indicator,
        value: ip.hospital,
        standings,
    }
}

// ───────────────────────────── Coverage ─────────────────────────────

pub use super::coverage::{CoverageSummary, Fix, RiskLevel, UncoveredRisk};

// ───────────────────────────── Budget ─────────────────────────────

/// Which of the figures the model stands on were the report's defaults, not the hospital's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DefaultFigure {
    /// 図２'s revenue for the hospital's row, the hospital not having given its own.
    Revenue,
    /// The representative value of its bracket (図６), not an exact amount.
    ActualFromBracket,
}

impl DefaultFigure {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            DefaultFigure::Revenue => {
                lang.pick("医業収益は報告書の既定値", "revenue: report default")
            }
            DefaultFigure::ActualFromBracket => lang.pick(
                "予算額は回答区分の代表値",
                "budget: its bracket's representative value",
            ),
        }
    }
}

#[derive(Debug, Clone)]
pub enum BudgetSummary {
    /// The model cannot run (no beds, or a clinic).
    Missing(BudgetError),
    Shown(Box<HospitalBudget>),
}

/// Thousand yen to whole 万円, rounded half up as [`crate::domain::budget::spoken::say`] says
/// them; the sign is kept.
pub fn man(thousand: i64) -> i64 {
    let m = (thousand.unsigned_abs() + 5) / 10;
    let m = i64::try_from(m).unwrap_or(i64::MAX);
    if thousand < 0 {
        -m
    } else {
        m
    }
}

impl BudgetSummary {
    pub fn of(budget: Result<HospitalBudget, BudgetError>) -> BudgetSummary {
        match budget {
            Ok(b) => BudgetSummary::Shown(Box::new(b)),
            Err(e) => BudgetSummary::Missing(e),
        }
    }

    pub fn budget(&self) -> Option<&HospitalBudget> {
        match self {
            BudgetSummary::Shown(b) => Some(b),
            BudgetSummary::Missing(_) => None,
        }
    }

    /// Own shortfall (actual − required, thousand yen; negative = short), when the actual
    /// budget is known.
    pub fn own(&self) -> Option<PerLevel<i64>> {
        self.budget().and_then(|b| b.shortfall)
    }

    pub fn cohort(&self) -> Option<PerLevel<i64>> {
        self.budget().and_then(|b| b.cohort.shortfall)
    }

    pub fn defaults(&self) -> Vec<DefaultFigure> {
        let Some(b) = self.budget() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if b.revenue_source == RevenueSource::Survey {
            out.push(DefaultFigure::Revenue);
        }
        if b.actual_source == ActualSource::Bracket {
            out.push(DefaultFigure::ActualFromBracket);
        }
        out
    }

    pub fn missing(&self) -> Vec<Text> {
        match self {
            BudgetSummary::Missing(e) => vec![text(e.message(Lang::Ja), e.message(Lang::En))],
            BudgetSummary::Shown(b) if b.actual_source == ActualSource::Unknown => vec![text(
                format!(
                    "セキュリティ予算が未回答（{}）：不足額は出せません",
                    budget_questions(Lang::Ja)
                ),
                format!(
                    "security budget not answered ({}): no shortfall",
                    budget_questions(Lang::En)
                ),
            )],
            BudgetSummary::Shown(_) => Vec::new(),
        }
    }
}

/// The form's questions that give the actual budget, by their numbers: 「問16 か 問17」.
pub(crate) fn budget_questions(lang: Lang) -> String {
    let qn = crate::domain::Questionnaire::embedded();
    let n = |id: &str| {
        qn.number(id)
            .map_or_else(|| id.to_string(), |n| n.to_string())
    };
    match lang {
        Lang::Ja => format!("問{} か 問{}", n("budget_bracket"), n("budget_amount")),
        Lang::En => format!("question {} or {}", n("budget_bracket"), n("budget_amount")),
    }
}

// ───────────────────────────── Checklist ─────────────────────────────

/// An item answered いいえ with the day it is to be done by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub item: String,
    /// The number as printed, with its device (2④ サーバ / 2④ Server).
    pub label: Text,
    pub text: Text,
    pub on: NaiveDate,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingItem {
    pub item: String,
    /// The number as printed, with its device (2④ サーバ / 2④ Server).
    pub label: Text,
    /// The section's name (医療情報システムの管理・運用): 2④ サーバ alone does not say where it is.
    pub section: Text,
    pub text: Text,
    /// Unanswered, or why the latest answer does not count (both languages).
    pub gap: Text,
}

impl MissingItem {
    /// 「2④ サーバ（医療情報システムの管理・運用）」: the number, the device and the section.
    pub fn place(&self, lang: Lang) -> String {
        crate::domain::checklist::view::place(&self.label, &self.section, lang)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorConflict {
    pub item: String,
    /// The number as printed, with its device (2④ サーバ / 2④ Server).
    pub label: Text,
    pub vendor: String,
    pub system: String,
    pub hospital: YesNo,
    pub vendor_answer: YesNo,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistSummary {
    pub edition: String,
    pub edition_name: Text,
    pub required: usize,
    pub done: usize,
    /// Required items with no answer at all.
    pub unanswered: usize,
    pub missing: Vec<MissingItem>,
    /// Vendors whose form has not come back: (vendor, system, sent).
    pub vendors_missing: Vec<(String, String, bool)>,
    /// Those of them whose only form is last year's, carried and not confirmed.
    pub vendors_carried: Vec<(String, String)>,
    pub vendors: usize,
    pub conflicts: Vec<VendorConflict>,
    /// Past-due first, then the nearest; every open target.
    pub targets: Vec<Target>,
    pub ready: bool,
}

impl ChecklistSummary {
    pub fn of(view: &ChecklistView<'_>) -> ChecklistSummary {
        let r = &view.readiness;
        let find = |id: &str| view.row(id);
        let label = |id: &str| {
            find(id)
                .map(|row| row.item.printed_text())
                .unwrap_or_else(|| text(id.to_string(), id.to_string()))
        };
        let item_text = |id: &str| {
            find(id)
                .map(|row| row.item.text.clone())
                .unwrap_or_default()
        };
        let missing: Vec<MissingItem> = r
            .missing
            .iter()
            .filter_map(|m| match m {
                Missing::Item {
                    id, gap, section, ..
                } => Some(MissingItem {
                    item: id.clone(),
                    label: label(id),
                    section: section.clone(),
                    text: item_text(id),
                    gap: text(gap.message(Lang::Ja), gap.message(Lang::En)),
                }),
                Missing::Vendor { .. } => None,
            })
            .collect();
        let vendors_carried = r
            .missing
            .iter()
            .filter_map(|m| match m {
                Missing::Vendor {
                    vendor,
                    system,
                    carried: true,
                    ..
                } => Some((vendor.clone(), system.clone())),
                _ => None,
            })
            .collect();
        let vendors_missing = r
            .missing
            .iter()
            .filter_map(|m| match m {
                Missing::Vendor {
                    vendor,
                    system,
                    sent,
                    ..
                } => Some((vendor.clone(), system.clone(), *sent)),
                Missing::Item { .. } => None,
            })
            .collect();
        let mut targets: Vec<Target> = view
            .rows()
            .filter(|row| row.required)
            .filter_map(|row| {
                let a = row.latest()?;
                if a.answer != YesNo::No {
                    return None;
                }
                Some(Target {
                    item: row.item.id.clone(),
                    label: row.item.printed_text(),
                    text: row.item.text.clone(),
                    on: a.target_on?,
                    overdue: row.overdue,
                })
            })
            .collect();
        targets.sort_by_key(|t| t.on);
        ChecklistSummary {
            edition: view.edition.id.clone(),
            edition_name: text(
                view.edition.short_name(Lang::Ja),
                view.edition.short_name(Lang::En),
            ),
            required: r.required,
            done: r.done,
            unanswered: view
                .rows()
                .filter(|row| row.required && row.history.is_empty())
                .count(),
            missing,
            vendors_missing,
            vendors_carried,
            vendors: r.vendors,
            conflicts: view
                .conflicts
                .iter()
                .map(|c| VendorConflict {
                    item: c.item.clone(),
                    label: label(&c.item),
                    vendor: c.vendor.clone(),
                    system: c.system.clone(),
                    hospital: c.hospital,
                    vendor_answer: c.vendor_answer,
                })
                .collect(),
            targets,
            ready: r.ready,
        }
    }

    pub fn overdue(&self) -> impl Iterator<Item = &Target> {
        self.targets.iter().filter(|t| t.overdue)
    }

    /// Not one required item answered: the part has nothing to count yet.
    pub fn not_started(&self) -> bool {
        self.required > 0 && self.unanswered == self.required
    }

    /// What is missing, with `how` to answer where it is read: the screen names its key, the
    /// command line its command — a screen never sends its user to type a command.
    pub fn missing_text(&self, how: &Text) -> Vec<Text> {
        if self.not_started() {
            vec![text(
                format!(
                    "{}の必須{}項目がすべて未回答（{}）",
                    self.edition_name.ja, self.required, how.ja
                ),
                format!(
                    "none of the {} required items of the {} answered ({})",
                    self.required, self.edition_name.en, how.en
                ),
            )]
        } else {
            Vec::new()
        }
    }
}
