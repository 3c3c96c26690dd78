//! Running shindan in a real pseudo-terminal, as a user over SSH would: keys in, bytes out, and
//! a terminal emulator (vt100) to read the screen those bytes draw.
#![allow(dead_code)]

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const TAB: &str = "\t";
pub const DOWN: &str = "\x1b[B";
pub const UP: &str = "\x1b[A";

/// A pseudo-terminal whose master side this process alone holds, as sshd holds it: closing it
/// is a hang-up, and the kernel sends SIGHUP to the program, as when an SSH connection drops.
pub struct Pty {
    child: Child,
    master: Option<File>,
    reader: Option<JoinHandle<()>>,
    stop: Arc<AtomicBool>,
    output: Arc<Mutex<Vec<u8>>>,
    /// When each read arrived, with the output's length after it: for timing frames.
    arrivals: Arc<Mutex<Vec<(Instant, usize)>>>,
    pub started: Instant,
    rows: u16,
    cols: u16,
}

impl Pty {
    pub fn shindan(data: &Path, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        Pty::shindan_answering(data, args, env, cols, rows, true)
    }

    /// `answer`: reply to shindan's start-up position query (CSI 6n) as a UTF-8 terminal that
    /// draws ambiguous characters narrow does, at once, as a local terminal would. Off for a
    /// test that runs its own emulator.
    pub fn shindan_answering(
        data: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
        answer: bool,
    ) -> Pty {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_shindan"));
        cmd.arg("--data-dir").arg(data).args(args);
        cmd.env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("SHINDAN_LANG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        Pty::spawn_answering(cmd, cols, rows, answer)
    }

    pub fn spawn(cmd: Command, cols: u16, rows: u16) -> Pty {
        Pty::spawn_answering(cmd, cols, rows, true)
    }

    pub fn spawn_answering(mut cmd: Command, cols: u16, rows: u16, answer: bool) -> Pty {
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two fds; both are wrapped in owners right away.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
        let master = unsafe { File::from_raw_fd(master) };
        let slave = unsafe { OwnedFd::from_raw_fd(slave) };
        // The child must not inherit the master: holding it would keep the terminal alive.
        unsafe { libc::fcntl(master.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC) };
        let io = |f: &OwnedFd| Stdio::from(f.try_clone().expect("dup slave"));
        cmd.stdin(io(&slave)).stdout(io(&slave)).stderr(io(&slave));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let started = Instant::now();
        let child = cmd.spawn().expect("spawn");
        drop(slave);
        let output = Arc::new(Mutex::new(Vec::new()));
        let arrivals = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (sink, stop_reader, times) = (output.clone(), stop.clone(), arrivals.clone());
        let mut reader_fd = master.try_clone().expect("dup master");
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stop_reader.load(Ordering::SeqCst) {
                let mut pfd = libc::pollfd {
                    fd: reader_fd.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                let n = unsafe { libc::poll(&mut pfd, 1, 20) };
                if n <= 0 {
                    continue;
                }
                match reader_fd.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        // あ─ from column 1 leaves a narrow UTF-8 terminal at column 4.
                        if answer && buf[..n].windows(4).any(|w| w == b"\x1b[6n") {
                            let _ = reader_fd.write_all(b"\x1b[1;4R");
                        }
                        let mut out = sink.lock().unwrap();
                        out.extend_from_slice(&buf[..n]);
                        times.lock().unwrap().push((Instant::now(), out.len()));
                    }
                }
            }
            // The reader's copy of the master closes here.
        });
        Pty {
            child,
            master: Some(master),
            reader: Some(reader),
            stop,
            output,
            arrivals,
            started,
            rows,
            cols,
        }
    }

    /// Another handle on the terminal's input, for a writer thread: a long paste fills the
    /// pty's buffer and blocks until shindan reads it.
    pub fn writer(&self) -> File {
        self.master
            .as_ref()
            .expect("terminal open")
            .try_clone()
            .expect("dup master")
    }

    pub fn send(&mut self, keys: &str) {
        let w = self.master.as_mut().expect("terminal open");
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// Sends keys one at a time, waiting for the screen to settle after each: a lone Esc must
    /// not arrive glued to the next key (it would read as Alt+key).
    pub fn keys(&mut self, keys: &[&str]) {
        for k in keys {
            let before = self.len();
            self.send(k);
            self.settle(before);
        }
    }

    /// Waits until output has grown past `mark` and then stopped for a moment.
    pub fn settle(&self, mark: usize) {
        let start = Instant::now();
        let mut last = self.len();
        let mut quiet = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(10));
            let now = self.len();
            if now != last {
                last = now;
                quiet = Instant::now();
            } else if now > mark && quiet.elapsed() > Duration::from_millis(60) {
                return;
            }
        }
    }

    /// When the first frame was complete: the last output before the first quiet spell of
    /// `quiet` (nothing more was drawn), measured from the spawn.
    pub fn first_frame(&self, quiet: Duration) -> Option<Duration> {
        let start = Instant::now();
        loop {
            {
                let arrivals = self.arrivals.lock().unwrap();
                let mut prev: Option<Instant> = None;
                for (t, _) in arrivals.iter() {
                    if let Some(p) = prev {
                        if t.duration_since(p) >= quiet {
                            return Some(p.duration_since(self.started));
                        }
                    }
                    prev = Some(*t);
                }
                if let Some(p) = prev {
                    if p.elapsed() >= quiet {
                        return Some(p.duration_since(self.started));
                    }
                }
            }
            if start.elapsed() > Duration::from_secs(10) {
                return None;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn len(&self) -> usize {
        self.output.lock().unwrap().len()
    }

    pub fn bytes(&self) -> Vec<u8> {
        self.output.lock().unwrap().clone()
    }

    /// The screen the output draws, as text.
    pub fn screen(&self) -> String {
        let mut p = vt100::Parser::new(self.rows, self.cols, 0);
        p.process(&self.bytes());
        p.screen().contents()
    }

    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("waited 10 s for {text:?}; screen:\n{}", self.screen());
    }

    /// On the home screen of the [`PROFILE`]'s record: `c` copies it to the next 年度 and the
    /// copy opens in its interview, nothing of it confirmed yet.
    pub fn copy_to_next_year(&mut self) {
        self.wait_for("みなと総合病院");
        self.keys(&["c"]);
        self.wait_for("新しい年度へコピー");
        self.keys(&[ENTER]);
        self.wait_for("面談 0%（昨年から未確認");
    }

    /// Closes the terminal as a dropped SSH connection does: the kernel sends SIGHUP.
    pub fn hang_up(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        self.master.take();
    }

    /// Resizes the terminal as a terminal emulator does: the new size on the pty, then SIGWINCH
    /// to the program.
    pub fn resize(&self, cols: u16, rows: u16) {
        let size = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        if let Some(m) = &self.master {
            // SAFETY: a valid fd and a valid winsize for the duration of the call.
            unsafe {
                libc::ioctl(m.as_raw_fd(), libc::TIOCSWINSZ, &size);
            }
        }
        self.kill_with(libc::SIGWINCH);
    }

    pub fn kill_with(&self, signal: i32) {
        // SAFETY: signalling our own child.
        unsafe {
            libc::kill(self.child.id() as i32, signal);
        }
    }

    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if let Some(status) = self.child.try_wait().unwrap() {
                // What it wrote just before exiting may not be read yet: the reader stops at
                // the terminal's end (EIO once no one holds its other side).
                let drained = Instant::now();
                while drained.elapsed() < Duration::from_secs(2)
                    && !self.reader.as_ref().is_none_or(|r| r.is_finished())
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("shindan did not exit; screen:\n{}", self.screen());
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// The profile of the 120-bed co-operative the pseudo-terminal tests open: the interview's first
/// questions, so that a record opens at the threat question.
pub const PROFILE: [(&str, &str); 4] = [
    ("hospital_name", "みなと総合病院"),
    ("beds", "120"),
    ("founder", "coop"),
    ("associations", "none"),
];

/// Saves in `data` a record of fiscal year `year`, made at `at` with the [`PROFILE`] answered,
/// after `more` has added what a test needs.
pub fn co_operative(
    data: &Path,
    year: i32,
    at: chrono::DateTime<chrono::Utc>,
    more: impl Fn(&mut shindan::domain::Record),
) {
    let store = shindan::store::Store::open(data).unwrap();
    store
        .create(year, |id| {
            let mut r = shindan::domain::Record::new(id, at.date_naive(), at);
            for (q, v) in PROFILE {
                shindan::domain::validate::answer_from_input(
                    shindan::domain::Questionnaire::embedded(),
                    &mut r,
                    q,
                    v,
                    at,
                )
                .unwrap();
            }
            more(&mut r);
            r
        })
        .unwrap();
}
