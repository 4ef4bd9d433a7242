//! The test cluster's own tests, with kube-rs as the client: each checks one thing devctl's
//! tests rely on, against the real control plane.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{alive, processes_mentioning};
use futures::{AsyncBufReadExt, StreamExt, TryStreamExt};
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::authorization::v1::SelfSubjectAccessReview;
use k8s_openapi::api::core::v1::{Node, PersistentVolume, PersistentVolumeClaim, Pod};
use k8s_openapi::api::rbac::v1::{Role, RoleBinding};
use kube::api::{Api, AttachParams, ListParams, LogParams, PostParams, WatchEvent, WatchParams};
use kube::runtime::wait::await_condition;
use serde_json::json;
use testcluster::{Cluster, Config, Fault, Hold, NodeSpec, Scope};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const WAIT: Duration = Duration::from_secs(60);

fn from_json<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).expect("a valid object")
}

fn pod(name: &str, image: &str) -> Pod {
    from_json(json!({
        "metadata": { "name": name },
        "spec": { "containers": [{ "name": "main", "image": image }] }
    }))
}

async fn wait_for<K>(
    api: &Api<K>,
    name: &str,
    what: &str,
    cond: impl kube::runtime::wait::Condition<K>,
) where
    K: kube::Resource + Clone + std::fmt::Debug + serde::de::DeserializeOwned + Send + 'static,
{
    tokio::time::timeout(WAIT, await_condition(api.clone(), name, cond))
        .await
        .unwrap_or_else(|_| panic!("timed out waiting for {name} to be {what}"))
        .expect("watch works");
}

fn is_running(pod: Option<&Pod>) -> bool {
    pod.and_then(|p| p.status.as_ref()).is_some_and(|s| {
        s.phase.as_deref() == Some("Running")
            && s.conditions
                .iter()
                .flatten()
                .any(|c| c.type_ == "Ready" && c.status == "True")
    })
}

async fn running_pod(cluster: &Cluster, ns: &str, name: &str) -> Api<Pod> {
    let pods: Api<Pod> = Api::namespaced(cluster.client().await.unwrap(), ns);
    pods.create(&PostParams::default(), &pod(name, "debian:bookworm"))
        .await
        .unwrap();
    wait_for(&pods, name, "running", is_running).await;
    pods
}

#[tokio::test]
async fn statefulset_pod_runs_and_its_claim_binds() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("sts").await.unwrap();
    let client = cluster.client().await.unwrap();
    let sets: Api<StatefulSet> = Api::namespaced(client.clone(), &ns);
    let set: StatefulSet = from_json(json!({
        "metadata": { "name": "web" },
        "spec": {
            "serviceName": "web",
            "replicas": 1,
            "selector": { "matchLabels": { "app": "web" } },
            "template": {
                "metadata": { "labels": { "app": "web" } },
                "spec": { "containers": [{
                    "name": "main", "image": "debian:bookworm",
                    "volumeMounts": [{ "name": "home", "mountPath": "/home" }]
                }] }
            },
            "volumeClaimTemplates": [{
                "metadata": { "name": "home" },
                "spec": { "accessModes": ["ReadWriteOnce"], "resources": { "requests": { "storage": "3Gi" } } }
            }]
        }
    }));
    sets.create(&PostParams::default(), &set).await.unwrap();

    let pods: Api<Pod> = Api::namespaced(client.clone(), &ns);
    wait_for(&pods, "web-0", "running", is_running).await;
    let claims: Api<PersistentVolumeClaim> = Api::namespaced(client.clone(), &ns);
    wait_for(
        &claims,
        "home-web-0",
        "bound",
        |c: Option<&PersistentVolumeClaim>| {
            c.and_then(|c| c.status.as_ref())
                .is_some_and(|s| s.phase.as_deref() == Some("Bound"))
        },
    )
    .await;

    let claim = claims.get("home-web-0").await.unwrap();
    let spec = claim.spec.unwrap();
    assert_eq!(
        spec.storage_class_name.as_deref(),
        Some("standard"),
        "the default class is applied"
    );
    let volume: Api<PersistentVolume> = Api::all(client.clone());
    let pv = volume
        .get(spec.volume_name.as_deref().unwrap())
        .await
        .unwrap();
    let capacity = pv.spec.unwrap().capacity.unwrap();
    assert_eq!(capacity["storage"].0, "3Gi");

    let events: Api<k8s_openapi::api::core::v1::Event> = Api::namespaced(client, &ns);
    let reasons: Vec<String> = events
        .list(&ListParams::default().fields("involvedObject.name=web-0"))
        .await
        .unwrap()
        .items
        .into_iter()
        .filter_map(|e| e.reason)
        .collect();
    for reason in ["Scheduled", "Pulling", "Started"] {
        assert!(
            reasons.iter().any(|r| r == reason),
            "no {reason} event in {reasons:?}"
        );
    }
}

#[tokio::test]
async fn an_added_node_takes_pods_as_soon_as_add_node_returns() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let node = format!("fresh-{}", std::process::id());
    cluster
        .add_node(&NodeSpec::new(&node).taint("example.com/own", "", "NoSchedule"))
        .await
        .unwrap();
    // The API server's admission taints a new node not-ready; the harness waits until the node
    // lifecycle controller has taken that off again, so a test never races it.
    let got = Api::<Node>::all(cluster.client().await.unwrap())
        .get(&node)
        .await
        .unwrap();
    let ready = got
        .status
        .and_then(|s| s.conditions)
        .is_some_and(|cs| cs.iter().any(|c| c.type_ == "Ready" && c.status == "True"));
    assert!(ready, "{node} is Ready");
    let taints: Vec<String> = got
        .spec
        .and_then(|s| s.taints)
        .unwrap_or_default()
        .into_iter()
        .map(|t| t.key)
        .collect();
    assert_eq!(
        taints,
        ["example.com/own"],
        "only the taints the test asked for"
    );
}

#[tokio::test]
async fn gpu_pod_on_tainted_nodes_gets_the_schedulers_message() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("gpu").await.unwrap();
    let client = cluster.client().await.unwrap();
    let node = format!("gpu-{}", std::process::id());
    cluster
        .add_node(
            &NodeSpec::new(&node)
                .resource("nvidia.com/gpu", "2")
                .resource("nvidia.com/mig-1g.10gb", "7")
                .taint("nvidia.com/gpu", "", "NoSchedule"),
        )
        .await
        .unwrap();
    let nodes: Api<Node> = Api::all(client.clone());
    wait_for(&nodes, &node, "Ready", |n: Option<&Node>| {
        n.and_then(|n| n.status.as_ref())
            .and_then(|s| s.conditions.as_ref())
            .is_some_and(|cs| cs.iter().any(|c| c.type_ == "Ready" && c.status == "True"))
    })
    .await;

    let pods: Api<Pod> = Api::namespaced(client, &ns);
    let gpu_pod = |name: &str, tolerate: bool| -> Pod {
        let tolerations = if tolerate {
            json!([{ "key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule" }])
        } else {
            json!([])
        };
        from_json(json!({
            "metadata": { "name": name },
            "spec": {
                "containers": [{ "name": "main", "image": "cuda:12",
                    "resources": { "limits": { "nvidia.com/gpu": "1" } } }],
                "tolerations": tolerations
            }
        }))
    };
    pods.create(&PostParams::default(), &gpu_pod("untolerated", false))
        .await
        .unwrap();
    let mut message = String::new();
    wait_for(&pods, "untolerated", "unschedulable", |p: Option<&Pod>| {
        p.and_then(|p| p.status.as_ref())
            .and_then(|s| s.conditions.as_ref())
            .and_then(|cs| {
                cs.iter().find(|c| {
                    c.type_ == "PodScheduled" && c.reason.as_deref() == Some("Unschedulable")
                })
            })
            .is_some()
    })
    .await;
    let status = pods.get("untolerated").await.unwrap().status.unwrap();
    for c in status.conditions.unwrap() {
        if c.type_ == "PodScheduled" {
            message = c.message.unwrap_or_default();
        }
    }
    assert!(message.contains("Insufficient nvidia.com/gpu"), "{message}");
    assert!(message.contains("untolerated taint"), "{message}");

    pods.create(&PostParams::default(), &gpu_pod("tolerated", true))
        .await
        .unwrap();
    wait_for(&pods, "tolerated", "running", is_running).await;
    let placed = pods.get("tolerated").await.unwrap().spec.unwrap().node_name;
    assert_eq!(placed.as_deref(), Some(node.as_str()));
}

#[tokio::test]
async fn missing_image_ends_in_image_pull_backoff() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("pull").await.unwrap();
    let client = cluster.client().await.unwrap();
    let pods: Api<Pod> = Api::namespaced(client.clone(), &ns);
    pods.create(
        &PostParams::default(),
        &pod("nope", "registry.invalid/nothing:1"),
    )
    .await
    .unwrap();
    wait_for(&pods, "nope", "in ImagePullBackOff", |p: Option<&Pod>| {
        p.and_then(|p| p.status.as_ref())
            .and_then(|s| s.container_statuses.as_ref())
            .is_some_and(|cs| {
                cs.iter().any(|c| {
                    c.state
                        .as_ref()
                        .and_then(|s| s.waiting.as_ref())
                        .and_then(|w| w.reason.as_deref())
                        == Some("ImagePullBackOff")
                })
            })
    })
    .await;
    let events: Api<k8s_openapi::api::core::v1::Event> = Api::namespaced(client, &ns);
    let warnings: Vec<String> = events
        .list(&ListParams::default().fields("involvedObject.name=nope,type=Warning"))
        .await
        .unwrap()
        .items
        .into_iter()
        .filter_map(|e| e.message)
        .collect();
    assert!(
        warnings.iter().any(|m| m.contains("ImagePullBackOff")),
        "warnings: {warnings:?}"
    );
}

#[tokio::test]
async fn exec_reports_the_exit_code_and_closes_stdin() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("exec").await.unwrap();
    let pods = running_pod(cluster, &ns, "box").await;

    let mut failing = pods
        .exec(
            "box",
            ["sh", "-c", "echo out; exit 42"],
            &AttachParams::default().stderr(false),
        )
        .await
        .unwrap();
    let mut out = String::new();
    failing
        .stdout()
        .unwrap()
        .read_to_string(&mut out)
        .await
        .unwrap();
    let status = failing.take_status().unwrap().await.unwrap();
    assert_eq!(out, "out\n");
    assert_eq!(
        status.reason.as_deref(),
        Some("NonZeroExitCode"),
        "{status:?}"
    );
    let causes = status.details.unwrap().causes.unwrap();
    assert!(
        causes
            .iter()
            .any(|c| c.reason.as_deref() == Some("ExitCode") && c.message.as_deref() == Some("42")),
        "{causes:?}"
    );

    let mut cat = pods
        .exec(
            "box",
            ["cat"],
            &AttachParams::default().stdin(true).stderr(false),
        )
        .await
        .unwrap();
    let mut stdin = cat.stdin().unwrap();
    stdin.write_all(b"hello through stdin\n").await.unwrap();
    stdin.shutdown().await.unwrap();
    drop(stdin);
    let mut echoed = String::new();
    tokio::time::timeout(WAIT, cat.stdout().unwrap().read_to_string(&mut echoed))
        .await
        .expect("cat ends once its stdin is closed")
        .unwrap();
    assert_eq!(echoed, "hello through stdin\n");
    let status = cat.take_status().unwrap().await.unwrap();
    assert_eq!(status.status.as_deref(), Some("Success"), "{status:?}");
}

#[tokio::test]
async fn port_forward_reaches_the_target_the_test_set() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("pf").await.unwrap();
    let pods = running_pod(cluster, &ns, "echo").await;

    let echo = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = echo.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for conn in echo.incoming().flatten() {
            std::thread::spawn(move || {
                let mut reader = conn.try_clone().unwrap();
                let mut writer = conn;
                let _ = std::io::copy(&mut reader, &mut writer);
            });
        }
    });
    cluster.agent().forward(&ns, "echo", 7000, &addr).unwrap();

    let mut forwarder = pods.portforward("echo", &[7000]).await.unwrap();
    let mut stream = forwarder.take_stream(7000).unwrap();
    stream.write_all(b"ping").await.unwrap();
    let mut buf = [0u8; 4];
    tokio::time::timeout(WAIT, stream.read_exact(&mut buf))
        .await
        .expect("the echo answers")
        .unwrap();
    assert_eq!(&buf, b"ping");
}

#[tokio::test]
async fn logs_are_served_and_followed() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("logs").await.unwrap();
    let pods = running_pod(cluster, &ns, "talker").await;
    let agent = cluster.agent();
    agent
        .append_log(&ns, "talker", "main", "one\ntwo\n", false)
        .unwrap();
    agent
        .append_log(&ns, "talker", "main", "before restart\n", true)
        .unwrap();

    let tail = pods
        .logs(
            "talker",
            &LogParams {
                tail_lines: Some(1),
                ..LogParams::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(tail, "two\n");
    let previous = pods
        .logs(
            "talker",
            &LogParams {
                previous: true,
                ..LogParams::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(previous, "before restart\n");
    let stamped = pods
        .logs(
            "talker",
            &LogParams {
                timestamps: true,
                ..LogParams::default()
            },
        )
        .await
        .unwrap();
    let first = stamped.lines().next().unwrap();
    let (stamp, text) = first.split_once(' ').unwrap();
    assert_eq!(text, "one");
    assert!(stamp.contains('T') && stamp.ends_with('Z'), "{stamp}");

    let mut follow = pods
        .log_stream(
            "talker",
            &LogParams {
                follow: true,
                ..LogParams::default()
            },
        )
        .await
        .unwrap()
        .lines();
    assert_eq!(follow.try_next().await.unwrap().as_deref(), Some("one"));
    assert_eq!(follow.try_next().await.unwrap().as_deref(), Some("two"));
    agent
        .append_log(&ns, "talker", "main", "three\n", false)
        .unwrap();
    let next = tokio::time::timeout(WAIT, follow.try_next())
        .await
        .expect("a followed line");
    assert_eq!(next.unwrap().as_deref(), Some("three"));
    agent.close_log(&ns, "talker", "main").unwrap();
    let end = tokio::time::timeout(WAIT, follow.try_next())
        .await
        .expect("the end of the log");
    assert_eq!(end.unwrap(), None);
}

#[tokio::test]
async fn an_injected_503_fails_once_and_the_retry_succeeds() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("fault").await.unwrap();
    // kube-rs retries 503s by itself; this client does not, so the test sees each answer.
    let kubeconfig = kube::config::Kubeconfig::read_from(cluster.kubeconfig()).unwrap();
    let mut config = kube::Config::from_custom_kubeconfig(kubeconfig, &Default::default())
        .await
        .unwrap();
    config.default_retry = false;
    let client = kube::Client::try_from(config).unwrap();
    let maps: Api<k8s_openapi::api::core::v1::ConfigMap> = Api::namespaced(client, &ns);
    let path = format!("^/api/v1/namespaces/{ns}/configmaps$");
    cluster
        .proxy()
        .fail_next(&Fault::new("GET", &path, 503, 1).retry_after(1))
        .unwrap();
    match maps.list(&ListParams::default()).await {
        Err(kube::Error::Api(status)) => {
            assert_eq!(status.code, 503);
            assert_eq!(status.reason, "ServiceUnavailable");
        }
        other => panic!("expected the injected 503, got {other:?}"),
    }
    assert!(
        maps.list(&ListParams::default()).await.is_ok(),
        "the retry reaches the server"
    );

    // The proxy logs a request's status once its handler returns, which may be just after the
    // client has read the answer: wait for both to be logged as answered.
    let mine = cluster
        .proxy()
        .wait_answered(&Scope::namespace(&ns).path(&path), 2, WAIT)
        .unwrap();
    assert_eq!(mine.len(), 2, "{mine:?}");
    assert!(mine[0].injected && mine[0].status == 503);
    assert!(!mine[1].injected && mine[1].status == 200);
}

#[tokio::test]
async fn rbac_decides_what_a_user_may_do_and_access_reviews_agree() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("rbac").await.unwrap();
    let user = cluster
        .user(&format!("carol-{ns}"), &["developers"])
        .unwrap();
    let as_user = cluster.client_for(&user).await.unwrap();
    let pods: Api<Pod> = Api::namespaced(as_user.clone(), &ns);
    match pods.list(&ListParams::default()).await {
        Err(kube::Error::Api(status)) => {
            assert_eq!(status.code, 403);
            assert!(status.message.contains(&user.name), "{}", status.message);
        }
        other => panic!("expected 403, got {other:?}"),
    }

    let review = |verb: &str| -> SelfSubjectAccessReview {
        from_json(
            json!({ "spec": { "resourceAttributes": { "namespace": ns, "verb": verb, "resource": "pods" } } }),
        )
    };
    let reviews: Api<SelfSubjectAccessReview> = Api::all(as_user.clone());
    let allowed = |r: SelfSubjectAccessReview| r.status.map(|s| s.allowed).unwrap_or(false);
    let answer = reviews
        .create(&PostParams::default(), &review("list"))
        .await
        .unwrap();
    assert!(!allowed(answer), "the review agrees with the 403");

    let admin = cluster.client().await.unwrap();
    let role: Role = from_json(json!({
        "metadata": { "name": "pod-reader" },
        "rules": [{ "apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list"] }]
    }));
    let binding: RoleBinding = from_json(json!({
        "metadata": { "name": "pod-reader" },
        "roleRef": { "apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "pod-reader" },
        "subjects": [{ "apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": "developers" }]
    }));
    Api::<Role>::namespaced(admin.clone(), &ns)
        .create(&PostParams::default(), &role)
        .await
        .unwrap();
    Api::<RoleBinding>::namespaced(admin, &ns)
        .create(&PostParams::default(), &binding)
        .await
        .unwrap();

    // The authorizer learns of new bindings through its informer, a moment after the write.
    let deadline = Instant::now() + WAIT;
    loop {
        let answer = reviews
            .create(&PostParams::default(), &review("list"))
            .await
            .unwrap();
        if allowed(answer) {
            break;
        }
        assert!(Instant::now() < deadline, "the binding never took effect");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(pods.list(&ListParams::default()).await.is_ok());
    let denied = reviews
        .create(&PostParams::default(), &review("delete"))
        .await
        .unwrap();
    assert!(!allowed(denied), "the role grants no delete");
}

#[tokio::test]
async fn a_latency_listener_costs_a_round_trip_for_a_handshake_and_one_per_request() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("latency").await.unwrap();
    let user = cluster
        .user(&format!("latency-{ns}"), &["system:masters"])
        .unwrap();
    let latency = Duration::from_millis(300);
    let listener = cluster.proxy().latency_listener(latency).unwrap();
    let distant = listener.user(&user).unwrap();
    let maps: Api<k8s_openapi::api::core::v1::ConfigMap> =
        Api::namespaced(cluster.client_for(&distant).await.unwrap(), &ns);
    let time = || async {
        let start = Instant::now();
        maps.list(&ListParams::default()).await.unwrap();
        start.elapsed()
    };
    let first = time().await;
    let second = time().await;
    let log = cluster
        .proxy()
        .requests_in(&Scope::user(&user.name))
        .unwrap();
    assert_eq!(log.len(), 2, "{log:?}");
    assert_eq!(log[0].conn, log[1].conn, "the client reused its connection");
    assert!(
        first >= latency * 2,
        "a new connection (TLS handshake, then the request) took {first:?} with {latency:?}"
    );
    assert!(
        second >= latency,
        "a request took {second:?} with {latency:?}"
    );
    assert!(
        second + latency / 2 < first,
        "the reused connection paid for a handshake again: {first:?}, then {second:?}"
    );
    assert_eq!(
        listener.close().unwrap(),
        1,
        "its one connection closed with it"
    );
}

#[tokio::test]
async fn an_exec_stream_through_a_latency_listener_gets_the_latency_on_every_chunk() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("latency-exec").await.unwrap();
    running_pod(cluster, &ns, "box").await;
    let latency = Duration::from_millis(300);
    let listener = cluster.proxy().latency_listener(latency).unwrap();
    let user = cluster
        .user(&format!("latency-{ns}"), &["system:masters"])
        .unwrap();
    let pods: Api<Pod> = Api::namespaced(
        cluster
            .client_for(&listener.user(&user).unwrap())
            .await
            .unwrap(),
        &ns,
    );
    let mut cat = pods
        .exec(
            "box",
            ["cat"],
            &AttachParams::default().stdin(true).stderr(false),
        )
        .await
        .unwrap();
    let mut stdin = cat.stdin().unwrap();
    let mut stdout = tokio::io::BufReader::new(cat.stdout().unwrap());
    for line in ["first\n", "second\n"] {
        let sent = Instant::now();
        stdin.write_all(line.as_bytes()).await.unwrap();
        let mut echoed = String::new();
        tokio::time::timeout(
            WAIT,
            tokio::io::AsyncBufReadExt::read_line(&mut stdout, &mut echoed),
        )
        .await
        .unwrap()
        .unwrap();
        let took = sent.elapsed();
        assert_eq!(echoed, line);
        assert!(took >= latency, "{line:?} came back after {took:?}");
    }
}

#[tokio::test]
async fn a_latency_listener_leaves_the_main_port_alone() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("fast").await.unwrap();
    let latency = Duration::from_secs(2);
    let _listener = cluster.proxy().latency_listener(latency).unwrap();
    // A client of its own: a new connection to the main port, handshake included.
    let maps: Api<k8s_openapi::api::core::v1::ConfigMap> =
        Api::namespaced(cluster.client().await.unwrap(), &ns);
    let start = Instant::now();
    maps.list(&ListParams::default()).await.unwrap();
    let took = start.elapsed();
    assert!(took < latency, "a list on the main port took {took:?}");
}

#[tokio::test]
async fn the_request_log_counts_calls() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("count").await.unwrap();
    let client = cluster.client().await.unwrap();
    let maps: Api<k8s_openapi::api::core::v1::ConfigMap> = Api::namespaced(client, &ns);
    for name in ["a", "b", "c"] {
        assert!(maps.get_opt(name).await.unwrap().is_none());
    }
    let scope = Scope::namespace(&ns).path(&format!("^/api/v1/namespaces/{ns}/configmaps/"));
    let mine = cluster.proxy().wait_answered(&scope, 3, WAIT).unwrap();
    assert_eq!(mine.len(), 3, "{mine:?}");
    assert!(
        mine.iter()
            .all(|r| r.method == "GET" && r.status == 404 && r.end.is_some())
    );
    assert_eq!(mine[0].user, "admin");
}

#[tokio::test]
async fn dropping_one_namespaces_connections_ends_its_watches_only() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    // Two clients, so two connections: one watches `dropped`, the other `kept`.
    let watch_in = |ns: String| async move {
        let client = cluster.client().await.unwrap();
        let maps: Api<k8s_openapi::api::core::v1::ConfigMap> = Api::namespaced(client, &ns);
        let watch = maps
            .watch(&WatchParams::default(), "0")
            .await
            .unwrap()
            .boxed();
        (maps, watch)
    };
    let dropped = cluster.create_namespace("drop").await.unwrap();
    let kept = cluster.create_namespace("keep").await.unwrap();
    let (_, mut gone) = watch_in(dropped.clone()).await;
    let (kept_maps, mut alive) = watch_in(kept).await;
    let closed = cluster
        .proxy()
        .drop_connections(&Scope::namespace(&dropped))
        .unwrap();
    assert!(closed >= 1);
    let ended = tokio::time::timeout(WAIT, async {
        loop {
            match gone.next().await {
                None | Some(Err(_)) => break,
                Some(Ok(WatchEvent::Error(_))) => break,
                Some(Ok(_)) => {}
            }
        }
    })
    .await;
    assert!(ended.is_ok(), "the watch outlived the dropped connection");
    // The other watch still sees what happens in its namespace.
    kept_maps
        .create(
            &PostParams::default(),
            &from_json(json!({ "metadata": { "name": "after" } })),
        )
        .await
        .unwrap();
    let event = tokio::time::timeout(WAIT, async {
        loop {
            match alive.next().await {
                Some(Ok(WatchEvent::Added(map)))
                    if map.metadata.name.as_deref() == Some("after") =>
                {
                    break;
                }
                Some(Ok(_)) => {}
                other => panic!("the other watch ended: {other:?}"),
            }
        }
    })
    .await;
    assert!(event.is_ok(), "the other watch missed the new ConfigMap");
}

#[tokio::test]
async fn a_held_create_reaches_the_server_only_when_released() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("hold").await.unwrap();
    let maps: Api<k8s_openapi::api::core::v1::ConfigMap> =
        Api::namespaced(cluster.client().await.unwrap(), &ns);
    let path = format!("^/api/v1/namespaces/{ns}/configmaps$");
    let proxy = cluster.proxy();
    let hold = proxy
        .hold(&Hold::new("POST", &path).within(Scope::namespace(&ns)))
        .unwrap();
    let create = tokio::spawn({
        let maps = maps.clone();
        async move {
            maps.create(
                &PostParams::default(),
                &from_json(json!({ "metadata": { "name": "late" }, "data": { "k": "v" } })),
            )
            .await
        }
    });
    // The proxy answers the wait once the create is there: no polling. (The control client
    // blocks, so off the runtime's threads.)
    let waiting = proxy.clone();
    let held = tokio::task::spawn_blocking(move || waiting.wait_held(hold, WAIT))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(held.method, "POST");
    assert_eq!(held.path, path.trim_matches(['^', '$']));
    assert!(held.held && held.end.is_none(), "{held:?}");
    assert!(
        maps.get_opt("late").await.unwrap().is_none(),
        "a held create has not reached the API server"
    );
    assert!(!create.is_finished());

    assert_eq!(proxy.release(hold).unwrap(), 1);
    let made = tokio::time::timeout(WAIT, create)
        .await
        .expect("the create ends once released")
        .unwrap()
        .unwrap();
    assert_eq!(made.metadata.name.as_deref(), Some("late"));
    assert!(maps.get_opt("late").await.unwrap().is_some());
    let log = proxy.requests_in(&Scope::namespace(&ns)).unwrap();
    let create = log
        .iter()
        .find(|r| r.method == "POST" && r.path == held.path)
        .unwrap();
    assert!(create.held && create.status == 201, "{create:?}");
}

#[tokio::test]
async fn stopping_a_cluster_leaves_no_process() {
    if testcluster::shared_or_skip().is_none() {
        return;
    }
    let config = Config {
        nodes: vec![NodeSpec::new("solo")],
        ..Config::default()
    };
    let cluster = Cluster::start(config).await.unwrap();
    let pids = cluster.pids();
    assert!(pids.len() >= 8, "{pids:?}");
    assert!(pids.iter().all(|p| alive(*p)));
    let dir = cluster.dir().to_path_buf();
    cluster.stop();
    let left: Vec<_> = pids.iter().filter(|p| alive(**p)).collect();
    assert!(left.is_empty(), "still running: {left:?}");
    assert!(!dir.exists(), "the state directory is removed");
}

#[test]
fn a_killed_harness_takes_its_cluster_with_it() {
    if testcluster::unavailable_reason().is_some()
        && std::env::var_os("TESTCLUSTER_REQUIRED").is_none()
    {
        eprintln!(
            "skipping: {}",
            testcluster::unavailable_reason().unwrap_or_default()
        );
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let kubeconfig = out.path().join("kubeconfig");
    let mut harness = Command::new(env!("CARGO_BIN_EXE_testcluster"))
        .arg("--kubeconfig-out")
        .arg(&kubeconfig)
        .args(["--node", "lonely"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut state = None;
    let mut stderr = BufReader::new(harness.stderr.take().unwrap());
    let mut said = String::new();
    let mut line = String::new();
    while stderr.read_line(&mut line).unwrap() > 0 {
        said.push_str(&line);
        if let Some(dir) = line.trim().strip_prefix("state: ") {
            state = Some(dir.to_string());
        }
        if line.contains("Press Ctrl-C") {
            break;
        }
        line.clear();
    }
    let state = state.unwrap_or_else(|| {
        let _ = harness.kill();
        panic!("the harness did not name its state directory; it said:\n{said}")
    });
    assert!(kubeconfig.exists(), "the kubeconfig is written once ready");
    assert!(
        !processes_mentioning(&state).is_empty(),
        "components run with the state dir"
    );

    harness.kill().unwrap();
    harness.wait().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !processes_mentioning(&state).is_empty() {
        assert!(
            Instant::now() < deadline,
            "left behind: {:?}",
            processes_mentioning(&state)
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while Path::new(&state).exists() {
        assert!(
            Instant::now() < deadline,
            "the state directory is left behind"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut rest = String::new();
    let _ = stderr.read_to_string(&mut rest);
    let _ = std::io::stderr().write_all(rest.as_bytes());
}

#[tokio::test]
async fn a_service_account_token_without_rights_is_refused_and_reviews_agree() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("token").await.unwrap();
    let user = cluster.service_account_user(&ns, "robot").await.unwrap();
    let text = std::fs::read_to_string(&user.kubeconfig).unwrap();
    assert!(text.contains("token: "), "a bearer-token kubeconfig");
    let as_robot = cluster.client_for(&user).await.unwrap();
    let secrets: Api<k8s_openapi::api::core::v1::Secret> = Api::namespaced(as_robot.clone(), &ns);
    match secrets.list(&ListParams::default()).await {
        Err(kube::Error::Api(status)) => {
            assert_eq!(status.code, 403);
            assert!(status.message.contains(&user.name), "{}", status.message);
        }
        other => panic!("expected 403, got {other:?}"),
    }
    let review: SelfSubjectAccessReview = from_json(json!({
        "spec": { "resourceAttributes": { "namespace": ns, "verb": "list", "resource": "secrets" } }
    }));
    let answer = Api::<SelfSubjectAccessReview>::all(as_robot)
        .create(&PostParams::default(), &review)
        .await
        .unwrap();
    assert!(!answer.status.unwrap().allowed);
}

#[tokio::test]
async fn reclaim_policy_decides_what_happens_to_a_released_volume() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("reclaim").await.unwrap();
    let client = cluster.client().await.unwrap();
    let claims: Api<PersistentVolumeClaim> = Api::namespaced(client.clone(), &ns);
    let volumes: Api<PersistentVolume> = Api::all(client);
    for (class, kept) in [("standard-retain", true), ("standard", false)] {
        let name = format!("data-{class}");
        let claim: PersistentVolumeClaim = from_json(json!({
            "metadata": { "name": name },
            "spec": { "storageClassName": class, "accessModes": ["ReadWriteOnce"],
                      "resources": { "requests": { "storage": "1Gi" } } }
        }));
        claims.create(&PostParams::default(), &claim).await.unwrap();
        wait_for(
            &claims,
            &name,
            "bound",
            |c: Option<&PersistentVolumeClaim>| {
                c.and_then(|c| c.status.as_ref())
                    .is_some_and(|s| s.phase.as_deref() == Some("Bound"))
            },
        )
        .await;
        let pv = claims
            .get(&name)
            .await
            .unwrap()
            .spec
            .unwrap()
            .volume_name
            .unwrap();
        claims.delete(&name, &Default::default()).await.unwrap();
        if kept {
            wait_for(&volumes, &pv, "released", |v: Option<&PersistentVolume>| {
                v.and_then(|v| v.status.as_ref())
                    .is_some_and(|s| s.phase.as_deref() == Some("Released"))
            })
            .await;
        } else {
            wait_for(&volumes, &pv, "deleted", |v: Option<&PersistentVolume>| {
                v.is_none()
            })
            .await;
        }
    }
}

#[tokio::test]
async fn exec_with_a_tty_runs_on_a_terminal_that_resizes() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.create_namespace("tty").await.unwrap();
    let pods = running_pod(cluster, &ns, "term").await;
    // The command reports its terminal, then waits for a line before reading the size, so
    // the resize sent first has arrived by then.
    let mut session = pods
        .exec(
            "term",
            ["sh", "-c", "tty; read go; stty size"],
            &AttachParams::interactive_tty(),
        )
        .await
        .unwrap();
    let mut resize = session.terminal_size().unwrap();
    futures::SinkExt::send(
        &mut resize,
        kube::api::TerminalSize {
            width: 100,
            height: 40,
        },
    )
    .await
    .unwrap();
    let mut stdout = session.stdout().unwrap();
    let mut first = vec![0u8; 64];
    let n = tokio::time::timeout(WAIT, stdout.read(&mut first))
        .await
        .unwrap()
        .unwrap();
    assert!(String::from_utf8_lossy(&first[..n]).contains("/dev/pts/"));
    let mut stdin = session.stdin().unwrap();
    stdin.write_all(b"go\r").await.unwrap();
    let mut out = String::new();
    tokio::time::timeout(WAIT, stdout.read_to_string(&mut out))
        .await
        .expect("the command ends")
        .unwrap();
    assert!(out.contains("40 100"), "{out:?}");
    let status = session.take_status().unwrap().await.unwrap();
    assert_eq!(status.status.as_deref(), Some("Success"), "{status:?}");
}
