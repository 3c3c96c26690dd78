//! The report's part on the MHLW checklist, when the record has answered it: how ready the
//! hospital is for the 立入検査 in the newest edition, and what is still missing.

use super::model::{Block, Part, PartId, Table};
use crate::domain::checklist::view::Missing;
use crate::domain::checklist::{ChecklistView, Editions, EvidenceState};
use crate::domain::clock::Clock;
use crate::domain::overview::ChecklistSummary;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::record::Record;
use crate::domain::Lang;
use chrono::NaiveDate;

/// `None` when the record has no checklist answers: a report does not list every item of a
/// form nobody has started.
pub fn part(
    record: &Record,
    qn: &Questionnaire,
    lang: Lang,
    today: NaiveDate,
    editions: &Editions,
) -> Option<Part> {
    if record.checklists.is_empty() {
        return None;
    }
    let edition = editions.newest()?;
    // Readiness does not depend on the evidence files; the report does not read them.
    // The report is dated `today`; readiness needs nothing finer than the day.
    let v = ChecklistView::build(editions, edition, record, qn, &Clock::on(today), &|_| {
        EvidenceState::NotChecked
    });
    let r = &v.readiness;
    let mut part = Part::new(PartId::Checklist, lang);
    part.blocks.push(Block::Facts(vec![
        (
            lang.pick("版", "Edition").to_string(),
            // The edition's name alone: its id (mhlw-r7) is for `--edition` and the JSON.
            edition.short_name(lang),
        ),
        (
            lang.pick("立入検査の準備", "Ready for inspection")
                .to_string(),
            if r.ready {
                lang.pick("完了", "yes")
            } else {
                lang.pick("未完了", "no")
            }
            .to_string(),
        ),
        (
            lang.pick("必須項目", "Required items").to_string(),
            format!("{}/{}", r.done, r.required),
        ),
        (
            lang.pick("事業者確認用の返却", "Vendor forms returned")
                .to_string(),
            format!("{}/{}", r.vendors_returned, r.vendors),
        ),
        (
            lang.pick("食い違い", "Conflicts").to_string(),
            v.conflicts.len().to_string(),
        ),
    ]));
    // Items by the form's own number and text, never by id.
    let summary = ChecklistSummary::of(&v);
    if !summary.missing.is_empty() || !summary.vendors_missing.is_empty() {
        part.blocks.push(Block::Heading(
            lang.pick("未完了の項目", "Still missing").to_string(),
        ));
        let mut t = Table::new([
            lang.pick("項目", "Item"),
            lang.pick("区分", "Section"),
            lang.pick("内容", "What it asks"),
            lang.pick("状態", "State"),
        ])
        .narrow([0]);
        for m in &summary.missing {
            t.row(
                [
                    m.label.get(lang).to_string(),
                    m.section.get(lang).to_string(),
                    m.text.get(lang).to_string(),
                    m.gap.get(lang).to_string(),
                ],
                false,
            );
        }
        part.blocks.push(Block::Table(t));
        let vendors: Vec<String> = r
            .missing
            .iter()
            .filter(|m| matches!(m, Missing::Vendor { .. }))
            .map(|m| m.message(lang))
            .collect();
        if !vendors.is_empty() {
            part.blocks.push(Block::Items(vendors));
        }
    }
    if !summary.targets.is_empty() {
        part.blocks.push(Block::Heading(
            lang.pick("いいえの項目と目標日", "Answered no, with target dates")
                .to_string(),
        ));
        let mut t = Table::new([
            lang.pick("項目", "Item"),
            lang.pick("区分", "Section"),
            lang.pick("内容", "What it asks"),
            lang.pick("目標日", "Target date"),
        ])
        .narrow([0, 2]);
        for g in &summary.targets {
            let mut on = g.on.to_string();
            if g.overdue {
                on.push_str(lang.pick("（期限切れ）", " (past due)"));
            }
            t.row(
                [
                    g.label.get(lang).to_string(),
                    g.text.get(lang).to_string(),
                    on,
                ],
                g.overdue,
            );
        }
        part.blocks.push(Block::Table(t));
    }
    Some(part)
}
