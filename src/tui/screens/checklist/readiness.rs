//! Drawing how far the record is from ready for the 立入検査: the readiness pane (`r`) with what
//! is missing and the conflicts, and the status line under the list.

use super::print_set::Written;
use super::render::{boxed, letter, wrapped};
use super::{Checklist, Panel};
use crate::domain::checklist::view::{Gap, Missing, Row};
use crate::domain::Lang;
use crate::text::{truncate, width, wrap};
use crate::tui::app::View;
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::widgets::bar::bar;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// What the readiness pane lists: the gauge, the counts, what is missing and the conflicts.
pub fn readiness_lines(s: &Checklist, view: &View, w: usize) -> Vec<Line<'static>> {
    let (l, t) = (view.lang, &view.theme);
    let r = &s.view.readiness;
    let rows: Vec<&Row> = s.view.rows().collect();
    let item = |id: &str| rows.iter().find(|x| x.item.id == id).copied();
    let mut out = Vec::new();
    let state = if r.ready {
        l.pick("準備完了", "Ready")
    } else {
        l.pick("未完了", "Not ready")
    };
    let total = r.required + r.vendors;
    let done = r.done + r.vendors_returned;
    out.push(Line::from(vec![
        Span::styled(format!("{state} "), if r.ready { t.ok() } else { t.warn() }),
        Span::raw(bar(r.ratio(), 12)),
        Span::raw(format!(" {done}/{total}")),
    ]));
    wrapped(
        &mut out,
        &l.pick_with(
            || {
                format!(
                    "必須項目 {}/{}  事業者の返却 {}/{}  食い違い {}",
                    r.done,
                    r.required,
                    r.vendors_returned,
                    r.vendors,
                    s.view.conflicts.len()
                )
            },
            || {
                format!(
                    "Items {}/{}  vendor forms {}/{}  conflicts {}",
                    r.done,
                    r.required,
                    r.vendors_returned,
                    r.vendors,
                    s.view.conflicts.len()
                )
            },
        ),
        w,
        t.base(),
    );
    // The set is written from here: the screen's key, never a command to type elsewhere;
    // above the lists, which the pane's foot may cut.
    let key = keys::shown(Scope::Checklist, Intent::Export);
    match &s.written {
        Some(Written::To(path)) => wrapped(
            &mut out,
            &crate::tui::screens::export::written(path, l),
            w,
            t.ok(),
        ),
        Some(Written::Failed(why)) => wrapped(
            &mut out,
            &l.pick_with(
                || format!("書き出せません：{why}"),
                || format!("Not written: {why}"),
            ),
            w,
            t.error(),
        ),
        None => {}
    }
    out.push(Line::styled(
        truncate(
            &l.pick_with(
                || format!("{key} 立入検査用の一式を書き出す（HTML/CSV/Markdown）"),
                || format!("{key} writes the inspection set (HTML/CSV/Markdown)"),
            ),
            w,
        ),
        if r.ready { t.key() } else { t.dim() },
    ));
    if !r.missing.is_empty() {
        out.push(Line::styled(
            l.pick_with(
                || format!("未完了（{}）", r.missing.len()),
                || format!("Missing ({})", r.missing.len()),
            ),
            t.heading(),
        ));
        for m in &r.missing {
            let line = match m {
                // The printed label carries the device (2④ サーバ and 2④ 端末PC read apart), and
                // the section's name follows what is missing, so that the list reads alone and
                // the state stays in sight when a long line is cut.
                Missing::Item {
                    id,
                    label,
                    section,
                    gap,
                } => {
                    let label = label.get(l);
                    let section = section.get(l);
                    let text = item(id)
                        .map(|x| x.item.text.get(l).to_string())
                        .unwrap_or_default();
                    let what = match gap {
                        Gap::Unanswered => l.pick("未回答", "unanswered"),
                        Gap::Invalid(_) => l.pick("要修正", "to fix"),
                        Gap::Carried { .. } => l.pick("引き継ぎ・要確認", "carried, to confirm"),
                    };
                    match l {
                        _ if section == label || section.is_empty() => {
                            format!("・{label} {what} {text}")
                        }
                        Lang::Ja => format!("・{label} {what}（{section}） {text}"),
                        Lang::En => format!("・{label} {what} ({section}) {text}"),
                    }
                }
                Missing::Vendor { .. } => {
                    // What is missing about a vendor is said whole: it names who to chase.
                    for (i, line) in wrap(&m.message(l), w.saturating_sub(2)).iter().enumerate() {
                        out.push(Line::styled(
                            format!("{}{line}", if i == 0 { "・" } else { "  " }),
                            t.warn(),
                        ));
                    }
                    continue;
                }
            };
            out.push(Line::raw(truncate(&line, w)));
        }
    }
    if !s.view.conflicts.is_empty() {
        out.push(Line::styled(
            l.pick_with(
                || format!("食い違い（{}）：事業者と確認を", s.view.conflicts.len()),
                || format!("Conflicts ({}): talk to the vendor", s.view.conflicts.len()),
            ),
            t.heading(),
        ));
        for c in &s.view.conflicts {
            let i = s
                .view
                .vendors
                .iter()
                .position(|v| v.vendor == c.vendor && v.system == c.system)
                .unwrap_or(0);
            let label = item(&c.item)
                .map(|x| x.item.printed(l))
                .unwrap_or_else(|| c.item.clone());
            let line = l.pick_with(
                || {
                    format!(
                        "・{label} 病院 {} ≠ {} {}",
                        c.hospital.label(l),
                        letter(i),
                        c.vendor_answer.label(l)
                    )
                },
                || {
                    format!(
                        "・{label} hospital {} ≠ {} {}",
                        c.hospital.label(l),
                        letter(i),
                        c.vendor_answer.label(l)
                    )
                },
            );
            out.push(Line::styled(truncate(&line, w), t.error()));
        }
    }
    out
}

pub fn draw_readiness(s: &Checklist, frame: &mut Frame, area: Rect, view: &View) {
    let inner = boxed(
        view.lang
            .pick(" 立入検査の準備 ", " Ready for inspection ")
            .to_string(),
        frame,
        area,
        &view.theme,
    );
    let lines = readiness_lines(s, view, inner.width.saturating_sub(1) as usize);
    frame.render_widget(Paragraph::new(lines), inner);
}

pub fn draw_status(s: &Checklist, frame: &mut Frame, area: Rect, view: &View) {
    let (l, t) = (view.lang, &view.theme);
    let r = &s.view.readiness;
    let total = r.required + r.vendors;
    let done = r.done + r.vendors_returned;
    let mut spans = vec![
        Span::styled(
            format!(
                " {} ",
                if r.ready {
                    l.pick("準備完了", "Ready")
                } else {
                    l.pick("未完了", "Not ready")
                }
            ),
            if r.ready { t.ok() } else { t.warn() },
        ),
        Span::raw(bar(r.ratio(), 14)),
        Span::raw(format!(" {done}/{total}")),
        Span::raw(l.pick_with(
            || {
                format!(
                    "  必須 {}/{}  事業者 {}/{}",
                    r.done, r.required, r.vendors_returned, r.vendors
                )
            },
            || {
                format!(
                    "  items {}/{}  vendors {}/{}",
                    r.done, r.required, r.vendors_returned, r.vendors
                )
            },
        )),
    ];
    let conflicts = s.view.conflicts.len();
    spans.push(Span::styled(
        l.pick_with(
            || format!("  食い違い {conflicts}"),
            || format!("  conflicts {conflicts}"),
        ),
        if conflicts > 0 { t.error() } else { t.base() },
    ));
    if !matches!(s.panel, Panel::Readiness) && !r.missing.is_empty() {
        spans.push(Span::styled(
            l.pick("  r 一覧", "  r list").to_string(),
            t.key(),
        ));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if used > area.width as usize {
        spans.truncate(3);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
