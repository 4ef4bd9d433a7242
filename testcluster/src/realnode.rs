//! The real node `real-0`: containerd, runc, the CNI plugins, CoreDNS and a kubelet, started by
//! our `realnode` program in PID, mount and cgroup namespaces of their own (see its doc
//! comment). This
//! module writes their configuration (pure functions, unit-tested), claims the node's network
//! (a bridge of ours with a /24 nobody else uses) and a cgroup root, and removes both when the
//! cluster stops.
//!
//! Pods on the node get addresses on that bridge only: no route, no masquerade, so they reach
//! nothing outside this machine. The node's address (the bridge's) is where the kubelet and
//! CoreDNS listen, so neither needs kube-proxy.

use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::Error;
use crate::binaries::NodeBinaries;
use crate::images::{Image, PAUSE_IMAGE};

/// The real node's name, as `kubectl get nodes` shows it.
pub const NODE_NAME: &str = "real-0";
/// The label on the real node, so tests and flavors can select it.
pub const NODE_LABEL: (&str, &str) = ("devctl.test/real", "true");
/// The cluster domain CoreDNS serves.
pub const CLUSTER_DOMAIN: &str = "cluster.local";
/// An address where nothing listens: the node's registry "proxy".
const NO_PROXY_LISTENS: &str = "127.0.0.1:1";
/// The kubelet's port on the node address (each cluster has its own address).
const KUBELET_PORT: u16 = 10250;
/// Pod networks are /24s of this /16; each running cluster claims one.
const SUBNETS: (u8, u8) = (10, 234);

/// Kernel settings the kubelet rewrites for the whole machine unless they already hold. Inside
/// the node's mount namespace they are shown as the kubelet wants them, so it leaves the
/// machine alone.
const KUBELET_SYSCTLS: [(&str, &str); 6] = [
    ("vm/overcommit_memory", "1"),
    ("vm/panic_on_oom", "0"),
    ("kernel/panic", "10"),
    ("kernel/panic_on_oops", "1"),
    ("kernel/keys/root_maxkeys", "1000000"),
    ("kernel/keys/root_maxbytes", "25000000"),
];

/// The node's network: our bridge, with the node's address on it.
#[derive(Debug, Clone)]
pub struct Network {
    pub bridge: String,
    pub index: u8,
}

impl Network {
    /// The node's address: the bridge's, `.1` of the subnet.
    pub fn node_ip(&self) -> Ipv4Addr {
        Ipv4Addr::new(SUBNETS.0, SUBNETS.1, self.index, 1)
    }

    pub fn subnet(&self) -> String {
        format!("{}.{}.{}.0/24", SUBNETS.0, SUBNETS.1, self.index)
    }

    /// Claims the first free subnet: creating a link is atomic, so two clusters starting at
    /// once never get the same bridge; a subnet another interface routes is skipped.
    pub fn claim() -> Result<Network, Error> {
        let routes = ip(&["-4", "route", "show"])?;
        for index in 0..=255u8 {
            let candidate = Network {
                bridge: format!("tcnode{index}"),
                index,
            };
            let prefix = format!("{}.{}.{index}.", SUBNETS.0, SUBNETS.1);
            if routes.lines().any(|l| l.starts_with(&prefix)) {
                continue;
            }
            if ip(&["link", "add", &candidate.bridge, "type", "bridge"]).is_err() {
                continue; // taken by another cluster
            }
            let cidr = format!("{}/24", candidate.node_ip());
            let configured = ip(&["addr", "add", &cidr, "dev", &candidate.bridge])
                .and_then(|_| ip(&["link", "set", &candidate.bridge, "up"]));
            if let Err(e) = configured {
                candidate.release();
                return Err(e);
            }
            return Ok(candidate);
        }
        Err(Error::Invalid(format!(
            "no free /24 left in {}.{}.0.0/16 for the real node",
            SUBNETS.0, SUBNETS.1
        )))
    }

    /// Deletes the bridge (the pods' veths went with their network namespaces).
    pub fn release(&self) {
        let _ = ip(&["link", "del", &self.bridge]);
    }
}

fn ip(args: &[&str]) -> Result<String, Error> {
    let out = Command::new("ip")
        .args(args)
        .output()
        .map_err(|e| Error::io("running ip (iproute2)", e))?;
    if !out.status.success() {
        return Err(Error::Invalid(format!(
            "ip {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Where the node keeps its state, all under the cluster's directory.
#[derive(Debug, Clone)]
pub struct Layout {
    pub dir: PathBuf,
    pub logs: PathBuf,
}

impl Layout {
    pub fn new(cluster_dir: &Path) -> Layout {
        Layout {
            dir: cluster_dir.join("node"),
            logs: cluster_dir.join("logs"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    pub fn socket(&self) -> PathBuf {
        self.path("containerd/containerd.sock")
    }

    pub fn plan(&self) -> PathBuf {
        self.path("plan.json")
    }

    /// The script the supervisor's cleaner runs if the harness dies (see [`abandon_script`]).
    pub fn abandon_script(&self) -> PathBuf {
        self.path("abandon.sh")
    }
}

/// A cgroup directory of the node's own in every hierarchy, so that removing it removes all
/// the node made.
#[derive(Debug, Clone)]
pub struct CgroupRoot {
    pub name: String,
}

impl Default for CgroupRoot {
    fn default() -> CgroupRoot {
        CgroupRoot::new()
    }
}

impl CgroupRoot {
    /// A name no other cluster on this machine has.
    pub fn new() -> CgroupRoot {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        CgroupRoot {
            name: format!("testcluster-{}-{nanos:x}", std::process::id()),
        }
    }

    /// The hierarchies mounted here (cgroup v1 controllers, and the unified one).
    fn hierarchies() -> Vec<PathBuf> {
        let mounts = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
        mounts
            .lines()
            .filter_map(|line| {
                let (left, right) = line.split_once(" - ")?;
                let fstype = right.split_whitespace().next()?;
                (fstype == "cgroup" || fstype == "cgroup2")
                    .then(|| left.split_whitespace().nth(4).map(PathBuf::from))?
            })
            .collect()
    }

    /// Makes the root in every hierarchy before the kubelet starts: it reports the root's
    /// usage (and its eviction manager reads it) from the first moment, pods or not.
    pub fn create(&self) -> Result<(), Error> {
        for hierarchy in Self::hierarchies() {
            let dir = hierarchy.join(&self.name);
            let failed = |e| Error::io(&format!("creating the cgroup {}", dir.display()), e);
            std::fs::create_dir_all(&dir).map_err(failed)?;
            // A cgroup v1 cpuset starts with no CPUs and no memory nodes, and takes no process
            // until it has some: the parent's.
            for file in ["cpuset.cpus", "cpuset.mems"] {
                if let Ok(value) = std::fs::read_to_string(hierarchy.join(file))
                    && std::fs::read_to_string(dir.join(file)).is_ok_and(|v| v.trim().is_empty())
                {
                    std::fs::write(dir.join(file), value.trim()).map_err(failed)?;
                }
            }
        }
        Ok(())
    }

    /// The directories of this root that exist.
    pub fn dirs(&self) -> Vec<PathBuf> {
        Self::hierarchies()
            .into_iter()
            .map(|h| h.join(&self.name))
            .filter(|d| d.is_dir())
            .collect()
    }

    /// Removes the root once the processes in it are gone, deepest directories first. Waits
    /// at most `patience` for them to go (the kernel kills a namespace's processes
    /// asynchronously).
    pub fn remove(&self, patience: Duration) {
        let deadline = Instant::now() + patience;
        for dir in self.dirs() {
            let mut tree = Vec::new();
            collect_dirs(&dir, &mut tree);
            tree.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
            for d in tree {
                while std::fs::remove_dir(&d).is_err() && d.is_dir() && Instant::now() < deadline {
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
        }
    }
}

fn collect_dirs(dir: &Path, out: &mut Vec<PathBuf>) {
    out.push(dir.to_path_buf());
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                collect_dirs(&entry.path(), out);
            }
        }
    }
}

/// Paths to the kubeconfigs and certificates the node's daemons use.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub kubelet_kubeconfig: PathBuf,
    pub coredns_kubeconfig: PathBuf,
    pub ca_file: PathBuf,
    pub serving_cert: PathBuf,
    pub serving_key: PathBuf,
}

/// Quotes a string for TOML (a basic string).
fn toml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

pub fn containerd_config(layout: &Layout, bins: &NodeBinaries) -> String {
    let p = |name: &str| toml_str(&layout.path(name).display().to_string());
    format!(
        r#"# containerd of the test cluster's real node (written by testcluster)
version = 3
root = {root}
state = {state}
disabled_plugins = [
  "io.containerd.snapshotter.v1.btrfs",
  "io.containerd.snapshotter.v1.zfs",
  "io.containerd.snapshotter.v1.devmapper",
  "io.containerd.snapshotter.v1.blockfile",
  "io.containerd.snapshotter.v1.erofs",
  "io.containerd.tracing.processor.v1.otlp",
  "io.containerd.internal.v1.tracing",
  "io.containerd.nri.v1.nri",
  "io.containerd.internal.v1.opt",
]

[grpc]
  address = {socket}

[ttrpc]
  address = {ttrpc}

[plugins.'io.containerd.cri.v1.images']
  snapshotter = "overlayfs"
  [plugins.'io.containerd.cri.v1.images'.pinned_images]
    sandbox = {pause}
  # No registry configuration of this machine's (certs.d, mirrors): an empty one of ours.
  [plugins.'io.containerd.cri.v1.images'.registry]
    config_path = {registry}

[plugins.'io.containerd.cri.v1.runtime']
  # No CAP_SYS_RESOURCE here: a negative oom_score_adj cannot be written.
  restrict_oom_score_adj = true
  netns_mounts_under_state_dir = true
  enable_cdi = false
  [plugins.'io.containerd.cri.v1.runtime'.containerd]
    default_runtime_name = "runc"
    [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]
        BinaryName = {runc}
        Root = {runc_root}
        SystemdCgroup = false
  [plugins.'io.containerd.cri.v1.runtime'.cni]
    bin_dirs = [{cni_bin}]
    conf_dir = {cni_conf}
    max_conf_num = 1

[plugins.'io.containerd.grpc.v1.cri']
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
"#,
        root = p("containerd/root"),
        state = p("containerd/state"),
        socket = toml_str(&layout.socket().display().to_string()),
        ttrpc = p("containerd/containerd.sock.ttrpc"),
        pause = toml_str(PAUSE_IMAGE),
        runc = toml_str(&bins.runc.display().to_string()),
        runc_root = p("containerd/runc"),
        cni_bin = toml_str(&bins.cni_bin_dir.display().to_string()),
        cni_conf = p("cni/net.d"),
        registry = p("containerd/registry"),
    )
}

/// The pods' network: one bridge (ours, already up with the node's address), addresses from
/// the subnet, no gateway, no masquerade.
pub fn cni_conflist(layout: &Layout, net: &Network) -> String {
    let config = serde_json::json!({
        "cniVersion": "1.0.0",
        "name": "testcluster",
        "plugins": [{
            "type": "bridge",
            "bridge": net.bridge,
            "isGateway": false,
            "isDefaultGateway": false,
            "ipMasq": false,
            "hairpinMode": true,
            "ipam": {
                "type": "host-local",
                "ranges": [[{
                    "subnet": net.subnet(),
                    "rangeStart": Ipv4Addr::new(SUBNETS.0, SUBNETS.1, net.index, 10).to_string(),
                    "rangeEnd": Ipv4Addr::new(SUBNETS.0, SUBNETS.1, net.index, 250).to_string(),
                }]],
                "dataDir": layout.path("cni/ipam").display().to_string(),
            },
        }],
    });
    serde_json::to_string_pretty(&config).unwrap_or_default()
}

/// CoreDNS: the cluster domain (and reverse lookups of pod addresses) from the API server, on
/// the node's address. Nothing else is answered: pods reach nothing outside anyway.
pub fn corefile(net: &Network, creds: &Credentials) -> String {
    format!(
        "{CLUSTER_DOMAIN}:53 in-addr.arpa:53 {{\n    bind {ip}\n    errors\n    kubernetes {CLUSTER_DOMAIN} in-addr.arpa {{\n        kubeconfig {kubeconfig}\n        pods insecure\n        fallthrough in-addr.arpa\n        ttl 5\n    }}\n}}\n",
        ip = net.node_ip(),
        kubeconfig = creds.coredns_kubeconfig.display(),
    )
}

/// The kubelet's configuration (JSON, which the kubelet reads as YAML).
pub fn kubelet_config(layout: &Layout, net: &Network, creds: &Credentials) -> String {
    // Thresholds of zero: this machine's disk may be fuller than the kubelet's defaults
    // allow, and the tests must not see their pods evicted for it.
    let config = serde_json::json!({
        "apiVersion": "kubelet.config.k8s.io/v1beta1",
        "kind": "KubeletConfiguration",
        "address": net.node_ip().to_string(),
        "port": KUBELET_PORT,
        "readOnlyPort": 0,
        "healthzPort": 0,
        "tlsCertFile": creds.serving_cert.display().to_string(),
        "tlsPrivateKeyFile": creds.serving_key.display().to_string(),
        "rotateCertificates": false,
        "serverTLSBootstrap": false,
        // Whoever calls the kubelet's API must be allowed nodes/proxy by the API server (a
        // SubjectAccessReview), as on kubeadm's nodes; any certificate of the cluster's CA is
        // no longer enough. The API server's own client certificate is allowed, so exec,
        // port-forward and logs through the API server work, checked there for each user.
        "authentication": {
            "anonymous": { "enabled": false },
            "webhook": { "enabled": true },
            "x509": { "clientCAFile": creds.ca_file.display().to_string() },
        },
        "authorization": { "mode": "Webhook" },
        "containerRuntimeEndpoint": format!("unix://{}", layout.socket().display()),
        "cgroupDriver": "cgroupfs",
        // The node's cgroup namespace is rooted at its own cgroup (see `realnode`), so "/" here
        // is that cgroup on the machine.
        "cgroupsPerQOS": false,
        "enforceNodeAllocatable": [],
        // The machine's firewall is not the node's to change.
        "makeIPTablesUtilChains": false,
        // This machine boots cgroup v1 (hybrid); 1.35+ kubelets refuse it unless told.
        "failCgroupV1": false,
        "failSwapOn": false,
        "protectKernelDefaults": true,
        "clusterDomain": CLUSTER_DOMAIN,
        "clusterDNS": [net.node_ip().to_string()],
        "resolvConf": layout.path("resolv.conf").display().to_string(),
        "podLogsDir": layout.path("pod-logs").display().to_string(),
        "serializeImagePulls": false,
        "imageGCHighThresholdPercent": 100,
        "imageGCLowThresholdPercent": 99,
        "evictionHard": {
            "memory.available": "0%",
            "nodefs.available": "0%",
            "nodefs.inodesFree": "0%",
            "imagefs.available": "0%",
            "imagefs.inodesFree": "0%",
        },
        "volumeStatsAggPeriod": "0s",
        "nodeStatusUpdateFrequency": "2s",
        "shutdownGracePeriod": "0s",
        "maxPods": 110,
    });
    serde_json::to_string_pretty(&config).unwrap_or_default()
}

/// What `realnode` runs: containerd (then the image imports), CoreDNS, the kubelet.
pub fn plan(
    layout: &Layout,
    net: &Network,
    cgroups: &CgroupRoot,
    bins: &NodeBinaries,
    images: &[Image],
    creds: &Credentials,
) -> serde_json::Value {
    let log = |name: &str| {
        layout
            .logs
            .join(format!("{name}.log"))
            .display()
            .to_string()
    };
    let bin_dir = bins
        .containerd_shim_runc_v2
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    // The shim is found on PATH; runc and the CNI plugins by their configured paths.
    let env = vec![
        format!("PATH={bin_dir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
        format!("HOME={}", layout.dir.display()),
    ];
    // A pull of an image the node lacks fails at once, as on a node with no way out, even on
    // a machine that could reach a registry.
    let mut containerd_env = env.clone();
    containerd_env.extend(
        ["HTTP_PROXY", "HTTPS_PROXY"].map(|name| format!("{name}=http://{NO_PROXY_LISTENS}")),
    );
    let socket = layout.socket().display().to_string();
    let imports: Vec<_> = images
        .iter()
        .map(|image| {
            serde_json::json!({
                "name": format!("import {}", image.name),
                "argv": [
                    bins.ctr.display().to_string(), "--address", socket, "--namespace", "k8s.io",
                    "images", "import", image.archive.display().to_string(),
                ],
                "log": log("image-import"),
            })
        })
        .collect();
    let masks: serde_json::Map<String, serde_json::Value> = KUBELET_SYSCTLS
        .iter()
        .map(|(key, value)| (format!("/proc/sys/{key}"), (*value).into()))
        .collect();
    serde_json::json!({
        // What the daemons write outside their configured directories stays in the node's
        // mount namespace: runtime state under /run, the kubelet's /var/log/containers links,
        // the CNI plugins' result cache in /var/lib/cni. (Directories that always exist, so
        // that no mount point has to be made on the machine.)
        "tmpfs": PRIVATE_DIRS,
        "masks": masks,
        "maskDir": layout.path("masks").display().to_string(),
        "cgroupRoot": cgroups.name,
        "daemons": [
            {
                "name": "containerd",
                "argv": [
                    bins.containerd.display().to_string(),
                    "--config", layout.path("containerd.toml").display().to_string(),
                ],
                "env": containerd_env,
                "log": log("containerd"),
                "waitSocket": socket,
                "after": imports,
            },
            {
                "name": "coredns",
                "argv": [
                    bins.coredns.display().to_string(),
                    "-conf", layout.path("Corefile").display().to_string(),
                ],
                "env": env,
                "log": log("coredns"),
            },
            {
                "name": "kubelet",
                "argv": [
                    bins.kubelet.display().to_string(),
                    "--config", layout.path("kubelet.json").display().to_string(),
                    "--kubeconfig", creds.kubelet_kubeconfig.display().to_string(),
                    "--root-dir", layout.path("kubelet").display().to_string(),
                    "--cert-dir", layout.path("kubelet/pki").display().to_string(),
                    "--hostname-override", NODE_NAME,
                    "--node-ip", net.node_ip().to_string(),
                    "--node-labels", format!("{}={}", NODE_LABEL.0, NODE_LABEL.1),
                    "--v=2",
                ],
                "env": env,
                "log": log("kubelet"),
            },
        ],
    })
}

/// Writes every file the node reads, and returns the command that runs it.
pub fn prepare(
    layout: &Layout,
    net: &Network,
    cgroups: &CgroupRoot,
    bins: &NodeBinaries,
    realnode: &Path,
    images: &[Image],
    creds: &Credentials,
) -> Result<Command, Error> {
    let write = |name: &str, text: &str| -> Result<(), Error> {
        let path = layout.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io("creating the real node's directories", e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::io("writing the real node's files", e))
    };
    hidden_from_the_node(layout, bins, realnode, images)?;
    for dir in [
        "containerd",
        "containerd/registry",
        "cni/net.d",
        "cni/ipam",
        "kubelet",
        "pod-logs",
    ] {
        std::fs::create_dir_all(layout.path(dir))
            .map_err(|e| Error::io("creating the real node's directories", e))?;
    }
    write("containerd.toml", &containerd_config(layout, bins))?;
    write(
        "cni/net.d/10-testcluster.conflist",
        &cni_conflist(layout, net),
    )?;
    write("Corefile", &corefile(net, creds))?;
    write("kubelet.json", &kubelet_config(layout, net, creds))?;
    write(
        "resolv.conf",
        "# testcluster: pods resolve the cluster domain only\n",
    )?;
    let plan = plan(layout, net, cgroups, bins, images, creds);
    write(
        "plan.json",
        &serde_json::to_string_pretty(&plan).unwrap_or_default(),
    )?;
    write("abandon.sh", &abandon_script(net, cgroups))?;
    let mut cmd = Command::new(realnode);
    cmd.arg(format!("--plan={}", layout.plan().display()));
    Ok(cmd)
}

/// The node's mount namespace has empty, private directories in place of these: nothing it
/// runs or reads may live under them.
pub const PRIVATE_DIRS: [&str; 3] = ["/run", "/var/log", "/var/lib"];

/// Fails, naming the path and the setting that moves it, when something the node must read
/// lies in one of [`PRIVATE_DIRS`] (say a cache under a home in /var/lib).
fn hidden_from_the_node(
    layout: &Layout,
    bins: &NodeBinaries,
    realnode: &Path,
    images: &[Image],
) -> Result<(), Error> {
    let paths = [
        (
            layout.dir.as_path(),
            "the cluster's state directory (TMPDIR)",
        ),
        (
            layout.logs.as_path(),
            "the cluster's state directory (TMPDIR)",
        ),
        (
            bins.kubelet.as_path(),
            "the binary cache (DEVCTL_TESTCLUSTER_CACHE)",
        ),
        (
            bins.containerd.as_path(),
            "the binary cache (DEVCTL_TESTCLUSTER_CACHE)",
        ),
        (
            bins.cni_bin_dir.as_path(),
            "the binary cache (DEVCTL_TESTCLUSTER_CACHE)",
        ),
        (realnode, "the binary cache (DEVCTL_TESTCLUSTER_CACHE)"),
    ];
    let archives = images.iter().map(|i| {
        (
            i.archive.as_path(),
            "the image cache (DEVCTL_TESTCLUSTER_CACHE)",
        )
    });
    for (path, setting) in paths.into_iter().chain(archives) {
        if let Some(dir) = PRIVATE_DIRS.iter().find(|d| path.starts_with(d)) {
            return Err(Error::Invalid(format!(
                "the real node cannot see {}: {dir} is private to it; move {setting} elsewhere",
                path.display()
            )));
        }
    }
    Ok(())
}

/// What the supervisor's cleaner runs when the harness died without stopping the cluster: once the
/// node's processes are gone, delete the bridge and the cgroups. Only our own names go in.
pub fn abandon_script(net: &Network, cgroups: &CgroupRoot) -> String {
    let dirs: Vec<String> = CgroupRoot::hierarchies()
        .into_iter()
        .map(|h| format!("'{}'", h.join(&cgroups.name).display()))
        .collect();
    format!(
        "# written by testcluster: cleans up after a real node whose harness died\n\
         i=0\n\
         while [ $i -lt 300 ]; do\n  busy=0\n  for d in {dirs}; do\n    [ -d \"$d\" ] || continue\n    find \"$d\" -depth -type d -exec rmdir {{}} + 2>/dev/null || busy=1\n  done\n  [ $busy = 0 ] && break\n  i=$((i+1)); sleep 0.1\ndone\n\
         ip link del '{bridge}' 2>/dev/null\n",
        dirs = dirs.join(" "),
        bridge = net.bridge,
    )
}

/// What stays claimed while the node runs, released when it is dropped.
#[derive(Debug)]
pub struct RealNode {
    pub network: Network,
    pub cgroups: CgroupRoot,
    pub layout: Layout,
}

impl RealNode {
    /// The node's address, where its kubelet and CoreDNS listen.
    pub fn node_ip(&self) -> Ipv4Addr {
        self.network.node_ip()
    }
}

impl Drop for RealNode {
    /// After the node's processes were stopped: removes the cgroups once they are empty, then
    /// the bridge.
    fn drop(&mut self) {
        self.cgroups.remove(Duration::from_secs(15));
        self.network.release();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> (Layout, Network, CgroupRoot, Credentials, NodeBinaries) {
        let layout = Layout::new(Path::new("/state"));
        let net = Network {
            bridge: "tcnode7".into(),
            index: 7,
        };
        let cgroups = CgroupRoot {
            name: "testcluster-1-a".into(),
        };
        let creds = Credentials {
            kubelet_kubeconfig: "/state/kubelet.kubeconfig".into(),
            coredns_kubeconfig: "/state/coredns.kubeconfig".into(),
            ca_file: "/state/ca.crt".into(),
            serving_cert: "/state/kubelet.crt".into(),
            serving_key: "/state/kubelet.key".into(),
        };
        let bin = PathBuf::from("/cache/node/bin");
        let bins = NodeBinaries {
            kubelet: bin.join("kubelet"),
            containerd: bin.join("containerd"),
            containerd_shim_runc_v2: bin.join("containerd-shim-runc-v2"),
            ctr: bin.join("ctr"),
            runc: bin.join("runc"),
            cni_bin_dir: bin.join("cni"),
            coredns: bin.join("coredns"),
        };
        (layout, net, cgroups, creds, bins)
    }

    #[test]
    fn the_node_address_and_subnet_come_from_the_claimed_index() {
        let (_, net, ..) = fixtures();
        assert_eq!(net.node_ip(), Ipv4Addr::new(10, 234, 7, 1));
        assert_eq!(net.subnet(), "10.234.7.0/24");
    }

    #[test]
    fn the_kubelet_listens_on_the_node_address_and_asks_the_cluster_dns_there() {
        let (layout, net, _, creds, _) = fixtures();
        let config: serde_json::Value =
            serde_json::from_str(&kubelet_config(&layout, &net, &creds)).unwrap();
        assert_eq!(config["address"], "10.234.7.1");
        assert_eq!(config["clusterDNS"][0], "10.234.7.1");
        assert_eq!(config["authorization"]["mode"], "Webhook");
        assert_eq!(config["makeIPTablesUtilChains"], false);
        assert_eq!(config["failCgroupV1"], false);
        assert_eq!(config["cgroupsPerQOS"], false);
        assert_eq!(
            config["containerRuntimeEndpoint"],
            "unix:///state/node/containerd/containerd.sock"
        );
        assert!(
            config["podLogsDir"]
                .as_str()
                .unwrap()
                .starts_with("/state/node/")
        );
    }

    #[test]
    fn pods_get_addresses_on_our_bridge_without_a_gateway_or_masquerade() {
        let (layout, net, ..) = fixtures();
        let conf: serde_json::Value = serde_json::from_str(&cni_conflist(&layout, &net)).unwrap();
        let bridge = &conf["plugins"][0];
        assert_eq!(bridge["bridge"], "tcnode7");
        assert_eq!(bridge["isGateway"], false);
        assert_eq!(bridge["ipMasq"], false);
        assert_eq!(bridge["ipam"]["ranges"][0][0]["subnet"], "10.234.7.0/24");
    }

    #[test]
    fn containerd_uses_our_runc_pause_image_and_state_directory() {
        let (layout, _, _, _, bins) = fixtures();
        let toml = containerd_config(&layout, &bins);
        assert!(
            toml.contains("BinaryName = \"/cache/node/bin/runc\""),
            "{toml}"
        );
        assert!(
            toml.contains(&format!("sandbox = \"{PAUSE_IMAGE}\"")),
            "{toml}"
        );
        assert!(toml.contains("restrict_oom_score_adj = true"), "{toml}");
        assert!(
            toml.contains("address = \"/state/node/containerd/containerd.sock\""),
            "{toml}"
        );
    }

    #[test]
    fn the_plan_starts_containerd_first_and_imports_every_image_before_the_kubelet() {
        let (layout, net, cgroups, creds, bins) = fixtures();
        let images = vec![Image {
            name: "devctl.test/debian:bookworm".into(),
            archive: "/cache/images/debian.tar".into(),
        }];
        let plan = plan(&layout, &net, &cgroups, &bins, &images, &creds);
        let names: Vec<&str> = plan["daemons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["containerd", "coredns", "kubelet"]);
        let import = &plan["daemons"][0]["after"][0]["argv"];
        assert_eq!(
            import[import.as_array().unwrap().len() - 1],
            "/cache/images/debian.tar"
        );
        assert_eq!(plan["masks"]["/proc/sys/kernel/panic"], "10");
        assert_eq!(plan["cgroupRoot"], "testcluster-1-a");
        // Only containerd pulls images, and never from anywhere.
        let proxied = |d: &serde_json::Value| {
            d["env"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e.as_str().unwrap().starts_with("HTTPS_PROXY="))
        };
        assert!(proxied(&plan["daemons"][0]));
        assert!(!proxied(&plan["daemons"][1]) && !proxied(&plan["daemons"][2]));
    }

    #[test]
    fn a_cache_the_node_would_not_see_is_refused_with_the_setting_that_moves_it() {
        let (layout, _, _, _, mut bins) = fixtures();
        assert!(hidden_from_the_node(&layout, &bins, Path::new("/cache/realnode"), &[]).is_ok());
        bins.kubelet = "/var/lib/jenkins/.cache/devctl-testcluster/kubelet".into();
        let err = hidden_from_the_node(&layout, &bins, Path::new("/cache/realnode"), &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("/var/lib is private to it"), "{err}");
        assert!(err.contains("DEVCTL_TESTCLUSTER_CACHE"), "{err}");
    }

    #[test]
    fn the_corefile_serves_the_cluster_domain_on_the_node_address() {
        let (_, net, _, creds, _) = fixtures();
        let corefile = corefile(&net, &creds);
        assert!(corefile.starts_with("cluster.local:53 "), "{corefile}");
        assert!(corefile.contains("bind 10.234.7.1"), "{corefile}");
        assert!(
            corefile.contains("kubeconfig /state/coredns.kubeconfig"),
            "{corefile}"
        );
        assert!(!corefile.contains("forward"), "{corefile}");
    }
}
