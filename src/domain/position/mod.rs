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
use super::questionnaire::{group_thousands, Question, Questionnaire, Visibility};
use super::record::{Record, RecordId};
use super::survey::{
    approx, figure::derived_percent, is_small_sample, points_per_hospital, Cohort, ContextFigure,
    Counts, Dimension, Figure, IndicatorFigures, Precision, Said, Scope, Survey,
};

mod budget_staff;
mod indicator;

pub use budget_staff::*;
pub use indicator::*;

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
    /// The hospital's associations, each with how many respondents belong to it, as a label
    /// and a line: 「加盟団体：」「日本病院会 1,234、…（団体は重複あり、計1,519）」 — the
    /// terminal and the command line say it in these words. `None` when none was answered.
    pub fn describe_associations(&self, lang: Lang) -> Option<(&'static str, String)> {
        if self.associations.is_empty() {
            return None;
        }
        let list: Vec<String> = self
            .associations
            .iter()
            .map(|a| {
                format!(
                    "{} {}",
                    a.label.map_or(a.id, |t| t.get(lang)),
                    group_thousands(i64::from(a.n))
                )
            })
            .collect();
        let total = group_thousands(i64::from(self.survey.composition.association_total));
        let overlap = match lang {
            Lang::Ja => format!("（団体は重複あり、計{total}）"),
            Lang::En => format!(" (overlapping; {total} in all)"),
        };
        Some((
            lang.pick("加盟団体：", "Associations: "),
            format!("{}{overlap}", list.join(lang.pick("、", ", "))),
        ))
    }

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
