//! `shindan check` and `shindan survey` as a director over SSH and a script see them.

use predicates::prelude::*;
use serde_json::Value;
use shindan::text::width;
use std::fs;
use std::path::Path;

mod cli_run;
mod hospital;
use cli_run::{ok as run_ok, shindan};

/// The realistic hospital of tests/hospital, made as a new user would.
fn hospital(dir: &Path) -> String {
    hospital::made(dir, run_ok)
}

fn assert_fits_80(out: &str) {
    for line in out.lines() {
        assert!(width(line) <= 80, "{} columns: {line}", width(line));
    }
}

#[test]
fn help_for_check_and_survey() {
    let tmp = tempfile::tempdir().unwrap();
    for cmd in ["check", "survey"] {
        shindan(tmp.path())
            .args([cmd, "--help"])
            .assert()
            .success()
            .stdout(
                predicate::str::contains("使い方: shindan").and(predicate::str::contains("--json")),
            );
    }
}

#[test]
fn check_shows_the_position_in_japanese_within_80_columns() {
    let tmp = tempfile::tempdir().unwrap();
    let id = hospital(tmp.path());
    let out = run_ok(tmp.path(), &["check", &id]);
    assert_fits_80(&out);
    let lines: Vec<&str> = out.lines().collect();
    // First the 年度 and how much is answered this year, then the position.
    assert!(lines[0].starts_with("■ 20") && lines[0].contains("年度（評価日 "));
    assert!(lines[0].ends_with("面談 19/20（95%）"), "{}", lines[0]);
    assert_eq!(lines[1], "");
    assert_eq!(lines[2], format!("{id}  さくら記念病院"));
    assert_eq!(
        lines[3],
        "許可病床 350床 → 300～499床 283病院（回答1,144病院の24.7%）"
    );
    assert_eq!(lines[4], "開設者 医療法人 600病院（回答1,144病院の52.4%）");
    // Backups not kept apart: named as what is missing, not as the good state.
    assert!(
        out.contains("優先：指摘されたVPNの脆弱性が未対応、「バックアップをオフライン"),
        "{out}"
    );
    assert!(out.contains("」に該当しない"), "{out}");
    // Figures as the report gives them, with their places.
    for expected in [
        "  医療法人               n=600 74% [開設者別(7/7) p29]",
        "  300～499床             n=283 48.4%（137/283） [p46 図６]   ※9",
        // The share that HAS a process, named as such (issue 17).
        "  全回答病院           n=1,144 整備している 約55–60%（6割弱） [全体結果(7/7)",
        "  300～499床             n=283 —（本文に数値なし）",
        "  500万円未満         137  48.4%  ###############                ← 貴院",
        "  区分の回答なし       87  30.7%  #########",
    ] {
        assert!(out.contains(expected), "missing: {expected}\n{out}");
    }
    assert!(
        out.contains("→ 開設者が医療法人の病院の74%が「システム停止時のBCPが未整備」で、貴院も")
    );
    // Every note mark has its note.
    assert!(out.contains("■ 注：shindanの読み方"));
    for i in 1..=10 {
        assert!(out.contains(&format!("\n※{i} ")), "note {i}");
    }
}

#[test]
fn check_in_english_fits_too() {
    let tmp = tempfile::tempdir().unwrap();
    let id = hospital(tmp.path());
    let out = run_ok(tmp.path(), &["--lang", "en", "check", &id]);
    assert_fits_80(&out);
    assert!(out.contains("350 beds → 300–499 beds: 283 of the 1,144 respondents (24.7%)"));
    assert!(out.contains("  Medical corporation    n=600 74% [by founder 7/7, p29]"));
    assert!(
        out.contains("First: Flagged VPN left unpatched; not “Backup kept offline or off site”"),
        "{out}"
    );
    assert!(
        !out.contains('（'),
        "full-width brackets in English:\n{out}"
    );
}

#[test]
fn check_json_has_the_documented_keys_and_figures() {
    let tmp = tempfile::tempdir().unwrap();
    let id = hospital(tmp.path());
    let out = run_ok(tmp.path(), &["check", &id, "--json"]);
    // Keys in order: record first, its year and progress, then the position's.
    let keys: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("  \"") && !l.starts_with("   "))
        .map(|l| l.trim().split('"').nth(1).unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "record",
            "year",
            "progress",
            "carried",
            "survey",
            "bed_class",
            "founder",
            "indicators",
            "staff",
            "coverage",
            "budget",
            "checklist",
            "next_steps"
        ]
    );
    let j: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["record"], id.as_str());
    assert_eq!(j["bed_class"]["id"], "b300_499");
    assert_eq!(j["bed_class"]["n"], 283);
    assert_eq!(j["bed_class"]["share"], 24.7);
    assert_eq!(j["bed_class"]["budget_brackets"]["rows"][0]["own"], true);
    assert_eq!(j["bed_class"]["budget_brackets"]["no_bracket"]["count"], 87);
    assert_eq!(j["founder"]["id"], "medical_corporation");
    assert_eq!(j["founder"]["small_sample"], false);
    let inds = j["indicators"].as_array().unwrap();
    assert_eq!(inds.len(), 10);
    for ind in inds {
        let mut k: Vec<&str> = ind
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        k.sort();
        assert_eq!(k, ["bed_class", "founder", "hospital", "id", "overall"]);
        for cohort in ["bed_class", "founder", "overall"] {
            let c = &ind[cohort];
            for key in ["precision", "source", "n", "small_sample"] {
                assert!(c.get(key).is_some(), "{} {cohort}: no {key}", ind["id"]);
            }
            match c["precision"].as_str().unwrap() {
                "exact" | "derived" => assert!(c["value"].is_number()),
                "approx" => {
                    assert!(c["range"]["from"].is_number() && c["range"]["to"].is_number());
                    assert!(c["words"].is_string());
                    assert!(
                        c.get("value").is_none(),
                        "an approx figure has no point value"
                    );
                }
                "missing" => assert!(c["source"].is_null() && c.get("value").is_none()),
                other => panic!("precision {other}"),
            }
        }
    }
    let bcp = &inds[9];
    assert_eq!(bcp["id"], "bcp_missing");
    assert_eq!(bcp["hospital"], "true");
    assert_eq!(bcp["founder"]["value"], 74);
    assert_eq!(bcp["founder"]["precision"], "exact");
    assert_eq!(bcp["founder"]["source"], "founder 7/7");
    assert_eq!(bcp["founder"]["n"], 600);
    assert_eq!(bcp["founder"]["standing"], "majority");
    assert_eq!(bcp["overall"]["counts"], "opposite");
    assert_eq!(bcp["bed_class"]["precision"], "missing");
    let vpn = &inds[1];
    assert_eq!(vpn["bed_class"]["range"]["from"], 17.0);
    assert_eq!(vpn["bed_class"]["range"]["to"], 23.0);
    assert_eq!(vpn["bed_class"]["words"], "2割程度");
    assert_eq!(vpn["bed_class"]["scope"], "each");
    assert_eq!(vpn["bed_class"]["reading"]["id"], "vpn_population");
    let budget = &inds[4];
    assert_eq!(budget["bed_class"]["value"], 48.4);
    assert_eq!(budget["bed_class"]["count"], serde_json::json!([137, 283]));
    assert_eq!(
        budget["bed_class"]["unknown"]["count"],
        serde_json::json!([87, 283])
    );
    assert_eq!(budget["bed_class"]["standing"], Value::Null);
    assert_eq!(j["staff"]["total"], 4);
    assert_eq!(j["staff"]["versus"], "above");
    assert_eq!(j["staff"]["average"]["words"], "3人弱");
}

#[test]
fn check_on_a_fresh_record_tells_what_to_answer() {
    let tmp = tempfile::tempdir().unwrap();
    let id = run_ok(
        tmp.path(),
        &[
            "new",
            "--name",
            "小さな病院",
            "--beds",
            "40",
            "--founder",
            "coop",
        ],
    )
    .trim()
    .to_string();
    let out = run_ok(tmp.path(), &["check", &id]);
    assert_fits_80(&out);
    assert!(out.contains("指標10件はまだ回答がありません"));
    // The question by the number printed beside it, which `answer` takes.
    // Its options by number and words, which `answer` takes, never their ids.
    assert!(
        out.contains(&format!("回答： shindan answer {id} 問10 番号（1 ")),
        "{out}"
    );
    assert!(!out.contains("yes|no"), "{out}");
    assert!(out.contains("小標本：回答4病院。1病院で割合が25ポイント動きます"));
    run_ok(tmp.path(), &["answer", &id, "bcp", "unknown"]);
    let out = run_ok(tmp.path(), &["check", &id]);
    assert!(out.contains("不明：システム停止時のBCPが未整備（「わからない」と回答"));
    assert!(out.contains("未回答：サイバー攻撃の脅威を感じている、"));
    let j: Value = serde_json::from_str(&run_ok(tmp.path(), &["check", &id, "--json"])).unwrap();
    assert_eq!(j["indicators"][9]["hospital"], "unknown");
    assert_eq!(j["founder"]["small_sample"], true);
    assert_eq!(j["indicators"][0]["hospital"], "unanswered");
    assert_eq!(j["indicators"][0]["founder"]["small_sample"], true);
    assert_eq!(j["indicators"][0]["founder"]["n"], 4);
}

#[test]
fn bad_ids_exit_2_and_damaged_records_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    shindan(tmp.path())
        .args(["check", "26-1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2026-007"));
    shindan(tmp.path())
        .args(["--lang", "en", "check", "2026-099"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("shindan list"));
    let bad = tmp.path().join("2026-005.json");
    fs::write(&bad, "{\"format_version\": 2, \"id\": ").unwrap();
    shindan(tmp.path())
        .args(["check", "2026-005", "--json"])
        .assert()
        .code(1)
        .stdout("");
    assert_eq!(
        fs::read_to_string(&bad).unwrap(),
        "{\"format_version\": 2, \"id\": "
    );
}

#[test]
fn survey_prints_the_dataset_with_sources() {
    let tmp = tempfile::tempdir().unwrap();
    for lang in ["ja", "en"] {
        let out = run_ok(tmp.path(), &["--lang", lang, "survey"]);
        assert_fits_80(&out);
        let fig6 = if lang == "ja" {
            "p46 図６"
        } else {
            "p46 fig. 6 (図６)"
        };
        assert!(out.contains(fig6) && out.contains("founder 5/7"), "{lang}");
    }
    let out = run_ok(tmp.path(), &["survey"]);
    assert!(out.contains("対象5,596病院、回答1,144病院（回答率20.4%）"));
    assert!(out.contains("  医療生協          4    0.3%   小標本（1病院で25ポイント）"));
    assert!(
        out.contains("  300-499   137        28          15           9            7           87")
    );
    assert!(out.contains("  医師会              89% founder 4/7"));
    assert!(out.contains("  各病床規模          約17–23%（2割程度） bed 2/7"));
    let j: Value = serde_json::from_str(&run_ok(tmp.path(), &["survey", "--json"])).unwrap();
    assert_eq!(j["respondents"], 1144);
    assert_eq!(j["targets"], 5596);
    assert_eq!(j["response_rate"], 20.4);
    assert_eq!(j["period"]["from"], "2022-01-31");
    assert_eq!(j["composition"]["founder"][9]["id"], "coop");
    assert_eq!(j["composition"]["founder"][9]["n"], 4);
    assert_eq!(j["composition"]["founder"][9]["small_sample"], true);
    assert_eq!(j["composition"]["association_total"], 1519);
    assert_eq!(
        j["budget_brackets"]["rows"][4]["counts"],
        serde_json::json!([54, 19, 15, 17, 4])
    );
    assert_eq!(j["budget_brackets"]["rows"][4]["no_bracket"], 49);
    let audit = &j["indicators"][3];
    assert_eq!(audit["id"], "audit_never");
    assert_eq!(audit["founder"]["medical_association"][0]["value"], 89);
    assert_eq!(
        audit["founder"]["medical_association"][0]["precision"],
        "exact"
    );
    assert_eq!(audit["founder_average"][0]["value"], 52);
    assert_eq!(audit["overall"][0]["words"], "5割以上");
    assert_eq!(audit["overall"][0]["range"]["to"], 100.0);
}

#[test]
fn check_without_an_id_takes_the_only_record_and_ends_with_the_next_steps() {
    let tmp = tempfile::tempdir().unwrap();
    shindan(tmp.path())
        .args(["check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("shindan new"));
    let id = hospital(tmp.path());
    let out = run_ok(tmp.path(), &["check"]);
    assert_fits_80(&out);
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("no {s}"));
    // The overview's order: position, coverage, budget, checklist, next steps.
    assert!(at("■ 2022年調査との比較") < at("■ リスク対策の網羅率"));
    assert!(at("■ リスク対策の網羅率") < at("■ セキュリティ予算の試算"));
    assert!(at("■ セキュリティ予算の試算") < at("■ 厚労省チェックリスト（令和7年度版）の準備状況"));
    assert!(at("■ 厚労省チェックリスト") < at("■ 次の一手"));
    assert!(out.contains(" 1. 事業者に依頼：バックアップからの復旧手順書を提出し"));
    // Gaps most peers share stay steps, said to be common, ranked by the risk they leave
    // open: no insurance and no BCP leave a 大 risk uncovered, never audited a small one.
    assert!(out.contains(" 2. 解消する：サイバー保険に未加入"), "{out}");
    // The rule is printed above the steps, shared gaps included.
    let rule: String = out.lines().map(str::trim).collect();
    assert!(
        rule.contains("多くの病院と同じ課題も一手に残し、未対策のまま残す大・中リスクがあればそのリスクの順位に並べます"),
        "{out}"
    );
    assert!(out.contains("理由：多くの病院と同じ課題：医療法人で「サイバー保険に未加入」は72%"));
    assert!(out.contains(" 3. 解消する：システム停止時のBCPが未整備"));
    assert!(out.contains(" 8. セキュリティ予算を年約2,579万円（25,78"));
    assert!(out.contains(" 9. 解消する：セキュリティ監査を一度も実施していない"));
    // Each step names the command that does it, never a key of the screen.
    assert!(out.contains(&format!("実行：shindan vendor-brief {id}")));
    assert!(out.contains("実行：shindan budget --beds 350 --budget 28288"));
    assert!(out.contains(&format!("実行：shindan answer {id} 問22 番号（1 ")));
    assert!(
        !out.contains("キー）"),
        "a key named on the command line:\n{out}"
    );
    let en = run_ok(tmp.path(), &["--lang", "en", "check"]);
    assert_fits_80(&en);
    assert!(en.contains(" 4. Resolve: Flagged VPN left unpatched"));
    assert!(en.contains("Why: A gap most hospitals share: 72% of Medical corporation"));
    let j: Value = serde_json::from_str(&run_ok(tmp.path(), &["check", "--json"])).unwrap();
    assert_eq!(j["record"], id.as_str());
    let steps = j["next_steps"].as_array().unwrap();
    assert_eq!(steps.len(), 10);
    for (i, s) in steps.iter().enumerate() {
        let mut k: Vec<&str> = s.as_object().unwrap().keys().map(String::as_str).collect();
        k.sort();
        assert_eq!(
            k,
            ["action", "commands", "rank", "source", "target", "tier", "why"]
        );
        assert_eq!(s["rank"], i + 1);
        assert!(!s["commands"].as_array().unwrap().is_empty());
    }
    assert_eq!(
        steps[7]["source"],
        "提言1（p33, p34, p44 図３・図４, p45 図５, p46 図６, p47 図７）"
    );
    assert_eq!(
        steps[7]["target"],
        serde_json::json!({"kind": "budget", "budget": 28288})
    );
    assert_eq!(
        steps[2]["target"],
        serde_json::json!({"kind": "question", "id": "bcp"})
    );
    assert_eq!(steps[2]["tier"], "large_risk");
    assert_eq!(steps[8]["tier"], "common");
    assert_eq!(j["checklist"]["required"], 22);
    assert_eq!(j["checklist"]["done"], 0);
    assert_eq!(j["checklist"]["edition"], "mhlw-r7");
    // A second record: the ID is needed again.
    run_ok(
        tmp.path(),
        &[
            "new",
            "--name",
            "別の病院",
            "--beds",
            "40",
            "--founder",
            "coop",
        ],
    );
    shindan(tmp.path())
        .args(["--lang", "en", "check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("There are 2 records: give an ID"));
}
