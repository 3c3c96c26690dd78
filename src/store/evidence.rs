//! Reading the files a checklist answer points at (the BCP, the device inventory…): hashed when
//! the answer is given, compared again whenever the form is shown or printed.

use crate::domain::record::checklist_answers::{Evidence, EvidenceHasher, EvidenceState};
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Hashes a file piece by piece (a scanned BCP may be large) and records it under its absolute
/// path, so that the check later works from any directory.
pub fn hash_file(path: &Path) -> io::Result<Evidence> {
    let absolute = std::fs::canonicalize(path)?;
    let mut file = File::open(&absolute)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let mut hasher = EvidenceHasher::default();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher.finish(absolute.to_string_lossy().into_owned()))
}

/// Whether the file is still the one recorded.
pub fn state(evidence: &Evidence) -> EvidenceState {
    match hash_file(Path::new(&evidence.path)) {
        Err(_) => EvidenceState::Missing,
        Ok(now) if now.sha256 == evidence.sha256 && now.size == evidence.size => {
            EvidenceState::Unchanged
        }
        Ok(_) => EvidenceState::Changed,
    }
}
