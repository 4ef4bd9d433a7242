//! Cluster calls that several commands share: who the user is, which flavors the cluster
//! offers, and reading devservers (StatefulSets and their pods) back: one lookup of a
//! devserver by name ([`get`]) with typed reasons when there is none.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::authentication::v1::SelfSubjectReview;
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Pod};
use kube::api::{
    Api, ApiResource, DeleteParams, DynamicObject, GroupVersionKind, ListParams, PostParams,
    Preconditions,
};

use super::Cluster;
use crate::devserver::flavor::{self, Flavor};
use crate::devserver::manifests::{INSTANCE, MANAGED_BY, NAME_LABEL};
use crate::devserver::state;
use crate::error::{Error, Kind, Result};

/// The user name the cluster sees (SelfSubjectReview); `None` on servers without it.
pub async fn whoami(cluster: &Cluster) -> Result<Option<(String, Vec<String>)>> {
    let api = Api::<SelfSubjectReview>::all(cluster.client.clone());
    match api
        .create(&PostParams::default(), &SelfSubjectReview::default())
        .await
    {
        Ok(review) => Ok(review
            .status
            .and_then(|s| s.user_info)
            .map(|u| (u.username.unwrap_or_default(), u.groups.unwrap_or_default()))),
        Err(kube::Error::Api(status)) if status.code == 404 => Ok(None),
        Err(err) => {
            let err = cluster.error(err);
            match err.kind {
                Kind::Unreachable | Kind::Timeout => Err(err),
                // A 401 shows up on every call; the caller's next request reports it.
                _ => Ok(None),
            }
        }
    }
}

/// Where flavors came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlavorSource {
    Cluster,
    BuiltIn,
    /// The user may not read DevServerFlavor objects.
    BuiltInForbidden,
}

fn flavor_resource() -> ApiResource {
    ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk("devserver.io", "v1", "DevServerFlavor"),
        "devserverflavors",
    )
}

/// The cluster's `DevServerFlavor` objects, or the built-in flavors when the CRD is not
/// installed (404) or there are none.
pub async fn flavors(cluster: &Cluster) -> Result<(Vec<Flavor>, FlavorSource)> {
    let api: Api<DynamicObject> = Api::all_with(cluster.client.clone(), &flavor_resource());
    let list = match api.list(&ListParams::default()).await {
        Ok(list) => list,
        Err(kube::Error::Api(status)) if status.code == 404 => {
            return Ok((flavor::builtin(), FlavorSource::BuiltIn));
        }
        // Without the right to read flavors, the built-in ones are all we can offer; an
        // unknown --flavor still fails, naming what is available.
        Err(kube::Error::Api(status)) if status.code == 403 => {
            return Ok((flavor::builtin(), FlavorSource::BuiltInForbidden));
        }
        Err(err) => return Err(cluster.error(err)),
    };
    if list.items.is_empty() {
        return Ok((flavor::builtin(), FlavorSource::BuiltIn));
    }
    let mut flavors = Vec::new();
    for item in list.items {
        let name = item.metadata.name.clone().unwrap_or_default();
        let spec = item.data.get("spec").cloned().unwrap_or_default();
        let mut flavor: Flavor = serde_json::from_value(spec).map_err(|e| {
            Error::general(format!("DevServerFlavor {name:?} is malformed: {e}"))
                .hint("ask a cluster admin to fix it (kubectl edit devserverflavor NAME)")
        })?;
        flavor.name = name;
        flavors.push(flavor);
    }
    Ok((flavors, FlavorSource::Cluster))
}

/// The selector of every object devctl manages as a devserver.
pub fn managed_selector() -> String {
    format!("{MANAGED_BY}=devctl,{NAME_LABEL}=devserver")
}

/// Devservers and their pods, listed concurrently: one request each, whatever their number.
pub async fn list(
    cluster: &Cluster,
    all_namespaces: bool,
    extra_selector: Option<&str>,
) -> Result<(Vec<StatefulSet>, BTreeMap<(String, String), Pod>)> {
    let mut selector = managed_selector();
    if let Some(extra) = extra_selector {
        selector = format!("{selector},{extra}");
    }
    let params = ListParams::default().labels(&selector);
    let (sets, pods): (Api<StatefulSet>, Api<Pod>) = if all_namespaces {
        (
            Api::all(cluster.client.clone()),
            Api::all(cluster.client.clone()),
        )
    } else {
        (
            Api::namespaced(cluster.client.clone(), &cluster.namespace),
            Api::namespaced(cluster.client.clone(), &cluster.namespace),
        )
    };
    let (sets, pods) =
        tokio::try_join!(sets.list(&params), pods.list(&params)).map_err(|e| cluster.error(e))?;
    let pods = pods
        .items
        .into_iter()
        .map(|p| {
            let key = (
                p.metadata.namespace.clone().unwrap_or_default(),
                p.metadata.name.clone().unwrap_or_default(),
            );
            (key, p)
        })
        .collect();
    Ok((sets.items, pods))
}

/// Why [`get`] found no devserver.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    #[error("devserver {name} not found in namespace {namespace}")]
    NotFound { name: String, namespace: String },
    /// A StatefulSet of that name that devctl did not make (no managed-by=devctl label).
    #[error("statefulset {name} exists but devctl did not create it")]
    NotDevctl { name: String, namespace: String },
    #[error(transparent)]
    Cluster(Error),
}

impl From<LookupError> for Error {
    fn from(err: LookupError) -> Error {
        let message = err.to_string();
        match err {
            LookupError::NotFound { .. } => {
                Error::new(Kind::NotFound, message).hint("devctl list shows your devservers")
            }
            LookupError::NotDevctl { name, namespace } => Error::new(Kind::NotFound, message)
                .hint(format!("kubectl get statefulset {name} -n {namespace}")),
            LookupError::Cluster(err) => err,
        }
    }
}

fn made_by_devctl(meta: &kube::api::ObjectMeta) -> bool {
    meta.labels
        .as_ref()
        .and_then(|l| l.get(MANAGED_BY))
        .is_some_and(|v| v == "devctl")
}

/// The devserver `name` in the cluster's namespace: its StatefulSet. The one lookup of every
/// command that acts on an existing devserver.
pub async fn get(cluster: &Cluster, name: &str) -> Result<StatefulSet, LookupError> {
    let sets: Api<StatefulSet> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let found = sets
        .get_opt(name)
        .await
        .map_err(|e| LookupError::Cluster(cluster.error(e)))?;
    let (name, namespace) = (name.to_string(), cluster.namespace.clone());
    match found {
        Some(set) if made_by_devctl(&set.metadata) => Ok(set),
        Some(_) => Err(LookupError::NotDevctl { name, namespace }),
        None => Err(LookupError::NotFound { name, namespace }),
    }
}

/// The home volume claim that a deleted devserver `name` left behind, when devctl made it.
pub async fn leftover_home(cluster: &Cluster, name: &str) -> Result<Option<PersistentVolumeClaim>> {
    let claims: Api<PersistentVolumeClaim> =
        Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let claim = claims
        .get_opt(&state::home_claim(name))
        .await
        .map_err(|e| cluster.error(e))?;
    Ok(claim.filter(|c| {
        made_by_devctl(&c.metadata)
            && c.metadata
                .labels
                .as_ref()
                .and_then(|l| l.get(INSTANCE))
                .is_some_and(|v| v == name)
    }))
}

/// Why [`delete_unchanged`] did not delete.
#[derive(Debug, thiserror::Error)]
pub enum DeleteError {
    /// The StatefulSet changed (or was replaced) since it was read: someone acted on it.
    #[error("it changed since it was read")]
    Changed,
    #[error(transparent)]
    Cluster(Error),
}

/// Deletes the StatefulSet `set` only as it was read: same uid, same resourceVersion. A
/// change in between (an `extend`) wins. `Ok(false)` when it is already gone.
pub async fn delete_unchanged(cluster: &Cluster, set: &StatefulSet) -> Result<bool, DeleteError> {
    let namespace = set
        .metadata
        .namespace
        .clone()
        .unwrap_or_else(|| cluster.namespace.clone());
    let name = set.metadata.name.clone().unwrap_or_default();
    let sets: Api<StatefulSet> = Api::namespaced(cluster.client.clone(), &namespace);
    let params = DeleteParams {
        preconditions: Some(Preconditions {
            uid: set.metadata.uid.clone(),
            resource_version: set.metadata.resource_version.clone(),
        }),
        ..DeleteParams::background()
    };
    match sets.delete(&name, &params).await {
        Ok(_) => Ok(true),
        Err(kube::Error::Api(s)) if s.code == 404 => Ok(false),
        Err(kube::Error::Api(s)) if s.code == 409 => Err(DeleteError::Changed),
        Err(e) => Err(DeleteError::Cluster(cluster.error(e))),
    }
}
