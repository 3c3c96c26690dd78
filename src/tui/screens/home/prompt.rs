//! The home screen's one-line prompts (filter, copy) and its question before a delete, opened
//! as the screen's [`Overlay`] and drawn over the list: each one's title, question and field in
//! one box, so the three look and behave alike.

use super::Home;
use crate::domain::RecordId;
use crate::tui::app::View;
use crate::tui::commands::Command;
use crate::tui::keys::{Intent, Scope};
use crate::tui::screens::overlay::{Done, Overlay, OverlayForm};
use crate::tui::widgets::text_field::{FieldKey, TextField};
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

/// A prompt of the home screen: what it asks for, typed in one field.
pub(super) enum Prompt {
    /// Part of a name, id or founder; the list follows it as it is typed.
    Filter(TextField),
    /// The 年度 to copy the record to.
    Copy {
        id: RecordId,
        field: TextField,
        error: Option<String>,
    },
}

/// The record a delete asks about, and the name typed to confirm it.
pub(super) struct Deleting {
    pub id: RecordId,
    pub name: String,
}

/// What is open over the list: the export, a prompt, the question before a delete.
pub(super) type HomeOverlay = Overlay<Prompt, Deleting>;

impl OverlayForm for Prompt {
    /// Every key stays in the prompt (F1 too): Enter is [`Done::Submit`], Esc
    /// [`Done::Closed`], the rest is typed.
    fn handle(&mut self, key: KeyEvent) -> Done {
        let (field, error) = match self {
            Prompt::Filter(field) => (field, None),
            Prompt::Copy { field, error, .. } => (field, Some(error)),
        };
        match field.handle(key) {
            FieldKey::Submit => Done::Submit,
            FieldKey::Cancel => Done::Closed,
            _ => {
                if let Some(error) = error {
                    *error = None;
                }
                Done::Open
            }
        }
    }

    fn paste(&mut self, text: &str) {
        match self {
            Prompt::Filter(field) => field.paste(text),
            Prompt::Copy { field, error, .. } => {
                field.paste(text);
                *error = None;
            }
        }
    }

    fn commands(&self) -> Vec<Command> {
        vec![
            Command::of(Scope::Fields, Intent::Pick).label("決定", "OK"),
            Command::of(Scope::Fields, Intent::Back).label("中止", "cancel"),
        ]
    }
}

impl Home {
    /// The prompt or the question open over the list, in its box (the export draws itself).
    pub(super) fn render_prompt(&self, frame: &mut Frame, area: Rect, view: &View) {
        let l = view.lang;
        let t = &view.theme;
        let mismatch = l.pick(
            "病院名が一致しません（削除していません）",
            "The name does not match (nothing deleted)",
        );
        let (title, prompt, field, error) = match self.overlay.as_ref() {
            Some(Overlay::Form(Prompt::Filter(field))) => (
                l.pick(" 絞り込み ", " Filter ").to_string(),
                l.pick(
                    "病院名・ID・開設者の一部：",
                    "Part of a name, id or founder:",
                )
                .to_string(),
                field,
                None,
            ),
            Some(Overlay::Confirm(c)) => {
                let Some(field) = c.field() else { return };
                let Deleting { id, name } = &c.about;
                (
                    l.pick(" 記録の削除 ", " Delete a record ").to_string(),
                    l.pick_with(
                        || format!("{id} を削除します。確認のため「{name}」と入力して Enter："),
                        || format!("This deletes {id}. To confirm, type \"{name}\" and Enter:"),
                    ),
                    field,
                    c.mismatch().then_some(mismatch),
                )
            }
            Some(Overlay::Form(Prompt::Copy { id, field, error })) => (
                l.pick(" 新しい年度へコピー ", " Copy to a new year ")
                    .to_string(),
                l.pick_with(
                    || format!("{id} の回答を「昨年から」として引き継ぎます。年度："),
                    || format!("{id}'s answers are carried over, marked \"from last year\". Year:"),
                ),
                field,
                error.as_deref(),
            ),
            _ => return,
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
