//! Every screen at the three sizes shindan is used at — 60×20 (the smallest it draws), 80×24
//! (an SSH terminal's default) and 120×40 — in both languages: laid out so that what matters is
//! not cut. Each screen is a snapshot; the checks below hold at every size: every boxed row ends
//! in its border in the last column, and the help lists every key whole (wrapped, not cut).

mod ui;

use crossterm::event::KeyCode;
use shindan::domain::Lang;
use ui::{add, Ui};

const SIZES: [(u16, u16); 3] = [(60, 20), (80, 24), (120, 40)];

fn with_record(lang: Lang, w: u16, h: u16) -> Ui {
    Ui::new(lang, w, h, |s| {
        add(s, &ui::SAMPLE);
    })
}

/// The screen, after checking that no row runs past the terminal's last column and that a row
/// which begins a box ends one.
fn checked(ui: &Ui, what: &str) -> String {
    let lines = ui.lines();
    let w = ui.term.backend().buffer().area.width as usize;
    for (y, l) in lines.iter().enumerate() {
        assert!(
            unicode_width::UnicodeWidthStr::width(l.as_str()) <= w,
            "{what}: row {y} is too wide:\n{}",
            ui.screen()
        );
        let first = l.chars().next().unwrap_or(' ');
        if ['┌', '└'].contains(&first) {
            let last = l.trim_end().chars().last().unwrap_or(' ');
            assert!(
                ['┐', '┘', '│'].contains(&last),
                "{what}: row {y} opens a box and does not close it:\n{}",
                ui.screen()
            );
        }
    }
    ui.screen()
}

fn every_screen(lang: Lang, tag: &str) {
    for (w, h) in SIZES {
        let size = format!("{w}x{h}");
        let snap = |ui: &Ui, name: &str| {
            insta::assert_snapshot!(format!("{tag}_{size}_{name}"), checked(ui, name));
        };
        let mut ui = Ui::new(lang, w, h, |_| {});
        ui.key('n');
        snap(&ui, "new_record");
        let mut ui = with_record(lang, w, h);
        snap(&ui, "home");
        ui.key('?');
        snap(&ui, "help_home");
        ui.press(KeyCode::Esc);
        ui.press(KeyCode::Enter);
        snap(&ui, "interview");
        ui.key('?');
        snap(&ui, "help_interview");
        ui.press(KeyCode::Esc);
        for (key, name) in ui::RECORD_SCREENS {
            ui.key(key);
            snap(&ui, name);
        }
    }
}

#[test]
fn every_screen_at_every_size_ja() {
    every_screen(Lang::Ja, "ja");
}

#[test]
fn every_screen_at_every_size_en() {
    every_screen(Lang::En, "en");
}

/// At 80×24 the interview's help does not fit one page: Space turns to the next, which holds the
/// rest, and the key after the last page closes it.
#[test]
fn the_help_turns_its_pages_and_then_closes() {
    let mut ui = with_record(Lang::Ja, 80, 24);
    ui.press(KeyCode::Enter);
    ui.key('?');
    let first = ui.screen();
    assert!(first.contains("キー一覧"), "{first}");
    assert!(first.contains("1/"), "{first}");
    ui.key(' ');
    let second = ui.screen();
    assert!(second.contains("キー一覧") && second != first, "{second}");
    for _ in 0..10 {
        ui.key(' ');
    }
    assert!(!ui.screen().contains("キー一覧"), "{}", ui.screen());
}

/// At 60×20 the founders do not all fit under the form: the list follows the choice, so the
/// last founder can be seen when it is chosen.
#[test]
fn at_60x20_the_founder_list_follows_the_choice() {
    let mut ui = Ui::new(Lang::En, 60, 20, |_| {});
    ui.key('n');
    assert!(
        !ui.screen().contains("Other corporation"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Tab).press(KeyCode::Tab);
    for _ in 0..11 {
        ui.press(KeyCode::Down);
    }
    let s = ui.screen();
    assert!(s.contains("● Other corporation"), "{s}");
}

/// What issue 20 found cut at 60×20, in both languages and as a terminal that draws ambiguous
/// characters wide shows it (the frame folded as `--ambiguous-width wide` folds it): the
/// matrix's phase names whole (not `Procur…`) over a map without `????` marks, its total column
/// in the last columns; every screen's title bar ending in its own words, not `…`; the help's
/// closing line whole; every boxed row closed.
#[test]
fn at_60x20_names_titles_and_the_help_are_whole() {
    use shindan::domain::matrix::Catalog;
    use shindan::tui::widgets::symbols::fold_ambiguous;
    for lang in [Lang::Ja, Lang::En] {
        let mut ui = with_record(lang, 60, 20);
        ui.press(KeyCode::Enter);
        for (key, name) in ui::RECORD_SCREENS {
            ui.key(key);
            let lines = ui.lines();
            assert!(
                !lines[0].trim_end().ends_with('…'),
                "{name} {lang:?}: {}",
                lines[0]
            );
            if name == "matrix" {
                let map = ui.screen();
                for p in &Catalog::embedded().phases {
                    assert!(map.contains(p.short(lang)), "{lang:?}:\n{map}");
                }
                assert!(!map.contains("??") && !map.contains("？？"), "{map}");
                let total = lang.pick("計", "All");
                let head = lines.iter().find(|l| l.contains(total)).unwrap();
                assert!(!head.contains('…'), "{head}");
                let last = ui.line_of(total).trim_end().to_string();
                assert!(
                    unicode_width::UnicodeWidthStr::width(last.as_str()) >= 58,
                    "the total column is last: {last}"
                );
            }
            ui.key('?');
            let help = ui.screen();
            assert!(
                ["閉じます", "閉じる", "closes", "close"]
                    .iter()
                    .any(|w| help.contains(w)),
                "{name} {lang:?}:\n{help}"
            );
            assert!(!help.contains("clos…") && !help.contains("閉じ…"), "{help}");
            let mut folded = ui.fresh();
            fold_ambiguous(&mut folded);
            for (y, l) in ui::plain_lines(&folded).iter().enumerate() {
                if l.starts_with('+') {
                    let end = l.trim_end().chars().last();
                    assert!(matches!(end, Some('+' | '|')), "{name} wide row {y}: {l}");
                }
            }
            ui.press(KeyCode::Esc);
        }
    }
}

/// What the lost try found cut, at every size and in both languages: the interview's section
/// names whole (`Vulnerabilities`, not `Vulnerabiliti…`), the overview's coverage legend whole
/// on one row (not `█` above a lone `≥75%`), and the matrix's scenario names whole beside the
/// heat map at 120×40.
#[test]
fn section_names_the_legend_and_scenario_names_are_whole() {
    use shindan::domain::Questionnaire;
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in SIZES {
            let mut ui = with_record(lang, w, h);
            ui.press(KeyCode::Enter);
            let screen = ui.screen();
            for s in &Questionnaire::embedded().sections {
                assert!(
                    screen.contains(s.short(lang)),
                    "{w}x{h} {lang:?}:\n{screen}"
                );
            }
            ui.key('o');
            let legend = ui.lines().into_iter().find(|l| l.contains("<25"));
            let legend = legend.unwrap_or_else(|| panic!("{w}x{h}:\n{}", ui.screen()));
            assert!(
                legend.contains("≥75%"),
                "{w}x{h} {lang:?}:\n{}",
                ui.screen()
            );
        }
        let mut ui = with_record(lang, 120, 40);
        ui.press(KeyCode::Enter).key('m');
        let screen = ui.screen();
        // The side panel ends each row: none of them cut.
        let cut = ui
            .lines()
            .iter()
            .filter(|l| l.trim_end().ends_with('…'))
            .count();
        assert_eq!(cut, 0, "{lang:?}:\n{screen}");
        // The ends of two names the panel used to cut.
        let names = [
            lang.pick("使われるリスク", "passwords stay in use"),
            lang.pick("いないリスク", "authorise the other"),
        ];
        for n in names {
            assert!(screen.contains(n), "{n} {lang:?}:\n{screen}");
        }
    }
}
