//! Paragraphs of text that wrap to the width at hand: the detail of the selected indicator,
//! the notes, the respondents page's lines. Made once; wrapped when drawn.

use crate::text::{truncate, width, wrap};
use crate::tui::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// How a paragraph of the detail looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Plain,
    Own,
    Concern,
    Sentence,
    Figure,
    Source,
    Note,
}

/// A paragraph, wrapped to the width at hand with its lead (`→ `, `※1 `) hanging.
#[derive(Debug, Clone)]
pub(super) struct Para {
    pub(super) kind: Kind,
    pub(super) lead: String,
    pub(super) text: String,
}

impl Para {
    pub(super) fn new(kind: Kind, lead: &str, text: impl Into<String>) -> Para {
        Para {
            kind,
            lead: lead.to_string(),
            text: text.into(),
        }
    }
}

pub(super) fn style(kind: Kind, t: &Theme) -> Style {
    match kind {
        Kind::Plain | Kind::Figure => t.base(),
        Kind::Own => t.heading(),
        Kind::Concern => t.warn(),
        Kind::Sentence => t.accent(),
        Kind::Source | Kind::Note => t.dim(),
    }
}

/// Wraps paragraphs to `w` columns, each lead hanging.
pub(super) fn lay_out(paras: &[Para], w: usize, t: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for p in paras {
        let lead_w = width(&p.lead);
        let body = w.saturating_sub(lead_w).max(8);
        for (i, l) in wrap(&p.text, body).into_iter().enumerate() {
            let lead = if i == 0 {
                p.lead.clone()
            } else {
                " ".repeat(lead_w)
            };
            lines.push(Line::styled(format!("{lead}{l}"), style(p.kind, t)));
        }
    }
    lines
}

/// A rule across `w` columns with a title on the left and a hint on the right.
pub(super) fn rule(title: &str, hint: &str, w: usize, t: &Theme) -> Line<'static> {
    let hint = if hint.is_empty() {
        String::new()
    } else {
        format!(" {hint} ─")
    };
    let title = truncate(title, w.saturating_sub(width(&hint) + 4));
    let fill = w.saturating_sub(width(&title) + width(&hint) + 4);
    Line::from(vec![
        Span::styled("── ".to_string(), t.border()),
        Span::styled(title, t.heading()),
        Span::styled(format!(" {}", "─".repeat(fill)), t.border()),
        Span::styled(hint, t.dim()),
    ])
}
