//! Entering and leaving the terminal: raw mode, the alternate screen and the cursor are restored
//! however shindan ends — a return, a panic, or a signal handled by the event loop.

use crossterm::cursor::MoveTo;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::queue;
use crossterm::style::{Attribute, Colors, Print, SetAttribute, SetColors};
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
/// - the cursor hidden on every frame, flushed at once (a packet of its own);
/// - colours and attributes reset at the end of every frame, even one that changed nothing.
///
/// Attributes are switched off with a full reset (SGR 0) and the rest re-applied, which a real
/// VT100 understands (it ignores SGR 22/27, which would leave text reversed).
pub struct Lean<W: Write> {
    inner: CrosstermBackend<W>,
    cursor_hidden: bool,
}

impl<W: Write> Lean<W> {
    pub fn new(inner: CrosstermBackend<W>) -> Lean<W> {
        Lean {
            inner,
            cursor_hidden: false,
        }
    }
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
        // The crossterm backend is itself a writer to the terminal.
        let w = &mut self.inner;
        let (mut fg, mut bg, mut modifier) = (Color::Reset, Color::Reset, Modifier::empty());
        // Where the terminal's cursor is after the last character printed.
        let mut cursor: Option<(u16, u16)> = None;
        for (x, y, cell) in content {
            if cursor != Some((x, y)) {
                queue!(w, MoveTo(x, y))?;
            }
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
            if cell.fg != fg || cell.bg != bg {
                queue!(w, SetColors(Colors::new(cell.fg.into(), cell.bg.into())))?;
                (fg, bg) = (cell.fg, cell.bg);
            }
            queue!(w, Print(cell.symbol()))?;
            let width = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1) as u16;
            cursor = Some((x.saturating_add(width), y));
        }
        if modifier != Modifier::empty() || fg != Color::Reset || bg != Color::Reset {
            queue!(w, SetAttribute(Attribute::Reset))?;
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
        self.cursor_hidden = false;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
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
    pub fn enter() -> io::Result<Guard> {
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

    #[test]
    fn a_frame_with_no_change_writes_nothing() {
        let area = Rect::new(0, 0, 4, 1);
        let b = Buffer::empty(area);
        assert_eq!(drawn(&b, &b), "");
    }
}
