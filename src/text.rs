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
/// spaces to break at), keeping an ASCII word (`budget_bracket`, `580/1144`, an English word)
/// whole and not starting a line with a closing mark (、。）」) when the line can give up its
/// tail instead.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in para.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > max {
                match break_point(&line, c, max) {
                    Some(i) => {
                        let rest = line[i..].trim_start_matches(' ').to_string();
                        line.truncate(i);
                        lines.push(line.trim_end_matches(' ').to_string());
                        line = rest;
                        used = width(&line);
                    }
                    None => {
                        lines.push(std::mem::take(&mut line).trim_end_matches(' ').to_string());
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

/// Where to break `line` so that `next` does not start the new line badly: before the ASCII
/// word that `next` continues, or before the last character when `next` may not start a line.
/// `None` breaks right here (also when the line would keep less than a third of the width).
fn break_point(line: &str, next: char, max: usize) -> Option<usize> {
    const NO_START: &str = "、。，．）」』】〕〉》！？・：；ー…%,.)!?:;";
    const NO_END: &str = "（「『【〔〈《(";
    let word = |c: char| c.is_ascii_graphic();
    let last = line.chars().next_back()?;
    let word_start = || {
        line.char_indices()
            .rev()
            .take_while(|(_, c)| word(*c))
            .last()
            .map(|(i, _)| i)
    };
    let mut i = if word(next) && word(last) && !NO_START.contains(next) {
        word_start()?
    } else if NO_START.contains(next) {
        if word(last) && !NO_START.contains(last) {
            word_start()?
        } else {
            line.len() - last.len_utf8()
        }
    } else {
        return None;
    };
    if let Some(before) = line[..i].chars().next_back() {
        if NO_END.contains(before) {
            i -= before.len_utf8();
        }
    }
    (width(&line[..i]) > max / 3).then_some(i)
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
    }

    #[test]
    fn wrap_keeps_ascii_words_whole_and_marks_off_line_starts() {
        assert_eq!(
            wrap("貴院の予算区分は未回答です（budget_bracket）。", 30),
            ["貴院の予算区分は未回答です", "（budget_bracket）。"]
        );
        // A closing mark takes the character before it to the next line.
        assert_eq!(wrap("あいうえおか、きく", 12), ["あいうえお", "か、きく"]);
        // …or the whole number before it; an opening bracket goes along.
        assert_eq!(
            wrap("ほかに不明：30.9%（354/1144）", 26),
            ["ほかに不明：30.9%", "（354/1144）"]
        );
        // A word longer than the line is still cut rather than lost.
        let lines = wrap("aaaaaaaaaaaaaaaaaaaa", 8);
        assert_eq!(lines, ["aaaaaaaa", "aaaaaaaa", "aaaa"]);
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

#[cfg(test)]
mod printable_tests {
    use super::printable;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(printable("a\u{1b}]0;PWNED\u{7}b"), "a^[]0;PWNED^Gb");
        assert_eq!(printable("x\u{1b}[2J\u{9b}\u{7f}\r"), "x^[[2J<U+009B>^?^M");
        assert_eq!(printable("病院\n\tメモ"), "病院\n\tメモ");
    }
}
