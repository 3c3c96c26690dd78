//! One hospital's budget model as text and as JSON, shared by `shindan budget` and the budget
//! block of `shindan check`.

use crate::domain::budget::{BudgetData, HospitalBudget, Level, Origin, PerLevel};
use crate::domain::questionnaire::group_thousands;
use crate::domain::Lang;
use crate::text;
use serde_json::{json, Value};

const WIDTH: usize = 80;
const LABEL: usize = 30;
const OWN: usize = 14;
const COHORT: usize = 26;

/// The keys of `budget --json` and of `check --json`'s `budget`, all amounts thousand yen.
pub(crate) fn budget_json(b: &HospitalBudget) -> Value {
    json!({
        "bed_class": b.bed_class.id(),
        "revenue": b.revenue,
        "revenue_source": b.revenue_source,
        "it_budget": b.it_budget,
        "required": b.required,
        "actual": b.actual,
        "actual_source": b.actual_source,
        "shortfall": b.shortfall,
        "cohort": {
            "estimate": b.cohort.estimate,
            "shortfall": b.cohort.shortfall,
        },
    })
}

/// "最低水準 15%": the row labels are narrow, so the short name.
fn level_label(b: &HospitalBudget, level: Level, lang: Lang) -> String {
    let name = match level {
        Level::Min => lang.pick("最低水準", "minimum"),
        Level::Sufficient => lang.pick("十分水準", "sufficient"),
    };
    format!("{name} {}", b.levels.get(level).percent())
}

/// An amount in 万円 as people say it, saying when it is rounded (the one rule:
/// [`crate::domain::budget::spoken::about`]).
fn amount(thousand: i64, lang: Lang) -> String {
    crate::domain::budget::spoken::about(thousand, lang)
}

/// How far an amount is from each level, in words: "必要最低水準（15%）に 約2,093万円（20,929千円）
/// 不足".
fn gap_words(b: &HospitalBudget, gaps: PerLevel<i64>, lang: Lang) -> Vec<String> {
    gaps.each()
        .into_iter()
        .map(|(level, gap)| {
            let name = level.label(lang);
            let rate = b.levels.get(level).percent();
            match gap.signum() {
                -1 => lang.pick_with(
                    || format!("{name}（{rate}）に {} 不足", amount(-gap, lang)),
                    || format!("{} short of the {name} ({rate})", amount(-gap, lang)),
                ),
                0 => lang.pick_with(
                    || format!("{name}（{rate}）ちょうど"),
                    || format!("exactly at the {name} ({rate})"),
                ),
                _ => lang.pick_with(
                    || format!("{name}（{rate}）を {} 上回る", amount(gap, lang)),
                    || format!("{} above the {name} ({rate})", amount(gap, lang)),
                ),
            }
        })
        .collect()
}

fn row(label: &str, own: &str, cohort: &str) -> String {
    let line = format!(
        "{}{}  {}",
        text::pad(label, LABEL),
        text::pad_left(own, OWN),
        text::pad_left(cohort, COHORT)
    );
    line.trim_end().to_string()
}

fn wrapped(out: &mut Vec<String>, first: &str, rest: &str, s: &str) {
    let lines = text::wrap(s, WIDTH - text::width(first));
    for (i, l) in lines.into_iter().enumerate() {
        out.push(format!("{}{l}", if i == 0 { first } else { rest }));
    }
}

/// The hospital beside its bed class, the gaps in words, and the assumptions. `standalone`:
/// typed on the command line (the hints name flags) rather than read from a record.
pub(crate) fn hospital_lines(b: &HospitalBudget, lang: Lang, standalone: bool) -> Vec<String> {
    let data = BudgetData::embedded();
    let num = |n: i64| group_thousands(n);
    let none = "—";
    let mut out = Vec::new();
    out.push(lang.pick_with(
        || {
            format!(
                "■ セキュリティ予算の試算（提言１）：{}床（{}）",
                b.inputs.beds,
                b.bed_class.label(lang)
            )
        },
        || {
            format!(
                "■ Security budget (report proposal 1): {} beds ({})",
                b.inputs.beds,
                b.bed_class.label(lang)
            )
        },
    ));
    wrapped(
        &mut out,
        "",
        "",
        lang.pick(
            "単位：千円。報告書と同じく各段階で切り捨て。差額＝実際−必要（マイナスは不足）",
            "Thousand yen, floored at every step as the report does. Gap = actual − required (negative: short)",
        ),
    );
    out.push(String::new());
    let cohort_head = lang.pick_with(
        || format!("{}の平均（図６）", b.bed_class.label(lang)),
        || format!("{} avg (fig. 6)", b.bed_class.label(lang)),
    );
    out.push(row("", lang.pick("貴院", "You"), &cohort_head));
    let it = b.it_rate.percent();
    out.push(row(
        lang.pick("年間収益", "Annual revenue"),
        &num(b.revenue),
        none,
    ));
    out.push(row(
        &lang.pick_with(
            || format!("IT予算（収益の{it}）"),
            || format!("IT budget ({it} of revenue)"),
        ),
        &num(b.it_budget),
        none,
    ));
    for (level, req) in b.required.each() {
        out.push(row(
            &lang.pick_with(
                || format!("必要予算（{}）", level_label(b, level, lang)),
                || format!("Required ({})", level_label(b, level, lang)),
            ),
            &num(req),
            &num(b.cohort.required.get(level)),
        ));
    }
    let unknown = lang.pick("不明", "unknown");
    out.push(row(
        lang.pick("実際の予算", "Actual budget"),
        &b.actual.map_or(unknown.to_string(), num),
        &b.cohort.estimate.map_or(unknown.to_string(), num),
    ));
    for level in [Level::Min, Level::Sufficient] {
        out.push(row(
            &lang.pick_with(
                || format!("差額（{}）", level_label(b, level, lang)),
                || format!("Gap ({})", level_label(b, level, lang)),
            ),
            &b.shortfall.map_or(none.to_string(), |s| num(s.get(level))),
            &b.cohort
                .shortfall
                .map_or(none.to_string(), |s| num(s.get(level))),
        ));
    }
    out.push(String::new());
    out.push(lang.pick("貴院", "You").to_string());
    match b.shortfall {
        Some(s) => out.extend(gap_words(b, s, lang).into_iter().map(|l| format!("  {l}"))),
        None => wrapped(
            &mut out,
            "  ",
            "  ",
            &format!(
                "{}{}",
                lang.pick(
                    "実際の予算が不明のため、必要額だけを示します",
                    "The actual budget is unknown, so only the requirement is shown",
                ),
                // The questions by their numbers (question 16 or 17), never their ids.
                match (standalone, lang) {
                    (true, Lang::Ja) => "（--budget か --bracket で比べられます）".to_string(),
                    (true, Lang::En) => " (give --budget or --bracket to compare)".to_string(),
                    (false, Lang::Ja) => "（予算区分か実額を答えると比べられます）".to_string(),
                    (false, Lang::En) => format!(
                        " (answer {} to compare)",
                        crate::domain::overview::summary::budget_questions(lang)
                    ),
                }
            ),
        ),
    }
    if let Some(s) = b.cohort.shortfall {
        out.push(lang.pick_with(
            || format!("{}の平均（図６、最終集計）", b.bed_class.label(lang)),
            || format!("{} average (fig. 6, final count)", b.bed_class.label(lang)),
        ));
        out.extend(gap_words(b, s, lang).into_iter().map(|l| format!("  {l}")));
    }
    if b.what_if || b.levels != b.report_levels {
        out.push(
            lang.pick(
                "※ 試した値を含む試算です（記録は変わりません）",
                "* A what-if: some figures are not the report's (no record is changed)",
            )
            .to_string(),
        );
    }
    out.push(String::new());
    out.push(lang.pick("前提", "Assumptions").to_string());
    for a in b.assumptions(lang, data) {
        let mark = a.origin.mark(lang);
        let head = format!("{}{}{} {mark}", a.label, lang.pick("：", ": "), a.value);
        let one_line = format!("  {head} {}", a.from);
        if text::width(&one_line) <= WIDTH {
            out.push(one_line);
        } else {
            wrapped(&mut out, "  ", "    ", &head);
            wrapped(&mut out, "    ", "    ", &a.from);
        }
    }
    out.push(format!("  {}", Origin::legend(lang)));
    out
}
