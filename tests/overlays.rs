//! The shared overlays and the one form component: the note editor and the path prompt drawn
//! alone (snapshots, the terminal's cursor at the caret), every form's focus order as a user
//! meets it (the top field first, Tab down to the last and no further, Shift-Tab back, the `▸`
//! marker on the focused field), and the sources keeping one copy of each.

mod ui;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::layout::{Position, Rect};
use ratatui::Terminal;
use shindan::domain::{Lang, Questionnaire};
use shindan::tui::events::Event;
use shindan::tui::screens::path_prompt::{PathKey, PathPrompt};
use shindan::tui::theme::Theme;
use shindan::tui::widgets::note_editor::{NoteEditor, NoteKey};
use std::path::Path;
use ui::{add, plain_lines, Ui};

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

// ---------- the note editor ----------

fn note_screen(editor: &NoteEditor, lang: Lang) -> (String, Position) {
    let mut term = Terminal::new(TestBackend::new(40, 6)).unwrap();
    term.draw(|f| editor.render(f, Rect::new(0, 0, 40, 6), &Theme::mono(), lang))
        .unwrap();
    let cursor = term.get_cursor_position().unwrap();
    (
        plain_lines(term.backend().buffer()).join("\n") + "\n",
        cursor,
    )
}

#[test]
fn the_note_editor_keeps_what_was_typed_and_its_cursor_is_at_the_caret() {
    let mut n = NoteEditor::open("");
    for c in "停電時の手順".chars() {
        n.handle(press(KeyCode::Char(c)));
    }
    assert_eq!(n.handle(press(KeyCode::Enter)), NoteKey::Editing);
    n.paste("UPS 15分\r\n");
    let (screen, cursor) = note_screen(&n, Lang::Ja);
    insta::assert_snapshot!("note_editor_ja", screen);
    // After the paste's line break: the third line's first cell, inside the border.
    assert_eq!(cursor, Position { x: 1, y: 3 });
    assert_eq!(
        n.handle(press(KeyCode::Esc)),
        NoteKey::Kept("停電時の手順\nUPS 15分\n".to_string())
    );
}

#[test]
fn the_note_editor_on_a_control_names_it_and_its_keys() {
    let n = NoteEditor::about("テープは月1回搬出", "オフラインバックアップ".to_string());
    let (screen, cursor) = note_screen(&n, Lang::En);
    insta::assert_snapshot!("note_editor_about_en", screen);
    // After 「テープは月1回搬出」: 8 wide characters and one narrow, 17 cells.
    assert_eq!(cursor, Position { x: 1 + 17, y: 1 });
}

// ---------- the path prompt (export and the vendor forms) ----------

#[test]
fn the_path_prompt_offers_the_file_and_stays_open_with_a_refusal() {
    let mut p = PathPrompt::new(
        ("書き出し 2025-001：Markdown".into(), "Export".into()),
        Path::new("/data/exports/2025-001-20250601.md"),
        Vec::new(),
    );
    p.error = Some("書き出せません：/data/exports：許可がありません".into());
    let mut term = Terminal::new(TestBackend::new(80, 12)).unwrap();
    let view = shindan::tui::app::View {
        lang: Lang::Ja,
        theme: Theme::mono(),
        session: None,
    };
    term.draw(|f| p.render(f, f.area(), &view)).unwrap();
    let screen = plain_lines(term.backend().buffer()).join("\n") + "\n";
    insta::assert_snapshot!("path_prompt_refused_ja", screen);
    assert_eq!(
        p.handle(press(KeyCode::Enter)),
        PathKey::Chosen("/data/exports/2025-001-20250601.md".into(), 0)
    );
}

// ---------- every form: the top field first, Tab down, Shift-Tab up, never round ----------

/// The focused field's label, as the `▸` marker shows it, among `labels` (exactly one).
fn focused<'a>(ui: &Ui, labels: &[&'a str]) -> &'a str {
    let screen = ui.screen();
    let on: Vec<&str> = labels
        .iter()
        .copied()
        .filter(|l| screen.contains(&format!("▸{l}")))
        .collect();
    assert_eq!(on.len(), 1, "one marked field among {labels:?}:\n{screen}");
    on[0]
}

/// Tab from the first field to the last (one more Tab stays there), then Shift-Tab back to
/// the first (one more stays there).
fn walk_the_fields(ui: &mut Ui, labels: &[&str]) {
    assert_eq!(focused(ui, labels), labels[0], "opens on the top field");
    for want in &labels[1..] {
        ui.press(KeyCode::Tab);
        assert_eq!(focused(ui, labels), *want);
    }
    ui.press(KeyCode::Tab);
    assert_eq!(
        focused(ui, labels),
        labels[labels.len() - 1],
        "Tab on the last field never jumps back"
    );
    for want in labels.iter().rev().skip(1) {
        ui.app.handle(Event::Key(KeyEvent::new(
            KeyCode::BackTab,
            KeyModifiers::SHIFT,
        )));
        ui.draw();
        assert_eq!(focused(ui, labels), *want);
    }
    ui.app.handle(Event::Key(KeyEvent::new(
        KeyCode::BackTab,
        KeyModifiers::SHIFT,
    )));
    ui.draw();
    assert_eq!(focused(ui, labels), labels[0]);
}

const PROFILE: [(&str, &str); 5] = [
    ("hospital_name", "みなと中央病院"),
    ("beds", "120"),
    ("founder", "prefecture_municipal"),
    ("associations", "jha"),
    ("budget_bracket", "lt5m"),
];

fn opened(lang: Lang) -> Ui {
    let mut ui = Ui::new(lang, 100, 30, |s| {
        add(s, &PROFILE);
    });
    ui.press(KeyCode::Enter);
    ui
}

#[test]
fn the_new_record_form_goes_name_beds_founder() {
    let mut ui = Ui::new(Lang::Ja, 100, 30, |_| {});
    ui.key('n');
    let qn = Questionnaire::embedded();
    let label = |id: &str| qn.question(id).unwrap().text.get(Lang::Ja).to_string();
    let labels = [label("hospital_name"), label("beds"), label("founder")];
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    walk_the_fields(&mut ui, &labels);
    // ↓ from a text field is the next field too; `j` is typed into the name.
    ui.key('j');
    assert_eq!(focused(&ui, &labels), labels[0]);
    assert!(ui.line_of(labels[0]).contains('j'), "{}", ui.screen());
    ui.press(KeyCode::Down);
    assert_eq!(focused(&ui, &labels), labels[1]);
}

#[test]
fn the_no_answer_form_goes_target_then_checked() {
    let mut ui = opened(Lang::Ja);
    // Past the gate item (c0: its いいえ takes no target) to the first of section 1.
    ui.key('c').press(KeyCode::Down).press(KeyCode::Down);
    ui.key('n');
    walk_the_fields(&mut ui, &["目標日", "確認日"]);
}

#[test]
fn the_vendor_form_goes_name_then_system() {
    let mut ui = opened(Lang::Ja);
    ui.key('c').key('v').key('a');
    walk_the_fields(&mut ui, &["事業者名", "システム"]);
}

#[test]
fn the_contact_form_goes_down_its_five_fields() {
    let mut ui = opened(Lang::Ja);
    ui.key('t').press(KeyCode::Enter);
    walk_the_fields(&mut ui, &["氏名", "役職", "所属・組織", "電話", "メモ"]);
}

#[test]
fn the_rates_form_goes_minimum_then_sufficient() {
    let mut ui = opened(Lang::En);
    ui.key('b').key('r');
    walk_the_fields(&mut ui, &["Minimum", "Sufficient"]);
}

// ---------- one copy of each ----------

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The files under `src/` whose text contains `needle`, relative to the crate.
fn holding(needle: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let mut out: Vec<String> = files
        .into_iter()
        .filter(|p| std::fs::read_to_string(p).unwrap().contains(needle))
        .map(|p| {
            p.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    out.sort();
    out
}

#[test]
fn tui_textarea_is_used_in_one_module() {
    assert_eq!(holding("tui_textarea"), ["src/tui/widgets/text_field.rs"]);
}

#[test]
fn no_screen_keeps_its_own_note_editor() {
    // A multi-line field is a note; the one note editor is the only place that makes one.
    assert_eq!(
        holding("TextField::multi("),
        [
            "src/tui/widgets/note_editor.rs",
            "src/tui/widgets/text_field.rs"
        ]
    );
}

#[test]
fn draft_keys_are_spelled_in_one_place() {
    for prefix in [
        "\"checklist/{",
        "\"matrix/{",
        "\"contacts/{",
        "format!(\"checklist/",
    ] {
        assert!(
            holding(prefix).is_empty(),
            "{prefix}: {:?}",
            holding(prefix)
        );
    }
}
