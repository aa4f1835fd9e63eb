//! `Read`: one record as a collection reader (`reuters`, `trec`) hands it to the record
//! loop.

use crate::article::Fields;

/// One record as a collection reader returns it.
pub(super) struct Read {
    pub(super) fields: Fields,
    /// The record's own id as a key ("NEWID=12", "AP880212-0001"); `None` when it has none.
    pub(super) key: Option<String>,
}
