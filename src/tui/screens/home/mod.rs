//! The home screen: the records of the data dir, the files that could not be read, and the way
//! into an interview.

mod prompt;

use crate::domain::{history, FiscalYear};
use crate::domain::{Lang, Questionnaire, Record, RecordId};
use crate::store::{DamagedFile, Store};
use crate::text::{pad, pad_left, truncate};
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::Command;
use crate::tui::keys::{self, Intent, Pane, Scope};
use crate::tui::screens::confirm::Confirm;
use crate::tui::screens::export::ExportPrompt;
use crate::tui::screens::new_record::NewRecord;
use crate::tui::screens::overlay::{Done, Overlay};
use crate::tui::widgets::bar::bar;
use crate::tui::widgets::text_field::TextField;
use chrono::{Datelike, Utc};
use crossterm::event::KeyEvent;
use prompt::{Deleting, HomeOverlay, Prompt};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use ratatui::Frame;
use Command as C;
use Intent as I;
use Scope as S;

/// One row of the list, computed once when the list is loaded: drawing computes nothing.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: RecordId,
    pub name: String,
    pub beds: Option<i64>,
    pub founder_ja: String,
    pub founder_en: String,
    pub progress: f64,
    pub percent: u8,
    /// Answered this year and carried apart, rendered as `shindan list` renders it.
    pub done: crate::domain::questionnaire::Progress,
    pub updated: chrono::DateTime<Utc>,
}

impl Row {
    fn of(r: &Record) -> Row {
        let p = Questionnaire::embedded().progress(r);
        Row {
            id: r.id.clone(),
            name: r.hospital_name().unwrap_or("").to_string(),
            beds: r.beds(),
            founder_ja: r
                .founder()
                .map(|f| f.label(Lang::Ja))
                .unwrap_or("")
                .to_string(),
            founder_en: r
                .founder()
                .map(|f| f.label(Lang::En))
                .unwrap_or("")
                .to_string(),
            progress: p.ratio(),
            percent: p.percent(),
            done: p,
            updated: r.updated_at,
        }
    }

    fn matches(&self, filter: &str) -> bool {
        let f = filter.to_lowercase();
        f.is_empty()
            || self.name.to_lowercase().contains(&f)
            || self.id.to_string().contains(&f)
            || self.founder_ja.contains(&f)
            || self.founder_en.to_lowercase().contains(&f)
    }
}

pub struct Home {
    rows: Vec<Row>,
    damaged: Vec<DamagedFile>,
    /// Record files not read yet: the app reads them right after its first frame.
    pending: Vec<std::path::PathBuf>,
    load_error: Option<String>,
    filter: String,
    selected: usize,
    /// What is open over the list — the export of the selected record, the filter or copy
    /// prompt, the question before a delete — seeing every key first.
    overlay: Option<HomeOverlay>,
}

impl Home {
    /// How many records the list shows on a terminal `height` rows tall, with nothing damaged:
    /// what [`Home::load_first`] need read before the first frame. The frame's title and
    /// footer rows, the box's two borders and the column heading take 5 (see `render`).
    pub fn rows_shown(height: u16) -> usize {
        usize::from(height.saturating_sub(5)).max(1)
    }

    /// Reads only the `first` most recently written records, enough to fill the screen; the
    /// rest wait for [`Home::load_rest`]. A data dir of many records then costs its first frame
    /// no more than a screenful does.
    pub fn load_first(store: &Store, lang: Lang, first: usize) -> Home {
        let mut home = Home {
            rows: Vec::new(),
            damaged: Vec::new(),
            pending: Vec::new(),
            load_error: None,
            filter: String::new(),
            selected: 0,
            overlay: None,
        };
        match store.record_files_recent_first() {
            Ok(mut files) => {
                home.pending = files.split_off(first.min(files.len()));
                home.add(store.read(&files));
            }
            Err(e) => home.load_error = Some(crate::edge::Failure::from_store(e, lang).to_string()),
        }
        home
    }

    /// Reads the records [`Home::load_first`] left; whether there were any.
    pub fn load_rest(&mut self, store: &Store) -> bool {
        if self.pending.is_empty() {
            return false;
        }
        let rest = std::mem::take(&mut self.pending);
        self.add(store.read(&rest));
        true
    }

    fn add(&mut self, listing: crate::store::Listing) {
        self.rows.extend(listing.records.iter().map(Row::of));
        // The latest change first: the record being worked on is usually at the top.
        self.rows
            .sort_by(|a, b| b.updated.cmp(&a.updated).then(a.id.cmp(&b.id)));
        self.damaged.extend(listing.damaged);
        self.damaged.sort_by(|a, b| a.path.cmp(&b.path));
        self.selected = self.selected.min(self.visible().len().saturating_sub(1));
    }

    fn reload(&mut self, store: &Store, lang: Lang) {
        match store.list() {
            Ok(listing) => {
                self.rows.clear();
                self.damaged.clear();
                self.pending.clear();
                self.load_error = None;
                self.add(listing);
            }
            Err(e) => self.load_error = Some(crate::edge::Failure::from_store(e, lang).to_string()),
        }
        self.selected = self.selected.min(self.visible().len().saturating_sub(1));
    }

    /// The records of the data dir, those not read yet included.
    fn count(&self) -> usize {
        self.rows.len() + self.pending.len()
    }

    fn visible(&self) -> Vec<&Row> {
        // While the filter is typed, the list follows what is typed.
        let filter = match self.overlay.as_ref().and_then(Overlay::form) {
            Some(Prompt::Filter(f)) => f.text(),
            _ => self.filter.clone(),
        };
        self.rows.iter().filter(|r| r.matches(&filter)).collect()
    }

    fn selected_row(&self) -> Option<&Row> {
        self.visible().get(self.selected).copied()
    }

    /// A key for what is open over the list; `None` when nothing is, or for the app's keys.
    fn overlay_key(&mut self, key: KeyEvent, env: &mut Env) -> Option<Action> {
        let lang = env.lang;
        let overlay = self.overlay.as_mut()?;
        match overlay.handle(key) {
            Done::Closed => {
                // Esc in the filter clears it.
                if let Overlay::Form(Prompt::Filter(_)) = overlay {
                    self.filter.clear();
                }
                self.overlay = None;
            }
            Done::Open => {
                if let Overlay::Form(Prompt::Filter(_)) = overlay {
                    self.selected = 0;
                }
            }
            Done::Export(format, path) => {
                let Overlay::Export(prompt) = &*overlay else {
                    return Some(Action::None);
                };
                // A path that cannot be written keeps the prompt open, with the reason.
                match prompt.write_stored(env.store, env.survey.survey(), format, &path, lang) {
                    Ok(said) => {
                        self.overlay = None;
                        return Some(Action::Flash(said));
                    }
                    Err(why) => overlay.refuse(why),
                }
            }
            Done::Submit => match overlay {
                Overlay::Form(Prompt::Filter(field)) => {
                    self.filter = field.text();
                    self.overlay = None;
                }
                Overlay::Form(Prompt::Copy { id, field, error }) => {
                    let year = match FiscalYear::parse(&field.text()) {
                        Ok(y) => y.year(),
                        Err(e) => {
                            *error = Some(e.message(lang));
                            return Some(Action::None);
                        }
                    };
                    let id = id.clone();
                    self.overlay = None;
                    return Some(copy(env, &id, year));
                }
                _ => {}
            },
            Done::Confirmed => {
                if let Some(Overlay::Confirm(c)) = self.overlay.take() {
                    return Some(self.delete(env, &c.about.id));
                }
            }
            Done::Pass => return None,
            Done::Note(_) | Done::Path(..) => {}
        }
        Some(Action::None)
    }

    /// Deletes record `id` (its hospital name typed to confirm) and reads the list again.
    fn delete(&mut self, env: &mut Env, id: &RecordId) -> Action {
        let lang = env.lang;
        let result = env.store.lock(id).and_then(|lock| env.store.delete(lock));
        self.reload(env.store, lang);
        match result {
            Ok(()) => Action::Flash(lang.pick_with(
                || format!("{id} を削除しました"),
                || format!("{id} deleted"),
            )),
            Err(e) => Action::Flash(crate::edge::Failure::from_store(e, lang).to_string()),
        }
    }
}

/// Copies record `id` to `year` as `shindan copy` does, and opens the copy.
fn copy(env: &mut Env, id: &RecordId, year: i32) -> Action {
    let clock = crate::clock::system();
    let result = env.store.load(id).and_then(|old| {
        env.store
            .create(year, |new_id| history::copy(&old, new_id, &clock))
    });
    match result {
        Ok(new) => Action::OpenRecord(new.id),
        Err(e) => Action::Flash(crate::edge::Failure::from_store(e, env.lang).to_string()),
    }
}

impl Screen for Home {
    fn scope(&self) -> Scope {
        self.overlay.as_ref().map_or(Scope::Home, Overlay::scope)
    }

    fn handle_paste(&mut self, text: &str, _env: &mut Env) -> Action {
        if let Some(overlay) = self.overlay.as_mut() {
            overlay.paste(text);
            if let Overlay::Form(Prompt::Filter(_)) = overlay {
                self.selected = 0;
            }
        }
        Action::None
    }

    fn title(&self, view: &View) -> String {
        view.lang.pick_with(
            || format!("shindan 診断 — 記録一覧（{}件）", self.count()),
            || format!("shindan — records ({})", self.count()),
        )
    }

    fn commands(&self, _view: &View) -> Vec<Command> {
        if let Some(overlay) = &self.overlay {
            return overlay.commands();
        }
        vec![
            C::of(S::Home, I::New).label("新規", "new"),
            C::of(S::Home, I::Open).label("開く", "open"),
            C::of(S::Home, I::Show(Pane::Position)).label("比較", "position"),
            C::of(S::Home, I::Copy).label("年度コピー", "copy"),
            C::of(S::Home, I::Delete).label("削除", "delete"),
            C::of(S::Home, I::Filter).label("絞り込み", "filter"),
            C::of(S::Global, I::Help).keys("?"),
            C::of(S::Home, I::Quit).label("終了", "quit"),
            // Last and ranked low: at 80 columns it gives way to q; `?` lists it.
            C::of(S::Home, I::Export).label("書き出し", "export"),
        ]
    }

    fn handle_key(&mut self, key: KeyEvent, env: &mut Env) -> Option<Action> {
        if self.overlay.is_some() {
            return self.overlay_key(key, env);
        }
        let count = self.visible().len();
        match keys::intent(Scope::Home, &key)? {
            Intent::Up => self.selected = self.selected.saturating_sub(1),
            Intent::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Intent::Open => {
                if let Some(row) = self.selected_row() {
                    return Some(Action::OpenRecord(row.id.clone()));
                }
            }
            Intent::Show(pane) => {
                if let Some(row) = self.selected_row() {
                    return Some(Action::OpenPane(row.id.clone(), pane));
                }
            }
            Intent::New => return Some(Action::Push(Box::new(NewRecord::new()))),
            Intent::Copy => {
                if let Some(row) = self.selected_row() {
                    // The 年度 after the source's, as `shindan copy` makes it.
                    let year = match env.store.load(&row.id) {
                        Ok(old) => history::copy_year(&old),
                        Err(_) => row.id.fiscal_year().next(),
                    };
                    self.overlay = Some(Overlay::Form(Prompt::Copy {
                        id: row.id.clone(),
                        field: TextField::single(&year.label(env.lang)),
                        error: None,
                    }));
                }
            }
            Intent::Delete => {
                if let Some(row) = self.selected_row() {
                    let name = if row.name.is_empty() {
                        row.id.to_string()
                    } else {
                        row.name.clone()
                    };
                    // Asked first: the hospital name typed, as `shindan delete` asks it.
                    let confirm = Confirm::typed(
                        Deleting {
                            id: row.id.clone(),
                            name: name.clone(),
                        },
                        &name,
                    );
                    self.overlay = Some(Overlay::Confirm(confirm));
                }
            }
            Intent::Export => {
                if let Some(row) = self.selected_row() {
                    self.overlay = Some(Overlay::Export(ExportPrompt::new(
                        &row.id,
                        &env.store.exports_dir(),
                    )));
                }
            }
            Intent::Filter => {
                self.overlay = Some(Overlay::Form(Prompt::Filter(TextField::single(
                    &self.filter,
                ))))
            }
            Intent::Quit => return Some(Action::Quit),
            Intent::Back if !self.filter.is_empty() => self.filter.clear(),
            _ => return None,
        }
        Some(Action::None)
    }

    fn resume(&mut self, env: &mut Env) {
        self.reload(env.store, env.lang);
    }

    fn idle(&mut self, env: &mut Env) -> bool {
        self.load_rest(env.store)
    }

    /// ```text
    /// ┌ 記録 ──────────────────────────────────────────────────────────────┐
    /// │   年度-番号 病院名              病床 開設者     進捗          更新   │
    /// │ ▶ 2026-001  〇〇病院             350 医療法人   █████░░░  62% 11-25 │
    /// │ 読み込めないファイル（そのまま）                                     │
    /// └────────────────────────────────────────────────────────────────────┘
    /// ```
    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let l = view.lang;
        let t = &view.theme;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border());
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let w = inner.width as usize;
        // Fixed columns; the name takes what is left. Where that would leave the name fewer
        // than 16 columns (60×20), the progress bar gives way to its percentage, then the time
        // of the last update to its date.
        let rows = self.visible();
        // The percentage column is as wide as its widest entry: 「0%（引継20）」 for a copy.
        let pct_w = rows
            .iter()
            .map(|r| crate::text::width(&r.done.render(l)) + 1)
            .fold(5, usize::max);
        let (id_w, beds_w, founder_w) = (9, 5, 10);
        let fixed = |bar_w: usize, upd_w: usize| {
            2 + id_w + 1 + 1 + beds_w + 1 + founder_w + 1 + bar_w + pct_w + 1 + upd_w
        };
        let bar_w = if w >= fixed(8, 11) + 16 { 8 } else { 0 };
        let upd_w = if w >= fixed(bar_w, 11) + 16 { 11 } else { 5 };
        let name_w = w.saturating_sub(fixed(bar_w, upd_w)).max(6);
        let mut lines: Vec<Line> = Vec::new();
        if let Some(err) = &self.load_error {
            lines.push(Line::styled(truncate(err, w), t.error()));
        }
        let header = format!(
            "  {} {} {} {} {}{} {}",
            pad(l.pick("年度-番号", "Year-No."), id_w),
            pad(l.pick("病院名", "Hospital"), name_w),
            pad_left(l.pick("病床", "Beds"), beds_w),
            pad(l.pick("開設者", "Founder"), founder_w),
            pad(l.pick("進捗", "Progress"), bar_w),
            pad_left(
                if bar_w == 0 {
                    l.pick("進捗", "Done")
                } else {
                    ""
                },
                pct_w
            ),
            pad(l.pick("更新", "Updated"), upd_w),
        );
        lines.push(Line::styled(truncate(&header, w), t.heading()));
        let body_h = inner.height as usize - lines.len();
        let damaged_h = if self.damaged.is_empty() {
            0
        } else {
            (self.damaged.len() + 2).min(body_h / 2)
        };
        let list_h = body_h.saturating_sub(damaged_h);
        if rows.is_empty() {
            let msg = if self.rows.is_empty() {
                l.pick(
                    "記録はまだありません。n で新しい記録（病院名・病床数・開設者）を作成します。",
                    "No records yet. Press n to create one (hospital name, beds, founder).",
                )
            } else {
                l.pick(
                    "絞り込みに合う記録がありません（Esc で解除）",
                    "No record matches the filter (Esc clears it)",
                )
            };
            for line in crate::text::wrap(msg, w.saturating_sub(2)) {
                lines.push(Line::raw(format!("  {line}")));
            }
        }
        // Keep the selection in view.
        let top = (self.selected + 1).saturating_sub(list_h);
        let clock = crate::clock::system();
        let this_year = clock.local(clock.now()).year();
        for (i, row) in rows.iter().enumerate().skip(top).take(list_h) {
            let sel = i == self.selected;
            let updated = clock.local(row.updated);
            let upd = match (updated.year() == this_year, upd_w > 5) {
                (true, true) => updated.format("%m-%d %H:%M").to_string(),
                (false, true) => updated.format("%Y-%m-%d").to_string(),
                (true, false) => updated.format("%m-%d").to_string(),
                (false, false) => updated.format("%Y").to_string(),
            };
            let founder = l.pick(&row.founder_ja, &row.founder_en);
            let name = if row.name.is_empty() {
                "—"
            } else {
                &row.name
            };
            // Only the marker and the id change when the selection moves: a move costs a few
            // bytes over a slow link, and the reversed id stays visible without colour.
            let id_style = if sel { t.selected() } else { t.base() };
            lines.push(Line::from(vec![
                Span::raw(if sel { "▶ " } else { "  " }),
                Span::styled(pad(&row.id.to_string(), id_w), id_style),
                Span::raw(format!(
                    " {} {} {} ",
                    pad(name, name_w),
                    pad_left(
                        &row.beds
                            .map(|b| b.to_string())
                            .unwrap_or_else(|| "—".into()),
                        beds_w
                    ),
                    pad(if founder.is_empty() { "—" } else { founder }, founder_w),
                )),
                Span::styled(
                    bar(row.progress, bar_w),
                    if row.percent == 100 {
                        t.ok()
                    } else {
                        t.accent()
                    },
                ),
                Span::raw(format!("{} {}", pad_left(&row.done.render(l), pct_w), upd)),
            ]));
        }
        if !self.damaged.is_empty() {
            while lines.len() < inner.height as usize - damaged_h {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(
                l.pick(
                    "読み込めないファイル（変更せずそのままにしています）",
                    "Files that cannot be read (left untouched)",
                ),
                t.warn(),
            ));
            for d in self.damaged.iter().take(damaged_h.saturating_sub(1)) {
                let text = format!("  {}  {}", d.file_name(), d.damage.message(l));
                lines.push(Line::raw(truncate(&text, w)));
            }
        }
        crate::tui::widgets::lines::draw(frame.buffer_mut(), inner, &lines);
        self.render_prompt(frame, area, view);
        if let Some(overlay) = &self.overlay {
            overlay.render_prompt(frame, area, view);
        }
    }
}
