//! `shindan checklist show` with a large checklist edition (`--checklist`): 1,000 and 8,000
//! items (near the 4 MiB bound of an edition file). The time must grow linearly with the
//! items; a search per row once made it quadratic (10,000 items 0.22 s, 20,000 0.74 s).
//!
//! `cargo bench --bench checklist`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// The shipped edition mhlw-r7 with `n` copies of its first section-1 item, as a new edition.
fn edition(n: usize) -> String {
    let shipped = include_str!("../assets/checklists/mhlw-r7.json");
    let mut e: Value = serde_json::from_str(shipped).unwrap();
    e["id"] = "big-r8".into();
    e["fiscal_year"] = 2026.into();
    e["merged"] = Value::Array(Vec::new());
    let items = e["items"].as_array().unwrap().clone();
    let base = items.iter().find(|i| i["section"] == 1).unwrap().clone();
    let mut out = vec![items[0].clone()];
    for k in 0..n {
        let mut it = base.clone();
        it["id"] = format!("c1_item_{k}").into();
        it["number"] = format!("1({})", k + 3).into();
        it["survey"] = Value::Array(Vec::new());
        it["risk"] = Value::Array(Vec::new());
        out.push(it);
    }
    e["items"] = Value::Array(out);
    e.to_string()
}

fn show(data: &Path, edition: &Path, json: bool) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_shindan"));
    c.arg("--data-dir")
        .arg(data)
        .arg("--checklist")
        .arg(edition);
    c.args(["checklist", "show", "2026-001", "--edition", "big-r8"]);
    if json {
        c.arg("--json");
    }
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn checklist(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let made = Command::new(env!("CARGO_BIN_EXE_shindan"))
        .arg("--data-dir")
        .arg(&data)
        .args([
            "new",
            "--name",
            "A病院",
            "--beds",
            "120",
            "--founder",
            "medical_corporation",
        ])
        .output()
        .unwrap();
    assert!(made.status.success());
    let mut g = c.benchmark_group("checklist_show");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for n in [1_000, 8_000] {
        let file = dir.path().join(format!("edition-{n}.json"));
        std::fs::write(&file, edition(n)).unwrap();
        g.bench_with_input(BenchmarkId::new("text", n), &file, |b, f| {
            b.iter(|| show(&data, f, false))
        });
        g.bench_with_input(BenchmarkId::new("json", n), &file, |b, f| {
            b.iter(|| show(&data, f, true))
        });
    }
    g.finish();
}

criterion_group!(benches, checklist);
criterion_main!(benches);
