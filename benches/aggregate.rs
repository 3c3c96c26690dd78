//! Aggregation of 10,000 records (target: ≤ 1 s, memory flat in the number of records):
//! the same path as `shindan aggregate`, from a JSONL bundle and from a folder of files.
//!
//! `cargo bench --bench aggregate`

use criterion::{criterion_group, criterion_main, Criterion};
use shindan::domain::aggregate::Tally;
use shindan::domain::budget::BudgetData;
use shindan::domain::Questionnaire;
use shindan::store::bundle;
#[path = "../tests/synth/mod.rs"]
mod synth;

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;
use synth::Population;

fn tally(paths: Vec<PathBuf>) -> u64 {
    let qn = Questionnaire::embedded();
    let mut t = Tally::new(qn);
    for (_, r) in bundle::records(paths).flatten() {
        t.add(qn, &r);
    }
    let data = BudgetData::embedded();
    assert_eq!(t.budget(data, data.levels()).len(), 5);
    t.respondents
}

fn aggregate(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("pop.jsonl");
    let folder = dir.path().join("files");
    std::fs::create_dir_all(&folder).unwrap();
    let mut f = std::io::BufWriter::new(std::fs::File::create(&jsonl).unwrap());
    for r in Population::new(10_000).iter() {
        writeln!(f, "{}", serde_json::to_string(&r).unwrap()).unwrap();
        std::fs::write(
            folder.join(format!("{}.json", r.id)),
            shindan::store::to_json(&r),
        )
        .unwrap();
    }
    drop(f);
    let mut g = c.benchmark_group("aggregate");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("10k_records_jsonl", |b| {
        b.iter(|| assert_eq!(tally(vec![jsonl.clone()]), 10_000))
    });
    g.bench_function("10k_record_files", |b| {
        b.iter(|| assert_eq!(tally(vec![folder.clone()]), 10_000))
    });
    g.finish();
    memory(&jsonl);
}

/// Peak memory of `shindan aggregate` itself on 1,000 and on 10,000 records: flat means the
/// two are close (records are streamed, never held). Measured by GNU time (`/usr/bin/time`,
/// Debian package `time`), which forks: a child spawned from this bench directly would inherit
/// the bench's own high-water mark across exec.
fn memory(jsonl: &std::path::Path) {
    let text = std::fs::read_to_string(jsonl).unwrap();
    let dir = jsonl.parent().unwrap();
    let small = dir.join("pop1k.jsonl");
    std::fs::write(
        &small,
        text.lines().take(1000).collect::<Vec<_>>().join("\n"),
    )
    .unwrap();
    for (n, file) in [(1_000, small.as_path()), (10_000, jsonl)] {
        let out = std::process::Command::new("/usr/bin/time")
            .args(["-f", "%M"])
            .arg(env!("CARGO_BIN_EXE_shindan"))
            .arg("--data-dir")
            .arg(dir.join("empty"))
            .arg("aggregate")
            .arg(file)
            .stdout(std::process::Stdio::null())
            .output();
        let kb = out.ok().and_then(|o| {
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .last()
                .and_then(|l| l.trim().parse::<f64>().ok())
        });
        match kb {
            Some(kb) => println!("aggregate {n:>6} records: peak RSS {:.1} MB", kb / 1024.0),
            None => println!("aggregate {n:>6} records: peak RSS n/a (install GNU time)"),
        }
    }
}

criterion_group!(benches, aggregate);
criterion_main!(benches);
