//! What is open over the question — its note, the export — and what the interview does with
//! what the overlay says was done.

use super::Interview;
use crate::tui::app::{Action, Env};
use crate::tui::screens::export::{self, ExportPrompt};
use crate::tui::screens::overlay::{Done, Overlay};
use crate::tui::session::Session;
use crate::tui::widgets::note_editor::NoteEditor;
use crossterm::event::KeyEvent;

impl Interview {
    pub(super) fn note(&self) -> Option<&NoteEditor> {
        self.overlay.as_ref().and_then(Overlay::note)
    }

    /// A key for what is open over the question; `None` for the app's keys (F1…).
    pub(super) fn overlay_key(&mut self, key: KeyEvent, env: &mut Env) -> Option<Action> {
        let lang = env.lang;
        let overlay = self.overlay.as_mut()?;
        let a_note = overlay.note().is_some();
        let done = overlay.handle(key);
        let session = env.session.as_deref_mut()?;
        match done {
            Done::Open | Done::Path(..) | Done::Submit | Done::Confirmed => {}
            Done::Pass => return None,
            // A note closed as it is kept: its draft goes with the next `keep_drafts`.
            Done::Closed => {
                self.overlay = None;
                if a_note {
                    self.info = Some(
                        lang.pick("メモは変わっていません", "Note unchanged")
                            .to_string(),
                    );
                }
            }
            // Kept on the question through the session; a refusal leaves the note open.
            Done::Note(text) => match session.set_note(&self.current, &text) {
                Ok(()) => {
                    self.overlay = None;
                    self.info = Some(lang.pick("メモを保存しました", "Note kept").to_string());
                }
                Err(r) => self.error = Some(r.message(lang)),
            },
            // The record as this session holds it (what the screen shows, even when the last
            // save failed) is written; a path that cannot be written keeps the prompt open.
            Done::Export(format, path) => {
                match export::write(
                    env.store,
                    env.survey.survey(),
                    &session.record,
                    format,
                    &path,
                    lang,
                ) {
                    Ok(said) => {
                        self.overlay = None;
                        return Some(Action::Flash(said));
                    }
                    Err(why) => overlay.refuse(why),
                }
            }
        }
        Some(Action::None)
    }

    pub(super) fn open_export(&mut self, session: &Session, env_store: &crate::store::Store) {
        self.overlay = Some(Overlay::Export(ExportPrompt::new(
            &session.record.id,
            &env_store.exports_dir(),
        )));
    }
}
