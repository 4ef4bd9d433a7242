//! Multi-node devservers (`create --nodes N`): on the test cluster's real node, two pods that
//! find each other by the rank variables and the cluster DNS, each reached by `ssh --node I`
//! on its own pinned host key, stopped and started as a whole; on the KWOK nodes, what `list`,
//! `describe`, `ssh-config`, `start` and `restart` make of N pods.
//!
//! The real-node test needs root, `ip` and debootstrap; it skips with the reason otherwise
//! (fails under `TESTCLUSTER_REQUIRED`, as in CI).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::process::Command;

use common::ns::Ns;
use common::{sshd, stderr, stdout};
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::Pod;

const DEBIAN: &str = "devctl.test/debian:bookworm";

fn code(out: &std::process::Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn kubectl(ns: &Ns, args: &[&str]) -> std::process::Output {
    Command::new("kubectl")
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args(["-n", &ns.name])
        .args(args)
        .output()
        .expect("kubectl runs")
}

fn replicas(ns: &Ns, name: &str) -> Option<i32> {
    ns.get::<StatefulSet>(name)
        .and_then(|set| set.spec)
        .and_then(|spec| spec.replicas)
}

/// The value of `variable` in pod `node` of `box`, read through exec.
fn variable(ns: &Ns, node: &str, name: &str) -> String {
    let out = ns.ok(&[
        "exec",
        "box",
        "--node",
        node,
        "--",
        "sh",
        "-c",
        "printenv \"$0\"",
        name,
    ]);
    stdout(&out).trim().to_string()
}

/// The files in pod `node` of `box` that root (dev through sudo, over SSH) finds the private
/// key `key` of the Secret `box-ssh` in, then `searched`.
fn files_with_key(ns: &Ns, node: &str, key: &str) -> String {
    let secret = stdout(&kubectl(
        ns,
        &[
            "get",
            "secret",
            "box-ssh",
            "-o",
            &format!("jsonpath={{.data.{}}}", key.replace('.', "\\.")),
        ],
    ));
    let text = String::from_utf8(
        base64::Engine::decode(&base64::engine::general_purpose::STANDARD, secret.trim()).unwrap(),
    )
    .unwrap();
    // The body lines with this key's own bytes (the first is the same in every ed25519 key),
    // base64 alone, so they can go into the remote command as they are.
    let lines: Vec<&str> = text.lines().skip(2).take(3).collect();
    assert!(
        lines.len() == 3 && lines.iter().all(|l| l.len() > 40),
        "{key} read back"
    );
    let patterns: String = lines.iter().map(|l| format!(" -e '{l}'")).collect();
    let out = ns.ok(&[
        "ssh",
        "box",
        "--node",
        node,
        "--",
        &format!(
            "sudo grep -rlsF -D skip{patterns} / --exclude-dir=proc --exclude-dir=sys; echo searched"
        ),
    ]);
    stdout(&out)
}

#[test]
fn a_two_node_devserver_runs_both_pods_for_real_and_each_answers_on_its_own_host_key() {
    let Some(ns) = Ns::on_real_node("real-nodes") else {
        return;
    };
    sshd::user_key(&ns);
    ns.ok(&[
        "create", "box", "--nodes", "2", "--cpu", "250m", "--memory", "512Mi", "--image", DEBIAN,
        "--wait",
    ]);
    // --wait waited for both pods.
    for pod in ["box-0", "box-1"] {
        let ready = kubectl(
            &ns,
            &[
                "get",
                "pod",
                pod,
                "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}",
            ],
        );
        assert_eq!(stdout(&ready), "True", "{pod}: {}", stderr(&ready));
    }

    let out = ns.devctl(&["ssh", "box", "--node", "1", "--", "hostname"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "box-1\n");
    let out = ns.devctl(&["ssh", "box", "--", "hostname"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "box-0\n", "without --node: pod 0");

    // Pod 1 holds its own private host key alone: root there (dev through sudo) finds none
    // of pod 0's, neither under /devctl/ssh nor anywhere else it can read.
    let out = ns.ok(&["ssh", "box", "--node", "1", "--", "sudo ls /devctl/ssh"]);
    assert_eq!(stdout(&out), "authorized_keys\n");
    assert_eq!(
        files_with_key(&ns, "1", "ssh_host_ed25519_key"),
        "searched\n",
        "pod 0's private key is readable in pod 1"
    );
    // The search finds what is there: pod 1's own key, where its init container and the
    // startup script put it.
    let found = files_with_key(&ns, "1", "ssh_host_ed25519_key-1");
    assert!(
        found.contains("/devctl-host-key/ssh_host_ed25519_key\n")
            && found.contains("/etc/ssh/devctl/ssh_host_ed25519_key\n"),
        "{found}"
    );
    let own = ns.ok(&[
        "exec",
        "box",
        "--node",
        "1",
        "--",
        "sh",
        "-c",
        "ls /devctl-host-key; stat -c %a /devctl-host-key/ssh_host_ed25519_key",
    ]);
    assert_eq!(
        stdout(&own),
        "ssh_host_ed25519_key\nssh_host_ed25519_key.pub\n400\n"
    );

    // The rank variables, from each pod's own index.
    for (node, rank) in [("0", "0"), ("1", "1")] {
        assert_eq!(variable(&ns, node, "RANK"), rank, "node {node}");
        assert_eq!(variable(&ns, node, "NODE_RANK"), rank, "node {node}");
        assert_eq!(variable(&ns, node, "WORLD_SIZE"), "2", "node {node}");
        assert_eq!(variable(&ns, node, "MASTER_PORT"), "29500", "node {node}");
    }
    let master = variable(&ns, "1", "MASTER_ADDR");
    assert_eq!(master, format!("box-0.box.{}.svc", ns.name));
    // From pod 1, MASTER_ADDR resolves through the cluster DNS to pod 0's address.
    let pod_0_ip = stdout(&kubectl(
        &ns,
        &["get", "pod", "box-0", "-o", "jsonpath={.status.podIP}"],
    ));
    assert!(!pod_0_ip.is_empty());
    let out = ns.ok(&[
        "exec",
        "box",
        "--node",
        "1",
        "--",
        "sh",
        "-c",
        "getent hosts \"$MASTER_ADDR\"",
    ]);
    let resolved = stdout(&out);
    assert_eq!(
        resolved.split_whitespace().next(),
        Some(pod_0_ip.as_str()),
        "{resolved}"
    );

    // SSH sessions get them too (sshd passes them on).
    let out = ns.ok(&[
        "ssh",
        "box",
        "--node",
        "1",
        "--",
        "echo $RANK $WORLD_SIZE $MASTER_ADDR",
    ]);
    assert_eq!(stdout(&out), format!("1 2 {master}\n"));

    // Pod 1's host key is checked against its own pin: another one is refused.
    let (_, _, other) = devctl::ssh::keys::generate("impostor").unwrap();
    let annotated = kubectl(
        &ns,
        &[
            "annotate",
            "--overwrite",
            "statefulset",
            "box",
            &format!("devserver.io/host-key-1={other}"),
        ],
    );
    assert!(annotated.status.success(), "{}", stderr(&annotated));
    let refused = ns.devctl(&["ssh", "box", "--node", "1", "--", "true"]);
    assert_eq!(code(&refused), 255, "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("host key mismatch for devserver box (pod box-1)"),
        "{}",
        stderr(&refused)
    );
    let out = ns.devctl(&["ssh", "box", "--", "true"]);
    assert_eq!(code(&out), 0, "pod 0's pin is its own: {}", stderr(&out));

    // stop scales to 0 and start back to 2, both pods ready again.
    ns.ok(&["stop", "box"]);
    assert_eq!(replicas(&ns, "box"), Some(0));
    ns.ok(&["start", "box", "--wait"]);
    assert_eq!(replicas(&ns, "box"), Some(2));
    let out = ns.devctl(&["exec", "box", "--node", "1", "--", "hostname"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "box-1\n");
}

#[test]
fn an_init_container_that_cannot_pull_its_image_ends_the_wait_with_its_reason() {
    let Some(ns) = Ns::on_real_node("real-nopull") else {
        return;
    };
    sshd::user_key(&ns);
    // The init container comes first, so it is the one that meets the image it cannot pull.
    let out = ns.devctl(&[
        "create",
        "bad",
        "--nodes",
        "2",
        "--cpu",
        "250m",
        "--memory",
        "512Mi",
        "--image",
        "registry.invalid/nothing:1",
        "--wait",
        "--timeout",
        "3m",
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("devserver bad cannot start: Init:")
            && err.contains("ImagePull")
            && err.contains("init container host-key"),
        "{err}"
    );
}

/// A two-node devserver on the KWOK nodes (no sshd: the pods turn Ready as KWOK makes them).
fn two_nodes(ns: &Ns) {
    ns.ok(&["create", "box", "--nodes", "2", "--wait"]);
}

fn ready_pods(ns: &Ns) -> Vec<String> {
    testcluster::block_on(async {
        let api = ns.api::<Pod>().await;
        let pods = api
            .list(&kube::api::ListParams::default().labels("app.kubernetes.io/instance=box"))
            .await
            .unwrap();
        let mut ready: Vec<String> = pods
            .items
            .iter()
            .filter(|p| {
                p.metadata.deletion_timestamp.is_none()
                    && p.status
                        .as_ref()
                        .and_then(|s| s.conditions.as_ref())
                        .is_some_and(|cs| {
                            cs.iter().any(|c| c.type_ == "Ready" && c.status == "True")
                        })
            })
            .filter_map(|p| p.metadata.name.clone())
            .collect();
        ready.sort();
        ready
    })
}

#[test]
fn create_with_nodes_waits_for_every_pod_and_start_scales_back_to_all_of_them() {
    let Some(ns) = Ns::new("nodes-start") else {
        return;
    };
    two_nodes(&ns);
    assert_eq!(replicas(&ns, "box"), Some(2));
    assert_eq!(ready_pods(&ns), ["box-0", "box-1"]);
    ns.ok(&["stop", "box"]);
    assert_eq!(replicas(&ns, "box"), Some(0));
    ns.ok(&["start", "box", "--wait"]);
    assert_eq!(replicas(&ns, "box"), Some(2));
    assert_eq!(ready_pods(&ns), ["box-0", "box-1"]);
}

#[test]
fn restart_recreates_every_pod_and_waits_for_all() {
    let Some(ns) = Ns::new("nodes-restart") else {
        return;
    };
    two_nodes(&ns);
    let uids = |ns: &Ns| -> Vec<Option<String>> {
        ["box-0", "box-1"]
            .iter()
            .map(|p| ns.get::<Pod>(p).and_then(|p| p.metadata.uid))
            .collect()
    };
    let before = uids(&ns);
    ns.ok(&["restart", "box", "--wait"]);
    let after = uids(&ns);
    for (old, new) in before.iter().zip(&after) {
        assert!(new.is_some() && new != old, "{before:?} -> {after:?}");
    }
    assert_eq!(ready_pods(&ns), ["box-0", "box-1"]);
}

#[test]
fn a_node_the_devserver_does_not_have_is_a_usage_error_naming_the_range() {
    let Some(ns) = Ns::new("nodes-range") else {
        return;
    };
    two_nodes(&ns);
    for args in [
        &["ssh", "box", "--node", "2", "--", "true"][..],
        &["exec", "box", "--node", "2", "--", "true"],
        &["proxy", "box", "--node", "5"],
    ] {
        let out = ns.devctl(args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("devserver box has 2 nodes, 0 to 1"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn list_and_describe_show_every_node() {
    let Some(ns) = Ns::new("nodes-show") else {
        return;
    };
    two_nodes(&ns);
    let listed = stdout(&ns.ok(&["list"]));
    assert!(listed.contains("Running 2/2"), "{listed}");
    let json: serde_json::Value =
        serde_json::from_slice(&ns.ok(&["list", "-o", "json"]).stdout).unwrap();
    let item = &json["items"][0];
    assert_eq!(item["status"], "Running", "{json}");
    assert_eq!(item["nodes"], 2, "{json}");
    assert_eq!(item["readyNodes"], 2, "{json}");

    let described = stdout(&ns.ok(&["describe", "box"]));
    for want in [
        "Status:     Running 2/2\n",
        "Host key:   box-0: ssh-ed25519 ",
        "            box-1: ssh-ed25519 ",
        "Nodes:      2\n",
    ] {
        assert!(described.contains(want), "no {want:?} in\n{described}");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&ns.ok(&["describe", "box", "-o", "json"]).stdout).unwrap();
    let nodes = json["nodes"].as_array().unwrap();
    let names: Vec<&str> = nodes.iter().map(|n| n["pod"].as_str().unwrap()).collect();
    assert_eq!(names, ["box-0", "box-1"], "{json}");
    for node in nodes {
        assert_eq!(node["ready"], true, "{json}");
        assert_eq!(node["phase"], "Running", "{json}");
        assert!(node["node"].is_string(), "{json}");
    }
}

#[test]
fn ssh_config_has_an_entry_per_node_with_its_own_pinned_key() {
    let Some(ns) = Ns::new("nodes-config") else {
        return;
    };
    two_nodes(&ns);
    let set = ns.get::<StatefulSet>("box").unwrap();
    let annotations = set.metadata.annotations.unwrap();
    let config = stdout(&ns.ok(&["ssh-config"]));
    let blocks: Vec<&str> = config.split("\n\n").collect();
    assert_eq!(blocks.len(), 2, "{config}");
    assert!(
        blocks[0].starts_with(&format!("Host box.devctl box.{}.devctl\n", ns.name)),
        "{config}"
    );
    assert!(!blocks[0].contains("--node"), "{config}");
    assert!(
        blocks[1].starts_with(&format!("Host box-1.devctl box-1.{}.devctl\n", ns.name)),
        "{config}"
    );
    assert!(blocks[1].contains(" proxy box --node 1 -n "), "{config}");
    let alias = |block: &str| {
        block
            .lines()
            .find_map(|l| l.strip_prefix("  HostKeyAlias "))
            .unwrap()
            .to_string()
    };
    // --write pins each pod's own key under its entry's alias.
    ns.ok(&["ssh-config", "--write"]);
    let known_hosts =
        std::fs::read_to_string(ns.env.home().join(".local/share/devctl/known_hosts")).unwrap();
    let key_of = |annotation: &str| {
        annotations[annotation]
            .split_whitespace()
            .nth(1)
            .unwrap()
            .to_string()
    };
    for (block, annotation) in [
        (blocks[0], "devserver.io/host-key"),
        (blocks[1], "devserver.io/host-key-1"),
    ] {
        let line = known_hosts
            .lines()
            .find(|l| l.split_whitespace().next() == Some(alias(block).as_str()))
            .unwrap_or_else(|| panic!("no {} in\n{known_hosts}", alias(block)));
        assert!(line.contains(&key_of(annotation)), "{line}");
    }
}

#[test]
fn proxy_with_node_forwards_to_that_pod_only() {
    let Some(ns) = Ns::new("nodes-proxy") else {
        return;
    };
    two_nodes(&ns);
    // No sshd behind the KWOK pod: what counts is where the tunnel went.
    let _ = ns
        .process(&["proxy", "box", "--node", "1"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!ns.port_forwards("box-1").is_empty(), "no tunnel to box-1");
    assert!(ns.port_forwards("box-0").is_empty(), "a tunnel to box-0");
}

#[test]
fn delete_purge_deletes_the_home_of_every_node() {
    let Some(ns) = Ns::new("nodes-purge") else {
        return;
    };
    ns.ok(&["create", "box", "--nodes", "2", "--home", "1Gi", "--wait"]);
    let claims = ["home-box-0", "home-box-1"];
    for claim in claims {
        assert!(
            ns.get::<k8s_openapi::api::core::v1::PersistentVolumeClaim>(claim)
                .is_some(),
            "{claim}"
        );
    }
    ns.ok(&["delete", "box", "--yes", "--purge"]);
    for claim in claims {
        let left = ns.get::<k8s_openapi::api::core::v1::PersistentVolumeClaim>(claim);
        assert!(
            left.is_none_or(|c| c.metadata.deletion_timestamp.is_some()),
            "{claim} is kept"
        );
    }
}

#[test]
fn ssh_config_gives_no_entry_to_a_pod_and_a_devserver_of_one_host_name() {
    let Some(ns) = Ns::new("nodes-clash") else {
        return;
    };
    ns.ok(&["create", "box", "--nodes", "3"]);
    ns.ok(&["create", "box-1"]);
    let out = ns.ok(&["ssh-config"]);
    let text = stdout(&out);
    let hosts: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("Host "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(hosts, ["box.devctl", "box-2.devctl"], "{text}");
    assert!(
        stderr(&out)
            .contains("box-1.devctl would name both pod 1 of devserver box and devserver box-1"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn purge_after_a_plain_delete_deletes_every_nodes_kept_home() {
    let Some(ns) = Ns::new("nodes-kept") else {
        return;
    };
    ns.ok(&["create", "box", "--nodes", "2", "--home", "1Gi", "--wait"]);
    let out = ns.ok(&["delete", "box", "--yes", "--wait"]);
    assert!(
        stderr(&out).contains("home volumes home-box-0, home-box-1 kept"),
        "{}",
        stderr(&out)
    );
    let claims = ["home-box-0", "home-box-1"];
    for claim in claims {
        let kept = ns.get::<k8s_openapi::api::core::v1::PersistentVolumeClaim>(claim);
        assert!(
            kept.is_some_and(|c| c.metadata.deletion_timestamp.is_none()),
            "{claim}"
        );
    }
    let out = ns.ok(&["delete", "box", "--yes", "--purge", "--wait"]);
    assert!(
        stderr(&out).contains("home volumes home-box-0, home-box-1 of devserver box deleted"),
        "{}",
        stderr(&out)
    );
    for claim in claims {
        let left = ns.get::<k8s_openapi::api::core::v1::PersistentVolumeClaim>(claim);
        assert!(
            left.is_none_or(|c| c.metadata.deletion_timestamp.is_some()),
            "{claim} is kept"
        );
    }
}

#[test]
fn create_warns_when_the_nodes_have_room_for_fewer_pods_than_asked() {
    let Some(ns) = Ns::new("nodes-room") else {
        return;
    };
    // The test cluster's three nodes have 16 CPUs each: one pod of 9 fits on each, not four.
    let out = ns.ok(&["create", "big", "--nodes", "4", "--cpu", "9"]);
    let err = stderr(&out);
    assert!(
        err.contains("of the 4 pods of this devserver fit on the nodes now"),
        "{err}"
    );
    let out = ns.ok(&["create", "small", "--nodes", "2"]);
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn a_multi_node_devservers_node_port_is_pod_0s_and_other_nodes_are_refused_through_it() {
    let Some(ns) = Ns::new("nodes-nodeport") else {
        return;
    };
    ns.ok(&[
        "create", "box", "--nodes", "2", "--expose", "nodeport", "--wait",
    ]);
    let service = ns
        .get::<k8s_openapi::api::core::v1::Service>("box-ssh")
        .unwrap();
    let selector = service.spec.unwrap().selector.unwrap();
    assert_eq!(selector["statefulset.kubernetes.io/pod-name"], "box-0");
    let out = ns.devctl(&[
        "ssh", "box", "--node", "1", "--via", "nodeport", "--", "true",
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--via nodeport reaches pod 0 of devserver box only"),
        "{}",
        stderr(&out)
    );
}
