//! `devctl describe NAME`: the spec (from the StatefulSet's annotations), the state, the pod
//! and its containers, volumes, SSH endpoints, the NodePort endpoints of every published port,
//! expiry and recent events (warnings first). The objects are read at once; the pod's node
//! after them, when the devserver is exposed by NodePort.
//!
//! `-o json`: `{"apiVersion": "devctl/v1", "kind": "DevServerDescription", "name",
//! "namespace", "status", "spec": {owner, flavor, image, ttl, expiresAt, hostKey}, "pod":
//! {name, phase, node, ip, containers: [{name, state, reason, restarts, ready}]} | null,
//! "volumes": [{claim, phase, capacity, accessModes}], "ssh": [..], "endpoints": [..],
//! "events": [{type, reason, message, count, lastSeen}]}`. Each `ssh` endpoint is `{"transport", "host", "port"}`:
//! `in-cluster` (the pod's DNS name, port 22), `port-forward` (the pod's name, port 22,
//! reached through the API server) and, when the `NAME-ssh` Service exists, `nodeport` (the
//! pod's node address and the Service's nodePort, when the node address is known).
//! `endpoints` has one entry per port of the `NAME-ssh` Service, SSH first, empty without it;
//! its shape is [`endpoints::Endpoint`]'s. `-o name`: `devserver/NAME`; `-o wide` is
//! refused. A multi-node devserver's also has `"nodes": [{index, pod, status, phase, node,
//! ip, ready, hostKey}]`, one per pod (its other pods read after the first wave).

use k8s_openapi::api::core::v1::{Event, PersistentVolumeClaim, Pod, Service};
use k8s_openapi::jiff::Timestamp;
use kube::api::{Api, ListParams};
use serde::Serialize;

use super::{Context, ExitStatus};
use crate::cluster::devservers;
use crate::cluster::endpoints::{self, AddressSource};
use crate::devserver::manifests::{SSH_PORT, nodeport_name};
use crate::devserver::{input, state};
use crate::error::{Error, Result};
use crate::output::Format;

/// One way to reach the devserver's sshd.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Endpoint {
    /// `in-cluster`, `port-forward` or `nodeport`.
    transport: &'static str,
    host: String,
    port: i32,
}

impl Endpoint {
    fn describe(&self) -> String {
        match self.transport {
            "port-forward" => format!(
                "port-forward   pod {}, port {} (through the API server)",
                self.host, self.port
            ),
            "in-cluster" => format!("in-cluster     {}:{}", self.host, self.port),
            _ => format!("{:<15}{}:{}", self.transport, self.host, self.port),
        }
    }
}

/// Where a NodePort endpoint's address comes from, or why it has none.
fn address_note(e: &endpoints::Endpoint) -> String {
    match &e.address {
        Ok(a) => match a.source {
            AddressSource::External => format!("ExternalIP of {}", a.node),
            AddressSource::Internal => format!("InternalIP of {} (it has no ExternalIP)", a.node),
            AddressSource::HostIp => format!("host IP of the pod ({} could not be read)", a.node),
        },
        Err(why) => why.to_string(),
    }
}

/// One pod of a multi-node devserver.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Node {
    index: u32,
    pod: String,
    /// Its state as `list` words it (`Running`, `Starting`, `Pending (Unschedulable)`).
    status: String,
    /// The pod's phase (`Pending`, `Running`); none when there is no pod.
    phase: Option<String>,
    /// The Kubernetes node it runs on.
    node: Option<String>,
    ip: Option<String>,
    ready: bool,
    /// The host key pinned for it.
    host_key: Option<String>,
}

impl Node {
    fn of(
        set: &k8s_openapi::api::apps::v1::StatefulSet,
        name: &str,
        index: u32,
        pod: Option<&Pod>,
        now: Timestamp,
    ) -> Node {
        let status = pod.and_then(|p| p.status.as_ref());
        Node {
            index,
            pod: state::node_pod_name(name, index),
            status: state::state(set, pod, now).to_string(),
            phase: status.and_then(|s| s.phase.clone()),
            node: pod.and_then(|p| p.spec.as_ref()?.node_name.clone()),
            ip: status.and_then(|s| s.pod_ip.clone()),
            ready: pod.is_some_and(|p| state::phase(p) == state::Phase::Ready),
            host_key: state::pinned_host_key(set, index).map(str::to_string),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Container {
    name: String,
    state: String,
    reason: String,
    restarts: i32,
    ready: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Volume {
    claim: String,
    phase: String,
    capacity: String,
    access_modes: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EventLine {
    #[serde(rename = "type")]
    type_: String,
    reason: String,
    message: String,
    count: i32,
    last_seen: String,
}

pub async fn run(ctx: &Context<'_>, name: &str) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept(
        "describe",
        &[Format::Table, Format::Json, Format::Yaml, Format::Name],
    )?;
    input::check_name(name).map_err(Error::usage)?;
    let cluster = ctx.cluster().await?;
    let ns = cluster.namespace.clone();
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &ns);
    let claims: Api<PersistentVolumeClaim> = Api::namespaced(cluster.client.clone(), &ns);
    let events: Api<Event> = Api::namespaced(cluster.client.clone(), &ns);
    let pod_name = state::pod_name(name);
    let services: Api<Service> = Api::namespaced(cluster.client.clone(), &ns);
    let ssh_service_name = nodeport_name(name);
    let all = ListParams::default();
    let about_pod = ListParams::default().fields(&format!("involvedObject.name={pod_name}"));
    let about_set = ListParams::default().fields(&format!("involvedObject.name={name}"));
    let (set, pod, claim_list, pod_events, set_events, ssh_service) = tokio::join!(
        devservers::get(cluster, name),
        pods.get_opt(&pod_name),
        claims.list(&all),
        events.list(&about_pod),
        events.list(&about_set),
        services.get_opt(&ssh_service_name),
    );
    let set = set?;
    // Only what belongs to this devserver: the pod of its StatefulSet (not a terminating one
    // of an earlier devserver of the name), the Service it owns.
    let uid = set.metadata.uid.clone().unwrap_or_default();
    let owned = |meta: &_| crate::devserver::state::owned_by(meta, &uid);
    let pod = pod
        .map_err(|e| cluster.error(e))?
        .filter(|p| owned(&p.metadata));
    let ssh_service = ssh_service
        .map_err(|e| cluster.error(e))?
        .filter(|s| owned(&s.metadata));
    let now = Timestamp::now();
    // A multi-node devserver's further pods, read at once after the StatefulSet said how many.
    let node_count = state::nodes(&set);
    let further = futures::future::try_join_all((1..node_count).map(|i| {
        let pods = pods.clone();
        async move { pods.get_opt(&state::node_pod_name(name, i)).await }
    }))
    .await
    .map_err(|e| cluster.error(e))?;
    let node_pods: Vec<Option<&Pod>> = std::iter::once(pod.as_ref())
        .chain(
            further
                .iter()
                .map(|p| p.as_ref().filter(|p| owned(&p.metadata))),
        )
        .collect();
    let nodes: Vec<Node> = (0..)
        .zip(&node_pods)
        .map(|(index, p)| Node::of(&set, name, index, *p, now))
        .collect();

    let mut claim_names: Vec<String> = Vec::new();
    if state::has_home(&set) {
        claim_names.push(state::home_claim(name));
    }
    for v in set
        .spec
        .as_ref()
        .and_then(|s| s.template.spec.as_ref())
        .map(|p| p.volumes.clone().unwrap_or_default())
        .unwrap_or_default()
    {
        if let Some(pvc) = v.persistent_volume_claim {
            claim_names.push(pvc.claim_name);
        }
    }
    let claim_list = claim_list.map_err(|e| cluster.error(e))?;
    let volumes: Vec<Volume> = claim_names
        .iter()
        .map(|claim| {
            let found = claim_list
                .items
                .iter()
                .find(|c| c.metadata.name.as_deref() == Some(claim.as_str()));
            let status = found.and_then(|c| c.status.as_ref());
            Volume {
                claim: claim.clone(),
                phase: status
                    .and_then(|s| s.phase.clone())
                    .unwrap_or_else(|| "Missing".into()),
                capacity: status
                    .and_then(|s| s.capacity.as_ref())
                    .and_then(|c| c.get("storage"))
                    .map(|q| q.0.clone())
                    .unwrap_or_default(),
                access_modes: status
                    .and_then(|s| s.access_modes.clone())
                    .unwrap_or_default(),
            }
        })
        .collect();

    let containers: Vec<Container> = pod
        .as_ref()
        .and_then(|p| p.status.as_ref())
        .and_then(|s| s.container_statuses.clone())
        .unwrap_or_default()
        .into_iter()
        .map(|c| {
            let st = c.state.unwrap_or_default();
            let (state, reason) = if let Some(w) = st.waiting {
                ("Waiting", w.reason.unwrap_or_default())
            } else if st.running.is_some() {
                ("Running", String::new())
            } else if let Some(t) = st.terminated {
                ("Terminated", t.reason.unwrap_or_default())
            } else {
                ("Unknown", String::new())
            };
            Container {
                name: c.name,
                state: state.into(),
                reason,
                restarts: c.restart_count,
                ready: c.ready,
            }
        })
        .collect();

    let mut events: Vec<Event> = Vec::new();
    for list in [pod_events, set_events] {
        events.extend(list.map_err(|e| cluster.error(e))?.items);
    }
    let seen = |e: &Event| {
        e.last_timestamp
            .as_ref()
            .map(|t| t.0)
            .or_else(|| e.event_time.as_ref().map(|t| t.0))
            .or_else(|| e.metadata.creation_timestamp.as_ref().map(|t| t.0))
    };
    // Warnings first, then newest first.
    events.sort_by_key(|e| {
        (
            e.type_.as_deref() != Some("Warning"),
            std::cmp::Reverse(seen(e)),
        )
    });
    let events: Vec<EventLine> = events
        .iter()
        .take(20)
        .map(|e| EventLine {
            type_: e.type_.clone().unwrap_or_default(),
            reason: e.reason.clone().unwrap_or_default(),
            message: e.message.clone().unwrap_or_default(),
            count: e.count.unwrap_or(1),
            last_seen: seen(e).map(|t| state::relative(t, now)).unwrap_or_default(),
        })
        .collect();

    let annotation = |k: &str| {
        state::annotation(&set, &format!("devserver.io/{k}"))
            .unwrap_or("")
            .to_string()
    };
    let status = state::nodes_state(&set, &node_pods, now);
    let status_line = status.to_string();
    let status = status.state.to_string();
    let mut ssh = vec![
        Endpoint {
            transport: "in-cluster",
            host: format!("{pod_name}.{name}.{ns}.svc"),
            port: SSH_PORT,
        },
        Endpoint {
            transport: "port-forward",
            host: pod_name.clone(),
            port: SSH_PORT,
        },
    ];
    // The NodePort endpoints need the pod's node: the one call made after the others.
    let published = match &ssh_service {
        Some(service) => {
            let node = endpoints::node_of(cluster, pod.as_ref()).await?;
            endpoints::endpoints(service, pod.as_ref(), node.as_ref())
        }
        None => Vec::new(),
    };
    // The SSH endpoint by NodePort, when its node address is known.
    let ssh_nodeport = published.iter().find(|e| e.is_ssh());
    if let Some((Ok(address), Some(port))) = ssh_nodeport.map(|e| (&e.address, e.node_port)) {
        ssh.push(Endpoint {
            transport: "nodeport",
            host: address.address.clone(),
            port,
        });
    }
    let pod_info = pod.as_ref().map(|p| {
        serde_json::json!({
            "name": pod_name,
            "phase": p.status.as_ref().and_then(|s| s.phase.clone()),
            "node": p.spec.as_ref().and_then(|s| s.node_name.clone()),
            "ip": p.status.as_ref().and_then(|s| s.pod_ip.clone()),
            "containers": containers,
        })
    });
    let expires = state::expires_at(&set);
    if printer.format == Format::Name {
        printer.out(&format!("devserver/{name}\n"));
        return Ok(0);
    }
    if printer.is_structured() {
        let mut document = serde_json::json!({
                "apiVersion": "devctl/v1",
                "kind": "DevServerDescription",
                "name": name,
                "namespace": ns,
                "status": status,
                "spec": {
                    "owner": annotation("owner"), "flavor": annotation("flavor"), "image": annotation("image"),
                    "ttl": annotation("ttl"), "expiresAt": annotation("expires-at"), "hostKey": annotation("host-key"),
                },
                "pod": pod_info,
                "volumes": volumes,
                "ssh": ssh,
                "endpoints": published,
                "events": events,
        });
        if node_count > 1 {
            document["nodes"] = serde_json::json!(nodes);
        }
        return printer.structured(&document).map(|()| 0);
    }

    let mut out = String::new();
    let line = |label: &str, value: &str| format!("{label:<12}{value}\n");
    out.push_str(&line("Name:", name));
    out.push_str(&line("Namespace:", &ns));
    out.push_str(&line("Status:", &status_line));
    out.push_str(&line("Owner:", &annotation("owner")));
    out.push_str(&line("Flavor:", &annotation("flavor")));
    out.push_str(&line("Image:", &annotation("image")));
    let expiry = expires
        .map(|t| format!("{t} ({})", state::relative(t, now)))
        .unwrap_or_else(|| "never".into());
    out.push_str(&line("Expires:", &expiry));
    // A multi-node devserver's keys, one line per pod, each named.
    let pod_0_key = match node_count {
        1 => annotation("host-key"),
        _ => format!("{pod_name}: {}", annotation("host-key")),
    };
    out.push_str(&line("Host key:", &pod_0_key));
    for node in nodes.iter().skip(1) {
        let key = node.host_key.as_deref().unwrap_or("none");
        out.push_str(&line("", &format!("{}: {key}", node.pod)));
    }
    for (i, endpoint) in ssh.iter().enumerate() {
        out.push_str(&line(
            if i == 0 { "SSH:" } else { "" },
            &endpoint.describe(),
        ));
    }
    match &pod {
        Some(p) => {
            let node = p
                .spec
                .as_ref()
                .and_then(|s| s.node_name.clone())
                .unwrap_or_else(|| "-".into());
            let ip = p
                .status
                .as_ref()
                .and_then(|s| s.pod_ip.clone())
                .unwrap_or_else(|| "-".into());
            out.push_str(&line("Pod:", &format!("{pod_name} on {node}, IP {ip}")));
        }
        None => out.push_str(&line("Pod:", "none")),
    }
    if node_count > 1 {
        out.push('\n');
        out.push_str(&line("Nodes:", &node_count.to_string()));
        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        let rows: Vec<Vec<String>> = nodes
            .iter()
            .map(|n| {
                vec![
                    n.index.to_string(),
                    n.pod.clone(),
                    n.status.clone(),
                    dash(&n.phase),
                    dash(&n.node),
                    dash(&n.ip),
                    n.ready.to_string(),
                ]
            })
            .collect();
        out.push_str(&printer.table(
            &["INDEX", "POD", "STATUS", "PHASE", "NODE", "IP", "READY"],
            &rows,
        ));
    }
    if !containers.is_empty() {
        out.push('\n');
        let rows: Vec<Vec<String>> = containers
            .iter()
            .map(|c| {
                vec![
                    c.name.clone(),
                    c.state.clone(),
                    c.reason.clone(),
                    c.restarts.to_string(),
                    c.ready.to_string(),
                ]
            })
            .collect();
        out.push_str(&printer.table(
            &["CONTAINER", "STATE", "REASON", "RESTARTS", "READY"],
            &rows,
        ));
    }
    if !volumes.is_empty() {
        out.push('\n');
        let rows: Vec<Vec<String>> = volumes
            .iter()
            .map(|v| {
                vec![
                    v.claim.clone(),
                    v.phase.clone(),
                    v.capacity.clone(),
                    v.access_modes.join(","),
                ]
            })
            .collect();
        out.push_str(&printer.table(&["CLAIM", "PHASE", "CAPACITY", "ACCESS"], &rows));
    }
    if !published.is_empty() {
        out.push('\n');
        let rows: Vec<Vec<String>> = published
            .iter()
            .map(|e| {
                vec![
                    e.name.clone(),
                    e.endpoint().unwrap_or_else(|| "-".into()),
                    e.port.to_string(),
                    address_note(e),
                ]
            })
            .collect();
        out.push_str(&printer.table(
            &["PUBLISHED", "ENDPOINT", "CONTAINER PORT", "ADDRESS"],
            &rows,
        ));
    }
    out.push('\n');
    if events.is_empty() {
        out.push_str("Events: none\n");
    } else {
        let rows: Vec<Vec<String>> = events
            .iter()
            .map(|e| {
                vec![
                    e.last_seen.clone(),
                    e.type_.clone(),
                    e.reason.clone(),
                    e.message.clone(),
                ]
            })
            .collect();
        out.push_str(&printer.table(&["LAST SEEN", "TYPE", "REASON", "MESSAGE"], &rows));
    }
    printer.out(&out);
    Ok(0)
}
