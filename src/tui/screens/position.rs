//! The position screen (issue 5): the hospital beside its bed-size and founder cohorts of the
//! 2022 survey, one row per indicator, and on a second page its place among the respondents,
//! its bed class's budget brackets (図６) and its staff against the reported average.
//!
//! It lays out what [`Position`] computed — figures with their precision and source, which part
//! of a cohort the hospital is in, the readings of unclear figures, the minority/majority
//! sentences — and computes nothing about the report itself. The text of the table, the charts
//! and the detail is made when the screen opens, comes back or the selection moves; a frame
//! only pads it and draws bars.

use crate::domain::position::{
    value_label, value_short, BracketDistribution, ClassShare, Comparison, IndicatorPosition,
    OwnBracket, Place, Position, StaffPosition,
};
use crate::domain::questionnaire::group_thousands;
use crate::domain::report::place;
use crate::domain::survey::{approx, bracket_short_label, Cohort, Counts, Figure, Range, Survey};
use crate::domain::{IndicatorValue, Lang, Questionnaire, Record};
use crate::text::{pad, pad_left, truncate, width, wrap};
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::keys::{self, Intent, Pane, Scope};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::{bar, share_bar, stacked};
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

/// From this width the two cohorts stand side by side; below it one shows at a time.
pub const SIDE_BY_SIDE: u16 = 120;
/// From this body height the charts of bed classes and founders head the indicators; below it
/// one line each.
const FULL_HEADER: u16 = 34;
/// The overlay's text on the smallest terminal shindan draws on (60×20, less the borders and
/// margins): scrolling stops where the text would end there, before the render clamps it to
/// the size at hand.
const NARROWEST_DETAIL: usize = 56;
const LOWEST_DETAIL: usize = 16;

/// Which cohort is in front: the one shown at 80 columns, the first in the detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    BedClass,
    Founder,
}

impl Column {
    fn index(self) -> usize {
        match self {
            Column::BedClass => 0,
            Column::Founder => 1,
        }
    }

    fn other(self) -> Column {
        match self {
            Column::BedClass => Column::Founder,
            Column::Founder => Column::BedClass,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Indicators,
    /// Where the hospital stands among the respondents, its budget bracket, its staff.
    Respondents,
}

/// How a paragraph of the detail looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plain,
    Own,
    Concern,
    Sentence,
    Figure,
    Source,
    Note,
}

/// A paragraph, wrapped to the width at hand with its lead (`→ `, `※1 `) hanging.
#[derive(Debug, Clone)]
struct Para {
    kind: Kind,
    lead: String,
    text: String,
}

impl Para {
    fn new(kind: Kind, lead: &str, text: impl Into<String>) -> Para {
        Para {
            kind,
            lead: lead.to_string(),
            text: text.into(),
        }
    }
}

/// One cohort's cell of an indicator row.
#[derive(Debug, Clone)]
enum Cell {
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
    },
    /// The report's text gives no figure for this cohort.
    Missing(&'static str),
    /// The record does not say which cohort it is in.
    NoCohort(&'static str),
}

#[derive(Debug, Clone)]
struct Row {
    label: String,
    own: String,
    value: IndicatorValue,
    concern: bool,
    cells: [Cell; 2],
}

/// A cohort column's head: "病床規模 300～499床 n=283", "開設者 医療生協 n=4 △小標本".
#[derive(Debug, Clone)]
struct Head {
    text: String,
    small: bool,
}

/// One bar of a chart: a class of respondents, or a budget bracket.
#[derive(Debug, Clone)]
struct ChartBar {
    label: String,
    /// Of the chart's largest bar.
    ratio: f64,
    value: String,
    own: bool,
    small: bool,
}

#[derive(Debug, Clone)]
struct Chart {
    title: String,
    bars: Vec<ChartBar>,
}

/// One line of the compact header: a class among all respondents.
#[derive(Debug, Clone)]
struct Strip {
    label: &'static str,
    counts: Vec<u32>,
    own: Option<usize>,
    tail: String,
}

/// Everything the screen shows, made from the position once.
struct Made {
    heads: [Head; 2],
    rows: Vec<Row>,
    strips: [Strip; 2],
    bed_chart: Chart,
    founder_chart: Chart,
    budget_chart: Option<Chart>,
    like_you: Vec<Para>,
    staff: Vec<Para>,
    notes: Vec<Para>,
}

pub struct PositionScreen {
    lang: Lang,
    pos: Position<'static>,
    made: Made,
    selected: usize,
    focus: Column,
    page: Page,
    /// The full detail over the screen, scrolled by this many lines; `None` when closed.
    details: Option<usize>,
    /// The selected indicator's detail.
    detail: Vec<Para>,
}

fn qn() -> &'static Questionnaire {
    Questionnaire::embedded()
}

impl PositionScreen {
    pub fn new(session: &Session, lang: Lang) -> PositionScreen {
        let pos = Position::of(&session.record, qn(), Survey::embedded());
        let made = make(&pos, lang);
        let mut screen = PositionScreen {
            lang,
            pos,
            made,
            selected: 0,
            focus: Column::BedClass,
            page: Page::Indicators,
            details: None,
            detail: Vec::new(),
        };
        screen.select(0);
        screen
    }

    fn refresh(&mut self, record: &Record) {
        self.pos = Position::of(record, qn(), Survey::embedded());
        self.made = make(&self.pos, self.lang);
        self.select(self.selected);
    }

    fn select(&mut self, i: usize) {
        self.selected = i.min(self.pos.indicators.len().saturating_sub(1));
        self.detail = match self.pos.indicators.get(self.selected) {
            Some(ip) => detail(ip, self.focus, self.lang),
            None => Vec::new(),
        };
    }

    /// The paragraphs of the overlay: the selected indicator's, or the respondents page's notes.
    fn overlay(&self) -> &[Para] {
        match self.page {
            Page::Indicators => &self.detail,
            Page::Respondents => &self.made.notes,
        }
    }

    fn overlay_title(&self) -> String {
        match (self.page, self.pos.indicators.get(self.selected)) {
            (Page::Indicators, Some(ip)) => ip.indicator.text.get(self.lang).to_string(),
            _ => self
                .lang
                .pick(
                    "注：予算・担当者・回答病院",
                    "Notes: budget, staff, respondents",
                )
                .to_string(),
        }
    }

    fn scroll_limit(&self) -> usize {
        lay_out(self.overlay(), NARROWEST_DETAIL, &Theme::mono())
            .len()
            .saturating_sub(LOWEST_DETAIL)
    }
}

/// Builds everything but the detail of the selected row.
fn make(pos: &Position, lang: Lang) -> Made {
    let heads = [
        head(pos.bed_class.as_ref(), Column::BedClass, lang),
        head(pos.founder.as_ref(), Column::Founder, lang),
    ];
    let rows = pos.indicators.iter().map(|ip| row(ip, lang)).collect();
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
    let bed_chart = chart(
        lang.pick(
            &format!("病床規模（回答{respondents}病院、p2）"),
            &format!("Bed classes ({respondents} respondents, p2)"),
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

fn paren(lang: Lang, inner: &str) -> String {
    lang.pick(&format!("（{inner}）"), &format!(" ({inner})"))
        .to_string()
}

fn small_text(lang: Lang) -> &'static str {
    lang.pick("△小標本", "△small")
}

fn head(place: Option<&Place>, column: Column, lang: Lang) -> Head {
    let Some(p) = place else {
        return Head {
            text: match column {
                Column::BedClass => lang.pick("病床規模：病床数が未回答", "Beds not answered"),
                Column::Founder => lang.pick("開設者：未回答", "Founder not answered"),
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
        small: p.small_sample,
    }
}

fn own_cell(value: IndicatorValue, concern: bool, lang: Lang) -> String {
    let glyph = match value {
        IndicatorValue::True => "●",
        IndicatorValue::False => "○",
        IndicatorValue::Unknown => "?",
        IndicatorValue::NotApplicable => "–",
        IndicatorValue::Unanswered => "·",
    };
    format!(
        "{glyph}{}{}",
        value_short(value, lang),
        if concern { " !" } else { "" }
    )
}

fn cell(c: &Comparison, lang: Lang) -> Cell {
    match (c.cohort, c.figure) {
        (None, _) => Cell::NoCohort(lang.pick("区分が未回答", "cohort not answered")),
        (Some(_), None) => Cell::Missing(lang.pick("本文に数値なし", "not in the report's text")),
        (Some(_), Some(f)) => Cell::Figure {
            range: f.range(),
            unknown: f.unknown.as_ref().map_or(0.0, |u| u.range().lo),
            counted: c.counted,
            text: f.compact(lang),
            precision: f.precision().short(lang),
            note: f.reading.is_some() || f.scope.label(lang).is_some(),
            small: c.small_sample,
        },
    }
}

fn row(ip: &IndicatorPosition, lang: Lang) -> Row {
    Row {
        label: ip.indicator.short(lang).to_string(),
        own: own_cell(ip.hospital, ip.concern, lang),
        value: ip.hospital,
        concern: ip.concern,
        cells: [cell(&ip.bed_class, lang), cell(&ip.founder, lang)],
    }
}

fn class_label(cohort: Cohort, lang: Lang) -> String {
    match cohort {
        Cohort::Founder(f) => f.short(lang).to_string(),
        other => other.label(lang),
    }
}

fn strip(classes: &[ClassShare], own: Option<&Place>, column: Column, lang: Lang) -> Strip {
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
            lang.pick(
                &format!(
                    "{} {n}病院 {:.1}%{small}",
                    class_label(p.cohort, lang),
                    p.share()
                ),
                &format!(
                    "{} {n} ({:.1}%){small}",
                    class_label(p.cohort, lang),
                    p.share()
                ),
            )
            .to_string()
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

fn chart(title: &str, classes: &[ClassShare], lang: Lang) -> Chart {
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

fn budget_chart(b: &BracketDistribution, lang: Lang) -> Chart {
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
        title: lang
            .pick(
                &format!(
                    "年間予算：{}（{}、n={}）",
                    b.class.label(lang),
                    place(b.source, lang),
                    b.n
                ),
                &format!(
                    "Security budget: {} ({}, n={})",
                    b.class.label(lang),
                    place(b.source, lang),
                    b.n
                ),
            )
            .to_string(),
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
fn like_you(pos: &Position, lang: Lang) -> Vec<Para> {
    let of = group_thousands(i64::from(pos.survey.respondents));
    let one = |p: &Place| {
        let n = group_thousands(i64::from(p.n));
        let small = if p.small_sample {
            let pts = approx::num(p.points_per_hospital());
            lang.pick(
                &format!("。小標本：1病院で割合が{pts}ポイント動きます"),
                &format!("; a small sample: one hospital moves a share {pts} points"),
            )
            .to_string()
        } else {
            String::new()
        };
        lang.pick(
            &format!(
                "{} {n}病院（{of}病院の{:.1}%）{small}",
                p.cohort.label(lang),
                p.share()
            ),
            &format!(
                "{}: {n} of {of} ({:.1}%){small}",
                p.cohort.label(lang),
                p.share()
            ),
        )
        .to_string()
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
    if !pos.associations.is_empty() {
        let list: Vec<String> = pos
            .associations
            .iter()
            .map(|a| {
                format!(
                    "{} {}",
                    a.label.map_or(a.id, |t| t.get(lang)),
                    group_thousands(i64::from(a.n))
                )
            })
            .collect();
        out.push(Para::new(
            Kind::Source,
            lang.pick("加盟団体：", "Associations: "),
            format!(
                "{}{}",
                list.join(lang.pick("、", ", ")),
                lang.pick("（重複あり）", " (they overlap)")
            ),
        ));
    }
    out
}

fn staff_paras(s: &StaffPosition, mark: &str, lang: Lang) -> Vec<Para> {
    let own = match (s.total, s.fulltime) {
        (Some(t), Some(f)) => lang
            .pick(
                &format!("貴院 {t}人（常勤{f}人）"),
                &format!("you {t} ({f} full-time)"),
            )
            .to_string(),
        (Some(t), None) => lang
            .pick(&format!("貴院 {t}人"), &format!("you {t}"))
            .to_string(),
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

/// The selected indicator in full: the hospital's answer, each cohort's figure with its
/// source and the sentence it gives, the averages and context, and the readings.
fn detail(ip: &IndicatorPosition, focus: Column, lang: Lang) -> Vec<Para> {
    let survey = Survey::embedded();
    let readings = ip.readings();
    let mark = |f: &Figure| -> String {
        f.reading
            .as_deref()
            .and_then(|r| readings.iter().position(|x| *x == r))
            .map(|i| format!(" ※{}", i + 1))
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut own = value_label(ip.hospital, lang).to_string();
    let answers: Vec<String> = ip
        .answers
        .iter()
        .map(|(q, v)| {
            format!(
                "{}{} {}",
                lang.pick("問", "Q"),
                qn().number(&q.id).unwrap_or(0),
                q.describe(v, lang)
            )
        })
        .collect();
    if !answers.is_empty() {
        own.push_str(&paren(lang, &answers.join(lang.pick("、", ", "))));
    }
    if ip.concern {
        own.push_str(lang.pick("［要注意］", " [concern]"));
    }
    if let Some(n) = ip.next_question.and_then(|q| qn().number(q)) {
        own.push_str(&match lang {
            Lang::Ja => format!("。問{n}に答えると比べられます（i で面談へ）"),
            Lang::En => format!(": answer Q{n} to compare (i: the interview)"),
        });
    }
    out.push(Para::new(
        if ip.concern { Kind::Concern } else { Kind::Own },
        lang.pick("貴院：", "You: "),
        own,
    ));
    let order = match focus {
        Column::BedClass => [&ip.bed_class, &ip.founder, &ip.overall],
        Column::Founder => [&ip.founder, &ip.bed_class, &ip.overall],
    };
    for c in order {
        comparison_paras(c, &mark, lang, &mut out);
        if let Some(s) = ip.sentence(c, lang) {
            out.push(Para::new(Kind::Sentence, "→ ", s));
        }
    }
    for (cohort, figure) in [
        (
            Cohort::Average(crate::domain::survey::Dimension::BedClass),
            ip.bed_class_average,
        ),
        (
            Cohort::Average(crate::domain::survey::Dimension::Founder),
            ip.founder_average,
        ),
    ] {
        if let Some(f) = figure {
            out.push(Para::new(
                Kind::Figure,
                "",
                format!(
                    "{}: {} — {}{}",
                    cohort.label(lang),
                    f.display(lang),
                    place(&f.source, lang),
                    mark(f)
                ),
            ));
        }
    }
    for c in &ip.context {
        let f = &c.figure;
        out.push(Para::new(
            Kind::Source,
            lang.pick("参考：", "Also: "),
            format!(
                "{} {}{}{}",
                c.label.get(lang),
                f.display(lang),
                paren(
                    lang,
                    &format!(
                        "{}{}{}",
                        c.cohort.label(lang),
                        lang.pick("、", ", "),
                        place(&f.source, lang)
                    )
                ),
                mark(f)
            ),
        ));
    }
    for (i, r) in readings.iter().enumerate() {
        if let Some(t) = survey.reading(r) {
            out.push(Para::new(Kind::Note, &format!("※{} ", i + 1), t.get(lang)));
        }
    }
    out
}

fn comparison_paras(
    c: &Comparison,
    mark: &dyn Fn(&Figure) -> String,
    lang: Lang,
    out: &mut Vec<Para>,
) {
    let Some(cohort) = c.cohort else {
        return;
    };
    let n =
        c.n.map(|n| format!(" n={}", group_thousands(i64::from(n))))
            .unwrap_or_default();
    let small = if c.small_sample {
        format!(" {}", small_text(lang))
    } else {
        String::new()
    };
    let label = format!("{}{n}{small}", cohort.label(lang));
    let sub = "  ";
    match c.figure {
        Some(f) => {
            let scope = f
                .scope
                .label(lang)
                .map(|s| paren(lang, s))
                .unwrap_or_default();
            out.push(Para::new(
                Kind::Figure,
                "",
                format!(
                    "{label}: {}{scope} — {}{}",
                    f.display(lang),
                    place(&f.source, lang),
                    mark(f)
                ),
            ));
            if f.counts != Counts::Indicator {
                if let Some(cl) = &f.counts_label {
                    out.push(Para::new(
                        Kind::Source,
                        sub,
                        format!(
                            "{}{}",
                            lang.pick("数えているもの：", "counts: "),
                            cl.get(lang)
                        ),
                    ));
                }
            }
            if let Some(u) = &f.unknown {
                out.push(Para::new(
                    Kind::Source,
                    sub,
                    format!(
                        "{}{}",
                        lang.pick(
                            "ほかに不明（わからない・無回答）：",
                            "unknown (don't know, no answer): "
                        ),
                        u.display(lang)
                    ),
                ));
            }
            for also in c.also {
                out.push(Para::new(
                    Kind::Source,
                    sub,
                    format!(
                        "{}{} — {}{}",
                        lang.pick("別の記述：", "also: "),
                        also.display(lang),
                        place(&also.source, lang),
                        mark(also)
                    ),
                ));
            }
        }
        None => {
            out.push(Para::new(
                Kind::Figure,
                "",
                format!(
                    "{label}: {}",
                    lang.pick(
                        "本文に数値なし（グラフのみ）",
                        "not in the report's text (charts only)"
                    )
                ),
            ));
            for s in c.says {
                out.push(Para::new(
                    Kind::Source,
                    sub,
                    format!(
                        "{}{}{}",
                        lang.pick("報告：", "report: "),
                        s.get(lang),
                        paren(lang, &place(&s.source, lang))
                    ),
                ));
            }
        }
    }
}

fn style(kind: Kind, t: &Theme) -> Style {
    match kind {
        Kind::Plain | Kind::Figure => t.base(),
        Kind::Own => t.heading(),
        Kind::Concern => t.warn(),
        Kind::Sentence => t.accent(),
        Kind::Source | Kind::Note => t.dim(),
    }
}

/// Wraps paragraphs to `w` columns, each lead hanging.
fn lay_out(paras: &[Para], w: usize, t: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for p in paras {
        let lead_w = width(&p.lead);
        let body = w.saturating_sub(lead_w).max(8);
        for (i, l) in wrap(&p.text, body).into_iter().enumerate() {
            let lead = if i == 0 {
                p.lead.clone()
            } else {
                " ".repeat(lead_w)
            };
            lines.push(Line::styled(format!("{lead}{l}"), style(p.kind, t)));
        }
    }
    lines
}

/// A rule across `w` columns with a title on the left and a hint on the right.
fn rule(title: &str, hint: &str, w: usize, t: &Theme) -> Line<'static> {
    let hint = if hint.is_empty() {
        String::new()
    } else {
        format!(" {hint} ─")
    };
    let title = truncate(title, w.saturating_sub(width(&hint) + 4));
    let fill = w.saturating_sub(width(&title) + width(&hint) + 4);
    Line::from(vec![
        Span::styled("── ".to_string(), t.border()),
        Span::styled(title, t.heading()),
        Span::styled(format!(" {}", "─".repeat(fill)), t.border()),
        Span::styled(hint, t.dim()),
    ])
}

/// The widths of the indicator table's columns at one terminal width.
struct Grid {
    label: usize,
    own: usize,
    bar: usize,
    figure: usize,
    precision: usize,
    columns: usize,
}

impl Grid {
    fn of(made: &Made, w: usize, lang: Lang) -> Grid {
        let label = made
            .rows
            .iter()
            .map(|r| width(&r.label))
            .max()
            .unwrap_or(8)
            .max(width(lang.pick("指標", "Indicator")));
        let own = made
            .rows
            .iter()
            .map(|r| width(&r.own))
            .max()
            .unwrap_or(4)
            .max(width(lang.pick("貴院", "You")));
        let mut figure = width(lang.pick("割合", "share"));
        let mut precision = width(lang.pick("精度", "precision"));
        for r in &made.rows {
            for c in &r.cells {
                if let Cell::Figure {
                    text, precision: p, ..
                } = c
                {
                    figure = figure.max(width(text));
                    precision = precision.max(width(p));
                }
            }
        }
        let columns = if w >= usize::from(SIDE_BY_SIDE) { 2 } else { 1 };
        // Marker, label, own; then per cohort: separator, bar, figure, precision, marks.
        let fixed = 2 + label + 1 + own;
        let per = (w.saturating_sub(fixed)) / columns;
        let bar = per
            .saturating_sub(2 + 1 + figure + 1 + precision + 2)
            .max(4);
        Grid {
            label,
            own,
            bar,
            figure,
            precision,
            columns,
        }
    }

    fn cell_width(&self) -> usize {
        2 + self.bar + 1 + self.figure + 1 + self.precision + 2
    }

    /// The cohorts shown, in order: both side by side, else the one in front.
    fn shown(&self, focus: Column) -> Vec<Column> {
        if self.columns == 2 {
            vec![Column::BedClass, Column::Founder]
        } else {
            vec![focus]
        }
    }
}

/// "0%   50%   100%" across a bar.
fn scale(cols: usize) -> String {
    if cols < 10 {
        return pad("0–100%", cols);
    }
    let mid = "50%";
    let left = "0%";
    let right = "100%";
    let half = cols / 2;
    let a = half.saturating_sub(width(left) + 1);
    let b = cols.saturating_sub(width(left) + a + width(mid) + width(right));
    format!("{left}{}{mid}{}{right}", " ".repeat(a), " ".repeat(b))
}

impl PositionScreen {
    /// ```text
    /// 80×24 (one cohort; ←→ shows the other)     ≥120 columns: both cohorts side by side
    /// 病床規模 ▒▒░░░░░▒▒▒█████▒▒▒ 300～499床 283病院 24.7%   (≥34 rows: the two bar charts
    /// 開設者   ▒░░░░▒▒▒█████████░▒ 医療法人 600病院 52.4%      of respondents, own marked)
    ///  [病床規模 300～499床 n=283]  開設者 医療法人 n=600          ←→
    ///  指標               貴院      0%     50%    100%  割合     精度
    /// ▶VPN脆弱性が未対応  ●該当 !   ◆█▓░░░░░░░░░░░░░░  約17–23%  言葉※
    ///  …one row per indicator…
    /// █数値 ▓範囲 ░残り ◆貴院 ※注 △小標本
    /// ── 指摘されたVPNの脆弱性が未対応 ─────────────── Enter 全文 ─
    /// 貴院：該当する（問7 使用している、問8 未対応）［要注意］
    /// 300～499床 n=283: 約17–23%（2割程度）… — 病床規模別(2/7) ※1
    /// → 300～499床の病院で「…」は約17–23%（2割程度）の少数派で…
    /// ```
    fn render_indicators(&self, frame: &mut Frame, area: Rect, view: &View) {
        let l = self.lang;
        let t = &view.theme;
        let w = area.width as usize;
        let grid = Grid::of(&self.made, w, l);
        let mut lines: Vec<Line> = Vec::new();
        if area.height >= FULL_HEADER {
            lines.extend(self.charts(w, t, false));
        } else {
            for s in &self.made.strips {
                lines.push(strip_line(s, w, t));
            }
        }
        lines.push(self.heads_line(&grid, w, t));
        lines.push(self.scale_line(&grid, t));
        for (i, r) in self.made.rows.iter().enumerate() {
            lines.push(self.row_line(i, r, &grid, t));
        }
        lines.push(Line::styled(
            truncate(
                l.pick(
                    "█数値 ▓範囲（報告の言葉） ·不明 ░残り ◆貴院のいる側 ※注 △小標本(n<30) !要注意",
                    "█ share ▓ range (words) ·don't know ░ rest ◆ your side ※ note △ n<30 ! concern",
                ),
                w,
            ),
            t.dim(),
        ));
        let title = self
            .pos
            .indicators
            .get(self.selected)
            .map_or("", |ip| ip.indicator.text.get(l));
        lines.push(rule(
            title,
            l.pick("Enter 全文・出典・注", "Enter: all, sources, notes"),
            w,
            t,
        ));
        let room = (area.height as usize).saturating_sub(lines.len());
        let detail = lay_out(&self.detail, w, t);
        let more = detail.len() > room;
        for (i, line) in detail.into_iter().take(room).enumerate() {
            if more && i + 1 == room {
                lines.push(Line::styled(
                    truncate(
                        l.pick(
                            "…続きは Enter（出典・読み方の注）",
                            "… more with Enter (sources, notes)",
                        ),
                        w,
                    ),
                    t.dim(),
                ));
            } else {
                lines.push(line);
            }
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    /// The two bar charts of respondents side by side, own classes marked; under the bed
    /// classes, the respondents like the hospital (and on the respondents page, its budget).
    fn charts(&self, w: usize, t: &Theme, with_budget: bool) -> Vec<Line<'static>> {
        let left_w = w / 2;
        let right_w = w - left_w;
        let mut left = chart_lines(&self.made.bed_chart, left_w, t, self.lang);
        left.push(Line::raw(""));
        if with_budget {
            if let Some(b) = &self.made.budget_chart {
                left.extend(chart_lines(b, left_w, t, self.lang));
            }
        } else {
            left.extend(lay_out(&self.made.like_you, left_w.saturating_sub(1), t));
        }
        let right = chart_lines(&self.made.founder_chart, right_w, t, self.lang);
        let n = left.len().max(right.len());
        let mut out = Vec::new();
        let mut left = left.into_iter();
        let mut right = right.into_iter();
        for _ in 0..n {
            let mut spans = Vec::new();
            let l = left.next().unwrap_or_default();
            let lw = l.width();
            spans.extend(l.spans);
            spans.push(Span::raw(" ".repeat(left_w.saturating_sub(lw))));
            if let Some(r) = right.next() {
                spans.extend(r.spans);
            }
            out.push(Line::from(spans));
        }
        out
    }

    fn heads_line(&self, grid: &Grid, w: usize, t: &Theme) -> Line<'static> {
        let l = self.lang;
        let mut spans = Vec::new();
        let head = |c: Column, cw: usize| -> Span<'static> {
            let h = &self.made.heads[c.index()];
            let front = c == self.focus;
            let text = if front {
                format!("[{}]", h.text)
            } else {
                format!(" {} ", h.text)
            };
            let style = if front {
                t.selected()
            } else if h.small {
                t.warn()
            } else {
                t.base()
            };
            Span::styled(truncate(&text, cw), style)
        };
        if grid.columns == 2 {
            let lead = 2 + grid.label + 1 + grid.own;
            spans.push(Span::raw(" ".repeat(lead)));
            for c in [Column::BedClass, Column::Founder] {
                let s = head(c, grid.cell_width());
                let sw = width(&s.content);
                spans.push(Span::raw(" "));
                spans.push(s);
                spans.push(Span::raw(
                    " ".repeat(grid.cell_width().saturating_sub(sw + 1)),
                ));
            }
        } else {
            let hint = l.pick("  ←→ 切替", "  ←→ switch");
            let room = w.saturating_sub(width(hint) + 1);
            let a = head(self.focus, room / 2 + 4);
            let aw = width(&a.content);
            let b = head(self.focus.other(), room.saturating_sub(aw + 1));
            let (first, second) = if self.focus == Column::BedClass {
                (a, b)
            } else {
                (b, a)
            };
            let used = width(&first.content) + width(&second.content) + 1;
            spans.push(Span::raw(" "));
            spans.push(first);
            spans.push(Span::raw(" "));
            spans.push(second);
            spans.push(Span::styled(
                format!("{}{hint}", " ".repeat(room.saturating_sub(used))),
                t.dim(),
            ));
        }
        Line::from(spans)
    }

    fn scale_line(&self, grid: &Grid, t: &Theme) -> Line<'static> {
        let l = self.lang;
        let mut s = format!(
            "  {} {}",
            pad(l.pick("指標", "Indicator"), grid.label),
            pad(l.pick("貴院", "You"), grid.own)
        );
        for _ in grid.shown(self.focus) {
            s.push_str(&format!(
                "  {} {} {} ",
                scale(grid.bar),
                pad(l.pick("割合", "share"), grid.figure),
                pad(l.pick("精度", "precision"), grid.precision)
            ));
        }
        Line::styled(s.trim_end().to_string(), t.dim())
    }

    /// One indicator. When the selection moves only the marker and the label's reverse change.
    fn row_line(&self, i: usize, r: &Row, grid: &Grid, t: &Theme) -> Line<'static> {
        let sel = i == self.selected;
        let mut spans = vec![
            Span::raw(if sel { "▶ " } else { "  " }),
            Span::styled(
                pad(&r.label, grid.label),
                if sel { t.selected() } else { t.base() },
            ),
            Span::raw(" "),
            Span::styled(
                pad(&r.own, grid.own),
                if r.concern {
                    t.warn()
                } else if r.value == IndicatorValue::Unanswered {
                    t.dim()
                } else {
                    t.base()
                },
            ),
        ];
        for (k, c) in grid.shown(self.focus).into_iter().enumerate() {
            spans.push(Span::styled(if k == 0 { "  " } else { "│ " }, t.border()));
            match &r.cells[c.index()] {
                Cell::Figure {
                    range,
                    unknown,
                    counted,
                    text,
                    precision,
                    note,
                    small,
                } => {
                    spans.push(Span::styled(
                        share_bar(*range, *unknown, grid.bar, *counted),
                        t.accent(),
                    ));
                    spans.push(Span::raw(format!(
                        " {} {}{}",
                        pad(text, grid.figure),
                        pad(precision, grid.precision),
                        if *note { "※" } else { " " }
                    )));
                    spans.push(Span::styled(if *small { "△" } else { " " }, t.warn()));
                }
                Cell::Missing(s) | Cell::NoCohort(s) => {
                    let w = grid.bar + 1 + grid.figure + 1 + grid.precision + 2;
                    spans.push(Span::styled(pad(s, w), t.dim()));
                }
            }
        }
        Line::from(spans)
    }

    /// ```text
    /// 病床規模（回答1,144病院、p2）          開設者（△ 回答30病院未満）
    ///   20～99床   ███░░░░░ 141 12.3%          国               ██░░  47  4.1%
    /// ▶ 300～499床 ██████░░ 283 24.7% ◀      ▶ 医療法人         ████ 600 52.4% ◀
    /// 年間予算：300～499床（p46 図６、n=283）   医療生協         ░░░░   4  0.3% △
    /// ▶ 500万未満  ████████ 137 48.4% ◀       …
    /// ── 貴院と同じ区分・担当者 ─────────────────────────── Enter 注 ─
    /// 貴院と同じ区分：300～499床 283病院（1,144病院の24.7%）
    /// 担当者：貴院 2人（常勤2人）／全回答病院の平均 2.5–3人（3人弱）全体結果(4/7) ※2
    /// ```
    fn render_respondents(&self, frame: &mut Frame, area: Rect, view: &View) {
        let l = self.lang;
        let t = &view.theme;
        let w = area.width as usize;
        let mut lines = self.charts(w, t, true);
        lines.push(rule(
            l.pick("貴院と同じ区分・担当者", "Like you, and your staff"),
            l.pick("Enter 注の全文", "Enter: notes"),
            w,
            t,
        ));
        let mut paras = self.made.like_you.clone();
        paras.extend(self.made.staff.iter().cloned());
        paras.extend(self.made.notes.iter().cloned());
        let room = (area.height as usize).saturating_sub(lines.len());
        let body = lay_out(&paras, w, t);
        let more = body.len() > room;
        for (i, line) in body.into_iter().take(room).enumerate() {
            if more && i + 1 == room {
                lines.push(Line::styled(
                    truncate(l.pick("…続きは Enter", "… more with Enter"), w),
                    t.dim(),
                ));
            } else {
                lines.push(line);
            }
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn render_details(&self, frame: &mut Frame, area: Rect, view: &View, scroll: usize) {
        let l = self.lang;
        let t = &view.theme;
        let rect = area;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.accent())
            .title(truncate(
                &format!(" {} ", self.overlay_title()),
                rect.width.saturating_sub(4) as usize,
            ))
            .title_bottom(Line::styled(
                l.pick(
                    " ↑↓/PgUp/PgDn スクロール  Esc/Enter 閉じる ",
                    " ↑↓/PgUp/PgDn scroll  Esc/Enter close ",
                ),
                t.dim(),
            ));
        let inner = block.inner(rect);
        crate::tui::widgets::overlay::clear(frame, rect);
        frame.render_widget(block, rect);
        let text = Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(2),
            ..inner
        };
        let lines = lay_out(self.overlay(), text.width as usize, t);
        let h = text.height as usize;
        let top = scroll.min(lines.len().saturating_sub(h));
        let shown: Vec<Line> = lines.into_iter().skip(top).take(h).collect();
        frame.render_widget(Paragraph::new(shown), text);
    }
}

fn strip_line(s: &Strip, w: usize, t: &Theme) -> Line<'static> {
    let label_w = 9;
    let tail_w = width(&s.tail).min(w / 2);
    let cols = w.saturating_sub(label_w + tail_w + 2).max(8);
    Line::from(vec![
        Span::styled(pad(s.label, label_w), t.heading()),
        Span::styled(stacked(&s.counts, s.own, cols), t.accent()),
        Span::raw(" "),
        Span::raw(truncate(&s.tail, w.saturating_sub(label_w + cols + 1))),
    ])
}

/// A bar chart: the title, then a bar per class scaled to the largest, the own class marked
/// `▶ … ◀` and reversed so it shows without colour.
fn chart_lines(c: &Chart, w: usize, t: &Theme, lang: Lang) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(truncate(&c.title, w), t.heading())];
    let label_w = c.bars.iter().map(|b| width(&b.label)).max().unwrap_or(4);
    let value_w = c.bars.iter().map(|b| width(&b.value)).max().unwrap_or(4);
    // At 40 columns (80×24, two charts side by side) the marker alone, to leave the bar room.
    let tag = if w >= 50 {
        lang.pick(" ◀貴院", " ◀ you")
    } else {
        " ◀"
    };
    let bar_w = w
        .saturating_sub(2 + label_w + 1 + 1 + value_w + width(tag) + 1)
        .clamp(3, 30);
    for b in &c.bars {
        let label = pad(&b.label, label_w);
        out.push(Line::from(vec![
            Span::raw(if b.own { "▶ " } else { "  " }),
            Span::styled(label, if b.own { t.selected() } else { t.base() }),
            Span::raw(" "),
            Span::styled(
                bar(b.ratio, bar_w),
                if b.own { t.accent() } else { t.dim() },
            ),
            Span::raw(format!(" {}", pad_left(&b.value, value_w))),
            Span::styled(
                if b.own {
                    tag.to_string()
                } else if b.small {
                    " △".to_string()
                } else {
                    String::new()
                },
                if b.own { t.heading() } else { t.warn() },
            ),
        ]));
    }
    out
}

impl Screen for PositionScreen {
    fn pane(&self) -> Option<Pane> {
        Some(Pane::Position)
    }

    fn scope(&self) -> Scope {
        if self.details.is_some() {
            Scope::Details
        } else {
            Scope::Position
        }
    }

    fn title(&self, view: &View) -> String {
        let l = view.lang;
        let page = match self.page {
            Page::Indicators => l.pick("指標", "indicators"),
            Page::Respondents => l.pick("回答病院・予算・担当者", "respondents, budget, staff"),
        };
        format!(
            "{} {} — {}{page}",
            self.pos.record,
            self.pos.name.as_deref().unwrap_or("—"),
            l.pick("2022年調査との比較：", "position against the 2022 survey: "),
        )
    }

    fn footer(&self, view: &View) -> Vec<(String, String)> {
        let l = view.lang;
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        if self.details.is_some() {
            return vec![
                pair("↑↓", l.pick("スクロール", "scroll")),
                pair("PgDn", l.pick("次のページ", "page")),
                pair("Esc", l.pick("閉じる", "close")),
            ];
        }
        match self.page {
            Page::Indicators => vec![
                pair("↑↓", l.pick("指標", "indicator")),
                pair("←→", l.pick("病床/開設者", "bed/founder")),
                pair("Enter", l.pick("全文", "detail")),
                pair("Tab", l.pick("予算・担当者", "budget, staff")),
                pair("?", l.pick("キー", "keys")),
                pair("Esc", l.pick("戻る", "back")),
            ],
            Page::Respondents => vec![
                pair("Tab", l.pick("指標", "indicators")),
                pair("Enter", l.pick("注の全文", "notes")),
                pair("i", l.pick("面談", "interview")),
                pair("?", l.pick("キー", "keys")),
                pair("Esc", l.pick("戻る", "back")),
            ],
        }
    }

    fn handle_key(&mut self, key: KeyEvent, _env: &mut Env) -> Option<Action> {
        if let Some(scroll) = self.details {
            let limit = self.scroll_limit();
            let next = match keys::intent_in(Scope::Details, &key)? {
                Intent::Up => scroll.saturating_sub(1),
                Intent::Down => scroll + 1,
                Intent::PrevSection => scroll.saturating_sub(10),
                Intent::NextSection => scroll + 10,
                Intent::Back => {
                    self.details = None;
                    return Some(Action::None);
                }
                _ => return None,
            };
            self.details = Some(next.min(limit));
            return Some(Action::None);
        }
        match keys::intent(Scope::Position, &key)? {
            Intent::Up => self.select(self.selected.saturating_sub(1)),
            Intent::Down => self.select(self.selected + 1),
            Intent::OtherCohort => {
                self.focus = self.focus.other();
                self.select(self.selected);
            }
            Intent::NextPage => {
                self.page = match self.page {
                    Page::Indicators => Page::Respondents,
                    Page::Respondents => Page::Indicators,
                }
            }
            Intent::Details => self.details = Some(0),
            Intent::Back => return Some(Action::Back),
            Intent::Quit => return Some(Action::Quit),
            _ => return None,
        }
        Some(Action::None)
    }

    /// Another pane may have changed the record: the position is made again.
    fn resume(&mut self, env: &mut Env) {
        if let Some(session) = env.session.as_deref() {
            self.refresh(&session.record);
        }
    }

    fn help_extra(&self, lang: Lang) -> Vec<(String, String)> {
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        vec![
            pair(
                "█ ▓ · ░",
                lang.pick(
                    "報告の数値／範囲（報告の言葉：約…）／不明／残り",
                    "printed share / range (the report's words) / don't know / rest",
                ),
            ),
            pair(
                "◆",
                lang.pick(
                    "貴院のいる側（数えられている側か残りか）",
                    "your side: among those counted, or the rest",
                ),
            ),
            pair(
                "●○?·",
                lang.pick(
                    "貴院：該当／非該当／不明／未回答（! 要注意）",
                    "you: yes / no / don't know / unanswered (! concern)",
                ),
            ),
            pair(
                "※ △",
                lang.pick(
                    "shindanの読み方の注（Enter）／小標本 n<30",
                    "how shindan reads it (Enter) / small sample n<30",
                ),
            ),
        ]
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        match self.page {
            Page::Indicators => self.render_indicators(frame, area, view),
            Page::Respondents => self.render_respondents(frame, area, view),
        }
        if let Some(scroll) = self.details {
            self.render_details(frame, area, view, scroll);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_spans_the_bar() {
        assert_eq!(scale(20), "0%       50%    100%");
        assert_eq!(width(&scale(23)), 23);
        assert_eq!(scale(6), "0–100%");
    }
}
