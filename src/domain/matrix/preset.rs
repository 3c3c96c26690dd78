//! Controls the interview already answers for: `backup_offline = yes` proves the offline
//! backup is in place. The preset is computed from the answers every time rather than stored,
//! so that it follows a changed answer — until the user sets the control, whose word then wins.

use super::catalog::Control;
use super::mark::ControlStatus;
use crate::domain::lang::Lang;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::record::Record;
use serde::{Deserialize, Serialize};

/// One line of a control's `preset`: when `question`'s answer is one of `values`, the control
/// has `status`. Numbers are written as their decimal text (`staff_total = "0"`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub question: String,
    pub values: Vec<String>,
    pub status: ControlStatus,
}

/// Where a control's status comes from, which a screen shows beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusSource {
    /// The user set it (command line or matrix screen).
    User,
    /// The interview answer `question = value` proves it ("from the interview").
    Interview { question: String, value: String },
    /// Nobody has said: unknown.
    Default,
}

impl StatusSource {
    pub fn id(&self) -> &'static str {
        match self {
            StatusSource::User => "user",
            StatusSource::Interview { .. } => "interview",
            StatusSource::Default => "default",
        }
    }

    /// `from the interview: backup_offline = yes`, for a line beside the status.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            StatusSource::User => lang.pick("利用者が設定", "set by the user").to_string(),
            StatusSource::Interview { question, value } => match lang {
                Lang::Ja => format!("ヒアリングの回答から：{question} = {value}"),
                Lang::En => format!("from the interview: {question} = {value}"),
            },
            StatusSource::Default => lang.pick("未設定", "not set").to_string(),
        }
    }
}

/// The status the interview's answers give a control, if any: the first of its presets whose
/// question is asked of this record and answered with one of the values. An answer kept for a
/// question that skip logic now hides proves nothing.
pub fn from_interview(
    control: &Control,
    record: &Record,
    qn: &Questionnaire,
) -> Option<(ControlStatus, StatusSource)> {
    control.preset.iter().find_map(|p| {
        let value = qn.effective(&p.question, record)?;
        let given: Vec<String> = match value.as_number() {
            Some(n) => vec![n.to_string()],
            None => value.choices().into_iter().map(String::from).collect(),
        };
        let hit = given.iter().find(|g| p.values.contains(g))?;
        Some((
            p.status,
            StatusSource::Interview {
                question: p.question.clone(),
                value: hit.clone(),
            },
        ))
    })
}

/// A control's status in a record and where it comes from: the user's status wins, then the
/// interview's, then unknown.
pub fn status_of(
    control: &Control,
    record: &Record,
    qn: &Questionnaire,
) -> (ControlStatus, StatusSource) {
    if let Some(s) = record.controls.get(&control.id).and_then(|m| m.status) {
        return (s, StatusSource::User);
    }
    from_interview(control, record, qn).unwrap_or((ControlStatus::Unknown, StatusSource::Default))
}
