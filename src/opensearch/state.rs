//! What a push keeps in the local index for one target (`INDEX/pushes/ALIAS-<hash>/`):
//! `state.json` (the cluster index being loaded and whether the alias points at it),
//! `pushed.bin` (the ids and catalog signatures the cluster acknowledged, sorted), and a
//! journal of the acknowledged operations appended and synced after every batch, so a
//! push killed at any point resumes from the table and the journal. An exclusive file
//! lock keeps two pushes to one target apart.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The push state kept in the local index for one target.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct State {
    pub(super) url: String,
    pub(super) alias: String,
    pub(super) index: String,
    pub(super) schema_version: u32,
    /// Whether the alias points at `index` (a first load that was stopped has not).
    pub(super) aliased: bool,
}

/// One op in the journal: 1 byte kind, id, signature (little-endian).
const RECORD: usize = 17;

pub(super) struct Store {
    dir: PathBuf,
    _lock: File,
}

impl Store {
    pub(super) fn open(index_dir: &Path, url: &str, alias: &str) -> Result<Self> {
        let key = xxhash_rust::xxh3::xxh3_64(format!("{url}/{alias}").as_bytes());
        let dir = index_dir.join("pushes").join(format!("{alias}-{key:016x}"));
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let lock_path = dir.join("lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| Error::io(&lock_path, e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::Input {
                    path: dir,
                    reason: "another `newsdex push` to this target is running".to_string(),
                })
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&lock_path, e)),
        }
        Ok(Store { dir, _lock: lock })
    }

    pub(super) fn state(&self) -> Result<Option<State>> {
        let path = self.dir.join("state.json");
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|e| Error::Input {
                    path,
                    reason: format!("unreadable push state ({e}); remove it to push afresh"),
                }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    fn write_atomically(&self, name: &str, bytes: &[u8]) -> Result<()> {
        let path = self.dir.join(name);
        let tmp = self.dir.join(format!("{name}.tmp"));
        let mut f = File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        f.write_all(bytes).map_err(|e| Error::io(&tmp, e))?;
        f.sync_all().map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))?;
        Ok(())
    }

    pub(super) fn save_state(&self, s: &State) -> Result<()> {
        let bytes = serde_json::to_vec_pretty(s).unwrap_or_default();
        self.write_atomically("state.json", &bytes)
    }

    /// The pushed table with the journal applied.
    pub(super) fn pushed(&self) -> Result<BTreeMap<u64, u64>> {
        let mut map = BTreeMap::new();
        let table = self.dir.join("pushed.bin");
        match std::fs::read(&table) {
            Ok(bytes) => {
                for rec in bytes.chunks_exact(16) {
                    let id = u64::from_le_bytes(rec[..8].try_into().unwrap_or_default());
                    let sig = u64::from_le_bytes(rec[8..].try_into().unwrap_or_default());
                    map.insert(id, sig);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(table, e)),
        }
        let journal = self.dir.join("journal");
        let mut bytes = Vec::new();
        match File::open(&journal) {
            Ok(mut f) => {
                f.read_to_end(&mut bytes)
                    .map_err(|e| Error::io(&journal, e))?;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(journal, e)),
        }
        // A record cut short by a crash is ignored: its batch is sent again.
        for rec in bytes.chunks_exact(RECORD) {
            let id = u64::from_le_bytes(rec[1..9].try_into().unwrap_or_default());
            let sig = u64::from_le_bytes(rec[9..].try_into().unwrap_or_default());
            match rec[0] {
                b'I' => {
                    map.insert(id, sig);
                }
                b'D' => {
                    map.remove(&id);
                }
                _ => {}
            }
        }
        Ok(map)
    }

    /// Writes the table and empties the journal.
    pub(super) fn compact(&self, pushed: &BTreeMap<u64, u64>) -> Result<()> {
        let mut bytes = Vec::with_capacity(pushed.len() * 16);
        for (id, sig) in pushed {
            bytes.extend_from_slice(&id.to_le_bytes());
            bytes.extend_from_slice(&sig.to_le_bytes());
        }
        self.write_atomically("pushed.bin", &bytes)?;
        let journal = self.dir.join("journal");
        match std::fs::remove_file(&journal) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::io(journal, e)),
        }
    }

    /// Starts over: no table, no journal.
    pub(super) fn reset(&self) -> Result<()> {
        self.compact(&BTreeMap::new())
    }

    pub(super) fn journal(&self) -> Result<Journal> {
        let path = self.dir.join("journal");
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        Ok(Journal { file, path })
    }
}

pub(super) struct Journal {
    file: File,
    path: PathBuf,
}

impl Journal {
    /// Records acknowledged ops and syncs them to disk.
    pub(super) fn record(&mut self, ops: &[(u8, u64, u64)]) -> Result<()> {
        if ops.is_empty() {
            return Ok(());
        }
        let mut bytes = Vec::with_capacity(ops.len() * RECORD);
        for &(kind, id, sig) in ops {
            bytes.push(kind);
            bytes.extend_from_slice(&id.to_le_bytes());
            bytes.extend_from_slice(&sig.to_le_bytes());
        }
        self.file
            .write_all(&bytes)
            .and_then(|()| self.file.sync_data())
            .map_err(|e| Error::io(&self.path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_journal_replays_over_the_table_and_ignores_a_torn_record() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), "http://127.0.0.1:9200", "news").unwrap();
        let mut table = BTreeMap::new();
        table.insert(1, 10);
        table.insert(2, 20);
        store.compact(&table).unwrap();
        let mut j = store.journal().unwrap();
        j.record(&[(b'I', 3, 30), (b'D', 1, 0), (b'I', 2, 21)])
            .unwrap();
        // A record cut short by a crash.
        j.file.write_all(&[b'I', 9, 9]).unwrap();
        let pushed = store.pushed().unwrap();
        assert_eq!(pushed.into_iter().collect::<Vec<_>>(), [(2, 21), (3, 30)]);
        // A second push to the same target waits for none: it is refused.
        let again = Store::open(dir.path(), "http://127.0.0.1:9200", "news");
        assert!(again.is_err());
        drop(store);
        assert!(Store::open(dir.path(), "http://127.0.0.1:9200", "news").is_ok());
    }
}
