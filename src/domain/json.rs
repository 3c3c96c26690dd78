//! JSON that says each thing once. A key given twice in one object is valid JSON, and serde
//! keeps the last one without a word: a record or a returned form with `"answer": "yes"` and,
//! further down, `"answer": "no"` would be read as whichever came last, though whoever wrote it
//! (a script, a hand edit, a merge gone wrong) meant one of them. shindan refuses such a file and
//! names the key, so that someone decides which.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

/// Where the first key given twice in one object is (`answers.beds`, `items[3].answer`), or
/// `None` when there is none — or when `text` is not JSON at all: the real parse says why.
pub fn duplicate_key(text: &str) -> Option<String> {
    let found = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let walk = Walk {
        at: String::new(),
        found: &found,
    };
    let _ = walk.deserialize(&mut de);
    found.into_inner()
}

/// One value at path `at`, walked for its objects' keys.
struct Walk<'a> {
    at: String,
    found: &'a RefCell<Option<String>>,
}

impl Walk<'_> {
    fn inner(&self, at: String) -> Walk<'_> {
        Walk {
            at,
            found: self.found,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        while seq
            .next_element_seed(self.inner(format!("{}[{i}]", self.at)))?
            .is_some()
        {
            i += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let at = match self.at.as_str() {
                "" => key.clone(),
                outer => format!("{outer}.{key}"),
            };
            if !seen.insert(key) {
                *self.found.borrow_mut() = Some(at);
                return Err(de::Error::custom("duplicate key"));
            }
            map.next_value_seed(self.inner(at))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::duplicate_key;

    #[test]
    fn a_key_twice_in_one_object_is_found_with_its_path_and_nothing_else_is() {
        assert_eq!(duplicate_key(r#"{"a":1,"a":2}"#).as_deref(), Some("a"));
        assert_eq!(
            duplicate_key(r#"{"answers":{"beds":1,"x":[{"k":1}],"beds":2}}"#).as_deref(),
            Some("answers.beds")
        );
        assert_eq!(
            duplicate_key(r#"{"items":[{"a":1},{"a":1,"b":[],"a":2}]}"#).as_deref(),
            Some("items[1].a")
        );
        // The same key in two objects, and no JSON at all, are no duplicates.
        assert_eq!(duplicate_key(r#"[{"a":1},{"a":1}]"#), None);
        assert_eq!(duplicate_key(r#"{"a":{"a":1}}"#), None);
        assert_eq!(duplicate_key("not json"), None);
        assert_eq!(
            duplicate_key(r#"{"v":99999999999999999999,"s":"\u00e9"}"#),
            None
        );
    }
}
