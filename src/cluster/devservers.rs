//! Cluster calls that several commands share: who the user is, which flavors the cluster
//! offers, and reading devservers (StatefulSets and their pods) back.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::authentication::v1::SelfSubjectReview;
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, ApiResource, DynamicObject, GroupVersionKind, ListParams, PostParams};

use super::Cluster;
use crate::devserver::flavor::{self, Flavor};
use crate::devserver::manifests::{MANAGED_BY, NAME_LABEL};
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
