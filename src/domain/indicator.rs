//! Indicators: the yes/no facts about a record that the survey reports shares of.

use super::answer::Condition;
use super::lang::{Lang, Text};
use serde::{Deserialize, Serialize};

/// One indicator, as data (`indicators` in `assets/questionnaire.json`).
#[derive(Debug, Clone, Deserialize)]
pub struct Indicator {
    pub id: String,
    #[serde(flatten)]
    pub text: Text,
    /// A name that fits a table row beside two cohorts (the position screen at 80 columns):
    /// at most 18 display columns, checked by a test.
    pub short_ja: String,
    pub short_en: String,
    /// The record must be in this population for the indicator to apply (`vpn_unpatched` is
    /// measured among hospitals that use a flagged VPN).
    #[serde(default)]
    pub population: Option<Condition>,
    /// True when any of these holds.
    pub true_if_any: Vec<Condition>,
    /// Options that mean "don't know": an answer with one of them leaves the indicator unknown.
    #[serde(default)]
    pub unknown_values: Vec<String>,
    /// Which value of the indicator is the worrying one (`yes` for `vpn_unpatched`, `no` for
    /// `backup_isolated`): the position screen and the next steps read it.
    pub concern: Concern,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Concern {
    Yes,
    No,
}

/// An indicator's value for one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorValue {
    True,
    False,
    /// Answered "don't know".
    Unknown,
    /// The record is outside the indicator's population.
    NotApplicable,
    /// Not answered yet.
    Unanswered,
}

impl IndicatorValue {
    pub fn as_bool(self) -> Option<bool> {
        match self {
            IndicatorValue::True => Some(true),
            IndicatorValue::False => Some(false),
            _ => None,
        }
    }
}

impl Indicator {
    pub fn short(&self, lang: Lang) -> &str {
        lang.pick(&self.short_ja, &self.short_en)
    }

    /// The indicator named as a worry: as it reads when "yes" is the worrying answer, and as
    /// what is missing when "no" is (threat felt, backups kept apart), never as the good state.
    pub fn as_worry(&self, lang: Lang) -> String {
        let t = self.text.get(lang);
        match self.concern {
            Concern::Yes => t.to_string(),
            Concern::No => {
                lang.pick_with(|| format!("「{t}」に該当しない"), || format!("not “{t}”"))
            }
        }
    }

    /// The questions and options this indicator reads, for the integrity check.
    pub fn references(&self) -> impl Iterator<Item = &Condition> {
        self.population.iter().chain(self.true_if_any.iter())
    }

    /// Whether the record's answers make this indicator worrying (see [`Concern`]).
    pub fn is_concern(&self, value: IndicatorValue) -> bool {
        matches!(
            (self.concern, value),
            (Concern::Yes, IndicatorValue::True) | (Concern::No, IndicatorValue::False)
        )
    }
}
