//! Entering and leaving the terminal: raw mode, the alternate screen and the cursor are restored
//! however shindan ends — a return, a panic, or a signal handled by the event loop.

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::queue;
use crossterm::style::{
    Attribute, Colors, Print, SetAttribute, SetBackgroundColor, SetColors, SetForegroundColor,
};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use ratatui::backend::{ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;
use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Frames are written through a large buffer and flushed once per draw: over a slow SSH link a
/// frame's changes go out in one write, not one per cell.
pub type Backend = Lean<BufWriter<Stdout>>;

/// A backend that sends nothing it does not have to. Over a slow SSH link a keystroke should
/// cost the bytes of what changed. ratatui's crossterm backend, which this wraps, sends more:
/// - a cursor move before every cell that follows a double-width character (it does not know
///   the terminal's cursor advanced two columns): 7 bytes for every Japanese character changed;
/// - the cursor hidden, or shown, on every frame (6 bytes each time a text field has the focus);
/// - a cursor move to the first change of every frame, even when the terminal's cursor is
///   already there — as it is after a digit typed at a field's caret — and always as an
///   absolute move (`ESC[7;32H`), where one row down and a column back is `ESC[B` and a
///   backspace;
/// - both colours set when one changed, and a reset at the end of every frame, even one that
///   changed nothing.
///
/// Attributes are switched off with a full reset (SGR 0) and the rest re-applied, which a real
/// VT100 understands (it ignores SGR 22/27, which would leave text reversed).
pub struct Lean<W: Write> {
    inner: CrosstermBackend<W>,
    cursor_hidden: bool,
    /// Where the terminal's cursor is, when shindan knows: after a frame, or a move. Not after a
    /// clear; and no relative move from the last column (where the cursor waits to wrap).
    at: Option<(u16, u16)>,
    /// The terminal draws East Asian Ambiguous characters two cells wide (the probe said so,
    /// or `--ambiguous-width wide`): the cursor advances two after one.
    pub ambiguous_wide: bool,
    /// The terminal's width, read by ratatui before every frame; 0 until then.
    cols: std::cell::Cell<u16>,
}

impl<W: Write> Lean<W> {
    pub fn new(inner: CrosstermBackend<W>) -> Lean<W> {
        Lean {
            inner,
            cursor_hidden: false,
            at: None,
            ambiguous_wide: false,
            cols: std::cell::Cell::new(0),
        }
    }

    /// Moves the terminal's cursor from where it is known to be (`self.at`) to `to`, the
    /// shortest way: nothing, a relative move (`ESC[B`, `ESC[3C`, a backspace), or an absolute
    /// one. Relative moves only from a known place inside the screen.
    fn move_to(&mut self, to: (u16, u16)) -> io::Result<()> {
        if self.at == Some(to) {
            return Ok(());
        }
        let mut absolute = String::with_capacity(12);
        csi(&mut absolute, to.1 + 1, "");
        absolute.push(';');
        push_number(&mut absolute, to.0 + 1);
        absolute.push('H');
        let cols = self.cols.get();
        let relative = self
            .at
            .filter(|&(x, _)| x < cols)
            .map(|from| relative_move(from, to));
        let seq = match relative {
            Some(r) if r.len() < absolute.len() => r,
            _ => absolute,
        };
        self.at = Some(to);
        queue!(self.inner, Print(seq))
    }
}

/// A relative cursor move: up or down (`ESC[A`, `ESC[2B`), then left or right (backspaces for
/// up to two columns, else `ESC[nD` / `ESC[nC`). Neither scrolls nor wraps.
fn relative_move(from: (u16, u16), to: (u16, u16)) -> String {
    let mut s = String::with_capacity(12);
    let by = |s: &mut String, n: u16, c: &str| csi(s, if n == 1 { 0 } else { n }, c);
    match to.1.cmp(&from.1) {
        std::cmp::Ordering::Less => by(&mut s, from.1 - to.1, "A"),
        std::cmp::Ordering::Greater => by(&mut s, to.1 - from.1, "B"),
        std::cmp::Ordering::Equal => {}
    }
    match to.0.cmp(&from.0) {
        std::cmp::Ordering::Less if from.0 - to.0 <= 2 => {
            s.push_str(&"\x08\x08"[..(from.0 - to.0) as usize])
        }
        std::cmp::Ordering::Less => by(&mut s, from.0 - to.0, "D"),
        std::cmp::Ordering::Greater => by(&mut s, to.0 - from.0, "C"),
        std::cmp::Ordering::Equal => {}
    }
    s
}

/// `ESC [`, the number `n` (none for 0), then `end`. Written digit by digit: a frame makes a
/// move for every gap between changed cells, and `format!` was most of their cost (callgrind).
fn csi(s: &mut String, n: u16, end: &str) {
    s.push_str("\x1b[");
    if n > 0 {
        push_number(s, n);
    }
    s.push_str(end);
}

fn push_number(s: &mut String, n: u16) {
    if n >= 10 {
        push_number(s, n / 10);
    }
    s.push(char::from(b'0' + (n % 10) as u8));
}

fn queue_modifiers(w: &mut impl Write, m: Modifier) -> io::Result<()> {
    for (flag, attr) in [
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
    ] {
        if m.contains(flag) {
            queue!(w, SetAttribute(attr))?;
        }
    }
    Ok(())
}

impl<W: Write> ratatui::backend::Backend for Lean<W> {
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let (mut fg, mut bg, mut modifier) = (Color::Reset, Color::Reset, Modifier::empty());
        for (x, y, cell) in content {
            self.move_to((x, y))?;
            // The crossterm backend is itself a writer to the terminal.
            let w = &mut self.inner;
            if cell.modifier != modifier {
                if !(modifier - cell.modifier).is_empty() {
                    queue!(w, SetAttribute(Attribute::Reset))?;
                    (fg, bg) = (Color::Reset, Color::Reset);
                    queue_modifiers(w, cell.modifier)?;
                } else {
                    queue_modifiers(w, cell.modifier - modifier)?;
                }
                modifier = cell.modifier;
            }
            // Only the colour that changed, unless both did (one sequence is shorter then).
            match (cell.fg != fg, cell.bg != bg) {
                (true, true) => queue!(w, SetColors(Colors::new(cell.fg.into(), cell.bg.into())))?,
                (true, false) => queue!(w, SetForegroundColor(cell.fg.into()))?,
                (false, true) => queue!(w, SetBackgroundColor(cell.bg.into()))?,
                (false, false) => {}
            }
            (fg, bg) = (cell.fg, cell.bg);
            queue!(w, Print(cell.symbol()))?;
            // As far as the terminal advances: ambiguous characters two cells in wide mode. A
            // cluster of several characters (a combining mark) is measured differently by
            // different terminals, so after one the place is not known.
            let width = if self.ambiguous_wide {
                unicode_width::UnicodeWidthStr::width_cjk(cell.symbol())
            } else {
                unicode_width::UnicodeWidthStr::width(cell.symbol())
            };
            let sure = cell.symbol().chars().count() == 1;
            self.at = sure.then_some((x.saturating_add(width.max(1) as u16), y));
        }
        if modifier != Modifier::empty() || fg != Color::Reset || bg != Color::Reset {
            queue!(self.inner, SetAttribute(Attribute::Reset))?;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_hidden {
            return Ok(());
        }
        self.cursor_hidden = true;
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if !self.cursor_hidden {
            return Ok(());
        }
        self.cursor_hidden = false;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        self.move_to((p.x, p.y))
    }

    fn clear(&mut self) -> io::Result<()> {
        self.at = None;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.at = None;
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        let size = self.inner.size()?;
        self.cols.set(size.width);
        Ok(size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        ratatui::backend::Backend::flush(&mut self.inner)
    }
}

impl super::app::App {
    /// Draws a frame as this terminal will show it: control characters drawn visibly, and
    /// folded to one-cell glyphs when it draws ambiguous characters wide (`widgets::symbols`).
    pub fn draw(&self, frame: &mut ratatui::Frame) {
        self.render(frame);
        super::widgets::symbols::show_controls(frame.buffer_mut());
        if self.ambiguous_wide {
            super::widgets::symbols::fold_ambiguous(frame.buffer_mut());
        }
    }
}

static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The terminal in shindan's mode. Dropping it restores the terminal.
pub struct Guard {
    pub terminal: Terminal<Backend>,
}

impl Guard {
    /// `ambiguous_wide`: how wide the terminal draws East Asian Ambiguous characters.
    pub fn enter(ambiguous_wide: bool) -> io::Result<Guard> {
        install_panic_hook();
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let mut out = BufWriter::with_capacity(1 << 16, io::stdout());
        execute!(
            out,
            EnterAlternateScreen,
            EnableBracketedPaste,
            cursor::Hide
        )?;
        let mut backend = Lean::new(CrosstermBackend::new(out));
        // The cursor was hidden above; the backend need not hide it again.
        backend.cursor_hidden = true;
        backend.ambiguous_wide = ambiguous_wide;
        let terminal = Terminal::new(backend)?;
        Ok(Guard { terminal })
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back as it was. Safe to call more than once and from a panic hook; errors
/// are ignored because after a dropped SSH connection there is no terminal left to write to.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

/// Restores the terminal before the panic message is printed (so it is readable), then lets the
/// previous hook print it. The event loop catches the unwind and saves what was typed.
fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::Backend as _;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    /// A writer the test can read back after the backend wrote to it.
    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn drawn(before: &Buffer, after: &Buffer) -> String {
        let out = Shared::default();
        let mut lean = Lean::new(CrosstermBackend::new(out.clone()));
        lean.draw(before.diff(after).into_iter()).unwrap();
        let bytes = out.0.borrow().clone();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn wide_characters_go_out_without_a_cursor_move_between_them() {
        let area = Rect::new(0, 0, 10, 1);
        let before = Buffer::empty(area);
        let mut after = Buffer::empty(area);
        after.set_string(0, 0, "日本語", Style::default());
        assert_eq!(drawn(&before, &after), "\x1b[1;1H日本語");
    }

    #[test]
    fn attributes_end_with_one_reset_that_a_vt100_understands() {
        let area = Rect::new(0, 0, 4, 1);
        let before = Buffer::empty(area);
        let mut after = Buffer::empty(area);
        after.set_string(
            0,
            0,
            "ab",
            Style::default().add_modifier(Modifier::REVERSED),
        );
        after.set_string(2, 0, "c", Style::default());
        assert_eq!(drawn(&before, &after), "\x1b[1;1H\x1b[7mab\x1b[0mc");
        let mut bold = Buffer::empty(area);
        bold.set_string(0, 0, "x", Style::default().add_modifier(Modifier::BOLD));
        assert_eq!(drawn(&before, &bold), "\x1b[1;1H\x1b[1mx\x1b[0m");
    }

    /// A `w`×`h` frame holding `texts` (column, row, text, style).
    fn frame(w: u16, h: u16, texts: &[(u16, u16, &str, Style)]) -> Buffer {
        let mut b = Buffer::empty(Rect::new(0, 0, w, h));
        for (x, y, text, style) in texts {
            b.set_string(*x, *y, text, *style);
        }
        b
    }

    /// Frames drawn one after another through one backend on a terminal `cols` wide, each
    /// followed by the cursor shown at its caret when it has one (as ratatui does when a text
    /// field has the focus). What the last frame wrote.
    fn last_written(cols: u16, frames: &[(Buffer, Option<(u16, u16)>)]) -> String {
        let out = Shared::default();
        let mut lean = Lean::new(CrosstermBackend::new(out.clone()));
        lean.cols.set(cols);
        let mut prev = Buffer::empty(frames[0].0.area);
        let mut from = 0;
        for (next, caret) in frames {
            from = out.0.borrow().len();
            lean.draw(prev.diff(next).into_iter()).unwrap();
            if let Some((x, y)) = caret {
                lean.show_cursor().unwrap();
                lean.set_cursor_position(Position::new(*x, *y)).unwrap();
            }
            prev = next.clone();
        }
        let bytes = out.0.borrow()[from..].to_vec();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn a_digit_typed_at_the_caret_writes_no_move_before_it_nor_shows_the_cursor_again() {
        let (plain, grey) = (Style::default(), Style::default().fg(Color::DarkGray));
        let one = frame(20, 3, &[(2, 1, "3", plain), (1, 2, "= 3", grey)]);
        let two = frame(20, 3, &[(2, 1, "33", plain), (1, 2, "= 33", grey)]);
        let wrote = last_written(80, &[(one, Some((3, 1))), (two, Some((4, 1)))]);
        // The digit where the cursor is; one row down for the reading's new digit, only its
        // foreground set; back up and a column left (a backspace) to the caret.
        assert_eq!(wrote, "3\x1b[B\x1b[38;5;8m3\x1b[0m\x1b[A\x08");
    }

    #[test]
    fn the_cursor_advances_as_the_terminal_draws_and_never_moves_relatively_from_the_last_column() {
        let plain = Style::default();
        // ● is one cell here; on a terminal that draws it two wide the frame holds it with the
        // cell after it skipped (symbols::fold_ambiguous), and x is drawn after both.
        let one = frame(4, 2, &[(0, 0, "●x", plain)]);
        assert_eq!(last_written(4, &[(one, None)]), "\x1b[1;1H●x");
        let mut kept = frame(4, 2, &[(0, 0, "● x", plain)]);
        kept[(1, 0)].set_skip(true);
        let out = Shared::default();
        let mut lean = Lean::new(CrosstermBackend::new(out.clone()));
        lean.ambiguous_wide = true;
        lean.draw(Buffer::empty(kept.area).diff(&kept).into_iter())
            .unwrap();
        assert_eq!(&out.0.borrow()[..], "\x1b[1;1H●x".as_bytes());
        // After the last column the cursor waits to wrap: no relative move from there.
        let edge = frame(4, 2, &[(3, 0, "a", plain), (2, 1, "b", plain)]);
        assert_eq!(last_written(4, &[(edge, None)]), "\x1b[1;4Ha\x1b[2;3Hb");
    }

    #[test]
    fn a_move_is_the_shortest_of_relative_and_absolute() {
        assert_eq!(relative_move((5, 3), (5, 4)), "\x1b[B");
        assert_eq!(relative_move((5, 4), (3, 4)), "\x08\x08");
        assert_eq!(relative_move((5, 4), (2, 4)), "\x1b[3D");
        assert_eq!(relative_move((4, 12), (10, 2)), "\x1b[10A\x1b[6C");
        let plain = Style::default();
        // Far from the last place: the absolute move is shorter than `ESC[21B ESC[118C`.
        let far = frame(200, 30, &[(0, 0, "a", plain), (119, 22, "b", plain)]);
        assert_eq!(last_written(200, &[(far, None)]), "\x1b[1;1Ha\x1b[23;120Hb");
    }

    #[test]
    fn a_frame_with_no_change_writes_nothing() {
        let area = Rect::new(0, 0, 4, 1);
        let b = Buffer::empty(area);
        assert_eq!(drawn(&b, &b), "");
    }
}
