//! A note on one control, written in a [`TextField`] and kept through the same `set_mark` as
//! `shindan control --note`. While it is being written it lives in the record's drafts under
//! `matrix/<control>` (as the interview's note does under its question), so a note survives
//! leaving the screen, a restart or a cut SSH connection, and is opened again where it was.

use crate::domain::matrix::mark::{set_mark, MarkChange, MarkError};
use crate::domain::matrix::{Catalog, Control};
use crate::domain::record::Draft;
use crate::domain::Lang;
use crate::text::truncate;
use crate::tui::app::Action;
use crate::tui::session::{Refusal, Refused, Session};
use crate::tui::theme::Theme;
use crate::tui::widgets::overlay;
use crate::tui::widgets::text_field::{FieldKey, TextField};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders};
use ratatui::Frame;

const PREFIX: &str = "matrix/";

/// Where the typing of a control's note waits in the record's drafts.
pub fn draft_key(control: &str) -> String {
    format!("{PREFIX}{control}")
}

/// The first control whose note was being written when the screen was last left.
pub fn pending(session: &Session) -> Option<(&'static Control, String)> {
    let catalog = Catalog::embedded();
    session
        .record
        .drafts
        .range(PREFIX.to_string()..)
        .take_while(|(k, _)| k.starts_with(PREFIX))
        .find_map(|(k, d)| {
            let control = catalog.control(k.strip_prefix(PREFIX)?)?;
            Some((control, d.note.clone()?))
        })
}

/// A key for the open note, if any: the action, and whether the note was kept and closed (the
/// screen then makes its text again). Function keys pass (F1 is the help). A refused note stays
/// open unless the record is read-only.
pub fn key(
    note: &mut Option<NoteEdit>,
    key: KeyEvent,
    session: &mut Session,
    lang: Lang,
) -> Option<(Action, bool)> {
    if matches!(key.code, KeyCode::F(_)) {
        return None;
    }
    let edit = note.as_mut()?;
    Some(match edit.handle(key, session, lang) {
        Outcome::Typing => (Action::None, false),
        Outcome::Closed(msg) => {
            *note = None;
            (Action::Flash(msg), true)
        }
        Outcome::Refused(msg) => {
            if session.read_only() {
                *note = None;
            }
            (Action::Flash(msg), false)
        }
    })
}

pub struct NoteEdit {
    pub control: &'static Control,
    field: TextField,
}

/// What a key did to the note.
pub enum Outcome {
    Typing,
    /// Kept (or left unchanged): the message to show.
    Closed(String),
    /// Refused by the domain or because the record is read-only; the note stays open unless
    /// the record is read-only.
    Refused(String),
}

impl NoteEdit {
    pub fn open(control: &'static Control, text: &str) -> NoteEdit {
        NoteEdit {
            control,
            field: TextField::multi(text),
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.field.paste(text);
    }

    /// Moves what is typed into the record's drafts.
    pub fn keep_draft(&self, session: &mut Session) {
        session.set_draft(
            &draft_key(&self.control.id),
            Draft {
                value: None,
                note: Some(self.field.text()),
            },
        );
    }

    pub fn handle(&mut self, key: KeyEvent, session: &mut Session, lang: Lang) -> Outcome {
        match self.field.handle(key) {
            FieldKey::Keep => self.keep(session, lang),
            _ => Outcome::Typing,
        }
    }

    /// Saves the note on the control (an empty note removes it) and drops the draft. A note left
    /// as it was changes nothing, so that opening one does not clear "carried from last year".
    fn keep(&mut self, session: &mut Session, lang: Lang) -> Outcome {
        let text = self.field.text();
        let id = self.control.id.clone();
        let key = draft_key(&id);
        let before = session
            .record
            .controls
            .get(&id)
            .and_then(|m| m.note.clone())
            .unwrap_or_default();
        if text.trim_end() == before {
            session.set_draft(&key, Draft::default());
            session.flush();
            return Outcome::Closed(
                lang.pick("メモは変わっていません", "Note unchanged")
                    .to_string(),
            );
        }
        let change = MarkChange {
            note: Some(&text),
            ..MarkChange::default()
        };
        let saved = session.update(|r| {
            set_mark(
                Catalog::embedded(),
                r,
                &id,
                change,
                crate::clock::system().now(),
            )?;
            r.set_draft(&key, Draft::default());
            Ok::<(), MarkError>(())
        });
        match saved {
            Ok(()) => Outcome::Closed(lang.pick("メモを保存しました", "Note kept").to_string()),
            Err(Refused::ReadOnly(h)) => Outcome::Refused(Refusal::ReadOnly(h).message(lang)),
            Err(Refused::Rule(e)) => Outcome::Refused(e.message(lang)),
        }
    }

    /// The note box over `area` (the detail's place), the control's name in its border.
    pub fn render(&self, frame: &mut Frame, area: Rect, t: &Theme, lang: Lang) {
        if area.width < 4 || area.height < 3 {
            return;
        }
        let title = format!(
            " {}{} ",
            lang.pick("メモ：", "Note: "),
            self.control.name(lang)
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.accent())
            .title(truncate(&title, area.width.saturating_sub(4) as usize))
            .title_bottom(Line::styled(
                lang.pick(
                    " Esc/Ctrl-S 保存して閉じる  Enter 改行 ",
                    " Esc/Ctrl-S keep it  Enter new line ",
                ),
                t.dim(),
            ));
        let inner = block.inner(area);
        overlay::clear(frame, area);
        frame.render_widget(block, area);
        self.field.draw(frame, inner, t.base(), true);
    }
}
