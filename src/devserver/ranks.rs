//! The variables that let the pods of a multi-node devserver or job find each other, as
//! torchrun and plain PyTorch read them: rank 0's stable DNS name and port, the world size,
//! and each pod's rank, taken by the kubelet from the pod's own index. Pure.

use k8s_openapi::api::core::v1::{EnvVar, EnvVarSource, ObjectFieldSelector};

/// The port rank 0 listens on unless told otherwise (torchrun's default).
pub const DEFAULT_MASTER_PORT: u16 = 29500;

/// Where a pod's index is written on the pod itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexSource {
    /// An Indexed Job's pod: the completion-index annotation.
    JobCompletion,
    /// A StatefulSet's pod: the pod-index label (Kubernetes 1.28 and later).
    StatefulSetPod,
}

impl IndexSource {
    pub fn field_path(self) -> &'static str {
        match self {
            IndexSource::JobCompletion => {
                "metadata.annotations['batch.kubernetes.io/job-completion-index']"
            }
            IndexSource::StatefulSetPod => "metadata.labels['apps.kubernetes.io/pod-index']",
        }
    }
}

/// How many pods, processes and which port.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranks {
    pub nodes: u32,
    pub procs_per_node: u32,
    pub master_port: u16,
}

/// Pod `index`'s DNS name through the headless Service `service` (named as the workload):
/// `NAME-I.NAME.NS.svc`, resolved through the pods' search path whatever the cluster domain.
pub fn pod_dns_name(service: &str, namespace: &str, index: u32) -> String {
    format!("{service}-{index}.{service}.{namespace}.svc")
}

/// The variables every pod of `service` gets; the ranks come from the pod's index.
pub fn env(service: &str, namespace: &str, ranks: Ranks, index: IndexSource) -> Vec<EnvVar> {
    let master = pod_dns_name(service, namespace, 0);
    let plain = |name: &str, value: String| EnvVar {
        name: name.into(),
        value: Some(value),
        value_from: None,
    };
    let from_index = |name: &str| EnvVar {
        name: name.into(),
        value: None,
        value_from: Some(EnvVarSource {
            field_ref: Some(ObjectFieldSelector {
                api_version: None,
                field_path: index.field_path().into(),
            }),
            ..EnvVarSource::default()
        }),
    };
    let world = u64::from(ranks.nodes) * u64::from(ranks.procs_per_node);
    vec![
        plain("MASTER_ADDR", master.clone()),
        plain("MASTER_PORT", ranks.master_port.to_string()),
        plain("WORLD_SIZE", world.to_string()),
        plain("NNODES", ranks.nodes.to_string()),
        from_index("NODE_RANK"),
        from_index("RANK"),
        plain("PET_NNODES", ranks.nodes.to_string()),
        from_index("PET_NODE_RANK"),
        plain("PET_NPROC_PER_NODE", ranks.procs_per_node.to_string()),
        plain("PET_MASTER_ADDR", master),
        plain("PET_MASTER_PORT", ranks.master_port.to_string()),
    ]
}

/// The same variables for a single pod (no Service, no peers): rank 0 of a world of its own
/// processes, reached on `localhost`, so a script written for N pods runs on one.
pub fn single(ranks: Ranks) -> Vec<EnvVar> {
    let plain = |name: &str, value: String| EnvVar {
        name: name.into(),
        value: Some(value),
        value_from: None,
    };
    let port = ranks.master_port.to_string();
    vec![
        plain("MASTER_ADDR", "localhost".into()),
        plain("MASTER_PORT", port.clone()),
        plain("WORLD_SIZE", ranks.procs_per_node.to_string()),
        plain("NNODES", "1".into()),
        plain("NODE_RANK", "0".into()),
        plain("RANK", "0".into()),
        plain("PET_NNODES", "1".into()),
        plain("PET_NODE_RANK", "0".into()),
        plain("PET_NPROC_PER_NODE", ranks.procs_per_node.to_string()),
        plain("PET_MASTER_ADDR", "localhost".into()),
        plain("PET_MASTER_PORT", port),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value<'a>(env: &'a [EnvVar], name: &str) -> &'a EnvVar {
        env.iter().find(|e| e.name == name).expect("set")
    }

    #[test]
    fn world_size_is_nodes_times_processes_and_rank_zero_is_the_master() {
        let ranks = Ranks {
            nodes: 3,
            procs_per_node: 4,
            master_port: 1234,
        };
        let env = env("train", "ml", ranks, IndexSource::JobCompletion);
        assert_eq!(value(&env, "WORLD_SIZE").value.as_deref(), Some("12"));
        assert_eq!(value(&env, "NNODES").value.as_deref(), Some("3"));
        assert_eq!(
            value(&env, "MASTER_ADDR").value.as_deref(),
            Some("train-0.train.ml.svc")
        );
        assert_eq!(
            value(&env, "PET_MASTER_PORT").value.as_deref(),
            Some("1234")
        );
        assert_eq!(
            value(&env, "PET_NPROC_PER_NODE").value.as_deref(),
            Some("4")
        );
    }

    #[test]
    fn ranks_come_from_the_pods_own_index() {
        let ranks = Ranks {
            nodes: 2,
            procs_per_node: 1,
            master_port: DEFAULT_MASTER_PORT,
        };
        for (source, path) in [
            (IndexSource::JobCompletion, "job-completion-index"),
            (IndexSource::StatefulSetPod, "apps.kubernetes.io/pod-index"),
        ] {
            let env = env("x", "ns", ranks, source);
            for name in ["RANK", "NODE_RANK", "PET_NODE_RANK"] {
                let field = value(&env, name)
                    .value_from
                    .as_ref()
                    .and_then(|f| f.field_ref.as_ref())
                    .expect("from a field");
                assert!(
                    field.field_path.contains(path),
                    "{name}: {}",
                    field.field_path
                );
            }
        }
    }
}
