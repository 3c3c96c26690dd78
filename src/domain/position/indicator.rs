//! One indicator of the position: the hospital's own value beside the figure for its bed class,
//! its founder and all respondents, and the sentences that say where it stands.

use super::*;

/// The hospital's own value of one indicator beside its three cohorts.
#[derive(Debug, Clone)]
pub struct IndicatorPosition<'a> {
    pub indicator: &'a Indicator,
    pub hospital: IndicatorValue,
    /// The hospital's value is the worrying one (no offline backup, no BCP…).
    pub concern: bool,
    /// The questions that decide the indicator.
    pub questions: Vec<&'a str>,
    /// The first of them still to answer, when the indicator is unanswered.
    pub next_question: Option<&'a str>,
    /// The hospital's answers to them (those asked), for "yes (未対応)".
    pub answers: Vec<(&'a Question, Value)>,
    pub bed_class: Comparison<'a>,
    pub founder: Comparison<'a>,
    pub overall: Comparison<'a>,
    /// The report's averages over bed classes and founders, shown apart and labelled as such
    /// (never in place of a missing cohort figure).
    pub bed_class_average: Option<&'a Figure>,
    pub founder_average: Option<&'a Figure>,
    /// Figures beside the indicator for the hospital's cohorts, all respondents or an average
    /// (97% back up; 7% are insured).
    pub context: Vec<&'a ContextFigure>,
}

impl<'a> IndicatorPosition<'a> {
    pub fn comparisons(&self) -> [&Comparison<'a>; 3] {
        [&self.bed_class, &self.founder, &self.overall]
    }

    /// Every figure shown for this indicator, in the order a reader meets them: the three
    /// comparisons (each with the others the text gives), the averages, the context.
    pub fn figures(&self) -> Vec<&'a Figure> {
        let mut out: Vec<&'a Figure> = Vec::new();
        for c in self.comparisons() {
            out.extend(c.figure);
            out.extend(c.also);
        }
        out.extend(self.bed_class_average);
        out.extend(self.founder_average);
        out.extend(self.context.iter().map(|c| &c.figure));
        out
    }

    /// The readings (how shindan reads an unclear figure) that this indicator's figures name,
    /// each once, in the order they are met: a screen shows them with the selected row.
    pub fn readings(&self) -> Vec<&'a str> {
        let mut out: Vec<&'a str> = Vec::new();
        for f in self.figures() {
            if let Some(r) = f.reading.as_deref() {
                if !out.contains(&r) {
                    out.push(r);
                }
            }
        }
        out
    }

    /// What the figure counts, as the sentence names it: the indicator, or the figure's own
    /// label when it counts something else ("have a process").
    pub fn counted_label(&self, figure: &'a Figure) -> &'a Text {
        match (&figure.counts, &figure.counts_label) {
            (Counts::Indicator, _) | (_, None) => &self.indicator.text,
            (_, Some(label)) => label,
        }
    }

    /// "You are in the minority of …": only where the figure's whole range is on one side of
    /// one half. `None` otherwise, or when the hospital's own value is not yes or no.
    pub fn sentence(&self, comparison: &Comparison<'a>, lang: Lang) -> Option<String> {
        let standing = comparison.standing?;
        let figure = comparison.figure?;
        let cohort = comparison.cohort?;
        // A figure said of the other founders together is theirs, not this founder's: the
        // sentence names them (「他の開設者区分の平均」) in the cohort's place.
        let (x, c) = match figure.scope.label(lang) {
            Some(scope) if figure.scope == Scope::Rest => (figure.display(lang), scope.to_string()),
            _ => (
                crate::domain::survey::render::render_value(figure, lang),
                cohort_phrase(cohort, lang),
            ),
        };
        let l = self.counted_label(figure).get(lang);
        // A label that already quotes (「診療系NWは…」に共感) is not quoted again.
        let l = if lang == Lang::Ja && !l.contains('「') {
            format!("「{l}」")
        } else {
            l.to_string()
        };
        let mut s = match (standing.side, standing.counted, lang) {
            (Side::Minority, true, Lang::Ja) => {
                format!("{c}で{l}は{x}の少数派で、貴院はその中に入ります。")
            }
            (Side::Minority, true, Lang::En) => {
                format!("Only {x} of {c}: {l}. You are in that minority.")
            }
            (Side::Majority, _, Lang::Ja) => {
                format!("{c}の{x}が{l}で、貴院もその多数派に入ります。")
            }
            (Side::Majority, _, Lang::En) => format!("{x} of {c}: {l}. You are in that majority."),
            (Side::Minority, false, Lang::Ja) => {
                format!("{c}の{x}が{l}ですが、貴院は違います（少数派）。")
            }
            (Side::Minority, false, Lang::En) => {
                format!("{x} of {c}: {l}. You are not: a minority.")
            }
        };
        // What it means, worded for what the figure counts: answers, not the truth behind
        // them (a hospital among the few who said "not fixed" is told few said so; one without
        // what most said they have is told most have it).
        s.push_str(match (standing.side, standing.counted, self.concern) {
            (Side::Minority, true, true) => lang.pick(
                "同じ区分でこの回答は少数です。優先して見直す候補です。",
                " Few peers answered so: a first candidate to fix.",
            ),
            (Side::Minority, false, true) => lang.pick(
                "多くの病院はできています。優先して見直す候補です。",
                " Most peers have it: a first candidate to fix.",
            ),
            (Side::Majority, _, true) => lang.pick(
                "よくある状態ですが、課題であることに変わりはありません。",
                " Common among peers, but still a gap.",
            ),
            (Side::Minority, _, false) => lang.pick(
                "この点では多くの病院より進んでいます。",
                " You are ahead of most peers here.",
            ),
            (Side::Majority, _, false) => {
                lang.pick("多くの病院と同じです。", " In line with most peers.")
            }
        });
        if let Some(scope) = figure
            .scope
            .label(lang)
            .filter(|_| figure.scope != Scope::Rest)
        {
            s.push_str(&match lang {
                Lang::Ja => format!("（数値は{scope}）"),
                Lang::En => format!(" (The figure is {scope}.)"),
            });
        }
        if comparison.small_sample {
            if let (Some(n), Some(p)) = (comparison.n, comparison.points_per_hospital()) {
                let p = approx::num(p);
                s.push_str(&match lang {
                    Lang::Ja => format!("ただしn={n}と小さく、1病院で{p}ポイント動きます。"),
                    Lang::En => {
                        format!(" But n={n} is small: one hospital moves it {p} points.")
                    }
                });
            }
        }
        Some(s)
    }
}

/// "医療法人（n=600）" / "medical corporations (n=600)" for sentences.
pub(super) fn cohort_phrase(cohort: Cohort, lang: Lang) -> String {
    match (cohort, lang) {
        (Cohort::Overall, _) => cohort.label(lang),
        (Cohort::BedClass(_), Lang::Ja) => format!("{}の病院", cohort.label(lang)),
        (Cohort::BedClass(_), Lang::En) => format!("hospitals of {}", cohort.label(lang)),
        (Cohort::Founder(_), Lang::Ja) => format!("開設者が{}の病院", cohort.label(lang)),
        (Cohort::Founder(_), Lang::En) => format!("{} hospitals", cohort.label(lang)),
        (Cohort::Average(_), _) => cohort.label(lang),
    }
}

/// The hospital's own value of an indicator, in words.
pub fn value_label(value: IndicatorValue, lang: Lang) -> &'static str {
    match value {
        IndicatorValue::True => lang.pick("該当する", "yes"),
        IndicatorValue::False => lang.pick("該当しない", "no"),
        IndicatorValue::Unknown => lang.pick("わからない", "don't know"),
        IndicatorValue::NotApplicable => lang.pick(
            "対象外（この指標の母集団に入りません）",
            "not applicable (outside this indicator's population)",
        ),
        IndicatorValue::Unanswered => lang.pick("未回答", "not answered"),
    }
}

/// The hospital's own value in a word, for a table cell beside its cohorts.
pub fn value_short(value: IndicatorValue, lang: Lang) -> &'static str {
    match value {
        IndicatorValue::True => lang.pick("該当", "yes"),
        IndicatorValue::False => lang.pick("非該当", "no"),
        IndicatorValue::Unknown => lang.pick("不明", "unknown"),
        IndicatorValue::NotApplicable => lang.pick("対象外", "n/a"),
        IndicatorValue::Unanswered => lang.pick("未回答", "unanswered"),
    }
}

/// Whether a hospital with this value is among those the figure counts. `None` when the value
/// is not yes or no.
pub fn counted(value: IndicatorValue, figure: &Figure) -> Option<bool> {
    let own = value.as_bool()?;
    Some(match figure.counts {
        Counts::Indicator | Counts::IndicatorOrUnknown => own,
        Counts::Opposite => !own,
    })
}

/// Which side of one half the hospital is on, if the figure's range settles it.
pub fn standing(value: IndicatorValue, figure: &Figure) -> Option<Standing> {
    let counted = counted(value, figure)?;
    let range = figure.range();
    // Were every unknown answer among the counted, would they still be under half?
    let unknown = figure.unknown.as_ref().map_or(0.0, |u| u.range().hi);
    let side = if counted && range.hi + unknown < 50.0 {
        Side::Minority
    } else if counted && range.above_half() {
        Side::Majority
    } else if !counted && range.above_half() {
        // The rest is under half, and the hospital is somewhere in it.
        Side::Minority
    } else {
        return None;
    };
    Some(Standing { side, counted })
}

pub(super) fn indicator_position<'a>(
    ind: &'a Indicator,
    figures: &'a IndicatorFigures,
    record: &Record,
    qn: &'a Questionnaire,
    survey: &'a Survey,
    bed: Option<BedClass>,
    founder: Option<Founder>,
) -> IndicatorPosition<'a> {
    let value = qn.indicator_value(ind, record);
    let mut questions: Vec<&str> = Vec::new();
    for c in ind.references() {
        if !questions.contains(&c.question.as_str()) {
            questions.push(&c.question);
        }
    }
    // The first question still open; for one not asked yet because an earlier answer is
    // missing (backup_offline waits on backup), that earlier question.
    let next_question = match value {
        IndicatorValue::Unanswered => questions.iter().find_map(|id| {
            let q = qn.question(id)?;
            match qn.visibility(q, record) {
                Visibility::Visible if record.value(id).is_none() => Some(q.id.as_str()),
                Visibility::Pending { on } => qn.question(&on).map(|g| g.id.as_str()),
                _ => None,
            }
        }),
        _ => None,
    };
    let answers = questions
        .iter()
        .filter_map(|id| {
            let q = qn.question(id)?;
            Some((q, qn.effective(id, record)?.clone()))
        })
        .collect();
    let bed_cohort = bed.map(Cohort::BedClass);
    let founder_cohort = founder.map(Cohort::Founder);
    let context = figures
        .context
        .iter()
        .filter(|c| match c.cohort {
            Cohort::Overall | Cohort::Average(_) => true,
            other => Some(other) == bed_cohort || Some(other) == founder_cohort,
        })
        .collect();
    IndicatorPosition {
        indicator: ind,
        hospital: value,
        concern: ind.is_concern(value),
        questions,
        next_question,
        answers,
        bed_class: comparison(figures, bed_cohort, value, survey),
        founder: comparison(figures, founder_cohort, value, survey),
        overall: comparison(figures, Some(Cohort::Overall), value, survey),
        bed_class_average: figures.bed_class_average.first(),
        founder_average: figures.founder_average.first(),
        context,
    }
}
