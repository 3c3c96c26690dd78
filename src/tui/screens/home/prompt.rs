//! The home screen's one-line prompts (filter, delete, copy) drawn over the list: each mode's
//! title, question and field in one box, so the three prompts look and behave alike.

use super::{Home, Mode};
use crate::tui::app::View;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

impl Home {
    pub(super) fn render_mode(&self, frame: &mut Frame, area: Rect, view: &View) {
        let l = view.lang;
        let t = &view.theme;
        let (title, prompt, field, error) = match &self.mode {
            Mode::Browse => return,
            Mode::Filter(field) => (
                l.pick(" 絞り込み ", " Filter ").to_string(),
                l.pick(
                    "病院名・ID・開設者の一部：",
                    "Part of a name, id or founder:",
                )
                .to_string(),
                field,
                None,
            ),
            Mode::Delete {
                id,
                name,
                field,
                error,
            } => (
                l.pick(" 記録の削除 ", " Delete a record ").to_string(),
                l.pick_with(
                    || format!("{id} を削除します。確認のため「{name}」と入力して Enter："),
                    || format!("This deletes {id}. To confirm, type \"{name}\" and Enter:"),
                ),
                field,
                error.as_deref(),
            ),
            Mode::Copy { id, field, error } => (
                l.pick(" 新しい年度へコピー ", " Copy to a new year ")
                    .to_string(),
                l.pick_with(
                    || format!("{id} の回答を「昨年から」として引き継ぎます。年度："),
                    || format!("{id}'s answers are carried over, marked \"from last year\". Year:"),
                ),
                field,
                error.as_deref(),
            ),
        };
        let w = area.width.saturating_sub(8).min(72);
        let prompt_lines = crate::text::wrap(&prompt, w.saturating_sub(2) as usize);
        let h = prompt_lines.len() as u16 + 4;
        let rect = crate::tui::widgets::overlay::centered(area, w, h);
        crate::tui::widgets::overlay::clear(frame, rect);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border())
            .title(title);
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let mut lines: Vec<Line> = prompt_lines.into_iter().map(Line::raw).collect();
        lines.push(Line::raw(""));
        lines.push(match error {
            Some(e) => Line::styled(e.to_string(), t.error()),
            None => Line::raw(""),
        });
        frame.render_widget(Paragraph::new(lines.clone()), inner);
        // The field takes the blank line under the prompt.
        if let Some(field_area) = inner.rows().nth(lines.len() - 2) {
            field.draw(frame, field_area, t.base(), true);
        }
    }
}
