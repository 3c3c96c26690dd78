//! No printed or exported checklist surface shows an internal item id (`c2_patch_all`): people
//! read the form's own numbers. Ids stay in `--json` and the exchange JSON only.

use assert_cmd::Command;
use shindan::domain::checklist::Editions;
use std::path::Path;

fn run(dir: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("shindan")
        .unwrap()
        .env("SHINDAN_DATA_DIR", dir)
        .env_remove("SHINDAN_LANG")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn no_item_id_on_any_printed_surface() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let id = run(
        d,
        &[
            "new",
            "--name",
            "さくら記念病院",
            "--beds",
            "120",
            "--founder",
            "medical_corporation",
        ],
    );
    let id = id.trim().to_string();
    let mut outputs = Vec::new();
    for lang in ["ja", "en"] {
        outputs.push(run(
            d,
            &[
                "--lang",
                lang,
                "checklist",
                "answer",
                &id,
                "2⑦",
                "no",
                "--target",
                "2027-03-31",
            ],
        ));
        outputs.push(run(
            d,
            &[
                "--lang",
                lang,
                "checklist",
                "answer",
                &id,
                "2④",
                "yes",
                "--device",
                "server",
            ],
        ));
        outputs.push(run(
            d,
            &[
                "--lang",
                lang,
                "checklist",
                "answer",
                &id,
                "１（１）",
                "yes",
            ],
        ));
        for f in ["html", "md", "csv"] {
            outputs.push(run(
                d,
                &["--lang", lang, "checklist", "form", &id, "--format", f],
            ));
            outputs.push(run(
                d,
                &[
                    "--lang",
                    lang,
                    "checklist",
                    "form",
                    &id,
                    "--vendor",
                    "A社",
                    "--system",
                    "電子カルテ",
                    "--format",
                    f,
                ],
            ));
        }
        outputs.push(run(d, &["--lang", lang, "checklist", "show", &id]));
    }
    let all = outputs.join("\n");
    assert!(
        all.contains("2④ サーバ") || all.contains("2④-サーバ"),
        "{all}"
    );
    for e in Editions::shipped().all() {
        for item in &e.items {
            assert!(!all.contains(&item.id), "`{}` shown: {all}", item.id);
        }
    }
}
