//! What is missing reads alone wherever it is listed: each entry carries its printed number, its
//! device (2④ サーバ and 2④ 端末PC apart) and its section's name — on the checklist screen's
//! readiness panel, in `check`, in `checklist show`, in the hospital's form (HTML, Markdown) and
//! in the report's readiness part.

mod cli_run;
mod ui;

use crossterm::event::KeyCode;
use shindan::domain::Lang;
use std::path::Path;
use ui::Ui;

/// A record with the gate answered and 1(1) done: section 2's items are missing, 2④ for
/// servers and for client PCs among them.
fn record(dir: &Path) -> String {
    let id = cli_run::hospital(dir, "さくら記念病院");
    cli_run::ok(dir, &["checklist", "answer", &id, "前提", "yes"]);
    cli_run::ok(dir, &["checklist", "answer", &id, "1(1)", "yes"]);
    id
}

/// Whitespace aside: a line may wrap inside an entry.
fn flat(s: &str) -> String {
    s.split_whitespace().collect()
}

fn entries(lang: &str) -> [String; 2] {
    match lang {
        "ja" => [
            "2④ サーバ（医療情報システムの管理・運用）".into(),
            "2④ 端末PC（医療情報システムの管理・運用）".into(),
        ],
        _ => [
            "2④ Servers (Managing and running the medical information systems)".into(),
            "2④ Client PCs (Managing and running the medical information systems)".into(),
        ],
    }
}

fn first(lang: &str) -> String {
    match lang {
        "ja" => "2①（医療情報システムの管理・運用）".into(),
        _ => "2① (Managing and running the medical information systems)".into(),
    }
}

#[test]
fn every_command_output_lists_the_missing_with_device_and_section() {
    let tmp = tempfile::tempdir().unwrap();
    let (d, langs) = (tmp.path(), ["ja", "en"]);
    let id = record(d);
    for lang in langs {
        for args in [
            vec!["check", &id],
            vec!["checklist", "show", &id],
            vec!["checklist", "form", &id, "--format", "html"],
            vec!["checklist", "form", &id, "--format", "md"],
        ] {
            let mut all = vec!["--lang", lang];
            all.extend(&args);
            let out = flat(&cli_run::ok(d, &all));
            // `check` lists the first few: 2① among them.
            let listed = if args[0] == "check" {
                vec![first(lang)]
            } else {
                entries(lang).to_vec()
            };
            for e in listed {
                assert!(out.contains(&flat(&e)), "{lang} {args:?} lacks {e}:\n{out}");
            }
        }
        // The report's table gives the section a column of its own.
        let md = cli_run::ok(d, &["--lang", lang, "export", &id, "--format", "md"]);
        let (section, number) = match lang {
            "ja" => ("医療情報システムの管理・運用", "2④ サーバ"),
            _ => (
                "Managing and running the medical information systems",
                "2④ Servers",
            ),
        };
        assert!(
            md.lines()
                .any(|l| l.contains(&format!("| {number} | {section} |"))),
            "{lang}: {md}"
        );
        // Page 1 names the first few with their sections too, each section once for its items.
        let label = if lang == "ja" {
            "**未完了の項目**"
        } else {
            "**Items missing**"
        };
        let page1 = md.lines().find(|l| l.contains(label)).unwrap_or_default();
        assert!(page1.contains("2①"), "{lang}: {page1}");
        assert_eq!(page1.matches(section).count(), 1, "{lang}: {page1}");
    }
}

#[test]
fn the_readiness_panel_lists_the_missing_with_device_and_section() {
    let made = tempfile::tempdir().unwrap();
    record(made.path());
    for lang in [Lang::Ja, Lang::En] {
        let mut ui = Ui::new(lang, 120, 40, |store| {
            for f in std::fs::read_dir(made.path()).unwrap() {
                let f = f.unwrap();
                if f.path().extension().is_some_and(|e| e == "json") {
                    std::fs::copy(f.path(), store.dir().join(f.file_name())).unwrap();
                }
            }
        });
        for k in [KeyCode::Char('o'), KeyCode::Char('c'), KeyCode::Char('r')] {
            ui.press(k);
        }
        let screen = ui.screen();
        // The panel cuts a long entry: its head — number, device, state, section — shows.
        let heads = match lang {
            Lang::Ja => [
                "・2④ サーバ 未回答（医療情報システムの管理・運用）",
                "・2④ 端末PC 未回答（医療情報システムの管理・運用）",
            ],
            Lang::En => [
                "・2④ Servers unanswered (Managing and running",
                "・2④ Client PCs unanswered (Managing and running",
            ],
        };
        for head in heads {
            assert!(screen.contains(head), "{lang:?} lacks {head}:\n{screen}");
        }
    }
}
