//! Records leaving and entering the data dir (export, import), two years compared (diff), and
//! many hospitals' files tallied into the report's tables (aggregate).

use predicates::prelude::*;
use serde_json::Value;
use shindan::domain::aggregate::Tally;
use shindan::domain::{BedClass, IndicatorValue, Questionnaire};
mod synth;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use synth::Population;

mod cli_run;
mod hospital;
use assert_cmd::Command;
use cli_run::shindan;

fn new_record(dir: &Path, name: &str) -> String {
    hospital::bare(dir, cli_run::ok, name)
}

fn json(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn export_then_import_elsewhere_is_lossless() {
    let a = tempfile::tempdir().unwrap();
    let id = new_record(a.path(), "みなと病院");
    for (q, v) in [
        ("threat", "yes"),
        ("vpn_flagged", "yes"),
        ("vpn_patched", "no"),
        ("staff_total", "3"),
    ] {
        shindan(a.path())
            .args(["answer", &id, q, v])
            .assert()
            .success();
    }
    shindan(a.path())
        .args(["answer", &id, "threat", "--note", "院長が関心"])
        .assert()
        .success();
    shindan(a.path())
        .args(["checklist", "answer", &id, "c0_has_systems", "yes"])
        .assert()
        .success();
    let file = a.path().join("export.json");
    shindan(a.path())
        .args([
            "export",
            &id,
            "--format",
            "json",
            "-o",
            file.to_str().unwrap(),
        ])
        .assert()
        .success();
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );

    let b = tempfile::tempdir().unwrap();
    shindan(b.path())
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!("→ {id}")));
    let original = fs::read_to_string(a.path().join(format!("{id}.json"))).unwrap();
    let imported = fs::read_to_string(b.path().join(format!("{id}.json"))).unwrap();
    assert_eq!(imported, original, "the record arrives byte for byte");
    assert_eq!(
        fs::metadata(b.path().join(format!("{id}.json")))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
}

#[test]
fn import_refuses_clashes_damaged_newer_and_invalid_files_and_never_half_imports() {
    let a = tempfile::tempdir().unwrap();
    let id = new_record(a.path(), "みなと病院");
    let file = a.path().join(format!("{id}.json"));
    let b = tempfile::tempdir().unwrap();
    let existing = new_record(b.path(), "別の病院");
    assert_eq!(existing, id, "both data dirs start at the same id");
    let before = fs::read(b.path().join(format!("{id}.json"))).unwrap();

    // A clash names both records and the two ways out.
    shindan(b.path())
        .args(["--lang", "en", "import", file.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(format!("record {id} already exists (別の病院)"))
                .and(predicate::str::contains("--as NEW_ID")),
        );
    // A damaged file and a newer one, in a batch with a good one: nothing is imported.
    let broken = a.path().join("broken.json");
    fs::write(&broken, "{ nope").unwrap();
    let newer = a.path().join("newer.json");
    fs::write(
        &newer,
        original_with(&file, |v| v["format_version"] = 9.into()),
    )
    .unwrap();
    let invalid = a.path().join("invalid.json");
    fs::write(
        &invalid,
        original_with(&file, |v| v["answers"]["beds"]["value"] = 12.into()),
    )
    .unwrap();
    for (bad, code, says) in [
        (&broken, 1, "JSON"),
        (&newer, 1, "format 9"),
        (&invalid, 2, "\"Licensed beds\": 12 beds is a clinic"),
    ] {
        shindan(b.path())
            .args([
                "--lang",
                "en",
                "import",
                "--as",
                "2026-050",
                bad.to_str().unwrap(),
            ])
            .assert()
            .code(code)
            .stderr(
                predicate::str::contains(says).and(predicate::str::contains("nothing imported")),
            );
    }
    assert!(!b.path().join("2026-050.json").exists());
    assert_eq!(
        fs::read(b.path().join(format!("{id}.json"))).unwrap(),
        before
    );

    // --as imports it beside; --replace replaces.
    shindan(b.path())
        .args(["import", "--as", "2026-050", file.to_str().unwrap()])
        .assert()
        .success();
    let moved: Value =
        serde_json::from_str(&fs::read_to_string(b.path().join("2026-050.json")).unwrap()).unwrap();
    assert_eq!(moved["id"], "2026-050");
    shindan(b.path())
        .args(["import", "--replace", file.to_str().unwrap()])
        .assert()
        .success();
    let replaced: Value =
        serde_json::from_str(&fs::read_to_string(b.path().join(format!("{id}.json"))).unwrap())
            .unwrap();
    assert_eq!(replaced["answers"]["hospital_name"]["value"], "みなと病院");
}

fn original_with(file: &Path, edit: impl Fn(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
    edit(&mut v);
    v.to_string()
}

#[test]
fn diff_shows_answers_and_indicators_that_moved() {
    let d = tempfile::tempdir().unwrap();
    let id = new_record(d.path(), "みなと病院");
    for (q, v) in [
        ("backup", "yes"),
        ("backup_offline", "no"),
        ("backup_offsite", "no"),
        ("audit", "never"),
    ] {
        shindan(d.path())
            .args(["answer", &id, q, v])
            .assert()
            .success();
    }
    let store = shindan::store::Store::open(d.path()).unwrap();
    let old = store.load(&id.parse().unwrap()).unwrap();
    let now = chrono::Utc::now();
    store
        .create(2027, |new_id| old.carry_to(new_id, now.date_naive(), now))
        .unwrap();
    shindan(d.path())
        .args(["answer", "2027-001", "backup_offline", "yes"])
        .assert()
        .success();
    shindan(d.path())
        .args(["answer", "2027-001", "audit", "unknown"])
        .assert()
        .success();
    let j = json(shindan(d.path()).args(["diff", "2027-001", "--json"]));
    assert_eq!(j["before"], id);
    let ind = |k: &str| {
        j["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == k)
            .cloned()
            .unwrap()
    };
    assert_eq!(ind("backup_isolated")["direction"], "improved");
    assert_eq!(
        ind("audit_never")["direction"],
        "changed",
        "never → don't know is not an improvement"
    );
    shindan(d.path())
        .args(["diff", &id, "2027-001"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "[改善] バックアップをオフライン／オフサイトに退避: 非該当 → 該当",
        ))
        // A changed answer is headed by its printed number, not its id.
        .stdout(predicate::str::contains("  問11 "))
        .stdout(predicate::str::contains("[backup_offline]").not());
    shindan(d.path())
        .args(["diff", &id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("コピーではありません"));
}

/// The designed shares of the synthetic population, exactly, for a multiple of 100 records.
#[test]
fn aggregate_returns_the_known_shares_exactly() {
    let qn = Questionnaire::embedded();
    let mut t = Tally::new(qn);
    for r in Population::new(1000).iter() {
        t.add(qn, &r);
    }
    let cell = |id: &str| {
        t.indicators
            .iter()
            .find(|(i, _)| i == id)
            .unwrap()
            .1
            .clone()
    };
    // threat: 90% yes, 5% no, 5% don't know → 900 of the 950 definite answers.
    assert_eq!(
        (
            cell("threat_felt").overall.yes,
            cell("threat_felt").overall.of
        ),
        (900, 950)
    );
    assert_eq!(cell("threat_felt").left.unknown, 50);
    // audit never 52%, unknown 3%.
    assert_eq!(
        (
            cell("audit_never").overall.yes,
            cell("audit_never").overall.of
        ),
        (520, 970)
    );
    assert_eq!(
        (
            cell("closed_network_belief").overall.yes,
            cell("closed_network_belief").overall.of
        ),
        (720, 1000)
    );
    // Flagged VPN 40% (400), of whom 60% fixed, 30% not, 10% don't know.
    let vpn = cell("vpn_unpatched");
    assert_eq!((vpn.overall.yes, vpn.overall.of), (120, 360));
    assert_eq!((vpn.left.not_applicable, vpn.left.unknown), (500, 100 + 40));
    assert_eq!(
        t.by_bed_class.values().copied().collect::<Vec<_>>(),
        [200; 5]
    );

    // Every cohort cell equals a plain count over the records.
    for (k, ind) in qn.indicators.iter().enumerate() {
        for class in BedClass::ALL {
            let (mut yes, mut of) = (0, 0);
            for r in Population::new(1000)
                .iter()
                .filter(|r| r.bed_class() == Some(class))
            {
                match qn.indicator_value(ind, &r) {
                    IndicatorValue::True => (yes, of) = (yes + 1, of + 1),
                    IndicatorValue::False => of += 1,
                    _ => {}
                }
            }
            let c = t.indicators[k]
                .1
                .by_bed_class
                .get(&class)
                .copied()
                .unwrap_or_default();
            assert_eq!((c.yes, c.of), (yes, of), "{} {class}", ind.id);
        }
    }
    // 図６: brackets 51/10/5/3/1 % and 30% unknown, per class of 200.
    let total: u64 = t.brackets.values().map(|b| b[0]).sum();
    assert_eq!(total, 510);
    assert_eq!(t.no_bracket.values().sum::<u64>(), 300);
}

fn write_population(dir: &Path, n: usize, incomplete_every: usize) {
    let mut pop = Population::new(n);
    pop.incomplete_every = incomplete_every;
    fs::create_dir_all(dir).unwrap();
    for r in pop.iter() {
        fs::write(
            dir.join(format!("{}.json", r.id)),
            shindan::store::to_json(&r),
        )
        .unwrap();
    }
}

#[test]
fn aggregate_skips_a_damaged_file_and_counts_the_rest_where_they_answered() {
    let d = tempfile::tempdir().unwrap();
    let folder = d.path().join("collected");
    write_population(&folder, 300, 10);
    fs::write(folder.join("2026-999.json"), "{ torn").unwrap();
    let out = shindan(d.path())
        .args([
            "--lang",
            "en",
            "aggregate",
            folder.to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("skipped, cannot be read"));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["respondents"], 300);
    assert_eq!(j["complete"], 270);
    assert_eq!(j["incomplete"], 30);
    assert_eq!(j["skipped"].as_array().unwrap().len(), 1);
    let ir = j["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "ir_missing")
        .unwrap();
    assert_eq!(
        ir["unanswered"], 30,
        "the unfinished records count only where they answered"
    );
    assert_eq!(
        ir["overall"]["of"].as_u64().unwrap() + ir["unknown"].as_u64().unwrap(),
        270
    );
    for key in ["by_bed_class", "by_founder", "staff", "budget"] {
        assert!(j.get(key).is_some(), "{key}");
    }
    let cell = &ir["by_bed_class"]["b300_499"];
    assert!(
        cell["yes"].is_u64() && cell["of"].is_u64() && cell["share"].is_f64(),
        "{cell}"
    );

    // The same population as one JSONL bundle gives the same tables.
    let bundle = d.path().join("pop.jsonl");
    let mut pop = Population::new(300);
    pop.incomplete_every = 10;
    let lines: Vec<String> = pop
        .iter()
        .map(|r| serde_json::to_string(&r).unwrap())
        .collect();
    fs::write(&bundle, lines.join("\n") + "\n").unwrap();
    let from_bundle = json(shindan(d.path()).args([
        "--lang",
        "en",
        "aggregate",
        bundle.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let mut without_skips = j.clone();
    without_skips["skipped"] = Value::Array(vec![]);
    // Each names itself after its folder or bundle.
    without_skips["survey"]["name"] = "pop".into();
    assert_eq!(from_bundle, without_skips);
}

#[test]
fn aggregate_csv_opens_as_the_expected_cells() {
    let d = tempfile::tempdir().unwrap();
    let folder = d.path().join("collected");
    write_population(&folder, 100, 0);
    let out = shindan(d.path())
        .args(["aggregate", folder.to_str().unwrap(), "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.stdout.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\r\n"));
    // The budget follows as a second table (see tests/aggregate_budget.rs).
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = rdr
        .records()
        .map(|r| r.unwrap())
        .take_while(|r| r.len() == 5)
        .collect();
    let threat = rows
        .iter()
        .find(|r| &r[0] == "threat_felt" && &r[1] == "all")
        .unwrap();
    assert_eq!((&threat[2], &threat[3], &threat[4]), ("90", "95", "0.9474"));
    assert_eq!(
        rows.len(),
        10 * 6,
        "ten indicators × (all + five bed classes)"
    );
    shindan(d.path())
        .args(["aggregate", "/no/such/place"])
        .assert()
        .code(2);
}

/// `copy` makes next year's record as the home screen's `c` does: the answers carried over and
/// marked so, the old record named as `previous`, the file as private as the others.
#[test]
fn copy_carries_a_record_to_next_year_and_links_it() {
    let d = tempfile::tempdir().unwrap();
    let id = new_record(d.path(), "みなと病院");
    shindan(d.path())
        .args(["answer", &id, "backup", "yes"])
        .assert()
        .success();
    let out = shindan(d.path())
        .args(["copy", &id, "--year", "2027"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), "2027-001");
    let store = shindan::store::Store::open(d.path()).unwrap();
    let new = store.load(&"2027-001".parse().unwrap()).unwrap();
    assert_eq!(
        new.previous.as_ref().map(|p| p.to_string()),
        Some(id.clone())
    );
    assert!(
        new.answers["backup"].carried,
        "to be confirmed in the interview"
    );
    assert_eq!(
        fs::metadata(d.path().join("2027-001.json"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    shindan(d.path())
        .args(["diff", &id, "2027-001"])
        .assert()
        .success();
    shindan(d.path())
        .args(["copy", "2026-999"])
        .assert()
        .failure()
        .code(2);
    shindan(d.path())
        .args(["copy", &id, "--year", "1999"])
        .assert()
        .failure()
        .code(2)
        .stderr(predicate::str::contains("2000"));
}

#[test]
fn diff_of_two_different_hospitals_says_so() {
    let d = tempfile::tempdir().unwrap();
    let a = new_record(d.path(), "みなと病院");
    let b = new_record(d.path(), "さくら病院");
    shindan(d.path())
        .args(["diff", &a, &b])
        .assert()
        .success()
        .stderr(predicate::str::contains("別の病院の記録です"));
    shindan(d.path())
        .args(["copy", &a, "--year", "2027"])
        .assert()
        .success();
    shindan(d.path())
        .args(["diff", &a, "2027-001"])
        .assert()
        .success()
        .stderr(predicate::str::contains("別の病院").not());
}
