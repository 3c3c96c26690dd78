//! The one place a survey figure becomes text for a reader. Every surface (the report's md,
//! html and csv, `check`, the overview, next steps) calls [`render_figure`], so a figure is
//! never shown without what it counts, the words that bound it, its precision and its page —
//! a right number under the wrong meaning is worse than no number.

use super::{Counts, Figure, Scope, Survey};
use crate::domain::lang::Lang;

/// How much of its context a figure carries where it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Alone beside a row (a table cell, a line under an indicator): names what the figure
    /// counts when that is not the row's own state, and cites the report's place and page.
    Cell,
    /// Inside a sentence that already names what the figure counts: the bounding words and the
    /// value, no citation.
    Value,
    /// A glance (the overview's one line per worry), whose detail screen cites the page: what
    /// it counts, its bound and its range without the words.
    Brief,
}

/// "整備している 約55–60%（6割弱） [全体結果(7/7) p11]": the figure as a reader must see it.
///
/// - what it counts, when that is not its row's state (`counts_label`), so 「6割弱が整備」 is
///   never read as 6割弱 without one;
/// - the report's bounding words (「状況不明も含めれば」) and, for a figure said of several
///   cohorts together, that it is their average (「他の開設者区分の平均」);
/// - its precision, by its shape ([`Figure::display`]: printed, from counts, or words as a
///   range with the words);
/// - its place and page, from the survey's `pages` (a `--survey` aggregate has none).
pub fn render_figure(f: &Figure, survey: &Survey, form: Form, lang: Lang) -> String {
    if form == Form::Value {
        return render_value(f, lang);
    }
    let (head, value) = parts(f, lang);
    let value = match form {
        Form::Brief => f.compact(lang),
        _ => value,
    };
    let state = match (f.counts, &f.counts_label) {
        (Counts::Indicator, _) | (_, None) => None,
        (_, Some(l)) => Some(l.get(lang)),
    };
    let shown = match (head, state, lang) {
        (None, None, _) => value,
        // 「状況不明も含めれば未対応 30%以上」: the bound reads on into the state.
        (h, s, Lang::Ja) => format!("{}{} {value}", h.unwrap_or_default(), s.unwrap_or("")),
        (Some(h), Some(s), Lang::En) => format!("{s}, {h}: {value}"),
        (Some(h), None, Lang::En) => format!("{h}: {value}"),
        (None, Some(s), Lang::En) => format!("{s}: {value}"),
    };
    match form {
        Form::Brief => shown,
        _ => format!("{shown} [{}]", cite(&f.source, survey, lang)),
    }
}

/// The figure inside a sentence that names what it counts: "状況不明も含めれば 30%以上（3割強以上）",
/// "他の開設者区分の平均 約17–23%（2割前後）" — the value with its bound and its scope.
pub fn render_value(f: &Figure, lang: Lang) -> String {
    match parts(f, lang) {
        (None, value) => value,
        (Some(head), value) => match lang {
            Lang::Ja => format!("{head} {value}"),
            Lang::En => format!("{head}: {value}"),
        },
    }
}

/// The words that bound a figure (its scope when said of several cohorts together, then the
/// report's qualifier), and its value as precise as the report.
fn parts(f: &Figure, lang: Lang) -> (Option<String>, String) {
    let mut head = Vec::new();
    if f.scope == Scope::Rest {
        if let Some(s) = f.scope.label(lang) {
            head.push(s.to_string());
        }
    }
    if let Some(q) = &f.qualifier {
        head.push(q.get(lang).to_string());
    }
    let head = (!head.is_empty()).then(|| head.join(lang.pick("、", ", ")));
    (head, f.display(lang))
}

/// The page of a place of the report: from the survey's `pages`, or the number a place like
/// "p46 図６" starts with; `None` for an aggregate, which has no pages.
pub fn page_of(source: &str, survey: &Survey) -> Option<u32> {
    if let Some(p) = survey.pages.get(source) {
        return Some(*p);
    }
    let digits: String = source
        .strip_prefix('p')?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Whether a figure shown alone needs more than its value to keep its meaning: what it counts
/// when that is not its row's state, the report's bounding words, or that it is an average of
/// other cohorts. A table cell too narrow for them marks the cell and says them under it.
pub fn has_words(f: &Figure, lang: Lang) -> bool {
    let (head, _) = parts(f, lang);
    head.is_some() || (f.counts != Counts::Indicator && f.counts_label.is_some())
}

/// "全体結果(7/7) p11" / "overall results 7/7, p11": a place of the report with its page when
/// the survey knows it.
pub fn cite(source: &str, survey: &Survey, lang: Lang) -> String {
    let place = place(source, lang);
    match survey.pages.get(source) {
        // "p46 図６" already names its page.
        Some(p) if !source.starts_with('p') => match lang {
            Lang::Ja => format!("{place} p{p}"),
            Lang::En => format!("{place}, p{p}"),
        },
        _ => place,
    }
}

/// "p33, p34, p45 図５, p46 図６, p47 図７": the places of several assets' figures, each once, in
/// page order — a citation built from where the figures are, never typed beside them. English
/// names a figure "fig. 5 (図５)".
pub fn cite_places<'a>(sources: impl IntoIterator<Item = &'a str>, lang: Lang) -> String {
    let mut places: Vec<&str> = Vec::new();
    for s in sources {
        for p in s.split(", ").map(str::trim) {
            if !places.contains(&p) {
                places.push(p);
            }
        }
    }
    let page = |p: &str| -> u32 {
        let digits: String = p
            .trim_start_matches('p')
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().unwrap_or(u32::MAX)
    };
    places.sort_by_key(|p| page(p));
    places
        .iter()
        .map(|p| match lang {
            Lang::Ja => p.to_string(),
            Lang::En => english_figures(p),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "p45 図５" → "p45 fig. 5 (図５)"; "p44 図３・図４" → "p44 figs. 3–4 (図３・図４)".
pub fn english_figures(place: &str) -> String {
    let Some((page, figs)) = place.split_once(' ') else {
        return place.to_string();
    };
    let nums: Vec<u32> = figs
        .split('・')
        .filter_map(|f| f.strip_prefix('図'))
        .filter_map(|n| {
            n.chars()
                .map(|c| {
                    c.to_digit(10)
                        .or_else(|| ('０'..='９').position(|d| d == c).map(|i| i as u32))
                })
                .collect::<Option<Vec<u32>>>()
                .map(|d| d.iter().fold(0, |a, x| a * 10 + x))
        })
        .collect();
    match nums.as_slice() {
        [] => place.to_string(),
        [n] => format!("{page} fig. {n} ({figs})"),
        [a, .., b] => format!("{page} figs. {a}–{b} ({figs})"),
    }
}

/// Places in the 2022 report, as the assets name them ("overall 2/7", "bed 3/7", "founder 5/7",
/// "p46 図６"), written out for the reader in either language:
/// "overall 2/7" → 全体結果(2/7) / "overall results 2/7"; "bed 総評" → 病床規模別 総評. Anything
/// else (a page or figure number) is shown as it is.
pub fn place(source: &str, lang: Lang) -> String {
    source
        .split(", ")
        .map(|part| {
            let (head, rest) = part.split_once(' ').unwrap_or((part, ""));
            let name = match head {
                "overall" => lang.pick("全体結果", "overall results"),
                "bed" => lang.pick("病床規模別", "by bed size"),
                "founder" => lang.pick("開設者別", "by founder"),
                // "p46 図６" → "p46 fig. 6 (図６)", "p2 調査対象" → "p2 respondents".
                _ if lang == Lang::En => {
                    return english_figures(&part.replace("調査対象", "respondents"))
                }
                _ => return part.to_string(),
            };
            // 総評 is the part's summary page.
            let rest = if lang == Lang::En && rest == "総評" {
                "summary"
            } else {
                rest
            };
            if lang == Lang::Ja && rest.contains('/') {
                format!("{name}({rest})")
            } else if rest.is_empty() {
                name.to_string()
            } else {
                format!("{name} {rest}")
            }
        })
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey::Survey;

    fn overall<'a>(survey: &'a Survey, id: &str) -> &'a [Figure] {
        &survey
            .indicators
            .iter()
            .find(|i| i.id == id)
            .expect("indicator in the asset")
            .overall
    }

    #[test]
    fn a_figure_of_the_other_side_names_its_side() {
        let s = Survey::embedded();
        let ir = &overall(s, "ir_missing")[0];
        assert_eq!(
            render_figure(ir, s, Form::Cell, Lang::Ja),
            "整備している 約55–60%（6割弱） [全体結果(7/7) p11]"
        );
        assert!(render_figure(ir, s, Form::Cell, Lang::En).starts_with("have a process: "));
        // In a sentence the sentence names the side itself.
        assert_eq!(render_value(ir, Lang::Ja), "約55–60%（6割弱）");
        assert_eq!(
            render_figure(ir, s, Form::Brief, Lang::Ja),
            "整備している 約55–60%"
        );
    }

    #[test]
    fn places_are_cited_once_in_page_order_and_figures_in_english() {
        let c = cite_places(
            ["p33, p44 図３・図４, p45 図５", "p33, p34, p47 図７"],
            Lang::Ja,
        );
        assert_eq!(c, "p33, p34, p44 図３・図４, p45 図５, p47 図７");
        let c = cite_places(["p45 図５", "p44 図３・図４"], Lang::En);
        assert_eq!(c, "p44 figs. 3–4 (図３・図４), p45 fig. 5 (図５)");
    }

    #[test]
    fn a_bounded_figure_keeps_its_bounding_words() {
        let s = Survey::embedded();
        let vpn = &overall(s, "vpn_unpatched")[0];
        for form in [Form::Cell, Form::Value] {
            assert!(render_figure(vpn, s, form, Lang::Ja).starts_with("状況不明も含めれば"));
            assert!(render_figure(vpn, s, form, Lang::En).contains("do not know"));
        }
    }

    #[test]
    fn page_titles_read_as_the_report_prints_them() {
        assert_eq!(place("overall 2/7", Lang::Ja), "全体結果(2/7)");
        assert_eq!(place("founder 5/7", Lang::En), "by founder 5/7");
        assert_eq!(place("bed 総評", Lang::Ja), "病床規模別 総評");
        assert_eq!(place("p46 図６", Lang::Ja), "p46 図６");
        // English names the page and the figure in English, the figure's own name beside it.
        assert_eq!(place("bed 総評", Lang::En), "by bed size summary");
        assert_eq!(place("p46 図６", Lang::En), "p46 fig. 6 (図６)");
        assert_eq!(place("p2 調査対象", Lang::En), "p2 respondents");
        assert_eq!(
            place("overall 5/7, bed 5/7, p46", Lang::Ja),
            "全体結果(5/7)、病床規模別(5/7)、p46"
        );
    }
}
