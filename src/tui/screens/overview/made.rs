//! The text of the overview's panels and steps, made once from [`Overview`] when the screen
//! opens or comes back. A frame only cuts it to the room it has and draws the bars.

use crate::domain::budget::spoken::say;
use crate::domain::matrix::Tally;
use crate::domain::overview::{BudgetSummary, Overview, RiskLevel};
use crate::domain::survey::render::{render_figure, Form};
use crate::domain::survey::Survey;
use crate::domain::{Lang, Text};
use crate::tui::keys::{self, Intent, Pane, Scope};

/// How a piece of text is drawn; colour is never the only signal (each tone has a mark or a
/// word with it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Dim,
    Warn,
    Bad,
    Good,
    Heading,
}

/// One line of a panel: text, then (when `bar` is set) a bar as wide as the room left, then
/// `tail`.
#[derive(Debug, Clone)]
pub struct PLine {
    pub segs: Vec<(String, Tone)>,
    pub bar: Option<f64>,
    pub tail: Vec<(String, Tone)>,
    /// Shown in the compact 2×2 grid too (else only when the panel is tall).
    pub compact: bool,
    /// Says in words what another line says with a figure or a key (「対策83件の状態がすべて不明」
    /// beside 「網羅 0%（判明 0/83）」): dropped before any line is cut.
    pub spare: bool,
}

fn line(text: impl Into<String>, tone: Tone) -> PLine {
    PLine {
        segs: vec![(text.into(), tone)],
        bar: None,
        tail: Vec::new(),
        compact: true,
        spare: false,
    }
}

fn bar_line(head: impl Into<String>, ratio: f64, tail: impl Into<String>, tone: Tone) -> PLine {
    PLine {
        segs: vec![(head.into(), Tone::Plain)],
        bar: Some(ratio),
        tail: vec![(tail.into(), tone)],
        compact: true,
        spare: false,
    }
}

fn wide_only(mut l: PLine) -> PLine {
    l.compact = false;
    l
}

fn spare(mut l: PLine) -> PLine {
    l.spare = true;
    l
}

pub struct Panel {
    pub title: String,
    pub pane: Pane,
    pub lines: Vec<PLine>,
}

pub struct Step {
    pub rank: usize,
    pub action: String,
    pub why: String,
    pub source: String,
    /// Where the step is done: Enter on it opens that place.
    pub target: crate::domain::overview::Target,
}

pub struct Made {
    pub panels: [Panel; 4],
    pub steps: Vec<Step>,
}

/// The panels and steps of `o`, its figures said as `survey` (the one `o` was made against)
/// gives them.
pub fn make(o: &Overview, survey: &Survey, lang: Lang) -> Made {
    Made {
        panels: [
            position(o, survey, lang),
            coverage(o, lang),
            budget(o, lang),
            checklist(o, lang),
        ],
        steps: o
            .next_steps
            .iter()
            .map(|s| Step {
                rank: s.rank,
                action: s.action.get(lang).to_string(),
                why: s.why.get(lang).to_string(),
                source: s.source.get(lang).to_string(),
                target: s.target.clone(),
            })
            .collect(),
    }
}

/// The four panels' titles: in English the names the README gives these screens (Position,
/// Risk coverage, Budget shortfall, Checklist).
pub fn title(pane: Pane, lang: Lang) -> &'static str {
    match pane {
        Pane::Position => lang.pick("調査での位置", "Position"),
        Pane::Matrix => lang.pick("リスク対策の網羅", "Risk coverage"),
        Pane::Budget => lang.pick("予算の不足", "Budget shortfall"),
        _ => lang.pick("チェックリスト", "Checklist"),
    }
}

fn missing(lines: &mut Vec<PLine>, what: &[crate::domain::Text], lang: Lang) {
    for m in what {
        lines.push(spare(line(format!("! {}", m.get(lang)), Tone::Warn)));
    }
}

fn position(o: &Overview, survey: &Survey, lang: Lang) -> Panel {
    let p = &o.position;
    let mut lines = Vec::new();
    let place = |pl: Option<crate::domain::position::Place>| {
        pl.map(|pl| {
            format!(
                "{} n={}",
                pl.cohort.label(lang),
                crate::domain::questionnaire::group_thousands(i64::from(pl.n))
            )
        })
    };
    if let Some(b) = place(p.bed_class) {
        lines.push(line(b, Tone::Dim));
    }
    if let Some(f) = place(p.founder) {
        lines.push(line(f, Tone::Dim));
    }
    missing(&mut lines, &p.missing(), lang);
    // The strip: one cell per indicator, in questionnaire order.
    let minority = p.minority().count();
    let common = p.worries.len() - minority;
    let mut cells: Vec<(String, Tone)> = Vec::new();
    for ind in &crate::domain::Questionnaire::embedded().indicators {
        let cell = if let Some(w) = p.worries.iter().find(|w| w.indicator.id == ind.id) {
            if w.minority() {
                ("▼", Tone::Bad)
            } else {
                ("■", Tone::Warn)
            }
        } else if p.unanswered.iter().any(|i| i.id == ind.id) {
            ("·", Tone::Dim)
        } else if p.dont_know.iter().any(|i| i.id == ind.id) {
            ("?", Tone::Warn)
        } else {
            ("○", Tone::Good)
        };
        cells.push((cell.0.to_string(), cell.1));
    }
    lines.push(PLine {
        segs: cells,
        bar: None,
        tail: Vec::new(),
        compact: true,
        spare: false,
    });
    lines.push(line(
        match lang {
            Lang::Ja => format!(
                "▼少数派{minority} ■共通{common} ○良好{} ?{} ·{}",
                p.fine,
                p.dont_know.len(),
                p.unanswered.len()
            ),
            Lang::En => format!(
                "▼minority {minority} ■common {common} ○fine {} ?{} ·{}",
                p.fine,
                p.dont_know.len(),
                p.unanswered.len()
            ),
        },
        Tone::Dim,
    ));
    for w in &p.worries {
        let (mark, tone) = if w.minority() {
            ("▼ ", Tone::Bad)
        } else {
            ("■ ", Tone::Warn)
        };
        let mut l = line(format!("{mark}{}", w.indicator.short(lang)), tone);
        if let Some(s) = w.telling() {
            let figure = render_figure(s.figure, survey, Form::Brief, lang);
            l.tail = vec![(format!(" {figure}"), Tone::Dim)];
        }
        lines.push(l);
    }
    if p.worries.is_empty() && p.answered() > 0 {
        lines.push(line(
            lang.pick("要注意の回答なし", "No worrying answer"),
            Tone::Good,
        ));
    }
    Panel {
        title: title(Pane::Position, lang).to_string(),
        pane: Pane::Position,
        lines,
    }
}

/// One character for a category's coverage: the darker, the more covered.
fn shade(t: &Tally) -> (&'static str, Tone) {
    match t.percent() {
        None => ("·", Tone::Dim),
        Some(p) if p >= 75 => ("█", Tone::Good),
        Some(p) if p >= 50 => ("▓", Tone::Plain),
        Some(p) if p >= 25 => ("▒", Tone::Warn),
        Some(_) => ("░", Tone::Bad),
    }
}

fn coverage(o: &Overview, lang: Lang) -> Panel {
    let c = &o.coverage;
    let mut lines = Vec::new();
    let pct = c
        .overall
        .percent()
        .map_or("—".to_string(), |p| format!("{p}%"));
    lines.push(bar_line(
        lang.pick("全体 ", "All "),
        c.overall.coverage().unwrap_or(0.0),
        format!(" {pct}"),
        Tone::Plain,
    ));
    // The screen's own way to set them: walk the unknown controls from this panel.
    let walk = keys::shown(Scope::Overview, Intent::Walk);
    let how = Text {
        ja: format!("{walk} で順に設定"),
        en: format!("set them one by one with {walk}"),
    };
    missing(&mut lines, &c.missing(&how), lang);
    let mut strip: Vec<(String, Tone)> = vec![(lang.pick("分野 ", "Areas ").into(), Tone::Plain)];
    for (_, _, t) in &c.categories {
        let (s, tone) = shade(t);
        strip.push((s.to_string(), tone));
    }
    // The legend as the tail: kept whole, on the row below when the strip leaves no room.
    lines.push(PLine {
        segs: strip,
        bar: None,
        tail: vec![(" ░<25 ▒ ▓ █≥75%".into(), Tone::Dim)],
        compact: true,
        spare: false,
    });
    // Covered, known and unknown in one figure, as on every surface; what is unknown is one
    // key (w) from being asked.
    let unknown = c.figure.unknown();
    lines.push(line(
        c.figure.render(lang),
        if unknown > 0 { Tone::Warn } else { Tone::Dim },
    ));
    if c.conflicts > 0 {
        lines.push(line(
            match lang {
                Lang::Ja => format!("！食い違い {}件", c.conflicts),
                Lang::En => format!("! {} in conflict", c.conflicts),
            },
            Tone::Bad,
        ));
    }
    if unknown > 0 {
        lines.push(spare(line(
            match lang {
                Lang::Ja => format!("w 不明の対策{unknown}件を順に確認"),
                Lang::En => format!("w: walk the {unknown} unknown"),
            },
            Tone::Dim,
        )));
    }
    for (_, name, t) in &c.categories {
        let pct = t.percent().map_or("—".to_string(), |p| format!("{p}%"));
        lines.push(wide_only(bar_line(
            format!("{} ", crate::text::pad(name.get(lang), 16)),
            t.coverage().unwrap_or(0.0),
            format!(" {}", crate::text::pad_left(&pct, 4)),
            Tone::Plain,
        )));
    }
    let known: Vec<_> = c.uncovered.iter().filter(|u| u.known > 0).collect();
    if !known.is_empty() {
        lines.push(line(
            lang.pick("未対策（大→中→小）", "Uncovered (large first)"),
            Tone::Heading,
        ));
    }
    for u in known {
        let tone = if u.level == RiskLevel::Large {
            Tone::Bad
        } else {
            Tone::Warn
        };
        lines.push(line(
            format!("{} {}", u.level.label(lang), u.name.get(lang)),
            tone,
        ));
    }
    Panel {
        title: title(Pane::Matrix, lang).to_string(),
        pane: Pane::Matrix,
        lines,
    }
}

fn budget(o: &Overview, lang: Lang) -> Panel {
    let mut lines = Vec::new();
    let b = &o.budget;
    missing(&mut lines, &b.missing(), lang);
    if let BudgetSummary::Shown(h) = b {
        lines.push(line(
            format!(
                "{} {}",
                h.bed_class.label(lang),
                lang.pick("（提言1）", "(proposal 1)")
            ),
            Tone::Dim,
        ));
        let need = |min: bool| {
            if min {
                h.required.min
            } else {
                h.required.sufficient
            }
        };
        if let Some(actual) = h.actual {
            lines.push(line(
                format!(
                    "{} {}{}",
                    lang.pick("実際", "Actual"),
                    say(actual, lang),
                    if b.defaults().is_empty() {
                        ""
                    } else {
                        lang.pick(" ［既定あり］", " [defaults]")
                    }
                ),
                Tone::Plain,
            ));
            for (min, label) in [(true, "15%"), (false, "30%")] {
                let req = need(min);
                let ratio = if req > 0 {
                    actual as f64 / req as f64
                } else {
                    1.0
                };
                let gap = actual - req;
                let (tail, tone) = if gap < 0 {
                    (
                        format!(" {}{}", lang.pick("不足", "short "), say(-gap, lang)),
                        Tone::Bad,
                    )
                } else {
                    (lang.pick(" 充足", " met").to_string(), Tone::Good)
                };
                lines.push(bar_line(format!("{label} "), ratio, tail, tone));
            }
            if let Some(c) = b.cohort() {
                lines.push(line(
                    match lang {
                        Lang::Ja => format!(
                            "規模平均の差額 {}／{}",
                            say(c.min, lang),
                            say(c.sufficient, lang)
                        ),
                        Lang::En => format!(
                            "Class avg gap {} / {}",
                            say(c.min, lang),
                            say(c.sufficient, lang)
                        ),
                    },
                    Tone::Dim,
                ));
            }
        }
        lines.push(wide_only(line(
            format!(
                "{} 15% {} / 30% {}",
                lang.pick("必要", "Needed"),
                say(h.required.min, lang),
                say(h.required.sufficient, lang)
            ),
            Tone::Dim,
        )));
        for d in b.defaults() {
            lines.push(wide_only(line(
                match lang {
                    Lang::Ja => format!("［既定］{}", d.label(lang)),
                    Lang::En => format!("[default] {}", d.label(lang)),
                },
                Tone::Dim,
            )));
        }
    }
    Panel {
        title: title(Pane::Budget, lang).to_string(),
        pane: Pane::Budget,
        lines,
    }
}

fn checklist(o: &Overview, lang: Lang) -> Panel {
    let mut lines = Vec::new();
    match &o.checklist {
        None => lines.push(line(
            lang.pick("! チェックリストの版がありません", "! No checklist edition"),
            Tone::Warn,
        )),
        Some(c) => {
            lines.push(line(c.edition_name.get(lang), Tone::Dim));
            let open = keys::shown(Scope::Overview, Intent::Open);
            let how = Text {
                ja: format!("{open} でチェックリストを開いて回答"),
                en: format!("{open} opens the checklist to answer"),
            };
            missing(&mut lines, &c.missing_text(&how), lang);
            let ratio = if c.required == 0 {
                1.0
            } else {
                c.done as f64 / c.required as f64
            };
            lines.push(bar_line(
                lang.pick("必須 ", "Req. "),
                ratio,
                format!(" {}/{}", c.done, c.required),
                if c.ready { Tone::Good } else { Tone::Plain },
            ));
            if c.vendors > 0 {
                lines.push(line(
                    match lang {
                        Lang::Ja => format!(
                            "事業者の回答 {}/{}{}",
                            c.vendors - c.vendors_missing.len(),
                            c.vendors,
                            crate::domain::carried::waiting(c.vendors_carried.len(), lang)
                        ),
                        Lang::En => format!(
                            "Vendor forms {}/{}{}",
                            c.vendors - c.vendors_missing.len(),
                            c.vendors,
                            crate::domain::carried::waiting(c.vendors_carried.len(), lang)
                        ),
                    },
                    Tone::Plain,
                ));
            }
            if !c.conflicts.is_empty() {
                lines.push(line(
                    match lang {
                        Lang::Ja => format!("! 事業者との食い違い {}件", c.conflicts.len()),
                        Lang::En => format!("! {} vendor conflicts", c.conflicts.len()),
                    },
                    Tone::Bad,
                ));
            }
            if !c.not_started() && !c.missing.is_empty() {
                lines.push(line(
                    match lang {
                        Lang::Ja => format!("未完了 {}項目", c.missing.len()),
                        Lang::En => format!("{} items missing", c.missing.len()),
                    },
                    Tone::Warn,
                ));
            }
            if c.ready {
                lines.push(line(
                    lang.pick("✓ 立入検査の準備完了", "✓ Ready for the inspection"),
                    Tone::Good,
                ));
            }
            if !c.targets.is_empty() {
                lines.push(line(lang.pick("目標日", "Targets"), Tone::Heading));
            }
            for t in &c.targets {
                let (late, tone) = if t.overdue {
                    (lang.pick(" 期限切れ", " past due"), Tone::Bad)
                } else {
                    ("", Tone::Plain)
                };
                lines.push(line(format!("{} {}{late}", t.on, t.label.get(lang)), tone));
            }
        }
    }
    Panel {
        title: title(Pane::Checklist, lang).to_string(),
        pane: Pane::Checklist,
        lines,
    }
}
