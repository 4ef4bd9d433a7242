//! Jobs for the tests of `devctl job`: made through the API exactly as `devctl job run` lays
//! them out (JOBS.md), on the test cluster's real node, until `devctl job run` can make them.

use std::time::Duration;

use devctl::devserver::job;
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, ListParams, LogParams, Patch, PatchParams, PostParams};
use testcluster::Cluster;

/// The image the jobs run.
pub const DEBIAN: &str = "devctl.test/debian:bookworm";
/// The owner they are made for.
pub const OWNER: &str = "tester@example.com";

/// Makes job `name` as `devctl job run` lays one out (JOBS.md): an Indexed Job of `nodes` pods
/// on the real node running `script` with sh, each with its results directory `/results` on a
/// generic ephemeral claim; made suspended, then let go. Waits until the Job has finished
/// (`wait`) or only until it exists. To be replaced by `devctl job run` once that is merged.
pub fn run_job(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    nodes: i32,
    script: &str,
    wait: bool,
) {
    let labels = job::labels(name, OWNER);
    let job_object: Job = serde_json::from_value(serde_json::json!({
        "apiVersion": "batch/v1",
        "kind": "Job",
        "metadata": {
            "name": name,
            "labels": labels,
            "annotations": {
                "devserver.io/owner": OWNER,
                "devserver.io/flavor": "cpu-small",
                "devserver.io/image": DEBIAN,
                "devserver.io/ttl": "24h",
                job::RESULTS_ANNOTATION: job::DEFAULT_RESULTS_DIR,
                job::NODES_ANNOTATION: nodes.to_string(),
                "devserver.io/created-by": "tests/job_results.rs",
            },
        },
        "spec": {
            "completionMode": "Indexed",
            "completions": nodes,
            "parallelism": nodes,
            "backoffLimit": 0,
            "ttlSecondsAfterFinished": 86400,
            "suspend": true,
            "template": {
                "metadata": {"labels": labels},
                "spec": {
                    "restartPolicy": "Never",
                    "automountServiceAccountToken": false,
                    "enableServiceLinks": false,
                    "subdomain": if nodes > 1 { Some(name) } else { None },
                    "containers": [{
                        "name": job::CONTAINER,
                        "image": DEBIAN,
                        "command": ["sh", "-c", script],
                        // Small: the real node has this machine's two cores, shared.
                        "resources": {
                            "requests": {"cpu": "250m", "memory": "512Mi"},
                            "limits": {"memory": "512Mi"},
                        },
                        "volumeMounts": [{"name": job::RESULTS_VOLUME, "mountPath": job::DEFAULT_RESULTS_DIR}],
                    }],
                    "volumes": [{
                        "name": job::RESULTS_VOLUME,
                        "ephemeral": {"volumeClaimTemplate": {
                            "metadata": {"labels": job::results_labels(name, OWNER)},
                            "spec": {
                                "accessModes": ["ReadWriteOnce"],
                                "resources": {"requests": {"storage": "10Gi"}},
                            },
                        }},
                    }],
                },
            },
        },
    }))
    .unwrap();
    testcluster::block_on(async {
        let client = cluster.client().await.unwrap();
        let jobs: Api<Job> = Api::namespaced(client.clone(), namespace);
        jobs.create(&PostParams::default(), &job_object)
            .await
            .unwrap();
        jobs.patch(
            name,
            &PatchParams::default(),
            &Patch::Merge(serde_json::json!({"spec": {"suspend": false}})),
        )
        .await
        .unwrap();
        if !wait {
            return;
        }
        let ended = kube::runtime::wait::await_condition(jobs, name, |j: Option<&Job>| {
            j.and_then(|j| j.status.as_ref())
                .and_then(|s| s.conditions.as_ref())
                .is_some_and(|cs| {
                    cs.iter().any(|c| {
                        matches!(c.type_.as_str(), "Complete" | "Failed") && c.status == "True"
                    })
                })
        });
        let job = tokio::time::timeout(Duration::from_secs(300), ended)
            .await
            .unwrap_or_else(|_| panic!("job {name} never finished"))
            .unwrap()
            .unwrap();
        let complete = job
            .status
            .and_then(|s| s.conditions)
            .unwrap_or_default()
            .iter()
            .any(|c| c.type_ == "Complete" && c.status == "True");
        if !complete {
            let pods: Api<Pod> = Api::namespaced(client, namespace);
            let listed = pods
                .list(&ListParams::default().labels(&job::pod_selector(name)))
                .await
                .unwrap();
            let mut said = String::new();
            for pod in listed.items {
                let params = LogParams {
                    container: Some(job::CONTAINER.into()),
                    ..LogParams::default()
                };
                let pod = pod.metadata.name.unwrap_or_default();
                said.push_str(&pods.logs(&pod, &params).await.unwrap_or_default());
            }
            panic!("job {name} failed: {said}");
        }
    });
}
