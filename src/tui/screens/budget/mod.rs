//! The budget screen (key `b`): 提言１ on the record's own numbers beside its bed
//! class — what it should spend at the report's two levels, what it spends, the gap said as
//! people say it — with the assumptions marked own / report default, and what-ifs (other
//! rates, another revenue) that never touch the record.
//!
//! The model is [`HospitalBudget`]; this screen computes nothing of it. It is made when the
//! screen opens, comes back, or a what-if is kept; a frame only lays out the text made then.
//! What is typed for a what-if is not kept in the record's drafts on purpose: a what-if must
//! leave the record exactly as it was.

mod made;
mod render;

use crate::domain::budget::spoken;
use crate::domain::budget::typed::{self, TypedError};
use crate::domain::budget::{BudgetData, BudgetError, HospitalBudget, Level, WhatIf};
use crate::domain::survey::Survey;
use crate::domain::{Lang, Record};
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::Command;
use crate::tui::keys::{self, Intent, Pane, Scope};
use crate::tui::screens::overlay::{Done, Overlay, OverlayForm};
use crate::tui::session::Session;
use crate::tui::widgets::form::{self, Focus, FormKey};
use crate::tui::widgets::text_field::{FieldKey, TextField};
use crossterm::event::KeyEvent;
use made::{make, Made};
use ratatui::layout::Rect;
use ratatui::Frame;
use Command as C;
use Intent as I;
use Scope as S;

/// From this width the hospital and its bed class stand side by side.
pub const SIDE_BY_SIDE: u16 = 120;

/// A what-if being typed, opened as the screen's [`Overlay`]: the shared form keys (read in the
/// budget's scope, so that a letter is always typed, never a command), the figures checked by
/// the screen on Enter.
// One form at most is alive, held in place while it is typed: the size of its larger variant
// costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
pub(super) enum Form {
    /// Both levels, as percentages of the IT budget.
    Rates {
        min: TextField,
        sufficient: TextField,
        /// The minimum first, then the sufficient level ([`level_at`]).
        focus: Focus,
        error: Option<TypedError>,
    },
    /// The annual revenue, in thousand yen as the interview asks it.
    Revenue {
        field: TextField,
        /// "= 5,000,000千円 = 50億円": what the typed thousands say, so that a zero too many
        /// shows; the interview's revenue question echoes the same.
        reading: Option<String>,
        /// The 図２ plausibility warning, as under the interview's revenue question.
        warning: Option<String>,
        error: Option<TypedError>,
        /// What the reading and the warning are said in, and the beds the warning is for.
        lang: Lang,
        beds: Option<i64>,
    },
}

impl Form {
    /// The field typed into: the focused rate, or the revenue.
    fn field(&mut self) -> &mut TextField {
        match self {
            Form::Rates {
                min,
                sufficient,
                focus,
                ..
            } => match level_at(*focus) {
                Level::Min => min,
                Level::Sufficient => sufficient,
            },
            Form::Revenue { field, .. } => field,
        }
    }
}

impl OverlayForm for Form {
    /// Every key stays in the form: a letter typed there is never a command, and a function
    /// key is not the app's while a figure is typed.
    fn handle(&mut self, key: KeyEvent) -> Done {
        let read = match self {
            Form::Rates { focus, .. } => focus.key(Scope::Budget, &key),
            Form::Revenue { .. } => form::read(Scope::Budget, &key),
        };
        match read {
            FormKey::Submit => Done::Submit,
            FormKey::Cancel => Done::Closed,
            FormKey::Next | FormKey::Prev | FormKey::Pass => Done::Open,
            FormKey::Type => {
                // The rates' message stays until Enter checks again: it says what was refused.
                if self.field().handle(key) == FieldKey::Edited {
                    read_revenue(self);
                }
                Done::Open
            }
        }
    }

    fn paste(&mut self, text: &str) {
        self.field().paste(text);
        read_revenue(self);
    }

    fn commands(&self) -> Vec<Command> {
        match self {
            Form::Rates { .. } => vec![
                C::of(S::Budget, I::Pick).label("試算", "try"),
                C::of(S::Budget, I::NextQuestion)
                    .keys("Tab")
                    .label("欄", "field"),
                C::of(S::Budget, I::Back).label("やめる", "cancel"),
            ],
            Form::Revenue { .. } => vec![
                C::of(S::Budget, I::Pick).label("試算", "try"),
                C::of(S::Budget, I::Back).label("やめる", "cancel"),
            ],
        }
    }

    fn scope(&self) -> Scope {
        Scope::Budget
    }
}

pub struct BudgetScreen {
    lang: Lang,
    record: String,
    name: Option<String>,
    /// The model on the record's own figures at the report's rates.
    base: Result<HospitalBudget, BudgetError>,
    /// What is being tried on top of it; the default tries nothing.
    what_if: WhatIf,
    /// The model shown: `base` with the what-if.
    shown: Result<HospitalBudget, BudgetError>,
    made: Made,
    /// The what-if form being typed, seeing every key first.
    overlay: Option<Overlay<Form>>,
}

impl BudgetScreen {
    pub fn new(session: &Session, lang: Lang) -> BudgetScreen {
        let mut screen = BudgetScreen {
            lang,
            record: String::new(),
            name: None,
            base: Err(BudgetError::NoBeds),
            what_if: WhatIf::default(),
            shown: Err(BudgetError::NoBeds),
            made: Made::Refused(Vec::new()),
            overlay: None,
        };
        screen.refresh(&session.record);
        screen
    }

    /// The model as it stands: the record's figures, then the what-if on top.
    fn refresh(&mut self, record: &Record) {
        self.record = record.id.to_string();
        self.name = record.hospital_name().map(str::to_string);
        self.base = HospitalBudget::of(record, BudgetData::embedded().levels());
        self.remake();
    }

    fn remake(&mut self) {
        self.shown = match &self.base {
            Ok(b) => Ok(b.what_if(self.what_if, BudgetData::embedded(), Survey::embedded())),
            Err(e) => Err(e.clone()),
        };
        let record_revenue = self.base.as_ref().ok().map(|b| b.revenue);
        self.made = make(&self.shown, record_revenue, self.lang);
    }

    fn is_what_if(&self) -> bool {
        self.shown.as_ref().is_ok_and(|b| b.what_if)
    }

    fn open_rates(&mut self) {
        if let Ok(b) = &self.shown {
            self.overlay = Some(Overlay::Form(Form::Rates {
                min: TextField::single(&bare_percent(b.levels.min.percent())),
                sufficient: TextField::single(&bare_percent(b.levels.sufficient.percent())),
                focus: Focus::first(2),
                error: None,
            }));
        }
    }

    fn open_revenue(&mut self) {
        if let Ok(b) = &self.shown {
            let text = b.revenue.to_string();
            let mut form = Form::Revenue {
                field: TextField::single(&text),
                reading: None,
                warning: None,
                error: None,
                lang: self.lang,
                beds: self.beds(),
            };
            read_revenue(&mut form);
            self.overlay = Some(Overlay::Form(form));
        }
    }

    /// Enter in a form: the figures are checked by the domain; kept, the model is made again,
    /// else the message goes under the field and the text stays for correction.
    fn submit(&mut self) {
        let Some(Overlay::Form(form)) = self.overlay.as_mut() else {
            return;
        };
        match form {
            Form::Rates {
                min,
                sufficient,
                focus,
                error,
            } => match typed::levels(&min.text(), &sufficient.text()) {
                Ok(levels) => {
                    self.what_if.levels = Some(levels);
                    self.overlay = None;
                    self.remake();
                }
                Err(e) => {
                    if let Some(level) = e.level() {
                        focus.set(usize::from(level == Level::Sufficient));
                    }
                    *error = Some(e);
                }
            },
            Form::Revenue { field, error, .. } => match typed::revenue(&field.text()) {
                Ok(revenue) => {
                    self.what_if.revenue = Some(revenue);
                    self.overlay = None;
                    self.remake();
                }
                Err(e) => *error = Some(e),
            },
        }
    }

    pub(super) fn form(&self) -> Option<&Form> {
        self.overlay.as_ref()?.form()
    }

    /// The record's beds, which the model is built on.
    fn beds(&self) -> Option<i64> {
        self.base.as_ref().ok().map(|b| b.inputs.beds)
    }
}

/// The level a rates form's focus is on.
pub(super) fn level_at(focus: Focus) -> Level {
    if focus.is(0) {
        Level::Min
    } else {
        Level::Sufficient
    }
}

/// "15%" → "15": the field is already marked %.
fn bare_percent(p: String) -> String {
    p.trim_end_matches('%').to_string()
}

/// What the typed revenue says in 万/億円 and whether it is plausible for the beds, when it is
/// a revenue at all: the interview's revenue question says the same.
fn read_revenue(form: &mut Form) {
    if let Form::Revenue {
        field,
        reading,
        warning,
        lang,
        beds,
        ..
    } = form
    {
        let (lang, beds) = (*lang, *beds);
        let typed = typed::revenue(&field.text()).ok();
        *reading = typed.map(|r| format!("= {}", spoken::echo(r, lang)));
        *warning = typed
            .zip(beds)
            .and_then(|(r, b)| typed::revenue_warning(r, b, lang));
    }
}

impl Screen for BudgetScreen {
    fn pane(&self) -> Option<Pane> {
        Some(Pane::Budget)
    }

    /// A budget step lands on the what-if: the revenue form, on the hospital's own figure.
    fn open_at(&mut self, target: &crate::domain::overview::Target, _env: &mut Env) {
        if matches!(target, crate::domain::overview::Target::Budget { .. }) {
            self.open_revenue();
        }
    }

    fn scope(&self) -> Scope {
        self.overlay.as_ref().map_or(Scope::Budget, Overlay::scope)
    }

    fn title(&self, view: &View) -> String {
        let l = view.lang;
        let what = if self.is_what_if() {
            l.pick(
                "試算：予算の不足額（提言1）— 記録は変わりません",
                "What-if: budget shortfall (proposal 1) — record unchanged",
            )
        } else {
            l.pick("予算の不足額（提言1）", "budget shortfall (proposal 1)")
        };
        format!(
            "{} {} — {what}",
            self.record,
            self.name.as_deref().unwrap_or("—")
        )
    }

    fn commands(&self, _view: &View) -> Vec<Command> {
        match &self.overlay {
            Some(overlay) => overlay.commands(),
            None => {
                let mut offered = vec![
                    C::of(S::Budget, I::TryRates).label("率を試す", "try rates"),
                    C::of(S::Budget, I::TryRevenue).label("収益を試す", "try revenue"),
                ];
                if self.is_what_if() {
                    offered.push(
                        C::of(S::Budget, I::ResetWhatIf).label("記録の数字へ", "record's figures"),
                    );
                }
                offered.extend([
                    C::of(S::Record, I::Show(Pane::Interview)).label("面談", "interview"),
                    C::of(S::Global, I::Help).keys("?"),
                    C::of(S::Budget, I::Back).label("戻る", "back"),
                ]);
                offered
            }
        }
    }

    fn handle_key(&mut self, key: KeyEvent, _env: &mut Env) -> Option<Action> {
        if let Some(overlay) = self.overlay.as_mut() {
            match overlay.handle(key) {
                Done::Submit => self.submit(),
                Done::Closed => self.overlay = None,
                _ => {}
            }
            return Some(Action::None);
        }
        let intent = keys::intent(Scope::Budget, &key)?;
        match intent {
            Intent::TryRates | Intent::TryRevenue => {
                if let Err(e) = &self.shown {
                    return Some(Action::Flash(e.message(self.lang)));
                }
                if intent == Intent::TryRates {
                    self.open_rates();
                } else {
                    self.open_revenue();
                }
            }
            Intent::ResetWhatIf => {
                self.what_if = WhatIf::default();
                self.remake();
            }
            Intent::Back => return Some(Action::Back),
            Intent::Quit => return Some(Action::Quit),
            _ => return None,
        }
        Some(Action::None)
    }

    fn handle_paste(&mut self, text: &str, _env: &mut Env) -> Action {
        if let Some(overlay) = self.overlay.as_mut() {
            overlay.paste(text);
        }
        Action::None
    }

    /// Another pane may have changed the record (the beds, the budget): the model is made
    /// again, the what-if kept on top.
    fn resume(&mut self, env: &mut Env) {
        if let Some(session) = env.session.as_deref() {
            self.refresh(&session.record);
        }
    }

    fn help_extra(&self, lang: Lang) -> Vec<(String, String)> {
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        let scale = pair("█░", lang.pick("金額（同じ目盛り）", "amount (one scale)"));
        // The legend's marks and meanings, as the screen and `shindan budget` print them.
        let marks = crate::domain::budget::Origin::ALL
            .iter()
            .map(|o| pair(o.mark(lang), o.meaning(lang)));
        std::iter::once(scale).chain(marks).collect()
    }

    /// ```text
    /// ┌ the hospital's budget ──────┐┌ its cohort's average ───────┐  (one column at 80)
    /// │ actual / minimum / adequate ││ the same bars, one scale    │
    /// └─────────────────────────────┘└─────────────────────────────┘
    /// ── assumptions: where each figure comes from ─────────────────
    /// ── the rates form (r / v), while a what-if is tried ───────────
    /// ```
    /// In full: `render::render`.
    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        render::render(self, frame, area, view);
    }
}
