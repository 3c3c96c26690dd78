//! The interview's right column: one question, its answer being given, and the note.

use super::{qn, Interview};
use crate::domain::questionnaire::{group_thousands, Kind, Question, Visibility};
use crate::domain::{validate, Lang, Record};
use crate::text::{truncate, width, wrap};
use crate::tui::app::View;
use crate::tui::session::Session;
use crate::tui::widgets::form;
use crate::tui::widgets::note_editor::NoteEditor;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

impl Interview {
    /// The right column: the question, its options or field, and what is said about it.
    pub(super) fn render_question(
        &self,
        frame: &mut Frame,
        area: Rect,
        view: &View,
        session: &Session,
    ) {
        let l = view.lang;
        let t = &view.theme;
        let record = &session.record;
        let Some(q) = self.question() else { return };
        let section = qn().section_of(&q.id).map(|s| s.text.get(l)).unwrap_or("");
        let total = qn().questions().count();
        let title = format!(
            " {} {}/{} · {} ",
            l.pick("問", "Q"),
            qn().number(&q.id).unwrap_or(0),
            total,
            section
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border())
            .title(title);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let w = inner.width.saturating_sub(1) as usize;
        let mut lines: Vec<Line> = Vec::new();
        for line in wrap(q.text.get(l), w) {
            lines.push(Line::styled(line, t.heading()));
        }
        if let Some(src) = &q.source {
            lines.push(Line::styled(
                truncate(
                    &format!(
                        "{} {}",
                        l.pick("2022年調査:", "2022 survey:"),
                        crate::domain::survey::render::place(src, l)
                    ),
                    w,
                ),
                t.dim(),
            ));
        }
        match qn().visibility(q, record) {
            Visibility::Hidden { because } => {
                let gate = qn().question(&because);
                let answer = gate
                    .and_then(|g| record.value(&g.id).map(|v| g.describe(v, l)))
                    .unwrap_or_default();
                let msg = l.pick_with(
                    || format!(
                        "この質問は対象外です：問{}の回答が「{answer}」のため。回答は保持されますが集計には使いません。",
                        qn().number(&because).unwrap_or(0)
                    ),
                    || format!(
                        "This question is skipped: Q{} is answered \"{answer}\". A kept answer is not counted.",
                        qn().number(&because).unwrap_or(0)
                    ),
                );
                lines.push(Line::raw(""));
                for line in wrap(&msg, w) {
                    lines.push(Line::styled(line, t.warn()));
                }
            }
            Visibility::Pending { on } => {
                let msg = l.pick_with(
                    || {
                        format!(
                            "問{}の回答しだいで対象になる質問です。",
                            qn().number(&on).unwrap_or(0)
                        )
                    },
                    || {
                        format!(
                            "Whether this is asked depends on Q{}.",
                            qn().number(&on).unwrap_or(0)
                        )
                    },
                );
                lines.push(Line::raw(""));
                for line in wrap(&msg, w) {
                    lines.push(Line::styled(line, t.dim()));
                }
            }
            Visibility::Visible => {}
        }
        lines.push(Line::raw(""));
        let answer = record.answers.get(&q.id);
        let mut field_row = None;
        match q.kind {
            Kind::Single | Kind::Multi => {
                for (i, o) in q.options.iter().enumerate() {
                    let here = i == self.cursor && self.note().is_none();
                    let chosen = match q.kind {
                        Kind::Single => answer.is_some_and(|a| a.value.as_text() == Some(&o.id)),
                        _ => self.picked.contains(&o.id),
                    };
                    let mark = match (q.kind, chosen) {
                        (Kind::Single, true) => "●",
                        (Kind::Single, false) => "○",
                        (_, true) => "[x]",
                        (_, false) => "[ ]",
                    };
                    let label = truncate(o.text.get(l), w.saturating_sub(8));
                    lines.push(Line::from(vec![
                        Span::raw(if here { "▶" } else { " " }),
                        Span::raw(format!(
                            "{} {mark} ",
                            if i < 9 {
                                (i + 1).to_string()
                            } else {
                                " ".into()
                            }
                        )),
                        Span::styled(
                            label,
                            if here {
                                t.selected()
                            } else if chosen {
                                t.heading()
                            } else {
                                t.base()
                            },
                        ),
                    ]));
                }
            }
            Kind::Int | Kind::Amount | Kind::Text => {
                field_row = Some(lines.len());
                lines.push(Line::raw(""));
                for (text, warn) in self.echo(q, record, l) {
                    for line in wrap(&text, w) {
                        lines.push(Line::styled(line, if warn { t.warn() } else { t.dim() }));
                    }
                }
            }
        }
        if let Some(e) = &self.error {
            for line in wrap(&format!("✗ {e}"), w) {
                lines.push(Line::styled(line, t.error()));
            }
        }
        match answer {
            Some(a) if a.carried => {
                // The keys this state takes: in a field a letter is typed, so never `y` there.
                let (one, all) = if self.field.is_some() {
                    ("F2/Ctrl-Y", "F3/Ctrl-T")
                } else {
                    ("y", "Y")
                };
                let text = l.pick_with(
                    || format!("昨年からの回答・未確認（{one} で確認、{all} で節をすべて確認、または回答し直す）"),
                    || format!("From last year, not yet confirmed ({one} confirms, {all} the whole section, or answer anew)"),
                );
                for line in wrap(&text, w) {
                    lines.push(Line::styled(line, t.warn()));
                }
            }
            Some(a) => lines.push(Line::styled(
                truncate(
                    &format!(
                        "{} {}",
                        l.pick("回答済み", "Answered"),
                        crate::clock::system().show_time(a.at)
                    ),
                    w,
                ),
                t.dim(),
            )),
            None if q.optional => lines.push(Line::styled(
                truncate(
                    l.pick(
                        "任意の質問（空欄で Enter は飛ばす）",
                        "Optional (Enter on an empty field skips it)",
                    ),
                    w,
                ),
                t.dim(),
            )),
            None => {}
        }
        if let Some(info) = &self.info {
            for line in wrap(&format!("→ {info}"), w) {
                lines.push(Line::styled(line, t.accent()));
            }
        }
        if let Some(hint) = q.hint(l) {
            for line in wrap(hint, w) {
                lines.push(Line::styled(line, t.dim()));
            }
        }
        let note_top = lines.len();
        if self.note().is_none() {
            if let Some(note) = record.note(&q.id) {
                let wrapped = wrap(&format!("{} {note}", l.pick("メモ:", "Note:")), w);
                let room = (inner.height as usize).saturating_sub(note_top).max(1);
                for (i, line) in wrapped.iter().enumerate().take(room) {
                    let text = if i + 1 == room && wrapped.len() > room {
                        truncate(&format!("{line}…"), w)
                    } else {
                        line.clone()
                    };
                    lines.push(Line::raw(text));
                }
            }
        }
        frame.render_widget(Paragraph::new(lines), inner);
        if let (Some(row), Some(field)) = (field_row, &self.field) {
            let unit = q.unit(l).unwrap_or("");
            let field_w = match q.kind {
                Kind::Text => inner.width.saturating_sub(2),
                _ => 16u16.min(inner.width.saturating_sub(width(unit) as u16 + 2)),
            };
            // The field's cells between its brackets, at the left of the pane.
            let cells = field_w.saturating_sub(2) as usize;
            if let Some(rect) = form::field_cell(inner, row, 0, cells) {
                let y = rect.y;
                // Brackets show the field where underline is not drawn (some vt100s, captures).
                let buf = frame.buffer_mut();
                buf.set_string(inner.x, y, "[", t.dim());
                buf.set_string(rect.x + rect.width, y, "]", t.dim());
                field.draw(
                    frame,
                    rect,
                    t.base().add_modifier(Modifier::UNDERLINED),
                    self.note().is_none(),
                );
                if !unit.is_empty() && q.kind != Kind::Text {
                    frame.buffer_mut().set_string(
                        rect.x + rect.width + 1,
                        y,
                        format!(" {unit}"),
                        t.base(),
                    );
                }
            }
        }
        if let Some(note) = self.note() {
            note.render(frame, NoteEditor::below(inner, note_top, 5), t, l);
        }
    }

    /// What the number being typed says, before Enter: an amount with its 万/億 reading
    /// ("450,000千円 = 4億5,000万円"), a count grouped; and, for the revenue, a warning when it
    /// is far from the 図２ average of the hospital's beds (a 千円/円 slip). `true`: a warning.
    fn echo(&self, q: &Question, record: &Record, l: Lang) -> Vec<(String, bool)> {
        use crate::domain::budget::{spoken, typed};
        let typed = self.field.as_ref().map(|f| f.text()).unwrap_or_default();
        let Some(n) = validate::parse(q, &typed).ok().and_then(|v| v.as_number()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        match (q.kind, q.unit(l)) {
            (Kind::Amount, _) => out.push((format!("= {}", spoken::echo(n, l)), false)),
            (Kind::Int, Some(unit)) => {
                out.push((format!("= {} {unit}", group_thousands(n)), false))
            }
            _ => {}
        }
        let beds = record.value("beds").and_then(|v| v.as_number());
        if let Some(warning) = beds
            .filter(|_| q.id == "revenue")
            .and_then(|b| typed::revenue_warning(n, b, l))
        {
            out.push((warning, true));
        }
        out
    }
}

/// The committed answer as it would be typed, to tell a draft from what is saved.
pub(super) fn typed_form(value: Option<&crate::domain::Value>) -> String {
    match value {
        Some(crate::domain::Value::Number(n)) => n.to_string(),
        Some(crate::domain::Value::Text(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    }
}

/// Characters that belong in a number field; any other letter is a command.
pub(super) fn numeric_char(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, ',' | '-' | '，' | '－')
}
