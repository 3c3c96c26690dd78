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
