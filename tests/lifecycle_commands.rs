//! The commands that act on one existing devserver, against the real test cluster: the one
//! lookup (not found, not devctl's), waits that wait (create, delete, start, restart: each
//! for its own pod), the documents they print with `-o`, `delete --purge` of a home left
//! behind, `reap`'s preconditions and errors, and `list`'s server-side owner selector.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use common::ns::Ns;
use common::{stderr, stdout};
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Pod};
use kube::api::{Patch, PatchParams, PostParams};

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(out), stderr(out)))
}

fn is_ready(pod: &Pod) -> bool {
    pod.metadata.deletion_timestamp.is_none()
        && pod
            .status
            .as_ref()
            .and_then(|s| s.conditions.as_ref())
            .is_some_and(|cs| cs.iter().any(|c| c.type_ == "Ready" && c.status == "True"))
}

/// Waits, with a watch, until the pod `name` is gone.
fn wait_until_gone(ns: &Ns, name: &str) {
    testcluster::block_on(async {
        let api = ns.api::<Pod>().await;
        let gone = kube::runtime::wait::await_condition(api, name, |p: Option<&Pod>| p.is_none());
        tokio::time::timeout(std::time::Duration::from_secs(60), gone)
            .await
            .unwrap_or_else(|_| panic!("pod {name} never went away"))
            .unwrap();
    });
}

/// A StatefulSet that someone else made: no devctl labels, no pods.
fn foreign_statefulset(ns: &Ns, name: &str) {
    let set: StatefulSet = serde_json::from_value(serde_json::json!({
        "metadata": { "name": name, "labels": { "app": "theirs" } },
        "spec": {
            "replicas": 0,
            "serviceName": name,
            "selector": { "matchLabels": { "app": "theirs" } },
            "template": {
                "metadata": { "labels": { "app": "theirs" } },
                "spec": { "containers": [{ "name": "c", "image": "busybox" }] }
            }
        }
    }))
    .unwrap();
    testcluster::block_on(async {
        let api = ns.api::<StatefulSet>().await;
        api.create(&PostParams::default(), &set).await.unwrap()
    });
}

#[test]
fn a_statefulset_devctl_did_not_make_is_not_found_with_a_hint_naming_it() {
    let Some(ns) = Ns::new("foreign") else { return };
    foreign_statefulset(&ns, "theirs");
    for args in [
        &["describe", "theirs"][..],
        &["delete", "theirs", "--yes"],
        &["stop", "theirs"],
        &["start", "theirs"],
        &["restart", "theirs"],
        &["extend", "theirs", "--ttl", "1h"],
    ] {
        let out = ns.devctl(args);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("statefulset theirs exists but devctl did not create it")
                && stderr(&out).contains("kubectl get statefulset theirs"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert!(ns.get::<StatefulSet>("theirs").is_some(), "left alone");
    let out = ns.devctl(&["stop", "nobody"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("devctl list"), "{}", stderr(&out));
}

#[test]
fn delete_wait_returns_once_the_pod_and_statefulset_are_gone() {
    let Some(ns) = Ns::new("delwait") else { return };
    ns.ok(&["create", "again", "--wait", "--timeout", "2m"]);
    ns.ok(&["delete", "again", "--yes", "--wait"]);
    assert!(ns.get::<Pod>("again-0").is_none(), "the pod is gone");
    assert!(
        ns.get::<StatefulSet>("again").is_none(),
        "the StatefulSet is gone"
    );
    ns.ok(&["create", "again", "--wait", "--timeout", "2m"]);
}

#[test]
fn start_wait_returns_with_the_pod_ready() {
    let Some(ns) = Ns::new("startwait") else {
        return;
    };
    ns.ok(&["create", "napper", "--wait", "--timeout", "2m"]);
    ns.ok(&["stop", "napper"]);
    wait_until_gone(&ns, "napper-0");
    ns.ok(&["start", "napper", "--wait", "--timeout", "2m"]);
    let pod = ns.get::<Pod>("napper-0").expect("a pod");
    assert!(is_ready(&pod), "{:?}", pod.status);
}

#[test]
fn restart_wait_returns_with_a_different_ready_pod() {
    let Some(ns) = Ns::new("restartwait") else {
        return;
    };
    ns.ok(&["create", "phoenix", "--wait", "--timeout", "2m"]);
    let before = ns.get::<Pod>("phoenix-0").unwrap().metadata.uid;
    ns.ok(&["restart", "phoenix", "--wait", "--timeout", "2m"]);
    let pod = ns.get::<Pod>("phoenix-0").expect("a pod");
    assert_ne!(pod.metadata.uid, before, "a new pod");
    assert!(is_ready(&pod), "{:?}", pod.status);
}

#[test]
fn a_wait_that_cannot_succeed_keeps_the_devserver_and_names_the_delete_command() {
    let Some(ns) = Ns::new("stuckwait") else {
        return;
    };
    ns.ok(&["create", "stuck", "--wait", "--timeout", "2m"]);
    // The image becomes one that cannot be pulled; restart (not the controller's rolling
    // update) makes a pod of it.
    let patch = serde_json::json!({ "spec": { "updateStrategy": { "type": "OnDelete", "rollingUpdate": null },
        "template": { "spec": { "containers": [
        { "name": "devserver", "image": "registry.invalid/nothing:1" } ] } } } });
    testcluster::block_on(async {
        let api = ns.api::<StatefulSet>().await;
        api.patch("stuck", &PatchParams::default(), &Patch::Strategic(patch))
            .await
            .unwrap()
    });
    let out = ns.devctl(&["restart", "stuck", "--wait", "--timeout", "2m"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("registry.invalid/nothing:1"), "{err}");
    assert!(
        err.contains("kept") && err.contains("devctl delete stuck"),
        "{err}"
    );
    assert!(ns.get::<StatefulSet>("stuck").is_some(), "kept");

    let out = ns.devctl(&[
        "create",
        "unpullable",
        "--image",
        "registry.invalid/nothing:1",
        "--wait",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("kept") && err.contains("devctl delete unpullable"),
        "{err}"
    );
    assert!(ns.get::<StatefulSet>("unpullable").is_some(), "kept");
}

#[test]
fn lifecycle_commands_print_a_document_or_a_name() {
    let Some(ns) = Ns::new("outputs") else { return };
    ns.ok(&["create", "doc", "--ttl", "1h"]);
    let stopped = json(&ns.ok(&["stop", "doc", "-o", "json"]));
    assert_eq!(stopped["apiVersion"], "devctl/v1");
    assert_eq!(stopped["kind"], "DevServerChange");
    assert_eq!(stopped["name"], "doc");
    assert_eq!(stopped["namespace"], ns.name.as_str());
    assert_eq!(stopped["action"], "stopped");
    assert!(stopped["expiresAt"].is_string(), "{stopped}");

    let started = ns.ok(&["start", "doc", "-o", "yaml"]);
    assert!(
        stdout(&started).contains("kind: DevServerChange")
            && stdout(&started).contains("action: started"),
        "{}",
        stdout(&started)
    );
    assert_eq!(
        stdout(&ns.ok(&["restart", "doc", "-o", "name"])),
        "devserver/doc\n"
    );
    let extended = json(&ns.ok(&["extend", "doc", "--ttl", "2h", "-o", "json"]));
    assert_eq!(extended["action"], "extended");
    let expiry: k8s_openapi::jiff::Timestamp =
        extended["expiresAt"].as_str().unwrap().parse().unwrap();
    let before: k8s_openapi::jiff::Timestamp =
        stopped["expiresAt"].as_str().unwrap().parse().unwrap();
    assert_eq!(expiry.duration_since(before).as_secs(), 2 * 3600);

    let wide = ns.devctl(&["stop", "doc", "-o", "wide"]);
    assert_eq!(wide.status.code(), Some(2), "{}", stderr(&wide));
    assert!(stderr(&wide).contains("-o json"), "{}", stderr(&wide));

    let deleted = json(&ns.ok(&["delete", "doc", "--yes", "-o", "json"]));
    assert_eq!(deleted["apiVersion"], "devctl/v1");
    assert_eq!(deleted["kind"], "DevServerChangeList");
    assert_eq!(deleted["items"][0]["name"], "doc");
    assert_eq!(deleted["items"][0]["action"], "deleted");
    assert_eq!(deleted["items"][0]["kind"], "DevServerChange");
}

#[test]
fn describe_gives_ssh_endpoints_as_objects() {
    let Some(ns) = Ns::new("endpoints") else {
        return;
    };
    ns.ok(&[
        "create",
        "reach",
        "--expose",
        "nodeport",
        "--wait",
        "--timeout",
        "2m",
    ]);
    let v = json(&ns.ok(&["describe", "reach", "-o", "json"]));
    let ssh = v["ssh"].as_array().unwrap();
    let by = |t: &str| {
        ssh.iter()
            .find(|e| e["transport"] == t)
            .unwrap_or_else(|| panic!("no {t} endpoint in {ssh:?}"))
    };
    assert_eq!(
        by("in-cluster")["host"],
        format!("reach-0.reach.{}.svc", ns.name).as_str()
    );
    assert_eq!(by("in-cluster")["port"], 22);
    assert_eq!(by("port-forward")["host"], "reach-0");
    assert_eq!(by("port-forward")["port"], 22);
    let nodeport = by("nodeport");
    assert!(
        nodeport["host"].as_str().is_some_and(|h| !h.is_empty()),
        "{nodeport}"
    );
    assert!(
        nodeport["port"].as_u64().is_some_and(|p| p >= 30000),
        "{nodeport}"
    );
    let table = stdout(&ns.ok(&["describe", "reach"]));
    assert!(table.contains("port-forward"), "{table}");
}

#[test]
fn delete_purge_removes_a_home_left_by_an_earlier_delete() {
    let Some(ns) = Ns::new("laterpurge") else {
        return;
    };
    ns.ok(&[
        "create",
        "homely",
        "--home",
        "1Gi",
        "--wait",
        "--timeout",
        "2m",
    ]);
    ns.ok(&["delete", "homely", "--yes", "--wait"]);
    assert!(ns.get::<PersistentVolumeClaim>("home-homely-0").is_some());
    let out = ns.ok(&["delete", "homely", "--yes", "--purge"]);
    assert!(stderr(&out).contains("home-homely-0"), "{}", stderr(&out));
    let claim = ns.get::<PersistentVolumeClaim>("home-homely-0");
    assert!(
        claim.is_none_or(|c| c.metadata.deletion_timestamp.is_some()),
        "the home is being deleted"
    );
    // A claim without devctl's labels is not devctl's to delete.
    let claim: PersistentVolumeClaim = serde_json::from_value(serde_json::json!({
        "metadata": { "name": "home-other-0" },
        "spec": { "accessModes": ["ReadWriteOnce"], "resources": { "requests": { "storage": "1Gi" } } }
    }))
    .unwrap();
    testcluster::block_on(async {
        let api = ns.api::<PersistentVolumeClaim>().await;
        api.create(&PostParams::default(), &claim).await.unwrap()
    });
    let out = ns.devctl(&["delete", "other", "--yes", "--purge"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(ns.get::<PersistentVolumeClaim>("home-other-0").is_some());
}

#[test]
fn list_asks_the_server_for_the_callers_devservers_only() {
    let Some(ns) = Ns::new("listsel") else { return };
    ns.ok(&["create", "mine"]);
    let owner = json(&ns.ok(&["list", "-o", "json"]))["items"][0]["owner"]
        .as_str()
        .unwrap()
        .to_string();
    let wanted = format!(
        "{}={}",
        devctl::devserver::manifests::OWNER,
        devctl::devserver::manifests::owner_label(&owner)
    );
    let path = format!("/apis/apps/v1/namespaces/{}/statefulsets", ns.name);
    let lists: Vec<String> = ns
        .cluster
        .proxy()
        .requests()
        .unwrap()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path == path)
        .map(|r| {
            percent_encoding::percent_decode_str(&r.query)
                .decode_utf8_lossy()
                .into_owned()
        })
        .collect();
    assert!(!lists.is_empty());
    assert!(
        lists.iter().all(|q| q.contains(&wanted)),
        "{wanted} in {lists:?}"
    );
}

/// Makes the devserver `name` expired an hour ago.
fn expire(ns: &Ns, name: &str) {
    let past = serde_json::json!({ "metadata": { "annotations": {
        "devserver.io/expires-at": "2000-01-01T00:00:00Z" } } });
    testcluster::block_on(async {
        let sets = ns.api::<StatefulSet>().await;
        sets.patch(name, &PatchParams::default(), &Patch::Merge(past))
            .await
            .unwrap()
    });
}

/// `devctl reap -o json` in the background, held at its delete until `between` has run.
fn reap_with(ns: &Ns, between: impl FnOnce()) -> serde_json::Value {
    let proxy = ns.cluster.proxy();
    let path = format!("^/apis/apps/v1/namespaces/{}/statefulsets/", ns.name);
    let hold = proxy
        .hold(&testcluster::Hold::new("DELETE", &path))
        .unwrap();
    let reap = ns
        .process(&["reap", "-o", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    proxy
        .wait_held(hold, std::time::Duration::from_secs(60))
        .unwrap();
    between();
    proxy.release(hold).unwrap();
    let out = reap.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn reap_does_not_delete_a_devserver_extended_after_its_list() {
    let Some(ns) = Ns::new("reaprace") else {
        return;
    };
    ns.ok(&["create", "late"]);
    expire(&ns, "late");
    // reap has listed it as expired and is about to delete it when the extend lands.
    let report = reap_with(&ns, || {
        ns.ok(&["extend", "late", "--ttl", "1h"]);
    });
    assert_eq!(report["items"][0]["action"], "skipped", "{report}");
    assert!(ns.get::<StatefulSet>("late").is_some(), "the extend won");
}

#[test]
fn reap_deletes_a_devserver_that_changed_but_is_still_expired() {
    let Some(ns) = Ns::new("reapstill") else {
        return;
    };
    ns.ok(&["create", "stale"]);
    expire(&ns, "stale");
    // A change that does not extend it (a label, as a status update would) changes its
    // resourceVersion: reap reads it again and deletes it all the same.
    let report = reap_with(&ns, || {
        let label = serde_json::json!({ "metadata": { "labels": { "touched": "yes" } } });
        testcluster::block_on(async {
            let sets = ns.api::<StatefulSet>().await;
            sets.patch("stale", &PatchParams::default(), &Patch::Merge(label))
                .await
                .unwrap()
        });
    });
    assert_eq!(report["items"][0]["action"], "deleted", "{report}");
    assert!(ns.get::<StatefulSet>("stale").is_none());
}

#[test]
fn a_reap_delete_that_fails_is_one_line_with_its_exit_code() {
    let Some(ns) = Ns::new("reapfail") else {
        return;
    };
    ns.ok(&["create", "stale", "--ttl", "1h"]);
    testcluster::block_on(async {
        let api = ns.api::<StatefulSet>().await;
        let patch = serde_json::json!({ "metadata": { "annotations": {
            "devserver.io/expires-at": "2020-01-01T00:00:00Z" } } });
        api.patch("stale", &PatchParams::default(), &Patch::Merge(patch))
            .await
            .unwrap()
    });
    let path = format!("^/apis/apps/v1/namespaces/{}/statefulsets/stale$", ns.name);
    ns.cluster
        .proxy()
        .fail_next(&testcluster::Fault::new("DELETE", &path, 403, 1))
        .unwrap();
    let out = ns.devctl(&["reap", "-o", "json"]);
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["items"][0]["action"], "failed");
    let error = v["items"][0]["error"].as_str().unwrap();
    assert!(!error.contains('\n'), "{error}");
    assert!(ns.get::<StatefulSet>("stale").is_some());
    let wide = ns.devctl(&["reap", "-o", "wide"]);
    assert_eq!(wide.status.code(), Some(2), "{}", stderr(&wide));
}

#[test]
fn create_wait_does_not_take_the_terminating_pod_of_an_earlier_devserver() {
    let Some(ns) = Ns::new("oldpod") else { return };
    ns.ok(&["create", "reborn", "--wait", "--timeout", "2m"]);
    // A finalizer keeps the old pod Terminating (and Ready) while the new devserver is made.
    let hold = serde_json::json!({ "metadata": { "finalizers": ["test.devctl/hold"] } });
    testcluster::block_on(async {
        let api = ns.api::<Pod>().await;
        api.patch("reborn-0", &PatchParams::default(), &Patch::Merge(hold))
            .await
            .unwrap()
    });
    ns.ok(&["delete", "reborn", "--yes"]);
    let create = ns
        .process(&["create", "reborn", "--wait", "--timeout", "2m"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Once the new StatefulSet exists, let the old pod go.
    let new_uid = testcluster::block_on(async {
        let sets = ns.api::<StatefulSet>().await;
        let made =
            kube::runtime::wait::await_condition(sets, "reborn", |s: Option<&StatefulSet>| {
                s.is_some_and(|s| s.metadata.deletion_timestamp.is_none())
            });
        let set = tokio::time::timeout(std::time::Duration::from_secs(60), made)
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        let pods = ns.api::<Pod>().await;
        let release = serde_json::json!({ "metadata": { "finalizers": null } });
        pods.patch("reborn-0", &PatchParams::default(), &Patch::Merge(release))
            .await
            .unwrap();
        set.metadata.uid.unwrap()
    });
    let out = create.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let pod = ns.get::<Pod>("reborn-0").expect("a pod");
    let owners: Vec<String> = pod
        .metadata
        .owner_references
        .iter()
        .flatten()
        .map(|o| o.uid.clone())
        .collect();
    assert_eq!(owners, [new_uid], "the new devserver's pod");
    assert!(is_ready(&pod), "{:?}", pod.status);
}

#[test]
fn delete_wait_resumes_its_watch_when_the_connection_drops() {
    let Some(ns) = Ns::new("delresume") else {
        return;
    };
    ns.ok(&["create", "sturdy", "--wait", "--timeout", "2m"]);
    // A finalizer keeps the pod (and so, in the foreground, the StatefulSet) while the
    // connection of the waiting devctl is dropped.
    let hold = serde_json::json!({ "metadata": { "finalizers": ["test.devctl/hold"] } });
    testcluster::block_on(async {
        let api = ns.api::<Pod>().await;
        api.patch("sturdy-0", &PatchParams::default(), &Patch::Merge(hold))
            .await
            .unwrap()
    });
    let user = ns
        .cluster
        .user(&format!("{}-deleter", ns.name), &["system:masters"])
        .unwrap();
    let delete = ns
        .env
        .process()
        .arg("--kubeconfig")
        .arg(&user.kubeconfig)
        .args([
            "-n",
            &ns.name,
            "delete",
            "sturdy",
            "--yes",
            "--wait",
            "--timeout",
            "2m",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let proxy = ns.cluster.proxy();
    let mine = testcluster::Scope::user(&user.name);
    // Both watches (pod and StatefulSet) are open: drop the connection under them.
    proxy
        .wait_requests(
            &mine.clone().method("GET").path("/pods$|/statefulsets$"),
            4,
            std::time::Duration::from_secs(60),
        )
        .unwrap();
    let dropped = proxy.drop_connections(&mine).unwrap();
    assert!(dropped > 0, "the waiting devctl had a connection to drop");
    testcluster::block_on(async {
        let api = ns.api::<Pod>().await;
        let release = serde_json::json!({ "metadata": { "finalizers": null } });
        api.patch("sturdy-0", &PatchParams::default(), &Patch::Merge(release))
            .await
            .unwrap()
    });
    let out = delete.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(ns.get::<Pod>("sturdy-0").is_none(), "the pod is gone");
    assert!(
        ns.get::<StatefulSet>("sturdy").is_none(),
        "the StatefulSet is gone"
    );
}

#[test]
fn describe_shows_only_what_the_devserver_owns() {
    let Some(ns) = Ns::new("owned") else { return };
    ns.ok(&["create", "plain"]);
    // Someone else's NodePort Service that happens to have the devserver's SSH name.
    let foreign: k8s_openapi::api::core::v1::Service = serde_json::from_value(serde_json::json!({
        "metadata": { "name": "plain-ssh" },
        "spec": { "type": "NodePort", "selector": { "app": "other" },
                  "ports": [{ "port": 22, "targetPort": 22 }] }
    }))
    .unwrap();
    testcluster::block_on(async {
        ns.api::<k8s_openapi::api::core::v1::Service>()
            .await
            .create(&PostParams::default(), &foreign)
            .await
            .unwrap()
    });
    let out = ns.ok(&["describe", "plain", "-o", "json"]);
    let described = json(&out);
    let transports: Vec<&str> = described["ssh"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["transport"].as_str().unwrap())
        .collect();
    assert!(!transports.contains(&"nodeport"), "{described}");
}
