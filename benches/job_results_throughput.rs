//! How fast `devctl job results` brings one large file back from a finished job on the test
//! cluster's real node (a reader pod, the sums computed there, the bytes through the kubelet's
//! exec API, the API server and the test proxy, checked again here), against a plain `cp` of
//! the same file on this machine: both rates and their ratio.
//!
//! No budget is checked: on one small machine the kubelet, the API server, the proxy and devctl
//! share the cores that `cp` has to itself, and the time includes starting the reader and
//! summing the file in it. Run it with `cargo bench --bench job_results_throughput` (CI does:
//! an optimised build). Needs root, `ip` and debootstrap for the real node.

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    reason = "a benchmark reports on stdout and fails loudly"
)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::jobs;
use common::ns::Ns;

const SIZE: u64 = 1 << 30;
const RUNS: usize = 2;

/// MB/s (10^6 bytes) of the fastest of a few runs of `copy`.
fn rate(what: &str, mut copy: impl FnMut()) -> f64 {
    let mut best: Option<Duration> = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        copy();
        let took = start.elapsed();
        best = Some(best.map_or(took, |b| b.min(took)));
    }
    let best = best.unwrap();
    let rate = SIZE as f64 / 1e6 / best.as_secs_f64();
    println!("{what}: {rate:.0} MB/s ({:.1} s)", best.as_secs_f64());
    rate
}

fn main() {
    let Some(ns) = Ns::on_real_node("bench-jobres") else {
        return;
    };
    jobs::run_job(
        ns.cluster,
        &ns.name,
        "bench",
        1,
        &format!("head -c {SIZE} /dev/urandom > /results/big.bin"),
        true,
    );
    let home = ns.env.home();
    let dest = home.join("out");
    let devctl = rate("devctl job results", || {
        let out = ns
            .process(&["job", "results", "bench", dest.to_str().unwrap()])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    });
    let file = dest.join("big.bin");
    assert_eq!(std::fs::metadata(&file).unwrap().len(), SIZE);
    let copy = home.join("copy.bin");
    let cp = rate("cp", || {
        let _ = std::fs::remove_file(&copy);
        let status = Command::new("cp").arg(&file).arg(&copy).status().unwrap();
        assert!(status.success());
    });
    println!("devctl job results / cp: {:.2}", devctl / cp);
}
