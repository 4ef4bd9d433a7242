//! How many round trips, one after another, `devctl status` makes against a distant cluster
//! (the test cluster through a listener of its proxy with 50 ms on everything it sends, TLS
//! handshakes included). Requests issued together count once.
//! The budget is 3 after connection setup; the run fails above it. Run it with
//! `cargo bench --bench status_round_trips` (CI runs it with `cargo test --bench`).

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    reason = "a benchmark reports on stdout and fails loudly"
)]

use std::process::Command;
use std::time::{Duration, Instant};

const BUDGET: usize = 3;
const LATENCY: Duration = Duration::from_millis(50);

fn main() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    // A user of this run alone: the latency and the part of the request log read are its own,
    // whatever else uses the cluster.
    let user = cluster
        .user(
            &format!("bench-status-{}", std::process::id()),
            &["system:masters"],
        )
        .unwrap();
    let run = |kubeconfig: &std::path::Path| {
        let start = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_devctl"))
            .env_clear()
            .env("HOME", home.path())
            .arg("--kubeconfig")
            .arg(kubeconfig)
            .args(["status", "-o", "json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        start.elapsed()
    };
    // Warm the page cache, not the client (every run is a fresh process), as another user so
    // that only the measured run is in the user's log.
    run(cluster.kubeconfig());
    let mine = testcluster::Scope::user(&user.name);
    let distant = cluster.proxy().latency_listener(LATENCY).unwrap();
    let wall = run(&distant.user(&user).unwrap().kubeconfig);
    drop(distant);
    let requests = cluster.proxy().requests_in(&mine).unwrap();
    let trips = testcluster::sequential_round_trips(&requests);
    println!(
        "devctl status with {} ms latency: {} requests over {} connection(s), {trips} sequential round trip(s) (budget {BUDGET}), {:.0} ms wall",
        LATENCY.as_millis(),
        requests.len(),
        testcluster::connections(&requests),
        wall.as_secs_f64() * 1000.0
    );
    assert!(
        trips <= BUDGET,
        "status needs {trips} sequential round trips, over the budget of {BUDGET}"
    );
}
