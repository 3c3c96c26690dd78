//! The store's promises: atomic saves under SIGKILL, permissions, locks between processes,
//! damaged and newer files left untouched, migration with a backup.

use chrono::Utc;
use shindan::domain::validate::answer_from_input;
use shindan::domain::{Questionnaire, Record, RecordId};
use shindan::store::{Damage, Store, StoreError};
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn new_record(store: &Store, name: &str) -> Record {
    let now = Utc::now();
    store
        .create(2026, |id| {
            let mut r = Record::new(id, now.date_naive(), now);
            answer_from_input(
                Questionnaire::embedded(),
                &mut r,
                "hospital_name",
                name,
                now,
            )
            .unwrap();
            r
        })
        .unwrap()
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Runs one of this file's ignored tests in a child process: the way to have a second process
/// that uses the store exactly as shindan does.
/// Waits until the child prints `word` at the end of a line (libtest prints its own text
/// first), and returns the reader so the pipe stays open.
fn wait_for(child: &mut std::process::Child, word: &str) -> BufReader<std::process::ChildStdout> {
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "child ended before saying {word}"
        );
        if line.trim_end().ends_with(word) {
            return out;
        }
    }
}

fn child(test: &str, dir: &Path) -> Command {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args([
        test,
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("SHINDAN_TEST_DIR", dir)
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    c
}

#[test]
fn records_are_0600_in_a_0700_dir() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let store = Store::open(&dir).unwrap();
    assert_eq!(mode(&dir), 0o700);
    let mut r = new_record(&store, "A病院");
    assert_eq!(mode(&store.path_of(&r.id)), 0o600);
    let lock = store.lock(&r.id).unwrap();
    store.save(&mut r, &lock).unwrap();
    assert_eq!(mode(&store.path_of(&r.id)), 0o600);
    assert_eq!(mode(&dir.join(format!("{}.lock", r.id))), 0o600);
    // A data dir that others can read is closed when opened.
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    Store::open(&dir).unwrap();
    assert_eq!(mode(&dir), 0o700);
}

#[test]
fn ids_are_sequential_per_year_and_never_reuse_a_file_name() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    assert_eq!(new_record(&store, "A").id.to_string(), "2026-001");
    assert_eq!(new_record(&store, "B").id.to_string(), "2026-002");
    fs::write(tmp.path().join("2026-003.json"), "garbage").unwrap();
    assert_eq!(new_record(&store, "C").id.to_string(), "2026-004");
    assert_eq!(
        fs::read_to_string(tmp.path().join("2026-003.json")).unwrap(),
        "garbage"
    );
}

#[test]
fn damaged_and_newer_files_are_listed_with_their_reason_and_never_touched() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let good = new_record(&store, "良い病院");
    let files = [
        ("2026-010.json", "{ not json".to_string()),
        (
            "2026-011.json",
            r#"{"format_version": 99, "id": "2026-011"}"#.to_string(),
        ),
        ("2026-012.json", r#"{"id": "2026-012"}"#.to_string()),
        (
            "2026-013.json",
            fs::read_to_string(store.path_of(&good.id)).unwrap(),
        ),
    ];
    for (name, body) in &files {
        fs::write(tmp.path().join(name), body).unwrap();
    }
    let listing = store.list().unwrap();
    assert_eq!(listing.records.len(), 1);
    let reasons: Vec<_> = listing
        .damaged
        .iter()
        .map(|d| (d.file_name(), d.damage.clone()))
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(matches!(reasons[0].1, Damage::Json(_)));
    assert!(matches!(
        reasons[1].1,
        Damage::Newer {
            found: 99,
            supported: 2
        }
    ));
    assert!(reasons[1].1.to_string().contains("update shindan"));
    assert!(matches!(reasons[2].1, Damage::NoVersion));
    assert!(matches!(reasons[3].1, Damage::IdMismatch { .. }));

    let id: RecordId = "2026-011".parse().unwrap();
    assert!(matches!(store.load(&id), Err(StoreError::Damaged { .. })));
    // Creating more records never lands on a damaged file's name.
    new_record(&store, "次の病院");
    for (name, body) in &files {
        assert_eq!(
            &fs::read_to_string(tmp.path().join(name)).unwrap(),
            body,
            "{name}"
        );
    }
}

#[test]
fn an_older_format_is_rewritten_only_on_the_next_save_keeping_a_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let v1 = r#"{"format_version": 1, "id": "2025-001", "assessed_on": "2025-06-01",
      "created_at": "2025-06-01T01:00:00Z", "updated_at": "2025-06-02T03:00:00Z",
      "answers": {"beds": 120}, "notes": {}}"#;
    let path = tmp.path().join("2025-001.json");
    fs::write(&path, v1).unwrap();
    let id: RecordId = "2025-001".parse().unwrap();
    let mut r = store.load(&id).unwrap();
    assert_eq!(r.migrated_from, Some(1));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        v1,
        "reading never writes"
    );
    assert!(!tmp.path().join("2025-001.json.bak").exists());

    let lock = store.lock(&id).unwrap();
    answer_from_input(Questionnaire::embedded(), &mut r, "beds", "130", Utc::now()).unwrap();
    store.save(&mut r, &lock).unwrap();
    let bak = tmp.path().join("2025-001.json.bak");
    assert_eq!(fs::read_to_string(&bak).unwrap(), v1);
    assert_eq!(mode(&bak), 0o600);
    let again = store.load(&id).unwrap();
    assert_eq!(again.migrated_from, None);
    assert_eq!(again.beds(), Some(130));
    assert!(fs::read_to_string(&path)
        .unwrap()
        .contains("\"format_version\": 2"));
    assert_eq!(
        store.list().unwrap().records.len(),
        1,
        "the backup is not a record"
    );
}

#[test]
fn a_second_process_cannot_take_the_lock_and_learns_who_holds_it() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = new_record(&store, "A病院");
    let mut holder = child("hold_lock_child", tmp.path()).spawn().unwrap();
    let _out = wait_for(&mut holder, "locked");

    match store.lock(&r.id) {
        Err(StoreError::Locked { holder: h, .. }) => {
            assert_eq!(h.pid, holder.id());
            assert!(!h.host.is_empty());
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    // Closing the child's stdin lets it go; its lock goes with it.
    drop(holder.stdin.take());
    assert!(holder.wait().unwrap().success());
    let lock = store.lock(&r.id).unwrap();
    assert_eq!(lock.holder().pid, std::process::id());
}

#[test]
fn a_killed_holder_leaves_no_lock_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = new_record(&store, "A病院");
    let mut holder = child("hold_lock_child", tmp.path()).spawn().unwrap();
    let _out = wait_for(&mut holder, "locked");
    assert!(store.lock(&r.id).is_err());
    holder.kill().unwrap();
    holder.wait().unwrap();
    assert!(store.lock(&r.id).is_ok());
}

#[test]
#[ignore = "run as a child process by the lock tests"]
fn hold_lock_child() {
    let Ok(dir) = std::env::var("SHINDAN_TEST_DIR") else {
        return;
    };
    let store = Store::open(dir).unwrap();
    let _lock = store.lock(&"2026-001".parse().unwrap()).unwrap();
    println!("locked");
    std::io::stdout().flush().unwrap();
    let mut s = String::new();
    let _ = std::io::stdin().read_line(&mut s);
}

/// A child saves the record over and over, each version a longer note; it is killed with
/// SIGKILL at random instants. Every time, the file parses and is one of the versions saved.
#[test]
fn a_save_killed_at_any_instant_leaves_a_whole_file() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = new_record(&store, "A病院");
    let path = store.path_of(&r.id);
    let rounds = std::env::var("SHINDAN_KILL_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let mut seed = 0x9e3779b97f4a7c15u64 ^ std::process::id() as u64;
    for round in 0..rounds {
        let mut saver = child("save_loop_child", tmp.path()).spawn().unwrap();
        let _out = wait_for(&mut saver, "saving");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(seed % 20_000));
        saver.kill().unwrap();
        saver.wait().unwrap();
        let bytes = fs::read(&path).unwrap();
        let record = shindan::store::parse_record(&bytes)
            .unwrap_or_else(|e| panic!("round {round}: torn file: {e}"));
        if let Some(note) = record.note("threat") {
            assert!(
                note.chars().all(|c| c == '記'),
                "round {round}: not a saved version"
            );
        }
    }
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    // Temp files of killed saves may remain; they are hidden and never listed as records.
    assert_eq!(store.list().unwrap().records.len(), 1, "{leftovers:?}");
}

#[test]
#[ignore = "run as a child process by the kill test"]
fn save_loop_child() {
    let Ok(dir) = std::env::var("SHINDAN_TEST_DIR") else {
        return;
    };
    let store = Store::open(dir).unwrap();
    let id: RecordId = "2026-001".parse().unwrap();
    let lock = store.lock(&id).unwrap();
    let mut r = store.load(&id).unwrap();
    println!("saving");
    std::io::stdout().flush().unwrap();
    for i in 1.. {
        r.set_note("threat", &"記".repeat(1 + i % 5000), Utc::now());
        store.save(&mut r, &lock).unwrap();
    }
}

#[test]
fn delete_needs_the_lock_and_removes_the_record() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = new_record(&store, "A病院");
    let lock = store.lock(&r.id).unwrap();
    store.delete(lock).unwrap();
    assert!(matches!(
        store.load(&r.id),
        Err(StoreError::NotFound { .. })
    ));
    assert!(store.list().unwrap().records.is_empty());
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
}

/// A full disk, injected for real: the child may write files of at most 8 KiB
/// (`RLIMIT_FSIZE`, with SIGXFSZ ignored the write fails with EFBIG as it would with ENOSPC
/// part-way through). A save that does not fit is refused with a message and the record on disk
/// stays byte for byte as it was.
#[test]
fn a_full_disk_refuses_the_save_and_keeps_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    let r = new_record(&store, "A病院");
    let path = store.path_of(&r.id);
    let before = fs::read(&path).unwrap();
    let out = child("full_disk_child", tmp.path()).output().unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    let refused = out
        .lines()
        .find_map(|l| l.split_once("refused: ").map(|(_, why)| why))
        .unwrap_or_else(|| panic!("the save was not refused:\n{out}"));
    assert!(
        refused.contains("2026-001.json"),
        "names the file: {refused}"
    );
    let hidden: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(hidden.is_empty(), "the half-written temp file is removed");
    assert_eq!(fs::read(&path).unwrap(), before, "the file is untouched");
    assert_eq!(store.list().unwrap().records.len(), 1);
    assert!(store.load(&r.id).unwrap().note("threat").is_none());
}

#[test]
#[ignore = "run as a child process by the full-disk test"]
fn full_disk_child() {
    let Ok(dir) = std::env::var("SHINDAN_TEST_DIR") else {
        return;
    };
    let store = Store::open(dir).unwrap();
    let id: RecordId = "2026-001".parse().unwrap();
    let lock = store.lock(&id).unwrap();
    let mut r = store.load(&id).unwrap();
    // SAFETY: plain libc calls on this process, before any file of the store is written.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        let limit = libc::rlimit {
            rlim_cur: 8192,
            rlim_max: libc::RLIM_INFINITY,
        };
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0);
    }
    r.set_note("threat", &"記".repeat(20_000), Utc::now());
    match store.save(&mut r, &lock) {
        Ok(()) => println!("saved"),
        Err(e) => println!("refused: {e}"),
    }
}

/// A mistyped id is refused without leaving a lock file, and the next new record takes the
/// next number all the same.
#[test]
fn a_missing_record_cannot_be_locked_and_takes_no_number() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::open(tmp.path()).unwrap();
    new_record(&store, "A病院");
    let typo: RecordId = "2026-009".parse().unwrap();
    assert!(matches!(
        store.lock(&typo),
        Err(StoreError::NotFound { .. })
    ));
    assert!(!tmp.path().join("2026-009.lock").exists());
    // A lock file left by an older shindan does not take a number either.
    fs::write(tmp.path().join("2026-007.lock"), "").unwrap();
    assert_eq!(new_record(&store, "B病院").id.to_string(), "2026-002");
}
