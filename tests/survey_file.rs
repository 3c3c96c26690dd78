//! `--survey FILE`: an aggregate of record files (`shindan aggregate --format json`) as the
//! survey a hospital is compared with — its shares as counted figures, its name and date
//! wherever the figures appear, and a damaged file refused with the field at fault.

mod ui;

use assert_cmd::Command;
use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use predicates::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use serde_json::Value;
use shindan::domain::position::{Position, Side};
use shindan::domain::survey::from_aggregate::from_aggregate;
use shindan::domain::survey::{Cohort, Comparing, FigureValue, Precision};
use shindan::domain::validate::answer_from_input;
use shindan::domain::{BedClass, Lang, Questionnaire, Record};
use shindan::store::Store;
mod synth;

use shindan::tui::app::App;
use shindan::tui::events::Event;
use shindan::tui::theme::Theme;
use std::fs;
use std::path::{Path, PathBuf};
use synth::Population;

fn shindan(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("shindan").unwrap();
    c.env("SHINDAN_DATA_DIR", dir)
        .env_remove("SHINDAN_LANG")
        .env_remove("SHINDAN_SURVEY");
    c
}

/// 300 synthetic hospitals aggregated under the name 会員調査2026, dated 2026-06-01.
fn aggregate_file(dir: &Path) -> PathBuf {
    let folder = dir.join("kaiin");
    fs::create_dir_all(&folder).unwrap();
    for r in Population::new(300).iter() {
        fs::write(
            folder.join(format!("{}.json", r.id)),
            shindan::store::to_json(&r),
        )
        .unwrap();
    }
    let out = shindan(dir)
        .args(["aggregate", folder.to_str().unwrap(), "--format", "json"])
        .args(["--name", "会員調査2026", "--date", "2026-06-01"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let file = dir.join("kaiin2026.json");
    fs::write(&file, &out.stdout).unwrap();
    file
}

const ANSWERS: [(&str, &str); 8] = [
    ("hospital_name", "みなと病院"),
    ("beds", "350"),
    ("founder", "medical_corporation"),
    ("incident_response", "no"),
    ("bcp", "no"),
    ("threat", "yes"),
    ("backup", "yes"),
    ("backup_offline", "no"),
];

fn record_in(dir: &Path) -> String {
    let out = shindan(dir)
        .args(["new", "--name", "みなと病院", "--beds", "350"])
        .args(["--founder", "medical_corporation"])
        .output()
        .unwrap();
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    for (q, v) in &ANSWERS[3..] {
        shindan(dir).args(["answer", &id, q, v]).assert().success();
    }
    id
}

fn cell(agg: &Value, indicator: &str, class: &str) -> (u64, u64) {
    let ind = agg["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == indicator)
        .unwrap();
    let c = &ind["by_bed_class"][class];
    (c["yes"].as_u64().unwrap(), c["of"].as_u64().unwrap())
}

#[test]
fn check_compares_with_the_aggregate_and_names_it() {
    let d = tempfile::tempdir().unwrap();
    let file = aggregate_file(d.path());
    let agg: Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    assert_eq!(agg["survey"]["name"], "会員調査2026");
    let id = record_in(d.path());
    let (yes, of) = cell(&agg, "ir_missing", "b300_499");
    assert!(of > 0);

    let out = shindan(d.path())
        .args(["--survey", file.to_str().unwrap(), "check", &id])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("■ 会員調査2026（2026-06-01）との比較（記録300件の集計）"),
        "{text}"
    );
    let share = format!("{:.1}%（{yes}/{of}）", yes as f64 * 100.0 / of as f64);
    assert!(text.contains(&share), "{share} in {text}");
    assert!(text.contains("会員調査2026 indic"), "{text}");
    assert!(!text.contains("2022年調査"), "{text}");
    assert!(!text.contains("1,144"), "{text}");
    // The respondents are the aggregate's: 300, of whom 60 in 300–499 beds.
    assert!(
        text.contains("300～499床 60病院（回答300病院の20.0%）"),
        "{text}"
    );

    // The same file through the environment, in English and as JSON.
    let out = shindan(d.path())
        .env("SHINDAN_SURVEY", &file)
        .args(["--lang", "en", "check", &id, "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["survey"]["name"]["en"], "会員調査2026");
    assert_eq!(j["survey"]["date"], "2026-06-01");
    assert_eq!(j["survey"]["records"], 300);
    let ir = j["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "ir_missing")
        .unwrap();
    assert_eq!(ir["bed_class"]["count"], serde_json::json!([yes, of]));
    assert_eq!(ir["bed_class"]["precision"], "exact");
    assert_eq!(ir["bed_class"]["source"], "会員調査2026 indicators");
    assert_eq!(ir["bed_class"]["n"], 60);

    // Without --survey the 2022 figures are back.
    let out = shindan(d.path()).args(["check", &id]).output().unwrap();
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("■ 2022年調査との比較（四病院団体協議会、回答1,144病院）"));
}

/// The exported report compares with the same survey as `check` and the screens, and says so.
#[test]
fn the_exported_report_compares_with_the_aggregate_and_names_it() {
    let d = tempfile::tempdir().unwrap();
    let file = aggregate_file(d.path());
    let id = record_in(d.path());
    let out = shindan(d.path())
        .args([
            "--survey",
            file.to_str().unwrap(),
            "export",
            &id,
            "--format",
            "md",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("## 会員調査2026（2026-06-01）との比較（病床規模別・開設者別）"),
        "{md}"
    );
    assert!(!md.contains("2022年調査"), "{md}");
    assert!(!md.contains("1,144"), "{md}");
}

#[test]
fn the_survey_command_shows_the_aggregate_with_its_name() {
    let d = tempfile::tempdir().unwrap();
    let file = aggregate_file(d.path());
    let out = shindan(d.path())
        .args(["--lang", "en", "--survey", file.to_str().unwrap(), "survey"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("会員調査2026\n"), "{text}");
    assert!(
        text.contains("Aggregate: 会員調査2026 (2026-06-01)"),
        "{text}"
    );
    assert!(
        text.contains("300 records tallied by shindan aggregate"),
        "{text}"
    );
    assert!(
        !text.contains("Association"),
        "no association counts: {text}"
    );
    for line in text.lines() {
        assert!(shindan::text::width(line) <= 80, "{line}");
    }
    let j: Value = serde_json::from_slice(
        &shindan(d.path())
            .args(["--survey", file.to_str().unwrap(), "survey", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(j["survey"]["records"], 300);
    assert_eq!(j["targets"], Value::Null);
    let threat = &j["indicators"][0];
    assert_eq!(threat["id"], "threat_felt");
    // threat: 90% yes, 5% no, 5% don't know → 270 of 285 definite answers.
    assert_eq!(threat["overall"][0]["count"], serde_json::json!([270, 285]));
    assert_eq!(threat["overall"][0]["precision"], "exact");
}

/// Rewrites one part of a valid aggregate and returns what `--survey` says of it.
fn refused(d: &Path, valid: &Value, damage: impl FnOnce(&mut Value)) -> String {
    let mut v = valid.clone();
    damage(&mut v);
    let file = d.join("damaged.json");
    fs::write(&file, serde_json::to_string(&v).unwrap()).unwrap();
    let out = shindan(d)
        .args(["--lang", "en", "--survey", file.to_str().unwrap(), "survey"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

type Damage = Box<dyn FnOnce(&mut Value)>;

#[test]
fn a_damaged_aggregate_is_refused_naming_the_field() {
    let d = tempfile::tempdir().unwrap();
    let file = aggregate_file(d.path());
    let valid: Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    let cases: Vec<(Damage, &str)> = vec![
        (
            Box::new(|v| v["indicators"][2]["overall"]["yes"] = 10_000.into()),
            "indicators[2].overall: yes (10000) is more than of",
        ),
        (
            Box::new(|v| v["indicators"][0]["by_bed_class"]["b20_99"]["of"] = "many".into()),
            "indicators[0].by_bed_class.b20_99.of: invalid type: string \"many\"",
        ),
        (
            Box::new(|v| v["indicators"][1]["overall"]["share"] = 0.9.into()),
            "indicators[1].overall.share: 0.9 is not",
        ),
        (
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("survey");
            }),
            "missing field `survey`",
        ),
        (
            Box::new(|v| v["survey"]["name"] = " ".into()),
            "survey.name: must not be empty",
        ),
        (
            Box::new(|v| v["survey"]["records"] = 299.into()),
            "survey.records: is 299, but the file counts 300 respondents",
        ),
        (
            Box::new(|v| v["by_bed_class"]["b10_19"] = 3.into()),
            "by_bed_class: `b10_19` is not one of: b20_99",
        ),
        (
            Box::new(|v| v["budget"]["by_bed_class"]["b20_99"]["counts"]["lt5m"] = 61.into()),
            "budget.by_bed_class.b20_99.counts: counts ",
        ),
        (
            Box::new(|v| v["indicators"][0]["id"] = "firewall".into()),
            "indicators[0].id: `firewall` is not an indicator",
        ),
        (
            Box::new(|v| v["survey"]["date"] = "June 2026".into()),
            "survey.date: ",
        ),
    ];
    for (damage, says) in cases {
        let err = refused(d.path(), &valid, damage);
        assert!(err.contains(says), "{says} in {err}");
        assert!(err.contains("not an aggregate to compare with"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // Not JSON at all, a record instead of an aggregate, no such file: all refused with 2.
    fs::write(d.path().join("torn.json"), "{ \"survey\": ").unwrap();
    let record = d.path().join("kaiin").join("2026-001.json");
    for (path, says) in [
        (d.path().join("torn.json"), "not JSON"),
        (record, "missing field `survey`"),
        (d.path().join("nothing.json"), "cannot read it"),
    ] {
        shindan(d.path())
            .args(["--lang", "en", "--survey", path.to_str().unwrap(), "survey"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
    // In Japanese too, naming the field.
    shindan(d.path())
        .args(["--survey", d.path().join("damaged.json").to_str().unwrap()])
        .arg("survey")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("survey.date"))
        .stderr(predicate::str::contains("比較に使える集計ではありません"));
}

#[test]
fn position_against_the_aggregate_uses_its_counts() {
    let d = tempfile::tempdir().unwrap();
    let file = aggregate_file(d.path());
    let text = fs::read_to_string(&file).unwrap();
    let qn = Questionnaire::embedded();
    let survey = from_aggregate(&text, qn).unwrap();
    assert_eq!(survey.label(Lang::Ja), "会員調査2026（2026-06-01）");
    assert_eq!(survey.respondents, 300);
    assert_eq!(survey.n(Cohort::BedClass(BedClass::B300To499)), Some(60));
    let r = Population::new(300).record(3); // 400-odd beds
    let pos = Position::of(&r, qn, &survey);
    let threat = &pos.indicators[0];
    let f = threat.overall.figure.unwrap();
    assert_eq!(f.value, FigureValue::Counted { yes: 270, of: 285 });
    assert_eq!(f.precision(), Precision::Exact);
    // 94.7% felt a threat: a hospital that did is in the majority.
    assert_eq!(
        threat.overall.standing.map(|s| s.side),
        Some(Side::Majority)
    );
    let budget = pos.budget.unwrap();
    assert_eq!(budget.source, "会員調査2026 budget");
    assert_eq!(budget.n, 60);
    assert!(pos.staff.average.display(Lang::Ja).contains("人（n=300）"));
}

fn fixed() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 9, 30, 0).unwrap()
}

/// The app handed an aggregate compares with it: the position screen's title names it.
#[test]
fn the_position_screen_title_names_the_aggregate() {
    let d = tempfile::tempdir().unwrap();
    let file = aggregate_file(d.path());
    let survey = from_aggregate(
        &fs::read_to_string(&file).unwrap(),
        Questionnaire::embedded(),
    )
    .unwrap();
    let survey: &'static _ = Box::leak(Box::new(survey));

    let data = tempfile::tempdir().unwrap();
    let store = Store::open(data.path()).unwrap();
    store
        .create(2026, |id| {
            let mut r = Record::new(id, fixed().date_naive(), fixed());
            for (q, v) in ANSWERS {
                answer_from_input(Questionnaire::embedded(), &mut r, q, v, fixed()).unwrap();
            }
            r
        })
        .unwrap();
    for (lang, title) in [
        (
            Lang::Ja,
            "2026-001 みなと病院 — 会員調査2026（2026-06-01）との比較：指標",
        ),
        (
            Lang::En,
            "2026-001 みなと病院 — vs 会員調査2026 (2026-06-01): indicators",
        ),
    ] {
        let mut app = App::new(lang, Theme { color: false }, store.clone())
            .with_survey(Comparing::with(survey));
        for code in [KeyCode::Enter, KeyCode::Char('p')] {
            app.handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        }
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        term.draw(|f| app.render(f)).unwrap();
        let screen = ui::plain_lines(term.backend().buffer()).join("\n");
        assert!(screen.contains(title), "{screen}");
        assert!(!screen.contains("2022"), "{screen}");
        assert!(
            screen.contains("回答300病院") || screen.contains("300 respondents"),
            "{screen}"
        );
    }
}
