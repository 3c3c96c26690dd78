//! `shindan contacts`: the contact chart (連絡体制図) — show it, fill a place, clear one, print
//! it as an A4 chart. shindan ships no phone numbers: every one is typed by the hospital.

use super::{print_json, Ctx, Failure};
use crate::domain::contacts::{self, ContactChart, ContactError, ContactInput, Position};
use crate::print;
use crate::text;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id, e.g. 2026-007
    id: String,
    /// Print the chart as JSON for scripts (keys: filled, total, contacts), after any change
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Option<Sub>,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Show the chart (the default)
    Show,
    /// Fill or change one place, named as the chart shows it or by a word of its name: security
    /// manager, director, information systems, on call, vendor (with --vendor), health office,
    /// police, MHLW, insurer
    Set {
        /// The place on the chart, e.g. director or police (「院長」, 「警察」)
        role: String,
        /// For the vendor's place: the vendor's name (named in the record when new)
        #[arg(long)]
        vendor: Option<String>,
        /// For the vendor's place: its system, e.g. electronic records (「電子カルテ」)
        #[arg(long, requires = "vendor")]
        system: Option<String>,
        /// Person's name ("" clears it)
        #[arg(long)]
        name: Option<String>,
        /// Person's role or title, e.g. head of information systems (「情報システム課長」)
        #[arg(long)]
        title: Option<String>,
        /// Organisation or department
        #[arg(long)]
        organisation: Option<String>,
        /// Phone number, e.g. 03-1234-5678
        #[arg(long)]
        phone: Option<String>,
        /// Anything else: hours, a second number, what to say
        #[arg(long)]
        note: Option<String>,
    },
    /// Empty one place
    Clear {
        /// The place on the chart, named as for `set`
        role: String,
        /// For the vendor's place: the vendor's name
        #[arg(long)]
        vendor: Option<String>,
        /// For the vendor's place: its system
        #[arg(long, requires = "vendor")]
        system: Option<String>,
    },
    /// Print the chart: an A4 HTML page, Markdown or JSON
    Form {
        #[arg(long, value_enum, default_value = "html")]
        format: ChartFormat,
        /// Write to FILE instead of standard output
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ChartFormat {
    Html,
    Md,
    Json,
}

fn position(ctx: &Ctx, role: &str) -> Result<Position, Failure> {
    contacts::position(role).map_err(|e| Failure::Invalid(e.message(ctx.lang)))
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let id = ctx.parse_id(&args.id)?;
    let invalid = |e: ContactError| Failure::Invalid(e.message(lang));
    let json = args.json;
    let show = |chart: &ContactChart| {
        if json {
            print_json(&chart_json(chart, lang));
        } else {
            print_chart(chart, lang);
        }
    };
    match args.command.unwrap_or(Sub::Show) {
        Sub::Show => {
            let store = ctx.store()?;
            let record = store.load(&id).map_err(|e| ctx.store_err(e))?;
            show(&ContactChart::of(&record));
            Ok(())
        }
        Sub::Set {
            role,
            vendor,
            system,
            name,
            title,
            organisation,
            phone,
            note,
        } => {
            let p = position(ctx, &role)?;
            let input = ContactInput {
                organisation,
                name,
                title,
                phone,
                note,
            };
            let store = ctx.store()?;
            let lock = store.lock(&id).map_err(|e| ctx.store_err(e))?;
            let mut record = store.load(&id).map_err(|e| ctx.store_err(e))?;
            let vendors_before = record.vendors.len();
            let key = vendor.as_deref().map(|v| (v, system.as_deref()));
            contacts::set(&mut record, p, key, input, ctx.clock.now()).map_err(invalid)?;
            store
                .save(&mut record, &lock)
                .map_err(|e| ctx.store_err(e))?;
            super::output::saved_record(ctx.lang, &record.id);
            if record.vendors.len() > vendors_before {
                eprintln!(
                    "{}",
                    lang.pick(
                        "注意：この事業者を記録に追加しました。事業者確認用の返却が必要になります（`shindan checklist form ID --vendor …`）",
                        "note: the vendor is now named in the record, so its checklist form is expected (`shindan checklist form ID --vendor …`)",
                    )
                );
            }
            show(&ContactChart::of(&record));
            Ok(())
        }
        Sub::Clear {
            role,
            vendor,
            system,
        } => {
            let p = position(ctx, &role)?;
            let store = ctx.store()?;
            let lock = store.lock(&id).map_err(|e| ctx.store_err(e))?;
            let mut record = store.load(&id).map_err(|e| ctx.store_err(e))?;
            let key = vendor.as_deref().map(|v| (v, system.as_deref()));
            contacts::clear(&mut record, p, key, ctx.clock.now()).map_err(invalid)?;
            store
                .save(&mut record, &lock)
                .map_err(|e| ctx.store_err(e))?;
            super::output::saved_record(ctx.lang, &record.id);
            show(&ContactChart::of(&record));
            Ok(())
        }
        Sub::Form { format, output } => {
            // The form has its own --format json; --json asks for the same.
            let format = if json { ChartFormat::Json } else { format };
            let store = ctx.store()?;
            let record = store.load(&id).map_err(|e| ctx.store_err(e))?;
            let chart = ContactChart::of(&record);
            let hospital = record.hospital_name().unwrap_or("—");
            let bytes = match format {
                ChartFormat::Html => {
                    print::contacts::chart_html(&chart, hospital, lang, ctx.clock.today())
                        .into_bytes()
                }
                ChartFormat::Md => print::contacts::chart_md(&chart, hospital, lang).into_bytes(),
                ChartFormat::Json => {
                    let mut s =
                        serde_json::to_string_pretty(&chart_json(&chart, lang)).unwrap_or_default();
                    s.push('\n');
                    s.into_bytes()
                }
            };
            super::emit(ctx, output.as_deref(), &bytes)
        }
    }
}

fn chart_json(chart: &ContactChart, lang: crate::domain::Lang) -> serde_json::Value {
    serde_json::json!({
        "filled": chart.filled(),
        "total": chart.total(),
        "carried": chart.carried(),
        "contacts": chart.slots.iter().map(|s| {
            let c = s.contact.clone().unwrap_or_default();
            serde_json::json!({
                "role": s.position.id(),
                "label": s.position.label(lang),
                "internal": s.position.internal(),
                "vendor": s.vendor.as_ref().map(|(v, _)| v),
                "system": s.vendor.as_ref().map(|(_, sys)| sys),
                "organisation": c.organisation,
                "name": c.name,
                "title": c.title,
                "phone": c.phone,
                "note": c.note,
                "filled": s.filled(),
                "carried": s.carried(),
            })
        }).collect::<Vec<_>>(),
    })
}

fn print_chart(chart: &ContactChart, lang: crate::domain::Lang) {
    println!(
        "{} {}/{}{}",
        lang.pick("連絡体制図：記入", "Contact chart: filled"),
        chart.filled(),
        chart.total(),
        match (chart.carried(), lang) {
            (0, _) => String::new(),
            (n, crate::domain::Lang::Ja) =>
                format!("（ほかに昨年から引き継ぎ・未確認 {n}件：shindan confirm ID --contacts）"),
            (n, crate::domain::Lang::En) => format!(
                " ({n} more carried from last year, unconfirmed: shindan confirm ID --contacts)"
            ),
        }
    );
    for (title, slots) in [
        (
            lang.pick("■ 院内", "■ Inside"),
            chart.internal().collect::<Vec<_>>(),
        ),
        (
            lang.pick("■ 院外", "■ Outside"),
            chart.external().collect::<Vec<_>>(),
        ),
    ] {
        println!("\n{title}");
        for s in slots {
            let role = match &s.vendor {
                Some((v, sys)) => format!(
                    "{}  {v}{}",
                    s.position.label(lang),
                    lang.pick_with(|| format!("（{sys}）"), || format!(" ({sys})"))
                ),
                None => s.position.label(lang).to_string(),
            };
            println!("  {}", text::truncate(&role, 76));
            match &s.contact {
                None => println!("      {}", lang.pick("（未記入）", "(empty)")),
                Some(c) => {
                    let who = [
                        c.organisation.as_deref(),
                        c.name.as_deref(),
                        c.title.as_deref(),
                    ]
                    .iter()
                    .flatten()
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" / ");
                    let line = format!(
                        "{}  ☎ {}",
                        if who.is_empty() { "—" } else { &who },
                        c.phone.as_deref().unwrap_or("—")
                    );
                    println!("      {}", text::truncate(&line, 72));
                    if c.carried {
                        println!(
                            "      {}",
                            lang.pick("（昨年から・未確認）", "(from last year, unconfirmed)")
                        );
                    }
                    if let Some(n) = &c.note {
                        for l in text::wrap(n, 70) {
                            println!("      {l}");
                        }
                    }
                }
            }
        }
    }
}
