//! What an answer holds, whatever the question.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An answer's value. The question's kind says which of these it must be; the record keeps the
/// plain JSON shape (`"yes"`, `["jha","ajha"]`, `350`) so that an exported file stays readable
/// and scriptable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(i64),
    Choices(Vec<String>),
    /// An option id for `single`, free text for `text`.
    Text(String),
}

impl Value {
    pub fn as_number(&self) -> Option<i64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The option ids this value selects: one for `single`, several for `multi`.
    pub fn choices(&self) -> Vec<&str> {
        match self {
            Value::Text(s) => vec![s.as_str()],
            Value::Choices(v) => v.iter().map(String::as_str).collect(),
            Value::Number(_) => Vec::new(),
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(n) => write!(f, "{n}"),
            Value::Choices(v) => write!(f, "{}", v.join(",")),
            Value::Text(s) => write!(f, "{s}"),
        }
    }
}
