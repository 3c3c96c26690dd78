//! Printed output: the inspection-ready checklist forms and the contact chart, as one
//! self-contained A4 HTML page set each (inline CSS, no script, no reference to anything
//! outside the file: hospitals print these on machines without internet, and an inspector's
//! copy must look the same in ten years), plus Markdown and CSV for the hospital's own files.

pub mod checklist;
pub mod contacts;
mod page;
pub mod report;
mod report_html;

/// A cell of a Markdown table: a `|` would end the cell and a line break the row.
pub(crate) fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}
