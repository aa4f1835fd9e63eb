//! A field decision as data: the scored candidates a rule set proposed, the one chosen,
//! the runner-up, and how sure the choice is. Below its field's threshold a decision
//! chooses nothing: a wrong field is worse than an empty one.

use serde::Serialize;

/// One proposed value for a field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The value as it would be stored (a date in RFC 3339).
    pub value: String,
    /// The rule that proposed it, e.g. `line_before_date`, `by_prefix`, `whole_line`.
    pub rule: &'static str,
    /// The summed rule weights.
    pub score: f32,
    /// First and last source line, counted from 1.
    pub lines: (usize, usize),
    /// Index of the unit it came from (not serialised; source lines say where).
    #[serde(skip)]
    pub unit: usize,
    /// What the score was summed from, for rules that weigh measured signals: each
    /// signal's name, value and weight (the lexicon's `FIELD.NAME`). Signals that are
    /// zero are left out.
    pub signals: Vec<Signal>,
}

/// One measured signal of a candidate: its score adds `value * weight`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Signal {
    #[serde(skip)]
    pub name: &'static str,
    pub value: f32,
    pub weight: f32,
}

/// The measured signals of one candidate, by index into the field's signal names; a
/// candidate's score is their sum weighted by the field's lexicon weights.
#[derive(Clone)]
pub struct Measured<const N: usize>([f32; N]);

impl<const N: usize> Default for Measured<N> {
    fn default() -> Self {
        Measured([0.0; N])
    }
}

impl<const N: usize> Measured<N> {
    pub fn set(&mut self, i: usize, v: f32) {
        self.0[i] = v;
    }

    pub fn flag(&mut self, i: usize, on: bool) {
        self.0[i] = if on { 1.0 } else { 0.0 };
    }

    /// Whether signal `i` was measured as more than zero.
    pub fn on(&self, i: usize) -> bool {
        self.0[i] > 0.0
    }

    pub fn score(&self, weights: &[f32; N]) -> f32 {
        self.0.iter().zip(weights).map(|(x, w)| x * w).sum()
    }

    /// The signals that are not zero, with their names and weights.
    pub fn named(&self, names: &[&'static str; N], weights: &[f32; N]) -> Vec<Signal> {
        names
            .iter()
            .zip(self.0)
            .zip(weights)
            .filter(|((_, v), _)| *v != 0.0)
            .map(|((&name, value), &weight)| Signal {
                name,
                value,
                weight,
            })
            .collect()
    }
}

/// The lexicon weights `FIELD.NAME` of a field's signals (0 for a name not there).
pub fn field_weights<const N: usize>(field: &str, names: &[&str; N]) -> [f32; N] {
    names.map(|name| super::features::lexicon().weight(&format!("{field}.{name}")))
}

/// The outcome for one field.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Decision {
    /// The chosen candidate, `None` when none reached the threshold.
    pub chosen: Option<Candidate>,
    /// 0..1: 0.5 at the field's threshold, rising with the margin above it.
    pub confidence: f32,
    /// The best candidate not chosen (the best one at all when the field stays empty).
    pub runner_up: Option<Candidate>,
    /// Every candidate, best first (the chosen one and the runner-up among them).
    pub considered: Vec<Candidate>,
}

/// Picks the highest-scoring candidate if it reaches `threshold`; ties go to the earlier
/// line. Candidates with the same value as the winner are not runners-up.
pub fn decide(candidates: Vec<Candidate>, threshold: f32) -> Decision {
    decide_led(candidates, threshold, 0.0)
}

/// The most a lead over the runner-up counts, in score points.
const MAX_LEAD: f32 = 1.0;

/// As [`decide`], where the best candidate's lead over the best one with another value
/// counts too: `lead` times that lead (at most [`MAX_LEAD`]; a candidate alone leads by
/// that much) is added to its score before it meets `threshold`. Each candidate is scored
/// on its own, so a line far ahead of every other is likelier right than its own score
/// says; one neck and neck with another is not.
pub fn decide_led(mut candidates: Vec<Candidate>, threshold: f32, lead: f32) -> Decision {
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.lines.0.cmp(&b.lines.0))
    });
    let Some(best) = candidates.first().cloned() else {
        return Decision::default();
    };
    let ahead = candidates
        .iter()
        .find(|c| c.value != best.value)
        .map_or(MAX_LEAD, |c| (best.score - c.score).min(MAX_LEAD));
    let score = best.score + lead * ahead;
    let confidence = 1.0 / (1.0 + (-(score - threshold)).exp());
    if score < threshold {
        return Decision {
            chosen: None,
            confidence,
            runner_up: Some(best),
            considered: candidates,
        };
    }
    let runner_up = candidates.iter().find(|c| c.value != best.value).cloned();
    Decision {
        chosen: Some(best),
        confidence,
        runner_up,
        considered: candidates,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(value: &str, score: f32, line: usize) -> Candidate {
        Candidate {
            value: value.to_string(),
            rule: "test",
            score,
            lines: (line, line),
            unit: line,
            signals: Vec::new(),
        }
    }

    #[test]
    fn best_above_threshold_wins_with_a_distinct_runner_up() {
        let d = decide(
            vec![cand("a", 3.0, 1), cand("b", 5.0, 2), cand("b", 4.0, 3)],
            2.0,
        );
        assert_eq!(d.chosen.map(|c| c.value), Some("b".into()));
        assert_eq!(d.runner_up.map(|c| c.value), Some("a".into()));
        assert!(d.confidence > 0.9);
    }

    #[test]
    fn a_wide_lead_makes_up_for_a_low_score() {
        let far = vec![cand("a", 1.6, 1), cand("b", -0.5, 2)];
        assert_eq!(decide(far.clone(), 2.0).chosen, None);
        let d = decide_led(far, 2.0, 0.5);
        assert_eq!(d.chosen.map(|c| c.value), Some("a".into()));
        assert!(d.confidence > 0.5);
        let close = vec![cand("a", 1.6, 1), cand("b", 1.5, 2)];
        assert_eq!(decide_led(close, 2.0, 0.5).chosen, None);
    }

    #[test]
    fn below_threshold_stays_empty() {
        let d = decide(vec![cand("a", 1.0, 1)], 2.0);
        assert_eq!(d.chosen, None);
        assert!(d.confidence < 0.5);
        assert_eq!(d.runner_up.map(|c| c.value), Some("a".into()));
    }
}
