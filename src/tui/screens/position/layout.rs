//! Widths of the indicator table at a given terminal width, and the drawing of the charts.

use super::made::{Cell, Chart, Made, Strip};
use super::{Column, SIDE_BY_SIDE};
use crate::domain::Lang;
use crate::text::{pad, pad_left, truncate, width};
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::{bar, stacked};
use ratatui::text::{Line, Span};

/// The widths of the indicator table's columns at one terminal width.
pub(super) struct Grid {
    pub(super) label: usize,
    pub(super) own: usize,
    pub(super) bar: usize,
    pub(super) figure: usize,
    pub(super) precision: usize,
    pub(super) columns: usize,
}

impl Grid {
    pub(super) fn of(made: &Made, w: usize, lang: Lang) -> Grid {
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

    pub(super) fn cell_width(&self) -> usize {
        2 + self.bar + 1 + self.figure + 1 + self.precision + 2
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
