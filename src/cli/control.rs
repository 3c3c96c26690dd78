//! `shindan control`: the hospital's word on one control of the risk catalogue (its status, a
//! note, the vendor's system, whether to ask the vendor), through the same [`set_mark`] as the
//! matrix screen; with a control and nothing to change, that control's state; without a
//! control, every control's state in the record — status, where it comes from, conflicts.

mod json;

use super::{print_json, Ctx, Failure};
use crate::domain::lang::listed;
use crate::domain::matrix::mark::{set_mark, MarkChange, MarkError};
use crate::domain::matrix::{By, Catalog, ControlState, Coverage, Sources, StatusInput};
use crate::domain::{Clock, Lang, Record};
use crate::text;

pub use json::{figure_json, source_json};

const WIDTH: usize = 80;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Record id, e.g. 2026-007
    id: String,
    /// Control number as `shindan control ID` lists it, e.g. C12 (or its id); leave out to list
    /// them all
    control: Option<String>,
    /// in_place, partial, missing, not_applicable, unknown, or `-` to take your status back
    /// (the checklist's, the interview's or a vendor's applies again)
    #[arg(allow_hyphen_values = true)]
    status: Option<String>,
    /// A note on the control (an empty string removes it)
    #[arg(long)]
    note: Option<String>,
    /// The vendor's system the control concerns, e.g. electronic records (「電子カルテ」) (vendor controls
    /// only; an
    /// empty string removes it)
    #[arg(long)]
    system: Option<String>,
    /// yes: you cannot say, ask the vendor (「わからない（事業者に確認）」, listed in vendor-brief);
    /// no: take that back. Setting a status also takes it back.
    #[arg(long, value_name = "yes|no", value_parser = parse_yes_no)]
    ask_vendor: Option<bool>,
    /// Print JSON for scripts (keys: record, coverage, conflicts, controls — or the one control)
    #[arg(long)]
    json: bool,
}

fn parse_yes_no(s: &str) -> Result<bool, String> {
    match s {
        "yes" => Ok(true),
        "no" => Ok(false),
        _ => Err(super::usage::parsing_lang()
            .pick(
                "yes, no のどちらかを指定してください",
                "allowed values are yes, no",
            )
            .to_string()),
    }
}

fn invalid(e: MarkError, lang: Lang) -> Failure {
    Failure::Invalid(e.message(lang))
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<(), Failure> {
    let lang = ctx.lang;
    let sources = Sources::embedded();
    let catalog = sources.catalog;
    let id = ctx.parse_id(&args.id)?;
    let changes = args.status.is_some()
        || args.note.is_some()
        || args.system.is_some()
        || args.ask_vendor.is_some();
    let Some(control) = args.control.as_deref() else {
        if changes {
            return Err(Failure::Invalid(
                lang.pick(
                    "対策の番号を指定してください（例：C12）",
                    "give a control number, e.g. C12",
                )
                .into(),
            ));
        }
        let store = ctx.store()?;
        let record = store.load(&id).map_err(|e| ctx.store_err(e))?;
        let cov = Coverage::with(&sources, &record);
        if args.json {
            print_json(&json::list_json(&cov, &record, lang));
            return Ok(());
        }
        for line in list_lines(&cov, &record.id.to_string(), lang) {
            println!("{line}");
        }
        return Ok(());
    };
    // Everything the user typed is checked before the record is locked or read. The number
    // read on the list (C12) is taken, and the id scripts use.
    let typed = control;
    let control = catalog.control_id(typed);
    if catalog.control(control).is_none() {
        return Err(invalid(
            MarkError::UnknownControl {
                control: typed.to_string(),
                allowed: vec![format!("C1–C{}", catalog.controls.len())],
            },
            lang,
        ));
    }
    let status = match args.status.as_deref() {
        Some(s) => Some(StatusInput::parse(s).map_err(|e| invalid(e, lang))?),
        None => None,
    };
    let store = ctx.store()?;
    let record = if changes {
        let lock = store.lock(&id).map_err(|e| ctx.store_err(e))?;
        let mut record = store.load(&id).map_err(|e| ctx.store_err(e))?;
        let change = MarkChange {
            status,
            note: args.note.as_deref(),
            system: args.system.as_deref(),
            ask_vendor: args.ask_vendor,
        };
        set_mark(catalog, &mut record, control, change, ctx.clock.now())
            .map_err(|e| invalid(e, lang))?;
        store
            .save(&mut record, &lock)
            .map_err(|e| ctx.store_err(e))?;
        super::output::saved_record(lang, &record.id);
        record
    } else {
        store.load(&id).map_err(|e| ctx.store_err(e))?
    };
    show_one(&sources, &record, control, args.json, &ctx.clock, lang);
    Ok(())
}

fn show_one(
    sources: &Sources<'_>,
    record: &Record,
    id: &str,
    as_json: bool,
    clock: &Clock,
    lang: Lang,
) {
    let Some(c) = sources.catalog.control(id) else {
        return;
    };
    let state = ControlState::of(sources, c, record);
    if as_json {
        print_json(&json::state_json(&state, sources.catalog, lang));
        return;
    }
    for line in state_lines(&state, sources.catalog, clock, lang) {
        println!("{line}");
    }
}

/// `label：body`, wrapped, continuation lines lined up under the body.
fn hang(out: &mut Vec<String>, label: &str, body: &str) {
    let w = text::width(label);
    for (i, line) in text::wrap(body, WIDTH - w).into_iter().enumerate() {
        let head = if i == 0 {
            label.to_string()
        } else {
            " ".repeat(w)
        };
        out.push(format!("{head}{line}"));
    }
}

fn state_lines(s: &ControlState<'_>, catalog: &Catalog, clock: &Clock, lang: Lang) -> Vec<String> {
    let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
    let mut out = Vec::new();
    hang(
        &mut out,
        &format!("{} = ", catalog.number(&s.control.id)),
        &format!(
            "{}{open}{}{close}",
            s.status.label(lang),
            s.whence(lang, clock)
        ),
    );
    for line in text::wrap(s.control.name(lang), WIDTH - 2) {
        out.push(format!("  {line}"));
    }
    if s.conflict {
        let said: Vec<String> = s
            .disagreeing()
            .iter()
            .filter_map(|f| {
                let st = f.status?;
                Some(format!("{} {}", f.source.describe(lang), st.label(lang)))
            })
            .collect();
        hang(
            &mut out,
            lang.pick("  食い違い：", "  conflict: "),
            &said.join(lang.pick("／", "; ")),
        );
    }
    // What the other sources say, and the leads to check.
    for f in s.findings.iter().filter(|f| f.source != s.source) {
        let why = f.why.as_ref().map(|w| w.get(lang)).unwrap_or("");
        let (label, said) = match f.status {
            None => (lang.pick("  要確認：", "  to review: "), String::new()),
            Some(st) => (
                lang.pick("  ほかに：", "  also: "),
                format!(" → {}", st.label(lang)),
            ),
        };
        let stop = lang.pick("。", ". ");
        hang(
            &mut out,
            label,
            &format!("{}{said}{stop}{why}", f.source.describe(lang)),
        );
    }
    if let Some(system) = &s.system {
        out.push(text::truncate(
            &format!("  {}{system}", lang.pick("システム：", "system: ")),
            WIDTH,
        ));
    }
    if s.ask_vendor {
        out.push(
            lang.pick(
                "  事業者に確認：はい（shindan vendor-brief に載ります）",
                "  ask the vendor: yes (listed by shindan vendor-brief)",
            )
            .to_string(),
        );
    }
    if let Some(note) = &s.note {
        hang(&mut out, lang.pick("  メモ：", "  note: "), note);
    }
    out
}

/// Every control with its status, grouped under the category of its first scenario.
fn list_lines(cov: &Coverage<'_>, record: &str, lang: Lang) -> Vec<String> {
    use crate::domain::matrix::ControlStatus as S;
    let count = |st: S| cov.controls.iter().filter(|c| c.status == st).count();
    let carried = match (cov.carried(), lang) {
        (0, _) => String::new(),
        (n, Lang::Ja) => format!("（うち昨年から引き継ぎ・未確認 {n}件）"),
        (n, Lang::En) => format!(" ({n} carried from last year, unconfirmed)"),
    };
    let mut out = Vec::new();
    let counts: Vec<String> = S::ALL
        .iter()
        .map(|s| format!("{} {}", s.label(lang), count(*s)))
        .collect();
    let (n, figure, conflicts) = (
        cov.controls.len(),
        cov.figure().render(lang),
        cov.conflicts(),
    );
    let counts = listed(lang, &counts);
    let summary = match lang {
        Lang::Ja => {
            format!("{record} の対策 {n}件：{counts}{carried}。{figure}、食い違い {conflicts}件")
        }
        Lang::En => {
            format!("{record}: {n} controls: {counts}{carried}. {figure}, {conflicts} in conflict")
        }
    };
    out.extend(text::wrap(&summary, WIDTH));
    out.extend(text::wrap(
        lang.pick(
            "＋＝利用者が設定、＃＝チェックリストの回答から、＊＝ヒアリングの回答から、＠＝事業者の回答から（回答に従います）、～＝昨年から引き継ぎ・未確認（確認するまで網羅率に数えません：shindan confirm ID、対策の状態は --control 番号）、！＝食い違いあり。詳細は shindan control ID 番号（例：C12）、設定は shindan control ID 番号 状態",
            "+ = set by the user, # = from the checklist, * = from the interview, @ = from a vendor's form (they follow the answers), ~ = carried from last year, unconfirmed (counts towards no coverage until confirmed: shindan confirm ID; a control's mark: --control NUMBER), ! = sources disagree. Details: shindan control ID NUMBER (e.g. C12); set one with: shindan control ID NUMBER STATUS",
        ),
        WIDTH,
    ));
    // Columns as wide as the longest status label and control number, so that none is cut.
    let status_w = S::ALL
        .iter()
        .map(|s| text::width(s.label(lang)))
        .max()
        .unwrap_or(0);
    let id_w = text::width(&format!("C{}", cov.catalog.controls.len()));
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
            let flag = if c.conflict {
                lang.pick("！", "!")
            } else {
                lang.pick("  ", " ")
            };
            let by = match c.control.by {
                By::Vendor => lang.pick("［事業者］", "[vendor] "),
                By::Hospital => "",
            };
            let head = format!(
                "{flag}{}{} {}",
                c.source.mark(c.carried, lang),
                text::pad(c.status.label(lang), status_w),
                text::pad(&cov.catalog.number(&c.control.id), id_w)
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
