//! Article -> tantivy document: every field of the schema filled from an article and the
//! stamp of the file it came from.

use tantivy::schema::TantivyDocument;
use tantivy::DateTime;

use crate::article::Article;
use crate::index::schema::{self, IndexSchema, LanguageAnalyzers};
use crate::index::state::FileStamp;

/// Article -> tantivy document, stamped with the state of the file it came from (so the
/// next run can tell whether the file changed, from the same commit as the articles),
/// with its body fingerprint and the copy cluster assigned to it. Title and body are
/// analysed in the article's language (`analyzers`), bylines as names in any language.
pub fn to_document(
    schema: &IndexSchema,
    a: &Article,
    stamp: &FileStamp,
    fingerprint: crate::dedup::Fingerprint,
    cluster: u64,
    analyzers: &mut LanguageAnalyzers,
) -> TantivyDocument {
    let f = &schema.fields;
    let mut doc = TantivyDocument::new();
    doc.add_u64(f.id, a.id.0);
    doc.add_text(f.path, &a.path);
    doc.add_u64(f.file_size, stamp.size);
    doc.add_i64(f.file_mtime, stamp.mtime_ns);
    doc.add_u64(f.file_hash, stamp.hash);
    doc.add_text(f.format, &a.format);
    doc.add_text(f.encoding, &a.encoding);
    let own_analysis = !schema::analysed_by_index(&a.language);
    let mut add_text = |doc: &mut TantivyDocument, field, text: &str| {
        if own_analysis {
            doc.add_pre_tokenized_text(field, analyzers.pre_tokenized(&a.language, text));
        } else {
            doc.add_text(field, text);
        }
    };
    doc.add_text(f.language, a.language.code);
    if let Some(t) = &a.fields.title {
        add_text(&mut doc, f.title, t);
        doc.add_text(f.title_value, t);
    }
    if let Some(b) = &a.fields.byline {
        doc.add_text(f.byline, b);
    }
    for name in &a.fields.authors {
        doc.add_text(f.authors, name);
    }
    if let Some(s) = &a.fields.source_id {
        doc.add_text(f.source_id, s);
    }
    if let Some(d) = &a.fields.date {
        doc.add_date(f.date, DateTime::from_utc(d.wall_clock()));
        doc.add_text(f.date_precision, d.precision.as_str());
        doc.add_i64(f.date_offset, i64::from(d.offset_seconds()));
    }
    doc.add_u64(f.fingerprint, fingerprint.lo);
    doc.add_u64(f.fingerprint_hi, fingerprint.hi);
    doc.add_u64(f.cluster, cluster);
    add_text(&mut doc, f.body, &a.fields.body);
    doc
}
