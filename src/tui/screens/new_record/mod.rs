//! The short form that starts a record: the profile questions that decide the cohorts (name,
//! beds, founder). Everything else is asked in the interview.

mod form;

use crate::domain::Questionnaire;
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::Command;
use crate::tui::keys::Scope;
use crate::tui::screens::overlay::{Done, Overlay};
use crate::tui::widgets::form as shared;
use crossterm::event::KeyEvent;
use form::{Field, NewRecordForm};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

/// The screen of the form: the form is its overlay, open from the first key to the last (Esc
/// closes both).
pub struct NewRecord {
    overlay: Option<Overlay<NewRecordForm>>,
}

impl Default for NewRecord {
    fn default() -> Self {
        NewRecord::new()
    }
}

impl NewRecord {
    pub fn new() -> NewRecord {
        NewRecord {
            overlay: Some(Overlay::Form(NewRecordForm::new())),
        }
    }

    fn form(&self) -> Option<&NewRecordForm> {
        self.overlay.as_ref()?.form()
    }

    /// Enter on the founder: the three answers checked, the record created and opened; a
    /// refusal stays under its part.
    fn create(&mut self, env: &mut Env) -> Action {
        let Some(Overlay::Form(form)) = self.overlay.as_mut() else {
            return Action::None;
        };
        let Some(record) = form.scratch() else {
            return Action::None;
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
        self.overlay.as_ref().map_or(Scope::Form, Overlay::scope)
    }

    fn title(&self, view: &View) -> String {
        view.lang
            .pick("新しい記録 — 基本情報", "New record — profile")
            .to_string()
    }

    fn commands(&self, _view: &View) -> Vec<Command> {
        self.overlay
            .as_ref()
            .map(Overlay::commands)
            .unwrap_or_default()
    }

    /// The form sees every key first: Esc leaves the screen, Enter on the founder creates.
    fn handle_key(&mut self, key: KeyEvent, env: &mut Env) -> Option<Action> {
        let Some(overlay) = self.overlay.as_mut() else {
            return Some(Action::Back);
        };
        match overlay.handle(key) {
            Done::Closed => Some(Action::Back),
            Done::Pass => None,
            Done::Submit => Some(self.create(env)),
            _ => Some(Action::None),
        }
    }

    fn handle_paste(&mut self, text: &str, _env: &mut Env) -> Action {
        if let Some(overlay) = self.overlay.as_mut() {
            overlay.paste(text);
        }
        Action::None
    }

    /// ```text
    /// 病院名    [〇〇病院              ]
    /// 許可病床数 [350 ] 床
    /// 開設者     ▶ 国
    ///              都道府県・市町村 …
    /// ```
    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let Some(form) = self.form() else { return };
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
        let after_label = |r: Rect, skip: u16, w: u16| shared::cell_after(r, label_w + skip, w);
        let field_rect = |r: Rect, w: u16| after_label(r, 0, w);
        let focused = |f: Field| form.field() == f;
        // A refusal goes on the row under its field (the founder's under the form).
        let error_under = |frame: &mut Frame, i: usize, f: Field| {
            if let Some((_, e)) = form.error.as_ref().filter(|(at, _)| *at == f) {
                let under = after_label(row(i + 1), 0, u16::MAX);
                frame.render_widget(
                    Paragraph::new(Line::styled(
                        crate::text::truncate(&format!("✗ {}", e.message(l)), under.width as usize),
                        t.error(),
                    )),
                    under,
                );
            }
        };
        let heading = |frame: &mut Frame, r: Rect, q: &str, f: Field| {
            frame.render_widget(
                Paragraph::new(shared::label(&label(q), focused(f), label_w as usize, t)),
                r,
            );
        };
        // The name, then the beds: the label, the field, a refusal under it.
        for (i, f, q, field, w) in [
            (0, Field::Name, "hospital_name", &form.name, 50),
            (2, Field::Beds, "beds", &form.beds, 8),
        ] {
            let r = row(i);
            heading(frame, r, q, f);
            shared::draw_field(frame, field, field_rect(r, w), focused(f), t.base());
            error_under(frame, i, f);
        }
        let unit = after_label(row(2), 9, 10);
        frame.render_widget(Paragraph::new(l.pick("床", "beds")), unit);
        // Founder
        heading(frame, row(4), "founder", Field::Founder);
        if let Some(q) = qn.question("founder") {
            // Rows for the options above the error line; scrolled to keep the chosen one seen.
            let option_rows = rows
                .get(4..rows.len().saturating_sub(2))
                .unwrap_or_default();
            let first = form
                .founder
                .map_or(0, |s| (s + 1).saturating_sub(option_rows.len().max(1)));
            for ((i, o), at) in q.options.iter().enumerate().skip(first).zip(option_rows) {
                let sel = form.founder == Some(i);
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
        if let Some((_, e)) = form.error.as_ref().filter(|(at, _)| *at == Field::Founder) {
            let [_, last] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
            frame.render_widget(
                Paragraph::new(Line::styled(
                    crate::text::truncate(&e.message(l), inner.width as usize),
                    t.error(),
                )),
                last,
            );
        }
    }
}
