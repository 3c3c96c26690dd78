//! The crate's layers point one way: the terminal UI and the command line are two front ends that
//! share `crate::edge` and never import each other.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn files_under(dir: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

#[test]
fn the_terminal_ui_imports_nothing_from_the_command_line() {
    let offenders: Vec<_> = files_under("src/tui")
        .into_iter()
        .filter(|p| {
            std::fs::read_to_string(p)
                .expect("readable")
                .contains("crate::cli")
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "src/tui imports crate::cli: {offenders:?}"
    );
}

#[test]
fn the_command_line_reaches_the_terminal_ui_only_through_run() {
    for path in files_under("src/cli") {
        let text = std::fs::read_to_string(&path).expect("readable");
        for (n, line) in text.lines().enumerate() {
            if let Some(at) = line.find("crate::tui::") {
                assert!(
                    line[at..].starts_with("crate::tui::run("),
                    "{}:{}: {line}",
                    path.display(),
                    n + 1
                );
            }
        }
    }
}

/// A file over 600 lines mixes parts; split it by part before it grows further.
#[test]
fn no_source_file_is_over_600_lines() {
    let long: Vec<_> = files_under("src")
        .into_iter()
        .filter_map(|p| {
            let lines = std::fs::read_to_string(&p)
                .expect("readable")
                .lines()
                .count();
            (lines > 600).then(|| format!("{} ({lines} lines)", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "src files over 600 lines: {long:?}");
}

/// The `use` lines of every file under `dir` that name one of `forbidden`.
fn imports_of(dir: &str, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for path in files_under(dir) {
        let text = std::fs::read_to_string(&path).expect("readable");
        for line in text.lines().filter(|l| l.trim_start().starts_with("use ")) {
            if forbidden.iter().any(|f| line.contains(f)) {
                found.push(format!("{}: {line}", path.display()));
            }
        }
    }
    found
}

/// Dependencies point one way: a record holds the contact chart's entries as plain data, and
/// `domain::contacts` and the vendor list change a record, never the other way round.
#[test]
fn the_record_imports_neither_contacts_nor_vendors() {
    let found = imports_of(
        "src/domain/record",
        &["contacts", "vendors", "crate::domain::carried"],
    );
    assert!(found.is_empty(), "{found:?}");
}

/// `shindan check` shows survey figures the way `shindan survey` does; the survey command needs
/// nothing of check's.
#[test]
fn the_survey_command_imports_nothing_from_check() {
    let found = imports_of("src/cli/survey", &["check"]);
    assert!(found.is_empty(), "{found:?}");
}
