//! Drawing the position screen's parts (the indicator table with its charts, the respondents'
//! line, the details pane) from its state; the state and its keys stay in `mod.rs`.

use super::*;
use ratatui::layout::Margin;

impl PositionScreen {
    /// ```text
    /// 80×24 (one cohort; ←→ shows the other)     ≥120 columns: both cohorts side by side
    /// 病床規模 ▒▒░░░░░▒▒▒█████▒▒▒ 300～499床 283病院 24.7%   (≥34 rows: the two bar charts
    /// 開設者   ▒░░░░▒▒▒█████████░▒ 医療法人 600病院 52.4%      of respondents, own marked)
    ///  [病床規模 300～499床 n=283]  開設者 医療法人 n=600          ←→
    ///  指標               貴院      0%     50%    100%  割合     精度
    /// ▶VPN脆弱性が未対応  ●該当 !   ◆█▓░░░░░░░░░░░░░░  約17–23%  言葉※
    ///  …one row per indicator…
    /// █数値 ▓範囲 ░残り ◆貴院 ※注 △小標本
    /// ── 指摘されたVPNの脆弱性が未対応 ─────────────── Enter 全文 ─
    /// 貴院：該当する（問7 使用している、問8 未対応）［要注意］
    /// 300～499床 n=283: 約17–23%（2割程度）… — 病床規模別(2/7) ※1
    /// → 300～499床の病院で「…」は約17–23%（2割程度）の少数派で…
    /// ```
    pub(super) fn render_indicators(&self, frame: &mut Frame, area: Rect, view: &View) {
        let l = self.lang;
        let t = &view.theme;
        let w = area.width as usize;
        let grid = Grid::of(&self.made, w, l);
        let mut lines: Vec<Line> = Vec::new();
        if area.height >= FULL_HEADER {
            lines.extend(self.charts(w, t, false));
        } else {
            for s in &self.made.strips {
                lines.push(strip_line(s, w, t));
            }
        }
        lines.push(self.heads_line(&grid, w, t));
        lines.push(self.scale_line(&grid, t));
        for (i, r) in self.made.rows.iter().enumerate() {
            lines.push(self.row_line(i, r, &grid, t));
        }
        lines.extend(lay_out(&self.table_notes(&grid), w, t));
        lines.push(Line::styled(legend(l, w), t.dim()));
        let title = self
            .pos
            .indicators
            .get(self.selected)
            .map_or("", |ip| ip.indicator.text.get(l));
        lines.push(rule(
            title,
            l.pick("Enter 全文・出典・注", "Enter: all, sources, notes"),
            w,
            t,
        ));
        let room = (area.height as usize).saturating_sub(lines.len());
        let detail = lay_out(&self.detail, w, t);
        let more = detail.len() > room;
        for (i, line) in detail.into_iter().take(room).enumerate() {
            if more && i + 1 == room {
                lines.push(Line::styled(
                    truncate(
                        l.pick(
                            "…続きは Enter（出典・読み方の注）",
                            "… more with Enter (sources, notes)",
                        ),
                        w,
                    ),
                    t.dim(),
                ));
            } else {
                lines.push(line);
            }
        }
        crate::tui::widgets::lines::draw(frame.buffer_mut(), area, &lines);
    }

    /// The two bar charts of respondents side by side, own classes marked; under the bed
    /// classes, the respondents like the hospital (and on the respondents page, its budget).
    fn charts(&self, w: usize, t: &Theme, with_budget: bool) -> Vec<Line<'static>> {
        let left_w = w / 2;
        let right_w = w - left_w;
        let mut left = chart_lines(&self.made.bed_chart, left_w, t, self.lang);
        left.push(Line::raw(""));
        if with_budget {
            if let Some(b) = &self.made.budget_chart {
                left.extend(chart_lines(b, left_w, t, self.lang));
            }
        } else {
            left.extend(lay_out(&self.made.like_you, left_w.saturating_sub(1), t));
        }
        let right = chart_lines(&self.made.founder_chart, right_w, t, self.lang);
        let n = left.len().max(right.len());
        let mut out = Vec::new();
        let mut left = left.into_iter();
        let mut right = right.into_iter();
        for _ in 0..n {
            let mut spans = Vec::new();
            let l = left.next().unwrap_or_default();
            let lw = l.width();
            spans.extend(l.spans);
            spans.push(Span::raw(" ".repeat(left_w.saturating_sub(lw))));
            if let Some(r) = right.next() {
                spans.extend(r.spans);
            }
            out.push(Line::from(spans));
        }
        out
    }

    /// The ※ lines under the table: each shown cell whose value alone would lose its meaning
    /// (what it counts, the report's bound, an average of other cohorts), said in full with
    /// its place and page.
    fn table_notes(&self, grid: &Grid) -> Vec<Para> {
        let shown = grid.shown(self.focus);
        self.made
            .rows
            .iter()
            .flat_map(|r| shown.iter().map(move |c| &r.cells[c.index()]))
            .filter_map(|c| match c {
                Cell::Figure { words: Some(w), .. } => {
                    Some(Para::new(Kind::Note, "※ ", w.as_str()))
                }
                _ => None,
            })
            .collect()
    }

    fn heads_line(&self, grid: &Grid, w: usize, t: &Theme) -> Line<'static> {
        let l = self.lang;
        let mut spans = Vec::new();
        let head = |c: Column, cw: usize| -> Span<'static> {
            let h = &self.made.heads[c.index()];
            let front = c == self.focus;
            let text = if front {
                format!("[{}]", h.text)
            } else {
                format!(" {} ", h.text)
            };
            let style = if front {
                t.selected()
            } else if h.small {
                t.warn()
            } else {
                t.base()
            };
            Span::styled(truncate(&text, cw), style)
        };
        if grid.columns == 2 {
            let lead = 2 + grid.label + 1 + grid.own;
            spans.push(Span::raw(" ".repeat(lead)));
            for c in [Column::BedClass, Column::Founder] {
                let s = head(c, grid.cell_width());
                let sw = width(&s.content);
                spans.push(Span::raw(" "));
                spans.push(s);
                spans.push(Span::raw(
                    " ".repeat(grid.cell_width().saturating_sub(sw + 1)),
                ));
            }
        } else {
            let hint = l.pick("  ←→ 切替", "  ←→ switch");
            let room = w.saturating_sub(width(hint) + 1);
            let a = head(self.focus, room);
            let aw = width(&a.content);
            // The other cohort whole, else without its count, else only the hint to switch.
            let left = room.saturating_sub(aw + 1);
            let other = &self.made.heads[self.focus.other().index()];
            let b = match [&other.text, &other.short]
                .into_iter()
                .map(|s| format!(" {s} "))
                .find(|s| width(s) <= left)
            {
                Some(text) => Span::styled(text, if other.small { t.warn() } else { t.base() }),
                None => Span::raw(""),
            };
            let (first, second) = if self.focus == Column::BedClass {
                (a, b)
            } else {
                (b, a)
            };
            let used = width(&first.content) + width(&second.content) + 1;
            spans.push(Span::raw(" "));
            spans.push(first);
            spans.push(Span::raw(" "));
            spans.push(second);
            spans.push(Span::styled(
                format!("{}{hint}", " ".repeat(room.saturating_sub(used))),
                t.dim(),
            ));
        }
        Line::from(spans)
    }

    fn scale_line(&self, grid: &Grid, t: &Theme) -> Line<'static> {
        let l = self.lang;
        let mut s = format!(
            "  {} {}",
            pad(l.pick("指標", "Indicator"), grid.label),
            pad(l.pick("貴院", "You"), grid.own)
        );
        for _ in grid.shown(self.focus) {
            let bar = if grid.bar == 0 {
                String::new()
            } else {
                format!("{} ", scale(grid.bar))
            };
            s.push_str(&format!(
                "  {bar}{} {} {}  ",
                pad(l.pick("割合", "share"), grid.figure),
                pad(l.pick("精度", "basis"), grid.precision),
                pad(l.pick("頁", "page"), grid.page)
            ));
        }
        Line::styled(s.trim_end().to_string(), t.dim())
    }

    /// One indicator. When the selection moves only the marker and the label's reverse change.
    fn row_line(&self, i: usize, r: &Row, grid: &Grid, t: &Theme) -> Line<'static> {
        let sel = i == self.selected;
        let mut spans = vec![
            Span::raw(if sel { "▶ " } else { "  " }),
            Span::styled(
                pad(&r.label, grid.label),
                if sel { t.selected() } else { t.base() },
            ),
            Span::raw(" "),
            Span::styled(
                pad(if grid.own_glyph { &r.own_glyph } else { &r.own }, grid.own),
                if r.concern {
                    t.warn()
                } else if r.value == IndicatorValue::Unanswered {
                    t.dim()
                } else {
                    t.base()
                },
            ),
        ];
        for (k, c) in grid.shown(self.focus).into_iter().enumerate() {
            spans.push(Span::styled(if k == 0 { "  " } else { "│ " }, t.border()));
            match &r.cells[c.index()] {
                Cell::Figure {
                    range,
                    unknown,
                    counted,
                    text,
                    precision,
                    note,
                    small,
                    page,
                    words,
                } => {
                    if grid.bar > 0 {
                        spans.push(Span::styled(
                            share_bar(*range, *unknown, grid.bar, *counted),
                            t.accent(),
                        ));
                        spans.push(Span::raw(" "));
                    }
                    spans.push(Span::raw(format!(
                        "{} {} {}{}",
                        pad(text, grid.figure),
                        pad(precision, grid.precision),
                        pad(page, grid.page),
                        if *note || words.is_some() { "※" } else { " " }
                    )));
                    spans.push(Span::styled(if *small { "△" } else { " " }, t.warn()));
                }
                Cell::Missing(s) | Cell::NoCohort(s) => {
                    let w = grid.cell_width() - 2;
                    spans.push(Span::styled(pad(s, w), t.dim()));
                }
            }
        }
        Line::from(spans)
    }

    /// ```text
    /// 病床規模（回答1,144病院、p2）          開設者（△ 回答30病院未満）
    ///   20～99床   ███░░░░░ 141 12.3%          国               ██░░  47  4.1%
    /// ▶ 300～499床 ██████░░ 283 24.7% ◀      ▶ 医療法人         ████ 600 52.4% ◀
    /// 年間予算：300～499床（p46 図６、n=283）   医療生協         ░░░░   4  0.3% △
    /// ▶ 500万未満  ████████ 137 48.4% ◀       …
    /// ── 貴院と同じ区分・担当者 ─────────────────────────── Enter 注 ─
    /// 貴院と同じ区分：300～499床 283病院（1,144病院の24.7%）
    /// 担当者：貴院 2人（常勤2人）／全回答病院の平均 2.5–3人（3人弱）全体結果(4/7) ※2
    /// ```
    pub(super) fn render_respondents(&self, frame: &mut Frame, area: Rect, view: &View) {
        let l = self.lang;
        let t = &view.theme;
        let w = area.width as usize;
        let mut lines = self.charts(w, t, true);
        lines.push(rule(
            l.pick("貴院と同じ区分・担当者", "Like you, and your staff"),
            l.pick("Enter 注の全文", "Enter: notes"),
            w,
            t,
        ));
        let mut paras = self.made.like_you.clone();
        paras.extend(self.made.staff.iter().cloned());
        paras.extend(self.made.notes.iter().cloned());
        let room = (area.height as usize).saturating_sub(lines.len());
        let body = lay_out(&paras, w, t);
        let more = body.len() > room;
        for (i, line) in body.into_iter().take(room).enumerate() {
            if more && i + 1 == room {
                lines.push(Line::styled(
                    truncate(l.pick("…続きは Enter", "… more with Enter"), w),
                    t.dim(),
                ));
            } else {
                lines.push(line);
            }
        }
        crate::tui::widgets::lines::draw(frame.buffer_mut(), area, &lines);
    }

    pub(super) fn render_details(&self, frame: &mut Frame, area: Rect, view: &View, scroll: usize) {
        let l = self.lang;
        let t = &view.theme;
        let rect = area;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(t.accent())
            .title(truncate(
                &format!(" {} ", self.overlay_title()),
                rect.width.saturating_sub(4) as usize,
            ))
            .title_bottom(Line::styled(
                l.pick(
                    " ↑↓/PgUp/PgDn スクロール  Esc/Enter 閉じる ",
                    " ↑↓/PgUp/PgDn scroll  Esc/Enter close ",
                ),
                t.dim(),
            ));
        let inner = block.inner(rect);
        crate::tui::widgets::overlay::clear(frame, rect);
        frame.render_widget(block, rect);
        let text = inner.inner(Margin::new(1, 0));
        let lines = lay_out(self.overlay(), text.width as usize, t);
        let h = text.height as usize;
        let top = scroll.min(lines.len().saturating_sub(h));
        let shown: Vec<Line> = lines.into_iter().skip(top).take(h).collect();
        crate::tui::widgets::lines::draw(frame.buffer_mut(), text, &shown);
    }
}

/// The glyphs' legend, as many of its items whole as the width holds (`?` lists them all).
fn legend(l: Lang, w: usize) -> String {
    let items = l.pick(
        "█数値|▓範囲（報告の言葉）|·不明|░残り|◆貴院のいる側|※注|△小標本(n<30)|!要注意",
        "█ share|▓ range (words)|·don't know|░ rest|◆ your side|※ note|△ n<30|! concern",
    );
    let mut out = String::new();
    for item in items.split('|') {
        let next = if out.is_empty() {
            item.to_string()
        } else {
            format!("{out} {item}")
        };
        if width(&next) > w {
            break;
        }
        out = next;
    }
    out
}
