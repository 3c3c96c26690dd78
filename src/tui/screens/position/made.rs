//! What the screen shows, made from the [`Position`] once when the screen opens or comes back:
//! the table's cells, the column heads, the charts of respondents and budget brackets, the
//! "like you" and staff lines, the notes. Drawing only pads these and draws bars.

use super::para::{Kind, Para};
use super::Column;
use crate::domain::lang::paren;
use crate::domain::position::{
    value_short, BracketDistribution, ClassShare, Comparison, IndicatorPosition, OwnBracket, Place,
    Position, StaffPosition,
};
use crate::domain::questionnaire::group_thousands;
use crate::domain::survey::render::place;
use crate::domain::survey::render::{has_words, page_of, render_figure, Form};
use crate::domain::survey::{approx, bracket_short_label, Cohort, Range, Survey};
use crate::domain::{IndicatorValue, Lang};

/// One cohort's cell of an indicator row.
#[derive(Debug, Clone)]
pub(super) enum Cell {
    Figure {
        range: Range,
        /// The share the report says did not know, in points (shown apart from the rest).
        unknown: f64,
        counted: Option<bool>,
        text: String,
        precision: &'static str,
        /// A reading or a caveat (said of every class, of the rest together) in the detail.
        note: bool,
        /// The cohort has fewer than 30 respondents.
        small: bool,
        /// "p24": the report's page of the figure (none for an aggregate).
        page: String,
        /// The figure in full when its value alone would lose its meaning (what it counts,
        /// the report's bound, an average of other cohorts), said in a ※ line under the table:
        /// 「医療法人・VPN脆弱性が未対応：他の開設者区分の平均 約17–23%（2割前後） [開設者別(2/7) p24]」.
        words: Option<String>,
    },
    /// The report's text gives no figure for this cohort.
    Missing(&'static str),
    /// The record does not say which cohort it is in.
    NoCohort(&'static str),
}

#[derive(Debug, Clone)]
pub(super) struct Row {
    pub(super) label: String,
    pub(super) own: String,
    /// The own answer as its glyph, for a table too narrow for its words: "●!".
    pub(super) own_glyph: String,
    pub(super) value: IndicatorValue,
    pub(super) concern: bool,
    pub(super) cells: [Cell; 2],
}

/// A cohort column's head: "病床規模 300～499床 n=283", "開設者 医療生協 n=4 △小標本".
#[derive(Debug, Clone)]
pub(super) struct Head {
    pub(super) text: String,
    /// Without the count, for a line too narrow for both heads whole: "開設者 医療法人".
    pub(super) short: String,
    pub(super) small: bool,
}

/// One bar of a chart: a class of respondents, or a budget bracket.
#[derive(Debug, Clone)]
pub(super) struct ChartBar {
    pub(super) label: String,
    /// Of the chart's largest bar.
    pub(super) ratio: f64,
    pub(super) value: String,
    pub(super) own: bool,
    pub(super) small: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Chart {
    pub(super) title: String,
    pub(super) bars: Vec<ChartBar>,
}

/// One line of the compact header: a class among all respondents.
#[derive(Debug, Clone)]
pub(super) struct Strip {
    pub(super) label: &'static str,
    pub(super) counts: Vec<u32>,
    pub(super) own: Option<usize>,
    pub(super) tail: String,
}

/// Everything the screen shows, made from the position once.
pub(super) struct Made {
    pub(super) heads: [Head; 2],
    pub(super) rows: Vec<Row>,
    pub(super) strips: [Strip; 2],
    pub(super) bed_chart: Chart,
    pub(super) founder_chart: Chart,
    pub(super) budget_chart: Option<Chart>,
    pub(super) like_you: Vec<Para>,
    pub(super) staff: Vec<Para>,
    pub(super) notes: Vec<Para>,
}

/// Builds everything but the detail of the selected row.
pub(super) fn make(pos: &Position, lang: Lang) -> Made {
    let heads = [
        head(pos.bed_class.as_ref(), Column::BedClass, lang),
        head(pos.founder.as_ref(), Column::Founder, lang),
    ];
    let rows = pos
        .indicators
        .iter()
        .map(|ip| row(ip, pos.survey, lang))
        .collect();
    let strips = [
        strip(
            &pos.bed_classes,
            pos.bed_class.as_ref(),
            Column::BedClass,
            lang,
        ),
        strip(&pos.founders, pos.founder.as_ref(), Column::Founder, lang),
    ];
    let respondents = group_thousands(i64::from(pos.survey.respondents));
    // Where the counts are: the report's p2, or the aggregate itself.
    let counted_at = if pos.survey.is_aggregate() {
        pos.survey.label(lang)
    } else {
        "p2".to_string()
    };
    let bed_chart = chart(
        &lang.pick_with(
            || format!("病床規模（回答{respondents}病院、{counted_at}）"),
            || format!("Bed classes ({respondents} respondents, {counted_at})"),
        ),
        &pos.bed_classes,
        lang,
    );
    let founder_chart = chart(
        lang.pick("開設者（△ 回答30病院未満）", "Founders (△ fewer than 30)"),
        &pos.founders,
        lang,
    );
    let budget_chart = pos.budget.as_ref().map(|b| budget_chart(b, lang));
    let mut notes = Vec::new();
    let mut mark = |reading: Option<&str>| -> String {
        let Some(r) = reading else {
            return String::new();
        };
        let Some(text) = pos.survey.reading(r) else {
            return String::new();
        };
        let i = notes.len() + 1;
        notes.push(Para::new(Kind::Note, &format!("※{i} "), text.get(lang)));
        format!(" ※{i}")
    };
    let mut staff = Vec::new();
    if let Some(b) = &pos.budget {
        let m = mark(b.reading);
        let own = match b.own {
            OwnBracket::Unanswered => lang.pick(
                "貴院の予算区分は未回答です。",
                "Your budget bracket is not answered yet.",
            ),
            OwnBracket::NoBracket => lang.pick(
                "貴院は「わからない」：区分を答えなかった病院に数えています。",
                "You answered 'don't know': counted with those who gave no bracket.",
            ),
            OwnBracket::Bracket(_) => "",
        };
        let shares = lang.pick(
            "予算の割合はこの病床規模の回答病院数に対するもの。",
            "Budget shares are of the class's respondents.",
        );
        let text = [shares, own]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(lang.pick("", " "));
        staff.push(Para::new(Kind::Source, "", format!("{text}{m}")));
    }
    let m = mark(pos.staff.average.reading.as_deref());
    staff.extend(staff_paras(&pos.staff, &m, lang));
    for said in pos
        .staff
        .says_bed_class
        .iter()
        .chain(pos.staff.says_founder)
    {
        notes.push(Para::new(
            Kind::Source,
            lang.pick("報告：", "Report: "),
            format!(
                "{}{}",
                said.get(lang),
                paren(lang, &place(&said.source, lang))
            ),
        ));
    }
    Made {
        heads,
        rows,
        strips,
        bed_chart,
        founder_chart,
        budget_chart,
        like_you: like_you(pos, lang),
        staff,
        notes,
    }
}

pub(super) fn small_text(lang: Lang) -> &'static str {
    lang.pick("△小標本", "△small")
}

pub(super) fn head(place: Option<&Place>, column: Column, lang: Lang) -> Head {
    let Some(p) = place else {
        return Head {
            text: match column {
                Column::BedClass => lang.pick("病床規模：病床数が未回答", "Beds not answered"),
                Column::Founder => lang.pick("開設者：未回答", "Founder not answered"),
            }
            .to_string(),
            short: match column {
                Column::BedClass => lang.pick("病床規模", "Beds"),
                Column::Founder => lang.pick("開設者", "Founder"),
            }
            .to_string(),
            small: false,
        };
    };
    let name = match (p.cohort, lang) {
        (Cohort::BedClass(b), Lang::Ja) => format!("病床規模 {}", b.label(lang)),
        (Cohort::BedClass(b), Lang::En) => b.label(lang).to_string(),
        (Cohort::Founder(f), Lang::Ja) => format!("開設者 {}", f.label(lang)),
        (Cohort::Founder(f), Lang::En) => format!("Founder: {}", f.short(lang)),
        (other, _) => other.label(lang),
    };
    let small = if p.small_sample {
        format!(" {}", small_text(lang))
    } else {
        String::new()
    };
    Head {
        text: format!("{name} n={}{small}", group_thousands(i64::from(p.n))),
        short: name,
        small: p.small_sample,
    }
}

fn glyph(value: IndicatorValue) -> &'static str {
    match value {
        IndicatorValue::True => "●",
        IndicatorValue::False => "○",
        IndicatorValue::Unknown => "?",
        IndicatorValue::NotApplicable => "–",
        IndicatorValue::Unanswered => "·",
    }
}

pub(super) fn own_cell(value: IndicatorValue, concern: bool, lang: Lang) -> String {
    format!(
        "{}{}{}",
        glyph(value),
        value_short(value, lang),
        if concern { " !" } else { "" }
    )
}

pub(super) fn own_glyph(value: IndicatorValue, concern: bool) -> String {
    format!("{}{}", glyph(value), if concern { "!" } else { "" })
}

pub(super) fn cell(c: &Comparison, row: &str, survey: &Survey, lang: Lang) -> Cell {
    match (c.cohort, c.figure) {
        (None, _) => Cell::NoCohort(lang.pick("区分が未回答", "cohort not answered")),
        (Some(_), None) => Cell::Missing(lang.pick("本文に数値なし", "not in the report's text")),
        (Some(cohort), Some(f)) => Cell::Figure {
            range: f.range(),
            unknown: f.unknown.as_ref().map_or(0.0, |u| u.range().lo),
            counted: c.counted,
            text: f.compact(lang),
            precision: f.precision().short(lang),
            note: f.reading.is_some() || f.scope.label(lang).is_some(),
            small: c.small_sample,
            page: page_of(&f.source, survey)
                .map(|p| format!("p{p}"))
                .unwrap_or_default(),
            words: has_words(f, lang).then(|| {
                format!(
                    "{}{}{row}{}{}",
                    class_label(cohort, lang),
                    lang.pick("・", ", "),
                    lang.pick("：", ": "),
                    render_figure(f, survey, Form::Cell, lang)
                )
            }),
        },
    }
}

pub(super) fn row(ip: &IndicatorPosition, survey: &Survey, lang: Lang) -> Row {
    let label = ip.indicator.short(lang);
    Row {
        label: label.to_string(),
        own: own_cell(ip.hospital, ip.concern, lang),
        own_glyph: own_glyph(ip.hospital, ip.concern),
        value: ip.hospital,
        concern: ip.concern,
        cells: [
            cell(&ip.bed_class, label, survey, lang),
            cell(&ip.founder, label, survey, lang),
        ],
    }
}

pub(super) fn class_label(cohort: Cohort, lang: Lang) -> String {
    match cohort {
        Cohort::Founder(f) => f.short(lang).to_string(),
        other => other.label(lang),
    }
}

pub(super) fn strip(
    classes: &[ClassShare],
    own: Option<&Place>,
    column: Column,
    lang: Lang,
) -> Strip {
    let label = match column {
        Column::BedClass => lang.pick("病床規模", "Beds"),
        Column::Founder => lang.pick("開設者", "Founder"),
    };
    let tail = match own {
        Some(p) => {
            let n = group_thousands(i64::from(p.n));
            let small = if p.small_sample {
                format!(" {}", small_text(lang))
            } else {
                String::new()
            };
            lang.pick_with(
                || {
                    format!(
                        "{} {n}病院 {:.1}%{small}",
                        class_label(p.cohort, lang),
                        p.share()
                    )
                },
                || {
                    format!(
                        "{} {n} ({:.1}%){small}",
                        class_label(p.cohort, lang),
                        p.share()
                    )
                },
            )
        }
        None => lang.pick("未回答", "not answered").to_string(),
    };
    Strip {
        label,
        counts: classes.iter().map(|c| c.n).collect(),
        own: classes.iter().position(|c| c.own),
        tail,
    }
}

pub(super) fn chart(title: &str, classes: &[ClassShare], lang: Lang) -> Chart {
    let max = classes.iter().map(|c| c.n).max().unwrap_or(1).max(1);
    Chart {
        title: title.to_string(),
        bars: classes
            .iter()
            .map(|c| ChartBar {
                label: class_label(c.cohort, lang),
                ratio: f64::from(c.n) / f64::from(max),
                value: format!("{:>3} {:>4.1}%", c.n, c.share),
                own: c.own,
                small: c.small_sample,
            })
            .collect(),
    }
}

pub(super) fn budget_chart(b: &BracketDistribution, lang: Lang) -> Chart {
    let mut bars: Vec<(String, u32, f64, bool)> = b
        .rows
        .iter()
        .map(|r| {
            (
                bracket_short_label(r.id, lang)
                    .map(str::to_string)
                    .or_else(|| r.label.map(|t| t.get(lang).to_string()))
                    .unwrap_or_else(|| r.id.to_string()),
                r.count,
                r.share,
                r.own,
            )
        })
        .collect();
    bars.push((
        lang.pick("区分の回答なし", "no bracket").to_string(),
        b.no_bracket,
        b.no_bracket_share,
        b.own == OwnBracket::NoBracket,
    ));
    let max = bars.iter().map(|b| b.1).max().unwrap_or(1).max(1);
    Chart {
        title: lang.pick_with(
            || {
                format!(
                    "年間予算：{}（{}、n={}）",
                    b.class.label(lang),
                    place(b.source, lang),
                    b.n
                )
            },
            || {
                format!(
                    "Security budget: {} ({}, n={})",
                    b.class.label(lang),
                    place(b.source, lang),
                    b.n
                )
            },
        ),
        bars: bars
            .into_iter()
            .map(|(label, count, share, own)| ChartBar {
                label,
                ratio: f64::from(count) / f64::from(max),
                value: format!("{count:>3} {share:>4.1}%"),
                own,
                small: false,
            })
            .collect(),
    }
}

/// "Respondents like you": the count and share of the hospital's own classes.
pub(super) fn like_you(pos: &Position, lang: Lang) -> Vec<Para> {
    let of = group_thousands(i64::from(pos.survey.respondents));
    let one = |p: &Place| {
        let n = group_thousands(i64::from(p.n));
        let small = if p.small_sample {
            let pts = approx::num(p.points_per_hospital());
            lang.pick_with(
                || format!("。小標本：1病院で割合が{pts}ポイント動きます"),
                || format!("; a small sample: one hospital moves a share {pts} points"),
            )
        } else {
            String::new()
        };
        lang.pick_with(
            || {
                format!(
                    "{} {n}病院（{of}病院の{:.1}%）{small}",
                    p.cohort.label(lang),
                    p.share()
                )
            },
            || {
                format!(
                    "{}: {n} of {of} ({:.1}%){small}",
                    p.cohort.label(lang),
                    p.share()
                )
            },
        )
    };
    let lead = lang.pick("貴院と同じ区分：", "Like you: ");
    let mut out = Vec::new();
    let places: Vec<String> = [pos.bed_class.as_ref(), pos.founder.as_ref()]
        .into_iter()
        .flatten()
        .map(one)
        .collect();
    if !places.is_empty() {
        out.push(Para::new(
            Kind::Plain,
            lead,
            places.join(lang.pick("、", "; ")),
        ));
    } else {
        out.push(Para::new(
            Kind::Concern,
            "",
            lang.pick(
                "病床数と開設者を答えると、同じ区分の病院と比べられます。",
                "Answer beds and founder to be compared with hospitals like you.",
            ),
        ));
    }
    if let Some((label, line)) = pos.describe_associations(lang) {
        out.push(Para::new(Kind::Source, label, line));
    }
    out
}

pub(super) fn staff_paras(s: &StaffPosition, mark: &str, lang: Lang) -> Vec<Para> {
    let own = match (s.total, s.fulltime) {
        (Some(t), Some(f)) => lang.pick_with(
            || format!("貴院 {t}人（常勤{f}人）"),
            || format!("you {t} ({f} full-time)"),
        ),
        (Some(t), None) => lang.pick_with(|| format!("貴院 {t}人"), || format!("you {t}")),
        (None, _) => lang.pick("貴院 未回答", "you: not answered").to_string(),
    };
    let mut out = vec![Para::new(
        Kind::Plain,
        lang.pick("担当者：", "IT staff: "),
        format!(
            "{own}{}{} {}{}",
            lang.pick("／全回答病院の平均 ", "; average of all respondents "),
            s.average.display(lang),
            place(&s.average.source, lang),
            mark
        ),
    )];
    if let Some(sentence) = s.sentence(lang) {
        out.push(Para::new(Kind::Sentence, "→ ", sentence));
    }
    out
}
