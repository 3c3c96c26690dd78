//! What the position screen reads from the model besides the position itself: short labels
//! that fit its columns, the respondents' composition with the hospital's own class marked,
//! which part of a cohort the hospital is in, and the readings of one indicator.

use chrono::{TimeZone, Utc};
use shindan::domain::position::{counted, value_short, Position, Side};
use shindan::domain::survey::{Cohort, Survey};
use shindan::domain::validate::answer_from_input;
use shindan::domain::{BedClass, Founder, IndicatorValue, Lang, Questionnaire, Record, RecordId};
use shindan::text::width;

fn record(answers: &[(&str, &str)]) -> Record {
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap();
    let qn = Questionnaire::embedded();
    let mut r = Record::new(RecordId::new(2026, 1), now.date_naive(), now);
    for (q, v) in answers {
        answer_from_input(qn, &mut r, q, v, now).unwrap_or_else(|e| panic!("{q}={v}: {e}"));
    }
    r
}

fn position(r: &Record) -> Position<'static> {
    Position::of(r, Questionnaire::embedded(), Survey::embedded())
}

#[test]
fn every_indicator_has_a_short_label_that_fits_a_row() {
    let qn = Questionnaire::embedded();
    assert_eq!(qn.indicators.len(), 10);
    for ind in &qn.indicators {
        for lang in [Lang::Ja, Lang::En] {
            let s = ind.short(lang);
            assert!(
                !s.trim().is_empty() && width(s) <= 18,
                "{} {lang:?}: {s:?} is {} columns",
                ind.id,
                width(s)
            );
        }
    }
    let vpn = qn.indicator("vpn_unpatched").unwrap();
    assert_eq!(vpn.short(Lang::Ja), "VPN脆弱性が未対応");
    assert_eq!(vpn.short(Lang::En), "VPN unpatched");
}

#[test]
fn founder_short_labels_fit_a_chart_axis() {
    for f in Founder::ALL {
        assert_eq!(f.short(Lang::Ja), f.label(Lang::Ja));
        assert!(width(f.short(Lang::En)) <= 16, "{f}: {}", f.short(Lang::En));
    }
    assert_eq!(Founder::PublicInterest.short(Lang::En), "Public interest");
}

#[test]
fn the_composition_marks_the_hospitals_own_classes_and_the_small_ones() {
    let p = position(&record(&[("beds", "350"), ("founder", "coop")]));
    assert_eq!(p.bed_classes.len(), 5);
    assert_eq!(p.founders.len(), 11);
    assert_eq!(p.bed_classes.iter().map(|c| c.n).sum::<u32>(), 1144);
    assert_eq!(p.founders.iter().map(|c| c.n).sum::<u32>(), 1144);
    let own: Vec<_> = p.bed_classes.iter().filter(|c| c.own).collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].cohort, Cohort::BedClass(BedClass::B300To499));
    assert_eq!((own[0].n, own[0].share), (283, 24.7));
    let own: Vec<_> = p.founders.iter().filter(|c| c.own).collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].cohort, Cohort::Founder(Founder::Coop));
    assert_eq!((own[0].n, own[0].share), (4, 0.3));
    let small: Vec<_> = p
        .founders
        .iter()
        .filter(|c| c.small_sample)
        .map(|c| (c.cohort.id(), c.n))
        .collect();
    assert_eq!(
        small,
        [
            ("social_insurance".to_string(), 16),
            ("medical_association".to_string(), 9),
            ("private_school".to_string(), 28),
            ("coop".to_string(), 4)
        ]
    );
    assert!(p.bed_classes.iter().all(|c| !c.small_sample));
    // Without beds or founder nothing is marked, and the charts are still whole.
    let p = position(&record(&[]));
    assert!(p.bed_classes.iter().chain(&p.founders).all(|c| !c.own));
    assert_eq!(p.founders.len(), 11);
}

#[test]
fn counted_says_which_part_of_the_bar_the_hospital_is_in() {
    let p = position(&record(&[
        ("beds", "350"),
        ("founder", "medical_corporation"),
        ("audit", "never"),
        ("bcp", "yes"),
    ]));
    let ind = |id: &str| p.indicators.iter().find(|i| i.indicator.id == id).unwrap();
    // 74% of 医療法人 lack a BCP; this one has one: among the rest, a minority.
    let bcp = &ind("bcp_missing").founder;
    assert_eq!(bcp.counted, Some(false));
    assert_eq!(bcp.standing.map(|s| s.side), Some(Side::Minority));
    // Never audited, against 5割以上 overall: counted, though the range says no side.
    let audit = &ind("audit_never").overall;
    assert_eq!(audit.counted, Some(true));
    assert_eq!(audit.standing, None);
    // No figure for the bed class: nothing to be counted in.
    assert_eq!(ind("audit_never").bed_class.counted, None);
    // Not answered: not placed.
    assert_eq!(ind("insurance_none").founder.counted, None);
    // The overall IR figure counts those WITH a process: a hospital without one is the rest.
    let ir = Survey::embedded().indicator("ir_missing").unwrap();
    let f = &ir.figures(Cohort::Overall)[0];
    assert_eq!(counted(IndicatorValue::True, f), Some(false));
    assert_eq!(counted(IndicatorValue::False, f), Some(true));
    assert_eq!(counted(IndicatorValue::Unknown, f), None);
}

#[test]
fn the_readings_of_one_indicator_come_once_in_the_order_met() {
    let p = position(&record(&[
        ("beds", "350"),
        ("founder", "medical_corporation"),
    ]));
    let ind = |id: &str| p.indicators.iter().find(|i| i.indicator.id == id).unwrap();
    assert_eq!(
        ind("vpn_unpatched").readings(),
        [
            "vpn_population",
            "vpn_rest",
            "vpn_unknown_included",
            "vpn_reasons_disagree"
        ]
    );
    assert_eq!(ind("budget_under_5m").readings(), ["no_bracket"]);
    assert_eq!(
        ind("insurance_none").readings(),
        ["chart_average"],
        "the context's 7% insured is the founder average"
    );
    assert!(ind("closed_network_belief").readings().is_empty());
    // The whole position's notes are these, gathered over the indicators (and budget, staff).
    let all = p.readings();
    for ip in &p.indicators {
        for r in ip.readings() {
            assert!(all.contains(&r), "{r}");
        }
    }
}

#[test]
fn the_own_value_in_a_word() {
    assert_eq!(value_short(IndicatorValue::True, Lang::Ja), "該当");
    assert_eq!(value_short(IndicatorValue::False, Lang::Ja), "非該当");
    assert_eq!(
        value_short(IndicatorValue::Unanswered, Lang::En),
        "unanswered"
    );
    assert_eq!(value_short(IndicatorValue::NotApplicable, Lang::En), "n/a");
}
