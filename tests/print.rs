//! The director's report as it comes out of a real browser: the HTML export of a realistic
//! record printed to PDF by headless Chromium, read back with poppler's `pdfinfo` and
//! `pdftotext`. Page 1 must be the whole summary (the six parts and the ranked next steps) in
//! Japanese and in English, every page A4, no word past the right margin, no internal id.
//!
//! `.ci/run` installs `chromium` and `poppler-utils`; where they are missing outside CI the
//! test says why and passes, in CI it fails.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;
use std::process;

mod cli_run;
mod hospital;

/// The report's day, so that target dates stay in the future and the text stays the same.
const NOW: &str = "2026-06-01T00:30:00Z";
/// The page's right margin (12 mm) in points, less a little for rounding.
const RIGHT_MARGIN_PT: f64 = 12.0 * 72.0 / 25.4 - 2.0;

fn shindan(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("shindan").unwrap();
    c.env("SHINDAN_DATA_DIR", dir)
        .env("SHINDAN_NOW", NOW)
        .env("TZ", "Asia/Tokyo")
        .env_remove("SHINDAN_LANG")
        .env_remove("SHINDAN_SURVEY");
    c
}

/// Its [`shindan`] with `args`, which must succeed; its stdout.
fn ok(dir: &Path, args: &[&str]) -> String {
    cli_run::succeeded(shindan(dir), args)
}

/// A hospital part way through: most of the interview, some controls, a vendor system, the
/// checklist started with two target dates.
fn hospital(dir: &Path) -> String {
    let id = hospital::named(
        dir,
        ok,
        "みなと総合病院",
        &[("revenue", "5000000")],
        &[
            ("staff_total", "3"),
            ("staff_fulltime", "1"),
            ("audit", "never"),
            ("budget_bracket", "10m_20m"),
            ("budget_amount", "12000"),
            ("insurance", "no"),
        ],
    );
    ok(
        dir,
        &["answer", &id, "backup", "--note", "毎晩NASへ（同じ建物）"],
    );
    ok(
        dir,
        &[
            "control",
            &id,
            "restore_drill",
            "missing",
            "--system",
            "電子カルテ",
        ],
    );
    ok(dir, &["control", &id, "backup_offline", "partial"]);
    ok(dir, &["checklist", "answer", &id, "c0_has_systems", "yes"]);
    ok(
        dir,
        &["checklist", "answer", &id, "c1_operation_rules", "yes"],
    );
    ok(
        dir,
        &[
            "checklist",
            "answer",
            &id,
            "c1_security_manager",
            "no",
            "--target",
            "2026-09-30",
        ],
    );
    ok(
        dir,
        &[
            "checklist",
            "answer",
            &id,
            "c2_device_register",
            "no",
            "--target",
            "2026-08-31",
        ],
    );
    id
}

fn have(tool: &str) -> bool {
    process::Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The browser to print with, or `None` (with the reason printed) where there is none and
/// this is not CI.
fn browser() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|b| have(b));
    let poppler = have("pdftotext") && have("pdfinfo");
    match (found, poppler) {
        (Some(b), true) => Some(b),
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI must print the report: install chromium and poppler-utils (.ci/run does)")
        }
        _ => {
            eprintln!(
                "skipped: headless Chromium or poppler-utils not installed (apt-get install chromium poppler-utils)"
            );
            None
        }
    }
}

fn run(cmd: &mut process::Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Prints `html` to `pdf` as a person would with the browser's "Save as PDF": no header or
/// footer of the browser's own (the page's CSS has its footer).
fn print(browser: &str, html: &Path, pdf: &Path, profile: &Path) {
    run(process::Command::new("timeout").args([
        "180",
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-pdf-header-footer",
        &format!("--user-data-dir={}", profile.display()),
        &format!("--print-to-pdf={}", pdf.display()),
        &format!("file://{}", html.display()),
    ]));
    assert!(pdf.exists(), "no PDF from {browser}");
}

/// Words in the text that look like internal ids: `c2_patch_all`, `budget_bracket`.
fn snake_ids(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| {
            let parts: Vec<&str> = w.split('_').collect();
            parts.len() > 1 && parts.iter().all(|p| !p.is_empty())
        })
        .map(str::to_string)
        .collect()
}

/// (page width, right edge of each word) from `pdftotext -bbox`, in points.
fn word_right_edges(pdf: &Path) -> (f64, Vec<(f64, String)>) {
    let xml = run(process::Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-"));
    let attr = |tag: &str, name: &str| -> Option<f64> {
        let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
        tag[at..].split('"').next()?.parse().ok()
    };
    let mut width = 0.0;
    let mut words = Vec::new();
    for tag in xml.split('<').skip(1) {
        if tag.starts_with("page ") {
            width = attr(tag, "width").unwrap();
        } else if tag.starts_with("word ") {
            let text = tag.split('>').nth(1).unwrap_or("").to_string();
            words.push((attr(tag, "xMax").unwrap(), text));
        }
    }
    (width, words)
}

/// A hospital where everything that can worry does, with a long name: what page 1 must still
/// hold (every part capped: four worries, four risks, five items, three dates, ten steps).
fn troubled(dir: &Path) -> String {
    let id = ok(
        dir,
        &[
            "new",
            "--name",
            "社会医療法人 みなと総合医療センター附属 みなと総合病院",
            "--beds",
            "120",
            "--founder",
            "medical_corporation",
        ],
    )
    .trim()
    .to_string();
    for (q, v) in [
        ("threat", "no"),
        ("vpn_flagged", "yes"),
        ("vpn_patched", "no"),
        ("vpn_unpatched_reasons", "no_information,no_budget"),
        ("backup", "yes"),
        ("backup_offline", "no"),
        ("backup_offsite", "no"),
        ("staff_total", "1"),
        ("staff_fulltime", "0"),
        ("audit", "never"),
        ("budget_bracket", "lt5m"),
        ("budget_sufficiency", "not_enough"),
        ("insurance", "no"),
        ("closed_network_belief", "agree"),
        ("incident_response", "no"),
        ("bcp", "no"),
    ] {
        ok(dir, &["answer", &id, q, v]);
    }
    for c in [
        "restore_drill",
        "vpn_patch",
        "vendor_mfa_remote",
        "login_lockout",
    ] {
        ok(
            dir,
            &[
                "control",
                &id,
                c,
                "missing",
                "--system",
                "電子カルテ・医事会計・PACS",
            ],
        );
    }
    ok(dir, &["checklist", "answer", &id, "c0_has_systems", "yes"]);
    for (item, on) in [
        ("c1_security_manager", "2026-06-30"),
        ("c1_operation_rules", "2026-07-31"),
        ("c2_device_register", "2026-08-31"),
        ("c2_patch_all", "2026-09-30"),
    ] {
        ok(
            dir,
            &["checklist", "answer", &id, item, "no", "--target", on],
        );
    }
    id
}

fn printed_report(lang: &str) {
    printed(lang, hospital, "みなと総合病院");
}

fn printed(lang: &str, make: fn(&Path) -> String, name: &str) {
    let Some(browser) = browser() else { return };
    let d = tempfile::tempdir().unwrap();
    let data = d.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let id = make(&data);
    let html = d.path().join("report.html");
    ok(
        &data,
        &[
            "--lang",
            lang,
            "export",
            &id,
            "--format",
            "html",
            "-o",
            html.to_str().unwrap(),
        ],
    );
    let pdf = d.path().join("report.pdf");
    print(browser, &html, &pdf, &d.path().join("profile"));

    let info = run(process::Command::new("pdfinfo").arg(&pdf));
    assert!(
        info.lines()
            .any(|l| l.starts_with("Page size:") && l.contains("(A4)")),
        "{info}"
    );
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(pages >= 2, "the detail follows page 1: {info}");

    let text = |first: usize, last: usize| {
        run(process::Command::new("pdftotext")
            .args(["-layout", "-f", &first.to_string(), "-l", &last.to_string()])
            .arg(&pdf)
            .arg("-"))
    };
    let page1 = text(1, 1);
    let flat: String = page1.split_whitespace().collect::<Vec<_>>().join(" ");
    let (parts, last_words, footer): (&[&str], &str, &str) = if lang == "ja" {
        (
            &[
                "要旨",
                "1. 病院",
                "2. 2022年調査との比較",
                "3. リスク対策の網羅（提言２）",
                "4. セキュリティ予算（提言１）",
                "5. 厚労省チェックリスト（立入検査）",
                "6. 次の一手",
                "網羅 ",
                "判明 ",
                "不足",
                "必須項目",
            ],
            "詳細は次ページ以降。",
            "1 / ",
        )
    } else {
        (
            &[
                "Summary",
                "1. The hospital",
                "2. Against the 2022 survey",
                "3. Risk coverage (proposal 2)",
                "4. Security budget (proposal 1)",
                "5. MHLW checklist (inspection)",
                "6. Next steps",
                "Covered ",
                "known ",
                "short",
                "Required items",
            ],
            "The detail follows from page 2.",
            "1 / ",
        )
    };
    for part in parts {
        assert!(
            flat.contains(part),
            "{lang}: page 1 lacks {part:?}:\n{page1}"
        );
    }
    // The summary's last line on page 1: all of it fits there.
    assert!(
        flat.contains(last_words),
        "{lang}: the summary runs past page 1:\n{page1}"
    );
    assert!(
        flat.contains(&format!("{footer}{pages}")),
        "{lang}: the running footer numbers the pages:\n{page1}"
    );
    // The next steps on page 1 are the overview's, in its order, numbered.
    let check: Value =
        serde_json::from_str(&ok(&data, &["--lang", lang, "check", &id, "--json"])).unwrap();
    let steps = check["next_steps"].as_array().expect("next steps");
    assert!(steps.len() >= 3, "{check:#}");
    let mut at = 0;
    for (i, s) in steps.iter().enumerate() {
        let action: String = s["action"]
            .as_str()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let head: String = action.chars().take(14).collect();
        let mark = format!("{}. {head}", i + 1);
        let found = flat[at..]
            .find(&mark)
            .unwrap_or_else(|| panic!("{lang}: step {mark:?} not on page 1 in order:\n{page1}"));
        at += found + mark.len();
    }

    let all = text(1, pages);
    assert_eq!(snake_ids(&all), Vec::<String>::new(), "{lang}: ids printed");
    assert!(all.contains(name), "{lang}: {name} missing");
    let (width, words) = word_right_edges(&pdf);
    let cut: Vec<_> = words
        .iter()
        .filter(|(x, _)| *x > width - RIGHT_MARGIN_PT)
        .collect();
    assert!(
        cut.is_empty(),
        "{lang}: words past the right margin: {cut:?}"
    );
}

#[test]
fn the_japanese_report_prints_with_its_summary_on_page_one() {
    printed_report("ja");
}

#[test]
fn the_english_report_prints_with_its_summary_on_page_one() {
    printed_report("en");
}

#[test]
fn a_troubled_hospital_still_fits_page_one_in_both_languages() {
    printed(
        "ja",
        troubled,
        "社会医療法人 みなと総合医療センター附属 みなと総合病院",
    );
    printed(
        "en",
        troubled,
        "社会医療法人 みなと総合医療センター附属 みなと総合病院",
    );
}
