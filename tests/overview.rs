//! The overview and its next steps on hand-built records: nothing done, everything done, a
//! hospital in between, and records with parts unanswered (each part says what is missing).

mod hospital;

use chrono::{NaiveDate, TimeZone, Utc};
use shindan::domain::carried::{confirm, ConfirmError};
use shindan::domain::checklist::{rules, AnswerInput, ChecklistView, EvidenceState, Form};
use shindan::domain::checklist::{Edition, Editions};
use shindan::domain::matrix::mark::{set_mark, MarkChange, StatusInput};
use shindan::domain::matrix::{Catalog, ControlStatus};
use shindan::domain::overview::{BudgetSummary, Overview, RiskLevel, Target, Tier};
use shindan::domain::record::checklist_answers::YesNo;
use shindan::domain::validate::answer_from_input;
use shindan::domain::{history, Clock, FiscalYear, Questionnaire, Record, RecordId};

const TODAY: &str = "2026-11-25";

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()
}

fn record(answers: &[(&str, &str)]) -> Record {
    let mut r = Record::new(RecordId::new(2026, 1), d(TODAY), now());
    for (q, v) in answers {
        answer_from_input(Questionnaire::embedded(), &mut r, q, v, now())
            .unwrap_or_else(|e| panic!("{q}={v}: {e}"));
    }
    r
}

fn eds() -> &'static Editions {
    Editions::shipped()
}

fn edition() -> &'static Edition {
    eds().newest().unwrap()
}

fn answer(r: &mut Record, item: &str, a: YesNo, checked: &str, target: Option<&str>) {
    let input = AnswerInput {
        answer: a,
        checked_on: d(checked),
        target_on: target.map(d),
        note: None,
        evidence: None,
    };
    rules::answer(eds(), r, &edition().id, item, input, d(TODAY), now()).unwrap();
}

fn overview(r: &Record) -> Overview<'static> {
    let view = ChecklistView::build(
        eds(),
        edition(),
        r,
        Questionnaire::embedded(),
        &shindan::domain::Clock::on(d(TODAY)),
        &|_| EvidenceState::NotChecked,
    );
    Overview::of(r, shindan::domain::survey::Survey::embedded(), Some(&view))
}

use hospital::PROFILE;

/// The realistic hospital of tests/hospital: several worrying answers.
fn in_between() -> Record {
    record(&hospital::answers())
}

fn tiers(o: &Overview) -> Vec<Tier> {
    o.next_steps.iter().map(|s| s.tier).collect()
}

#[test]
fn nothing_done_says_what_is_missing_instead_of_zeros() {
    let r = record(&PROFILE);
    let o = overview(&r);
    let missing = o.position.missing();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].en, "none of the 10 indicators answered");
    assert!(o.position.worries.is_empty());
    assert_eq!(o.position.unanswered.len(), 10);
    // No control status is known: coverage says so rather than "0%".
    assert!(o.coverage.nothing_known());
    assert_eq!(o.coverage.from_interview, 0);
    let how = shindan::domain::Text {
        ja: "w で設定".into(),
        en: "set them with w".into(),
    };
    let said = &o.coverage.missing(&how)[0];
    assert!(said
        .en
        .starts_with("the status of all 83 controls is unknown"));
    assert!(said.en.ends_with("or set them with w)"), "{}", said.en);
    // The budget runs on the beds, but without a budget there is no shortfall to show.
    assert_eq!(o.budget.own(), None);
    assert!(o.budget.missing()[0]
        .en
        .starts_with("security budget not answered"));
    let c = o.checklist.as_ref().unwrap();
    assert!(c.not_started());
    assert_eq!((c.done, c.required), (0, 22));
    let said = &c.missing_text(&how)[0];
    assert!(said.en.starts_with("none of the 22 required items"));
    assert!(said.ja.ends_with("（w で設定）"), "{}", said.ja);
    // Nothing known is uncovered, so no risk step; what to do is to start and find out.
    assert_eq!(
        tiers(&o),
        [Tier::Checklist, Tier::FindOut, Tier::FindOut, Tier::FindOut]
    );
    let ranks: Vec<usize> = o.next_steps.iter().map(|s| s.rank).collect();
    assert_eq!(ranks, [1, 2, 3, 4]);
    assert_eq!(
        o.next_steps[0].action.en,
        "Start answering the MHLW checklist"
    );
    assert_eq!(
        o.next_steps[1].action.en,
        "Answer the 10 unanswered indicators"
    );
    assert_eq!(
        o.next_steps[3].why.ja,
        "セキュリティ予算が未回答（問16 か 問17）：不足額は出せません"
    );
}

#[test]
fn a_record_without_beds_or_founder_names_them() {
    let r = record(&[("hospital_name", "名前だけ病院")]);
    let o = overview(&r);
    let en: Vec<String> = o.position.missing().into_iter().map(|t| t.en).collect();
    assert_eq!(
        en,
        [
            "beds not answered (no bed class to compare with)",
            "founder not answered (no founder cohort to compare with)",
            "none of the 10 indicators answered"
        ]
    );
    assert!(matches!(o.budget, BudgetSummary::Missing(_)));
    assert_eq!(
        o.budget.missing()[0].en,
        "the number of beds is not answered: the model needs it for the bed class (answer `beds`, 20 or more)"
    );
    let last = o.next_steps.last().unwrap();
    assert_eq!(last.tier, Tier::FindOut);
    assert_eq!(last.action.en, "Answer what the budget model needs");
}

#[test]
fn in_between_ranks_by_kind_of_evidence() {
    let mut r = in_between();
    // A checklist item answered no in April 2025 with a target in June 2025: past due now.
    answer(&mut r, "c0_has_systems", YesNo::Yes, "2025-04-01", None);
    answer(
        &mut r,
        "c3_backup_recovery",
        YesNo::No,
        "2025-04-01",
        Some("2025-06-30"),
    );
    let o = overview(&r);

    // Position: three worrying answers in a minority, six shared with most peers.
    let minority: Vec<&str> = o
        .position
        .minority()
        .map(|w| w.indicator.id.as_str())
        .collect();
    assert_eq!(minority, ["vpn_unpatched", "backup_isolated", "ir_missing"]);
    assert_eq!(o.position.worries.len(), 9);
    assert_eq!(o.position.fine, 1);
    let vpn = o.position.minority().next().unwrap().telling().unwrap();
    assert_eq!(vpn.n, Some(283));
    assert_eq!(vpn.figure.source, "bed 2/7");
    assert_eq!(
        vpn.figure.precision(),
        shindan::domain::survey::Precision::Approx
    );

    // Coverage: 大 risks first; authentication scores 0 only because nothing is known of it,
    // incident response is the first with scenarios known to be uncovered.
    let u0 = &o.coverage.uncovered[0];
    assert_eq!(
        (u0.level, u0.id, u0.known),
        (RiskLevel::Large, "authentication", 0)
    );
    let first = o.coverage.uncovered.iter().find(|u| u.known > 0).unwrap();
    assert_eq!(
        (first.level, first.id),
        (RiskLevel::Large, "incident_response")
    );
    // Known: the offline backup and insurance from the interview, and through the crosswalk
    // the restore drill (3(2) no) and the isolation procedure (no IR process).
    assert_eq!((first.scenarios, first.known), (8, 4));
    let fix = first.fix.as_ref().unwrap();
    assert_eq!(fix.control.id, "restore_drill");
    let levels: Vec<RiskLevel> = o.coverage.uncovered.iter().map(|u| u.level).collect();
    let mut sorted = levels.clone();
    sorted.sort();
    assert_eq!(levels, sorted, "highest level first");

    // Budget: 2,500 (bracket representative) against 28,288 and 56,576 thousand yen.
    let own = o.budget.own().unwrap();
    assert_eq!((own.min, own.sufficient), (-25_788, -54_076));
    let cohort = o.budget.cohort().unwrap();
    assert_eq!((cohort.min, cohort.sufficient), (-20_929, -49_217));
    assert_eq!(
        o.budget.defaults(),
        [
            shindan::domain::overview::DefaultFigure::Revenue,
            shindan::domain::overview::DefaultFigure::ActualFromBracket
        ]
    );

    // Checklist: two answered, the no one past its target.
    let c = o.checklist.as_ref().unwrap();
    assert_eq!((c.done, c.required), (2, 22));
    assert_eq!(c.targets.len(), 1);
    assert!(c.targets[0].overdue);
    assert_eq!(c.targets[0].on, d("2025-06-30"));
    assert_eq!(c.missing.len(), 20);

    // The gaps most peers share stay steps, ranked by the risk they leave open: no
    // insurance and no BCP with the 大 risk, never audited after the budget (issue 22.6).
    assert_eq!(
        tiers(&o),
        [
            Tier::PastDue,
            Tier::LargeRisk,
            Tier::LargeRisk,
            Tier::LargeRisk,
            Tier::Minority,
            Tier::Minority,
            Tier::Minority,
            Tier::Checklist,
            Tier::Budget,
            Tier::Common,
        ]
    );
    let s = &o.next_steps;
    assert_eq!(
        s[0].why.en,
        "Answered no; its target date 2025-06-30 has passed"
    );
    assert!(s[1].action.en.starts_with("Instruct the vendor: "));
    assert_eq!(
        s[1].source.en,
        "Proposal 2 risk catalogue: large risk \"Incident response and continuity\""
    );
    assert_eq!(s[2].action.en, "Resolve: No cyber insurance");
    assert!(
        s[2].why
            .ja
            .starts_with("多くの病院と同じ課題：医療法人で「サイバー保険に未加入」は72%"),
        "{}",
        s[2].why.ja
    );
    assert!(s[2].why.en.ends_with("; it leaves a large risk uncovered"));
    assert_eq!(
        s[2].target,
        Target::Question {
            id: "insurance".into()
        }
    );
    assert!(s[3].action.en.contains("BCP"), "{}", s[3].action.en);
    assert!(s[9].action.en.contains("audit"), "{}", s[9].action.en);
    assert!(s[9].why.en.starts_with("A gap most hospitals share: "));
    assert_eq!(
        s[5].action.en,
        "Put in place: Backup kept offline or off site"
    );
    assert_eq!(
        s[5].why.en,
        "~57–63% (「6割前後」) of 300–499 beds: Backup kept offline or off site (n=283, by bed size 3/7, p16). You are not among them: a minority"
    );
    assert_eq!(
        s[8].action.ja,
        "セキュリティ予算を年約2,579万円（25,788千円）増やし15%（最低限）に届かせる"
    );
    assert_eq!(
        s[8].target,
        Target::Budget {
            budget: Some(28_288)
        }
    );
    // The pages of the levels (p33), the subsidy table (p34) and 図５–図７ (p45–p47), each
    // from the budget asset: 図５ is not on p33–35.
    assert_eq!(
        s[8].source.ja,
        "提言1（p33, p34, p44 図３・図４, p45 図５, p46 図６, p47 図７）"
    );
    assert!(
        s[8].source.en.contains("p45 fig. 5 (図５)"),
        "{}",
        s[8].source.en
    );
    assert!(s[7].why.en.ends_with("; 19 more items missing"));
    assert_eq!(s[0].target, Target::item("mhlw-r7", "c3_backup_recovery"));
    assert_eq!(
        s[1].target,
        Target::Control {
            id: "restore_drill".into()
        }
    );
    // No step tells anyone to press a key or to type a command: the front end says how.
    for st in s {
        for t in [&st.action, &st.why, &st.source] {
            assert!(
                !t.en.contains("shindan ") && !t.en.contains("(key "),
                "{t:?}"
            );
            assert!(
                !t.ja.contains("shindan ") && !t.ja.contains("キー）"),
                "{t:?}"
            );
        }
    }
}

#[test]
fn everything_done_leaves_nothing_to_rank() {
    let mut answers = PROFILE.to_vec();
    answers.extend([
        ("threat", "yes"),
        ("vpn_flagged", "no"),
        ("backup", "yes"),
        ("backup_offline", "yes"),
        ("backup_offsite", "yes"),
        ("staff_total", "6"),
        ("staff_fulltime", "5"),
        ("audit", "regular"),
        ("budget_bracket", "ge50m"),
        ("budget_amount", "60000"),
        ("budget_sufficiency", "enough"),
        ("insurance", "yes"),
        ("closed_network_belief", "disagree"),
        ("incident_response", "yes"),
        ("bcp", "yes"),
    ]);
    let mut r = record(&answers);
    let catalog = Catalog::embedded();
    for id in catalog.control_ids() {
        let change = MarkChange {
            status: Some(StatusInput::Set(ControlStatus::InPlace)),
            ..MarkChange::default()
        };
        set_mark(catalog, &mut r, id, change, now()).unwrap();
    }
    let items: Vec<String> = edition()
        .items_on(Form::Hospital)
        .map(|i| i.id.clone())
        .collect();
    for item in &items {
        answer(&mut r, item, YesNo::Yes, "2026-10-01", None);
    }
    let o = overview(&r);
    assert!(o.position.worries.is_empty());
    assert!(o.position.missing().is_empty());
    assert_eq!(o.position.fine, 10);
    assert_eq!(o.coverage.overall.percent(), Some(100));
    assert!(o.coverage.uncovered.is_empty());
    let own = o.budget.own().unwrap();
    assert_eq!((own.min, own.sufficient), (31_712, 3_424));
    assert!(o
        .budget
        .defaults()
        .contains(&shindan::domain::overview::DefaultFigure::Revenue));
    let c = o.checklist.as_ref().unwrap();
    assert!(c.ready);
    assert_eq!((c.done, c.required), (22, 22));
    assert!(o.next_steps.is_empty(), "{:?}", o.next_steps);
}

#[test]
fn every_step_has_both_languages_and_ranks_run_from_one() {
    let o = overview(&in_between());
    assert!(o.next_steps.len() <= 10);
    for (i, s) in o.next_steps.iter().enumerate() {
        assert_eq!(s.rank, i + 1);
        for t in [&s.action, &s.why, &s.source] {
            assert!(!t.ja.is_empty() && !t.en.is_empty(), "{s:?}");
            // The report's own words may be quoted in 「」 beside the English, and a figure's
            // name in parentheses after its English one ("fig. 6 (図６)"); nowhere else.
            let unquoted: String =
                t.en.split('「')
                    .map(|part| part.split_once('」').map_or(part, |(_, rest)| rest))
                    .collect::<String>()
                    .split("(図")
                    .enumerate()
                    .map(|(i, part)| match i {
                        0 => part,
                        _ => part.split_once(')').map_or(part, |(_, rest)| rest),
                    })
                    .collect();
            assert!(
                !unquoted
                    .chars()
                    .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}')),
                "Japanese outside a quote in English: {}",
                t.en
            );
        }
    }
}

fn overview_on(r: &Record, clock: &Clock) -> Overview<'static> {
    let view = ChecklistView::build(
        eds(),
        edition(),
        r,
        Questionnaire::embedded(),
        clock,
        &|_| EvidenceState::NotChecked,
    );
    Overview::of(r, shindan::domain::survey::Survey::embedded(), Some(&view))
}

/// A copy is last year's word until confirmed: the overview's summary counts none of it, and
/// its first step is to confirm (issue 22.2); confirming a section moves the progress.
#[test]
fn a_fresh_copy_is_zero_percent_confirmed_in_the_overview() {
    let mut r = in_between();
    answer(&mut r, "c0_has_systems", YesNo::Yes, "2026-10-01", None);
    answer(
        &mut r,
        "c1_security_manager",
        YesNo::Yes,
        "2026-10-01",
        None,
    );
    set_mark(
        Catalog::embedded(),
        &mut r,
        "restore_drill",
        MarkChange {
            status: Some(StatusInput::Set(ControlStatus::InPlace)),
            ..MarkChange::default()
        },
        now(),
    )
    .unwrap();
    let before = overview(&r);
    assert!(before.carried.is_empty());
    let answered = before.progress.answered;
    assert!(answered > 15);
    assert_eq!(before.checklist.as_ref().unwrap().done, 2);

    let clock = Clock::on(d("2027-05-10"));
    assert_eq!(history::copy_year(&r), FiscalYear::new(2027));
    let mut next = history::copy(&r, RecordId::new(2027, 1), &clock);
    assert_eq!(next.assessed_on, d("2027-05-10"));
    let o = overview_on(&next, &clock);
    assert_eq!((o.progress.answered, o.progress.carried), (0, answered));
    assert_eq!(o.progress.percent(), 0);
    assert_eq!(o.carried.answers.len(), answered);
    assert_eq!(o.carried.checklist.len(), 2);
    assert_eq!(o.carried.controls, ["restore_drill"]);
    assert_eq!(o.checklist.as_ref().unwrap().done, 0, "carried is not done");
    // Neither the carried mark nor the carried answers cover anything yet.
    assert!(o.coverage.overall.coverage() < before.coverage.overall.coverage());
    assert_eq!(o.next_steps[0].tier, Tier::Carried);
    assert_eq!(o.next_steps[0].target, Target::Carried);
    assert_eq!(o.next_steps[0].source.ja, "前年度の記録 2026-001");

    // One section "as it is", one answer, one control, one checklist item.
    let done = confirm::section(&mut next, Questionnaire::embedded(), "backup", now()).unwrap();
    assert_eq!(done, ["backup", "backup_offline", "backup_offsite"]);
    confirm::answer(&mut next, Questionnaire::embedded(), "threat", now()).unwrap();
    assert_eq!(
        confirm::answer(&mut next, Questionnaire::embedded(), "threat", now()),
        Err(ConfirmError::NotCarried("threat".into()))
    );
    let o = overview_on(&next, &clock);
    assert_eq!((o.progress.answered, o.progress.carried), (4, answered - 4));
    confirm::control(Catalog::embedded(), &mut next, "restore_drill", now()).unwrap();
    assert_eq!(
        confirm::checklist_item(
            eds(),
            &mut next,
            &edition().id,
            "c0_has_systems",
            d("2026-10-01"),
            None,
            clock.today(),
            now()
        ),
        Err(ConfirmError::NotLater {
            item: "c0_has_systems".into(),
            checked_on: d("2026-10-01"),
            carried_on: d("2026-10-01")
        })
    );
    confirm::checklist_item(
        eds(),
        &mut next,
        &edition().id,
        "c0_has_systems",
        clock.today(),
        None,
        clock.today(),
        now(),
    )
    .unwrap();
    assert_eq!(overview_on(&next, &clock).checklist.unwrap().done, 1);

    // Everything else as it is: the copy counts as last year's record did.
    let all = confirm::all_unchanged(
        eds(),
        Catalog::embedded(),
        Questionnaire::embedded(),
        &mut next,
        clock.today(),
        clock.today(),
        now(),
    );
    assert_eq!(all.answers, answered - 4);
    assert!(all.checklist.left.is_empty(), "{:?}", all.checklist.left);
    let o = overview_on(&next, &clock);
    assert!(o.carried.is_empty());
    assert_eq!(o.progress.answered, answered);
    assert_eq!(o.coverage.overall, before.coverage.overall);
    assert_eq!(o.checklist.unwrap().done, 2);
    assert!(o.next_steps.iter().all(|s| s.tier != Tier::Carried));
}
