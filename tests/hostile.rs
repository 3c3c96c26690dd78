//! A shared or planted data dir, and what killed saves leave behind: temp files swept on open,
//! backups never overwritten, lock files never followed through a link, unsafe dirs refused,
//! linked record files warned about, a half-written lock file read tolerantly.

use assert_cmd::Command;
use chrono::Utc;
use shindan::domain::validate::answer_from_input;
use shindan::domain::{Lang, Questionnaire, Record, RecordId};
use shindan::store::{Holder, Store, StoreError};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, SystemTime};

fn new_record(store: &Store) -> Record {
    store
        .create(2026, |id| {
            let now = Utc::now();
            let mut r = Record::new(id, now.date_naive(), now);
            answer_from_input(Questionnaire::embedded(), &mut r, "beds", "120", now).unwrap();
            r
        })
        .unwrap()
}

/// `shindan list` over `dir`, in `lang`.
fn list(dir: &Path, lang: &str) -> std::process::Output {
    Command::cargo_bin("shindan")
        .unwrap()
        .args(["--lang", lang, "--data-dir"])
        .arg(dir)
        .arg("list")
        .output()
        .unwrap()
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn age(path: &Path, by: Duration) {
    let f = fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::now() - by).unwrap();
}

#[test]
fn temp_files_left_by_killed_saves_are_removed_on_open_and_live_ones_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    Store::open(dir).unwrap();
    let stale = dir.join(".AbC123.tmp");
    let fresh = dir.join(".DeF456.tmp");
    let held = dir.join(".GhI789.tmp");
    for p in [&stale, &fresh, &held] {
        fs::write(p, "{half a reco").unwrap();
    }
    age(&stale, Duration::from_secs(120));
    age(&held, Duration::from_secs(120));
    // A save under way in another process holds its temp file locked.
    let holder = fs::File::open(&held).unwrap();
    holder.lock().unwrap();
    Store::open(dir).unwrap();
    assert!(!stale.exists(), "a stale temp file is removed");
    assert!(
        fresh.exists(),
        "a temp file under a minute old may be a save under way"
    );
    assert!(held.exists(), "a temp file held by a live process stays");
}

const V1: &str = r#"{"format_version": 1, "id": "2025-001", "assessed_on": "2025-06-01",
  "created_at": "2025-06-01T01:00:00Z", "updated_at": "2025-06-02T03:00:00Z",
  "answers": {"beds": 120}, "notes": {}}"#;

#[test]
fn a_migration_never_overwrites_a_backup_file_or_link() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let store = Store::open(dir).unwrap();
    fs::write(dir.join("2025-001.json"), V1).unwrap();
    fs::write(dir.join("2025-001.json.bak"), "an older backup").unwrap();
    let victim = dir.join("victim.txt");
    fs::write(&victim, "not shindan's").unwrap();
    std::os::unix::fs::symlink(&victim, dir.join("2025-001.json.bak.1")).unwrap();
    let id: RecordId = "2025-001".parse().unwrap();
    let mut r = store.load(&id).unwrap();
    let lock = store.lock(&id).unwrap();
    answer_from_input(Questionnaire::embedded(), &mut r, "beds", "130", Utc::now()).unwrap();
    store.save(&mut r, &lock).unwrap();
    assert_eq!(
        fs::read_to_string(dir.join("2025-001.json.bak")).unwrap(),
        "an older backup"
    );
    assert_eq!(fs::read_to_string(&victim).unwrap(), "not shindan's");
    assert_eq!(
        fs::read_to_string(dir.join("2025-001.json.bak.2")).unwrap(),
        V1,
        "the original is kept under the next free name"
    );
    assert_eq!(mode(&dir.join("2025-001.json.bak.2")), 0o600);
}

#[test]
fn a_lock_or_holder_file_planted_as_a_link_leaves_its_target_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let store = Store::open(dir).unwrap();
    let r = new_record(&store);
    let victim = tmp.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, dir.join(format!("{}.lock", r.id))).unwrap();
    let err = store.lock(&r.id).unwrap_err();
    assert!(
        matches!(err, StoreError::Io { .. }) && err.to_string().contains("symbolic link"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");

    // The holder's details are written by a rename over `ID.holder`: a link planted there is
    // replaced, never followed, and what it pointed to is left as it was.
    fs::remove_file(dir.join(format!("{}.lock", r.id))).unwrap();
    let details = dir.join(format!("{}.holder", r.id));
    std::os::unix::fs::symlink(&victim, &details).unwrap();
    let lock = store.lock(&r.id).unwrap();
    assert!(!fs::symlink_metadata(&details).unwrap().is_symlink());
    assert_eq!(mode(&details), 0o600);
    assert!(fs::read_to_string(&details).unwrap().contains("\"pid\""));
    match store.lock(&r.id) {
        Err(StoreError::Locked { holder, .. }) => {
            assert_eq!(holder.pid, std::process::id(), "{holder:?}")
        }
        other => panic!("{other:?}"),
    }
    drop(lock);
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
}

#[test]
fn a_data_dir_others_can_write_is_refused_with_how_to_fix_and_left_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    Store::open(&dir).unwrap();
    for m in [0o777, 0o770, 0o702] {
        fs::set_permissions(&dir, fs::Permissions::from_mode(m)).unwrap();
        let out = list(&dir, "ja");
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("書き込めます") && err.contains("chmod 700"),
            "{err}"
        );
        assert_eq!(mode(&dir), m, "not silently chmod-ed");
        let err = String::from_utf8_lossy(&list(&dir, "en").stderr).into_owned();
        assert!(
            err.contains("can be written by its group or by others"),
            "{err}"
        );
    }
}

#[test]
fn a_data_dir_of_another_user_is_refused() {
    // Root owns what it creates; a dir given to another uid needs root to make.
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    std::os::unix::fs::chown(&dir, Some(4242), None).unwrap();
    let err = Store::open(&dir).unwrap_err();
    assert!(err.to_string().contains("another user (uid 4242"), "{err}");
}

#[test]
fn a_record_file_that_is_a_link_is_warned_about() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let store = Store::open(&dir).unwrap();
    let r = new_record(&store);
    let real = tmp.path().join("elsewhere.json");
    fs::rename(store.path_of(&r.id), &real).unwrap();
    std::os::unix::fs::symlink(&real, store.path_of(&r.id)).unwrap();
    assert_eq!(store.list().unwrap().links, vec![store.path_of(&r.id)]);
    let out = list(&dir, "en");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is a symbolic link"), "{err}");
}

#[test]
fn a_lock_whose_holder_cannot_be_read_says_so_instead_of_pid_0() {
    let h = Holder::unknown();
    assert!(!h.message(Lang::Ja).contains("pid 0"));
    assert!(h.message(Lang::En).contains("another session"));
    // A lock held with an empty file (its holder not yet written) is refused naming no one.
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = new_record(&store);
    let path = tmp.path().join(format!("{}.lock", r.id));
    let file = fs::File::create(&path).unwrap();
    file.lock().unwrap();
    match store.lock(&r.id) {
        Err(StoreError::Locked { holder, .. }) => assert!(holder.is_unknown()),
        other => panic!("{other:?}"),
    }
}

/// A lock file holding half a holder (a write cut short, a foreign file) while it is held: the
/// record is refused naming "another session", never 「? の pid 0」, in the TUI's words too.
#[test]
fn a_half_written_lock_file_is_read_as_an_unknown_holder() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = new_record(&store);
    let path = tmp.path().join(format!("{}.lock", r.id));
    for content in [
        r#"{"pid":4242,"host":"ward-pc"#.as_bytes(),
        b"",
        b"\0\0\0\0",
        br#"{"pid":0,"host":"","since":"2026-01-01T00:00:00Z"}"#,
    ] {
        fs::write(&path, content).unwrap();
        let file = fs::File::open(&path).unwrap();
        file.lock().unwrap();
        let Err(StoreError::Locked { holder, .. }) = store.lock(&r.id) else {
            panic!("not refused")
        };
        for lang in [Lang::Ja, Lang::En] {
            let said = holder.message(lang);
            assert!(!said.contains("pid 0") && !said.contains('?'), "{said}");
        }
        assert!(holder.message(Lang::En).contains("another session"));
        let said = StoreError::Locked {
            id: r.id.clone(),
            holder,
        }
        .to_string();
        assert!(!said.contains("pid 0"), "{said}");
        drop(file);
    }
}

/// Taking a lock a killed holder left its details beside (`ID.holder`, a longer one): a reader
/// at any instant sees the old holder, or the new one whole, never a mix of the two. (Written
/// into the lock file in place, as it once was, one read in some hundred takeovers was torn.)
#[test]
fn a_lock_taken_over_a_killed_holders_file_is_never_read_half_written() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = new_record(&store);
    let lock_file = tmp.path().join(format!("{}.lock", r.id));
    let path = tmp.path().join(format!("{}.holder", r.id));
    let stale = format!(
        r#"{{"pid":99999,"host":"{}","since":"2026-01-01T00:00:00Z"}}"#,
        "h".repeat(300)
    );
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let reader = {
        use std::io::Read;
        let (path, stop) = (path.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut bad = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                // One read, as shindan reads a holder.
                let mut buf = vec![0; 16 * 1024];
                let Ok(n) = fs::File::open(&path).and_then(|mut f| f.read(&mut buf)) else {
                    continue;
                };
                let text = String::from_utf8_lossy(&buf[..n]).into_owned();
                if !text.is_empty() && serde_json::from_str::<Holder>(&text).is_err() {
                    bad.push(text);
                }
            }
            bad
        })
    };
    for _ in 0..300 {
        // As a killed holder left it; and an older shindan, which wrote into the lock file.
        fs::write(&path, &stale).unwrap();
        fs::write(&lock_file, &stale).unwrap();
        let lock = store.lock(&r.id).unwrap();
        assert_eq!(
            fs::read(&lock_file).unwrap(),
            b"",
            "the old holder is cleared"
        );
        drop(lock);
        assert!(!path.exists(), "the holder goes with the lock");
    }
    stop.store(true, Ordering::Relaxed);
    let bad = reader.join().unwrap();
    assert!(
        bad.is_empty(),
        "{} mixed reads, e.g. {:?}",
        bad.len(),
        bad.first()
    );
}

/// Every printing command, its output to a full device: exit 1 with a message, no panic.
#[test]
fn a_full_stdout_is_an_error_with_a_message_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let store = Store::open(&dir).unwrap();
    let r = new_record(&store);
    let id = r.id.to_string();
    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["show", id.as_str()],
        vec!["export", id.as_str()],
        vec!["catalog"],
        vec!["survey"],
    ] {
        for lang in ["ja", "en"] {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_shindan"))
                .args(["--lang", lang, "--data-dir"])
                .arg(&dir)
                .args(&args)
                .stdout(fs::File::options().write(true).open("/dev/full").unwrap())
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            assert!(!err.contains("panicked"), "{args:?}: {err}");
            let expect = if lang == "ja" {
                "標準出力に書き込めません"
            } else {
                "cannot write to standard output"
            };
            assert!(err.contains(expect), "{args:?}: {err}");
        }
    }
}

#[test]
fn a_huge_format_version_is_named_and_a_byte_order_mark_is_accepted() {
    use shindan::store::{parse_record, Damage};
    let huge = V1.replace(
        "\"format_version\": 1",
        "\"format_version\": 99999999999999999999",
    );
    match parse_record(huge.as_bytes()) {
        Err(d @ Damage::BadVersion(_)) => {
            assert!(
                d.message(Lang::En)
                    .contains("format_version 99999999999999999999 is not a format number"),
                "{d}"
            );
            assert!(d.message(Lang::Ja).contains("形式の番号ではありません"));
        }
        other => panic!("{other:?}"),
    }
    let with_bom = format!("\u{feff}{V1}");
    let r = parse_record(with_bom.as_bytes()).unwrap();
    assert_eq!(r.id.to_string(), "2025-001");
}

/// A data dir that cannot be written (here: no write permission; a read-only mount or a full
/// disk give the same): the record still opens, read-only, saying why in the UI's language,
/// and an edit is refused with that reason instead of failing to open at all.
#[test]
fn a_data_dir_that_cannot_be_written_opens_the_record_read_only_saying_why() {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        return; // root writes anywhere
    }
    use shindan::tui::session::Session;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let store = Store::open(&dir).unwrap();
    let r = new_record(&store);
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o500)).unwrap();
    let before = fs::read(store.path_of(&r.id)).unwrap();
    for (lang, expect) in [
        (
            Lang::Ja,
            "データの置き場所に書き込めません：権限がありません",
        ),
        (
            Lang::En,
            "the data dir cannot be written: permission denied",
        ),
    ] {
        let mut s = Session::open_in(&store, &r.id, lang).expect("opens read-only");
        assert!(s.read_only());
        let msg = s.read_only_message(lang).unwrap();
        assert!(msg.contains(expect), "{msg}");
        assert!(s.set_note("beds", "x").is_err(), "an edit is refused");
    }
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(fs::read(store.path_of(&r.id)).unwrap(), before);
}
