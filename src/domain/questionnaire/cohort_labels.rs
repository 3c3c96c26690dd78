//! A founder's label is the questionnaire's option text: the cohort names only ids, and the
//! questionnaire, which holds the words, gives them to it, so that the two can never disagree.

use super::Questionnaire;
use crate::domain::cohort::Founder;
use crate::domain::lang::Lang;

impl Founder {
    /// The label as the questionnaire gives it (its `founder` question's option).
    pub fn label(self, lang: Lang) -> &'static str {
        Questionnaire::embedded()
            .question("founder")
            .and_then(|q| q.option(self.id()))
            .map(|o| o.text.get(lang))
            .unwrap_or(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn founders_are_the_questionnaire_options() {
        let q = Questionnaire::embedded();
        let ids: Vec<_> = q.question("founder").unwrap().option_ids();
        let ours: Vec<_> = Founder::ALL.iter().map(|f| f.id()).collect();
        assert_eq!(ids, ours);
        assert_eq!(Founder::MedicalCorporation.label(Lang::Ja), "医療法人");
    }
}
