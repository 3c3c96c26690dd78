//! The one note editor: a multi-line [`TextField`] in a box, used wherever a note is written
//! (a question in the interview, a checklist item, a risk-matrix control in the controls list
//! and the walk-through). The screens differ only in where the note is kept; the keys, the
//! drawing, the input method's cursor and pasting are here, once.
//!
//! Its keys are the binding table's `Scope::Note` rows: Enter breaks the line, Esc or Ctrl-S
//! keeps the note (a note is never thrown away by a key: what was typed is what the user meant
//! to write). When the text is the note as it is kept, the same key says [`NoteKey::Cancelled`]:
//! there is nothing to keep, and the screen closes the box without writing. Function keys pass
//! to the app (F1 is the help).

use crate::domain::Lang;
use crate::text::truncate;
use crate::tui::commands::Command;
use crate::tui::drafts::DraftKey;
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::overlay;
use crate::tui::widgets::text_field::TextField;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders};
use ratatui::Frame;

/// What a key did to the note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKey {
    /// The keep key: the text to keep (the screen saves it where its notes live).
    Kept(String),
    /// The keep key on the note as it is kept (nothing typed, or typed back): nothing to save,
    /// the box closes.
    Cancelled,
    /// The text or the caret changed, or the key was the editor's and did nothing.
    Editing,
    /// Not the editor's key (a function key): the app handles it.
    Pass,
}

#[derive(Debug, Clone)]
pub struct NoteEditor {
    field: TextField,
    /// What the note is on, named in the box's border (the matrix names the control); `None`
    /// draws the box titled with the keep key alone.
    about: Option<String>,
    /// The note as it is kept where it lives: the keep key on this text is a cancel.
    saved: String,
    /// Where what is typed waits in the record's drafts, when the screen keeps it there by the
    /// note alone (the matrix's controls, a checklist item); `None` where the screen knows it
    /// otherwise.
    draft: Option<DraftKey>,
    /// Opened on a record this session may only read: the note is shown, the box says
    /// 「読み取り専用」, and what is typed goes nowhere — neither into the note nor, as letters
    /// typed after `n` would without the box, to the screen as commands.
    read_only: bool,
}

impl NoteEditor {
    /// The note kept as `saved`, opened for writing.
    pub fn open(saved: &str) -> NoteEditor {
        NoteEditor {
            field: TextField::multi(saved),
            about: None,
            saved: saved.to_string(),
            draft: None,
            read_only: false,
        }
    }

    /// The note shown on a read-only record: keys that would edit change nothing (the box says
    /// why), the keep key closes it.
    pub fn read_only(self) -> NoteEditor {
        NoteEditor {
            read_only: true,
            ..self
        }
    }

    /// A note whose box names what it is on, with the keys under it.
    pub fn about(saved: &str, about: String) -> NoteEditor {
        NoteEditor {
            about: Some(about),
            ..NoteEditor::open(saved)
        }
    }

    /// Opened again on what was being typed when the screen was last left (a draft), if any.
    pub fn typed(self, typed: Option<&str>) -> NoteEditor {
        match typed {
            Some(text) => NoteEditor {
                field: TextField::multi(text),
                ..self
            },
            None => self,
        }
    }

    /// Where what is typed waits in the record's drafts.
    pub fn kept_under(self, key: DraftKey) -> NoteEditor {
        NoteEditor {
            draft: Some(key),
            ..self
        }
    }

    pub fn draft_key(&self) -> Option<&DraftKey> {
        self.draft.as_ref()
    }

    pub fn text(&self) -> String {
        self.field.text()
    }

    pub fn handle(&mut self, key: KeyEvent) -> NoteKey {
        if matches!(key.code, KeyCode::F(_)) {
            return NoteKey::Pass;
        }
        if self.read_only {
            use KeyCode as K;
            if keys::intent_in(Scope::Note, &key) == Some(Intent::Back) {
                return NoteKey::Cancelled;
            }
            // Moving the caret reads a long note; nothing else reaches the text.
            if matches!(
                key.code,
                K::Up | K::Down | K::Left | K::Right | K::Home | K::End | K::PageUp | K::PageDown
            ) {
                self.field.handle(key);
            }
            return NoteKey::Editing;
        }
        match keys::intent_in(Scope::Note, &key) {
            Some(Intent::Back) => {
                let text = self.field.text();
                if text.trim_end() == self.saved.trim_end() {
                    NoteKey::Cancelled
                } else {
                    NoteKey::Kept(text)
                }
            }
            _ => {
                self.field.handle(key);
                NoteKey::Editing
            }
        }
    }

    /// Bracketed paste: line breaks kept, `\r\n` read as one.
    pub fn paste(&mut self, text: &str) {
        if !self.read_only {
            self.field.paste(text);
        }
    }

    /// The footer's commands while the note is open: on a read-only record only the key that
    /// closes it (nothing is kept, no line can be broken).
    pub fn commands(&self) -> Vec<Command> {
        if self.read_only {
            return vec![Command::of(Scope::Note, Intent::Back)
                .keys("Esc/Ctrl-S")
                .label("閉じる（読み取り専用）", "close (read-only)")];
        }
        crate::tui::commands::note_commands()
    }

    /// The box placed under a pane's text: from row `at` of `inner` down to its bottom, but
    /// at least `min_height` rows tall (it then rises over the text above).
    pub fn below(inner: Rect, at: usize, min_height: u16) -> Rect {
        let above = (at as u16).min(inner.height.saturating_sub(min_height));
        let [_, rect] =
            Layout::vertical([Constraint::Length(above), Constraint::Fill(1)]).areas(inner);
        rect
    }

    /// The box over the lower half of `area` (at least 6 rows): the place of a detail.
    pub fn lower_half(area: Rect) -> Rect {
        let h = (area.height / 2).max(6).min(area.height);
        let [_, rect] = Layout::vertical([Constraint::Fill(1), Constraint::Length(h)]).areas(area);
        rect
    }

    /// ```text
    /// ┌ メモ（Esc/Ctrl-S で保存） ─────┐   ┌ メモ：バックアップの隔離 ──────┐
    /// │一行目                          │   │…                              │
    /// │二行目▌                         │   └ Esc/Ctrl-S 保存して閉じる … ──┘
    /// └────────────────────────────────┘
    /// ```
    /// The terminal's cursor is left at the caret, for the input method.
    pub fn render(&self, frame: &mut Frame, rect: Rect, t: &Theme, l: Lang) {
        if rect.width < 4 || rect.height < 3 {
            return;
        }
        let keep = keys::shown(Scope::Note, Intent::Back);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.accent());
        let block = match &self.about {
            None if self.read_only => block.title(match l {
                Lang::Ja => format!(" メモ（読み取り専用：{keep} で閉じる） "),
                Lang::En => format!(" Note (read-only: {keep} closes it) "),
            }),
            None => block.title(match l {
                Lang::Ja => format!(" メモ（{keep} で保存） "),
                Lang::En => format!(" Note ({keep} keeps it) "),
            }),
            Some(about) => {
                let title = format!(" {}{about} ", l.pick("メモ：", "Note: "));
                let newline = keys::shown(Scope::Note, Intent::NewLine);
                block
                    .title(truncate(&title, rect.width.saturating_sub(4) as usize))
                    .title_bottom(Line::styled(
                        match (l, self.read_only) {
                            (Lang::Ja, true) => format!(" 読み取り専用：{keep} で閉じる "),
                            (Lang::En, true) => format!(" read-only: {keep} closes it "),
                            (Lang::Ja, false) => format!(" {keep} 保存して閉じる  {newline} 改行 "),
                            (Lang::En, false) => format!(" {keep} keep it  {newline} new line "),
                        },
                        t.dim(),
                    ))
            }
        };
        let inner = block.inner(rect);
        overlay::clear(frame, rect);
        frame.render_widget(block, rect);
        self.field.draw(frame, inner, t.base(), true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn enter_breaks_the_line_esc_and_ctrl_s_keep_and_f1_passes() {
        let mut n = NoteEditor::open("");
        for c in "一行目".chars() {
            assert_eq!(n.handle(key(KeyCode::Char(c))), NoteKey::Editing);
        }
        assert_eq!(n.handle(key(KeyCode::Enter)), NoteKey::Editing);
        n.paste("二行目\r\n三行目");
        assert_eq!(n.handle(key(KeyCode::F(1))), NoteKey::Pass);
        let kept = NoteKey::Kept("一行目\n二行目\n三行目".to_string());
        assert_eq!(n.handle(key(KeyCode::Esc)), kept);
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(n.handle(ctrl_s), kept);
    }

    #[test]
    fn a_read_only_note_takes_no_typing_and_its_keep_key_closes_it() {
        let mut n = NoteEditor::open("保存済み")
            .typed(Some("下書き"))
            .read_only();
        for code in [
            KeyCode::Char('q'),
            KeyCode::Enter,
            KeyCode::Backspace,
            KeyCode::Left,
        ] {
            assert_eq!(n.handle(key(code)), NoteKey::Editing);
        }
        n.paste("貼り付け");
        assert_eq!(
            n.text(),
            "下書き",
            "nothing typed or pasted reaches the note"
        );
        assert_eq!(n.handle(key(KeyCode::F(1))), NoteKey::Pass);
        // Closed, even on a draft: a read-only record keeps nothing.
        assert_eq!(n.handle(key(KeyCode::Esc)), NoteKey::Cancelled);
    }

    #[test]
    fn the_keep_key_on_the_note_as_kept_cancels_and_never_on_a_draft() {
        let mut n = NoteEditor::open("保存済み");
        assert_eq!(n.handle(key(KeyCode::Esc)), NoteKey::Cancelled);
        // Typed and typed back: nothing to keep.
        n.handle(key(KeyCode::Char('x')));
        n.handle(key(KeyCode::Backspace));
        assert_eq!(n.handle(key(KeyCode::Esc)), NoteKey::Cancelled);
        // Opened again on a draft: Esc at once keeps the draft, typed before the screen was left.
        let mut d = NoteEditor::open("保存済み").typed(Some("下書き"));
        assert_eq!(
            d.handle(key(KeyCode::Esc)),
            NoteKey::Kept("下書き".to_string())
        );
        // Emptied: an empty note is kept (it removes the note), not cancelled.
        let mut e = NoteEditor::open("x");
        e.handle(key(KeyCode::Backspace));
        assert_eq!(e.handle(key(KeyCode::Esc)), NoteKey::Kept(String::new()));
    }
}
