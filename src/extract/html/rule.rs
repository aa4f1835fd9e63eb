//! Provenance of an extracted field: the name of the rule that chose it and how sure
//! that rule is. The readers of each field return one beside the value; the
//! orchestrator hands them on without putting them in the article.

/// Which rule chose a field, and how sure it is (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub name: &'static str,
    pub confidence: f32,
}
