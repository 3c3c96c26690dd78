//! Lines drawn one to a row, cut at the area's right edge: what `Paragraph::new(lines)` draws
//! when it neither wraps nor scrolls, for a fraction of the work. The home list is drawn so on
//! every start, and ratatui's paragraph (which re-segments every line into styled graphemes to
//! truncate it) was most of the first frame's drawing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// Draws `lines` from the top of `area`, one per row, each cut at the area's width; rows past
/// the last line are left as they are.
///
/// A line holding a control character (a record written by someone hostile) is drawn by the
/// paragraph itself: `Buffer::set_line` drops such characters, the paragraph keeps them in
/// their cells, where `symbols::show_controls` makes them visible (␛ for ESC).
pub fn draw(buf: &mut Buffer, area: Rect, lines: &[Line]) {
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        if line
            .spans
            .iter()
            .any(|s| s.content.contains(char::is_control))
        {
            let row = Rect {
                y,
                height: 1,
                ..area
            };
            Paragraph::new(line.clone()).render(row, buf);
        } else {
            buf.set_line(area.x, y, line, area.width);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::text::Span;

    /// The same cells, styles included, as the paragraph it stands for.
    #[test]
    fn lines_are_drawn_as_a_paragraph_draws_them() {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let red = Style::default().fg(Color::Red);
        let lines = vec![
            Line::styled("見出し heading", bold),
            Line::from(vec![
                Span::raw("▶ "),
                Span::styled(
                    "2026-001",
                    Style::default().add_modifier(Modifier::REVERSED),
                ),
                Span::raw(" さくら病院"),
            ]),
            // Longer than the area: cut, a wide character that does not fit left out.
            Line::from("abcdefghijklmnopqrstuvwxyzあいうえお"),
            Line::from("123456789012345678901234567890あ"),
            Line::styled("", red),
            Line::from(vec![Span::styled("警告", red), Span::raw(" ok")]),
            // A control character, kept in its cell for symbols::show_controls to show.
            Line::from(vec![
                Span::raw("悪意\u{1b}]0;x\u{7}病院"),
                Span::styled(" z", red),
            ]),
            // More lines than rows: the last are not drawn.
            Line::from("x"),
            Line::from("y"),
        ];
        for (w, h) in [(31, 6), (30, 8), (12, 3)] {
            let area = Rect::new(1, 1, w, h);
            let whole = Rect::new(0, 0, w + 2, h + 2);
            let mut by_paragraph = Buffer::empty(whole);
            Paragraph::new(lines.clone()).render(area, &mut by_paragraph);
            let mut by_lines = Buffer::empty(whole);
            draw(&mut by_lines, area, &lines);
            assert_eq!(by_lines, by_paragraph, "{w}x{h}");
        }
    }
}
