//! Round trips of the devserver lifecycle against a cluster 50 ms away (a listener of the test
//! cluster's proxy with 50 ms on everything it sends, TLS handshakes included): `create --wait`
//! (budget 3 sequential round trips beyond the pod's own start: the pod watch spans the start)
//! and `list` with 1000 devservers (budget 1), with the wall time and peak memory of that
//! `list`. Run with `cargo bench --bench lifecycle_round_trips`; CI runs it with
//! `cargo test --bench lifecycle_round_trips`. It fails when a budget is exceeded.

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    reason = "a benchmark reports on stdout and fails loudly"
)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use futures::StreamExt;
use k8s_openapi::api::apps::v1::StatefulSet;
use kube::api::{Api, PostParams};

const LATENCY: Duration = Duration::from_millis(50);
const DEVSERVERS: usize = 1000;

/// `user` through a listener of its own, `LATENCY` away; it closes when the listener drops.
fn distant(
    cluster: &testcluster::Cluster,
    user: &testcluster::User,
) -> (testcluster::User, testcluster::LatencyListener) {
    let listener = cluster.proxy().latency_listener(LATENCY).unwrap();
    (listener.user(user).unwrap(), listener)
}

fn devctl(user: &testcluster::User, home: &std::path::Path, ns: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_devctl"));
    cmd.env_clear()
        .env("HOME", home)
        .arg("--kubeconfig")
        .arg(&user.kubeconfig)
        .args(["-n", ns])
        .args(args);
    cmd
}

/// A user for one measured command: the latency and the part of the request log read are its
/// own, whatever else uses the cluster.
fn user_for(cluster: &testcluster::Cluster, what: &str) -> testcluster::User {
    cluster
        .user(
            &format!("bench-{what}-{}", std::process::id()),
            &["system:masters"],
        )
        .unwrap()
}

fn main() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let home = tempfile::tempdir().unwrap();

    // create --wait
    let ns = cluster.namespace("bench-create").unwrap();
    let creator = user_for(cluster, "create");
    let mine = testcluster::Scope::user(&creator.name);
    let (far, listener) = distant(cluster, &creator);
    let start = Instant::now();
    let out = devctl(&far, home.path(), &ns, &["create", "timed", "--wait"])
        .output()
        .unwrap();
    let wall = start.elapsed();
    drop(listener);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let requests = cluster.proxy().requests_in(&mine).unwrap();
    let create_trips = testcluster::sequential_round_trips(&requests);
    let create_requests: Vec<String> = requests
        .iter()
        .map(|r| {
            format!(
                "{} {}?{} {} .. {}",
                r.method,
                r.path,
                r.query,
                r.start,
                r.end.as_deref().unwrap_or("open")
            )
        })
        .collect();
    println!(
        "devctl create --wait with {} ms latency: {} requests over {} connection(s), {create_trips} sequential round trip(s) (budget 3), {:.0} ms wall",
        LATENCY.as_millis(),
        requests.len(),
        testcluster::connections(&requests),
        wall.as_secs_f64() * 1000.0
    );
    for line in &create_requests {
        println!("  {line}");
    }

    // list with 1000 devservers
    let ns = cluster.namespace("bench-list").unwrap();
    let made = Instant::now();
    testcluster::block_on(async {
        let api: Api<StatefulSet> = Api::namespaced(cluster.client().await.unwrap(), &ns);
        let creates = (0..DEVSERVERS).map(|i| {
            let api = api.clone();
            async move {
                let set: StatefulSet =
                    serde_json::from_value(devserver(&format!("d{i:04}"))).unwrap();
                api.create(&PostParams::default(), &set).await.unwrap();
            }
        });
        futures::stream::iter(creates)
            .buffer_unordered(32)
            .collect::<Vec<_>>()
            .await;
    });
    println!(
        "made {DEVSERVERS} devservers in {:.1}s",
        made.elapsed().as_secs_f64()
    );
    let lister = user_for(cluster, "list");
    let mine = testcluster::Scope::user(&lister.name);
    let (far, listener) = distant(cluster, &lister);
    let start = Instant::now();
    let child = devctl(
        &far,
        home.path(),
        &ns,
        &["list", "--all-users", "-o", "json"],
    )
    .stdout(Stdio::piped())
    .spawn()
    .unwrap();
    let pid = child.id();
    let sampler = std::thread::spawn(move || {
        // VmHWM only grows: its last reading before exit is the peak.
        let mut peak_kb = 0u64;
        while let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) {
            if let Some(kb) = status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
            {
                peak_kb = peak_kb.max(kb);
            }
            if status
                .lines()
                .any(|l| l.starts_with("State:") && l.contains("zombie"))
            {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        peak_kb
    });
    let out = child.wait_with_output().unwrap();
    let wall = start.elapsed();
    let peak_kb = sampler.join().unwrap();
    drop(listener);
    assert!(out.status.success());
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed["items"].as_array().unwrap().len(), DEVSERVERS);
    let requests = cluster.proxy().requests_in(&mine).unwrap();
    let list_trips = testcluster::sequential_round_trips(&requests);
    println!(
        "devctl list with {DEVSERVERS} devservers and {} ms latency: {} requests over {} connection(s), {list_trips} sequential round trip(s) (budget 1), {:.0} ms wall, peak memory {:.1} MiB",
        LATENCY.as_millis(),
        requests.len(),
        testcluster::connections(&requests),
        wall.as_secs_f64() * 1000.0,
        peak_kb as f64 / 1024.0
    );
    assert!(
        create_trips <= 3,
        "create --wait needs {create_trips} sequential round trips, over 3 (requests above)"
    );
    assert!(
        list_trips <= 1,
        "list needs {list_trips} sequential round trips, over 1"
    );
}

/// A stopped devserver's StatefulSet, as devctl makes it, without the pod template details.
fn devserver(name: &str) -> serde_json::Value {
    let labels = serde_json::json!({
        "app.kubernetes.io/managed-by": "devctl",
        "app.kubernetes.io/name": "devserver",
        "app.kubernetes.io/instance": name,
        "devserver.io/owner": "bench",
    });
    serde_json::json!({
        "metadata": {
            "name": name,
            "labels": labels,
            "annotations": {
                "devserver.io/owner": "bench", "devserver.io/flavor": "cpu-small",
                "devserver.io/image": "ubuntu:22.04", "devserver.io/ttl": "8h",
                "devserver.io/expires-at": "2099-01-01T00:00:00Z",
            }
        },
        "spec": {
            "replicas": 0,
            "serviceName": name,
            "selector": { "matchLabels": { "app.kubernetes.io/instance": name } },
            "template": {
                "metadata": { "labels": labels },
                "spec": { "containers": [{ "name": "devserver", "image": "ubuntu:22.04" }] }
            }
        }
    })
}
