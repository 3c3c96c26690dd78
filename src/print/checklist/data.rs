//! The hospital's form as Markdown and CSV for a person, and as JSON for a script (the one
//! place ids stay), and the vendor's blank form as Markdown.

use super::{device_cell, heads};
use crate::domain::checklist::view::RowStatus;
use crate::domain::checklist::{label, ChecklistView, Edition, Wording};
use crate::domain::record::checklist_answers::ItemAnswer;
use crate::domain::vendor_file::VendorFile;
use crate::domain::Lang;
use crate::print::md_cell;
use serde_json::json;
use std::fmt::Write;

/// The hospital's form as Markdown, for a wiki or a mail.
pub fn hospital_md(v: &ChecklistView, lang: Lang) -> String {
    let e = v.edition;
    let h = heads(lang);
    let mut out = format!(
        "# {}\n\n- {}: {}\n- {}: {}\n- {}: {}\n- {}: {}/{}, {}: {}/{}, {}: {}\n",
        e.title.get(lang),
        lang.pick("医療機関名", "Hospital"),
        v.hospital.as_deref().unwrap_or("—"),
        lang.pick("版", "Edition"),
        e.short_name(lang),
        lang.pick("記録ID", "Record"),
        v.record,
        lang.pick("必須項目", "Required items"),
        v.readiness.done,
        v.readiness.required,
        lang.pick("事業者確認用", "Vendor forms"),
        v.readiness.vendors_returned,
        v.readiness.vendors,
        lang.pick("準備", "Ready"),
        if v.readiness.ready {
            lang.pick("完了", "yes")
        } else {
            lang.pick("未完了", "no")
        },
    );
    // What is missing, as the HTML's readiness box lists it: number, device and section.
    if !v.readiness.missing.is_empty() {
        let _ = writeln!(out, "\n## {}\n", lang.pick("未完了", "Missing"));
        for m in &v.readiness.missing {
            let _ = writeln!(out, "- {}", md_cell(&m.message(lang)));
        }
    }
    for s in &v.sections {
        let _ = write!(
            out,
            "\n## {} {}\n\n| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|\n",
            s.def.number,
            s.def.text.get(lang),
            h.number,
            h.device,
            h.item,
            h.answer,
            h.checked,
            h.target,
        );
        for row in s.groups.iter().flat_map(|g| g.rows.iter()) {
            let a = row.latest();
            let mark = if row.item.wording == Wording::Unconfirmed {
                lang.pick(" ※未確認", " *unconfirmed")
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "| {} | {} | {}{mark} | {}{} | {} | {} |",
                md_cell(row.item.label()),
                device_cell(row.item, lang),
                md_cell(row.item.text.get(lang)),
                a.map(|a| a.answer.label(lang)).unwrap_or("—"),
                if row.conflict {
                    lang.pick(" ⚠食い違い", " !conflict")
                } else {
                    ""
                },
                a.map(|a| a.checked_on.to_string()).unwrap_or_default(),
                a.and_then(|a| a.target_on)
                    .map(|t| t.to_string())
                    .unwrap_or_default(),
            );
        }
    }
    if !v.conflicts.is_empty() {
        let _ = writeln!(out, "\n## {}\n", lang.pick("食い違い", "Conflicts"));
        for c in &v.conflicts {
            let _ = writeln!(
                out,
                "- {}: {} {} / {} ({}) {}",
                label::printed_id(e, &c.item, lang),
                lang.pick("医療機関", "hospital"),
                c.hospital.label(lang),
                c.vendor,
                c.system,
                c.vendor_answer.label(lang)
            );
        }
    }
    out
}

/// The vendor's blank form as Markdown.
pub fn vendor_md(edition: &Edition, file: &VendorFile, lang: Lang) -> String {
    let h = heads(lang);
    let mut out = format!(
        "# {} {}\n\n- {}: {}\n- {}: {}\n- {}: {}\n- {}: {} / {}\n- {}: {}\n\n| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|\n",
        edition.title.get(lang),
        lang.pick("【事業者確認用】", "[vendor form]"),
        lang.pick("医療機関名", "Hospital"),
        file.hospital,
        lang.pick("事業者名", "Vendor"),
        file.vendor,
        lang.pick("システム", "System"),
        file.system,
        lang.pick("記録ID・版", "Record, edition"),
        file.record,
        edition.short_name(lang),
        lang.pick("様式ID", "Form id"),
        file.form_id,
        h.number,
        h.item,
        h.answer,
        h.checked,
        h.target,
        h.note,
    );
    for i in &file.items {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            md_cell(&i.number),
            md_cell(&i.text),
            md_cell(&i.answer),
            md_cell(&i.checked_on),
            md_cell(&i.target_on),
            md_cell(&i.note)
        );
    }
    out
}

/// The hospital's form as CSV for Excel (UTF-8 with a BOM, CRLF): one row per item with the
/// first and the latest check.
pub fn hospital_csv(v: &ChecklistView, lang: Lang) -> Vec<u8> {
    let mut w = crate::excel::ExcelCsv::new();
    // The header in the form's words (its two check columns 1回目・2回目), never keys.
    let (first, second) = (
        lang.pick("1回目", "1st check"),
        lang.pick("2回目", "2nd check"),
    );
    let h = heads(lang);
    let of = |head: &str, check: &str| match lang {
        Lang::Ja => format!("{head}（{check}）"),
        Lang::En => format!("{head} ({check})"),
    };
    w.row([
        lang.pick("区分", "Section").to_string(),
        h.number.to_string(),
        h.device.to_string(),
        h.item.to_string(),
        of(h.answer, first),
        of(h.checked, first),
        of(h.target, first),
        of(h.answer, second),
        of(h.checked, second),
        of(h.target, second),
        lang.pick("確認回数", "Checks").to_string(),
        h.note.to_string(),
        lang.pick("食い違い", "Conflict").to_string(),
        lang.pick("状態", "Status").to_string(),
    ]);
    for row in v.rows() {
        let h = &row.history;
        let first = h.first();
        let last = if h.len() > 1 { h.last() } else { None };
        let ans = |a: Option<&ItemAnswer>| {
            a.map(|a| a.answer.label(lang).to_string())
                .unwrap_or_default()
        };
        let chk = |a: Option<&ItemAnswer>| a.map(|a| a.checked_on.to_string()).unwrap_or_default();
        let tgt = |a: Option<&ItemAnswer>| {
            a.and_then(|a| a.target_on)
                .map(|t| t.to_string())
                .unwrap_or_default()
        };
        w.row([
            row.item.section.to_string(),
            row.item.printed(lang),
            device_cell(row.item, lang).to_string(),
            row.item.text.get(lang).to_string(),
            ans(first),
            chk(first),
            tgt(first),
            ans(last),
            chk(last),
            tgt(last),
            h.len().to_string(),
            row.latest()
                .and_then(|a| a.note.clone())
                .unwrap_or_default(),
            if row.conflict {
                lang.pick("食い違い", "conflict")
            } else {
                ""
            }
            .to_string(),
            match row.status {
                RowStatus::Done => lang.pick("完了", "done"),
                RowStatus::Missing(_) => lang.pick("未完了", "missing"),
                RowStatus::NotRequired => lang.pick("対象外", "not required"),
            }
            .to_string(),
        ]);
    }
    w.finish()
}

/// The hospital's form as JSON: every check of every item, the vendors' answers, conflicts.
pub fn hospital_json(v: &ChecklistView, lang: Lang) -> serde_json::Value {
    let items: Vec<serde_json::Value> = v
        .rows()
        .map(|row| {
            json!({
                "id": row.item.id,
                "section": row.item.section,
                "number": row.item.number,
                "device": row.item.device.map(|d| d.id()),
                "text": row.item.text.get(lang),
                "wording": row.item.wording,
                "required": row.required,
                "checks": row.history,
                "vendors": row.vendors.iter().map(|c| json!({
                    "vendor": c.vendor,
                    "system": c.system,
                    "answer": c.answer.as_ref().map(|a| a.answer),
                    "checked_on": c.answer.as_ref().map(|a| a.checked_on),
                    "target_on": c.answer.as_ref().and_then(|a| a.target_on),
                })).collect::<Vec<_>>(),
                "conflict": row.conflict,
            })
        })
        .collect();
    json!({
        "record": v.record,
        "hospital": v.hospital,
        "edition": v.edition.id,
        "ready": v.readiness.ready,
        "missing": v.readiness.missing_items(),
        "items": items,
    })
}
