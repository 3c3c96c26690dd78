//! CSV as Japanese Excel opens it by double-click: UTF-8 with a BOM (without one Excel reads the
//! file as Shift_JIS and the Japanese turns to mojibake), CRLF line ends, every cell quoted.
//!
//! A cell that Excel would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
//! CR: a hospital's name or a vendor's note such as `=HYPERLINK(...)`) is written with a `'`
//! before it, OWASP's rule against CSV injection; [`unguard`] takes it off again on import. A
//! signed figure (`-3`, `+1.5`, `-458万円`) is no formula and is written as it is, so figures
//! stay figures.

use std::borrow::Cow;

/// Whether Excel would read `cell` as a formula.
fn looks_like_formula(cell: &[u8]) -> bool {
    let Some(&first) = cell.first() else {
        return false;
    };
    if !matches!(first, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') {
        return false;
    }
    // A signed figure (`-3`, `+1.5`, `-2,093万円`) is no formula: a sign, a digit, and no
    // operator, bracket or reference after it (`-2+3+cmd|' /C calc'!A0` is one).
    let rest = &cell[1..];
    let figure = matches!(first, b'-' | b'+')
        && rest.first().is_some_and(u8::is_ascii_digit)
        && !rest.iter().any(|b| b"=+-*/^&|!@();<>'\"\t\r\n".contains(b));
    !figure
}

/// The cell as written: with a `'` before it when Excel would take it for a formula.
fn guard(cell: &[u8]) -> Cow<'_, [u8]> {
    if looks_like_formula(cell) {
        let mut out = Vec::with_capacity(cell.len() + 1);
        out.push(b'\'');
        out.extend_from_slice(cell);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell read back from a file this module wrote (and Excel perhaps re-saved): the `'` that
/// [`guard`] put before a formula-like cell is taken off; any other `'` is the user's own.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest.as_bytes()) => rest,
        _ => cell,
    }
}

pub struct ExcelCsv {
    w: csv::Writer<Vec<u8>>,
}

impl Default for ExcelCsv {
    fn default() -> Self {
        ExcelCsv::new()
    }
}

impl ExcelCsv {
    pub fn new() -> ExcelCsv {
        ExcelCsv {
            w: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .quote_style(csv::QuoteStyle::Always)
                // Rows of a report differ in length (a title, a label and value, a table), and
                // a sheet may hold several tables one under the other (aggregate's budget);
                // without this the writer refuses them.
                .flexible(true)
                .from_writer(Vec::new()),
        }
    }

    pub fn row<I, T>(&mut self, cells: I)
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        // Writing to memory cannot fail.
        let _ = self
            .w
            .write_record(cells.into_iter().map(|c| guard(c.as_ref()).into_owned()));
    }

    pub fn finish(self) -> Vec<u8> {
        let mut out = "\u{feff}".as_bytes().to_vec();
        out.extend(self.w.into_inner().unwrap_or_default());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_every_cell_quoted() {
        let mut c = ExcelCsv::new();
        c.row(["病院", "a\"b"]);
        c.row(["1", ""]);
        assert_eq!(
            String::from_utf8(c.finish()).unwrap(),
            "\u{feff}\"病院\",\"a\"\"b\"\r\n\"1\",\"\"\r\n"
        );
    }

    #[test]
    fn a_cell_excel_would_run_as_a_formula_is_written_as_text_and_read_back_as_it_was() {
        let cells = [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ];
        let mut c = ExcelCsv::new();
        c.row(cells);
        c.row(["-3", "+1.5", "-2,093万円", "a=b", "'quoted"]);
        let text = String::from_utf8(c.finish()).unwrap();
        assert_eq!(
            text,
            "\u{feff}\"'=HYPERLINK(\"\"http://x\"\")\",\"'+1+1\",\"'-2+3\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\"\r\n\
             \"-3\",\"+1.5\",\"-2,093万円\",\"a=b\",\"'quoted\"\r\n"
        );
        for cell in cells {
            assert_eq!(unguard(&format!("'{cell}")), cell);
        }
        assert_eq!(unguard("'quoted"), "'quoted");
        assert_eq!(unguard("'-3"), "'-3");
    }
}
