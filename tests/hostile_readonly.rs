//! A data dir that cannot be written, seen from the terminal UI: the record opens read-only
//! under a banner saying why in the UI's language, a failed save is said in that language with
//! what to do, and keys that would edit say 「読み取り専用」 instead of doing nothing.

mod support;

use shindan::domain::validate::answer_from_input;
use shindan::domain::{Lang, Questionnaire, Record};
use shindan::store::Store;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use support::{Pty, ENTER};

fn new_record(store: &Store) -> Record {
    store
        .create(2026, |id| {
            let now: chrono::DateTime<chrono::Utc> = NOW.1.parse().unwrap();
            let mut r = Record::new(id, now.date_naive(), now);
            let qn = Questionnaire::embedded();
            answer_from_input(qn, &mut r, "hospital_name", "みなと病院", now).unwrap();
            answer_from_input(qn, &mut r, "beds", "120", now).unwrap();
            r
        })
        .unwrap()
}

/// A fixed clock, so that the date in a form is known (2 December 2026).
const NOW: (&str, &str) = ("SHINDAN_NOW", "2026-12-02T03:00:00Z");

fn is_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// shindan on `data` made unwritable the way this user can: root writes through any mode, so
/// as root the dir is bind-mounted read-only at `ro` in a mount namespace of shindan's own (the
/// mount goes away with it); anyone else gets the dir at mode 0500. `None`, with the reason,
/// when neither can be done here.
fn shindan_unwritable(data: &Path, ro: &Path, lang: &str) -> Result<Pty, String> {
    let bin = env!("CARGO_BIN_EXE_shindan");
    if !is_root() {
        fs::set_permissions(data, fs::Permissions::from_mode(0o500)).unwrap();
        return Ok(Pty::shindan(data, &["--lang", lang], &[NOW], 120, 30));
    }
    fs::create_dir(ro).unwrap();
    fs::set_permissions(ro, fs::Permissions::from_mode(0o700)).unwrap();
    let mount = format!(
        "mount --bind '{d}' '{r}' && mount -o remount,bind,ro '{r}'",
        d = data.display(),
        r = ro.display()
    );
    let probe = Command::new("unshare")
        .args(["-m", "sh", "-c"])
        .arg(format!(
            "{mount} && ! touch '{}/probe' 2>/dev/null",
            ro.display()
        ))
        .output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            return Err(format!(
                "as root, and a read-only bind mount in a private mount namespace failed: {}",
                String::from_utf8_lossy(&o.stderr).trim()
            ))
        }
        Err(e) => return Err(format!("as root, and unshare(1) cannot run: {e}")),
    }
    let mut cmd = Command::new("unshare");
    cmd.args(["-m", "sh", "-c"])
        .arg(format!(
            "{mount} && exec '{bin}' --lang {lang} --data-dir '{}'",
            ro.display()
        ))
        .env(NOW.0, NOW.1)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env_remove("SHINDAN_LANG");
    Ok(Pty::spawn(cmd, 120, 30))
}

/// Issue 18 point 13: the lock cannot be written, so the record opens read-only with a banner
/// in the UI's language saying why (not 「Read-only file system (os error 30)」 alone), an
/// edit key says so, and nothing in the dir changes (no lock file, the record byte for byte).
#[test]
fn a_record_on_an_unwritable_data_dir_opens_read_only_under_a_banner() {
    for (lang, banner, reason, refused) in [
        (
            "ja",
            "読み取り専用で開きました",
            if is_root() {
                "読み取り専用の場所です"
            } else {
                "権限がありません"
            },
            "読み取り専用です（データの置き場所に書き込めません",
        ),
        (
            "en",
            "read-only",
            if is_root() {
                "the place is read-only"
            } else {
                "permission denied"
            },
            "read-only (the data dir cannot be written",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        let store = Store::open(&data).unwrap();
        let r = new_record(&store);
        let before = fs::read(store.path_of(&r.id)).unwrap();
        let mut t = match shindan_unwritable(&data, &tmp.path().join("ro"), lang) {
            Ok(t) => t,
            Err(why) => {
                println!("skipped: {why}");
                return;
            }
        };
        t.wait_for("みなと病院");
        t.keys(&[ENTER]);
        t.wait_for(banner);
        // The reason is said in words, with what to do; the OS's own words only in brackets.
        let screen = t.screen();
        assert!(screen.contains(reason), "{screen}");
        // Picking the founder (option 1) is an edit: refused, saying so.
        t.keys(&["1"]);
        wait_for_wrapped(&t, refused, lang);
        t.keys(&["\x1b", "q"]);
        t.kill_with(libc::SIGTERM);
        t.wait_exit();
        fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).unwrap();
        assert_eq!(fs::read(store.path_of(&r.id)).unwrap(), before, "{lang}");
        let left: Vec<_> = fs::read_dir(&data)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, [format!("{}.json", r.id)], "{lang}: nothing written");
    }
}

/// A record of `lang`'s UI opened at its interview on an unwritable data dir: the dir's owner,
/// the terminal, the record's file and its bytes; `None` (said why) where that cannot be made.
fn interview_read_only(
    lang: &str,
) -> Option<(tempfile::TempDir, Pty, std::path::PathBuf, Vec<u8>)> {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = Store::open(&data).unwrap();
    let r = new_record(&store);
    let file = store.path_of(&r.id);
    let before = fs::read(&file).unwrap();
    let mut t = match shindan_unwritable(&data, &tmp.path().join("ro"), lang) {
        Ok(t) => t,
        Err(why) => {
            println!("skipped: {why}");
            return None;
        }
    };
    t.wait_for("みなと病院");
    t.keys(&[ENTER]);
    t.wait_for(if lang == "ja" { "問 3/22" } else { "Q 3/22" });
    Some((tmp, t, file, before))
}

/// Waits (10 s at most) for `words` on the screen, where a message may wrap inside a box: spaces,
/// borders and line ends are ignored.
fn wait_for_wrapped(t: &Pty, words: &str, lang: &str) {
    let flat = |t: &Pty| t.screen().replace(['│', ' ', '\n'], "");
    let start = std::time::Instant::now();
    while !flat(t).contains(&words.replace(' ', "")) {
        assert!(start.elapsed().as_secs() < 10, "{lang}: {}", t.screen());
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Ends the session and checks that the record file is byte for byte as it was.
fn closed_unchanged(mut t: Pty, file: &Path, before: &[u8]) {
    t.kill_with(libc::SIGTERM);
    t.wait_exit();
    if let Some(dir) = file.parent() {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).unwrap();
    }
    assert_eq!(fs::read(file).unwrap(), before);
}

/// Issue 18 point 14: on a read-only record, `n` (the question's note) opens the note to be
/// read, its box saying 「読み取り専用」; the letters typed next (`q` would quit, `e` export) go
/// to the box and change nothing; Esc closes it and the screen is still there.
#[test]
fn letters_typed_after_n_on_a_read_only_record_are_no_commands() {
    for (lang, says, footer, not) in [
        (
            "ja",
            "メモ（読み取り専用：Esc/Ctrl-S で閉じる）",
            "閉じる（読み取り専用）",
            "メモを保存",
        ),
        (
            "en",
            "Note (read-only: Esc/Ctrl-S closes it)",
            "close (read-only)",
            "keep the note",
        ),
    ] {
        let Some((_tmp, mut t, file, before)) = interview_read_only(lang) else {
            return;
        };
        t.keys(&["n"]);
        t.wait_for(says);
        // The footer offers only the key that closes it: nothing would be kept.
        let screen = t.screen();
        assert!(screen.contains(footer) && !screen.contains(not), "{screen}");
        t.keys(&["q", "e", "1", ENTER]);
        std::thread::sleep(std::time::Duration::from_millis(200));
        let screen = t.screen();
        assert!(
            screen.contains(says),
            "{lang}: the note is still open: {screen}"
        );
        assert!(
            !screen.contains("qe1"),
            "{lang}: nothing typed into it: {screen}"
        );
        t.keys(&["\x1b"]);
        t.wait_for(if lang == "ja" { "問 3/22" } else { "Q 3/22" });
        assert!(!t.screen().contains(says), "{lang}: closed: {}", t.screen());
        closed_unchanged(t, &file, &before);
    }
}

/// Issue 18 point 14: on the checklist of a read-only record, `n` (answer no) says 「読み取り
/// 専用」 and opens its form all the same, so that what is typed next (`-` would withdraw, `g`
/// jump) goes into the form; its Enter is refused with the same words and closes it.
#[test]
fn n_on_a_read_only_checklist_says_so_and_takes_what_is_typed_next() {
    for (lang, title, says, unanswered) in [
        (
            "ja",
            "厚労省チェックリスト",
            "読み取り専用です（",
            "未回答（y はい／n いいえ）",
        ),
        (
            "en",
            "checklist",
            "read-only (the data dir",
            "Not answered (y yes / n no)",
        ),
    ] {
        let Some((_tmp, mut t, file, before)) = interview_read_only(lang) else {
            return;
        };
        t.keys(&["c"]);
        t.wait_for(title);
        t.keys(&["n"]);
        t.wait_for(says);
        t.keys(&["-", "g"]);
        t.wait_for("12-02-g");
        t.keys(&["\x7f", "\x7f", ENTER]);
        t.wait_for(unanswered);
        assert!(t.screen().contains(says), "{lang}: {}", t.screen());
        closed_unchanged(t, &file, &before);
    }
}

/// Issue 18 point 13: a save that fails in a session (here the data dir is gone) is said in the
/// UI's language with what to do, through the store-error mapper the command line uses, not
/// as the OS's bare words.
#[test]
fn a_failed_save_is_said_in_the_ui_language_with_what_to_do() {
    use shindan::tui::session::Session;
    for (lang, expect) in [
        (Lang::Ja, "ありません：パスを確かめてください"),
        (Lang::En, "not found: check the path"),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        let store = Store::open(&dir).unwrap();
        let r = new_record(&store);
        let mut s = Session::open_in(&store, &r.id, lang).unwrap();
        let away = tmp.path().join("away");
        fs::rename(&dir, &away).unwrap();
        s.set_note("beds", "x").unwrap();
        let err = s.save_error.clone().expect("the save failed");
        assert!(err.contains(expect), "{lang:?}: {err}");
        fs::rename(&away, &dir).unwrap();
    }
}

/// On a read-only record, Space on a multiple choice (問4) says 「読み取り専用」 and ticks
/// nothing: a tick shown on screen would look kept until Enter refused it.
#[test]
fn space_on_a_read_only_multiple_choice_ticks_nothing_and_says_why() {
    for (lang, question, says) in [
        ("ja", "問 4/22", "読み取り専用です"),
        ("en", "Q 4/22", "read-only ("),
    ] {
        let Some((_tmp, mut t, file, before)) = interview_read_only(lang) else {
            return;
        };
        t.keys(&["\t"]);
        t.wait_for(question);
        assert!(t.screen().contains("[ ]"), "{lang}: {}", t.screen());
        t.keys(&[" "]);
        wait_for_wrapped(&t, says, lang);
        assert!(!t.screen().contains("[x]"), "{lang}: {}", t.screen());
        closed_unchanged(t, &file, &before);
    }
}
