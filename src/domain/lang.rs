//! The two languages of the UI and of the content.

use serde::{Deserialize, Serialize};

/// Japanese is the default: the users are Japanese hospitals; English is for vendors, auditors
/// and reviewers who do not read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// Picks the string for this language. UI strings live beside the code that shows them,
    /// written once in both languages, so that no screen can forget one.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    /// Builds the string for this language only. Use it when a side is formatted or otherwise
    /// computed: `pick(&format!(..), &format!(..))` would build both and drop one, on every
    /// line of every screen and report.
    pub fn pick_with<T>(self, ja: impl FnOnce() -> T, en: impl FnOnce() -> T) -> T {
        match self {
            Lang::Ja => ja(),
            Lang::En => en(),
        }
    }

    pub fn code(self) -> &'static str {
        self.pick("ja", "en")
    }
}

/// "（x）" in Japanese, " (x)" in English: a source or an aside after a figure, said the same on
/// every surface.
pub fn paren(lang: Lang, inner: &str) -> String {
    match lang {
        Lang::Ja => format!("（{inner}）"),
        Lang::En => format!(" ({inner})"),
    }
}

/// Items listed in a sentence: 「A、B、C」 in Japanese, "A, B, C" in English, with the one
/// separator every surface uses.
pub fn listed(lang: Lang, items: &[String]) -> String {
    items.join(lang.pick("、", ", "))
}

/// A piece of content in both languages, as the assets carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Text {
    pub ja: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.ja, &self.en)
    }
}
