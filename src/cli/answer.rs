//! `shindan answer`: one answer (and/or note) into a record, through the same validation as the
//! interview.

use super::{Ctx, Failure};
use crate::domain::{question_number, validate, Lang, Questionnaire, Visibility};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id, e.g. 2026-007
    id: String,
    /// The question: its number as printed (7, 「問7」, Q7) or its id, e.g. vpn_flagged (see `shindan show ID`)
    question: String,
    /// An option by its number or its words (or its id), a comma list for multi-choice, a
    /// number, text, or `-` to clear
    #[arg(allow_hyphen_values = true)]
    value: Option<String>,
    /// Set the question's note (an empty string removes it)
    #[arg(long)]
    note: Option<String>,
    /// Print JSON for scripts (keys: question, value, label, note, counted)
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let qn = Questionnaire::embedded();
    let id = ctx.parse_id(&args.id)?;
    let Some(q) = question_number::find(qn, &args.question) else {
        // The numbers a person reads; ids are still taken, for scripts, but not listed.
        let count = qn.questions().count();
        return Err(Failure::Invalid(match lang {
            Lang::Ja => format!(
                "質問 `{}` はありません。質問は印刷された番号（問1～問{count}）で指定してください（一覧は shindan show {}）",
                args.question, args.id
            ),
            Lang::En => format!(
                "no question `{}`; give its printed number (Q1 to Q{count}; listed by shindan show {})",
                args.question, args.id
            ),
        }));
    };
    if args.value.is_none() && args.note.is_none() {
        return Err(Failure::Invalid(
            lang.pick(
                "値（または --note）を指定してください",
                "give a value (or --note)",
            )
            .into(),
        ));
    }
    // The question as the person reads it on every screen and form.
    let shown = question_number::printed(qn, &q.id, lang);
    let store = ctx.store()?;
    let lock = store.lock(&id).map_err(|e| ctx.store_err(e))?;
    let mut record = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let now = ctx.clock.now();
    if let Some(raw) = &args.value {
        validate::answer_from_input(qn, &mut record, &q.id, raw, now)
            .map_err(|e| Failure::Invalid(format!("{}: {}", shown, e.message(lang))))?;
    }
    if let Some(note) = &args.note {
        validate::check_note(note)
            .map_err(|e| Failure::Invalid(format!("--note: {}", e.message(lang))))?;
        record.set_note(&q.id, note, now);
    }
    store
        .save(&mut record, &lock)
        .map_err(|e| ctx.store_err(e))?;
    super::output::saved(lang.pick_with(
        || format!("記録 {} の {shown} を保存しました", record.id),
        || format!("record {}: {shown} was saved", record.id),
    ));
    let hidden = qn.visibility(q, &record);
    if args.json {
        super::print_json(&serde_json::json!({
            "question": q.id,
            "value": record.value(&q.id),
            "label": record.value(&q.id).map(|v| q.describe(v, lang)),
            "note": record.note(&q.id),
            "counted": !matches!(hidden, Visibility::Hidden { .. }),
        }));
        return Ok(());
    }
    if let Visibility::Hidden { because } = hidden {
        let because = question_number::printed(qn, &because, lang);
        eprintln!(
            "{}",
            lang.pick_with(
                || format!("注意：{because} の回答によりこの質問は対象外のため、回答は保存しましたが集計には使いません"),
                || format!("note: {because} skips this question, so the answer is kept but not counted"),
            )
        );
    }
    match record.value(&q.id) {
        Some(v) => println!("{shown} = {}", q.describe(v, lang)),
        None if args.value.is_some() => {
            println!("{shown} = {}", lang.pick("（未回答）", "(unanswered)"))
        }
        None => {}
    }
    Ok(())
}
