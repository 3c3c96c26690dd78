//! The selected indicator in full, as paragraphs: the hospital's answer, each cohort's figure
//! with its source and the model's sentence for it, the averages, the context, the readings.

use super::made::small_text;
use super::para::{Kind, Para};
use super::Column;
use crate::domain::lang::paren;
use crate::domain::position::{value_label, Comparison, IndicatorPosition};
use crate::domain::questionnaire::group_thousands;
use crate::domain::survey::render::{cite, render_figure, Form};
use crate::domain::survey::{Cohort, Dimension, Figure, Scope, Survey};
use crate::domain::{Lang, Questionnaire};

fn qn() -> &'static Questionnaire {
    Questionnaire::embedded()
}

/// The selected indicator in full: the hospital's answer, each cohort's figure with its
/// source and the sentence it gives, the averages and context, and the readings.
pub(super) fn detail(
    ip: &IndicatorPosition,
    survey: &Survey,
    focus: Column,
    lang: Lang,
) -> Vec<Para> {
    let readings = ip.readings();
    let mark = |f: &Figure| -> String {
        f.reading
            .as_deref()
            .and_then(|r| readings.iter().position(|x| *x == r))
            .map(|i| format!(" ※{}", i + 1))
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut own = value_label(ip.hospital, lang).to_string();
    let answers: Vec<String> = ip
        .answers
        .iter()
        .map(|(q, v)| {
            format!(
                "{}{} {}",
                lang.pick("問", "Q"),
                qn().number(&q.id).unwrap_or(0),
                q.describe(v, lang)
            )
        })
        .collect();
    if !answers.is_empty() {
        own.push_str(&paren(lang, &answers.join(lang.pick("、", ", "))));
    }
    if ip.concern {
        own.push_str(lang.pick("［要注意］", " [concern]"));
    }
    if let Some(n) = ip.next_question.and_then(|q| qn().number(q)) {
        own.push_str(&match lang {
            Lang::Ja => format!("。問{n}に答えると比べられます（i で面談へ）"),
            Lang::En => format!(": answer Q{n} to compare (i: the interview)"),
        });
    }
    out.push(Para::new(
        if ip.concern { Kind::Concern } else { Kind::Own },
        lang.pick("貴院：", "You: "),
        own,
    ));
    let order = match focus {
        Column::BedClass => [&ip.bed_class, &ip.founder, &ip.overall],
        Column::Founder => [&ip.founder, &ip.bed_class, &ip.overall],
    };
    for c in order {
        comparison_paras(c, survey, &mark, lang, &mut out);
        if let Some(s) = ip.sentence(c, lang) {
            out.push(Para::new(Kind::Sentence, "→ ", s));
        }
    }
    for (cohort, figure) in [
        (Cohort::Average(Dimension::BedClass), ip.bed_class_average),
        (Cohort::Average(Dimension::Founder), ip.founder_average),
    ] {
        if let Some(f) = figure {
            out.push(Para::new(
                Kind::Figure,
                "",
                format!(
                    "{}: {}{}",
                    cohort.label(lang),
                    render_figure(f, survey, Form::Cell, lang),
                    mark(f)
                ),
            ));
        }
    }
    for c in &ip.context {
        let f = &c.figure;
        out.push(Para::new(
            Kind::Source,
            lang.pick("参考：", "Also: "),
            format!(
                "{}{} {}{}",
                c.label.get(lang),
                paren(lang, &c.cohort.label(lang)),
                render_figure(f, survey, Form::Cell, lang),
                mark(f)
            ),
        ));
    }
    for (i, r) in readings.iter().enumerate() {
        if let Some(t) = survey.reading(r) {
            out.push(Para::new(Kind::Note, &format!("※{} ", i + 1), t.get(lang)));
        }
    }
    out
}

pub(super) fn comparison_paras(
    c: &Comparison,
    survey: &Survey,
    mark: &dyn Fn(&Figure) -> String,
    lang: Lang,
    out: &mut Vec<Para>,
) {
    let Some(cohort) = c.cohort else {
        return;
    };
    let n =
        c.n.map(|n| format!(" n={}", group_thousands(i64::from(n))))
            .unwrap_or_default();
    let small = if c.small_sample {
        format!(" {}", small_text(lang))
    } else {
        String::new()
    };
    let label = format!("{}{n}{small}", cohort.label(lang));
    let sub = "  ";
    match c.figure {
        Some(f) => {
            // Said of every class: the render names only an average of other cohorts.
            let each = match f.scope {
                Scope::Each => f
                    .scope
                    .label(lang)
                    .map(|s| paren(lang, s))
                    .unwrap_or_default(),
                _ => String::new(),
            };
            // What it counts, the report's bound and the page, from the one render.
            out.push(Para::new(
                Kind::Figure,
                "",
                format!(
                    "{label}{each}: {}{}",
                    render_figure(f, survey, Form::Cell, lang),
                    mark(f)
                ),
            ));
            if let Some(u) = &f.unknown {
                out.push(Para::new(
                    Kind::Source,
                    sub,
                    format!(
                        "{}{}",
                        lang.pick(
                            "ほかに不明（わからない・無回答）：",
                            "unknown (don't know, no answer): "
                        ),
                        u.display(lang)
                    ),
                ));
            }
            for also in c.also {
                out.push(Para::new(
                    Kind::Source,
                    sub,
                    format!(
                        "{}{}{}",
                        lang.pick("別の記述：", "also: "),
                        render_figure(also, survey, Form::Cell, lang),
                        mark(also)
                    ),
                ));
            }
        }
        None => {
            out.push(Para::new(
                Kind::Figure,
                "",
                format!(
                    "{label}: {}",
                    lang.pick(
                        "本文に数値なし（グラフのみ）",
                        "not in the report's text (charts only)"
                    )
                ),
            ));
            for s in c.says {
                out.push(Para::new(
                    Kind::Source,
                    sub,
                    format!(
                        "{}{}{}",
                        lang.pick("報告：", "report: "),
                        s.get(lang),
                        paren(lang, &cite(&s.source, survey, lang))
                    ),
                ));
            }
        }
    }
}
