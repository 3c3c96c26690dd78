//! Where the overview's next step lands on the matrix (Enter on a step): a control opens in
//! the controls of its first scenario, with the cursor on it, ready for its status key; a risk
//! opens the heat map on its category's row (or its scenario's cell).

use super::{catalog, Level, MatrixScreen, Spot};
use crate::domain::overview::Target;

impl MatrixScreen {
    pub(super) fn land(&mut self, target: &Target) {
        match target {
            Target::Control { id } => self.go_to_control(id),
            Target::Risk { id } => {
                let cat = catalog();
                let (category, phase) = match cat.scenario(id) {
                    Some(s) => (s.category.as_str(), s.phases.first().map(String::as_str)),
                    None => (id.as_str(), None),
                };
                if let Some(row) = cat.categories.iter().position(|c| c.id == category) {
                    let col = phase
                        .and_then(|p| cat.phases.iter().position(|x| x.id == p))
                        .unwrap_or(self.spot.col);
                    self.spot = Spot { row, col };
                    self.level = Level::Heat;
                }
            }
            _ => {}
        }
    }
}
