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
    pub _dir: tempfile::TempDir,
    pub app: App,
    pub term: Terminal<TestBackend>,
}

impl Ui {
    pub fn new(lang: Lang, w: u16, h: u16, setup: impl FnOnce(&Store)) -> Ui {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        setup(&store);
        let app = App::new(lang, Theme { color: true }, store);
        let mut ui = Ui {
            _dir: dir,
            app,
            term: Terminal::new(TestBackend::new(w, h)).unwrap(),
        };
        ui.draw();
        ui
    }

    pub fn draw(&mut self) {
        let app = &self.app;
        let area = self.term.draw(|f| app.draw(f)).unwrap().area;
        self.app.set_area(area);
    }

    pub fn press(&mut self, code: KeyCode) -> &mut Self {
        self.app
            .handle(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        self.draw();
        self
    }

    pub fn key(&mut self, c: char) -> &mut Self {
        self.press(KeyCode::Char(c))
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
