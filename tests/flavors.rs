//! `devctl flavors`, the default-flavor rules, `maxTtl`, `homeSize` and create's warning,
//! against a cluster of its own with known nodes: two plain ones, a tainted A100 node, a
//! tainted MIG node and a tainted infra node. The flavors are the YAML files of
//! `examples/flavors/`, applied with kubectl. Flavors are cluster-wide, so the tests that
//! change them take turns.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::path::Path;
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use common::{Env, stderr, stdout};
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding};
use kube::api::{Api, Patch, PatchParams};
use serde_json::{Value, json};
use testcluster::{Cluster, Config, NodeSpec};

const TAINT_GPU: (&str, &str, &str) = ("nvidia.com/gpu", "present", "NoSchedule");

/// This binary's cluster, with the CRD Established; `None` (skipped) without the test cluster.
fn cluster() -> Option<&'static Cluster> {
    static CLUSTER: OnceLock<Option<Cluster>> = OnceLock::new();
    CLUSTER
        .get_or_init(|| {
            if testcluster::skip_because(testcluster::unavailable_reason()) {
                return None;
            }
            let (k, v, e) = TAINT_GPU;
            let nodes = vec![
                NodeSpec::new("cpu-1"),
                NodeSpec::new("cpu-2"),
                NodeSpec::new("gpu-1")
                    .resource("cpu", "64")
                    .resource("memory", "512Gi")
                    .resource("nvidia.com/gpu", "4")
                    .label("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-80GB")
                    .taint(k, v, e),
                NodeSpec::new("mig-1")
                    .resource("memory", "256Gi")
                    .resource("nvidia.com/mig-1g.10gb", "7")
                    .taint(k, v, e),
                NodeSpec::new("infra-1").taint("dedicated", "infra", "NoSchedule"),
            ];
            let config = Config {
                nodes,
                ..Config::default()
            };
            let cluster = testcluster::block_on(Cluster::start(config)).unwrap();
            testcluster::block_on(common::install_flavor_crd(&cluster));
            Some(cluster)
        })
        .as_ref()
}

/// The cluster with exactly the flavors of `files` (under `examples/flavors/`), for as long as
/// the guard lives.
fn flavors_of(files: &[&str]) -> Option<(&'static Cluster, MutexGuard<'static, ()>)> {
    static TURN: Mutex<()> = Mutex::new(());
    let cluster = cluster()?;
    let turn = TURN.lock().unwrap_or_else(|e| e.into_inner());
    let deleted = kubectl(cluster, &["delete", "devserverflavors", "--all", "--wait"]);
    assert!(deleted.status.success(), "{}", stderr(&deleted));
    for file in files {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/flavors")
            .join(file);
        let applied = kubectl(cluster, &["apply", "-f", path.to_str().unwrap()]);
        assert!(applied.status.success(), "{file}: {}", stderr(&applied));
    }
    Some((cluster, turn))
}

const ALL_EXAMPLES: [&str; 4] = ["cpu.yaml", "gpu.yaml", "mig.yaml", "node-selector.yaml"];

fn kubectl(cluster: &Cluster, args: &[&str]) -> std::process::Output {
    std::process::Command::new("kubectl")
        .arg("--kubeconfig")
        .arg(cluster.kubeconfig())
        .args(args)
        .output()
        .unwrap()
}

fn devctl(cluster: &Cluster, kubeconfig: Option<&Path>, args: &[&str]) -> std::process::Output {
    Env::new()
        .devctl_at(kubeconfig.unwrap_or(cluster.kubeconfig()))
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap()
}

/// `flavors -o json`, by name.
fn flavors_json(cluster: &Cluster, kubeconfig: Option<&Path>) -> (Value, String) {
    let out = devctl(cluster, kubeconfig, &["flavors", "-o", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (serde_json::from_slice(&out.stdout).unwrap(), stderr(&out))
}

fn schedulable(list: &Value, name: &str) -> String {
    let item = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == name)
        .unwrap_or_else(|| panic!("no flavor {name} in {list}"));
    item["schedulable"]["message"].as_str().unwrap().to_string()
}

#[test]
fn the_example_flavors_show_where_they_fit_and_why_not_per_node() {
    let Some((cluster, _turn)) = flavors_of(&ALL_EXAMPLES) else {
        return;
    };
    let (list, _) = flavors_json(cluster, None);
    assert_eq!(list["source"], "cluster");
    let cases = [
        ("cpu-standard", "Yes (2 nodes)"),
        // Four GPUs, and room for four of its 8-core 64Gi devservers.
        ("gpu-a100", "Yes (1 node, 4 more fit)"),
        // Seven MIG slices; memory would allow 16.
        ("gpu-mig-1g", "Yes (1 node, 7 more fit)"),
        (
            "arm-large",
            "No (0/5 nodes are available: 1 node(s) had untolerated taint {dedicated: infra}, 2 node(s) didn't match Pod's node affinity/selector, 2 node(s) had untolerated taint {nvidia.com/gpu: present})",
        ),
    ];
    for (flavor, want) in cases {
        assert_eq!(schedulable(&list, flavor), want, "{flavor}");
    }
    let arm = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "arm-large")
        .unwrap();
    assert_eq!(arm["schedulable"]["verdict"], "No");
    assert_eq!(arm["schedulable"]["fitNodes"], 0);
    assert_eq!(arm["schedulable"]["totalNodes"], 5);
    assert_eq!(
        arm["schedulable"]["reasons"][0],
        json!({"reason": "node(s) had untolerated taint {dedicated: infra}", "nodes": 1})
    );
    let gpu = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "gpu-a100")
        .unwrap();
    assert_eq!(gpu["schedulable"]["fitNodes"], 1);
    assert_eq!(gpu["schedulable"]["moreFit"], 4);
    assert_eq!(gpu["schedulable"]["podsCounted"], true);

    let table = devctl(cluster, None, &["flavors"]);
    assert_eq!(table.status.code(), Some(0), "{}", stderr(&table));
    let text = stdout(&table);
    let header = text.lines().next().unwrap();
    for column in [
        "NAME",
        "DEFAULT",
        "CPU",
        "MEMORY",
        "GPU",
        "DESCRIPTION",
        "SCHEDULABLE",
    ] {
        assert!(header.contains(column), "{header}");
    }
    let gpu_row = text.lines().find(|l| l.starts_with("gpu-a100 ")).unwrap();
    assert!(gpu_row.contains("nvidia.com/gpu=1"), "{gpu_row}");
    assert!(gpu_row.contains("Yes (1 node, 4 more fit)"), "{gpu_row}");
    let cpu_row = text
        .lines()
        .find(|l| l.starts_with("cpu-standard "))
        .unwrap();
    assert!(
        cpu_row.contains(" yes ") && cpu_row.contains("2/4"),
        "{cpu_row}"
    );
}

#[test]
fn running_gpu_devservers_use_up_the_room_as_the_scheduler_sees_it() {
    let Some((cluster, _turn)) = flavors_of(&ALL_EXAMPLES) else {
        return;
    };
    let ns = cluster.namespace("flavor-gpu").unwrap();
    let create = |name: &str| {
        devctl(
            cluster,
            None,
            &[
                "-n",
                &ns,
                "create",
                name,
                "--flavor",
                "gpu-a100",
                "--wait",
                "--timeout",
                "60s",
            ],
        )
    };
    let first = create("t1");
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let (list, _) = flavors_json(cluster, None);
    assert_eq!(schedulable(&list, "gpu-a100"), "Yes (1 node, 3 more fit)");
    // The MIG node is another node: its slices are untouched.
    assert_eq!(schedulable(&list, "gpu-mig-1g"), "Yes (1 node, 7 more fit)");

    std::thread::scope(|scope| {
        let made: Vec<_> = ["t2", "t3", "t4"]
            .map(|name| scope.spawn(move || create(name)))
            .into_iter()
            .collect();
        for out in made {
            let out = out.join().unwrap();
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            assert!(
                !stderr(&out).contains("no node can take"),
                "{}",
                stderr(&out)
            );
        }
    });
    let full = "0/5 nodes are available: 1 Insufficient nvidia.com/gpu, 1 node(s) had untolerated taint {dedicated: infra}, 3 node(s) didn't match Pod's node affinity/selector";
    let (list, _) = flavors_json(cluster, None);
    assert_eq!(schedulable(&list, "gpu-a100"), format!("No ({full})"));

    // The fifth: devctl says so at once, and the scheduler agrees.
    let fifth = create("t5");
    let err = stderr(&fifth);
    assert!(
        err.contains(&format!(
            "warning: no node can take this devserver now: {full}"
        )),
        "{err}"
    );
    assert_ne!(fifth.status.code(), Some(0), "{err}");
    assert!(
        err.lines()
            .any(|l| l.starts_with("error:") && l.contains("1 Insufficient nvidia.com/gpu")),
        "the scheduler's verdict: {err}"
    );

    let deleted = devctl(
        cluster,
        None,
        &[
            "-n", &ns, "delete", "t1", "t2", "t3", "t4", "t5", "--yes", "--wait",
        ],
    );
    assert_eq!(deleted.status.code(), Some(0), "{}", stderr(&deleted));
    let (list, _) = flavors_json(cluster, None);
    assert_eq!(schedulable(&list, "gpu-a100"), "Yes (1 node, 4 more fit)");
}

/// A ClusterRole with `rules`, bound to `user`.
async fn grant(cluster: &Cluster, user: &str, rules: Value) {
    let client = cluster.client().await.unwrap();
    let apply = PatchParams::apply("devctl-test").force();
    let roles: Api<ClusterRole> = Api::all(client.clone());
    let role: ClusterRole =
        serde_json::from_value(json!({"metadata": {"name": user}, "rules": rules})).unwrap();
    roles
        .patch(user, &apply, &Patch::Apply(role))
        .await
        .unwrap();
    let bindings: Api<ClusterRoleBinding> = Api::all(client);
    let binding: ClusterRoleBinding = serde_json::from_value(json!({
        "metadata": {"name": user},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": user},
        "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": user}],
    }))
    .unwrap();
    bindings
        .patch(user, &apply, &Patch::Apply(binding))
        .await
        .unwrap();
}

#[test]
fn without_the_right_to_list_nodes_the_hint_is_unknown_and_without_pods_it_says_so() {
    let Some((cluster, _turn)) = flavors_of(&ALL_EXAMPLES) else {
        return;
    };
    let nobody = cluster.user("flavors-nobody", &[]).unwrap();
    let (list, warned) = flavors_json(cluster, Some(&nobody.kubeconfig));
    assert_eq!(list["source"], "built-in-forbidden");
    assert!(
        warned.contains("may not read the cluster's DevServerFlavors"),
        "{warned}"
    );
    assert_eq!(
        schedulable(&list, "cpu-small"),
        "Unknown (you may not list nodes)"
    );

    let reader = cluster.user("flavors-node-reader", &[]).unwrap();
    testcluster::block_on(grant(
        cluster,
        "flavors-node-reader",
        json!([
            {"apiGroups": [""], "resources": ["nodes"], "verbs": ["list"]},
            {"apiGroups": ["devserver.io"], "resources": ["devserverflavors"], "verbs": ["list"]},
        ]),
    ));
    // RBAC takes effect at once for new requests; the first answer already counts.
    let (list, _) = flavors_json(cluster, Some(&reader.kubeconfig));
    assert_eq!(list["source"], "cluster");
    assert_eq!(
        schedulable(&list, "cpu-standard"),
        "Yes (2 nodes, the pods on them not counted)"
    );
}

#[test]
fn create_warns_at_once_when_no_node_can_take_the_flavor_and_wait_reports_the_scheduler() {
    let Some((cluster, _turn)) = flavors_of(&ALL_EXAMPLES) else {
        return;
    };
    let ns = cluster.namespace("flavor-nowhere").unwrap();
    let out = devctl(
        cluster,
        None,
        &[
            "-n",
            &ns,
            "create",
            "armbox",
            "--flavor",
            "arm-large",
            "--wait",
            "--timeout",
            "90s",
        ],
    );
    let err = stderr(&out);
    let warning = "warning: no node can take this devserver now: 0/5 nodes are available: 1 node(s) had untolerated taint {dedicated: infra}, 2 node(s) didn't match Pod's node affinity/selector, 2 node(s) had untolerated taint {nvidia.com/gpu: present}";
    assert!(err.contains(warning), "{err}");
    assert_ne!(out.status.code(), Some(0), "{err}");
    // Then the scheduler's own verdict, from --wait.
    assert!(
        err.contains("didn't match Pod's node affinity/selector"),
        "{err}"
    );
    let plain = devctl(
        cluster,
        None,
        &["-n", &ns, "create", "cpubox", "--flavor", "cpu-standard"],
    );
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    assert!(
        !stderr(&plain).contains("no node can take"),
        "{}",
        stderr(&plain)
    );
}

fn dry_run_flavor(cluster: &Cluster, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["create", "probe", "--dry-run", "-o", "json"];
    args.extend_from_slice(extra);
    devctl(cluster, None, &args)
}

/// The StatefulSet of a `create --dry-run -o json`.
fn statefulset_of(out: &std::process::Output) -> Value {
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "StatefulSet")
        .unwrap()
        .clone()
}

fn flavor_of(out: &std::process::Output) -> String {
    statefulset_of(out)["metadata"]["annotations"]["devserver.io/flavor"]
        .as_str()
        .unwrap()
        .to_string()
}

fn set_default(cluster: &Cluster, flavor: &str, default: bool) {
    let patch = format!("{{\"spec\":{{\"default\":{default}}}}}");
    let out = kubectl(
        cluster,
        &[
            "patch",
            "devserverflavor",
            flavor,
            "--type=merge",
            "-p",
            &patch,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

fn defaults(cluster: &Cluster) -> Vec<String> {
    let out = kubectl(cluster, &["get", "devserverflavors", "-o", "json"]);
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["spec"]["default"] == true)
        .map(|i| i["metadata"]["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn one_default_is_used_two_are_named_and_none_needs_flavor() {
    let Some((cluster, _turn)) = flavors_of(&["cpu.yaml"]) else {
        return;
    };
    let one = dry_run_flavor(cluster, &[]);
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(flavor_of(&one), "cpu-standard");

    set_default(cluster, "cpu-build", true);
    let two = dry_run_flavor(cluster, &[]);
    assert_eq!(two.status.code(), Some(2), "{}", stderr(&two));
    assert!(
        stderr(&two).contains("flavors \"cpu-build\", \"cpu-standard\" are all marked default"),
        "{}",
        stderr(&two)
    );
    let named = dry_run_flavor(cluster, &["--flavor", "cpu-build"]);
    assert_eq!(named.status.code(), Some(0), "a named flavor still works");
    let listed = devctl(cluster, None, &["flavors"]);
    assert!(
        stderr(&listed).contains("are all marked default"),
        "{}",
        stderr(&listed)
    );

    let set = devctl(
        cluster,
        None,
        &["admin", "flavor", "set-default", "cpu-build"],
    );
    assert_eq!(set.status.code(), Some(0), "{}", stderr(&set));
    assert_eq!(defaults(cluster), ["cpu-build"]);
    assert_eq!(flavor_of(&dry_run_flavor(cluster, &[])), "cpu-build");

    set_default(cluster, "cpu-build", false);
    let none = dry_run_flavor(cluster, &[]);
    assert_eq!(none.status.code(), Some(2), "{}", stderr(&none));
    assert!(
        stderr(&none)
            .contains("no flavor is the default; pass --flavor, one of: cpu-build, cpu-standard"),
        "{}",
        stderr(&none)
    );

    let missing = devctl(cluster, None, &["admin", "flavor", "set-default", "huge"]);
    assert_eq!(missing.status.code(), Some(3), "{}", stderr(&missing));
    assert!(
        stderr(&missing).contains("cpu-build, cpu-standard"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn max_ttl_caps_what_create_and_extend_accept() {
    let Some((cluster, _turn)) = flavors_of(&["cpu.yaml"]) else {
        return;
    };
    let ns = cluster.namespace("flavor-ttl").unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["-n", ns.as_str()];
        all.extend_from_slice(args);
        devctl(cluster, None, &all)
    };
    let too_long = run(&["create", "longbox", "--ttl", "8d"]);
    assert_eq!(too_long.status.code(), Some(2), "{}", stderr(&too_long));
    assert!(
        stderr(&too_long)
            .contains("--ttl 8d: flavor \"cpu-standard\" allows a time to live of at most 7d"),
        "{}",
        stderr(&too_long)
    );
    let listed = kubectl(
        cluster,
        &[
            "-n",
            &ns,
            "get",
            "statefulsets,secrets,configmaps,services",
            "-l",
            "app.kubernetes.io/managed-by=devctl",
            "-o",
            "name",
        ],
    );
    assert_eq!(stdout(&listed).trim(), "", "nothing made");

    let ok = run(&["create", "box", "--ttl", "6d"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let extended = run(&["extend", "box", "--ttl", "2d"]);
    assert_eq!(extended.status.code(), Some(2), "{}", stderr(&extended));
    assert!(
        stderr(&extended).contains("devserver box would expire in 8d")
            && stderr(&extended).contains("at most 7d"),
        "{}",
        stderr(&extended)
    );
    let small = run(&["extend", "box", "--ttl", "12h"]);
    assert_eq!(small.status.code(), Some(0), "{}", stderr(&small));
}

#[test]
fn a_flavors_ttl_and_home_size_are_the_defaults() {
    let Some((cluster, _turn)) = flavors_of(&["cpu.yaml"]) else {
        return;
    };
    let out = dry_run_flavor(cluster, &["--flavor", "cpu-build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let set = statefulset_of(&out);
    assert_eq!(set["metadata"]["annotations"]["devserver.io/ttl"], "4h");
    assert_eq!(
        set["spec"]["volumeClaimTemplates"][0]["spec"]["resources"]["requests"]["storage"],
        "100Gi"
    );
    let homeless = dry_run_flavor(cluster, &["--flavor", "cpu-build", "--no-home"]);
    assert_eq!(homeless.status.code(), Some(0), "{}", stderr(&homeless));
    let set = statefulset_of(&homeless);
    assert!(set["spec"]["volumeClaimTemplates"].is_null(), "{set}");
}
