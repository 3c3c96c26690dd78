//! Writes a synthetic population of records (see `tests/synth`, shared with the tests and the bench): for trying `aggregate`,
//! for the tests and for the benchmark.
//!
//! `cargo run --example synth -- --n 10000 --out /tmp/pop` (a folder of record files) or
//! `--out /tmp/pop.jsonl` (one bundle). `--incomplete-every K` leaves every K-th record unfinished.
//! `--like 2022` writes the 2022 respondents instead (1,144 records per round, p2's bed classes
//! and founders, 図６'s bracket counts in each bed class).

#[path = "../tests/synth/mod.rs"]
mod synth;

use std::io::Write;
use synth::Population;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let n: usize = get("--n").and_then(|v| v.parse().ok()).unwrap_or(1000);
    let out = get("--out").unwrap_or_else(|| "synth.jsonl".into());
    let mut pop = match get("--like").as_deref() {
        Some("2022") => Population {
            n: get("--n").and_then(|v| v.parse().ok()).unwrap_or(1144),
            ..Population::like_2022()
        },
        Some(other) => {
            eprintln!("--like {other}: the only population to imitate is 2022");
            std::process::exit(2);
        }
        None => Population::new(n),
    };
    pop.incomplete_every = get("--incomplete-every")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let json = |r: &shindan::domain::Record| serde_json::to_string(r).expect("records serialise");
    if out.ends_with(".jsonl") {
        let mut f =
            std::io::BufWriter::new(std::fs::File::create(&out).expect("create the bundle"));
        for r in pop.iter() {
            writeln!(f, "{}", json(&r)).expect("write");
        }
    } else {
        std::fs::create_dir_all(&out).expect("create the folder");
        for r in pop.iter() {
            std::fs::write(format!("{out}/{}.json", r.id), json(&r)).expect("write");
        }
    }
    eprintln!("{} records → {out}", pop.n);
}
