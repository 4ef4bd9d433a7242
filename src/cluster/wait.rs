//! Waiting on a devserver with watches: until its pod is Ready ([`until_ready`], which reports
//! each phase to the caller and ends early when the pod cannot start), and until its pod and
//! StatefulSet are gone ([`until_deleted`]). Nothing here prints; the command draws.

use std::sync::Mutex;
use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Pod};
use kube::api::{Api, WatchEvent, WatchParams};

use super::Cluster;
use crate::devserver::duration;
use crate::devserver::state::{self, Phase};
use crate::error::{Error, Kind, Result};

/// The pods a wait is for: each pod of `pods` (of devserver `name`) that belongs to the
/// StatefulSet with uid `owner_uid`, is not being deleted, and is none of `replaced_uids` (the
/// ones a restart deleted). A pod of an earlier devserver of the same name never counts.
#[derive(Debug, Clone)]
pub struct ReadyTarget {
    pub name: String,
    /// The devserver's namespace (a `-f` file's may differ from the cluster's).
    pub namespace: String,
    /// The pods to wait for, by name (`NAME-0`, and `NAME-1`... of a multi-node devserver).
    pub pods: Vec<String>,
    pub owner_uid: String,
    pub replaced_uids: Vec<String>,
    /// The resource version of the write that starts the pod (the StatefulSet's create or
    /// scale, the old pod's delete): the watch starts there, so a lagging watch cache cannot
    /// show an older state of the pod. `None`: from the current state.
    pub since: Option<String>,
    /// What the wait ends at.
    pub until: Until,
}

/// Where a wait for a devserver's pod ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    /// sshd answers the readiness probe: for SSH and everything that rides on it.
    Ready,
    /// The container runs (sshd may still be coming): enough for the exec API and logs.
    Running,
}

impl Until {
    pub fn reached(self, phase: &Phase) -> bool {
        match self {
            Until::Ready => *phase == Phase::Ready,
            Until::Running => matches!(phase, Phase::Ready | Phase::WaitingForSshd),
        }
    }
}

impl ReadyTarget {
    /// The pods `0..nodes` of devserver `name`: what create, start and restart wait for.
    pub fn all_pods(name: &str, nodes: u32) -> Vec<String> {
        (0..nodes.max(1))
            .map(|i| state::node_pod_name(name, i))
            .collect()
    }

    fn counts(&self, pod: &Pod) -> bool {
        let owned = pod
            .metadata
            .owner_references
            .iter()
            .flatten()
            .any(|o| o.uid == self.owner_uid);
        owned
            && pod.metadata.deletion_timestamp.is_none()
            && !pod
                .metadata
                .uid
                .as_ref()
                .is_some_and(|uid| self.replaced_uids.contains(uid))
    }
}

/// Why a wait for Ready ended without it.
#[derive(Debug, thiserror::Error)]
pub enum WaitError {
    /// The pod will not start by itself (a scheduling failure, an image that cannot be
    /// pulled, a container that keeps crashing). The devserver is still there.
    #[error("devserver {name} cannot start: {reason}: {message}")]
    Stuck {
        name: String,
        namespace: String,
        reason: String,
        message: String,
    },
    #[error(
        "timed out after {} waiting for devserver {name} to be ready (last phase: {})",
        duration::format(*after),
        last.describe()
    )]
    Timeout {
        name: String,
        namespace: String,
        after: Duration,
        last: Phase,
    },
    #[error(transparent)]
    Cluster(Error),
}

impl From<WaitError> for Error {
    fn from(err: WaitError) -> Error {
        let message = err.to_string();
        match err {
            WaitError::Stuck {
                name, namespace, ..
            } => Error::general(message)
                .hint(format!(
                    "the devserver is kept, so you can read its events: devctl describe {name} -n {namespace}"
                ))
                .hint(format!("to remove it: devctl delete {name} --yes -n {namespace}")),
            WaitError::Timeout {
                name, namespace, ..
            } => Error::new(Kind::Timeout, message).hint(format!(
                "the devserver is kept and may still come up: devctl list -n {namespace}; devctl delete {name} --yes -n {namespace} removes it"
            )),
            WaitError::Cluster(err) => err,
        }
    }
}

/// How long a pod may stay unschedulable before the wait calls it stuck: the scheduler often
/// turns a pod away for a moment (a claim it has not seen yet, one still being bound) and
/// retries at once when that changes.
const UNSCHEDULABLE_GRACE: Duration = Duration::from_secs(20);

/// How often in a row a broken watch is resumed before the wait gives up.
pub(super) const WATCH_RESUMES: u32 = 5;
/// The pause before resuming, times the number of breaks in a row.
pub(super) const RESUME_BACKOFF: Duration = Duration::from_millis(200);

/// Waits until the target's pods are Ready (sshd answers their readiness probes), all at once
/// (a watch each), so that the first pod that cannot start ends the wait, whichever it is;
/// calls `on_phase` with the pod's name whenever the phase of a pod changes. The timeout is
/// for all of them.
pub async fn until_ready(
    cluster: &Cluster,
    target: &ReadyTarget,
    timeout: Duration,
    on_phase: impl FnMut(&str, &Phase),
) -> Result<(), WaitError> {
    let lasts: Vec<Mutex<Phase>> = target
        .pods
        .iter()
        .map(|_| Mutex::new(Phase::Scheduling))
        .collect();
    let on_phase = Mutex::new(on_phase);
    let all =
        futures::future::try_join_all(
            target.pods.iter().zip(&lasts).map(|(pod_name, last)| {
                until_pod_ready(cluster, target, pod_name, last, &on_phase)
            }),
        );
    match tokio::time::timeout(timeout, all).await {
        Ok(outcome) => outcome.map(drop),
        Err(_) => {
            // The phase of the first pod that had not got there.
            let last = lasts
                .iter()
                .map(|l| l.lock().unwrap_or_else(|p| p.into_inner()).clone())
                .find(|phase| !target.until.reached(phase))
                .unwrap_or(Phase::Scheduling);
            Err(WaitError::Timeout {
                name: target.name.clone(),
                namespace: target.namespace.clone(),
                after: timeout,
                last,
            })
        }
    }
}

/// Waits until the target's pod `pod_name` is Ready; `last` is its latest phase.
async fn until_pod_ready<F: FnMut(&str, &Phase)>(
    cluster: &Cluster,
    target: &ReadyTarget,
    pod_name: &str,
    last: &Mutex<Phase>,
    on_phase: &Mutex<F>,
) -> Result<(), WaitError> {
    let report = |phase: &Phase| {
        (on_phase.lock().unwrap_or_else(|p| p.into_inner()))(pod_name, phase);
        *last.lock().unwrap_or_else(|p| p.into_inner()) = phase.clone();
    };
    let name = &target.name;
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &target.namespace);
    let mut current = Phase::Scheduling;
    report(&current);
    let watch = async {
        // Resource version "0": the current pod (if any) arrives first, then every change.
        let mut version = target.since.clone().unwrap_or_else(|| "0".to_string());
        // Breaks in a row; whether a watch was ever open (a first open that fails is final).
        let mut broken = 0;
        let mut opened = false;
        // Since when the pod has been unschedulable without a break.
        let mut unschedulable_since: Option<std::time::Instant> = None;
        'rewatch: loop {
            let params = WatchParams::default().fields(&format!("metadata.name={pod_name}"));
            let failure = 'watch: {
                let mut events = match pods.watch(&params, &version).await {
                    Ok(events) => events.boxed(),
                    Err(e) => break 'watch e,
                };
                opened = true;
                let mut quiet = true;
                loop {
                    let next = match (unschedulable_since, &current) {
                        (Some(since), Phase::Unschedulable { message }) => {
                            let left = UNSCHEDULABLE_GRACE.saturating_sub(since.elapsed());
                            match tokio::time::timeout(left, events.try_next()).await {
                                Ok(next) => next,
                                Err(_) => {
                                    return Err(WaitError::Stuck {
                                        name: name.clone(),
                                        namespace: target.namespace.clone(),
                                        reason: "FailedScheduling".into(),
                                        message: message.clone(),
                                    });
                                }
                            }
                        }
                        _ => events.try_next().await,
                    };
                    let event = match next {
                        Ok(Some(event)) => event,
                        // The server ends watches after a while: watch on (after a pause if
                        // this one brought nothing, so that a proxy that keeps closing them
                        // is not asked again and again at once).
                        Ok(None) => {
                            if quiet {
                                tokio::time::sleep(RESUME_BACKOFF).await;
                            }
                            break;
                        }
                        Err(e) => break 'watch e,
                    };
                    quiet = false;
                    broken = 0;
                    let pod = match event {
                        WatchEvent::Added(p) | WatchEvent::Modified(p) => p,
                        WatchEvent::Deleted(p) => {
                            version = p.metadata.resource_version.clone().unwrap_or(version);
                            p
                        }
                        WatchEvent::Bookmark(b) => {
                            version = b.metadata.resource_version;
                            continue;
                        }
                        // Too old a version: start over from the current state. Any other
                        // error is the server's answer, and final.
                        WatchEvent::Error(status) if status.code == 410 => {
                            version = "0".into();
                            break;
                        }
                        WatchEvent::Error(status) => break 'watch kube::Error::Api(status),
                    };
                    version = pod.metadata.resource_version.clone().unwrap_or(version);
                    // The previous pod of this name, or one on its way out, is not the one
                    // we wait for: the new one is still to come.
                    let now = if target.counts(&pod) {
                        state::phase(&pod)
                    } else {
                        Phase::Scheduling
                    };
                    if now != current {
                        report(&now);
                    }
                    match &now {
                        Phase::Unschedulable { .. } => {
                            unschedulable_since.get_or_insert_with(std::time::Instant::now);
                        }
                        _ => unschedulable_since = None,
                    }
                    match now {
                        now if target.until.reached(&now) => return Ok(()),
                        Phase::Stuck { reason, message } => {
                            return Err(WaitError::Stuck {
                                name: name.clone(),
                                namespace: target.namespace.clone(),
                                reason,
                                message,
                            });
                        }
                        other => current = other,
                    }
                }
                // The stream ended, or its version was too old: watch again.
                continue 'rewatch;
            };
            // The API server's answer (after the client's own retries) is final; a connection
            // that broke, or does not come back at once (a restarted API server or load
            // balancer), is tried again from the last version seen, a few times in a row.
            if matches!(failure, kube::Error::Api(_)) || !opened || broken >= WATCH_RESUMES {
                return Err(WaitError::Cluster(cluster.error(failure)));
            }
            broken += 1;
            tokio::time::sleep(RESUME_BACKOFF * broken).await;
        }
    };
    watch.await
}

/// Waits until the pod with uid `pod_uid` (if there was one), the StatefulSet with uid
/// `set_uid` and a purged home claim (`claim_uid`) no longer exist, so that a devserver of
/// the same name can be made at once.
pub async fn until_deleted(
    cluster: &Cluster,
    name: &str,
    set_uid: &str,
    pod_uid: Option<&str>,
    claims_purged: &[(String, String)],
    timeout: Duration,
) -> Result<()> {
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let sets: Api<StatefulSet> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let claims: Api<PersistentVolumeClaim> =
        Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let pod_name = state::pod_name(name);
    let pod_gone = async {
        match pod_uid {
            Some(uid) => gone(pods, &pod_name, uid).await,
            None => Ok(()),
        }
    };
    // A purged home volume (name, uid) goes once no pod uses it (its protection finalizer).
    let claim_gone = async {
        futures::future::try_join_all(
            claims_purged
                .iter()
                .map(|(claim, uid)| gone(claims.clone(), claim, uid)),
        )
        .await
    };
    let set_gone = gone(sets, name, set_uid);
    let both = async { tokio::try_join!(pod_gone, set_gone, claim_gone).map(drop) };
    match tokio::time::timeout(timeout, both).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => {
            Err(watch_error(cluster, e)
                .prefix(&format!("waiting for devserver {name} to be deleted")))
        }
        Err(_) => Err(Error::new(
            Kind::Timeout,
            format!(
                "timed out after {} waiting for devserver {name} to be deleted",
                duration::format(timeout)
            ),
        )
        .hint("it is on its way out: devctl list shows when it is gone")),
    }
}

/// Waits until the object `name` with uid `uid` no longer exists (gone, or replaced by one
/// with another uid). A watch that breaks (a dropped connection, a restarted API server, a
/// resource version too old) is opened again a few times in a row, as [`until_ready`]'s is;
/// the API server's refusal is final.
async fn gone<K>(
    api: Api<K>,
    name: &str,
    uid: &str,
) -> std::result::Result<(), kube::runtime::watcher::Error>
where
    K: kube::Resource + Clone + std::fmt::Debug + serde::de::DeserializeOwned + Send + 'static,
{
    use kube::runtime::watcher::{self, Error as Watch};
    let mut broken = 0;
    loop {
        let events = watcher::watch_object(api.clone(), name);
        futures::pin_mut!(events);
        let failure = loop {
            match events.try_next().await {
                Ok(Some(Some(object))) if object.meta().uid.as_deref() == Some(uid) => broken = 0,
                Ok(Some(_)) => return Ok(()),
                Ok(None) => break None,
                Err(e) => break Some(e),
            }
        };
        let Some(failure) = failure else { continue };
        let transient = match &failure {
            Watch::WatchError(status) => status.code == 410,
            Watch::InitialListFailed(e) | Watch::WatchStartFailed(e) | Watch::WatchFailed(e) => {
                !matches!(e, kube::Error::Api(_))
            }
            Watch::NoResourceVersion => false,
        };
        if !transient || broken >= WATCH_RESUMES {
            return Err(failure);
        }
        broken += 1;
        tracing::debug!("watch of {name} broke ({failure}); resuming");
        tokio::time::sleep(RESUME_BACKOFF * broken).await;
    }
}

/// A failed watch as the user sees it: the API server's refusal keeps its exit code (a 403
/// is 5), like any other request's.
pub(super) fn watch_error(cluster: &Cluster, watch: kube::runtime::watcher::Error) -> Error {
    use kube::runtime::watcher::Error as Watch;
    match watch {
        Watch::InitialListFailed(e) | Watch::WatchStartFailed(e) | Watch::WatchFailed(e) => {
            cluster.error(e)
        }
        Watch::WatchError(status) => cluster.error(kube::Error::Api(status)),
        other => Error::general(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod(owner: &str, uid: &str, deleting: bool) -> Pod {
        let mut meta = serde_json::json!({ "name": "d-0", "uid": uid, "ownerReferences": [{
            "apiVersion": "apps/v1", "kind": "StatefulSet", "name": "d", "uid": owner }] });
        if deleting {
            meta["deletionTimestamp"] = "2026-11-25T10:00:00Z".into();
        }
        serde_json::from_value(serde_json::json!({ "metadata": meta })).unwrap()
    }

    #[test]
    fn only_a_live_pod_of_this_statefulset_that_was_not_replaced_counts() {
        let target = ReadyTarget {
            name: "d".into(),
            namespace: "ns".into(),
            pods: vec!["d-0".into()],
            owner_uid: "set-2".into(),
            replaced_uids: vec!["pod-1".into()],
            since: None,
            until: Until::Ready,
        };
        assert!(target.counts(&pod("set-2", "pod-2", false)));
        assert!(
            !target.counts(&pod("set-1", "pod-0", false)),
            "a pod of an earlier devserver of the same name"
        );
        assert!(
            !target.counts(&pod("set-2", "pod-2", true)),
            "on its way out"
        );
        assert!(
            !target.counts(&pod("set-2", "pod-1", false)),
            "the pod restart deleted"
        );
    }
}
