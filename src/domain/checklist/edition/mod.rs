//! A checklist edition as data: the MHLW revises its checklist every fiscal year, so an edition
//! is a JSON file (`assets/checklists/*.json`, or one given with `--checklist FILE`), checked
//! here field by field, never a code change.

use super::date;
use super::risk_link;
use crate::domain::lang::{Lang, Text};
use crate::domain::questionnaire::Questionnaire;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;

mod check;

pub use check::parse;

const SHIPPED: [&str; 2] = [
    include_str!("../../../../assets/checklists/mhlw-r6.json"),
    include_str!("../../../../assets/checklists/mhlw-r7.json"),
];

/// Which form an item is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// 医療機関確認用
    Hospital,
    /// 事業者確認用
    Vendor,
}

/// The device class a section-2 row is answered for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Device {
    /// 全般: the medical information systems as a whole.
    General,
    Server,
    Pc,
    Network,
}

impl Device {
    pub fn id(self) -> &'static str {
        match self {
            Device::General => "general",
            Device::Server => "server",
            Device::Pc => "pc",
            Device::Network => "network",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Device::General => lang.pick("全般", "All systems"),
            Device::Server => lang.pick("サーバ", "Servers"),
            Device::Pc => lang.pick("端末PC", "Client PCs"),
            Device::Network => lang.pick("ネットワーク機器", "Network devices"),
        }
    }
}

/// Whether an item's wording (or its place in the form) could be checked against the MHLW form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Wording {
    Confirmed,
    Unconfirmed,
}

/// A 令和 edition name such as `r6`, kept as the fiscal year it stands for so that "required
/// since" compares with an edition's year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Reiwa(pub i32);

impl Reiwa {
    pub fn fiscal_year(self) -> i32 {
        self.0 + 2018
    }
}

impl fmt::Display for Reiwa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "r{}", self.0)
    }
}

impl<'de> Deserialize<'de> for Reiwa {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.strip_prefix('r')
            .and_then(|n| n.parse::<i32>().ok())
            .filter(|n| (1..=99).contains(n))
            .map(Reiwa)
            .ok_or_else(|| {
                serde::de::Error::custom(format!("`{s}` is not a 令和 edition such as r6"))
            })
    }
}

impl Serialize for Reiwa {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

fn date_de<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    s.parse::<NaiveDate>()
        .map_err(|_| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): `{s}`")))
}

fn opt_date_de<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => s
            .parse::<NaiveDate>()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): `{s}`"))),
    }
}

/// A reference into the MHLW 医療情報システムの安全管理に関するガイドライン 第6.0版.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlRef {
    /// 概説編, 経営管理編, 企画管理編 or システム運用編.
    pub part: String,
    pub section: String,
}

/// The four parts of GL 6.0, with the names the MHLW's English summary gives them.
pub const GL6_PARTS: [(&str, &str); 4] = [
    ("概説編", "Overview"),
    ("経営管理編", "Governance"),
    ("企画管理編", "Management"),
    ("システム運用編", "Control"),
];

impl GlRef {
    pub fn label(&self, lang: Lang) -> String {
        let part = GL6_PARTS
            .iter()
            .find(|(ja, _)| *ja == self.part)
            .map(|(ja, en)| lang.pick(ja, en))
            .unwrap_or(&self.part);
        format!("GL6.0 {part} {}", self.section)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionDef {
    pub number: u8,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub section: u8,
    /// As printed: `2(7)`, `2⑦`; none for the gate question.
    pub number: Option<String>,
    pub device: Option<Device>,
    /// The hospital's wording.
    pub text: Text,
    /// The vendor's wording, for items on the vendor form (2(3): 「医療機関に…提出した」).
    #[serde(default)]
    pub vendor_text: Option<Text>,
    pub forms: Vec<Form>,
    /// The vendor answers about its own organisation (1(1): its own manager), so its answer
    /// cannot contradict the hospital's and is never a conflict.
    #[serde(default)]
    pub vendor_self: bool,
    /// The edition in which the item became required (before: 参考項目 or absent).
    pub required_since: Reiwa,
    #[serde(default)]
    pub gl6: Vec<GlRef>,
    /// A deadline of the item's own, later than the end of the fiscal year (二要素認証: by the
    /// end of 令和9年度).
    #[serde(default, deserialize_with = "opt_date_de")]
    pub target_by: Option<NaiveDate>,
    pub wording: Wording,
    /// What exactly is unconfirmed, printed beside the item.
    #[serde(default)]
    pub unconfirmed: Option<Text>,
    /// Survey questions whose answers are shown beside the item as hints.
    #[serde(default)]
    pub survey: Vec<String>,
    /// Risk-matrix categories the item helps cover.
    #[serde(default)]
    pub risk: Vec<String>,
    /// The edition's gate item (set from `gate` on load): its `no` takes no target date.
    #[serde(skip)]
    pub is_gate: bool,
}

impl Item {
    pub fn on(&self, form: Form) -> bool {
        self.forms.contains(&form)
    }

    /// The wording for a form: the vendor's form words sections 1–2 for the vendor.
    pub fn text_for(&self, form: Form) -> &Text {
        match (form, &self.vendor_text) {
            (Form::Vendor, Some(t)) => t,
            _ => &self.text,
        }
    }

    /// `2(7)` or `–` for the gate question.
    pub fn label(&self) -> &str {
        self.number.as_deref().unwrap_or("–")
    }
}

/// Several items of the previous edition answered as one from this edition on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    pub from: Vec<String>,
    pub into: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub id: String,
    /// The fiscal year the edition is for (令和7年度版 → 2025).
    pub fiscal_year: i32,
    pub title: Text,
    #[serde(deserialize_with = "date_de")]
    pub published: NaiveDate,
    /// The edition this one follows: answers are carried from it.
    #[serde(default)]
    pub previous: Option<String>,
    /// An item whose `no` makes every other item not required (c0_has_systems).
    #[serde(default)]
    pub gate: Option<String>,
    pub sections: Vec<SectionDef>,
    /// What could not be confirmed about the form as a whole, printed as footnotes.
    #[serde(default)]
    pub notes: Vec<Text>,
    pub items: Vec<Item>,
    #[serde(default)]
    pub merged: Vec<Merge>,
}

impl Edition {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn section(&self, number: u8) -> Option<&SectionDef> {
        self.sections.iter().find(|s| s.number == number)
    }

    pub fn items_on(&self, form: Form) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.on(form))
    }

    /// Whether the item is required in this edition (not a 参考項目 still to come).
    pub fn requires(&self, item: &Item) -> bool {
        item.required_since.fiscal_year() <= self.fiscal_year
    }

    /// `令和7年度版` / `FY2025 edition`.
    pub fn short_name(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => format!("令和{}年度版", date::reiwa(self.fiscal_year)),
            Lang::En => format!("FY{} edition", self.fiscal_year),
        }
    }
}

/// Why an edition file was refused: `at` names the field (`items[3].target_by`), so a person
/// fixing a hand-made file knows where to look.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{at}: {problem}")]
pub struct EditionError {
    pub at: String,
    pub problem: EditionProblem,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditionProblem {
    /// The JSON does not have the edition's shape; the text is serde's (English).
    #[error("{0}")]
    Shape(String),
    #[error("edition id `{0}` must be lowercase letters, digits and dashes, e.g. mhlw-r8")]
    BadEditionId(String),
    #[error("edition `{0}` is already shipped or loaded: give the new edition its own id")]
    DuplicateEdition(String),
    #[error("item id `{0}` must be lowercase letters, digits and underscores")]
    BadItemId(String),
    #[error("item id `{0}` is used twice")]
    DuplicateItem(String),
    #[error("section {0} is not among the edition's sections")]
    UnknownSection(u8),
    #[error("section {0} is listed twice")]
    DuplicateSection(u8),
    #[error("no forms: an item is on `hospital`, `vendor` or both")]
    NoForms,
    #[error("an item on the vendor form needs `vendor_text`")]
    NoVendorText,
    #[error("both `ja` and `en` need text")]
    EmptyText,
    #[error("`{0}` is not a survey question (see the questionnaire's ids)")]
    UnknownSurveyQuestion(String),
    #[error("`{found}` is not a risk category; allowed: {}", allowed.join(", "))]
    UnknownRiskCategory { found: String, allowed: Vec<String> },
    #[error("`{found}` is not a part of GL 6.0; allowed: {}", allowed.join(", "))]
    UnknownGlPart { found: String, allowed: Vec<String> },
    #[error("an unconfirmed item needs `unconfirmed` saying what is unconfirmed")]
    UnconfirmedWithoutReason,
    #[error("`{0}` is not an item of this edition")]
    UnknownGate(String),
    #[error("`{0}` is not a known edition")]
    UnknownPrevious(String),
    #[error("`{item}` is not an item of `{edition}`")]
    MergeFromUnknown { item: String, edition: String },
    #[error("`{0}` is merged away but still an item of this edition")]
    MergeFromKept(String),
    #[error("`{0}` is merged twice")]
    MergeFromTwice(String),
    #[error("`{0}` is not an item of this edition")]
    MergeIntoUnknown(String),
    #[error("`{item}` already exists in `{edition}`: a merge makes a new item")]
    MergeIntoExisting { item: String, edition: String },
    #[error("a merge needs a `previous` edition")]
    MergeWithoutPrevious,
    #[error("a merge needs at least two items")]
    MergeTooSmall,
    #[error("target_by {target_by} is before the edition's fiscal year starts ({starts})")]
    TargetByTooEarly {
        target_by: NaiveDate,
        starts: NaiveDate,
    },
    #[error("the edition has no items")]
    NoItems,
}

impl EditionError {
    fn new(at: impl Into<String>, problem: EditionProblem) -> EditionError {
        EditionError {
            at: at.into(),
            problem,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        use EditionProblem as P;
        let p = match &self.problem {
            P::Shape(s) => format!("形式が正しくありません：{s}"),
            P::BadEditionId(id) => {
                format!("版ID `{id}` は英小文字・数字・ハイフンで（例：mhlw-r8）")
            }
            P::DuplicateEdition(id) => {
                format!("版 `{id}` はすでにあります：新しい版には別のIDを付けてください")
            }
            P::BadItemId(id) => format!("項目ID `{id}` は英小文字・数字・下線で"),
            P::DuplicateItem(id) => format!("項目ID `{id}` が重複しています"),
            P::UnknownSection(n) => format!("第{n}項は sections にありません"),
            P::DuplicateSection(n) => format!("第{n}項が重複しています"),
            P::NoForms => "forms が空です：hospital、vendor またはその両方".into(),
            P::NoVendorText => "事業者確認用の項目には vendor_text が必要です".into(),
            P::EmptyText => "ja と en の両方に文言が必要です".into(),
            P::UnknownSurveyQuestion(q) => format!("`{q}` は調査票の質問IDではありません"),
            P::UnknownRiskCategory { found, allowed } => format!(
                "`{found}` はリスク区分ではありません。使えるもの：{}",
                allowed.join(", ")
            ),
            P::UnknownGlPart { found, allowed } => format!(
                "`{found}` はガイドライン第6.0版の編ではありません。使えるもの：{}",
                allowed.join(", ")
            ),
            P::UnconfirmedWithoutReason => {
                "未確認の項目には、何が未確認かを unconfirmed に書いてください".into()
            }
            P::UnknownGate(id) => format!("`{id}` はこの版の項目ではありません"),
            P::UnknownPrevious(id) => format!("版 `{id}` はありません"),
            P::MergeFromUnknown { item, edition } => {
                format!("`{item}` は `{edition}` の項目ではありません")
            }
            P::MergeFromKept(id) => format!("`{id}` は統合されたのに、この版にも残っています"),
            P::MergeFromTwice(id) => format!("`{id}` が2回統合されています"),
            P::MergeIntoUnknown(id) => format!("`{id}` はこの版の項目ではありません"),
            P::MergeIntoExisting { item, edition } => {
                format!("`{item}` は `{edition}` にすでにあります：統合先は新しい項目です")
            }
            P::MergeWithoutPrevious => "統合には previous（前の版）が必要です".into(),
            P::MergeTooSmall => "統合には2項目以上が必要です".into(),
            P::TargetByTooEarly { target_by, starts } => {
                format!("target_by {target_by} は版の年度の開始（{starts}）より前です")
            }
            P::NoItems => "項目がありません".into(),
        };
        format!("{}：{p}", self.at)
    }
}

/// The editions this run knows: the shipped ones, and one more from `--checklist FILE`.
#[derive(Debug, Clone)]
pub struct Editions {
    list: Vec<Edition>,
}

impl Editions {
    /// The editions shipped in the binary, checked by the test suite.
    pub fn shipped() -> &'static Editions {
        static E: OnceLock<Editions> = OnceLock::new();
        E.get_or_init(|| {
            let mut editions = Editions { list: Vec::new() };
            for json in SHIPPED {
                // The shipped assets are checked by the tests: a failure is a build defect.
                #[allow(clippy::expect_used)]
                editions
                    .add(json)
                    .expect("shipped checklist edition is valid");
            }
            editions
        })
    }

    /// Reads an edition (a file's text) and adds it after checking it against the ones known;
    /// gives back its id.
    pub fn add(&mut self, json: &str) -> Result<String, EditionError> {
        let edition = parse(json, self)?;
        let id = edition.id.clone();
        self.list.push(edition);
        self.list.sort_by_key(|e| e.fiscal_year);
        Ok(id)
    }

    pub fn get(&self, id: &str) -> Option<&Edition> {
        self.list.iter().find(|e| e.id == id)
    }

    /// The newest edition (by fiscal year): the default of every checklist command.
    pub fn newest(&self) -> Option<&Edition> {
        self.list.last()
    }

    pub fn ids(&self) -> Vec<&str> {
        self.list.iter().map(|e| e.id.as_str()).collect()
    }

    pub fn all(&self) -> &[Edition] {
        &self.list
    }
}
