//! `create --expose nodeport` against the test cluster: the `NAME-ssh` NodePort Service
//! publishes SSH and every `--port`, and `describe` and `list -o wide` (and their `-o json`)
//! show `NODE-ADDRESS:NODEPORT` for each, the address being the pod's node's ExternalIP.
//! The old spelling `--expose-ssh` still works, unlisted.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use common::ns::Ns;
use common::{Env, stderr, stdout};
use k8s_openapi::api::core::v1::{Node, Pod, Service};
use kube::api::{Api, Patch, PatchParams};

/// A documentation address (RFC 5737): nothing answers there, and no other node has it.
const EXTERNAL_IP: &str = "203.0.113.77";

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(out), stderr(out)))
}

/// A node of this test only, with an ExternalIP beside the InternalIP that kwok gives every
/// node, and one `resource` that no other node has, so that a pod asking for it lands there.
fn node_with_external_ip(ns: &Ns, resource: &str) -> String {
    let name = format!("np-{}", ns.name);
    testcluster::block_on(async {
        ns.cluster
            .add_node(&testcluster::NodeSpec::new(&name).resource(resource, "1"))
            .await
            .unwrap();
        let nodes: Api<Node> = Api::all(ns.cluster.client().await.unwrap());
        let node = nodes.get(&name).await.unwrap();
        let mut addresses = node.status.unwrap().addresses.unwrap();
        assert!(
            addresses.iter().any(|a| a.type_ == "InternalIP"),
            "kwok gives nodes an InternalIP: {addresses:?}"
        );
        addresses.push(
            serde_json::from_value(
                serde_json::json!({"type": "ExternalIP", "address": EXTERNAL_IP}),
            )
            .unwrap(),
        );
        let patch = serde_json::json!({"status": {"addresses": addresses}});
        nodes
            .patch_status(&name, &PatchParams::default(), &Patch::Merge(patch))
            .await
            .unwrap();
    });
    name
}

/// The ENDPOINTS cell of the first row of a `list -o wide` table (cells may hold spaces:
/// found by the header's column).
fn endpoints_cell(table: &str) -> String {
    let mut lines = table.lines();
    let at = lines.next().unwrap().find("ENDPOINTS").unwrap();
    let row = lines.next().unwrap();
    row[at..].split_whitespace().next().unwrap().to_string()
}

/// The Service's node port of each of its ports, by port name.
fn node_ports(service: &Service) -> Vec<(String, i32, i32)> {
    service
        .spec
        .as_ref()
        .unwrap()
        .ports
        .iter()
        .flatten()
        .map(|p| (p.name.clone().unwrap(), p.port, p.node_port.unwrap()))
        .collect()
}

#[test]
fn expose_nodeport_publishes_ssh_and_every_port_and_shows_their_node_endpoints() {
    let Some(ns) = Ns::new("expose") else { return };
    let resource = "example.com/exposed";
    let node = node_with_external_ip(&ns, resource);
    ns.ok(&[
        "create",
        "web",
        "--expose",
        "nodeport",
        "--port",
        "8888",
        "--gpu",
        &format!("{resource}=1"),
        "--wait",
        "--timeout",
        "2m",
    ]);

    let service = ns.get::<Service>("web-ssh").expect("the NodePort Service");
    assert_eq!(
        service.spec.as_ref().unwrap().type_.as_deref(),
        Some("NodePort")
    );
    let ports = node_ports(&service);
    let names: Vec<(&str, i32)> = ports.iter().map(|(n, p, _)| (n.as_str(), *p)).collect();
    assert_eq!(names, [("ssh", 22), ("port-8888", 8888)]);
    let pod = ns.get::<Pod>("web-0").unwrap();
    assert_eq!(pod.spec.unwrap().node_name.as_deref(), Some(node.as_str()));
    let want: Vec<String> = ports
        .iter()
        .map(|(_, _, np)| format!("{EXTERNAL_IP}:{np}"))
        .collect();

    // describe -o json: one endpoint per published port, SSH first.
    let described = json(&ns.ok(&["describe", "web", "-o", "json"]));
    let endpoints = described["endpoints"].as_array().unwrap();
    let shown: Vec<(&str, i64, i64, &str, &str)> = endpoints
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap(),
                e["port"].as_i64().unwrap(),
                e["nodePort"].as_i64().unwrap(),
                e["endpoint"].as_str().unwrap(),
                e["addressType"].as_str().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(&str, i64, i64, &str, &str)> = ports
        .iter()
        .zip(&want)
        .map(|((n, p, np), e)| {
            (
                n.as_str(),
                i64::from(*p),
                i64::from(*np),
                e.as_str(),
                "ExternalIP",
            )
        })
        .collect();
    assert_eq!(shown, expected, "{described}");
    let ssh_nodeport = described["ssh"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["transport"] == "nodeport")
        .unwrap();
    assert_eq!(ssh_nodeport["host"], EXTERNAL_IP);
    assert_eq!(ssh_nodeport["port"], ports[0].2);

    // describe: a row per published port, with the container port it leads to.
    let table = stdout(&ns.ok(&["describe", "web"]));
    for ((name, port, _), endpoint) in ports.iter().zip(&want) {
        let row = table
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name.as_str()))
            .unwrap_or_else(|| panic!("no row for {name}:\n{table}"));
        let cells: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(cells[1..3], [endpoint.as_str(), &port.to_string()], "{row}");
        assert!(row.ends_with(&format!("ExternalIP of {node}")), "{row}");
    }

    // list -o wide: the ENDPOINTS column, SSH first; list -o json: the same endpoints.
    let wide = stdout(&ns.ok(&["list", "-o", "wide"]));
    assert_eq!(endpoints_cell(&wide), want.join(","), "{wide}");
    let listed = json(&ns.ok(&["list", "-o", "json"]));
    assert_eq!(listed["items"][0]["endpoints"], described["endpoints"]);

    // Stopped: no pod, so no address, and the reason.
    ns.ok(&["stop", "web"]);
    testcluster::block_on(async {
        let pods: Api<Pod> = ns.api().await;
        let gone =
            kube::runtime::wait::await_condition(pods, "web-0", |p: Option<&Pod>| p.is_none());
        tokio::time::timeout(std::time::Duration::from_secs(60), gone)
            .await
            .expect("the pod gone within a minute")
            .unwrap();
    });
    let stopped = json(&ns.ok(&["describe", "web", "-o", "json"]));
    for e in stopped["endpoints"].as_array().unwrap() {
        assert_eq!(e["endpoint"], serde_json::Value::Null, "{e}");
        assert_eq!(e["reason"], "no pod", "{e}");
    }
    let wide = stdout(&ns.ok(&["list", "-o", "wide"]));
    assert_eq!(endpoints_cell(&wide), "-,-", "{wide}");
    let table = stdout(&ns.ok(&["describe", "web"]));
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("ssh ") && l.trim_end().ends_with("no pod")),
        "{table}"
    );
}

#[test]
fn list_without_wide_output_asks_for_no_service_or_node() {
    let Some(ns) = Ns::new("expose-plain") else {
        return;
    };
    ns.ok(&[
        "create",
        "plain",
        "--expose",
        "nodeport",
        "--wait",
        "--timeout",
        "2m",
    ]);
    // A user of this test's own, so that the request log holds its calls, cluster-wide ones
    // (nodes) included.
    let user = ns
        .cluster
        .user(&format!("{}-lister", ns.name), &["system:masters"])
        .unwrap();
    let mine = testcluster::Scope::user(&user.name);
    let paths = |args: &[&str]| {
        let before = ns.cluster.proxy().requests_in(&mine).unwrap().len();
        let out = ns
            .env
            .devctl_at(&user.kubeconfig)
            .args(["-n", &ns.name])
            .args(args)
            .arg("--all-users")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).contains("plain"), "{}", stdout(&out));
        let requests = ns.cluster.proxy().requests_in(&mine).unwrap();
        requests[before..]
            .iter()
            .map(|r| r.path.clone())
            .collect::<Vec<String>>()
    };
    let asks_for = |paths: &[String], what: &str| paths.iter().any(|p| p.contains(what));
    let plain = paths(&["list"]);
    assert!(
        !asks_for(&plain, "/services") && !asks_for(&plain, "/nodes"),
        "{plain:?}"
    );
    let wide = paths(&["list", "-o", "wide"]);
    assert!(
        asks_for(&wide, "/services") && asks_for(&wide, "/nodes/"),
        "{wide:?}"
    );
}

#[test]
fn expose_ssh_still_works_but_is_not_in_the_help() {
    let env = Env::new();
    let help = stdout(&env.devctl().args(["create", "--help"]).output().unwrap());
    assert!(help.contains("--expose <nodeport[:PORT]>"), "{help}");
    assert!(!help.contains("expose-ssh"), "{help}");
    for flag in ["--expose", "--expose-ssh"] {
        let out = env
            .devctl()
            .args(["create", "old", "--dry-run", "--offline", "-o", "json"])
            .args(["--flavor", "cpu-small"])
            .args([flag, "nodeport:30022", "--port", "8888"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{flag}: {}", stderr(&out));
        let printed = json(&out);
        let service = printed["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["kind"] == "Service" && o["metadata"]["name"] == "old-ssh")
            .unwrap_or_else(|| panic!("{flag}: no NodePort Service in {printed}"));
        let ports: Vec<(&str, i64, Option<i64>)> = service["spec"]["ports"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["name"].as_str().unwrap(),
                    p["port"].as_i64().unwrap(),
                    p["nodePort"].as_i64(),
                )
            })
            .collect();
        assert_eq!(
            ports,
            [("ssh", 22, Some(30022)), ("port-8888", 8888, None)],
            "{flag}"
        );
    }
}

#[test]
fn a_port_that_the_services_cannot_publish_is_refused_before_any_call() {
    let env = Env::new();
    for ports in [
        &["--port", "22"][..],
        &["--port", "8888", "--port", "8888"],
        &["--port", "0"],
    ] {
        let out = env
            .devctl()
            .args([
                "create",
                "bad",
                "--dry-run",
                "--offline",
                "--flavor",
                "cpu-small",
            ])
            .args(["--expose", "nodeport"])
            .args(ports)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{ports:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("--port"), "{}", stderr(&out));
    }
}
