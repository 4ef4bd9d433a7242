//! The real node: a kubelet, containerd and runc built from source run real containers from
//! the images the test cluster made. Each test asserts what only a real node does: a real
//! exit code and restart count, a real image-pull failure, exec and port-forward through the
//! kubelet, cluster DNS from CoreDNS, and nothing left behind once the cluster stops.
//!
//! These need root, `ip` and debootstrap; they skip with the reason otherwise (and fail when
//! `TESTCLUSTER_REQUIRED` is set, as in CI).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::io::Write;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::processes_mentioning;
use k8s_openapi::api::core::v1::{Node, Pod};
use kube::api::{Api, AttachParams, PostParams};
use kube::runtime::wait::await_condition;
use serde_json::json;
use testcluster::{Cluster, Config, NodeSpec, realnode};
use tokio::io::AsyncReadExt;

const WAIT: Duration = Duration::from_secs(120);
const DEBIAN: &str = "devctl.test/debian:bookworm";
const BARE: &str = "devctl.test/debian-bare:bookworm";

fn cluster() -> Option<&'static Cluster> {
    testcluster::shared_real_node_or_skip()
}

/// For the tests that start clusters of their own: whether the real node can run here (as
/// [`cluster`] decides, without starting the shared one), and a lock so that they start one
/// at a time beside the shared cluster on a small machine.
async fn own_cluster() -> Option<tokio::sync::MutexGuard<'static, ()>> {
    static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    if testcluster::skip_because(testcluster::real_node_unavailable_reason()) {
        return None;
    }
    Some(ONE_AT_A_TIME.lock().await)
}

fn from_json<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).expect("a valid object")
}

/// A pod on the real node running `command` in `image`.
fn pod(name: &str, image: &str, command: &[&str], restart: &str) -> Pod {
    from_json(json!({
        "metadata": { "name": name, "labels": { "app": name } },
        "spec": {
            "nodeSelector": { realnode::NODE_LABEL.0: realnode::NODE_LABEL.1 },
            "restartPolicy": restart,
            "terminationGracePeriodSeconds": 1,
            "containers": [{ "name": "main", "image": image, "command": command }],
        }
    }))
}

async fn wait_for<K>(
    api: &Api<K>,
    name: &str,
    what: &str,
    cond: impl kube::runtime::wait::Condition<K>,
) -> K
where
    K: kube::Resource + Clone + std::fmt::Debug + serde::de::DeserializeOwned + Send + 'static,
{
    tokio::time::timeout(WAIT, await_condition(api.clone(), name, cond))
        .await
        .unwrap_or_else(|_| panic!("timed out waiting for {name} to be {what}"))
        .expect("watch works")
        .unwrap_or_else(|| panic!("{name} is gone"))
}

fn ready(pod: Option<&Pod>) -> bool {
    pod.and_then(|p| p.status.as_ref())
        .and_then(|s| s.conditions.as_ref())
        .is_some_and(|cs| cs.iter().any(|c| c.type_ == "Ready" && c.status == "True"))
}

async fn pods(cluster: &Cluster, prefix: &str) -> (Api<Pod>, String) {
    let ns = cluster.create_namespace(prefix).await.unwrap();
    let api = Api::namespaced(cluster.client().await.unwrap(), &ns);
    (api, ns)
}

fn kubectl(cluster: &Cluster) -> Command {
    let mut cmd = Command::new("kubectl");
    cmd.arg("--kubeconfig").arg(cluster.kubeconfig());
    cmd
}

#[tokio::test]
async fn the_real_node_is_ready_beside_simulated_ones_and_kubectl_sees_both() {
    let Some(cluster) = cluster() else { return };
    cluster.add_node(&NodeSpec::new("sim-1")).await.unwrap();
    let out = kubectl(cluster)
        .args(["get", "nodes", "-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let node = |name: &str| -> serde_json::Value {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["metadata"]["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("no node {name} in {list}"))
    };
    let ready = |n: &serde_json::Value| {
        n["status"]["conditions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["type"] == "Ready" && c["status"] == "True")
    };
    let real = node(realnode::NODE_NAME);
    assert!(ready(&real), "{real}");
    assert!(ready(&node("sim-1")));
    assert_eq!(real["metadata"]["labels"][realnode::NODE_LABEL.0], "true");
    let info = &real["status"]["nodeInfo"];
    assert_eq!(info["kubeletVersion"], testcluster::KUBERNETES_VERSION);
    assert!(
        info["containerRuntimeVersion"]
            .as_str()
            .unwrap()
            .starts_with("containerd://"),
        "{info}"
    );
    let address = &real["status"]["addresses"][0]["address"];
    let node_ip = cluster.real_node().unwrap().node_ip().to_string();
    assert_eq!(address, &serde_json::Value::from(node_ip));
}

#[tokio::test]
async fn a_failing_container_shows_its_real_exit_code_and_restart_count() {
    let Some(cluster) = cluster() else { return };
    let (pods, ns) = pods(cluster, "exit").await;
    // The shell's `$$` is 1 only in a PID namespace of its own: a real container. (Kubernetes
    // reads `$$` in a command as an escaped `$`, so it is written twice.)
    let command = ["/bin/sh", "-c", "echo \"pid $$$$\"; exit 3"];
    pods.create(
        &PostParams::default(),
        &pod("fails", BARE, &command, "Always"),
    )
    .await
    .unwrap();
    let restarted = wait_for(&pods, "fails", "restarted", |p: Option<&Pod>| {
        p.and_then(|p| p.status.as_ref())
            .and_then(|s| s.container_statuses.as_ref())
            .and_then(|cs| cs.first())
            .is_some_and(|c| c.restart_count >= 1)
    })
    .await;
    let status = &restarted.status.unwrap().container_statuses.unwrap()[0];
    let last = status
        .last_state
        .as_ref()
        .and_then(|s| s.terminated.as_ref())
        .expect("the last run terminated");
    assert_eq!(last.exit_code, 3);
    assert_eq!(last.reason.as_deref(), Some("Error"));
    let logs = kubectl(cluster)
        .args(["logs", "-n", &ns, "fails", "--previous"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&logs.stdout), "pid 1\n");
}

#[tokio::test]
async fn an_image_the_node_does_not_have_fails_to_pull() {
    let Some(cluster) = cluster() else { return };
    let (pods, _) = pods(cluster, "pull").await;
    // A name a public registry has: the node still reaches none (containerd's pulls go to an
    // address where nothing listens).
    let image = "debian:bookworm";
    pods.create(
        &PostParams::default(),
        &pod("nopull", image, &["true"], "Always"),
    )
    .await
    .unwrap();
    let failed = wait_for(&pods, "nopull", "failing to pull", |p: Option<&Pod>| {
        p.and_then(|p| p.status.as_ref())
            .and_then(|s| s.container_statuses.as_ref())
            .and_then(|cs| cs.first())
            .and_then(|c| c.state.as_ref()?.waiting.as_ref()?.reason.clone())
            .is_some_and(|r| r == "ErrImagePull" || r == "ImagePullBackOff")
    })
    .await;
    assert_eq!(failed.status.unwrap().phase.as_deref(), Some("Pending"));
}

#[tokio::test]
async fn exec_gets_stdin_to_its_end_and_returns_the_exit_code() {
    let Some(cluster) = cluster() else { return };
    let (pods, ns) = pods(cluster, "exec").await;
    pods.create(
        &PostParams::default(),
        &pod("sleeper", BARE, &["sleep", "infinity"], "Always"),
    )
    .await
    .unwrap();
    wait_for(&pods, "sleeper", "ready", ready).await;
    let mut exec = kubectl(cluster)
        .args(["exec", "-i", "-n", &ns, "sleeper", "--", "sh", "-c"])
        .arg("cat; echo \" in $(hostname)\"; exit 4")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    exec.stdin.take().unwrap().write_all(b"hello").unwrap();
    let out = exec.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hello in sleeper\n");
}

#[tokio::test]
async fn port_forward_reaches_a_real_sshd_in_the_pod() {
    let Some(cluster) = cluster() else { return };
    let (pods, ns) = pods(cluster, "pf").await;
    let command = [
        "/bin/sh",
        "-c",
        "mkdir -p /run/sshd && ssh-keygen -A -q && exec /usr/sbin/sshd -D -e",
    ];
    let mut sshd = pod("sshd", DEBIAN, &command, "Always");
    sshd.spec.as_mut().unwrap().containers[0].readiness_probe = Some(from_json(json!({
        "tcpSocket": { "port": 22 }, "periodSeconds": 1,
    })));
    pods.create(&PostParams::default(), &sshd).await.unwrap();
    // Ready once the kubelet's probe reached sshd.
    wait_for(&pods, "sshd", "ready", ready).await;
    let mut forward = kubectl(cluster)
        .args(["port-forward", "-n", &ns, "pod/sshd", ":22"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(forward.stdout.as_mut().unwrap()),
        &mut line,
    )
    .unwrap();
    // "Forwarding from 127.0.0.1:PORT -> 22"
    let port: u16 = line
        .split_whitespace()
        .nth(2)
        .and_then(|a| a.rsplit(':').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("kubectl said {line:?}"));
    let banner = read_banner(port);
    let _ = forward.kill();
    let _ = forward.wait();
    assert!(banner.starts_with("SSH-2.0-OpenSSH"), "{banner:?}");
}

fn read_banner(port: u16) -> String {
    use std::io::Read;
    let mut conn = TcpStream::connect(("127.0.0.1", port)).unwrap();
    conn.set_read_timeout(Some(WAIT)).unwrap();
    let mut banner = Vec::new();
    let mut byte = [0u8; 1];
    while conn.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
        banner.push(byte[0]);
    }
    String::from_utf8_lossy(&banner).into_owned()
}

#[tokio::test]
async fn cluster_dns_resolves_a_statefulset_pod_by_its_stable_name() {
    let Some(cluster) = cluster() else { return };
    let (pods, ns) = pods(cluster, "dns").await;
    let client = cluster.client().await.unwrap();
    let services: Api<k8s_openapi::api::core::v1::Service> = Api::namespaced(client.clone(), &ns);
    services
        .create(
            &PostParams::default(),
            &from_json(json!({
                "metadata": { "name": "web" },
                "spec": { "clusterIP": "None", "selector": { "app": "web" } },
            })),
        )
        .await
        .unwrap();
    let sets: Api<k8s_openapi::api::apps::v1::StatefulSet> = Api::namespaced(client, &ns);
    let template = pod("web", BARE, &["sleep", "infinity"], "Always");
    sets.create(
        &PostParams::default(),
        &from_json(json!({
            "metadata": { "name": "web" },
            "spec": {
                "serviceName": "web",
                "replicas": 1,
                "selector": { "matchLabels": { "app": "web" } },
                "template": { "metadata": template.metadata, "spec": template.spec },
            },
        })),
    )
    .await
    .unwrap();
    let web = wait_for(&pods, "web-0", "ready", ready).await;
    let pod_ip = web.status.unwrap().pod_ip.expect("a pod IP");
    let name = format!("web-0.web.{ns}.svc.{}", realnode::CLUSTER_DOMAIN);
    // The endpoint controller publishes the pod's address a moment after it is Ready: ask
    // until CoreDNS knows it (each try is a real lookup through the pod's resolv.conf).
    let deadline = Instant::now() + WAIT;
    loop {
        let mut exec = pods
            .exec(
                "web-0",
                ["getent", "hosts", name.as_str()],
                &AttachParams::default().stderr(false),
            )
            .await
            .unwrap();
        let mut out = String::new();
        exec.stdout()
            .unwrap()
            .read_to_string(&mut out)
            .await
            .unwrap();
        exec.join().await.unwrap();
        if let Some(ip) = out.split_whitespace().next() {
            assert_eq!(ip, pod_ip, "{out}");
            return;
        }
        assert!(Instant::now() < deadline, "{name} never resolved");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Mount points under `dir` in any process's mount namespace.
fn mounts_under(dir: &Path) -> Vec<String> {
    let dir = dir.display().to_string();
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        if entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
            .is_none()
        {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(entry.path().join("mountinfo")) else {
            continue;
        };
        for line in text.lines() {
            if let Some(point) = line.split_whitespace().nth(4)
                && point.starts_with(&dir)
            {
                found.push(point.to_string());
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Whether `path` exists, and everything under it if it is a directory, sorted.
fn entries(path: &str) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            out.push(entry.path().display().to_string());
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                walk(&entry.path(), out);
            }
        }
    }
    if !Path::new(path).exists() {
        return vec![format!("{path} (absent)")];
    }
    let mut names = Vec::new();
    walk(Path::new(path), &mut names);
    names.sort();
    names
}

/// The processes in a cgroup and every cgroup below it.
fn pids_under(cgroup: &Path) -> Vec<u32> {
    let mut pids: Vec<u32> = std::fs::read_to_string(cgroup.join("cgroup.procs"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect();
    for entry in std::fs::read_dir(cgroup).into_iter().flatten().flatten() {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            pids.extend(pids_under(&entry.path()));
        }
    }
    pids
}

fn command_line(pid: u32) -> String {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|c| {
            String::from_utf8_lossy(&c)
                .trim_end_matches('\0')
                .replace('\0', " ")
        })
        .unwrap_or_default()
}

fn links(kind: &str) -> String {
    let out = Command::new("ip")
        .args(["-o", "link", "show", "type", kind])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test]
async fn stopping_a_cluster_with_a_real_node_leaves_nothing_behind() {
    let Some(_one_at_a_time) = own_cluster().await else {
        return;
    };
    // Where a kubelet, containerd and the CNI plugins write by default.
    let host_paths = [
        "/var/log/containers",
        "/var/log/pods",
        "/var/lib/kubelet",
        "/var/lib/containerd",
        "/var/lib/cni",
        "/run/containerd",
        "/run/netns",
        "/opt/containerd",
        "/opt/cni",
        "/etc/cni",
    ];
    let before: Vec<Vec<String>> = host_paths.iter().map(|d| entries(d)).collect();
    let config = Config {
        nodes: Vec::new(),
        real_node: true,
        ..Config::default()
    };
    let cluster = Cluster::start(config).await.unwrap();
    let (pods, _) = pods(&cluster, "left").await;
    // A pod with volumes of both kinds the kubelet mounts (tmpfs-backed and directory).
    let mut sleeper = pod("sleeper", BARE, &["sleep", "infinity"], "Always");
    let spec = sleeper.spec.as_mut().unwrap();
    spec.volumes = Some(from_json(json!([
        { "name": "scratch", "emptyDir": { "medium": "Memory" } },
        { "name": "conf", "configMap": { "name": "kube-root-ca.crt" } },
    ])));
    spec.containers[0].volume_mounts = Some(from_json(json!([
        { "name": "scratch", "mountPath": "/scratch" },
        { "name": "conf", "mountPath": "/conf" },
    ])));
    pods.create(&PostParams::default(), &sleeper).await.unwrap();
    wait_for(&pods, "sleeper", "ready", ready).await;

    let node = cluster.real_node().unwrap();
    let bridge = node.network.bridge.clone();
    let veths: Vec<String> = links("veth")
        .lines()
        .filter(|l| l.contains(&format!("master {bridge} ")))
        .filter_map(|l| l.split(':').nth(1))
        .map(|n| n.trim().split('@').next().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        veths.len(),
        1,
        "the pod's veth on {bridge}: {}",
        links("veth")
    );
    let cgroups: Vec<PathBuf> = node.cgroups.dirs();
    assert!(
        !cgroups.is_empty(),
        "the node's cgroup root exists while it runs"
    );
    // The container's processes are in cgroups under the node's root, in every hierarchy.
    for root in &cgroups {
        let sleeping = pids_under(root)
            .into_iter()
            .any(|pid| command_line(pid) == "sleep infinity");
        assert!(sleeping, "no sleep infinity under {}", root.display());
    }
    let dir = cluster.dir().to_path_buf();
    assert!(!processes_mentioning(&dir.display().to_string()).is_empty());
    let nodes: Api<Node> = Api::all(cluster.client().await.unwrap());
    assert!(nodes.get_opt(realnode::NODE_NAME).await.unwrap().is_some());

    cluster.stop();
    let left = processes_mentioning(&dir.display().to_string());
    assert!(left.is_empty(), "still running: {left:?}");
    assert_eq!(mounts_under(&dir), Vec::<String>::new(), "mounts left");
    let all_links = links("bridge") + &links("veth");
    assert!(!all_links.contains(&format!(": {bridge}:")), "{all_links}");
    for veth in &veths {
        assert!(!all_links.contains(&format!(": {veth}@")), "{all_links}");
    }
    for cgroup in &cgroups {
        assert!(!cgroup.exists(), "{} is left", cgroup.display());
    }
    assert!(!dir.exists(), "the state directory is removed");
    // Nothing of the node's outside its state directory either.
    let after: Vec<Vec<String>> = host_paths.iter().map(|d| entries(d)).collect();
    assert_eq!(before, after, "{host_paths:?} changed");
}

/// Waits (polling: these are kernel objects with nothing to watch) until `gone` holds.
fn wait_until_gone(what: &str, gone: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !gone() {
        assert!(Instant::now() < deadline, "{what} is left behind");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[tokio::test]
async fn a_killed_harness_takes_its_real_node_with_it() {
    let Some(_one_at_a_time) = own_cluster().await else {
        return;
    };
    use std::io::BufRead;
    let out = tempfile::tempdir().unwrap();
    let kubeconfig = out.path().join("kubeconfig");
    let mut harness = Command::new(env!("CARGO_BIN_EXE_testcluster"))
        .arg("--kubeconfig-out")
        .arg(&kubeconfig)
        .arg("--real-node")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = std::io::BufReader::new(harness.stderr.take().unwrap());
    let (mut state, mut bridge, mut cgroup) = (None, None, None);
    let mut said = String::new();
    let mut line = String::new();
    while stderr.read_line(&mut line).unwrap() > 0 {
        said.push_str(&line);
        let text = line.trim();
        if let Some(dir) = text.strip_prefix("state: ") {
            state = Some(dir.to_string());
        }
        if let Some(rest) = text.strip_prefix("real node: ") {
            // "real node: real-0 at IP, bridge NAME, cgroup /NAME"
            let field = |key: &str| {
                rest.split(", ")
                    .find_map(|part| part.strip_prefix(key))
                    .map(str::to_string)
            };
            bridge = field("bridge ");
            cgroup = field("cgroup /");
        }
        if text.contains("Press Ctrl-C") {
            break;
        }
        line.clear();
    }
    let (Some(state), Some(bridge), Some(cgroup)) = (state, bridge, cgroup) else {
        let _ = harness.kill();
        panic!("the harness did not name its state, bridge and cgroup; it said:\n{said}")
    };
    let cgroups = realnode::CgroupRoot {
        name: cgroup.clone(),
    }
    .dirs();
    assert!(
        !cgroups.is_empty(),
        "the node's cgroup root exists: {cgroup}"
    );
    assert!(links("bridge").contains(&format!(": {bridge}:")));

    harness.kill().unwrap();
    harness.wait().unwrap();
    wait_until_gone("a process of the node", || {
        processes_mentioning(&state).is_empty()
    });
    wait_until_gone("the state directory", || !Path::new(&state).exists());
    wait_until_gone("the bridge", || {
        !links("bridge").contains(&format!(": {bridge}:"))
    });
    for dir in &cgroups {
        wait_until_gone(&dir.display().to_string(), || !dir.exists());
    }
    assert_eq!(mounts_under(Path::new(&state)), Vec::<String>::new());
}
