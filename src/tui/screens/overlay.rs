//! The one overlay a screen holds: whatever is open over it — a note being written, the
//! export's format and path, a path to write or read, one of the screen's own forms, a
//! question to confirm — in one
//! `Option<Overlay>` that sees every key first. The screen does not ask each of its editors in turn; it asks the overlay,
//! and acts on what it says was done ([`Done`]): a note kept, an export chosen, a path chosen.
//!
//! ```text
//!  key ─▶ Screen::handle_key ─▶ overlay.handle(key) ─▶ Done::Open     (typing; nothing else)
//!                                  │                    Done::Closed   (cancelled, or a note kept
//!                                  │                                    as it was: the screen drops it)
//!                                  │                    Done::Pass     (F1…: the app's)
//!                                  │                    Done::Note / Export / Path / Submit
//!                                  │                         / Confirmed (the screen acts)
//!                                  └─ no overlay: the screen's own keys
//! ```

use crate::print::report::Format;
use crate::tui::app::View;
use crate::tui::commands::Command;
use crate::tui::keys::Scope;
use crate::tui::screens::confirm::Confirm;
use crate::tui::screens::export::{ExportPrompt, PromptKey};
use crate::tui::screens::path_prompt::{PathKey, PathPrompt};
use crate::tui::widgets::note_editor::{NoteEditor, NoteKey};
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::Frame;
use std::path::PathBuf;

/// `F` is the screen's own forms (a checklist answer, a vendor, a contact): what they hold and
/// check is the screen's, how they take keys is [`OverlayForm`]'s. A screen without forms
/// holds an `Overlay` (of [`NoForm`]). `A` is what the screen's confirm questions are about
/// (a record, a vendor, a place of the chart).
pub enum Overlay<F = NoForm, A = ()> {
    Note(NoteEditor),
    Export(ExportPrompt),
    Path(PathPrompt),
    Form(F),
    Confirm(Confirm<A>),
}

/// A screen's form opened as its overlay: the keys it takes (typing, the focus moving), and
/// Enter said as [`Done::Submit`] for the screen to check and keep, Esc as [`Done::Closed`].
pub trait OverlayForm {
    fn handle(&mut self, key: KeyEvent) -> Done;
    fn paste(&mut self, text: &str);
    fn commands(&self) -> Vec<Command>;
    fn scope(&self) -> Scope {
        Scope::Fields
    }
}

/// The forms of a screen that has none.
pub enum NoForm {}

impl OverlayForm for NoForm {
    fn handle(&mut self, _: KeyEvent) -> Done {
        match *self {}
    }
    fn paste(&mut self, _: &str) {
        match *self {}
    }
    fn commands(&self) -> Vec<Command> {
        match *self {}
    }
}

/// What a key did to the overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// Still open: typing, a move, a key it ignores.
    Open,
    /// Cancelled (a note: the keep key on the note as it is kept): the screen closes it.
    Closed,
    /// Not the overlay's key (a function key): the app handles it.
    Pass,
    /// The note's keep key: the text to keep.
    Note(String),
    /// The export's format and where to write it.
    Export(Format, PathBuf),
    /// A path, and the format chosen among the prompt's choices.
    Path(PathBuf, usize),
    /// A form's Enter: the screen checks what is typed and keeps it (or refuses, the form open).
    Submit,
    /// A question answered yes: the screen does what it asked about.
    Confirmed,
}

impl<F: OverlayForm, A> Overlay<F, A> {
    pub fn handle(&mut self, key: KeyEvent) -> Done {
        match self {
            Overlay::Note(n) => match n.handle(key) {
                NoteKey::Kept(text) => Done::Note(text),
                NoteKey::Cancelled => Done::Closed,
                NoteKey::Editing => Done::Open,
                NoteKey::Pass => Done::Pass,
            },
            Overlay::Export(e) => match e.handle(key) {
                PromptKey::Stay => Done::Open,
                PromptKey::Cancel => Done::Closed,
                PromptKey::Chosen(f, path) => Done::Export(f, path),
            },
            Overlay::Path(p) => match p.handle(key) {
                PathKey::Stay => Done::Open,
                PathKey::Cancel => Done::Closed,
                PathKey::Chosen(path, choice) => Done::Path(path, choice),
            },
            Overlay::Form(f) => f.handle(key),
            Overlay::Confirm(c) => c.handle(key),
        }
    }

    pub fn paste(&mut self, text: &str) {
        match self {
            Overlay::Note(n) => n.paste(text),
            Overlay::Export(e) => e.paste(text),
            Overlay::Path(p) => p.paste(text),
            Overlay::Form(f) => f.paste(text),
            Overlay::Confirm(c) => c.paste(text),
        }
    }

    /// A write that failed: a prompt stays open with the reason under its field (a form puts
    /// a refusal where it belongs itself).
    pub fn refuse(&mut self, why: String) {
        match self {
            Overlay::Note(_) | Overlay::Form(_) | Overlay::Confirm(_) => {}
            Overlay::Export(e) => e.refuse(why),
            Overlay::Path(p) => p.error = Some(why),
        }
    }

    pub fn scope(&self) -> Scope {
        match self {
            Overlay::Note(_) => Scope::Note,
            Overlay::Export(e) => e.scope(),
            Overlay::Path(_) => Scope::Path,
            Overlay::Form(f) => f.scope(),
            Overlay::Confirm(c) => c.scope(),
        }
    }

    pub fn commands(&self) -> Vec<Command> {
        match self {
            Overlay::Note(n) => n.commands(),
            Overlay::Export(e) => e.commands(),
            Overlay::Path(p) => p.commands(),
            Overlay::Form(f) => f.commands(),
            Overlay::Confirm(c) => c.commands(),
        }
    }

    /// The note being written, if the overlay is one (the screen places its box).
    pub fn note(&self) -> Option<&NoteEditor> {
        match self {
            Overlay::Note(n) => Some(n),
            _ => None,
        }
    }

    /// The screen's form, if the overlay is one (the screen draws it where it belongs).
    pub fn form(&self) -> Option<&F> {
        match self {
            Overlay::Form(f) => Some(f),
            _ => None,
        }
    }

    /// The question being asked, if the overlay is one (the screen says it where it belongs).
    pub fn confirm(&self) -> Option<&Confirm<A>> {
        match self {
            Overlay::Confirm(c) => Some(c),
            _ => None,
        }
    }

    /// Draws a prompt over `area`, centred. A note, a form and a question are drawn by the
    /// screen where they belong ([`NoteEditor::render`] at the place the screen chooses).
    pub fn render_prompt(&self, frame: &mut Frame, area: Rect, view: &View) {
        match self {
            Overlay::Note(_) | Overlay::Form(_) | Overlay::Confirm(_) => {}
            Overlay::Export(e) => e.render(frame, area, view),
            Overlay::Path(p) => p.render(frame, area, view),
        }
    }
}
