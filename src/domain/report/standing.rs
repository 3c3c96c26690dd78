//! The report's part on the 2022 survey: each indicator's own value beside the figures of the
//! hospital's bed class, its founder and all respondents, as [`Position`] computed them — each
//! figure as precise as the report is (its `display`) and with its place in the report.

use super::model::{Block, Part, PartId, Table};
use crate::domain::position::{
    self, value_short, Comparison, IndicatorPosition, OwnBracket, Place, Position,
};
use crate::domain::questionnaire::{group_thousands, Questionnaire};
use crate::domain::record::Record;
use crate::domain::survey::render::{render_figure, Form};
use crate::domain::survey::Survey;
use crate::domain::Lang;

pub fn part(record: &Record, qn: &Questionnaire, survey: &Survey, lang: Lang) -> Part {
    // The survey chosen for this run: the 2022 report, or an aggregate named with `--survey`,
    // named in the part's title as everywhere its figures appear.
    let pos = Position::of(record, qn, survey);
    let mut part = Part::new(PartId::Position, lang);
    let name = survey.label(lang);
    part.title = lang.pick_with(
        || format!("{name}との比較（病床規模別・開設者別）"),
        || format!("Against {name} (bed class and founder)"),
    );
    part.blocks.push(Block::Facts(vec![
        (
            lang.pick("病床規模", "Bed class").to_string(),
            place(pos.bed_class.as_ref(), lang),
        ),
        (
            lang.pick("開設者", "Founder").to_string(),
            place(pos.founder.as_ref(), lang),
        ),
    ]));
    let names = |ips: Vec<&IndicatorPosition>| position::names(&ips, lang);
    let worries = |ips: Vec<&IndicatorPosition>| position::worries(&ips, lang);
    let mut summary = Vec::new();
    for (label, list) in [
        (
            lang.pick(
                "優先（比べた区分の多くの病院はこの状態にない）",
                "First (most hospitals compared are not in this state)",
            ),
            worries(pos.lagging()),
        ),
        (lang.pick("課題", "Gaps"), worries(pos.other_concerns())),
        (
            lang.pick(
                "不明（担当者・ベンダーに確認）",
                "Unknown (ask IT staff or vendor)",
            ),
            names(pos.dont_know()),
        ),
        (lang.pick("未回答", "Unanswered"), names(pos.unanswered())),
    ] {
        if !list.is_empty() {
            summary.push((label.to_string(), list));
        }
    }
    if !summary.is_empty() {
        part.blocks.push(Block::Facts(summary));
    }
    part.blocks.push(Block::Text(
        lang.pick(
            "精度：89%＝報告の数値、48.4%（137/283）＝報告の件数から算出、約57–63%（6割程度）＝報告の言葉を範囲に、—＝本文に数値なし。［ ］は報告書の該当ページ。",
            "Precision: 89% = printed; 48.4% (137/283) = computed from printed counts; ~57–63% (「6割程度」) = the report's words as a range; — = no figure in the text. [ ] = the report's page.",
        )
        .to_string(),
    ));
    let head_of = |p: Option<&Place>, missing: &str| match p {
        Some(p) => format!(
            "{} (n={})",
            p.cohort.label(lang),
            group_thousands(i64::from(p.n))
        ),
        None => missing.to_string(),
    };
    let mut table = Table::new([
        lang.pick("指標", "Indicator").to_string(),
        lang.pick("貴院", "You").to_string(),
        head_of(
            pos.bed_class.as_ref(),
            lang.pick("病床規模（未回答）", "Bed class (not answered)"),
        ),
        head_of(
            pos.founder.as_ref(),
            lang.pick("開設者（未回答）", "Founder (not answered)"),
        ),
        format!(
            "{} (n={})",
            lang.pick("全回答病院", "All respondents"),
            group_thousands(i64::from(survey.respondents))
        ),
    ]);
    let mut sentences = Vec::new();
    for ip in &pos.indicators {
        let mut own = value_short(ip.hospital, lang).to_string();
        if ip.concern {
            own.push_str(lang.pick("［要注意］", " [concern]"));
        }
        table.row(
            [
                ip.indicator.text.get(lang).to_string(),
                own,
                cell(&ip.bed_class, survey, lang),
                cell(&ip.founder, survey, lang),
                cell(&ip.overall, survey, lang),
            ],
            ip.concern,
        );
        for c in ip.comparisons() {
            if let Some(s) = ip.sentence(c, lang) {
                sentences.push(s);
            }
        }
    }
    part.blocks.push(Block::Table(table));
    if !sentences.is_empty() {
        part.blocks.push(Block::Items(sentences));
    }
    if let Some(b) = &pos.budget {
        part.blocks
            .push(Block::Heading(super::budget_heading(b, lang)));
        let mut t = Table::new([
            lang.pick("予算区分", "Bracket"),
            lang.pick("病院数", "Hospitals"),
            lang.pick("割合", "Share"),
            lang.pick("貴院", "You"),
        ])
        .narrow([1, 2, 3]);
        let you = lang.pick("← 貴院", "← you");
        for r in &b.rows {
            t.row(
                [
                    r.label.map_or(r.id, |l| l.get(lang)).to_string(),
                    r.count.to_string(),
                    format!("{:.1}%", r.share),
                    if r.own { you } else { "" }.to_string(),
                ],
                false,
            );
        }
        t.row(
            [
                lang.pick("区分の回答なし", "No bracket given").to_string(),
                b.no_bracket.to_string(),
                format!("{:.1}%", b.no_bracket_share),
                if b.own == OwnBracket::NoBracket {
                    you
                } else {
                    ""
                }
                .to_string(),
            ],
            false,
        );
        part.blocks.push(Block::Table(t));
        if b.own == OwnBracket::Unanswered {
            let n = qn.number("budget_bracket").unwrap_or_default();
            part.blocks.push(Block::Text(match lang {
                Lang::Ja => format!("貴院の予算区分は未回答です（問{n}）。"),
                Lang::En => format!("Your budget bracket is not answered yet (question {n})."),
            }));
        }
    }
    if let Some(s) = pos.staff.sentence(lang) {
        part.blocks.push(Block::Text(s));
    }
    part
}

/// "病床規模 200～499床：283病院（回答1,144病院の24.7%）".
fn place(p: Option<&Place>, lang: Lang) -> String {
    match p {
        Some(p) => {
            let share = format!("{:.1}", p.share());
            let n = group_thousands(i64::from(p.n));
            let of = group_thousands(i64::from(p.of));
            let mut s = match lang {
                Lang::Ja => format!("{} {n}病院（回答{of}病院の{share}%）", p.cohort.label(lang)),
                Lang::En => format!(
                    "{}: {n} of the {of} respondents ({share}%)",
                    p.cohort.label(lang)
                ),
            };
            if p.small_sample {
                let pts = crate::domain::survey::approx::num(p.points_per_hospital());
                s.push_str(&match lang {
                    Lang::Ja => format!("。小標本：1病院で割合が{pts}ポイント動きます"),
                    Lang::En => {
                        format!("; a small sample: one hospital moves a share {pts} points")
                    }
                });
            }
            s
        }
        None => lang.pick("未回答", "not answered").to_string(),
    }
}

/// A cohort's figure as [`render_figure`] shows it beside a row: "整備している 約55–60%（6割弱）
/// [全体結果(7/7) p11]".
fn cell(c: &Comparison, survey: &Survey, lang: Lang) -> String {
    let Some(f) = c.figure else {
        return match c.cohort {
            Some(_) => lang
                .pick("—（本文に数値なし）", "— (no figure in the text)")
                .to_string(),
            None => "—".to_string(),
        };
    };
    let mut s = render_figure(f, survey, Form::Cell, lang);
    if c.small_sample {
        if let (Some(n), Some(p)) = (c.n, c.points_per_hospital()) {
            let p = crate::domain::survey::approx::num(p);
            s.push_str(&match lang {
                Lang::Ja => format!("（小標本 n={n}：1病院で{p}ポイント）"),
                Lang::En => format!(" (small sample n={n}: one hospital = {p} points)"),
            });
        }
    }
    s
}
