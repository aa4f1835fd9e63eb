//! `newsdex serve` over real HTTP on a loopback port the server picks (`--addr
//! 127.0.0.1:0`, read back from its first line of output): every endpoint against the
//! OpenAPI document and the command line's JSON, bad and hostile requests, exports
//! streamed whole, commits seen without a restart, many clients at once, a clean stop.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::env::{validator, TestEnv};

/// A running server, stopped (SIGTERM, then kill) when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(env: &TestEnv, extra: &[&str]) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("newsdex"))
            .env_clear()
            .env("HOME", env.dir.path())
            .env("NEWSDEX_INDEX", env.index())
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .trim()
            .strip_prefix("http://")
            .and_then(|s| s.strip_suffix('/'))
            .unwrap_or_else(|| panic!("no URL printed: {line:?}"))
            .to_string();
        Server { child, addr }
    }

    /// Sends `raw` bytes as a request and reads the whole answer.
    fn raw(&self, raw: &[u8]) -> Answer {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        // A server may answer and close before reading all of a huge request.
        let _ = s.write_all(raw);
        let mut bytes = Vec::new();
        // A server may close before reading everything it was sent; what it answered
        // is what counts.
        let _ = s.read_to_end(&mut bytes);
        Answer::parse(&bytes)
    }

    fn get(&self, path_and_query: &str) -> Answer {
        self.raw(
            format!(
                "GET {path_and_query} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                self.addr
            )
            .as_bytes(),
        )
    }

    /// GET, asserting 200 and JSON, parsed.
    fn json(&self, path_and_query: &str) -> Value {
        let a = self.get(path_and_query);
        assert_eq!(a.status, 200, "{path_and_query}: {}", a.text());
        assert_eq!(a.header("content-type"), Some("application/json"));
        serde_json::from_slice(&a.body).unwrap()
    }

    /// Whether the server answers (a busy answer counts once the work in flight ends).
    fn alive(&self) -> bool {
        for _ in 0..50 {
            match self.get("/api/stats").status {
                200 => return true,
                503 => std::thread::sleep(Duration::from_millis(100)),
                _ => return false,
            }
        }
        false
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        #[cfg(unix)]
        sigterm(self.child.id());
        for _ in 0..50 {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// SIGTERM through the `kill` command (no libc binding needed).
#[cfg(unix)]
fn sigterm(pid: u32) {
    let _ = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn parse(bytes: &[u8]) -> Answer {
        let end = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no HTTP head in {:?}", String::from_utf8_lossy(bytes)));
        let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let mut body = bytes[end + 4..].to_vec();
        let chunked = headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
        if chunked {
            body = dechunk(&body);
        }
        Answer {
            status,
            headers,
            body,
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = b.windows(2).position(|w| w == b"\r\n") else {
            panic!("a chunked body cut off before its last chunk");
        };
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&b[..eol])
                .split(';')
                .next()
                .unwrap()
                .trim(),
            16,
        )
        .unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
}

/// The schema the OpenAPI document gives for `operation`'s answer with `status`.
fn openapi_schema(operation: &str, status: &str) -> Value {
    let doc: Value = serde_json::from_str(include_str!("../../schema/openapi.json")).unwrap();
    for item in doc["paths"].as_object().unwrap().values() {
        let op = &item["get"];
        if op["operationId"] == operation {
            let mut r = op["responses"][status].clone();
            if let Some(name) = r["$ref"].as_str() {
                let name = name.trim_start_matches("#/components/responses/");
                r = doc["components"]["responses"][name].clone();
            }
            return r["content"]["application/json"]["schema"].clone();
        }
    }
    panic!("no operation {operation} in schema/openapi.json");
}

/// Validates `v` against the schema the OpenAPI document names (a `$ref` to one of the
/// schema files, by `$id`).
fn assert_matches_openapi(operation: &str, status: &str, v: &Value) {
    let schema = openapi_schema(operation, status);
    let id = schema["$ref"]
        .as_str()
        .unwrap_or_else(|| panic!("{operation} {status}: not a $ref: {schema}"));
    let file = format!(
        "{}.schema.json",
        id.trim_start_matches("urn:newsdex:schema:")
    );
    crate::env::assert_valid(&validator(&file), v);
}

/// A JSON answer without the fields that differ between two runs of the same request.
fn stable(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("took_ms");
    }
    v
}

fn cli_json(env: &TestEnv, args: &[&str]) -> Value {
    let out = env.run(args);
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{args:?}: {}",
        crate::env::stderr(&out)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_endpoint_answers_as_the_command_line_and_the_openapi_document_say() {
    let env = TestEnv::indexed();
    let server = Server::start(&env, &[]);

    let api = server.json("/api/search?q=storm+ferries&limit=5&sort=relevance&fragments=2");
    assert_matches_openapi("search", "200", &api);
    let cli = cli_json(
        &env,
        &[
            "search",
            "storm ferries",
            "-n",
            "5",
            "--fragments",
            "2",
            "--format",
            "json",
        ],
    );
    assert_eq!(stable(api.clone()), stable(cli));
    assert!(!api["hits"].as_array().unwrap().is_empty());

    for (query, args) in [
        (
            "q=minister&any=1&from=2000&to=2020-06&sort=newest&limit=3&offset=1&collapse=false",
            vec![
                "minister",
                "--any",
                "--from",
                "2000",
                "--to",
                "2020-06",
                "--sort",
                "newest",
                "-n",
                "3",
                "--offset",
                "1",
                "--no-collapse",
            ],
        ),
        ("q=", vec!["", "-n", "10"]),
        ("q=zzzqqqxx", vec!["zzzqqqxx"]),
        (
            "q=title%3Astorm&fresh=true&half_life=1y",
            vec!["title:storm", "--fresh", "--half-life", "1y"],
        ),
    ] {
        let api = server.json(&format!("/api/search?{query}"));
        assert_matches_openapi("search", "200", &api);
        let mut all = vec!["search"];
        all.extend(args);
        all.extend(["--format", "json"]);
        assert_eq!(stable(api), stable(cli_json(&env, &all)), "{query}");
    }

    let id = api["hits"][0]["id"].as_str().unwrap().to_string();
    let article = server.json(&format!("/api/articles/{id}"));
    assert_matches_openapi("article", "200", &article);
    assert_eq!(article, cli_json(&env, &["show", &id, "--format", "json"]));
    // A unique prefix names the article too.
    assert_eq!(server.json(&format!("/api/articles/{}", &id[..8])), article);

    let similar = server.json(&format!("/api/articles/{id}/similar?limit=3&follow=true"));
    assert_matches_openapi("similar", "200", &similar);
    assert_eq!(
        stable(similar),
        stable(cli_json(
            &env,
            &["similar", &id, "-n", "3", "--follow", "--format", "json"]
        ))
    );

    let timeline = server.json("/api/timeline?q=minister&by=year&normalize=true");
    assert_matches_openapi("timeline", "200", &timeline);
    assert_eq!(
        timeline,
        cli_json(
            &env,
            &[
                "timeline",
                "minister",
                "--by",
                "year",
                "--normalize",
                "--format",
                "json"
            ]
        )
    );

    for facet in ["byline", "year", "source"] {
        let f = server.json(&format!("/api/facets/{facet}?q=&limit=5"));
        assert_matches_openapi("facets", "200", &f);
        assert_eq!(
            f,
            cli_json(&env, &["facets", facet, "-n", "5", "--format", "json"]),
            "{facet}"
        );
    }

    let stats = server.json("/api/stats");
    assert_matches_openapi("stats", "200", &stats);
    assert_eq!(stats, cli_json(&env, &["stats", "--format", "json"]));

    let doc = server.json("/api/openapi.json");
    assert_eq!(doc["openapi"], "3.1.0");
}

#[test]
fn bad_input_is_a_400_naming_the_parameter_and_unknown_ids_a_404() {
    let env = TestEnv::indexed();
    let server = Server::start(&env, &[]);
    for (path, status, parameter) in [
        ("/api/search?q=x&limit=10001", 400, Some("limit")),
        ("/api/search?q=x&from=someday", 400, Some("from")),
        ("/api/search?q=x&from=2015&to=2014", 400, Some("from")),
        ("/api/search?q=x&since=soon", 400, Some("since")),
        ("/api/search?q=x&sort=best", 400, Some("sort")),
        ("/api/search?q=x&verbose=1", 400, Some("verbose")),
        ("/api/search?q=%22unclosed", 400, Some("q")),
        ("/api/search?q=date%3A%5B2014", 400, Some("q")),
        ("/api/search?q=nofield%3Ax", 400, Some("q")),
        ("/api/search?q=-only", 400, Some("q")),
        ("/api/timeline?q=&by=day&from=1900&to=2100", 400, Some("by")),
        ("/api/timeline?by=fortnight", 400, Some("by")),
        ("/api/articles/zz", 400, Some("id")),
        ("/api/articles/0000000000000001", 404, None),
        ("/api/articles/0000000000000001/similar", 404, None),
        ("/api/facets/authorz", 404, None),
        ("/api/nothing", 404, None),
        ("/nothing", 404, None),
        ("/api/stats?x=1", 400, Some("x")),
    ] {
        let a = server.get(path);
        assert_eq!(a.status, status, "{path}: {}", a.text());
        if status == 200 {
            continue;
        }
        assert_eq!(a.header("content-type"), Some("application/json"), "{path}");
        let v = a.json();
        crate::env::assert_valid(&validator("error.schema.json"), &v);
        assert_eq!(v["parameter"].as_str(), parameter, "{path}: {v}");
        assert!(!v["error"].as_str().unwrap().is_empty());
    }
    // The command line's message for the same input.
    let api = server.get("/api/search?q=x&from=someday").json();
    let cli = env.run(&["search", "x", "--from", "someday"]);
    let cli_msg = crate::env::stderr(&cli);
    assert!(
        cli_msg.contains(
            &api["error"]
                .as_str()
                .unwrap()
                .replace("for from", "for --from")
        ),
        "{cli_msg} / {api}"
    );
}

#[test]
fn hostile_requests_get_a_4xx_and_the_server_stays_up() {
    let env = TestEnv::indexed();
    let server = Server::start(&env, &[]);
    let long_query = format!("/api/search?q={}", "a%20".repeat(30_000));
    let nested = format!("/api/search?q={}x{}", "(".repeat(5_000), ")".repeat(5_000));
    let requests: Vec<(String, std::ops::RangeInclusive<u16>)> = vec![
        ("/../../../../etc/passwd".into(), 400..=404),
        ("/assets/../../Cargo.toml".into(), 400..=404),
        ("/api/articles/..%2F..%2Fetc%2Fpasswd".into(), 400..=404),
        ("/api/articles/%00".into(), 400..=404),
        ("/api/articles/%FF%FE".into(), 400..=404),
        ("/api/search?q=%FF%FE".into(), 200..=400),
        ("/api/search?q=%00%01".into(), 200..=400),
        ("/api/search?q=x&limit=1e99".into(), 400..=400),
        ("/api/search?q=x&offset=-1".into(), 400..=400),
        (
            "/api/search?q=x&offset=18446744073709551616".into(),
            400..=400,
        ),
        ("/api/search?q=x&q=y".into(), 400..=400),
        ("/api/search?%".into(), 400..=400),
        ("/api/search?q=a~99".into(), 200..=400),
        ("/api/search?q=*a*b*c*d*e*".into(), 200..=400),
        ("/api/search?q=.*%2B.*%2B.*".into(), 200..=400),
        ("/api/search?q=date%3A%5B*%20TO%20*%5D".into(), 200..=400),
        (
            "/api/timeline?q=x&from=0001&to=9999&by=day".into(),
            400..=400,
        ),
        ("/api/export?format=xml".into(), 400..=400),
        ("/api/facets/..%2F..".into(), 404..=404),
        (long_query, 200..=431),
        (nested, 200..=400),
    ];
    for (path, ok) in &requests {
        let a = server.get(path);
        assert!(
            ok.contains(&a.status),
            "{path:.200}: {} {}",
            a.status,
            a.text()
        );
        assert!(
            !a.text().contains("root:x:0:0") && !a.text().contains("[package]"),
            "{path:.200} served a file outside the index"
        );
    }
    // Raw garbage, not HTTP at all, and a request with a huge header.
    let a = server.raw(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n");
    assert!((400..500).contains(&a.status), "{}", a.status);
    let huge = format!(
        "GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n",
        "b".repeat(1_000_000)
    );
    // Answered 431, or reset while the rest of the header was still arriving.
    let mut s = TcpStream::connect(&server.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let _ = s.write_all(huge.as_bytes());
    let mut bytes = Vec::new();
    let _ = s.read_to_end(&mut bytes);
    if !bytes.is_empty() {
        assert_eq!(Answer::parse(&bytes).status, 431);
    }
    let a = server.raw(b"POST /api/search?q=x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc");
    assert_eq!(a.status, 405);
    assert!(server.alive());
}

#[test]
fn an_export_streams_every_hit() {
    let env = TestEnv::indexed();
    let server = Server::start(&env, &[]);
    let all = server.json("/api/search?q=&collapse=false&limit=0");
    let total = all["total_hits"].as_u64().unwrap() as usize;
    assert!(total > 50);

    let a = server.get("/api/export?q=&collapse=false&format=ndjson");
    assert_eq!(a.status, 200);
    assert_eq!(a.header("content-type"), Some("application/x-ndjson"));
    let lines: Vec<Value> = a
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), total);
    let hit = validator("hit.schema.json");
    for (i, l) in lines.iter().enumerate() {
        crate::env::assert_valid(&hit, l);
        assert_eq!(l["rank"], i + 1);
    }
    // The same order as the pages of a search.
    let page = server.json("/api/search?q=&collapse=false&limit=5&offset=10");
    let ids: Vec<&Value> = page["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| &h["id"])
        .collect();
    let streamed: Vec<&Value> = lines[10..15].iter().map(|h| &h["id"]).collect();
    assert_eq!(ids, streamed);

    let a = server.get("/api/export?q=storm&format=csv");
    assert_eq!(a.status, 200);
    assert_eq!(a.header("content-type"), Some("text/csv; charset=utf-8"));
    let text = a.text();
    assert!(text.starts_with("rank,id,path,title,date,byline,score,snippet\r\n"));
    assert_eq!(text.matches("rank,id,path").count(), 1);
    let stories = server.json("/api/search?q=storm&limit=100")["hits"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(text.trim_end().split("\r\n").count(), stories + 1);
    // A bad query is refused before anything is streamed.
    let a = server.get("/api/export?q=nofield%3Ax&format=csv");
    assert_eq!(a.status, 400);
}

#[test]
fn a_running_server_sees_new_commits_without_a_restart() {
    let env = TestEnv::indexed();
    let server = Server::start(&env, &[]);
    let before = server.json("/api/stats")["articles"].as_u64().unwrap();
    assert_eq!(server.json("/api/search?q=quokka")["total_hits"], 0);
    env.add().file(
        "late/quokka.txt",
        "Quokka sighted on the mainland\n5 May 2021\n\nA quokka was seen far from its island home.\n",
    );
    let out = env.run(&["index", "-q", env.archive().to_str().unwrap()]);
    assert!(out.status.success(), "{}", crate::env::stderr(&out));
    assert_eq!(server.json("/api/search?q=quokka")["total_hits"], 1);
    assert_eq!(
        server.json("/api/stats")["articles"].as_u64().unwrap(),
        before + 1
    );
}

#[test]
fn many_clients_at_once_all_get_answers() {
    let env = TestEnv::indexed();
    let server = Server::start(&env, &["--workers", "2"]);
    let queries = [
        "storm",
        "minister",
        "ferry",
        "",
        "title:strike",
        "election",
        "zzzz",
    ];
    let results: Vec<u16> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..24)
            .map(|t| {
                let server = &server;
                s.spawn(move || {
                    (0..10)
                        .map(|i| {
                            let q = queries[(t + i) % queries.len()];
                            server.get(&format!("/api/search?q={q}&limit=10")).status
                        })
                        .collect::<Vec<u16>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert_eq!(results.len(), 240);
    assert!(results.iter().all(|&s| s == 200), "{results:?}");
}

#[test]
fn a_deep_page_is_counted_not_ranked() {
    let env = TestEnv::indexed();
    let server = Server::start(&env, &[]);
    // Past the last article there is nothing to rank: the count, no hits, at once (tantivy
    // would size its heap by the offset: 100 million entries per segment).
    for collapse in ["true", "false"] {
        let v = server.json(&format!(
            "/api/search?q=&limit=10&offset=100000000&collapse={collapse}"
        ));
        assert!(v["total_hits"].as_u64().unwrap() > 50);
        assert!(v["hits"].as_array().unwrap().is_empty());
    }
    let a = server.get("/api/export?q=&offset=100000000&collapse=false&format=ndjson");
    assert_eq!(a.status, 200);
    assert!(a.body.is_empty());
    let all = server.json("/api/search?q=&collapse=false&limit=0")["total_hits"].clone();
    let last = all.as_u64().unwrap() - 1;
    let v = server.json(&format!(
        "/api/search?q=&collapse=false&limit=10&offset={last}"
    ));
    assert_eq!(v["hits"].as_array().unwrap().len(), 1);
}

#[test]
fn requests_for_another_host_or_method_are_refused_in_json() {
    let env = TestEnv::indexed();
    let server = Server::start(&env, &[]);
    // DNS rebinding: a page elsewhere reaching the loopback server by another name.
    let a = server.raw(
        b"GET /api/stats HTTP/1.1\r\nHost: attacker.example:7878\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(a.status, 421);
    crate::env::assert_valid(&validator("error.schema.json"), &a.json());
    for host in ["localhost", "127.0.0.1:1", "[::1]:7878", "LOCALHOST:9"] {
        let req = format!("GET /api/stats HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        assert_eq!(server.raw(req.as_bytes()).status, 200, "{host}");
    }
    let a =
        server.raw(b"DELETE /api/stats HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assert_eq!(a.status, 405);
    crate::env::assert_valid(&validator("error.schema.json"), &a.json());
}

#[test]
fn the_page_is_served_with_a_content_security_policy() {
    let env = TestEnv::indexed();
    let server = Server::start(&env, &[]);
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert!(page.text().contains("/assets/app.js"));
    for (path, mime) in [
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/app.css", "text/css; charset=utf-8"),
    ] {
        let a = server.get(path);
        assert_eq!(a.status, 200, "{path}");
        assert_eq!(a.header("content-type"), Some(mime));
        assert_eq!(a.header("x-content-type-options"), Some("nosniff"));
    }
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let env = TestEnv::indexed();
    let mut server = Server::start(&env, &[]);
    assert!(server.alive());
    // A client that never finishes its request does not keep the server up.
    let mut half = TcpStream::connect(&server.addr).unwrap();
    half.write_all(b"GET /api/stats HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    sigterm(server.child.id());
    let mut status = None;
    for _ in 0..200 {
        if let Ok(Some(s)) = server.child.try_wait() {
            status = Some(s);
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(status.and_then(|s| s.code()), Some(0));
}

#[test]
fn serve_binds_to_loopback_unless_told_and_refuses_a_busy_address() {
    let env = TestEnv::indexed();
    let help = env.run(&["serve", "--help"]);
    assert!(crate::env::stdout(&help).contains("[default: 127.0.0.1:7878]"));
    let server = Server::start(&env, &[]);
    let out = env.run(&["serve", "--addr", &server.addr]);
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::env::stderr(&out).contains("cannot serve on"));
    // No index: an error before listening.
    let empty = TestEnv::empty();
    let out = empty.run(&["serve", "--addr", "127.0.0.1:0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::env::stderr(&out).contains("no index"));
}
