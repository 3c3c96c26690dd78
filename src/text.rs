//! Display width of text in a terminal: Japanese characters take two columns, and a character
//! is never cut in half. Shared by the command line's tables and the TUI's layout.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// The longest prefix of `s` that fits in `max` columns, with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Pads with spaces to exactly `w` columns (truncating first when longer).
pub fn pad(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let fill = w.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(fill))
}

/// Pads on the left, for numbers in a column.
pub fn pad_left(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let fill = w.saturating_sub(width(&t));
    format!("{}{t}", " ".repeat(fill))
}

/// Breaks text into lines of at most `max` columns, at character boundaries (Japanese has no
/// spaces to break at); a Latin word cut in the middle goes whole to the next line instead.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in para.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > max {
                let mid_word = c.is_ascii_graphic()
                    && line.chars().last().is_some_and(|l| l.is_ascii_graphic());
                let cut = line
                    .rfind(' ')
                    .filter(|&i| mid_word && width(&line[..i]) > max / 3);
                match cut {
                    Some(i) => {
                        let rest = line[i + 1..].to_string();
                        line.truncate(i);
                        lines.push(std::mem::take(&mut line));
                        line = rest;
                        used = width(&line);
                    }
                    None => {
                        lines.push(std::mem::take(&mut line).trim_end().to_string());
                        used = 0;
                    }
                }
                if c == ' ' && used == 0 {
                    continue;
                }
            }
            line.push(c);
            used += w;
        }
        lines.push(line);
    }
    lines
}

/// A plain-text table for the command line: columns padded by display width, so Japanese
/// names line up.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let cols = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(cols) {
            widths[i] = widths[i].max(width(cell));
        }
    }
    let mut out = String::new();
    let line = |cells: Vec<&str>, out: &mut String| {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                l.push_str(c);
            } else {
                l.push_str(&pad(c, widths[i]));
                l.push_str("  ");
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(header.to_vec(), &mut out);
    for row in rows {
        line(row.iter().map(String::as_str).collect(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_is_two_columns_and_never_cut_in_half() {
        assert_eq!(width("病院"), 4);
        assert_eq!(truncate("四病院団体協議会", 5), "四病…");
        assert_eq!(width(&truncate("四病院団体協議会", 5)), 5);
        assert_eq!(pad("病院", 5), "病院 ");
        assert_eq!(pad("abc", 2), "a…");
    }

    #[test]
    fn wrap_breaks_at_characters_and_words() {
        let lines = wrap("セキュリティ監査を実施していますか", 10);
        assert!(lines.iter().all(|l| width(l) <= 10), "{lines:?}");
        assert_eq!(lines.concat(), "セキュリティ監査を実施していますか");
        let lines = wrap("Do you take backups of the systems", 12);
        assert_eq!(lines, ["Do you take", "backups of", "the systems"]);
        // Japanese with a space in it breaks where the line is full, not at the space.
        let lines = wrap(
            "5 は「院内システム担当者数」（staff_total = 2）を超えています",
            30,
        );
        assert_eq!(lines[0], "5 は「院内システム担当者数」（");
    }
}
