//! A control as a person names it: `C12`, its place in the order `shindan control` lists the
//! controls — category by category, each under the category of its first scenario, in the
//! catalogue's order within — so that the number read on a list, a brief or the catalogue is
//! the one typed back. The control's id (`backup_offline`) stays the handle of `--json`, the
//! exchange JSON and the record; [`Catalog::find_control`] takes either.

use super::catalog::{Catalog, Control};

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
            .map(|(i, c)| (category(c), i, c))
            .collect();
        all.sort_by_key(|(k, i, _)| (*k, *i));
        all.into_iter().map(|(_, _, c)| c).collect()
    }

    /// `C12`, or the id itself for a control the catalogue does not have.
    pub fn number(&self, id: &str) -> String {
        match self.numbered().iter().position(|c| c.id == id) {
            Some(at) => format!("C{}", at + 1),
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
        self.numbered().get(n.checked_sub(1)?).copied()
    }

    /// The id of the control a person typed, or what was typed, for the domain to refuse.
    pub fn control_id<'a>(&'a self, typed: &'a str) -> &'a str {
        self.find_control(typed).map_or(typed, |c| c.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
