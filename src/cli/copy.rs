//! `shindan copy`: next year's assessment of the same hospital, as `c` on the home screen does.
//! Everything the hospital said is carried over and marked "from last year" until confirmed
//! (`shindan confirm`), and the new record names the old one as its `previous`, which links the
//! years for `diff` and the history view.

use super::{Ctx, Failure};
use crate::domain::carried::Carried;
use crate::domain::{history, Questionnaire};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The record to carry over, e.g. 2025-007
    id: String,
    /// The new assessment's fiscal year (「年度」, the new id's prefix), e.g. 2027 or 「２０２７」
    /// [default: the fiscal year after the source's]
    #[arg(long, value_name = "YEAR")]
    year: Option<String>,
    /// Print JSON for scripts (keys: id, previous)
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let id = ctx.parse_id(&args.id)?;
    let store = ctx.store()?;
    let old = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let year = super::assessment_year(args.year.as_deref(), history::copy_year(&old), lang)?;
    let clock = ctx.clock;
    let new = store
        .create(year.year(), |new_id| history::copy(&old, new_id, &clock))
        .map_err(|e| ctx.store_err(e))?;
    super::output::saved(lang.pick_with(
        || format!("記録 {} を作成しました（{} から）", new.id, old.id),
        || format!("record {} was created (from {})", new.id, old.id),
    ));
    // The id alone (or JSON) on standard output, for scripts; what it means for the user on
    // stderr.
    if args.json {
        super::print_json(&serde_json::json!({
            "id": new.id.to_string(),
            "previous": old.id.to_string(),
        }));
    } else {
        println!("{}", new.id);
    }
    let carried = Carried::of(&new, Questionnaire::embedded());
    eprintln!(
        "{}",
        lang.pick_with(
            || format!(
                "{} → {}（{}）：引き継いだ {} 件は確認するまで「昨年から・未確認」で、進捗にも準備状況にも数えません（shindan confirm {}）",
                old.id,
                new.id,
                year.label(lang),
                carried.total(),
                new.id
            ),
            || format!(
                "{} → {} ({}): the {} items carried over stay \"from last year, unconfirmed\" and count towards no progress or readiness until confirmed (shindan confirm {})",
                old.id,
                new.id,
                year.label(lang),
                carried.total(),
                new.id
            ),
        )
    );
    Ok(())
}
