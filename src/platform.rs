//! What differs between operating systems, behind `cfg` here and nowhere else.
//!
//! shindan is built and tested for Unix — Linux on x86_64 and aarch64, and macOS — where every
//! Unix branch below applies; the others only keep the crate honest about what it assumes.
//! - Permissions: records hold a hospital's security weaknesses, so files are created 0600 and
//!   the folders holding them closed to group and others (0700).
//! - Signals: a command piped into `head` stops quietly when the pipe closes (SIGPIPE's default).
//!   The interview's own handling of SIGHUP/SIGTERM/SIGINT/SIGQUIT is `signal-hook`, in
//!   `tui::events`, which exists on every Unix.
//! - Locks need no branch: `File::try_lock` is the kernel's advisory lock on every platform
//!   (flock on Linux and macOS), released when the process dies.
//! - The terminal backend is crossterm, which picks the platform's terminal calls itself.

use std::fs::OpenOptions;
use std::io;
use std::path::Path;

/// Makes `options` create the file readable and writable by its owner only.
pub fn private(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600)
    }
    #[cfg(not(unix))]
    {
        options
    }
}

/// Closes `dir` to group and others (0700) when it is open to them; leaves it as it is when it
/// is already private, so a folder the user made 0700 is not touched.
pub fn close_to_others(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir)?.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        std::fs::metadata(dir).map(|_| ())
    }
}

/// Restores SIGPIPE's default action, so that writing to a closed pipe ends the program as it
/// ends other Unix tools, instead of a panic on the next print. Call before any thread starts.
pub fn default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: resetting a signal to its default action, before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
