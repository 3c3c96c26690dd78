//! The glyphs shindan draws, for terminals that draw East Asian Ambiguous characters two cells
//! wide (Tera Term, RLogin, PuTTY set as Japanese users set them). ratatui measures them one
//! cell, so on such a terminal every row with ─ │ ▶ ● ○ ■ █ ░ → × ※ … overruns and loses its
//! right border. Rather than teach every screen two glyph sets, the finished frame is folded
//! once ([`fold_ambiguous`], the one place): each ambiguous glyph becomes a one-cell ASCII
//! stand-in (`+-|`, `>`, `*`, `o`, `#`, `=`, `:`, `~`), so every width the screens measured
//! stays true. Every glyph shindan itself chooses has one (`tests/screens_wide.rs` reads them
//! out of `src/tui` and checks). A character with no stand-in — from a record or the survey:
//! α, the form's ① — keeps its glyph when a blank follows it, the terminal drawing it over
//! both cells, and becomes `?` otherwise, which a reader sees as a gap rather than a broken row.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthChar;

/// Whether the terminal draws `c` wider than ratatui measures it.
pub fn is_ambiguous(c: char) -> bool {
    c.width() == Some(1) && c.width_cjk() == Some(2)
}

/// Whether wide mode folds `c`: the East Asian Ambiguous characters, and ░, which Unicode calls
/// neutral but which sits among the ambiguous shades (█ ▓ ▒): a terminal that takes block
/// elements from its Japanese font draws it two cells with them, so a bar `███░░░` would
/// overrun by its empty part alone.
pub fn folds(c: char) -> bool {
    is_ambiguous(c) || c == '░'
}

/// The one-cell stand-in for an ambiguous glyph, if it has one.
pub fn narrow(c: char) -> Option<&'static str> {
    Some(match c {
        '—' | '–' | '─' | '━' | '┄' | '┅' | '┈' | '┉' | '═' | '╌' | '╍' => {
            "-"
        }
        '│' | '┃' | '┆' | '┇' | '┊' | '┋' | '║' | '╎' | '╏' => "|",
        '\u{2500}'..='\u{257F}' => "+",
        // Shades stay apart: █ # ▓ = ▒ : ░ _ (below).
        '█' | '▉' | '▊' | '▋' | '▌' | '▍' | '▎' | '▏' | '▀' | '▄' | '■' => {
            "#"
        }
        '▓' => "=",
        '▒' => ":",
        // Apart from `·` (under 25% in the matrix's heat map, no data in the overview's strip)
        // and `-` (the heat map's n/a): a low, empty-looking cell, as the shade is in a bar.
        '░' => "_",
        '·' | '•' | '∙' => ".",
        '▶' | '▷' | '►' | '▸' | '→' | '⇒' | '»' | '≥' | '≧' => ">",
        '◀' | '◁' | '◄' | '◂' | '←' | '⇐' | '«' | '≤' | '≦' => "<",
        '▲' | '△' | '↑' => "^",
        '▼' | '▽' | '↓' => "v",
        '●' | '★' | '☆' | '※' | '◉' => "*",
        '◆' => "@",
        // The matrix's partly in place, between ● (*) and ○ (o).
        '◐' | '◑' | '◒' | '◓' => "+",
        '○' | '◇' | '◎' | '□' | '°' => "o",
        '×' => "x",
        // The checklist's hospital answer against a vendor's: `はい / A いいえ`.
        '≠' => "/",
        '‐' => "-",
        '÷' => "/",
        '±' => "+",
        '…' | '‥' => "~",
        '“' | '”' | '″' => "\"",
        '‘' | '’' | '′' => "'",
        '①'..='⑨' => DIGITS[(c as u32 - '①' as u32 + 1) as usize],
        _ => return None,
    })
}

const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// Rewrites a finished frame for a terminal that draws ambiguous characters two cells wide.
pub fn fold_ambiguous(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(c) = single_char(buf[(x, y)].symbol()) else {
                continue;
            };
            if !folds(c) {
                continue;
            }
            // Room is a blank of the glyph's own style, which the terminal paints its right half
            // with. The caret of a text field is a reversed blank: a glyph kept wide before it
            // would put the terminal's cursor (and the input method) on its right half.
            let room = x + 1 < area.right()
                && buf[(x + 1, y)].symbol() == " "
                && buf[(x + 1, y)].style() == buf[(x, y)].style();
            // Circled numbers are the form's own numbering (2④): kept whole where they fit.
            let keep = room && (narrow(c).is_none() || ('①'..='⑳').contains(&c));
            if keep {
                buf[(x + 1, y)].set_skip(true);
            } else {
                buf[(x, y)].set_symbol(narrow(c).unwrap_or("?"));
            }
        }
    }
}
/// Draws every control character that reached the finished frame visibly, as its control
/// picture in reverse video (␛ for ESC, ␇ for BEL, ␡ for DEL, ␦ for a C1 character such as
/// CSI). Input refuses them, but an older or foreign file may hold one in a name, a note or an
/// edition; sent raw it would act on the terminal (`ESC]0;…BEL` retitles it, `ESC[2J` clears
/// it). ratatui lays each out in one cell, and each picture is one cell on every terminal, so
/// every width the screens measured stays true. One pass over the frame, so no screen can
/// forget it.
pub fn show_controls(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            let Some(c) = cell.symbol().chars().find(|c| c.is_control()) else {
                continue;
            };
            let picture = match c as u32 {
                n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('?'),
                0x7f => '\u{2421}',
                _ => '\u{2426}',
            };
            cell.set_char(picture);
            cell.modifier.insert(ratatui::style::Modifier::REVERSED);
        }
    }
}

fn single_char(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn control_characters_are_drawn_as_one_cell_pictures() {
        use ratatui::widgets::Widget;
        // Drawn as the screens draw text (a Line keeps each control character in a cell of its
        // own; Buffer::set_string would drop them).
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        ratatui::text::Line::raw("A\u{1b}]0;X\u{7}B\u{9b}C\u{7f}").render(buf.area, &mut buf);
        show_controls(&mut buf);
        let row: String = (0..12).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(row, "A␛]0;X␇B␦C␡ ");
        for c in "␛␇␦␡".chars() {
            assert_eq!(c.width(), Some(1));
            assert!(!is_ambiguous(c), "{c}");
        }
    }

    #[test]
    fn the_lines_and_marks_the_screens_draw_are_ambiguous() {
        for c in "─│┌▶●○■◆█▒·…※→×—".chars() {
            assert!(is_ambiguous(c), "{c}");
        }
    }

    #[test]
    fn every_stand_in_is_one_unambiguous_cell() {
        for c in ('\u{a0}'..='\u{2fff}').filter(|c| is_ambiguous(*c)) {
            if let Some(s) = narrow(c) {
                assert!(s.is_ascii() && s.len() == 1, "{c} → {s}");
            }
        }
    }

    #[test]
    fn a_boxed_row_keeps_its_width() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(0, 0, "│▶ ○ ※×…─│", Style::default());
        fold_ambiguous(&mut buf);
        let row: String = (0..12).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(row, "|> o *x~-|  ");
    }

    #[test]
    fn a_circled_number_stays_where_a_blank_follows_it() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "2④ ⑤x", Style::default());
        fold_ambiguous(&mut buf);
        assert_eq!(buf[(1, 0)].symbol(), "④");
        assert!(buf[(2, 0)].skip);
        assert_eq!(buf[(3, 0)].symbol(), "5");
    }

    #[test]
    fn before_a_text_fields_caret_a_glyph_is_folded_to_one_cell() {
        use ratatui::style::Modifier;
        // A field holding ① with the caret (a reversed blank) after it: the terminal's cursor
        // goes on the caret's cell, so the glyph must not take it.
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        buf.set_string(0, 0, "①", Style::default());
        buf[(1, 0)].set_style(Style::default().add_modifier(Modifier::REVERSED));
        fold_ambiguous(&mut buf);
        assert_eq!(buf[(0, 0)].symbol(), "1");
        assert!(!buf[(1, 0)].skip);
        // A highlighted row is one style throughout: the glyph keeps its two cells.
        let reversed = Style::default().add_modifier(Modifier::REVERSED);
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
        buf.set_string(0, 0, "① x", reversed);
        fold_ambiguous(&mut buf);
        assert_eq!(buf[(0, 0)].symbol(), "①");
        assert!(buf[(1, 0)].skip);
    }
}
