//! The help overlay: every key of the current screen, from the binding table.

use crate::domain::Lang;
use crate::text::{pad, width};
use crate::tui::app::View;
use crate::tui::keys::{self, Scope};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

pub fn lines(scope: Scope, lang: Lang, extra: &[(String, String)]) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = keys::help(scope, lang)
        .into_iter()
        .map(|(k, d)| (k.to_string(), d.to_string()))
        .collect();
    rows.extend(extra.iter().cloned());
    rows
}

pub fn render(
    frame: &mut Frame,
    area: Rect,
    view: &View,
    scope: Scope,
    extra: &[(String, String)],
) {
    let rows = lines(scope, view.lang, extra);
    let key_w = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(4);
    let desc_w = rows.iter().map(|(_, d)| width(d)).max().unwrap_or(10);
    let w = ((key_w + desc_w + 6) as u16).min(area.width.saturating_sub(2));
    let h = ((rows.len() + 3) as u16).min(area.height.saturating_sub(2));
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let inner_w = w.saturating_sub(2) as usize;
    let mut text: Vec<Line> = rows
        .iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(format!(" {}", pad(k, key_w)), view.theme.key()),
                Span::raw(format!("  {}", pad(d, inner_w.saturating_sub(key_w + 3)))),
            ])
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
