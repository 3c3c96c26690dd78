//! No internal id reaches a person. A realistic record — every question answered, checklist
//! items answered by their printed numbers, a vendor sent its form, contacts, a control — is
//! put through every text output of the command line (each command in Japanese and English,
//! the exports in md/html/csv, the hospital's and the vendor's forms, the contact chart) and
//! every screen of the terminal UI, and what importing a vendor's return says (its conflicts, and
//! its refusal of another edition's form); none may show the id of a question, an option
//! (`not_enough`), an indicator or a checklist item (snake_case, `c2_patch_all`), a vendor CSV
//! column's key (`checked_on`), nor a control's id or a risk's: a control is
//! read and typed by its number (C12) in the control list, the vendor brief, the catalogue and
//! the commands they suggest. The allow-list is the machine formats: `--json`, the exchange JSON
//! and the vendor packet's JSON, whose keys are ids by design; none of them is read here. (This test
//! took over tests/checklist_words.rs, which read the checklist's outputs alone.)

mod cli_run;
#[path = "support/excel.rs"]
mod excel;
mod ui;

use assert_cmd::Command;
use crossterm::event::KeyCode;
use shindan::domain::checklist::Editions;
use shindan::domain::contacts::Position;
use shindan::domain::matrix::Catalog;
use shindan::domain::vendor_file::COLUMNS;
use shindan::domain::{Lang, Questionnaire};
use std::path::Path;
use ui::Ui;

fn run(dir: &Path, lang: &str, args: &[&str]) -> String {
    let out = Command::cargo_bin("shindan")
        .unwrap()
        .env("SHINDAN_DATA_DIR", dir)
        .env_remove("SHINDAN_LANG")
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// shindan refusing `args` (exit 2); what it said.
fn refused(dir: &Path, lang: &str, args: &[&str]) -> String {
    let out = cli_run::shindan(dir)
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// The record every surface is read from: each question answered (a gap-heavy hospital, so that
/// next steps name questions, items and controls), a note, checklist items answered by number,
/// a vendor's form written, a contact, a control set.
fn realistic(dir: &Path) -> String {
    let id = run(
        dir,
        "ja",
        &[
            "new",
            "--name",
            "さくら記念病院",
            "--beds",
            "120",
            "--founder",
            "medical_corporation",
        ],
    )
    .trim()
    .to_string();
    for (q, v) in [
        ("associations", "jha"),
        ("revenue", "4500000"),
        ("threat", "yes"),
        ("vpn_flagged", "yes"),
        ("vpn_patched", "no"),
        ("vpn_unpatched_reasons", "no_information"),
        ("backup", "yes"),
        ("backup_offline", "no"),
        ("backup_offsite", "no"),
        ("staff_total", "3"),
        ("staff_fulltime", "2"),
        ("audit", "never"),
        ("budget_bracket", "lt5m"),
        ("budget_amount", "3000"),
        ("budget_sufficiency", "not_enough"),
        ("insurance", "no"),
        ("closed_network_belief", "agree"),
        ("incident_response", "no"),
    ] {
        run(dir, "ja", &["answer", &id, q, v]);
    }
    run(
        dir,
        "ja",
        &["answer", &id, "bcp", "no", "--note", "来年度に策定"],
    );
    run(dir, "ja", &["checklist", "answer", &id, "前提", "yes"]);
    run(dir, "ja", &["checklist", "answer", &id, "1(1)", "yes"]);
    run(
        dir,
        "ja",
        &[
            "checklist",
            "answer",
            &id,
            "2⑦",
            "no",
            "--target",
            "2027-03-31",
        ],
    );
    run(
        dir,
        "ja",
        &[
            "checklist",
            "answer",
            &id,
            "2④",
            "yes",
            "--device",
            "server",
        ],
    );
    let packet = dir.join("packet.csv");
    let mut form = cli_run::vendor_form(&id, "A社", "電子カルテ", "csv");
    form.extend(["-o", packet.to_str().unwrap()]);
    run(dir, "ja", &form);
    run(
        dir,
        "ja",
        &["contacts", &id, "set", "director", "--name", "山田 太郎"],
    );
    run(dir, "ja", &["control", &id, "backup_offline", "partial"]);
    id
}

/// Every id a person must not read, with what it is.
fn ids() -> Vec<(String, &'static str)> {
    let qn = Questionnaire::embedded();
    let mut out: Vec<(String, &'static str)> = Vec::new();
    // A question id without `_` is an English word (threat, backup) that English text uses.
    out.extend(
        qn.questions()
            .filter(|q| q.id.contains('_'))
            .map(|q| (q.id.clone(), "question")),
    );
    // An option is read by its words and picked by its number (`1 はい`), never `not_enough`.
    for q in qn.questions() {
        out.extend(
            q.option_ids()
                .into_iter()
                .filter(|o| o.contains('_'))
                .map(|o| (o.to_string(), "option")),
        );
    }
    out.extend(
        qn.indicators
            .iter()
            .filter(|i| i.id.contains('_'))
            .map(|i| (i.id.clone(), "indicator")),
    );
    for e in Editions::shipped().all() {
        out.extend(e.items.iter().map(|i| (i.id.clone(), "checklist item")));
    }
    out.extend(
        Catalog::embedded()
            .scenarios
            .iter()
            .map(|s| (s.id.clone(), "risk")),
    );
    // The vendor CSV's columns are headed in the form's words; their keys are the JSON's.
    out.extend(
        COLUMNS
            .iter()
            .filter(|(k, _, _)| k.contains('_'))
            .map(|(k, _, _)| (k.to_string(), "column")),
    );
    out.extend(
        Position::ALL
            .iter()
            .map(|p| p.id())
            .filter(|p| p.contains('_'))
            .map(|p| (p.to_string(), "place on the contact chart")),
    );
    out
}

/// Handles that are English words (`bcp`, `director`) are found where an output labels a line
/// with them in brackets, as `diff` and `contacts` did (「… [bcp]」, 「院長・管理者 [director]」).
fn bracketed(text: &str) -> Vec<String> {
    let qn = Questionnaire::embedded();
    let words = qn
        .questions()
        .map(|q| q.id.clone())
        .chain(Position::ALL.iter().map(|p| p.id().to_string()))
        // 「[vendor]」 is the English of the control list's ［事業者］ mark, a word, not a handle.
        .filter(|w| w != "vendor");
    words
        .filter(|w| text.contains(&format!("[{w}]")))
        .map(|w| format!("handle `[{w}]`"))
        .collect()
}

fn control_ids() -> Vec<String> {
    Catalog::embedded()
        .controls
        .iter()
        .map(|c| c.id.clone())
        .filter(|c| c.contains('_'))
        .collect()
}

/// Whether `id` stands as a word in `text` (`vpn_patch` is not in `vpn_patched`).
fn shows(text: &str, id: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(id).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + id.len()..].chars().next();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

/// The ids an output shows, commands to copy included: they take numbers too.
fn leaks(what: &str, text: &str, controls: bool) -> Vec<String> {
    let read = text;
    let control_ids = control_ids();
    let mut found = Vec::new();
    for (id, kind) in ids() {
        // A control listing names its controls by the id `shindan control` takes, and some
        // controls share their id with the question that reads them (backup_offline).
        if !controls && control_ids.contains(&id) {
            continue;
        }
        if shows(read, &id) {
            found.push(format!("{what}: {kind} `{id}`"));
        }
    }
    found.extend(bracketed(read).into_iter().map(|b| format!("{what}: {b}")));
    if controls {
        for id in &control_ids {
            if shows(read, id) {
                found.push(format!("{what}: control `{id}`"));
            }
        }
    }
    found
}

#[test]
fn no_internal_id_in_any_command_output() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let id = realistic(d);
    let blank = run(
        d,
        "ja",
        &[
            "new",
            "--name",
            "空欄病院",
            "--beds",
            "50",
            "--founder",
            "national",
        ],
    )
    .trim()
    .to_string();
    let vendor = ["--vendor", "A社", "--system", "電子カルテ"];
    let mut found = Vec::new();
    for lang in ["ja", "en"] {
        let mut outputs: Vec<(String, String, bool)> = Vec::new();
        let mut out = |args: Vec<&str>, controls: bool| {
            let text = run(d, lang, &args);
            outputs.push((format!("{lang} {}", args.join(" ")), text, controls));
        };
        out(vec!["list"], true);
        out(vec!["show", &id], true);
        out(vec!["check", &id], true);
        // A record with nothing answered: check lists each question's options to pick from.
        out(vec!["check", &blank], true);
        out(vec!["checklist", "show", &id], true);
        out(vec!["contacts", &id], true);
        out(vec!["confirm", &id], true);
        out(
            vec!["budget", "--beds", "120", "--revenue", "4500000"],
            true,
        );
        out(vec!["answer", &id, "問21", "no"], true);
        out(vec!["answer", &id, "vpn_patched", "no"], true);
        out(
            vec![
                "checklist",
                "answer",
                &id,
                "2⑦",
                "no",
                "--target",
                "2027-03-31",
            ],
            true,
        );
        // The vendor brief, the control list and the catalogue name each control by the
        // number the command line takes back.
        out(vec!["vendor-brief", &id], true);
        out(vec!["vendor-brief", &id, "--format", "md"], true);
        out(vec!["control", &id], true);
        out(vec!["control", &id, "backup_offline"], true);
        out(vec!["catalog"], true);
        for f in ["md", "html", "csv"] {
            out(vec!["export", &id, "--format", f], true);
            out(vec!["checklist", "form", &id, "--format", f], true);
            let mut v = vec!["checklist", "form", &id, "--format", f];
            v.extend(vendor);
            out(v, true);
        }
        out(
            vec!["contacts", &id, "set", "警察", "--phone", "03-0000-0110"],
            true,
        );
        out(vec!["checklist", "diff", "mhlw-r6", "mhlw-r7"], true);
        out(vec!["contacts", &id, "form"], true);
        out(vec!["contacts", &id, "form", "--format", "md"], true);
        // The vendor's return, filled as Excel saves it and disagreeing on 2④ サーバ: what the
        // import says, and its refusal of the same form turned into another edition's.
        let filled = d.join(format!("filled-{lang}.csv"));
        let sent = std::fs::read(d.join("packet.csv")).unwrap();
        std::fs::write(&filled, excel::filled_as_excel(&sent, "2④-サーバ")).unwrap();
        let imported = run(
            d,
            lang,
            &["checklist", "import", &id, filled.to_str().unwrap()],
        );
        assert!(imported.contains("2④"), "{imported}");
        outputs.push((format!("{lang} checklist import"), imported, true));
        let other = d.join(format!("other-{lang}.csv"));
        let text = String::from_utf8(excel::filled_as_excel(&sent, "2④-サーバ")).unwrap();
        std::fs::write(&other, text.replace("令和7年度版", "令和6年度版")).unwrap();
        let refused = refused(
            d,
            lang,
            &["checklist", "import", &id, other.to_str().unwrap()],
        );
        let named = if lang == "ja" {
            "令和6年度版"
        } else {
            "FY2024 edition"
        };
        assert!(refused.contains(named), "{refused}");
        outputs.push((format!("{lang} checklist import refused"), refused, true));
        for (what, text, controls) in &outputs {
            found.extend(leaks(what, text, *controls));
        }
        // What stands in the ids' place: the numbers printed on the form, with the device.
        let all: String = outputs.iter().map(|(_, t, _)| t.as_str()).collect();
        let device = if lang == "ja" {
            "2④ サーバ"
        } else {
            "2④ Server"
        };
        assert!(all.contains(device) || all.contains("2④-サーバ"), "{all}");
        assert!(all.contains("1(1)") && all.contains("2⑦"), "{all}");
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// A copy a year on — its carried listing, its check, what changed since last year, the chart —
/// names questions, items and places as a person reads them too.
#[test]
fn no_internal_id_in_what_a_copy_lists_to_confirm() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let id = realistic(d);
    let copy = run(d, "ja", &["copy", &id]).trim().to_string();
    let copy = copy
        .split_whitespace()
        .find(|w| w.len() == 8 && w.as_bytes()[4] == b'-')
        .unwrap_or(&copy)
        .to_string();
    // A year's changes for diff to show: an answer, its note, a checklist item, a contact.
    run(
        d,
        "ja",
        &["answer", &copy, "bcp", "yes", "--note", "策定済み"],
    );
    run(d, "ja", &["answer", &copy, "backup_offline", "yes"]);
    run(d, "ja", &["checklist", "answer", &copy, "2⑦", "yes"]);
    run(
        d,
        "ja",
        &["contacts", &copy, "set", "院長", "--phone", "03-0000-0001"],
    );
    let mut found = Vec::new();
    for lang in ["ja", "en"] {
        for args in [
            vec!["confirm", &copy],
            vec!["check", &copy],
            vec!["diff", &copy],
            vec!["list"],
            vec!["show", &copy],
            vec!["checklist", "show", &copy],
            vec!["contacts", &copy],
        ] {
            let text = run(d, lang, &args);
            found.extend(leaks(&format!("{lang} {}", args.join(" ")), &text, true));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Every screen of the terminal UI over the same record, in both languages.
#[test]
fn no_internal_id_on_any_screen() {
    // The record is made once by the command line and copied into each screen's store.
    let made = tempfile::tempdir().unwrap();
    realistic(made.path());
    let mut found = Vec::new();
    for lang in [Lang::Ja, Lang::En] {
        let screens: Vec<(&str, Vec<KeyCode>)> = vec![
            ("home", vec![]),
            ("interview", vec![KeyCode::Enter]),
            ("overview", vec![KeyCode::Char('o')]),
            ("overview steps", vec![KeyCode::Char('o'), KeyCode::Tab]),
            ("position", vec![KeyCode::Char('p')]),
            ("budget", vec![KeyCode::Char('o'), KeyCode::Char('b')]),
            ("matrix", vec![KeyCode::Char('o'), KeyCode::Char('m')]),
            ("checklist", vec![KeyCode::Char('o'), KeyCode::Char('c')]),
            (
                "checklist readiness",
                vec![KeyCode::Char('o'), KeyCode::Char('c'), KeyCode::Char('r')],
            ),
            (
                "checklist vendors",
                vec![KeyCode::Char('o'), KeyCode::Char('c'), KeyCode::Char('v')],
            ),
            ("contacts", vec![KeyCode::Char('o'), KeyCode::Char('t')]),
            ("history", vec![KeyCode::Char('o'), KeyCode::Char('h')]),
            ("help", vec![KeyCode::Char('o'), KeyCode::Char('?')]),
        ];
        for (name, keys) in screens {
            let mut ui = Ui::new(lang, 100, 40, |store| {
                for f in std::fs::read_dir(made.path()).unwrap() {
                    let f = f.unwrap();
                    if f.path().extension().is_some_and(|e| e == "json") {
                        std::fs::copy(f.path(), store.dir().join(f.file_name())).unwrap();
                    }
                }
            });
            for k in keys {
                ui.press(k);
            }
            let mut text = ui.screen();
            // Down the list of the screen: the detail of each row is drawn as it is reached.
            for _ in 0..30 {
                ui.press(KeyCode::Down);
                text.push_str(&ui.screen());
            }
            assert!(
                text.contains("さくら記念病院") || name == "help",
                "{name}: {text}"
            );
            found.extend(leaks(&format!("{lang:?} {name}"), &text, true));
        }
    }
    found.dedup();
    assert!(found.is_empty(), "{}", found.join("\n"));
}
