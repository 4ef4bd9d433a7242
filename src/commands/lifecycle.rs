//! `stop`, `start`, `restart` and `extend`: small changes to one devserver. The home volume
//! survives all of them. `start --wait` and `restart --wait` wait for the pod to be Ready.
//!
//! `-o json`/`-o yaml`: one `DevServerChange` document (see `change`), `action` `stopped`,
//! `started`, `restarted` or `extended`; `-o name`: `devserver/NAME`. `-o wide` is refused.

use std::time::Duration;

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::jiff::{SignedDuration, Timestamp};
use kube::api::{Api, DeleteParams, Patch, PatchParams};

use super::change::{self, DevServerChange, FORMATS, HomeVolume};
use super::{Context, ExitStatus};
use crate::cluster::devservers;
use crate::cluster::wait::ReadyTarget;
use crate::devserver::flavor;
use crate::devserver::{duration, input, state};
use crate::error::{Error, Result};

/// What to do to the devserver.
pub enum Change {
    Stop,
    /// Start, then wait this long for Ready when `Some`.
    Start(Option<Duration>),
    Restart(Option<Duration>),
    Extend(String),
}

pub async fn run(ctx: &Context<'_>, name: &str, change: Change) -> Result<ExitStatus> {
    let printer = ctx.printer;
    let command = match change {
        Change::Stop => "stop",
        Change::Start(_) => "start",
        Change::Restart(_) => "restart",
        Change::Extend(_) => "extend",
    };
    printer.accept(command, &FORMATS)?;
    input::check_name(name).map_err(Error::usage)?;
    let extend_by = match &change {
        Change::Extend(ttl) => {
            Some(duration::parse(ttl).map_err(|e| Error::usage(format!("--ttl: {e}")))?)
        }
        _ => None,
    };
    let cluster = ctx.cluster().await?;
    // extend checks the flavor's maxTtl: the flavors are read with the devserver.
    let (set, flavors) = match change {
        Change::Extend(_) => {
            let (set, flavors) =
                tokio::join!(devservers::get(cluster, name), devservers::flavors(cluster));
            let (set, flavors) = (set?, flavors?);
            (set, Some(flavors))
        }
        _ => (devservers::get(cluster, name).await?, None),
    };
    let ns = &cluster.namespace;
    let sets: Api<StatefulSet> = Api::namespaced(cluster.client.clone(), ns);
    let patch = |body: serde_json::Value| async {
        sets.patch(name, &PatchParams::default(), &Patch::Merge(body))
            .await
            .map_err(|e| cluster.error(e))
    };
    // A multi-node devserver runs on all its pods (the annotation create wrote).
    let nodes = state::nodes(&set);
    let target = |replaced_uids: Vec<String>, since: Option<String>| ReadyTarget {
        name: name.to_string(),
        namespace: cluster.namespace.clone(),
        pods: ReadyTarget::all_pods(name, nodes),
        owner_uid: set.metadata.uid.clone().unwrap_or_default(),
        replaced_uids,
        since,
        until: crate::cluster::wait::Until::Ready,
    };
    let replicas = set.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1);
    let done = match change {
        Change::Stop => {
            let set = patch(serde_json::json!({ "spec": { "replicas": 0 } })).await?;
            let mut done = DevServerChange::new(&set, ns, "stopped");
            let kept = if state::has_home(&set) {
                done.home_volume = Some(HomeVolume {
                    claim: state::home_claim(name),
                    action: "kept",
                });
                "; its home volume is kept"
            } else {
                ""
            };
            printer.info(&format!(
                "devserver {name} stopped{kept} (devctl start {name})"
            ));
            done
        }
        Change::Start(wait) => {
            let started = patch(serde_json::json!({ "spec": { "replicas": nodes } })).await?;
            printer.info(&format!("devserver {name} starting"));
            if let Some(timeout) = wait {
                // A stopped devserver's new pod comes after the scale-up; a running one's pod
                // is there already, so the watch starts from the current state.
                let since = (replicas == 0)
                    .then(|| started.metadata.resource_version.clone())
                    .flatten();
                super::wait_until_ready(cluster, printer, &target(Vec::new(), since), timeout)
                    .await?;
                printer.info(&format!("devserver {name} is ready"));
            }
            DevServerChange::new(&started, ns, "started")
        }
        Change::Restart(wait) => {
            if replicas == 0 {
                // Deleting a stopped devserver's last pod would make no new one.
                return Err(Error::general(format!(
                    "devserver {name} is stopped: nothing to restart"
                ))
                .hint(format!("devctl start {name} starts it")));
            }
            let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), ns);
            // Every pod of a multi-node devserver, all at once.
            let deletes = (0..nodes).map(|node| {
                let pods = pods.clone();
                async move {
                    let pod = state::node_pod_name(name, node);
                    match pods.delete(&pod, &DeleteParams::default()).await {
                        Ok(deleted) => Ok(deleted.left()),
                        // No pod yet (just started, or just recreated): the one coming is
                        // new anyway.
                        Err(kube::Error::Api(s)) if s.code == 404 => Ok(None),
                        Err(e) => Err(cluster.error(e)),
                    }
                }
            });
            let deleted: Vec<Pod> = futures::future::try_join_all(deletes)
                .await?
                .into_iter()
                .flatten()
                .collect();
            printer.info(&format!("devserver {name} restarting"));
            if let Some(timeout) = wait {
                // The deletes answer with the pods on their way out: any other pod of this
                // StatefulSet is a new one, and it comes after the first of those deletes.
                let replaced = deleted.iter().filter_map(|pod| pod.metadata.uid.clone());
                let since = deleted
                    .iter()
                    .filter_map(|pod| pod.metadata.resource_version.as_deref())
                    .min_by_key(|version| version.parse::<u64>().unwrap_or(u64::MAX))
                    .map(str::to_string);
                super::wait_until_ready(
                    cluster,
                    printer,
                    &target(replaced.collect(), since),
                    timeout,
                )
                .await?;
                printer.info(&format!("devserver {name} is ready"));
            }
            DevServerChange::new(&set, ns, "restarted")
        }
        Change::Extend(_) => {
            let by = extend_by.unwrap_or_default();
            let now = Timestamp::now();
            let base = state::expires_at(&set).filter(|t| *t > now).unwrap_or(now);
            let until = i64::try_from(by.as_secs())
                .ok()
                .and_then(|secs| base.checked_add(SignedDuration::from_secs(secs)).ok())
                .ok_or_else(|| {
                    Error::usage(format!("--ttl: {} is too long", duration::format(by)))
                })?;
            if let Some((flavors, source)) = &flavors {
                if *source == devservers::FlavorSource::BuiltInForbidden {
                    printer.warn("you may not read the cluster's DevServerFlavors; the flavor's maxTtl is not checked");
                }
                let named = state::annotation(&set, "devserver.io/flavor").unwrap_or_default();
                match flavors.iter().find(|f| f.name == named) {
                    Some(flavor) => flavor::check_extension(flavor, until.duration_since(now))
                        .map_err(|e| {
                            Error::usage(format!(
                                "--ttl {}: devserver {name} {e}",
                                duration::format(by)
                            ))
                        })?,
                    None if *source == devservers::FlavorSource::Cluster => printer.warn(&format!(
                        "flavor {named:?} of devserver {name} no longer exists; no maxTtl is checked"
                    )),
                    None => {}
                }
            }
            let stamp = until.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
            let set = patch(serde_json::json!({ "metadata": { "annotations": { "devserver.io/expires-at": stamp } } })).await?;
            printer.info(&format!(
                "devserver {name} now expires at {stamp} ({})",
                state::relative(until, now)
            ));
            DevServerChange::new(&set, ns, "extended")
        }
    };
    change::print(printer, &done)?;
    Ok(0)
}
