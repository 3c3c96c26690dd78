//! The shipped risk catalogue (`assets/risk-catalog.json`): every link resolves, every scenario
//! has a control, every control is used, and the spec's skeleton ids are all there.

use shindan::domain::matrix::{By, Catalog, Level};
use shindan::domain::Questionnaire;

fn cat() -> &'static Catalog {
    Catalog::embedded()
}

#[test]
fn the_shipped_catalogue_parses_with_all_links() {
    let c = cat();
    assert_eq!(c.categories.len(), 9);
    assert_eq!(c.phases.len(), 5);
    // parse() re-checks the same text, so a catalogue that only loads lazily is still checked.
    let again = Catalog::parse(include_str!("../assets/risk-catalog.json")).unwrap();
    assert_eq!(again.controls.len(), c.controls.len());
    for s in c.leaves() {
        assert_eq!(s.level, Level::Small);
        assert!(c.controls_of(&s.id).next().is_some(), "{}", s.id);
    }
    for ctl in &c.controls {
        if ctl.by == By::Vendor {
            assert!(ctl.ask_ja.is_some() && ctl.ask_en.is_some(), "{}", ctl.id);
        }
    }
}

#[test]
fn the_catalogue_is_large_enough_and_uses_every_category_and_phase() {
    let c = cat();
    let leaves: Vec<_> = c.leaves().collect();
    assert!(leaves.len() >= 40, "{} small risks", leaves.len());
    assert!(c.controls.len() >= 60, "{} controls", c.controls.len());
    for cat in &c.categories {
        let n = leaves.iter().filter(|s| s.category == cat.id).count();
        assert!(n >= 3, "{}: {n} small risks", cat.id);
        assert!(c.mediums(&cat.id).next().is_some(), "{}", cat.id);
    }
    for p in &c.phases {
        assert!(
            leaves.iter().any(|s| s.phases.contains(&p.id)),
            "no scenario in {}",
            p.id
        );
    }
    let vendor = c.controls.iter().filter(|x| x.by == By::Vendor).count();
    assert!(vendor >= 20, "{vendor} vendor controls");
    assert!(c.controls.iter().any(|x| !x.compensates.is_empty()));
}

#[test]
fn every_control_is_linked_and_never_compensates_itself() {
    let c = cat();
    for ctl in &c.controls {
        assert!(!ctl.scenarios.is_empty(), "{}", ctl.id);
        for s in &ctl.scenarios {
            assert!(
                c.scenario(s).is_some_and(|s| s.is_leaf()),
                "{}: {s}",
                ctl.id
            );
        }
        assert!(!ctl.compensates.contains(&ctl.id), "{}", ctl.id);
        for t in &ctl.compensates {
            assert!(c.control(t).is_some(), "{}: {t}", ctl.id);
        }
        assert!(!ctl.ja.is_empty() && !ctl.en.is_empty(), "{}", ctl.id);
        // Written for people: Japanese text is Japanese, English text is not.
        assert!(!ctl.ja.is_ascii(), "{}", ctl.id);
        assert!(ctl.en.is_ascii() || ctl.en.contains('…'), "{}", ctl.id);
        if ctl.by == By::Vendor {
            let ask = ctl.ask_ja.as_deref().unwrap();
            assert!(ask.ends_with('。'), "{}: {ask}", ctl.id);
            assert!(ctl.ask_en.as_deref().unwrap().ends_with('.'), "{}", ctl.id);
        } else {
            assert!(ctl.ask_ja.is_none() && ctl.ask_en.is_none(), "{}", ctl.id);
        }
    }
    for s in &c.scenarios {
        assert_eq!(
            c.category(&s.category).map(|x| x.id.as_str()),
            Some(s.category.as_str())
        );
        if s.level == Level::Small {
            assert!(c.controls_of(&s.id).next().is_some(), "{}", s.id);
            assert!(!s.phases.is_empty(), "{}", s.id);
        }
    }
}

#[test]
fn sources_cite_a_chapter_6_group_or_a_topic_never_an_invented_number() {
    use shindan::domain::catalog::{Guideline, MHLW_SECTIONS};
    let c = cat();
    for ctl in &c.controls {
        let first = &ctl.source[0];
        match ctl.by {
            By::Vendor => {
                assert_eq!(first.guideline, Guideline::MetiMic10, "{}", ctl.id);
            }
            By::Hospital => assert!(
                matches!(first.guideline, Guideline::Mhlw52 | Guideline::Survey2022),
                "{}",
                ctl.id
            ),
        }
        for s in &ctl.source {
            match s.guideline {
                Guideline::Mhlw52 => {
                    assert!(MHLW_SECTIONS.contains(&s.section.as_deref().unwrap()))
                }
                Guideline::MetiMic10 => {
                    assert!(s.section.is_none() && s.topic.is_some(), "{}", ctl.id)
                }
                Guideline::Survey2022 => {
                    let at = s.section.as_deref().unwrap();
                    assert!(at.starts_with("overall ") && at.ends_with("/7"), "{at}");
                }
            }
        }
    }
    // Only the two controls the MHLW guideline does not deal with rest on the survey alone.
    let survey_only: Vec<_> = c
        .controls
        .iter()
        .filter(|x| {
            x.source
                .iter()
                .all(|s| s.guideline == Guideline::Survey2022)
        })
        .map(|x| x.id.as_str())
        .collect();
    assert_eq!(survey_only, ["cyber_insurance", "security_budget"]);
}

#[test]
fn the_spec_skeleton_ids_are_all_there() {
    let c = cat();
    let categories = [
        "authentication",
        "identity_access",
        "traceability",
        "media_devices",
        "maintenance",
        "personnel",
        "incident_response",
        "network",
        "governance",
    ];
    assert_eq!(c.category_ids().collect::<Vec<_>>(), categories);
    let phases: Vec<_> = c.phases.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        phases,
        [
            "pre_contract",
            "build_maintain",
            "operation",
            "emergency",
            "contract_end"
        ]
    );
    for (id, level, parent) in [
        ("ia_insider_misuse", Level::Medium, "identity_access"),
        ("ia_external_theft", Level::Medium, "identity_access"),
        ("ia_pw_labelled", Level::Small, "ia_insider_misuse"),
        ("ia_no_privilege_review", Level::Small, "ia_insider_misuse"),
        ("ia_shared_accounts", Level::Small, "ia_insider_misuse"),
        ("ia_no_threat_intel", Level::Small, "ia_external_theft"),
        ("ia_unpatched_intrusion", Level::Small, "ia_external_theft"),
        ("ia_vendor_accounts", Level::Small, "ia_external_theft"),
    ] {
        let s = c.scenario(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!((s.level, s.parent.as_str()), (level, parent), "{id}");
    }
    let leaves = [
        ("mt_remote_line_open", "maintenance"),
        ("mt_unattended_work", "maintenance"),
        ("mt_eol", "maintenance"),
        ("md_usb_malware", "media_devices"),
        ("md_disposal_leak", "media_devices"),
        ("md_no_inventory", "media_devices"),
        ("ir_backup_encrypted", "incident_response"),
        ("ir_no_downtime_plan", "incident_response"),
        ("ir_no_contact_chain", "incident_response"),
        ("nw_closed_myth", "network"),
        ("nw_unknown_ingress", "network"),
        ("gv_no_owner", "governance"),
        ("gv_no_budget", "governance"),
        ("gv_no_audit", "governance"),
        ("gv_unclear_split", "governance"),
    ];
    for (id, category) in leaves {
        let s = c.scenario(id).unwrap_or_else(|| panic!("{id}"));
        assert!(s.is_leaf(), "{id}");
        assert_eq!(s.category, category, "{id}");
    }
    // The skeleton's controls, who does them, and the links it names.
    let controls = [
        ("no_labelled_pw", By::Hospital, "ia_pw_labelled"),
        ("individual_ids", By::Hospital, "ia_shared_accounts"),
        ("privilege_review", By::Hospital, "ia_no_privilege_review"),
        ("vuln_intel", By::Hospital, "ia_no_threat_intel"),
        ("vpn_patch", By::Vendor, "ia_unpatched_intrusion"),
        ("vendor_account_control", By::Vendor, "ia_vendor_accounts"),
        ("remote_on_demand", By::Vendor, "mt_remote_line_open"),
        ("maintenance_approval", By::Hospital, "mt_unattended_work"),
        ("maintenance_log", By::Vendor, "mt_unattended_work"),
        ("eol_notice", By::Vendor, "mt_eol"),
        ("usb_control", By::Hospital, "md_usb_malware"),
        ("disposal_erasure", By::Hospital, "md_disposal_leak"),
        ("erasure_certificate", By::Vendor, "md_disposal_leak"),
        ("asset_inventory", By::Hospital, "md_no_inventory"),
        ("backup_offline", By::Hospital, "ir_backup_encrypted"),
        ("backup_offsite", By::Hospital, "ir_backup_encrypted"),
        ("bcp_downtime", By::Hospital, "ir_no_downtime_plan"),
        ("restore_drill", By::Vendor, "ir_no_downtime_plan"),
        ("ir_process", By::Hospital, "ir_no_contact_chain"),
        ("cyber_insurance", By::Hospital, "ir_incident_cost"),
        ("network_diagram", By::Hospital, "nw_closed_myth"),
        ("endpoint_protection", By::Hospital, "nw_closed_myth"),
        ("ingress_review", By::Vendor, "nw_unknown_ingress"),
        ("security_officer", By::Hospital, "gv_no_owner"),
        ("security_budget", By::Hospital, "gv_no_budget"),
        ("security_audit", By::Hospital, "gv_no_audit"),
        ("responsibility_split", By::Hospital, "gv_unclear_split"),
    ];
    for (id, by, scenario) in controls {
        let ctl = c.control(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(ctl.by, by, "{id}");
        assert!(ctl.scenarios.iter().any(|s| s == scenario), "{id}");
    }
    assert!(c
        .control("access_log_review")
        .unwrap()
        .compensates
        .contains(&"privilege_review".to_string()));
    assert!(c
        .control("network_diagram")
        .unwrap()
        .scenarios
        .contains(&"nw_unknown_ingress".to_string()));
}

#[test]
fn the_checklist_reads_its_risk_categories_from_the_catalogue() {
    use shindan::domain::checklist::risk_link;
    let ids: Vec<_> = cat().category_ids().collect();
    assert_eq!(risk_link::category_ids(), ids);
    let c = risk_link::category("network").unwrap();
    assert_eq!(c.ja, cat().category("network").unwrap().ja);
}

#[test]
fn short_names_fit_a_heat_map_at_80_columns() {
    use shindan::text::width;
    for c in &cat().categories {
        assert!(
            width(&c.short_ja) <= 16 && width(&c.short_en) <= 16,
            "{}",
            c.id
        );
    }
    for p in &cat().phases {
        // A column of 12, with a space before the name.
        assert!(
            width(&p.short_ja) <= 11 && width(&p.short_en) <= 11,
            "{}",
            p.id
        );
    }
}

/// What the interview proves about the restore drill and the advisories: no backup means no
/// restore drill; an unpatched VPN because the advisory never reached anyone means nobody
/// watches advisories.
#[test]
fn the_interview_presets_the_restore_drill_and_the_advisory_watch() {
    use shindan::domain::matrix::{ControlState, Sources};
    use shindan::domain::record::control::ControlStatus;
    use shindan::domain::validate::answer_from_input;
    use shindan::domain::{Record, RecordId};
    let qn = Questionnaire::embedded();
    let sources = Sources::embedded();
    let now = chrono::Utc::now();
    let mut r = Record::new(RecordId::new(2026, 1), now.date_naive(), now);
    for (q, v) in [
        ("backup", "no"),
        ("vpn_flagged", "yes"),
        ("vpn_patched", "no"),
        ("vpn_unpatched_reasons", "no_budget,no_information"),
    ] {
        answer_from_input(qn, &mut r, q, v, now).unwrap();
    }
    let status = |r: &Record, id: &str| {
        let c = sources.catalog.control(id).unwrap();
        ControlState::of(&sources, c, r).status
    };
    assert_eq!(status(&r, "restore_drill"), ControlStatus::Missing);
    assert_eq!(status(&r, "vuln_intel"), ControlStatus::Missing);
    answer_from_input(qn, &mut r, "backup", "yes", now).unwrap();
    answer_from_input(qn, &mut r, "vpn_unpatched_reasons", "no_budget", now).unwrap();
    assert_eq!(
        status(&r, "restore_drill"),
        ControlStatus::Unknown,
        "a backup alone proves no drill"
    );
    assert_eq!(status(&r, "vuln_intel"), ControlStatus::Unknown);
}
