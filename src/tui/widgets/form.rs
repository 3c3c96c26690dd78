//! The one form component: what every form of the TUI shares — the focus moving through the
//! fields in the order the eye meets them, the keys read from the binding table, the `▸` marker
//! on the focused field, the field drawn with the terminal's cursor at its caret.
//!
//! The forms (the new record, a checklist answer, a vendor, a contact, the budget's rates)
//! keep what is theirs: which fields, what the domain checks, where a refusal goes.
//!
//! The focus starts on the top field and Tab goes down, Shift-Tab up; neither wraps round, so
//! a Tab too many never puts the typing back in a field already filled (the いいえ form used
//! to jump from 確認日 back to 目標日, and a date typed twice read 「2026-12-012027-03-31」).

use crate::text::{pad, width};
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::TextField;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::Frame;

/// What a key means to a form, read from the binding table's `scope`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    /// Enter: check and keep.
    Submit,
    /// Esc: close without keeping.
    Cancel,
    /// Tab (and ↓ where the scope binds it): the focus moved to the next field, or stayed on
    /// the last.
    Next,
    /// Shift-Tab (and ↑ where bound): the focus moved up, or stayed on the first.
    Prev,
    /// A function key: the app's (F1 is the help).
    Pass,
    /// Anything else goes to the focused field.
    Type,
}

/// The focused field among `len`, top first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focus {
    at: usize,
    len: usize,
}

impl Focus {
    /// On the first field (the top one).
    pub fn first(len: usize) -> Focus {
        Focus { at: 0, len }
    }

    pub fn at(self) -> usize {
        self.at
    }

    pub fn is(self, i: usize) -> bool {
        self.at == i
    }

    /// Moves to field `i` (a refusal puts the focus on the field it is about).
    pub fn set(&mut self, i: usize) {
        self.at = i.min(self.len.saturating_sub(1));
    }

    pub fn next(&mut self) {
        self.set(self.at + 1);
    }

    pub fn prev(&mut self) {
        self.at = self.at.saturating_sub(1);
    }

    /// Reads a form key in `scope` and moves the focus for Tab / Shift-Tab.
    pub fn key(&mut self, scope: Scope, key: &KeyEvent) -> FormKey {
        let read = read(scope, key);
        match read {
            FormKey::Next => self.next(),
            FormKey::Prev => self.prev(),
            _ => {}
        }
        read
    }
}

/// What a key means in a form's `scope` (`Scope::Fields` for most forms).
pub fn read(scope: Scope, key: &KeyEvent) -> FormKey {
    if matches!(key.code, KeyCode::F(_)) {
        return FormKey::Pass;
    }
    match keys::intent_in(scope, key) {
        Some(Intent::Pick) => FormKey::Submit,
        Some(Intent::Back) => FormKey::Cancel,
        Some(Intent::NextQuestion) => FormKey::Next,
        Some(Intent::PrevQuestion) => FormKey::Prev,
        _ => FormKey::Type,
    }
}

/// A printable character, which a focused text field takes before any binding (`j` is typed
/// into a name, not read as ↓).
pub fn is_typed(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(_))
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// A field's label, `▸` before it when focused: the focus shows without colour (NO_COLOR)
/// too. `width` counts the marker.
pub fn label(text: &str, focused: bool, width: usize, t: &Theme) -> Span<'static> {
    Span::styled(
        format!(
            "{}{}",
            if focused { "▸" } else { " " },
            pad(text, width.saturating_sub(1))
        ),
        if focused { t.heading() } else { t.base() },
    )
}

/// The place of a one-line field, `[` and `]` around it so that it shows where underline is
/// not drawn (some vt100s, captures).
pub fn brackets(cells: usize, t: &Theme) -> Span<'static> {
    Span::styled(format!("[{}]", " ".repeat(cells)), t.dim())
}

/// The cells of a field drawn on row `row` of `inner` after a label `label_w` wide and its
/// opening bracket (`label [field]`), `cells` wide at most; `None` when the row is below
/// `inner` (a pane too short for the form).
pub fn field_cell(inner: Rect, row: usize, label_w: usize, cells: usize) -> Option<Rect> {
    let line = inner.rows().nth(row)?;
    Some(cell_after(line, label_w as u16 + 1, cells as u16))
}

/// The cells of `row` after its first `skip` columns (a label, a bracket), `cells` wide at
/// most: cut at the row's end, never drawn past it.
pub fn cell_after(row: Rect, skip: u16, cells: u16) -> Rect {
    let [_, cell, _] = Layout::horizontal([
        Constraint::Length(skip),
        Constraint::Length(cells.min(row.width.saturating_sub(skip))),
        Constraint::Fill(1),
    ])
    .areas(row);
    cell
}

/// Draws a one-line field inside its brackets (at `rect`, the cells between them), underlined;
/// when focused, the terminal's cursor is at its caret for the input method.
pub fn draw_field(frame: &mut Frame, field: &TextField, rect: Rect, focused: bool, base: Style) {
    field.draw(
        frame,
        rect,
        base.add_modifier(Modifier::UNDERLINED),
        focused,
    );
}

/// Whether `extra` (a range, a refusal) fits on the field's row after a label of `label_w`
/// and a field of `field_w` cells, in `w` columns; else it goes on the row below.
pub fn fits_beside(label_w: usize, field_w: usize, extra: &str, w: usize) -> bool {
    label_w + field_w + 2 + width(extra) <= w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn a_field_sits_after_its_label_and_bracket_cut_to_the_pane() {
        let inner = Rect::new(2, 5, 30, 3);
        assert_eq!(field_cell(inner, 1, 10, 12), Some(Rect::new(13, 6, 12, 1)));
        // Wider than what is left of the row: cut at the pane's edge, not drawn over the border.
        assert_eq!(field_cell(inner, 2, 10, 40), Some(Rect::new(13, 7, 19, 1)));
        assert_eq!(field_cell(inner, 3, 10, 12), None);
    }

    #[test]
    fn tab_goes_down_shift_tab_up_and_neither_wraps() {
        let mut f = Focus::first(3);
        assert!(f.is(0));
        assert_eq!(f.key(Scope::Fields, &press(KeyCode::Tab)), FormKey::Next);
        assert_eq!(f.at(), 1);
        f.key(Scope::Fields, &press(KeyCode::Tab));
        f.key(Scope::Fields, &press(KeyCode::Tab));
        assert_eq!(f.at(), 2, "a Tab on the last field stays there");
        let back = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        for _ in 0..4 {
            f.key(Scope::Fields, &back);
        }
        assert_eq!(f.at(), 0, "Shift-Tab on the first field stays there");
        assert_eq!(read(Scope::Fields, &press(KeyCode::Enter)), FormKey::Submit);
        assert_eq!(read(Scope::Fields, &press(KeyCode::Esc)), FormKey::Cancel);
        assert_eq!(read(Scope::Fields, &press(KeyCode::F(1))), FormKey::Pass);
        assert_eq!(
            read(Scope::Fields, &press(KeyCode::Char('y'))),
            FormKey::Type
        );
    }
}
