//! `shindan control`: the hospital's word on one control of the risk catalogue (its status, a
//! note, the vendor's system), through the same [`set_mark`] as the matrix screen; without a
//! control, the list of every control's status in the record.

use super::{Ctx, Failure};
use crate::domain::matrix::coverage::ControlState;
use crate::domain::matrix::mark::{set_mark, MarkChange, MarkError};
use crate::domain::matrix::{By, Catalog, ControlStatus, Coverage, StatusInput, StatusSource};
use crate::domain::{Lang, Questionnaire};
use crate::text;

const WIDTH: usize = 80;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id, e.g. 2026-007
    id: String,
    /// Control id, e.g. backup_offline (see `shindan catalog`); leave out to list them all
    control: Option<String>,
    /// in_place, partial, missing, not_applicable, unknown, or `-` to go back to the interview's
    #[arg(allow_hyphen_values = true)]
    status: Option<String>,
    /// A note on the control (an empty string removes it)
    #[arg(long)]
    note: Option<String>,
    /// The vendor's system the control concerns, e.g. 電子カルテ (vendor controls only; an
    /// empty string removes it)
    #[arg(long)]
    system: Option<String>,
}

fn invalid(e: MarkError, lang: Lang) -> Failure {
    Failure::Invalid(e.message(lang))
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let catalog = Catalog::embedded();
    let qn = Questionnaire::embedded();
    let id = ctx.parse_id(&args.id)?;
    let Some(control) = args.control.as_deref() else {
        if args.status.is_some() || args.note.is_some() || args.system.is_some() {
            return Err(Failure::Invalid(
                lang.pick("対策IDを指定してください", "give a control id")
                    .into(),
            ));
        }
        let store = ctx.store()?;
        let record = store.load(&id).map_err(|e| ctx.store_err(e))?;
        let cov = Coverage::of(catalog, &record, qn);
        for line in list_lines(&cov, &record.id.to_string(), lang) {
            println!("{line}");
        }
        return Ok(());
    };
    // Everything the user typed is checked before the record is locked or read.
    if catalog.control(control).is_none() {
        return Err(invalid(
            MarkError::UnknownControl {
                control: control.to_string(),
                allowed: catalog.control_ids().map(String::from).collect(),
            },
            lang,
        ));
    }
    let status = match args.status.as_deref() {
        Some(s) => Some(StatusInput::parse(s).map_err(|e| invalid(e, lang))?),
        None => None,
    };
    if status.is_none() && args.note.is_none() && args.system.is_none() {
        return Err(Failure::Invalid(
            lang.pick(
                "状態（in_place, partial, missing, not_applicable, unknown, -）か --note・--system を指定してください",
                "give a status (in_place, partial, missing, not_applicable, unknown, -) or --note or --system",
            )
            .into(),
        ));
    }
    let store = ctx.store()?;
    let lock = store.lock(&id).map_err(|e| ctx.store_err(e))?;
    let mut record = store.load(&id).map_err(|e| ctx.store_err(e))?;
    let change = MarkChange {
        status,
        note: args.note.as_deref(),
        system: args.system.as_deref(),
    };
    set_mark(catalog, &mut record, control, change, ctx.clock.now())
        .map_err(|e| invalid(e, lang))?;
    store
        .save(&mut record, &lock)
        .map_err(|e| ctx.store_err(e))?;
    let cov = Coverage::of(catalog, &record, qn);
    if let Some(state) = cov.control(control) {
        for line in state_lines(state, lang) {
            println!("{line}");
        }
    }
    Ok(())
}

fn state_lines(s: &ControlState<'_>, lang: Lang) -> Vec<String> {
    let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
    let mut out = vec![text::truncate(
        &format!(
            "{} = {}{open}{}{close}",
            s.control.id,
            s.status.label(lang),
            s.source.describe(lang)
        ),
        WIDTH,
    )];
    for line in text::wrap(s.control.name(lang), WIDTH - 2) {
        out.push(format!("  {line}"));
    }
    if let Some(system) = &s.system {
        out.push(text::truncate(
            &format!("  {}{system}", lang.pick("システム：", "system: ")),
            WIDTH,
        ));
    }
    if let Some(note) = &s.note {
        for (i, line) in text::wrap(note, WIDTH - 8).into_iter().enumerate() {
            let head = if i == 0 {
                lang.pick("  メモ：", "  note: ")
            } else {
                "        "
            };
            out.push(format!("{}{line}", text::pad(head, 8)));
        }
    }
    out
}

/// Every control with its status, grouped under the category of its first scenario.
fn list_lines(cov: &Coverage<'_>, record: &str, lang: Lang) -> Vec<String> {
    let count = |st: ControlStatus| cov.controls.iter().filter(|c| c.status == st).count();
    let carried_n = cov.controls.iter().filter(|c| c.carried).count();
    let carried = |lang: Lang| match (carried_n, lang) {
        (0, _) => String::new(),
        (n, Lang::Ja) => format!("（うち昨年から引き継ぎ・未確認 {n}件）"),
        (n, Lang::En) => format!(" ({n} carried from last year, unconfirmed)"),
    };
    let mut out = Vec::new();
    let summary = match lang {
        Lang::Ja => {
            format!(
                "{record} の対策 {}件：実施済み {}、一部 {}、未実施 {}、対象外 {}、不明 {}",
                cov.controls.len(),
                count(ControlStatus::InPlace),
                count(ControlStatus::Partial),
                count(ControlStatus::Missing),
                count(ControlStatus::NotApplicable),
                count(ControlStatus::Unknown),
            ) + &carried(lang)
        }
        Lang::En => {
            format!(
                "{record}: {} controls: {} in place, {} partial, {} missing, {} n/a, {} unknown",
                cov.controls.len(),
                count(ControlStatus::InPlace),
                count(ControlStatus::Partial),
                count(ControlStatus::Missing),
                count(ControlStatus::NotApplicable),
                count(ControlStatus::Unknown),
            ) + &carried(lang)
        }
    };
    out.extend(text::wrap(&summary, WIDTH));
    out.extend(text::wrap(
        lang.pick(
            "＊＝ヒアリングの回答から（変更するまで回答に従います）、＋＝利用者が設定、～＝昨年から引き継ぎ・未確認（確認するまで網羅率に数えません：shindan confirm ID --control 対策ID）。設定は shindan control ID 対策ID 状態",
            "* = from the interview (follows the answers until changed), + = set by the user, ~ = carried from last year, unconfirmed (counts towards no coverage until confirmed: shindan confirm ID --control CONTROL). Set one with: shindan control ID CONTROL STATUS",
        ),
        WIDTH,
    ));
    // Columns as wide as the longest status label and control id, so that no id is cut.
    let status_w = ControlStatus::ALL
        .iter()
        .map(|s| text::width(s.label(lang)))
        .max()
        .unwrap_or(0);
    let id_w = cov
        .catalog
        .control_ids()
        .map(text::width)
        .max()
        .unwrap_or(0);
    for cat in &cov.catalog.categories {
        let mine: Vec<&ControlState<'_>> = cov
            .controls
            .iter()
            .filter(|c| {
                c.control
                    .scenarios
                    .first()
                    .and_then(|s| cov.catalog.scenario(s))
                    .is_some_and(|s| s.category == cat.id)
            })
            .collect();
        if mine.is_empty() {
            continue;
        }
        out.push(String::new());
        out.push(text::truncate(&format!("■ {}", cat.name(lang)), WIDTH));
        for c in mine {
            let mark = match c.source {
                _ if c.carried => lang.pick("～", "~"),
                StatusSource::User => lang.pick("＋", "+"),
                StatusSource::Interview { .. } => lang.pick("＊", "*"),
                StatusSource::Default => lang.pick("  ", " "),
            };
            let by = match c.control.by {
                By::Vendor => lang.pick("［事業者］", "[vendor] "),
                By::Hospital => "",
            };
            let head = format!(
                "  {}{} {}",
                mark,
                text::pad(c.status.label(lang), status_w),
                text::pad(&c.control.id, id_w)
            );
            let rest = WIDTH.saturating_sub(text::width(&head) + 1);
            out.push(format!(
                "{head} {}",
                text::truncate(&format!("{by}{}", c.control.name(lang)), rest)
            ));
        }
    }
    out
}
