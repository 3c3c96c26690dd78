//! What the drill-down leaves out: scenarios something already covers (`u`), and the controls of
//! the other side (`f`: all → the hospital's → the vendor's). The heat map's percentages never
//! change with a filter — coverage is coverage; a filter only narrows the lists, so that a
//! hospital can go through what is left to do, or through what it must ask its vendor.

use crate::domain::matrix::coverage::LeafCoverage;
use crate::domain::matrix::{By, Catalog, Control, LeafState};
use crate::domain::Lang;

/// Whose controls the lists show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    #[default]
    All,
    Hospital,
    Vendor,
}

impl Side {
    fn next(self) -> Side {
        match self {
            Side::All => Side::Hospital,
            Side::Hospital => Side::Vendor,
            Side::Vendor => Side::All,
        }
    }

    fn by(self) -> Option<By> {
        match self {
            Side::All => None,
            Side::Hospital => Some(By::Hospital),
            Side::Vendor => Some(By::Vendor),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filter {
    /// Only the scenarios that score 0 (uncovered, or unknown).
    pub uncovered: bool,
    pub side: Side,
}

impl Filter {
    pub fn toggle_uncovered(&mut self) {
        self.uncovered = !self.uncovered;
    }

    pub fn cycle_side(&mut self) {
        self.side = self.side.next();
    }

    pub fn keeps_control(&self, control: &Control) -> bool {
        self.side.by().is_none_or(|by| control.by == by)
    }

    /// A scenario stays when it scores 0 (if asked) and has a control of the side shown, so that
    /// "vendor" lists the risks the hospital must raise with its vendor.
    pub fn keeps_leaf(&self, leaf: &LeafCoverage<'_>, catalog: &Catalog) -> bool {
        let zero = matches!(leaf.state, LeafState::Uncovered | LeafState::Unknown);
        if self.uncovered && !zero {
            return false;
        }
        leaf.controls
            .iter()
            .filter_map(|c| catalog.control(c.id))
            .any(|c| self.keeps_control(c))
    }

    /// What the title says: empty when nothing is filtered.
    pub fn label(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if self.uncovered {
            parts.push(lang.pick("未対策のみ", "uncovered only"));
        }
        match self.side {
            Side::All => {}
            Side::Hospital => parts.push(lang.pick("病院の対策", "hospital controls")),
            Side::Vendor => parts.push(lang.pick("事業者の対策", "vendor controls")),
        }
        parts.join(lang.pick("・", ", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_side_cycles_through_three_and_the_label_names_each_filter() {
        let mut f = Filter::default();
        assert_eq!(f.label(Lang::Ja), "");
        f.cycle_side();
        assert_eq!(f.side, Side::Hospital);
        f.cycle_side();
        f.toggle_uncovered();
        assert_eq!(f.label(Lang::Ja), "未対策のみ・事業者の対策");
        assert_eq!(f.label(Lang::En), "uncovered only, vendor controls");
        f.cycle_side();
        assert_eq!(f.side, Side::All);
        assert_eq!(f.label(Lang::En), "uncovered only");
    }
}
