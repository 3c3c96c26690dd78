//! The one confirm question, opened as a screen's [`Overlay::Confirm`]: something that cannot
//! be undone is asked first, and done only on the answer. Two ways to answer, one component:
//!
//! - by a key (a vendor removed, a place of the contact chart cleared): `y` does it, any other
//!   key keeps things as they are;
//! - by typing a word (a record deleted from the home screen: its hospital name), Enter
//!   checking it, Esc keeping the record.
//!
//! The question is the screen's to say and to place (under the list it is about, or in a box);
//! what is asked about rides in [`Confirm::about`], so the screen acts on that and not on
//! where its cursor happens to be once the answer comes.
//!
//! [`Overlay::Confirm`]: super::overlay::Overlay::Confirm

use crate::text::wrap;
use crate::tui::commands::{confirm_commands, Command};
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::screens::overlay::Done;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::{FieldKey, TextField};
use crossterm::event::KeyEvent;
use ratatui::text::Line;

/// A question waiting for its answer, about `A`.
pub struct Confirm<A = ()> {
    /// What is asked about: the screen does it to this once confirmed.
    pub about: A,
    answer: Answer,
}

enum Answer {
    /// `y` confirms; the footer says what it does (ja, en) and what another key keeps (en).
    Key {
        ja: &'static str,
        en: &'static str,
        keep_en: &'static str,
    },
    /// The word to type, and whether the last Enter found it typed otherwise (the field boxed:
    /// a key answer, the common one, stays small).
    Typed {
        expected: String,
        field: Box<TextField>,
        mismatch: bool,
    },
}

impl<A> Confirm<A> {
    /// Answered by a key: `y` does what the footer calls `ja` / `en`, any other key keeps it
    /// (`keep_en`).
    pub fn key(about: A, ja: &'static str, en: &'static str, keep_en: &'static str) -> Self {
        Confirm {
            about,
            answer: Answer::Key { ja, en, keep_en },
        }
    }

    /// Answered by typing `expected` (blanks around it do not count) and Enter.
    pub fn typed(about: A, expected: &str) -> Self {
        Confirm {
            about,
            answer: Answer::Typed {
                expected: expected.to_string(),
                field: Box::new(TextField::single("")),
                mismatch: false,
            },
        }
    }

    /// [`Done::Confirmed`] on the answer that does it, [`Done::Closed`] on one that keeps
    /// things as they are; [`Done::Open`] while the word is typed.
    pub fn handle(&mut self, key: KeyEvent) -> Done {
        match &mut self.answer {
            Answer::Key { .. } => {
                if keys::intent_in(Scope::Confirm, &key) == Some(Intent::Confirm) {
                    Done::Confirmed
                } else {
                    Done::Closed
                }
            }
            Answer::Typed {
                expected,
                field,
                mismatch,
            } => match field.handle(key) {
                FieldKey::Submit if field.text().trim() == expected.trim() => Done::Confirmed,
                FieldKey::Submit => {
                    *mismatch = true;
                    Done::Open
                }
                FieldKey::Cancel => Done::Closed,
                _ => {
                    *mismatch = false;
                    Done::Open
                }
            },
        }
    }

    /// Pasted text goes into the word being typed (a key answer takes no paste).
    pub fn paste(&mut self, text: &str) {
        if let Answer::Typed { field, .. } = &mut self.answer {
            field.paste(text);
        }
    }

    pub fn commands(&self) -> Vec<Command> {
        match &self.answer {
            Answer::Key { ja, en, keep_en } => confirm_commands(ja, en, keep_en),
            Answer::Typed { .. } => vec![
                Command::of(Scope::Fields, Intent::Pick).label("決定", "OK"),
                Command::of(Scope::Fields, Intent::Back).label("中止", "cancel"),
            ],
        }
    }

    pub fn scope(&self) -> Scope {
        match self.answer {
            Answer::Key { .. } => Scope::Confirm,
            Answer::Typed { .. } => Scope::Fields,
        }
    }

    /// The field the word is typed in, for a question answered by typing.
    pub fn field(&self) -> Option<&TextField> {
        match &self.answer {
            Answer::Key { .. } => None,
            Answer::Typed { field, .. } => Some(field),
        }
    }

    /// The last Enter found the word typed otherwise (nothing was done).
    pub fn mismatch(&self) -> bool {
        matches!(self.answer, Answer::Typed { mismatch: true, .. })
    }
}

/// A question answered by a key, as a panel shows it under what it is about: wrapped to `w`,
/// in the warning's colour.
pub fn question_lines(question: &str, w: usize, t: &Theme) -> Vec<Line<'static>> {
    wrap(question, w)
        .into_iter()
        .map(|line| Line::styled(line, t.warn()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn y_does_it_and_any_other_key_keeps_it() {
        let mut c = Confirm::key(3usize, "削除する", "remove", "keep it");
        assert_eq!(c.handle(press(KeyCode::Char('y'))), Done::Confirmed);
        assert_eq!(c.about, 3);
        for other in [
            KeyCode::Char('n'),
            KeyCode::Char('Y'),
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::F(1),
        ] {
            assert_eq!(c.handle(press(other)), Done::Closed, "{other:?}");
        }
        assert_eq!(c.scope(), Scope::Confirm);
        assert!(c.field().is_none());
    }

    #[test]
    fn a_typed_answer_must_match_and_a_new_key_clears_the_refusal() {
        let mut c = Confirm::typed((), "みなと病院");
        c.paste("みなと");
        assert_eq!(c.handle(press(KeyCode::Enter)), Done::Open);
        assert!(c.mismatch(), "nothing is done on a name typed otherwise");
        assert_eq!(c.handle(press(KeyCode::Char('病'))), Done::Open);
        assert!(!c.mismatch());
        c.paste("院 ");
        assert_eq!(c.handle(press(KeyCode::Enter)), Done::Confirmed);
        assert_eq!(c.handle(press(KeyCode::Esc)), Done::Closed);
        assert_eq!(c.scope(), Scope::Fields);
    }
}
