//! `shindan checklist import`: a vendor's filled form back into the record — checked as a
//! whole first, so that a file with one bad row changes nothing.

use super::pick;
use crate::cli::{Ctx, Failure};
use crate::domain::vendor_file;
use crate::text;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id, e.g. 2026-007
    id: String,
    /// The vendor's filled form: the JSON sent, or the CSV as Excel saved it
    file: PathBuf,
    /// Checklist edition, e.g. mhlw-r7 [default: the newest]
    #[arg(long)]
    edition: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let editions = ctx.editions()?;
    let edition = pick(ctx, &editions, args.edition.as_deref())?;
    let id = ctx.parse_id(&args.id)?;
    let bytes = crate::store::read_bounded(&args.file, crate::domain::limits::RETURNED_BYTES)
        .map_err(|e| {
            let e = crate::edge::os_error(&e, lang);
            Failure::Invalid(lang.pick_with(
                || format!("{} を読めません：{e}", args.file.display()),
                || format!("cannot read {}: {e}", args.file.display()),
            ))
        })?;
    let store = ctx.store()?;
    let lock = store.lock(&id).map_err(|e| ctx.store_err(e))?;
    let mut record = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let imported = vendor_file::import(
        edition,
        &mut record,
        &bytes,
        ctx.clock.today(),
        ctx.clock.now(),
    )
    .map_err(|e| {
        Failure::Invalid(lang.pick_with(
            || {
                format!(
                    "{}：{}（記録は変更していません）",
                    args.file.display(),
                    e.message(lang)
                )
            },
            || {
                format!(
                    "{}: {} (the record is unchanged)",
                    args.file.display(),
                    e.message(lang)
                )
            },
        ))
    })?;
    store
        .save(&mut record, &lock)
        .map_err(|e| ctx.store_err(e))?;
    super::super::output::saved_record(lang, &record.id);
    println!("{}", imported.summary(lang));
    if !imported.conflicts.is_empty() {
        println!("{}", lang.pick("食い違い：", "conflicts:"));
        for c in &imported.conflicts {
            for l in text::wrap(&c.describe(lang), 76) {
                println!("  {l}");
            }
        }
    }
    Ok(())
}
