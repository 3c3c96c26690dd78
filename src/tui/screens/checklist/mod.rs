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
//! in the record's `drafts`, under [`draft_key`] (`checklist/mhlw-r7/c3_bcp`). That map already
//! goes to disk with the record (so a draft survives a restart and a cut SSH connection), is
//! left behind when a record is carried to next year, and needs no new record field; and a
//! draft is typing, not an answer, so it stays out of `checklists`, which `show`, the printed
//! form and readiness read. A note written on an item not answered yet stays there too, and is
//! recorded with the answer (a note belongs to a check).

mod answer_form;
mod lines;
mod render;
mod vendors;

use crate::domain::checklist::answers::{EvidenceState, YesNo};
use crate::domain::checklist::rules;
use crate::domain::checklist::view::{Missing, Row};
use crate::domain::checklist::{ChecklistView, Edition, Editions, Item};
use crate::domain::record::Draft;
use crate::domain::Clock;
use crate::domain::{Lang, Questionnaire};
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::{confirm_commands, note_commands, Command};
use crate::tui::keys::{self, Intent, Pane, Scope};
use crate::tui::session::{Refusal, Refused, Session};
use crate::tui::widgets::text_field::{FieldKey, TextField};
use answer_form::AnswerForm;
use crossterm::event::{KeyCode, KeyEvent};
use lines::ListLine;
use ratatui::layout::Rect;
use ratatui::Frame;
use vendors::{Outcome, VendorsPanel};
use Command as C;
use Intent as I;
use Scope as S;

/// Where the typing for one item of one edition is kept in the record's drafts.
pub fn draft_key(edition: &str, item: &str) -> String {
    format!("checklist/{edition}/{item}")
}

/// What the right-hand pane shows.
enum Panel {
    /// The selected item: its text, answers, vendors, hints.
    Detail,
    /// Readiness and the list of what is missing.
    Readiness,
    Vendors(Box<VendorsPanel>),
}

/// Something being typed. The screen holds at most one, so its size does not matter.
#[allow(clippy::large_enum_variant)]
enum Edit {
    Answer(AnswerForm),
    Note { item: String, field: TextField },
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
    edit: Option<Edit>,
    /// The clock when the screen opened: its today is the default 確認日.
    clock: Clock,
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
            edit: None,
            clock,
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

    fn key_of(&self, item: &str) -> String {
        draft_key(&self.edition.id, item)
    }

    /// A note written on an item before it was answered.
    fn pending_note(&self, session: &Session, item: &str) -> Option<String> {
        session
            .record
            .draft(&self.key_of(item))
            .and_then(|d| d.note.clone())
    }

    /// Reopens the form or the note that was open when the screen was left.
    fn restore(&mut self, session: &Session) {
        let prefix = draft_key(&self.edition.id, "");
        let mut note_to_open = None;
        for (key, draft) in session.record.drafts.range(prefix.clone()..) {
            let Some(item_id) = key.strip_prefix(&prefix) else {
                break;
            };
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
                self.edit = Some(Edit::Answer(form));
                return;
            }
            // On an answered item a draft note is a note being edited when the screen was left.
            if let (Some(n), false, None) = (&draft.note, row.history.is_empty(), &note_to_open) {
                note_to_open = Some((i, row.item.id.clone(), n.clone()));
            }
        }
        if let Some((i, item, text)) = note_to_open {
            self.cursor = i;
            self.edit = Some(Edit::Note {
                item,
                field: TextField::multi(&text),
            });
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

    fn open_answer(&mut self, answer: YesNo, session: &Session, lang: Lang) -> Action {
        if let Some(msg) = session.read_only_message(lang) {
            return Action::Flash(msg);
        }
        let Some(row) = self.row() else {
            return Action::None;
        };
        let form = AnswerForm::open(row.item, answer, row.latest(), self.clock.today());
        self.edit = Some(Edit::Answer(form));
        Action::None
    }

    /// Records the answer being entered, after every rule of the domain; on success the cursor
    /// moves to the next item, so that a hospital goes down its form with y Enter, n date Enter…
    fn save_answer(&mut self, session: &mut Session, lang: Lang) -> Action {
        let Some(Edit::Answer(form)) = self.edit.as_mut() else {
            return Action::None;
        };
        let Some(row) = self.view.row(&form.item) else {
            return Action::None;
        };
        let item: &'static Item = row.item;
        let latest = row.latest().cloned();
        let key = draft_key(&self.edition.id, &item.id);
        let pending = session.record.draft(&key).and_then(|d| d.note.clone());
        let mut input = match form.input(item, None, None) {
            Ok(i) => i,
            Err(e) => {
                form.refuse(e);
                return Action::None;
            }
        };
        // Correcting the latest check (same day) keeps its note and evidence; a new check starts
        // with the note written beforehand, if any.
        let same_day = latest.filter(|l| l.checked_on == input.checked_on);
        input.note = pending.or_else(|| same_day.as_ref().and_then(|l| l.note.clone()));
        input.evidence = same_day.and_then(|l| l.evidence);
        let (editions, edition, today) = (self.editions, &self.edition.id, self.clock.today());
        let done = session.update(|r| {
            let done = rules::answer(
                editions,
                r,
                edition,
                &item.id,
                input.clone(),
                today,
                crate::clock::system().now(),
            )?;
            r.set_draft(&key, Draft::default());
            Ok(done)
        });
        match done {
            Ok(done) => {
                self.edit = None;
                self.rebuild(session);
                self.go(self.cursor + 1);
                let mut msg = String::new();
                if let Some(c) = &done.carried {
                    msg.push_str(lang.pick(
                        &format!("{} の回答を引き継ぎました。", c.from),
                        &format!("Answers carried from {}. ", c.from),
                    ));
                }
                msg.push_str(&format!(
                    "{} {}  {} {}",
                    item.label(),
                    input.answer.label(lang),
                    lang.pick("確認日", "checked"),
                    input.checked_on
                ));
                if let Some(t) = input.target_on {
                    msg.push_str(&format!("  {} {t}", lang.pick("目標日", "target")));
                }
                msg.push_str(&if done.corrected {
                    lang.pick(
                        &format!("（{}回目を訂正）", done.number),
                        &format!(" (check {} corrected)", done.number),
                    )
                    .to_string()
                } else {
                    lang.pick(
                        &format!("（{}回目）", done.number),
                        &format!(" (check {})", done.number),
                    )
                    .to_string()
                });
                Action::Flash(msg)
            }
            Err(Refused::ReadOnly(h)) => {
                self.edit = None;
                Action::Flash(Refusal::ReadOnly(h).message(lang))
            }
            Err(Refused::Rule(e)) => {
                if let Some(Edit::Answer(form)) = self.edit.as_mut() {
                    form.refuse(e);
                }
                Action::None
            }
        }
    }

    fn cancel_answer(&mut self, session: &mut Session) {
        if let Some(Edit::Answer(form)) = self.edit.take() {
            let key = self.key_of(&form.item);
            let note = self.pending_note(session, &form.item);
            session.set_draft(&key, Draft { value: None, note });
        }
    }

    fn withdraw(&mut self, session: &mut Session, lang: Lang) -> Action {
        let Some(row) = self.row() else {
            return Action::None;
        };
        let (item, label, number) = (
            row.item.id.clone(),
            row.item.label().to_string(),
            row.history.len(),
        );
        let (editions, edition) = (self.editions, &self.edition.id);
        match session
            .update(|r| rules::withdraw(editions, r, edition, &item, crate::clock::system().now()))
        {
            Ok(gone) => {
                self.rebuild(session);
                Action::Flash(
                    lang.pick(
                        &format!(
                            "{label}：{number}回目（{} 確認日 {}）を取り消しました",
                            gone.answer.label(lang),
                            gone.checked_on
                        ),
                        &format!(
                            "{label}: withdrew check {number} ({}, checked {})",
                            gone.answer.label(lang),
                            gone.checked_on
                        ),
                    )
                    .to_string(),
                )
            }
            Err(Refused::ReadOnly(h)) => Action::Flash(Refusal::ReadOnly(h).message(lang)),
            Err(Refused::Rule(e)) => Action::Flash(e.message(lang)),
        }
    }

    fn open_note(&mut self, session: &Session, lang: Lang) -> Action {
        if let Some(msg) = session.read_only_message(lang) {
            return Action::Flash(msg);
        }
        let Some(row) = self.row() else {
            return Action::None;
        };
        let item = row.item.id.clone();
        let text = self
            .pending_note(session, &item)
            .or_else(|| row.latest().and_then(|l| l.note.clone()))
            .unwrap_or_default();
        self.edit = Some(Edit::Note {
            item,
            field: TextField::multi(&text),
        });
        Action::None
    }

    /// Keeps the note: on the latest check of an answered item, else as a draft recorded with
    /// the answer.
    fn keep_note(&mut self, session: &mut Session, lang: Lang) -> Action {
        let Some(Edit::Note { item, field }) = &self.edit else {
            return Action::None;
        };
        let (item, text) = (item.clone(), field.text());
        let key = self.key_of(&item);
        let answered = self.view.row(&item).is_some_and(|r| !r.history.is_empty());
        let draft_value = session.record.draft(&key).and_then(|d| d.value.clone());
        if answered {
            let (editions, edition) = (self.editions, &self.edition.id);
            match session.update(|r| {
                rules::note(
                    editions,
                    r,
                    edition,
                    &item,
                    &text,
                    crate::clock::system().now(),
                )?;
                r.set_draft(
                    &key,
                    Draft {
                        value: draft_value,
                        note: None,
                    },
                );
                Ok::<(), rules::ChecklistError>(())
            }) {
                Ok(()) => {
                    self.edit = None;
                    self.rebuild(session);
                    Action::Flash(lang.pick("メモを保存しました", "Note kept").to_string())
                }
                Err(Refused::ReadOnly(h)) => {
                    self.edit = None;
                    Action::Flash(Refusal::ReadOnly(h).message(lang))
                }
                Err(Refused::Rule(e)) => Action::Flash(e.message(lang)),
            }
        } else {
            if let Err(e) = rules::check_note(&text) {
                return Action::Flash(e.message(lang));
            }
            let note = (!text.trim().is_empty()).then(|| text.trim_end().to_string());
            session.set_draft(
                &key,
                Draft {
                    value: draft_value,
                    note,
                },
            );
            session.flush();
            self.edit = None;
            Action::Flash(
                lang.pick(
                    "メモを下書きとして保存しました：回答（y/n）と一緒に記録されます",
                    "Note kept as a draft: it is recorded with the answer (y/n)",
                )
                .to_string(),
            )
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
        Action::Flash(
            lang.pick(
                &format!(
                    "{}（{}）を表示しています",
                    self.edition.short_name(lang),
                    self.edition.id
                ),
                &format!(
                    "Showing the {} ({})",
                    self.edition.short_name(lang),
                    self.edition.id
                ),
            )
            .to_string(),
        )
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

    fn answer_key(&mut self, key: KeyEvent, session: &mut Session, lang: Lang) -> Option<Action> {
        if matches!(key.code, KeyCode::F(_)) {
            return None;
        }
        match keys::intent_in(Scope::Fields, &key) {
            Some(Intent::Pick) => return Some(self.save_answer(session, lang)),
            Some(Intent::Back) => self.cancel_answer(session),
            Some(Intent::NextQuestion | Intent::PrevQuestion) => {
                if let Some(Edit::Answer(form)) = self.edit.as_mut() {
                    form.switch_field();
                }
            }
            _ => {
                if let Some(Edit::Answer(form)) = self.edit.as_mut() {
                    if let Some(item) = self.edition.item(&form.item) {
                        form.edit(key, item);
                    }
                }
            }
        }
        Some(Action::None)
    }

    fn note_key(&mut self, key: KeyEvent, session: &mut Session, lang: Lang) -> Option<Action> {
        if matches!(key.code, KeyCode::F(_)) {
            return None;
        }
        let Some(Edit::Note { field, .. }) = self.edit.as_mut() else {
            return None;
        };
        match field.handle(key) {
            FieldKey::Keep => Some(self.keep_note(session, lang)),
            _ => Some(Action::None),
        }
    }
}

impl Screen for Checklist {
    fn pane(&self) -> Option<Pane> {
        Some(Pane::Checklist)
    }

    fn scope(&self) -> Scope {
        match (&self.edit, &self.panel) {
            (Some(Edit::Answer(_)), _) => Scope::Fields,
            (Some(Edit::Note { .. }), _) => Scope::Note,
            (None, Panel::Vendors(p)) => p.scope(),
            _ => Scope::Checklist,
        }
    }

    fn title(&self, view: &View) -> String {
        let l = view.lang;
        format!(
            "{} {} — {} {} ({})",
            self.view.record,
            self.view.hospital.as_deref().unwrap_or(""),
            l.pick("厚労省チェックリスト", "MHLW checklist"),
            self.edition.short_name(l),
            self.edition.id
        )
    }

    fn commands(&self, _view: &View) -> Vec<Command> {
        match (&self.edit, &self.panel) {
            (Some(Edit::Answer(_)), _) => vec![
                C::of(S::Fields, I::Pick).label("保存", "save"),
                C::of(S::Fields, I::NextQuestion)
                    .keys("Tab")
                    .label("日付の欄", "date field"),
                C::of(S::Fields, I::Back).label("取り消す", "cancel"),
                C::of(S::Global, I::Help).keys("F1"),
            ],
            (Some(Edit::Note { .. }), _) => note_commands(),
            (None, Panel::Vendors(v)) if v.add.is_some() => vec![
                C::of(S::Fields, I::Pick).label("次の欄／追加", "next field / add"),
                C::of(S::Fields, I::NextQuestion)
                    .keys("Tab")
                    .label("欄", "field"),
                C::of(S::Fields, I::Back).label("取り消す", "cancel"),
            ],
            (None, Panel::Vendors(v)) if v.confirm => {
                confirm_commands("削除する", "remove", "keep it")
            }
            (None, Panel::Vendors(_)) => vec![
                C::of(S::Vendors, I::New).label("追加", "add"),
                C::of(S::Vendors, I::Delete).label("削除", "remove"),
                C::of(S::Vendors, I::Up).keys("↑↓").label("選択", "move"),
                C::of(S::Vendors, I::Back)
                    .keys("Esc")
                    .label("項目へ", "items"),
            ],
            (None, _) => vec![
                C::of(S::Checklist, I::AnswerYes).label("はい", "yes"),
                C::of(S::Checklist, I::AnswerNo).label("いいえ", "no"),
                C::of(S::Checklist, I::Withdraw).label("取消", "undo"),
                C::of(S::Checklist, I::EditNote)
                    .keys("e")
                    .label("メモ", "note"),
                C::of(S::Checklist, I::Readiness).label("未完了", "missing"),
                C::of(S::Checklist, I::Vendors).label("事業者", "vendors"),
                C::of(S::Global, I::Help).keys("?"),
                C::of(S::Checklist, I::Back).label("戻る", "back"),
            ],
        }
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
        match self.edit {
            Some(Edit::Answer(_)) => return self.answer_key(key, session, lang),
            Some(Edit::Note { .. }) => return self.note_key(key, session, lang),
            None => {}
        }
        if let Panel::Vendors(panel) = &mut self.panel {
            return match panel.handle(key, session, lang) {
                Outcome::NotTaken => None,
                Outcome::Taken => Some(Action::None),
                Outcome::Changed(msg) => {
                    self.rebuild(session);
                    Some(Action::Flash(msg))
                }
                Outcome::Refused(msg) => Some(Action::Flash(msg)),
                Outcome::Close => {
                    self.panel = Panel::Detail;
                    Some(Action::None)
                }
            };
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
        match self.edit.as_mut() {
            Some(Edit::Answer(form)) => {
                if let Some(item) = self.edition.item(&form.item) {
                    form.paste(text, item);
                }
            }
            Some(Edit::Note { field, .. }) => field.paste(text),
            None => {
                if let Panel::Vendors(p) = &mut self.panel {
                    p.paste(text);
                }
            }
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
        let Some(edit) = &self.edit else { return };
        let (item, draft) = match edit {
            Edit::Answer(form) => (
                &form.item,
                Draft {
                    value: Some(form.encode()),
                    note: self.pending_note(session, &form.item),
                },
            ),
            Edit::Note { item, field } => {
                let value = session
                    .record
                    .draft(&self.key_of(item))
                    .and_then(|d| d.value.clone());
                (
                    item,
                    Draft {
                        value,
                        note: Some(field.text()),
                    },
                )
            }
        };
        session.set_draft(&self.key_of(item), draft);
    }

    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        render::draw(self, frame, area, view);
    }
}
