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

mod wrap;
pub use wrap::wrap;

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
    fn wrap_breaks_japanese_where_the_line_is_full() {
        let lines = wrap("セキュリティ監査を実施していますか", 10);
        assert!(lines.iter().all(|l| width(l) <= 10), "{lines:?}");
        assert_eq!(lines.concat(), "セキュリティ監査を実施していますか");
        // Japanese with a space in it breaks where the line is full, not at the first space.
        let lines = wrap(
            "5 は「院内システム担当者数」（staff_total = 2）を超えています",
            30,
        );
        assert!(
            lines[0].starts_with("5 は「院内システム担当者数」"),
            "{lines:?}"
        );
        assert!(lines.iter().all(|l| width(l) <= 30), "{lines:?}");
        for l in wrap(
            "報告：病床規模が大きいほど担当者は多く（bed 4/7）、いずれの規模でもほぼ常勤",
            20,
        ) {
            assert!(width(&l) <= 20, "{l}");
        }
    }
}

/// Text as it may reach a terminal: a control character from a record, an edition or a file
/// name (`ESC]0;…BEL` retitles the window, `ESC[2J` clears it) is shown, not obeyed — C0 in
/// caret notation (`^[`), DEL as `^?`, C1 as `<U+009B>`. Newline and tab are layout and stay.
/// The forms chosen are plain text inside JSON strings too, so JSON on stdout stays valid.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let harmful = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !s.contains(harmful) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !harmful(c) => out.push(c),
            '\u{7f}' => out.push_str("^?"),
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push(char::from(b'@' + c as u8));
            }
            c => out.push_str(&format!("<U+{:04X}>", c as u32)),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// [`printable`] for a file's whole text (a report, a CSV form): a CRLF line end, which Excel's
/// CSV needs, stays as it is; a CR anywhere else is shown.
pub fn printable_file(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(|c: char| c.is_control() && c != '\n' && c != '\t') {
        return std::borrow::Cow::Borrowed(s);
    }
    let lines: Vec<std::borrow::Cow<'_, str>> = s.split("\r\n").map(printable).collect();
    std::borrow::Cow::Owned(lines.join("\r\n"))
}

/// A JSON text with the control characters serde_json leaves raw (DEL and C1, which it need
/// not escape) written as `\uXXXX` escapes: the same value for a program reading it (a record
/// exported for `import` elsewhere stays the record), nothing a terminal obeys for one showing
/// it. Only inside strings can they be in valid JSON, where the escape means the same.
pub fn printable_json(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(char::is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\t' | '\r' => out.push(c),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod printable_tests {
    use super::{printable, printable_file, printable_json};

    #[test]
    fn json_keeps_its_values() {
        let json = serde_json::to_string(&"a\u{1b}b\u{9b}c\u{7f}").unwrap();
        let shown = printable_json(&json);
        assert_eq!(shown, "\"a\\u001bb\\u009bc\\u007f\"");
        let back: String = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, "a\u{1b}b\u{9b}c\u{7f}");
    }

    #[test]
    fn a_files_crlf_line_ends_stay() {
        assert_eq!(printable_file("a,b\r\nc\u{1b}d\r\n"), "a,b\r\nc^[d\r\n");
        assert_eq!(printable_file("x\ry\r\n"), "x^My\r\n");
    }

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(printable("a\u{1b}]0;PWNED\u{7}b"), "a^[]0;PWNED^Gb");
        assert_eq!(printable("x\u{1b}[2J\u{9b}\u{7f}\r"), "x^[[2J<U+009B>^?^M");
        assert_eq!(printable("病院\n\tメモ"), "病院\n\tメモ");
    }
}
