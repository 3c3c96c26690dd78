//! Drawing the checklist screen from its state: nothing is computed here beyond laying out what
//! the domain's `ChecklistView` holds.

use super::answer_form::{AnswerForm, Field};
use super::lines::{self, ListLine};
use super::vendors::VendorsPanel;
use super::{Checklist, Edit, Panel};
use crate::domain::checklist::answers::YesNo;
use crate::domain::checklist::risk_link;
use crate::domain::checklist::view::{HintSource, Missing, Row, RowStatus, VendorCell};
use crate::domain::checklist::Wording;
use crate::domain::Lang;
use crate::text::{pad, truncate, width, wrap};
use crate::tui::app::View;
use crate::tui::theme::Theme;
use crate::tui::widgets::bar::bar;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

/// Vendor columns shown in the list at most; the detail pane names every vendor.
const VENDOR_COLUMNS: usize = 5;

fn letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

/// Column widths of the item list for an inner width.
struct Cols {
    answer: usize,
    /// The date checked, shown when the list is wide.
    date: usize,
    vendor: usize,
    vendors: usize,
    text: usize,
}

impl Cols {
    fn new(inner: usize, vendors: usize, lang: Lang) -> Cols {
        let wide = inner >= 56;
        let answer = width(YesNo::Yes.label(lang)).max(width(YesNo::No.label(lang))) + 1;
        let date = if wide { 11 } else { 0 };
        let vendor = if wide { 3 } else { 2 };
        let vendors = vendors.min(VENDOR_COLUMNS);
        // marker, number, space, status, answer, date, vendors, space
        let fixed = 1 + 4 + 1 + 1 + answer + date + vendors * vendor + 1;
        Cols {
            answer,
            date,
            vendor,
            vendors,
            text: inner.saturating_sub(fixed),
        }
    }
}

/// A vendor's answer to one item as one cell: ○/× (Y/N in English), · blank, ? not returned,
/// then ! when it contradicts the hospital. Marks, not colours, carry the meaning.
fn vendor_mark(cell: &VendorCell, conflict: bool, lang: Lang) -> String {
    let answer = match (&cell.answer, cell.returned) {
        (Some(a), _) => match a.answer {
            YesNo::Yes => lang.pick("○", "Y"),
            YesNo::No => lang.pick("×", "N"),
        },
        (None, true) => "·",
        (None, false) => "?",
    };
    format!("{answer}{}", if conflict { "!" } else { "" })
}

fn conflicted(s: &Checklist, row: &Row, cell: &VendorCell) -> bool {
    s.view
        .conflicts
        .iter()
        .any(|c| c.item == row.item.id && c.vendor == cell.vendor && c.system == cell.system)
}

/// The state of an item in one character: ✓ done, * carried from the previous edition and not
/// checked again, · unanswered, ! a rule broken or a target date passed, - not required.
fn status_mark(row: &Row, t: &Theme) -> (&'static str, Style) {
    let carried = row.latest().is_some_and(|a| a.carried.is_some());
    match &row.status {
        RowStatus::Missing(_) if row.latest().is_none() => ("·", t.base()),
        RowStatus::Missing(_) => ("!", t.error()),
        RowStatus::NotRequired => ("-", t.dim()),
        RowStatus::Done if row.overdue => ("!", t.warn()),
        RowStatus::Done if carried => ("*", t.warn()),
        RowStatus::Done => ("✓", t.ok()),
    }
}

/// ```text
/// ┌ 項目 22 ─────────────────────────────┐┌ 2⑦ 全般 · 7/22 ──────────────────┐
/// │ No.   回答   A B 項目                 ││セキュリティパッチを適用している    │
/// │■2 医療情報システムの管理・運用        ││1回目 はい 確認日 2025-11-20       │
/// │ 〔全般〕                              ││事業者 A いいえ !食い違い …        │
/// │▶2⑦  ✓はい   ×!· セキュリティパッチ…  ││参考 リスク区分：…                 │
/// └ A=ベンダーA（電子カルテ） B=… ───────┘└───────────────────────────────────┘
///  未完了 ██████████░░░░ 20/24  必須 20/22  事業者 1/2  食い違い 4  r 一覧
/// ```
/// The right-hand pane shows the selected item (with the answer form or the note editor over
/// it), the readiness list (`r`) or the vendors (`v`). At 120×36 and more the readiness list
/// stays under the item.
pub fn draw(s: &Checklist, frame: &mut Frame, area: Rect, view: &View) {
    if area.height < 3 {
        return;
    }
    let main = Rect {
        height: area.height - 1,
        ..area
    };
    let status = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    let right_w = (area.width * 19 / 40).max(34);
    let left = Rect {
        width: area.width - right_w,
        ..main
    };
    let right = Rect {
        x: area.x + area.width - right_w,
        width: right_w,
        ..main
    };
    draw_list(s, frame, left, view);
    match &s.panel {
        Panel::Vendors(p) => draw_vendors(s, p, frame, right, view),
        Panel::Readiness => draw_readiness(s, frame, right, view),
        Panel::Detail => {
            let lines = readiness_lines(s, view, right.width.saturating_sub(3) as usize);
            let h = (lines.len() as u16 + 2).min(main.height * 2 / 5);
            if area.width >= 120 && main.height >= 34 && s.edit.is_none() {
                let top = Rect {
                    height: right.height - h,
                    ..right
                };
                let bottom = Rect {
                    y: right.y + right.height - h,
                    height: h,
                    ..right
                };
                draw_detail(s, frame, top, view);
                draw_readiness(s, frame, bottom, view);
            } else {
                draw_detail(s, frame, right, view);
            }
        }
    }
    draw_status(s, frame, status, view);
}

fn draw_list(s: &Checklist, frame: &mut Frame, area: Rect, view: &View) {
    let (l, t) = (view.lang, &view.theme);
    let rows: Vec<&Row> = s.view.rows().collect();
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border())
        .title(format!(" {} {} ", l.pick("項目", "Items"), rows.len()));
    if !s.view.vendors.is_empty() {
        let legend: Vec<String> = s
            .view
            .vendors
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{}={}（{}）", letter(i), v.vendor, v.system))
            .collect();
        let legend = truncate(
            &format!(" {} ", legend.join(" ")),
            area.width.saturating_sub(4) as usize,
        );
        block = block.title_bottom(legend);
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 2 {
        return;
    }
    let w = inner.width as usize;
    let cols = Cols::new(w, s.view.vendors.len(), l);
    let mut out: Vec<Line> = Vec::new();
    let mut header = format!(
        " {}  {}",
        pad(l.pick("番号", "No."), 4),
        pad(l.pick("回答", "Ans."), cols.answer)
    );
    if cols.date > 0 {
        header.push_str(&pad(l.pick("確認日", "Checked"), cols.date));
    }
    for i in 0..cols.vendors {
        header.push_str(&pad(&letter(i).to_string(), cols.vendor));
    }
    header.push(' ');
    header.push_str(l.pick("項目", "Item"));
    out.push(Line::styled(truncate(&header, w), t.dim()));
    let height = inner.height as usize - 1;
    let here = s
        .lines
        .iter()
        .position(|x| *x == ListLine::Item(s.cursor))
        .unwrap_or(0);
    let top = lines::page_top(here, s.lines.len(), height);
    for line in s.lines.iter().skip(top).take(height) {
        match *line {
            ListLine::Section(i) => {
                let Some(sec) = s.view.sections.get(i) else {
                    continue;
                };
                out.push(Line::styled(
                    truncate(&format!("■{} {}", sec.def.number, sec.def.text.get(l)), w),
                    t.heading(),
                ));
            }
            ListLine::Device(d) => out.push(Line::styled(format!(" 〔{}〕", d.label(l)), t.dim())),
            ListLine::Item(i) => {
                let Some(row) = rows.get(i) else { continue };
                out.push(item_line(s, row, i == s.cursor, &cols, view));
            }
        }
    }
    frame.render_widget(Paragraph::new(out), inner);
}

fn item_line(s: &Checklist, row: &Row, here: bool, cols: &Cols, view: &View) -> Line<'static> {
    let (l, t) = (view.lang, &view.theme);
    let (mark, mark_style) = status_mark(row, t);
    let latest = row.latest();
    let mut spans = vec![
        Span::raw(if here { "▶" } else { " " }),
        // Only the number is reversed for the cursor: a move redraws a few cells.
        Span::styled(
            pad(row.item.label(), 4),
            if here { t.selected() } else { t.base() },
        ),
        Span::raw(" "),
        Span::styled(mark, mark_style),
        Span::raw(pad(
            latest.map(|a| a.answer.label(l)).unwrap_or(""),
            cols.answer,
        )),
    ];
    if cols.date > 0 {
        spans.push(Span::styled(
            pad(
                &latest.map(|a| a.checked_on.to_string()).unwrap_or_default(),
                cols.date,
            ),
            t.dim(),
        ));
    }
    for i in 0..cols.vendors {
        let cell = row.vendors.get(i);
        let text = match cell {
            Some(c) => {
                let conflict = conflicted(s, row, c);
                let m = vendor_mark(c, conflict, l);
                spans.push(Span::styled(
                    pad(&m, cols.vendor),
                    if conflict { t.error() } else { t.base() },
                ));
                continue;
            }
            None => " ".repeat(cols.vendor),
        };
        spans.push(Span::raw(text));
    }
    spans.push(Span::raw(" "));
    spans.push(Span::styled(
        truncate(row.item.text.get(l), cols.text),
        if row.required { t.base() } else { t.dim() },
    ));
    Line::from(spans)
}

fn boxed(title: String, frame: &mut Frame, area: Rect, t: &Theme) -> Rect {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border())
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

fn wrapped(out: &mut Vec<Line<'static>>, text: &str, w: usize, style: Style) {
    for line in wrap(text, w) {
        out.push(Line::styled(line, style));
    }
}

/// The checks of an item, oldest first: `1回目 いいえ 確認日 2025-06-01 目標日 2026-03-31`.
fn history_lines(row: &Row, w: usize, view: &View) -> Vec<Line<'static>> {
    let (l, t) = (view.lang, &view.theme);
    let mut out = Vec::new();
    if row.history.is_empty() {
        let s = if row.required {
            l.pick("未回答（y はい／n いいえ）", "Not answered (y yes / n no)")
        } else {
            l.pick(
                "未回答（この版では必須ではありません）",
                "Not answered (not required)",
            )
        };
        out.push(Line::styled(s.to_string(), t.dim()));
        return out;
    }
    let n = row.history.len();
    // The form prints two checks; more are rare, and the latest three are enough on screen.
    let skip = n.saturating_sub(3);
    if skip > 0 {
        out.push(Line::styled(
            l.pick(
                &format!("…（前の{skip}回）"),
                &format!("… ({skip} earlier)"),
            )
            .to_string(),
            t.dim(),
        ));
    }
    for (i, a) in row.history.iter().enumerate().skip(skip) {
        let mut s = format!(
            "{} {}  {} {}",
            l.pick(&format!("{}回目", i + 1), &format!("#{}", i + 1)),
            a.answer.label(l),
            l.pick("確認日", "checked"),
            a.checked_on
        );
        if let Some(target) = a.target_on {
            s.push_str(&format!("  {} {target}", l.pick("目標日", "target")));
        }
        if a.carried.is_some() {
            s.push_str(l.pick("（前版から・未確認）", " (carried, not re-checked)"));
        }
        let style = if i + 1 == n { t.heading() } else { t.dim() };
        wrapped(&mut out, &s, w, style);
    }
    out
}

fn hint_lines(row: &Row, w: usize, view: &View) -> Vec<Line<'static>> {
    let (l, t) = (view.lang, &view.theme);
    let mut out = Vec::new();
    let mut risks = Vec::new();
    for h in &row.hints {
        if let HintSource::Risk { category } = &h.source {
            if let Some(c) = risk_link::category(category) {
                risks.push(l.pick(c.ja, c.en));
            }
            continue;
        }
        wrapped(
            &mut out,
            &format!("{}{}", l.pick("参考 ", "hint: "), h.text.get(l)),
            w,
            t.accent(),
        );
    }
    if !risks.is_empty() {
        wrapped(
            &mut out,
            &format!(
                "{}{}",
                l.pick("参考 リスク区分：", "hint: risk: "),
                risks.join(l.pick("、", ", "))
            ),
            w,
            t.accent(),
        );
    }
    out
}

fn vendor_lines(s: &Checklist, row: &Row, w: usize, view: &View) -> Vec<Line<'static>> {
    let (l, t) = (view.lang, &view.theme);
    let mut out = Vec::new();
    for (i, c) in row.vendors.iter().enumerate() {
        let conflict = conflicted(s, row, c);
        let answer = match (&c.answer, c.returned) {
            (Some(a), _) => {
                let mut s = a.answer.label(l).to_string();
                if let Some(t) = a.target_on {
                    s.push_str(&format!("→{t}"));
                }
                s
            }
            (None, true) => l.pick("空欄", "blank").to_string(),
            (None, false) => l.pick("未返却", "not returned").to_string(),
        };
        let flag = if conflict {
            l.pick(" ！食い違い", " ! CONFLICT")
        } else {
            ""
        };
        let head = format!("{} {answer}{flag} ", letter(i));
        let rest = truncate(
            &format!("{}（{}）", c.vendor, c.system),
            w.saturating_sub(width(&head)),
        );
        out.push(Line::from(vec![
            Span::styled(head, if conflict { t.error() } else { t.base() }),
            Span::styled(rest, t.dim()),
        ]));
        if let Some(note) = c.answer.as_ref().and_then(|a| a.note.as_deref()) {
            out.push(Line::styled(
                truncate(
                    &format!("  {}{note}", l.pick("事業者メモ：", "vendor note: ")),
                    w,
                ),
                t.dim(),
            ));
        }
    }
    if !row.vendors.is_empty() && row.item.vendor_self {
        out.push(Line::styled(
            truncate(
                l.pick(
                    "（事業者自身の体制の項目：食い違いにはなりません）",
                    "(about the vendor's own organisation: never a conflict)",
                ),
                w,
            ),
            t.dim(),
        ));
    }
    out
}

fn draw_detail(s: &Checklist, frame: &mut Frame, area: Rect, view: &View) {
    let (l, t) = (view.lang, &view.theme);
    let Some(row) = s.row() else { return };
    let mut title = format!(" {}", row.item.label());
    if let Some(d) = row.item.device {
        title.push_str(&format!(" {}", d.label(l)));
    }
    title.push_str(&format!(" · {}/{} ", s.cursor + 1, s.ids.len()));
    let inner = boxed(title, frame, area, t);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let w = inner.width as usize - 1;
    let mut out: Vec<Line> = Vec::new();
    let text_lines = wrap(row.item.text.get(l), w);
    let editing = s.edit.is_some();
    // With a form open the item's text is cut to leave room for the fields.
    let keep = if editing { 3 } else { text_lines.len() };
    for (i, line) in text_lines.iter().enumerate().take(keep) {
        let last = i + 1 == keep && text_lines.len() > keep;
        out.push(Line::styled(
            if last {
                truncate(&format!("{line}…"), w)
            } else {
                line.clone()
            },
            t.heading(),
        ));
    }
    if !editing && row.item.wording == Wording::Unconfirmed {
        let why = row
            .item
            .unconfirmed
            .as_ref()
            .map(|u| u.get(l).to_string())
            .unwrap_or_default();
        let lines = wrap(&format!("{} {why}", l.pick("※未確認", "*unconfirmed")), w);
        for line in lines.iter().take(2) {
            out.push(Line::styled(line.clone(), t.dim()));
        }
    }
    if let Some(Edit::Answer(form)) = &s.edit {
        draw_form(s, form, row, out, frame, inner, view);
        return;
    }
    out.extend(history_lines(row, w, view));
    if let RowStatus::Missing(gap) = &row.status {
        if row.latest().is_some() {
            wrapped(&mut out, &format!("✗ {}", gap.message(l)), w, t.error());
        }
    }
    if row.overdue {
        wrapped(
            &mut out,
            l.pick(
                "! 目標日を過ぎています：確認し直してください（y／n）",
                "! The target date has passed: check again (y / n)",
            ),
            w,
            t.warn(),
        );
    }
    let latest_note = row.latest().and_then(|a| a.note.clone());
    let note_at = out.len();
    if let Some(note) = &latest_note {
        let lines = wrap(&format!("{}{note}", l.pick("メモ：", "Note: ")), w);
        for line in lines.iter().take(3) {
            out.push(Line::raw(line.clone()));
        }
    }
    if let Some(pending) = view
        .session
        .and_then(|ss| ss.record.draft(&s.key_of(&row.item.id)))
        .and_then(|d| d.note.as_deref())
        .filter(|_| row.history.is_empty())
    {
        let lines = wrap(
            &format!(
                "{}{pending}",
                l.pick(
                    "メモ（回答時に記録）：",
                    "Note (recorded with the answer): "
                )
            ),
            w,
        );
        for line in lines.iter().take(3) {
            out.push(Line::styled(line.clone(), t.dim()));
        }
    }
    if let Some(e) = row.latest().and_then(|a| a.evidence.as_ref()) {
        out.push(Line::styled(
            truncate(&format!("{}{}", l.pick("根拠：", "Evidence: "), e.path), w),
            t.dim(),
        ));
    }
    out.extend(vendor_lines(s, row, w, view));
    out.extend(hint_lines(row, w, view));
    frame.render_widget(Paragraph::new(out), inner);
    if let Some(Edit::Note { field, .. }) = &s.edit {
        draw_note(field, note_at, frame, inner, view);
    }
}

fn draw_note(
    field: &crate::tui::widgets::text_field::TextField,
    at: usize,
    frame: &mut Frame,
    inner: Rect,
    view: &View,
) {
    let (l, t) = (view.lang, &view.theme);
    let top = (inner.y + at as u16).min(inner.y + inner.height.saturating_sub(6));
    let rect = Rect {
        x: inner.x,
        y: top,
        width: inner.width,
        height: inner.y + inner.height - top,
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.accent())
        .title(l.pick(
            " メモ（Esc/Ctrl-S で保存） ",
            " Note (Esc/Ctrl-S keeps it) ",
        ));
    let note_inner = block.inner(rect);
    crate::tui::widgets::overlay::clear(frame, rect);
    frame.render_widget(block, rect);
    field.draw(frame, note_inner, t.base(), true);
}

/// The answer form under the item's text:
///
/// ```text
/// → いいえ（2回目）
/// 確認日 [2026-11-25  ]
/// 目標日 [2027-04-01  ] 2027-03-31 まで
/// ✗ 目標日 2027-04-01 は 2027-03-31（確認日の年度末）より後です…
/// ```
fn draw_form(
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
        Some(a) if form.checked.text().trim() == a.checked_on.to_string() => l
            .pick(
                &format!("（{}回目を訂正）", row.history.len()),
                &format!(" (corrects check {})", row.history.len()),
            )
            .to_string(),
        _ => l
            .pick(
                &format!("（{}回目）", row.history.len() + 1),
                &format!(" (check {})", row.history.len() + 1),
            )
            .to_string(),
    };
    out.push(Line::styled(
        truncate(&format!("→ {}{next}", form.answer.label(l)), w),
        t.heading(),
    ));
    let label_w = if l == Lang::Ja { 7 } else { 9 };
    const FIELD_W: usize = 12;
    let mut fields = Vec::new();
    let mut field_row = |out: &mut Vec<Line<'static>>, label: &str, which: Field, extra: String| {
        let focused = form.focus == which;
        fields.push((out.len(), which));
        let head = pad(label, label_w);
        let mut spans = vec![
            Span::styled(head, if focused { t.heading() } else { t.base() }),
            Span::styled(format!("[{}]", " ".repeat(FIELD_W)), t.dim()),
        ];
        let fits = label_w + FIELD_W + 2 + width(&extra) <= w;
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
    field_row(
        &mut out,
        l.pick("確認日", "Checked"),
        Field::Checked,
        l.pick(" 今日以前", " today or before").to_string(),
    );
    if let Some(e) = &form.checked_error {
        wrapped(&mut out, &format!("✗ {}", e.message(l)), w, t.error());
    }
    if form.target.is_some() {
        let range = form
            .limit
            .map(|lim| {
                let why = if lim.by_item {
                    l.pick("（項目の期限）", " (item's deadline)")
                } else {
                    l.pick("（年度末）", " (end of FY)")
                };
                l.pick(
                    &format!(" {} まで{why}", lim.date),
                    &format!(" by {}{why}", lim.date),
                )
                .to_string()
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
    if let Some(e) = &form.other_error {
        wrapped(&mut out, &format!("✗ {}", e.message(l)), w, t.error());
    }
    if let Some(note) = view
        .session
        .and_then(|ss| ss.record.draft(&s.key_of(&row.item.id)))
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
        let y = inner.y + at as u16;
        if y >= inner.y + inner.height {
            continue;
        }
        let field = match which {
            Field::Checked => Some(&form.checked),
            Field::Target => form.target.as_ref(),
        };
        if let Some(f) = field {
            let rect = Rect {
                x: inner.x + label_w as u16 + 1,
                y,
                width: FIELD_W as u16,
                height: 1,
            };
            f.draw(
                frame,
                rect,
                t.base().add_modifier(Modifier::UNDERLINED),
                form.focus == which,
            );
        }
    }
}

/// What the readiness pane lists: the gauge, the counts, what is missing and the conflicts.
fn readiness_lines(s: &Checklist, view: &View, w: usize) -> Vec<Line<'static>> {
    let (l, t) = (view.lang, &view.theme);
    let r = &s.view.readiness;
    let rows: Vec<&Row> = s.view.rows().collect();
    let item = |id: &str| rows.iter().find(|x| x.item.id == id).copied();
    let mut out = Vec::new();
    let state = if r.ready {
        l.pick("準備完了", "Ready")
    } else {
        l.pick("未完了", "Not ready")
    };
    let total = r.required + r.vendors;
    let done = r.done + r.vendors_returned;
    out.push(Line::from(vec![
        Span::styled(format!("{state} "), if r.ready { t.ok() } else { t.warn() }),
        Span::raw(bar(r.ratio(), 12)),
        Span::raw(format!(" {done}/{total}")),
    ]));
    wrapped(
        &mut out,
        l.pick(
            &format!(
                "必須項目 {}/{}  事業者の返却 {}/{}  食い違い {}",
                r.done,
                r.required,
                r.vendors_returned,
                r.vendors,
                s.view.conflicts.len()
            ),
            &format!(
                "Items {}/{}  vendor forms {}/{}  conflicts {}",
                r.done,
                r.required,
                r.vendors_returned,
                r.vendors,
                s.view.conflicts.len()
            ),
        ),
        w,
        t.base(),
    );
    if !r.missing.is_empty() {
        out.push(Line::styled(
            l.pick(
                &format!("未完了（{}）", r.missing.len()),
                &format!("Missing ({})", r.missing.len()),
            )
            .to_string(),
            t.heading(),
        ));
        for m in &r.missing {
            let line = match m {
                Missing::Item { id, gap } => {
                    let (label, text) = item(id)
                        .map(|x| (x.item.label().to_string(), x.item.text.get(l).to_string()))
                        .unwrap_or_else(|| (id.clone(), String::new()));
                    let what = match gap {
                        crate::domain::checklist::view::Gap::Unanswered => {
                            l.pick("未回答", "unanswered")
                        }
                        crate::domain::checklist::view::Gap::Invalid(_) => {
                            l.pick("要修正", "to fix")
                        }
                        crate::domain::checklist::view::Gap::Carried { .. } => {
                            l.pick("引き継ぎ・要確認", "carried, to confirm")
                        }
                    };
                    format!("・{label} {what} {text}")
                }
                Missing::Vendor { .. } => {
                    // What is missing about a vendor is said whole: it names who to chase.
                    for (i, line) in wrap(&m.message(l), w.saturating_sub(2)).iter().enumerate() {
                        out.push(Line::styled(
                            format!("{}{line}", if i == 0 { "・" } else { "  " }),
                            t.warn(),
                        ));
                    }
                    continue;
                }
            };
            out.push(Line::raw(truncate(&line, w)));
        }
    }
    if !s.view.conflicts.is_empty() {
        out.push(Line::styled(
            l.pick(
                &format!("食い違い（{}）：事業者と確認を", s.view.conflicts.len()),
                &format!("Conflicts ({}): talk to the vendor", s.view.conflicts.len()),
            )
            .to_string(),
            t.heading(),
        ));
        for c in &s.view.conflicts {
            let i = s
                .view
                .vendors
                .iter()
                .position(|v| v.vendor == c.vendor && v.system == c.system)
                .unwrap_or(0);
            let label = item(&c.item)
                .map(|x| x.item.label().to_string())
                .unwrap_or_else(|| c.item.clone());
            let line = l
                .pick(
                    &format!(
                        "・{label} 病院 {} ≠ {} {}",
                        c.hospital.label(l),
                        letter(i),
                        c.vendor_answer.label(l)
                    ),
                    &format!(
                        "・{label} hospital {} ≠ {} {}",
                        c.hospital.label(l),
                        letter(i),
                        c.vendor_answer.label(l)
                    ),
                )
                .to_string();
            out.push(Line::styled(truncate(&line, w), t.error()));
        }
    }
    if r.ready {
        out.push(Line::styled(
            truncate(
                &format!(
                    "{} shindan checklist form {} -o …",
                    l.pick("印刷：", "Print:"),
                    s.view.record
                ),
                w,
            ),
            t.dim(),
        ));
    }
    out
}

fn draw_readiness(s: &Checklist, frame: &mut Frame, area: Rect, view: &View) {
    let inner = boxed(
        view.lang
            .pick(" 立入検査の準備 ", " Ready for inspection ")
            .to_string(),
        frame,
        area,
        &view.theme,
    );
    let lines = readiness_lines(s, view, inner.width.saturating_sub(1) as usize);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_vendors(s: &Checklist, p: &VendorsPanel, frame: &mut Frame, area: Rect, view: &View) {
    let (l, t) = (view.lang, &view.theme);
    let inner = boxed(
        l.pick(" 事業者（事業者確認用） ", " Vendors (vendor forms) ")
            .to_string(),
        frame,
        area,
        t,
    );
    let w = inner.width.saturating_sub(1) as usize;
    let mut out: Vec<Line> = Vec::new();
    if s.view.vendors.is_empty() {
        wrapped(
            &mut out,
            l.pick(
                "事業者はまだいません。a で追加（名前とシステム、例：電子カルテ）。",
                "No vendors yet. a adds one (name and system, e.g. EMR).",
            ),
            w,
            t.dim(),
        );
    }
    for (i, v) in s.view.vendors.iter().enumerate() {
        let here = i == p.cursor;
        out.push(Line::from(vec![
            Span::raw(if here { "▶" } else { " " }),
            Span::styled(
                letter(i).to_string(),
                if here { t.selected() } else { t.base() },
            ),
            Span::raw(" "),
            Span::raw(truncate(
                &format!("{}（{}）", v.vendor, v.system),
                w.saturating_sub(3),
            )),
        ]));
        let sent = v
            .sent_on
            .map(|d| format!("{} {d}", l.pick("送付", "sent")))
            .unwrap_or_else(|| l.pick("未送付", "not sent").to_string());
        out.push(Line::styled(truncate(&format!("   {sent}"), w), t.dim()));
        let back = match v.returned_on {
            Some(on) => l
                .pick(
                    &format!("返却 {on}  {}/{}項目に回答", v.answered, v.on_form),
                    &format!("returned {on}, {}/{} answered", v.answered, v.on_form),
                )
                .to_string(),
            None if v.carried => l
                .pick(
                    "昨年の返却分のみ（未確認）",
                    "only last year's return (unconfirmed)",
                )
                .to_string(),
            None => l.pick("未返却", "not returned").to_string(),
        };
        out.push(Line::styled(
            truncate(&format!("   {back}"), w),
            if v.returned_at.is_some() {
                t.dim()
            } else {
                t.warn()
            },
        ));
    }
    out.push(Line::raw(""));
    if p.confirm {
        if let Some(v) = s.view.vendors.get(p.cursor) {
            wrapped(
                &mut out,
                l.pick(
                    &format!(
                        "{}（{}）を削除しますか？返却された回答も消えます。y で削除、他のキーでやめる",
                        v.vendor, v.system
                    ),
                    &format!(
                        "Remove {} ({})? What it returned goes too. y removes, any other key keeps it",
                        v.vendor, v.system
                    ),
                ),
                w,
                t.warn(),
            );
        }
    }
    let mut field_rows: Vec<usize> = Vec::new();
    let label_w = if l == Lang::Ja { 10 } else { 8 };
    if let Some(form) = &p.add {
        for (label, on) in [
            (l.pick("事業者名", "Vendor"), !form.on_system),
            (l.pick("システム", "System"), form.on_system),
        ] {
            field_rows.push(out.len());
            out.push(Line::from(vec![
                Span::styled(pad(label, label_w), if on { t.heading() } else { t.base() }),
                Span::styled(
                    format!("[{}]", " ".repeat(w.saturating_sub(label_w + 2))),
                    t.dim(),
                ),
            ]));
        }
        if let Some(e) = &form.error {
            wrapped(&mut out, &format!("✗ {}", e.message(l)), w, t.error());
        }
        wrapped(
            &mut out,
            l.pick(
                "システムの例：電子カルテ、PACS、院内ネットワーク",
                "System, e.g. EMR, PACS, hospital network",
            ),
            w,
            t.dim(),
        );
    } else {
        wrapped(
            &mut out,
            l.pick(
                &format!(
                    "送付：shindan checklist form {} --vendor 名前 --system システム",
                    s.view.record
                ),
                &format!(
                    "Send: shindan checklist form {} --vendor NAME --system SYSTEM",
                    s.view.record
                ),
            ),
            w,
            t.dim(),
        );
        wrapped(
            &mut out,
            l.pick(
                &format!("取込：shindan checklist import {} ファイル", s.view.record),
                &format!("Import: shindan checklist import {} FILE", s.view.record),
            ),
            w,
            t.dim(),
        );
    }
    frame.render_widget(Paragraph::new(out), inner);
    if let Some(form) = &p.add {
        let fields = [
            (&form.name, !form.on_system),
            (&form.system, form.on_system),
        ];
        for (at, (field, on)) in field_rows.into_iter().zip(fields) {
            let y = inner.y + at as u16;
            if y >= inner.y + inner.height {
                continue;
            }
            let rect = Rect {
                x: inner.x + label_w as u16 + 1,
                y,
                width: (w.saturating_sub(label_w + 2)) as u16,
                height: 1,
            };
            field.draw(frame, rect, t.base().add_modifier(Modifier::UNDERLINED), on);
        }
    }
}

fn draw_status(s: &Checklist, frame: &mut Frame, area: Rect, view: &View) {
    let (l, t) = (view.lang, &view.theme);
    let r = &s.view.readiness;
    let total = r.required + r.vendors;
    let done = r.done + r.vendors_returned;
    let mut spans = vec![
        Span::styled(
            format!(
                " {} ",
                if r.ready {
                    l.pick("準備完了", "Ready")
                } else {
                    l.pick("未完了", "Not ready")
                }
            ),
            if r.ready { t.ok() } else { t.warn() },
        ),
        Span::raw(bar(r.ratio(), 14)),
        Span::raw(format!(" {done}/{total}")),
        Span::raw(
            l.pick(
                &format!(
                    "  必須 {}/{}  事業者 {}/{}",
                    r.done, r.required, r.vendors_returned, r.vendors
                ),
                &format!(
                    "  items {}/{}  vendors {}/{}",
                    r.done, r.required, r.vendors_returned, r.vendors
                ),
            )
            .to_string(),
        ),
    ];
    let conflicts = s.view.conflicts.len();
    spans.push(Span::styled(
        l.pick(
            &format!("  食い違い {conflicts}"),
            &format!("  conflicts {conflicts}"),
        )
        .to_string(),
        if conflicts > 0 { t.error() } else { t.base() },
    ));
    if !matches!(s.panel, Panel::Readiness) && !r.missing.is_empty() {
        spans.push(Span::styled(
            l.pick("  r 一覧", "  r list").to_string(),
            t.key(),
        ));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if used > area.width as usize {
        spans.truncate(3);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
