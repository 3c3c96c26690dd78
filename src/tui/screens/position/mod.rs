//! The position screen (issue 5): the hospital beside its bed-size and founder cohorts of the
//! 2022 survey, one row per indicator, and on a second page its place among the respondents,
//! its bed class's budget brackets (図６) and its staff against the reported average.
//!
//! It lays out what [`Position`] computed — figures with their precision and source, which part
//! of a cohort the hospital is in, the readings of unclear figures, the minority/majority
//! sentences — and computes nothing about the report itself. The text of the table, the charts
//! and the detail is made when the screen opens, comes back or the selection moves; a frame
//! only pads it and draws bars.

mod detail;
mod layout;
mod made;
mod para;

use crate::domain::position::Position;
use crate::domain::survey::{benchmark, Survey};
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
use para::{lay_out, rule, Para};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
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
    pub fn new(session: &Session, lang: Lang) -> PositionScreen {
        Self::with_survey(session, lang, benchmark())
    }

    /// The screen against a given survey (the run's benchmark is the usual one).
    pub fn with_survey(session: &Session, lang: Lang, survey: &'static Survey) -> PositionScreen {
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

impl PositionScreen {
    /// ```text
    /// 80×24 (one cohort; ←→ shows the other)     ≥120 columns: both cohorts side by side
    /// 病床規模 ▒▒░░░░░▒▒▒█████▒▒▒ 300～499床 283病院 24.7%   (≥34 rows: the two bar charts
    /// 開設者   ▒░░░░▒▒▒█████████░▒ 医療法人 600病院 52.4%      of respondents, own marked)
    ///  [病床規模 300～499床 n=283]  開設者 医療法人 n=600          ←→
    ///  指標               貴院      0%     50%    100%  割合     精度
    /// ▶VPN脆弱性が未対応  ●該当 !   ◆█▓░░░░░░░░░░░░░░  約17–23%  言葉※
    ///  …one row per indicator…
    /// █数値 ▓範囲 ░残り ◆貴院 ※注 △小標本
    /// ── 指摘されたVPNの脆弱性が未対応 ─────────────── Enter 全文 ─
    /// 貴院：該当する（問7 使用している、問8 未対応）［要注意］
    /// 300～499床 n=283: 約17–23%（2割程度）… — 病床規模別(2/7) ※1
    /// → 300～499床の病院で「…」は約17–23%（2割程度）の少数派で…
    /// ```
    fn render_indicators(&self, frame: &mut Frame, area: Rect, view: &View) {
        let l = self.lang;
        let t = &view.theme;
        let w = area.width as usize;
        let grid = Grid::of(&self.made, w, l);
        let mut lines: Vec<Line> = Vec::new();
        if area.height >= FULL_HEADER {
            lines.extend(self.charts(w, t, false));
        } else {
            for s in &self.made.strips {
                lines.push(strip_line(s, w, t));
            }
        }
        lines.push(self.heads_line(&grid, w, t));
        lines.push(self.scale_line(&grid, t));
        for (i, r) in self.made.rows.iter().enumerate() {
            lines.push(self.row_line(i, r, &grid, t));
        }
        lines.push(Line::styled(
            truncate(
                l.pick(
                    "█数値 ▓範囲（報告の言葉） ·不明 ░残り ◆貴院のいる側 ※注 △小標本(n<30) !要注意",
                    "█ share ▓ range (words) ·don't know ░ rest ◆ your side ※ note △ n<30 ! concern",
                ),
                w,
            ),
            t.dim(),
        ));
        let title = self
            .pos
            .indicators
            .get(self.selected)
            .map_or("", |ip| ip.indicator.text.get(l));
        lines.push(rule(
            title,
            l.pick("Enter 全文・出典・注", "Enter: all, sources, notes"),
            w,
            t,
        ));
        let room = (area.height as usize).saturating_sub(lines.len());
        let detail = lay_out(&self.detail, w, t);
        let more = detail.len() > room;
        for (i, line) in detail.into_iter().take(room).enumerate() {
            if more && i + 1 == room {
                lines.push(Line::styled(
                    truncate(
                        l.pick(
                            "…続きは Enter（出典・読み方の注）",
                            "… more with Enter (sources, notes)",
                        ),
                        w,
                    ),
                    t.dim(),
                ));
            } else {
                lines.push(line);
            }
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    /// The two bar charts of respondents side by side, own classes marked; under the bed
    /// classes, the respondents like the hospital (and on the respondents page, its budget).
    fn charts(&self, w: usize, t: &Theme, with_budget: bool) -> Vec<Line<'static>> {
        let left_w = w / 2;
        let right_w = w - left_w;
        let mut left = chart_lines(&self.made.bed_chart, left_w, t, self.lang);
        left.push(Line::raw(""));
        if with_budget {
            if let Some(b) = &self.made.budget_chart {
                left.extend(chart_lines(b, left_w, t, self.lang));
            }
        } else {
            left.extend(lay_out(&self.made.like_you, left_w.saturating_sub(1), t));
        }
        let right = chart_lines(&self.made.founder_chart, right_w, t, self.lang);
        let n = left.len().max(right.len());
        let mut out = Vec::new();
        let mut left = left.into_iter();
        let mut right = right.into_iter();
        for _ in 0..n {
            let mut spans = Vec::new();
            let l = left.next().unwrap_or_default();
            let lw = l.width();
            spans.extend(l.spans);
            spans.push(Span::raw(" ".repeat(left_w.saturating_sub(lw))));
            if let Some(r) = right.next() {
                spans.extend(r.spans);
            }
            out.push(Line::from(spans));
        }
        out
    }

    fn heads_line(&self, grid: &Grid, w: usize, t: &Theme) -> Line<'static> {
        let l = self.lang;
        let mut spans = Vec::new();
        let head = |c: Column, cw: usize| -> Span<'static> {
            let h = &self.made.heads[c.index()];
            let front = c == self.focus;
            let text = if front {
                format!("[{}]", h.text)
            } else {
                format!(" {} ", h.text)
            };
            let style = if front {
                t.selected()
            } else if h.small {
                t.warn()
            } else {
                t.base()
            };
            Span::styled(truncate(&text, cw), style)
        };
        if grid.columns == 2 {
            let lead = 2 + grid.label + 1 + grid.own;
            spans.push(Span::raw(" ".repeat(lead)));
            for c in [Column::BedClass, Column::Founder] {
                let s = head(c, grid.cell_width());
                let sw = width(&s.content);
                spans.push(Span::raw(" "));
                spans.push(s);
                spans.push(Span::raw(
                    " ".repeat(grid.cell_width().saturating_sub(sw + 1)),
                ));
            }
        } else {
            let hint = l.pick("  ←→ 切替", "  ←→ switch");
            let room = w.saturating_sub(width(hint) + 1);
            let a = head(self.focus, room / 2 + 4);
            let aw = width(&a.content);
            let b = head(self.focus.other(), room.saturating_sub(aw + 1));
            let (first, second) = if self.focus == Column::BedClass {
                (a, b)
            } else {
                (b, a)
            };
            let used = width(&first.content) + width(&second.content) + 1;
            spans.push(Span::raw(" "));
            spans.push(first);
            spans.push(Span::raw(" "));
            spans.push(second);
            spans.push(Span::styled(
                format!("{}{hint}", " ".repeat(room.saturating_sub(used))),
                t.dim(),
            ));
        }
        Line::from(spans)
    }

    fn scale_line(&self, grid: &Grid, t: &Theme) -> Line<'static> {
        let l = self.lang;
        let mut s = format!(
            "  {} {}",
            pad(l.pick("指標", "Indicator"), grid.label),
            pad(l.pick("貴院", "You"), grid.own)
        );
        for _ in grid.shown(self.focus) {
            s.push_str(&format!(
                "  {} {} {} ",
                scale(grid.bar),
                pad(l.pick("割合", "share"), grid.figure),
                pad(l.pick("精度", "precision"), grid.precision)
            ));
        }
        Line::styled(s.trim_end().to_string(), t.dim())
    }

    /// One indicator. When the selection moves only the marker and the label's reverse change.
    fn row_line(&self, i: usize, r: &Row, grid: &Grid, t: &Theme) -> Line<'static> {
        let sel = i == self.selected;
        let mut spans = vec![
            Span::raw(if sel { "▶ " } else { "  " }),
            Span::styled(
                pad(&r.label, grid.label),
                if sel { t.selected() } else { t.base() },
            ),
            Span::raw(" "),
            Span::styled(
                pad(&r.own, grid.own),
                if r.concern {
                    t.warn()
                } else if r.value == IndicatorValue::Unanswered {
                    t.dim()
                } else {
                    t.base()
                },
            ),
        ];
        for (k, c) in grid.shown(self.focus).into_iter().enumerate() {
            spans.push(Span::styled(if k == 0 { "  " } else { "│ " }, t.border()));
            match &r.cells[c.index()] {
                Cell::Figure {
                    range,
                    unknown,
                    counted,
                    text,
                    precision,
                    note,
                    small,
                } => {
                    spans.push(Span::styled(
                        share_bar(*range, *unknown, grid.bar, *counted),
                        t.accent(),
                    ));
                    spans.push(Span::raw(format!(
                        " {} {}{}",
                        pad(text, grid.figure),
                        pad(precision, grid.precision),
                        if *note { "※" } else { " " }
                    )));
                    spans.push(Span::styled(if *small { "△" } else { " " }, t.warn()));
                }
                Cell::Missing(s) | Cell::NoCohort(s) => {
                    let w = grid.bar + 1 + grid.figure + 1 + grid.precision + 2;
                    spans.push(Span::styled(pad(s, w), t.dim()));
                }
            }
        }
        Line::from(spans)
    }

    /// ```text
    /// 病床規模（回答1,144病院、p2）          開設者（△ 回答30病院未満）
    ///   20～99床   ███░░░░░ 141 12.3%          国               ██░░  47  4.1%
    /// ▶ 300～499床 ██████░░ 283 24.7% ◀      ▶ 医療法人         ████ 600 52.4% ◀
    /// 年間予算：300～499床（p46 図６、n=283）   医療生協         ░░░░   4  0.3% △
    /// ▶ 500万未満  ████████ 137 48.4% ◀       …
    /// ── 貴院と同じ区分・担当者 ─────────────────────────── Enter 注 ─
    /// 貴院と同じ区分：300～499床 283病院（1,144病院の24.7%）
    /// 担当者：貴院 2人（常勤2人）／全回答病院の平均 2.5–3人（3人弱）全体結果(4/7) ※2
    /// ```
    fn render_respondents(&self, frame: &mut Frame, area: Rect, view: &View) {
        let l = self.lang;
        let t = &view.theme;
        let w = area.width as usize;
        let mut lines = self.charts(w, t, true);
        lines.push(rule(
            l.pick("貴院と同じ区分・担当者", "Like you, and your staff"),
            l.pick("Enter 注の全文", "Enter: notes"),
            w,
            t,
        ));
        let mut paras = self.made.like_you.clone();
        paras.extend(self.made.staff.iter().cloned());
        paras.extend(self.made.notes.iter().cloned());
        let room = (area.height as usize).saturating_sub(lines.len());
        let body = lay_out(&paras, w, t);
        let more = body.len() > room;
        for (i, line) in body.into_iter().take(room).enumerate() {
            if more && i + 1 == room {
                lines.push(Line::styled(
                    truncate(l.pick("…続きは Enter", "… more with Enter"), w),
                    t.dim(),
                ));
            } else {
                lines.push(line);
            }
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn render_details(&self, frame: &mut Frame, area: Rect, view: &View, scroll: usize) {
        let l = self.lang;
        let t = &view.theme;
        let rect = area;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.accent())
            .title(truncate(
                &format!(" {} ", self.overlay_title()),
                rect.width.saturating_sub(4) as usize,
            ))
            .title_bottom(Line::styled(
                l.pick(
                    " ↑↓/PgUp/PgDn スクロール  Esc/Enter 閉じる ",
                    " ↑↓/PgUp/PgDn scroll  Esc/Enter close ",
                ),
                t.dim(),
            ));
        let inner = block.inner(rect);
        crate::tui::widgets::overlay::clear(frame, rect);
        frame.render_widget(block, rect);
        let text = Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(2),
            ..inner
        };
        let lines = lay_out(self.overlay(), text.width as usize, t);
        let h = text.height as usize;
        let top = scroll.min(lines.len().saturating_sub(h));
        let shown: Vec<Line> = lines.into_iter().skip(top).take(h).collect();
        frame.render_widget(Paragraph::new(shown), text);
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
            l.pick(
                &format!("{survey}との比較："),
                &format!("position against {survey}: ")
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
