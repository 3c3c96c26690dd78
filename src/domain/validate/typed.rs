//! What a person types for a question — full-width digits from an input method, thousands
//! separators, an option's number or words — read as the value the record keeps. Shape only:
//! [`super::check`] holds it against the question's bounds and the record.

use super::AnswerError;
use crate::domain::answer::Value;
use crate::domain::questionnaire::{Kind, Question};

/// Full-width digits and separators, as a Japanese input method often gives them, read as the
/// ASCII the user meant. A comma is a thousands separator and nothing else: `1,200` is 1200,
/// but `3,5,0` is refused (`None`) rather than read as 350, since it is more likely a slip or a
/// list than a number.
fn normalise_number(raw: &str) -> Option<String> {
    let s: String = raw
        .trim()
        .chars()
        .map(crate::domain::digits::ascii_digit)
        .filter_map(|c| match c {
            '－' | 'ー' | '−' => Some('-'),
            '，' => Some(','),
            '_' | ' ' | '　' => None,
            c => Some(c),
        })
        .collect();
    let digits = s.strip_prefix('-').unwrap_or(&s);
    if digits.contains(',') {
        let mut groups = digits.split(',');
        let first = groups.next().unwrap_or_default();
        let grouped = (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3);
        if !grouped {
            return None;
        }
    }
    Some(s.replace(',', ""))
}

/// Reads what a person typed for a question into a value of the question's kind. Checks the
/// shape only; [`super::check`] checks it against the bounds and the rest of the record.
pub fn parse(q: &Question, raw: &str) -> Result<Value, AnswerError> {
    match q.kind {
        Kind::Int | Kind::Amount => normalise_number(raw)
            .and_then(|s| s.parse::<i64>().ok())
            .map(Value::Number)
            .ok_or_else(|| AnswerError::NotANumber {
                input: raw.trim().to_string(),
                range: q.min.zip(q.max),
            }),
        Kind::Single => Ok(Value::Text(option_typed(q, raw.trim()))),
        Kind::Multi => {
            let mut picked: Vec<String> = Vec::new();
            for part in raw
                .split([',', '、', '，'])
                .map(|p| option_typed(q, p.trim()))
            {
                if !part.is_empty() && !picked.contains(&part) {
                    picked.push(part);
                }
            }
            Ok(Value::Choices(picked))
        }
        Kind::Text => Ok(Value::Text(raw.trim().to_string())),
    }
}

/// The option a person typed — its number as listed (1, full-width too), its words in either
/// language, or its id — as its id; anything else as typed, for [`super::check`] to refuse.
fn option_typed(q: &Question, typed: &str) -> String {
    let t: String = typed
        .chars()
        .map(crate::domain::digits::ascii_digit)
        .collect();
    let by_number = t
        .parse::<usize>()
        .ok()
        .and_then(|n| q.options.get(n.checked_sub(1)?));
    let by_words = || {
        q.options
            .iter()
            .find(|o| o.id == typed || o.text.ja == typed || o.text.en.eq_ignore_ascii_case(typed))
    };
    by_number
        .or_else(by_words)
        .map_or_else(|| typed.to_string(), |o| o.id.clone())
}
