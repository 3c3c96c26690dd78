//! Year after year, day to day (issue 22), as a script sees it: the 年度 names a record and a
//! copy defaults to the next one; whatever a copy carries is "to confirm" and counts towards
//! nothing until confirmed; every surface shows the machine's local date. The clock is stopped
//! with SHINDAN_NOW and the zone set with TZ, so these tests do not depend on when they run.

mod cli_run;
mod hospital;

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

/// 2027-02-10 08:30 in Tokyo, still 2027-02-09 in UTC.
const TOKYO_MORNING: &str = "2027-02-09T23:30:00Z";

fn shindan(dir: &Path, now: &str, tz: &str) -> Command {
    let mut c = Command::cargo_bin("shindan").unwrap();
    c.env("SHINDAN_DATA_DIR", dir.join("data"))
        .env("SHINDAN_NOW", now)
        .env("TZ", tz)
        .env_remove("SHINDAN_LANG");
    c
}

fn ok(dir: &Path, now: &str, args: &[&str]) -> String {
    let out = shindan(dir, now, "Asia/Tokyo").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Refused with exit 2, the record's file left byte for byte as it was.
fn refused(dir: &Path, now: &str, id: &str, args: &[&str], says: &str) {
    let file = dir.join("data").join(format!("{id}.json"));
    let before = fs::read(&file).unwrap();
    let out = shindan(dir, now, "Asia/Tokyo").args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(says), "{args:?}: {err}");
    assert_eq!(
        fs::read(&file).unwrap(),
        before,
        "{args:?} changed the file"
    );
}

fn json(dir: &Path, now: &str, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, now, args)).unwrap()
}

fn new_hospital(dir: &Path, now: &str) -> String {
    ok(
        dir,
        now,
        &[
            "new",
            "--name",
            "さくら記念病院",
            "--beds",
            "350",
            "--founder",
            "medical_corporation",
        ],
    )
    .trim()
    .to_string()
}

/// Sends a vendor its form and imports it back filled: every item yes, checked on `on`.
fn vendor_returns(dir: &Path, now: &str, id: &str, vendor: &str, system: &str, on: &str) {
    let form = dir.join("form.json");
    let path = form.to_str().unwrap();
    let mut args = cli_run::vendor_form(id, vendor, system, "json");
    args.extend(["-o", path]);
    ok(dir, now, &args);
    let mut f: Value = serde_json::from_str(&fs::read_to_string(&form).unwrap()).unwrap();
    for it in f["items"].as_array_mut().unwrap() {
        it["answer"] = "yes".into();
        it["checked_on"] = on.into();
    }
    let filled = dir.join("filled.json");
    fs::write(&filled, serde_json::to_string(&f).unwrap()).unwrap();
    ok(
        dir,
        now,
        &["checklist", "import", id, filled.to_str().unwrap()],
    );
}

// ───────────────────────────── 22.1 the 年度 ─────────────────────────────

#[test]
fn a_record_made_in_february_belongs_to_the_fiscal_year_before() {
    let tmp = tempfile::tempdir().unwrap();
    let now = "2027-02-10T03:00:00Z";
    let id = new_hospital(tmp.path(), now);
    assert_eq!(id, "2026-001", "2027-02-10 is in 2026年度");
    let shown = json(tmp.path(), now, &["show", &id, "--json"]);
    assert_eq!(shown["year"], 2026);
    assert_eq!(shown["assessed_on"], "2027-02-10");
    assert!(ok(tmp.path(), now, &["show", &id]).contains("2026年度"));
    assert!(ok(tmp.path(), now, &["--lang", "en", "show", &id]).contains("FY2026"));
    assert!(ok(tmp.path(), now, &["list"]).contains("2026年度"));
    assert_eq!(
        json(tmp.path(), now, &["list", "--json"])["records"][0]["year"],
        2026
    );
    assert!(ok(tmp.path(), now, &["check", &id]).starts_with("■ 2026年度（評価日 2027-02-10）"));
    // On 1 April the 年度 turns.
    let april = new_hospital(tmp.path(), "2027-04-01T03:00:00Z");
    assert_eq!(april, "2027-001");
}

#[test]
fn copy_defaults_to_the_next_fiscal_year_and_takes_full_width_digits() {
    let tmp = tempfile::tempdir().unwrap();
    let feb = "2027-02-10T03:00:00Z";
    let id = new_hospital(tmp.path(), feb);
    // Copied in February, ahead of the coming 年度: 2027, dated that 年度's first day.
    let next = ok(tmp.path(), feb, &["copy", &id]).trim().to_string();
    assert_eq!(next, "2027-001");
    let shown = json(tmp.path(), feb, &["show", &next, "--json"]);
    assert_eq!(shown["year"], 2027);
    assert_eq!(shown["assessed_on"], "2027-04-01");
    // Copied in the coming 年度 itself: dated today.
    let june = "2027-06-01T03:00:00Z";
    let again = ok(tmp.path(), june, &["copy", &id, "--year", "２０２８"])
        .trim()
        .to_string();
    assert_eq!(again, "2028-001");
    assert_eq!(
        json(tmp.path(), june, &["show", &again, "--json"])["assessed_on"],
        "2028-04-01"
    );
    let copied = ok(tmp.path(), june, &["copy", &next]).trim().to_string();
    assert_eq!(copied, "2028-002", "the 年度 after 2027's");
    for (year, says) in [
        ("1999", "1999年度は範囲外です"),
        ("abc", "`abc` は年度ではありません"),
    ] {
        let out = shindan(tmp.path(), june, "Asia/Tokyo")
            .args(["copy", &id, "--year", year])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(says));
    }
    assert_eq!(
        ok(
            tmp.path(),
            feb,
            &[
                "new",
                "--name",
                "別院",
                "--beds",
                "40",
                "--founder",
                "coop",
                "--year",
                "２０２５"
            ]
        )
        .trim(),
        "2025-001"
    );
}

#[test]
fn checklist_target_dates_end_with_the_same_fiscal_year() {
    let tmp = tempfile::tempdir().unwrap();
    let now = "2027-02-10T03:00:00Z";
    let id = new_hospital(tmp.path(), now);
    ok(
        tmp.path(),
        now,
        &["checklist", "answer", &id, "c0_has_systems", "yes"],
    );
    ok(
        tmp.path(),
        now,
        &[
            "checklist",
            "answer",
            &id,
            "c3_bcp",
            "no",
            "--target",
            "2027-03-31",
        ],
    );
    refused(
        tmp.path(),
        now,
        &id,
        &[
            "checklist",
            "answer",
            &id,
            "c3_bcp",
            "no",
            "--target",
            "2027-04-01",
        ],
        "2027-03-31",
    );
}

// ───────────────────────────── 22.2 carried ─────────────────────────────

/// Last year's answers: the staff and budget of tests/hospital's hospital, but backups offline
/// and the reasons the VPN is not patched given.
fn answers() -> Vec<(&'static str, &'static str)> {
    let vpn_and_backups = [
        ("threat", "yes"),
        ("vpn_flagged", "yes"),
        ("vpn_patched", "no"),
        ("vpn_unpatched_reasons", "no_budget"),
        ("backup", "yes"),
        ("backup_offline", "yes"),
        ("backup_offsite", "no"),
    ];
    let plans = [("incident_response", "no"), ("bcp", "no")];
    [&vpn_and_backups[..], &hospital::STAFF_AND_BUDGET, &plans].concat()
}

const LAST_YEAR: &str = "2026-06-01T01:00:00Z";
const THIS_YEAR: &str = "2027-05-10T01:00:00Z";

/// Last year's record with everything a copy carries: answers, checklist answers with their
/// dates, a vendor's returned form, a contact, a control's mark.
fn last_year(dir: &Path) -> String {
    let id = new_hospital(dir, LAST_YEAR);
    for (q, v) in answers() {
        ok(dir, LAST_YEAR, &["answer", &id, q, v]);
    }
    let items = json(dir, LAST_YEAR, &["checklist", "show", &id, "--json"]);
    for i in items["items"].as_array().unwrap() {
        let item = i["id"].as_str().unwrap();
        if item == "c3_bcp" {
            ok(
                dir,
                LAST_YEAR,
                &[
                    "checklist",
                    "answer",
                    &id,
                    item,
                    "no",
                    "--target",
                    "2027-03-31",
                ],
            );
        } else {
            ok(dir, LAST_YEAR, &["checklist", "answer", &id, item, "yes"]);
        }
    }
    vendor_returns(dir, LAST_YEAR, &id, "ベンダーA", "電子カルテ", "2026-06-01");
    ok(
        dir,
        LAST_YEAR,
        &[
            "contacts",
            &id,
            "set",
            "police",
            "--organisation",
            "県警",
            "--phone",
            "03-0000-0000",
        ],
    );
    ok(
        dir,
        LAST_YEAR,
        &["control", &id, "restore_drill", "in_place"],
    );
    let shown = json(dir, LAST_YEAR, &["checklist", "show", &id, "--json"]);
    assert_eq!(shown["ready"], true, "last year's record was ready");
    id
}

fn answered(dir: &Path, now: &str, id: &str) -> (u64, u64) {
    let p = &json(dir, now, &["show", id, "--json"])["progress"];
    (
        p["answered"].as_u64().unwrap(),
        p["carried"].as_u64().unwrap(),
    )
}

#[test]
fn a_fresh_copy_is_zero_percent_confirmed_everywhere() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let old = last_year(dir);
    let (was, _) = answered(dir, LAST_YEAR, &old);
    assert!(was > 15);
    let id = ok(dir, THIS_YEAR, &["copy", &old]).trim().to_string();
    assert_eq!(id, "2027-001");

    // list --json: 0% confirmed, N carried.
    let list = json(dir, THIS_YEAR, &["list", "--json"]);
    let row = list["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id.as_str())
        .unwrap();
    assert_eq!(row["progress"], 0);
    assert_eq!(row["answered"], 0);
    assert_eq!(row["carried"], was);
    assert!(ok(dir, THIS_YEAR, &["list"]).contains(&format!("0%（引継{was}）")));

    // show --json: the same, and every answer marked.
    let shown = json(dir, THIS_YEAR, &["show", &id, "--json"]);
    assert_eq!(shown["progress"]["percent"], 0);
    assert_eq!(shown["progress"]["answered"], 0);
    assert_eq!(shown["progress"]["carried"], was);
    for q in shown["questions"].as_array().unwrap() {
        assert_eq!(q["carried"], !q["answer"].is_null(), "{q}");
    }
    assert_eq!(shown["carried"]["vendor_returns"][0]["vendor"], "ベンダーA");
    assert_eq!(shown["carried"]["contacts"][0]["position"], "police");
    assert_eq!(shown["carried"]["controls"][0], "restore_drill");
    assert!(ok(dir, THIS_YEAR, &["show", &id]).contains("（昨年から・未確認）"));

    // checklist show --json: every answer carried with last year's date, none done.
    let cl = json(dir, THIS_YEAR, &["checklist", "show", &id, "--json"]);
    assert_eq!(cl["ready"], false);
    for i in cl["items"].as_array().unwrap() {
        assert_eq!(i["carried"], true, "{i}");
        assert_eq!(i["carried_from"], old.as_str());
        assert_eq!(
            i["checked_on"], "2026-06-01",
            "last year's 確認日 stays in sight"
        );
        if i["required"] == true {
            assert_eq!(i["status"], "missing", "{i}");
        }
    }
    assert_eq!(cl["missing_vendors"][0]["carried"], true);
    let text = ok(dir, THIS_YEAR, &["checklist", "show", &id]);
    assert!(
        text.contains(&format!("（{old} から引継ぎ・未確認）")),
        "{text}"
    );
    assert!(text.contains("必須項目 0/22"), "{text}");

    // check --json (the overview): confirming comes first, progress 0, coverage without the
    // carried mark, readiness 0.
    let check = json(dir, THIS_YEAR, &["check", &id, "--json"]);
    assert_eq!(check["progress"]["answered"], 0);
    assert_eq!(check["progress"]["carried"], was);
    assert_eq!(check["checklist"]["done"], 0);
    assert_eq!(check["next_steps"][0]["tier"], "carried");
    assert_eq!(
        check["next_steps"][0]["commands"],
        serde_json::json!([format!("shindan confirm {id}")])
    );
    let before = json(dir, LAST_YEAR, &["check", &old, "--json"]);
    assert!(
        check["coverage"]["overall"].as_f64().unwrap_or(0.0)
            < before["coverage"]["overall"].as_f64().unwrap()
    );
    let contacts = json(dir, THIS_YEAR, &["contacts", &id, "show", "--json"]);
    assert_eq!(
        (contacts["filled"].clone(), contacts["carried"].clone()),
        (0.into(), 1.into())
    );
    let controls = ok(dir, THIS_YEAR, &["control", &id]);
    assert!(controls.contains("～実施済み"), "{controls}");
}

#[test]
fn confirming_a_section_moves_progress_and_a_checklist_item_needs_a_new_date() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let old = last_year(dir);
    let id = ok(dir, THIS_YEAR, &["copy", &old]).trim().to_string();
    let (_, carried) = answered(dir, THIS_YEAR, &id);

    // An interview section, as it is.
    let out = ok(dir, THIS_YEAR, &["confirm", &id, "--section", "backup"]);
    assert!(out.contains("確認しました：面談の回答 3件"), "{out}");
    assert_eq!(answered(dir, THIS_YEAR, &id), (3, carried - 3));
    ok(dir, THIS_YEAR, &["confirm", &id, "threat"]);
    assert_eq!(answered(dir, THIS_YEAR, &id), (4, carried - 4));
    refused(
        dir,
        THIS_YEAR,
        &id,
        &["confirm", &id, "threat"],
        "未確認のものはありません",
    );
    refused(
        dir,
        THIS_YEAR,
        &id,
        &["confirm", &id, "--section", "nope"],
        "節 `nope` はありません",
    );

    // A checklist item: checked again today, replacing last year's check.
    ok(
        dir,
        THIS_YEAR,
        &["confirm", &id, "--item", "c1_security_manager"],
    );
    let cl = json(dir, THIS_YEAR, &["checklist", "show", &id, "--json"]);
    let item = |v: &Value, id: &str| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    let sm = item(&cl, "c1_security_manager");
    assert_eq!(sm["status"], "done");
    assert_eq!(sm["carried"], false);
    assert_eq!(sm["checked_on"], "2027-05-10");
    assert_eq!(
        sm["history"].as_array().unwrap().len(),
        1,
        "this year's 1回目"
    );
    // Last year's date is no confirmation; a no whose target has passed needs a new one.
    refused(
        dir,
        THIS_YEAR,
        &id,
        &[
            "confirm",
            &id,
            "--item",
            "c1_operation_rules",
            "--checked",
            "2026-06-01",
        ],
        "昨年の確認日（2026-06-01）より後",
    );
    refused(
        dir,
        THIS_YEAR,
        &id,
        &["confirm", &id, "--item", "c3_bcp"],
        "目標日",
    );
    ok(
        dir,
        THIS_YEAR,
        &["confirm", &id, "--item", "c3_bcp", "--target", "2028-03-31"],
    );
    assert_eq!(
        item(
            &json(dir, THIS_YEAR, &["checklist", "show", &id, "--json"]),
            "c3_bcp"
        )["target_on"],
        "2028-03-31"
    );

    // A checklist section at once.
    let out = ok(
        dir,
        THIS_YEAR,
        &["confirm", &id, "--checklist-section", "2"],
    );
    assert!(out.contains("確認しました：チェックリストの項目"), "{out}");
    let cl = json(dir, THIS_YEAR, &["checklist", "show", &id, "--json"]);
    for i in cl["items"].as_array().unwrap() {
        if i["section"] == 2 {
            assert_eq!(i["carried"], false, "{i}");
        }
    }

    // What is left, listed with how to confirm it.
    let left = ok(dir, THIS_YEAR, &["confirm", &id]);
    assert!(
        left.contains(&format!("shindan confirm {id} --vendor NAME")),
        "{left}"
    );
    let left = json(dir, THIS_YEAR, &["confirm", &id, "--json"]);
    assert_eq!(left["vendor_returns"].as_array().unwrap().len(), 1);

    // A vendor's return, the contact chart, a control: one command each.
    ok(dir, THIS_YEAR, &["confirm", &id, "--vendor", "ベンダーA"]);
    let cl = json(dir, THIS_YEAR, &["checklist", "show", &id, "--json"]);
    assert_eq!(cl["missing_vendors"], serde_json::json!([]));
    refused(
        dir,
        THIS_YEAR,
        &id,
        &["confirm", &id, "--vendor", "ベンダーA"],
        "ベンダーA",
    );
    let before = json(dir, THIS_YEAR, &["check", &id, "--json"])["coverage"]["overall"].clone();
    ok(
        dir,
        THIS_YEAR,
        &["confirm", &id, "--control", "restore_drill"],
    );
    let after = json(dir, THIS_YEAR, &["check", &id, "--json"])["coverage"]["overall"].clone();
    assert!(after.as_f64() > before.as_f64(), "{before} → {after}");
    ok(dir, THIS_YEAR, &["confirm", &id, "--contacts"]);
    assert_eq!(
        json(dir, THIS_YEAR, &["contacts", &id, "show", "--json"])["filled"],
        1
    );

    // Everything else as it is.
    let out = ok(dir, THIS_YEAR, &["confirm", &id, "--all-unchanged"]);
    assert!(out.contains("未確認の引き継ぎ 残り0件"), "{out}");
    let list = json(dir, THIS_YEAR, &["list", "--json"]);
    let row = list["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(
        (row["carried"].clone(), row["carried_total"].clone()),
        (0.into(), 0.into())
    );
    assert_eq!(row["answered"], carried);
    let cl = json(dir, THIS_YEAR, &["checklist", "show", &id, "--json"]);
    assert_eq!(cl["ready"], true, "{}", cl["missing"]);
    let check = json(dir, THIS_YEAR, &["check", &id, "--json"]);
    assert_ne!(check["next_steps"][0]["tier"], "carried");
}

/// A section is named as `confirm` lists it — its number or its name — not by a handle, the
/// checklist's as the form prints them.
#[test]
fn a_section_is_confirmed_by_its_listed_number_or_its_name() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let old = last_year(dir);
    let id = ok(dir, THIS_YEAR, &["copy", &old]).trim().to_string();
    let listed = ok(dir, THIS_YEAR, &["confirm", &id]);
    assert!(listed.contains("  4. バックアップ: 3"), "{listed}");
    assert!(listed.contains("--section 節の番号"), "{listed}");
    assert!(!listed.contains("[backup]"), "{listed}");
    let out = ok(dir, THIS_YEAR, &["confirm", &id, "--section", "４"]);
    assert!(out.contains("確認しました：面談の回答 3件"), "{out}");
    let out = ok(dir, THIS_YEAR, &["confirm", &id, "--section", "脅威"]);
    assert!(out.contains("確認しました：面談の回答 1件"), "{out}");
    let out = ok(
        dir,
        THIS_YEAR,
        &["--lang", "en", "confirm", &id, "--section", "vulnerability"],
    );
    assert!(out.contains("3"), "{out}");
    refused(
        dir,
        THIS_YEAR,
        &id,
        &["confirm", &id, "--section", "9"],
        "番号か名前で指定してください：1 基本情報、2 サイバー攻撃への脅威",
    );

    // A part of a name that fits several sections is refused with those sections, not "no
    // section"; the checklist's sections are listed and taken by the number and name the form
    // prints (1 体制構築, ２, 第2項), never by an id.
    assert!(
        listed.contains("\n  令和7年度版 1 体制構築\n    1(1)（確認日 "),
        "{listed}"
    );
    assert!(
        listed.contains("--checklist-section 項の番号か名前"),
        "{listed}"
    );
    assert!(!listed.contains("c1_security_manager"), "{listed}");
    refused(
        dir,
        THIS_YEAR,
        &id,
        &["confirm", &id, "--section", "管理"],
        "`管理` は複数の節に当てはまります。番号か名前で一つ指定してください：\
         5 セキュリティ管理その1、6 セキュリティ管理その2、7 セキュリティ管理その3",
    );
    let out = ok(dir, THIS_YEAR, &["confirm", &id, "--section", "第５節"]);
    assert!(out.contains("確認しました：面談の回答 3件"), "{out}");

    let carried_in = |n: u64| -> Vec<bool> {
        let cl = json(dir, THIS_YEAR, &["checklist", "show", &id, "--json"]);
        cl["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["section"] == n)
            .map(|i| i["carried"].as_bool().unwrap())
            .collect()
    };
    ok(
        dir,
        THIS_YEAR,
        &["confirm", &id, "--checklist-section", "体制構築"],
    );
    assert!(carried_in(1).iter().all(|c| !c), "{:?}", carried_in(1));
    assert!(carried_in(2).iter().all(|c| *c), "{:?}", carried_in(2));
    ok(
        dir,
        THIS_YEAR,
        &["confirm", &id, "--checklist-section", "第２項"],
    );
    assert!(carried_in(2).iter().all(|c| !c), "{:?}", carried_in(2));
    refused(
        dir,
        THIS_YEAR,
        &id,
        &["confirm", &id, "--checklist-section", "9"],
        "チェックリストの項 `9` はありません。番号か名前で指定してください：0 前提、1 体制構築",
    );
}

// ───────────────────────────── 22.5 one clock ─────────────────────────────

/// 23:30 UTC is the next morning in Tokyo: every date a user sees is Tokyo's.
#[test]
fn at_half_past_eleven_utc_every_surface_shows_the_tokyo_date() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let now = TOKYO_MORNING;
    let id = new_hospital(dir, now);
    assert_eq!(id, "2026-001");
    ok(dir, now, &["answer", &id, "bcp", "no"]);
    // 評価日
    assert_eq!(
        json(dir, now, &["show", &id, "--json"])["assessed_on"],
        "2027-02-10"
    );
    assert!(ok(dir, now, &["show", &id]).contains("評価日 2027-02-10"));
    // The time of the last change, local.
    assert!(ok(dir, now, &["list"]).contains("2027-02-10 08:30"));
    // 確認日 by default.
    let out = ok(
        dir,
        now,
        &["checklist", "answer", &id, "c0_has_systems", "yes"],
    );
    assert!(out.contains("確認日 2027-02-10"), "{out}");
    // The day a survey answer was given, beside the checklist item.
    let shown = ok(dir, now, &["checklist", "show", &id]);
    assert!(shown.contains("：未対応（2027-02-10）"), "{shown}");
    // 送付日 and 受領日.
    vendor_returns(dir, now, &id, "A社", "PACS", "2027-02-10");
    let html = ok(dir, now, &["checklist", "form", &id]);
    assert!(
        html.contains("<td>2027-02-10</td>"),
        "送付日, 受領日, 印刷日"
    );
    assert!(
        !html.contains("2027-02-09"),
        "a UTC date in the printed form"
    );
    // A control's mark, the vendor brief, the vendor's own form (送付日) and the exports.
    let control = ok(dir, now, &["control", &id, "backup_offline", "partial"]);
    assert!(control.contains("利用者が設定 2027-02-10"), "{control}");
    assert!(ok(dir, now, &["vendor-brief", &id]).contains("評価日 2027-02-10"));
    let csv = ok(dir, now, &cli_run::vendor_form(&id, "A社", "PACS", "csv"));
    assert!(
        csv.contains("\"2027-02-10\"") && !csv.contains("2027-02-09"),
        "{csv}"
    );
    for f in ["html", "csv", "md"] {
        let out = ok(dir, now, &["export", &id, "--format", f]);
        assert!(!out.contains("2027-02-09"), "a UTC date in the {f} export");
    }
    // The report and the contact chart are dated today.
    let report = ok(dir, now, &["export", &id, "--format", "md"]);
    assert!(report.contains("2027-02-10") && !report.contains("2027-02-09"));
    let chart = ok(dir, now, &["contacts", &id, "form"]);
    assert!(chart.contains("2027-02-10") && !chart.contains("2027-02-09"));
    assert!(ok(dir, now, &["check", &id]).contains("評価日 2027-02-10"));
    let data = dir.join("data");
    let agg = json(
        dir,
        now,
        &["aggregate", data.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(
        agg["survey"]["date"], "2027-02-10",
        "an aggregate is dated today"
    );

    // A copy confirmed at 08:30 in Tokyo on 10 April: 確認日 by default is Tokyo's day, and a
    // refusal names the item as printed.
    let copy = ok(dir, now, &["copy", &id]).trim().to_string();
    let april = "2027-04-09T23:30:00Z";
    let out = ok(dir, april, &["confirm", &copy, "--item", "前提"]);
    assert!(out.contains("チェックリストの項目 1件"), "{out}");
    let cl = json(dir, april, &["checklist", "show", &copy, "--json"]);
    let gate = cl["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "c0_has_systems")
        .unwrap()
        .clone();
    assert_eq!(gate["checked_on"], "2027-04-10");
    refused(
        dir,
        april,
        &copy,
        &["confirm", &copy, "--item", "前提"],
        "`前提` に昨年から引き継いだ未確認のものはありません",
    );

    // The same instant on a machine set to UTC: the zone, not the clock, made the difference.
    let utc = tempfile::tempdir().unwrap();
    let out = shindan(utc.path(), now, "UTC")
        .args([
            "new",
            "--name",
            "x病院",
            "--beds",
            "50",
            "--founder",
            "coop",
        ])
        .output()
        .unwrap();
    let uid = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let out = shindan(utc.path(), now, "UTC")
        .args(["show", &uid, "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["assessed_on"], "2027-02-09");
}
