//! `shindan checklist answer`: one dated check of one item, through the domain's rules.

use super::{invalid, pick};
use crate::cli::{Ctx, Failure};
use crate::domain::checklist::rules::{self, AnswerInput, ChecklistError, DateField};
use crate::domain::checklist::YesNo;
use crate::text;
use std::path::Path;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id, e.g. 2026-007
    id: String,
    /// The item as printed on the form: 3(3), 2⑦, 「2④-サーバ」 (full-width digits too), or its id
    item: String,
    /// yes (「はい」), no (「いいえ」), or - to withdraw the latest answer
    #[arg(allow_hyphen_values = true)]
    answer: String,
    /// Date checked (「確認日」), YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE")]
    checked: Option<String>,
    /// Target date (「目標日」) for `no`: on or after the date checked, by 31 March of its fiscal
    /// year (or the item's own deadline)
    #[arg(long, value_name = "DATE")]
    target: Option<String>,
    /// A note kept with this check
    #[arg(long)]
    note: Option<String>,
    /// The document this answer rests on: its path, SHA-256 and size are recorded
    #[arg(long, value_name = "PATH")]
    evidence: Option<String>,
    /// The device, for a number the form asks for several (2④): server (「サーバ」), pc (「端末PC」),
    /// network (「ネットワーク機器」)
    #[arg(long, value_name = "DEVICE")]
    device: Option<String>,
    /// Checklist edition, e.g. mhlw-r7 [default: the newest]
    #[arg(long)]
    edition: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let editions = ctx.editions()?;
    let edition = pick(ctx, &editions, args.edition.as_deref())?;
    let id = ctx.parse_id(&args.id)?;
    let item = super::find_item(ctx, edition, &args.item, args.device.as_deref())?;
    let (today, now) = (ctx.clock.today(), ctx.clock.now());
    let withdraw = args.answer.trim() == "-";
    let input = if withdraw {
        if args.checked.is_some()
            || args.target.is_some()
            || args.note.is_some()
            || args.evidence.is_some()
        {
            return Err(Failure::Invalid(
                lang.pick(
                    "`-`（取り消し）には --checked、--target、--note、--evidence は付けられません",
                    "`-` (withdraw) takes no --checked, --target, --note or --evidence",
                )
                .into(),
            ));
        }
        None
    } else {
        let answer = YesNo::parse(&args.answer).ok_or_else(|| {
            invalid(
                ctx,
                &ChecklistError::BadAnswer {
                    input: args.answer.clone(),
                },
            )
        })?;
        let checked_on = match &args.checked {
            Some(raw) => {
                rules::parse_date_field(DateField::Checked, raw).map_err(|e| invalid(ctx, &e))?
            }
            None => today,
        };
        let target_on = match &args.target {
            Some(raw) => Some(
                rules::parse_date_field(DateField::Target, raw).map_err(|e| invalid(ctx, &e))?,
            ),
            None => None,
        };
        // Check the rules before reading any file, so that a refused answer costs nothing.
        rules::check_answer(item, answer, checked_on, target_on, today)
            .map_err(|e| invalid(ctx, &e))?;
        let evidence = match &args.evidence {
            Some(p) => Some(
                crate::store::evidence::hash_file(Path::new(p)).map_err(|e| {
                    Failure::Invalid(lang.pick_with(
                        || format!("--evidence {p}：ファイルを読めません（{e}）"),
                        || format!("--evidence {p}: cannot read the file ({e})"),
                    ))
                })?,
            ),
            None => None,
        };
        Some(AnswerInput {
            answer,
            checked_on,
            target_on,
            note: args.note.clone(),
            evidence,
        })
    };
    let store = ctx.store()?;
    let lock = store.lock(&id).map_err(|e| ctx.store_err(e))?;
    let mut record = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let mut lines = Vec::new();
    let shown = item.printed(lang);
    match input {
        None => {
            let gone = rules::withdraw(&editions, &mut record, &edition.id, &item.id, now)
                .map_err(|e| invalid(ctx, &e))?;
            lines.push(lang.pick_with(
                || {
                    format!(
                        "{}: {} の回答（確認日 {}）を取り消しました",
                        shown,
                        gone.answer.label(lang),
                        gone.checked_on
                    )
                },
                || {
                    format!(
                        "{}: withdrew the answer {} (checked {})",
                        shown, gone.answer, gone.checked_on
                    )
                },
            ));
        }
        Some(input) => {
            let done = rules::answer(
                &editions,
                &mut record,
                &edition.id,
                &item.id,
                input.clone(),
                today,
                now,
            )
            .map_err(|e| invalid(ctx, &e))?;
            if let Some(c) = &done.carried {
                let merged = c.merges.iter().filter(|m| m.result.is_some()).count();
                let plural = |n: usize, one: &str, many: &str| {
                    format!("{n} {}", if n == 1 { one } else { many })
                };
                lines.push(lang.pick_with(
                    || {
                        format!(
                            "{} の回答 {}件（統合 {}件）を {} に引き継ぎました",
                            c.from, c.copied, merged, edition.id
                        )
                    },
                    || {
                        format!(
                            "carried {} and {} from {} into {}",
                            plural(c.copied, "answer", "answers"),
                            plural(merged, "merged item", "merged items"),
                            c.from,
                            edition.id
                        )
                    },
                ));
                for m in &c.merges {
                    lines.push(format!("  * {}", m.describe(&editions, edition, lang)));
                }
            }
            lines.push(format!("{shown} = {}", done.describe(&input, lang)));
            if let Some(e) = &input.evidence {
                lines.push(format!(
                    "  {} {} ({} {})",
                    lang.pick("根拠:", "evidence:"),
                    e.path,
                    e.size,
                    lang.pick("バイト", "bytes")
                ));
                lines.push(format!("  sha256 {}", e.sha256));
            }
        }
    }
    store
        .save(&mut record, &lock)
        .map_err(|e| ctx.store_err(e))?;
    super::super::output::saved_record(lang, &record.id);
    for l in lines {
        // A hash is copied whole, never wrapped.
        if l.starts_with("  sha256 ") {
            println!("{l}");
            continue;
        }
        for line in text::wrap(&l, 78) {
            println!("{line}");
        }
    }
    let gate_closed = edition
        .gate
        .as_deref()
        .filter(|g| *g != item.id)
        .and_then(|g| record.checklists.get(&edition.id).and_then(|a| a.latest(g)))
        .is_some_and(|a| a.answer == YesNo::No);
    if gate_closed {
        eprintln!(
            "{}",
            lang.pick(
                "注意：前提の質問（医療情報システムの有無）が「いいえ」のため、この項目は必須ではありません（回答は保存しました）",
                "note: the precondition (does the hospital run medical information systems) is `no`, so this item is not required (the answer is kept)",
            )
        );
    }
    Ok(())
}
