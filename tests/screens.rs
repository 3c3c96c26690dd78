//! Screens drawn on ratatui's TestBackend at fixed sizes, in both languages: what a user sees,
//! pinned as snapshots, plus buffer assertions for what a snapshot cannot show (styles).

mod ui;

use chrono::{TimeZone, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use ratatui::Terminal;
use shindan::domain::validate::answer_from_input;
use shindan::domain::{Lang, Questionnaire, Record};
use shindan::store::Store;
use shindan::tui::app::App;
use shindan::tui::events::Event;
use shindan::tui::theme::Theme;
use ui::{add, fixed, Ui};

fn hospital(store: &Store) {
    add(
        store,
        &[
            ("hospital_name", "聖マリア記念病院"),
            ("beds", "350"),
            ("founder", "medical_corporation"),
        ],
    );
    add(
        store,
        &[
            ("hospital_name", "みなと中央病院"),
            ("beds", "120"),
            ("founder", "prefecture_municipal"),
            ("threat", "yes"),
        ],
    );
}

#[test]
fn home_ja_80x24() {
    let ui = Ui::new(Lang::Ja, 80, 24, hospital);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn home_en_80x24() {
    let ui = Ui::new(Lang::En, 80, 24, hospital);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn home_lists_damaged_files_with_their_reason() {
    let ui = Ui::new(Lang::Ja, 80, 24, |s| {
        hospital(s);
        std::fs::write(s.dir().join("2025-009.json"), "{ broken").unwrap();
    });
    let screen = ui.screen();
    assert!(screen.contains("読み込めないファイル"), "{screen}");
    assert!(
        screen.contains("2025-009.json  JSONとして壊れています"),
        "{screen}"
    );
}

/// Opens the 350-bed record: at the threat question, the first unanswered (revenue, before it,
/// is optional).
fn at_threat(lang: Lang) -> Ui {
    Ui::opened(lang, 80, 24, &ui::SAMPLE[..4])
}

#[test]
fn single_choice_ja_80x24() {
    let mut ui = at_threat(Lang::Ja);
    assert!(
        ui.screen().contains("問 6/22"),
        "opens at the first unanswered: {}",
        ui.screen()
    );
    ui.press(KeyCode::Down);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn single_choice_en_80x24() {
    let mut ui = at_threat(Lang::En);
    ui.press(KeyCode::Down);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn the_selection_is_reversed_so_it_shows_without_colour() {
    let mut ui = at_threat(Lang::Ja);
    ui.press(KeyCode::Down);
    let y = ui.row_of("感じていない") as u16;
    let buf = ui.fresh();
    let x = (0..80).find(|&x| buf[(x, y)].symbol() == "感").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    let y = ui.row_of("感じている") as u16;
    let x = (0..80).find(|&x| buf[(x, y)].symbol() == "感").unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

/// Goes to staff_fulltime with staff_total = 2, types 5 and Enter.
fn number_error(lang: Lang) -> Ui {
    let mut ui = Ui::new(lang, 80, 24, |s| {
        add(
            s,
            &[
                ("hospital_name", "聖マリア記念病院"),
                ("beds", "350"),
                ("founder", "medical_corporation"),
                ("staff_total", "2"),
            ],
        );
    });
    ui.press(KeyCode::Enter);
    while !ui.screen().contains(if lang == Lang::Ja {
        "問 14/22"
    } else {
        "Q 14/22"
    }) {
        ui.press(KeyCode::Tab);
    }
    ui.typed("5").press(KeyCode::Enter);
    ui
}

#[test]
fn number_with_validation_error_ja_80x24() {
    let ui = number_error(Lang::Ja);
    let screen = ui.screen();
    assert!(
        screen.contains("5 は「院内システム担当者数」（"),
        "{screen}"
    );
    assert!(
        screen.contains("[5"),
        "the value stays for correction: {screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn number_with_validation_error_en_80x24() {
    let ui = number_error(Lang::En);
    assert!(
        ui.screen().contains("5 is more than \"In-house IT staff\""),
        "{}",
        ui.screen()
    );
    insta::assert_snapshot!(ui.screen());
}

fn note_editor(lang: Lang) -> Ui {
    let mut ui = at_threat(lang);
    ui.press(KeyCode::Char('n'));
    ui.typed("院長は強い危機感。")
        .press(KeyCode::Enter)
        .typed("Emotet の報道以降");
    ui
}

#[test]
fn note_editor_ja_80x24() {
    let ui = note_editor(Lang::Ja);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn note_editor_en_80x24() {
    let ui = note_editor(Lang::En);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn a_note_is_kept_with_esc_and_ctrl_s() {
    let mut ui = note_editor(Lang::Ja);
    ui.press(KeyCode::Esc);
    let r = ui.app.session.as_ref().unwrap();
    assert_eq!(
        r.record.note("threat"),
        Some("院長は強い危機感。\nEmotet の報道以降")
    );
    ui.press(KeyCode::Char('n')).typed("追記").ctrl('s');
    let r = ui.app.session.as_ref().unwrap();
    assert!(r.record.note("threat").unwrap().ends_with("以降追記"));
}

#[test]
fn help_ja_80x24() {
    let mut ui = at_threat(Lang::Ja);
    ui.press(KeyCode::Char('?'));
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn help_en_80x24() {
    let mut ui = at_threat(Lang::En);
    ui.press(KeyCode::Char('?'));
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn too_small_40x12() {
    let mut ui = Ui::new(Lang::Ja, 40, 12, hospital);
    insta::assert_snapshot!(ui.screen());
    // Enlarged, the list comes back as it was.
    ui.term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    ui.draw();
    assert!(ui.screen().contains("聖マリア記念病院"), "{}", ui.screen());
    assert!(!ui.screen().contains("60×20"), "{}", ui.screen());
    let ui = Ui::new(Lang::En, 40, 12, hospital);
    let screen = ui.screen();
    assert!(
        screen.contains("Enlarge the terminal to at least 60×20"),
        "{screen}"
    );
    assert!(screen.contains("(now 40×12)"), "{screen}");
}

#[test]
fn skip_logic_reacts_at_once() {
    let mut ui = at_threat(Lang::Ja);
    ui.typed("1"); // threat = yes → vpn_flagged
    let before = ui
        .app
        .session
        .as_ref()
        .map(|s| Questionnaire::embedded().progress(&s.record))
        .unwrap();
    ui.typed("1").typed("2"); // flagged = yes, patched = no → reasons asked
    let mid = ui
        .app
        .session
        .as_ref()
        .map(|s| Questionnaire::embedded().progress(&s.record))
        .unwrap();
    assert_eq!(mid.total, before.total);
    ui.press(KeyCode::BackTab).press(KeyCode::BackTab); // back to vpn_flagged
    ui.typed("2"); // no: the two follow-ups leave
    let after = ui
        .app
        .session
        .as_ref()
        .map(|s| Questionnaire::embedded().progress(&s.record))
        .unwrap();
    assert_eq!(after.total, before.total - 2);
    assert!(
        ui.screen().contains("この回答で2問が対象外になりました"),
        "{}",
        ui.screen()
    );
    assert!(
        ui.screen().contains("問 10/22"),
        "moved past the hidden questions: {}",
        ui.screen()
    );
}

#[test]
fn a_record_locked_elsewhere_opens_read_only_and_refuses_edits() {
    let mut holder = None;
    let mut ui = Ui::new(Lang::Ja, 80, 24, |s| {
        let r = add(
            s,
            &[
                ("hospital_name", "聖マリア記念病院"),
                ("beds", "350"),
                ("founder", "coop"),
                ("associations", "none"),
            ],
        );
        holder = Some(s.lock(&r.id).unwrap());
    });
    ui.press(KeyCode::Enter);
    assert!(ui.screen().contains("[読み取り専用:"), "{}", ui.screen());
    ui.typed("1");
    assert!(ui.screen().contains("読み取り専用です"), "{}", ui.screen());
    assert_eq!(
        ui.app.session.as_ref().unwrap().record.value("threat"),
        None
    );
    drop(holder);
}

#[test]
fn new_record_form_validates_through_the_domain() {
    let mut ui = Ui::new(Lang::Ja, 80, 24, |_| {});
    ui.press(KeyCode::Char('n'))
        .typed("テスト病院")
        .press(KeyCode::Enter);
    ui.typed("15").press(KeyCode::Enter);
    assert!(ui.screen().contains("15床は診療所です"), "{}", ui.screen());
    for _ in 0..2 {
        ui.press(KeyCode::Backspace);
    }
    ui.typed("120").press(KeyCode::Enter);
    // No founder is chosen for the user: Enter refuses and says so (a preselected 国 would file
    // the hospital in the wrong cohort).
    ui.press(KeyCode::Enter);
    assert!(
        ui.screen().contains("開設者を選んでください"),
        "{}",
        ui.screen()
    );
    assert!(
        ui.app.session.is_none(),
        "nothing is created without a founder"
    );
    ui.press(KeyCode::Down)
        .press(KeyCode::Down)
        .press(KeyCode::Enter); // 国, 都道府県・市町村
    let s = ui.app.session.as_ref().expect("the new record is open");
    assert_eq!(s.record.beds(), Some(120));
    assert_eq!(s.record.choice("founder"), Some("prefecture_municipal"));
    assert!(ui.screen().contains("問 4/22"), "{}", ui.screen());
}

/// A save that fails (here: the data dir is gone, which fails even for root) is shown, keeps the
/// answers in memory, and the next change retries and writes them all.
#[test]
fn a_failed_save_is_shown_kept_and_retried() {
    let mut ui = at_threat(Lang::Ja);
    let dir = ui.dir.path().to_path_buf();
    let away = dir.with_extension("away");
    std::fs::rename(&dir, &away).unwrap();
    ui.typed("1"); // threat = yes
    let screen = ui.screen();
    assert!(
        screen.contains("保存できません（内容は保持、次の変更で再試行）"),
        "{screen}"
    );
    let session = ui.app.session.as_ref().unwrap();
    assert_eq!(
        session.record.choice("threat"),
        Some("yes"),
        "kept in memory"
    );
    assert!(session.save_error.is_some());

    std::fs::rename(&away, &dir).unwrap();
    ui.typed("2"); // vpn_flagged = no: this change saves both
    assert!(!ui.screen().contains("保存できません"), "{}", ui.screen());
    let store = Store::open(&dir).unwrap();
    let on_disk = store
        .load(&ui.app.session.as_ref().unwrap().record.id)
        .unwrap();
    assert_eq!(on_disk.choice("threat"), Some("yes"));
    assert_eq!(on_disk.choice("vpn_flagged"), Some("no"));
}

#[test]
fn filter_delete_and_copy_from_home() {
    let mut ui = Ui::new(Lang::Ja, 80, 24, hospital);
    ui.press(KeyCode::Char('/'))
        .typed("みなと")
        .press(KeyCode::Enter);
    assert!(ui.screen().contains("みなと中央病院"));
    assert!(!ui.screen().contains("聖マリア記念病院"), "{}", ui.screen());
    ui.press(KeyCode::Esc);
    assert!(
        ui.screen().contains("聖マリア記念病院"),
        "Esc clears the filter"
    );

    // Delete asks for the hospital's name and refuses another.
    let first = ui.row_of("▶");
    assert!(ui.lines()[first].contains("聖マリア記念病院"));
    ui.press(KeyCode::Char('d'))
        .typed("聖マリア")
        .press(KeyCode::Enter);
    assert!(
        ui.screen().contains("病院名が一致しません"),
        "{}",
        ui.screen()
    );
    ui.typed("記念病院").press(KeyCode::Enter);
    assert!(
        ui.screen().contains("2025-001 を削除しました"),
        "{}",
        ui.screen()
    );
    assert!(!ui.screen().contains("聖マリア記念病院"));
    assert!(!ui.dir.path().join("2025-001.json").exists());

    // Copy to a new year: the answers come along, marked until confirmed.
    ui.press(KeyCode::Char('c'));
    assert!(
        ui.screen().contains("新しい年度へコピー"),
        "{}",
        ui.screen()
    );
    // The year reads as the 年度 it is, and what is typed there may be a bare number.
    assert!(ui.screen().contains("2026年度"), "{}", ui.screen());
    for _ in 0.."2026年度".chars().count() {
        ui.press(KeyCode::Backspace);
    }
    ui.typed("2026").press(KeyCode::Enter);
    let s = ui.app.session.as_ref().expect("the copy is open");
    assert_eq!(s.record.id.to_string(), "2026-001");
    assert_eq!(
        s.record.previous.as_ref().map(|p| p.to_string()).as_deref(),
        Some("2025-002")
    );
    assert!(s.record.answers["threat"].carried);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(ui.dir.path().join("2026-001.json"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "a copy is as private as the original");
    // It opens at the first question to go through: last year's name, unconfirmed.
    assert!(ui.screen().contains("問 1/22"), "{}", ui.screen());
    assert!(
        ui.screen().contains("昨年からの回答・未確認"),
        "{}",
        ui.screen()
    );
    for _ in 0..5 {
        ui.press(KeyCode::Tab);
    }
    assert!(ui.screen().contains("問 6/22"), "{}", ui.screen());
    assert!(
        ui.screen().contains("昨年からの回答・未確認"),
        "{}",
        ui.screen()
    );
    ui.press(KeyCode::Char('y'));
    assert!(!ui.app.session.as_ref().unwrap().record.answers["threat"].carried);
}

#[test]
fn history_compares_with_last_year() {
    let mut ui = Ui::new(Lang::Ja, 80, 24, |s| {
        let old = add(
            s,
            &[
                ("hospital_name", "聖マリア記念病院"),
                ("beds", "350"),
                ("founder", "medical_corporation"),
                ("associations", "jha"),
                ("backup", "yes"),
                ("backup_offline", "no"),
                ("backup_offsite", "no"),
                ("bcp", "yes"),
            ],
        );
        s.create(2026, |id| {
            let mut r = old.carry_to(id, fixed().date_naive(), fixed());
            for (q, v) in [("backup_offline", "yes"), ("bcp", "no")] {
                answer_from_input(Questionnaire::embedded(), &mut r, q, v, fixed()).unwrap();
            }
            r
        })
        .unwrap();
    });
    // Both were last changed at the same instant: the list orders them by id.
    ui.press(KeyCode::Down).press(KeyCode::Enter);
    // It opens in the hospital name's text field, where h is typed: Alt-h goes to the screen.
    ui.app.handle(Event::Key(KeyEvent::new(
        KeyCode::Char('h'),
        KeyModifiers::ALT,
    )));
    let screen = ui.screen();
    assert!(screen.contains("2025-001 → 2026-001"), "{screen}");
    assert!(
        screen.contains("[改善] バックアップをオフライン／オフサイトに退避"),
        "{screen}"
    );
    assert!(
        screen.contains("[悪化] システム停止時のBCPが未整備"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
    ui.press(KeyCode::Esc);
    assert!(
        ui.screen().contains("面談"),
        "Esc goes back to the interview"
    );
}

/// The home screen reads a screenful of records before its first frame and the rest right
/// after it: the first frame already counts every record and shows the most recent ones, and
/// what follows it only adds the rest (and a damaged file among them, with its reason).
#[test]
fn the_first_frame_shows_the_most_recent_records_and_counts_them_all() {
    ui::utc();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let names = ["古い病院", "中くらいの病院", "新しい病院"];
    for (i, name) in names.iter().enumerate() {
        let at = Utc
            .with_ymd_and_hms(2025, 6, 1 + i as u32, 9, 0, 0)
            .unwrap();
        store
            .create(2025, |id| {
                let mut r = Record::new(id, at.date_naive(), at);
                answer_from_input(Questionnaire::embedded(), &mut r, "hospital_name", name, at)
                    .unwrap();
                r
            })
            .unwrap();
    }
    std::fs::write(dir.path().join("2025-009.json"), "{ broken").unwrap();
    let file_time = |id: &str| {
        std::fs::metadata(dir.path().join(format!("{id}.json")))
            .unwrap()
            .modified()
            .unwrap()
    };
    assert_eq!(
        file_time("2025-003"),
        std::time::SystemTime::from(Utc.with_ymd_and_hms(2025, 6, 3, 9, 0, 0).unwrap()),
        "a record's file carries its updated_at"
    );
    // The broken file was written now: the most recent file, so it is among the first two.
    let mut app = App::starting(Lang::Ja, Theme { color: false }, store, 2);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let text = |term: &Terminal<TestBackend>| ui::plain_lines(term.backend().buffer()).join("\n");
    term.draw(|f| app.render(f)).unwrap();
    let first = text(&term);
    assert!(first.contains("記録一覧（3件）"), "{first}");
    assert!(first.contains("新しい病院"), "{first}");
    assert!(first.contains("2025-009.json"), "{first}");
    assert!(!first.contains("古い病院"), "{first}");
    assert!(app.idle(), "the rest was waiting");
    assert!(!app.idle(), "and is read once");
    term.draw(|f| app.render(f)).unwrap();
    let after = text(&term);
    assert!(after.contains("記録一覧（3件）"), "{after}");
    assert!(
        after.contains("古い病院") && after.contains("中くらいの病院"),
        "{after}"
    );
    assert!(
        after.find("新しい病院") < after.find("古い病院"),
        "most recent first: {after}"
    );
}

/// The records read before the first frame fill the list: the frame is the one all of them
/// give, at every size the terminal tests use.
#[test]
fn the_first_screenful_read_is_the_screen_the_whole_list_gives() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    for i in 0..60u32 {
        let at = Utc.with_ymd_and_hms(2025, 6, 1, 9, i, 0).unwrap();
        store
            .create(2025, |id| {
                let mut r = Record::new(id, at.date_naive(), at);
                let name = format!("病院{i:02}");
                answer_from_input(
                    Questionnaire::embedded(),
                    &mut r,
                    "hospital_name",
                    &name,
                    at,
                )
                .unwrap();
                r
            })
            .unwrap();
    }
    let drawn = |first: usize, (w, h): (u16, u16)| {
        let store = Store::open(dir.path()).unwrap();
        let app = App::starting(Lang::Ja, Theme { color: false }, store, first);
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| app.render(f)).unwrap();
        ui::plain_lines(term.backend().buffer()).join("\n")
    };
    for size in [(60, 20), (80, 24), (120, 40)] {
        let first = shindan::tui::screens::home::Home::rows_shown(size.1);
        assert_eq!(drawn(first, size), drawn(usize::MAX, size), "{size:?}");
        // One fewer would leave the last row of the list empty until the rest is read.
        assert_ne!(drawn(first - 1, size), drawn(usize::MAX, size), "{size:?}");
    }
}

/// The copy prompt names the year as people say it: FY2026 in English (2026年度 in Japanese,
/// checked above), and a bare number typed over it is still read as that 年度.
#[test]
fn the_copy_prompt_names_the_fiscal_year() {
    let mut ui = Ui::new(Lang::En, 80, 24, hospital);
    ui.press(KeyCode::Char('c'));
    assert!(ui.screen().contains("FY2026"), "{}", ui.screen());
    assert!(!ui.screen().contains("2026年度"), "{}", ui.screen());
}
