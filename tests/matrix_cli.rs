//! The risk-matrix commands as a script uses them: `catalog`, `control`, `vendor-brief` and the
//! coverage block of `check` — their output, their JSON keys, and each kind of bad input (exit 2,
//! the record file byte for byte as it was).

use assert_cmd::Command;
use serde_json::Value;
use shindan::domain::matrix::Catalog;
use shindan::text::width;
use std::fs;
use std::path::{Path, PathBuf};

mod cli_run;

fn shindan(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("shindan").unwrap();
    c.env("SHINDAN_DATA_DIR", dir.join("data"))
        .env_remove("SHINDAN_LANG");
    c
}

/// Its [`shindan`] with `args`, which must succeed; its stdout.
fn ok(dir: &Path, args: &[&str]) -> String {
    cli_run::succeeded(shindan(dir), args)
}

fn record_file(dir: &Path, id: &str) -> PathBuf {
    dir.join("data").join(format!("{id}.json"))
}

fn saved(dir: &Path, id: &str) -> Value {
    serde_json::from_slice(&fs::read(record_file(dir, id)).unwrap()).unwrap()
}

/// A hospital that has answered the interview's control questions.
fn hospital(dir: &Path, answers: &[(&str, &str)]) -> String {
    let id = ok(
        dir,
        &[
            "new",
            "--name",
            "さくら記念病院",
            "--beds",
            "180",
            "--founder",
            "medical_corporation",
        ],
    )
    .trim()
    .to_string();
    for (q, v) in answers {
        ok(dir, &["answer", &id, q, v]);
    }
    id
}

/// Runs a command that must be refused as bad input, and checks the record did not change.
fn refused(dir: &Path, id: &str, args: &[&str], says: &[&str]) {
    let before = fs::read(record_file(dir, id)).unwrap();
    let out = shindan(dir).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    for s in says {
        assert!(err.contains(s), "{args:?}: expected `{s}` in: {err}");
    }
    assert_eq!(
        fs::read(record_file(dir, id)).unwrap(),
        before,
        "{args:?} changed the record"
    );
}

fn assert_fits_80(out: &str) {
    for line in out.lines() {
        assert!(width(line) <= 80, "{} columns: {line}", width(line));
    }
}

#[test]
fn help_for_every_matrix_command() {
    let tmp = tempfile::tempdir().unwrap();
    for cmd in ["catalog", "control", "vendor-brief"] {
        let out = ok(tmp.path(), &[cmd, "--help"]);
        assert!(out.contains("使い方: shindan"), "{cmd}: {out}");
    }
    let help = ok(tmp.path(), &["--lang", "en", "control", "--help"]);
    assert!(help.contains("in_place, partial, missing, not_applicable, unknown"));
    let help = ok(tmp.path(), &["vendor-brief", "--help"]);
    assert!(help.contains("md") && help.contains("text"));
}

#[test]
fn catalog_json_has_the_issue_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let out = ok(tmp.path(), &["catalog", "--json"]);
    let keys: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("  \"") && !l.starts_with("   "))
        .map(|l| l.trim().split('"').nth(1).unwrap())
        .collect();
    // serde_json sorts the keys of a map.
    assert_eq!(keys, ["categories", "controls", "phases", "scenarios"]);
    let j: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["categories"].as_array().unwrap().len(), 9);
    assert_eq!(j["phases"][2]["id"], "operation");
    let scenarios = j["scenarios"].as_array().unwrap();
    for s in scenarios {
        for k in ["id", "level", "parent", "category", "phases"] {
            assert!(s.get(k).is_some(), "{k} missing in {s}");
        }
    }
    let find = |list: &Value, id: &str| -> Value {
        list.as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("no {id}"))
    };
    let small = find(&j["scenarios"], "ia_pw_labelled");
    assert_eq!(small["level"], "small");
    assert_eq!(small["parent"], "ia_insider_misuse");
    assert_eq!(small["phases"], serde_json::json!(["operation"]));
    // A medium risk's phases are its small risks' together, in life-cycle order.
    let medium = find(&j["scenarios"], "ia_insider_misuse");
    assert_eq!(medium["level"], "medium");
    assert_eq!(medium["parent"], "identity_access");
    assert_eq!(
        medium["phases"],
        serde_json::json!(["build_maintain", "operation", "contract_end"])
    );
    let leaves = scenarios.iter().filter(|s| s["level"] == "small").count();
    assert_eq!(leaves, Catalog::embedded().leaves().count());

    let controls = j["controls"].as_array().unwrap();
    assert_eq!(controls.len(), Catalog::embedded().controls.len());
    for c in controls {
        for k in ["id", "by", "source", "scenarios", "compensates"] {
            assert!(c.get(k).is_some(), "{k} missing in {c}");
        }
        assert!(c["by"] == "hospital" || c["by"] == "vendor", "{c}");
    }
    let vpn = find(&j["controls"], "vpn_patch");
    assert_eq!(vpn["by"], "vendor");
    assert_eq!(vpn["source"][0]["guideline"], "meti-mic-1.0");
    assert!(vpn["source"][0].get("section").is_none());
    assert_eq!(vpn["preset"][0]["question"], "vpn_patched");
    let review = find(&j["controls"], "access_log_review");
    assert_eq!(review["by"], "hospital");
    assert_eq!(
        review["source"][0],
        serde_json::json!({"guideline": "mhlw-5.2", "section": "6.5"})
    );
    assert!(review["compensates"]
        .as_array()
        .unwrap()
        .contains(&"privilege_review".into()));

    // One category: only its scenarios, and the controls that cover them.
    let net: Value =
        serde_json::from_str(&ok(tmp.path(), &["catalog", "network", "--json"])).unwrap();
    assert_eq!(net["categories"].as_array().unwrap().len(), 1);
    assert!(net["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["category"] == "network"));
    assert!(net["controls"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == "ingress_review"));
    assert!(!net["controls"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == "vpn_patch"));
}

#[test]
fn catalog_text_fits_80_columns_in_both_languages() {
    let tmp = tempfile::tempdir().unwrap();
    let ja = ok(tmp.path(), &["catalog"]);
    assert_fits_80(&ja);
    assert!(ja.contains("■ 2 ID・権限管理上のリスク\n"), "{ja}");
    assert!(ja.contains("ID・PWを端末にラベリングしているリスク"));
    // Controls by the number `shindan control` lists and takes, no id.
    let no = |c: &str| Catalog::embedded().number(c);
    assert!(ja.contains(&format!("{}*", no("vpn_patch"))), "{ja}");
    assert!(ja.contains(&format!(
        "対策：{}（補完：{}）\n",
        no("privilege_review"),
        no("access_log_review")
    )));
    assert!(
        !ja.contains("vpn_patch") && !ja.contains("ia_pw_labelled"),
        "{ja}"
    );
    let en = ok(tmp.path(), &["--lang", "en", "catalog"]);
    assert_fits_80(&en);
    assert!(en.contains("IDs and passwords labelled on the terminals"));
    let out = shindan(tmp.path())
        .args(["catalog", "networks"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("networks") && err.contains("1 本人認証・認可、2 ID・権限管理"),
        "{err}"
    );
    assert!(!err.contains("identity_access"), "{err}");
    // A category by the number printed before it, full-width too, or its name.
    for typed in ["８", "ネットワーク", "Network security", "network"] {
        let one = ok(tmp.path(), &["catalog", typed]);
        assert!(
            one.contains("■ 8 ネットワークセキュリティ上のリスク"),
            "{typed}: {one}"
        );
        assert!(!one.contains("■ 1 "), "{typed}: {one}");
    }
}

#[test]
fn control_sets_a_status_note_and_system_through_the_store() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let id = hospital(d, &[("vpn_flagged", "yes"), ("vpn_patched", "no")]);

    // A control is shown by the number the list gives it and typed back by it (or its id).
    let no = |c: &str| Catalog::embedded().number(c);
    let out = ok(d, &["control", &id, &no("backup_offline"), "in_place"]);
    assert!(
        out.starts_with(&format!(
            "{} = 実施済み（利用者が設定 20",
            no("backup_offline")
        )),
        "{out}"
    );
    let out = ok(
        d,
        &[
            "control",
            &id,
            "vpn_patch",
            "--system",
            "電子カルテ",
            "--note",
            "次回の保守で適用予定",
        ],
    );
    // Only a note and a system: the interview's status still stands.
    assert!(
        out.starts_with(&format!(
            "{} = 未実施（ヒアリングの回答から：問8「未対応」）\n",
            no("vpn_patch")
        )),
        "{out}"
    );
    assert!(out.contains("システム：電子カルテ") && out.contains("メモ：次回の保守で適用予定"));
    let r = saved(d, &id);
    assert_eq!(r["controls"]["backup_offline"]["status"], "in_place");
    assert!(r["controls"]["vpn_patch"].get("status").is_none());
    assert_eq!(r["controls"]["vpn_patch"]["system"], "電子カルテ");

    let out = ok(
        d,
        &[
            "--lang",
            "en",
            "control",
            &id,
            "vpn_patch",
            "not_applicable",
        ],
    );
    assert!(
        out.starts_with(&format!(
            "{} = not applicable (set by the user 20",
            no("vpn_patch")
        )),
        "{out}"
    );
    // `-` gives the control back to the interview.
    let out = ok(d, &["control", &id, "vpn_patch", "-"]);
    assert!(
        out.starts_with(&format!(
            "{} = 未実施（ヒアリングの回答から",
            no("vpn_patch")
        )),
        "{out}"
    );
    assert_eq!(
        saved(d, &id)["controls"]["vpn_patch"]["system"],
        "電子カルテ"
    );

    // The list: every control, the preset marked ＊, the user's ＋.
    let list = ok(d, &["control", &id]);
    assert_fits_80(&list);
    let line = |id: &str| {
        list.lines()
            .find(|l| l.contains(&format!(" {id} ")))
            .unwrap_or_else(|| panic!("no {id} in {list}"))
            .to_string()
    };
    assert!(line(&no("vpn_patch")).trim_start().starts_with("＊未実施"));
    assert!(line(&no("backup_offline"))
        .trim_start()
        .starts_with("＋実施済み"));
    assert!(line(&no("mfa_remote")).trim_start().starts_with("不明"));
    assert!(!list.contains("backup_offline"), "{list}");
    let en = ok(d, &["--lang", "en", "control", &id]);
    assert_fits_80(&en);
}

#[test]
fn control_refuses_bad_input_and_leaves_the_record() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let id = hospital(d, &[]);
    ok(d, &["control", &id, "vpn_patch", "missing"]);
    refused(
        d,
        &id,
        &["control", &id, "vpn_pach", "in_place"],
        &["対策 `vpn_pach` はリスクカタログにありません", "C1–C83"],
    );
    refused(
        d,
        &id,
        &["--lang", "en", "control", &id, "vpn_pach", "in_place"],
        &["no control `vpn_pach`", "C1–C83"],
    );
    refused(
        d,
        &id,
        &["control", &id, "vpn_patch", "done"],
        &["in_place, partial, missing, not_applicable, unknown"],
    );
    refused(
        d,
        &id,
        &["--lang", "en", "control", &id, "vpn_patch", "yes"],
        &["allowed: in_place, partial, missing, not_applicable, unknown"],
    );
    refused(
        d,
        &id,
        &[
            "control",
            &id,
            "backup_offline",
            "in_place",
            "--system",
            "PACS",
        ],
        &["病院が実施する対策"],
    );
    refused(
        d,
        &id,
        &["control", &id, "vpn_patch", "--ask-vendor", "maybe"],
        &["yes, no"],
    );
    // The one note limit of every path (100,000 characters; ASCII, as one argument may hold
    // at most 128 KiB).
    let long = "x".repeat(shindan::domain::limits::NOTE_MAX + 1);
    refused(
        d,
        &id,
        &["control", &id, "vpn_patch", "--note", &long],
        &["100000文字以内"],
    );
    refused(d, &id, &["control", &id, "--note", "x"], &["対策の番号"]);
    let out = shindan(d)
        .args(["control", "2026-x", "vpn_patch", "missing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = shindan(d)
        .args(["control", "2026-999", "vpn_patch", "missing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn vendor_brief_lists_what_to_ask_the_vendor() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let id = hospital(
        d,
        &[
            ("vpn_flagged", "yes"),
            ("vpn_patched", "no"),
            ("backup", "yes"),
        ],
    );
    ok(d, &["control", &id, "vpn_patch", "--system", "電子カルテ"]);
    ok(d, &["control", &id, "time_sync", "in_place"]);
    ok(d, &["control", &id, "log_protection", "not_applicable"]);

    let text = ok(d, &["vendor-brief", &id]);
    assert_fits_80(&text);
    let vendor = Catalog::embedded()
        .controls
        .iter()
        .filter(|c| c.by == shindan::domain::matrix::By::Vendor)
        .count();
    assert!(text.contains(&format!(
        "依頼 {}件（事業者が実施する対策のうち、実施済み・対象外の2件は除く）",
        vendor - 2
    )));
    assert!(text.contains("■ 対象システム：電子カルテ"));
    assert!(text.contains("【契約中：開発・保守】"));
    // The named system comes first, then the rest.
    let emr = text.find("対象システム：電子カルテ").unwrap();
    let rest = text.find("対象システム：指定なし").unwrap();
    assert!(emr < rest);
    let ask = text
        .find("VPN装置・リモート保守機器の脆弱性情報を監視し")
        .unwrap();
    assert!(emr < ask && ask < rest, "vpn_patch is under its system");
    assert!(text.contains("現状：未実施"));
    assert!(
        !text.contains("時刻源（NTP）に同期させ"),
        "in place: not asked"
    );
    assert!(
        !text.contains("管理者権限でも消去・改ざんできない"),
        "n/a: not asked"
    );

    let md = ok(d, &["vendor-brief", &id, "--format", "md"]);
    assert!(md.starts_with("# 事業者への依頼事項（さくら記念病院）\n"));
    assert!(md.contains("\n## 対象システム：電子カルテ\n"));
    assert!(md.contains("\n### 契約中：開発・保守\n"));
    assert!(md.contains("1. **VPN装置・リモート保守機器の脆弱性情報を監視し"));
    let vpn_patch = Catalog::embedded().number("vpn_patch");
    assert!(
        md.contains(&format!("   - 対策番号：{vpn_patch}\n")),
        "{md}"
    );

    let en = ok(d, &["--lang", "en", "vendor-brief", &id]);
    assert_fits_80(&en);
    assert!(en.contains("Monitor vulnerability notices for the VPN"));

    // Once the interview says the VPN is patched, it is no longer asked for.
    ok(d, &["answer", &id, "vpn_patched", "yes"]);
    let text = ok(d, &["vendor-brief", &id]);
    assert!(!text.contains("VPN装置・リモート保守機器の脆弱性情報を監視し"));

    let out = shindan(d)
        .args(["vendor-brief", &id, "--format", "pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("指定できる値：md、text"));
}

#[test]
fn check_shows_coverage_prefilled_from_the_interview() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let id = hospital(
        d,
        &[
            ("backup", "yes"),
            ("backup_offline", "yes"),
            ("backup_offsite", "yes"),
            ("audit", "never"),
            ("incident_response", "yes"),
            ("bcp", "yes"),
            ("insurance", "yes"),
        ],
    );
    let catalog = Catalog::embedded();
    let leaves = catalog.leaves().count();
    let ir = catalog
        .leaves()
        .filter(|s| s.category == "incident_response")
        .count();

    let j: Value = serde_json::from_str(&ok(d, &["check", &id, "--json"])).unwrap();
    let cov = &j["coverage"];
    // Covered from the answers: backups, contact chain, insurance; half: the downtime plan (a
    // BCP, its drill not asked); known uncovered: the audit; everything else unknown.
    assert_eq!(cov["overall"].as_f64().unwrap(), 3.5 / leaves as f64);
    assert_eq!(cov["counts"]["covered"], 3);
    assert_eq!(cov["counts"]["half"], 1);
    assert_eq!(cov["counts"]["uncovered"], 1);
    assert_eq!(cov["unknown"], leaves - 5);
    assert_eq!(cov["from_interview"], 6);
    assert_eq!(cov["from_checklist"], 0);
    assert_eq!(cov["conflicts"], 0);
    assert_eq!(cov["unknown_controls"], catalog.controls.len() - 6);
    assert_eq!(cov["known_controls"], 6);
    assert_eq!(cov["figure"]["label"], "網羅 5%（判明 6/83）");
    assert_eq!(cov["figure"]["unknown"], catalog.controls.len() - 6);
    assert_eq!(cov["counts"]["controls"], catalog.controls.len());
    assert_eq!(cov["by_category"].as_object().unwrap().len(), 9);
    assert_eq!(cov["by_phase"].as_object().unwrap().len(), 5);
    assert_eq!(
        cov["by_category"]["incident_response"]["coverage"]
            .as_f64()
            .unwrap(),
        3.5 / ir as f64
    );
    let ir = &cov["by_category"]["incident_response"];
    assert_eq!(
        (ir["known_controls"].as_u64(), ir["controls"].as_u64()),
        (Some(5), Some(9))
    );
    assert_eq!(cov["by_category"]["governance"]["uncovered"], 1);
    assert_eq!(
        cov["cells"]["incident_response"]["pre_contract"]["coverage"],
        Value::Null
    );
    let uncovered: Vec<&str> = cov["uncovered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(uncovered.len(), leaves - 4);
    assert!(!uncovered.contains(&"ir_no_downtime_plan"), "half covered");
    assert!(uncovered.contains(&"gv_no_audit"));
    assert!(!uncovered.contains(&"ir_backup_encrypted"));

    let text = ok(d, &["check", &id]);
    assert_fits_80(&text);
    assert!(text.contains("■ リスク対策の網羅率（提言2のリスクカタログ）\n網羅 5%（判明 6/83）："));
    assert!(text.contains("インシデント対応 5/9"));
    assert!(text.contains("対策がないと分かっている小リスク：\n  ・第三者の目が入らないリスク\n"));
    let en = ok(d, &["--lang", "en", "check", &id]);
    assert_fits_80(&en);
    assert!(en.contains("■ Risk coverage"));
    assert!(en.contains("Covered 5% (known 6/83)"));

    // The report's part says how much is known too, overall and per category.
    let md = ok(d, &["export", &id, "--format", "md"]);
    assert!(md.contains("- **全体**: 網羅 5%（判明 6/83）\n"), "{md}");
    assert!(md.contains("| 計 | 判明 |\n"), "{md}");
    assert!(md.contains("| インシデントレスポンス上のリスク |"));
    assert!(md.contains("% | 5/9 |\n"), "{md}");

    // The user's word changes the figures at once.
    ok(d, &["control", &id, "security_audit", "in_place"]);
    let j: Value = serde_json::from_str(&ok(d, &["check", &id, "--json"])).unwrap();
    assert_eq!(j["coverage"]["counts"]["covered"], 4);
    assert_eq!(j["coverage"]["from_interview"], 5);
    assert_eq!(j["coverage"]["from_user"], 1);
    assert_eq!(
        j["coverage"]["conflicts"], 1,
        "the user's word against audit = never"
    );
    assert!(!j["coverage"]["uncovered"]
        .as_array()
        .unwrap()
        .contains(&"gv_no_audit".into()));
}

#[test]
fn control_json_lists_every_control_with_status_source_conflict_and_note() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let id = hospital(d, &[("incident_response", "no"), ("insurance", "yes")]);
    ok(d, &["checklist", "answer", &id, "c2_two_factor", "yes"]);
    ok(d, &["checklist", "answer", &id, "c3_contact_chart", "yes"]);
    ok(
        d,
        &[
            "control",
            &id,
            "cyber_insurance",
            "missing",
            "--note",
            "更新切れ",
        ],
    );

    let j: Value = serde_json::from_str(&ok(d, &["control", &id, "--json"])).unwrap();
    assert_eq!(j["record"], id.as_str());
    let controls = j["controls"].as_array().unwrap();
    assert_eq!(controls.len(), Catalog::embedded().controls.len());
    for c in controls {
        for k in [
            "id",
            "by",
            "status",
            "source",
            "conflict",
            "note",
            "findings",
            "ask_vendor",
        ] {
            assert!(c.get(k).is_some(), "{k} missing in {c}");
        }
    }
    let find = |id: &str| controls.iter().find(|c| c["id"] == id).unwrap().clone();
    // From the checklist, named by the form's printed number, never the item id.
    let mfa = find("mfa_remote");
    assert_eq!(mfa["status"], "in_place");
    assert_eq!(mfa["source"]["kind"], "checklist");
    assert_eq!(mfa["source"]["numbers"], serde_json::json!(["2⑬"]));
    let label = mfa["source"]["label"].as_str().unwrap();
    assert!(label.starts_with("チェックリスト 2⑬ 20"), "{label}");
    assert!(!label.contains("c2_two_factor"));
    assert_eq!(mfa["conflict"], Value::Null);
    // The checklist's contact chart against the interview's "no process": a conflict.
    let ir = find("ir_process");
    assert_eq!(ir["status"], "partial");
    assert_eq!(ir["conflict"].as_array().unwrap().len(), 2);
    // The user's word against the interview's, and the note.
    let ins = find("cyber_insurance");
    assert_eq!(ins["status"], "missing");
    assert_eq!(ins["source"]["kind"], "user");
    assert_eq!(ins["note"], "更新切れ");
    assert!(ins["conflict"].is_array());
    assert_eq!(j["conflicts"], 2);
    assert_eq!(
        j["coverage"]["known"].as_u64().unwrap() + j["coverage"]["unknown"].as_u64().unwrap(),
        83
    );
    // A lead to review is listed, not counted.
    let mfa_admin = find("mfa_privileged");
    assert_eq!(mfa_admin["status"], "unknown");
    assert_eq!(mfa_admin["findings"][0]["status"], Value::Null);

    // The text list marks where each status comes from and the conflicts.
    let list = ok(d, &["control", &id]);
    assert_fits_80(&list);
    assert!(list.contains("食い違い 2件"), "{list}");
    let line = |cid: &str| {
        let n = Catalog::embedded().number(cid);
        list.lines()
            .find(|l| l.contains(&format!(" {n} ")))
            .unwrap()
            .to_string()
    };
    assert!(line("mfa_remote").trim_start().starts_with("＃実施済み"));
    assert!(line("ir_process").starts_with("！＃一部実施"));
    assert!(line("cyber_insurance").starts_with("！＋未実施"));
    let en = ok(d, &["--lang", "en", "control", &id]);
    assert_fits_80(&en);
    assert!(en.contains("2 in conflict"));

    // One control, shown without changing anything, in text or JSON.
    let before = fs::read(record_file(d, &id)).unwrap();
    let one = ok(d, &["control", &id, "ir_process"]);
    assert_fits_80(&one);
    let ir = Catalog::embedded().number("ir_process");
    assert!(
        one.starts_with(&format!("{ir} = 一部実施（チェックリスト 3(1) 20")),
        "{one}"
    );
    assert!(one.contains("食い違い："), "{one}");
    assert!(one.contains("ほかに：ヒアリングの回答から：問") && one.contains("」 → 未実施"));
    let lead = ok(d, &["control", &id, "mfa_privileged"]);
    assert!(lead.contains("要確認：チェックリスト 2⑬"), "{lead}");
    let one: Value =
        serde_json::from_str(&ok(d, &["control", &id, "ir_process", "--json"])).unwrap();
    assert_eq!(one["id"], "ir_process");
    assert_eq!(fs::read(record_file(d, &id)).unwrap(), before);
}

#[test]
fn dont_know_marks_a_control_to_ask_the_vendor() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let id = hospital(d, &[]);
    let out = ok(d, &["control", &id, "screen_lock", "--ask-vendor", "yes"]);
    assert!(out.contains("事業者に確認：はい"), "{out}");
    assert_eq!(saved(d, &id)["controls"]["screen_lock"]["ask_vendor"], true);
    // A hospital control, in the brief all the same, asked about rather than asked for.
    let brief = ok(d, &["vendor-brief", &id]);
    assert!(brief.contains("現状：当院では分かりません（実施状況を教えてください）"));
    let j: Value = serde_json::from_str(&ok(d, &["vendor-brief", &id, "--json"])).unwrap();
    for k in ["record", "hospital", "requests", "settled", "systems"] {
        assert!(j.get(k).is_some(), "{k}");
    }
    let requests: Vec<&Value> = j["systems"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["phases"].as_array().unwrap())
        .flat_map(|p| p["requests"].as_array().unwrap())
        .collect();
    assert_eq!(requests.len(), j["requests"].as_u64().unwrap() as usize);
    let asked = requests
        .iter()
        .find(|r| r["control"] == "screen_lock")
        .unwrap();
    assert_eq!(asked["ask_vendor"], true);
    assert_eq!(asked["by"], "hospital");
    // A status answers the question.
    ok(d, &["control", &id, "screen_lock", "in_place"]);
    assert!(saved(d, &id)["controls"]["screen_lock"]
        .get("ask_vendor")
        .is_none());
    let out = shindan(d)
        .args(["vendor-brief", &id, "--json", "--format", "md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Every command that prints a record's state takes `--json`, the contact chart included.
#[test]
fn contacts_take_json_for_show_set_and_clear() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let id = hospital(d, &[]);
    for args in [
        vec!["contacts", id.as_str(), "--json"],
        vec!["contacts", id.as_str(), "show", "--json"],
        vec![
            "contacts",
            id.as_str(),
            "set",
            "director",
            "--name",
            "山田",
            "--json",
        ],
        vec!["contacts", id.as_str(), "clear", "director", "--json"],
    ] {
        let j: Value = serde_json::from_str(&ok(d, &args)).unwrap();
        for k in ["filled", "total", "contacts"] {
            assert!(j.get(k).is_some(), "{args:?}: {k}");
        }
    }
    let j: Value = serde_json::from_str(&ok(
        d,
        &[
            "contacts",
            &id,
            "set",
            "director",
            "--name",
            "山田",
            "--phone",
            "03-1234-5678",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(j["filled"], 1);
    let text = ok(d, &["contacts", &id]);
    assert!(text.starts_with("連絡体制図：記入 1/"));
}

/// Every command that prints takes `--json` (or a `--format` with json). `checklist answer`
/// and `checklist import` are the two left: their output is being reworked with the checklist's
/// printed item numbers.
#[test]
fn every_printing_command_takes_json() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let commands: [&[&str]; 22] = [
        &["new"],
        &["list"],
        &["answer"],
        &["show"],
        &["aggregate"],
        &["export"],
        &["import"],
        &["diff"],
        &["checklist", "show"],
        &["checklist", "form"],
        &["checklist", "diff"],
        &["contacts"],
        &["contacts", "show"],
        &["contacts", "set"],
        &["contacts", "clear"],
        &["contacts", "form"],
        &["check"],
        &["copy"],
        &["survey"],
        &["catalog"],
        &["control"],
        &["vendor-brief"],
    ];
    for cmd in commands {
        let mut args = cmd.to_vec();
        args.extend(["--lang", "en", "--help"]);
        let help = ok(d, &args);
        // Every help names `--format json` under --survey: look at the command's own options.
        let own: Vec<&str> = help
            .lines()
            .filter(|l| !l.contains("shindan aggregate --format json"))
            .collect();
        let json = own.iter().any(|l| {
            l.contains("--json")
                || (l.contains("possible values") && l.contains("json"))
                || l.trim_start().starts_with("- json:")
        });
        assert!(json, "{cmd:?} takes no --json:\n{help}");
    }
    assert!(ok(d, &["budget", "--help"]).contains("--json"));

    // The ones that used to print an id or a line alone.
    let j: Value = serde_json::from_str(&ok(
        d,
        &[
            "new",
            "--name",
            "みなと病院",
            "--beds",
            "120",
            "--founder",
            "coop",
            "--json",
        ],
    ))
    .unwrap();
    let id = j["id"].as_str().unwrap().to_string();
    let j: Value = serde_json::from_str(&ok(d, &["answer", &id, "bcp", "yes", "--json"])).unwrap();
    assert_eq!(
        (j["question"].as_str(), j["value"].as_str()),
        (Some("bcp"), Some("yes"))
    );
    assert_eq!(j["counted"], true);
    let j: Value = serde_json::from_str(&ok(d, &["copy", &id, "--json"])).unwrap();
    assert_eq!(j["previous"], id.as_str());
    let file = d.join("out.json");
    fs::write(&file, ok(d, &["export", &id, "--format", "json"])).unwrap();
    let j: Value = serde_json::from_str(&ok(
        d,
        &[
            "import",
            file.to_str().unwrap(),
            "--as",
            "2026-050",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(j[0]["id"], "2026-050");
}
