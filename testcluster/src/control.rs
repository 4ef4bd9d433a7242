//! Clients for the control endpoints of the API proxy (listeners with latency, faults, held
//! requests, dropped streams, the request log) and of the node agent (port-forward targets,
//! container logs). Both speak plain HTTP on loopback; a few lines over `TcpStream` are all
//! that needs.
//!
//! The tests of one binary share one proxy, so every control that changes how it answers is
//! limited to a [`Scope`] (a user, a namespace or a connection), or to a path pattern that names
//! the test's namespace, or to a [`LatencyListener`] of the test's own; the request log is read
//! through a scope, never cleared.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::{Error, User};

/// How long a control answer may take, but for a long poll (which adds its own wait).
const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);

/// One HTTP/1.0 exchange (so the server closes the connection and never chunks the body).
pub(crate) fn http(
    addr: &str,
    method: &str,
    path: &str,
    body: &[u8],
) -> Result<(u16, String), Error> {
    http_within(addr, method, path, body, ANSWER_TIMEOUT)
}

fn http_within(
    addr: &str,
    method: &str,
    path: &str,
    body: &[u8],
    timeout: Duration,
) -> Result<(u16, String), Error> {
    let fail = |e: std::io::Error| Error::Control(format!("{method} http://{addr}{path}: {e}"));
    let mut stream = TcpStream::connect(addr).map_err(fail)?;
    stream.set_read_timeout(Some(timeout)).map_err(fail)?;
    let head = format!(
        "{method} {path} HTTP/1.0\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).map_err(fail)?;
    stream.write_all(body).map_err(fail)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).map_err(fail)?;
    let text = String::from_utf8_lossy(&response);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| {
            Error::Control(format!("{method} http://{addr}{path}: malformed response"))
        })?;
    Ok((status, body.to_string()))
}

fn expect_ok(addr: &str, method: &str, path: &str, body: &[u8]) -> Result<String, Error> {
    expect_ok_within(addr, method, path, body, ANSWER_TIMEOUT)
}

fn expect_ok_within(
    addr: &str,
    method: &str,
    path: &str,
    body: &[u8],
    timeout: Duration,
) -> Result<String, Error> {
    let (status, text) = http_within(addr, method, path, body, timeout)?;
    if (200..300).contains(&status) {
        Ok(text)
    } else {
        Err(Error::Control(format!(
            "{method} http://{addr}{path}: {status} {}",
            text.trim()
        )))
    }
}

/// Which clients' requests a control applies to: those of a user (the common name of a client
/// certificate, as in [`Request::user`]), about a namespace (`/namespaces/NS/...` in the path)
/// or over a connection ([`Request::conn`]); a method and a path pattern narrow it further.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Scope {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// A regular expression matched against the URL path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conn: Option<String>,
}

impl Scope {
    /// The requests of user `name`.
    pub fn user(name: &str) -> Scope {
        Scope {
            user: Some(name.into()),
            ..Scope::default()
        }
    }

    /// The requests about namespace `name`.
    pub fn namespace(name: &str) -> Scope {
        Scope {
            namespace: Some(name.into()),
            ..Scope::default()
        }
    }

    /// The requests over the connection from `conn` (a [`Request::conn`]).
    pub fn conn(conn: &str) -> Scope {
        Scope {
            conn: Some(conn.into()),
            ..Scope::default()
        }
    }

    /// Also only about namespace `name`.
    pub fn in_namespace(mut self, name: &str) -> Scope {
        self.namespace = Some(name.into());
        self
    }

    /// Only requests with `method`.
    pub fn method(mut self, method: &str) -> Scope {
        self.method = Some(method.into());
        self
    }

    /// Only requests whose path matches the regular expression `path`.
    pub fn path(mut self, path: &str) -> Scope {
        self.path = Some(path.into());
        self
    }

    /// The scope without its method and path, which replace `method` and `path` where set
    /// (a fault or hold matches those itself).
    fn take_match(mut self, method: &mut String, path: &mut String) -> Scope {
        if let Some(m) = self.method.take() {
            *method = m;
        }
        if let Some(p) = self.path.take() {
            *path = p;
        }
        self
    }

    /// `?method=...&user=...` with what is set.
    fn query(&self) -> String {
        let pairs: Vec<String> = [
            ("method", &self.method),
            ("path", &self.path),
            ("user", &self.user),
            ("namespace", &self.namespace),
            ("conn", &self.conn),
        ]
        .into_iter()
        .filter_map(|(key, value)| Some(format!("{key}={}", escape(value.as_deref()?))))
        .collect();
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }

    /// A scope that names no client would apply to every test of the binary.
    fn require_client(&self, what: &str) -> Result<(), Error> {
        if self.user.is_none() && self.namespace.is_none() && self.conn.is_none() {
            return Err(Error::Control(format!(
                "{what} needs a user, a namespace or a connection: other tests share the proxy"
            )));
        }
        Ok(())
    }
}

/// Percent-encodes everything but unreserved characters, for a query value.
fn escape(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A failure the proxy answers in place of the API server. Its path pattern, or its scope,
/// should name the test's namespace or user, so that it fails no other test's request.
#[derive(Debug, Clone, Serialize)]
pub struct Fault {
    /// HTTP method to match; empty matches any.
    pub method: String,
    /// A regular expression matched against the URL path.
    pub path: String,
    #[serde(flatten)]
    pub scope: Scope,
    /// The status code to answer with (500, 503, 429, 403, ...).
    pub status: u16,
    /// How many matching requests fail before the fault is used up.
    pub count: u32,
    /// `Retry-After` for 429 and 503.
    #[serde(rename = "retryAfterSeconds", skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<u32>,
    /// Sends the request on and breaks the connection instead of passing the answer back
    /// (`status` is then unused): the server did the work, and the client cannot know it.
    #[serde(rename = "loseAnswer", skip_serializing_if = "std::ops::Not::not")]
    pub lose_answer: bool,
}

impl Fault {
    /// Fails the next `count` requests with `method` whose path matches `path`.
    pub fn new(method: &str, path: &str, status: u16, count: u32) -> Fault {
        Fault {
            method: method.into(),
            path: path.into(),
            scope: Scope::default(),
            status,
            count,
            retry_after_seconds: None,
            lose_answer: false,
        }
    }

    /// Lets the next `count` requests with `method` whose path matches `path` reach the API
    /// server, and loses their answers: the client's connection breaks.
    pub fn lose_answer(method: &str, path: &str, count: u32) -> Fault {
        Fault {
            lose_answer: true,
            ..Fault::new(method, path, 0, count)
        }
    }

    pub fn retry_after(mut self, seconds: u32) -> Fault {
        self.retry_after_seconds = Some(seconds);
        self
    }

    /// Fails only requests in `scope` (whose method and path, if set, replace these).
    pub fn within(mut self, scope: Scope) -> Fault {
        self.scope = scope.take_match(&mut self.method, &mut self.path);
        self
    }
}

/// Requests the proxy keeps from the API server until the test releases them: the next
/// `count` requests with `method` whose path matches `path` (and that are in `scope`). A held
/// request waits at most `timeout`, then goes on; one whose client goes away while it is held
/// is never sent.
#[derive(Debug, Clone, Serialize)]
pub struct Hold {
    /// HTTP method to match; empty matches any.
    pub method: String,
    /// A regular expression matched against the URL path.
    pub path: String,
    #[serde(flatten)]
    pub scope: Scope,
    pub count: u32,
    #[serde(rename = "timeoutMs", serialize_with = "millis")]
    pub timeout: Duration,
}

fn millis<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(d.as_millis().try_into().unwrap_or(u64::MAX))
}

impl Hold {
    /// Holds the next request with `method` whose path matches `path`, for at most a minute.
    pub fn new(method: &str, path: &str) -> Hold {
        Hold {
            method: method.into(),
            path: path.into(),
            scope: Scope::default(),
            count: 1,
            timeout: Duration::from_secs(60),
        }
    }

    /// Holds only requests in `scope` (whose method and path, if set, replace these).
    pub fn within(mut self, scope: Scope) -> Hold {
        self.scope = scope.take_match(&mut self.method, &mut self.path);
        self
    }

    /// Holds the next `count` matching requests.
    pub fn count(mut self, count: u32) -> Hold {
        self.count = count;
        self
    }

    /// Lets a held request go after `timeout` even if the test has not released it.
    pub fn timeout(mut self, timeout: Duration) -> Hold {
        self.timeout = timeout;
        self
    }
}

/// A hold made by [`ProxyControl::hold`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HoldId(u64);

/// One request that passed the proxy.
#[derive(Debug, Clone, Deserialize)]
pub struct Request {
    pub method: String,
    pub path: String,
    #[serde(default)]
    pub query: String,
    pub start: String,
    pub end: Option<String>,
    #[serde(default)]
    pub status: u16,
    #[serde(default)]
    pub user: String,
    #[serde(default)]
    pub upgrade: bool,
    #[serde(default)]
    pub injected: bool,
    /// Caught by a hold. A held request that ended with no status was never sent: its client
    /// went away while it was held.
    #[serde(default)]
    pub held: bool,
    /// `HTTP/1.1` or `HTTP/2.0`.
    #[serde(default)]
    pub proto: String,
    /// The client's address: requests that share it came over one connection.
    #[serde(default)]
    pub conn: String,
}

impl Request {
    /// Start and end as Unix nanoseconds (end is `None` while the request is open).
    fn span(&self) -> Option<(i128, Option<i128>)> {
        let parse = |t: &str| {
            time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339)
                .ok()
                .map(|t| t.unix_timestamp_nanos())
        };
        Some((parse(&self.start)?, self.end.as_deref().and_then(parse)))
    }
}

/// How many round trips a client made one after another: the longest chain of requests in
/// which each starts only after the one before it ended. Requests issued concurrently count
/// once; this is what added latency multiplies.
pub fn sequential_round_trips(requests: &[Request]) -> usize {
    let mut spans: Vec<(i128, i128)> = requests
        .iter()
        .filter_map(|r| r.span())
        .map(|(start, end)| (start, end.unwrap_or(i128::MAX)))
        .collect();
    spans.sort();
    let mut depth = vec![1usize; spans.len()];
    for i in 0..spans.len() {
        for j in 0..i {
            if spans[j].1 <= spans[i].0 {
                depth[i] = depth[i].max(depth[j] + 1);
            }
        }
    }
    depth.into_iter().max().unwrap_or(0)
}

/// How many client connections carried `requests`: against a distant cluster each new one
/// costs a round trip for its TLS handshake on top of its requests.
pub fn connections(requests: &[Request]) -> usize {
    requests
        .iter()
        .map(|r| r.conn.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

/// The API proxy's controls.
#[derive(Debug, Clone)]
pub struct ProxyControl {
    pub(crate) addr: String,
}

impl ProxyControl {
    /// The control endpoint's address (`host:port`, plain HTTP).
    pub fn addr(&self) -> &str {
        &self.addr
    }

    /// Opens a listener of the proxy for one test, on a port of its own: every connection to
    /// it has `latency` on everything the proxy sends the client, the TLS handshake included,
    /// so a new connection costs what it costs against a cluster that far away (a round trip
    /// for the handshake, one per request) and a reused one costs a round trip per request.
    /// It is served like the main port: same request log, faults, holds and drops. Point a
    /// client at it with [`LatencyListener::user`] or [`LatencyListener::kubeconfig`]; it
    /// closes, with its connections, when dropped.
    pub fn latency_listener(&self, latency: Duration) -> Result<LatencyListener, Error> {
        let ms = u64::try_from(latency.as_millis()).unwrap_or(u64::MAX);
        let body = serde_json::json!({ "ms": ms }).to_string();
        let text = expect_ok(&self.addr, "POST", "/listeners", body.as_bytes())?;
        let v: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| Error::Control(e.to_string()))?;
        let addr = v["addr"]
            .as_str()
            .ok_or_else(|| Error::Control(format!("POST /listeners answered {text}")))?;
        Ok(LatencyListener {
            control: self.addr.clone(),
            addr: addr.to_string(),
            latency,
            open: true,
        })
    }

    /// Answers the next matching requests with a failure instead of forwarding them.
    pub fn fail_next(&self, fault: &Fault) -> Result<(), Error> {
        let body = serde_json::to_vec(fault).map_err(|e| Error::Control(e.to_string()))?;
        expect_ok(&self.addr, "POST", "/faults", &body).map(drop)
    }

    /// From now on, the requests in `scope` reach the API server without `protocols` among
    /// the WebSocket subprotocols they offer, so it picks among the rest: withholding
    /// `v5.channel.k8s.io` gives an exec what an API server older than 1.30 gives
    /// (`v4.channel.k8s.io`, which cannot close stdin).
    pub fn withhold_subprotocols(&self, scope: &Scope, protocols: &[&str]) -> Result<(), Error> {
        scope.require_client("withholding subprotocols")?;
        #[derive(Serialize)]
        struct Withhold<'a> {
            #[serde(flatten)]
            scope: &'a Scope,
            protocols: &'a [&'a str],
        }
        let body = serde_json::to_vec(&Withhold { scope, protocols })
            .map_err(|e| Error::Control(e.to_string()))?;
        expect_ok(&self.addr, "POST", "/withhold", &body).map(drop)
    }

    /// Starts holding the requests `hold` matches; see [`ProxyControl::wait_held`] and
    /// [`ProxyControl::release`].
    pub fn hold(&self, hold: &Hold) -> Result<HoldId, Error> {
        let body = serde_json::to_vec(hold).map_err(|e| Error::Control(e.to_string()))?;
        let text = expect_ok(&self.addr, "POST", "/holds", &body)?;
        let v: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| Error::Control(e.to_string()))?;
        v["id"]
            .as_u64()
            .map(HoldId)
            .ok_or_else(|| Error::Control(format!("POST /holds answered {text}")))
    }

    /// Waits until the hold has caught a request, and returns it (held: it has not reached the
    /// API server). The proxy answers as soon as one arrives; an error after `timeout`.
    pub fn wait_held(&self, id: HoldId, timeout: Duration) -> Result<Request, Error> {
        let mut held = self.wait_held_n(id, 1, timeout)?;
        Ok(held.swap_remove(0))
    }

    /// Waits until the hold has caught `n` requests, and returns every one it caught.
    pub fn wait_held_n(
        &self,
        id: HoldId,
        n: u32,
        timeout: Duration,
    ) -> Result<Vec<Request>, Error> {
        let ms = u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX);
        let path = format!("/holds/{}?n={n}&waitMs={ms}", id.0);
        let text = expect_ok_within(&self.addr, "GET", &path, b"", timeout + ANSWER_TIMEOUT)?;
        let held: Vec<Request> =
            serde_json::from_str(&text).map_err(|e| Error::Control(format!("held: {e}")))?;
        if held.len() < n as usize {
            return Err(Error::Control(format!("GET {path} answered {text}")));
        }
        Ok(held)
    }

    /// Lets the requests of the hold go on to the API server and stops it holding more.
    /// Returns how many were waiting.
    pub fn release(&self, id: HoldId) -> Result<u64, Error> {
        let text = expect_ok(&self.addr, "POST", &format!("/holds/{}/release", id.0), b"")?;
        let v: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| Error::Control(e.to_string()))?;
        Ok(v["released"].as_u64().unwrap_or(0))
    }

    /// Closes the client connections in `scope` (watches, exec and port-forward streams
    /// included): the one from [`Scope::conn`], or every one that carried a request of the
    /// scope's user or about its namespace. Never every connection: other tests share the
    /// proxy. Returns how many were dropped.
    pub fn drop_connections(&self, scope: &Scope) -> Result<u64, Error> {
        scope.require_client("dropping connections")?;
        let text = expect_ok(&self.addr, "POST", &format!("/drop{}", scope.query()), b"")?;
        let v: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| Error::Control(e.to_string()))?;
        Ok(v["dropped"].as_u64().unwrap_or(0))
    }

    /// Closes the client connection from `conn` (a [`Request::conn`]).
    pub fn drop_connection(&self, conn: &str) -> Result<u64, Error> {
        self.drop_connections(&Scope::conn(conn))
    }

    /// Every request the proxy has seen, in start order: other tests' too. The log is never
    /// cleared; [`ProxyControl::requests_in`] reads one test's part.
    pub fn requests(&self) -> Result<Vec<Request>, Error> {
        self.requests_in(&Scope::default())
    }

    /// The requests in `scope`, in start order.
    pub fn requests_in(&self, scope: &Scope) -> Result<Vec<Request>, Error> {
        let text = expect_ok(
            &self.addr,
            "GET",
            &format!("/requests{}", scope.query()),
            b"",
        )?;
        serde_json::from_str(&text).map_err(|e| Error::Control(format!("request log: {e}")))
    }

    /// Waits until `n` requests in `scope` have arrived (open or answered), and returns every
    /// one in scope. The proxy answers as soon as they are there; an error after `timeout`.
    pub fn wait_requests(
        &self,
        scope: &Scope,
        n: u32,
        timeout: Duration,
    ) -> Result<Vec<Request>, Error> {
        self.wait_log(scope, n, false, timeout)
    }

    /// Waits until `n` requests in `scope` have been answered, and returns those.
    pub fn wait_answered(
        &self,
        scope: &Scope,
        n: u32,
        timeout: Duration,
    ) -> Result<Vec<Request>, Error> {
        self.wait_log(scope, n, true, timeout)
    }

    fn wait_log(
        &self,
        scope: &Scope,
        n: u32,
        ended: bool,
        timeout: Duration,
    ) -> Result<Vec<Request>, Error> {
        let ms = u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX);
        let query = scope.query();
        let sep = if query.is_empty() { '?' } else { '&' };
        let path = format!("/requests{query}{sep}n={n}&ended={ended}&waitMs={ms}");
        let text = expect_ok_within(&self.addr, "GET", &path, b"", timeout + ANSWER_TIMEOUT)?;
        serde_json::from_str(&text).map_err(|e| Error::Control(format!("request log: {e}")))
    }
}

/// A listener of the proxy with latency, made by [`ProxyControl::latency_listener`]. Its
/// address is valid for the proxy's certificate (`127.0.0.1`, any port).
#[derive(Debug)]
pub struct LatencyListener {
    control: String,
    addr: String,
    latency: Duration,
    open: bool,
}

impl LatencyListener {
    /// `host:port`.
    pub fn addr(&self) -> &str {
        &self.addr
    }

    /// The API server URL through this listener.
    pub fn server(&self) -> String {
        format!("https://{}", self.addr)
    }

    pub fn latency(&self) -> Duration {
        self.latency
    }

    /// A copy of `kubeconfig` (one the cluster wrote: the admin's, a user's, a token's)
    /// whose server is this listener, written next to it.
    pub fn kubeconfig(&self, kubeconfig: &Path) -> Result<PathBuf, Error> {
        let text = std::fs::read_to_string(kubeconfig)
            .map_err(|e| Error::io(&format!("reading {}", kubeconfig.display()), e))?;
        let text = with_server(&text, &self.server()).ok_or_else(|| {
            Error::Invalid(format!("{}: no server to replace", kubeconfig.display()))
        })?;
        let port = self.addr.rsplit(':').next().unwrap_or_default();
        let stem = kubeconfig
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let path = kubeconfig.with_file_name(format!("{stem}.via-{port}.kubeconfig"));
        crate::kubeconfig::write_private(&path, text.as_bytes())?;
        Ok(path)
    }

    /// `user` as a client of this listener: the same identity, with a kubeconfig of its own.
    pub fn user(&self, user: &User) -> Result<User, Error> {
        Ok(User {
            kubeconfig: self.kubeconfig(&user.kubeconfig)?,
            ..user.clone()
        })
    }

    /// Closes the listener and its connections now; returns how many connections it closed.
    pub fn close(mut self) -> Result<u64, Error> {
        self.shut()
    }

    fn shut(&mut self) -> Result<u64, Error> {
        self.open = false;
        let path = format!("/listeners/{}", escape(&self.addr));
        let text = expect_ok(&self.control, "DELETE", &path, b"")?;
        let v: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| Error::Control(e.to_string()))?;
        Ok(v["dropped"].as_u64().unwrap_or(0))
    }
}

impl Drop for LatencyListener {
    fn drop(&mut self) {
        if self.open {
            // The proxy goes away with the cluster anyway; nothing to do if it already has.
            let _ = self.shut();
        }
    }
}

/// `kubeconfig` with every cluster's `server:` set to `server`, or `None` if it has none.
fn with_server(kubeconfig: &str, server: &str) -> Option<String> {
    let mut found = false;
    let lines: Vec<String> = kubeconfig
        .lines()
        .map(|line| {
            let value = line.trim_start();
            match value.strip_prefix("server:") {
                Some(_) => {
                    found = true;
                    let indent = &line[..line.len() - value.len()];
                    format!("{indent}server: {server}")
                }
                None => line.to_string(),
            }
        })
        .collect();
    found.then(|| lines.join("\n") + "\n")
}

/// The node agent's controls.
#[derive(Debug, Clone)]
pub struct AgentControl {
    pub(crate) addr: String,
}

impl AgentControl {
    /// The control endpoint's address (`host:port`, plain HTTP).
    pub fn addr(&self) -> &str {
        &self.addr
    }

    /// Sends port-forwards to `port` of the pod to `target` (`host:port`).
    pub fn forward(
        &self,
        namespace: &str,
        pod: &str,
        port: u16,
        target: &str,
    ) -> Result<(), Error> {
        let body = serde_json::json!({ "target": target }).to_string();
        let path = format!("/forwards/{namespace}/{pod}/{port}");
        expect_ok(&self.addr, "PUT", &path, body.as_bytes()).map(drop)
    }

    /// Appends text to a container's log (`previous` feeds the previous instance's log).
    pub fn append_log(
        &self,
        namespace: &str,
        pod: &str,
        container: &str,
        text: &str,
        previous: bool,
    ) -> Result<(), Error> {
        let query = if previous { "?previous=true" } else { "" };
        let path = format!("/logs/{namespace}/{pod}/{container}{query}");
        expect_ok(&self.addr, "POST", &path, text.as_bytes()).map(drop)
    }

    /// Ends the container's log: followers see the end of the stream.
    pub fn close_log(&self, namespace: &str, pod: &str, container: &str) -> Result<(), Error> {
        let path = format!("/logs/{namespace}/{pod}/{container}/close");
        expect_ok(&self.addr, "POST", &path, b"").map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(start: &str, end: &str) -> Request {
        Request {
            method: "GET".into(),
            path: "/".into(),
            query: String::new(),
            start: format!("2026-11-25T10:00:{start}Z"),
            end: Some(format!("2026-11-25T10:00:{end}Z")),
            status: 200,
            user: String::new(),
            upgrade: false,
            injected: false,
            held: false,
            proto: String::new(),
            conn: String::new(),
        }
    }

    #[test]
    fn a_scope_is_sent_as_an_escaped_query() {
        let scope = Scope::user("system:serviceaccount:a:b").in_namespace("a");
        assert_eq!(
            scope.query(),
            "?user=system%3Aserviceaccount%3Aa%3Ab&namespace=a"
        );
        assert_eq!(Scope::conn("[::1]:80").query(), "?conn=%5B%3A%3A1%5D%3A80");
        assert_eq!(Scope::default().query(), "");
        assert_eq!(
            Scope::namespace("a").method("GET").path("/pods$").query(),
            "?method=GET&path=%2Fpods%24&namespace=a"
        );
    }

    #[test]
    fn controls_for_everyone_are_refused_before_reaching_the_proxy() {
        // Nothing listens there: only a refusal before any connection passes.
        let proxy = ProxyControl {
            addr: "127.0.0.1:1".into(),
        };
        let everyone = Scope::default().method("GET").path(".");
        assert!(
            proxy
                .drop_connections(&everyone)
                .is_err_and(|e| e.to_string().contains("other tests share the proxy")),
            "refused"
        );
    }

    #[test]
    fn a_kubeconfig_through_a_listener_changes_its_server_only() {
        let original = "apiVersion: v1\nclusters:\n- name: testcluster\n  cluster:\n    server: https://127.0.0.1:1000\n    certificate-authority-data: Q0E=\nusers: []\n";
        assert_eq!(
            with_server(original, "https://127.0.0.1:2000").as_deref(),
            Some(original.replace(":1000", ":2000").as_str())
        );
        assert_eq!(with_server("apiVersion: v1\n", "https://x"), None);
    }

    #[test]
    fn requests_over_one_connection_count_as_one() {
        let over = |conn: &str| Request {
            conn: conn.into(),
            ..req("00.1", "00.2")
        };
        let requests = [
            over("127.0.0.1:1"),
            over("127.0.0.1:2"),
            over("127.0.0.1:1"),
        ];
        assert_eq!(connections(&requests), 2);
        assert_eq!(connections(&[]), 0);
    }

    #[test]
    fn concurrent_requests_are_one_round_trip() {
        let wave = [
            req("00.1", "00.5"),
            req("00.2", "00.6"),
            req("00.15", "00.4"),
        ];
        assert_eq!(sequential_round_trips(&wave), 1);
    }

    #[test]
    fn requests_after_others_ended_add_round_trips() {
        let chain = [
            req("00.1", "00.2"),
            req("00.25", "00.3"),
            req("00.26", "00.28"),
            req("00.35", "00.4"),
        ];
        assert_eq!(sequential_round_trips(&chain), 3);
        assert_eq!(sequential_round_trips(&[]), 0);
    }
}
