//! The export overlay (`e` on the record list and in the interview): which format, then where
//! — the one path prompt ([`PathPrompt`], as the checklist's vendor forms use) offering
//! `<data dir>/exports/<record>-<date>.<ext>`, Enter to take it or another path typed (Tab
//! completes). The path written (or the reason it failed) is said in the footer; a path that
//! cannot be written keeps the prompt open with the reason.
//!
//! It is not a screen of its own but a small modal the two screens hold: it draws over them
//! and takes every key while open, so its letters (m h c j) never reach the record keys.

use crate::domain::checklist::Editions;
use crate::domain::survey::Survey;
use crate::domain::{Lang, Record, RecordId};
use crate::print::report::{self, Format};
use crate::store::Store;
use crate::text::{pad, truncate};
use crate::tui::app::View;
use crate::tui::commands::Command;
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::screens::path_prompt::{PathKey, PathPrompt};
use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph};
use ratatui::Frame;
use std::path::{Path, PathBuf};
use Command as C;
use Intent as I;
use Scope as S;

/// What a key did to the overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKey {
    /// Still open (a move, a format chosen and the path asked, or a key it ignores).
    Stay,
    Cancel,
    /// The format and the path to write it to.
    Chosen(Format, PathBuf),
}

pub struct ExportPrompt {
    /// The record's id (the file is named after it).
    record: RecordId,
    exports: PathBuf,
    selected: usize,
    /// Once a format is chosen: where to write it.
    path: Option<(Format, PathPrompt)>,
}

impl ExportPrompt {
    /// The export of the record `id`, offered under `exports`.
    pub fn new(id: &RecordId, exports: &Path) -> ExportPrompt {
        ExportPrompt {
            record: id.clone(),
            exports: exports.to_path_buf(),
            selected: 0,
            path: None,
        }
    }

    /// The scope whose keys the overlay reads now (the help shows it).
    pub fn scope(&self) -> Scope {
        if self.path.is_some() {
            Scope::Path
        } else {
            Scope::Export
        }
    }

    /// A write that failed: the prompt stays open on the path with the reason under it.
    pub fn refuse(&mut self, why: String) {
        if let Some((_, prompt)) = self.path.as_mut() {
            prompt.error = Some(why);
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let Some((_, prompt)) = self.path.as_mut() {
            prompt.paste(text);
        }
    }

    fn ask_path(&mut self, format: Format) -> PromptKey {
        let today = crate::clock::system().today();
        let path = self
            .exports
            .join(named(&self.record.to_string(), format, today));
        let title = (
            format!("書き出し {}：{}", self.record, format.label(Lang::Ja)),
            format!("Export {}: {}", self.record, format.label(Lang::En)),
        );
        self.path = Some((format, PathPrompt::new(title, &path, Vec::new())));
        PromptKey::Stay
    }

    pub fn handle(&mut self, key: KeyEvent) -> PromptKey {
        if let Some((format, prompt)) = self.path.as_mut() {
            return match prompt.handle(key) {
                PathKey::Stay => PromptKey::Stay,
                PathKey::Cancel => PromptKey::Cancel,
                PathKey::Chosen(path, _) => PromptKey::Chosen(*format, path),
            };
        }
        match keys::intent_in(Scope::Export, &key) {
            Some(Intent::ExportAs(f)) => self.ask_path(f),
            Some(Intent::Up) => {
                self.selected = self.selected.saturating_sub(1);
                PromptKey::Stay
            }
            Some(Intent::Down) => {
                self.selected = (self.selected + 1).min(Format::ALL.len() - 1);
                PromptKey::Stay
            }
            Some(Intent::Pick) => self.ask_path(Format::ALL[self.selected]),
            Some(Intent::Back) => PromptKey::Cancel,
            _ => PromptKey::Stay,
        }
    }

    /// The export from the record list, where no record is open: the record is read as it is
    /// on disk (what the list shows) and written. What to say, or why it was not written (the
    /// prompt then stays open with the reason).
    pub fn write_stored(
        &self,
        store: &Store,
        survey: &Survey,
        format: Format,
        path: &Path,
        lang: Lang,
    ) -> Result<String, String> {
        let record = store
            .load(&self.record)
            .map_err(|e| crate::edge::Failure::from_store(e, lang).to_string())?;
        write(store, survey, &record, format, path, lang)
    }

    pub fn commands(&self) -> Vec<Command> {
        if let Some((_, prompt)) = &self.path {
            return prompt.commands();
        }
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
        if let Some((_, prompt)) = &self.path {
            return prompt.render(frame, area, view);
        }
        let l = view.lang;
        let t = &view.theme;
        let w = area.width.saturating_sub(8).min(56);
        let h = (Format::ALL.len() as u16 + 6).min(area.height);
        let rect = crate::tui::widgets::overlay::centered(area, w, h);
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
    named(&record.id.to_string(), format, today)
}

fn named(id: &str, format: Format, today: NaiveDate) -> String {
    format!("{id}-{}.{}", today.format("%Y%m%d"), format.ext())
}

/// What a screen says of a file it wrote: 「書き出しました：/…/exports/2026-001-20261125.md」.
pub fn written(path: &Path, lang: Lang) -> String {
    lang.pick_with(
        || format!("書き出しました：{}", path.display()),
        || format!("Written: {}", path.display()),
    )
}

/// Writes the export to `path` (0600, atomically; the default `exports/` is created 0700):
/// what to say in the footer, or why it could not be written (the prompt then stays open).
pub fn write(
    store: &Store,
    survey: &Survey,
    record: &Record,
    format: Format,
    path: &Path,
    lang: Lang,
) -> Result<String, String> {
    let today = crate::clock::system().today();
    let bytes = report::export(record, survey, format, lang, today, Editions::shipped());
    match store.write_file(path, &bytes) {
        Ok(path) => Ok(written(&path, lang)),
        Err(e) => Err(match lang {
            Lang::Ja => format!(
                "書き出せません：{}",
                crate::edge::Failure::from_store(e, lang)
            ),
            Lang::En => format!(
                "Cannot export: {}",
                crate::edge::Failure::from_store(e, lang)
            ),
        }),
    }
}
