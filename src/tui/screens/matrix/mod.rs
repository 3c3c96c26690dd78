//! The risk control matrix of the open record (提言2, issue 7): a heat map of the catalogue's
//! risk categories × life-cycle phases, each cell its coverage; Enter goes down into a cell's
//! risk tree (大/中/小), then into a scenario's controls, where Space cycles a control's status
//! and `n` writes a note on it. Esc goes back up one level.
//!
//! Everything shown comes from [`Coverage`] (the domain), computed again when the record
//! changes, and from the text made from it when the cell, the scenario or the filter changes:
//! a frame only lays that text out. Every change goes through `set_mark`, the same path as
//! `shindan control`, and is saved at once through the session.

mod controls;
mod filter;
mod heat;
mod note;
mod tree;
mod walk;

pub use walk::WalkScreen;

use crate::domain::matrix::mark::{set_mark, MarkChange, MarkError};
use crate::domain::matrix::{Catalog, ControlStatus, Coverage, StatusInput};
use crate::domain::{Lang, Questionnaire};
use crate::text::{truncate, width, wrap};
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::{note_commands, Command};
use crate::tui::keys::{self, Intent, Pane, Scope};
use crate::tui::session::{Refusal, Refused, Session};
use crate::tui::theme::Theme;
use controls::Controls;
use crossterm::event::KeyEvent;
use filter::Filter;
use heat::{Heat, Spot};
use note::NoteEdit;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use tree::Tree;
use Command as C;
use Intent as I;
use Scope as S;

/// From this width the tree and the controls stand side by side, and the heat map has the
/// cell's tree beside it.
pub const SIDE_BY_SIDE: u16 = 120;

/// How far down the user has gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Heat,
    Tree,
    Controls,
}

pub struct MatrixScreen {
    lang: Lang,
    title: String,
    coverage: Coverage<'static>,
    heat: Heat,
    spot: Spot,
    filter: Filter,
    level: Level,
    tree: Tree,
    /// Among the tree's scenarios.
    leaf: usize,
    controls: Controls,
    /// Among the scenario's controls.
    control: usize,
    note: Option<NoteEdit>,
}

fn catalog() -> &'static Catalog {
    Catalog::embedded()
}

fn percent(cov: &Coverage<'_>) -> String {
    cov.overall
        .percent()
        .map_or("—".to_string(), |p| format!("{p}%"))
}

impl MatrixScreen {
    /// Opens on the heat map, or on the control whose note was being written when the screen was
    /// last left, with the note open again.
    pub fn new(session: &Session, lang: Lang) -> MatrixScreen {
        let coverage = Coverage::of(catalog(), &session.record, Questionnaire::embedded());
        let hospital = session.record.hospital_name().unwrap_or("");
        // The first cell where a scenario arises: the map never opens on a blank.
        let first = (0..catalog().categories.len())
            .flat_map(|row| (0..catalog().phases.len()).map(move |col| Spot { row, col }))
            .find(|s| !s.tally(&coverage).is_empty())
            .unwrap_or_default();
        let mut screen = MatrixScreen {
            lang,
            title: format!("{} {}", session.record.id, truncate(hospital, 20)),
            heat: Heat::of(&coverage, lang),
            coverage,
            spot: first,
            filter: Filter::default(),
            level: Level::Heat,
            tree: Tree::default(),
            leaf: 0,
            controls: Controls::default(),
            control: 0,
            note: None,
        };
        screen.remake_tree(None);
        // A draft left by another session stays a draft while this one may only read.
        if let Some((control, text)) = note::pending(session).filter(|_| !session.read_only()) {
            screen.go_to_control(&control.id);
            if screen.level == Level::Controls {
                screen.note = Some(NoteEdit::open(control, &text));
            }
        }
        screen
    }

    /// The tree of the current cell, keeping the scenario `keep` (a position in the coverage's
    /// leaves) under the cursor when the tree still shows it.
    fn remake_tree(&mut self, keep: Option<usize>) {
        self.tree = Tree::of(&self.coverage, self.spot, &self.filter, self.lang);
        self.leaf = keep
            .and_then(|i| self.tree.cursor_of(i))
            .unwrap_or(0)
            .min(self.tree.leaves.len().saturating_sub(1));
        self.remake_controls(None);
    }

    /// The controls of the scenario under the cursor — or, in the controls, of the scenario
    /// being worked on even when the filter has just hidden it (it was covered under `u`): the
    /// list stays until the user goes back.
    fn remake_controls(&mut self, keep: Option<&str>) {
        let leaf = match (self.level, self.controls.leaf) {
            (Level::Controls, Some(i)) => Some(i),
            _ => self.tree.leaf(self.leaf),
        };
        self.controls = Controls::of(&self.coverage, leaf, &self.filter, self.lang);
        self.control = keep
            .and_then(|id| self.controls.position(id))
            .unwrap_or(0)
            .min(self.controls.rows.len().saturating_sub(1));
    }

    /// The record changed: everything is made again, the selection kept.
    fn refresh(&mut self, session: &Session) {
        let keep_leaf = self.controls.leaf;
        let keep_control = self
            .controls
            .rows
            .get(self.control)
            .map(|r| r.control.id.clone());
        self.coverage = Coverage::of(catalog(), &session.record, Questionnaire::embedded());
        self.heat = Heat::of(&self.coverage, self.lang);
        self.tree = Tree::of(&self.coverage, self.spot, &self.filter, self.lang);
        if let Some(c) = keep_leaf.and_then(|i| self.tree.cursor_of(i)) {
            self.leaf = c;
        }
        self.leaf = self.leaf.min(self.tree.leaves.len().saturating_sub(1));
        self.remake_controls(keep_control.as_deref());
        if self.level == Level::Controls && self.controls.rows.is_empty() {
            self.level = Level::Tree;
        }
    }

    /// Opens the controls of a control's first scenario, in the cell where that scenario first
    /// arises.
    fn go_to_control(&mut self, control: &str) {
        let cat = catalog();
        let Some(scenario) = cat
            .control(control)
            .and_then(|c| c.scenarios.first())
            .and_then(|s| cat.scenario(s))
        else {
            return;
        };
        let row = cat
            .categories
            .iter()
            .position(|c| c.id == scenario.category);
        let col = scenario
            .phases
            .first()
            .and_then(|p| cat.phases.iter().position(|x| x.id == *p));
        let (Some(row), Some(col)) = (row, col) else {
            return;
        };
        self.filter = Filter::default();
        self.spot = Spot { row, col };
        let index = self
            .coverage
            .leaves
            .iter()
            .position(|l| l.scenario.id == scenario.id);
        self.level = Level::Tree;
        self.remake_tree(index);
        self.level = Level::Controls;
        self.remake_controls(Some(control));
    }

    fn move_spot(&mut self, rows: isize, cols: isize) {
        self.spot = self.spot.moved(rows, cols, catalog());
        self.remake_tree(None);
    }

    fn move_leaf(&mut self, by: isize) {
        let n = self.tree.leaves.len();
        if n == 0 {
            return;
        }
        self.leaf = self.leaf.saturating_add_signed(by).min(n - 1);
        self.remake_controls(None);
    }

    fn move_control(&mut self, by: isize) {
        let n = self.controls.rows.len();
        if n > 0 {
            self.control = self.control.saturating_add_signed(by).min(n - 1);
        }
    }

    fn change_filter(&mut self, change: impl FnOnce(&mut Filter)) {
        change(&mut self.filter);
        let keep_leaf = self.controls.leaf;
        let keep_control = self
            .controls
            .rows
            .get(self.control)
            .map(|r| r.control.id.clone());
        if self.level == Level::Controls {
            // The filter may hide the scenario being worked on: back to its tree.
            self.level = Level::Tree;
        }
        self.remake_tree(keep_leaf);
        if self.tree.leaf(self.leaf) == keep_leaf && keep_leaf.is_some() {
            self.remake_controls(keep_control.as_deref());
        }
    }

    /// Sets the selected control's status through the domain and saves; the message says what
    /// it did to the coverage.
    fn set_status(&mut self, status: StatusInput, session: &mut Session, lang: Lang) -> Action {
        let Some(row) = self.controls.rows.get(self.control) else {
            return Action::None;
        };
        let (id, before_status, name) = (
            row.control.id.clone(),
            row.status,
            row.control.name(lang).to_string(),
        );
        let before = percent(&self.coverage);
        let change = MarkChange {
            status: Some(status),
            ..MarkChange::default()
        };
        match session.update(|r| set_mark(catalog(), r, &id, change, crate::clock::system().now()))
        {
            Ok(()) => {
                self.refresh(session);
                let after = self.coverage.figure().render(lang);
                let now = self
                    .coverage
                    .control(&id)
                    .map_or(ControlStatus::Unknown, |c| c.status);
                Action::Flash(
                    lang.pick(
                        &format!(
                            "{} → {}：{after}（変更前 {before}）{name}",
                            before_status.label(lang),
                            now.label(lang)
                        ),
                        &format!(
                            "{} → {}: {after} (was {before}): {name}",
                            before_status.label(lang),
                            now.label(lang)
                        ),
                    )
                    .to_string(),
                )
            }
            Err(Refused::ReadOnly(h)) => Action::Flash(Refusal::ReadOnly(h).message(lang)),
            Err(Refused::Rule(e)) => Action::Flash(MarkError::message(&e, lang)),
        }
    }

    fn open_note(&mut self, session: &Session, lang: Lang) -> Action {
        if let Some(msg) = session.read_only_message(lang) {
            return Action::Flash(msg);
        }
        let Some(row) = self.controls.rows.get(self.control) else {
            return Action::None;
        };
        let draft = session
            .record
            .draft(&note::draft_key(&row.control.id))
            .and_then(|d| d.note.clone());
        let text = draft.or_else(|| row.note.clone()).unwrap_or_default();
        self.note = Some(NoteEdit::open(row.control, &text));
        Action::None
    }

    fn note_key(&mut self, key: KeyEvent, session: &mut Session, lang: Lang) -> Option<Action> {
        let (action, closed) = note::key(&mut self.note, key, session, lang)?;
        if closed {
            self.refresh(session);
        }
        Some(action)
    }

    fn open(&mut self, lang: Lang) -> Action {
        match self.level {
            Level::Heat if self.tree.leaves.is_empty() => {
                let msg = if self.spot.tally(&self.coverage).is_empty() {
                    lang.pick(
                        "このセルで起こる小リスクはありません",
                        "No small risk arises in this cell",
                    )
                } else {
                    lang.pick(
                        "絞り込みに合う小リスクはありません（u・f で変更）",
                        "No small risk here matches the filter (u, f change it)",
                    )
                };
                Action::Flash(msg.to_string())
            }
            Level::Heat => {
                self.level = Level::Tree;
                Action::None
            }
            Level::Tree if !self.controls.rows.is_empty() => {
                self.level = Level::Controls;
                self.control = 0;
                Action::None
            }
            _ => Action::None,
        }
    }

    fn back(&mut self) -> Action {
        match self.level {
            Level::Heat => Action::Back,
            Level::Tree => {
                self.level = Level::Heat;
                Action::None
            }
            Level::Controls => {
                self.level = Level::Tree;
                // Back in the tree, the filter applies again to the scenario just worked on.
                self.remake_tree(self.controls.leaf);
                Action::None
            }
        }
    }
}

/// `── title ───────── hint ─` across `w` columns.
fn rule(title: &str, hint: &str, w: usize, t: &Theme) -> Line<'static> {
    let title = truncate(title, w.saturating_sub(width(hint) + 8));
    let used = 3 + width(&title) + 1 + if hint.is_empty() { 0 } else { width(hint) + 3 };
    let fill = "─".repeat(w.saturating_sub(used));
    let text = if hint.is_empty() {
        format!("── {title} {fill}")
    } else {
        format!("── {title} {fill} {hint} ─")
    };
    Line::styled(truncate(&text, w), t.border())
}

fn wrapped(text: &str, w: usize, style: ratatui::style::Style) -> Vec<Line<'static>> {
    wrap(text, w)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

fn draw(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
    frame.render_widget(Paragraph::new(lines), area);
}

impl MatrixScreen {
    /// ```text
    /// Heat map, 80×24                                       ≥120 columns: the cell's tree beside
    /// 全体 42%  小リスク63件：対策済み20・一部5・…            ┆ 大 本人認証・認可上のリスク  62%
    /// 対策83件の状態：ヒアリングの回答から10・設定済み0・…     ┆   中 内部関係者が…           50%
    ///                  契約前 開発・保守 通常運用 …     計     ┆      小 ●対策済み ID・PWを…
    /// 本人認証・認可 ▶▓▓▓▓  62%? ░░░░ 30%  …      ▒▒ 55%      ┆      小 ?不明     権限の…
    /// …one line per category, then 計 (every cell opens)      ┆
    /// █100% ▓75%～ ▒50%～ ░25%～ ·25%未満 ?不明あり …          ┆
    /// ── 本人認証・認可 × 通常運用 ──────────── Enter 開く ─  ┆
    /// 小リスク5件：対策済み2・一部1・不明2                     ┆
    /// ●対策済み ID・PWを端末に…   (the cell's scenarios)      ┆
    ///
    /// Tree, 80×24                         Controls, 80×24
    /// 本人認証・認可 × 通常運用 62% …     小 ID・PWを端末にラベリングしているリスク
    /// 大 本人認証・認可上のリスク  62%    ●対策済み：個人別IDの発行
    ///   中 内部関係者が…           50%    ▶ ＊●実施済み 病院   ID・PWを端末に貼らない
    /// ▶  小 ●対策済み ID・PWを…              ?不明     事業者 …
    /// ── この小リスクの対策 ──────────    ── 対策の詳細 ──────────────
    ///   ＊●実施済み 病院 …                 実施：病院  出典：厚労省GL 5.2版 6.5
    ///                                      状態／補完／依頼／メモ…
    /// ≥120 columns, Tree and Controls: the tree on the left, the scenario's controls and the
    /// selected control's detail on the right, the focus on one side.
    /// ```
    fn render_heat(&self, frame: &mut Frame, area: Rect, t: &Theme) {
        let l = self.lang;
        let w = area.width as usize;
        let wide = area.width >= SIDE_BY_SIDE;
        let map_w = if wide { self.heat.width() } else { w };
        let mut lines = Vec::new();
        for (i, s) in self.heat.summary.iter().enumerate() {
            lines.extend(wrapped(
                s,
                map_w,
                if i == 0 { t.heading() } else { t.base() },
            ));
        }
        lines.extend(self.heat.lines(self.spot, t));
        lines.extend(wrapped(heat::legend(l), map_w, t.dim()));
        let label = self.spot.label(catalog(), l);
        if wide {
            let room = (area.height as usize).saturating_sub(lines.len() + 1);
            if room >= 3 {
                lines.push(Line::raw(""));
                lines.extend(self.heat.proven_lines(map_w, room, t, l));
            }
            draw(frame, area, lines);
            let side = Rect {
                x: area.x + map_w as u16 + 1,
                width: area.width.saturating_sub(map_w as u16 + 1),
                ..area
            };
            let sw = side.width as usize;
            let mut right = vec![rule(&label, "Enter", sw, t)];
            right.extend(self.cell_lines(sw, side.height as usize - 1, t));
            draw(frame, side, right);
            return;
        }
        lines.push(rule(&label, l.pick("Enter 開く", "Enter opens"), w, t));
        let room = (area.height as usize).saturating_sub(lines.len());
        lines.extend(self.cell_lines(w, room, t));
        draw(frame, area, lines);
    }

    /// What the selected cell holds: its counts, then its tree (as far as it fits).
    fn cell_lines(&self, w: usize, room: usize, t: &Theme) -> Vec<Line<'static>> {
        let l = self.lang;
        let tally = self.spot.tally(&self.coverage);
        let mut out = Vec::new();
        let counts = if tally.is_empty() {
            l.pick(
                "このセルで起こる小リスクはありません",
                "No small risk arises in this cell",
            )
            .to_string()
        } else {
            l.pick(
                &format!(
                    "小リスク{}件：対策済み{}・一部{}・未対策{}・不明{}・対象外{}",
                    tally.total(),
                    tally.covered,
                    tally.half,
                    tally.uncovered,
                    tally.unknown,
                    tally.dropped
                ),
                &format!(
                    "{} small risks: {} covered, {} half, {} uncovered, {} unknown, {} n/a",
                    tally.total(),
                    tally.covered,
                    tally.half,
                    tally.uncovered,
                    tally.unknown,
                    tally.dropped
                ),
            )
            .to_string()
        };
        out.extend(wrapped(&counts, w, t.base()));
        if let Some(hidden) = self.hidden_line(w, t) {
            out.push(hidden);
        }
        let room = room.saturating_sub(out.len());
        out.extend(self.tree.lines(None, false, w, room, t, l));
        if self.tree.nodes.len() > room && room > 0 {
            out.truncate(out.len() - 1);
            out.push(Line::styled(
                truncate(l.pick("…続きは Enter", "… more with Enter"), w),
                t.dim(),
            ));
        }
        out
    }

    fn hidden_line(&self, w: usize, t: &Theme) -> Option<Line<'static>> {
        let l = self.lang;
        (self.tree.hidden > 0).then(|| {
            Line::styled(
                truncate(
                    l.pick(
                        &format!(
                            "絞り込み［{}］：ほか{}件は非表示",
                            self.filter.label(l),
                            self.tree.hidden
                        ),
                        &format!(
                            "Filter [{}]: {} more hidden",
                            self.filter.label(l),
                            self.tree.hidden
                        ),
                    ),
                    w,
                ),
                t.warn(),
            )
        })
    }

    /// The cell, its coverage and the tree, the cursor on a scenario.
    fn tree_lines(&self, w: usize, height: usize, t: &Theme) -> Vec<Line<'static>> {
        let l = self.lang;
        let tally = self.spot.tally(&self.coverage);
        let pct = tally.percent().map_or(String::new(), |p| format!("  {p}%"));
        let mut out = vec![Line::styled(
            truncate(&format!("{}{pct}", self.spot.label(catalog(), l)), w),
            t.title(),
        )];
        if let Some(h) = self.hidden_line(w, t) {
            out.push(h);
        }
        if self.tree.nodes.is_empty() {
            out.push(Line::styled(
                l.pick(
                    "絞り込みに合う小リスクはありません（u・f で変更）",
                    "No small risk here matches the filter (u, f change it)",
                )
                .to_string(),
                t.dim(),
            ));
            return out;
        }
        let room = height.saturating_sub(out.len());
        out.extend(
            self.tree
                .lines(Some(self.leaf), self.level == Level::Tree, w, room, t, l),
        );
        out
    }

    /// The scenario, its controls and the selected control's detail.
    fn controls_lines(&self, w: usize, height: usize, t: &Theme) -> Vec<Line<'static>> {
        let l = self.lang;
        let focused = self.level == Level::Controls;
        let mut out = self.controls.head_lines(w, t, l);
        let list_room = height.saturating_sub(out.len() + 4).max(1);
        let cursor = focused.then_some(self.control);
        out.extend(
            self.controls
                .list_lines(cursor, focused, w, list_room, t, l),
        );
        let hint = if focused {
            l.pick("Space 状態  n メモ", "Space status  n note")
        } else {
            l.pick("Enter 選ぶ", "Enter selects")
        };
        out.push(rule(l.pick("対策の詳細", "Control"), hint, w, t));
        let room = height.saturating_sub(out.len());
        let shown = if focused { self.control } else { 0 };
        out.extend(self.controls.detail_lines(shown, w, room, t));
        // The key to the marks, under the detail when there is room.
        let legend: Vec<Line<'static>> = [
            l.pick(
                "＋利用者　＃チェックリスト　＊ヒアリング　＠事業者　～前年・未確認　！食い違い",
                "+ user  # checklist  * interview  @ vendor  ~ carried, unconfirmed  ! conflict",
            ),
            l.pick(
                "●実施済み　◐一部実施　○未実施　-対象外　?不明",
                "● in place  ◐ partial  ○ missing  - n/a  ? unknown",
            ),
        ]
        .iter()
        .flat_map(|s| wrapped(s, w, t.dim()))
        .collect();
        if height > out.len() + legend.len() {
            out.push(Line::raw(""));
            out.extend(legend);
        }
        out
    }

    fn render_drill(&self, frame: &mut Frame, area: Rect, t: &Theme) {
        let l = self.lang;
        let w = area.width as usize;
        let h = area.height as usize;
        if area.width >= SIDE_BY_SIDE {
            let left_w = w / 2 - 1;
            let left = Rect {
                width: left_w as u16,
                ..area
            };
            let right = Rect {
                x: area.x + left_w as u16 + 2,
                width: (w - left_w - 2) as u16,
                ..area
            };
            draw(frame, left, self.tree_lines(left_w - 1, h, t));
            let sep: Vec<Line> = (0..h).map(|_| Line::styled("│", t.border())).collect();
            draw(
                frame,
                Rect {
                    x: area.x + left_w as u16,
                    width: 1,
                    ..area
                },
                sep,
            );
            draw(
                frame,
                right,
                self.controls_lines(right.width as usize, h, t),
            );
            self.render_note(frame, right, t);
            return;
        }
        match self.level {
            Level::Tree => {
                // The tree, and under it the scenario's controls, as many as fit.
                let preview = self.controls.rows.len().clamp(1, 5) + 1;
                let tree_h = h.saturating_sub(preview).max(h / 2);
                let mut lines = self.tree_lines(w, tree_h, t);
                if self.tree.nodes.is_empty() {
                    draw(frame, area, lines);
                    return;
                }
                lines.resize(tree_h.min(lines.len().max(1)), Line::raw(""));
                lines.push(rule(
                    l.pick("この小リスクの対策", "Its controls"),
                    "Enter",
                    w,
                    t,
                ));
                let room = h.saturating_sub(lines.len());
                lines.extend(self.controls.list_lines(None, false, w, room, t, l));
                draw(frame, area, lines);
            }
            _ => {
                draw(frame, area, self.controls_lines(w, h, t));
                self.render_note(frame, area, t);
            }
        }
    }

    /// The note box over the lower part of the controls' area (the detail's place).
    fn render_note(&self, frame: &mut Frame, area: Rect, t: &Theme) {
        let Some(edit) = &self.note else { return };
        let h = (area.height / 2).max(6).min(area.height);
        let rect = Rect {
            y: area.y + area.height - h,
            height: h,
            ..area
        };
        edit.render(frame, rect, t, self.lang);
    }
}

/// The key to where a status comes from, the same marks on every list (the domain's
/// [`StatusSource::mark`](crate::domain::matrix::StatusSource::mark)), for the help overlays of
/// the matrix and the walk-through.
fn source_marks(lang: Lang) -> Vec<(String, String)> {
    let pair = |k: &str, ja: &str, en: &str| (k.to_string(), lang.pick(ja, en).to_string());
    vec![
        pair(
            lang.pick("＋ ＃", "+ #"),
            "利用者の設定／チェックリスト",
            "set by the user / checklist",
        ),
        pair(
            lang.pick("＊ ＠", "* @"),
            "ヒアリング／事業者の回答から",
            "interview / vendor's form",
        ),
        pair(
            lang.pick("～ ！", "~ !"),
            "前年から・未確認／食い違い",
            "carried / sources disagree",
        ),
    ]
}

impl Screen for MatrixScreen {
    fn pane(&self) -> Option<Pane> {
        Some(Pane::Matrix)
    }

    fn scope(&self) -> Scope {
        if self.note.is_some() {
            return Scope::Note;
        }
        match self.level {
            Level::Heat => Scope::Matrix,
            Level::Tree => Scope::MatrixTree,
            Level::Controls => Scope::MatrixControls,
        }
    }

    fn title(&self, view: &View) -> String {
        let l = view.lang;
        let filter = self.filter.label(l);
        let filter = if filter.is_empty() {
            String::new()
        } else {
            l.pick(&format!("［{filter}］"), &format!(" [{filter}]"))
                .to_string()
        };
        format!(
            "{} — {}{filter}",
            self.title,
            l.pick("リスクマトリックス", "risk matrix")
        )
    }

    fn commands(&self, _view: &View) -> Vec<Command> {
        if self.note.is_some() {
            return note_commands();
        }
        match self.level {
            Level::Heat => vec![
                C::of(S::Matrix, I::Up).keys("↑↓←→").label("セル", "cell"),
                C::of(S::Matrix, I::Open).label("開く", "open"),
                C::of(S::Matrix, I::Walk).label("順に確認", "walk"),
                C::of(S::Matrix, I::OnlyUncovered).label("未対策のみ", "uncovered"),
                C::of(S::Matrix, I::CycleSide).label("病院/事業者", "hospital/vendor"),
                C::of(S::Global, I::Help).keys("?"),
                C::of(S::Matrix, I::Back).label("戻る", "back"),
            ],
            Level::Tree => vec![
                C::of(S::MatrixTree, I::Up)
                    .keys("↑↓")
                    .label("小リスク", "scenario"),
                C::of(S::MatrixTree, I::Open).label("対策", "controls"),
                C::of(S::MatrixTree, I::OnlyUncovered).label("未対策のみ", "uncovered"),
                C::of(S::MatrixTree, I::CycleSide).label("病院/事業者", "hospital/vendor"),
                C::of(S::Global, I::Help).keys("?"),
                C::of(S::MatrixTree, I::Back).label("マップへ", "map"),
            ],
            Level::Controls => vec![
                C::of(S::MatrixControls, I::Up)
                    .keys("↑↓")
                    .label("対策", "control"),
                C::of(S::MatrixControls, I::Toggle).label("状態", "status"),
                C::of(S::MatrixControls, I::EditNote)
                    .keys("n")
                    .label("メモ", "note"),
                C::of(S::MatrixControls, I::ResetStatus).label("回答に戻す", "interview's"),
                C::of(S::MatrixControls, I::CycleSide).label("病院/事業者", "hosp./vendor"),
                C::of(S::Global, I::Help).keys("?"),
                C::of(S::MatrixControls, I::Back).label("戻る", "back"),
            ],
        }
    }

    fn help_extra(&self, lang: Lang) -> Vec<(String, String)> {
        let pair = |k: &str, ja: &str, en: &str| (k.to_string(), lang.pick(ja, en).to_string());
        vec![
            pair(
                "█▓▒░·",
                "網羅率100/75/50/25%以上",
                "coverage 100/75/50/25%+",
            ),
            pair("●◐○", "実施済み/一部/未実施", "in place/partial/missing"),
            pair("? -", "不明／対象外", "unknown / not applicable"),
            pair(
                lang.pick("？ 不明", "n/k"),
                "過半の対策が不明なセル",
                "cell mostly unknown",
            ),
            pair(
                lang.pick("大 中 小", "L M S"),
                "分類/中リスク/小リスク",
                "category/medium/scenario",
            ),
        ]
        .into_iter()
        .chain(source_marks(lang))
        .collect()
    }

    fn handle_key(&mut self, key: KeyEvent, env: &mut Env) -> Option<Action> {
        let lang = env.lang;
        let session = env.session.as_deref_mut()?;
        if self.note.is_some() {
            return self.note_key(key, session, lang);
        }
        let intent = keys::intent_in(self.scope(), &key)?;
        let action = match intent {
            Intent::Up => match self.level {
                Level::Heat => {
                    self.move_spot(-1, 0);
                    Action::None
                }
                Level::Tree => {
                    self.move_leaf(-1);
                    Action::None
                }
                Level::Controls => {
                    self.move_control(-1);
                    Action::None
                }
            },
            Intent::Down => match self.level {
                Level::Heat => {
                    self.move_spot(1, 0);
                    Action::None
                }
                Level::Tree => {
                    self.move_leaf(1);
                    Action::None
                }
                Level::Controls => {
                    self.move_control(1);
                    Action::None
                }
            },
            Intent::Left => {
                self.move_spot(0, -1);
                Action::None
            }
            Intent::Right => {
                self.move_spot(0, 1);
                Action::None
            }
            Intent::Open => self.open(lang),
            Intent::OnlyUncovered => {
                self.change_filter(Filter::toggle_uncovered);
                Action::None
            }
            Intent::CycleSide => {
                self.change_filter(Filter::cycle_side);
                Action::None
            }
            Intent::Toggle => {
                let next = self
                    .controls
                    .rows
                    .get(self.control)
                    .map(|r| r.status.next());
                match next {
                    Some(s) => self.set_status(StatusInput::Set(s), session, lang),
                    None => Action::None,
                }
            }
            Intent::ResetStatus => self.set_status(StatusInput::Clear, session, lang),
            Intent::EditNote => self.open_note(session, lang),
            Intent::Walk => Action::Push(Box::new(WalkScreen::new(session, lang, false))),
            Intent::Back => self.back(),
            Intent::Quit => Action::Quit,
            _ => return None,
        };
        Some(action)
    }

    fn handle_paste(&mut self, text: &str, _env: &mut Env) -> Action {
        if let Some(edit) = self.note.as_mut() {
            edit.paste(text);
        }
        Action::None
    }

    /// Another pane may have changed the record (answers that preset controls): made again.
    fn resume(&mut self, env: &mut Env) {
        if let Some(session) = env.session.as_deref() {
            self.refresh(session);
        }
    }

    fn keep_drafts(&mut self, session: &mut Session) {
        if let Some(edit) = &self.note {
            edit.keep_draft(session);
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let t = &view.theme;
        match self.level {
            Level::Heat => self.render_heat(frame, area, t),
            Level::Tree | Level::Controls => self.render_drill(frame, area, t),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_fills_the_width_exactly() {
        let t = Theme::mono();
        for w in [40, 80, 121] {
            let line = rule("本人認証・認可 × 通常運用", "Enter 開く", w, &t);
            assert_eq!(line.width(), w, "{line:?}");
        }
    }
}
