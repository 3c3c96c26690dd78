//! Next year's record in the terminal UI: what was carried shows as carried, counts for
//! nothing until confirmed, and is confirmed one answer or one section at a time — in a text
//! field with keys no field types (F2, F3), never with the letter `y` it would take.

mod ui;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shindan::domain::{history, Lang, Questionnaire};
use shindan::store::Store;
use shindan::tui::events::Event;
use ui::{add, fixed, Ui};

/// Last year's record (2025) and its copy (2026), the copy listed first.
fn copied(store: &Store) {
    let old = add(
        store,
        &[
            ("hospital_name", "さくら台中央病院"),
            ("beds", "350"),
            ("founder", "medical_corporation"),
            ("associations", "jha"),
            ("revenue", "4500000"),
            ("threat", "yes"),
        ],
    );
    let _ = fixed();
    let clock = shindan::clock::system();
    store
        .create(2026, |id| history::copy(&old, id, &clock))
        .unwrap();
}

fn open_copy() -> Ui {
    let mut ui = Ui::new(Lang::Ja, 120, 40, copied);
    let row = ui.row_of("2026-");
    let first = ui.row_of("2025-");
    if row > first {
        ui.press(KeyCode::Down);
    }
    ui.press(KeyCode::Enter);
    ui
}

/// The copy as saved on disk.
fn the_copy(ui: &Ui) -> shindan::domain::Record {
    ui.record_of("2026-")
}

#[test]
fn a_fresh_copy_is_carried_and_confirmed_by_f2_not_by_y_in_a_text_field() {
    let mut ui = open_copy();
    let qn = Questionnaire::embedded();
    let carried = qn.progress(&the_copy(&ui)).carried;
    assert!(carried > 0);
    let screen = ui.screen();
    assert!(
        screen.contains(&format!("面談 0%（昨年から未確認 {carried}）")),
        "{screen}"
    );
    // The hospital's name: a text field, carried. Its hint and the footer name F2, not y.
    assert!(screen.contains("問 1/"), "{screen}");
    assert!(screen.contains("F2/Ctrl-Y で確認"), "{screen}");
    assert!(ui
        .line_of("F2 昨年のまま確認")
        .contains("F3 節をすべて確認"));
    assert!(!screen.contains("y で確認"), "{screen}");
    for c in ui.app.commands() {
        assert!(
            c.binding().is_some(),
            "{:?} {:?} is not bound",
            c.scope,
            c.intent
        );
    }
    // y is typed into the name; it confirms nothing.
    ui.key('y');
    assert!(ui.screen().contains("さくら台中央病院y"));
    assert!(the_copy(&ui).answers["hospital_name"].carried);
    ui.press(KeyCode::Backspace);
    // F2 confirms the name as it is and goes on.
    ui.press(KeyCode::F(2));
    let r = the_copy(&ui);
    assert!(!r.answers["hospital_name"].carried);
    assert_eq!(
        r.value("hospital_name").unwrap().to_string(),
        "さくら台中央病院"
    );
    assert!(ui.screen().contains("問 2/"), "{}", ui.screen());
    assert_eq!(qn.progress(&r).carried, carried - 1);
}

#[test]
fn a_section_is_confirmed_at_once_and_counts_as_progress() {
    let mut ui = open_copy();
    let qn = Questionnaire::embedded();
    let before = qn.progress(&the_copy(&ui));
    assert_eq!(before.answered, 0);
    // The sections column says what waits: *n before the count.
    let section = &qn.sections[0];
    let p = qn.section_progress(section, &the_copy(&ui));
    assert!(
        ui.screen()
            .contains(&format!("*{} 0/{}", p.carried, p.total)),
        "{}",
        ui.screen()
    );
    // Ctrl-T from inside the name's field (a key every terminal sends, where Tera Term may keep
    // F3 or Alt for itself): the whole 基本情報 section, unchanged.
    ui.ctrl('t');
    let r = the_copy(&ui);
    let after = qn.section_progress(section, &r);
    assert_eq!(after.carried, 0);
    assert!(after.answered > 0);
    assert!(
        ui.screen().contains("そのまま確認しました"),
        "{}",
        ui.screen()
    );
    assert!(ui
        .screen()
        .contains(&format!("✓{}/{}", after.answered, after.total)));
    // The other sections still wait, and the title's percent moved off 0.
    assert!(qn.progress(&r).carried > 0);
    assert!(!ui.screen().contains("面談 0%"), "{}", ui.screen());
}

#[test]
fn at_a_choice_question_y_confirms_and_shift_y_the_section() {
    let mut ui = open_copy();
    // Tab to the founder (a choice question), carried: y and Y are offered there.
    ui.press(KeyCode::Tab).press(KeyCode::Tab);
    let screen = ui.screen();
    assert!(screen.contains("y で確認、Y で節をすべて確認"), "{screen}");
    assert!(ui.line_of("y 昨年のまま確認").contains("Y 節をすべて確認"));
    ui.key('y');
    assert!(!the_copy(&ui).answers["founder"].carried);
    ui.key('Y');
    let r = the_copy(&ui);
    let qn = Questionnaire::embedded();
    assert_eq!(qn.section_progress(&qn.sections[0], &r).carried, 0);
}

#[test]
fn a_number_echoes_what_is_typed_with_its_reading_and_warns_off_the_bed_class() {
    let mut ui = open_copy();
    for _ in 0..4 {
        ui.press(KeyCode::Tab);
    }
    assert!(ui.screen().contains("問 5/"), "{}", ui.screen());
    // The saved 4,500,000 千円, read out.
    assert!(
        ui.screen().contains("= 4,500,000千円 = 45億円"),
        "{}",
        ui.screen()
    );
    for _ in 0..7 {
        ui.press(KeyCode::Backspace);
    }
    for c in "450000".chars() {
        ui.key(c);
    }
    // Before Enter: what is typed, not what is saved.
    let screen = ui.screen();
    assert!(screen.contains("= 450,000千円 = 4億5,000万円"), "{screen}");
    assert!(!screen.contains("45億円"), "{screen}");
    use shindan::domain::budget::typed::implausible_revenue;
    let average = implausible_revenue(450, 350).expect("450千円 is implausible for 350 beds");
    for _ in 0..3 {
        ui.press(KeyCode::Backspace);
    }
    // 450 千円 (a 千円/円 slip the other way): the warning names the 図２ average.
    let screen = ui.screen();
    assert!(screen.contains("= 450千円 = 45万円"), "{screen}");
    let said = shindan::domain::budget::spoken::say(average, Lang::Ja);
    assert!(screen.contains("倍以上離れています"), "{screen}");
    assert!(screen.contains(&said), "{said}\n{screen}");
}

#[test]
fn the_overview_says_a_fresh_copy_is_0_percent_and_enter_on_a_step_opens_its_place() {
    let mut ui = open_copy();
    let carried = Questionnaire::embedded().progress(&the_copy(&ui)).carried;
    ui.app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('o'),
        KeyModifiers::ALT,
    )));
    ui.draw();
    let screen = ui.screen();
    assert!(
        screen.contains(&format!("確認済み 0%（昨年から未確認 {carried}）")),
        "{screen}"
    );
    // The steps in full; the first is what was carried: Enter opens the interview there.
    ui.press(KeyCode::Tab);
    assert!(ui.screen().contains("▶ 1."), "{}", ui.screen());
    for c in ui.app.commands() {
        assert!(c.binding().is_some(), "{:?} {:?}", c.scope, c.intent);
    }
    ui.press(KeyCode::Enter);
    assert!(ui.screen().contains("— 面談"), "{}", ui.screen());
}

/// The home screen's list says what `shindan list` says of a fresh copy: 0% done and the
/// answers it carries, not a bare 0% — in both languages, at 80 columns too.
#[test]
fn the_record_list_shows_a_copys_carried_answers_as_the_cli_list_does() {
    for (lang, w) in [(Lang::Ja, 120), (Lang::Ja, 80), (Lang::En, 80)] {
        let ui = Ui::new(lang, w, 24, copied);
        let copy = the_copy(&ui);
        let p = Questionnaire::embedded().progress(&copy);
        assert!(p.carried > 0);
        let said = match lang {
            Lang::Ja => format!("0%（引継{}）", p.carried),
            Lang::En => format!("0% ({} carried)", p.carried),
        };
        assert_eq!(p.render(lang), said);
        let row = ui.line_of("2026-");
        assert!(row.contains(&said), "{w}: {}", ui.screen());
        assert!(row.contains("さくら台"), "{w}: {}", ui.screen());
    }
}
