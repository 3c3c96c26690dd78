//! Whether a data dir is safe to keep records in: records hold a hospital's security weaknesses,
//! and a dir that another account can write into lets it plant files (a lock file linked to
//! something shindan would then empty, a record that is not what it says).
//! What counts as unsafe is decided here; the owner and mode are read by `crate::platform`,
//! which has the Unix calls (on a platform without them nothing is refused).

use crate::platform;
use std::fs;
use std::io;
use std::path::Path;

/// What is wrong with a data dir. Shindan refuses such a dir instead of changing it: it may be
/// shared on purpose, and the owner must decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirProblem {
    /// Owned by another account (uid).
    OtherOwner { owner: u32, me: u32 },
    /// Writable by the group or by everyone (the mode's permission bits).
    Writable { mode: u32 },
    /// Not a directory at all.
    NotADir,
}

/// Creates the data dir 0700 when missing; refuses one another account owns or can write into;
/// closes one that others can only read (shindan made it, or its owner copied it in).
pub fn private_dir(dir: &Path) -> io::Result<Result<(), DirProblem>> {
    if fs::symlink_metadata(dir).is_err() {
        platform::create_private_dir(dir)?;
    }
    let meta = fs::metadata(dir)?;
    if !meta.is_dir() {
        return Ok(Err(DirProblem::NotADir));
    }
    let Some(platform::Ownership { owner, me, mode }) = platform::ownership(&meta) else {
        return Ok(Ok(()));
    };
    if owner != me {
        return Ok(Err(DirProblem::OtherOwner { owner, me }));
    }
    if mode & 0o022 != 0 {
        return Ok(Err(DirProblem::Writable { mode }));
    }
    if mode & 0o077 != 0 {
        platform::set_private_dir(dir)?;
    }
    Ok(Ok(()))
}

impl DirProblem {
    /// What is wrong and what to do, in the UI's language.
    pub fn message(&self, dir: &Path, lang: crate::domain::Lang) -> String {
        let d = dir.display();
        match self {
            DirProblem::OtherOwner { owner, me } => lang
                .pick_with(|| format!(
                        "データの置き場所 {d} は別の利用者（uid {owner}）のものです（あなたは uid {me}）：自分の置き場所を --data-dir で指定するか、持ち主が `chown {me} {d}` してください"
                    ), || format!(
                        "the data dir {d} belongs to another user (uid {owner}; you are uid {me}): give a dir of your own with --data-dir, or have its owner run `chown {me} {d}`"
                    )),
            DirProblem::Writable { mode } => lang
                .pick_with(|| format!(
                        "データの置き場所 {d} はグループか他の利用者が書き込めます（モード {mode:03o}）：`chmod 700 {d}` で閉じてからやり直してください"
                    ), || format!(
                        "the data dir {d} can be written by its group or by others (mode {mode:03o}): close it with `chmod 700 {d}` and try again"
                    )),
            DirProblem::NotADir => lang
                .pick_with(|| format!("データの置き場所 {d} はディレクトリではありません：--data-dir で別の場所を指定してください"), || format!("the data dir {d} is not a directory: give another with --data-dir")),
        }
    }
}
