//! The checklist screen and the contact chart on ratatui's TestBackend, in both languages at
//! 80×24 and 120×40: snapshots of what a user sees, and what the keys do to the record.
//!
//! The fixture is dated in fiscal year 2025 (checked 2025-11-20, targets 2026-02-27) and the
//! clock is stopped at 2026-03-20 (SHINDAN_NOW), late in that 年度: the targets have passed, and
//! a check dated today still belongs to the record's year (a later one is refused). So the
//! snapshots do not move with the day the tests run.

#[path = "support/excel.rs"]
mod excel;
mod ui;
use excel::filled_as_excel;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use crossterm::event::KeyCode;
use shindan::domain::checklist::{date, rules, AnswerInput, Editions};
use shindan::domain::record::checklist_answers::YesNo;
use shindan::domain::validate::answer_from_input;
use shindan::domain::vendor_file;
use shindan::domain::vendors;
use shindan::domain::{Lang, Questionnaire, Record};
use shindan::store::Store;
use shindan::tui::app::App;
use shindan::tui::theme::Theme;
use ui::Ui;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 11, 20, 1, 0, 0).unwrap()
}

/// The screen's today: the clock is stopped inside the fixture's 年度 2025 (a check dated after
/// the record's 年度 is refused, so a real today would make the record last year's).
fn today() -> NaiveDate {
    pin_clock();
    shindan::clock::system().today()
}

/// 2026-03-20, late in 年度 2025: the fixture's targets (2026-02-27) have passed, and a check
/// dated today still belongs to the record's year.
const NOW: &str = "2026-03-20T01:00:00Z";

fn pin_clock() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ui::utc();
    ONCE.call_once(|| unsafe { std::env::set_var(shindan::clock::NOW_VAR, NOW) });
}

const CHECKED: &str = "2025-11-20";
/// The targets the fixture's いいえ answers set, passed by [`NOW`].
const TARGET: &str = "2026-02-27";

fn eds() -> &'static Editions {
    Editions::shipped()
}

fn answer(r: &mut Record, item: &str, a: YesNo, target: Option<&str>, note: Option<&str>) {
    rules::answer(
        eds(),
        r,
        "mhlw-r7",
        item,
        AnswerInput {
            answer: a,
            checked_on: d(CHECKED),
            target_on: target.map(d),
            note: note.map(str::to_string),
            evidence: None,
        },
        d(CHECKED),
        at(),
    )
    .unwrap();
}

/// A 180-bed hospital that answered the survey and its checklist (all but 3(1)), sent its two
/// vendors their forms, and had the 電子カルテ vendor's back: it disagrees on two items.
fn hospital(store: &Store) -> Record {
    store
        .create(2025, |id| {
            let mut r = Record::new(id, d(CHECKED), at());
            let qn = Questionnaire::embedded();
            for (q, v) in [
                ("hospital_name", "さくら記念病院"),
                ("beds", "180"),
                ("founder", "medical_corporation"),
                ("threat", "yes"),
                ("vpn_flagged", "yes"),
                ("vpn_patched", "no"),
                ("bcp", "no"),
            ] {
                answer_from_input(qn, &mut r, q, v, at()).unwrap();
            }
            use YesNo::{No, Yes};
            for item in [
                "c0_has_systems",
                "c1_security_manager",
                "c1_operation_rules",
                "c2_device_register",
                "c2_remote_maintenance",
                "c2_patch_all",
                "c2_password_policy",
                "c2_password_reuse",
                "c2_access_rights_server",
                "c2_unused_accounts_server",
                "c2_access_log_server",
                "c2_background_services_server",
                "c2_access_rights_pc",
                "c2_unused_accounts_pc",
                "c2_background_services_pc",
                "c2_source_restriction_network",
                "c3_backup_recovery",
            ] {
                answer(&mut r, item, Yes, None, None);
            }
            answer(&mut r, "c2_mds_sds", No, Some(TARGET), None);
            answer(&mut r, "c2_external_media", No, Some(TARGET), None);
            answer(&mut r, "c2_two_factor", No, Some(TARGET), None);
            answer(
                &mut r,
                "c3_bcp",
                No,
                Some(TARGET),
                Some("サイバー攻撃を想定したBCPを年度内に策定"),
            );
            for (v, s) in [
                ("ベンダーA", "電子カルテ"),
                ("ネットワーク保守B", "院内ネットワーク"),
            ] {
                vendors::form_sent(&mut r, v, Some(s), "mhlw-r7", d(CHECKED), at()).unwrap();
            }
            let ed = eds().get("mhlw-r7").unwrap();
            let mut form =
                vendor_file::blank(ed, &r, "ベンダーA", "電子カルテ", d(CHECKED), Lang::Ja);
            for row in form.items.iter_mut() {
                let (a, target) = match row.id.as_str() {
                    "c2_patch_all" => ("no", TARGET),
                    "c2_external_media" => ("yes", ""),
                    "c2_two_factor" => ("no", TARGET),
                    "c2_mds_sds" => ("no", TARGET),
                    _ => ("yes", ""),
                };
                row.answer = a.into();
                row.checked_on = "2025-11-25".into();
                row.target_on = target.into();
            }
            vendor_file::import(ed, &mut r, form.to_json().as_bytes(), d("2025-11-26"), at())
                .unwrap();
            r
        })
        .unwrap()
}

impl Ui {
    /// Moves the cursor down to an item (the list starts at the first item).
    fn go_to_item(&mut self, id: &str) -> &mut Self {
        let ids: Vec<String> = eds()
            .get("mhlw-r7")
            .unwrap()
            .items_on(shindan::domain::checklist::Form::Hospital)
            .map(|i| i.id.clone())
            .collect();
        let n = ids.iter().position(|x| x == id).unwrap();
        for _ in 0..n {
            self.press(KeyCode::Down);
        }
        self
    }
}

/// The record open at its checklist.
fn checklist(lang: Lang, w: u16, h: u16) -> Ui {
    pin_clock();
    let mut ui = Ui::new(lang, w, h, |s| {
        hospital(s);
    });
    ui.press(KeyCode::Enter).press(KeyCode::Char('c'));
    ui.shows(lang.pick("厚労省チェックリスト", "MHLW checklist"));
    ui
}

// ---------- snapshots ----------

#[test]
fn checklist_conflict_ja_80x24() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    ui.go_to_item("c2_patch_all");
    ui.shows("！食い違い");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn checklist_conflict_en_80x24() {
    let mut ui = checklist(Lang::En, 80, 24);
    ui.go_to_item("c2_patch_all");
    ui.shows("! CONFLICT");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn checklist_ja_120x40() {
    let mut ui = checklist(Lang::Ja, 120, 40);
    ui.go_to_item("c3_bcp");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn checklist_en_120x40() {
    let mut ui = checklist(Lang::En, 120, 40);
    ui.go_to_item("c3_bcp");
    insta::assert_snapshot!(ui.screen());
}

/// いいえ on 3(1), the date checked typed over today's, and a target past the fiscal year: the
/// error is under the field as it is typed, before Enter.
fn target_error(lang: Lang) -> Ui {
    let mut ui = checklist(lang, 80, 24);
    ui.go_to_item("c3_contact_chart").press(KeyCode::Char('n'));
    ui.press(KeyCode::Tab).erase().typed(CHECKED);
    // Tab on the last field stays there: Shift-Tab goes back up to the target.
    ui.press(KeyCode::Tab)
        .press(KeyCode::BackTab)
        .typed("2026-04-01");
    ui
}

#[test]
fn target_date_error_ja_80x24() {
    let ui = target_error(Lang::Ja);
    ui.shows("2026-03-31 まで（年度末）");
    ui.shows("✗ 目標日 2026-04-01 は 2026-03-31");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn target_date_error_en_80x24() {
    let ui = target_error(Lang::En);
    ui.shows("by 2026-03-31 (end of FY)");
    ui.shows("✗ the target date 2026-04-01 is");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn missing_list_ja_80x24() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    ui.press(KeyCode::Char('r'));
    ui.shows("・3(1) 未回答");
    // Kinsoku keeps ネットワーク whole (it was broken after ネット).
    ui.shows("・ネットワーク保守B（院内 ");
    ui.shows("  ネットワーク）：");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn vendors_ja_80x24() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    ui.press(KeyCode::Char('v'));
    ui.shows("返却 2025-11-20  18/18項目に回答");
    insta::assert_snapshot!(ui.screen());
}

/// The contact chart, the director's place being edited with a phone number that is not one.
fn contact_form(lang: Lang) -> Ui {
    let mut ui = Ui::new(lang, 80, 24, |s| {
        let r = hospital(s);
        let mut r = s.load(&r.id).unwrap();
        let lock = s.lock(&r.id).unwrap();
        shindan::domain::contacts::set(
            &mut r,
            shindan::domain::contacts::Position::SecurityManager,
            None,
            shindan::domain::contacts::ContactInput {
                name: Some("山田 太郎".into()),
                title: Some("情報システム課長".into()),
                phone: Some("03-1234-5678".into()),
                ..Default::default()
            },
            at(),
        )
        .unwrap();
        s.save(&mut r, &lock).unwrap();
    });
    ui.press(KeyCode::Enter).press(KeyCode::Char('t'));
    ui.press(KeyCode::Down).press(KeyCode::Enter);
    ui.typed("佐藤 花子")
        .press(KeyCode::Tab)
        .typed(lang.pick("院長", "Director"));
    ui.press(KeyCode::Tab)
        .press(KeyCode::Tab)
        .typed("03-1234-ABCD");
    ui
}

#[test]
fn contact_form_ja_80x24() {
    let ui = contact_form(Lang::Ja);
    ui.shows("✗ 電話番号 `03-1234-ABCD`");
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn contact_form_en_80x24() {
    let ui = contact_form(Lang::En);
    ui.shows("✗ phone `03-1234-ABCD`");
    insta::assert_snapshot!(ui.screen());
}

// ---------- behaviour ----------

fn latest(
    r: &Record,
    item: &str,
) -> Option<shindan::domain::record::checklist_answers::ItemAnswer> {
    r.checklists
        .get("mhlw-r7")
        .and_then(|a| a.latest(item))
        .cloned()
}

impl Ui {
    /// Ends the program as `q` does, and starts it again on the same data, at the checklist.
    fn restart(&mut self, lang: Lang) {
        assert_eq!(self.app.shutdown(), None);
        let store = Store::open(self.dir.path()).unwrap();
        self.app = App::new(lang, Theme { color: true }, store);
        self.draw();
        self.press(KeyCode::Enter).press(KeyCode::Char('c'));
    }
}

#[test]
fn y_answers_with_today_saves_and_moves_on() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    ui.go_to_item("c3_contact_chart").press(KeyCode::Char('y'));
    ui.shows(&format!("確認日 [{}", today()));
    ui.press(KeyCode::Enter);
    let a = latest(ui.record(), "c3_contact_chart").expect("answered");
    assert_eq!(
        (a.answer, a.checked_on, a.target_on),
        (YesNo::Yes, today(), None)
    );
    assert_eq!(latest(&ui.on_disk(), "c3_contact_chart"), Some(a), "saved");
    ui.shows(&format!("3(1) はい  確認日 {}（1回目）", today()));
    ui.shows("┌ 3(2) · 21/22");
    // Only the vendor that has not returned its form holds the record back now.
    ui.shows("必須 22/22  事業者 1/2");
}

#[test]
fn n_takes_a_target_date_within_the_fiscal_year() {
    let mut ui = checklist(Lang::En, 80, 24);
    let fy_end = date::fiscal_year_end(today());
    ui.go_to_item("c3_contact_chart").press(KeyCode::Char('n'));
    ui.shows(&format!("by {fy_end} (end of FY)"));
    ui.typed(&fy_end.to_string()).press(KeyCode::Enter);
    let a = latest(&ui.on_disk(), "c3_contact_chart").expect("saved");
    assert_eq!(
        (a.answer, a.checked_on, a.target_on),
        (YesNo::No, today(), Some(fy_end))
    );
}

#[test]
fn an_invalid_target_is_refused_and_the_record_is_unchanged() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    let before = (ui.file(), ui.record().checklists.clone());
    ui.go_to_item("c3_contact_chart").press(KeyCode::Char('n'));
    ui.press(KeyCode::Enter);
    ui.shows("✗ 「いいえ」には目標日が必要です");
    ui.typed("2099-01-01");
    ui.shows("✗ 目標日 2099-01-01 は");
    ui.press(KeyCode::Enter);
    ui.shows("✗ 目標日 2099-01-01 は");
    ui.shows("確認日 ["); // the form stays open for correction
    assert_eq!(ui.file(), before.0, "the file is byte for byte as it was");
    assert_eq!(ui.record().checklists, before.1);
    // Letters go into the field, never to the screen's commands.
    ui.erase().typed("v");
    ui.shows("目標日：`v` は日付ではありませ");
    assert!(!ui.has("事業者（事業者確認用）"));
    ui.press(KeyCode::Esc);
    assert!(!ui.has("確認日 ["), "Esc closes the form");
    assert_eq!(ui.file(), before.0);
}

#[test]
fn a_date_checked_in_the_future_or_before_the_last_check_is_refused() {
    let mut ui = checklist(Lang::En, 80, 24);
    ui.go_to_item("c2_patch_all").press(KeyCode::Char('y'));
    ui.erase().typed("2025-11-19");
    ui.shows("✗ the date checked 2025-11-19 is");
    ui.shows("(2025-11-20): a re-check is dated");
    ui.erase().typed("2999-01-01").press(KeyCode::Enter);
    ui.shows("✗ the date checked 2999-01-01 is");
    assert_eq!(
        latest(ui.record(), "c2_patch_all").unwrap().checked_on,
        d(CHECKED)
    );
}

#[test]
fn a_recheck_adds_a_second_check_and_minus_withdraws_it() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    ui.go_to_item("c2_patch_all");
    ui.press(KeyCode::Char('y')).press(KeyCode::Enter);
    let history = |ui: &Ui| {
        ui.on_disk().checklists["mhlw-r7"]
            .history("c2_patch_all")
            .len()
    };
    assert_eq!(history(&ui), 2);
    ui.press(KeyCode::Up);
    ui.shows("1回目 はい  確認日 2025-11-20");
    ui.shows(&format!("2回目 はい  確認日 {}", today()));
    ui.press(KeyCode::Char('-'));
    ui.shows(&format!(
        "2⑦：2回目（はい 確認日 {}）を取り消しました",
        today()
    ));
    assert_eq!(history(&ui), 1);
    ui.press(KeyCode::Char('-'));
    assert_eq!(history(&ui), 0);
    ui.press(KeyCode::Char('-'));
    ui.shows("`2⑦` には取り消す回答がありません");
}

#[test]
fn a_vendor_conflict_is_marked_and_goes_when_the_hospital_agrees() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    ui.go_to_item("c2_patch_all");
    let row = ui.lines().into_iter().find(|l| l.contains("▶2⑦")).unwrap();
    assert!(row.contains("✓はい   ×!?"), "{row}");
    ui.shows("A いいえ→2026-02-27 ！食い違い");
    ui.shows("食い違い 2");
    // The hospital finds the vendor right: patches are not all applied.
    let fy_end = date::fiscal_year_end(today());
    ui.press(KeyCode::Char('n'))
        .typed(&fy_end.to_string())
        .press(KeyCode::Enter);
    ui.shows("食い違い 1");
    ui.press(KeyCode::Up);
    assert!(!ui.has("！食い違い"), "{}", ui.screen());
}

#[test]
fn a_record_locked_elsewhere_refuses_every_change() {
    let mut holder = None;
    let mut ui = Ui::new(Lang::Ja, 80, 24, |s| {
        let r = hospital(s);
        holder = Some(s.lock(&r.id).unwrap());
    });
    ui.press(KeyCode::Enter).press(KeyCode::Char('c'));
    ui.shows("[読み取");
    let before = ui.file();
    ui.go_to_item("c3_contact_chart");
    // The form opens all the same, saying so, so that what is typed next is no command
    // (issue 18): an answer's Enter is refused, the note takes no typing.
    for (key, form) in [
        ('y', "確認日 ["),
        ('n', "確認日 ["),
        ('e', "メモ（読み取り専用"),
    ] {
        ui.press(KeyCode::Char(key));
        ui.shows("読み取り専用です");
        assert!(ui.has(form), "{key} opens its form");
        ui.press(KeyCode::Esc);
    }
    ui.press(KeyCode::Up).press(KeyCode::Char('-'));
    ui.shows("読み取り専用です");
    ui.press(KeyCode::Char('v')).press(KeyCode::Char('a'));
    ui.shows("読み取り専用です");
    ui.press(KeyCode::Char('d'));
    ui.shows("読み取り専用です");
    ui.press(KeyCode::Esc)
        .press(KeyCode::Char('t'))
        .press(KeyCode::Enter);
    ui.shows("読み取り専用です");
    assert_eq!(ui.file(), before);
    drop(holder);
}

#[test]
fn notes_go_on_the_latest_check_or_wait_for_the_answer() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    ui.go_to_item("c3_bcp").press(KeyCode::Char('e'));
    ui.shows("メモ（Esc/Ctrl-S で保存）");
    ui.press(KeyCode::Enter)
        .typed("理事会の承認待ち")
        .press(KeyCode::Esc);
    let a = latest(&ui.on_disk(), "c3_bcp").unwrap();
    assert_eq!(
        a.note.as_deref(),
        Some("サイバー攻撃を想定したBCPを年度内に策定\n理事会の承認待ち")
    );
    assert_eq!(
        (a.answer, a.checked_on),
        (YesNo::No, d(CHECKED)),
        "nothing else changed"
    );

    // On an item not answered yet, the note waits in the drafts, then goes with the answer.
    ui.press(KeyCode::Up).press(KeyCode::Up);
    ui.shows("┌ 3(1)");
    ui.press(KeyCode::Char('e'))
        .typed("連絡網を総務と確認中")
        .press(KeyCode::Esc);
    ui.shows("メモ（回答時に記録）：連絡網を総務");
    let key = "checklist/mhlw-r7/c3_contact_chart";
    assert_eq!(
        ui.on_disk().drafts[key].note.as_deref(),
        Some("連絡網を総務と確認中")
    );
    ui.press(KeyCode::Char('y')).press(KeyCode::Enter);
    let r = ui.on_disk();
    assert_eq!(
        latest(&r, "c3_contact_chart").unwrap().note.as_deref(),
        Some("連絡網を総務と確認中")
    );
    assert!(!r.drafts.contains_key(key), "the draft is used up");
}

#[test]
fn what_is_typed_survives_a_restart() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    ui.go_to_item("c3_contact_chart")
        .press(KeyCode::Char('n'))
        .typed("2026-0");
    ui.restart(Lang::Ja);
    ui.shows("┌ 3(1)");
    ui.shows("目標日 [2026-0");
    ui.shows("✗ 目標日：`2026-0` は日付ではありま");
    // A note being written on an answered item comes back too.
    ui.press(KeyCode::Esc)
        .press(KeyCode::Down)
        .press(KeyCode::Char('e'));
    ui.typed("途中まで");
    ui.restart(Lang::Ja);
    ui.shows("メモ（Esc/Ctrl-S で保存）");
    ui.shows("途中まで");
    ui.press(KeyCode::Esc);
    assert_eq!(
        latest(&ui.on_disk(), "c3_backup_recovery")
            .unwrap()
            .note
            .as_deref(),
        Some("途中まで")
    );
    assert!(ui.on_disk().drafts.is_empty(), "{:?}", ui.on_disk().drafts);
}

#[test]
fn vendors_are_added_and_removed_from_the_screen() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    ui.press(KeyCode::Char('v')).press(KeyCode::Char('a'));
    ui.typed("画像システムC")
        .press(KeyCode::Enter)
        .press(KeyCode::Enter);
    ui.shows("✗ システム名が空です");
    assert_eq!(ui.on_disk().vendors.len(), 2);
    ui.typed("PACS").press(KeyCode::Enter);
    ui.shows("画像システムC（PACS）を追加しました");
    let r = ui.on_disk();
    assert!(r.vendors.iter().any(|v| v.is("画像システムC", "PACS")));
    ui.shows("事業者 1/3");
    ui.shows("A B C  項目");
    ui.press(KeyCode::Char('d'));
    ui.shows("画像システムC（PACS）を削除します");
    ui.press(KeyCode::Char('n'));
    assert_eq!(ui.on_disk().vendors.len(), 3, "anything but y keeps it");
    ui.press(KeyCode::Char('d')).press(KeyCode::Char('y'));
    ui.shows("画像システムC（PACS）と返却された回答を削除しました");
    assert_eq!(ui.on_disk().vendors.len(), 2);
    ui.press(KeyCode::Esc);
    ui.shows("┌ – · 1/22");
}

#[test]
fn the_edition_switches_to_one_the_record_has_answers_to() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    ui.press(KeyCode::Char('E'));
    ui.shows("他の版への回答はありません");
    let mut ui = Ui::new(Lang::Ja, 80, 24, |s| {
        let r = hospital(s);
        let mut r = s.load(&r.id).unwrap();
        let lock = s.lock(&r.id).unwrap();
        for item in ["c2_patch_server", "c2_patch_pc", "c2_patch_network"] {
            rules::answer(
                eds(),
                &mut r,
                "mhlw-r6",
                item,
                AnswerInput {
                    answer: YesNo::Yes,
                    checked_on: d("2025-01-10"),
                    target_on: None,
                    note: None,
                    evidence: None,
                },
                d("2025-01-10"),
                at(),
            )
            .unwrap();
        }
        s.save(&mut r, &lock).unwrap();
    });
    ui.press(KeyCode::Enter).press(KeyCode::Char('c'));
    ui.shows("項目 22");
    ui.press(KeyCode::Char('E'));
    ui.shows("令和6年度版を表示しています");
    ui.shows("項目 19");
    assert!(!ui.screen().contains("mhlw-r"), "{}", ui.screen());
    ui.press(KeyCode::Char('E'));
    ui.shows("令和7年度版を表示しています");
    assert!(!ui.screen().contains("mhlw-r"), "{}", ui.screen());
}

/// The title names the edition as its form is printed (令和7年度版, from the edition's fiscal
/// year), never by its id, in each language.
#[test]
fn the_title_names_the_edition_as_printed() {
    for lang in [Lang::Ja, Lang::En] {
        let ui = checklist(lang, 80, 24);
        let screen = ui.screen();
        let title = screen.lines().next().unwrap_or_default();
        let printed = eds().newest().unwrap().short_name(lang);
        assert!(title.contains(&printed), "{title}");
        assert!(!title.contains("mhlw-r7"), "{title}");
    }
}

/// A save that fails (the data dir is gone) is shown, the answer kept in memory, and the next
/// change writes both.
#[test]
fn a_failed_save_is_shown_kept_and_retried() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    let dir = ui.dir.path().to_path_buf();
    let away = dir.with_extension("away");
    std::fs::rename(&dir, &away).unwrap();
    ui.go_to_item("c3_contact_chart")
        .press(KeyCode::Char('y'))
        .press(KeyCode::Enter);
    ui.shows("保存できません（内容は保持、次の変更で再試行）");
    assert!(
        latest(ui.record(), "c3_contact_chart").is_some(),
        "kept in memory"
    );
    std::fs::rename(&away, &dir).unwrap();
    ui.press(KeyCode::Char('-'));
    ui.press(KeyCode::Char('y')).press(KeyCode::Enter);
    assert!(!ui.has("保存できません"), "{}", ui.screen());
    assert!(latest(&ui.on_disk(), "c3_backup_recovery").is_some());
    let history = ui.on_disk().checklists["mhlw-r7"]
        .history("c3_backup_recovery")
        .len();
    assert_eq!(history, 1, "withdrawn, then answered today");
}

#[test]
fn the_help_lists_the_checklist_keys() {
    let mut ui = checklist(Lang::En, 80, 24);
    ui.press(KeyCode::Char('?'));
    // Every page of the help, turned with Space.
    let mut help = ui.screen();
    while ui.has("Space next") {
        ui.press(KeyCode::Char(' '));
        if ui.has("Space next") {
            help.push_str(&ui.screen());
        }
    }
    for want in [
        "Answer yes (Enter saves)",
        "Vendors: list, add, remove",
        "Contact chart",
    ] {
        assert!(help.contains(want), "{want}:\n{help}");
    }
}

#[test]
fn the_contact_chart_fills_a_place_through_the_domain() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    ui.go_to_item("c3_contact_chart");
    // The chart is one key away: the hint names the key, not a command.
    ui.shows("連絡体制図：10件中0件記入（t");
    ui.shows("で開く）");
    assert!(!ui.has("shindan contacts"), "{}", ui.screen());
    ui.press(KeyCode::Char('t'));
    ui.shows("連絡体制図（3(1)） 記入 0/10");
    ui.press(KeyCode::Down).press(KeyCode::Enter);
    ui.typed("佐藤 花子").press(KeyCode::Tab).typed("院長");
    ui.press(KeyCode::Tab)
        .press(KeyCode::Tab)
        .typed("０３－１１１１－２２２２");
    ui.press(KeyCode::Enter);
    ui.shows("院長・管理者 を保存しました");
    let r = ui.on_disk();
    let c = r
        .contacts
        .iter()
        .find(|c| c.name.as_deref() == Some("佐藤 花子"))
        .unwrap();
    assert_eq!(
        c.position,
        Some(shindan::domain::contacts::Position::Director)
    );
    assert_eq!(
        c.phone.as_deref(),
        Some("03-1111-2222"),
        "read as the CLI reads it"
    );
    ui.shows("記入 1/10");

    // A bad number is refused, the file unchanged.
    let before = ui.file();
    ui.press(KeyCode::Down).press(KeyCode::Enter);
    ui.press(KeyCode::Tab)
        .press(KeyCode::Tab)
        .press(KeyCode::Tab)
        .typed("内線なし");
    ui.press(KeyCode::Enter);
    ui.shows("✗ 電話番号 `内線なし`");
    assert_eq!(ui.file(), before);
    ui.press(KeyCode::Esc);

    // A vendor's place, then back to the checklist: its 3(1) hint counts the chart.
    ui.go_to_contact(4).press(KeyCode::Enter);
    ui.press(KeyCode::Tab)
        .press(KeyCode::Tab)
        .typed("ベンダーA 保守窓口");
    ui.press(KeyCode::Tab)
        .typed("0120-000-000")
        .press(KeyCode::Enter);
    let r = ui.on_disk();
    let c = r.contacts.iter().find(|c| c.vendor.is_some()).unwrap();
    assert_eq!(
        (c.vendor.as_deref(), c.system.as_deref()),
        (Some("ベンダーA"), Some("電子カルテ"))
    );
    ui.press(KeyCode::Char('c'));
    ui.shows("連絡体制図：10件中2件記入");

    // Clearing asks first.
    ui.press(KeyCode::Char('t'))
        .press(KeyCode::Down)
        .press(KeyCode::Char('d'));
    ui.shows("この連絡先を消去しますか？");
    ui.press(KeyCode::Char('y'));
    ui.shows("記入 1/10");
}

impl Ui {
    /// Moves the contact chart's cursor to the place at `index` (from the top).
    fn go_to_contact(&mut self, index: usize) -> &mut Self {
        for _ in 0..12 {
            self.press(KeyCode::Up);
        }
        for _ in 0..index {
            self.press(KeyCode::Down);
        }
        self
    }
}

// ---------- vendor forms written and imported from the screen ----------

/// Empties a long one-line field (a path).
fn erase_all(ui: &mut Ui) -> &mut Ui {
    for _ in 0..160 {
        ui.press(KeyCode::Backspace);
    }
    ui
}

/// The vendors panel with the write prompt open on the network vendor (B), its path typed over
/// the data dir's (which differs on every run) so that the snapshot holds still.
fn write_prompt(lang: Lang) -> Ui {
    let mut ui = checklist(lang, 80, 24);
    ui.press(KeyCode::Char('v'))
        .press(KeyCode::Down)
        .press(KeyCode::Char('w'));
    ui.shows(lang.pick("事業者確認用を書き出す", "Write the vendor form"));
    let default = ui.dir.path().join("exports");
    let field = ui.screen();
    assert!(
        field.contains(".csv") || field.contains("exports"),
        "the default is under exports/ ({}):\n{field}",
        default.display()
    );
    erase_all(&mut ui).typed("/data/exports/B.csv");
    ui
}

#[test]
fn vendor_write_prompt_ja_80x24() {
    let ui = write_prompt(Lang::Ja);
    insta::assert_snapshot!(ui.screen());
}

#[test]
fn vendor_write_prompt_en_80x24() {
    let ui = write_prompt(Lang::En);
    insta::assert_snapshot!(ui.screen());
}

/// Write B's form from the panel, fill it as the vendor would, import it from the panel: the
/// record holds its answers, the panel shows the conflict in the form's words.
fn round_trip(lang: Lang) -> Ui {
    let mut ui = checklist(lang, 80, 24);
    ui.press(KeyCode::Char('v'))
        .press(KeyCode::Down)
        .press(KeyCode::Char('w'));
    let sent = ui.dir.path().join("sent.csv");
    erase_all(&mut ui)
        .typed(&sent.display().to_string())
        .press(KeyCode::Enter);
    let bytes = std::fs::read(&sent).expect("the form is written where asked");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&sent).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(String::from_utf8_lossy(&bytes).contains("ネットワーク保守B"));
    let back = ui.dir.path().join("back.csv");
    std::fs::write(&back, filled_as_excel(&bytes, "2①")).unwrap();
    ui.press(KeyCode::Char('r'));
    ui.shows(lang.pick(
        "返却された事業者確認用を取り込む",
        "Import a returned vendor form",
    ));
    erase_all(&mut ui)
        .typed(&back.display().to_string())
        .press(KeyCode::Enter);
    ui
}

#[test]
fn a_vendor_form_goes_out_and_comes_back_from_the_screen() {
    let ui = round_trip(Lang::Ja);
    ui.shows("ネットワーク保守B（院内ネットワーク）：");
    ui.shows("・2①：医療機関 はい / 事業者 いいえ");
    let r = ui.on_disk();
    let b = r
        .vendors
        .iter()
        .find(|v| v.is("ネットワーク保守B", "院内ネットワーク"))
        .unwrap();
    assert!(b.returned("mhlw-r7").is_some(), "saved through the screen");
}

#[test]
fn vendor_import_report_ja_80x24() {
    let ui = round_trip(Lang::Ja);
    // The form is sent today: the one date that moves.
    insta::assert_snapshot!(ui.screen().replace(&today().to_string(), "YYYY-MM-DD"));
}

#[test]
fn vendor_import_report_en_80x24() {
    let ui = round_trip(Lang::En);
    ui.shows("・2①: hospital yes / vendor no");
    insta::assert_snapshot!(ui.screen().replace(&today().to_string(), "YYYY-MM-DD"));
}

#[test]
fn a_refused_form_says_why_and_changes_nothing() {
    let mut ui = checklist(Lang::Ja, 80, 24);
    let before = ui.file();
    let junk = ui.dir.path().join("junk.csv");
    std::fs::write(&junk, "a,b\n1,2\n").unwrap();
    ui.press(KeyCode::Char('v')).press(KeyCode::Char('r'));
    erase_all(&mut ui)
        .typed(&junk.display().to_string())
        .press(KeyCode::Enter);
    ui.shows("✗ 取り込めません");
    assert_eq!(ui.file(), before, "the record file is as it was");
    ui.press(KeyCode::Char('r'));
    erase_all(&mut ui)
        .typed("/no/such/file.csv")
        .press(KeyCode::Enter);
    ui.shows("✗");
    ui.shows(lang_pick_missing());
}

fn lang_pick_missing() -> &'static str {
    "返却された事業者確認用を取り込む"
}
