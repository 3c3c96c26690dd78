//! Drawing the vendors panel: who is expected to return a 事業者確認用 form, sent and returned,
//! the add form, and what the last write or import did.

use super::render::{boxed, letter, wrapped};
use super::vendors::{Done, VendorsPanel};
use super::Checklist;
use crate::domain::Lang;
use crate::text::truncate;
use crate::tui::app::View;
use crate::tui::screens::confirm::question_lines;
use crate::tui::screens::overlay::Overlay;
use crate::tui::widgets::form;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw_vendors(s: &Checklist, p: &VendorsPanel, frame: &mut Frame, area: Rect, view: &View) {
    let (l, t) = (view.lang, &view.theme);
    let inner = boxed(
        l.pick(" 事業者（事業者確認用） ", " Vendors (vendor forms) ")
            .to_string(),
        frame,
        area,
        t,
    );
    let w = inner.width.saturating_sub(1) as usize;
    let mut out: Vec<Line> = Vec::new();
    if s.view.vendors.is_empty() {
        wrapped(
            &mut out,
            l.pick(
                "事業者はまだいません。a で追加（名前とシステム、例：電子カルテ）。",
                "No vendors yet. a adds one (name and system, e.g. EMR).",
            ),
            w,
            t.dim(),
        );
    }
    for (i, v) in s.view.vendors.iter().enumerate() {
        let here = i == p.cursor;
        out.push(Line::from(vec![
            Span::raw(if here { "▶" } else { " " }),
            Span::styled(
                letter(i).to_string(),
                if here { t.selected() } else { t.base() },
            ),
            Span::raw(" "),
            Span::raw(truncate(
                &format!("{}（{}）", v.vendor, v.system),
                w.saturating_sub(3),
            )),
        ]));
        let sent = v
            .sent_on
            .map(|d| format!("{} {d}", l.pick("送付", "sent")))
            .unwrap_or_else(|| l.pick("未送付", "not sent").to_string());
        out.push(Line::styled(truncate(&format!("   {sent}"), w), t.dim()));
        let back = match v.returned_on {
            Some(on) => l.pick_with(
                || format!("返却 {on}  {}/{}項目に回答", v.answered, v.on_form),
                || format!("returned {on}, {}/{} answered", v.answered, v.on_form),
            ),
            None if v.carried => {
                let on = v.carried_on.map(|d| d.to_string()).unwrap_or_default();
                l.pick_with(
                    || format!("* 前年度返却 {on} 未確認"),
                    || format!("* last year's return {on}, unconfirmed"),
                )
            }
            None => l.pick("未返却", "not returned").to_string(),
        };
        out.push(Line::styled(
            truncate(&format!("   {back}"), w),
            if v.returned_at.is_some() {
                t.dim()
            } else {
                t.warn()
            },
        ));
    }
    out.push(Line::raw(""));
    if let Some(c) = s.overlay.as_ref().and_then(Overlay::confirm) {
        if let Some(v) = s.view.vendors.get(c.about) {
            out.extend(question_lines(
                &l.pick_with(
                    || format!(
                        "{}（{}）を削除しますか？返却された回答も消えます。y で削除、他のキーでやめる",
                        v.vendor, v.system
                    ),
                    || format!(
                        "Remove {} ({})? What it returned goes too. y removes, any other key keeps it",
                        v.vendor, v.system
                    ),
                ),
                w,
                t,
            ));
        }
    }
    let mut field_rows: Vec<usize> = Vec::new();
    let label_w = if l == Lang::Ja { 10 } else { 8 };
    if let Some(form) = s.vendor_form() {
        for (label, on) in [
            (l.pick("事業者名", "Vendor"), !form.on_system()),
            (l.pick("システム", "System"), form.on_system()),
        ] {
            field_rows.push(out.len());
            out.push(Line::from(vec![
                form::label(label, on, label_w, t),
                form::brackets(w.saturating_sub(label_w + 2), t),
            ]));
        }
        if let Some(e) = &form.error {
            wrapped(&mut out, &format!("✗ {}", e.message(l)), w, t.error());
        }
        wrapped(
            &mut out,
            l.pick(
                "システムの例：電子カルテ、PACS、院内ネットワーク",
                "System, e.g. EMR, PACS, hospital network",
            ),
            w,
            t.dim(),
        );
    } else {
        done_lines(p, &mut out, w, view);
        if !s.view.vendors.is_empty() && p.done.is_none() {
            wrapped(
                &mut out,
                l.pick(
                    "w 事業者確認用を書き出す（CSV/JSON）  r 返却されたファイルを取り込む",
                    "w writes the vendor's form (CSV/JSON)  r imports a returned file",
                ),
                w,
                t.dim(),
            );
        }
    }
    frame.render_widget(Paragraph::new(out), inner);
    if let Some(form) = s.vendor_form() {
        let fields = [
            (&form.name, !form.on_system()),
            (&form.system, form.on_system()),
        ];
        for (at, (field, on)) in field_rows.into_iter().zip(fields) {
            if let Some(rect) = form::field_cell(inner, at, label_w, w.saturating_sub(label_w + 2))
            {
                form::draw_field(frame, field, rect, on, t.base());
            }
        }
    }
}

/// What the last write or import did: the path written, or the import's summary and its
/// conflicts in the form's words (2⑦：医療機関 はい / 事業者 いいえ), or why the file was refused.
fn done_lines(p: &VendorsPanel, out: &mut Vec<Line<'static>>, w: usize, view: &View) {
    let (l, t) = (view.lang, &view.theme);
    match &p.done {
        None => {}
        Some(Done::Written(path)) => {
            wrapped(
                out,
                &l.pick_with(
                    || format!("書き出しました：{}", path.display()),
                    || format!("Written: {}", path.display()),
                ),
                w,
                t.ok(),
            );
            wrapped(
                out,
                l.pick(
                    "事業者に送り、返ってきたら r で取り込みます",
                    "Send it; when it comes back, r imports it",
                ),
                w,
                t.dim(),
            );
        }
        Some(Done::Imported(report)) => {
            wrapped(out, &report.summary(l), w, t.ok());
            if !report.conflicts.is_empty() {
                out.push(Line::styled(
                    l.pick_with(
                        || format!("食い違い（{}）：", report.conflicts.len()),
                        || format!("Conflicts ({}):", report.conflicts.len()),
                    ),
                    t.heading(),
                ));
                for c in &report.conflicts {
                    wrapped(out, &format!("・{}", c.describe(l)), w, t.error());
                }
            }
        }
        Some(Done::Refused(msg)) => wrapped(out, &format!("✗ {msg}"), w, t.error()),
    }
}
