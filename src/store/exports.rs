//! Exports written from the terminal UI: `<data dir>/exports/`, closed to others like the data
//! dir itself (an export holds the hospital's weaknesses as plainly as its record does).

use super::{atomic, Store, StoreError};
use std::fs;
use std::path::PathBuf;

impl Store {
    pub fn exports_dir(&self) -> PathBuf {
        self.dir().join("exports")
    }

    /// Writes `bytes` as `exports/<file_name>` (0600, atomically: a kill leaves the old file or
    /// the new one), creating the folder 0700. An earlier export of the same name is replaced.
    pub fn write_export(&self, file_name: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let dir = self.exports_dir();
        fs::create_dir_all(&dir).map_err(StoreError::io(&dir))?;
        crate::platform::close_to_others(&dir).map_err(StoreError::io(&dir))?;
        let path = dir.join(file_name);
        atomic::write(&dir, &path, bytes, false, None).map_err(StoreError::io(&path))?;
        Ok(path)
    }
}
