//! Small drawing pieces shared by the screens.

pub mod bar;
pub mod form;
pub mod lines;
pub mod note_editor;
pub mod overlay;
pub mod symbols;
pub mod text_field;
