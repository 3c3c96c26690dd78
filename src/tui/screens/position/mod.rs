//! The position screen (key `p`): the hospital beside its bed-size and founder cohorts of the
//! 2022 survey, one row per indicator, and on a second page its place among the respondents,
//! its bed class's budget brackets (図６) and its staff against the reported average.
//!
//! It lays out what [`Position`] computed — figures with their precision and source, which part
//! of a cohort the hospital is in, the readings of unclear figures, the minority/majority
//! sentences — and computes nothing about the report itself. The text of the table, the charts
//! and the detail is made when the screen opens, comes back or the selection moves; a frame
//! only pads it and draws bars.

mod detail;
mod draw;
mod layout;
mod made;
mod para;

use crate::domain::position::Position;
use crate::domain::survey::Survey;
use crate::domain::{IndicatorValue, Lang, Questionnaire, Record};
use crate::text::{pad, truncate, width};
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::Command;
use crate::tui::keys::{self, Intent, Pane, Scope};
use crate::tui::session::Session;
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::share_bar;
use crossterm::event::KeyEvent;
use detail::detail;
use layout::{chart_lines, scale, strip_line, Grid};
use made::{make, Cell, Made, Row};
use para::{lay_out, rule, Kind, Para};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use ratatui::Frame;
use Command as C;
use Intent as I;
use Scope as S;

/// From this width the two cohorts stand side by side; below it one shows at a time.
pub const SIDE_BY_SIDE: u16 = 120;
/// From this body height the charts of bed classes and founders head the indicators; below it
/// one line each.
const FULL_HEADER: u16 = 34;
/// The overlay's text on the smallest terminal shindan draws on (60×20, less the borders and
/// margins): scrolling stops where the text would end there, before the render clamps it to
/// the size at hand.
const NARROWEST_DETAIL: usize = 56;
const LOWEST_DETAIL: usize = 16;

/// Which cohort is in front: the one shown at 80 columns, the first in the detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    BedClass,
    Founder,
}

impl Column {
    fn index(self) -> usize {
        match self {
            Column::BedClass => 0,
            Column::Founder => 1,
        }
    }

    fn other(self) -> Column {
        match self {
            Column::BedClass => Column::Founder,
            Column::Founder => Column::BedClass,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Indicators,
    /// Where the hospital stands among the respondents, its budget bracket, its staff.
    Respondents,
}

pub struct PositionScreen {
    lang: Lang,
    pos: Position<'static>,
    made: Made,
    selected: usize,
    focus: Column,
    page: Page,
    /// The full detail over the screen, scrolled by this many lines; `None` when closed.
    details: Option<usize>,
    /// The selected indicator's detail.
    detail: Vec<Para>,
}

fn qn() -> &'static Questionnaire {
    Questionnaire::embedded()
}

impl PositionScreen {
    /// The screen against `survey`, the run's.
    pub fn new(session: &Session, lang: Lang, survey: &'static Survey) -> PositionScreen {
        let pos = Position::of(&session.record, qn(), survey);
        let made = make(&pos, lang);
        // Open where a director should look first: the first answer that puts the hospital in
        // a minority of its peers, else the first indicator.
        let first = pos
            .lagging()
            .first()
            .and_then(|l| {
                pos.indicators
                    .iter()
                    .position(|ip| ip.indicator.id == l.indicator.id)
            })
            .unwrap_or(0);
        let mut screen = PositionScreen {
            lang,
            pos,
            made,
            selected: first,
            focus: Column::BedClass,
            page: Page::Indicators,
            details: None,
            detail: Vec::new(),
        };
        screen.select(first);
        screen
    }

    fn refresh(&mut self, record: &Record) {
        self.pos = Position::of(record, qn(), self.pos.survey);
        self.made = make(&self.pos, self.lang);
        self.select(self.selected);
    }

    fn select(&mut self, i: usize) {
        self.selected = i.min(self.pos.indicators.len().saturating_sub(1));
        self.detail = match self.pos.indicators.get(self.selected) {
            Some(ip) => detail(ip, self.pos.survey, self.focus, self.lang),
            None => Vec::new(),
        };
    }

    /// The paragraphs of the overlay: the selected indicator's, or the respondents page's notes.
    fn overlay(&self) -> &[Para] {
        match self.page {
            Page::Indicators => &self.detail,
            Page::Respondents => &self.made.notes,
        }
    }

    fn overlay_title(&self) -> String {
        match (self.page, self.pos.indicators.get(self.selected)) {
            (Page::Indicators, Some(ip)) => ip.indicator.text.get(self.lang).to_string(),
            _ => self
                .lang
                .pick(
                    "注：予算・担当者・回答病院",
                    "Notes: budget, staff, respondents",
                )
                .to_string(),
        }
    }

    fn scroll_limit(&self) -> usize {
        lay_out(self.overlay(), NARROWEST_DETAIL, &Theme::mono())
            .len()
            .saturating_sub(LOWEST_DETAIL)
    }
}

impl Screen for PositionScreen {
    fn pane(&self) -> Option<Pane> {
        Some(Pane::Position)
    }

    fn scope(&self) -> Scope {
        if self.details.is_some() {
            Scope::Details
        } else {
            Scope::Position
        }
    }

    fn title(&self, view: &View) -> String {
        let l = view.lang;
        let page = match self.page {
            Page::Indicators => l.pick("指標", "indicators"),
            Page::Respondents => l.pick("回答病院・予算・担当者", "respondents, budget, staff"),
        };
        let survey = self.pos.survey.label(l);
        format!(
            "{} {} — {}{page}",
            self.pos.record,
            self.pos.name.as_deref().unwrap_or("—"),
            l.pick_with(
                || format!("{survey}との比較："),
                || format!("vs {survey}: ")
            ),
        )
    }

    fn commands(&self, _view: &View) -> Vec<Command> {
        if self.details.is_some() {
            return vec![
                C::of(S::Details, I::Up)
                    .keys("↑↓")
                    .label("スクロール", "scroll"),
                C::of(S::Details, I::NextSection)
                    .keys("PgDn")
                    .label("次のページ", "page"),
                C::of(S::Details, I::Back)
                    .keys("Esc")
                    .label("閉じる", "close"),
            ];
        }
        match self.page {
            Page::Indicators => vec![
                C::of(S::Position, I::Up)
                    .keys("↑↓")
                    .label("指標", "indicator"),
                C::of(S::Position, I::OtherCohort).label("病床/開設者", "bed/founder"),
                C::of(S::Position, I::Details).label("全文", "detail"),
                C::of(S::Position, I::NextPage).label("予算・担当者", "budget, staff"),
                C::of(S::Global, I::Help).keys("?"),
                C::of(S::Position, I::Back).label("戻る", "back"),
            ],
            Page::Respondents => vec![
                C::of(S::Position, I::NextPage).label("指標", "indicators"),
                C::of(S::Position, I::Details).label("注の全文", "notes"),
                C::of(S::Record, I::Show(Pane::Interview)).label("面談", "interview"),
                C::of(S::Global, I::Help).keys("?"),
                C::of(S::Position, I::Back).label("戻る", "back"),
            ],
        }
    }

    fn handle_key(&mut self, key: KeyEvent, _env: &mut Env) -> Option<Action> {
        if let Some(scroll) = self.details {
            let limit = self.scroll_limit();
            let next = match keys::intent_in(Scope::Details, &key)? {
                Intent::Up => scroll.saturating_sub(1),
                Intent::Down => scroll + 1,
                Intent::PrevSection => scroll.saturating_sub(10),
                Intent::NextSection => scroll + 10,
                Intent::Back => {
                    self.details = None;
                    return Some(Action::None);
                }
                _ => return None,
            };
            self.details = Some(next.min(limit));
            return Some(Action::None);
        }
        match keys::intent(Scope::Position, &key)? {
            Intent::Up => self.select(self.selected.saturating_sub(1)),
            Intent::Down => self.select(self.selected + 1),
            Intent::OtherCohort => {
                self.focus = self.focus.other();
                self.select(self.selected);
            }
            Intent::NextPage => {
                self.page = match self.page {
                    Page::Indicators => Page::Respondents,
                    Page::Respondents => Page::Indicators,
                }
            }
            Intent::Details => self.details = Some(0),
            Intent::Back => return Some(Action::Back),
            Intent::Quit => return Some(Action::Quit),
            _ => return None,
        }
        Some(Action::None)
    }

    /// Another pane may have changed the record: the position is made again.
    fn resume(&mut self, env: &mut Env) {
        if let Some(session) = env.session.as_deref() {
            self.refresh(&session.record);
        }
    }

    fn help_extra(&self, lang: Lang) -> Vec<(String, String)> {
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        vec![
            pair(
                "█▓·░",
                lang.pick("数値／範囲（約）／不明／残り", "share/range/unknown/rest"),
            ),
            pair("◆", lang.pick("貴院のいる側", "your side of the bar")),
            pair(
                "●○?·",
                lang.pick("該当／非該当／不明／未回答", "yes/no/don't know/open"),
            ),
            pair(
                "※ △ !",
                lang.pick("読み方の注／n<30／要注意", "note / n<30 / concern"),
            ),
        ]
    }

    /// ```text
    /// ┌ the page (Tab) ──────────────────────────────┐
    /// │ indicators: cohorts, one row per indicator,  │
    /// │ the selected one's sentence below            │
    /// │ respondents: the cohorts' bars and staffing  │
    /// └──────────────────────────────────────────────┘
    ///     ┌ the selected row in full (Enter), over it ┐
    /// ```
    /// Each page in full: `render_indicators`, `render_respondents`.
    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        match self.page {
            Page::Indicators => self.render_indicators(frame, area, view),
            Page::Respondents => self.render_respondents(frame, area, view),
        }
        if let Some(scroll) = self.details {
            self.render_details(frame, area, view, scroll);
        }
    }
}
