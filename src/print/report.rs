//! The report of one record drawn three ways from the one [`Report`]: Markdown for a wiki or a
//! mail, a self-contained A4 HTML page to print, CSV for the board's Excel. JSON is not a
//! drawing of the report but the record itself (the exchange format `import` reads).

use super::page::{document, escape};
use crate::domain::checklist::Editions;
use crate::domain::report::{Block, Report, Table};
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

/// The bytes of an export of `record` in `format`.
pub fn export(
    record: &Record,
    format: Format,
    lang: Lang,
    today: NaiveDate,
    editions: &Editions,
) -> Vec<u8> {
    if format == Format::Json {
        return crate::store::to_json(record).into_bytes();
    }
    let report = Report::of(record, lang, today, editions);
    match format {
        Format::Md => markdown(&report).into_bytes(),
        Format::Html => html(&report).into_bytes(),
        Format::Csv => csv(&report),
        Format::Json => Vec::new(),
    }
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
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
            }
        }
    }
    out
}

/// One A4 document: inline CSS only (the shared page shell), no script, nothing fetched.
pub fn html(report: &Report) -> String {
    let mut body = String::from("<section class=\"page\">\n");
    let _ = writeln!(body, "<h1>{}</h1>", escape(&report.title));
    for part in &report.parts {
        let _ = writeln!(body, "<h2>{}</h2>", escape(&part.title));
        for block in &part.blocks {
            match block {
                Block::Heading(h) => {
                    let _ = writeln!(body, "<h3>{}</h3>", escape(h));
                }
                Block::Facts(facts) => {
                    body.push_str("<table class=\"meta\">\n");
                    for (k, v) in facts {
                        let _ = writeln!(
                            body,
                            "<tr><td class=\"k\">{}</td><td>{}</td></tr>",
                            escape(k),
                            escape(v)
                        );
                    }
                    body.push_str("</table>\n");
                }
                Block::Table(t) => {
                    body.push_str("<table>\n<thead><tr>");
                    for h in &t.head {
                        let _ = write!(body, "<th>{}</th>", escape(h));
                    }
                    body.push_str("</tr></thead>\n<tbody>\n");
                    for r in &t.rows {
                        body.push_str(if r.flagged {
                            "<tr class=\"conflict\">"
                        } else {
                            "<tr>"
                        });
                        for c in &r.cells {
                            let _ = write!(body, "<td>{}</td>", escape(c).replace('\n', "<br>"));
                        }
                        body.push_str("</tr>\n");
                    }
                    body.push_str("</tbody>\n</table>\n");
                }
                Block::Text(s) => {
                    let _ = writeln!(body, "<p class=\"note\">{}</p>", escape(s));
                }
                Block::Items(items) => {
                    body.push_str("<ul>\n");
                    for i in items {
                        let _ = writeln!(body, "<li>{}</li>", escape(i));
                    }
                    body.push_str("</ul>\n");
                }
            }
        }
    }
    body.push_str("</section>\n");
    document(report.lang, &report.title, &body)
}

/// One sheet for Excel: the title, then each part's title on a row of its own followed by its
/// blocks (label and value on two cells, a table's head then its rows), an empty row between
/// parts. UTF-8 with a BOM, CRLF, every cell quoted (see [`crate::excel`]).
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
                        w.row([format!("・{i}")]);
                    }
                }
            }
        }
    }
    w.finish()
}
