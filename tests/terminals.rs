//! shindan on the terminals Japanese hospitals use, emulated in a real pseudo-terminal: one that
//! draws East Asian Ambiguous characters two cells wide (Tera Term, RLogin, PuTTY as Japanese
//! users set them), one that reads bytes as Shift_JIS, and none at all. The emulator below
//! answers the cursor position query truthfully, as those terminals do.

mod support;

use std::time::{Duration, Instant};
use support::{Pty, DOWN, ENTER};
use unicode_width::UnicodeWidthChar;

/// A minimal terminal: enough of VT100/xterm to read what ratatui and crossterm send
/// (cursor moves, erases, colours ignored) and to answer CSI 6n.
struct Emulator {
    cols: usize,
    rows: usize,
    grid: Vec<Vec<char>>,
    x: usize,
    y: usize,
    /// Ambiguous characters take two cells.
    wide: bool,
    /// Bytes are read as Shift_JIS: every byte from 0x80 on starts a two-byte, two-cell one.
    sjis: bool,
    pending: Vec<u8>,
    state: State,
    answers: Vec<String>,
    cursor_shown: bool,
}

#[derive(PartialEq)]
enum State {
    Ground,
    Esc,
    Csi(String),
    Skip1,
}

/// The mark of the right half of a two-cell character.
const HALF: char = '\0';

impl Emulator {
    fn new(cols: usize, rows: usize, wide: bool, sjis: bool) -> Emulator {
        Emulator {
            cols,
            rows,
            grid: vec![vec![' '; cols]; rows],
            x: 0,
            y: 0,
            wide,
            sjis,
            pending: Vec::new(),
            state: State::Ground,
            answers: Vec::new(),
            cursor_shown: true,
        }
    }

    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.byte(b);
        }
    }

    fn byte(&mut self, b: u8) {
        match std::mem::replace(&mut self.state, State::Ground) {
            State::Esc => {
                self.state = match b {
                    b'[' => State::Csi(String::new()),
                    b'(' | b')' => State::Skip1,
                    _ => State::Ground,
                }
            }
            State::Skip1 => {}
            State::Csi(mut s) => {
                if (0x40..=0x7e).contains(&b) {
                    self.csi(&s, b as char);
                } else {
                    s.push(b as char);
                    self.state = State::Csi(s);
                }
            }
            State::Ground => self.ground(b),
        }
    }

    fn ground(&mut self, b: u8) {
        if !self.pending.is_empty() || b >= 0x80 {
            self.pending.push(b);
            if self.sjis {
                if self.pending.len() == 2 {
                    self.pending.clear();
                    self.put('？', 2);
                }
                return;
            }
            if let Ok(s) = std::str::from_utf8(&self.pending) {
                let c = s.chars().next().unwrap();
                self.pending.clear();
                let w = if self.wide { c.width_cjk() } else { c.width() };
                self.put(c, w.unwrap_or(0));
            } else if self.pending.len() >= 4 {
                self.pending.clear();
            }
            return;
        }
        match b {
            0x1b => self.state = State::Esc,
            b'\r' => self.x = 0,
            b'\n' => self.y = (self.y + 1).min(self.rows - 1),
            0x08 => self.x = self.x.saturating_sub(1),
            0x20..=0x7e => self.put(b as char, 1),
            _ => {}
        }
    }

    fn put(&mut self, c: char, w: usize) {
        if w == 0 || self.x + w > self.cols {
            self.x = (self.x + w).min(self.cols);
            return;
        }
        self.grid[self.y][self.x] = c;
        if w == 2 {
            self.grid[self.y][self.x + 1] = HALF;
        }
        self.x += w;
    }

    fn csi(&mut self, params: &str, f: char) {
        let nums: Vec<usize> = params
            .trim_start_matches('?')
            .split(';')
            .map(|p| p.parse().unwrap_or(0))
            .collect();
        let n = |i: usize, d: usize| nums.get(i).copied().filter(|&v| v > 0).unwrap_or(d);
        match f {
            'H' | 'f' => {
                self.y = (n(0, 1) - 1).min(self.rows - 1);
                self.x = (n(1, 1) - 1).min(self.cols - 1);
            }
            'G' => self.x = (n(0, 1) - 1).min(self.cols - 1),
            'A' => self.y = self.y.saturating_sub(n(0, 1)),
            'B' => self.y = (self.y + n(0, 1)).min(self.rows - 1),
            'C' => self.x = (self.x + n(0, 1)).min(self.cols - 1),
            'D' => self.x = self.x.saturating_sub(n(0, 1)),
            'K' => {
                let from = if nums[0] == 2 { 0 } else { self.x };
                self.grid[self.y][from..].fill(' ');
            }
            'J' if nums[0] == 2 => self.grid.iter_mut().for_each(|r| r.fill(' ')),
            'n' if params == "6" => {
                self.answers
                    .push(format!("\x1b[{};{}R", self.y + 1, self.x + 1))
            }
            'h' if params == "?25" => self.cursor_shown = true,
            'l' if params == "?25" => self.cursor_shown = false,
            _ => {}
        }
    }

    fn lines(&self) -> Vec<String> {
        self.grid
            .iter()
            .map(|r| r.iter().filter(|&&c| c != HALF).collect())
            .collect()
    }

    fn screen(&self) -> String {
        self.lines().join("\n")
    }
}

/// shindan in a pseudo-terminal driven by the emulator: output fed to it, its answers sent back.
struct Session {
    _tmp: tempfile::TempDir,
    pty: Pty,
    emu: Emulator,
    seen: usize,
}

impl Session {
    fn start(args: &[&str], env: &[(&str, &str)], wide: bool, sjis: bool) -> Session {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        Session {
            _tmp: tmp,
            pty: Pty::shindan_answering(&data, args, env, 80, 24, false),
            emu: Emulator::new(80, 24, wide, sjis),
            seen: 0,
        }
    }

    fn pump(&mut self) {
        let bytes = self.pty.bytes();
        self.emu.feed(&bytes[self.seen..]);
        self.seen = bytes.len();
        for a in std::mem::take(&mut self.emu.answers) {
            self.pty.send(&a);
        }
    }

    fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            self.pump();
            if self.emu.screen().contains(text) {
                // Let the frame finish.
                std::thread::sleep(Duration::from_millis(100));
                self.pump();
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("waited for {text:?}; screen:\n{}", self.emu.screen());
    }

    fn keys(&mut self, keys: &str) {
        self.pump();
        let before = self.pty.len();
        self.pty.send(keys);
        self.pty.settle(before);
        self.pump();
    }

    /// Rows drawn inside a box (a border in the first cell), cell by cell.
    fn boxed_rows(&self) -> Vec<Vec<char>> {
        self.emu
            .grid
            .iter()
            .filter(|r| ['|', '+', '│', '┌', '└', '├'].contains(&r[0]))
            .cloned()
            .collect()
    }
}

fn borders_end_in_the_last_column(rows: &[Vec<char>]) -> bool {
    rows.iter()
        .all(|r| ['|', '+', '│', '┐', '┘', '┤'].contains(&r[r.len() - 1]))
}

#[test]
fn a_terminal_drawing_ambiguous_characters_wide_keeps_every_right_border() {
    let mut s = Session::start(&[], &[("LANG", "ja_JP.UTF-8")], true, false);
    s.wait_for("記録はまだありません");
    s.keys("n");
    s.wait_for("新しい記録");
    let rows = s.boxed_rows();
    assert!(borders_end_in_the_last_column(&rows), "{}", s.emu.screen());
    s.keys("みなと病院");
    for k in [ENTER, "350", ENTER, DOWN, DOWN, DOWN, DOWN, DOWN, ENTER] {
        s.keys(k);
    }
    s.wait_for("問 4/22");
    let rows = s.boxed_rows();
    assert!(rows.len() > 10, "{}", s.emu.screen());
    assert!(borders_end_in_the_last_column(&rows), "{}", s.emu.screen());
    s.keys("?");
    let rows = s.boxed_rows();
    assert!(borders_end_in_the_last_column(&rows), "{}", s.emu.screen());
}

#[test]
fn told_narrow_on_a_wide_terminal_the_borders_overrun() {
    // The override is obeyed, and this is what shindan looked like before it asked.
    let mut s = Session::start(
        &["--ambiguous-width", "narrow"],
        &[("LANG", "ja_JP.UTF-8")],
        true,
        false,
    );
    s.wait_for("記録はまだありません");
    let rows = s.boxed_rows();
    assert!(!rows.is_empty(), "{}", s.emu.screen());
    assert!(!borders_end_in_the_last_column(&rows), "{}", s.emu.screen());
}

#[test]
fn the_environment_can_ask_for_wide_without_a_probe_answer() {
    // A narrow emulator that answers; the variable overrides what it says.
    let mut s = Session::start(
        &[],
        &[("LANG", "ja_JP.UTF-8"), ("SHINDAN_AMBIGUOUS_WIDTH", "wide")],
        false,
        false,
    );
    s.wait_for("記録はまだありません");
    let rows = s.boxed_rows();
    assert!(
        rows.iter().all(|r| ['|', '+'].contains(&r[0])),
        "{}",
        s.emu.screen()
    );
}

#[test]
fn the_input_method_cursor_sits_right_after_the_last_character_typed() {
    let mut s = Session::start(&[], &[("LANG", "ja_JP.UTF-8")], false, false);
    s.wait_for("記録はまだありません");
    s.keys("n");
    s.wait_for("新しい記録");
    s.keys("さくら");
    let p = &s.pty;
    let mut parser = vt100::Parser::new(24, 80, 0);
    parser.process(&p.bytes());
    let screen = parser.screen();
    assert!(
        !screen.hide_cursor(),
        "cursor hidden:\n{}",
        screen.contents()
    );
    let (row, col) = screen.cursor_position();
    let line = screen.rows(0, 80).nth(usize::from(row)).unwrap_or_default();
    // The cursor's column is the width of the row up to and including ら.
    let at = line.find("さくら").expect("name on the cursor's row");
    let upto = unicode_width::UnicodeWidthStr::width(&line[..at + "さくら".len()]);
    assert_eq!(usize::from(col), upto, "row {row}: {line:?}");
}

#[test]
fn a_shift_jis_terminal_gets_a_bilingual_message_and_no_screen() {
    let mut s = Session::start(&[], &[("LANG", "C")], false, true);
    let start = Instant::now();
    while !String::from_utf8_lossy(&s.pty.bytes()).contains("UTF-8 ではない")
        && start.elapsed() < Duration::from_secs(10)
    {
        s.pump();
        std::thread::sleep(Duration::from_millis(10));
    }
    let status = s.pty.wait_exit();
    assert_eq!(status.code(), Some(1));
    let out = String::from_utf8_lossy(&s.pty.bytes()).to_string();
    assert!(out.contains("does not look UTF-8"), "{out}");
    assert!(out.contains("UTF-8 ではないようです"), "{out}");
    assert!(!out.contains("\x1b[?1049h"), "a screen was drawn: {out:?}");
}

#[test]
fn an_euc_jp_locale_is_refused_before_any_screen_and_force_utf8_goes_on() {
    let mut t = Pty::shindan(
        tempfile::tempdir().unwrap().path(),
        &[],
        &[("LANG", "ja_JP.eucJP")],
        80,
        24,
    );
    assert_eq!(t.wait_exit().code(), Some(1));
    let out = String::from_utf8_lossy(&t.bytes()).to_string();
    assert!(
        out.contains("LANG=ja_JP.eucJP") && !out.contains("\x1b[?1049h"),
        "{out}"
    );
    let tmp = tempfile::tempdir().unwrap();
    let t = Pty::shindan(
        tmp.path(),
        &["--force-utf8"],
        &[("LANG", "ja_JP.eucJP")],
        80,
        24,
    );
    t.wait_for("記録はまだありません");
}

#[test]
fn no_terminal_and_a_dumb_one_point_to_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("shindan")
        .unwrap()
        .args(["--data-dir"])
        .arg(tmp.path())
        .env("SHINDAN_LANG", "en")
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("shindan show") && !err.contains("No such device"),
        "{err}"
    );
    let mut t = Pty::shindan(tmp.path(), &[], &[("TERM", "dumb")], 80, 24);
    assert_eq!(t.wait_exit().code(), Some(1));
    let out = String::from_utf8_lossy(&t.bytes()).to_string();
    assert!(
        out.contains("TERM=dumb") && out.contains("shindan check"),
        "{out}"
    );
}

#[test]
fn backspace_as_ctrl_h_or_del_and_home_end_as_each_client_sends_them() {
    let mut s = Session::start(&[], &[("LANG", "ja_JP.UTF-8")], false, false);
    s.wait_for("記録はまだありません");
    s.keys("n");
    s.wait_for("新しい記録");
    // DEL (xterm, PuTTY's default) and ^H (Tera Term's default) both erase.
    for k in ["abc", "\x7f", "\x08"] {
        s.keys(k);
    }
    // Home and End as xterm (CSI H/F), PuTTY and Tera Term (CSI 1~/4~), rxvt (CSI 7~/8~)
    // and application mode (SS3 H/F) send them.
    for (home, end) in [
        ("\x1b[H", "\x1b[F"),
        ("\x1b[1~", "\x1b[4~"),
        ("\x1b[7~", "\x1b[8~"),
        ("\x1bOH", "\x1bOF"),
    ] {
        s.keys(home);
        s.keys("<");
        s.keys(end);
        s.keys(">");
    }
    assert!(s.emu.screen().contains("<<<<a>>>>"), "{}", s.emu.screen());
}

#[test]
fn nothing_is_reachable_only_with_alt_or_a_function_key() {
    use crossterm::event::{KeyCode, KeyModifiers};
    use shindan::tui::keys::BINDINGS;
    // Tera Term and some PuTTY settings eat Alt and F-keys: each intent must have a plain key
    // in the same scope, or (Alt jumps from a field) in the scope the field sits in.
    for b in BINDINGS {
        let plain = |b: &shindan::tui::keys::Binding| {
            b.keys
                .iter()
                .any(|k| !k.mods.contains(KeyModifiers::ALT) && !matches!(k.code, KeyCode::F(_)))
        };
        if plain(b) {
            continue;
        }
        assert!(
            BINDINGS.iter().any(|o| o.intent == b.intent && plain(o)),
            "{:?} in {:?} only with {}",
            b.intent,
            b.scope,
            b.shown
        );
    }
}

/// A key typed before the terminal's answer to the start-up probe (a quick hand over SSH, where
/// the answer takes a round trip) reaches the app: the probe reads it with the answer and hands
/// it back.
#[test]
fn a_key_typed_before_the_probe_answer_is_not_lost() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let env = [("LANG", "ja_JP.UTF-8")];
    let mut pty = Pty::shindan_answering(&data, &[], &env, 80, 24, false);
    let start = Instant::now();
    while !pty.bytes().windows(4).any(|w| w == b"\x1b[6n") {
        assert!(start.elapsed() < Duration::from_secs(10), "no probe");
        std::thread::sleep(Duration::from_millis(5));
    }
    // `n` (a new record) arrives first, then the answer.
    pty.send("n\x1b[1;4R");
    pty.wait_for("新しい記録");
    // A silent terminal: the `q` typed at once still quits.
    let mut pty = Pty::shindan_answering(&data, &[], &env, 80, 24, false);
    pty.send("q");
    assert!(pty.wait_exit().success(), "{}", pty.screen());
}

/// In wide mode a character the terminal draws over two cells, typed into a field, moves the
/// terminal's cursor (where the input method opens) two cells: the caret is right after what
/// the terminal drew, whether the glyph was kept (①) or stood in for (※ → *, ○ → o).
#[test]
fn in_wide_mode_the_caret_follows_ambiguous_characters_typed() {
    let mut s = Session::start(&[], &[("LANG", "ja_JP.UTF-8")], true, false);
    s.wait_for("記録はまだありません");
    s.keys("n");
    s.wait_for("新しい記録");
    for typed in ["※", "○", "①", "a①"] {
        s.keys(typed);
        let row = s.emu.grid[s.emu.y].clone();
        // The last cell drawn with something in it, on the caret's row, inside the field.
        let drawn: String = row.iter().filter(|&&c| c != HALF).collect();
        let end = row
            .iter()
            .take(s.emu.x)
            .rposition(|&c| c != ' ')
            .expect("something before the caret");
        assert_eq!(s.emu.x, end + 1, "after {typed:?}: {drawn:?}");
        // …and not on the right half of a glyph drawn over two cells.
        assert_ne!(row.get(s.emu.x), Some(&HALF), "after {typed:?}: {drawn:?}");
        assert!(s.emu.cursor_shown, "{}", s.emu.screen());
    }
}
