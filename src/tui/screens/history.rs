//! Last year beside this year: what changed in the answers, and which indicators improved or
//! worsened (`shindan diff` on screen).

use crate::domain::history::{self, Direction, RecordDiff};
use crate::domain::{IndicatorValue, Lang, Questionnaire};
use crate::text::{pad, truncate, width as width_of, wrap};
use crate::tui::app::{Action, Env, Screen, View};
use crate::tui::commands::Command;
use crate::tui::keys::{self, Intent, Pane, Scope};
use crate::tui::session::Session;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;
use Command as C;
use Intent as I;
use Scope as S;

pub struct History {
    /// The comparison, or why there is none.
    diff: Result<RecordDiff, String>,
    scroll: usize,
}

impl History {
    pub fn new(session: &Session, lang: Lang) -> History {
        History {
            diff: compare(session, lang),
            scroll: 0,
        }
    }
}

fn compare(session: &Session, lang: Lang) -> Result<RecordDiff, String> {
    let record = &session.record;
    let Some(prev) = &record.previous else {
        return Err(lang
            .pick(
                "この記録は前年の記録からのコピーではないため、比べる記録がありません（一覧の c で前年の記録を新しい年度にコピーすると、ここで比べられます）。",
                "This record was not copied from an earlier one, so there is nothing to compare with (copy last year's record with c on the list to compare here).",
            )
            .to_string());
    };
    let before = session.load_other(prev).map_err(|e| {
        lang.pick_with(
            || format!("前年の記録 {prev} を読めません：{e}"),
            || format!("cannot read last year's record {prev}: {e}"),
        )
    })?;
    Ok(history::diff(
        Questionnaire::embedded(),
        &before,
        record,
        lang,
    ))
}

fn value_label(v: IndicatorValue, lang: Lang) -> &'static str {
    crate::domain::position::value_label(v, lang)
}

impl History {
    /// The lines to show, computed from the comparison.
    fn lines(&self, lang: Lang, width: usize, view: &View) -> Vec<Line<'static>> {
        let t = &view.theme;
        let qn = Questionnaire::embedded();
        let d = match &self.diff {
            Ok(d) => d,
            Err(why) => return wrap(why, width).into_iter().map(Line::raw).collect(),
        };
        let mut lines = vec![Line::styled(
            format!("{} → {}", d.before, d.after),
            t.heading(),
        )];
        if d.is_empty() {
            lines.push(Line::raw(
                lang.pick("変わったところはありません。", "Nothing changed.")
                    .to_string(),
            ));
            return lines;
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            lang.pick("指標", "Indicators").to_string(),
            t.heading(),
        ));
        if d.indicators.is_empty() {
            lines.push(Line::raw(
                lang.pick("  変化なし", "  no change").to_string(),
            ));
        }
        for c in &d.indicators {
            let (mark, style) = match c.direction {
                Direction::Improved => (lang.pick("改善", "better"), t.ok()),
                Direction::Worsened => (lang.pick("悪化", "worse"), t.error()),
                Direction::Changed => (lang.pick("変化", "changed"), t.base()),
            };
            let label = qn
                .indicator(&c.id)
                .map(|i| i.text.get(lang))
                .unwrap_or(&c.id);
            let text = format!(
                "{label}: {} → {}",
                value_label(c.before, lang),
                value_label(c.after, lang)
            );
            for (i, l) in wrap(&text, width.saturating_sub(9)).into_iter().enumerate() {
                let head = if i == 0 {
                    format!("  [{mark}] ")
                } else {
                    "         ".into()
                };
                lines.push(Line::from(vec![Span::styled(head, style), Span::raw(l)]));
            }
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            lang.pick("回答", "Answers").to_string(),
            t.heading(),
        ));
        let none = lang.pick("（なし）", "(none)");
        for c in &d.answers {
            let q = qn
                .question(&c.question)
                .map(|q| q.text.get(lang))
                .unwrap_or(&c.question);
            lines.push(Line::raw(truncate(&format!("  {q}"), width)));
            let change = format!(
                "{} → {}",
                c.before.as_deref().unwrap_or(none),
                c.after.as_deref().unwrap_or(none)
            );
            for l in wrap(&change, width.saturating_sub(6)) {
                lines.push(Line::styled(format!("      {l}"), t.accent()));
            }
        }
        if !d.notes.is_empty() {
            lines.push(Line::raw(""));
            lines.push(Line::raw(truncate(
                &format!(
                    "{}: {}",
                    lang.pick("メモが変わった質問", "Notes changed"),
                    d.notes.join(", ")
                ),
                width,
            )));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            lang.pick(
                "網羅率（提言2）と予算の差額（提言1）",
                "Coverage (proposal 2), budget gap (proposal 1)",
            )
            .to_string(),
            t.heading(),
        ));
        // Label, change and a word for the direction, so colour is never the only sign.
        let label_w = (width / 3).clamp(12, 28);
        for r in d.figure_rows(lang) {
            let (mark, style) = match r.direction {
                Some(Direction::Improved) => (lang.pick(" [改善]", " [better]"), t.ok()),
                Some(Direction::Worsened) => (lang.pick(" [悪化]", " [worse]"), t.error()),
                _ => ("", t.base()),
            };
            let head = format!("  {}", pad(&truncate(&r.label, label_w), label_w));
            let room = width.saturating_sub(width_of(&head) + width_of(mark));
            lines.push(Line::from(vec![
                Span::raw(head),
                Span::raw(truncate(&r.change, room)),
                Span::styled(mark.to_string(), style),
            ]));
        }
        lines
    }
}

impl Screen for History {
    fn scope(&self) -> Scope {
        Scope::History
    }

    fn pane(&self) -> Option<Pane> {
        Some(Pane::History)
    }

    fn title(&self, view: &View) -> String {
        let name = view
            .session
            .and_then(|s| s.record.hospital_name())
            .unwrap_or("");
        format!(
            "{name} — {}",
            view.lang.pick("前年との比較", "compared with last year")
        )
    }

    fn commands(&self, _view: &View) -> Vec<Command> {
        vec![
            C::of(S::History, I::Up)
                .keys("↑↓")
                .label("スクロール", "scroll"),
            C::of(S::Record, I::Show(Pane::Interview))
                .keys("i/p/b/m/c/o")
                .label("他の画面", "other screens"),
            C::of(S::History, I::Back).label("戻る", "back"),
        ]
    }

    fn handle_key(&mut self, key: KeyEvent, _env: &mut Env) -> Option<Action> {
        match keys::intent(Scope::History, &key)? {
            Intent::Up => self.scroll = self.scroll.saturating_sub(1),
            Intent::Down => self.scroll += 1,
            Intent::Back => return Some(Action::Back),
            _ => return None,
        }
        Some(Action::None)
    }

    fn resume(&mut self, env: &mut Env) {
        if let Some(s) = env.session.as_deref() {
            self.diff = compare(s, env.lang);
        }
    }

    /// ```text
    /// ┌──────────────────────────────────────────────┐
    /// │ 2025-003 → 2026-001                          │
    /// │ 指標   [改善] …: 非該当 → 該当                │
    /// │ 回答   question / before → after             │
    /// └──────────────────────────────────────────────┘
    /// ```
    fn render(&self, frame: &mut Frame, area: Rect, view: &View) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(view.theme.border());
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let lines = self.lines(view.lang, inner.width as usize, view);
        let top = self
            .scroll
            .min(lines.len().saturating_sub(inner.height as usize));
        frame.render_widget(Paragraph::new(lines).scroll((top as u16, 0)), inner);
    }
}
