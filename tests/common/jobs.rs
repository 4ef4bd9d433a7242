//! Jobs for the tests of `devctl job results`, made by `devctl job run` on the test cluster's
//! real node.

use testcluster::Cluster;

/// The image the jobs run.
pub const DEBIAN: &str = "devctl.test/debian:bookworm";
/// The owner they are made for.
pub const OWNER: &str = "tester@example.com";

/// Runs job `name` with `devctl job run` on the real node: `nodes` pods running `script` with
/// sh, their results under `/results`. With `wait`, until it has finished (and it must
/// succeed), else only until it exists.
pub fn run_job(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    nodes: i32,
    script: &str,
    wait: bool,
) {
    let env = super::Env::new();
    let nodes = nodes.to_string();
    let mut args = vec![
        "-n", namespace, "job", "run", name, "--nodes", &nodes, "--owner", OWNER, "--image",
        DEBIAN, // Small: the real node has this machine's two cores, shared.
        "--cpu", "250m", "--memory", "512Mi",
    ];
    if wait {
        args.extend(["--wait", "--timeout", "5m"]);
    }
    args.extend(["--", "sh", "-c", script]);
    let out = env
        .devctl_at(cluster.kubeconfig())
        .args(&args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "job {name}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
