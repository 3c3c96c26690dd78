//! The budget and staff parts of the position: the hospital's budget bracket in its bed class's
//! 図６ row, and its staff against the reported average.

use super::*;

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

pub(super) fn brackets<'a>(
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

pub(super) fn staff<'a>(
    record: &Record,
    qn: &Questionnaire,
    survey: &'a Survey,
) -> StaffPosition<'a> {
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
