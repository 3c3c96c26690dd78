//! The figure rows of `shindan check`'s position: each indicator with its bed class, founder and
//! all respondents, one row per figure.

use super::*;

pub(super) fn indicator_lines(
    ip: &IndicatorPosition,
    survey: &Survey,
    id: &str,
    lang: Lang,
    note: &dyn Fn(&Option<String>) -> String,
    out: &mut Vec<String>,
) {
    indented(out, "◆ ", ip.indicator.text.get(lang), 2);
    let mut own = value_label(ip.hospital, lang).to_string();
    // With the question numbers: they say which answer is which, and are what `answer` takes.
    let answers: Vec<String> = ip
        .answers
        .iter()
        .map(|(q, v)| format!("{}={}", asked(&q.id, lang), q.describe(v, lang)))
        .collect();
    if !answers.is_empty() {
        own.push_str(&paren(lang, &answers.join(lang.pick("、", ", "))));
    }
    if ip.concern {
        own.push_str(lang.pick("［要注意］", " [concern]"));
    }
    let you = lang.pick("  貴院：", "  You: ");
    indented(out, you, &own, text::width(you));
    if let Some(q) = ip.next_question {
        let options = super::super::next_steps::value_of(Questionnaire::embedded(), q, lang);
        indented(
            out,
            "",
            &format!(
                "{}shindan answer {id} {} {options}",
                lang.pick("回答： ", "answer: "),
                asked(q, lang),
            ),
            text::width(you),
        );
    }
    for c in ip.comparisons() {
        comparison_lines(c, survey, lang, note, out);
    }
    for (label, fig) in [
        (
            Cohort::Average(crate::domain::survey::Dimension::BedClass),
            ip.bed_class_average,
        ),
        (
            Cohort::Average(crate::domain::survey::Dimension::Founder),
            ip.founder_average,
        ),
    ] {
        if let Some(f) = fig {
            out.extend(row(
                &label.label(lang),
                "",
                &render_figure(f, survey, Form::Cell, lang),
                note(&f.reading).trim_start(),
            ));
        }
    }
    for c in &ip.context {
        let f = &c.figure;
        indented(
            out,
            lang.pick("  参考：", "  Also: "),
            &format!(
                "{} {}{}{}",
                c.label.get(lang),
                render_figure(f, survey, Form::Value, lang),
                paren(
                    lang,
                    &format!(
                        "{}{}{}",
                        c.cohort.label(lang),
                        lang.pick("、", ", "),
                        cite(&f.source, survey, lang)
                    )
                ),
                note(&f.reading)
            ),
            8,
        );
    }
    for c in ip.comparisons() {
        if let Some(s) = ip.sentence(c, lang) {
            indented(out, "  → ", &s, 4);
        }
    }
}

/// "  医療法人             n=600 72%                           founder 6/7 ※2". A label too
/// long for its column gets a line of its own rather than being cut.
pub(super) fn row(label: &str, n: &str, figure: &str, source: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let label = if text::width(label) > LABEL {
        lines.push(text::truncate(&format!("  {label}"), WIDTH));
        ""
    } else {
        label
    };
    let line = format!(
        "  {}{} {}{}",
        text::pad(label, LABEL),
        text::pad_left(n, N),
        text::pad(figure, FIGURE),
        source
    );
    if text::width(figure) <= FIGURE && text::width(line.trim_end()) <= WIDTH {
        lines.push(line.trim_end().to_string());
    } else {
        // A figure with what it counts, its bound and its page is wrapped, never cut: the part
        // cut would be its meaning.
        let first = format!("  {}{} ", text::pad(label, LABEL), text::pad_left(n, N));
        indented(
            &mut lines,
            &first,
            format!("{figure} {source}").trim_end(),
            LABEL + N + 3,
        );
    }
    lines
}

pub(super) fn comparison_lines(
    c: &Comparison,
    survey: &Survey,
    lang: Lang,
    note: &dyn Fn(&Option<String>) -> String,
    out: &mut Vec<String>,
) {
    let label = c.cohort.map_or_else(
        || {
            lang.pick("（区分が未回答）", "(cohort unknown)")
                .to_string()
        },
        |k| k.label(lang),
    );
    let n =
        c.n.map(|n| format!("n={}", group_thousands(i64::from(n))))
            .unwrap_or_default();
    match c.figure {
        Some(f) => {
            // The one renderer: what it counts, its bound, its value, its place and page.
            out.extend(row(
                &label,
                &n,
                &render_figure(f, survey, Form::Cell, lang),
                note(&f.reading).trim_start(),
            ));
            if let Some(u) = &f.unknown {
                indented(
                    out,
                    "",
                    &format!(
                        "{}{}",
                        lang.pick(
                            "ほかに不明（わからない・無回答）：",
                            "unknown (don't know, no answer): "
                        ),
                        u.display(lang)
                    ),
                    LABEL + N + 3,
                );
            }
            if let Some(scope) = f.scope.label(lang).filter(|_| f.scope == Scope::Each) {
                indented(out, "", paren(lang, scope).trim_start(), LABEL + N + 3);
            }
            for also in c.also {
                out.extend(row(
                    "",
                    "",
                    &render_figure(also, survey, Form::Cell, lang),
                    note(&also.reading).trim_start(),
                ));
            }
        }
        None if c.cohort.is_some() => {
            out.extend(row(
                &label,
                &n,
                lang.pick("—（本文に数値なし）", "— (no figure in the text)"),
                "",
            ));
            for s in c.says {
                indented(
                    out,
                    "",
                    &format!(
                        "{}{}{}",
                        lang.pick("報告：", "report: "),
                        s.get(lang),
                        paren(lang, &crate::domain::survey::render::place(&s.source, lang))
                    ),
                    LABEL + N + 3,
                );
            }
        }
        None => out.extend(row(&label, "", "—", "")),
    }
    if c.small_sample && c.figure.is_some() {
        if let (Some(n), Some(p)) = (c.n, c.points_per_hospital()) {
            indented(out, "", &small_sample_text(n, p, lang), LABEL + N + 3);
        }
    }
}
