//! Standard output that cannot be written: a full disk behind `>file`, `/dev/full`. `println!`
//! panics then, which printed a backtrace and exited 101 after a command had perhaps saved.
//! A command runs under [`guarded`]: such a failure becomes exit 1 with a message in the UI's
//! language. (A closed pipe, `| head`, ends the process quietly by SIGPIPE, set in `main`.)

use crate::domain::Lang;
use std::io::Write;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::Mutex;

/// What the command has saved so far, said on stderr when its output then cannot be written:
/// a script that sees exit 1 must know the change was made all the same.
static SAVED: Mutex<Option<String>> = Mutex::new(None);

/// Notes that the command saved something (「記録 2026-001 を作成しました」).
pub fn saved(what: String) {
    if let Ok(mut s) = SAVED.lock() {
        *s = Some(what);
    }
}

/// [`saved`] for a change to one record: 「記録 2026-001 を保存しました」.
pub fn saved_record(lang: Lang, id: &crate::domain::RecordId) {
    saved(lang.pick_with(
        || format!("記録 {id} を保存しました"),
        || format!("record {id} was saved"),
    ));
}

pub(super) fn say_saved() {
    if let Some(what) = SAVED.lock().ok().and_then(|mut s| s.take()) {
        eprintln!("shindan: {what}");
    }
}

/// What `std` says when `println!` fails.
const FAILED_PRINTING: &str = "failed printing to stdout";

fn is_print_failure(payload: &(dyn std::any::Any + Send)) -> Option<String> {
    let text = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())?;
    text.starts_with(FAILED_PRINTING).then(|| {
        text.trim_start_matches(FAILED_PRINTING)
            .trim_start_matches(':')
            .trim()
            .to_string()
    })
}

/// The message for output that could not be written, in the UI's language.
pub fn message(lang: Lang, os: &str) -> String {
    lang.pick_with(
        || format!("標準出力に書き込めません（{os}）：出力先の空き容量と、書き込めるかを確かめてください"),
        || format!("cannot write to standard output ({os}): check that its destination has room and can be written"),
    )
}

/// Runs a command; a failure to write its output is exit 1 with a message, not a panic.
pub fn guarded(lang: Lang, command: impl FnOnce() -> ExitCode) -> ExitCode {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if is_print_failure(info.payload()).is_none() {
            previous(info);
        }
    }));
    match panic::catch_unwind(AssertUnwindSafe(command)) {
        Ok(code) => match std::io::stdout().flush() {
            Ok(()) => code,
            Err(e) => {
                eprintln!("shindan: {}", message(lang, &e.to_string()));
                say_saved();
                ExitCode::from(1)
            }
        },
        Err(payload) => match is_print_failure(payload.as_ref()) {
            Some(os) => {
                eprintln!("shindan: {}", message(lang, &os));
                say_saved();
                ExitCode::from(1)
            }
            None => panic::resume_unwind(payload),
        },
    }
}
