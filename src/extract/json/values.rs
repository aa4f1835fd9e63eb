//! Reading values out of a parsed JSON article: dotted paths, case-insensitive keys, and
//! the shapes exports give a field (strings, numbers, lists, `{"name": ...}` and
//! `{"rendered": ...}` objects) turned into titles, people, bodies, ids and dates.

use serde_json::{Map, Value};

use crate::article::{ArticleDate, DatePrecision};
use crate::extract::date::date_of;
use crate::extract::mojibake::fix_mojibake;
use crate::extract::prose;

/// Author roles that mean "wrote the story".
const WRITER_ROLES: &[&str] = &["author", "writer", "reporter", "correspondent", "byline"];

/// `(byline, authors)` from author values: a string is a byline; a list (of strings or of
/// objects with a name) gives the authors, joined for the byline.
pub(super) fn people(values: &[&Value]) -> (Option<String>, Vec<String>) {
    let mut names = Vec::new();
    let mut single = None;
    for v in values {
        match v {
            Value::String(s) if values.len() == 1 => single = Some(s.clone()),
            Value::Array(items) => {
                // ninjs lists editors and photographers with the writers; when roles
                // say who wrote the story, only they are its authors.
                let writes = |i: &&Value| {
                    i.get("role")
                        .and_then(Value::as_str)
                        .is_some_and(|r| WRITER_ROLES.contains(&r.to_ascii_lowercase().as_str()))
                };
                let any_writer = items.iter().any(|i| writes(&i));
                names.extend(
                    items
                        .iter()
                        .filter(|i| !any_writer || writes(i))
                        .filter_map(person_name),
                );
            }
            other => names.extend(person_name(other)),
        }
    }
    let names: Vec<String> = names
        .into_iter()
        .filter_map(|n| prose::one_line(&n))
        .collect();
    match single {
        Some(s) => (Some(s), Vec::new()),
        None if names.is_empty() => (None, Vec::new()),
        None => (Some(names.join(", ")), names),
    }
}

pub(super) fn person_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => [
            "name",
            "display_name",
            "displayName",
            "full_name",
            "fullname",
        ]
        .iter()
        .find_map(|k| get(o, k).and_then(Value::as_str))
        .map(str::to_string)
        .or_else(|| {
            let first = get(o, "first_name")
                .or_else(|| get(o, "firstName"))?
                .as_str()?;
            let last = get(o, "last_name")
                .or_else(|| get(o, "lastName"))?
                .as_str()?;
            Some(format!("{first} {last}"))
        }),
        _ => None,
    }
}

/// The values at a dotted path. A key containing dots is matched whole first; an array
/// on the way is indexed by a numeric segment, or else every element is followed.
pub(super) fn resolve<'a>(obj: &'a Map<String, Value>, path: &str) -> Vec<&'a Value> {
    let mut out = Vec::new();
    resolve_into(obj, path, &mut out, 0);
    out
}

fn resolve_into<'a>(
    obj: &'a Map<String, Value>,
    path: &str,
    out: &mut Vec<&'a Value>,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    if let Some(v) = get(obj, path) {
        out.push(v);
        return;
    }
    let Some((head, rest)) = path.split_once('.') else {
        return;
    };
    if let Some(v) = get(obj, head) {
        follow(v, rest, out, depth + 1);
    }
}

fn follow<'a>(v: &'a Value, rest: &str, out: &mut Vec<&'a Value>, depth: usize) {
    match v {
        Value::Object(o) => resolve_into(o, rest, out, depth),
        Value::Array(items) => {
            let (head, tail) = rest
                .split_once('.')
                .map_or((rest, None), |(h, t)| (h, Some(t)));
            if let Ok(i) = head.parse::<usize>() {
                match (items.get(i), tail) {
                    (Some(item), Some(t)) => follow(item, t, out, depth + 1),
                    (Some(item), None) => out.push(item),
                    (None, _) => {}
                }
            } else {
                for item in items {
                    follow(item, rest, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// A key, exactly or ignoring ASCII case.
pub(super) fn get<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    obj.get(key).or_else(|| {
        obj.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

pub(super) fn str_at<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    get(obj, key).and_then(Value::as_str)
}

pub(super) fn is_rendered(v: &Value) -> bool {
    v.as_object()
        .is_some_and(|o| o.get("rendered").is_some_and(Value::is_string))
}

pub(super) fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// A one-line value: a string, a number, a `{"rendered": ...}` object, or the first such
/// element of an array.
pub(super) fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o
            .get("rendered")
            .and_then(Value::as_str)
            .map(str::to_string),
        Value::Array(a) => a.iter().find_map(scalar_text),
        _ => None,
    }
    .filter(|s| !s.trim().is_empty())
}

pub(super) fn id_text(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) if o.len() == 1 => o.values().next().and_then(id_text),
        other => scalar_text(other),
    }
    .map(|s| s.trim().to_string())
    .filter(|s| !s.is_empty())
}

/// A body value as paragraphs: HTML or text, a list of paragraphs, paragraph objects.
pub(super) fn body_text(v: &Value) -> String {
    match v {
        Value::String(s) => text_block(s),
        Value::Array(items) => items
            .iter()
            .map(body_text)
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n"),
        Value::Object(o) => ["rendered", "text", "content", "value", "html"]
            .iter()
            .find_map(|k| o.get(*k))
            .map(body_text)
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// HTML through the fragment converter; plain text with its paragraphs, where dumps that
/// put one paragraph per line (news-please `maintext`) are told from hard-wrapped wire
/// copy by how their lines end.
pub(super) fn text_block(s: &str) -> String {
    if prose::looks_like_html(s) {
        return prose::html_text(s);
    }
    let fixed = fix_mojibake(s);
    let lines: Vec<&str> = fixed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let sentence_ends = lines
        .iter()
        .filter(|l| l.ends_with(['.', '!', '?', '"', '”', '»', ':', ')']))
        .count();
    if !fixed.contains("\n\n") && lines.len() > 1 && sentence_ends * 10 >= lines.len() * 6 {
        prose::plain_text(&lines.join("\n\n"))
    } else {
        prose::plain_text(&fixed)
    }
}

/// A date string in any shape `date::parse_date` knows, or Unix time in seconds or
/// milliseconds (between 1970 and 2100).
pub(super) fn date_value(v: &Value) -> Option<ArticleDate> {
    match v {
        Value::String(s) => {
            if let Ok(n) = s.trim().parse::<i64>() {
                if s.trim().len() >= 9 {
                    return unix_date(n);
                }
            }
            date_of(s)
        }
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f as i64))
            .and_then(unix_date),
        Value::Object(o) => ["$date", "date", "value"]
            .iter()
            .find_map(|k| o.get(*k))
            .and_then(date_value),
        Value::Array(a) => a.iter().find_map(date_value),
        _ => None,
    }
}

fn unix_date(n: i64) -> Option<ArticleDate> {
    const MAX_SECONDS: i64 = 4_102_444_800; // 2100-01-01
    let secs = if n > MAX_SECONDS { n / 1000 } else { n };
    if !(1..MAX_SECONDS).contains(&secs) {
        return None;
    }
    let utc = time::OffsetDateTime::from_unix_timestamp(secs).ok()?;
    Some(ArticleDate {
        at: utc,
        precision: DatePrecision::Second,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_bodies_one_paragraph_per_line_or_wrapped() {
        assert_eq!(
            text_block("First para.\nSecond para."),
            "First para.\n\nSecond para."
        );
        assert_eq!(
            text_block("A wire line that wraps\nin the middle of a sentence\nand ends here."),
            "A wire line that wraps in the middle of a sentence and ends here."
        );
    }

    #[test]
    fn paths_keys_and_dates() {
        let v: Value = serde_json::from_str(
            r#"{"A": {"b": [{"c": 1}, {"c": 2}]}, "x.y": "dotted", "when": {"$date": "2016-05-04T03:02:01Z"}}"#,
        )
        .unwrap();
        let obj = v.as_object().unwrap();
        assert_eq!(resolve(obj, "a.b.c").len(), 2);
        assert_eq!(resolve(obj, "a.b.1.c"), [&Value::from(2)]);
        assert!(resolve(obj, "a.b.9.c").is_empty());
        assert_eq!(resolve(obj, "x.y"), [&Value::from("dotted")]);
        assert!(date_value(&obj["when"]).is_some());
        assert!(date_value(&Value::from(1_552_000_000_000_i64)).is_some());
        assert!(date_value(&Value::from(-5)).is_none());
        assert_eq!(id_text(&Value::from(" 42 ")), Some("42".into()));
    }
}
