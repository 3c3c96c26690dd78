//! What shindan writes out, when what it holds was written by someone hostile: escape sequences
//! in a record are shown, not obeyed, on every text output.

use assert_cmd::Command;
use chrono::Utc;
use shindan::domain::validate::answer_from_input;
use shindan::domain::{Questionnaire, Record};
use shindan::store::Store;
use std::path::Path;

const RETITLE: &str = "\u{1b}]0;PWNED\u{7}";
const CLEAR: &str = "\u{1b}[2J";

/// A record whose hospital name carries escape sequences, as an older or foreign file might.
fn hostile_record(dir: &Path) -> String {
    let store = Store::open(dir).unwrap();
    let r = store
        .create(2026, |id| {
            let now = Utc::now();
            let mut r = Record::new(id, now.date_naive(), now);
            let qn = Questionnaire::embedded();
            answer_from_input(qn, &mut r, "beds", "120", now).unwrap();
            answer_from_input(qn, &mut r, "hospital_name", "悪意病院", now).unwrap();
            r
        })
        .unwrap();
    // Input refuses control characters now, so the file is written as an older or foreign
    // shindan might have left it.
    let path = store.path_of(&r.id);
    let json = std::fs::read_to_string(&path).unwrap();
    let name = serde_json::to_string(&format!("悪意{RETITLE}病院{CLEAR}")).unwrap();
    std::fs::write(&path, json.replace("\"悪意病院\"", &name)).unwrap();
    r.id.to_string()
}

fn run(dir: &Path, lang: &str, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("shindan")
        .unwrap()
        .args(["--lang", lang, "--data-dir"])
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn escape_sequences_in_a_record_are_shown_not_obeyed_on_every_text_output() {
    let tmp = tempfile::tempdir().unwrap();
    let id = hostile_record(tmp.path());
    for lang in ["ja", "en"] {
        for args in [
            vec!["list"],
            vec!["show", &id],
            vec!["check", &id],
            vec!["list", "--json"],
        ] {
            let out = run(tmp.path(), lang, &args);
            for stream in [&out.stdout, &out.stderr] {
                let text = String::from_utf8_lossy(stream);
                assert!(
                    !text.contains('\u{1b}'),
                    "{args:?} {lang} printed ESC raw: {text}"
                );
                assert!(!text.contains('\u{7}'), "{args:?} {lang} printed BEL raw");
            }
        }
    }
    let shown = String::from_utf8_lossy(&run(tmp.path(), "ja", &["show", &id]).stdout).to_string();
    assert!(shown.contains("悪意^[]0;PWNED^G病院^[[2J"), "{shown}");
}

/// Whether bytes hold a control character a terminal obeys (C0 but line breaks and tabs, DEL,
/// C1 in UTF-8).
fn raw_control(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes)
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

/// Every report, form and chart, on stdout and in a file (`-o`): the record's escape sequences
/// shown (`^[`), never raw; JSON keeps the value, escaped (`\u001b`), so it reads back as it was.
#[test]
fn escape_sequences_in_a_record_are_shown_in_every_report_form_and_chart() {
    let tmp = tempfile::tempdir().unwrap();
    let id = hostile_record(tmp.path());
    let file = tmp.path().join("out");
    for lang in ["ja", "en"] {
        for args in [
            vec!["export", &id, "--format", "md"],
            vec!["export", &id, "--format", "html"],
            vec!["export", &id, "--format", "csv"],
            vec!["checklist", "show", &id],
            vec!["checklist", "form", &id],
            vec!["checklist", "form", &id, "--format", "md"],
            vec!["contacts", &id, "form"],
            vec!["contacts", &id, "form", "--format", "md"],
        ] {
            let out = run(tmp.path(), lang, &args);
            assert!(out.status.success(), "{args:?}");
            assert!(!raw_control(&out.stdout), "{args:?} {lang}: raw on stdout");
            assert!(!raw_control(&out.stderr), "{args:?} {lang}: raw on stderr");
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains("^[]0;PWNED^G"), "{args:?} {lang}: {text}");
            if args[0] == "export" {
                assert_eq!(
                    text.contains("\r\n"),
                    args[3] == "csv",
                    "CSV keeps its CRLF"
                );
            }
            if args[1] == "show" {
                continue; // printed only
            }
            let _ = std::fs::remove_file(&file);
            let mut to_file = args.clone();
            to_file.extend(["-o", file.to_str().unwrap()]);
            let out = run(tmp.path(), lang, &to_file);
            assert!(out.status.success(), "{to_file:?}");
            let written = std::fs::read(&file).unwrap();
            assert!(
                !raw_control(&written),
                "{to_file:?} {lang}: raw in the file"
            );
            assert!(String::from_utf8_lossy(&written).contains("^[]0;PWNED^G"));
        }
    }
    let json = run(tmp.path(), "en", &["export", &id, "--format", "json"]);
    assert!(!raw_control(&json.stdout));
    let back: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        back["answers"]["hospital_name"]["value"],
        format!("悪意{RETITLE}病院{CLEAR}"),
        "the exported record keeps its value"
    );
}
