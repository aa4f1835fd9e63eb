//! Opening the index directory for an indexing run: creating it (with the doc store's
//! compression settings), checking the manifest's schema version and archive, and what
//! `--rebuild` does to an index that is healthy, damaged or of another schema.

use std::path::Path;

use tantivy::Index;

use crate::error::{Error, Result};
use crate::index::manifest::{self, Manifest};
use crate::index::schema::IndexSchema;

/// How a run starts from the index it opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Opened {
    /// Compare each file with what the index has of it.
    Incremental,
    /// Read every file again: the last run read them with other options (`--as`,
    /// `--json-*`), so their stamps say nothing about what a read gives now.
    Reread,
    /// `--rebuild` of a healthy index of this schema: replace everything in one commit.
    Replace,
}

/// The index in `dir` when every file its last commit lists is there and passes its
/// checksum (it reads the whole index once): only then can `--rebuild` keep it searchable
/// while the new one is built, since the rebuild's commit has to go through it.
fn healthy_index(dir: &Path) -> Option<Index> {
    let directory = tantivy::directory::MmapDirectory::open(dir).ok()?;
    if !Index::exists(&directory).unwrap_or(false) {
        return None;
    }
    let index = Index::open_in_dir(dir).ok()?;
    let metas = index.load_metas().ok()?;
    // The list names a delete file for every segment, which only segments with deletes
    // have; those are checked by the checksum pass when present.
    let all_there = metas
        .list_segment_files()
        .iter()
        .filter(|f| f.extension().is_none_or(|e| e != "del"))
        .all(|f| dir.join(f).is_file());
    let intact = index.validate_checksum().ok()?.is_empty();
    (all_there && intact && index.reader().is_ok()).then_some(index)
}

/// Opens the index for a run, creating it when the directory is new, and says how the
/// run starts (`Opened`). `--rebuild` keeps a healthy index of this schema in place, to be
/// replaced by the run's one commit; a damaged one, or one of another schema, is cleared.
pub(super) fn open_for_writing(
    dir: &Path,
    schema: &IndexSchema,
    rebuild: bool,
    archive: &Path,
    read_options: &str,
) -> Result<(Index, Opened)> {
    let manifest = Manifest::read(dir);
    let unclaimed = manifest::is_unclaimed(dir)?;
    match manifest {
        Ok(Some(m)) if !rebuild && m.schema_version != schema.version => {
            return Err(Error::SchemaVersion {
                path: dir.to_path_buf(),
                found: m.schema_version,
                expected: schema.version,
            })
        }
        Ok(Some(m)) if !rebuild => {
            // Paths in the index are relative to the archive: another archive's run would
            // delete all of them as "vanished".
            if m.archive != archive {
                return Err(Error::OtherArchive {
                    index: dir.to_path_buf(),
                    holds: m.archive,
                    archive: archive.to_path_buf(),
                });
            }
            let reread = m.read_options != read_options || m.reread_pending;
            if reread && !m.reread_pending {
                // Recorded before any article is re-read: a run killed half-way leaves
                // articles read both ways, and the next run must re-read them all.
                Manifest {
                    read_options: read_options.to_string(),
                    reread_pending: true,
                    ..m.clone()
                }
                .write(dir)?;
            }
            // A run killed between writing the manifest and creating the index left no
            // index yet: create it now.
            let exists = tantivy::directory::MmapDirectory::open(dir)
                .ok()
                .is_some_and(|d| Index::exists(&d).unwrap_or(false));
            if exists {
                let index = Index::open_in_dir(dir).map_err(|e| Error::damaged(dir, e))?;
                let how = if reread {
                    Opened::Reread
                } else {
                    Opened::Incremental
                };
                return Ok((index, how));
            }
            return Ok((create_index(dir, schema)?, Opened::Incremental));
        }
        Ok(Some(m)) if m.schema_version == schema.version => {
            // --rebuild: a healthy index stays searchable until the new one is committed.
            // The manifest is rewritten (new archive, options) after that commit.
            if let Some(index) = healthy_index(dir) {
                return Ok((index, Opened::Replace));
            }
        }
        Ok(None) if !unclaimed => {
            return Err(Error::NotAnIndex {
                path: dir.to_path_buf(),
            })
        }
        Err(e) if !rebuild => return Err(e),
        _ => {}
    }
    if !unclaimed {
        clear_index_dir(dir)?;
    }
    // The manifest goes first: a directory with a manifest is ours (and may be cleared by
    // --rebuild); searches during the first run find no index until tantivy's is created,
    // then an index, empty until the first commit, never "not an index" (see
    // `manifest::is_unclaimed` for the moment the manifest is being written).
    Manifest::new(
        schema.version,
        archive.to_path_buf(),
        read_options.to_string(),
        false,
    )
    .write(dir)?;
    Ok((create_index(dir, schema)?, Opened::Incremental))
}

/// Stored bodies dominate an index's size: they are kept with zstd (level 9) in 32 KiB
/// blocks, which keeps the index smaller than the text it holds, where tantivy's default
/// (LZ4 in 16 KiB blocks) makes it bigger. Every hit shown decompresses its block, so the
/// block size is what a page of hits costs to read: against 64 KiB blocks, 32 KiB ones
/// make the index 2.5% bigger and a whole-process search about 0.9x the CPU; 16 KiB ones
/// were no faster and 5% bigger (BENCHMARKS.md, "Index size" and "Copy clusters"). The
/// hits of a page are read in parallel (`search::Searcher`).
fn create_index(dir: &Path, schema: &IndexSchema) -> Result<Index> {
    let settings = tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(DOCSTORE_ZSTD_LEVEL),
        }),
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..Default::default()
    };
    Index::builder()
        .schema(schema.schema.clone())
        .settings(settings)
        .create_in_dir(dir)
        .map_err(|e| Error::tantivy(dir, e))
}

/// zstd level of the docstore (see `create_index`).
const DOCSTORE_ZSTD_LEVEL: i32 = 9;
/// Bytes of stored documents per compressed block.
const DOCSTORE_BLOCK_BYTES: usize = 32 * 1024;

/// Empties an index directory for `--rebuild`, but for its manifest, which the caller
/// rewrites next. Only reached when it holds a manifest (valid or damaged), so a directory
/// that is not ours is never touched; keeping it means the directory is never seen without
/// one, by a search meanwhile or by the run after a rebuild killed half-way.
fn clear_index_dir(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        if entry.file_name() == manifest::FILE_NAME {
            continue;
        }
        let path = entry.path();
        let res = if entry.file_type().is_ok_and(|t| t.is_dir()) {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        res.map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::clear_index_dir;
    use crate::index::manifest::FILE_NAME;

    #[test]
    fn clearing_for_a_rebuild_keeps_the_manifest() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "{").unwrap();
        std::fs::write(dir.path().join("meta.json"), "{}").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/x"), "x").unwrap();
        clear_index_dir(dir.path()).unwrap();
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, [FILE_NAME]);
    }
}
