//! Clearing a box to draw over the screen without cutting a Japanese character in half.

use ratatui::layout::Rect;
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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

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
