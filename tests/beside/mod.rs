//! The texts that live beside the project, not in it: the survey report and the specs in
//! `../shared`. A clone with nothing beside it must still pass `cargo test`, so a test that
//! compares an asset with one of them skips where the default path is absent — saying so on a
//! line of its own — and fails where the variable names a file that is not there (CI sets the
//! variables, so there a missing file is an error, never a silent skip).
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::sync::Once;

/// The survey report's text: `SHINDAN_REPORT`, else `../shared/seed/…`.
pub const REPORT: Beside = Beside {
    var: "SHINDAN_REPORT",
    default: "../shared/seed/shibyokyo-security-survey-2022-final.txt",
};

/// The folder of the specs: `SHINDAN_SPEC_DIR`, else `../shared/spec`.
pub const SPEC_DIR: Beside = Beside {
    var: "SHINDAN_SPEC_DIR",
    default: "../shared/spec",
};

/// A file or folder found through an environment variable, with a default relative to the
/// project's root.
pub struct Beside {
    pub var: &'static str,
    pub default: &'static str,
}

static SKIPPED: Once = Once::new();

impl Beside {
    /// Where it is, or `None` (after one visible line per test binary) when the variable is
    /// unset and the default path is absent. Panics when the variable names a missing path.
    pub fn path(&self) -> Option<PathBuf> {
        let found = self.find(std::env::var_os(self.var));
        if found.is_none() {
            SKIPPED.call_once(|| {
                // Straight to the process's stderr: libtest captures `eprintln!` of a passing
                // test, and this line must be seen.
                let _ = writeln!(
                    std::io::stderr(),
                    "skipped because {} is absent (set {} to run them): the checks against it in {}",
                    self.default_path().display(),
                    self.var,
                    module_path!().split("::").next().unwrap_or("tests"),
                );
            });
        }
        found
    }

    fn default_path(&self) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(self.default)
    }

    /// Where it is, given the variable's value (so that tests can try both cases without
    /// touching the process's environment): `None` when unset and the default is absent.
    /// Panics when the variable names a missing path.
    pub fn find(&self, given: Option<std::ffi::OsString>) -> Option<PathBuf> {
        match given {
            Some(given) => {
                let path = PathBuf::from(given);
                assert!(
                    path.exists(),
                    "{}={} is set but there is nothing there",
                    self.var,
                    path.display()
                );
                Some(path)
            }
            None => Some(self.default_path()).filter(|p| p.exists()),
        }
    }

    /// The file's text, as [`Beside::path`] finds it.
    pub fn text(&self) -> Option<String> {
        let path = self.path()?;
        Some(
            std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{} ({}): {e}", path.display(), self.var)),
        )
    }
}
