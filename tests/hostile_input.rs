//! Input from outside: files of any size (`/dev/zero`) read through a bound on every loader,
//! one note limit on every path, and control characters refused where they come in.

use assert_cmd::Command;
use shindan::domain::limits;
use shindan::store::Store;
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::Path;

mod cli_run;
#[path = "support/excel.rs"]
mod excel;

fn shindan(dir: &Path, lang: &str) -> Command {
    let mut c = Command::cargo_bin("shindan").unwrap();
    c.args(["--lang", lang, "--data-dir"]).arg(dir);
    c
}

fn new_record(dir: &Path) -> String {
    let out = shindan(dir, "ja")
        .args([
            "new",
            "--name",
            "A病院",
            "--beds",
            "120",
            "--founder",
            "medical_corporation",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Every loader given `/dev/zero`, with the address space capped at 1 GiB: each is refused
/// with a message naming its bound (not killed by the allocator), well before the cap.
#[test]
fn an_endless_file_is_refused_at_its_bound_by_every_loader() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let id = new_record(dir);
    let jsonl = dir.join("zeros.jsonl");
    std::os::unix::fs::symlink("/dev/zero", &jsonl).unwrap();
    let jsonl = jsonl.to_str().unwrap().to_string();
    let cases: Vec<Vec<&str>> = vec![
        vec!["import", "/dev/zero"],
        // Read only by a command that compares (a stale survey does not stop `list`).
        vec!["--survey", "/dev/zero", "check", &id],
        vec!["--checklist", "/dev/zero", "checklist", "show", &id],
        vec!["aggregate", "/dev/zero"],
        vec!["aggregate", &jsonl],
        vec!["checklist", "import", &id, "/dev/zero"],
    ];
    for args in cases {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_shindan"));
        cmd.args(["--lang", "en", "--data-dir"])
            .arg(dir)
            .args(&args);
        // SAFETY: one libc call in the child between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                let cap = libc::rlimit {
                    rlim_cur: 1 << 30,
                    rlim_max: libc::RLIM_INFINITY,
                };
                libc::setrlimit(libc::RLIMIT_AS, &cap);
                Ok(())
            });
        }
        let out = cmd.output().unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // aggregate skips what it cannot read and says why (exit 0); the others refuse.
        let expected = if args[0] == "aggregate" { 0 } else { 1 };
        assert!(
            out.status.code().is_some_and(|c| c == expected || c == 2),
            "{args:?}: {:?} {text}",
            out.status
        );
        assert!(text.contains("MiB"), "{args:?}: names the bound: {text}");
    }
}

/// One note limit on every path: 100,000 characters are taken by `answer --note`, one more is
/// refused with the limit named; the matrix, the checklist and the contact chart share it.
#[test]
fn a_note_has_one_limit_on_every_path() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let id = new_record(dir);
    let fits = "x".repeat(limits::NOTE_MAX);
    let out = shindan(dir, "en")
        .args(["answer", &id, "beds", "--note", &fits])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let over = "y".repeat(limits::NOTE_MAX + 1);
    for (lang, expect) in [("en", "at most 100000"), ("ja", "100000文字以内")] {
        let out = shindan(dir, lang)
            .args(["answer", &id, "beds", "--note", &over])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expect), "{err}");
    }
    let r = Store::open(dir)
        .unwrap()
        .load(&id.parse().unwrap())
        .unwrap();
    assert_eq!(
        r.note("beds"),
        Some(fits.as_str()),
        "the refused note changed nothing"
    );
    assert_eq!(shindan::domain::matrix::mark::NOTE_MAX, limits::NOTE_MAX);
    assert_eq!(
        shindan::domain::checklist::rules::NOTE_MAX,
        limits::NOTE_MAX
    );
    assert_eq!(shindan::domain::contacts::NOTE_MAX, limits::NOTE_MAX);
}

/// A control character (ESC, BEL, a C1 CSI) in an argument, a name or a note is refused with a
/// message in the UI's language, and nothing is stored; a line break in a note is fine. An
/// imported record holding one is refused whole.
#[test]
fn control_characters_are_refused_where_they_come_in() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let id = new_record(dir);
    for evil in ["A病院\u{1b}]0;PWNED\u{7}", "B\u{9b}2J"] {
        for (lang, expect) in [("ja", "制御文字"), ("en", "control character")] {
            let out = shindan(dir, lang)
                .args([
                    "new",
                    "--name",
                    evil,
                    "--beds",
                    "120",
                    "--founder",
                    "medical_corporation",
                ])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2));
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains(expect), "{err}");
            assert!(
                !err.contains('\u{1b}'),
                "the message shows it, not sends it: {err:?}"
            );
            let out = shindan(dir, lang)
                .args(["answer", &id, "beds", "--note", evil])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2));
        }
    }
    let out = shindan(dir, "en")
        .args(["answer", &id, "beds", "--note", "一行目\n二行目\tタブ"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = Store::open(dir).unwrap();
    assert_eq!(store.list().unwrap().records.len(), 1, "no record was made");

    // The domain's own checks, for paths that do not pass through arguments (the TUI, import).
    let mut r = store.load(&id.parse().unwrap()).unwrap();
    r.notes.insert("beds".into(), "\u{1b}[2J".into());
    let file = dir.join("evil.json");
    let mut r2 = r.clone();
    r2.id = "2026-050".parse().unwrap();
    fs::write(&file, shindan::store::to_json(&r2)).unwrap();
    for (lang, expect) in [("ja", "制御文字 ^["), ("en", "control character ^[")] {
        let out = shindan(dir, lang)
            .args(["import"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains(expect));
    }
    assert!(!dir.join("2026-050.json").exists());
}

/// A vendor's returned form, as JSON and as Excel's CSV, with an escape sequence in a note:
/// refused whole with a message that shows it (ja, en); the record is unchanged.
#[test]
fn a_returned_form_with_a_control_character_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let id = new_record(dir);
    let record = dir.join(format!("{id}.json"));
    for format in ["json", "csv"] {
        let form = dir.join(format!("form.{format}"));
        let to = form.to_str().unwrap();
        let form_args = ["checklist", "form", &id, "--vendor", "V社", "--system", "S"];
        let mut args = form_args.to_vec();
        args.extend(["--format", format, "-o", to]);
        cli_run::succeeded(shindan(dir, "ja"), &args);
        let bytes = fs::read(&form).unwrap();
        let filled = if format == "json" {
            let mut f: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            let it = &mut f["items"][1];
            it["answer"] = "no".into();
            it["checked_on"] = chrono::Local::now().date_naive().to_string().into();
            it["target_on"] = "2027-03-31".into();
            it["note"] = "未適用\u{1b}[2J".into();
            serde_json::to_vec(&f).unwrap()
        } else {
            let excel = excel::filled_as_excel(&bytes, "2①");
            let text = String::from_utf8(excel).unwrap();
            let mut r = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            let mut w = csv::WriterBuilder::new()
                .flexible(true)
                .from_writer(Vec::new());
            for row in r.records() {
                let mut cells: Vec<String> = row.unwrap().iter().map(String::from).collect();
                if cells.get(6).map(String::as_str) == Some("2①") {
                    cells[11] = "未適用\u{9b}2J".into();
                }
                w.write_record(&cells).unwrap();
            }
            w.into_inner().unwrap()
        };
        fs::write(&form, filled).unwrap();
        let before = fs::read(&record).unwrap();
        for (lang, expect) in [("ja", "制御文字"), ("en", "control character")] {
            let out = shindan(dir, lang)
                .args(["checklist", "import", &id])
                .arg(&form)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{format} {lang}: {err}");
            assert!(err.contains(expect), "{format} {lang}: {err}");
            assert!(
                !err.contains(['\u{1b}', '\u{9b}']),
                "shown, not sent: {err:?}"
            );
        }
        assert_eq!(
            fs::read(&record).unwrap(),
            before,
            "{format}: nothing stored"
        );
    }
}
