//! Reads every figure of `assets/survey-2022.json` back against the report's text
//! (`SHINDAN_REPORT`, by default `../shared/seed/shibyokyo-security-survey-2022-final.txt`): the counts, 図６, each
//! percentage the report prints, and the words of each approximate figure on its page.

use shindan::domain::survey::{
    approx, Cohort, Counts, Dimension, Figure, FigureValue, Precision, Scope, Survey,
};
use shindan::domain::{BedClass, Founder, Questionnaire};
use std::collections::BTreeSet;

mod beside;

fn survey() -> &'static Survey {
    Survey::embedded()
}

/// The report's text, or `None` where it is not beside the clone (the line saying so is printed).
fn report() -> Option<String> {
    beside::REPORT.text()
}

/// Without line breaks and spaces (the text wraps mid-phrase), full-width ％ as %.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '％' { '%' } else { c })
        .collect()
}

/// The text of one page of the report, named as the figures name their source.
fn page(text: &str, source: &str) -> String {
    let start_marker = match source {
        "overall 総評" => "＜全体結果総評＞".to_string(),
        "bed 総評" => "＜病床規模別総評＞".to_string(),
        "founder 総評" => "＜開設者別総評＞".to_string(),
        "p2 調査対象" => "調査対象".to_string(),
        "p46 図６" => "アンケート回答病院のセキュリティ予算実態の推定計算".to_string(),
        _ => {
            let (part, n) = source.split_once(' ').unwrap();
            let title = match part {
                "overall" => "全体結果",
                "bed" => "病床規模別",
                "founder" => "開設者別",
                _ => panic!("unknown source {source}"),
            };
            format!("＜アンケート調査内容_{title}({n})＞")
        }
    };
    let start = text
        .find(&start_marker)
        .unwrap_or_else(|| panic!("{source}: no {start_marker} in the report"));
    let body = &text[start + start_marker.len()..];
    let ends = [
        "＜アンケート調査内容_",
        "総評＞",
        " 2. 病床規模別調査結果",
        " 3. 開設者別調査結果",
        " 4. 提言",
        "1. 全体結果",
        "図７",
    ];
    let end = ends
        .iter()
        .filter_map(|e| body.find(e))
        .min()
        .unwrap_or(body.len());
    norm(&body[..end])
}

/// Every figure of the asset with what it belongs to: (indicator, kind, cohort, figure).
fn every_figure() -> Vec<(String, &'static str, String, &'static Figure)> {
    let s = survey();
    let mut out = Vec::new();
    for ind in &s.indicators {
        for (cohort, f) in ind.all() {
            out.push((ind.id.clone(), "figure", cohort.id(), f));
            if let Some(u) = &f.unknown {
                out.push((ind.id.clone(), "unknown", cohort.id(), &**u));
            }
            for a in &f.agrees_with {
                out.push((ind.id.clone(), "agrees", cohort.id(), a));
            }
        }
        for c in &ind.context {
            out.push((ind.id.clone(), "context", c.cohort.id(), &c.figure));
        }
    }
    out.push(("staff".into(), "figure", "overall".into(), &s.staff.total));
    out
}

#[test]
fn respondents_and_period_are_the_reports() {
    let s = survey();
    let Some(raw) = report() else { return };
    let text = norm(&page(&raw, "p2 調査対象"));
    assert_eq!(
        (s.targets, s.respondents, s.response_rate),
        (5596, 1144, 20.4)
    );
    for quote in [
        "調査対象病院数：5596件",
        "回答病院数：1144病院",
        "回答率：20.4%",
        "2022年1月31日～2月28日",
        "総合計数は1519件",
    ] {
        assert!(text.contains(quote), "{quote}");
    }
    assert_eq!(s.period.from.to_string(), "2022-01-31");
    assert_eq!(s.period.to.to_string(), "2022-02-28");
    // 1,144 / 5,596 = 20.44%, printed 20.4%.
    let rate = f64::from(s.respondents) * 100.0 / f64::from(s.targets);
    assert!((rate - s.response_rate).abs() < 0.05, "{rate}");
}

#[test]
fn composition_sums_and_reads_back_from_the_charts() {
    let s = survey();
    let c = &s.composition;
    let beds: Vec<u32> = BedClass::ALL.iter().map(|b| c.bed_class[b]).collect();
    assert_eq!(beds, [141, 369, 193, 283, 158]);
    assert_eq!(beds.iter().sum::<u32>(), 1144);
    let founders: Vec<u32> = Founder::ALL.iter().map(|f| c.founder[f]).collect();
    assert_eq!(founders, [47, 183, 124, 16, 37, 600, 9, 28, 42, 4, 54]);
    assert_eq!(founders.iter().sum::<u32>(), 1144);
    let assoc: Vec<(&str, u32)> = c.association.iter().map(|a| (a.id.as_str(), a.n)).collect();
    assert_eq!(
        assoc,
        [("jha", 779), ("ajha", 386), ("jmha", 150), ("japha", 204)]
    );
    assert_eq!(assoc.iter().map(|a| a.1).sum::<u32>(), 1519);
    assert_eq!(c.association_total, 1519);

    // The chart labels in the report's text (p2), in the order the charts draw them.
    let Some(raw) = report() else { return };
    let p2 = &raw[..raw.find("1. 全体結果").unwrap()];
    let numbers: Vec<u32> = p2
        .split(|ch: char| !ch.is_ascii_digit())
        .filter_map(|t| t.parse().ok())
        .collect();
    let contains = |seq: &[u32]| numbers.windows(seq.len()).any(|w| w == seq);
    assert!(contains(&founders), "{numbers:?}");
    assert!(contains(&beds), "{numbers:?}");
    assert!(contains(&[779, 386, 150, 204]), "{numbers:?}");
}

#[test]
fn budget_counts_reproduce_figure_6() {
    let s = survey();
    let t = &s.budget_brackets;
    assert_eq!(t.source, "p46 図６");
    assert_eq!(
        t.brackets,
        ["lt5m", "5m_10m", "10m_20m", "20m_50m", "ge50m"]
    );
    let expected: [(BedClass, [u32; 5], &str); 5] = [
        (BedClass::B20To99, [88, 9, 3, 2, 0], "20床~99床"),
        (BedClass::B100To199, [202, 31, 8, 8, 1], "100床～199\n床"),
        (BedClass::B200To299, [99, 17, 13, 3, 1], "200床～299\n床"),
        (BedClass::B300To499, [137, 28, 15, 9, 7], "300床～499\n床"),
        (BedClass::B500Plus, [54, 19, 15, 17, 4], "500床～"),
    ];
    let Some(text) = report() else { return };
    let fig6 = &text[text
        .find("アンケート回答病院のセキュリティ予算実態の推定計算")
        .unwrap()..];
    for (class, counts, label) in expected {
        assert_eq!(t.row(class), counts, "{class}");
        // In the report: the class label, then the five counts.
        let at = fig6.find(label).unwrap_or_else(|| panic!("{label}"));
        let after: Vec<u32> = fig6[at + label.len()..]
            .split_whitespace()
            .take(5)
            .map(|n| n.parse().unwrap())
            .collect();
        assert_eq!(after, counts, "{label}");
    }
    // The report's own check: (250×88 + 750×9 + 1500×3 + 3500×2) / 102 = 394.6万 → ¥3,946千.
    let row = t.row(BedClass::B20To99);
    let mid = [2500, 7500, 15000, 35000, 50000];
    let total: u32 = row.iter().zip(mid).map(|(n, m)| n * m).sum();
    assert_eq!(total / row.iter().sum::<u32>(), 3946);
    // 580 of the 1,144 chose under ¥5M; 354 chose no bracket.
    let lt5m: u32 = BedClass::ALL.iter().map(|b| t.row(*b)[0]).sum();
    let bracketed: u32 = BedClass::ALL
        .iter()
        .map(|b| t.row(*b).iter().sum::<u32>())
        .sum();
    assert_eq!((lt5m, 1144 - bracketed), (580, 354));
}

#[test]
fn under_5m_per_bed_class_is_derived_from_figure_6_and_agrees_with_the_words() {
    let s = survey();
    let ind = s.indicator("budget_under_5m").unwrap();
    let mut shares = Vec::new();
    for class in BedClass::ALL {
        let fs = ind.figures(Cohort::BedClass(class));
        // One figure derived from 図６; under 500 beds the 総評's words 「ほぼ半数」 stand
        // beside it as the report's own summary, never as a second number.
        let derived: Vec<_> = fs.iter().filter(|f| f.source == "p46 図６").collect();
        assert_eq!(derived.len(), 1, "{class}");
        for other in fs.iter().filter(|f| f.source != "p46 図６") {
            assert_eq!(other.source, "bed 総評", "{class}");
            assert_ne!(class, BedClass::B500Plus);
        }
        let f = derived[0];
        let n = s.n(Cohort::BedClass(class)).unwrap();
        let row = s.budget_brackets.row(class);
        assert_eq!(
            f.value,
            FigureValue::Derived {
                num: row[0],
                den: n
            },
            "{class}"
        );
        assert_eq!(f.source, "p46 図６");
        assert_eq!(f.reading.as_deref(), Some("no_bracket"));
        // The rest of the class gave no bracket: the figure says so.
        let unknown = f.unknown.as_deref().unwrap();
        assert_eq!(
            unknown.value,
            FigureValue::Derived {
                num: n - row.iter().sum::<u32>(),
                den: n
            }
        );
        // …and the report's words agree: 「500床未満…ほぼ半数以上」「500床以上…3割以上」.
        assert!(!f.agrees_with.is_empty());
        for a in &f.agrees_with {
            assert!(
                a.range().contains(f.value().unwrap()),
                "{class}: {} not in {:?}",
                f.value().unwrap(),
                a.words()
            );
        }
        let words: Vec<_> = f.agrees_with.iter().filter_map(|a| a.words()).collect();
        if class == BedClass::B500Plus {
            assert_eq!(words, ["3割以上", "3割強"]);
        } else {
            assert_eq!(words, ["ほぼ半数以上"]);
        }
        shares.push(f.value().unwrap());
    }
    assert_eq!(shares, [62.4, 54.7, 51.3, 48.4, 34.2]);
    let overall = &ind.overall[0];
    assert_eq!(
        overall.value,
        FigureValue::Derived {
            num: 580,
            den: 1144
        }
    );
    assert_eq!(overall.value(), Some(50.7));
    let words: Vec<_> = overall
        .agrees_with
        .iter()
        .filter_map(|a| a.words())
        .collect();
    assert_eq!(words, ["5割強", "半数以上"]);
    assert!(overall.agrees_with.iter().all(|a| a.range().contains(50.7)));
}

/// Every printed percentage in the asset, and where the report prints it: (indicator, kind,
/// cohort, value, source, quote from the page).
const EXACT: &[(&str, &str, &str, u32, &str, &str)] = &[
    (
        "threat_felt",
        "figure",
        "private_school",
        100,
        "founder 1/7",
        "私立大学法人は全ての回答病院(100%)",
    ),
    (
        "threat_felt",
        "figure",
        "medical_association",
        77,
        "founder 1/7",
        "医師会（77%)",
    ),
    (
        "threat_felt",
        "figure",
        "coop",
        75,
        "founder 1/7",
        "医療生協(75%)",
    ),
    (
        "threat_felt",
        "figure",
        "founder_average",
        90,
        "founder 1/7",
        "平均:90%",
    ),
    (
        "vpn_unpatched",
        "figure",
        "coop",
        50,
        "founder 2/7",
        "医療生協(50%)",
    ),
    (
        "vpn_unpatched",
        "figure",
        "private_school",
        46,
        "founder 2/7",
        "私立大学法人(46%)",
    ),
    (
        "backup_isolated",
        "figure",
        "social_welfare",
        45,
        "founder 3/7",
        "社会福祉法人(45%)",
    ),
    (
        "backup_isolated",
        "figure",
        "private_school",
        86,
        "founder 3/7",
        "私立大学法人（86%)",
    ),
    (
        "backup_isolated",
        "figure",
        "coop",
        75,
        "founder 3/7",
        "医療生協(75%)",
    ),
    (
        "backup_isolated",
        "figure",
        "national",
        72,
        "founder 3/7",
        "国(72%)",
    ),
    (
        "backup_isolated",
        "context",
        "overall",
        97,
        "overall 3/7",
        "97%がバックアップを取得",
    ),
    (
        "audit_never",
        "figure",
        "medical_association",
        89,
        "founder 4/7",
        "医師会（89%)",
    ),
    (
        "audit_never",
        "figure",
        "coop",
        75,
        "founder 4/7",
        "医療生協（75%)",
    ),
    (
        "audit_never",
        "figure",
        "founder_average",
        52,
        "founder 4/7",
        "平均:52%",
    ),
    (
        "budget_under_5m",
        "figure",
        "coop",
        75,
        "founder 5/7",
        "医療生協(75%)",
    ),
    (
        "budget_under_5m",
        "figure",
        "public_interest",
        62,
        "founder 5/7",
        "公益法人（62%)",
    ),
    (
        "budget_under_5m",
        "figure",
        "medical_corporation",
        58,
        "founder 5/7",
        "医療法人（58%)",
    ),
    (
        "budget_insufficient",
        "figure",
        "social_welfare",
        71,
        "founder 5/7",
        "社会福祉法人(71%)",
    ),
    (
        "budget_insufficient",
        "figure",
        "public_interest",
        62,
        "founder 5/7",
        "公益法人(62%)",
    ),
    (
        "budget_insufficient",
        "figure",
        "private_school",
        61,
        "founder 5/7",
        "私立大学法人(61%)",
    ),
    (
        "budget_insufficient",
        "figure",
        "coop",
        25,
        "founder 5/7",
        "医療生協（25%)",
    ),
    (
        "budget_insufficient",
        "figure",
        "medical_association",
        22,
        "founder 5/7",
        "医師会（22%)",
    ),
    (
        "budget_insufficient",
        "figure",
        "founder_average",
        46,
        "founder 5/7",
        "平均:46%",
    ),
    (
        "budget_insufficient",
        "context",
        "coop",
        75,
        "founder 5/7",
        "医療生協：75%",
    ),
    (
        "budget_insufficient",
        "context",
        "medical_association",
        67,
        "founder 5/7",
        "医師会：67%",
    ),
    (
        "insurance_none",
        "figure",
        "prefecture_municipal",
        73,
        "founder 6/7",
        "都道府県・市町村（73%)",
    ),
    (
        "insurance_none",
        "figure",
        "medical_corporation",
        72,
        "founder 6/7",
        "医療法人（72%)",
    ),
    (
        "insurance_none",
        "figure",
        "private_school",
        71,
        "founder 6/7",
        "私立大学法人(71%)",
    ),
    (
        "insurance_none",
        "figure",
        "public_interest",
        70,
        "founder 6/7",
        "公益法人（70%)",
    ),
    (
        "insurance_none",
        "figure",
        "social_insurance",
        56,
        "founder 6/7",
        "社保（56%)",
    ),
    (
        "insurance_none",
        "figure",
        "medical_association",
        56,
        "founder 6/7",
        "医師会（56%)",
    ),
    (
        "insurance_none",
        "figure",
        "coop",
        25,
        "founder 6/7",
        "医療生協（25%)",
    ),
    (
        "insurance_none",
        "unknown",
        "coop",
        75,
        "founder 6/7",
        "医療生協：75%",
    ),
    (
        "insurance_none",
        "unknown",
        "medical_association",
        33,
        "founder 6/7",
        "医師会：33%",
    ),
    (
        "insurance_none",
        "context",
        "founder_average",
        7,
        "founder 6/7",
        "加入していると回答した割合自体は7%",
    ),
    (
        "insurance_none",
        "context",
        "social_insurance",
        24,
        "founder 6/7",
        "社保はサイバー保険加入率が高い（24%）",
    ),
    (
        "closed_network_belief",
        "figure",
        "coop",
        100,
        "founder 6/7",
        "医療生協(100%)",
    ),
    (
        "closed_network_belief",
        "figure",
        "medical_corporation",
        78,
        "founder 6/7",
        "医療法人(78%)",
    ),
    (
        "closed_network_belief",
        "figure",
        "public_interest",
        51,
        "founder 6/7",
        "公益法人（51%)",
    ),
    (
        "ir_missing",
        "figure",
        "medical_association",
        67,
        "founder 7/7",
        "医師会（67%/89%)",
    ),
    (
        "ir_missing",
        "figure",
        "medical_corporation",
        53,
        "founder 7/7",
        "医療法人（53%/74%)",
    ),
    (
        "bcp_missing",
        "figure",
        "medical_association",
        89,
        "founder 7/7",
        "医師会（67%/89%)",
    ),
    (
        "bcp_missing",
        "figure",
        "medical_corporation",
        74,
        "founder 7/7",
        "医療法人（53%/74%)",
    ),
];

#[test]
fn every_printed_percentage_is_in_the_asset_exact_and_on_its_page() {
    let Some(text) = report() else { return };
    let s = survey();
    let mut asset: Vec<(String, &str, String, u32, String)> = Vec::new();
    for (ind, kind, cohort, f) in every_figure() {
        if let FigureValue::Exact(v) = f.value {
            assert_eq!(f.precision(), Precision::Exact);
            asset.push((ind, kind, cohort, v, f.source.clone()));
        }
    }
    let expected: Vec<(String, &str, String, u32, String)> = EXACT
        .iter()
        .map(|(i, k, c, v, s, _)| (i.to_string(), *k, c.to_string(), *v, s.to_string()))
        .collect();
    let a: BTreeSet<_> = asset.iter().collect();
    let e: BTreeSet<_> = expected.iter().collect();
    assert_eq!(
        a.len(),
        asset.len(),
        "an exact figure is in the asset twice"
    );
    assert_eq!(
        a.difference(&e).collect::<Vec<_>>(),
        Vec::<&&(String, &str, String, u32, String)>::new(),
        "exact figures in the asset that the report does not print"
    );
    assert_eq!(
        e.difference(&a).collect::<Vec<_>>(),
        Vec::<&&(String, &str, String, u32, String)>::new(),
        "printed figures missing from the asset"
    );
    for (ind, _, cohort, v, source, quote) in EXACT {
        let page = page(&text, source);
        assert!(
            page.contains(&norm(quote)),
            "{ind} {cohort}: 「{quote}」 is not on {source}"
        );
        assert!(
            quote.contains(&format!("{v}%")),
            "{quote} does not say {v}%"
        );
        // The quote names the cohort as the report does (私立大学法人 for 私立学校法人).
        if let Some(Cohort::Founder(f)) = Cohort::parse(cohort) {
            let names = &s.composition.report_names[&f];
            assert!(
                names.iter().any(|n| quote.starts_with(n.as_str())),
                "{quote} does not name {cohort} ({names:?})"
            );
        }
    }
}

#[test]
fn the_issue_list_of_founder_percentages_is_there() {
    let s = survey();
    let exact = |ind: &str, f: Founder| -> u32 {
        match s.indicator(ind).unwrap().figures(Cohort::Founder(f))[0].value {
            FigureValue::Exact(v) => v,
            ref other => panic!("{ind} {f}: {other:?}"),
        }
    };
    let avg = |ind: &str| -> FigureValue {
        s.indicator(ind)
            .unwrap()
            .figures(Cohort::Average(Dimension::Founder))[0]
            .value
            .clone()
    };
    use Founder::*;
    assert_eq!(exact("threat_felt", PrivateSchool), 100);
    assert_eq!(exact("threat_felt", MedicalAssociation), 77);
    assert_eq!(exact("threat_felt", Coop), 75);
    assert_eq!(avg("threat_felt"), FigureValue::Exact(90));
    assert_eq!(exact("vpn_unpatched", Coop), 50);
    assert_eq!(exact("vpn_unpatched", PrivateSchool), 46);
    assert_eq!(exact("backup_isolated", SocialWelfare), 45);
    assert_eq!(exact("backup_isolated", PrivateSchool), 86);
    assert_eq!(exact("backup_isolated", Coop), 75);
    assert_eq!(exact("backup_isolated", National), 72);
    assert_eq!(exact("audit_never", MedicalAssociation), 89);
    assert_eq!(exact("audit_never", Coop), 75);
    assert_eq!(avg("audit_never"), FigureValue::Exact(52));
    assert_eq!(exact("budget_under_5m", Coop), 75);
    assert_eq!(exact("budget_under_5m", PublicInterest), 62);
    assert_eq!(exact("budget_under_5m", MedicalCorporation), 58);
    assert_eq!(exact("budget_insufficient", SocialWelfare), 71);
    assert_eq!(exact("budget_insufficient", PublicInterest), 62);
    assert_eq!(exact("budget_insufficient", PrivateSchool), 61);
    assert_eq!(exact("budget_insufficient", Coop), 25);
    assert_eq!(exact("budget_insufficient", MedicalAssociation), 22);
    assert_eq!(avg("budget_insufficient"), FigureValue::Exact(46));
    for (f, v) in [
        (PrefectureMunicipal, 73),
        (MedicalCorporation, 72),
        (PrivateSchool, 71),
        (PublicInterest, 70),
        (SocialInsurance, 56),
        (MedicalAssociation, 56),
        (Coop, 25),
    ] {
        assert_eq!(exact("insurance_none", f), v, "{f}");
    }
    assert_eq!(exact("closed_network_belief", Coop), 100);
    assert_eq!(exact("closed_network_belief", MedicalCorporation), 78);
    assert_eq!(exact("closed_network_belief", PublicInterest), 51);
    assert_eq!(exact("ir_missing", MedicalAssociation), 67);
    assert_eq!(exact("bcp_missing", MedicalAssociation), 89);
    assert_eq!(exact("ir_missing", MedicalCorporation), 53);
    assert_eq!(exact("bcp_missing", MedicalCorporation), 74);
}

#[test]
fn every_approximate_figure_quotes_the_words_of_its_page() {
    let Some(text) = report() else { return };
    let mut n = 0;
    for (ind, kind, cohort, f) in every_figure() {
        if let FigureValue::Approx(a) = &f.value {
            assert_eq!(f.precision(), Precision::Approx);
            let page = page(&text, &f.source);
            assert!(
                page.contains(&norm(&a.words)),
                "{ind} {kind} {cohort}: 「{}」 is not on {}",
                a.words,
                f.source
            );
            // The range is the domain's reading of the words, not a number typed in.
            assert_eq!(approx::parse(&a.words).unwrap().range, a.range);
            n += 1;
        }
    }
    assert!(n >= 30, "only {n} approximate figures");
}

#[test]
fn said_statements_and_sources_name_real_pages() {
    let Some(text) = report() else { return };
    let s = survey();
    let mut sources = vec![s.staff.fulltime.source.clone()];
    for ind in &s.indicators {
        for said in ind.says.bed_class.iter().chain(&ind.says.founder) {
            sources.push(said.source.clone());
        }
    }
    for source in sources {
        assert!(!page(&text, &source).is_empty(), "{source}");
    }
}

/// Which cohorts have a figure: the report's text names these and no others. A figure for
/// any other cohort would be invented; one missing here would be lost.
#[test]
fn only_the_cohorts_the_text_names_have_figures() {
    let s = survey();
    use Founder::*;
    let named: [(&str, usize, &[Founder]); 10] = [
        ("threat_felt", 0, &[MedicalAssociation, PrivateSchool, Coop]),
        ("vpn_unpatched", 5, &Founder::ALL),
        (
            "backup_isolated",
            5,
            &[National, PrivateSchool, SocialWelfare, Coop],
        ),
        ("audit_never", 0, &[MedicalAssociation, Coop]),
        (
            "budget_under_5m",
            5,
            &[PublicInterest, MedicalCorporation, Coop],
        ),
        (
            "budget_insufficient",
            0,
            &[
                PublicInterest,
                MedicalAssociation,
                PrivateSchool,
                SocialWelfare,
                Coop,
            ],
        ),
        (
            "insurance_none",
            0,
            &[
                PrefectureMunicipal,
                SocialInsurance,
                PublicInterest,
                MedicalCorporation,
                MedicalAssociation,
                PrivateSchool,
                Coop,
            ],
        ),
        (
            "closed_network_belief",
            0,
            &[PublicInterest, MedicalCorporation, Coop],
        ),
        ("ir_missing", 0, &[MedicalCorporation, MedicalAssociation]),
        ("bcp_missing", 0, &[MedicalCorporation, MedicalAssociation]),
    ];
    let qn = Questionnaire::embedded();
    assert_eq!(
        s.indicators
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>(),
        qn.indicators
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>()
    );
    for (id, beds, founders) in named {
        let ind = s.indicator(id).unwrap();
        assert_eq!(ind.bed_class.len(), beds, "{id}");
        let have: Vec<Founder> = ind.founder.keys().copied().collect();
        assert_eq!(have, founders, "{id}");
    }
    // Overall: every indicator but backup_isolated (the text gives offline and off-site
    // shares of those backing up, not the indicator).
    for ind in &s.indicators {
        assert_eq!(
            ind.overall.is_empty(),
            ind.id == "backup_isolated",
            "{}",
            ind.id
        );
    }
}

#[test]
fn unclear_populations_carry_the_reading_shindan_uses() {
    let s = survey();
    let vpn = s.indicator("vpn_unpatched").unwrap();
    for class in BedClass::ALL {
        let f = &vpn.figures(Cohort::BedClass(class))[0];
        assert_eq!(f.words(), Some("2割程度"));
        assert_eq!(f.scope, Scope::Each);
        assert_eq!(f.reading.as_deref(), Some("vpn_population"));
    }
    for founder in [Founder::Coop, Founder::PrivateSchool] {
        let f = &vpn.figures(Cohort::Founder(founder))[0];
        assert_eq!(f.reading.as_deref(), Some("vpn_population"), "{founder}");
        assert_eq!(f.scope, Scope::Cohort);
    }
    let rest = &vpn.figures(Cohort::Founder(Founder::MedicalCorporation))[0];
    assert_eq!((rest.words(), rest.scope), (Some("2割前後"), Scope::Rest));
    assert_eq!(rest.reading.as_deref(), Some("vpn_rest"));
    let overall = &vpn.overall[0];
    assert_eq!(overall.counts, Counts::IndicatorOrUnknown);
    assert_eq!(overall.reading.as_deref(), Some("vpn_unknown_included"));
    let reading = s.reading("vpn_population").unwrap();
    assert!(reading.ja.contains("13/28") && reading.en.contains("13 of 28"));
    for id in ["ir_missing", "bcp_missing"] {
        let f = &s.indicator(id).unwrap().overall[0];
        assert_eq!(f.counts, Counts::Opposite, "{id}");
        assert_eq!(f.counts_label.as_ref().unwrap().ja, "整備している");
    }
    // 私立大学法人 in the report is the questionnaire's private school.
    let names = &s.composition.report_names[&Founder::PrivateSchool];
    assert!(names.contains(&"私立大学法人".to_string()));
}

#[test]
fn figures_from_different_pages_agree_with_each_other() {
    let s = survey();
    let range =
        |id: &str, cohort: Cohort, i: usize| s.indicator(id).unwrap().figures(cohort)[i].range();
    let founder_avg = Cohort::Average(Dimension::Founder);
    // BCP: overall "have a plan" 3割強 (30–35%) is the rest of the founder average
    // "missing" 7割弱 (65–70%).
    assert_eq!(
        range("bcp_missing", Cohort::Overall, 0).complement(),
        range("bcp_missing", founder_avg, 0)
    );
    // The founder charts' averages fall within the overall words.
    assert!(range("threat_felt", Cohort::Overall, 0).contains(90.0));
    assert!(range("audit_never", Cohort::Overall, 0).contains(52.0));
    assert!(range("budget_insufficient", Cohort::Overall, 0).contains(46.0));
    // Staff: 3人弱 reads as 2.5–3 people.
    let staff = &s.staff.total;
    assert_eq!(staff.words(), Some("3人弱"));
    assert_eq!((staff.range().lo, staff.range().hi), (2.5, 3.0));
}

#[test]
fn a_broken_survey_is_refused_with_what_is_wrong() {
    let qn = Questionnaire::embedded();
    let good = include_str!("../assets/survey-2022.json");
    let bad = good.replacen("\"b20_99\": 141", "\"b20_99\": 140", 1);
    let e = Survey::parse(&bad, qn).unwrap_err().to_string();
    assert!(e.contains("1143") && e.contains("1144"), "{e}");
    let bad = good.replacen("\"approx\": \"7割\"", "\"approx\": \"七割くらい\"", 1);
    let e = Survey::parse(&bad, qn).unwrap_err().to_string();
    assert!(e.contains("七割くらい"), "{e}");
    let bad = good.replacen(
        "\"source\": \"founder 7/7\"",
        "\"source\": \"founder 8/7\"",
        1,
    );
    let e = Survey::parse(&bad, qn).unwrap_err().to_string();
    assert!(e.contains("founder 8/7"), "{e}");
    let bad = good.replacen("\"reading\": \"vpn_rest\"", "\"reading\": \"nowhere\"", 1);
    let e = Survey::parse(&bad, qn).unwrap_err().to_string();
    assert!(e.contains("nowhere"), "{e}");
    let bad = good.replacen("\"id\": \"bcp_missing\"", "\"id\": \"bcp_gone\"", 1);
    let e = Survey::parse(&bad, qn).unwrap_err().to_string();
    assert!(e.contains("bcp_gone"), "{e}");
    let bad = good.replacen("[137, 28, 15, 9, 7]", "[237, 28, 15, 9, 7]", 1);
    let e = Survey::parse(&bad, qn).unwrap_err().to_string();
    assert!(e.contains("b300_499") && e.contains("283"), "{e}");
}
