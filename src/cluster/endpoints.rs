//! Where a devserver exposed by NodePort (`create --expose nodeport`) is reached from outside
//! the cluster: one [`Endpoint`] per port of its `NAME-ssh` Service, `NODE-ADDRESS:NODEPORT`.
//! The node address is that of the node the pod runs on: its ExternalIP, else its InternalIP;
//! when nodes may not be read, the pod's `status.hostIP` (the node's internal address).
//! `describe`, `list -o wide` and `ssh --via nodeport` all take their endpoints from here.

use std::collections::BTreeMap;
use std::fmt;

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{Node, Pod, Service};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use kube::api::{Api, ListParams};
use serde::Serialize;

use super::Cluster;
use crate::devserver::manifests::{SSH_PORT_NAME, nodeport_name, pod_name};
use crate::error::Result;

/// One published port of the `NAME-ssh` Service. Serialized (in `describe -o json` and
/// `list -o json`) as `{"name", "port", "nodePort", "address", "addressType", "endpoint",
/// "reason"}`: `address`, `addressType` and `endpoint` are null (and `reason` says why) when
/// there is no node to reach, `reason` is null otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The Service port's name: `ssh`, or `port-8888` for `--port 8888`.
    pub name: String,
    /// The container port it leads to: 22 for SSH, else the `--port`.
    pub port: i32,
    /// The port on every node; `None` only while the API server has not assigned one.
    pub node_port: Option<i32>,
    /// The node's address, or why there is none.
    pub address: Result<NodeAddress, NoAddress>,
}

/// A node's address and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeAddress {
    pub address: String,
    pub source: AddressSource,
    /// The node's name.
    pub node: String,
}

/// Which address of the node an endpoint uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AddressSource {
    /// The node's `ExternalIP`.
    #[serde(rename = "ExternalIP")]
    External,
    /// The node's `InternalIP` (it has no ExternalIP).
    #[serde(rename = "InternalIP")]
    Internal,
    /// The pod's `status.hostIP`: the node could not be read (forbidden, or gone).
    #[serde(rename = "HostIP")]
    HostIp,
}

/// Why an endpoint has no node address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoAddress {
    /// The devserver has no pod (stopped, or not made yet).
    NoPod,
    /// The pod is not on a node yet.
    NotScheduled,
    /// The node reports no IP address and the pod no host IP.
    NodeWithoutAddress(String),
}

impl fmt::Display for NoAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoAddress::NoPod => write!(f, "no pod"),
            NoAddress::NotScheduled => write!(f, "the pod is not on a node yet"),
            NoAddress::NodeWithoutAddress(node) => write!(f, "node {node} has no IP address"),
        }
    }
}

impl Endpoint {
    /// Whether this is the SSH port.
    pub fn is_ssh(&self) -> bool {
        self.name == SSH_PORT_NAME
    }

    /// `ADDRESS:NODEPORT` (`[ADDRESS]:NODEPORT` for IPv6), when both are known.
    pub fn endpoint(&self) -> Option<String> {
        let address = &self.address.as_ref().ok()?.address;
        let port = self.node_port?;
        Some(if address.contains(':') {
            format!("[{address}]:{port}")
        } else {
            format!("{address}:{port}")
        })
    }
}

impl Serialize for Endpoint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Endpoint", 7)?;
        out.serialize_field("name", &self.name)?;
        out.serialize_field("port", &self.port)?;
        out.serialize_field("nodePort", &self.node_port)?;
        let found = self.address.as_ref().ok();
        out.serialize_field("address", &found.map(|a| &a.address))?;
        out.serialize_field("addressType", &found.map(|a| a.source))?;
        out.serialize_field("endpoint", &self.endpoint())?;
        out.serialize_field(
            "reason",
            &self.address.as_ref().err().map(ToString::to_string),
        )?;
        out.end()
    }
}

/// The node address to reach `pod` at: the ExternalIP of `node`, else its InternalIP, else
/// the pod's host IP. `node` is the pod's node as read, `None` when it could not be read.
pub fn node_address(pod: Option<&Pod>, node: Option<&Node>) -> Result<NodeAddress, NoAddress> {
    let pod = pod.ok_or(NoAddress::NoPod)?;
    let node_name = pod
        .spec
        .as_ref()
        .and_then(|s| s.node_name.as_deref())
        .ok_or(NoAddress::NotScheduled)?;
    let addresses = node
        .filter(|n| n.metadata.name.as_deref() == Some(node_name))
        .and_then(|n| n.status.as_ref())
        .and_then(|s| s.addresses.as_deref())
        .unwrap_or_default();
    let of_type = |kind: &str| {
        addresses
            .iter()
            .find(|a| a.type_ == kind && !a.address.is_empty())
            .map(|a| a.address.clone())
    };
    let host_ip = pod
        .status
        .as_ref()
        .and_then(|s| s.host_ip.clone())
        .filter(|ip| !ip.is_empty());
    let (address, source) = of_type("ExternalIP")
        .map(|a| (a, AddressSource::External))
        .or_else(|| of_type("InternalIP").map(|a| (a, AddressSource::Internal)))
        .or_else(|| host_ip.map(|a| (a, AddressSource::HostIp)))
        .ok_or_else(|| NoAddress::NodeWithoutAddress(node_name.to_string()))?;
    Ok(NodeAddress {
        address,
        source,
        node: node_name.to_string(),
    })
}

/// The endpoints of `service` (the devserver's NodePort Service) for its pod on `node`: SSH
/// first, then the other ports in the Service's order.
pub fn endpoints(service: &Service, pod: Option<&Pod>, node: Option<&Node>) -> Vec<Endpoint> {
    let address = node_address(pod, node);
    let mut found: Vec<Endpoint> = service
        .spec
        .as_ref()
        .and_then(|s| s.ports.as_deref())
        .unwrap_or_default()
        .iter()
        .map(|p| Endpoint {
            name: p.name.clone().unwrap_or_else(|| p.port.to_string()),
            port: match &p.target_port {
                Some(IntOrString::Int(port)) => *port,
                // devctl's Services name no target port; a named one leads to the Service port.
                _ => p.port,
            },
            node_port: p.node_port,
            address: address.clone(),
        })
        .collect();
    // A stable sort: SSH to the front, the rest as the Service lists them.
    found.sort_by_key(|e| !e.is_ssh());
    found
}

/// The pod's node, read; `None` when the pod is on no node or the node may not be read (403)
/// or is gone (404), so that [`node_address`] falls back to the pod's host IP.
pub async fn node_of(cluster: &Cluster, pod: Option<&Pod>) -> Result<Option<Node>> {
    let Some(node) = pod
        .and_then(|p| p.spec.as_ref())
        .and_then(|s| s.node_name.as_deref())
    else {
        return Ok(None);
    };
    read_node(cluster, node).await
}

/// The node `name`, or `None` when it may not be read or is gone.
pub async fn read_node(cluster: &Cluster, name: &str) -> Result<Option<Node>> {
    let nodes: Api<Node> = Api::all(cluster.client.clone());
    match nodes.get(name).await {
        Ok(node) => Ok(Some(node)),
        Err(kube::Error::Api(status)) if status.code == 403 || status.code == 404 => {
            tracing::debug!(
                "cannot read node {name} ({}); using the pod's host IP",
                status.message
            );
            Ok(None)
        }
        Err(e) => Err(cluster.error(e)),
    }
}

/// The Services that devctl made for devservers (in every namespace with `all_namespaces`),
/// by the uid of the StatefulSet that owns them, in one request. Only NodePort Services:
/// the headless ones publish nothing outside the cluster.
pub async fn nodeport_services(
    cluster: &Cluster,
    all_namespaces: bool,
) -> Result<BTreeMap<String, Service>> {
    let services: Api<Service> = if all_namespaces {
        Api::all(cluster.client.clone())
    } else {
        Api::namespaced(cluster.client.clone(), &cluster.namespace)
    };
    let params = ListParams::default().labels(&super::devservers::managed_selector());
    let list = services.list(&params).await.map_err(|e| cluster.error(e))?;
    let mut by_owner = BTreeMap::new();
    for service in list.items {
        let node_port = service.spec.as_ref().and_then(|s| s.type_.as_deref()) == Some("NodePort");
        let owner = service
            .metadata
            .owner_references
            .iter()
            .flatten()
            .find(|o| o.kind == "StatefulSet")
            .map(|o| o.uid.clone());
        if let (true, Some(owner)) = (node_port, owner) {
            by_owner.insert(owner, service);
        }
    }
    Ok(by_owner)
}

/// The nodes `names`, read at once, by name; those that may not be read or are gone are
/// left out (their pods' host IPs stand in).
pub async fn read_nodes(cluster: &Cluster, names: &[String]) -> Result<BTreeMap<String, Node>> {
    let reads = names.iter().map(|name| read_node(cluster, name));
    let nodes = futures::future::try_join_all(reads).await?;
    Ok(names
        .iter()
        .cloned()
        .zip(nodes)
        .filter_map(|(n, node)| Some((n, node?)))
        .collect())
}

/// The NodePort endpoints of the devserver `set` (as [`super::devservers::get`] returned it):
/// its `NAME-ssh` Service and pod `NAME-0`, read at once, then the pod's node. Empty when the
/// devserver is not exposed by NodePort (no such Service that it owns). Every endpoint is
/// there even when the devserver has no pod, each with the reason it has no address.
pub async fn nodeport_endpoints(cluster: &Cluster, set: &StatefulSet) -> Result<Vec<Endpoint>> {
    let name = set.metadata.name.clone().unwrap_or_default();
    let namespace = set
        .metadata
        .namespace
        .clone()
        .unwrap_or_else(|| cluster.namespace.clone());
    let uid = set.metadata.uid.clone().unwrap_or_default();
    let services: Api<Service> = Api::namespaced(cluster.client.clone(), &namespace);
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &namespace);
    let (service_name, pod_name) = (nodeport_name(&name), pod_name(&name));
    let (service, pod) = tokio::try_join!(services.get_opt(&service_name), pods.get_opt(&pod_name))
        .map_err(|e| cluster.error(e))?;
    let Some(service) = service.filter(|s| crate::devserver::state::owned_by(&s.metadata, &uid))
    else {
        return Ok(Vec::new());
    };
    let pod = pod.filter(|p| crate::devserver::state::owned_by(&p.metadata, &uid));
    let node = node_of(cluster, pod.as_ref()).await?;
    Ok(endpoints(&service, pod.as_ref(), node.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(name: &str, addresses: &[(&str, &str)]) -> Node {
        let addresses: Vec<_> = addresses
            .iter()
            .map(|(t, a)| serde_json::json!({"type": t, "address": a}))
            .collect();
        serde_json::from_value(serde_json::json!({
            "metadata": {"name": name},
            "status": {"addresses": addresses},
        }))
        .unwrap()
    }

    fn pod(node: Option<&str>, host_ip: Option<&str>) -> Pod {
        serde_json::from_value(serde_json::json!({
            "metadata": {"name": "box-0"},
            "spec": {"nodeName": node, "containers": []},
            "status": {"hostIP": host_ip},
        }))
        .unwrap()
    }

    fn service(ports: serde_json::Value) -> Service {
        serde_json::from_value(serde_json::json!({
            "metadata": {"name": "box-ssh"},
            "spec": {"type": "NodePort", "ports": ports},
        }))
        .unwrap()
    }

    fn address(a: &str, source: AddressSource) -> Result<NodeAddress, NoAddress> {
        Ok(NodeAddress {
            address: a.into(),
            source,
            node: "n1".into(),
        })
    }

    #[test]
    fn the_external_ip_comes_first_then_the_internal_ip() {
        let on_n1 = pod(Some("n1"), Some("10.0.0.9"));
        let both = node(
            "n1",
            &[
                ("Hostname", "n1"),
                ("InternalIP", "10.0.0.1"),
                ("ExternalIP", "203.0.113.7"),
            ],
        );
        assert_eq!(
            node_address(Some(&on_n1), Some(&both)),
            address("203.0.113.7", AddressSource::External)
        );
        let internal = node("n1", &[("Hostname", "n1"), ("InternalIP", "10.0.0.1")]);
        assert_eq!(
            node_address(Some(&on_n1), Some(&internal)),
            address("10.0.0.1", AddressSource::Internal)
        );
    }

    #[test]
    fn an_unreadable_node_falls_back_to_the_pods_host_ip() {
        let on_n1 = pod(Some("n1"), Some("10.0.0.9"));
        assert_eq!(
            node_address(Some(&on_n1), None),
            address("10.0.0.9", AddressSource::HostIp)
        );
        // A node with only a hostname, or another node than the pod's, tells nothing.
        let bare = node("n1", &[("Hostname", "n1")]);
        let other = node("n2", &[("ExternalIP", "203.0.113.8")]);
        for node in [&bare, &other] {
            assert_eq!(
                node_address(Some(&on_n1), Some(node)),
                address("10.0.0.9", AddressSource::HostIp)
            );
        }
    }

    #[test]
    fn without_a_pod_on_a_node_there_is_no_address_and_a_reason() {
        assert_eq!(node_address(None, None), Err(NoAddress::NoPod));
        assert_eq!(
            node_address(Some(&pod(None, None)), None),
            Err(NoAddress::NotScheduled)
        );
        assert_eq!(
            node_address(Some(&pod(Some("n1"), None)), Some(&node("n1", &[]))),
            Err(NoAddress::NodeWithoutAddress("n1".into()))
        );
    }

    #[test]
    fn every_port_of_the_service_is_an_endpoint_ssh_first() {
        let svc = service(serde_json::json!([
            {"name": "port-8888", "port": 8888, "targetPort": 8888, "nodePort": 31888},
            {"name": "ssh", "port": 22, "targetPort": 22, "nodePort": 30022},
        ]));
        let on_n1 = pod(Some("n1"), Some("10.0.0.9"));
        let n1 = node("n1", &[("InternalIP", "10.0.0.1")]);
        let found = endpoints(&svc, Some(&on_n1), Some(&n1));
        let shown: Vec<(String, i32, Option<String>)> = found
            .iter()
            .map(|e| (e.name.clone(), e.port, e.endpoint()))
            .collect();
        assert_eq!(
            shown,
            [
                ("ssh".to_string(), 22, Some("10.0.0.1:30022".to_string())),
                ("port-8888".to_string(), 8888, Some("10.0.0.1:31888".into())),
            ]
        );
    }

    #[test]
    fn the_json_shape_has_every_field_and_a_reason_only_without_an_address() {
        let svc = service(serde_json::json!([
            {"name": "ssh", "port": 22, "targetPort": 22, "nodePort": 30022},
        ]));
        let v6 = pod(Some("n1"), Some("fd00::1"));
        let reached = serde_json::to_value(endpoints(&svc, Some(&v6), None)).unwrap();
        assert_eq!(
            reached,
            serde_json::json!([{
                "name": "ssh", "port": 22, "nodePort": 30022, "address": "fd00::1",
                "addressType": "HostIP", "endpoint": "[fd00::1]:30022", "reason": null,
            }])
        );
        let stopped = serde_json::to_value(endpoints(&svc, None, None)).unwrap();
        assert_eq!(
            stopped,
            serde_json::json!([{
                "name": "ssh", "port": 22, "nodePort": 30022, "address": null,
                "addressType": null, "endpoint": null, "reason": "no pod",
            }])
        );
    }
}
