//! Where a search runs: the local index (`search::Searcher`) or an OpenSearch cluster
//! (`opensearch::remote::Remote`). Both return the same plain data, so each command asks
//! a `Backend` and hands the answer to the same printer.

use std::path::Path;

use crate::article::{Article, DocId};
use crate::error::Result;
use crate::index::{Manifest, OpenIndex};
use crate::opensearch::client::Connection;
use crate::opensearch::remote::Remote;
use crate::search::aggregate::{Facets, Timeline};
use crate::search::{
    Copies, FacetsRequest, SearchRequest, SearchResults, Searcher, Stats, TimelineRequest,
};

pub enum Backend {
    Local(Box<Searcher>),
    Remote(Remote),
}

impl Backend {
    /// The cluster `engine` names when given, else the index at `index_dir`.
    pub fn open(index_dir: &Path, engine: Option<&Connection>) -> Result<Self> {
        Ok(match engine {
            Some(conn) => Backend::Remote(Remote::connect(conn)?),
            None => Backend::Local(Box::new(Searcher::new(OpenIndex::open(index_dir)?)?)),
        })
    }

    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        match self {
            Backend::Local(s) => s.search(req),
            Backend::Remote(r) => r.search(req),
        }
    }

    pub fn similar(&self, id: DocId, limit: usize, follow: bool) -> Result<SearchResults> {
        match self {
            Backend::Local(s) => s.similar(id, limit, follow),
            Backend::Remote(r) => r.similar(id, limit, follow),
        }
    }

    pub fn resolve_id(&self, typed: &str) -> Result<DocId> {
        match self {
            Backend::Local(s) => s.resolve_id(typed),
            Backend::Remote(r) => r.resolve_id(typed),
        }
    }

    pub fn article(&self, id: DocId) -> Result<Article> {
        match self {
            Backend::Local(s) => s.article(id),
            Backend::Remote(r) => r.article(id),
        }
    }

    pub fn copies(&self, id: DocId) -> Result<Copies> {
        match self {
            Backend::Local(s) => s.copies(id),
            Backend::Remote(r) => r.copies(id),
        }
    }

    pub fn timeline(&self, req: &TimelineRequest) -> Result<Timeline> {
        match self {
            Backend::Local(s) => s.timeline(req),
            Backend::Remote(r) => r.timeline(req),
        }
    }

    pub fn facets(&self, req: &FacetsRequest) -> Result<Facets> {
        match self {
            Backend::Local(s) => s.facets(req),
            Backend::Remote(r) => r.facets(req),
        }
    }

    /// The statistics, the manifest of what was indexed, and where the index is (its
    /// directory, or `URL/NAME`).
    pub fn stats(&self) -> Result<(Stats, Manifest, String)> {
        match self {
            Backend::Local(s) => {
                let index = s.index();
                Ok((
                    s.stats()?,
                    index.manifest.clone(),
                    index.dir.display().to_string(),
                ))
            }
            Backend::Remote(r) => {
                let (stats, manifest) = r.stats()?;
                Ok((stats, manifest, r.describe()))
            }
        }
    }
}
