//! The vendors panel: who the hospital expects a 事業者確認用 form from, whether it was sent and
//! returned; vendors added (name and system) and removed through the same domain functions as
//! the command line.

use crate::domain::checklist::vendors::{self, VendorError};
use crate::domain::Lang;
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::session::{Refusal, Refused, Session};
use crate::tui::widgets::text_field::{FieldKey, TextField};
use crossterm::event::{KeyCode, KeyEvent};

pub struct VendorForm {
    pub name: TextField,
    pub system: TextField,
    /// The cursor is in the system field.
    pub on_system: bool,
    pub error: Option<VendorError>,
}

#[derive(Default)]
pub struct VendorsPanel {
    pub cursor: usize,
    pub add: Option<VendorForm>,
    /// Removal asked for the vendor under the cursor: `y` confirms.
    pub confirm: bool,
}

/// What a key did in the panel.
pub enum Outcome {
    /// Not a key of the panel.
    NotTaken,
    Taken,
    /// The record changed (the list of vendors): the view is rebuilt; the message is shown.
    Changed(String),
    /// Refused (read-only…): the message is shown.
    Refused(String),
    Close,
}

impl VendorsPanel {
    pub fn scope(&self) -> Scope {
        if self.add.is_some() {
            Scope::Fields
        } else {
            Scope::Vendors
        }
    }

    pub fn handle(&mut self, key: KeyEvent, session: &mut Session, lang: Lang) -> Outcome {
        let count = session.record.vendors.len();
        if let Some(form) = self.add.as_mut() {
            return match keys::intent_in(Scope::Fields, &key) {
                Some(Intent::NextQuestion | Intent::PrevQuestion) => {
                    form.on_system = !form.on_system;
                    Outcome::Taken
                }
                Some(Intent::Back) => {
                    self.add = None;
                    Outcome::Taken
                }
                Some(Intent::Pick) if !form.on_system => {
                    form.on_system = true;
                    Outcome::Taken
                }
                Some(Intent::Pick) => self.add_vendor(session, lang),
                _ => {
                    if matches!(key.code, KeyCode::F(_)) {
                        return Outcome::NotTaken;
                    }
                    let field = if form.on_system {
                        &mut form.system
                    } else {
                        &mut form.name
                    };
                    if field.handle(key) == FieldKey::Edited {
                        form.error = None;
                    }
                    Outcome::Taken
                }
            };
        }
        if self.confirm {
            self.confirm = false;
            if keys::intent_in(Scope::Confirm, &key) == Some(Intent::Confirm) {
                return self.remove_vendor(session, lang);
            }
            return Outcome::Taken;
        }
        match keys::intent_in(Scope::Vendors, &key) {
            Some(Intent::Up) => self.cursor = self.cursor.saturating_sub(1),
            Some(Intent::Down) => self.cursor = (self.cursor + 1).min(count.saturating_sub(1)),
            Some(Intent::New) => {
                if let Some(msg) = session.read_only_message(lang) {
                    return Outcome::Refused(msg);
                }
                self.add = Some(VendorForm {
                    name: TextField::single(""),
                    system: TextField::single(""),
                    on_system: false,
                    error: None,
                });
            }
            Some(Intent::Delete) if count > 0 => {
                if let Some(msg) = session.read_only_message(lang) {
                    return Outcome::Refused(msg);
                }
                self.confirm = true;
            }
            Some(Intent::Back) => return Outcome::Close,
            _ => return Outcome::NotTaken,
        }
        Outcome::Taken
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(form) = self.add.as_mut() {
            if form.on_system {
                form.system.paste(text)
            } else {
                form.name.paste(text)
            }
        }
    }

    fn add_vendor(&mut self, session: &mut Session, lang: Lang) -> Outcome {
        let Some(form) = self.add.as_mut() else {
            return Outcome::Taken;
        };
        let (name, system) = (form.name.text(), form.system.text());
        match session.update(|r| vendors::add(r, &name, &system, crate::clock::system().now())) {
            Ok(()) => {
                self.add = None;
                self.cursor = session
                    .record
                    .vendors
                    .iter()
                    .position(|v| v.is(name.trim(), system.trim()))
                    .unwrap_or(0);
                Outcome::Changed(
                    lang.pick(
                        &format!(
                            "{}（{}）を追加しました：事業者確認用の返却まで「未完了」です",
                            name.trim(),
                            system.trim()
                        ),
                        &format!(
                            "Added {} ({}): the record is not ready until its form comes back",
                            name.trim(),
                            system.trim()
                        ),
                    )
                    .to_string(),
                )
            }
            Err(Refused::ReadOnly(h)) => Outcome::Refused(Refusal::ReadOnly(h).message(lang)),
            Err(Refused::Rule(e)) => {
                form.on_system = matches!(
                    e,
                    VendorError::Empty { field: "system" }
                        | VendorError::TooLong {
                            field: "system",
                            ..
                        }
                        | VendorError::LineBreak { field: "system" }
                );
                form.error = Some(e);
                Outcome::Taken
            }
        }
    }

    fn remove_vendor(&mut self, session: &mut Session, lang: Lang) -> Outcome {
        let Some(v) = session.record.vendors.get(self.cursor).cloned() else {
            return Outcome::Taken;
        };
        match session
            .update(|r| vendors::remove(r, &v.vendor, &v.system, crate::clock::system().now()))
        {
            Ok(_) => {
                self.cursor = self
                    .cursor
                    .min(session.record.vendors.len().saturating_sub(1));
                Outcome::Changed(
                    lang.pick(
                        &format!("{}（{}）と返却された回答を削除しました", v.vendor, v.system),
                        &format!("Removed {} ({}) and what it returned", v.vendor, v.system),
                    )
                    .to_string(),
                )
            }
            Err(Refused::ReadOnly(h)) => Outcome::Refused(Refusal::ReadOnly(h).message(lang)),
            Err(Refused::Rule(e)) => Outcome::Refused(e.message(lang)),
        }
    }
}
