//! The rows of the revenue table (図２). MHLW's survey splits the smallest hospitals into 20–49
//! and 50–99 beds where the security survey has one class, 20–99; so a hospital's default
//! revenue comes from its row, and the class's requirement is the mean of the two rows (図７ ※1).

use crate::domain::cohort::BedClass;
use crate::domain::lang::Lang;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum RevenueRow {
    #[serde(rename = "b20_49")]
    B20To49,
    #[serde(rename = "b50_99")]
    B50To99,
    #[serde(rename = "b100_199")]
    B100To199,
    #[serde(rename = "b200_299")]
    B200To299,
    #[serde(rename = "b300_499")]
    B300To499,
    #[serde(rename = "b500_plus")]
    B500Plus,
}

impl RevenueRow {
    pub const ALL: [RevenueRow; 6] = [
        RevenueRow::B20To49,
        RevenueRow::B50To99,
        RevenueRow::B100To199,
        RevenueRow::B200To299,
        RevenueRow::B300To499,
        RevenueRow::B500Plus,
    ];

    /// `None` below 20 beds, like [`BedClass::of_beds`].
    pub fn of_beds(beds: i64) -> Option<RevenueRow> {
        Some(match BedClass::of_beds(beds)? {
            BedClass::B20To99 if beds < 50 => RevenueRow::B20To49,
            BedClass::B20To99 => RevenueRow::B50To99,
            BedClass::B100To199 => RevenueRow::B100To199,
            BedClass::B200To299 => RevenueRow::B200To299,
            BedClass::B300To499 => RevenueRow::B300To499,
            BedClass::B500Plus => RevenueRow::B500Plus,
        })
    }

    /// The survey's bed class the row belongs to.
    pub fn class(self) -> BedClass {
        match self {
            RevenueRow::B20To49 | RevenueRow::B50To99 => BedClass::B20To99,
            RevenueRow::B100To199 => BedClass::B100To199,
            RevenueRow::B200To299 => BedClass::B200To299,
            RevenueRow::B300To499 => BedClass::B300To499,
            RevenueRow::B500Plus => BedClass::B500Plus,
        }
    }

    /// The rows of a bed class: two for 20–99, one for the others.
    pub fn of_class(class: BedClass) -> Vec<RevenueRow> {
        RevenueRow::ALL
            .into_iter()
            .filter(|r| r.class() == class)
            .collect()
    }

    pub fn id(self) -> &'static str {
        match self {
            RevenueRow::B20To49 => "b20_49",
            RevenueRow::B50To99 => "b50_99",
            RevenueRow::B100To199 => "b100_199",
            RevenueRow::B200To299 => "b200_299",
            RevenueRow::B300To499 => "b300_499",
            RevenueRow::B500Plus => "b500_plus",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RevenueRow::B20To49 => lang.pick("20～49床", "20–49 beds"),
            RevenueRow::B50To99 => lang.pick("50～99床", "50–99 beds"),
            other => other.class().label(lang),
        }
    }

    /// The lowest and (for all but the last row) highest bed count of the row.
    pub fn beds(self) -> (i64, Option<i64>) {
        match self {
            RevenueRow::B20To49 => (20, Some(49)),
            RevenueRow::B50To99 => (50, Some(99)),
            RevenueRow::B100To199 => (100, Some(199)),
            RevenueRow::B200To299 => (200, Some(299)),
            RevenueRow::B300To499 => (300, Some(499)),
            RevenueRow::B500Plus => (500, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_hospital_takes_the_row_its_beds_fall_in() {
        assert_eq!(RevenueRow::of_beds(19), None);
        assert_eq!(RevenueRow::of_beds(20), Some(RevenueRow::B20To49));
        assert_eq!(RevenueRow::of_beds(49), Some(RevenueRow::B20To49));
        assert_eq!(RevenueRow::of_beds(50), Some(RevenueRow::B50To99));
        assert_eq!(RevenueRow::of_beds(99), Some(RevenueRow::B50To99));
        assert_eq!(RevenueRow::of_beds(100), Some(RevenueRow::B100To199));
        assert_eq!(RevenueRow::of_beds(1200), Some(RevenueRow::B500Plus));
        assert_eq!(
            RevenueRow::of_class(BedClass::B20To99),
            [RevenueRow::B20To49, RevenueRow::B50To99]
        );
        for row in RevenueRow::ALL {
            let (lo, hi) = row.beds();
            assert_eq!(RevenueRow::of_beds(lo), Some(row));
            if let Some(hi) = hi {
                assert_eq!(RevenueRow::of_beds(hi), Some(row));
                assert_ne!(RevenueRow::of_beds(hi + 1), Some(row));
            }
        }
    }
}
