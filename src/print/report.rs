//! The report of one record drawn three ways from the one [`Report`]: Markdown for a wiki or a
//! mail, a self-contained A4 HTML page to print, CSV for the board's Excel. JSON is not a
//! drawing of the report but the record itself (the exchange format `import` reads).

use super::md_cell;
use crate::domain::checklist::Editions;
use crate::domain::report::{Block, Report, Step, Table};
use crate::domain::survey::Survey;
use crate::domain::{Lang, Record};
use chrono::NaiveDate;
use std::fmt::Write;

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
    Csv,
    Json,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Md, Format::Html, Format::Csv, Format::Json];

    /// The file extension, which is also the id `--format` takes.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Format::Md => lang.pick("Markdown（メール・Wiki用）", "Markdown (mail, wiki)"),
            Format::Html => lang.pick("HTML（A4で印刷）", "HTML (prints on A4)"),
            Format::Csv => lang.pick("CSV（Excel用）", "CSV (Excel)"),
            Format::Json => lang.pick(
                "JSON（記録そのもの、取り込み用）",
                "JSON (the record itself, to import)",
            ),
        }
    }
}

/// The bytes of an export of `record` in `format`, its report compared with `survey`.
pub fn export(
    record: &Record,
    survey: &Survey,
    format: Format,
    lang: Lang,
    today: NaiveDate,
    editions: &Editions,
) -> Vec<u8> {
    if format == Format::Json {
        return crate::store::to_json(record).into_bytes();
    }
    let report = Report::of(record, survey, lang, today, editions);
    match format {
        Format::Md => markdown(&report).into_bytes(),
        Format::Html => html(&report).into_bytes(),
        Format::Csv => csv(&report),
        Format::Json => Vec::new(),
    }
}

fn md_table(out: &mut String, t: &Table) {
    let _ = writeln!(
        out,
        "| {} |",
        t.head
            .iter()
            .map(|h| md_cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(out, "|{}", "---|".repeat(t.head.len()));
    for r in &t.rows {
        let _ = writeln!(
            out,
            "| {} |",
            r.cells
                .iter()
                .map(|c| md_cell(c))
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
}

pub fn markdown(report: &Report) -> String {
    let mut out = format!("# {}\n", report.title);
    for part in &report.parts {
        let _ = write!(out, "\n## {}\n", part.title);
        for block in &part.blocks {
            out.push('\n');
            match block {
                Block::Heading(h) => {
                    let _ = writeln!(out, "### {h}");
                }
                Block::Facts(facts) => {
                    for (k, v) in facts {
                        let _ = writeln!(out, "- **{k}**: {}", v.replace('\n', " "));
                    }
                }
                Block::Table(t) => md_table(&mut out, t),
                Block::Text(s) => {
                    let _ = writeln!(out, "{s}");
                }
                Block::Items(items) => {
                    for i in items {
                        let _ = writeln!(out, "- {i}");
                    }
                }
                Block::Steps(steps) => {
                    let (why, from) = Step::labels(report.lang);
                    for s in steps {
                        let _ = writeln!(
                            out,
                            "{}. **{}**  \n   {why}{}  \n   {from}{}",
                            s.rank,
                            md_cell(&s.action),
                            md_cell(&s.why),
                            md_cell(&s.source)
                        );
                    }
                }
            }
        }
    }
    out
}

pub use super::report_html::html;

/// One sheet for Excel: the title, then each part's title on a row of its own followed by its
/// blocks (label and value on two cells, a table's head then its rows, the next steps as rank,
/// step, why and source), an empty row between parts; the summary part comes first. UTF-8 with a BOM, CRLF, every cell quoted (see [`crate::excel`]).
pub fn csv(report: &Report) -> Vec<u8> {
    let mut w = crate::excel::ExcelCsv::new();
    w.row([report.title.as_str()]);
    for part in &report.parts {
        w.row([""]);
        w.row([format!("■ {}", part.title)]);
        for block in &part.blocks {
            match block {
                Block::Heading(h) => w.row([format!("□ {h}")]),
                Block::Facts(facts) => {
                    for (k, v) in facts {
                        w.row([k, v]);
                    }
                }
                Block::Table(t) => {
                    w.row(&t.head);
                    for r in &t.rows {
                        w.row(&r.cells);
                    }
                }
                Block::Text(s) => w.row([s]),
                Block::Items(items) => {
                    for i in items {
                        // 「・」 is a Japanese bullet; English lists take "- ".
                        w.row([format!("{}{i}", report.lang.pick("・", "- "))]);
                    }
                }
                Block::Steps(steps) => {
                    let lang = report.lang;
                    w.row([
                        lang.pick("順位", "Rank"),
                        lang.pick("次の一手", "Next step"),
                        lang.pick("理由", "Why"),
                        lang.pick("出典", "From"),
                    ]);
                    for s in steps {
                        w.row([
                            s.rank.to_string(),
                            s.action.clone(),
                            s.why.clone(),
                            s.source.clone(),
                        ]);
                    }
                }
            }
        }
    }
    w.finish()
}
