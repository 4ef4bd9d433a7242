//! `devctl job` against the test cluster's simulated nodes: the objects a job is (DESIGN §7),
//! all or nothing, bad input that makes nothing, --queue with and without Kueue, a job that
//! cannot be scheduled, list, describe and delete; and the dry-run manifests checked against the
//! real Kubernetes schemas. What needs a real container (exit codes, logs, ranks, results, ttl)
//! is in tests/job_real.rs.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::process::Command;

use common::ns::Ns;
use common::{stderr, stdout};
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::{ConfigMap, PersistentVolumeClaim, Secret, Service};

const SMALL: [&str; 4] = ["--cpu", "100m", "--memory", "64Mi"];

/// `kind/name` of every Job, Service, Secret, ConfigMap and claim devctl made, sorted.
fn job_objects(ns: &Ns) -> Vec<String> {
    let mut all = Vec::new();
    let mut add = |kind: &str, names: Vec<String>| {
        all.extend(names.into_iter().map(|n| format!("{kind}/{n}")));
    };
    add("job", ns.objects::<Job>());
    add("service", ns.objects::<Service>());
    add("secret", ns.objects::<Secret>());
    add("configmap", ns.objects::<ConfigMap>());
    add("pvc", ns.objects::<PersistentVolumeClaim>());
    all.sort();
    all
}

fn code(out: &std::process::Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn one_line_error(out: &std::process::Output) -> String {
    let err = stderr(out);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), 1, "not one error line: {err}");
    let first = errors[0].to_string();
    assert!(!err.contains("panicked"), "{err}");
    first
}

#[test]
fn job_run_makes_an_indexed_job_that_owns_its_secret_configmap_service_and_claims() {
    let Some(ns) = Ns::new("job-objects") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let env_file = dir.path().join("env");
    std::fs::write(&env_file, "# tokens\nTOKEN=s3cret\n").unwrap();
    let config = dir.path().join("train.yaml");
    std::fs::write(&config, "lr: 0.1\n").unwrap();
    let mut args = vec![
        "job",
        "run",
        "train",
        "--nodes",
        "2",
        "--procs-per-node",
        "4",
        "--env-file",
    ];
    let env_path = env_file.display().to_string();
    let config_arg = format!("train.yaml={}", config.display());
    args.extend([env_path.as_str(), "--config-file", &config_arg]);
    args.extend(["--volume", "5Gi:/scratch", "--ttl", "2h"]);
    args.extend(SMALL);
    args.extend(["--", "python", "train.py", "--epochs", "3"]);
    let out = ns.ok(&args);
    assert!(
        stderr(&out).contains("job train created"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        job_objects(&ns),
        [
            "configmap/train-config",
            "job/train",
            "pvc/train-results",
            "pvc/train-vol-0",
            "secret/train-env",
            "service/train",
        ]
    );
    let job: Job = ns.get("train").unwrap();
    let uid = job.metadata.uid.clone().unwrap();
    let spec = job.spec.as_ref().unwrap();
    assert_eq!(spec.completion_mode.as_deref(), Some("Indexed"));
    assert_eq!((spec.completions, spec.parallelism), (Some(2), Some(2)));
    assert_eq!(spec.backoff_limit, Some(0));
    assert_eq!(spec.ttl_seconds_after_finished, Some(7200));
    // Made suspended, let run once what it mounts exists.
    assert_eq!(spec.suspend, Some(false));
    let labels = job.metadata.labels.as_ref().unwrap();
    assert_eq!(labels["app.kubernetes.io/name"], "devctl-job");
    assert_eq!(labels["app.kubernetes.io/managed-by"], "devctl");
    let pod = spec.template.spec.as_ref().unwrap();
    assert_eq!(pod.restart_policy.as_deref(), Some("Never"));
    assert_eq!(pod.subdomain.as_deref(), Some("train"));
    let container = &pod.containers[0];
    assert_eq!(
        container.command.as_ref().unwrap(),
        &["python", "train.py", "--epochs", "3"]
    );
    let env = container.env.as_ref().unwrap();
    let value = |k: &str| {
        env.iter()
            .find(|e| e.name == k)
            .and_then(|e| e.value.clone())
    };
    assert_eq!(value("WORLD_SIZE").as_deref(), Some("8"));
    assert_eq!(value("PET_NPROC_PER_NODE").as_deref(), Some("4"));
    let master = format!("train-0.train.{}.svc", ns.name);
    assert_eq!(value("MASTER_ADDR"), Some(master.clone()));
    assert_eq!(value("MASTER_PORT").as_deref(), Some("29500"));
    // The env file's value is only in the Secret.
    let template = serde_json::to_string(&job).unwrap();
    assert!(!template.contains("s3cret"), "{template}");
    for (kind, owners) in [
        (
            "secret",
            ns.get::<Secret>("train-env")
                .unwrap()
                .metadata
                .owner_references,
        ),
        (
            "configmap",
            ns.get::<ConfigMap>("train-config")
                .unwrap()
                .metadata
                .owner_references,
        ),
        (
            "service",
            ns.get::<Service>("train")
                .unwrap()
                .metadata
                .owner_references,
        ),
        (
            "pvc",
            ns.get::<PersistentVolumeClaim>("train-vol-0")
                .unwrap()
                .metadata
                .owner_references,
        ),
        (
            "results pvc",
            ns.get::<PersistentVolumeClaim>("train-results")
                .unwrap()
                .metadata
                .owner_references,
        ),
    ] {
        let owners = owners.unwrap_or_default();
        assert!(
            owners.iter().any(|o| o.kind == "Job" && o.uid == uid),
            "{kind} is not owned by the Job: {owners:?}"
        );
    }
    let service: Service = ns.get("train").unwrap();
    let service = service.spec.unwrap();
    assert_eq!(service.cluster_ip.as_deref(), Some("None"));
    assert_eq!(service.publish_not_ready_addresses, Some(true));

    // kubectl, a client none of us wrote, reads the same Job.
    let kubectl = Command::new("kubectl")
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args([
            "-n",
            &ns.name,
            "get",
            "job",
            "train",
            "-o",
            "jsonpath={.spec.completionMode}",
        ])
        .output()
        .unwrap();
    assert_eq!(stdout(&kubectl), "Indexed");

    let listed = ns.ok(&["job", "list", "-o", "json"]);
    let listed: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(listed["kind"], "JobList");
    assert_eq!(listed["items"][0]["name"], "train");
    assert_eq!(listed["items"][0]["nodes"], 2);
    let table = stdout(&ns.ok(&["job", "list"]));
    let header = table.lines().next().unwrap();
    for column in ["NAME", "STATUS", "NODES", "AGE", "DURATION", "EXIT"] {
        assert!(header.contains(column), "{table}");
    }

    let described = ns.ok(&["job", "describe", "train", "-o", "json"]);
    let described: serde_json::Value = serde_json::from_slice(&described.stdout).unwrap();
    assert_eq!(described["kind"], "JobDescription");
    assert_eq!(described["command"][1], "train.py");
    assert_eq!(described["results"]["dir"], "/results");

    let out = ns.ok(&["job", "delete", "train", "--yes"]);
    assert!(
        stderr(&out).contains("job train deleted"),
        "{}",
        stderr(&out)
    );
    assert!(ns.get::<Job>("train").is_none());
    let again = ns.devctl(&["job", "delete", "train", "--yes"]);
    assert_eq!(code(&again), 3, "{}", stderr(&again));
    ns.ok(&["job", "delete", "train", "--yes", "--ignore-not-found"]);
}

#[test]
fn a_single_job_gets_a_generated_name_and_no_service() {
    let Some(ns) = Ns::new("job-default") else {
        return;
    };
    let mut args = vec!["job", "run", "--owner", "alice@example.com", "-o", "json"];
    args.extend(SMALL);
    args.extend(["--", "true"]);
    let out = ns.ok(&args);
    let made: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let name = made["name"].as_str().unwrap().to_string();
    let id = name
        .strip_prefix("alice-job-")
        .unwrap_or_else(|| panic!("{name}"));
    assert_eq!(id.len(), 5, "{name}");
    assert!(
        id.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    );
    assert_eq!(
        job_objects(&ns),
        [format!("job/{name}"), format!("pvc/{name}-results")]
    );
    let job: Job = ns.get(&name).unwrap();
    let env = job.spec.unwrap().template.spec.unwrap().containers[0]
        .env
        .clone()
        .unwrap();
    // One pod is rank 0 of its own world: a script written for several runs on one.
    let master = env.iter().find(|e| e.name == "MASTER_ADDR").unwrap();
    assert_eq!(master.value.as_deref(), Some("localhost"));
}

#[test]
fn bad_input_is_one_line_and_makes_nothing() {
    let Some(ns) = Ns::new("job-bad") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let env_file = dir.path().join("env");
    std::fs::write(&env_file, "A=1\n\nnot a line\n").unwrap();
    let env_path = env_file.display().to_string();
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (vec!["job", "run", "x"], 2, "a command is missing"),
        (
            vec!["job", "run", "x", "--flavor", "cpu-huge", "--", "true"],
            2,
            "unknown flavor \"cpu-huge\"",
        ),
        (
            vec!["job", "run", "x", "--env-file", &env_path, "--", "true"],
            2,
            "line 3",
        ),
        (vec!["job", "run", "X", "--", "true"], 2, "invalid job name"),
        (
            vec!["job", "run", "x", "--volume", "10Gi:data", "--", "true"],
            2,
            "invalid volume",
        ),
        (
            vec!["job", "run", "x", "--volume", "nothere:/data", "--", "true"],
            3,
            "claim \"nothere\" not found",
        ),
        (
            vec!["job", "run", "x", "--results", "/", "--", "true"],
            2,
            "invalid --results",
        ),
        (
            vec!["job", "run", "x", "--user", "me", "--", "true"],
            2,
            "invalid --user",
        ),
        (
            vec!["job", "run", "x", "--ttl", "soon", "--", "true"],
            2,
            "--ttl",
        ),
        (
            vec!["job", "run", "x", "--queue", "team", "--", "true"],
            2,
            "Kueue",
        ),
        (
            vec!["job", "run", "x", "--config-file", "nofile", "--", "true"],
            2,
            "KEY=FILE",
        ),
    ];
    for (args, want, says) in cases {
        let out = ns.devctl(&args);
        assert_eq!(code(&out), want, "{args:?}: {}", stderr(&out));
        let line = one_line_error(&out);
        assert!(line.contains(says), "{args:?}: {line}");
        // An env file's bad line is named, never shown: it may hold a secret.
        assert!(!stderr(&out).contains("not a line"), "{}", stderr(&out));
    }
    assert!(job_objects(&ns).is_empty(), "{:?}", job_objects(&ns));
}

#[test]
fn a_job_whose_configmap_cannot_be_made_is_rolled_back_whole() {
    let Some(ns) = Ns::new("job-rollback") else {
        return;
    };
    // Someone else's ConfigMap has the name the job's would have: the Job is made, its
    // ConfigMap refused, and the Job deleted again; the foreign ConfigMap stays.
    testcluster::block_on(async {
        let configs = ns.api::<ConfigMap>().await;
        let theirs = serde_json::from_value(serde_json::json!({
            "metadata": {"name": "sim-config"}, "data": {"k": "v"},
        }))
        .unwrap();
        configs.create(&Default::default(), &theirs).await.unwrap();
    });
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, "x").unwrap();
    let config = format!("in.txt={}", input.display());
    let mut args = vec!["job", "run", "sim", "--config-file", &config];
    args.extend(SMALL);
    args.extend(["--", "true"]);
    let out = ns.devctl(&args);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    let line = one_line_error(&out);
    assert!(line.contains("config-file ConfigMap"), "{line}");
    assert!(
        line.contains("configmap/sim-config exists already"),
        "{line}"
    );
    assert!(ns.get::<Job>("sim").is_none(), "the Job was left");
    let theirs: ConfigMap = ns.get("sim-config").unwrap();
    assert_eq!(theirs.data.unwrap()["k"], "v");
}

#[test]
fn a_job_whose_create_answer_is_lost_is_read_back_and_started() {
    let Some(ns) = Ns::new("job-lost") else {
        return;
    };
    // The API server makes the Job, suspended, and its answer never reaches devctl: before
    // the read-back that Job stayed suspended for ever, its TTL never applying.
    let jobs = format!("^/apis/batch/v1/namespaces/{}/jobs$", ns.name);
    ns.cluster
        .proxy()
        .fail_next(&testcluster::Fault::lose_answer("POST", &jobs, 1))
        .unwrap();
    let mut args = vec!["job", "run", "lost", "-e", "A=1"];
    args.extend(SMALL);
    args.extend(["--", "true"]);
    let out = ns.devctl(&args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("job lost created"),
        "{}",
        stderr(&out)
    );
    let job: Job = ns.get("lost").unwrap();
    assert_eq!(
        job.spec.unwrap().suspend,
        Some(false),
        "the Job was let run"
    );
    assert!(
        ns.get::<PersistentVolumeClaim>("lost-results").is_some(),
        "its children were made"
    );
}

#[test]
fn a_lost_create_answer_for_another_jobs_name_is_a_conflict() {
    let Some(ns) = Ns::new("job-lost-other") else {
        return;
    };
    let mut args = vec!["job", "run", "taken"];
    args.extend(SMALL);
    args.extend(["--", "true"]);
    ns.ok(&args);
    // The second create is refused (409) and the refusal lost: the Job there is not its own.
    let jobs = format!("^/apis/batch/v1/namespaces/{}/jobs$", ns.name);
    ns.cluster
        .proxy()
        .fail_next(&testcluster::Fault::lose_answer("POST", &jobs, 1))
        .unwrap();
    let out = ns.devctl(&args);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(
        one_line_error(&out).contains("job taken already exists"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_job_over_the_namespaces_quota_is_refused_before_anything_is_made() {
    let Some(ns) = Ns::new("job-quota") else {
        return;
    };
    testcluster::block_on(async {
        let quotas = ns.api::<k8s_openapi::api::core::v1::ResourceQuota>().await;
        let quota = serde_json::from_value(serde_json::json!({
            "metadata": {"name": "one-pod"},
            "spec": {"hard": {"pods": "1"}},
        }))
        .unwrap();
        quotas.create(&Default::default(), &quota).await.unwrap();
    });
    let mut args = vec!["job", "run", "pair", "--nodes", "2"];
    args.extend(SMALL);
    args.extend(["--", "true"]);
    let out = ns.devctl(&args);
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    let line = one_line_error(&out);
    assert!(
        line.contains("would exceed the quota") && line.contains("pods"),
        "{line}"
    );
    assert!(job_objects(&ns).is_empty(), "{:?}", job_objects(&ns));
}

#[test]
fn a_job_no_node_can_take_says_why_while_it_waits() {
    let Some(ns) = Ns::new("job-unschedulable") else {
        return;
    };
    let out = ns.devctl(&[
        "job",
        "run",
        "huge",
        "--cpu",
        "4000",
        "--memory",
        "64Mi",
        "--wait",
        "--timeout",
        "20s",
        "--",
        "true",
    ]);
    assert_eq!(code(&out), 6, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("pod huge-0-") && err.contains("cannot be scheduled: 0/"),
        "{err}"
    );
    assert!(err.contains("Insufficient cpu"), "{err}");
    assert!(err.contains("has not finished after 20s"), "{err}");
    let described = stdout(&ns.ok(&["job", "describe", "huge"]));
    assert!(described.contains("FailedScheduling"), "{described}");
    let listed = stdout(&ns.ok(&["job", "list"]));
    assert!(listed.contains("Pending"), "{listed}");
}

#[test]
fn queue_makes_the_job_suspended_for_kueue_when_kueue_is_there() {
    let Some(ns) = Ns::new("job-queue") else {
        return;
    };
    // Kueue's LocalQueue API (the CRD alone: no controller admits anything here).
    let crd = serde_json::json!({
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": {"name": "localqueues.kueue.x-k8s.io"},
        "spec": {
            "group": "kueue.x-k8s.io", "scope": "Namespaced",
            "names": {"plural": "localqueues", "singular": "localqueue", "kind": "LocalQueue"},
            "versions": [{"name": "v1beta1", "served": true, "storage": true,
                "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}],
        },
    });
    let dir = tempfile::tempdir().unwrap();
    let crd_file = dir.path().join("crd.json");
    std::fs::write(&crd_file, crd.to_string()).unwrap();
    let kubectl = |args: &[&str]| {
        Command::new("kubectl")
            .arg("--kubeconfig")
            .arg(ns.cluster.kubeconfig())
            .args(args)
            .output()
            .unwrap()
    };
    let applied = kubectl(&["apply", "-f", &crd_file.display().to_string()]);
    assert!(applied.status.success(), "{}", stderr(&applied));
    let established = kubectl(&[
        "wait",
        "--for=condition=Established",
        "--timeout=60s",
        "crd/localqueues.kueue.x-k8s.io",
    ]);
    assert!(established.status.success(), "{}", stderr(&established));

    let mut args = vec!["job", "run", "gang", "--nodes", "2", "--queue", "team"];
    args.extend(SMALL);
    args.extend(["--", "true"]);
    let missing = ns.devctl(&args);
    assert_eq!(code(&missing), 3, "{}", stderr(&missing));
    assert!(one_line_error(&missing).contains("LocalQueue \"team\" not found"));
    assert!(job_objects(&ns).is_empty());

    let queue = dir.path().join("queue.json");
    std::fs::write(
        &queue,
        serde_json::json!({"apiVersion": "kueue.x-k8s.io/v1beta1", "kind": "LocalQueue",
            "metadata": {"name": "team", "namespace": ns.name}, "spec": {"clusterQueue": "all"}})
        .to_string(),
    )
    .unwrap();
    let made = kubectl(&["apply", "-f", &queue.display().to_string()]);
    assert!(made.status.success(), "{}", stderr(&made));
    let out = ns.ok(&args);
    assert!(
        stderr(&out).contains("queued in LocalQueue team"),
        "{}",
        stderr(&out)
    );
    let job: Job = ns.get("gang").unwrap();
    assert_eq!(job.spec.as_ref().unwrap().suspend, Some(true));
    assert_eq!(
        job.metadata.labels.as_ref().unwrap()["kueue.x-k8s.io/queue-name"],
        "team"
    );
    let listed = stdout(&ns.ok(&["job", "list"]));
    assert!(listed.contains("Queued"), "{listed}");
}

#[test]
fn every_dry_run_manifest_of_a_job_passes_strict_schema_validation() {
    let Some(ns) = Ns::new("job-schema") else {
        return;
    };
    let found = Command::new("kubernetes-validate")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("TESTCLUSTER_REQUIRED").is_none(),
            "kubernetes-validate is needed (pip install kubernetes-validate)"
        );
        eprintln!("skipping: kubernetes-validate is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let env_file = dir.path().join("env");
    std::fs::write(&env_file, "TOKEN=abc\n").unwrap();
    let binary = dir.path().join("weights.bin");
    std::fs::write(&binary, [0u8, 159, 146, 150, 255]).unwrap();
    let env_path = env_file.display().to_string();
    let binary_arg = format!("weights.bin={}", binary.display());
    let matrix: Vec<Vec<&str>> = vec![
        vec![],
        vec![
            "--nodes",
            "4",
            "--procs-per-node",
            "8",
            "--master-port",
            "23456",
            "--gpu",
            "1",
        ],
        vec![
            "--env-file",
            &env_path,
            "--config-file",
            &binary_arg,
            "-e",
            "A=1",
        ],
        vec![
            "--volume",
            "20Gi:/data:rwx",
            "--results",
            "/out",
            "--results-size",
            "1Gi",
        ],
        vec![
            "--user",
            "1000:1000",
            "--fs-group",
            "1000",
            "--retries",
            "3",
            "--ttl",
            "30m",
        ],
        vec!["--flavor", "cpu-large", "--cpu", "3", "--memory", "5Gi"],
        vec!["--nodes", "2", "--results-class", "nfs-client"],
        vec!["--nodes", "2", "--no-results"],
    ];
    for (i, flags) in matrix.iter().enumerate() {
        let mut args = vec!["job", "run", "matrix", "--dry-run", "-o", "yaml"];
        args.extend(flags.iter().copied());
        args.extend(["--", "python", "-c", "print(1)"]);
        let out = ns.devctl(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            !text.contains("abc"),
            "a Secret value in the dry run: {text}"
        );
        let manifest = dir.path().join(format!("case-{i}.yaml"));
        std::fs::write(&manifest, &out.stdout).unwrap();
        let check = Command::new("kubernetes-validate")
            .args(["--strict", "-k", "1.36.0"])
            .arg(&manifest)
            .output()
            .unwrap();
        let report = format!("{}{}", stdout(&check), stderr(&check));
        assert!(
            check.status.success(),
            "{args:?} does not validate:\n{report}"
        );
        let documents = text.matches("\n---\n").count() + 1;
        let passed = report
            .lines()
            .filter(|l| l.contains("passed for resource"))
            .count();
        assert_eq!(
            passed, documents,
            "{args:?}: every object checked:\n{report}"
        );
    }
    assert!(job_objects(&ns).is_empty(), "a dry run made something");
}

#[test]
fn the_distributed_pytorch_example_is_valid_and_its_job_carries_the_script() {
    let Some(ns) = Ns::new("job-example") else {
        return;
    };
    let root = env!("CARGO_MANIFEST_DIR");
    let script = format!("{root}/examples/jobs/train_ddp.py");
    let sh = Command::new("sh")
        .args(["-n", &format!("{root}/examples/jobs/run.sh")])
        .output()
        .unwrap();
    assert!(sh.status.success(), "{}", stderr(&sh));
    if let Ok(py) = Command::new("python3")
        .args([
            "-c",
            "import ast, sys; ast.parse(open(sys.argv[1]).read())",
            &script,
        ])
        .output()
    {
        assert!(py.status.success(), "{}", stderr(&py));
    }
    let config = format!("train_ddp.py={script}");
    let out = ns.ok(&[
        "job",
        "run",
        "ddp",
        "--nodes",
        "2",
        "--image",
        "pytorch/pytorch",
        "--config-file",
        &config,
        "--dry-run",
        "-o",
        "json",
        "--",
        "python",
        "/devctl/config/train_ddp.py",
    ]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = list["items"].as_array().unwrap();
    let kinds: Vec<&str> = items.iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        ["Job", "Service", "ConfigMap", "PersistentVolumeClaim"]
    );
    let text = std::fs::read_to_string(&script).unwrap();
    assert_eq!(items[2]["data"]["train_ddp.py"], text.as_str());
    let env = &items[0]["spec"]["template"]["spec"]["containers"][0]["env"];
    let names: Vec<&str> = env
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    for wanted in [
        "MASTER_ADDR",
        "MASTER_PORT",
        "WORLD_SIZE",
        "RANK",
        "PET_NNODES",
        "PET_NODE_RANK",
    ] {
        assert!(names.contains(&wanted), "{wanted} missing: {names:?}");
    }
}

#[test]
fn keep_results_keeps_the_claim_past_the_job_and_twice_and_a_plain_delete_removes_it() {
    let Some(ns) = Ns::new("job-keep") else {
        return;
    };
    let mut args = vec!["job", "run", "sim"];
    args.extend(SMALL);
    args.extend(["--", "true"]);
    ns.ok(&args);
    let claim: PersistentVolumeClaim = ns.get("sim-results").unwrap();
    let owners = claim.metadata.owner_references.unwrap_or_default();
    assert!(owners.iter().any(|o| o.kind == "Job"), "{owners:?}");
    for _ in 0..2 {
        // A second --keep-results (a retried script) keeps what the first kept.
        let out = ns.ok(&["job", "delete", "sim", "--yes", "--keep-results"]);
        assert!(
            stderr(&out).contains("its results stay in sim-results"),
            "{}",
            stderr(&out)
        );
        let kept: PersistentVolumeClaim = ns.get("sim-results").unwrap();
        assert!(
            kept.metadata
                .owner_references
                .unwrap_or_default()
                .is_empty()
        );
        assert_eq!(kept.metadata.labels.unwrap()["devserver.io/job-index"], "0");
        assert!(kept.metadata.deletion_timestamp.is_none());
    }
    // A new job of that name meets the kept results: exit 4, saying whose they are.
    let out = ns.devctl(&args);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    let line = one_line_error(&out);
    assert!(line.contains("results of an earlier job sim"), "{line}");
    assert!(
        stderr(&out).contains("devctl job results sim"),
        "{}",
        stderr(&out)
    );
    assert!(
        ns.get::<Job>("sim")
            .is_none_or(|j| j.metadata.deletion_timestamp.is_some()),
        "the new Job was not rolled back"
    );
    ns.ok(&["job", "delete", "sim", "--yes"]);
    let gone = Command::new("kubectl")
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args([
            "-n",
            &ns.name,
            "wait",
            "--for=delete",
            "pvc/sim-results",
            "--timeout=60s",
        ])
        .output()
        .unwrap();
    assert!(gone.status.success(), "{}", stderr(&gone));
    let again = ns.devctl(&["job", "delete", "sim", "--yes"]);
    assert_eq!(code(&again), 3, "{}", stderr(&again));
}

#[test]
fn a_job_whose_pods_the_cluster_refuses_ends_the_wait_with_the_reason() {
    let Some(ns) = Ns::new("job-refused") else {
        return;
    };
    // Pod Security "restricted" refuses a pod that may run as root: the Job controller cannot
    // make any, and says so only in an event on the Job.
    let labelled = Command::new("kubectl")
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args([
            "label",
            "namespace",
            &ns.name,
            "pod-security.kubernetes.io/enforce=restricted",
        ])
        .output()
        .unwrap();
    assert!(labelled.status.success(), "{}", stderr(&labelled));
    let mut args = vec!["job", "run", "sim", "--wait", "--timeout", "2m"];
    args.extend(SMALL);
    args.extend(["--", "true"]);
    let out = ns.devctl(&args);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let line = one_line_error(&out);
    assert!(
        line.contains("job sim cannot start: its pods cannot be made: FailedCreate")
            && line.contains("restricted"),
        "{line}"
    );
}

#[test]
fn a_job_run_with_no_results_makes_no_claim_and_job_results_says_why() {
    let Some(ns) = Ns::new("job-noresults") else {
        return;
    };
    let mut args = vec!["job", "run", "plain", "--nodes", "2", "--no-results"];
    args.extend(SMALL);
    args.extend(["--", "true"]);
    ns.ok(&args);
    assert_eq!(job_objects(&ns), ["job/plain", "service/plain"]);
    let job: Job = ns.get("plain").unwrap();
    let pod = job.spec.unwrap().template.spec.unwrap();
    assert!(pod.volumes.unwrap_or_default().is_empty());
    let env = pod.containers[0].env.clone().unwrap_or_default();
    assert!(!env.iter().any(|e| e.name == "DEVCTL_RESULTS"), "{env:?}");
    let out = ns.devctl(&["job", "results", "plain"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        one_line_error(&out).contains("was run with --no-results"),
        "{}",
        stderr(&out)
    );
    let described = stdout(&ns.ok(&["job", "describe", "plain"]));
    assert!(
        described.contains("(none: the job was run with --no-results)"),
        "{described}"
    );
    // Results somewhere and nowhere at once is a usage error, before anything is made.
    let out = ns.devctl(&[
        "job",
        "run",
        "both",
        "--no-results",
        "--results",
        "/out",
        "--",
        "true",
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(ns.get::<Job>("both").is_none());
}
