//! Where events come from: a thread blocked reading the terminal and a thread blocked waiting
//! for signals, both feeding one channel. The event loop blocks on the channel, so an idle
//! shindan wakes for nothing and uses no CPU.

use crossterm::event::{self, Event as TermEvent, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Key(KeyEvent),
    /// A bracketed paste: the terminal marked the text as pasted.
    Paste(String),
    /// A run of characters that arrived at once without paste brackets (see [`PASTE_RUN`]):
    /// text to a note or a field of a form, one key each elsewhere, as they were typed.
    Typed(Vec<KeyEvent>),
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

    /// An event already waiting, without blocking: the loop handles all of them before it
    /// draws, so a burst of input costs one frame.
    pub fn try_recv(&self) -> Option<Event> {
        self.rx.try_recv().ok()
    }

    /// Waits at most `timeout` (for a pending draft save); `None` when it passed quietly.
    pub fn recv_timeout(&self, timeout: std::time::Duration) -> Option<Event> {
        self.rx.recv_timeout(timeout).ok()
    }
}

/// A run of at least this many characters read in one go is typing no hand does: a paste from a
/// terminal that does not bracket pastes. It is handed on as one [`Event::Typed`] (one edit, one
/// frame) instead of one key and one frame per character, which made a long paste crawl and
/// left Esc and `q` waiting behind it.
const PASTE_RUN: usize = 8;

/// At most this many events are read before what was read is handed on, so that a paste that
/// never ends still shows on screen as it arrives.
const BATCH: usize = 1 << 16;

fn read_terminal(tx: Sender<Event>) {
    loop {
        // Block for the first event, then take everything else already available: the loop
        // wakes once for all of it and draws once.
        let mut batch = Vec::new();
        let mut gone = false;
        match event::read() {
            Ok(ev) => batch.push(ev),
            Err(_) => gone = true,
        }
        while !gone && batch.len() < BATCH {
            match event::poll(std::time::Duration::from_millis(1)) {
                Ok(true) => match event::read() {
                    Ok(ev) => batch.push(ev),
                    Err(_) => gone = true,
                },
                Ok(false) => break,
                Err(_) => gone = true,
            }
        }
        for ev in coalesce(batch) {
            if tx.send(ev).is_err() {
                return;
            }
        }
        if gone {
            let _ = tx.send(Event::InputGone);
            return;
        }
    }
}

/// The character a key types into text, if it only types: no Ctrl or Alt.
pub fn typed(key: &KeyEvent) -> Option<char> {
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    match key.code {
        KeyCode::Char(c) => Some(c),
        KeyCode::Enter => Some('\n'),
        _ => None,
    }
}

/// Turns what the terminal sent in one go into shindan's events: key releases dropped, and runs
/// of [`PASTE_RUN`] or more typed characters made into one [`Event::Typed`] (a line break inside a run is
/// part of the text; one that ends it stays a key, so a pasted line and Enter still validate a
/// field).
pub fn coalesce(batch: Vec<TermEvent>) -> Vec<Event> {
    let mut out = Vec::new();
    let mut run: Vec<KeyEvent> = Vec::new();
    let flush = |run: &mut Vec<KeyEvent>, out: &mut Vec<Event>| {
        let mut keys = std::mem::take(run);
        let trailing_enter = keys.last().is_some_and(|k| k.code == KeyCode::Enter);
        let last = trailing_enter.then(|| keys.pop()).flatten();
        if keys.len() >= PASTE_RUN {
            out.push(Event::Typed(keys));
        } else {
            out.extend(keys.into_iter().map(Event::Key));
        }
        out.extend(last.map(Event::Key));
    };
    for ev in batch {
        match ev {
            TermEvent::Key(k) if k.kind != KeyEventKind::Press => {}
            TermEvent::Key(k) if typed(&k).is_some() => run.push(k),
            TermEvent::Key(k) => {
                flush(&mut run, &mut out);
                out.push(Event::Key(k));
            }
            TermEvent::Paste(s) => {
                flush(&mut run, &mut out);
                out.push(Event::Paste(s));
            }
            TermEvent::Resize(..) => {
                flush(&mut run, &mut out);
                out.push(Event::Resize);
            }
            _ => {}
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> TermEvent {
        TermEvent::Key(KeyEvent::new(c, KeyModifiers::NONE))
    }

    #[test]
    fn a_long_run_of_typed_characters_is_one_paste() {
        let mut batch: Vec<TermEvent> = "line one".chars().map(|c| key(KeyCode::Char(c))).collect();
        batch.push(key(KeyCode::Enter));
        batch.extend("two".chars().map(|c| key(KeyCode::Char(c))));
        batch.push(key(KeyCode::Enter));
        batch.push(key(KeyCode::Esc));
        let events = coalesce(batch);
        let Some(Event::Typed(run)) = events.first() else {
            panic!("{events:?}")
        };
        assert_eq!(
            run.iter().filter_map(typed).collect::<String>(),
            "line one\ntwo"
        );
        assert_eq!(
            events[1..],
            [
                Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
                Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
            ]
        );
    }

    #[test]
    fn a_few_keys_at_once_stay_keys() {
        let batch = vec![key(KeyCode::Char('1')), key(KeyCode::Char('q'))];
        assert_eq!(
            coalesce(batch),
            vec![
                Event::Key(KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE)),
                Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE)),
            ]
        );
    }
}
