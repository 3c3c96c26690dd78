//! The 2022 survey of the four hospital associations as data (`assets/survey-2022.json`): who
//! answered, and every figure the report's text gives for each indicator, with its place in the
//! report and its precision.
//!
//! The report's charts are images; only what its text states is here. Where the text gives no
//! figure for a cohort there is none ([`Precision::Missing`] in the position), never a figure
//! borrowed from another cohort.

pub mod approx;
pub mod figure;
pub mod from_aggregate;
mod parse;
pub mod render;

pub use approx::{Approx, Range, Unit};
pub use figure::{Counts, Figure, FigureValue, Precision, Scope};
pub use from_aggregate::{AggregateFileError, Rule};
pub use parse::SurveyError;

use super::cohort::{BedClass, Founder};
use super::lang::{Lang, Text};
use super::questionnaire::Questionnaire;
use chrono::NaiveDate;
use figure::RawFigure;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const EMBEDDED: &str = include_str!("../../../assets/survey-2022.json");

/// Cohorts with fewer respondents than this are a small sample: one hospital moves their share
/// by more than 3 points (by 25 in the 4-hospital 医療生協 cohort).
pub const SMALL_SAMPLE: u32 = 30;

/// A group of respondents a figure is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cohort {
    Overall,
    BedClass(BedClass),
    Founder(Founder),
    /// The report's "average" over bed classes or founders (bed 総評's 平均で4割強, the founder
    /// charts' 平均:52%). Whether it is the mean of the cohorts' shares or the share of all
    /// respondents the text does not say.
    Average(Dimension),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    BedClass,
    Founder,
}

impl Cohort {
    pub fn id(self) -> String {
        match self {
            Cohort::Overall => "overall".into(),
            Cohort::BedClass(b) => b.id().into(),
            Cohort::Founder(f) => f.id().into(),
            Cohort::Average(Dimension::BedClass) => "bed_class_average".into(),
            Cohort::Average(Dimension::Founder) => "founder_average".into(),
        }
    }

    pub fn parse(s: &str) -> Option<Cohort> {
        match s {
            "overall" => Some(Cohort::Overall),
            "bed_class_average" => Some(Cohort::Average(Dimension::BedClass)),
            "founder_average" => Some(Cohort::Average(Dimension::Founder)),
            _ => s
                .parse()
                .map(Cohort::BedClass)
                .or_else(|_| s.parse().map(Cohort::Founder))
                .ok(),
        }
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            Cohort::Overall => lang.pick("全回答病院", "all respondents").into(),
            Cohort::BedClass(b) => b.label(lang).into(),
            Cohort::Founder(f) => f.label(lang).into(),
            Cohort::Average(Dimension::BedClass) => {
                lang.pick("病床規模別の平均", "bed-class average").into()
            }
            Cohort::Average(Dimension::Founder) => {
                lang.pick("開設者別の平均", "founder average").into()
            }
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AssociationCount {
    pub id: String,
    pub n: u32,
}

/// Who answered (p2). Associations overlap: a hospital may belong to several.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Composition {
    pub source: String,
    pub bed_class: BTreeMap<BedClass, u32>,
    pub founder: BTreeMap<Founder, u32>,
    pub association: Vec<AssociationCount>,
    /// 1,519: the associations' counts added up, more than the respondents.
    pub association_total: u32,
    /// The names the report's text uses for a founder, where they differ from the
    /// questionnaire's (私立大学法人 and 私大 for 私立学校法人).
    #[serde(default)]
    pub report_names: BTreeMap<Founder, Vec<String>>,
}

/// The budget brackets of the questionnaire (図６'s columns), in order: what an aggregate
/// counts and what a survey's [`BudgetTable`] is read in.
pub const BRACKETS: [&str; 5] = ["lt5m", "5m_10m", "10m_20m", "20m_50m", "ge50m"];

/// 図６ (p46): how many hospitals of each bed class chose each budget bracket. The rest of each
/// class chose none (わからない or no answer), which is why its brackets add up to less than the
/// class.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetTable {
    pub source: String,
    /// Option ids of the `budget_bracket` question, in the order of the counts.
    pub brackets: Vec<String>,
    pub rows: BTreeMap<BedClass, Vec<u32>>,
    pub reading: Option<String>,
}

impl BudgetTable {
    pub fn row(&self, class: BedClass) -> &[u32] {
        self.rows.get(&class).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// A statement of the report with no figure ("the smaller the hospital, the higher"), shown
/// where a cohort has no figure so that the reader still learns what the report says.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Said {
    pub ja: String,
    pub en: String,
    pub source: String,
}

impl Said {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.ja, &self.en)
    }
}

/// What the report says of a dimension without figures, one statement or several.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Says {
    #[serde(default, deserialize_with = "one_or_many")]
    pub bed_class: Vec<Said>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub founder: Vec<Said>,
}

impl Says {
    pub fn of(&self, dimension: Dimension) -> &[Said] {
        match dimension {
            Dimension::BedClass => &self.bed_class,
            Dimension::Founder => &self.founder,
        }
    }
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Said>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(Said),
        Many(Vec<Said>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

/// The staff counts (overall 4/7): in words only.
#[derive(Debug, Clone)]
pub struct Staff {
    /// 3人弱.
    pub total: Figure,
    /// ほぼ同水準: the full-time staff are about as many as all staff.
    pub fulltime: Said,
    pub says: Says,
}

/// A figure beside an indicator that is not the indicator itself: 97% take backups, 7% are
/// insured. It gives the reader the context the report gives.
#[derive(Debug, Clone)]
pub struct ContextFigure {
    pub label: Text,
    pub cohort: Cohort,
    pub figure: Figure,
}

/// Every figure the report's text gives for one indicator.
#[derive(Debug, Clone)]
pub struct IndicatorFigures {
    pub id: String,
    /// First the one shindan compares with; then others the text gives (総評's wording).
    pub overall: Vec<Figure>,
    pub bed_class: BTreeMap<BedClass, Vec<Figure>>,
    pub founder: BTreeMap<Founder, Vec<Figure>>,
    pub bed_class_average: Vec<Figure>,
    pub founder_average: Vec<Figure>,
    pub says: Says,
    pub context: Vec<ContextFigure>,
}

impl IndicatorFigures {
    /// The figures for one cohort, the one shindan compares with first. Empty: the report's
    /// text has none.
    pub fn figures(&self, cohort: Cohort) -> &[Figure] {
        let found = match cohort {
            Cohort::Overall => Some(&self.overall),
            Cohort::BedClass(b) => self.bed_class.get(&b),
            Cohort::Founder(f) => self.founder.get(&f),
            Cohort::Average(Dimension::BedClass) => Some(&self.bed_class_average),
            Cohort::Average(Dimension::Founder) => Some(&self.founder_average),
        };
        found.map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every figure with its cohort, in a stable order (for the survey listing and the tests).
    pub fn all(&self) -> Vec<(Cohort, &Figure)> {
        let mut out: Vec<(Cohort, &Figure)> = Vec::new();
        out.extend(self.overall.iter().map(|f| (Cohort::Overall, f)));
        for (b, fs) in &self.bed_class {
            out.extend(fs.iter().map(|f| (Cohort::BedClass(*b), f)));
        }
        for (k, fs) in &self.founder {
            out.extend(fs.iter().map(|f| (Cohort::Founder(*k), f)));
        }
        let bed_avg = Cohort::Average(Dimension::BedClass);
        out.extend(self.bed_class_average.iter().map(|f| (bed_avg, f)));
        let founder_avg = Cohort::Average(Dimension::Founder);
        out.extend(self.founder_average.iter().map(|f| (founder_avg, f)));
        out
    }
}

/// Which survey the figures are, as every place that shows them names it: the 2022 report, or
/// an aggregate of record files (`shindan aggregate`) chosen with `--survey`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub name: Text,
    pub date: NaiveDate,
    /// The number of records an aggregate was made from; `None` for the report.
    pub records: Option<u64>,
}

#[derive(Debug, Clone)]
pub struct Survey {
    pub identity: Identity,
    pub title: Text,
    pub conducted_by: Text,
    pub period: Period,
    pub targets: u32,
    pub respondents: u32,
    /// As printed (20.4); 1,144 / 5,596 = 20.44%.
    pub response_rate: f64,
    pub source: String,
    /// The report's page of each place a figure names ("overall 7/7" → 11).
    pub pages: BTreeMap<String, u32>,
    pub composition: Composition,
    pub budget_brackets: BudgetTable,
    pub staff: Staff,
    /// How shindan reads figures the report leaves unclear, by id (figures name one).
    pub readings: BTreeMap<String, Text>,
    pub indicators: Vec<IndicatorFigures>,
}

/// The survey a run compares with: one chosen with `--survey`, or the 2022 survey shipped in the
/// binary, which is parsed only when something compares (about half a millisecond that the home
/// screen's first frame need not wait for).
#[derive(Debug, Clone, Copy, Default)]
pub struct Comparing(Option<&'static Survey>);

impl Comparing {
    pub fn with(survey: &'static Survey) -> Comparing {
        Comparing(Some(survey))
    }

    pub fn survey(self) -> &'static Survey {
        self.0.unwrap_or_else(Survey::embedded)
    }
}

impl Survey {
    /// The survey shipped in the binary, parsed and checked once.
    pub fn embedded() -> &'static Survey {
        static S: OnceLock<Survey> = OnceLock::new();
        S.get_or_init(|| {
            // The embedded asset is checked by the test suite; a failure here is a build defect,
            // not a user error.
            #[allow(clippy::expect_used)]
            Survey::parse(EMBEDDED, Questionnaire::embedded()).expect("embedded survey is valid")
        })
    }

    /// Made from an aggregate of records rather than the report.
    pub fn is_aggregate(&self) -> bool {
        self.identity.records.is_some()
    }

    /// The survey as titles and headers name it: "2022年調査", or an aggregate's name with its
    /// date, "会員調査2026（2026-06-01）".
    pub fn label(&self, lang: Lang) -> String {
        let name = self.identity.name.get(lang);
        if !self.is_aggregate() {
            return name.to_string();
        }
        let date = self.identity.date;
        lang.pick_with(
            || format!("{name}（{date}）"),
            || format!("{name} ({date})"),
        )
    }

    pub fn indicator(&self, id: &str) -> Option<&IndicatorFigures> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// How many hospitals answered in a cohort; none for an average.
    pub fn n(&self, cohort: Cohort) -> Option<u32> {
        match cohort {
            Cohort::Overall => Some(self.respondents),
            Cohort::BedClass(b) => self.composition.bed_class.get(&b).copied(),
            Cohort::Founder(f) => self.composition.founder.get(&f).copied(),
            Cohort::Average(_) => None,
        }
    }

    pub fn reading(&self, id: &str) -> Option<&Text> {
        self.readings.get(id)
    }
}

/// How many points one hospital moves a share of a cohort of `n`: 25 for 4 respondents.
pub fn points_per_hospital(n: u32) -> f64 {
    if n == 0 {
        return 100.0;
    }
    (1000.0 / f64::from(n)).round() / 10.0
}

/// A budget bracket's label short enough for a table column or a chart axis (the
/// questionnaire's labels are for the question).
pub fn bracket_short_label(id: &str, lang: Lang) -> Option<&'static str> {
    Some(match id {
        "lt5m" => lang.pick("500万未満", "<¥5M"),
        "5m_10m" => lang.pick("500-1000万", "¥5–10M"),
        "10m_20m" => lang.pick("1000-2000万", "¥10–20M"),
        "20m_50m" => lang.pick("2000-5000万", "¥20–50M"),
        "ge50m" => lang.pick("5000万以上", "≥¥50M"),
        _ => return None,
    })
}

/// Whether a cohort of `n` respondents is too small to read a share from: one hospital is
/// 100/n points.
pub fn is_small_sample(n: u32) -> bool {
    n < SMALL_SAMPLE
}
