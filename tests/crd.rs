//! The `DevServerFlavor` CRD against a real API server: what its schema accepts, refuses and
//! prunes, and what `kubectl get devserverflavors` shows. The CRD is cluster-wide, so this test
//! binary has its cluster to itself (the shared cluster is per test binary); every test applies
//! the same CRD, which is idempotent.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use devctl::devserver::{crd, flavor};
use kube::api::{Api, ApiResource, DeleteParams, DynamicObject, GroupVersionKind, PostParams};
use serde_json::{Value, json};

fn flavors_api(client: kube::Client) -> Api<DynamicObject> {
    let resource = ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk(crd::GROUP, crd::VERSION, crd::KIND),
        crd::PLURAL,
    );
    Api::all_with(client, &resource)
}

fn object(name: &str, spec: Value) -> DynamicObject {
    serde_json::from_value(json!({
        "apiVersion": "devserver.io/v1",
        "kind": "DevServerFlavor",
        "metadata": {"name": name},
        "spec": spec,
    }))
    .unwrap()
}

/// The API server's answer to creating a flavor with `spec`: the object as stored, or the
/// message of the refusal.
async fn create(client: &kube::Client, name: &str, spec: Value) -> Result<Value, String> {
    let api = flavors_api(client.clone());
    match api
        .create(&PostParams::default(), &object(name, spec))
        .await
    {
        Ok(made) => Ok(serde_json::to_value(made).unwrap()),
        Err(kube::Error::Api(status)) => {
            assert_eq!(status.code, 422, "{status:?}");
            Err(status.message)
        }
        Err(e) => panic!("{e}"),
    }
}

fn gpu_small() -> Value {
    json!({
        "default": false,
        "description": "1 GPU, 8 cores",
        "image": "ubuntu:24.04",
        "resources": {
            "requests": {"cpu": "8", "memory": "32Gi", "nvidia.com/gpu": "1"},
            "limits": {"cpu": "8", "memory": "32Gi", "nvidia.com/gpu": "1"},
        },
        "nodeSelector": {"kubernetes.io/arch": "amd64"},
        "tolerations": [{"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"}],
        "ttl": "8h",
        "maxTtl": "7d",
        "homeSize": "50Gi",
    })
}

#[test]
fn the_crd_accepts_the_design_example_with_every_field() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    testcluster::block_on(async {
        let client = common::install_flavor_crd(cluster).await;
        let made = create(&client, "gpu-small", gpu_small()).await.unwrap();
        assert_eq!(made["spec"], gpu_small());
        // And devctl reads it back as the flavor it is.
        let read: flavor::Flavor = serde_json::from_value(made["spec"].clone()).unwrap();
        assert_eq!(read.resources.limits["nvidia.com/gpu"], "1");
        assert_eq!(read.max_ttl.as_deref(), Some("7d"));
    });
}

#[test]
fn the_crd_prunes_fields_it_does_not_know() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    testcluster::block_on(async {
        let client = common::install_flavor_crd(cluster).await;
        let mut spec = gpu_small();
        spec["colour"] = json!("blue");
        spec["resources"]["burst"] = json!({"cpu": "2"});
        let made = create(&client, "pruned", spec).await.unwrap();
        assert_eq!(made["spec"], gpu_small());
    });
}

#[test]
fn the_crd_refuses_malformed_flavors_naming_the_field() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "bad-quantity",
            json!({"resources": {"requests": {"cpu": "lots"}}}),
            "spec.resources.requests.cpu",
        ),
        (
            "negative-quantity",
            json!({"resources": {"limits": {"memory": "-1Gi"}}}),
            "spec.resources.limits.memory",
        ),
        (
            "number-quantity",
            json!({"resources": {"requests": {"cpu": 2}}}),
            "spec.resources.requests.cpu",
        ),
        (
            "bad-operator",
            json!({"tolerations": [{"key": "a", "operator": "Matches"}]}),
            "spec.tolerations[0].operator",
        ),
        (
            "bad-effect",
            json!({"tolerations": [{"key": "a", "operator": "Exists", "effect": "Never"}]}),
            "spec.tolerations[0].effect",
        ),
        (
            "exists-with-value",
            json!({"tolerations": [{"key": "a", "operator": "Exists", "value": "b"}]}),
            "operator Exists takes no value",
        ),
        (
            "keyless-equal",
            json!({"tolerations": [{"operator": "Equal", "value": "b"}]}),
            "without a key must have operator Exists",
        ),
        (
            "seconds-without-noexecute",
            json!({"tolerations": [{"key": "a", "operator": "Exists", "effect": "NoSchedule", "tolerationSeconds": 5}]}),
            "tolerationSeconds needs effect NoExecute",
        ),
        ("default-string", json!({"default": "yes"}), "spec.default"),
        (
            "selector-number",
            json!({"nodeSelector": {"zone": 1}}),
            "spec.nodeSelector.zone",
        ),
        (
            "tolerations-map",
            json!({"tolerations": {"key": "a"}}),
            "spec.tolerations",
        ),
        ("bad-ttl", json!({"ttl": "8 hours"}), "spec.ttl"),
        ("bare-number-max-ttl", json!({"maxTtl": "8"}), "spec.maxTtl"),
        ("bad-home", json!({"homeSize": "50GB"}), "spec.homeSize"),
        ("empty-image", json!({"image": ""}), "spec.image"),
        (
            "bad-resource-name",
            json!({"resources": {"limits": {"NVIDIA/gpu/x": "1"}}}),
            "resource names look like",
        ),
        (
            "limit-below-request",
            json!({"resources": {"requests": {"cpu": "2"}, "limits": {"cpu": "500m"}}}),
            "every limit must be at least its request",
        ),
    ];
    testcluster::block_on(async {
        let client = common::install_flavor_crd(cluster).await;
        for (name, spec, want) in cases {
            match create(&client, name, spec).await {
                Ok(made) => panic!("{name} was accepted: {made}"),
                Err(message) => assert!(message.contains(want), "{name}: {message}"),
            }
        }
        let missing = flavors_api(client.clone())
            .create(
                &PostParams::default(),
                &serde_json::from_value(json!({
                    "apiVersion": "devserver.io/v1", "kind": "DevServerFlavor",
                    "metadata": {"name": "no-spec"},
                }))
                .unwrap(),
            )
            .await;
        assert!(
            matches!(&missing, Err(kube::Error::Api(s)) if s.message.contains("spec")),
            "{missing:?}"
        );
    });
}

#[test]
fn every_builtin_flavor_passes_the_schema_unchanged() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    testcluster::block_on(async {
        let client = common::install_flavor_crd(cluster).await;
        let api = flavors_api(client.clone());
        for builtin in flavor::builtin() {
            let name = format!("builtin-{}", builtin.name);
            let mut object = crd::flavor_object(&builtin);
            object["metadata"]["name"] = json!(name);
            let made = api
                .create(
                    &PostParams::default(),
                    &serde_json::from_value(object.clone()).unwrap(),
                )
                .await
                .unwrap_or_else(|e| panic!("{}: {e}", builtin.name));
            let stored = serde_json::to_value(&made).unwrap();
            assert_eq!(stored["spec"], object["spec"], "{}", builtin.name);
            api.delete(&name, &DeleteParams::default()).await.unwrap();
        }
    });
}

#[test]
fn kubectl_get_devserverflavors_shows_the_printer_columns() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    testcluster::block_on(async {
        let client = common::install_flavor_crd(cluster).await;
        let mut spec = gpu_small();
        spec["default"] = json!(true);
        spec["description"] = json!("one GPU");
        create(&client, "columns-gpu", spec).await.unwrap();
    });
    let out = std::process::Command::new("kubectl")
        .arg("--kubeconfig")
        .arg(cluster.kubeconfig())
        .args(["get", "devserverflavors", "columns-gpu"])
        .output()
        .expect("kubectl runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        lines[0],
        [
            "NAME",
            "DEFAULT",
            "CPU",
            "MEMORY",
            "GPU",
            "DESCRIPTION",
            "AGE"
        ],
        "{text}"
    );
    assert_eq!(
        lines[1][..7],
        ["columns-gpu", "true", "8", "32Gi", "1", "one", "GPU"],
        "{text}"
    );
}
