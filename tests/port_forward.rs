//! `port-forward` end to end: the real devctl binary, the test cluster's API server and its
//! port-forward, which the node agent sends to echo servers this test runs on loopback. Every
//! step waits for a line devctl prints on stderr, never for a time.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::ns::Ns;
use common::{Env, stderr};

/// How long a line devctl should print may take to come.
const PATIENCE: Duration = Duration::from_secs(90);

/// An echo server on loopback: every connection gets back what it sends.
fn echo_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut conn) = conn else { continue };
            std::thread::spawn(move || {
                let mut back = conn.try_clone().unwrap();
                let _ = std::io::copy(&mut conn, &mut back);
            });
        }
    });
    port
}

/// A running devserver `box` whose pod's `ports` lead to echo servers.
fn devserver(prefix: &str, ports: &[u16]) -> Option<Ns> {
    let ns = Ns::new(prefix)?;
    ns.ok(&["create", "box", "--wait", "--flavor", "cpu-small"]);
    for port in ports {
        let target = format!("127.0.0.1:{}", echo_server());
        ns.cluster
            .agent()
            .forward(&ns.name, "box-0", *port, &target)
            .unwrap();
    }
    Some(ns)
}

/// A local port nobody listens on (as far as anyone can know).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Bytes that no off-by-some error turns into themselves.
fn pattern(len: usize, seed: u32) -> Vec<u8> {
    let mut state = seed.wrapping_mul(2_654_435_761).max(1);
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        })
        .collect()
}

/// Sends `data` through `local` and reads back as much, both at once.
fn round_trip(local: u16, data: &[u8]) -> Vec<u8> {
    let mut conn = TcpStream::connect(("127.0.0.1", local)).unwrap();
    conn.set_read_timeout(Some(PATIENCE)).unwrap();
    let mut writer = conn.try_clone().unwrap();
    let sent = data.to_vec();
    let sending = std::thread::spawn(move || writer.write_all(&sent).unwrap());
    let mut back = vec![0u8; data.len()];
    conn.read_exact(&mut back).unwrap();
    sending.join().unwrap();
    back
}

/// `devctl port-forward` running in the background, its stderr read line by line.
struct Forwarding {
    child: Child,
    lines: mpsc::Receiver<String>,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Forwarding {
    fn start(ns: &Ns, args: &[&str]) -> Forwarding {
        Self::spawn(
            ns.env
                .process()
                .arg("--kubeconfig")
                .arg(ns.cluster.kubeconfig())
                .args(["-n", &ns.name, "port-forward"])
                .args(args),
        )
    }

    fn spawn(cmd: &mut std::process::Command) -> Forwarding {
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, lines) = mpsc::channel();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stderr = child.stderr.take().unwrap();
        let log = seen.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                log.lock().unwrap().push(line.clone());
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Forwarding { child, lines, seen }
    }

    /// Everything devctl printed on stderr so far.
    fn stderr(&self) -> String {
        self.seen.lock().unwrap().join("\n")
    }

    /// The next stderr line that contains `text`.
    fn line_with(&self, text: &str) -> String {
        loop {
            match self.lines.recv_timeout(PATIENCE) {
                Ok(line) if line.contains(text) => return line,
                Ok(_) => {}
                Err(_) => panic!("no line with {text:?} on stderr:\n{}", self.stderr()),
            }
        }
    }

    /// The local port of each `Forwarding from 127.0.0.1:LOCAL -> REMOTE` line, for `remotes`
    /// in that order.
    fn local_ports(&self, remotes: &[u16]) -> Vec<u16> {
        remotes
            .iter()
            .map(|remote| {
                let line = self.line_with("Forwarding from");
                let (from, to) = line
                    .strip_prefix("Forwarding from 127.0.0.1:")
                    .and_then(|rest| rest.split_once(" -> "))
                    .unwrap_or_else(|| panic!("{line}"));
                assert_eq!(to, remote.to_string(), "{line}");
                from.parse().unwrap()
            })
            .collect()
    }

    /// Ctrl-C, and what devctl left.
    fn interrupt(mut self) -> (i32, String, String) {
        signal(&self.child, "INT");
        let mut stdout = String::new();
        self.child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut stdout)
            .unwrap();
        let code = self.child.wait().unwrap().code().unwrap_or(-1);
        (code, stdout, self.rest())
    }

    /// The end by itself, and what devctl left.
    fn wait(mut self) -> (i32, String) {
        let code = self.child.wait().unwrap().code().unwrap_or(-1);
        (code, self.rest())
    }

    fn rest(&self) -> String {
        while self.lines.recv_timeout(PATIENCE).is_ok() {}
        self.stderr()
    }
}

impl Drop for Forwarding {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn signal(child: &Child, name: &str) {
    let sent = std::process::Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

#[test]
fn two_ports_at_once_carry_megabytes_both_ways_byte_exact() {
    let Some(ns) = devserver("pf-two", &[8888, 6006]) else {
        return;
    };
    let chosen = free_port();
    let spec = format!("{chosen}:8888");
    let forwarding = Forwarding::start(&ns, &["box", &spec, ":6006"]);
    let locals = forwarding.local_ports(&[8888, 6006]);
    assert_eq!(locals[0], chosen, "LOCAL:REMOTE listens on LOCAL");
    assert_ne!(locals[1], 0, ":REMOTE picks a free port");
    let (a, b) = (pattern(3 << 20, 1), pattern(3 << 20, 2));
    let (la, lb) = (locals[0], locals[1]);
    let (a2, b2) = (a.clone(), b.clone());
    let first = std::thread::spawn(move || round_trip(la, &a2) == a2);
    let second = std::thread::spawn(move || round_trip(lb, &b2) == b2);
    assert!(first.join().unwrap(), "{}", forwarding.stderr());
    assert!(second.join().unwrap(), "{}", forwarding.stderr());
    // Several connections to one port at once, each with a stream of its own.
    let parallel: Vec<_> = (0..3)
        .map(|i| {
            std::thread::spawn(move || {
                let data = pattern(100_000, 10 + i);
                round_trip(la, &data) == data
            })
        })
        .collect();
    for each in parallel {
        assert!(each.join().unwrap(), "{}", forwarding.stderr());
    }
    let (code, stdout, err) = forwarding.interrupt();
    assert_eq!(code, 0, "Ctrl-C ends it cleanly: {err}");
    assert_eq!(stdout, "", "stdout stays clean");
    assert!(!err.contains("warning"), "{err}");
}

#[test]
fn json_output_prints_the_chosen_ports() {
    let Some(ns) = devserver("pf-json", &[8888]) else {
        return;
    };
    let forwarding = Forwarding::start(&ns, &["box", ":8888", "-o", "json"]);
    let local = forwarding.local_ports(&[8888])[0];
    assert_eq!(round_trip(local, b"hello"), b"hello");
    let (code, stdout, err) = forwarding.interrupt();
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["apiVersion"], "devctl/v1");
    assert_eq!(doc["kind"], "PortForward");
    assert_eq!(doc["devserver"], "box");
    assert_eq!(doc["namespace"], ns.name.as_str());
    assert_eq!(
        doc["forwards"],
        serde_json::json!([{"address": "127.0.0.1", "localPort": local, "remotePort": 8888}])
    );
}

#[test]
fn after_a_dropped_api_connection_a_new_connection_gets_a_new_forward() {
    let Some(ns) = devserver("pf-drop", &[8888]) else {
        return;
    };
    let forwarding = Forwarding::start(&ns, &["box", ":8888"]);
    let local = forwarding.local_ports(&[8888])[0];
    // A connection held open, so its forward is there to be cut.
    let mut held = TcpStream::connect(("127.0.0.1", local)).unwrap();
    held.set_read_timeout(Some(PATIENCE)).unwrap();
    held.write_all(b"ping").unwrap();
    let mut back = [0u8; 4];
    held.read_exact(&mut back).unwrap();
    assert_eq!(&back, b"ping");
    let proxy = ns.cluster.proxy();
    let forwards = ns.port_forwards("box-0");
    assert_eq!(forwards.len(), 1, "{forwards:?}");
    proxy.drop_connection(&forwards[0].conn).unwrap();
    let broke = forwarding.line_with("broke");
    assert!(
        broke.contains(&format!("127.0.0.1:{local} -> 8888")) && broke.contains("new forward"),
        "{broke}"
    );
    // The cut connection is closed, not left hanging.
    assert_closed(held.read(&mut back));
    let data = pattern(1 << 20, 3);
    assert!(round_trip(local, &data) == data, "{}", forwarding.stderr());
    forwarding.line_with("re-established the port-forward");
    let (code, _, err) = forwarding.interrupt();
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_dropped_watch_on_the_pod_is_resumed_and_forwarding_goes_on() {
    let Some(ns) = devserver("pf-watch", &[8888]) else {
        return;
    };
    let proxy = ns.cluster.proxy();
    let pods = testcluster::Scope::namespace(&ns.name)
        .path(&format!("^/api/v1/namespaces/{}/pods$", ns.name));
    let before = proxy.requests_in(&pods).unwrap().len();
    let forwarding = Forwarding::start(&ns, &["box", ":8888"]);
    let local = forwarding.local_ports(&[8888])[0];
    // Following the pod is a list, then a watch.
    let watches: Vec<_> = proxy
        .wait_requests(&pods, u32::try_from(before + 2).unwrap(), PATIENCE)
        .unwrap()
        .into_iter()
        .filter(|r| r.query.contains("watch=true") && r.end.is_none())
        .collect();
    assert_eq!(watches.len(), 1, "{watches:?}");
    proxy.drop_connection(&watches[0].conn).unwrap();
    // The client library reports a cut watch as its end (or, at times, as an error, which
    // devctl says on stderr): either way it is watched again.
    proxy
        .wait_requests(&pods, u32::try_from(before + 3).unwrap(), PATIENCE)
        .unwrap();
    assert_eq!(round_trip(local, b"on"), b"on");
    ns.ok(&["restart", "box", "--wait", "--timeout", "2m"]);
    forwarding.line_with("is ready; forwarding to it again");
    let (code, _, err) = forwarding.interrupt();
    assert_eq!(code, 0, "{err}");
}

#[test]
fn after_a_restart_a_new_connection_reaches_the_new_pod() {
    let Some(ns) = devserver("pf-restart", &[8888]) else {
        return;
    };
    let forwarding = Forwarding::start(&ns, &["box", ":8888"]);
    let local = forwarding.local_ports(&[8888])[0];
    assert_eq!(round_trip(local, b"before"), b"before");
    ns.ok(&["restart", "box", "--wait", "--timeout", "2m"]);
    forwarding.line_with("is not ready");
    forwarding.line_with("is ready; forwarding to it again");
    assert_eq!(round_trip(local, b"after"), b"after");
    let (code, _, err) = forwarding.interrupt();
    assert_eq!(code, 0, "{err}");
}

#[test]
fn while_stopped_connections_are_closed_and_after_a_start_they_are_forwarded() {
    let Some(ns) = devserver("pf-stop", &[8888]) else {
        return;
    };
    let forwarding = Forwarding::start(&ns, &["box", ":8888"]);
    let local = forwarding.local_ports(&[8888])[0];
    ns.ok(&["stop", "box"]);
    forwarding.line_with("devserver box was stopped; new connections are closed");
    let mut conn = TcpStream::connect(("127.0.0.1", local)).unwrap();
    conn.set_read_timeout(Some(PATIENCE)).unwrap();
    assert_closed(conn.read(&mut [0u8; 1]));
    let line = forwarding.line_with("connection closed");
    assert!(line.contains("the devserver is stopped"), "{line}");
    // A connection while it starts again waits for the pod to be ready.
    ns.ok(&["start", "box"]);
    forwarding.line_with("is not ready");
    assert_eq!(round_trip(local, b"back"), b"back");
    forwarding.line_with("is ready; forwarding to it again");
    let (code, _, err) = forwarding.interrupt();
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_deleted_devserver_ends_it_with_exit_3() {
    let Some(ns) = devserver("pf-deleted", &[8888]) else {
        return;
    };
    let forwarding = Forwarding::start(&ns, &["box", ":8888"]);
    forwarding.local_ports(&[8888]);
    ns.ok(&["delete", "box", "--yes"]);
    let (code, err) = forwarding.wait();
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains("error: devserver box was deleted; stopped forwarding"),
        "{err}"
    );
}

#[test]
fn a_port_the_pod_refuses_closes_that_connection_and_says_so() {
    let Some(ns) = devserver("pf-refused", &[8888]) else {
        return;
    };
    // Nothing in the pod listens on 9999: the node agent has no target for it.
    let forwarding = Forwarding::start(&ns, &["box", ":9999", ":8888"]);
    let locals = forwarding.local_ports(&[9999, 8888]);
    let mut conn = TcpStream::connect(("127.0.0.1", locals[0])).unwrap();
    conn.set_read_timeout(Some(PATIENCE)).unwrap();
    let mut buf = [0u8; 1];
    assert_closed(conn.read(&mut buf));
    let line = forwarding.line_with("refused the connection");
    assert!(line.contains("-> 9999"), "{line}");
    // The other port, and that one's next connection, are unharmed.
    assert_eq!(round_trip(locals[1], b"still"), b"still");
    let (code, _, err) = forwarding.interrupt();
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_port_in_use_locally_is_an_error_and_nothing_is_left_listening() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let free = free_port();
    // No cluster is asked: the ports are bound first.
    let out = Env::new()
        .devctl()
        .args([
            "port-forward",
            "box",
            &format!("{free}:8888"),
            &format!("{port}:6006"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "error: cannot listen on 127.0.0.1:{port}: address already in use\n"
        )),
        "{err}"
    );
    assert_eq!(err.lines().filter(|l| l.starts_with("error")).count(), 1);
    assert!(TcpListener::bind(("127.0.0.1", free)).is_ok());
}

#[test]
fn a_missing_devserver_is_exit_3_and_a_stopped_one_exit_1_with_the_hint() {
    let Some(ns) = Ns::new("pf-stopped") else {
        return;
    };
    let out = ns.devctl(&["port-forward", "nothere", ":8888"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("devctl create nothere"),
        "{}",
        stderr(&out)
    );
    ns.ok(&["create", "box", "--flavor", "cpu-small"]);
    ns.ok(&["stop", "box"]);
    let out = ns.devctl(&["port-forward", "box", ":8888"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("devserver box is stopped"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("devctl start box --wait"),
        "{}",
        stderr(&out)
    );
}

/// A read that found the connection closed (its end, or a reset), not one that timed out.
fn assert_closed(read: std::io::Result<usize>) {
    match read {
        Ok(0) => {}
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
        other => panic!("the connection was not closed: {other:?}"),
    }
}
