//! What is open over the checklist — an answer's form, a note, a vendor's form, the path of a
//! vendor form to write or read — in the screen's one [`Overlay`], and what the screen does
//! with what the overlay says was done.

use super::answer_form::AnswerForm;
use super::vendors::{Outcome, VendorForm};
use super::{Checklist, Panel};
use crate::domain::Lang;
use crate::store::Store;
use crate::tui::app::Action;
use crate::tui::commands::Command;
use crate::tui::drafts::DraftKey;
use crate::tui::keys::{Intent, Scope};
use crate::tui::screens::overlay::{Done, Overlay, OverlayForm};
use crate::tui::session::Session;
use crate::tui::widgets::form::FormKey;
use crossterm::event::KeyEvent;

/// The checklist's own forms.
pub enum ChecklistForm {
    Answer(AnswerForm),
    Vendor(VendorForm),
}

/// The checklist's overlay; its one question is whether to remove a vendor (its index).
pub type ChecklistOverlay = Overlay<ChecklistForm, usize>;

impl OverlayForm for ChecklistForm {
    fn handle(&mut self, key: KeyEvent) -> Done {
        match self {
            ChecklistForm::Answer(form) => match form.key(&key) {
                FormKey::Pass => Done::Pass,
                FormKey::Submit => Done::Submit,
                FormKey::Cancel => Done::Closed,
                FormKey::Next | FormKey::Prev => Done::Open,
                FormKey::Type => {
                    form.edit(key);
                    Done::Open
                }
            },
            ChecklistForm::Vendor(form) => form.handle(key),
        }
    }

    fn paste(&mut self, text: &str) {
        match self {
            ChecklistForm::Answer(form) => form.paste(text),
            ChecklistForm::Vendor(form) => form.paste(text),
        }
    }

    fn commands(&self) -> Vec<Command> {
        use Command as C;
        use Intent as I;
        use Scope as S;
        match self {
            ChecklistForm::Answer(_) => vec![
                C::of(S::Fields, I::Pick).label("保存", "save"),
                C::of(S::Fields, I::NextQuestion)
                    .keys("Tab")
                    .label("日付の欄", "date field"),
                C::of(S::Fields, I::Back).label("取り消す", "cancel"),
                C::of(S::Global, I::Help).keys("F1"),
            ],
            ChecklistForm::Vendor(_) => vec![
                C::of(S::Fields, I::Pick).label("次の欄／追加", "next field / add"),
                C::of(S::Fields, I::NextQuestion)
                    .keys("Tab")
                    .label("欄", "field"),
                C::of(S::Fields, I::Back).label("取り消す", "cancel"),
            ],
        }
    }
}

impl Checklist {
    /// The answer being entered, if that is what is open.
    pub(super) fn answer_form(&self) -> Option<&AnswerForm> {
        match self.overlay.as_ref()?.form()? {
            ChecklistForm::Answer(form) => Some(form),
            ChecklistForm::Vendor(_) => None,
        }
    }

    pub(super) fn vendor_form(&self) -> Option<&VendorForm> {
        match self.overlay.as_ref()?.form()? {
            ChecklistForm::Vendor(form) => Some(form),
            ChecklistForm::Answer(_) => None,
        }
    }

    /// An answer or a note is being written on the item under the cursor (the detail pane
    /// then gives them its room).
    pub(super) fn editing_item(&self) -> bool {
        self.answer_form().is_some() || self.overlay.as_ref().and_then(Overlay::note).is_some()
    }

    /// The item a note is open on.
    pub(super) fn note_item(&self) -> Option<String> {
        match self.overlay.as_ref()?.note()?.draft_key()? {
            DraftKey::ChecklistItem { item, .. } => Some(item.clone()),
            _ => None,
        }
    }

    /// A key for what is open over the screen; `None` when nothing is, or for the app's keys
    /// (F1…).
    pub(super) fn overlay_key(
        &mut self,
        key: KeyEvent,
        session: &mut Session,
        store: &Store,
        lang: Lang,
    ) -> Option<Action> {
        let overlay = self.overlay.as_mut()?;
        let action = match overlay.handle(key) {
            Done::Pass => return None,
            Done::Open | Done::Export(..) => Action::None,
            Done::Note(text) => self.keep_note(text, session, lang),
            Done::Closed => match overlay {
                // The note as it was opened: kept the same way, which also drops its draft.
                Overlay::Note(editor) => {
                    let text = editor.text();
                    self.keep_note(text, session, lang)
                }
                Overlay::Form(ChecklistForm::Answer(_)) => {
                    self.cancel_answer(session);
                    Action::None
                }
                _ => {
                    self.overlay = None;
                    Action::None
                }
            },
            Done::Submit => match overlay {
                Overlay::Form(ChecklistForm::Answer(_)) => self.save_answer(session, lang),
                Overlay::Form(ChecklistForm::Vendor(form)) => {
                    let Panel::Vendors(panel) = &mut self.panel else {
                        return Some(Action::None);
                    };
                    let outcome = panel.add_vendor(form, session, lang);
                    if matches!(outcome, Outcome::Changed(_)) {
                        self.overlay = None;
                    }
                    return self.vendors_outcome(outcome, session);
                }
                _ => Action::None,
            },
            Done::Confirmed => {
                let (Some(Overlay::Confirm(c)), Panel::Vendors(panel)) =
                    (self.overlay.take(), &mut self.panel)
                else {
                    return Some(Action::None);
                };
                let outcome = panel.remove_vendor(c.about, session, lang);
                return self.vendors_outcome(outcome, session);
            }
            Done::Path(path, choice) => {
                // A prompt opened outside the vendors panel is the inspection set's.
                let Panel::Vendors(panel) = &mut self.panel else {
                    return Some(match self.write_set(&path, choice, session, store, lang) {
                        Ok(action) => {
                            self.overlay = None;
                            action
                        }
                        Err(why) => {
                            if let Some(overlay) = self.overlay.as_mut() {
                                overlay.refuse(why);
                            }
                            Action::None
                        }
                    });
                };
                let edition = self.edition;
                match panel.path_chosen(&path, choice, session, store, edition, lang) {
                    Ok(outcome) => {
                        self.overlay = None;
                        return self.vendors_outcome(outcome, session);
                    }
                    Err(why) => {
                        overlay.refuse(why);
                        Action::None
                    }
                }
            }
        };
        Some(action)
    }

    /// What the vendors panel did, on the screen.
    pub(super) fn vendors_outcome(
        &mut self,
        outcome: Outcome,
        session: &Session,
    ) -> Option<Action> {
        Some(match outcome {
            Outcome::NotTaken => return None,
            Outcome::Taken => Action::None,
            Outcome::Changed(msg) => {
                self.rebuild(session);
                Action::Flash(msg)
            }
            Outcome::Refused(msg) => Action::Flash(msg),
            Outcome::Close => {
                self.panel = Panel::Detail;
                Action::None
            }
            Outcome::Open(overlay) => {
                self.overlay = Some(*overlay);
                Action::None
            }
        })
    }

    /// What is typed and not yet recorded, kept in the record's drafts.
    pub(super) fn keep_overlay_draft(&self, session: &mut Session) {
        use crate::domain::record::Draft;
        let (item, draft) = if let Some(form) = self.answer_form() {
            (
                form.item.clone(),
                Draft {
                    value: Some(form.encode()),
                    note: self.pending_note(session, &form.item),
                },
            )
        } else if let (Some(item), Some(editor)) = (
            self.note_item(),
            self.overlay.as_ref().and_then(Overlay::note),
        ) {
            let value = self
                .key_of(&item)
                .get(&session.record)
                .and_then(|d| d.value.clone());
            (
                item,
                Draft {
                    value,
                    note: Some(editor.text()),
                },
            )
        } else {
            return;
        };
        session.set_draft(&self.key_of(&item), draft);
    }
}
