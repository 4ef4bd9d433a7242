//! What the nodes offer now: the nodes, and what the pods bound to them request, each listed
//! once (from the API server's watch cache) and concurrently. Reading them is optional: a user
//! who may not list nodes gets an Unknown hint, never an error.

use k8s_openapi::api::core::v1::{Node, Pod};
use kube::api::{Api, ListParams};

use super::Cluster;
use crate::devserver::schedule::{self, Hint, Usage, Wants};
use crate::error::Result;

/// The nodes, or why they could not be read; the pods' usage, unless they could not be.
pub struct Capacity {
    pub nodes: std::result::Result<Vec<Node>, String>,
    pub usage: Option<Usage>,
}

impl Capacity {
    pub fn hint(&self, wants: &Wants) -> Hint {
        match &self.nodes {
            Ok(nodes) => schedule::hint(wants, nodes, self.usage.as_ref()),
            Err(why) => Hint::Unknown(why.clone()),
        }
    }
}

/// The nodes, `Err(why)` when the user may not list them.
pub async fn nodes(cluster: &Cluster) -> Result<std::result::Result<Vec<Node>, String>> {
    let api = Api::<Node>::all(cluster.client.clone());
    match api.list(&ListParams::default().match_any()).await {
        Ok(list) => Ok(Ok(list.items)),
        Err(kube::Error::Api(s)) if s.code == 403 => Ok(Err("you may not list nodes".into())),
        Err(e) => Err(cluster.error(e)),
    }
}

/// What the pods bound to nodes and not finished request, `None` when the user may not list
/// pods in every namespace.
pub async fn usage(cluster: &Cluster) -> Result<Option<Usage>> {
    let api = Api::<Pod>::all(cluster.client.clone());
    let live = ListParams::default()
        .match_any()
        .fields("spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed");
    match api.list(&live).await {
        Ok(list) => Ok(Some(Usage::of_pods(&list.items))),
        Err(kube::Error::Api(s)) if s.code == 403 => Ok(None),
        Err(e) => Err(cluster.error(e)),
    }
}

/// What the pods on `nodes` request (one list per node, all at once), `None` when the user may
/// not list pods in every namespace.
pub async fn usage_on(cluster: &Cluster, nodes: &[String]) -> Result<Option<Usage>> {
    let api = Api::<Pod>::all(cluster.client.clone());
    let lists = nodes.iter().map(|node| {
        let on_node = ListParams::default().match_any().fields(&format!(
            "spec.nodeName={node},status.phase!=Succeeded,status.phase!=Failed"
        ));
        let api = api.clone();
        async move { api.list(&on_node).await }
    });
    let mut pods = Vec::new();
    for listed in futures::future::join_all(lists).await {
        match listed {
            Ok(list) => pods.extend(list.items),
            Err(kube::Error::Api(s)) if s.code == 403 => return Ok(None),
            Err(e) => return Err(cluster.error(e)),
        }
    }
    Ok(Some(Usage::of_pods(&pods)))
}

/// The nodes and the pods' usage, read at once.
pub async fn read(cluster: &Cluster) -> Result<Capacity> {
    let (nodes, usage) = tokio::try_join!(nodes(cluster), usage(cluster))?;
    Ok(Capacity { nodes, usage })
}
