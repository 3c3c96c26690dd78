//! One scenario's controls, as the report links them (p41): who implements each (the hospital,
//! or the vendor on the hospital's instruction), the guideline it comes from, its status and
//! where that came from (the interview, the user, last year), and which controls stand in for
//! it when it is missing. The list and every control's detail are made when the scenario, the
//! filter or the record changes; moving the cursor only picks one.

use super::filter::Filter;
use super::tree::state_style;
use crate::domain::matrix::coverage::{ControlState, LeafCoverage, Via};
use crate::domain::matrix::{By, Catalog, Control, ControlStatus, Coverage, LeafState};
use crate::domain::matrix::{Scenario, StatusSource};
use crate::domain::Lang;
use crate::text::{pad, truncate, width, wrap};
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Heading,
    Base,
    Dim,
    Warn,
}

/// A labelled paragraph of the detail, wrapped when drawn.
#[derive(Debug, Clone)]
pub struct Para {
    pub label: String,
    pub text: String,
    pub tone: Tone,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub control: &'static Control,
    pub status: ControlStatus,
    pub source: StatusSource,
    pub carried: bool,
    pub detail: Vec<Para>,
}

/// The controls of the scenario under the cursor.
#[derive(Debug, Clone, Default)]
pub struct Controls {
    /// Position in `Coverage::leaves`.
    pub leaf: Option<usize>,
    pub scenario: Option<&'static Scenario>,
    pub state: Option<LeafState>,
    /// How the scenario got its state: which control, or which stand-in.
    pub judgement: String,
    pub rows: Vec<Row>,
    /// Controls of the scenario the filter leaves out.
    pub hidden: usize,
}

pub fn status_mark(s: ControlStatus) -> &'static str {
    match s {
        ControlStatus::InPlace => "●",
        ControlStatus::Partial => "◐",
        ControlStatus::Missing => "○",
        ControlStatus::NotApplicable => "-",
        ControlStatus::Unknown => "?",
    }
}

pub fn status_style(s: ControlStatus, t: &Theme) -> Style {
    match s {
        ControlStatus::InPlace => t.ok(),
        ControlStatus::Partial => t.warn(),
        ControlStatus::Missing => t.error(),
        ControlStatus::NotApplicable | ControlStatus::Unknown => t.dim(),
    }
}

/// The status's word, shortened in English where the domain's is long for a column.
fn status_word(s: ControlStatus, lang: Lang) -> &'static str {
    match (lang, s) {
        (Lang::En, ControlStatus::NotApplicable) => "n/a",
        _ => s.label(lang),
    }
}

/// `●実施済み`, padded to the longest status word.
pub fn status_cell(s: ControlStatus, lang: Lang) -> String {
    let w = ControlStatus::ALL
        .iter()
        .map(|s| width(status_word(*s, lang)))
        .max()
        .unwrap_or(0);
    format!("{}{}", status_mark(s), pad(status_word(s, lang), w))
}

/// Where a status came from, in one mark: the interview, the user, last year's record.
pub fn source_mark(source: &StatusSource, carried: bool, lang: Lang) -> &'static str {
    source.mark(carried, lang)
}

fn judgement(leaf: &LeafCoverage<'_>, catalog: &Catalog, lang: Lang) -> String {
    let name = |id: &str| {
        catalog
            .control(id)
            .map_or(id.to_string(), |c| c.name(lang).to_string())
    };
    let state = leaf.state.label(lang);
    match &leaf.via {
        Some(Via::Own(id)) => lang.pick_with(
            || format!("{state}：{}", name(id)),
            || format!("{state}: {}", name(id)),
        ),
        Some(Via::Compensated { missing, by }) => lang.pick_with(
            || format!("{state}：{}（未実施）を {} が補完", name(missing), name(by)),
            || {
                format!(
                    "{state}: {} stands in for {} (missing)",
                    name(by),
                    name(missing)
                )
            },
        ),
        None => match leaf.state {
            LeafState::Unknown => lang
                .pick(
                    "不明：状態の分からない対策があります（不明は未対策として数えます）",
                    "unknown: some controls have no status (unknown counts as uncovered)",
                )
                .to_string(),
            LeafState::Dropped => lang
                .pick(
                    "対象外：どの対策も当院には当てはまりません",
                    "not applicable: no control applies here",
                )
                .to_string(),
            _ => lang
                .pick(
                    "未対策：実施済みの対策も、代わりになる対策もありません",
                    "uncovered: no control in place, and nothing stands in",
                )
                .to_string(),
        },
    }
}

fn detail(
    state: &ControlState<'static>,
    stand_ins: &[(&'static Control, ControlStatus)],
    catalog: &Catalog,
    lang: Lang,
) -> Vec<Para> {
    let (control, status, source, carried) =
        (state.control, state.status, &state.source, state.carried);
    let para = |label: &str, text: String, tone| Para {
        label: label.to_string(),
        text,
        tone,
    };
    let mut out = vec![para(
        "",
        // The control by its words only: a screen shows no ids (the CLI's `control --json` has them).
        control.name(lang).to_string(),
        Tone::Heading,
    )];
    let by = match control.by {
        By::Hospital => lang.pick("病院", "the hospital").to_string(),
        By::Vendor => lang
            .pick(
                "事業者（病院が指示）",
                "the vendor, on the hospital's instruction",
            )
            .to_string(),
    };
    out.push(para(lang.pick("実施：", "By: "), by, Tone::Base));
    let sources: Vec<String> = control.source.iter().map(|c| c.label(lang)).collect();
    out.push(para(
        lang.pick("出典：", "Source: "),
        sources.join(lang.pick("、", "; ")),
        Tone::Base,
    ));
    // What was carried says so, and the key that confirms it as it is.
    let confirm = keys::shown(Scope::MatrixControls, Intent::Confirm);
    let whence = match (carried, source, lang) {
        (true, StatusSource::User, Lang::Ja) => {
            format!("前年の記録から引き継ぎ。今年はまだ設定していません：{confirm} で確認")
        }
        (true, StatusSource::User, Lang::En) => {
            format!("carried from last year's record, not set again this year: {confirm} confirms")
        }
        (true, _, Lang::Ja) => format!(
            "{}・前年から未確認：{confirm} で確認",
            source.describe(lang)
        ),
        (true, _, Lang::En) => format!(
            "{}; carried, not confirmed: {confirm} confirms",
            source.describe(lang)
        ),
        (false, _, _) => source.describe(lang),
    };
    out.push(para(
        lang.pick("状態：", "Status: "),
        lang.pick_with(
            || format!("{}（{whence}）", status.label(lang)),
            || format!("{} ({whence})", status.label(lang)),
        ),
        if carried { Tone::Warn } else { Tone::Base },
    ));
    // Two sources disagree: each one's word, so the user sees which to correct.
    let disagree: Vec<String> = state
        .disagreeing()
        .iter()
        .filter_map(|f| {
            let s = f.status?;
            Some(format!(
                "{}{} {}",
                f.source.mark(f.carried, lang),
                s.label(lang),
                f.source.describe(lang)
            ))
        })
        .collect();
    if !disagree.is_empty() {
        out.push(para(
            lang.pick("！食い違い：", "! Conflict: "),
            disagree.join(lang.pick("、", "; ")),
            Tone::Warn,
        ));
    }
    let stand_in = if stand_ins.is_empty() {
        lang.pick("なし", "none").to_string()
    } else {
        let names: Vec<String> = stand_ins
            .iter()
            .map(|(c, s)| {
                lang.pick_with(
                    || format!("{}（{}）", c.name(lang), s.label(lang)),
                    || format!("{} ({})", c.name(lang), s.label(lang)),
                )
            })
            .collect();
        let lead = lang.pick(
            "未実施のとき代わりになる：",
            "stands in when this is missing: ",
        );
        format!("{lead}{}", names.join(lang.pick("、", "; ")))
    };
    out.push(para(
        lang.pick("補完：", "Stand-in: "),
        stand_in,
        Tone::Base,
    ));
    let covers: Vec<&str> = control
        .compensates
        .iter()
        .filter_map(|id| catalog.control(id))
        .map(|c| c.name(lang))
        .collect();
    if !covers.is_empty() {
        out.push(para(
            lang.pick("代わりに：", "Stands in for: "),
            covers.join(lang.pick("、", "; ")),
            Tone::Base,
        ));
    }
    if control.by == By::Vendor {
        out.push(para(
            lang.pick("依頼：", "Ask: "),
            control.ask(lang).to_string(),
            Tone::Base,
        ));
    }
    out.push(match &state.note {
        Some(n) => para(lang.pick("メモ：", "Note: "), n.to_string(), Tone::Base),
        None => para(
            lang.pick("メモ：", "Note: "),
            lang.pick("なし（n で書く）", "none (n writes one)")
                .to_string(),
            Tone::Dim,
        ),
    });
    out
}

impl Controls {
    pub fn of(cov: &Coverage<'static>, leaf: Option<usize>, filter: &Filter, lang: Lang) -> Self {
        let catalog = cov.catalog;
        let Some(l) = leaf.and_then(|i| cov.leaves.get(i)) else {
            return Controls::default();
        };
        let mut rows = Vec::new();
        let mut hidden = 0;
        for linked in &l.controls {
            let Some(state) = cov.control(linked.id) else {
                continue;
            };
            if !filter.keeps_control(state.control) {
                hidden += 1;
                continue;
            }
            let stand_ins: Vec<(&'static Control, ControlStatus)> = linked
                .compensated_by
                .iter()
                .filter_map(|(id, s)| catalog.control(id).map(|c| (c, *s)))
                .collect();
            rows.push(Row {
                control: state.control,
                status: state.status,
                source: state.source.clone(),
                carried: state.carried,
                detail: detail(state, &stand_ins, catalog, lang),
            });
        }
        Controls {
            leaf,
            scenario: Some(l.scenario),
            state: Some(l.state),
            judgement: judgement(l, catalog, lang),
            rows,
            hidden,
        }
    }

    pub fn position(&self, control: &str) -> Option<usize> {
        self.rows.iter().position(|r| r.control.id == control)
    }

    /// The scenario's name and how it is judged.
    pub fn head_lines(&self, w: usize, t: &Theme, lang: Lang) -> Vec<Line<'static>> {
        let (Some(s), Some(state)) = (self.scenario, self.state) else {
            return Vec::new();
        };
        let mut out = vec![Line::styled(
            truncate(&format!("{} {}", lang.pick("小", "S"), s.name(lang)), w),
            t.heading(),
        )];
        let mark = super::tree::state_mark(state);
        out.push(Line::from(vec![
            Span::styled(mark.to_string(), state_style(state, t)),
            Span::raw(truncate(&self.judgement, w.saturating_sub(width(mark)))),
        ]));
        out
    }

    /// One line per control; `cursor` marks one, reversed when the list has the focus.
    pub fn list_lines(
        &self,
        cursor: Option<usize>,
        focused: bool,
        w: usize,
        height: usize,
        t: &Theme,
        lang: Lang,
    ) -> Vec<Line<'static>> {
        let height = height.max(1);
        let top = cursor.map_or(0, |c| c / height * height);
        let by_w = [By::Hospital, By::Vendor]
            .iter()
            .map(|b| width(b.label(lang)))
            .max()
            .unwrap_or(0);
        let mut out: Vec<Line<'static>> = self
            .rows
            .iter()
            .enumerate()
            .skip(top)
            .take(height)
            .map(|(i, r)| {
                let here = cursor == Some(i);
                let head = format!(
                    "{}{}",
                    if here { "▶ " } else { "  " },
                    source_mark(&r.source, r.carried, lang)
                );
                let cell = status_cell(r.status, lang);
                let by = format!(" {} ", pad(r.control.by.label(lang), by_w));
                let room = w.saturating_sub(width(&head) + width(&cell) + width(&by));
                Line::from(vec![
                    Span::raw(head),
                    Span::styled(
                        cell,
                        if here && focused {
                            t.selected()
                        } else {
                            status_style(r.status, t)
                        },
                    ),
                    Span::styled(by, t.dim()),
                    Span::raw(truncate(r.control.name(lang), room)),
                ])
            })
            .collect();
        if self.hidden > 0 && out.len() < height {
            out.push(Line::styled(
                truncate(
                    &lang.pick_with(
                        || format!("  ほか{}件はフィルタで非表示（f）", self.hidden),
                        || format!("  {} more hidden by the filter (f)", self.hidden),
                    ),
                    w,
                ),
                t.dim(),
            ));
        }
        out
    }

    /// The selected control's detail, wrapped at `w`, at most `height` lines.
    pub fn detail_lines(
        &self,
        cursor: usize,
        w: usize,
        height: usize,
        t: &Theme,
    ) -> Vec<Line<'static>> {
        let Some(row) = self.rows.get(cursor) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for p in &row.detail {
            let style = match p.tone {
                Tone::Heading => t.heading(),
                Tone::Base => t.base(),
                Tone::Dim => t.dim(),
                Tone::Warn => t.warn(),
            };
            let lw = width(&p.label);
            for (i, line) in wrap(&p.text, w.saturating_sub(lw).max(8))
                .into_iter()
                .enumerate()
            {
                let label = if i == 0 {
                    p.label.clone()
                } else {
                    " ".repeat(lw)
                };
                out.push(Line::from(vec![
                    Span::styled(label, t.dim()),
                    Span::styled(line, style),
                ]));
            }
        }
        if out.len() > height && height > 0 {
            out.truncate(height);
        }
        out
    }
}
