//! The MHLW checklist of the open record: items grouped by section and device, answered はい /
//! いいえ with their dates, the vendors' answers beside the hospital's with conflicts marked,
//! hints from the survey and the risk matrix, and how far the record is from ready for the
//! 立入検査.
//!
//! Everything drawn comes from [`ChecklistView`] (the domain), rebuilt when the record changes,
//! never per frame; every change goes through the domain functions the CLI calls
//! (`rules::answer`, `rules::withdraw`, `rules::note`, `vendors::add`, `vendors::remove`).
//!
//! What is typed and not yet recorded — the dates of an answer being entered, a note — is kept
//! in the record's `drafts`, under a [`DraftKey`] (`checklist/mhlw-r7/c3_bcp`). That map already
//! goes to disk with the record (so a draft survives a restart and a cut SSH connection), is
//! left behind when a record is carried to next year, and needs no new record field; and a
//! draft is typing, not an answer, so it stays out of `checklists`, which `show`, the printed
//! form and readiness read. A note written on an item not answered yet stays there too, and is
//! recorded with the answer (a note belongs to a check).

mod answer_form;
mod answering;
mod confirming;
mod form_view;
mod lines;
mod note;
mod offered;
mod open_at;
mod overlaid;
mod print_set;
mod readiness;
mod render;
mod vendors;
mod vendors_confirm;
mod vendors_view;

use crate::domain::checklist::rules;
use crate::domain::checklist::view::{Missing, Row};
use crate::domain::checklist::{ChecklistView, Edition, Editions};
use crate::domain::record::checklist_answers::{EvidenceState, YesNo};
use crate::domain::Clock;
use crate::domain::{Lang, Questionnaire};
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::Command;
use crate::tui::drafts::DraftKey;
use crate::tui::keys::{self, Intent, Pane, Scope};
use crate::tui::screens::overlay::Overlay;
use crate::tui::session::{Refused, Session};
use crate::tui::widgets::note_editor::NoteEditor;
use answer_form::AnswerForm;
use crossterm::event::KeyEvent;
use lines::ListLine;
use overlaid::{ChecklistForm, ChecklistOverlay};
use ratatui::layout::Rect;
use ratatui::Frame;
use vendors::VendorsPanel;

/// What the right-hand pane shows.
enum Panel {
    /// The selected item: its text, answers, vendors, hints.
    Detail,
    /// Readiness and the list of what is missing.
    Readiness,
    Vendors(Box<VendorsPanel>),
}

pub struct Checklist {
    editions: &'static Editions,
    edition: &'static Edition,
    view: ChecklistView<'static>,
    lines: Vec<ListLine>,
    /// Item ids in form order.
    ids: Vec<String>,
    cursor: usize,
    panel: Panel,
    /// What is open over the screen (an answer's form, a note, a vendor's form, a path),
    /// seeing every key first.
    overlay: Option<ChecklistOverlay>,
    /// The clock when the screen opened: its today is the default 確認日.
    clock: Clock,
    /// The inspection set last written from the screen (`w`), or why it was not.
    written: Option<print_set::Written>,
}

fn build(
    editions: &'static Editions,
    edition: &'static Edition,
    session: &Session,
    clock: &Clock,
) -> ChecklistView<'static> {
    // Evidence files are not read from the screen: hashing a large PDF on every change would
    // stall the keyboard. `show` and the printed form look at them.
    ChecklistView::build(
        editions,
        edition,
        &session.record,
        Questionnaire::embedded(),
        clock,
        &|_| EvidenceState::NotChecked,
    )
}

impl Checklist {
    /// Opens on the newest edition shipped, and brings back an answer or a note that was being
    /// typed when the screen was last left.
    pub fn new(session: &Session, _lang: Lang) -> Option<Checklist> {
        let editions = Editions::shipped();
        let edition = editions.newest()?;
        let clock = crate::clock::system();
        let view = build(editions, edition, session, &clock);
        let mut screen = Checklist {
            editions,
            edition,
            lines: lines::lines(&view),
            ids: view.rows().map(|r| r.item.id.clone()).collect(),
            view,
            cursor: 0,
            panel: Panel::Detail,
            overlay: None,
            clock,
            written: None,
        };
        screen.restore(session);
        Some(screen)
    }

    fn rebuild(&mut self, session: &Session) {
        let keep = self.ids.get(self.cursor).cloned();
        self.view = build(self.editions, self.edition, session, &self.clock);
        self.lines = lines::lines(&self.view);
        self.ids = self.view.rows().map(|r| r.item.id.clone()).collect();
        if let Some(i) = keep.and_then(|id| self.ids.iter().position(|x| *x == id)) {
            self.cursor = i;
        }
        self.cursor = self.cursor.min(self.ids.len().saturating_sub(1));
    }

    fn row(&self) -> Option<&Row<'static>> {
        self.view.rows().nth(self.cursor)
    }

    /// Where the typing for one item of this edition waits in the record's drafts.
    fn key_of(&self, item: &str) -> DraftKey {
        DraftKey::checklist(&self.edition.id, item)
    }

    /// A note written on an item before it was answered.
    fn pending_note(&self, session: &Session, item: &str) -> Option<String> {
        self.key_of(item)
            .get(&session.record)
            .and_then(|d| d.note.clone())
    }

    /// Reopens the form or the note that was open when the screen was left.
    fn restore(&mut self, session: &Session) {
        let mut note_to_open = None;
        for (item_id, draft) in DraftKey::checklist_items(&session.record, &self.edition.id) {
            let Some(i) = self.ids.iter().position(|x| x == item_id) else {
                continue;
            };
            let Some(row) = self.view.rows().nth(i) else {
                continue;
            };
            if let Some(form) = draft
                .value
                .as_deref()
                .and_then(|v| AnswerForm::decode(row.item, v, row.latest(), self.clock.today()))
            {
                self.cursor = i;
                self.overlay = Some(Overlay::Form(ChecklistForm::Answer(form)));
                return;
            }
            // On an answered item a draft note is a note being edited when the screen was left.
            if let (Some(n), false, None) = (&draft.note, row.history.is_empty(), &note_to_open) {
                note_to_open = Some((i, row.item.id.clone(), n.clone()));
            }
        }
        if let Some((i, item, text)) = note_to_open {
            self.cursor = i;
            self.overlay = Some(Overlay::Note(
                NoteEditor::open(&text).kept_under(self.key_of(&item)),
            ));
        }
    }

    fn go(&mut self, to: usize) {
        self.cursor = to.min(self.ids.len().saturating_sub(1));
    }

    fn section_step(&mut self, forward: bool) {
        let sections: Vec<u8> = self.view.rows().map(|r| r.item.section).collect();
        let Some(&here) = sections.get(self.cursor) else {
            return;
        };
        let to = if forward {
            sections.iter().position(|s| *s > here)
        } else {
            // The first item of the section before this one.
            let before = sections[..self.cursor].iter().rev().find(|s| **s < here);
            before.and_then(|b| sections.iter().position(|s| s == b))
        };
        if let Some(i) = to {
            self.go(i);
        }
    }

    fn withdraw(&mut self, session: &mut Session, lang: Lang) -> Action {
        let Some(row) = self.row() else {
            return Action::None;
        };
        let (item, label, number) = (
            row.item.id.clone(),
            row.item.printed(lang),
            row.history.len(),
        );
        let (editions, edition) = (self.editions, &self.edition.id);
        match session
            .update(|r| rules::withdraw(editions, r, edition, &item, crate::clock::system().now()))
        {
            Ok(gone) => {
                self.rebuild(session);
                Action::Flash(lang.pick_with(
                    || {
                        format!(
                            "{label}：{number}回目（{} 確認日 {}）を取り消しました",
                            gone.answer.label(lang),
                            gone.checked_on
                        )
                    },
                    || {
                        format!(
                            "{label}: withdrew check {number} ({}, checked {})",
                            gone.answer.label(lang),
                            gone.checked_on
                        )
                    },
                ))
            }
            Err(Refused::ReadOnly(h)) => Action::Flash(Refused::read_only_message(&h, lang)),
            Err(Refused::Rule(e)) => Action::Flash(e.message(lang)),
        }
    }

    /// The editions to switch between: the newest, and those the record has answers to.
    fn switch_edition(&mut self, session: &Session, lang: Lang) -> Action {
        let newest = self.editions.newest().map(|e| e.id.as_str());
        let candidates: Vec<&'static Edition> = self
            .editions
            .all()
            .iter()
            .filter(|e| {
                Some(e.id.as_str()) == newest || session.record.checklists.contains_key(&e.id)
            })
            .collect();
        if candidates.len() < 2 {
            return Action::Flash(
                lang.pick(
                    "他の版への回答はありません（最新の版だけです）",
                    "No answers to another edition (only the newest is shown)",
                )
                .to_string(),
            );
        }
        let here = candidates
            .iter()
            .position(|e| e.id == self.edition.id)
            .unwrap_or(0);
        self.edition = candidates[(here + 1) % candidates.len()];
        self.cursor = 0;
        self.panel = Panel::Detail;
        self.rebuild(session);
        Action::Flash(lang.pick_with(
            || format!("{}を表示しています", self.edition.short_name(lang)),
            || format!("Showing the {}", self.edition.short_name(lang)),
        ))
    }

    fn first_missing(&mut self, lang: Lang) -> Action {
        let first = self.view.readiness.missing.iter().find_map(|m| match m {
            Missing::Item { id, .. } => self.ids.iter().position(|x| x == id),
            Missing::Vendor { .. } => None,
        });
        match first {
            Some(i) => {
                self.go(i);
                Action::None
            }
            None => Action::Flash(
                lang.pick("未完了の項目はありません", "No item is missing anything")
                    .to_string(),
            ),
        }
    }
}

impl Screen for Checklist {
    fn pane(&self) -> Option<Pane> {
        Some(Pane::Checklist)
    }

    fn open_at(&mut self, target: &crate::domain::overview::Target, env: &mut Env) {
        if let Some(session) = env.session.as_deref() {
            self.land(target, session);
        }
    }

    fn scope(&self) -> Scope {
        match (&self.overlay, &self.panel) {
            (Some(overlay), _) => overlay.scope(),
            (None, Panel::Vendors(_)) => Scope::Vendors,
            _ => Scope::Checklist,
        }
    }

    fn title(&self, view: &View) -> String {
        let l = view.lang;
        // The edition as its form is printed (令和7年度版): its id is the handle of files and
        // `--json`, not a word a person reads. The asset's whole title does not fit 80 columns
        // with the read-only mark after it.
        format!(
            "{} {} — {} {}",
            self.view.record,
            self.view.hospital.as_deref().unwrap_or(""),
            l.pick("厚労省チェックリスト", "MHLW checklist"),
            self.edition.short_name(l),
        )
    }

    fn commands(&self, _view: &View) -> Vec<Command> {
        offered::commands(self)
    }

    fn help_extra(&self, lang: Lang) -> Vec<(String, String)> {
        let row = |k: &str, ja: &str, en: &str| (k.to_string(), lang.pick(ja, en).to_string());
        vec![
            row(
                lang.pick("文字", "Letters"),
                "欄では文字はすべて入力に",
                "go into a field, not keys",
            ),
            row(
                keys::shown(Scope::Note, Intent::Back),
                "メモを保存して閉じる",
                "Keep a note and close it",
            ),
            row(
                lang.pick("○ ×", "Y N"),
                "事業者の回答 はい／いいえ",
                "A vendor's yes / no",
            ),
            row(
                "? · !",
                "未返却・空欄・食い違い",
                "not back, blank, conflict",
            ),
        ]
    }

    fn handle_key(&mut self, key: KeyEvent, env: &mut Env) -> Option<Action> {
        let lang = env.lang;
        let session = env.session.as_deref_mut()?;
        if self.overlay.is_some() {
            return self.overlay_key(key, session, env.store, lang);
        }
        if let Panel::Vendors(panel) = &mut self.panel {
            let outcome = panel.handle(key, session, env.store, self.edition, lang);
            return self.vendors_outcome(outcome, session);
        }
        let intent = keys::intent_in(Scope::Checklist, &key)?;
        let action = match intent {
            Intent::Up => {
                self.go(self.cursor.saturating_sub(1));
                Action::None
            }
            Intent::Down => {
                self.go(self.cursor + 1);
                Action::None
            }
            Intent::NextSection | Intent::PrevSection => {
                self.section_step(intent == Intent::NextSection);
                Action::None
            }
            Intent::AnswerYes => self.open_answer(YesNo::Yes, session, lang),
            Intent::AnswerNo => self.open_answer(YesNo::No, session, lang),
            Intent::Withdraw => self.withdraw(session, lang),
            Intent::Confirm => self.confirm_item(session, lang),
            Intent::ConfirmSection => self.confirm_section(session, lang),
            Intent::EditNote => self.open_note(session, lang),
            Intent::FirstUnanswered => self.first_missing(lang),
            Intent::Readiness => {
                self.panel = match self.panel {
                    Panel::Readiness => Panel::Detail,
                    _ => Panel::Readiness,
                };
                Action::None
            }
            Intent::Vendors => {
                self.panel = Panel::Vendors(Box::default());
                Action::None
            }
            Intent::SwitchEdition => self.switch_edition(session, lang),
            Intent::Export => self.open_set(env.store),
            Intent::Back => match self.panel {
                Panel::Detail => Action::Back,
                _ => {
                    self.panel = Panel::Detail;
                    Action::None
                }
            },
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

    /// The record may have changed beneath (vendors added from the contact chart, the survey
    /// answered anew): the view is built again.
    fn resume(&mut self, env: &mut Env) {
        if let Some(session) = env.session.as_deref() {
            self.rebuild(session);
        }
    }

    fn keep_drafts(&mut self, session: &mut Session) {
        self.keep_overlay_draft(session);
    }

    /// ```text
    /// ┌ 項目（一覧）──────────┐┌ 項目の詳細 / 未完了 r / 事業者 v ┐
    /// │ section, device, item ││ answers, vendors, hints          │
    /// │ ▶ the cursor          ││ [the answer form or the note]    │
    /// └ vendors' letters ─────┘└──────────────────────────────────┘
    ///  readiness on one line                       (a path prompt: centred over all)
    /// ```
    /// The regions in full: `render::draw`.
    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        render::draw(self, frame, area, view);
    }
}
