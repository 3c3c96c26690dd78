//! Where one hospital stands among the respondents like it — of the 2022 survey, or of an
//! aggregate chosen with `--survey`: for each indicator, its own
//! value beside the figure for its bed class, its founder and all respondents, each with its
//! precision, source and sample size; its budget bracket in its bed class's 図６ row; its staff
//! against the reported average. Everything a screen or the command line shows is computed
//! here, so the two cannot disagree and neither has to know the report.

use super::answer::Value;
use super::cohort::{BedClass, Founder};
use super::indicator::{Indicator, IndicatorValue};
use super::lang::{Lang, Text};
use super::questionnaire::{Question, Questionnaire, Visibility};
use super::record::{Record, RecordId};
use super::survey::{
    approx, figure::derived_percent, is_small_sample, points_per_hospital, Cohort, ContextFigure,
    Counts, Dimension, Figure, IndicatorFigures, Precision, Said, Scope, Survey,
};

/// The hospital's place among the respondents: how many answered in its cohort.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    pub cohort: Cohort,
    pub n: u32,
    /// All respondents (1,144).
    pub of: u32,
    pub small_sample: bool,
}

impl Place {
    /// The cohort's share of all respondents, in percent to one decimal (283/1,144 → 24.7).
    pub fn share(&self) -> f64 {
        derived_percent(self.n, self.of)
    }

    /// How many points one hospital moves a share of this cohort: 25 for 4 respondents.
    pub fn points_per_hospital(&self) -> f64 {
        points_per_hospital(self.n)
    }
}

/// One class of respondents (p2 調査対象) with its share of all of them: a row of the charts
/// that show where the hospital's own class stands among the others.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassShare {
    pub cohort: Cohort,
    pub n: u32,
    /// Of all respondents, to one decimal (283/1,144 → 24.7).
    pub share: f64,
    /// The hospital's own class.
    pub own: bool,
    pub small_sample: bool,
}

/// The classes of one dimension in the report's order, the hospital's own marked.
fn composition(survey: &Survey, cohorts: &[Cohort], own: Option<Cohort>) -> Vec<ClassShare> {
    cohorts
        .iter()
        .filter_map(|&cohort| {
            let n = survey.n(cohort)?;
            Some(ClassShare {
                cohort,
                n,
                share: derived_percent(n, survey.respondents),
                own: Some(cohort) == own,
                small_sample: is_small_sample(n),
            })
        })
        .collect()
}

/// One of the hospital's associations and how many respondents belong to it (they overlap).
#[derive(Debug, Clone)]
pub struct AssociationPlace<'a> {
    pub id: &'a str,
    pub label: Option<&'a Text>,
    pub n: u32,
}

/// Which side of one half the hospital is on, when the figure's whole range says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Minority,
    Majority,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub side: Side,
    /// Whether the hospital is among those the figure counts (if not, it is among the rest,
    /// which also holds those who did not answer or did not know: the rest is then never
    /// called a majority).
    pub counted: bool,
}

/// A cohort's figure beside the hospital's own value.
#[derive(Debug, Clone)]
pub struct Comparison<'a> {
    /// `None` when the record does not yet say which cohort it is in (no beds or founder).
    pub cohort: Option<Cohort>,
    pub n: Option<u32>,
    pub small_sample: bool,
    /// The figure shindan compares with; `None` when the report's text gives none.
    pub figure: Option<&'a Figure>,
    /// Other figures the text gives for the same cohort (a summary page's wording).
    pub also: &'a [Figure],
    /// What the report says of this dimension without a figure, shown when there is none.
    pub says: &'a [Said],
    /// Whether the hospital is among those the figure counts (the filled part of a bar), or
    /// among the rest; `None` without a figure or when its own value is not yes or no. Unlike
    /// `standing`, this holds even when the figure's range straddles one half.
    pub counted: Option<bool>,
    pub standing: Option<Standing>,
}

impl Comparison<'_> {
    pub fn precision(&self) -> Precision {
        self.figure.map_or(Precision::Missing, Figure::precision)
    }

    pub fn points_per_hospital(&self) -> Option<f64> {
        self.n.map(points_per_hospital)
    }
}

/// Indicators named in a sentence by their text, in the language's list style.
pub fn names(ips: &[&IndicatorPosition], lang: Lang) -> String {
    join(
        ips.iter().map(|ip| ip.indicator.text.get(lang).to_string()),
        lang,
    )
}

/// Indicators named in a sentence as worries ([`Indicator::as_worry`]).
pub fn worries(ips: &[&IndicatorPosition], lang: Lang) -> String {
    join(ips.iter().map(|ip| ip.indicator.as_worry(lang)), lang)
}

fn join(names: impl Iterator<Item = String>, lang: Lang) -> String {
    names.collect::<Vec<_>>().join(lang.pick("、", "; "))
}

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
fn cohort_phrase(cohort: Cohort, lang: Lang) -> String {
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

/// Where the hospital's budget bracket falls in its bed class's 図６ row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnBracket {
    /// One of the five brackets, by its index in the row.
    Bracket(usize),
    /// Answered わからない: among those of its class who gave no bracket.
    NoBracket,
    Unanswered,
}

#[derive(Debug, Clone)]
pub struct BracketRow<'a> {
    pub id: &'a str,
    pub label: Option<&'a Text>,
    pub count: u32,
    /// Of the class's respondents, to one decimal.
    pub share: f64,
    pub own: bool,
}

/// 図６'s row for the hospital's bed class.
#[derive(Debug, Clone)]
pub struct BracketDistribution<'a> {
    pub class: BedClass,
    pub n: u32,
    pub source: &'a str,
    pub rows: Vec<BracketRow<'a>>,
    /// The class's respondents who gave no bracket.
    pub no_bracket: u32,
    pub no_bracket_share: f64,
    pub own: OwnBracket,
    pub reading: Option<&'a str>,
}

/// The hospital's staff against the reported average, which the report gives for all
/// hospitals together only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Versus {
    Above,
    Within,
    Below,
}

#[derive(Debug, Clone)]
pub struct StaffPosition<'a> {
    pub total: Option<i64>,
    pub fulltime: Option<i64>,
    /// 3人弱 (overall 4/7).
    pub average: &'a Figure,
    pub fulltime_said: &'a Said,
    pub versus: Option<Versus>,
    pub says_bed_class: &'a [Said],
    pub says_founder: &'a [Said],
}

impl StaffPosition<'_> {
    pub fn sentence(&self, lang: Lang) -> Option<String> {
        let total = self.total?;
        let avg = self.average.display(lang);
        let cmp = match (self.versus?, lang) {
            (Versus::Above, Lang::Ja) => "より多い",
            (Versus::Within, Lang::Ja) => "と同程度",
            (Versus::Below, Lang::Ja) => "より少ない",
            (Versus::Above, Lang::En) => "more than",
            (Versus::Within, Lang::En) => "about the same as",
            (Versus::Below, Lang::En) => "fewer than",
        };
        Some(match lang {
            Lang::Ja => format!("貴院の担当者{total}人は、全回答病院の平均{avg}{cmp}人数です。"),
            Lang::En => {
                format!("Your {total} IT staff are {cmp} the average of all respondents, {avg}.")
            }
        })
    }
}

/// The hospital among the 2022 respondents.
#[derive(Debug, Clone)]
pub struct Position<'a> {
    pub record: RecordId,
    pub name: Option<String>,
    pub beds: Option<i64>,
    pub bed_class: Option<Place>,
    pub founder: Option<Place>,
    /// Every bed class and every founder among the respondents, the hospital's own marked.
    pub bed_classes: Vec<ClassShare>,
    pub founders: Vec<ClassShare>,
    pub associations: Vec<AssociationPlace<'a>>,
    pub indicators: Vec<IndicatorPosition<'a>>,
    pub budget: Option<BracketDistribution<'a>>,
    pub staff: StaffPosition<'a>,
    pub survey: &'a Survey,
}

impl<'a> Position<'a> {
    pub fn of(record: &Record, qn: &'a Questionnaire, survey: &'a Survey) -> Position<'a> {
        let bed = record.bed_class();
        let founder = record.founder();
        let place = |cohort: Cohort| {
            survey.n(cohort).map(|n| Place {
                cohort,
                n,
                of: survey.respondents,
                small_sample: is_small_sample(n),
            })
        };
        let associations = record
            .value("associations")
            .map(|v| v.choices())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|id| {
                let a = survey.composition.association.iter().find(|a| a.id == id)?;
                let label = qn
                    .question("associations")
                    .and_then(|q| q.option(id))
                    .map(|o| &o.text);
                Some(AssociationPlace {
                    id: a.id.as_str(),
                    label,
                    n: a.n,
                })
            })
            .collect();
        let indicators = qn
            .indicators
            .iter()
            .filter_map(|ind| {
                let figures = survey.indicator(&ind.id)?;
                Some(indicator_position(
                    ind, figures, record, qn, survey, bed, founder,
                ))
            })
            .collect();
        Position {
            record: record.id.clone(),
            name: record.hospital_name().map(str::to_string),
            beds: record.beds(),
            bed_class: bed.and_then(|b| place(Cohort::BedClass(b))),
            founder: founder.and_then(|f| place(Cohort::Founder(f))),
            bed_classes: composition(
                survey,
                &BedClass::ALL.map(Cohort::BedClass),
                bed.map(Cohort::BedClass),
            ),
            founders: composition(
                survey,
                &Founder::ALL.map(Cohort::Founder),
                founder.map(Cohort::Founder),
            ),
            associations,
            indicators,
            budget: bed.map(|b| brackets(b, record, qn, survey)),
            staff: staff(record, qn, survey),
            survey,
        }
    }

    /// The worrying answers that put the hospital in a minority of at least one of its
    /// cohorts: most peers have done what it has not. The first things to look at.
    pub fn lagging(&self) -> Vec<&IndicatorPosition<'a>> {
        self.indicators
            .iter()
            .filter(|ip| ip.concern && ip.comparisons().iter().any(|c| is_minority(c)))
            .collect()
    }

    /// The other worrying answers: shared with many peers, or with no figure to say.
    pub fn other_concerns(&self) -> Vec<&IndicatorPosition<'a>> {
        self.indicators
            .iter()
            .filter(|ip| ip.concern && !ip.comparisons().iter().any(|c| is_minority(c)))
            .collect()
    }

    /// Answered "don't know": something to find out before it can be compared.
    pub fn dont_know(&self) -> Vec<&IndicatorPosition<'a>> {
        self.indicators
            .iter()
            .filter(|ip| ip.hospital == IndicatorValue::Unknown)
            .collect()
    }

    pub fn unanswered(&self) -> Vec<&IndicatorPosition<'a>> {
        self.indicators
            .iter()
            .filter(|ip| ip.hospital == IndicatorValue::Unanswered)
            .collect()
    }

    /// The readings (how shindan reads unclear figures) that the shown figures name, each once,
    /// in the order they first appear: the command line prints them as numbered notes.
    pub fn readings(&self) -> Vec<&'a str> {
        let mut out: Vec<&'a str> = Vec::new();
        let mut add = |r: &'a Option<String>| {
            if let Some(r) = r.as_deref() {
                if !out.contains(&r) {
                    out.push(r);
                }
            }
        };
        for ip in &self.indicators {
            for f in ip.figures() {
                add(&f.reading);
            }
        }
        if self.budget.is_some() {
            add(&self.survey.budget_brackets.reading);
        }
        add(&self.staff.average.reading);
        out
    }
}

fn is_minority(c: &Comparison<'_>) -> bool {
    c.standing.is_some_and(|s| s.side == Side::Minority)
}

fn comparison<'a>(
    figures: &'a IndicatorFigures,
    cohort: Option<Cohort>,
    value: IndicatorValue,
    survey: &'a Survey,
) -> Comparison<'a> {
    let list = cohort.map_or(&[][..], |c| figures.figures(c));
    let n = cohort.and_then(|c| survey.n(c));
    let figure = list.first();
    let says = match cohort {
        Some(Cohort::BedClass(_)) if figure.is_none() => figures.says.of(Dimension::BedClass),
        Some(Cohort::Founder(_)) if figure.is_none() => figures.says.of(Dimension::Founder),
        _ => &[],
    };
    Comparison {
        cohort,
        n,
        small_sample: n.is_some_and(is_small_sample),
        figure,
        also: list.get(1..).unwrap_or(&[]),
        says,
        counted: figure.and_then(|f| counted(value, f)),
        standing: figure.and_then(|f| standing(value, f)),
    }
}

fn indicator_position<'a>(
    ind: &'a Indicator,
    figures: &'a IndicatorFigures,
    record: &Record,
    qn: &'a Questionnaire,
    survey: &'a Survey,
    bed: Option<BedClass>,
    founder: Option<Founder>,
) -> IndicatorPosition<'a> {
    let value = ind.evaluate(qn, record);
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

fn brackets<'a>(
    class: BedClass,
    record: &Record,
    qn: &'a Questionnaire,
    survey: &'a Survey,
) -> BracketDistribution<'a> {
    let table = &survey.budget_brackets;
    let n = survey.n(Cohort::BedClass(class)).unwrap_or(0);
    let question = qn.question("budget_bracket");
    let answer = qn
        .effective("budget_bracket", record)
        .and_then(|v| v.as_text());
    let own = match answer {
        None => OwnBracket::Unanswered,
        Some(a) => table
            .brackets
            .iter()
            .position(|b| b == a)
            .map_or(OwnBracket::NoBracket, OwnBracket::Bracket),
    };
    let rows = table
        .brackets
        .iter()
        .zip(table.row(class))
        .enumerate()
        .map(|(i, (id, &count))| BracketRow {
            id: id.as_str(),
            label: question.and_then(|q| q.option(id)).map(|o| &o.text),
            count,
            share: derived_percent(count, n),
            own: own == OwnBracket::Bracket(i),
        })
        .collect();
    let no_bracket = n.saturating_sub(table.row(class).iter().sum());
    BracketDistribution {
        class,
        n,
        source: &table.source,
        rows,
        no_bracket,
        no_bracket_share: derived_percent(no_bracket, n),
        own,
        reading: table.reading.as_deref(),
    }
}

fn staff<'a>(record: &Record, qn: &Questionnaire, survey: &'a Survey) -> StaffPosition<'a> {
    let number = |id: &str| qn.effective(id, record).and_then(|v| v.as_number());
    let total = number("staff_total");
    let average = &survey.staff.total;
    let range = average.range();
    // An average over no records says nothing to be above or below.
    let versus = total.filter(|_| !average.is_empty()).map(|t| {
        let t = t as f64;
        if t > range.hi {
            Versus::Above
        } else if t < range.lo {
            Versus::Below
        } else {
            Versus::Within
        }
    });
    StaffPosition {
        total,
        fulltime: number("staff_fulltime"),
        average,
        fulltime_said: &survey.staff.fulltime,
        versus,
        says_bed_class: &survey.staff.says.bed_class,
        says_founder: &survey.staff.says.founder,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey::Survey;

    fn fig(survey: &Survey, ind: &str, cohort: Cohort) -> Figure {
        survey.indicator(ind).unwrap().figures(cohort)[0].clone()
    }

    #[test]
    fn standing_only_where_the_whole_range_is_on_one_side() {
        let s = Survey::embedded();
        let t = IndicatorValue::True;
        let f = IndicatorValue::False;
        let mc = Cohort::Founder(Founder::MedicalCorporation);
        // 74% of 医療法人 lack a BCP: a hospital without one is in the majority.
        let bcp = fig(s, "bcp_missing", mc);
        assert_eq!(
            standing(t, &bcp),
            Some(Standing {
                side: Side::Majority,
                counted: true
            })
        );
        // …one with a plan is among the 26% rest: a minority.
        assert_eq!(standing(f, &bcp).map(|s| s.side), Some(Side::Minority));
        // 5割以上 (≥ 50%) straddles one half: nothing can be said.
        let audit = fig(s, "audit_never", Cohort::Overall);
        assert_eq!(standing(t, &audit), None);
        assert_eq!(standing(f, &audit), None);
        // 2割程度 (17–23%): whoever left the VPN unfixed is in a minority; whoever fixed it is
        // among the rest, which is not called a majority.
        let vpn = fig(s, "vpn_unpatched", Cohort::BedClass(BedClass::B300To499));
        assert_eq!(standing(t, &vpn).map(|s| s.side), Some(Side::Minority));
        assert_eq!(standing(f, &vpn), None);
        // Overall IR counts those WITH a process (6割弱, 55–60%): without one is a minority.
        let ir = fig(s, "ir_missing", Cohort::Overall);
        assert_eq!(
            standing(t, &ir),
            Some(Standing {
                side: Side::Minority,
                counted: false
            })
        );
        assert_eq!(standing(f, &ir).map(|s| s.side), Some(Side::Majority));
        // Unknown and unanswered say nothing.
        assert_eq!(standing(IndicatorValue::Unknown, &bcp), None);
        assert_eq!(standing(IndicatorValue::Unanswered, &bcp), None);
        // Exactly half is neither.
        let coop_vpn = fig(s, "vpn_unpatched", Cohort::Founder(Founder::Coop));
        assert_eq!(standing(t, &coop_vpn), None);
    }

    #[test]
    fn points_per_hospital_of_the_tiny_cohorts() {
        assert_eq!(points_per_hospital(4), 25.0);
        assert_eq!(points_per_hospital(9), 11.1);
        assert_eq!(points_per_hospital(16), 6.3);
        assert_eq!(points_per_hospital(28), 3.6);
    }
}
