//! `devctl status` against the real test cluster: healthy, missing rights, unreachable,
//! unknown context, an untrusted CA, rejected credentials.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use common::{Env, edited_kubeconfig, stderr, stdout};
use k8s_openapi::api::rbac::v1::{Role, RoleBinding};
use kube::api::{Api, PostParams};

#[test]
fn status_on_a_healthy_cluster_allows_everything() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let env = Env::new();
    let out = env
        .devctl_at(cluster.kubeconfig())
        .args(["status", "-n", "default"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!("Server:    {}", cluster.server())),
        "{text}"
    );
    assert!(
        text.contains(&format!("Version:   {}", testcluster::KUBERNETES_VERSION)),
        "{text}"
    );
    assert!(text.contains("User:      admin"), "{text}");
    assert!(text.contains("delete   pods "), "restart's: {text}");
    assert!(!text.contains("NO"), "{text}");
    assert!(
        !text.contains('\x1b'),
        "no ANSI escapes when stdout is not a terminal"
    );
}

#[test]
fn status_json_is_parseable_and_complete() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let env = Env::new();
    let out = env
        .devctl_at(cluster.kubeconfig())
        .args(["status", "-o", "json", "-n", "team-a"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["apiVersion"], "devctl/v1");
    assert_eq!(v["kind"], "Status");
    assert_eq!(v["namespace"], "team-a");
    assert_eq!(v["namespaceSource"], "flag");
    assert_eq!(v["serverVersion"], testcluster::KUBERNETES_VERSION);
    assert_eq!(v["user"]["username"], "admin");
    assert_eq!(v["ready"], true);
    // No ResourceQuota in team-a, and no reaper in this test binary's cluster.
    assert_eq!(v["quotas"], serde_json::json!({"items": [], "error": null}));
    assert_eq!(v["reaper"]["installed"], false, "{v}");
    let perms = v["permissions"].as_array().unwrap();
    assert_eq!(perms.len(), devctl::cluster::permissions::union().len());
    assert!(perms.iter().all(|p| p["allowed"] == true));
}

#[test]
fn missing_rights_exit_5_and_the_table_shows_which() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.namespace("status-rights").unwrap();
    // A bearer token (a ServiceAccount's) that may read pods and nothing else devctl needs.
    testcluster::block_on(async {
        let admin = cluster.client().await.unwrap();
        let role: Role = serde_json::from_value(serde_json::json!({
            "metadata": {"name": "pod-reader"},
            "rules": [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list", "watch"]}]
        }))
        .unwrap();
        let binding: RoleBinding = serde_json::from_value(serde_json::json!({
            "metadata": {"name": "pod-reader"},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "pod-reader"},
            "subjects": [{"kind": "ServiceAccount", "name": "eve", "namespace": ns}]
        }))
        .unwrap();
        Api::<Role>::namespaced(admin.clone(), &ns)
            .create(&PostParams::default(), &role)
            .await
            .unwrap();
        Api::<RoleBinding>::namespaced(admin, &ns)
            .create(&PostParams::default(), &binding)
            .await
            .unwrap();
    });
    let user = testcluster::block_on(cluster.service_account_user(&ns, "eve")).unwrap();
    let env = Env::new();
    // The authorizer sees a new binding a moment after it is written: wait for `get pods`.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let out = loop {
        let out = env
            .devctl_at(&user.kubeconfig)
            .args(["status", "-n", &ns])
            .output()
            .unwrap();
        if stdout(&out)
            .lines()
            .any(|l| l.starts_with("get      pods ") && l.ends_with("yes"))
        {
            break out;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the role never took effect:\n{}",
            stdout(&out)
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    let table = stdout(&out);
    let row = |verb: &str, resource: &str| {
        table
            .lines()
            .find(|l| l.split_whitespace().take(2).eq([verb, resource]))
            .unwrap_or_else(|| panic!("no row {verb} {resource} in\n{table}"))
            .to_string()
    };
    assert!(
        row("create", "statefulsets.apps").ends_with("NO"),
        "{table}"
    );
    // The namespace's row: `list pods` in every namespace (flavors, create) is another.
    let pods_here = table
        .lines()
        .find(|l| {
            l.split_whitespace()
                .take(3)
                .eq(["list", "pods", ns.as_str()])
        })
        .unwrap_or_else(|| panic!("no row list pods {ns} in\n{table}"));
    assert!(pods_here.ends_with("yes"), "{table}");
    assert!(row("list", "nodes").ends_with("no (optional)"), "{table}");
    assert!(
        table.contains(&format!("User:      {}", user.name)),
        "{table}"
    );
    let err = stderr(&out);
    assert!(err.contains("required permission(s) missing"), "{err}");
    assert!(err.contains("create statefulsets.apps"), "{err}");
}

#[test]
fn cluster_down_exits_7_and_names_the_url() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let env = Env::new();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let down = edited_kubeconfig(env.home(), cluster.kubeconfig(), "down.yaml", |t| {
        t.replace(cluster.server(), &format!("https://127.0.0.1:{closed}"))
    });
    let out = env.devctl_at(&down).arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(7));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "error: cannot reach the cluster at https://127.0.0.1:{closed}"
        )),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
    assert!(!err.contains("caused by"), "the cause chain waits for -v");
    let verbose = env
        .devctl_at(&down)
        .args(["status", "-v"])
        .output()
        .unwrap();
    let err = stderr(&verbose);
    assert!(
        err.contains("caused by:") && err.contains("GET /version -> failed"),
        "{err}"
    );
}

/// A minimal HTTP `CONNECT` proxy on loopback; returns its URL and the targets it was asked
/// for.
fn connect_proxy() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use std::io::{BufRead, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = asked.clone();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let seen = seen.clone();
            std::thread::spawn(move || {
                let mut reader = std::io::BufReader::new(client.try_clone().unwrap());
                let mut request = String::new();
                reader.read_line(&mut request).unwrap();
                let mut line = String::new();
                while reader.read_line(&mut line).unwrap() > 2 {
                    line.clear();
                }
                let target = request.split_whitespace().nth(1).unwrap().to_string();
                seen.lock().unwrap().push(target.clone());
                let upstream = std::net::TcpStream::connect(&target).unwrap();
                (&client)
                    .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    .unwrap();
                let (mut up_read, mut up_write) = (upstream.try_clone().unwrap(), upstream);
                let mut down_write = client;
                std::thread::spawn(move || std::io::copy(&mut reader, &mut up_write));
                let _ = std::io::copy(&mut up_read, &mut down_write);
            });
        }
    });
    (url, asked)
}

/// The test cluster's kubeconfig with `proxy-url` in its cluster entry.
fn with_proxy_url(env: &Env, cluster: &testcluster::Cluster, url: &str) -> std::path::PathBuf {
    let server = format!("    server: {}", cluster.server());
    edited_kubeconfig(env.home(), cluster.kubeconfig(), "proxied.yaml", |t| {
        t.replace(&server, &format!("{server}\n    proxy-url: {url}"))
    })
}

#[test]
fn the_kubeconfigs_proxy_url_is_used() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let (proxy, asked) = connect_proxy();
    let env = Env::new();
    let proxied = with_proxy_url(&env, cluster, &proxy);
    let out = env.devctl_at(&proxied).arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let server = cluster.server().trim_start_matches("https://").to_string();
    assert!(
        asked.lock().unwrap().contains(&server),
        "{:?}",
        asked.lock()
    );
}

#[test]
fn https_proxy_is_used_unless_no_proxy_names_the_server() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let (proxy, asked) = connect_proxy();
    let env = Env::new();
    let out = env
        .devctl_at(cluster.kubeconfig())
        .arg("status")
        .env("HTTPS_PROXY", &proxy)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let server = cluster.server().trim_start_matches("https://").to_string();
    let asked = asked.lock().unwrap().clone();
    // One connection for the whole command: its first wave does not open one per request.
    assert_eq!(asked, [server], "one connection, through the proxy");

    // A proxy that is not there: NO_PROXY must keep devctl away from it.
    let out = env
        .devctl_at(cluster.kubeconfig())
        .arg("status")
        .env("HTTPS_PROXY", "http://127.0.0.1:9")
        .env("NO_PROXY", "localhost,127.0.0.1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_proxy_devctl_cannot_speak_is_refused_in_one_line() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let env = Env::new();
    let proxied = with_proxy_url(&env, cluster, "socks5://user:secret@127.0.0.1:9");
    let out = env.devctl_at(&proxied).arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: requests to ") && err.contains("socks5://127.0.0.1:9"),
        "{err}"
    );
    assert!(
        !err.contains("secret"),
        "no proxy password in messages: {err}"
    );
    assert_eq!(err.lines().count(), 2, "an error and a hint: {err}");
}

#[test]
fn an_unknown_context_lists_the_known_ones() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let env = Env::new();
    let out = env
        .devctl_at(cluster.kubeconfig())
        .args(["--context", "prod", "status"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("context \"prod\" not found"), "{err}");
    assert!(err.contains("hint: known contexts: testcluster"), "{err}");
}

#[test]
fn a_ca_that_does_not_match_is_a_tls_error_naming_the_ca() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let env = Env::new();
    use base64::Engine;
    let wrong =
        base64::engine::general_purpose::STANDARD.encode(testcluster::unrelated_ca_pem().unwrap());
    let right = base64::engine::general_purpose::STANDARD.encode(cluster.ca_pem());
    let untrusted = edited_kubeconfig(env.home(), cluster.kubeconfig(), "wrong-ca.yaml", |t| {
        t.replace(&right, &wrong)
    });
    let out = env.devctl_at(&untrusted).arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(7));
    let err = stderr(&out);
    assert!(err.contains("TLS verification"), "{err}");
    assert!(err.contains("certificate-authority-data"), "{err}");
    assert!(err.contains(&untrusted.display().to_string()), "{err}");
}

#[test]
fn rejected_credentials_exit_5_with_a_refresh_hint() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let env = Env::new();
    let bad = cluster
        .token_kubeconfig("expired.yaml", "not-a-valid-token")
        .unwrap();
    let out = env.devctl_at(&bad).arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    let err = stderr(&out);
    assert!(err.contains("401"), "{err}");
    assert!(err.contains("hint:"), "{err}");
    assert!(
        !err.contains("not-a-valid-token"),
        "the token is never printed"
    );
    let verbose = env
        .devctl_at(&bad)
        .args(["status", "-vv"])
        .output()
        .unwrap();
    assert!(
        !stderr(&verbose).contains("not-a-valid-token"),
        "not even with -vv"
    );
}

#[test]
fn namespace_comes_from_the_context_unless_set() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let env = Env::new();
    let with_ns = edited_kubeconfig(env.home(), cluster.kubeconfig(), "ns.yaml", |t| {
        t.replace(
            "    user: testcluster\n",
            "    user: testcluster\n    namespace: from-context\n",
        )
    });
    let ns = |cmd: &mut assert_cmd::Command| {
        let out = cmd.args(["status", "-o", "json"]).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            v["namespace"].as_str().unwrap().to_string(),
            v["namespaceSource"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(
        ns(&mut env.devctl_at(&with_ns)),
        ("from-context".into(), "context".into())
    );
    std::fs::write(env.config_path(), "namespace: from-file\n").unwrap();
    assert_eq!(
        ns(&mut env.devctl_at(&with_ns)),
        ("from-file".into(), "file".into())
    );
    assert_eq!(
        ns(env.devctl_at(&with_ns).env("DEVCTL_NAMESPACE", "from-env")),
        ("from-env".into(), "env".into())
    );
    assert_eq!(
        ns(env
            .devctl_at(&with_ns)
            .env("DEVCTL_NAMESPACE", "from-env")
            .args(["-n", "from-flag"])),
        ("from-flag".into(), "flag".into())
    );
    let plain = env
        .devctl_at(cluster.kubeconfig())
        .env("DEVCTL_CONFIG", env.home().join("none.yaml"))
        .args(["status", "-o", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert_eq!(v["namespace"], "default");
}

#[test]
fn version_reports_the_servers() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let env = Env::new();
    let out = env
        .devctl_at(cluster.kubeconfig())
        .arg("version")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(stdout(&out).contains(&format!(
        "Server Version: {}",
        testcluster::KUBERNETES_VERSION
    )));
}

#[test]
fn status_asks_everything_over_one_http2_connection() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    // A user of this test alone, so that the proxy's log holds only its requests.
    let name = format!("one-conn-{}", std::process::id());
    let user = cluster.user(&name, &["system:masters"]).unwrap();
    let out = Env::new()
        .devctl_at(&user.kubeconfig)
        .args(["status", "-n", "default"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mine: Vec<_> = cluster
        .proxy()
        .requests()
        .unwrap()
        .into_iter()
        .filter(|r| r.user == name)
        .collect();
    let reviews = mine
        .iter()
        .filter(|r| r.path.ends_with("/selfsubjectaccessreviews"))
        .count();
    assert!(reviews > 10, "the permission table: {mine:?}");
    assert!(mine.iter().all(|r| r.proto == "HTTP/2.0"), "{mine:?}");
    let mut conns: Vec<&str> = mine.iter().map(|r| r.conn.as_str()).collect();
    conns.sort();
    conns.dedup();
    assert_eq!(conns.len(), 1, "one connection for {} requests", mine.len());
}
