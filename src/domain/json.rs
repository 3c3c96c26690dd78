//! JSON that says each thing once. A key given twice in one object is valid JSON, and serde
//! keeps the last one without a word: a record or a returned form with `"answer": "yes"` and,
//! further down, `"answer": "no"` would be read as whichever came last, though whoever wrote it
//! (a script, a hand edit, a merge gone wrong) meant one of them. shindan refuses such a file and
//! names the key, so that someone decides which.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fmt;

/// Where the first key given twice in one object is (`answers.beds`, `items[3].answer`), or
/// `None` when there is none — or when `text` is not JSON at all: the real parse says why.
///
/// Every record is walked so before it is read, on the way to the first frame, so the walk
/// allocates nothing it need not: keys are borrowed from `text` where they have no escapes, and
/// a value's path is a chain of steps on the stack, spelled out only for the duplicate.
pub fn duplicate_key(text: &str) -> Option<String> {
    let found = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let walk = Walk {
        up: None,
        found: &found,
    };
    let _ = walk.deserialize(&mut de);
    found.into_inner()
}

/// One step from a value to one inside it.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// One value, walked for its objects' keys: `up` is the value it is in and the step to it.
struct Walk<'a> {
    up: Option<(&'a Walk<'a>, Step<'a>)>,
    found: &'a RefCell<Option<String>>,
}

impl<'a> Walk<'a> {
    fn inner<'b>(&'b self, step: Step<'b>) -> Walk<'b>
    where
        'a: 'b,
    {
        Walk {
            up: Some((self, step)),
            found: self.found,
        }
    }

    /// The path to this value, as the message names it: `answers.beds`, `items[3]`.
    fn path(&self) -> String {
        match &self.up {
            None => String::new(),
            Some((up, Step::Index(i))) => format!("{}[{i}]", up.path()),
            Some((up, Step::Key(k))) => match up.path() {
                outer if outer.is_empty() => (*k).to_string(),
                outer => format!("{outer}.{k}"),
            },
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
        while seq.next_element_seed(self.inner(Step::Index(i)))?.is_some() {
            i += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // Ordered, not hashed: no random seed to draw for every object, and no quadratic scan
        // for a hostile object of many keys.
        let mut seen: BTreeSet<Cow<'de, str>> = BTreeSet::new();
        while let Some(Key(key)) = map.next_key()? {
            if seen.contains(&key) {
                *self.found.borrow_mut() = Some(self.inner(Step::Key(&key)).path());
                return Err(de::Error::custom("duplicate key"));
            }
            map.next_value_seed(self.inner(Step::Key(&key)))?;
            seen.insert(key);
        }
        Ok(())
    }
}

/// An object's key, borrowed from the text when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object's key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key(Cow::Owned(v.to_string())))
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
        // A key written with an escape is the same key.
        assert_eq!(
            duplicate_key(r#"{"x":{"a":1,"\u0061":2}}"#).as_deref(),
            Some("x.a")
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
