//! The contact chart (連絡体制図, checklist item 3(1)): who is called when an incident happens,
//! inside the hospital and outside, one place per line; Enter edits the selected place's name,
//! title, organisation, phone and note. Every change goes through `contacts::set` and
//! `contacts::clear`, as `shindan contacts set` does. shindan ships no phone numbers.
//!
//! A form being typed is kept in the record's drafts under `contacts/ROLE` (a vendor's place:
//! `contacts/vendor/VENDOR/SYSTEM`), as the checklist keeps its own (see `tui::drafts::DraftKey`).

use crate::domain::contacts::{self, ContactChart, ContactError, Slot};
use crate::domain::record::Draft;
use crate::domain::Lang;
use crate::text::wrap;
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::Command;
use crate::tui::drafts::DraftKey;
use crate::tui::keys::{self, Intent, Pane, Scope};
use crate::tui::screens::confirm::Confirm;
use crate::tui::screens::overlay::Overlay;
use crate::tui::session::{Refused, Session};
use crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders};
use ratatui::Frame;
use Command as C;
use Intent as I;
use Scope as S;

mod confirming;
mod form;
mod render;

use form::ContactForm;

/// The fields of a place, in the order the form shows them.
const FIELDS: [FieldName; 5] = [
    FieldName::Name,
    FieldName::Title,
    FieldName::Organisation,
    FieldName::Phone,
    FieldName::Note,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldName {
    Name,
    Title,
    Organisation,
    Phone,
    Note,
}

impl FieldName {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            FieldName::Name => lang.pick("氏名", "Name"),
            FieldName::Title => lang.pick("役職", "Title"),
            FieldName::Organisation => lang.pick("所属・組織", "Organisation"),
            FieldName::Phone => lang.pick("電話", "Phone"),
            FieldName::Note => lang.pick("メモ", "Note"),
        }
    }

    /// The field a domain error is about (the domain names fields as the CLI's options).
    fn of(e: &ContactError) -> Option<FieldName> {
        let by_name = |f: &str| match f {
            "name" => Some(FieldName::Name),
            "title" => Some(FieldName::Title),
            "organisation" => Some(FieldName::Organisation),
            "note" => Some(FieldName::Note),
            _ => None,
        };
        match e {
            ContactError::BadPhone(_) => Some(FieldName::Phone),
            ContactError::TooLong { field, .. } | ContactError::LineBreak { field } => {
                by_name(field)
            }
            _ => None,
        }
    }
}

/// Where a place's typing is kept in the record's drafts.
pub fn draft_key(s: &Slot) -> DraftKey {
    match &s.vendor {
        Some((v, sys)) => DraftKey::VendorContact {
            vendor: v.clone(),
            system: sys.clone(),
        },
        None => DraftKey::Contact(s.position.id().to_string()),
    }
}

pub struct Contacts {
    chart: ContactChart,
    cursor: usize,
    /// The place being edited (its form), or the question whether to clear a place (the
    /// index of its slot), seeing every key first.
    overlay: Option<Overlay<ContactForm, usize>>,
}

fn slot_label(s: &Slot, lang: Lang) -> String {
    match &s.vendor {
        Some((v, sys)) => format!("{}{v}（{sys}）", lang.pick("事業者：", "Vendor: ")),
        None => s.position.label(lang).to_string(),
    }
}

impl Contacts {
    /// Opens on the first place, or on a form left half typed.
    pub fn new(session: &Session, _lang: Lang) -> Contacts {
        let mut screen = Contacts {
            chart: ContactChart::of(&session.record),
            cursor: 0,
            overlay: None,
        };
        for (i, s) in screen.chart.slots.iter().enumerate() {
            let form = draft_key(s)
                .get(&session.record)
                .and_then(|d| d.value.as_deref())
                .and_then(|v| ContactForm::decode(i, s, v));
            if let Some(form) = form {
                screen.cursor = i;
                screen.overlay = Some(Overlay::Form(form));
                break;
            }
        }
        screen
    }

    fn rebuild(&mut self, session: &Session) {
        let here = self.chart.slots.get(self.cursor).map(draft_key);
        self.chart = ContactChart::of(&session.record);
        if let Some(i) = here.and_then(|k| self.chart.slots.iter().position(|s| draft_key(s) == k))
        {
            self.cursor = i;
        }
        self.cursor = self.cursor.min(self.chart.slots.len().saturating_sub(1));
    }

    /// Empties the place of slot `at` (its clearing confirmed).
    pub(super) fn clear(&mut self, at: usize, session: &mut Session, lang: Lang) -> Action {
        let Some(slot) = self.chart.slots.get(at).cloned() else {
            return Action::None;
        };
        let vendor = slot
            .vendor
            .as_ref()
            .map(|(v, s)| (v.as_str(), Some(s.as_str())));
        match session
            .update(|r| contacts::clear(r, slot.position, vendor, crate::clock::system().now()))
        {
            Ok(()) => {
                self.rebuild(session);
                Action::Flash(lang.pick_with(
                    || format!("{} を消去しました", slot_label(&slot, lang)),
                    || format!("{}: cleared", slot_label(&slot, lang)),
                ))
            }
            Err(Refused::ReadOnly(h)) => Action::Flash(Refused::read_only_message(&h, lang)),
            Err(Refused::Rule(e)) => Action::Flash(e.message(lang)),
        }
    }
}

impl Screen for Contacts {
    fn pane(&self) -> Option<Pane> {
        Some(Pane::Contacts)
    }

    fn scope(&self) -> Scope {
        self.overlay
            .as_ref()
            .map_or(Scope::Contacts, Overlay::scope)
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
        let carried = crate::domain::carried::waiting(self.chart.carried(), l);
        format!(
            "{id} {name} — {} {}/{}{carried}",
            l.pick("連絡体制図（3(1)） 記入", "Contact chart (3(1)), filled"),
            self.chart.filled(),
            self.chart.total()
        )
    }

    fn commands(&self, _view: &View) -> Vec<Command> {
        if let Some(overlay) = &self.overlay {
            return overlay.commands();
        }
        let (here, side) = self.carried_here();
        let mut offered = Vec::new();
        if here {
            offered.push(C::of(S::Contacts, I::Confirm));
        }
        if side {
            offered.push(C::of(S::Contacts, I::ConfirmSection));
        }
        offered.extend([
            C::of(S::Contacts, I::Up).keys("↑↓").label("選択", "move"),
            C::of(S::Contacts, I::Open).label("編集", "edit"),
            C::of(S::Contacts, I::Delete).label("消去", "clear"),
            C::of(S::Record, I::Show(Pane::Checklist)).label("チェックリスト", "checklist"),
            C::of(S::Global, I::Help).keys("?"),
            C::of(S::Contacts, I::Back).label("戻る", "back"),
        ]);
        offered
    }

    fn help_extra(&self, lang: Lang) -> Vec<(String, String)> {
        vec![(
            lang.pick("文字", "Letters").into(),
            lang.pick(
                "編集中は、文字はすべて欄に入ります",
                "While editing, every letter is typed into the field",
            )
            .into(),
        )]
    }

    fn handle_key(&mut self, key: KeyEvent, env: &mut Env) -> Option<Action> {
        let lang = env.lang;
        let session = env.session.as_deref_mut()?;
        if self.overlay.is_some() {
            return self.overlay_key(key, session, lang);
        }
        let intent = keys::intent_in(Scope::Contacts, &key)?;
        let n = self.chart.slots.len();
        let action = match intent {
            Intent::Up => {
                self.cursor = self.cursor.saturating_sub(1);
                Action::None
            }
            Intent::Down => {
                self.cursor = (self.cursor + 1).min(n.saturating_sub(1));
                Action::None
            }
            Intent::Open => match session.read_only_message(lang) {
                Some(msg) => Action::Flash(msg),
                None => {
                    if let Some(s) = self.chart.slots.get(self.cursor) {
                        self.overlay = Some(Overlay::Form(ContactForm::open(self.cursor, s)));
                    }
                    Action::None
                }
            },
            Intent::Delete => match session.read_only_message(lang) {
                Some(msg) => Action::Flash(msg),
                None => match self.chart.slots.get(self.cursor) {
                    Some(s) if s.contact.is_some() => {
                        self.overlay = Some(Overlay::Confirm(Confirm::key(
                            self.cursor,
                            "消去する",
                            "clear",
                            "keep",
                        )));
                        Action::None
                    }
                    _ => Action::Flash(
                        lang.pick("この連絡先は未記入です", "This place is empty")
                            .to_string(),
                    ),
                },
            },
            Intent::Confirm => self.confirm_place(session, lang),
            Intent::ConfirmSection => self.confirm_side(session, lang),
            Intent::Back => Action::Back,
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

    fn resume(&mut self, env: &mut Env) {
        if let Some(session) = env.session.as_deref() {
            self.rebuild(session);
        }
    }

    fn keep_drafts(&mut self, session: &mut Session) {
        let Some(form) = self.form() else { return };
        if let Some(slot) = self.chart.slots.get(form.slot) {
            session.set_draft(
                &draft_key(slot),
                Draft {
                    value: Some(form.encode()),
                    note: None,
                },
            );
        }
    }

    /// ```text
    /// ┌ 院内 ─────────────────────────────────────────────────────────────┐
    /// │▶✓ 医療情報システム安全管理責任者  山田 太郎（情報システム課長）  03-…│
    /// │ · 院長・管理者                    （未記入）                        │
    /// │ 院外                                                               │
    /// │ · 事業者：ベンダーA（電子カルテ）  …                                │
    /// └────────────────────────────────────────────────────────────────────┘
    /// ┌ 院長・管理者 ──────────────────────────────────────────────────────┐
    /// │氏名        [                    ]   (the form, or the place's details)│
    /// └────────────────────────────────────────────────────────────────────┘
    /// ```
    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let t = &view.theme;
        let needed = self.chart.slots.len() as u16 + 2 + 2;
        // The form takes the room it needs (five fields and an error); the list, which scrolls,
        // gives it up.
        let form_h = self.form().map(|f| {
            let error_lines = f
                .error
                .as_ref()
                .map(|(_, e)| {
                    wrap(
                        &format!("✗ {}", e.message(view.lang)),
                        area.width.saturating_sub(3) as usize,
                    )
                    .len()
                })
                .unwrap_or(0);
            (FIELDS.len() + error_lines) as u16 + 2
        });
        let bottom_h = form_h
            .unwrap_or(8)
            .max(area.height.saturating_sub(needed))
            .min(area.height.saturating_sub(5));
        let [list, bottom] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(bottom_h)]).areas(area);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.border())
            .title(view.lang.pick(
                " 連絡体制図（shindan は電話番号を同梱しません） ",
                " Contact chart (shindan ships no phone numbers) ",
            ));
        let inner = block.inner(list);
        frame.render_widget(block, list);
        self.render_list(frame, inner, view);
        self.render_bottom(frame, bottom, view);
    }
}
