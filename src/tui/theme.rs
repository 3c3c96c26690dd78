//! Styles. Colour is a help, never the only signal: selection is reversed, errors are bold, and
//! with NO_COLOR (https://no-color.org) or a 16-colour terminal everything still reads. Only
//! the 16 base colours are used, so `TERM=vt100`-like terminals and old consoles show them.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// NO_COLOR set to anything non-empty turns colour off, and so does a terminal that has
    /// none (a real VT100 or VT220, `TERM=vt100`, `vt220`): it would show the codes as noise.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let term = std::env::var("TERM").unwrap_or_default();
        Theme {
            color: !no_color && has_colour(&term),
        }
    }

    /// Every style the screens use, for the tests.
    pub fn all(&self) -> [Style; 11] {
        [
            self.base(),
            self.selected(),
            self.title(),
            self.heading(),
            self.dim(),
            self.error(),
            self.warn(),
            self.ok(),
            self.accent(),
            self.key(),
            self.border(),
        ]
    }

    pub fn mono() -> Theme {
        Theme { color: false }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }

    pub fn base(&self) -> Style {
        Style::default()
    }

    /// The selected row or option.
    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn heading(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    /// Secondary text: sources, hints, ids.
    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn ok(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn accent(&self) -> Style {
        self.fg(Color::Cyan)
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn border(&self) -> Style {
        self.fg(Color::Gray)
    }
}

/// Whether a terminal of this `TERM` shows colour: the DEC VT100/VT200 family does not.
pub fn has_colour(term: &str) -> bool {
    !(term.starts_with("vt1") || term.starts_with("vt2") || term == "dumb")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_sixteen_base_colours_are_ever_asked_for() {
        for style in (Theme { color: true }).all() {
            for c in [style.fg, style.bg].into_iter().flatten() {
                assert!(
                    !matches!(c, Color::Indexed(_) | Color::Rgb(..)),
                    "{c:?} needs a 256-colour or RGB terminal"
                );
            }
        }
    }

    #[test]
    fn a_vt100_or_vt220_gets_no_colour_and_xterm_its_sixteen() {
        assert!(!has_colour("vt100"));
        assert!(!has_colour("vt220"));
        assert!(has_colour("xterm"));
        assert!(has_colour("linux"));
        assert!(has_colour("xterm-256color"));
        for style in Theme::mono().all() {
            assert_eq!((style.fg, style.bg), (None, None));
        }
    }
}
