//! The vendor brief: the vendor's controls that are not in place, worded as what the hospital
//! asks — the tool the report (p36–p38) says hospitals lack to speak to their vendor as the
//! system's owner rather than its user.

use super::coverage::Coverage;
use super::source::StatusSource;
use crate::domain::catalog::{By, Control, Phase, Scenario};
use crate::domain::lang::Lang;
use crate::domain::record::control::ControlStatus;
use std::collections::BTreeMap;

/// One request to the vendor.
#[derive(Debug, Clone)]
pub struct Request<'c> {
    pub control: &'c Control,
    /// Missing, partial or unknown — or any status, for a control the hospital marked
    /// わからない（事業者に確認）.
    pub status: ControlStatus,
    /// The hospital marked it わからない（事業者に確認）: a hospital's own control may be among
    /// them, which the vendor is asked about rather than asked to do.
    pub ask_vendor: bool,
    pub source: StatusSource,
    pub note: Option<String>,
    /// Every phase where the control matters; the request is filed under the first.
    pub phases: Vec<&'c Phase>,
    /// The scenarios it keeps from happening: the reason to give the vendor.
    pub scenarios: Vec<&'c Scenario>,
}

impl Request<'_> {
    /// How a request states the hospital's view of the control: "unknown" becomes "to be
    /// confirmed", which is what the hospital wants the vendor to answer.
    pub fn now_label(&self, lang: Lang) -> &'static str {
        if self.ask_vendor {
            return lang.pick(
                "当院では分かりません（実施状況を教えてください）",
                "we cannot tell (please tell us)",
            );
        }
        match self.status {
            ControlStatus::Missing => lang.pick("未実施", "not done"),
            ControlStatus::Partial => lang.pick("一部実施", "partly done"),
            _ => lang.pick(
                "未確認（実施状況を教えてください）",
                "not confirmed (please tell us)",
            ),
        }
    }
}

#[derive(Debug, Clone)]
pub struct PhaseGroup<'c> {
    pub phase: &'c Phase,
    pub requests: Vec<Request<'c>>,
}

#[derive(Debug, Clone)]
pub struct SystemGroup<'c> {
    /// The vendor system named on the controls (電子カルテ…); `None` for those not yet named.
    pub system: Option<String>,
    pub phases: Vec<PhaseGroup<'c>>,
}

#[derive(Debug, Clone)]
pub struct VendorBrief<'c> {
    /// Named systems in name order, then the unnamed group.
    pub systems: Vec<SystemGroup<'c>>,
    /// Vendor controls in place or not applicable, which need no request (unless the hospital
    /// asks about them all the same).
    pub settled: usize,
}

impl<'c> VendorBrief<'c> {
    pub fn of(coverage: &Coverage<'c>) -> VendorBrief<'c> {
        let catalog = coverage.catalog;
        let mut by_system: BTreeMap<Option<String>, Vec<Request<'c>>> = BTreeMap::new();
        let mut settled = 0;
        for state in coverage
            .controls
            .iter()
            .filter(|c| c.control.by == By::Vendor || c.ask_vendor)
        {
            let done = matches!(
                state.status,
                ControlStatus::InPlace | ControlStatus::NotApplicable
            );
            // Only a vendor control gets this far unmarked.
            if done && !state.ask_vendor {
                settled += 1;
                continue;
            }
            let request = Request {
                control: state.control,
                status: state.status,
                ask_vendor: state.ask_vendor,
                source: state.source.clone(),
                note: state.note.clone(),
                phases: catalog.control_phases(state.control),
                scenarios: state
                    .control
                    .scenarios
                    .iter()
                    .filter_map(|s| catalog.scenario(s))
                    .collect(),
            };
            by_system
                .entry(state.system.clone())
                .or_default()
                .push(request);
        }
        // BTreeMap puts `None` first; the unnamed group reads better last.
        let mut entries: Vec<_> = by_system.into_iter().collect();
        entries.sort_by_key(|(system, _)| system.is_none());
        let systems = entries
            .into_iter()
            .map(|(system, requests)| SystemGroup {
                system,
                phases: group_by_phase(&catalog.phases, requests),
            })
            .collect();
        VendorBrief { systems, settled }
    }

    pub fn is_empty(&self) -> bool {
        self.systems.is_empty()
    }

    /// What the brief asks, in one sentence the command line and the report both print:
    /// 「依頼 3件（事業者が実施する対策のうち、実施済み・対象外の5件は除く）」, or when nothing is
    /// asked, that every vendor control is settled.
    pub fn describe(&self, lang: Lang) -> String {
        let settled = self.settled;
        if self.is_empty() {
            return match lang {
                Lang::Ja => format!(
                    "依頼する事項はありません：事業者が実施する対策{settled}件はすべて実施済みか対象外です。"
                ),
                Lang::En => format!(
                    "Nothing to ask: all {settled} vendor controls are in place or not applicable."
                ),
            };
        }
        let n = self.len();
        match lang {
            Lang::Ja => format!(
                "依頼 {n}件（事業者が実施する対策のうち、実施済み・対象外の{settled}件は除く）"
            ),
            Lang::En => format!(
                "{n} requests (the {settled} vendor controls in place or not applicable are left out)"
            ),
        }
    }

    pub fn len(&self) -> usize {
        self.systems
            .iter()
            .flat_map(|s| &s.phases)
            .map(|p| p.requests.len())
            .sum()
    }
}

fn group_by_phase<'c>(phases: &'c [Phase], requests: Vec<Request<'c>>) -> Vec<PhaseGroup<'c>> {
    let mut groups: Vec<PhaseGroup<'c>> = phases
        .iter()
        .map(|phase| PhaseGroup {
            phase,
            requests: Vec::new(),
        })
        .collect();
    for r in requests {
        let first = r.phases.first().map(|p| p.id.as_str());
        if let Some(g) = groups
            .iter_mut()
            .find(|g| Some(g.phase.id.as_str()) == first)
        {
            g.requests.push(r);
        }
    }
    groups.retain(|g| !g.requests.is_empty());
    groups
}
