//! The report as one A4 HTML document, built with maud so that every text from the record is
//! escaped by construction. Page 1 is the summary (six boxes, the next steps across the page);
//! each part of the detail starts a page; a running footer carries the hospital's name and the
//! page number. Printed from any Chromium-based browser it looks as tested (tests/print.rs).

use super::page::{document, meta, section};
use crate::domain::report::{Block, Part, PartId, Report, Step, Table};
use crate::domain::Lang;
use maud::{html, Markup};

/// What the report adds to the shared page shell.
const REPORT_CSS: &str = r#"
@page { size: A4 portrait; margin: 14mm 12mm 16mm 12mm; }
.part { break-before: page; }
.part:first-child { break-before: auto; }
h1 { font-size: 13pt; }
h2, h3 { break-after: avoid; }
table.grid td { overflow-wrap: break-word; }
td.narrow, th.narrow { white-space: nowrap; width: 1%; }
tr.flag td:first-child { border-left: 1.2mm solid #000; }
tr.flag td { background: #f2f2f2; }
.summary { font-size: 7.8pt; line-height: 1.28; }
.summary h2 { margin-top: 1mm; }
.boxes { display: grid; grid-template-columns: 1fr 1fr; gap: 1.6mm 3mm; }
.box { border: 0.3mm solid #000; padding: 1mm 1.6mm; min-height: 0; break-inside: avoid; }
.box.wide { grid-column: 1 / -1; break-inside: auto; }
.box h3 { font-size: 9pt; margin: 0 0 0.6mm 0; }
.box table.meta { margin: 0; width: 100%; }
.box .meta td { padding: 0.1mm 1.6mm 0.1mm 0; }
.box ul { margin: 0.4mm 0 0 0; padding-left: 3.5mm; }
.box li { margin: 0.2mm 0; }
.box .note { margin: 0.8mm 0 0 0; font-size: 7pt; }
.steps { margin: 0; padding: 0; list-style: none; }
.steps li { display: grid; grid-template-columns: 6mm 1fr; margin: 0 0 0.6mm 0; break-inside: avoid; }
.steps .rank { font-weight: bold; }
.steps .act { font-weight: bold; }
.steps .why { font-size: 7.2pt; }
.steps .src::before { content: "　"; }
html[lang="en"] .summary { font-size: 7.3pt; line-height: 1.25; }
html[lang="en"] .steps .why { font-size: 6.8pt; }
"#;

/// One self-contained A4 document: inline CSS only, no script, nothing fetched.
pub fn html(report: &Report) -> String {
    let css = format!("{REPORT_CSS}{}", footer(report));
    let body = html! {
        @for (i, part) in report.parts.iter().enumerate() {
            (section(&format!("part {}", part_class(part.id)), html! {
                @if i == 0 { h1 { (report.title) } }
                h2 { (part.title) }
                @if part.id == PartId::Summary {
                    (summary(part, report.lang))
                } @else {
                    @for b in &part.blocks { (block(b, report.lang)) }
                }
            }))
        }
    };
    document(report.lang, &report.title, &css, body)
}

fn part_class(id: PartId) -> &'static str {
    match id {
        PartId::Summary => "summary",
        PartId::Answers => "answers",
        PartId::Position => "position",
        PartId::Budget => "budget",
        PartId::Coverage => "coverage",
        PartId::VendorBrief => "vendor",
        PartId::Checklist => "checklist",
    }
}

/// The running footer: the hospital's name (or the title) on the left, "3 / 9" on the right.
/// The name goes into a CSS string, so it is escaped for CSS (a `"` or `\` would end the string,
/// a `<` could end the style element).
fn footer(report: &Report) -> String {
    let who = report.hospital.as_deref().unwrap_or(&report.title);
    let label = match report.lang {
        Lang::Ja => format!("{who}　セキュリティ自己診断の報告"),
        Lang::En => format!("{who} — security self-assessment"),
    };
    format!(
        "@page {{ @bottom-left {{ content: \"{}\"; font-size: 7.5pt; }} \
         @bottom-right {{ content: counter(page) \" / \" counter(pages); font-size: 7.5pt; }} }}\n",
        css_string(&label)
    )
}

/// Escapes text for a double-quoted CSS string: every character outside printable ASCII
/// letters, digits, space and a few safe marks becomes a hex escape, so nothing in it can end
/// the string or the `<style>` element.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() && !c.is_control() || matches!(c, ' ' | '-' | '—' | '　' | '.') {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out
}

/// Page 1: each heading opens a box; the box with the next steps runs across the page.
fn summary(part: &Part, lang: Lang) -> Markup {
    let mut boxes: Vec<(Option<&str>, Vec<&Block>)> = Vec::new();
    for b in &part.blocks {
        match b {
            Block::Heading(h) => boxes.push((Some(h), Vec::new())),
            other => match boxes.last_mut() {
                Some((_, blocks)) => blocks.push(other),
                None => boxes.push((None, vec![other])),
            },
        }
    }
    let steps = |blocks: &[&Block]| blocks.iter().any(|b| matches!(b, Block::Steps(_)));
    // Two boxes a row; a box left alone on its row takes the whole row.
    let halves = boxes.iter().filter(|(_, b)| !steps(b)).count();
    let last_half = boxes.iter().rposition(|(_, b)| !steps(b));
    html! {
        div.boxes {
            @for (i, (head, blocks)) in boxes.iter().enumerate() {
                @let wide = steps(blocks) || (halves % 2 == 1 && Some(i) == last_half);
                div class=(if wide { "box wide" } else { "box" }) {
                    @if let Some(h) = head { h3 { (h) } }
                    @for b in blocks { (block(b, lang)) }
                }
            }
        }
    }
}

fn block(b: &Block, lang: Lang) -> Markup {
    match b {
        Block::Heading(h) => html! { h3 { (h) } },
        Block::Facts(facts) => meta(facts.iter().map(|(k, v)| (k, v))),
        Block::Table(t) => table(t),
        Block::Text(s) => html! { p.note { (s) } },
        Block::Items(items) => html! {
            ul { @for i in items { li { (i) } } }
        },
        Block::Steps(steps) => self::steps(steps, lang),
    }
}

/// A table whose header repeats on every page it runs onto (the shell's `thead` rule), whose
/// rows never break across pages, and whose short-label columns keep to one line.
fn table(t: &Table) -> Markup {
    let class = |i: usize| t.narrow.contains(&i).then_some("narrow");
    html! {
        table.grid {
            thead { tr { @for (i, h) in t.head.iter().enumerate() { th class=[class(i)] { (h) } } } }
            tbody {
                @for r in &t.rows {
                    tr class=[r.flagged.then_some("flag")] {
                        @for (i, c) in r.cells.iter().enumerate() {
                            td class=[class(i)] {
                                @for (j, line) in c.split('\n').enumerate() {
                                    @if j > 0 { br; }
                                    (line)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn steps(steps: &[Step], lang: Lang) -> Markup {
    let (why, from) = Step::labels(lang);
    html! {
        ol.steps {
            @for s in steps {
                li {
                    span.rank { (s.rank) "." }
                    div {
                        div.act { (s.action) }
                        div.why { (why) (s.why) span.src { (from) (s.source) } }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_the_footer_cannot_end_the_css_string_or_the_style() {
        let s = css_string("A\"病院\\</style><script>");
        assert!(
            !s.contains('"') && !s.contains('<') && !s.contains('>'),
            "{s}"
        );
        assert!(s.starts_with("A\\22 病院\\5c \\3c "), "{s}");
    }
}
