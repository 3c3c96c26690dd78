//! Linux and macOS: the calls of [`super`] on Unix.

use super::Ownership;
use std::fs::{Metadata, OpenOptions};
use std::io;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::time::Duration;

pub fn private(options: &mut OpenOptions) -> &mut OpenOptions {
    options.mode(0o600)
}

pub fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
}

pub fn refused_link(e: &io::Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

pub fn ownership(meta: &Metadata) -> Option<Ownership> {
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    Some(Ownership {
        owner: meta.uid(),
        me,
        mode: meta.permissions().mode() & 0o7777,
    })
}

pub fn close_to_others(dir: &Path) -> io::Result<()> {
    let mode = std::fs::metadata(dir)?.permissions().mode();
    if mode & 0o077 != 0 {
        set_private_dir(dir)?;
    }
    Ok(())
}

pub fn set_private_dir(dir: &Path) -> io::Result<()> {
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

pub fn default_sigpipe() {
    // SAFETY: resetting a signal to its default action, before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

pub fn read_stdin_within(buf: &mut [u8], wait: Duration) -> Option<usize> {
    let mut pfd = libc::pollfd {
        fd: 0,
        events: libc::POLLIN,
        revents: 0,
    };
    let millis = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX).max(1);
    // SAFETY: one valid pollfd; read into a buffer of the given length.
    let n = unsafe { libc::poll(&mut pfd, 1, millis) };
    if n <= 0 {
        return None;
    }
    let r = unsafe { libc::read(0, buf.as_mut_ptr().cast(), buf.len()) };
    Some(usize::try_from(r).unwrap_or(0))
}
