//! The list as drawn: section and device headings between the items, and which part of it is on
//! screen.

use crate::domain::checklist::{ChecklistView, Device};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListLine {
    /// A section heading: its index in `ChecklistView::sections`.
    Section(usize),
    /// A device heading within section 2 (サーバ, 端末PC…).
    Device(Device),
    /// An item: its index in form order (`ChecklistView::rows`).
    Item(usize),
}

pub fn lines(view: &ChecklistView) -> Vec<ListLine> {
    let mut out = Vec::new();
    let mut i = 0;
    for (s, section) in view.sections.iter().enumerate() {
        out.push(ListLine::Section(s));
        for g in &section.groups {
            if let Some(d) = g.device {
                out.push(ListLine::Device(d));
            }
            for _ in &g.rows {
                out.push(ListLine::Item(i));
                i += 1;
            }
        }
    }
    out
}

/// The first line on screen for the cursor on `line`. The list turns a page at a time, pages
/// overlapping by a line, rather than scrolling with every move: over SSH a cursor move then
/// redraws a marker, not the whole list.
pub fn page_top(line: usize, total: usize, height: usize) -> usize {
    if height == 0 || total <= height {
        return 0;
    }
    let step = height.saturating_sub(1).max(1);
    ((line / step) * step).min(total - height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_turn_whole_and_keep_the_cursor_in_view() {
        // 30 lines in 17 rows: the first page, then the last (which overlaps it).
        assert_eq!(page_top(0, 30, 17), 0);
        assert_eq!(page_top(15, 30, 17), 0);
        assert_eq!(page_top(16, 30, 17), 13);
        assert_eq!(page_top(29, 30, 17), 13);
        for line in 0..30 {
            let top = page_top(line, 30, 17);
            assert!(
                line >= top && line < top + 17,
                "{line} off the page at {top}"
            );
        }
        assert_eq!(page_top(5, 10, 17), 0);
        assert_eq!(page_top(5, 10, 0), 0);
    }
}
