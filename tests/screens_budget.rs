//! The budget screen (b) on ratatui's TestBackend: a hospital with an exact budget and its own
//! revenue, one with only a bracket (the survey's revenue), one that gave no budget at all, at
//! 80×24 and 120×40 in both languages; and what the what-if keys do — to the figures shown,
//! never to the record on disk.

use crossterm::event::KeyCode;
use shindan::domain::Lang;

mod ui;

use ui::{add, Ui};

/// 350 beds (300–499), its own revenue (¥6 billion) and an exact budget of ¥8 million.
const EXACT: [(&str, &str); 7] = [
    ("hospital_name", "聖マリア記念病院"),
    ("beds", "350"),
    ("founder", "medical_corporation"),
    ("associations", "jha"),
    ("revenue", "6000000"),
    ("budget_bracket", "5m_10m"),
    ("budget_amount", "8000"),
];

/// 120 beds (100–199), no revenue (図２'s 100–199 row), budget bracket under ¥5M.
const BRACKET: [(&str, &str); 5] = [
    ("hospital_name", "みなと中央病院"),
    ("beds", "120"),
    ("founder", "prefecture_municipal"),
    ("associations", "jha"),
    ("budget_bracket", "lt5m"),
];

/// 45 beds (the 20–49 row of the 20–99 class), no budget answered.
const NO_BUDGET: [(&str, &str); 4] = [
    ("hospital_name", "山あい診療病院"),
    ("beds", "45"),
    ("founder", "medical_corporation"),
    ("associations", "jha"),
];

/// Home → Enter (the interview) → b (the budget).
fn budget(lang: Lang, w: u16, h: u16, answers: &[(&str, &str)]) -> Ui {
    let mut ui = Ui::new(lang, w, h, |s| {
        add(s, answers);
    });
    ui.press(KeyCode::Enter).key('b');
    ui
}

/// The `nth` bar line (0: the hospital's, 1: its bed class's) whose label is `label`.
fn bar_row(ui: &Ui, label: &str, nth: usize) -> String {
    let rows: Vec<String> = ui
        .lines()
        .into_iter()
        .filter(|l| l.starts_with(&format!("  {label}")) && l.contains(['█', '░']))
        .collect();
    rows.get(nth)
        .cloned()
        .unwrap_or_else(|| panic!("no bar {nth} for {label:?}:\n{}", ui.screen()))
}

fn erase(ui: &mut Ui, n: usize) {
    for _ in 0..n {
        ui.press(KeyCode::Backspace);
    }
}

fn record_file(ui: &Ui) -> Vec<u8> {
    let dir = ui.dir.path();
    let mut found = Vec::new();
    for entry in walk(dir) {
        if entry.extension().is_some_and(|e| e == "json") {
            found.push(std::fs::read(&entry).unwrap());
        }
    }
    assert_eq!(found.len(), 1, "one record file in {dir:?}");
    found.remove(0)
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// The screen's legend is the command line's (`Origin::legend`), in both languages: a mark
/// reads one way wherever it is printed.
#[test]
fn the_legend_is_the_command_lines() {
    for lang in [Lang::Ja, Lang::En] {
        let ui = budget(lang, 120, 40, &EXACT);
        let legend = shindan::domain::budget::Origin::legend(lang);
        assert!(ui.screen().contains(&legend), "{}", ui.screen());
    }
}

#[test]
fn exact_budget_ja_80x24() {
    let ui = budget(Lang::Ja, 80, 24, &EXACT);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn exact_budget_en_80x24() {
    let ui = budget(Lang::En, 80, 24, &EXACT);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn exact_budget_ja_120x40() {
    let ui = budget(Lang::Ja, 120, 40, &EXACT);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn exact_budget_en_120x40() {
    let ui = budget(Lang::En, 120, 40, &EXACT);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn bracket_only_ja_80x24() {
    let ui = budget(Lang::Ja, 80, 24, &BRACKET);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn bracket_only_en_80x24() {
    let ui = budget(Lang::En, 80, 24, &BRACKET);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn bracket_only_ja_120x40() {
    let ui = budget(Lang::Ja, 120, 40, &BRACKET);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn bracket_only_en_120x40() {
    let ui = budget(Lang::En, 120, 40, &BRACKET);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn no_budget_ja_80x24() {
    let ui = budget(Lang::Ja, 80, 24, &NO_BUDGET);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn no_budget_en_80x24() {
    let ui = budget(Lang::En, 80, 24, &NO_BUDGET);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn no_budget_ja_120x40() {
    let ui = budget(Lang::Ja, 120, 40, &NO_BUDGET);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn no_budget_en_120x40() {
    let ui = budget(Lang::En, 120, 40, &NO_BUDGET);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn what_if_rates_ja_80x24() {
    let mut ui = budget(Lang::Ja, 80, 24, &BRACKET);
    ui.key('r');
    erase(&mut ui, 2);
    ui.typed("20");
    ui.press(KeyCode::Enter);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn rate_form_with_an_error_en_80x24() {
    let mut ui = budget(Lang::En, 80, 24, &EXACT);
    ui.key('r').press(KeyCode::Tab);
    erase(&mut ui, 2);
    ui.typed("150");
    ui.press(KeyCode::Enter);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn the_screen_shows_the_hospital_beside_its_bed_class_in_man_yen() {
    let ui = budget(Lang::Ja, 80, 24, &BRACKET);
    // 100–199 beds, 図２ revenue 2,533,236 → IT 55,984 → 8,397 / 16,795; actual 2,500.
    let screen = ui.screen();
    assert!(
        screen.contains("2025-001 みなと中央病院 — 予算の不足額（提言1）"),
        "{screen}"
    );
    assert!(ui.line_of("実際の予算").contains("250万円"), "{screen}");
    let min = bar_row(&ui, "最低水準 15%", 0);
    assert!(
        min.contains("840万円") && min.contains("590万円 不足"),
        "{min}"
    );
    // The cohort's line: 4,750 − 8,397 = −3,647 → 365万円 (図７).
    let cohort = bar_row(&ui, "最低水準 15%", 1);
    assert!(cohort.contains("365万円 不足"), "{cohort}");
    assert!(ui.line_of("推計予算").contains("475万円"), "{screen}");
    assert!(ui.line_of("IT予算").contains("5,598万円"), "{screen}");
    // Assumptions, marked, with their place in the report.
    let revenue = ui.line_of("年間収益：");
    assert!(
        revenue.contains("［既定］")
            && revenue.contains("2,533,236千円")
            && revenue.contains("p43 図２"),
        "{revenue}"
    );
    // Its source wraps under it at 80 columns rather than being cut.
    let row = ui.row_of("実際のセキュリティ予算：");
    let actual = ui.lines()[row..=row + 1].join("");
    assert!(
        actual.contains("［既定］") && actual.contains("2,500千円") && actual.contains("500万未満"),
        "{actual}"
    );
    assert!(
        ui.line_of("十分水準（IT予算に対する率）").contains("p34"),
        "{screen}"
    );
}

#[test]
fn the_hospitals_own_figures_are_marked_as_its_own() {
    let ui = budget(Lang::En, 80, 24, &EXACT);
    let screen = ui.screen();
    assert!(ui.line_of("Annual revenue:").contains("[own]"), "{screen}");
    assert!(
        ui.line_of("¥6,000,000 thousand").contains("your answer"),
        "{screen}"
    );
    assert!(
        ui.line_of("Actual security budget:").contains("[own]"),
        "{screen}"
    );
    // 6,000,000 × 2.21% = 132,600; × 15% = 19,890; 8,000 − 19,890 = −11,890.
    assert!(
        bar_row(&ui, "Minimum 15%", 0).contains("¥11.89 million short"),
        "{screen}"
    );
}

#[test]
fn an_unknown_budget_shows_the_requirement_and_what_to_answer() {
    let ui = budget(Lang::Ja, 80, 24, &NO_BUDGET);
    let screen = ui.screen();
    assert!(ui.line_of("実際の予算").contains("不明"), "{screen}");
    assert!(
        !bar_row(&ui, "最低水準 15%", 0).contains("不足"),
        "no gap: {screen}"
    );
    assert!(screen.contains("年間セキュリティ予算"), "{screen}");
    assert!(screen.contains("面談（i）"), "{screen}");
    // 20–49 row: 804,595 → 17,781 → 2,667 (15%).
    assert!(
        bar_row(&ui, "最低水準 15%", 0).contains("267万円"),
        "{screen}"
    );
}

#[test]
fn a_what_if_rate_changes_the_figures_but_not_the_file() {
    let mut ui = budget(Lang::Ja, 80, 24, &BRACKET);
    let before = record_file(&ui);
    ui.key('r');
    assert!(ui.screen().contains("別の率で試算"), "{}", ui.screen());
    erase(&mut ui, 2);
    ui.typed("20");
    ui.press(KeyCode::Enter);
    let screen = ui.screen();
    // 55,984 × 20% = 11,196 → 1,120万円; 2,500 − 11,196 = −8,696 → 870万円 short.
    let min = bar_row(&ui, "最低水準 20%", 0);
    assert!(
        min.contains("1,120万円") && min.contains("870万円 不足"),
        "{min}"
    );
    assert!(
        screen.contains("試算：予算の不足額"),
        "title says it: {screen}"
    );
    assert!(
        screen.contains("試算（記録は変わりません、0 で戻る）：最低水準 20%（報告書 15%）"),
        "banner: {screen}"
    );
    assert!(
        ui.line_of("必要最低水準（IT予算に対する率）")
            .contains("［試算］"),
        "{screen}"
    );
    let model = ui.app.session.as_ref().unwrap();
    assert_eq!(model.record.number("revenue"), None);
    assert_eq!(record_file(&ui), before, "the file on disk is unchanged");
    // 0: back to the record's figures.
    ui.key('0');
    let screen = ui.screen();
    assert!(!screen.contains("試算："), "{screen}");
    assert!(
        bar_row(&ui, "最低水準 15%", 0).contains("840万円"),
        "{screen}"
    );
    assert_eq!(record_file(&ui), before);
}

#[test]
fn a_what_if_revenue_is_thousand_yen_and_says_what_it_reads_as() {
    let mut ui = budget(Lang::Ja, 80, 24, &BRACKET);
    let before = record_file(&ui);
    ui.key('v');
    erase(&mut ui, 10);
    ui.typed("5000000");
    assert!(
        ui.line_of("▸年間収益").contains("[5000000"),
        "{}",
        ui.screen()
    );
    assert!(
        ui.line_of("▸年間収益")
            .contains("] 千円  = 5,000,000千円 = 50億円"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Enter);
    let screen = ui.screen();
    // 5,000,000 × 2.21% = 110,500 → 16,575 at 15% → 1,658万円.
    assert!(ui.line_of("IT予算").contains("1億1,050万円"), "{screen}");
    assert!(
        bar_row(&ui, "最低水準 15%", 0).contains("1,658万円"),
        "{screen}"
    );
    assert!(
        screen.contains("年間収益 50億円（記録 25億3,324万円）"),
        "{screen}"
    );
    assert!(ui.line_of("年間収益：").contains("［試算］"), "{screen}");
    assert_eq!(record_file(&ui), before);
}

#[test]
fn a_bad_rate_shows_the_message_and_keeps_the_text() {
    let mut ui = budget(Lang::Ja, 80, 24, &EXACT);
    ui.key('r').press(KeyCode::Tab);
    erase(&mut ui, 2);
    ui.typed("150");
    ui.press(KeyCode::Enter);
    let screen = ui.screen();
    assert!(
        screen.contains("`150` は 0～100 の範囲外です"),
        "message under the field: {screen}"
    );
    assert!(
        ui.line_of("十分水準 [150").contains("▸十分水準"),
        "{screen}"
    );
    assert!(!screen.contains("試算："), "nothing tried yet: {screen}");
    // Correct it: the text is still there to fix.
    erase(&mut ui, 3);
    ui.typed("40");
    ui.press(KeyCode::Enter);
    let screen = ui.screen();
    assert!(
        bar_row(&ui, "十分水準 40%", 0).contains("4,504万円 不足"),
        "{screen}"
    );
    assert!(screen.contains("：十分水準 40%（報告書 30%）"), "{screen}");
    // A minimum above the sufficient level is refused by the domain too, under the minimum.
    ui.key('r');
    erase(&mut ui, 2);
    ui.typed("50");
    ui.press(KeyCode::Enter);
    let screen = ui.screen();
    assert!(screen.contains("十分水準以下"), "{screen}");
    assert!(ui.line_of("▸最低水準").contains("50"), "{screen}");
    // Esc leaves the form without trying anything.
    ui.press(KeyCode::Esc);
    let screen = ui.screen();
    assert!(!screen.contains("別の率で試算"), "{screen}");
    assert!(
        bar_row(&ui, "最低水準 15%", 0).contains("1,189万円 不足"),
        "{screen}"
    );
}

#[test]
fn letters_typed_into_a_field_are_not_commands() {
    let mut ui = budget(Lang::Ja, 80, 24, &EXACT);
    ui.key('v');
    ui.typed("ipb0q");
    let screen = ui.screen();
    assert!(
        screen.contains("別の年間収益で試算"),
        "still in the form: {screen}"
    );
    assert!(!ui.app.should_quit());
    ui.press(KeyCode::Enter);
    assert!(
        ui.screen().contains("整数ではありません"),
        "{}",
        ui.screen()
    );
    assert!(ui.screen().contains("千円単位"), "{}", ui.screen());
}

#[test]
fn record_keys_still_work_from_the_budget_screen() {
    let mut ui = budget(Lang::Ja, 80, 24, &EXACT);
    ui.key('p');
    assert!(
        ui.screen().contains("2022年調査との比較"),
        "{}",
        ui.screen()
    );
    ui.key('b');
    assert!(
        ui.screen().contains("予算の不足額（提言1）"),
        "{}",
        ui.screen()
    );
    ui.key('i');
    assert!(!ui.screen().contains("予算の不足額"), "{}", ui.screen());
    ui.key('b');
    ui.press(KeyCode::Esc);
    assert!(
        !ui.screen().contains("予算の不足額"),
        "Esc goes back: {}",
        ui.screen()
    );
    assert!(ui.app.session.is_some());
}

#[test]
fn the_help_lists_the_what_if_keys() {
    let mut ui = budget(Lang::En, 80, 24, &EXACT);
    ui.key('?');
    let screen = ui.help_pages();
    assert!(screen.contains("Try other rates (%)"), "{screen}");
    assert!(screen.contains("Try revenue (¥ thousands)"), "{screen}");
    assert!(screen.contains("Record's figures again"), "{screen}");
    assert!(screen.contains("tried, unsaved"), "{screen}");
}

#[test]
fn without_beds_the_screen_says_what_to_answer() {
    let mut ui = budget(Lang::En, 80, 24, &[("hospital_name", "名無し病院")]);
    let screen = ui.screen();
    assert!(
        screen.contains("the number of beds is not answered"),
        "{screen}"
    );
    assert!(screen.contains("Press i"), "{screen}");
    ui.key('r');
    assert!(ui.screen().contains("beds"), "{}", ui.screen());
    assert!(!ui.screen().contains("Try other rates"), "{}", ui.screen());
}

#[test]
fn a_read_only_record_can_still_be_tried_and_stays_as_it_was() {
    let mut holder = None;
    let mut ui = Ui::new(Lang::Ja, 80, 24, |s| {
        let r = add(s, &BRACKET);
        holder = Some(s.lock(&r.id).unwrap());
    });
    ui.press(KeyCode::Enter).key('b');
    assert!(ui.screen().contains("[読み取り専用:"), "{}", ui.screen());
    let before = record_file(&ui);
    ui.key('v');
    erase(&mut ui, 10);
    ui.typed("3000000");
    ui.press(KeyCode::Enter);
    // 3,000,000 × 2.21% = 66,300 → 9,945 at 15% → 995万円.
    assert!(
        bar_row(&ui, "最低水準 15%", 0).contains("995万円"),
        "{}",
        ui.screen()
    );
    assert!(
        !ui.screen().contains("読み取り専用です"),
        "no refusal: {}",
        ui.screen()
    );
    assert_eq!(record_file(&ui), before);
    drop(holder);
}

/// The what-if revenue warns as the interview's revenue question does: typed in 百万円 rather
/// than 千円 it is a thousand times below the 図２ average of the beds' row, and the line under
/// the field says so before Enter; a plausible figure says nothing.
#[test]
fn a_what_if_revenue_far_off_the_bed_class_is_questioned_as_in_the_interview() {
    let mut ui = budget(Lang::Ja, 80, 24, &BRACKET);
    ui.key('v');
    erase(&mut ui, 10);
    ui.typed("2533");
    let screen = ui.screen();
    assert!(
        screen.contains("⚠ 同じ病床規模の平均収益（図２）25億3,324万円 から20倍以上"),
        "{screen}"
    );
    assert!(screen.contains("= 2,533千円 = 253万円"), "{screen}");
    erase(&mut ui, 10);
    ui.typed("2533240");
    assert!(!ui.screen().contains("⚠"), "{}", ui.screen());
}
