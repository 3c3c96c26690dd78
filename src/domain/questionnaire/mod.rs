//! The survey's questionnaire as data: sections, questions, options and skip logic.
//!
//! The content lives in `assets/questionnaire.json` (embedded, so a hospital terminal without
//! internet needs nothing beside the binary); this module gives it types and answers the
//! questions every screen asks: which question is this, is it asked for this record, how far
//! along is the record.

use super::answer::{Condition, Value};
use super::indicator::{Indicator, IndicatorValue};
use super::lang::{Lang, Text};
use super::record::Record;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

mod cohort_labels;

const EMBEDDED: &str = include_str!("../../../assets/questionnaire.json");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Single,
    Multi,
    Int,
    /// Thousand yen, whole number.
    Amount,
    Text,
}

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multi => "multi",
            Kind::Int => "int",
            Kind::Amount => "amount",
            Kind::Text => "text",
        }
    }

    pub fn is_numeric(self) -> bool {
        matches!(self, Kind::Int | Kind::Amount)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Choice {
    pub id: String,
    #[serde(flatten)]
    pub text: Text,
    /// Chosen alone or not at all (`associations = none`).
    #[serde(default)]
    pub exclusive: bool,
    /// For a bracket option: the amounts (thousand yen) it stands for, `[from, to)`; `to` is
    /// open for the top bracket.
    #[serde(default)]
    pub amount_range: Option<(u64, Option<u64>)>,
}

impl Choice {
    pub fn contains_amount(&self, amount: i64) -> bool {
        match self.amount_range {
            Some((lo, hi)) => amount >= lo as i64 && hi.is_none_or(|hi| amount < hi as i64),
            None => false,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    #[serde(flatten)]
    pub text: Text,
    #[serde(default)]
    pub options: Vec<Choice>,
    /// Bounds: of the number for `int`/`amount`, of the length in characters for `text`.
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    /// Optional questions (revenue, the exact budget) never hold a record back from complete.
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub when: Option<Condition>,
    /// A number that may not exceed another question's answer (`staff_fulltime ≤ staff_total`).
    #[serde(default)]
    pub not_above: Option<String>,
    /// An amount that must fall in the range of the bracket chosen in another question.
    #[serde(default)]
    pub within_range_of: Option<String>,
    #[serde(default)]
    pub unit_ja: Option<String>,
    #[serde(default)]
    pub unit_en: Option<String>,
    #[serde(default)]
    pub hint_ja: Option<String>,
    #[serde(default)]
    pub hint_en: Option<String>,
    /// Where the survey report asks it (its page title).
    #[serde(default)]
    pub source: Option<String>,
}

impl Question {
    pub fn option(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.id == id)
    }

    pub fn option_ids(&self) -> Vec<&str> {
        self.options.iter().map(|o| o.id.as_str()).collect()
    }

    /// The options as a person picks them, by number and words — 「1 はい／2 いいえ／3 わから
    /// ない」 — which is what `answer` takes (an id is for `--json`).
    pub fn numbered_options(&self, lang: Lang) -> String {
        self.options
            .iter()
            .enumerate()
            .map(|(i, o)| format!("{} {}", i + 1, o.text.get(lang)))
            .collect::<Vec<_>>()
            .join(lang.pick("／", " / "))
    }

    pub fn unit(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Ja => self.unit_ja.as_deref(),
            Lang::En => self.unit_en.as_deref(),
        }
    }

    pub fn hint(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Ja => self.hint_ja.as_deref(),
            Lang::En => self.hint_en.as_deref(),
        }
    }

    /// The label of a stored value in the given language: option text for choices, the number
    /// with its unit, or the text itself.
    pub fn describe(&self, value: &Value, lang: Lang) -> String {
        match self.kind {
            Kind::Single | Kind::Multi => value
                .choices()
                .iter()
                .map(|id| match self.option(id) {
                    Some(o) => o.text.get(lang).to_string(),
                    None => (*id).to_string(),
                })
                .collect::<Vec<_>>()
                .join(lang.pick("、", ", ")),
            Kind::Int | Kind::Amount => match (value.as_number(), self.unit(lang)) {
                (Some(n), Some(unit)) => format!("{} {unit}", group_thousands(n)),
                (Some(n), None) => group_thousands(n),
                (None, _) => value.to_string(),
            },
            Kind::Text => value.to_string(),
        }
    }
}

/// `1234567` → `1,234,567`: amounts in thousand yen are long, and both languages group by three.
pub fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[derive(Debug, Clone, Deserialize)]
pub struct Section {
    pub id: String,
    #[serde(flatten)]
    pub text: Text,
    /// A name that fits a narrow column (the interview's section list at 80 columns).
    pub short_ja: String,
    pub short_en: String,
    #[serde(default)]
    pub source: Option<String>,
    pub questions: Vec<Question>,
}

impl Section {
    pub fn short(&self, lang: Lang) -> &str {
        lang.pick(&self.short_ja, &self.short_en)
    }
}

/// Whether a question is asked of a record, and if not, why not — the interview shows the
/// reason, and figures must tell "not asked yet" apart from "not asked at all".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Visibility {
    Visible,
    /// The gating question is answered, with a value that skips this one.
    Hidden {
        because: String,
    },
    /// The gating question is not answered yet, so whether this one is asked is open.
    Pending {
        on: String,
    },
}

impl Visibility {
    pub fn is_visible(&self) -> bool {
        matches!(self, Visibility::Visible)
    }
}

#[derive(Debug, Deserialize)]
pub struct Questionnaire {
    pub id: String,
    #[serde(flatten)]
    pub text: Text,
    pub source: String,
    pub sections: Vec<Section>,
    pub indicators: Vec<Indicator>,
    #[serde(skip)]
    index: HashMap<String, (usize, usize)>,
}

/// Why the questionnaire data could not be used. Only reachable through a hand-made file (the
/// embedded one is checked by the tests), so the messages name the offending id.
#[derive(Debug, thiserror::Error)]
pub enum QuestionnaireError {
    #[error("questionnaire JSON is invalid: {0}")]
    Json(#[from] serde_json::Error),
    #[error("question id `{0}` is used twice")]
    DuplicateQuestion(String),
    #[error("question `{question}` has option `{option}` twice")]
    DuplicateOption { question: String, option: String },
    #[error("question `{question}`: `{field}` names question `{target}`, which does not exist or comes later")]
    UnknownReference {
        question: String,
        field: &'static str,
        target: String,
    },
    #[error(
        "question `{question}`: `when` names option `{option}`, which `{target}` does not have"
    )]
    UnknownConditionOption {
        question: String,
        target: String,
        option: String,
    },
    #[error("question `{0}` is a choice but has no options")]
    NoOptions(String),
    #[error("indicator `{indicator}` names `{reference}`, which is not a question or option")]
    IndicatorReference {
        indicator: String,
        reference: String,
    },
}

impl Questionnaire {
    /// The questionnaire shipped in the binary. Parsed once: every screen and command reads it.
    pub fn embedded() -> &'static Questionnaire {
        static Q: OnceLock<Questionnaire> = OnceLock::new();
        Q.get_or_init(|| {
            // The embedded asset is checked by the test suite; a failure here is a build defect,
            // not a user error.
            #[allow(clippy::expect_used)]
            Questionnaire::parse(EMBEDDED).expect("embedded questionnaire is valid")
        })
    }

    pub fn parse(json: &str) -> Result<Questionnaire, QuestionnaireError> {
        let mut q: Questionnaire = serde_json::from_str(json)?;
        q.build_index()?;
        q.check()?;
        Ok(q)
    }

    fn build_index(&mut self) -> Result<(), QuestionnaireError> {
        for (si, s) in self.sections.iter().enumerate() {
            for (qi, question) in s.questions.iter().enumerate() {
                if self.index.insert(question.id.clone(), (si, qi)).is_some() {
                    return Err(QuestionnaireError::DuplicateQuestion(question.id.clone()));
                }
            }
        }
        Ok(())
    }

    fn check(&self) -> Result<(), QuestionnaireError> {
        let position = |id: &str| self.questions().position(|q| q.id == id);
        for (pos, q) in self.questions().enumerate() {
            let mut seen = std::collections::HashSet::new();
            for o in &q.options {
                if !seen.insert(o.id.as_str()) {
                    return Err(QuestionnaireError::DuplicateOption {
                        question: q.id.clone(),
                        option: o.id.clone(),
                    });
                }
            }
            if matches!(q.kind, Kind::Single | Kind::Multi) && q.options.is_empty() {
                return Err(QuestionnaireError::NoOptions(q.id.clone()));
            }
            let refs = [
                ("when", q.when.as_ref().map(|c| c.question.as_str())),
                ("not_above", q.not_above.as_deref()),
                ("within_range_of", q.within_range_of.as_deref()),
            ];
            for (field, target) in refs {
                let Some(target) = target else { continue };
                // A question may only depend on one asked before it: skip logic then never loops
                // and an interview that walks forward always has what it needs.
                if position(target).is_none_or(|t| t >= pos) {
                    return Err(QuestionnaireError::UnknownReference {
                        question: q.id.clone(),
                        field,
                        target: target.to_string(),
                    });
                }
            }
            if let Some(c) = &q.when {
                if let Some(target) = self.question(&c.question) {
                    for o in &c.any_of {
                        if target.option(o).is_none() {
                            return Err(QuestionnaireError::UnknownConditionOption {
                                question: q.id.clone(),
                                target: target.id.clone(),
                                option: o.clone(),
                            });
                        }
                    }
                }
            }
        }
        for ind in &self.indicators {
            let bad = |reference: String| QuestionnaireError::IndicatorReference {
                indicator: ind.id.clone(),
                reference,
            };
            for c in ind.references() {
                let target = self
                    .question(&c.question)
                    .ok_or_else(|| bad(c.question.clone()))?;
                if let Some(o) = c.any_of.iter().find(|o| target.option(o).is_none()) {
                    return Err(bad(format!("{}={o}", c.question)));
                }
            }
            for u in &ind.unknown_values {
                let known = ind
                    .references()
                    .filter_map(|c| self.question(&c.question))
                    .any(|q| q.option(u).is_some());
                if !known {
                    return Err(bad(u.clone()));
                }
            }
        }
        Ok(())
    }

    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        let &(s, q) = self.index.get(id)?;
        Some(&self.sections[s].questions[q])
    }

    pub fn section_of(&self, id: &str) -> Option<&Section> {
        let &(s, _) = self.index.get(id)?;
        Some(&self.sections[s])
    }

    /// 1-based number of a question across the whole questionnaire, as printed on forms.
    pub fn number(&self, id: &str) -> Option<usize> {
        self.questions().position(|q| q.id == id).map(|p| p + 1)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Skip logic. A question is asked when it has no condition, or when the question it depends
    /// on is itself asked and answered with one of the listed options.
    pub fn visibility(&self, question: &Question, record: &Record) -> Visibility {
        let Some(cond) = &question.when else {
            return Visibility::Visible;
        };
        let Some(gate) = self.question(&cond.question) else {
            return Visibility::Visible;
        };
        match self.visibility(gate, record) {
            Visibility::Visible => {}
            Visibility::Hidden { .. } => {
                return Visibility::Hidden {
                    because: cond.question.clone(),
                }
            }
            pending @ Visibility::Pending { .. } => return pending,
        }
        match record.value(&cond.question) {
            None => Visibility::Pending {
                on: cond.question.clone(),
            },
            Some(v)
                if v.choices()
                    .iter()
                    .any(|c| cond.any_of.iter().any(|a| a == c)) =>
            {
                Visibility::Visible
            }
            Some(_) => Visibility::Hidden {
                because: cond.question.clone(),
            },
        }
    }

    pub fn visible(&self, question: &Question, record: &Record) -> bool {
        self.visibility(question, record).is_visible()
    }

    /// The answer as the figures see it: `None` when the question is not asked of this record,
    /// even if an earlier answer is still kept.
    pub fn effective<'r>(&self, id: &str, record: &'r Record) -> Option<&'r Value> {
        let q = self.question(id)?;
        if self.visible(q, record) {
            record.value(id)
        } else {
            None
        }
    }

    pub fn progress(&self, record: &Record) -> Progress {
        self.progress_of(self.questions(), record)
    }

    pub fn section_progress(&self, section: &Section, record: &Record) -> Progress {
        self.progress_of(section.questions.iter(), record)
    }

    fn progress_of<'q>(
        &self,
        questions: impl Iterator<Item = &'q Question>,
        record: &Record,
    ) -> Progress {
        let mut p = Progress::default();
        for q in questions.filter(|q| !q.optional) {
            // A question whose gate is still open counts as to be asked: the record is not
            // complete until the gate is answered and the follow-up settled.
            if matches!(self.visibility(q, record), Visibility::Hidden { .. }) {
                continue;
            }
            p.total += 1;
            if !self.visible(q, record) {
                continue;
            }
            match record.answers.get(&q.id) {
                // Carried from last year: known, but not this year's answer until confirmed.
                Some(a) if a.carried => p.carried += 1,
                Some(_) => p.answered += 1,
                None => {}
            }
        }
        p
    }

    /// The first question that still needs the user: unanswered, or carried over from last year
    /// and not yet confirmed. Where an interview opens and where `g` goes.
    pub fn first_open(&self, record: &Record) -> Option<&Question> {
        self.questions().find(|q| {
            !q.optional
                && self.visible(q, record)
                && record.answers.get(&q.id).is_none_or(|a| a.carried)
        })
    }

    /// The first question of the record that still needs an answer, in questionnaire order.
    pub fn first_unanswered(&self, record: &Record) -> Option<&Question> {
        self.questions()
            .find(|q| !q.optional && self.visible(q, record) && record.value(&q.id).is_none())
    }
}

/// Answered visible questions of all visible questions (optional ones aside). An answer
/// carried from last year and not confirmed is counted apart, never as answered: a fresh copy
/// is 0% done, N carried, until someone confirms what still holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Answered (or confirmed) this year.
    pub answered: usize,
    /// Carried from last year's record, to confirm.
    pub carried: usize,
    pub total: usize,
}

impl Progress {
    pub fn ratio(self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.answered as f64 / self.total as f64
        }
    }

    pub fn percent(self) -> u8 {
        (self.ratio() * 100.0).floor() as u8
    }

    pub fn is_complete(self) -> bool {
        self.answered == self.total
    }

    /// `35%`, or for a copy not yet gone through `0%（引継45）`: carried answers are not
    /// progress, but a bare 0% would hide that a year's answers wait to be confirmed. The one
    /// reading of the record lists, `shindan list` and the home screen alike.
    pub fn render(self, lang: Lang) -> String {
        let percent = self.percent();
        match (self.carried, lang) {
            (0, _) => format!("{percent}%"),
            (n, Lang::Ja) => format!("{percent}%（引継{n}）"),
            (n, Lang::En) => format!("{percent}% ({n} carried)"),
        }
    }
}

impl Questionnaire {
    /// An indicator's value for one record: its answers read with this questionnaire's
    /// visibility rules (a question not asked because of an earlier answer does not hold).
    pub fn indicator_value(&self, ind: &Indicator, record: &Record) -> IndicatorValue {
        if let Some(pop) = &ind.population {
            match self.holds(ind, pop, record) {
                Holds::Yes => {}
                Holds::No => return IndicatorValue::NotApplicable,
                Holds::Open => return IndicatorValue::Unanswered,
                Holds::DontKnow => return IndicatorValue::Unknown,
            }
        }
        let mut open = false;
        let mut dont_know = false;
        for c in &ind.true_if_any {
            match self.holds(ind, c, record) {
                Holds::Yes => return IndicatorValue::True,
                Holds::No => {}
                Holds::Open => open = true,
                Holds::DontKnow => dont_know = true,
            }
        }
        if open {
            IndicatorValue::Unanswered
        } else if dont_know {
            IndicatorValue::Unknown
        } else {
            IndicatorValue::False
        }
    }

    fn holds(&self, ind: &Indicator, c: &Condition, record: &Record) -> Holds {
        let Some(q) = self.question(&c.question) else {
            return Holds::Open;
        };
        match self.visibility(q, record) {
            // Not asked because an earlier answer ruled it out (no backup at all → no offline
            // backup): the condition does not hold.
            Visibility::Hidden { .. } => Holds::No,
            Visibility::Pending { .. } => Holds::Open,
            Visibility::Visible => match record.value(&c.question) {
                None => Holds::Open,
                Some(v) => {
                    let picked = v.choices();
                    if picked.iter().any(|p| c.any_of.iter().any(|a| a == p)) {
                        Holds::Yes
                    } else if picked
                        .iter()
                        .any(|p| ind.unknown_values.iter().any(|u| u == p))
                    {
                        Holds::DontKnow
                    } else {
                        Holds::No
                    }
                }
            },
        }
    }
}

enum Holds {
    Yes,
    No,
    Open,
    DontKnow,
}
