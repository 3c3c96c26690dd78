//! `shindan catalog`: the risk catalogue of the report's second proposal — categories, phases,
//! the 中/小 risk tree and the controls — for reading, or as JSON for scripts.

use super::{print_json, Ctx, Failure};
use crate::domain::catalog::{Citation, Scenario};
use crate::domain::matrix::{By, Catalog, Control, Crosswalk};
use crate::domain::Lang;
use crate::text;
use serde_json::{json, Value};

const WIDTH: usize = 80;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show one category only, by its number as the catalogue prints it or its name (e.g. 5 or
    /// Network); all when left out
    category: Option<String>,
    /// Print JSON for scripts (keys: categories, phases, scenarios, controls)
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let catalog = Catalog::embedded();
    let only = match &args.category {
        Some(typed) => Some(category(catalog, typed).ok_or_else(|| {
            let each: Vec<String> = catalog
                .categories
                .iter()
                .zip(1..)
                .map(|(c, n)| format!("{n} {}", c.short(lang)))
                .collect();
            Failure::Invalid(lang.pick_with(
                || {
                    format!(
                        "リスク区分 `{typed}` はありません。番号か名前で：{}",
                        each.join("、")
                    )
                },
                || {
                    format!(
                        "no risk category `{typed}`; give its number or name: {}",
                        each.join(", ")
                    )
                },
            ))
        })?),
        None => None,
    };
    if args.json {
        print_json(&catalog_json(catalog, only));
        return Ok(());
    }
    for line in text_lines(catalog, only, lang) {
        println!("{line}");
    }
    Ok(())
}

fn citation_json(c: &Citation) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("guideline".into(), json!(c.guideline.id()));
    if let Some(s) = &c.section {
        m.insert("section".into(), json!(s));
    }
    if let Some(t) = &c.topic {
        m.insert("topic".into(), json!(t));
    }
    Value::Object(m)
}

/// The interview answers that set the control's status (`risk-matrix.md`'s `preset`), read from
/// the crosswalk, which also holds the checklist's and the leads to review (key `crosswalk`).
fn presets(c: &Control) -> Vec<Value> {
    let Some(entry) = Crosswalk::embedded().entry(&c.id) else {
        return Vec::new();
    };
    entry
        .interview
        .iter()
        .filter(|p| p.status.status().is_some())
        .map(|p| json!({ "question": p.question, "values": p.values, "status": p.status.id() }))
        .collect()
}

fn catalog_json(catalog: &Catalog, only: Option<&str>) -> Value {
    let keep = |category: &str| only.is_none_or(|o| o == category);
    let categories: Vec<Value> = catalog
        .categories
        .iter()
        .filter(|c| keep(&c.id))
        .map(|c| json!({ "id": c.id, "ja": c.ja, "en": c.en, "short_ja": c.short_ja, "short_en": c.short_en }))
        .collect();
    let phases: Vec<Value> = catalog
        .phases
        .iter()
        .map(|p| json!({ "id": p.id, "ja": p.ja, "en": p.en, "short_ja": p.short_ja, "short_en": p.short_en }))
        .collect();
    let scenarios: Vec<Value> = catalog
        .scenarios
        .iter()
        .filter(|s| keep(&s.category))
        .map(|s| {
            let phases: Vec<&str> = catalog.phases_of(s).iter().map(|p| p.id.as_str()).collect();
            json!({
                "id": s.id,
                "level": s.level.id(),
                "parent": s.parent,
                "category": s.category,
                "phases": phases,
                "ja": s.ja,
                "en": s.en,
            })
        })
        .collect();
    let controls: Vec<Value> = catalog
        .controls
        .iter()
        .filter(|c| {
            c.scenarios
                .iter()
                .filter_map(|s| catalog.scenario(s))
                .any(|s| keep(&s.category))
        })
        .map(|c| {
            json!({
                "id": c.id,
                "by": c.by.id(),
                "source": c.source.iter().map(citation_json).collect::<Vec<_>>(),
                "scenarios": c.scenarios,
                "compensates": c.compensates,
                "ja": c.ja,
                "en": c.en,
                "ask_ja": c.ask_ja,
                "ask_en": c.ask_en,
                "preset": presets(c),
                "crosswalk": Crosswalk::embedded().entry(&c.id),
            })
        })
        .collect();
    json!({
        "categories": categories,
        "phases": phases,
        "scenarios": scenarios,
        "controls": controls,
    })
}

/// The category a person typed: its number as the catalogue prints it (full-width too), its
/// name or short name in either language, or the id scripts use.
fn category<'c>(catalog: &'c Catalog, typed: &str) -> Option<&'c str> {
    let fold = |s: &str| -> String {
        s.chars()
            .map(crate::domain::digits::ascii_digit)
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let t = fold(typed);
    let by_number = t
        .parse::<usize>()
        .ok()
        .and_then(|n| catalog.categories.get(n.checked_sub(1)?));
    by_number
        .or_else(|| {
            catalog.categories.iter().find(|c| {
                c.id == typed.trim()
                    || [&c.ja, &c.en, &c.short_ja, &c.short_en]
                        .iter()
                        .any(|n| fold(n) == t)
            })
        })
        .map(|c| c.id.as_str())
}

/// Wraps `body` with `first` before the first line and the rest indented to line up with it.
fn indented(out: &mut Vec<String>, first: &str, body: &str) {
    let indent = text::width(first);
    let pad = " ".repeat(indent);
    for (i, line) in text::wrap(body, WIDTH - indent).into_iter().enumerate() {
        out.push(format!("{}{line}", if i == 0 { first } else { &pad }));
    }
}

fn text_lines(catalog: &Catalog, only: Option<&str>, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if only.is_none() {
        let leaves = catalog.leaves().count();
        let vendor = catalog
            .controls
            .iter()
            .filter(|c| c.by == By::Vendor)
            .count();
        indented(
            &mut out,
            "",
            &match lang {
                Lang::Ja => format!(
                    "リスクカタログ（四病院団体協議会 2022年調査 提言2、p36–p41）：リスク区分{}、小リスク{leaves}件、対策{}件（うち事業者が実施するもの{vendor}件）",
                    catalog.categories.len(),
                    catalog.controls.len()
                ),
                Lang::En => format!(
                    "Risk catalogue (2022 survey of the four hospital associations, proposal 2, p36-p41): {} categories, {leaves} small risks, {} controls ({vendor} done by the vendor)",
                    catalog.categories.len(),
                    catalog.controls.len()
                ),
            },
        );
        let phases: Vec<String> = catalog
            .phases
            .iter()
            .map(|p| format!("{} = {}", p.short(lang), p.name(lang)))
            .collect();
        indented(
            &mut out,
            lang.pick("段階：", "Phases: "),
            &phases.join(lang.pick("、", "; ")),
        );
    }
    indented(
        &mut out,
        "",
        lang.pick(
            "対策番号（C12 など、shindan control ID で一覧・設定するときの番号）の * は事業者が実施する対策（病院が指示するもの）、（補完：X）はその対策が未実施のとき代わりになる補完的対策 X です。",
            "Controls go by their number (C12…, as shindan control ID lists and sets them). A * after it: done by the vendor, on the hospital's instruction; (stand-in: X): X compensates for the control when it is missing.",
        ),
    );
    for (cat, n) in catalog
        .categories
        .iter()
        .zip(1..)
        .filter(|(c, _)| only.is_none_or(|o| o == c.id))
    {
        out.push(String::new());
        // The number `shindan catalog N` takes; the id is in --json.
        out.push(text::truncate(&format!("■ {n} {}", cat.name(lang)), WIDTH));
        for m in catalog.mediums(&cat.id) {
            indented(
                &mut out,
                &format!("  {} ", lang.pick("中", "M")),
                m.name(lang),
            );
            for s in catalog.children(&m.id) {
                leaf_lines(catalog, s, lang, &mut out);
            }
        }
    }
    out.push(String::new());
    out.push(lang.pick("■ 対策", "■ Controls").to_string());
    let mut any = false;
    for c in catalog.numbered() {
        let shown = c
            .scenarios
            .iter()
            .filter_map(|s| catalog.scenario(s))
            .any(|s| only.is_none_or(|o| o == s.category));
        if !shown {
            continue;
        }
        any = true;
        let source: Vec<String> = c.source.iter().map(|s| s.label(lang)).collect();
        indented(
            &mut out,
            "  ",
            &lang.pick_with(
                || {
                    format!(
                        "{}（{}）{}",
                        catalog.number(&c.id),
                        c.by.label(lang),
                        source.join("、")
                    )
                },
                || {
                    format!(
                        "{} ({}) {}",
                        catalog.number(&c.id),
                        c.by.label(lang),
                        source.join("; ")
                    )
                },
            ),
        );
        indented(&mut out, "      ", c.name(lang));
        if !c.compensates.is_empty() {
            indented(
                &mut out,
                "      ",
                &format!(
                    "{}{}",
                    lang.pick("補完する対策：", "stands in for: "),
                    c.compensates
                        .iter()
                        .map(|k| catalog.number(k))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
    }
    if !any {
        out.pop();
    }
    out
}

fn leaf_lines(catalog: &Catalog, s: &Scenario, lang: Lang, out: &mut Vec<String>) {
    indented(out, &format!("    {} ", lang.pick("小", "S")), s.name(lang));
    let phases: Vec<&str> = catalog.phases_of(s).iter().map(|p| p.short(lang)).collect();
    indented(
        out,
        "       ",
        &format!("[{}]", phases.join(lang.pick("、", ", "))),
    );
    let controls: Vec<String> = catalog
        .controls_of(&s.id)
        .map(|c| {
            let star = if c.by == By::Vendor { "*" } else { "" };
            let stand_ins: Vec<String> = catalog
                .compensators_of(&c.id)
                .map(|a| catalog.number(&a.id))
                .collect();
            let n = catalog.number(&c.id);
            if stand_ins.is_empty() {
                format!("{n}{star}")
            } else {
                let list = stand_ins.join(", ");
                lang.pick_with(
                    || format!("{n}{star}（補完：{list}）"),
                    || format!("{n}{star} (stand-in: {list})"),
                )
            }
        })
        .collect();
    indented(
        out,
        &format!("       {}", lang.pick("対策：", "controls: ")),
        &controls.join(", "),
    );
}
