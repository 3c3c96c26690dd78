//! The one way a coverage figure is written, on every surface: how much is covered, and how
//! much of it is known — 「網羅 41%（判明 68/83）」. A coverage of 0% with nothing known says
//! nothing about the hospital; with the known share beside it, it says what it rests on.

use super::coverage::Tally;
use crate::domain::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoverageFigure {
    /// The small risks the figure is the mean of.
    pub tally: Tally,
    /// Controls linked to those small risks that have a status.
    pub known: usize,
    /// Controls linked to those small risks.
    pub controls: usize,
}

impl CoverageFigure {
    pub fn unknown(&self) -> usize {
        self.controls - self.known
    }

    /// The coverage as a whole percentage (rounded down), `None` when nothing counts.
    pub fn percent(&self) -> Option<u8> {
        self.tally.percent()
    }

    /// `網羅 41%（判明 68/83）` / `Covered 41% (known 68/83)`; `—` when nothing counts.
    pub fn render(&self, lang: Lang) -> String {
        let p = self
            .percent()
            .map_or_else(|| "—".to_string(), |p| format!("{p}%"));
        match lang {
            Lang::Ja => format!("網羅 {p}（判明 {}/{}）", self.known, self.controls),
            Lang::En => format!("Covered {p} (known {}/{})", self.known, self.controls),
        }
    }
}
