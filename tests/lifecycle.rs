//! The devserver lifecycle against the real test cluster: create (objects exactly as DESIGN §1
//! says, all or nothing, one winner between two), list, delete (home kept unless --purge),
//! and bad input that creates nothing.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use common::ns::Ns;
use common::{stderr, stdout};
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Pod, Secret, Service};
use kube::api::{Api, ListParams};
use testcluster::Fault;

#[test]
fn create_makes_exactly_the_designed_objects() {
    let Some(ns) = Ns::new("create") else { return };
    let out = ns.devctl(&[
        "create",
        "box",
        "--expose",
        "nodeport",
        "--wait",
        "--timeout",
        "2m",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        ns.everything(),
        [
            "configmap/box-init",
            "secret/box-ssh",
            "service/box",
            "service/box-ssh",
            "statefulset/box"
        ]
    );
    let (set, svc, secret, pod) = testcluster::block_on(async {
        let c = ns.cluster.client().await.unwrap();
        (
            Api::<StatefulSet>::namespaced(c.clone(), &ns.name)
                .get("box")
                .await
                .unwrap(),
            Api::<Service>::namespaced(c.clone(), &ns.name)
                .get("box")
                .await
                .unwrap(),
            Api::<Secret>::namespaced(c.clone(), &ns.name)
                .get("box-ssh")
                .await
                .unwrap(),
            Api::<Pod>::namespaced(c, &ns.name)
                .get("box-0")
                .await
                .unwrap(),
        )
    });
    let labels = set.metadata.labels.clone().unwrap();
    assert_eq!(labels["app.kubernetes.io/managed-by"], "devctl");
    assert_eq!(labels["app.kubernetes.io/name"], "devserver");
    assert_eq!(labels["app.kubernetes.io/instance"], "box");
    assert_eq!(labels["devserver.io/owner"], "admin");
    let annotations = set.metadata.annotations.clone().unwrap();
    for key in [
        "owner",
        "flavor",
        "image",
        "ttl",
        "expires-at",
        "host-key",
        "created-by",
    ] {
        assert!(
            annotations.contains_key(&format!("devserver.io/{key}")),
            "no {key} annotation"
        );
    }
    assert_eq!(annotations["devserver.io/flavor"], "cpu-small");
    assert!(annotations["devserver.io/host-key"].starts_with("ssh-ed25519 "));
    let host_pub = String::from_utf8(
        secret.data.as_ref().unwrap()["ssh_host_ed25519_key.pub"]
            .0
            .clone(),
    )
    .unwrap();
    assert_eq!(
        host_pub.trim(),
        annotations["devserver.io/host-key"],
        "the pinned key is the Secret's"
    );
    let owner = &svc.metadata.owner_references.unwrap()[0];
    assert_eq!(
        (owner.kind.as_str(), owner.name.as_str()),
        ("StatefulSet", "box")
    );
    assert_eq!(Some(&owner.uid), set.metadata.uid.as_ref());
    assert_eq!(svc.spec.unwrap().cluster_ip.as_deref(), Some("None"));
    let pod_spec = pod.spec.unwrap();
    assert_eq!(pod_spec.automount_service_account_token, Some(false));
    assert_eq!(pod_spec.containers[0].name, "devserver");
    let list = ns.devctl(&["list", "-o", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(v["items"][0]["name"], "box");
    assert_eq!(v["items"][0]["status"], "Running");
}

#[test]
fn a_name_that_exists_gives_exit_4_and_changes_nothing() {
    let Some(ns) = Ns::new("exists") else { return };
    assert!(ns.devctl(&["create", "twice"]).status.success());
    let before = ns.everything();
    let out = ns.devctl(&["create", "twice", "--image", "fedora:41"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert_eq!(ns.everything(), before);
}

#[test]
fn two_concurrent_creates_of_one_name_give_one_success_and_one_exit_4() {
    let Some(ns) = Ns::new("race") else { return };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| ns.devctl(&["create", "contested"]));
        let b = s.spawn(|| ns.devctl(&["create", "contested"]));
        (a.join().unwrap(), b.join().unwrap())
    });
    let mut codes = [a.status.code(), b.status.code()];
    codes.sort();
    assert_eq!(codes, [Some(0), Some(4)], "{}\n{}", stderr(&a), stderr(&b));
    assert_eq!(ns.everything().len(), 4, "{:?}", ns.everything());
}

#[test]
fn a_failed_child_create_rolls_everything_back() {
    // A 500 on the Secret, the ConfigMap or the Service create: the error names the step and
    // nothing of the devserver is left behind.
    for (resource, step) in [
        ("secrets", "the Secret"),
        ("configmaps", "the ConfigMap"),
        ("services", "Service"),
    ] {
        let Some(ns) = Ns::new(&format!("rollback-{resource}")) else {
            return;
        };
        let path = format!("^/api/v1/namespaces/{}/{resource}$", ns.name);
        ns.cluster
            .proxy()
            .fail_next(&Fault::new("POST", &path, 500, 1))
            .unwrap();
        let out = ns.devctl(&["create", "doomed"]);
        assert_eq!(out.status.code(), Some(1), "{resource}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!("creating {step}")) || err.contains(step),
            "{resource}: {err}"
        );
        assert_eq!(
            ns.everything(),
            Vec::<String>::new(),
            "{resource}: nothing is left behind"
        );
    }
}

#[test]
fn a_pod_that_fits_nowhere_reports_the_schedulers_message() {
    let Some(ns) = Ns::new("nofit") else { return };
    let out = ns.devctl(&[
        "create",
        "huge",
        "--memory",
        "900Gi",
        "--wait",
        "--timeout",
        "1m",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("FailedScheduling") && err.contains("Insufficient memory"),
        "{err}"
    );
    let list = stdout(&ns.devctl(&["list"]));
    assert!(list.contains("Pending (Unschedulable)"), "{list}");
}

#[test]
fn an_image_that_cannot_be_pulled_stops_the_wait_early() {
    let Some(ns) = Ns::new("nopull") else { return };
    let out = ns.devctl(&[
        "create",
        "bad-image",
        "--image",
        "registry.invalid/nothing:1",
        "--wait",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("registry.invalid/nothing:1"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn delete_keeps_the_home_volume_unless_purged() {
    let Some(ns) = Ns::new("home") else { return };
    for name in ["kept", "purged"] {
        let out = ns.devctl(&["create", name, "--home", "1Gi", "--wait", "--timeout", "2m"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let out = ns.devctl(&["delete", "kept", "--yes", "--wait"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("home volume home-kept-0 kept"),
        "{}",
        stderr(&out)
    );
    let out = ns.devctl(&["delete", "purged", "--yes", "--purge", "--wait"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let claims = testcluster::block_on(async {
        let api: Api<PersistentVolumeClaim> =
            Api::namespaced(ns.cluster.client().await.unwrap(), &ns.name);
        let list = api.list(&ListParams::default()).await.unwrap();
        list.items
            .into_iter()
            .filter(|c| c.metadata.deletion_timestamp.is_none())
            .filter_map(|c| c.metadata.name)
            .collect::<Vec<_>>()
    });
    assert_eq!(claims, ["home-kept-0"]);
    // Kept for good, not only not yet collected: nothing owns it for the garbage collector.
    let kept = claim(&ns, "home-kept-0").metadata.owner_references;
    assert!(
        kept.unwrap_or_default().is_empty(),
        "home-kept-0 has owners"
    );
    assert_eq!(ns.objects::<StatefulSet>(), Vec::<String>::new());
}

#[test]
fn delete_off_a_terminal_needs_yes_and_reports_missing_ones() {
    let Some(ns) = Ns::new("delete") else { return };
    assert!(ns.devctl(&["create", "victim"]).status.success());
    let out = ns.devctl(&["delete", "victim"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--yes"), "{}", stderr(&out));
    assert_eq!(ns.objects::<StatefulSet>(), ["victim"]);
    let out = ns.devctl(&["delete", "ghost", "--yes"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        ns.devctl(&["delete", "ghost", "--yes", "--ignore-not-found"])
            .status
            .success()
    );
}

#[test]
fn bad_input_is_one_line_and_creates_nothing() {
    let Some(ns) = Ns::new("badinput") else {
        return;
    };
    let yaml = ns.env.home().join("bad.yaml");
    std::fs::write(&yaml, "apiVersion: devserver.io/v1\nkind: DevServer\nmetadata: {name: x}\nspec:\n  flavour: big\n").unwrap();
    let env_file = ns.env.home().join("bad.env");
    std::fs::write(&env_file, "OK=1\nnot a line\n").unwrap();
    let cases: Vec<Vec<String>> = vec![
        vec!["create".into(), "Bad_Name".into()],
        vec!["create".into(), "x".repeat(41)],
        vec![
            "create".into(),
            "ok".into(),
            "--ttl".into(),
            "forever".into(),
        ],
        vec![
            "create".into(),
            "ok".into(),
            "--volume".into(),
            "data".into(),
        ],
        vec!["create".into(), "ok".into(), "-e".into(), "1X=2".into()],
        vec![
            "create".into(),
            "ok".into(),
            "--env-file".into(),
            env_file.display().to_string(),
        ],
        vec!["create".into(), "-f".into(), yaml.display().to_string()],
        vec![
            "create".into(),
            "ok".into(),
            "--flavor".into(),
            "huge".into(),
        ],
        vec!["create".into(), "ok".into(), "--gpu".into(), "many".into()],
        vec![
            "create".into(),
            "ok".into(),
            "--volume".into(),
            "missing-claim:/data".into(),
        ],
    ];
    for case in &cases {
        let args: Vec<&str> = case.iter().map(String::as_str).collect();
        let out = ns.devctl(&args);
        let err = stderr(&out);
        assert!(!out.status.success(), "{case:?} succeeded");
        assert!(err.starts_with("error: "), "{case:?}: {err}");
        assert_eq!(
            err.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "{case:?}: {err}"
        );
    }
    let flavor = ns.devctl(&["create", "ok", "--flavor", "huge"]);
    assert!(
        stderr(&flavor).contains("cpu-small, cpu-medium, cpu-large"),
        "{}",
        stderr(&flavor)
    );
    let file = ns.devctl(&["create", "-f", &yaml.display().to_string()]);
    assert!(
        stderr(&file).contains("spec") && stderr(&file).contains("flavour"),
        "{}",
        stderr(&file)
    );
    assert_eq!(ns.everything(), Vec::<String>::new());
}

#[test]
fn dry_run_asks_only_for_flavors_and_identity_and_touches_nothing() {
    let Some(ns) = Ns::new("dryrun") else { return };
    // Other tests share the proxy: a user of this test's own, and only its requests counted.
    let user = ns
        .cluster
        .user(&format!("dry-{}", ns.name), &["system:masters"])
        .unwrap();
    let out = ns
        .env
        .devctl_at(&user.kubeconfig)
        .args(["-n", &ns.name])
        .args([
            "create",
            "ghost",
            "--dry-run",
            "-o",
            "yaml",
            "--home",
            "5Gi",
            "--volume",
            "data:/data",
        ])
        .output()
        .unwrap();
    let sent: Vec<String> = ns
        .cluster
        .proxy()
        .requests_in(&testcluster::Scope::user(&user.name))
        .unwrap()
        .into_iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    // The flavors and who the user is (so that the owner and the default name are what
    // create would use); nothing in the namespace.
    let mut sent = sent;
    sent.sort();
    assert_eq!(
        sent,
        [
            "GET /apis/devserver.io/v1/devserverflavors",
            "POST /apis/authentication.k8s.io/v1/selfsubjectreviews"
        ],
        "only the flavor lookup and the identity"
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for kind in ["StatefulSet", "Service", "Secret", "ConfigMap"] {
        assert!(text.contains(&format!("kind: {kind}")), "{kind} missing");
    }
    assert_eq!(ns.everything(), Vec::<String>::new());
    let offline = ns
        .env
        .devctl()
        .arg("--kubeconfig")
        .arg(ns.env.home().join("no-such-kubeconfig"))
        .args([
            "create",
            "ghost",
            "--dry-run",
            "--offline",
            "--flavor",
            "cpu-medium",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        offline.status.success(),
        "offline needs no cluster: {}",
        stderr(&offline)
    );
    let list: serde_json::Value = serde_json::from_slice(&offline.stdout).unwrap();
    assert_eq!(list["kind"], "List");
    assert_eq!(list["items"].as_array().unwrap().len(), 4);
}

#[test]
fn list_shows_only_the_callers_devservers_unless_asked() {
    let Some(ns) = Ns::new("owners") else { return };
    let empty = ns.devctl(&["list"]);
    assert!(empty.status.success());
    assert_eq!(
        stdout(&empty),
        "",
        "nothing on stdout for a script to parse"
    );
    assert_eq!(
        stderr(&empty).trim(),
        format!("no devservers of yours in namespace {}", ns.name)
    );
    assert!(ns.devctl(&["create", "mine"]).status.success());
    let robot = testcluster::block_on(async {
        let admin = ns.cluster.client().await.unwrap();
        let binding: k8s_openapi::api::rbac::v1::RoleBinding = serde_json::from_value(serde_json::json!({
            "metadata": {"name": "robot-admin"},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "admin"},
            "subjects": [{"kind": "ServiceAccount", "name": "robot", "namespace": ns.name}]
        }))
        .unwrap();
        Api::<k8s_openapi::api::rbac::v1::RoleBinding>::namespaced(admin, &ns.name)
            .create(&Default::default(), &binding)
            .await
            .unwrap();
        ns.cluster
            .service_account_user(&ns.name, "robot")
            .await
            .unwrap()
    });
    let as_robot = |args: &[&str]| {
        ns.env
            .devctl_at(&robot.kubeconfig)
            .args(["-n", &ns.name])
            .args(args)
            .output()
            .unwrap()
    };
    // The binding reaches the authorizer a moment after it is written.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let out = as_robot(&["create", "theirs"]);
        if out.status.success() {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "{}", stderr(&out));
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let names = |out: std::process::Output| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(ns.devctl(&["list", "-o", "json"])), ["mine"]);
    assert_eq!(names(as_robot(&["list", "-o", "json"])), ["theirs"]);
    assert_eq!(
        names(ns.devctl(&["list", "--all-users", "-o", "json"])),
        ["mine", "theirs"]
    );
    let table = stdout(&ns.devctl(&["list", "--all-users", "-o", "wide"]));
    assert!(
        table.contains(&format!("system:serviceaccount:{}:robot", ns.name)),
        "{table}"
    );
}

fn annotate_claim(ns: &Ns, claim: &str, key: &str, value: &str) {
    testcluster::block_on(async {
        let api: Api<PersistentVolumeClaim> =
            Api::namespaced(ns.cluster.client().await.unwrap(), &ns.name);
        let patch = serde_json::json!({ "metadata": { "annotations": { key: value } } });
        api.patch(
            claim,
            &kube::api::PatchParams::default(),
            &kube::api::Patch::Merge(patch),
        )
        .await
        .unwrap();
    });
}

fn claim(ns: &Ns, name: &str) -> PersistentVolumeClaim {
    testcluster::block_on(async {
        let api: Api<PersistentVolumeClaim> =
            Api::namespaced(ns.cluster.client().await.unwrap(), &ns.name);
        api.get(name).await.unwrap()
    })
}

/// Waits, with a watch, until the pod `name` meets `cond` (`None` when it does not exist).
fn wait_for_pod(
    ns: &Ns,
    name: &str,
    what: &str,
    cond: impl Fn(Option<&Pod>) -> bool + Send + Sync,
) {
    testcluster::block_on(async {
        let api: Api<Pod> = Api::namespaced(ns.cluster.client().await.unwrap(), &ns.name);
        let wait = kube::runtime::wait::await_condition(api, name, cond);
        tokio::time::timeout(std::time::Duration::from_secs(60), wait)
            .await
            .unwrap_or_else(|_| panic!("pod {name} never {what}"))
            .unwrap();
    });
}

fn is_ready(pod: Option<&Pod>) -> bool {
    pod.and_then(|p| p.status.as_ref())
        .and_then(|s| s.conditions.as_ref())
        .is_some_and(|cs| cs.iter().any(|c| c.type_ == "Ready" && c.status == "True"))
}

fn status_of(ns: &Ns, name: &str) -> String {
    let out = ns.devctl(&["list", "-o", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == name)
        .map(|i| i["status"].as_str().unwrap().to_string())
        .unwrap_or_default()
}

#[test]
fn stop_then_start_keeps_the_home_volume_and_its_data() {
    let Some(ns) = Ns::new("stopstart") else {
        return;
    };
    let out = ns.devctl(&[
        "create",
        "sleepy",
        "--home",
        "1Gi",
        "--wait",
        "--timeout",
        "2m",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The simulated volume holds no files; a marker on the claim stands for its data.
    annotate_claim(&ns, "home-sleepy-0", "test/data-marker", "precious");
    let before = claim(&ns, "home-sleepy-0").metadata.uid;

    let out = ns.devctl(&["stop", "sleepy"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("home volume is kept"),
        "{}",
        stderr(&out)
    );
    wait_for_pod(&ns, "sleepy-0", "went away", |p| p.is_none());
    assert_eq!(status_of(&ns, "sleepy"), "Stopped");

    assert!(ns.devctl(&["start", "sleepy"]).status.success());
    wait_for_pod(&ns, "sleepy-0", "came back", is_ready);
    assert_eq!(status_of(&ns, "sleepy"), "Running");
    let after = claim(&ns, "home-sleepy-0");
    assert_eq!(after.metadata.uid, before, "the same claim");
    assert_eq!(
        after.metadata.annotations.unwrap()["test/data-marker"],
        "precious"
    );
}

#[test]
fn extend_moves_the_expiry_and_restart_recreates_the_pod() {
    let Some(ns) = Ns::new("extend") else { return };
    assert!(
        ns.devctl(&["create", "longer", "--ttl", "1h", "--wait"])
            .status
            .success()
    );
    let expiry = |ns: &Ns| -> String {
        let out = ns.devctl(&["describe", "longer", "-o", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["spec"]["expiresAt"].as_str().unwrap().to_string()
    };
    let before: k8s_openapi::jiff::Timestamp = expiry(&ns).parse().unwrap();
    let out = ns.devctl(&["extend", "longer", "--ttl", "4h"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after: k8s_openapi::jiff::Timestamp = expiry(&ns).parse().unwrap();
    assert_eq!(after.duration_since(before).as_secs(), 4 * 3600);
    assert_eq!(
        ns.devctl(&["extend", "longer", "--ttl", "soon"])
            .status
            .code(),
        Some(2)
    );

    let uid = |ns: &Ns| {
        testcluster::block_on(async {
            let api: Api<Pod> = Api::namespaced(ns.cluster.client().await.unwrap(), &ns.name);
            api.get_opt("longer-0")
                .await
                .unwrap()
                .and_then(|p| p.metadata.uid)
        })
    };
    let first = uid(&ns);
    assert!(ns.devctl(&["restart", "longer"]).status.success());
    wait_for_pod(&ns, "longer-0", "was recreated", |p| {
        p.is_some_and(|p| p.metadata.uid.is_some() && p.metadata.uid != first)
    });
    assert_eq!(
        ns.devctl(&["describe", "nothing-here"]).status.code(),
        Some(3)
    );
    // Without --home there is no home volume to speak of.
    let out = ns.devctl(&["stop", "longer"]);
    assert!(out.status.success());
    assert!(!stderr(&out).contains("home volume"), "{}", stderr(&out));
}

#[test]
fn reap_deletes_only_the_expired() {
    let Some(ns) = Ns::new("reap") else { return };
    // --wait: the home claim exists (the StatefulSet controller makes it) before the reap.
    for name in ["old", "young"] {
        assert!(
            ns.devctl(&["create", name, "--home", "1Gi", "--wait", "--timeout", "2m"])
                .status
                .success()
        );
    }
    // Expire `old` by moving its expiry into the past, as time would.
    testcluster::block_on(async {
        let api: Api<StatefulSet> = Api::namespaced(ns.cluster.client().await.unwrap(), &ns.name);
        let patch = serde_json::json!({ "metadata": { "annotations": { "devserver.io/expires-at": "2020-01-01T00:00:00Z" } } });
        api.patch(
            "old",
            &kube::api::PatchParams::default(),
            &kube::api::Patch::Merge(patch),
        )
        .await
        .unwrap();
    });
    assert_eq!(status_of(&ns, "old"), "Expired");
    let dry = ns.devctl(&["reap", "--dry-run", "-o", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&dry.stdout).unwrap();
    assert_eq!(v["items"].as_array().unwrap().len(), 1);
    assert_eq!(v["items"][0]["name"], "old");
    assert_eq!(v["items"][0]["action"], "would delete");
    assert_eq!(
        ns.objects::<StatefulSet>(),
        ["old", "young"],
        "a dry run deletes nothing"
    );

    let out = ns.devctl(&["reap"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("deleted"), "{}", stdout(&out));
    assert_eq!(ns.objects::<StatefulSet>(), ["young"]);
    // Homes are kept: the claim is there and nothing owns it, so the garbage collector will
    // not take it a moment later.
    let home = claim(&ns, "home-old-0").metadata;
    assert_eq!(home.name.as_deref(), Some("home-old-0"));
    assert!(
        home.owner_references.unwrap_or_default().is_empty(),
        "homes are kept"
    );
}

#[test]
fn create_flags_and_a_devserver_file_reach_the_statefulset() {
    let Some(ns) = Ns::new("flags") else { return };
    let node = format!("gpu-{}", ns.name);
    testcluster::block_on(async {
        ns.cluster
            .add_node(&testcluster::NodeSpec::new(&node).resource("nvidia.com/mig-1g.10gb", "7"))
            .await
            .unwrap();
        let claim: PersistentVolumeClaim = serde_json::from_value(serde_json::json!({
            "metadata": { "name": "datasets" },
            "spec": { "accessModes": ["ReadWriteOnce"], "resources": { "requests": { "storage": "1Gi" } } }
        }))
        .unwrap();
        Api::<PersistentVolumeClaim>::namespaced(ns.cluster.client().await.unwrap(), &ns.name)
            .create(&Default::default(), &claim)
            .await
            .unwrap();
    });
    let file = ns.env.home().join("devserver.yaml");
    std::fs::write(
        &file,
        "apiVersion: devserver.io/v1\nkind: DevServer\nmetadata: {name: from-file}\nspec:\n  owner: carol@example.com\n  flavor: cpu-medium\n  image: fedora:41\n  lifecycle: {timeToLive: \"2d\"}\n",
    )
    .unwrap();
    let env_file = ns.env.home().join("dev.env");
    std::fs::write(&env_file, "# settings\nFROM_FILE=yes\n").unwrap();
    let out = ns.devctl(&[
        "create",
        "-f",
        &file.display().to_string(),
        "--volume",
        "datasets:/data:ro",
        "-e",
        "MODE=train",
        "--env-file",
        &env_file.display().to_string(),
        "--port",
        "8888",
        "--gpu",
        "nvidia.com/mig-1g.10gb=1",
        "--cpu",
        "3",
        "--wait",
        "--timeout",
        "2m",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (set, pod) = testcluster::block_on(async {
        let c = ns.cluster.client().await.unwrap();
        (
            Api::<StatefulSet>::namespaced(c.clone(), &ns.name)
                .get("from-file")
                .await
                .unwrap(),
            Api::<Pod>::namespaced(c, &ns.name)
                .get("from-file-0")
                .await
                .unwrap(),
        )
    });
    let a = set.metadata.annotations.unwrap();
    assert_eq!(a["devserver.io/owner"], "carol@example.com");
    assert_eq!(a["devserver.io/flavor"], "cpu-medium");
    assert_eq!(a["devserver.io/image"], "fedora:41");
    assert_eq!(a["devserver.io/ttl"], "2d");
    let container = &set.spec.unwrap().template.spec.unwrap().containers[0];
    let env: Vec<(String, String)> = container
        .env
        .clone()
        .unwrap()
        .into_iter()
        .map(|e| (e.name, e.value.unwrap_or_default()))
        .collect();
    assert!(env.contains(&("MODE".into(), "train".into())), "{env:?}");
    // --env-file values are often tokens: never in clear in the pod template, but in the
    // Secret from-file-env (owned by the StatefulSet) that the pod reads through envFrom.
    assert!(!env.iter().any(|(k, _)| k == "FROM_FILE"), "{env:?}");
    let env_from = container.env_from.clone().unwrap();
    assert_eq!(
        env_from[0].secret_ref.as_ref().map(|r| r.name.as_str()),
        Some("from-file-env")
    );
    let env_secret = testcluster::block_on(async {
        Api::<Secret>::namespaced(ns.cluster.client().await.unwrap(), &ns.name)
            .get("from-file-env")
            .await
            .unwrap()
    });
    assert_eq!(env_secret.data.unwrap()["FROM_FILE"].0, b"yes");
    assert_eq!(
        env_secret.metadata.owner_references.unwrap()[0].name,
        "from-file"
    );
    let ports: Vec<i32> = container
        .ports
        .clone()
        .unwrap()
        .iter()
        .map(|p| p.container_port)
        .collect();
    assert_eq!(ports, [22, 8888]);
    let resources = container.resources.clone().unwrap();
    assert_eq!(
        resources.limits.as_ref().unwrap()["nvidia.com/mig-1g.10gb"].0,
        "1"
    );
    assert_eq!(resources.requests.as_ref().unwrap()["cpu"].0, "3");
    let mount = container
        .volume_mounts
        .clone()
        .unwrap()
        .into_iter()
        .find(|m| m.mount_path == "/data")
        .unwrap();
    assert_eq!(mount.read_only, Some(true));
    assert_eq!(
        pod.spec.unwrap().node_name.as_deref(),
        Some(node.as_str()),
        "only that node has the MIG slice"
    );
    let unknown = ns.devctl(&["create", "nope", "--gpu", "example.com/tpu=1"]);
    assert_eq!(unknown.status.code(), Some(2), "{}", stderr(&unknown));
    assert!(
        stderr(&unknown).contains("no node advertises"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn transient_failures_are_retried_only_where_repeating_is_safe() {
    let Some(ns) = Ns::new("retry") else { return };
    let proxy = ns.cluster.proxy();
    let calls = |method: &str, resource: &str| {
        let path = format!("/namespaces/{}/{resource}", ns.name);
        proxy
            .requests()
            .unwrap()
            .iter()
            .filter(|r| r.method == method && r.path.ends_with(&path))
            .count()
    };

    // A list is a read: two 503s, then the answer.
    let sets = format!("^/apis/apps/v1/namespaces/{}/statefulsets$", ns.name);
    proxy.fail_next(&Fault::new("GET", &sets, 503, 2)).unwrap();
    let out = ns.devctl(&["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(calls("GET", "statefulsets"), 3, "two retries");

    // A 429 means the server turned the create away unhandled: sending it again is safe.
    let secrets = format!("^/api/v1/namespaces/{}/secrets$", ns.name);
    proxy
        .fail_next(&Fault::new("POST", &secrets, 429, 1).retry_after(1))
        .unwrap();
    let out = ns.devctl(&["create", "patient"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        calls("POST", "secrets"),
        2,
        "the refused create was sent again"
    );

    // A 503 on a create may come after the object was made: it is not sent again, and the
    // devserver is rolled back.
    let maps = format!("^/api/v1/namespaces/{}/configmaps$", ns.name);
    proxy.fail_next(&Fault::new("POST", &maps, 503, 1)).unwrap();
    let out = ns.devctl(&["create", "hasty"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        calls("POST", "configmaps"),
        2,
        "one for each create, none repeated"
    );
    assert_eq!(ns.objects::<StatefulSet>(), ["patient"]);
}

#[test]
fn create_wait_resumes_its_watch_when_the_connection_drops() {
    let Some(ns) = Ns::new("resume") else { return };
    // A claim of a class nothing provisions: the pod, and devctl with it, waits until the test
    // makes a volume for it.
    testcluster::block_on(async {
        let claim: PersistentVolumeClaim = serde_json::from_value(serde_json::json!({
            "metadata": { "name": "later" },
            "spec": { "accessModes": ["ReadWriteOnce"], "storageClassName": "manual",
                      "resources": { "requests": { "storage": "1Gi" } } }
        }))
        .unwrap();
        Api::<PersistentVolumeClaim>::namespaced(ns.cluster.client().await.unwrap(), &ns.name)
            .create(&Default::default(), &claim)
            .await
            .unwrap();
    });
    let mut waiting = ns
        .env
        .process()
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args([
            "-n",
            &ns.name,
            "-v",
            "create",
            "held",
            "--volume",
            "later:/data",
        ])
        .args(["--wait", "--timeout", "2m"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Until the volume exists devctl must keep waiting; on any failure it is stopped and what
    // it said is shown.
    fn fail(devctl: &mut std::process::Child, what: &str) -> ! {
        let _ = devctl.kill();
        let mut err = String::new();
        if let Some(mut e) = devctl.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
        }
        panic!("{what}; devctl said:\n{err}");
    }

    // Drop the connection once devctl only waits: its creates are answered (a create cut off
    // is not sent again, and the devserver rolled back), its watch is open. The proxy answers
    // each wait as soon as its log has what the test waits for.
    let proxy = ns.cluster.proxy();
    let wait = std::time::Duration::from_secs(60);
    let here = testcluster::Scope::namespace(&ns.name);
    let creates = here
        .clone()
        .method("POST")
        .path("/(statefulsets|services|configmaps|secrets)$");
    if let Err(e) = proxy.wait_answered(&creates, 4, wait) {
        fail(&mut waiting, &format!("its creates were not answered: {e}"));
    }
    // Answered by the proxy is not yet received by devctl: wait until it says it made them.
    let mut lines =
        std::io::BufRead::lines(std::io::BufReader::new(waiting.stderr.take().unwrap()));
    let mut said = Vec::new();
    loop {
        match lines.next() {
            Some(Ok(line)) => {
                let created = line.starts_with("devserver held created");
                said.push(line);
                if created {
                    break;
                }
            }
            _ => panic!(
                "devctl never said it made the devserver:\n{}",
                said.join("\n")
            ),
        }
    }
    // Keep reading what it says, so that its -v lines never fill the pipe.
    let rest = std::thread::spawn(move || lines.map_while(Result::ok).collect::<Vec<_>>());
    // The pod watches devctl started, once there are `k`: each wait returns when one more
    // request for the pods has arrived.
    let pods = here.method("GET").path("/pods$");
    let watches = |waiting: &mut std::process::Child, k: usize| {
        let mut n = 1;
        loop {
            let found = proxy.wait_requests(&pods, n, wait).unwrap_or_else(|e| {
                fail(
                    waiting,
                    &format!("it did not watch its pod {k} time(s): {e}"),
                )
            });
            let found: Vec<_> = found
                .into_iter()
                .filter(|r| r.query.contains("watch=true"))
                .collect();
            if found.len() >= k {
                break found;
            }
            n += 1;
        }
    };
    let Some(watch) = watches(&mut waiting, 1)
        .into_iter()
        .find(|r| r.end.is_none())
    else {
        fail(&mut waiting, "its pod watch was not open");
    };
    if proxy.drop_connection(&watch.conn).unwrap() != 1 {
        fail(&mut waiting, "the watch's connection was not dropped");
    }
    watches(&mut waiting, 2);

    testcluster::block_on(async {
        let volume: k8s_openapi::api::core::v1::PersistentVolume =
            serde_json::from_value(serde_json::json!({
                "metadata": { "name": format!("later-{}", ns.name) },
                "spec": { "capacity": { "storage": "1Gi" }, "accessModes": ["ReadWriteOnce"],
                          "storageClassName": "manual", "hostPath": { "path": "/tmp/later" },
                          "claimRef": { "namespace": ns.name, "name": "later" } }
            }))
            .unwrap();
        Api::<k8s_openapi::api::core::v1::PersistentVolume>::all(
            ns.cluster.client().await.unwrap(),
        )
        .create(&Default::default(), &volume)
        .await
        .unwrap();
    });
    let out = waiting.wait_with_output().unwrap();
    said.extend(rest.join().unwrap());
    assert!(out.status.success(), "{}", said.join("\n"));
}
