//! The new record's form, opened as the screen's [`Overlay`]: its three parts (name, beds,
//! founder), the focus moving through them, each text field checked by the domain on Enter and
//! the founder chosen with ↑↓. Every key is read from the binding table's `Form` rows.
//!
//! [`Overlay`]: crate::tui::screens::overlay::Overlay

use crate::domain::validate::{self, AnswerError};
use crate::domain::{Lang, Questionnaire, Record, RecordId};
use crate::tui::commands::Command;
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::screens::overlay::{Done, OverlayForm};
use crate::tui::widgets::form::{self, Focus, FormKey};
use crate::tui::widgets::text_field::{FieldKey, TextField};
use crossterm::event::KeyEvent;
use Command as C;
use Intent as I;
use Scope as S;

/// The form's parts, top first: the focus starts on the name and Tab goes down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Name,
    Beds,
    Founder,
}

const ORDER: [Field; 3] = [Field::Name, Field::Beds, Field::Founder];

/// Why the form refused, said in the user's language when drawn.
pub(super) enum Refusal {
    Answer(AnswerError),
    /// Enter on the founder with none chosen.
    NoFounder,
}

impl Refusal {
    pub(super) fn message(&self, lang: Lang) -> String {
        match self {
            Refusal::Answer(e) => e.message(lang),
            Refusal::NoFounder => lang
                .pick(
                    "開設者を選んでください（↑↓ で選び Enter で作成）",
                    "choose the founder (↑↓ to choose, Enter creates)",
                )
                .to_string(),
        }
    }
}

pub(super) struct NewRecordForm {
    pub name: TextField,
    pub beds: TextField,
    /// The founder chosen, if any: none is chosen until the user picks one, so that Enter never
    /// files a hospital under a founder nobody chose.
    pub founder: Option<usize>,
    focus: Focus,
    /// A refusal, under the part it is about.
    pub error: Option<(Field, Refusal)>,
}

impl NewRecordForm {
    pub(super) fn new() -> NewRecordForm {
        NewRecordForm {
            name: TextField::single(""),
            beds: TextField::single(""),
            founder: None,
            focus: Focus::first(ORDER.len()),
            error: None,
        }
    }

    pub(super) fn founder_ids() -> Vec<&'static str> {
        Questionnaire::embedded()
            .question("founder")
            .map(|q| q.option_ids())
            .unwrap_or_default()
    }

    /// The part the focus is on.
    pub(super) fn field(&self) -> Field {
        ORDER[self.focus.at()]
    }

    fn focus_on(&mut self, field: Field) {
        if let Some(i) = ORDER.iter().position(|f| *f == field) {
            self.focus.set(i);
        }
    }

    /// Checks the three answers on a scratch record, through the same validation as
    /// everywhere; a refusal is put under its part, the focus on it.
    pub(super) fn scratch(&mut self) -> Option<Record> {
        if self.founder.is_none() {
            self.focus_on(Field::Founder);
            self.error = Some((Field::Founder, Refusal::NoFounder));
            return None;
        }
        let qn = Questionnaire::embedded();
        let clock = crate::clock::system();
        let now = clock.now();
        let mut r = Record::new(
            RecordId::new(clock.fiscal_year().year(), 1),
            clock.today(),
            now,
        );
        let founder = self
            .founder
            .and_then(|i| Self::founder_ids().get(i).copied())
            .unwrap_or_default();
        for (focus, q, raw) in [
            (Field::Name, "hospital_name", self.name.text()),
            (Field::Beds, "beds", self.beds.text()),
            (Field::Founder, "founder", founder.to_string()),
        ] {
            if let Err(e) = validate::answer_from_input(qn, &mut r, q, &raw, now) {
                self.focus_on(focus);
                self.error = Some((focus, Refusal::Answer(e)));
                return None;
            }
        }
        Some(r)
    }

    /// Checks the text field `focus` alone; whether it holds.
    fn check_field(&mut self, focus: Field) -> bool {
        let qn = Questionnaire::embedded();
        let (q, raw) = match focus {
            Field::Name => ("hospital_name", self.name.text()),
            Field::Beds => ("beds", self.beds.text()),
            Field::Founder => return true,
        };
        let clock = crate::clock::system();
        let mut r = Record::new(RecordId::new(2000, 1), clock.today(), clock.now());
        match validate::answer_from_input(qn, &mut r, q, &raw, clock.now()) {
            Ok(()) => {
                self.error = None;
                true
            }
            Err(e) => {
                self.error = Some((focus, Refusal::Answer(e)));
                false
            }
        }
    }

    fn text_field(&mut self, at: Field) -> Option<&mut TextField> {
        match at {
            Field::Name => Some(&mut self.name),
            Field::Beds => Some(&mut self.beds),
            Field::Founder => None,
        }
    }

    /// Drops the refusal about `at`, once what it was about is changed.
    fn clear_error(&mut self, at: Field) {
        if self.error.as_ref().is_some_and(|(f, _)| *f == at) {
            self.error = None;
        }
    }
}

impl OverlayForm for NewRecordForm {
    /// Tab / Shift-Tab move between the parts (never round from the last to the first), ↓/↑
    /// too from a text field, and on the founder they choose; `j`/`k` choose there but are
    /// typed into the name. Enter on the founder is [`Done::Submit`]: the screen creates.
    fn handle(&mut self, key: KeyEvent) -> Done {
        match self.focus.key(S::Form, &key) {
            FormKey::Cancel => return Done::Closed,
            FormKey::Pass => return Done::Pass,
            FormKey::Next | FormKey::Prev => return Done::Open,
            FormKey::Submit | FormKey::Type => {}
        }
        let intent = keys::intent_in(S::Form, &key);
        match self.field() {
            here @ (Field::Name | Field::Beds) => {
                let typed = form::is_typed(&key);
                match intent {
                    Some(I::Pick) => {
                        if self.check_field(here) {
                            self.focus.next();
                        }
                    }
                    Some(I::Down) if !typed => self.focus.next(),
                    Some(I::Up) if !typed => self.focus.prev(),
                    _ => {
                        let edited = self
                            .text_field(here)
                            .is_some_and(|f| f.handle(key) == FieldKey::Edited);
                        if edited {
                            self.clear_error(here);
                        }
                    }
                }
                Done::Open
            }
            Field::Founder => {
                let last = Self::founder_ids().len().saturating_sub(1);
                match intent {
                    Some(I::Up) => match self.founder {
                        None | Some(0) => self.focus.prev(),
                        Some(i) => self.founder = Some(i - 1),
                    },
                    Some(I::Down) => {
                        self.founder = Some(self.founder.map_or(0, |i| (i + 1).min(last)));
                        self.clear_error(Field::Founder);
                    }
                    Some(I::Pick) => return Done::Submit,
                    // Not the form's: the app's keys (the help…).
                    _ => return Done::Pass,
                }
                Done::Open
            }
        }
    }

    /// Pasted text goes into the focused text field (the founder is chosen, not typed).
    fn paste(&mut self, text: &str) {
        let here = self.field();
        if let Some(f) = self.text_field(here) {
            f.paste(text);
            self.clear_error(here);
        }
    }

    fn commands(&self) -> Vec<Command> {
        vec![
            C::of(S::Form, I::NextQuestion).label("次の欄", "next field"),
            C::of(S::Form, I::Pick).label("次へ／作成", "next / create"),
            C::of(S::Form, I::Back).label("中止", "cancel"),
        ]
    }

    fn scope(&self) -> Scope {
        Scope::Form
    }
}
