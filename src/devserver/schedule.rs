//! Whether a devserver would fit on some node right now, worked out as the scheduler's
//! default filters would (unschedulable nodes, taints, the node selector, the resources left
//! after the requests of the pods bound to each node), and why not, counted per node in the
//! scheduler's words. `flavors` shows it per flavor; `create` warns with it.

use std::collections::BTreeMap;
use std::fmt;

use k8s_openapi::api::core::v1::{Container, Node, Pod, PodSpec, Taint, Toleration};

use super::flavor::{Flavor, is_gpu_resource};
use super::quantity::Milli;

/// What a devserver asks of its node.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Wants {
    pub requests: BTreeMap<String, Milli>,
    pub node_selector: BTreeMap<String, String>,
    pub tolerations: Vec<Toleration>,
    /// A request that is not a quantity devctl can count: the hint is then Unknown.
    pub unreadable: Option<String>,
}

impl Wants {
    /// A devserver of `flavor` without overrides: its requests (a resource with only a limit
    /// requests the limit, as the API server defaults it).
    pub fn of_flavor(flavor: &Flavor) -> Wants {
        let resources = &flavor.resources;
        let mut requests = BTreeMap::new();
        let mut unreadable = None;
        for (name, value) in resources.limits.iter().chain(&resources.requests) {
            match Milli::parse(value) {
                Some(q) => {
                    requests.insert(name.clone(), q);
                }
                None => {
                    unreadable = Some(format!(
                        "{name} {value:?} is not a quantity devctl can count"
                    ))
                }
            }
        }
        Wants {
            requests,
            node_selector: flavor.node_selector.clone(),
            tolerations: flavor.tolerations.clone(),
            unreadable,
        }
    }

    /// What a pod with `spec` asks of its node.
    pub fn of_pod_spec(spec: &PodSpec) -> Wants {
        Wants {
            requests: pod_requests(spec),
            node_selector: spec.node_selector.clone().unwrap_or_default(),
            tolerations: spec.tolerations.clone().unwrap_or_default(),
            unreadable: None,
        }
    }

    /// It asks for a GPU or another extended resource: the hint then counts how many more fit.
    pub fn is_gpu(&self) -> bool {
        self.requests
            .iter()
            .any(|(r, q)| q.0 > 0 && is_gpu_resource(r))
    }
}

/// The verdict for one set of wants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// It fits on `nodes` nodes; for a GPU flavor, `more` devservers of it fit at once.
    Yes {
        nodes: usize,
        total: usize,
        more: Option<u64>,
        usage_known: bool,
    },
    /// It fits nowhere: each reason with the number of nodes it applies to.
    No {
        total: usize,
        reasons: Vec<(String, usize)>,
        usage_known: bool,
    },
    /// The nodes could not be read (why).
    Unknown(String),
}

impl Hint {
    /// `Yes`, `No` or `Unknown`, for JSON.
    pub fn word(&self) -> &'static str {
        match self {
            Hint::Yes { .. } => "Yes",
            Hint::No { .. } => "No",
            Hint::Unknown(_) => "Unknown",
        }
    }

    /// Why not, in the scheduler's words and order: `0/5 nodes are available: 2 node(s) had
    /// untolerated taint {dedicated: infra}, 3 Insufficient nvidia.com/gpu`; `None` when it
    /// fits or is unknown.
    pub fn why_not(&self) -> Option<String> {
        match self {
            Hint::No { total, reasons, .. } => {
                let counted: Vec<String> =
                    reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
                match counted.is_empty() {
                    true => Some(format!("0/{total} nodes are available")),
                    false => Some(format!(
                        "0/{total} nodes are available: {}",
                        counted.join(", ")
                    )),
                }
            }
            _ => None,
        }
    }
}

impl fmt::Display for Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let uncounted = "the pods on them not counted";
        match self {
            Hint::Yes {
                nodes,
                more,
                usage_known,
                ..
            } => {
                let mut parts = vec![format!("{nodes} node{}", plural(*nodes))];
                if let Some(more) = more {
                    parts.push(format!("{more} more fit"));
                }
                if !usage_known {
                    parts.push(uncounted.into());
                }
                write!(f, "Yes ({})", parts.join(", "))
            }
            Hint::No { usage_known, .. } => {
                let why = self.why_not().unwrap_or_default();
                match usage_known {
                    true => write!(f, "No ({why})"),
                    false => write!(f, "No ({why}; {uncounted})"),
                }
            }
            Hint::Unknown(why) => write!(f, "Unknown ({why})"),
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// What the pods of the cluster request, per node: the sum of their requests and their
/// number (pods that have finished hold nothing).
#[derive(Debug, Clone, Default)]
pub struct Usage {
    by_node: BTreeMap<String, (BTreeMap<String, Milli>, i128)>,
}

impl Usage {
    pub fn of_pods(pods: &[Pod]) -> Usage {
        let mut usage = Usage::default();
        for pod in pods {
            let Some(spec) = &pod.spec else { continue };
            let Some(node) = &spec.node_name else {
                continue;
            };
            let phase = pod.status.as_ref().and_then(|s| s.phase.as_deref());
            if matches!(phase, Some("Succeeded" | "Failed")) {
                continue;
            }
            let (used, count) = usage.by_node.entry(node.clone()).or_default();
            for (name, q) in pod_requests(spec) {
                *used.entry(name).or_default() = used.get(&name).copied().unwrap_or_default() + q;
            }
            *count += 1;
        }
        usage
    }
}

/// A pod's requests as the scheduler counts them: [`pod_sum`] of what each container
/// requests (its limit where it sets no request, as the API server defaults it), plus the
/// pod's overhead.
fn pod_requests(spec: &PodSpec) -> BTreeMap<String, Milli> {
    let mut total = pod_sum(spec, |c| {
        let resources = c.resources.as_ref();
        let limits = resources.and_then(|r| r.limits.as_ref());
        let requests = resources.and_then(|r| r.requests.as_ref());
        let mut out = BTreeMap::new();
        for (name, q) in limits
            .into_iter()
            .flatten()
            .chain(requests.into_iter().flatten())
        {
            if let Some(m) = Milli::parse(&q.0) {
                out.insert(name.clone(), m);
            }
        }
        out
    });
    let overhead: BTreeMap<String, Milli> = spec
        .overhead
        .iter()
        .flatten()
        .filter_map(|(name, q)| Some((name.clone(), Milli::parse(&q.0)?)))
        .collect();
    add_to(&mut total, &overhead);
    total
}

fn add_to(total: &mut BTreeMap<String, Milli>, more: &BTreeMap<String, Milli>) {
    for (name, q) in more {
        let sum = total.get(name).copied().unwrap_or_default() + *q;
        total.insert(name.clone(), sum);
    }
}

/// What a pod holds of the amounts `of` gives per container, as the scheduler and quota
/// admission count it: the containers' sum plus the sidecars' (init containers that keep
/// running), and at least each plain init container's beside the sidecars started before it.
pub fn pod_sum(
    spec: &PodSpec,
    of: impl Fn(&Container) -> BTreeMap<String, Milli>,
) -> BTreeMap<String, Milli> {
    let mut total: BTreeMap<String, Milli> = BTreeMap::new();
    for c in &spec.containers {
        add_to(&mut total, &of(c));
    }
    let mut sidecars: BTreeMap<String, Milli> = BTreeMap::new();
    let mut init_peak: BTreeMap<String, Milli> = BTreeMap::new();
    for c in spec.init_containers.iter().flatten() {
        let own = of(c);
        if c.restart_policy.as_deref() == Some("Always") {
            add_to(&mut sidecars, &own);
            continue;
        }
        let mut during = sidecars.clone();
        add_to(&mut during, &own);
        for (name, q) in during {
            let entry = init_peak.entry(name).or_default();
            *entry = (*entry).max(q);
        }
    }
    add_to(&mut total, &sidecars);
    for (name, q) in init_peak {
        let entry = total.entry(name).or_default();
        *entry = (*entry).max(q);
    }
    total
}

/// The verdict for `wants` on `nodes`, with `usage` (`None`: the pods could not be listed, so
/// every node's allocatable counts as free).
pub fn hint(wants: &Wants, nodes: &[Node], usage: Option<&Usage>) -> Hint {
    if let Some(why) = &wants.unreadable {
        return Hint::Unknown(why.clone());
    }
    let mut fits = 0;
    let mut more: u64 = 0;
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for node in nodes {
        match check(wants, node, usage) {
            Ok(times) => {
                fits += 1;
                more = more.saturating_add(times);
            }
            Err(why) => {
                for reason in why {
                    *reasons.entry(reason).or_default() += 1;
                }
            }
        }
    }
    let usage_known = usage.is_some();
    if fits > 0 {
        Hint::Yes {
            nodes: fits,
            total: nodes.len(),
            more: wants.is_gpu().then_some(more),
            usage_known,
        }
    } else {
        // Ordered as the scheduler orders them: by the text "N reason".
        let mut reasons: Vec<(String, usize)> = reasons.into_iter().collect();
        reasons.sort_by_key(|(reason, n)| format!("{n} {reason}"));
        Hint::No {
            total: nodes.len(),
            reasons,
            usage_known,
        }
    }
}

/// How many pods with `wants` the nodes take at once now, summed over the nodes (each pod on
/// a node of its own or not): what a multi-node devserver's N pods are checked against.
pub fn room(wants: &Wants, nodes: &[Node], usage: Option<&Usage>) -> u64 {
    if wants.unreadable.is_some() {
        return u64::MAX;
    }
    nodes
        .iter()
        .filter_map(|node| check(wants, node, usage).ok())
        .fold(0u64, u64::saturating_add)
}

/// The names of the nodes that could take `wants` if nothing else ran there (cordon, taints,
/// selector, allocatable).
pub fn candidates(wants: &Wants, nodes: &[Node]) -> Vec<String> {
    nodes
        .iter()
        .filter(|n| check(wants, n, None).is_ok())
        .filter_map(|n| n.metadata.name.clone())
        .collect()
}

/// How many devservers with `wants` fit on `node` now, or the reasons it fits none, in the
/// order of the scheduler's filters: the first filter that fails decides.
fn check(wants: &Wants, node: &Node, usage: Option<&Usage>) -> Result<u64, Vec<String>> {
    let spec = node.spec.clone().unwrap_or_default();
    let tolerations = with_default_tolerations(&wants.tolerations);
    if spec.unschedulable == Some(true) {
        let cordon = Taint {
            key: "node.kubernetes.io/unschedulable".into(),
            effect: "NoSchedule".into(),
            ..Taint::default()
        };
        if !tolerations.iter().any(|t| tolerates(t, &cordon)) {
            return Err(vec!["node(s) were unschedulable".into()]);
        }
    }
    let blocking = spec
        .taints
        .iter()
        .flatten()
        .filter(|t| t.effect == "NoSchedule" || t.effect == "NoExecute");
    for taint in blocking {
        if !tolerations.iter().any(|t| tolerates(t, taint)) {
            let value = taint.value.as_deref().unwrap_or("");
            return Err(vec![format!(
                "node(s) had untolerated taint {{{}: {value}}}",
                taint.key
            )]);
        }
    }
    let labels = node.metadata.labels.clone().unwrap_or_default();
    if !wants
        .node_selector
        .iter()
        .all(|(k, v)| labels.get(k) == Some(v))
    {
        return Err(vec![
            "node(s) didn't match Pod's node affinity/selector".into(),
        ]);
    }
    let allocatable: BTreeMap<String, Milli> = node
        .status
        .as_ref()
        .and_then(|s| s.allocatable.as_ref())
        .into_iter()
        .flatten()
        .filter_map(|(k, q)| Some((k.clone(), Milli::parse(&q.0)?)))
        .collect();
    let name = node.metadata.name.as_deref().unwrap_or_default();
    let (used, pods) = usage
        .and_then(|u| u.by_node.get(name))
        .cloned()
        .unwrap_or_default();
    let mut times = u64::MAX;
    let mut insufficient = Vec::new();
    // A node that does not say how many pods it takes takes none, as the scheduler reads it.
    let max_pods = allocatable.get("pods").copied().unwrap_or_default();
    let free_pods = max_pods.0 / 1000 - pods;
    if free_pods < 1 {
        insufficient.push("Too many pods".to_string());
    }
    times = times.min(u64::try_from(free_pods.max(0)).unwrap_or(0));
    for (resource, want) in &wants.requests {
        if want.0 <= 0 {
            continue;
        }
        let have = allocatable.get(resource).copied().unwrap_or_default();
        let free = have - used.get(resource).copied().unwrap_or_default();
        if free < *want {
            insufficient.push(format!("Insufficient {resource}"));
        }
        times = times.min(free.times(*want));
    }
    match insufficient.is_empty() {
        true => Ok(times),
        false => Err(insufficient),
    }
}

/// The pod's tolerations with the two that admission adds to every pod.
fn with_default_tolerations(tolerations: &[Toleration]) -> Vec<Toleration> {
    let mut all = tolerations.to_vec();
    for key in [
        "node.kubernetes.io/not-ready",
        "node.kubernetes.io/unreachable",
    ] {
        all.push(Toleration {
            key: Some(key.into()),
            operator: Some("Exists".into()),
            effect: Some("NoExecute".into()),
            toleration_seconds: Some(300),
            ..Toleration::default()
        });
    }
    all
}

/// The API's toleration rule: the effect matches (or is empty), the key matches (or is
/// empty), and with `Equal` (also an empty operator) the value; `Exists` takes any value.
fn tolerates(toleration: &Toleration, taint: &Taint) -> bool {
    let effect = toleration.effect.as_deref().unwrap_or("");
    if !effect.is_empty() && effect != taint.effect {
        return false;
    }
    let key = toleration.key.as_deref().unwrap_or("");
    if !key.is_empty() && key != taint.key {
        return false;
    }
    match toleration.operator.as_deref().unwrap_or("") {
        "Exists" => true,
        "" | "Equal" => {
            toleration.value.as_deref().unwrap_or("") == taint.value.as_deref().unwrap_or("")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::api::core::v1::{
        Container, NodeSpec, NodeStatus, PodStatus, ResourceRequirements,
    };
    use k8s_openapi::apimachinery::pkg::api::resource::Quantity;

    fn node(name: &str, allocatable: &[(&str, &str)]) -> Node {
        let mut n = Node::default();
        n.metadata.name = Some(name.into());
        n.spec = Some(NodeSpec::default());
        n.status = Some(NodeStatus {
            allocatable: Some(
                allocatable
                    .iter()
                    .map(|(k, v)| (k.to_string(), Quantity(v.to_string())))
                    .collect(),
            ),
            ..NodeStatus::default()
        });
        n
    }

    fn tainted(mut n: Node, key: &str, value: &str, effect: &str) -> Node {
        n.spec
            .get_or_insert_default()
            .taints
            .get_or_insert_default()
            .push(Taint {
                key: key.into(),
                value: Some(value.into()),
                effect: effect.into(),
                ..Taint::default()
            });
        n
    }

    fn labelled(mut n: Node, key: &str, value: &str) -> Node {
        n.metadata
            .labels
            .get_or_insert_default()
            .insert(key.into(), value.into());
        n
    }

    fn wants(requests: &[(&str, &str)]) -> Wants {
        Wants {
            requests: requests
                .iter()
                .map(|(k, v)| (k.to_string(), Milli::parse(v).unwrap()))
                .collect(),
            ..Wants::default()
        }
    }

    #[test]
    fn room_counts_how_many_pods_fit_over_all_the_nodes() {
        let nodes = [
            node("a", &[("cpu", "2"), ("memory", "8Gi"), ("pods", "110")]),
            node("b", &[("cpu", "1"), ("memory", "8Gi"), ("pods", "110")]),
            tainted(
                node("c", &[("cpu", "8"), ("memory", "8Gi"), ("pods", "110")]),
                "dedicated",
                "infra",
                "NoSchedule",
            ),
        ];
        let one_cpu = wants(&[("cpu", "1"), ("memory", "1Gi")]);
        assert_eq!(room(&one_cpu, &nodes, None), 3, "2 on a, 1 on b, none on c");
        let used = Usage::of_pods(&[pod_on("a", &[("cpu", "1")], "Running")]);
        assert_eq!(room(&one_cpu, &nodes, Some(&used)), 2);
    }

    fn pod_on(node: &str, requests: &[(&str, &str)], phase: &str) -> Pod {
        Pod {
            spec: Some(PodSpec {
                node_name: Some(node.into()),
                containers: vec![Container {
                    resources: Some(ResourceRequirements {
                        requests: Some(
                            requests
                                .iter()
                                .map(|(k, v)| (k.to_string(), Quantity(v.to_string())))
                                .collect(),
                        ),
                        ..ResourceRequirements::default()
                    }),
                    ..Container::default()
                }],
                ..PodSpec::default()
            }),
            status: Some(PodStatus {
                phase: Some(phase.into()),
                ..PodStatus::default()
            }),
            ..Pod::default()
        }
    }

    const CPU8: [(&str, &str); 3] = [("cpu", "8"), ("memory", "32Gi"), ("pods", "110")];

    #[test]
    fn a_node_with_room_fits_and_counts() {
        let nodes = [node("a", &CPU8), node("b", &CPU8)];
        let hint = hint(&wants(&[("cpu", "2")]), &nodes, Some(&Usage::default()));
        assert_eq!(hint.to_string(), "Yes (2 nodes)");
    }

    #[test]
    fn reasons_are_counted_per_node_in_the_schedulers_words() {
        let gpu = [
            ("cpu", "8"),
            ("memory", "32Gi"),
            ("pods", "110"),
            ("nvidia.com/gpu", "1"),
        ];
        let nodes = [
            node("a", &CPU8),
            node("b", &CPU8),
            node("c", &CPU8),
            tainted(node("d", &gpu), "dedicated", "infra", "NoSchedule"),
            tainted(node("e", &gpu), "dedicated", "infra", "NoExecute"),
        ];
        let hint = hint(
            &wants(&[("cpu", "1"), ("nvidia.com/gpu", "1")]),
            &nodes,
            Some(&Usage::default()),
        );
        assert_eq!(
            hint.to_string(),
            "No (0/5 nodes are available: 2 node(s) had untolerated taint {dedicated: infra}, 3 Insufficient nvidia.com/gpu)"
        );
    }

    #[test]
    fn prefer_no_schedule_taints_and_tolerated_ones_do_not_block() {
        let nodes = [
            tainted(node("a", &CPU8), "soft", "x", "PreferNoSchedule"),
            tainted(node("b", &CPU8), "nvidia.com/gpu", "present", "NoSchedule"),
        ];
        let mut w = wants(&[("cpu", "1")]);
        assert_eq!(
            hint(&w, &nodes, Some(&Usage::default())).to_string(),
            "Yes (1 node)"
        );
        w.tolerations.push(Toleration {
            key: Some("nvidia.com/gpu".into()),
            operator: Some("Exists".into()),
            effect: Some("NoSchedule".into()),
            ..Toleration::default()
        });
        assert_eq!(
            hint(&w, &nodes, Some(&Usage::default())).to_string(),
            "Yes (2 nodes)"
        );
    }

    #[test]
    fn pods_count_sidecars_beside_the_containers_and_the_biggest_init_step() {
        use k8s_openapi::api::core::v1::Container;
        let container = |cpu: &str, restart: Option<&str>| Container {
            restart_policy: restart.map(str::to_string),
            resources: Some(ResourceRequirements {
                limits: Some([("cpu".to_string(), Quantity(cpu.to_string()))].into()),
                ..ResourceRequirements::default()
            }),
            ..Container::default()
        };
        let spec = PodSpec {
            containers: vec![container("1", None), container("500m", None)],
            init_containers: Some(vec![
                container("2", None),
                container("250m", Some("Always")),
                container("1", None),
            ]),
            overhead: Some([("cpu".to_string(), Quantity("100m".into()))].into()),
            ..PodSpec::default()
        };
        // Containers 1.5 + sidecar 0.25 = 1.75 beats the init steps (2, then 1 + 0.25);
        // only-limits count as requests; plus the overhead.
        assert_eq!(pod_requests(&spec)["cpu"], Milli(2100));
        let big_init = PodSpec {
            init_containers: Some(vec![container("4", None)]),
            ..spec
        };
        assert_eq!(pod_requests(&big_init)["cpu"], Milli(4100));
    }

    #[test]
    fn a_node_without_a_pods_capacity_takes_none_and_a_zero_request_is_no_gpu() {
        let hint = hint(
            &wants(&[("cpu", "1")]),
            &[node("a", &[("cpu", "8")])],
            Some(&Usage::default()),
        );
        assert_eq!(
            hint.why_not().unwrap(),
            "0/1 nodes are available: 1 Too many pods"
        );
        assert!(!wants(&[("cpu", "1"), ("nvidia.com/gpu", "0")]).is_gpu());
    }

    #[test]
    fn a_flavor_with_a_request_devctl_cannot_count_is_unknown() {
        let mut flavor = crate::devserver::flavor::builtin().remove(0);
        flavor
            .resources
            .requests
            .insert("cpu".into(), "1e400".into());
        let hint = hint(
            &Wants::of_flavor(&flavor),
            &[node("a", &CPU8)],
            Some(&Usage::default()),
        );
        assert_eq!(
            hint.to_string(),
            "Unknown (cpu \"1e400\" is not a quantity devctl can count)"
        );
    }

    #[test]
    fn equal_tolerations_need_the_value_too() {
        let taint = Taint {
            key: "dedicated".into(),
            value: Some("infra".into()),
            effect: "NoSchedule".into(),
            ..Taint::default()
        };
        let equal = |value: &str| Toleration {
            key: Some("dedicated".into()),
            value: Some(value.into()),
            ..Toleration::default()
        };
        assert!(tolerates(&equal("infra"), &taint));
        assert!(!tolerates(&equal("ml"), &taint));
        let everything = Toleration {
            operator: Some("Exists".into()),
            ..Toleration::default()
        };
        assert!(tolerates(&everything, &taint));
        let empty_operator = Toleration {
            operator: Some(String::new()),
            ..equal("infra")
        };
        assert!(
            tolerates(&empty_operator, &taint),
            "an empty operator is Equal"
        );
    }

    #[test]
    fn the_node_selector_is_checked_after_taints() {
        let nodes = [
            labelled(node("a", &CPU8), "kubernetes.io/arch", "arm64"),
            tainted(
                labelled(node("b", &CPU8), "kubernetes.io/arch", "amd64"),
                "k",
                "v",
                "NoSchedule",
            ),
        ];
        let mut w = wants(&[("cpu", "1")]);
        w.node_selector
            .insert("kubernetes.io/arch".into(), "amd64".into());
        assert_eq!(
            hint(&w, &nodes, Some(&Usage::default())).why_not().unwrap(),
            "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {k: v}"
        );
    }

    #[test]
    fn running_pods_use_up_room_and_finished_ones_do_not() {
        let gpu = [
            ("cpu", "16"),
            ("memory", "64Gi"),
            ("pods", "110"),
            ("nvidia.com/gpu", "4"),
        ];
        let nodes = [node("a", &gpu), node("b", &gpu)];
        let pods = [
            pod_on("a", &[("nvidia.com/gpu", "3")], "Running"),
            pod_on("b", &[("nvidia.com/gpu", "4")], "Succeeded"),
            pod_on("b", &[("nvidia.com/gpu", "2")], "Pending"),
        ];
        let w = wants(&[("cpu", "1"), ("nvidia.com/gpu", "1")]);
        assert_eq!(
            hint(&w, &nodes, Some(&Usage::of_pods(&pods))).to_string(),
            "Yes (2 nodes, 3 more fit)"
        );
        let w = wants(&[("cpu", "1"), ("nvidia.com/gpu", "2")]);
        assert_eq!(
            hint(&w, &nodes, Some(&Usage::of_pods(&pods))).to_string(),
            "Yes (1 node, 1 more fit)"
        );
    }

    #[test]
    fn without_the_pods_the_allocatable_counts_as_free_and_says_so() {
        let nodes = [node("a", &CPU8)];
        let hint = hint(&wants(&[("cpu", "2")]), &nodes, None);
        assert_eq!(
            hint.to_string(),
            "Yes (1 node, the pods on them not counted)"
        );
    }

    #[test]
    fn cordoned_and_full_nodes_are_named() {
        let mut cordoned = node("a", &CPU8);
        cordoned.spec.get_or_insert_default().unschedulable = Some(true);
        let full = node("b", &[("cpu", "8"), ("memory", "32Gi"), ("pods", "1")]);
        let pods = [pod_on("b", &[("cpu", "1")], "Running")];
        let hint = hint(
            &wants(&[("cpu", "1"), ("memory", "64Gi")]),
            &[cordoned, full],
            Some(&Usage::of_pods(&pods)),
        );
        assert_eq!(
            hint.why_not().unwrap(),
            "0/2 nodes are available: 1 Insufficient memory, 1 Too many pods, 1 node(s) were unschedulable"
        );
    }

    #[test]
    fn candidates_are_the_nodes_that_fit_when_empty() {
        let nodes = [
            node("a", &CPU8),
            tainted(node("b", &CPU8), "k", "v", "NoSchedule"),
            node("c", &[("cpu", "1"), ("pods", "110")]),
        ];
        assert_eq!(candidates(&wants(&[("cpu", "2")]), &nodes), ["a"]);
    }

    #[test]
    fn no_nodes_at_all_is_no() {
        let hint = hint(&wants(&[("cpu", "1")]), &[], Some(&Usage::default()));
        assert_eq!(hint.to_string(), "No (0/0 nodes are available)");
    }

    #[test]
    fn a_flavor_wants_its_requests_or_else_its_limits() {
        let mut flavor = crate::devserver::flavor::builtin().remove(0);
        flavor
            .resources
            .limits
            .insert("nvidia.com/gpu".into(), "1".into());
        let w = Wants::of_flavor(&flavor);
        assert_eq!(w.requests["cpu"], Milli(500));
        assert_eq!(w.requests["nvidia.com/gpu"], Milli(1000));
        assert!(w.is_gpu());
        assert!(!Wants::of_flavor(&crate::devserver::flavor::builtin()[1]).is_gpu());
    }
}
