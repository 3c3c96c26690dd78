//! The command line as a script uses it: every command, its output, and each kind of bad input
//! with its exit code (2 for input to correct, 1 for data that needs attention).

use predicates::prelude::*;
use std::fs;
use std::path::Path;

mod cli_run;
use cli_run::shindan;

fn new_record(dir: &Path) -> String {
    let out = shindan(dir)
        .args([
            "new",
            "--name",
            "テスト病院",
            "--beds",
            "350",
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

#[test]
fn version_and_help_for_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    shindan(tmp.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
    for cmd in ["new", "list", "answer", "show"] {
        shindan(tmp.path())
            .args([cmd, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("使い方: shindan"));
    }
}

#[test]
fn new_prints_the_id_alone() {
    let tmp = tempfile::tempdir().unwrap();
    shindan(tmp.path())
        .args([
            "new",
            "--name",
            "A病院",
            "--beds",
            "120",
            "--founder",
            "coop",
            "--year",
            "2025",
        ])
        .args(["--revenue", "2533236", "--associations", "jha,ajha"])
        .assert()
        .success()
        .stdout("2025-001\n");
    let id = new_record(tmp.path());
    assert!(id.ends_with("-001"), "{id}");
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(tmp.path().join("2025-001.json")).unwrap())
            .unwrap();
    assert_eq!(json["answers"]["revenue"]["value"], 2533236);
    assert_eq!(
        json["answers"]["associations"]["value"],
        serde_json::json!(["jha", "ajha"])
    );
}

#[test]
fn new_refuses_bad_input_and_creates_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 6] = [
        (&["--beds", "12", "--founder", "coop"], "診療所"),
        (&["--beds", "abc", "--founder", "coop"], "整数"),
        (
            &["--beds", "120", "--founder", "shop"],
            "medical_corporation",
        ),
        (
            &["--beds", "120", "--founder", "coop", "--revenue", "-5"],
            "範囲外",
        ),
        (
            &[
                "--beds",
                "120",
                "--founder",
                "coop",
                "--associations",
                "none,jha",
            ],
            "none",
        ),
        (
            &["--beds", "120", "--founder", "coop", "--year", "1999"],
            "2000",
        ),
    ];
    for (args, expect) in cases {
        shindan(tmp.path())
            .args(["new", "--name", "A病院"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(expect))
            .stdout("");
    }
    shindan(tmp.path())
        .args([
            "--lang",
            "en",
            "new",
            "--name",
            "A",
            "--beds",
            "12",
            "--founder",
            "coop",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--beds: 12 beds is a clinic"));
    shindan(tmp.path())
        .args(["new", "--beds", "120", "--founder", "coop"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--name"));
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn answer_sets_clears_and_notes() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    shindan(tmp.path())
        .args(["answer", &id, "vpn_flagged", "yes"])
        .assert()
        .success()
        .stdout("問7 = 使用している\n");
    // The number printed beside the question is taken as well as its id.
    shindan(tmp.path())
        .args(["answer", &id, "問７", "yes"])
        .assert()
        .success()
        .stdout("問7 = 使用している\n");
    shindan(tmp.path())
        .args([
            "--lang",
            "en",
            "answer",
            &id,
            "vpn_unpatched_reasons",
            "no_budget,other",
        ])
        .args(["--note", "保守契約の更新待ち"])
        .assert()
        .success()
        .stdout("Q9 = No budget, Other (say what in the note)\n");
    shindan(tmp.path())
        .args(["answer", &id, "staff_total", "３"])
        .assert()
        .success()
        .stdout("問13 = 3 人\n");
    shindan(tmp.path())
        .args(["answer", &id, "threat", "--note", "院長が強い関心"])
        .assert()
        .success()
        .stdout("");
    shindan(tmp.path())
        .args(["answer", &id, "vpn_flagged", "-"])
        .assert()
        .success()
        .stdout("問7 = （未回答）\n");
    let out = shindan(tmp.path())
        .args(["show", &id, "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let q = |id: &str| {
        json["questions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["id"] == id)
            .cloned()
    };
    assert_eq!(q("threat").unwrap()["note"], "院長が強い関心");
    assert_eq!(q("staff_total").unwrap()["answer"], 3);
    assert!(q("vpn_patched").is_none(), "hidden until vpn_flagged = yes");
}

#[test]
fn answer_refuses_bad_input_and_leaves_the_file_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    shindan(tmp.path())
        .args(["answer", &id, "staff_total", "2"])
        .assert()
        .success();
    let path = tmp.path().join(format!("{id}.json"));
    let before = fs::read(&path).unwrap();
    let cases: [(&[&str], &str); 9] = [
        (
            &["staff_fulltime", "5"],
            "「院内システム担当者数」（2）を超えています",
        ),
        (&["staff_total", "-1"], "0～999"),
        (&["staff_total", "1000"], "0～999"),
        (&["beds", "10"], "診療所"),
        (
            &["threat", "maybe"],
            "1 感じている（yes）、2 感じていない（no）、3 わからない（unknown）",
        ),
        (&["no_such_question", "1"], "印刷された番号（問1～問22）"),
        (&["threat"], "--note"),
        (&["associations", "none,jha"], "none"),
        (&["hospital_name", ""], "1～100"),
    ];
    for (args, expect) in cases {
        shindan(tmp.path())
            .args(["answer", &id])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(expect));
        assert_eq!(
            fs::read(&path).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
    shindan(tmp.path())
        .args(["answer", &id, "budget_bracket", "lt5m"])
        .assert()
        .success();
    shindan(tmp.path())
        .args(["--lang", "en", "answer", &id, "budget_amount", "12000"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("belongs to `10m_20m"));
    shindan(tmp.path())
        .args(["answer", "2026-999", "threat", "yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2026-999"));
    shindan(tmp.path())
        .args(["answer", "7", "threat", "yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2026-007"));
}

#[test]
fn damaged_records_exit_1_and_stay_as_they_are() {
    let tmp = tempfile::tempdir().unwrap();
    new_record(tmp.path());
    let bad = tmp.path().join("2026-002.json");
    fs::write(&bad, "{\"format_version\": 7}").unwrap();
    shindan(tmp.path())
        .args(["answer", "2026-002", "threat", "yes"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("形式 7").and(predicate::str::contains("そのまま")));
    shindan(tmp.path())
        .args(["show", "2026-002"])
        .assert()
        .code(1);
    assert_eq!(fs::read_to_string(&bad).unwrap(), "{\"format_version\": 7}");
    shindan(tmp.path())
        .args(["--lang", "en", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2026-002.json: format 7 is newer"));
}

#[test]
fn list_in_text_and_json() {
    let tmp = tempfile::tempdir().unwrap();
    shindan(tmp.path())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("記録はまだありません"));
    let id = new_record(tmp.path());
    shindan(tmp.path())
        .args(["answer", &id, "threat", "yes"])
        .assert()
        .success();
    shindan(tmp.path()).arg("list").assert().success().stdout(
        predicate::str::is_match(r"\d{4}-\d{3}\s+\d{4}年度\s+テスト病院\s+350\s+医療法人\s+20%")
            .unwrap(),
    );
    let out = shindan(tmp.path())
        .args(["list", "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = &json["records"][0];
    assert_eq!(row["id"], id);
    assert_eq!(row["name"], "テスト病院");
    assert_eq!(row["beds"], 350);
    assert_eq!(row["founder"], "medical_corporation");
    assert_eq!(row["progress"], 20);
    assert_eq!(json["damaged"], serde_json::json!([]));
}

#[test]
fn show_in_both_languages() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    shindan(tmp.path())
        .args(["answer", &id, "backup", "no"])
        .assert()
        .success();
    shindan(tmp.path())
        .args(["show", &id])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("■ バックアップ")
                .and(predicate::str::contains("→ 取得していない"))
                .and(predicate::str::contains("backup_offline").not()),
        );
    shindan(tmp.path())
        .args(["--lang", "en", "show", &id])
        .assert()
        .success()
        .stdout(
            // By its number, which `answer` takes; the id is in `--json` only.
            predicate::str::contains("10. Do you take backups?\n")
                .and(predicate::str::contains("[backup]").not())
                .and(predicate::str::contains("→ No")),
        );
    shindan(tmp.path())
        .args(["--lang", "fr", "show", &id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ja, en"));
}

#[test]
fn a_record_being_edited_elsewhere_is_refused_naming_the_holder() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    let store = shindan::store::Store::open(tmp.path()).unwrap();
    let _lock = store.lock(&id.parse().unwrap()).unwrap();
    shindan(tmp.path())
        .args(["--lang", "en", "answer", &id, "threat", "yes"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "pid {}",
            std::process::id()
        )));
}
