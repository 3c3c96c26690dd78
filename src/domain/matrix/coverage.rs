//! What a record's control statuses leave covered, at every level a heat map or a drill-down
//! shows: each small scenario, each 中 risk, category, phase, category × phase cell and overall.
//!
//! The rules (`risk-matrix.md`): a small scenario is covered (1) when one of its controls is in
//! place, or a missing one is compensated by a control in place; half covered (0.5) when the
//! best it has — its own controls, or the compensators of a missing one — is partial; uncovered
//! (0) otherwise. It drops out when all its controls are not applicable. Unknown counts as
//! uncovered, and is counted apart so that a screen can say how much is merely not known. A
//! compensation stands in only for a control that is *missing* (the report: 対策CがNGの場合):
//! an unknown or partial control is not known to be NG.

use super::figure::CoverageFigure;
use super::source::Rank;
pub use super::state::ControlState;
use super::state::Sources;
use crate::domain::catalog::{Catalog, Category, Phase, Scenario};
use crate::domain::lang::Lang;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::record::control::ControlStatus;
use crate::domain::record::Record;
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LeafState {
    Covered,
    Half,
    Uncovered,
    /// Uncovered as far as is known, with a control (or a compensator of a missing one) whose
    /// status nobody has given.
    Unknown,
    /// Every control is not applicable: the scenario does not arise here.
    Dropped,
}

impl LeafState {
    pub fn id(self) -> &'static str {
        match self {
            LeafState::Covered => "covered",
            LeafState::Half => "half",
            LeafState::Uncovered => "uncovered",
            LeafState::Unknown => "unknown",
            LeafState::Dropped => "dropped",
        }
    }

    pub fn label(self, lang: crate::domain::Lang) -> &'static str {
        match self {
            LeafState::Covered => lang.pick("対策済み", "covered"),
            LeafState::Half => lang.pick("一部対策", "half covered"),
            LeafState::Uncovered => lang.pick("未対策", "uncovered"),
            LeafState::Unknown => lang.pick("不明", "unknown"),
            LeafState::Dropped => lang.pick("対象外", "not applicable"),
        }
    }

    /// The scenario's share of coverage; `None` when it drops out.
    pub fn score(self) -> Option<f64> {
        match self {
            LeafState::Covered => Some(1.0),
            LeafState::Half => Some(0.5),
            LeafState::Uncovered | LeafState::Unknown => Some(0.0),
            LeafState::Dropped => None,
        }
    }
}

/// How a scenario got its coverage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via<'c> {
    /// One of its own controls.
    Own(&'c str),
    /// Its control `missing` is missing and `by` stands in for it.
    Compensated { missing: &'c str, by: &'c str },
}

/// A control as a scenario's drill-down lists it: its status and what stands in for it.
#[derive(Debug, Clone)]
pub struct LinkedControl<'c> {
    pub id: &'c str,
    pub status: ControlStatus,
    pub compensated_by: Vec<(&'c str, ControlStatus)>,
}

#[derive(Debug, Clone)]
pub struct LeafCoverage<'c> {
    pub scenario: &'c Scenario,
    pub state: LeafState,
    pub via: Option<Via<'c>>,
    pub controls: Vec<LinkedControl<'c>>,
}

/// The small scenarios of a group by state, and the group's coverage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub covered: usize,
    pub half: usize,
    pub uncovered: usize,
    pub unknown: usize,
    pub dropped: usize,
}

impl Tally {
    pub fn add(&mut self, state: LeafState) {
        match state {
            LeafState::Covered => self.covered += 1,
            LeafState::Half => self.half += 1,
            LeafState::Uncovered => self.uncovered += 1,
            LeafState::Unknown => self.unknown += 1,
            LeafState::Dropped => self.dropped += 1,
        }
    }

    /// The small risks by state, as the report and `shindan check` word them:
    /// 「対策済み3・一部1・未対策5・不明2・対象外0」.
    pub fn describe(&self, lang: Lang) -> String {
        let Tally {
            covered,
            half,
            uncovered,
            unknown,
            dropped,
        } = *self;
        match lang {
            Lang::Ja => format!(
                "対策済み{covered}・一部{half}・未対策{uncovered}・不明{unknown}・対象外{dropped}"
            ),
            Lang::En => format!(
                "{covered} covered, {half} half, {uncovered} uncovered, {unknown} unknown, {dropped} not applicable"
            ),
        }
    }

    /// Every scenario of the group, dropped ones included.
    pub fn total(&self) -> usize {
        self.counted() + self.dropped
    }

    /// The scenarios the coverage is the mean of.
    pub fn counted(&self) -> usize {
        self.covered + self.half + self.uncovered + self.unknown
    }

    /// More than half of the scenarios the coverage is the mean of are unknown: the percentage
    /// says more about what nobody has answered than about the hospital, and a heat map marks
    /// the group instead of showing a 0% that is only not known.
    pub fn mostly_unknown(&self) -> bool {
        self.unknown * 2 > self.counted()
    }

    /// No scenario arises in this group at all (a blank cell, not a 0% one).
    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    /// The mean score, 0–1; `None` when no scenario counts (empty, or all dropped out).
    pub fn coverage(&self) -> Option<f64> {
        let n = self.counted();
        (n > 0).then(|| (self.covered as f64 + 0.5 * self.half as f64) / n as f64)
    }

    /// The coverage as a whole percentage, rounded down so that 99.5% never shows as 100%.
    pub fn percent(&self) -> Option<u8> {
        self.coverage().map(|c| (c * 100.0 + 1e-9).floor() as u8)
    }
}

/// A 中 risk with its small scenarios, as the drill-down shows it.
#[derive(Debug, Clone)]
pub struct Branch<'a, 'c> {
    pub medium: &'c Scenario,
    pub tally: Tally,
    pub leaves: Vec<&'a LeafCoverage<'c>>,
}

#[derive(Debug, Clone)]
pub struct Coverage<'c> {
    pub catalog: &'c Catalog,
    /// Every control in catalogue order.
    pub controls: Vec<ControlState<'c>>,
    /// Every small scenario in catalogue order.
    pub leaves: Vec<LeafCoverage<'c>>,
    pub overall: Tally,
    /// Per category, in catalogue order.
    pub categories: Vec<(&'c Category, Tally)>,
    /// Per phase, in life-cycle order.
    pub phases: Vec<(&'c Phase, Tally)>,
    /// `cells[category][phase]`, both in catalogue order.
    pub cells: Vec<Vec<Tally>>,
    /// Per medium risk, in catalogue order.
    pub mediums: Vec<(&'c Scenario, Tally)>,
}

impl<'c> Coverage<'c> {
    /// The coverage of a record on a catalogue, with the shipped crosswalk and checklist
    /// editions.
    pub fn of(catalog: &'c Catalog, record: &Record, qn: &'c Questionnaire) -> Coverage<'c> {
        Coverage::with(&Sources::of(catalog, qn), record)
    }

    pub fn with(sources: &Sources<'c>, record: &Record) -> Coverage<'c> {
        let catalog = sources.catalog;
        let controls: Vec<ControlState<'c>> = catalog
            .controls
            .iter()
            .map(|c| ControlState::of(sources, c, record))
            .collect();
        // What was carried from last year counts as unknown until confirmed (`carried`): the
        // status is shown as it was, but covers nothing yet.
        let status = |id: &str| {
            controls
                .iter()
                .find(|s| s.control.id == id)
                .map_or(ControlStatus::Unknown, ControlState::counted)
        };
        let mut leaves: Vec<LeafCoverage<'c>> = catalog
            .leaves()
            .map(|s| leaf(catalog, s, &status))
            .collect();
        // Category order, whatever order the file lists them in: lists of uncovered scenarios
        // then read category by category, as the heat map does.
        let rank = |id: &str| catalog.categories.iter().position(|c| c.id == id);
        leaves.sort_by_key(|l| rank(&l.scenario.category));

        let tally_of = |keep: &dyn Fn(&Scenario) -> bool| {
            let mut t = Tally::default();
            for l in leaves.iter().filter(|l| keep(l.scenario)) {
                t.add(l.state);
            }
            t
        };
        let overall = tally_of(&|_| true);
        let categories = catalog
            .categories
            .iter()
            .map(|c| (c, tally_of(&|s| s.category == c.id)))
            .collect();
        let phases = catalog
            .phases
            .iter()
            .map(|p| (p, tally_of(&|s| s.phases.contains(&p.id))))
            .collect();
        let cells = catalog
            .categories
            .iter()
            .map(|c| {
                catalog
                    .phases
                    .iter()
                    .map(|p| tally_of(&|s| s.category == c.id && s.phases.contains(&p.id)))
                    .collect()
            })
            .collect();
        let mediums = catalog
            .scenarios
            .iter()
            .filter(|s| !s.is_leaf())
            .map(|m| (m, tally_of(&|s| s.parent == m.id)))
            .collect();
        Coverage {
            catalog,
            controls,
            leaves,
            overall,
            categories,
            phases,
            cells,
            mediums,
        }
    }

    pub fn control(&self, id: &str) -> Option<&ControlState<'c>> {
        self.controls.iter().find(|c| c.control.id == id)
    }

    pub fn leaf(&self, id: &str) -> Option<&LeafCoverage<'c>> {
        self.leaves.iter().find(|l| l.scenario.id == id)
    }

    pub fn category(&self, id: &str) -> Option<Tally> {
        self.categories
            .iter()
            .find(|(c, _)| c.id == id)
            .map(|(_, t)| *t)
    }

    pub fn phase(&self, id: &str) -> Option<Tally> {
        self.phases
            .iter()
            .find(|(p, _)| p.id == id)
            .map(|(_, t)| *t)
    }

    pub fn medium(&self, id: &str) -> Option<Tally> {
        self.mediums
            .iter()
            .find(|(m, _)| m.id == id)
            .map(|(_, t)| *t)
    }

    pub fn cell(&self, category: &str, phase: &str) -> Option<Tally> {
        let c = self
            .catalog
            .categories
            .iter()
            .position(|c| c.id == category)?;
        let p = self.catalog.phases.iter().position(|p| p.id == phase)?;
        Some(self.cells[c][p])
    }

    /// The small scenarios that score 0 (uncovered or unknown), in catalogue order.
    pub fn uncovered(&self) -> impl Iterator<Item = &LeafCoverage<'c>> {
        self.leaves
            .iter()
            .filter(|l| matches!(l.state, LeafState::Uncovered | LeafState::Unknown))
    }

    /// How many controls nobody has given a status for.
    pub fn unknown_controls(&self) -> usize {
        self.controls.iter().filter(|c| !c.is_known()).count()
    }

    /// How many controls take their status from the interview (this year's answers).
    pub fn from_interview(&self) -> usize {
        self.controls
            .iter()
            .filter(|c| !c.carried && c.from_interview())
            .count()
    }

    /// How many controls take their status from a source of this rank, given this year: a
    /// status resting on what was carried counts under [`Coverage::carried`] instead.
    pub fn from_rank(&self, rank: Rank) -> usize {
        self.controls
            .iter()
            .filter(|c| !c.carried && c.source.rank() == rank)
            .count()
    }

    /// How many controls' statuses rest on last year's word, to confirm.
    pub fn carried(&self) -> usize {
        self.controls.iter().filter(|c| c.carried).count()
    }

    /// Where the controls' statuses come from, in one sentence for every surface:
    /// `チェックリストの回答から9件、ヒアリングの回答から4件、…、食い違い1件`.
    pub fn status_counts(&self, lang: crate::domain::Lang) -> String {
        let parts = [
            (
                ("チェックリストの回答から", "from the checklist"),
                self.from_rank(Rank::Checklist),
            ),
            (
                ("ヒアリングの回答から", "from the interview"),
                self.from_rank(Rank::Interview),
            ),
            (
                ("事業者の回答から", "from vendors' forms"),
                self.from_rank(Rank::Vendor),
            ),
            (
                ("病院の設定", "set by the hospital"),
                self.from_rank(Rank::User),
            ),
            (("不明", "unknown"), self.unknown_controls()),
            (("食い違い", "in conflict"), self.conflicts()),
        ];
        // Unknown includes what was carried: said beside it, so no carried status reads as
        // one of this year's sources.
        let carried = match (self.carried(), lang) {
            (0, _) => String::new(),
            (n, crate::domain::Lang::Ja) => format!("（うち前年から未確認{n}件）"),
            (n, crate::domain::Lang::En) => format!(" ({n} of them carried, to confirm)"),
        };
        let said: Vec<String> = parts
            .iter()
            .map(|((ja, en), n)| {
                let tail = if *ja == "不明" {
                    carried.as_str()
                } else {
                    ""
                };
                match lang {
                    crate::domain::Lang::Ja => format!("{ja}{n}件{tail}"),
                    crate::domain::Lang::En => format!("{n} {en}{tail}"),
                }
            })
            .collect();
        said.join(lang.pick("、", ", "))
    }

    /// How many controls have two sources disagreeing on them.
    pub fn conflicts(&self) -> usize {
        self.controls.iter().filter(|c| c.conflict).count()
    }

    /// Covered, known and unknown overall: 「網羅 41%（判明 68/83）」.
    pub fn figure(&self) -> CoverageFigure {
        self.figure_where(&|_| true)
    }

    /// The figure of one category's small risks, over the controls linked to them.
    pub fn category_figure(&self, category: &str) -> CoverageFigure {
        self.figure_where(&|s| s.category == category)
    }

    /// The figure of one phase's small risks.
    pub fn phase_figure(&self, phase: &str) -> CoverageFigure {
        self.figure_where(&|s| s.phases.iter().any(|p| p == phase))
    }

    /// The figure of one category × phase cell.
    pub fn cell_figure(&self, category: &str, phase: &str) -> CoverageFigure {
        self.figure_where(&|s| s.category == category && s.phases.iter().any(|p| p == phase))
    }

    fn figure_where(&self, keep: &dyn Fn(&Scenario) -> bool) -> CoverageFigure {
        let mut tally = Tally::default();
        let mut linked: HashSet<&str> = HashSet::new();
        for l in self.leaves.iter().filter(|l| keep(l.scenario)) {
            tally.add(l.state);
            linked.extend(l.controls.iter().map(|c| c.id));
        }
        let states = self
            .controls
            .iter()
            .filter(|c| linked.contains(c.control.id.as_str()));
        let (mut known, mut controls) = (0, 0);
        for c in states {
            controls += 1;
            known += usize::from(c.is_known());
        }
        CoverageFigure {
            tally,
            known,
            controls,
        }
    }

    /// A category's 中 risks with their small scenarios, only those arising in `phase` when one
    /// is given (a heat-map cell's drill-down). 中 risks with no scenario there are left out.
    pub fn tree<'a>(&'a self, category: &str, phase: Option<&str>) -> Vec<Branch<'a, 'c>> {
        self.catalog
            .scenarios
            .iter()
            .filter(|m| !m.is_leaf() && m.category == category)
            .filter_map(|m| {
                let leaves: Vec<&LeafCoverage<'c>> = self
                    .leaves
                    .iter()
                    .filter(|l| l.scenario.parent == m.id)
                    .filter(|l| phase.is_none_or(|p| l.scenario.phases.iter().any(|x| x == p)))
                    .collect();
                if leaves.is_empty() {
                    return None;
                }
                let mut tally = Tally::default();
                for l in &leaves {
                    tally.add(l.state);
                }
                Some(Branch {
                    medium: m,
                    tally,
                    leaves,
                })
            })
            .collect()
    }
}

fn leaf<'c>(
    catalog: &'c Catalog,
    scenario: &'c Scenario,
    status: &dyn Fn(&str) -> ControlStatus,
) -> LeafCoverage<'c> {
    let controls: Vec<LinkedControl<'c>> = catalog
        .controls_of(&scenario.id)
        .map(|c| LinkedControl {
            id: c.id.as_str(),
            status: status(&c.id),
            compensated_by: catalog
                .compensators_of(&c.id)
                .map(|a| (a.id.as_str(), status(&a.id)))
                .collect(),
        })
        .collect();
    let (state, via) = judge(&controls);
    LeafCoverage {
        scenario,
        state,
        via,
        controls,
    }
}

/// The rules of the module doc, on one scenario's controls.
fn judge<'c>(controls: &[LinkedControl<'c>]) -> (LeafState, Option<Via<'c>>) {
    use ControlStatus as S;
    if controls.iter().all(|c| c.status == S::NotApplicable) {
        return (LeafState::Dropped, None);
    }
    let stand_in = |want: S| {
        controls
            .iter()
            .filter(|c| c.status == S::Missing)
            .find_map(|c| {
                c.compensated_by
                    .iter()
                    .find(|(_, s)| *s == want)
                    .map(|(by, _)| Via::Compensated { missing: c.id, by })
            })
    };
    let own = |want: S| {
        controls
            .iter()
            .find(|c| c.status == want)
            .map(|c| Via::Own(c.id))
    };
    if let Some(via) = own(S::InPlace).or_else(|| stand_in(S::InPlace)) {
        return (LeafState::Covered, Some(via));
    }
    if let Some(via) = own(S::Partial).or_else(|| stand_in(S::Partial)) {
        return (LeafState::Half, Some(via));
    }
    let unknown = controls.iter().any(|c| {
        c.status == S::Unknown
            || (c.status == S::Missing && c.compensated_by.iter().any(|(_, s)| *s == S::Unknown))
    });
    if unknown {
        (LeafState::Unknown, None)
    } else {
        (LeafState::Uncovered, None)
    }
}
