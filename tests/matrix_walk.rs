//! The walk-through model as a screen drives it: one control at a time in catalogue order, what
//! each step shows, the five answers, note, back, progress, resuming where it was left, and
//! skipping what is known unless reviewing — and, end to end, a record with a complete
//! interview and checklist that the walk brings to no unknown control on `control --json`.

mod complete;

use assert_cmd::Command;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde_json::Value;
use shindan::domain::matrix::walk::order;
use shindan::domain::matrix::{
    By, ControlState, ControlStatus, Coverage, Rank, Reply, Sources, VendorBrief, Walk,
};
use shindan::domain::{Clock, Lang, Record, RecordId};
use shindan::store::Store;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap()
}

/// Dates shown in UTC, at [`now`].
fn clock() -> Clock {
    Clock::utc(now())
}

fn interviewed() -> Record {
    complete::interviewed(RecordId::new(2026, 1), now())
}

/// The interview, and every item of the newest checklist's hospital form answered "yes".
fn complete() -> Record {
    complete::complete(RecordId::new(2026, 1), d("2026-11-30"), now())
}

fn unknown(r: &Record) -> usize {
    Coverage::with(&Sources::embedded(), r).unknown_controls()
}

/// Issue 23: after a full interview 75 of 83 controls were unknown, and the checklist changed
/// none. With the crosswalk the checklist's answers count too.
#[test]
fn a_complete_interview_and_checklist_leave_fewer_unknown_controls_than_75() {
    assert_eq!(unknown(&interviewed()), 75);
    let r = complete();
    let n = unknown(&r);
    assert!(n < 75, "{n}");
    assert_eq!(n, 58);
    let cov = Coverage::with(&Sources::embedded(), &r);
    assert_eq!(cov.from_rank(Rank::Checklist), 20);
    assert_eq!(cov.from_interview(), 5);
    assert_eq!(cov.figure().render(Lang::Ja), "網羅 33%（判明 25/83）");
}

#[test]
fn the_walk_goes_by_category_then_phase_and_skips_what_is_known() {
    let s = Sources::embedded();
    let cat = s.catalog;
    let ranks: Vec<(usize, usize)> = order(&s)
        .iter()
        .map(|c| {
            let first = cat.scenario(&c.scenarios[0]).unwrap();
            let category = cat
                .categories
                .iter()
                .position(|x| x.id == first.category)
                .unwrap();
            let phase = cat.control_phases(c)[0];
            (
                category,
                cat.phases.iter().position(|p| p.id == phase.id).unwrap(),
            )
        })
        .collect();
    assert_eq!(ranks.len(), 83);
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");

    let r = complete();
    let walk = Walk::new(&r, s, false);
    let p = walk.progress(&r);
    assert_eq!((p.done, p.len, p.known, p.controls), (0, 58, 25, 83));
    let first = walk.current(&r).unwrap();
    assert!(!ControlState::of(&s, first.control, &r).is_known());
    // Reviewing visits every control, the known ones with what is known.
    let review = Walk::new(&r, s, true);
    assert_eq!(review.progress(&r).len, 83);
    assert!(review.is_review());
}

#[test]
fn a_step_shows_the_risk_who_implements_it_and_what_is_known() {
    let s = Sources::embedded();
    let mut r = complete();
    r.vendors.push(shindan::domain::checklist::Vendor {
        vendor: "A社".into(),
        system: "電子カルテ".into(),
        forms: Default::default(),
    });
    let mut walk = Walk::new(&r, s, true);
    // The first control: authentication, build and maintenance.
    let step = walk.current(&r).unwrap();
    assert_eq!(step.position, 0);
    assert_eq!(step.control.id, "mfa_remote");
    let path = &step.risks[0];
    assert_eq!(path.category.id, "authentication");
    assert_eq!(path.medium.id, "au_weak_login");
    assert_eq!(path.small.id, "au_password_only_remote");
    assert_eq!(step.by, By::Hospital);
    assert!(step.systems.is_empty());
    assert_eq!(step.state.status, ControlStatus::InPlace);
    assert_eq!(
        step.state.whence(Lang::Ja, &clock()),
        "チェックリスト 2⑬ 2026-11-30"
    );
    // The next is the vendor's: the systems it may concern are the record's vendors'.
    walk.answer(&mut r, Reply::InPlace, now()).unwrap();
    let step = walk.current(&r).unwrap();
    assert_eq!(step.control.id, "vendor_mfa_remote");
    assert_eq!(step.by, By::Vendor);
    assert_eq!(step.systems, ["電子カルテ"]);
    assert_eq!(step.state.leads().count(), 1, "2⑬ is a lead to review");
}

#[test]
fn each_answer_sets_the_control_and_moves_on_and_back_goes_back() {
    let s = Sources::embedded();
    let mut r = interviewed();
    let mut walk = Walk::new(&r, s, false);
    let ids: Vec<String> = (0..6)
        .map(|_| {
            let id = walk.current(&r).unwrap().control.id.clone();
            walk.answer(&mut r, Reply::InPlace, now()).unwrap();
            id
        })
        .collect();
    for id in &ids {
        assert_eq!(r.controls[id].status, Some(ControlStatus::InPlace));
    }
    assert_eq!(walk.progress(&r).done, 6);
    // The place is kept in the record: the next control to answer.
    let next = walk.current(&r).unwrap().control.id.clone();
    assert_eq!(r.matrix_resume_at.as_deref(), Some(next.as_str()));

    assert!(walk.back(&mut r));
    assert_eq!(walk.current(&r).unwrap().control.id, ids[5]);
    assert_eq!(r.matrix_resume_at.as_deref(), Some(ids[5].as_str()));
    walk.answer(&mut r, Reply::Missing, now()).unwrap();
    assert_eq!(r.controls[&ids[5]].status, Some(ControlStatus::Missing));
    assert_eq!(walk.current(&r).unwrap().control.id, next);

    // 2 一部, 4 対象外; a note leaves the walk where it is.
    walk.note(&mut r, "来年度に更新予定", now()).unwrap();
    assert_eq!(walk.current(&r).unwrap().control.id, next);
    assert_eq!(r.controls[&next].note.as_deref(), Some("来年度に更新予定"));
    walk.answer(&mut r, Reply::Partial, now()).unwrap();
    assert_eq!(r.controls[&next].status, Some(ControlStatus::Partial));
    let na = walk.current(&r).unwrap().control.id.clone();
    walk.answer(&mut r, Reply::NotApplicable, now()).unwrap();
    assert_eq!(r.controls[&na].status, Some(ControlStatus::NotApplicable));

    let mut first = Walk::new(&interviewed(), s, false);
    let mut fresh = interviewed();
    assert!(!first.back(&mut fresh), "nothing before the first");
    assert_eq!(
        Reply::from_key('5'),
        Some(Reply::AskVendor),
        "the keys are 1 to 5"
    );
    assert_eq!(Reply::from_key('6'), None);
    assert_eq!(
        Reply::AskVendor.label(Lang::Ja),
        "わからない（事業者に確認）"
    );
}

#[test]
fn dont_know_asks_the_vendor_and_is_not_asked_again() {
    let s = Sources::embedded();
    let mut r = interviewed();
    let mut walk = Walk::new(&r, s, false);
    let first = walk.current(&r).unwrap().control.id.clone();
    walk.answer(&mut r, Reply::AskVendor, now()).unwrap();
    let mark = &r.controls[&first];
    assert!(mark.ask_vendor);
    assert_eq!(mark.status, None);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["controls"][&first]["ask_vendor"], true);
    // The vendor brief lists it, hospital control or not.
    let cov = Coverage::with(&s, &r);
    let brief = VendorBrief::of(&cov);
    let asked: Vec<_> = brief
        .systems
        .iter()
        .flat_map(|g| &g.phases)
        .flat_map(|p| &p.requests)
        .filter(|q| q.ask_vendor)
        .map(|q| q.control.id.clone())
        .collect();
    assert_eq!(asked, std::slice::from_ref(&first));
    // A new walk skips it; reviewing shows it; answering it takes the question back.
    let again = Walk::new(&r, s, false);
    assert_ne!(again.current(&r).unwrap().control.id, first);
    assert_eq!(again.progress(&r).len, walk.progress(&r).len - 1);
    let mut review = Walk::new(&r, s, true);
    while review.current(&r).unwrap().control.id != first {
        review.answer(&mut r, Reply::AskVendor, now()).unwrap();
    }
    assert!(review.current(&r).unwrap().state.ask_vendor);
    review.answer(&mut r, Reply::InPlace, now()).unwrap();
    assert!(!r.controls[&first].ask_vendor);
}

#[test]
fn a_walk_left_halfway_resumes_where_it_was() {
    let s = Sources::embedded();
    let mut r = interviewed();
    let mut walk = Walk::new(&r, s, false);
    for _ in 0..10 {
        walk.answer(&mut r, Reply::Missing, now()).unwrap();
    }
    let at = walk.current(&r).unwrap().control.id.clone();
    // Saved and read back, as the store does.
    let r: Record = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    let walk = Walk::new(&r, s, false);
    assert_eq!(walk.current(&r).unwrap().control.id, at);
    assert_eq!(walk.progress(&r).len, 75 - 10);
}

/// Issue 23's end to end: the complete record, every remaining control answered 1 through the
/// walk, then `shindan control ID --json` lists no unknown control.
#[test]
fn answering_every_remaining_control_with_1_leaves_none_unknown() {
    let s = Sources::embedded();
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let store = Store::open(&data).unwrap();
    let built = complete();
    let mut r = store
        .create(2026, |id| Record {
            id,
            ..built.clone()
        })
        .unwrap();
    let mut walk = Walk::new(&r, s, false);
    let len = walk.progress(&r).len;
    assert!(len < 75);
    let mut steps = 0;
    while walk.current(&r).is_some() {
        walk.answer(&mut r, Reply::from_key('1').unwrap(), now())
            .unwrap();
        steps += 1;
    }
    assert_eq!(steps, len);
    assert!(walk.is_finished());
    assert_eq!(r.matrix_resume_at, None, "a finished walk keeps no place");
    let lock = store.lock(&r.id).unwrap();
    store.save(&mut r, &lock).unwrap();
    drop(lock);

    let out = Command::cargo_bin("shindan")
        .unwrap()
        .env("SHINDAN_DATA_DIR", &data)
        .env_remove("SHINDAN_LANG")
        .args(["control", &r.id.to_string(), "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let controls = j["controls"].as_array().unwrap();
    assert_eq!(controls.len(), 83);
    let unknown = controls.iter().filter(|c| c["status"] == "unknown").count();
    assert_eq!(unknown, 0);
    assert_eq!(j["coverage"]["unknown"], 0);
    assert_eq!(j["coverage"]["known"], 83);
    // Each says where its status comes from: the walk's are the user's.
    let users = controls
        .iter()
        .filter(|c| c["source"]["kind"] == "user")
        .count();
    assert_eq!(users, len);
}
