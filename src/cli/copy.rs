//! `shindan copy`: next year's assessment of the same hospital, as `c` on the home screen does.
//! The answers are carried over, marked "from last year" until confirmed, and the new record
//! names the old one as its `previous`, which links the years for `diff` and the history view.

use super::{Ctx, Failure};
use chrono::{Local, Utc};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The record to carry over, e.g. 2025-007
    id: String,
    /// Year of the new assessment (the new id's prefix) [default: this year]
    #[arg(long)]
    year: Option<i32>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let id = ctx.parse_id(&args.id)?;
    let today = Local::now().date_naive();
    let year = super::assessment_year(args.year, ctx.lang)?;
    let store = ctx.store()?;
    let old = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let now = Utc::now();
    let new = store
        .create(year, |new_id| old.carry_to(new_id, today, now))
        .map_err(|e| ctx.store_err(e))?;
    println!("{}", new.id);
    Ok(())
}
