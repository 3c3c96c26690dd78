//! `shindan checklist …`: the MHLW checklist from the command line — the same domain and store
//! as the screen, so a script over SSH sees what the screen shows.

mod answer;
mod diff;
mod form;
mod import;
pub(crate) mod show;

use super::{Ctx, Failure};
use crate::domain::checklist::{label, ChecklistError, ChecklistView, Edition, Editions, Item};
use crate::domain::Clock;
use crate::domain::{Questionnaire, Record};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Sub,
}

#[derive(Debug, clap::Subcommand)]
enum Sub {
    /// Items in form order with answers, dates, vendors' answers, conflicts and hints
    Show(show::Args),
    /// Answer one item (yes/no with the date checked; a target date for no), or `-` to withdraw
    /// the latest answer
    Answer(answer::Args),
    /// Print the hospital's form (「医療機関確認用」), or with --vendor the form a vendor fills in
    /// (「事業者確認用」)
    Form(form::Args),
    /// Import a vendor's filled form (JSON, or CSV as Excel saves it): all of it or nothing
    Import(import::Args),
    /// What changed between two editions: added, removed, merged, reworded, renumbered items
    Diff(diff::Args),
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    match args.command {
        Sub::Show(a) => show::run(ctx, a),
        Sub::Answer(a) => answer::run(ctx, a),
        Sub::Form(a) => form::run(ctx, a),
        Sub::Import(a) => import::run(ctx, a),
        Sub::Diff(a) => diff::run(ctx, a),
    }
}

/// The edition a command works on: `--edition`, else the newest known.
pub fn pick<'e>(
    ctx: &Ctx,
    editions: &'e Editions,
    wanted: Option<&str>,
) -> Result<&'e Edition, Failure> {
    let found = match wanted {
        Some(id) => editions.get(id),
        None => editions.newest(),
    };
    found.ok_or_else(|| {
        invalid(
            ctx,
            &ChecklistError::UnknownEdition {
                edition: wanted.unwrap_or("").to_string(),
                known: editions.ids().into_iter().map(String::from).collect(),
            },
        )
    })
}

/// The item a person typed: its printed number (`2⑦`, `2④-サーバ`, `１（１）`), with
/// `--device` for a number asked for several devices, or its id.
pub fn find_item<'e>(
    ctx: &Ctx,
    edition: &'e Edition,
    typed: &str,
    device: Option<&str>,
) -> Result<&'e Item, Failure> {
    let device = match device {
        Some(d) => Some(label::parse_device(d).ok_or_else(|| {
            Failure::Invalid(
                ctx.lang
                    .pick_with(
                        || format!("--device `{d}` は機器ではありません：server（サーバ）、pc（端末PC）、network（ネットワーク機器）"),
                        || format!("--device `{d}` is not a device: server, pc or network"),
                    ),
            )
        })?),
        None => None,
    };
    label::find(edition, typed, device).map_err(|e| Failure::Invalid(e.message(ctx.lang)))
}

pub fn invalid(ctx: &Ctx, e: &ChecklistError) -> Failure {
    Failure::Invalid(e.message(ctx.lang))
}

/// The view of a record's checklist, with the evidence files looked at now.
pub fn view<'e>(
    editions: &Editions,
    edition: &'e Edition,
    record: &Record,
    clock: &Clock,
) -> ChecklistView<'e> {
    ChecklistView::build(
        editions,
        edition,
        record,
        Questionnaire::embedded(),
        clock,
        &crate::store::evidence::state,
    )
}
