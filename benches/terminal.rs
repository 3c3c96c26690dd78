//! shindan in a pseudo-terminal at 80×24, beside dialog and whiptail (the programs hospital
//! scripts use for terminal forms) measured by the same harness in the same run:
//! first frame, bytes per keystroke, idle CPU and peak memory. shindan's first frame is also
//! measured on a terminal that never answers its start-up position query (the probe waits at
//! most 150 ms) and on one it need not ask (`--ambiguous-width narrow --force-utf8`: what the
//! probe adds is the difference), and a 100,000-character bracketed paste into a note is timed
//! to the screen.
//!
//! `cargo bench --bench terminal` (dialog and whiptail from Debian's packages; skipped, and
//! said so, when missing). `SHINDAN_BENCH_BIN=path` measures another build instead of this one;
//! `SHINDAN_BENCH_VS=path` adds this build's first frame and that one's, started alternately.

#[path = "../tests/support/mod.rs"]
mod support;

use chrono::{TimeZone, Utc};
use shindan::domain::validate::answer_from_input;
use shindan::domain::{Questionnaire, Record};
use shindan::store::Store;
use std::path::Path;
use std::process::Command;
use std::time::Duration;
use support::Pty;

/// Arrow down as xterm sends it in keypad mode; curses programs (dialog, whiptail) read only
/// this form, crossterm reads both.
const DOWN: &str = "\x1bOB";
const RUNS: usize = 30;
const QUIET: Duration = Duration::from_millis(150);

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        return f64::NAN;
    }
    v[v.len() / 2]
}

fn records(dir: &Path, n: usize) {
    let store = Store::open(dir).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap();
    for i in 0..n {
        store
            .create(2026, |id| {
                let mut r = Record::new(id, at.date_naive(), at);
                let name = format!("テスト病院{i:03}");
                for (q, v) in [
                    ("hospital_name", name.as_str()),
                    ("beds", "350"),
                    ("founder", "medical_corporation"),
                    ("associations", "jha"),
                ] {
                    answer_from_input(Questionnaire::embedded(), &mut r, q, v, at).unwrap();
                }
                r
            })
            .unwrap();
    }
}

fn menu(program: &str) -> Command {
    let mut c = Command::new(program);
    c.env("TERM", "xterm-256color")
        .args(["--menu", "Choose", "24", "80", "8"]);
    for i in 1..=8 {
        c.arg(i.to_string()).arg(format!("Item {i}"));
    }
    c
}

/// The binary measured: the one cargo built for this bench, or `SHINDAN_BENCH_BIN` to compare
/// another build of it (e.g. a statically linked one) on the same run.
fn shindan_bin() -> std::path::PathBuf {
    std::env::var_os("SHINDAN_BENCH_BIN")
        .map(Into::into)
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_shindan").into())
}

fn shindan(data: &Path) -> Command {
    shindan_at(&shindan_bin(), data)
}

fn shindan_at(bin: &Path, data: &Path) -> Command {
    let mut c = Command::new(bin);
    c.env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .arg("--data-dir")
        .arg(data);
    c
}

fn available(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Median time from exec to the first complete frame, in ms.
fn first_frame(make: &dyn Fn() -> Command) -> f64 {
    first_frame_on(make, true, QUIET)
}

/// The same on a terminal that answers shindan's position query (`answer`) or stays silent.
/// A silent terminal leaves a gap of up to 150 ms after the query, before the frame: `quiet`
/// must be longer than that, or the query alone would count as the frame.
fn first_frame_on(make: &dyn Fn() -> Command, answer: bool, quiet: Duration) -> f64 {
    let times = (0..RUNS)
        .filter_map(|_| {
            let t = Pty::spawn_answering(make(), 80, 24, answer);
            t.first_frame(quiet).map(|d| d.as_secs_f64() * 1000.0)
        })
        .collect();
    median(times)
}

/// `SHINDAN_BENCH_VS=path`: this build's first frame and that build's, started alternately
/// (`INTERLEAVED` starts each), so that the machine's load moves both alike. Medians of separate
/// runs move by a few tenths of a millisecond from run to run; this is how to tell whether a
/// change made the start slower.
fn interleaved(data: &Path, other: &Path) -> (f64, f64) {
    const INTERLEAVED: usize = 150;
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    let once = |bin: &Path| {
        Pty::spawn_answering(shindan_at(bin, data), 80, 24, true)
            .first_frame(QUIET)
            .map(|d| d.as_secs_f64() * 1000.0)
    };
    for _ in 0..INTERLEAVED {
        ours.extend(once(&shindan_bin()));
        theirs.extend(once(other));
    }
    (median(ours), median(theirs))
}

/// A bracketed paste of `n` characters (lines of 49 and a break, `END` last) into the first
/// record's first note: ms from the paste's first byte to `END` on the screen, and the bytes
/// shindan wrote meanwhile.
fn paste_into_note(data: &Path, n: usize) -> (f64, usize) {
    let mut t = Pty::spawn(shindan(data), 80, 24);
    t.first_frame(QUIET);
    for k in ["\r", "n"] {
        let before = t.len();
        t.send(k);
        t.settle(before);
    }
    let body: String = (0..n)
        .map(|i| match i % 50 {
            49 => '\r',
            k => (b'a' + (k % 26) as u8) as char,
        })
        .collect();
    let msg = format!("\x1b[200~{body}END\x1b[201~");
    let before = t.len();
    let start = std::time::Instant::now();
    // The paste fills the pty's buffer: written from a thread while shindan reads it.
    let mut w = t.writer();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = w.write_all(msg.as_bytes());
    });
    let _ = writer.join();
    t.wait_for("END");
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    t.settle(t.len().saturating_sub(1));
    (ms, t.len() - before)
}

/// Bytes written for each of `n` presses of `key`, once the first frame is out.
fn bytes_per_key(mut t: Pty, key: &str, n: usize) -> Vec<usize> {
    t.first_frame(QUIET);
    (0..n)
        .map(|_| {
            let before = t.len();
            t.send(key);
            t.settle(before);
            t.len() - before
        })
        .collect()
}

/// CPU time (user + system) of a process, from /proc, in ms.
fn cpu_ms(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, s)| s).unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11).and_then(|s| s.parse().ok()).unwrap_or(0.0)
        + fields.get(12).and_then(|s| s.parse().ok()).unwrap_or(0.0);
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    ticks * 1000.0 / hz
}

fn peak_rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    // `cargo bench` passes --bench; a filter other than ours means another bench was asked for.
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with("--") && a != "terminal")
    {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    records(&data, 100);

    println!("terminal 80x24, TERM=xterm-256color, {RUNS} runs, medians");
    println!(
        "{:<34} {:>10} {:>10} {:>10}",
        "", "shindan", "dialog", "whiptail"
    );
    let has = |p: &str| available(p);
    let ff_shindan = first_frame(&|| shindan(&data));
    let ff = |p: &str| {
        if has(p) {
            first_frame(&|| menu(p))
        } else {
            f64::NAN
        }
    };
    let (ff_dialog, ff_whiptail) = (ff("dialog"), ff("whiptail"));
    println!(
        "{:<34} {:>8.1}ms {:>8.1}ms {:>8.1}ms",
        "first frame (100 records)", ff_shindan, ff_dialog, ff_whiptail
    );

    // What the probe adds: the same start told the width and the codeset by flags, so that
    // it asks nothing.
    let ff_unasked = first_frame(&|| {
        let mut c = shindan(&data);
        c.args(["--ambiguous-width", "narrow", "--force-utf8"]);
        c
    });
    println!(
        "{:<34} {:>8.1}ms",
        "first frame, no probe (flags)", ff_unasked
    );

    if let Some(other) = std::env::var_os("SHINDAN_BENCH_VS") {
        let (ours, theirs) = interleaved(&data, Path::new(&other));
        println!(
            "{:<34} {:>8.1}ms {:>8.1}ms  (this build, SHINDAN_BENCH_VS; started alternately)",
            "first frame, interleaved", ours, theirs
        );
    }

    let ff_silent = first_frame_on(&|| shindan(&data), false, Duration::from_millis(400));
    println!(
        "{:<34} {:>8.1}ms",
        "first frame, terminal silent", ff_silent
    );

    let moves = |c: Command| {
        median(
            bytes_per_key(Pty::spawn(c, 80, 24), DOWN, 6)
                .into_iter()
                .map(|b| b as f64)
                .collect(),
        )
    };
    let mv_shindan = moves(shindan(&data));
    let mv = |p: &str| if has(p) { moves(menu(p)) } else { f64::NAN };
    let (mv_dialog, mv_whiptail) = (mv("dialog"), mv("whiptail"));
    println!(
        "{:<34} {:>9.0}B {:>9.0}B {:>9.0}B",
        "bytes: move one line (home list)", mv_shindan, mv_dialog, mv_whiptail
    );

    // Among a question's options: open the first record, at its first open question (threat).
    let mut t = Pty::spawn(shindan(&data), 80, 24);
    t.first_frame(QUIET);
    let before = t.len();
    t.send("\r");
    t.settle(before);
    let opt = median(
        bytes_per_key(t, DOWN, 2)
            .into_iter()
            .map(|b| b as f64)
            .collect(),
    );
    println!("{:<34} {:>9.0}B", "bytes: move among options", opt);

    // A screen change (Tab from staff_total to staff_fulltime), then one character in that
    // number field. From threat, Tab passes over the follow-ups still waiting on their gates.
    let mut t = Pty::spawn(shindan(&data), 80, 24);
    t.first_frame(QUIET);
    for k in ["\r", "\t", "\t", "\t"] {
        let before = t.len();
        t.send(k);
        t.settle(before);
    }
    let before = t.len();
    t.send("\t");
    t.settle(before);
    let change = t.len() - before;
    let typed = median(
        bytes_per_key(t, "3", 3)
            .into_iter()
            .map(|b| b as f64)
            .collect(),
    );
    println!("{:<34} {:>9.0}B", "bytes: type one digit", typed);
    println!("{:<34} {:>9}B", "bytes: next question (Tab)", change);

    // The position screen (p on the first record): the next indicator, and the other cohort.
    // The detail below the table changes with the row, so a move costs more than in a list.
    let mut t = Pty::spawn(shindan(&data), 80, 24);
    t.first_frame(QUIET);
    let before = t.len();
    t.send("p");
    t.settle(before);
    let row = median(
        bytes_per_key(t, DOWN, 4)
            .into_iter()
            .map(|b| b as f64)
            .collect(),
    );
    println!("{:<34} {:>9.0}B", "bytes: position, next indicator", row);
    let mut t = Pty::spawn(shindan(&data), 80, 24);
    t.first_frame(QUIET);
    let before = t.len();
    t.send("p");
    t.settle(before);
    let cohort = median(
        bytes_per_key(t, "\x1b[C", 2)
            .into_iter()
            .map(|b| b as f64)
            .collect(),
    );
    println!("{:<34} {:>9.0}B", "bytes: position, other cohort", cohort);

    // A resize repaints the whole screen, as it must: the measure of a full repaint, beside
    // the bytes of a key, which repaint only what changed.
    let t = Pty::spawn(shindan(&data), 80, 24);
    t.first_frame(QUIET);
    let before = t.len();
    t.resize(100, 30);
    t.settle(before);
    println!(
        "{:<34} {:>9}B",
        "bytes: resize 80x24 -> 100x30",
        t.len() - before
    );
    println!(
        "{:<34} {:>9.0}B  (limits: dialog's {:.0}B, 2x whiptail's {:.0}B)",
        "bytes: move one line, limit check",
        mv_shindan,
        mv_dialog,
        2.0 * mv_whiptail
    );

    let (paste_ms, paste_bytes) = paste_into_note(&data, 100_000);
    println!(
        "{:<34} {:>8.0}ms {:>9}B",
        "paste 100,000 chars into a note", paste_ms, paste_bytes
    );

    // Idle: 10 s with nothing to do.
    let t = Pty::spawn(shindan(&data), 80, 24);
    t.first_frame(QUIET);
    let cpu0 = cpu_ms(t.pid());
    std::thread::sleep(Duration::from_secs(10));
    let idle = cpu_ms(t.pid()) - cpu0;
    println!("{:<34} {:>8.0}ms", "CPU over 10 s idle", idle);

    // Peak memory of a session that walks through every question.
    let mut t = Pty::spawn(shindan(&data), 80, 24);
    t.first_frame(QUIET);
    for k in [
        "\r", "1", "1", "2", "2", "\r", "1", "2", "1", "3", "\r", "2", "\r", "3", "1", "\r", "2",
        "2", "2", "1", "2",
    ] {
        let before = t.len();
        t.send(k);
        t.settle(before);
    }
    println!(
        "{:<34} {:>7.1}MB",
        "peak RSS, a whole interview",
        peak_rss_kb(t.pid()) as f64 / 1024.0
    );
    let exe = std::fs::metadata(shindan_bin())
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "{:<34} {:>7.1}MB",
        "binary size (bench profile)",
        exe as f64 / 1024.0 / 1024.0
    );
}
