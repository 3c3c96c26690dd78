//! Drawing the budget screen from what [`super::made`] made: padding, truncating, bars.

use super::made::{AssumptionLine, BarRow, Made, Panel, Shown};
use super::{level_at, BudgetScreen, Form, SIDE_BY_SIDE};
use crate::domain::budget::{Level, Origin};
use crate::domain::Lang;
use crate::text::{pad, pad_left, truncate, width, wrap};
use crate::tui::app::View;
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::bar;
use crate::tui::widgets::form;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Columns of a what-if field.
const FIELD: u16 = 12;

/// The widths shared by both panels, so that their bars line up and compare.
struct Grid {
    label: usize,
    said: usize,
    bar: usize,
    panel: usize,
    /// Side by side: a row is two lines, the bar over its figures, so that the bar keeps room
    /// in a half-width panel (English amounts are long).
    two_lines: bool,
}

impl Grid {
    fn of(s: &Shown, panel_w: usize, two_lines: bool) -> Grid {
        let rows = || s.hospital.rows.iter().chain(&s.cohort.rows);
        let label = rows().map(|r| width(&r.label)).max().unwrap_or(8);
        let said = rows().map(|r| width(&r.said)).max().unwrap_or(8);
        let gap = rows()
            .filter_map(|r| r.gap.as_ref().map(|g| width(&g.text) + 1))
            .max()
            .unwrap_or(0);
        let fixed = if two_lines {
            2 + label + 1 + 1
        } else {
            2 + label + 1 + 1 + said + gap + 1
        };
        Grid {
            label,
            said,
            bar: panel_w.saturating_sub(fixed).clamp(6, 48),
            panel: panel_w,
            two_lines,
        }
    }
}

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

fn bar_lines(r: &BarRow, g: &Grid, scale: i64, t: &Theme) -> Vec<Line<'static>> {
    let mut spans = vec![
        Span::raw("  "),
        Span::raw(pad(&r.label, g.label)),
        Span::raw(" "),
    ];
    if let Some(a) = r.amount {
        let ratio = if scale > 0 {
            a as f64 / scale as f64
        } else {
            0.0
        };
        spans.push(Span::styled(
            bar(ratio, g.bar),
            if r.actual { t.accent() } else { t.base() },
        ));
    }
    let said_style = if r.amount.is_none() {
        t.warn()
    } else {
        t.base()
    };
    let gap = r.gap.as_ref().map(|gap| {
        Span::styled(
            format!(" {}", gap.text),
            if gap.short { t.warn() } else { t.ok() },
        )
    });
    if !g.two_lines {
        // "unknown" where the bar would be: there is no amount to draw.
        let said = match r.amount {
            Some(_) => format!(" {}", pad_left(&r.said, g.said)),
            None => pad(&r.said, g.bar + 1 + g.said),
        };
        spans.push(Span::styled(said, said_style));
        spans.extend(gap);
        return vec![Line::from(spans)];
    }
    if r.amount.is_none() {
        // Two lines still, so that the rows of the two panels stay level.
        spans.push(Span::styled(r.said.clone(), said_style));
        return vec![Line::from(spans), Line::raw("")];
    }
    let exact = format!(" ({})", r.exact);
    let figures_w = width(&r.said) + width(&exact) + gap.as_ref().map_or(0, |g| g.width());
    // Under the bar when the figures fit there, else further left.
    let indent = (2 + g.label + 1)
        .min(g.panel.saturating_sub(figures_w))
        .max(2);
    let mut figures = vec![
        Span::raw(" ".repeat(indent)),
        Span::styled(r.said.clone(), said_style),
        Span::styled(exact, t.dim()),
    ];
    figures.extend(gap);
    vec![Line::from(spans), Line::from(figures)]
}

/// A panel: its heading (wrapped, it names the cohort and the figures' places), its bars, and
/// — when `notes` — its notes and, side by side, how the estimate was made.
fn panel_lines(
    p: &Panel,
    g: &Grid,
    scale: i64,
    w: usize,
    notes: bool,
    heading_rows: usize,
    t: &Theme,
) -> Vec<Line<'static>> {
    let mut out: Vec<Line> = wrap(&p.heading, w.max(10))
        .into_iter()
        .map(|l| Line::styled(l, t.heading()))
        .collect();
    // Side by side, both headings take as many rows, so that the bars stay level.
    while out.len() < heading_rows {
        out.push(Line::raw(""));
    }
    out.extend(p.rows.iter().flat_map(|r| bar_lines(r, g, scale, t)));
    let details = if g.two_lines { &p.detail[..] } else { &[] };
    let shown: &[String] = if notes { &p.note } else { &[] };
    for note in shown.iter().chain(details) {
        for l in wrap(note, w.saturating_sub(2).max(10)) {
            out.push(Line::styled(format!("  {l}"), t.warn()));
        }
    }
    out
}

/// An assumption: its mark, what it is with its value, and where it comes from — on one line
/// when it fits, else the source wrapped under the value (hanging after the mark), never cut.
fn assumption_lines(
    a: &AssumptionLine,
    w: usize,
    with_source: bool,
    t: &Theme,
) -> Vec<Line<'static>> {
    let mark_style = match a.origin {
        Origin::Own => t.ok().add_modifier(Modifier::BOLD),
        Origin::Survey => t.base(),
        Origin::WhatIf | Origin::Unknown => t.warn(),
    };
    // Full-width brackets set the mark apart already; ASCII ones need a space.
    let sep = if a.mark.ends_with(']') { " " } else { "" };
    let indent = 1 + width(a.mark) + width(sep);
    let head = format!("{sep}{} ", a.text);
    let from = if with_source { a.from.as_str() } else { "" };
    if width(a.mark) + 1 + width(&head) + width(from) <= w {
        return vec![Line::from(vec![
            Span::raw(" "),
            Span::styled(a.mark.to_string(), mark_style),
            Span::raw(head),
            Span::styled(from.to_string(), t.dim()),
        ])];
    }
    let room = w.saturating_sub(indent).max(10);
    let mut out = Vec::new();
    for (i, part) in wrap(a.text.trim_end(), room).into_iter().enumerate() {
        out.push(if i == 0 {
            Line::from(vec![
                Span::raw(" "),
                Span::styled(a.mark.to_string(), mark_style),
                Span::raw(format!("{sep}{part}")),
            ])
        } else {
            Line::raw(format!("{}{part}", " ".repeat(indent)))
        });
    }
    for part in wrap(from, room).into_iter().filter(|p| !p.is_empty()) {
        out.push(Line::styled(
            format!("{}{part}", " ".repeat(indent)),
            t.dim(),
        ));
    }
    out
}

/// Two columns of lines side by side, the left padded to `left_w`.
fn side_by_side(
    left: Vec<Line<'static>>,
    right: Vec<Line<'static>>,
    left_w: usize,
) -> Vec<Line<'static>> {
    let n = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    (0..n)
        .map(|_| {
            let l = left.next().unwrap_or_default();
            let lw = l.width();
            let mut spans = l.spans;
            spans.push(Span::raw(" ".repeat(left_w.saturating_sub(lw))));
            if let Some(r) = right.next() {
                spans.extend(r.spans);
            }
            Line::from(spans)
        })
        .collect()
}

/// The what-if form: its rule, the fields' row (the fields drawn over it afterwards), the
/// message under them. Returns the lines and where each field goes on the row (column, level).
fn form_lines(
    form: &Form,
    lang: Lang,
    w: usize,
    t: &Theme,
) -> (Vec<Line<'static>>, Vec<(u16, Option<Level>)>) {
    let hint = lang.pick("Enter 試算  Esc やめる", "Enter try  Esc cancel");
    let blank = " ".repeat(FIELD as usize);
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let error = match form {
        Form::Rates { focus, error, .. } => {
            out.push(rule(
                lang.pick(
                    "別の率で試算（IT予算に対する%、記録は変わりません）",
                    "Try other rates (% of the IT budget; not saved)",
                ),
                hint,
                w,
                t,
            ));
            let mut spans = vec![Span::raw(" ")];
            let mut col = 1;
            for level in [Level::Min, Level::Sufficient] {
                let focused = level_at(*focus) == level;
                let label = match level {
                    Level::Min => lang.pick("最低水準", "Minimum"),
                    Level::Sufficient => lang.pick("十分水準", "Sufficient"),
                };
                // The shared form's label: `▸` before the focused one.
                let label_w = 1 + width(label);
                spans.push(form::label(label, focused, label_w, t));
                spans.push(Span::raw(" ["));
                col += label_w + 2;
                fields.push((col as u16, Some(level)));
                spans.push(Span::raw(blank.clone()));
                spans.push(Span::raw("] %   "));
                col += FIELD as usize + 6;
            }
            out.push(Line::from(spans));
            error
        }
        Form::Revenue {
            reading,
            warning,
            error,
            ..
        } => {
            out.push(rule(
                lang.pick(
                    "別の年間収益で試算（千円、記録は変わりません）",
                    "Try another revenue (thousand yen; not saved)",
                ),
                hint,
                w,
                t,
            ));
            let label = lang.pick("年間収益", "Revenue");
            let unit = lang.pick(" 千円  ", " thousand yen  ");
            // The one field, always focused: the shared form's `▸` label, as the rates' are.
            let label_w = 1 + width(label);
            let col = 1 + label_w + 2;
            fields.push((col as u16, None));
            out.push(Line::from(vec![
                Span::raw(" "),
                form::label(label, true, label_w, t),
                Span::raw(" ["),
                Span::raw(blank.clone()),
                Span::raw("]"),
                Span::raw(unit),
                Span::styled(reading.clone().unwrap_or_default(), t.accent()),
            ]));
            if let Some(warning) = warning {
                for l in wrap(warning, w.saturating_sub(2).max(10))
                    .into_iter()
                    .take(2)
                {
                    out.push(Line::styled(format!(" {l}"), t.error()));
                }
            }
            error
        }
    };
    if let Some(e) = error {
        for l in wrap(
            &format!("! {}", e.message(lang)),
            w.saturating_sub(2).max(10),
        )
        .into_iter()
        .take(2)
        {
            out.push(Line::styled(format!(" {l}"), t.error()));
        }
    }
    (out, fields)
}

/// ```text
/// 80×24: one column                              ≥120 columns: the two panels side by side
/// ┌ 2025-001 病院 — 予算の不足額（提言1）──────┐   (title; "試算：…" during a what-if)
/// 試算：最低水準 20%（報告書 15%）— 記録は変わりません   only during a what-if
/// IT予算 1億8,859万円 ＝ 年間収益 85億3,338万円 × 2.21%
/// 貴院（350床）                                 │ 300～499床の平均（p46 図６ … p47 図７）
///   実際の予算   ██░░░░░░░░░░░    250万円        │   推計予算 ███░░░░░   736万円
///   最低水準 15% ████████░░░░░  2,829万円 2,579万円 不足 │ …
///   十分水準 30% █████████████  5,658万円 5,408万円 不足 │ …
/// 300～499床の平均（p46 図６ 最終集計 196病院、p47 図７）   (below at 80 columns)
///   推計予算 / 最低水準 15% / 十分水準 30%  (same bars, one scale for both panels)
/// ── 前提 ──────────────────────────────────────────────
/// ［既定］年間収益：8,533,375千円 p43 図２ 300～499床の収益合計
/// ［既定］… one line per assumption (rates, bracket value or exact budget, cohort)
/// ［貴院］貴院の数字 ［既定］報告書の既定値 ［試算］試した値
/// (notes when there is room: how it is computed, the report's p34 subsidy)
/// ── 別の率で試算（IT予算に対する%）────────── Enter 試算  Esc やめる ─   (r / v open it)
///  ▸最低水準 [20        ] %    十分水準 [30        ] %
///  ! `150` は 0～100 の範囲外です：…
/// ```
pub(super) fn render(s: &BudgetScreen, frame: &mut Frame, area: Rect, view: &View) {
    let t = &view.theme;
    let lang = view.lang;
    let w = area.width as usize;
    let h = area.height as usize;
    let shown = match &s.made {
        Made::Shown(shown) => shown,
        Made::Refused(lines) => {
            let mut out = Vec::new();
            for (i, l) in lines.iter().enumerate() {
                for part in wrap(l, w.saturating_sub(2).max(10)) {
                    out.push(Line::styled(
                        format!(" {part}"),
                        if i == 0 { t.warn() } else { t.base() },
                    ));
                }
            }
            frame.render_widget(Paragraph::new(out), area);
            return;
        }
    };
    let (form, fields) = match s.form() {
        Some(f) => form_lines(f, lang, w, t),
        None => (Vec::new(), Vec::new()),
    };
    let room = h.saturating_sub(form.len());

    let mut top: Vec<Line> = Vec::new();
    if let Some(b) = &shown.banner {
        for part in wrap(b, w.saturating_sub(1).max(10)) {
            top.push(Line::styled(
                format!(" {part}"),
                t.warn().add_modifier(Modifier::REVERSED),
            ));
        }
    }
    for part in wrap(&shown.context, w.saturating_sub(1).max(10)) {
        top.push(Line::raw(format!(" {part}")));
    }
    let wide = area.width >= SIDE_BY_SIDE;
    let panels = |notes: bool| -> Vec<Line<'static>> {
        if wide {
            let left_w = w / 2;
            let right_w = w - left_w;
            let g = Grid::of(shown, left_w.min(right_w).saturating_sub(2), true);
            let rows = wrap(&shown.hospital.heading, (left_w - 2).max(10))
                .len()
                .max(wrap(&shown.cohort.heading, (right_w - 1).max(10)).len());
            let (hospital, cohort) = (&shown.hospital, &shown.cohort);
            let left = panel_lines(hospital, &g, shown.scale, left_w - 2, notes, rows, t);
            let right = panel_lines(cohort, &g, shown.scale, right_w - 1, notes, rows, t);
            side_by_side(left, right, left_w)
        } else {
            let g = Grid::of(shown, w, false);
            let mut out = panel_lines(&shown.hospital, &g, shown.scale, w, notes, 0, t);
            out.extend(panel_lines(&shown.cohort, &g, shown.scale, w, notes, 0, t));
            out
        }
    };
    let assumptions = |with_source: bool| -> Vec<Vec<Line<'static>>> {
        shown
            .assumptions
            .iter()
            .map(|a| assumption_lines(a, w, with_source, t))
            .collect()
    };
    let legend: Vec<Line> = wrap(&shown.legend, w.saturating_sub(1).max(10))
        .into_iter()
        .map(|l| Line::styled(format!(" {l}"), t.dim()))
        .collect();
    // Where room runs out, the less important lines go first — the legend, then the panels'
    // notes, then the assumptions' sources (one line says where they are), then the last
    // assumptions (one line says how many) — and no line with a figure is cut.
    let total = |v: &[Vec<Line>]| v.iter().map(Vec::len).sum::<usize>();
    let fixed = top.len() + 1;
    let (with_notes, bare) = (panels(true), panels(false));
    let (full, short) = (assumptions(true), assumptions(false));
    let (body, listed, keep_legend, sources_elsewhere) =
        if fixed + with_notes.len() + total(&full) + legend.len() <= room {
            (with_notes, full, true, false)
        } else if fixed + with_notes.len() + total(&full) <= room {
            (with_notes, full, false, false)
        } else if fixed + bare.len() + total(&full) <= room {
            (bare, full, false, false)
        } else {
            (bare, short, false, true)
        };
    let mut lines = top;
    lines.extend(body);
    lines.push(rule(lang.pick("前提", "Assumptions"), "", w, t));
    let left_for_assumptions = room.saturating_sub(lines.len());
    // As many whole assumptions as fit, keeping a line to say what is elsewhere.
    let n = listed.len();
    let fits = |k: usize| {
        total(&listed[..k]) + usize::from(k < n || sources_elsewhere) <= left_for_assumptions
    };
    let k = (0..=n).rev().find(|&k| fits(k)).unwrap_or(0);
    for a in &listed[..k] {
        lines.extend(a.iter().cloned());
    }
    if k < n || sources_elsewhere {
        let more = match (k < n, lang) {
            // What the screen can do itself: a taller or wider terminal shows them.
            (true, Lang::Ja) => format!(" …前提あと{}件と出典は画面を広げると表示", n - k),
            (true, Lang::En) => format!(" … {} more, and the sources, on a larger window", n - k),
            (false, Lang::Ja) => " 出典は画面を広げると表示".to_string(),
            (false, Lang::En) => " Sources: on a larger window".to_string(),
        };
        for l in wrap(&more, w.max(10)) {
            lines.push(Line::styled(l, t.dim()));
        }
    }
    if keep_legend {
        lines.extend(legend);
    }
    // The notes when there is room, each whole or not at all.
    let mut gap = true;
    for n in &shown.notes {
        let para = wrap(n, w.saturating_sub(2).max(10));
        if lines.len() + para.len() + usize::from(gap) > room {
            break;
        }
        if gap {
            lines.push(Line::raw(""));
            gap = false;
        }
        lines.extend(
            para.into_iter()
                .map(|l| Line::styled(format!(" {l}"), t.dim())),
        );
    }
    lines.truncate(room);
    let [text_area, form_area] =
        Layout::vertical([Constraint::Length(room as u16), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(lines), text_area);

    if form.is_empty() {
        return;
    }
    frame.render_widget(Paragraph::new(form), form_area);
    // The fields sit on the form's second row (under its rule), each at its column, drawn by
    // the shared form (underlined, the terminal's cursor at the focused one's caret).
    let Some(row) = form_area.rows().nth(1) else {
        return;
    };
    for (col, level) in fields {
        if col + FIELD > row.width {
            continue;
        }
        let rect = form::cell_after(row, col, FIELD);
        let plain = Style::default();
        frame
            .buffer_mut()
            .set_style(rect, plain.add_modifier(Modifier::UNDERLINED));
        match (s.form(), level) {
            (
                Some(Form::Rates {
                    min,
                    sufficient,
                    focus,
                    ..
                }),
                Some(level),
            ) => {
                let field = match level {
                    Level::Min => min,
                    Level::Sufficient => sufficient,
                };
                form::draw_field(frame, field, rect, level_at(*focus) == level, plain);
            }
            (Some(Form::Revenue { field, .. }), None) => {
                form::draw_field(frame, field, rect, true, plain);
            }
            _ => {}
        }
    }
}
