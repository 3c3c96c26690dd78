//! A section as a person names it, for confirming a whole section at once: the number it is
//! listed by (`confirm` numbers the interview's sections 1–8; the checklist's are 0–3 as the
//! form prints them), in full-width or half-width digits, with or without 第…節/項 or a dot,
//! or its name in either language or a part of the name that fits one section alone. A part
//! that fits several is refused with those sections, so that `管理` is not taken for the
//! first of three; the id scripts use is taken too, but no message names it.

use crate::domain::checklist::edition::Edition;
use crate::domain::lang::{Lang, Text};
use crate::domain::questionnaire::Questionnaire;

/// Which sections a name was looked for among: the message says which kind was meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Among {
    Interview,
    Checklist,
}

/// A section as a message lists it: the number to type and the name in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub number: u32,
    pub name: Text,
}

/// Why a typed section was not taken; both list what would be.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SectionError {
    #[error("no {} `{typed}`; give its number or name: {}", noun(*among, Lang::En), list(choices, Lang::En))]
    Unknown {
        among: Among,
        typed: String,
        choices: Vec<Listed>,
    },
    #[error("`{typed}` names several {}s; give one of: {}", noun(*among, Lang::En), list(matches, Lang::En))]
    Ambiguous {
        among: Among,
        typed: String,
        matches: Vec<Listed>,
    },
}

fn noun(among: Among, lang: Lang) -> &'static str {
    match among {
        Among::Interview => lang.pick("節", "section"),
        Among::Checklist => lang.pick("チェックリストの項", "checklist section"),
    }
}

fn list(sections: &[Listed], lang: Lang) -> String {
    let each: Vec<String> = sections
        .iter()
        .map(|s| format!("{} {}", s.number, s.name.get(lang)))
        .collect();
    each.join(lang.pick("、", ", "))
}

impl SectionError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (
                SectionError::Unknown {
                    among,
                    typed,
                    choices,
                },
                Lang::Ja,
            ) => format!(
                "{} `{typed}` はありません。番号か名前で指定してください：{}",
                noun(*among, lang),
                list(choices, lang)
            ),
            (
                SectionError::Ambiguous {
                    among,
                    typed,
                    matches,
                },
                Lang::Ja,
            ) => format!(
                "`{typed}` は複数の{}に当てはまります。番号か名前で一つ指定してください：{}",
                noun(*among, lang),
                list(matches, lang)
            ),
        }
    }
}

/// One spelling for what may be typed: full-width ASCII as half-width, no spaces or dots,
/// lower case, and a bare number without 第 and 節/項 around it.
fn fold(s: &str) -> String {
    let folded: String = s
        .chars()
        .map(crate::domain::digits::half_width)
        .filter(|c| !c.is_whitespace() && *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    let bare = folded
        .strip_prefix('第')
        .unwrap_or(&folded)
        .trim_end_matches(['節', '項']);
    if !bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit()) {
        bare.to_string()
    } else {
        folded
    }
}

/// A section to look for: as a message lists it, the names that find it, and its id.
struct Candidate<'a> {
    listed: Listed,
    names: Vec<String>,
    id: Option<&'a str>,
}

impl<'a> Candidate<'a> {
    fn new(number: u32, name: &Text, also: &[&str], id: Option<&'a str>) -> Candidate<'a> {
        let mut names: Vec<String> = [name.ja.as_str(), name.en.as_str()]
            .into_iter()
            .chain(also.iter().copied())
            .flat_map(|n| [fold(n), fold(&format!("{number}{n}"))])
            .collect();
        names.dedup();
        Candidate {
            listed: Listed {
                number,
                name: name.clone(),
            },
            names,
            id,
        }
    }
}

/// The number of the section `typed` names: by number, then a whole name or the id, then a
/// part of a name that only one section has.
fn pick(among: Among, all: Vec<Candidate>, typed: &str) -> Result<u32, SectionError> {
    let t = fold(typed);
    let found = all
        .iter()
        .find(|c| t == c.listed.number.to_string())
        .or_else(|| {
            all.iter()
                .find(|c| c.id == Some(typed.trim()) || c.names.contains(&t))
        });
    if let Some(c) = found {
        return Ok(c.listed.number);
    }
    let part: Vec<Listed> = all
        .iter()
        .filter(|c| !t.is_empty() && c.names.iter().any(|n| n.contains(&t)))
        .map(|c| c.listed.clone())
        .collect();
    let typed = typed.to_string();
    match part.as_slice() {
        [one] => Ok(one.number),
        [] => Err(SectionError::Unknown {
            among,
            typed,
            choices: all.into_iter().map(|c| c.listed).collect(),
        }),
        _ => Err(SectionError::Ambiguous {
            among,
            typed,
            matches: part,
        }),
    }
}

/// The interview section's id, from its number as `confirm` lists it (1 = 基本情報), its
/// title or short name in either language, a part of one, or its id.
pub fn interview_section<'q>(qn: &'q Questionnaire, typed: &str) -> Result<&'q str, SectionError> {
    let all = qn
        .sections
        .iter()
        .zip(1..)
        .map(|(s, n)| Candidate::new(n, &s.text, &[&s.short_ja, &s.short_en], Some(&s.id)))
        .collect();
    let n = pick(Among::Interview, all, typed)?;
    let at = usize::try_from(n).map_or(0, |n| n.saturating_sub(1));
    Ok(qn.sections.get(at).map_or("", |s| s.id.as_str()))
}

/// The number of a checklist section of `edition`, from the number printed on the form (0 for
/// 前提, 1–3) or its name in either language, or a part of one.
pub fn checklist_section(edition: &Edition, typed: &str) -> Result<u8, SectionError> {
    let all = edition
        .sections
        .iter()
        .map(|s| Candidate::new(u32::from(s.number), &s.text, &[], None))
        .collect();
    let n = pick(Among::Checklist, all, typed)?;
    Ok(u8::try_from(n).unwrap_or(u8::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checklist::Editions;

    fn qn() -> &'static Questionnaire {
        Questionnaire::embedded()
    }

    #[test]
    fn an_interview_section_by_number_name_part_or_id() {
        for typed in [
            "4",
            "４",
            "第4節",
            "4.",
            "４．",
            "バックアップ",
            "backup",
            "Backup",
        ] {
            assert_eq!(interview_section(qn(), typed), Ok("backup"), "{typed}");
        }
        assert_eq!(interview_section(qn(), "脅威"), Ok("threat"));
        assert_eq!(interview_section(qn(), "体制・監査"), Ok("management1"));
        assert_eq!(
            interview_section(qn(), "セキュリティ管理その２"),
            Ok("management2")
        );
        assert_eq!(
            interview_section(qn(), "5 セキュリティ管理その1"),
            Ok("management1")
        );
    }

    #[test]
    fn a_part_that_fits_several_sections_is_refused_with_them() {
        let e = interview_section(qn(), "管理").unwrap_err();
        let SectionError::Ambiguous { matches, .. } = &e else {
            panic!("{e:?}")
        };
        let numbers: Vec<u32> = matches.iter().map(|m| m.number).collect();
        assert_eq!(numbers, [5, 6, 7]);
        let ja = e.message(Lang::Ja);
        assert!(ja.contains("複数の節"), "{ja}");
        assert!(
            ja.contains("5 セキュリティ管理その1、6 セキュリティ管理その2"),
            "{ja}"
        );
        assert!(!ja.contains("management1"), "{ja}");
        let en = e.message(Lang::En);
        assert!(
            en.contains("5 Management 1, 6 Management 2, 7 Management 3"),
            "{en}"
        );
    }

    #[test]
    fn an_unknown_section_lists_every_one_by_number_and_name() {
        let e = interview_section(qn(), "9").unwrap_err();
        let ja = e.message(Lang::Ja);
        assert!(
            ja.starts_with("節 `9` はありません。番号か名前で指定してください：1 基本情報、"),
            "{ja}"
        );
        assert!(!ja.contains("profile"), "{ja}");
    }

    #[test]
    fn a_checklist_section_by_printed_number_or_name() {
        let ed = Editions::shipped().get("mhlw-r7").unwrap();
        for (typed, n) in [
            ("2", 2),
            ("２", 2),
            ("第2項", 2),
            ("体制構築", 1),
            ("Organisation", 1),
            ("前提", 0),
            ("０", 0),
            ("インシデント", 3),
            ("管理", 2),
        ] {
            assert_eq!(checklist_section(ed, typed), Ok(n), "{typed}");
        }
        let e = checklist_section(ed, "9").unwrap_err();
        let ja = e.message(Lang::Ja);
        assert!(ja.contains("チェックリストの項 `9` はありません"), "{ja}");
        assert!(ja.contains("1 体制構築"), "{ja}");
        // Managing … / Preparing for incidents.
        let e = checklist_section(ed, "in").unwrap_err();
        let SectionError::Ambiguous { matches, .. } = &e else {
            panic!("{e:?}")
        };
        assert_eq!(matches.iter().map(|m| m.number).collect::<Vec<_>>(), [2, 3]);
    }
}
