//! Commands are data: every hint a screen's footer shows names a binding of the table in its
//! scope, and a key the table does not bind does nothing on a screen where no text is typed.

mod ui;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shindan::domain::Lang;
use shindan::tui::events::Event;
use shindan::tui::keys::{self, Scope};
use ui::Ui;

fn open_record() -> Ui {
    Ui::opened(Lang::Ja, 120, 40, &ui::SAMPLE[..4])
}

/// Every command on offer names a binding the table has, in the command's scope (or globally),
/// and the footer draws at least one hint.
fn offers_only_bound_commands(ui: &Ui, state: &str) {
    let commands = ui.app.commands();
    assert!(!commands.is_empty(), "{state}: no commands");
    for c in &commands {
        assert!(
            c.binding().is_some(),
            "{state}: {:?} {:?} is not in the binding table",
            c.scope,
            c.intent
        );
    }
}

/// Keys a screen could be tempted to handle on its own.
fn candidates() -> Vec<KeyEvent> {
    let mut codes: Vec<KeyCode> = (b'!'..=b'~').map(|b| KeyCode::Char(b as char)).collect();
    codes.extend((2..=11).map(KeyCode::F));
    codes.extend([
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Insert,
        KeyCode::Delete,
        KeyCode::Backspace,
    ]);
    codes
        .into_iter()
        .map(|c| KeyEvent::new(c, KeyModifiers::NONE))
        .collect()
}

/// On a screen where no text field is focused, a key bound in none of the scopes the screen
/// offers (nor the record's nor the global ones) leaves the screen as it was.
fn unbound_keys_do_nothing(ui: &mut Ui, state: &str, extra: &[Scope]) {
    let mut scopes: Vec<Scope> = ui.app.commands().iter().map(|c| c.scope).collect();
    scopes.extend([Scope::Record, Scope::Global]);
    scopes.extend_from_slice(extra);
    let before = ui.screen();
    for key in candidates() {
        if scopes.iter().any(|s| keys::intent_in(*s, &key).is_some()) {
            continue;
        }
        ui.app.handle(Event::Key(key));
        ui.draw();
        assert_eq!(
            ui.screen(),
            before,
            "{state}: {:?} is bound nowhere, yet it changed the screen",
            key.code
        );
    }
}

#[test]
fn the_home_screen_and_its_overlays_offer_only_bound_commands() {
    let mut ui = open_record();
    ui.press(KeyCode::Esc);
    offers_only_bound_commands(&ui, "home");
    unbound_keys_do_nothing(&mut ui, "home", &[]);
    ui.key('e');
    offers_only_bound_commands(&ui, "export overlay");
    unbound_keys_do_nothing(&mut ui, "export overlay", &[]);
    ui.press(KeyCode::Esc).key('/');
    offers_only_bound_commands(&ui, "filter");
    ui.press(KeyCode::Esc).key('n');
    offers_only_bound_commands(&ui, "new record");
}

#[test]
fn every_screen_of_a_record_offers_only_bound_commands() {
    let mut ui = open_record();
    offers_only_bound_commands(&ui, "interview");
    // At a choice question: the digits choose (their own scope), the rest is the table's.
    unbound_keys_do_nothing(&mut ui, "interview", &[Scope::Choices]);
    for (c, state) in ui::RECORD_SCREENS {
        ui.alt(c);
        offers_only_bound_commands(&ui, state);
        unbound_keys_do_nothing(&mut ui, state, &[]);
    }
}

#[test]
fn the_deeper_states_offer_only_bound_commands() {
    let mut ui = open_record();
    ui.alt('m');
    ui.press(KeyCode::Enter);
    offers_only_bound_commands(&ui, "matrix tree");
    unbound_keys_do_nothing(&mut ui, "matrix tree", &[]);
    ui.press(KeyCode::Enter);
    offers_only_bound_commands(&ui, "matrix controls");
    ui.key('n');
    offers_only_bound_commands(&ui, "matrix note");
    ui.press(KeyCode::Esc);
    ui.alt('c');
    ui.key('v');
    offers_only_bound_commands(&ui, "vendors");
    unbound_keys_do_nothing(&mut ui, "vendors", &[]);
    ui.key('r');
    assert!(ui.screen().contains("返却された事業者確認用を取り込む"));
    offers_only_bound_commands(&ui, "vendor import prompt");
    ui.press(KeyCode::Esc);
    ui.key('a');
    offers_only_bound_commands(&ui, "vendor form");
    for c in "A社".chars() {
        ui.key(c);
    }
    ui.press(KeyCode::Enter);
    for c in "PACS".chars() {
        ui.key(c);
    }
    ui.press(KeyCode::Enter);
    ui.key('w');
    assert!(
        ui.screen().contains("事業者確認用を書き出す"),
        "{}",
        ui.screen()
    );
    offers_only_bound_commands(&ui, "vendor write prompt");
    ui.press(KeyCode::Esc).press(KeyCode::Esc).key('n');
    offers_only_bound_commands(&ui, "checklist answer");
    ui.press(KeyCode::Esc);
    ui.alt('p');
    ui.press(KeyCode::Enter);
    offers_only_bound_commands(&ui, "position details");
    unbound_keys_do_nothing(&mut ui, "position details", &[]);
}

#[test]
fn the_walk_through_offers_only_bound_commands() {
    let mut ui = open_record();
    ui.alt('m');
    ui.key('w');
    offers_only_bound_commands(&ui, "walk-through");
    unbound_keys_do_nothing(&mut ui, "walk-through", &[]);
    ui.key('n');
    offers_only_bound_commands(&ui, "walk-through note");
    ui.press(KeyCode::Esc).key('r');
    offers_only_bound_commands(&ui, "walk-through review");
}
