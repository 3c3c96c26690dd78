//! The help overlay, drawn from what the screen offers now: first the commands of its present
//! state (the same [`Command`]s the footer is drawn from, each with its binding's full keys and
//! description from the table), then the screen's other keys and the global ones, then the
//! screen's legend. Descriptions are wrapped, never cut; what does not fit the terminal goes on
//! further pages (Space or PgDn turns them, as the last line says).
//!
//! ```text
//! ┌ キー一覧 1/2 ─────────────────────────────────────┐
//! │ いまの操作                                        │
//! │ ↑/k        選択肢を上へ     │ ほかのキー          │
//! │ Enter      決定して次へ（数 │ p   2022年調査との  │
//! │            値は検証して保存）│     比較            │
//! │ Space 次のページ · ほかのキーで閉じます           │
//! └───────────────────────────────────────────────────┘
//! ```

use crate::domain::Lang;
use crate::text::{pad, truncate, width, wrap};
use crate::tui::app::View;
use crate::tui::commands::Command;
use crate::tui::keys::{Binding, Scope, BINDINGS};
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

/// One line of the help: a section's heading or a key and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Heading(String),
    Key(String, String),
}

/// The help's entries: the commands on offer, the screen's other keys (its scope, then
/// `scopes`, then the global ones) and the legend (`extra`).
pub fn entries(
    commands: &[Command],
    scope: Scope,
    scopes: &[Scope],
    lang: Lang,
    extra: &[(String, String)],
) -> Vec<Entry> {
    let describe = |b: &Binding| Entry::Key(b.shown.to_string(), lang.pick(b.ja, b.en).into());
    let mut shown: Vec<*const Binding> = Vec::new();
    let mut now = Vec::new();
    for c in commands {
        if let Some(b) = c.binding() {
            if !shown.contains(&(b as *const Binding)) {
                shown.push(b);
                now.push(describe(b));
            }
        }
    }
    let mut order = vec![scope];
    order.extend_from_slice(scopes);
    order.push(Scope::Global);
    let others: Vec<Entry> = order
        .iter()
        .flat_map(|s| BINDINGS.iter().filter(move |b| b.scope == *s))
        .filter(|b| !shown.contains(&(*b as *const Binding)))
        .map(describe)
        .collect();
    let mut out = Vec::new();
    if !now.is_empty() {
        out.push(Entry::Heading(lang.pick("いまの操作", "Now").into()));
        out.extend(now);
    }
    if !extra.is_empty() {
        out.push(Entry::Heading(
            lang.pick("この画面では", "On this screen").into(),
        ));
        out.extend(extra.iter().map(|(k, d)| Entry::Key(k.clone(), d.clone())));
    }
    if !others.is_empty() {
        out.push(Entry::Heading(lang.pick("ほかのキー", "Other keys").into()));
        out.extend(others);
    }
    out
}

/// One line of the laid-out help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// The key cell (empty on a description's further lines and on a heading).
    pub key: String,
    pub text: String,
    pub heading: bool,
}

/// The help laid out for a terminal: the box, and page by page its columns of lines.
pub struct Pages {
    pub rect: Rect,
    pub pages: Vec<Vec<Vec<HelpLine>>>,
    pub key_w: usize,
    pub desc_w: usize,
}

/// The widest key column; a longer key is cut (no key of the table is this long).
const KEY_MAX: usize = 14;
/// The narrowest description column worth a second column: below it (at 80 columns) one
/// column over more pages reads better than descriptions broken every few words.
const DESC_MIN: usize = 36;

/// The narrowest box: its last line, `Space 次へ（1/2）・他のキーで閉じる`, whole.
const CLOSING_MIN: usize = 40;

/// Lays the entries out in `area`: one column when the descriptions fit it, two when the
/// terminal is wide enough for two readable ones, and as many pages as it takes.
pub fn layout(entries: &[Entry], area: Rect) -> Pages {
    let key_w = entries
        .iter()
        .map(|e| match e {
            Entry::Key(k, _) => width(k),
            Entry::Heading(_) => 0,
        })
        .max()
        .unwrap_or(4)
        .min(KEY_MAX);
    let desc_max = entries
        .iter()
        .map(|e| match e {
            Entry::Key(_, d) => width(d),
            Entry::Heading(h) => width(h).saturating_sub(key_w + 1),
        })
        .max()
        .unwrap_or(10);
    // Inside the box: the rows, then one line saying how to close it (or turn the page). The
    // box may take every column: at 60 the descriptions need them.
    let inner_w = area.width.saturating_sub(2) as usize;
    let room = area.height.saturating_sub(5).max(1) as usize;
    let blocks_at = |desc_w: usize| -> Vec<Vec<HelpLine>> {
        entries
            .iter()
            .map(|e| match e {
                Entry::Heading(h) => vec![HelpLine {
                    key: String::new(),
                    text: truncate(h, key_w + 1 + desc_w),
                    heading: true,
                }],
                Entry::Key(k, d) => wrap(d, desc_w)
                    .into_iter()
                    .enumerate()
                    .map(|(i, text)| HelpLine {
                        key: if i == 0 {
                            truncate(k, key_w)
                        } else {
                            String::new()
                        },
                        text,
                        heading: false,
                    })
                    .collect(),
            })
            .collect()
    };
    // A column is ` key description ` (3 spaces around the two cells).
    let one_w = desc_max.min(inner_w.saturating_sub(key_w + 3).max(8));
    let one = blocks_at(one_w);
    let one_lines: usize = one.iter().map(Vec::len).sum();
    let two_w = (inner_w / 2).saturating_sub(key_w + 3);
    let (columns, desc_w, blocks) = if one_lines <= room || two_w < DESC_MIN {
        (1, one_w, one)
    } else {
        let w = desc_max.min(two_w);
        (2, w, blocks_at(w))
    };
    let pages = paginate(&blocks, room, columns);
    let tallest = pages
        .iter()
        .flat_map(|p| p.iter().map(Vec::len))
        .max()
        .unwrap_or(0);
    let col_w = key_w + desc_w + 3;
    // A box that would leave a column or two beside it takes them too: the screen's border
    // there would look like the help's own, doubled (`┌┌ Keys ─┐┐`).
    // At least as wide as the closing line (its short form, see `render`).
    let w = match (col_w * columns + 2).max(CLOSING_MIN) as u16 {
        w if w + 2 >= area.width => area.width,
        w => w,
    };
    let h = ((tallest + 3) as u16).min(area.height.saturating_sub(2));
    let [row] = Layout::vertical([Constraint::Length(h)])
        .flex(Flex::Center)
        .areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(w)])
        .flex(Flex::Center)
        .areas(row);
    Pages {
        rect,
        pages,
        key_w,
        desc_w,
    }
}

/// Fills columns of `room` lines with whole entries where they fit (a heading stays with the
/// entry after it), `columns` columns to a page.
fn paginate(blocks: &[Vec<HelpLine>], room: usize, columns: usize) -> Vec<Vec<Vec<HelpLine>>> {
    let mut cols: Vec<Vec<HelpLine>> = vec![Vec::new()];
    for (i, block) in blocks.iter().enumerate() {
        let heading = block.first().is_some_and(|l| l.heading);
        let next = if heading {
            blocks.get(i + 1).map_or(0, Vec::len)
        } else {
            0
        };
        let used = cols.last().map_or(0, Vec::len);
        if used > 0 && used + (block.len() + next).min(room) > room {
            cols.push(Vec::new());
        }
        for line in block {
            if cols.last().map_or(0, Vec::len) == room {
                cols.push(Vec::new());
            }
            if let Some(col) = cols.last_mut() {
                col.push(line.clone());
            }
        }
    }
    cols.chunks(columns).map(<[_]>::to_vec).collect()
}

/// How many pages the help takes in `area`.
pub fn page_count(entries: &[Entry], area: Rect) -> usize {
    layout(entries, area).pages.len().max(1)
}

/// Draws page `page` of the help over the screen.
pub fn render(frame: &mut Frame, area: Rect, view: &View, entries: &[Entry], page: usize) {
    let laid = layout(entries, area);
    let count = laid.pages.len().max(1);
    let page = page.min(count - 1);
    let columns = laid.pages.get(page).cloned().unwrap_or_default();
    let height = columns.iter().map(Vec::len).max().unwrap_or(0);
    let mut text: Vec<Line> = (0..height)
        .map(|i| {
            let mut spans = Vec::new();
            for col in &columns {
                match col.get(i) {
                    Some(l) if l.heading => spans.push(Span::styled(
                        format!(" {} ", pad(&l.text, laid.key_w + 1 + laid.desc_w)),
                        view.theme.dim(),
                    )),
                    Some(l) => {
                        spans.push(Span::styled(
                            format!(" {}", pad(&l.key, laid.key_w)),
                            view.theme.key(),
                        ));
                        spans.push(Span::raw(format!(" {} ", pad(&l.text, laid.desc_w))));
                    }
                    None => spans.push(Span::raw(" ".repeat(laid.key_w + laid.desc_w + 3))),
                }
            }
            Line::from(spans)
        })
        .collect();
    let inner = laid.rect.width.saturating_sub(2) as usize;
    let last = if count > 1 {
        let n = page + 1;
        let long = match view.lang {
            Lang::Ja => format!(" Space 次のページ（{n}/{count}）・ほかのキーで閉じます"),
            Lang::En => format!(" Space next page ({n}/{count}) · any other key closes"),
        };
        // A narrow box says it shorter rather than cut how to close it.
        if width(&long) <= inner {
            long
        } else {
            match view.lang {
                Lang::Ja => format!(" Space 次へ（{n}/{count}）・他のキーで閉じる"),
                Lang::En => format!(" Space next ({n}/{count}), other keys close"),
            }
        }
    } else {
        view.lang
            .pick(" どのキーでも閉じます", " Any key closes this")
            .to_string()
    };
    text.push(Line::styled(
        truncate(&last, laid.rect.width.saturating_sub(2) as usize),
        view.theme.dim(),
    ));
    crate::tui::widgets::overlay::clear(frame, laid.rect);
    frame.render_widget(
        Paragraph::new(text).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(view.theme.border())
                .title(view.lang.pick(" キー一覧 ", " Keys ")),
        ),
        laid.rect,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key of a screen is listed, each description whole: read back from the pages, in
    /// order, each entry's lines joined give its description.
    #[test]
    fn every_description_is_whole_at_every_size() {
        for lang in [Lang::Ja, Lang::En] {
            let entries = entries(&[], Scope::Interview, &[Scope::Record], lang, &[]);
            let want: Vec<String> = entries
                .iter()
                .filter_map(|e| match e {
                    Entry::Key(_, d) => Some(d.replace(' ', "")),
                    Entry::Heading(_) => None,
                })
                .collect();
            for (w, h) in [(60, 20), (80, 24), (120, 40)] {
                let laid = layout(&entries, Rect::new(0, 0, w, h));
                assert!(laid.rect.width <= w && laid.rect.height <= h);
                let mut got: Vec<String> = Vec::new();
                for line in laid.pages.iter().flatten().flatten() {
                    if line.heading {
                        continue;
                    }
                    if line.key.is_empty() {
                        if let Some(last) = got.last_mut() {
                            last.push_str(&line.text.replace(' ', ""));
                        }
                    } else {
                        got.push(line.text.replace(' ', ""));
                    }
                    assert!(width(&line.text) <= laid.desc_w, "{w}x{h}: {line:?}");
                }
                assert_eq!(got, want, "{w}x{h} {lang:?}");
                let rows = laid.pages.iter().flatten().map(Vec::len).max().unwrap_or(0);
                assert!(rows + 3 <= h as usize, "{w}x{h}: {rows} rows");
            }
        }
    }

    #[test]
    fn what_is_offered_now_comes_first_and_once() {
        use crate::tui::keys::Intent;
        let now = [
            Command::of(Scope::Interview, Intent::EditNote),
            Command::of(Scope::Interview, Intent::EditNote).keys("n"),
        ];
        let e = entries(&now, Scope::Interview, &[], Lang::En, &[]);
        assert_eq!(e[0], Entry::Heading("Now".into()));
        assert!(
            matches!(&e[1], Entry::Key(k, _) if k.starts_with('n')),
            "{e:?}"
        );
        assert_eq!(e[2], Entry::Heading("Other keys".into()));
        let notes = e
            .iter()
            .filter(|x| matches!(x, Entry::Key(_, d) if d == &e_desc(&e[1])))
            .count();
        assert_eq!(notes, 1, "{e:?}");
    }

    fn e_desc(e: &Entry) -> String {
        match e {
            Entry::Key(_, d) => d.clone(),
            Entry::Heading(h) => h.clone(),
        }
    }
}
