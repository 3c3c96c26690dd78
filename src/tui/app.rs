//! The application: a stack of screens over one open record, the event loop, and the one path by
//! which every way of leaving (q, Ctrl-C, SIGHUP, SIGTERM, a panic) saves what was typed.

use super::commands::{self, Command};
use super::events::{Event, Source};
use super::keys::{self, Intent, Pane, Scope};
use super::screens::{self, help, home::Home, interview::Interview};
use super::session::Session;
use super::terminal::{self, Guard};
use super::theme::Theme;
use crate::domain::survey::Comparing;
use crate::domain::{Lang, RecordId};
use crate::store::Store;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::panic::{self, AssertUnwindSafe};
use std::time::{Duration, Instant};

mod draw;

/// Below this the layout cannot show a question and its options; the screen says so instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// Drafts typed but not committed are written this long after the last keystroke, so that even
/// a crash that no handler sees (power, SIGKILL) loses at most a few seconds of typing.
const DRAFT_SAVE_AFTER: Duration = Duration::from_secs(2);

/// What a screen hands back after a key: the App applies it.
pub enum Action {
    None,
    Quit,
    Back,
    Push(Box<dyn Screen>),
    Replace(Box<dyn Screen>),
    OpenRecord(RecordId),
    /// Opens a record and goes straight to one of its panes (the interview stays beneath, so
    /// Esc returns to it).
    OpenPane(RecordId, Pane),
    /// Goes to a pane of the open record, as its record key does (the overview's Enter).
    Show(Pane),
    /// Goes to a pane and there to the place a next step is done (the overview's Enter on a
    /// step): the pane opens as [`Action::Show`], then [`Screen::open_at`] finds the place.
    ShowAt(Pane, crate::domain::overview::Target),
    Flash(String),
}

/// What a screen may use while handling a key.
pub struct Env<'a> {
    pub lang: Lang,
    pub store: &'a Store,
    /// The survey the run compares with (`--survey`, else 2022's): what the overview, the
    /// position and the exported report are figured against.
    pub survey: Comparing,
    pub session: Option<&'a mut Session>,
}

/// What a screen may read while drawing. Drawing never changes anything.
pub struct View<'a> {
    pub lang: Lang,
    pub theme: Theme,
    pub session: Option<&'a Session>,
}

pub trait Screen {
    fn scope(&self) -> Scope;
    /// The title bar's text.
    fn title(&self, view: &View) -> String;
    /// The commands the screen offers in its present state, in the footer's order: the app
    /// draws the footer from them (see [`super::commands`]).
    fn commands(&self, view: &View) -> Vec<Command>;
    /// Handles a key: `None` when the screen did not take it, so that the global bindings may.
    fn handle_key(&mut self, key: KeyEvent, env: &mut Env) -> Option<Action>;
    fn handle_paste(&mut self, _text: &str, _env: &mut Env) -> Action {
        Action::None
    }
    fn render(&self, frame: &mut Frame, area: Rect, view: &View);
    /// Moves what is being typed into the record's drafts, before the screen is left or the
    /// program ends.
    fn keep_drafts(&mut self, _session: &mut Session) {}
    /// Called when the screen is shown again after the one above it was closed.
    fn resume(&mut self, _env: &mut Env) {}
    /// Moves to where a next step's target is done, when the screen has that place.
    fn open_at(&mut self, _target: &crate::domain::overview::Target, _env: &mut Env) {}
    /// Lines shown in the help overlay after the key table (keys that are not in it, such as
    /// the digits that pick an option).
    fn help_extra(&self, _lang: Lang) -> Vec<(String, String)> {
        Vec::new()
    }
    /// Which pane of the record this screen is, for the record keys (p, b, m…).
    fn pane(&self) -> Option<Pane> {
        None
    }
    /// Work left until after the first frame (the home screen's records beyond a screenful);
    /// whether there was any, and so the screen changed.
    fn idle(&mut self, _env: &mut Env) -> bool {
        false
    }
}

pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub store: Store,
    /// The survey the run compares with, handed to the screens (see [`App::with_survey`]).
    pub survey: Comparing,
    pub session: Option<Session>,
    /// Frames are folded for a terminal that draws ambiguous characters wide ([`App::draw`]).
    pub ambiguous_wide: bool,
    /// Keys typed before the first frame, read by the start-up probe: handled first.
    pub typed_ahead: Vec<KeyEvent>,
    stack: Vec<Box<dyn Screen>>,
    /// The help overlay's page, while it is open.
    help: Option<usize>,
    /// The terminal's size at the last frame: the help's pages depend on it.
    area: Rect,
    flash: Option<String>,
    quit: bool,
    draft_due: Option<Instant>,
}

impl App {
    pub fn new(lang: Lang, theme: Theme, store: Store) -> App {
        App::starting(lang, theme, store, usize::MAX)
    }

    /// An app whose home screen reads only the `first` most recent records before its first
    /// frame; [`App::idle`] reads the rest.
    pub fn starting(lang: Lang, theme: Theme, store: Store, first: usize) -> App {
        let home = Home::load_first(&store, lang, first);
        App {
            lang,
            theme,
            store,
            survey: Comparing::default(),
            session: None,
            ambiguous_wide: false,
            typed_ahead: Vec::new(),
            stack: vec![Box::new(home)],
            help: None,
            area: Rect::new(0, 0, 80, 24),
            flash: None,
            quit: false,
            draft_due: None,
        }
    }

    /// Compares with `survey` (the run's `--survey`) instead of the 2022 survey.
    pub fn with_survey(mut self, survey: Comparing) -> App {
        self.survey = survey;
        self
    }

    /// The commands the top screen offers now, as its footer draws them (and as the tests
    /// check them against the binding table).
    pub fn commands(&self) -> Vec<Command> {
        let view = View {
            lang: self.lang,
            theme: self.theme,
            session: self.session.as_ref(),
        };
        self.stack
            .last()
            .map(|top| top.commands(&view))
            .unwrap_or_default()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    fn top(&mut self) -> &mut Box<dyn Screen> {
        // The stack always holds the home screen at the bottom.
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }

    /// Handles one event. Returns whether anything may have changed on screen.
    pub fn handle(&mut self, event: Event) -> bool {
        // Nothing acts on a half-read list (the run loop normally finished it long before).
        self.idle();
        match event {
            Event::Key(key) => self.key(key),
            Event::Typed(keys) if !matches!(self.top().scope(), Scope::Note | Scope::Fields) => {
                // Outside a note or a form's field, characters act one by one, as typed.
                for key in keys {
                    self.key(key);
                    if self.quit {
                        break;
                    }
                }
            }
            Event::Typed(keys) => {
                let text: String = keys.iter().filter_map(super::events::typed).collect();
                self.paste(&text);
            }
            Event::Paste(text) => self.paste(&text),
            Event::Resize => {}
            Event::Signal(_) | Event::InputGone => self.quit = true,
        }
        true
    }

    /// Text pasted (or arriving too fast to be typed) goes to the top screen as one edit. A
    /// paste holding a control character (other than a line break or tab) is refused whole,
    /// saying which: what follows an ESC is the rest of an escape sequence, not text.
    fn paste(&mut self, text: &str) {
        if let Some(c) = crate::domain::limits::control_character(text, true) {
            self.flash = Some(self.control_refused(c));
            return;
        }
        let mut env = Env {
            lang: self.lang,
            survey: self.survey,
            store: &self.store,
            session: self.session.as_mut(),
        };
        let last = self.stack.len() - 1;
        let action = self.stack[last].handle_paste(text, &mut env);
        self.apply(action);
        self.note_typing();
    }

    /// Why a control character typed or pasted was not taken, in the UI's language.
    fn control_refused(&self, c: char) -> String {
        let c = crate::domain::limits::shown(c);
        self.lang
            .pick_with(
                || format!("制御文字 {c} は入力できません（端末やファイルで命令として働きます）：取り除いてから入力してください"),
                || format!("the control character {c} cannot be typed (it would act on terminals and files): remove it and try again"),
            )
    }

    fn key(&mut self, key: KeyEvent) {
        // Fault injection for the end-to-end test of a panic (debug builds only): what was typed
        // must survive a bug in any screen, so the test needs a way to cause one.
        #[cfg(debug_assertions)]
        if key.code == crossterm::event::KeyCode::F(12)
            && std::env::var_os("SHINDAN_TEST_PANIC").is_some()
        {
            panic!("panic injected by SHINDAN_TEST_PANIC");
        }
        self.flash = None;
        if let KeyCode::Char(c) = key.code {
            // A C1 character (U+0080–U+009F) arrives as a character, not as a key.
            if c.is_control() {
                self.flash = Some(self.control_refused(c));
                return;
            }
        }
        if let Some(page) = self.help {
            // Space or PgDn turns a page; any other key closes the help and does nothing else.
            let turn = matches!(key.code, KeyCode::Char(' ') | KeyCode::PageDown);
            self.help = (turn && page + 1 < self.help_pages()).then_some(page + 1);
            return;
        }
        let scope = self.top().scope();
        // Ctrl-C quits from anywhere, even from inside a text field.
        if keys::intent(Scope::Global, &key) == Some(Intent::Quit) {
            self.quit = true;
            return;
        }
        // Alt with a record key goes to that screen even from inside a text field, where the
        // plain letter is typed.
        if self.session.is_some() && key.modifiers.contains(KeyModifiers::ALT) {
            let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
            if let Some(Intent::Show(pane)) = keys::intent_in(Scope::Record, &plain) {
                if let (Some(session), Some(top)) = (self.session.as_mut(), self.stack.last_mut()) {
                    top.keep_drafts(session);
                }
                self.show(pane);
                return;
            }
        }
        let mut env = Env {
            lang: self.lang,
            survey: self.survey,
            store: &self.store,
            session: self.session.as_mut(),
        };
        let last = self.stack.len() - 1;
        match self.stack[last].handle_key(key, &mut env) {
            Some(action) => self.apply(action),
            None => {
                let record_key = match self.session {
                    Some(_) => keys::intent_in(Scope::Record, &key),
                    None => None,
                };
                if let Some(Intent::Show(pane)) = record_key {
                    self.show(pane);
                } else if keys::intent(scope, &key) == Some(Intent::Help) {
                    self.help = Some(0);
                }
            }
        }
        self.note_typing();
    }

    /// Schedules a draft save when the open record has unsaved typing.
    fn note_typing(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let last = self.stack.len() - 1;
        self.stack[last].keep_drafts(session);
        if session.has_unsaved() && self.draft_due.is_none() {
            self.draft_due = Some(Instant::now() + DRAFT_SAVE_AFTER);
        }
    }

    /// Does what the top screen left until after the first frame; whether anything changed.
    pub fn idle(&mut self) -> bool {
        let mut env = Env {
            lang: self.lang,
            survey: self.survey,
            store: &self.store,
            session: self.session.as_mut(),
        };
        let last = self.stack.len() - 1;
        self.stack[last].idle(&mut env)
    }

    /// How long the loop may sleep before a pending draft save is due; `None` sleeps until the
    /// next event.
    pub fn next_deadline(&self) -> Option<Duration> {
        self.draft_due
            .map(|t| t.saturating_duration_since(Instant::now()))
    }

    /// A deadline passed: write pending drafts.
    pub fn timeout(&mut self) {
        self.draft_due = None;
        if let Some(s) = self.session.as_mut() {
            s.flush();
        }
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::None => {}
            Action::Quit => self.quit = true,
            Action::Flash(m) => self.flash = Some(m),
            Action::Push(s) => self.stack.push(s),
            Action::Replace(s) => {
                self.stack.pop();
                self.stack.push(s);
                if self.stack.len() == 1 {
                    self.close_record();
                }
            }
            Action::Back => {
                if self.stack.len() > 1 {
                    if let (Some(session), Some(top)) =
                        (self.session.as_mut(), self.stack.last_mut())
                    {
                        top.keep_drafts(session);
                    }
                    self.stack.pop();
                    if self.stack.len() == 1 {
                        self.close_record();
                    }
                    let mut env = Env {
                        lang: self.lang,
                        survey: self.survey,
                        store: &self.store,
                        session: self.session.as_mut(),
                    };
                    let last = self.stack.len() - 1;
                    self.stack[last].resume(&mut env);
                } else {
                    self.quit = true;
                }
            }
            Action::OpenRecord(id) => self.open_record(&id),
            Action::Show(pane) => self.show(pane),
            Action::ShowAt(pane, target) => {
                self.show(pane);
                let mut env = Env {
                    lang: self.lang,
                    survey: self.survey,
                    store: &self.store,
                    session: self.session.as_mut(),
                };
                let last = self.stack.len() - 1;
                self.stack[last].open_at(&target, &mut env);
            }
            Action::OpenPane(id, pane) => {
                self.open_record(&id);
                if self.session.is_some() {
                    self.show(pane);
                }
            }
        }
    }

    /// Goes to a pane of the open record: back down to it when it is already open beneath,
    /// else opened on top (so Esc returns to where the user came from).
    fn show(&mut self, pane: Pane) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let beneath = if pane == Pane::Interview {
            Some(1)
        } else {
            self.stack.iter().position(|s| s.pane() == Some(pane))
        };
        match beneath {
            Some(i) if i < self.stack.len() => {
                for screen in self.stack.iter_mut().skip(i + 1) {
                    screen.keep_drafts(session);
                }
                self.stack.truncate(i + 1);
                let mut env = Env {
                    lang: self.lang,
                    survey: self.survey,
                    store: &self.store,
                    session: self.session.as_mut(),
                };
                let last = self.stack.len() - 1;
                self.stack[last].resume(&mut env);
            }
            _ => match screens::open(pane, session, self.lang, self.survey.survey()) {
                Some(screen) => self.stack.push(screen),
                None => {
                    self.flash = Some(
                        self.lang
                            .pick(
                                "この画面を開けません（チェックリストの版がありません）",
                                "That screen cannot open (no checklist edition)",
                            )
                            .to_string(),
                    )
                }
            },
        }
    }

    fn open_record(&mut self, id: &RecordId) {
        self.close_record();
        match Session::open_in(&self.store, id, self.lang) {
            Ok(session) => {
                let screen = Interview::new(&session, self.lang);
                // A record whose interview is done opens on its overview, the interview beneath
                // (Esc or i goes to it).
                let progress = crate::domain::Questionnaire::embedded().progress(&session.record);
                let overview = (progress.total > 0 && progress.answered == progress.total)
                    .then(|| {
                        screens::open(Pane::Overview, &session, self.lang, self.survey.survey())
                    })
                    .flatten();
                if let Some(h) = &session.held_by {
                    self.flash = Some(self.lang.pick_with(
                        || format!("読み取り専用で開きました：{}", h.message(self.lang)),
                        || format!("opened read-only: {}", h.message(self.lang)),
                    ));
                }
                self.session = Some(session);
                self.stack.truncate(1);
                self.stack.push(Box::new(screen));
                self.stack.extend(overview);
            }
            Err(e) => self.flash = Some(crate::edge::Failure::from_store(e, self.lang).to_string()),
        }
    }

    /// Writes pending drafts and releases the record's lock.
    fn close_record(&mut self) {
        if let Some(mut session) = self.session.take() {
            for screen in self.stack.iter_mut() {
                screen.keep_drafts(&mut session);
            }
            if let Some(err) = session.close() {
                self.flash = Some(err);
            }
        }
        self.draft_due = None;
    }

    /// The end of the program, however it came: what was typed goes into the record, the record
    /// to disk, and the lock is released.
    pub fn shutdown(&mut self) -> Option<String> {
        let mut error = None;
        if let Some(mut session) = self.session.take() {
            for screen in self.stack.iter_mut() {
                screen.keep_drafts(&mut session);
            }
            error = session.close();
        }
        error
    }
}

/// How the loop ended.
pub enum Ending {
    Normal,
    Signal(i32),
    Panic,
}

/// Runs shindan in the terminal until the user leaves or the session is cut.
pub fn run(mut app: App) -> std::io::Result<(Ending, Option<String>)> {
    let events = Source::start()?;
    let mut guard = Guard::enter(app.ambiguous_wide)?;
    let mut ending = Ending::Normal;
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| -> std::io::Result<()> {
        app.area = guard.terminal.draw(|f| app.draw(f))?.area;
        if app.idle() {
            app.area = guard.terminal.draw(|f| app.draw(f))?.area;
        }
        let typed = std::mem::take(&mut app.typed_ahead);
        if !typed.is_empty() {
            for key in typed {
                app.handle(Event::Key(key));
                if app.should_quit() {
                    return Ok(());
                }
            }
            app.area = guard.terminal.draw(|f| app.draw(f))?.area;
        }
        loop {
            let event = match app.next_deadline() {
                Some(wait) => match events.recv_timeout(wait) {
                    Some(e) => Some(e),
                    None => {
                        app.timeout();
                        continue;
                    }
                },
                None => events.recv(),
            };
            let Some(first) = event else { break };
            // Everything already waiting is handled before the next frame.
            let mut redraw = false;
            let mut next = Some(first);
            while let Some(event) = next.take() {
                if let Event::Signal(sig) = event {
                    ending = Ending::Signal(sig);
                }
                if matches!(event, Event::InputGone) {
                    ending = Ending::Signal(signal_hook::consts::SIGHUP);
                }
                redraw |= app.handle(event);
                if app.should_quit() {
                    break;
                }
                next = events.try_recv();
            }
            if app.should_quit() {
                break;
            }
            if redraw {
                // After a hang-up there is no terminal to draw on; the session still ends
                // through the save below.
                match guard.terminal.draw(|f| app.draw(f)) {
                    Ok(done) => app.area = done.area,
                    Err(_) => break,
                }
            }
        }
        Ok(())
    }));
    let result = match outcome {
        Ok(r) => r,
        Err(_) => {
            ending = Ending::Panic;
            Ok(())
        }
    };
    let save_error = app.shutdown();
    drop(guard);
    terminal::restore();
    result.map(|()| (ending, save_error))
}
