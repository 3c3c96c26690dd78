//! One module per screen: its state, its key handling, its drawing.

use super::app::Screen;
use super::keys::Pane;
use super::session::Session;
use crate::domain::survey::Survey;
use crate::domain::Lang;

pub mod budget;
pub mod checklist;
pub mod confirm;
pub mod contacts;
pub mod export;
pub mod help;
pub mod history;
pub mod home;
pub mod interview;
pub mod matrix;
pub mod new_record;
pub mod overlay;
pub mod overview;
pub mod path_prompt;
pub mod position;

/// The screen that shows `pane` of the open record. `None` for the interview, which is always
/// open beneath the others, and for the checklist when no edition is loaded (the app says so).
/// The overview and the position compare with `survey`, the run's.
pub fn open(
    pane: Pane,
    session: &Session,
    lang: Lang,
    survey: &'static Survey,
) -> Option<Box<dyn Screen>> {
    match pane {
        Pane::History => Some(Box::new(history::History::new(session, lang))),
        Pane::Position => Some(Box::new(position::PositionScreen::new(
            session, lang, survey,
        ))),
        Pane::Checklist => checklist::Checklist::new(session, lang).map(|s| Box::new(s) as _),
        Pane::Contacts => Some(Box::new(contacts::Contacts::new(session, lang))),
        Pane::Overview => Some(Box::new(overview::OverviewScreen::new(
            session, lang, survey,
        ))),
        Pane::Budget => Some(Box::new(budget::BudgetScreen::new(session, lang))),
        Pane::Matrix => Some(Box::new(matrix::MatrixScreen::new(session, lang))),
        // The interview is always open beneath the others.
        Pane::Interview => None,
    }
}
