//! The checklist part of `shindan check`: how ready the MHLW checklist is for the 立入検査 —
//! required items done, what is missing, vendors that disagree, the nearest target dates. It
//! lays out what [`ChecklistSummary`] kept.

use super::Block;
use crate::domain::overview::ChecklistSummary;
use crate::domain::record::checklist_answers::YesNo;
use crate::domain::{Lang, Text};
use crate::text;
use serde_json::{json, Value};

const WIDTH: usize = 80;
/// Missing items, conflicts and targets listed before "and N more".
const LISTED: usize = 5;

pub fn block(summary: Option<&ChecklistSummary>, lang: Lang) -> Block {
    let Some(c) = summary else {
        return Block {
            text: vec![
                title(None, lang),
                lang.pick(
                    "チェックリストの版がありません。",
                    "No checklist edition is known.",
                )
                .to_string(),
            ],
            json: vec![("checklist", Value::Null)],
        };
    };
    Block {
        text: text_lines(c, lang),
        json: vec![("checklist", checklist_json(c, lang))],
    }
}

fn title(c: Option<&ChecklistSummary>, lang: Lang) -> String {
    let name = c.map(|c| c.edition_name.get(lang)).unwrap_or("");
    text::truncate(
        &match lang {
            Lang::Ja => format!("■ 厚労省チェックリスト（{name}）の準備状況"),
            Lang::En => format!("■ MHLW checklist ({name}): readiness"),
        },
        WIDTH,
    )
}

fn yes_no(a: YesNo, lang: Lang) -> &'static str {
    match a {
        YesNo::Yes => lang.pick("はい", "yes"),
        YesNo::No => lang.pick("いいえ", "no"),
    }
}

fn text_lines(c: &ChecklistSummary, lang: Lang) -> Vec<String> {
    let mut out = vec![title(Some(c), lang)];
    if c.not_started() {
        let how = Text {
            ja: "shindan checklist answer".into(),
            en: "shindan checklist answer".into(),
        };
        for m in c.missing_text(&how) {
            out.extend(text::wrap(m.get(lang), WIDTH));
        }
        return out;
    }
    let gauge = gauge(c.done, c.required, 20);
    let ready = if c.ready {
        lang.pick("準備完了", "ready")
    } else {
        lang.pick("未完了", "not ready")
    };
    out.push(match lang {
        Lang::Ja => format!(
            "必須 {}/{} 項目 {gauge}  事業者の回答 {}/{}  {ready}",
            c.done,
            c.required,
            c.vendors - c.vendors_missing.len(),
            c.vendors
        ),
        Lang::En => format!(
            "Required {}/{} items {gauge}  vendor forms {}/{}  {ready}",
            c.done,
            c.required,
            c.vendors - c.vendors_missing.len(),
            c.vendors
        ),
    });
    if !c.missing.is_empty() {
        let list: Vec<String> = c
            .missing
            .iter()
            .take(LISTED)
            .map(|m| format!("{} {}", m.place(lang), m.gap.get(lang)))
            .collect();
        let more = c.missing.len().saturating_sub(LISTED);
        let mut s = format!(
            "{}{}",
            lang.pick("未完了：", "Missing: "),
            list.join(lang.pick("、", "; "))
        );
        if more > 0 {
            s.push_str(&match lang {
                Lang::Ja => format!("（ほか{more}項目）"),
                Lang::En => format!(" (and {more} more)"),
            });
        }
        out.extend(text::wrap(&s, WIDTH));
    }
    for (vendor, system, sent) in &c.vendors_missing {
        let carried = c
            .vendors_carried
            .iter()
            .any(|(v, s)| v == vendor && s == system);
        out.extend(text::wrap(
            &match (lang, sent) {
                _ if carried => match lang {
                    Lang::Ja => {
                        format!("昨年の返却分のみ・未確認：{vendor}（{system}）の事業者確認用")
                    }
                    Lang::En => {
                        format!("Only last year's, unconfirmed: {vendor} ({system}) vendor form")
                    }
                },
                (Lang::Ja, true) => format!("未返却：{vendor}（{system}）の事業者確認用"),
                (Lang::Ja, false) => format!("未送付：{vendor}（{system}）の事業者確認用"),
                (Lang::En, true) => format!("Not returned: {vendor} ({system}) vendor form"),
                (Lang::En, false) => format!("Not sent: {vendor} ({system}) vendor form"),
            },
            WIDTH,
        ));
    }
    for k in c.conflicts.iter().take(LISTED) {
        out.extend(text::wrap(
            &match lang {
                Lang::Ja => format!(
                    "食い違い：{} 貴院{}・{}（{}）{}",
                    k.label.ja,
                    yes_no(k.hospital, lang),
                    k.vendor,
                    k.system,
                    yes_no(k.vendor_answer, lang)
                ),
                Lang::En => format!(
                    "Conflict: {} you {}, {} ({}) {}",
                    k.label.en,
                    yes_no(k.hospital, lang),
                    k.vendor,
                    k.system,
                    yes_no(k.vendor_answer, lang)
                ),
            },
            WIDTH,
        ));
    }
    if !c.targets.is_empty() {
        out.push(lang.pick("目標日：", "Target dates:").to_string());
        for t in c.targets.iter().take(LISTED) {
            let late = if t.overdue {
                lang.pick("［期限切れ］", " [past due]")
            } else {
                ""
            };
            out.push(text::truncate(
                &format!(
                    "  {} {}{late} {}",
                    t.on,
                    t.label.get(lang),
                    t.text.get(lang)
                ),
                WIDTH,
            ));
        }
        let more = c.targets.len().saturating_sub(LISTED);
        if more > 0 {
            out.push(match lang {
                Lang::Ja => format!("  ほか{more}件"),
                Lang::En => format!("  and {more} more"),
            });
        }
    }
    out
}

/// `[########............]`: done of all, in plain ASCII for any terminal.
fn gauge(done: usize, of: usize, cols: usize) -> String {
    let filled = (done * cols).checked_div(of).unwrap_or(cols);
    format!("[{}{}]", "#".repeat(filled), ".".repeat(cols - filled))
}

fn checklist_json(c: &ChecklistSummary, lang: Lang) -> Value {
    json!({
        "edition": c.edition,
        "required": c.required,
        "done": c.done,
        "unanswered": c.unanswered,
        "ready": c.ready,
        "missing": c.missing.iter().map(|m| json!({
            "item": m.item, "label": m.label, "gap": m.gap.get(lang),
        })).collect::<Vec<_>>(),
        "vendors": c.vendors,
        "vendors_missing": c.vendors_missing.iter().map(|(v, s, sent)| json!({
            "vendor": v, "system": s, "sent": sent,
        })).collect::<Vec<_>>(),
        "conflicts": c.conflicts.iter().map(|k| json!({
            "item": k.item, "label": k.label, "vendor": k.vendor, "system": k.system,
            "hospital": k.hospital, "vendor_answer": k.vendor_answer,
        })).collect::<Vec<_>>(),
        "targets": c.targets.iter().map(|t| json!({
            "item": t.item, "label": t.label, "on": t.on, "overdue": t.overdue,
        })).collect::<Vec<_>>(),
    })
}
