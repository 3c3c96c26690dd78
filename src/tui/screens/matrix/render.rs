//! Drawing the matrix screen from its state: the heat map with the selected cell's tree, and
//! the drill-down (the tree, a scenario's controls and the selected control's detail). Nothing
//! here changes the screen; the text was made when the record, cell or filter changed.

use super::heat;
use super::{catalog, Level, MatrixScreen, SIDE_BY_SIDE};
use crate::text::{truncate, width, wrap};
use crate::tui::theme::Theme;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// `── title ───────── hint ─` across `w` columns. The title (which cell, which scenario) counts
/// more than the hint (the footer says Enter too): where both do not fit, the hint goes first,
/// and only a title wider than the whole line is cut.
pub(super) fn rule(title: &str, hint: &str, w: usize, t: &Theme) -> Line<'static> {
    let hint = if width(title) + 5 + width(hint) + 3 > w {
        ""
    } else {
        hint
    };
    let title = truncate(title, w.saturating_sub(width(hint) + 8));
    let used = 3 + width(&title) + 1 + if hint.is_empty() { 0 } else { width(hint) + 3 };
    let fill = "─".repeat(w.saturating_sub(used));
    let text = if hint.is_empty() {
        format!("── {title} {fill}")
    } else {
        format!("── {title} {fill} {hint} ─")
    };
    Line::styled(truncate(&text, w), t.border())
}

pub(super) fn wrapped(text: &str, w: usize, style: ratatui::style::Style) -> Vec<Line<'static>> {
    wrap(text, w)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

pub(super) fn draw(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
    frame.render_widget(Paragraph::new(lines), area);
}

impl MatrixScreen {
    /// ```text
    /// Heat map, 80×24                                       ≥120 columns: the cell's tree beside
    /// 全体 42%  小リスク63件：対策済み20・一部5・…            ┆ 大 本人認証・認可上のリスク  62%
    /// 対策83件の状態：ヒアリングの回答から10・設定済み0・…     ┆   中 内部関係者が…           50%
    ///                  契約前 開発・保守 通常運用 …     計     ┆      小 ●対策済み ID・PWを…
    /// 本人認証・認可 ▶▓▓▓▓  62%? ░░░░ 30%  …      ▒▒ 55%      ┆      小 ?不明     権限の…
    /// …one line per category, then 計 (every cell opens)      ┆
    /// █100% ▓75%～ ▒50%～ ░25%～ ·25%未満 ?不明あり …          ┆
    /// ── 本人認証・認可 × 通常運用 ──────────── Enter 開く ─  ┆
    /// 小リスク5件：対策済み2・一部1・不明2                     ┆
    /// ●対策済み ID・PWを端末に…   (the cell's scenarios)      ┆
    ///
    /// Tree, 80×24                         Controls, 80×24
    /// 本人認証・認可 × 通常運用 62% …     小 ID・PWを端末にラベリングしているリスク
    /// 大 本人認証・認可上のリスク  62%    ●対策済み：個人別IDの発行
    ///   中 内部関係者が…           50%    ▶ ＊●実施済み 病院   ID・PWを端末に貼らない
    /// ▶  小 ●対策済み ID・PWを…              ?不明     事業者 …
    /// ── この小リスクの対策 ──────────    ── 対策の詳細 ──────────────
    ///   ＊●実施済み 病院 …                 実施：病院  出典：厚労省GL 5.2版 6.5
    ///                                      状態／補完／依頼／メモ…
    /// ≥120 columns, Tree and Controls: the tree on the left, the scenario's controls and the
    /// selected control's detail on the right, the focus on one side.
    /// ```
    pub(super) fn render_heat(&self, frame: &mut Frame, area: Rect, t: &Theme) {
        let l = self.lang;
        let w = area.width as usize;
        let wide = area.width >= SIDE_BY_SIDE;
        let map_w = if wide { self.heat.width() } else { w };
        // The map is the figure and always drawn; around it, as rows allow, the overall
        // coverage, the legend, then where the statuses come from (at 60×20 in Japanese these
        // fill the screen and the selected cell's tree gives way).
        let map = self.heat.lines(self.spot, t, map_w);
        let coverage = wrapped(&self.heat.summary[0], map_w, t.heading());
        let legend: Vec<Line<'static>> = heat::legend_lines(l, map_w)
            .into_iter()
            .map(|s| Line::styled(s, t.dim()))
            .collect();
        let sources = wrapped(&self.heat.summary[1], map_w, t.base());
        let mut room = (area.height as usize).saturating_sub(map.len());
        let mut keep = |part: Vec<Line<'static>>| {
            if part.len() <= room {
                room -= part.len();
                part
            } else {
                Vec::new()
            }
        };
        let (coverage, legend, sources) = (keep(coverage), keep(legend), keep(sources));
        let mut lines = coverage;
        lines.extend(sources);
        lines.extend(map);
        lines.extend(legend);
        let label = self.spot.label(catalog(), l);
        if wide {
            let room = (area.height as usize).saturating_sub(lines.len() + 1);
            if room >= 3 {
                lines.push(Line::raw(""));
                lines.extend(self.heat.proven_lines(map_w, room, t, l));
            }
            draw(frame, area, lines);
            // The selected cell's detail beside the map, a column between them.
            let [_, side] =
                Layout::horizontal([Constraint::Length(map_w as u16 + 1), Constraint::Fill(1)])
                    .areas(area);
            let sw = side.width as usize;
            let mut right = vec![rule(&label, "Enter", sw, t)];
            right.extend(self.cell_lines(sw, side.height as usize - 1, t));
            draw(frame, side, right);
            return;
        }
        let room = (area.height as usize).saturating_sub(lines.len() + 1);
        if room > 0 {
            lines.push(rule(&label, l.pick("Enter 開く", "Enter opens"), w, t));
            lines.extend(self.cell_lines(w, room, t));
        }
        draw(frame, area, lines);
    }

    /// What the selected cell holds: its counts, then its tree (as far as it fits).
    fn cell_lines(&self, w: usize, room: usize, t: &Theme) -> Vec<Line<'static>> {
        let l = self.lang;
        let tally = self.spot.tally(&self.coverage);
        let mut out = Vec::new();
        let counts = if tally.is_empty() {
            l.pick(
                "このセルで起こる小リスクはありません",
                "No small risk arises in this cell",
            )
            .to_string()
        } else {
            l.pick_with(
                || {
                    format!(
                        "小リスク{}件：対策済み{}・一部{}・未対策{}・不明{}・対象外{}",
                        tally.total(),
                        tally.covered,
                        tally.half,
                        tally.uncovered,
                        tally.unknown,
                        tally.dropped
                    )
                },
                || {
                    format!(
                        "{} small risks: {} covered, {} half, {} uncovered, {} unknown, {} n/a",
                        tally.total(),
                        tally.covered,
                        tally.half,
                        tally.uncovered,
                        tally.unknown,
                        tally.dropped
                    )
                },
            )
        };
        out.extend(wrapped(&counts, w, t.base()));
        if let Some(hidden) = self.hidden_line(w, t) {
            out.push(hidden);
        }
        let room = room.saturating_sub(out.len());
        if let Some(whole) = self.tree.whole_lines(w, room, t, l) {
            out.extend(whole);
            return out;
        }
        out.extend(self.tree.lines(None, false, w, room, t, l));
        if self.tree.nodes.len() > room && room > 0 {
            out.truncate(out.len() - 1);
            out.push(Line::styled(
                truncate(l.pick("…続きは Enter", "… more with Enter"), w),
                t.dim(),
            ));
        }
        out
    }

    fn hidden_line(&self, w: usize, t: &Theme) -> Option<Line<'static>> {
        let l = self.lang;
        (self.tree.hidden > 0).then(|| {
            Line::styled(
                truncate(
                    &l.pick_with(
                        || {
                            format!(
                                "絞り込み［{}］：ほか{}件は非表示",
                                self.filter.label(l),
                                self.tree.hidden
                            )
                        },
                        || {
                            format!(
                                "Filter [{}]: {} more hidden",
                                self.filter.label(l),
                                self.tree.hidden
                            )
                        },
                    ),
                    w,
                ),
                t.warn(),
            )
        })
    }

    /// The cell, its coverage and the tree, the cursor on a scenario.
    fn tree_lines(&self, w: usize, height: usize, t: &Theme) -> Vec<Line<'static>> {
        let l = self.lang;
        let tally = self.spot.tally(&self.coverage);
        let pct = tally.percent().map_or(String::new(), |p| format!("  {p}%"));
        let mut out = vec![Line::styled(
            truncate(&format!("{}{pct}", self.spot.label(catalog(), l)), w),
            t.title(),
        )];
        if let Some(h) = self.hidden_line(w, t) {
            out.push(h);
        }
        if self.tree.nodes.is_empty() {
            out.push(Line::styled(
                l.pick(
                    "絞り込みに合う小リスクはありません（u・f で変更）",
                    "No small risk here matches the filter (u, f change it)",
                )
                .to_string(),
                t.dim(),
            ));
            return out;
        }
        let room = height.saturating_sub(out.len());
        out.extend(
            self.tree
                .lines(Some(self.leaf), self.level == Level::Tree, w, room, t, l),
        );
        out
    }

    /// The scenario, its controls and the selected control's detail.
    fn controls_lines(&self, w: usize, height: usize, t: &Theme) -> Vec<Line<'static>> {
        let l = self.lang;
        let focused = self.level == Level::Controls;
        let mut out = self.controls.head_lines(w, t, l);
        let list_room = height.saturating_sub(out.len() + 4).max(1);
        let cursor = focused.then_some(self.control);
        out.extend(
            self.controls
                .list_lines(cursor, focused, w, list_room, t, l),
        );
        let hint = if focused {
            l.pick("Space 状態  n メモ", "Space status  n note")
        } else {
            l.pick("Enter 選ぶ", "Enter selects")
        };
        out.push(rule(l.pick("対策の詳細", "Control"), hint, w, t));
        let room = height.saturating_sub(out.len());
        let shown = if focused { self.control } else { 0 };
        out.extend(self.controls.detail_lines(shown, w, room, t));
        // The key to the marks, under the detail when there is room.
        let legend: Vec<Line<'static>> = [
            l.pick(
                "＋利用者　＃チェックリスト　＊ヒアリング　＠事業者　～前年・未確認　！食い違い",
                "+ user  # checklist  * interview  @ vendor  ~ carried, unconfirmed  ! conflict",
            ),
            l.pick(
                "●実施済み　◐一部実施　○未実施　-対象外　?不明",
                "● in place  ◐ partial  ○ missing  - n/a  ? unknown",
            ),
        ]
        .iter()
        .flat_map(|s| wrapped(s, w, t.dim()))
        .collect();
        if height > out.len() + legend.len() {
            out.push(Line::raw(""));
            out.extend(legend);
        }
        out
    }

    pub(super) fn render_drill(&self, frame: &mut Frame, area: Rect, t: &Theme) {
        let l = self.lang;
        let w = area.width as usize;
        let h = area.height as usize;
        if area.width >= SIDE_BY_SIDE {
            // The tree, a rule, a blank column, the controls.
            let left_w = w / 2 - 1;
            let [left, rule_col, _, right] = Layout::horizontal([
                Constraint::Length(left_w as u16),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(area);
            draw(frame, left, self.tree_lines(left_w - 1, h, t));
            let sep: Vec<Line> = (0..h).map(|_| Line::styled("│", t.border())).collect();
            draw(frame, rule_col, sep);
            draw(
                frame,
                right,
                self.controls_lines(right.width as usize, h, t),
            );
            self.render_note(frame, right, t);
            return;
        }
        match self.level {
            Level::Tree => {
                // The tree, and under it the scenario's controls, as many as fit.
                let preview = self.controls.rows.len().clamp(1, 5) + 1;
                let tree_h = h.saturating_sub(preview).max(h / 2);
                let mut lines = self.tree_lines(w, tree_h, t);
                if self.tree.nodes.is_empty() {
                    draw(frame, area, lines);
                    return;
                }
                lines.resize(tree_h.min(lines.len().max(1)), Line::raw(""));
                lines.push(rule(
                    l.pick("この小リスクの対策", "Its controls"),
                    "Enter",
                    w,
                    t,
                ));
                let room = h.saturating_sub(lines.len());
                lines.extend(self.controls.list_lines(None, false, w, room, t, l));
                draw(frame, area, lines);
            }
            _ => {
                draw(frame, area, self.controls_lines(w, h, t));
                self.render_note(frame, area, t);
            }
        }
    }

    /// The note box over the lower part of the controls' area (the detail's place).
    fn render_note(&self, frame: &mut Frame, area: Rect, t: &Theme) {
        super::note::render(&self.overlay, frame, area, t, self.lang);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_fills_the_width_exactly() {
        let t = Theme::mono();
        for w in [40, 80, 121] {
            let line = rule("本人認証・認可 × 通常運用", "Enter 開く", w, &t);
            assert_eq!(line.width(), w, "{line:?}");
        }
    }
}
