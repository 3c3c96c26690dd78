//! The risk control matrix of the open record (the survey's 提言2): a heat map of the catalogue's
//! risk categories × life-cycle phases, each cell its coverage; Enter goes down into a cell's
//! risk tree (大/中/小), then into a scenario's controls, where Space cycles a control's status
//! and `n` writes a note on it. Esc goes back up one level.
//!
//! Everything shown comes from [`Coverage`] (the domain), computed again when the record
//! changes, and from the text made from it when the cell, the scenario or the filter changes:
//! a frame only lays that text out. Every change goes through `set_mark`, the same path as
//! `shindan control`, and is saved at once through the session.

mod confirm;
mod controls;
mod filter;
mod heat;
mod marks;
mod note;
mod open_at;
mod render;
mod tree;
mod walk;

pub use walk::WalkScreen;

use crate::domain::matrix::mark::{set_mark, MarkChange, MarkError};
use crate::domain::matrix::{Catalog, ControlStatus, Coverage, StatusInput};
use crate::domain::{Lang, Questionnaire};
use crate::text::truncate;
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::Command;
use crate::tui::keys::{self, Intent, Pane, Scope};
use crate::tui::screens::overlay::Overlay;
use crate::tui::session::Session;
use controls::Controls;
use crossterm::event::KeyEvent;
use filter::Filter;
use heat::{Heat, Spot};
use ratatui::layout::Rect;
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
    /// The note being written on the selected control, seeing every key first.
    overlay: Option<Overlay>,
    /// Per risk category, the controls resting on what was carried (the confirm keys').
    carried: Vec<usize>,
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
            carried: confirm::carried_by_category(&coverage),
            coverage,
            spot: first,
            filter: Filter::default(),
            level: Level::Heat,
            tree: Tree::default(),
            leaf: 0,
            controls: Controls::default(),
            control: 0,
            overlay: None,
        };
        screen.remake_tree(None);
        // A draft left by another session stays a draft while this one may only read.
        if let Some(control) = note::pending(session).filter(|_| !session.read_only()) {
            screen.go_to_control(&control.id);
            if screen.level == Level::Controls {
                screen.overlay = Some(note::open(control, session, lang));
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
        self.carried = confirm::carried_by_category(&self.coverage);
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
                Action::Flash(lang.pick_with(
                    || {
                        format!(
                            "{} → {}：{after}（変更前 {before}）{name}",
                            before_status.label(lang),
                            now.label(lang)
                        )
                    },
                    || {
                        format!(
                            "{} → {}: {after} (was {before}): {name}",
                            before_status.label(lang),
                            now.label(lang)
                        )
                    },
                ))
            }
            Err(r) => Action::Flash(r.message_with(lang, MarkError::message)),
        }
    }

    fn open_note(&mut self, session: &Session, lang: Lang) -> Action {
        let Some(row) = self.controls.rows.get(self.control) else {
            return Action::None;
        };
        self.overlay = Some(note::open(row.control, session, lang));
        // Read-only, the note opens to be read (see `note::open`): say why.
        session
            .read_only_message(lang)
            .map_or(Action::None, Action::Flash)
    }

    fn overlay_key(&mut self, key: KeyEvent, session: &mut Session, lang: Lang) -> Option<Action> {
        let (action, closed) = note::key(&mut self.overlay, key, session, lang)?;
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

impl Screen for MatrixScreen {
    fn pane(&self) -> Option<Pane> {
        Some(Pane::Matrix)
    }

    fn open_at(&mut self, target: &crate::domain::overview::Target, _env: &mut Env) {
        self.land(target);
    }

    fn scope(&self) -> Scope {
        if let Some(overlay) = &self.overlay {
            return overlay.scope();
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
            l.pick_with(|| format!("［{filter}］"), || format!(" [{filter}]"))
        };
        format!(
            "{} — {}{filter}",
            self.title,
            l.pick("リスクマトリックス", "risk matrix")
        )
    }

    fn commands(&self, _view: &View) -> Vec<Command> {
        if let Some(overlay) = &self.overlay {
            return overlay.commands();
        }
        let mut offered = match self.level {
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
        };
        // What `copy` carried is confirmed here, offered first and only where there is some.
        if self.category_carried() {
            offered.insert(0, C::of(self.scope(), I::ConfirmSection));
        }
        if self.control_carried() {
            offered.insert(0, C::of(S::MatrixControls, I::Confirm));
        }
        offered
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
                lang.pick("不明", "n/k"),
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
        .chain(marks::source_marks(lang))
        .collect()
    }

    fn handle_key(&mut self, key: KeyEvent, env: &mut Env) -> Option<Action> {
        let lang = env.lang;
        let session = env.session.as_deref_mut()?;
        if self.overlay.is_some() {
            return self.overlay_key(key, session, lang);
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
            Intent::Confirm => self.confirm(session, lang),
            Intent::ConfirmSection => self.confirm_category(session, lang),
            Intent::EditNote => self.open_note(session, lang),
            Intent::Walk => Action::Push(Box::new(WalkScreen::new(session, lang, false))),
            Intent::Back => self.back(),
            Intent::Quit => Action::Quit,
            _ => return None,
        };
        Some(action)
    }

    fn handle_paste(&mut self, text: &str, _env: &mut Env) -> Action {
        if let Some(overlay) = self.overlay.as_mut() {
            overlay.paste(text);
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
        note::keep_draft(&self.overlay, session);
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let t = &view.theme;
        match self.level {
            Level::Heat => self.render_heat(frame, area, t),
            Level::Tree | Level::Controls => self.render_drill(frame, area, t),
        }
    }
}
