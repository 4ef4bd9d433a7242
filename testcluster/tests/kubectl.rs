//! A client none of us wrote: `kubectl` against the test cluster. If these pass, the cluster
//! behaves as a real one to a real client, and devctl's tests against it mean something.
//! `KUBECTL` names the binary; else `kubectl` on PATH (CI builds one from the pinned release
//! when the machine has none).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use testcluster::Cluster;

fn kubectl_binary() -> Option<String> {
    if let Some(k) = std::env::var_os("KUBECTL") {
        return Some(k.to_string_lossy().into_owned());
    }
    let found = Command::new("kubectl")
        .args(["version", "--client"])
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        Some("kubectl".into())
    } else if std::env::var_os("TESTCLUSTER_REQUIRED").is_some() {
        panic!("kubectl is needed (set KUBECTL or put it on PATH)")
    } else {
        eprintln!("skipping: no kubectl");
        None
    }
}

struct Kubectl {
    bin: String,
    kubeconfig: std::path::PathBuf,
    namespace: String,
}

impl Kubectl {
    fn setup(prefix: &str) -> Option<(Kubectl, &'static Cluster)> {
        let bin = kubectl_binary()?;
        let cluster = testcluster::shared_or_skip()?;
        let namespace = cluster.namespace(prefix).unwrap();
        let k = Kubectl {
            bin,
            kubeconfig: cluster.kubeconfig().to_path_buf(),
            namespace,
        };
        Some((k, cluster))
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.bin);
        cmd.arg("--kubeconfig")
            .arg(&self.kubeconfig)
            .args(["-n", &self.namespace])
            .args(args);
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("kubectl runs")
    }

    /// Runs and insists on success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "kubectl {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn apply_stdin(&self, args: &[&str], manifest: &str) -> String {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(manifest.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "kubectl {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn running_pod(&self, name: &str) {
        self.ok(&["run", name, "--image=debian:bookworm", "--restart=Never"]);
        self.ok(&[
            "wait",
            "--for=condition=Ready",
            &format!("pod/{name}"),
            "--timeout=60s",
        ]);
    }
}

#[test]
fn kubectl_sees_the_real_server_version() {
    let Some((k, _)) = Kubectl::setup("kc-version") else {
        return;
    };
    let out = k.ok(&["version", "-o", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["serverVersion"]["gitVersion"],
        testcluster::KUBERNETES_VERSION
    );
    assert_eq!(v["serverVersion"]["minor"], "36");
}

#[test]
fn kubectl_creates_applies_labels_gets_and_deletes() {
    let Some((k, _)) = Kubectl::setup("kc-crud") else {
        return;
    };
    let manifest =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  color: blue\n";
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), manifest).unwrap();
    k.ok(&["create", "-f", &file.path().display().to_string()]);
    assert_eq!(
        k.ok(&[
            "get",
            "configmap",
            "settings",
            "-o",
            "jsonpath={.data.color}"
        ]),
        "blue"
    );

    let again = k.run(&["create", "-f", &file.path().display().to_string()]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("AlreadyExists"));

    k.apply_stdin(
        &["apply", "--server-side", "--force-conflicts", "-f", "-"],
        &manifest.replace("blue", "green"),
    );
    assert_eq!(
        k.ok(&[
            "get",
            "configmap",
            "settings",
            "-o",
            "jsonpath={.data.color}"
        ]),
        "green"
    );
    let managers = k.ok(&[
        "get",
        "configmap",
        "settings",
        "--show-managed-fields",
        "-o",
        "json",
    ]);
    assert!(
        managers.contains("\"manager\": \"kubectl\""),
        "server-side apply records its manager"
    );

    k.ok(&["label", "configmap", "settings", "tier=dev"]);
    assert_eq!(
        k.ok(&["get", "configmaps", "-l", "tier=dev", "-o", "name"])
            .trim(),
        "configmap/settings"
    );
    k.ok(&["delete", "configmap", "settings"]);
    let gone = k.run(&["get", "configmap", "settings"]);
    assert!(!gone.status.success());
    assert!(String::from_utf8_lossy(&gone.stderr).contains("NotFound"));
}

#[test]
fn kubectl_get_watch_streams_changes() {
    let Some((k, _)) = Kubectl::setup("kc-watch") else {
        return;
    };
    let mut watch = k
        .command(&[
            "get",
            "configmaps",
            "--watch-only",
            "--output-watch-events",
            "-o",
            "name",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(watch.stdout.take().unwrap()).lines();
    // The watch may start after the create; keep creating until the stream shows one.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in lines.by_ref().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = None;
    for i in 0.. {
        k.ok(&["create", "configmap", &format!("watched-{i}")]);
        if let Ok(line) = rx.recv_timeout(Duration::from_secs(2)) {
            seen = Some(line);
            break;
        }
        assert!(Instant::now() < deadline, "no watch event arrived");
    }
    let _ = watch.kill();
    let _ = watch.wait();
    let line = seen.unwrap();
    assert!(line.starts_with("configmap/watched-"), "{line}");
}

#[test]
fn kubectl_auth_can_i_follows_rbac() {
    let Some((k, cluster)) = Kubectl::setup("kc-auth") else {
        return;
    };
    let user = cluster.user(&format!("dave-{}", k.namespace), &[]).unwrap();
    let as_user = Kubectl {
        bin: k.bin.clone(),
        kubeconfig: user.kubeconfig.clone(),
        namespace: k.namespace.clone(),
    };
    let denied = as_user.run(&["auth", "can-i", "create", "pods"]);
    assert_eq!(String::from_utf8_lossy(&denied.stdout).trim(), "no");
    assert!(!denied.status.success());
    assert_eq!(k.ok(&["auth", "can-i", "create", "pods"]).trim(), "yes");
    let whoami = as_user.ok(&[
        "auth",
        "whoami",
        "-o",
        "jsonpath={.status.userInfo.username}",
    ]);
    assert_eq!(whoami, user.name);
}

#[test]
fn kubectl_exec_returns_the_exit_code() {
    let Some((k, _)) = Kubectl::setup("kc-exec") else {
        return;
    };
    k.running_pod("box");
    let out = k.run(&["exec", "box", "--", "sh", "-c", "echo hi; exit 42"]);
    assert_eq!(
        out.status.code(),
        Some(42),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hi\n");

    let mut cat = k
        .command(&["exec", "-i", "box", "--", "cat"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    cat.stdin
        .take()
        .unwrap()
        .write_all(b"through kubectl\n")
        .unwrap();
    let out = cat.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "through kubectl\n");
}

#[test]
fn kubectl_port_forward_reaches_the_pod_port() {
    let Some((k, cluster)) = Kubectl::setup("kc-pf") else {
        return;
    };
    k.running_pod("web");
    let server = TcpListener::bind("127.0.0.1:0").unwrap();
    let target = server.local_addr().unwrap().to_string();
    // A line echo server: answers each line it is sent, as an app port answers requests.
    std::thread::spawn(move || {
        for conn in server.incoming().flatten() {
            std::thread::spawn(move || {
                let mut out = conn.try_clone().unwrap();
                for line in BufReader::new(conn).lines().map_while(Result::ok) {
                    let _ = writeln!(out, "pod got: {line}");
                }
            });
        }
    });
    cluster
        .agent()
        .forward(&k.namespace, "web", 8080, &target)
        .unwrap();

    let mut pf = k
        .command(&["port-forward", "pod/web", ":8080"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Keep reading kubectl's stdout: it writes a line per connection and dies of SIGPIPE if
    // nobody listens.
    let mut stdout = BufReader::new(pf.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    // "Forwarding from 127.0.0.1:PORT -> 8080"
    let local = first
        .split_whitespace()
        .nth(2)
        .unwrap_or_else(|| panic!("unexpected port-forward output {first:?}"))
        .to_string();
    let mut conn = TcpStream::connect(&local).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    conn.write_all(b"ping\n").unwrap();
    let mut got = String::new();
    BufReader::new(&conn).read_line(&mut got).unwrap();
    let _ = pf.kill();
    let _ = pf.wait();
    assert_eq!(got, "pod got: ping\n");
}

#[test]
fn kubectl_logs_shows_and_follows_container_output() {
    let Some((k, cluster)) = Kubectl::setup("kc-logs") else {
        return;
    };
    k.running_pod("talker");
    cluster
        .agent()
        .append_log(&k.namespace, "talker", "talker", "first\nsecond\n", false)
        .unwrap();
    assert_eq!(k.ok(&["logs", "talker"]), "first\nsecond\n");
    assert_eq!(k.ok(&["logs", "talker", "--tail=1"]), "second\n");

    let mut follow = k
        .command(&["logs", "-f", "talker"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(follow.stdout.take().unwrap()).lines();
    assert_eq!(lines.next().unwrap().unwrap(), "first");
    assert_eq!(lines.next().unwrap().unwrap(), "second");
    cluster
        .agent()
        .append_log(&k.namespace, "talker", "talker", "third\n", false)
        .unwrap();
    assert_eq!(lines.next().unwrap().unwrap(), "third");
    cluster
        .agent()
        .close_log(&k.namespace, "talker", "talker")
        .unwrap();
    assert!(lines.next().is_none(), "the follow ends with the log");
    assert!(follow.wait().unwrap().success());
}
