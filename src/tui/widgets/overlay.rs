//! Placing a box over the screen (centred, from constraints) and clearing it without cutting a
//! Japanese character in half.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Clear;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// Clears `rect` for an overlay. A double-width character just left of the box would spill its
/// second half over the box's border (the terminal draws it whole), so it is blanked too; the
/// same for one starting on the box's last column.
pub fn clear(frame: &mut Frame, rect: Rect) {
    let buf = frame.buffer_mut();
    let area = buf.area;
    for y in rect.top()..rect.bottom().min(area.bottom()) {
        if rect.left() > area.left() {
            let x = rect.left() - 1;
            if let Some(cell) = buf.cell_mut((x, y)) {
                if cell.symbol().width() > 1 {
                    cell.set_symbol(" ");
                }
            }
        }
    }
    frame.render_widget(Clear, rect);
}

/// A box of `width` × `height` in the middle of `area` (cut to it when it does not fit): the
/// prompts' and forms' place. An odd cell left over goes below and to the right (`Flex::Center`
/// would round it the other way and move every prompt by a line).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let around = |whole: u16, part: u16| {
        [
            Constraint::Length(whole.saturating_sub(part) / 2),
            Constraint::Length(part.min(whole)),
            Constraint::Fill(1),
        ]
    };
    let [_, column, _] = Layout::horizontal(around(area.width, width)).areas(area);
    let [_, rect, _] = Layout::vertical(around(area.height, height)).areas(column);
    rect
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    #[test]
    fn centred_boxes_leave_the_odd_cell_below_and_right() {
        for (aw, ah, w, h) in [
            (80, 24, 56, 11),
            (81, 25, 56, 11),
            (80, 24, 57, 12),
            (10, 5, 20, 9),
        ] {
            let area = Rect::new(3, 2, aw, ah);
            let (w, h) = (w.min(aw), h.min(ah));
            let want = Rect {
                x: area.x + (aw - w) / 2,
                y: area.y + (ah - h) / 2,
                width: w,
                height: h,
            };
            assert_eq!(centered(area, w, h), want, "{aw}x{ah} {w}x{h}");
        }
    }

    #[test]
    fn a_wide_character_at_the_edge_is_blanked_not_split() {
        let mut t = Terminal::new(TestBackend::new(6, 1)).unwrap();
        t.draw(|f| {
            f.buffer_mut()
                .set_string(0, 0, "日本語", ratatui::style::Style::default());
            clear(f, Rect::new(3, 0, 3, 1));
        })
        .unwrap();
        // 日 (cols 0-1) stays; 本 (cols 2-3) straddled the box and is blanked.
        let b = t.backend().buffer();
        assert_eq!(b.cell((0, 0)).unwrap().symbol(), "日");
        assert_eq!(b.cell((2, 0)).unwrap().symbol(), " ");
    }
}
