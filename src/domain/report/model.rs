//! The report of one record as a document: parts, each a few blocks of text already in the
//! reader's language. Markdown, HTML and CSV are three drawings of this one value, so the board's
//! Excel sheet and the director's printout can never say different things.

use crate::domain::lang::Lang;

/// The report of one record, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub lang: Lang,
    pub title: String,
    pub record: String,
    pub hospital: Option<String>,
    pub parts: Vec<Part>,
}

/// The parts a report has, in the order it prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartId {
    /// Page 1: what a director reads if nothing else.
    Summary,
    Answers,
    Position,
    Budget,
    Coverage,
    VendorBrief,
    Checklist,
}

impl PartId {
    pub fn id(self) -> &'static str {
        match self {
            PartId::Summary => "summary",
            PartId::Answers => "answers",
            PartId::Position => "position",
            PartId::Budget => "budget",
            PartId::Coverage => "coverage",
            PartId::VendorBrief => "vendor_brief",
            PartId::Checklist => "checklist",
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            PartId::Summary => lang.pick("要旨", "Summary"),
            PartId::Answers => lang.pick("付録：回答とメモ", "Appendix: answers and notes"),
            PartId::Position => lang.pick(
                "2022年調査との比較（病床規模別・開設者別）",
                "Against the 2022 survey (bed class and founder)",
            ),
            PartId::Budget => lang.pick(
                "セキュリティ予算の試算（提言１）",
                "Security budget (report proposal 1)",
            ),
            PartId::Coverage => lang.pick(
                "リスク対策の網羅率（提言２）",
                "Risk coverage (report proposal 2)",
            ),
            PartId::VendorBrief => lang.pick("事業者への依頼事項", "Requests to the IT vendor"),
            PartId::Checklist => {
                lang.pick("厚労省チェックリストの準備状況", "MHLW checklist readiness")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub id: PartId,
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Part {
    pub fn new(id: PartId, lang: Lang) -> Part {
        Part {
            id,
            title: id.title(lang).to_string(),
            blocks: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading inside a part (a questionnaire section, a vendor system).
    Heading(String),
    /// Label and value pairs.
    Facts(Vec<(String, String)>),
    Table(Table),
    Text(String),
    /// A list of short sentences.
    Items(Vec<String>),
    /// The ranked next steps, the same list the overview shows.
    Steps(Vec<Step>),
}

/// One next step as the report prints it: what to do, why, and where that comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub rank: usize,
    pub action: String,
    pub why: String,
    pub source: String,
}

impl Step {
    /// The labels of a step's why and source, as `shindan check` words them; every printed
    /// format (Markdown, HTML) uses these.
    pub fn labels(lang: Lang) -> (&'static str, &'static str) {
        (lang.pick("理由：", "Why: "), lang.pick("出典：", "From: "))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<TableRow>,
    /// Columns of short labels (a phase, a status, a number): printed on one line, so that the
    /// long text beside them gets the width and wraps inside its own cell.
    pub narrow: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub cells: Vec<String>,
    /// A worrying row. The cells say so in words too; this only adds emphasis where a format
    /// can show it.
    pub flagged: bool,
}

impl Table {
    pub fn new<S: Into<String>>(head: impl IntoIterator<Item = S>) -> Table {
        Table {
            head: head.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
            narrow: Vec::new(),
        }
    }

    /// Marks the columns at `cols` as short labels (see [`Table::narrow`]).
    pub fn narrow(mut self, cols: impl IntoIterator<Item = usize>) -> Table {
        self.narrow = cols.into_iter().collect();
        self
    }

    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>, flagged: bool) {
        self.rows.push(TableRow {
            cells: cells.into_iter().map(Into::into).collect(),
            flagged,
        });
    }
}

impl Report {
    pub fn part(&self, id: PartId) -> Option<&Part> {
        self.parts.iter().find(|p| p.id == id)
    }
}
