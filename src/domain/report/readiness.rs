//! The report's part on the MHLW checklist, when the record has answered it: how ready the
//! hospital is for the 立入検査 in the newest edition, and what is still missing.

use super::model::{Block, Part, PartId};
use crate::domain::checklist::{ChecklistView, Editions, EvidenceState};
use crate::domain::clock::Clock;
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
            format!("{} ({})", edition.short_name(lang), edition.id),
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
    if !r.missing.is_empty() {
        part.blocks.push(Block::Heading(
            lang.pick("未完了の項目", "Still missing").to_string(),
        ));
        part.blocks.push(Block::Items(
            r.missing.iter().map(|m| m.message(lang)).collect(),
        ));
    }
    Some(part)
}
