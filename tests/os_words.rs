//! An operating system's error is said in the UI's language wherever shindan chooses the words:
//! what it means and what to do, with the OS's own text kept only as the detail in brackets —
//! also for a kind shindan has no particular words for.

use shindan::domain::Lang;
use shindan::edge::os_error;
use std::io::{Error, ErrorKind};

#[test]
fn each_kind_is_said_in_the_uis_language_with_the_os_text_as_detail() {
    for (kind, ja, en) in [
        (ErrorKind::IsADirectory, "フォルダです", "that is a folder"),
        (
            ErrorKind::NotADirectory,
            "フォルダではありません",
            "not a folder",
        ),
        (ErrorKind::NotFound, "ありません", "not found"),
        (
            ErrorKind::PermissionDenied,
            "権限がありません",
            "permission denied",
        ),
        (ErrorKind::AlreadyExists, "すでにあります", "already exists"),
        (
            ErrorKind::Other,
            "システムの入出力エラーです",
            "a system input/output error",
        ),
    ] {
        let e = Error::new(kind, "os words");
        let (j, n) = (os_error(&e, Lang::Ja), os_error(&e, Lang::En));
        assert!(
            j.contains(ja) && j.ends_with("（os words）"),
            "{kind:?}: {j}"
        );
        assert!(
            n.contains(en) && n.ends_with(" (os words)"),
            "{kind:?}: {n}"
        );
    }
}
