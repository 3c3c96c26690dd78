//! `shindan budget --report`: 図５, 図６, 図７ and the p34/p35 subsidy tables as the report lays
//! them out, each figure computed from the report's inputs where it gives them, and quoted and
//! marked where it does not.

use crate::domain::budget::spoken::say_man;
use crate::domain::budget::tables::{self, Figure7Row, Stage, SubsidyRow};
use crate::domain::budget::{BudgetData, Level, Worded};
use crate::domain::questionnaire::group_thousands;
use crate::domain::survey::Survey;
use crate::domain::{BedClass, Lang};
use crate::text;

const WIDTH: usize = 80;

/// One cell: text and whether it is right-aligned (numbers) in a column of `width`.
struct Col {
    width: usize,
    right: bool,
}

fn line(cols: &[Col], cells: &[String]) -> String {
    let mut l = String::new();
    for (i, (c, cell)) in cols.iter().zip(cells).enumerate() {
        if i > 0 {
            l.push_str("  ");
        }
        if c.right {
            l.push_str(&text::pad_left(cell, c.width));
        } else {
            l.push_str(&text::pad(cell, c.width));
        }
    }
    l.trim_end().to_string()
}

fn table(out: &mut Vec<String>, cols: &[Col], header: &[String], rows: &[Vec<String>]) {
    out.push(line(cols, header));
    for r in rows {
        out.push(line(cols, r));
    }
}

fn wrapped(out: &mut Vec<String>, indent: &str, s: &str) {
    for l in text::wrap(s, WIDTH - text::width(indent)) {
        out.push(format!("{indent}{l}"));
    }
}

fn num(n: i64) -> String {
    group_thousands(n)
}

/// A bracket's representative value as 図６'s header row has it: 250万 … 5000万 (¥2.5M).
fn bracket_head(thousand: i64, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{}万", thousand / 10),
        Lang::En => match (thousand / 1000, thousand % 1000 / 100) {
            (m, 0) => format!("¥{m}M"),
            (m, d) => format!("¥{m}.{d}M"),
        },
    }
}

fn class_label(class: BedClass, lang: Lang) -> String {
    class.label(lang).to_string()
}

/// The bed column wide enough for its longest label ("100–199 beds"), so no row is cut.
fn beds_width(labels: impl IntoIterator<Item = String>, lang: Lang) -> usize {
    labels
        .into_iter()
        .chain([lang.pick("病床規模", "Beds").to_string()])
        .map(|l| text::width(&l))
        .max()
        .unwrap_or(10)
}

fn class_width(lang: Lang) -> usize {
    beds_width(BedClass::ALL.iter().map(|c| class_label(*c, lang)), lang)
}

/// The page of figure `fig` (図７) in an asset's source ("p33, p34, p47 図７" → "p47"): pages
/// come from the asset, never typed beside the title.
fn page_of<'a>(source: &'a str, fig: &str) -> &'a str {
    source
        .split(", ")
        .find(|part| part.contains(fig))
        .and_then(|part| part.split(' ').next())
        .unwrap_or("")
}

/// "■ 図７ …" / "■ Fig. 7 (図７) …": a figure's title, its number in English beside its name.
fn fig_title(fig: &str, title: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("■ {fig} {title}"),
        Lang::En => {
            let n: String = fig
                .chars()
                .filter_map(|c| ('０'..='９').position(|d| d == c))
                .map(|i| char::from(b'0' + i as u8))
                .collect();
            format!("■ Fig. {n} ({fig}) {title}")
        }
    }
}

pub(super) fn lines(lang: Lang) -> Vec<String> {
    let data = BudgetData::embedded();
    let survey = Survey::embedded();
    let levels = data.levels();
    let mut out = Vec::new();
    wrapped(
        &mut out,
        "",
        lang.pick(
            "提言１の試算の再現（四病院団体協議会 セキュリティアンケート調査結果 最終報告）",
            "Proposal 1 rebuilt (the four hospital associations' security survey 2022, final report)",
        ),
    );
    wrapped(
        &mut out,
        "",
        lang.pick(
            "単位：千円。報告書と同じく各段階で切り捨て。数字は報告書の入力から計算したもの。「引用」は入力が報告書にないため報告書の数字をそのまま示したもの",
            "Thousand yen, floored at every step as the report does. Figures are computed from the report's inputs; \"quoted\" ones are the report's own where it does not give their inputs",
        ),
    );

    // 図５
    out.push(String::new());
    let p45 = page_of(&data.levels.min.source, "図５");
    out.push(fig_title(
        "図５",
        &lang.pick_with(
            || {
                format!(
                    "他産業平均率（{}）で算出した必要セキュリティ予算（{p45}）",
                    levels.min.percent()
                )
            },
            || {
                format!(
                    "Security budget at other industries' rate ({}) ({p45})",
                    levels.min.percent()
                )
            },
        ),
        lang,
    ));
    wrapped(
        &mut out,
        "  ",
        &format!(
            "{}{}{}",
            lang.pick("収益：", "Revenue: "),
            crate::domain::survey::render::place(&data.revenue.source, lang),
            lang.pick_with(
                || format!("。{}", data.revenue.from.get(lang)),
                || format!(". {}", data.revenue.from.get(lang))
            ),
        ),
    );
    wrapped(
        &mut out,
        "  ",
        &format!(
            "{}{}{}",
            lang.pick("IT予算：収益 × ", "IT budget: revenue × "),
            data.it_rate.rate.percent(),
            lang.pick_with(
                || format!("。{}", data.it_rate.from.get(lang)),
                || format!(". {}", data.it_rate.from.get(lang))
            ),
        ),
    );
    let rows5 = tables::figure5(data, levels);
    let cols = [
        Col {
            width: beds_width(rows5.iter().map(|r| r.row.label(lang).to_string()), lang),
            right: false,
        },
        Col {
            width: 10,
            right: true,
        },
        Col {
            width: 8,
            right: true,
        },
        Col {
            width: 9,
            right: true,
        },
        Col {
            width: 10,
            right: true,
        },
        Col {
            width: 7,
            right: true,
        },
        Col {
            width: 8,
            right: true,
        },
    ];
    let header: Vec<String> = [
        lang.pick("病床規模", "Beds"),
        lang.pick("医業収益", "Medical"),
        lang.pick("介護収益", "Care"),
        lang.pick("その他", "Other"),
        lang.pick("収益合計", "Total"),
        lang.pick("IT予算", "IT"),
        &format!("{}{}", lang.pick("必要", "Need "), levels.min.percent()),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let rows: Vec<Vec<String>> = rows5
        .iter()
        .map(|r| {
            vec![
                r.row.label(lang).to_string(),
                num(r.revenue.medical),
                num(r.revenue.care),
                num(r.revenue.other),
                num(r.revenue.total),
                num(r.it_budget),
                num(r.required.min),
            ]
        })
        .collect();
    table(&mut out, &cols, &header, &rows);
    wrapped(
        &mut out,
        "  ",
        &format!("※ {}", data.revenue.excludes.get(lang)),
    );

    // 図６
    out.push(String::new());
    let p46 = page_of(&data.brackets.source, "図６");
    out.push(fig_title(
        "図６",
        &lang.pick_with(
            || format!("1病院あたりの推計平均実態値（{p46}）"),
            || format!("Estimated actual budget per hospital ({p46})"),
        ),
        lang,
    ));
    wrapped(
        &mut out,
        "  ",
        &format!(
            "{}{}",
            lang.pick(
                "各区分の代表値（報告書は「中央値」）× 回答数の合計 ÷ 区分を答えた病院数。件数は ",
                "Sum of each bracket's representative value (the report's 「中央値」, medians) × its count, ÷ hospitals that chose a bracket. Counts: ",
            ),
            crate::domain::survey::render::place(&survey.budget_brackets.source, lang)
        ),
    );
    let reps = data.representatives(survey);
    let mut cols = vec![Col {
        width: class_width(lang),
        right: false,
    }];
    cols.extend(reps.iter().map(|_| Col {
        width: 5,
        right: true,
    }));
    cols.extend([
        Col {
            width: 4,
            right: true,
        },
        Col {
            width: 12,
            right: true,
        },
        Col {
            width: 7,
            right: true,
        },
    ]);
    let mut header = vec![lang.pick("病床規模", "Beds").to_string()];
    header.extend(reps.iter().map(|&r| bracket_head(r, lang)));
    header.extend([
        lang.pick("計", "n").to_string(),
        lang.pick("中間（引用）", "Interim (q.)").to_string(),
        lang.pick("最終", "Final").to_string(),
    ]);
    let rows: Vec<Vec<String>> = tables::figure6(data, survey, levels)
        .iter()
        .map(|r| {
            let mut cells = vec![class_label(r.class, lang)];
            cells.extend(r.counts.iter().map(u32::to_string));
            cells.push(r.chose.to_string());
            cells.push(r.interim.map_or("—".into(), num));
            cells.push(r.final_estimate.map_or("—".into(), num));
            cells
        })
        .collect();
    table(&mut out, &cols, &header, &rows);
    wrapped(
        &mut out,
        "  ",
        &format!("※ {}", data.brackets.note.get(lang)),
    );
    wrapped(
        &mut out,
        "  ",
        &format!("※ {}", data.interim.note.get(lang)),
    );

    // 図７
    for stage in [Stage::Final, Stage::Interim] {
        out.push(String::new());
        figure7(&mut out, stage, data, survey, lang);
    }

    // p34 / p35
    for stage in [Stage::Final, Stage::Interim] {
        out.push(String::new());
        subsidy(&mut out, stage, data, survey, lang);
    }
    out
}

fn figure7(out: &mut Vec<String>, stage: Stage, data: &BudgetData, survey: &Survey, lang: Lang) {
    let levels = data.levels();
    let rows = tables::figure7(stage, data, survey, levels);
    let (min, suff) = (levels.min.percent(), levels.sufficient.percent());
    out.push(match stage {
        Stage::Final => {
            let p = page_of(&data.levels.sufficient.source, "図７");
            fig_title(
                "図７",
                &lang.pick_with(
                    || format!("セキュリティ予算の不足額（最終集計、{p}）"),
                    || format!("Security budget shortfall (final count, {p})"),
                ),
                lang,
            )
        }
        Stage::Interim => {
            let p = page_of(&data.interim.shortfalls_source, "図７");
            fig_title(
                "図７",
                &lang.pick_with(
                    || format!("セキュリティ予算の不足額（中間集計、{p}）"),
                    || format!("Security budget shortfall (interim count, {p})"),
                ),
                lang,
            )
        }
    });
    let cols = [
        Col {
            width: class_width(lang),
            right: false,
        },
        Col {
            width: 12,
            right: true,
        },
        Col {
            width: 9,
            right: true,
        },
        Col {
            width: 8,
            right: true,
        },
        Col {
            width: 9,
            right: true,
        },
        Col {
            width: 9,
            right: true,
        },
    ];
    let a = match stage {
        Stage::Final => lang.pick("(A)推計", "(A) est."),
        Stage::Interim => lang.pick("(A)推計 引用", "(A) quoted"),
    };
    let header: Vec<String> = [
        lang.pick("病床規模", "Beds").to_string(),
        a.to_string(),
        format!("(B){min}"),
        "A-B".to_string(),
        format!("(C){suff}"),
        "A-C".to_string(),
    ]
    .into();
    let mut notes = Vec::new();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut required_b = num(r.required.min);
            if r.class == BedClass::B20To99 {
                required_b.push_str("※1");
            }
            let d = r.disagrees();
            let cell = |level: Level| -> String {
                let computed = r.shortfall.map(|s| s.get(level));
                let mark = if d.get(level) { "†" } else { "" };
                computed.map_or("—".into(), |c| format!("{}{mark}", num(c)))
            };
            if d.min || d.sufficient {
                notes.push(r.clone());
            }
            vec![
                class_label(r.class, lang),
                r.estimate.map_or("—".into(), num),
                required_b,
                cell(Level::Min),
                num(r.required.sufficient),
                cell(Level::Sufficient),
            ]
        })
        .collect();
    table(out, &cols, &header, &rows);
    wrapped(
        out,
        "  ",
        lang.pick(
            "※1 厚労省調査は20～49床と50～99床に分かれているため、両者の必要予算の平均（切り捨て）",
            "※1 MHLW's table has 20–49 and 50–99 beds: the mean of their requirements, floored",
        ),
    );
    for r in notes {
        disagreement_note(out, &r, data, lang);
    }
}

/// The printed interim shortfalls that their printed inputs do not give, explained.
fn disagreement_note(out: &mut Vec<String>, r: &Figure7Row, data: &BudgetData, lang: Lang) {
    if r.printed.is_none() {
        return;
    }
    let lines = text::wrap(data.interim.discrepancy.get(lang), WIDTH - 4);
    for (i, l) in lines.into_iter().enumerate() {
        out.push(format!("{}{l}", if i == 0 { "  † " } else { "    " }));
    }
}

fn subsidy(out: &mut Vec<String>, stage: Stage, data: &BudgetData, survey: &Survey, lang: Lang) {
    let levels = data.levels();
    let rows = tables::subsidy(stage, data, survey, levels);
    let source = match stage {
        Stage::Final => &data.subsidy.final_.source,
        Stage::Interim => &data.subsidy.interim.source,
    };
    out.push(format!(
        "{}{source}{}",
        match stage {
            Stage::Final => lang.pick(
                "■ 必要な公的補助金額（1病院あたり、最終集計、",
                "■ Public subsidy needed per hospital (final count, ",
            ),
            Stage::Interim => lang.pick(
                "■ 必要な公的補助金額（1病院あたり、中間集計、",
                "■ Public subsidy needed per hospital (interim count, ",
            ),
        },
        lang.pick("）", ")")
    ));
    let cols = [
        Col {
            width: class_width(lang),
            right: false,
        },
        Col {
            width: 14,
            right: false,
        },
        Col {
            width: 14,
            right: true,
        },
        Col {
            width: 14,
            right: false,
        },
        Col {
            width: 14,
            right: true,
        },
    ];
    let (min, suff) = (levels.min.percent(), levels.sufficient.percent());
    let header: Vec<String> = [
        lang.pick("病床規模", "Beds").to_string(),
        lang.pick_with(|| format!("{min} 報告書"), || format!("{min} report")),
        lang.pick("2桁の規則", "2-figure rule").to_string(),
        lang.pick_with(|| format!("{suff} 報告書"), || format!("{suff} report")),
        lang.pick("2桁の規則", "2-figure rule").to_string(),
    ]
    .into();
    let mut differs = false;
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r: &SubsidyRow| {
            let agree = r.rule_agrees();
            let words = |w: Option<&Worded>| w.map_or("—".to_string(), |w| w.said_short(lang));
            let mut rule = |level: Level| -> String {
                let Some(v) = r.by_rule.map(|b| b.get(level)) else {
                    return "—".into();
                };
                let mark = if agree.get(level) { "" } else { "*" };
                if !agree.get(level) {
                    differs = true;
                }
                format!("{}{mark}", say_man(v, lang))
            };
            let report = r.report.as_ref();
            let min_rule = rule(Level::Min);
            let suff_rule = rule(Level::Sufficient);
            vec![
                class_label(r.class, lang),
                words(report.map(|p| &p.min)),
                min_rule,
                words(report.map(|p| &p.sufficient)),
                suff_rule,
            ]
        })
        .collect();
    table(out, &cols, &header, &cells);
    wrapped(
        out,
        "  ",
        lang.pick(
            "補助金額＝図７の不足額（不足がなければ0円）。",
            "Subsidy = the fig. 7 shortfall (0 when there is none).",
        ),
    );
    if lang == Lang::En {
        wrapped(out, "  ", "~ = the report's 「程度」 (about).");
    }
    wrapped(out, "  ", data.subsidy.rule.get(lang));
    if differs {
        wrapped(
            out,
            "  ",
            lang.pick(
                "* 規則ではこの金額になり、報告書の金額と違います（報告書の表現は左の列）",
                "* The rule gives this amount, not the report's (the report's words are in the column to the left)",
            ),
        );
    }
}
