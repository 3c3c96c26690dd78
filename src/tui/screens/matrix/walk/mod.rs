//! The walk-through (`w` on the matrix, `w` on the overview): the controls nobody has given a
//! status yet, one at a time in catalogue order, as the interview asks its questions — so that a
//! hospital fills the matrix in one sitting instead of cell by cell. One key answers and goes on
//! (`1` 実施済み … `5` わからない（事業者に確認）), and every answer is saved at once through the
//! session, as an interview answer is; the record keeps the control the walk is on, so a walk
//! left halfway opens where it was.
//!
//! The domain's [`Walk`] decides the order, what each step shows and what an answer does; this
//! screen only turns keys into its calls and lays out the [`view::Page`] made from its step.

mod view;

use super::note;
use crate::domain::matrix::mark::MarkError;
use crate::domain::matrix::{Coverage, Reply, Sources, Walk};
use crate::domain::{Lang, Record};
use crate::text::truncate;
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::{Command, Command as C};
use crate::tui::keys::{self, Intent, Intent as I, Scope, Scope as S};
use crate::tui::screens::overlay::Overlay;
use crate::tui::session::Session;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::Frame;
use view::Page;

pub struct WalkScreen {
    lang: Lang,
    title: String,
    walk: Walk<'static>,
    /// What the screen shows, made again after every change.
    page: Page,
    /// The note being written on the control the walk is on, seeing every key first.
    overlay: Option<Overlay>,
}

fn sources() -> Sources<'static> {
    Sources::embedded()
}

impl WalkScreen {
    /// A walk over the controls still unknown (every control when `review`), from where the
    /// record's last walk was left.
    pub fn new(session: &Session, lang: Lang, review: bool) -> WalkScreen {
        let record = &session.record;
        let walk = Walk::new(record, sources(), review);
        let hospital = record.hospital_name().unwrap_or("");
        WalkScreen {
            lang,
            title: format!("{} {}", record.id, truncate(hospital, 20)),
            page: Page::of(&walk, record, lang),
            walk,
            overlay: None,
        }
    }

    fn remake(&mut self, record: &Record) {
        self.page = Page::of(&self.walk, record, self.lang);
    }

    /// Answers the control the walk is on and saves; the message says what the coverage became.
    fn answer(&mut self, reply: Reply, session: &mut Session) -> Action {
        let lang = self.lang;
        let Some(name) = self
            .walk
            .current(&session.record)
            .map(|s| s.control.name(lang).to_string())
        else {
            return Action::None;
        };
        let now = crate::clock::system().now();
        let walk = &mut self.walk;
        match session.update(|r| walk.answer(r, reply, now)) {
            Ok(()) => {
                self.remake(&session.record);
                let figure = Coverage::with(&sources(), &session.record)
                    .figure()
                    .render(lang);
                Action::Flash(format!("{} → {figure}：{name}", reply.label(lang)))
            }
            Err(r) => Action::Flash(r.message_with(lang, MarkError::message)),
        }
    }

    /// Moves without answering (Tab on, Backspace back). The place is saved with the record;
    /// a read-only record is walked in memory only.
    fn step(&mut self, forward: bool, session: &mut Session) -> Action {
        let walk = &mut self.walk;
        let go = |walk: &mut Walk<'static>, r: &mut Record| {
            if forward {
                walk.skip(r)
            } else {
                walk.back(r)
            }
        };
        let moved = if session.read_only() {
            go(walk, &mut session.record.clone())
        } else {
            session
                .update(|r| Ok::<bool, std::convert::Infallible>(go(walk, r)))
                .unwrap_or(false)
        };
        self.remake(&session.record);
        match (moved, forward) {
            (true, _) => Action::None,
            (false, true) => Action::None,
            (false, false) => Action::Flash(
                self.lang
                    .pick("最初の対策です", "This is the first control")
                    .to_string(),
            ),
        }
    }

    /// The known controls too, or only those still unknown: the walk is made again from the
    /// control it is on.
    fn toggle_review(&mut self, session: &Session) -> Action {
        let review = !self.walk.is_review();
        self.walk = Walk::new(&session.record, sources(), review);
        self.remake(&session.record);
        Action::Flash(
            if review {
                self.lang.pick(
                    "判明済みの対策も見直します（r で未判明のみ）",
                    "Reviewing the known controls too (r: unknown only)",
                )
            } else {
                self.lang.pick(
                    "未判明の対策だけを確認します",
                    "Only the controls still unknown",
                )
            }
            .to_string(),
        )
    }

    fn open_note(&mut self, session: &Session) -> Action {
        let Some(step) = self.walk.current(&session.record) else {
            return Action::None;
        };
        // Read-only, the note opens to be read (see `note::open`): say why.
        self.overlay = Some(note::open(step.control, session, self.lang));
        session
            .read_only_message(self.lang)
            .map_or(Action::None, Action::Flash)
    }

    fn overlay_key(&mut self, key: KeyEvent, session: &mut Session) -> Option<Action> {
        let (action, closed) = note::key(&mut self.overlay, key, session, self.lang)?;
        if closed {
            self.remake(&session.record);
        }
        Some(action)
    }
}

impl Screen for WalkScreen {
    fn scope(&self) -> Scope {
        self.overlay.as_ref().map_or(Scope::Walk, Overlay::scope)
    }

    fn title(&self, view: &View) -> String {
        let l = view.lang;
        let mode = if self.walk.is_review() {
            l.pick("［見直し：すべて］", " [review: all]")
        } else {
            ""
        };
        format!(
            "{} — {}{mode}",
            self.title,
            l.pick(
                "対策の確認（ウォークスルー）",
                "walk-through of the controls"
            )
        )
    }

    /// The answers first (one hint for the five), then the moves; the table's ranks decide
    /// what gives way when the footer is narrow.
    fn commands(&self, _view: &View) -> Vec<Command> {
        if let Some(overlay) = &self.overlay {
            return overlay.commands();
        }
        let review = if self.walk.is_review() {
            ("未判明のみ", "unknown only")
        } else {
            ("判明済みも", "review all")
        };
        vec![
            C::of(S::Walk, I::Reply(Reply::InPlace))
                .keys("1-5")
                .label("回答", "answer"),
            C::of(S::Walk, I::EditNote),
            C::of(S::Walk, I::PrevQuestion),
            C::of(S::Walk, I::NextQuestion),
            C::of(S::Walk, I::Review).label(review.0, review.1),
            C::of(S::Walk, I::Back),
            C::of(S::Global, I::Help),
        ]
    }

    fn handle_key(&mut self, key: KeyEvent, env: &mut Env) -> Option<Action> {
        let session = env.session.as_deref_mut()?;
        if self.overlay.is_some() {
            return self.overlay_key(key, session);
        }
        let action = match keys::intent_in(Scope::Walk, &key)? {
            Intent::Reply(reply) => self.answer(reply, session),
            Intent::NextQuestion => self.step(true, session),
            Intent::PrevQuestion => self.step(false, session),
            Intent::Review => self.toggle_review(session),
            Intent::EditNote => self.open_note(session),
            Intent::Back => Action::Back,
            Intent::Quit => Action::Quit,
            _ => return None,
        };
        Some(action)
    }

    fn handle_paste(&mut self, text: &str, _env: &mut Env) -> Action {
        if let Some(overlay) = self.overlay.as_mut() {
            overlay.paste(text);
        }
        Action::None
    }

    /// Another screen may have changed the record (a checklist answer that proves a control):
    /// the step is made again; the walk keeps its place.
    fn resume(&mut self, env: &mut Env) {
        if let Some(session) = env.session.as_deref() {
            self.remake(&session.record);
        }
    }

    fn keep_drafts(&mut self, session: &mut Session) {
        note::keep_draft(&self.overlay, session);
    }

    fn help_extra(&self, lang: Lang) -> Vec<(String, String)> {
        view::legend(lang)
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        self.page.render(frame, area, &view.theme, self.lang);
        note::render(&self.overlay, frame, area, &view.theme, self.lang);
    }
}
