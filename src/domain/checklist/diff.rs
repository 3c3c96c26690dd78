//! What changed between two editions: the items added, removed, merged, reworded and
//! renumbered — what a hospital re-reads when the MHLW publishes a new checklist.

use super::edition::{Edition, Merge};
use crate::domain::lang::Text;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reworded {
    pub id: String,
    pub from: Text,
    pub to: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renumbered {
    pub id: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EditionDiff {
    pub from: String,
    pub to: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub merged: Vec<Merge>,
    pub reworded: Vec<Reworded>,
    pub renumbered: Vec<Renumbered>,
}

/// Compares `a` (older) with `b` (newer). Merges are those either edition declares between
/// the two; their items count as merged, not as added or removed.
pub fn diff(a: &Edition, b: &Edition) -> EditionDiff {
    let mut merged: Vec<Merge> = Vec::new();
    if b.previous.as_deref() == Some(a.id.as_str()) {
        merged.extend(b.merged.iter().cloned());
    }
    if a.previous.as_deref() == Some(b.id.as_str()) {
        // Read backwards: what `a` merged is, from `a` to `b`, a split; shown as the merge it is.
        merged.extend(a.merged.iter().cloned());
    }
    let in_merge = |id: &str| {
        merged
            .iter()
            .any(|m| m.into == id || m.from.iter().any(|f| f == id))
    };
    let added = b
        .items
        .iter()
        .filter(|i| a.item(&i.id).is_none() && !in_merge(&i.id))
        .map(|i| i.id.clone())
        .collect();
    let removed = a
        .items
        .iter()
        .filter(|i| b.item(&i.id).is_none() && !in_merge(&i.id))
        .map(|i| i.id.clone())
        .collect();
    let mut reworded = Vec::new();
    let mut renumbered = Vec::new();
    for ia in &a.items {
        let Some(ib) = b.item(&ia.id) else { continue };
        if ia.text != ib.text || ia.vendor_text != ib.vendor_text {
            reworded.push(Reworded {
                id: ia.id.clone(),
                from: ia.text.clone(),
                to: ib.text.clone(),
            });
        }
        if ia.number != ib.number {
            renumbered.push(Renumbered {
                id: ia.id.clone(),
                from: ia.number.clone(),
                to: ib.number.clone(),
            });
        }
    }
    EditionDiff {
        from: a.id.clone(),
        to: b.id.clone(),
        added,
        removed,
        merged,
        reworded,
        renumbered,
    }
}
