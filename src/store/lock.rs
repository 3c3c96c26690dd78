//! The edit lock of a record: one session edits, the others read.

use super::StoreError;
use crate::domain::RecordId;
use crate::platform;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::fs::{self, File, TryLockError};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// Who holds a lock, written into the lock file so that the session that is refused can name
/// the holder ("pid 4242 on ward-pc-3 since 10:32").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    pub since: DateTime<Utc>,
    /// The command line's command holding it (`answer`, `checklist answer`), which saves within
    /// milliseconds and so is waited for; `None` for an open screen (or an older shindan), which
    /// may hold the record for hours and so is named at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    /// Not a holder: the data dir cannot be written (a read-only mount, a full disk, no
    /// permission), so the record is opened read-only all the same, saying why. Never written.
    #[serde(skip)]
    pub unwritable: Option<String>,
}

impl Holder {
    fn me(command: Option<&str>) -> Holder {
        Holder {
            pid: std::process::id(),
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            since: crate::clock::system().now(),
            command: command.map(str::to_string),
            unwritable: None,
        }
    }

    /// The record is read-only because the data dir cannot be written: `why` in the UI's
    /// language (see [`crate::edge::os_error`]).
    pub fn unwritable(why: String) -> Holder {
        Holder {
            unwritable: Some(why),
            ..Holder::unknown()
        }
    }

    /// A holder whose details could not be read (the lock file was empty or not shindan's).
    pub fn unknown() -> Holder {
        Holder {
            pid: 0,
            host: String::new(),
            since: crate::clock::system().now(),
            command: None,
            unwritable: None,
        }
    }

    pub fn is_unknown(&self) -> bool {
        self.pid == 0
    }

    pub fn message(&self, lang: crate::domain::Lang) -> String {
        if let Some(why) = &self.unwritable {
            return lang.pick_with(
                || format!("データの置き場所に書き込めません：{why}"),
                || format!("the data dir cannot be written: {why}"),
            );
        }
        if self.is_unknown() {
            return lang
                .pick(
                    "別のセッション（詳細は読めません）",
                    "another session (details unreadable)",
                )
                .to_string();
        }
        let since = crate::clock::system().show_time(self.since);
        match &self.command {
            Some(command) => lang.pick_with(
                || {
                    format!(
                        "別の `shindan {command}`（{} の pid {}）",
                        self.host, self.pid
                    )
                },
                || {
                    format!(
                        "another `shindan {command}` (pid {} on {})",
                        self.pid, self.host
                    )
                },
            ),
            None => lang.pick_with(
                || {
                    format!(
                        "{} で {} から開いている画面（pid {}）",
                        self.host, since, self.pid
                    )
                },
                || {
                    format!(
                        "an open screen on {} since {} (pid {})",
                        self.host, since, self.pid
                    )
                },
            ),
        }
    }
}

/// Who holds a lock, from its holder file. The holder writes its details just after taking the
/// lock, so a file read in between is missing (or a killed holder's): read again for a moment,
/// then say the holder is unknown rather than show a made-up "pid 0".
fn read_holder(details: &Path, lock: &mut File) -> Holder {
    for _ in 0..20 {
        if let Some(holder) = read_holder_once(details, lock) {
            return holder;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    Holder::unknown()
}

/// One read of the holder file, which is only ever replaced whole (see [`write_holder`]); where
/// there is none, the lock file itself, where an older shindan wrote its holder.
fn read_holder_once(details: &Path, lock: &mut File) -> Option<Holder> {
    let mut buf = Vec::new();
    match open_existing_no_follow(details) {
        Ok(mut f) => {
            f.read_to_end(&mut buf).ok()?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            lock.seek(SeekFrom::Start(0))
                .and_then(|_| lock.read_to_end(&mut buf))
                .ok()?;
        }
        Err(_) => return None,
    }
    let text = std::str::from_utf8(&buf).ok()?;
    serde_json::from_str::<Holder>(text.trim_end_matches('\0')).ok()
}

/// Writes the holder's details to `ID.holder` by a rename over it: a reader sees the previous
/// holder (a killed one's) or the new one whole. Written into the lock file itself, as before,
/// a reader could see half of each: Linux does not make a read and a write of the same bytes
/// atomic with respect to each other (seen in tests/hostile.rs, once in some hundred
/// takeovers). Not fsynced: after a power cut no lock is held and the details mean nothing.
fn write_holder(dir: &Path, details: &Path, holder: &Holder) -> std::io::Result<()> {
    use std::io::Write;
    let json = serde_json::to_vec(holder).map_err(std::io::Error::other)?;
    // The rename replaces a link planted under the holder's name, never what it points to.
    let mut tmp = super::atomic::temp_in(dir)?;
    tmp.write_all(&json)?;
    tmp.persist(details).map_err(|e| e.error)?;
    Ok(())
}

/// How long a command waits for another command's save before it is refused.
pub const COMMAND_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

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
    /// `ID.holder`: who holds the lock, for the sessions it refuses.
    details: PathBuf,
    holder: Holder,
}

impl RecordLock {
    /// Takes the lock for an open screen (`command` is `None`), which is refused at once when
    /// the record is held; or for a command of the command line, which waits up to
    /// [`COMMAND_WAIT`] while another command holds it (scripts run `answer` in parallel; each
    /// save takes milliseconds) and is refused at once only when an open screen holds it.
    pub(super) fn acquire(
        dir: &Path,
        id: &RecordId,
        command: Option<&str>,
    ) -> Result<RecordLock, StoreError> {
        let path = dir.join(format!("{id}.lock"));
        let details = dir.join(format!("{id}.holder"));
        let io = |e| StoreError::Io {
            path: path.clone(),
            source: e,
        };
        let mut file = open_private(&path).map_err(io)?;
        let start = std::time::Instant::now();
        let mut pause = 1;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    let waits = command.is_some()
                        && start.elapsed() < COMMAND_WAIT
                        // An empty or half-written file is a holder starting or ending: a
                        // screen writes its details at once, so wait for either.
                        && read_holder_once(&details, &mut file)
                            .is_none_or(|h| h.command.is_some());
                    if !waits {
                        return Err(StoreError::Locked {
                            id: id.clone(),
                            holder: read_holder(&details, &mut file),
                        });
                    }
                    std::thread::sleep(std::time::Duration::from_millis(pause));
                    pause = (pause * 2).min(20);
                }
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
        let holder = Holder::me(command);
        write_holder(dir, &details, &holder).map_err(|e| StoreError::Io {
            path: details.clone(),
            source: e,
        })?;
        // An older shindan wrote its holder into the lock file; a killed one's stays there.
        file.set_len(0).map_err(io)?;
        Ok(RecordLock {
            id: id.clone(),
            file,
            path,
            details,
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
        let _ = fs::remove_file(&self.details);
    }
}

impl Drop for RecordLock {
    fn drop(&mut self) {
        // Remove the holder so a stale name is never shown, before the lock is let go: after it,
        // the next holder's file could be the one removed. The kernel lock goes with the file.
        let _ = fs::remove_file(&self.details);
        let _ = self.file.unlock();
    }
}

/// Opens (creating it 0600 if missing) a lock file, which is opened, never replaced. Never
/// through a symbolic link (a link planted in a shared dir would have shindan empty the file it
/// points to), never blocking on a planted FIFO, and only a regular file is accepted.
pub fn open_private(path: &Path) -> std::io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    let file = platform::no_follow(platform::private(&mut options))
        .open(path)
        .map_err(|e| not_followed(path, e))?;
    regular(file, path)
}

/// Opens an existing file for reading, never through a symbolic link nor blocking on a FIFO.
pub fn open_existing_no_follow(path: &Path) -> std::io::Result<File> {
    let file = platform::no_follow(fs::OpenOptions::new().read(true))
        .open(path)
        .map_err(|e| not_followed(path, e))?;
    regular(file, path)
}

fn regular(file: File, path: &Path) -> std::io::Result<File> {
    if file.metadata()?.is_file() {
        Ok(file)
    } else {
        Err(std::io::Error::other(format!(
            "{} is not a regular file: refused",
            path.display()
        )))
    }
}

/// O_NOFOLLOW refuses a link with ELOOP, whose text ("too many levels of symbolic links") says
/// nothing useful: say what was refused.
fn not_followed(path: &Path, e: std::io::Error) -> std::io::Error {
    if platform::refused_link(&e) {
        std::io::Error::other(format!(
            "{} is a symbolic link: refused (remove it; shindan never follows one here)",
            path.display()
        ))
    } else {
        e
    }
}
