//! A stand-in for an OpenSearch node in unit tests: enough of the REST API for a push
//! (health, index creation, bulk with per-item answers, settings, mapping, refresh,
//! count, aliases), with the busy answers and refusals a test asks for.

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

use serde_json::{json, Value};

/// What the node holds and how it misbehaves.
#[derive(Default)]
pub struct Node {
    pub indexes: BTreeMap<String, BTreeMap<String, Value>>,
    pub aliases: BTreeMap<String, String>,
    /// Whole bulk requests answered 429 before any is served.
    pub busy_requests: u32,
    /// Every `nth` item of a bulk request is answered 429 the first time it is sent.
    pub busy_every: usize,
    /// Documents whose path contains this are refused (400).
    pub refuse_path: Option<String>,
    pub busied: HashSet<String>,
    /// Bulk requests served, by number of items.
    pub bulks: Vec<usize>,
}

/// Starts a node on a free loopback port; returns its URL and its state.
pub fn start(node: Node) -> (String, Arc<Mutex<Node>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let state = Arc::new(Mutex::new(node));
    let shared = state.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let state = shared.clone();
            std::thread::spawn(move || serve(stream, state));
        }
    });
    (url, state)
}

fn serve(stream: TcpStream, state: Arc<Mutex<Node>>) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut out = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or("").to_string();
        let target = parts.next().unwrap_or("").to_string();
        let mut length = 0usize;
        let mut chunked = false;
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse().unwrap_or(0);
                }
                if k.eq_ignore_ascii_case("transfer-encoding") && v.trim() == "chunked" {
                    chunked = true;
                }
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        while chunked {
            let mut size = String::new();
            if reader.read_line(&mut size).unwrap_or(0) == 0 {
                return;
            }
            let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            let mut chunk = vec![0; n + 2];
            if reader.read_exact(&mut chunk).is_err() {
                return;
            }
            body.extend_from_slice(&chunk[..n]);
            chunked = n > 0;
        }
        let path = target.split('?').next().unwrap_or("").to_string();
        let (status, answer) = {
            let mut node = state.lock().expect("lock");
            node.answer(&method, &path, &body)
        };
        let text = answer.to_string();
        let head = if method == "HEAD" { "" } else { text.as_str() };
        let reply = format!(
            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{head}",
            if method == "HEAD" { 0 } else { text.len() }
        );
        if out.write_all(reply.as_bytes()).is_err() {
            return;
        }
    }
}

impl Node {
    fn answer(&mut self, method: &str, path: &str, body: &[u8]) -> (u16, Value) {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        let ack = json!({ "acknowledged": true });
        match (method, segments.as_slice()) {
            ("GET", ["_cluster", "health", ..]) => {
                (200, json!({ "status": "green", "number_of_data_nodes": 1 }))
            }
            ("GET", ["_alias", alias]) => {
                let on: Vec<&String> = self
                    .aliases
                    .iter()
                    .filter(|(a, _)| a == alias)
                    .map(|(_, i)| i)
                    .collect();
                match on.first() {
                    Some(i) => (200, json!({ i.as_str(): { "aliases": { *alias: {} } } })),
                    None => (404, json!({ "error": "alias missing", "status": 404 })),
                }
            }
            ("POST", ["_aliases"]) => {
                let v: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
                for action in v["actions"].as_array().into_iter().flatten() {
                    if let Some(add) = action.get("add") {
                        let alias = add["alias"].as_str().unwrap_or("").to_string();
                        let index = add["index"].as_str().unwrap_or("").to_string();
                        self.aliases.insert(alias, index);
                    }
                }
                (200, ack)
            }
            ("HEAD", [index]) => {
                if self.indexes.contains_key(*index) {
                    (200, Value::Null)
                } else {
                    (404, Value::Null)
                }
            }
            ("PUT", [index]) => {
                self.indexes.insert(index.to_string(), BTreeMap::new());
                (
                    200,
                    json!({ "acknowledged": true, "shards_acknowledged": true, "index": index }),
                )
            }
            ("PUT", [_, "_settings"]) | ("PUT", [_, "_mapping"]) | ("POST", [_, "_refresh"]) => {
                (200, ack)
            }
            ("GET", [index, "_count"]) => {
                let n = self.indexes.get(*index).map_or(0, BTreeMap::len);
                (200, json!({ "count": n }))
            }
            ("POST", [index, "_bulk"]) => self.bulk(index, body),
            _ => (
                400,
                json!({ "error": { "type": "unsupported", "reason": format!("{method} {path}") } }),
            ),
        }
    }

    fn bulk(&mut self, index: &str, body: &[u8]) -> (u16, Value) {
        if self.busy_requests > 0 {
            self.busy_requests -= 1;
            return (
                429,
                json!({ "error": { "type": "rejected", "reason": "busy" } }),
            );
        }
        let text = String::from_utf8_lossy(body);
        let mut lines = text.lines();
        let mut items = Vec::new();
        let mut n = 0;
        while let Some(action) = lines.next() {
            let action: Value = serde_json::from_str(action).unwrap_or(Value::Null);
            n += 1;
            let (kind, op) = match action.as_object().and_then(|o| o.iter().next()) {
                Some((k, v)) => (k.clone(), v.clone()),
                None => break,
            };
            let id = op["_id"].as_str().unwrap_or("").to_string();
            let doc: Option<Value> = if kind == "index" {
                lines.next().and_then(|l| serde_json::from_str(l).ok())
            } else {
                None
            };
            let busy =
                self.busy_every > 0 && n % self.busy_every == 0 && self.busied.insert(id.clone());
            let refused = doc.as_ref().is_some_and(|d| {
                self.refuse_path
                    .as_deref()
                    .is_some_and(|p| d["path"].as_str().unwrap_or("").contains(p))
            });
            let status = if busy {
                429
            } else if refused {
                400
            } else {
                let docs = self.indexes.entry(index.to_string()).or_default();
                match doc {
                    Some(d) => {
                        docs.insert(id.clone(), d);
                        201
                    }
                    None => {
                        if docs.remove(&id).is_some() {
                            200
                        } else {
                            404
                        }
                    }
                }
            };
            let mut result = json!({ "_id": id, "status": status });
            if status >= 400 && status != 404 {
                result["error"] =
                    json!({ "type": "mapper_parsing_exception", "reason": "refused by the test" });
            }
            items.push(json!({ kind: result }));
        }
        self.bulks.push(items.len());
        (200, json!({ "errors": true, "items": items }))
    }
}
