//! `shindan checklist form`: the hospital's form (医療機関確認用) as the inspection set, or a
//! vendor's form (事業者確認用) to send out. Sending a vendor its form names it in the record:
//! a form sent is a form expected back.

use super::{pick, view};
use crate::cli::{Ctx, Failure};
use crate::domain::vendor_file;
use crate::domain::vendors;
use crate::print;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Html,
    Csv,
    Md,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id, e.g. 2026-007
    id: String,
    /// The vendor to send its form (「事業者確認用」) to (named in the record as expected back)
    #[arg(long, value_name = "NAME")]
    vendor: Option<String>,
    /// The vendor's system, e.g. electronic records (「電子カルテ」) (needed for a new vendor or one with several)
    #[arg(long, value_name = "TEXT", requires = "vendor")]
    system: Option<String>,
    /// Output format [default: html for the hospital's form, json for a vendor's]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write to FILE instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Checklist edition, e.g. mhlw-r7 [default: the newest]
    #[arg(long)]
    edition: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let editions = ctx.editions()?;
    let edition = pick(ctx, &editions, args.edition.as_deref())?;
    let id = ctx.parse_id(&args.id)?;
    let store = ctx.store()?;
    let Some(vendor) = &args.vendor else {
        let record = store.load(&id).map_err(|e| ctx.store_err(e))?;
        let v = view(&editions, edition, &record, &ctx.clock);
        let bytes = match args.format.unwrap_or(Format::Html) {
            Format::Html => {
                print::checklist::hospital_html(&v, lang, ctx.clock.today()).into_bytes()
            }
            Format::Md => print::checklist::hospital_md(&v, lang).into_bytes(),
            Format::Csv => print::checklist::hospital_csv(&v, lang),
            Format::Json => {
                let mut s =
                    serde_json::to_string_pretty(&print::checklist::hospital_json(&v, lang))
                        .unwrap_or_default();
                s.push('\n');
                s.into_bytes()
            }
        };
        return super::super::emit(ctx, args.output.as_deref(), &bytes);
    };
    let lock = store.lock(&id).map_err(|e| ctx.store_err(e))?;
    let mut record = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let (name, system) = vendors::form_sent(
        &mut record,
        vendor,
        args.system.as_deref(),
        &edition.id,
        ctx.clock.today(),
        ctx.clock.now(),
    )
    .map_err(|e| Failure::Invalid(e.message(lang)))?;
    let file = vendor_file::blank(edition, &record, &name, &system, ctx.clock.today(), lang);
    let bytes = match args.format.unwrap_or(Format::Json) {
        Format::Json => file.to_json().into_bytes(),
        Format::Csv => file.to_csv(edition, lang),
        Format::Md => print::checklist::vendor_md(edition, &file, lang).into_bytes(),
        Format::Html => print::checklist::vendor_blank_html(
            edition,
            &file,
            record.hospital_name().unwrap_or("—"),
            lang,
        )
        .into_bytes(),
    };
    // The form goes out first: a record must not say "sent" for a form that could not be written.
    super::super::emit(ctx, args.output.as_deref(), &bytes)?;
    store
        .save(&mut record, &lock)
        .map_err(|e| ctx.store_err(e))?;
    super::super::output::saved_record(lang, &record.id);
    let done = lang
        .pick_with(
            || format!(
                "{name}（{system}）の事業者確認用（{}、様式ID {}）を作成しました。返却されたら `shindan checklist import {id} FILE` で取り込んでください",
                edition.short_name(lang),
                file.form_id
            ),
            || format!(
                "vendor form ({}, form id {}) for {name} ({system}) written; when it comes back, `shindan checklist import {id} FILE`",
                edition.short_name(lang),
                file.form_id
            ),
        );
    for line in crate::text::wrap(&done, 78) {
        eprintln!("{line}");
    }
    Ok(())
}
