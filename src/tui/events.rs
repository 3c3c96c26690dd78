//! Where events come from: a thread blocked reading the terminal and a thread blocked waiting
//! for signals, both feeding one channel. The event loop blocks on the channel, so an idle
//! shindan wakes for nothing and uses no CPU.

use crossterm::event::{self, Event as TermEvent, KeyEvent, KeyEventKind};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Key(KeyEvent),
    Paste(String),
    Resize,
    /// The session must end now: SIGHUP (the SSH connection dropped), SIGTERM, SIGINT, SIGQUIT.
    Signal(i32),
    /// The terminal can no longer be read: treated like a hang-up.
    InputGone,
}

pub struct Source {
    rx: Receiver<Event>,
}

impl Source {
    pub fn start() -> std::io::Result<Source> {
        let (tx, rx) = mpsc::channel();
        let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT])?;
        let sig_tx = tx.clone();
        thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    let _ = sig_tx.send(Event::Signal(sig));
                }
            })?;
        thread::Builder::new()
            .name("input".into())
            .spawn(move || read_terminal(tx))?;
        Ok(Source { rx })
    }

    pub fn recv(&self) -> Option<Event> {
        self.rx.recv().ok()
    }

    /// Waits at most `timeout` (for a pending draft save); `None` when it passed quietly.
    pub fn recv_timeout(&self, timeout: std::time::Duration) -> Option<Event> {
        self.rx.recv_timeout(timeout).ok()
    }
}

fn read_terminal(tx: Sender<Event>) {
    loop {
        let ev = match event::read() {
            Ok(TermEvent::Key(k)) if k.kind == KeyEventKind::Press => Event::Key(k),
            Ok(TermEvent::Key(_)) => continue,
            Ok(TermEvent::Paste(s)) => Event::Paste(s),
            Ok(TermEvent::Resize(..)) => Event::Resize,
            Ok(_) => continue,
            Err(_) => {
                let _ = tx.send(Event::InputGone);
                return;
            }
        };
        if tx.send(ev).is_err() {
            return;
        }
    }
}
