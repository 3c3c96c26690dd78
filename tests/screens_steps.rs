//! Enter on a next step of the overview lands on the thing the step is about, for every kind
//! of step: a checklist item (the cursor on that item), a vendor's packet (the vendors panel on
//! that vendor, where `w` writes its form), a control (the matrix's controls with the cursor on
//! it) and the budget (the what-if revenue form, which warns like the interview's question).

mod ui;

use assert_cmd::Command;
use crossterm::event::KeyCode;
use shindan::domain::checklist::{ChecklistView, Editions};
use shindan::domain::matrix::Catalog;
use shindan::domain::overview::{Overview, Target};
use shindan::domain::record::checklist_answers::EvidenceState;
use shindan::domain::{Lang, Questionnaire};
use shindan::store::Store;
use std::path::Path;
use ui::Ui;

fn run(dir: &Path, args: &[&str]) {
    let out = Command::cargo_bin("shindan")
        .unwrap()
        .env("SHINDAN_DATA_DIR", dir)
        .env_remove("SHINDAN_LANG")
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
}

/// A hospital with gaps of every kind: checklist items open, a vendor whose form is not sent,
/// controls unknown, a budget below the 15% level.
fn record(dir: &Path) {
    run(
        dir,
        &[
            "new",
            "--name",
            "さくら記念病院",
            "--beds",
            "120",
            "--founder",
            "medical_corporation",
        ],
    );
    let id = "2026-001";
    for (q, v) in [
        ("revenue", "4500000"),
        ("threat", "yes"),
        ("vpn_flagged", "no"),
        ("backup", "yes"),
        ("backup_offline", "no"),
        ("backup_offsite", "no"),
        ("audit", "never"),
        ("budget_bracket", "lt5m"),
        ("budget_amount", "3000"),
        ("insurance", "no"),
        ("incident_response", "no"),
        ("bcp", "no"),
    ] {
        run(dir, &["answer", id, q, v]);
    }
    run(dir, &["checklist", "answer", id, "前提", "yes"]);
    run(dir, &["checklist", "answer", id, "1(1)", "yes"]);
    // A vendor added from the contact chart: its form is still to be sent.
    run(
        dir,
        &[
            "contacts",
            id,
            "set",
            "vendor",
            "--vendor",
            "A社",
            "--system",
            "電子カルテ",
            "--name",
            "佐藤",
        ],
    );
}

fn steps(dir: &Path) -> Vec<Target> {
    let store = Store::open(dir).unwrap();
    let r = store.list().unwrap().records.remove(0);
    let editions = Editions::shipped();
    let clock = shindan::clock::system();
    let view = editions.newest().map(|e| {
        ChecklistView::build(editions, e, &r, Questionnaire::embedded(), &clock, &|_| {
            EvidenceState::NotChecked
        })
    });
    Overview::of(
        &r,
        shindan::domain::survey::Survey::embedded(),
        view.as_ref(),
    )
    .next_steps
    .into_iter()
    .map(|s| s.target)
    .collect()
}

/// The overview's steps in full, the `n`th selected, and Enter.
fn enter_step(n: usize) -> Ui {
    let mut ui = Ui::new(Lang::Ja, 100, 36, |store| record(store.dir()));
    ui.press(KeyCode::Char('o')).press(KeyCode::Tab);
    for _ in 0..n {
        ui.press(KeyCode::Down);
    }
    ui.press(KeyCode::Enter);
    ui
}

#[test]
fn enter_on_each_kind_of_step_lands_on_its_thing() {
    let dir = tempfile::tempdir().unwrap();
    record(dir.path());
    let targets = steps(dir.path());
    let mut seen = Vec::new();
    let edition = Editions::shipped().newest().unwrap();
    for (n, target) in targets.iter().enumerate() {
        match target {
            Target::ChecklistItem { item, .. } if !seen.contains(&"item") => {
                seen.push("item");
                let ui = enter_step(n);
                let number = edition.item(item).unwrap().label().to_string();
                let at = ui.line_of("▶");
                assert!(at.contains(&number), "{item} {number}: {}", ui.screen());
            }
            Target::VendorPacket { vendor, .. } if !seen.contains(&"vendor") => {
                seen.push("vendor");
                let mut ui = enter_step(n);
                assert!(ui.line_of("▶").contains(vendor.as_str()), "{}", ui.screen());
                // The panel's own keys work there: `w` opens the form's path prompt.
                ui.press(KeyCode::Char('w'));
                assert!(ui.screen().contains(".csv"), "{}", ui.screen());
            }
            Target::Control { id } if !seen.contains(&"control") => {
                seen.push("control");
                let ui = enter_step(n);
                let words = &Catalog::embedded().control(id).unwrap().ja;
                let start: String = words.chars().take(8).collect();
                assert!(
                    ui.line_of("▶").contains(&start),
                    "{id} {start}: {}",
                    ui.screen()
                );
            }
            Target::Budget { .. } if !seen.contains(&"budget") => {
                seen.push("budget");
                let ui = enter_step(n);
                assert!(ui.screen().contains("▸年間収益"), "{}", ui.screen());
            }
            _ => {}
        }
    }
    seen.sort();
    assert_eq!(seen, ["budget", "control", "item", "vendor"], "{targets:?}");
}
