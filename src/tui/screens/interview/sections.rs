//! The interview's left column: its sections, and the questions of the open one.

use super::{qn, Interview};
use crate::domain::questionnaire::Visibility;
use crate::text::{truncate, width};
use crate::tui::app::View;
use crate::tui::session::Session;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

impl Interview {
    /// The left column: the sections with their progress, and the questions of this one.
    pub(super) fn render_sections(
        &self,
        frame: &mut Frame,
        area: Rect,
        view: &View,
        session: &Session,
    ) {
        let l = view.lang;
        let t = &view.theme;
        let record = &session.record;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border())
            .title(l.pick(" 節 ", " Sections "));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let w = inner.width as usize;
        let mut lines = Vec::new();
        let current_section = qn().section_of(&self.current).map(|s| s.id.as_str());
        for s in &qn().sections {
            let p = qn().section_progress(s, record);
            let here = Some(s.id.as_str()) == current_section;
            // Carried answers are not counted as answered: `*3` says three wait to be confirmed.
            let count = if p.is_complete() {
                format!("✓{}/{}", p.answered, p.total)
            } else if p.carried > 0 {
                format!("*{} {}/{}", p.carried, p.answered, p.total)
            } else {
                format!("{}/{}", p.answered, p.total)
            };
            let name_w = w.saturating_sub(width(&count) + 3);
            let text = format!(
                "{}{} {}",
                if here { "▶ " } else { "  " },
                crate::text::pad(s.short(l), name_w),
                count
            );
            lines.push(Line::styled(
                text,
                if here {
                    t.heading()
                } else if p.is_complete() {
                    t.ok()
                } else {
                    t.base()
                },
            ));
        }
        lines.push(Line::raw(""));
        if let Some(section) = qn().section_of(&self.current) {
            lines.push(Line::styled(
                l.pick("この節の質問", "In this section"),
                t.dim(),
            ));
            for q in &section.questions {
                let vis = qn().visibility(q, record);
                let mark = match (&vis, record.answers.get(&q.id)) {
                    (Visibility::Hidden { .. }, _) => "⊘",
                    (Visibility::Pending { .. }, _) => "…",
                    (_, Some(a)) if a.carried => "*",
                    (_, Some(_)) => "✓",
                    (_, None) if q.optional => "-",
                    (_, None) => "·",
                };
                let note = if record.note(&q.id).is_some() {
                    "✎"
                } else {
                    " "
                };
                let here = q.id == self.current;
                let head = format!(
                    "{}{:>2}{mark}{note}",
                    if here { "▶" } else { " " },
                    qn().number(&q.id).unwrap_or(0)
                );
                let text = truncate(&format!("{head} {}", q.text.get(l)), w);
                let style = match vis {
                    Visibility::Visible => {
                        if here {
                            t.heading()
                        } else {
                            t.base()
                        }
                    }
                    _ => t.dim(),
                };
                lines.push(Line::styled(text, style));
            }
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
