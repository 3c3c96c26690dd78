//! Places in the 2022 report, as the assets name them ("overall 2/7", "bed 3/7", "founder 5/7",
//! "p46 図６"), written out for the reader in either language; and the report of one record
//! (`shindan export`, the TUI's `e`), built once in [`model::Report`] and drawn by `print`.

mod build;
pub mod model;
mod money;
mod readiness;
mod risks;
mod standing;
mod summary;

pub use model::{Block, Part, PartId, Report, Step, Table, TableRow};

use super::lang::Lang;
use super::position::BracketDistribution;

/// 図６'s heading for the hospital's bed class, as `check` and the report both title it:
/// 「年間セキュリティ予算：300～499床の回答（p46 図６、n=283）」.
pub fn budget_heading(b: &BracketDistribution, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "年間セキュリティ予算：{}の回答（{}、n={}）",
            b.class.label(lang),
            b.source,
            b.n
        ),
        Lang::En => format!(
            "Annual security budget: {} ({}, n={})",
            b.class.label(lang),
            place(b.source, lang),
            b.n
        ),
    }
}

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
                    return crate::domain::survey::render::english_figures(
                        &part.replace("調査対象", "respondents"),
                    )
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
