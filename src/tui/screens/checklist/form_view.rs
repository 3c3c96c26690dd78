//! Drawing the answer form typed over the item's detail (はい／いいえ with its dates); the note
//! editor draws itself (`widgets::note_editor`).

use super::answer_form::{AnswerForm, Field};
use super::render::wrapped;
use super::Checklist;
use crate::domain::checklist::view::Row;
use crate::domain::record::checklist_answers::YesNo;
use crate::domain::Lang;
use crate::text::truncate;
use crate::tui::app::View;
use crate::tui::widgets::form;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// The answer form under the item's text:
///
/// ```text
/// → いいえ（2回目）
/// 確認日 [2026-11-25  ]
/// 目標日 [2027-04-01  ] 2027-03-31 まで
/// ✗ 目標日 2027-04-01 は 2027-03-31（確認日の年度末）より後です…
/// ```
pub fn draw_form(
    s: &Checklist,
    form: &AnswerForm,
    row: &Row,
    mut out: Vec<Line<'static>>,
    frame: &mut Frame,
    inner: Rect,
    view: &View,
) {
    let (l, t) = (view.lang, &view.theme);
    let w = inner.width as usize - 1;
    out.push(Line::raw(""));
    let next = match row.latest() {
        // Last year's check is replaced by this year's first, its date kept in sight.
        Some(a) if a.carried.is_some() => l.pick_with(
            || format!("（1回目。前年度 確認日 {}）", a.checked_on),
            || format!(" (check 1; last year checked {})", a.checked_on),
        ),
        Some(a) if form.checked.text().trim() == a.checked_on.to_string() => l.pick_with(
            || format!("（{}回目を訂正）", row.history.len()),
            || format!(" (corrects check {})", row.history.len()),
        ),
        _ => l.pick_with(
            || format!("（{}回目）", row.history.len() + 1),
            || format!(" (check {})", row.history.len() + 1),
        ),
    };
    out.push(Line::styled(
        truncate(&format!("→ {}{next}", form.answer.label(l)), w),
        t.heading(),
    ));
    let label_w = if l == Lang::Ja { 8 } else { 10 };
    const FIELD_W: usize = 12;
    let mut fields = Vec::new();
    let mut field_row = |out: &mut Vec<Line<'static>>, label: &str, which: Field, extra: String| {
        let focused = form.focus() == which;
        fields.push((out.len(), which));
        let mut spans = vec![
            form::label(label, focused, label_w, t),
            form::brackets(FIELD_W, t),
        ];
        let fits = form::fits_beside(label_w, FIELD_W, &extra, w);
        if fits {
            spans.push(Span::styled(extra.clone(), t.dim()));
        }
        out.push(Line::from(spans));
        if !fits && !extra.is_empty() {
            out.push(Line::styled(
                format!("{}{}", " ".repeat(label_w), extra.trim_start()),
                t.dim(),
            ));
        }
    };
    // The target first: it is what a いいえ is typed for (the date checked starts as today).
    if form.target.is_some() {
        let range = form
            .limit
            .map(|lim| {
                let why = if lim.by_item {
                    l.pick("（項目の期限）", " (item's deadline)")
                } else {
                    l.pick("（年度末）", " (end of FY)")
                };
                l.pick_with(
                    || format!(" {} まで{why}", lim.date),
                    || format!(" by {}{why}", lim.date),
                )
            })
            .unwrap_or_default();
        field_row(&mut out, l.pick("目標日", "Target"), Field::Target, range);
        if let Some(e) = &form.target_error {
            wrapped(&mut out, &format!("✗ {}", e.message(l)), w, t.error());
        }
    } else if form.answer == YesNo::No {
        wrapped(
            &mut out,
            l.pick(
                "この項目の「いいえ」には目標日を入れません",
                "This item's \"no\" takes no target date",
            ),
            w,
            t.dim(),
        );
    }
    field_row(
        &mut out,
        l.pick("確認日", "Checked"),
        Field::Checked,
        l.pick(" 今日以前", " today or before").to_string(),
    );
    if let Some(e) = &form.checked_error {
        wrapped(&mut out, &format!("✗ {}", e.message(l)), w, t.error());
    }
    if let Some(e) = &form.other_error {
        wrapped(&mut out, &format!("✗ {}", e.message(l)), w, t.error());
    }
    if let Some(note) = view
        .session
        .and_then(|ss| s.key_of(&row.item.id).get(&ss.record))
        .and_then(|d| d.note.as_deref())
    {
        out.push(Line::styled(
            truncate(
                &format!(
                    "{}{note}",
                    l.pick("メモ（一緒に記録）：", "Note (recorded too): ")
                ),
                w,
            ),
            t.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(out), inner);
    for (at, which) in fields {
        let field = match which {
            Field::Checked => Some(&form.checked),
            Field::Target => form.target.as_ref(),
        };
        if let (Some(f), Some(rect)) = (field, form::field_cell(inner, at, label_w, FIELD_W)) {
            form::draw_field(frame, f, rect, form.focus() == which, t.base());
        }
    }
}
