//! `devctl list`: the caller's devservers, from one list of StatefulSets and one of pods,
//! asked at once; the server selects the caller's by the `devserver.io/owner` label (after
//! asking the cluster who the caller is, unless an owner is configured). `-o wide`, `json`
//! and `yaml` also show the NodePort endpoints: the Services are listed with the rest, and
//! the nodes of exposed devservers' pods read after them, at once (only when there are any).
//!
//! `-o json`: `{"apiVersion": "devctl/v1", "kind": "DevServerList", "items": [{"name",
//! "namespace", "status", "flavor", "image", "owner", "created", "expiresAt", "node", "ip",
//! "ssh", "endpoints"}]}`; `endpoints` as in `describe -o json` (SSH first, empty for a
//! devserver not exposed by NodePort). A multi-node devserver's item also has `nodes` and
//! `readyNodes`, and its STATUS cell the count (`Running 2/2`); `node` and `ip` are pod 0's.

use k8s_openapi::jiff::Timestamp;
use serde::Serialize;

use super::{Context, ExitStatus};
use crate::cli::ListArgs;
use crate::cluster::devservers;
use crate::cluster::endpoints::{self, Endpoint};
use crate::devserver::state::{self, annotation};
use crate::error::Result;
use crate::output::Format;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    name: String,
    namespace: String,
    status: String,
    flavor: String,
    image: String,
    owner: String,
    created: Option<String>,
    expires_at: Option<String>,
    node: Option<String>,
    ip: Option<String>,
    ssh: String,
    endpoints: Vec<Endpoint>,
    /// A multi-node devserver's pods, and how many are ready (absent for a single node).
    #[serde(skip_serializing_if = "Option::is_none")]
    nodes: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ready_nodes: Option<u32>,
    /// The STATUS cell: `status`, with the count of ready pods of a multi-node devserver.
    #[serde(skip)]
    status_cell: String,
}

pub async fn run(ctx: &Context<'_>, args: ListArgs) -> Result<ExitStatus> {
    let (settings, printer) = (ctx.settings()?, ctx.printer);
    let cluster = ctx.cluster().await?;
    let everyone = args.all_users || args.all_namespaces;
    // Only the caller's devservers, selected by the server with the owner label. The cluster
    // is asked who the caller is only when no owner is configured.
    let mut selector = args.selector.clone();
    if !everyone {
        let mine = devservers::owner_selector(cluster, settings.get("owner")).await?;
        selector = Some(match selector {
            Some(extra) => format!("{mine},{extra}"),
            None => mine,
        });
    }
    // The endpoints only for the formats that show them: a plain list makes no extra call.
    let with_endpoints = matches!(printer.format, Format::Wide | Format::Json | Format::Yaml);
    let devservers = devservers::list(cluster, args.all_namespaces, selector.as_deref());
    let services = async {
        match with_endpoints {
            true => endpoints::nodeport_services(cluster, args.all_namespaces).await,
            false => Ok(Default::default()),
        }
    };
    let ((sets, pods), services) = tokio::try_join!(devservers, services)?;
    let pod_of = |set: &k8s_openapi::api::apps::v1::StatefulSet| {
        let namespace = set.metadata.namespace.clone().unwrap_or_default();
        let name = set.metadata.name.clone().unwrap_or_default();
        let uid = set.metadata.uid.as_deref().unwrap_or_default();
        pods.get(&(namespace, format!("{name}-0")))
            .filter(|p| crate::devserver::state::owned_by(&p.metadata, uid))
    };
    // The nodes of exposed devservers' pods, each read once.
    let mut node_names: Vec<String> = sets
        .iter()
        .filter(|set| services.contains_key(set.metadata.uid.as_deref().unwrap_or_default()))
        .filter_map(|set| pod_of(set)?.spec.as_ref()?.node_name.clone())
        .collect();
    node_names.sort();
    node_names.dedup();
    let nodes = match node_names.is_empty() {
        true => Default::default(),
        false => endpoints::read_nodes(cluster, &node_names).await?,
    };
    let now = Timestamp::now();
    let mut items = Vec::new();
    for set in &sets {
        let owner = annotation(set, "devserver.io/owner")
            .unwrap_or("")
            .to_string();
        let name = set.metadata.name.clone().unwrap_or_default();
        let namespace = set.metadata.namespace.clone().unwrap_or_default();
        let pod = pods.get(&(namespace.clone(), format!("{name}-0")));
        let pod_status = pod.and_then(|p| p.status.as_ref());
        let uid = set.metadata.uid.as_deref().unwrap_or_default();
        let node_count = state::nodes(set);
        let status = match node_count {
            1 => state::nodes_state(set, &[pod], now),
            n => {
                // Each pod counts only if it is this StatefulSet's.
                let node_pods: Vec<_> = (0..n)
                    .map(|i| {
                        pods.get(&(namespace.clone(), state::node_pod_name(&name, i)))
                            .filter(|p| state::owned_by(&p.metadata, uid))
                    })
                    .collect();
                state::nodes_state(set, &node_pods, now)
            }
        };
        let multi = (node_count > 1).then_some(&status);
        let published = match services.get(uid) {
            Some(service) => {
                let pod = pod_of(set);
                let node = pod
                    .and_then(|p| p.spec.as_ref()?.node_name.as_ref())
                    .and_then(|n| nodes.get(n));
                endpoints::endpoints(service, pod, node)
            }
            None => Vec::new(),
        };
        items.push(Item {
            status: status.state.to_string(),
            status_cell: status.to_string(),
            nodes: multi.map(|s| s.nodes),
            ready_nodes: multi.map(|s| s.ready),
            flavor: annotation(set, "devserver.io/flavor").unwrap_or("").into(),
            image: annotation(set, "devserver.io/image").unwrap_or("").into(),
            owner,
            created: set
                .metadata
                .creation_timestamp
                .as_ref()
                .map(|t| t.0.to_string()),
            expires_at: state::expires_at(set).map(|t| t.to_string()),
            node: pod
                .and_then(|p| p.spec.as_ref())
                .and_then(|s| s.node_name.clone()),
            ip: pod_status.and_then(|s| s.pod_ip.clone()),
            ssh: format!("{name}-0.{name}.{namespace}.svc:22"),
            endpoints: published,
            name,
            namespace,
        });
    }
    items.sort_by(|a, b| (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name)));

    match printer.format {
        Format::Json | Format::Yaml => {
            printer.structured(&serde_json::json!({ "apiVersion": "devctl/v1", "kind": "DevServerList", "items": items }))?
        }
        Format::Name => printer.out(&items.iter().map(|i| format!("devserver/{}\n", i.name)).collect::<String>()),
        Format::Table | Format::Wide => {
            if items.is_empty() {
                let (whose, place) = match (args.all_namespaces, args.all_users) {
                    (true, _) => ("", "any namespace".to_string()),
                    (false, true) => ("", format!("namespace {}", cluster.namespace)),
                    (false, false) => (" of yours", format!("namespace {}", cluster.namespace)),
                };
                printer.info(&format!("no devservers{whose} in {place}"));
                return Ok(0);
            }
            let wide = printer.format == Format::Wide;
            let mut headers = vec![];
            if args.all_namespaces {
                headers.push("NAMESPACE");
            }
            headers.extend(["NAME", "STATUS", "FLAVOR", "IMAGE", "AGE", "EXPIRES"]);
            if wide {
                headers.extend(["NODE", "IP", "SSH", "ENDPOINTS", "OWNER"]);
            }
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|i| {
                    let age = i
                        .created
                        .as_deref()
                        .and_then(|c| c.parse::<Timestamp>().ok())
                        .map(|c| state::short_duration(now.duration_since(c)))
                        .unwrap_or_else(|| "-".into());
                    let expires = i
                        .expires_at
                        .as_deref()
                        .and_then(|e| e.parse::<Timestamp>().ok())
                        .map(|e| state::relative(e, now))
                        .unwrap_or_else(|| "-".into());
                    let mut row = vec![];
                    if args.all_namespaces {
                        row.push(i.namespace.clone());
                    }
                    row.extend([i.name.clone(), i.status_cell.clone(), i.flavor.clone(), i.image.clone(), age, expires]);
                    if wide {
                        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
                        row.extend([dash(&i.node), dash(&i.ip), i.ssh.clone(), endpoints_cell(&i.endpoints), i.owner.clone()]);
                    }
                    row
                })
                .collect();
            printer.out(&printer.table(&headers, &rows));
        }
    }
    Ok(0)
}

/// The ENDPOINTS cell: `ADDRESS:NODEPORT` of each published port, SSH first, comma-separated;
/// `-` for a port without an address, and for a devserver not exposed by NodePort.
fn endpoints_cell(published: &[Endpoint]) -> String {
    if published.is_empty() {
        return "-".into();
    }
    published
        .iter()
        .map(|e| e.endpoint().unwrap_or_else(|| "-".into()))
        .collect::<Vec<_>>()
        .join(",")
}
