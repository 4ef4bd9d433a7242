//! devctl inside a pod of the cluster, as in a bastion's login shell: no kubeconfig, only the
//! pod's ServiceAccount (`KUBERNETES_SERVICE_HOST`/`_PORT`, its token, the CA and the
//! namespace in `/var/run/secrets/kubernetes.io/serviceaccount`). The ServiceAccount is a
//! real one with a TokenRequest token, bound as `admin user add` binds a devserver user; the
//! files are mounted in a mount namespace of devctl's own (see `common::in_cluster`).
//!
//! Needs root and `unshare`; skips with the reason otherwise (fails under
//! `TESTCLUSTER_REQUIRED`, as in CI).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use common::in_cluster::Pod;
use common::ns::Ns;
use common::sshd::{self, Sshd};
use common::{stderr, stdout};

fn code(out: &std::process::Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// A namespace of the shared cluster and a devserver user's ServiceAccount `dev` in it.
fn pod(prefix: &str) -> Option<(Ns, Pod)> {
    let ns = Ns::new(prefix)?;
    let pod = Pod::devserver_user(ns.cluster, &ns.name, "dev")?;
    Some((ns, pod))
}

#[test]
fn in_a_pod_the_context_and_namespace_come_from_the_service_account() {
    let Some((ns, pod)) = pod("incluster-view") else {
        return;
    };
    let out = pod.devctl(&ns.env, &["config", "view", "-o", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let setting = |key: &str| {
        v["settings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == key)
            .cloned()
            .unwrap_or_else(|| panic!("no {key} in {v}"))
    };
    assert_eq!(setting("namespace")["value"], ns.name.as_str(), "{v}");
    assert_eq!(setting("namespace")["source"], "in-cluster", "{v}");
    assert_eq!(setting("context")["value"], "in-cluster", "{v}");

    let out = pod.devctl(&ns.env, &["config", "view"]);
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.starts_with("namespace"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains(&ns.name) && line.contains("in-cluster ServiceAccount"),
        "{line}"
    );

    // status talks to the cluster as the ServiceAccount, in its namespace, and it has every
    // permission a devserver user needs there.
    let out = pod.devctl(&ns.env, &["status", "-o", "json"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["context"], "in-cluster");
    assert_eq!(v["namespace"], ns.name.as_str());
    assert_eq!(v["namespaceSource"], "in-cluster");
    assert_eq!(v["user"]["username"], pod.username.as_str());
    assert_eq!(v["ready"], true, "{v}");
}

#[test]
fn in_a_pod_a_devserver_user_creates_lists_execs_and_deletes_in_its_namespace() {
    let Some((ns, pod)) = pod("incluster-life") else {
        return;
    };
    let out = pod.devctl(
        &ns.env,
        &["create", "box", "--flavor", "cpu-small", "--wait"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        ns.get::<k8s_openapi::api::apps::v1::StatefulSet>("box")
            .is_some(),
        "made in the ServiceAccount's namespace"
    );

    let out = pod.devctl(&ns.env, &["list", "-o", "name"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "devserver/box\n",
        "the ServiceAccount owns it"
    );

    let out = pod.devctl(
        &ns.env,
        &["exec", "box", "--", "sh", "-c", "echo out; exit 3"],
    );
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert_eq!(stdout(&out), "out\n");

    let out = pod.devctl(&ns.env, &["delete", "box", "--yes", "--wait"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        ns.get::<k8s_openapi::api::apps::v1::StatefulSet>("box")
            .is_none()
    );
}

#[test]
fn in_a_pod_another_namespace_is_forbidden_with_exit_5() {
    let Some((ns, pod)) = pod("incluster-other") else {
        return;
    };
    let other = ns.cluster.namespace("incluster-elsewhere").unwrap();
    let out = pod.devctl(&ns.env, &["-n", &other, "list"]);
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains(&other), "names the namespace: {err}");
}

#[test]
fn in_a_pod_ssh_goes_straight_to_the_pods_address() {
    let Some((ns, pod)) = pod("incluster-ssh") else {
        return;
    };
    // sshd must listen on the pod's port 22.
    if common::rootfs::skip() {
        return;
    }
    sshd::user_key(&ns);
    // A node whose pods get loopback addresses (kwok hands them out from its pod CIDR), and a
    // resource only it has, so that the devserver's pod lands there and its address is this
    // machine's.
    sshd::loopback_node(&ns, "incluster");
    let resource = sshd::LOOPBACK_RESOURCE;
    let out = pod.devctl(
        &ns.env,
        &[
            "create",
            "box",
            "--wait",
            "--flavor",
            "cpu-small",
            "--gpu",
            &format!("{resource}=1"),
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let found: k8s_openapi::api::core::v1::Pod = ns.get("box-0").unwrap();
    let pod_ip: std::net::IpAddr = found
        .status
        .as_ref()
        .and_then(|s| s.pod_ip.as_deref())
        .expect("kwok gave the pod an address")
        .parse()
        .unwrap();
    let Some(_sshd) =
        Sshd::start_listening(&ns, "box", &[std::net::SocketAddr::from((pod_ip, 22))])
    else {
        return;
    };

    let out = pod.devctl(&ns.env, &["-v", "ssh", "box", "--", "echo $SSH_CONNECTION"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("box: connecting through direct"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).trim_end().ends_with(&format!("{pod_ip} 22")),
        "sshd saw a connection to the pod's address: {}",
        stdout(&out)
    );
    assert!(
        ns.port_forwards("box-0").is_empty(),
        "no port-forward asked"
    );

    // --via still chooses: through the API server's port-forward.
    let out = pod.devctl(
        &ns.env,
        &["ssh", "box", "--via", "port-forward", "--", "true"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(ns.port_forwards("box-0").len(), 1);
}

#[test]
fn in_a_pod_the_namespace_file_is_read_as_kubectl_reads_it() {
    let Some((ns, pod)) = pod("incluster-nsfile") else {
        return;
    };
    // A namespace file written by hand or by a tool, with a line end: kubectl trims it.
    pod.rewrite("namespace", &format!("{}\n", ns.name));
    let out = pod.devctl(&ns.env, &["list", "-o", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = pod.devctl(&ns.env, &["status", "-o", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["namespace"], ns.name.as_str());
}

#[test]
fn in_a_pod_a_pod_address_that_refuses_says_how_else_to_connect() {
    let Some((ns, pod)) = pod("incluster-refused") else {
        return;
    };
    // A node whose pods get loopback addresses where nothing listens on port 22.
    sshd::loopback_node(&ns, "refused");
    let resource = sshd::LOOPBACK_RESOURCE;
    sshd::user_key(&ns);
    let out = pod.devctl(
        &ns.env,
        &[
            "create",
            "box",
            "--wait",
            "--flavor",
            "cpu-small",
            "--gpu",
            &format!("{resource}=1"),
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = pod.devctl(&ns.env, &["ssh", "box", "--", "true"]);
    assert_eq!(code(&out), 255, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.starts_with("error: cannot connect to 127."), "{err}");
    assert!(
        err.contains("hint: devctl went to the pod's address (--via direct, the default inside a cluster); if it cannot be reached from here, use --via port-forward"),
        "{err}"
    );
}
