//! Reading the survey data: the JSON as written (`Raw…`), turned into a [`Survey`] and checked
//! against the questionnaire, with every way it can be wrong named in [`SurveyError`].

use super::*;

/// Why the survey data could not be used. Only reachable through a hand-edited asset (the
/// embedded one is checked by the tests), so the messages name what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum SurveyError {
    #[error("survey JSON is invalid: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{what} add up to {sum}, not {expected}")]
    Sum {
        what: &'static str,
        sum: u32,
        expected: u32,
    },
    #[error("{what} has no count for `{cohort}`")]
    MissingCohort { what: &'static str, cohort: String },
    #[error("`{0}` is not a bed class, founder, `overall` or an average")]
    UnknownCohort(String),
    #[error("indicator `{indicator}`: `each` cannot stand beside figures for single bed classes")]
    EachAndSingle { indicator: String },
    #[error("indicator `{indicator}`: `rest` needs at least one founder named beside it")]
    RestAlone { indicator: String },
    #[error("survey indicator `{0}` is not an indicator of the questionnaire")]
    UnknownIndicator(String),
    #[error("the questionnaire's indicator `{0}` has no entry in the survey (an empty one says the text gives nothing)")]
    MissingIndicator(String),
    #[error("reading `{0}` is named by a figure but not written in `readings`")]
    UnknownReading(String),
    #[error(
        "{0} gives a number of people; an indicator needs a share (割), and staff a number (人)"
    )]
    WrongUnit(String),
    #[error("`{0}` is not a place in the report: use a page title such as \"founder 5/7\" or \"bed 総評\"")]
    UnknownSource(String),
    #[error("図６: `{0}` is not a budget bracket of the questionnaire")]
    UnknownBracket(String),
    #[error("図６: {class} has {sum} hospitals in brackets but only {n} respondents")]
    BracketsExceedClass { class: String, sum: u32, n: u32 },
    #[error("図６: {class} has {got} counts for {want} brackets")]
    RowLength {
        class: String,
        got: usize,
        want: usize,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSurvey {
    title: Text,
    conducted_by: Text,
    period: Period,
    targets: u32,
    respondents: u32,
    response_rate: f64,
    source: String,
    pages: BTreeMap<String, u32>,
    composition: Composition,
    budget_brackets: BudgetTable,
    staff: RawStaff,
    readings: BTreeMap<String, Text>,
    indicators: Vec<RawIndicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStaff {
    total: RawFigure,
    fulltime: Said,
    #[serde(default)]
    says: Says,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    id: String,
    #[serde(default)]
    overall: Vec<RawFigure>,
    /// Keyed by bed-class id, or `each` for a statement about every class.
    #[serde(default)]
    bed_class: BTreeMap<String, Vec<RawFigure>>,
    /// Keyed by founder id, or `rest` for a statement about the founders not named.
    #[serde(default)]
    founder: BTreeMap<String, Vec<RawFigure>>,
    #[serde(default)]
    bed_class_average: Vec<RawFigure>,
    #[serde(default)]
    founder_average: Vec<RawFigure>,
    #[serde(default)]
    says: Says,
    #[serde(default)]
    context: Vec<RawContext>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContext {
    label: Text,
    cohort: String,
    figure: RawFigure,
}

fn figures(raw: Vec<RawFigure>) -> Result<Vec<Figure>, SurveyError> {
    raw.into_iter()
        .map(|r| Figure::try_from(r).map_err(|e| SurveyError::Json(serde::de::Error::custom(e))))
        .collect()
}

fn with_scope(mut fs: Vec<Figure>, scope: Scope) -> Vec<Figure> {
    for f in &mut fs {
        f.scope = scope;
    }
    fs
}

impl Survey {
    /// Parses and checks survey data against the questionnaire it describes.
    pub fn parse(json: &str, qn: &Questionnaire) -> Result<Survey, SurveyError> {
        let raw: RawSurvey = serde_json::from_str(json)?;
        let mut indicators = Vec::new();
        for ri in raw.indicators {
            indicators.push(Self::read_indicator(ri)?);
        }
        let total = figures(vec![raw.staff.total])?.remove(0);
        let survey = Survey {
            identity: Identity {
                name: Text {
                    ja: "2022年調査".into(),
                    en: "the 2022 survey".into(),
                },
                date: raw.period.to,
                records: None,
            },
            title: raw.title,
            conducted_by: raw.conducted_by,
            period: raw.period,
            targets: raw.targets,
            respondents: raw.respondents,
            response_rate: raw.response_rate,
            source: raw.source,
            pages: raw.pages,
            composition: raw.composition,
            budget_brackets: raw.budget_brackets,
            staff: Staff {
                total,
                fulltime: raw.staff.fulltime,
                says: raw.staff.says,
            },
            readings: raw.readings,
            indicators,
        };
        survey.check(qn)?;
        Ok(survey)
    }

    fn read_indicator(ri: RawIndicator) -> Result<IndicatorFigures, SurveyError> {
        let id = ri.id;
        let mut bed_class = BTreeMap::new();
        let mut each = None;
        for (key, fs) in ri.bed_class {
            let fs = figures(fs)?;
            if key == "each" {
                each = Some(fs);
            } else {
                let b = key.parse().map_err(|_| SurveyError::UnknownCohort(key))?;
                bed_class.insert(b, fs);
            }
        }
        if let Some(fs) = each {
            if !bed_class.is_empty() {
                return Err(SurveyError::EachAndSingle { indicator: id });
            }
            for b in BedClass::ALL {
                bed_class.insert(b, with_scope(fs.clone(), Scope::Each));
            }
        }
        let mut founder = BTreeMap::new();
        let mut rest = None;
        for (key, fs) in ri.founder {
            let fs = figures(fs)?;
            if key == "rest" {
                rest = Some(fs);
            } else {
                let f = key.parse().map_err(|_| SurveyError::UnknownCohort(key))?;
                founder.insert(f, fs);
            }
        }
        if let Some(fs) = rest {
            if founder.is_empty() {
                return Err(SurveyError::RestAlone { indicator: id });
            }
            for f in Founder::ALL {
                founder
                    .entry(f)
                    .or_insert_with(|| with_scope(fs.clone(), Scope::Rest));
            }
        }
        let mut context = Vec::new();
        for c in ri.context {
            let cohort = Cohort::parse(&c.cohort).ok_or(SurveyError::UnknownCohort(c.cohort))?;
            context.push(ContextFigure {
                label: c.label,
                cohort,
                figure: figures(vec![c.figure])?.remove(0),
            });
        }
        Ok(IndicatorFigures {
            id,
            overall: figures(ri.overall)?,
            bed_class,
            founder,
            bed_class_average: figures(ri.bed_class_average)?,
            founder_average: figures(ri.founder_average)?,
            says: ri.says,
            context,
        })
    }

    fn check(&self, qn: &Questionnaire) -> Result<(), SurveyError> {
        let c = &self.composition;
        for b in BedClass::ALL {
            if !c.bed_class.contains_key(&b) {
                return Err(SurveyError::MissingCohort {
                    what: "composition.bed_class",
                    cohort: b.id().into(),
                });
            }
        }
        for f in Founder::ALL {
            if !c.founder.contains_key(&f) {
                return Err(SurveyError::MissingCohort {
                    what: "composition.founder",
                    cohort: f.id().into(),
                });
            }
        }
        let sums = [
            ("bed classes", c.bed_class.values().sum(), self.respondents),
            ("founders", c.founder.values().sum(), self.respondents),
            (
                "associations",
                c.association.iter().map(|a| a.n).sum(),
                c.association_total,
            ),
        ];
        for (what, sum, expected) in sums {
            if sum != expected {
                return Err(SurveyError::Sum {
                    what,
                    sum,
                    expected,
                });
            }
        }
        let brackets = qn.question("budget_bracket");
        for b in &self.budget_brackets.brackets {
            if brackets.and_then(|q| q.option(b)).is_none() {
                return Err(SurveyError::UnknownBracket(b.clone()));
            }
        }
        for class in BedClass::ALL {
            let row = self.budget_brackets.row(class);
            if row.len() != self.budget_brackets.brackets.len() {
                return Err(SurveyError::RowLength {
                    class: class.id().into(),
                    got: row.len(),
                    want: self.budget_brackets.brackets.len(),
                });
            }
            let sum: u32 = row.iter().sum();
            let n = self.n(Cohort::BedClass(class)).unwrap_or(0);
            if sum > n {
                return Err(SurveyError::BracketsExceedClass {
                    class: class.id().into(),
                    sum,
                    n,
                });
            }
        }
        for ind in &self.indicators {
            if qn.indicator(&ind.id).is_none() {
                return Err(SurveyError::UnknownIndicator(ind.id.clone()));
            }
        }
        for ind in &qn.indicators {
            if self.indicator(&ind.id).is_none() {
                return Err(SurveyError::MissingIndicator(ind.id.clone()));
            }
        }
        let mut readings: Vec<&Option<String>> = vec![&self.budget_brackets.reading];
        let mut all: Vec<&Figure> = vec![&self.staff.total];
        for ind in &self.indicators {
            all.extend(ind.all().into_iter().map(|(_, f)| f));
            all.extend(ind.context.iter().map(|c| &c.figure));
        }
        let nested: Vec<&Figure> = all
            .iter()
            .flat_map(|f| f.agrees_with.iter().chain(f.unknown.as_deref()))
            .collect();
        all.extend(nested);
        readings.extend(all.iter().map(|f| &f.reading));
        for r in readings.into_iter().flatten() {
            if !self.readings.contains_key(r) {
                return Err(SurveyError::UnknownReading(r.clone()));
            }
        }
        let mut sources: Vec<&str> = vec![&self.source, &self.composition.source];
        sources.push(&self.budget_brackets.source);
        sources.push(&self.staff.fulltime.source);
        let says = self
            .indicators
            .iter()
            .map(|i| &i.says)
            .chain([&self.staff.says]);
        for s in says {
            sources.extend(
                s.bed_class
                    .iter()
                    .chain(&s.founder)
                    .map(|s| s.source.as_str()),
            );
        }
        if let Some(s) = sources.into_iter().find(|s| !figure::is_known_source(s)) {
            return Err(SurveyError::UnknownSource(s.to_string()));
        }
        for f in all {
            let people = matches!(&f.value, FigureValue::Approx(a) if a.unit == Unit::People);
            if people != std::ptr::eq(f, &self.staff.total) {
                return Err(SurveyError::WrongUnit(f.source.clone()));
            }
        }
        Ok(())
    }
}
