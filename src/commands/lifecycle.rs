//! `stop`, `start`, `restart` and `extend`: small changes to one devserver. The home volume
//! survives all of them.

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::jiff::{SignedDuration, Timestamp};
use kube::api::{Api, DeleteParams, Patch, PatchParams};

use super::{Context, ExitStatus};
use crate::cluster::Cluster;
use crate::devserver::manifests::MANAGED_BY;
use crate::devserver::{duration, input, state};
use crate::error::{Error, Kind, Result};

/// What to do to the devserver.
pub enum Change {
    Stop,
    Start,
    Restart,
    Extend(String),
}

pub async fn run(ctx: &Context<'_>, name: &str, change: Change) -> Result<ExitStatus> {
    let printer = ctx.printer;
    input::check_name(name).map_err(Error::usage)?;
    let extend_by = match &change {
        Change::Extend(ttl) => {
            Some(duration::parse(ttl).map_err(|e| Error::usage(format!("--ttl: {e}")))?)
        }
        _ => None,
    };
    let cluster = ctx.cluster().await?;
    let set = get_devserver(cluster, name).await?;
    let sets: Api<StatefulSet> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let patch = |body: serde_json::Value| async {
        sets.patch(name, &PatchParams::default(), &Patch::Merge(body))
            .await
            .map_err(|e| cluster.error(e))
    };
    match change {
        Change::Stop => {
            patch(serde_json::json!({ "spec": { "replicas": 0 } })).await?;
            let kept = if state::has_home(&set) {
                "; its home volume is kept"
            } else {
                ""
            };
            printer.info(&format!(
                "devserver {name} stopped{kept} (devctl start {name})"
            ));
        }
        Change::Start => {
            patch(serde_json::json!({ "spec": { "replicas": 1 } })).await?;
            printer.info(&format!("devserver {name} starting"));
        }
        Change::Restart => {
            let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
            match pods
                .delete(&format!("{name}-0"), &DeleteParams::default())
                .await
            {
                Ok(_) => printer.info(&format!("devserver {name} restarting")),
                Err(kube::Error::Api(s)) if s.code == 404 => {
                    return Err(
                        Error::general(format!("devserver {name} has no pod to restart"))
                            .hint(format!("it may be stopped: devctl start {name}")),
                    );
                }
                Err(e) => return Err(cluster.error(e)),
            }
        }
        Change::Extend(_) => {
            let by = extend_by.unwrap_or_default();
            let now = Timestamp::now();
            let base = state::expires_at(&set).filter(|t| *t > now).unwrap_or(now);
            let until = base
                .checked_add(SignedDuration::from_secs(by.as_secs() as i64))
                .map_err(|e| Error::usage(format!("--ttl: {e}")))?;
            let stamp = until.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
            patch(serde_json::json!({ "metadata": { "annotations": { "devserver.io/expires-at": stamp } } })).await?;
            printer.info(&format!(
                "devserver {name} now expires at {stamp} ({})",
                state::relative(until, now)
            ));
        }
    }
    Ok(0)
}

/// The devserver's StatefulSet; a StatefulSet devctl did not make is not one.
pub async fn get_devserver(cluster: &Cluster, name: &str) -> Result<StatefulSet> {
    let sets: Api<StatefulSet> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    match sets.get_opt(name).await.map_err(|e| cluster.error(e))? {
        Some(set)
            if set
                .metadata
                .labels
                .as_ref()
                .and_then(|l| l.get(MANAGED_BY))
                .map(String::as_str)
                == Some("devctl") =>
        {
            Ok(set)
        }
        _ => Err(Error::new(
            Kind::NotFound,
            format!(
                "devserver {name} not found in namespace {}",
                cluster.namespace
            ),
        )
        .hint("devctl list shows your devservers")),
    }
}
