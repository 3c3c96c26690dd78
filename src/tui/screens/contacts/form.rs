//! The form of one place of the chart, opened as the screen's [`Overlay`]: its fields, the
//! phone checked as it is typed, the draft it is kept as, and the place saved (or emptied)
//! through `contacts::set` / `contacts::clear` on Enter.

use super::{draft_key, slot_label, Contacts, FieldName, FIELDS};
use crate::domain::contacts::{self, ContactError, ContactInput, Slot};
use crate::domain::record::Draft;
use crate::domain::Lang;
use crate::tui::app::Action;
use crate::tui::commands::Command;
use crate::tui::keys::{Intent, Scope};
use crate::tui::screens::overlay::{Done, Overlay, OverlayForm};
use crate::tui::session::{Refused, Session};
use crate::tui::widgets::form::{Focus, FormKey};
use crate::tui::widgets::text_field::{FieldKey, TextField};
use crossterm::event::KeyEvent;
use serde_json::json;

pub(super) struct ContactForm {
    pub slot: usize,
    pub fields: Vec<TextField>,
    /// Among [`FIELDS`], the name first.
    pub focus: Focus,
    /// A refusal, under the field it is about (or under the form).
    pub error: Option<(Option<FieldName>, ContactError)>,
}

impl ContactForm {
    pub(super) fn open(slot: usize, s: &Slot) -> ContactForm {
        let c = s.contact.clone().unwrap_or_default();
        let values = [c.name, c.title, c.organisation, c.phone, c.note];
        ContactForm {
            slot,
            fields: values
                .iter()
                .map(|v| TextField::single(v.as_deref().unwrap_or("")))
                .collect(),
            focus: Focus::first(FIELDS.len()),
            error: None,
        }
    }

    pub(super) fn text(&self, f: FieldName) -> String {
        FIELDS
            .iter()
            .position(|x| *x == f)
            .and_then(|i| self.fields.get(i))
            .map(|t| t.text())
            .unwrap_or_default()
    }

    /// The phone number is checked as it is typed, by the domain's own rule.
    fn check_phone(&mut self) {
        if FIELDS.get(self.focus.at()) != Some(&FieldName::Phone) {
            return;
        }
        self.error = contacts::clean_phone(&self.text(FieldName::Phone))
            .err()
            .map(|e| (Some(FieldName::Phone), e));
    }

    pub(super) fn encode(&self) -> String {
        json!({
            "fields": self.fields.iter().map(|f| f.text()).collect::<Vec<_>>(),
            "focus": self.focus.at(),
        })
        .to_string()
    }

    pub(super) fn decode(slot: usize, s: &Slot, draft: &str) -> Option<ContactForm> {
        let v: serde_json::Value = serde_json::from_str(draft).ok()?;
        let fields = v.get("fields")?.as_array()?;
        if fields.len() != FIELDS.len() {
            return None;
        }
        let mut form = ContactForm::open(slot, s);
        for (f, typed) in form.fields.iter_mut().zip(fields) {
            *f = TextField::single(typed.as_str()?);
        }
        form.focus.set(
            v.get("focus")
                .and_then(|f| f.as_u64())
                .map_or(0, |f| f as usize),
        );
        Some(form)
    }
}

impl OverlayForm for ContactForm {
    fn handle(&mut self, key: KeyEvent) -> Done {
        match self.focus.key(Scope::Fields, &key) {
            FormKey::Pass => Done::Pass,
            FormKey::Submit => Done::Submit,
            FormKey::Cancel => Done::Closed,
            FormKey::Next | FormKey::Prev => Done::Open,
            FormKey::Type => {
                let at = self.focus.at();
                if let Some(f) = self.fields.get_mut(at) {
                    if f.handle(key) == FieldKey::Edited {
                        if self
                            .error
                            .as_ref()
                            .is_some_and(|(field, _)| *field == FIELDS.get(at).copied())
                        {
                            self.error = None;
                        }
                        self.check_phone();
                    }
                }
                Done::Open
            }
        }
    }

    fn paste(&mut self, text: &str) {
        if let Some(f) = self.fields.get_mut(self.focus.at()) {
            f.paste(text);
        }
        self.check_phone();
    }

    fn commands(&self) -> Vec<Command> {
        use Command as C;
        vec![
            C::of(Scope::Fields, Intent::Pick).label("保存", "save"),
            C::of(Scope::Fields, Intent::NextQuestion).label("次の欄", "next field"),
            C::of(Scope::Fields, Intent::Back).label("取り消す", "cancel"),
            C::of(Scope::Global, Intent::Help).keys("F1"),
        ]
    }
}

impl Contacts {
    /// The place being edited, if one is.
    pub(super) fn form(&self) -> Option<&ContactForm> {
        self.overlay.as_ref()?.form()
    }

    /// A key for the form or the question open over the chart; `None` for the app's keys
    /// (F1…).
    pub(super) fn overlay_key(
        &mut self,
        key: KeyEvent,
        session: &mut Session,
        lang: Lang,
    ) -> Option<Action> {
        match self.overlay.as_mut()?.handle(key) {
            Done::Pass => None,
            Done::Submit => Some(self.save(session, lang)),
            Done::Confirmed => match self.overlay.take() {
                Some(Overlay::Confirm(c)) => Some(self.clear(c.about, session, lang)),
                _ => Some(Action::None),
            },
            Done::Closed => {
                self.cancel(session);
                Some(Action::None)
            }
            _ => Some(Action::None),
        }
    }

    fn save(&mut self, session: &mut Session, lang: Lang) -> Action {
        let Some(Overlay::Form(form)) = self.overlay.as_mut() else {
            return Action::None;
        };
        let Some(slot) = self.chart.slots.get(form.slot).cloned() else {
            self.overlay = None;
            return Action::None;
        };
        let input = ContactInput {
            name: Some(form.text(FieldName::Name)),
            title: Some(form.text(FieldName::Title)),
            organisation: Some(form.text(FieldName::Organisation)),
            phone: Some(form.text(FieldName::Phone)),
            note: Some(form.text(FieldName::Note)),
        };
        let empty = FIELDS.iter().all(|f| form.text(*f).trim().is_empty());
        let vendor = slot
            .vendor
            .as_ref()
            .map(|(v, s)| (v.as_str(), Some(s.as_str())));
        let key = draft_key(&slot);
        let had = slot.contact.is_some();
        let done = session.update(|r| {
            if empty {
                // Everything erased: the place is emptied, as `contacts clear` does.
                if had {
                    contacts::clear(r, slot.position, vendor, crate::clock::system().now())?;
                }
            } else {
                contacts::set(
                    r,
                    slot.position,
                    vendor,
                    input,
                    crate::clock::system().now(),
                )?;
            }
            key.set(r, Draft::default());
            Ok(())
        });
        match done {
            Ok(()) => {
                self.overlay = None;
                self.rebuild(session);
                Action::Flash(lang.pick_with(
                    || format!("{} を保存しました", slot_label(&slot, lang)),
                    || format!("{}: saved", slot_label(&slot, lang)),
                ))
            }
            Err(Refused::ReadOnly(h)) => {
                self.overlay = None;
                Action::Flash(Refused::read_only_message(&h, lang))
            }
            Err(Refused::Rule(e)) => {
                let field = FieldName::of(&e);
                if let Some(i) = field.and_then(|f| FIELDS.iter().position(|x| *x == f)) {
                    form.focus.set(i);
                }
                form.error = Some((field, e));
                Action::None
            }
        }
    }

    /// The form closed unsaved (its draft dropped), or the question answered no.
    fn cancel(&mut self, session: &mut Session) {
        if let Some(Overlay::Form(form)) = self.overlay.take() {
            if let Some(slot) = self.chart.slots.get(form.slot) {
                session.set_draft(&draft_key(slot), Draft::default());
            }
        }
    }
}
