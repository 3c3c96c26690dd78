//! The checklist as printed for the 立入検査: the hospital's 医療機関確認用 (each item with
//! はい/いいえ, 確認日 and 目標日 for the 1st and 2nd check), then each vendor's 事業者確認用,
//! then the conflicts on a page of their own, then the evidence hashes. Also the blank vendor
//! form for mailing; Markdown / CSV / JSON of the hospital's form are in [`data`]. Items are
//! named by their printed numbers (2④ with the device in its own column), never by id.

mod data;

pub use data::{hospital_csv, hospital_json, hospital_md, vendor_md};

use super::page::{document, escape};
use crate::domain::checklist::answers::{ItemAnswer, YesNo};
use crate::domain::checklist::vendor_file::VendorFile;
use crate::domain::checklist::view::{Row, RowStatus};
use crate::domain::checklist::{label, ChecklistView, Edition, Editions, Form, Item, Wording};
use crate::domain::Lang;
use chrono::NaiveDate;
use std::fmt::Write;

fn boxes(a: Option<YesNo>, lang: Lang) -> String {
    let (y, n) = (lang.pick("はい", "Yes"), lang.pick("いいえ", "No"));
    match a {
        Some(YesNo::Yes) => format!("<span class=\"mark\">■{y}</span><br>□{n}"),
        Some(YesNo::No) => format!("□{y}<br><span class=\"mark\">■{n}</span>"),
        None => format!("□{y}<br>□{n}"),
    }
}

fn unconfirmed_mark(item: &Item, lang: Lang) -> String {
    match item.wording {
        Wording::Unconfirmed => format!(
            " <span class=\"unconfirmed\">※{}</span>",
            lang.pick("未確認", "unconfirmed")
        ),
        Wording::Confirmed => String::new(),
    }
}

fn device_cell(item: &Item, lang: Lang) -> String {
    item.device
        .map(|d| d.label(lang).to_string())
        .unwrap_or_default()
}

/// The two check columns: the first check and the latest (the form has two; a third check
/// replaces the second, and its number is printed).
fn check_cells(history: &[ItemAnswer], lang: Lang) -> String {
    let shown: Vec<(usize, &ItemAnswer)> = match history.len() {
        0 => Vec::new(),
        1 => vec![(1, &history[0])],
        n => vec![(1, &history[0]), (n, &history[n - 1])],
    };
    let mut out = String::new();
    for slot in 0..2 {
        match shown.get(slot) {
            Some((n, a)) => {
                let ordinal = if *n > 2 {
                    format!(
                        "<br><span class=\"small\">{}</span>",
                        lang.pick(&format!("{n}回目"), &format!("check {n}"))
                    )
                } else {
                    String::new()
                };
                let carried = if a.carried.is_some() {
                    format!(
                        "<br><span class=\"small\">{}</span>",
                        lang.pick("前版から引継ぎ", "carried over")
                    )
                } else {
                    String::new()
                };
                let _ = write!(
                    out,
                    "<td class=\"ans\">{}{ordinal}{carried}</td><td class=\"date\">{}</td><td class=\"date\">{}</td>",
                    boxes(Some(a.answer), lang),
                    a.checked_on,
                    a.target_on.map(|t| t.to_string()).unwrap_or_default()
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<td class=\"ans\">{}</td><td class=\"date\"></td><td class=\"date\"></td>",
                    boxes(None, lang)
                );
            }
        }
    }
    out
}

fn meta_table(rows: &[(&str, String)]) -> String {
    let mut out = String::from("<table class=\"meta\">");
    for (k, v) in rows {
        let _ = write!(
            out,
            "<tr><td class=\"k\">{}</td><td>{}</td></tr>",
            escape(k),
            v
        );
    }
    out.push_str("</table>\n");
    out
}

fn notes_footer(edition: &Edition, items: &[&Item], lang: Lang) -> String {
    let mut out = String::from("<div class=\"foot\">");
    for i in items.iter().filter(|i| i.wording == Wording::Unconfirmed) {
        let why = i
            .unconfirmed
            .as_ref()
            .map(|t| t.get(lang).to_string())
            .unwrap_or_default();
        let _ = write!(
            out,
            "<div>※ {}: {}</div>",
            escape(&i.printed(lang)),
            escape(&why)
        );
    }
    for n in &edition.notes {
        let _ = write!(out, "<div>※ {}</div>", escape(n.get(lang)));
    }
    out.push_str("</div>\n");
    out
}

/// The inspection set for a record: hospital form, vendor forms, conflicts, evidence.
pub fn hospital_html(v: &ChecklistView, lang: Lang, printed_on: NaiveDate) -> String {
    let e = v.edition;
    let hospital = v.hospital.clone().unwrap_or_else(|| "—".into());
    let mut body = String::new();
    // ---- the hospital's form ----
    body.push_str("<section class=\"page\">\n");
    let _ = writeln!(
        body,
        "<h1>{}<br><span class=\"sub\">{}</span></h1>",
        escape(e.title.get(lang)),
        lang.pick("【医療機関確認用】", "[Hospital's form / 医療機関確認用]")
    );
    body.push_str(&meta_table(&[
        (lang.pick("医療機関名", "Hospital"), escape(&hospital)),
        (lang.pick("版", "Edition"), escape(&e.short_name(lang))),
        (lang.pick("記録ID", "Record"), escape(&v.record)),
        (lang.pick("印刷日", "Printed"), printed_on.to_string()),
    ]));
    let r = &v.readiness;
    let status = if r.ready {
        lang.pick(
            "立入検査の準備：完了（必須項目はすべて確認日付きで回答済み、「いいえ」には目標日、事業者確認用はすべて返却済み）",
            "Ready for inspection: every required item answered with its date, every “no” with a target date, every vendor form returned.",
        )
        .to_string()
    } else {
        lang.pick("立入検査の準備：未完了", "Not ready for inspection")
            .to_string()
    };
    let _ = write!(
        body,
        "<div class=\"status{}\"><b>{}</b><br>{} {}/{} &nbsp; {} {}/{} &nbsp; {} {}",
        if r.ready { " ok" } else { "" },
        escape(&status),
        lang.pick("必須項目", "Required items"),
        r.done,
        r.required,
        lang.pick("事業者確認用", "Vendor forms"),
        r.vendors_returned,
        r.vendors,
        lang.pick("食い違い", "Conflicts"),
        v.conflicts.len()
    );
    if !r.missing.is_empty() {
        body.push_str("<ul class=\"small\">");
        for m in &r.missing {
            let _ = write!(body, "<li>{}</li>", escape(&m.message(lang)));
        }
        body.push_str("</ul>");
    }
    body.push_str("</div>\n");
    if let Some(c) = &v.carry {
        let _ = write!(
            body,
            "<div class=\"note\">{}",
            escape(lang.pick(
                &format!("{} の回答を引き継いでいます。統合：", c.from),
                &format!("Answers carried over from {}. Merges:", c.from),
            ))
        );
        for m in &c.merges {
            let _ = write!(
                body,
                "<br>・{}",
                escape(&m.describe(Editions::shipped(), e, lang))
            );
        }
        body.push_str("</div>\n");
    }
    let (c1, c2) = (
        lang.pick("1回目", "1st check"),
        lang.pick("2回目", "2nd check"),
    );
    let (ans, chk, tgt) = (
        lang.pick("回答", "Answer"),
        lang.pick("確認日", "Checked"),
        lang.pick("目標日", "Target"),
    );
    let _ = write!(
        body,
        "<table class=\"form\">\n<colgroup><col style=\"width:10mm\"><col style=\"width:15mm\"><col><col style=\"width:15mm\"><col style=\"width:16mm\"><col style=\"width:16mm\"><col style=\"width:15mm\"><col style=\"width:16mm\"><col style=\"width:16mm\"></colgroup>\n<thead><tr><th rowspan=\"2\" class=\"num\">{}</th><th rowspan=\"2\" class=\"dev\">{}</th><th rowspan=\"2\">{}</th><th colspan=\"3\">{c1}</th><th colspan=\"3\">{c2}</th></tr>\n<tr><th>{ans}</th><th>{chk}</th><th>{tgt}</th><th>{ans}</th><th>{chk}</th><th>{tgt}</th></tr></thead>\n<tbody>\n",
        lang.pick("番号", "No."),
        lang.pick("対象", "Devices"),
        lang.pick("確認項目", "Item"),
    );
    for s in &v.sections {
        let _ = writeln!(
            body,
            "<tr class=\"sec\"><td colspan=\"9\">{} {}</td></tr>",
            s.def.number,
            escape(s.def.text.get(lang))
        );
        for g in &s.groups {
            for row in &g.rows {
                body.push_str(&hospital_row(row, lang));
            }
        }
    }
    body.push_str("</tbody></table>\n");
    let items: Vec<&Item> = e.items_on(Form::Hospital).collect();
    body.push_str(&notes_footer(e, &items, lang));
    body.push_str("</section>\n");
    // ---- each vendor's form ----
    for vs in &v.vendors {
        body.push_str("<section class=\"page\">\n");
        let _ = writeln!(
            body,
            "<h1>{}<br><span class=\"sub\">{}</span></h1>",
            escape(e.title.get(lang)),
            lang.pick("【事業者確認用】", "[Vendor's form / 事業者確認用]")
        );
        body.push_str(&meta_table(&[
            (lang.pick("医療機関名", "Hospital"), escape(&hospital)),
            (lang.pick("事業者名", "Vendor"), escape(&vs.vendor)),
            (lang.pick("システム", "System"), escape(&vs.system)),
            (
                lang.pick("送付日", "Sent"),
                vs.sent_on
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "—".into()),
            ),
            (
                lang.pick("受領日", "Returned"),
                vs.returned_on
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| lang.pick("未返却", "not returned").to_string()),
            ),
        ]));
        let _ = write!(
            body,
            "<table class=\"form\">\n<colgroup><col style=\"width:10mm\"><col style=\"width:15mm\"><col><col style=\"width:15mm\"><col style=\"width:16mm\"><col style=\"width:16mm\"><col style=\"width:34mm\"></colgroup>\n<thead><tr><th class=\"num\">{}</th><th class=\"dev\">{}</th><th>{}</th><th>{ans}</th><th>{chk}</th><th>{tgt}</th><th>{}</th></tr></thead>\n<tbody>\n",
            lang.pick("番号", "No."),
            lang.pick("対象", "Devices"),
            lang.pick("確認項目", "Item"),
            lang.pick("備考", "Note"),
        );
        let mut vendor_items = Vec::new();
        for row in v.rows().filter(|r| r.item.on(Form::Vendor)) {
            vendor_items.push(row.item);
            let cell = row
                .vendors
                .iter()
                .find(|c| c.vendor == vs.vendor && c.system == vs.system);
            let a = cell.and_then(|c| c.answer.as_ref());
            let conflict = a.is_some_and(|a| {
                !row.item.vendor_self && row.latest().is_some_and(|h| h.answer != a.answer)
            });
            let _ = writeln!(
                body,
                "<tr{}><td class=\"num\">{}</td><td class=\"dev\">{}</td><td>{}{}</td><td class=\"ans\">{}</td><td class=\"date\">{}</td><td class=\"date\">{}</td><td class=\"small\">{}</td></tr>",
                if conflict { " class=\"conflict\"" } else { "" },
                escape(row.item.label()),
                escape(&device_cell(row.item, lang)),
                escape(row.item.text_for(Form::Vendor).get(lang)),
                unconfirmed_mark(row.item, lang),
                boxes(a.map(|a| a.answer), lang),
                a.map(|a| a.checked_on.to_string()).unwrap_or_default(),
                a.and_then(|a| a.target_on).map(|t| t.to_string()).unwrap_or_default(),
                escape(a.and_then(|a| a.note.as_deref()).unwrap_or("")),
            );
        }
        body.push_str("</tbody></table>\n");
        body.push_str(&notes_footer(e, &vendor_items, lang));
        body.push_str("</section>\n");
    }
    // ---- conflicts ----
    body.push_str("<section class=\"page\">\n");
    let _ = writeln!(
        body,
        "<h2>{}</h2>\n<p class=\"small\">{}</p>",
        lang.pick(
            "医療機関と事業者の回答の食い違い",
            "Where the hospital and a vendor disagree"
        ),
        lang.pick(
            "立入検査の前に、事業者と確認してください。",
            "Settle these with the vendor before the inspection."
        )
    );
    if v.conflicts.is_empty() {
        let _ = writeln!(
            body,
            "<p>{}</p>",
            lang.pick("食い違いはありません。", "No conflicts.")
        );
    } else {
        let _ = write!(
            body,
            "<table class=\"form\">\n<colgroup><col style=\"width:10mm\"><col><col style=\"width:16mm\"><col style=\"width:36mm\"><col style=\"width:16mm\"><col style=\"width:40mm\"></colgroup>\n<thead><tr><th class=\"num\">{}</th><th>{}</th><th class=\"ans\">{}</th><th>{}</th><th class=\"ans\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            lang.pick("番号", "No."),
            lang.pick("確認項目", "Item"),
            lang.pick("医療機関", "Hospital"),
            lang.pick("事業者（システム）", "Vendor (system)"),
            lang.pick("事業者", "Vendor"),
            lang.pick("事業者の備考", "Vendor's note"),
        );
        for c in &v.conflicts {
            let item = e.item(&c.item);
            let _ = writeln!(
                body,
                "<tr class=\"conflict\"><td class=\"num\">{}</td><td>{}{}</td><td class=\"ans\">{}</td><td>{} ({})</td><td class=\"ans\">{}</td><td class=\"small\">{}</td></tr>",
                escape(item.map(|i| i.label()).unwrap_or("")),
                escape(item.map(|i| i.text.get(lang)).unwrap_or("")),
                item.map(|i| device_suffix(i, lang)).unwrap_or_default(),
                c.hospital.label(lang),
                escape(&c.vendor),
                escape(&c.system),
                c.vendor_answer.label(lang),
                escape(c.vendor_note.as_deref().unwrap_or("")),
            );
        }
        body.push_str("</tbody></table>\n");
    }
    body.push_str("</section>\n");
    // ---- evidence ----
    body.push_str("<section class=\"page\">\n");
    let _ = writeln!(
        body,
        "<h2>{}</h2>\n<p class=\"small\">{}</p>",
        lang.pick("根拠資料とハッシュ値", "Evidence and hashes"),
        lang.pick(
            "回答時に記録したファイルの SHA-256 とサイズ。「記録後に変更あり」は、その後ファイルが書き換えられたことを示します。",
            "The SHA-256 and size of each file as recorded with the answer; “changed since recorded” means the file was rewritten afterwards."
        )
    );
    if v.evidence.is_empty() && v.vendors.iter().all(|s| s.file_sha256.is_none()) {
        let _ = writeln!(
            body,
            "<p>{}</p>",
            lang.pick("根拠資料の記録はありません。", "No evidence recorded.")
        );
    } else {
        let _ = write!(
            body,
            "<table class=\"form\">\n<colgroup><col style=\"width:30mm\"><col style=\"width:50mm\"><col><col style=\"width:14mm\"><col style=\"width:22mm\"></colgroup>\n<thead><tr><th>{}</th><th>{}</th><th>SHA-256</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            lang.pick("項目", "Item"),
            lang.pick("ファイル", "File"),
            lang.pick("サイズ", "Size"),
            lang.pick("現在", "Now"),
        );
        for ev in &v.evidence {
            let _ = writeln!(
                body,
                "<tr><td class=\"small\">{} {}</td><td class=\"small\">{}</td><td class=\"mono\">{}</td><td class=\"small\">{}</td><td class=\"small\">{}</td></tr>",
                escape(&label::printed_id(e, &ev.item, lang)),
                escape(lang.pick(&format!("（{}回目）", ev.check), &format!("(check {})", ev.check))),
                escape(&ev.evidence.path),
                escape(&ev.evidence.sha256),
                ev.evidence.size,
                ev.state.label(lang),
            );
        }
        for vs in &v.vendors {
            if let Some(sha) = &vs.file_sha256 {
                let _ = writeln!(
                    body,
                    "<tr><td class=\"small\">{}</td><td class=\"small\">{} ({})</td><td class=\"mono\">{}</td><td></td><td></td></tr>",
                    lang.pick("事業者確認用", "Vendor form"),
                    escape(&vs.vendor),
                    escape(&vs.system),
                    escape(sha),
                );
            }
        }
        body.push_str("</tbody></table>\n");
    }
    body.push_str("</section>\n");
    document(
        lang,
        &format!("{} — {}", e.title.get(lang), hospital),
        &body,
    )
}

fn device_suffix(item: &Item, lang: Lang) -> String {
    item.device
        .map(|d| {
            format!(
                " <span class=\"small\">（{}）</span>",
                escape(d.label(lang))
            )
        })
        .unwrap_or_default()
}

fn hospital_row(row: &Row, lang: Lang) -> String {
    let item = row.item;
    let mut text = escape(item.text.get(lang));
    text.push_str(&unconfirmed_mark(item, lang));
    if let Some(by) = item.target_by {
        let _ = write!(
            text,
            " <span class=\"small\">({} {by})</span>",
            lang.pick("期限", "deadline")
        );
    }
    if row.status == RowStatus::NotRequired {
        let _ = write!(
            text,
            " <span class=\"small\">（{}）</span>",
            lang.pick("対象外", "not required")
        );
    }
    if let Some(note) = row.latest().and_then(|a| a.note.as_deref()) {
        let _ = write!(text, "<br><span class=\"note\">{}</span>", escape(note));
    }
    if row.conflict {
        let _ = write!(
            text,
            "<br><span class=\"small\"><b>{}</b></span>",
            lang.pick(
                "⚠ 事業者の回答と食い違いあり",
                "! a vendor answered otherwise"
            )
        );
    }
    format!(
        "<tr><td class=\"num\">{}</td><td class=\"dev\">{}</td><td>{text}</td>{}</tr>\n",
        escape(item.label()),
        escape(&device_cell(item, lang)),
        check_cells(&row.history, lang)
    )
}

/// The blank 事業者確認用 for a vendor, to print or attach to a mail beside the JSON/CSV.
pub fn vendor_blank_html(
    edition: &Edition,
    file: &VendorFile,
    hospital: &str,
    lang: Lang,
) -> String {
    let mut body = String::from("<section class=\"page\">\n");
    let _ = writeln!(
        body,
        "<h1>{}<br><span class=\"sub\">{}</span></h1>",
        escape(edition.title.get(lang)),
        lang.pick("【事業者確認用】", "[Vendor's form / 事業者確認用]")
    );
    body.push_str(&meta_table(&[
        (lang.pick("医療機関名", "Hospital"), escape(hospital)),
        (lang.pick("事業者名", "Vendor"), escape(&file.vendor)),
        (lang.pick("システム", "System"), escape(&file.system)),
        (
            lang.pick("記録ID・版", "Record, edition"),
            format!(
                "{} / {}",
                escape(&file.record),
                escape(&edition.short_name(lang))
            ),
        ),
        (lang.pick("様式ID", "Form id"), escape(&file.form_id)),
        (lang.pick("送付日", "Sent"), escape(&file.sent_on)),
    ]));
    body.push_str("<ul class=\"small\">");
    for line in &file.instructions {
        let _ = write!(body, "<li>{}</li>", escape(line));
    }
    body.push_str("</ul>\n");
    let _ = write!(
        body,
        "<table class=\"form\">\n<colgroup><col style=\"width:10mm\"><col style=\"width:15mm\"><col><col style=\"width:15mm\"><col style=\"width:18mm\"><col style=\"width:18mm\"><col style=\"width:30mm\"></colgroup>\n<thead><tr><th class=\"num\">{}</th><th class=\"dev\">{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        lang.pick("番号", "No."),
        lang.pick("対象", "Devices"),
        lang.pick("確認項目", "Item"),
        lang.pick("回答", "Answer"),
        lang.pick("確認日", "Checked"),
        lang.pick("目標日", "Target"),
        lang.pick("備考", "Note"),
    );
    let items: Vec<&Item> = edition.items_on(Form::Vendor).collect();
    for item in &items {
        let _ = writeln!(
            body,
            "<tr><td class=\"num\">{}</td><td class=\"dev\">{}</td><td>{}{}</td><td class=\"ans\">{}</td><td class=\"date\"></td><td class=\"date\"></td><td></td></tr>",
            escape(item.label()),
            escape(&device_cell(item, lang)),
            escape(item.text_for(Form::Vendor).get(lang)),
            unconfirmed_mark(item, lang),
            boxes(None, lang),
        );
    }
    body.push_str("</tbody></table>\n");
    if !file.controls.is_empty() {
        let _ = write!(
            body,
            "<h2>{}</h2>\n<table class=\"form\">\n<thead><tr><th class=\"num\">{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            lang.pick("お尋ねしたい対策", "Controls we ask you about"),
            lang.pick("番号", "No."),
            lang.pick("対策", "Control"),
            lang.pick("状況", "Status"),
            lang.pick("備考", "Note"),
        );
        let choices = lang.pick(
            "□実施済み □一部実施 □未実施 □対象外",
            "□in place □partial □missing □not applicable",
        );
        for c in &file.controls {
            let _ = writeln!(
                body,
                "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"small\">{choices}</td><td></td></tr>",
                escape(&c.number),
                escape(&c.text),
            );
        }
        body.push_str("</tbody></table>\n");
    }
    body.push_str(&notes_footer(edition, &items, lang));
    body.push_str("</section>\n");
    document(
        lang,
        &format!("{} — {}", edition.title.get(lang), file.vendor),
        &body,
    )
}
