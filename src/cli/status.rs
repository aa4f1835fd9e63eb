//! The exit status of a run, and its one mapping to the process exit code: 0 success (for
//! `search`, `similar`, `timeline`, `facets`: something was found), 1 nothing found,
//! 2 error (also a command that finished but failed on some of its input).

use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Done; for the commands that look things up, something was found.
    Success,
    /// Done, and the query matched nothing.
    NothingFound,
    /// An error, or input the command could not handle (a file `index` skipped).
    Failed,
}

impl Status {
    /// `Success` when something was found, else `NothingFound`.
    pub fn found(found: bool) -> Self {
        if found {
            Status::Success
        } else {
            Status::NothingFound
        }
    }

    /// The process exit code of this status.
    pub fn code(self) -> u8 {
        match self {
            Status::Success => 0,
            Status::NothingFound => 1,
            Status::Failed => 2,
        }
    }
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> Self {
        ExitCode::from(s.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_the_contract() {
        assert_eq!(Status::found(true).code(), 0);
        assert_eq!(Status::found(false).code(), 1);
        assert_eq!(Status::Failed.code(), 2);
    }
}
