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

/// What differs between operating systems is behind `cfg` in `src/platform/` only, so another
/// platform is one file there: no other source names the Unix extensions or libc.
#[test]
fn only_the_platform_module_calls_unix_or_libc() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/platform");
    let mut offenders = Vec::new();
    for path in files_under("src") {
        if path.starts_with(&root) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable");
        for (n, line) in text.lines().enumerate() {
            if line.contains("std::os::unix") || line.contains("libc") {
                offenders.push(format!("{}:{}: {line}", path.display(), n + 1));
            }
        }
    }
    assert!(offenders.is_empty(), "outside src/platform: {offenders:#?}");
    let unix = std::fs::read_to_string(root.join("unix.rs")).expect("readable");
    assert!(
        unix.contains("std::os::unix") && unix.contains("libc::"),
        "src/platform/unix.rs is where the Unix calls are"
    );
}

/// The arguments of every `.pick(` call in `text`, as written (comments and all), with the line
/// the call starts on. String and char literals are skipped, so a `(` or `,` inside one counts
/// for nothing.
fn pick_calls(text: &str) -> Vec<(usize, String)> {
    let bytes = text.as_bytes();
    let mut calls = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find(".pick(") {
        let open = from + found + ".pick".len();
        let (mut depth, mut i) = (0usize, open);
        while i < bytes.len() {
            match bytes[i] {
                b'"' => {
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                }
                b'\'' if bytes.get(i + 2) == Some(&b'\'') => i += 2,
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        let line = text[..open].lines().count();
        calls.push((line, text[open + 1..i.min(bytes.len())].to_string()));
        from = open;
    }
    calls
}

/// `Lang::pick(ja, en)` takes both strings built: with `&format!(..)` on either side, both
/// languages are formatted and one is thrown away. `pick_with(|| .., || ..)` builds only the
/// chosen one.
fn calls_that_format_both(dirs: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for dir in dirs {
        for path in files_under(dir) {
            let text = std::fs::read_to_string(&path).expect("readable");
            for (line, args) in pick_calls(&text) {
                if formats(&args) {
                    found.push(format!("{}:{line}: pick({})", path.display(), args.trim()));
                }
            }
        }
    }
    found
}

/// Whether a `pick` call's arguments format a string (on either side).
fn formats(args: &str) -> bool {
    let args: String = args.split_whitespace().collect();
    ["&format!", "format!"]
        .iter()
        .any(|f| args.starts_with(f) || args.contains(&format!(",{f}")))
}

#[test]
fn pick_never_formats_both_languages() {
    let found = calls_that_format_both(&["src"]);
    assert!(found.is_empty(), "use Lang::pick_with: {found:#?}");
}

/// The scanner above sees through literals and line breaks: a check that could not fail would
/// let every such call through.
#[test]
fn the_pick_scanner_finds_a_call_that_formats_both() {
    let text = "let s = lang\n    .pick(\n        &format!(\"（{n}）\"),\n        &format!(\" ({n}, 'a')\"),\n    );";
    let calls = pick_calls(text);
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(calls[0].0, 2);
    assert!(
        calls[0]
            .1
            .trim_end()
            .ends_with("&format!(\" ({n}, 'a')\"),"),
        "{calls:?}"
    );
}

/// The first-level names a path reaches after `prefix` in `text`: `super::{a, b::c}` gives `a`
/// and `b`, `super::a::f()` gives `a`. Line comments are skipped.
fn names_after(text: &str, prefix: &str) -> Vec<String> {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && !c.is_whitespace() => {
                        names.push(ident(&group[i..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            names.push(ident(rest));
        }
    }
    names
}

/// The names a `mod.rs` re-exports from its modules (`pub use record::{Record, RecordId};`),
/// each with the module it comes from: `crate::domain::Record` is a path into `record`.
fn reexports(text: &str) -> std::collections::BTreeMap<String, String> {
    let mut names = std::collections::BTreeMap::new();
    for line in text.lines() {
        let Some(path) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, rest)) = path.trim_end_matches(';').split_once("::") else {
            continue;
        };
        for name in names_after(&format!("x::{rest}"), "x::") {
            names.insert(name, module.to_string());
        }
    }
    names
}

/// Which of `dir`'s top-level modules each one names (by `super::` from a top-level file, or
/// `crate::<root>::`, a re-exported name counting for its module), over every file of each.
fn module_edges(
    dir: &str,
    root: &str,
) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let reexported = reexports(&std::fs::read_to_string(base.join("mod.rs")).unwrap_or_default());
    let mut edges: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    for path in files_under(dir) {
        let rel = path.strip_prefix(&base).expect("under dir");
        let mut module: Vec<String> = rel
            .iter()
            .map(|c| c.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        if module.last().is_some_and(|m| m == "mod") {
            module.pop();
        }
        let Some(top) = module.first().cloned() else {
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("readable");
        let mut reached = names_after(&text, &format!("crate::{root}::"));
        // `super::` from a top-level file is the root; from deeper it stays inside `top`.
        if module.len() == 1 {
            reached.extend(names_after(&text, "super::"));
        }
        let out = edges.entry(top.clone()).or_default();
        out.extend(
            reached
                .into_iter()
                .map(|n| reexported.get(&n).cloned().unwrap_or(n))
                .filter(|n| !n.is_empty() && *n != top),
        );
    }
    edges
}

/// A circle through `from`: a path of modules back to it, if there is one.
fn circle_through(
    edges: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
    from: &str,
) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_string()]];
    let mut seen = std::collections::BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().expect("non-empty");
        for next in edges.get(last).into_iter().flatten() {
            if next == from {
                let mut done = path.clone();
                done.push(from.to_string());
                return Some(done);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

/// Every circle among `edges`' modules, each once (from its least module): a module never
/// needs, through others, what needs it.
fn circles(
    edges: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
) -> Vec<Vec<String>> {
    let mut found: Vec<Vec<String>> = Vec::new();
    for from in edges.keys() {
        if let Some(circle) = circle_through(edges, from) {
            let mut members: Vec<&String> = circle.iter().collect();
            members.sort();
            members.dedup();
            let seen = found.iter().any(|c| {
                let mut other: Vec<&String> = c.iter().collect();
                other.sort();
                other.dedup();
                other == members
            });
            if !seen {
                found.push(circle);
            }
        }
    }
    found
}

/// The domain's top-level modules point one way: the lower ones (the record and its parts, the
/// questionnaire, the survey) name nothing of those built on them (the checklist, the matrix,
/// the overview, the report), so that each can be read, tested and changed from below. A helper
/// both sides need lives in the lower one. The questionnaire holds its indicators as data and
/// evaluates them (`Questionnaire::indicator_value`); an indicator names nothing of the
/// questionnaire. The printed report's HTML takes the step labels from the domain, not from the
/// Markdown printer.
#[test]
fn no_circle_among_domain_or_printer_modules() {
    let domain = module_edges("src/domain", "domain");
    assert!(domain["questionnaire"].contains("indicator"), "{domain:#?}");
    // A name re-exported at the top (`crate::domain::Record`) counts for its module.
    assert!(domain["questionnaire"].contains("record"), "{domain:#?}");
    assert_eq!(circles(&domain), Vec::<Vec<String>>::new(), "{domain:#?}");
    let print = module_edges("src/print", "print");
    assert!(print["report"].contains("report_html"), "{print:#?}");
    assert_eq!(circles(&print), Vec::<Vec<String>>::new(), "{print:#?}");
}

/// The circle finder sees a circle through a grouped `use` and a path in code.
#[test]
fn the_circle_finder_finds_a_circle() {
    assert_eq!(
        names_after(
            "use super::{a, b::{c, d}};\nlet x = super::e::f();",
            "super::"
        ),
        ["a", "b", "e"]
    );
    let mut edges = std::collections::BTreeMap::new();
    edges.insert("a".to_string(), ["b".to_string()].into());
    edges.insert("b".to_string(), ["c".to_string()].into());
    edges.insert("c".to_string(), ["a".to_string()].into());
    assert_eq!(
        circle_through(&edges, "a"),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    assert_eq!(circles(&edges).len(), 1, "a–b–c is one circle, found once");
    edges.insert("b".to_string(), ["a".to_string(), "c".to_string()].into());
    assert!(circles(&edges).iter().any(|c| c.len() == 3), "a–b–a");
    edges.get_mut("c").expect("c").clear();
    edges.get_mut("b").expect("b").remove("a");
    assert_eq!(circle_through(&edges, "a"), None);
    assert_eq!(circles(&edges), Vec::<Vec<String>>::new());
    let found =
        reexports("pub use answer::Value;\npub use record::{Record, RecordId};\npub mod x;");
    assert_eq!(found["Value"], "answer");
    assert_eq!(found["RecordId"], "record");
    assert_eq!(found.len(), 3);
}

/// The `static` items of `text` whose type names `ty` (as a whole word), with their line
/// numbers: `static S: OnceLock<Survey>` and `static mut M: Option<Survey>` name it,
/// `static S: &[&'static str]` and a `&'static Survey` returned do not.
fn statics_holding(text: &str, ty: &str) -> Vec<(usize, String)> {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default().trim_start();
        let code = code.strip_prefix("pub ").unwrap_or(code);
        let Some(item) = code.strip_prefix("static ") else {
            continue;
        };
        let item = item.strip_prefix("mut ").unwrap_or(item);
        let Some((_, typ)) = item.split_once(':') else {
            continue;
        };
        let typ = typ.split('=').next().unwrap_or_default();
        let names = typ
            .match_indices(ty)
            .any(|(at, _)| !typ[..at].ends_with(word) && !typ[at + ty.len()..].starts_with(word));
        if names {
            found.push((n + 1, line.trim().to_string()));
        }
    }
    found
}

/// The survey a run compares with is handed to what compares (the command line's `Ctx`, the
/// terminal UI's `App` and `Env`), not kept in a process-wide static: the only static that
/// holds a survey is the shipped one's parse cache, the same in every run.
#[test]
fn no_static_holds_a_chosen_survey() {
    let mut found = Vec::new();
    for path in files_under("src") {
        let text = std::fs::read_to_string(&path).expect("readable");
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in statics_holding(&text, "Survey") {
            let cache = path.ends_with("src/domain/survey/mod.rs")
                && lines[n - 2].contains("pub fn embedded() -> &'static Survey {");
            if !cache {
                found.push(format!("{}:{n}: {line}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
    let sample = "static B: OnceLock<Survey> = OnceLock::new();\n\
                  pub static mut C: Option<Survey> = None;\n\
                  static D: OnceLock<SurveyFile> = OnceLock::new();\n\
                  fn f() -> &'static Survey {\n\
                  static KEYS: &[&str] = &[]; // Survey\n";
    let lines: Vec<usize> = statics_holding(sample, "Survey")
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(lines, [1, 2]);
}

/// The test and bench fixtures (`tests/synth`) are not part of the library: the tests, the
/// benches and the example include them by path, and no module of `src` is named for them.
#[test]
fn the_synthetic_fixtures_are_no_module_of_the_library() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"))
        .expect("readable");
    assert!(!lib.contains("synth"), "src/lib.rs names synth");
    let named: Vec<_> = files_under("src")
        .into_iter()
        .filter(|p| p.iter().any(|c| c.to_string_lossy().starts_with("synth")))
        .collect();
    assert!(named.is_empty(), "{named:?}");
    let mut modules = Vec::new();
    for path in files_under("src") {
        let text = std::fs::read_to_string(&path).expect("readable");
        if text.lines().any(|l| {
            l.trim_start()
                .trim_start_matches("pub ")
                .starts_with("mod synth")
        }) {
            modules.push(path.display().to_string());
        }
    }
    assert!(modules.is_empty(), "{modules:?}");
    let bench =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/aggregate.rs"))
            .expect("readable");
    assert!(bench.contains("#[path = \"../tests/synth/mod.rs\"]"));
}

/// The domain is plain Rust: it names no terminal, no file, no process, no clock of the system
/// and no front end, so that the command line and the screens are two views of one model and
/// every rule can be tested without either. (Its `OnceLock`s are parse caches of the embedded
/// assets, the same in every run; `no_static_holds_a_chosen_survey` keeps a chosen survey out.)
#[test]
fn the_domain_names_no_terminal_file_process_or_front_end() {
    let forbidden = [
        "std::fs",
        "std::io::stdin",
        "std::io::stdout",
        "std::io::stderr",
        "std::env",
        "std::process",
        "std::net",
        "std::thread",
        "SystemTime",
        "Utc::now",
        "Local::now",
        "crossterm",
        "ratatui",
        "tui_textarea",
        "directories",
        "crate::store",
        "crate::tui",
        "crate::cli",
        "crate::print",
        "crate::edge",
        "crate::platform",
        "println!",
        "eprintln!",
    ];
    let mut found = Vec::new();
    for path in files_under("src/domain") {
        let text = std::fs::read_to_string(&path).expect("readable");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if let Some(f) = forbidden.iter().find(|f| code.contains(**f)) {
                found.push(format!(
                    "{}:{}: {f}: {}",
                    path.display(),
                    n + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
