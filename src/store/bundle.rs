//! Reading many record files for aggregation: folders, single files and JSONL bundles (one
//! record per line), one record at a time so that memory does not grow with their number.

use super::{parse_record, Damage};
use crate::domain::Record;
use std::fs::{self, File, ReadDir};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Where a record (or a damaged one) came from: a file, or a line of a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: PathBuf,
    pub line: Option<usize>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}", self.path.display()),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

pub type Item = Result<(Origin, Record), (Origin, Damage)>;

enum Open {
    Dir(PathBuf, ReadDir),
    Bundle(PathBuf, BufReader<File>, usize),
}

/// The records under `paths`, lazily. A folder yields its `*.json` files (not its subfolders,
/// hidden files or backups); a `.jsonl` file yields one record per non-empty line.
pub struct Records {
    pending: std::vec::IntoIter<PathBuf>,
    open: Vec<Open>,
}

pub fn records(paths: Vec<PathBuf>) -> Records {
    Records {
        pending: paths.into_iter(),
        open: Vec::new(),
    }
}

use crate::domain::limits::RECORD_BYTES;

/// The next line of a bundle, at most [`RECORD_BYTES`] long: a longer one (a bundle of zeros,
/// no line break) is an error, and the rest of the bundle is not read.
fn next_line(reader: &mut BufReader<File>) -> Option<std::io::Result<String>> {
    let mut buf = Vec::new();
    match reader.take(RECORD_BYTES + 1).read_until(b'\n', &mut buf) {
        Ok(0) => None,
        Ok(_) if buf.len() as u64 > RECORD_BYTES => Some(Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("a line longer than {} MiB", RECORD_BYTES / (1024 * 1024)),
        ))),
        Ok(_) => {
            while buf.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                buf.pop();
            }
            Some(
                String::from_utf8(buf).map_err(|e| {
                    std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string())
                }),
            )
        }
        Err(e) => Some(Err(e)),
    }
}

fn is_bundle(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "jsonl")
}

fn read_one(path: PathBuf) -> Item {
    let origin = Origin { path, line: None };
    match super::read_bounded(&origin.path, RECORD_BYTES) {
        Ok(bytes) => match parse_record(&bytes) {
            Ok(r) => Ok((origin, r)),
            Err(d) => Err((origin, d)),
        },
        Err(e) => Err((origin, Damage::Unreadable(e.to_string()))),
    }
}

impl Records {
    /// Opens a bundle to read next; a bundle that cannot be opened is returned as an item.
    fn open_bundle(&mut self, path: PathBuf) -> Option<Item> {
        match File::open(&path) {
            Ok(f) => {
                self.open.push(Open::Bundle(path, BufReader::new(f), 0));
                None
            }
            Err(e) => {
                let origin = Origin { path, line: None };
                Some(Err((origin, Damage::Unreadable(e.to_string()))))
            }
        }
    }
}

impl Iterator for Records {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            match self.open.last_mut() {
                Some(Open::Dir(dir, entries)) => match entries.next() {
                    Some(Ok(entry)) => {
                        let path = entry.path();
                        let name = entry.file_name();
                        let name = name.to_string_lossy();
                        if name.starts_with('.') || !path.is_file() {
                            continue;
                        }
                        if name.ends_with(".json") {
                            return Some(read_one(path));
                        }
                        if is_bundle(&path) {
                            // Read the bundle now; the folder resumes after it.
                            match self.open_bundle(path) {
                                None => continue,
                                failed => return failed,
                            }
                        }
                    }
                    Some(Err(e)) => {
                        let origin = Origin {
                            path: dir.clone(),
                            line: None,
                        };
                        return Some(Err((origin, Damage::Unreadable(e.to_string()))));
                    }
                    None => {
                        self.open.pop();
                    }
                },
                Some(Open::Bundle(path, reader, n)) => match next_line(reader) {
                    Some(Ok(line)) => {
                        *n += 1;
                        if line.trim().is_empty() {
                            continue;
                        }
                        let origin = Origin {
                            path: path.clone(),
                            line: Some(*n),
                        };
                        return Some(match parse_record(line.as_bytes()) {
                            Ok(r) => Ok((origin, r)),
                            Err(d) => Err((origin, d)),
                        });
                    }
                    Some(Err(e)) => {
                        *n += 1;
                        let origin = Origin {
                            path: path.clone(),
                            line: Some(*n),
                        };
                        let err = Err((origin, Damage::Unreadable(e.to_string())));
                        self.open.pop();
                        return Some(err);
                    }
                    None => {
                        self.open.pop();
                    }
                },
                None => {
                    let path = self.pending.next()?;
                    if path.is_dir() {
                        match fs::read_dir(&path) {
                            Ok(rd) => self.open.push(Open::Dir(path, rd)),
                            Err(e) => {
                                let origin = Origin { path, line: None };
                                return Some(Err((origin, Damage::Unreadable(e.to_string()))));
                            }
                        }
                    } else if is_bundle(&path) {
                        if let failed @ Some(_) = self.open_bundle(path) {
                            return failed;
                        }
                    } else {
                        return Some(read_one(path));
                    }
                }
            }
        }
    }
}
