//! A vendor's form filled the way a vendor does in Excel, for the screen and pty tests.

use chrono::Datelike;

/// Fills a vendor's CSV as Excel saves it: a BOM, CRLF, every cell quoted, はい on every item
/// but `no`, which gets いいえ and a target written the Excel way (2027/3/31: the end of today's
/// 年度). Today is shindan's (a test that stops its clock with SHINDAN_NOW gets that day).
pub fn filled_as_excel(csv_bytes: &[u8], no: &str) -> Vec<u8> {
    let text = std::str::from_utf8(csv_bytes)
        .unwrap()
        .trim_start_matches('\u{feff}');
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in r.records() {
        let mut cells: Vec<String> = row.unwrap().iter().map(String::from).collect();
        if cells.len() >= 13
            && !["様式ID", "Form ID"].contains(&cells[0].as_str())
            && !cells[6].starts_with("対策")
        {
            let t = shindan::clock::system().today();
            cells[9] = format!("{}/{}/{}", t.year(), t.month(), t.day());
            if cells[6] == no {
                let fy_end = if t.month() >= 4 {
                    t.year() + 1
                } else {
                    t.year()
                };
                cells[8] = "いいえ".into();
                cells[10] = format!("{fy_end}/3/31");
            } else {
                cells[8] = "はい".into();
            }
        }
        w.write_record(&cells).unwrap();
    }
    let mut out = "\u{feff}".as_bytes().to_vec();
    out.extend(w.into_inner().unwrap());
    out
}
