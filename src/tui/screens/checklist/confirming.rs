//! Confirming on the checklist what a copy carried from last year: the item under the cursor,
//! or every carried item of its section ("all unchanged"), through the same domain functions as
//! `shindan confirm` (`carried::confirm::checklist_item`, `checklist_section`).
//!
//! A carried answer keeps last year's 確認日 in sight until it is confirmed, and confirming
//! never keeps that date: the item is checked again today (the local date of the clock the
//! screen opened with). A いいえ whose 目標日 no longer fits today cannot be confirmed as it
//! is: the answer form opens on it, the refusal under the target, for a new date.

use super::answer_form::AnswerForm;
use super::overlaid::ChecklistForm;
use super::Checklist;
use crate::domain::carried::confirm::{self, ConfirmError};
use crate::domain::checklist::view::Row;
use crate::domain::Lang;
use crate::tui::app::Action;
use crate::tui::commands::Command;
use crate::tui::keys::{Intent, Scope};
use crate::tui::screens::overlay::Overlay;
use crate::tui::session::{Refused, Session};

/// Why an item could not be confirmed, without its id (the screen names it as printed).
fn reason(e: &ConfirmError, lang: Lang) -> String {
    match e {
        ConfirmError::Checklist { error, .. } => error.message(lang),
        ConfirmError::NotLater {
            checked_on,
            carried_on,
            ..
        } => lang
            .pick_with(
                || format!("今日（{checked_on}）は前年度の確認日（{carried_on}）より後ではありません：y／n で日付を入れて回答してください"),
                || format!("today ({checked_on}) is not after last year's date checked ({carried_on}): answer with y / n and a date"),
            ),
        other => other.message(lang),
    }
}

/// Whether the item's latest answer is last year's, not yet confirmed.
pub fn carried(row: &Row) -> bool {
    row.latest().is_some_and(|a| a.carried.is_some())
}

impl Checklist {
    /// The carried items of the section under the cursor, and the section's number.
    pub(super) fn carried_in_section(&self) -> (Option<u8>, usize) {
        let Some(here) = self.row().map(|r| r.item.section) else {
            return (None, 0);
        };
        let n = self
            .view
            .rows()
            .filter(|r| r.item.section == here && carried(r))
            .count();
        (Some(here), n)
    }

    /// Confirms the item under the cursor as last year's answer, checked today.
    pub(super) fn confirm_item(&mut self, session: &mut Session, lang: Lang) -> Action {
        let Some(row) = self.row() else {
            return Action::None;
        };
        let Some(latest) = row.latest().filter(|_| carried(row)).cloned() else {
            return Action::Flash(
                lang.pick(
                    "この項目に昨年から引き継いだ未確認の回答はありません",
                    "Nothing carried from last year to confirm on this item",
                )
                .to_string(),
            );
        };
        let (item, label) = (row.item, row.item.printed(lang));
        let (editions, edition) = (self.editions, &self.edition.id);
        let today = self.clock.today();
        let now = crate::clock::system().now();
        let done = session.update(|r| {
            confirm::checklist_item(editions, r, edition, &item.id, today, None, today, now)
        });
        match done {
            Ok(()) => {
                self.rebuild(session);
                self.go(self.cursor + 1);
                let (answer, was) = (latest.answer.label(lang), latest.checked_on);
                let said = lang.pick_with(
                    || {
                        format!(
                            "{label} {answer}：前年度 確認日 {was} → 確認日 {today} で確認しました"
                        )
                    },
                    || format!("{label} {answer}: confirmed, checked {today} (last year {was})"),
                );
                Action::Flash(said)
            }
            Err(Refused::ReadOnly(h)) => Action::Flash(Refused::read_only_message(&h, lang)),
            Err(Refused::Rule(ConfirmError::Checklist { error, .. })) => {
                // The answer as it was does not hold today (a 目標日 passed): the form asks.
                let mut form = AnswerForm::open(item, latest.answer, Some(&latest), today);
                let message = error.message(lang);
                form.refuse(error);
                self.overlay = Some(Overlay::Form(ChecklistForm::Answer(form)));
                Action::Flash(message)
            }
            Err(Refused::Rule(e)) => Action::Flash(format!(
                "{label}{}{}",
                lang.pick("：", ": "),
                reason(&e, lang)
            )),
        }
    }

    /// Confirms every carried item of the cursor's section, checked today; says how many, and
    /// which were left (with the first reason) for one at a time.
    pub(super) fn confirm_section(&mut self, session: &mut Session, lang: Lang) -> Action {
        let (Some(number), n) = self.carried_in_section() else {
            return Action::None;
        };
        // The flash is one line: the section by its number, as the list heads it (■3).
        let name = lang.pick_with(|| format!("項{number}"), || format!("Section {number}"));
        if n == 0 {
            return Action::Flash(lang.pick_with(
                || format!("{name}に昨年から引き継いだ未確認の回答はありません"),
                || format!("{name}: nothing carried to confirm"),
            ));
        }
        let (editions, edition) = (self.editions, &self.edition.id);
        let today = self.clock.today();
        let now = crate::clock::system().now();
        let done = session.update(|r| {
            confirm::checklist_section(editions, r, edition, Some(number), today, today, now)
        });
        match done {
            Ok(batch) => {
                self.rebuild(session);
                let mut msg = lang.pick_with(
                    || {
                        format!(
                            "{name}の昨年の回答{}件を確認日 {today} で確認しました",
                            batch.confirmed.len()
                        )
                    },
                    || {
                        format!(
                            "{name}: {} carried answer(s) confirmed, checked {today}",
                            batch.confirmed.len()
                        )
                    },
                );
                if !batch.left.is_empty() {
                    let left: Vec<String> = batch
                        .left
                        .iter()
                        .map(|(item, _)| {
                            self.edition
                                .item(item)
                                .map_or_else(|| item.clone(), |i| i.printed(lang))
                        })
                        .collect();
                    let left = left.join(lang.pick("・", ", "));
                    let key = Command::of(Scope::Checklist, Intent::Confirm).hint(lang).0;
                    msg.push_str(&lang.pick_with(
                        || format!("。{left} は {key} で一つずつ"),
                        || format!(". {left}: {key}, one at a time"),
                    ));
                }
                Action::Flash(msg)
            }
            Err(Refused::ReadOnly(h)) => Action::Flash(Refused::read_only_message(&h, lang)),
            Err(Refused::Rule(e)) => Action::Flash(e.message(lang)),
        }
    }
}
