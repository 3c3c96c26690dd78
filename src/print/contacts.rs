//! The contact chart (連絡体制図) printed on one A4 page: the hospital's chain on the left, the
//! outside bodies on the right. Empty places print as lines to fill in by hand, never as a
//! number shindan made up.

use super::page::{document, section};
use crate::domain::contacts::{ContactChart, Position, Slot};
use crate::domain::Lang;
use chrono::NaiveDate;
use maud::{html, Markup};
use std::fmt::Write;

/// Two lines to fill in by hand where nothing was entered.
fn blank_lines(n: usize) -> Markup {
    html! { @for _ in 0..n { div.line {} } }
}

fn slot_box(slot: &Slot, lang: Lang) -> Markup {
    html! {
        div.box {
            div.role {
                (slot.position.label(lang))
                @if let Some((v, s)) = &slot.vendor {
                    "：" (v) " " span.small { "（" (s) "）" }
                }
            }
            @match &slot.contact {
                Some(c) => {
                    @if let Some(o) = &c.organisation { div { (o) } }
                    @let who = [c.name.as_deref(), c.title.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join("　");
                    @if !who.is_empty() { div { (who) } }
                    @match &c.phone {
                        Some(p) => div.phone { "☎ " (p) },
                        None => (blank_lines(1)),
                    }
                    @if let Some(n) = &c.note { div.note { (n) } }
                }
                None => (blank_lines(2)),
            }
        }
    }
}

pub fn chart_html(
    chart: &ContactChart,
    hospital: &str,
    lang: Lang,
    printed_on: NaiveDate,
) -> String {
    // The chain runs from whoever is on hand to the person who decides.
    let order = [
        Position::OnCall,
        Position::InformationSystems,
        Position::SecurityManager,
        Position::Director,
    ];
    let chain: Vec<(usize, &Slot)> = order
        .iter()
        .enumerate()
        .filter_map(|(i, p)| chart.internal().find(|s| s.position == *p).map(|s| (i, s)))
        .collect();
    let foot = lang
        .pick(
            "外部への連絡は医療情報システム安全管理責任者（不在時は院長）が判断します。記入 {filled}/{total}。",
            "The security manager (or the director) decides on calls outside. Filled {filled}/{total}.",
        )
        .replace("{filled}", &chart.filled().to_string())
        .replace("{total}", &chart.total().to_string());
    let body = section(
        "page",
        html! {
            h1 { (lang.pick("インシデント発生時の連絡体制図", "Incident contact chart (連絡体制図)")) }
            table.meta {
                tr {
                    td.k { (lang.pick("医療機関名", "Hospital")) }
                    td { (hospital) }
                    td.k { (lang.pick("作成日", "Printed")) }
                    td { (printed_on) }
                }
            }
            p.small {
                (lang.pick(
                    "チェックリスト 3(1)「インシデント発生時における組織内と外部関係機関（事業者、厚生労働省、警察等）への連絡体制図がある」の根拠資料。連絡先はすべて医療機関が記入したものです。",
                    "Evidence for checklist item 3(1). Every contact was entered by the hospital.",
                ))
            }
            div.chart {
                div.col {
                    h2 { (lang.pick("院内", "Inside the hospital")) }
                    div.box {
                        div.role { (lang.pick("発見した職員", "Staff member who notices")) }
                        div.small {
                            (lang.pick(
                                "端末の異常・脅迫文・システム停止など。端末をネットワークから外し、電源は切らずに連絡",
                                "Odd screens, ransom notes, outages: unplug the network, keep it powered, call",
                            ))
                        }
                    }
                    div.down { "▼" }
                    @for (i, slot) in &chain {
                        (slot_box(slot, lang))
                        @if *i + 1 < order.len() { div.down { "▼" } }
                    }
                }
                div.mid { "⇄" }
                div.col {
                    h2 { (lang.pick("院外", "Outside")) }
                    @for (i, slot) in chart.external().enumerate() {
                        @if i > 0 { div style="height:2mm" {} }
                        (slot_box(slot, lang))
                    }
                }
            }
            p.foot { (foot) }
        },
    );
    document(
        lang,
        &format!("{} — {hospital}", lang.pick("連絡体制図", "Contact chart")),
        "",
        body,
    )
}

pub fn chart_md(chart: &ContactChart, hospital: &str, lang: Lang) -> String {
    let mut out = format!(
        "# {} — {hospital}\n\n| {} | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
        lang.pick("連絡体制図", "Contact chart"),
        lang.pick("役割", "Place"),
        lang.pick("組織", "Organisation"),
        lang.pick("氏名・役職", "Name, title"),
        lang.pick("電話", "Phone"),
        lang.pick("メモ", "Note"),
    );
    for s in &chart.slots {
        let role = match &s.vendor {
            Some((v, sys)) => format!("{}: {v} ({sys})", s.position.label(lang)),
            None => s.position.label(lang).to_string(),
        };
        let c = s.contact.clone().unwrap_or_default();
        let who = [c.name.as_deref(), c.title.as_deref()]
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        let _ = writeln!(
            out,
            "| {role} | {} | {who} | {} | {} |",
            c.organisation.unwrap_or_default(),
            c.phone.unwrap_or_default(),
            c.note.unwrap_or_default().replace('\n', " ")
        );
    }
    out
}
