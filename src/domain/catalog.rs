//! The risk catalogue as data: categories (= 大 risks), life-cycle phases, 中 and 小 scenarios,
//! and the controls that keep each 小 scenario from happening.
//!
//! Records key their marks on control ids, so the ids are a contract (`risk-matrix.md`); the
//! checks in [`Catalog::parse`] make a broken link a build defect rather than a blank cell on a
//! hospital's screen.

use crate::domain::lang::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const EMBEDDED: &str = include_str!("../../assets/risk-catalog.json");

/// The chapter-6 requirement groups of the MHLW guideline 第5.2版 that the report ties to the
/// risk categories (p39). A hospital control cites one of these, never a finer number that
/// could not be checked.
pub const MHLW_SECTIONS: [&str; 12] = [
    "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "6.9", "6.10", "6.11", "6.12",
];

/// A risk category of the report (p39); in the report's hierarchy it is the 大 risk itself.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub ja: String,
    pub en: String,
    /// A name that fits a heat-map row or column header.
    pub short_ja: String,
    pub short_en: String,
}

/// A phase of the system's life cycle as the METI/MIC guideline sees it (p39).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: String,
    pub ja: String,
    pub en: String,
    /// A name that fits a heat-map row or column header.
    pub short_ja: String,
    pub short_en: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// 中リスク: a way the category's risk arises (insider misuse, theft by an outsider).
    Medium,
    /// 小リスク: a concrete scenario a hospital can recognise, and the only level controls
    /// attach to.
    Small,
}

impl Level {
    pub fn id(self) -> &'static str {
        match self {
            Level::Medium => "medium",
            Level::Small => "small",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Level::Medium => lang.pick("中リスク", "medium risk"),
            Level::Small => lang.pick("小リスク", "small risk"),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub level: Level,
    /// A medium risk's category, a small risk's medium risk.
    pub parent: String,
    pub category: String,
    /// Where a small risk arises; empty on a medium risk (its phases are its children's).
    #[serde(default)]
    pub phases: Vec<String>,
    pub ja: String,
    pub en: String,
}

/// Who implements a control. The report's point (p41) is that the vendor's controls are the
/// hospital's to instruct, so a vendor control carries the sentence the hospital hands over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    Hospital,
    Vendor,
}

impl By {
    pub fn id(self) -> &'static str {
        match self {
            By::Hospital => "hospital",
            By::Vendor => "vendor",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            By::Hospital => lang.pick("病院", "hospital"),
            By::Vendor => lang.pick("事業者", "vendor"),
        }
    }
}

/// The documents a control may cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Guideline {
    /// 医療情報システムの安全管理に関するガイドライン 第5.2版 (MHLW), cited by chapter-6 group.
    #[serde(rename = "mhlw-5.2")]
    Mhlw52,
    /// 医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン
    /// 第1.0版 (METI/MIC), cited by topic.
    #[serde(rename = "meti-mic-1.0")]
    MetiMic10,
    /// The survey report itself, for the finding that motivates a control.
    #[serde(rename = "survey-2022")]
    Survey2022,
}

impl Guideline {
    pub fn id(self) -> &'static str {
        match self {
            Guideline::Mhlw52 => "mhlw-5.2",
            Guideline::MetiMic10 => "meti-mic-1.0",
            Guideline::Survey2022 => "survey-2022",
        }
    }

    pub fn short(self, lang: Lang) -> &'static str {
        match self {
            Guideline::Mhlw52 => lang.pick("厚労省GL 5.2版", "MHLW GL 5.2"),
            Guideline::MetiMic10 => lang.pick("経産省・総務省GL 1.0版", "METI/MIC GL 1.0"),
            Guideline::Survey2022 => lang.pick("2022年調査", "2022 survey"),
        }
    }
}

/// One citation. `section` is a chapter-6 group of the MHLW guideline or a place in the survey
/// report; `topic` names what the METI/MIC guideline deals with, since its numbering is not
/// checked here and must not be invented.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub guideline: Guideline,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
}

impl Citation {
    /// `厚労省GL 5.2版 6.5`, `経産省・総務省GL 1.0版「リモートメンテナンス」`.
    pub fn label(&self, lang: Lang) -> String {
        let g = self.guideline.short(lang);
        match (&self.section, &self.topic) {
            // The survey's places are written as the survey data writes them (`overall 2/7`);
            // the report itself heads those pages 全体結果(2/7).
            (Some(s), _) if self.guideline == Guideline::Survey2022 => {
                let place = match s.strip_prefix("overall ") {
                    Some(n) => lang.pick_with(
                        || format!("全体結果 {n}"),
                        || format!("overall results {n}"),
                    ),
                    None => s.clone(),
                };
                format!("{g} {place}")
            }
            (Some(s), _) => format!("{g} {s}"),
            (None, Some(t)) => lang.pick_with(|| format!("{g}「{t}」"), || format!("{g} \"{t}\"")),
            (None, None) => g.to_string(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Control {
    pub id: String,
    /// The printed number (12 for C12), fixed in the asset: a control added later takes the next
    /// free number instead of renumbering the ones listed after it, so last year's brief and this
    /// year's name the same control alike. A catalogue that gives none is numbered in list order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    pub by: By,
    /// The first citation is the guideline the control comes from; more may follow (the survey
    /// finding behind it).
    pub source: Vec<Citation>,
    pub ja: String,
    pub en: String,
    /// What the hospital asks its vendor, in a sentence it can hand over (vendor controls).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_ja: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_en: Option<String>,
    /// The small scenarios this control keeps from happening.
    pub scenarios: Vec<String>,
    /// Controls this one stands in for when they are missing (p41: 対策CがNGの場合、対策Aを補完的
    /// 対策とすべき). What proves a control's status is not here but in the crosswalk.
    #[serde(default)]
    pub compensates: Vec<String>,
}

impl Control {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.ja, &self.en)
    }

    pub fn text(&self) -> Text {
        Text {
            ja: self.ja.clone(),
            en: self.en.clone(),
        }
    }

    /// The vendor instruction, falling back to the control's name (hospital controls have none).
    pub fn ask(&self, lang: Lang) -> &str {
        let ask = match lang {
            Lang::Ja => self.ask_ja.as_deref(),
            Lang::En => self.ask_en.as_deref(),
        };
        ask.unwrap_or_else(|| self.name(lang))
    }
}

impl Category {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.ja, &self.en)
    }

    pub fn short(&self, lang: Lang) -> &str {
        lang.pick(&self.short_ja, &self.short_en)
    }
}

impl Phase {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.ja, &self.en)
    }

    pub fn short(&self, lang: Lang) -> &str {
        lang.pick(&self.short_ja, &self.short_en)
    }
}

impl Scenario {
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.ja, &self.en)
    }

    pub fn is_leaf(&self) -> bool {
        self.level == Level::Small
    }
}

/// Why catalogue data cannot be used. Only reachable through a hand-made catalogue (the shipped
/// one is checked by the tests), so the messages name the offending id for its author.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("risk catalogue JSON is invalid: {0}")]
    Json(#[from] serde_json::Error),
    #[error("id `{0}` is used twice in the risk catalogue")]
    Duplicate(String),
    #[error("`{from}`: {field} names `{target}`, which is not {expected}")]
    Link {
        from: String,
        field: &'static str,
        target: String,
        expected: &'static str,
    },
    #[error("`{0}`: a small risk needs at least one phase")]
    NoPhase(String),
    #[error("`{0}`: a medium risk takes its phases from its small risks; give none")]
    MediumPhases(String),
    #[error("`{0}`: no control covers this small risk")]
    Uncontrolled(String),
    #[error("`{0}`: the control covers no small risk")]
    Idle(String),
    #[error("`{0}`: a control needs a number when the others have one")]
    Unnumbered(String),
    #[error("C{0} is given to two controls (or is 0): a number is never reused")]
    NumberTwice(u32),
    #[error("`{0}`: a control cannot compensate itself")]
    SelfCompensation(String),
    #[error("`{0}`: a vendor control needs ask_ja and ask_en (what the hospital asks)")]
    NoAsk(String),
    #[error("`{control}`: source: {problem}")]
    Source {
        control: String,
        problem: &'static str,
    },
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub categories: Vec<Category>,
    pub phases: Vec<Phase>,
    pub scenarios: Vec<Scenario>,
    pub controls: Vec<Control>,
    #[serde(skip)]
    index: Index,
}

/// Positions by id, and the reverse links the catalogue keeps only one way in the file
/// (control → scenarios, control → compensated control).
#[derive(Debug, Clone, Default)]
struct Index {
    scenario: HashMap<String, usize>,
    control: HashMap<String, usize>,
    controls_of: HashMap<String, Vec<usize>>,
    compensators_of: HashMap<String, Vec<usize>>,
}

impl Catalog {
    /// The catalogue shipped in the binary, parsed once.
    pub fn embedded() -> &'static Catalog {
        static C: OnceLock<Catalog> = OnceLock::new();
        C.get_or_init(|| {
            // The embedded asset is checked by the test suite; a failure here is a build defect,
            // not a user error.
            #[allow(clippy::expect_used)]
            Catalog::parse(EMBEDDED).expect("embedded risk catalogue is valid")
        })
    }

    /// Reads a catalogue and checks every link.
    pub fn parse(json: &str) -> Result<Catalog, CatalogError> {
        let mut c: Catalog = serde_json::from_str(json)?;
        c.build_index()?;
        c.check()?;
        Ok(c)
    }

    fn build_index(&mut self) -> Result<(), CatalogError> {
        let mut ids = HashSet::new();
        let all = self
            .categories
            .iter()
            .map(|c| &c.id)
            .chain(self.phases.iter().map(|p| &p.id))
            .chain(self.scenarios.iter().map(|s| &s.id))
            .chain(self.controls.iter().map(|c| &c.id));
        for id in all {
            if !ids.insert(id.as_str()) {
                return Err(CatalogError::Duplicate(id.clone()));
            }
        }
        let mut index = Index::default();
        for (i, s) in self.scenarios.iter().enumerate() {
            index.scenario.insert(s.id.clone(), i);
        }
        for (i, c) in self.controls.iter().enumerate() {
            index.control.insert(c.id.clone(), i);
            for s in &c.scenarios {
                index.controls_of.entry(s.clone()).or_default().push(i);
            }
            for t in &c.compensates {
                index.compensators_of.entry(t.clone()).or_default().push(i);
            }
        }
        self.index = index;
        Ok(())
    }

    fn check(&self) -> Result<(), CatalogError> {
        let link = |from: &str, field, target: &str, expected| CatalogError::Link {
            from: from.to_string(),
            field,
            target: target.to_string(),
            expected,
        };
        for s in &self.scenarios {
            if self.category(&s.category).is_none() {
                return Err(link(&s.id, "category", &s.category, "a category"));
            }
            match s.level {
                Level::Medium => {
                    if s.parent != s.category {
                        return Err(link(&s.id, "parent", &s.parent, "its category"));
                    }
                    if !s.phases.is_empty() {
                        return Err(CatalogError::MediumPhases(s.id.clone()));
                    }
                }
                Level::Small => {
                    let parent = self.scenario(&s.parent);
                    if !parent.is_some_and(|p| p.level == Level::Medium && p.category == s.category)
                    {
                        return Err(link(
                            &s.id,
                            "parent",
                            &s.parent,
                            "a medium risk of the same category",
                        ));
                    }
                    if s.phases.is_empty() {
                        return Err(CatalogError::NoPhase(s.id.clone()));
                    }
                    if let Some(p) = s.phases.iter().find(|p| self.phase(p).is_none()) {
                        return Err(link(&s.id, "phases", p, "a phase"));
                    }
                    if self.controls_of(&s.id).next().is_none() {
                        return Err(CatalogError::Uncontrolled(s.id.clone()));
                    }
                }
            }
        }
        if self.controls.iter().any(|c| c.number.is_some()) {
            let mut seen = HashSet::from([0]);
            for c in &self.controls {
                let n = c
                    .number
                    .ok_or_else(|| CatalogError::Unnumbered(c.id.clone()))?;
                if !seen.insert(n) {
                    return Err(CatalogError::NumberTwice(n));
                }
            }
        }
        for c in &self.controls {
            if c.scenarios.is_empty() {
                return Err(CatalogError::Idle(c.id.clone()));
            }
            if let Some(s) = c
                .scenarios
                .iter()
                .find(|s| !self.scenario(s).is_some_and(Scenario::is_leaf))
            {
                return Err(link(&c.id, "scenarios", s, "a small risk"));
            }
            if c.compensates.contains(&c.id) {
                return Err(CatalogError::SelfCompensation(c.id.clone()));
            }
            if let Some(t) = c.compensates.iter().find(|t| self.control(t).is_none()) {
                return Err(link(&c.id, "compensates", t, "a control"));
            }
            if c.by == By::Vendor && (c.ask_ja.is_none() || c.ask_en.is_none()) {
                return Err(CatalogError::NoAsk(c.id.clone()));
            }
            check_sources(c)?;
        }
        Ok(())
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.phases.iter().find(|p| p.id == id)
    }

    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.index.scenario.get(id).map(|&i| &self.scenarios[i])
    }

    pub fn control(&self, id: &str) -> Option<&Control> {
        self.index.control.get(id).map(|&i| &self.controls[i])
    }

    pub fn category_ids(&self) -> impl Iterator<Item = &str> {
        self.categories.iter().map(|c| c.id.as_str())
    }

    pub fn control_ids(&self) -> impl Iterator<Item = &str> {
        self.controls.iter().map(|c| c.id.as_str())
    }

    /// The small scenarios, in catalogue order.
    pub fn leaves(&self) -> impl Iterator<Item = &Scenario> {
        self.scenarios.iter().filter(|s| s.is_leaf())
    }

    /// A category's medium risks, in catalogue order.
    pub fn mediums<'a>(&'a self, category: &'a str) -> impl Iterator<Item = &'a Scenario> {
        self.scenarios
            .iter()
            .filter(move |s| s.level == Level::Medium && s.category == category)
    }

    /// A medium risk's small scenarios.
    pub fn children<'a>(&'a self, medium: &'a str) -> impl Iterator<Item = &'a Scenario> {
        self.scenarios
            .iter()
            .filter(move |s| s.is_leaf() && s.parent == medium)
    }

    /// The controls linked to a small scenario.
    pub fn controls_of<'a>(&'a self, scenario: &str) -> impl Iterator<Item = &'a Control> {
        self.index
            .controls_of
            .get(scenario)
            .into_iter()
            .flatten()
            .map(|&i| &self.controls[i])
    }

    /// The controls that stand in for this one when it is missing.
    pub fn compensators_of<'a>(&'a self, control: &str) -> impl Iterator<Item = &'a Control> {
        self.index
            .compensators_of
            .get(control)
            .into_iter()
            .flatten()
            .map(|&i| &self.controls[i])
    }

    /// Where a scenario arises, in life-cycle order: a small risk's own phases, a medium risk's
    /// the union of its children's.
    pub fn phases_of(&self, scenario: &Scenario) -> Vec<&Phase> {
        let mut wanted: HashSet<&str> = scenario.phases.iter().map(String::as_str).collect();
        if scenario.level == Level::Medium {
            for child in self.children(&scenario.id) {
                wanted.extend(child.phases.iter().map(String::as_str));
            }
        }
        self.phases
            .iter()
            .filter(|p| wanted.contains(p.id.as_str()))
            .collect()
    }

    /// Where a control matters: the phases of the scenarios it covers, in life-cycle order.
    pub fn control_phases(&self, control: &Control) -> Vec<&Phase> {
        let wanted: HashSet<&str> = control
            .scenarios
            .iter()
            .filter_map(|s| self.scenario(s))
            .flat_map(|s| s.phases.iter().map(String::as_str))
            .collect();
        self.phases
            .iter()
            .filter(|p| wanted.contains(p.id.as_str()))
            .collect()
    }
}

fn check_sources(c: &Control) -> Result<(), CatalogError> {
    let bad = |problem| CatalogError::Source {
        control: c.id.clone(),
        problem,
    };
    let Some(first) = c.source.first() else {
        return Err(bad("give at least one citation"));
    };
    match (c.by, first.guideline) {
        (By::Hospital, Guideline::Mhlw52 | Guideline::Survey2022) => {}
        (By::Hospital, _) => return Err(bad("a hospital control comes from mhlw-5.2")),
        (By::Vendor, Guideline::MetiMic10) => {}
        (By::Vendor, _) => return Err(bad("a vendor control comes from meti-mic-1.0")),
    }
    for s in &c.source {
        match s.guideline {
            Guideline::Mhlw52 => {
                if !s
                    .section
                    .as_deref()
                    .is_some_and(|x| MHLW_SECTIONS.contains(&x))
                {
                    return Err(bad("mhlw-5.2 is cited by a chapter-6 group, 6.1 to 6.12"));
                }
            }
            Guideline::MetiMic10 => {
                if s.section.is_some() || s.topic.as_deref().is_none_or(str::is_empty) {
                    return Err(bad(
                        "meti-mic-1.0 is cited by topic only, without a section",
                    ));
                }
            }
            Guideline::Survey2022 => {
                if s.section.as_deref().is_none_or(str::is_empty) {
                    return Err(bad("survey-2022 is cited with its place in the report"));
                }
            }
        }
    }
    Ok(())
}
