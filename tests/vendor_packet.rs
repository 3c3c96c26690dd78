//! The vendor's packet end to end in the domain: whose it is, what it asks, what comes back.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use shindan::domain::checklist::{label, Device, Editions};
use shindan::domain::matrix::mark::{set_mark, MarkChange};
use shindan::domain::matrix::source::StatusSource;
use shindan::domain::matrix::{Catalog, ControlStatus, Coverage, Sources};
use shindan::domain::record::{Record, RecordId};
use shindan::domain::vendor_file::{self, FileProblem, PacketFormat};
use shindan::domain::Lang;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 1, 0, 0).unwrap()
}

fn record(at: DateTime<Utc>) -> Record {
    Record::new(RecordId::new(2026, 1), d("2026-06-01"), at)
}

fn r7() -> &'static shindan::domain::checklist::Edition {
    Editions::shipped().get("mhlw-r7").unwrap()
}

#[test]
fn printed_numbers_find_their_items() {
    let e = r7();
    let id = |typed: &str, dev| label::find(e, typed, dev).map(|i| i.id.clone());
    assert_eq!(id("2⑦", None).unwrap(), "c2_patch_all");
    assert_eq!(id("２（７）", None).unwrap(), "c2_patch_all");
    assert_eq!(id("2(7)", None).unwrap(), "c2_patch_all");
    assert_eq!(id("１（１）", None).unwrap(), "c1_security_manager");
    assert_eq!(id("2④サーバ", None).unwrap(), "c2_access_rights_server");
    assert_eq!(id("2④-端末PC", None).unwrap(), "c2_access_rights_pc");
    assert_eq!(id("2④", Some(Device::Pc)).unwrap(), "c2_access_rights_pc");
    assert_eq!(id("c3_bcp", None).unwrap(), "c3_bcp");
    assert_eq!(id("前提", None).unwrap(), "c0_has_systems");
    // 2(1) must not take 2(10)'s place, nor the reverse.
    assert_eq!(id("2⑩", None).unwrap(), "c2_password_policy");
    match label::find(e, "2④", None) {
        Err(label::LabelError::Ambiguous { choices, .. }) => {
            let ja: Vec<&str> = choices.iter().map(|c| c.ja.as_str()).collect();
            assert_eq!(ja, vec!["2④-サーバ", "2④-端末PC"]);
            let en: Vec<&str> = choices.iter().map(|c| c.en.as_str()).collect();
            assert_eq!(en, vec!["2④-server", "2④-pc"]);
            for c in &choices {
                assert_eq!(
                    label::find(e, &c.en, None).unwrap().key(),
                    c.ja,
                    "English taken back"
                );
            }
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        label::find(e, "2①サーバ", None),
        Err(label::LabelError::OtherDevice { .. })
    ));
    assert!(label::find(e, "9⑨", None).is_err());
    let item = e.item("c2_access_rights_server").unwrap();
    assert_eq!(item.printed(Lang::Ja), "2④ サーバ");
    assert_eq!(item.key(), "2④-サーバ");
}

#[test]
fn form_ids_differ_across_hospitals_with_the_same_record_id() {
    let a = record(now());
    let b = record(now() + chrono::Duration::nanoseconds(1));
    assert_eq!(a.id, b.id);
    let fa = vendor_file::form_id(&a, "mhlw-r7", "A社", "電子カルテ");
    let fb = vendor_file::form_id(&b, "mhlw-r7", "A社", "電子カルテ");
    assert_ne!(fa, fb);
    assert!(
        fa.starts_with("SD-") && fa.len() == "SD-XXXX-XXXX-XXXX".len(),
        "{fa}"
    );
    assert_ne!(fa, vendor_file::form_id(&a, "mhlw-r7", "A社", "PACS"));
}

#[test]
fn another_hospitals_form_is_refused_naming_both() {
    let mut a = record(now());
    let mut b = record(now() + chrono::Duration::seconds(5));
    for (r, name) in [(&mut a, "さくら病院"), (&mut b, "もみじ病院")] {
        r.answers.insert(
            "hospital_name".into(),
            shindan::domain::record::Answer {
                value: shindan::domain::answer::Value::Text(name.into()),
                at: now(),
                carried: false,
            },
        );
    }
    let pa = vendor_file::packet(
        r7(),
        &mut a,
        "A社",
        Some("電子カルテ"),
        PacketFormat::Csv,
        Lang::Ja,
        d("2026-06-01"),
        now(),
    )
    .unwrap();
    vendor_file::packet(
        r7(),
        &mut b,
        "A社",
        Some("電子カルテ"),
        PacketFormat::Csv,
        Lang::Ja,
        d("2026-06-01"),
        now(),
    )
    .unwrap();
    let text = String::from_utf8(pa.bytes.clone()).unwrap();
    assert!(text.contains("さくら病院") && text.contains(&pa.file.form_id));
    assert!(pa.file_name.starts_with(&pa.file.form_id));
    let before = b.clone();
    let e = vendor_file::import(r7(), &mut b, &pa.bytes, d("2026-06-01"), now()).unwrap_err();
    assert!(matches!(e.problem, FileProblem::OtherHospital(_)), "{e}");
    let ja = e.message(Lang::Ja);
    assert!(
        ja.contains("さくら病院") && ja.contains("もみじ病院"),
        "{ja}"
    );
    assert_eq!(
        serde_json::to_string(&b).unwrap(),
        serde_json::to_string(&before).unwrap(),
        "a refusal changes nothing"
    );
}

#[test]
fn a_packet_asks_the_vendor_its_controls_and_the_return_sets_them() {
    let mut r = record(now());
    let catalog = Catalog::embedded();
    // A hospital control the hospital cannot judge: asked of the vendor.
    let asked = catalog
        .controls
        .iter()
        .find(|c| c.by == shindan::domain::catalog::By::Hospital)
        .unwrap()
        .id
        .clone();
    set_mark(
        catalog,
        &mut r,
        &asked,
        MarkChange {
            ask_vendor: Some(true),
            ..MarkChange::default()
        },
        now(),
    )
    .unwrap();
    let p = vendor_file::packet(
        r7(),
        &mut r,
        "A社",
        Some("電子カルテ"),
        PacketFormat::Csv,
        Lang::Ja,
        d("2026-06-01"),
        now(),
    )
    .unwrap();
    let number = vendor_file::control_number(catalog, &asked).unwrap();
    assert!(
        p.file.controls.iter().any(|c| c.id == asked),
        "asked control in the packet"
    );
    assert!(
        p.file.controls.iter().any(|c| c.id == "vpn_patch"),
        "vendor's own control"
    );
    // The vendor fills the control row only, as Excel would keep it.
    let text = String::from_utf8(p.bytes).unwrap();
    let filled: String = text
        .split("\r\n")
        .map(|line| {
            if line.contains(&format!("\"{number}\"")) {
                let mut cells: Vec<String> = line.split("\",\"").map(String::from).collect();
                cells[8] = "実施済み".into();
                cells.join("\",\"")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\r\n");
    let rep = vendor_file::import(r7(), &mut r, filled.as_bytes(), d("2026-06-01"), now()).unwrap();
    assert_eq!(rep.controls, 1, "{}", rep.summary(Lang::Ja));
    assert_eq!(rep.answered, 0);
    let cov = Coverage::with(&Sources::embedded(), &r);
    let st = cov.control(&asked).unwrap();
    assert_eq!(st.status, ControlStatus::InPlace);
    assert!(matches!(st.source, StatusSource::VendorPacket { .. }));
    assert!(!st.ask_vendor, "answered: no longer asked");
}

/// A sent CSV form, for the tests that edit it: the vendor A社's for 電子カルテ in `lang`.
fn sent_csv(r: &mut Record, lang: Lang) -> String {
    let p = vendor_file::packet(
        r7(),
        r,
        "A社",
        Some("電子カルテ"),
        PacketFormat::Csv,
        lang,
        d("2026-06-01"),
        now(),
    )
    .unwrap();
    String::from_utf8(p.bytes).unwrap()
}

/// 1(1) answered はい on the form's row, checked the day it was sent.
fn answered(csv: &str) -> String {
    csv.replace(
        "\"1(1)\",",
        "\"1(1)\",\"x\",\"はい\",\"2026/6/1\",\"\",\"\",\"2026-06-01\"\r\n\"1(1)-dup\",",
    )
    .lines()
    .filter(|l| !l.contains("1(1)-dup"))
    .filter(|l| !l.contains("\"1(1)\"") || l.contains("はい"))
    .collect::<Vec<_>>()
    .join("\r\n")
}

/// The header is in the form's words of the packet's language (English with --lang en), and
/// the 版 cell the edition's printed name; a file with either header, or with the older
/// `answer 回答` header and the edition's id, is read.
#[test]
fn the_csv_speaks_the_forms_words_and_older_files_still_come_back() {
    let mut r = record(now());
    let ja = sent_csv(&mut r, Lang::Ja);
    let en = sent_csv(&mut r, Lang::En);
    assert!(
        ja.contains("\"様式ID\",\"医療機関\",\"記録\",\"版\""),
        "{ja}"
    );
    assert!(ja.contains(",\"令和7年度版\","), "{ja}");
    assert!(
        en.contains("\"Form ID\",\"Hospital\",\"Record\",\"Edition\""),
        "{en}"
    );
    assert!(en.contains(",\"FY2025 edition\","), "{en}");
    for text in [&ja, &en] {
        let header = text
            .lines()
            .find(|l| l.contains("\"No.\"") || l.contains("\"番号\""));
        let header = header.expect("a header row");
        assert!(!header.contains('_'), "no snake_case key: {header}");
    }
    let old_header = "\"form_id 様式ID\",\"hospital 医療機関\",\"record 記録\",\"edition 版\",\"vendor 事業者\",\"system システム\",\"number 番号\",\"text 確認項目\",\"answer 回答\",\"checked_on 確認日\",\"target_on 目標日\",\"note 備考\",\"sent_on 送付日\"";
    let new_header = ja
        .lines()
        .find(|l| l.starts_with("\"様式ID\""))
        .unwrap()
        .to_string();
    let older = ja
        .replace(&new_header, old_header)
        .replace("\"令和7年度版\"", "\"mhlw-r7\"");
    let both = ja.replace("\"令和7年度版\"", "\"mhlw-r7（令和7年度版）\"");
    for (what, text) in [("ja", ja), ("en", en), ("older", older), ("both", both)] {
        let mut r = r.clone();
        let got = vendor_file::import(
            r7(),
            &mut r,
            answered(&text).as_bytes(),
            d("2026-06-01"),
            now(),
        )
        .unwrap_or_else(|e| panic!("{what}: {}", e.message(Lang::Ja)));
        assert_eq!(got.answered, 1, "{what}");
    }
}

/// A form of another edition is refused by the editions' printed names, and a row's column by
/// the header's words: no id, no snake_case key.
#[test]
fn refusals_name_the_edition_and_the_column_as_the_form_does() {
    let mut r = record(now());
    let ja = answered(&sent_csv(&mut r, Lang::Ja));
    // The refusal of `ja` with `from` put for `to`: in Japanese, in English, and as displayed.
    let refused = |from: &str, to: &str| {
        let text = ja.replace(from, to);
        let e = vendor_file::import(
            r7(),
            &mut r.clone(),
            text.as_bytes(),
            d("2026-06-01"),
            now(),
        )
        .unwrap_err();
        [e.message(Lang::Ja), e.message(Lang::En), e.to_string()]
    };
    let [msg_ja, msg_en, _] = refused("\"令和7年度版\"", "\"令和6年度版\"");
    assert!(
        msg_ja.contains("令和6年度版") && msg_ja.contains("令和7年度版"),
        "{msg_ja}"
    );
    assert!(
        msg_en.contains("FY2024 edition") && msg_en.contains("FY2025 edition"),
        "{msg_en}"
    );
    // The edition's id, in the older files' 版 cell, is named as printed too.
    let shown = refused("\"令和7年度版\"", "\"mhlw-r6\"").join(" ");
    assert!(shown.contains("令和6年度版"), "{shown}");
    assert!(!shown.contains("mhlw-"), "{shown}");
    // A row without its day checked: the column by its words.
    let [msg_ja, msg_en, shown] = refused("\"はい\",\"2026/6/1\"", "\"はい\",\"\"");
    assert!(
        msg_ja.contains("1(1)") && msg_ja.contains("確認日"),
        "{msg_ja}"
    );
    assert!(msg_en.contains("Checked"), "{msg_en}");
    for m in [msg_ja, msg_en, shown] {
        assert!(!m.contains("checked_on"), "{m}");
    }
}
