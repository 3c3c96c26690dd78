//! The risk-matrix categories a checklist item may point at, read from the risk catalogue
//! (`assets/risk-catalog.json`) so that the checklist and the matrix share one list: a category
//! renamed or added there is what the checklist sees. [`category`] is all the rest of the
//! checklist calls.

use crate::domain::catalog::Catalog;
use crate::domain::lang::Text;
use std::sync::OnceLock;

pub struct RiskCategory {
    pub id: &'static str,
    pub ja: &'static str,
    pub en: &'static str,
}

impl RiskCategory {
    pub fn name(&self) -> Text {
        Text {
            ja: self.ja.to_string(),
            en: self.en.to_string(),
        }
    }
}

/// The catalogue's categories, borrowed from the embedded catalogue (which lives as long as the
/// program).
fn categories() -> &'static [RiskCategory] {
    static C: OnceLock<Vec<RiskCategory>> = OnceLock::new();
    C.get_or_init(|| {
        Catalog::embedded()
            .categories
            .iter()
            .map(|c| RiskCategory {
                id: c.id.as_str(),
                ja: c.ja.as_str(),
                en: c.en.as_str(),
            })
            .collect()
    })
}

pub fn category(id: &str) -> Option<&'static RiskCategory> {
    categories().iter().find(|c| c.id == id)
}

pub fn category_ids() -> Vec<&'static str> {
    categories().iter().map(|c| c.id).collect()
}
