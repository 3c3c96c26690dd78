//! The smaller holes of issue 18 (point 14), each tried from the command line as a script or a
//! slip of the hand would: a list typed for a number, dates no check can bear, a key given twice,
//! a stale survey file in the environment, and imported JSON with a huge version or a BOM.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

mod cli_run;

/// A fixed clock: 2 December 2026, in 年度 2026.
const NOW: &str = "2026-12-02T03:00:00Z";

fn shindan(dir: &Path, lang: &str) -> Command {
    let mut c = Command::cargo_bin("shindan").unwrap();
    c.args(["--lang", lang, "--data-dir"])
        .arg(dir)
        .env("SHINDAN_NOW", NOW)
        .env_remove("SHINDAN_SURVEY");
    c
}

fn run(dir: &Path, lang: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = shindan(dir, lang).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn new_record(dir: &Path, year: &str) -> String {
    let new = format!("new --name A病院 --beds 120 --founder national --year {year}");
    let args: Vec<&str> = new.split(' ').collect();
    let id = cli_run::succeeded(shindan(dir, "ja"), &args);
    id.trim().to_string()
}

/// A data dir in `tmp` with one record of 年度 2026: the dir and the record's id.
fn one_record(tmp: &tempfile::TempDir) -> (std::path::PathBuf, String) {
    let dir = tmp.path().join("data");
    fs::create_dir(&dir).unwrap();
    let id = new_record(&dir, "2026");
    (dir, id)
}

#[test]
fn a_comma_in_a_number_is_a_thousands_separator_and_nothing_else() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, id) = one_record(&tmp);
    let dir = dir.as_path();
    let file = dir.join(format!("{id}.json"));
    for bad in ["3,5,0", "35,0", "1,2000", ",350", "350,", "1，20"] {
        let before = fs::read(&file).unwrap();
        let (code, _, err) = run(dir, "ja", &["answer", &id, "beds", bad]);
        assert_eq!(code, Some(2), "{bad}: {err}");
        assert!(err.contains("整数ではありません"), "{bad}: {err}");
        assert_eq!(fs::read(&file).unwrap(), before, "{bad}: nothing saved");
    }
    let new: Vec<&str> = "new --name B --beds 3,5,0 --founder national"
        .split(' ')
        .collect();
    let (code, _, err) = run(dir, "en", &new);
    assert_eq!(code, Some(2), "new --beds 3,5,0: {err}");
    for (good, beds) in [("1,200", "1200"), ("１，２００", "1200"), ("350", "350")] {
        let (code, _, err) = run(dir, "ja", &["answer", &id, "beds", good, "--json"]);
        assert_eq!(code, Some(0), "{good}: {err}");
        let record: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
        assert_eq!(
            record["answers"]["beds"]["value"].to_string(),
            beds,
            "{good}"
        );
    }
}

/// A date checked is from 2000-01-01 to today: `1900-01-01` (a slip) is refused, in the
/// words of the UI's language, and nothing is saved.
#[test]
fn a_date_checked_before_2000_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, id) = one_record(&tmp);
    let file = dir.join(format!("{id}.json"));
    let cases = [
        (
            "1900-01-01",
            "ja",
            "確認日 1900-01-01 は 2000-01-01 より前です",
        ),
        (
            "1999-12-31",
            "en",
            "the date checked 1999-12-31 is before 2000-01-01",
        ),
        ("2026-12-03", "en", "is in the future"),
    ];
    for (date, lang, expect) in cases {
        let before = fs::read(&file).unwrap();
        let args = ["checklist", "answer", &id, "1(1)", "yes", "--checked", date];
        let (code, _, err) = run(&dir, lang, &args);
        assert_eq!(code, Some(2), "{date}: {err}");
        assert!(err.contains(expect), "{date}: {err}");
        assert_eq!(fs::read(&file).unwrap(), before, "{date}: nothing saved");
    }
    let args = [
        "checklist",
        "answer",
        &id,
        "1(1)",
        "yes",
        "--checked",
        "2000-01-01",
    ];
    cli_run::succeeded(shindan(&dir, "ja"), &args);
}

/// The record file with `"beds"` given a second time, as a merge or a hand edit leaves it.
fn with_beds_twice(record: &[u8]) -> String {
    let text = String::from_utf8(record.to_vec()).unwrap();
    let twice = text.replacen(
        "\"answers\": {",
        "\"answers\": {\n    \"beds\": {\"value\": 999, \"at\": \"2026-12-01T00:00:00Z\"},",
        1,
    );
    assert_ne!(twice, text, "the record has answers");
    twice
}

#[test]
fn a_key_given_twice_is_refused_in_records_imports_and_returned_forms() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, id) = one_record(&tmp);
    let file = dir.join(format!("{id}.json"));
    let good = fs::read(&file).unwrap();

    // An import of it into another data dir: refused naming the key, nothing imported.
    let other = tmp.path().join("other");
    fs::create_dir(&other).unwrap();
    let bundle = tmp.path().join("twice.json");
    fs::write(&bundle, with_beds_twice(&good)).unwrap();
    for (lang, expect) in [
        ("ja", "キー `answers.beds` が2回あります"),
        ("en", "the key `answers.beds` is given twice"),
    ] {
        let (code, _, err) = run(&other, lang, &["import", bundle.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{lang}: {err}");
        assert!(err.contains(expect), "{lang}: {err}");
        let (_, listed, _) = run(&other, lang, &["list", "--json"]);
        assert!(!listed.contains(&id), "{lang}: nothing imported: {listed}");
    }

    // A vendor's returned form (JSON) with an item's answer given twice: refused whole.
    let form = tmp.path().join("form.json");
    let args = [
        "checklist",
        "form",
        &id,
        "--vendor",
        "V社",
        "--system",
        "S",
        "--format",
        "json",
        "-o",
        form.to_str().unwrap(),
    ];
    cli_run::succeeded(shindan(&dir, "ja"), &args);
    let mut f: serde_json::Value = serde_json::from_slice(&fs::read(&form).unwrap()).unwrap();
    f["items"][1]["answer"] = "no".into();
    f["items"][1]["checked_on"] = "2026-12-01".into();
    f["items"][1]["target_on"] = "2027-03-31".into();
    let text = serde_json::to_string(&f).unwrap();
    let twice = text.replacen(
        "\"answer\":\"no\"",
        "\"answer\":\"yes\",\"answer\":\"no\"",
        1,
    );
    assert_ne!(twice, text);
    fs::write(&form, twice).unwrap();
    let before = fs::read(&file).unwrap();
    for (lang, expect) in [
        ("ja", "キー `items[1].answer` が2回あります"),
        ("en", "the key `items[1].answer` is given twice"),
    ] {
        let args = ["checklist", "import", &id, form.to_str().unwrap()];
        let (code, _, err) = run(&dir, lang, &args);
        assert_eq!(code, Some(2), "{lang}: {err}");
        assert!(err.contains(expect), "{lang}: {err}");
    }
    assert_eq!(fs::read(&file).unwrap(), before, "the form changed nothing");

    // The record itself, edited so in the data dir: listed as unreadable, never written to.
    fs::write(&file, with_beds_twice(&good)).unwrap();
    let twice = fs::read(&file).unwrap();
    let (code, out, err) = run(&dir, "ja", &["list"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("キー `answers.beds` が2回あります"), "{out}");
    let (code, _, err) = run(&dir, "en", &["answer", &id, "beds", "130"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("the key `answers.beds` is given twice"),
        "{err}"
    );
    assert_eq!(fs::read(&file).unwrap(), twice, "never written to");
}

#[test]
fn a_survey_file_that_cannot_be_read_stops_only_the_commands_that_compare() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, id) = one_record(&tmp);
    let garbage = tmp.path().join("garbage.json");
    fs::write(&garbage, [0xff, 0xfe, 0x00, 0x01]).unwrap();
    let missing = tmp.path().join("gone.json");
    for survey in [&garbage, &missing, &tmp.path().to_path_buf()] {
        for args in [
            vec!["list"],
            vec!["list", "--json"],
            vec!["show", &id],
            vec!["answer", &id, "beds", "130"],
        ] {
            let out = shindan(&dir, "ja")
                .env("SHINDAN_SURVEY", survey)
                .args(&args)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{survey:?} {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        // A command that compares says which file it cannot read.
        let out = shindan(&dir, "ja")
            .env("SHINDAN_SURVEY", survey)
            .args(["check", &id])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{survey:?}: {err}");
        assert!(err.contains("--survey"), "{err}");
    }
}

#[test]
fn an_import_with_a_huge_format_version_is_named_and_one_with_a_bom_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, id) = one_record(&tmp);
    let good = fs::read_to_string(dir.join(format!("{id}.json"))).unwrap();
    let into = tmp.path().join("into");
    fs::create_dir(&into).unwrap();

    let huge = tmp.path().join("huge.json");
    let text = good.replacen(
        "\"format_version\": 2",
        "\"format_version\": 99999999999999999999",
        1,
    );
    assert_ne!(text, good);
    fs::write(&huge, text).unwrap();
    for (lang, expect, not) in [
        ("ja", "形式の番号ではありません", "ありません："),
        ("en", "is not a format number", "no format_version"),
    ] {
        let (code, _, err) = run(&into, lang, &["import", huge.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{lang}: {err}");
        assert!(err.contains(expect) && !err.contains(not), "{lang}: {err}");
    }

    let bom = tmp.path().join("bom.json");
    fs::write(&bom, format!("\u{feff}{good}")).unwrap();
    let out = cli_run::succeeded(shindan(&into, "ja"), &["import", bom.to_str().unwrap()]);
    assert!(out.contains(&id), "{out}");
}
