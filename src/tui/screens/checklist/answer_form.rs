//! An answer being entered: はい or いいえ, the date checked (today unless changed) and, for いいえ,
//! the target date — each checked by the domain as it is typed, so that the allowed range and
//! any error are on screen before Enter.

use crate::domain::checklist::rules::{self, ChecklistError, DateField, TargetLimit};
use crate::domain::checklist::{AnswerInput, Item, YesNo};
use crate::domain::record::checklist_answers::ItemAnswer;
use crate::tui::keys::Scope;
use crate::tui::widgets::form::{Focus, FormKey};
use crate::tui::widgets::text_field::{FieldKey, TextField};
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use serde_json::json;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Checked,
    Target,
}

/// Which field an error of the domain is about, to show it under that field.
pub fn field_of(e: &ChecklistError) -> Option<Field> {
    use ChecklistError as E;
    match e {
        E::NotADate {
            field: DateField::Checked,
            ..
        }
        | E::CheckedInFuture { .. }
        | E::CheckedTooEarly { .. }
        | E::CheckedAfterYear { .. }
        | E::CheckedBeforePrevious { .. } => Some(Field::Checked),
        E::NotADate {
            field: DateField::Target,
            ..
        }
        | E::NoTarget { .. }
        | E::TargetOnYes
        | E::TargetOnGate { .. }
        | E::TargetBeforeCheck { .. }
        | E::TargetTooLate { .. } => Some(Field::Target),
        _ => None,
    }
}

pub struct AnswerForm {
    pub item: String,
    /// The item answered: the form checks its dates against its rules as they are typed.
    pub of: &'static Item,
    pub answer: YesNo,
    pub checked: TextField,
    /// For いいえ (not on the gate item, whose いいえ has nothing to put in place).
    pub target: Option<TextField>,
    /// Among [`AnswerForm::order`]: the top field first.
    focus: Focus,
    pub checked_error: Option<ChecklistError>,
    pub target_error: Option<ChecklistError>,
    /// An error that is about neither date (a note too long…).
    pub other_error: Option<ChecklistError>,
    /// How far the target may go, for the date checked as typed (or today while it is not a date).
    pub limit: Option<TargetLimit>,
    /// The item's latest check: a re-check is dated on or after it.
    latest: Option<NaiveDate>,
    today: NaiveDate,
}

impl AnswerForm {
    /// The form as `y` or `n` opens it: checked today; for いいえ the latest target date when the
    /// item was already いいえ, with the cursor in the target field.
    pub fn open(
        item: &'static Item,
        answer: YesNo,
        latest: Option<&ItemAnswer>,
        today: NaiveDate,
    ) -> Self {
        let target = (answer == YesNo::No && !item.is_gate).then(|| {
            let previous = latest
                .filter(|l| l.answer == YesNo::No)
                .and_then(|l| l.target_on)
                .map(|t| t.to_string())
                .unwrap_or_default();
            TextField::single(&previous)
        });
        let focus = Focus::first(if target.is_some() { 2 } else { 1 });
        let mut form = AnswerForm {
            item: item.id.clone(),
            of: item,
            answer,
            checked: TextField::single(&today.to_string()),
            target,
            focus,
            checked_error: None,
            target_error: None,
            other_error: None,
            limit: None,
            latest: latest.map(|l| l.checked_on),
            today,
        };
        form.check(item);
        form
    }

    /// Checks both dates as they stand, through the domain's rules.
    pub fn check(&mut self, item: &Item) {
        let checked = rules::check_checked_input(&self.checked.text(), self.latest, self.today);
        self.checked_error = checked.as_ref().err().cloned();
        let basis = checked.ok().unwrap_or(self.today);
        self.limit = self
            .target
            .as_ref()
            .map(|_| rules::target_limit(item, basis));
        self.target_error = match &self.target {
            Some(t) if !t.text().trim().is_empty() => {
                rules::check_target_input(item, basis, &t.text()).err()
            }
            _ => None,
        };
        self.other_error = None;
    }

    /// The fields as drawn, top first: the target (what a いいえ is typed for), then the date
    /// checked (which starts as today).
    pub fn order(&self) -> &'static [Field] {
        if self.target.is_some() {
            &[Field::Target, Field::Checked]
        } else {
            &[Field::Checked]
        }
    }

    /// The field the typing goes to.
    pub fn focus(&self) -> Field {
        self.order()[self.focus.at()]
    }

    fn focus_on(&mut self, field: Field) {
        if let Some(i) = self.order().iter().position(|f| *f == field) {
            self.focus.set(i);
        }
    }

    /// What a key means to the form (Tab / Shift-Tab move the focus here).
    pub fn key(&mut self, key: &KeyEvent) -> FormKey {
        self.focus.key(Scope::Fields, key)
    }

    pub fn focused(&mut self) -> &mut TextField {
        match (self.focus(), self.target.as_mut()) {
            (Field::Target, Some(t)) => t,
            _ => &mut self.checked,
        }
    }

    /// A key for the focused field; the form re-checks after every change.
    pub fn edit(&mut self, key: KeyEvent) -> FieldKey {
        let done = self.focused().handle(key);
        if done == FieldKey::Edited {
            self.check(self.of);
        }
        done
    }

    pub fn paste(&mut self, text: &str) {
        self.focused().paste(text);
        self.check(self.of);
    }

    /// What to record, or the first error with its field. `note` and `evidence` come from
    /// outside the form (a note written beforehand, the evidence of a check being corrected).
    pub fn input(
        &self,
        item: &Item,
        note: Option<String>,
        evidence: Option<crate::domain::checklist::Evidence>,
    ) -> Result<AnswerInput, ChecklistError> {
        let checked_on = rules::check_checked_input(&self.checked.text(), self.latest, self.today)?;
        let target_on = match &self.target {
            Some(t) if t.text().trim().is_empty() => {
                return Err(ChecklistError::NoTarget {
                    checked_on,
                    limit: rules::target_limit(item, checked_on),
                })
            }
            Some(t) => Some(rules::check_target_input(item, checked_on, &t.text())?),
            None => None,
        };
        Ok(AnswerInput {
            answer: self.answer,
            checked_on,
            target_on,
            note,
            evidence,
        })
    }

    /// Puts a refusal under the field it is about.
    pub fn refuse(&mut self, e: ChecklistError) {
        match field_of(&e) {
            Some(Field::Checked) => {
                self.focus_on(Field::Checked);
                self.checked_error = Some(e);
            }
            Some(Field::Target) if self.target.is_some() => {
                self.focus_on(Field::Target);
                self.target_error = Some(e);
            }
            _ => self.other_error = Some(e),
        }
    }

    /// The form as kept in the record's drafts: the answer and the two fields as typed.
    pub fn encode(&self) -> String {
        json!({
            "answer": self.answer.id(),
            "checked": self.checked.text(),
            "target": self.target.as_ref().map(|t| t.text()),
            "focus": match self.focus() { Field::Checked => "checked", Field::Target => "target" },
        })
        .to_string()
    }

    /// Brings a form back from a draft; `None` when the draft is not one (written by another
    /// build, or damaged): it is then left alone.
    pub fn decode(
        item: &'static Item,
        draft: &str,
        latest: Option<&ItemAnswer>,
        today: NaiveDate,
    ) -> Option<AnswerForm> {
        let v: serde_json::Value = serde_json::from_str(draft).ok()?;
        let answer = YesNo::parse(v.get("answer")?.as_str()?)?;
        let mut form = AnswerForm::open(item, answer, latest, today);
        form.checked = TextField::single(v.get("checked")?.as_str()?);
        if let (Some(t), Some(typed)) = (
            form.target.as_mut(),
            v.get("target").and_then(|t| t.as_str()),
        ) {
            *t = TextField::single(typed);
        }
        if v.get("focus").and_then(|f| f.as_str()) == Some("checked") {
            form.focus_on(Field::Checked);
        }
        form.check(item);
        Some(form)
    }
}
