//! The short form that starts a record: the profile questions that decide the cohorts (name,
//! beds, founder). Everything else is asked in the interview.

use crate::domain::validate;
use crate::domain::{Questionnaire, Record, RecordId};
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::Command;
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::widgets::form::{self, Focus, FormKey};
use crate::tui::widgets::text_field::{FieldKey, TextField};
use crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;
use Command as C;
use Intent as I;
use Scope as S;

/// The form's parts, top first: the focus starts on the name and Tab goes down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Beds,
    Founder,
}

const ORDER: [Field; 3] = [Field::Name, Field::Beds, Field::Founder];

pub struct NewRecord {
    name: TextField,
    beds: TextField,
    /// The founder chosen, if any: none is chosen until the user picks one, so that Enter never
    /// files a hospital under a founder nobody chose.
    founder: Option<usize>,
    focus: Focus,
    error: Option<(Field, String)>,
}

impl Default for NewRecord {
    fn default() -> Self {
        NewRecord::new()
    }
}

impl NewRecord {
    pub fn new() -> NewRecord {
        NewRecord {
            name: TextField::single(""),
            beds: TextField::single(""),
            founder: None,
            focus: Focus::first(ORDER.len()),
            error: None,
        }
    }

    fn founder_ids() -> Vec<&'static str> {
        Questionnaire::embedded()
            .question("founder")
            .map(|q| q.option_ids())
            .unwrap_or_default()
    }

    /// Checks the three answers on a scratch record, through the same validation as everywhere.
    fn scratch(&self) -> Result<Record, (Field, validate::AnswerError)> {
        let qn = Questionnaire::embedded();
        let clock = crate::clock::system();
        let now = clock.now();
        let mut r = Record::new(
            RecordId::new(clock.fiscal_year().year(), 1),
            clock.today(),
            now,
        );
        let founder = self
            .founder
            .and_then(|i| Self::founder_ids().get(i).copied())
            .unwrap_or_default();
        for (focus, q, raw) in [
            (Field::Name, "hospital_name", self.name.text()),
            (Field::Beds, "beds", self.beds.text()),
            (Field::Founder, "founder", founder.to_string()),
        ] {
            validate::answer_from_input(qn, &mut r, q, &raw, now).map_err(|e| (focus, e))?;
        }
        Ok(r)
    }

    fn check_field(&mut self, focus: Field, lang: crate::domain::Lang) -> bool {
        let qn = Questionnaire::embedded();
        let (q, raw) = match focus {
            Field::Name => ("hospital_name", self.name.text()),
            Field::Beds => ("beds", self.beds.text()),
            Field::Founder => return true,
        };
        let clock = crate::clock::system();
        let mut r = Record::new(RecordId::new(2000, 1), clock.today(), clock.now());
        match validate::answer_from_input(qn, &mut r, q, &raw, clock.now()) {
            Ok(()) => {
                self.error = None;
                true
            }
            Err(e) => {
                self.error = Some((focus, e.message(lang)));
                false
            }
        }
    }

    fn field(&self) -> Field {
        ORDER[self.focus.at()]
    }

    fn focus_on(&mut self, field: Field) {
        if let Some(i) = ORDER.iter().position(|f| *f == field) {
            self.focus.set(i);
        }
    }

    fn create(&mut self, env: &mut Env) -> Action {
        if self.founder.is_none() {
            self.focus_on(Field::Founder);
            let why = env.lang.pick(
                "開設者を選んでください（↑↓ で選び Enter で作成）",
                "choose the founder (↑↓ to choose, Enter creates)",
            );
            self.error = Some((Field::Founder, why.to_string()));
            return Action::None;
        }
        let record = match self.scratch() {
            Ok(r) => r,
            Err((focus, e)) => {
                self.focus_on(focus);
                self.error = Some((focus, e.message(env.lang)));
                return Action::None;
            }
        };
        // The 年度 of today, as the scratch record's id and date say.
        let year = record.id.year();
        match env.store.create(year, |id| {
            let mut r = record.clone();
            r.id = id;
            r
        }) {
            Ok(r) => Action::OpenRecord(r.id),
            Err(e) => Action::Flash(crate::edge::Failure::from_store(e, env.lang).to_string()),
        }
    }
}

impl Screen for NewRecord {
    fn scope(&self) -> Scope {
        Scope::Form
    }

    fn title(&self, view: &View) -> String {
        view.lang
            .pick("新しい記録 — 基本情報", "New record — profile")
            .to_string()
    }

    fn commands(&self, _view: &View) -> Vec<Command> {
        vec![
            C::of(S::Form, I::NextQuestion).label("次の欄", "next field"),
            C::of(S::Form, I::Pick).label("次へ／作成", "next / create"),
            C::of(S::Form, I::Back).label("中止", "cancel"),
        ]
    }

    /// Every key is read from the binding table's `Form` rows: Tab / Shift-Tab move between
    /// the parts (never round from the last to the first), ↓/↑ too from a text field, and on
    /// the founder they choose; `j`/`k` choose there but are typed into the name.
    fn handle_key(&mut self, key: KeyEvent, env: &mut Env) -> Option<Action> {
        let lang = env.lang;
        let read = form::read(S::Form, &key);
        match read {
            FormKey::Cancel => return Some(Action::Back),
            FormKey::Pass => return None,
            FormKey::Next => self.focus.next(),
            FormKey::Prev => self.focus.prev(),
            FormKey::Submit | FormKey::Type => {}
        }
        if matches!(read, FormKey::Next | FormKey::Prev) {
            return Some(Action::None);
        }
        let intent = keys::intent_in(S::Form, &key);
        match self.field() {
            here @ (Field::Name | Field::Beds) => {
                let typed = form::is_typed(&key);
                match intent {
                    Some(I::Pick) => {
                        if self.check_field(here, lang) {
                            self.focus.next();
                        }
                    }
                    Some(I::Down) if !typed => self.focus.next(),
                    Some(I::Up) if !typed => self.focus.prev(),
                    _ => {
                        let field = if here == Field::Name {
                            &mut self.name
                        } else {
                            &mut self.beds
                        };
                        if field.handle(key) == FieldKey::Edited
                            && self.error.as_ref().is_some_and(|(f, _)| *f == here)
                        {
                            self.error = None;
                        }
                    }
                }
            }
            Field::Founder => {
                let last = Self::founder_ids().len().saturating_sub(1);
                match intent? {
                    I::Up => match self.founder {
                        None | Some(0) => self.focus.prev(),
                        Some(i) => self.founder = Some(i - 1),
                    },
                    I::Down => {
                        self.founder = Some(self.founder.map_or(0, |i| (i + 1).min(last)));
                        if self
                            .error
                            .as_ref()
                            .is_some_and(|(f, _)| *f == Field::Founder)
                        {
                            self.error = None;
                        }
                    }
                    I::Pick => return Some(self.create(env)),
                    _ => return None,
                }
            }
        }
        Some(Action::None)
    }

    /// ```text
    /// 病院名    [〇〇病院              ]
    /// 許可病床数 [350 ] 床
    /// 開設者     ▶ 国
    ///              都道府県・市町村 …
    /// ```
    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let l = view.lang;
        let t = &view.theme;
        let qn = Questionnaire::embedded();
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border());
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let label = |id: &str| {
            qn.question(id)
                .map(|q| q.text.get(l).to_string())
                .unwrap_or_default()
        };
        let label_w = 14u16;
        let intro = l.pick(
            "病床規模と開設者で、2022年調査の比較対象（コホート）が決まります。",
            "Beds and founder decide which cohorts of the 2022 survey this hospital is compared with.",
        );
        // The intro wrapped (two rows at 60 columns), the fields below it.
        let intro: Vec<Line> = crate::text::wrap(intro, inner.width as usize)
            .into_iter()
            .take(2)
            .map(|l| Line::styled(l, t.dim()))
            .collect();
        let [intro_area, fields] = Layout::vertical([
            Constraint::Length(intro.len() as u16 + 1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        frame.render_widget(Paragraph::new(intro), intro_area);
        // The form's rows; one the pane is too short for is empty (nothing drawn there).
        let rows: Vec<Rect> = fields.rows().collect();
        let row = |i: usize| rows.get(i).copied().unwrap_or_default();
        // A row cut after the labels' column (and `skip` more), `w` wide at most.
        let after_label = |r: Rect, skip: u16, w: u16| {
            let skip = label_w + skip;
            let [_, cell, _] = Layout::horizontal([
                Constraint::Length(skip),
                Constraint::Length(w.min(r.width.saturating_sub(skip))),
                Constraint::Fill(1),
            ])
            .areas(r);
            cell
        };
        let field_rect = |r: Rect, w: u16| after_label(r, 0, w);
        let focused = |f: Field| self.field() == f;
        // A refusal goes on the row under its field (the founder's under the form).
        let error_under = |frame: &mut Frame, i: usize, f: Field| {
            if let Some((_, e)) = self.error.as_ref().filter(|(at, _)| *at == f) {
                let under = after_label(row(i + 1), 0, u16::MAX);
                frame.render_widget(
                    Paragraph::new(Line::styled(
                        crate::text::truncate(&format!("✗ {e}"), under.width as usize),
                        t.error(),
                    )),
                    under,
                );
            }
        };
        // Name
        let r = row(0);
        frame.render_widget(
            Paragraph::new(form::label(
                &label("hospital_name"),
                focused(Field::Name),
                label_w as usize,
                t,
            )),
            r,
        );
        form::draw_field(
            frame,
            &self.name,
            field_rect(r, 50),
            focused(Field::Name),
            t.base(),
        );
        error_under(frame, 0, Field::Name);
        // Beds
        let r = row(2);
        frame.render_widget(
            Paragraph::new(form::label(
                &label("beds"),
                focused(Field::Beds),
                label_w as usize,
                t,
            )),
            r,
        );
        form::draw_field(
            frame,
            &self.beds,
            field_rect(r, 8),
            focused(Field::Beds),
            t.base(),
        );
        error_under(frame, 2, Field::Beds);
        let unit = after_label(r, 9, 10);
        frame.render_widget(Paragraph::new(l.pick("床", "beds")), unit);
        // Founder
        let r = row(4);
        frame.render_widget(
            Paragraph::new(form::label(
                &label("founder"),
                focused(Field::Founder),
                label_w as usize,
                t,
            )),
            r,
        );
        if let Some(q) = qn.question("founder") {
            // Rows for the options above the error line; scrolled to keep the chosen one seen.
            let option_rows = rows
                .get(4..rows.len().saturating_sub(2))
                .unwrap_or_default();
            let first = self
                .founder
                .map_or(0, |s| (s + 1).saturating_sub(option_rows.len().max(1)));
            for ((i, o), at) in q.options.iter().enumerate().skip(first).zip(option_rows) {
                let sel = self.founder == Some(i);
                let marker = if sel { "● " } else { "○ " };
                let style = if sel && focused(Field::Founder) {
                    t.selected()
                } else {
                    t.base()
                };
                frame.render_widget(
                    Paragraph::new(Line::from(vec![
                        Span::raw(marker),
                        Span::styled(o.text.get(l).to_string(), style),
                    ])),
                    after_label(*at, 0, u16::MAX),
                );
            }
        }
        if let Some((_, e)) = self.error.as_ref().filter(|(at, _)| *at == Field::Founder) {
            let [_, last] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
            frame.render_widget(
                Paragraph::new(Line::styled(
                    crate::text::truncate(e, inner.width as usize),
                    t.error(),
                )),
                last,
            );
        }
    }
}
