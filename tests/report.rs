//! The report of one record (`export --format md|html|csv|json`, the TUI's `e`), and the
//! coverage and budget-gap deltas of `diff`.

mod ui;
use ui::{fixed, Ui};

use crossterm::event::KeyCode;
use serde_json::Value;
use shindan::domain::validate::answer_from_input;
use shindan::domain::{Lang, Questionnaire, Record};
use shindan::store::Store;
use shindan::tui::events::Event;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

mod cli_run;
mod hospital;
use cli_run::{ok, shindan};

/// A record with something in every part: answers and notes, a control marked for a vendor
/// system, a checklist answer, a vendor on the contact chart.
fn hospital(dir: &Path) -> String {
    let id = hospital::named(
        dir,
        ok,
        "みなと病院",
        &[("revenue", "5000000")],
        &[
            ("staff_total", "3"),
            ("budget_bracket", "10m_20m"),
            ("budget_amount", "12000"),
        ],
    );
    ok(dir, &["answer", &id, "threat", "--note", "院長が関心"]);
    ok(
        dir,
        &[
            "answer",
            &id,
            "backup",
            "--note",
            "<script>alert(1)</script> & \"quoted\"",
        ],
    );
    ok(dir, &["checklist", "answer", &id, "c0_has_systems", "yes"]);
    ok(
        dir,
        &[
            "contacts",
            &id,
            "set",
            "vendor",
            "--vendor",
            "A社",
            "--system",
            "電子カルテ",
            "--phone",
            "03-1234-5678",
        ],
    );
    id
}

#[test]
fn every_record_round_trips_through_export_and_import() {
    let a = tempfile::tempdir().unwrap();
    let first = hospital(a.path());
    let store = Store::open(a.path()).unwrap();
    let old = store.load(&first.parse().unwrap()).unwrap();
    // Last year's record carried over (previous, carried answers and controls)…
    store
        .create(2026, |id| old.carry_to(id, fixed().date_naive(), fixed()))
        .unwrap();
    // …and one with drafts, a resume point and a field from a later build.
    store
        .create(2026, |id| {
            let mut r = Record::new(id, fixed().date_naive(), fixed());
            answer_from_input(Questionnaire::embedded(), &mut r, "beds", "120", fixed()).unwrap();
            r.set_draft(
                "hospital_name",
                shindan::domain::record::Draft {
                    value: Some("書きかけの病院".into()),
                    note: Some("途中のメモ".into()),
                },
            );
            r.resume_at = Some("founder".into());
            r.other.insert(
                "from_a_later_build".into(),
                serde_json::json!({"kept": [1, 2]}),
            );
            r
        })
        .unwrap();
    let ids: Vec<String> = store
        .list()
        .unwrap()
        .records
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    assert_eq!(ids.len(), 3);
    let out = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for id in &ids {
        let file = out.path().join(format!("{id}.json"));
        ok(
            a.path(),
            &[
                "export",
                id,
                "--format",
                "json",
                "-o",
                file.to_str().unwrap(),
            ],
        );
        files.push(file.to_str().unwrap().to_string());
    }
    let b = tempfile::tempdir().unwrap();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    ok(b.path(), &args);
    for id in &ids {
        let original = fs::read_to_string(a.path().join(format!("{id}.json"))).unwrap();
        let imported = fs::read_to_string(b.path().join(format!("{id}.json"))).unwrap();
        assert_eq!(imported, original, "{id} arrives byte for byte");
        let v: Value = serde_json::from_str(&imported).unwrap();
        assert_eq!(v["format_version"], 2);
    }
    let carried: Value = serde_json::from_str(
        &fs::read_to_string(b.path().join(format!("{}.json", ids[1]))).unwrap(),
    )
    .unwrap();
    assert_eq!(carried["previous"], first.as_str());
    assert_eq!(carried["answers"]["threat"]["carried"], true);
    assert_eq!(carried["contacts"][0]["vendor"], "A社", "{carried:#}");
    let third: Value = serde_json::from_str(
        &fs::read_to_string(b.path().join(format!("{}.json", ids[2]))).unwrap(),
    )
    .unwrap();
    assert_eq!(third["drafts"]["hospital_name"]["note"], "途中のメモ");
    assert_eq!(
        third["from_a_later_build"]["kept"],
        serde_json::json!([1, 2])
    );
}

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a BOM first");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_opens_in_excel_as_the_expected_cells() {
    let d = tempfile::tempdir().unwrap();
    let id = hospital(d.path());
    let file = d.path().join("report.csv");
    ok(
        d.path(),
        &[
            "export",
            &id,
            "--format",
            "csv",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    let bytes = fs::read(&file).unwrap();
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let text = std::str::from_utf8(&bytes).unwrap();
    // CRLF only, and every line's cells quoted.
    assert!(text.ends_with("\r\n"));
    for line in text
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
    {
        assert!(
            line.starts_with('"') && line.ends_with('"') && !line.contains('\n'),
            "{line:?}"
        );
    }
    let rows = csv_rows(&bytes);
    let has = |cells: &[&str]| rows.iter().any(|r| r == cells);
    assert_eq!(rows[0], ["セキュリティ自己診断の報告 — みなと病院"]);
    // The summary first, its next steps as rank, step, why and source; then the detail.
    assert_eq!(rows[2], ["■ 要旨"], "{rows:?}");
    let steps = rows
        .iter()
        .position(|r| r == &["順位", "次の一手", "理由", "出典"])
        .expect("the next steps' head");
    assert_eq!(rows[steps + 1][0], "1", "{:?}", rows[steps + 1]);
    assert_eq!(rows[steps + 1].len(), 4);
    let detail = rows
        .iter()
        .position(|r| r == &["■ 2022年調査との比較（病床規模別・開設者別）"]);
    assert!(detail.is_some_and(|d| d > steps), "{rows:?}");
    assert!(has(&["病院名", "みなと病院"]));
    assert!(has(&["許可病床数", "350 床（300～499床）"]));
    assert!(has(&[
        "6",
        "報道や注意喚起を見聞きして、サイバー攻撃の脅威を感じていますか",
        "感じている",
        "院長が関心"
    ]));
    assert!(has(&[
        "10",
        "バックアップを取得していますか",
        "取得している",
        "<script>alert(1)</script> & \"quoted\""
    ]));
    // 提言１ on its own numbers: 5,000,000千円 × 2.21% = 110,500; ×15% = 16,575 → 1,658万円.
    assert!(has(&["必要予算（最低水準 15%）", "1,658万円", "2,829万円"]));
    assert!(has(&["差額（最低水準 15%）", "-458万円", "-2,093万円"]));
    assert!(has(&["版", "令和7年度版"]), "{rows:?}");
    assert!(has(&["必須項目", "1/22"]), "{rows:?}");
    let en = shindan(d.path())
        .args(["--lang", "en", "export", &id, "--format", "csv"])
        .output()
        .unwrap();
    let rows = csv_rows(&en.stdout);
    assert!(rows.iter().any(|r| r == &["Hospital", "みなと病院"]));
    assert!(rows.iter().any(|r| r == &["■ Summary"]));
    assert!(rows
        .iter()
        .any(|r| r == &["Rank", "Next step", "Why", "From"]));
}

#[test]
fn html_is_one_self_contained_printable_page() {
    let d = tempfile::tempdir().unwrap();
    let id = hospital(d.path());
    for lang in ["ja", "en"] {
        let html = ok(
            d.path(),
            &["--lang", lang, "export", &id, "--format", "html"],
        );
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        assert!(html.contains("@page { size: A4;"), "prints on A4");
        let lower = html.to_lowercase();
        for external in [
            "http:", "https:", "src=", "<link", "<script", "url(", "@import", "href=",
        ] {
            assert!(!lower.contains(external), "{lang}: {external} in the page");
        }
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"));
    }
}

#[test]
fn markdown_has_every_part_in_both_languages() {
    let d = tempfile::tempdir().unwrap();
    let id = hospital(d.path());
    let ja = ok(d.path(), &["export", &id, "--format", "md"]);
    for part in [
        "# セキュリティ自己診断の報告 — みなと病院",
        "## 要旨",
        "### 6. 次の一手",
        "1. **",
        "   理由：",
        "   出典：",
        "## 付録：回答とメモ",
        "## 2022年調査との比較（病床規模別・開設者別）",
        "## セキュリティ予算の試算（提言１）",
        "## リスク対策の網羅率（提言２）",
        "### 対策のない小リスク（",
        "## 事業者への依頼事項",
        "## 厚労省チェックリストの準備状況",
        "| 6 | 報道や注意喚起を見聞きして、サイバー攻撃の脅威を感じていますか | 感じている | 院長が関心 |",
        "| 指摘されたVPNの脆弱性が未対応 | 該当［要注意］ | 約17–23%（2割程度） [病床規模別(2/7) p15] |",
        "- 必要最低水準（15%）に 458万円 不足",
        // The assumptions carry the budget screen's marks, under its one legend.
        "［貴院］貴院の数字 ［既定］報告書の既定値 ［試算］試した値 ［不明］わからない",
    ] {
        assert!(ja.contains(part), "{part} missing:\n{ja}");
    }
    // Page 1 leads; the answers close the report as an appendix.
    let at = |h: &str| ja.find(h).unwrap();
    assert!(at("## 要旨") < at("## 2022年調査との比較"));
    assert!(at("## 厚労省チェックリストの準備状況") < at("## 付録：回答とメモ"));
    let en = ok(d.path(), &["--lang", "en", "export", &id, "--format", "md"]);
    for part in [
        "# Security self-assessment report — みなと病院",
        "## Summary",
        "### 6. Next steps",
        "   Why: ",
        "## Appendix: answers and notes",
        "## Against the 2022 survey (bed class and founder)",
        "## Security budget (report proposal 1)",
        "## Risk coverage (report proposal 2)",
        "## Requests to the IT vendor",
        "## MHLW checklist readiness",
        "- ¥4.58 million short of the minimum level (15%)",
        "[own] yours  [default] report's  [what-if] tried, unsaved  [unknown] not given",
    ] {
        assert!(en.contains(part), "{part} missing:\n{en}");
    }
    // A record that has not started the checklist has no checklist part.
    let other = ok(
        d.path(),
        &[
            "new",
            "--name",
            "別の病院",
            "--beds",
            "80",
            "--founder",
            "medical_corporation",
        ],
    );
    let md = ok(d.path(), &["export", other.trim(), "--format", "md"]);
    assert!(md.contains("## リスク対策の網羅率"));
    assert!(!md.contains("## 厚労省チェックリスト"), "{md}");
}

#[test]
fn a_wrong_format_names_the_allowed_ones() {
    let d = tempfile::tempdir().unwrap();
    let id = hospital(d.path());
    let out = shindan(d.path())
        .args(["export", &id, "--format", "pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    // clap's error in the UI's language (Japanese by default), with the allowed values.
    assert!(err.contains("md、html、csv、json"), "{err}");
}

#[test]
fn diff_shows_coverage_and_budget_gap_before_and_after() {
    let d = tempfile::tempdir().unwrap();
    let id = hospital(d.path());
    let store = Store::open(d.path()).unwrap();
    let old = store.load(&id.parse().unwrap()).unwrap();
    let new = store
        .create(2027, |nid| old.carry_to(nid, fixed().date_naive(), fixed()))
        .unwrap()
        .id
        .to_string();
    ok(d.path(), &["answer", &new, "budget_amount", "19000"]);
    ok(d.path(), &["control", &new, "backup_offline", "in_place"]);
    let j: Value = serde_json::from_str(&ok(d.path(), &["diff", &id, &new, "--json"])).unwrap();
    // 19,000 − 16,575 = 2,425千円 → +243万円; 12,000 − 16,575 → −458万円.
    assert_eq!(
        j["shortfall"],
        serde_json::json!({
            "unit": "man_yen",
            "min": {"before": -458, "after": 243},
            "sufficient": {"before": -2115, "after": -1415},
        })
    );
    let overall = &j["coverage"]["overall"];
    let (before, after) = (
        overall["before"].as_u64().unwrap(),
        overall["after"].as_u64().unwrap(),
    );
    assert_eq!((before, after), (0, 1), "{overall}");
    let moved: Vec<&str> = j["coverage"]["categories"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["before"] != c["after"])
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(moved, ["incident_response"], "{}", j["coverage"]);
    let incident = j["coverage"]["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "incident_response")
        .unwrap();
    assert_eq!(
        (&incident["before"], &incident["after"]),
        (&serde_json::json!(0), &serde_json::json!(12))
    );
    let text = ok(d.path(), &["diff", &id, &new]);
    assert!(text.contains("予算の差額（15%）"), "{text}");
    assert!(
        text.contains("458万円不足 → 充足（+243万円）  [改善]"),
        "{text}"
    );
    assert!(
        text.contains("  網羅率（全体）        0% → 1%  [改善]"),
        "{text}"
    );
    assert!(
        text.lines().all(|l| shindan::text::width(l) <= 80),
        "{text}"
    );
    let en = ok(d.path(), &["--lang", "en", "diff", &id, &new]);
    assert!(
        en.contains("¥4.58 million short → met (+¥2.43 million)  [better]"),
        "{en}"
    );
}

// ---- the `e` overlay on screen ----

/// The list of one record, 350 beds, reopened on a choice question, where letters are
/// commands.
fn at_home(lang: Lang) -> Ui {
    Ui::new(lang, 80, 24, |store| {
        store
            .create(2025, |id| {
                let mut r = Record::new(id, fixed().date_naive(), fixed());
                for (q, v) in [
                    ("hospital_name", "聖マリア記念病院"),
                    ("beds", "350"),
                    ("founder", "medical_corporation"),
                ] {
                    answer_from_input(Questionnaire::embedded(), &mut r, q, v, fixed()).unwrap();
                }
                r.resume_at = Some("threat".into());
                r
            })
            .unwrap();
    })
}

impl Ui {
    fn exported(&self, ext: &str) -> std::path::PathBuf {
        let today = chrono::Local::now().date_naive().format("%Y%m%d");
        self.dir
            .path()
            .join("exports")
            .join(format!("2025-001-{today}.{ext}"))
    }
}

#[test]
fn e_on_the_list_asks_the_format_and_writes_a_private_file() {
    for (lang, name) in [
        (Lang::Ja, "export_overlay_home_ja"),
        (Lang::En, "export_overlay_home_en"),
    ] {
        let mut ui = at_home(lang);
        ui.press(KeyCode::Char('e'));
        let screen = ui.screen();
        assert!(screen.contains("Markdown"), "{screen}");
        insta::assert_snapshot!(name, screen);
        // The format, then the path: the one path prompt, offering exports/<id>-<date>.md.
        ui.press(KeyCode::Char('m'));
        let screen = ui.screen();
        assert!(screen.contains("2025-001-"), "the path offered:\n{screen}");
        ui.press(KeyCode::Enter);
        let file = ui.exported("md");
        let md = fs::read_to_string(&file).unwrap();
        assert!(md.contains("聖マリア記念病院"), "{md}");
        assert_eq!(
            fs::metadata(&file).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            fs::metadata(file.parent().unwrap())
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o700
        );
        let screen = ui.screen();
        let said = match lang {
            Lang::Ja => "書き出しました：",
            Lang::En => "Written: ",
        };
        assert!(screen.contains(said), "{screen}");
        assert!(
            !screen.contains("Markdown"),
            "the overlay closed:\n{screen}"
        );
    }
}

#[test]
fn e_in_the_interview_writes_what_the_session_holds_and_esc_cancels() {
    let mut ui = at_home(Lang::Ja);
    ui.press(KeyCode::Enter);
    assert!(ui.screen().contains("脅威"), "{}", ui.screen());
    ui.press(KeyCode::Char('e'));
    insta::assert_snapshot!("export_overlay_interview_ja", ui.screen());
    // The letters of the record keys are the overlay's while it is open: h is HTML, not history.
    ui.press(KeyCode::Down).press(KeyCode::Enter);
    assert!(!ui.exported("html").exists(), "the path is asked first");
    ui.press(KeyCode::Enter);
    let html = fs::read_to_string(ui.exported("html")).unwrap();
    assert!(html.contains("<!DOCTYPE html>"));
    assert!(ui.screen().contains("面談"), "still the interview");
    ui.press(KeyCode::Char('e')).press(KeyCode::Esc);
    assert!(!ui.screen().contains("Markdown"));
    assert!(!ui.exported("md").exists(), "Esc writes nothing");
    // Alt-e from inside the hospital name's text field.
    ui.press(KeyCode::BackTab)
        .press(KeyCode::BackTab)
        .press(KeyCode::BackTab);
    ui.press(KeyCode::BackTab).press(KeyCode::BackTab);
    ui.alt('e');
    ui.press(KeyCode::Char('j')).press(KeyCode::Enter);
    let json = fs::read_to_string(ui.exported("json")).unwrap();
    assert!(json.contains("\"format_version\": 2"));
}

#[test]
fn an_export_that_cannot_be_written_is_said_not_panicked() {
    let mut ui = at_home(Lang::En);
    // A file where the exports folder should be.
    fs::write(ui.dir.path().join("exports"), "not a folder").unwrap();
    ui.press(KeyCode::Char('e')).press(KeyCode::Char('c'));
    ui.press(KeyCode::Enter);
    let screen = ui.screen();
    assert!(screen.contains("Cannot export:"), "{screen}");
    assert!(screen.contains("exports"), "{screen}");
    assert!(
        screen.contains("Tab"),
        "the prompt stays open to type another path:\n{screen}"
    );
    // Another path, typed: written there.
    let other = ui.dir.path().join("elsewhere.csv");
    for _ in 0..120 {
        ui.press(KeyCode::Backspace);
    }
    ui.app.handle(Event::Paste(other.display().to_string()));
    ui.press(KeyCode::Enter);
    assert!(other.exists(), "{}", ui.screen());
}
