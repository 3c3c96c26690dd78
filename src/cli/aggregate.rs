//! `shindan aggregate PATH...`: the report's tables computed from many hospitals' record files.

use super::respondents::{Counted, Skipped};
use super::{print_json, Ctx, Failure};
use crate::domain::aggregate::{Cell, Staff, Tally};
use crate::domain::budget::{BudgetData, CohortBudget, Levels};
use crate::domain::questionnaire::group_thousands;
use crate::domain::survey::BRACKETS;
use crate::domain::{BedClass, Founder, Lang, Questionnaire};
use crate::excel::ExcelCsv;
use chrono::NaiveDate;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    #[value(name = "bed_class")]
    BedClass,
    Founder,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record files, folders of them, or JSONL bundles (one record per line)
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The cohorts of the indicator table (JSON always has both)
    #[arg(long, value_enum, default_value = "bed_class")]
    by: By,
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
    /// The survey's name, carried in the output's `survey` header and shown wherever
    /// `--survey FILE` compares with it [default: the name of the first folder or file]
    #[arg(long)]
    name: Option<String>,
    /// The survey's date, YYYY-MM-DD [default: today]
    #[arg(long, value_parser = parse_date)]
    date: Option<NaiveDate>,
    /// The assessment year (「年度」, April–March) counted: one record per hospital, its newest of that year
    /// [default: the newest year present]
    #[arg(long, value_name = "YEAR")]
    year: Option<String>,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
        super::usage::parsing_lang()
            .pick(
                "日付は YYYY-MM-DD で書いてください（例：2026-06-01）",
                "a date is written YYYY-MM-DD, e.g. 2026-06-01",
            )
            .to_string()
    })
}

/// What a produced aggregate calls itself, so that a file carries its identity when it is
/// used as the benchmark (`--survey FILE`).
struct Identity {
    name: String,
    date: NaiveDate,
}

/// The folder's name (`collected/` → "collected"), or a bundle's without its extension.
fn default_name(paths: &[PathBuf]) -> String {
    let first = paths.first().map(|p| {
        let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        if p.is_dir() {
            p.file_name().map(|n| n.to_string_lossy().into_owned())
        } else {
            p.file_stem().map(|n| n.to_string_lossy().into_owned())
        }
    });
    first
        .flatten()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| "aggregate".to_string())
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    for p in &args.paths {
        if !p.exists() {
            return Err(Failure::Invalid(lang.pick_with(
                || format!("{} がありません", p.display()),
                || format!("{} does not exist", p.display()),
            )));
        }
    }
    let name = match &args.name {
        Some(n) if n.trim().is_empty() => return Err(Failure::Invalid(
            lang.pick(
                "--name が空です：集計の名前を書いてください（例：--name \"2026年 会員病院調査\"）",
                "--name is empty: give the survey a name (e.g. --name \"2026 member survey\")",
            )
            .to_string(),
        )),
        Some(n) => n.trim().to_string(),
        None => default_name(&args.paths),
    };
    let identity = Identity {
        name,
        date: args.date.unwrap_or_else(|| ctx.clock.today()),
    };
    let qn = Questionnaire::embedded();
    let year = match args.year.as_deref() {
        Some(raw) => Some(
            crate::domain::FiscalYear::parse(raw)
                .map_err(|e| Failure::Invalid(format!("--year: {}", e.message(lang))))?,
        ),
        None => None,
    };
    let (tally, counted) =
        super::respondents::tally(&args.paths, year.map(|y| y.year()), qn, lang)?;
    let skipped = &counted.skipped;
    for s in skipped {
        eprintln!(
            "{}",
            lang.pick_with(
                || format!("読めないため除外：{}：{}", s.origin, s.reason),
                || format!("skipped, cannot be read: {}: {}", s.origin, s.reason),
            )
        );
    }
    let data = BudgetData::embedded();
    let budget = tally.budget(data, data.levels());
    match args.format {
        Format::Json => {
            let mut j = to_json(&tally, &budget, &identity, skipped);
            if let Value::Object(m) = &mut j {
                m.extend(counted.json(lang).map(|(k, v)| (k.to_string(), v)));
            }
            print_json(&j)
        }
        Format::Md => print!(
            "{}",
            to_md(&tally, &budget, &identity, &counted, qn, args.by, lang)
        ),
        Format::Csv => {
            // Bytes as they are (UTF-8 with a BOM for Excel); a write that fails (a full disk, a
            // closed pipe) is exit 1 with a message, as for the other formats, so that a script
            // never takes a truncated sheet for the survey.
            use std::io::Write;
            let csv = to_csv(&tally, &budget, qn, args.by, lang);
            let mut out = std::io::stdout().lock();
            out.write_all(&csv)
                .and_then(|()| out.flush())
                .map_err(|e| {
                    Failure::Data(super::output::message(
                        lang,
                        &crate::edge::os_error(&e, lang),
                    ))
                })?;
        }
    }
    Ok(())
}

fn cell_json(c: &Cell) -> Value {
    json!({"yes": c.yes, "of": c.of, "share": c.share()})
}

fn staff_json(s: &Staff) -> Value {
    json!({
        "total": s.total.value(), "fulltime": s.fulltime.value(), "n": s.total.n,
    })
}

fn by_class<T>(m: &BTreeMap<BedClass, T>, f: impl Fn(&T) -> Value) -> Value {
    Value::Object(m.iter().map(|(k, v)| (k.id().to_string(), f(v))).collect())
}

fn by_founder<T>(m: &BTreeMap<Founder, T>, f: impl Fn(&T) -> Value) -> Value {
    Value::Object(m.iter().map(|(k, v)| (k.id().to_string(), f(v))).collect())
}

/// 図６/図７ per bed class: counts, who chose none and why, the estimate, the requirement and
/// the shortfall at both levels (thousand yen; negative means short).
fn budget_json(t: &Tally, budget: &[CohortBudget], levels: Levels) -> Value {
    let mut by = Map::new();
    for cb in budget {
        let class = cb.class;
        let counts_json: Map<String, Value> = BRACKETS
            .iter()
            .zip(&cb.counts)
            .map(|(b, n)| (b.to_string(), json!(n)))
            .collect();
        let no_bracket = t.no_bracket.get(&class).copied().unwrap_or(0);
        let dont_know = t.bracket_unknown.get(&class).copied().unwrap_or(0);
        by.insert(
            class.id().to_string(),
            json!({
                "counts": counts_json,
                "chose": cb.chose,
                "no_bracket": no_bracket,
                "dont_know": dont_know,
                "unanswered": no_bracket - dont_know,
                "estimate": cb.estimate,
                "required": {"min": cb.required.min, "sufficient": cb.required.sufficient},
                "shortfall": cb.shortfall.map(|s| json!({"min": s.min, "sufficient": s.sufficient})),
            }),
        );
    }
    json!({
        "unit": "thousand_yen",
        "levels": {"min": levels.min.percent(), "sufficient": levels.sufficient.percent()},
        "by_bed_class": by,
    })
}

fn to_json(t: &Tally, budget: &[CohortBudget], identity: &Identity, skipped: &[Skipped]) -> Value {
    let indicators: Vec<Value> = t
        .indicators
        .iter()
        .map(|(id, it)| {
            json!({
                "id": id,
                "overall": cell_json(&it.overall),
                "by_bed_class": by_class(&it.by_bed_class, cell_json),
                "by_founder": by_founder(&it.by_founder, cell_json),
                "unknown": it.left.unknown,
                "not_applicable": it.left.not_applicable,
                "unanswered": it.left.unanswered,
            })
        })
        .collect();
    json!({
        "survey": {
            "name": identity.name,
            "date": identity.date.to_string(),
            "records": t.respondents,
        },
        "respondents": t.respondents,
        "complete": t.complete,
        "incomplete": t.respondents - t.complete,
        "by_bed_class": by_class(&t.by_bed_class, |n| json!(n)),
        "by_founder": by_founder(&t.by_founder, |n| json!(n)),
        "without_bed_class": t.without_bed_class,
        "without_founder": t.without_founder,
        "indicators": indicators,
        "staff": {
            "overall": staff_json(&t.staff),
            "by_bed_class": by_class(&t.staff_by_bed_class, staff_json),
            "by_founder": by_founder(&t.staff_by_founder, staff_json),
        },
        "budget": budget_json(t, budget, BudgetData::embedded().levels()),
        "skipped": skipped.iter().map(|s| json!({"file": s.origin, "reason": s.reason})).collect::<Vec<_>>(),
    })
}

fn pct(c: &Cell) -> String {
    match c.share() {
        Some(s) => format!("{:.1}% ({}/{})", s * 100.0, c.yes, c.of),
        None => "—".to_string(),
    }
}

/// The cohort columns of the indicator table.
fn columns(by: By, lang: Lang) -> Vec<(String, String)> {
    match by {
        By::BedClass => BedClass::ALL
            .iter()
            .map(|c| (c.id().to_string(), c.label(lang).to_string()))
            .collect(),
        By::Founder => Founder::ALL
            .iter()
            .map(|f| (f.id().to_string(), f.label(lang).to_string()))
            .collect(),
    }
}

fn cohort_cell(t: &crate::domain::aggregate::IndicatorTally, by: By, id: &str) -> Cell {
    match by {
        By::BedClass => id
            .parse::<BedClass>()
            .ok()
            .and_then(|c| t.by_bed_class.get(&c).copied()),
        By::Founder => id
            .parse::<Founder>()
            .ok()
            .and_then(|f| t.by_founder.get(&f).copied()),
    }
    .unwrap_or_default()
}

/// "+499" / "−2,948": a shortfall with its sign, as 図７ prints it.
fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{}", group_thousands(n))
    } else if n < 0 {
        format!("−{}", group_thousands(-n))
    } else {
        "0".to_string()
    }
}

fn to_md(
    t: &Tally,
    budget: &[CohortBudget],
    identity: &Identity,
    counted: &Counted,
    qn: &Questionnaire,
    by: By,
    lang: Lang,
) -> String {
    let skipped = &counted.skipped;
    let mut out = String::new();
    let l = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    out.push_str(&format!(
        "# {}\n\n",
        lang.pick_with(
            || format!("集計：{}（{}）", identity.name, identity.date),
            || format!("Aggregate: {} ({})", identity.name, identity.date)
        )
    ));
    out.push_str(&lang.pick_with(
        || format!(
            "回答病院 {}（すべて回答 {}、途中まで {}：途中までの記録は回答した項目だけに数えます）。読めないファイル {} 件は除外。\n\n",
            t.respondents, t.complete, t.respondents - t.complete, skipped.len()
        ),
        || format!(
            "{} respondents ({} complete, {} incomplete: an incomplete record counts only where it answered). {} unreadable file(s) skipped.\n\n",
            t.respondents, t.complete, t.respondents - t.complete, skipped.len()
        ),
    ));
    out.push_str(&counted.sentence(t.respondents, lang));
    let share = |n: u64| {
        if t.respondents == 0 {
            "—".to_string()
        } else {
            format!("{:.1}%", n as f64 * 100.0 / t.respondents as f64)
        }
    };
    out.push_str(&format!(
        "## {}\n\n| {} | n | % |\n|---|---:|---:|\n",
        l("病床規模別", "By bed size"),
        l("病床規模", "Beds")
    ));
    for c in BedClass::ALL {
        let n = t.by_bed_class.get(&c).copied().unwrap_or(0);
        out.push_str(&format!("| {} | {n} | {} |\n", c.label(lang), share(n)));
    }
    if t.without_bed_class > 0 {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            l("（病床数未回答）", "(beds not answered)"),
            t.without_bed_class,
            share(t.without_bed_class)
        ));
    }
    out.push_str(&format!(
        "\n## {}\n\n| {} | n | % |\n|---|---:|---:|\n",
        l("開設者別", "By founder"),
        l("開設者", "Founder")
    ));
    for f in Founder::ALL {
        let n = t.by_founder.get(&f).copied().unwrap_or(0);
        out.push_str(&format!("| {} | {n} | {} |\n", f.label(lang), share(n)));
    }
    if t.without_founder > 0 {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            l("（開設者未回答）", "(founder not answered)"),
            t.without_founder,
            share(t.without_founder)
        ));
    }
    let cols = columns(by, lang);
    out.push_str(&format!(
        "\n## {}\n\n{}\n\n| {} | {} |",
        l("指標（該当数／明確な回答数）", "Indicators (yes / definite answers)"),
        l(
            "「わからない」、対象外（例：指摘VPNを使っていない）、未回答は分母に入れず、右の列に数えます。",
            "\"Don't know\", not applicable (e.g. no flagged VPN) and unanswered are left out of the share and counted on the right.",
        ),
        l("指標", "Indicator"),
        l("全体", "All")
    ));
    for (_, label) in &cols {
        out.push_str(&format!(" {label} |"));
    }
    out.push_str(&format!(
        " {} | {} | {} |\n|---|---:|",
        l("不明", "unknown"),
        l("対象外", "n/a"),
        l("未回答", "unanswered")
    ));
    out.push_str(&"---:|".repeat(cols.len() + 3));
    out.push('\n');
    for ((id, it), ind) in t.indicators.iter().zip(&qn.indicators) {
        out.push_str(&format!(
            "| {} `{id}` | {} |",
            ind.text.get(lang),
            pct(&it.overall)
        ));
        for (cid, _) in &cols {
            out.push_str(&format!(" {} |", pct(&cohort_cell(it, by, cid))));
        }
        out.push_str(&format!(
            " {} | {} | {} |\n",
            it.left.unknown, it.left.not_applicable, it.left.unanswered
        ));
    }
    let mean = |m: &crate::domain::aggregate::Mean| {
        m.value()
            .map(|v| format!("{v:.2}"))
            .unwrap_or_else(|| "—".into())
    };
    out.push_str(&format!(
        "\n## {}\n\n| | {} | {} | n |\n|---|---:|---:|---:|\n| {} | {} | {} | {} |\n",
        l(
            "院内システム担当者（平均人数）",
            "In-house IT staff (average)"
        ),
        l("担当者", "staff"),
        l("うち常勤", "full-time"),
        l("全体", "All"),
        mean(&t.staff.total),
        mean(&t.staff.fulltime),
        t.staff.total.n
    ));
    for c in BedClass::ALL {
        if let Some(s) = t.staff_by_bed_class.get(&c) {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                c.label(lang),
                mean(&s.total),
                mean(&s.fulltime),
                s.total.n
            ));
        }
    }
    let q = qn.question("budget_bracket");
    out.push_str(&format!(
        "\n## {}\n\n| {} |",
        l(
            "年間セキュリティ予算の区分（図６の形）",
            "Annual security budget brackets (as fig. 6)"
        ),
        l("病床規模", "Beds")
    ));
    for b in BRACKETS {
        let label = q
            .and_then(|q| q.option(b))
            .map(|o| o.text.get(lang).to_string())
            .unwrap_or_else(|| b.to_string());
        out.push_str(&format!(" {label} |"));
    }
    out.push_str(&format!(
        " {} | {} |\n|---|",
        l("わからない", "don't know"),
        l("未回答", "unanswered")
    ));
    out.push_str(&"---:|".repeat(BRACKETS.len() + 2));
    out.push('\n');
    for c in BedClass::ALL {
        let counts = t.brackets.get(&c).copied().unwrap_or_default();
        out.push_str(&format!("| {} |", c.label(lang)));
        for n in counts {
            out.push_str(&format!(" {n} |"));
        }
        let none = t.no_bracket.get(&c).copied().unwrap_or(0);
        let dont_know = t.bracket_unknown.get(&c).copied().unwrap_or(0);
        out.push_str(&format!(" {dont_know} | {} |\n", none - dont_know));
    }
    let levels = BudgetData::embedded().levels();
    let (min, sufficient) = (levels.min.percent(), levels.sufficient.percent());
    out.push_str(&format!(
        "\n## {}\n\n{}\n\n| {} | {} | {} | {} {min} | {} {sufficient} | {} {min} | {} {sufficient} |\n|---|---:|---:|---:|---:|---:|---:|\n",
        l(
            "推計予算（図６）と過不足（図７）、千円",
            "Estimated budget (fig. 6) and shortfall (fig. 7), thousand yen"
        ),
        l(
            "報告と同じ計算：区分の代表値×件数の合計÷区分を選んだ数（わからない・未回答は除く）、各段階で千円未満切り捨て。必要額は収益×2.21%のIT予算の15%／30%。負は不足。",
            "As the report computes it: each bracket's representative value × its count, summed, ÷ those who chose a bracket (don't know and unanswered left out), floored at every step. Required: 15% / 30% of an IT budget of 2.21% of revenue. Negative means short.",
        ),
        l("病床規模", "Beds"),
        l("区分回答", "chose"),
        l("推計額", "estimate"),
        l("必要額", "required"),
        l("必要額", "required"),
        l("過不足", "shortfall"),
        l("過不足", "shortfall"),
    ));
    for cb in budget {
        let dash = || "—".to_string();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            cb.class.label(lang),
            cb.chose,
            cb.estimate.map_or_else(dash, group_thousands),
            group_thousands(cb.required.min),
            group_thousands(cb.required.sufficient),
            cb.shortfall.map_or_else(dash, |s| signed(s.min)),
            cb.shortfall.map_or_else(dash, |s| signed(s.sufficient)),
        ));
    }
    out.push_str(&counted.md_list(lang));
    if !skipped.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n",
            l("除外したファイル", "Skipped files")
        ));
        for s in skipped {
            out.push_str(&format!("- {}: {}\n", s.origin, s.reason));
        }
    }
    out
}

fn to_csv(t: &Tally, budget: &[CohortBudget], qn: &Questionnaire, by: By, lang: Lang) -> Vec<u8> {
    let mut w = ExcelCsv::new();
    let cols = columns(by, lang);
    w.row(["indicator", "cohort", "yes", "of", "share"]);
    for ((id, it), _) in t.indicators.iter().zip(&qn.indicators) {
        let mut rows = vec![("all".to_string(), it.overall)];
        for (cid, _) in &cols {
            rows.push((cid.clone(), cohort_cell(it, by, cid)));
        }
        for (cohort, c) in rows {
            w.row([
                id.clone(),
                cohort,
                c.yes.to_string(),
                c.of.to_string(),
                c.share().map(|s| format!("{s:.4}")).unwrap_or_default(),
            ]);
        }
    }
    // The budget is a second table under the first, after an empty row (Excel shows both).
    w.row([""]);
    let mut header: Vec<String> = vec!["bed_class".into()];
    header.extend(BRACKETS.iter().map(|b| b.to_string()));
    header.extend(
        [
            "chose",
            "dont_know",
            "unanswered",
            "estimate",
            "required_min",
            "required_sufficient",
            "shortfall_min",
            "shortfall_sufficient",
        ]
        .map(String::from),
    );
    w.row(&header);
    let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    for cb in budget {
        let none = t.no_bracket.get(&cb.class).copied().unwrap_or(0);
        let dont_know = t.bracket_unknown.get(&cb.class).copied().unwrap_or(0);
        let mut row: Vec<String> = vec![cb.class.id().to_string()];
        row.extend(cb.counts.iter().map(u32::to_string));
        row.extend([
            cb.chose.to_string(),
            dont_know.to_string(),
            (none - dont_know).to_string(),
            opt(cb.estimate),
            cb.required.min.to_string(),
            cb.required.sufficient.to_string(),
            opt(cb.shortfall.map(|s| s.min)),
            opt(cb.shortfall.map(|s| s.sufficient)),
        ]);
        w.row(&row);
    }
    w.finish()
}
