//! `shindan list`: the records of the data dir, and the files that could not be read.

use super::{print_json, Ctx, Failure};
use crate::domain::carried::Carried;
use crate::domain::Questionnaire;
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON for scripts
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Row {
    id: String,
    /// The 年度 of the assessment (April–March), which the id names.
    year: i32,
    name: Option<String>,
    beds: Option<i64>,
    founder: Option<String>,
    /// Percent of the questions answered or confirmed this year.
    progress: u8,
    answered: usize,
    /// Answers carried from last year and not confirmed: not in `progress`.
    carried: usize,
    questions: usize,
    /// Everything still carried (answers, checklist, vendors' returns, contacts, controls).
    carried_total: usize,
    updated_at: String,
}

#[derive(Serialize)]
struct Damaged {
    file: String,
    reason: String,
}

#[derive(Serialize)]
struct Listing {
    records: Vec<Row>,
    damaged: Vec<Damaged>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let (lang, clock) = (ctx.lang, ctx.clock);
    let store = ctx.store()?;
    let listing = store.list().map_err(|e| ctx.store_err(e))?;
    for link in &listing.links {
        eprintln!("{}", crate::store::link_warning(link, lang));
    }
    let qn = Questionnaire::embedded();
    let rows: Vec<Row> = listing
        .records
        .iter()
        .map(|r| {
            let p = qn.progress(r);
            Row {
                id: r.id.to_string(),
                year: r.fiscal_year().year(),
                name: r.hospital_name().map(str::to_string),
                beds: r.beds(),
                founder: r.founder().map(|f| f.id().to_string()),
                progress: p.percent(),
                answered: p.answered,
                carried: p.carried,
                questions: p.total,
                carried_total: Carried::of(r, qn).total(),
                updated_at: r.updated_at.to_rfc3339(),
            }
        })
        .collect();
    let damaged: Vec<Damaged> = listing
        .damaged
        .iter()
        .map(|d| Damaged {
            file: d.file_name(),
            reason: d.damage.message(lang),
        })
        .collect();
    if args.json {
        print_json(&Listing {
            records: rows,
            damaged,
        });
        return Ok(());
    }
    if rows.is_empty() && damaged.is_empty() {
        println!(
            "{}",
            lang.pick(
                "記録はまだありません。`shindan` で面談を始めるか、`shindan new` で作成します。",
                "No records yet. Start an interview with `shindan`, or create one with `shindan new`."
            )
        );
        return Ok(());
    }
    let header = [
        "ID",
        lang.pick("年度", "Year"),
        lang.pick("病院名", "Hospital"),
        lang.pick("病床", "Beds"),
        lang.pick("開設者", "Founder"),
        lang.pick("進捗", "Done"),
        lang.pick("更新", "Updated"),
    ];
    let table_rows: Vec<Vec<String>> = listing
        .records
        .iter()
        .zip(&rows)
        .map(|(r, row)| {
            vec![
                row.id.clone(),
                r.fiscal_year().label(lang),
                row.name.clone().unwrap_or_else(|| "—".into()),
                row.beds
                    .map(|b| b.to_string())
                    .unwrap_or_else(|| "—".into()),
                r.founder()
                    .map(|f| f.label(lang).to_string())
                    .unwrap_or_else(|| "—".into()),
                qn.progress(r).render(lang),
                clock.show_time(r.updated_at),
            ]
        })
        .collect();
    print!("{}", crate::text::table(&header, &table_rows));
    if !damaged.is_empty() {
        println!();
        println!(
            "{}",
            lang.pick(
                "読み込めないファイル（そのままにしています）:",
                "Files that cannot be read (left untouched):"
            )
        );
        for d in &damaged {
            println!("  {}: {}", d.file, d.reason);
        }
    }
    Ok(())
}
