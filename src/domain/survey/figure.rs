//! One figure of the report, with where it is and how precise it is.

use super::approx::{self, Approx, Range, Unit};
use crate::domain::lang::{Lang, Text};
use serde::{Deserialize, Serialize};

/// How much a figure can be trusted to the point. A screen shows it beside every figure, so a
/// share the report gives in words is never drawn as if it were counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A count, or a percentage the report prints as a number (医師会 89%).
    Exact,
    /// Computed here from counts the report prints (図６ bracket count ÷ class respondents).
    Derived,
    /// Words (約9割, 5割強), read as a range by [`approx`].
    Approx,
    /// The report's text gives no figure for this cohort (its charts are images).
    Missing,
}

impl Precision {
    pub fn id(self) -> &'static str {
        match self {
            Precision::Exact => "exact",
            Precision::Derived => "derived",
            Precision::Approx => "approx",
            Precision::Missing => "missing",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Precision::Exact => lang.pick("報告の数値", "printed"),
            Precision::Derived => lang.pick("件数から算出", "from counts"),
            Precision::Approx => lang.pick("報告の言葉（範囲）", "words (a range)"),
            Precision::Missing => lang.pick("本文に数値なし", "no figure in the text"),
        }
    }

    /// The label for a table column beside the figure: the first word of [`Precision::label`].
    pub fn short(self, lang: Lang) -> &'static str {
        match self {
            Precision::Exact => lang.pick("数値", "printed"),
            Precision::Derived => lang.pick("算出", "counts"),
            Precision::Approx => lang.pick("言葉", "words"),
            Precision::Missing => lang.pick("なし", "none"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum FigureValue {
    /// A whole percentage as printed.
    Exact(u32),
    /// `num` of the cohort's `den` respondents.
    Derived {
        num: u32,
        den: u32,
    },
    Approx(Approx),
    /// `yes` of the `of` records of an aggregate that gave a definite answer: counted, so as
    /// exact as a count.
    Counted {
        yes: u32,
        of: u32,
    },
    /// An average number of people over `n` records of an aggregate (`n` = 0: nobody said).
    Mean {
        value: f64,
        n: u32,
    },
}

/// What a figure counts, against the indicator it stands beside. The report often gives the
/// other side (the overall page says how many HAVE an incident process; the indicator is "no
/// process"), and a reader must see which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Counts {
    /// Hospitals for which the indicator is true.
    #[default]
    Indicator,
    /// Those for which it is true and those who answered "don't know" (30%+ unfixed or unknown).
    IndicatorOrUnknown,
    /// Those who gave the opposite answer (have a process, fixed the VPN).
    Opposite,
}

/// Whether the report states the figure for this cohort alone or for several at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    #[default]
    Cohort,
    /// Said once of every cohort of the dimension (「いずれの病床でも6割前後」).
    Each,
    /// Said of all the cohorts the report does not name (「それ以外の開設者区分でも平均的に2割前後」).
    Rest,
}

impl Scope {
    pub fn label(self, lang: Lang) -> Option<&'static str> {
        match self {
            Scope::Cohort => None,
            Scope::Each => Some(lang.pick("全規模共通の記述", "said of every class")),
            Scope::Rest => Some(lang.pick("他の開設者区分の平均", "the other founders on average")),
        }
    }
}

/// The report's page titles as the questionnaire contract names them, plus the two places of
/// the report outside sections 1–3 that the survey data reads.
pub fn is_known_source(s: &str) -> bool {
    if matches!(
        s,
        "overall 総評" | "bed 総評" | "founder 総評" | "p2 調査対象" | "p46 図６"
    ) {
        return true;
    }
    let Some((part, page)) = s.split_once(' ') else {
        return false;
    };
    matches!(part, "overall" | "bed" | "founder")
        && matches!(page, "1/7" | "2/7" | "3/7" | "4/7" | "5/7" | "6/7" | "7/7")
}

#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: FigureValue,
    /// The report's place: "founder 5/7", "p46 図６", "bed 総評".
    pub source: String,
    pub counts: Counts,
    /// What the figure counts when it is not the indicator itself ("have a process").
    pub counts_label: Option<Text>,
    /// The words of the report's sentence that bound the figure (「状況不明も含めれば」): shown
    /// wherever the figure is, since without them the figure says more than the report.
    pub qualifier: Option<Text>,
    pub scope: Scope,
    /// The id of a note in the survey's `readings`: how shindan reads an unclear figure.
    pub reading: Option<String>,
    /// The report's own words that this derived figure agrees with (checked by the tests).
    pub agrees_with: Vec<Figure>,
    /// The share of the cohort whose answer the report leaves unknown, where it gives it: the
    /// 図６ remainder that gave no bracket, 医療生協's 75% わからない on insurance. A hospital
    /// among the counted is only in a minority if it stays so with all of these counted too.
    pub unknown: Option<Box<Figure>>,
}

impl Figure {
    pub fn precision(&self) -> Precision {
        match self.value {
            FigureValue::Exact(_) | FigureValue::Counted { .. } | FigureValue::Mean { .. } => {
                Precision::Exact
            }
            FigureValue::Derived { .. } => Precision::Derived,
            FigureValue::Approx(_) => Precision::Approx,
        }
    }

    /// The figure as a range of percentage points (a point for exact and derived figures).
    pub fn range(&self) -> Range {
        match &self.value {
            FigureValue::Exact(v) => Range::point(f64::from(*v)),
            FigureValue::Derived { num, den } => Range::point(derived_percent(*num, *den)),
            FigureValue::Approx(a) => a.range,
            // Unrounded: which side of one half a cohort is on is decided by the counts.
            FigureValue::Counted { yes, of } if *of > 0 => {
                Range::point(f64::from(*yes) * 100.0 / f64::from(*of))
            }
            FigureValue::Counted { .. } => Range::new(0.0, 100.0),
            FigureValue::Mean { value, n } if *n > 0 => Range::point(*value),
            FigureValue::Mean { .. } => Range::new(0.0, f64::INFINITY),
        }
    }

    /// A figure that says nothing: an average over no records.
    pub fn is_empty(&self) -> bool {
        matches!(
            self.value,
            FigureValue::Mean { n: 0, .. } | FigureValue::Counted { of: 0, .. }
        )
    }

    /// The value for exact and derived figures; none for words.
    pub fn value(&self) -> Option<f64> {
        match &self.value {
            FigureValue::Approx(_) => None,
            _ if self.is_empty() => None,
            _ => Some(self.range().lo),
        }
    }

    pub fn words(&self) -> Option<&str> {
        match &self.value {
            FigureValue::Approx(a) => Some(&a.words),
            _ => None,
        }
    }

    /// As a screen shows it: "89%", "48.4%（137/283）", "約57–63%（6割程度）".
    pub fn display(&self, lang: Lang) -> String {
        match &self.value {
            FigureValue::Exact(v) => format!("{v}%"),
            FigureValue::Derived { num, den } => format!(
                "{:.1}%{}",
                derived_percent(*num, *den),
                lang.pick_with(|| format!("（{num}/{den}）"), || format!(" ({num}/{den})"))
            ),
            FigureValue::Approx(a) => {
                let range = a.range_text(lang);
                let about = if a.range.hi >= 100.0 || a.unit == Unit::People {
                    ""
                } else {
                    lang.pick("約", "~")
                };
                lang.pick_with(
                    || format!("{about}{range}（{}）", a.words),
                    // The report's words quoted as words, beside the English range.
                    || format!("{about}{range} (「{}」)", a.words),
                )
            }
            FigureValue::Counted { yes, of } => format!(
                "{:.1}%{}",
                derived_percent(*yes, *of),
                lang.pick_with(|| format!("（{yes}/{of}）"), || format!(" ({yes}/{of})"))
            ),
            FigureValue::Mean { n: 0, .. } => lang.pick("—（回答なし）", "— (no answers)").into(),
            FigureValue::Mean { value, n } => lang.pick_with(
                || format!("{value:.2}人（n={n}）"),
                || format!("{value:.2} people (n={n})"),
            ),
        }
    }
}

impl Figure {
    /// As a table cell shows it, without the words (the precision column and the detail say
    /// them): "89%", "48.4% 137/283", "約57–63%", "30%以上". A range keeps its 約 and its two
    /// ends, so a cell is never more precise than the report.
    pub fn compact(&self, lang: Lang) -> String {
        match &self.value {
            FigureValue::Exact(v) => format!("{v}%"),
            FigureValue::Derived { num, den } => {
                format!("{:.1}% {num}/{den}", derived_percent(*num, *den))
            }
            FigureValue::Approx(a) => {
                let about = if a.range.hi >= 100.0 || a.unit == Unit::People {
                    ""
                } else {
                    lang.pick("約", "~")
                };
                format!("{about}{}", a.range_text(lang))
            }
            FigureValue::Counted { yes, of } => {
                format!("{:.1}% {yes}/{of}", derived_percent(*yes, *of))
            }
            FigureValue::Mean { n: 0, .. } => "—".into(),
            FigureValue::Mean { value, .. } => {
                lang.pick_with(|| format!("{value:.2}人"), || format!("{value:.2}"))
            }
        }
    }
}

/// A derived share to one decimal: 137/283 → 48.4.
pub fn derived_percent(num: u32, den: u32) -> f64 {
    if den == 0 {
        return 0.0;
    }
    (f64::from(num) * 1000.0 / f64::from(den)).round() / 10.0
}

/// Why a figure in the survey asset is unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FigureError {
    #[error("a figure needs exactly one of `exact`, `derived`, `approx` (source {0})")]
    OneValue(String),
    #[error("`{0}` is not a place in the report: use a page title such as \"founder 5/7\", \"bed 総評\" or \"p46 図６\"")]
    UnknownSource(String),
    #[error("{0}% is not a percentage (source {1})")]
    NotAPercentage(u32, String),
    #[error("derived {num}/{den} is not a share (source {source_})")]
    BadCount { num: u32, den: u32, source_: String },
    #[error(transparent)]
    Approx(#[from] approx::ApproxError),
    #[error("a figure that counts {0:?} needs `counts_label` saying what it counts")]
    UnlabelledCounts(Counts),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFigure {
    exact: Option<u32>,
    derived: Option<[u32; 2]>,
    approx: Option<String>,
    source: String,
    #[serde(default)]
    counts: Counts,
    counts_label: Option<Text>,
    qualifier: Option<Text>,
    reading: Option<String>,
    #[serde(default)]
    agrees_with: Vec<RawFigure>,
    unknown: Option<Box<RawFigure>>,
}

impl TryFrom<RawFigure> for Figure {
    type Error = FigureError;
    fn try_from(raw: RawFigure) -> Result<Figure, FigureError> {
        if !is_known_source(&raw.source) {
            return Err(FigureError::UnknownSource(raw.source));
        }
        let value = match (raw.exact, raw.derived, raw.approx) {
            (Some(v), None, None) if v <= 100 => FigureValue::Exact(v),
            (Some(v), None, None) => return Err(FigureError::NotAPercentage(v, raw.source)),
            (None, Some([num, den]), None) if den > 0 && num <= den => {
                FigureValue::Derived { num, den }
            }
            (None, Some([num, den]), None) => {
                return Err(FigureError::BadCount {
                    num,
                    den,
                    source_: raw.source,
                })
            }
            (None, None, Some(words)) => FigureValue::Approx(approx::parse(&words)?),
            _ => return Err(FigureError::OneValue(raw.source)),
        };
        if raw.counts != Counts::Indicator && raw.counts_label.is_none() {
            return Err(FigureError::UnlabelledCounts(raw.counts));
        }
        let agrees_with = raw
            .agrees_with
            .into_iter()
            .map(Figure::try_from)
            .collect::<Result<_, _>>()?;
        let unknown = match raw.unknown {
            Some(u) => Some(Box::new(Figure::try_from(*u)?)),
            None => None,
        };
        Ok(Figure {
            value,
            source: raw.source,
            counts: raw.counts,
            counts_label: raw.counts_label,
            qualifier: raw.qualifier,
            scope: Scope::Cohort,
            reading: raw.reading,
            agrees_with,
            unknown,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(json: &str) -> Result<Figure, FigureError> {
        let raw: RawFigure = serde_json::from_str(json).unwrap();
        Figure::try_from(raw)
    }

    #[test]
    fn each_precision_displays_no_more_than_it_knows() {
        let f = fig(r#"{"exact": 89, "source": "founder 4/7"}"#).unwrap();
        assert_eq!(f.display(Lang::Ja), "89%");
        assert_eq!(f.precision(), Precision::Exact);
        let f = fig(r#"{"derived": [137, 283], "source": "p46 図６"}"#).unwrap();
        assert_eq!(f.display(Lang::Ja), "48.4%（137/283）");
        assert_eq!(f.value(), Some(48.4));
        let f = fig(r#"{"approx": "6割弱", "source": "overall 7/7"}"#).unwrap();
        assert_eq!(f.display(Lang::Ja), "約55–60%（6割弱）");
        assert_eq!(f.display(Lang::En), "~55–60% (「6割弱」)");
        assert_eq!(f.value(), None);
        let f = fig(r#"{"approx": "7割以上", "source": "overall 6/7"}"#).unwrap();
        assert_eq!(f.display(Lang::Ja), "70%以上（7割以上）");
    }

    #[test]
    fn a_table_cell_keeps_the_range_and_drops_the_words() {
        let cell = |json: &str, lang| fig(json).unwrap().compact(lang);
        let exact = r#"{"exact": 89, "source": "founder 4/7"}"#;
        assert_eq!(cell(exact, Lang::En), "89%");
        let derived = r#"{"derived": [137, 283], "source": "p46 図６"}"#;
        assert_eq!(cell(derived, Lang::Ja), "48.4% 137/283");
        let approx = r#"{"approx": "2割程度", "source": "bed 2/7"}"#;
        assert_eq!(cell(approx, Lang::Ja), "約17–23%");
        assert_eq!(cell(approx, Lang::En), "~17–23%");
        let at_least = r#"{"approx": "3割強以上", "source": "overall 2/7"}"#;
        assert_eq!(cell(at_least, Lang::Ja), "30%以上");
        assert_eq!(cell(at_least, Lang::En), "≥30%");
        assert_eq!(Precision::Approx.short(Lang::Ja), "言葉");
        assert_eq!(Precision::Derived.short(Lang::En), "counts");
    }

    #[test]
    fn bad_figures_are_refused() {
        assert!(matches!(
            fig(r#"{"exact": 89, "approx": "9割", "source": "founder 4/7"}"#),
            Err(FigureError::OneValue(_))
        ));
        assert!(matches!(
            fig(r#"{"exact": 89, "source": "p47"}"#),
            Err(FigureError::UnknownSource(_))
        ));
        assert!(matches!(
            fig(r#"{"exact": 189, "source": "founder 4/7"}"#),
            Err(FigureError::NotAPercentage(189, _))
        ));
        assert!(matches!(
            fig(r#"{"derived": [150, 141], "source": "p46 図６"}"#),
            Err(FigureError::BadCount { .. })
        ));
        assert!(matches!(
            fig(r#"{"approx": "6割くらい", "source": "overall 7/7"}"#),
            Err(FigureError::Approx(_))
        ));
        assert!(matches!(
            fig(r#"{"approx": "6割弱", "source": "overall 7/7", "counts": "opposite"}"#),
            Err(FigureError::UnlabelledCounts(Counts::Opposite))
        ));
        assert!(!is_known_source("founder 8/7"));
        assert!(is_known_source("bed 総評"));
    }
}
