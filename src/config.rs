//! From command-line arguments to validated request structs: the index path resolved,
//! colour decided, dates parsed into spans, limits checked. Keeps the CLI files thin and
//! the engine free of argument handling.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::{ColorChoice, SearchArgs};
use crate::error::Result;
use crate::search::{bounds, SearchRequest};

/// `--index`, else `$NEWSDEX_INDEX`, else the default location: `$XDG_DATA_HOME/newsdex/index`,
/// else `~/.local/share/newsdex/index`, else `.newsdex-index`. A variable set to the empty
/// string counts as unset, as shells leave them (`NEWSDEX_INDEX= newsdex ...`).
pub fn index_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(p) = flag {
        return p.to_path_buf();
    }
    let non_empty = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    if let Some(x) = non_empty("NEWSDEX_INDEX") {
        return PathBuf::from(x);
    }
    if let Some(x) = non_empty("XDG_DATA_HOME") {
        return PathBuf::from(x).join("newsdex").join("index");
    }
    if let Some(h) = non_empty("HOME") {
        return PathBuf::from(h).join(".local/share/newsdex/index");
    }
    PathBuf::from(".newsdex-index")
}

/// Colour on stdout: `always`/`never` as asked; `auto` means a terminal, `NO_COLOR` unset
/// or empty, and `TERM` not `dumb`.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

/// The largest page a search returns; beyond it, use --offset.
pub const MAX_LIMIT: usize = 10_000;

pub fn search_request(a: &SearchArgs) -> Result<SearchRequest> {
    let mut from = a
        .from
        .as_deref()
        .map(|s| bounds::Bound::parse("--from", s))
        .transpose()?;
    if let Some(since) = &a.since {
        let since = bounds::Bound::since(since, time::OffsetDateTime::now_utc())?;
        // The later of --from and --since bounds the range.
        if from
            .as_ref()
            .is_none_or(|f| f.span.start < since.span.start)
        {
            from = Some(since);
        }
    }
    let fresh = if a.fresh {
        Some(bounds::duration_secs("--half-life", &a.half_life)?)
    } else {
        None
    };
    let to =
        a.to.as_deref()
            .map(|s| bounds::Bound::parse("--to", s))
            .transpose()?;
    bounds::check_range(from.as_ref(), to.as_ref())?;
    Ok(SearchRequest {
        query: a.query.join(" "),
        any: a.any,
        from: from.map(|b| b.span),
        to: to.map(|b| b.span),
        sort: a.sort.into(),
        // clap has checked both ranges (`cli::search`); these bounds guard other callers.
        limit: a.limit.min(MAX_LIMIT),
        offset: a.offset,
        fragments: a.fragments.clamp(1, crate::cli::search::MAX_FRAGMENTS),
        fresh,
        collapse: !a.no_collapse,
    })
}
