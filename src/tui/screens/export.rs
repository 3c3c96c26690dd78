//! The export overlay (`e` on the record list and in the interview): which format, then the
//! file under `<data dir>/exports/`, and the path (or the reason it failed) in the footer.
//!
//! It is not a screen of its own but a small modal the two screens hold: it draws over them
//! and takes every key while open, so its letters (m h c j) never reach the record keys.

use crate::domain::checklist::Editions;
use crate::domain::{Lang, Record};
use crate::print::report::{self, Format};
use crate::store::Store;
use crate::text::{pad, truncate};
use crate::tui::app::View;
use crate::tui::commands::Command;
use crate::tui::keys::{self, Intent, Scope};
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph};
use ratatui::Frame;
use Command as C;
use Intent as I;
use Scope as S;

/// What a key did to the overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKey {
    /// Still open (a move, or a key it ignores).
    Stay,
    Cancel,
    Chosen(Format),
}

#[derive(Debug, Clone)]
pub struct ExportPrompt {
    record: String,
    selected: usize,
}

impl ExportPrompt {
    pub fn new(record: &impl ToString) -> ExportPrompt {
        ExportPrompt {
            record: record.to_string(),
            selected: 0,
        }
    }

    pub fn handle(&mut self, key: KeyEvent) -> PromptKey {
        match keys::intent_in(Scope::Export, &key) {
            Some(Intent::ExportAs(f)) => PromptKey::Chosen(f),
            Some(Intent::Up) => {
                self.selected = self.selected.saturating_sub(1);
                PromptKey::Stay
            }
            Some(Intent::Down) => {
                self.selected = (self.selected + 1).min(Format::ALL.len() - 1);
                PromptKey::Stay
            }
            Some(Intent::Pick) => PromptKey::Chosen(Format::ALL[self.selected]),
            Some(Intent::Back) => PromptKey::Cancel,
            _ => PromptKey::Stay,
        }
    }

    pub fn commands() -> Vec<Command> {
        vec![
            C::of(S::Export, I::ExportAs(Format::Md))
                .keys("m/h/c/j")
                .label("形式を選んで書き出す", "write in that format"),
            C::of(S::Export, I::Pick)
                .keys("↑↓ Enter")
                .label("選んで書き出す", "choose, write"),
            C::of(S::Export, I::Back).label("中止", "cancel"),
        ]
    }

    /// ```text
    /// ┌ 書き出し 2026-001 ─────────────────────────┐
    /// │ 形式を選んでください：                     │
    /// │ ▶ m  Markdown（メール・Wiki用）            │
    /// │   h  HTML（A4で印刷）                      │
    /// │   c  CSV（Excel用）                        │
    /// │   j  JSON（記録そのもの、取り込み用）      │
    /// │ 書き出し先：データフォルダの exports/      │
    /// └────────────────────────────────────────────┘
    /// ```
    pub fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let l = view.lang;
        let t = &view.theme;
        let w = area.width.saturating_sub(8).min(56);
        let h = (Format::ALL.len() as u16 + 6).min(area.height);
        let rect = Rect {
            x: area.x + (area.width.saturating_sub(w)) / 2,
            y: area.y + area.height.saturating_sub(h) / 2,
            width: w,
            height: h,
        };
        crate::tui::widgets::overlay::clear(frame, rect);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border())
            .padding(Padding::horizontal(1))
            .title(match l {
                Lang::Ja => format!(" 書き出し {} ", self.record),
                Lang::En => format!(" Export {} ", self.record),
            });
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let width = inner.width as usize;
        let mut lines = vec![Line::raw(
            l.pick("形式を選んでください：", "Choose a format:"),
        )];
        for (i, f) in Format::ALL.iter().enumerate() {
            let sel = i == self.selected;
            let key = keys::shown(Scope::Export, Intent::ExportAs(*f));
            lines.push(Line::from(vec![
                Span::raw(if sel { "▶ " } else { "  " }),
                Span::styled(pad(key, 2), if sel { t.selected() } else { t.key() }),
                Span::raw(truncate(
                    &format!(" {}", f.label(l)),
                    width.saturating_sub(4),
                )),
            ]));
        }
        lines.push(Line::raw(""));
        lines.push(Line::raw(truncate(
            l.pick(
                "書き出し先：データフォルダの exports/（0600）",
                "Written to exports/ in the data dir (0600)",
            ),
            width,
        )));
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// The file name of an export: `2026-007-20261125.md`.
pub fn file_name(record: &Record, format: Format, today: NaiveDate) -> String {
    format!("{}-{}.{}", record.id, today.format("%Y%m%d"), format.ext())
}

/// Writes the export and says what happened, in the user's language: the path, or why not.
pub fn write(store: &Store, record: &Record, format: Format, lang: Lang) -> String {
    let today = crate::clock::system().today();
    let bytes = report::export(record, format, lang, today, Editions::shipped());
    match store.write_export(&file_name(record, format, today), &bytes) {
        Ok(path) => match lang {
            Lang::Ja => format!("書き出しました：{}", path.display()),
            Lang::En => format!("Written: {}", path.display()),
        },
        Err(e) => match lang {
            Lang::Ja => format!(
                "書き出せません：{}",
                crate::edge::Failure::from_store(e, lang)
            ),
            Lang::En => format!(
                "Cannot export: {}",
                crate::edge::Failure::from_store(e, lang)
            ),
        },
    }
}
