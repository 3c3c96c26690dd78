//! Bars drawn with characters, so they read the same with or without colour and over vt100.

use crate::domain::survey::Range;

/// A bar of `cols` cells, `ratio` of it filled. Full blocks only (no eighths): a partial glyph is
/// one more way a 16-colour or vt100 terminal can draw something odd.
pub fn bar(ratio: f64, cols: usize) -> String {
    let ratio = if ratio.is_finite() {
        ratio.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let filled = (ratio * cols as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(cols - filled))
}

/// The cell where a share of 0–100 ends on a bar of `cols` cells.
fn cell(percent: f64, cols: usize) -> usize {
    let p = if percent.is_finite() {
        percent.clamp(0.0, 100.0)
    } else {
        0.0
    };
    ((p / 100.0 * cols as f64).round() as usize).min(cols)
}

/// A cohort's share as a bar of `cols` cells: `█` up to what the figure certainly covers, `▓`
/// over the range an approximate figure leaves open (at least one cell, so 約6割 never looks like
/// a point), `·` for the share the report says did not know (`unknown`, in points), `░` for the
/// rest. `counted` puts a `◆` for the hospital in the part it belongs to: the filled part (it
/// is among those counted) or the rest (it answered, so not among the unknown).
pub fn share_bar(range: Range, unknown: f64, cols: usize, counted: Option<bool>) -> String {
    if cols == 0 {
        return String::new();
    }
    let mut lo = cell(range.lo, cols);
    let mut hi = cell(range.hi, cols).max(lo);
    if !range.is_point() && hi == lo {
        if hi < cols {
            hi += 1;
        } else {
            lo -= 1;
        }
    }
    let unknown_end = cell(range.hi + unknown, cols).max(hi);
    let mut cells: Vec<char> = (0..cols)
        .map(|i| {
            if i < lo {
                '█'
            } else if i < hi {
                '▓'
            } else if i < unknown_end {
                '·'
            } else {
                '░'
            }
        })
        .collect();
    let hi = unknown_end;
    let marker = match counted {
        // In the middle of its part, or at the bar's end when that part is empty (a 100% share
        // the hospital is not among).
        Some(true) if lo > 0 => Some((lo - 1) / 2),
        Some(true) => Some(0),
        Some(false) if hi < cols => Some(hi + (cols - hi) / 2),
        Some(false) => Some(cols - 1),
        None => None,
    };
    if let Some(i) = marker {
        cells[i] = '◆';
    }
    cells.into_iter().collect()
}

/// Several classes that make up a whole, side by side on one line of `cols` cells: `own` drawn
/// `█`, the others alternating `▒` and `░` so that neighbours stay apart. A class too small
/// for a cell has none, except the hospital's own, which always shows.
pub fn stacked(counts: &[u32], own: Option<usize>, cols: usize) -> String {
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    if total == 0 || cols == 0 {
        return "░".repeat(cols);
    }
    let edge = |sum: u64| ((sum as f64 / total as f64) * cols as f64).round() as usize;
    let mut owner = vec![0usize; cols];
    let mut sum = 0u64;
    let mut start = 0;
    let mut own_cell = None;
    for (i, &c) in counts.iter().enumerate() {
        sum += u64::from(c);
        let end = edge(sum).min(cols);
        for o in owner.iter_mut().take(end).skip(start) {
            *o = i;
        }
        if Some(i) == own {
            own_cell = Some(start.min(cols - 1));
        }
        start = end;
    }
    if let (Some(o), Some(at)) = (own, own_cell) {
        if !owner.contains(&o) {
            owner[at] = o;
        }
    }
    // Alternate between the classes that got cells, not by index: a class with none between
    // two others would leave them the same shade.
    let mut shade = Vec::new();
    let mut flip = false;
    let mut last = None;
    for &o in &owner {
        if last != Some(o) {
            if last.is_some() {
                flip = !flip;
            }
            last = Some(o);
        }
        shade.push(if Some(o) == own {
            '█'
        } else if flip {
            '░'
        } else {
            '▒'
        });
    }
    shade.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_proportion() {
        assert_eq!(bar(0.0, 4), "░░░░");
        assert_eq!(bar(0.5, 4), "██░░");
        assert_eq!(bar(1.0, 4), "████");
        assert_eq!(bar(7.0, 2), "██");
        assert_eq!(bar(f64::NAN, 2), "░░");
    }

    #[test]
    fn a_point_fills_and_a_range_shows_its_two_ends() {
        assert_eq!(share_bar(Range::point(50.0), 0.0, 10, None), "█████░░░░░");
        // 約6割 (57–63%) on 20 cells: certain to 11, open to 13.
        assert_eq!(
            share_bar(Range::new(57.0, 63.0), 0.0, 20, None),
            "███████████▓▓░░░░░░░"
        );
        // 約17–23% on 10 cells: both ends round to cell 2, the range still shows.
        assert_eq!(
            share_bar(Range::new(17.0, 23.0), 0.0, 10, None),
            "██▓░░░░░░░"
        );
        // 3割強以上 (≥ 30%): open to the end.
        assert_eq!(
            share_bar(Range::new(30.0, 100.0), 0.0, 10, None),
            "███▓▓▓▓▓▓▓"
        );
        // A range at the very top keeps a cell too.
        assert_eq!(share_bar(Range::new(99.0, 100.0), 0.0, 4, None), "███▓");
    }

    #[test]
    fn the_hospital_is_marked_in_its_part() {
        assert_eq!(
            share_bar(Range::point(74.0), 0.0, 10, Some(true)),
            "███◆███░░░"
        );
        assert_eq!(
            share_bar(Range::point(74.0), 0.0, 10, Some(false)),
            "███████░◆░"
        );
        assert_eq!(
            share_bar(Range::new(17.0, 23.0), 0.0, 10, Some(true)),
            "◆█▓░░░░░░░"
        );
        // 100%, and the hospital is not among them: at the end.
        assert_eq!(share_bar(Range::point(100.0), 0.0, 4, Some(false)), "███◆");
        assert_eq!(share_bar(Range::point(0.0), 0.0, 4, Some(true)), "◆░░░");
        // 医療生協 insurance: 25% none, 75% don't know; one without insurance is counted…
        assert_eq!(
            share_bar(Range::point(25.0), 75.0, 8, Some(true)),
            "◆█······"
        );
        // …one with insurance is in the rest, which the unknown leaves empty: at the end.
        assert_eq!(
            share_bar(Range::point(25.0), 75.0, 8, Some(false)),
            "██·····◆"
        );
        // 48.4% under ¥5M, 30.7% gave no bracket, on 20 cells.
        assert_eq!(
            share_bar(Range::point(48.4), 30.7, 20, None),
            "██████████······░░░░"
        );
    }

    #[test]
    fn stacked_classes_alternate_and_the_own_one_always_shows() {
        // 141/369/193/283/158 beds on 20 cells, 300–499 own.
        assert_eq!(
            stacked(&[141, 369, 193, 283, 158], Some(3), 20),
            "▒▒░░░░░░░▒▒▒█████▒▒▒"
        );
        // A 4-hospital class among 1,144 gets a cell when it is the hospital's own.
        let founders = [47, 183, 124, 16, 37, 600, 9, 28, 42, 4, 54];
        let s: Vec<char> = stacked(&founders, Some(9), 40).chars().collect();
        assert_eq!(s.iter().filter(|&&c| c == '█').count(), 1);
        assert_eq!(s.len(), 40);
        // Nothing to show: an empty track.
        assert_eq!(stacked(&[0, 0], None, 3), "░░░");
    }
}
