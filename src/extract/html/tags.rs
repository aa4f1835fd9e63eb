//! The page's `<meta>` tags (`name`, `property` and `itemprop` keys, OpenGraph and Twitter
//! cards, Dublin Core), read once and asked by key by the title, date and byline readers.

use trafilatura::dom::Document;

use super::clean::clean;

/// `<meta>` values by lower-cased name, property or itemprop, first one wins.
pub(super) struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    pub(super) fn read(doc: &Document) -> Self {
        let mut out = Vec::new();
        for id in doc.query_selector_all(doc.root(), "meta[content]") {
            let Some(content) = doc.get_attribute(id, "content") else {
                continue;
            };
            let content = clean(&content);
            if content.is_empty() {
                continue;
            }
            for attr in ["name", "property", "itemprop"] {
                if let Some(key) = doc.get_attribute(id, attr) {
                    // `property` may list several ("og:title twitter:title").
                    for k in key.split_whitespace() {
                        out.push((k.to_ascii_lowercase(), content.clone()));
                    }
                }
            }
        }
        MetaTags(out)
    }

    pub(super) fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}
