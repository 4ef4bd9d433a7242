//! Waiting for a devserver's pod with one watch: the spinner names the phase (scheduling,
//! pulling the image, starting, waiting for sshd) and the elapsed time; a scheduling failure
//! or an image that cannot be pulled ends the wait early with the cluster's own message.

use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, WatchEvent, WatchParams};

use super::Cluster;
use crate::error::{Error, Kind, Result};
use crate::output::Printer;

/// Where a pod is on its way to Ready.
#[derive(Debug, PartialEq)]
pub enum Phase {
    Scheduling,
    PullingImage,
    Starting,
    WaitingForSshd,
    Ready,
    /// It will not get there by itself: the reason and the cluster's message.
    Stuck(String, String),
}

impl Phase {
    fn describe(&self) -> &str {
        match self {
            Phase::Scheduling => "scheduling",
            Phase::PullingImage => "pulling image",
            Phase::Starting => "starting",
            Phase::WaitingForSshd => "waiting for sshd",
            Phase::Ready => "ready",
            Phase::Stuck(reason, _) => reason,
        }
    }
}

pub fn phase(pod: &Pod) -> Phase {
    let Some(status) = pod.status.as_ref() else {
        return Phase::Scheduling;
    };
    let conditions = status.conditions.as_deref().unwrap_or_default();
    let condition = |t: &str| conditions.iter().find(|c| c.type_ == t);
    if let Some(c) = condition("PodScheduled").filter(|c| c.status == "False") {
        // Claims of the pod that are still being bound make it unschedulable for a moment;
        // the scheduler retries once they are bound.
        let message = c.message.as_deref().unwrap_or_default();
        if c.reason.as_deref() == Some("Unschedulable")
            && !message.contains("unbound immediate PersistentVolumeClaims")
        {
            return Phase::Stuck(
                "FailedScheduling".into(),
                c.message.clone().unwrap_or_default(),
            );
        }
        return Phase::Scheduling;
    }
    if pod
        .spec
        .as_ref()
        .and_then(|s| s.node_name.as_ref())
        .is_none()
    {
        return Phase::Scheduling;
    }
    for c in status.container_statuses.iter().flatten() {
        if let Some(w) = c.state.as_ref().and_then(|s| s.waiting.as_ref()) {
            let reason = w.reason.clone().unwrap_or_default();
            if [
                "ErrImagePull",
                "ImagePullBackOff",
                "InvalidImageName",
                "CrashLoopBackOff",
            ]
            .contains(&reason.as_str())
            {
                return Phase::Stuck(reason, w.message.clone().unwrap_or_default());
            }
            return Phase::PullingImage;
        }
    }
    if condition("Ready").is_some_and(|c| c.status == "True") {
        return Phase::Ready;
    }
    if status.phase.as_deref() == Some("Running") {
        return Phase::WaitingForSshd;
    }
    Phase::Starting
}

/// How often in a row a broken watch is resumed before the wait gives up.
const WATCH_RESUMES: u32 = 5;
/// The pause before resuming, times the number of breaks in a row.
const RESUME_BACKOFF: Duration = Duration::from_millis(200);

/// Waits until the devserver's pod is Ready (sshd answers its readiness probe).
pub async fn until_ready(
    cluster: &Cluster,
    name: &str,
    timeout: Duration,
    printer: &Printer,
) -> Result<()> {
    let pod_name = format!("{name}-0");
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let spinner = printer.spinner(&format!("{name}: scheduling"));
    let mut last = Phase::Scheduling;
    let watch = async {
        // Resource version "0": the current pod (if any) arrives first, then every change.
        let mut version = "0".to_string();
        // Breaks in a row; whether a watch was ever open (a first open that fails is final).
        let mut broken = 0;
        let mut opened = false;
        'rewatch: loop {
            let params = WatchParams::default().fields(&format!("metadata.name={pod_name}"));
            let failure = 'watch: {
                let mut events = match pods.watch(&params, &version).await {
                    Ok(events) => events.boxed(),
                    Err(e) => break 'watch e,
                };
                opened = true;
                loop {
                    let event = match events.try_next().await {
                        Ok(Some(event)) => event,
                        // The server ends watches after a while: watch on.
                        Ok(None) => break,
                        Err(e) => break 'watch e,
                    };
                    broken = 0;
                    let pod = match event {
                        WatchEvent::Added(p) | WatchEvent::Modified(p) => p,
                        WatchEvent::Deleted(_) => {
                            last = Phase::Scheduling;
                            continue;
                        }
                        WatchEvent::Bookmark(b) => {
                            version = b.metadata.resource_version;
                            continue;
                        }
                        // Too old a version: start over from the current state.
                        WatchEvent::Error(_) => {
                            version = "0".into();
                            break;
                        }
                    };
                    version = pod.metadata.resource_version.clone().unwrap_or(version);
                    let now = phase(&pod);
                    if now != last {
                        printer.debug(1, &format!("{name}: {}", now.describe()));
                        spinner.set_message(format!("{name}: {}", now.describe()));
                    }
                    match now {
                        Phase::Ready => return Ok(()),
                        Phase::Stuck(reason, message) => {
                            return Err(Error::general(format!(
                            "devserver {name} cannot start: {reason}: {message}"
                        ))
                        .hint(format!(
                            "devctl describe {name} shows its events; devctl delete {name} removes it"
                        )));
                        }
                        other => last = other,
                    }
                }
                // The stream ended, or its version was too old: watch again.
                continue 'rewatch;
            };
            // The API server's answer (after the client's own retries) is final; a connection
            // that broke, or does not come back at once (a restarted API server or load
            // balancer), is tried again from the last version seen, a few times in a row.
            if matches!(failure, kube::Error::Api(_)) || !opened || broken >= WATCH_RESUMES {
                return Err(cluster.error(failure));
            }
            broken += 1;
            printer.debug(
                1,
                &format!("watch of pod {pod_name} broke ({failure}); resuming"),
            );
            tokio::time::sleep(RESUME_BACKOFF * broken).await;
        }
    };
    let result = tokio::time::timeout(timeout, watch).await;
    spinner.finish_and_clear();
    match result {
        Ok(outcome) => outcome,
        Err(_) => Err(Error::new(
            Kind::Timeout,
            format!(
                "timed out after {} waiting for devserver {name} to be ready (last phase: {})",
                crate::devserver::duration::format(timeout),
                last.describe()
            ),
        )
        .hint("it may still come up: devctl list; or wait longer with --timeout")),
    }
}
