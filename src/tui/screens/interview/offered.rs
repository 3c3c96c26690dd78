//! The commands the interview offers in its present state, and the help rows it adds.

use super::Interview;
use crate::domain::questionnaire::Kind;
use crate::domain::Lang;
use crate::tui::commands::Command;
use crate::tui::keys::{self, Intent, Scope};
use crate::tui::session::Session;
use Command as C;
use Intent as I;
use Scope as S;

impl Interview {
    /// What the interview offers now: it depends on the question's kind and on what is open.
    pub(super) fn offered(&self, session: Option<&Session>) -> Vec<Command> {
        if let Some(overlay) = &self.overlay {
            return overlay.commands();
        }
        let kind = self.question().map(|q| q.kind);
        let mut offered = match kind {
            Some(Kind::Single) => vec![
                C::of(S::Interview, I::Up).keys("↑↓").label("選択", "move"),
                C::of(S::Interview, I::Pick)
                    .keys("Enter/1-9")
                    .label("決定", "choose"),
            ],
            Some(Kind::Multi) => vec![
                C::of(S::Interview, I::Toggle).label("切替", "tick"),
                C::of(S::Interview, I::Pick).label("確定", "confirm"),
            ],
            Some(Kind::Text) => vec![
                C::of(S::Interview, I::Pick).label("確定", "keep"),
                C::of(S::Interview, I::EditNote)
                    .keys("Ctrl-N")
                    .label("メモ", "note"),
            ],
            _ => vec![C::of(S::Interview, I::Pick).label("確定", "keep")],
        };
        // What was carried from last year is confirmed here: `y`/`Y` where no text is typed,
        // F2/F3 (Ctrl-Y, Ctrl-T: Tera Term may keep a function key or Alt for itself) in a field,
        // which would take the letter.
        let (here, section) = session.map_or((false, false), |s| self.carried_here(s));
        let scope = if self.field.is_some() {
            S::Typing
        } else {
            S::Interview
        };
        if here {
            offered.insert(
                0,
                C::of(scope, I::Confirm).label("昨年のまま確認", "confirm"),
            );
        }
        if section {
            let at = usize::from(here);
            offered.insert(
                at,
                C::of(scope, I::ConfirmSection).label("節をすべて確認", "confirm section"),
            );
        }
        offered.extend([
            C::of(S::Interview, I::NextQuestion).label("次", "next"),
            C::of(S::Interview, I::NextSection)
                .keys("PgDn")
                .label("次の節", "section"),
        ]);
        // In a text field letters are typed: the note is Ctrl-N (above) and the help F1.
        if kind == Some(Kind::Text) {
            offered.push(C::of(S::Interview, I::Back).label("戻る", "back"));
            offered.push(C::of(S::Global, I::Help).keys("F1"));
        } else {
            offered.extend([
                C::of(S::Interview, I::EditNote)
                    .keys("n")
                    .label("メモ", "note"),
                C::of(S::Global, I::Help).keys("?"),
                C::of(S::Interview, I::Back).label("戻る", "back"),
            ]);
        }
        offered
    }

    /// The help's rows after the table's: keys that work from inside a field, the digits.
    pub(super) fn help_rows(&self, lang: Lang) -> Vec<(String, String)> {
        vec![
            keys::row(S::Choices, I::Choose, lang),
            (
                keys::shown(Scope::Note, Intent::Back).into(),
                lang.pick("メモ編集中：保存して閉じる", "In a note: keep it and close")
                    .into(),
            ),
            (
                lang.pick("文字", "Letters").into(),
                lang.pick(
                    "数値・テキストの質問では入力欄へ",
                    "Go into the field of a number or text question",
                )
                .into(),
            ),
            (
                "Alt+p…".into(),
                lang.pick(
                    "入力欄の中からでも p b m c t o h の画面へ",
                    "p b m c t o h even from inside a field",
                )
                .into(),
            ),
            keys::row(S::Typing, I::Export, lang),
            keys::row(S::Typing, I::Confirm, lang),
            keys::row(S::Typing, I::ConfirmSection, lang),
        ]
    }
}
