//! `shindan export ID`: one record for another machine (JSON, the exchange format).

use super::{Ctx, Failure};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The record itself (format_version 2), for `shindan import` elsewhere
    Json,
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
    let store = ctx.store()?;
    let record = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let bytes = match args.format {
        Format::Json => crate::store::to_json(&record).into_bytes(),
    };
    super::emit(ctx, args.output.as_deref(), &bytes)
}
