//! What differs between operating systems, behind `cfg` here and nowhere else: `unix.rs` for
//! Linux (x86_64, aarch64) and macOS, where shindan is built and tested; `other.rs` for the
//! rest, with fallbacks that say what they cannot do rather than pretend. No other file of the
//! crate names `std::os::unix` or `libc` (tests/layers.rs checks it), so a new platform is one
//! file here.
//! - Permissions: records hold a hospital's security weaknesses, so files are created 0600, the
//!   folders holding them closed to group and others (0700), and a data dir another account
//!   owns or can write into is refused (`store::permissions` decides; this module reads the
//!   owner and mode).
//! - Files that are opened, never replaced (lock files, a record's backups), are opened without
//!   following a symbolic link and without blocking on a FIFO planted in their place.
//! - Signals: a command piped into `head` stops quietly when the pipe closes (SIGPIPE's default).
//!   The interview's own handling of SIGHUP/SIGTERM/SIGINT/SIGQUIT is `signal-hook`, in
//!   `tui::events`, which exists on every Unix.
//! - Locks need no branch: `File::try_lock` is the kernel's advisory lock on every platform
//!   (flock on Linux and macOS), released when the process dies.
//! - The start-up probe reads the terminal's answer from stdin with a time limit.
//! - The terminal backend is crossterm, which picks the platform's terminal calls itself.

use std::fs::{Metadata, OpenOptions};
use std::io;
use std::path::Path;
use std::time::Duration;

#[cfg(unix)]
#[path = "unix.rs"]
mod imp;

#[cfg(not(unix))]
#[path = "other.rs"]
mod imp;

/// The fallbacks compiled and tested on Unix too, so that they are known to build.
#[cfg(all(test, unix))]
#[path = "other.rs"]
mod other;

/// Who owns a directory and its permission bits, against the account running shindan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ownership {
    /// The owner's uid.
    pub owner: u32,
    /// The effective uid of this process.
    pub me: u32,
    /// The permission bits (`mode & 0o7777`).
    pub mode: u32,
}

/// Makes `options` create the file readable and writable by its owner only.
pub fn private(options: &mut OpenOptions) -> &mut OpenOptions {
    imp::private(options)
}

/// Makes `options` refuse a symbolic link in the file's place and not block on a FIFO, and
/// keeps the file out of child processes.
pub fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    imp::no_follow(options)
}

/// Whether `e` is the error of [`no_follow`] refusing a symbolic link (its own text, "too many
/// levels of symbolic links", says nothing useful).
pub fn refused_link(e: &io::Error) -> bool {
    imp::refused_link(e)
}

/// Creates `dir` and its missing parents, closed to group and others (0700).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    imp::create_private_dir(dir)
}

/// The owner and mode of a directory, or `None` where the platform has no such notion to check.
pub fn ownership(meta: &Metadata) -> Option<Ownership> {
    imp::ownership(meta)
}

/// Closes `dir` to group and others (0700) when it is open to them; leaves it as it is when it
/// is already private, so a folder the user made 0700 is not touched.
pub fn close_to_others(dir: &Path) -> io::Result<()> {
    imp::close_to_others(dir)
}

/// Sets `dir` to 0700, whatever it was.
pub fn set_private_dir(dir: &Path) -> io::Result<()> {
    imp::set_private_dir(dir)
}

/// Restores SIGPIPE's default action, so that writing to a closed pipe ends the program as it
/// ends other Unix tools, instead of a panic on the next print. Call before any thread starts.
pub fn default_sigpipe() {
    imp::default_sigpipe()
}

/// Waits at most `wait` for stdin to have bytes and reads them into `buf`: `None` when nothing
/// came in time (or the wait was interrupted), `Some(0)` at the end of input or where stdin
/// cannot be waited on.
pub fn read_stdin_within(buf: &mut [u8], wait: Duration) -> Option<usize> {
    imp::read_stdin_within(buf, wait)
}
