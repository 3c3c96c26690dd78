//! `shindan import FILE...`: records exported by shindan (e.g. collected from several
//! hospitals) into the data dir, each checked as the interview would check it. Nothing is
//! written unless every file is good: a batch is never half imported.

use super::{Ctx, Failure};
use crate::domain::limits::RECORD_BYTES;
use crate::domain::validate::check_record;
use crate::domain::{Questionnaire, Record};
use crate::store::parse_record;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record files exported with `shindan export ID --format json`
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Import the (single) file under this id instead of its own
    #[arg(long = "as", value_name = "NEW_ID", conflicts_with = "replace")]
    as_id: Option<String>,
    /// Replace records that already have the same id
    #[arg(long)]
    replace: bool,
    /// Print JSON for scripts: one `{file, id}` per record imported
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    if args.as_id.is_some() && args.files.len() != 1 {
        return Err(Failure::Invalid(
            lang.pick(
                "--as は1ファイルのときだけ使えます",
                "--as takes exactly one file",
            )
            .into(),
        ));
    }
    let new_id = args.as_id.as_deref().map(|s| ctx.parse_id(s)).transpose()?;
    let store = ctx.store()?;
    let qn = Questionnaire::embedded();
    let mut ready: Vec<(PathBuf, Record)> = Vec::new();
    for path in &args.files {
        let name = path.display();
        let bytes = crate::store::read_bounded(path, RECORD_BYTES).map_err(|e| {
            let e = crate::edge::os_error(&e, lang);
            Failure::Data(lang.pick_with(
                || format!("{name}：読めません（{e}）"),
                || format!("{name}: cannot read it ({e})"),
            ))
        })?;
        let mut record = parse_record(&bytes).map_err(|d| {
            Failure::Data(format!(
                "{name}: {}{}",
                d.message(lang),
                lang.pick("（何も取り込んでいません）", " (nothing imported)")
            ))
        })?;
        let problems = check_record(qn, &record);
        if !problems.is_empty() {
            let list: Vec<String> = problems
                .iter()
                .map(|p| format!("  {}", p.message(lang)))
                .collect();
            return Err(Failure::Invalid(format!(
                "{name}: {}\n{}",
                lang.pick(
                    "質問票の規則に合わない回答があります（何も取り込んでいません）：",
                    "answers the questionnaire would refuse (nothing imported):"
                ),
                list.join("\n")
            )));
        }
        if let Some(id) = &new_id {
            record.id = id.clone();
        }
        if let Some((other, _)) = ready.iter().find(|(_, r)| r.id == record.id) {
            return Err(Failure::Invalid(lang.pick_with(
                || {
                    format!(
                        "{name} と {} は同じID {} です（何も取り込んでいません）",
                        other.display(),
                        record.id
                    )
                },
                || {
                    format!(
                        "{name} and {} have the same id {} (nothing imported)",
                        other.display(),
                        record.id
                    )
                },
            )));
        }
        if store.path_of(&record.id).exists() && !args.replace {
            let existing = store
                .load(&record.id)
                .ok()
                .and_then(|r| r.hospital_name().map(str::to_string))
                .unwrap_or_default();
            return Err(Failure::Invalid(lang.pick_with(
                || format!(
                    "{name}：記録 {} はすでにあります（{existing}）。別のIDで取り込むなら --as NEW_ID、置き換えるなら --replace（何も取り込んでいません）",
                    record.id
                ),
                || format!(
                    "{name}: record {} already exists ({existing}); give --as NEW_ID to import it under another id, or --replace to replace it (nothing imported)",
                    record.id
                ),
            )));
        }
        ready.push((path.clone(), record));
    }
    // Take every lock before writing anything: a record open in a session stops the batch.
    let mut locks = Vec::new();
    for (_, record) in &ready {
        if store.path_of(&record.id).exists() {
            // Replacing a file shindan cannot read is refused like any save over it.
            store.load(&record.id).map_err(|e| ctx.store_err(e))?;
            locks.push(Some(store.lock(&record.id).map_err(|e| ctx.store_err(e))?));
        } else {
            locks.push(None);
        }
    }
    // Every record is written before anything is printed: output that cannot be written (a
    // full stdout) must not leave the batch half imported.
    let mut done = Vec::new();
    for ((path, mut record), lock) in ready.into_iter().zip(locks) {
        store
            .insert(&mut record, lock.as_ref())
            .map_err(|e| ctx.store_err(e))?;
        done.push((path, record.id));
    }
    let ids: Vec<String> = done.iter().map(|(_, id)| id.to_string()).collect();
    super::output::saved(lang.pick_with(
        || {
            format!(
                "{} 件の記録を取り込みました（{}）",
                ids.len(),
                ids.join(", ")
            )
        },
        || format!("{} records were imported ({})", ids.len(), ids.join(", ")),
    ));
    if !args.json {
        for (path, id) in &done {
            println!("{} → {id}", path.display());
        }
    }
    let done: Vec<serde_json::Value> = done
        .iter()
        .map(|(path, id)| {
            serde_json::json!({
                "file": path.display().to_string(),
                "id": id.to_string(),
            })
        })
        .collect();
    if args.json {
        super::print_json(&done);
    }
    Ok(())
}
