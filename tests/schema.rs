//! Every manifest `create --dry-run` can produce, checked against the real Kubernetes schemas
//! with `kubernetes-validate --strict` (PyPI), for a matrix of flavors and flags.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::process::Command;

use common::{Env, stderr};

/// The Kubernetes release the schemas are taken from; the test cluster runs the same minor.
const KUBERNETES: &str = "1.36.0";

fn validator() -> Option<String> {
    let found = Command::new("kubernetes-validate")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        Some("kubernetes-validate".into())
    } else if std::env::var_os("TESTCLUSTER_REQUIRED").is_some() {
        panic!("kubernetes-validate is needed (pip install kubernetes-validate)")
    } else {
        eprintln!("skipping: kubernetes-validate is not installed");
        None
    }
}

#[test]
fn every_dry_run_manifest_passes_strict_schema_validation() {
    let Some(validate) = validator() else { return };
    let env = Env::new();
    let devserver_file = env.home().join("devserver.yaml");
    std::fs::write(
        &devserver_file,
        "apiVersion: devserver.io/v1\nkind: DevServer\nmetadata: {name: my-dev-server, namespace: default}\nspec:\n  owner: user@example.com\n  flavor: cpu-small\n  image: ubuntu:22.04\n  ssh: {publicKey: \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBv3eC0cQ+4nGCzqLz7yJY9EN5Tdm6IbZCJY0O3T8r3H user\"}\n  lifecycle: {timeToLive: \"8h\"}\n",
    )
    .unwrap();
    let file = devserver_file.display().to_string();
    let matrix: Vec<Vec<&str>> = vec![
        vec!["--flavor", "cpu-small"],
        vec!["--flavor", "cpu-medium", "--home", "20Gi"],
        vec!["--flavor", "cpu-large", "--gpu", "2"],
        vec![
            "--flavor",
            "cpu-small",
            "--gpu",
            "nvidia.com/mig-1g.10gb=1",
            "--cpu",
            "8",
            "--memory",
            "32Gi",
        ],
        vec!["--flavor", "cpu-small", "--expose", "nodeport"],
        vec![
            "--flavor",
            "cpu-small",
            "--expose",
            "nodeport:30022",
            "--port",
            "8888",
            "--port",
            "6006",
        ],
        // The old spelling, kept as a hidden alias.
        vec!["--flavor", "cpu-small", "--expose-ssh", "nodeport:30022"],
        vec![
            "--flavor",
            "cpu-small",
            "--volume",
            "data:/data",
            "--volume",
            "models:/models:ro",
        ],
        vec![
            "--flavor",
            "cpu-small",
            "-e",
            "A=1",
            "-e",
            "EMPTY=",
            "--port",
            "8888",
            "--port",
            "6006",
        ],
        vec![
            "--flavor",
            "cpu-medium",
            "--home",
            "5Gi",
            "--expose",
            "nodeport",
            "--port",
            "8888",
            "--gpu",
            "1",
            "--ttl",
            "2d",
        ],
        vec!["--flavor", "cpu-small", "-f", &file],
        // Several pods: rank variables from the pod-index label, a key pair per pod.
        vec!["--flavor", "cpu-small", "--nodes", "2"],
        vec![
            "--flavor",
            "cpu-medium",
            "--nodes",
            "3",
            "--home",
            "5Gi",
            "--expose",
            "nodeport",
            "-e",
            "MASTER_PORT=1234",
        ],
    ];
    for (i, flags) in matrix.iter().enumerate() {
        let mut args = vec!["create"];
        if !flags.contains(&"-f") {
            args.push("matrix");
        }
        args.extend(["--dry-run", "--offline", "-o", "yaml"]);
        args.extend(flags.iter().copied());
        let out = env.devctl().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let manifest = env.home().join(format!("case-{i}.yaml"));
        std::fs::write(&manifest, &out.stdout).unwrap();
        let check = Command::new(&validate)
            .args(["--strict", "-k", KUBERNETES])
            .arg(&manifest)
            .output()
            .unwrap();
        let report = format!(
            "{}{}",
            String::from_utf8_lossy(&check.stdout),
            String::from_utf8_lossy(&check.stderr)
        );
        assert!(
            check.status.success(),
            "{args:?} does not validate:\n{report}"
        );
        let passed = report
            .lines()
            .filter(|l| l.contains("passed for resource"))
            .count();
        assert!(
            passed >= 4,
            "{args:?}: expected every object to be checked:\n{report}"
        );
    }
}
