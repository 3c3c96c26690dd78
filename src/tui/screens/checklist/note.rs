//! A note on a checklist item: kept on the latest check of an answered item, else as a draft
//! recorded with the answer.

use super::Checklist;
use crate::domain::checklist::rules;
use crate::domain::record::Draft;
use crate::domain::Lang;
use crate::tui::app::Action;
use crate::tui::screens::overlay::Overlay;
use crate::tui::session::{Refused, Session};
use crate::tui::widgets::note_editor::NoteEditor;

impl Checklist {
    pub(super) fn open_note(&mut self, session: &Session, lang: Lang) -> Action {
        let Some(row) = self.row() else {
            return Action::None;
        };
        let item = row.item.id.clone();
        let text = self
            .pending_note(session, &item)
            .or_else(|| row.latest().and_then(|l| l.note.clone()))
            .unwrap_or_default();
        // Read-only, the note opens to be read: what is typed next goes to the box (which says
        // 読み取り専用), never to the screen as commands.
        let editor = NoteEditor::open(&text).kept_under(self.key_of(&item));
        let (editor, said) = match session.read_only_message(lang) {
            Some(why) => (editor.read_only(), Action::Flash(why)),
            None => (editor, Action::None),
        };
        self.overlay = Some(Overlay::Note(editor));
        said
    }

    /// Keeps the note: on the latest check of an answered item, else as a draft recorded with
    /// the answer.
    pub(super) fn keep_note(&mut self, text: String, session: &mut Session, lang: Lang) -> Action {
        let Some(item) = self.note_item() else {
            return Action::None;
        };
        let key = self.key_of(&item);
        let answered = self.view.row(&item).is_some_and(|r| !r.history.is_empty());
        let draft_value = key.get(&session.record).and_then(|d| d.value.clone());
        if answered {
            let (editions, edition) = (self.editions, &self.edition.id);
            match session.update(|r| {
                rules::note(
                    editions,
                    r,
                    edition,
                    &item,
                    &text,
                    crate::clock::system().now(),
                )?;
                key.set(
                    r,
                    Draft {
                        value: draft_value,
                        note: None,
                    },
                );
                Ok::<(), rules::ChecklistError>(())
            }) {
                Ok(()) => {
                    self.overlay = None;
                    self.rebuild(session);
                    Action::Flash(lang.pick("メモを保存しました", "Note kept").to_string())
                }
                Err(Refused::ReadOnly(h)) => {
                    self.overlay = None;
                    Action::Flash(Refused::read_only_message(&h, lang))
                }
                Err(Refused::Rule(e)) => Action::Flash(e.message(lang)),
            }
        } else {
            if let Err(e) = rules::check_note(&text) {
                return Action::Flash(e.message(lang));
            }
            let note = (!text.trim().is_empty()).then(|| text.trim_end().to_string());
            session.set_draft(
                &key,
                Draft {
                    value: draft_value,
                    note,
                },
            );
            session.flush();
            self.overlay = None;
            Action::Flash(
                lang.pick(
                    "メモを下書きとして保存しました：回答（y/n）と一緒に記録されます",
                    "Note kept as a draft: it is recorded with the answer (y/n)",
                )
                .to_string(),
            )
        }
    }
}
