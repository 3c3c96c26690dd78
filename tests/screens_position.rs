//! The position screen on ratatui's TestBackend: a 350-bed 医療法人 (bed class 300–499) at
//! 80×24 and 120×40 in both languages, a 4-hospital 医療生協 showing its small-sample mark, and
//! what the keys do (cohort, page, selection, detail, from home and from the interview).

use crossterm::event::KeyCode;
use ratatui::style::Modifier;
use shindan::domain::Lang;

mod ui;

use ui::{add, Ui};

/// A 350-bed 医療法人 that answered all but the last two indicators (IR, BCP).
const MEDICAL_CORPORATION_350: [(&str, &str); 18] = [
    ("hospital_name", "聖マリア記念病院"),
    ("beds", "350"),
    ("founder", "medical_corporation"),
    ("associations", "jha"),
    ("threat", "yes"),
    ("vpn_flagged", "yes"),
    ("vpn_patched", "no"),
    ("vpn_unpatched_reasons", "no_budget"),
    ("backup", "yes"),
    ("backup_offline", "no"),
    ("backup_offsite", "no"),
    ("staff_total", "2"),
    ("staff_fulltime", "2"),
    ("audit", "never"),
    ("budget_bracket", "lt5m"),
    ("budget_sufficiency", "not_enough"),
    ("insurance", "no"),
    ("closed_network_belief", "agree"),
];

/// Home → Enter (the interview) → p (the position).
fn position(lang: Lang, w: u16, h: u16, answers: &[(&str, &str)]) -> Ui {
    let mut ui = Ui::new(lang, w, h, |s| {
        add(s, answers);
    });
    ui.press(KeyCode::Enter).key('p');
    ui
}

fn medical_corporation(lang: Lang, w: u16, h: u16) -> Ui {
    position(lang, w, h, &MEDICAL_CORPORATION_350)
}

#[test]
fn position_ja_80x24() {
    let ui = medical_corporation(Lang::Ja, 80, 24);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn position_en_80x24() {
    let ui = medical_corporation(Lang::En, 80, 24);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn position_ja_120x40() {
    let ui = medical_corporation(Lang::Ja, 120, 40);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn position_en_120x40() {
    let ui = medical_corporation(Lang::En, 120, 40);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn position_founder_ja_80x24() {
    let mut ui = medical_corporation(Lang::Ja, 80, 24);
    ui.press(KeyCode::Right);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn respondents_ja_80x24() {
    let mut ui = medical_corporation(Lang::Ja, 80, 24);
    ui.press(KeyCode::Tab);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn respondents_en_120x40() {
    let mut ui = medical_corporation(Lang::En, 120, 40);
    ui.press(KeyCode::Tab);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn details_ja_80x24() {
    let mut ui = medical_corporation(Lang::Ja, 80, 24);
    ui.press(KeyCode::Enter);
    insta::assert_snapshot!(ui.screen());
}

/// A 医療生協 of 4 respondents: the mark on its column, its chart row and its sentences.
const COOP: [(&str, &str); 6] = [
    ("hospital_name", "みなと生協病院"),
    ("beds", "120"),
    ("founder", "coop"),
    ("associations", "none"),
    ("threat", "no"),
    ("insurance", "no"),
];

#[test]
fn small_sample_coop_ja_80x24() {
    let mut ui = position(Lang::Ja, 80, 24, &COOP);
    ui.press(KeyCode::Right);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn small_sample_coop_en_120x40() {
    let ui = position(Lang::En, 120, 40, &COOP);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn left_and_right_switch_the_cohort_at_80_columns() {
    let mut ui = medical_corporation(Lang::Ja, 80, 24);
    assert!(ui.screen().contains("[病床規模 300～499床 n=283]"));
    let budget = ui.line_of("予算500万円未満");
    assert!(budget.contains("48.4% 137/283"), "{budget}");
    assert!(!budget.contains("58%"), "one cohort at a time: {budget}");
    ui.press(KeyCode::Right);
    assert!(
        ui.screen().contains("[開設者 医療法人 n=600]"),
        "{}",
        ui.screen()
    );
    let budget = ui.line_of("予算500万円未満");
    assert!(budget.contains("58%"), "{budget}");
    assert!(!budget.contains("137/283"), "{budget}");
    // The detail leads with the cohort in front, right under the hospital's own answer.
    let own = ui.row_of("貴院：該当する");
    // Said as what it is: the report's average of the founders it does not name.
    assert!(
        ui.lines()[own + 1].starts_with("医療法人 n=600: 他の開設者区分の平均 約17–23%"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Left);
    assert!(ui.screen().contains("[病床規模 300～499床 n=283]"));
    // (The founder's ※ line under the table is gone: the detail moved up.)
    let own = ui.row_of("貴院：該当する");
    assert!(ui.lines()[own + 1].starts_with("300～499床 n=283（全規模共通の記述）: 約17–23%"));
    // `h` belongs to every record screen (last year), not to the cohort switch.
    ui.key('h');
    assert!(!ui.screen().contains("[開設者 医療法人 n=600]"));
}

#[test]
fn at_120_columns_both_cohorts_stand_side_by_side() {
    let ui = medical_corporation(Lang::Ja, 120, 40);
    let budget = ui.line_of("予算500万円未満");
    assert!(
        budget.contains("48.4% 137/283") && budget.contains("58%"),
        "{budget}"
    );
    let bcp = ui.line_of("BCPが未整備");
    assert!(bcp.contains("·未回答"), "{bcp}");
    assert!(
        bcp.contains("本文に数値なし") && bcp.contains("74%"),
        "{bcp}"
    );
    // The charts of respondents head the screen, own classes marked.
    assert!(ui.line_of("▶ 300～499床").contains("283 24.7% ◀貴院"));
    assert!(ui.line_of("▶ 医療法人").contains("600 52.4% ◀貴院"));
    assert!(ui.line_of("  医療生協").contains("4  0.3% △"));
    // The own class is reversed as well as marked, so it shows without colour.
    let y = ui.row_of("▶ 300～499床") as u16;
    let buf = ui.fresh();
    assert!(buf[(2, y)].modifier.contains(Modifier::REVERSED));
    let y = ui.row_of("  500床以上") as u16;
    assert!(!buf[(2, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn an_approximate_figure_is_a_range_and_a_missing_one_has_no_bar() {
    let ui = medical_corporation(Lang::Ja, 80, 24);
    let vpn = ui.line_of("VPN脆弱性が未対応");
    assert!(
        vpn.contains("約17–23%") && vpn.contains("言葉 p15※"),
        "{vpn}"
    );
    assert!(vpn.contains('▓'), "a range, not a point: {vpn}");
    assert!(
        vpn.contains('◆'),
        "the hospital is marked among the 17–23%: {vpn}"
    );
    let budget = ui.line_of("予算500万円未満");
    assert!(
        !budget.contains('▓'),
        "a derived figure is a point: {budget}"
    );
    assert!(
        budget.contains('·'),
        "the 30.7% who gave no bracket: {budget}"
    );
    let audit = ui.line_of("監査の実施なし");
    assert!(audit.contains("本文に数値なし"), "{audit}");
    assert!(
        !audit.contains('█') && !audit.contains('░'),
        "no bar without a figure: {audit}"
    );
}

#[test]
fn up_and_down_move_the_selection_and_its_detail() {
    let mut ui = medical_corporation(Lang::Ja, 80, 24);
    // It opens at the first answer that puts the hospital in a minority of its peers.
    assert!(ui.line_of("▶ ").contains("VPN脆弱性が未対応"));
    ui.press(KeyCode::Up);
    assert!(ui.line_of("▶ ").contains("脅威を感じている"));
    assert!(ui.screen().contains("── サイバー攻撃の脅威を感じている"));
    ui.press(KeyCode::Down);
    assert!(ui.line_of("▶ ").contains("VPN脆弱性が未対応"));
    assert!(ui.screen().contains("── 指摘されたVPNの脆弱性が未対応"));
    assert!(ui
        .screen()
        .contains("貴院：該当する（問7 使用している、問8 未対応）［要注意］"));
    // The selected label is reversed: it shows without colour.
    let y = ui.row_of("▶ VPN") as u16;
    let buf = ui.fresh();
    assert!(buf[(2, y)].modifier.contains(Modifier::REVERSED));
    let other = ui.row_of("  脅威を感じている") as u16;
    assert!(!buf[(2, other)].modifier.contains(Modifier::REVERSED));
    // j and k too; the selection stops at both ends.
    for _ in 0..12 {
        ui.key('j');
    }
    assert!(ui.line_of("▶ ").contains("BCPが未整備"));
    assert!(
        ui.screen().contains("問22に答えると比べられます"),
        "{}",
        ui.screen()
    );
    for _ in 0..12 {
        ui.press(KeyCode::Up);
    }
    assert!(ui.line_of("▶ ").contains("脅威を感じている"));
}

#[test]
fn tab_goes_to_the_budget_and_staff_page_and_back() {
    let mut ui = medical_corporation(Lang::Ja, 80, 24);
    ui.press(KeyCode::Tab);
    assert!(ui
        .screen()
        .contains("年間予算：300～499床（p46 図６、n=283）"));
    assert!(ui.line_of("▶ 500万未満").contains("137 48.4% ◀"));
    assert!(ui
        .screen()
        .contains("→ 貴院の担当者2人は、全回答病院の平均2.5–3人（3人弱）より少ない人数です。"));
    ui.press(KeyCode::Tab);
    assert!(ui.screen().contains("[病床規模 300～499床 n=283]"));
}

#[test]
fn enter_opens_the_whole_detail_with_the_readings_and_esc_closes_it() {
    let mut ui = medical_corporation(Lang::Ja, 80, 24);
    ui.press(KeyCode::Enter);
    assert!(ui.screen().contains("┌ 指摘されたVPNの脆弱性が未対応"));
    assert!(
        !ui.screen().contains("※3 「3割強以上」"),
        "below the fold at first"
    );
    for _ in 0..40 {
        ui.press(KeyCode::Down);
    }
    let screen = ui.screen();
    assert!(
        screen.contains("※3 「3割強以上」は指摘VPNの使用病院のうち"),
        "{screen}"
    );
    assert!(
        screen.contains("※2 報告は医療生協・私立学校法人以外の開設者をまとめて"),
        "{screen}"
    );
    ui.press(KeyCode::Esc);
    assert!(!ui.screen().contains("┌ 指摘された"), "{}", ui.screen());
    assert!(ui.screen().contains("── 指摘されたVPNの脆弱性が未対応"));
    // Esc again leaves the screen for the interview beneath.
    ui.press(KeyCode::Esc);
    assert!(ui.screen().contains("面談"), "{}", ui.screen());
    assert!(!ui.screen().contains("2022年調査との比較"));
}

#[test]
fn p_on_home_opens_the_selected_record_at_its_position() {
    let mut ui = Ui::new(Lang::En, 80, 24, |s| {
        add(s, &MEDICAL_CORPORATION_350);
        add(s, &COOP);
    });
    // Both were changed at the same moment: by id, 2025-001 on top. The second is selected.
    ui.press(KeyCode::Down).key('p');
    assert!(
        ui.screen()
            .contains("2025-002 みなと生協病院 — vs the 2022 survey"),
        "{}",
        ui.screen()
    );
    assert_eq!(
        ui.app.session.as_ref().map(|s| s.record.id.to_string()),
        Some("2025-002".to_string())
    );
    // Esc returns to the record's interview, where the record stays open.
    ui.press(KeyCode::Esc);
    assert!(
        ui.screen().contains("2025-002 みなと生協病院 — "),
        "{}",
        ui.screen()
    );
    assert!(ui.screen().contains("Q 7/22"), "{}", ui.screen());
    assert!(ui.app.session.is_some());
    ui.press(KeyCode::Esc);
    assert!(ui.screen().contains("records (2)"), "{}", ui.screen());
}

#[test]
fn the_help_lists_the_position_keys_and_the_legend() {
    let mut ui = medical_corporation(Lang::Ja, 80, 24);
    ui.key('?');
    let screen = ui.screen();
    assert!(screen.contains("病床規模 ⇄ 開設者"), "{screen}");
    assert!(screen.contains("貴院のいる側"), "{screen}");
    assert!(
        screen.contains("2022年調査との比較"),
        "record keys too: {screen}"
    );
}

#[test]
fn a_small_founder_cohort_is_marked_everywhere_it_shows() {
    let mut ui = position(Lang::Ja, 80, 24, &COOP);
    assert!(ui
        .line_of("開設者   ")
        .contains("医療生協 4病院 0.3% △小標本"));
    ui.press(KeyCode::Right);
    assert!(ui.screen().contains("[開設者 医療生協 n=4 △小標本]"));
    let threat = ui.line_of("脅威を感じている");
    assert!(threat.contains("75%") && threat.ends_with('△'), "{threat}");
    assert!(
        ui.screen()
            .contains("n=4と小さく、1病院で25ポイント動きます"),
        "{}",
        ui.screen()
    );
    // The bed class (369) is not small.
    ui.press(KeyCode::Left);
    assert!(!ui.line_of("VPN脆弱性が未対応").contains('△'));
}

#[test]
fn a_record_without_beds_or_founder_says_so_at_every_size() {
    for (w, h) in [(60, 20), (80, 24), (120, 40), (200, 60)] {
        let ui = position(Lang::Ja, w, h, &[("hospital_name", "名称のみ病院")]);
        let screen = ui.screen();
        assert!(
            screen.contains("病床規模：病床数が未回答"),
            "{w}x{h}\n{screen}"
        );
        assert!(screen.contains("区分が未回答"), "{w}x{h}\n{screen}");
        for line in ui.lines().iter().filter(|l| l.contains("·未回答")) {
            assert!(
                line.contains("区分が未回答") && !line.contains('◆'),
                "{line}"
            );
        }
    }
}

/// Each cell of the table keeps its figure's meaning at 80×24 (either cohort in front) and at
/// 120×40 (both), in both languages: the value whole on its row with the report's page, and —
/// when the value alone would mislead (what it counts, the report's bound, an average of other
/// cohorts) — the figure in full, as the one render says it, in a ※ line under the table.
#[test]
fn every_cell_keeps_its_meaning_and_page() {
    use shindan::domain::position::Position;
    use shindan::domain::survey::render::{has_words, page_of, render_figure, Form};
    use shindan::domain::Questionnaire;
    let survey = shindan::domain::survey::Survey::embedded();
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    for lang in [Lang::Ja, Lang::En] {
        for (w, h, fronts) in [(80, 24, vec![0, 1]), (120, 40, vec![0])] {
            for front in fronts {
                let mut record = None;
                let mut ui = Ui::new(lang, w, h, |s| {
                    record = Some(add(s, &MEDICAL_CORPORATION_350));
                });
                ui.press(KeyCode::Enter).key('p');
                if front == 1 {
                    ui.press(KeyCode::Right);
                }
                let record = record.expect("the setup adds the record");
                let pos = Position::of(&record, Questionnaire::embedded(), survey);
                let screen = squeeze(&ui.screen());
                let mut words = 0;
                for ip in &pos.indicators {
                    let shown = match (w, front) {
                        (120, _) => vec![&ip.bed_class, &ip.founder],
                        (_, 0) => vec![&ip.bed_class],
                        _ => vec![&ip.founder],
                    };
                    let row = ui.line_of(ip.indicator.short(lang));
                    for c in shown {
                        let Some(f) = c.figure else { continue };
                        let page = format!("p{}", page_of(&f.source, survey).unwrap());
                        assert!(
                            row.contains(&f.compact(lang)) && row.contains(&page),
                            "{lang:?} {w}x{h}: {} lacks {} or {page}:\n{}",
                            ip.indicator.id,
                            f.compact(lang),
                            ui.screen()
                        );
                        if has_words(f, lang) {
                            words += 1;
                            let full = squeeze(&render_figure(f, survey, Form::Cell, lang));
                            assert!(
                                screen.contains(&full),
                                "{lang:?} {w}x{h}: {} shown without {full}:\n{}",
                                ip.indicator.id,
                                ui.screen()
                            );
                        }
                    }
                }
                // The founder column of a 医療法人 has 「それ以外の開設者区分でも平均的に2割前後」.
                assert_eq!(
                    words > 0,
                    w == 120 || front == 1,
                    "{lang:?} {w}x{h}:\n{}",
                    ui.screen()
                );
            }
        }
    }
}
