//! Page 1 of the report: what a director reads if nothing else — the hospital, where it
//! stands against the survey, what the controls leave uncovered, how much money is missing,
//! how ready the checklist is, and what to do first. Every figure is the [`Overview`]'s (the
//! screen's and `shindan check`'s), so the printout and the screen cannot disagree; this only
//! words it, briefly enough to fit one A4 page.

use super::model::{Block, Part, PartId, Step};
use crate::domain::budget::spoken::say;
use crate::domain::budget::{BudgetData, Level, Origin};
use crate::domain::overview::{BudgetSummary, ChecklistSummary, Overview, RiskLevel};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::record::Record;
use crate::domain::survey::Survey;
use crate::domain::Lang;
use chrono::NaiveDate;

/// Worrying answers quoted on page 1; the rest are in the detail.
const WORRIES: usize = 3;
/// Missing checklist items named on page 1.
const MISSING: usize = 5;
/// Target dates named on page 1.
const TARGETS: usize = 3;
/// Uncovered large risks named on page 1 (the detail lists them all).
const RISKS: usize = 4;

/// The summary part. `overview` was built for the day the report is dated.
pub fn part(
    record: &Record,
    qn: &Questionnaire,
    survey: &Survey,
    overview: &Overview<'_>,
    lang: Lang,
    today: NaiveDate,
) -> Part {
    let mut part = Part::new(PartId::Summary, lang);
    let b = &mut part.blocks;
    b.push(Block::Heading(
        lang.pick("1. 病院", "1. The hospital").to_string(),
    ));
    b.push(Block::Facts(hospital(record, qn, overview, lang, today)));
    b.push(Block::Heading(match lang {
        Lang::Ja => format!("2. {}との比較", survey.label(lang)),
        Lang::En => format!("2. Against {}", survey.label(lang)),
    }));
    position(overview, lang, b);
    b.push(Block::Heading(
        lang.pick(
            "3. リスク対策の網羅（提言２）",
            "3. Risk coverage (proposal 2)",
        )
        .to_string(),
    ));
    b.push(Block::Facts(coverage(overview, lang)));
    b.push(Block::Heading(
        lang.pick(
            "4. セキュリティ予算（提言１）",
            "4. Security budget (proposal 1)",
        )
        .to_string(),
    ));
    let (facts, defaults) = budget(&overview.budget, lang);
    b.push(Block::Facts(facts));
    b.extend(defaults.map(Block::Text));
    b.push(Block::Heading(
        lang.pick(
            "5. 厚労省チェックリスト（立入検査）",
            "5. MHLW checklist (inspection)",
        )
        .to_string(),
    ));
    b.push(Block::Facts(match &overview.checklist {
        Some(c) => checklist(c, lang),
        None => vec![(
            lang.pick("版", "Edition").to_string(),
            lang.pick(
                "チェックリストの版がありません",
                "no checklist edition known",
            )
            .to_string(),
        )],
    }));
    b.push(Block::Heading(
        lang.pick("6. 次の一手", "6. Next steps").to_string(),
    ));
    if overview.next_steps.is_empty() {
        b.push(Block::Text(
            lang.pick(
                "いま挙げる一手はありません。",
                "Nothing to do first at the moment.",
            )
            .to_string(),
        ));
    } else {
        b.push(Block::Steps(
            overview
                .next_steps
                .iter()
                .map(|s| Step {
                    rank: s.rank,
                    action: s.action.get(lang).to_string(),
                    why: s.why.get(lang).to_string(),
                    source: s.source.get(lang).to_string(),
                })
                .collect(),
        ));
    }
    b.push(Block::Text(
        lang.pick(
            "順位は根拠の種類による（引き継ぎ→期限切れ→大リスク→少数派→チェックリスト→中リスク→予算→共通の課題→不明点）。詳細は次ページ以降。",
            "Ranked by kind of evidence (carried, past due, large risk, minority, checklist, medium risk, budget, shared gap, unknown). The detail follows from page 2.",
        )
        .to_string(),
    ));
    part
}

fn fact(label: (&str, &str), lang: Lang, value: String) -> (String, String) {
    (lang.pick(label.0, label.1).to_string(), value)
}

fn hospital(
    record: &Record,
    qn: &Questionnaire,
    o: &Overview<'_>,
    lang: Lang,
    today: NaiveDate,
) -> Vec<(String, String)> {
    let none = || lang.pick("未回答", "not answered").to_string();
    let beds = qn
        .question("beds")
        .zip(qn.effective("beds", record))
        .map(|(q, v)| q.describe(v, lang));
    let beds = match (beds, record.bed_class()) {
        (Some(b), Some(c)) => match lang {
            Lang::Ja => format!("{b}（{}）", c.label(lang)),
            Lang::En => format!("{b} ({})", c.label(lang)),
        },
        (Some(b), None) => b,
        (None, _) => none(),
    };
    let p = &o.progress;
    let progress = match (p.carried, lang) {
        (0, _) => format!("{}/{} ({}%)", p.answered, p.total, p.percent()),
        (c, Lang::Ja) => format!(
            "{}/{} ({}%)・昨年から引き継ぎ未確認 {c}",
            p.answered,
            p.total,
            p.percent()
        ),
        (c, Lang::En) => format!(
            "{}/{} ({}%), {c} carried from last year, unconfirmed",
            p.answered,
            p.total,
            p.percent()
        ),
    };
    vec![
        fact(
            ("病院名", "Hospital"),
            lang,
            o.name.clone().unwrap_or_else(none),
        ),
        fact(("許可病床数", "Beds"), lang, beds),
        fact(
            ("開設者", "Founder"),
            lang,
            record
                .founder()
                .map_or_else(none, |f| f.label(lang).to_string()),
        ),
        fact(
            ("年度・評価日", "Year, assessed"),
            lang,
            format!(
                "{}{}{}",
                record.fiscal_year().label(lang),
                lang.pick("・", ", "),
                record.assessed_on
            ),
        ),
        fact(("回答の進捗", "Progress"), lang, progress),
        fact(
            ("記録・作成日", "Record, written"),
            lang,
            format!("{}{}{today}", record.id, lang.pick("・", ", ")),
        ),
    ]
}

/// The worrying answers, those in a minority first, each with the cohort, its n and the figure
/// with its page.
fn position(o: &Overview<'_>, lang: Lang, out: &mut Vec<Block>) {
    let pos = &o.position;
    let minority = pos.minority().count();
    out.push(Block::Facts(vec![fact(
        ("指標", "Indicators"),
        lang,
        match lang {
            Lang::Ja => format!(
                "{}件中 回答{}・要注意{}（うち少数派{minority}）・わからない{}・未回答{}",
                pos.total,
                pos.answered(),
                pos.worries.len(),
                pos.dont_know.len(),
                pos.unanswered.len()
            ),
            Lang::En => format!(
                "{} answered of {}: {} of concern ({minority} in a minority), {} don't know, {} unanswered",
                pos.answered(),
                pos.total,
                pos.worries.len(),
                pos.dont_know.len(),
                pos.unanswered.len()
            ),
        },
    )]));
    let mut items: Vec<String> = pos
        .worries
        .iter()
        .take(WORRIES)
        .map(|w| {
            let head = if w.minority() {
                lang.pick("少数派", "Minority")
            } else {
                lang.pick("多くの病院と同じ課題", "Shared gap")
            };
            match w.telling() {
                Some(s) => format!(
                    "{head}{}{}{}{}",
                    lang.pick("：", ": "),
                    s.phrase().get(lang),
                    lang.pick("。", ". "),
                    s.side_words().get(lang)
                ),
                None => format!(
                    "{head}{}{}",
                    lang.pick("：", ": "),
                    w.indicator.text.get(lang)
                ),
            }
        })
        .collect();
    if pos.worries.len() > WORRIES {
        items.push(match lang {
            Lang::Ja => format!("ほか{}件は次ページ以降", pos.worries.len() - WORRIES),
            Lang::En => format!("{} more in the detail", pos.worries.len() - WORRIES),
        });
    }
    items.extend(pos.missing().iter().map(|m| m.get(lang).to_string()));
    if items.is_empty() {
        items.push(
            lang.pick("要注意の回答はありません。", "No answer of concern.")
                .to_string(),
        );
    }
    out.push(Block::Items(items));
}

fn coverage(o: &Overview<'_>, lang: Lang) -> Vec<(String, String)> {
    let c = &o.coverage;
    let strip = c
        .categories
        .iter()
        .zip(&c.category_figures)
        .map(|((_, name, _), (_, f))| {
            let p = f
                .percent()
                .map_or_else(|| "—".to_string(), |p| format!("{p}%"));
            format!("{} {p}", name.get(lang))
        })
        .collect::<Vec<_>>()
        .join(lang.pick("｜", " | "));
    // Known to be uncovered (some control said 未実施) apart from only unknown: the next steps
    // act on the first; the second is a question to ask.
    let large = |known: bool| {
        c.uncovered
            .iter()
            .filter(move |r| r.level == RiskLevel::Large && (r.known > 0) == known)
    };
    let only_unknown = large(false).count();
    let large: Vec<&str> = large(true).map(|r| r.name.get(lang)).collect();
    let medium = c
        .uncovered
        .iter()
        .filter(|r| r.level == RiskLevel::Medium)
        .count();
    let mut uncovered = if large.is_empty() {
        lang.pick("なし", "none").to_string()
    } else {
        large[..large.len().min(RISKS)].join(lang.pick("、", ", "))
    };
    if large.len() > RISKS {
        uncovered.push_str(&match lang {
            Lang::Ja => format!("、ほか{}件", large.len() - RISKS),
            Lang::En => format!(", {} more", large.len() - RISKS),
        });
    }
    let mut more = Vec::new();
    if only_unknown > 0 {
        more.push(match lang {
            Lang::Ja => format!("状態不明だけの大リスク{only_unknown}件"),
            Lang::En => format!("{only_unknown} large risks whose controls are all unknown"),
        });
    }
    if medium > 0 {
        more.push(match lang {
            Lang::Ja => format!("全小リスク未対策の中リスク{medium}件"),
            Lang::En => format!("{medium} medium risks with every scenario uncovered"),
        });
    }
    if !more.is_empty() {
        uncovered.push_str(&match lang {
            Lang::Ja => format!("（ほかに{}）", more.join("、")),
            Lang::En => format!(" (and {})", more.join("; ")),
        });
    }
    vec![
        fact(("全体", "Overall"), lang, c.figure.render(lang)),
        fact(("区分別", "By category"), lang, strip),
        fact(
            ("状態不明の対策", "Unknown controls"),
            lang,
            match lang {
                Lang::Ja => format!(
                    "{}/{}件（未対策として数える）",
                    c.unknown_controls, c.controls
                ),
                Lang::En => format!(
                    "{} of {} (counted as uncovered)",
                    c.unknown_controls, c.controls
                ),
            },
        ),
        fact(
            ("対策のない大リスク", "Large risks uncovered"),
            lang,
            uncovered,
        ),
    ]
}

/// The budget's facts, and a line naming the figures that are the report's defaults.
fn budget(b: &BudgetSummary, lang: Lang) -> (Vec<(String, String)>, Option<String>) {
    let Some(m) = b.budget() else {
        let facts = b
            .missing()
            .iter()
            .map(|t| {
                fact(
                    ("試算できません", "Not computed"),
                    lang,
                    t.get(lang).to_string(),
                )
            })
            .collect();
        return (facts, None);
    };
    let short = |gap: i64| match (gap.signum(), lang) {
        (-1, Lang::Ja) => format!("{}不足", say(-gap, lang)),
        (-1, Lang::En) => format!("{} short", say(-gap, lang)),
        (_, Lang::Ja) => format!("不足なし（{}上回る）", say(gap, lang)),
        (_, Lang::En) => format!("not short ({} above)", say(gap, lang)),
    };
    let both = |p: crate::domain::budget::PerLevel<i64>, f: &dyn Fn(i64) -> String| {
        format!(
            "15%{}{}{}30%{}{}",
            lang.pick("で", ": "),
            f(p.get(Level::Min)),
            lang.pick("・", "; "),
            lang.pick("で", ": "),
            f(p.get(Level::Sufficient))
        )
    };
    let unknown = || lang.pick("不明", "unknown").to_string();
    let class = m.bed_class.label(lang);
    let facts = vec![
        fact(
            ("実際の予算", "Actual budget"),
            lang,
            m.actual.map_or_else(unknown, |a| say(a, lang)),
        ),
        fact(
            ("必要額", "Required"),
            lang,
            both(m.required, &|v| say(v, lang)),
        ),
        fact(
            ("貴院の不足", "Your shortfall"),
            lang,
            m.shortfall.map_or_else(
                || {
                    lang.pick(
                        "予算が未回答のため出せません",
                        "budget not answered: none computed",
                    )
                    .to_string()
                },
                |s| both(s, &short),
            ),
        ),
        fact(
            ("病床規模の平均", "Bed class average"),
            lang,
            match (m.cohort.estimate, m.cohort.shortfall) {
                (Some(e), Some(s)) => match lang {
                    Lang::Ja => format!(
                        "{class}（図６・図７）：予算 {}、{}",
                        say(e, lang),
                        both(s, &short)
                    ),
                    Lang::En => format!(
                        "{class} (figs. 6–7): budget {}; {}",
                        say(e, lang),
                        both(s, &short)
                    ),
                },
                _ => unknown(),
            },
        ),
    ];
    let data = BudgetData::embedded();
    let defaults: Vec<String> = m
        .assumptions(lang, data)
        .into_iter()
        .filter(|a| a.origin == Origin::Survey)
        .map(|a| format!("{} {}", a.label, a.value))
        .collect();
    let defaults = if defaults.is_empty() {
        lang.pick(
            "報告書の既定値：なし（すべて貴院の数字）",
            "Report defaults: none (all your figures)",
        )
        .to_string()
    } else {
        format!(
            "{}{}",
            lang.pick("報告書の既定値：", "Report defaults: "),
            defaults.join(lang.pick("、", "; "))
        )
    };
    (facts, Some(defaults))
}

/// The first [`MISSING`] missing items with their sections, as every other surface names them
/// (2④ サーバ alone does not say where on the form it is), each section once for the items in
/// it, in the form's order: 「1(2)（体制構築）、2①・2②（医療情報システムの管理・運用）」.
fn missing_by_section(c: &ChecklistSummary, lang: Lang) -> Vec<String> {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for m in c.missing.iter().take(MISSING) {
        let (section, label) = (m.section.get(lang), m.label.get(lang));
        match groups.iter_mut().find(|(s, _)| *s == section) {
            Some((_, labels)) => labels.push(label),
            None => groups.push((section, vec![label])),
        }
    }
    groups
        .into_iter()
        .map(|(section, labels)| {
            let labels = labels.join(lang.pick("・", ", "));
            crate::domain::checklist::view::place_in(&labels, section, lang)
        })
        .collect()
}

fn checklist(c: &ChecklistSummary, lang: Lang) -> Vec<(String, String)> {
    let sep = lang.pick("、", ", ");
    let mut missing = missing_by_section(c, lang);
    if c.missing.len() > MISSING {
        missing.push(match lang {
            Lang::Ja => format!("ほか{}項目", c.missing.len() - MISSING),
            Lang::En => format!("{} more", c.missing.len() - MISSING),
        });
    }
    let targets: Vec<String> = c
        .targets
        .iter()
        .take(TARGETS)
        .map(|t| {
            let late = if t.overdue {
                lang.pick("（期限切れ）", " (past due)")
            } else {
                ""
            };
            format!("{} {}{late}", t.label.get(lang), t.on)
        })
        .collect();
    vec![
        fact(
            ("版・準備", "Edition, ready"),
            lang,
            format!(
                "{}{}{}",
                c.edition_name.get(lang),
                lang.pick("・", ": "),
                if c.ready {
                    lang.pick("完了", "ready")
                } else {
                    lang.pick("未完了", "not ready")
                }
            ),
        ),
        fact(
            ("必須項目", "Required items"),
            lang,
            match lang {
                Lang::Ja => format!("{}/{} 完了（未回答{}）", c.done, c.required, c.unanswered),
                Lang::En => format!(
                    "{}/{} done ({} unanswered)",
                    c.done, c.required, c.unanswered
                ),
            },
        ),
        fact(
            ("未完了の項目", "Items missing"),
            lang,
            if missing.is_empty() {
                lang.pick("なし", "none").to_string()
            } else {
                // A section's items are joined with commas in English: sections with `;`.
                missing.join(lang.pick("、", "; "))
            },
        ),
        fact(
            ("事業者", "Vendors"),
            lang,
            match lang {
                Lang::Ja => format!(
                    "返却 {}/{}・食い違い {}件",
                    c.vendors.saturating_sub(c.vendors_missing.len()),
                    c.vendors,
                    c.conflicts.len()
                ),
                Lang::En => format!(
                    "{}/{} returned; {} conflicts",
                    c.vendors.saturating_sub(c.vendors_missing.len()),
                    c.vendors,
                    c.conflicts.len()
                ),
            },
        ),
        fact(
            ("近い目標日", "Nearest targets"),
            lang,
            if targets.is_empty() {
                lang.pick("なし", "none").to_string()
            } else {
                targets.join(sep)
            },
        ),
    ]
}
