//! Drawing the checklist screen from its state: nothing is computed here beyond laying out what
//! the domain's `ChecklistView` holds.

use super::form_view::draw_form;
use super::lines::{self, ListLine};
use super::readiness::{draw_readiness, draw_status, readiness_lines};
use super::vendors_view::draw_vendors;
use super::{Checklist, Panel};
use crate::domain::checklist::risk_link;
use crate::domain::checklist::view::{Gap, HintSource, Row, RowStatus, VendorCell};
use crate::domain::checklist::Wording;
use crate::domain::record::checklist_answers::YesNo;
use crate::domain::Lang;
use crate::text::{pad, truncate, width, wrap};
use crate::tui::app::View;
use crate::tui::keys::{self, Intent, Pane, Scope};
use crate::tui::screens::overlay::Overlay;
use crate::tui::theme::Theme;
use crate::tui::widgets::note_editor::NoteEditor;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

/// Vendor columns shown in the list at most; the detail pane names every vendor.
const VENDOR_COLUMNS: usize = 5;

pub fn letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

/// Column widths of the item list for an inner width.
struct Cols {
    /// The list's width inside its box.
    inner: usize,
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
        let answer = if narrow(inner) {
            3
        } else {
            width(YesNo::Yes.label(lang)).max(width(YesNo::No.label(lang))) + 1
        };
        let date = if wide { 11 } else { 0 };
        let vendor = if wide { 3 } else { 2 };
        let vendors = vendors.min(VENDOR_COLUMNS);
        // marker, number, space, status, answer, date, vendors, space
        let fixed = 1 + 4 + 1 + 1 + answer + date + vendors * vendor + 1;
        Cols {
            inner,
            answer,
            date,
            vendor,
            vendors,
            text: inner.saturating_sub(fixed),
        }
    }
}

/// A list this narrow (at 60 columns) gives its items' names the answer column's room: the
/// answer is a mark (○/× in Japanese, Y/N in English) instead of はい／いいえ.
fn narrow(inner: usize) -> bool {
    inner < 30
}

/// The answer as the list shows it.
fn answer_cell(answer: YesNo, inner: usize, lang: Lang) -> &'static str {
    match (narrow(inner), answer) {
        (false, a) => a.label(lang),
        (true, YesNo::Yes) => lang.pick("○", "Y"),
        (true, YesNo::No) => lang.pick("×", "N"),
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

/// The state of an item in one character: ✓ done, * carried (from last year's record or the
/// previous edition) and not confirmed, · unanswered, ! a rule broken or a target date passed,
/// - not required.
fn status_mark(row: &Row, t: &Theme) -> (&'static str, Style) {
    let carried = row.latest().is_some_and(|a| a.carried.is_some());
    match &row.status {
        RowStatus::Missing(_) if row.latest().is_none() => ("·", t.base()),
        RowStatus::Missing(Gap::Carried { .. }) => ("*", t.warn()),
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
    let [main, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let right_w = (area.width * 19 / 40).max(34);
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_w)]).areas(main);
    draw_list(s, frame, left, view);
    match &s.panel {
        Panel::Vendors(p) => draw_vendors(s, p, frame, right, view),
        Panel::Readiness => draw_readiness(s, frame, right, view),
        Panel::Detail => {
            let lines = readiness_lines(s, view, right.width.saturating_sub(3) as usize);
            let h = (lines.len() as u16 + 2).min(main.height * 2 / 5);
            if area.width >= 120 && main.height >= 34 && !s.editing_item() {
                let [top, bottom] =
                    Layout::vertical([Constraint::Fill(1), Constraint::Length(h)]).areas(right);
                draw_detail(s, frame, top, view);
                draw_readiness(s, frame, bottom, view);
            } else {
                draw_detail(s, frame, right, view);
            }
        }
    }
    draw_status(s, frame, status, view);
    if let Some(overlay) = &s.overlay {
        overlay.render_prompt(frame, area, view);
    }
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
        pad(
            if narrow(w) {
                l.pick("答", "Y/N")
            } else {
                l.pick("回答", "Ans.")
            },
            cols.answer
        )
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
            latest.map_or("", |a| answer_cell(a.answer, cols.inner, l)),
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

pub fn boxed(title: String, frame: &mut Frame, area: Rect, t: &Theme) -> Rect {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border())
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

pub fn wrapped(out: &mut Vec<Line<'static>>, text: &str, w: usize, style: Style) {
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
            l.pick_with(
                || format!("…（前の{skip}回）"),
                || format!("… ({skip} earlier)"),
            ),
            t.dim(),
        ));
    }
    for (i, a) in row.history.iter().enumerate().skip(skip) {
        // Last year's check keeps its date in sight, named as last year's: this year's form
        // has no check yet.
        let from_last_year = a.carried.as_ref().and_then(|c| c.record.as_ref());
        let check = match from_last_year {
            Some(_) => l.pick("前年度", "Last year").to_string(),
            None => l.pick_with(|| format!("{}回目", i + 1), || format!("#{}", i + 1)),
        };
        let mut s = format!(
            "{check} {}  {} {}",
            a.answer.label(l),
            l.pick("確認日", "checked"),
            a.checked_on
        );
        if let Some(target) = a.target_on {
            s.push_str(&format!("  {} {target}", l.pick("目標日", "target")));
        }
        match (from_last_year, &a.carried) {
            (Some(r), _) => s.push_str(&l.pick_with(
                || format!("（{r} から・未確認）"),
                || format!(" (from {r}, not confirmed)"),
            )),
            (None, Some(_)) => {
                s.push_str(l.pick("（前版から・未確認）", " (carried, not re-checked)"))
            }
            (None, None) => {}
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
        // The chart is one key away here, not a command to type.
        let text = match &h.source {
            HintSource::Contacts { filled, total } => {
                let key = keys::shown(Scope::Record, Intent::Show(Pane::Contacts));
                l.pick_with(
                    || format!("連絡体制図：{total}件中{filled}件記入（{key} で開く）"),
                    || format!("contact chart: {filled} of {total} filled ({key} opens it)"),
                )
            }
            _ => h.text.get(l).to_string(),
        };
        wrapped(
            &mut out,
            &format!("{}{text}", l.pick("参考 ", "hint: ")),
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

/// What a carried item waits for, and the keys that do it: confirmed today as it is, or
/// answered again.
fn carried_hint(s: &Checklist, view: &View) -> String {
    let l = view.lang;
    let confirm = keys::shown(Scope::Checklist, Intent::Confirm);
    let section = keys::shown(Scope::Checklist, Intent::ConfirmSection);
    let today = s.clock.today();
    l.pick_with(
        || format!("* 未確認：{confirm} で今日（{today}）の確認日で確認、{section} で項をすべて、y／n で回答し直す"),
        || format!("* Not confirmed: {confirm} confirms it checked today ({today}), {section} the whole section, y / n answers anew"),
    )
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
    let editing = s.editing_item();
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
    if let Some(form) = s.answer_form() {
        draw_form(s, form, row, out, frame, inner, view);
        return;
    }
    out.extend(history_lines(row, w, view));
    match &row.status {
        RowStatus::Missing(Gap::Carried { .. }) => {
            wrapped(&mut out, &carried_hint(s, view), w, t.warn());
        }
        RowStatus::Missing(gap) if row.latest().is_some() => {
            wrapped(&mut out, &format!("✗ {}", gap.message(l)), w, t.error());
        }
        _ => {}
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
        .and_then(|ss| s.key_of(&row.item.id).get(&ss.record))
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
    if let Some(editor) = s.overlay.as_ref().and_then(Overlay::note) {
        editor.render(
            frame,
            NoteEditor::below(inner, note_at, 6),
            &view.theme,
            view.lang,
        );
    }
}
