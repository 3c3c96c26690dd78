//! The words and figures of the budget screen, made once from [`HospitalBudget`] when the
//! screen opens, comes back or a what-if changes; a frame only pads them and draws bars.

use crate::domain::budget::spoken::say;
use crate::domain::budget::tables::{self, Stage};
use crate::domain::budget::{BudgetData, BudgetError, HospitalBudget, Level, Origin};
use crate::domain::questionnaire::group_thousands;
use crate::domain::survey::render::english_figures;
use crate::domain::survey::Survey;
use crate::domain::Lang;

/// One bar: an amount of the panel, said as people say it, and how far it is from what is
/// required (on the requirement rows).
#[derive(Debug, Clone)]
pub(super) struct BarRow {
    pub(super) label: String,
    /// Thousand yen; `None` when unknown (no bar).
    pub(super) amount: Option<i64>,
    /// "2,829万円", or "不明".
    pub(super) said: String,
    /// "28,288千円", shown when there is room.
    pub(super) exact: String,
    /// "2,579万円 不足" on a requirement row when the actual budget is known.
    pub(super) gap: Option<Gap>,
    /// The hospital's (or the cohort's) actual budget, rather than a requirement.
    pub(super) actual: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Gap {
    pub(super) text: String,
    pub(super) short: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Panel {
    pub(super) heading: String,
    pub(super) rows: Vec<BarRow>,
    /// Under the bars: what to answer when the budget is unknown, a paragraph each.
    pub(super) note: Vec<String>,
    /// Shown when the panel has room (side by side): how the figure on top was made.
    pub(super) detail: Vec<String>,
}

/// An assumption as a line: its mark, "label：value", and where it comes from.
#[derive(Debug, Clone)]
pub(super) struct AssumptionLine {
    pub(super) mark: &'static str,
    pub(super) origin: Origin,
    pub(super) text: String,
    pub(super) from: String,
}

#[derive(Debug, Clone)]
pub(super) struct Shown {
    /// "試算：最低水準 20%（報告書 15%）— 記録は変わりません": set only for a what-if.
    pub(super) banner: Option<String>,
    /// "IT予算 1億8,859万円 ＝ 年間収益 85億3,338万円 × 2.21%".
    pub(super) context: String,
    pub(super) hospital: Panel,
    pub(super) cohort: Panel,
    /// The largest amount of both panels: one scale, so the bars compare across them.
    pub(super) scale: i64,
    pub(super) assumptions: Vec<AssumptionLine>,
    pub(super) legend: String,
    /// Shown when there is room: how the figures are computed, the report's p34 words.
    pub(super) notes: Vec<String>,
}

pub(super) enum Made {
    Shown(Box<Shown>),
    /// The model cannot be computed (no beds, a clinic): the message and what to do.
    Refused(Vec<String>),
}

fn mark(origin: Origin, lang: Lang) -> &'static str {
    origin.mark(lang)
}

fn exact(n: i64, lang: Lang) -> String {
    let g = group_thousands(n);
    lang.pick_with(|| format!("{g}千円"), || format!("¥{g}k"))
}

fn gap(g: i64, lang: Lang) -> Gap {
    let text = match g.signum() {
        -1 => lang.pick_with(
            || format!("{} 不足", say(-g, lang)),
            || format!("{} short", say(-g, lang)),
        ),
        0 => lang.pick("ちょうど", "exactly met").to_string(),
        _ => lang.pick_with(
            || format!("{} 上回る", say(g, lang)),
            || format!("{} over", say(g, lang)),
        ),
    };
    Gap { text, short: g < 0 }
}

fn level_label(b: &HospitalBudget, level: Level, lang: Lang) -> String {
    let name = match level {
        Level::Min => lang.pick("最低水準", "Minimum"),
        Level::Sufficient => lang.pick("十分水準", "Sufficient"),
    };
    format!("{name} {}", b.levels.get(level).percent())
}

fn requirement_rows(
    b: &HospitalBudget,
    required: crate::domain::budget::PerLevel<i64>,
    shortfall: Option<crate::domain::budget::PerLevel<i64>>,
    lang: Lang,
) -> Vec<BarRow> {
    required
        .each()
        .into_iter()
        .map(|(level, req)| BarRow {
            label: level_label(b, level, lang),
            amount: Some(req),
            said: say(req, lang),
            exact: exact(req, lang),
            gap: shortfall.map(|s| gap(s.get(level), lang)),
            actual: false,
        })
        .collect()
}

/// How the bed class's estimate was made (図６): the hospitals in each bracket, each bracket
/// counted at its representative value, over those who chose one.
fn estimate_words(c: &crate::domain::budget::CohortBudget, lang: Lang) -> String {
    let brackets = &Survey::embedded().budget_brackets.brackets;
    let counts: Vec<String> = brackets
        .iter()
        .zip(&c.counts)
        .map(|(id, n)| {
            format!(
                "{} {n}",
                crate::domain::survey::bracket_short_label(id, lang).unwrap_or(id)
            )
        })
        .collect();
    lang.pick_with(
        || {
            format!(
                "推計＝区分の代表値×病院数の和÷{}病院（{}）：{}",
                c.chose,
                c.source,
                counts.join("・")
            )
        },
        || {
            format!(
                "Estimate = sum of representative value × hospitals ÷ {} ({}): {}",
                c.chose,
                english_figures(&c.source),
                counts.join(", ")
            )
        },
    )
}

/// What changed from the record, for the banner: "最低水準 20%（報告書 15%）".
fn banner(b: &HospitalBudget, record_revenue: i64, lang: Lang) -> String {
    let mut parts = Vec::new();
    for level in [Level::Min, Level::Sufficient] {
        if b.levels.get(level) != b.report_levels.get(level) {
            parts.push(lang.pick_with(
                || {
                    format!(
                        "{}（報告書 {}）",
                        level_label(b, level, lang),
                        b.report_levels.get(level).percent()
                    )
                },
                || {
                    format!(
                        "{} (report: {})",
                        level_label(b, level, lang),
                        b.report_levels.get(level).percent()
                    )
                },
            ));
        }
    }
    if b.revenue != record_revenue {
        parts.push(lang.pick_with(
            || {
                format!(
                    "年間収益 {}（記録 {}）",
                    say(b.revenue, lang),
                    say(record_revenue, lang)
                )
            },
            || {
                format!(
                    "revenue {} (record: {})",
                    say(b.revenue, lang),
                    say(record_revenue, lang)
                )
            },
        ));
    }
    lang.pick_with(
        || format!("試算（記録は変わりません、0 で戻る）：{}", parts.join("・")),
        || {
            format!(
                "What-if (the record is not changed; 0 goes back): {}",
                parts.join(", ")
            )
        },
    )
}

/// The screen's text for a model, or the reason there is none. `record_revenue` is the
/// revenue before any what-if, to say what was changed.
pub(super) fn make(
    model: &Result<HospitalBudget, BudgetError>,
    record_revenue: Option<i64>,
    lang: Lang,
) -> Made {
    let b = match model {
        Ok(b) => b,
        Err(e) => {
            return Made::Refused(vec![
                e.message(lang),
                lang.pick(
                    "i で面談に戻り、許可病床数（20床以上）を答えると試算できます。",
                    "Press i for the interview and answer the licensed beds (20 or more) to see the model.",
                )
                .to_string(),
            ])
        }
    };
    let data = BudgetData::embedded();
    let unknown = lang.pick("不明", "unknown");

    let mut hospital_rows = vec![BarRow {
        label: lang.pick("実際の予算", "Actual").to_string(),
        amount: b.actual,
        said: b.actual.map_or(unknown.to_string(), |a| say(a, lang)),
        exact: b.actual.map_or(String::new(), |a| exact(a, lang)),
        gap: None,
        actual: true,
    }];
    hospital_rows.extend(requirement_rows(b, b.required, b.shortfall, lang));
    let note = if b.actual.is_none() {
        vec![
            lang.pick(
                "実際の予算が不明のため必要額だけを示します。",
                "The actual budget is unknown: only the requirement is shown.",
            )
            .to_string(),
            lang.pick(
                "面談（i）で「年間セキュリティ予算」の区分か「実額」を答えると不足額が出ます。",
                "To see the gap, answer “Annual security budget” (its bracket or the exact amount) in the interview (i).",
            )
            .to_string(),
        ]
    } else {
        Vec::new()
    };
    let hospital = Panel {
        heading: lang.pick_with(
            || format!("貴院（{}床）", b.inputs.beds),
            || format!("You ({} beds)", b.inputs.beds),
        ),
        rows: hospital_rows,
        note,
        detail: Vec::new(),
    };

    let c = &b.cohort;
    let mut cohort_rows = vec![BarRow {
        label: lang.pick("推計予算", "Estimate").to_string(),
        amount: c.estimate,
        said: c.estimate.map_or(unknown.to_string(), |a| say(a, lang)),
        exact: c.estimate.map_or(String::new(), |a| exact(a, lang)),
        gap: None,
        actual: true,
    }];
    cohort_rows.extend(requirement_rows(b, c.required, c.shortfall, lang));
    // 図７'s place from the sufficient level's sources, never typed here.
    let fig7 = data
        .levels
        .sufficient
        .source
        .split(", ")
        .find(|p| p.contains('図'))
        .unwrap_or_default();
    let cohort = Panel {
        heading: match lang {
            Lang::Ja => format!(
                "{}の平均（{} 最終集計 {}病院、{fig7}）",
                c.class.label(lang),
                c.source,
                c.chose
            ),
            Lang::En => format!(
                "{} average ({} final, n={}; {})",
                c.class.label(lang),
                english_figures(&c.source),
                c.chose,
                english_figures(fig7)
            ),
        },
        rows: cohort_rows,
        note: Vec::new(),
        detail: vec![estimate_words(c, lang)],
    };

    let scale = hospital
        .rows
        .iter()
        .chain(&cohort.rows)
        .filter_map(|r| r.amount)
        .max()
        .unwrap_or(0);

    let assumptions = b
        .assumptions(lang, data)
        .into_iter()
        .map(|a| AssumptionLine {
            mark: mark(a.origin, lang),
            origin: a.origin,
            text: format!("{}{}{}", a.label, lang.pick("：", ": "), a.value),
            from: a.from,
        })
        .collect();

    let context = lang.pick_with(
        || {
            format!(
                "IT予算 {} ＝ 年間収益 {} × {}",
                say(b.it_budget, lang),
                say(b.revenue, lang),
                b.it_rate.percent()
            )
        },
        || {
            format!(
                "IT budget {} = revenue {} × {}",
                say(b.it_budget, lang),
                say(b.revenue, lang),
                b.it_rate.percent()
            )
        },
    );

    let mut notes = vec![lang
        .pick(
            "計算：IT予算＝年間収益×2.21%、必要額＝IT予算×各水準の率、差＝実際−必要。報告書と同じく千円未満を各段階で切り捨て、万円の表示は千円を四捨五入。",
            "How: IT budget = revenue × 2.21%, required = IT budget × each level's rate, gap = actual − required; thousand yen floored at every step, as the report does; millions rounded to ¥10,000.",
        )
        .to_string()];
    if b.levels == b.report_levels {
        let p34 = tables::subsidy(Stage::Final, data, Survey::embedded(), b.levels)
            .into_iter()
            .find(|r| r.class == c.class)
            .and_then(|r| r.report);
        if let Some(w) = p34 {
            notes.push(
                lang.pick_with(
                    || format!(
                        "報告書が{}に求める公的補助（{}）：最低水準 {}・十分水準 {}",
                        c.class.label(lang),
                        data.subsidy.final_.source,
                        w.min.words,
                        w.sufficient.words
                    ),
                    || format!(
                        "The public subsidy the report asks for {} ({}): {} at the minimum level, {} at the sufficient level",
                        c.class.label(lang),
                        data.subsidy.final_.source,
                        w.min.said(lang),
                        w.sufficient.said(lang),
                    ),
                ),
            );
        }
    }

    Made::Shown(Box::new(Shown {
        banner: b
            .what_if
            .then(|| banner(b, record_revenue.unwrap_or(b.revenue), lang)),
        context,
        hospital,
        cohort,
        scale,
        assumptions,
        legend: Origin::legend(lang),
        notes,
    }))
}
