//! What the checklist screen offers in each state, in footer order: the list, the answer form,
//! the note, the vendors panel with its add form, confirm and path prompt.

use super::{confirming, Checklist, Edit, Panel};
use crate::tui::commands::{confirm_commands, Command};
use crate::tui::keys::{Intent, Scope};
use Command as C;
use Intent as I;
use Scope as S;

pub fn commands(s: &Checklist) -> Vec<Command> {
    match (&s.edit, &s.panel) {
        (Some(Edit::Answer(_)), _) => vec![
            C::of(S::Fields, I::Pick).label("保存", "save"),
            C::of(S::Fields, I::NextQuestion)
                .keys("Tab")
                .label("日付の欄", "date field"),
            C::of(S::Fields, I::Back).label("取り消す", "cancel"),
            C::of(S::Global, I::Help).keys("F1"),
        ],
        (Some(Edit::Note { editor, .. }), _) => editor.commands(),
        (None, Panel::Vendors(v)) if v.prompt.is_some() => v
            .prompt
            .as_ref()
            .map(|(_, p)| p.commands())
            .unwrap_or_default(),
        (None, Panel::Vendors(v)) if v.add.is_some() => vec![
            C::of(S::Fields, I::Pick).label("次の欄／追加", "next field / add"),
            C::of(S::Fields, I::NextQuestion)
                .keys("Tab")
                .label("欄", "field"),
            C::of(S::Fields, I::Back).label("取り消す", "cancel"),
        ],
        (None, Panel::Vendors(v)) if v.confirm => confirm_commands("削除する", "remove", "keep it"),
        (None, Panel::Vendors(v)) => {
            let mut offered = Vec::new();
            if s.view.vendors.get(v.cursor).is_some_and(|x| x.carried) {
                offered.push(C::of(S::Vendors, I::Confirm));
            }
            if s.view.vendors.iter().filter(|x| x.carried).count() > 1 {
                offered.push(C::of(S::Vendors, I::ConfirmSection));
            }
            offered.extend(vendor_commands());
            offered
        }
        (None, _) => {
            let mut offered = Vec::new();
            if s.row().is_some_and(confirming::carried) {
                offered.push(C::of(S::Checklist, I::Confirm));
            }
            if s.carried_in_section().1 > 0 {
                offered.push(C::of(S::Checklist, I::ConfirmSection));
            }
            offered.extend(list_commands());
            offered
        }
    }
}

/// The list's own commands, whatever is carried.
fn list_commands() -> Vec<Command> {
    vec![
        C::of(S::Checklist, I::AnswerYes).label("はい", "yes"),
        C::of(S::Checklist, I::AnswerNo).label("いいえ", "no"),
        C::of(S::Checklist, I::Withdraw).label("取消", "undo"),
        C::of(S::Checklist, I::EditNote)
            .keys("e")
            .label("メモ", "note"),
        C::of(S::Checklist, I::Readiness).label("未完了", "missing"),
        C::of(S::Checklist, I::Vendors).label("事業者", "vendors"),
        C::of(S::Global, I::Help).keys("?"),
        C::of(S::Checklist, I::Back).label("戻る", "back"),
    ]
}

/// The vendors panel's own commands.
fn vendor_commands() -> Vec<Command> {
    vec![
        C::of(S::Vendors, I::New).label("追加", "add"),
        C::of(S::Vendors, I::Export).label("書き出す", "write form"),
        C::of(S::Vendors, I::Import).label("取り込む", "import"),
        C::of(S::Vendors, I::Delete).label("削除", "remove"),
        C::of(S::Vendors, I::Up).keys("↑↓").label("選択", "move"),
        C::of(S::Vendors, I::Back)
            .keys("Esc")
            .label("項目へ", "items"),
    ]
}
