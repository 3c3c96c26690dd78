//! What scripts and spreadsheets do to shindan's files: formulas in CSV cells, `-o` over an
//! existing file or onto a full disk, output that cannot be written after a save, and many
//! commands writing one record at once.

use assert_cmd::Command;
use shindan::domain::Questionnaire;
use shindan::store::Store;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

fn shindan(dir: &Path, lang: &str, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("shindan")
        .unwrap()
        .args(["--lang", lang, "--data-dir"])
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

fn new_record(dir: &Path, name: &str) -> String {
    let out = shindan(
        dir,
        "ja",
        &[
            "new",
            "--name",
            name,
            "--beds",
            "120",
            "--founder",
            "medical_corporation",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A hospital or vendor named like a formula is a formula to Excel: every CSV shindan writes
/// puts a `'` before such a cell, and reading a returned vendor form takes it off again.
#[test]
fn cells_excel_would_run_as_formulas_are_written_as_text_and_read_back_as_they_were() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let evil = "=HYPERLINK(\"http://evil.example/\",\"開く\")";
    let id = new_record(dir, evil);
    let out = shindan(dir, "ja", &["export", &id, "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    assert!(!csv.contains("\"=HYPERLINK("), "{csv}");

    let form = dir.join("vendor.csv");
    let out = Command::cargo_bin("shindan")
        .unwrap()
        .args(["--data-dir"])
        .arg(dir)
        .args([
            "checklist",
            "form",
            &id,
            "--vendor",
            "@SUM(1+1)*cmd",
            "--system",
            "+電子カルテ",
        ])
        .args(["--format", "csv", "-o"])
        .arg(&form)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = fs::read(&form).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("\"'@SUM(1+1)*cmd\""), "{text}");
    assert!(text.contains("\"'+電子カルテ\""), "{text}");
    assert!(
        text.contains(&format!("\"'{}\"", evil.replace('"', "\"\""))),
        "{text}"
    );
    let (file, _, _) = shindan::domain::vendor_file::read(&bytes).unwrap();
    assert_eq!(file.vendor, "@SUM(1+1)*cmd");
    assert_eq!(file.system, "+電子カルテ");
    assert_eq!(file.hospital, evil);

    let out = shindan(dir, "ja", &["checklist", "show", &id, "--format", "csv"]);
    if out.status.success() {
        let csv = String::from_utf8_lossy(&out.stdout);
        assert!(!csv.contains("\"=HYPERLINK("), "{csv}");
    }
}

/// `-o FILE` over a file others could read: the new file is 0600 (not the old 0644), and it
/// replaces the old one as a whole (a new inode, renamed over it).
#[test]
fn output_to_an_existing_file_is_private_and_replaces_it_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let id = new_record(&dir, "A病院");
    let target = tmp.path().join("report.html");
    fs::write(&target, "old contents").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
    let out = Command::cargo_bin("shindan")
        .unwrap()
        .arg("--data-dir")
        .arg(&dir)
        .args(["export", &id, "--format", "html", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        fs::metadata(&target).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(fs::read_to_string(&target).unwrap().contains("A病院"));
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temp file is left");
}

/// `-o FILE` onto a disk that fills part-way (`RLIMIT_FSIZE` of 4 KiB with SIGXFSZ ignored, as
/// a full disk fails a write): refused with a message in the UI's language, the old file byte
/// for byte as it was.
#[test]
fn output_onto_a_full_disk_is_refused_and_the_old_file_kept() {
    use std::os::unix::process::CommandExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let id = new_record(&dir, "A病院");
    let target = tmp.path().join("report.html");
    let old = "前の報告書\n".repeat(2_000);
    fs::write(&target, &old).unwrap();
    for (lang, expect) in [("ja", "書けません"), ("en", "cannot write")] {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_shindan"));
        cmd.args(["--lang", lang, "--data-dir"])
            .arg(&dir)
            .args(["export", &id, "--format", "html", "-o"])
            .arg(&target);
        // SAFETY: plain libc calls in the child between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                let limit = libc::rlimit {
                    rlim_cur: 4096,
                    rlim_max: libc::RLIM_INFINITY,
                };
                libc::setrlimit(libc::RLIMIT_FSIZE, &limit);
                Ok(())
            });
        }
        let out = cmd.output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(expect), "{err}");
        assert_eq!(
            fs::read_to_string(&target).unwrap(),
            old,
            "the old file is whole"
        );
    }
}

/// A command that saved, then cannot print (stdout on a full device), says on stderr that it
/// saved: a script seeing exit 1 must not redo a change that was made.
#[test]
fn a_command_that_saved_says_so_when_its_output_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let full = || fs::File::options().write(true).open("/dev/full").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_shindan"))
        .args(["--lang", "en", "--data-dir"])
        .arg(dir)
        .args([
            "new",
            "--name",
            "A病院",
            "--beds",
            "120",
            "--founder",
            "medical_corporation",
        ])
        .stdout(full())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("was created"), "{err}");
    let id = Store::open(dir).unwrap().list().unwrap().records[0]
        .id
        .to_string();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_shindan"))
        .args(["--data-dir"])
        .arg(dir)
        .args(["answer", &id, "beds", "200"])
        .stdout(full())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("を保存しました"), "{err}");
}

/// `shindan` with stdout on `/dev/full`, in English.
fn onto_full_stdout(dir: &Path, args: &[&str]) -> std::process::Output {
    let full = fs::File::options().write(true).open("/dev/full").unwrap();
    std::process::Command::new(env!("CARGO_BIN_EXE_shindan"))
        .args(["--lang", "en", "--data-dir"])
        .arg(dir)
        .args(args)
        .stdout(full)
        .output()
        .unwrap()
}

/// Every command that saves, with stdout on a full device: exit 1 with the output's error, and
/// stderr says what was saved; the change is on disk (a script must not redo it).
#[test]
fn every_command_that_saves_says_so_when_its_output_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let id = new_record(dir, "A病院");
    let file = dir.join(format!("{id}.json"));
    let exported = tmp.path().join("exported.json");
    let form = tmp.path().join("form.json");
    let form_s = form.to_str().unwrap();
    let copied = format!("{}-001", id[..4].parse::<u32>().unwrap() + 1);
    let steps: Vec<(Vec<&str>, &str)> = vec![
        (vec!["answer", &id, "beds", "200"], "was saved"),
        (
            vec!["control", &id, "backup_offline", "in_place"],
            "was saved",
        ),
        (
            vec!["contacts", &id, "set", "director", "--name", "山田"],
            "was saved",
        ),
        (vec!["contacts", &id, "clear", "director"], "was saved"),
        (vec!["checklist", "answer", &id, "2①", "yes"], "was saved"),
        (
            vec![
                "checklist",
                "form",
                &id,
                "--vendor",
                "V社",
                "--system",
                "S",
                "-o",
                form_s,
            ],
            "written",
        ),
        (vec!["checklist", "import", &id, form_s], "was saved"),
        (vec!["copy", &id], "was created"),
        (vec!["confirm", &copied, "beds"], "was saved"),
        (
            vec!["import", "--as", "2026-090", exported.to_str().unwrap()],
            "were imported",
        ),
    ];
    for (args, says) in steps {
        if args[0] == "import" {
            let out = shindan(
                dir,
                "en",
                &["export", &id, "-o", exported.to_str().unwrap()],
            );
            assert!(out.status.success(), "{}", stderr(&out));
        }
        if args[1] == "import" {
            // The vendor's form filled: one item answered yes.
            let mut f: serde_json::Value =
                serde_json::from_str(&fs::read_to_string(&form).unwrap()).unwrap();
            f["items"][0]["answer"] = "yes".into();
            f["items"][0]["checked_on"] = chrono::Local::now().date_naive().to_string().into();
            fs::write(&form, serde_json::to_string(&f).unwrap()).unwrap();
        }
        let target = match args[0] {
            "confirm" => dir.join(format!("{copied}.json")),
            _ => file.clone(),
        };
        let before = fs::read(&target).ok();
        let out = onto_full_stdout(dir, &args);
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        match args[0] {
            "copy" => assert!(dir.join(format!("{copied}.json")).exists()),
            "import" => assert!(dir.join("2026-090.json").exists()),
            _ => assert_ne!(fs::read(&target).ok(), before, "{args:?} saved nothing"),
        }
        if args.contains(&"-o") {
            // The form goes to its file and the receipt to stderr: nothing failed.
            assert!(out.status.success(), "{args:?}: {err}");
            continue;
        }
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains("cannot write to standard output"),
            "{args:?}: {err}"
        );
    }
}

/// Scripts answer in parallel: 4 records × one `answer` call per question (22) at once, each
/// setting its question's note. None is refused (a command waits for another command's save) and every
/// note is kept.
#[test]
fn concurrent_commands_on_one_record_wait_for_each_other_and_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let ids: Vec<String> = (0..4)
        .map(|i| new_record(dir, &format!("病院{i}")))
        .collect();
    let questions: Vec<String> = Questionnaire::embedded()
        .questions()
        .map(|q| q.id.clone())
        .collect();
    assert!(questions.len() >= 20, "{questions:?}");
    let mut children = Vec::new();
    for id in &ids {
        for q in &questions {
            children.push(
                std::process::Command::new(env!("CARGO_BIN_EXE_shindan"))
                    .args(["--data-dir"])
                    .arg(dir)
                    .args(["answer", id, q, "--note"])
                    .arg(format!("{id} {q}"))
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap(),
            );
        }
    }
    let refused: Vec<String> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .filter(|o| !o.status.success())
        .map(|o| stderr(&o))
        .collect();
    assert!(refused.is_empty(), "{} refused: {refused:?}", refused.len());
    let store = Store::open(dir).unwrap();
    for id in &ids {
        let r = store.load(&id.parse().unwrap()).unwrap();
        for q in &questions {
            assert_eq!(r.note(q), Some(format!("{id} {q}").as_str()), "{id} {q}");
        }
    }
}

/// An open screen holds a record (for hours, perhaps): a command is refused at once, naming
/// it as a screen; a command holding it is waited for.
#[test]
fn a_command_is_refused_at_once_by_an_open_screen_and_waits_for_another_command() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let id = new_record(dir, "A病院");
    let rid = id.parse().unwrap();
    let screen = Store::open(dir).unwrap().lock(&rid).unwrap();
    let started = Instant::now();
    let out = shindan(dir, "en", &["answer", &id, "beds", "200"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("an open screen on"),
        "{}",
        stderr(&out)
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "refused at once"
    );
    let out = shindan(dir, "ja", &["answer", &id, "beds", "200"]);
    assert!(stderr(&out).contains("開いている画面"), "{}", stderr(&out));
    drop(screen);

    let command = Store::open(dir).unwrap().for_command("answer");
    let held = command.lock(&rid).unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        drop(held);
    });
    let out = shindan(dir, "en", &["answer", &id, "beds", "300"]);
    release.join().unwrap();
    assert!(out.status.success(), "waited, then saved: {}", stderr(&out));
    let r = Store::open(dir).unwrap().load(&rid).unwrap();
    assert_eq!(r.value("beds").and_then(|v| v.as_number()), Some(300));
}
