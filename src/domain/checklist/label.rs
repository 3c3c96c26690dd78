//! An item as a person names it: the number printed on the form (1(1), 2④), with the device
//! where the form asks the same number for servers and client PCs (2④ サーバ / 2④ 端末PC).
//! Every surface a person reads prints [`Item::printed`]; the vendor's CSV keys its rows by
//! [`Item::key`];
//! and [`find`] takes back what a person types — the printed number in full-width or
//! half-width, `2(4)` for `2④`, with or without the device — besides the internal id, which
//! stays in `--json` and the exchange JSON only.

use super::edition::{Device, Edition, Item};
use crate::domain::lang::{Lang, Text};

/// The gate question has no number on the form: it is the question before section 1.
pub fn gate(lang: Lang) -> &'static str {
    lang.pick("前提", "Precondition")
}

impl Item {
    /// The device a label names: the form's own device column where it is a device class
    /// (2④ サーバ / 2④ 端末PC, 2⑧ ネットワーク機器) rather than the systems as a whole.
    fn named_device(&self) -> Option<Device> {
        self.device.filter(|d| *d != Device::General)
    }

    /// `2④ サーバ`, `1(1)`, `前提` — what a person reads.
    pub fn printed(&self, lang: Lang) -> String {
        let number = match &self.number {
            Some(n) => n.clone(),
            None => return gate(lang).to_string(),
        };
        match self.named_device() {
            Some(d) => format!("{number} {}", d.label(lang)),
            None => number,
        }
    }

    /// Both languages' [`Item::printed`], for a domain value rendered later in either.
    pub fn printed_text(&self) -> Text {
        Text {
            ja: self.printed(Lang::Ja),
            en: self.printed(Lang::En),
        }
    }

    /// `2④-server` in English, [`Item::key`] in Japanese: one word that [`find`] takes back,
    /// for the choices a message lists in the UI's language.
    pub fn key_in(&self, lang: Lang) -> String {
        if lang == Lang::Ja {
            return self.key();
        }
        let Some(number) = &self.number else {
            return gate(lang).to_string();
        };
        match self.named_device() {
            Some(d) => format!("{number}-{}", d.id()),
            None => number.clone(),
        }
    }

    /// Both languages' [`Item::key_in`].
    pub fn key_text(&self) -> Text {
        Text {
            ja: self.key_in(Lang::Ja),
            en: self.key_in(Lang::En),
        }
    }

    /// `2④-サーバ`: one cell, no space, the same in both languages, for the vendor's CSV and
    /// for messages built before their language is known.
    pub fn key(&self) -> String {
        let number = match &self.number {
            Some(n) => n.clone(),
            None => gate(Lang::Ja).to_string(),
        };
        match self.named_device() {
            Some(d) => format!("{number}-{}", d.label(Lang::Ja)),
            None => number,
        }
    }
}

/// The printed label of an item id, or the id itself for one the edition does not have (a
/// record made with an edition file that is no longer loaded).
pub fn printed_id(edition: &Edition, id: &str, lang: Lang) -> String {
    match edition.item(id) {
        Some(i) => i.printed(lang),
        None => id.to_string(),
    }
}

/// Why a typed item was not found: the choices are printed labels, in both languages
/// ([`Item::key_text`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    #[error("no item `{input}` in this edition; items: {}", en(known))]
    Unknown { input: String, known: Vec<Text> },
    #[error("`{input}` is asked for several devices: give one of {}", en(choices))]
    Ambiguous { input: String, choices: Vec<Text> },
    #[error(
        "`{input}`: the form does not ask this number for that device; give one of {}",
        en(choices)
    )]
    OtherDevice { input: String, choices: Vec<Text> },
}

fn joined(choices: &[Text], lang: Lang) -> String {
    let list: Vec<&str> = choices.iter().map(|c| c.get(lang)).collect();
    list.join(lang.pick("、", ", "))
}

fn en(choices: &[Text]) -> String {
    joined(choices, Lang::En)
}

impl LabelError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (LabelError::Unknown { input, known }, Lang::Ja) => format!(
                "項目 `{input}` はこの版にありません。項目：{}",
                joined(known, lang)
            ),
            (LabelError::Ambiguous { input, choices }, Lang::Ja) => format!(
                "`{input}` は複数の機器について問われています：{} のどれかを指定してください",
                joined(choices, lang)
            ),
            (LabelError::OtherDevice { input, choices }, Lang::Ja) => format!(
                "`{input}`：この番号はその機器については問われていません。{} のどれかを指定してください",
                joined(choices, lang)
            ),
        }
    }
}

/// Folds what a person may type into one spelling: full-width ASCII to half-width, circled
/// numbers to `(n)`, full-width parentheses, no spaces or separators, lower case.
fn fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        match c {
            '①'..='⑳' => {
                let n = c as u32 - '①' as u32 + 1;
                out.push_str(&format!("({n})"));
            }
            '（' => out.push('('),
            '）' => out.push(')'),
            c if c.is_whitespace() || matches!(c, '-' | '_' | '・' | '‐' | '－' | 'ー') => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The device a suffix names (`サーバ`, `server`, `端末PC`, `pc`…), folded as [`fold`] does.
fn device_of(suffix: &str) -> Option<Device> {
    // `ー` is folded away, so サーバー and サーバ are one.
    let s = fold(suffix);
    let is = |names: &[&str]| names.iter().any(|n| fold(n) == s);
    if is(&["サーバ", "server", "servers", "srv"]) {
        Some(Device::Server)
    } else if is(&["端末PC", "端末", "PC", "client", "clientpc", "clientpcs"]) {
        Some(Device::Pc)
    } else if is(&[
        "ネットワーク機器",
        "ネットワーク",
        "network",
        "networkdevices",
        "nw",
    ]) {
        Some(Device::Network)
    } else if is(&["全般", "general", "all"]) {
        Some(Device::General)
    } else {
        None
    }
}

/// The device names [`find`] takes, for `--device`'s help and messages.
pub fn parse_device(s: &str) -> Option<Device> {
    device_of(s)
}

/// The item a person means: an id, a printed number (`2⑦`, `２（７）`, `1(1)`), a number with
/// its device (`2④ サーバ`, `2④-サーバ`, `2(4)server`) or with `device` given apart
/// (`--device server`). A number asked for several devices and no device is refused with the
/// choices.
pub fn find<'e>(
    edition: &'e Edition,
    input: &str,
    device: Option<Device>,
) -> Result<&'e Item, LabelError> {
    let trimmed = input.trim();
    if let Some(i) = edition.item(trimmed) {
        return Ok(i);
    }
    let typed = fold(trimmed);
    let unknown = || LabelError::Unknown {
        input: trimmed.to_string(),
        known: edition.items.iter().map(Item::key_text).collect(),
    };
    if typed.is_empty() {
        return Err(unknown());
    }
    if typed == fold(gate(Lang::Ja)) || typed == fold(gate(Lang::En)) {
        return edition
            .items
            .iter()
            .find(|i| i.is_gate || i.number.is_none())
            .ok_or_else(unknown);
    }
    // The longest number that starts the input (2(1) must not take 2(10)'s place).
    let mut best: Option<(usize, Vec<&Item>)> = None;
    for item in &edition.items {
        let Some(n) = &item.number else { continue };
        let n = fold(n);
        if !typed.starts_with(&n) {
            continue;
        }
        match &mut best {
            Some((len, list)) if *len == n.len() => list.push(item),
            Some((len, _)) if *len > n.len() => {}
            _ => best = Some((n.len(), vec![item])),
        }
    }
    let (len, candidates) = best.ok_or_else(unknown)?;
    let rest = &typed[len..];
    let device = if rest.is_empty() {
        device
    } else {
        Some(device_of(rest).ok_or_else(unknown)?)
    };
    let chosen: Vec<&Item> = match device {
        Some(d) => candidates
            .iter()
            .copied()
            .filter(|i| i.device == Some(d) || (candidates.len() == 1 && d == Device::General))
            .collect(),
        None => candidates.clone(),
    };
    match chosen.as_slice() {
        [one] => Ok(one),
        [] if device.is_some() => Err(LabelError::OtherDevice {
            input: trimmed.to_string(),
            choices: candidates.iter().map(|i| i.key_text()).collect(),
        }),
        [] => Err(unknown()),
        _ => Err(LabelError::Ambiguous {
            input: trimmed.to_string(),
            choices: candidates.iter().map(|i| i.key_text()).collect(),
        }),
    }
}
