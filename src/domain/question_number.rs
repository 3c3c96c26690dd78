//! A question as people name it: by the number printed beside it on every screen and form
//! (問7, Q7, 7, with an input method's full-width digits), besides the id that scripts use.
//! The command line takes both, so that the commands shindan suggests can name the question
//! by its number and never by an internal id.

use crate::domain::{Lang, Question, Questionnaire};

/// The question a person typed: an id, `7`, `問7`, `Q7`, `q7`, `７`, `問７`.
pub fn find<'a>(qn: &'a Questionnaire, typed: &str) -> Option<&'a Question> {
    let typed = typed.trim();
    if let Some(q) = qn.question(typed) {
        return Some(q);
    }
    let ascii: String = typed
        .chars()
        .map(|c| match c {
            'Ｑ' | 'ｑ' => 'Q',
            c => crate::domain::digits::ascii_digit(c),
        })
        .collect();
    let digits = ascii
        .strip_prefix("問")
        .or_else(|| ascii.strip_prefix('Q'))
        .or_else(|| ascii.strip_prefix('q'))
        .unwrap_or(&ascii)
        .trim();
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: usize = digits.parse().ok()?;
    qn.questions().nth(n.checked_sub(1)?)
}

/// 問7 / Q7: how a question is named to a person, and a word the command line takes.
pub fn printed(qn: &Questionnaire, id: &str, lang: Lang) -> String {
    match qn.number(id) {
        Some(n) => match lang {
            Lang::Ja => format!("問{n}"),
            Lang::En => format!("Q{n}"),
        },
        None => id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_is_found_by_its_printed_number_or_its_id() {
        let qn = Questionnaire::embedded();
        let seventh = qn.questions().nth(6).unwrap();
        for typed in ["7", "問7", "Q7", "q7", "７", "問７", " 問7 ", &seventh.id] {
            assert_eq!(find(qn, typed).map(|q| &q.id), Some(&seventh.id), "{typed}");
        }
        for typed in ["0", "問0", "999", "問", "", "7a"] {
            assert!(find(qn, typed).is_none(), "{typed}");
        }
        assert_eq!(printed(qn, &seventh.id, Lang::Ja), "問7");
        assert_eq!(printed(qn, &seventh.id, Lang::En), "Q7");
    }
}
