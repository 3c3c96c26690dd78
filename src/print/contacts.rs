//! The contact chart (連絡体制図) printed on one A4 page: the hospital's chain on the left, the
//! outside bodies on the right. Empty places print as lines to fill in by hand, never as a
//! number shindan made up.

use super::page::{document, escape};
use crate::domain::contacts::{ContactChart, Position, Slot};
use crate::domain::Lang;
use chrono::NaiveDate;
use std::fmt::Write;

fn slot_box(slot: &Slot, lang: Lang) -> String {
    let mut out = String::from("<div class=\"box\">");
    let role = match &slot.vendor {
        Some((v, s)) => format!(
            "{}：{} <span class=\"small\">（{}）</span>",
            escape(slot.position.label(lang)),
            escape(v),
            escape(s)
        ),
        None => escape(slot.position.label(lang)),
    };
    let _ = write!(out, "<div class=\"role\">{role}</div>");
    match &slot.contact {
        Some(c) => {
            if let Some(o) = &c.organisation {
                let _ = write!(out, "<div>{}</div>", escape(o));
            }
            let who = [c.name.as_deref(), c.title.as_deref()]
                .iter()
                .flatten()
                .map(|s| escape(s))
                .collect::<Vec<_>>()
                .join("　");
            if !who.is_empty() {
                let _ = write!(out, "<div>{who}</div>");
            }
            match &c.phone {
                Some(p) => {
                    let _ = write!(out, "<div class=\"phone\">☎ {}</div>", escape(p));
                }
                None => out.push_str("<div class=\"line\"></div>"),
            }
            if let Some(n) = &c.note {
                let _ = write!(out, "<div class=\"note\">{}</div>", escape(n));
            }
        }
        None => out.push_str("<div class=\"line\"></div><div class=\"line\"></div>"),
    }
    out.push_str("</div>");
    out
}

pub fn chart_html(
    chart: &ContactChart,
    hospital: &str,
    lang: Lang,
    printed_on: NaiveDate,
) -> String {
    let mut body = String::from("<section class=\"page\">\n");
    let _ = writeln!(
        body,
        "<h1>{}</h1>",
        lang.pick(
            "インシデント発生時の連絡体制図",
            "Incident contact chart (連絡体制図)"
        )
    );
    let _ = writeln!(
        body,
        "<table class=\"meta\"><tr><td class=\"k\">{}</td><td>{}</td><td class=\"k\">{}</td><td>{printed_on}</td></tr></table>",
        lang.pick("医療機関名", "Hospital"),
        escape(hospital),
        lang.pick("作成日", "Printed"),
    );
    let _ = writeln!(
        body,
        "<p class=\"small\">{}</p>",
        lang.pick(
            "チェックリスト 3(1)「インシデント発生時における組織内と外部関係機関（事業者、厚生労働省、警察等）への連絡体制図がある」の根拠資料。連絡先はすべて医療機関が記入したものです。",
            "Evidence for checklist item 3(1). Every contact was entered by the hospital."
        )
    );
    body.push_str("<div class=\"chart\">\n<div class=\"col\">");
    let _ = write!(
        body,
        "<h2>{}</h2>",
        lang.pick("院内", "Inside the hospital")
    );
    let _ = write!(
        body,
        "<div class=\"box\"><div class=\"role\">{}</div><div class=\"small\">{}</div></div><div class=\"down\">▼</div>",
        lang.pick("発見した職員", "Staff member who notices"),
        lang.pick(
            "端末の異常・脅迫文・システム停止など。端末をネットワークから外し、電源は切らずに連絡",
            "Odd screens, ransom notes, outages: unplug the network, keep it powered, call"
        )
    );
    // The chain runs from whoever is on hand to the person who decides.
    let order = [
        Position::OnCall,
        Position::InformationSystems,
        Position::SecurityManager,
        Position::Director,
    ];
    for (i, p) in order.iter().enumerate() {
        if let Some(slot) = chart.internal().find(|s| s.position == *p) {
            body.push_str(&slot_box(slot, lang));
            if i + 1 < order.len() {
                body.push_str("<div class=\"down\">▼</div>");
            }
        }
    }
    body.push_str("</div>\n<div class=\"mid\">⇄</div>\n<div class=\"col\">");
    let _ = write!(body, "<h2>{}</h2>", lang.pick("院外", "Outside"));
    let mut first = true;
    for slot in chart.external() {
        if !first {
            body.push_str("<div style=\"height:2mm\"></div>");
        }
        first = false;
        body.push_str(&slot_box(slot, lang));
    }
    body.push_str("</div>\n</div>\n");
    let _ = writeln!(
        body,
        "<p class=\"foot\">{}</p>",
        lang.pick(
            "外部への連絡は医療情報システム安全管理責任者（不在時は院長）が判断します。記入 {filled}/{total}。",
            "The security manager (or the director) decides on calls outside. Filled {filled}/{total}."
        )
        .replace("{filled}", &chart.filled().to_string())
        .replace("{total}", &chart.total().to_string())
    );
    body.push_str("</section>\n");
    document(
        lang,
        &format!("{} — {hospital}", lang.pick("連絡体制図", "Contact chart")),
        &body,
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
