//! Plain values from the command line made ready for the engine: the index path resolved,
//! colour decided, date bounds parsed and checked, and the limits the command line enforces.
//! A leaf: callers pass plain values, so nothing here knows about argument parsing.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use newsdex::search::bounds::{self, Span};
use newsdex::Result;

pub use newsdex::search::{MAX_FRAGMENTS, MAX_LIMIT};

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

/// Colour on stdout: `Some(on)` as asked (`--color always|never`); `None` (auto) means a
/// terminal, `NO_COLOR` unset or empty, and `TERM` not `dumb`.
pub fn use_color(forced: Option<bool>) -> bool {
    forced.unwrap_or_else(|| {
        std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
    })
}

/// The date range of `--from`, `--to` and `--since` (relative to today): both ends
/// inclusive, the later of `--from` and `--since` bounding the start. Refuses a range
/// that ends before it starts.
pub fn date_range(
    from: Option<&str>,
    to: Option<&str>,
    since: Option<&str>,
) -> Result<(Option<Span>, Option<Span>)> {
    bounds::date_range(
        &bounds::FLAGS,
        from,
        to,
        since,
        time::OffsetDateTime::now_utc(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_as_forced() {
        assert!(use_color(Some(true)));
        assert!(!use_color(Some(false)));
    }

    #[test]
    fn date_ranges_are_checked() {
        let (from, to) = date_range(Some("2014"), Some("2014-03"), None).unwrap();
        assert!(from.is_some() && to.is_some());
        assert!(date_range(Some("2015"), Some("2014"), None).is_err());
        assert!(date_range(Some("someday"), None, None).is_err());
        assert_eq!(date_range(None, None, None).unwrap(), (None, None));
    }

    #[test]
    fn the_later_of_from_and_since_wins() {
        let (from, _) = date_range(Some("1990"), None, Some("30d")).unwrap();
        let (since, _) = date_range(None, None, Some("30d")).unwrap();
        assert_eq!(from, since);
    }
}
