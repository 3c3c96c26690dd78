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
        let dir = self.private_exports_dir()?;
        let path = dir.join(file_name);
        atomic::write(&dir, &path, bytes, false, None).map_err(StoreError::io(&path))?;
        Ok(path)
    }

    /// `exports/`, created 0700 (or closed to others again) before anything is written there.
    fn private_exports_dir(&self) -> Result<PathBuf, StoreError> {
        let dir = self.exports_dir();
        fs::create_dir_all(&dir).map_err(StoreError::io(&dir))?;
        crate::platform::close_to_others(&dir).map_err(StoreError::io(&dir))?;
        Ok(dir)
    }
}

impl Store {
    /// Writes `bytes` at a path the user chose (a vendor's form), as exports are written: 0600
    /// and atomically, so that a kill leaves the old file or the new one, never half of one.
    pub fn write_file(&self, path: &std::path::Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        // The folder offered by default is made as exports are; any other must exist.
        if dir == self.exports_dir() {
            self.private_exports_dir()?;
        }
        atomic::write(&dir, path, bytes, false, None).map_err(StoreError::io(path))?;
        Ok(path.to_path_buf())
    }

    /// Reads a file the user names (a vendor's returned form), refusing one too large to be one.
    pub fn read_returned(&self, path: &std::path::Path) -> Result<Vec<u8>, StoreError> {
        read_bounded(path, crate::domain::limits::RETURNED_BYTES).map_err(StoreError::io(path))
    }
}

/// Reads a file whole, up to `max` bytes: a larger one (or `/dev/zero`) is refused with
/// `FileTooLarge` naming the bound after reading one byte past it, never read whole.
pub fn read_bounded(path: &std::path::Path, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = fs::File::open(path)?;
    // `take` hides the file's length from `read_to_end`, which would then read 32 bytes, 64,
    // 128…: room for the whole file (within the bound) makes it one read and one to see the end.
    let size = file.metadata().map(|m| m.len()).unwrap_or(0).min(max + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("larger than {} MiB", max / (1024 * 1024)),
        ));
    }
    Ok(bytes)
}

/// Writes a command's output to the file the user named (`-o FILE`) as records are written:
/// a temp file in the same folder (0600), fsynced, renamed over the target. A full disk or a
/// kill leaves the old file whole, and an old file's looser mode (0644, 0666) does not carry
/// over: the export holds a hospital's weaknesses. A target that is not a regular file (a
/// terminal, `/dev/stdout`, a FIFO) cannot be replaced and is written as it is.
pub fn write_output(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let mut out = fs::OpenOptions::new().write(true).open(path)?;
        return out.write_all(bytes).and_then(|_| out.flush());
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    atomic::write(&dir, path, bytes, false, None)
}
