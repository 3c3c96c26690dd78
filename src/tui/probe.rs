//! What shindan learns about the terminal before its first frame: whether there is one it can
//! draw on (not `TERM=dumb`, not a pipe), whether it speaks UTF-8, and how wide it draws East
//! Asian Ambiguous characters. One question answers the last two: print `あ─` at the start of
//! the line and ask where the cursor went (CSI 6n). A UTF-8 terminal moves 3 cells (あ 2, ─ 1)
//! or 4 (─ drawn wide); a Shift_JIS or EUC-JP terminal reads those six bytes as other
//! characters and lands elsewhere. The answer is awaited at most [`WAIT`], so a terminal that
//! never answers costs that and no more, and an SSH round trip fits.

use crate::domain::Lang;
use crate::edge::{AmbiguousWidth, Failure, TerminalOptions};
use std::io::{self, Write};
use std::time::{Duration, Instant};

/// How long the answer to the position query is awaited.
pub const WAIT: Duration = Duration::from_millis(150);

/// Printed at column 1, then the cursor position is asked for.
pub const PROBE: &str = "\rあ─\x1b[6n";

/// What the start-up checks decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub ambiguous_wide: bool,
    /// Keys typed while the probe waited, which it read with the answer: the app's first input
    /// (see [`super::typed_ahead`]).
    pub typed: Vec<crossterm::event::KeyEvent>,
}

/// The locale's verdict on UTF-8: `Some(false)` for a named other codeset (ja_JP.eucJP,
/// ja_JP.SJIS, en_US.ISO-8859-1), `None` when it says nothing (C, POSIX, unset: common over
/// SSH, where the client's setting is what counts and the probe finds it).
pub fn locale_utf8(vars: &[Option<String>]) -> Option<bool> {
    let value = vars.iter().flatten().find(|v| !v.is_empty())?;
    let codeset = value.split('@').next()?.split_once('.')?.1;
    let norm = codeset.to_ascii_lowercase().replace('-', "");
    Some(norm == "utf8")
}

fn locale_from_env() -> (Option<bool>, String) {
    let vars: Vec<Option<String>> = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .map(|k| std::env::var(k).ok())
        .collect();
    let shown = vars.iter().flatten().find(|v| !v.is_empty()).cloned();
    (locale_utf8(&vars), shown.unwrap_or_default())
}

/// The column (1-based) in a cursor position report `ESC [ row ; col R`, if `bytes` hold one.
/// Keys typed before it (an arrow is `ESC [ A`) are passed over.
pub fn reported_column(bytes: &[u8]) -> Option<u16> {
    (0..bytes.len()).find_map(|i| {
        let len = super::typed_ahead::report_at(&bytes[i..])?;
        let body = std::str::from_utf8(&bytes[i + 2..i + len - 1]).ok()?;
        body.split_once(';')?.1.parse().ok()
    })
}

/// What the probe's answer says: `Some(wide)` for a UTF-8 terminal, `None` for one that is not.
pub fn read_column(col: u16) -> Option<bool> {
    match col {
        4 => Some(false),
        5 => Some(true),
        _ => None,
    }
}

/// Whether a terminal UI can be drawn here at all, and if not, what to say.
pub fn refuse_without_terminal(term: Option<&str>, tty: bool, lang: Lang) -> Option<Failure> {
    let dumb = matches!(term, Some("dumb") | Some(""));
    if tty && !dumb {
        return None;
    }
    let why = if tty {
        "TERM=dumb"
    } else {
        lang.pick("端末がありません", "no terminal")
    };
    Some(Failure::Data(
        lang.pick_with(
            || format!(
                "ここでは画面を開けません（{why}）。コマンドで使えます：shindan list、shindan show 記録ID、shindan check 記録ID（一覧は shindan --help）"
            ),
            || format!(
                "cannot open the screens here ({why}). The command line works: shindan list, shindan show RECORD, shindan check RECORD (all commands: shindan --help)"
            ),
        ),
    ))
}

/// The message for a terminal that is not UTF-8: in both languages, English first, since a
/// terminal set to another codeset shows the Japanese garbled.
pub fn not_utf8(why: &str) -> Failure {
    Failure::Data(format!(
        "this terminal does not look UTF-8 ({why}). Set its character set to UTF-8 \
         (Tera Term: Setup > Terminal > Coding, receive and transmit UTF-8; PuTTY: Window > \
         Translation > UTF-8; RLogin: Server > Character code UTF-8), use a UTF-8 locale \
         (export LANG=ja_JP.UTF-8) and start shindan again; --force-utf8 opens it anyway.\n\
         この端末は UTF-8 ではないようです（{why}）。端末の文字コードを UTF-8 にし（Tera Term：\
         設定＞端末＞漢字コード 受信・送信とも UTF-8、PuTTY：ウィンドウ＞変換＞UTF-8、RLogin：\
         サーバー＞文字コード UTF-8）、LANG=ja_JP.UTF-8 にしてからもう一度起動してください。\
         そのまま開くには --force-utf8。"
    ))
}

/// No terminal, or `TERM=dumb`: refused before anything is opened.
pub fn refuse_early(lang: Lang) -> Result<(), Failure> {
    use std::io::IsTerminal;
    let tty = io::stdin().is_terminal() && io::stdout().is_terminal();
    let term = std::env::var("TERM").ok();
    match refuse_without_terminal(term.as_deref(), tty, lang) {
        Some(f) => Err(f),
        None => Ok(()),
    }
}

/// The probe written, its answer still on its way. What must be done before the first frame
/// anyway (opening the data dir, reading a screenful of records) is done meanwhile, and the
/// answer read after it with [`Asked::finish`]: over SSH the probe then costs what is left of
/// one round trip, and on the local machine almost nothing. The terminal is in raw mode from
/// here to the answer, so the answer is read as it comes and not echoed.
#[must_use = "finish reads the answer, erases the probe and leaves raw mode"]
pub struct Asked {
    opts: TerminalOptions,
    raw: bool,
    /// When the probe was written; `None` when it was not needed, or could not be written.
    sent: Option<Instant>,
}

/// The locale first (a named other codeset refuses at once, before anything is written), then
/// the probe, when a flag does not already say all it would tell.
pub fn send(opts: TerminalOptions) -> Result<Asked, Failure> {
    let (locale, shown) = locale_from_env();
    if locale == Some(false) && !opts.force_utf8 {
        return Err(not_utf8(&format!("LANG={shown}")));
    }
    let raw = crossterm::terminal::enable_raw_mode().is_ok();
    let need_probe = opts.ambiguous == AmbiguousWidth::Auto || !opts.force_utf8;
    let mut out = io::stdout();
    let sent = (need_probe && out.write_all(PROBE.as_bytes()).is_ok() && out.flush().is_ok())
        .then(Instant::now);
    Ok(Asked { opts, raw, sent })
}

impl Asked {
    /// Waits for the answer until [`WAIT`] after the probe was written, erases the probe,
    /// leaves raw mode, and says what the answer told.
    pub fn finish(mut self, lang: Lang) -> Result<Found, Failure> {
        let (column, typed) = match self.sent.take() {
            Some(at) => answer(at + WAIT),
            None => (None, Vec::new()),
        };
        if std::mem::take(&mut self.raw) {
            let _ = crossterm::terminal::disable_raw_mode();
        }
        let opts = self.opts;
        let typed = super::typed_ahead::keys(&typed);
        let wide_by_probe = match column {
            Some(col) => match read_column(col) {
                Some(wide) => Some(wide),
                None if opts.force_utf8 => None,
                None => {
                    return Err(not_utf8(lang.pick(
                        "試し書きの文字幅が UTF-8 と合いません",
                        "a test character did not move the cursor as UTF-8 would",
                    )))
                }
            },
            None => None,
        };
        let ambiguous_wide = match opts.ambiguous {
            AmbiguousWidth::Wide => true,
            AmbiguousWidth::Narrow => false,
            AmbiguousWidth::Auto => wide_by_probe.unwrap_or(false),
        };
        Ok(Found {
            ambiguous_wide,
            typed,
        })
    }
}

/// Not finished (a panic while the records were read): the probe is erased and raw mode left,
/// so the panic's message reaches a usable terminal.
impl Drop for Asked {
    fn drop(&mut self) {
        if self.sent.take().is_some() {
            let mut out = io::stdout();
            let _ = out.write_all(b"\r\x1b[K");
            let _ = out.flush();
        }
        if self.raw {
            let _ = crossterm::terminal::disable_raw_mode();
        }
    }
}

/// Reads stdin until the position report or `deadline`, then erases the probe's characters.
/// `None` when the terminal did not answer in time. With it, whatever else was read
/// meanwhile: keys typed before the answer came, to be handed back.
fn answer(deadline: Instant) -> (Option<u16>, Vec<u8>) {
    let mut got = Vec::new();
    let answer = loop {
        if let Some(col) = reported_column(&got) {
            break Some(col);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break None;
        }
        let mut buf = [0u8; 64];
        match crate::platform::read_stdin_within(&mut buf, left) {
            None => continue,
            Some(0) => break None,
            Some(r) => got.extend_from_slice(&buf[..r]),
        }
    };
    let mut out = io::stdout();
    let _ = out.write_all(b"\r\x1b[K");
    let _ = out.flush();
    (answer, super::typed_ahead::without_report(&got))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn the_locale_names_its_codeset_or_says_nothing() {
        assert_eq!(locale_utf8(&[None, None, some("ja_JP.UTF-8")]), Some(true));
        assert_eq!(locale_utf8(&[None, None, some("ja_JP.utf8")]), Some(true));
        assert_eq!(locale_utf8(&[None, None, some("ja_JP.eucJP")]), Some(false));
        assert_eq!(locale_utf8(&[None, None, some("ja_JP.SJIS")]), Some(false));
        assert_eq!(locale_utf8(&[None, None, some("C")]), None);
        assert_eq!(locale_utf8(&[None, None, None]), None);
        // LC_ALL wins over LANG, an empty one does not count.
        assert_eq!(
            locale_utf8(&[some("ja_JP.eucJP"), some(""), some("ja_JP.UTF-8")]),
            Some(false)
        );
        assert_eq!(locale_utf8(&[some(""), None, some("C.UTF-8")]), Some(true));
    }

    #[test]
    fn the_answer_tells_narrow_wide_and_not_utf8_apart() {
        assert_eq!(reported_column(b"\x1b[12;4R"), Some(4));
        assert_eq!(reported_column(b"x\x1b[1;5R"), Some(5));
        assert_eq!(reported_column(b"\x1b[1;5"), None);
        // Typed before the answer: an arrow, a q.
        assert_eq!(reported_column(b"\x1b[Aq\x1b[3;4R"), Some(4));
        assert_eq!(read_column(4), Some(false));
        assert_eq!(read_column(5), Some(true));
        // Shift_JIS reads the six bytes as three double-width characters.
        assert_eq!(read_column(7), None);
    }

    #[test]
    fn no_terminal_or_a_dumb_one_points_to_the_command_line() {
        assert!(refuse_without_terminal(Some("xterm"), true, Lang::Ja).is_none());
        for (term, tty) in [(Some("dumb"), true), (Some("xterm"), false), (None, false)] {
            let f = refuse_without_terminal(term, tty, Lang::En).expect("refused");
            assert!(f.to_string().contains("shindan show"), "{f}");
        }
        let f = refuse_without_terminal(Some("dumb"), true, Lang::Ja).expect("refused");
        assert!(f.to_string().contains("shindan check"));
    }
}
