//! What `devctl status` says besides permissions, against the real test cluster: whose
//! devservers it counts, where flavors come from (the cluster's DevServerFlavors, the
//! built-in ones, or the built-in ones because reading the cluster's is forbidden), the
//! namespace's quota use, and whether the reaper is installed.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::time::Duration;

use common::{Env, stderr, stdout};
use k8s_openapi::api::batch::v1::CronJob;
use k8s_openapi::api::core::v1::{Namespace, ResourceQuota};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::api::{
    Api, ApiResource, DynamicObject, GroupVersionKind, Patch, PatchParams, PostParams,
};

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(out), stderr(out)))
}

#[test]
fn status_counts_the_owners_devservers_in_the_namespace() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.namespace("status-mine").unwrap();
    let env = Env::new();
    let create = |args: &[&str]| {
        let out = env
            .devctl_at(cluster.kubeconfig())
            .args(["-n", &ns, "create"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    };
    create(&["mine-b"]);
    create(&["mine-a"]);
    // Someone else's: a file's owner is the owner, whoever creates it.
    let file = env.home().join("theirs.yaml");
    std::fs::write(
        &file,
        "apiVersion: devserver.io/v1\nkind: DevServer\nmetadata: {name: theirs}\nspec: {owner: bob@example.com}\n",
    )
    .unwrap();
    create(&["-f", &file.display().to_string()]);

    let out = env
        .devctl_at(cluster.kubeconfig())
        .args(["status", "-n", &ns, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(
        v["owner"],
        serde_json::json!({"name": "admin", "source": "cluster"})
    );
    assert_eq!(
        v["devservers"],
        serde_json::json!({"count": 2, "names": ["mine-a", "mine-b"], "error": null})
    );

    let out = env
        .devctl_at(cluster.kubeconfig())
        .env("DEVCTL_OWNER", "bob@example.com")
        .args(["status", "-n", &ns])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Owner:     bob@example.com (as configured)\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!("Yours:     1 in {ns}: theirs\n")),
        "{text}"
    );

    let empty = cluster.namespace("status-none").unwrap();
    let out = env
        .devctl_at(cluster.kubeconfig())
        .args(["status", "-n", &empty])
        .output()
        .unwrap();
    assert!(
        stdout(&out).contains(&format!("Yours:     no devservers in {empty}\n")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn status_without_rights_reports_builtin_flavors_because_forbidden() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.namespace("status-nobody").unwrap();
    let user = cluster.user(&format!("{ns}-nobody"), &[]).unwrap();
    let env = Env::new();
    let out = env
        .devctl_at(&user.kubeconfig)
        .args(["status", "-n", &ns, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["flavors"]["source"], "built-in-forbidden", "{v}");
    assert_eq!(
        v["flavors"]["names"],
        serde_json::json!(["cpu-small", "cpu-medium", "cpu-large"])
    );
    assert!(v["devservers"]["count"].is_null(), "{v}");
    assert!(
        v["devservers"]["error"]
            .as_str()
            .is_some_and(|e| e.contains("forbidden")),
        "{v}"
    );

    let out = env
        .devctl_at(&user.kubeconfig)
        .args(["status", "-n", &ns])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        text.contains(
            "Flavors:   cpu-small, cpu-medium, cpu-large (built-in: you may not read the cluster's DevServerFlavors)\n"
        ),
        "{text}"
    );
    assert!(text.contains("Yours:     unknown (forbidden"), "{text}");
    assert!(text.contains("Quota:     unknown (forbidden"), "{text}");
    assert!(text.contains("Reaper:    unknown (forbidden"), "{text}");
}

#[test]
fn status_without_rights_shows_quota_and_reaper_as_unknown() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.namespace("status-unknown").unwrap();
    let user = cluster.user(&format!("{ns}-nobody"), &[]).unwrap();
    let out = Env::new()
        .devctl_at(&user.kubeconfig)
        .args(["status", "-n", &ns, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    let v = json(&out);
    assert!(v["quotas"]["items"].is_null(), "{v}");
    assert!(
        v["quotas"]["error"]
            .as_str()
            .is_some_and(|e| e.contains("forbidden")),
        "{v}"
    );
    assert!(v["reaper"]["installed"].is_null(), "{v}");
    assert_eq!(v["reaper"]["namespace"], "devctl-system", "{v}");
    assert!(
        v["reaper"]["error"]
            .as_str()
            .is_some_and(|e| e.contains("forbidden")),
        "{v}"
    );
}

#[test]
fn status_shows_the_use_of_each_quota_in_the_namespace_and_none_without_one() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.namespace("status-quota").unwrap();
    let env = Env::new();
    let status = |format: &str| {
        env.devctl_at(cluster.kubeconfig())
            .args(["status", "-n", &ns, "-o", format])
            .output()
            .unwrap()
    };
    let out = status("json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        json(&out)["quotas"],
        serde_json::json!({"items": [], "error": null})
    );
    assert!(
        stdout(&status("table")).contains(&format!("Quota:     none in {ns}\n")),
        "{}",
        stdout(&status("table"))
    );

    // Two quotas; the quota controller counts the namespace's ConfigMap (kube-root-ca.crt).
    testcluster::block_on(async {
        let admin = cluster.client().await.unwrap();
        let quotas: Api<ResourceQuota> = Api::namespaced(admin, &ns);
        for (name, hard) in [
            (
                "compute",
                serde_json::json!({"requests.cpu": "4", "requests.memory": "8Gi"}),
            ),
            ("objects", serde_json::json!({"count/configmaps": "10"})),
        ] {
            let quota: ResourceQuota = serde_json::from_value(serde_json::json!({
                "metadata": {"name": name}, "spec": {"hard": hard}
            }))
            .unwrap();
            quotas.create(&PostParams::default(), &quota).await.unwrap();
        }
        for name in ["compute", "objects"] {
            let counted = kube::runtime::wait::await_condition(
                quotas.clone(),
                name,
                |q: Option<&ResourceQuota>| {
                    q.and_then(|q| q.status.as_ref())
                        .and_then(|s| s.used.as_ref())
                        .is_some_and(|used| !used.is_empty())
                },
            );
            tokio::time::timeout(Duration::from_secs(60), counted)
                .await
                .unwrap()
                .unwrap();
        }
    });

    let out = status("json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        json(&out)["quotas"],
        serde_json::json!({"items": [
            {"name": "compute", "resources": [
                {"resource": "requests.cpu", "used": "0", "hard": "4"},
                {"resource": "requests.memory", "used": "0", "hard": "8Gi"},
            ]},
            {"name": "objects", "resources": [
                {"resource": "count/configmaps", "used": "1", "hard": "10"},
            ]},
        ], "error": null})
    );
    let text = stdout(&status("table"));
    assert!(
        text.contains(
            "Quota:     compute: requests.cpu 0/4, requests.memory 0/8Gi\n           objects: count/configmaps 1/10\n"
        ),
        "{text}"
    );
}

#[test]
fn status_says_whether_the_reaper_is_installed_with_its_schedule_and_last_run() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let env = Env::new();
    let status = |format: &str| {
        let out = env
            .devctl_at(cluster.kubeconfig())
            .args(["status", "-n", "default", "-o", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        out
    };
    // The reaper is installed below, in this test binary's own cluster, and by no other test.
    assert_eq!(
        json(&status("json"))["reaper"],
        serde_json::json!({"installed": false, "namespace": "devctl-system", "name": "devctl-reaper",
                           "schedule": null, "suspended": null, "lastScheduleTime": null,
                           "lastSuccessfulTime": null, "error": null})
    );
    assert!(
        stdout(&status("table"))
            .contains("Reaper:    not installed (no CronJob devctl-system/devctl-reaper)\n"),
        "{}",
        stdout(&status("table"))
    );

    // The CronJob as `admin install --reaper-image` makes it (suspended here, so that the
    // controller runs no Job), and not run yet.
    testcluster::block_on(async {
        let admin = cluster.client().await.unwrap();
        let namespace: Namespace =
            serde_json::from_value(serde_json::json!({"metadata": {"name": "devctl-system"}}))
                .unwrap();
        match Api::<Namespace>::all(admin.clone())
            .create(&PostParams::default(), &namespace)
            .await
        {
            Ok(_) => {}
            Err(kube::Error::Api(s)) if s.code == 409 => {}
            Err(e) => panic!("{e}"),
        }
        let cron: CronJob = serde_json::from_value(serde_json::json!({
            "metadata": {"name": "devctl-reaper"},
            "spec": {
                "schedule": "*/15 * * * *",
                "suspend": true,
                "jobTemplate": {"spec": {"template": {"spec": {
                    "restartPolicy": "Never",
                    "containers": [{"name": "reap", "image": "devctl:test", "args": ["reap", "-A"]}]
                }}}}
            }
        }))
        .unwrap();
        Api::<CronJob>::namespaced(admin, "devctl-system")
            .create(&PostParams::default(), &cron)
            .await
            .unwrap();
    });
    let v = json(&status("json"));
    assert_eq!(v["reaper"]["installed"], true, "{v}");
    assert_eq!(v["reaper"]["schedule"], "*/15 * * * *", "{v}");
    assert_eq!(v["reaper"]["suspended"], true, "{v}");
    assert!(v["reaper"]["lastScheduleTime"].is_null(), "{v}");
    assert!(
        stdout(&status("table"))
            .contains("Reaper:    devctl-system/devctl-reaper, schedule */15 * * * *, suspended, not run yet\n"),
        "{}",
        stdout(&status("table"))
    );

    // Once it has run: when, and when it last succeeded.
    testcluster::block_on(async {
        let admin = cluster.client().await.unwrap();
        let crons: Api<CronJob> = Api::namespaced(admin, "devctl-system");
        crons
            .patch_status(
                "devctl-reaper",
                &PatchParams::default(),
                &Patch::Merge(serde_json::json!({"status": {
                    "lastScheduleTime": "2026-01-02T03:00:00Z",
                    "lastSuccessfulTime": "2026-01-02T03:00:09Z",
                }})),
            )
            .await
            .unwrap();
        crons
            .patch(
                "devctl-reaper",
                &PatchParams::default(),
                &Patch::Merge(
                    serde_json::json!({"spec": {"suspend": false, "schedule": "0 0 1 1 *"}}),
                ),
            )
            .await
            .unwrap();
    });
    let v = json(&status("json"));
    assert_eq!(
        v["reaper"]["lastScheduleTime"], "2026-01-02T03:00:00Z",
        "{v}"
    );
    assert_eq!(
        v["reaper"]["lastSuccessfulTime"], "2026-01-02T03:00:09Z",
        "{v}"
    );
    assert_eq!(v["reaper"]["suspended"], false, "{v}");
    let text = stdout(&status("table"));
    let line = text
        .lines()
        .find(|l| l.starts_with("Reaper:"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.starts_with(
            "Reaper:    devctl-system/devctl-reaper, schedule 0 0 1 1 *, last run 2026-01-02T03:00:00Z ("
        ) && line.ends_with(" ago), last success 2026-01-02T03:00:09Z"),
        "{line}"
    );
}

#[test]
fn status_reports_the_clusters_flavors_once_it_defines_some() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let env = Env::new();
    let status = || {
        let out = env
            .devctl_at(cluster.kubeconfig())
            .args(["status", "-n", "default", "-o", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        json(&out)["flavors"].clone()
    };
    // The CRD is installed below, in this test binary's own cluster, and by no other test.
    assert_eq!(
        status(),
        serde_json::json!({"source": "built-in", "names": ["cpu-small", "cpu-medium", "cpu-large"], "error": null})
    );

    testcluster::block_on(async {
        let admin = cluster.client().await.unwrap();
        let crd: CustomResourceDefinition = serde_json::from_value(serde_json::json!({
            "metadata": {"name": "devserverflavors.devserver.io"},
            "spec": {
                "group": "devserver.io",
                "scope": "Cluster",
                "names": {"plural": "devserverflavors", "singular": "devserverflavor", "kind": "DevServerFlavor"},
                "versions": [{
                    "name": "v1", "served": true, "storage": true,
                    "schema": {"openAPIV3Schema": {"type": "object", "properties": {
                        "spec": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}
                    }}}
                }]
            }
        }))
        .unwrap();
        let crds: Api<CustomResourceDefinition> = Api::all(admin.clone());
        crds.create(&PostParams::default(), &crd).await.unwrap();
        let established = kube::runtime::wait::await_condition(
            crds,
            "devserverflavors.devserver.io",
            kube::runtime::wait::conditions::is_crd_established(),
        );
        tokio::time::timeout(Duration::from_secs(60), established)
            .await
            .unwrap()
            .unwrap();
        let resource = ApiResource::from_gvk_with_plural(
            &GroupVersionKind::gvk("devserver.io", "v1", "DevServerFlavor"),
            "devserverflavors",
        );
        let flavors: Api<DynamicObject> = Api::all_with(admin, &resource);
        let flavor: DynamicObject = serde_json::from_value(serde_json::json!({
            "apiVersion": "devserver.io/v1",
            "kind": "DevServerFlavor",
            "metadata": {"name": "gpu-small"},
            "spec": {"default": true, "description": "1 GPU",
                     "resources": {"requests": {"cpu": "1"}, "limits": {"cpu": "2"}}}
        }))
        .unwrap();
        flavors
            .create(&PostParams::default(), &flavor)
            .await
            .unwrap();
    });

    assert_eq!(
        status(),
        serde_json::json!({"source": "cluster", "names": ["gpu-small"], "error": null})
    );
    let out = env
        .devctl_at(cluster.kubeconfig())
        .args(["status", "-n", "default"])
        .output()
        .unwrap();
    assert!(
        stdout(&out).contains("Flavors:   gpu-small (from the cluster's DevServerFlavors)\n"),
        "{}",
        stdout(&out)
    );
}
