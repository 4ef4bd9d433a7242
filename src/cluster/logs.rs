//! Reading a devserver's container log: the devserver and its pod are read at once, a pod
//! whose container has not started is turned away with where it is (its [`Phase`]) before the
//! kubelet is asked, and the log comes as a stream of bytes as the kubelet sends them. Nothing
//! here prints.

use std::time::Duration;

use futures::AsyncBufRead;
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, LogParams};

use super::Cluster;
use super::devservers::{self, LookupError};
use crate::devserver::manifests::CONTAINER;
use crate::devserver::state::{self, Phase};
use crate::error::{Error, Kind};

/// Which part of the log to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogOptions {
    /// Keep the stream open for new output until the container ends.
    pub follow: bool,
    /// The container's previous run.
    pub previous: bool,
    /// Only output of this last stretch of time.
    pub since: Option<Duration>,
    /// Each line begins with the time the kubelet received it.
    pub timestamps: bool,
    /// Only the last this many lines.
    pub tail: Option<u32>,
}

impl LogOptions {
    fn params(&self) -> LogParams {
        LogParams {
            container: Some(CONTAINER.to_string()),
            follow: self.follow,
            previous: self.previous,
            since_seconds: self
                .since
                .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
            timestamps: self.timestamps,
            tail_lines: self.tail.map(i64::from),
            ..LogParams::default()
        }
    }
}

/// Why [`open`] gave no log.
#[derive(Debug, thiserror::Error)]
pub enum LogsError {
    #[error(transparent)]
    Lookup(LookupError),
    #[error("devserver {name} is stopped: it has no pod, so no log")]
    Stopped { name: String, namespace: String },
    /// Its container has not started (or there is no pod yet): where the pod is instead.
    #[error("devserver {name} has no log yet: pod {pod} is not running ({})", describe(.phase))]
    NotRunning {
        name: String,
        namespace: String,
        pod: String,
        phase: Phase,
    },
    #[error(transparent)]
    Cluster(Error),
}

/// The phase in a few words, with the cluster's own words when it said why.
fn describe(phase: &Phase) -> String {
    match phase {
        Phase::Unschedulable { message } | Phase::Stuck { message, .. } if !message.is_empty() => {
            format!("{}: {}", phase.describe(), message.trim())
        }
        _ => phase.describe().to_string(),
    }
}

impl From<LogsError> for Error {
    fn from(err: LogsError) -> Error {
        let message = err.to_string();
        match err {
            LogsError::Lookup(lookup) => missing(lookup),
            LogsError::Stopped { name, namespace } => Error::general(message).hint(format!(
                "devctl start {name} --wait -n {namespace} starts it"
            )),
            LogsError::NotRunning {
                name, namespace, ..
            } => Error::general(message).hint(format!(
                "devctl events {name} -n {namespace} shows what happened to it"
            )),
            LogsError::Cluster(err) => err,
        }
    }
}

/// A devserver that is not there, as the commands that read one say it (exit 3): with the
/// lookup's hint, and how to make it.
pub(super) fn missing(err: LookupError) -> Error {
    let create = match &err {
        LookupError::NotFound { name, namespace } => {
            Some(format!("devctl create {name} -n {namespace} makes it"))
        }
        _ => None,
    };
    let err = Error::from(err);
    match create {
        Some(hint) if err.kind == Kind::NotFound => err.hint(hint),
        _ => err,
    }
}

/// Where the pod is when its log cannot be read yet: no pod (of this StatefulSet), a pod on no
/// node, or (unless `previous`, which only the kubelet can tell about) a container that has
/// not started. `None`: the kubelet has a log to give.
fn not_readable(pod: Option<&Pod>, previous: bool) -> Option<Phase> {
    let Some(pod) = pod else {
        return Some(Phase::Scheduling);
    };
    let phase = state::phase(pod);
    let on_node = pod.spec.as_ref().and_then(|s| s.node_name.as_ref());
    if on_node.is_none() {
        return Some(phase);
    }
    if previous {
        return None;
    }
    let started = pod
        .status
        .as_ref()
        .and_then(|s| s.container_statuses.as_ref())
        .into_iter()
        .flatten()
        .filter(|c| c.name == CONTAINER)
        .any(|c| {
            let now = c.state.as_ref();
            now.is_some_and(|s| s.running.is_some() || s.terminated.is_some())
                || c.last_state
                    .as_ref()
                    .is_some_and(|s| s.terminated.is_some())
        });
    (!started).then_some(phase)
}

/// The log of devserver `name`'s container, as a stream of bytes: lines as the kubelet sends
/// them, with `follow` until the container ends.
pub async fn open(
    cluster: &Cluster,
    name: &str,
    options: &LogOptions,
) -> Result<impl AsyncBufRead + Unpin + use<>, LogsError> {
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let pod_name = state::pod_name(name);
    let (set, pod) = tokio::join!(devservers::get(cluster, name), pods.get_opt(&pod_name));
    let set = set.map_err(LogsError::Lookup)?;
    super::access::refuse_expired(name, &set).map_err(LogsError::Cluster)?;
    let namespace = cluster.namespace.clone();
    if state::stopped(&set) {
        return Err(LogsError::Stopped {
            name: name.to_string(),
            namespace,
        });
    }
    let pod = pod.map_err(|e| LogsError::Cluster(cluster.error(e)))?;
    // A pod of an earlier devserver of this name (on its way out) is not this one's.
    let uid = set.metadata.uid.as_deref();
    let pod = pod.filter(|p| {
        p.metadata
            .owner_references
            .iter()
            .flatten()
            .any(|o| Some(o.uid.as_str()) == uid)
    });
    if let Some(phase) = not_readable(pod.as_ref(), options.previous) {
        return Err(LogsError::NotRunning {
            name: name.to_string(),
            namespace,
            pod: pod_name,
            phase,
        });
    }
    let stream = pods
        .log_stream(&pod_name, &options.params())
        .await
        .map_err(|e| {
            LogsError::Cluster(
                cluster
                    .error(e)
                    .prefix(&format!("reading the log of pod {pod_name}")),
            )
        })?;
    Ok(Box::pin(stream))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod(spec: serde_json::Value, status: serde_json::Value) -> Pod {
        serde_json::from_value(serde_json::json!({
            "metadata": { "name": "d-0" }, "spec": spec, "status": status,
        }))
        .unwrap()
    }

    fn container(state: serde_json::Value, last: serde_json::Value) -> serde_json::Value {
        serde_json::json!({ "phase": "Running", "containerStatuses": [{
            "name": CONTAINER, "image": "x", "imageID": "", "ready": false, "restartCount": 1,
            "state": state, "lastState": last }] })
    }

    fn on_node() -> serde_json::Value {
        serde_json::json!({ "nodeName": "n", "containers": [] })
    }

    #[test]
    fn the_options_become_the_log_query() {
        let options = LogOptions {
            follow: true,
            previous: true,
            since: Some(Duration::from_secs(600)),
            timestamps: true,
            tail: Some(20),
        };
        let params = options.params();
        assert_eq!(params.container.as_deref(), Some("devserver"));
        assert!(params.follow && params.previous && params.timestamps);
        assert_eq!(params.since_seconds, Some(600));
        assert_eq!(params.tail_lines, Some(20));
        let none = LogOptions::default().params();
        assert_eq!((none.since_seconds, none.tail_lines), (None, None));
    }

    #[test]
    fn a_pod_on_no_node_has_no_log_and_says_why() {
        assert_eq!(not_readable(None, false), Some(Phase::Scheduling));
        let unschedulable = pod(
            serde_json::json!({ "containers": [] }),
            serde_json::json!({ "phase": "Pending", "conditions": [{ "type": "PodScheduled",
                "status": "False", "reason": "Unschedulable", "message": "0/2 nodes: Insufficient cpu" }] }),
        );
        let phase = not_readable(Some(&unschedulable), true).unwrap();
        assert_eq!(
            describe(&phase),
            "no node fits yet: 0/2 nodes: Insufficient cpu"
        );
    }

    #[test]
    fn a_container_that_never_started_has_no_log_but_one_that_ran_has() {
        let pulling = pod(
            on_node(),
            container(
                serde_json::json!({ "waiting": { "reason": "ContainerCreating" } }),
                serde_json::json!({}),
            ),
        );
        assert_eq!(
            not_readable(Some(&pulling), false),
            Some(Phase::PullingImage)
        );
        assert_eq!(
            not_readable(Some(&pulling), true),
            None,
            "the kubelet knows about a previous run"
        );
        let running = pod(
            on_node(),
            container(serde_json::json!({ "running": {} }), serde_json::json!({})),
        );
        assert_eq!(not_readable(Some(&running), false), None);
        let crashing = pod(
            on_node(),
            container(
                serde_json::json!({ "waiting": { "reason": "CrashLoopBackOff" } }),
                serde_json::json!({ "terminated": { "exitCode": 1 } }),
            ),
        );
        assert_eq!(not_readable(Some(&crashing), false), None);
    }

    #[test]
    fn a_missing_devserver_is_not_found_with_how_to_make_it() {
        let err = missing(LookupError::NotFound {
            name: "box".into(),
            namespace: "ns".into(),
        });
        assert_eq!(err.exit_code(), 3);
        assert!(
            err.hints
                .iter()
                .any(|h| h == "devctl create box -n ns makes it"),
            "{:?}",
            err.hints
        );
    }
}
