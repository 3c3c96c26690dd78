//! `shindan show`: a record's questions with answers and notes, as text or JSON.

use super::{print_json, Ctx, Failure};
use crate::domain::carried::Carried;
use crate::domain::{Questionnaire, Value};
use crate::text;
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id, e.g. 2026-007
    id: String,
    /// Print JSON for scripts
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Shown<'a> {
    record: String,
    /// The 年度 (April–March) of `assessed_on`, which the id names.
    year: i32,
    name: Option<&'a str>,
    assessed_on: String,
    progress: Progress,
    /// Everything still carried from last year, to confirm (`shindan confirm`).
    carried: Carried,
    questions: Vec<ShownQuestion<'a>>,
}

#[derive(Serialize)]
struct Progress {
    /// Answered or confirmed this year.
    answered: usize,
    /// Carried from last year, not confirmed: not in `percent`.
    carried: usize,
    total: usize,
    percent: u8,
}

#[derive(Serialize)]
struct ShownQuestion<'a> {
    number: usize,
    id: &'a str,
    section: &'a str,
    kind: &'static str,
    text: &'a str,
    answer: Option<&'a Value>,
    label: Option<String>,
    note: Option<&'a str>,
    /// Carried over from last year's record and not yet confirmed.
    carried: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let qn = Questionnaire::embedded();
    let id = ctx.parse_id(&args.id)?;
    let store = ctx.store()?;
    let record = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let progress = qn.progress(&record);
    let mut questions = Vec::new();
    for section in &qn.sections {
        for q in &section.questions {
            if !qn.visible(q, &record) {
                continue;
            }
            let answer = record.value(&q.id);
            questions.push(ShownQuestion {
                number: qn.number(&q.id).unwrap_or(0),
                id: &q.id,
                section: &section.id,
                kind: q.kind.id(),
                text: q.text.get(lang),
                answer,
                label: answer.map(|v| q.describe(v, lang)),
                note: record.note(&q.id),
                carried: record.answers.get(&q.id).is_some_and(|a| a.carried),
            });
        }
    }
    let shown = Shown {
        record: record.id.to_string(),
        year: record.fiscal_year().year(),
        name: record.hospital_name(),
        assessed_on: record.assessed_on.to_string(),
        progress: Progress {
            answered: progress.answered,
            carried: progress.carried,
            total: progress.total,
            percent: progress.percent(),
        },
        carried: Carried::of(&record, qn),
        questions,
    };
    if args.json {
        print_json(&shown);
        return Ok(());
    }
    println!(
        "{}  {}  {}  {} {}  ({} {}/{}, {}%)",
        shown.record,
        shown.name.unwrap_or("—"),
        record.fiscal_year().label(lang),
        lang.pick("評価日", "assessed"),
        shown.assessed_on,
        lang.pick("回答", "answered"),
        progress.answered,
        progress.total,
        progress.percent()
    );
    if !shown.carried.is_empty() {
        for line in text::wrap(
            &super::confirm::carried_line(&shown.carried, &shown.record, lang),
            78,
        ) {
            println!("{line}");
        }
    }
    let mut last_section = "";
    for q in &shown.questions {
        if q.section != last_section {
            last_section = q.section;
            if let Some(s) = qn.sections.iter().find(|s| s.id == q.section) {
                println!("\n■ {}", s.text.get(lang));
            }
        }
        let answer = match (&q.label, q.carried) {
            (Some(l), false) => l.clone(),
            (Some(l), true) => format!(
                "{l} {}",
                lang.pick("（昨年から・未確認）", "(from last year, unconfirmed)")
            ),
            (None, _) => lang.pick("（未回答）", "(unanswered)").to_string(),
        };
        // The number is what `answer` takes, so the id is left to `--json`.
        for (i, line) in text::wrap(q.text, 74).iter().enumerate() {
            if i == 0 {
                println!("{:>2}. {line}", q.number);
            } else {
                println!("    {line}");
            }
        }
        println!("    → {answer}");
        if let Some(note) = q.note {
            for line in text::wrap(note, 70) {
                println!("    {} {line}", lang.pick("メモ:", "note:"));
            }
        }
    }
    Ok(())
}
