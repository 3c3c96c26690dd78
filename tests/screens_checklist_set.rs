//! The inspection set is written from the checklist screen itself (`w`), in the shared path
//! prompt with its formats (HTML, CSV, Markdown), under `exports/` unless another path is
//! typed; what was written is said on the readiness panel. Tab that completes nothing says
//! so in the UI's language.

mod ui;

use crossterm::event::KeyCode;
use shindan::domain::Lang;
use ui::{Ui, SAMPLE};

fn checklist(lang: Lang) -> Ui {
    let mut ui = Ui::opened(lang, 100, 30, &SAMPLE);
    ui.press(KeyCode::Char('c'));
    ui.shows(lang.pick("厚労省チェックリスト", "MHLW checklist"));
    ui
}

/// The files written under the data dir's `exports/`.
fn exported(ui: &Ui) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(ui.dir.path().join("exports"))
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn the_set_is_written_from_the_screen_in_each_format() {
    for lang in [Lang::Ja, Lang::En] {
        let mut ui = checklist(lang);
        // The readiness panel offers the key, not a command to type elsewhere.
        ui.press(KeyCode::Char('r'));
        ui.shows(lang.pick(
            "w 立入検査用の一式を書き出す",
            "w writes the inspection set",
        ));
        assert!(!ui.has("shindan "), "{}", ui.screen());
        ui.press(KeyCode::Char('w'));
        ui.shows(lang.pick("立入検査用の一式を書き出す", "Write the inspection set"));
        ui.shows(".html");
        ui.press(KeyCode::Enter);
        let files = exported(&ui);
        assert_eq!(files.len(), 1, "{files:?}");
        let html = std::fs::read_to_string(&files[0]).unwrap();
        assert!(html.contains("<html") && html.contains("聖マリア記念病院"));
        assert!(html.contains(lang.pick("医療機関確認用", "Hospital's form")));
        // Said on the panel, which stays open on readiness.
        ui.shows(lang.pick("書き出しました：", "Written: "));
        ui.shows(lang.pick("立入検査の準備", "Ready for inspection"));
        // The CSV: one step down the formats, the path's extension follows.
        ui.press(KeyCode::Char('w')).press(KeyCode::Down);
        ui.shows(".csv");
        ui.press(KeyCode::Enter);
        let csv = exported(&ui)
            .into_iter()
            .find(|p| p.extension().is_some_and(|e| e == "csv"))
            .expect("the CSV under exports/");
        let text = String::from_utf8(std::fs::read(csv).unwrap()).unwrap();
        assert!(
            text.starts_with(lang.pick("\u{feff}\"区分\",\"番号\"", "\u{feff}\"Section\",\"No.\"")),
            "{text}"
        );
        // And Markdown, two steps down.
        ui.press(KeyCode::Char('w'))
            .press(KeyCode::Down)
            .press(KeyCode::Down);
        ui.shows(".md");
        ui.press(KeyCode::Enter);
        assert_eq!(exported(&ui).len(), 3);
    }
}

#[test]
fn tab_that_completes_nothing_says_so_in_the_uis_language() {
    for lang in [Lang::Ja, Lang::En] {
        let mut ui = checklist(lang);
        ui.press(KeyCode::Char('w'));
        let dir = ui.dir.path().display().to_string();
        for _ in 0..200 {
            ui.press(KeyCode::Backspace);
        }
        ui.typed(&format!("{dir}/zz-nothing")).press(KeyCode::Tab);
        ui.shows(lang.pick(
            "「zz-nothing」で始まる名前はありません",
            "No name starts with “zz-nothing”",
        ));
        // Typing again clears it.
        ui.typed("x");
        assert!(!ui.has("zz-nothingx」"), "{}", ui.screen());
        for _ in 0..200 {
            ui.press(KeyCode::Backspace);
        }
        ui.typed("/no/such/folder/x").press(KeyCode::Tab);
        ui.shows(lang.pick(
            "フォルダ /no/such/folder/ がないか、読めません",
            "No folder /no/such/folder/, or it cannot be read",
        ));
    }
}

/// A folder given for the file to import: said in the UI's language, the OS's words only as
/// the detail in brackets.
#[test]
fn an_os_error_on_the_screen_is_in_the_uis_language() {
    for lang in [Lang::Ja, Lang::En] {
        let mut ui = checklist(lang);
        ui.press(KeyCode::Char('v')).press(KeyCode::Char('r'));
        for _ in 0..200 {
            ui.press(KeyCode::Backspace);
        }
        let dir = ui.dir.path().display().to_string();
        ui.typed(&dir).press(KeyCode::Enter);
        ui.shows(lang.pick("フォルダです", "that is a folder"));
    }
}
