//! The terminal UI: the interview and the screens of a record. It only translates keys into
//! domain calls and draws domain state; everything it shows is computed in `crate::domain`.

pub mod app;
pub mod commands;
pub mod drafts;
pub mod events;
pub mod keys;
pub mod probe;
pub mod screens;
pub mod session;
pub mod terminal;
pub mod theme;
pub mod typed_ahead;
pub mod widgets;

use crate::edge::{Ctx, Failure, TerminalOptions};
use app::{App, Ending};

pub fn run(ctx: &mut Ctx, opts: TerminalOptions) -> Result<(), Failure> {
    // Nothing is drawn, and no file opened, on a terminal that cannot show the screens.
    probe::refuse_early(ctx.lang)?;
    // The probe's answer travels while the records are read.
    let asked = probe::send(opts)?;
    // A screenful of records before the first frame, the rest right after it.
    let rows = match crossterm::terminal::size() {
        Ok((_, h)) if h > 0 => screens::home::Home::rows_shown(h),
        _ => usize::MAX,
    };
    let lang = ctx.lang;
    let survey = ctx.comparing();
    let app = ctx.store().map(|store| {
        App::starting(lang, theme::Theme::from_env(), store, rows).with_survey(survey)
    });
    // Read (or given up on) before any error is said, so the probe is erased and raw mode left.
    let found = asked.finish(lang)?;
    let mut app = app?;
    app.ambiguous_wide = found.ambiguous_wide;
    app.typed_ahead = found.typed;
    let (ending, save_error) =
        app::run(app).map_err(|e| Failure::Data(format!("terminal: {e}")))?;
    if let Some(err) = save_error {
        return Err(Failure::Data(ctx.lang.pick_with(
            || format!("最後の保存に失敗しました：{err}"),
            || format!("the last save failed: {err}"),
        )));
    }
    match ending {
        Ending::Normal => Ok(()),
        // The session was cut: what was typed is saved; exit as the signal asked.
        Ending::Signal(sig) => std::process::exit(128 + sig),
        Ending::Panic => std::process::exit(101),
    }
}
