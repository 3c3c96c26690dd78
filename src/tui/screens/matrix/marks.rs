//! The key to the marks the matrix's lists use, shared by the matrix's and the walk-through's
//! help.

use crate::domain::Lang;

/// The key to where a status comes from, the same marks on every list (the domain's
/// [`StatusSource::mark`](crate::domain::matrix::StatusSource::mark)), for the help overlays of
/// the matrix and the walk-through.
pub(super) fn source_marks(lang: Lang) -> Vec<(String, String)> {
    let pair = |k: &str, ja: &str, en: &str| (k.to_string(), lang.pick(ja, en).to_string());
    vec![
        pair(
            lang.pick("＋ ＃", "+ #"),
            "利用者の設定／チェックリスト",
            "set by the user / checklist",
        ),
        pair(
            lang.pick("＊ ＠", "* @"),
            "ヒアリング／事業者の回答から",
            "interview / vendor's form",
        ),
        pair(
            lang.pick("～ ！", "~ !"),
            "前年から・未確認／食い違い",
            "carried / sources disagree",
        ),
    ]
}
