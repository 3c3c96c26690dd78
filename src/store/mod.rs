//! Where records live: one JSON file per record in the data dir.
//!
//! The promises this module keeps, because a hospital cannot afford to lose an interview:
//! a save is atomic (a kill at any instant leaves the old file or the new one, never a torn
//! one); files are 0600 in a 0700 dir; only the holder of a record's lock can save it; a file
//! that cannot be read is reported and never overwritten; an older format is migrated on load and
//! rewritten only on the next change, with the original kept as `NAME.json.bak` (or the next
//! free `NAME.json.bak.N`: a backup is never overwritten).

mod atomic;
pub mod bundle;
pub mod evidence;
mod exports;
mod lock;
mod migrate;
mod permissions;

pub use exports::{read_bounded, write_output};
pub use lock::{Holder, RecordLock, COMMAND_WAIT};
pub use permissions::DirProblem;

use crate::domain::record::{Record, RecordId, FORMAT_VERSION};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Why a file could not be used as a record. Shown beside the file on the home screen and in
/// `shindan list`, so each says what happened in words an IT manager can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Damage {
    #[error("cannot be read: {0}")]
    Unreadable(String),
    #[error("not valid JSON: {0}")]
    Json(String),
    #[error("the key `{0}` is given twice: keep the one meant and remove the other")]
    DuplicateKey(String),
    #[error("no format_version: not a shindan record")]
    NoVersion,
    #[error("format_version {0} is not a format number")]
    BadVersion(String),
    #[error(
        "format {found} is newer than this shindan reads ({supported}): update shindan to open it"
    )]
    Newer { found: u32, supported: u32 },
    #[error("not a valid record (format {version}): {reason}")]
    Invalid { version: u32, reason: String },
    #[error("the file is named {file} but holds record {inside}")]
    IdMismatch { file: String, inside: String },
}

impl Damage {
    pub fn message(&self, lang: crate::domain::Lang) -> String {
        use crate::domain::Lang;
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Damage::Unreadable(e) => format!("読み込めません：{e}"),
            Damage::Json(e) => format!("JSONとして壊れています：{e}"),
            Damage::DuplicateKey(k) => {
                format!("キー `{k}` が2回あります：正しい方を残し、もう一方を消してください")
            }
            Damage::NoVersion => "format_version がありません：shindan の記録ではありません".into(),
            Damage::BadVersion(v) => format!("format_version {v} は形式の番号ではありません"),
            Damage::Newer { found, supported } => format!(
                "形式 {found} はこの shindan（{supported} まで）より新しい版のものです：shindan を更新してください"
            ),
            Damage::Invalid { version, reason } => {
                format!("記録として不正です（形式 {version}）：{reason}")
            }
            Damage::IdMismatch { file, inside } => {
                format!("ファイル名は {file} ですが、中身は記録 {inside} です")
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("record {id} does not exist in {}", dir.display())]
    NotFound { id: RecordId, dir: PathBuf },
    #[error("{}: {damage}; the file is left untouched", path.display())]
    Damaged { path: PathBuf, damage: Damage },
    #[error("record {id} is being edited by {holder}")]
    Locked { id: RecordId, holder: Holder },
    #[error("record {id} already exists")]
    Exists { id: RecordId },
    #[error("{}", problem.message(dir, crate::domain::Lang::En))]
    UnsafeDir { dir: PathBuf, problem: DirProblem },
}

impl StoreError {
    fn io(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
        move |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// A file in the data dir that is not a usable record, and why.
#[derive(Debug, Clone)]
pub struct DamagedFile {
    pub path: PathBuf,
    pub damage: Damage,
}

impl DamagedFile {
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// Everything in the data dir: the records that load, the files that do not, and the record
/// files that are symbolic links (read, but worth a warning: a link in a data dir is either a
/// user's own arrangement or a file planted to be read or overwritten; a save replaces the link
/// with a file and never writes through it).
#[derive(Debug, Default)]
pub struct Listing {
    pub records: Vec<Record>,
    pub damaged: Vec<DamagedFile>,
    pub links: Vec<PathBuf>,
}

/// The warning for a record file that is a symbolic link, in the UI's language.
pub fn link_warning(path: &Path, lang: crate::domain::Lang) -> String {
    lang.pick_with(
        || {
            format!(
            "注意：{} はシンボリックリンクです（保存するとリンクではなく通常のファイルになります）",
            path.display()
        )
        },
        || {
            format!(
                "warning: {} is a symbolic link (a save replaces it with a regular file)",
                path.display()
            )
        },
    )
}

#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    /// The command line's command using the store (`answer`), or `None` for the terminal UI:
    /// a command waits for another command's lock, a screen does not (see [`RecordLock`]).
    command: Option<String>,
}

const EXT: &str = "json";

impl Store {
    /// Opens the data dir, creating it 0700 when missing and closing it to readers when it is
    /// not: records hold a hospital's security weaknesses. A dir another account owns or can
    /// write into is refused (see [`permissions`]). Temp files that killed saves left are
    /// removed.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Store, StoreError> {
        let dir = dir.into();
        permissions::private_dir(&dir)
            .map_err(StoreError::io(&dir))?
            .map_err(|problem| StoreError::UnsafeDir {
                dir: dir.clone(),
                problem,
            })?;
        atomic::remove_stale_temps(&dir);
        Ok(Store { dir, command: None })
    }

    /// The store as a command of the command line uses it: its locks name the command and wait
    /// for another command's (see [`RecordLock`]).
    pub fn for_command(mut self, command: &str) -> Store {
        self.command = Some(command.to_string());
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path_of(&self, id: &RecordId) -> PathBuf {
        self.dir.join(format!("{id}.{EXT}"))
    }

    /// The backups of a record: `ID.json.bak`, then `ID.json.bak.1`, `.2`… (a backup is never
    /// overwritten: an older migration's, or a file or link put there, stays as it is).
    fn backup_path(&self, id: &RecordId, n: u32) -> PathBuf {
        match n {
            0 => self.dir.join(format!("{id}.{EXT}.bak")),
            n => self.dir.join(format!("{id}.{EXT}.bak.{n}")),
        }
    }

    /// Keeps `original` as the record's next free backup, never over an existing name (a
    /// dangling link counts as existing).
    fn keep_backup(&self, id: &RecordId, original: &[u8]) -> Result<(), StoreError> {
        for n in 0..10_000 {
            let bak = self.backup_path(id, n);
            if fs::symlink_metadata(&bak).is_ok() {
                continue;
            }
            match atomic::write(&self.dir, &bak, original, true, None) {
                Ok(()) => return Ok(()),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(StoreError::io(&bak)(e)),
            }
        }
        let bak = self.backup_path(id, 0);
        Err(StoreError::io(&bak)(io::Error::other(
            "no free backup name",
        )))
    }

    /// The record files of the data dir, by name; hidden files (temp files of a save under
    /// way), lock files and backups are not records.
    fn record_files(&self) -> Result<Vec<PathBuf>, StoreError> {
        let mut files = self.named_record_files()?;
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(files.into_iter().map(|(_, p)| p).collect())
    }

    /// The record files with their names, in the directory's order. The files are sorted by
    /// name, not by path: they are all in one directory, and comparing paths splits both into
    /// components on every comparison (two thirds of listing the files before the first frame).
    fn named_record_files(&self) -> Result<Vec<(std::ffi::OsString, PathBuf)>, StoreError> {
        let mut files = Vec::new();
        for entry in fs::read_dir(&self.dir).map_err(StoreError::io(&self.dir))? {
            let entry = entry.map_err(StoreError::io(&self.dir))?;
            let name = entry.file_name();
            let shown = name.to_string_lossy();
            if shown.starts_with('.') || !shown.ends_with(".json") {
                continue;
            }
            files.push((name, entry.path()));
        }
        Ok(files)
    }

    /// Every record in the data dir, and every file that should be one but is not.
    pub fn list(&self) -> Result<Listing, StoreError> {
        Ok(self.read(&self.record_files()?))
    }

    /// The record files, the most recently written first, from one `stat` per file without
    /// reading any: a record's file is written whenever the record changes, so this is the
    /// order the home screen shows, and it can read the records on screen first and the rest
    /// after its first frame (reading is most of the time to that frame).
    pub fn record_files_recent_first(&self) -> Result<Vec<PathBuf>, StoreError> {
        let mut files: Vec<(std::time::SystemTime, std::ffi::OsString, PathBuf)> = self
            .named_record_files()?
            .into_iter()
            .map(|(name, p)| {
                let at = fs::metadata(&p)
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                (at, name, p)
            })
            .collect();
        files.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Ok(files.into_iter().map(|(_, _, p)| p).collect())
    }

    /// Reads these record files (from [`Store::record_files_recent_first`]): the records, and
    /// the files that should be records but are not, with the reason.
    pub fn read(&self, paths: &[PathBuf]) -> Listing {
        let mut listing = Listing::default();
        for path in paths {
            if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
                listing.links.push(path.clone());
            }
            match read_record(path) {
                Ok(record) => listing.records.push(record),
                Err(damage) => listing.damaged.push(DamagedFile {
                    path: path.clone(),
                    damage,
                }),
            }
        }
        listing.records.sort_by(|a, b| a.id.cmp(&b.id));
        listing
    }

    pub fn load(&self, id: &RecordId) -> Result<Record, StoreError> {
        let path = self.path_of(id);
        if !path.exists() {
            return Err(StoreError::NotFound {
                id: id.clone(),
                dir: self.dir.clone(),
            });
        }
        read_record(&path).map_err(|damage| StoreError::Damaged { path, damage })
    }

    /// Takes the record's edit lock, or says who holds it (a command waits a moment for
    /// another command, see [`Store::for_command`]). A record that does not exist cannot be
    /// locked: a mistyped id must not leave a lock file behind.
    pub fn lock(&self, id: &RecordId) -> Result<RecordLock, StoreError> {
        if !self.path_of(id).exists() {
            return Err(StoreError::NotFound {
                id: id.clone(),
                dir: self.dir.clone(),
            });
        }
        RecordLock::acquire(&self.dir, id, self.command.as_deref())
    }

    /// Writes the record atomically. Needs the record's lock: two sessions cannot both save
    /// one record. A record read in an older format leaves the original as `NAME.json.bak`
    /// before its first rewrite.
    pub fn save(&self, record: &mut Record, lock: &RecordLock) -> Result<(), StoreError> {
        debug_assert_eq!(lock.id(), &record.id, "saving under another record's lock");
        if lock.id() != &record.id {
            return Err(StoreError::Locked {
                id: record.id.clone(),
                holder: lock.holder().clone(),
            });
        }
        let path = self.path_of(&record.id);
        if record.migrated_from.is_some() && path.exists() {
            let original = fs::read(&path).map_err(StoreError::io(&path))?;
            self.keep_backup(&record.id, &original)?;
        }
        record.format_version = FORMAT_VERSION;
        let json = to_json(record);
        // What could not be read back is not saved.
        if json.len() as u64 > crate::domain::limits::RECORD_BYTES {
            return Err(StoreError::io(&path)(io::Error::new(
                io::ErrorKind::FileTooLarge,
                format!(
                    "the record would be larger than {} MiB",
                    crate::domain::limits::RECORD_BYTES / (1024 * 1024)
                ),
            )));
        }
        let at = Some(record.updated_at.into());
        atomic::write(&self.dir, &path, json.as_bytes(), false, at)
            .map_err(StoreError::io(&path))?;
        record.migrated_from = None;
        Ok(())
    }

    /// Stores a new record under the next free id of `year`, never over an existing file, even
    /// when another session creates one at the same instant.
    pub fn create(
        &self,
        year: i32,
        build: impl Fn(RecordId) -> Record,
    ) -> Result<Record, StoreError> {
        let mut seq = self.last_seq(year)? + 1;
        loop {
            let id = RecordId::new(year, seq);
            let mut record = build(id.clone());
            record.format_version = FORMAT_VERSION;
            let json = to_json(&record);
            let path = self.path_of(&id);
            let at = Some(record.updated_at.into());
            match atomic::write(&self.dir, &path, json.as_bytes(), true, at) {
                Ok(()) => return Ok(record),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => seq += 1,
                Err(e) => return Err(StoreError::io(&path)(e)),
            }
        }
    }

    /// Stores a record under its own id, for import: refuses to replace an existing record
    /// unless asked to, and then only under that record's lock.
    pub fn insert(
        &self,
        record: &mut Record,
        replace: Option<&RecordLock>,
    ) -> Result<(), StoreError> {
        record.format_version = FORMAT_VERSION;
        record.migrated_from = None;
        let json = to_json(record);
        let path = self.path_of(&record.id);
        let at = Some(record.updated_at.into());
        match replace {
            Some(lock) => {
                if lock.id() != &record.id {
                    return Err(StoreError::Locked {
                        id: record.id.clone(),
                        holder: lock.holder().clone(),
                    });
                }
                atomic::write(&self.dir, &path, json.as_bytes(), false, at)
                    .map_err(StoreError::io(&path))
            }
            None => match atomic::write(&self.dir, &path, json.as_bytes(), true, at) {
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(StoreError::Exists {
                    id: record.id.clone(),
                }),
                other => other.map_err(StoreError::io(&path)),
            },
        }
    }

    /// The highest sequence used for `year` by a record file or its backup, damaged ones
    /// included, so that a new record never takes the name of a file the user may still want to
    /// rescue. Lock files do not count: one left for an id without a record holds nothing.
    fn last_seq(&self, year: i32) -> Result<u32, StoreError> {
        let mut last = 0;
        for entry in fs::read_dir(&self.dir).map_err(StoreError::io(&self.dir))? {
            let entry = entry.map_err(StoreError::io(&self.dir))?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let Some(stem) = name
                .strip_suffix(".json")
                .or_else(|| name.strip_suffix(".json.bak"))
            else {
                continue;
            };
            if let Ok(id) = stem.parse::<RecordId>() {
                if id.year() == year {
                    last = last.max(id.seq());
                }
            }
        }
        Ok(last)
    }

    /// Deletes a record, its backup and its lock file. Needs the lock, so that a record open in
    /// another session cannot vanish under it.
    pub fn delete(&self, lock: RecordLock) -> Result<(), StoreError> {
        let id = lock.id().clone();
        let path = self.path_of(&id);
        fs::remove_file(&path).map_err(StoreError::io(&path))?;
        for n in 0..10_000 {
            let bak = self.backup_path(&id, n);
            if fs::symlink_metadata(&bak).is_err() {
                break;
            }
            fs::remove_file(&bak).map_err(StoreError::io(&bak))?;
        }
        atomic::sync_dir(&self.dir)?;
        lock.release_and_remove();
        Ok(())
    }
}

/// A record as its file holds it: the exchange format of `export` and `import`.
pub fn to_json(record: &Record) -> String {
    // Serialising a record cannot fail: every map is keyed by strings and every value is plain
    // data. Pretty-printed: hospitals read and diff these files.
    let mut json = serde_json::to_string_pretty(record).unwrap_or_default();
    json.push('\n');
    json
}

/// Reads one record file, migrating an older format in memory. The file is never written here.
fn read_record(path: &Path) -> Result<Record, Damage> {
    let bytes = read_bounded(path, crate::domain::limits::RECORD_BYTES)
        .map_err(|e| Damage::Unreadable(e.to_string()))?;
    let record = migrate::parse(&bytes)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem != record.id.to_string() {
        return Err(Damage::IdMismatch {
            file: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            inside: record.id.to_string(),
        });
    }
    Ok(record)
}

/// Reads a record from bytes, migrating an older format: the same checks as a file in the data
/// dir, for import and for tests.
pub fn parse_record(bytes: &[u8]) -> Result<Record, Damage> {
    migrate::parse(bytes)
}
