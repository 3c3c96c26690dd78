//! What the walk-through shows for one step, made from the domain's [`Step`] when the walk
//! moves or the record changes, and laid out to the frame's size.
//!
//! ```text
//! 未判明の対策 3/58 ██░░░░░░░░░░  網羅 35%（判明 25/83）     progress, the figure
//! ── 本人認証・認可 × 開発・保守 ───────────────────────     where the control is
//! 院外からの接続に二要素認証を使っている                       the control
//! 防ぐリスク                                                   大 → 中 → 小
//! 大 本人認証・認可上のリスク
//!   中 本人確認が弱く、なりすまされるリスク
//!     小 院外からの接続がID・パスワードだけで認証されるリスク
//! 実施：院内            段階：開発・保守、通常運用
//! わかっていること                                             every source's word
//! ＃●実施済み チェックリスト 2⑬ 2026-11-30
//! ── 回答 ─────────────────────────────────────────────     pinned to the bottom
//! 1 実施済み  2 一部  3 未実施  4 対象外  5 わからない（事業者に確認）
//! ```
//! When the body does not fit, the risk tree is cut first, then the phases, then the end of
//! what is known.

use super::super::controls::{status_cell, status_style};
use super::super::render::rule;
use crate::domain::matrix::walk::Step;
use crate::domain::matrix::{By, ControlStatus, Coverage, Reply, StatusSource, Walk};
use crate::domain::{Lang, Record};
use crate::text::{truncate, width, wrap};
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::bar;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tone {
    Heading,
    Base,
    Dim,
    Warn,
    Status(ControlStatus),
}

/// A paragraph with a label hanging before it (`大 `, `実施：`, `＃●実施済み `).
#[derive(Debug, Clone)]
struct Para {
    label: String,
    label_tone: Tone,
    text: String,
    tone: Tone,
}

fn para(label: impl Into<String>, text: impl Into<String>, tone: Tone) -> Para {
    Para {
        label: label.into(),
        label_tone: Tone::Dim,
        text: text.into(),
        tone,
    }
}

/// One control as the walk shows it.
#[derive(Debug, Clone, Default)]
struct Body {
    name: String,
    risks: Vec<Para>,
    /// Who implements it, and for a vendor control what to ask.
    by: Vec<Para>,
    phases: Option<Para>,
    known: Vec<Para>,
}

#[derive(Debug, Clone)]
pub struct Page {
    progress: String,
    ratio: f64,
    figure: String,
    /// `本人認証・認可 × 開発・保守`, or the end of the walk.
    heading: String,
    body: Option<Body>,
    /// What the end of the walk says, instead of a control.
    end: Vec<String>,
    /// The user's own status of the control, marked among the answers (when reviewing).
    chosen: Option<Reply>,
}

fn style(tone: Tone, t: &Theme) -> Style {
    match tone {
        Tone::Heading => t.heading(),
        Tone::Base => t.base(),
        Tone::Dim => t.dim(),
        Tone::Warn => t.warn(),
        Tone::Status(s) => status_style(s, t),
    }
}

/// 大 → 中 → 小 for every small risk the control keeps from happening; a 大 or 中 shared with the
/// path before is not written again.
fn risks(step: &Step<'_>, lang: Lang) -> Vec<Para> {
    let mut out = vec![para(
        "",
        lang.pick("防ぐリスク", "Risks it keeps away"),
        Tone::Heading,
    )];
    let (mut large, mut medium) = (None, None);
    for path in &step.risks {
        if large != Some(&path.category.id) {
            out.push(para(
                lang.pick("大 ", "L "),
                path.category.name(lang),
                Tone::Base,
            ));
            large = Some(&path.category.id);
            medium = None;
        }
        if medium != Some(&path.medium.id) {
            out.push(para(
                lang.pick("  中 ", "  M "),
                path.medium.name(lang),
                Tone::Base,
            ));
            medium = Some(&path.medium.id);
        }
        out.push(para(
            lang.pick("    小 ", "    S "),
            path.small.name(lang),
            Tone::Base,
        ));
    }
    out
}

fn by(step: &Step<'_>, lang: Lang) -> Vec<Para> {
    let label = lang.pick("実施：", "By: ");
    match step.by {
        By::Hospital => vec![para(label, lang.pick("院内", "the hospital"), Tone::Base)],
        By::Vendor => {
            let systems = if step.systems.is_empty() {
                lang.pick("（システム未登録）", " (no vendor registered)")
                    .to_string()
            } else {
                let list = step.systems.join(lang.pick("・", ", "));
                lang.pick_with(|| format!("（{list}）"), || format!(" ({list})"))
            };
            vec![
                para(
                    label,
                    format!("{}{systems}", lang.pick("事業者", "the vendor")),
                    Tone::Base,
                ),
                para(
                    lang.pick("依頼：", "Ask: "),
                    step.control.ask(lang),
                    Tone::Dim,
                ),
            ]
        }
    }
}

/// Every source's word, the winner first; leads to check, a conflict, a pending question to
/// the vendor, the note.
fn known(step: &Step<'_>, lang: Lang) -> Vec<Para> {
    let state = &step.state;
    let clock = crate::clock::system();
    let mut out = vec![para(
        "",
        lang.pick("わかっていること", "What is known"),
        Tone::Heading,
    )];
    for (i, f) in state.findings.iter().enumerate() {
        let mark = f.source.mark(f.carried, lang);
        match f.status {
            Some(s) => {
                let text = if i == 0 {
                    state.whence(lang, &clock)
                } else {
                    f.source.describe(lang)
                };
                let label = format!("{mark}{} ", status_cell(s, lang));
                let indent = " ".repeat(width(&label));
                out.push(Para {
                    label,
                    label_tone: Tone::Status(s),
                    text,
                    tone: Tone::Base,
                });
                // Why the answer proves this much (the crosswalk's reason), under it.
                if let Some(why) = &f.why {
                    out.push(para(indent, why.get(lang), Tone::Dim));
                }
            }
            None => {
                let why = f.why.as_ref().map(|w| w.get(lang)).unwrap_or("");
                let sep = lang.pick("：", ": ");
                out.push(para(
                    format!("{mark}{}", lang.pick("要確認 ", "check ")),
                    format!("{}{sep}{why}", f.source.describe(lang)),
                    Tone::Dim,
                ));
            }
        }
    }
    if state.conflict {
        out.push(para(
            lang.pick("！", "! "),
            lang.pick(
                "食い違い：実施とする回答と未実施とする回答があります",
                "conflict: one source says in place, another missing",
            ),
            Tone::Warn,
        ));
    }
    if state.ask_vendor {
        out.push(para(
            lang.pick("＠", "@ "),
            lang.pick(
                "事業者に確認中（事業者への依頼に載っています）",
                "asked of the vendor (it is in the vendor's brief)",
            ),
            Tone::Warn,
        ));
    }
    if let Some(n) = &state.note {
        out.push(para(lang.pick("メモ：", "Note: "), n.as_str(), Tone::Base));
    }
    if out.len() == 1 {
        out.push(para(
            "",
            lang.pick(
                "まだ何もわかっていません（どの回答からも決まりません）",
                "Nothing yet: no answer decides it",
            ),
            Tone::Dim,
        ));
    }
    out
}

fn chosen(step: &Step<'_>) -> Option<Reply> {
    if step.state.source != StatusSource::User {
        return step.state.ask_vendor.then_some(Reply::AskVendor);
    }
    Reply::ALL
        .into_iter()
        .find(|r| r.status() == Some(step.state.status))
}

impl Page {
    pub fn of(walk: &Walk<'static>, record: &Record, lang: Lang) -> Page {
        let p = walk.progress(record);
        let figure = Coverage::with(walk.sources(), record).figure().render(lang);
        let what = if walk.is_review() {
            lang.pick("すべての対策", "All controls")
        } else {
            lang.pick("未判明の対策", "Unknown controls")
        };
        let here = (p.done + 1).min(p.len);
        let progress = format!("{what} {here}/{}", p.len);
        let ratio = if p.len == 0 {
            1.0
        } else {
            p.done as f64 / p.len as f64
        };
        let Some(step) = walk.current(record) else {
            let end = if p.len == 0 {
                vec![lang
                    .pick(
                        "確認の残っている対策はありません。",
                        "No control is left to ask about.",
                    )
                    .to_string()]
            } else {
                vec![lang
                    .pick(
                        "この一巡の対策にすべて答えました（保存済み）。",
                        "Every control of this walk is answered (saved).",
                    )
                    .to_string()]
            };
            let mut end = end;
            end.push(figure.clone());
            end.push(
                lang.pick(
                    "r 判明済みも見直す　Backspace 前の対策へ　Esc 閉じる",
                    "r review the known too  Backspace previous  Esc close",
                )
                .to_string(),
            );
            return Page {
                progress,
                ratio,
                figure,
                heading: lang.pick("おわり", "Done").to_string(),
                body: None,
                end,
                chosen: None,
            };
        };
        let heading = match (step.risks.first(), step.phases.first()) {
            (Some(r), Some(ph)) => format!("{} × {}", r.category.short(lang), ph.short(lang)),
            (Some(r), None) => r.category.short(lang).to_string(),
            _ => String::new(),
        };
        let phases = (!step.phases.is_empty()).then(|| {
            let names: Vec<&str> = step.phases.iter().map(|p| p.name(lang)).collect();
            para(
                lang.pick("段階：", "Phases: "),
                names.join(lang.pick("、", ", ")),
                Tone::Dim,
            )
        });
        Page {
            progress,
            ratio,
            figure,
            heading,
            chosen: chosen(&step),
            body: Some(Body {
                name: step.control.name(lang).to_string(),
                risks: risks(&step, lang),
                by: by(&step, lang),
                phases,
                known: known(&step, lang),
            }),
            end: Vec::new(),
        }
    }

    /// The answers, as many to a line as fit.
    fn answer_lines(&self, w: usize, t: &Theme, lang: Lang) -> Vec<Line<'static>> {
        let mut lines: Vec<Line<'static>> = Vec::new();
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut used = 0;
        for r in Reply::ALL {
            let label = format!(" {}  ", r.label(lang));
            let cell = 1 + width(&label);
            if used + cell > w && !spans.is_empty() {
                lines.push(Line::from(std::mem::take(&mut spans)));
                used = 0;
            }
            spans.push(Span::styled(r.key().to_string(), t.key()));
            let st = if self.chosen == Some(r) {
                t.selected()
            } else {
                t.base()
            };
            spans.push(Span::styled(
                truncate(&label, w.saturating_sub(used + 1)),
                st,
            ));
            used += cell;
        }
        if !spans.is_empty() {
            lines.push(Line::from(spans));
        }
        lines
    }

    fn body_lines(&self, w: usize, room: usize, t: &Theme, lang: Lang) -> Vec<Line<'static>> {
        let Some(b) = &self.body else {
            return self
                .end
                .iter()
                .flat_map(|s| wrap(s, w))
                .map(|s| Line::styled(s, t.base()))
                .collect();
        };
        let lay = |ps: &[Para]| -> Vec<Line<'static>> {
            ps.iter().flat_map(|p| para_lines(p, w, t)).collect()
        };
        let name: Vec<Line<'static>> = wrap(&b.name, w)
            .into_iter()
            .map(|s| Line::styled(s, t.title()))
            .collect();
        let mut risks = lay(&b.risks);
        let by = lay(&b.by);
        let mut phases = b.phases.as_ref().map(|p| lay(std::slice::from_ref(p)));
        let mut known = lay(&b.known);
        let total = |r: &[Line], p: &Option<Vec<Line>>, k: &[Line]| {
            name.len() + r.len() + by.len() + p.as_ref().map_or(0, Vec::len) + k.len()
        };
        let more = |n: usize| {
            Line::styled(
                lang.pick_with(|| format!("  …ほか{n}行"), || format!("  … {n} more lines")),
                t.dim(),
            )
        };
        // The risk tree first: its first path stays.
        let over = total(&risks, &phases, &known).saturating_sub(room);
        if over > 0 && risks.len() > 4 {
            let keep = risks.len().saturating_sub(over + 1).max(4);
            let cut = risks.len() - keep;
            risks.truncate(keep);
            risks.push(more(cut));
        }
        if total(&risks, &phases, &known) > room {
            phases = None;
        }
        let over = total(&risks, &phases, &known).saturating_sub(room);
        if over > 0 && known.len() > 1 {
            let keep = known.len().saturating_sub(over + 1).max(1);
            let cut = known.len() - keep;
            known.truncate(keep);
            known.push(more(cut));
        }
        let mut out = name;
        out.extend(risks);
        out.extend(by);
        out.extend(phases.unwrap_or_default());
        out.extend(known);
        out.truncate(room);
        out
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, t: &Theme, lang: Lang) {
        let w = area.width as usize;
        let answers = self.answer_lines(w, t, lang);
        let [top, head, body, foot, keys] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(answers.len() as u16),
        ])
        .areas(area);
        let figure = format!("  {}", self.figure);
        let label = format!("{} ", self.progress);
        let bar_w = w.saturating_sub(width(&label) + width(&figure)).min(20);
        let mut spans = vec![Span::styled(label, t.heading())];
        if bar_w >= 4 {
            spans.push(Span::styled(bar(self.ratio, bar_w), t.accent()));
        }
        spans.push(Span::styled(figure, t.base()));
        let progress = Line::from(spans);
        frame.render_widget(Paragraph::new(truncate_line(progress, w)), top);
        frame.render_widget(Paragraph::new(rule(&self.heading, "", w, t)), head);
        let lines = self.body_lines(w, body.height as usize, t, lang);
        frame.render_widget(Paragraph::new(lines), body);
        frame.render_widget(
            Paragraph::new(rule(
                lang.pick(
                    "回答（押すと保存して次へ）",
                    "Answer (saved, then the next)",
                ),
                "",
                w,
                t,
            )),
            foot,
        );
        frame.render_widget(Paragraph::new(answers), keys);
    }
}

/// A line cut to `w` columns, span by span.
fn truncate_line(line: Line<'static>, w: usize) -> Line<'static> {
    let mut used = 0;
    let mut spans = Vec::new();
    for s in line.spans {
        if used >= w {
            break;
        }
        let text = truncate(&s.content, w - used);
        used += width(&text);
        spans.push(Span::styled(text, s.style));
    }
    Line::from(spans)
}

/// A paragraph wrapped under its label.
fn para_lines(p: &Para, w: usize, t: &Theme) -> Vec<Line<'static>> {
    let lw = width(&p.label);
    wrap(&p.text, w.saturating_sub(lw).max(8))
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let label = if i == 0 {
                p.label.clone()
            } else {
                " ".repeat(lw)
            };
            truncate_line(
                Line::from(vec![
                    Span::styled(label, style(p.label_tone, t)),
                    Span::styled(text, style(p.tone, t)),
                ]),
                w,
            )
        })
        .collect()
}

/// The key to the marks, for the help overlay: where a status comes from, then the statuses.
pub fn legend(lang: Lang) -> Vec<(String, String)> {
    let mut out = super::super::marks::source_marks(lang);
    out.push((
        "●◐○-?".to_string(),
        lang.pick(
            "実施済み/一部/未実施/対象外/不明",
            "in place/partial/missing/n.a./?",
        )
        .to_string(),
    ));
    out
}
