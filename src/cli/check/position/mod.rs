//! The position part of `shindan check`: the hospital beside its bed-size and founder cohorts
//! of the 2022 survey. It only lays out what [`Position`] computed.

use super::Block;
use crate::cli::survey::figure_json;
use crate::domain::lang::paren;
use crate::domain::position::{
    value_label, BracketDistribution, Comparison, IndicatorPosition, OwnBracket, Place, Position,
    StaffPosition, Versus,
};
use crate::domain::questionnaire::group_thousands;
use crate::domain::survey::render::{cite, render_figure, Form};
use crate::domain::survey::{Cohort, Precision, Scope, Survey};
use crate::domain::{Lang, Questionnaire, Record};
use crate::text;
use serde_json::{json, Value};

mod budget_staff;
mod rows;

use budget_staff::{budget_lines, staff_lines};
use rows::{indicator_lines, row};

/// Columns of a figure row: cohort label, n, the figure, its source.
const LABEL: usize = 20;
const N: usize = 8;
const FIGURE: usize = 30;
const WIDTH: usize = 80;

pub fn block(record: &Record, survey: &Survey, lang: Lang) -> Block {
    let qn = Questionnaire::embedded();
    let pos = Position::of(record, qn, survey);
    Block {
        text: text_lines(&pos, lang),
        json: vec![
            ("survey", survey_json(survey)),
            ("bed_class", bed_class_json(&pos)),
            ("founder", place_json(pos.founder.as_ref())),
            (
                "indicators",
                Value::Array(
                    pos.indicators
                        .iter()
                        .map(|ip| indicator_json(ip, survey))
                        .collect(),
                ),
            ),
            ("staff", staff_json(&pos.staff, survey)),
        ],
    }
}

/// Which survey the figures are: its name and date, and for an aggregate its records.
fn survey_json(s: &Survey) -> Value {
    json!({
        "name": { "ja": s.identity.name.ja, "en": s.identity.name.en },
        "date": s.identity.date.to_string(),
        "records": s.identity.records,
        "respondents": s.respondents,
    })
}

fn place_json(place: Option<&Place>) -> Value {
    let Some(p) = place else {
        return Value::Null;
    };
    let (id, label_ja, label_en) = match p.cohort {
        Cohort::BedClass(b) => (b.id(), b.label(Lang::Ja), b.label(Lang::En)),
        Cohort::Founder(f) => (f.id(), f.label(Lang::Ja), f.label(Lang::En)),
        _ => ("", "", ""),
    };
    json!({
        "id": id,
        "label": { "ja": label_ja, "en": label_en },
        "n": p.n,
        "of": p.of,
        "share": p.share(),
        "small_sample": p.small_sample,
    })
}

fn bed_class_json(pos: &Position) -> Value {
    let mut v = place_json(pos.bed_class.as_ref());
    if let (Value::Object(map), Some(b)) = (&mut v, &pos.budget) {
        map.insert("beds".into(), json!(pos.beds));
        map.insert(
            "budget_brackets".into(),
            json!({
                "source": b.source,
                "rows": b.rows.iter().map(|r| json!({
                    "id": r.id, "count": r.count, "share": r.share, "own": r.own,
                })).collect::<Vec<_>>(),
                "no_bracket": {
                    "count": b.no_bracket,
                    "share": b.no_bracket_share,
                    "own": b.own == OwnBracket::NoBracket,
                },
            }),
        );
    }
    v
}

fn comparison_json(c: &Comparison, survey: &Survey) -> Value {
    let mut map = match c.figure {
        Some(f) => figure_json(f, survey),
        None => {
            let mut m = serde_json::Map::new();
            m.insert("precision".into(), json!(Precision::Missing));
            m.insert("source".into(), Value::Null);
            m
        }
    };
    map.insert("n".into(), json!(c.n));
    map.insert("small_sample".into(), json!(c.small_sample));
    map.insert("standing".into(), json!(c.standing.map(|s| s.side)));
    Value::Object(map)
}

fn indicator_json(ip: &IndicatorPosition, survey: &Survey) -> Value {
    json!({
        "id": ip.indicator.id,
        "hospital": ip.hospital,
        "bed_class": comparison_json(&ip.bed_class, survey),
        "founder": comparison_json(&ip.founder, survey),
        "overall": comparison_json(&ip.overall, survey),
    })
}

fn staff_json(s: &StaffPosition, survey: &Survey) -> Value {
    json!({
        "total": s.total,
        "fulltime": s.fulltime,
        "average": Value::Object(figure_json(s.average, survey)),
        "versus": s.versus.map(|v| match v {
            Versus::Above => "above",
            Versus::Within => "within",
            Versus::Below => "below",
        }),
    })
}

/// Lines for people, each at most 80 columns.
fn text_lines(pos: &Position, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let readings = pos.readings();
    let note = |r: &Option<String>| -> String {
        r.as_deref()
            .and_then(|r| readings.iter().position(|x| *x == r))
            .map(|i| format!(" ※{}", i + 1))
            .unwrap_or_default()
    };
    header(pos, lang, &mut out);
    summary(pos, lang, &mut out);
    out.push(String::new());
    let s = pos.survey;
    let n = group_thousands(i64::from(s.respondents));
    let (title, precision) = if s.is_aggregate() {
        (
            lang.pick_with(
                || format!("■ {}との比較（記録{n}件の集計）", s.label(lang)),
                || format!("■ Against {} (an aggregate of {n} records)", s.label(lang)),
            ),
            lang.pick(
                "精度：48.4%（137/283）＝集計の件数（該当／はっきり答えた病院）、—＝はっきり答えた病院なし。",
                "Precision: 48.4% (137/283) = counted in the aggregate (yes / definite answers); — = no definite answer.",
            ),
        )
    } else {
        (
            lang.pick_with(
                || format!("■ {}との比較（四病院団体協議会、回答{n}病院）", s.label(lang)),
                || format!("■ Against {} (four hospital associations, {n} hospitals)", s.label(lang)),
            ),
            lang.pick(
                "精度：89%＝報告の数値、48.4%（137/283）＝報告の件数から算出、約57–63%（6割程度）＝報告の言葉を範囲に、—＝本文に数値なし。※は末尾の注。",
                "Precision: 89% = printed; 48.4% (137/283) = computed from printed counts; ~57–63% (「6割程度」) = the report's words as a range; — = no figure in the text. ※ = note at the end.",
            ),
        )
    };
    out.push(rule(&title));
    for line in text::wrap(precision, WIDTH) {
        out.push(line);
    }
    for ip in &pos.indicators {
        out.push(String::new());
        indicator_lines(
            ip,
            pos.survey,
            &pos.record.to_string(),
            lang,
            &note,
            &mut out,
        );
    }
    if let Some(b) = &pos.budget {
        out.push(String::new());
        budget_lines(b, lang, &note, &mut out);
    }
    out.push(String::new());
    staff_lines(&pos.staff, pos.survey.respondents, lang, &note, &mut out);
    if !readings.is_empty() {
        out.push(String::new());
        out.push(rule(lang.pick(
            "■ 注：shindanの読み方",
            "■ Notes: how shindan reads the report",
        )));
        for (i, r) in readings.iter().enumerate() {
            let Some(t) = pos.survey.reading(r) else {
                continue;
            };
            let mark = format!("※{} ", i + 1);
            indented(&mut out, &mark, t.get(lang), text::width(&mark));
        }
    }
    out
}

fn rule(title: &str) -> String {
    text::truncate(title, WIDTH)
}

/// Wraps `body` to the page with `first` before its first line and the rest indented by
/// `indent` columns.
fn indented(out: &mut Vec<String>, first: &str, body: &str, indent: usize) {
    let pad = " ".repeat(indent);
    for (i, line) in text::wrap(body, WIDTH - indent).into_iter().enumerate() {
        if i == 0 {
            out.push(format!("{}{line}", text::pad(first, indent)));
        } else {
            out.push(format!("{pad}{line}"));
        }
    }
}

fn header(pos: &Position, lang: Lang, out: &mut Vec<String>) {
    out.push(text::truncate(
        &format!("{}  {}", pos.record, pos.name.as_deref().unwrap_or("—")),
        WIDTH,
    ));
    let place = |p: Option<&Place>, missing: &str| match p {
        Some(p) => {
            let share = format!("{:.1}", p.share());
            lang.pick_with(
                || {
                    format!(
                        "{} {}病院（回答{}病院の{share}%）",
                        p.cohort.label(lang),
                        group_thousands(i64::from(p.n)),
                        group_thousands(i64::from(p.of))
                    )
                },
                || {
                    format!(
                        "{}: {} of the {} respondents ({share}%)",
                        p.cohort.label(lang),
                        group_thousands(i64::from(p.n)),
                        group_thousands(i64::from(p.of))
                    )
                },
            )
        }
        None => missing.to_string(),
    };
    let beds = match pos.beds {
        Some(b) => lang.pick_with(|| format!("許可病床 {b}床"), || format!("{b} beds")),
        None => lang.pick("病床数 未回答", "beds not answered").to_string(),
    };
    indented(
        out,
        "",
        &format!(
            "{beds} → {}",
            place(
                pos.bed_class.as_ref(),
                lang.pick("病床規模なし", "no bed class")
            )
        ),
        0,
    );
    indented(
        out,
        "",
        &format!(
            "{} {}",
            lang.pick("開設者", "Founder"),
            place(pos.founder.as_ref(), lang.pick("未回答", "not answered"))
        ),
        0,
    );
    if let Some(f) = &pos.founder {
        if f.small_sample {
            indented(
                out,
                "",
                &small_sample_text(f.n, f.points_per_hospital(), lang),
                2,
            );
        }
    }
    if let Some((label, line)) = pos.describe_associations(lang) {
        indented(out, "", &format!("{label}{line}"), 0);
    }
}

fn small_sample_text(n: u32, points: f64, lang: Lang) -> String {
    let p = crate::domain::survey::approx::num(points);
    lang.pick_with(
        || format!("小標本：回答{n}病院。1病院で割合が{p}ポイント動きます"),
        || format!("small sample: {n} respondents; one hospital moves a share {p} points"),
    )
}

/// What to look at first, before the detail.
fn summary(pos: &Position, lang: Lang, out: &mut Vec<String>) {
    let names = |ips: Vec<&IndicatorPosition>| crate::domain::position::names(&ips, lang);
    let worries = |ips: Vec<&IndicatorPosition>| crate::domain::position::worries(&ips, lang);
    let lagging = pos.lagging();
    let others = pos.other_concerns();
    let unanswered = pos.unanswered();
    out.push(String::new());
    if !lagging.is_empty() {
        indented(
            out,
            lang.pick("優先：", "First: "),
            &format!(
                "{}{}",
                worries(lagging),
                lang.pick(
                    "（少数派：比べた区分の病院の多くはこの状態にありません）",
                    " (a minority: most hospitals you are compared with are not in this state)"
                )
            ),
            text::width(lang.pick("優先：", "First: ")),
        );
    }
    if !others.is_empty() {
        indented(
            out,
            lang.pick("課題：", "Gaps: "),
            &format!(
                "{}{}",
                worries(others),
                lang.pick(
                    "（多くの病院と共通、または比べる数値なし）",
                    " (shared with many peers, or no figure to compare)"
                )
            ),
            text::width(lang.pick("課題：", "Gaps: ")),
        );
    }
    let dont_know = pos.dont_know();
    if !dont_know.is_empty() {
        indented(
            out,
            lang.pick("不明：", "Unknown: "),
            &format!(
                "{}{}",
                names(dont_know),
                lang.pick(
                    "（「わからない」と回答：担当者・ベンダーに確認してください）",
                    " (answered 'don't know': ask your IT staff or vendor)"
                )
            ),
            text::width(lang.pick("不明：", "Unknown: ")),
        );
    }
    let answered = pos.indicators.len() - unanswered.len();
    if answered > 0 && lagging_and_others_empty(pos) {
        out.push(
            lang.pick(
                "回答済みの指標に要注意の点はありません。",
                "No worrying answer among the indicators answered.",
            )
            .into(),
        );
    }
    if answered == 0 {
        indented(
            out,
            "",
            &match lang {
                Lang::Ja => format!(
                    "指標{}件はまだ回答がありません。`shindan answer {} 問番号 回答` で答えると、下の数値と比べられます。",
                    unanswered.len(),
                    pos.record
                ),
                Lang::En => format!(
                    "None of the {} indicators is answered yet. Answer with `shindan answer {} QUESTION-NUMBER VALUE` to compare with the figures below.",
                    unanswered.len(),
                    pos.record
                ),
            },
            0,
        );
    } else if !unanswered.is_empty() {
        indented(
            out,
            lang.pick("未回答：", "Unanswered: "),
            &format!(
                "{}{}",
                names(unanswered),
                lang.pick("（答えると比較できます）", " (answer them to compare)")
            ),
            text::width(lang.pick("未回答：", "Unanswered: ")),
        );
    }
}

fn lagging_and_others_empty(pos: &Position) -> bool {
    pos.lagging().is_empty() && pos.other_concerns().is_empty()
}

/// 問7 / Q7: a question as the hospital reads it, and as `shindan answer` takes it.
fn asked(id: &str, lang: Lang) -> String {
    crate::domain::question_number::printed(Questionnaire::embedded(), id, lang)
}

/// A question's number alone, for a sentence that says 問 or Q itself.
fn question_no(id: &str) -> String {
    Questionnaire::embedded()
        .number(id)
        .map_or_else(|| id.to_string(), |n| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn a_label_too_wide_gets_its_own_line() {
        let r = row(
            "都道府県・市町村の病院ですが長い名前",
            "n=1,144",
            "約87–93%（ほぼ全体の9割）",
            "overall 1/7 ※12",
        );
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0], "  都道府県・市町村の病院ですが長い名前");
        assert_eq!(
            r[1],
            format!(
                "{}n=1,144 約87–93%（ほぼ全体の9割）     overall 1/7 ※12",
                " ".repeat(23)
            )
        );
        assert!(r.iter().all(|l| text::width(l) <= WIDTH), "{r:?}");
    }
}
