//! Confirming from the risk matrix: a control whose status rests on last year's word is
//! confirmed where that word was given. The user's mark copied with the record is confirmed as
//! it is ([`confirm::control`]); a status proven by a carried interview answer is confirmed by
//! confirming that answer ([`confirm::answer`], as the interview's own key does), which confirms
//! every control it proves. A checklist answer or a vendor's return needs more than "as it
//! is" — a new 確認日, a new form — and is left for the checklist screen, saying so.

use super::confirm::{self, ConfirmError};
use crate::domain::lang::Lang;
use crate::domain::matrix::{ControlState, Sources, StatusSource};
use crate::domain::record::Record;
use chrono::{DateTime, Utc};

/// What confirming a control's carried status took off the carried mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmed {
    /// The control's own mark (status, note, system as they are).
    Mark,
    /// The interview answer that proves it (question id).
    Answer(String),
}

/// Why a control's status was not confirmed from the matrix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MatrixConfirmError {
    #[error("{0}")]
    Confirm(ConfirmError),
    /// It rests on a carried checklist answer: confirmed on the checklist with a new 確認日.
    #[error("`{0}` rests on last year's checklist answer: confirm it on the checklist (c) with a new date checked")]
    OnChecklist(String),
    /// It rests on a vendor's carried return: confirmed on the checklist's vendors.
    #[error("`{0}` rests on a vendor's form carried from last year: take it as this year's on the checklist's vendors (c)")]
    OnVendorForm(String),
}

impl MatrixConfirmError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (MatrixConfirmError::Confirm(e), _) => e.message(lang),
            (_, Lang::En) => self.to_string(),
            (MatrixConfirmError::OnChecklist(c), Lang::Ja) => format!(
                "`{c}` は昨年のチェックリストの回答によります：チェックリスト（c）で新しい確認日を入れて確認してください"
            ),
            (MatrixConfirmError::OnVendorForm(c), Lang::Ja) => format!(
                "`{c}` は昨年の事業者の回答によります：チェックリスト（c）の事業者で今年のものとしてください"
            ),
        }
    }
}

/// Confirms what the carried status of `control` rests on.
pub fn control(
    sources: &Sources,
    record: &mut Record,
    control: &str,
    now: DateTime<Utc>,
) -> Result<Confirmed, MatrixConfirmError> {
    let Some(c) = sources.catalog.control(control) else {
        // The domain's own refusal names the controls there are.
        return confirm::control(sources.catalog, record, control, now)
            .map(|()| Confirmed::Mark)
            .map_err(MatrixConfirmError::Confirm);
    };
    let state = ControlState::of(sources, c, record);
    let not_carried = || MatrixConfirmError::Confirm(ConfirmError::NotCarried(control.into()));
    if !state.carried {
        return Err(not_carried());
    }
    match &state.source {
        StatusSource::User => confirm::control(sources.catalog, record, control, now)
            .map(|()| Confirmed::Mark)
            .map_err(MatrixConfirmError::Confirm),
        StatusSource::Interview { question, .. } => {
            confirm::answer(record, sources.qn, question, now)
                .map(|()| Confirmed::Answer(question.clone()))
                .map_err(MatrixConfirmError::Confirm)
        }
        StatusSource::Checklist(_) => Err(MatrixConfirmError::OnChecklist(control.into())),
        StatusSource::Vendor { .. } | StatusSource::VendorPacket { .. } => {
            Err(MatrixConfirmError::OnVendorForm(control.into()))
        }
        StatusSource::Default => Err(not_carried()),
    }
}

/// What confirming a risk category "as it is" did: the controls confirmed (with those an
/// answer confirmed on the way), and those left carried because they rest on the checklist or
/// a vendor's form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Category {
    pub confirmed: Vec<String>,
    pub left: Vec<String>,
}

/// The controls of a risk category (`None`: every control) whose status is carried.
pub fn carried_in(sources: &Sources, record: &Record, category: Option<&str>) -> Vec<String> {
    let catalog = sources.catalog;
    catalog
        .controls
        .iter()
        .filter(|c| {
            category.is_none_or(|cat| {
                c.scenarios
                    .iter()
                    .filter_map(|s| catalog.scenario(s))
                    .any(|s| s.category == cat)
            })
        })
        .filter(|c| ControlState::of(sources, c, record).carried)
        .map(|c| c.id.clone())
        .collect()
}

/// Confirms every carried status of a risk category (`None`: every control), as it is.
pub fn category(
    sources: &Sources,
    record: &mut Record,
    category: Option<&str>,
    now: DateTime<Utc>,
) -> Category {
    let mut done = Category::default();
    for id in carried_in(sources, record, category) {
        let still = sources
            .catalog
            .control(&id)
            .is_some_and(|c| ControlState::of(sources, c, record).carried);
        if !still {
            // Confirmed on the way, by an answer that proves it too.
            done.confirmed.push(id);
            continue;
        }
        match control(sources, record, &id, now) {
            Ok(_) => done.confirmed.push(id),
            Err(_) => done.left.push(id),
        }
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history;
    use crate::domain::matrix::mark::{set_mark, MarkChange};
    use crate::domain::matrix::{ControlStatus, Coverage, StatusInput};
    use crate::domain::validate::answer_from_input;
    use crate::domain::{Questionnaire, RecordId};
    use chrono::TimeZone;

    fn at(y: i32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, 6, 1, 9, 0, 0).unwrap()
    }

    /// Last year's record with a user's mark and an answer that proves a control, copied.
    fn copied() -> Record {
        let qn = Questionnaire::embedded();
        let sources = Sources::embedded();
        let mut old = Record::new(RecordId::new(2025, 1), at(2025).date_naive(), at(2025));
        answer_from_input(qn, &mut old, "backup", "yes", at(2025)).unwrap();
        answer_from_input(qn, &mut old, "backup_offline", "yes", at(2025)).unwrap();
        let change = MarkChange {
            status: Some(StatusInput::Set(ControlStatus::InPlace)),
            ..MarkChange::default()
        };
        set_mark(sources.catalog, &mut old, "mfa_remote", change, at(2025)).unwrap();
        let clock = crate::domain::clock::Clock::utc(at(2026));
        history::copy(&old, RecordId::new(2026, 1), &clock)
    }

    fn known(r: &Record, id: &str) -> bool {
        let cov = Coverage::with(&Sources::embedded(), r);
        cov.control(id).is_some_and(|c| c.is_known())
    }

    #[test]
    fn a_carried_mark_and_a_carried_answer_are_confirmed_where_they_were_given() {
        let sources = Sources::embedded();
        let mut r = copied();
        assert!(!known(&r, "mfa_remote") && !known(&r, "backup_offline"));
        assert_eq!(
            control(&sources, &mut r, "mfa_remote", at(2026)),
            Ok(Confirmed::Mark)
        );
        assert!(known(&r, "mfa_remote"));
        assert_eq!(
            control(&sources, &mut r, "backup_offline", at(2026)),
            Ok(Confirmed::Answer("backup_offline".into()))
        );
        assert!(known(&r, "backup_offline"));
        assert!(!r.answers["backup_offline"].carried);
        // Twice: nothing carried any more.
        assert!(matches!(
            control(&sources, &mut r, "mfa_remote", at(2026)),
            Err(MatrixConfirmError::Confirm(ConfirmError::NotCarried(_)))
        ));
    }

    #[test]
    fn a_category_is_confirmed_at_once() {
        let sources = Sources::embedded();
        let mut r = copied();
        let before = carried_in(&sources, &r, None);
        assert!(before.contains(&"mfa_remote".to_string()), "{before:?}");
        let done = category(&sources, &mut r, None, at(2026));
        assert_eq!(done.confirmed, before);
        assert!(done.left.is_empty());
        assert!(carried_in(&sources, &r, None).is_empty());
    }
}
