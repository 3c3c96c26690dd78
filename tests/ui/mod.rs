//! The screen-test harness shared by the screen tests: a record store in a temporary dir, the
//! app on ratatui's TestBackend, keys in, and the screen out as a user reads it (drawn afresh,
//! one line per row, each wide character once). Each test file uses a part of it.
#![allow(dead_code)]

use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shindan::domain::validate::answer_from_input;
use shindan::domain::{Lang, Questionnaire, Record};
use shindan::store::Store;
use shindan::tui::app::App;
use shindan::tui::events::Event;
use shindan::tui::theme::Theme;

/// A hospital's first answers, enough to open every screen of its record.
pub const SAMPLE: [(&str, &str); 5] = [
    ("hospital_name", "聖マリア記念病院"),
    ("beds", "350"),
    ("founder", "medical_corporation"),
    ("associations", "jha"),
    ("threat", "yes"),
];

/// The screens of an open record, each by its key and a name for its snapshot.
pub const RECORD_SCREENS: [(char, &str); 7] = [
    ('p', "position"),
    ('b', "budget"),
    ('m', "matrix"),
    ('c', "checklist"),
    ('t', "contacts"),
    ('o', "overview"),
    ('h', "history"),
];

/// Times on screen are local: the zone is pinned (once, before any clock is read) so that no
/// snapshot depends on the machine's.
pub fn utc() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| unsafe { std::env::set_var("TZ", "UTC") });
}

pub fn fixed() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 1, 9, 30, 0).unwrap()
}

pub fn add(store: &Store, answers: &[(&str, &str)]) -> Record {
    store
        .create(2025, |id| {
            let mut r = Record::new(id, fixed().date_naive(), fixed());
            for (q, v) in answers {
                answer_from_input(Questionnaire::embedded(), &mut r, q, v, fixed())
                    .unwrap_or_else(|e| panic!("{q}={v}: {e}"));
            }
            r
        })
        .unwrap()
}

pub struct Ui {
    /// The data dir the app's store is opened on.
    pub dir: tempfile::TempDir,
    pub app: App,
    pub term: Terminal<TestBackend>,
}

impl Ui {
    pub fn new(lang: Lang, w: u16, h: u16, setup: impl FnOnce(&Store)) -> Ui {
        utc();
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        setup(&store);
        let app = App::new(lang, Theme { color: true }, store);
        let mut ui = Ui {
            dir,
            app,
            term: Terminal::new(TestBackend::new(w, h)).unwrap(),
        };
        ui.draw();
        ui
    }

    /// One record with `answers`, opened (Enter on the list) where it resumes.
    pub fn opened(lang: Lang, w: u16, h: u16, answers: &[(&str, &str)]) -> Ui {
        let mut ui = Ui::new(lang, w, h, |s| {
            add(s, answers);
        });
        ui.press(KeyCode::Enter);
        ui
    }

    pub fn draw(&mut self) {
        let app = &self.app;
        let area = self.term.draw(|f| app.draw(f)).unwrap().area;
        self.app.set_area(area);
    }

    pub fn event(&mut self, key: KeyEvent) -> &mut Self {
        self.app.handle(Event::Key(key));
        self.draw();
        self
    }

    pub fn press(&mut self, code: KeyCode) -> &mut Self {
        self.event(KeyEvent::new(code, KeyModifiers::NONE))
    }

    pub fn key(&mut self, c: char) -> &mut Self {
        self.press(KeyCode::Char(c))
    }

    pub fn ctrl(&mut self, c: char) -> &mut Self {
        self.event(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
    }

    pub fn alt(&mut self, c: char) -> &mut Self {
        self.event(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT))
    }

    /// Each character of `s` pressed in turn.
    pub fn typed(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(c);
        }
        self
    }

    /// Empties the focused one-line field (of up to 20 characters).
    pub fn erase(&mut self) -> &mut Self {
        for _ in 0..20 {
            self.press(KeyCode::Backspace);
        }
        self
    }

    /// The screen as a user reads it: drawn afresh, one line per row, wide characters once.
    pub fn lines(&self) -> Vec<String> {
        plain_lines(&self.fresh())
    }

    pub fn screen(&self) -> String {
        self.lines().join("\n") + "\n"
    }

    /// Every page of the open help overlay (Space turns them) as one text, the help closed
    /// after.
    pub fn help_pages(&mut self) -> String {
        // The long form or, in a narrow box, the short one (`Space 次へ`, `Space next (1/2)`).
        let turn = |s: &str| {
            s.contains("Space 次のページ") || s.contains("Space 次へ") || s.contains("Space next")
        };
        let mut all = self.screen();
        while turn(&self.screen()) {
            self.key(' ');
            if !turn(&self.screen()) {
                break;
            }
            all.push_str(&self.screen());
        }
        all
    }

    pub fn fresh(&self) -> ratatui::buffer::Buffer {
        let area = self.term.backend().buffer().area;
        let mut fresh = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
        fresh.draw(|f| self.app.draw(f)).unwrap();
        fresh.backend().buffer().clone()
    }

    pub fn row_of(&self, text: &str) -> usize {
        self.lines()
            .iter()
            .position(|l| l.contains(text))
            .unwrap_or_else(|| panic!("{text:?} not on screen:\n{}", self.screen()))
    }

    pub fn line_of(&self, text: &str) -> String {
        self.lines()[self.row_of(text)].clone()
    }

    pub fn has(&self, text: &str) -> bool {
        self.screen().contains(text)
    }

    #[track_caller]
    pub fn shows(&self, text: &str) {
        assert!(self.has(text), "{text:?} not on screen:\n{}", self.screen());
    }

    /// The store on the data dir, opened again as another process would.
    pub fn store(&self) -> Store {
        Store::open(self.dir.path()).unwrap()
    }

    /// The open record as the session holds it.
    pub fn record(&self) -> &Record {
        &self.app.session.as_ref().expect("a record is open").record
    }

    /// The open record as its file holds it.
    pub fn on_disk(&self) -> Record {
        self.store().load(&self.record().id).unwrap()
    }

    /// The open record's file, byte for byte.
    pub fn file(&self) -> Vec<u8> {
        std::fs::read(self.dir.path().join(format!("{}.json", self.record().id))).unwrap()
    }

    /// The record on disk whose id starts with `prefix` (a year: `"2026-"`).
    pub fn record_of(&self, prefix: &str) -> Record {
        self.store()
            .list()
            .unwrap()
            .records
            .into_iter()
            .find(|r| r.id.to_string().starts_with(prefix))
            .unwrap_or_else(|| panic!("no record {prefix}…"))
    }

    /// On the record list, moves the selection from the first of two records to the one whose
    /// row shows `prefix` (the list's order is the store's).
    pub fn select_second(&mut self, prefix: &str, other: &str) -> &mut Self {
        if self.row_of(prefix) > self.row_of(other) {
            self.press(KeyCode::Down);
        }
        self
    }
}

/// A buffer as a user reads it: one line per row, each wide character once (its continuation
/// cell skipped).
pub fn plain_lines(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..buf.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
                line.push_str(sym);
            }
            line
        })
        .collect()
}
