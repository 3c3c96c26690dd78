//! Drawing the budget screen from what [`super::made`] made: padding, truncating, bars.

use super::made::{AssumptionLine, BarRow, Made, Panel, Shown};
use super::{level_at, BudgetScreen, Form, SIDE_BY_SIDE};
use crate::domain::budget::{Level, Origin};
use crate::domain::Lang;
use crate::text::{pad, pad_left, truncate, width, wrap};
use crate::tui::app::View;
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::bar;
use ratatui::layout::Rect;
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

fn panel_lines(p: &Panel, g: &Grid, scale: i64, w: usize, t: &Theme) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(truncate(&p.heading, w), t.heading())];
    out.extend(p.rows.iter().flat_map(|r| bar_lines(r, g, scale, t)));
    let details = if g.two_lines { &p.detail[..] } else { &[] };
    for note in p.note.iter().chain(details) {
        for l in wrap(note, w.saturating_sub(2).max(10)) {
            out.push(Line::styled(format!("  {l}"), t.warn()));
        }
    }
    out
}

fn assumption_line(a: &AssumptionLine, w: usize, t: &Theme) -> Line<'static> {
    let mark_style = match a.origin {
        Origin::Own => t.ok().add_modifier(Modifier::BOLD),
        Origin::Survey => t.base(),
        Origin::WhatIf | Origin::Unknown => t.warn(),
    };
    // Full-width brackets set the mark apart already; ASCII ones need a space.
    let sep = if a.mark.ends_with(']') { " " } else { "" };
    let head = format!("{sep}{} ", a.text);
    let room = w.saturating_sub(width(a.mark) + 1 + width(&head));
    Line::from(vec![
        Span::raw(" "),
        Span::styled(a.mark.to_string(), mark_style),
        Span::raw(truncate(&head, w.saturating_sub(width(a.mark) + 1))),
        Span::styled(truncate(&a.from, room), t.dim()),
    ])
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
                let marker = if focused { "▸" } else { " " };
                spans.push(Span::raw(marker));
                spans.push(Span::styled(
                    label.to_string(),
                    if focused { t.selected() } else { t.base() },
                ));
                spans.push(Span::raw(" ["));
                col += width(marker) + width(label) + 2;
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
            let col = 2 + width(label) + 2;
            fields.push((col as u16, None));
            out.push(Line::from(vec![
                Span::raw(" ▶"),
                Span::styled(label.to_string(), t.selected()),
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
///  ▶最低水準 [20        ] %    十分水準 [30        ] %
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

    let mut lines: Vec<Line> = Vec::new();
    if let Some(b) = &shown.banner {
        lines.push(Line::styled(
            truncate(&format!(" {b}"), w),
            t.warn().add_modifier(Modifier::REVERSED),
        ));
    }
    lines.push(Line::raw(truncate(&format!(" {}", shown.context), w)));
    let wide = area.width >= SIDE_BY_SIDE;
    if wide {
        let left_w = w / 2;
        let right_w = w - left_w;
        let g = Grid::of(shown, left_w.min(right_w).saturating_sub(2), true);
        let left = panel_lines(&shown.hospital, &g, shown.scale, left_w - 2, t);
        let right = panel_lines(&shown.cohort, &g, shown.scale, right_w - 1, t);
        lines.extend(side_by_side(left, right, left_w));
    } else {
        let g = Grid::of(shown, w, false);
        lines.extend(panel_lines(&shown.hospital, &g, shown.scale, w, t));
        lines.extend(panel_lines(&shown.cohort, &g, shown.scale, w, t));
    }
    lines.push(rule(lang.pick("前提", "Assumptions"), "", w, t));
    lines.extend(shown.assumptions.iter().map(|a| assumption_line(a, w, t)));
    lines.push(Line::styled(
        truncate(&format!(" {}", shown.legend), w),
        t.dim(),
    ));
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
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: room as u16,
            ..area
        },
    );

    if form.is_empty() {
        return;
    }
    let form_top = area.y + room as u16;
    let form_area = Rect {
        y: form_top,
        height: (form.len() as u16).min(area.height),
        ..area
    };
    frame.render_widget(Paragraph::new(form), form_area);
    let field_style = Style::default().add_modifier(Modifier::UNDERLINED);
    let row = form_top + 1;
    if row >= area.bottom() {
        return;
    }
    for (col, level) in fields {
        let x = area.x + col;
        if x + FIELD > area.right() {
            continue;
        }
        let rect = Rect::new(x, row, FIELD, 1);
        frame.buffer_mut().set_style(rect, field_style);
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
                field.draw(frame, rect, field_style, level_at(*focus) == level);
            }
            (Some(Form::Revenue { field, .. }), None) => {
                field.draw(frame, rect, field_style, true);
            }
            _ => {}
        }
    }
}
