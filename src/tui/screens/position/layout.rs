//! Widths of the indicator table at a given terminal width, and the drawing of the charts.

use super::made::{Cell, Chart, Made, Strip};
use super::{Column, SIDE_BY_SIDE};
use crate::domain::Lang;
use crate::text::{pad, pad_left, truncate, width};
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::{bar, stacked};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

/// Below this a bar says too little to be worth its cells: the table drops it, never the figure.
const MIN_BAR: usize = 4;

/// The widths of the indicator table's columns at one terminal width.
///
/// ```text
/// ▶ label  own │ bar (what is left)  figure  precision  page  ※△ │ …the other cohort at ≥120
/// ```
/// The figure, its precision and its page keep their whole width; the bar takes what is left
/// of each cohort's column (ratatui's `Layout`), and goes when fewer than [`MIN_BAR`] cells
/// are left. Before that, the hospital's own answer shrinks to its glyph (the detail below
/// says it in words).
pub(super) struct Grid {
    pub(super) label: usize,
    pub(super) own: usize,
    /// The own answer as its glyph only ("●" for "●該当").
    pub(super) own_glyph: bool,
    pub(super) bar: usize,
    pub(super) figure: usize,
    pub(super) precision: usize,
    pub(super) page: usize,
    pub(super) columns: usize,
}

/// Separator before a cohort, and the marks after its figure.
const SEP: usize = 2;
const MARKS: usize = 2;

impl Grid {
    pub(super) fn of(made: &Made, w: usize, lang: Lang) -> Grid {
        let widest = |texts: &mut dyn Iterator<Item = usize>, head: &str| {
            texts.max().unwrap_or(0).max(width(head))
        };
        let label = widest(
            &mut made.rows.iter().map(|r| width(&r.label)),
            lang.pick("指標", "Indicator"),
        );
        let own_full = widest(
            &mut made.rows.iter().map(|r| width(&r.own)),
            lang.pick("貴院", "You"),
        );
        let own_short = widest(
            &mut made.rows.iter().map(|r| width(&r.own_glyph)),
            lang.pick("貴院", "You"),
        );
        let (mut figure, mut precision, mut page) = (
            width(lang.pick("割合", "share")),
            width(lang.pick("精度", "basis")),
            width(lang.pick("頁", "page")),
        );
        for r in &made.rows {
            for c in &r.cells {
                if let Cell::Figure {
                    text,
                    precision: p,
                    page: pg,
                    ..
                } = c
                {
                    figure = figure.max(width(text));
                    precision = precision.max(width(p));
                    page = page.max(width(pg));
                }
            }
        }
        let columns = if w >= usize::from(SIDE_BY_SIDE) { 2 } else { 1 };
        let tail = 1 + figure + 1 + precision + 1 + page + MARKS;
        // The bar's cells when the own answer takes `own`; `None` when even the figure would not fit.
        let bar_at = |own: usize| -> Option<usize> {
            let lead = 2 + label + 1 + own;
            let row = Rect::new(0, 0, u16::try_from(w).unwrap_or(u16::MAX), 1);
            let [_, cohorts] = Layout::horizontal([
                Constraint::Length(u16::try_from(lead).unwrap_or(u16::MAX)),
                Constraint::Fill(1),
            ])
            .areas(row);
            let per = Layout::horizontal(vec![Constraint::Fill(1); columns]).split(cohorts)[0];
            let [_, bar, _] = Layout::horizontal([
                Constraint::Length(SEP as u16),
                Constraint::Min(0),
                Constraint::Length(u16::try_from(tail).unwrap_or(u16::MAX)),
            ])
            .areas(per);
            // Layout shrinks the fixed parts when the row is too narrow: that row does not fit.
            (lead + usize::from(per.width) <= w && usize::from(per.width) >= SEP + tail)
                .then_some(usize::from(bar.width))
        };
        // Drop first the own answer's words, then the bar; the figure stays whole.
        let (own, own_glyph, bar) = match (bar_at(own_full), bar_at(own_short)) {
            (Some(b), _) if b >= MIN_BAR => (own_full, false, b),
            (_, Some(b)) if b >= MIN_BAR => (own_short, true, b),
            (Some(_), _) => (own_full, false, 0),
            _ => (own_short, true, 0),
        };
        Grid {
            label,
            own,
            own_glyph,
            bar,
            figure,
            precision,
            page,
            columns,
        }
    }

    /// A cohort's column: separator, bar (with its space), figure, precision, page, marks.
    pub(super) fn cell_width(&self) -> usize {
        SEP + self.bar_cells() + self.figure + 1 + self.precision + 1 + self.page + MARKS
    }

    /// The bar and the space after it; nothing when the bar is dropped.
    pub(super) fn bar_cells(&self) -> usize {
        if self.bar == 0 {
            0
        } else {
            self.bar + 1
        }
    }

    /// The cohorts shown, in order: both side by side, else the one in front.
    pub(super) fn shown(&self, focus: Column) -> Vec<Column> {
        if self.columns == 2 {
            vec![Column::BedClass, Column::Founder]
        } else {
            vec![focus]
        }
    }
}

/// "0%   50%   100%" across a bar.
pub(super) fn scale(cols: usize) -> String {
    if cols < 10 {
        // Too narrow for the three marks: the range alone, or nothing rather than a cut one.
        return pad(
            if cols >= width("0–100%") {
                "0–100%"
            } else {
                ""
            },
            cols,
        );
    }
    let mid = "50%";
    let left = "0%";
    let right = "100%";
    let half = cols / 2;
    let a = half.saturating_sub(width(left) + 1);
    let b = cols.saturating_sub(width(left) + a + width(mid) + width(right));
    format!("{left}{}{mid}{}{right}", " ".repeat(a), " ".repeat(b))
}

pub(super) fn strip_line(s: &Strip, w: usize, t: &Theme) -> Line<'static> {
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
pub(super) fn chart_lines(c: &Chart, w: usize, t: &Theme, lang: Lang) -> Vec<Line<'static>> {
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
