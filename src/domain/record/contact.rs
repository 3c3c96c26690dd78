//! The contact chart's entries as a record holds them (連絡体制図, checklist item 3(1)): plain
//! data, so that the record needs nothing from `domain::contacts`, which changes them.

use crate::domain::lang::Lang;
use serde::{Deserialize, Serialize};

/// A place on the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    SecurityManager,
    Director,
    InformationSystems,
    OnCall,
    /// One per vendor named in the record.
    Vendor,
    HealthOffice,
    Police,
    Mhlw,
    Insurer,
}

impl Position {
    pub const ALL: [Position; 9] = [
        Position::SecurityManager,
        Position::Director,
        Position::InformationSystems,
        Position::OnCall,
        Position::Vendor,
        Position::HealthOffice,
        Position::Police,
        Position::Mhlw,
        Position::Insurer,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Position::SecurityManager => "security_manager",
            Position::Director => "director",
            Position::InformationSystems => "information_systems",
            Position::OnCall => "on_call",
            Position::Vendor => "vendor",
            Position::HealthOffice => "health_office",
            Position::Police => "police",
            Position::Mhlw => "mhlw",
            Position::Insurer => "insurer",
        }
    }

    pub fn parse(s: &str) -> Option<Position> {
        Position::ALL.into_iter().find(|p| p.id() == s.trim())
    }

    pub fn ids() -> Vec<&'static str> {
        Position::ALL.iter().map(|p| p.id()).collect()
    }

    pub fn internal(self) -> bool {
        matches!(
            self,
            Position::SecurityManager
                | Position::Director
                | Position::InformationSystems
                | Position::OnCall
        )
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Position::SecurityManager => lang.pick(
                "医療情報システム安全管理責任者",
                "Security manager of the medical information systems",
            ),
            Position::Director => lang.pick("院長・管理者", "Director or administrator"),
            Position::InformationSystems => {
                lang.pick("情報システム担当", "Information systems staff")
            }
            Position::OnCall => lang.pick("夜間・休日の当直", "On call (nights, holidays)"),
            Position::Vendor => lang.pick("事業者（保守窓口）", "Vendor (support desk)"),
            Position::HealthOffice => lang.pick(
                "都道府県の医療安全・医務担当（保健所）",
                "Prefecture's health office (medical affairs)",
            ),
            Position::Police => lang.pick(
                "都道府県警察 サイバー犯罪相談窓口",
                "Prefectural police cyber-crime desk",
            ),
            Position::Mhlw => lang.pick("厚生労働省の連絡先", "MHLW contact"),
            Position::Insurer => lang.pick("サイバー保険の保険会社", "Cyber insurer"),
        }
    }
}

/// One entry of the chart, as the hospital typed it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub position: Option<Position>,
    /// For a vendor's entry: which vendor and system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The person's role or title (役職).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Copied from last year's record and not confirmed (or changed) since: a number that may
    /// have changed is not counted as filled.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
}

impl Contact {
    /// A place counts as filled when someone can be called: a phone number, and a name or an
    /// organisation where the place is a person (the security manager, the director, the
    /// information systems staff). The checklist's 3(2) asks for a chart of whom to contact
    /// inside and outside (事業者、厚生労働省、警察等): the police's consultation desk, the health
    /// office, MHLW, the insurer and the night duty are reached by their number alone — the
    /// place is the body or the line — and a vendor's place names the vendor already.
    pub fn is_filled(&self) -> bool {
        let named = self.name.is_some() || self.organisation.is_some();
        let a_person = matches!(
            self.position,
            None | Some(
                Position::SecurityManager | Position::Director | Position::InformationSystems
            )
        );
        self.phone.is_some() && (named || !a_person)
    }

    pub(crate) fn is_for(&self, position: Position, vendor: Option<(&str, &str)>) -> bool {
        self.position == Some(position)
            && match vendor {
                Some((v, s)) => {
                    self.vendor.as_deref() == Some(v) && self.system.as_deref() == Some(s)
                }
                None => self.vendor.is_none(),
            }
    }
}
