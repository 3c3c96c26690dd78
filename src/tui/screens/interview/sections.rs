//! The interview's left column: its sections, and the questions of the open one.

use super::{qn, Interview};
use crate::domain::questionnaire::Visibility;
use crate::text::{pad, truncate, width, wrap};
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
            let style = if here {
                t.heading()
            } else if p.is_complete() {
                t.ok()
            } else {
                t.base()
            };
            let marker = if here { "▶ " } else { "  " };
            for text in section_rows(marker, s.short(l), &count, w) {
                lines.push(Line::styled(text, style));
            }
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

/// A section's row: its name, then its count in the last columns. A name that leaves no room
/// for the count (English at 60 columns: `Vulnerabilities`, `Staff and audit`) is not cut: it
/// takes the row, wrapped by kinsoku if even that is too narrow, and the count goes under it.
fn section_rows(marker: &str, name: &str, count: &str, w: usize) -> Vec<String> {
    let name_w = w.saturating_sub(width(count) + 3);
    if width(name) <= name_w {
        return vec![format!("{marker}{} {count}", pad(name, name_w))];
    }
    let mut rows: Vec<String> = wrap(name, w.saturating_sub(2))
        .into_iter()
        .enumerate()
        .map(|(i, part)| format!("{}{part}", if i == 0 { marker } else { "  " }))
        .collect();
    rows.push(format!("{:>w$}", count));
    rows
}

#[cfg(test)]
mod tests {
    use super::section_rows;

    #[test]
    fn a_long_section_name_keeps_its_words_and_puts_the_count_under_it() {
        assert_eq!(
            section_rows("  ", "Backup", "0/3", 20),
            ["  Backup         0/3"]
        );
        assert_eq!(
            section_rows("▶ ", "Vulnerabilities", "0/3", 20),
            ["▶ Vulnerabilities", "                 0/3"]
        );
        assert_eq!(
            section_rows("  ", "Insurance, network", "*1 0/2", 14),
            ["  Insurance,", "  network", "        *1 0/2"]
        );
    }
}
