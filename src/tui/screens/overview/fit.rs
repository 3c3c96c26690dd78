//! Fitting a panel's lines into its box. A line that is wider than the panel is wrapped, not
//! cut — a panel of 28 columns at 120×40 used to show 「Prefecture or municipalit…」 and lose the
//! 30% bar — with its bar and figure kept together on the last of its lines. When the lines then
//! outgrow the panel's height, the less important ones go first, from the bottom: those not
//! shown in the compact grid, then those that say in words what a figure beside them says
//! (`spare`); only then is a line cut to one row.

use super::made::PLine;
use super::{draw_line, style, BAR_MAX};
use crate::text::{width, wrap};
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::bar;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// One panel line as drawn in `cols` columns: one row where it fits, else wrapped.
pub fn rows_of(l: &PLine, cols: usize, theme: &Theme) -> Vec<Line<'static>> {
    let seg_w: usize = l.segs.iter().map(|(s, _)| width(s)).sum();
    let tail_w: usize = l.tail.iter().map(|(s, _)| width(s)).sum();
    let bar_min = if l.bar.is_some() { 3 } else { 0 };
    if seg_w + tail_w + bar_min <= cols || cols < 8 {
        return vec![draw_line(l, cols, theme)];
    }
    let styled = |parts: &[(String, super::made::Tone)]| -> Vec<(String, Style)> {
        parts
            .iter()
            .map(|(s, t)| (s.clone(), style(theme, *t)))
            .collect()
    };
    match l.bar {
        None if !l.tail.is_empty() && seg_w < cols && tail_w + 2 <= cols => {
            // The words on their row, the figure or legend whole below them (not `█` | `≥75%`).
            let mut tail = styled(&l.tail);
            if let Some((s, _)) = tail.first_mut() {
                *s = format!("  {}", s.trim_start());
            }
            let mut rows = wrapped(&styled(&l.segs), cols);
            rows.extend(wrapped(&tail, cols));
            rows
        }
        None => {
            let mut parts = styled(&l.segs);
            parts.extend(styled(&l.tail));
            wrapped(&parts, cols)
        }
        Some(ratio) if seg_w + 4 <= cols => {
            // The words and the bar, the figure below them.
            let room = cols.saturating_sub(seg_w).min(BAR_MAX);
            let mut first: Vec<Span<'static>> = styled(&l.segs)
                .into_iter()
                .map(|(s, st)| Span::styled(s, st))
                .collect();
            first.push(Span::styled(bar(ratio, room), theme.accent()));
            let mut tail = styled(&l.tail);
            if let Some((s, _)) = tail.first_mut() {
                *s = format!("  {}", s.trim_start());
            }
            let mut rows = vec![Line::from(first)];
            rows.extend(wrapped(&tail, cols));
            rows
        }
        Some(ratio) => {
            // The words above, the bar and its figure together below.
            let mut rows = wrapped(&styled(&l.segs), cols);
            let room = cols.saturating_sub(2 + tail_w).min(BAR_MAX);
            let mut last = vec![Span::raw("  ")];
            if room >= 3 {
                last.push(Span::styled(bar(ratio, room), theme.accent()));
            }
            for (s, st) in styled(&l.tail) {
                last.push(Span::styled(s, st));
            }
            rows.push(Line::from(last));
            rows
        }
    }
}

/// Styled text wrapped at `cols` (kinsoku, words whole), each character keeping its style;
/// the lines after the first are indented by one column.
fn wrapped(parts: &[(String, Style)], cols: usize) -> Vec<Line<'static>> {
    let chars: Vec<(char, Style)> = parts
        .iter()
        .flat_map(|(s, st)| s.chars().map(move |c| (c, *st)))
        .collect();
    let text: String = chars.iter().map(|(c, _)| *c).collect();
    let mut at = 0;
    let mut out = Vec::new();
    for (i, row) in wrap(&text, cols.saturating_sub(1)).into_iter().enumerate() {
        let mut spans: Vec<Span<'static>> = Vec::new();
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        for c in row.chars() {
            // Spaces the wrap dropped at a break are passed over.
            while at < chars.len() && chars[at].0 != c {
                at += 1;
            }
            let st = chars.get(at).map_or(Style::default(), |(_, s)| *s);
            at += 1;
            let only_indent = i > 0 && spans.len() == 1;
            match spans.last_mut() {
                Some(last) if last.style == st && !only_indent => last.content.to_mut().push(c),
                _ => spans.push(Span::styled(c.to_string(), st)),
            }
        }
        out.push(Line::from(spans));
    }
    out
}

/// The panel's lines in `cols` × `height`: wrapped where they can be, the less important
/// dropped from the bottom when they do not all fit, then lines cut to one row.
pub fn fit(lines: &[&PLine], cols: usize, height: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut rows: Vec<Option<Vec<Line<'static>>>> = lines
        .iter()
        .map(|l| Some(rows_of(l, cols, theme)))
        .collect();
    let total = |rows: &[Option<Vec<Line>>]| rows.iter().flatten().map(Vec::len).sum::<usize>();
    while total(&rows) > height {
        if let Some(i) = (0..rows.len())
            .rev()
            .find(|&i| rows[i].is_some() && !lines[i].compact)
        {
            rows[i] = None;
        } else if let Some(i) = (0..rows.len())
            .rev()
            .find(|&i| rows[i].is_some() && lines[i].spare)
        {
            rows[i] = None;
        } else if let Some(i) = (0..rows.len())
            .rev()
            .find(|&i| rows[i].as_ref().is_some_and(|r| r.len() > 1))
        {
            rows[i] = Some(vec![draw_line(lines[i], cols, theme)]);
        } else {
            break;
        }
    }
    rows.into_iter().flatten().flatten().take(height).collect()
}

#[cfg(test)]
mod tests {
    use super::super::made::Tone;
    use super::*;

    fn plain(s: &str, compact: bool) -> PLine {
        PLine {
            segs: vec![(s.into(), Tone::Plain)],
            bar: None,
            tail: Vec::new(),
            compact,
            spare: false,
        }
    }

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn a_long_line_wraps_instead_of_being_cut() {
        let theme = Theme { color: false };
        let l = plain("Prefecture or municipality n=140", true);
        let rows = text(&rows_of(&l, 20, &theme));
        assert_eq!(rows, ["Prefecture or", " municipality n=140"]);
    }

    #[test]
    fn a_legend_goes_whole_below_its_strip_rather_than_split() {
        let theme = Theme { color: false };
        let l = PLine {
            segs: vec![("Areas ░░░░░░░░░".into(), Tone::Plain)],
            bar: None,
            tail: vec![(" ░<25 ▒ ▓ █≥75%".into(), Tone::Dim)],
            compact: true,
            spare: false,
        };
        let rows = text(&rows_of(&l, 26, &theme));
        assert_eq!(rows, ["Areas ░░░░░░░░░", "  ░<25 ▒ ▓ █≥75%"]);
        // Where both fit, one row.
        let rows = text(&rows_of(&l, 31, &theme));
        assert_eq!(rows, ["Areas ░░░░░░░░░ ░<25 ▒ ▓ █≥75%"]);
    }

    #[test]
    fn the_bar_and_its_figure_stay_together() {
        let theme = Theme { color: false };
        let l = PLine {
            segs: vec![("30% of the class average budget".into(), Tone::Plain)],
            bar: Some(0.3),
            tail: vec![(" short ¥54.08 million".into(), Tone::Bad)],
            compact: true,
            spare: false,
        };
        let rows = text(&rows_of(&l, 28, &theme));
        let last = rows.last().expect("rows");
        assert!(last.ends_with(" short ¥54.08 million"), "{rows:?}");
        assert!(last.contains('░') || last.contains('█'), "{rows:?}");
        assert!(rows.iter().all(|r| width(r) <= 28), "{rows:?}");
        // A short head keeps its bar beside it, the figure goes below.
        let l = PLine {
            segs: vec![("30% ".into(), Tone::Plain)],
            ..l
        };
        let rows = text(&rows_of(&l, 24, &theme));
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(
            rows[0].starts_with("30% ") && rows[0].contains('█'),
            "{rows:?}"
        );
        assert_eq!(rows[1], "  short ¥54.08 million");
    }

    #[test]
    fn the_less_important_lines_go_first() {
        let theme = Theme { color: false };
        let a = plain("figure that matters most of all", true);
        let b = plain("a detail", false);
        let c = plain("another figure", true);
        let rows = text(&fit(&[&a, &b, &c], 20, 3, &theme));
        assert_eq!(
            rows,
            ["figure that matters", " most of all", "another figure"]
        );
        // Even less room: the wrapped line is cut to one row rather than a figure lost.
        let rows = text(&fit(&[&a, &b, &c], 20, 2, &theme));
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1], "another figure");
    }

    #[test]
    fn a_spare_line_goes_before_a_figure_is_cut() {
        let theme = Theme { color: false };
        let mut warning = plain("! the status of all 83 controls is unknown", true);
        warning.spare = true;
        let figure = plain("Covered 0% (known 0/83)", true);
        let lines = [&plain("All 0%", true), &warning, &figure];
        let rows = text(&fit(&lines, 24, 2, &theme));
        assert_eq!(rows, ["All 0%", "Covered 0% (known 0/83)"]);
    }
}
