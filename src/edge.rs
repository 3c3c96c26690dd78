//! What both front ends share at their edge: why a command or a screen failed, in the user's
//! language and with its exit code, and the context a session starts from (language, clock, the
//! data dir opened on first use). The command line and the terminal UI both depend on this
//! module and never on each other.

use crate::domain::survey::{Comparing, Survey};
use crate::domain::{Clock, Lang, RecordId};
use crate::store::{Store, StoreError};
use std::fmt;
use std::path::PathBuf;

/// Why a command failed, and so its exit code: 2 for input the user can correct, 1 for data
/// or I/O that needs attention.
#[derive(Debug)]
pub enum Failure {
    Invalid(String),
    Data(String),
}

impl Failure {
    pub fn code(&self) -> u8 {
        match self {
            Failure::Invalid(_) => 2,
            Failure::Data(_) => 1,
        }
    }

    /// A store error in the user's language, classified: a missing record is the user's typo,
    /// a damaged file or a held lock is data that needs attention.
    pub fn from_store(e: StoreError, lang: Lang) -> Failure {
        match &e {
            StoreError::NotFound { id, dir } => Failure::Invalid(lang.pick_with(
                || {
                    format!(
                        "記録 {id} は {} にありません（`shindan list` で一覧）",
                        dir.display()
                    )
                },
                || {
                    format!(
                        "record {id} is not in {} (see `shindan list`)",
                        dir.display()
                    )
                },
            )),
            StoreError::Damaged { path, damage } => Failure::Data(lang.pick_with(
                || {
                    format!(
                        "{}：{}（ファイルはそのままです）",
                        path.display(),
                        damage.message(lang)
                    )
                },
                || {
                    format!(
                        "{}: {}; the file is left untouched",
                        path.display(),
                        damage.message(lang)
                    )
                },
            )),
            StoreError::Locked { id, holder } if holder.command.is_some() => {
                Failure::Data(lang.pick_with(
                    || {
                        format!(
                        "記録 {id} は {} が {} 秒以上使っています：終わってからやり直してください",
                        holder.message(lang),
                        crate::store::COMMAND_WAIT.as_secs()
                    )
                    },
                    || {
                        format!(
                        "record {id} has been held by {} for over {} s: try again when it is done",
                        holder.message(lang),
                        crate::store::COMMAND_WAIT.as_secs()
                    )
                    },
                ))
            }
            StoreError::Locked { id, holder } => Failure::Data(lang.pick_with(
                || {
                    format!(
                        "記録 {id} は編集中です（{}）：その画面を閉じてからやり直してください",
                        holder.message(lang)
                    )
                },
                || {
                    format!(
                        "record {id} is being edited ({}): close that session and try again",
                        holder.message(lang)
                    )
                },
            )),
            StoreError::Exists { id } => Failure::Invalid(lang.pick_with(
                || format!("記録 {id} はすでにあります"),
                || format!("record {id} already exists"),
            )),
            StoreError::UnsafeDir { dir, problem } => Failure::Data(problem.message(dir, lang)),
            StoreError::Io { path, source } => {
                Failure::Data(format!("{}: {}", path.display(), os_error(source, lang)))
            }
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Invalid(m) | Failure::Data(m) => f.write_str(m),
        }
    }
}

/// An operating system's error in the UI's language, with what to do about it: 「空き容量が
/// ありません（…）」, not "No space left on device (os error 28)". The OS's own words stay in
/// brackets for whoever has to look it up, also for an error of a kind shindan has no words
/// for (said as a system error).
pub fn os_error(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let (ja, en) = match e.kind() {
        K::StorageFull | K::QuotaExceeded => (
            "空き容量がありません：不要なファイルを消すか、別の場所を指定してください",
            "no space left: free some space or choose another place",
        ),
        K::ReadOnlyFilesystem => (
            "読み取り専用の場所です：書き込める場所を指定するか、書き込めるようにマウントしてください",
            "the place is read-only: choose a writable place or mount it writable",
        ),
        K::PermissionDenied => (
            "権限がありません：所有者と権限（ls -l）を確かめてください",
            "permission denied: check the owner and mode (ls -l)",
        ),
        K::NotFound => (
            "ありません：パスを確かめてください",
            "not found: check the path",
        ),
        K::FileTooLarge => (
            "ファイルが大きすぎます（上限を超えました）",
            "the file is too large (a limit was reached)",
        ),
        K::IsADirectory => (
            "フォルダです：ファイルの名前まで指定してください",
            "that is a folder: give the file's name too",
        ),
        K::NotADirectory => (
            "途中の名前がフォルダではありません：パスを確かめてください",
            "a part of the path is not a folder: check the path",
        ),
        K::AlreadyExists => (
            "すでにあります：別の名前を指定してください",
            "it already exists: choose another name",
        ),
        K::InvalidFilename => (
            "ファイル名が長すぎるか、使えない文字があります",
            "the file name is too long or has a character that cannot be used",
        ),
        K::InvalidData => (
            "中身を読めません：ファイルを確かめてください",
            "its contents cannot be read: check the file",
        ),
        // Words shindan has none of: said as a system error, the OS's text as the detail.
        _ => (
            "システムの入出力エラーです",
            "a system input/output error",
        ),
    };
    match lang {
        Lang::Ja => format!("{ja}（{e}）"),
        Lang::En => format!("{en} ({e})"),
    }
}

/// What every command gets: the language, and the data dir opened on first use (commands such
/// as `budget` need none).
pub struct Ctx {
    pub lang: Lang,
    /// Read once per command: every date and time the command stores or shows comes from it.
    pub clock: Clock,
    data_dir: Option<PathBuf>,
    store: Option<Store>,
    checklist_file: Option<PathBuf>,
    /// The command line's command (`answer`), `None` in the terminal UI: see
    /// [`Store::for_command`].
    command: Option<&'static str>,
    /// The survey hospitals are compared with in this run: the one chosen with `--survey`, else
    /// the 2022 survey. Chosen once, before any screen or command reads it, so that every figure
    /// of a run comes from the same survey; handed to each domain function that compares.
    survey: Comparing,
}

impl Ctx {
    pub fn new(lang: Lang, data_dir: Option<PathBuf>) -> Ctx {
        Ctx {
            lang,
            clock: crate::clock::system(),
            data_dir,
            store: None,
            checklist_file: None,
            command: None,
            survey: Comparing::default(),
        }
    }

    /// Compares with `survey` (`--survey FILE`) instead of the 2022 survey. The survey is kept
    /// for the rest of the run (it is leaked, once): the screens hold views that borrow it, as
    /// they borrow the embedded one.
    pub fn with_survey(mut self, survey: Survey) -> Ctx {
        self.survey = Comparing::with(Box::leak(Box::new(survey)));
        self
    }

    /// The survey this run compares with (see [`Ctx::with_survey`]).
    pub fn survey(&self) -> &'static Survey {
        self.survey.survey()
    }

    /// The same, not yet parsed where it is the shipped one: for the screens, whose first
    /// frame (the home list) compares nothing.
    pub fn comparing(&self) -> Comparing {
        self.survey
    }

    /// The context of a command of the command line, named for the locks it takes.
    pub fn for_command(mut self, command: &'static str) -> Ctx {
        self.command = Some(command);
        self
    }

    /// Adds a checklist edition file (`--checklist FILE`) to the shipped editions.
    pub fn with_checklist(mut self, file: Option<PathBuf>) -> Ctx {
        self.checklist_file = file;
        self
    }

    /// The checklist editions: the shipped ones, and the `--checklist` file checked the same way.
    pub fn editions(&self) -> Result<crate::domain::checklist::Editions, Failure> {
        let mut editions = crate::domain::checklist::Editions::shipped().clone();
        if let Some(path) = &self.checklist_file {
            let bytes = crate::store::read_bounded(path, crate::domain::limits::EDITION_BYTES);
            let text = bytes
                .and_then(|b| {
                    String::from_utf8(b).map_err(|e| {
                        std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string())
                    })
                })
                .map_err(|e| {
                    let e = os_error(&e, self.lang);
                    Failure::Invalid(self.lang.pick_with(
                        || format!("--checklist {}：読めません（{e}）", path.display()),
                        || format!("--checklist {}: cannot read it ({e})", path.display()),
                    ))
                })?;
            editions.add(&text).map_err(|e| {
                Failure::Invalid(format!(
                    "--checklist {}: {}",
                    path.display(),
                    e.message(self.lang)
                ))
            })?;
        }
        Ok(editions)
    }

    /// The store, opened (and the data dir created) on first use. A `Store` is only a path, so
    /// commands get their own copy.
    pub fn store(&mut self) -> Result<Store, Failure> {
        if self.store.is_none() {
            let dir = data_dir(self.data_dir.clone()).ok_or_else(|| {
                Failure::Data(
                    self.lang
                        .pick(
                            "データの置き場所が決められません：--data-dir を指定してください",
                            "cannot find a home for the data: give --data-dir",
                        )
                        .into(),
                )
            })?;
            let store = Store::open(dir).map_err(|e| Failure::from_store(e, self.lang))?;
            self.store = Some(match self.command {
                Some(command) => store.for_command(command),
                None => store,
            });
        }
        self.store
            .clone()
            .ok_or_else(|| Failure::Data("store".into()))
    }

    pub fn parse_id(&self, s: &str) -> Result<RecordId, Failure> {
        s.parse::<RecordId>().map_err(|e| {
            Failure::Invalid(self.lang.pick_with(
                || format!("`{s}` は記録IDではありません：2026-007 のような形です"),
                || e.to_string(),
            ))
        })
    }

    pub fn store_err(&self, e: StoreError) -> Failure {
        Failure::from_store(e, self.lang)
    }
}

/// The data dir: `--data-dir`, else `SHINDAN_DATA_DIR` (both through clap), else the platform's
/// data dir for shindan (`~/.local/share/shindan` on Linux).
pub fn data_dir(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit.or_else(|| {
        directories::ProjectDirs::from("", "", "shindan").map(|p| p.data_dir().to_path_buf())
    })
}

/// How wide the terminal draws East Asian Ambiguous characters (─ │ ▶ ● ○ ■ ※ …): one cell as
/// in the West, or two as Japanese users often set Tera Term, RLogin or PuTTY. `Auto` asks the
/// terminal before the first frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum AmbiguousWidth {
    #[default]
    Auto,
    Narrow,
    Wide,
}

/// What the command line tells the terminal UI about the terminal it runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TerminalOptions {
    pub ambiguous: AmbiguousWidth,
    /// Go on even when the terminal does not look UTF-8.
    pub force_utf8: bool,
}
