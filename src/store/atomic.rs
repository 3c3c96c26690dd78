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
    let mut tmp = temp_in(dir)?;
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

/// A temp file in `dir` for a write that ends in a rename, named as [`remove_stale_temps`]
/// expects (`.XXXXXX.tmp`), created exclusively (O_EXCL: never through a planted link), 0600,
/// and held locked until it is renamed or dropped: the sweep on open removes only temp files
/// nobody holds.
pub fn temp_in(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    let tmp = tempfile::Builder::new()
        .prefix(".")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    let _ = tmp.as_file().try_lock();
    Ok(tmp)
}

pub fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::Io {
            path: dir.to_path_buf(),
            source: e,
        })
}

/// Temp files of a save older than this, that no process holds, were left by a killed save.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes the temp files that killed saves left behind (`.XXXXXX.tmp`): those older than a
/// minute that no live process holds (a save holds its temp file locked until the rename). A
/// link planted under such a name is removed, never followed. Returns how many were removed.
pub fn remove_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with('.') && name.ends_with(".tmp")) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if meta.file_type().is_symlink() {
            if fs::remove_file(&path).is_ok() {
                removed += 1;
            }
            continue;
        }
        if !meta.is_file() || !old {
            continue;
        }
        let Ok(file) = super::lock::open_existing_no_follow(&path) else {
            continue;
        };
        if file.try_lock().is_ok() && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}
