//! `shindan aggregate PATH...`: the report's tables computed from many hospitals' record files.

use super::{print_json, Ctx, Failure};
use crate::domain::aggregate::{Cell, Staff, Tally, BRACKETS};
use crate::domain::{BedClass, Founder, Lang, Questionnaire};
use crate::excel::ExcelCsv;
use crate::store::bundle;
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
}

/// A file that could not be read, kept to say so: it is skipped, the rest is counted.
struct Skipped {
    origin: String,
    reason: String,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    for p in &args.paths {
        if !p.exists() {
            return Err(Failure::Invalid(
                lang.pick(
                    &format!("{} がありません", p.display()),
                    &format!("{} does not exist", p.display()),
                )
                .to_string(),
            ));
        }
    }
    let qn = Questionnaire::embedded();
    let mut tally = Tally::new(qn);
    let mut skipped = Vec::new();
    for item in bundle::records(args.paths) {
        match item {
            Ok((_, record)) => tally.add(qn, &record),
            Err((origin, damage)) => skipped.push(Skipped {
                origin: origin.to_string(),
                reason: damage.message(lang),
            }),
        }
    }
    for s in &skipped {
        eprintln!(
            "{}",
            lang.pick(
                &format!("読めないため除外：{}：{}", s.origin, s.reason),
                &format!("skipped, cannot be read: {}: {}", s.origin, s.reason),
            )
        );
    }
    match args.format {
        Format::Json => print_json(&to_json(&tally, &skipped)),
        Format::Md => print!("{}", to_md(&tally, &skipped, qn, args.by, lang)),
        Format::Csv => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(&to_csv(&tally, qn, args.by, lang));
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

fn to_json(t: &Tally, skipped: &[Skipped]) -> Value {
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
    let mut budget = Map::new();
    for class in BedClass::ALL {
        let counts = t.brackets.get(&class).copied().unwrap_or_default();
        let counts_json: Map<String, Value> = BRACKETS
            .iter()
            .zip(counts)
            .map(|(b, n)| (b.to_string(), json!(n)))
            .collect();
        budget.insert(
            class.id().to_string(),
            json!({
                "counts": counts_json,
                "no_bracket": t.no_bracket.get(&class).copied().unwrap_or(0),
            }),
        );
    }
    json!({
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
        "budget": {"by_bed_class": budget},
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

fn to_md(t: &Tally, skipped: &[Skipped], qn: &Questionnaire, by: By, lang: Lang) -> String {
    let mut out = String::new();
    let l = |ja: &str, en: &str| lang.pick(ja, en).to_string();
    out.push_str(&format!(
        "# {}\n\n",
        l("集計（shindan aggregate）", "Aggregate (shindan aggregate)")
    ));
    out.push_str(lang.pick(
        &format!(
            "回答病院 {}（すべて回答 {}、途中まで {}：途中までの記録は回答した項目だけに数えます）。読めないファイル {} 件は除外。\n\n",
            t.respondents, t.complete, t.respondents - t.complete, skipped.len()
        ),
        &format!(
            "{} respondents ({} complete, {} incomplete: an incomplete record counts only where it answered). {} unreadable file(s) skipped.\n\n",
            t.respondents, t.complete, t.respondents - t.complete, skipped.len()
        ),
    ));
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
            "Annual security budget brackets (as 図６)"
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
    out.push_str(&format!(" {} |\n|---|", l("区分なし", "no bracket")));
    out.push_str(&"---:|".repeat(BRACKETS.len() + 1));
    out.push('\n');
    for c in BedClass::ALL {
        let counts = t.brackets.get(&c).copied().unwrap_or_default();
        out.push_str(&format!("| {} |", c.label(lang)));
        for n in counts {
            out.push_str(&format!(" {n} |"));
        }
        out.push_str(&format!(
            " {} |\n",
            t.no_bracket.get(&c).copied().unwrap_or(0)
        ));
    }
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

fn to_csv(t: &Tally, qn: &Questionnaire, by: By, lang: Lang) -> Vec<u8> {
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
    w.finish()
}
