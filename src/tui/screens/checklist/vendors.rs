//! The vendors panel: who the hospital expects a 事業者確認用 form from, whether it was sent and
//! returned; vendors added (name and system) and removed through the same domain functions as
//! the command line; a vendor's form written and a returned one imported through the screen's
//! own session (the record stays locked by the screen, so another shell could not), with the
//! path asked in the path prompt. The add form, the path prompt and the question whether to
//! remove a vendor are the screen's overlay
//! ([`ChecklistOverlay`]): the panel opens them and acts on what they return.

use super::overlaid::{ChecklistForm, ChecklistOverlay};
use super::vendors_confirm::confirm_returns;
use crate::domain::checklist::Edition;
use crate::domain::vendor_file::{self, ImportReport, PacketFormat};
use crate::domain::vendors::{self, VendorError};
use crate::domain::Lang;
use crate::store::{Store, StoreError};
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::screens::confirm::Confirm;
use crate::tui::screens::overlay::{Done as Typed, Overlay};
use crate::tui::screens::path_prompt::{Choice, PathPrompt};
use crate::tui::session::{Refused, Session};
use crate::tui::widgets::form::{Focus, FormKey};
use crate::tui::widgets::text_field::{FieldKey, TextField};
use crossterm::event::KeyEvent;
use std::path::{Path, PathBuf};

pub struct VendorForm {
    pub name: TextField,
    pub system: TextField,
    /// The vendor's name first, then the system.
    pub focus: Focus,
    pub error: Option<VendorError>,
}

impl VendorForm {
    /// The cursor is in the system field.
    pub fn on_system(&self) -> bool {
        self.focus.is(1)
    }

    fn open() -> VendorForm {
        VendorForm {
            name: TextField::single(""),
            system: TextField::single(""),
            focus: Focus::first(2),
            error: None,
        }
    }

    /// Enter on the name goes to the system; on the system it adds the vendor.
    pub fn handle(&mut self, key: KeyEvent) -> Typed {
        match self.focus.key(Scope::Fields, &key) {
            FormKey::Next | FormKey::Prev => Typed::Open,
            FormKey::Cancel => Typed::Closed,
            FormKey::Submit if !self.on_system() => {
                self.focus.next();
                Typed::Open
            }
            FormKey::Submit => Typed::Submit,
            FormKey::Pass => Typed::Pass,
            FormKey::Type => {
                if self.focused().handle(key) == FieldKey::Edited {
                    self.error = None;
                }
                Typed::Open
            }
        }
    }

    fn focused(&mut self) -> &mut TextField {
        if self.on_system() {
            &mut self.system
        } else {
            &mut self.name
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.focused().paste(text)
    }
}

/// What the path prompt is open for.
#[derive(Default)]
pub enum PromptFor {
    /// The form of this vendor and system.
    Write { vendor: String, system: String },
    #[default]
    Import,
}

/// What the last write or import did, shown on the panel until the next one.
pub enum Done {
    Written(PathBuf),
    Imported(ImportReport),
    /// The file was refused (the message names the row); the record is unchanged.
    Refused(String),
}

/// The formats a vendor's form is written in: the Excel CSV first (what most vendors fill).
const FORMATS: [(Choice, PacketFormat); 2] = [
    (
        Choice {
            ja: "CSV（Excel用）",
            en: "CSV (Excel)",
            ext: "csv",
        },
        PacketFormat::Csv,
    ),
    (
        Choice {
            ja: "JSON",
            en: "JSON",
            ext: "json",
        },
        PacketFormat::Json,
    ),
];

/// Why a form could not be written.
enum WriteFailed {
    Vendor(VendorError),
    Store(StoreError),
}

#[derive(Default)]
pub struct VendorsPanel {
    pub cursor: usize,
    /// What the path prompt last opened by the panel is for.
    path_for: PromptFor,
    pub done: Option<Done>,
}

/// The store's refusal in the user's language.
fn store_message(e: StoreError, lang: Lang) -> String {
    crate::edge::Failure::from_store(e, lang).to_string()
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
    /// A form or a prompt to open over the screen.
    Open(Box<ChecklistOverlay>),
}

impl VendorsPanel {
    /// A path chosen in the prompt the panel opened: the form written there, or the file there
    /// imported. `Err`: the reason the prompt stays open with; `Ok`: it closes.
    pub fn path_chosen(
        &mut self,
        path: &Path,
        choice: usize,
        session: &mut Session,
        store: &Store,
        edition: &Edition,
        lang: Lang,
    ) -> Result<Outcome, String> {
        match &self.path_for {
            PromptFor::Write { vendor, system } => {
                let (vendor, system) = (vendor.clone(), system.clone());
                let format = FORMATS[choice.min(FORMATS.len() - 1)].1;
                self.write(
                    path, &vendor, &system, format, session, store, edition, lang,
                )
            }
            PromptFor::Import => self.import(path, session, store, edition, lang),
        }
    }

    pub fn handle(
        &mut self,
        key: KeyEvent,
        session: &mut Session,
        store: &Store,
        edition: &Edition,
        lang: Lang,
    ) -> Outcome {
        let count = session.record.vendors.len();
        match keys::intent_in(Scope::Vendors, &key) {
            Some(Intent::Up) => self.cursor = self.cursor.saturating_sub(1),
            Some(Intent::Down) => self.cursor = (self.cursor + 1).min(count.saturating_sub(1)),
            Some(Intent::New) => {
                if let Some(msg) = session.read_only_message(lang) {
                    return Outcome::Refused(msg);
                }
                return Outcome::Open(Box::new(Overlay::Form(ChecklistForm::Vendor(
                    VendorForm::open(),
                ))));
            }
            Some(Intent::Delete) if count > 0 => {
                if let Some(msg) = session.read_only_message(lang) {
                    return Outcome::Refused(msg);
                }
                // Asked first: `y` removes it, any other key keeps it.
                return Outcome::Open(Box::new(Overlay::Confirm(Confirm::key(
                    self.cursor,
                    "削除する",
                    "remove",
                    "keep it",
                ))));
            }
            Some(Intent::Export) if count > 0 => {
                if let Some(msg) = session.read_only_message(lang) {
                    return Outcome::Refused(msg);
                }
                return self.open_write(session, store, edition, lang);
            }
            Some(Intent::Import) => {
                if let Some(msg) = session.read_only_message(lang) {
                    return Outcome::Refused(msg);
                }
                let mut folder = store.exports_dir().display().to_string();
                folder.push('/');
                self.path_for = PromptFor::Import;
                return Outcome::Open(Box::new(Overlay::Path(PathPrompt::new(
                    (
                        "返却された事業者確認用を取り込む".to_string(),
                        "Import a returned vendor form".to_string(),
                    ),
                    Path::new(&folder),
                    Vec::new(),
                ))));
            }
            Some(Intent::Confirm) if count > 0 => {
                return self.confirm_return(session, edition, lang)
            }
            Some(Intent::ConfirmSection) => return confirm_returns(session, edition, lang),
            Some(Intent::Back) => return Outcome::Close,
            _ => return Outcome::NotTaken,
        }
        Outcome::Taken
    }

    /// Adds the vendor typed in `form`; [`Outcome::Changed`] when it was added (the form then
    /// closes), else the form stays open with the refusal under its field.
    pub fn add_vendor(
        &mut self,
        form: &mut VendorForm,
        session: &mut Session,
        lang: Lang,
    ) -> Outcome {
        let (name, system) = (form.name.text(), form.system.text());
        match session.update(|r| vendors::add(r, &name, &system, crate::clock::system().now())) {
            Ok(()) => {
                self.cursor = session
                    .record
                    .vendors
                    .iter()
                    .position(|v| v.is(name.trim(), system.trim()))
                    .unwrap_or(0);
                Outcome::Changed(lang.pick_with(
                    || {
                        format!(
                            "{}（{}）を追加しました：事業者確認用の返却まで「未完了」です",
                            name.trim(),
                            system.trim()
                        )
                    },
                    || {
                        format!(
                            "Added {} ({}): the record is not ready until its form comes back",
                            name.trim(),
                            system.trim()
                        )
                    },
                ))
            }
            Err(Refused::ReadOnly(h)) => Outcome::Refused(Refused::read_only_message(&h, lang)),
            Err(Refused::Rule(e)) => {
                let on_system = matches!(
                    e,
                    VendorError::Empty { field: "system" }
                        | VendorError::TooLong {
                            field: "system",
                            ..
                        }
                        | VendorError::LineBreak { field: "system" }
                );
                form.focus.set(usize::from(on_system));
                form.error = Some(e);
                Outcome::Taken
            }
        }
    }

    /// Removes vendor `at` (its removal confirmed).
    pub fn remove_vendor(&mut self, at: usize, session: &mut Session, lang: Lang) -> Outcome {
        let Some(v) = session.record.vendors.get(at).cloned() else {
            return Outcome::Taken;
        };
        match session
            .update(|r| vendors::remove(r, &v.vendor, &v.system, crate::clock::system().now()))
        {
            Ok(_) => {
                self.cursor = self
                    .cursor
                    .min(session.record.vendors.len().saturating_sub(1));
                Outcome::Changed(lang.pick_with(
                    || format!("{}（{}）と返却された回答を削除しました", v.vendor, v.system),
                    || format!("Removed {} ({}) and what it returned", v.vendor, v.system),
                ))
            }
            Err(Refused::ReadOnly(h)) => Outcome::Refused(Refused::read_only_message(&h, lang)),
            Err(Refused::Rule(e)) => Outcome::Refused(e.message(lang)),
        }
    }

    /// Opens the path prompt on the vendor under the cursor, offering `exports/` and the file
    /// name the packet gives (the form id, record, vendor and system).
    fn open_write(
        &mut self,
        session: &Session,
        store: &Store,
        edition: &Edition,
        lang: Lang,
    ) -> Outcome {
        let Some(v) = session.record.vendors.get(self.cursor).cloned() else {
            return Outcome::Taken;
        };
        let clock = crate::clock::system();
        // The name comes from a packet made on a copy: nothing is marked sent before Enter.
        let mut copy = session.record.clone();
        let name = match vendor_file::packet(
            edition,
            &mut copy,
            &v.vendor,
            Some(&v.system),
            FORMATS[0].1,
            lang,
            clock.today(),
            clock.now(),
        ) {
            Ok(p) => p.file_name,
            Err(e) => return Outcome::Refused(e.message(lang)),
        };
        self.path_for = PromptFor::Write {
            vendor: v.vendor.clone(),
            system: v.system.clone(),
        };
        Outcome::Open(Box::new(Overlay::Path(PathPrompt::new(
            (
                format!("事業者確認用を書き出す：{}（{}）", v.vendor, v.system),
                format!("Write the vendor form: {} ({})", v.vendor, v.system),
            ),
            &store.exports_dir().join(name),
            FORMATS.iter().map(|(c, _)| *c).collect(),
        ))))
    }

    /// Writes the form (0600, atomically) and, only once it is written, records it as sent. A
    /// file that cannot be written leaves the prompt open with the reason.
    #[allow(clippy::too_many_arguments)]
    fn write(
        &mut self,
        path: &Path,
        vendor: &str,
        system: &str,
        format: PacketFormat,
        session: &mut Session,
        store: &Store,
        edition: &Edition,
        lang: Lang,
    ) -> Result<Outcome, String> {
        let clock = crate::clock::system();
        let done = session.update(|r| {
            let p = vendor_file::packet(
                edition,
                r,
                vendor,
                Some(system),
                format,
                lang,
                clock.today(),
                clock.now(),
            )
            .map_err(WriteFailed::Vendor)?;
            store.write_file(path, &p.bytes).map_err(WriteFailed::Store)
        });
        match done {
            Ok(path) => {
                let msg = crate::tui::screens::export::written(&path, lang);
                self.done = Some(Done::Written(path));
                Ok(Outcome::Changed(msg))
            }
            Err(Refused::ReadOnly(h)) => Ok(Outcome::Refused(Refused::read_only_message(&h, lang))),
            Err(Refused::Rule(e)) => Err(match e {
                WriteFailed::Vendor(e) => e.message(lang),
                WriteFailed::Store(e) => store_message(e, lang),
            }),
        }
    }

    /// Reads a returned form and imports it whole or not at all; what it did (or why it was
    /// refused, with the row) stays on the panel.
    fn import(
        &mut self,
        path: &Path,
        session: &mut Session,
        store: &Store,
        edition: &Edition,
        lang: Lang,
    ) -> Result<Outcome, String> {
        let bytes = store
            .read_returned(path)
            .map_err(|e| store_message(e, lang))?;
        let clock = crate::clock::system();
        match session
            .update(|r| vendor_file::import(edition, r, &bytes, clock.today(), clock.now()))
        {
            Ok(report) => {
                let msg = report.summary(lang);
                if let Some(i) = session
                    .record
                    .vendors
                    .iter()
                    .position(|v| v.is(&report.vendor, &report.system))
                {
                    self.cursor = i;
                }
                self.done = Some(Done::Imported(report));
                Ok(Outcome::Changed(msg))
            }
            Err(Refused::ReadOnly(h)) => Ok(Outcome::Refused(Refused::read_only_message(&h, lang))),
            Err(Refused::Rule(e)) => {
                let msg = lang.pick_with(
                    || {
                        format!(
                            "取り込めません：{}（記録は変更していません）",
                            e.message(lang)
                        )
                    },
                    || {
                        format!(
                            "Not imported: {} (the record is unchanged)",
                            e.message(lang)
                        )
                    },
                );
                self.done = Some(Done::Refused(msg.clone()));
                Ok(Outcome::Refused(msg))
            }
        }
    }
}
