//! The position model on records whose expected output was worked out by hand from the report.

mod hospital;

use chrono::{TimeZone, Utc};
use shindan::domain::position::{OwnBracket, Position, Side, Standing, Versus};
use shindan::domain::survey::{Cohort, Counts, FigureValue, Precision, Range, Scope, Survey};
use shindan::domain::validate::answer_from_input;
use shindan::domain::{BedClass, Founder, IndicatorValue, Lang, Questionnaire, Record, RecordId};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap()
}

fn record(answers: &[(&str, &str)]) -> Record {
    let qn = Questionnaire::embedded();
    let mut r = Record::new(RecordId::new(2026, 1), now().date_naive(), now());
    for (q, v) in answers {
        answer_from_input(qn, &mut r, q, v, now()).unwrap_or_else(|e| panic!("{q}={v}: {e}"));
    }
    r
}

use hospital::PROFILE;

/// The realistic hospital of tests/hospital, with the reasons its VPN is not patched.
fn medical_corporation_350() -> Record {
    let mut all = hospital::answers();
    all.push(("vpn_unpatched_reasons", "no_budget,vendor_pending"));
    record(&all)
}

fn position(r: &Record) -> Position<'static> {
    Position::of(r, Questionnaire::embedded(), Survey::embedded())
}

/// What a comparison shows, reduced for a table of expectations: precision, value or range,
/// source, standing.
#[derive(Debug, PartialEq)]
struct Shown {
    precision: Precision,
    range: Option<(f64, f64)>,
    source: Option<String>,
    standing: Option<Standing>,
}

fn shown(c: &shindan::domain::position::Comparison) -> Shown {
    Shown {
        precision: c.precision(),
        range: c.figure.map(|f| (f.range().lo, f.range().hi)),
        source: c.figure.map(|f| f.source.clone()),
        standing: c.standing,
    }
}

fn fig(
    precision: Precision,
    lo: f64,
    hi: f64,
    source: &str,
    standing: Option<(Side, bool)>,
) -> Shown {
    Shown {
        precision,
        range: Some((lo, hi)),
        source: Some(source.into()),
        standing: standing.map(|(side, counted)| Standing { side, counted }),
    }
}

fn missing() -> Shown {
    Shown {
        precision: Precision::Missing,
        range: None,
        source: None,
        standing: None,
    }
}

#[test]
fn the_hospital_among_the_respondents() {
    let r = medical_corporation_350();
    let p = position(&r);
    assert_eq!(p.beds, Some(350));
    let bed = p.bed_class.unwrap();
    assert_eq!(bed.cohort, Cohort::BedClass(BedClass::B300To499));
    assert_eq!((bed.n, bed.of, bed.small_sample), (283, 1144, false));
    assert_eq!(bed.share(), 24.7);
    let founder = p.founder.unwrap();
    assert_eq!(founder.cohort, Cohort::Founder(Founder::MedicalCorporation));
    assert_eq!((founder.n, founder.small_sample), (600, false));
    assert_eq!(founder.share(), 52.4);
    let assoc: Vec<(&str, u32)> = p.associations.iter().map(|a| (a.id, a.n)).collect();
    assert_eq!(assoc, [("ajha", 386), ("jmha", 150)]);
}

/// The associations line the terminal and the command line both print, its total read from the
/// survey compared with (not typed in), and nothing at all for a hospital that gave none.
#[test]
fn the_associations_are_said_once_with_the_surveys_total() {
    let r = medical_corporation_350();
    let p = position(&r);
    let (label, line) = p.describe_associations(Lang::Ja).unwrap();
    assert_eq!(label, "加盟団体：");
    assert!(
        line.contains("386、") && line.ends_with("150（団体は重複あり、計1,519）"),
        "{line}"
    );
    let (label, line) = p.describe_associations(Lang::En).unwrap();
    assert_eq!(label, "Associations: ");
    assert!(line.ends_with(" 150 (overlapping; 1,519 in all)"), "{line}");
    let mut survey = Survey::embedded().clone();
    survey.composition.association_total = 2_000;
    let other = Position::of(&r, Questionnaire::embedded(), &survey);
    assert!(other
        .describe_associations(Lang::Ja)
        .unwrap()
        .1
        .contains("計2,000"));
    let none = record(&PROFILE[..3]);
    assert_eq!(position(&none).describe_associations(Lang::Ja), None);
}

#[test]
fn each_indicator_beside_its_three_cohorts() {
    use Precision::*;
    use Side::*;
    let r = medical_corporation_350();
    let p = position(&r);
    let ids: Vec<&str> = p
        .indicators
        .iter()
        .map(|i| i.indicator.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "threat_felt",
            "vpn_unpatched",
            "backup_isolated",
            "audit_never",
            "budget_under_5m",
            "budget_insufficient",
            "insurance_none",
            "closed_network_belief",
            "ir_missing",
            "bcp_missing"
        ]
    );
    // (id, hospital, concern, bed class 300–499, 医療法人, all respondents), worked out from
    // the report: words → ranges by the rule in approx.rs; standing only where the whole range
    // is on one side of one half.
    let expected: Vec<(&str, IndicatorValue, bool, Shown, Shown, Shown)> = vec![
        (
            "threat_felt",
            IndicatorValue::True,
            false,
            missing(),
            missing(),
            // ほぼ全体の9割 → 87–93%: with the majority.
            fig(Approx, 87.0, 93.0, "overall 1/7", Some((Majority, true))),
        ),
        (
            "vpn_unpatched",
            IndicatorValue::True,
            true,
            // 2割程度 → 17–23%, among flagged-VPN users: in the minority that did not fix it.
            fig(Approx, 17.0, 23.0, "bed 2/7", Some((Minority, true))),
            // 2割前後, said of the founders the report does not name.
            fig(Approx, 17.0, 23.0, "founder 2/7", Some((Minority, true))),
            // 3割強以上 → at least 30%: straddles one half, nothing to say.
            fig(Approx, 30.0, 100.0, "overall 2/7", None),
        ),
        (
            "backup_isolated",
            IndicatorValue::False,
            true,
            // 6割前後 isolate a copy; this hospital does not: a minority.
            fig(Approx, 57.0, 63.0, "bed 3/7", Some((Minority, false))),
            missing(),
            missing(),
        ),
        (
            "audit_never",
            IndicatorValue::True,
            true,
            missing(),
            missing(),
            // 5割以上 → ≥ 50%: not above one half throughout.
            fig(Approx, 50.0, 100.0, "overall 4/7", None),
        ),
        (
            "budget_under_5m",
            IndicatorValue::True,
            true,
            // 137/283 = 48.4%, but 87 (30.7%) gave no bracket: 48.4–79.2%, no standing.
            fig(Derived, 48.4, 48.4, "p46 図６", None),
            fig(Exact, 58.0, 58.0, "founder 5/7", Some((Majority, true))),
            // 580/1,144 = 50.7%: a majority even before the 354 unknowns.
            fig(Derived, 50.7, 50.7, "p46 図６", Some((Majority, true))),
        ),
        (
            "budget_insufficient",
            IndicatorValue::True,
            true,
            missing(),
            missing(),
            // ほぼ5割弱 → 45–50%: touches one half, so not a minority.
            fig(Approx, 45.0, 50.0, "overall 5/7", None),
        ),
        (
            "insurance_none",
            IndicatorValue::True,
            true,
            missing(),
            fig(Exact, 72.0, 72.0, "founder 6/7", Some((Majority, true))),
            fig(Approx, 67.0, 73.0, "overall 6/7", Some((Majority, true))),
        ),
        (
            "closed_network_belief",
            IndicatorValue::True,
            true,
            missing(),
            fig(Exact, 78.0, 78.0, "founder 6/7", Some((Majority, true))),
            fig(Approx, 70.0, 100.0, "overall 6/7", Some((Majority, true))),
        ),
        (
            "ir_missing",
            IndicatorValue::True,
            true,
            missing(),
            fig(Exact, 53.0, 53.0, "founder 7/7", Some((Majority, true))),
            // 6割弱 HAVE a process (55–60%); without one is a minority.
            fig(Approx, 55.0, 60.0, "overall 7/7", Some((Minority, false))),
        ),
        (
            "bcp_missing",
            IndicatorValue::True,
            true,
            missing(),
            fig(Exact, 74.0, 74.0, "founder 7/7", Some((Majority, true))),
            // 3割強 HAVE a plan (30–35%): the rest (65–70%, with the unknowns) is not called
            // a majority.
            fig(Approx, 30.0, 35.0, "overall 7/7", None),
        ),
    ];
    for (ip, (id, value, concern, bed, founder, overall)) in p.indicators.iter().zip(expected) {
        assert_eq!(ip.indicator.id, id);
        assert_eq!(ip.hospital, value, "{id}");
        assert_eq!(ip.concern, concern, "{id}");
        assert_eq!(shown(&ip.bed_class), bed, "{id} bed class");
        assert_eq!(shown(&ip.founder), founder, "{id} founder");
        assert_eq!(shown(&ip.overall), overall, "{id} overall");
        assert_eq!(ip.bed_class.n, Some(283));
        assert_eq!(ip.founder.n, Some(600));
        assert_eq!(ip.overall.n, Some(1144));
        assert!(!ip.bed_class.small_sample && !ip.founder.small_sample);
        assert_eq!(ip.next_question, None);
    }
}

#[test]
fn missing_figures_say_what_the_report_says_instead_and_averages_stay_apart() {
    let r = medical_corporation_350();
    let p = position(&r);
    let get = |id: &str| p.indicators.iter().find(|i| i.indicator.id == id).unwrap();
    let audit = get("audit_never");
    assert!(audit.founder.figure.is_none());
    // The founder average (52%) is shown as the average, not as 医療法人's figure.
    assert_eq!(audit.founder_average.unwrap().value, FigureValue::Exact(52));
    assert_eq!(audit.bed_class.says.len(), 1);
    assert_eq!(audit.bed_class.says[0].source, "bed 4/7");
    assert!(audit.bed_class.says[0].ja.contains("小さいほど"));
    let backup = get("backup_isolated");
    assert_eq!(backup.bed_class.figure.unwrap().scope, Scope::Each);
    let context: Vec<(String, &str)> = backup
        .context
        .iter()
        .map(|c| (c.cohort.id(), c.figure.source.as_str()))
        .collect();
    assert_eq!(
        context,
        [
            ("overall".to_string(), "overall 3/7"),
            ("overall".to_string(), "overall 3/7"),
            ("overall".to_string(), "overall 3/7"),
            ("bed_class_average".to_string(), "bed 3/7")
        ]
    );
    // The VPN founder figure is the report's statement about the unnamed founders together.
    let vpn = get("vpn_unpatched");
    let f = vpn.founder.figure.unwrap();
    assert_eq!(
        (f.scope, f.reading.as_deref()),
        (Scope::Rest, Some("vpn_rest"))
    );
    assert_eq!(
        vpn.overall.figure.unwrap().counts,
        Counts::IndicatorOrUnknown
    );
    assert_eq!(vpn.overall.also.len(), 1);
    assert_eq!(vpn.overall.also[0].source, "overall 総評");
    // Budget: the bed class's figure carries its unknown share.
    let budget = get("budget_under_5m");
    let u = budget.bed_class.figure.unwrap().unknown.as_deref().unwrap();
    assert_eq!(u.value, FigureValue::Derived { num: 87, den: 283 });
    // Context for a cohort that is not the hospital's is left out (医療生協's 'neither').
    assert!(get("budget_insufficient").context.is_empty());
}

#[test]
fn sentences_say_minority_or_majority_only_where_the_figure_supports_it() {
    let r = medical_corporation_350();
    let p = position(&r);
    let get = |id: &str| p.indicators.iter().find(|i| i.indicator.id == id).unwrap();
    let bcp = get("bcp_missing");
    assert_eq!(
        bcp.sentence(&bcp.founder, Lang::Ja).unwrap(),
        "開設者が医療法人の病院の74%が「システム停止時のBCPが未整備」で、貴院もその多数派に入ります。よくある状態ですが、課題であることに変わりはありません。"
    );
    assert_eq!(
        bcp.sentence(&bcp.founder, Lang::En).unwrap(),
        "74% of Medical corporation hospitals: No plan for running without the systems (BCP). You are in that majority. Common among peers, but still a gap."
    );
    assert_eq!(bcp.sentence(&bcp.overall, Lang::Ja), None);
    assert_eq!(bcp.sentence(&bcp.bed_class, Lang::Ja), None);
    let ir = get("ir_missing");
    assert_eq!(
        ir.sentence(&ir.overall, Lang::Ja).unwrap(),
        "全回答病院の約55–60%（6割弱）が「整備している」ですが、貴院は違います（少数派）。多くの病院はできています。優先して見直す候補です。"
    );
    let vpn = get("vpn_unpatched");
    assert_eq!(
        vpn.sentence(&vpn.bed_class, Lang::Ja).unwrap(),
        "300～499床の病院で「指摘されたVPNの脆弱性が未対応」は約17–23%（2割程度）の少数派で、貴院はその中に入ります。同じ区分でこの回答は少数です。優先して見直す候補です。（数値は全規模共通の記述）"
    );
    assert_eq!(
        vpn.sentence(&vpn.founder, Lang::En).unwrap(),
        // Said of the other founders together: never called this founder's own figure.
        "Only ~17–23% (「2割前後」) of the other founders on average: Flagged VPN left unpatched. You are in that minority. Few peers answered so: a first candidate to fix."
    );
    // A label that quotes is not quoted twice.
    let closed = get("closed_network_belief");
    assert_eq!(
        closed.sentence(&closed.founder, Lang::Ja).unwrap(),
        "開設者が医療法人の病院の78%が「診療系NWは閉じているので安全」に共感で、貴院もその多数派に入ります。よくある状態ですが、課題であることに変わりはありません。"
    );
    let budget = get("budget_under_5m");
    assert_eq!(budget.sentence(&budget.bed_class, Lang::Ja), None);
}

#[test]
fn what_to_look_at_first() {
    let r = medical_corporation_350();
    let p = position(&r);
    let ids = |v: Vec<&shindan::domain::position::IndicatorPosition>| -> Vec<String> {
        v.iter().map(|i| i.indicator.id.clone()).collect()
    };
    assert_eq!(
        ids(p.lagging()),
        ["vpn_unpatched", "backup_isolated", "ir_missing"]
    );
    assert_eq!(
        ids(p.other_concerns()),
        [
            "audit_never",
            "budget_under_5m",
            "budget_insufficient",
            "insurance_none",
            "closed_network_belief",
            "bcp_missing"
        ]
    );
    assert!(p.unanswered().is_empty());
    assert!(p.dont_know().is_empty());
    let mut all = PROFILE.to_vec();
    all.push(("bcp", "unknown"));
    let r = record(&all);
    let p2 = position(&r);
    assert_eq!(ids(p2.dont_know()), ["bcp_missing"]);
    assert_eq!(p2.unanswered().len(), 9);
    // The notes the shown figures name, each once, in order of appearance.
    assert_eq!(
        p.readings(),
        [
            "chart_average",
            "vpn_population",
            "vpn_rest",
            "vpn_unknown_included",
            "vpn_reasons_disagree",
            "backup_each_class",
            "backup_of_takers",
            "audit_never_overall",
            "no_bracket",
            "have_not_missing",
            "staff_all_sizes"
        ]
    );
}

#[test]
fn the_budget_brackets_of_its_bed_class_with_its_own_marked() {
    let r = medical_corporation_350();
    let p = position(&r);
    let b = p.budget.unwrap();
    assert_eq!(
        (b.class, b.n, b.source),
        (BedClass::B300To499, 283, "p46 図６")
    );
    let rows: Vec<(&str, u32, f64, bool)> = b
        .rows
        .iter()
        .map(|r| (r.id, r.count, r.share, r.own))
        .collect();
    assert_eq!(
        rows,
        [
            ("lt5m", 137, 48.4, true),
            ("5m_10m", 28, 9.9, false),
            ("10m_20m", 15, 5.3, false),
            ("20m_50m", 9, 3.2, false),
            ("ge50m", 7, 2.5, false)
        ]
    );
    assert_eq!((b.no_bracket, b.no_bracket_share), (87, 30.7));
    assert_eq!(b.own, OwnBracket::Bracket(0));
    assert_eq!(b.rows[0].label.unwrap().ja, "500万円未満");
    // わからない is counted with those of the class who gave no bracket.
    let mut all = PROFILE.to_vec();
    all.push(("budget_bracket", "unknown"));
    let r = record(&all);
    let b = position(&r).budget.unwrap();
    assert_eq!(b.own, OwnBracket::NoBracket);
    assert!(b.rows.iter().all(|r| !r.own));
}

#[test]
fn staff_against_the_reported_average() {
    let r = medical_corporation_350();
    let p = position(&r);
    let s = &p.staff;
    assert_eq!((s.total, s.fulltime), (Some(4), Some(3)));
    assert_eq!(s.average.words(), Some("3人弱"));
    assert_eq!(s.average.range(), Range::new(2.5, 3.0));
    assert_eq!(s.versus, Some(Versus::Above));
    assert_eq!(
        s.sentence(Lang::Ja).unwrap(),
        "貴院の担当者4人は、全回答病院の平均2.5–3人（3人弱）より多い人数です。"
    );
    for (n, v) in [
        ("3", Versus::Within),
        ("2", Versus::Below),
        ("0", Versus::Below),
    ] {
        let mut all = PROFILE.to_vec();
        all.push(("staff_total", n));
        assert_eq!(position(&record(&all)).staff.versus, Some(v), "{n}");
    }
    let unanswered = record(&PROFILE);
    assert_eq!(position(&unanswered).staff.versus, None);
}

#[test]
fn a_record_without_answers_is_all_unanswered_with_the_question_to_ask() {
    let r = record(&PROFILE);
    let p = position(&r);
    assert_eq!(p.unanswered().len(), 10);
    assert!(p.lagging().is_empty() && p.other_concerns().is_empty());
    let next: Vec<Option<&str>> = p.indicators.iter().map(|i| i.next_question).collect();
    assert_eq!(
        next,
        [
            Some("threat"),
            Some("vpn_flagged"),
            // backup_offline waits on backup: ask that first.
            Some("backup"),
            Some("audit"),
            Some("budget_bracket"),
            Some("budget_sufficiency"),
            Some("insurance"),
            Some("closed_network_belief"),
            Some("incident_response"),
            Some("bcp")
        ]
    );
    for ip in &p.indicators {
        assert!(ip.comparisons().iter().all(|c| c.standing.is_none()));
    }
    // No VPN in use: the indicator does not apply.
    let mut all = PROFILE.to_vec();
    all.push(("vpn_flagged", "no"));
    let p2r = record(&all);
    let p2 = position(&p2r);
    assert_eq!(p2.indicators[1].hospital, IndicatorValue::NotApplicable);
    assert_eq!(p2.indicators[1].next_question, None);
}

#[test]
fn without_beds_or_founder_there_is_no_cohort_and_no_borrowed_figure() {
    let r = record(&[("hospital_name", "名無し病院")]);
    let p = position(&r);
    assert!(p.bed_class.is_none() && p.founder.is_none() && p.budget.is_none());
    for ip in &p.indicators {
        assert_eq!(ip.bed_class.cohort, None);
        assert!(ip.bed_class.figure.is_none() && ip.founder.figure.is_none());
        assert_eq!(ip.overall.cohort, Some(Cohort::Overall));
    }
}

#[test]
fn tiny_cohorts_are_small_samples_and_unknowns_block_a_minority_claim() {
    let r = record(&[
        ("beds", "120"),
        ("founder", "coop"),
        ("insurance", "no"),
        ("backup", "yes"),
        ("backup_offline", "yes"),
    ]);
    let p = position(&r);
    let f = p.founder.unwrap();
    assert_eq!(
        (f.n, f.small_sample, f.points_per_hospital()),
        (4, true, 25.0)
    );
    let get = |id: &str| p.indicators.iter().find(|i| i.indicator.id == id).unwrap();
    // 医療生協: 25% uninsured, but 75% don't know: never called a minority.
    let ins = get("insurance_none");
    assert!(ins.founder.small_sample);
    assert_eq!(ins.founder.figure.unwrap().value, FigureValue::Exact(25));
    assert_eq!(ins.founder.standing, None);
    // 75% of 医療生協 isolate a backup copy, as this one does — with the small-sample caveat.
    let backup = get("backup_isolated");
    assert_eq!(
        backup.founder.standing,
        Some(Standing {
            side: Side::Majority,
            counted: true
        })
    );
    assert_eq!(
        backup.sentence(&backup.founder, Lang::Ja).unwrap(),
        "開設者が医療生協の病院の75%が「バックアップをオフライン／オフサイトに退避」で、貴院もその多数派に入ります。多くの病院と同じです。ただしn=4と小さく、1病院で25ポイント動きます。"
    );
    // 医師会 (n=9): 56% uninsured and 33% don't know — still a majority uninsured.
    let r = record(&[
        ("beds", "60"),
        ("founder", "medical_association"),
        ("insurance", "no"),
    ]);
    let p = position(&r);
    let ins = p
        .indicators
        .iter()
        .find(|i| i.indicator.id == "insurance_none")
        .unwrap();
    assert_eq!(ins.founder.standing.map(|s| s.side), Some(Side::Majority));
    assert_eq!(ins.founder.points_per_hospital(), Some(11.1));
}

#[test]
fn under_5m_standing_per_bed_class_allows_for_those_who_gave_no_bracket() {
    // (beds, standing): 20–99 62.4% majority; 500+ 34.2% + 31.0% unknown: none.
    for (beds, side) in [
        ("50", Some(Side::Majority)),
        ("150", Some(Side::Majority)),
        ("250", Some(Side::Majority)),
        ("350", None),
        ("600", None),
    ] {
        let r = record(&[("beds", beds), ("budget_bracket", "lt5m")]);
        let p = position(&r);
        let ip = p
            .indicators
            .iter()
            .find(|i| i.indicator.id == "budget_under_5m")
            .unwrap();
        assert_eq!(ip.bed_class.standing.map(|s| s.side), side, "{beds} beds");
    }
    // A 600-bed hospital with ¥20M–¥50M is outside the 34.2%; the rest is not called a
    // majority, and it is not a minority either.
    let r = record(&[("beds", "600"), ("budget_bracket", "20m_50m")]);
    let p = position(&r);
    let ip = &p.indicators[4];
    assert_eq!(ip.hospital, IndicatorValue::False);
    assert_eq!(ip.bed_class.standing, None);
    assert_eq!(p.budget.unwrap().own, OwnBracket::Bracket(3));
}
