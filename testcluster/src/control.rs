//! Clients for the control endpoints of the API proxy (latency, faults, dropped streams, the
//! request log) and of the node agent (port-forward targets, container logs). Both speak plain
//! HTTP on loopback; a few lines over `TcpStream` are all that needs.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::Error;

/// One HTTP/1.0 exchange (so the server closes the connection and never chunks the body).
pub(crate) fn http(
    addr: &str,
    method: &str,
    path: &str,
    body: &[u8],
) -> Result<(u16, String), Error> {
    let fail = |e: std::io::Error| Error::Control(format!("{method} http://{addr}{path}: {e}"));
    let mut stream = TcpStream::connect(addr).map_err(fail)?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(fail)?;
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
    let (status, text) = http(addr, method, path, body)?;
    if (200..300).contains(&status) {
        Ok(text)
    } else {
        Err(Error::Control(format!(
            "{method} http://{addr}{path}: {status} {}",
            text.trim()
        )))
    }
}

/// A failure the proxy answers in place of the API server.
#[derive(Debug, Clone, Serialize)]
pub struct Fault {
    /// HTTP method to match; empty matches any.
    pub method: String,
    /// A regular expression matched against the URL path.
    pub path: String,
    /// The status code to answer with (500, 503, 429, 403, ...).
    pub status: u16,
    /// How many matching requests fail before the fault is used up.
    pub count: u32,
    /// `Retry-After` for 429 and 503.
    #[serde(rename = "retryAfterSeconds", skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<u32>,
}

impl Fault {
    /// Fails the next `count` requests with `method` whose path matches `path`.
    pub fn new(method: &str, path: &str, status: u16, count: u32) -> Fault {
        Fault {
            method: method.into(),
            path: path.into(),
            status,
            count,
            retry_after_seconds: None,
        }
    }

    pub fn retry_after(mut self, seconds: u32) -> Fault {
        self.retry_after_seconds = Some(seconds);
        self
    }
}

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

    /// Delays everything the API server sends by `latency` (one way, order preserved).
    pub fn set_latency(&self, latency: Duration) -> Result<(), Error> {
        let body = serde_json::json!({ "ms": latency.as_millis() as u64 }).to_string();
        expect_ok(&self.addr, "PUT", "/latency", body.as_bytes()).map(drop)
    }

    /// Answers the next matching requests with a failure instead of forwarding them.
    pub fn fail_next(&self, fault: &Fault) -> Result<(), Error> {
        let body = serde_json::to_vec(fault).map_err(|e| Error::Control(e.to_string()))?;
        expect_ok(&self.addr, "POST", "/faults", &body).map(drop)
    }

    pub fn clear_faults(&self) -> Result<(), Error> {
        expect_ok(&self.addr, "DELETE", "/faults", b"").map(drop)
    }

    /// Closes every open client connection (watches, exec and port-forward streams included).
    /// Returns how many were dropped.
    pub fn drop_connections(&self) -> Result<u64, Error> {
        self.drop("/drop")
    }

    /// Closes the client connection from `conn` (a [`Request::conn`]), leaving the
    /// connections of every other client, and so of other tests, alone.
    pub fn drop_connection(&self, conn: &str) -> Result<u64, Error> {
        // An address is `127.0.0.1:PORT` or `[::1]:PORT`: nothing in it needs escaping
        // but the brackets, which a query accepts.
        self.drop(&format!("/drop?remote={conn}"))
    }

    fn drop(&self, path: &str) -> Result<u64, Error> {
        let text = expect_ok(&self.addr, "POST", path, b"")?;
        let v: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| Error::Control(e.to_string()))?;
        Ok(v["dropped"].as_u64().unwrap_or(0))
    }

    /// The requests seen since the last [`ProxyControl::clear_requests`], in start order.
    pub fn requests(&self) -> Result<Vec<Request>, Error> {
        let text = expect_ok(&self.addr, "GET", "/requests", b"")?;
        serde_json::from_str(&text).map_err(|e| Error::Control(format!("request log: {e}")))
    }

    pub fn clear_requests(&self) -> Result<(), Error> {
        expect_ok(&self.addr, "DELETE", "/requests", b"").map(drop)
    }
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
            proto: String::new(),
            conn: String::new(),
        }
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
