//! The terminal UI when what it holds or receives was written by someone hostile: control
//! characters in a record are drawn visibly on every screen, and typed or pasted ones are
//! refused with a message.

mod ui;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shindan::domain::Lang;
use shindan::store::Store;
use shindan::tui::events::Event;
use ui::*;

const RETITLE: &str = "\u{1b}]0;PWNED\u{7}";

/// Whether any cell of the frame would send a control character to the terminal.
fn raw_controls(ui: &Ui) -> Vec<String> {
    let buf = ui.fresh();
    buf.content()
        .iter()
        .map(|c| c.symbol())
        .filter(|s| s.contains(char::is_control))
        .map(|s| format!("{s:?}"))
        .collect()
}

/// The sample record, its name and a note rewritten in the file as an older or foreign
/// shindan might have left them (input refuses them now).
fn hostile(store: &Store) {
    let r = add(store, &SAMPLE);
    let path = store.path_of(&r.id);
    let json = std::fs::read_to_string(&path).unwrap();
    let name = serde_json::to_string(&format!("悪意{RETITLE}病院\u{9b}2J")).unwrap();
    std::fs::write(&path, json.replace("\"聖マリア記念病院\"", &name)).unwrap();
}

#[test]
fn control_characters_in_a_record_are_drawn_visibly_on_every_screen() {
    for lang in [Lang::Ja, Lang::En] {
        let mut ui = Ui::new(lang, 100, 30, hostile);
        assert!(
            ui.screen().contains("悪意␛]0;PWNED␇病院␦2J"),
            "{}",
            ui.screen()
        );
        assert_eq!(raw_controls(&ui), Vec::<String>::new(), "home");
        ui.press(KeyCode::Enter);
        assert_eq!(raw_controls(&ui), Vec::<String>::new(), "interview");
        for (key, name) in RECORD_SCREENS {
            ui.press(KeyCode::Esc);
            ui.app.handle(Event::Key(KeyEvent::new(
                KeyCode::Char(key),
                KeyModifiers::ALT,
            )));
            ui.draw();
            assert_eq!(raw_controls(&ui), Vec::<String>::new(), "{name} {lang:?}");
        }
    }
}

fn at_note(lang: Lang) -> Ui {
    let mut ui = Ui::new(lang, 80, 24, |s| {
        add(s, &SAMPLE);
    });
    ui.press(KeyCode::Enter).key('n');
    ui
}

#[test]
fn a_paste_or_key_with_a_control_character_is_refused_with_a_message() {
    for (lang, expect) in [
        (Lang::Ja, "制御文字 ^[ は入力できません"),
        (Lang::En, "the control character ^[ cannot be typed"),
    ] {
        let mut ui = at_note(lang);
        ui.app.handle(Event::Paste(format!("メモ{RETITLE}")));
        ui.draw();
        let screen = ui.screen();
        assert!(screen.contains(expect), "{screen}");
        assert!(
            !screen.contains("PWNED"),
            "nothing of it was pasted: {screen}"
        );
        // Text arriving too fast to be typed is a paste too.
        let typed: Vec<KeyEvent> = "ab\u{9b}2J"
            .chars()
            .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
            .collect();
        ui.app.handle(Event::Typed(typed));
        ui.draw();
        assert!(ui.screen().contains("<U+009B>"), "{}", ui.screen());
        // A C1 character typed alone.
        ui.key('\u{9b}');
        assert!(ui.screen().contains("<U+009B>"), "{}", ui.screen());
        // Line breaks and tabs are a note's own.
        ui.app.handle(Event::Paste("一行目\n二行目\tタブ".into()));
        ui.press(KeyCode::Esc);
        assert!(raw_controls(&ui).is_empty());
        let store = Store::open(ui.dir.path()).unwrap();
        let id = store.list().unwrap().records[0].id.clone();
        let r = store.load(&id).unwrap();
        let notes: Vec<&String> = r.notes.values().collect();
        assert_eq!(
            notes,
            vec!["一行目\n二行目\tタブ"],
            "only the clean paste kept"
        );
    }
}
