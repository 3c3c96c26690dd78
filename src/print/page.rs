//! The page shell shared by every printed form: A4, inline CSS, Japanese fonts the printer's
//! machine is likely to have. Everything is built with maud, so every text from a record is
//! escaped by construction: only the CSS below goes in unescaped.

use crate::domain::Lang;
use maud::{html, Markup, PreEscaped, Render, DOCTYPE};

const CSS: &str = r#"
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; font-size: 9pt; line-height: 1.35;
  font-family: "IPAGothic", "IPAexGothic", "Noto Sans CJK JP", "Hiragino Kaku Gothic ProN",
    "Yu Gothic", "Meiryo", sans-serif; }
html[lang="en"] body { font-family: "DejaVu Sans", "Liberation Sans", "Helvetica", "Arial",
  "IPAGothic", "Noto Sans CJK JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo", sans-serif; }
h1 { font-size: 14pt; margin: 0 0 2mm 0; }
h2 { font-size: 11.5pt; margin: 4mm 0 1.5mm 0; border-bottom: 0.4mm solid #000; }
h3 { font-size: 10pt; margin: 3mm 0 1mm 0; }
.page { break-before: page; }
.page:first-child { break-before: auto; }
table { width: 99.6%; border-collapse: collapse; margin: 1mm 0 2mm 0; }
table.form { table-layout: fixed; }
.form td { overflow-wrap: anywhere; }
th, td { border: 0.25mm solid #000; padding: 0.8mm 1.2mm; vertical-align: top; }
th { background: #e6e6e6; font-weight: bold; text-align: center; vertical-align: middle; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.meta td { border: none; padding: 0.3mm 2mm 0.3mm 0; }
.meta td.k { font-weight: bold; white-space: nowrap; width: 1%; }
.num { white-space: nowrap; text-align: center; }
.dev { font-size: 7.5pt; }
.ans { text-align: center; font-size: 8pt; line-height: 1.25; white-space: nowrap; }
.date { white-space: nowrap; text-align: center; font-size: 7.5pt; }
html[lang="en"] .date { font-size: 6.6pt; }
h1 .sub { font-size: 10pt; font-weight: bold; }
.small { font-size: 7.5pt; }
.mono { font-family: "DejaVu Sans Mono", "Courier New", monospace; font-size: 7pt; word-break: break-all; }
.sec td { background: #f3f3f3; font-weight: bold; }
.mark { font-weight: bold; }
.unconfirmed { font-size: 7.5pt; border: 0.25mm solid #000; padding: 0 0.8mm; white-space: nowrap; }
.status { border: 0.5mm solid #000; padding: 2mm 3mm; margin: 2mm 0 3mm 0; }
.status.ok { border-style: double; border-width: 1.2mm; }
.conflict td { background: #fff0c0; }
.note { font-size: 7.5pt; color: #222; }
.foot { font-size: 7.5pt; margin-top: 3mm; }
.blank { color: #777; }
.chart { display: grid; grid-template-columns: 1fr 12mm 1fr; gap: 0; align-items: start; }
.col h2 { text-align: center; border: none; background: #000; color: #fff; padding: 1mm; margin: 0 0 2mm 0; }
.box { border: 0.4mm solid #000; padding: 1.5mm 2mm; margin: 0; break-inside: avoid; min-height: 17mm; }
.box .role { font-weight: bold; font-size: 9.5pt; }
.box .phone { font-size: 12pt; font-weight: bold; letter-spacing: 0.3mm; }
.box .line { border-bottom: 0.25mm solid #000; height: 5mm; }
.down { text-align: center; font-size: 12pt; line-height: 1; margin: 0.8mm 0; }
.mid { text-align: center; font-size: 20pt; padding-top: 86mm; }
"#;

/// A whole document around `body`: the shared CSS, then what a printed form adds to it.
/// It ends with a line break, as a text file does (and as the hand-built pages did).
pub fn document(lang: Lang, title: &str, extra_css: &str, body: Markup) -> String {
    let page = html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                title { (title) }
                style { (PreEscaped(CSS)) (PreEscaped(extra_css)) }
            }
            body { (body) }
        }
    };
    let mut text = page.into_string();
    text.push('\n');
    text
}

/// One part of a printed set that starts on a page of its own (`class` names the rule that
/// breaks the page: `page` for the forms and the chart, `part …` for the report).
pub fn section(class: &str, body: Markup) -> Markup {
    html! { section class=(class) { (body) } }
}

/// The label–value lines under a heading (hospital, edition, dates…).
pub fn meta<K: Render, V: Render>(rows: impl IntoIterator<Item = (K, V)>) -> Markup {
    html! {
        table.meta {
            @for (k, v) in rows {
                tr { td.k { (k) } td { (v) } }
            }
        }
    }
}
