//! The one place that uses tui-textarea (its maintained successor, ratatui-textarea, should be a
//! change of imports here and nowhere else).
//!
//! tui-textarea does the editing (cursor moves, word deletion, undo, paste). It is not used to
//! draw: it scrolls by character count, so a Japanese line (two columns a character) runs the
//! cursor off the field before it scrolls, and it cannot wrap. The field draws its own lines,
//! wrapped at display width, never splitting a character.

use crate::text::width;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::Frame;
use tui_textarea::{CursorMove, Input, TextArea};
use unicode_width::UnicodeWidthChar;

/// What a key did to the field, for the screen that owns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKey {
    /// Enter in a one-line field: commit the value.
    Submit,
    /// Ctrl-S, or Esc in a note: keep what was written.
    Keep,
    /// Esc in a one-line field: leave it.
    Cancel,
    /// The text or the cursor changed.
    Edited,
    /// Not a key for the field (Tab, PgUp…): the screen handles it.
    Pass,
}

#[derive(Debug, Clone)]
pub struct TextField {
    area: TextArea<'static>,
    multiline: bool,
}

impl TextField {
    pub fn single(initial: &str) -> TextField {
        let first = initial.lines().next().unwrap_or_default();
        TextField::new(vec![first.to_string()], false)
    }

    pub fn multi(initial: &str) -> TextField {
        let lines = if initial.is_empty() {
            vec![String::new()]
        } else {
            initial.split('\n').map(str::to_string).collect()
        };
        TextField::new(lines, true)
    }

    fn new(lines: Vec<String>, multiline: bool) -> TextField {
        let mut area = TextArea::new(lines);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextField { area, multiline }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.area.is_empty()
    }

    /// Handles a key. Enter, Ctrl-M/Ctrl-J, Esc, Ctrl-S, Tab and page keys are caught before the
    /// text area sees them: it would insert a newline or a tab.
    pub fn handle(&mut self, key: KeyEvent) -> FieldKey {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter => {
                if self.multiline {
                    self.area.insert_newline();
                    FieldKey::Edited
                } else {
                    FieldKey::Submit
                }
            }
            KeyCode::Char('m') | KeyCode::Char('j') if ctrl => {
                if self.multiline {
                    self.area.insert_newline();
                    FieldKey::Edited
                } else {
                    FieldKey::Submit
                }
            }
            KeyCode::Char('s') if ctrl => FieldKey::Keep,
            KeyCode::Esc => {
                if self.multiline {
                    FieldKey::Keep
                } else {
                    FieldKey::Cancel
                }
            }
            KeyCode::Tab | KeyCode::BackTab | KeyCode::PageUp | KeyCode::PageDown => FieldKey::Pass,
            KeyCode::Up | KeyCode::Down if !self.multiline => FieldKey::Pass,
            KeyCode::F(_) => FieldKey::Pass,
            _ => {
                // A cursor move changes no text but still needs a redraw: always Edited.
                self.area.input(Input::from(key));
                FieldKey::Edited
            }
        }
    }

    /// Pasted text (bracketed paste): a one-line field takes it as one line.
    pub fn paste(&mut self, text: &str) {
        if self.multiline {
            let mut first = true;
            for line in text.split('\n') {
                if !first {
                    self.area.insert_newline();
                }
                self.area.insert_str(line.trim_end_matches('\r'));
                first = false;
            }
        } else {
            let one: String = text.chars().filter(|c| *c != '\n' && *c != '\r').collect();
            self.area.insert_str(one);
        }
    }

    /// Lines as drawn at `cols` columns, and where the cursor is among them.
    fn layout(&self, cols: usize) -> (Vec<String>, (usize, usize)) {
        let cols = cols.max(2);
        let (crow, ccol) = self.area.cursor();
        let mut rows = Vec::new();
        let mut cursor = (0, 0);
        for (li, line) in self.area.lines().iter().enumerate() {
            let mut row = String::new();
            let mut used = 0;
            let mut ci = 0;
            for c in line.chars() {
                let w = c.width().unwrap_or(0);
                if used + w > cols {
                    rows.push(std::mem::take(&mut row));
                    used = 0;
                }
                if li == crow && ci == ccol {
                    cursor = (rows.len(), used);
                }
                row.push(c);
                used += w;
                ci += 1;
            }
            if li == crow && ci == ccol {
                // The cursor after the last character: on this row if it fits, else the next.
                if used + 1 > cols {
                    rows.push(std::mem::take(&mut row));
                    used = 0;
                }
                cursor = (rows.len(), used);
            }
            rows.push(row);
        }
        (rows, cursor)
    }

    /// Draws the field into the frame and, when focused, puts the terminal's own cursor on the
    /// caret, so that an input method opens its candidate window where the user types. The
    /// caret's column counts display cells, so it is right after double-width characters too.
    pub fn draw(&self, frame: &mut Frame, area: Rect, style: Style, focused: bool) {
        self.render(area, frame.buffer_mut(), style, focused);
        if focused {
            if let Some(at) = self.caret(area) {
                frame.set_cursor_position(at);
            }
        }
    }

    /// Where the caret is drawn in `area`, if it is inside it.
    pub fn caret(&self, area: Rect) -> Option<Position> {
        if area.width == 0 || area.height == 0 {
            return None;
        }
        let (_, (crow, ccol)) = self.view(area.width as usize);
        let top = (crow + 1).saturating_sub(area.height as usize);
        let x = area.x + ccol as u16;
        let y = area.y + (crow - top) as u16;
        (x < area.x + area.width && y < area.y + area.height).then_some(Position { x, y })
    }

    fn view(&self, cols: usize) -> (Vec<String>, (usize, usize)) {
        if self.multiline {
            self.layout(cols)
        } else {
            self.single_line_view(cols)
        }
    }

    /// Draws the field: wrapped at the area's width when multi-line, scrolled to keep the cursor
    /// in view, the cursor as a reversed cell when focused (visible without colour).
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style, focused: bool) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let cols = area.width as usize;
        let (rows, (crow, ccol)) = self.view(cols);
        let height = area.height as usize;
        let top = (crow + 1).saturating_sub(height);
        for (i, row) in rows.iter().skip(top).take(height).enumerate() {
            let y = area.y + i as u16;
            buf.set_stringn(area.x, y, row, cols, style);
        }
        if focused {
            let y = area.y + (crow - top) as u16;
            let x = area.x + ccol as u16;
            if x < area.x + area.width && y < area.y + area.height {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    if cell.symbol().is_empty() || cell.symbol() == " " {
                        cell.set_symbol(" ");
                    }
                    cell.set_style(style.add_modifier(Modifier::REVERSED));
                }
            }
        }
    }

    /// A one-line field scrolls sideways, by whole characters, to keep the cursor in view.
    fn single_line_view(&self, cols: usize) -> (Vec<String>, (usize, usize)) {
        let line = self.area.lines().first().cloned().unwrap_or_default();
        let (_, ccol) = self.area.cursor();
        let chars: Vec<char> = line.chars().collect();
        let before: String = chars[..ccol.min(chars.len())].iter().collect();
        let mut start = 0;
        // Leave one column for the cursor itself.
        while width(
            &chars[start..ccol.min(chars.len())]
                .iter()
                .collect::<String>(),
        ) + 1
            > cols
            && start < ccol
        {
            start += 1;
        }
        let shown: String = chars[start..].iter().collect();
        let col = width(&before) - width(&chars[..start].iter().collect::<String>());
        (vec![shown], (0, col))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn typed(f: &mut TextField, s: &str) {
        for c in s.chars() {
            f.handle(key(KeyCode::Char(c)));
        }
    }

    /// The terminal's cursor sits right after what was typed, two cells per Japanese character,
    /// so an input method opens where the eye is.
    #[test]
    fn the_terminal_cursor_is_at_the_caret_after_wide_characters() {
        let mut f = TextField::single("");
        typed(&mut f, "病院a");
        assert_eq!(
            f.caret(Rect::new(3, 2, 20, 1)),
            Some(Position { x: 3 + 5, y: 2 })
        );
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(30, 4)).unwrap();
        term.draw(|frame| f.draw(frame, Rect::new(3, 2, 20, 1), Style::default(), true))
            .unwrap();
        assert_eq!(term.get_cursor_position().unwrap(), Position { x: 8, y: 2 });
        let mut note = TextField::multi("");
        typed(&mut note, "一二三四");
        // Four wide characters wrap at 6 cells: 一二三 | 四, the caret after 四.
        assert_eq!(
            note.caret(Rect::new(0, 0, 6, 3)),
            Some(Position { x: 2, y: 1 })
        );
    }

    #[test]
    fn enter_submits_a_line_and_breaks_a_note() {
        let mut f = TextField::single("");
        typed(&mut f, "350");
        assert_eq!(f.handle(key(KeyCode::Enter)), FieldKey::Submit);
        assert_eq!(f.text(), "350");
        let ctrl_m = KeyEvent::new(KeyCode::Char('m'), KeyModifiers::CONTROL);
        assert_eq!(f.handle(ctrl_m), FieldKey::Submit);
        assert_eq!(f.text(), "350");

        let mut n = TextField::multi("");
        typed(&mut n, "一行目");
        assert_eq!(n.handle(key(KeyCode::Enter)), FieldKey::Edited);
        typed(&mut n, "二行目");
        assert_eq!(n.text(), "一行目\n二行目");
        assert_eq!(n.handle(key(KeyCode::Esc)), FieldKey::Keep);
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(n.handle(ctrl_s), FieldKey::Keep);
        assert_eq!(n.handle(key(KeyCode::Tab)), FieldKey::Pass);
        assert_eq!(n.text(), "一行目\n二行目", "no tab inserted");
    }

    #[test]
    fn wide_characters_wrap_whole_and_the_cursor_follows() {
        let f = TextField::multi("あいうえおかきくけこ");
        let (rows, cursor) = f.layout(7);
        assert_eq!(rows, ["あいう", "えおか", "きくけ", "こ"]);
        assert_eq!(cursor, (3, 2));
        let mut buf = Buffer::empty(Rect::new(0, 0, 7, 2));
        f.render(Rect::new(0, 0, 7, 2), &mut buf, Style::default(), true);
        // The last two rows are shown: the cursor stays in view.
        assert_eq!(buf.cell((0, 0)).unwrap().symbol(), "き");
        assert_eq!(buf.cell((0, 1)).unwrap().symbol(), "こ");
        assert!(buf
            .cell((2, 1))
            .unwrap()
            .modifier
            .contains(Modifier::REVERSED));
    }

    #[test]
    fn a_long_line_scrolls_by_whole_characters() {
        let f = TextField::single("四病院団体協議会");
        let (rows, cursor) = f.single_line_view(9);
        assert_eq!(rows[0], "体協議会");
        assert_eq!(cursor, (0, 8));
    }

    #[test]
    fn paste_into_a_line_drops_line_breaks() {
        let mut f = TextField::single("");
        f.paste("12\r\n34");
        assert_eq!(f.text(), "1234");
    }
}
