//! What an answer holds, whatever the question.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An answer's value. The question's kind says which of these it must be; the record keeps the
/// plain JSON shape (`"yes"`, `["jha","ajha"]`, `350`) so that an exported file stays readable
/// and scriptable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// Read by the JSON's own shape, not by trying each variant in turn as `untagged` would: that
/// buffers every answer, and reading a hundred records is most of shindan's start-up.
impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        struct Shape;
        impl<'de> serde::de::Visitor<'de> for Shape {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number, a string or a list of strings")
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Value, E> {
                Ok(Value::Number(n))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Value, E> {
                i64::try_from(n)
                    .map(Value::Number)
                    .map_err(|_| E::custom(format!("{n} is too large")))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Value, E> {
                Ok(Value::Text(s.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, s: String) -> Result<Value, E> {
                Ok(Value::Text(s))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Value, A::Error> {
                let mut v = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    v.push(s);
                }
                Ok(Value::Choices(v))
            }
        }
        d.deserialize_any(Shape)
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

/// One question's answer being one of some options: a question's `when` (asked only then) and
/// an indicator's population and `true_if_any` (see [`crate::domain::indicator`]).
#[derive(Debug, Clone, Deserialize)]
pub struct Condition {
    pub question: String,
    pub any_of: Vec<String>,
}
