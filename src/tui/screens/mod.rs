//! One module per screen: its state, its key handling, its drawing.

pub mod help;
pub mod home;
pub mod interview;
pub mod new_record;
