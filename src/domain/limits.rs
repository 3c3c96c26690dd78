//! The limits every path shares, so that what one front end accepts another does not refuse:
//! the interview, the command line, the matrix, the checklist, the contact chart and import
//! all take a note of up to [`NOTE_MAX`] characters, and every file is read through a bound
//! (a file past it is refused with a message naming the bound, before it is read whole: an
//! `import /dev/zero` must not fill the memory).

/// The longest note, in characters, on every path. A long paste (a vendor's answer, a log
/// excerpt) fits; a record stays far below [`RECORD_BYTES`] even with many such notes.
pub const NOTE_MAX: usize = 100_000;

const MIB: u64 = 1024 * 1024;
/// A record file in the data dir, or one record of an import.
pub const RECORD_BYTES: u64 = 16 * MIB;
/// A JSONL bundle (import, aggregate) or an exported record file.
pub const BUNDLE_BYTES: u64 = 64 * MIB;
/// A checklist edition (`--checklist`) or an aggregate compared with (`--survey`).
pub const EDITION_BYTES: u64 = 4 * MIB;
/// A vendor's returned form.
pub const RETURNED_BYTES: u64 = 16 * MIB;

/// The first control character in `text` that may not be typed there: every C0 and C1
/// character and DEL, except a line break or tab in a note (`multi_line`). Such a character
/// in a name or a note would reach terminals and files as an escape sequence.
pub fn control_character(text: &str, multi_line: bool) -> Option<char> {
    text.chars()
        .find(|&c| c.is_control() && !(multi_line && matches!(c, '\n' | '\r' | '\t')))
}

/// A control character refused in a name, a note or a system name, wherever it is typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the control character {shown} is not allowed (it would act on terminals and files): remove it"
)]
pub struct ControlCharacter {
    pub shown: String,
}

impl ControlCharacter {
    pub fn message(&self, lang: super::Lang) -> String {
        match lang {
            super::Lang::Ja => format!(
                "制御文字 {} は入れられません（端末やファイルで命令として働きます）：取り除いてください",
                self.shown
            ),
            super::Lang::En => self.to_string(),
        }
    }
}

/// Refuses `text` holding a control character (see [`control_character`]).
pub fn refuse_control(text: &str, multi_line: bool) -> Result<(), ControlCharacter> {
    match control_character(text, multi_line) {
        Some(c) => Err(ControlCharacter { shown: shown(c) }),
        None => Ok(()),
    }
}

/// A control character as a person can read it in a message: `^[` for ESC, `<U+009B>` for C1.
pub fn shown(c: char) -> String {
    match c as u32 {
        n @ 0..=0x1f => format!("^{}", char::from(b'@' + n as u8)),
        0x7f => "^?".to_string(),
        n => format!("<U+{n:04X}>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_and_shown() {
        assert_eq!(
            control_character("病院\u{1b}]0;x\u{7}", false),
            Some('\u{1b}')
        );
        assert_eq!(control_character("一行目\n二行目\tタブ", true), None);
        assert_eq!(control_character("一行目\n", false), Some('\n'));
        assert_eq!(control_character("a\u{9b}b", true), Some('\u{9b}'));
        assert_eq!(shown('\u{1b}'), "^[");
        assert_eq!(shown('\u{7f}'), "^?");
        assert_eq!(shown('\u{9b}'), "<U+009B>");
    }
}
