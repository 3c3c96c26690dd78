//! Platforms other than Unix: portable std calls only, and where std has no portable call the
//! fallback does less and says so here. shindan is not built or tested on these; this file is
//! compiled and its tests run on Unix too (see `super`), so it at least builds.
//! - Files are created with the platform's default permissions, not 0600, and folders are not
//!   closed: on Windows the profile folder's ACL is what keeps records private.
//! - A data dir's owner and mode are not checked (`ownership` is `None`).
//! - A symbolic link in a lock file's place is followed; FIFOs do not exist there.
//! - The start-up probe does not wait for the terminal's answer; the ambiguous width is then
//!   `--ambiguous-width` or narrow.

use super::Ownership;
use std::fs::{Metadata, OpenOptions};
use std::io;
use std::path::Path;
use std::time::Duration;

pub fn private(options: &mut OpenOptions) -> &mut OpenOptions {
    options
}

pub fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    options
}

pub fn refused_link(_e: &io::Error) -> bool {
    false
}

pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)
}

pub fn ownership(_meta: &Metadata) -> Option<Ownership> {
    None
}

pub fn close_to_others(dir: &Path) -> io::Result<()> {
    std::fs::metadata(dir).map(|_| ())
}

pub fn set_private_dir(dir: &Path) -> io::Result<()> {
    std::fs::metadata(dir).map(|_| ())
}

pub fn default_sigpipe() {}

pub fn read_stdin_within(_buf: &mut [u8], _wait: Duration) -> Option<usize> {
    Some(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fallbacks_write_create_and_check_nothing_they_cannot() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        create_private_dir(&nested).unwrap();
        assert!(nested.is_dir());
        close_to_others(&nested).unwrap();
        set_private_dir(&nested).unwrap();
        assert!(close_to_others(&dir.path().join("missing")).is_err());
        assert_eq!(ownership(&std::fs::metadata(&nested).unwrap()), None);

        let path = nested.join("f");
        std::fs::write(&path, b"xxxxxxxx").unwrap();
        no_follow(private(OpenOptions::new().read(true)))
            .open(&path)
            .unwrap();
        assert!(!refused_link(&io::Error::other("x")));
        assert_eq!(
            read_stdin_within(&mut [0u8; 4], Duration::from_millis(1)),
            Some(0)
        );
        default_sigpipe();
    }
}
