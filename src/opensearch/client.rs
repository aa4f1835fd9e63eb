//! The HTTP client for an OpenSearch cluster: the engine address (`URL[/NAME]`, several
//! nodes comma-separated), credentials, TLS, and the retry policy every request follows.
//!
//! A node that cannot be reached is skipped for the next one; answers that mean "busy"
//! (429, 502, 503, 504) are retried with exponential backoff. Every newsdex request is
//! idempotent (documents are written under their stable id), so a retry never
//! duplicates anything.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::Value;

use crate::error::{Error, Result};

/// The index (or alias) name used when the address names none.
pub const DEFAULT_NAME: &str = "newsdex";

/// How to reach a cluster, as the command line gathered it.
#[derive(Debug, Clone, Default)]
pub struct Connection {
    /// `http(s)://[user:password@]host:port[/NAME]`, several comma-separated.
    pub address: String,
    /// Credentials when the address carries none (`NEWSDEX_ENGINE_USER`,
    /// `NEWSDEX_ENGINE_PASSWORD`).
    pub user: Option<String>,
    pub password: Option<String>,
    /// A PEM file of certificate authorities to trust instead of the built-in roots.
    pub ca_file: Option<PathBuf>,
    /// Accept any certificate (test clusters with self-signed certificates only).
    pub insecure: bool,
}

/// A cluster's parsed address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// Base URLs of the nodes, without credentials or trailing slash.
    pub nodes: Vec<String>,
    /// The index or alias name.
    pub name: String,
    pub user: Option<String>,
    pub password: Option<String>,
}

/// Parses `URL[/NAME][,URL...]`: every node URL names the same index, or only the last
/// does.
pub fn parse_address(input: &str) -> Result<Address> {
    let bad = |reason: &str| Error::EngineAddress {
        input: input.to_string(),
        reason: reason.to_string(),
    };
    let mut nodes = Vec::new();
    let mut name: Option<String> = None;
    let mut user = None;
    let mut password = None;
    for part in input.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (scheme, rest) = part
            .split_once("://")
            .ok_or_else(|| bad("expected http://HOST:PORT or https://HOST:PORT"))?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(bad("the scheme must be http or https"));
        }
        let (authority, path) = match rest.split_once('/') {
            Some((a, p)) => (a, p.trim_matches('/')),
            None => (rest, ""),
        };
        let host = match authority.rsplit_once('@') {
            Some((creds, host)) => {
                let (u, p) = creds.split_once(':').unwrap_or((creds, ""));
                user = Some(percent_decode(u));
                password = Some(percent_decode(p));
                host
            }
            None => authority,
        };
        if host.is_empty() {
            return Err(bad("no host"));
        }
        if !path.is_empty() {
            if path.contains('/') {
                return Err(bad("the path may only name the index: URL/NAME"));
            }
            check_name(path).map_err(|reason| bad(&reason))?;
            if name.as_deref().is_some_and(|n| n != path) {
                return Err(bad("the nodes name different indexes"));
            }
            name = Some(path.to_string());
        }
        nodes.push(format!("{scheme}://{host}"));
    }
    if nodes.is_empty() {
        return Err(bad("no node URL"));
    }
    Ok(Address {
        nodes,
        name: name.unwrap_or_else(|| DEFAULT_NAME.to_string()),
        user,
        password,
    })
}

/// OpenSearch's rules for index names, as far as a name newsdex creates them from.
pub fn check_name(name: &str) -> std::result::Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 200
        && !name.starts_with(['-', '_', '+', '.'])
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{name:?} is not a usable index name: lower-case letters, digits, '-', '_' and \
             '.', not starting with '-', '_' or '.'"
        ))
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(h), Some(l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// How requests are retried.
#[derive(Debug, Clone, Copy)]
pub struct Retry {
    /// Attempts for a busy cluster (429, 502, 503, 504).
    pub attempts: u32,
    /// Rounds over the nodes when none can be reached.
    pub passes: u32,
    pub first_wait: Duration,
    pub max_wait: Duration,
}

impl Retry {
    /// For commands that answer a person: a cluster that is down is reported at once.
    pub fn interactive() -> Self {
        Retry {
            attempts: 6,
            passes: 2,
            first_wait: Duration::from_millis(250),
            max_wait: Duration::from_secs(4),
        }
    }

    /// For loads: waits out a node that restarts or a cluster that is busy for minutes.
    pub fn patient() -> Self {
        Retry {
            attempts: 10,
            passes: 8,
            first_wait: Duration::from_millis(250),
            max_wait: Duration::from_secs(15),
        }
    }
}

impl Default for Retry {
    fn default() -> Self {
        Retry::interactive()
    }
}

/// An answer: its status and body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The reason OpenSearch gave, for an error message.
    pub fn reason(&self) -> String {
        if let Some(v) = self.json() {
            let e = &v["error"];
            if let Some(r) = e["root_cause"][0]["reason"]
                .as_str()
                .or(e["reason"].as_str())
            {
                let kind = e["type"].as_str().unwrap_or("error");
                return format!("{kind}: {r}");
            }
        }
        let text = String::from_utf8_lossy(&self.body);
        text.chars().take(300).collect()
    }
}

/// Largest response read (a page of 10,000 hits with passages fits).
const MAX_REPLY: u64 = 512 << 20;

pub struct Client {
    agent: ureq::Agent,
    nodes: Vec<String>,
    authorization: Option<String>,
    /// The node tried first: the last one that answered.
    current: AtomicUsize,
    pub retry: Retry,
    pub name: String,
}

impl Client {
    pub fn new(conn: &Connection) -> Result<Self> {
        let address = parse_address(&conn.address)?;
        let user = address.user.clone().or_else(|| conn.user.clone());
        let password = address.password.clone().or_else(|| conn.password.clone());
        let authorization = user.map(|u| {
            let pair = format!("{u}:{}", password.unwrap_or_default());
            format!("Basic {}", base64(pair.as_bytes()))
        });
        let mut tls = ureq::tls::TlsConfig::builder().disable_verification(conn.insecure);
        if let Some(path) = &conn.ca_file {
            let pem = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let certs: Vec<ureq::tls::Certificate<'static>> = ureq::tls::parse_pem(&pem)
                .filter_map(|item| match item {
                    Ok(ureq::tls::PemItem::Certificate(c)) => Some(c),
                    _ => None,
                })
                .collect();
            if certs.is_empty() {
                return Err(Error::Input {
                    path: path.clone(),
                    reason: "no PEM certificate in the CA file".to_string(),
                });
            }
            tls = tls.root_certs(ureq::tls::RootCerts::Specific(std::sync::Arc::new(certs)));
        }
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(5)))
            .timeout_global(Some(Duration::from_secs(120)))
            .tls_config(tls.build())
            .build()
            .into();
        Ok(Client {
            agent,
            nodes: address.nodes,
            authorization,
            current: AtomicUsize::new(0),
            retry: Retry::default(),
            name: address.name,
        })
    }

    /// The first node's URL, for messages (never with credentials).
    pub fn url(&self) -> &str {
        &self.nodes[0]
    }

    /// Sends a request, retrying as `self.retry` says; any status comes back as a
    /// `Reply` once the retries are spent.
    pub fn send(&self, method: &str, path: &str, body: Option<(&[u8], &str)>) -> Result<Reply> {
        let mut wait = self.retry.first_wait;
        let mut busy = 0;
        let (mut passes, mut unreachable_in_pass) = (0, 0);
        loop {
            let node = self.current.load(Ordering::Relaxed) % self.nodes.len();
            let url = format!("{}{}", self.nodes[node], path);
            match self.once(method, &url, body) {
                Ok(reply) if matches!(reply.status, 429 | 502 | 503 | 504) => {
                    busy += 1;
                    if busy >= self.retry.attempts {
                        return Ok(reply);
                    }
                }
                Ok(reply) => return Ok(reply),
                Err(e) => {
                    // Another node may answer; a round over all of them, then a wait.
                    self.current.store(node + 1, Ordering::Relaxed);
                    unreachable_in_pass += 1;
                    if unreachable_in_pass < self.nodes.len() {
                        continue;
                    }
                    unreachable_in_pass = 0;
                    passes += 1;
                    if passes >= self.retry.passes {
                        return Err(Error::Engine {
                            url: self.url().to_string(),
                            reason: format!("{method} {path}: {e}"),
                        });
                    }
                }
            }
            std::thread::sleep(wait);
            wait = (wait * 2).min(self.retry.max_wait);
        }
    }

    fn once(
        &self,
        method: &str,
        url: &str,
        body: Option<(&[u8], &str)>,
    ) -> std::result::Result<Reply, String> {
        let request = ureq::http::Request::builder()
            .method(method)
            .uri(url)
            .header("Accept", "application/json");
        let request = match &self.authorization {
            Some(a) => request.header("Authorization", a),
            None => request,
        };
        let request = match body {
            Some((_, content_type)) => request.header("Content-Type", content_type),
            None => request,
        };
        let result = match body {
            Some((bytes, _)) => request
                .body(bytes.to_vec())
                .map_err(|e| e.to_string())
                .and_then(|r| self.agent.run(r).map_err(|e| e.to_string())),
            None => request
                .body(())
                .map_err(|e| e.to_string())
                .and_then(|r| self.agent.run(r).map_err(|e| e.to_string())),
        };
        let mut response = result?;
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_REPLY)
            .read_to_vec()
            .map_err(|e| e.to_string())?;
        Ok(Reply { status, body })
    }

    /// A JSON request whose answer must be a success, as JSON.
    pub fn json(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
        let bytes = body.map(|b| serde_json::to_vec(b).unwrap_or_default());
        let reply = self.send(
            method,
            path,
            bytes.as_deref().map(|b| (b, "application/json")),
        )?;
        if !reply.ok() {
            return Err(self.failed(method, path, &reply));
        }
        reply.json().ok_or_else(|| Error::Engine {
            url: self.url().to_string(),
            reason: format!("{method} {path}: the answer is not JSON"),
        })
    }

    /// The error for an unsuccessful `reply`.
    pub fn failed(&self, method: &str, path: &str, reply: &Reply) -> Error {
        Error::Engine {
            url: self.url().to_string(),
            reason: format!("{method} {path}: {} {}", reply.status, reply.reason()),
        }
    }
}

/// Standard base64 with padding, for the Basic authorization header.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_name_nodes_credentials_and_the_index() {
        let a = parse_address("http://127.0.0.1:9200").unwrap();
        assert_eq!(a.nodes, ["http://127.0.0.1:9200"]);
        assert_eq!(a.name, DEFAULT_NAME);
        let a = parse_address("https://ann:p%40ss@search.example.org:443/news/").unwrap();
        assert_eq!(a.nodes, ["https://search.example.org:443"]);
        assert_eq!(a.name, "news");
        assert_eq!(a.user.as_deref(), Some("ann"));
        assert_eq!(a.password.as_deref(), Some("p@ss"));
        let a = parse_address("http://h1:9200, http://h2:9201/news").unwrap();
        assert_eq!(a.nodes, ["http://h1:9200", "http://h2:9201"]);
        assert_eq!(a.name, "news");
        for bad in [
            "",
            "127.0.0.1:9200",
            "ftp://h:1",
            "http://",
            "http://h:1/News",
            "http://h:1/a/b",
            "http://h:1/a,http://h:2/b",
            "http://h:1/_all",
        ] {
            let e = parse_address(bad).unwrap_err().to_string();
            assert!(e.contains(&format!("{bad:?}")), "{bad}: {e}");
        }
    }

    #[test]
    fn basic_credentials_are_base64() {
        assert_eq!(base64(b"admin:admin"), "YWRtaW46YWRtaW4=");
        assert_eq!(base64(b"a"), "YQ==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b""), "");
    }

    #[test]
    fn an_unreachable_cluster_is_an_error_naming_it() {
        // Port 9 (discard) on loopback: nothing listens in a test environment.
        let mut client = Client::new(&Connection {
            address: "http://127.0.0.1:9/news".into(),
            ..Default::default()
        })
        .unwrap();
        client.retry = Retry {
            attempts: 2,
            passes: 2,
            first_wait: Duration::from_millis(1),
            max_wait: Duration::from_millis(1),
        };
        let e = client.json("GET", "/_cluster/health", None).unwrap_err();
        let text = e.to_string();
        assert!(text.contains("http://127.0.0.1:9"), "{text}");
        assert!(text.contains("GET /_cluster/health"), "{text}");
    }

    #[test]
    fn error_replies_give_opensearch_s_reason() {
        let reply = Reply {
            status: 400,
            body: br#"{"error":{"root_cause":[{"type":"x","reason":"bad mapping"}],"type":"mapper_parsing_exception","reason":"outer"},"status":400}"#.to_vec(),
        };
        assert_eq!(reply.reason(), "mapper_parsing_exception: bad mapping");
        let reply = Reply {
            status: 502,
            body: b"Bad Gateway".to_vec(),
        };
        assert_eq!(reply.reason(), "Bad Gateway");
    }
}
