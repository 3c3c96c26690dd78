//! The report of one record put together from what each domain already computes: the
//! questionnaire for the answers, [`Position`] for the survey, [`HospitalBudget`] for 提言１,
//! [`Coverage`] and [`VendorBrief`] for 提言２, [`ChecklistView`] for the MHLW checklist. Nothing
//! here recomputes a figure; it only words them for a reader.
//!
//! [`Position`]: crate::domain::position::Position
//! [`HospitalBudget`]: crate::domain::budget::HospitalBudget
//! [`Coverage`]: crate::domain::matrix::Coverage
//! [`VendorBrief`]: crate::domain::matrix::VendorBrief
//! [`ChecklistView`]: crate::domain::checklist::ChecklistView

use super::model::{Block, Part, PartId, Report, Table};
use super::{money, readiness, risks, standing, summary};
use crate::domain::checklist::{ChecklistView, Editions, EvidenceState};
use crate::domain::clock::Clock;
use crate::domain::lang::Lang;
use crate::domain::overview::Overview;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::record::Record;
use crate::domain::survey::Survey;
use chrono::NaiveDate;

impl Report {
    /// The whole report. `today` is the date printed on it and the one the checklist's target
    /// dates are judged against; `editions` are the checklist editions known (the shipped ones
    /// and any `--checklist` file).
    /// `survey` is the one the hospital is compared with (the run's).
    pub fn of(
        record: &Record,
        survey: &Survey,
        lang: Lang,
        today: NaiveDate,
        editions: &Editions,
    ) -> Report {
        let qn = Questionnaire::embedded();
        let name = record.hospital_name().map(str::to_string);
        let title = match (lang, &name) {
            (Lang::Ja, Some(n)) => format!("セキュリティ自己診断の報告 — {n}"),
            (Lang::Ja, None) => "セキュリティ自己診断の報告".to_string(),
            (Lang::En, Some(n)) => format!("Security self-assessment report — {n}"),
            (Lang::En, None) => "Security self-assessment report".to_string(),
        };
        // The overview on the newest edition, judged on the report's day; evidence files are
        // not read (readiness does not depend on them).
        let view = editions.newest().map(|e| {
            ChecklistView::build(editions, e, record, qn, &Clock::on(today), &|_| {
                EvidenceState::NotChecked
            })
        });
        let overview = Overview::of(record, survey, view.as_ref());
        // Page 1 first, then the detail in the order the summary names it, the answers last
        // as an appendix.
        let mut parts = vec![
            summary::part(record, qn, survey, &overview, lang, today),
            standing::part(record, qn, survey, lang),
            money::part(record, lang),
        ];
        parts.extend(risks::parts(record, qn, lang));
        parts.extend(readiness::part(record, qn, lang, today, editions));
        parts.push(answers(record, qn, lang));
        Report {
            lang,
            title,
            record: record.id.to_string(),
            hospital: name,
            parts,
        }
    }
}

/// Every question asked of the record with its answer and note, section by section; a
/// question no longer asked (an earlier answer changed) is listed only when it still holds an
/// answer or a note, and says so.
fn answers(record: &Record, qn: &Questionnaire, lang: Lang) -> Part {
    let mut part = Part::new(PartId::Answers, lang);
    for section in &qn.sections {
        // By the form's own number and text: the director and the board never see an id.
        let mut table = Table::new([
            lang.pick("番号", "No."),
            lang.pick("質問", "Question"),
            lang.pick("回答", "Answer"),
            lang.pick("メモ", "Note"),
        ])
        .narrow([0]);
        for q in &section.questions {
            let asked = qn.visible(q, record);
            let answer = record.answers.get(&q.id);
            let note = record.note(&q.id);
            if !asked && answer.is_none() && note.is_none() {
                continue;
            }
            let mut shown = match answer {
                Some(a) => q.describe(&a.value, lang),
                None => lang.pick("（未回答）", "(unanswered)").to_string(),
            };
            if answer.is_some_and(|a| a.carried) {
                shown.push_str(lang.pick("（昨年から・未確認）", " (from last year, unconfirmed)"));
            }
            if !asked {
                shown.push_str(lang.pick("（現在は問われない質問）", " (no longer asked)"));
            }
            table.row(
                [
                    qn.number(&q.id).map(|n| n.to_string()).unwrap_or_default(),
                    q.text.get(lang).to_string(),
                    shown,
                    note.unwrap_or("").to_string(),
                ],
                false,
            );
        }
        if !table.rows.is_empty() {
            part.blocks
                .push(Block::Heading(section.text.get(lang).to_string()));
            part.blocks.push(Block::Table(table));
        }
    }
    part
}
