//! Validation: the one path by which any answer — typed in the interview, given on the command
//! line or imported from a file — gets into a record.

use crate::domain::answer::Value;
use crate::domain::cohort::MIN_HOSPITAL_BEDS;
use crate::domain::lang::{Lang, Text};
use crate::domain::questionnaire::{group_thousands, Kind, Question, Questionnaire};
use crate::domain::record::{Answer, Record};
use chrono::{DateTime, Utc};

mod typed;
pub use typed::parse;

/// Why an answer was refused. Each message says what is allowed, in the user's language
/// ([`AnswerError::message`]); `Display` gives the English one for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("unknown question `{question}`")]
    UnknownQuestion { question: String },
    #[error("{} takes {expected}", label(.question, Lang::En))]
    WrongKind {
        question: String,
        expected: &'static str,
    },
    #[error("`{input}` is not a whole number{}", range_hint(.range))]
    NotANumber {
        input: String,
        /// The question's bounds, so that the message says what is allowed.
        range: Option<(i64, i64)>,
    },
    #[error("{value} is out of range: {min}–{max}")]
    OutOfBounds { value: i64, min: i64, max: i64 },
    #[error("{beds} beds is a clinic (診療所), not a hospital: a hospital has at least 20 beds")]
    NotAHospital { beds: i64 },
    #[error("`{value}` is not an option of {}; give its number or its words: {}", label(.question, Lang::En), joined(allowed, Lang::En))]
    UnknownOption {
        question: String,
        value: String,
        /// The options as printed, numbered (1 国): what a person types back.
        allowed: Vec<Text>,
    },
    #[error("`{option}` cannot be combined with other options")]
    Exclusive { option: String },
    #[error(
        "choose at least one option; give its number or its words: {}",
        joined(allowed, Lang::En)
    )]
    NoChoice { allowed: Vec<Text> },
    #[error("the answer is empty: write 1–{max} characters")]
    Empty { max: i64 },
    #[error("{len} characters is too long: at most {max}")]
    TooLong { len: usize, max: i64 },
    #[error("one line only: the answer may not contain a line break")]
    LineBreak,
    #[error("the control character {shown} is not allowed (it would act on terminals and files): remove it")]
    ControlCharacter { shown: String },
    #[error("{value} is more than {} ({limit}): {} cannot exceed it", label(.other, Lang::En), label(.question, Lang::En))]
    Exceeds {
        question: String,
        value: i64,
        other: String,
        limit: i64,
    },
    #[error("{value} is less than {} ({floor}): lower that first", label(.other, Lang::En))]
    BelowDependent {
        value: i64,
        other: String,
        floor: i64,
    },
    #[error("{amount} thousand yen is not in the chosen bracket `{bracket}`{}", belongs_hint(.belongs_to))]
    OutsideBracket {
        amount: i64,
        bracket: Box<OptionLabel>,
        belongs_to: Option<Box<OptionLabel>>,
    },
    #[error("the exact budget {amount} thousand yen is not in `{bracket}`{}; clear the exact budget first or choose that bracket", belongs_hint(.belongs_to))]
    BracketExcludesAmount {
        amount: i64,
        bracket: Box<OptionLabel>,
        belongs_to: Option<Box<OptionLabel>>,
    },
}

/// An option named in a message: its id, which the command line takes, and its label in both
/// languages, so that each message reads in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionLabel {
    pub id: String,
    pub ja: String,
    pub en: String,
}

impl OptionLabel {
    pub fn label(&self, lang: Lang) -> String {
        format!("{} {}", self.id, lang.pick(&self.ja, &self.en))
    }
}

impl std::fmt::Display for OptionLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label(Lang::En))
    }
}

/// A question's label in quotes, for messages that name another question than the one asked.
fn label(question: &str, lang: Lang) -> String {
    let text = Questionnaire::embedded()
        .question(question)
        .map(|q| q.text.get(lang).to_string())
        .unwrap_or_else(|| question.to_string());
    lang.pick_with(|| format!("「{text}」"), || format!("\"{text}\""))
}

fn belongs_hint(b: &Option<Box<OptionLabel>>) -> String {
    match b {
        Some(b) => format!(": it belongs to `{b}`"),
        None => String::new(),
    }
}

/// [`belongs_hint`] as the Japanese messages say it.
fn belongs_hint_ja(b: &Option<Box<OptionLabel>>) -> String {
    match b {
        Some(b) => format!("（`{}` の範囲です）", b.label(Lang::Ja)),
        None => String::new(),
    }
}

impl AnswerError {
    /// The message in the user's language. Option ids stay as they are (they are what is typed
    /// on the command line); the interview shows option labels beside them anyway.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            AnswerError::UnknownQuestion { question } => format!("質問 `{question}` はありません"),
            AnswerError::WrongKind { question, expected } => {
                format!("{} の回答は {expected} です", label(question, lang))
            }
            AnswerError::NotANumber { input, range } => match range {
                Some((min, max)) => format!(
                    "`{input}` は整数ではありません：{}～{} の整数を入力してください",
                    group_thousands(*min),
                    group_thousands(*max)
                ),
                None => format!("`{input}` は整数ではありません"),
            },
            AnswerError::OutOfBounds { value, min, max } => format!(
                "{} は範囲外です：{}～{} の整数を入力してください",
                group_thousands(*value),
                group_thousands(*min),
                group_thousands(*max)
            ),
            AnswerError::NotAHospital { beds } => format!(
                "{beds}床は診療所です（病院は{MIN_HOSPITAL_BEDS}床以上）：{MIN_HOSPITAL_BEDS}以上を入力してください"
            ),
            AnswerError::UnknownOption {
                question,
                value,
                allowed,
            } => format!(
                "`{value}` は {} の選択肢にありません。番号か選択肢の言葉で：{}",
                label(question, lang),
                joined(allowed, lang)
            ),
            AnswerError::Exclusive { option } => {
                format!("`{option}` は他の選択肢と同時に選べません")
            }
            AnswerError::NoChoice { allowed } => {
                format!(
                    "1つ以上選んでください。番号か選択肢の言葉で：{}",
                    joined(allowed, lang)
                )
            }
            AnswerError::Empty { max } => format!("空欄です：1～{max}文字で入力してください"),
            AnswerError::TooLong { len, max } => {
                format!("{len}文字は長すぎます：{max}文字以内にしてください")
            }
            AnswerError::LineBreak => "改行は入れられません（1行で入力してください）".into(),
            AnswerError::ControlCharacter { shown } => format!(
                "制御文字 {shown} は入れられません（端末やファイルで命令として働きます）：取り除いてください"
            ),
            AnswerError::Exceeds {
                question,
                value,
                other,
                limit,
            } => format!(
                "{value} は{}（{limit}）を超えています：{}は {limit} 以下にしてください",
                label(other, lang),
                label(question, lang)
            ),
            AnswerError::BelowDependent { value, other, floor } => format!(
                "{value} は{}（{floor}）より少なくなります：先にそちらを減らしてください",
                label(other, lang)
            ),
            AnswerError::OutsideBracket {
                amount,
                bracket,
                belongs_to,
            } => format!(
                "{}千円 は選んだ予算区分 `{}` に入りません{}",
                group_thousands(*amount),
                bracket.label(Lang::Ja),
                belongs_hint_ja(belongs_to)
            ),
            AnswerError::BracketExcludesAmount {
                amount,
                bracket,
                belongs_to,
            } => format!(
                "予算の実額 {}千円 は `{}` に入りません{}。先に実額を消すか、その区分を選んでください",
                group_thousands(*amount),
                bracket.label(Lang::Ja),
                belongs_hint_ja(belongs_to)
            ),
        }
    }
}

/// The options as a refusal lists them: `1 国（national）`…, the number and words a person
/// types and the id that scripts do.
fn printed_options(q: &Question) -> Vec<Text> {
    q.options
        .iter()
        .zip(1..)
        .map(|(o, n)| Text {
            ja: format!("{n} {}（{}）", o.text.ja, o.id),
            en: format!("{n} {} ({})", o.text.en, o.id),
        })
        .collect()
}

fn joined(choices: &[Text], lang: Lang) -> String {
    let each: Vec<&str> = choices.iter().map(|c| c.get(lang)).collect();
    each.join(lang.pick("、", ", "))
}

fn range_hint(range: &Option<(i64, i64)>) -> String {
    match range {
        Some((min, max)) => format!(
            ": enter a whole number from {} to {}",
            group_thousands(*min),
            group_thousands(*max)
        ),
        None => String::new(),
    }
}

fn label_of(q: &Question, option: &str) -> Box<OptionLabel> {
    let (ja, en) = q
        .option(option)
        .map(|o| (o.text.ja.clone(), o.text.en.clone()))
        .unwrap_or_default();
    Box::new(OptionLabel {
        id: option.to_string(),
        ja,
        en,
    })
}

fn bracket_of(q: &Question, amount: i64) -> Option<Box<OptionLabel>> {
    q.options
        .iter()
        .find(|o| o.contains_amount(amount))
        .map(|o| label_of(q, &o.id))
}

/// Checks a value against its question and the rest of the record: kind, bounds, options, and
/// the rules that tie two answers together.
pub fn check(
    qn: &Questionnaire,
    q: &Question,
    value: &Value,
    record: &Record,
) -> Result<(), AnswerError> {
    let wrong_kind = |expected| AnswerError::WrongKind {
        question: q.id.clone(),
        expected,
    };
    match q.kind {
        Kind::Int | Kind::Amount => {
            let n = value
                .as_number()
                .ok_or_else(|| wrong_kind("a whole number"))?;
            if q.id == "beds" && n < MIN_HOSPITAL_BEDS {
                return Err(AnswerError::NotAHospital { beds: n });
            }
            let (min, max) = (q.min.unwrap_or(i64::MIN), q.max.unwrap_or(i64::MAX));
            if n < min || n > max {
                return Err(AnswerError::OutOfBounds { value: n, min, max });
            }
            if let Some(other) = &q.not_above {
                if let Some(limit) = record.number(other) {
                    if n > limit {
                        return Err(AnswerError::Exceeds {
                            question: q.id.clone(),
                            value: n,
                            other: other.clone(),
                            limit,
                        });
                    }
                }
            }
            for dependent in qn
                .questions()
                .filter(|d| d.not_above.as_deref() == Some(&q.id))
            {
                if let Some(floor) = record.number(&dependent.id) {
                    if n < floor {
                        return Err(AnswerError::BelowDependent {
                            value: n,
                            other: dependent.id.clone(),
                            floor,
                        });
                    }
                }
            }
            if let Some(bracket_q) = q.within_range_of.as_deref().and_then(|b| qn.question(b)) {
                if let Some(chosen) = record
                    .choice(&bracket_q.id)
                    .and_then(|c| bracket_q.option(c))
                {
                    if chosen.amount_range.is_some() && !chosen.contains_amount(n) {
                        return Err(AnswerError::OutsideBracket {
                            amount: n,
                            bracket: label_of(bracket_q, &chosen.id),
                            belongs_to: bracket_of(bracket_q, n),
                        });
                    }
                }
            }
        }
        Kind::Single => {
            let id = value.as_text().ok_or_else(|| wrong_kind("one option id"))?;
            let chosen = q.option(id).ok_or_else(|| AnswerError::UnknownOption {
                question: q.id.clone(),
                value: id.to_string(),
                allowed: printed_options(q),
            })?;
            if chosen.amount_range.is_some() {
                for amount_q in qn
                    .questions()
                    .filter(|a| a.within_range_of.as_deref() == Some(&q.id))
                {
                    if let Some(amount) = record.number(&amount_q.id) {
                        if !chosen.contains_amount(amount) {
                            return Err(AnswerError::BracketExcludesAmount {
                                amount,
                                bracket: label_of(q, id),
                                belongs_to: bracket_of(q, amount),
                            });
                        }
                    }
                }
            }
        }
        Kind::Multi => {
            let Value::Choices(ids) = value else {
                return Err(wrong_kind("a comma-separated list of option ids"));
            };
            let allowed = || printed_options(q);
            if ids.is_empty() {
                return Err(AnswerError::NoChoice { allowed: allowed() });
            }
            for id in ids {
                let o = q.option(id).ok_or_else(|| AnswerError::UnknownOption {
                    question: q.id.clone(),
                    value: id.clone(),
                    allowed: allowed(),
                })?;
                if o.exclusive && ids.len() > 1 {
                    return Err(AnswerError::Exclusive { option: id.clone() });
                }
            }
        }
        Kind::Text => {
            let text = value.as_text().ok_or_else(|| wrong_kind("text"))?;
            let max = q.max.unwrap_or(i64::MAX);
            if text.contains(['\n', '\r']) {
                return Err(AnswerError::LineBreak);
            }
            if let Some(c) = crate::domain::limits::control_character(text, false) {
                return Err(AnswerError::ControlCharacter {
                    shown: crate::domain::limits::shown(c),
                });
            }
            let len = text.chars().count();
            if len < q.min.unwrap_or(0).max(1) as usize {
                return Err(AnswerError::Empty { max });
            }
            if len as i64 > max {
                return Err(AnswerError::TooLong { len, max });
            }
        }
    }
    Ok(())
}

/// Sets (or with `None` clears) an answer after checking it. A multi answer is stored in the
/// questionnaire's option order, so that two records with the same choices compare equal.
/// A note as every path takes it (the interview, `answer --note`, import): at most
/// [`NOTE_MAX`](crate::domain::limits::NOTE_MAX) characters, line breaks and tabs allowed, no other
/// control character.
pub fn check_note(note: &str) -> Result<(), AnswerError> {
    let len = note.chars().count();
    if len > crate::domain::limits::NOTE_MAX {
        return Err(AnswerError::TooLong {
            len,
            max: crate::domain::limits::NOTE_MAX as i64,
        });
    }
    match crate::domain::limits::control_character(note, true) {
        Some(c) => Err(AnswerError::ControlCharacter {
            shown: crate::domain::limits::shown(c),
        }),
        None => Ok(()),
    }
}

pub fn set_answer(
    qn: &Questionnaire,
    record: &mut Record,
    question: &str,
    value: Option<Value>,
    now: DateTime<Utc>,
) -> Result<(), AnswerError> {
    let q = qn
        .question(question)
        .ok_or_else(|| AnswerError::UnknownQuestion {
            question: question.to_string(),
        })?;
    match value {
        None => {
            record.answers.remove(question);
        }
        Some(value) => {
            check(qn, q, &value, record)?;
            let value = match value {
                Value::Choices(ids) => Value::Choices(
                    q.options
                        .iter()
                        .filter(|o| ids.contains(&o.id))
                        .map(|o| o.id.clone())
                        .collect(),
                ),
                v => v,
            };
            record.answers.insert(
                question.to_string(),
                Answer {
                    value,
                    at: now,
                    carried: false,
                },
            );
        }
    }
    record
        .drafts
        .entry(question.to_string())
        .and_modify(|d| d.value = None);
    if record.drafts.get(question).is_some_and(|d| d.is_empty()) {
        record.drafts.remove(question);
    }
    record.touch(now);
    Ok(())
}

/// Parses what was typed and sets it: `-` clears the answer.
pub fn answer_from_input(
    qn: &Questionnaire,
    record: &mut Record,
    question: &str,
    raw: &str,
    now: DateTime<Utc>,
) -> Result<(), AnswerError> {
    let q = qn
        .question(question)
        .ok_or_else(|| AnswerError::UnknownQuestion {
            question: question.to_string(),
        })?;
    let value = if raw.trim() == "-" {
        None
    } else {
        Some(parse(q, raw)?)
    };
    set_answer(qn, record, question, value, now)
}

/// One answer of a record that the questionnaire would refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub question: String,
    pub error: AnswerError,
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        format!(
            "{}: {}",
            label(&self.question, lang),
            self.error.message(lang)
        )
    }
}

/// Every answer of a record checked as if it were given now, for a record that did not come
/// through the interview (an imported file): the same rules, the same messages.
pub fn check_record(qn: &Questionnaire, record: &Record) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (id, answer) in &record.answers {
        let problem = match qn.question(id) {
            None => Some(AnswerError::UnknownQuestion {
                question: id.clone(),
            }),
            Some(q) => check(qn, q, &answer.value, record).err(),
        };
        if let Some(error) = problem {
            problems.push(Problem {
                question: id.clone(),
                error,
            });
        }
    }
    // A note comes in by the same rules as one typed (its length, no control character).
    for (id, note) in &record.notes {
        if let Err(error) = check_note(note) {
            problems.push(Problem {
                question: id.clone(),
                error,
            });
        }
    }
    problems
}
