//! The checklist and contacts commands as a script uses them: each command's output, each kind
//! of bad input (exit 2, the record file byte for byte as it was), and the vendor round trip
//! through JSON and through a CSV edited the way Excel saves it.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

mod cli_run;

fn shindan(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("shindan").unwrap();
    c.env("SHINDAN_DATA_DIR", dir.join("data"))
        .env_remove("SHINDAN_LANG");
    c
}

fn new_record(dir: &Path) -> String {
    let out = shindan(dir)
        .args([
            "new",
            "--name",
            "さくら記念病院",
            "--beds",
            "180",
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

fn record_file(dir: &Path, id: &str) -> PathBuf {
    dir.join("data").join(format!("{id}.json"))
}

/// Its [`shindan`] with `args`, which must succeed; its stdout.
fn ok(dir: &Path, args: &[&str]) -> String {
    cli_run::succeeded(shindan(dir), args)
}

/// Runs a command that must be refused as bad input, and checks the record did not change.
fn refused(dir: &Path, id: &str, args: &[&str], says: &str) {
    let before = fs::read(record_file(dir, id)).unwrap();
    let out = shindan(dir).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(says), "{args:?}: expected `{says}` in: {err}");
    assert_eq!(
        fs::read(record_file(dir, id)).unwrap(),
        before,
        "{args:?} changed the record"
    );
}

fn show_json(dir: &Path, id: &str) -> Value {
    serde_json::from_str(&ok(dir, &["checklist", "show", id, "--json"])).unwrap()
}

fn item<'v>(shown: &'v Value, id: &str) -> &'v Value {
    shown["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

#[test]
fn help_for_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [
        vec!["checklist", "--help"],
        vec!["checklist", "show", "--help"],
        vec!["checklist", "answer", "--help"],
        vec!["checklist", "form", "--help"],
        vec!["checklist", "import", "--help"],
        vec!["checklist", "diff", "--help"],
        vec!["contacts", "--help"],
        vec!["contacts", "x", "set", "--help"],
    ] {
        shindan(tmp.path())
            .args(&args)
            .assert()
            .success()
            .stdout(predicate::str::contains("使い方: shindan"));
    }
}

#[test]
fn show_json_has_the_issue_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    let v = show_json(tmp.path(), &id);
    assert_eq!(v["edition"], "mhlw-r7");
    assert_eq!(v["ready"], false);
    assert_eq!(v["missing"].as_array().unwrap().len(), 22);
    let first = &v["items"][0];
    for key in [
        "id",
        "section",
        "number",
        "device",
        "answer",
        "checked_on",
        "target_on",
        "vendors",
        "conflict",
        "hints",
    ] {
        assert!(first.get(key).is_some(), "item key {key} missing: {first}");
    }
    assert_eq!(first["id"], "c0_has_systems");
    let r6: Value = serde_json::from_str(&ok(
        tmp.path(),
        &["checklist", "show", &id, "--edition", "mhlw-r6", "--json"],
    ))
    .unwrap();
    assert_eq!(r6["edition"], "mhlw-r6");
    assert_eq!(r6["items"].as_array().unwrap().len(), 19);
    // Text fits 80 columns, Japanese counting double.
    for lang in ["ja", "en"] {
        let text = ok(tmp.path(), &["--lang", lang, "checklist", "show", &id]);
        for line in text.lines() {
            assert!(shindan::text::width(line) <= 80, "{lang}: {line}");
        }
    }
}

#[test]
fn answer_records_a_dated_check() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    let out = ok(
        tmp.path(),
        &[
            "checklist",
            "answer",
            &id,
            "c3_bcp",
            "no",
            "--checked",
            "2025-04-01",
            "--target",
            "2026-03-31",
            "--note",
            "策定中",
        ],
    );
    assert_eq!(
        out,
        "3(3) = いいえ  確認日 2025-04-01  目標日 2026-03-31（1回目）\n"
    );
    let out = ok(
        tmp.path(),
        &[
            "--lang",
            "en",
            "checklist",
            "answer",
            &id,
            "c3_bcp",
            "yes",
            "--checked",
            "2025-09-01",
        ],
    );
    assert_eq!(out, "3(3) = yes  checked 2025-09-01 (check 2)\n");
    let v = show_json(tmp.path(), &id);
    let bcp = item(&v, "c3_bcp");
    assert_eq!(bcp["answer"], "yes");
    assert_eq!(bcp["checked_on"], "2025-09-01");
    assert_eq!(bcp["history"][0]["target_on"], "2026-03-31");
    assert_eq!(bcp["history"][0]["note"], "策定中");
    // --checked defaults to today.
    ok(
        tmp.path(),
        &["checklist", "answer", &id, "c1_security_manager", "yes"],
    );
    let v = show_json(tmp.path(), &id);
    let today = chrono::Local::now().date_naive().to_string();
    assert_eq!(
        item(&v, "c1_security_manager")["checked_on"],
        today.as_str()
    );
    // `-` withdraws the latest check only.
    ok(tmp.path(), &["checklist", "answer", &id, "c3_bcp", "-"]);
    assert_eq!(item(&show_json(tmp.path(), &id), "c3_bcp")["answer"], "no");
}

#[test]
fn answer_refuses_bad_input_and_leaves_the_record() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    ok(
        tmp.path(),
        &[
            "checklist",
            "answer",
            &id,
            "c3_bcp",
            "yes",
            "--checked",
            "2025-05-01",
        ],
    );
    let a = |extra: &[&str]| {
        let mut v = vec!["--lang", "en", "checklist", "answer", id.as_str()];
        v.extend_from_slice(extra);
        v.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let cases: Vec<(Vec<String>, &str)> = vec![
        (a(&["c3_bcp", "maybe"]), "allowed yes, no, or -"),
        (
            a(&["c3_bcp", "no", "--checked", "2025-06-01"]),
            "`no` needs a target date from 2025-06-01 to 2026-03-31",
        ),
        // 31 March closes the fiscal year: 1 April is the next one.
        (
            a(&[
                "c3_bcp",
                "no",
                "--checked",
                "2026-03-31",
                "--target",
                "2026-04-01",
            ]),
            "the target date 2026-04-01 is after 2026-03-31",
        ),
        (
            a(&[
                "c3_bcp",
                "no",
                "--checked",
                "2025-06-01",
                "--target",
                "2025-05-31",
            ]),
            "before the date checked",
        ),
        (
            a(&[
                "c2_two_factor",
                "no",
                "--checked",
                "2025-06-01",
                "--target",
                "2028-04-01",
            ]),
            "the item's own deadline",
        ),
        (
            a(&["c3_bcp", "yes", "--checked", "2999-01-01"]),
            "is in the future",
        ),
        (
            a(&["c3_bcp", "yes", "--checked", "2025-04-30"]),
            "before the previous check (2025-05-01)",
        ),
        (
            a(&["c3_bcp", "yes", "--checked", "2025-13-01"]),
            "is not a date: write YYYY-MM-DD",
        ),
        (
            a(&[
                "c3_bcp",
                "yes",
                "--checked",
                "2025-06-01",
                "--target",
                "2025-07-01",
            ]),
            "only with `no`",
        ),
        (
            a(&["c9_bcp", "yes"]),
            "no item `c9_bcp` in this edition; items: Precondition, 1(1)",
        ),
        (
            a(&["c3_bcp", "yes", "--edition", "mhlw-r9"]),
            "editions: mhlw-r6, mhlw-r7",
        ),
        (
            a(&["c3_bcp", "yes", "--evidence", "/no/such/file.pdf"]),
            "cannot read the file",
        ),
        (a(&["c3_contact_chart", "-"]), "has no answer to withdraw"),
    ];
    for (args, says) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        refused(tmp.path(), &id, &args, says);
    }
    // In Japanese too.
    refused(
        tmp.path(),
        &id,
        &[
            "checklist",
            "answer",
            &id,
            "c3_bcp",
            "no",
            "--checked",
            "2026-03-31",
            "--target",
            "2026-04-01",
        ],
        "確認日の年度末",
    );
    // A record that does not exist: exit 2 as well.
    shindan(tmp.path())
        .args(["checklist", "answer", "2026-099", "c3_bcp", "yes"])
        .assert()
        .code(2);
}

#[test]
fn evidence_is_hashed_and_a_change_shows() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    let doc = tmp.path().join("bcp.txt");
    fs::write(&doc, "abc").unwrap();
    let out = ok(
        tmp.path(),
        &[
            "checklist",
            "answer",
            &id,
            "c3_bcp",
            "yes",
            "--checked",
            "2025-05-01",
            "--evidence",
            doc.to_str().unwrap(),
        ],
    );
    assert!(
        out.contains(
            "\n  sha256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"
        ),
        "{out}"
    );
    assert!(out.contains("bcp.txt (3 バイト)"), "{out}");
    assert!(out.lines().all(|l| shindan::text::width(l) <= 80), "{out}");
    let ev = |v: &Value| item(v, "c3_bcp")["history"][0]["evidence"].clone();
    assert_eq!(ev(&show_json(tmp.path(), &id))["state"], "unchanged");
    fs::write(&doc, "abd").unwrap();
    assert_eq!(ev(&show_json(tmp.path(), &id))["state"], "changed");
    let html = ok(tmp.path(), &["checklist", "form", &id]);
    assert!(html.contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    assert!(html.contains("記録後に変更あり"));
    fs::remove_file(&doc).unwrap();
    assert_eq!(ev(&show_json(tmp.path(), &id))["state"], "missing");
}

fn answer_everything(dir: &Path, id: &str) {
    let v = show_json(dir, id);
    for i in v["items"].as_array().unwrap() {
        let item = i["id"].as_str().unwrap();
        ok(
            dir,
            &[
                "checklist",
                "answer",
                id,
                item,
                "yes",
                "--checked",
                "2025-10-01",
            ],
        );
    }
}

#[test]
fn vendor_round_trip_through_json() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    answer_everything(tmp.path(), &id);
    assert_eq!(show_json(tmp.path(), &id)["ready"], true);
    let form = tmp.path().join("a.json");
    ok(
        tmp.path(),
        &[
            "checklist",
            "form",
            &id,
            "--vendor",
            "ベンダーA",
            "--system",
            "電子カルテ",
            "-o",
            form.to_str().unwrap(),
        ],
    );
    // A form sent is a form expected back: not ready until it returns.
    let v = show_json(tmp.path(), &id);
    assert_eq!(v["ready"], false);
    assert_eq!(v["missing_vendors"][0]["vendor"], "ベンダーA");
    assert_eq!(v["missing_vendors"][0]["sent"], true);
    let mut f: Value = serde_json::from_str(&fs::read_to_string(&form).unwrap()).unwrap();
    assert_eq!(f["record"], id.as_str());
    assert_eq!(f["edition"], "mhlw-r7");
    assert_eq!(f["system"], "電子カルテ");
    let keys: Vec<&String> = f["items"][0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        vec![
            "answer",
            "checked_on",
            "id",
            "note",
            "number",
            "target_on",
            "text"
        ]
    );
    assert!(
        f["items"][4]["text"]
            .as_str()
            .unwrap()
            .contains("医療機関に製造業者"),
        "{}",
        f["items"][4]
    );
    for it in f["items"].as_array_mut().unwrap() {
        it["answer"] = "yes".into();
        it["checked_on"] = "2025-10-05".into();
        if it["id"] == "c2_patch_all" {
            it["answer"] = "no".into();
            it["target_on"] = "2026-02-28".into();
            it["note"] = "サーバ2台が未適用".into();
        }
    }
    let filled = tmp.path().join("a-filled.json");
    fs::write(&filled, serde_json::to_string_pretty(&f).unwrap()).unwrap();
    let out = ok(
        tmp.path(),
        &["checklist", "import", &id, filled.to_str().unwrap()],
    );
    assert!(
        out.contains("ベンダーA（電子カルテ）：18項目に回答、空欄0"),
        "{out}"
    );
    assert!(out.contains("2⑦：医療機関 はい / 事業者 いいえ"), "{out}");
    let v = show_json(tmp.path(), &id);
    assert_eq!(v["ready"], true);
    let patch = item(&v, "c2_patch_all");
    assert_eq!(patch["conflict"], true);
    assert_eq!(patch["vendors"][0]["vendor"], "ベンダーA");
    assert_eq!(patch["vendors"][0]["system"], "電子カルテ");
    assert_eq!(patch["vendors"][0]["answer"], "no");
    assert_eq!(item(&v, "c2_mds_sds")["conflict"], false);
    let html = ok(tmp.path(), &["checklist", "form", &id]);
    assert!(html.contains("医療機関と事業者の回答の食い違い"));
    assert!(html.contains("サーバ2台が未適用"));
}

/// Rewrites a CSV the way Excel saves it: every cell quoted (or none), CRLF, a BOM.
fn excel(csv_bytes: &[u8], quote_all: bool, fill: &dyn Fn(&mut Vec<String>)) -> Vec<u8> {
    let text = std::str::from_utf8(csv_bytes)
        .unwrap()
        .trim_start_matches('\u{feff}');
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = "\u{feff}".as_bytes().to_vec();
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .quote_style(if quote_all {
            csv::QuoteStyle::Always
        } else {
            csv::QuoteStyle::Never
        })
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for (n, row) in r.records().enumerate() {
        let mut cells: Vec<String> = row.unwrap().iter().map(String::from).collect();
        // The instruction rows (one cell) come before the header.
        if cells.len() < 8 {
            if !quote_all {
                cells[0] = String::new();
            }
            w.write_record(&cells).unwrap();
            continue;
        }
        if n > 0 && !["様式ID", "Form ID"].contains(&cells[0].as_str()) {
            fill(&mut cells);
        }
        if !quote_all {
            // Unquoted, a comma inside a cell would split it: Excel quotes those, so do the same
            // by dropping the item text the vendor does not need to send back.
            cells[7] = String::new();
        }
        w.write_record(&cells).unwrap();
    }
    out.extend(w.into_inner().unwrap());
    out
}

#[test]
fn vendor_round_trip_through_excel_csv() {
    for quote_all in [true, false] {
        let tmp = tempfile::tempdir().unwrap();
        let id = new_record(tmp.path());
        answer_everything(tmp.path(), &id);
        let form = tmp.path().join("b.csv");
        ok(
            tmp.path(),
            &[
                "checklist",
                "form",
                &id,
                "--vendor",
                "ネットワーク保守B",
                "--system",
                "院内ネットワーク",
                "--format",
                "csv",
                "-o",
                form.to_str().unwrap(),
            ],
        );
        let bytes = fs::read(&form).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            text.starts_with("\u{feff}\"※ "),
            "instructions first: {text}"
        );
        assert!(text.contains("\"番号\",\"確認項目\",\"回答\""), "{text}");
        assert!(
            !text.contains("c2_"),
            "rows keyed by the printed number: {text}"
        );
        let filled = excel(&bytes, quote_all, &|c| {
            if c[6] == "2⑧-ネットワーク機器" {
                c[8] = "いいえ".into();
                c[9] = "2025/10/7".into();
                c[10] = "2026/1/31".into();
                c[11] = "VPN装置の設定変更予定".into();
            }
            if c[6] == "2①" {
                c[8] = "はい".into();
                c[9] = "2025/10/7".into();
            }
        });
        // Excel on Japanese Windows saves "CSV (comma delimited)" as Shift_JIS, without a BOM.
        let filled = if quote_all {
            filled
        } else {
            let utf8 = String::from_utf8(filled).unwrap();
            let (sjis, _, bad) = encoding_rs::SHIFT_JIS.encode(utf8.trim_start_matches('\u{feff}'));
            assert!(!bad);
            assert!(std::str::from_utf8(&sjis).is_err(), "really CP932 bytes");
            sjis.into_owned()
        };
        let path = tmp.path().join("b-filled.csv");
        fs::write(&path, filled).unwrap();
        let out = ok(
            tmp.path(),
            &[
                "--lang",
                "en",
                "checklist",
                "import",
                &id,
                path.to_str().unwrap(),
            ],
        );
        assert!(
            out.contains("ネットワーク保守B (院内ネットワーク): 2 answered, 16 blank"),
            "{out}"
        );
        let v = show_json(tmp.path(), &id);
        let src = item(&v, "c2_source_restriction_network");
        assert_eq!(src["conflict"], true, "quote_all={quote_all}");
        assert_eq!(src["vendors"][0]["answer"], "no");
        assert_eq!(src["vendors"][0]["target_on"], "2026-01-31");
        assert_eq!(item(&v, "c2_device_register")["conflict"], false);
    }
}

#[test]
fn import_refuses_a_wrong_file_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    let other = new_record(tmp.path());
    let form = tmp.path().join("a.json");
    ok(
        tmp.path(),
        &[
            "checklist",
            "form",
            &id,
            "--vendor",
            "ベンダーA",
            "--system",
            "電子カルテ",
            "-o",
            form.to_str().unwrap(),
        ],
    );
    ok(
        tmp.path(),
        &[
            "checklist",
            "form",
            &other,
            "--vendor",
            "ベンダーA",
            "--system",
            "電子カルテ",
            "-o",
            tmp.path().join("o.json").to_str().unwrap(),
        ],
    );
    let blank: Value = serde_json::from_str(&fs::read_to_string(&form).unwrap()).unwrap();
    let write = |name: &str, edit: &dyn Fn(&mut Value)| {
        let mut f = blank.clone();
        for it in f["items"].as_array_mut().unwrap() {
            it["answer"] = "yes".into();
            it["checked_on"] = "2025-10-05".into();
        }
        edit(&mut f);
        let p = tmp.path().join(name);
        fs::write(&p, serde_json::to_string(&f).unwrap()).unwrap();
        p.to_str().unwrap().to_string()
    };
    let cases = vec![
        (
            write("rec.json", &|f| f["record"] = other.as_str().into()),
            format!("the form is for record {other}, not {id}"),
        ),
        (
            write("ed.json", &|f| f["edition"] = "mhlw-r6".into()),
            "the form is of the FY2024 edition, not the FY2025 edition".into(),
        ),
        (
            write("item.json", &|f| f["items"][3]["id"] = "c2_nonsense".into()),
            "items[3], id: `c2_nonsense` is not an item of the vendor form of the FY2025 edition"
                .into(),
        ),
        (
            write("late.json", &|f| {
                f["items"][4]["answer"] = "no".into();
                f["items"][4]["target_on"] = "2026-04-01".into();
            }),
            "items[4], Target: the target date 2026-04-01 is after 2026-03-31".into(),
        ),
        (
            write("vendor.json", &|f| f["vendor"] = "ベンダーZ".into()),
            "no vendor `ベンダーZ`".into(),
        ),
    ];
    for (path, says) in cases {
        refused(
            tmp.path(),
            &id,
            &["--lang", "en", "checklist", "import", &id, &path],
            &says,
        );
        refused(
            tmp.path(),
            &id,
            &["checklist", "import", &id, &path],
            "記録は変更していません",
        );
    }
    // Shift_JIS (日本,語) is read as Excel wrote it, and refused for what it lacks.
    let sjis = tmp.path().join("sjis.csv");
    fs::write(&sjis, b"\x93\xfa\x96\x7b,\x8c\xea\r\n").unwrap();
    refused(
        tmp.path(),
        &id,
        &[
            "--lang",
            "en",
            "checklist",
            "import",
            &id,
            sjis.to_str().unwrap(),
        ],
        "column `Answer` is missing",
    );
    let junk = tmp.path().join("junk.csv");
    fs::write(&junk, b"\xff\xfe\x80\xff,\x80\r\n").unwrap();
    refused(
        tmp.path(),
        &id,
        &[
            "--lang",
            "en",
            "checklist",
            "import",
            &id,
            junk.to_str().unwrap(),
        ],
        "neither UTF-8 nor Shift_JIS",
    );
    refused(
        tmp.path(),
        &id,
        &["--lang", "en", "checklist", "import", &id, "/no/such.json"],
        "cannot read",
    );
}

#[test]
fn forms_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    ok(
        tmp.path(),
        &[
            "checklist",
            "answer",
            &id,
            "c2_external_media",
            "no",
            "--checked",
            "2025-10-01",
            "--target",
            "2026-03-31",
        ],
    );
    ok(
        tmp.path(),
        &[
            "checklist",
            "form",
            &id,
            "--vendor",
            "ベンダーA",
            "--system",
            "電子カルテ",
            "-o",
            tmp.path().join("a.json").to_str().unwrap(),
        ],
    );
    let html = ok(tmp.path(), &["checklist", "form", &id]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("さくら記念病院"));
    assert!(html.contains("【医療機関確認用】"));
    assert!(html.contains("【事業者確認用】"));
    assert!(html.contains("1回目") && html.contains("2回目"));
    assert!(html.contains("※未確認"));
    for banned in ["http", "src=", "<script", "url("] {
        assert!(
            !html.to_lowercase().contains(banned),
            "the form contains {banned}"
        );
    }
    let en = ok(tmp.path(), &["--lang", "en", "checklist", "form", &id]);
    assert!(en.contains("[Hospital's form / 医療機関確認用]"));
    let md = ok(tmp.path(), &["checklist", "form", &id, "--format", "md"]);
    assert!(md.contains("| 2⑫ | 全般 | USBストレージ等の外部記録媒体の接続を制限している ※未確認 | いいえ | 2025-10-01 | 2026-03-31 |"), "{md}");
    let out = shindan(tmp.path())
        .args(["checklist", "form", &id, "--format", "csv"])
        .output()
        .unwrap();
    // The header in the form's words: Japanese, or English with --lang en.
    assert!(out.stdout.starts_with(
        "\u{feff}\"区分\",\"番号\",\"対象\",\"確認項目\",\"回答（1回目）\"".as_bytes()
    ));
    let en = ok(
        tmp.path(),
        &["--lang", "en", "checklist", "form", &id, "--format", "csv"],
    );
    assert!(
        en.starts_with("\u{feff}\"Section\",\"No.\",\"Devices\",\"Item\",\"Answer (1st check)\""),
        "{en}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\r\n"));
    let json: Value = serde_json::from_str(&ok(
        tmp.path(),
        &["checklist", "form", &id, "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["edition"], "mhlw-r7");
    let vhtml = ok(
        tmp.path(),
        &[
            "checklist",
            "form",
            &id,
            "--vendor",
            "ベンダーA",
            "--format",
            "html",
        ],
    );
    assert!(vhtml.contains("事業者内に、医療情報システム等の提供に係る管理責任者を設置している"));
    assert!(
        !vhtml.contains("サイバー攻撃を想定した事業継続計画"),
        "section 3 is not on the vendor form"
    );
    let out = file_out(tmp.path(), &id);
    assert!(out.ends_with("</html>\n"));
    refused(
        tmp.path(),
        &id,
        &["checklist", "form", &id, "--format", "pdf"],
        "指定できる値：html、csv、md、json",
    );
    refused(
        tmp.path(),
        &id,
        &["checklist", "form", &id, "--vendor", "新しい業者"],
        "--system",
    );
    refused(
        tmp.path(),
        &id,
        &["checklist", "form", &id, "--system", "PACS"],
        "--vendor",
    );
}

fn file_out(dir: &Path, id: &str) -> String {
    let p = dir.join("form.html");
    ok(dir, &["checklist", "form", id, "-o", p.to_str().unwrap()]);
    fs::read_to_string(p).unwrap()
}

#[test]
fn carry_over_is_shown_then_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    for (item, a, extra) in [
        ("c2_patch_server", "yes", None),
        ("c2_patch_pc", "no", Some("2026-01-31")),
        ("c2_patch_network", "no", Some("2025-12-31")),
        ("c3_bcp", "yes", None),
    ] {
        let mut args = vec![
            "checklist",
            "answer",
            &id,
            item,
            a,
            "--checked",
            "2025-10-01",
            "--edition",
            "mhlw-r6",
        ];
        if let Some(t) = extra {
            args.extend(["--target", t]);
        }
        ok(tmp.path(), &args);
    }
    let v = show_json(tmp.path(), &id);
    assert_eq!(v["carried"]["saved"], false);
    assert_eq!(item(&v, "c2_patch_all")["answer"], "no");
    assert_eq!(item(&v, "c2_patch_all")["target_on"], "2025-12-31");
    let text = ok(tmp.path(), &["--lang", "en", "checklist", "show", &id]);
    assert!(
        text.contains("2(7) Servers=yes, 2(7) Client PCs=no (→2026-01-31), 2(7) Network"),
        "{text}"
    );
    let out = ok(
        tmp.path(),
        &[
            "--lang",
            "en",
            "checklist",
            "answer",
            &id,
            "c2_two_factor",
            "no",
            "--checked",
            "2025-10-01",
            "--target",
            "2028-03-31",
        ],
    );
    assert!(
        out.starts_with(
            "carried 1 answer and 1 merged item from mhlw-r6 into mhlw-r7\n  * 2(7) Servers=yes"
        ),
        "{out}"
    );
    let v = show_json(tmp.path(), &id);
    assert_eq!(v["carried"]["saved"], true);
    assert_eq!(item(&v, "c3_bcp")["carried"], true);
    assert_eq!(item(&v, "c2_password_reuse")["answer"], Value::Null);
}

#[test]
fn diff_lists_the_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let out = ok(
        tmp.path(),
        &["--lang", "en", "checklist", "diff", "mhlw-r6", "mhlw-r7"],
    );
    assert!(out.contains("■ Added (5)"), "{out}");
    // Items as the forms print them, each edition its own numbers; the ids only in --json.
    assert!(
        out.contains(
            "  * 2(7) Servers, 2(7) Client PCs, 2(7) Network devices → 2⑦: Security patches"
        ),
        "{out}"
    );
    assert!(
        out.contains("  + 2⑪: Reusing passwords is prohibited"),
        "{out}"
    );
    let ja = ok(tmp.path(), &["checklist", "diff", "mhlw-r6", "mhlw-r7"]);
    assert!(
        ja.contains("  2(4) サーバ → 2④ サーバ: 利用者の職種・担当業務別"),
        "{ja}"
    );
    assert!(!out.contains("c2_") && !ja.contains("c1_"), "{out}{ja}");
    let json: Value = serde_json::from_str(&ok(
        tmp.path(),
        &["checklist", "diff", "mhlw-r6", "mhlw-r7", "--json"],
    ))
    .unwrap();
    for key in ["added", "removed", "merged", "reworded"] {
        assert!(json[key].is_array(), "{key}");
    }
    assert_eq!(json["merged"][0]["into"], "c2_patch_all");
    shindan(tmp.path())
        .args(["checklist", "diff", "mhlw-r6", "mhlw-r5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("mhlw-r6, mhlw-r7"));
}

#[test]
fn a_newer_edition_from_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    let mut r8: Value =
        serde_json::from_str(include_str!("../assets/checklists/mhlw-r7.json")).unwrap();
    r8["id"] = "mhlw-r8".into();
    r8["fiscal_year"] = 2026.into();
    r8["previous"] = "mhlw-r7".into();
    r8["merged"] = serde_json::json!([]);
    let good = tmp.path().join("r8.json");
    fs::write(&good, serde_json::to_string(&r8).unwrap()).unwrap();
    let v: Value = serde_json::from_str(&ok(
        tmp.path(),
        &[
            "--checklist",
            good.to_str().unwrap(),
            "checklist",
            "show",
            &id,
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(v["edition"], "mhlw-r8");
    r8["items"][3]["target_by"] = "someday".into();
    let bad = tmp.path().join("bad.json");
    fs::write(&bad, serde_json::to_string(&r8).unwrap()).unwrap();
    refused(
        tmp.path(),
        &id,
        &[
            "--lang",
            "en",
            "--checklist",
            bad.to_str().unwrap(),
            "checklist",
            "show",
            &id,
        ],
        "items[3].target_by: not a date (YYYY-MM-DD): `someday`",
    );
    refused(
        tmp.path(),
        &id,
        &["--checklist", "/no/such.json", "checklist", "show", &id],
        "読めません",
    );
}

#[test]
fn contacts_show_set_clear_and_print() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    let out = ok(tmp.path(), &["--lang", "en", "contacts", &id]);
    assert!(out.starts_with("Contact chart: filled 0/8"), "{out}");
    ok(
        tmp.path(),
        &[
            "contacts",
            &id,
            "set",
            "security_manager",
            "--name",
            "山田 太郎",
            "--title",
            "情報システム課長",
            "--phone",
            "０３－１２３４－５６７８",
        ],
    );
    ok(
        tmp.path(),
        &[
            "contacts",
            &id,
            "set",
            "vendor",
            "--vendor",
            "ベンダーA",
            "--system",
            "電子カルテ",
            "--organisation",
            "ベンダーA サポート",
            "--phone",
            "0120-000-111",
        ],
    );
    let json: Value =
        serde_json::from_str(&ok(tmp.path(), &["contacts", &id, "show", "--json"])).unwrap();
    assert_eq!(json["filled"], 2);
    assert_eq!(json["total"], 9);
    assert_eq!(json["contacts"][0]["role"], "security_manager");
    assert_eq!(json["contacts"][0]["phone"], "03-1234-5678");
    // The vendor named by its contact is expected to return a checklist form.
    assert_eq!(
        show_json(tmp.path(), &id)["missing_vendors"][0]["vendor"],
        "ベンダーA"
    );
    let html = ok(tmp.path(), &["contacts", &id, "form"]);
    assert!(html.contains("インシデント発生時の連絡体制図"));
    assert!(html.contains("03-1234-5678"));
    assert!(html.contains("@page { size: A4;"));
    for banned in ["http", "src=", "<script", "url("] {
        assert!(
            !html.to_lowercase().contains(banned),
            "the chart contains {banned}"
        );
    }
    let md = ok(tmp.path(), &["contacts", &id, "form", "--format", "md"]);
    assert!(
        md.contains(
            "| 医療情報システム安全管理責任者 |  | 山田 太郎 情報システム課長 | 03-1234-5678 |  |"
        ),
        "{md}"
    );
    ok(tmp.path(), &["contacts", &id, "clear", "security_manager"]);
    let json: Value =
        serde_json::from_str(&ok(tmp.path(), &["contacts", &id, "show", "--json"])).unwrap();
    assert_eq!(json["filled"], 1);
    refused(
        tmp.path(),
        &id,
        &[
            "--lang", "en", "contacts", &id, "set", "janitor", "--phone", "1",
        ],
        "name one as the chart shows it: Security manager of the medical information systems, Director",
    );
    // A place is named as the chart shows it, or by a word of that name; a word that fits two
    // places is refused with both.
    ok(
        tmp.path(),
        &["contacts", &id, "set", "警察", "--organisation", "県警"],
    );
    ok(
        tmp.path(),
        &[
            "contacts",
            &id,
            "set",
            "院長・管理者",
            "--name",
            "佐藤 花子",
        ],
    );
    let json: Value =
        serde_json::from_str(&ok(tmp.path(), &["contacts", &id, "show", "--json"])).unwrap();
    assert_eq!(json["contacts"][1]["role"], "director");
    assert_eq!(json["contacts"][1]["name"], "佐藤 花子");
    refused(
        tmp.path(),
        &id,
        &["contacts", &id, "set", "担当", "--phone", "1"],
        "当てはまる枠が複数あります：情報システム担当、都道府県の医療安全・医務担当（保健所）",
    );
    // The chart names each place by its label, never by the handle scripts type.
    let chart = ok(tmp.path(), &["contacts", &id]);
    assert!(chart.contains("  院長・管理者\n      佐藤 花子"), "{chart}");
    assert!(
        chart.contains("事業者（保守窓口）  ベンダーA（電子カルテ）"),
        "{chart}"
    );
    assert!(!chart.contains('['), "{chart}");
    refused(
        tmp.path(),
        &id,
        &[
            "--lang", "en", "contacts", &id, "set", "police", "--phone", "call 110",
        ],
        "e.g. 03-1234-5678",
    );
    refused(
        tmp.path(),
        &id,
        &["--lang", "en", "contacts", &id, "set", "police"],
        "nothing to change",
    );
    refused(
        tmp.path(),
        &id,
        &[
            "--lang", "en", "contacts", &id, "set", "vendor", "--phone", "1",
        ],
        "needs --vendor",
    );
    refused(
        tmp.path(),
        &id,
        &[
            "--lang", "en", "contacts", &id, "set", "police", "--vendor", "X", "--phone", "1",
        ],
        "only with the vendor's place",
    );
    refused(
        tmp.path(),
        &id,
        &["--lang", "en", "contacts", &id, "clear", "insurer"],
        "no entry",
    );
}

/// The missing list says the gate item once (「前提：未回答」, its label is its section's name),
/// and the heading names the edition as printed, without its id.
#[test]
fn show_says_the_gate_once_and_the_edition_as_printed() {
    let tmp = tempfile::tempdir().unwrap();
    let id = new_record(tmp.path());
    let ja = ok(tmp.path(), &["checklist", "show", &id]);
    assert!(ja.contains("\n  - 前提：未回答\n"), "{ja}");
    assert!(ja.contains("\n  - 1(1)（体制構築）：未回答\n"), "{ja}");
    assert!(!ja.contains("前提（前提）"), "{ja}");
    let head = ja.lines().next().unwrap_or_default();
    assert!(
        head.ends_with("令和7年度版") && !head.contains("mhlw"),
        "{head}"
    );
    let en = ok(tmp.path(), &["--lang", "en", "checklist", "show", &id]);
    assert!(en.contains("\n  - Precondition: unanswered\n"), "{en}");
    assert!(!en.contains("Precondition (Precondition)"), "{en}");
}
