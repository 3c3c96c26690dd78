//! Line breaking for Japanese and English alike, by the rules of 禁則処理 (kinsoku): Japanese
//! has no spaces, so a line may end after almost any character — but not before a closing mark
//! (、。）」 would start the next line), not after an opening one (「（ would be left hanging),
//! and not inside a figure with its unit (500万円未満, 2,579万円, 15%), which a reader takes as one
//! word. English words and other ASCII runs (`budget_bracket`, `580/1144`) stay whole too.
//!
//! Without a dictionary, a run of kanji (確認, 未記入, 厚労省) or of katakana (チェックリスト)
//! is taken as one word and kept whole when it is short ([`RUN_MAX`]): 「確認」 is not broken
//! after 確. A longer run breaks between its characters, as Japanese may.
//!
//! The text is cut into *pieces* that may not be broken — a word, a figure with its unit, one
//! Japanese character — each closing mark glued to the piece before it and each opening mark to
//! the piece after it; then the pieces are laid greedily into lines, a run's pieces together.
//! Only a piece wider than a whole line is cut, at a character boundary, so nothing is ever lost.

use super::width;
use unicode_width::UnicodeWidthChar;

/// May not start a line (行頭禁則): closing brackets, stops, small marks, the prolonged sound.
const NO_START: &str = "、。，．）」』】〕〉》｝］！？・：；ー…‥%％,.)]}!?:;ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ";
/// May not end a line (行末禁則): opening brackets, and the currency signs written before a
/// figure (¥20–50M, ＄5), which belong to it.
const NO_END: &str = "（「『【〔〈《｛［([{¥￥$＄£€";
/// What may follow a figure as its unit, longest first where one is the start of another.
const UNITS: &[&str] = &[
    "万円", "億円", "千円", "万", "億", "千", "百", "円", "%", "％", "件", "人", "床", "名",
    "施設", "年度", "年", "ヶ月", "か月", "カ月", "月", "日", "時間", "分", "秒", "歳", "割", "倍",
    "台", "点", "回", "個", "社", "病院", "以上", "以下", "未満", "超",
];
/// The widest run of kanji or katakana kept on one line as a word (7 kanji, チェックリスト): a
/// longer one breaks inside rather than leave most of a line empty.
const RUN_MAX: usize = 14;

/// One unbreakable piece, and whether it continues the previous piece's run of kanji or
/// katakana (the two stay together when the run is short).
struct Piece {
    text: String,
    joins: bool,
}

/// Breaks text into lines of at most `max` columns (see the module's rules). A newline in the
/// text always breaks; spaces where a line breaks are dropped.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(2);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        // Spaces that begin a paragraph are its indent and stay.
        let mut indent = true;
        for piece in runs(pieces(para), max) {
            let w = width(&piece);
            if piece == " " {
                if (used > 0 || indent) && used < max {
                    line.push(' ');
                    used += 1;
                }
                continue;
            }
            indent = false;
            if used + w > max && used > 0 {
                lines.push(line.trim_end_matches(' ').to_string());
                line = String::new();
                used = 0;
            }
            if w <= max {
                line.push_str(&piece);
                used += w;
                continue;
            }
            // Wider than a line: cut it, character by character.
            for c in piece.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > max {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        lines.push(line.trim_end_matches(' ').to_string());
    }
    lines
}

/// The pieces to lay: each run of kanji or katakana no wider than [`RUN_MAX`] (nor the line) as
/// one, a longer run's pieces one by one.
fn runs(pieces: Vec<Piece>, max: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, out: &mut Vec<String>| {
        // The run's own characters, not the marks glued to it (`ネットワーク):`).
        let own: usize = run
            .iter()
            .flat_map(|p| p.chars())
            .filter(|c| script(*c) != Script::Other)
            .map(|c| c.width().unwrap_or(0))
            .sum();
        if own <= RUN_MAX.min(max) && width(&run.concat()) <= max {
            out.push(run.concat());
        } else {
            out.append(run);
        }
        run.clear();
    };
    for p in pieces {
        if !p.joins && !run.is_empty() {
            flush(&mut run, &mut out);
        }
        run.push(p.text);
    }
    if !run.is_empty() {
        flush(&mut run, &mut out);
    }
    out
}

/// Which run a character belongs to: kanji and katakana runs are words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Kanji,
    Katakana,
    Other,
}

fn script(c: char) -> Script {
    match c {
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '々' | '〆' | 'ヶ' => Script::Kanji,
        // The katakana block without its middle dot (・ separates words).
        '\u{30A1}'..='\u{30FA}' | 'ー' | '\u{FF66}'..='\u{FF9D}' => Script::Katakana,
        _ => Script::Other,
    }
}

/// The pieces of one paragraph, each to be kept on one line.
fn pieces(para: &str) -> Vec<Piece> {
    let chars: Vec<char> = para.chars().collect();
    // Each raw piece, and whether it continues a run of kanji or katakana.
    let mut raw: Vec<(String, bool)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' {
            raw.push((" ".into(), false));
            i += 1;
        } else if word_char(c) {
            let start = i;
            while i < chars.len() && (word_char(chars[i]) || joins_figure(&chars, i)) {
                i += 1;
            }
            let mut piece: String = chars[start..i].iter().collect();
            if chars[i - 1].is_ascii_digit() || is_wide_digit(chars[i - 1]) {
                'unit: loop {
                    let rest: String = chars[i..].iter().take(3).collect();
                    for u in UNITS {
                        if rest.starts_with(u) {
                            piece.push_str(u);
                            i += u.chars().count();
                            continue 'unit;
                        }
                    }
                    break;
                }
            }
            raw.push((piece, false));
        } else {
            let joins = script(c) != Script::Other && i > 0 && script(chars[i - 1]) == script(c);
            raw.push((c.to_string(), joins));
            i += 1;
        }
    }
    // Glue: a closing mark to the piece before it, an opening mark to the piece after it.
    let mut out: Vec<Piece> = Vec::new();
    let mut opening = String::new();
    for (i, (p, joins)) in raw.iter().enumerate() {
        let (p, joins) = (p.as_str(), *joins);
        let first = p.chars().next().unwrap_or(' ');
        // A symbol (arrows to geometric shapes: ○ ▼ ■ →) written against the word after it
        // (○fine, ▼minority) stays with it too.
        let marks_word = ('\u{2190}'..='\u{2BFF}').contains(&first)
            && raw
                .get(i + 1)
                .is_some_and(|(next, _)| next.chars().next().is_some_and(word_char));
        if p.chars().count() == 1 && (NO_END.contains(first) || marks_word) {
            opening.push_str(p);
            continue;
        }
        // A closing mark, or a word that begins with one (`):` after a Japanese word).
        let closes = NO_START.contains(first);
        match out.last_mut() {
            Some(last) if closes && opening.is_empty() && last.text != " " => last.text.push_str(p),
            _ => out.push(Piece {
                // An opening mark begins a new word; it does not continue a run.
                joins: joins && opening.is_empty(),
                text: std::mem::take(&mut opening) + p,
            }),
        }
    }
    if !opening.is_empty() {
        out.push(Piece {
            text: opening,
            joins: false,
        });
    }
    out
}

/// Part of a word: ASCII letters, digits and marks, the narrow currency signs written into a
/// figure (-¥49.22, <¥5M), and full-width digits.
fn word_char(c: char) -> bool {
    c.is_ascii_graphic() || matches!(c, '¥' | '£' | '€') || is_wide_digit(c)
}

fn is_wide_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// A dash or tilde between two figures (55–60%, 3〜5年) joins them into one.
fn joins_figure(chars: &[char], i: usize) -> bool {
    let digit = |c: char| c.is_ascii_digit() || is_wide_digit(c);
    matches!(chars[i], '–' | '〜' | '～' | '，' | '．')
        && i > 0
        && digit(chars[i - 1])
        && chars.get(i + 1).is_some_and(|c| digit(*c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fits(lines: &[String], max: usize) {
        assert!(lines.iter().all(|l| width(l) <= max), "{lines:?}");
    }

    /// Wraps `text` at every width from 6 to 16 columns: the lines fit, and `holds` of them.
    fn at_widths(text: &str, holds: impl Fn(&[String]) -> bool) {
        for max in 6..=16 {
            let lines = wrap(text, max);
            fits(&lines, max);
            assert!(holds(&lines), "{text} at {max}: {lines:?}");
        }
    }

    #[test]
    fn no_line_starts_with_a_closing_mark() {
        for text in [
            "あいうえおか、きく",
            "あいうえおか。きく",
            "あいうえ（おか）きく",
            "あいうえ「おか」きく",
            "あいうえ『おか』きく",
            "あいうえ【おか】きく",
            "あいうえ〔おか〕きく",
            "あいうえおか・きく",
            "セキュリティーの話",
            "ab cd ef (gh), ij.",
        ] {
            at_widths(text, |lines| {
                assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
                lines[1..]
                    .iter()
                    .all(|l| !NO_START.contains(l.chars().next().unwrap_or('x')))
            });
        }
        assert_eq!(wrap("あいうえおか、きく", 12), ["あいうえお", "か、きく"]);
        assert_eq!(
            wrap("あいうえおか。」きく", 12),
            ["あいうえお", "か。」きく"]
        );
        // An ASCII closing bracket glued to what follows it still closes the word before.
        assert_eq!(
            wrap("保守B (院内ネットワーク): 18", 20),
            ["保守B (院内", "ネットワーク): 18"]
        );
    }

    #[test]
    fn no_line_ends_with_an_opening_mark() {
        for text in [
            "あいうえおか「きく」",
            "あいうえおか（きく）",
            "あいうえおか『きく』",
            "あいうえおか【きく】",
            "ab cd efg (hij) k",
        ] {
            at_widths(text, |lines| {
                lines[..lines.len() - 1]
                    .iter()
                    .all(|l| !NO_END.contains(l.chars().next_back().unwrap_or('x')))
            });
        }
        assert_eq!(wrap("あいうえお「かき」", 12), ["あいうえお", "「かき」"]);
        // A currency sign stays with its figure (the budget's sources had read `¥` | `20–50M`).
        assert_eq!(
            wrap("under ¥5M 88, ¥20–50M 2", 15),
            ["under ¥5M 88,", "¥20–50M 2"]
        );
        assert_eq!(
            wrap("gap -¥20.93 / -¥49.22", 15),
            ["gap -¥20.93 /", "-¥49.22"]
        );
        // A mark against its word: `○` | `fine` was one legend entry cut in two.
        assert_eq!(
            wrap("▼minority 0 ■common 0 ○fine 1", 24),
            ["▼minority 0 ■common 0", "○fine 1"]
        );
    }

    #[test]
    fn a_figure_stays_with_its_unit() {
        assert_eq!(
            wrap("予算は年間500万円未満の病院が多い", 14),
            ["予算は年間", "500万円未満の", "病院が多い"]
        );
        assert_eq!(
            wrap("不足額は2,579万円です", 12),
            ["不足額は", "2,579万円で", "す"]
        );
        assert_eq!(wrap("整備率は約15%です", 10), ["整備率は約", "15%です"]);
        assert_eq!(
            wrap("整備率は約55–60%です", 12),
            ["整備率は約", "55–60%です"]
        );
        assert_eq!(
            wrap("回答は１２３件でした", 8),
            ["回答は", "１２３件", "でした"]
        );
        // From the width where the longest figure (2,579万円以上, 13 columns) fits.
        for max in 13..=30 {
            for l in wrap("全体では500万円未満が40%、2,579万円以上が15%。", max) {
                assert!(!l.starts_with('万') && !l.starts_with('円'), "{l}");
                assert!(!l.starts_with('%') && !l.starts_with("未満"), "{l}");
                assert!(!l.ends_with('2') && !l.ends_with("2,"), "{l}");
            }
        }
    }

    /// A short run of kanji or katakana is a word: 「確認」 is not broken after 確 (the matrix's
    /// carried line did at 80 columns), nor 空欄 in the legend; a long run still breaks.
    #[test]
    fn kanji_and_katakana_words_stay_whole() {
        assert_eq!(
            wrap("前年から未確認：y/F2 で確認）", 28),
            ["前年から未確認：y/F2 で", "確認）"]
        );
        assert_eq!(
            wrap("·25%未満 空欄=該当なし", 16),
            ["·25%未満 空欄=", "該当なし"]
        );
        for max in 6..=20 {
            for l in wrap("░25%～ ·25%未満 ?不明あり 空欄=該当なし", max) {
                assert!(!l.ends_with('空') && !l.starts_with('欄'), "{max}: {l}");
            }
        }
        assert_eq!(
            wrap("厚労省チェックリストの項目", 18),
            ["厚労省", "チェックリストの", "項目"]
        );
        // From the width where 未確認： fits a line.
        for max in 8..=30 {
            let text = "状態：実施済み（ヒアリングの回答から・前年から未確認：y/F2 で確認）";
            let lines = wrap(text, max);
            fits(&lines, max);
            assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
            for l in &lines {
                assert!(
                    !l.starts_with('認') && !l.ends_with('確'),
                    "{max}: {lines:?}"
                );
            }
        }
        // Twelve kanji are no word: they fill the line and break.
        assert_eq!(
            wrap("あ一二三四五六七八九十百千", 12),
            ["あ一二三四五", "六七八九十百", "千"]
        );
    }

    #[test]
    fn ascii_words_stay_whole() {
        assert_eq!(
            wrap("Do you take backups of the systems", 12),
            ["Do you take", "backups of", "the systems"]
        );
        assert_eq!(
            wrap("貴院の予算区分は未回答です（budget_bracket）。", 30),
            ["貴院の予算区分は未回答です", "（budget_bracket）。"]
        );
        assert_eq!(
            wrap("ほかに不明：30.9%（354/1144）", 26),
            ["ほかに不明：30.9%", "（354/1144）"]
        );
    }

    #[test]
    fn what_is_wider_than_a_line_is_cut_not_lost() {
        assert_eq!(
            wrap("aaaaaaaaaaaaaaaaaaaa", 8),
            ["aaaaaaaa", "aaaaaaaa", "aaaa"]
        );
        let lines = wrap("（あいうえおかきくけこさしすせそ）", 8);
        fits(&lines, 8);
        assert_eq!(lines.concat(), "（あいうえおかきくけこさしすせそ）");
    }

    #[test]
    fn newlines_break_and_breaking_spaces_go() {
        assert_eq!(wrap("ab\ncd", 10), ["ab", "cd"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("abc def", 3), ["abc", "def"]);
        assert_eq!(wrap("  indented text", 10), ["  indented", "text"]);
    }
}
