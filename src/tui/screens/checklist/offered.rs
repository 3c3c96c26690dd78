//! What the checklist screen offers in each state, in footer order: what is open over it (the
//! overlay says: the answer form, the note, a vendor's form, the path prompt), the list, the
//! vendors panel (its question whether to remove a vendor is the overlay's too).

use super::{confirming, Checklist, Panel};
use crate::tui::commands::Command;
use crate::tui::keys::{Intent, Scope};
use Command as C;
use Intent as I;
use Scope as S;

pub fn commands(s: &Checklist) -> Vec<Command> {
    match (&s.overlay, &s.panel) {
        (Some(overlay), _) => overlay.commands(),
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
