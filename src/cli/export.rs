//! `shindan export ID`: one record for another machine (JSON, the exchange format), or its
//! report for people (Markdown, a printable HTML page, CSV for Excel).

use super::{Ctx, Failure};
use crate::print::report::{self, Format as Out};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The report as Markdown, for a mail or a wiki
    Md,
    /// The report as one self-contained HTML page that prints on A4
    Html,
    /// The report as CSV for Excel (UTF-8 with BOM, CRLF, every cell quoted)
    Csv,
    /// The record itself (format_version 2), for `shindan import` elsewhere
    Json,
}

impl From<Format> for Out {
    fn from(f: Format) -> Out {
        match f {
            Format::Md => Out::Md,
            Format::Html => Out::Html,
            Format::Csv => Out::Csv,
            Format::Json => Out::Json,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id, e.g. 2026-007
    id: String,
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Write to this file (0600) instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let id = ctx.parse_id(&args.id)?;
    let editions = ctx.editions()?;
    let store = ctx.store()?;
    let record = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let bytes = report::export(
        &record,
        ctx.survey(),
        args.format.into(),
        ctx.lang,
        ctx.clock.today(),
        &editions,
    );
    super::emit(ctx, args.output.as_deref(), &bytes)
}
