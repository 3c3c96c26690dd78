//! Entering and leaving the terminal: raw mode, the alternate screen and the cursor are restored
//! however shindan ends — a return, a panic, or a signal handled by the event loop.

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Frames are written through a large buffer and flushed once per draw: over a slow SSH link a
/// frame's changes go out in one write, not one per cell.
pub type Backend = CrosstermBackend<BufWriter<Stdout>>;

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
        let terminal = Terminal::new(CrosstermBackend::new(out))?;
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
