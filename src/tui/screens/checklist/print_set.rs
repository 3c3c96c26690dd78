//! The inspection set written from the screen (`w`): the hospital's form with the vendors'
//! forms, the conflicts and the evidence (HTML for A4, the Excel CSV, or Markdown), to a path
//! asked in the shared path prompt (`exports/` offered), what `checklist form` writes from the
//! command line. Writing reads the record and changes nothing, so a read-only screen writes it
//! too; what was written (or why not) stays on the readiness panel.

use super::{Checklist, Panel};
use crate::domain::checklist::ChecklistView;
use crate::domain::{Lang, Questionnaire};
use crate::print;
use crate::store::Store;
use crate::tui::app::Action;
use crate::tui::screens::overlay::Overlay;
use crate::tui::screens::path_prompt::{Choice, PathPrompt};
use crate::tui::session::Session;
use std::path::{Path, PathBuf};

/// The set's formats, the printed one first.
const FORMATS: [Choice; 3] = [
    Choice {
        ja: "HTML（A4で印刷）",
        en: "HTML (prints on A4)",
        ext: "html",
    },
    Choice {
        ja: "CSV（Excel用）",
        en: "CSV (Excel)",
        ext: "csv",
    },
    Choice {
        ja: "Markdown",
        en: "Markdown",
        ext: "md",
    },
];

/// What the last write of the set did, shown on the readiness panel until the next one.
pub enum Written {
    To(PathBuf),
    Failed(String),
}

impl Checklist {
    /// Opens the path prompt on `exports/<record>-checklist-<date>.html`.
    pub(super) fn open_set(&mut self, store: &Store) -> Action {
        let today = self.clock.today();
        let name = format!(
            "{}-checklist-{}.{}",
            self.view.record,
            today.format("%Y%m%d"),
            FORMATS[0].ext
        );
        self.panel = Panel::Readiness;
        self.overlay = Some(Overlay::Path(PathPrompt::new(
            (
                "立入検査用の一式を書き出す".to_string(),
                "Write the inspection set".to_string(),
            ),
            &store.exports_dir().join(name),
            FORMATS.to_vec(),
        )));
        Action::None
    }

    /// Writes the set in the format chosen (0600, atomically); `Err`: why not, and the prompt
    /// stays open with it.
    pub(super) fn write_set(
        &mut self,
        path: &Path,
        choice: usize,
        session: &Session,
        store: &Store,
        lang: Lang,
    ) -> Result<Action, String> {
        // The printed set names each evidence file's state: read once, when it is written.
        let view = ChecklistView::build(
            self.editions,
            self.edition,
            &session.record,
            Questionnaire::embedded(),
            &self.clock,
            &crate::store::evidence::state,
        );
        let bytes = match FORMATS[choice.min(FORMATS.len() - 1)].ext {
            "csv" => print::checklist::hospital_csv(&view, lang),
            "md" => print::checklist::hospital_md(&view, lang).into_bytes(),
            _ => print::checklist::hospital_html(&view, lang, self.clock.today()).into_bytes(),
        };
        match store.write_file(path, &bytes) {
            Ok(path) => {
                let msg = crate::tui::screens::export::written(&path, lang);
                self.written = Some(Written::To(path));
                Ok(Action::Flash(msg))
            }
            Err(e) => {
                let why = crate::edge::Failure::from_store(e, lang).to_string();
                self.written = Some(Written::Failed(why.clone()));
                Err(why)
            }
        }
    }
}
