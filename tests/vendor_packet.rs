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
