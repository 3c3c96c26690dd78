//! `shindan survey`: the 2022 survey data shindan compares with, every figure with its place in
//! the report and its precision — so that anyone can check it against the report.

use super::{print_json, Ctx, Failure};
use crate::domain::lang::paren;
use crate::domain::questionnaire::group_thousands;
use crate::domain::survey::from_aggregate::from_aggregate;
use crate::domain::survey::{
    approx, bracket_short_label, points_per_hospital, Cohort, Counts, Dimension, Figure,
    FigureValue, IndicatorFigures, Precision, Said, Scope, Survey,
};
use crate::domain::{BedClass, Founder, Lang, Questionnaire};
use crate::text;
use serde_json::{json, Map, Value};

mod json;

pub(crate) use json::figure_json;
use json::survey_json;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON for scripts
    #[arg(long)]
    json: bool,
}

const WIDTH: usize = 80;

/// Reads `--survey FILE`, the survey this run compares with; a file that is not a valid
/// aggregate is refused with the field at fault (exit 2).
pub fn choose(path: &std::path::Path, lang: Lang) -> Result<Survey, Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Failure::Invalid(lang.pick_with(
            || format!("--survey {}：読めません（{e}）", path.display()),
            || format!("--survey {}: cannot read it ({e})", path.display()),
        ))
    })?;
    from_aggregate(&text, Questionnaire::embedded()).map_err(|e| {
        Failure::Invalid(lang.pick_with(
            || {
                format!(
                    "--survey {}：比較に使える集計ではありません：{}",
                    path.display(),
                    e.message(lang)
                )
            },
            || {
                format!(
                    "--survey {}: not an aggregate to compare with: {}",
                    path.display(),
                    e.message(lang)
                )
            },
        ))
    })
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let survey = ctx.survey();
    let qn = Questionnaire::embedded();
    if args.json {
        print_json(&survey_json(survey, qn));
    } else {
        for line in survey_text(survey, qn, ctx.lang) {
            println!("{line}");
        }
    }
    Ok(())
}

/// Wraps `body` after `first`, indented by `indent` columns; a `first` too wide for the
/// indent gets a line of its own rather than being cut.
fn push_wrapped(out: &mut Vec<String>, first: &str, body: &str, indent: usize) {
    let pad = " ".repeat(indent);
    let first = if indent > 0 && text::width(first.trim_end()) >= indent {
        out.push(first.to_string());
        ""
    } else {
        first
    };
    for (i, line) in text::wrap(body, WIDTH - indent).into_iter().enumerate() {
        if i == 0 {
            out.push(format!("{}{line}", text::pad(first, indent)));
        } else {
            out.push(format!("{pad}{line}"));
        }
    }
}

fn survey_text(s: &Survey, qn: &Questionnaire, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut note = |r: &Option<String>| -> String {
        match r.as_deref() {
            None => String::new(),
            Some(r) => {
                let i = notes.iter().position(|x| *x == r).unwrap_or_else(|| {
                    notes.push(r.to_string());
                    notes.len() - 1
                });
                format!(" ※{}", i + 1)
            }
        }
    };
    push_wrapped(&mut out, "", s.title.get(lang), 0);
    let (from, to) = (s.period.from, s.period.to);
    let (targets, respondents) = (
        group_thousands(i64::from(s.targets)),
        group_thousands(i64::from(s.respondents)),
    );
    let lines = match (lang, s.is_aggregate()) {
        (Lang::Ja, true) => [
            format!("集計：{}", s.label(lang)),
            format!(
                "記録{respondents}件を shindan aggregate で集計［{}］",
                s.source
            ),
        ],
        (Lang::En, true) => [
            format!("Aggregate: {}", s.label(lang)),
            format!(
                "{respondents} records tallied by shindan aggregate [{}]",
                s.source
            ),
        ],
        (Lang::Ja, false) => [
            format!("実施 {}、{from}～{to}", s.conducted_by.ja),
            format!(
                "対象{targets}病院、回答{respondents}病院（回答率{}%）［{}］",
                s.response_rate, s.source
            ),
        ],
        (Lang::En, false) => [
            format!("By {}, {from} to {to}", s.conducted_by.en),
            format!(
                "{targets} hospitals asked, {respondents} answered ({}%) [{}]",
                s.response_rate,
                en_place(&s.source)
            ),
        ],
    };
    for line in lines {
        push_wrapped(&mut out, "", &line, 0);
    }

    out.push(String::new());
    out.push(format!(
        "{}{}",
        lang.pick("■ 回答病院の内訳", "■ Respondents"),
        paren(lang, &src(&s.composition.source, lang))
    ));
    let share = |n: u32| {
        format!(
            "{:.1}",
            crate::domain::survey::figure::derived_percent(n, s.respondents)
        )
    };
    let mut rows = Vec::new();
    for b in BedClass::ALL {
        let n = s.n(Cohort::BedClass(b)).unwrap_or(0);
        rows.push(vec![
            b.label(lang).to_string(),
            n.to_string(),
            format!("{}%", share(n)),
        ]);
    }
    table_into(&mut out, &[lang.pick("病床規模", "Beds"), "n", "%"], &rows);
    let mut rows = Vec::new();
    for f in Founder::ALL {
        let n = s.n(Cohort::Founder(f)).unwrap_or(0);
        let small = if crate::domain::survey::is_small_sample(n) {
            lang.pick("小標本（1病院で", "small (one = ").to_string()
                + &approx::num(points_per_hospital(n))
                + lang.pick("ポイント）", " points)")
        } else {
            String::new()
        };
        rows.push(vec![
            f.label(lang).to_string(),
            n.to_string(),
            format!("{}%", share(n)),
            small,
        ]);
    }
    table_into(
        &mut out,
        &[lang.pick("開設者", "Founder"), "n", "%", ""],
        &rows,
    );
    if !s.composition.association.is_empty() {
        associations_into(&mut out, s, qn, lang);
    }
    budget_into(&mut out, s, qn, lang, &mut note);
    precision_into(&mut out, s, lang);

    for ind in &s.indicators {
        out.push(String::new());
        indicator_text(ind, qn, lang, &mut out, &mut note);
    }

    out.push(String::new());
    out.push(format!(
        "{}{}",
        lang.pick("■ 院内システム担当者", "■ In-house IT staff"),
        paren(lang, &src(&s.staff.total.source, lang))
    ));
    push_wrapped(
        &mut out,
        "",
        &format!(
            "{} {}{}",
            lang.pick("全体平均", "Average of all respondents:"),
            s.staff.total.display(lang),
            note(&s.staff.total.reading)
        ),
        2,
    );
    for said in std::iter::once(&s.staff.fulltime)
        .chain(&s.staff.says.bed_class)
        .chain(&s.staff.says.founder)
    {
        push_wrapped(
            &mut out,
            "",
            &format!(
                "{}{}",
                said.get(lang),
                paren(lang, &src(&said.source, lang))
            ),
            2,
        );
    }

    if !notes.is_empty() {
        out.push(String::new());
        out.push(
            lang.pick(
                "■ 注：shindanの読み方",
                "■ Notes: how shindan reads the report",
            )
            .into(),
        );
    }
    for (i, r) in notes.iter().enumerate() {
        if let Some(t) = s.reading(r) {
            let mark = format!("※{} ", i + 1);
            push_wrapped(&mut out, &mark, t.get(lang), text::width(&mark));
        }
    }
    out
}

fn associations_into(out: &mut Vec<String>, s: &Survey, qn: &Questionnaire, lang: Lang) {
    let assoc = qn.question("associations");
    let rows: Vec<Vec<String>> = s
        .composition
        .association
        .iter()
        .map(|a| {
            let label = assoc
                .and_then(|q| q.option(&a.id))
                .map_or(a.id.clone(), |o| o.text.get(lang).to_string());
            vec![label, a.n.to_string()]
        })
        .collect();
    table_into(out, &[lang.pick("加盟団体", "Association"), "n"], &rows);
    push_wrapped(
        out,
        "",
        &match lang {
            Lang::Ja => format!(
                "団体は複数加盟があり、合計{}件です。",
                group_thousands(i64::from(s.composition.association_total))
            ),
            Lang::En => format!(
                "Hospitals may belong to several associations: {} in all.",
                group_thousands(i64::from(s.composition.association_total))
            ),
        },
        0,
    );
    if let Some(names) = s.composition.report_names.get(&Founder::PrivateSchool) {
        push_wrapped(
            out,
            "",
            &format!(
                "{}{}",
                lang.pick(
                    "報告での私立学校法人の呼び方：",
                    "The report calls private schools: "
                ),
                match lang {
                    Lang::Ja => names.join("・"),
                    Lang::En => names
                        .iter()
                        .map(|n| format!("「{n}」"))
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            ),
            0,
        );
    }
}

fn budget_into(
    out: &mut Vec<String>,
    s: &Survey,
    qn: &Questionnaire,
    lang: Lang,
    note: &mut dyn FnMut(&Option<String>) -> String,
) {
    out.push(String::new());
    out.push(format!(
        "{}{}{}",
        lang.pick(
            "■ 年間セキュリティ予算の回答数",
            "■ Security budget: hospitals per bracket"
        ),
        paren(lang, &src(&s.budget_brackets.source, lang)),
        note(&s.budget_brackets.reading)
    ));
    let brackets = qn.question("budget_bracket");
    let mut header: Vec<String> = vec![lang.pick("病床規模", "Beds").into()];
    for b in &s.budget_brackets.brackets {
        header.push(
            bracket_short_label(b, lang)
                .map(str::to_string)
                .or_else(|| {
                    brackets
                        .and_then(|q| q.option(b))
                        .map(|o| o.text.get(lang).into())
                })
                .unwrap_or_else(|| b.clone()),
        );
    }
    header.push(lang.pick("なし", "none").into());
    let mut rows = Vec::new();
    for b in BedClass::ALL {
        let row = s.budget_brackets.row(b);
        let n = s.n(Cohort::BedClass(b)).unwrap_or(0);
        let mut cells = vec![b.short_label().to_string()];
        cells.extend(row.iter().map(u32::to_string));
        cells.push(n.saturating_sub(row.iter().sum()).to_string());
        rows.push(cells);
    }
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    table_into(out, &header, &rows);
}

fn precision_into(out: &mut Vec<String>, s: &Survey, lang: Lang) {
    out.push(String::new());
    out.push(lang.pick("■ 精度", "■ Precision").into());
    if s.is_aggregate() {
        push_wrapped(
            out,
            "  exact ",
            lang.pick(
                "集計の件数：該当の病院数／はっきり答えた病院数（わからない・対象外・未回答は分母に入れません）。担当者は回答した病院の平均",
                "counted in the aggregate: hospitals for which it holds / hospitals that answered definitely (don't know, not applicable and unanswered are left out); staff: the mean of those who answered",
            ),
            11,
        );
        return;
    }
    for (k, v) in [
        (
            Precision::Exact,
            lang.pick(
                "件数、または報告が数字で示す割合（医師会89%）",
                "a count, or a share the report prints as a number (「医師会」 89%)",
            ),
        ),
        (
            Precision::Derived,
            lang.pick(
                "報告の件数から算出（図６の件数 ÷ 病床規模の回答数）",
                "computed from printed counts (fig. 6 count ÷ class respondents)",
            ),
        ),
        (
            Precision::Approx,
            lang.pick(
                "報告の言葉を範囲に：X割・約X割・X割程度・X割前後＝±3ポイント、X割強＝X～X+5、X割弱＝X-5～X、以上＝その下限から（6割以上＝60%以上）、ほぼ半数以上＝47%以上、3人弱＝2.5～3人",
                "the report's words as a range: 「X割」, 「約X割」, 「X割程度」, 「X割前後」 = ±3 points; 「X割強」 = X to X+5; 「X割弱」 = X-5 to X; 「以上」 = from the lower end up (「6割以上」 = 60%+); 「ほぼ半数以上」 = 47%+; 「3人弱」 = 2.5–3 people",
            ),
        ),
        (
            Precision::Missing,
            lang.pick(
                "本文に数値なし（グラフは画像のため）。他の区分の数値で代えません",
                "no figure in the text (the charts are images); never replaced by another cohort's",
            ),
        ),
    ] {
        push_wrapped(out, &format!("  {} ", k.id()), v, 11);
    }
}

fn table_into(out: &mut Vec<String>, header: &[&str], rows: &[Vec<String>]) {
    for line in text::table(header, rows).lines() {
        out.push(format!("  {}", text::truncate(line, WIDTH - 2)));
    }
}

fn indicator_text(
    ind: &IndicatorFigures,
    qn: &Questionnaire,
    lang: Lang,
    out: &mut Vec<String>,
    note: &mut dyn FnMut(&Option<String>) -> String,
) {
    let label = qn.indicator(&ind.id).map_or("", |i| i.text.get(lang));
    push_wrapped(out, "◆ ", &format!("{label} [{}]", ind.id), 2);
    let mut line = |out: &mut Vec<String>, cohort: String, f: &Figure| {
        let mut body = format!("{} {}", f.display(lang), src(&f.source, lang));
        body.push_str(&note(&f.reading));
        if let Some(cl) = &f.counts_label {
            body.push_str(&format!(
                " [{}{}]",
                lang.pick("数えるもの：", "counts: "),
                cl.get(lang)
            ));
        }
        if let Some(u) = &f.unknown {
            body.push_str(&match lang {
                Lang::Ja => format!("；ほかに不明 {}", u.display(lang)),
                Lang::En => format!("; unknown {}", u.display(lang)),
            });
        }
        for a in &f.agrees_with {
            body.push_str(&match lang {
                Lang::Ja => format!(
                    "；報告の「{}」（{}）と一致",
                    a.words().unwrap_or(""),
                    a.source
                ),
                Lang::En => format!(
                    "; agrees with 「{}」 ({})",
                    a.words().unwrap_or(""),
                    en_place(&a.source)
                ),
            });
        }
        push_wrapped(out, &format!("  {cohort}"), &body, 22);
    };
    for f in &ind.overall {
        line(out, Cohort::Overall.label(lang), f);
    }
    // Said of every class at once: one line, not five copies.
    let each: Vec<&Figure> = ind
        .bed_class
        .values()
        .flat_map(|fs| fs.iter())
        .filter(|f| f.scope == Scope::Each)
        .collect();
    if let Some(f) = each.first() {
        line(out, lang.pick("各病床規模", "every bed class").into(), f);
    }
    for (b, fs) in &ind.bed_class {
        for f in fs.iter().filter(|f| f.scope != Scope::Each) {
            line(out, b.label(lang).into(), f);
        }
    }
    for f in &ind.bed_class_average {
        line(out, Cohort::Average(Dimension::BedClass).label(lang), f);
    }
    for (k, fs) in &ind.founder {
        for f in fs.iter().filter(|f| f.scope != Scope::Rest) {
            line(out, k.label(lang).into(), f);
        }
    }
    let rest: Vec<&Figure> = ind
        .founder
        .values()
        .flat_map(|fs| fs.iter())
        .filter(|f| f.scope == Scope::Rest)
        .collect();
    if let Some(f) = rest.first() {
        line(
            out,
            lang.pick("上記以外の開設者", "other founders").into(),
            f,
        );
    }
    for f in &ind.founder_average {
        line(out, Cohort::Average(Dimension::Founder).label(lang), f);
    }
    if ind.overall.is_empty() {
        push_wrapped(
            out,
            &format!("  {}", Cohort::Overall.label(lang)),
            lang.pick("—（本文に数値なし）", "— (no figure in the text)"),
            22,
        );
    }
    for (dim, says) in [
        (lang.pick("病床規模別", "by bed class"), &ind.says.bed_class),
        (lang.pick("開設者別", "by founder"), &ind.says.founder),
    ] {
        for s in says {
            push_wrapped(
                out,
                &format!("  {dim}"),
                &format!(
                    "{}{}{}",
                    lang.pick("報告：", "report: "),
                    s.get(lang),
                    paren(lang, &src(&s.source, lang))
                ),
                22,
            );
        }
    }
    for c in &ind.context {
        push_wrapped(
            out,
            lang.pick("  参考", "  also"),
            &format!(
                "{}{}{} {} {}{}",
                c.cohort.label(lang),
                lang.pick("：", ": "),
                c.label.get(lang),
                c.figure.display(lang),
                src(&c.figure.source, lang),
                note(&c.figure.reading)
            ),
            22,
        );
    }
}

/// A place of the report as English names it ("founder 総評" → "by founder summary", "p46 図６"
/// → "p46 fig. 6 (図６)"); Japanese keeps the asset's short place.
fn src(source: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => source.to_string(),
        Lang::En => en_place(source),
    }
}

fn en_place(source: &str) -> String {
    crate::domain::survey::render::place(source, Lang::En)
}
