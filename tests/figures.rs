//! Every survey figure means what its row says: read each output as a person does and check
//! that a figure counting the other side (6割弱 *have* an incident process) names that side,
//! that a figure the report bounds (「状況不明も含めれば」) keeps its bound, that a figure said of
//! several founders together is called their average, and that every page cited is the page of
//! the figure's place in the report.

use shindan::domain::survey::render::{cite, render_figure, Form};
use shindan::domain::survey::{Counts, Figure, Scope, Survey};
use shindan::domain::Lang;
use std::path::Path;

mod cli_run;
mod hospital;
use cli_run::{ok, shindan};

/// A 350-bed medical corporation without an incident process or a BCP, with a flagged VPN left
/// unfixed: every figure with another side, a bound or a shared scope is in its report.
fn hospital(dir: &Path) -> String {
    hospital::named(
        dir,
        ok,
        "みなと病院",
        &[],
        &[
            ("incident_response", "no"),
            ("bcp", "no"),
            ("budget_bracket", "lt5m"),
            ("budget_sufficiency", "not_enough"),
            ("insurance", "no"),
        ],
    )
}

/// Every survey figure of the embedded report, first of its cohort or not.
fn all_figures() -> Vec<&'static Figure> {
    let s = Survey::embedded();
    let mut out = Vec::new();
    for ind in &s.indicators {
        out.extend(&ind.overall);
        out.extend(ind.bed_class.values().flatten());
        out.extend(ind.founder.values().flatten());
        out.extend(&ind.bed_class_average);
        out.extend(&ind.founder_average);
        out.extend(ind.context.iter().map(|c| &c.figure));
    }
    out
}

/// The words a line must hold wherever this figure is shown in it, beyond the number.
fn meaning(f: &Figure, lang: Lang) -> Vec<String> {
    let mut words = Vec::new();
    if f.counts != Counts::Indicator {
        let l = f.counts_label.as_ref().expect("labelled").get(lang);
        words.push(l.to_string());
    }
    if let Some(q) = &f.qualifier {
        words.push(q.get(lang).to_string());
    }
    if f.scope == Scope::Rest {
        words.push(f.scope.label(lang).unwrap().to_string());
    }
    words
}

/// Each line (a table row is one line in md, a row in csv) showing a figure shows its meaning
/// too. Where several figures share a value's text (「3割程度」 is BCP's *have a plan* and VPN's
/// *not fixed or unknown* on the same page), the line must carry the words of one of them; a
/// line citing the place of one without such words is that plain figure and passes.
fn check_lines(out: &str, lang: Lang, what: &str) -> usize {
    let figures = all_figures();
    let s = Survey::embedded();
    let mut checked = 0;
    let mut shown: Vec<String> = figures.iter().map(|f| f.display(lang)).collect();
    shown.sort();
    shown.dedup();
    for text in shown {
        let same: Vec<&&Figure> = figures.iter().filter(|f| f.display(lang) == text).collect();
        if same.iter().all(|f| meaning(f, lang).is_empty()) {
            continue;
        }
        for cell in out.lines().flat_map(|l| l.split(['|', '\t'])) {
            if !cell.contains(&text) {
                continue;
            }
            let plain = same
                .iter()
                .any(|f| meaning(f, lang).is_empty() && cell.contains(&cite(&f.source, s, lang)));
            let meant = same.iter().any(|f| {
                let words = meaning(f, lang);
                !words.is_empty() && words.iter().all(|w| cell.contains(w.as_str()))
            });
            assert!(
                plain || meant,
                "{what}: 「{text}」 shown without what it counts, its bound or its scope: {cell}"
            );
            checked += usize::from(meant);
        }
    }
    checked
}

#[test]
fn every_exported_figure_keeps_what_it_counts_its_bound_and_its_scope() {
    let d = tempfile::tempdir().unwrap();
    let id = hospital(d.path());
    for (lang, flag) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
        for format in ["md", "html", "csv"] {
            let out = ok(
                d.path(),
                &["export", &id, "--format", format, "--lang", flag],
            );
            let checked = check_lines(&out, lang, &format!("{format} {flag}"));
            // The inverted IR and BCP shares, the VPN bound and the founders' average at least.
            assert!(
                checked >= 4,
                "{format} {flag}: only {checked} figures found"
            );
        }
        let out = ok(d.path(), &["check", &id, "--lang", flag]);
        let checked = check_lines(&out, lang, &format!("check {flag}"));
        assert!(checked >= 4, "check {flag}: only {checked} figures found");
    }
}

#[test]
fn the_all_respondents_cells_of_ir_and_bcp_say_the_share_that_has_one() {
    let d = tempfile::tempdir().unwrap();
    let id = hospital(d.path());
    let md = ok(d.path(), &["export", &id, "--format", "md"]);
    let last_cell = |row: &str| -> String {
        let line = md
            .lines()
            .find(|l| l.starts_with(&format!("| {row}")))
            .unwrap_or_else(|| panic!("no row {row} in\n{md}"));
        let cells: Vec<&str> = line.trim_matches('|').split('|').collect();
        cells.last().unwrap().trim().to_string()
    };
    let ir = last_cell("インシデント対応プロセスが未整備");
    assert!(ir.starts_with("整備している 約55–60%"), "{ir}");
    let bcp = last_cell("システム停止時のBCPが未整備");
    assert!(bcp.starts_with("整備している 約30–35%"), "{bcp}");
    let vpn = last_cell("指摘されたVPNの脆弱性が未対応");
    assert!(vpn.starts_with("状況不明も含めれば未対応 30%以上"), "{vpn}");
}

#[test]
fn every_figure_cites_the_page_of_its_place() {
    let s = Survey::embedded();
    // The report's contents page: 全体結果 p3–p11, 病床規模別 p12–p20, 開設者別 p21–p29, each
    // a title page, a 総評 and the seven pages 1/7–7/7.
    for (part, first) in [("overall", 3), ("bed", 12), ("founder", 21)] {
        assert_eq!(s.pages[&format!("{part} 総評")], first + 1);
        for i in 1..=7 {
            assert_eq!(s.pages[&format!("{part} {i}/7")], first + 1 + i);
        }
    }
    for f in all_figures() {
        let page = s.pages.get(&f.source).copied();
        assert!(page.is_some(), "{} has no page", f.source);
        let cell = render_figure(f, s, Form::Cell, Lang::Ja);
        assert!(
            cell.contains(&format!("p{}", page.unwrap())),
            "{cell} lacks p{page:?}"
        );
    }
    assert_eq!(cite("overall 7/7", s, Lang::Ja), "全体結果(7/7) p11");
    assert_eq!(cite("p46 図６", s, Lang::En), "p46 fig. 6 (図６)");
}

/// The report's text, where the checkout has it beside it (see the fresh-clone issue).
fn report_text() -> Option<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/shibyokyo-security-survey-2022-final.txt"
    );
    std::fs::read_to_string(path).ok()
}

#[test]
fn the_budget_levels_cite_the_page_that_states_them() {
    let d = shindan::domain::budget::BudgetData::embedded();
    for level in [&d.levels.min, &d.levels.sufficient] {
        assert!(level.source.starts_with("p33, "), "{}", level.source);
    }
    let Some(text) = report_text() else { return };
    // 提言: p31 概要 (its page number printed under the title), p32 前提, p33 試算方法 — and
    // both levels are stated on 試算方法.
    let overview = text.find(" 提言～概要\n\n31\n").expect("p31 marked");
    let after = &text[overview..];
    let heads: Vec<usize> = after.match_indices(" 提言１～").map(|(i, _)| i).collect();
    assert!(
        after[heads[0]..].starts_with(" 提言１～試算方法"),
        "p33 is the first 提言１ page after 前提"
    );
    assert!(after[..heads[0]].contains("提言１～前提"));
    let p33 = &after[heads[0]..heads[1]];
    assert!(p33.contains("15%（他産業平均で見た必要最低水準）"));
    assert!(p33.contains("2倍程度\n（30%)"), "{p33}");
}

#[test]
fn the_summaries_figures_are_shown_each_with_its_page_even_where_they_disagree() {
    let d = tempfile::tempdir().unwrap();
    let id = hospital(d.path());
    let out = ok(d.path(), &["check", &id]).replace("\n        ", "");
    let out = out.replace("\n                               ", "");
    for (words, place) in [
        // The VPN reasons: 2/7 says 半分弱 of the answers, the 総評 半数以上 of the hospitals.
        ("（半分弱）", "全体結果(2/7) p6"),
        ("（半数以上）", "全体結果 総評 p4"),
        // 5/7: 半数程度 think their budget is not enough.
        ("（半数程度） [全体結果(5/7) p9]", ""),
        // The bed 総評: ほぼ半数 below 500 beds have under 5 million yen.
        ("（ほぼ半数） [病床規模別 総評 p13]", ""),
    ] {
        let line = out
            .lines()
            .find(|l| l.contains(words))
            .unwrap_or_else(|| panic!("{words} missing:\n{out}"));
        assert!(line.contains(place), "{words} without {place}: {line}");
    }
}

#[test]
fn a_reading_the_report_cannot_confirm_is_not_stated_as_fact() {
    let s = Survey::embedded();
    let r = &s.readings["insured_founder"];
    assert!(r.ja.contains("確かめられません"), "{}", r.ja);
    assert!(r.en.contains("cannot be confirmed"), "{}", r.en);
    assert!(!r.ja.contains("誤記と考え"), "{}", r.ja);
    assert!(
        !r.en.contains("takes the summary's 社福 for a slip"),
        "{}",
        r.en
    );
}

#[test]
fn a_rounded_amount_says_it_is_rounded() {
    let d = tempfile::tempdir().unwrap();
    // 図７ prints the 20–99 class ¥499 thousand above the minimum level: never a bare 50万円.
    let ja = ok(d.path(), &["budget", "--beds", "50"]);
    assert!(
        ja.contains("必要最低水準（15%）を 約50万円（499千円） 上回る"),
        "{ja}"
    );
    assert!(!ja.contains(" 50万円 "), "{ja}");
    let en = ok(d.path(), &["budget", "--beds", "50", "--lang", "en"]);
    assert!(en.contains("¥499 thousand above the minimum level"), "{en}");
    assert!(
        en.contains("about ¥2.95 million (¥2,948 thousand) short"),
        "{en}"
    );
}

/// Point 9: a folder with last year's records, this year's copies of them, a file sent twice
/// and the same hospital entered twice counts each hospital once, in the newest year, and says
/// what it left out and why.
#[test]
fn aggregate_counts_each_hospital_once_per_year_not_each_file() {
    let d = tempfile::tempdir().unwrap();
    let data = d.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let dir = data.as_path();
    let new = |name: &str, year: &str| {
        let args = [
            "new",
            "--name",
            name,
            "--beds",
            "120",
            "--founder",
            "medical_corporation",
            "--year",
            year,
        ];
        ok(dir, &args).trim().to_string()
    };
    let mut this_year = Vec::new();
    for name in ["さくら病院", "もみじ病院", "かえで病院"] {
        let last = new(name, "2025");
        ok(dir, &["answer", &last, "threat", "yes"]);
        let this = ok(dir, &["copy", &last, "--year", "2026"])
            .trim()
            .to_string();
        ok(dir, &["answer", &this, "threat", "no"]);
        this_year.push(this);
    }
    // The first hospital's file sent again, and the second hospital entered a second time
    // (ｽﾍﾟｰｽ and full-width aside, the same name, beds and founder).
    std::fs::copy(
        data.join(format!("{}.json", this_year[0])),
        data.join("sent-again.json"),
    )
    .unwrap();
    let again = new("もみじ 病院", "2026");
    ok(dir, &["answer", &again, "threat", "no"]);
    let files = std::fs::read_dir(&data)
        .unwrap()
        .filter(|e| {
            let p = e.as_ref().unwrap().path();
            p.extension().is_some_and(|x| x == "json")
        })
        .count();
    assert_eq!(files, 8, "three hospitals in eight record files");

    let folder = data.to_str().unwrap();
    let j: serde_json::Value =
        serde_json::from_str(&ok(dir, &["aggregate", folder, "--format", "json"])).unwrap();
    assert_eq!(j["year"], 2026, "the newest year present");
    assert_eq!(
        (j["respondents"].as_u64(), j["records_read"].as_u64()),
        (Some(3), Some(8))
    );
    assert_eq!(j["survey"]["records"], 3, "the header counts hospitals too");
    assert_eq!(j["other_years"]["2025"], 3);
    let why: Vec<&str> = j["duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["why"].as_str().unwrap())
        .collect();
    assert_eq!(why.len(), 2, "{}", j["duplicates"]);
    assert!(
        why.contains(&"same_record") && why.contains(&"same_hospital"),
        "{why:?}"
    );
    let threat = |j: &serde_json::Value| {
        let i = j["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == "threat_felt")
            .unwrap()
            .clone();
        (i["overall"]["yes"].as_u64(), i["overall"]["of"].as_u64())
    };
    assert_eq!(
        threat(&j),
        (Some(0), Some(3)),
        "this year's answers, once each"
    );

    // --year chooses last year: its three records, their answers.
    let j: serde_json::Value = serde_json::from_str(&ok(
        dir,
        &["aggregate", folder, "--format", "json", "--year", "2025"],
    ))
    .unwrap();
    assert_eq!(
        (j["respondents"].as_u64(), j["year"].as_i64()),
        (Some(3), Some(2025))
    );
    assert_eq!(threat(&j), (Some(3), Some(3)));
    // A year nobody answered is refused, naming the years there are.
    let out = shindan(dir)
        .args(["--lang", "en", "aggregate", folder, "--year", "2024"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("years present: 2025, 2026"), "{err}");

    // The Markdown says what it counted.
    let md = ok(dir, &["--lang", "en", "aggregate", folder]);
    assert!(
        md.contains("Of 8 records read, 3 hospitals were counted; 2 older record(s) of the same hospital and year and 3 record(s) of other years (3 of 2025) were left out."),
        "{md}"
    );
    assert!(
        md.contains("sent-again.json") || md.contains(&this_year[0]),
        "{md}"
    );
}

/// Japanese left in an English text, outside what may be quoted: the report's own words in
/// 「」, a figure's name beside its English one ("fig. 6 (図６)"), a guideline's section title
/// quoted after "GL 1.0", the hospital's own words (its name, notes), and the form's labels
/// (医療機関確認用 …) that say which paper a line is on, which stand in parentheses after
/// English words that render them.
fn japanese_outside_quotes(text: &str, own_words: &[&str]) -> Vec<String> {
    let mut t = text.to_string();
    for w in own_words {
        t = t.replace(w, "");
    }
    // A stylesheet's full-width space is an indent, not words.
    while let (Some(a), Some(b)) = (t.find("<style>"), t.find("</style>")) {
        if b < a {
            break;
        }
        t.replace_range(a..b + "</style>".len(), "");
    }
    let mut out = String::new();
    let mut depth = 0;
    for c in t.chars() {
        match c {
            '「' => depth += 1,
            '」' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let japanese = |c: char| matches!(c, '\u{3000}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ff01}'..='\u{ff5e}');
    let mut found = Vec::new();
    for line in out.lines() {
        let mut rest = line.to_string();
        // "fig. 6 (図６)", "figs. 3–4 (図３・図４)"
        for (i, _) in line.match_indices("(図") {
            if line[..i]
                .trim_end()
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_digit())
            {
                if let Some(end) = line[i..].find(')') {
                    rest = rest.replace(&line[i..i + end + 1], "");
                }
            }
        }
        if let Some(i) = rest.find("GL 1.0 \"") {
            rest.truncate(i);
        }
        // A command to copy names an item by its key on the form (前提, 2④-サーバ), which is
        // the same in both languages: it is what the CLI and the vendor's CSV take.
        if let Some(i) = rest.find("shindan checklist answer ") {
            rest.truncate(i);
        }
        if rest.chars().any(japanese) {
            found.push(line.trim().to_string());
        }
    }
    found
}

/// Point 10: with `--lang en` no command's output keeps Japanese beside English except the
/// quoted originals — 「2割程度」 is quoted beside "~17–23%", 総評 is "summary", 図６ is
/// "fig. 6", the p34 amounts are said in yen, the brackets are ASCII, and no role is half
/// Japanese.
#[test]
fn english_outputs_keep_japanese_only_in_quotes() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    let id = hospital(dir);
    ok(
        dir,
        &[
            "contacts",
            &id,
            "set",
            "director",
            "--name",
            "Dr. Sato",
            "--phone",
            "03-0000-0000",
        ],
    );
    let en = |args: &[&str]| {
        let mut a = vec!["--lang", "en"];
        a.extend_from_slice(args);
        ok(dir, &a)
    };
    let data = dir.to_str().unwrap().to_string();
    let outputs: Vec<(String, String)> = [
        vec!["show", &id],
        vec!["check", &id],
        vec!["export", &id, "--format", "md"],
        vec!["export", &id, "--format", "csv"],
        vec!["export", &id, "--format", "html"],
        vec!["budget", "--beds", "350"],
        vec!["budget", "--report"],
        vec!["survey"],
        vec!["list"],
        vec!["aggregate", &data],
        vec!["contacts", &id],
        vec!["control", &id],
        vec!["vendor-brief", &id],
        vec!["budget", "--help"],
    ]
    .into_iter()
    .map(|args| (args.join(" "), en(&args)))
    .collect();
    // The hospital's own words are its own.
    let own = ["みなと病院"];
    let mut bad = Vec::new();
    for (cmd, out) in &outputs {
        for line in japanese_outside_quotes(out, &own) {
            bad.push(format!("{cmd}: {line}"));
        }
    }
    assert!(
        bad.is_empty(),
        "Japanese outside quotes:\n{}",
        bad.join("\n")
    );

    // The words are there, quoted, beside their English rendering — not dropped.
    let check = &outputs[1].1;
    assert!(check.contains("~17–23% (「2割程度」)"), "{check}");
    assert!(check.contains("overall results summary, p4"), "{check}");
    let report = &outputs[6].1;
    assert!(
        report.contains("~¥3.6 million") && !report.contains("360万程度"),
        "{report}"
    );
    let md = &outputs[2].1;
    assert!(
        md.contains("[default]") && md.contains("[default] report's") && !md.contains('［'),
        "{md}"
    );
    assert!(
        outputs[10].1.contains("Director or administrator"),
        "{}",
        outputs[10].1
    );

    // The scan itself finds what it must: a bare word, a cut-off cell, a full-width bracket.
    assert_eq!(
        japanese_outside_quotes("~17–23% (2割程度) [by founder 総評]", &[]).len(),
        1
    );
    assert!(japanese_outside_quotes("~17–23% (「2割程度」), p46 fig. 6 (図６)", &[]).is_empty());
    assert_eq!(
        japanese_outside_quotes("15% ［the report's default］", &[]).len(),
        1
    );
}

/// Point 3: a next step's amount says when it is rounded — 約 and the exact 千円 beside it,
/// the exact figure being the model's own.
#[test]
fn a_next_steps_amount_says_it_is_rounded() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    let id = hospital(dir);
    let ja = ok(dir, &["check", &id]);
    let step = ja
        .lines()
        .find(|l| l.contains("セキュリティ予算を年"))
        .unwrap_or_else(|| panic!("{ja}"));
    // 「年約745万円（7,445千円）増やし」: 7,445千円 rounds to 745万円, and says 約.
    let after = step.split("セキュリティ予算を年").nth(1).unwrap();
    assert!(after.starts_with('約'), "{step}");
    let man: i64 = after[after.find('約').unwrap() + '約'.len_utf8()..]
        .split('万')
        .next()
        .unwrap()
        .replace(',', "")
        .parse()
        .unwrap();
    let thousand: i64 = after
        .split('（')
        .nth(1)
        .unwrap()
        .split('千')
        .next()
        .unwrap()
        .replace(',', "")
        .parse()
        .unwrap();
    assert_eq!((thousand + 5) / 10, man, "{step}");
    assert_ne!(thousand % 10, 0, "a whole 万円 needs no 約: {step}");
    let en = ok(dir, &["--lang", "en", "check", &id]);
    assert!(
        en.contains(&format!(
            "Raise the security budget by about ¥{}.{} million (¥{} thousand)",
            man / 100,
            man % 100,
            {
                let t = thousand.to_string();
                format!("{},{}", &t[..t.len() - 3], &t[t.len() - 3..])
            }
        )),
        "{en}"
    );
}
