//! Why a returned packet was refused, in the form's words: rows are named by their printed
//! number (`row 7 (2④-サーバ)`), another hospital's form by both hospitals.

use super::{column_words, COLUMNS};
use crate::domain::checklist::rules::ChecklistError;
use crate::domain::lang::{Lang, Text};
use crate::domain::vendors::VendorError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    #[error(
        "the file is neither UTF-8 nor Shift_JIS text: save it from Excel as CSV, or send the JSON"
    )]
    NotText,
    #[error("not a vendor form in JSON: {0}")]
    Json(String),
    #[error("the key `{0}` is given twice: keep the one meant and remove the other")]
    DuplicateKey(String),
    #[error("not a readable CSV: {0}")]
    Csv(String),
    #[error(
        "column `{}` is missing; the columns are: {}",
        column_words(.0, Lang::En),
        column_names(Lang::En)
    )]
    MissingColumn(&'static str),
    #[error("the file has no rows")]
    NoRows,
    #[error("the form is for record {found}, not {expected}")]
    OtherRecord { found: String, expected: String },
    #[error(
        "this form (form id {}) was sent by {} for its record {}; \
         the record open is {}'s {}: import it into that hospital's record",
        .0.form_id, .0.file_hospital, .0.file_record, .0.hospital, .0.record
    )]
    OtherHospital(Box<OtherHospital>),
    #[error(
        "form id {form_id} was not sent from this record ({hospital}, {record}) for this vendor \
         and system: it is another hospital's form, or the vendor or system was renamed"
    )]
    UnknownFormId {
        form_id: String,
        hospital: String,
        record: String,
    },
    /// The editions by their printed names (令和6年度版 / FY2024 edition), never their ids.
    #[error(
        "the form is of the {}, not the {}: send the vendor the {} form",
        found.en,
        expected.en,
        expected.en
    )]
    OtherEdition { found: Text, expected: Text },
    #[error(
        "{} differs from the first row (`{first}` vs `{found}`): a file holds one vendor's form",
        column_words(field, Lang::En)
    )]
    Mixed {
        field: &'static str,
        first: String,
        found: String,
    },
    #[error("{0}")]
    Vendor(VendorError),
    #[error("`{number}` is not an item of the vendor form of the {}", edition.en)]
    UnknownItem { number: String, edition: Text },
    #[error("`{0}` is not on the vendor form (sections 1–2)")]
    NotOnVendorForm(String),
    #[error("`{0}` appears twice")]
    DuplicateItem(String),
    #[error("`{0}` is not among the controls asked in this form")]
    UnknownControl(String),
    #[error("`{0}` is not a control's status: write in place, partial, missing or not applicable")]
    BadControlAnswer(String),
    #[error(
        "the answer is empty but dates or a note are given: write yes or no, or clear the row"
    )]
    DatesWithoutAnswer,
    #[error("Checked is empty: an answer needs the day it was checked (YYYY-MM-DD)")]
    NoCheckedOn,
    #[error("{0}")]
    Rule(ChecklistError),
    #[error("nothing is answered: fill in yes or no for the items first")]
    NothingAnswered,
}

/// A form of another hospital's record: both are named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherHospital {
    pub form_id: String,
    pub file_hospital: String,
    pub file_record: String,
    pub hospital: String,
    pub record: String,
}

/// The header's words in `lang`, as the form writes them.
fn column_names(lang: Lang) -> String {
    COLUMNS
        .map(|(_, ja, en)| lang.pick(ja, en))
        .join(lang.pick("、", ", "))
}

/// Why a returned form was refused, and where (`items[3].target_on`, `row 5 (2④-サーバ),
/// target_on`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct VendorFileError {
    pub at: Option<String>,
    pub problem: FileProblem,
}

impl VendorFileError {
    pub(super) fn whole(problem: FileProblem) -> VendorFileError {
        VendorFileError { at: None, problem }
    }

    /// `at` is built from the columns' keys (`row 5 (2④-サーバ), checked_on`); it is read in
    /// the header's words: `row 5 (2④-サーバ), Checked on`, `5行目 (2④-サーバ)、確認日`.
    pub fn message(&self, lang: Lang) -> String {
        let p = self.problem.message(lang);
        match (&self.at, lang) {
            (Some(at), Lang::En) => format!("{}: {p}", at_en(at)),
            (Some(at), Lang::Ja) => format!("{}：{p}", at_ja(at)),
            (None, _) => p,
        }
    }
}

fn at_en(at: &str) -> String {
    let mut s = at.to_string();
    for (key, _, en) in COLUMNS {
        s = s.replace(&format!(", {key}"), &format!(", {en}"));
    }
    s
}

fn at_ja(at: &str) -> String {
    let mut s = at.to_string();
    if let Some(rest) = s.strip_prefix("row ") {
        let (n, tail) = rest.split_at(
            rest.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len()),
        );
        s = format!("{n}行目{tail}");
    }
    for (key, ja, _) in COLUMNS {
        s = s.replace(&format!(", {key}"), &format!("、{ja}"));
    }
    s
}

impl FileProblem {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        use FileProblem as P;
        match self {
            P::NotText => "UTF-8 でも Shift_JIS でもないファイルです：Excel で CSV として保存するか、JSON を送ってください".into(),
            P::Json(e) => format!("事業者確認用の JSON ではありません：{e}"),
            P::DuplicateKey(k) => {
                format!("キー `{k}` が2回あります：正しい方を残し、もう一方を消してください")
            }
            P::Csv(e) => format!("CSV として読めません：{e}"),
            P::MissingColumn(c) => format!(
                "列「{}」がありません。列は {} です",
                column_words(c, lang),
                column_names(lang)
            ),
            P::NoRows => "行がありません".into(),
            P::OtherRecord { found, expected } => {
                format!("この様式は記録 {found} のものです（{expected} ではありません）")
            }
            P::OtherHospital(o) => format!(
                "この様式（様式ID {}）は {} の記録 {} から送られたものです。開いている記録は {} の {} です：その医療機関の記録に取り込んでください",
                o.form_id, o.file_hospital, o.file_record, o.hospital, o.record
            ),
            P::UnknownFormId {
                form_id,
                hospital,
                record,
            } => format!(
                "様式ID {form_id} はこの記録（{hospital}、{record}）からこの事業者・システムに送った様式ではありません：別の医療機関の様式か、事業者名・システム名が変えられています"
            ),
            P::OtherEdition { found, expected } => format!(
                "この様式は{}のものです（{}ではありません）：{}の様式を送ってください",
                found.ja, expected.ja, expected.ja
            ),
            P::Mixed {
                field,
                first,
                found,
            } => format!(
                "「{}」が1行目と違います（`{first}` と `{found}`）：1つのファイルは1事業者の様式です",
                column_words(field, lang)
            ),
            P::Vendor(e) => e.message(lang),
            P::UnknownItem { number, edition } => {
                format!(
                    "`{number}` は{}の事業者確認用の項目ではありません",
                    edition.ja
                )
            }
            P::NotOnVendorForm(n) => {
                format!("`{n}` は事業者確認用（第1・2項）の項目ではありません")
            }
            P::DuplicateItem(n) => format!("`{n}` が2回あります"),
            P::UnknownControl(n) => format!("`{n}` はこの様式で尋ねた対策ではありません"),
            P::BadControlAnswer(a) => format!(
                "`{a}` は対策の状況ではありません：実施済み・一部実施・未実施・対象外 のどれかを書いてください"
            ),
            P::DatesWithoutAnswer => "回答が空欄なのに日付かメモがあります：はい か いいえ を書くか、行を空にしてください".into(),
            P::NoCheckedOn => "確認日が空欄です：回答には確認した日（YYYY-MM-DD）が必要です".into(),
            P::Rule(e) => e.message(lang),
            P::NothingAnswered => "回答が1つもありません：各項目に はい か いいえ を記入してください".into(),
        }
    }
}
