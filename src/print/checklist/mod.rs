//! The checklist as printed for the 立入検査: the hospital's 医療機関確認用 (each item with
//! はい/いいえ, 確認日 and 目標日 for the 1st and 2nd check), then each vendor's 事業者確認用,
//! then the conflicts on a page of their own, then the evidence hashes. Also the blank vendor
//! form for mailing; Markdown / CSV / JSON of the hospital's form are in [`data`]. Items are
//! named by their printed numbers (2④ with the device in its own column), never by id.

mod data;

pub use data::{hospital_csv, hospital_json, hospital_md, vendor_md};

use super::page::{document, meta, section};
use crate::domain::checklist::view::{Row, RowStatus, VendorStatus};
use crate::domain::checklist::{label, ChecklistView, Edition, Editions, Form, Item, Wording};
use crate::domain::record::checklist_answers::{ItemAnswer, YesNo};
use crate::domain::vendor_file::VendorFile;
use crate::domain::Lang;
use chrono::NaiveDate;
use maud::{html, Markup};

/// The はい/いいえ pair with the chosen one marked ■, as the paper form has it.
fn boxes(a: Option<YesNo>, lang: Lang) -> Markup {
    let (y, n) = (lang.pick("はい", "Yes"), lang.pick("いいえ", "No"));
    html! {
        @match a {
            Some(YesNo::Yes) => { span.mark { "■" (y) } br; "□" (n) }
            Some(YesNo::No) => { "□" (y) br; span.mark { "■" (n) } }
            None => { "□" (y) br; "□" (n) }
        }
    }
}

fn unconfirmed_mark(item: &Item, lang: Lang) -> Markup {
    html! {
        @if item.wording == Wording::Unconfirmed {
            " " span.unconfirmed { "※" (lang.pick("未確認", "unconfirmed")) }
        }
    }
}

/// The device an item is asked for (2④ サーバ), empty for an item asked once.
pub(super) fn device_cell(item: &Item, lang: Lang) -> &'static str {
    item.device.map(|d| d.label(lang)).unwrap_or_default()
}

/// The column headings the printed forms share, worded the same on paper and in Markdown.
pub(super) struct Heads {
    pub number: &'static str,
    pub device: &'static str,
    pub item: &'static str,
    pub answer: &'static str,
    pub checked: &'static str,
    pub target: &'static str,
    pub note: &'static str,
}

pub(super) fn heads(lang: Lang) -> Heads {
    Heads {
        number: lang.pick("番号", "No."),
        device: lang.pick("対象", "Devices"),
        item: lang.pick("確認項目", "Item"),
        answer: lang.pick("回答", "Answer"),
        checked: lang.pick("確認日", "Checked"),
        target: lang.pick("目標日", "Target"),
        note: lang.pick("備考", "Note"),
    }
}

/// A form's column widths (`None`: the column that takes what is left).
fn colgroup(widths: &[Option<&str>]) -> Markup {
    html! {
        colgroup { @for w in widths { col style=[w.map(|w| format!("width:{w}"))]; } }
    }
}

/// The form's title with which form it is under it (【医療機関確認用】, 【事業者確認用】).
fn form_title(edition: &Edition, sub: &str, lang: Lang) -> Markup {
    html! { h1 { (edition.title.get(lang)) br; span.sub { (sub) } } }
}

fn vendor_form_sub(lang: Lang) -> &'static str {
    lang.pick("【事業者確認用】", "[Vendor's form / 事業者確認用]")
}

/// The head of a vendor's form, blank or returned.
fn vendor_thead(h: &Heads) -> Markup {
    html! {
        thead {
            tr {
                th.num { (h.number) } th.dev { (h.device) } th { (h.item) }
                th { (h.answer) } th { (h.checked) } th { (h.target) } th { (h.note) }
            }
        }
    }
}

/// An item's number, device and text as the vendor's form words it.
fn vendor_item_cells(item: &Item, lang: Lang) -> Markup {
    html! {
        td.num { (item.label()) }
        td.dev { (device_cell(item, lang)) }
        td { (item.text_for(Form::Vendor).get(lang)) (unconfirmed_mark(item, lang)) }
    }
}

/// The two check columns: the first check and the latest (the form has two; a third check
/// replaces the second, and its number is printed).
fn check_cells(history: &[ItemAnswer], lang: Lang) -> Markup {
    let shown: Vec<(usize, &ItemAnswer)> = match history.len() {
        0 => Vec::new(),
        1 => vec![(1, &history[0])],
        n => vec![(1, &history[0]), (n, &history[n - 1])],
    };
    html! {
        @for slot in 0..2 {
            @match shown.get(slot) {
                Some((n, a)) => {
                    td.ans {
                        (boxes(Some(a.answer), lang))
                        @if *n > 2 {
                            br;
                            span.small { (lang.pick_with(|| format!("{n}回目"), || format!("check {n}")).as_str()) }
                        }
                        @if a.carried.is_some() {
                            br;
                            span.small { (lang.pick("前版から引継ぎ", "carried over")) }
                        }
                    }
                    td.date { (a.checked_on) }
                    td.date { @if let Some(t) = a.target_on { (t) } }
                }
                None => { td.ans { (boxes(None, lang)) } td.date {} td.date {} }
            }
        }
    }
}

fn notes_footer(edition: &Edition, items: &[&Item], lang: Lang) -> Markup {
    html! {
        div.foot {
            @for i in items.iter().filter(|i| i.wording == Wording::Unconfirmed) {
                div {
                    "※ " (i.printed(lang)) ": "
                    @if let Some(t) = &i.unconfirmed { (t.get(lang)) }
                }
            }
            @for n in &edition.notes { div { "※ " (n.get(lang)) } }
        }
    }
}

/// The inspection set for a record: hospital form, vendor forms, conflicts, evidence.
pub fn hospital_html(v: &ChecklistView, lang: Lang, printed_on: NaiveDate) -> String {
    let hospital = v.hospital.as_deref().unwrap_or("—");
    let body = html! {
        (section("page", hospital_form(v, hospital, lang, printed_on)))
        @for vs in &v.vendors {
            (section("page", vendor_form(v, vs, hospital, lang)))
        }
        (section("page", conflicts(v, lang)))
        (section("page", evidence(v, lang)))
    };
    document(
        lang,
        &format!("{} — {}", v.edition.title.get(lang), hospital),
        "",
        body,
    )
}

/// The 医療機関確認用: readiness, what is missing, then every item with its two checks.
fn hospital_form(v: &ChecklistView, hospital: &str, lang: Lang, printed_on: NaiveDate) -> Markup {
    let e = v.edition;
    let r = &v.readiness;
    let h = heads(lang);
    let status = if r.ready {
        lang.pick(
            "立入検査の準備：完了（必須項目はすべて確認日付きで回答済み、「いいえ」には目標日、事業者確認用はすべて返却済み）",
            "Ready for inspection: every required item answered with its date, every “no” with a target date, every vendor form returned.",
        )
    } else {
        lang.pick("立入検査の準備：未完了", "Not ready for inspection")
    };
    let counts = format!(
        "{} {}/{} \u{a0} {} {}/{} \u{a0} {} {}",
        lang.pick("必須項目", "Required items"),
        r.done,
        r.required,
        lang.pick("事業者確認用", "Vendor forms"),
        r.vendors_returned,
        r.vendors,
        lang.pick("食い違い", "Conflicts"),
        v.conflicts.len()
    );
    let (c1, c2) = (
        lang.pick("1回目", "1st check"),
        lang.pick("2回目", "2nd check"),
    );
    let items: Vec<&Item> = e.items_on(Form::Hospital).collect();
    html! {
        (form_title(e, lang.pick("【医療機関確認用】", "[Hospital's form / 医療機関確認用]"), lang))
        (meta([
            (lang.pick("医療機関名", "Hospital"), hospital.to_string()),
            (lang.pick("版", "Edition"), e.short_name(lang)),
            (lang.pick("記録ID", "Record"), v.record.clone()),
            (lang.pick("印刷日", "Printed"), printed_on.to_string()),
        ]))
        div class=(if r.ready { "status ok" } else { "status" }) {
            b { (status) } br; (counts)
            @if !r.missing.is_empty() {
                ul.small { @for m in &r.missing { li { (m.message(lang)) } } }
            }
        }
        @if let Some(c) = &v.carry {
            div.note {
                (lang.pick_with(|| format!("{} の回答を引き継いでいます。統合：", c.from), || format!("Answers carried over from {}. Merges:", c.from)).as_str())
                @for m in &c.merges { br; "・" (m.describe(Editions::shipped(), e, lang)) }
            }
        }
        table.form {
            (colgroup(&[Some("10mm"), Some("15mm"), None, Some("15mm"), Some("16mm"), Some("16mm"), Some("15mm"), Some("16mm"), Some("16mm")]))
            thead {
                tr {
                    th.num rowspan="2" { (h.number) }
                    th.dev rowspan="2" { (h.device) }
                    th rowspan="2" { (h.item) }
                    th colspan="3" { (c1) }
                    th colspan="3" { (c2) }
                }
                tr { @for _ in 0..2 { th { (h.answer) } th { (h.checked) } th { (h.target) } } }
            }
            tbody {
                @for s in &v.sections {
                    tr.sec { td colspan="9" { (s.def.number) " " (s.def.text.get(lang)) } }
                    @for row in s.groups.iter().flat_map(|g| g.rows.iter()) {
                        (hospital_row(row, lang))
                    }
                }
            }
        }
        (notes_footer(e, &items, lang))
    }
}

/// One vendor's 事業者確認用 as it came back, a row whose answer differs from the hospital's
/// shaded.
fn vendor_form(v: &ChecklistView, vs: &VendorStatus, hospital: &str, lang: Lang) -> Markup {
    let e = v.edition;
    let h = heads(lang);
    let rows: Vec<&Row> = v.rows().filter(|r| r.item.on(Form::Vendor)).collect();
    let vendor_items: Vec<&Item> = rows.iter().map(|r| r.item).collect();
    html! {
        (form_title(e, vendor_form_sub(lang), lang))
        (meta([
            (lang.pick("医療機関名", "Hospital"), hospital.to_string()),
            (lang.pick("事業者名", "Vendor"), vs.vendor.clone()),
            (lang.pick("システム", "System"), vs.system.clone()),
            (
                lang.pick("送付日", "Sent"),
                vs.sent_on.map(|d| d.to_string()).unwrap_or_else(|| "—".into()),
            ),
            (
                lang.pick("受領日", "Returned"),
                vs.returned_on
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| lang.pick("未返却", "not returned").to_string()),
            ),
        ]))
        table.form {
            (colgroup(&[Some("10mm"), Some("15mm"), None, Some("15mm"), Some("16mm"), Some("16mm"), Some("34mm")]))
            (vendor_thead(&h))
            tbody {
                @for row in &rows {
                    @let a = row
                        .vendors
                        .iter()
                        .find(|c| c.vendor == vs.vendor && c.system == vs.system)
                        .and_then(|c| c.answer.as_ref());
                    @let conflict = a.is_some_and(|a| {
                        !row.item.vendor_self && row.latest().is_some_and(|h| h.answer != a.answer)
                    });
                    tr class=[conflict.then_some("conflict")] {
                        (vendor_item_cells(row.item, lang))
                        td.ans { (boxes(a.map(|a| a.answer), lang)) }
                        td.date { @if let Some(a) = a { (a.checked_on) } }
                        td.date { @if let Some(t) = a.and_then(|a| a.target_on) { (t) } }
                        td.small { (a.and_then(|a| a.note.as_deref()).unwrap_or("")) }
                    }
                }
            }
        }
        (notes_footer(e, &vendor_items, lang))
    }
}

/// Where the hospital and a vendor disagree, on a page of its own.
fn conflicts(v: &ChecklistView, lang: Lang) -> Markup {
    let e = v.edition;
    html! {
        h2 { (lang.pick("医療機関と事業者の回答の食い違い", "Where the hospital and a vendor disagree")) }
        p.small { (lang.pick("立入検査の前に、事業者と確認してください。", "Settle these with the vendor before the inspection.")) }
        @if v.conflicts.is_empty() {
            p { (lang.pick("食い違いはありません。", "No conflicts.")) }
        } @else {
            table.form {
                (colgroup(&[Some("10mm"), None, Some("16mm"), Some("36mm"), Some("16mm"), Some("40mm")]))
                thead {
                    tr {
                        th.num { (lang.pick("番号", "No.")) }
                        th { (lang.pick("確認項目", "Item")) }
                        th.ans { (lang.pick("医療機関", "Hospital")) }
                        th { (lang.pick("事業者（システム）", "Vendor (system)")) }
                        th.ans { (lang.pick("事業者", "Vendor")) }
                        th { (lang.pick("事業者の備考", "Vendor's note")) }
                    }
                }
                tbody {
                    @for c in &v.conflicts {
                        @let item = e.item(&c.item);
                        tr.conflict {
                            td.num { (item.map(|i| i.label()).unwrap_or("")) }
                            td {
                                (item.map(|i| i.text.get(lang)).unwrap_or(""))
                                @if let Some(d) = item.and_then(|i| i.device) {
                                    " " span.small { "（" (d.label(lang)) "）" }
                                }
                            }
                            td.ans { (c.hospital.label(lang)) }
                            td { (c.vendor) " (" (c.system) ")" }
                            td.ans { (c.vendor_answer.label(lang)) }
                            td.small { (c.vendor_note.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
        }
    }
}

/// Each file an answer rests on, and each returned vendor form, with the hash it had.
fn evidence(v: &ChecklistView, lang: Lang) -> Markup {
    let e = v.edition;
    html! {
        h2 { (lang.pick("根拠資料とハッシュ値", "Evidence and hashes")) }
        p.small {
            (lang.pick(
                "回答時に記録したファイルの SHA-256 とサイズ。「記録後に変更あり」は、その後ファイルが書き換えられたことを示します。",
                "The SHA-256 and size of each file as recorded with the answer; “changed since recorded” means the file was rewritten afterwards.",
            ))
        }
        @if v.evidence.is_empty() && v.vendors.iter().all(|s| s.file_sha256.is_none()) {
            p { (lang.pick("根拠資料の記録はありません。", "No evidence recorded.")) }
        } @else {
            table.form {
                (colgroup(&[Some("30mm"), Some("50mm"), None, Some("14mm"), Some("22mm")]))
                thead {
                    tr {
                        th { (lang.pick("項目", "Item")) }
                        th { (lang.pick("ファイル", "File")) }
                        th { "SHA-256" }
                        th { (lang.pick("サイズ", "Size")) }
                        th { (lang.pick("現在", "Now")) }
                    }
                }
                tbody {
                    @for ev in &v.evidence {
                        tr {
                            td.small {
                                (label::printed_id(e, &ev.item, lang)) " "
                                (lang.pick_with(|| format!("（{}回目）", ev.check), || format!("(check {})", ev.check)).as_str())
                            }
                            td.small { (ev.evidence.path) }
                            td.mono { (ev.evidence.sha256) }
                            td.small { (ev.evidence.size) }
                            td.small { (ev.state.label(lang)) }
                        }
                    }
                    @for vs in &v.vendors {
                        @if let Some(sha) = &vs.file_sha256 {
                            tr {
                                td.small { (lang.pick("事業者確認用", "Vendor form")) }
                                td.small { (vs.vendor) " (" (vs.system) ")" }
                                td.mono { (sha) }
                                td {}
                                td {}
                            }
                        }
                    }
                }
            }
        }
    }
}

fn hospital_row(row: &Row, lang: Lang) -> Markup {
    let item = row.item;
    html! {
        tr {
            td.num { (item.label()) }
            td.dev { (device_cell(item, lang)) }
            td {
                (item.text.get(lang))
                (unconfirmed_mark(item, lang))
                @if let Some(by) = item.target_by {
                    " " span.small { "(" (lang.pick("期限", "deadline")) " " (by) ")" }
                }
                @if row.status == RowStatus::NotRequired {
                    " " span.small { "（" (lang.pick("対象外", "not required")) "）" }
                }
                @if let Some(note) = row.latest().and_then(|a| a.note.as_deref()) {
                    br; span.note { (note) }
                }
                @if row.conflict {
                    br;
                    span.small { b { (lang.pick("⚠ 事業者の回答と食い違いあり", "! a vendor answered otherwise")) } }
                }
            }
            (check_cells(&row.history, lang))
        }
    }
}

/// The blank 事業者確認用 for a vendor, to print or attach to a mail beside the JSON/CSV.
pub fn vendor_blank_html(
    edition: &Edition,
    file: &VendorFile,
    hospital: &str,
    lang: Lang,
) -> String {
    let h = heads(lang);
    let items: Vec<&Item> = edition.items_on(Form::Vendor).collect();
    let choices = lang.pick(
        "□実施済み □一部実施 □未実施 □対象外",
        "□in place □partial □missing □not applicable",
    );
    let body = section(
        "page",
        html! {
            (form_title(edition, vendor_form_sub(lang), lang))
            (meta([
                (lang.pick("医療機関名", "Hospital"), hospital.to_string()),
                (lang.pick("事業者名", "Vendor"), file.vendor.clone()),
                (lang.pick("システム", "System"), file.system.clone()),
                (
                    lang.pick("記録ID・版", "Record, edition"),
                    format!("{} / {}", file.record, edition.short_name(lang)),
                ),
                (lang.pick("様式ID", "Form id"), file.form_id.clone()),
                (lang.pick("送付日", "Sent"), file.sent_on.clone()),
            ]))
            ul.small { @for line in &file.instructions { li { (line) } } }
            table.form {
                (colgroup(&[Some("10mm"), Some("15mm"), None, Some("15mm"), Some("18mm"), Some("18mm"), Some("30mm")]))
                (vendor_thead(&h))
                tbody {
                    @for item in &items {
                        tr {
                            (vendor_item_cells(item, lang))
                            td.ans { (boxes(None, lang)) }
                            td.date {}
                            td.date {}
                            td {}
                        }
                    }
                }
            }
            @if !file.controls.is_empty() {
                h2 { (lang.pick("お尋ねしたい対策", "Controls we ask you about")) }
                table.form {
                    thead {
                        tr {
                            th.num { (h.number) }
                            th { (lang.pick("対策", "Control")) }
                            th { (lang.pick("状況", "Status")) }
                            th { (h.note) }
                        }
                    }
                    tbody {
                        @for c in &file.controls {
                            tr { td.num { (c.number) } td { (c.text) } td.small { (choices) } td {} }
                        }
                    }
                }
            }
            (notes_footer(edition, &items, lang))
        },
    );
    document(
        lang,
        &format!("{} — {}", edition.title.get(lang), file.vendor),
        "",
        body,
    )
}
