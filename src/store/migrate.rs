//! Reading records of every format this build knows, and refusing the ones it does not.

use super::Damage;
use crate::domain::record::{Record, FORMAT_VERSION};
use serde_json::{Map, Value};

pub fn parse(bytes: &[u8]) -> Result<Record, Damage> {
    let text = std::str::from_utf8(bytes).map_err(|e| Damage::Json(format!("not UTF-8: {e}")))?;
    // Editors on Windows start UTF-8 files with a byte-order mark: it is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // serde keeps the last of a key given twice; which one was meant is for a person to say.
    if let Some(at) = crate::domain::json::duplicate_key(text) {
        return Err(Damage::DuplicateKey(at));
    }
    // The usual case, a record of this format, is read straight into its type in one pass
    // (reading records is most of shindan's start-up). Anything else takes the slow path below,
    // which also says precisely what is wrong.
    if let Ok(record) = serde_json::from_str::<Record>(text) {
        if record.format_version == FORMAT_VERSION {
            return Ok(record);
        }
    }
    let mut json: Value = serde_json::from_str(text).map_err(|e| Damage::Json(e.to_string()))?;
    let version = match json.get("format_version") {
        None | Some(Value::Null) => return Err(Damage::NoVersion),
        // Present but no format number (too large, negative, a fraction, a string): say so,
        // rather than call it missing.
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| Damage::BadVersion(as_written(text, v)))?,
    };
    if version > FORMAT_VERSION {
        return Err(Damage::Newer {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    let invalid = |reason: String| Damage::Invalid { version, reason };
    if version == 0 {
        return Err(invalid("format 0 does not exist".into()));
    }
    if version < 2 {
        v1_to_v2(&mut json).map_err(invalid)?;
    }
    let mut record: Record = serde_json::from_value(json).map_err(|e| invalid(e.to_string()))?;
    if version < FORMAT_VERSION {
        record.migrated_from = Some(version);
    }
    record.format_version = FORMAT_VERSION;
    Ok(record)
}

/// Format 1 kept each answer as its bare value; format 2 wraps it with the time it was given.
/// Format 1 did not record that time, so the record's `updated_at` stands in for it.
/// The version as its writer wrote it. serde_json reads an integer beyond u64 as a float, which
/// would quote `99999999999999999999` back as `1e20`; so a number is taken from the text itself.
fn as_written(text: &str, v: &Value) -> String {
    let number = || {
        let after = &text[text.find("\"format_version\"")? + "\"format_version\"".len()..];
        let after = after.trim_start().strip_prefix(':')?.trim_start();
        let end = after
            .find(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c)))
            .unwrap_or(after.len());
        (end > 0).then(|| after[..end].to_string())
    };
    match v {
        Value::Number(_) => number().unwrap_or_else(|| v.to_string()),
        _ => v.to_string(),
    }
}

fn v1_to_v2(json: &mut Value) -> Result<(), String> {
    let obj = json.as_object_mut().ok_or("a record is a JSON object")?;
    let at = obj
        .get("updated_at")
        .cloned()
        .ok_or("updated_at is missing")?;
    if let Some(answers) = obj.get_mut("answers") {
        let answers = answers.as_object_mut().ok_or("answers is not an object")?;
        for value in answers.values_mut() {
            let mut wrapped = Map::new();
            wrapped.insert("value".into(), value.take());
            wrapped.insert("at".into(), at.clone());
            *value = Value::Object(wrapped);
        }
    }
    obj.insert("format_version".into(), Value::from(2));
    Ok(())
}
