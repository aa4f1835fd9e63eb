//! `newsdex push`: the local index's articles into an OpenSearch index behind an alias.
//!
//! A first push (or one after the schema changed) creates `NAME-<schema version>-<UTC
//! timestamp>` from the mapping, loads it in bounded bulk batches, refreshes it, checks its
//! count, and only then moves the alias `NAME` to it in one `_aliases` action, so searches
//! see the old index or the new one, never a half-loaded one. Later pushes send what
//! changed since: articles added, changed (their catalog signature differs) or deleted.
//!
//! What the cluster acknowledged is recorded in the local index (`state.rs`,
//! `pushes/<target>/`): a sorted table of the pushed ids and signatures, and a journal
//! appended and synced after every acknowledged batch. A push that was killed resumes from the table and the
//! journal, into the same index; documents are written under their stable id, so nothing
//! sent twice is duplicated. An exclusive lock keeps two pushes to one target apart.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::{json, Value};

use crate::article::DocId;
use crate::error::{Error, Result};
use crate::index::{CatalogEntry, OpenIndex};
use crate::opensearch::client::Client;
use crate::opensearch::state::{State, Store};
use crate::opensearch::{document, export, mapping};

/// What to push and how.
#[derive(Debug, Clone)]
pub struct PushRequest {
    /// Primary shards and replicas of a new index (the mapping's when `None`).
    pub shards: Option<u32>,
    pub replicas: Option<u32>,
    /// A batch closes at this many articles or bytes, whichever comes first.
    pub batch_docs: usize,
    pub batch_bytes: usize,
    /// Bulk requests in flight at once.
    pub in_flight: usize,
    /// Load a new index from scratch even when the last one could be updated.
    pub fresh: bool,
}

impl Default for PushRequest {
    fn default() -> Self {
        PushRequest {
            shards: None,
            replicas: None,
            batch_docs: 1000,
            batch_bytes: 8 << 20,
            in_flight: 2,
            fresh: false,
        }
    }
}

/// An article the cluster refused.
#[derive(Debug, Clone, Serialize)]
pub struct ItemError {
    pub id: String,
    pub path: String,
    pub reason: String,
}

/// What a push did.
#[derive(Debug, Clone, Serialize)]
pub struct PushSummary {
    pub url: String,
    pub alias: String,
    pub index: String,
    /// Whether this push created `index` (and moved the alias to it).
    pub created: bool,
    /// Whether this push went on from one that was stopped.
    pub resumed: bool,
    pub added: u64,
    pub updated: u64,
    pub deleted: u64,
    pub unchanged: u64,
    pub failed: u64,
    /// Documents in the index after the push.
    pub documents: u64,
    /// The indexes the alias pointed to before and no longer does (left in place).
    pub replaced: Vec<String>,
    pub errors: Vec<ItemError>,
    #[serde(rename = "took_ms", serialize_with = "millis")]
    pub took: Duration,
}

fn millis<S: serde::Serializer>(d: &Duration, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_u64(d.as_millis() as u64)
}

/// Progress as a push goes.
#[derive(Debug, Clone, Copy)]
pub struct PushProgress {
    pub done: u64,
    pub total: u64,
    pub elapsed: Duration,
}

/// One bulk request's worth of work.
struct Batch {
    body: Vec<u8>,
    /// Per item, in order: kind ('I' index, 'D' delete), id, signature, path.
    items: Vec<(u8, u64, u64, String)>,
}

/// A batch's outcome.
struct Outcome {
    acked: Vec<(u8, u64, u64)>,
    errors: Vec<ItemError>,
}

/// Pushes the articles of `index` to the cluster `client` names (its `name` is the alias).
pub fn push(
    index: &OpenIndex,
    client: &Client,
    req: &PushRequest,
    progress: &mut dyn FnMut(PushProgress),
) -> Result<PushSummary> {
    let started = Instant::now();
    let alias = client.name.clone();
    let url = client.url().to_string();
    let schema_version = index.schema.version;
    let store = Store::open(&index.dir, &url, &alias)?;

    health(client)?;
    let previous = store.state()?;
    let usable = match &previous {
        Some(s) if !req.fresh && s.schema_version == schema_version => {
            exists(client, &s.index)? && !abandoned(client, s)?
        }
        _ => false,
    };
    let (mut state, created, resumed) = match previous {
        Some(s) if usable => {
            let resumed = !s.aliased;
            (s, false, resumed)
        }
        _ => {
            store.reset()?;
            let name = create(client, &alias, schema_version, req)?;
            let s = State {
                url: url.clone(),
                alias: alias.clone(),
                index: name,
                schema_version,
                aliased: false,
            };
            store.save_state(&s)?;
            (s, true, false)
        }
    };
    let loading = !state.aliased;
    if !created {
        not_red(client, &state.index)?;
    }

    let searcher = index.searcher()?;
    let catalog = index.catalog(&searcher)?;
    let mut pushed = store.pushed()?;
    let mut changed: Vec<CatalogEntry> = Vec::new();
    let (mut added, mut updated) = (0u64, 0u64);
    for e in &catalog {
        match pushed.get(&e.id.0) {
            Some(&sig) if sig == e.signature => {}
            Some(_) => {
                updated += 1;
                changed.push(*e);
            }
            None => {
                added += 1;
                changed.push(*e);
            }
        }
    }
    let live: std::collections::HashSet<u64> = catalog.iter().map(|e| e.id.0).collect();
    let gone: Vec<u64> = pushed
        .keys()
        .copied()
        .filter(|id| !live.contains(id))
        .collect();
    let unchanged = catalog.len() as u64 - added - updated;
    let total = changed.len() as u64 + gone.len() as u64;
    let mut journal = store.journal()?;
    let mut errors = Vec::new();
    let mut done = 0u64;
    progress(PushProgress {
        done,
        total,
        elapsed: started.elapsed(),
    });

    let target = state.index.clone();
    let (gone_ids, changed_entries) = (&gone, &changed);
    std::thread::scope(|scope| -> Result<()> {
        let (work_tx, work_rx) = mpsc::sync_channel::<Batch>(req.in_flight.max(1));
        let work_rx = std::sync::Arc::new(std::sync::Mutex::new(work_rx));
        let (done_tx, done_rx) = mpsc::channel::<Result<Outcome>>();
        for _ in 0..req.in_flight.max(1) {
            let work_rx = work_rx.clone();
            let done_tx = done_tx.clone();
            let target = target.as_str();
            scope.spawn(move || loop {
                let next = work_rx.lock().ok().and_then(|rx| rx.recv().ok());
                let Some(batch) = next else { break };
                if done_tx.send(send_batch(client, target, batch)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        // The producer: deletions first, then the changed articles in id order.
        let producer = scope.spawn(move || -> Result<()> {
            let mut batch = Batch {
                body: Vec::new(),
                items: Vec::new(),
            };
            let full =
                |b: &Batch| b.items.len() >= req.batch_docs || b.body.len() >= req.batch_bytes;
            let send = |b: &mut Batch| -> bool {
                let b = std::mem::replace(
                    b,
                    Batch {
                        body: Vec::new(),
                        items: Vec::new(),
                    },
                );
                b.items.is_empty() || work_tx.send(b).is_ok()
            };
            for &id in gone_ids {
                document::bulk_delete(&mut batch.body, DocId(id), None);
                batch.items.push((b'D', id, 0, String::new()));
                if full(&batch) && !send(&mut batch) {
                    return Ok(());
                }
            }
            let mut stopped = false;
            export::each(
                index,
                &searcher,
                changed_entries,
                export::CHUNK,
                |articles| {
                    for (a, e) in articles
                        .iter()
                        .zip(changed_sigs(changed_entries, &articles))
                    {
                        document::bulk_index(&mut batch.body, a, None);
                        batch
                            .items
                            .push((b'I', a.article.id.0, e, a.article.path.clone()));
                        if full(&batch) && !send(&mut batch) {
                            stopped = true;
                            return Ok(false);
                        }
                    }
                    Ok(true)
                },
            )?;
            if !stopped {
                send(&mut batch);
            }
            Ok(())
        });
        let mut first_error: Option<Error> = None;
        for outcome in done_rx {
            match outcome {
                Ok(o) => {
                    journal.record(&o.acked)?;
                    for &(kind, id, sig) in &o.acked {
                        match kind {
                            b'I' => pushed.insert(id, sig),
                            _ => pushed.remove(&id),
                        };
                    }
                    done += (o.acked.len() + o.errors.len()) as u64;
                    errors.extend(o.errors);
                    progress(PushProgress {
                        done,
                        total,
                        elapsed: started.elapsed(),
                    });
                }
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
            if first_error.is_some() {
                // Stop feeding the workers; what is in flight still lands in the journal.
                break;
            }
        }
        let produced = producer.join().unwrap_or(Ok(()));
        if let Some(e) = first_error {
            return Err(e);
        }
        produced
    })?;

    if loading {
        client.json(
            "PUT",
            &format!("/{target}/_settings"),
            Some(&json!({ "index": { "refresh_interval": null } })),
        )?;
    }
    // What `stats` shows of the local index travels with the documents.
    let meta = json!({ "_meta": {
        "newsdex_schema_version": schema_version,
        "newsdex_version": index.manifest.newsdex_version,
        "archive": index.manifest.archive.display().to_string(),
        "indexed_at": index.manifest.indexed_at,
    } });
    client.json("PUT", &format!("/{target}/_mapping"), Some(&meta))?;
    client.json("POST", &format!("/{target}/_refresh"), None)?;
    let documents = client.json("GET", &format!("/{target}/_count"), None)?["count"]
        .as_u64()
        .unwrap_or(0);
    store.compact(&pushed)?;
    if documents != pushed.len() as u64 {
        return Err(Error::Engine {
            url,
            reason: format!(
                "{target} holds {documents} documents but {} were acknowledged; the alias \
                 {alias} was not moved. Push again to resend what is missing",
                pushed.len()
            ),
        });
    }
    let mut replaced = Vec::new();
    if !state.aliased {
        replaced = move_alias(client, &alias, &target)?;
        state.aliased = true;
        store.save_state(&state)?;
    }
    let failed = errors.len() as u64;
    Ok(PushSummary {
        url,
        alias,
        index: target,
        created,
        resumed,
        added,
        updated,
        deleted: gone.len() as u64,
        unchanged,
        failed,
        documents,
        replaced,
        errors,
        took: started.elapsed(),
    })
}

/// The signatures of `articles` (a chunk read from `changed`, in its order).
fn changed_sigs<'a>(
    changed: &'a [CatalogEntry],
    articles: &'a [document::Exported],
) -> impl Iterator<Item = u64> + 'a {
    articles.iter().map(move |a| {
        let i = changed.partition_point(|e| e.id < a.article.id);
        changed.get(i).map_or(0, |e| e.signature)
    })
}

/// Sends one bulk request; items the cluster was too busy for (429) are sent again.
fn send_batch(client: &Client, index: &str, batch: Batch) -> Result<Outcome> {
    // A shard without a primary fails its items after 30 s (503, sent again) instead of
    // holding the whole request.
    // Only what is read of the answer: each item's status and error.
    let path = format!(
        "/{index}/_bulk?timeout=30s&filter_path=errors,items.*.status,items.*.error.type,\
         items.*.error.reason"
    );
    let mut pending = batch;
    let mut acked = Vec::new();
    let mut errors = Vec::new();
    let mut wait = client.retry.first_wait;
    for attempt in 0..client.retry.attempts.max(1) {
        let reply = client.send("POST", &path, Some((&pending.body, "application/x-ndjson")))?;
        if !reply.ok() {
            return Err(client.failed("POST", &path, &reply));
        }
        let answer = reply.json().ok_or_else(|| Error::Engine {
            url: client.url().to_string(),
            reason: format!("POST {path}: the answer is not JSON"),
        })?;
        let items = answer["items"].as_array().cloned().unwrap_or_default();
        if items.len() != pending.items.len() {
            return Err(Error::Engine {
                url: client.url().to_string(),
                reason: format!(
                    "POST {path}: {} results for {} items",
                    items.len(),
                    pending.items.len()
                ),
            });
        }
        let mut retry = Batch {
            body: Vec::new(),
            items: Vec::new(),
        };
        let Batch { body, items: sent } = std::mem::replace(
            &mut pending,
            Batch {
                body: Vec::new(),
                items: Vec::new(),
            },
        );
        let ranges = item_ranges(&body, &sent);
        for (((kind, id, sig, item_path), result), (start, end)) in
            sent.into_iter().zip(items).zip(ranges)
        {
            let op = result.as_object().and_then(|o| o.values().next()).cloned();
            let status = op.as_ref().and_then(|o| o["status"].as_u64()).unwrap_or(0);
            let lines_of_item = &body[start..end];
            match status {
                200..=299 => acked.push((kind, id, sig)),
                404 if kind == b'D' => acked.push((kind, id, sig)),
                // Busy, or the shard's primary is moving to another node.
                429 | 502 | 503 | 504 => {
                    retry.body.extend_from_slice(lines_of_item);
                    retry.items.push((kind, id, sig, item_path));
                }
                _ => {
                    let reason = op
                        .as_ref()
                        .map(|o| {
                            let e = &o["error"];
                            format!(
                                "{}: {}",
                                e["type"].as_str().unwrap_or("error"),
                                e["reason"].as_str().unwrap_or("refused")
                            )
                        })
                        .unwrap_or_else(|| "no result".to_string());
                    errors.push(ItemError {
                        id: format!("{id:016x}"),
                        path: item_path,
                        reason,
                    });
                }
            }
        }
        if retry.items.is_empty() {
            break;
        }
        if attempt + 1 == client.retry.attempts {
            for (_, id, _, item_path) in retry.items {
                errors.push(ItemError {
                    id: format!("{id:016x}"),
                    path: item_path,
                    reason: "the cluster stayed busy or unavailable (429/503)".to_string(),
                });
            }
            break;
        }
        // A shard that lost its primary and every copy does not come back by waiting.
        not_red(client, index)?;
        std::thread::sleep(wait);
        wait = (wait * 2).min(client.retry.max_wait);
        pending = retry;
    }
    Ok(Outcome { acked, errors })
}

/// Where each item's lines are in a bulk body: two lines for an index action, one for a
/// delete.
fn item_ranges(body: &[u8], items: &[(u8, u64, u64, String)]) -> Vec<(usize, usize)> {
    let mut ends = Vec::with_capacity(items.len());
    let mut pos = 0;
    for (kind, ..) in items {
        let lines = if *kind == b'D' { 1 } else { 2 };
        let mut end = pos;
        for _ in 0..lines {
            end = body[end..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(body.len(), |i| end + i + 1);
        }
        ends.push((pos, end));
        pos = end;
    }
    ends
}

fn health(client: &Client) -> Result<()> {
    let h = client.json(
        "GET",
        "/_cluster/health?wait_for_status=yellow&timeout=30s",
        None,
    )?;
    if h["status"] == "red" {
        return Err(Error::Engine {
            url: client.url().to_string(),
            reason: "the cluster is red (some primary shards are unassigned)".to_string(),
        });
    }
    Ok(())
}

/// Creates a new index for `alias` and waits until every shard has all the copies the
/// cluster can hold (its replicas, up to one per other data node): a write is
/// acknowledged once the copies in sync have it, and a copy still being made is not in
/// sync, so a node lost before then could take acknowledged articles with it. An index
/// that loses a shard while it is being made (a node dies) is deleted and made again.
fn create(client: &Client, alias: &str, schema_version: u32, req: &PushRequest) -> Result<String> {
    let body = mapping::create_body(req.shards, req.replicas, true)?;
    let replicas = body["settings"]["index"]["number_of_replicas"]
        .as_u64()
        .unwrap_or(1);
    let mut tries = 0;
    loop {
        tries += 1;
        let nodes = client.json("GET", "/_cluster/health", None)?["number_of_data_nodes"]
            .as_u64()
            .unwrap_or(1);
        let copies = (replicas + 1).min(nodes.max(1));
        let name = format!("{alias}-{schema_version}-{}", timestamp());
        let answer = client.json(
            "PUT",
            &format!("/{name}?wait_for_active_shards={copies}&timeout=120s"),
            Some(&body),
        )?;
        if answer["shards_acknowledged"] == true {
            return Ok(name);
        }
        let h = client.json("GET", &format!("/_cluster/health/{name}"), None)?;
        if h["status"] == "red" && tries < 3 {
            client.json("DELETE", &format!("/{name}"), None)?;
            // A new name: index names carry the second they were made.
            std::thread::sleep(Duration::from_millis(1100));
            continue;
        }
        return Err(Error::Engine {
            url: client.url().to_string(),
            reason: format!(
                "{name} did not get {copies} copies of every shard within 120 s (status {}, \
                 {} shards unassigned)",
                h["status"], h["unassigned_shards"]
            ),
        });
    }
}

/// Whether the index of a first load that was stopped lost shards for good (red): no
/// search has ever seen it (the alias was not moved to it), so it is deleted and the
/// load starts over in a new one.
fn abandoned(client: &Client, s: &State) -> Result<bool> {
    if s.aliased {
        return Ok(false);
    }
    let h = client.json(
        "GET",
        &format!(
            "/_cluster/health/{}?timeout=30s&wait_for_status=yellow",
            s.index
        ),
        None,
    )?;
    if h["status"] != "red" {
        return Ok(false);
    }
    client.json("DELETE", &format!("/{}", s.index), None)?;
    Ok(true)
}

/// An error when `index` is red: some of its primary shards have no copy left.
fn not_red(client: &Client, index: &str) -> Result<()> {
    let h = client.json("GET", &format!("/_cluster/health/{index}"), None)?;
    if h["status"] == "red" {
        return Err(Error::Engine {
            url: client.url().to_string(),
            reason: format!(
                "{index} is red: {} of its shards have no copy on a running node. Bring the \
                 nodes back and push again, or push --fresh to load a new index",
                h["unassigned_shards"]
            ),
        });
    }
    Ok(())
}

fn exists(client: &Client, index: &str) -> Result<bool> {
    let reply = client.send("HEAD", &format!("/{index}"), None)?;
    match reply.status {
        200 => Ok(true),
        404 => Ok(false),
        _ => Err(client.failed("HEAD", &format!("/{index}"), &reply)),
    }
}

/// Points `alias` at `index` alone, in one action; returns the indexes it left.
fn move_alias(client: &Client, alias: &str, index: &str) -> Result<Vec<String>> {
    let reply = client.send("GET", &format!("/_alias/{alias}"), None)?;
    let current: Vec<String> = match reply.status {
        200 => reply
            .json()
            .and_then(|v| v.as_object().map(|o| o.keys().cloned().collect()))
            .unwrap_or_default(),
        404 => Vec::new(),
        _ => return Err(client.failed("GET", &format!("/_alias/{alias}"), &reply)),
    };
    if current.is_empty() && exists(client, alias)? {
        return Err(Error::Engine {
            url: client.url().to_string(),
            reason: format!(
                "{alias} is an index, not an alias: push under another --name, or delete it"
            ),
        });
    }
    let mut actions: Vec<Value> = current
        .iter()
        .filter(|i| i.as_str() != index)
        .map(|i| json!({ "remove": { "index": i, "alias": alias } }))
        .collect();
    actions.push(json!({ "add": { "index": index, "alias": alias } }));
    client.json("POST", "/_aliases", Some(&json!({ "actions": actions })))?;
    Ok(current.into_iter().filter(|i| i != index).collect())
}

/// `20261205t093000z`: the UTC time in RFC 3339 as index names allow it (lower case,
/// no colons or dashes).
fn timestamp() -> String {
    crate::article::rfc3339(time::OffsetDateTime::now_utc())
        .replace(['-', ':'], "")
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_bodies_split_into_their_items() {
        let body = b"{\"delete\":{}}\n{\"index\":{}}\n{\"a\":1}\n{\"index\":{}}\n{\"b\":2}\n";
        let items = vec![
            (b'D', 1, 0, String::new()),
            (b'I', 2, 0, String::new()),
            (b'I', 3, 0, String::new()),
        ];
        let parts: Vec<&[u8]> = item_ranges(body, &items)
            .into_iter()
            .map(|(s, e)| &body[s..e])
            .collect();
        assert_eq!(parts[0], b"{\"delete\":{}}\n");
        assert_eq!(parts[1], b"{\"index\":{}}\n{\"a\":1}\n");
        assert_eq!(parts[2], b"{\"index\":{}}\n{\"b\":2}\n");
    }

    /// A local index of `n` articles, one of them stored under `refused/`.
    fn local_index(dir: &std::path::Path, n: usize) -> OpenIndex {
        let archive = dir.join("archive");
        std::fs::create_dir_all(archive.join("refused")).unwrap();
        for i in 0..n {
            let sub = if i == 0 { "refused" } else { "" };
            std::fs::write(
                archive.join(sub).join(format!("story-{i:02}.txt")),
                format!("Harbour story {i}\n\nThe harbour of town {i} reopened after the storm.\n"),
            )
            .unwrap();
        }
        let req = crate::index::IndexRequest::new(archive, dir.join("index"));
        crate::index::build(&req, &mut |_: &crate::index::FileError, _| {}).unwrap();
        OpenIndex::open(&dir.join("index")).unwrap()
    }

    fn client(url: &str) -> Client {
        let mut c = Client::new(&crate::opensearch::client::Connection {
            address: format!("{url}/news"),
            ..Default::default()
        })
        .unwrap();
        c.retry = crate::opensearch::client::Retry {
            attempts: 5,
            passes: 2,
            first_wait: Duration::from_millis(1),
            max_wait: Duration::from_millis(5),
        };
        c
    }

    /// A busy cluster (whole requests and single items answered 429) gets everything in
    /// the end; an article it refuses is reported with its path and id, the rest of its
    /// batch kept, and it is sent again by the next push, alone.
    #[test]
    fn busy_answers_are_retried_and_refusals_reported() {
        let dir = tempfile::tempdir().unwrap();
        let index = local_index(dir.path(), 12);
        let (url, node) = crate::opensearch::mock::start(crate::opensearch::mock::Node {
            busy_requests: 2,
            busy_every: 3,
            refuse_path: Some("refused/".into()),
            ..Default::default()
        });
        let client = client(&url);
        let req = PushRequest {
            batch_docs: 5,
            ..Default::default()
        };
        let mut seen = Vec::new();
        let s = push(&index, &client, &req, &mut |p| seen.push(p.done)).unwrap();
        assert!(s.created);
        assert_eq!((s.added, s.updated, s.deleted, s.failed), (12, 0, 0, 1));
        assert_eq!(s.documents, 11);
        assert_eq!(s.errors.len(), 1);
        assert!(s.errors[0].path.starts_with("refused/"), "{:?}", s.errors);
        assert!(s.errors[0].reason.contains("mapper_parsing_exception"));
        assert_eq!(seen.last(), Some(&12));
        {
            let node = node.lock().unwrap();
            assert_eq!(node.aliases.get("news"), Some(&s.index));
            assert_eq!(node.indexes[&s.index].len(), 11);
        }
        // The next push sends the refused article only.
        let again = push(&index, &client, &req, &mut |_| {}).unwrap();
        assert!(!again.created);
        assert_eq!((again.added, again.unchanged, again.failed), (1, 11, 1));
        assert_eq!(again.index, s.index);
    }

    #[test]
    fn index_names_are_lower_case_timestamps() {
        let t = timestamp();
        assert_eq!(t.len(), 16);
        assert!(crate::opensearch::client::check_name(&format!("news-10-{t}")).is_ok());
    }
}
