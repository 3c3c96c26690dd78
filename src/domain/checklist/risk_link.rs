//! The risk-matrix categories a checklist item may point at.
//!
//! The risk catalogue (`assets/risk-catalog.json`) is built on another branch; until it lands,
//! the nine category ids of the report (p39, `risk-matrix.md`) are listed here, and this is the
//! one place to switch to the catalogue: [`category`] is all the rest of the checklist calls.

use crate::domain::lang::Text;

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

pub const CATEGORIES: [RiskCategory; 9] = [
    RiskCategory {
        id: "authentication",
        ja: "本人認証・認可上のリスク",
        en: "Authentication and authorisation",
    },
    RiskCategory {
        id: "identity_access",
        ja: "ID・権限管理上のリスク",
        en: "Identity and privilege management",
    },
    RiskCategory {
        id: "traceability",
        ja: "トレーサビリティ管理上のリスク",
        en: "Traceability (logs, audit trail)",
    },
    RiskCategory {
        id: "media_devices",
        ja: "媒体・機器等管理上のリスク",
        en: "Media and device management",
    },
    RiskCategory {
        id: "maintenance",
        ja: "システムメンテナンス上のリスク",
        en: "System maintenance (incl. remote maintenance)",
    },
    RiskCategory {
        id: "personnel",
        ja: "人的管理上のリスク",
        en: "People (staff, contractors, training)",
    },
    RiskCategory {
        id: "incident_response",
        ja: "インシデントレスポンス上のリスク",
        en: "Incident response and continuity",
    },
    RiskCategory {
        id: "network",
        ja: "ネットワークセキュリティ上のリスク",
        en: "Network security",
    },
    RiskCategory {
        id: "governance",
        ja: "セキュリティガバナンスリスク",
        en: "Security governance",
    },
];

pub fn category(id: &str) -> Option<&'static RiskCategory> {
    CATEGORIES.iter().find(|c| c.id == id)
}

pub fn category_ids() -> Vec<&'static str> {
    CATEGORIES.iter().map(|c| c.id).collect()
}
