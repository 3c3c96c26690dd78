//! A screen offers its own keys, never a command to type: no snapshot of a screen tells its
//! user to run `shindan …` (the command line's outputs name their commands; the screens not).

const COMMANDS: [&str; 14] = [
    "list",
    "show",
    "check",
    "control",
    "checklist",
    "budget",
    "confirm",
    "copy",
    "answer",
    "vendor-brief",
    "export",
    "import",
    "contacts",
    "catalog",
];

#[test]
fn no_screen_snapshot_sends_its_user_to_the_command_line() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut told = Vec::new();
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.starts_with("screens") || !name.ends_with(".snap") {
            continue;
        }
        read += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        // A command may wrap onto the next line: read the screen's rows as one text.
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for c in COMMANDS {
            if flat.contains(&format!("shindan {c}")) {
                told.push(format!("{name}: shindan {c}"));
            }
        }
    }
    assert!(read > 20, "the screens' snapshots are read ({read})");
    assert!(told.is_empty(), "{told:#?}");
}

/// The screens' own words, read in the source: no string of src/tui sends its user to type
/// `shindan …`. probe.rs is the one exception: it speaks when the screens cannot open at all
/// (no terminal), and then the command line is what is left.
#[test]
fn no_screen_source_sends_its_user_to_the_command_line() {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut all = Vec::new();
    files(&root, &mut all);
    let mut told = Vec::new();
    for path in &all {
        if path.ends_with("probe.rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            // Doc comments and comments say what the code does; strings are what is shown.
            let code = line.split("//").next().unwrap_or("");
            if !code.contains('"') {
                continue;
            }
            for c in COMMANDS {
                if code.contains(&format!("shindan {c}")) {
                    told.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        all.len() > 40,
        "the screens' sources are read ({})",
        all.len()
    );
    assert!(told.is_empty(), "{told:#?}");
}
