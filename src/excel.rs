//! CSV as Japanese Excel opens it by double-click: UTF-8 with a BOM (without one Excel reads the
//! file as Shift_JIS and the Japanese turns to mojibake), CRLF line ends, every cell quoted.

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
        let _ = self.w.write_record(cells);
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
}
