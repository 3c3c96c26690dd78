//! The contact chart's two regions: the list of places and the detail or form below it.

use super::{slot_label, Contacts, FieldName, FIELDS};
use crate::domain::Lang;
use crate::text::{pad, truncate, width, wrap};
use crate::tui::app::View;
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::screens::confirm::question_lines;
use crate::tui::screens::overlay::Overlay;
use crate::tui::widgets::form;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

impl Contacts {
    /// The list of places in the chart, each with who is there.
    pub(super) fn render_list(&self, frame: &mut Frame, inner: Rect, view: &View) {
        let (l, t) = (view.lang, &view.theme);
        let w = inner.width as usize;
        // The places' names take what they need, leaving room for who is there and the phone
        // (or, while nothing is filled in, for `（未記入）`): at 60 columns 「都道府県の医療安全・
        // 医務担当（保健所）」 used to be cut at 30 beside an empty half row.
        let phone_w = 16;
        let filled = self.chart.slots.iter().any(|s| s.contact.is_some());
        let longest = self
            .chart
            .slots
            .iter()
            .map(|s| width(&slot_label(s, l)))
            .max();
        let most = if filled {
            (w * 2 / 5).max(30)
        } else {
            w.saturating_sub(3 + 1 + 10)
        };
        let role_w = longest.unwrap_or(30).min(most).max(12);
        let who_w = w.saturating_sub(3 + role_w + 1 + phone_w + 1);
        let mut lines: Vec<(Option<usize>, Line)> = Vec::new();
        let mut inside = None;
        for (i, s) in self.chart.slots.iter().enumerate() {
            if inside != Some(s.position.internal()) {
                inside = Some(s.position.internal());
                lines.push((
                    None,
                    Line::styled(
                        if s.position.internal() {
                            l.pick("■ 院内", "■ Inside the hospital")
                        } else {
                            l.pick("■ 院外", "■ Outside")
                        },
                        t.heading(),
                    ),
                ));
            }
            let here = i == self.cursor;
            let (mark, mark_style) = if s.filled() {
                ("✓", t.ok())
            } else if s.carried() {
                ("*", t.warn())
            } else if s.contact.is_some() {
                ("!", t.warn())
            } else {
                ("·", t.base())
            };
            let c = s.contact.clone().unwrap_or_default();
            let who = match (
                c.name.as_deref(),
                c.organisation.as_deref(),
                c.title.as_deref(),
            ) {
                (Some(n), _, Some(ti)) => format!("{n}（{ti}）"),
                (Some(n), _, None) => n.to_string(),
                (None, Some(o), _) => o.to_string(),
                (None, None, Some(ti)) => ti.to_string(),
                (None, None, None) => String::new(),
            };
            let label = truncate(&slot_label(s, l), role_w);
            let fill = role_w - width(&label);
            let mut spans = vec![
                Span::raw(if here { "▶" } else { " " }),
                Span::styled(mark, mark_style),
                Span::raw(" "),
                Span::styled(label, if here { t.selected() } else { t.base() }),
                Span::raw(" ".repeat(fill + 1)),
            ];
            if who.is_empty() && c.phone.is_none() {
                spans.push(Span::styled(l.pick("（未記入）", "(empty)"), t.dim()));
            } else {
                spans.push(Span::raw(pad(&who, who_w)));
                spans.push(Span::raw(" "));
                spans.push(Span::raw(truncate(
                    c.phone.as_deref().unwrap_or("—"),
                    phone_w,
                )));
            }
            lines.push((Some(i), Line::from(spans)));
        }
        let height = inner.height as usize;
        let here = lines
            .iter()
            .position(|(i, _)| *i == Some(self.cursor))
            .unwrap_or(0);
        let top = (here + 1).saturating_sub(height);
        let shown: Vec<Line> = lines
            .into_iter()
            .skip(top)
            .take(height)
            .map(|(_, l)| l)
            .collect();
        frame.render_widget(Paragraph::new(shown), inner);
    }

    /// Below the list: the selected place, its form while editing, or the confirm.
    pub(super) fn render_bottom(&self, frame: &mut Frame, area: Rect, view: &View) {
        let (l, t) = (view.lang, &view.theme);
        let confirming = self.overlay.as_ref().and_then(Overlay::confirm).is_some();
        let Some(slot) = self.chart.slots.get(self.cursor) else {
            return;
        };
        let title = format!(
            " {}{} ",
            slot_label(slot, l),
            if self.form().is_some() {
                l.pick("：編集", ": editing")
            } else {
                ""
            }
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(if self.form().is_some() {
                t.accent()
            } else {
                t.border()
            })
            .title(truncate(&title, area.width.saturating_sub(4) as usize));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let w = inner.width.saturating_sub(1) as usize;
        let label_w = if l == Lang::Ja { 12 } else { 14 };
        let mut out: Vec<Line> = Vec::new();
        match self.form() {
            Some(form) => {
                let example = l.pick(" 例：03-1234-5678", " e.g. 03-1234-5678");
                let field_w = w.saturating_sub(label_w + 2 + width(example)).min(40);
                let mut rows = Vec::new();
                for (i, f) in FIELDS.iter().enumerate() {
                    rows.push(out.len());
                    let mut spans = vec![
                        form::label(f.label(l), form.focus.is(i), label_w, t),
                        form::brackets(field_w, t),
                    ];
                    if *f == FieldName::Phone {
                        spans.push(Span::styled(example, t.dim()));
                    }
                    out.push(Line::from(spans));
                    if let Some((at, e)) = &form.error {
                        if *at == Some(*f) {
                            for line in wrap(&format!("✗ {}", e.message(l)), w) {
                                out.push(Line::styled(line, t.error()));
                            }
                        }
                    }
                }
                if let Some((None, e)) = &form.error {
                    for line in wrap(&format!("✗ {}", e.message(l)), w) {
                        out.push(Line::styled(line, t.error()));
                    }
                }
                frame.render_widget(Paragraph::new(out), inner);
                for (i, (at, f)) in rows.iter().zip(&form.fields).enumerate() {
                    if let Some(rect) = form::field_cell(inner, *at, label_w, field_w) {
                        form::draw_field(frame, f, rect, form.focus.is(i), t.base());
                    }
                }
            }
            None => {
                let c = slot.contact.clone().unwrap_or_default();
                if slot.carried() && !confirming {
                    for line in wrap(&carried_hint(slot.position.internal(), l), w) {
                        out.push(Line::styled(line, t.warn()));
                    }
                }
                if confirming {
                    out.extend(question_lines(
                        l.pick(
                            "この連絡先を消去しますか？ y で消去、他のキーでやめる",
                            "Clear this place? y clears, any other key keeps it",
                        ),
                        w,
                        t,
                    ));
                }
                for (f, v) in FIELDS
                    .iter()
                    .zip([c.name, c.title, c.organisation, c.phone])
                {
                    out.push(Line::from(vec![
                        Span::styled(pad(f.label(l), label_w), t.dim()),
                        Span::raw(truncate(
                            v.as_deref().unwrap_or("—"),
                            w.saturating_sub(label_w),
                        )),
                    ]));
                }
                if let Some(n) = &c.note {
                    let lines = wrap(n, w.saturating_sub(label_w));
                    for (i, line) in lines.iter().enumerate() {
                        out.push(Line::from(vec![
                            Span::styled(
                                pad(if i == 0 { FieldName::Note.label(l) } else { "" }, label_w),
                                t.dim(),
                            ),
                            Span::raw(line.clone()),
                        ]));
                    }
                }
                for line in wrap(
                    l.pick(
                        "Enter で編集。電話番号は病院が確かめて入力します（shindan は同梱しません）。",
                        "Enter edits. Phone numbers are the hospital's own, checked by it (shindan ships none).",
                    ),
                    w,
                ) {
                    out.push(Line::styled(line, t.dim()));
                }
                frame.render_widget(Paragraph::new(out), inner);
            }
        }
    }
}

/// What a carried place waits for, and the keys that confirm it.
fn carried_hint(internal: bool, l: Lang) -> String {
    let one = keys::shown(Scope::Contacts, Intent::Confirm);
    let all = keys::shown(Scope::Contacts, Intent::ConfirmSection);
    let side = super::confirming::side(internal, l);
    l.pick_with(
        || format!("* 前年度から引き継ぎ・未確認：{one} で確認、{all} で{side}をすべて、Enter で直す"),
        || format!("* Carried from last year, not confirmed: {one} confirms, {all} all {side}, Enter edits"),
    )
}
