//! `shindan aggregate`'s budget: on a generated population whose bracket counts are 図６'s,
//! the estimates and shortfalls are the report's 図６/図７ figures to the yen; records that chose
//! no bracket count only where they answered, and the counts say which.

use assert_cmd::Command;
use serde_json::Value;
use shindan::domain::aggregate::Tally;
use shindan::domain::budget::BudgetData;
use shindan::domain::{BedClass, Questionnaire};
mod synth;

use std::fs;
use std::path::Path;
use synth::Population;

/// 図６ (p46), final count, and 図７ as printed: estimate, (A−B) at 15%, (A−C) at 30%.
const REPORT: [(&str, [u64; 5], i64, i64, i64); 5] = [
    ("b20_99", [88, 9, 3, 2, 0], 3_946, 499, -2_948),
    ("b100_199", [202, 31, 8, 8, 1], 4_750, -3_647, -12_045),
    ("b200_299", [99, 17, 13, 3, 1], 5_451, -10_455, -26_361),
    ("b300_499", [137, 28, 15, 9, 7], 7_359, -20_929, -49_217),
    ("b500_plus", [54, 19, 15, 17, 4], 11_903, -58_650, -129_204),
];

/// p2: respondents per bed class.
const CLASS_N: [u64; 5] = [141, 369, 193, 283, 158];

fn write_bundle(path: &Path, pop: Population) {
    let lines: Vec<String> = pop
        .iter()
        .map(|r| serde_json::to_string(&r).unwrap())
        .collect();
    fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn the_2022_population_gives_figure_6_and_7_to_the_yen() {
    let qn = Questionnaire::embedded();
    let mut t = Tally::new(qn);
    for r in Population::like_2022().iter() {
        t.add(qn, &r);
    }
    assert_eq!(t.respondents, 1_144);
    let data = BudgetData::embedded();
    let budget = t.budget(data, data.levels());
    for ((id, counts, estimate, s15, s30), (cb, n)) in REPORT.iter().zip(budget.iter().zip(CLASS_N))
    {
        assert_eq!(cb.class.id(), *id);
        assert_eq!(t.by_bed_class[&cb.class], n, "{id}: p2's respondents");
        assert_eq!(t.brackets[&cb.class], *counts, "{id}: 図６'s counts");
        assert_eq!(cb.estimate, Some(*estimate), "{id}: 図６ 最終");
        let s = cb.shortfall.unwrap();
        assert_eq!((s.min, s.sufficient), (*s15, *s30), "{id}: 図７");
        // Those who chose no bracket are outside the divisor, and counted apart.
        let chose: u64 = counts.iter().sum();
        assert_eq!(u64::from(cb.chose), chose);
        assert_eq!(t.no_bracket[&cb.class], n - chose, "{id}");
    }
    // 20–99 beds: 141 − 102 = 39 without a bracket; 26 answered わからない, 13 left it open.
    assert_eq!(t.bracket_unknown[&BedClass::B20To99], 26);
}

#[test]
fn aggregate_json_md_and_csv_carry_the_budget() {
    let d = tempfile::tempdir().unwrap();
    let bundle = d.path().join("shibyokyo-like.jsonl");
    write_bundle(&bundle, Population::like_2022());
    let run = |format: &str| {
        let out = Command::cargo_bin("shindan")
            .unwrap()
            .env("SHINDAN_DATA_DIR", d.path())
            .env_remove("SHINDAN_LANG")
            .args(["aggregate", bundle.to_str().unwrap(), "--format", format])
            .args(["--date", "2026-06-01"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let j: Value = serde_json::from_slice(&run("json")).unwrap();
    assert_eq!(
        j["survey"],
        serde_json::json!({"name": "shibyokyo-like", "date": "2026-06-01", "records": 1144})
    );
    assert_eq!(j["budget"]["unit"], "thousand_yen");
    assert_eq!(
        j["budget"]["levels"],
        serde_json::json!({"min": "15%", "sufficient": "30%"})
    );
    for (id, counts, estimate, s15, s30) in REPORT {
        let c = &j["budget"]["by_bed_class"][id];
        let got: Vec<u64> = ["lt5m", "5m_10m", "10m_20m", "20m_50m", "ge50m"]
            .iter()
            .map(|b| c["counts"][b].as_u64().unwrap())
            .collect();
        assert_eq!(got, counts, "{id}");
        assert_eq!(c["estimate"], estimate, "{id}");
        assert_eq!(c["shortfall"]["min"], s15, "{id}");
        assert_eq!(c["shortfall"]["sufficient"], s30, "{id}");
        assert_eq!(
            c["dont_know"].as_u64().unwrap() + c["unanswered"].as_u64().unwrap(),
            c["no_bracket"].as_u64().unwrap()
        );
    }
    let c = &j["budget"]["by_bed_class"]["b20_99"];
    assert_eq!(
        (&c["chose"], &c["dont_know"], &c["unanswered"]),
        (&Value::from(102), &Value::from(26), &Value::from(13))
    );
    assert_eq!(
        c["required"],
        serde_json::json!({"min": 3447, "sufficient": 6894})
    );

    let md = String::from_utf8(run("md")).unwrap();
    assert!(
        md.starts_with("# 集計：shibyokyo-like（2026-06-01）"),
        "{md}"
    );
    assert!(
        md.contains("| 20～99床 | 102 | 3,946 | 3,447 | 6,894 | +499 | −2,948 |"),
        "{md}"
    );
    assert!(
        md.contains("| 500床以上 | 109 | 11,903 | 70,553 | 141,107 | −58,650 | −129,204 |"),
        "{md}"
    );

    let csv = String::from_utf8(run("csv")).unwrap();
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let at = rows.iter().position(|r| &r[0] == "bed_class").unwrap();
    assert_eq!(&rows[at][12], "shortfall_min");
    let b300: Vec<&str> = rows[at + 4].iter().collect();
    assert_eq!(
        b300,
        [
            "b300_499", "137", "28", "15", "9", "7", "196", "58", "29", "7359", "28288", "56576",
            "-20929", "-49217"
        ]
    );
}

/// Each format, with stdout on a full device: exit 1 and the reason on stderr, never a
/// success with a truncated or missing table (the CSV's write error was once ignored).
#[test]
fn aggregate_on_a_full_stdout_fails_in_every_format() {
    let d = tempfile::tempdir().unwrap();
    let bundle = d.path().join("shibyokyo-like.jsonl");
    write_bundle(&bundle, Population::like_2022());
    for format in ["csv", "md", "json"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_shindan"))
            .env("SHINDAN_DATA_DIR", d.path())
            .args(["--lang", "en", "aggregate", bundle.to_str().unwrap()])
            .args(["--format", format, "--date", "2026-06-01"])
            .stdout(fs::File::options().write(true).open("/dev/full").unwrap())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{format}: {err}");
        assert!(
            err.contains("cannot write to standard output"),
            "{format}: {err}"
        );
    }
}
