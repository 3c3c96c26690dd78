//! 提言１ reproduced: every figure of 図５, 図６, 図７ and the p34 amounts from their inputs,
//! the quoted figures read back against the report's text, and the model on hand-made
//! records.

use shindan::domain::budget::model::{self, PerLevel};
use shindan::domain::budget::tables::{self, Stage};
use shindan::domain::budget::{BudgetData, Rate, RevenueRow};
use shindan::domain::survey::Survey;
use shindan::domain::{BedClass, Questionnaire};

mod beside;

fn data() -> &'static BudgetData {
    BudgetData::embedded()
}

fn survey() -> &'static Survey {
    Survey::embedded()
}

fn report_levels() -> PerLevel<Rate> {
    data().levels()
}

fn pair(min: i64, sufficient: i64) -> PerLevel<i64> {
    PerLevel { min, sufficient }
}

/// The report's text, or `None` where it is not beside the clone (the line saying so is printed).
fn report_text() -> Option<String> {
    beside::REPORT.text()
}

/// The report's yen as it prints them: ¥1,234 / ¥-1,234.
fn yen(n: i64) -> String {
    format!("¥{}", shindan::domain::questionnaire::group_thousands(n))
}

const EMBEDDED: &str = include_str!("../assets/budget-2022.json");

#[test]
fn the_asset_holds_the_reports_inputs_with_their_sources() {
    let d = data();
    assert_eq!(d.it_rate.rate.ppm(), 22_100);
    assert!(d
        .it_rate
        .from
        .ja
        .contains("JUAS「企業IT動向調査報告書 2020」p57"));
    assert_eq!(d.levels.min.rate.ppm(), 150_000);
    assert_eq!(d.levels.sufficient.rate.ppm(), 300_000);
    assert!(d.revenue.from.ja.contains("第23回医療経済実態調査"));
    assert_eq!(d.revenue.source, "p43 図２");
    let values: Vec<i64> = d.representatives(survey());
    assert_eq!(values, [2_500, 7_500, 15_000, 35_000, 50_000]);
    assert_eq!(d.interim.estimates[&BedClass::B100To199], 4_380);
    assert_eq!(d.subsidy.final_.rows[&BedClass::B500Plus].1.man, 13_000);
    assert_eq!(d.subsidy.final_.rows[&BedClass::B20To99].0.man, 0);
}

#[test]
fn every_quoted_figure_is_printed_in_the_report() {
    let Some(text) = report_text() else { return };
    let d = data();
    for r in &d.revenue.rows {
        let line = [r.medical, r.care, r.other, r.total].map(yen).join(" ");
        assert!(text.contains(&line), "図２ row {}: {line}", r.id.id());
    }
    for (class, est) in &d.interim.estimates {
        assert!(text.contains(&yen(*est)), "interim {class}: {est}");
    }
    for (class, (min, suff)) in &d.interim.shortfalls {
        for n in [min, suff] {
            assert!(text.contains(&yen(*n)), "interim 図７ {class}: {n}");
        }
    }
    for table in [&d.subsidy.final_, &d.subsidy.interim] {
        for (class, (min, suff)) in &table.rows {
            for w in [min, suff] {
                assert!(text.contains(&w.words), "p34 {class}: {}", w.words);
            }
        }
    }
    assert!(text.contains("2.21%"));
    assert!(text.contains("中央値 250万 750万 1500万 3500万 5000万"));
}

#[test]
fn bracket_counts_come_from_the_survey_data_only() {
    // The budget asset has representatives keyed by the survey's bracket ids, no counts.
    let raw: serde_json::Value = serde_json::from_str(EMBEDDED).unwrap();
    assert!(raw.get("counts").is_none() && raw["brackets"].get("counts").is_none());
    let mut ids = survey().budget_brackets.brackets.clone();
    ids.sort();
    let keys: Vec<_> = raw["brackets"]["values"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(keys, ids);
}

#[test]
fn a_wrong_asset_is_refused_with_what_is_wrong() {
    let qn = Questionnaire::embedded();
    let parse = |json: String| BudgetData::parse(&json, qn, survey()).map(|_| ());
    assert!(parse(EMBEDDED.to_string()).is_ok());
    let cases = [
        ("804595", "804596", "is not the total"),
        ("\"5m_10m\": 7500", "\"5m_10m\": 7000", "not the middle"),
        ("\"ge50m\": 50000", "\"gt50m\": 50000", "not the survey's"),
        (
            "\"rate\": \"0.15\"",
            "\"rate\": \"0.45\"",
            "above the sufficient",
        ),
        ("\"rate\": \"0.0221\"", "\"rate\": \"2.21\"", "outside 0–1"),
        ("[20, 49]", "[20, 50]", "beds"),
        ("\"360万程度\"", "\"360万円くらい\"", "not an amount"),
        (
            ", \"b500_plus\": 13617}",
            "}",
            "interim.estimates has no figure for b500_plus",
        ),
        (
            "\"source\": \"p34\",\n  \"rule\"",
            "\"source\": \" \",\n  \"rule\"",
            "subsidy has no source",
        ),
    ];
    for (from, to, says) in cases {
        assert!(EMBEDDED.contains(from), "{from}");
        let err = parse(EMBEDDED.replacen(from, to, 1))
            .unwrap_err()
            .to_string();
        assert!(err.contains(says), "{from} → {to}: {err}");
    }
}

#[test]
fn figure_5_it_budget_and_the_minimum() {
    let rows = tables::figure5(data(), report_levels());
    let got: Vec<(RevenueRow, i64, i64, i64)> = rows
        .iter()
        .map(|r| (r.row, r.revenue.total, r.it_budget, r.required.min))
        .collect();
    assert_eq!(
        got,
        [
            (RevenueRow::B20To49, 804_595, 17_781, 2_667),
            (RevenueRow::B50To99, 1_275_281, 28_183, 4_227),
            (RevenueRow::B100To199, 2_533_236, 55_984, 8_397),
            (RevenueRow::B200To299, 4_798_251, 106_041, 15_906),
            (RevenueRow::B300To499, 8_533_375, 188_587, 28_288),
            (RevenueRow::B500Plus, 21_283_129, 470_357, 70_553),
        ]
    );
}

#[test]
fn figure_6_final_estimates_from_the_counts_interim_quoted() {
    let rows = tables::figure6(data(), survey(), report_levels());
    let got: Vec<(BedClass, u32, Option<i64>, Option<i64>)> = rows
        .iter()
        .map(|r| (r.class, r.chose, r.interim, r.final_estimate))
        .collect();
    assert_eq!(
        got,
        [
            (BedClass::B20To99, 102, Some(3_841), Some(3_946)),
            (BedClass::B100To199, 250, Some(4_380), Some(4_750)),
            (BedClass::B200To299, 133, Some(4_836), Some(5_451)),
            (BedClass::B300To499, 196, Some(6_534), Some(7_359)),
            (BedClass::B500Plus, 109, Some(13_617), Some(11_903)),
        ]
    );
    // The worked example under 図６: (250万×88 + 750万×9 + 1500万×3 + …) / 102 = 390万強.
    assert_eq!(rows[0].counts, [88, 9, 3, 2, 0]);
}

#[test]
fn figure_7_final_reproduced_to_the_yen() {
    let rows = tables::figure7(Stage::Final, data(), survey(), report_levels());
    let got: Vec<_> = rows
        .iter()
        .map(|r| (r.class, r.estimate, r.required, r.shortfall))
        .collect();
    assert_eq!(
        got,
        [
            (
                BedClass::B20To99,
                Some(3_946),
                pair(3_447, 6_894),
                Some(pair(499, -2_948))
            ),
            (
                BedClass::B100To199,
                Some(4_750),
                pair(8_397, 16_795),
                Some(pair(-3_647, -12_045))
            ),
            (
                BedClass::B200To299,
                Some(5_451),
                pair(15_906, 31_812),
                Some(pair(-10_455, -26_361))
            ),
            (
                BedClass::B300To499,
                Some(7_359),
                pair(28_288, 56_576),
                Some(pair(-20_929, -49_217))
            ),
            (
                BedClass::B500Plus,
                Some(11_903),
                pair(70_553, 141_107),
                Some(pair(-58_650, -129_204))
            ),
        ]
    );
    assert!(rows
        .iter()
        .all(|r| !r.estimate_quoted && r.printed.is_none()));
}

#[test]
fn figure_7_interim_reproduced_except_one_row_pinned() {
    let rows = tables::figure7(Stage::Interim, data(), survey(), report_levels());
    let computed: Vec<_> = rows.iter().map(|r| r.shortfall.unwrap()).collect();
    assert_eq!(
        computed,
        [
            pair(394, -3_053),
            pair(-4_017, -12_415),
            pair(-11_070, -26_976),
            pair(-21_754, -50_042),
            pair(-56_936, -127_490),
        ]
    );
    assert!(rows.iter().all(|r| r.estimate_quoted));
    // Every printed cell agrees with its printed inputs but 100–199's two, which are one
    // yen-thousand less short: they are what 4,381 (not 図６'s 4,380) gives.
    for r in &rows {
        let d = r.disagrees();
        let expect = r.class == BedClass::B100To199;
        assert_eq!((d.min, d.sufficient), (expect, expect), "{}", r.class);
    }
    let r = &rows[1];
    assert_eq!(r.printed, Some(pair(-4_016, -12_414)));
    assert_eq!(model::shortfall(4_381, r.required), pair(-4_016, -12_414));
    assert!(data().interim.discrepancy.ja.contains("4,381"));
    assert!(data().interim.discrepancy.en.contains("-4,016 / -12,414"));
}

#[test]
fn p34_subsidy_amounts_by_the_stated_rule_and_as_the_report_words_them() {
    let rows = tables::subsidy(Stage::Final, data(), survey(), report_levels());
    let need: Vec<_> = rows.iter().map(|r| r.need.unwrap()).collect();
    assert_eq!(
        need,
        [
            pair(0, 2_948),
            pair(3_647, 12_045),
            pair(10_455, 26_361),
            pair(20_929, 49_217),
            pair(58_650, 129_204),
        ]
    );
    let by_rule: Vec<_> = rows.iter().map(|r| r.by_rule.unwrap()).collect();
    assert_eq!(
        by_rule,
        [
            pair(0, 290),
            pair(360, 1_200),
            pair(1_000, 2_600),
            pair(2_100, 4_900),
            pair(5_900, 13_000),
        ]
    );
    let report: Vec<_> = rows
        .iter()
        .map(|r| {
            let w = r.report.clone().unwrap();
            (w.min.man, w.sufficient.man)
        })
        .collect();
    assert_eq!(
        report,
        [
            (0, 300),
            (360, 1_200),
            (1_050, 2_600),
            (2_100, 5_000),
            (5_900, 13_000)
        ]
    );
    // The rule gives 7 of the 10 cells (N/A included); the other three are the report's words.
    let agree: Vec<_> = rows
        .iter()
        .map(|r| {
            let a = r.rule_agrees();
            (a.min, a.sufficient)
        })
        .collect();
    assert_eq!(
        agree,
        [
            (true, false),
            (true, true),
            (false, true),
            (true, false),
            (true, true)
        ]
    );
}

#[test]
fn p35_interim_subsidy_amounts_against_the_rule() {
    let rows = tables::subsidy(Stage::Interim, data(), survey(), report_levels());
    let agree: Vec<_> = rows
        .iter()
        .map(|r| {
            let a = r.rule_agrees();
            (a.min, a.sufficient)
        })
        .collect();
    // 2,175 → 2200万 by the rule, 2100万 in the report; the interim column reads as truncated.
    assert_eq!(
        agree,
        [
            (true, false),
            (true, true),
            (true, false),
            (false, true),
            (false, true)
        ]
    );
    assert_eq!(rows[1].report.clone().unwrap().min.man, 400);
    // Truncating to two figures (instead of rounding) fits every interim cell but 127,490.
    let truncate = |need: i64| {
        let digits = need.checked_ilog10().map_or(1, |d| d + 1);
        let step = 10_i64.pow(digits.saturating_sub(2)).max(10);
        need / step * step / 10
    };
    let fits: Vec<(bool, bool)> = rows
        .iter()
        .map(|r| {
            let (n, w) = (r.need.unwrap(), r.report.clone().unwrap());
            (
                truncate(n.min) == w.min.man,
                truncate(n.sufficient) == w.sufficient.man,
            )
        })
        .collect();
    assert_eq!(
        fits,
        [
            (true, true),
            (true, true),
            (true, true),
            (true, true),
            (true, false)
        ]
    );
}

#[test]
fn rates_are_parameters() {
    let twenty: Rate = "0.20".parse().unwrap();
    let levels = model::levels(twenty, "0.30".parse().unwrap()).unwrap();
    let rows = tables::figure7(Stage::Final, data(), survey(), levels);
    // 300–499: floor(188,587 × 20%) = 37,717; 7,359 − 37,717 = −30,358.
    assert_eq!(rows[3].required, pair(37_717, 56_576));
    assert_eq!(rows[3].shortfall, Some(pair(-30_358, -49_217)));
    // 20–99: mean of floor(17,781 × 20%) = 3,556 and floor(28,183 × 20%) = 5,636.
    assert_eq!(rows[0].required.min, 4_596);
}

mod hospital {
    use super::*;
    use chrono::Utc;
    use shindan::domain::budget::{
        ActualSource, BudgetError, HospitalBudget, Origin, RevenueSource, WhatIf,
    };
    use shindan::domain::{validate, Lang, Record, RecordId, Value};

    fn record(answers: &[(&str, &str)]) -> Record {
        let qn = Questionnaire::embedded();
        let now = Utc::now();
        let mut r = Record::new(RecordId::new(2026, 1), now.date_naive(), now);
        for (q, v) in answers {
            validate::answer_from_input(qn, &mut r, q, v, now).unwrap();
        }
        r
    }

    fn budget(answers: &[(&str, &str)]) -> HospitalBudget {
        HospitalBudget::of(&record(answers), report_levels()).unwrap()
    }

    #[test]
    fn own_revenue_and_a_bracket() {
        let b = budget(&[
            ("beds", "350"),
            ("revenue", "10000000"),
            ("budget_bracket", "5m_10m"),
        ]);
        assert_eq!(b.bed_class, BedClass::B300To499);
        assert_eq!(
            (b.revenue, b.revenue_source),
            (10_000_000, RevenueSource::Own)
        );
        assert_eq!(b.it_budget, 221_000);
        assert_eq!(b.required, pair(33_150, 66_300));
        assert_eq!(
            (b.actual, b.actual_source),
            (Some(7_500), ActualSource::Bracket)
        );
        assert_eq!(b.shortfall, Some(pair(-25_650, -58_800)));
        assert_eq!(b.subsidy_need, Some(pair(25_650, 58_800)));
        // The cohort beside it is 図７'s 300–499 row.
        assert_eq!(b.cohort.estimate, Some(7_359));
        assert_eq!(b.cohort.required, pair(28_288, 56_576));
        assert_eq!(b.cohort.shortfall, Some(pair(-20_929, -49_217)));
        assert!(!b.what_if);
    }

    #[test]
    fn survey_revenue_in_the_20_49_row_and_an_exact_budget() {
        let b = budget(&[
            ("beds", "30"),
            ("budget_bracket", "lt5m"),
            ("budget_amount", "3000"),
        ]);
        assert_eq!(b.revenue_row, RevenueRow::B20To49);
        assert_eq!(
            (b.revenue, b.revenue_source),
            (804_595, RevenueSource::Survey)
        );
        assert_eq!(b.it_budget, 17_781);
        assert_eq!(b.required, pair(2_667, 5_334));
        assert_eq!(
            (b.actual, b.actual_source),
            (Some(3_000), ActualSource::Own)
        );
        assert_eq!(b.shortfall, Some(pair(333, -2_334)));
        assert_eq!(b.subsidy_need, Some(pair(0, 2_334)));
        // The class is 20–99: the mean of the two rows, as 図７ has it.
        assert_eq!(b.cohort.class, BedClass::B20To99);
        assert_eq!(b.cohort.required, pair(3_447, 6_894));
        assert_eq!(b.cohort.shortfall, Some(pair(499, -2_948)));
    }

    #[test]
    fn survey_revenue_in_the_50_99_row_and_an_unknown_budget() {
        let b = budget(&[("beds", "80"), ("budget_bracket", "unknown")]);
        assert_eq!(b.revenue_row, RevenueRow::B50To99);
        assert_eq!(b.revenue, 1_275_281);
        assert_eq!(b.it_budget, 28_183);
        assert_eq!(b.required, pair(4_227, 8_454));
        assert_eq!((b.actual, b.actual_source), (None, ActualSource::Unknown));
        assert_eq!((b.shortfall, b.subsidy_need), (None, None));
        assert_eq!(b.cohort.estimate, Some(3_946));
        // Unanswered is unknown too.
        let b = budget(&[("beds", "100")]);
        assert_eq!((b.actual, b.actual_source), (None, ActualSource::Unknown));
        assert_eq!(b.required, pair(8_397, 16_795));
    }

    #[test]
    fn no_beds_no_model() {
        let r = record(&[("revenue", "5000000")]);
        assert_eq!(
            HospitalBudget::of(&r, report_levels()),
            Err(BudgetError::NoBeds)
        );
        assert!(BudgetError::NoBeds.message(Lang::Ja).contains("病床数"));
    }

    #[test]
    fn a_what_if_leaves_the_record_and_says_it_is_one() {
        let r = record(&[("beds", "80"), ("budget_bracket", "lt5m")]);
        let before = r.clone();
        let b = HospitalBudget::of(&r, report_levels()).unwrap();
        let levels = model::levels("0.2".parse().unwrap(), "0.3".parse().unwrap()).unwrap();
        let w = b.what_if(
            WhatIf {
                revenue: Some(2_000_000),
                levels: Some(levels),
            },
            data(),
            survey(),
        );
        assert!(w.what_if);
        assert_eq!(w.revenue_source, RevenueSource::WhatIf);
        assert_eq!(w.it_budget, 44_200);
        assert_eq!(w.required, pair(8_840, 13_260));
        assert_eq!(w.shortfall, Some(pair(-6_340, -10_760)));
        // The cohort is compared at the same rates: 20–99 at 20% is 4,596.
        assert_eq!(w.cohort.required.min, 4_596);
        assert_eq!(w.rate_origin(model::Level::Min), Origin::WhatIf);
        assert_eq!(w.rate_origin(model::Level::Sufficient), Origin::Survey);
        // Nothing changed in the record or in the first result.
        assert_eq!(r.answers.len(), before.answers.len());
        assert_eq!(r.value("revenue"), None::<&Value>);
        assert_eq!(b.revenue_source, RevenueSource::Survey);
        assert!(!b.what_if);
        // Rates alone are a what-if too; the revenue stays the survey's.
        let w = b.what_if(
            WhatIf {
                revenue: None,
                levels: Some(levels),
            },
            data(),
            survey(),
        );
        assert!(w.what_if);
        assert_eq!(w.revenue_source, RevenueSource::Survey);
    }

    #[test]
    fn rates_of_twenty_percent() {
        let r = record(&[("beds", "350"), ("budget_bracket", "10m_20m")]);
        let levels = model::levels("0.20".parse().unwrap(), "0.30".parse().unwrap()).unwrap();
        let b = HospitalBudget::of(&r, levels).unwrap();
        assert_eq!(b.required, pair(37_717, 56_576));
        assert_eq!(b.shortfall, Some(pair(-22_717, -41_576)));
    }

    #[test]
    fn assumptions_are_marked_own_or_report_default() {
        let b = budget(&[
            ("beds", "350"),
            ("revenue", "9000000"),
            ("budget_bracket", "20m_50m"),
        ]);
        let a = b.assumptions(Lang::Ja, data());
        let got: Vec<(&str, &str, Origin)> = a
            .iter()
            .map(|a| (a.label.as_str(), a.value.as_str(), a.origin))
            .collect();
        assert_eq!(
            got,
            [
                ("年間収益", "9,000,000千円", Origin::Own),
                ("収益に対するIT予算の率", "2.21%", Origin::Survey),
                ("必要最低水準（IT予算に対する率）", "15%", Origin::Survey),
                ("十分水準（IT予算に対する率）", "30%", Origin::Survey),
                ("実際のセキュリティ予算", "35,000千円", Origin::Survey),
                ("比べる病床規模", "300～499床", Origin::Survey),
            ]
        );
        assert!(a[4].from.contains("2000-5000万"), "{}", a[4].from);
        let en = budget(&[("beds", "30")]).assumptions(Lang::En, data());
        assert_eq!(en[0].value, "¥804,595 thousand");
        assert!(en[0].from.contains("20–49 beds"), "{}", en[0].from);
        assert_eq!(en[4].value, "unknown");
        assert_eq!(en[4].from, "budget bracket not answered");
    }
}

#[test]
#[should_panic(expected = "is set but there is nothing there")]
fn a_report_named_but_missing_fails_the_checks_instead_of_skipping_them() {
    beside::REPORT.find(Some("/nonexistent/report.txt".into()));
}

#[test]
fn a_report_absent_at_its_default_place_skips_the_checks() {
    let nowhere = beside::Beside {
        var: "SHINDAN_REPORT",
        default: "../no-such-folder-beside/report.txt",
    };
    assert_eq!(nowhere.find(None), None);
    // Named and present, it is used whatever the default says.
    let here = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    assert_eq!(nowhere.find(Some(here.clone().into())), Some(here));
}
