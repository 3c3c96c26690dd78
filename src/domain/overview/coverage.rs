//! The overview's digest of the matrix coverage: the figure (covered, known, unknown), the
//! risks left wholly uncovered at the highest level where that holds, and what would cover
//! them. Everything is computed by [`Coverage`]; this keeps what a glance needs.

use super::summary::text;
use crate::domain::lang::{Lang, Text};
use crate::domain::matrix::{
    By, Catalog, Control, ControlStatus, Coverage, CoverageFigure, LeafState, Rank, Tally,
};

/// The report's three levels of a risk (p40): the category is the 大 risk, then 中, then the
/// 小 scenarios controls attach to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RiskLevel {
    /// Every scenario of the category scores 0.
    Large,
    /// Every scenario of a 中 risk scores 0, in a category that covers something elsewhere.
    Medium,
    /// One 小 scenario, its 中 risk covering something.
    Small,
}

impl RiskLevel {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RiskLevel::Large => lang.pick("大", "large"),
            RiskLevel::Medium => lang.pick("中", "medium"),
            RiskLevel::Small => lang.pick("小", "small"),
        }
    }
}

/// A control that would cover scenarios of an uncovered risk.
#[derive(Debug, Clone)]
pub struct Fix<'c> {
    pub control: &'c Control,
    pub status: ControlStatus,
    /// How many of the risk's scenarios scoring 0 it is linked to.
    pub covers: usize,
}

impl Fix<'_> {
    /// "Put in place …" for the hospital's own control, "Instruct the vendor: …" for the
    /// vendor's (p41: the vendor's controls are the hospital's to instruct).
    pub fn action(&self) -> Text {
        let c = self.control;
        match c.by {
            By::Hospital => text(
                format!("院内で実施：{}", c.ja),
                format!("Put in place: {}", c.en),
            ),
            By::Vendor => text(
                format!("事業者に依頼：{}", c.ask(Lang::Ja)),
                format!("Instruct the vendor: {}", c.ask(Lang::En)),
            ),
        }
    }
}

/// A risk all of whose scenarios score 0, at the highest level where that holds.
#[derive(Debug, Clone)]
pub struct UncoveredRisk<'c> {
    pub level: RiskLevel,
    pub id: &'c str,
    pub name: Text,
    pub category: &'c str,
    /// Scenarios scoring 0 under it, and how many of them are known to be uncovered (the rest
    /// are unknown: a control nobody has given a status for).
    pub scenarios: usize,
    pub known: usize,
    pub fix: Option<Fix<'c>>,
}

#[derive(Debug, Clone)]
pub struct CoverageSummary<'c> {
    pub overall: Tally,
    /// In catalogue order: (id, short name, tally).
    pub categories: Vec<(&'c str, Text, Tally)>,
    /// 大 first, then 中, then 小; catalogue order within a level.
    pub uncovered: Vec<UncoveredRisk<'c>>,
    pub unknown_controls: usize,
    pub controls: usize,
    /// Covered, known and unknown at once: 「網羅 41%（判明 68/83）」.
    pub figure: CoverageFigure,
    /// Per category, in catalogue order, the same figure over its own controls.
    pub category_figures: Vec<(&'c str, CoverageFigure)>,
    pub from_interview: usize,
    pub from_checklist: usize,
    pub from_vendor: usize,
    /// Controls on which two sources disagree (checklist はい, matrix 未実施).
    pub conflicts: usize,
}

impl<'c> CoverageSummary<'c> {
    pub fn of(cov: &Coverage<'c>) -> CoverageSummary<'c> {
        let catalog = cov.catalog;
        let zero = |s: LeafState| matches!(s, LeafState::Uncovered | LeafState::Unknown);
        let mut uncovered = Vec::new();
        for (cat, _) in &cov.categories {
            let leaves: Vec<_> = cov
                .leaves
                .iter()
                .filter(|l| l.scenario.category == cat.id && l.state != LeafState::Dropped)
                .collect();
            if leaves.is_empty() {
                continue;
            }
            if leaves.iter().all(|l| zero(l.state)) {
                uncovered.push(risk(
                    RiskLevel::Large,
                    &cat.id,
                    text(&cat.ja, &cat.en),
                    &cat.id,
                    &leaves,
                    cov,
                    catalog,
                ));
                continue;
            }
            for medium in catalog.mediums(&cat.id) {
                let under: Vec<_> = leaves
                    .iter()
                    .copied()
                    .filter(|l| l.scenario.parent == medium.id)
                    .collect();
                if under.is_empty() {
                    continue;
                }
                if under.iter().all(|l| zero(l.state)) {
                    uncovered.push(risk(
                        RiskLevel::Medium,
                        &medium.id,
                        text(&medium.ja, &medium.en),
                        &cat.id,
                        &under,
                        cov,
                        catalog,
                    ));
                } else {
                    for l in under.iter().filter(|l| zero(l.state)) {
                        uncovered.push(risk(
                            RiskLevel::Small,
                            &l.scenario.id,
                            text(&l.scenario.ja, &l.scenario.en),
                            &cat.id,
                            std::slice::from_ref(l),
                            cov,
                            catalog,
                        ));
                    }
                }
            }
        }
        uncovered.sort_by_key(|u| u.level);
        CoverageSummary {
            overall: cov.overall,
            categories: cov
                .categories
                .iter()
                .map(|(c, t)| (c.id.as_str(), text(&c.short_ja, &c.short_en), *t))
                .collect(),
            uncovered,
            unknown_controls: cov.unknown_controls(),
            controls: cov.controls.len(),
            figure: cov.figure(),
            category_figures: cov
                .categories
                .iter()
                .map(|(c, _)| (c.id.as_str(), cov.category_figure(&c.id)))
                .collect(),
            from_interview: cov.from_interview(),
            from_checklist: cov.from_rank(Rank::Checklist),
            from_vendor: cov.from_rank(Rank::Vendor),
            conflicts: cov.conflicts(),
        }
    }

    /// Nothing is known about any control: the coverage would be a 0% that says nothing.
    pub fn nothing_known(&self) -> bool {
        self.unknown_controls == self.controls
    }

    /// What is missing, with `how` to set a control where it is read (the screen's key, the
    /// command line's command).
    pub fn missing(&self, how: &Text) -> Vec<Text> {
        if self.nothing_known() {
            vec![text(
                format!(
                    "対策{}件の状態がすべて不明（ヒアリング・チェックリストの回答か、{}）",
                    self.controls, how.ja
                ),
                format!(
                    "the status of all {} controls is unknown (answer the interview or the checklist, or {})",
                    self.controls, how.en
                ),
            )]
        } else {
            Vec::new()
        }
    }
}

fn risk<'c>(
    level: RiskLevel,
    id: &'c str,
    name: Text,
    category: &'c str,
    leaves: &[&crate::domain::matrix::coverage::LeafCoverage<'c>],
    cov: &Coverage<'c>,
    catalog: &'c Catalog,
) -> UncoveredRisk<'c> {
    // The control linked to most of these scenarios that is not in place or not applicable;
    // catalogue order breaks a tie.
    let mut best: Option<Fix<'c>> = None;
    for control in &catalog.controls {
        let status = cov
            .control(&control.id)
            .map_or(ControlStatus::Unknown, |s| s.status);
        if !matches!(
            status,
            ControlStatus::Missing | ControlStatus::Unknown | ControlStatus::Partial
        ) {
            continue;
        }
        let covers = leaves
            .iter()
            .filter(|l| control.scenarios.contains(&l.scenario.id))
            .count();
        if covers > 0 && best.as_ref().is_none_or(|b| covers > b.covers) {
            best = Some(Fix {
                control,
                status,
                covers,
            });
        }
    }
    UncoveredRisk {
        level,
        id,
        name,
        category,
        scenarios: leaves.len(),
        known: leaves
            .iter()
            .filter(|l| l.state == LeafState::Uncovered)
            .count(),
        fix: best,
    }
}
