//! The interview: the questionnaire, one question at a time, keyboard only.

use crate::domain::questionnaire::{Kind, Question, Visibility};
use crate::domain::record::Draft;
use crate::domain::{Lang, Questionnaire, Value};
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::Command;
use crate::tui::drafts::DraftKey;
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::screens::overlay::Overlay;
use crate::tui::session::Session;
use crate::tui::widgets::note_editor::NoteEditor;
use crate::tui::widgets::text_field::{FieldKey, TextField};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::Frame;
use Intent as I;
use Scope as S;

mod confirm;
mod offered;
mod overlaid;
mod question;
mod sections;

pub struct Interview {
    /// The question on screen.
    current: String,
    /// The option under the cursor (single and multi).
    cursor: usize,
    /// The options ticked so far (multi), committed with Enter.
    picked: Vec<String>,
    /// The one-line field of a number or text question.
    field: Option<TextField>,
    error: Option<String>,
    info: Option<String>,
    /// What is open over the question (the note, the export), seeing every key first.
    overlay: Option<Overlay>,
}

fn qn() -> &'static Questionnaire {
    Questionnaire::embedded()
}

use question::{numeric_char, typed_form};

impl Interview {
    /// Opens on the question where the record was left, else the first one unanswered, and
    /// brings back what was being typed there.
    pub fn new(session: &Session, _lang: Lang) -> Interview {
        let record = &session.record;
        let start = record
            .resume_at
            .as_deref()
            .and_then(|q| qn().question(q))
            .or_else(|| qn().first_open(record))
            .or_else(|| qn().questions().next())
            .map(|q| q.id.clone())
            .unwrap_or_default();
        let mut screen = Interview {
            current: start.clone(),
            cursor: 0,
            picked: Vec::new(),
            field: None,
            error: None,
            info: None,
            overlay: None,
        };
        screen.load(session);
        screen
    }

    fn question(&self) -> Option<&'static Question> {
        qn().question(&self.current)
    }

    /// Sets up the screen's state for the current question from the record.
    fn load(&mut self, session: &Session) {
        let record = &session.record;
        let Some(q) = self.question() else { return };
        let answer = record.value(&q.id);
        let draft = record.draft(&q.id);
        self.cursor = 0;
        self.picked.clear();
        self.field = None;
        let saved = record.note(&q.id).unwrap_or("");
        self.overlay = draft
            .and_then(|d| d.note.as_deref())
            .map(|n| Overlay::Note(NoteEditor::open(saved).typed(Some(n))));
        self.error = None;
        match q.kind {
            Kind::Single => {
                if let Some(i) = answer
                    .and_then(Value::as_text)
                    .and_then(|a| q.options.iter().position(|o| o.id == a))
                {
                    self.cursor = i;
                }
            }
            Kind::Multi => {
                self.picked = answer
                    .map(|v| v.choices().iter().map(|s| s.to_string()).collect())
                    .unwrap_or_default();
            }
            Kind::Int | Kind::Amount | Kind::Text => {
                let text = draft
                    .and_then(|d| d.value.clone())
                    .unwrap_or_else(|| typed_form(answer));
                self.field = Some(TextField::single(&text));
            }
        }
    }

    fn go_to(&mut self, id: &str, session: &mut Session) {
        self.keep_drafts(session);
        self.current = id.to_string();
        session.set_resume_at(id);
        self.load(session);
    }

    /// The next (or previous) question that is asked of this record.
    fn step(&self, session: &Session, forward: bool) -> Option<String> {
        let all: Vec<&Question> = qn().questions().collect();
        let here = all.iter().position(|q| q.id == self.current)?;
        let visible = |q: &&&Question| qn().visible(q, &session.record);
        if forward {
            all[here + 1..].iter().find(visible).map(|q| q.id.clone())
        } else {
            all[..here].iter().rev().find(visible).map(|q| q.id.clone())
        }
    }

    fn section_step(&self, session: &Session, forward: bool) -> Option<String> {
        let sections = &qn().sections;
        let here = sections
            .iter()
            .position(|s| s.questions.iter().any(|q| q.id == self.current))?;
        let candidates: Box<dyn Iterator<Item = _>> = if forward {
            Box::new(sections.iter().skip(here + 1))
        } else {
            Box::new(sections[..here].iter().rev())
        };
        for s in candidates {
            if let Some(q) = s
                .questions
                .iter()
                .find(|q| qn().visible(q, &session.record))
            {
                return Some(q.id.clone());
            }
        }
        None
    }

    fn advance(&mut self, session: &mut Session, lang: Lang) {
        match self.step(session, true) {
            Some(next) => self.go_to(&next, session),
            None => {
                self.info = Some(match qn().first_unanswered(&session.record) {
                    None => lang
                        .pick(
                            "すべての質問に回答しました。",
                            "Every question is answered.",
                        )
                        .to_string(),
                    Some(q) => lang.pick_with(
                        || {
                            format!(
                                "最後の質問です。未回答が残っています（g で問{}へ）",
                                qn().number(&q.id).unwrap_or(0)
                            )
                        },
                        || {
                            format!(
                                "That was the last question; some are unanswered (g goes to Q{})",
                                qn().number(&q.id).unwrap_or(0)
                            )
                        },
                    ),
                });
            }
        }
    }

    /// Commits an answer and, when it was accepted, says what skip logic did and moves on.
    fn commit(&mut self, session: &mut Session, value: Option<Value>, lang: Lang) {
        let before: Vec<String> = self.hidden_ids(session);
        match session.answer(&self.current, value) {
            Ok(()) => {
                let after = self.hidden_ids(session);
                let newly = after.iter().filter(|q| !before.contains(q)).count();
                let back = before.iter().filter(|q| !after.contains(q)).count();
                self.error = None;
                self.info = if newly > 0 {
                    Some(lang.pick_with(
                        || format!("この回答で{newly}問が対象外になりました（回答は保持）"),
                        || {
                            format!(
                                "This answer skips {newly} question(s) (their answers are kept)"
                            )
                        },
                    ))
                } else if back > 0 {
                    Some(lang.pick_with(
                        || format!("この回答で{back}問が対象になりました"),
                        || format!("This answer brings {back} question(s) in"),
                    ))
                } else {
                    None
                };
                self.advance(session, lang);
            }
            Err(refusal) => self.error = Some(refusal.message(lang)),
        }
    }

    /// Questions skipped by an answer (not those still waiting on an unanswered gate).
    fn hidden_ids(&self, session: &Session) -> Vec<String> {
        qn().questions()
            .filter(|q| {
                matches!(
                    qn().visibility(q, &session.record),
                    Visibility::Hidden { .. }
                )
            })
            .map(|q| q.id.clone())
            .collect()
    }

    /// Ticks an option of a multiple choice, unless the record is read-only: the tick would
    /// show on screen as if taken, and only Enter would say it cannot be kept.
    fn tick(&mut self, index: usize, session: &Session, lang: Lang) {
        match session.read_only_message(lang) {
            Some(why) => self.error = Some(why),
            None => self.toggle(index),
        }
    }

    fn toggle(&mut self, index: usize) {
        let Some(q) = self.question() else { return };
        let Some(o) = q.options.get(index) else {
            return;
        };
        if let Some(p) = self.picked.iter().position(|p| *p == o.id) {
            self.picked.remove(p);
        } else {
            // An exclusive option (`none`) and the others rule each other out as they are ticked.
            if o.exclusive {
                self.picked.clear();
            } else {
                self.picked
                    .retain(|p| q.option(p).is_none_or(|x| !x.exclusive));
            }
            self.picked.push(o.id.clone());
        }
    }

    fn submit_field(&mut self, session: &mut Session, lang: Lang) {
        let Some(q) = self.question() else { return };
        let text = self.field.as_ref().map(|f| f.text()).unwrap_or_default();
        if text.trim().is_empty() {
            if q.optional {
                self.commit(session, None, lang);
            } else {
                self.error = Some(
                    lang.pick(
                        "入力してください（飛ばすときは Tab）",
                        "Type an answer (Tab skips the question)",
                    )
                    .to_string(),
                );
            }
            return;
        }
        match session.answer_typed(&q.id, &text) {
            Ok(()) => {
                self.error = None;
                self.info = None;
                self.advance(session, lang);
            }
            // The value stays in the field for correction.
            Err(refusal) => self.error = Some(refusal.message(lang)),
        }
    }

    /// The note being written, if one is open.
    fn intent(&mut self, intent: Intent, session: &mut Session, lang: Lang) -> Option<Action> {
        let q = self.question()?;
        match intent {
            Intent::Up => self.cursor = self.cursor.saturating_sub(1),
            Intent::Down => self.cursor = (self.cursor + 1).min(q.options.len().saturating_sub(1)),
            Intent::Pick => match q.kind {
                Kind::Single => {
                    let id = q.options.get(self.cursor)?.id.clone();
                    self.commit(session, Some(Value::Text(id)), lang);
                }
                Kind::Multi => {
                    if self.picked.is_empty() {
                        self.error = Some(
                            lang.pick(
                                "Space で1つ以上選んでから Enter",
                                "Tick at least one option with Space, then Enter",
                            )
                            .to_string(),
                        );
                    } else {
                        let picked = self.picked.clone();
                        self.commit(session, Some(Value::Choices(picked)), lang);
                    }
                }
                _ => self.submit_field(session, lang),
            },
            Intent::Toggle if q.kind == Kind::Multi => self.tick(self.cursor, session, lang),
            Intent::NextQuestion => {
                self.info = None;
                if let Some(next) = self.step(session, true) {
                    self.go_to(&next, session);
                }
            }
            Intent::PrevQuestion => {
                self.info = None;
                if let Some(prev) = self.step(session, false) {
                    self.go_to(&prev, session);
                }
            }
            Intent::NextSection | Intent::PrevSection => {
                self.info = None;
                if let Some(q) = self.section_step(session, intent == Intent::NextSection) {
                    self.go_to(&q, session);
                }
            }
            Intent::FirstUnanswered => match qn().first_open(&session.record) {
                Some(q) => {
                    let id = q.id.clone();
                    self.info = None;
                    self.go_to(&id, session);
                }
                None => {
                    self.info = Some(
                        lang.pick("未回答の質問はありません", "No question is unanswered")
                            .to_string(),
                    )
                }
            },
            Intent::EditNote => {
                // Read-only, the note opens to be read: what is typed next goes to the box (which
                // says 読み取り専用), never to the screen as commands.
                let existing = session.record.note(&self.current).unwrap_or("").to_string();
                let editor = NoteEditor::open(&existing);
                self.overlay = Some(Overlay::Note(match session.read_only_message(lang) {
                    Some(why) => {
                        self.error = Some(why);
                        editor.read_only()
                    }
                    None => editor,
                }));
            }
            Intent::ConfirmSection => self.confirm_section(session, lang),
            Intent::Confirm => match session.confirm(&self.current) {
                Ok(true) => self.advance(session, lang),
                Ok(false) => {
                    self.info = Some(
                        lang.pick(
                            "確認が必要な昨年の回答ではありません",
                            "Not an answer carried from last year",
                        )
                        .to_string(),
                    )
                }
                Err(r) => self.error = Some(r.message(lang)),
            },
            Intent::Back => return Some(Action::Back),
            Intent::Quit => return Some(Action::Quit),
            _ => return None,
        }
        Some(Action::None)
    }
}

impl Screen for Interview {
    fn pane(&self) -> Option<crate::tui::keys::Pane> {
        Some(crate::tui::keys::Pane::Interview)
    }

    fn scope(&self) -> Scope {
        self.overlay
            .as_ref()
            .map_or(Scope::Interview, Overlay::scope)
    }

    fn title(&self, view: &View) -> String {
        let Some(s) = view.session else {
            return String::new();
        };
        let p = qn().progress(&s.record);
        // Carried answers are not progress: the count says how many wait to be confirmed.
        let carried = match p.carried {
            0 => String::new(),
            n => view.lang.pick_with(
                || format!("（昨年から未確認 {n}）"),
                || format!(" ({n} carried, to confirm)"),
            ),
        };
        format!(
            "{} {} — {} {}%{carried}",
            s.record.id,
            s.record.hospital_name().unwrap_or(""),
            view.lang.pick("面談", "interview"),
            p.percent()
        )
    }

    fn commands(&self, view: &View) -> Vec<Command> {
        self.offered(view.session)
    }

    fn help_extra(&self, lang: Lang) -> Vec<(String, String)> {
        self.help_rows(lang)
    }

    fn handle_key(&mut self, key: KeyEvent, env: &mut Env) -> Option<Action> {
        if self.overlay.is_some() {
            self.info = None;
            return self.overlay_key(key, env);
        }
        let lang = env.lang;
        // Alt-e exports even from inside a field, where a plain e is typed.
        if keys::intent_in(S::Typing, &key) == Some(I::Export) {
            if let Some(s) = env.session.as_deref() {
                self.open_export(s, env.store);
                return Some(Action::None);
            }
        }
        let session = env.session.as_deref_mut()?;
        self.info = None;
        let q = self.question()?;
        // Confirming works from inside a field too, on keys no field types (Ctrl-Y, F2, F3):
        // a printable `y` would go into a text answer.
        // They are offered only where something is carried, and do nothing elsewhere.
        if let Some(intent @ (I::Confirm | I::ConfirmSection)) = keys::intent_in(S::Typing, &key) {
            let (here, section) = self.carried_here(session);
            if (intent == I::Confirm && here) || (intent == I::ConfirmSection && section) {
                return self.intent(intent, session, lang);
            }
            return Some(Action::None);
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && keys::intent_in(S::Interview, &key) == Some(I::EditNote) {
            return self.intent(Intent::EditNote, session, lang);
        }
        if let Some(field) = self.field.as_mut() {
            let to_field = match key.code {
                KeyCode::Char(c) if !ctrl => q.kind == Kind::Text || numeric_char(c),
                KeyCode::F(_)
                | KeyCode::Tab
                | KeyCode::BackTab
                | KeyCode::PageUp
                | KeyCode::PageDown => false,
                _ => true,
            };
            if to_field {
                match field.handle(key) {
                    FieldKey::Submit => {
                        self.submit_field(session, lang);
                        return Some(Action::None);
                    }
                    FieldKey::Cancel => return Some(Action::Back),
                    FieldKey::Edited | FieldKey::Keep => {
                        self.error = None;
                        return Some(Action::None);
                    }
                    FieldKey::Pass => {}
                }
            }
        }
        if let (Some(I::Choose), KeyCode::Char(c)) = (keys::intent_in(S::Choices, &key), key.code) {
            if matches!(q.kind, Kind::Single | Kind::Multi) {
                let index = (c as u8 - b'1') as usize;
                if index < q.options.len() {
                    self.cursor = index;
                    if q.kind == Kind::Single {
                        let id = q.options[index].id.clone();
                        self.commit(session, Some(Value::Text(id)), lang);
                    } else {
                        self.tick(index, session, lang);
                    }
                    return Some(Action::None);
                }
            }
        }
        let intent = keys::intent(Scope::Interview, &key)?;
        // `y` and `Y` confirm only where no text is typed; in a number field they do nothing.
        if self.field.is_some() && matches!(intent, I::Confirm | I::ConfirmSection) {
            return Some(Action::None);
        }
        if intent == I::Export {
            self.open_export(session, env.store);
            return Some(Action::None);
        }
        self.intent(intent, session, lang)
    }

    fn open_at(&mut self, target: &crate::domain::overview::Target, env: &mut Env) {
        use crate::domain::overview::Target;
        let Some(s) = env.session.as_deref_mut() else {
            return;
        };
        let id = match target {
            Target::Question { id } => qn().question(id).map(|q| q.id.clone()),
            // What was carried: the first answer still to confirm (or to give).
            Target::Carried => qn().first_open(&s.record).map(|q| q.id.clone()),
            _ => None,
        };
        if let Some(id) = id {
            self.go_to(&id, s);
        }
    }

    fn handle_paste(&mut self, text: &str, _env: &mut Env) -> Action {
        if let Some(overlay) = self.overlay.as_mut() {
            overlay.paste(text);
        } else if let Some(field) = self.field.as_mut() {
            field.paste(text);
        }
        Action::None
    }

    /// Moves the field's text and the open note into the record's drafts.
    fn keep_drafts(&mut self, session: &mut Session) {
        if self.current.is_empty() {
            return;
        }
        let committed = typed_form(session.record.value(&self.current));
        let value = self
            .field
            .as_ref()
            .map(|f| f.text())
            .filter(|t| !t.trim().is_empty() && *t != committed);
        let note = self.note().map(|n| n.text());
        session.set_draft(
            &DraftKey::Question(self.current.clone()),
            Draft { value, note },
        );
    }

    /// ```text
    /// ┌ 節 ──────────────┐┌ 問7/22 · 脆弱性への対応 ───────────────────┐
    /// │▶ 基本情報    4/4 ││ NISCや厚労省が脆弱性を指摘したVPN製品を…    │
    /// │  脆弱性      1/3 ││ ▶ 1 ● 使用している                         │
    /// │  …               ││   2 ○ 使用していない                       │
    /// │ この節の質問      ││ 回答: … / エラー / メモ / ヒント           │
    /// └──────────────────┘└────────────────────────────────────────────┘
    /// ```
    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let Some(session) = view.session else { return };
        let left_w = (area.width / 3).clamp(22, 30);
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_w), Constraint::Fill(1)]).areas(area);
        self.render_sections(frame, left, view, session);
        self.render_question(frame, right, view, session);
        if let Some(overlay) = &self.overlay {
            overlay.render_prompt(frame, area, view);
        }
    }
}
