//! Drawing the app's frame: the top screen, the footer, and the too-small notice. Kept apart
//! from the key and action handling in `app.rs`, which owns the state this reads.

use super::*;
use ratatui::layout::Rect;

impl App {
    /// Draws the whole frame from state.
    ///
    /// ```text
    /// ┌ title ─────────────────────────────────────────┐  1 line
    /// │ the top screen's body                          │
    /// │                                                │
    /// └────────────────────────────────────────────────┘
    ///  footer: key hints, or a message                     1 line
    /// ```
    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        let view = View {
            lang: self.lang,
            theme: self.theme,
            session: self.session.as_ref(),
        };
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            render_too_small(frame, area, &view);
            return;
        }
        let Some(top) = self.stack.last() else { return };
        let [title_area, body, footer_area] = frame_rows(area);
        let mut title = top.title(&view);
        if let Some(s) = view.session {
            if let Some(h) = &s.held_by {
                if s.read_only() {
                    title.push_str(self.lang.pick("  [読み取り専用: ", "  [read-only: "));
                    title.push_str(&h.message(self.lang));
                    title.push(']');
                }
            }
        }
        frame.render_widget(
            Paragraph::new(Line::styled(
                fit_title(&title, area.width as usize),
                self.theme.title(),
            )),
            title_area,
        );
        top.render(frame, body, &view);
        let save_error = view.session.and_then(|s| s.save_error.as_deref());
        let footer = match (&self.flash, save_error) {
            (_, Some(err)) => Line::styled(
                crate::text::truncate(
                    &format!(
                        " {}{err}",
                        self.lang.pick(
                            "保存できません（内容は保持、次の変更で再試行）: ",
                            "NOT SAVED (kept in memory, retried on the next change): "
                        )
                    ),
                    area.width as usize,
                ),
                self.theme.error(),
            ),
            (Some(msg), None) => Line::styled(
                crate::text::truncate(&format!(" {msg}"), area.width as usize),
                self.theme.warn(),
            ),
            (None, None) => footer_line(
                &commands::footer(&top.commands(&view), self.lang, area.width as usize),
                &self.theme,
            ),
        };
        frame.render_widget(Paragraph::new(footer), footer_area);
        if let Some(page) = self.help {
            help::render(frame, area, &view, &self.help_entries(&view), page);
        }
    }

    /// The help overlay's entries for the top screen as it is now.
    pub(super) fn help_entries(&self, view: &View) -> Vec<help::Entry> {
        let Some(top) = self.stack.last() else {
            return Vec::new();
        };
        let record_keys: &[Scope] = if self.session.is_some() {
            &[Scope::Record]
        } else {
            &[]
        };
        help::entries(
            &top.commands(view),
            top.scope(),
            record_keys,
            self.lang,
            &top.help_extra(self.lang),
        )
    }

    /// How many pages the help takes at the last frame's size.
    pub(super) fn help_pages(&self) -> usize {
        let view = View {
            lang: self.lang,
            theme: self.theme,
            session: self.session.as_ref(),
        };
        help::page_count(&self.help_entries(&view), self.area)
    }

    /// Tells the app the terminal's size, as the last frame had it (the run loop does after
    /// each frame; a test harness after its own).
    pub fn set_area(&mut self, area: Rect) {
        self.area = area;
    }
}

/// The title bar's text in `w` columns. A title is `record — screen`: where it does not fit, the
/// hospital's name (which the user knows) gives way first, then the record id, so that the
/// screen's own part (`厚労省チェックリスト 令和7年度版`, `filled 3/8`) stays whole at 60.
fn fit_title(title: &str, w: usize) -> String {
    use crate::text::{truncate, width};
    let whole = format!(" {title}");
    if width(&whole) <= w {
        return whole;
    }
    let Some((record, screen)) = title.split_once(" — ") else {
        return truncate(&whole, w);
    };
    let id = record.split(' ').next().unwrap_or(record);
    let room = w.saturating_sub(1 + width(" — ") + width(screen));
    // At least two characters of the name and the `…`, or none.
    if room >= width(id) + 6 {
        format!(" {} — {screen}", truncate(record, room))
    } else if room >= width(id) {
        format!(" {id} — {screen}")
    } else {
        truncate(&whole, w)
    }
}

/// Key hints (those that fit), each key highlighted (bold without colour).
pub(super) fn footer_line(hints: &[(String, String)], theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (key, label) in hints {
        spans.push(Span::styled(key.clone(), theme.key()));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    Line::from(spans)
}

/// The title row, the body and the footer row of an area at least [`MIN_HEIGHT`] tall. Plain
/// arithmetic, not a `Layout`: the constraint solver's first run was 0.74 M instructions of
/// the first frame (callgrind), for three rows whose heights are known.
fn frame_rows(area: Rect) -> [Rect; 3] {
    let row = |y| Rect {
        y,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    [row(area.y), body, row(area.bottom().saturating_sub(1))]
}

fn render_too_small(frame: &mut Frame, area: Rect, view: &View) {
    let msg = view.lang.pick_with(
        || {
            format!(
                "端末を {MIN_WIDTH}×{MIN_HEIGHT} 以上に広げてください（現在 {}×{}）",
                area.width, area.height
            )
        },
        || {
            format!(
                "Enlarge the terminal to at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{})",
                area.width, area.height
            )
        },
    );
    let lines: Vec<Line> = crate::text::wrap(&msg, area.width.max(1) as usize)
        .into_iter()
        .map(|l| Line::styled(l, Style::default()))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::fit_title;
    use crate::text::width;

    #[test]
    fn a_title_gives_up_the_hospital_name_before_the_screen() {
        let t = "2025-001 聖マリア記念病院 — 厚労省チェックリスト 令和7年度版 (mhlw-r7)";
        assert_eq!(
            fit_title(t, 60),
            " 2025-001 聖マ… — 厚労省チェックリスト 令和7年度版 (mhlw-r7)"
        );
        assert!(width(&fit_title(t, 60)) <= 60);
        assert_eq!(
            fit_title(t, 56),
            " 2025-001 — 厚労省チェックリスト 令和7年度版 (mhlw-r7)"
        );
        assert_eq!(
            fit_title("2025-001 病院 — 面談", 60),
            " 2025-001 病院 — 面談"
        );
        let cut = fit_title(t, 30);
        assert!(width(&cut) <= 30 && cut.ends_with('…'), "{cut}");
    }
}
