//! The survey's two ways of grouping hospitals: bed-size class and founder (開設者).

use super::lang::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The survey's bed-size classes (report section 2). The budget model splits the first one
/// into the 20–49 and 50–99 rows of its revenue table; see
/// [`RevenueRow::of_beds`](crate::domain::budget::RevenueRow::of_beds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BedClass {
    #[serde(rename = "b20_99")]
    B20To99,
    #[serde(rename = "b100_199")]
    B100To199,
    #[serde(rename = "b200_299")]
    B200To299,
    #[serde(rename = "b300_499")]
    B300To499,
    #[serde(rename = "b500_plus")]
    B500Plus,
}

/// Fewer beds than this is a clinic (診療所), not a hospital, under the Medical Care Act.
pub const MIN_HOSPITAL_BEDS: i64 = 20;

impl BedClass {
    pub const ALL: [BedClass; 5] = [
        BedClass::B20To99,
        BedClass::B100To199,
        BedClass::B200To299,
        BedClass::B300To499,
        BedClass::B500Plus,
    ];

    /// `None` below 20 beds: a clinic has no class in the survey.
    pub fn of_beds(beds: i64) -> Option<BedClass> {
        Some(match beds {
            i64::MIN..MIN_HOSPITAL_BEDS => return None,
            MIN_HOSPITAL_BEDS..=99 => BedClass::B20To99,
            100..=199 => BedClass::B100To199,
            200..=299 => BedClass::B200To299,
            300..=499 => BedClass::B300To499,
            500.. => BedClass::B500Plus,
        })
    }

    pub fn id(self) -> &'static str {
        match self {
            BedClass::B20To99 => "b20_99",
            BedClass::B100To199 => "b100_199",
            BedClass::B200To299 => "b200_299",
            BedClass::B300To499 => "b300_499",
            BedClass::B500Plus => "b500_plus",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            BedClass::B20To99 => lang.pick("20～99床", "20–99 beds"),
            BedClass::B100To199 => lang.pick("100～199床", "100–199 beds"),
            BedClass::B200To299 => lang.pick("200～299床", "200–299 beds"),
            BedClass::B300To499 => lang.pick("300～499床", "300–499 beds"),
            BedClass::B500Plus => lang.pick("500床以上", "500+ beds"),
        }
    }

    /// A label that fits a narrow column or a chart axis.
    pub fn short_label(self) -> &'static str {
        match self {
            BedClass::B20To99 => "20-99",
            BedClass::B100To199 => "100-199",
            BedClass::B200To299 => "200-299",
            BedClass::B300To499 => "300-499",
            BedClass::B500Plus => "500+",
        }
    }
}

impl fmt::Display for BedClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for BedClass {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BedClass::ALL
            .into_iter()
            .find(|c| c.id() == s)
            .ok_or_else(|| {
                let ids: Vec<_> = BedClass::ALL.iter().map(|c| c.id()).collect();
                format!("unknown bed class `{s}`; allowed: {}", ids.join(", "))
            })
    }
}

/// The founder (開設者) categories of the survey, in the report's order. The ids are the options
/// of the `founder` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Founder {
    National,
    PrefectureMunicipal,
    PublicMedical,
    SocialInsurance,
    PublicInterest,
    MedicalCorporation,
    MedicalAssociation,
    PrivateSchool,
    SocialWelfare,
    Coop,
    OtherCorporation,
}

impl Founder {
    pub const ALL: [Founder; 11] = [
        Founder::National,
        Founder::PrefectureMunicipal,
        Founder::PublicMedical,
        Founder::SocialInsurance,
        Founder::PublicInterest,
        Founder::MedicalCorporation,
        Founder::MedicalAssociation,
        Founder::PrivateSchool,
        Founder::SocialWelfare,
        Founder::Coop,
        Founder::OtherCorporation,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Founder::National => "national",
            Founder::PrefectureMunicipal => "prefecture_municipal",
            Founder::PublicMedical => "public_medical",
            Founder::SocialInsurance => "social_insurance",
            Founder::PublicInterest => "public_interest",
            Founder::MedicalCorporation => "medical_corporation",
            Founder::MedicalAssociation => "medical_association",
            Founder::PrivateSchool => "private_school",
            Founder::SocialWelfare => "social_welfare",
            Founder::Coop => "coop",
            Founder::OtherCorporation => "other_corporation",
        }
    }
}

impl Founder {
    /// A label that fits a chart's axis (16 columns): the questionnaire's own in Japanese,
    /// shortened in English ("Public-interest corporation" → "Public interest").
    pub fn short(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.label(lang),
            Lang::En => match self {
                Founder::National => "National",
                Founder::PrefectureMunicipal => "Pref./municipal",
                Founder::PublicMedical => "Public medical",
                Founder::SocialInsurance => "Social insurance",
                Founder::PublicInterest => "Public interest",
                Founder::MedicalCorporation => "Medical corp.",
                Founder::MedicalAssociation => "Medical assoc.",
                Founder::PrivateSchool => "Private school",
                Founder::SocialWelfare => "Social welfare",
                Founder::Coop => "Co-operative",
                Founder::OtherCorporation => "Other corp.",
            },
        }
    }
}

impl fmt::Display for Founder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Founder {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Founder::ALL
            .into_iter()
            .find(|c| c.id() == s)
            .ok_or_else(|| {
                let ids: Vec<_> = Founder::ALL.iter().map(|c| c.id()).collect();
                format!("unknown founder `{s}`; allowed: {}", ids.join(", "))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bed_class_edges() {
        assert_eq!(BedClass::of_beds(19), None);
        assert_eq!(BedClass::of_beds(20), Some(BedClass::B20To99));
        assert_eq!(BedClass::of_beds(99), Some(BedClass::B20To99));
        assert_eq!(BedClass::of_beds(100), Some(BedClass::B100To199));
        assert_eq!(BedClass::of_beds(299), Some(BedClass::B200To299));
        assert_eq!(BedClass::of_beds(300), Some(BedClass::B300To499));
        assert_eq!(BedClass::of_beds(499), Some(BedClass::B300To499));
        assert_eq!(BedClass::of_beds(500), Some(BedClass::B500Plus));
    }

    #[test]
    fn founders_parse_from_their_ids() {
        for f in Founder::ALL {
            assert_eq!(f.id().parse::<Founder>(), Ok(f));
        }
        assert!("hospital"
            .parse::<Founder>()
            .unwrap_err()
            .contains("medical_corporation"));
    }
}
