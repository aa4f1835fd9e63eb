//! `Item`: one story as a dialect hands it to the XML orchestrator, before finishing.

use crate::article::Fields;

/// One story found by a dialect, before finishing.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// The item's own id, used as the record key in multi-item files.
    pub id: Option<String>,
    pub fields: Fields,
}
