//! The realistic hospital the check, position and overview tests speak of: さくら記念病院, a
//! 350-bed 医療法人 with the gaps most of its peers share (a flagged VPN left unpatched, backups
//! neither offline nor off site, no audit, too small a budget) and three they mostly do not (no
//! insurance, no incident procedure, no BCP). One record, so that what one test file works out
//! by hand holds for the others.
#![allow(dead_code)]

use std::path::Path;

/// Its profile: the interview's first questions.
pub const PROFILE: [(&str, &str); 4] = [
    ("hospital_name", "さくら記念病院"),
    ("beds", "350"),
    ("founder", "medical_corporation"),
    ("associations", "ajha,jmha"),
];

/// The gaps most hospitals share, which every hospital of the tests has: a threat felt, the VPN
/// flagged and not patched, backups neither offline nor off site.
pub const GAPS: [(&str, &str); 6] = [
    ("threat", "yes"),
    ("vpn_flagged", "yes"),
    ("vpn_patched", "no"),
    ("backup", "yes"),
    ("backup_offline", "no"),
    ("backup_offsite", "no"),
];

/// Its people and money after the [`GAPS`]: four staff, three full time, never audited, a budget
/// under ¥5 million that is not enough, no insurance.
pub const STAFF_AND_BUDGET: [(&str, &str); 6] = [
    ("staff_total", "4"),
    ("staff_fulltime", "3"),
    ("audit", "never"),
    ("budget_bracket", "lt5m"),
    ("budget_sufficiency", "not_enough"),
    ("insurance", "no"),
];

/// Its last answers: a closed network believed safe on conditions, no incident procedure, no
/// BCP.
pub const PLANS: [(&str, &str); 3] = [
    ("closed_network_belief", "conditional"),
    ("incident_response", "no"),
    ("bcp", "no"),
];

/// Its answers after the profile (the VPN's reasons left unanswered: the interview is not
/// complete until a test gives them), in the interview's order.
pub fn answered_after_profile() -> Vec<(&'static str, &'static str)> {
    [&GAPS[..], &STAFF_AND_BUDGET, &PLANS].concat()
}

/// The profile and every answer, in the interview's order.
pub fn answers() -> Vec<(&'static str, &'static str)> {
    [&PROFILE[..], &answered_after_profile()].concat()
}

/// The hospital made on the command line as a new user would (`new` with its profile, then
/// `answer` for each answer), each command run by `run`, which must succeed; its id.
pub fn made(dir: &Path, run: impl Fn(&Path, &[&str]) -> String) -> String {
    let [(_, name), (_, beds), (_, founder), (_, associations)] = PROFILE;
    let new = [
        "new",
        "--name",
        name,
        "--beds",
        beds,
        "--founder",
        founder,
        "--associations",
        associations,
    ];
    answered(dir, &run, run(dir, &new), &answered_after_profile())
}

/// Another 350-bed 医療法人, called `name`, made the same way with the [`GAPS`] and `answers`
/// after them (`first`, before them: the interview's order); its id. For the tests that need a
/// record other than the realistic one.
pub fn named(
    dir: &Path,
    run: impl Fn(&Path, &[&str]) -> String,
    name: &str,
    first: &[(&str, &str)],
    answers: &[(&str, &str)],
) -> String {
    let all = [first, &GAPS, answers].concat();
    answered(dir, &run, bare(dir, &run, name), &all)
}

/// A 350-bed 医療法人 called `name` that has answered nothing more; its id.
pub fn bare(dir: &Path, run: impl Fn(&Path, &[&str]) -> String, name: &str) -> String {
    let new = [
        "new",
        "--name",
        name,
        "--beds",
        "350",
        "--founder",
        "medical_corporation",
    ];
    run(dir, &new).trim().to_string()
}

/// `answer` for each of `answers` on the record `new` printed the id of; the id.
fn answered(
    dir: &Path,
    run: impl Fn(&Path, &[&str]) -> String,
    new: String,
    answers: &[(&str, &str)],
) -> String {
    let id = new.trim().to_string();
    for (q, v) in answers {
        run(dir, &["answer", &id, q, v]);
    }
    id
}
