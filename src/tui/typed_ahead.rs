//! Keys typed before the first frame. The start-up probe reads the terminal's input while it
//! waits for the cursor position report, and what a quick hand (or a script) typed meanwhile
//! arrives there too: a `q`, a record's name, an arrow. Those bytes are read here into the key
//! events crossterm would have made of them, and handed to the app as its first input, so no
//! key is lost to the probe. Only what a keyboard sends is read: UTF-8 characters, the control
//! keys, and the CSI / SS3 sequences of arrows, Home/End, Page keys, Delete and F1–F4.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The bytes with the cursor position report (`ESC [ row ; col R`) taken out.
pub fn without_report(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if let Some(len) = report_at(&bytes[i..]) {
            i += len;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// The length of a cursor position report starting here, if one does.
pub(crate) fn report_at(b: &[u8]) -> Option<usize> {
    let body = b.strip_prefix(b"\x1b[")?;
    let end = body
        .iter()
        .position(|c| !(c.is_ascii_digit() || *c == b';'))?;
    (body[end] == b'R' && body[..end].contains(&b';')).then_some(2 + end + 1)
}

/// The key events of typed bytes, in order. A lone ESC (no sequence after it) is Esc.
pub fn keys(bytes: &[u8]) -> Vec<KeyEvent> {
    let none = KeyModifiers::NONE;
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (key, used) = match b {
            0x1b => escape(&bytes[i..]),
            b'\r' | b'\n' => (Some(KeyEvent::new(KeyCode::Enter, none)), 1),
            b'\t' => (Some(KeyEvent::new(KeyCode::Tab, none)), 1),
            0x7f | 0x08 => (Some(KeyEvent::new(KeyCode::Backspace, none)), 1),
            0x01..=0x1a => {
                let c = char::from(b - 1 + b'a');
                (
                    Some(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
                    1,
                )
            }
            _ => character(&bytes[i..]),
        };
        out.extend(key);
        i += used.max(1);
    }
    out
}

/// One UTF-8 character as its key; an invalid byte is skipped.
fn character(b: &[u8]) -> (Option<KeyEvent>, usize) {
    let len = match b[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return (None, 1),
    };
    let Some(s) = b.get(..len).and_then(|s| std::str::from_utf8(s).ok()) else {
        return (None, 1);
    };
    let c = s.chars().next().unwrap_or(' ');
    let mods = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    (Some(KeyEvent::new(KeyCode::Char(c), mods)), len)
}

/// An escape sequence as its key, or Esc itself; Alt+character for ESC and a character.
fn escape(b: &[u8]) -> (Option<KeyEvent>, usize) {
    let none = KeyModifiers::NONE;
    let key = |code| Some(KeyEvent::new(code, none));
    match b.get(1) {
        None | Some(0x1b) => (key(KeyCode::Esc), 1),
        Some(b'O') => {
            let code = match b.get(2) {
                Some(b'A') => KeyCode::Up,
                Some(b'B') => KeyCode::Down,
                Some(b'C') => KeyCode::Right,
                Some(b'D') => KeyCode::Left,
                Some(b'H') => KeyCode::Home,
                Some(b'F') => KeyCode::End,
                Some(c @ b'P'..=b'S') => KeyCode::F(c - b'P' + 1),
                _ => return (None, 3.min(b.len())),
            };
            (key(code), 3)
        }
        Some(b'[') => {
            // Parameters, then one final byte.
            let end = b[2..].iter().position(|c| (0x40..=0x7e).contains(c));
            let Some(end) = end else {
                return (None, b.len());
            };
            let params = &b[2..2 + end];
            let code = match (params, b[2 + end]) {
                (_, b'A') => Some(KeyCode::Up),
                (_, b'B') => Some(KeyCode::Down),
                (_, b'C') => Some(KeyCode::Right),
                (_, b'D') => Some(KeyCode::Left),
                (_, b'H') => Some(KeyCode::Home),
                (_, b'F') => Some(KeyCode::End),
                (_, b'Z') => Some(KeyCode::BackTab),
                (b"1" | b"7", b'~') => Some(KeyCode::Home),
                (b"4" | b"8", b'~') => Some(KeyCode::End),
                (b"3", b'~') => Some(KeyCode::Delete),
                (b"5", b'~') => Some(KeyCode::PageUp),
                (b"6", b'~') => Some(KeyCode::PageDown),
                (b"11", b'~') => Some(KeyCode::F(1)),
                (b"12", b'~') => Some(KeyCode::F(2)),
                (b"13", b'~') => Some(KeyCode::F(3)),
                (b"14", b'~') => Some(KeyCode::F(4)),
                _ => None,
            };
            (code.and_then(key), 3 + end)
        }
        Some(_) => {
            let (k, len) = character(&b[1..]);
            let alt = k.map(|k| KeyEvent::new(k.code, k.modifiers | KeyModifiers::ALT));
            (alt, 1 + len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn the_report_is_taken_out_and_the_typing_kept() {
        assert_eq!(without_report(b"q\x1b[12;5R"), b"q");
        assert_eq!(without_report(b"ab\x1b[1;4Rcd"), b"abcd");
        // An arrow is not a report.
        assert_eq!(without_report(b"\x1b[A"), b"\x1b[A");
    }

    #[test]
    fn typed_bytes_become_the_keys_crossterm_would_give() {
        assert_eq!(keys(b"q"), [plain(KeyCode::Char('q'))]);
        assert_eq!(
            keys("nさ\r".as_bytes()),
            [
                plain(KeyCode::Char('n')),
                plain(KeyCode::Char('さ')),
                plain(KeyCode::Enter)
            ]
        );
        assert_eq!(
            keys(b"\x1b[B\x1bOA\x1b[3~\x7f\x1b"),
            [
                plain(KeyCode::Down),
                plain(KeyCode::Up),
                plain(KeyCode::Delete),
                plain(KeyCode::Backspace),
                plain(KeyCode::Esc)
            ]
        );
        assert_eq!(
            keys(b"\x03\x1bx"),
            [
                KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
                KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT)
            ]
        );
    }
}
