//! Faults shindan must survive: any keys at any terminal size, any bytes in any file it reads,
//! and no network at all. (Torn writes under SIGKILL are in tests/store.rs, a dropped
//! connection in tests/e2e.rs.)

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shindan::domain::checklist::{ChecklistView, Editions};
use shindan::domain::position::Position;
use shindan::domain::survey::Survey;
use shindan::domain::validate::{answer_from_input, check_record};
use shindan::domain::{Lang, Questionnaire, Record};
use shindan::store::{parse_record, Store};
use shindan::tui::app::App;
use shindan::tui::events::Event;
use shindan::tui::theme::Theme;
use std::fs;

fn seeded_store(dir: &std::path::Path) -> Store {
    let store = Store::open(dir).unwrap();
    for (name, beds) in [("聖マリア記念病院", "350"), ("みなと病院", "45")] {
        store
            .create(2026, |id| {
                let now = chrono::Utc::now();
                let mut r = Record::new(id, now.date_naive(), now);
                for (q, v) in [("hospital_name", name), ("beds", beds), ("founder", "coop")] {
                    answer_from_input(Questionnaire::embedded(), &mut r, q, v, now).unwrap();
                }
                r
            })
            .unwrap();
    }
    store
}

#[derive(Debug, Clone)]
enum Step {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Resize(u16, u16),
}

fn step() -> impl Strategy<Value = Step> {
    let code = prop_oneof![
        proptest::char::range(' ', '~').prop_map(KeyCode::Char),
        proptest::sample::select(vec!['あ', '病', '３', '、', '€']).prop_map(KeyCode::Char),
        proptest::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::F(1),
        ]),
    ];
    let mods = proptest::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    ]);
    prop_oneof![
        20 => (code, mods).prop_map(|(c, m)| Step::Key(c, m)),
        1 => "[a-z0-9あ-ん\n]{0,12}".prop_map(Step::Paste),
        2 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

/// Random keys reach the export prompts, where a random relative name is written where
/// shindan was started, as a user's would be: start this binary's screens in a scratch folder,
/// not in the checkout (a report named 「uぶb`*」 once landed in the crate's root).
fn in_scratch_folder() {
    static SCRATCH: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let dir = SCRATCH.get_or_init(|| tempfile::tempdir().unwrap());
    std::env::set_current_dir(dir.path()).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Random keys, pastes and sizes from 1×1 to 300×100: no panic, and every record on disk
    /// still reads and passes the questionnaire's rules.
    #[test]
    fn any_keys_at_any_size(steps in proptest::collection::vec(step(), 1..120), lang in prop_oneof![Just(Lang::Ja), Just(Lang::En)]) {
        in_scratch_folder();
        let dir = tempfile::tempdir().unwrap();
        let store = seeded_store(dir.path());
        let mut app = App::new(lang, Theme::from_env(), store.clone());
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        for s in steps {
            match s {
                Step::Key(KeyCode::Char('c'), m) if m.contains(KeyModifiers::CONTROL) => continue,
                Step::Key(c, m) => { app.handle(Event::Key(KeyEvent::new(c, m))); }
                Step::Paste(p) => { app.handle(Event::Paste(p)); }
                Step::Resize(w, h) => term = Terminal::new(TestBackend::new(w, h)).unwrap(),
            }
            if app.should_quit() {
                break;
            }
            term.draw(|f| app.render(f)).unwrap();
        }
        app.shutdown();
        let listing = store.list().unwrap();
        prop_assert!(listing.damaged.is_empty(), "{:?}", listing.damaged);
        for r in &listing.records {
            let problems = check_record(Questionnaire::embedded(), r);
            prop_assert!(problems.is_empty(), "{:?}", problems);
        }
    }

    /// Arbitrary bytes to every loader: an error with a message, never a panic.
    #[test]
    fn any_bytes_to_every_loader(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(d) = parse_record(&bytes) {
            prop_assert!(!d.message(Lang::Ja).is_empty());
        }
        let _ = shindan::domain::vendor_file::read(&bytes);
        let _ = Editions::shipped().clone().add(&text);
        let _ = Survey::parse(&text, Questionnaire::embedded());
        let _ = Questionnaire::parse(&text);
        // An aggregate given with --survey: refused with the field at fault, or read.
        if let Err(e) = shindan::domain::survey::from_aggregate::from_aggregate(&text, Questionnaire::embedded()) {
            prop_assert!(!e.message(Lang::En).is_empty());
        }
        // A JSONL bundle for import and aggregate: every line a record or a damage with its reason.
        let dir = tempfile::tempdir().unwrap();
        let bundle = dir.path().join("b.jsonl");
        fs::write(&bundle, &bytes).unwrap();
        for item in shindan::store::bundle::records(vec![bundle.clone()]) {
            if let Err((_, damage)) = item {
                prop_assert!(!damage.message(Lang::Ja).is_empty());
            }
        }
        prop_assert_eq!(fs::read(&bundle).unwrap(), bytes, "read, never written");
    }

    /// A valid record with bytes flipped, cut or inserted: loaders refuse it or read it, and
    /// whatever they read, every part of shindan can show without panicking. The file itself
    /// is never modified by reading, listing or trying to open it.
    #[test]
    fn mutated_records(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6)) {
        let dir = tempfile::tempdir().unwrap();
        let store = seeded_store(dir.path());
        let path = store.dir().join("2026-001.json");
        let mut bytes = fs::read(&path).unwrap();
        for (at, b, how) in edits {
            let i = at.index(bytes.len().max(1));
            match how {
                0 if i < bytes.len() => bytes[i] = b,
                1 => bytes.truncate(i),
                _ => bytes.insert(i.min(bytes.len()), b),
            }
        }
        fs::write(&path, &bytes).unwrap();
        let listing = store.list().unwrap();
        let _ = store.load(&"2026-001".parse().unwrap());
        let mut app = App::new(Lang::Ja, Theme::from_env(), store.clone());
        app.handle(Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        term.draw(|f| app.render(f)).unwrap();
        app.shutdown();
        if let Some(r) = listing.records.iter().find(|r| r.id.to_string() == "2026-001") {
            let qn = Questionnaire::embedded();
            let _ = check_record(qn, r);
            let _ = Position::of(r, qn, Survey::embedded());
            let eds = Editions::shipped();
            if let Some(ed) = eds.get("mhlw-r7") {
                let _ = ChecklistView::build(eds, ed, r, qn, &shindan::domain::Clock::utc(chrono::Utc::now()), &shindan::store::evidence::state);
            }
        } else {
            // Unreadable: listed as damaged and left exactly as it was.
            prop_assert_eq!(fs::read(&path).unwrap(), bytes);
        }
    }
}

/// shindan opens no network socket: the whole CLI surface and the TUI, run under strace, make
/// no socket, connect, bind, listen or accept call and touch no AF_INET/AF_INET6 address. The
/// one kind of socket they do use is a local `socketpair(AF_UNIX)`: signal-hook and crossterm
/// wake the event loop through one. strace is Linux's: .ci/run installs it and sets `CI`, where
/// its absence fails; elsewhere (macOS, a Linux without it) the test says it is skipped.
#[test]
fn no_network() {
    let have_strace = std::process::Command::new("strace")
        .arg("-V")
        .output()
        .is_ok();
    if !have_strace {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must trace the network calls: install strace (.ci/run does)"
        );
        eprintln!("skipped: strace is not installed (on Debian or Ubuntu: apt-get install strace)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let bin = env!("CARGO_BIN_EXE_shindan");
    let log = dir.path().join("trace");
    // The TUI's `q` is typed at once: the start-up probe reads it with (here, instead of) the
    // terminal's answer and hands it to the app, which quits.
    let script = format!(
        "set -e; D={data}; S={bin}; id=$($S --data-dir $D new --name 病院 --beds 120 --founder coop); \
         $S --data-dir $D answer $id threat yes; $S --data-dir $D show $id >/dev/null; \
         $S --data-dir $D list >/dev/null; $S --data-dir $D check $id >/dev/null; \
         $S --data-dir $D checklist show $id >/dev/null; $S --data-dir $D export $id > $D/x.json; \
         $S --data-dir $D aggregate $D >/dev/null; $S survey >/dev/null; \
         $S budget --beds 120 >/dev/null; $S catalog >/dev/null; \
         $S --data-dir $D vendor-brief $id >/dev/null; $S --data-dir $D control $id >/dev/null; \
         printf 'q' | script -qec \"$S --data-dir $D\" /dev/null >/dev/null || true",
        data = data.display(),
        bin = bin
    );
    let status = std::process::Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=network,execve", "-o"])
        .arg(&log)
        .args(["sh", "-c", &script])
        .status()
        .unwrap();
    assert!(status.success());
    let trace = fs::read_to_string(&log).unwrap();
    // Only shindan's own processes count (the shells and `script` around it are not shindan).
    let mut program = std::collections::HashMap::new();
    let mut calls = Vec::new();
    for line in trace.lines() {
        let pid = line.split_whitespace().next().unwrap_or("").to_string();
        if line.contains("execve(") {
            program.insert(pid.clone(), line.contains(bin));
            continue;
        }
        let ours = program.get(&pid).copied().unwrap_or(false);
        let network = [
            "socket(", "connect(", "bind(", "listen(", "accept", "AF_INET",
        ]
        .iter()
        .any(|c| line.contains(c));
        if ours && network {
            calls.push(line);
        }
    }
    assert!(calls.is_empty(), "network calls:\n{}", calls.join("\n"));
    let runs = program.values().filter(|ours| **ours).count();
    assert!(
        runs >= 10,
        "traced {runs} runs of shindan; the test traced too little"
    );
}
