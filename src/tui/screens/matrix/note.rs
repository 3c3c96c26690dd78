//! A note on one control, written in the one [`NoteEditor`] (the screen's [`Overlay`]) and kept
//! through the same `set_mark` as `shindan control --note`. While it is being written it lives
//! in the record's drafts under `matrix/<control>` (as the interview's note does under its question), so a note survives
//! leaving the screen, a restart or a cut SSH connection, and is opened again where it was.

use crate::domain::matrix::mark::{set_mark, MarkChange, MarkError};
use crate::domain::matrix::{Catalog, Control};
use crate::domain::record::Draft;
use crate::domain::Lang;
use crate::tui::app::Action;
use crate::tui::drafts::DraftKey;
use crate::tui::screens::overlay::{Done, Overlay};
use crate::tui::session::{Refused, Session};
use crate::tui::theme::Theme;
use crate::tui::widgets::note_editor::NoteEditor;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::Frame;

/// Where the typing of a control's note waits in the record's drafts.
pub fn draft_key(control: &str) -> DraftKey {
    DraftKey::control(control)
}

/// The first control whose note was being written when the screen was last left.
pub fn pending(session: &Session) -> Option<&'static Control> {
    let catalog = Catalog::embedded();
    DraftKey::controls(&session.record)
        .filter(|(_, d)| d.note.is_some())
        .find_map(|(id, _)| catalog.control(id))
}

/// The note on `control` opened for writing, on the draft typed before the screen was left
/// when there is one, else on the note as it is kept.
pub fn open(control: &'static Control, session: &Session, lang: Lang) -> Overlay {
    let key = draft_key(&control.id);
    let saved = session
        .record
        .controls
        .get(&control.id)
        .and_then(|m| m.note.clone())
        .unwrap_or_default();
    let typed = key.get(&session.record).and_then(|d| d.note.clone());
    let editor = NoteEditor::about(&saved, control.name(lang).to_string())
        .typed(typed.as_deref())
        .kept_under(key);
    // A record this session may only read: the note is shown, typing goes nowhere.
    Overlay::Note(if session.read_only() {
        editor.read_only()
    } else {
        editor
    })
}

/// A key for the open overlay, if any: the action, and whether the note was closed (the screen
/// then makes its text again). Function keys pass (F1 is the help). A refused note stays open
/// unless the record is read-only.
pub fn key(
    overlay: &mut Option<Overlay>,
    key: KeyEvent,
    session: &mut Session,
    lang: Lang,
) -> Option<(Action, bool)> {
    let open = overlay.as_mut()?;
    let control = open.note().and_then(control_of);
    let closed = |msg: &str| Some((Action::Flash(msg.to_string()), true));
    match (open.handle(key), control) {
        (Done::Pass, _) => None,
        // The note as it is kept: nothing written, the draft dropped.
        (Done::Closed, Some(id)) => {
            *overlay = None;
            session.set_draft(&draft_key(&id), Draft::default());
            session.flush();
            closed(lang.pick("メモは変わっていません", "Note unchanged"))
        }
        (Done::Note(text), Some(id)) => match keep(&id, &text, session) {
            Ok(()) => {
                *overlay = None;
                closed(lang.pick("メモを保存しました", "Note kept"))
            }
            Err(r) => {
                if session.read_only() {
                    *overlay = None;
                }
                Some((
                    Action::Flash(r.message_with(lang, MarkError::message)),
                    false,
                ))
            }
        },
        (Done::Closed, None) => {
            *overlay = None;
            Some((Action::None, true))
        }
        _ => Some((Action::None, false)),
    }
}

/// The control a note is on.
fn control_of(editor: &NoteEditor) -> Option<String> {
    match editor.draft_key()? {
        DraftKey::Control(id) => Some(id.clone()),
        _ => None,
    }
}

/// Moves what is typed into the record's drafts.
pub fn keep_draft(overlay: &Option<Overlay>, session: &mut Session) {
    let Some(editor) = overlay.as_ref().and_then(Overlay::note) else {
        return;
    };
    if let Some(key) = editor.draft_key() {
        session.set_draft(
            key,
            Draft {
                value: None,
                note: Some(editor.text()),
            },
        );
    }
}

/// Saves the note on the control (an empty note removes it) and drops the draft.
fn keep(id: &str, text: &str, session: &mut Session) -> Result<(), Refused<MarkError>> {
    let key = draft_key(id);
    let change = MarkChange {
        note: Some(text),
        ..MarkChange::default()
    };
    session.update(|r| {
        set_mark(
            Catalog::embedded(),
            r,
            id,
            change,
            crate::clock::system().now(),
        )?;
        key.set(r, Draft::default());
        Ok::<(), MarkError>(())
    })
}

/// The note box over the lower half of `area` (the detail's place), the control's name in its
/// border.
pub fn render(overlay: &Option<Overlay>, frame: &mut Frame, area: Rect, t: &Theme, lang: Lang) {
    if let Some(editor) = overlay.as_ref().and_then(Overlay::note) {
        editor.render(frame, NoteEditor::lower_half(area), t, lang);
    }
}
