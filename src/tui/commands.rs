//! What a screen offers in its present state, as data. A screen lists [`Command`]s, each naming
//! a binding of the table in [`super::keys`] by its scope and intent; the app draws the footer
//! from that list, so a hint can only show a key the table binds (a test checks every screen's
//! list against the table).

use super::keys::{Binding, Intent, Scope, BINDINGS};
use crate::domain::Lang;

/// One command on offer: a binding of the table, written in the footer with the binding's short
/// form unless the screen's state words it better (`label`), or one hint stands for several
/// bindings (`keys`: "↑↓" for Up and Down).
#[derive(Debug, Clone, Copy)]
pub struct Command {
    pub scope: Scope,
    pub intent: Intent,
    pub keys: Option<&'static str>,
    pub label: Option<(&'static str, &'static str)>,
}

impl Command {
    pub const fn of(scope: Scope, intent: Intent) -> Command {
        Command {
            scope,
            intent,
            keys: None,
            label: None,
        }
    }

    /// The keys as this hint writes them.
    pub const fn keys(self, keys: &'static str) -> Command {
        Command {
            keys: Some(keys),
            ..self
        }
    }

    /// The short label this state gives the command.
    pub const fn label(self, ja: &'static str, en: &'static str) -> Command {
        Command {
            label: Some((ja, en)),
            ..self
        }
    }

    /// The binding this command names: in its scope, else a global one.
    pub fn binding(&self) -> Option<&'static Binding> {
        let find = |scope: Scope| {
            BINDINGS
                .iter()
                .find(|b| b.scope == scope && b.intent == self.intent)
        };
        find(self.scope).or_else(|| find(Scope::Global))
    }

    /// The footer's (keys, label).
    pub fn hint(&self, lang: Lang) -> (String, String) {
        let binding = self.binding();
        let short = binding.and_then(|b| b.short);
        let keys = self
            .keys
            .or(short.map(|s| s.keys))
            .or(binding.map(|b| b.shown))
            .unwrap_or("");
        let label = match (self.label, short, binding) {
            (Some((ja, en)), _, _) => lang.pick(ja, en),
            (None, Some(s), _) => lang.pick(s.ja, s.en),
            (None, None, Some(b)) => lang.pick(b.ja, b.en),
            (None, None, None) => "",
        };
        (keys.to_string(), label.to_string())
    }

    pub fn rank(&self) -> u8 {
        self.binding().map_or(2, |b| b.rank)
    }
}

/// The footer's hints for `commands` in `width` columns: in the screen's order, the highest
/// rank giving way first (the later of two equal ranks first) until the rest fit.
pub fn footer(commands: &[Command], lang: Lang, width: usize) -> Vec<(String, String)> {
    let hints: Vec<(u8, (String, String))> =
        commands.iter().map(|c| (c.rank(), c.hint(lang))).collect();
    let cost = |(k, l): &(String, String)| crate::text::width(k) + 1 + crate::text::width(l) + 2;
    let mut keep = vec![true; hints.len()];
    let mut used = 1 + hints.iter().map(|(_, h)| cost(h)).sum::<usize>();
    while used > width {
        let drop = (0..hints.len())
            .filter(|&i| keep[i])
            .max_by_key(|&i| (hints[i].0, i));
        let Some(i) = drop else { break };
        keep[i] = false;
        used -= cost(&hints[i].1);
    }
    hints
        .into_iter()
        .zip(keep)
        .filter_map(|((_, h), k)| k.then_some(h))
        .collect()
}

/// The note editor's commands, wherever it is open.
pub fn note_commands() -> Vec<Command> {
    vec![
        Command::of(Scope::Note, Intent::Back)
            .keys("Esc/Ctrl-S")
            .label("メモを保存して閉じる", "keep the note"),
        Command::of(Scope::Note, Intent::NewLine).label("改行", "new line"),
    ]
}

/// A question that only `y` answers (remove a vendor, clear a contact): any other key keeps.
pub fn confirm_commands(ja: &'static str, en: &'static str, keep_en: &'static str) -> Vec<Command> {
    vec![
        Command::of(Scope::Confirm, Intent::Confirm).label(ja, en),
        Command::of(Scope::Confirm, Intent::Back)
            .keys("他")
            .label("やめる", keep_en),
    ]
}
