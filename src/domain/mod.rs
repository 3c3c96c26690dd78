//! The meaning of a hospital's answers: plain Rust, no terminal, no files.

pub mod aggregate;
pub mod answer;
pub mod budget;
pub mod carried;
pub mod checklist;
pub mod clock;
pub mod cohort;
pub mod contacts;
pub mod digits;
pub mod fiscal_year;
pub mod history;
pub mod indicator;
pub mod json;
pub mod lang;
pub mod limits;
pub mod matrix;
pub mod overview;
pub mod position;
pub mod question_number;
pub mod questionnaire;
pub mod record;
pub mod report;
pub mod respondents;
pub mod survey;
pub mod validate;
pub mod vendors;

pub use answer::Value;
pub use clock::Clock;
pub use cohort::{BedClass, Founder};
pub use fiscal_year::FiscalYear;
pub use indicator::{Indicator, IndicatorValue};
pub use lang::{Lang, Text};
pub use questionnaire::{Kind, Question, Questionnaire, Section, Visibility};
pub use record::{Record, RecordId};
pub use validate::AnswerError;
