//! Writes that a kill at any instant cannot tear.

use super::StoreError;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temp file in the same dir (0600, as tempfile creates
/// it), fsynced, renamed over the target, then the dir fsynced so the rename itself survives a
/// power cut. With `no_clobber` an existing target is left alone and the error is
/// `AlreadyExists`.
///
/// `modified` sets the file's modification time: a record's file carries its `updated_at`, so
/// that the files sort by one `stat` each in the order the home screen shows the records, even
/// when they were imported or copied in another order.
pub fn write(
    dir: &Path,
    path: &Path,
    bytes: &[u8],
    no_clobber: bool,
    modified: Option<std::time::SystemTime>,
) -> io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if let Some(at) = modified {
        tmp.as_file().set_modified(at)?;
    }
    tmp.as_file().sync_all()?;
    if no_clobber {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    } else {
        tmp.persist(path).map_err(|e| e.error)?;
    }
    File::open(dir)?.sync_all()
}

pub fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::Io {
            path: dir.to_path_buf(),
            source: e,
        })
}

/// Creates `path` 0600 if missing; used for lock files, which are opened, never replaced.
pub fn open_private(path: &Path) -> std::io::Result<File> {
    crate::platform::private(
        fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false),
    )
    .open(path)
}
