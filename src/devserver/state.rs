//! A devserver's state, derived from its StatefulSet and pod without any I/O: the STATUS
//! `list` shows, the phase a pod is in on its way to Ready (what a wait reports), the one list
//! of reasons that mean it will not get there, and the relative times `list` shows.

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::jiff::{SignedDuration, Timestamp};

/// What `list` calls a devserver's STATUS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    Running,
    Starting,
    Pending(String),
    Stopped,
    Expired,
    Failed(String),
}

impl std::fmt::Display for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            State::Running => f.write_str("Running"),
            State::Starting => f.write_str("Starting"),
            State::Pending(why) if why.is_empty() => f.write_str("Pending"),
            State::Pending(why) => write!(f, "Pending ({why})"),
            State::Stopped => f.write_str("Stopped"),
            State::Expired => f.write_str("Expired"),
            State::Failed(why) => write!(f, "Failed ({why})"),
        }
    }
}

pub fn annotation<'a>(set: &'a StatefulSet, key: &str) -> Option<&'a str> {
    set.metadata
        .annotations
        .as_ref()?
        .get(key)
        .map(String::as_str)
}

/// Whether the devserver is stopped (replicas 0).
pub fn stopped(set: &StatefulSet) -> bool {
    set.spec.as_ref().and_then(|s| s.replicas) == Some(0)
}

/// Whether an object is owned by the object with `uid` (a pod or Service by the devserver's
/// StatefulSet, not an earlier devserver's of the same name).
pub fn owned_by(meta: &kube::api::ObjectMeta, uid: &str) -> bool {
    meta.owner_references.iter().flatten().any(|o| o.uid == uid)
}

/// Whether the devserver has a persistent home (`--home`): a volume claim template.
pub fn has_home(set: &StatefulSet) -> bool {
    set.spec
        .as_ref()
        .and_then(|s| s.volume_claim_templates.as_ref())
        .is_some_and(|t| !t.is_empty())
}

pub fn expires_at(set: &StatefulSet) -> Option<Timestamp> {
    annotation(set, "devserver.io/expires-at")?.parse().ok()
}

/// The pod of devserver `name` (the StatefulSet's first replica).
pub fn pod_name(name: &str) -> String {
    format!("{name}-0")
}

/// The annotation that records a multi-node devserver's number of pods (absent: 1).
pub const NODES_ANNOTATION: &str = "devserver.io/nodes";

/// How many pods the devserver runs on when running (`create --nodes`): what `start` scales
/// to. A missing or unreadable annotation is a single-node devserver's.
pub fn nodes(set: &StatefulSet) -> u32 {
    annotation(set, NODES_ANNOTATION)
        .and_then(|n| n.parse::<u32>().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(1)
}

/// Pod `node` of devserver `name`: `NAME-I`.
pub fn node_pod_name(name: &str, node: u32) -> String {
    format!("{name}-{node}")
}

/// The annotation that pins pod `node`'s host key: `devserver.io/host-key` for pod 0 (as a
/// single-node devserver has it), `devserver.io/host-key-I` for the others.
pub fn host_key_annotation(node: u32) -> String {
    match node {
        0 => "devserver.io/host-key".to_string(),
        i => format!("devserver.io/host-key-{i}"),
    }
}

/// The host key pinned at create for pod `node`, an OpenSSH public key.
pub fn pinned_host_key(set: &StatefulSet, node: u32) -> Option<&str> {
    annotation(set, &host_key_annotation(node))
}

/// Refuses a `--node` the devserver does not have, naming the range it has.
pub fn check_node(name: &str, set: &StatefulSet, node: u32) -> Result<(), String> {
    let nodes = nodes(set);
    match node < nodes {
        true => Ok(()),
        false if nodes == 1 => Err(format!("--node {node}: devserver {name} has one node, 0")),
        false => Err(format!(
            "--node {node}: devserver {name} has {nodes} nodes, 0 to {}",
            nodes - 1
        )),
    }
}

/// The home volume claim of devserver `name`, made from its `home` claim template.
pub fn home_claim(name: &str) -> String {
    format!("home-{name}-0")
}

/// The home volume claim of pod `node` of a multi-node devserver: `home-NAME-I`.
pub fn node_home_claim(name: &str, node: u32) -> String {
    format!("home-{name}-{node}")
}

/// The pod index whose home volume `claim` is, when it is one of devserver `name`'s
/// (`home-NAME-I`; never another devserver's, such as `home-NAME-1-0` of `NAME-1`).
pub fn home_claim_node(name: &str, claim: &str) -> Option<u32> {
    let index = claim
        .strip_prefix("home-")?
        .strip_prefix(name)?
        .strip_prefix('-')?;
    let plain = !index.is_empty()
        && index.bytes().all(|b| b.is_ascii_digit())
        && (index == "0" || !index.starts_with('0'));
    plain.then(|| index.parse().ok()).flatten()
}

/// Container waiting reasons that mean the devserver will not come up by itself.
pub const FAILED_REASONS: [&str; 6] = [
    "ErrImagePull",
    "ImagePullBackOff",
    "InvalidImageName",
    "CrashLoopBackOff",
    "CreateContainerConfigError",
    "CreateContainerError",
];

pub fn state(set: &StatefulSet, pod: Option<&Pod>, now: Timestamp) -> State {
    if expires_at(set).is_some_and(|t| t <= now) {
        return State::Expired;
    }
    let replicas = set.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1);
    let Some(pod) = pod else {
        return if replicas == 0 {
            State::Stopped
        } else {
            State::Pending(String::new())
        };
    };
    if replicas == 0 {
        // Scaled down; the pod is on its way out.
        return State::Stopped;
    }
    // The pod's view is the waits' own ([`phase`]): list and --wait never disagree.
    match phase(pod) {
        Phase::Ready => State::Running,
        Phase::Stuck { reason, .. } => State::Failed(reason),
        Phase::Unschedulable { .. } => State::Pending("Unschedulable".into()),
        Phase::Scheduling => State::Pending(String::new()),
        Phase::PullingImage | Phase::Starting | Phase::WaitingForSshd => State::Starting,
    }
}

/// The STATUS of a devserver on several pods: what its pods are together, and how many of
/// them are ready. A single-node devserver's reads as its pod's state alone (`Running`), a
/// multi-node one's with the count (`Running 2/2`, `Starting 1/2`), except when stopped or
/// expired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodesState {
    /// The pods' state together: any pod failed, else any pending, else any starting, else
    /// running.
    pub state: State,
    pub ready: u32,
    pub nodes: u32,
}

impl std::fmt::Display for NodesState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.state {
            _ if self.nodes <= 1 => write!(f, "{}", self.state),
            State::Stopped | State::Expired => write!(f, "{}", self.state),
            _ => write!(f, "{} {}/{}", self.state, self.ready, self.nodes),
        }
    }
}

/// The state of devserver `set` from its pods, `pods[i]` being pod `NAME-i` if it exists (and
/// belongs to this StatefulSet), one for each of its nodes.
pub fn nodes_state(set: &StatefulSet, pods: &[Option<&Pod>], now: Timestamp) -> NodesState {
    let states: Vec<State> = pods.iter().map(|pod| state(set, *pod, now)).collect();
    let ready = states.iter().filter(|s| **s == State::Running).count();
    let first = |wanted: fn(&State) -> bool| states.iter().find(|s| wanted(s)).cloned();
    let together = first(|s| matches!(s, State::Expired | State::Stopped))
        .or_else(|| first(|s| matches!(s, State::Failed(_))))
        .or_else(|| first(|s| matches!(s, State::Pending(_))))
        .or_else(|| first(|s| matches!(s, State::Starting)))
        .unwrap_or(State::Running);
    NodesState {
        state: together,
        ready: u32::try_from(ready).unwrap_or(u32::MAX),
        nodes: u32::try_from(pods.len()).unwrap_or(u32::MAX),
    }
}

/// Where a pod is on its way to Ready.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phase {
    Scheduling,
    PullingImage,
    Starting,
    WaitingForSshd,
    Ready,
    /// The scheduler found no node for it yet (the scheduler's message). Often for a moment
    /// (a claim it has not seen yet); the wait gives it a while before it calls it stuck.
    Unschedulable {
        message: String,
    },
    /// It will not get there by itself: the reason and the cluster's message.
    Stuck {
        reason: String,
        message: String,
    },
}

impl Phase {
    /// The phase in a few words, for a spinner: `pulling image`.
    pub fn describe(&self) -> &str {
        match self {
            Phase::Scheduling => "scheduling",
            Phase::PullingImage => "pulling image",
            Phase::Starting => "starting",
            Phase::WaitingForSshd => "waiting for sshd",
            Phase::Ready => "ready",
            Phase::Unschedulable { .. } => "no node fits yet",
            Phase::Stuck { reason, .. } => reason,
        }
    }
}

/// The phase of `pod`.
pub fn phase(pod: &Pod) -> Phase {
    let Some(status) = pod.status.as_ref() else {
        return Phase::Scheduling;
    };
    let conditions = status.conditions.as_deref().unwrap_or_default();
    let condition = |t: &str| conditions.iter().find(|c| c.type_ == t);
    if let Some(c) = condition("PodScheduled").filter(|c| c.status == "False") {
        if c.reason.as_deref() == Some("Unschedulable") {
            return Phase::Unschedulable {
                message: c.message.clone().unwrap_or_default(),
            };
        }
        return Phase::Scheduling;
    }
    match status.phase.as_deref() {
        // The container ran and ended: a devserver does not come back from that by itself.
        Some("Failed") => {
            return Phase::Stuck {
                reason: status.reason.clone().unwrap_or_else(|| "Failed".into()),
                message: status.message.clone().unwrap_or_default(),
            };
        }
        Some("Succeeded") => {
            return Phase::Stuck {
                reason: "Exited".into(),
                message: "the container exited".into(),
            };
        }
        Some("Running") => {}
        // Not on a node yet (container states come only from a node).
        _ if pod
            .spec
            .as_ref()
            .and_then(|s| s.node_name.as_ref())
            .is_none()
            && status.container_statuses.is_none() =>
        {
            return Phase::Scheduling;
        }
        _ => {}
    }
    // An init container (a multi-node pod's `host-key`) that cannot start, or that failed,
    // holds the devserver's container back (it waits as PodInitializing) for good: its
    // reason is the pod's, as kubectl shows it (`Init:ImagePullBackOff`).
    for c in status.init_container_statuses.iter().flatten() {
        let Some(state) = c.state.as_ref() else {
            continue;
        };
        if let Some(w) = &state.waiting {
            let reason = w.reason.clone().unwrap_or_default();
            if FAILED_REASONS.contains(&reason.as_str()) {
                let why = w.message.as_deref().unwrap_or_default();
                return Phase::Stuck {
                    reason: format!("Init:{reason}"),
                    message: format!("init container {}: {why}", c.name),
                };
            }
        }
        if let Some(t) = state.terminated.as_ref().filter(|t| t.exit_code != 0) {
            let message = match t.message.as_deref().map(str::trim) {
                Some(why) if !why.is_empty() => format!("init container {}: {why}", c.name),
                _ => format!("init container {} exited with code {}", c.name, t.exit_code),
            };
            return Phase::Stuck {
                reason: format!("Init:{}", t.reason.as_deref().unwrap_or("Error")),
                message,
            };
        }
    }
    for c in status.container_statuses.iter().flatten() {
        if let Some(w) = c.state.as_ref().and_then(|s| s.waiting.as_ref()) {
            let reason = w.reason.clone().unwrap_or_default();
            if FAILED_REASONS.contains(&reason.as_str()) {
                return Phase::Stuck {
                    reason,
                    message: w.message.clone().unwrap_or_default(),
                };
            }
            return Phase::PullingImage;
        }
    }
    if condition("Ready").is_some_and(|c| c.status == "True") {
        return Phase::Ready;
    }
    if status.phase.as_deref() == Some("Running") {
        return Phase::WaitingForSshd;
    }
    Phase::Starting
}

/// `3h12m`, `45s`, `2d3h`: the two largest units, as kubectl shows ages.
pub fn short_duration(d: SignedDuration) -> String {
    let secs = d.as_secs().unsigned_abs();
    let (days, hours, minutes, seconds) =
        (secs / 86_400, secs / 3_600 % 24, secs / 60 % 60, secs % 60);
    match (days, hours, minutes) {
        (0, 0, 0) => format!("{seconds}s"),
        (0, 0, m) => {
            if seconds == 0 {
                format!("{m}m")
            } else {
                format!("{m}m{seconds}s")
            }
        }
        (0, h, m) => {
            if m == 0 {
                format!("{h}h")
            } else {
                format!("{h}h{m}m")
            }
        }
        (d, h, _) => {
            if h == 0 {
                format!("{d}d")
            } else {
                format!("{d}d{h}h")
            }
        }
    }
}

/// `in 3h12m`, or `5m ago` once past.
pub fn relative(at: Timestamp, now: Timestamp) -> String {
    let d = at.duration_since(now);
    if d.is_negative() {
        format!("{} ago", short_duration(d))
    } else {
        format!("in {}", short_duration(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_home_claim_is_known_by_its_pod_index_and_never_another_devservers() {
        assert_eq!(home_claim_node("box", "home-box-0"), Some(0));
        assert_eq!(home_claim_node("box", "home-box-12"), Some(12));
        assert_eq!(home_claim_node("box", "home-box-1-0"), None, "box-1's");
        assert_eq!(home_claim_node("box", "home-boxer-0"), None);
        assert_eq!(home_claim_node("box", "home-box-"), None);
        assert_eq!(home_claim_node("box", "home-box-01"), None);
        assert_eq!(home_claim_node("box", "box-results"), None);
    }

    fn set(replicas: i32, expires: &str) -> StatefulSet {
        serde_json::from_value(serde_json::json!({
            "metadata": { "name": "d", "annotations": { "devserver.io/expires-at": expires } },
            "spec": { "replicas": replicas, "serviceName": "d", "selector": {}, "template": {} }
        }))
        .unwrap()
    }

    fn pod(status: serde_json::Value) -> Pod {
        serde_json::from_value(
            serde_json::json!({ "metadata": { "name": "d-0" }, "status": status }),
        )
        .unwrap()
    }

    fn now() -> Timestamp {
        "2026-11-25T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn states_from_objects() {
        let live = set(1, "2026-11-25T18:00:00Z");
        assert_eq!(
            state(&set(0, "2026-11-25T18:00:00Z"), None, now()),
            State::Stopped
        );
        assert_eq!(
            state(&set(1, "2026-11-25T09:00:00Z"), None, now()),
            State::Expired
        );
        assert_eq!(state(&live, None, now()), State::Pending(String::new()));
        let ready = pod(
            serde_json::json!({ "phase": "Running", "conditions": [{ "type": "Ready", "status": "True" }] }),
        );
        assert_eq!(state(&live, Some(&ready), now()), State::Running);
        let starting = pod(
            serde_json::json!({ "phase": "Running", "conditions": [{ "type": "Ready", "status": "False" }] }),
        );
        assert_eq!(state(&live, Some(&starting), now()), State::Starting);
        let unschedulable = pod(serde_json::json!({ "phase": "Pending",
            "conditions": [{ "type": "PodScheduled", "status": "False", "reason": "Unschedulable" }] }));
        assert_eq!(
            state(&live, Some(&unschedulable), now()).to_string(),
            "Pending (Unschedulable)"
        );
        let pull = pod(
            serde_json::json!({ "phase": "Pending", "containerStatuses": [{ "name": "devserver", "image": "x",
            "imageID": "", "ready": false, "restartCount": 0, "state": { "waiting": { "reason": "ImagePullBackOff" } } }] }),
        );
        assert_eq!(
            state(&live, Some(&pull), now()).to_string(),
            "Failed (ImagePullBackOff)"
        );
    }

    #[test]
    fn a_multi_node_status_counts_the_ready_pods_and_shows_the_worst_state() {
        let live = set(2, "2026-11-25T18:00:00Z");
        let ready = pod(
            serde_json::json!({ "phase": "Running", "conditions": [{ "type": "Ready", "status": "True" }] }),
        );
        let starting = pod(
            serde_json::json!({ "phase": "Running", "conditions": [{ "type": "Ready", "status": "False" }] }),
        );
        let shown = |pods: &[Option<&Pod>]| nodes_state(&live, pods, now()).to_string();
        assert_eq!(shown(&[Some(&ready), Some(&ready)]), "Running 2/2");
        assert_eq!(shown(&[Some(&ready), Some(&starting)]), "Starting 1/2");
        assert_eq!(shown(&[Some(&ready), None]), "Pending 1/2");
        assert_eq!(shown(&[Some(&ready)]), "Running", "one node: no count");
        let stopped = set(0, "2026-11-25T18:00:00Z");
        assert_eq!(
            nodes_state(&stopped, &[None, None], now()).to_string(),
            "Stopped"
        );
    }

    #[test]
    fn the_nodes_and_their_host_key_pins_come_from_the_annotations() {
        let mut multi = set(2, "2026-11-25T18:00:00Z");
        let annotations = multi.metadata.annotations.as_mut().unwrap();
        annotations.insert(NODES_ANNOTATION.into(), "3".into());
        annotations.insert("devserver.io/host-key".into(), "k0".into());
        annotations.insert("devserver.io/host-key-2".into(), "k2".into());
        assert_eq!(nodes(&multi), 3);
        assert_eq!(pinned_host_key(&multi, 0), Some("k0"));
        assert_eq!(pinned_host_key(&multi, 2), Some("k2"));
        assert_eq!(pinned_host_key(&multi, 1), None);
        assert_eq!(nodes(&set(1, "2026-11-25T18:00:00Z")), 1);
        assert!(check_node("d", &multi, 2).is_ok());
        assert_eq!(
            check_node("d", &multi, 3).unwrap_err(),
            "--node 3: devserver d has 3 nodes, 0 to 2"
        );
        assert_eq!(
            check_node("d", &set(1, "2026-11-25T18:00:00Z"), 1).unwrap_err(),
            "--node 1: devserver d has one node, 0"
        );
    }

    fn waiting(reason: &str) -> Pod {
        let mut pod = pod(serde_json::json!({ "phase": "Pending",
            "conditions": [{ "type": "PodScheduled", "status": "True" }],
            "containerStatuses": [{ "name": "devserver", "image": "x", "imageID": "", "ready": false,
            "restartCount": 0, "state": { "waiting": { "reason": reason, "message": "why" } } }] }));
        pod.spec = Some(k8s_openapi::api::core::v1::PodSpec {
            node_name: Some("n".into()),
            ..Default::default()
        });
        pod
    }

    #[test]
    fn phases_on_the_way_to_ready() {
        assert_eq!(phase(&pod(serde_json::json!(null))), Phase::Scheduling);
        let unschedulable = pod(serde_json::json!({ "phase": "Pending", "conditions": [{
            "type": "PodScheduled", "status": "False", "reason": "Unschedulable",
            "message": "0/1 nodes: Insufficient memory" }] }));
        // Not stuck yet: the wait decides that after a grace period.
        assert_eq!(
            phase(&unschedulable),
            Phase::Unschedulable {
                message: "0/1 nodes: Insufficient memory".into()
            }
        );
        assert_eq!(phase(&waiting("ContainerCreating")), Phase::PullingImage);
        let mut ready = waiting("x");
        ready.status = Some(
            serde_json::from_value(serde_json::json!({ "phase": "Running",
            "conditions": [{ "type": "Ready", "status": "True" }] }))
            .unwrap(),
        );
        assert_eq!(phase(&ready), Phase::Ready);
        ready.status =
            Some(serde_json::from_value(serde_json::json!({ "phase": "Running" })).unwrap());
        assert_eq!(phase(&ready), Phase::WaitingForSshd);
    }

    #[test]
    fn one_list_of_reasons_for_a_wait_and_a_status() {
        let live = set(1, "2026-11-25T18:00:00Z");
        for reason in FAILED_REASONS {
            let pod = waiting(reason);
            assert_eq!(phase(&pod).describe(), reason);
            assert_eq!(
                state(&live, Some(&pod), now()),
                State::Failed(reason.into())
            );
        }
        assert_eq!(
            phase(&waiting("CreateContainerConfigError")),
            Phase::Stuck {
                reason: "CreateContainerConfigError".into(),
                message: "why".into()
            },
            "a wait stops early on it, as the status says Failed"
        );
    }

    /// A multi-node pod whose init container `host-key` is in `state`, its devserver
    /// container waiting behind it.
    fn initializing(state: serde_json::Value) -> Pod {
        let mut pod = pod(serde_json::json!({ "phase": "Pending",
            "conditions": [{ "type": "PodScheduled", "status": "True" },
                { "type": "Initialized", "status": "False" }],
            "initContainerStatuses": [{ "name": "host-key", "image": "x", "imageID": "",
                "ready": false, "restartCount": 0, "state": state }],
            "containerStatuses": [{ "name": "devserver", "image": "x", "imageID": "",
                "ready": false, "restartCount": 0,
                "state": { "waiting": { "reason": "PodInitializing" } } }] }));
        pod.spec = Some(k8s_openapi::api::core::v1::PodSpec {
            node_name: Some("n".into()),
            ..Default::default()
        });
        pod
    }

    #[test]
    fn an_init_container_that_cannot_start_is_a_failed_start_with_its_reason() {
        let live = set(2, "2026-11-25T18:00:00Z");
        for reason in [
            "ImagePullBackOff",
            "ErrImagePull",
            "CreateContainerConfigError",
            "CrashLoopBackOff",
        ] {
            let pod = initializing(
                serde_json::json!({ "waiting": { "reason": reason, "message": "why" } }),
            );
            assert_eq!(
                phase(&pod),
                Phase::Stuck {
                    reason: format!("Init:{reason}"),
                    message: "init container host-key: why".into()
                }
            );
            assert_eq!(
                state(&live, Some(&pod), now()).to_string(),
                format!("Failed (Init:{reason})")
            );
        }
        let failed =
            initializing(serde_json::json!({ "terminated": { "exitCode": 1, "reason": "Error" } }));
        assert_eq!(
            phase(&failed),
            Phase::Stuck {
                reason: "Init:Error".into(),
                message: "init container host-key exited with code 1".into()
            }
        );
        // On its way: pulling, running, or done (the devserver container then starts).
        let pulling =
            initializing(serde_json::json!({ "waiting": { "reason": "PodInitializing" } }));
        assert_eq!(phase(&pulling), Phase::PullingImage);
        let running = initializing(serde_json::json!({ "running": {} }));
        assert_eq!(phase(&running), Phase::PullingImage);
        let done = initializing(
            serde_json::json!({ "terminated": { "exitCode": 0, "reason": "Completed" } }),
        );
        assert_eq!(phase(&done), Phase::PullingImage);
    }

    #[test]
    fn list_and_the_waits_agree_on_a_pod_that_ended() {
        let live = set(1, "2026-11-25T18:00:00Z");
        let failed = pod(serde_json::json!({ "phase": "Failed", "reason": "Evicted" }));
        assert_eq!(
            state(&live, Some(&failed), now()).to_string(),
            "Failed (Evicted)"
        );
        assert!(matches!(phase(&failed), Phase::Stuck { reason, .. } if reason == "Evicted"));
        let done = pod(serde_json::json!({ "phase": "Succeeded" }));
        assert_eq!(
            state(&live, Some(&done), now()).to_string(),
            "Failed (Exited)"
        );
        assert!(matches!(phase(&done), Phase::Stuck { .. }));
    }

    #[test]
    fn relative_times() {
        let at = |s: &str| s.parse::<Timestamp>().unwrap();
        assert_eq!(relative(at("2026-11-25T13:12:00Z"), now()), "in 3h12m");
        assert_eq!(relative(at("2026-11-25T09:55:00Z"), now()), "5m ago");
        assert_eq!(relative(at("2026-11-27T13:00:00Z"), now()), "in 2d3h");
        assert_eq!(relative(at("2026-11-25T10:00:40Z"), now()), "in 40s");
        assert_eq!(relative(at("2026-11-25T10:05:10Z"), now()), "in 5m10s");
    }
}
