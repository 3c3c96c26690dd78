//! An open record: the record, its lock (or the reason it is read-only), and the promise that
//! every committed change reaches the disk — or, when the disk refuses, stays in memory and is
//! retried on the next change.

use crate::domain::record::Draft;
use crate::domain::validate::{self, AnswerError};
use crate::domain::{Lang, Questionnaire, Record, RecordId, Value};
use crate::store::{Holder, RecordLock, Store, StoreError};
use crate::tui::drafts::DraftKey;

pub struct Session {
    store: Store,
    pub record: Record,
    lock: Option<RecordLock>,
    /// Who holds the lock when this session could not take it.
    pub held_by: Option<Holder>,
    /// The last save failure, shown until a save succeeds.
    pub save_error: Option<String>,
    /// Changes not yet on disk (a failed save, or drafts typed since the last save).
    unsaved: bool,
    /// The UI's language, in which a failed save is said (through the one store-error mapper
    /// the command line uses too, so that 「空き容量がありません（…）」 reads the same
    /// everywhere and never as the OS's bare "No space left on device (os error 28)").
    lang: Lang,
}

/// Why a change was not made: the record is read-only (another session holds it), or the
/// domain refused the change with its own error `E` — so that a screen can tell which field
/// was wrong. An answer's refusal (the default `E`) is a validation error ([`AnswerError`]):
/// the interview's answers, confirmations and notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused<E = AnswerError> {
    ReadOnly(Holder),
    Rule(E),
}

impl<E> Refused<E> {
    /// The message, the domain's error said by `rule`.
    pub fn message_with(&self, lang: Lang, rule: impl FnOnce(&E, Lang) -> String) -> String {
        match self {
            Refused::ReadOnly(h) => Refused::read_only_message(h, lang),
            Refused::Rule(e) => rule(e, lang),
        }
    }
}

/// Named without a type (`Refused::read_only_message`): what is said when the record is read-only
/// does not depend on the domain's error, so every screen says it the same way.
impl Refused {
    /// What is said when the record is read-only, whatever was refused.
    pub fn read_only_message(holder: &Holder, lang: Lang) -> String {
        // A dir that cannot be written is nobody editing: say only why.
        let during = match holder.unwritable {
            Some(_) => "",
            None => "being edited: ",
        };
        lang.pick_with(
            || {
                format!(
                    "読み取り専用です（{}）：変更できません",
                    holder.message(lang)
                )
            },
            || {
                format!(
                    "read-only ({during}{}): changes are refused",
                    holder.message(lang)
                )
            },
        )
    }

    pub fn message(&self, lang: Lang) -> String {
        self.message_with(lang, AnswerError::message)
    }
}

impl Session {
    /// Opens a record for editing, or read-only when another session holds it.
    /// A data dir that cannot be written (a read-only mount, a full disk, no permission) opens
    /// the record read-only too, saying why in `lang`: it can still be read and printed.
    pub fn open(store: &Store, id: &RecordId) -> Result<Session, StoreError> {
        Session::open_in(store, id, Lang::default())
    }

    pub fn open_in(store: &Store, id: &RecordId, lang: Lang) -> Result<Session, StoreError> {
        use std::io::ErrorKind as K;
        let (lock, held_by) = match store.lock(id) {
            Ok(lock) => (Some(lock), None),
            Err(StoreError::Locked { holder, .. }) => (None, Some(holder)),
            Err(StoreError::Io { source, .. })
                if matches!(
                    source.kind(),
                    K::ReadOnlyFilesystem | K::PermissionDenied | K::StorageFull | K::QuotaExceeded
                ) =>
            {
                let why = crate::edge::os_error(&source, lang);
                (None, Some(Holder::unwritable(why)))
            }
            Err(e) => return Err(e),
        };
        let record = store.load(id)?;
        Ok(Session {
            store: store.clone(),
            record,
            lock,
            held_by,
            save_error: None,
            unsaved: false,
            lang,
        })
    }

    /// Another record of the data dir, read only (last year's, to compare with).
    pub fn load_other(&self, id: &RecordId) -> Result<Record, StoreError> {
        self.store.load(id)
    }

    pub fn read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// Why nothing can be changed, in the user's language, when the record is held elsewhere;
    /// `None` when it can be edited. Screens show it instead of opening an editor.
    pub fn read_only_message(&self, lang: Lang) -> Option<String> {
        match &self.held_by {
            Some(h) if self.read_only() => Some(Refused::read_only_message(h, lang)),
            _ => None,
        }
    }

    fn writable(&self) -> Result<(), Refused> {
        match &self.held_by {
            Some(h) if self.lock.is_none() => Err(Refused::ReadOnly(h.clone())),
            _ => Ok(()),
        }
    }

    /// Answers (or with `None` clears) a question through the domain's validation, then saves.
    pub fn answer(&mut self, question: &str, value: Option<Value>) -> Result<(), Refused> {
        self.writable()?;
        validate::set_answer(
            Questionnaire::embedded(),
            &mut self.record,
            question,
            value,
            crate::clock::system().now(),
        )
        .map_err(Refused::Rule)?;
        self.save();
        Ok(())
    }

    /// Changes the record through a domain function (checklist answers, vendors, the contact
    /// chart…), then saves. When the function refuses, the record is put back exactly as it was,
    /// whatever the function did before refusing; when the save fails, the change stays in memory
    /// and the error is shown until the next change saves it.
    pub fn update<T, E>(
        &mut self,
        change: impl FnOnce(&mut Record) -> Result<T, E>,
    ) -> Result<T, Refused<E>> {
        if let Err(Refused::ReadOnly(h)) = self.writable() {
            return Err(Refused::ReadOnly(h));
        }
        let before = self.record.clone();
        match change(&mut self.record) {
            Ok(done) => {
                self.save();
                Ok(done)
            }
            Err(e) => {
                self.record = before;
                Err(Refused::Rule(e))
            }
        }
    }

    /// Parses typed text for a question and answers with it.
    pub fn answer_typed(&mut self, question: &str, raw: &str) -> Result<(), Refused> {
        self.writable()?;
        let qn = Questionnaire::embedded();
        let q = qn.question(question).ok_or_else(|| {
            Refused::Rule(AnswerError::UnknownQuestion {
                question: question.to_string(),
            })
        })?;
        if raw.trim().is_empty() {
            return self.answer(question, None);
        }
        let value = validate::parse(q, raw).map_err(Refused::Rule)?;
        self.answer(question, Some(value))
    }

    pub fn confirm(&mut self, question: &str) -> Result<bool, Refused> {
        self.writable()?;
        let changed = self.record.confirm(question, crate::clock::system().now());
        if changed {
            self.save();
        }
        Ok(changed)
    }

    pub fn set_note(&mut self, question: &str, note: &str) -> Result<(), Refused> {
        self.writable()?;
        validate::check_note(note).map_err(Refused::Rule)?;
        self.record
            .set_note(question, note, crate::clock::system().now());
        let mut draft = self.record.draft(question).cloned().unwrap_or_default();
        draft.note = None;
        self.record.set_draft(question, draft);
        self.save();
        Ok(())
    }

    /// Records what is being typed, in memory; [`Session::flush`] writes it. Drafts do not change
    /// `updated_at`: nothing was decided.
    pub fn set_draft(&mut self, key: &DraftKey, draft: Draft) {
        if self.read_only() || key.get(&self.record) == Some(&draft) {
            return;
        }
        if draft.is_empty() && key.get(&self.record).is_none() {
            return;
        }
        key.set(&mut self.record, draft);
        self.unsaved = true;
    }

    pub fn set_resume_at(&mut self, question: &str) {
        if self.read_only() || self.record.resume_at.as_deref() == Some(question) {
            return;
        }
        self.record.resume_at = Some(question.to_string());
        self.unsaved = true;
    }

    pub fn has_unsaved(&self) -> bool {
        self.unsaved
    }

    /// Writes the record if anything is not on disk yet.
    pub fn flush(&mut self) {
        if self.unsaved {
            self.save();
        }
    }

    fn save(&mut self) {
        let Some(lock) = &self.lock else { return };
        match self.store.save(&mut self.record, lock) {
            Ok(()) => {
                self.save_error = None;
                self.unsaved = false;
            }
            Err(e) => {
                self.save_error = Some(crate::edge::Failure::from_store(e, self.lang).to_string());
                self.unsaved = true;
            }
        }
    }

    /// Ends the session: writes what is pending and lets the lock go (dropping it releases it).
    pub fn close(mut self) -> Option<String> {
        self.flush();
        self.save_error.take()
    }
}
