//! The index schema, built from `schema/fields.json` (compiled in), the names of its fast
//! columns, and the analyzers for article and query text.
//!
//! Keeping the fields as data lets tests, docs and the manifest agree on one version
//! number; any change to fields or analysis bumps it and old indexes ask to be rebuilt.

use serde::Deserialize;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

use crate::index::stem::CachedStemmer;

use crate::error::{Error, Result};

/// The schema definition shipped with this build.
pub const FIELDS_JSON: &str = include_str!("../../schema/fields.json");

/// Name under which the article-text analyzer is registered on every opened index.
pub const TOKENIZER: &str = "newsdex";

#[derive(Debug, Deserialize)]
struct SchemaSpec {
    version: u32,
    tokenizer: TokenizerSpec,
    fields: Vec<FieldSpec>,
}

#[derive(Debug, Deserialize)]
struct TokenizerSpec {
    name: String,
}

#[derive(Debug, Deserialize)]
struct FieldSpec {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    indexed: bool,
    #[serde(default)]
    fast: bool,
    #[serde(default)]
    stored: bool,
    #[serde(default)]
    positions: bool,
}

/// Names of the fields read as fast columns (the same fields as the `Fields` handles of
/// those names): at search time, and by an indexing run for the file stamps; tantivy's
/// column readers, `ExistsQuery` and `FilterCollector` take fields by name.
pub mod fast {
    pub const ID: &str = "id";
    pub const PATH: &str = "path";
    pub const AUTHORS: &str = "authors";
    pub const DATE: &str = "date";
    pub const DATE_PRECISION: &str = "date_precision";
    pub const DATE_OFFSET: &str = "date_offset";
    pub const LANGUAGE: &str = "language";
    pub const FINGERPRINT: &str = "fingerprint";
    pub const FINGERPRINT_HI: &str = "fingerprint_hi";
    pub const CLUSTER: &str = "cluster";
    pub const TITLE: &str = "title_value";
    pub const FILE_SIZE: &str = "file_size";
    pub const FILE_MTIME: &str = "file_mtime";
    pub const FILE_HASH: &str = "file_hash";
}

/// Handles to every field, resolved once.
#[derive(Debug, Clone)]
pub struct Fields {
    pub id: Field,
    pub path: Field,
    pub file_size: Field,
    pub file_mtime: Field,
    pub file_hash: Field,
    pub format: Field,
    pub encoding: Field,
    pub language: Field,
    pub title: Field,
    pub title_value: Field,
    pub byline: Field,
    pub authors: Field,
    pub source_id: Field,
    pub date: Field,
    pub date_precision: Field,
    pub date_offset: Field,
    pub fingerprint: Field,
    pub fingerprint_hi: Field,
    pub cluster: Field,
    pub body: Field,
}

/// The schema, its version and its field handles.
#[derive(Debug, Clone)]
pub struct IndexSchema {
    pub version: u32,
    pub schema: Schema,
    pub fields: Fields,
}

impl IndexSchema {
    /// Builds the schema from the compiled-in `schema/fields.json`.
    pub fn current() -> Result<Self> {
        let spec: SchemaSpec =
            serde_json::from_str(FIELDS_JSON).map_err(|e| Error::Schema(e.to_string()))?;
        if spec.tokenizer.name != TOKENIZER {
            return Err(Error::Schema(format!(
                "tokenizer {:?} is not the one this build registers ({TOKENIZER:?})",
                spec.tokenizer.name
            )));
        }
        let mut b = Schema::builder();
        for f in &spec.fields {
            match f.kind.as_str() {
                "text" => {
                    let record = if f.positions {
                        IndexRecordOption::WithFreqsAndPositions
                    } else {
                        IndexRecordOption::WithFreqs
                    };
                    let mut opts = TextOptions::default().set_indexing_options(
                        TextFieldIndexing::default()
                            .set_tokenizer(TOKENIZER)
                            .set_index_option(record),
                    );
                    if f.stored {
                        opts = opts.set_stored();
                    }
                    if f.fast {
                        // Whole values, untokenised: what facets count.
                        opts = opts.set_fast("raw");
                    }
                    b.add_text_field(&f.name, opts);
                }
                "string" => {
                    let mut opts = if f.indexed {
                        STRING
                    } else {
                        TextOptions::default()
                    };
                    if f.stored {
                        opts = opts | STORED;
                    }
                    if f.fast {
                        opts = opts.set_fast("raw");
                    }
                    b.add_text_field(&f.name, opts);
                }
                "u64" => {
                    b.add_u64_field(&f.name, numeric_options(f));
                }
                "i64" => {
                    b.add_i64_field(&f.name, numeric_options(f));
                }
                "date" => {
                    let mut opts = DateOptions::default().set_precision(DateTimePrecision::Seconds);
                    if f.indexed {
                        opts = opts.set_indexed();
                    }
                    if f.fast {
                        opts = opts.set_fast();
                    }
                    if f.stored {
                        opts = opts.set_stored();
                    }
                    b.add_date_field(&f.name, opts);
                }
                other => {
                    return Err(Error::Schema(format!(
                        "field {:?} has unknown type {other:?}",
                        f.name
                    )))
                }
            }
        }
        let schema = b.build();
        let get = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| Error::Schema(format!("required field {name:?} is missing")))
        };
        let fields = Fields {
            id: get("id")?,
            path: get("path")?,
            file_size: get("file_size")?,
            file_mtime: get("file_mtime")?,
            file_hash: get("file_hash")?,
            format: get("format")?,
            encoding: get("encoding")?,
            language: get("language")?,
            title: get("title")?,
            title_value: get("title_value")?,
            byline: get("byline")?,
            authors: get("authors")?,
            source_id: get("source_id")?,
            date: get("date")?,
            date_precision: get("date_precision")?,
            date_offset: get("date_offset")?,
            fingerprint: get("fingerprint")?,
            fingerprint_hi: get("fingerprint_hi")?,
            cluster: get("cluster")?,
            body: get("body")?,
        };
        Ok(IndexSchema {
            version: spec.version,
            schema,
            fields,
        })
    }
}

fn numeric_options(f: &FieldSpec) -> NumericOptions {
    let mut opts = NumericOptions::default();
    if f.indexed {
        opts = opts.set_indexed();
    }
    if f.fast {
        opts = opts.set_fast();
    }
    if f.stored {
        opts = opts.set_stored();
    }
    opts
}

/// What an analyzer built by `build_analyzer` does to text. Every variant splits words
/// and folds them the same way, so that folded query text and indexed words agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Analysis {
    /// Article text as indexed: word tokens, words of 40 bytes or more dropped,
    /// lower-cased, accents folded (so "Zurich" finds "Zürich"), English stemming (so
    /// "talks" finds "talk"), memoised (see `stem`).
    Indexed,
    /// As indexed, without the stemming: words as spelled in articles, to compare with a
    /// typed prefix.
    Folded,
    /// Lower-cased and accent-folded words of any length, without stemming: typed query
    /// text such as a prefix, which is compared with folded words and never indexed.
    FoldedAnyLength,
}

/// Builds the analyzer for `analysis`: the one place article and query text analysis is
/// defined, used by indexing, query compiling, prefix checks, snippets and suggestions.
pub fn build_analyzer(analysis: Analysis) -> TextAnalyzer {
    match analysis {
        Analysis::Indexed => folded_and_stemmed(CachedStemmer::default()),
        Analysis::Folded => TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
        Analysis::FoldedAnyLength => TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    }
}

/// Words this long (in bytes) or longer are not indexed.
const MAX_WORD_BYTES: usize = 40;

/// The analyzer for article text (`Analysis::Indexed`).
pub fn analyzer() -> TextAnalyzer {
    build_analyzer(Analysis::Indexed)
}

/// `analyzer()` for finding terms whose first letters are `first_letters` in English
/// text: the same tokens, but only the words that could stem to one of those terms are
/// stemmed (`CachedStemmer::english_for`).
pub fn finding_analyzer(first_letters: &[char]) -> TextAnalyzer {
    folded_and_stemmed(CachedStemmer::english_for(first_letters))
}

/// Words of letters and digits, up to `MAX_WORD_BYTES`, lower-cased, accents folded, then
/// stemmed by `stemmer`.
fn folded_and_stemmed(stemmer: CachedStemmer) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(stemmer)
        .build()
}

/// The analyzer for article text in `language`: English's is `analyzer()`; others stem
/// with their own Snowball stemmer (folding accents unless the language tells letters
/// apart by them), cut Chinese, Japanese and Korean into bigrams, or keep words whole.
pub fn language_analyzer(language: &crate::lang::Language) -> TextAnalyzer {
    use crate::lang::Scheme;
    match language.scheme {
        Scheme::Stem { algorithm, fold } if algorithm == frostem::Algorithm::English && fold => {
            analyzer()
        }
        Scheme::Stem {
            algorithm,
            fold: true,
        } => folded_and_stemmed(CachedStemmer::with_algorithm(algorithm)),
        Scheme::Stem {
            algorithm,
            fold: false,
        } => TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
            .filter(LowerCaser)
            .filter(CachedStemmer::with_algorithm(algorithm))
            .build(),
        Scheme::Cjk => TextAnalyzer::builder(crate::index::cjk::CjkTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
        Scheme::Plain => build_analyzer(Analysis::Folded),
    }
}

/// The analyzers of the languages met so far, each built once (a stemmer's memo is worth
/// keeping across articles).
#[derive(Default)]
pub struct LanguageAnalyzers {
    built: std::collections::HashMap<&'static str, TextAnalyzer>,
}

impl LanguageAnalyzers {
    pub fn get(&mut self, language: &crate::lang::Language) -> &mut TextAnalyzer {
        self.built
            .entry(language.code)
            .or_insert_with(|| language_analyzer(language))
    }

    /// `text` analysed in `language`, as tantivy takes text tokenized elsewhere.
    pub fn pre_tokenized(
        &mut self,
        language: &crate::lang::Language,
        text: &str,
    ) -> tantivy::tokenizer::PreTokenizedString {
        let mut tokens = Vec::new();
        let mut stream = self.get(language).token_stream(text);
        while let Some(t) = tantivy::tokenizer::TokenStream::next(&mut stream) {
            tokens.push(t.clone());
        }
        tantivy::tokenizer::PreTokenizedString {
            text: text.to_string(),
            tokens,
        }
    }
}

/// Whether text in `language` is analysed by the index's own tokenizer (English, and
/// articles whose language could not be told), rather than given pre-tokenized.
pub fn analysed_by_index(language: &crate::lang::Language) -> bool {
    language.scheme == crate::lang::ENGLISH.scheme
}

pub fn register_tokenizer(index: &tantivy::Index) {
    index.tokenizers().register(TOKENIZER, analyzer());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_builds_from_json() {
        let s = IndexSchema::current().unwrap();
        assert!(s.version >= 1);
        assert_eq!(s.schema.get_field_name(s.fields.title), "title");
    }

    #[test]
    fn analyzer_folds_and_stems() {
        let mut a = analyzer();
        let mut stream = a.token_stream("Zürich Talks");
        let mut toks = Vec::new();
        while let Some(t) = tantivy::tokenizer::TokenStream::next(&mut stream) {
            toks.push(t.text.clone());
        }
        assert_eq!(toks, vec!["zurich", "talk"]);
    }

    #[test]
    fn folded_analyzers_fold_as_indexing_does_without_stemming() {
        let words = |analysis: Analysis, text: &str| {
            let mut a = build_analyzer(analysis);
            let mut stream = a.token_stream(text);
            let mut toks = Vec::new();
            while let Some(t) = tantivy::tokenizer::TokenStream::next(&mut stream) {
                toks.push(t.text.clone());
            }
            toks
        };
        let long = "x".repeat(MAX_WORD_BYTES);
        let text = format!("Zürich Talks {long}");
        assert_eq!(words(Analysis::Indexed, &text), ["zurich", "talk"]);
        assert_eq!(words(Analysis::Folded, &text), ["zurich", "talks"]);
        assert_eq!(
            words(Analysis::FoldedAnyLength, &text),
            ["zurich", "talks", long.as_str()]
        );
    }

    #[test]
    fn fast_field_names_name_their_fields() {
        let s = IndexSchema::current().unwrap();
        let f = &s.fields;
        for (field, name) in [
            (f.id, fast::ID),
            (f.path, fast::PATH),
            (f.authors, fast::AUTHORS),
            (f.date, fast::DATE),
            (f.date_precision, fast::DATE_PRECISION),
            (f.date_offset, fast::DATE_OFFSET),
            (f.language, fast::LANGUAGE),
            (f.fingerprint, fast::FINGERPRINT),
            (f.fingerprint_hi, fast::FINGERPRINT_HI),
            (f.cluster, fast::CLUSTER),
            (f.file_size, fast::FILE_SIZE),
            (f.file_mtime, fast::FILE_MTIME),
            (f.file_hash, fast::FILE_HASH),
        ] {
            assert_eq!(s.schema.get_field_name(field), name);
        }
    }
}
