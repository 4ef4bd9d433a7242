//! What `devctl status` says besides permissions, against the real test cluster: whose
//! devservers it counts, and where flavors come from (the cluster's DevServerFlavors, the
//! built-in ones, or the built-in ones because reading the cluster's is forbidden).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::time::Duration;

use common::{Env, stderr, stdout};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::api::{Api, ApiResource, DynamicObject, GroupVersionKind, PostParams};

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
