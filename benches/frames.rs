//! Frame time: drawing each screen into a 200×60 buffer (target: ≤ 1 ms a frame).
//!
//! `cargo bench --bench frames`

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shindan::domain::validate::answer_from_input;
use shindan::domain::{Lang, Questionnaire, Record};
use shindan::store::Store;
use shindan::tui::app::App;
use shindan::tui::events::Event;
use shindan::tui::theme::Theme;

const PROFILE: &[(&str, &str)] = &[
    ("hospital_name", "聖マリア記念病院"),
    ("beds", "350"),
    ("founder", "medical_corporation"),
    ("associations", "jha"),
];

/// A data dir of `n` records, and an app open on the home screen.
fn app(n: usize, dir: &std::path::Path) -> App {
    let store = Store::open(dir).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap();
    for _ in 0..n {
        store
            .create(2026, |id| {
                let mut r = Record::new(id, at.date_naive(), at);
                for (q, v) in PROFILE {
                    answer_from_input(Questionnaire::embedded(), &mut r, q, v, at).unwrap();
                }
                r
            })
            .unwrap();
    }
    App::new(Lang::Ja, Theme::from_env(), store)
}

fn press(app: &mut App, code: KeyCode) {
    app.handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn frame(c: &mut Criterion, name: &str, app: &App) {
    let mut term = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function(name, |b| {
        b.iter(|| {
            term.draw(|f| app.render(f)).unwrap();
        })
    });
}

fn screens(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(100, dir.path());
    frame(c, "home_100_records_200x60", &app);
    press(&mut app, KeyCode::Enter);
    frame(c, "interview_single_200x60", &app);
    press(&mut app, KeyCode::Char('?'));
    frame(c, "help_200x60", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('n'));
    frame(c, "note_editor_200x60", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Down);
    frame(c, "position_200x60", &app);
    press(&mut app, KeyCode::Tab);
    frame(c, "position_respondents_200x60", &app);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    frame(c, "position_detail_200x60", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('c'));
    frame(c, "checklist_200x60", &app);
    press(&mut app, KeyCode::Char('r'));
    frame(c, "checklist_readiness_200x60", &app);
    press(&mut app, KeyCode::Char('t'));
    frame(c, "contacts_200x60", &app);
    press(&mut app, KeyCode::Char('h'));
    frame(c, "history_200x60", &app);
}

/// The overview of a record with every indicator answered, its four panels and steps.
fn overview(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(1, dir.path());
    press(&mut app, KeyCode::Char('o'));
    frame(c, "overview_200x60", &app);
}

/// The budget screen (b) of a 350-bed hospital with a bracket, side by side at 200×60.
fn budget_screen(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap();
    store
        .create(2026, |id| {
            let mut r = Record::new(id, at.date_naive(), at);
            for (q, v) in PROFILE.iter().chain(&[("budget_bracket", "5m_10m")]) {
                answer_from_input(Questionnaire::embedded(), &mut r, q, v, at).unwrap();
            }
            r
        })
        .unwrap();
    let mut app = App::new(Lang::Ja, Theme::from_env(), store);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('b'));
    frame(c, "budget_200x60", &app);
}

/// The risk matrix of a hospital whose answers preset some controls: the heat map (with the
/// cell's tree and the interview's controls beside it at this width), then the drill-down with
/// the tree and a scenario's controls side by side.
fn matrix(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap();
    let answers: &[(&str, &str)] = &[
        ("vpn_flagged", "yes"),
        ("vpn_patched", "no"),
        ("backup", "yes"),
        ("backup_offline", "yes"),
        ("backup_offsite", "no"),
        ("audit", "once"),
        ("incident_response", "no"),
        ("bcp", "yes"),
        ("insurance", "no"),
    ];
    store
        .create(2026, |id| {
            let mut r = Record::new(id, at.date_naive(), at);
            for (q, v) in PROFILE.iter().chain(answers) {
                answer_from_input(Questionnaire::embedded(), &mut r, q, v, at).unwrap();
            }
            r
        })
        .unwrap();
    let mut app = App::new(Lang::Ja, Theme::from_env(), store);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('m'));
    frame(c, "matrix_heat_map_200x60", &app);
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    frame(c, "matrix_controls_200x60", &app);
}

criterion_group!(benches, screens, overview, budget_screen, matrix);
criterion_main!(benches);
