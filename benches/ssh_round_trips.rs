//! How many round trips, one after another, `devctl ssh NAME -- true` costs from start to exit
//! against a distant cluster (the test cluster through a listener of its proxy with 50 ms on
//! everything it sends, TLS handshakes included), to the devserver's real sshd: the wall time
//! with the latency, less the wall time without it, over the latency (the fastest of 7 runs
//! each). The budget is 8 (TLS, the upgrade, then six SSH exchanges: version and key exchange
//! offers, key exchange, service request, authentication, channel open, command and exit); the
//! run fails above it, give or take one for the noise of measuring by wall time. For comparison, `kubectl port-forward` plus OpenSSH's `ssh` for the same
//! command. Run it with `cargo bench --bench ssh_round_trips` (CI runs it with `cargo test
//! --bench`). Needs root and debootstrap for sshd, as the ssh tests do.

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    reason = "a benchmark reports on stdout and fails loudly"
)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::ns::Ns;
use common::sshd::{self, Sshd};

const BUDGET: f64 = 8.0;
const LATENCY: Duration = Duration::from_millis(50);
const RUNS: usize = 7;
/// Wall time counts the client's own work too, and on a busy machine the two series differ by
/// up to a round trip's worth of it: the run fails only beyond that.
const NOISE: f64 = 1.0;

/// The fastest of a few runs of `what`; `None` when one fails.
fn fastest(mut what: impl FnMut() -> bool) -> Option<Duration> {
    let mut best: Option<Duration> = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        if !what() {
            return None;
        }
        let took = start.elapsed();
        best = Some(best.map_or(took, |b| b.min(took)));
    }
    best
}

fn round_trips(distant: Duration, near: Duration) -> f64 {
    distant.saturating_sub(near).as_secs_f64() / LATENCY.as_secs_f64()
}

fn main() {
    let Some(ns) = Ns::new("bench-ssh") else {
        return;
    };
    sshd::user_key(&ns);
    ns.ok(&["create", "box", "--wait", "--flavor", "cpu-small"]);
    let Some(_sshd) = Sshd::start(&ns, "box") else {
        return;
    };
    let listener = ns.cluster.proxy().latency_listener(LATENCY).unwrap();
    let distant = listener.kubeconfig(ns.cluster.kubeconfig()).unwrap();
    let near = ns.cluster.kubeconfig().to_path_buf();

    let devctl = |kubeconfig: &std::path::Path| {
        let out = ns
            .env
            .process()
            .arg("--kubeconfig")
            .arg(kubeconfig)
            .args(["-n", &ns.name, "ssh", "box", "--", "true"])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        if !out.status.success() {
            println!(
                "devctl ssh failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        out.status.success()
    };
    let devctl_trips = round_trips(
        fastest(|| devctl(&distant)).expect("devctl ssh through the distant listener"),
        fastest(|| devctl(&near)).expect("devctl ssh"),
    );

    // kubectl port-forward, then OpenSSH through it, checking the same pinned host key.
    let set: k8s_openapi::api::apps::v1::StatefulSet = ns.get("box").unwrap();
    let pinned = set.metadata.annotations.unwrap()["devserver.io/host-key"].clone();
    let known_hosts = ns.env.home().join("known_hosts");
    std::fs::write(&known_hosts, format!("box.devctl {pinned}\n")).unwrap();
    let key = ns.env.home().join(".ssh/id_ed25519");
    let kubectl = |kubeconfig: &std::path::Path| {
        let forward = common::KubectlForward::start(kubeconfig, &ns.name, "box-0", 22);
        let port = forward.port.clone();
        let ok = Command::new("ssh")
            .args(["-p", &port, "-i"])
            .arg(&key)
            .arg("-o")
            .arg(format!("UserKnownHostsFile={}", known_hosts.display()))
            .args([
                "-o",
                "HostKeyAlias=box.devctl",
                "-o",
                "StrictHostKeyChecking=yes",
            ])
            .args(["-o", "BatchMode=yes", "dev@127.0.0.1", "true"])
            .env("HOME", ns.env.home())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        if !ok.status.success() {
            println!(
                "ssh through kubectl failed: {}",
                String::from_utf8_lossy(&ok.stderr)
            );
        }
        drop(forward);
        ok.status.success()
    };
    let kubectl_found = Command::new("kubectl")
        .arg("version")
        .arg("--client")
        .output()
        .is_ok_and(|o| o.status.success());
    let kubectl_trips = kubectl_found.then(|| {
        Some(round_trips(
            fastest(|| kubectl(&distant))?,
            fastest(|| kubectl(&near))?,
        ))
    });

    println!(
        "devctl ssh NAME -- true: {devctl_trips:.1} sequential round trips at {} ms (budget {BUDGET})",
        LATENCY.as_millis()
    );
    match kubectl_trips {
        Some(Some(trips)) => {
            println!("kubectl port-forward + ssh: {trips:.1} sequential round trips")
        }
        Some(None) => println!("kubectl port-forward + ssh: a run failed (see above)"),
        None => println!("kubectl port-forward + ssh: kubectl is not installed"),
    }
    assert!(
        devctl_trips <= BUDGET + NOISE,
        "devctl ssh takes {devctl_trips:.1} round trips, over the budget of {BUDGET}"
    );
}
