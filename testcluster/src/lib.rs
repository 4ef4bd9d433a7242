//! A real Kubernetes control plane for devctl's tests: etcd, kube-apiserver,
//! kube-controller-manager and kube-scheduler built from source, nodes and pods simulated by
//! KWOK, the kubelet's streaming API (exec, port-forward, logs) served by our node agent, and a
//! proxy in front of the API server that adds latency on listeners of their own, injects faults,
//! holds requests and logs them. On request, one real node beside them ([`realnode`]): a
//! kubelet, containerd, runc, the CNI plugins and CoreDNS, all built from source, running
//! images made here from debootstrap trees.
//!
//! Tests share one cluster per test binary ([`shared`], or [`shared_real_node_or_skip`] for the
//! real node alone) and isolate themselves by namespace.
//! Every child process ends with the cluster, or with the test process if it dies first.

mod binaries;
pub mod control;
pub mod images;
mod kubeconfig;
mod pki;
mod process;
pub mod realnode;
mod start;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

pub use binaries::{KUBERNETES_VERSION, cache_dir};
pub use binaries::{NodeBinaries, ensure_node, node_unavailable_reason};
pub use control::{
    AgentControl, Fault, Hold, HoldId, LatencyListener, ProxyControl, Request, Scope, connections,
    sequential_round_trips,
};

/// Everything that can go wrong while starting or driving the cluster.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{what}: {source}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error("go is needed to build the test cluster and could not be run: {0}")]
    GoMissing(String),
    #[error("{0}")]
    Build(String),
    #[error("certificates: {0}")]
    Pki(String),
    #[error("{component} did not start: {reason}\n--- last lines of its log ---\n{log_tail}")]
    Start {
        component: String,
        reason: String,
        log_tail: String,
    },
    #[error("timed out after {after:?} waiting for {what}")]
    Timeout { what: String, after: Duration },
    #[error("kubernetes API: {0}")]
    Kube(#[from] kube::Error),
    #[error("control endpoint: {0}")]
    Control(String),
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    pub fn io(what: &str, source: std::io::Error) -> Error {
        Error::Io {
            what: what.into(),
            source,
        }
    }
}

/// A simulated node.
#[derive(Debug, Clone)]
pub struct NodeSpec {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    /// (key, value, effect), e.g. `("nvidia.com/gpu", "", "NoSchedule")`.
    pub taints: Vec<(String, String, String)>,
    /// Capacity, also reported as allocatable: `cpu`, `memory`, `pods`, `nvidia.com/gpu`, ...
    pub resources: BTreeMap<String, String>,
    /// The addresses kwok gives the node's pods (`spec.podCIDR`); kwok's `--cidr` without it.
    pub pod_cidr: Option<String>,
}

impl NodeSpec {
    /// A plain node with 16 CPUs, 64Gi of memory and room for 110 pods.
    pub fn new(name: &str) -> NodeSpec {
        let resources = [("cpu", "16"), ("memory", "64Gi"), ("pods", "110")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        NodeSpec {
            name: name.into(),
            labels: BTreeMap::new(),
            taints: Vec::new(),
            resources,
            pod_cidr: None,
        }
    }

    pub fn label(mut self, key: &str, value: &str) -> NodeSpec {
        self.labels.insert(key.into(), value.into());
        self
    }

    pub fn taint(mut self, key: &str, value: &str, effect: &str) -> NodeSpec {
        self.taints.push((key.into(), value.into(), effect.into()));
        self
    }

    pub fn resource(mut self, name: &str, quantity: &str) -> NodeSpec {
        self.resources.insert(name.into(), quantity.into());
        self
    }

    /// Pod addresses from `cidr`, e.g. `127.10.20.0/24`: loopback ones are this machine's, so
    /// something listening there is what the pod's address reaches.
    pub fn pod_cidr(mut self, cidr: &str) -> NodeSpec {
        self.pod_cidr = Some(cidr.into());
        self
    }

    /// Parses `NAME[,label=K=V][,taint=K=V:EFFECT][,RESOURCE=QUANTITY]...`, the `--node` flag.
    pub fn parse(spec: &str) -> Result<NodeSpec, Error> {
        let mut parts = spec.split(',');
        let name = parts
            .next()
            .filter(|n| !n.is_empty())
            .ok_or_else(|| Error::Invalid(format!("node spec {spec:?}: the name comes first")))?;
        let mut node = NodeSpec::new(name);
        for part in parts {
            let bad = || Error::Invalid(format!("node spec {spec:?}: cannot read {part:?}"));
            if let Some(label) = part.strip_prefix("label=") {
                let (k, v) = label.split_once('=').ok_or_else(bad)?;
                node = node.label(k, v);
            } else if let Some(taint) = part.strip_prefix("taint=") {
                let (kv, effect) = taint.split_once(':').ok_or_else(bad)?;
                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                node = node.taint(k, v, effect);
            } else {
                let (k, v) = part.split_once('=').ok_or_else(bad)?;
                node = node.resource(k, v);
            }
        }
        Ok(node)
    }
}

/// How to start a cluster.
#[derive(Debug, Clone)]
pub struct Config {
    pub nodes: Vec<NodeSpec>,
    /// Time from a pod's ContainerCreating to Running and Ready (also the image-pull failure delay).
    pub pod_start_delay: Duration,
    /// Time from a pod's deletion to its removal.
    pub pod_stop_delay: Duration,
    /// Images whose pull fails; images from a `.invalid` registry always fail.
    pub missing_images: Vec<String>,
    /// Default port-forward targets for every pod: (pod port, `host:port`).
    pub forwards: Vec<(u16, String)>,
    /// Keep the state directory (logs, certificates, audit log) after the cluster stops.
    pub keep_dir: bool,
    /// Also run the real node `real-0` (kubelet, containerd, runc, CNI, CoreDNS) beside the
    /// simulated ones. Needs root; see [`real_node_unavailable_reason`].
    pub real_node: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            nodes: (1..=3)
                .map(|i| NodeSpec::new(&format!("node-{i}")))
                .collect(),
            pod_start_delay: Duration::from_millis(300),
            pod_stop_delay: Duration::from_millis(200),
            missing_images: Vec::new(),
            forwards: Vec::new(),
            keep_dir: std::env::var_os("TESTCLUSTER_KEEP").is_some(),
            real_node: false,
        }
    }
}

/// An identity with a kubeconfig of its own; what it may do is up to RBAC objects.
#[derive(Debug, Clone)]
pub struct User {
    pub name: String,
    pub groups: Vec<String>,
    pub kubeconfig: PathBuf,
}

/// A running cluster. Dropping it stops every component.
pub struct Cluster {
    state: start::State,
    supervisor: Mutex<process::Supervisor>,
    /// Released (network, cgroups) once the supervisor has stopped every process.
    real_node: Option<realnode::RealNode>,
    proxy: ProxyControl,
    agent: AgentControl,
    started_in: Duration,
}

impl Cluster {
    /// Builds what is missing, starts every component and waits until the cluster is ready:
    /// `/readyz` ok, the `default` ServiceAccount exists and every node is Ready.
    pub async fn start(config: Config) -> Result<Cluster, Error> {
        start::start(config).await
    }

    /// The API server URL as clients see it (the proxy).
    pub fn server(&self) -> &str {
        &self.state.server
    }

    /// The admin kubeconfig (user `admin`, group `system:masters`), through the proxy.
    pub fn kubeconfig(&self) -> &Path {
        &self.state.admin_kubeconfig
    }

    /// The cluster CA in PEM, for kubeconfigs that tests write themselves.
    pub fn ca_pem(&self) -> &str {
        self.state.ca.cert_pem()
    }

    /// The directory with logs (`logs/`), certificates and the audit log.
    pub fn dir(&self) -> &Path {
        &self.state.dir
    }

    /// The real node, when the cluster runs one.
    pub fn real_node(&self) -> Option<&realnode::RealNode> {
        self.real_node.as_ref()
    }

    /// How long [`Cluster::start`] took once the binaries were there.
    pub fn started_in(&self) -> Duration {
        self.started_in
    }

    pub fn proxy(&self) -> &ProxyControl {
        &self.proxy
    }

    pub fn agent(&self) -> &AgentControl {
        &self.agent
    }

    /// Process ids of every process the cluster started.
    pub fn pids(&self) -> Vec<u32> {
        self.supervisor.lock().map(|s| s.pids()).unwrap_or_default()
    }

    /// A user authenticated by a client certificate (common name = user, organizations =
    /// groups; at most two groups), with a kubeconfig through the proxy.
    pub fn user(&self, name: &str, groups: &[&str]) -> Result<User, Error> {
        self.state.user(name, groups)
    }

    /// A kubeconfig through the proxy that authenticates with a bearer token.
    pub fn token_kubeconfig(&self, file_name: &str, token: &str) -> Result<PathBuf, Error> {
        self.state.token_kubeconfig(file_name, token)
    }

    /// A ServiceAccount `name` in `namespace` (created if missing) and a kubeconfig with a
    /// bearer token for it from the TokenRequest API, valid for an hour. Its user name is
    /// `system:serviceaccount:NAMESPACE:NAME`.
    pub async fn service_account_user(&self, namespace: &str, name: &str) -> Result<User, Error> {
        use k8s_openapi::api::authentication::v1::TokenRequest;
        use k8s_openapi::api::core::v1::ServiceAccount;
        let client = self.client().await?;
        let accounts: kube::Api<ServiceAccount> = kube::Api::namespaced(client, namespace);
        let account: ServiceAccount =
            serde_json::from_value(serde_json::json!({ "metadata": { "name": name } }))
                .map_err(|e| Error::Invalid(e.to_string()))?;
        match accounts.create(&Default::default(), &account).await {
            Ok(_) => {}
            Err(kube::Error::Api(s)) if s.code == 409 => {}
            Err(e) => return Err(e.into()),
        }
        let request: TokenRequest = serde_json::from_value(serde_json::json!({
            "spec": { "audiences": [], "expirationSeconds": 3600 }
        }))
        .map_err(|e| Error::Invalid(e.to_string()))?;
        let token = accounts
            .create_token_request(name, &Default::default(), &request)
            .await?
            .status
            .map(|s| s.token)
            .ok_or_else(|| Error::Invalid("the TokenRequest returned no token".into()))?;
        let kubeconfig =
            self.token_kubeconfig(&format!("sa-{namespace}-{name}.kubeconfig"), &token)?;
        Ok(User {
            name: format!("system:serviceaccount:{namespace}:{name}"),
            groups: vec![
                "system:serviceaccounts".into(),
                format!("system:serviceaccounts:{namespace}"),
            ],
            kubeconfig,
        })
    }

    /// A kube client for the admin, made in the caller's runtime.
    pub async fn client(&self) -> Result<kube::Client, Error> {
        kubeconfig::client(self.kubeconfig()).await
    }

    /// A kube client for a user.
    pub async fn client_for(&self, user: &User) -> Result<kube::Client, Error> {
        kubeconfig::client(&user.kubeconfig).await
    }

    /// Creates a namespace with a unique name starting with `prefix`.
    pub async fn create_namespace(&self, prefix: &str) -> Result<String, Error> {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "{prefix}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        start::create_namespace(&self.client().await?, &name).await?;
        Ok(name)
    }

    /// Adds a simulated node and returns once it takes pods: kwok made it Ready and the node
    /// lifecycle controller took off the not-ready taint that admission put on it.
    pub async fn add_node(&self, spec: &NodeSpec) -> Result<(), Error> {
        const NODE_READY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);
        let nodes: kube::Api<k8s_openapi::api::core::v1::Node> =
            kube::Api::all(self.client().await?);
        nodes
            .create(&Default::default(), &start::node_object(spec)?)
            .await?;
        let ready = kube::runtime::wait::await_condition(nodes, &spec.name, start::takes_pods);
        match tokio::time::timeout(NODE_READY_TIMEOUT, ready).await {
            Ok(result) => result
                .map(drop)
                .map_err(|e| Error::Control(format!("waiting for node {}: {e}", spec.name))),
            Err(_) => Err(Error::Timeout {
                what: format!("node {} to take pods", spec.name),
                after: NODE_READY_TIMEOUT,
            }),
        }
    }

    /// [`Cluster::create_namespace`] for tests without a runtime of their own.
    pub fn namespace(&self, prefix: &str) -> Result<String, Error> {
        block_on(self.create_namespace(prefix))
    }

    /// Stops every component and waits until they are gone.
    pub fn stop(self) {
        drop(self);
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if let Ok(mut s) = self.supervisor.lock() {
            s.stop();
        }
        // The fields drop after this: the real node's network and cgroups go once its
        // processes have.
        drop(self.real_node.take());
    }
}

/// Runs a future to completion on a fresh runtime in its own thread, so that it works whether
/// or not the caller is inside a runtime.
pub fn block_on<F: std::future::Future + Send>(future: F) -> F::Output
where
    F::Output: Send,
{
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map(|rt| rt.block_on(future))
            })
            .join()
    })
    .map_err(|_| ())
    .and_then(|r| r.map_err(|_| ()))
    .unwrap_or_else(|()| panic!("testcluster: could not run a tokio runtime"))
}

/// Builds (or finds) every binary the cluster runs, without starting it.
pub fn build_binaries() -> Result<(), Error> {
    binaries::ensure().map(drop)
}

/// A CA certificate (PEM) that signed nothing of the cluster's: a kubeconfig with it must fail
/// TLS verification.
pub fn unrelated_ca_pem() -> Result<String, Error> {
    Ok(pki::Ca::new("unrelated-ca")?.cert_pem().to_string())
}

/// Why the cluster cannot run here, if it cannot: no Go and no prebuilt binaries.
pub fn unavailable_reason() -> Option<String> {
    binaries::unavailable_reason()
}

/// The shared cluster, or `None` with the reason printed when it cannot run here (no Go and
/// no prebuilt binaries). With `TESTCLUSTER_REQUIRED` set, as CI sets it, that is a failure
/// instead, so a CI machine can never skip these tests silently.
pub fn shared_or_skip() -> Option<&'static Cluster> {
    (!skip_because(unavailable_reason())).then(shared)
}

/// Whether a test skips for `reason` (printing it), when there is one. With
/// `TESTCLUSTER_REQUIRED` set, as CI sets it, a reason is a failure instead, so a CI machine
/// can never skip a test silently.
pub fn skip_because(reason: Option<String>) -> bool {
    match reason {
        None => false,
        Some(reason) if std::env::var_os("TESTCLUSTER_REQUIRED").is_some() => {
            panic!("testcluster: {reason} (and TESTCLUSTER_REQUIRED is set)")
        }
        Some(reason) => {
            eprintln!("skipping: {reason}");
            true
        }
    }
}

/// The cluster shared by every test of this test binary, started on first use with the
/// default [`Config`]. It stops when the test process exits.
pub fn shared() -> &'static Cluster {
    static SHARED: OnceLock<Cluster> = OnceLock::new();
    SHARED.get_or_init(|| start_shared(Config::default()))
}

/// Why the real node cannot run here, if it cannot: not root, no `ip`, or what the node's
/// binaries and images need (see [`binaries::node_unavailable_reason`]).
pub fn real_node_unavailable_reason() -> Option<String> {
    if let Some(reason) = unavailable_reason() {
        return Some(reason);
    }
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n");
    if !root {
        return Some("the real node needs root (network namespaces, mounts, cgroups)".into());
    }
    for tool in ["ip", "debootstrap"] {
        let found = std::process::Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|o| o.status.success());
        if !found {
            return Some(format!(
                "the real node needs {tool}, which is not installed"
            ));
        }
    }
    binaries::node_unavailable_reason()
}

/// The cluster with only the real node, shared by every test of this test binary (pods land
/// on `real-0` without asking), or `None` with the reason printed when it cannot run here. As
/// [`shared_or_skip`], `TESTCLUSTER_REQUIRED` makes that a failure.
pub fn shared_real_node_or_skip() -> Option<&'static Cluster> {
    static SHARED: OnceLock<Cluster> = OnceLock::new();
    if skip_because(real_node_unavailable_reason()) {
        return None;
    }
    Some(SHARED.get_or_init(|| {
        start_shared(Config {
            nodes: Vec::new(),
            real_node: true,
            ..Config::default()
        })
    }))
}

fn start_shared(config: Config) -> Cluster {
    match block_on(Cluster::start(config)) {
        Ok(cluster) => {
            eprintln!(
                "testcluster: started in {:.1}s at {} (state in {})",
                cluster.started_in().as_secs_f64(),
                cluster.server(),
                cluster.dir().display()
            );
            cluster
        }
        Err(err) => panic!("testcluster: {err}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_spec_flag_reads_labels_taints_and_resources() {
        let node = NodeSpec::parse(
            "gpu-1,label=pool=gpu,taint=nvidia.com/gpu=:NoSchedule,nvidia.com/gpu=4",
        )
        .unwrap();
        assert_eq!(node.name, "gpu-1");
        assert_eq!(node.labels["pool"], "gpu");
        assert_eq!(
            node.taints,
            vec![("nvidia.com/gpu".into(), "".into(), "NoSchedule".into())]
        );
        assert_eq!(node.resources["nvidia.com/gpu"], "4");
        assert_eq!(node.resources["cpu"], "16", "defaults stay");
    }

    #[test]
    fn node_spec_flag_rejects_what_it_cannot_read() {
        assert!(NodeSpec::parse("").is_err());
        assert!(NodeSpec::parse("n,label=novalue").is_err());
        assert!(NodeSpec::parse("n,taint=k=v").is_err());
        assert!(NodeSpec::parse("n,cpu").is_err());
    }
}
