//! `shindan vendor-brief`: the vendor controls not in place, worded as what the hospital asks,
//! grouped by vendor system and phase — Markdown to hand over, or text for the terminal.

use super::{print_json, Ctx, Failure};
use crate::cli::control::source_json;
use crate::domain::matrix::brief::Request;
use crate::domain::matrix::{Coverage, Sources, VendorBrief};
use crate::domain::{Lang, Record};
use crate::text;
use serde_json::{json, Value};

const WIDTH: usize = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown, to hand to the vendor
    Md,
    /// Plain text of at most 80 columns
    Text,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id, e.g. 2026-007
    id: String,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Print JSON for scripts (keys: record, hospital, requests, settled, systems)
    #[arg(long, conflicts_with = "format")]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let id = ctx.parse_id(&args.id)?;
    let store = ctx.store()?;
    let record = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let cov = Coverage::with(&Sources::embedded(), &record);
    let brief = VendorBrief::of(&cov);
    if args.json {
        print_json(&brief_json(&brief, &record, lang));
        return Ok(());
    }
    let lines = match args.format {
        Format::Md => markdown(&brief, &record, lang),
        Format::Text => plain(&brief, &record, lang),
    };
    for line in lines {
        println!("{line}");
    }
    Ok(())
}

fn request_json(r: &Request<'_>, lang: Lang) -> Value {
    json!({
        "control": r.control.id,
        "by": r.control.by.id(),
        "ask": r.control.ask(lang),
        "status": r.status.id(),
        "source": source_json(&r.source, lang),
        "ask_vendor": r.ask_vendor,
        "scenarios": r.scenarios.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        "phases": r.phases.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        "basis": r.control.source.iter().map(|c| c.label(lang)).collect::<Vec<_>>(),
        "note": r.note,
    })
}

/// The brief as the Markdown groups it: by system (named ones first), then by phase.
fn brief_json(brief: &VendorBrief<'_>, record: &Record, lang: Lang) -> Value {
    json!({
        "record": record.id.to_string(),
        "hospital": record.hospital_name(),
        "requests": brief.len(),
        "settled": brief.settled,
        "systems": brief.systems.iter().map(|s| json!({
            "system": s.system,
            "phases": s.phases.iter().map(|g| json!({
                "phase": g.phase.id,
                "requests": g.requests.iter().map(|r| request_json(r, lang)).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn title(record: &Record, lang: Lang) -> String {
    let name = record.hospital_name().unwrap_or("—");
    match lang {
        Lang::Ja => format!("事業者への依頼事項（{name}）"),
        Lang::En => format!("Requests to our IT vendor ({name})"),
    }
}

fn facts(brief: &VendorBrief<'_>, record: &Record, lang: Lang) -> Vec<String> {
    vec![
        match lang {
            Lang::Ja => format!("記録 {}、評価日 {}", record.id, record.assessed_on),
            Lang::En => format!("Record {}, assessed on {}", record.id, record.assessed_on),
        },
        brief.describe(lang),
    ]
}

fn preamble(lang: Lang) -> &'static str {
    lang.pick(
        "当院は医療情報システムのシステムオーナーとして、下記の安全管理策の実施をお願いします。各項目について、実施状況・実施予定日・担当者をご回答ください。項目は四病院団体協議会「セキュリティアンケート調査結果（最終報告）」提言2のリスクカタログに基づき、経産省・総務省「医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン」の事項に沿っています。",
        "As the owner of our medical information systems, we ask you to put the safeguards below in place. For each, please tell us its status, the planned date and who is responsible. The items come from the risk catalogue of proposal 2 of the four hospital associations' 2022 security survey, and follow the METI/MIC guideline for providers of systems and services handling medical information.",
    )
}

fn system_heading(system: Option<&str>, lang: Lang) -> String {
    match system {
        Some(s) => match lang {
            Lang::Ja => format!("対象システム：{s}"),
            Lang::En => format!("System: {s}"),
        },
        None => lang
            .pick("対象システム：指定なし", "System: not named")
            .to_string(),
    }
}

/// The facts under one request, as (label, value) pairs.
fn details(r: &Request<'_>, lang: Lang) -> Vec<(&'static str, String)> {
    let sep = lang.pick("／", "; ");
    let mut out = vec![(lang.pick("現状", "Now"), r.now_label(lang).to_string())];
    let risks: Vec<&str> = r.scenarios.iter().map(|s| s.name(lang)).collect();
    out.push((
        lang.pick("防ぎたいリスク", "Risk it prevents"),
        risks.join(sep),
    ));
    let phases: Vec<&str> = r.phases.iter().map(|p| p.name(lang)).collect();
    out.push((lang.pick("関わる段階", "Phases"), phases.join(sep)));
    let sources: Vec<String> = r.control.source.iter().map(|s| s.label(lang)).collect();
    out.push((lang.pick("根拠", "Basis"), sources.join(sep)));
    if let Some(n) = &r.note {
        out.push((lang.pick("補足", "Note"), n.clone()));
    }
    // The number the hospital types back (shindan control ID C12); the id is in --json.
    out.push((
        lang.pick("対策番号", "Control no."),
        crate::domain::matrix::Catalog::embedded().number(&r.control.id),
    ));
    out
}

fn markdown(brief: &VendorBrief<'_>, record: &Record, lang: Lang) -> Vec<String> {
    let colon = lang.pick("：", ": ");
    let mut out = vec![format!("# {}", title(record, lang)), String::new()];
    for f in facts(brief, record, lang) {
        out.push(format!("- {f}"));
    }
    out.push(String::new());
    if brief.is_empty() {
        out.push(brief.describe(lang));
        return out;
    }
    out.push(preamble(lang).to_string());
    let mut n = 0;
    for system in &brief.systems {
        out.push(String::new());
        out.push(format!(
            "## {}",
            system_heading(system.system.as_deref(), lang)
        ));
        for group in &system.phases {
            out.push(String::new());
            out.push(format!("### {}", group.phase.name(lang)));
            out.push(String::new());
            for r in &group.requests {
                n += 1;
                out.push(format!("{n}. **{}**", r.control.ask(lang)));
                for (label, value) in details(r, lang) {
                    out.push(format!("   - {label}{colon}{value}"));
                }
            }
        }
    }
    out
}

fn plain(brief: &VendorBrief<'_>, record: &Record, lang: Lang) -> Vec<String> {
    let colon = lang.pick("：", ": ");
    let mut out = text::wrap(&title(record, lang), WIDTH);
    for f in facts(brief, record, lang) {
        out.extend(text::wrap(&f, WIDTH));
    }
    out.push(String::new());
    if brief.is_empty() {
        out.extend(text::wrap(&brief.describe(lang), WIDTH));
        return out;
    }
    out.extend(text::wrap(preamble(lang), WIDTH));
    let mut n = 0;
    for system in &brief.systems {
        out.push(String::new());
        out.extend(text::wrap(
            &format!("■ {}", system_heading(system.system.as_deref(), lang)),
            WIDTH,
        ));
        for group in &system.phases {
            out.push(String::new());
            out.extend(text::wrap(
                &lang.pick_with(
                    || format!("【{}】", group.phase.name(lang)),
                    || format!("[{}]", group.phase.name(lang)),
                ),
                WIDTH,
            ));
            for r in &group.requests {
                n += 1;
                let head = format!("{n:>3}. ");
                hang(&mut out, &head, r.control.ask(lang));
                for (label, value) in details(r, lang) {
                    hang(&mut out, "       ", &format!("{label}{colon}{value}"));
                }
            }
        }
    }
    out
}

/// `body` wrapped to the page after `first`, continuation lines indented to line up.
fn hang(out: &mut Vec<String>, first: &str, body: &str) {
    let indent = text::width(first);
    let pad = " ".repeat(indent);
    for (i, line) in text::wrap(body, WIDTH - indent).into_iter().enumerate() {
        out.push(format!("{}{line}", if i == 0 { first } else { &pad }));
    }
}
