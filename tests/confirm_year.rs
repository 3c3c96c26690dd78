//! A confirmation counts for the record's 年度: a copy made ahead for next 年度 (in December
//! for the April after) takes no 確認日 before that 年度 begins — not today's by default, not
//! one typed — and says which 年度 and days it is; from the year's first day it confirms.

use assert_cmd::Command;
use std::path::Path;

const LAST_YEAR: &str = "2026-06-01T01:00:00Z";
/// 2026-12-02 in Tokyo: still 2026年度, the copy's is 2027年度.
const AHEAD: &str = "2026-12-02T01:00:00Z";
const BEGUN: &str = "2027-04-02T01:00:00Z";

fn shindan(dir: &Path, now: &str, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("shindan")
        .unwrap()
        .env("SHINDAN_DATA_DIR", dir.join("data"))
        .env("SHINDAN_NOW", now)
        .env("TZ", "Asia/Tokyo")
        .env_remove("SHINDAN_LANG")
        .args(args)
        .output()
        .unwrap()
}

fn ok(dir: &Path, now: &str, args: &[&str]) -> String {
    let out = shindan(dir, now, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {err}");
    String::from_utf8(out.stdout).unwrap()
}

fn refused(dir: &Path, now: &str, args: &[&str], says: &str) {
    let out = shindan(dir, now, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(says), "{args:?}: {err}");
}

#[test]
fn a_copy_for_next_year_takes_no_date_checked_before_that_year() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let name = ["--name", "さくら記念病院", "--beds", "350"];
    let new = [&["new"][..], &name, &["--founder", "medical_corporation"]].concat();
    let old = ok(dir, LAST_YEAR, &new).trim().to_string();
    for item in ["1(1)", "1(2)"] {
        ok(dir, LAST_YEAR, &["checklist", "answer", &old, item, "yes"]);
    }
    let id = ok(dir, AHEAD, &["copy", &old]).trim().to_string();
    assert!(id.starts_with("2027-"), "{id}");
    let range = "この記録の年度（2027年度：2027-04-01～2028-03-31）より前です";
    refused(dir, AHEAD, &["confirm", &id, "--item", "1(1)"], range);
    let typed = ["confirm", &id, "--item", "1(1)", "--checked", "2026-12-01"];
    refused(dir, AHEAD, &typed, range);
    refused(
        dir,
        AHEAD,
        &["confirm", &id, "--checklist-section", "1"],
        range,
    );
    let en = ["--lang", "en", "confirm", &id, "--item", "1(1)"];
    refused(
        dir,
        AHEAD,
        &en,
        "before this record's year (FY2027: 2027-04-01 to 2028-03-31)",
    );
    // Once the 年度 has begun, today is a 確認日 of it.
    let out = ok(dir, BEGUN, &["confirm", &id, "--item", "1(1)"]);
    assert!(out.contains("確認しました"), "{out}");
    ok(dir, BEGUN, &["confirm", &id, "--checklist-section", "1"]);
}
