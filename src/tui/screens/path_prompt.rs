//! The path prompt: a file to write or to read, typed with Tab completing it from the folder,
//! and, where the file can be written in more than one format, the format chosen with ↑↓ (the
//! file's extension follows it).
//!
//! It has the export overlay's shape: a struct the screen holds in an `Option`, asked first for
//! every key while open (`handle` → [`PathKey`]), drawn over the screen (`render`) and offering
//! its own commands. The vendors panel uses it both to write a vendor's form and to import one
//! that came back.

use crate::domain::Lang;
use crate::text::truncate;
use crate::tui::app::View;
use crate::tui::commands::Command;
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::widgets::text_field::TextField;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Padding, Paragraph};
use ratatui::Frame;
use std::path::{Path, PathBuf};
use Command as C;
use Intent as I;
use Scope as S;

/// One format the file may be written in: its label and extension.
#[derive(Debug, Clone, Copy)]
pub struct Choice {
    pub ja: &'static str,
    pub en: &'static str,
    pub ext: &'static str,
}

/// What a key did to the prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathKey {
    Stay,
    Cancel,
    /// Enter on a path: the path and the format chosen (an index in the choices).
    Chosen(PathBuf, usize),
}

pub struct PathPrompt {
    title: (String, String),
    choices: Vec<Choice>,
    selected: usize,
    field: TextField,
    /// What Tab found when more than one name fits.
    candidates: Vec<String>,
    /// Tab found nothing: said in the UI's language when drawn.
    nothing: Option<Nothing>,
    /// A refusal shown under the field (the prompt stays open to correct the path).
    pub error: Option<String>,
}

impl PathPrompt {
    /// `title` in both languages; `path` the default offered (an absolute path, or a folder
    /// ending in `/` to complete from).
    pub fn new(title: (String, String), path: &Path, choices: Vec<Choice>) -> PathPrompt {
        PathPrompt {
            title,
            choices,
            selected: 0,
            field: TextField::single(&path.display().to_string()),
            candidates: Vec::new(),
            nothing: None,
            error: None,
        }
    }

    pub fn handle(&mut self, key: KeyEvent) -> PathKey {
        match keys::intent_in(Scope::Path, &key) {
            Some(Intent::Pick) => {
                let typed = self.field.text();
                let typed = typed.trim();
                if typed.is_empty() || typed.ends_with('/') {
                    return PathKey::Stay;
                }
                PathKey::Chosen(expand(typed), self.selected)
            }
            Some(Intent::Back) => PathKey::Cancel,
            Some(Intent::NextQuestion) => {
                self.complete();
                PathKey::Stay
            }
            Some(Intent::Up | Intent::Down) if self.choices.len() > 1 => {
                self.selected = (self.selected + 1) % self.choices.len();
                self.follow_extension();
                PathKey::Stay
            }
            _ => {
                if !matches!(key.code, KeyCode::F(_)) {
                    self.field.handle(key);
                    self.error = None;
                    self.nothing = None;
                }
                PathKey::Stay
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.field.paste(text);
        self.error = None;
    }

    /// The path's extension changes with the format chosen, when it is one of the choices'.
    fn follow_extension(&mut self) {
        let text = self.field.text();
        let ext = self.choices[self.selected].ext;
        for c in &self.choices {
            if let Some(stem) = text.strip_suffix(&format!(".{}", c.ext)) {
                self.field = TextField::single(&format!("{stem}.{ext}"));
                return;
            }
        }
    }

    /// Completes the last part of the path from the names in its folder: one name fits, it is
    /// written out (a folder with its `/`); several, their common start, and they are listed.
    fn complete(&mut self) {
        let text = self.field.text();
        let (dir, start) = match text.rfind('/') {
            Some(i) => (&text[..=i], &text[i + 1..]),
            None => ("", text.as_str()),
        };
        let folder = if dir.is_empty() {
            PathBuf::from(".")
        } else {
            expand(dir)
        };
        let listed = std::fs::read_dir(&folder);
        self.nothing = listed.is_err().then(|| Nothing::Folder(shown(dir)));
        let mut names: Vec<(String, bool)> = listed
            .map(|rd| {
                rd.flatten()
                    .filter_map(|e| {
                        let name = e.file_name().into_string().ok()?;
                        let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
                        (name.starts_with(start) && !name.starts_with('.'))
                            .then_some((name, is_dir))
                    })
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        self.candidates.clear();
        match names.as_slice() {
            [] if self.nothing.is_none() => self.nothing = Some(Nothing::Name(shown(start))),
            [] => {}
            [(name, is_dir)] => {
                let slash = if *is_dir { "/" } else { "" };
                self.field = TextField::single(&format!("{dir}{name}{slash}"));
            }
            many => {
                let first = &many[0].0;
                let common = many.iter().fold(first.len(), |n, (name, _)| {
                    first
                        .char_indices()
                        .zip(name.chars())
                        .take_while(|((_, a), b)| a == b)
                        .map(|((i, a), _)| i + a.len_utf8())
                        .last()
                        .unwrap_or(0)
                        .min(n)
                });
                self.field = TextField::single(&format!("{dir}{}", &first[..common]));
                self.candidates = many.iter().map(|(n, _)| shown(n)).collect();
            }
        }
    }

    pub fn commands(&self) -> Vec<Command> {
        let mut out = vec![
            C::of(S::Path, I::Pick).label("決定", "go"),
            C::of(S::Path, I::NextQuestion)
                .keys("Tab")
                .label("補完", "complete"),
        ];
        if self.choices.len() > 1 {
            out.push(C::of(S::Path, I::Down).keys("↑↓").label("形式", "format"));
        }
        out.push(C::of(S::Path, I::Back).label("中止", "cancel"));
        out
    }

    /// ```text
    /// ┌ 事業者確認用を書き出す：ベンダーA（電子カルテ） ┐
    /// │ 形式（↑↓）：▶ CSV（Excel用）   JSON            │
    /// │ ファイル：                                     │
    /// │ [/data/exports/SD-…-2025-001-ベンダーA_….csv ] │
    /// │ Tab 補完 · Enter 決定 · Esc 中止               │
    /// └────────────────────────────────────────────────┘
    /// ```
    pub fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let l = view.lang;
        let t = &view.theme;
        let w = area.width.saturating_sub(4).min(72);
        let extra = self.candidates.len().min(3) as u16
            + u16::from(self.nothing.is_some())
            + u16::from(self.error.is_some()) * 2;
        let h = (7 + extra).min(area.height);
        let rect = crate::tui::widgets::overlay::centered(area, w, h);
        crate::tui::widgets::overlay::clear(frame, rect);
        let title = match l {
            Lang::Ja => &self.title.0,
            Lang::En => &self.title.1,
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.accent())
            .padding(Padding::horizontal(1))
            .title(truncate(
                &format!(" {title} "),
                w.saturating_sub(2) as usize,
            ));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let width = inner.width as usize;
        let mut lines = Vec::new();
        if self.choices.len() > 1 {
            let mut spans = vec![Span::raw(l.pick("形式（↑↓）：", "Format (↑↓): "))];
            for (i, c) in self.choices.iter().enumerate() {
                let sel = i == self.selected;
                spans.push(Span::styled(
                    format!("{}{} ", if sel { "▶" } else { " " }, l.pick(c.ja, c.en)),
                    if sel { t.selected() } else { t.base() },
                ));
            }
            lines.push(Line::from(spans));
        } else {
            lines.push(Line::raw(""));
        }
        lines.push(Line::raw(l.pick("▸ ファイル：", "▸ File:")));
        let field_at = lines.len();
        lines.push(Line::raw(""));
        for c in self.candidates.iter().take(3) {
            lines.push(Line::styled(truncate(&format!("  {c}"), width), t.dim()));
        }
        if let Some(n) = &self.nothing {
            let said = match n {
                Nothing::Name(start) if start.is_empty() => l
                    .pick("このフォルダには何もありません", "The folder is empty")
                    .to_string(),
                Nothing::Name(start) => l.pick_with(
                    || format!("「{start}」で始まる名前はありません"),
                    || format!("No name starts with “{start}”"),
                ),
                Nothing::Folder(dir) => l.pick_with(
                    || format!("フォルダ {dir} がないか、読めません"),
                    || format!("No folder {dir}, or it cannot be read"),
                ),
            };
            lines.push(Line::styled(
                truncate(&format!("  {said}"), width),
                t.warn(),
            ));
        }
        if let Some(e) = &self.error {
            for line in crate::text::wrap(&format!("✗ {e}"), width)
                .into_iter()
                .take(2)
            {
                lines.push(Line::styled(line, t.error()));
            }
        }
        lines.push(Line::styled(
            truncate(
                l.pick(
                    "Tab 補完 · Enter 決定 · Esc 中止",
                    "Tab completes · Enter goes · Esc cancels",
                ),
                width,
            ),
            t.dim(),
        ));
        frame.render_widget(Paragraph::new(lines), inner);
        if let Some(field) = inner.rows().nth(field_at) {
            self.field.draw(
                frame,
                field,
                t.base().add_modifier(Modifier::UNDERLINED),
                true,
            );
        }
    }
}

/// Why Tab completed nothing.
enum Nothing {
    /// No name in the folder starts with what is typed.
    Name(String),
    /// The folder typed is not there or cannot be read.
    Folder(String),
}

/// `~/x` is the home folder's `x`; anything else as typed.
fn expand(typed: &str) -> PathBuf {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(typed),
    }
}

/// A file name as it may be drawn: control characters never reach the terminal.
fn shown(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}
