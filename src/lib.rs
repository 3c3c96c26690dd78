//! shindan (診断): a hospital's own cyber-security assessment, built on the 2022 survey of the
//! four hospital associations of Japan.
//!
//! The crate is split so that everything a hospital's answers mean lives in [`domain`] (no
//! terminal, no files), what is kept on disk lives in [`store`], and the two front ends — the
//! command line in [`cli`] and the terminal UI in [`tui`] — only translate between people and
//! those two.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod cli;
pub mod clock;
pub mod domain;
pub mod edge;
pub mod excel;
pub mod platform;
pub mod print;
pub mod store;
pub mod text;
pub mod tui;
