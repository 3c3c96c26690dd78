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
use super::{money, readiness, risks, standing};
use crate::domain::checklist::Editions;
use crate::domain::lang::Lang;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::record::Record;
use chrono::NaiveDate;

impl Report {
    /// The whole report. `today` is the date printed on it and the one the checklist's target
    /// dates are judged against; `editions` are the checklist editions known (the shipped ones
    /// and any `--checklist` file).
    pub fn of(record: &Record, lang: Lang, today: NaiveDate, editions: &Editions) -> Report {
        let qn = Questionnaire::embedded();
        let name = record.hospital_name().map(str::to_string);
        let title = match (lang, &name) {
            (Lang::Ja, Some(n)) => format!("セキュリティ自己診断の報告 — {n}"),
            (Lang::Ja, None) => "セキュリティ自己診断の報告".to_string(),
            (Lang::En, Some(n)) => format!("Security self-assessment report — {n}"),
            (Lang::En, None) => "Security self-assessment report".to_string(),
        };
        let mut parts = vec![
            profile(record, qn, lang, today),
            answers(record, qn, lang),
            standing::part(record, qn, lang),
            money::part(record, lang),
        ];
        parts.extend(risks::parts(record, qn, lang));
        parts.extend(readiness::part(record, qn, lang, today, editions));
        Report {
            lang,
            title,
            record: record.id.to_string(),
            hospital: name,
            parts,
        }
    }
}

fn profile(record: &Record, qn: &Questionnaire, lang: Lang, today: NaiveDate) -> Part {
    let mut part = Part::new(PartId::Profile, lang);
    let none = || lang.pick("未回答", "not answered").to_string();
    let describe = |id: &str| {
        qn.question(id)
            .zip(qn.effective(id, record))
            .map(|(q, v)| q.describe(v, lang))
    };
    let progress = qn.progress(record);
    let mut facts = vec![
        (
            lang.pick("記録ID", "Record").to_string(),
            record.id.to_string(),
        ),
        (
            lang.pick("病院名", "Hospital").to_string(),
            record.hospital_name().map_or_else(none, str::to_string),
        ),
        (
            lang.pick("評価日", "Assessed on").to_string(),
            match lang {
                Lang::Ja => format!(
                    "{}（{}）",
                    record.assessed_on,
                    record.fiscal_year().label(lang)
                ),
                Lang::En => format!(
                    "{} ({})",
                    record.assessed_on,
                    record.fiscal_year().label(lang)
                ),
            },
        ),
        (
            lang.pick("許可病床数", "Beds").to_string(),
            match (describe("beds"), record.bed_class()) {
                (Some(b), Some(c)) => format!("{b}（{}）", c.label(lang)),
                (Some(b), None) => b,
                (None, _) => none(),
            },
        ),
        (
            lang.pick("開設者", "Founder").to_string(),
            record
                .founder()
                .map_or_else(none, |f| f.label(lang).to_string()),
        ),
    ];
    if let Some(a) = describe("associations") {
        facts.push((lang.pick("加盟団体", "Associations").to_string(), a));
    }
    facts.push((
        lang.pick("回答の進捗", "Progress").to_string(),
        match (progress.carried, lang) {
            (0, _) => format!(
                "{}/{} ({}%)",
                progress.answered,
                progress.total,
                progress.percent()
            ),
            (c, Lang::Ja) => format!(
                "{}/{} ({}%)・昨年から引き継ぎ未確認 {c}",
                progress.answered,
                progress.total,
                progress.percent()
            ),
            (c, Lang::En) => format!(
                "{}/{} ({}%), {c} carried from last year, unconfirmed",
                progress.answered,
                progress.total,
                progress.percent()
            ),
        },
    ));
    if let Some(prev) = &record.previous {
        facts.push((
            lang.pick("前年の記録", "Last year's record").to_string(),
            prev.to_string(),
        ));
    }
    facts.push((
        lang.pick("作成日", "Written on").to_string(),
        today.to_string(),
    ));
    part.blocks.push(Block::Facts(facts));
    part
}

/// Every question asked of the record with its answer and note, section by section; a
/// question no longer asked (an earlier answer changed) is listed only when it still holds an
/// answer or a note, and says so.
fn answers(record: &Record, qn: &Questionnaire, lang: Lang) -> Part {
    let mut part = Part::new(PartId::Answers, lang);
    for section in &qn.sections {
        let mut table = Table::new([
            lang.pick("番号", "No."),
            lang.pick("質問", "Question"),
            lang.pick("回答", "Answer"),
            lang.pick("メモ", "Note"),
        ]);
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
