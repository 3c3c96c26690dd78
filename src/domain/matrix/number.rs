//! A control as a person names it: `C12`, the number the catalogue gives it (or, in a catalogue
//! that gives none, its place in the list), so that the number read on a list, a brief or the
//! catalogue is the one typed back, this year and next. `shindan control` lists the controls
//! category by category, each under the category of its first scenario, by number within. The control's id (`backup_offline`) stays the handle of `--json`, the
//! exchange JSON and the record; [`Catalog::find_control`] takes either.

use crate::domain::catalog::{Catalog, Control};

impl Catalog {
    /// The controls in the order they are numbered.
    pub fn numbered(&self) -> Vec<&Control> {
        let category = |c: &Control| {
            c.scenarios
                .first()
                .and_then(|s| self.scenario(s))
                .and_then(|s| self.categories.iter().position(|k| k.id == s.category))
                .unwrap_or(usize::MAX)
        };
        let mut all: Vec<(usize, usize, &Control)> = self
            .controls
            .iter()
            .enumerate()
            .map(|(i, c)| (category(c), c.number.map_or(i, |n| n as usize), c))
            .collect();
        all.sort_by_key(|(k, i, _)| (*k, *i));
        all.into_iter().map(|(_, _, c)| c).collect()
    }

    /// `C12`, or the id itself for a control the catalogue does not have.
    pub fn number(&self, id: &str) -> String {
        let numbered = self.numbered();
        match numbered.iter().position(|c| c.id == id) {
            Some(at) => format!("C{}", printed(&numbered, at)),
            None => id.to_string(),
        }
    }

    /// The control a person typed: its number (`C12`, `c12`, `Ｃ１２`, `12`, `対策12`) or its id.
    pub fn find_control(&self, typed: &str) -> Option<&Control> {
        if let Some(c) = self.control(typed.trim()) {
            return Some(c);
        }
        let folded: String = typed
            .chars()
            .map(crate::domain::digits::half_width)
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        let bare = folded.strip_prefix("対策").unwrap_or(&folded);
        let bare = bare.strip_prefix('c').unwrap_or(bare);
        let n: usize = bare.parse().ok()?;
        let numbered = self.numbered();
        (0..numbered.len())
            .find(|&at| printed(&numbered, at) == n)
            .map(|at| numbered[at])
    }

    /// The id of the control a person typed, or what was typed, for the domain to refuse.
    pub fn control_id<'a>(&'a self, typed: &'a str) -> &'a str {
        self.find_control(typed).map_or(typed, |c| c.id.as_str())
    }
}

/// The number of the control at `at` in `numbered`: its own, or its place counted from 1.
fn printed(numbered: &[&Control], at: usize) -> usize {
    numbered[at].number.map_or(at + 1, |n| n as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::matrix::CatalogError;

    #[test]
    fn a_number_is_typed_back_in_any_width_or_case() {
        let cat = Catalog::embedded();
        let n = cat.number("backup_offline");
        assert!(n.starts_with('C'), "{n}");
        let digits = &n[1..];
        let wide: String = digits
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect();
        for typed in [
            n.clone(),
            n.to_lowercase(),
            digits.to_string(),
            format!("Ｃ{wide}"),
            format!("対策{digits}"),
            "backup_offline".to_string(),
        ] {
            assert_eq!(
                cat.find_control(&typed).map(|c| c.id.as_str()),
                Some("backup_offline"),
                "{typed}"
            );
        }
        assert!(cat.find_control("C0").is_none());
        assert!(cat
            .find_control(&format!("C{}", cat.controls.len() + 1))
            .is_none());
    }

    #[test]
    fn every_control_has_its_own_number_in_list_order() {
        let cat = Catalog::embedded();
        let numbered = cat.numbered();
        assert_eq!(numbered.len(), cat.controls.len());
        let mut numbers: Vec<String> = cat.controls.iter().map(|c| cat.number(&c.id)).collect();
        numbers.sort();
        numbers.dedup();
        assert_eq!(numbers.len(), cat.controls.len());
        assert_eq!(cat.number(&numbered[0].id), "C1");
    }

    const ASSET: &str = include_str!("../../../assets/risk-catalog.json");

    /// The catalogue with `edit` applied to its JSON.
    fn edited(edit: impl FnOnce(&mut Vec<serde_json::Value>)) -> Result<Catalog, CatalogError> {
        let mut json: serde_json::Value = serde_json::from_str(ASSET).unwrap();
        edit(json["controls"].as_array_mut().unwrap());
        Catalog::parse(&json.to_string())
    }

    #[test]
    fn a_control_added_first_takes_a_new_number_and_renumbers_none() {
        let cat = Catalog::embedded();
        assert!(cat.controls.iter().all(|c| c.number.is_some()));
        let top = cat.controls.iter().filter_map(|c| c.number).max().unwrap();
        let added = edited(|controls| {
            let mut new = controls[0].clone();
            new["id"] = "added_later".into();
            new["number"] = (top + 1).into();
            controls.insert(0, new);
        })
        .unwrap();
        for c in &cat.controls {
            assert_eq!(added.number(&c.id), cat.number(&c.id), "{}", c.id);
        }
        let n = format!("C{}", top + 1);
        assert_eq!(added.number("added_later"), n);
        assert_eq!(
            added.find_control(&n).map(|c| c.id.as_str()),
            Some("added_later")
        );
    }

    #[test]
    fn a_number_given_twice_or_missing_beside_others_is_refused() {
        let twice = edited(|controls| {
            let first = controls[0]["number"].clone();
            controls[1]["number"] = first;
        });
        assert!(
            matches!(twice, Err(CatalogError::NumberTwice(_))),
            "{twice:?}"
        );
        let missing = edited(|controls| {
            controls[2].as_object_mut().unwrap().remove("number");
        });
        assert!(
            matches!(missing, Err(CatalogError::Unnumbered(_))),
            "{missing:?}"
        );
    }
}
