//! The terminal UI. (The interview lands with its own issue.)

use crate::cli::{Ctx, Failure};

pub fn run(ctx: &mut Ctx) -> Result<(), Failure> {
    Err(Failure::Invalid(
        ctx.lang
            .pick(
                "面談画面はまだありません。`shindan --help` のコマンドを使ってください。",
                "The interview screen is not built yet; use the commands in `shindan --help`.",
            )
            .into(),
    ))
}
