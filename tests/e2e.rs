//! shindan in a real pseudo-terminal: a whole interview with keys only, a dropped connection
//! in the middle of a note, the terminal given back however the session ends, and the
//! walk-through answering every control still unknown, left halfway and resumed.

mod complete;
#[path = "support/excel.rs"]
mod excel;
mod support;

use shindan::domain::{Questionnaire, Value};
use shindan::store::Store;
use support::{Pty, DOWN, ENTER, ESC};

fn only_record(data: &std::path::Path) -> shindan::domain::Record {
    let listing = Store::open(data).unwrap().list().unwrap();
    assert_eq!(listing.records.len(), 1, "{:?}", listing.damaged);
    listing.records.into_iter().next().unwrap()
}

#[test]
fn a_whole_interview_with_keys_only_survives_quit_and_reopen() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let mut t = Pty::shindan(&data, &[], &[], 80, 24);
    t.wait_for("記録はまだありません");
    t.keys(&["n"]);
    t.wait_for("新しい記録");
    t.send("みなと総合病院");
    t.keys(&[ENTER, "350", ENTER]);
    // No founder is preselected: ↓ six times from none is 医療法人.
    for _ in 0..6 {
        t.keys(&[DOWN]);
    }
    t.keys(&[ENTER]);
    t.wait_for("問 4/22");
    // associations: tick 1 and 3, confirm; revenue (optional): skip with an empty Enter.
    t.keys(&["1", "3", ENTER]);
    t.wait_for("問 5/22");
    t.keys(&[ENTER]);
    t.wait_for("問 6/22");
    let answers: &[&[&str]] = &[
        &["1"],                       // threat: yes
        &["1"],                       // vpn_flagged: yes
        &["2"],                       // vpn_patched: no
        &["2", "6", ENTER],           // reasons: no budget, vendor pending
        &["1"],                       // backup: yes
        &["2"],                       // offline: no
        &["1"],                       // offsite: yes
        &["3", ENTER],                // staff_total
        &["2", ENTER],                // staff_fulltime
        &["3"],                       // audit: never
        &["1"],                       // budget bracket: under ¥5M
        &["4", "5", "0", "0", ENTER], // exact budget
        &["2"],                       // sufficiency: not enough
        &["2"],                       // insurance: no
        &["2"],                       // closed network: conditional
        &["1"],                       // incident response: yes
        &["2"],                       // bcp: no
    ];
    for keys in answers {
        t.keys(keys);
    }
    t.wait_for("すべての質問に回答しました");
    t.keys(&["q"]);
    assert!(t.wait_exit().success());

    let r = only_record(&data);
    let qn = Questionnaire::embedded();
    assert!(
        qn.progress(&r).is_complete(),
        "{:?}",
        qn.first_unanswered(&r).map(|q| &q.id)
    );
    let expect: &[(&str, Value)] = &[
        ("hospital_name", Value::Text("みなと総合病院".into())),
        ("beds", Value::Number(350)),
        ("founder", Value::Text("medical_corporation".into())),
        (
            "associations",
            Value::Choices(vec!["jha".into(), "jmha".into()]),
        ),
        (
            "vpn_unpatched_reasons",
            Value::Choices(vec!["no_budget".into(), "vendor_pending".into()]),
        ),
        ("staff_total", Value::Number(3)),
        ("staff_fulltime", Value::Number(2)),
        ("audit", Value::Text("never".into())),
        ("budget_amount", Value::Number(4500)),
        ("closed_network_belief", Value::Text("conditional".into())),
        ("bcp", Value::Text("no".into())),
    ];
    for (q, v) in expect {
        assert_eq!(r.value(q), Some(v), "{q}");
    }
    assert_eq!(r.value("revenue"), None);

    // Reopened, the record says it is complete, and nothing is lost.
    let mut t = Pty::shindan(&data, &[], &[], 80, 24);
    t.wait_for("100%");
    t.keys(&["q"]);
    assert!(t.wait_exit().success());
    assert_eq!(only_record(&data).answers, r.answers);
}

/// The co-operative of tests/support, its profile answered: it opens at the threat question.
fn record_at_threat(data: &std::path::Path) {
    support::co_operative(data, 2026, chrono::Utc::now(), |_| {});
}

/// shindan in a pseudo-terminal with the note editor open on the threat question.
fn threat_note_open(data: &std::path::Path) -> Pty {
    let mut t = Pty::shindan(data, &[], &[], 80, 24);
    t.wait_for("みなと総合病院");
    t.keys(&[ENTER]);
    t.wait_for("問 6/22");
    t.keys(&["n"]);
    t.wait_for("メモ（Esc/Ctrl-S で保存）");
    t
}

#[test]
fn a_dropped_connection_keeps_the_half_typed_note_and_releases_the_lock() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    record_at_threat(&data);
    let mut t = threat_note_open(&data);
    t.send("院長は報道で危機感");
    t.wait_for("院長は報道で危機感");
    t.hang_up();
    let status = t.wait_exit();
    assert!(!status.success(), "ended by the hang-up");

    let r = only_record(&data);
    assert_eq!(
        r.draft("threat").and_then(|d| d.note.as_deref()),
        Some("院長は報道で危機感")
    );
    assert!(
        Store::open(&data).unwrap().lock(&r.id).is_ok(),
        "the lock was released"
    );

    // Restarted, the note editor comes back with what was typed.
    let mut t = Pty::shindan(&data, &[], &[], 80, 24);
    t.wait_for("みなと総合病院");
    t.keys(&[ENTER]);
    t.wait_for("院長は報道で危機感");
    t.send("。");
    t.keys(&[ESC]);
    t.wait_for("メモを保存しました");
    t.keys(&["q"]);
    assert!(t.wait_exit().success());
    let r = only_record(&data);
    assert_eq!(r.note("threat"), Some("院長は報道で危機感。"));
    assert!(r.draft("threat").is_none());
}

/// Bytes that give the terminal back: leave the alternate screen, show the cursor.
fn restored(bytes: &[u8]) -> bool {
    let s = String::from_utf8_lossy(bytes);
    let tail = &s[s.rfind("\x1b[?1049h").unwrap_or(0)..];
    tail.contains("\x1b[?1049l") && tail.contains("\x1b[?25h")
}

/// A bug in a screen (a panic, injected with F12 in a debug build) ends the session with the
/// terminal restored, the panic's message readable after it, and what was typed saved.
#[test]
fn a_panic_restores_the_terminal_and_keeps_what_was_typed() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    record_at_threat(&data);
    let mut t = Pty::shindan(&data, &[], &[("SHINDAN_TEST_PANIC", "1")], 80, 24);
    t.wait_for("みなと総合病院");
    t.keys(&[ENTER]);
    t.wait_for("問 6/22");
    t.keys(&["n"]);
    t.wait_for("メモ（Esc/Ctrl-S で保存）");
    t.send("途中まで");
    t.wait_for("途中まで");
    t.send("\x1b[24~"); // F12
    let status = t.wait_exit();
    assert_eq!(status.code(), Some(101));
    let out = t.bytes();
    assert!(restored(&out), "the terminal was given back");
    let after = String::from_utf8_lossy(&out);
    let tail = &after[after.rfind("\x1b[?1049l").unwrap()..];
    assert!(
        tail.contains("panic injected by SHINDAN_TEST_PANIC"),
        "the message is printed after the screen is left: {tail:?}"
    );
    let r = only_record(&data);
    assert_eq!(
        r.draft("threat").and_then(|d| d.note.as_deref()),
        Some("途中まで")
    );
    assert!(Store::open(&data).unwrap().lock(&r.id).is_ok());
}

#[test]
fn sigterm_and_ctrl_c_save_the_draft_and_restore_the_terminal() {
    for (how, expect_success) in [("sigterm", false), ("ctrl-c", true), ("q", true)] {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        record_at_threat(&data);
        let mut t = Pty::shindan(&data, &["--lang", "en"], &[], 80, 24);
        t.wait_for("みなと総合病院");
        t.keys(&[ENTER]);
        t.wait_for("Q 6/22");
        t.keys(&["3", DOWN]); // threat: don't know → vpn_flagged
        t.keys(&["1", "2"]); // flagged yes, patched no
        t.keys(&[ESC]);
        t.wait_for("shindan — records");
        t.keys(&[ENTER]);
        t.wait_for("Q 9/22");
        // To staff_total, a number: the backup follow-ups wait on `backup` and are passed over.
        t.keys(&["\t", "\t"]);
        t.wait_for("Q 13/22");
        t.send("12");
        t.wait_for("[12");
        match how {
            "sigterm" => t.kill_with(libc::SIGTERM),
            "ctrl-c" => t.send("\x03"),
            _ => t.send("q"), // a letter in a number field is a command: quit
        }
        let status = t.wait_exit();
        assert_eq!(status.success(), expect_success, "{how}");
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(restored(&t.bytes()), "{how}: terminal not restored");
        let r = only_record(&data);
        assert_eq!(
            r.draft("staff_total").and_then(|d| d.value.as_deref()),
            Some("12"),
            "{how}"
        );
        assert_eq!(r.resume_at.as_deref(), Some("staff_total"), "{how}");
        assert_eq!(r.choice("vpn_patched"), Some("no"));
    }
}

/// A long paste into a note (bracketed, as terminals send it) arrives whole and at once, and
/// survives a hang-up right after it: nothing waits behind unread input.
#[test]
fn a_long_paste_is_in_the_note_at_once_and_survives_a_hang_up() {
    paste_into_a_note(|text| format!("\x1b[200~{text}\x1b[201~"));
}

/// The same paste from a terminal that does not bracket pastes: a key per character (the line
/// breaks as CR, as terminals send them), read all at once and put in as one edit.
#[test]
fn a_long_paste_from_a_terminal_without_paste_brackets_is_in_the_note_at_once() {
    paste_into_a_note(|text| text.replace('\n', "\r"));
}

/// Pastes 100,000 characters as `sent` makes them into the threat question's note, checks that
/// all of it reaches the screen with no further key (a reader that stops after 1,024 bytes until
/// the next key never shows the end), hangs up, and finds all of it in the record. How long it
/// takes is measured by `cargo bench --bench terminal`, not here: a timed assertion fails on a
/// loaded machine.
fn paste_into_a_note(sent: impl Fn(&str) -> String) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    record_at_threat(&data);
    let mut t = threat_note_open(&data);
    let body: String = (0..100_000)
        .map(|i| match i % 50 {
            49 => '\n',
            k => (b'a' + (k % 26) as u8) as char,
        })
        .collect();
    let pasted = format!("{body}END");
    // The paste fills the pty's buffer: it is written from a thread while shindan reads it.
    let writer = {
        let mut w = t.writer();
        let msg = sent(&pasted);
        std::thread::spawn(move || {
            use std::io::Write;
            w.write_all(msg.as_bytes()).unwrap();
        })
    };
    writer.join().unwrap();
    t.wait_for("END");
    t.hang_up();
    t.wait_exit();
    let r = only_record(&data);
    let note = r
        .draft("threat")
        .and_then(|d| d.note.clone())
        .unwrap_or_default();
    assert_eq!(note.chars().count(), pasted.chars().count());
    assert_eq!(note, pasted);
}

/// Issue 23 end to end: a record with a complete interview and checklist starts the
/// walk-through with fewer unknown controls than the 75 a full interview alone left; `1` on
/// each, with a quit and a restart halfway, leaves `shindan control ID --json` with none unknown.
#[test]
fn the_walk_through_answers_every_unknown_control_across_a_restart() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = Store::open(&data).unwrap();
    let now = chrono::Utc::now();
    let r = store
        .create(2026, |id| complete::complete(id, now.date_naive(), now))
        .unwrap();
    let open_walk = |t: &mut Pty| {
        t.wait_for("さくら記念病院");
        t.keys(&[ENTER]);
        t.wait_for("総合");
        t.keys(&["m"]);
        t.wait_for("リスクマトリックス");
        t.keys(&["w"]);
        t.wait_for("ウォークスルー");
    };
    // How many the walk asks, as its progress line says: 未判明の対策 1/N.
    let asked = |t: &Pty| -> usize {
        let screen = t.screen();
        let line = screen
            .lines()
            .find(|l| l.contains("未判明の対策 "))
            .unwrap_or_else(|| panic!("no progress line:\n{screen}"));
        let of = line.split('/').nth(1).unwrap();
        of.split_whitespace().next().unwrap().parse().unwrap()
    };
    let mut t = Pty::shindan(&data, &[], &[], 80, 24);
    open_walk(&mut t);
    let len = asked(&t);
    assert!(len < 75, "{len} unknown controls to start with");
    let first = 20.min(len);
    for _ in 0..first {
        t.keys(&["1"]);
    }
    t.wait_for(&format!("未判明の対策 {}/{len}", first + 1));
    t.keys(&["q"]);
    assert!(t.wait_exit().success());

    // Reopened, the walk starts where it was left, with only what is still unknown.
    let mut t = Pty::shindan(&data, &[], &[], 80, 24);
    open_walk(&mut t);
    assert_eq!(asked(&t), len - first, "{}", t.screen());
    for _ in first..len {
        t.keys(&["1"]);
    }
    t.wait_for("この一巡の対策にすべて答えました");
    t.wait_for("判明 83/83");
    t.keys(&["q"]);
    assert!(t.wait_exit().success());

    let out = assert_cmd::Command::cargo_bin("shindan")
        .unwrap()
        .arg("--data-dir")
        .arg(&data)
        .args(["control", &r.id.to_string(), "--json"])
        .env_remove("SHINDAN_LANG")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let controls = j["controls"].as_array().unwrap();
    assert_eq!(controls.len(), 83);
    let unknown = controls.iter().filter(|c| c["status"] == "unknown").count();
    assert_eq!(unknown, 0);
    assert_eq!(j["coverage"]["unknown"], 0);
    let by_user = controls
        .iter()
        .filter(|c| c["source"]["kind"] == "user")
        .count();
    assert_eq!(by_user, len, "the walk's answers are the user's");
}

/// Next year in a real terminal: `c` copies to the next 年度, the copy opens at 0% with its
/// answers carried, F3 confirms the first section from inside the name's field, and the
/// progress counts it (on screen and in the saved record).
#[test]
fn copy_then_confirm_a_section_then_progress() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    record_at_threat(&data);
    let mut t = Pty::shindan(&data, &[], &[], 100, 30);
    t.copy_to_next_year();
    t.wait_for("F3 節をすべて確認");
    t.send("\x1bOR");
    t.wait_for("そのまま確認しました");
    t.wait_for("✓4/4");
    t.send("\x03");
    assert!(t.wait_exit().success());
    let store = Store::open(&data).unwrap();
    let listing = store.list().unwrap();
    assert_eq!(listing.records.len(), 2);
    let copy = listing
        .records
        .iter()
        .max_by_key(|r| r.id.to_string())
        .unwrap();
    let qn = Questionnaire::embedded();
    let basics = qn.section_progress(&qn.sections[0], copy);
    assert_eq!((basics.answered, basics.carried), (4, 0));
    assert!(qn.progress(copy).answered >= 4);
}

/// The vendor hand-off from the terminal alone: the hospital answers 2①, adds a vendor, writes
/// its form from the vendors panel (the default path under exports/), the vendor fills the CSV
/// in Excel (BOM, CRLF, はい, 2027/3/31) and disagrees on 2①, and the import from the same
/// screen — which holds the record's lock — shows the conflict in the form's words.
#[test]
fn a_vendor_form_goes_out_and_comes_back_from_the_checklist_screen() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    record_at_threat(&data);
    let mut t = Pty::shindan(&data, &[], &[], 100, 30);
    t.wait_for("みなと総合病院");
    t.keys(&[ENTER]);
    t.wait_for("問 6/22");
    t.keys(&["\x1bc"]);
    t.wait_for("厚労省チェックリスト");
    t.keys(&[DOWN, DOWN, DOWN, "y", ENTER]);
    t.wait_for("2① はい");
    t.keys(&["v", "a"]);
    t.send("ベンダーA");
    t.keys(&[ENTER]);
    t.send("PACS");
    t.keys(&[ENTER]);
    t.wait_for("を追加しました");
    t.keys(&["w"]);
    t.wait_for("事業者確認用を書き出す");
    t.keys(&[ENTER]);
    t.wait_for("書き出しました");
    let exports = data.join("exports");
    let sent = std::fs::read_dir(&exports)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "csv"))
        .expect("the form is under exports/");
    let back = tmp.path().join("back.csv");
    let bytes = std::fs::read(&sent).unwrap();
    std::fs::write(&back, excel::filled_as_excel(&bytes, "2①")).unwrap();
    t.keys(&["r"]);
    t.wait_for("返却された事業者確認用を取り込む");
    t.send(&"\x7f".repeat(120));
    t.send(&back.display().to_string());
    t.keys(&[ENTER]);
    t.wait_for("2①：医療機関 はい / 事業者 いいえ");
    t.keys(&[ESC, "q"]);
    assert!(t.wait_exit().success());
    let r = only_record(&data);
    let v = r
        .vendors
        .iter()
        .find(|v| v.is("ベンダーA", "PACS"))
        .unwrap();
    assert!(
        v.returned("mhlw-r7").is_some(),
        "the vendor's answers are saved"
    );
}
