//! Why each field of an article is what it is: the rule that chose it, how sure that rule
//! is, which lines of the input it came from, and the best candidate not chosen. This is
//! what `newsdex extract --explain` shows, so that a user with a strange archive can see
//! (and report) why a field came out as it did.
//!
//! The scored plain-text extractor records all of it; the HTML extractor records the rule
//! and confidence of its title and date; formats whose records name their fields (JSON,
//! XML, SGML, wire text) take each field from the record itself.

use serde::Serialize;

use crate::extract::html;
use crate::extract::text::{self, Decision};

/// The explanation of one file's extraction.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// The extractor that decided: `text` (scored plain text), `html`, or `record` (the
    /// format's own fields).
    pub extractor: &'static str,
    /// Title, date, byline and body, in that order.
    pub fields: Vec<FieldChoice>,
    /// Plain text only: every logical line of the input with its class, and whether it
    /// went into the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<Vec<text::UnitClass>>,
}

/// How one field was chosen.
#[derive(Debug, Clone, Serialize)]
pub struct FieldChoice {
    pub field: &'static str,
    /// The rule that chose the value; `None` when no candidate reached the field's
    /// threshold (the field is left empty rather than guessed).
    pub rule: Option<&'static str>,
    /// 0..1, to three decimals; 0.5 is the field's threshold. `None` where the extractor
    /// does not score.
    pub confidence: Option<f64>,
    /// First and last line of the input the value came from, counted from 1.
    pub lines: Option<(usize, usize)>,
    /// The best candidate not chosen (for an empty field: the best one, below threshold).
    pub runner_up: Option<Alternative>,
    /// Plain text only: every candidate proposed, best first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Considered>,
}

/// A candidate with its score and the signals it was summed from.
#[derive(Debug, Clone, Serialize)]
pub struct Considered {
    pub value: String,
    pub rule: &'static str,
    pub score: f64,
    pub lines: (usize, usize),
    /// Each signal's value and weight, by name.
    pub signals: std::collections::BTreeMap<&'static str, Weighed>,
}

/// A signal's value and the weight it is multiplied by.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Weighed {
    pub value: f64,
    pub weight: f64,
}

/// A candidate value that lost.
#[derive(Debug, Clone, Serialize)]
pub struct Alternative {
    pub value: String,
    pub rule: &'static str,
    pub lines: (usize, usize),
}

/// The explanation of a plain-text extraction.
pub fn of_text(raw: &str) -> Explanation {
    let e = text::explain(raw);
    let body = FieldChoice {
        field: "body",
        rule: Some(e.body.rule),
        confidence: None,
        lines: e.body.lines,
        runner_up: None,
        candidates: Vec::new(),
    };
    Explanation {
        extractor: "text",
        fields: vec![
            scored("title", &e.title),
            scored("date", &e.date),
            scored("byline", &e.byline),
            body,
        ],
        units: Some(e.units),
    }
}

/// The explanation of an HTML page's extraction.
pub fn of_html(page: &str, path: Option<&str>) -> Explanation {
    let (fields, provenance) = html::extract_explained(page, path);
    let ruled = |field, rule: Option<html::Rule>| FieldChoice {
        field,
        rule: rule.map(|r| r.name),
        confidence: rule.map(|r| rounded(r.confidence)),
        lines: None,
        runner_up: None,
        candidates: Vec::new(),
    };
    Explanation {
        extractor: "html",
        fields: vec![
            ruled("title", provenance.title),
            ruled("date", provenance.date),
            unscored_if(
                "byline",
                "page_metadata_or_byline_element",
                fields.byline.is_some(),
            ),
            unscored_if("body", "main_text", !fields.body.trim().is_empty()),
        ],
        units: None,
    }
}

/// The explanation of a format whose records carry their fields (`format` names it).
pub fn of_record() -> Explanation {
    Explanation {
        extractor: "record",
        fields: ["title", "date", "byline", "body"]
            .into_iter()
            .map(|f| unscored(f, "record_field"))
            .collect(),
        units: None,
    }
}

fn scored(field: &'static str, d: &Decision) -> FieldChoice {
    FieldChoice {
        field,
        rule: d.chosen.as_ref().map(|c| c.rule),
        confidence: Some(rounded(d.confidence)),
        lines: d.chosen.as_ref().map(|c| c.lines),
        runner_up: d.runner_up.as_ref().map(|c| Alternative {
            value: c.value.clone(),
            rule: c.rule,
            lines: c.lines,
        }),
        candidates: d
            .considered
            .iter()
            .map(|c| Considered {
                value: c.value.clone(),
                rule: c.rule,
                score: rounded(c.score),
                lines: c.lines,
                signals: c
                    .signals
                    .iter()
                    .map(|s| {
                        let w = Weighed {
                            value: rounded(s.value),
                            weight: rounded(s.weight),
                        };
                        (s.name, w)
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn rounded(confidence: f32) -> f64 {
    (f64::from(confidence) * 1000.0).round() / 1000.0
}

/// An unscored rule, named only when it gave the field a value.
fn unscored_if(field: &'static str, rule: &'static str, found: bool) -> FieldChoice {
    FieldChoice {
        rule: found.then_some(rule),
        ..unscored(field, rule)
    }
}

fn unscored(field: &'static str, rule: &'static str) -> FieldChoice {
    FieldChoice {
        field,
        rule: Some(rule),
        confidence: None,
        lines: None,
        runner_up: None,
        candidates: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_names_rule_lines_and_runner_up() {
        let raw =
            "Daily Courier\n\nMinisters sign Caspian pipeline accord\nMarch 3, 2014, 9:15 am\n\n\
            Energy ministers from three countries signed an agreement on Monday to build a \
            pipeline under the Caspian Sea, ending years of talks.\n\n\
            The pipeline will carry gas to Europe from 2019, officials said at the ceremony.\n\n\
            By Anna Novak\n";
        let e = of_text(raw);
        assert_eq!(e.extractor, "text");
        let names: Vec<_> = e.fields.iter().map(|f| f.field).collect();
        assert_eq!(names, ["title", "date", "byline", "body"]);
        let title = &e.fields[0];
        assert!(title.rule.is_some(), "{title:?}");
        assert_eq!(title.lines, Some((3, 3)), "{title:?}");
        assert!(title.confidence.is_some_and(|c| c >= 0.5), "{title:?}");
        let date = &e.fields[1];
        assert_eq!(date.lines, Some((4, 4)), "{date:?}");
        // The masthead was a candidate and lost, and says why in its signals.
        let masthead = title
            .candidates
            .iter()
            .find(|c| c.value == "Daily Courier")
            .expect("masthead considered");
        assert!(masthead.score < title.candidates[0].score, "{title:?}");
        assert!(masthead.signals["names"].weight < 0.0, "{masthead:?}");
        assert!(title.runner_up.is_some(), "{title:?}");
        assert!(e.units.is_some_and(|u| !u.is_empty()));
    }

    #[test]
    fn html_names_the_rules_of_title_and_date() {
        let page = "<html><head><title>Harbour reopens | Daily Courier</title>\
            <meta property=\"og:site_name\" content=\"Daily Courier\"></head><body>\
            <h1>Harbour reopens</h1><time datetime=\"2019-06-27T10:00:00Z\">27 June 2019</time>\
            <p>The harbour reopened on Thursday after a year of repairs to its walls.</p></body></html>";
        let e = of_html(page, None);
        assert_eq!(e.extractor, "html");
        assert!(e.fields[0].rule.is_some(), "{:?}", e.fields[0]);
        assert!(e.fields[1].rule.is_some(), "{:?}", e.fields[1]);
        assert!(e.units.is_none());
        // No byline on the page: no rule is named for it.
        assert_eq!(e.fields[2].rule, None, "{:?}", e.fields[2]);
        assert_eq!(e.fields[3].rule, Some("main_text"));
    }
}
