//! The answer rules of the checklist (all editions), and the one path by which a hospital's
//! answer gets into a record.
//!
//! - `yes`/`no` with `checked_on` (確認日), never in the future;
//! - `no` needs `target_on` (目標日), on or after `checked_on` and no later than 31 March closing
//!   the fiscal year of `checked_on` — or the item's own later deadline (`target_by`);
//! - a re-check on a later day adds a new answer (1回目, 2回目…); on the same day it corrects the
//!   latest one; over a carried answer (not checked this year) it takes its place.

use super::carry::{self, CarryReport};
use super::date;
use super::edition::{Edition, Editions, Item};
use crate::domain::lang::Lang;
use crate::domain::record::checklist_answers::{ChecklistAnswers, Evidence, ItemAnswer, YesNo};
use crate::domain::record::Record;
use chrono::{DateTime, NaiveDate, Utc};

/// The one note limit of every path (see [`crate::domain::limits`]).
pub const NOTE_MAX: usize = crate::domain::limits::NOTE_MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateField {
    Checked,
    Target,
}

impl DateField {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            DateField::Checked => lang.pick("確認日", "date checked"),
            DateField::Target => lang.pick("目標日", "target date"),
        }
    }
}

/// How far a target date may go for one check, and why that far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetLimit {
    pub date: NaiveDate,
    /// The item's own deadline (`target_by`) rather than the end of the fiscal year.
    pub by_item: bool,
}

/// Why a checklist answer was refused; each message says what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChecklistError {
    #[error("no checklist edition `{edition}`; editions: {}", known.join(", "))]
    UnknownEdition { edition: String, known: Vec<String> },
    #[error("no item `{item}` in {edition}; items: {}", known.join(", "))]
    UnknownItem {
        item: String,
        edition: String,
        known: Vec<String>,
    },
    #[error("`{input}` is not an answer: allowed yes, no, or - to withdraw the latest")]
    BadAnswer { input: String },
    #[error("{}: `{input}` is not a date: write YYYY-MM-DD", field.name(Lang::En))]
    NotADate { field: DateField, input: String },
    #[error(
        "the date checked {checked_on} is in the future: the date checked is today ({today}) or earlier"
    )]
    CheckedInFuture {
        checked_on: NaiveDate,
        today: NaiveDate,
    },
    #[error("the date checked {checked_on} is before 2000-01-01: write the date the item was checked, YYYY-MM-DD")]
    CheckedTooEarly { checked_on: NaiveDate },
    #[error("the date checked {checked_on} is after the assessment's fiscal year (it ends {year_end}): a check of this record is dated by then")]
    CheckedAfterYear {
        checked_on: NaiveDate,
        year_end: NaiveDate,
    },
    #[error("the date checked {checked_on} is before the previous check ({previous}): a re-check is dated on or after it")]
    CheckedBeforePrevious {
        checked_on: NaiveDate,
        previous: NaiveDate,
    },
    #[error("`no` needs a target date from {checked_on} to {}", limit.date)]
    NoTarget {
        checked_on: NaiveDate,
        limit: TargetLimit,
    },
    #[error("a target date is given only with `no`: leave the target date empty for `yes`")]
    TargetOnYes,
    #[error(
        "`{item}` takes no target date: a hospital without systems has nothing to put in place"
    )]
    TargetOnGate { item: String },
    #[error("the target date {target_on} is before the date checked {checked_on}: the target is on or after the day checked")]
    TargetBeforeCheck {
        target_on: NaiveDate,
        checked_on: NaiveDate,
    },
    #[error("the target date {target_on} is after {}{}: the target is at the latest {}", limit.date, limit_reason_en(limit), limit.date)]
    TargetTooLate {
        target_on: NaiveDate,
        limit: TargetLimit,
    },
    #[error("the note has {len} characters: at most {max}")]
    NoteTooLong { len: usize, max: usize },
    #[error(transparent)]
    Control(#[from] crate::domain::limits::ControlCharacter),
    #[error("`{item}` has no answer to withdraw")]
    NothingToWithdraw { item: String },
    #[error("`{item}` is not answered yet: a note belongs to a check, answer yes or no first")]
    NoCheckForNote { item: String },
}

fn limit_reason_en(l: &TargetLimit) -> &'static str {
    if l.by_item {
        " (the item's own deadline)"
    } else {
        " (the end of the fiscal year of the date checked)"
    }
}

impl ChecklistError {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        use ChecklistError as E;
        match self {
            E::UnknownEdition { edition, known } => format!(
                "チェックリストの版 `{edition}` はありません。版：{}",
                known.join(", ")
            ),
            E::UnknownItem {
                item,
                edition,
                known,
            } => format!(
                "{edition} に項目 `{item}` はありません。項目：{}",
                known.join(", ")
            ),
            E::BadAnswer { input } => format!(
                "`{input}` は回答になりません：yes（はい）、no（いいえ）、または - （最新の回答を取り消す）"
            ),
            E::NotADate { field, input } => format!(
                "{}：`{input}` は日付ではありません。YYYY-MM-DD の形で入力してください",
                field.name(lang)
            ),
            E::CheckedInFuture { checked_on, today } => format!(
                "確認日 {checked_on} は未来の日付です：今日（{today}）以前にしてください"
            ),
            E::CheckedTooEarly { checked_on } => format!(
                "確認日 {checked_on} は 2000-01-01 より前です：確認した日を YYYY-MM-DD で入力してください"
            ),
            E::CheckedAfterYear {
                checked_on,
                year_end,
            } => format!(
                "確認日 {checked_on} は診断の年度（{year_end} まで）より後です：この記録の確認はその日までの日付にしてください"
            ),
            E::CheckedBeforePrevious {
                checked_on,
                previous,
            } => format!(
                "確認日 {checked_on} は前回の確認日（{previous}）より前です：再確認は前回以降の日付にしてください"
            ),
            E::NoTarget { checked_on, limit } => format!(
                "「いいえ」には目標日が必要です：{checked_on} から {} までの日付を入力してください",
                limit.date
            ),
            E::TargetOnYes => "目標日は「いいえ」のときだけ入力します：「はい」なら空欄にしてください".into(),
            E::TargetOnGate { item } => format!(
                "`{item}` には目標日を入力しません：医療情報システムがなければ整備するものがありません"
            ),
            E::TargetBeforeCheck {
                target_on,
                checked_on,
            } => format!(
                "目標日 {target_on} は確認日 {checked_on} より前です：確認日以降にしてください"
            ),
            E::TargetTooLate { target_on, limit } => format!(
                "目標日 {target_on} は {}（{}）より後です：{} までにしてください",
                limit.date,
                if limit.by_item {
                    "この項目の期限"
                } else {
                    "確認日の年度末"
                },
                limit.date
            ),
            E::NoteTooLong { len, max } => {
                format!("メモが{len}文字あります：{max}文字以内にしてください")
            }
            E::Control(c) => c.message(Lang::Ja),
            E::NothingToWithdraw { item } => format!("`{item}` には取り消す回答がありません"),
            E::NoCheckForNote { item } => format!(
                "`{item}` はまだ回答がありません：メモは確認（回答）に付くので、先に はい／いいえ で回答してください"
            ),
        }
    }
}

/// The latest target date allowed for a `no` checked on `checked_on`: 31 March closing its
/// fiscal year, or the item's own deadline when that is later.
pub fn target_limit(item: &Item, checked_on: NaiveDate) -> TargetLimit {
    let fy_end = date::fiscal_year_end(checked_on);
    match item.target_by {
        Some(by) if by > fy_end => TargetLimit {
            date: by,
            by_item: true,
        },
        _ => TargetLimit {
            date: fy_end,
            by_item: false,
        },
    }
}

/// Checks a target date against a check date (no `today` needed: this is what a screen calls
/// while the target is being typed).
pub fn check_target(
    item: &Item,
    checked_on: NaiveDate,
    target_on: NaiveDate,
) -> Result<(), ChecklistError> {
    if target_on < checked_on {
        return Err(ChecklistError::TargetBeforeCheck {
            target_on,
            checked_on,
        });
    }
    let limit = target_limit(item, checked_on);
    if target_on > limit.date {
        return Err(ChecklistError::TargetTooLate { target_on, limit });
    }
    Ok(())
}

/// Reads a typed date for a field.
pub fn parse_date_field(field: DateField, raw: &str) -> Result<NaiveDate, ChecklistError> {
    date::parse_date(raw).ok_or_else(|| ChecklistError::NotADate {
        field,
        input: raw.trim().to_string(),
    })
}

/// A target date as it is typed: parsed and checked at once.
pub fn check_target_input(
    item: &Item,
    checked_on: NaiveDate,
    raw: &str,
) -> Result<NaiveDate, ChecklistError> {
    let target = parse_date_field(DateField::Target, raw)?;
    check_target(item, checked_on, target)?;
    Ok(target)
}

/// A date checked as it is typed: a date, not in the future, and not before the item's latest
/// check (a re-check is dated on or after it).
pub fn check_checked_input(
    raw: &str,
    latest: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<NaiveDate, ChecklistError> {
    let checked_on = parse_date_field(DateField::Checked, raw)?;
    check_checked_on(checked_on, today)?;
    if let Some(previous) = latest.filter(|p| checked_on < *p) {
        return Err(ChecklistError::CheckedBeforePrevious {
            checked_on,
            previous,
        });
    }
    Ok(checked_on)
}

/// The first date a check may bear: shindan's checklists are from 2023 on, and a date before
/// 2000 is a slip (`1900-01-01`, a year typed short), never a check.
pub const EARLIEST_CHECK: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// A date checked is between 2000-01-01 and today.
fn check_checked_on(checked_on: NaiveDate, today: NaiveDate) -> Result<(), ChecklistError> {
    if checked_on > today {
        return Err(ChecklistError::CheckedInFuture { checked_on, today });
    }
    if checked_on < EARLIEST_CHECK {
        return Err(ChecklistError::CheckedTooEarly { checked_on });
    }
    Ok(())
}

/// Every rule of one answer.
pub fn check_answer(
    item: &Item,
    answer: YesNo,
    checked_on: NaiveDate,
    target_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), ChecklistError> {
    check_checked_on(checked_on, today)?;
    if item.is_gate && answer == YesNo::No {
        return match target_on {
            None => Ok(()),
            Some(_) => Err(ChecklistError::TargetOnGate {
                item: super::label::gate(Lang::Ja).to_string(),
            }),
        };
    }
    match (answer, target_on) {
        (YesNo::Yes, None) => Ok(()),
        (YesNo::Yes, Some(_)) => Err(ChecklistError::TargetOnYes),
        (YesNo::No, None) => Err(ChecklistError::NoTarget {
            checked_on,
            limit: target_limit(item, checked_on),
        }),
        (YesNo::No, Some(t)) => check_target(item, checked_on, t),
    }
}

pub fn check_note(note: &str) -> Result<(), ChecklistError> {
    let len = note.chars().count();
    if len > NOTE_MAX {
        return Err(ChecklistError::NoteTooLong { len, max: NOTE_MAX });
    }
    Ok(crate::domain::limits::refuse_control(note, true)?)
}

/// One check as entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerInput {
    pub answer: YesNo,
    pub checked_on: NaiveDate,
    pub target_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub evidence: Option<Evidence>,
}

/// What happened to the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// 1 for 1回目…
    pub number: usize,
    /// Same check date as the latest answer: that answer was corrected, not added to.
    pub corrected: bool,
    /// Answers were carried from the previous edition first (the first answer to an edition).
    pub carried: Option<CarryReport>,
}

impl Recorded {
    /// The receipt both front ends print after an item's label: 「はい  確認日 2026-12-01
    /// 目標日 2027-03-31（2回目を訂正）」, so the screen and `checklist answer` say the same.
    pub fn describe(&self, input: &AnswerInput, lang: Lang) -> String {
        let mut s = format!(
            "{}  {} {}",
            input.answer.label(lang),
            lang.pick("確認日", "checked"),
            input.checked_on
        );
        if let Some(t) = input.target_on {
            s.push_str(&format!("  {} {t}", lang.pick("目標日", "target")));
        }
        s.push_str(&if self.corrected {
            lang.pick_with(
                || format!("（{}回目を訂正）", self.number),
                || format!(" (check {} corrected)", self.number),
            )
        } else {
            lang.pick_with(
                || format!("（{}回目）", self.number),
                || format!(" (check {})", self.number),
            )
        });
        s
    }
}

pub fn edition<'e>(editions: &'e Editions, id: &str) -> Result<&'e Edition, ChecklistError> {
    editions
        .get(id)
        .ok_or_else(|| ChecklistError::UnknownEdition {
            edition: id.to_string(),
            known: editions.ids().into_iter().map(String::from).collect(),
        })
}

pub fn item<'e>(edition: &'e Edition, id: &str) -> Result<&'e Item, ChecklistError> {
    edition.item(id).ok_or_else(|| ChecklistError::UnknownItem {
        item: id.to_string(),
        edition: edition.id.clone(),
        known: edition.items.iter().map(|i| i.key()).collect(),
    })
}

/// Records one check of one item, after every rule. The first answer to an edition carries the
/// previous edition's answers over first (see [`carry`]).
pub fn answer(
    editions: &Editions,
    record: &mut Record,
    edition_id: &str,
    item_id: &str,
    input: AnswerInput,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Recorded, ChecklistError> {
    let ed = edition(editions, edition_id)?;
    let it = item(ed, item_id)?;
    check_answer(it, input.answer, input.checked_on, input.target_on, today)?;
    // A check after the record's 年度 belongs to the next year's record, not this one.
    let year_end = record.fiscal_year().last_day();
    if input.checked_on > year_end {
        return Err(ChecklistError::CheckedAfterYear {
            checked_on: input.checked_on,
            year_end,
        });
    }
    let note = input
        .note
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    if let Some(n) = &note {
        check_note(n)?;
    }
    // Check against the answers as they will be after the carry, without touching the record
    // until everything holds.
    let preview = carry::preview(editions, record, ed);
    let existing = record
        .checklists
        .get(&ed.id)
        .or(preview.as_ref().map(|p| &p.answers));
    if let Some(latest) = existing.and_then(|a| a.latest(item_id)) {
        if input.checked_on < latest.checked_on {
            return Err(ChecklistError::CheckedBeforePrevious {
                checked_on: input.checked_on,
                previous: latest.checked_on,
            });
        }
    }
    let carried = carry::start(editions, record, ed);
    let answers: &mut ChecklistAnswers = record.checklists.entry(ed.id.clone()).or_default();
    let history = answers.items.entry(item_id.to_string()).or_default();
    let entry = ItemAnswer {
        answer: input.answer,
        checked_on: input.checked_on,
        target_on: input.target_on,
        note,
        evidence: input.evidence,
        at: now,
        carried: None,
    };
    let corrected = history
        .last()
        .is_some_and(|l| l.checked_on == input.checked_on);
    // A carried answer (last year's, or the previous edition's) was never this year's check:
    // checking the item again replaces it, so that this year's form starts at 1回目.
    let over_carried = history.last().is_some_and(|l| l.carried.is_some());
    if corrected || over_carried {
        history.pop();
    }
    history.push(entry);
    let number = history.len();
    record.touch(now);
    Ok(Recorded {
        number,
        corrected,
        carried,
    })
}

/// Withdraws the latest answer of an item (one entered by mistake); earlier checks stay.
pub fn withdraw(
    editions: &Editions,
    record: &mut Record,
    edition_id: &str,
    item_id: &str,
    now: DateTime<Utc>,
) -> Result<ItemAnswer, ChecklistError> {
    let ed = edition(editions, edition_id)?;
    let label = item(ed, item_id)?.key();
    let nothing = || ChecklistError::NothingToWithdraw {
        item: label.clone(),
    };
    let current = match record.checklists.get(&ed.id) {
        Some(a) => Some(a.clone()),
        None => carry::preview(editions, record, ed).map(|p| p.answers),
    };
    if current.is_none_or(|a| a.history(item_id).is_empty()) {
        return Err(nothing());
    }
    carry::start(editions, record, ed);
    let answers = record.checklists.get_mut(&ed.id).ok_or_else(nothing)?;
    let history = answers.items.get_mut(item_id).ok_or_else(nothing)?;
    let removed = history.pop().ok_or_else(nothing)?;
    if history.is_empty() {
        answers.items.remove(item_id);
    }
    record.touch(now);
    Ok(removed)
}

/// Writes (or with an empty text removes) the note of an item's latest check, changing nothing
/// else: a note is the hospital's remark on that check (「電子カルテ更新時に導入」), so it needs a
/// check to belong to. A carried answer keeps its carried mark: writing a note is not checking
/// the item again.
pub fn note(
    editions: &Editions,
    record: &mut Record,
    edition_id: &str,
    item_id: &str,
    note: &str,
    now: DateTime<Utc>,
) -> Result<(), ChecklistError> {
    let ed = edition(editions, edition_id)?;
    let label = item(ed, item_id)?.key();
    let note = note.trim();
    check_note(note)?;
    let none = || ChecklistError::NoCheckForNote {
        item: label.clone(),
    };
    let answered = match record.checklists.get(&ed.id) {
        Some(a) => !a.history(item_id).is_empty(),
        None => carry::preview(editions, record, ed)
            .is_some_and(|p| !p.answers.history(item_id).is_empty()),
    };
    if !answered {
        return Err(none());
    }
    carry::start(editions, record, ed);
    let latest = record
        .checklists
        .get_mut(&ed.id)
        .and_then(|a| a.items.get_mut(item_id))
        .and_then(|h| h.last_mut())
        .ok_or_else(none)?;
    latest.note = (!note.is_empty()).then(|| note.to_string());
    record.touch(now);
    Ok(())
}
