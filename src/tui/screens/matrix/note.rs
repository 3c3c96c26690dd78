//! A note on one control, written in a [`TextField`] and kept through the same `set_mark` as
//! `shindan control --note`. While it is being written it lives in the record's drafts under
//! `matrix/<control>` (as the interview's note does under its question), so a note survives
//! leaving the screen, a restart or a cut SSH connection, and is opened again where it was.

use crate::domain::matrix::mark::{set_mark, MarkChange, MarkError};
use crate::domain::matrix::{Catalog, Control};
use crate::domain::record::Draft;
use crate::domain::Lang;
use crate::tui::app::Action;
use crate::tui::drafts::DraftKey;
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::note_editor::{NoteEditor, NoteKey};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::Frame;

/// Where the typing of a control's note waits in the record's drafts.
pub fn draft_key(control: &str) -> DraftKey {
    DraftKey::control(control)
}

/// The first control whose note was being written when the screen was last left.
pub fn pending(session: &Session) -> Option<(&'static Control, String)> {
    let catalog = Catalog::embedded();
    DraftKey::controls(&session.record).find_map(|(id, d)| {
        let control = catalog.control(id)?;
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
    editor: NoteEditor,
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
    pub fn open(control: &'static Control, text: &str, lang: Lang) -> NoteEdit {
        NoteEdit {
            control,
            editor: NoteEditor::about(text, control.name(lang).to_string()),
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.editor.paste(text);
    }

    /// Moves what is typed into the record's drafts.
    pub fn keep_draft(&self, session: &mut Session) {
        session.set_draft(
            &draft_key(&self.control.id),
            Draft {
                value: None,
                note: Some(self.editor.text()),
            },
        );
    }

    pub fn handle(&mut self, key: KeyEvent, session: &mut Session, lang: Lang) -> Outcome {
        match self.editor.handle(key) {
            NoteKey::Kept(text) => self.keep(&text, session, lang),
            NoteKey::Editing | NoteKey::Pass => Outcome::Typing,
        }
    }

    /// Saves the note on the control (an empty note removes it) and drops the draft. A note left
    /// as it was changes nothing, so that opening one does not clear "carried from last year".
    fn keep(&mut self, text: &str, session: &mut Session, lang: Lang) -> Outcome {
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
            note: Some(text),
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
            key.set(r, Draft::default());
            Ok::<(), MarkError>(())
        });
        match saved {
            Ok(()) => Outcome::Closed(lang.pick("メモを保存しました", "Note kept").to_string()),
            Err(r) => Outcome::Refused(r.message_with(lang, MarkError::message)),
        }
    }

    /// The note box over the lower half of `area` (the detail's place), the control's name in
    /// its border.
    pub fn render(&self, frame: &mut Frame, area: Rect, t: &Theme, lang: Lang) {
        self.editor
            .render(frame, NoteEditor::lower_half(area), t, lang);
    }
}
