//! Running shindan's command line on a data dir, as a script would: the one way the CLI tests
//! start it, so every test runs with the same environment (no `SHINDAN_LANG` from the shell).
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::Path;

/// shindan on `dir` as its data dir, in the default language.
pub fn shindan(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("shindan").unwrap();
    c.env("SHINDAN_DATA_DIR", dir).env_remove("SHINDAN_LANG");
    c
}

/// Runs `c` with `args`, asserts that it succeeded (showing its stderr if not) and returns its
/// stdout: for the tests whose shindan needs more environment than [`shindan`] sets.
pub fn succeeded(mut c: Command, args: &[&str]) -> String {
    let out = c.args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// [`shindan`] with `args`, which must succeed; its stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    succeeded(shindan(dir), args)
}

/// The arguments of `checklist form` for one vendor's form: the record `id`, the form for
/// `vendor`'s `system`, written as `format` (to stdout, unless `-o` is added).
pub fn vendor_form<'a>(
    id: &'a str,
    vendor: &'a str,
    system: &'a str,
    format: &'a str,
) -> Vec<&'a str> {
    vec![
        "checklist",
        "form",
        id,
        "--vendor",
        vendor,
        "--system",
        system,
        "--format",
        format,
    ]
}

/// A new record of a 120-bed hospital run by a medical corporation, named `name`; its id.
pub fn hospital(dir: &Path, name: &str) -> String {
    let args = ["--name", name, "--beds", "120", "--founder"];
    let mut all = vec!["new"];
    all.extend(args);
    all.push("medical_corporation");
    ok(dir, &all).trim().to_string()
}
