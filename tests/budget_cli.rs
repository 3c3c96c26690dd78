//! `shindan budget` and the budget block of `shindan check`, as a new user and a script see
//! them: the figures, the JSON keys, the report's tables, and every kind of refused input.

use serde_json::Value;
use shindan::text::width;
use std::path::Path;

mod cli_run;
use cli_run::{ok as run_ok, shindan};

/// Runs a command that must be refused as invalid input; returns stderr.
fn run_invalid(dir: &Path, args: &[&str]) -> String {
    let out = shindan(dir).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?} should exit 2");
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    String::from_utf8(out.stderr).unwrap()
}

fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&run_ok(dir, args)).unwrap()
}

fn fits_80(text: &str) {
    for l in text.lines() {
        assert!(width(l) <= 80, "{} columns: {l}", width(l));
    }
}

fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort();
    k
}

const KEYS: [&str; 9] = [
    "actual",
    "actual_source",
    "bed_class",
    "cohort",
    "it_budget",
    "required",
    "revenue",
    "revenue_source",
    "shortfall",
];

#[test]
fn a_350_bed_hospital_on_the_surveys_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(dir.path(), &["budget", "--beds", "350"]);
    fits_80(&out);
    for s in [
        "300～499床",
        "8,533,375",
        "188,587",
        "28,288",
        "56,576",
        "7,359",
        "-20,929",
        "-49,217",
        "必要最低水準（15%）に 約2,093万円（20,929千円） 不足",
        "十分水準（30%）に 約4,922万円（49,217千円） 不足",
        "実際の予算が不明のため、必要額だけを示します",
        "［既定］",
    ] {
        assert!(out.contains(s), "missing {s}:\n{out}");
    }
    // No record was made.
    assert_eq!(
        std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(0),
        0
    );
}

#[test]
fn own_figures_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(
        dir.path(),
        &[
            "--lang",
            "en",
            "budget",
            "--beds",
            "150",
            "--revenue",
            "3,000,000",
            "--budget",
            "5000",
        ],
    );
    fits_80(&out);
    // 3,000,000 × 2.21% = 66,300; 15% 9,945; 30% 19,890.
    for s in [
        "66,300",
        "9,945",
        "19,890",
        "-4,945",
        "-14,890",
        "about ¥4.95 million (¥4,945 thousand) short of the minimum level (15%)",
        "¥14.89 million short of the sufficient level (30%)",
        "[own] your answer",
        "100–199 beds",
    ] {
        assert!(out.contains(s), "missing {s}:\n{out}");
    }
    assert!(
        !out.contains('（'),
        "full-width brackets in English:\n{out}"
    );
}

#[test]
fn json_has_exactly_the_issues_keys() {
    let dir = tempfile::tempdir().unwrap();
    let v = json(dir.path(), &["budget", "--beds", "350", "--json"]);
    assert_eq!(keys(&v), KEYS);
    assert_eq!(v["bed_class"], "b300_499");
    assert_eq!(v["revenue"], 8_533_375);
    assert_eq!(v["revenue_source"], "survey");
    assert_eq!(v["it_budget"], 188_587);
    assert_eq!(v["required"]["min"], 28_288);
    assert_eq!(v["required"]["sufficient"], 56_576);
    assert_eq!(v["actual"], Value::Null);
    assert_eq!(v["actual_source"], "unknown");
    assert_eq!(v["shortfall"], Value::Null);
    assert_eq!(keys(&v["cohort"]), ["estimate", "shortfall"]);
    assert_eq!(v["cohort"]["estimate"], 7_359);
    assert_eq!(v["cohort"]["shortfall"]["min"], -20_929);
    assert_eq!(v["cohort"]["shortfall"]["sufficient"], -49_217);

    let v = json(
        dir.path(),
        &[
            "budget",
            "--beds",
            "80",
            "--revenue",
            "1000000",
            "--bracket",
            "lt5m",
            "--json",
        ],
    );
    assert_eq!(v["revenue_source"], "own");
    assert_eq!(v["it_budget"], 22_100);
    assert_eq!(v["actual"], 2_500);
    assert_eq!(v["actual_source"], "bracket");
    assert_eq!(v["shortfall"]["min"], 2_500 - 3_315);
    assert_eq!(v["shortfall"]["sufficient"], 2_500 - 6_630);
    assert_eq!(v["cohort"]["estimate"], 3_946);
    assert_eq!(v["cohort"]["shortfall"]["min"], 499);
}

#[test]
fn a_rate_of_twenty_percent() {
    let dir = tempfile::tempdir().unwrap();
    let v = json(
        dir.path(),
        &["budget", "--beds", "350", "--min-rate", "0.2", "--json"],
    );
    assert_eq!(v["required"]["min"], 37_717);
    assert_eq!(v["required"]["sufficient"], 56_576);
    assert_eq!(v["cohort"]["shortfall"]["min"], 7_359 - 37_717);
    let out = run_ok(
        dir.path(),
        &["budget", "--beds", "350", "--min-rate", "20%"],
    );
    assert!(out.contains("20% ［試算］ 報告書は 15%"), "{out}");
    assert!(out.contains("試した値を含む試算です"), "{out}");
    // The one legend the budget screen shows too, its every mark explained.
    let legend = shindan::domain::budget::Origin::legend(shindan::domain::Lang::Ja);
    assert_eq!(
        legend,
        "［貴院］貴院の数字 ［既定］報告書の既定値 ［試算］試した値 ［不明］わからない"
    );
    assert!(out.contains(&format!("  {legend}\n")), "{out}");
}

#[test]
fn the_report_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["ja", "en"] {
        let out = run_ok(dir.path(), &["--lang", lang, "budget", "--report"]);
        fits_80(&out);
        for s in [
            // 図５
            "21,283,129  470,357    70,553",
            "804,595   17,781     2,667",
            // 図６: counts, n, interim, final
            "88      9      3      2      0   102         3,841    3,946",
            "54     19     15     17      4   109        13,617   11,903",
            // 図７ final
            "3,946    3,447※1       499      6,894     -2,948",
            "11,903     70,553   -58,650    141,107   -129,204",
            // 図７ interim, the disagreeing row marked
            "4,380      8,397   -4,017†     16,795   -12,415†",
            "13,617     70,553   -56,936    141,107   -127,490",
        ] {
            assert!(out.contains(s), "{lang}: missing {s}:\n{out}");
        }
    }
    let ja = run_ok(dir.path(), &["budget", "--report"]);
    assert!(ja.contains("1,000万円*"), "{ja}");
    assert!(ja.contains("-4,016 / -12,414"), "{ja}");
    assert!(ja.contains("中間の推計平均実態値は引用"), "{ja}");
    let en = run_ok(dir.path(), &["--lang", "en", "budget", "--report"]);
    assert!(en.contains("¥10 million*"), "{en}");
    assert!(en.contains("Interim (q.)"), "{en}");
    // p34 as the report words it in Japanese; in English its amount, 「程度」 said once as
    // "about" (~).
    for s in ["1億3000万程度", "1050万程度", "N/A(0円)"] {
        assert!(ja.contains(s), "{s}");
    }
    for s in [
        "~¥130 million",
        "~¥10.5 million",
        "N/A (¥0)",
        "~ = the report's 「程度」 (about)",
    ] {
        assert!(en.contains(s), "{s}\n{en}");
    }
    // No bed class cut to "100–199 b…"; the figures named in English beside their names.
    assert!(!en.contains('…') && en.contains("100–199 beds  "), "{en}");
    assert!(
        en.contains("■ Fig. 6 (図６) Estimated actual budget per hospital (p46)"),
        "{en}"
    );
    // The interim 図７ is p48 (the asset's page), the final one p47.
    for (text, interim, final_) in [
        (
            &ja,
            "■ 図７ セキュリティ予算の不足額（中間集計、p48）",
            "（最終集計、p47）",
        ),
        (
            &en,
            "■ Fig. 7 (図７) Security budget shortfall (interim count, p48)",
            "(final count, p47)",
        ),
    ] {
        assert!(text.contains(interim) && text.contains(final_), "{text}");
    }
    assert!(!en.contains('（'), "full-width brackets in English:\n{en}");
}

#[test]
fn check_shows_the_budget_block() {
    let dir = tempfile::tempdir().unwrap();
    let id = run_ok(
        dir.path(),
        &[
            "new",
            "--name",
            "予算病院",
            "--beds",
            "40",
            "--founder",
            "medical_corporation",
        ],
    );
    let id = id.trim();
    run_ok(dir.path(), &["answer", id, "budget_bracket", "lt5m"]);
    run_ok(dir.path(), &["answer", id, "budget_amount", "3000"]);
    let out = run_ok(dir.path(), &["check", id]);
    fits_80(&out);
    // 40 beds: the 20–49 row's revenue, the 20–99 class beside it.
    for s in [
        "■ セキュリティ予算の試算（提言１）：40床（20～99床）",
        "804,595",
        "17,781",
        "2,667",
        "3,447",
        "333",
        "-2,334",
        "必要最低水準（15%）を 約33万円（333千円） 上回る",
        "貴院の回答（実額）",
    ] {
        assert!(out.contains(s), "missing {s}:\n{out}");
    }
    let v = json(dir.path(), &["check", id, "--json"]);
    let b = &v["budget"];
    assert_eq!(keys(b), KEYS);
    assert_eq!(b["revenue"], 804_595);
    assert_eq!(b["actual"], 3_000);
    assert_eq!(b["actual_source"], "own");
    assert_eq!(b["shortfall"]["min"], 333);
    assert_eq!(b["cohort"]["estimate"], 3_946);
    // The same figures as `budget` typed by hand.
    let typed = json(
        dir.path(),
        &["budget", "--beds", "40", "--budget", "3000", "--json"],
    );
    assert_eq!(*b, typed);
}

#[test]
fn every_kind_of_invalid_input_exits_2_naming_what_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["budget", "--beds", "350", "--revenue", "-5"],
            &["--revenue", "1～100,000,000"],
        ),
        (
            &["budget", "--beds", "350", "--revenue", "abc"],
            &["--revenue", "整数", "1～100,000,000"],
        ),
        (
            &["budget", "--beds", "350", "--revenue", "0"],
            &["--revenue", "1～100,000,000"],
        ),
        (
            &["budget", "--beds", "350", "--min-rate", "1.5"],
            &["--min-rate", "0～1"],
        ),
        (
            &["budget", "--beds", "350", "--min-rate", "-0.1"],
            &["--min-rate", "0～1"],
        ),
        (
            &["budget", "--beds", "350", "--sufficient-rate", "abc"],
            &["--sufficient-rate", "0～1"],
        ),
        (
            &["budget", "--beds", "350", "--sufficient-rate", "30"],
            &["--sufficient-rate", "0～1"],
        ),
        (
            &[
                "budget",
                "--beds",
                "350",
                "--min-rate",
                "0.4",
                "--sufficient-rate",
                "0.3",
            ],
            &["最低水準の率 40%", "十分水準以下"],
        ),
        (&["budget", "--beds", "10"], &["--beds", "20床以上"]),
        (&["budget", "--beds", "abc"], &["--beds", "20～5,000"]),
        (&["budget", "--beds", "-"], &["--beds", "20～5,000"]),
        (
            &["budget", "--beds", "350", "--budget", "-1"],
            &["--budget", "0～10,000,000"],
        ),
        (
            &["budget", "--beds", "350", "--bracket", "big"],
            &["--bracket", "lt5m", "5m_10m", "unknown"],
        ),
        (
            &[
                "budget",
                "--beds",
                "350",
                "--budget",
                "1000",
                "--bracket",
                "lt5m",
            ],
            &["--bracket"],
        ),
        (&["budget"], &["--beds"]),
        (&["budget", "--report", "--beds", "350"], &["--report"]),
    ];
    for (args, says) in cases {
        let err = run_invalid(d, args);
        for s in *says {
            assert!(err.contains(s), "{args:?}: `{s}` not in {err}");
        }
    }
    let en = run_invalid(
        d,
        &["--lang", "en", "budget", "--beds", "350", "--min-rate", "2"],
    );
    assert!(en.contains("outside 0–1"), "{en}");
    let en = run_invalid(d, &["--lang", "en", "budget", "--beds", "5", "--json"]);
    assert!(en.contains("at least 20 beds"), "{en}");
    let en = run_invalid(
        d,
        &["--lang", "en", "budget", "--beds", "350", "--revenue", "x"],
    );
    assert!(en.contains("whole number from 1 to 100,000,000"), "{en}");
}

#[test]
fn help_explains_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(dir.path(), &["--lang", "en", "budget", "--help"]);
    for s in [
        "--beds",
        "--revenue",
        "--budget",
        "--bracket",
        "--min-rate",
        "--sufficient-rate",
        "--json",
        "--report",
        "thousand yen",
    ] {
        assert!(out.contains(s), "missing {s}:\n{out}");
    }
}
