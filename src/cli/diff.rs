//! `shindan diff ID_OLD ID_NEW`: what changed between two assessments of one hospital.

use super::{print_json, Ctx, Failure};
use crate::domain::history::{self, Direction};
use crate::domain::{IndicatorValue, Lang, Questionnaire};
use crate::text::wrap;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The earlier record; alone, the later record, compared with the one it was copied from
    old: String,
    /// The later record
    new: Option<String>,
    /// Print JSON for scripts (keys: before, after, answers, notes, indicators)
    #[arg(long)]
    json: bool,
}

fn value_label(v: IndicatorValue, lang: Lang) -> &'static str {
    match v {
        IndicatorValue::True => lang.pick("該当", "yes"),
        IndicatorValue::False => lang.pick("非該当", "no"),
        IndicatorValue::Unknown => lang.pick("不明", "unknown"),
        IndicatorValue::NotApplicable => lang.pick("対象外", "n/a"),
        IndicatorValue::Unanswered => lang.pick("未回答", "unanswered"),
    }
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let store = ctx.store()?;
    let first = ctx.parse_id(&args.old)?;
    let (before, after) = match &args.new {
        Some(new) => {
            let new = ctx.parse_id(new)?;
            let before = store.load(&first).map_err(|e| ctx.store_err(e))?;
            (before, store.load(&new).map_err(|e| ctx.store_err(e))?)
        }
        None => {
            let after = store.load(&first).map_err(|e| ctx.store_err(e))?;
            let Some(prev) = after.previous.clone() else {
                return Err(Failure::Invalid(lang.pick(
                    &format!("{first} は前年の記録からのコピーではありません：比べる2つのIDを指定してください"),
                    &format!("{first} was not copied from an earlier record: give the two ids to compare"),
                ).to_string()));
            };
            (store.load(&prev).map_err(|e| ctx.store_err(e))?, after)
        }
    };
    let qn = Questionnaire::embedded();
    let d = history::diff(qn, &before, &after, lang);
    if args.json {
        print_json(&d);
        return Ok(());
    }
    println!(
        "{} → {}  {}",
        d.before,
        d.after,
        after.hospital_name().unwrap_or("")
    );
    if d.indicators.is_empty() && d.answers.is_empty() && d.notes.is_empty() {
        println!(
            "{}",
            lang.pick("変わったところはありません。", "Nothing changed.")
        );
        return Ok(());
    }
    if !d.indicators.is_empty() {
        println!("\n■ {}", lang.pick("指標", "Indicators"));
        for c in &d.indicators {
            let mark = match c.direction {
                Direction::Improved => lang.pick("改善", "better"),
                Direction::Worsened => lang.pick("悪化", "worse"),
                Direction::Changed => lang.pick("変化", "changed"),
            };
            let label = qn
                .indicator(&c.id)
                .map(|i| i.text.get(lang))
                .unwrap_or(&c.id);
            for line in wrap(
                &format!(
                    "[{mark}] {label}: {} → {}",
                    value_label(c.before, lang),
                    value_label(c.after, lang)
                ),
                78,
            ) {
                println!("  {line}");
            }
        }
    }
    if !d.answers.is_empty() {
        println!("\n■ {}", lang.pick("回答", "Answers"));
        let none = lang.pick("（なし）", "(none)");
        for c in &d.answers {
            let text = qn
                .question(&c.question)
                .map(|q| q.text.get(lang))
                .unwrap_or(&c.question);
            for line in wrap(&format!("{text} [{}]", c.question), 76) {
                println!("  {line}");
            }
            for line in wrap(
                &format!(
                    "{} → {}",
                    c.before.as_deref().unwrap_or(none),
                    c.after.as_deref().unwrap_or(none)
                ),
                72,
            ) {
                println!("      {line}");
            }
        }
    }
    if !d.notes.is_empty() {
        println!(
            "\n■ {}: {}",
            lang.pick("メモが変わった質問", "Notes changed"),
            d.notes.join(", ")
        );
    }
    Ok(())
}
