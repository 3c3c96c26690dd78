//! Every key binding, in one table. Screens ask the table what a key means; the help overlay is
//! drawn from the same table, so `?` cannot drift from what the keys do.

use crate::domain::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the user wants, whatever key said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Up,
    Down,
    Pick,
    Toggle,
    NextQuestion,
    PrevQuestion,
    NextSection,
    PrevSection,
    FirstUnanswered,
    EditNote,
    Confirm,
    /// Confirm every answer of the section carried from last year, as it is ("all unchanged").
    ConfirmSection,
    New,
    Open,
    Copy,
    Delete,
    Filter,
    Help,
    Back,
    Quit,
    /// Open one of the screens of the open record.
    Show(Pane),
    /// The position screen: the other cohort (bed class ⇄ founder).
    OtherCohort,
    /// The next page of a screen that has several.
    NextPage,
    /// Open the full detail of what is selected (sources, readings, sentences).
    Details,
    /// The checklist: answer the item はい / いいえ, withdraw the latest answer.
    AnswerYes,
    AnswerNo,
    Withdraw,
    /// The checklist's side panels: the vendors, readiness and what is missing.
    Vendors,
    Readiness,
    /// Another edition of the checklist the record has answers to.
    SwitchEdition,
    /// Export the record or its report (asks the format).
    Export,
    /// Export in this format (the export overlay).
    ExportAs(crate::print::report::Format),
    /// The panel (overview) or the cell (risk matrix: the phase before or after) to the left /
    /// right.
    Left,
    Right,
    /// The budget screen: try other rates or another revenue, and go back to the record's.
    TryRates,
    TryRevenue,
    ResetWhatIf,
    /// The risk matrix: show only the scenarios nothing covers, or everything again.
    OnlyUncovered,
    /// The risk matrix: all controls → the hospital's → the vendor's.
    CycleSide,
    /// The risk matrix: take the user's status back, so that the interview's applies again.
    ResetStatus,
    /// Open the walk-through of the controls still unknown (the matrix, the overview).
    Walk,
    /// The walk-through: answer the control and go on (`1`…`5`).
    Reply(crate::domain::matrix::Reply),
    /// The walk-through: the controls already known too, or only those still unknown.
    Review,
    /// A line break in the note editor.
    NewLine,
    /// Choose (or tick) the option of that number.
    Choose,
    /// The vendors panel: read a vendor's returned form (asks the path).
    Import,
}

/// The screens of an open record, each one key away from the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Interview,
    Position,
    Budget,
    Matrix,
    Checklist,
    Contacts,
    Overview,
    History,
}

/// Where a binding applies. `Global` bindings apply wherever the focused screen did not take the
/// key first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Home,
    /// Any screen of an open record: the keys that go from one to another.
    Record,
    /// The new-record form.
    Form,
    Interview,
    Note,
    History,
    /// The position against the 2022 survey.
    Position,
    /// The full detail over the position screen.
    Details,
    /// The checklist's list of items.
    Checklist,
    /// The checklist's vendors panel.
    Vendors,
    /// A small form of fields (an answer's dates, a vendor, a contact): Enter keeps it.
    Fields,
    /// The contact chart's list of places.
    Contacts,
    /// The export overlay over the record list or the interview. It takes every key while
    /// open, so its letters never reach the record keys (m h c are the formats' initials).
    Export,
    /// The overview's four panels and the next steps.
    Overview,
    /// The budget shortfall (提言1) and its what-ifs.
    Budget,
    /// The risk matrix's heat map (category × phase).
    Matrix,
    /// The risk matrix's tree of one cell (大/中/小).
    MatrixTree,
    /// The risk matrix's controls of one scenario.
    MatrixControls,
    /// The walk-through: one control at a time.
    Walk,
    /// A question only `y` answers (remove a vendor, clear a contact); any other key keeps.
    Confirm,
    /// The options of a choice question, by number.
    Choices,
    /// Keys that work even from inside a text field, where letters are typed.
    Typing,
    /// The path prompt (a vendor's form to write or to import): letters go into the path.
    Path,
}

#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::ALT,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

pub struct Binding {
    pub scope: Scope,
    pub intent: Intent,
    pub keys: &'static [Key],
    /// How the keys are written in the help and the footer.
    pub shown: &'static str,
    pub ja: &'static str,
    pub en: &'static str,
    /// How the footer writes the binding when a screen offers it: keys and a short label.
    /// `None`: the footer uses `shown` and the full label.
    pub short: Option<Short>,
    /// Footer priority: when the footer is too narrow, the hints with the highest rank give
    /// way first (0 stays longest; 2 by default; 3 gives way to everything else).
    pub rank: u8,
}

/// A binding as the footer writes it.
#[derive(Debug, Clone, Copy)]
pub struct Short {
    pub keys: &'static str,
    pub ja: &'static str,
    pub en: &'static str,
}

impl Binding {
    /// The footer's keys and short label for this binding.
    const fn short(self, keys: &'static str, ja: &'static str, en: &'static str) -> Binding {
        Binding {
            short: Some(Short { keys, ja, en }),
            ..self
        }
    }

    const fn rank(self, rank: u8) -> Binding {
        Binding { rank, ..self }
    }
}

const fn b(
    scope: Scope,
    intent: Intent,
    keys: &'static [Key],
    shown: &'static str,
    ja: &'static str,
    en: &'static str,
) -> Binding {
    Binding {
        scope,
        intent,
        keys,
        shown,
        ja,
        en,
        short: None,
        rank: 2,
    }
}

use crate::domain::matrix::Reply;
use crate::print::report::Format;
use Intent as I;
use Scope as S;

#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    b(S::Home, I::Up, &[code(KeyCode::Up), k('k')], "↑/k", "上へ", "Move up"),
    b(S::Home, I::Down, &[code(KeyCode::Down), k('j')], "↓/j", "下へ", "Move down"),
    b(S::Home, I::Open, &[code(KeyCode::Enter)], "Enter", "記録を開く", "Open the record"),
    b(S::Home, I::New, &[k('n')], "n", "新しい記録（基本情報）", "New record (profile questions)"),
    b(S::Home, I::Copy, &[k('c')], "c", "記録を新しい年度にコピー", "Copy the record to a new year"),
    b(S::Home, I::Delete, &[k('d')], "d", "記録を削除（病院名の入力で確認）", "Delete the record (type its hospital name)"),
    b(S::Home, I::Show(Pane::Position), &[k('p')], "p", "選んだ記録の2022年調査との比較", "Position of the selected record against the 2022 survey"),
    b(S::Home, I::Export, &[k('e')], "e", "選んだ記録を書き出す（報告書 md/html/csv、記録 json）", "Export the selected record (report md/html/csv, record json)").rank(3),
    b(S::Home, I::Show(Pane::Overview), &[k('o')], "o", "選んだ記録の総合（全体と次の一手）", "Overview of the selected record, next steps"),
    b(S::Home, I::Filter, &[k('/')], "/", "絞り込み（Escで解除）", "Filter (Esc clears)"),
    b(S::Home, I::Back, &[code(KeyCode::Esc)], "Esc", "絞り込みを解除", "Clear the filter"),
    b(S::Home, I::Quit, &[k('q')], "q", "終了", "Quit"),
    b(S::Form, I::NextQuestion, &[code(KeyCode::Tab)], "Tab", "次の欄", "Next field"),
    b(S::Form, I::PrevQuestion, &[code(KeyCode::BackTab)], "Shift-Tab", "前の欄", "Previous field"),
    b(S::Form, I::Down, &[code(KeyCode::Down), k('j')], "↓/j", "次の欄（開設者では次の選択肢、j は開設者で）", "Next field (founder: next choice; j there)"),
    b(S::Form, I::Up, &[code(KeyCode::Up), k('k')], "↑/k", "前の欄（開設者では前の選択肢、k は開設者で）", "Previous field (founder: previous choice; k there)"),
    b(S::Form, I::Pick, &[code(KeyCode::Enter)], "Enter", "確認して次の欄へ、開設者で作成", "Check and go on; on the founder, create"),
    b(S::Form, I::Back, &[code(KeyCode::Esc)], "Esc", "作成せずに戻る", "Back without creating"),
    b(S::Interview, I::Up, &[code(KeyCode::Up), k('k')], "↑/k", "選択肢を上へ", "Previous option"),
    b(S::Interview, I::Down, &[code(KeyCode::Down), k('j')], "↓/j", "選択肢を下へ", "Next option"),
    b(S::Interview, I::Pick, &[code(KeyCode::Enter)], "Enter", "決定して次へ（数値は検証して確定）", "Choose and go on (numbers: check and keep)"),
    b(S::Interview, I::Toggle, &[k(' ')], "Space", "複数選択の切り替え", "Toggle a multiple-choice option"),
    b(S::Interview, I::NextQuestion, &[code(KeyCode::Tab)], "Tab", "次の質問", "Next question"),
    b(S::Interview, I::PrevQuestion, &[code(KeyCode::BackTab)], "Shift-Tab", "前の質問", "Previous question"),
    b(S::Interview, I::NextSection, &[code(KeyCode::PageDown), k(']')], "PgDn/]", "次の節", "Next section"),
    b(S::Interview, I::PrevSection, &[code(KeyCode::PageUp), k('[')], "PgUp/[", "前の節", "Previous section"),
    b(S::Interview, I::FirstUnanswered, &[k('g')], "g", "最初の未回答（または昨年から未確認）へ", "First unanswered (or unconfirmed) question"),
    b(S::Interview, I::EditNote, &[k('n'), ctrl('n')], "n/Ctrl-N", "メモを書く", "Write a note"),
    b(S::Interview, I::Confirm, &[k('y')], "y", "昨年の回答をそのまま確認（選択式の質問）", "Confirm last year's answer as it is (choice questions)"),
    b(S::Interview, I::ConfirmSection, &[k('Y')], "Y", "この節の昨年の回答をすべてそのまま確認", "Confirm all of the section's carried answers, unchanged"),
    b(S::Interview, I::Export, &[k('e')], "e", "この記録を書き出す（報告書 md/html/csv、記録 json）", "Export this record (report md/html/csv, record json)"),
    b(S::Interview, I::Back, &[code(KeyCode::Esc)], "Esc", "一覧へ戻る（入力中の内容は下書きとして保存）", "Back to the list (what is typed is kept as a draft)"),
    b(S::Interview, I::Quit, &[k('q')], "q", "保存して終了", "Save and quit"),
    b(S::Position, I::Up, &[code(KeyCode::Up), k('k')], "↑/k", "前の指標", "Previous indicator"),
    b(S::Position, I::Down, &[code(KeyCode::Down), k('j')], "↓/j", "次の指標", "Next indicator"),
    b(S::Position, I::OtherCohort, &[code(KeyCode::Left), code(KeyCode::Right)], "←→", "病床規模 ⇄ 開設者", "Bed class ⇄ founder"),
    b(S::Position, I::NextPage, &[code(KeyCode::Tab), code(KeyCode::BackTab)], "Tab", "指標 ⇄ 予算・担当者", "Indicators ⇄ budget, staff"),
    b(S::Position, I::Details, &[code(KeyCode::Enter)], "Enter", "全文・出典・読み方の注", "All: sources, notes"),
    b(S::Position, I::Back, &[code(KeyCode::Esc)], "Esc", "戻る", "Back"),
    b(S::Position, I::Quit, &[k('q')], "q", "保存して終了", "Save and quit"),
    b(S::Details, I::Up, &[code(KeyCode::Up), k('k')], "↑/k", "上へスクロール", "Scroll up"),
    b(S::Details, I::Down, &[code(KeyCode::Down), k('j')], "↓/j", "下へスクロール", "Scroll down"),
    b(S::Details, I::PrevSection, &[code(KeyCode::PageUp)], "PgUp", "前のページ", "Page up"),
    b(S::Details, I::NextSection, &[code(KeyCode::PageDown), k(' ')], "PgDn/Space", "次のページ", "Page down"),
    b(S::Details, I::Back, &[code(KeyCode::Esc), code(KeyCode::Enter)], "Esc/Enter", "閉じる", "Close"),
    b(S::Note, I::Back, &[code(KeyCode::Esc), ctrl('s')], "Esc/Ctrl-S", "メモを保存して閉じる", "Keep the note and close"),
    b(S::Note, I::NewLine, &[code(KeyCode::Enter)], "Enter", "改行", "New line"),
    b(S::Choices, I::Choose, &[k('1'), k('2'), k('3'), k('4'), k('5'), k('6'), k('7'), k('8'), k('9')], "1-9", "選択肢の番号で決定（複数選択では切り替え）", "Choose option N (tick it in multiple choice)"),
    b(S::Typing, I::Export, &[alt('e')], "Alt+e", "入力欄の中からでも書き出し", "Export even from inside a field"),
    b(S::Typing, I::Confirm, &[ctrl('y'), code(KeyCode::F(2))], "Ctrl-Y/F2", "昨年の回答をそのまま確認（入力欄の中からでも）", "Confirm last year's answer (even from inside a field)").short("F2", "確認", "confirm"),
    b(S::Typing, I::ConfirmSection, &[ctrl('t'), code(KeyCode::F(3)), alt('y')], "Ctrl-T/F3", "この節の昨年の回答をすべて確認（入力欄の中からでも）", "Confirm the section's carried answers (even from a field)").short("F3", "節を確認", "confirm section"),
    b(S::Confirm, I::Confirm, &[k('y')], "y", "確かめて実行", "Yes, do it"),
    b(S::Confirm, I::Back, &[code(KeyCode::Esc)], "Esc", "やめる（y 以外のどのキーでも）", "Keep it (any key but y)"),
    b(S::Checklist, I::Up, &[code(KeyCode::Up), k('k')], "↑/k", "前の項目", "Previous item"),
    b(S::Checklist, I::Down, &[code(KeyCode::Down), k('j')], "↓/j", "次の項目", "Next item"),
    b(S::Checklist, I::NextSection, &[code(KeyCode::PageDown), k(']')], "PgDn/]", "次の項", "Next section"),
    b(S::Checklist, I::PrevSection, &[code(KeyCode::PageUp), k('[')], "PgUp/[", "前の項", "Previous section"),
    b(S::Checklist, I::AnswerYes, &[k('y')], "y", "はいと回答（Enter で保存）", "Answer yes (Enter saves)"),
    b(S::Checklist, I::AnswerNo, &[k('n')], "n", "いいえと回答（目標日も）", "Answer no (with a target)"),
    b(S::Checklist, I::Withdraw, &[k('-')], "-", "最新の回答を取り消す", "Withdraw the latest answer"),
    b(S::Checklist, I::EditNote, &[k('e'), ctrl('n')], "e/Ctrl-N", "この項目のメモ", "Note on this item"),
    b(S::Checklist, I::FirstUnanswered, &[k('g')], "g", "最初の未完了項目へ", "First item still missing"),
    b(S::Checklist, I::Readiness, &[k('r')], "r", "準備状況と未完了の一覧", "Readiness, what is missing"),
    b(S::Checklist, I::Vendors, &[k('v')], "v", "事業者の一覧・追加・削除", "Vendors: list, add, remove"),
    b(S::Checklist, I::Export, &[k('w')], "w", "立入検査用の一式を書き出す（HTML/CSV/Markdown、保存先を選ぶ）", "Write the inspection set (HTML/CSV/Markdown, choose where)"),
    b(S::Checklist, I::SwitchEdition, &[k('E')], "E", "版を切り替え", "Switch edition"),
    b(S::Checklist, I::Confirm, &[ctrl('y'), code(KeyCode::F(2))], "Ctrl-Y/F2", "昨年の回答をそのまま確認（確認日は今日）", "Confirm last year's answer as it is (checked today)").short("F2", "確認", "confirm"),
    b(S::Checklist, I::ConfirmSection, &[k('Y'), code(KeyCode::F(3))], "Y/F3", "この項の昨年の回答をすべてそのまま確認（確認日は今日）", "Confirm all of the section's carried answers (checked today)").short("Y", "項を確認", "confirm section"),
    b(S::Checklist, I::Back, &[code(KeyCode::Esc)], "Esc", "戻る（入力は下書きに）", "Back (typing is kept)"),
    b(S::Checklist, I::Quit, &[k('q')], "q", "保存して終了", "Save and quit"),
    b(S::Vendors, I::Up, &[code(KeyCode::Up), k('k')], "↑/k", "前の事業者", "Previous vendor"),
    b(S::Vendors, I::Down, &[code(KeyCode::Down), k('j')], "↓/j", "次の事業者", "Next vendor"),
    b(S::Vendors, I::New, &[k('a')], "a", "事業者を追加", "Add a vendor"),
    b(S::Vendors, I::Delete, &[k('d')], "d", "事業者を削除（y で確認）", "Remove (y confirms)"),
    b(S::Vendors, I::Export, &[k('w')], "w", "事業者確認用を書き出す（CSV/JSON、保存先を選ぶ）", "Write the vendor's form (CSV/JSON, choose where)"),
    b(S::Vendors, I::Import, &[k('r')], "r", "返却された事業者確認用を取り込む（ファイルを選ぶ）", "Import a returned form (choose the file)"),
    b(S::Vendors, I::Confirm, &[k('y'), code(KeyCode::F(2)), ctrl('y')], "y/F2", "昨年の返却をそのまま今年の分として確認", "Confirm last year's returned form as this year's").short("y", "確認", "confirm"),
    b(S::Vendors, I::ConfirmSection, &[k('Y'), code(KeyCode::F(3))], "Y/F3", "すべての事業者の昨年の返却を確認", "Confirm every vendor's carried form").short("Y", "すべて確認", "confirm all"),
    b(S::Vendors, I::Back, &[code(KeyCode::Esc), k('v')], "Esc/v", "項目の一覧へ", "Back to the items"),
    b(S::Fields, I::NextQuestion, &[code(KeyCode::Tab), code(KeyCode::Down)], "Tab/↓", "次の欄", "Next field"),
    b(S::Fields, I::PrevQuestion, &[code(KeyCode::BackTab), code(KeyCode::Up)], "Shift-Tab/↑", "前の欄", "Previous field"),
    b(S::Fields, I::Pick, &[code(KeyCode::Enter)], "Enter", "検証して保存", "Check and save"),
    b(S::Fields, I::Back, &[code(KeyCode::Esc)], "Esc", "保存せずに閉じる", "Close without saving"),
    b(S::Contacts, I::Up, &[code(KeyCode::Up), k('k')], "↑/k", "前の連絡先", "Previous place"),
    b(S::Contacts, I::Down, &[code(KeyCode::Down), k('j')], "↓/j", "次の連絡先", "Next place"),
    b(S::Contacts, I::Open, &[code(KeyCode::Enter)], "Enter", "氏名・役職・電話などを編集", "Edit name, title, phone…"),
    b(S::Contacts, I::Delete, &[k('d')], "d", "消去（y で確認）", "Clear (y confirms)"),
    b(S::Contacts, I::Confirm, &[k('y'), code(KeyCode::F(2)), ctrl('y')], "y/F2", "昨年の連絡先をそのまま確認", "Confirm last year's entry as it is").short("y", "確認", "confirm"),
    b(S::Contacts, I::ConfirmSection, &[k('Y'), code(KeyCode::F(3))], "Y/F3", "院内／院外の昨年の連絡先をすべて確認", "Confirm all carried entries inside / outside").short("Y", "区分を確認", "confirm group"),
    b(S::Contacts, I::Back, &[code(KeyCode::Esc)], "Esc", "戻る", "Back"),
    b(S::Contacts, I::Quit, &[k('q')], "q", "保存して終了", "Save and quit"),
    b(S::Budget, I::TryRates, &[k('r')], "r", "別の率で試算（%）", "Try other rates (%)"),
    b(S::Budget, I::TryRevenue, &[k('v')], "v", "別の収益で試算（千円）", "Try revenue (¥ thousands)"),
    b(S::Budget, I::ResetWhatIf, &[k('0')], "0", "記録の数字に戻す", "Record's figures again"),
    b(S::Budget, I::NextQuestion, &[code(KeyCode::Tab), code(KeyCode::Down)], "Tab/↓", "次の欄（率の入力中）", "Next field (rates)"),
    b(S::Budget, I::PrevQuestion, &[code(KeyCode::BackTab), code(KeyCode::Up)], "Shift-Tab/↑", "前の欄（率の入力中）", "Previous field (rates)"),
    b(S::Budget, I::Pick, &[code(KeyCode::Enter)], "Enter", "検証して試算（保存なし）", "Check and try (not saved)"),
    b(S::Budget, I::Back, &[code(KeyCode::Esc)], "Esc", "入力をやめる／戻る", "Stop typing / back"),
    b(S::Budget, I::Quit, &[k('q')], "q", "終了", "Quit"),
    b(S::Matrix, I::Up, &[code(KeyCode::Up), k('k')], "↑/k", "上のリスク分類", "Category above"),
    b(S::Matrix, I::Down, &[code(KeyCode::Down), k('j')], "↓/j", "下のリスク分類", "Category below"),
    b(S::Matrix, I::Left, &[code(KeyCode::Left)], "←", "前の段階", "Phase before"),
    b(S::Matrix, I::Right, &[code(KeyCode::Right)], "→", "次の段階（右端は全段階）", "Phase after (then: all)"),
    b(S::Matrix, I::Open, &[code(KeyCode::Enter)], "Enter", "セルのリスク（大/中/小）", "The cell's risks (L/M/S)"),
    b(S::Matrix, I::OnlyUncovered, &[k('u')], "u", "未対策のみ ⇄ すべて", "Uncovered only ⇄ all"),
    b(S::Matrix, I::CycleSide, &[k('f')], "f", "対策：すべて→病院→事業者", "Controls: all/hosp./vendor"),
    b(S::Matrix, I::Walk, &[k('w')], "w", "未判明の対策を順に確認（ウォークスルー）", "Walk through the unknown controls"),
    b(S::Matrix, I::Back, &[code(KeyCode::Esc)], "Esc", "戻る", "Back"),
    b(S::Matrix, I::Quit, &[k('q')], "q", "保存して終了", "Save and quit"),
    b(S::MatrixTree, I::Up, &[code(KeyCode::Up), k('k')], "↑/k", "前の小リスク", "Previous scenario"),
    b(S::MatrixTree, I::Down, &[code(KeyCode::Down), k('j')], "↓/j", "次の小リスク", "Next scenario"),
    b(S::MatrixTree, I::Open, &[code(KeyCode::Enter)], "Enter", "小リスクの対策", "The scenario's controls"),
    b(S::MatrixTree, I::OnlyUncovered, &[k('u')], "u", "未対策のみ ⇄ すべて", "Uncovered only ⇄ all"),
    b(S::MatrixTree, I::CycleSide, &[k('f')], "f", "対策：すべて→病院→事業者", "Controls: all/hosp./vendor"),
    b(S::MatrixTree, I::Walk, &[k('w')], "w", "未判明の対策を順に確認（ウォークスルー）", "Walk through the unknown controls"),
    b(S::MatrixTree, I::Back, &[code(KeyCode::Esc)], "Esc", "ヒートマップへ", "Back to the heat map"),
    b(S::MatrixTree, I::Quit, &[k('q')], "q", "保存して終了", "Save and quit"),
    b(S::MatrixControls, I::Up, &[code(KeyCode::Up), k('k')], "↑/k", "前の対策", "Previous control"),
    b(S::MatrixControls, I::Down, &[code(KeyCode::Down), k('j')], "↓/j", "次の対策", "Next control"),
    b(S::MatrixControls, I::Toggle, &[k(' ')], "Space", "状態を切り替え（すぐ保存）", "Next status (saved)"),
    b(S::MatrixControls, I::ResetStatus, &[k('-')], "-", "ヒアリングの回答に戻す", "Back to the interview's"),
    b(S::MatrixControls, I::EditNote, &[k('n'), ctrl('n')], "n/Ctrl-N", "この対策のメモ", "Note on this control"),
    b(S::MatrixControls, I::OnlyUncovered, &[k('u')], "u", "未対策のみ ⇄ すべて", "Uncovered only ⇄ all"),
    b(S::MatrixControls, I::CycleSide, &[k('f')], "f", "対策：すべて→病院→事業者", "Controls: all/hosp./vendor"),
    b(S::MatrixControls, I::Walk, &[k('w')], "w", "未判明の対策を順に確認（ウォークスルー）", "Walk through the unknown controls"),
    b(S::MatrixControls, I::Back, &[code(KeyCode::Esc)], "Esc", "小リスクの一覧へ", "Back to the scenarios"),
    b(S::MatrixControls, I::Quit, &[k('q')], "q", "保存して終了", "Save and quit"),
    b(S::MatrixControls, I::Confirm, &[k('y'), code(KeyCode::F(2))], "y/F2", "この対策の昨年の状況をそのまま確認", "Confirm this control's carried status as it is").short("y", "昨年のまま確認", "confirm").rank(1),
    b(S::MatrixControls, I::ConfirmSection, &[k('Y'), code(KeyCode::F(3))], "Y/F3", "この分類の昨年の状況をすべてそのまま確認", "Confirm the category's carried statuses, unchanged").short("Y", "分類を確認", "confirm category").rank(1),
    b(S::MatrixTree, I::ConfirmSection, &[k('Y'), code(KeyCode::F(3))], "Y/F3", "この分類の昨年の状況をすべてそのまま確認", "Confirm the category's carried statuses, unchanged").short("Y", "分類を確認", "confirm category").rank(1),
    b(S::Matrix, I::ConfirmSection, &[k('Y'), code(KeyCode::F(3))], "Y/F3", "この分類（行）の昨年の状況をすべてそのまま確認", "Confirm the category's (row's) carried statuses, unchanged").short("Y", "分類を確認", "confirm category").rank(1),
    b(S::Walk, I::Reply(Reply::InPlace), &[k('1')], "1", "実施済み（保存して次へ）", "In place (saved, next)").rank(1),
    b(S::Walk, I::Reply(Reply::Partial), &[k('2')], "2", "一部実施", "Partly in place"),
    b(S::Walk, I::Reply(Reply::Missing), &[k('3')], "3", "未実施", "Missing"),
    b(S::Walk, I::Reply(Reply::NotApplicable), &[k('4')], "4", "対象外", "Not applicable"),
    b(S::Walk, I::Reply(Reply::AskVendor), &[k('5')], "5", "わからない（事業者に確認）", "Don't know: ask the vendor"),
    b(S::Walk, I::EditNote, &[k('n'), ctrl('n')], "n/Ctrl-N", "この対策のメモ", "Note on this control").short("n", "メモ", "note"),
    b(S::Walk, I::NextQuestion, &[code(KeyCode::Tab)], "Tab", "答えずに次へ", "Next, without answering").short("Tab", "飛ばす", "skip").rank(3),
    b(S::Walk, I::PrevQuestion, &[code(KeyCode::Backspace), code(KeyCode::BackTab)], "Backspace", "前の対策に戻る", "Previous control").short("Backspace", "前へ", "back"),
    b(S::Walk, I::Review, &[k('r')], "r", "判明済みも見直す ⇄ 未判明のみ", "Review all ⇄ unknown only"),
    b(S::Walk, I::Back, &[code(KeyCode::Esc)], "Esc", "閉じる（次回ここから）", "Close (resumes here)").short("Esc", "閉じる", "close"),
    b(S::Walk, I::Quit, &[k('q')], "q", "保存して終了", "Save and quit"),
    b(S::Record, I::Show(Pane::Interview), &[k('i')], "i", "面談（質問）", "Interview (the questions)"),
    b(S::Record, I::Show(Pane::Position), &[k('p')], "p", "2022年調査との比較", "Position against the 2022 survey"),
    b(S::Record, I::Show(Pane::Budget), &[k('b')], "b", "予算の不足額（提言1）", "Budget shortfall (proposal 1)"),
    b(S::Record, I::Show(Pane::Matrix), &[k('m')], "m", "リスクコントロールマトリックス（提言2）", "Risk control matrix (proposal 2)"),
    b(S::Record, I::Show(Pane::Checklist), &[k('c')], "c", "厚労省チェックリスト", "MHLW checklist"),
    b(S::Record, I::Show(Pane::Contacts), &[k('t')], "t", "連絡体制図", "Contact chart"),
    b(S::Record, I::Show(Pane::Overview), &[k('o')], "o", "総合（全体と次の一手）", "Overview and next steps"),
    b(S::Record, I::Show(Pane::History), &[k('h')], "h", "前年との比較", "Compared with last year"),
    b(S::Overview, I::Left, &[code(KeyCode::Left)], "←", "左のパネル", "Panel to the left"),
    b(S::Overview, I::Right, &[code(KeyCode::Right)], "→", "右のパネル", "Panel to the right"),
    b(S::Overview, I::Up, &[code(KeyCode::Up)], "↑", "上のパネル（格子）／前の一手", "Panel above (grid); previous step"),
    b(S::Overview, I::Down, &[code(KeyCode::Down)], "↓", "下のパネル（格子）／次の一手", "Panel below (grid); next step"),
    b(S::Overview, I::Open, &[code(KeyCode::Enter)], "Enter", "選んだパネルの画面／一手の場所（質問・項目・対策・試算）を開く", "Open the panel's screen, or where the step is done"),
    b(S::Overview, I::NextPage, &[code(KeyCode::Tab), code(KeyCode::BackTab)], "Tab", "次の一手の一覧 ⇄ パネル", "All next steps ⇄ panels"),
    b(S::Overview, I::Walk, &[k('w')], "w", "未判明の対策を順に確認（網羅のパネルから）", "Walk through the unknown controls (coverage)"),
    b(S::Overview, I::Back, &[code(KeyCode::Esc)], "Esc", "戻る", "Back"),
    b(S::Overview, I::Quit, &[k('q')], "q", "保存して終了", "Save and quit"),
    b(S::History, I::Up, &[code(KeyCode::Up), k('k')], "↑/k", "上へ", "Scroll up"),
    b(S::History, I::Down, &[code(KeyCode::Down), k('j')], "↓/j", "下へ", "Scroll down"),
    b(S::History, I::Back, &[code(KeyCode::Esc)], "Esc", "戻る", "Back"),
    b(S::Export, I::ExportAs(Format::Md), &[k('m')], "m", "Markdown（メール・Wiki用）", "Markdown (mail, wiki)"),
    b(S::Export, I::ExportAs(Format::Html), &[k('h')], "h", "HTML（A4で印刷）", "HTML (prints on A4)"),
    b(S::Export, I::ExportAs(Format::Csv), &[k('c')], "c", "CSV（Excel用）", "CSV (Excel)"),
    b(S::Export, I::ExportAs(Format::Json), &[k('j')], "j", "JSON（記録そのもの、取り込み用）", "JSON (the record, to import)"),
    b(S::Export, I::Up, &[code(KeyCode::Up)], "↑", "上へ", "Move up"),
    b(S::Export, I::Down, &[code(KeyCode::Down)], "↓", "下へ", "Move down"),
    b(S::Export, I::Pick, &[code(KeyCode::Enter)], "Enter", "選んだ形式で書き出す", "Write in the chosen format"),
    b(S::Export, I::Back, &[code(KeyCode::Esc)], "Esc", "書き出さずに閉じる", "Close without writing"),
    b(S::Path, I::Pick, &[code(KeyCode::Enter)], "Enter", "このファイルで実行", "Go with this file"),
    b(S::Path, I::NextQuestion, &[code(KeyCode::Tab)], "Tab", "ファイル名を補完", "Complete the file name"),
    b(S::Path, I::Up, &[code(KeyCode::Up)], "↑", "前の形式", "Previous format"),
    b(S::Path, I::Down, &[code(KeyCode::Down)], "↓", "次の形式", "Next format"),
    b(S::Path, I::Back, &[code(KeyCode::Esc)], "Esc", "やめる", "Cancel"),
    b(S::Global, I::Help, &[k('?'), code(KeyCode::F(1))], "?/F1", "キー一覧", "Keys").short("?", "キー", "keys"),
    b(S::Global, I::Quit, &[ctrl('c')], "Ctrl-C", "保存して終了", "Save and quit"),
];

fn matches(key: &KeyEvent, k: &Key) -> bool {
    // Shift is part of the character for printable keys ('?' is Shift-/); compare the rest.
    let mods = key.modifiers - KeyModifiers::SHIFT;
    key.code == k.code && mods == k.mods - KeyModifiers::SHIFT
}

/// What `key` means in `scope` alone.
pub fn intent_in(scope: Scope, key: &KeyEvent) -> Option<Intent> {
    BINDINGS
        .iter()
        .filter(|b| b.scope == scope)
        .find(|b| b.keys.iter().any(|k| matches(key, k)))
        .map(|b| b.intent)
}

/// What `key` means in `scope`, falling back to the global bindings.
pub fn intent(scope: Scope, key: &KeyEvent) -> Option<Intent> {
    intent_in(scope, key).or_else(|| intent_in(Scope::Global, key))
}

/// The rows of the help overlay: the screen's own bindings, then those of the `extra` scopes
/// (the record keys, for a screen of an open record), then the global ones.
pub fn help(scope: Scope, extra: &[Scope], lang: Lang) -> Vec<(&'static str, &'static str)> {
    let mut order = vec![scope];
    order.extend_from_slice(extra);
    order.push(Scope::Global);
    order
        .iter()
        .flat_map(|s| BINDINGS.iter().filter(move |b| b.scope == *s))
        .map(|b| (b.shown, lang.pick(b.ja, b.en)))
        .collect()
}

/// One binding as a help row (keys, label), for the rows a screen adds after its own scope's.
pub fn row(scope: Scope, intent: Intent, lang: Lang) -> (String, String) {
    BINDINGS
        .iter()
        .find(|b| b.scope == scope && b.intent == intent)
        .map(|b| (b.shown.to_string(), lang.pick(b.ja, b.en).to_string()))
        .unwrap_or_default()
}

/// The keys of an intent as the footer shows them.
pub fn shown(scope: Scope, intent: Intent) -> &'static str {
    BINDINGS
        .iter()
        .find(|b| (b.scope == scope || b.scope == Scope::Global) && b.intent == intent)
        .map(|b| b.shown)
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn keys_resolve_in_scope_then_globally() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            intent(Scope::Home, &key(KeyCode::Char('n'), none)),
            Some(Intent::New)
        );
        assert_eq!(
            intent(Scope::Interview, &key(KeyCode::Char('n'), none)),
            Some(Intent::EditNote)
        );
        assert_eq!(
            intent(
                Scope::Interview,
                &key(KeyCode::Char('?'), KeyModifiers::SHIFT)
            ),
            Some(Intent::Help)
        );
        assert_eq!(
            intent(Scope::Home, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Intent::Quit)
        );
        assert_eq!(intent(Scope::Home, &key(KeyCode::Char('z'), none)), None);
    }

    /// A screen of the record that took a record key for itself would make it unreachable.
    #[test]
    fn record_screens_leave_the_record_keys_alone() {
        let record_keys: Vec<KeyCode> = BINDINGS
            .iter()
            .filter(|b| b.scope == Scope::Record)
            .flat_map(|b| b.keys.iter().map(|k| k.code))
            .collect();
        assert_eq!(record_keys.len(), 8);
        for scope in [
            Scope::Checklist,
            Scope::Vendors,
            Scope::Contacts,
            Scope::Position,
            Scope::Details,
            Scope::History,
            Scope::Overview,
            Scope::Budget,
            Scope::Matrix,
            Scope::MatrixTree,
            Scope::MatrixControls,
            Scope::Walk,
        ] {
            for b in BINDINGS.iter().filter(|b| b.scope == scope) {
                for k in b.keys {
                    assert!(
                        !record_keys.contains(&k.code),
                        "{:?} in {scope:?} hides a record key",
                        k.code
                    );
                }
            }
        }
    }

    #[test]
    fn no_key_means_two_things_in_one_scope() {
        for scope in [
            Scope::Home,
            Scope::Record,
            Scope::Form,
            Scope::Interview,
            Scope::Note,
            Scope::History,
            Scope::Position,
            Scope::Details,
            Scope::Checklist,
            Scope::Vendors,
            Scope::Fields,
            Scope::Contacts,
            Scope::Export,
            Scope::Overview,
            Scope::Budget,
            Scope::Matrix,
            Scope::MatrixTree,
            Scope::MatrixControls,
            Scope::Walk,
            Scope::Confirm,
            Scope::Choices,
            Scope::Typing,
            Scope::Path,
            Scope::Global,
        ] {
            let mut seen: Vec<(KeyCode, KeyModifiers)> = Vec::new();
            for b in BINDINGS.iter().filter(|b| b.scope == scope) {
                for k in b.keys {
                    assert!(
                        !seen.contains(&(k.code, k.mods)),
                        "{:?} bound twice in {scope:?}",
                        k.code
                    );
                    seen.push((k.code, k.mods));
                }
            }
        }
    }
}
