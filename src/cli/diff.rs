//! `shindan diff ID_OLD ID_NEW`: what changed between two assessments of one hospital.

use super::{print_json, Ctx, Failure};
use crate::domain::history::{self, Direction};
use crate::domain::{question_number, IndicatorValue, Lang, Questionnaire};
use crate::text::wrap;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The earlier record; alone, the later record, compared with the one it was copied from
    old: String,
    /// The later record
    new: Option<String>,
    /// Print JSON for scripts (keys: before, after, answers, notes, indicators, coverage,
    /// shortfall)
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
                return Err(Failure::Invalid(lang.pick_with(
                    || format!("{first} は前年の記録からのコピーではありません：比べる2つのIDを指定してください"),
                    || format!("{first} was not copied from an earlier record: give the two ids to compare"),
                )));
            };
            (store.load(&prev).map_err(|e| ctx.store_err(e))?, after)
        }
    };
    // Two unrelated hospitals compare, but say so: a typo in an id should not pass for a year's
    // progress.
    let linked =
        after.previous.as_ref() == Some(&before.id) || before.previous.as_ref() == Some(&after.id);
    if !linked && before.hospital_name() != after.hospital_name() {
        eprintln!(
            "{}",
            lang.pick_with(
                || format!(
                    "注意：{} と {} は別の病院の記録です（病院名が違い、前年のコピーでもありません）",
                    before.id, after.id
                ),
                || format!(
                    "note: {} and {} are records of different hospitals (other names, not copied one from the other)",
                    before.id, after.id
                ),
            )
        );
    }
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
    if d.is_empty() {
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
            let number = question_number::printed(qn, &c.question, lang);
            for line in wrap(&format!("{number} {text}"), 76) {
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
            d.notes
                .iter()
                .map(|q| question_number::printed(qn, q, lang))
                .collect::<Vec<_>>()
                .join(lang.pick("、", ", "))
        );
    }
    println!(
        "\n■ {}",
        lang.pick(
            "リスク対策の網羅率（提言2）と予算の差額（提言1、万円）",
            "Risk coverage (proposal 2) and budget gap (proposal 1)"
        )
    );
    for line in figure_lines(&d, lang) {
        println!("{line}");
    }
    Ok(())
}

/// "  認証・認可          34% → 40%  [改善]": one line per figure; one too long for 80
/// columns puts its change on the lines below.
fn figure_lines(d: &history::RecordDiff, lang: Lang) -> Vec<String> {
    use crate::text::{pad, width};
    let mut out = Vec::new();
    for r in d.figure_rows(lang) {
        let mark = match r.direction {
            Some(Direction::Improved) => lang.pick("  [改善]", "  [better]"),
            Some(Direction::Worsened) => lang.pick("  [悪化]", "  [worse]"),
            _ => "",
        };
        let line = format!("  {}{}{mark}", pad(&r.label, 22), r.change);
        if width(&line) <= 80 {
            out.push(line);
        } else {
            out.push(format!("  {}", r.label));
            for l in wrap(&format!("{}{mark}", r.change), 74) {
                out.push(format!("      {l}"));
            }
        }
    }
    out
}
