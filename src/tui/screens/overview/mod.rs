//! The overview screen: position, risk coverage, budget shortfall and checklist
//! readiness side by side, and the next steps. It lays out what [`Overview`] computed; the
//! text is made when the screen opens or comes back ([`made`]), a frame fits it to size ([`fit`]).

mod fit;
mod made;

use crate::domain::checklist::{ChecklistView, EvidenceState};
use crate::domain::overview::{Overview, Target};
use crate::domain::survey::Survey;
use crate::domain::{Lang, Questionnaire, Record};
use crate::text::{truncate, width, wrap};
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::Command;
use crate::tui::keys::{self, Intent, Pane, Scope};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::bar;
use crossterm::event::KeyEvent;
use made::{make, Made, PLine, Panel, Tone};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;
use Command as C;
use Intent as I;
use Scope as S;

/// From this width the four panels stand side by side with the steps below; below it a 2×2
/// grid, the steps one key (Tab) away.
pub const SIDE_BY_SIDE: u16 = 120;
/// The widest a panel's bar gets: a bar is a glance, not a ruler.
const BAR_MAX: usize = 20;

pub struct OverviewScreen {
    lang: Lang,
    /// The run's survey: the overview is made again against it when the screen comes back.
    survey: &'static Survey,
    made: Made,
    /// The panel Enter opens: 0 position, 1 coverage, 2 budget, 3 checklist.
    focus: usize,
    /// The next steps in full, over the panels; the one Enter opens.
    steps: bool,
    selected: usize,
}

/// The overview of the open record, on the newest shipped checklist edition. Evidence files
/// are not read (as on the checklist screen: hashing a large file would stall the keys).
fn overview(record: &Record, survey: &'static Survey) -> Overview<'static> {
    let editions = crate::domain::checklist::Editions::shipped();
    let clock = crate::clock::system();
    let view = editions.newest().map(|e| {
        ChecklistView::build(
            editions,
            e,
            record,
            Questionnaire::embedded(),
            &clock,
            &|_| EvidenceState::NotChecked,
        )
    });
    Overview::of(record, survey, view.as_ref())
}

impl OverviewScreen {
    pub fn new(session: &Session, lang: Lang, survey: &'static Survey) -> OverviewScreen {
        OverviewScreen {
            lang,
            survey,
            made: make(&overview(&session.record, survey), survey, lang),
            focus: 0,
            steps: false,
            selected: 0,
        }
    }
}

/// The screen where a step's target is done.
fn pane_of(target: &Target) -> Pane {
    match target {
        Target::Question { .. } | Target::Carried => Pane::Interview,
        Target::ChecklistItem { .. } | Target::VendorPacket { .. } => Pane::Checklist,
        Target::Control { .. } | Target::Risk { .. } | Target::UnknownControls => Pane::Matrix,
        Target::Budget { .. } => Pane::Budget,
    }
}

fn style(theme: &Theme, tone: Tone) -> Style {
    match tone {
        Tone::Plain => theme.base(),
        Tone::Dim => theme.dim(),
        Tone::Warn => theme.warn(),
        Tone::Bad => theme.error(),
        Tone::Good => theme.ok(),
        Tone::Heading => theme.heading(),
    }
}

/// One panel line cut to `cols`: the bar takes what the text leaves, up to [`BAR_MAX`].
fn draw_line(l: &PLine, cols: usize, theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    let push = |spans: &mut Vec<Span<'static>>, s: &str, st: Style, used: &mut usize| {
        if *used >= cols {
            return;
        }
        let t = truncate(s, cols - *used);
        *used += width(&t);
        spans.push(Span::styled(t, st));
    };
    for (s, tone) in &l.segs {
        push(&mut spans, s, style(theme, *tone), &mut used);
    }
    if let Some(ratio) = l.bar {
        let tail: usize = l.tail.iter().map(|(s, _)| width(s)).sum();
        let room = cols.saturating_sub(used + tail).min(BAR_MAX);
        if room >= 3 {
            push(&mut spans, &bar(ratio, room), theme.accent(), &mut used);
        }
    }
    for (s, tone) in &l.tail {
        push(&mut spans, s, style(theme, *tone), &mut used);
    }
    Line::from(spans)
}

impl OverviewScreen {
    fn panel(&self, frame: &mut Frame, area: Rect, i: usize, compact: bool, view: &View) {
        let p: &Panel = &self.made.panels[i];
        let theme = view.theme;
        let selected = i == self.focus && !self.steps;
        let title = if selected {
            Span::styled(format!("▶ {} ", p.title), theme.selected())
        } else {
            Span::styled(format!("  {} ", p.title), theme.heading())
        };
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border())
            .title(title);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let cols = inner.width.saturating_sub(2) as usize;
        let shown: Vec<&PLine> = p.lines.iter().filter(|l| l.compact || !compact).collect();
        let lines: Vec<Line> = fit::fit(&shown, cols, inner.height as usize, &theme)
            .into_iter()
            .map(|mut line| {
                line.spans.insert(0, Span::raw(" "));
                line
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }

    /// The steps in a box: one line each with its why after it, or in full (wrapped, with the
    /// source) when `full`.
    fn steps_box(&self, frame: &mut Frame, area: Rect, full: bool, view: &View) {
        let theme = view.theme;
        let l = self.lang;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border())
            .title(Span::styled(
                format!(" {} ", l.pick("次の一手", "Next steps")),
                theme.heading(),
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let cols = inner.width.saturating_sub(2) as usize;
        let mut lines: Vec<Line> = Vec::new();
        if self.made.steps.is_empty() {
            lines.push(Line::styled(
                format!(
                    " {}",
                    l.pick(
                        "いま挙げる一手はありません。",
                        "Nothing to do first at the moment."
                    )
                ),
                theme.ok(),
            ));
        }
        let mut selected_at = 0;
        for (i, s) in self.made.steps.iter().enumerate() {
            let here = full && i == self.selected;
            if here {
                selected_at = lines.len();
            }
            let mark = format!("{}{:>2}. ", if here { "▶" } else { "" }, s.rank);
            let pad = " ".repeat(width(&mark));
            if full {
                for (j, t) in wrap(&s.action, cols.saturating_sub(4))
                    .into_iter()
                    .enumerate()
                {
                    let head = if j == 0 { mark.clone() } else { pad.clone() };
                    lines.push(Line::from(vec![
                        Span::raw(" "),
                        Span::styled(head, theme.key()),
                        Span::styled(t, theme.heading()),
                    ]));
                }
                for t in wrap(&s.why, cols.saturating_sub(4)) {
                    lines.push(Line::styled(format!(" {pad}{t}"), theme.base()));
                }
                for t in wrap(&s.source, cols.saturating_sub(6)) {
                    lines.push(Line::styled(format!(" {pad}→ {t}"), theme.dim()));
                }
            } else {
                lines.push(Line::from(vec![
                    Span::raw(" "),
                    Span::styled(mark, theme.key()),
                    Span::styled(truncate(&s.action, cols.saturating_sub(4)), theme.heading()),
                ]));
                lines.push(Line::styled(
                    format!(
                        " {pad}{}",
                        truncate(
                            &match l {
                                Lang::Ja => format!("{}（{}）", s.why, s.source),
                                Lang::En => format!("{} ({})", s.why, s.source),
                            },
                            cols.saturating_sub(4)
                        )
                    ),
                    theme.dim(),
                ));
            }
        }
        // The selected step stays in sight, a third down the box once it would leave it.
        let skip = if full {
            let h = inner.height as usize;
            if selected_at + 4 > h {
                (selected_at + 4 - h + h / 3).min(lines.len().saturating_sub(h))
            } else {
                0
            }
        } else {
            0
        };
        let lines: Vec<Line> = lines
            .into_iter()
            .skip(skip)
            .take(inner.height as usize)
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

impl Screen for OverviewScreen {
    fn scope(&self) -> Scope {
        Scope::Overview
    }

    fn title(&self, view: &View) -> String {
        let l = view.lang;
        let (id, name) = view
            .session
            .map(|s| {
                (
                    s.record.id.to_string(),
                    s.record.hospital_name().unwrap_or("").to_string(),
                )
            })
            .unwrap_or_default();
        // The interview's confirmed share: a fresh copy is 0%, its carried answers waiting.
        let p = view
            .session
            .map(|s| Questionnaire::embedded().progress(&s.record))
            .unwrap_or_default();
        let carried = crate::domain::carried::waiting(p.carried, l);
        format!(
            "{id} {name} — {}  {} {}%{carried}",
            l.pick("総合", "Overview"),
            l.pick("確認済み", "confirmed"),
            p.percent()
        )
    }

    fn commands(&self, _view: &View) -> Vec<Command> {
        if self.steps {
            return vec![
                C::of(S::Overview, I::Up)
                    .keys("↑↓")
                    .label("一手を選ぶ", "pick a step"),
                C::of(S::Overview, I::Open).label("そこを開く", "open where it is done"),
                C::of(S::Overview, I::NextPage).label("パネルへ", "panels"),
                C::of(S::Overview, I::Back).label("戻る", "back"),
                C::of(S::Global, I::Help).keys("?"),
            ];
        }
        vec![
            C::of(S::Overview, I::Left)
                .keys("←→↑↓")
                .label("パネル", "panel"),
            C::of(S::Overview, I::Open).label("詳しく", "open"),
            C::of(S::Overview, I::NextPage).label("次の一手", "next steps"),
            C::of(S::Overview, I::Back).label("戻る", "back"),
            C::of(S::Global, I::Help).keys("?"),
        ]
    }

    fn handle_key(&mut self, key: KeyEvent, env: &mut Env) -> Option<Action> {
        match keys::intent_in(Scope::Overview, &key)? {
            // The coverage panel's own next step: the controls nobody has given a status yet.
            Intent::Walk => {
                let session = env.session.as_deref()?;
                let walk = crate::tui::screens::matrix::WalkScreen::new(session, self.lang, false);
                return Some(Action::Push(Box::new(walk)));
            }
            // The grid is two by two; side by side it is one row of four: ←→ walk all four
            // either way, ↑↓ jump between the rows of the grid.
            Intent::Left => self.focus = (self.focus + 3) % 4,
            Intent::Right => self.focus = (self.focus + 1) % 4,
            Intent::Up if self.steps => self.selected = self.selected.saturating_sub(1),
            Intent::Down if self.steps => {
                self.selected = (self.selected + 1).min(self.made.steps.len().saturating_sub(1))
            }
            // Enter on a step opens the place where it is done.
            Intent::Open if self.steps => {
                let step = self.made.steps.get(self.selected)?;
                return Some(Action::ShowAt(pane_of(&step.target), step.target.clone()));
            }
            Intent::Up | Intent::Down => self.focus = (self.focus + 2) % 4,
            Intent::NextPage => {
                self.steps = !self.steps;
                self.selected = 0;
            }
            Intent::Open if !self.steps => {
                return Some(Action::Show(self.made.panels[self.focus].pane));
            }
            Intent::Back if self.steps => self.steps = false,
            Intent::Back => return Some(Action::Back),
            Intent::Quit => return Some(Action::Quit),
            _ => return None,
        }
        Some(Action::None)
    }

    fn resume(&mut self, env: &mut Env) {
        if let Some(s) = env.session.as_deref() {
            self.made = make(&overview(&s.record, self.survey), self.survey, self.lang);
        }
    }

    fn pane(&self) -> Option<Pane> {
        Some(Pane::Overview)
    }

    /// ```text
    /// ≥120 columns:
    /// ┌▶ Position ─┐┌ Risk coverage ┐┌ Budget shortfall┐┌ Checklist ──┐
    /// │ cohorts    ││ All ███░░ 12% ││ Actual 250万円   ││ Req. ██░ 3/22│
    /// │ ▼■○·· strip││ Areas ░▒▓█░…  ││ 15% ██░ short … ││ targets      │
    /// └────────────┘└───────────────┘└─────────────────┘└──────────────┘
    /// ┌ Next steps ──────────────────────────────────────────────────────┐
    /// │  1. action                                                        │
    /// │     why（source）                                                 │
    /// └───────────────────────────────────────────────────────────────────┘
    /// below 120: a 2×2 grid of the same panels (fewer lines each), the first step on the last
    /// line, all of them over the grid with Tab.
    /// ```
    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        if self.steps {
            self.steps_box(frame, area, true, view);
            return;
        }
        if area.width >= SIDE_BY_SIDE {
            let top = (area.height * 3 / 5).clamp(10, 20).min(area.height);
            let [panels, steps] =
                Layout::vertical([Constraint::Length(top), Constraint::Fill(1)]).areas(area);
            let cells = Layout::horizontal([Constraint::Fill(1); 4]).split(panels);
            for (i, cell) in cells.iter().enumerate() {
                self.panel(frame, *cell, i, false, view);
            }
            if steps.height > 0 {
                self.steps_box(frame, steps, false, view);
            }
            return;
        }
        let [grid, first_step] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        let rows = Layout::vertical([Constraint::Fill(1); 2]).split(grid);
        for (r, row) in rows.iter().enumerate() {
            let cols = Layout::horizontal([Constraint::Fill(1); 2]).split(*row);
            for (c, cell) in cols.iter().enumerate() {
                self.panel(frame, *cell, r * 2 + c, true, view);
            }
        }
        let l = self.lang;
        let first = match self.made.steps.first() {
            Some(s) => format!("{} 1. {}", l.pick("次の一手", "First:"), s.action),
            None => l
                .pick("いま挙げる一手はありません", "Nothing to do first")
                .to_string(),
        };
        let mut hint = format!(
            "  [{} {}]",
            keys::shown(Scope::Overview, Intent::NextPage),
            l.pick("すべて", "all")
        );
        // The hint goes before the step is cut: the footer names the same key.
        if width(&first) + width(&hint) + 1 > area.width as usize {
            hint.clear();
        }
        let room = (area.width as usize).saturating_sub(width(&hint) + 1);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(format!(" {}", truncate(&first, room)), view.theme.heading()),
                Span::styled(hint, view.theme.dim()),
            ])),
            first_step,
        );
    }
}
