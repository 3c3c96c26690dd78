//! The budget part of `shindan check`: 提言１ on the record's own numbers, the same text and
//! JSON keys as `shindan budget`.

use super::Block;
use crate::cli::budget::{budget_json, hospital_lines};
use crate::domain::budget::{BudgetData, HospitalBudget};
use crate::domain::{Lang, Record};
use serde_json::Value;

pub fn block(record: &Record, lang: Lang) -> Block {
    match HospitalBudget::of(record, BudgetData::embedded().levels()) {
        Ok(b) => Block {
            text: hospital_lines(&b, lang, false),
            json: vec![("budget", budget_json(&b))],
        },
        Err(e) => Block {
            text: vec![
                lang.pick(
                    "■ セキュリティ予算の試算（提言１）",
                    "■ Security budget (report proposal 1)",
                )
                .to_string(),
                e.message(lang),
            ],
            json: vec![("budget", Value::Null)],
        },
    }
}
