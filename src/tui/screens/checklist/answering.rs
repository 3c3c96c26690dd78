//! An answer entered on the checklist: the form opened by y / n, its keys, and the answer
//! recorded through `rules::answer`, the function the command line calls.

use super::answer_form::AnswerForm;
use super::overlaid::ChecklistForm;
use super::Checklist;
use crate::domain::checklist::rules;
use crate::domain::checklist::{Item, YesNo};
use crate::domain::record::Draft;
use crate::domain::Lang;
use crate::tui::app::Action;
use crate::tui::drafts::DraftKey;
use crate::tui::screens::overlay::Overlay;
use crate::tui::session::{Refused, Session};

impl Checklist {
    /// Read-only, the form opens all the same, saying so: what is typed after `n` (a target
    /// date) goes into it, not to the screen as commands (`-` would withdraw, `g` jump), and
    /// its Enter is refused with the same words.
    pub(super) fn open_answer(&mut self, answer: YesNo, session: &Session, lang: Lang) -> Action {
        let Some(row) = self.row() else {
            return Action::None;
        };
        let form = AnswerForm::open(row.item, answer, row.latest(), self.clock.today());
        self.overlay = Some(Overlay::Form(ChecklistForm::Answer(form)));
        session
            .read_only_message(lang)
            .map_or(Action::None, Action::Flash)
    }

    /// Records the answer being entered, after every rule of the domain; on success the cursor
    /// moves to the next item, so that a hospital goes down its form with y Enter, n date Enter…
    pub(super) fn save_answer(&mut self, session: &mut Session, lang: Lang) -> Action {
        let Some(Overlay::Form(ChecklistForm::Answer(form))) = self.overlay.as_mut() else {
            return Action::None;
        };
        let Some(row) = self.view.row(&form.item) else {
            return Action::None;
        };
        let item: &'static Item = row.item;
        let latest = row.latest().cloned();
        let key = DraftKey::checklist(&self.edition.id, &item.id);
        let pending = key.get(&session.record).and_then(|d| d.note.clone());
        let mut input = match form.input(item, None, None) {
            Ok(i) => i,
            Err(e) => {
                form.refuse(e);
                return Action::None;
            }
        };
        // Correcting the latest check (same day) keeps its note and evidence, and so does
        // checking again last year's carried answer; a new check starts with the note written
        // beforehand, if any.
        let same_day = latest.filter(|l| l.checked_on == input.checked_on || l.carried.is_some());
        input.note = pending.or_else(|| same_day.as_ref().and_then(|l| l.note.clone()));
        input.evidence = same_day.and_then(|l| l.evidence);
        let (editions, edition, today) = (self.editions, &self.edition.id, self.clock.today());
        let done = session.update(|r| {
            let done = rules::answer(
                editions,
                r,
                edition,
                &item.id,
                input.clone(),
                today,
                crate::clock::system().now(),
            )?;
            key.set(r, Draft::default());
            Ok(done)
        });
        match done {
            Ok(done) => {
                self.overlay = None;
                self.rebuild(session);
                self.go(self.cursor + 1);
                let mut msg = String::new();
                if let Some(c) = &done.carried {
                    msg.push_str(&lang.pick_with(
                        || format!("{} の回答を引き継ぎました。", c.from),
                        || format!("Answers carried from {}. ", c.from),
                    ));
                }
                msg.push_str(&format!(
                    "{} {}",
                    item.printed(lang),
                    done.describe(&input, lang)
                ));
                Action::Flash(msg)
            }
            Err(Refused::ReadOnly(h)) => {
                self.overlay = None;
                Action::Flash(Refused::read_only_message(&h, lang))
            }
            Err(Refused::Rule(e)) => {
                if let Some(Overlay::Form(ChecklistForm::Answer(form))) = self.overlay.as_mut() {
                    form.refuse(e);
                }
                Action::None
            }
        }
    }

    pub(super) fn cancel_answer(&mut self, session: &mut Session) {
        if let Some(Overlay::Form(ChecklistForm::Answer(form))) = self.overlay.take() {
            let key = self.key_of(&form.item);
            let note = self.pending_note(session, &form.item);
            session.set_draft(&key, Draft { value: None, note });
        }
    }
}
