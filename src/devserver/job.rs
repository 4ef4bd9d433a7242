//! What one job is (DESIGN §7): its names, labels and the layout of its results. A job `NAME`
//! is an Indexed `batch/v1` Job whose pods `NAME-I-xxxxx` each keep their results directory on
//! a claim of their own, `<pod>-results` (a generic ephemeral volume: made with the pod,
//! deleted with it, so with the Job). Pure: no I/O.

use std::collections::BTreeMap;

use super::manifests::{INSTANCE, MANAGED_BY, NAME_LABEL, OWNER, owner_label};

/// `app.kubernetes.io/name` of a job's Job, pods, Secret, ConfigMap and Service.
pub const KIND_VALUE: &str = "devctl-job";
/// `app.kubernetes.io/name` of a job's results claims.
pub const RESULTS_KIND_VALUE: &str = "devctl-job-results";
/// `app.kubernetes.io/name` of the short-lived pods that read results back.
pub const READER_KIND_VALUE: &str = "devctl-job-reader";
/// The container that runs the command.
pub const CONTAINER: &str = "job";
/// The pod volume that holds the results directory; its claim is `<pod>-results`.
pub const RESULTS_VOLUME: &str = "results";
/// Where the command writes its results unless `--results` says otherwise.
pub const DEFAULT_RESULTS_DIR: &str = "/results";
/// The label Kubernetes puts on every pod of an Indexed Job (1.28 and later).
pub const COMPLETION_INDEX_LABEL: &str = "batch.kubernetes.io/job-completion-index";
/// The same index as an annotation, on every version with Indexed Jobs.
pub const COMPLETION_INDEX_ANNOTATION: &str = "batch.kubernetes.io/job-completion-index";
/// Stamped on a results claim that `job delete --keep-results` keeps: the index it holds.
pub const KEPT_INDEX_LABEL: &str = "devserver.io/job-index";
/// Annotation on the Job: the results directory in the pods.
pub const RESULTS_ANNOTATION: &str = "devserver.io/results";
/// Annotation on the Job: how many pods run at once.
pub const NODES_ANNOTATION: &str = "devserver.io/nodes";

/// The labels of the job's own objects (Job, pod template, Secret, ConfigMap, Service).
pub fn labels(name: &str, owner: &str) -> BTreeMap<String, String> {
    labels_of(name, owner, KIND_VALUE)
}

/// The labels of its results claims.
pub fn results_labels(name: &str, owner: &str) -> BTreeMap<String, String> {
    labels_of(name, owner, RESULTS_KIND_VALUE)
}

/// The labels of the pods that read its results back.
pub fn reader_labels(name: &str, owner: &str) -> BTreeMap<String, String> {
    labels_of(name, owner, READER_KIND_VALUE)
}

fn labels_of(name: &str, owner: &str, kind: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (MANAGED_BY.to_string(), "devctl".to_string()),
        (NAME_LABEL.to_string(), kind.to_string()),
        (INSTANCE.to_string(), name.to_string()),
        (OWNER.to_string(), owner_label(owner)),
    ])
}

/// The label selector of the job's pods (never the reader's).
pub fn pod_selector(name: &str) -> String {
    format!("{INSTANCE}={name},{NAME_LABEL}={KIND_VALUE}")
}

/// The label selector of the job's results claims.
pub fn results_selector(name: &str) -> String {
    format!("{INSTANCE}={name},{NAME_LABEL}={RESULTS_KIND_VALUE}")
}

/// The claim Kubernetes makes for pod `pod`'s results volume.
pub fn results_claim_name(pod: &str) -> String {
    format!("{pod}-{RESULTS_VOLUME}")
}

pub fn env_secret_name(name: &str) -> String {
    format!("{name}-env")
}

pub fn configmap_name(name: &str) -> String {
    format!("{name}-config")
}

/// The claim made for the `i`th `--volume SIZE:/PATH`.
pub fn new_volume_claim_name(name: &str, i: usize) -> String {
    format!("{name}-vol-{i}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_results_claim_is_named_as_kubernetes_names_an_ephemeral_volumes_claim() {
        assert_eq!(results_claim_name("sim-0-x7k2p"), "sim-0-x7k2p-results");
    }

    #[test]
    fn the_pod_selector_leaves_out_the_reader_pods() {
        let reader = reader_labels("sim", "alice");
        assert!(!pod_selector("sim").contains(&reader[NAME_LABEL]));
    }
}
