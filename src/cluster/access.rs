//! The way in to a running devserver, shared by `ssh`, `proxy`, `exec`, `port-forward` and
//! `cp`: find it, wait while it starts (or start it), and open a byte stream to a port of its
//! pod through the transport chosen: the API server's port-forward, a NodePort, or the pod's
//! address when devctl runs inside the cluster.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::jiff::Timestamp;
use kube::api::{Api, Patch, PatchParams};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::Cluster;
use super::devservers::{self, LookupError};
use super::wait::{self, ReadyTarget, Until};
use crate::devserver::state::{self, Phase};
use crate::error::{Error, Kind, Result};

/// How a stream reaches the devserver's pod.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// The API server's `pods/portforward`: works wherever the API server is reachable.
    PortForward,
    /// A node's address and the `NAME-ssh` Service's node port.
    NodePort,
    /// The pod's own address: from inside the cluster (a bastion login shell).
    Direct,
}

impl Transport {
    /// `--via`, else the `ssh-transport` setting, else direct inside a cluster and
    /// port-forward outside.
    pub fn choose(flag: Option<&str>, setting: Option<&str>, in_cluster: bool) -> Result<Self> {
        match flag.or(setting) {
            Some("port-forward") => Ok(Transport::PortForward),
            Some("nodeport") => Ok(Transport::NodePort),
            Some("direct") => Ok(Transport::Direct),
            Some(other) => Err(Error::usage(format!(
                "invalid transport {other:?}: use port-forward, nodeport or direct"
            ))),
            None if in_cluster => Ok(Transport::Direct),
            None => Ok(Transport::PortForward),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Transport::PortForward => "port-forward",
            Transport::NodePort => "nodeport",
            Transport::Direct => "direct",
        }
    }
}

/// Whether this process runs in a pod of the cluster it talks to (a bastion login shell, a
/// CronJob): the pod's addresses are reachable then. A pod that talks to another cluster
/// through a kubeconfig (a CI runner) is not.
pub fn in_cluster(cluster: &Cluster) -> bool {
    let Some(host) = std::env::var_os("KUBERNETES_SERVICE_HOST") else {
        return false;
    };
    let host = host.to_string_lossy();
    cluster.context_source == crate::settings::Source::InCluster
        || cluster
            .server
            .parse::<http::Uri>()
            .ok()
            .and_then(|u| u.host().map(|h| h.trim_matches(['[', ']']).to_string()))
            .is_some_and(|server| {
                server == host.trim_matches(['[', ']']) || server.starts_with("kubernetes.default")
            })
}

/// How to treat a devserver that is not running yet.
#[derive(Debug, Clone, Copy)]
pub struct Patience {
    /// How long to wait for a starting devserver.
    pub timeout: Duration,
    /// Start a stopped devserver instead of refusing.
    pub start: bool,
}

/// A devserver whose pod (pod `node` of a multi-node one) has got as far as asked.
#[derive(Debug, Clone)]
pub struct Running {
    pub name: String,
    pub namespace: String,
    pub set: StatefulSet,
    /// The pod's index: 0 unless `--node` asked for another.
    pub node: u32,
    pub pod: Pod,
}

impl Running {
    /// The host key pinned at create time for this pod (`devserver.io/host-key`, or
    /// `devserver.io/host-key-I` for pod I of a multi-node devserver), an OpenSSH public key.
    pub fn pinned_host_key(&self) -> Option<&str> {
        state::pinned_host_key(&self.set, self.node)
    }

    /// The annotation that pins this pod's host key, for messages.
    pub fn host_key_annotation(&self) -> String {
        state::host_key_annotation(self.node)
    }

    pub fn pod_name(&self) -> &str {
        self.pod.metadata.name.as_deref().unwrap_or_default()
    }
}

/// The devserver `name`, once its pod `node` has got as far as `until`: at once when it has,
/// else after waiting (calling `on_phase` as it goes) up to the patience's timeout. A stopped
/// one is an error with the hint to start it, unless the patience says to start it (all its
/// pods); a missing or expired one is "not found" (exit 3), a node it does not have a usage
/// error (exit 2) that names the range.
pub async fn running(
    cluster: &Cluster,
    name: &str,
    node: u32,
    until: Until,
    patience: Patience,
    mut on_phase: impl FnMut(&Phase),
) -> Result<Running> {
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let pod_name = state::node_pod_name(name, node);
    // One round trip: the pod's name follows from the devserver's.
    let (set, pod) = tokio::join!(devservers::get(cluster, name), pods.get_opt(&pod_name));
    let set = found(cluster, name, set)?;
    state::check_node(name, &set, node).map_err(Error::usage)?;
    let pod = pod.map_err(|e| cluster.error(e))?;
    // A stopped devserver's pod may still be on its way out: it does not count.
    if let Some(pod) =
        pod.filter(|p| !state::stopped(&set) && belongs(p, &set) && until_reached(until, p))
    {
        return Ok(Running {
            name: name.to_string(),
            namespace: cluster.namespace.clone(),
            set,
            node,
            pod,
        });
    }
    // A start's watch begins at the scale-up, so a lagging watch cache cannot show the
    // pod that was on its way out as ready.
    let mut since = None;
    let set = if state::stopped(&set) {
        if !patience.start {
            return Err(Error::general(format!("devserver {name} is stopped"))
                .hint(format!("devctl start {name} --wait, or add --start")));
        }
        let sets: Api<StatefulSet> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
        sets.patch(
            name,
            &PatchParams::default(),
            &Patch::Merge(serde_json::json!({ "spec": { "replicas": state::nodes(&set) } })),
        )
        .await
        .map_err(|e| cluster.error(e))
        .inspect(|started: &StatefulSet| since = started.metadata.resource_version.clone())?
    } else {
        set
    };
    let target = ReadyTarget {
        name: name.to_string(),
        namespace: cluster.namespace.clone(),
        pods: vec![pod_name.clone()],
        owner_uid: set.metadata.uid.clone().unwrap_or_default(),
        replaced_uids: Vec::new(),
        since,
        until,
    };
    wait::until_ready(cluster, &target, patience.timeout, |_, phase| {
        on_phase(phase)
    })
    .await?;
    let pod = pods.get(&pod_name).await.map_err(|e| cluster.error(e))?;
    Ok(Running {
        name: name.to_string(),
        namespace: cluster.namespace.clone(),
        set,
        node,
        pod,
    })
}

/// The devserver from a lookup, refusing one past its expiry as gone.
fn found(
    cluster: &Cluster,
    name: &str,
    lookup: Result<StatefulSet, LookupError>,
) -> Result<StatefulSet> {
    let set = lookup.map_err(|e| match e {
        LookupError::NotFound { .. } => Error::from(e).hint(format!(
            "devctl create {name} -n {} makes one",
            cluster.namespace
        )),
        other => other.into(),
    })?;
    refuse_expired(name, &set)?;
    Ok(set)
}

/// A devserver past its expiry counts as gone for the commands that reach into it: "not
/// found" (exit 3), with how to make a new one or keep this one.
pub(super) fn refuse_expired(name: &str, set: &StatefulSet) -> Result<()> {
    match state::expires_at(set).filter(|at| *at <= Timestamp::now()) {
        Some(at) => Err(Error::new(
            Kind::NotFound,
            format!(
                "devserver {name} expired at {} and is about to be reaped",
                at.strftime("%Y-%m-%dT%H:%M:%SZ")
            ),
        )
        .hint(format!(
            "devctl create NEW-NAME makes a new one; devctl extend {name} --ttl 8h keeps this one"
        ))),
        None => Ok(()),
    }
}

/// Whether `pod` is this devserver's own (not an earlier one's of the same name, not one on
/// its way out).
fn belongs(pod: &Pod, set: &StatefulSet) -> bool {
    pod.metadata.deletion_timestamp.is_none()
        && set
            .metadata
            .uid
            .as_deref()
            .is_some_and(|uid| state::owned_by(&pod.metadata, uid))
}

fn until_reached(until: Until, pod: &Pod) -> bool {
    until.reached(&state::phase(pod))
}

/// A byte stream to a port of the devserver's pod.
pub struct Stream {
    inner: Inner,
}

enum Inner {
    Tcp(tokio::net::TcpStream),
    /// A port-forward stream (`cluster::portforward` carries it).
    Forwarded {
        stream: tokio::io::DuplexStream,
        /// What the kubelet reports on the port's error channel (it could not reach the port).
        failure: Option<futures::future::BoxFuture<'static, Option<String>>>,
    },
}

impl Stream {
    /// The port-forward stream to `port` of `pod`.
    pub async fn port_forward(cluster: &Cluster, pod: &str, port: u16) -> Result<Stream> {
        let tunnel = super::portforward::open(&cluster.client, &cluster.namespace, pod, port)
            .await
            .map_err(|e| {
                // Refused credentials or permission keep their code; any other failure to open
                // the tunnel is a connection failure (255, as OpenSSH's).
                let err = cluster.error(e);
                match err.kind {
                    Kind::Forbidden => err,
                    _ => Error::new(
                        Kind::Connection,
                        format!("cannot open a port-forward to {pod}: {}", err.message),
                    )
                    .caused_by(&err),
                }
            })?;
        let failure = Box::pin(async move {
            match tunnel.failure.await.ok()? {
                super::portforward::Failure::Refused(said) => Some(said),
                super::portforward::Failure::Broke(_) => {
                    Some("its connection through the API server was cut".to_string())
                }
            }
        });
        Ok(Stream {
            inner: Inner::Forwarded {
                stream: tunnel.stream,
                failure: Some(failure),
            },
        })
    }

    /// Why the stream ended, if it did not just close: the kubelet's message when it could
    /// not reach the pod's port, or the break of the connection to the API server that
    /// carried it. Asked once the stream has ended and our side is shut down (so that a
    /// forward that closed can finish); waits a moment for the answer.
    pub async fn failure(&mut self) -> Option<String> {
        let Inner::Forwarded { failure, .. } = &mut self.inner else {
            return None;
        };
        let failure = failure.take()?;
        tokio::time::timeout(Duration::from_millis(500), failure)
            .await
            .ok()
            .flatten()
    }

    /// A TCP connection to `host:port`.
    pub async fn tcp(host: &str, port: u16, timeout: Duration) -> Result<Stream> {
        let connecting = tokio::net::TcpStream::connect((host, port));
        let tcp = tokio::time::timeout(timeout, connecting)
            .await
            .map_err(|_| {
                Error::new(
                    Kind::Connection,
                    format!("no answer from {host}:{port} within {}s", timeout.as_secs()),
                )
            })?
            .map_err(|e| {
                Error::new(
                    Kind::Connection,
                    format!("cannot connect to {host}:{port}: {e}"),
                )
                .caused_by(&e)
            })?;
        let _ = tcp.set_nodelay(true);
        Ok(Stream {
            inner: Inner::Tcp(tcp),
        })
    }
}

impl AsyncRead for Stream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        match &mut self.get_mut().inner {
            Inner::Tcp(s) => Pin::new(s).poll_read(cx, buf),
            Inner::Forwarded { stream, .. } => Pin::new(stream).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Stream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        match &mut self.get_mut().inner {
            Inner::Tcp(s) => Pin::new(s).poll_write(cx, buf),
            Inner::Forwarded { stream, .. } => Pin::new(stream).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match &mut self.get_mut().inner {
            Inner::Tcp(s) => Pin::new(s).poll_flush(cx),
            Inner::Forwarded { stream, .. } => Pin::new(stream).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match &mut self.get_mut().inner {
            Inner::Tcp(s) => Pin::new(s).poll_shutdown(cx),
            Inner::Forwarded { stream, .. } => Pin::new(stream).poll_shutdown(cx),
        }
    }
}

/// How long a direct or NodePort TCP connect may take.
const TCP_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens a stream to `port` of the running devserver's pod through `transport`.
pub async fn open(
    cluster: &Cluster,
    devserver: &Running,
    transport: Transport,
    port: u16,
) -> Result<Stream> {
    match transport {
        Transport::PortForward => Stream::port_forward(cluster, devserver.pod_name(), port).await,
        Transport::Direct => Stream::tcp(pod_address(devserver)?, port, TCP_CONNECT_TIMEOUT)
            .await
            .map_err(|e| {
                // A pod that talks to another cluster's API server, or a network policy, can
                // leave pod addresses out of reach though devctl runs in a cluster.
                e.hint(
                    "devctl went to the pod's address (--via direct, the default inside a cluster); if it cannot be reached from here, use --via port-forward",
                )
            }),
        Transport::NodePort => {
            let name = &devserver.name;
            if devserver.node != 0 {
                return Err(Error::usage(format!(
                    "--via nodeport reaches pod 0 of devserver {name} only"
                ))
                .hint("use --via port-forward (or direct, inside the cluster) for its other nodes"));
            }
            let endpoints = super::endpoints::nodeport_endpoints(cluster, &devserver.set).await?;
            let ssh = endpoints.iter().find(|e| e.is_ssh()).ok_or_else(|| {
                Error::general(format!("devserver {name} has no NodePort for SSH"))
                    .hint("it was created without --expose nodeport; use --via port-forward, or recreate it with --expose nodeport")
            })?;
            let node_port = ssh.node_port.ok_or_else(|| {
                Error::general(format!(
                    "the NodePort Service of {name} has no node port yet"
                ))
            })?;
            let address = ssh.address.as_ref().map_err(|why| {
                Error::general(format!("no node address for devserver {name}: {why}"))
            })?;
            Stream::tcp(&address.address, node_port as u16, TCP_CONNECT_TIMEOUT).await
        }
    }
}

/// The running devserver's pod address, for the direct transport.
fn pod_address(devserver: &Running) -> Result<&str> {
    devserver
        .pod
        .status
        .as_ref()
        .and_then(|s| s.pod_ip.as_deref())
        .filter(|ip| !ip.is_empty())
        .ok_or_else(|| {
            Error::new(
                Kind::Connection,
                format!(
                    "pod {} of devserver {} has no address yet, so --via direct cannot reach it",
                    devserver.pod_name(),
                    devserver.name
                ),
            )
        })
}

/// The stream to the SSH port of the devserver's pod `node`, with the devserver: in the
/// common case (running, port-forward) the lookup and the port-forward go out together, so
/// SSH costs no round trip for finding the devserver.
pub async fn ssh_stream(
    cluster: &Cluster,
    name: &str,
    node: u32,
    transport: Transport,
    patience: Patience,
    on_phase: impl FnMut(&Phase),
) -> Result<(Running, Stream)> {
    let port = crate::devserver::manifests::SSH_PORT as u16;
    if transport == Transport::PortForward {
        let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
        let pod_name = state::node_pod_name(name, node);
        let (set, pod, stream) = tokio::join!(
            devservers::get(cluster, name),
            pods.get_opt(&pod_name),
            Stream::port_forward(cluster, &pod_name, port)
        );
        let set = found(cluster, name, set)?;
        state::check_node(name, &set, node).map_err(Error::usage)?;
        if let (Ok(Some(pod)), Ok(stream)) = (pod, stream)
            && !state::stopped(&set)
            && belongs(&pod, &set)
            && until_reached(Until::Ready, &pod)
        {
            let running = Running {
                name: name.to_string(),
                namespace: cluster.namespace.clone(),
                set,
                node,
                pod,
            };
            return Ok((running, stream));
        }
    }
    let running = running(cluster, name, node, Until::Ready, patience, on_phase).await?;
    let stream = open(cluster, &running, transport, port).await?;
    Ok((running, stream))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn running(pod_ip: Option<&str>) -> Running {
        let pod = serde_json::json!({
            "metadata": {"name": "box-0"},
            "status": {"phase": "Running", "podIP": pod_ip},
        });
        Running {
            name: "box".into(),
            namespace: "ns".into(),
            set: StatefulSet::default(),
            node: 0,
            pod: serde_json::from_value(pod).unwrap(),
        }
    }

    #[test]
    fn direct_to_a_pod_without_an_address_is_a_connection_error_of_one_line() {
        for ip in [None, Some("")] {
            let err = pod_address(&running(ip)).unwrap_err();
            assert_eq!(err.kind, Kind::Connection);
            assert_eq!(
                err.render(false),
                "error: pod box-0 of devserver box has no address yet, so --via direct cannot reach it"
            );
        }
        assert_eq!(pod_address(&running(Some("10.1.2.3"))).unwrap(), "10.1.2.3");
    }
}
