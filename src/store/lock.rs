//! The edit lock of a record: one session edits, the others read.

use super::{atomic, StoreError};
use crate::domain::RecordId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::fs::{self, File, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Who holds a lock, written into the lock file so that the session that is refused can name
/// the holder ("pid 4242 on ward-pc-3 since 10:32").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    pub since: DateTime<Utc>,
}

impl Holder {
    fn me() -> Holder {
        Holder {
            pid: std::process::id(),
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            since: crate::clock::system().now(),
        }
    }

    pub fn message(&self, lang: crate::domain::Lang) -> String {
        let since = crate::clock::system().show_time(self.since);
        lang.pick(
            &format!("{} の pid {} が {} から編集中", self.host, self.pid, since),
            &format!("pid {} on {} since {}", self.pid, self.host, since),
        )
        .to_string()
    }
}

impl fmt::Display for Holder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::domain::Lang::En))
    }
}

/// A held lock. The kernel's advisory lock (flock) on `ID.lock` is what counts: it dies with the
/// process, so a session killed by a dropped SSH link never leaves a record locked forever.
/// Dropping the value releases it.
#[derive(Debug)]
pub struct RecordLock {
    id: RecordId,
    file: File,
    path: PathBuf,
    holder: Holder,
}

impl RecordLock {
    pub(super) fn acquire(dir: &Path, id: &RecordId) -> Result<RecordLock, StoreError> {
        let path = dir.join(format!("{id}.lock"));
        let io = |e| StoreError::Io {
            path: path.clone(),
            source: e,
        };
        let mut file = atomic::open_private(&path).map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let holder = file
                    .read_to_string(&mut text)
                    .ok()
                    .and_then(|_| serde_json::from_str(&text).ok())
                    .unwrap_or(Holder {
                        pid: 0,
                        host: "?".into(),
                        since: crate::clock::system().now(),
                    });
                return Err(StoreError::Locked {
                    id: id.clone(),
                    holder,
                });
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
        let holder = Holder::me();
        let json = serde_json::to_string(&holder).unwrap_or_default();
        file.set_len(0)
            .and_then(|_| file.seek(SeekFrom::Start(0)))
            .and_then(|_| file.write_all(json.as_bytes()))
            .map_err(io)?;
        Ok(RecordLock {
            id: id.clone(),
            file,
            path,
            holder,
        })
    }

    pub fn id(&self) -> &RecordId {
        &self.id
    }

    pub fn holder(&self) -> &Holder {
        &self.holder
    }

    /// Removes the lock file while still holding it; for a deleted record only. (Lock files of
    /// living records stay: removing one another session has open would let two sessions each
    /// lock a different file of the same name.)
    pub(super) fn release_and_remove(self) {
        let _ = fs::remove_file(&self.path);
    }
}

impl Drop for RecordLock {
    fn drop(&mut self) {
        // Clear the holder so a stale name is never shown; the kernel lock goes with the file.
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}
