//! The help overlay: every key of the current screen, from the binding table.

use crate::domain::Lang;
use crate::text::{pad, width};
use crate::tui::app::View;
use crate::tui::keys::{self, Scope};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

pub fn lines(
    scope: Scope,
    scopes: &[Scope],
    lang: Lang,
    extra: &[(String, String)],
) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = keys::help(scope, scopes, lang)
        .into_iter()
        .map(|(k, d)| (k.to_string(), d.to_string()))
        .collect();
    rows.extend(extra.iter().cloned());
    rows
}

/// Draws the key list over the screen: one column when it fits the height, else two (an 80×24
/// SSH terminal holds about forty keys that way), descriptions cut at a character boundary.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    scope: Scope,
    scopes: &[Scope],
    extra: &[(String, String)],
) {
    let rows = lines(scope, scopes, view.lang, extra);
    let key_w = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(4);
    let desc_w = rows.iter().map(|(_, d)| width(d)).max().unwrap_or(10);
    // Inside the box: the rows, then one line saying how to close it.
    let room = area.height.saturating_sub(5) as usize;
    let columns = if rows.len() <= room { 1 } else { 2 };
    let per_column = rows.len().div_ceil(columns);
    let column_w = key_w + 2 + desc_w + 1;
    let w = ((column_w * columns + 2) as u16).min(area.width.saturating_sub(2));
    let h = ((per_column + 3) as u16).min(area.height.saturating_sub(2));
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let inner_w = w.saturating_sub(2) as usize;
    let col_w = inner_w / columns;
    let cell = |(k, d): &(String, String)| {
        vec![
            Span::styled(format!(" {}", pad(k, key_w)), view.theme.key()),
            Span::raw(format!(" {}", pad(d, col_w.saturating_sub(key_w + 2)))),
        ]
    };
    let mut text: Vec<Line> = (0..per_column)
        .map(|i| {
            let mut spans = Vec::new();
            for c in 0..columns {
                if let Some(row) = rows.get(c * per_column + i) {
                    spans.extend(cell(row));
                }
            }
            Line::from(spans)
        })
        .collect();
    text.push(Line::styled(
        view.lang
            .pick(" どのキーでも閉じます", " Any key closes this"),
        view.theme.dim(),
    ));
    crate::tui::widgets::overlay::clear(frame, rect);
    frame.render_widget(
        Paragraph::new(text).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(view.theme.border())
                .title(view.lang.pick(" キー一覧 ", " Keys ")),
        ),
        rect,
    );
}
