//! A fake Kubernetes API server on 127.0.0.1 for tests that need answers but no cluster: plain
//! HTTP/1.1, one thread per connection, every answer from the test's handler, every request
//! recorded. It only answers; it never connects anywhere, and it ends with the test process.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: serde_json::Value,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

type Handler = dyn Fn(&Request) -> (u16, serde_json::Value) + Send + Sync;

pub struct FakeApi {
    pub url: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl FakeApi {
    /// Serves `handler`'s answers: `(status code, JSON body)` for each request.
    pub fn start(
        handler: impl Fn(&Request) -> (u16, serde_json::Value) + Send + Sync + 'static,
    ) -> FakeApi {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
        let url = format!("http://{}", listener.local_addr().expect("an address"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let log = requests.clone();
        std::thread::spawn(move || {
            for conn in listener.incoming().flatten() {
                let (handler, log) = (handler.clone(), log.clone());
                std::thread::spawn(move || serve(conn, &*handler, &log));
            }
        });
        FakeApi { url, requests }
    }

    /// A server that answers like a healthy cluster to `devctl status` and `version`: user
    /// `alice`, every access review decided by `allow(verb, resource)`.
    pub fn cluster(allow: impl Fn(&str, &str) -> bool + Send + Sync + 'static) -> FakeApi {
        FakeApi::start(move |req| match (req.method.as_str(), req.path.as_str()) {
            ("GET", "/version") => (200, version()),
            ("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews") => (
                201,
                serde_json::json!({
                    "apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview",
                    "metadata": {},
                    "status": {"userInfo": {"username": "alice", "groups": ["devs", "system:authenticated"]}}
                }),
            ),
            ("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews") => {
                let attrs = &req.body["spec"]["resourceAttributes"];
                let resource = match attrs["subresource"].as_str() {
                    Some(sub) if !sub.is_empty() => {
                        format!("{}/{sub}", attrs["resource"].as_str().unwrap_or(""))
                    }
                    _ => attrs["resource"].as_str().unwrap_or("").to_string(),
                };
                let allowed = allow(attrs["verb"].as_str().unwrap_or(""), &resource);
                (
                    201,
                    serde_json::json!({
                        "apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
                        "metadata": {}, "spec": req.body["spec"],
                        "status": {"allowed": allowed, "reason": if allowed { "fake: allowed" } else { "" }}
                    }),
                )
            }
            _ => not_found(),
        })
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// A kubeconfig for this server with one context `fake`; `user` is the YAML of the user
    /// entry (indented for `users[0].user`), `namespace` the context's.
    pub fn kubeconfig(&self, dir: &Path, user: &str, namespace: Option<&str>) -> PathBuf {
        kubeconfig_for(&self.url, dir, user, namespace)
    }
}

/// A kubeconfig with context `fake` for the server at `url`.
pub fn kubeconfig_for(url: &str, dir: &Path, user: &str, namespace: Option<&str>) -> PathBuf {
    let namespace = namespace
        .map(|ns| format!("\n    namespace: {ns}"))
        .unwrap_or_default();
    let text = format!(
        "apiVersion: v1
kind: Config
clusters:
- name: fake
  cluster:
    server: {url}
users:
- name: fake
  user:
{user}
contexts:
- name: fake
  context:
    cluster: fake
    user: fake{namespace}
- name: other
  context:
    cluster: fake
    user: fake
current-context: fake
"
    );
    let path = dir.join("fake-kubeconfig.yaml");
    std::fs::write(&path, text).expect("writing a kubeconfig");
    path
}

/// A user entry with a bearer token.
pub fn token_user(token: &str) -> String {
    format!("    token: {token}")
}

pub fn version() -> serde_json::Value {
    serde_json::json!({
        "major": "1", "minor": "99", "gitVersion": "v1.99.0", "gitCommit": "0",
        "gitTreeState": "clean", "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1",
        "compiler": "gc", "platform": "linux/amd64"
    })
}

pub fn status(code: u16, reason: &str, message: &str) -> (u16, serde_json::Value) {
    (
        code,
        serde_json::json!({
            "kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
            "message": message, "reason": reason, "code": code
        }),
    )
}

pub fn not_found() -> (u16, serde_json::Value) {
    status(
        404,
        "NotFound",
        "the server could not find the requested resource",
    )
}

fn serve(conn: TcpStream, handler: &Handler, log: &Mutex<Vec<Request>>) {
    let Ok(mut writer) = conn.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(conn);
    // Keep-alive: answer requests on this connection until the client closes it.
    while let Some(request) = read_request(&mut reader) {
        let (code, body) = handler(&request);
        if let Ok(mut log) = log.lock() {
            log.push(request);
        }
        let body = body.to_string();
        let response = format!(
            "HTTP/1.1 {code} Fake\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        if writer.write_all(response.as_bytes()).is_err() {
            return;
        }
    }
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Request> {
    let mut line = String::new();
    reader.read_line(&mut line).ok().filter(|n| *n > 0)?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?;
    let path = target.split('?').next().unwrap_or(target).to_string();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok().filter(|n| *n > 0)?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        path,
        headers,
        body: serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null),
    })
}
