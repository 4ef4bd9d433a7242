//! Finds or builds the programs the cluster runs. Kubernetes, etcd and kwok are built once per
//! version from the Go module in `testcluster/go` into a cache outside the repository; the two
//! small programs of our own (node agent, API proxy) are rebuilt on every start, which Go's
//! build cache makes cheap. `TESTCLUSTER_ASSETS` names a directory of prebuilt binaries that
//! is used instead where it has them (as envtest's `KUBEBUILDER_ASSETS`).
//!
//! The real node's programs (kubelet, containerd, runc, the CNI plugins, CoreDNS) are built
//! only when asked for ([`ensure_node`]), so the tests of simulated nodes never pay for them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Error;

/// The Kubernetes release the control plane is built from; `go.mod` pins the same.
pub const KUBERNETES_VERSION: &str = "v1.36.1";
/// Its release date, stamped into `/version` as the upstream release build does.
const KUBERNETES_BUILD_DATE: &str = "2026-05-12T09:51:33Z";

const UPSTREAM: [(&str, &str); 5] = [
    ("etcd", "go.etcd.io/etcd/server/v3"),
    ("kube-apiserver", "k8s.io/kubernetes/cmd/kube-apiserver"),
    (
        "kube-controller-manager",
        "k8s.io/kubernetes/cmd/kube-controller-manager",
    ),
    ("kube-scheduler", "k8s.io/kubernetes/cmd/kube-scheduler"),
    ("kwok", "sigs.k8s.io/kwok/cmd/kwok"),
];
const OWN: [(&str, &str); 3] = [
    ("nodeagent", "./cmd/nodeagent"),
    ("apiproxy", "./cmd/apiproxy"),
    ("realnode", "./cmd/realnode"),
];

/// Paths of every program the cluster starts.
#[derive(Debug, Clone)]
pub struct Binaries {
    pub etcd: PathBuf,
    pub kube_apiserver: PathBuf,
    pub kube_controller_manager: PathBuf,
    pub kube_scheduler: PathBuf,
    pub kwok: PathBuf,
    pub nodeagent: PathBuf,
    pub apiproxy: PathBuf,
    /// Runs the real node (only started when one is asked for).
    pub realnode: PathBuf,
}

/// The Go module with the pinned versions and our own programs.
pub fn go_module_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("go")
}

/// Where built binaries are kept between runs: `DEVCTL_TESTCLUSTER_CACHE`, else
/// `$XDG_CACHE_HOME/devctl-testcluster`, else `~/.cache/devctl-testcluster`.
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DEVCTL_TESTCLUSTER_CACHE") {
        return PathBuf::from(dir);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("devctl-testcluster")
}

/// Where the node agent and API proxy of this checkout are built: one directory per checkout
/// and per version of their sources, so that two checkouts on one machine (say, a branch that
/// changes the proxy) never start each other's versions, and a checkout whose Go code changed
/// (a warm CI run in the same place) never starts the binaries of the code before.
fn own_dir() -> PathBuf {
    cache_dir()
        .join("own")
        .join(sources_digest(&go_module_dir()))
        .join("bin")
}

/// A digest of the module's place and of every file the own binaries are built from
/// (`go.mod`, `go.sum`, `cmd/`, `internal/`), in a stable order.
fn sources_digest(module: &Path) -> String {
    use sha2::Digest;
    fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, files);
            } else {
                files.push(path);
            }
        }
    }
    let mut files = vec![module.join("go.mod"), module.join("go.sum")];
    walk(&module.join("cmd"), &mut files);
    walk(&module.join("internal"), &mut files);
    files.sort();
    let mut hasher = sha2::Sha256::new();
    hasher.update(module.as_os_str().as_encoded_bytes());
    for file in &files {
        let relative = file.strip_prefix(module).unwrap_or(file);
        hasher.update(relative.as_os_str().as_encoded_bytes());
        hasher.update([0]);
        hasher.update(fs::read(file).unwrap_or_default());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Returns every binary, building what is missing. Concurrent callers (several test binaries)
/// wait for one another through a lock file instead of building twice.
pub fn ensure() -> Result<Binaries, Error> {
    let assets = assets_dir();
    let upstream_dir = upstream_dir();
    let own_dir = own_dir();
    fs::create_dir_all(&upstream_dir).map_err(|e| Error::io("creating the binary cache", e))?;
    fs::create_dir_all(&own_dir).map_err(|e| Error::io("creating the binary cache", e))?;
    let _lock = build_lock()?;

    let find = |name: &str| -> Option<PathBuf> {
        assets
            .as_ref()
            .map(|dir| dir.join(name))
            .filter(|p| p.is_file())
    };

    let missing: Vec<(&str, &str)> = UPSTREAM
        .iter()
        .copied()
        .filter(|(name, _)| find(name).is_none() && !upstream_dir.join(name).is_file())
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "testcluster: building {} for Kubernetes {KUBERNETES_VERSION} into {} (once; a cold build takes minutes)",
            missing
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", "),
            upstream_dir.display()
        );
        go_build(&missing, &upstream_dir, &version_ldflags())?;
    }
    let own: Vec<(&str, &str)> = OWN
        .iter()
        .copied()
        .filter(|(n, _)| find(n).is_none())
        .collect();
    if !own.is_empty() {
        go_build(&own, &own_dir, "")?;
    }

    let path = |name: &str, dir: &Path| find(name).unwrap_or_else(|| dir.join(name));
    Ok(Binaries {
        etcd: path("etcd", &upstream_dir),
        kube_apiserver: path("kube-apiserver", &upstream_dir),
        kube_controller_manager: path("kube-controller-manager", &upstream_dir),
        kube_scheduler: path("kube-scheduler", &upstream_dir),
        kwok: path("kwok", &upstream_dir),
        nodeagent: path("nodeagent", &own_dir),
        apiproxy: path("apiproxy", &own_dir),
        realnode: path("realnode", &own_dir),
    })
}

/// `TESTCLUSTER_ASSETS`: a directory of prebuilt binaries to use where it has them.
fn assets_dir() -> Option<PathBuf> {
    std::env::var_os("TESTCLUSTER_ASSETS").map(PathBuf::from)
}

/// Where the programs built from the Kubernetes module (and etcd, kwok) are kept.
fn upstream_dir() -> PathBuf {
    cache_dir().join(KUBERNETES_VERSION).join("bin")
}

/// Holds the cache's build lock until dropped: concurrent callers (several test binaries)
/// wait here instead of building twice.
fn build_lock() -> Result<fs::File, Error> {
    fs::create_dir_all(cache_dir()).map_err(|e| Error::io("creating the binary cache", e))?;
    let lock = fs::File::create(cache_dir().join(".build.lock"))
        .map_err(|e| Error::io("creating the build lock", e))?;
    lock.lock()
        .map_err(|e| Error::io("taking the build lock", e))?;
    Ok(lock)
}

/// Why the binaries cannot be had here, if they cannot: neither Go nor a complete set of
/// prebuilt ones.
pub fn unavailable_reason() -> Option<String> {
    let cached = |name: &str| {
        std::env::var_os("TESTCLUSTER_ASSETS")
            .map(|d| PathBuf::from(d).join(name).is_file())
            .unwrap_or(false)
            || cache_dir()
                .join(KUBERNETES_VERSION)
                .join("bin")
                .join(name)
                .is_file()
            || own_dir().join(name).is_file()
    };
    let all_cached = UPSTREAM
        .iter()
        .chain(OWN.iter())
        .all(|(name, _)| cached(name));
    let go = Command::new("go").arg("version").output();
    match go {
        Ok(out) if out.status.success() => None,
        _ if all_cached => None,
        _ => Some("the test cluster needs Go (to build Kubernetes) or TESTCLUSTER_ASSETS with prebuilt binaries".into()),
    }
}

/// The `-X` flags that make `/version` report the release instead of `v0.0.0-master`.
fn version_ldflags() -> String {
    let minor = KUBERNETES_VERSION.split('.').nth(1).unwrap_or("0");
    let mut flags = String::from("-s -w");
    for pkg in [
        "k8s.io/component-base/version",
        "k8s.io/client-go/pkg/version",
    ] {
        flags.push_str(&format!(
            " -X {pkg}.gitVersion={KUBERNETES_VERSION} -X {pkg}.gitMajor=1 -X {pkg}.gitMinor={minor} \
             -X {pkg}.gitTreeState=clean -X {pkg}.buildDate={KUBERNETES_BUILD_DATE}"
        ));
    }
    flags
}

/// Builds `packages` (name, Go package) into `out` with one `go build`, through a staging
/// directory so that an interrupted build never leaves a half-written binary in the cache.
fn go_build(packages: &[(&str, &str)], out: &Path, ldflags: &str) -> Result<(), Error> {
    let staging = out.with_file_name(format!(
        "{}.partial",
        out.file_name().and_then(|n| n.to_str()).unwrap_or("bin")
    ));
    fs::create_dir_all(&staging).map_err(|e| Error::io("creating the build directory", e))?;
    let mut cmd = Command::new("go");
    cmd.current_dir(go_module_dir())
        .env("GOTOOLCHAIN", "local")
        .arg("build")
        .arg("-o")
        .arg(format!("{}/", staging.display()));
    if !ldflags.is_empty() {
        cmd.arg("-ldflags").arg(ldflags);
    }
    cmd.args(packages.iter().map(|(_, pkg)| *pkg));
    let status = cmd.status().map_err(|e| Error::GoMissing(e.to_string()))?;
    if !status.success() {
        return Err(Error::Build(format!(
            "go build of {} failed ({status})",
            packages
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    for (name, pkg) in packages {
        // `go build -o dir/` names each binary after the last element of its package path.
        let built = pkg.trim_end_matches('/').rsplit('/').next().unwrap_or(name);
        let built = if built.starts_with('v') && built[1..].chars().all(|c| c.is_ascii_digit()) {
            // A major-version suffix (`.../server/v3`): Go names the binary after the element before it.
            pkg.rsplit('/').nth(1).unwrap_or(name)
        } else {
            built
        };
        fs::rename(staging.join(built), out.join(name))
            .map_err(|e| Error::io(&format!("installing {name}"), e))?;
    }
    Ok(())
}

// The real node.

/// runc's go.mod replaces go-selinux with a patched copy (CVE-2025-52881) under a directory
/// its module zip leaves out; this go-selinux release carries the same fix upstream, so the
/// copy of runc's source requires it instead of the replacement.
const RUNC_SELINUX: &str = "github.com/opencontainers/selinux@v1.13.1";

/// Paths of every program the real node runs.
#[derive(Debug, Clone)]
pub struct NodeBinaries {
    pub kubelet: PathBuf,
    pub containerd: PathBuf,
    pub containerd_shim_runc_v2: PathBuf,
    pub ctr: PathBuf,
    pub runc: PathBuf,
    /// Holds `bridge`, `host-local`, `loopback` and `portmap` (containerd's CNI `bin_dir`).
    pub cni_bin_dir: PathBuf,
    pub coredns: PathBuf,
}

impl NodeBinaries {
    /// The containerd release (`cmd/containerd`, its runc shim, `ctr`).
    pub const CONTAINERD_VERSION: &str = "v2.2.9";
    /// The runc release, built with seccomp.
    pub const RUNC_VERSION: &str = "v1.3.3";
    /// The release of the CNI plugins.
    pub const CNI_PLUGINS_VERSION: &str = "v1.9.0";
    /// The CoreDNS release that serves the cluster domain to the real node's pods.
    pub const COREDNS_VERSION: &str = "v1.14.2";
    /// The CNI plugins in [`NodeBinaries::cni_bin_dir`].
    pub const CNI_PLUGINS: [&str; 4] = ["bridge", "host-local", "loopback", "portmap"];
    /// The CoreDNS plugins compiled in, in the order of CoreDNS's `plugin.cfg` (the order
    /// they run in). Enough to serve `cluster.local` from the API; no `forward` and no cloud
    /// back ends, as pods on the real node reach nothing outside the machine.
    pub const COREDNS_PLUGINS: [&str; 10] = [
        "reload",
        // Each cluster's CoreDNS listens on its own node address only.
        "bind",
        "ready",
        "health",
        "errors",
        "log",
        "loadbalance",
        "cache",
        "kubernetes",
        "loop",
    ];
}

/// One Go module of the node, built from a writable copy of its own source, with its own
/// go.mod and go.sum.
#[derive(Debug, Clone, Copy)]
struct NodeModule {
    /// Names the module in messages and in the cache key.
    part: &'static str,
    path: &'static str,
    version: &'static str,
    builds: &'static [NodeBuild],
}

/// One `go build` in a module's source.
#[derive(Debug)]
struct NodeBuild {
    /// Packages relative to the module root; each program is named as `go build` names it.
    packages: &'static [&'static str],
    tags: &'static str,
    /// Only runc needs cgo (libseccomp); it is linked statically all the same.
    cgo: bool,
    /// Where the programs go under the node's bin directory ("" for the directory itself).
    subdir: &'static str,
}

static NODE_MODULES: [NodeModule; 4] = [
    NodeModule {
        part: "containerd",
        path: "github.com/containerd/containerd/v2",
        version: NodeBinaries::CONTAINERD_VERSION,
        // Tags as containerd's Makefile sets them; the shim is built without gRPC there too.
        builds: &[
            NodeBuild {
                packages: &["./cmd/containerd", "./cmd/ctr"],
                tags: "urfave_cli_no_docs",
                cgo: false,
                subdir: "",
            },
            NodeBuild {
                packages: &["./cmd/containerd-shim-runc-v2"],
                tags: "urfave_cli_no_docs no_grpc",
                cgo: false,
                subdir: "",
            },
        ],
    },
    NodeModule {
        part: "runc",
        path: "github.com/opencontainers/runc",
        version: NodeBinaries::RUNC_VERSION,
        // Without seccomp every pod fails with "seccomp not supported"; the other tags are
        // those of runc's static build.
        builds: &[NodeBuild {
            packages: &["."],
            tags: "seccomp urfave_cli_no_docs netgo osusergo",
            cgo: true,
            subdir: "",
        }],
    },
    NodeModule {
        part: "cni",
        path: "github.com/containernetworking/plugins",
        version: NodeBinaries::CNI_PLUGINS_VERSION,
        builds: &[NodeBuild {
            packages: &[
                "./plugins/main/bridge",
                "./plugins/ipam/host-local",
                "./plugins/main/loopback",
                "./plugins/meta/portmap",
            ],
            tags: "",
            cgo: false,
            subdir: "cni",
        }],
    },
    NodeModule {
        part: "coredns",
        path: "github.com/coredns/coredns",
        version: NodeBinaries::COREDNS_VERSION,
        builds: &[NodeBuild {
            packages: &["."],
            tags: "",
            cgo: false,
            subdir: "",
        }],
    },
];

/// The directory under the cache named after every pinned release and the build recipe, so
/// that a change to any of them builds afresh beside the old binaries.
fn node_key(modules: &[NodeModule], plugins: &[&str]) -> String {
    use sha2::Digest;
    // SHA-256 rather than std's hasher, whose output may change with the Rust release: the
    // key must name the same directory for years.
    let recipe = sha2::Sha256::digest(format!("{modules:?} {plugins:?} {RUNC_SELINUX}"));
    let versions: Vec<String> = modules
        .iter()
        .map(|m| format!("{}-{}", m.part, m.version))
        .collect();
    let short: String = recipe[..4].iter().map(|b| format!("{b:02x}")).collect();
    format!("node-{}-{short}", versions.join("-"))
}

fn node_root() -> PathBuf {
    cache_dir().join(node_key(&NODE_MODULES, &NodeBinaries::COREDNS_PLUGINS))
}

/// The name `go build -o DIR/` gives the program of `package` in `module`: the package's
/// last path element, or the module's for the module root, skipping a major-version suffix.
fn program_name(module: &str, package: &str) -> String {
    let path = match package.trim_start_matches("./") {
        "." | "" => module.to_string(),
        rel => format!("{module}/{rel}"),
    };
    let mut elements = path.rsplit('/');
    let last = elements.next().unwrap_or_default();
    let is_major =
        last.len() > 1 && last.starts_with('v') && last[1..].chars().all(|c| c.is_ascii_digit());
    if is_major {
        elements.next().unwrap_or(last).to_string()
    } else {
        last.to_string()
    }
}

/// Where each program of `build` ends up.
fn build_outputs(module: &NodeModule, build: &NodeBuild, bin: &Path) -> Vec<PathBuf> {
    build
        .packages
        .iter()
        .map(|pkg| bin.join(build.subdir).join(program_name(module.path, pkg)))
        .collect()
}

/// Returns every program of the real node, building what is missing: the kubelet in the
/// control plane's module (so it shares its build cache and version stamp), the others each
/// from a copy of its own module. Takes the same build lock as [`ensure`].
pub fn ensure_node() -> Result<NodeBinaries, Error> {
    let assets = assets_dir();
    let upstream_dir = upstream_dir();
    let root = node_root();
    let bin = root.join("bin");
    fs::create_dir_all(&upstream_dir).map_err(|e| Error::io("creating the binary cache", e))?;
    fs::create_dir_all(&bin).map_err(|e| Error::io("creating the binary cache", e))?;
    let _lock = build_lock()?;
    remove_partial_builds(&root)?;

    let asset = |name: &str| {
        assets
            .as_ref()
            .map(|dir| dir.join(name))
            .filter(|p| p.exists())
    };

    if asset("kubelet").is_none() && !upstream_dir.join("kubelet").is_file() {
        let started = std::time::Instant::now();
        eprintln!(
            "testcluster: building kubelet {KUBERNETES_VERSION} into {} (once)",
            upstream_dir.display()
        );
        go_build(
            &[("kubelet", "k8s.io/kubernetes/cmd/kubelet")],
            &upstream_dir,
            &version_ldflags(),
        )?;
        eprintln!(
            "testcluster: built kubelet in {:.0}s",
            started.elapsed().as_secs_f64()
        );
    }
    for (module, builds) in missing_node_builds(assets.as_deref(), &bin) {
        build_node_module(module, &builds, &root, &bin)?;
    }

    // The CNI plugins come from the assets only all together: containerd takes one directory.
    let cni_assets = assets.as_ref().map(|dir| dir.join("cni")).filter(|dir| {
        NodeBinaries::CNI_PLUGINS
            .iter()
            .all(|p| dir.join(p).is_file())
    });
    let path = |name: &str| asset(name).unwrap_or_else(|| bin.join(name));
    Ok(NodeBinaries {
        kubelet: asset("kubelet").unwrap_or_else(|| upstream_dir.join("kubelet")),
        containerd: path("containerd"),
        containerd_shim_runc_v2: path("containerd-shim-runc-v2"),
        ctr: path("ctr"),
        runc: path("runc"),
        cni_bin_dir: cni_assets.unwrap_or_else(|| bin.join("cni")),
        coredns: path("coredns"),
    })
}

/// The builds of each module whose programs are neither in the assets (laid out as the cache
/// is, the CNI plugins in `cni/`) nor in the cache's `bin`.
fn missing_node_builds(
    assets: Option<&Path>,
    bin: &Path,
) -> Vec<(&'static NodeModule, Vec<&'static NodeBuild>)> {
    let has = |module, build, dir: &Path| {
        build_outputs(module, build, dir)
            .iter()
            .all(|p| p.is_file())
    };
    NODE_MODULES
        .iter()
        .map(|module| {
            let builds: Vec<&NodeBuild> = module
                .builds
                .iter()
                .filter(|build| {
                    !assets.is_some_and(|dir| has(module, build, dir)) && !has(module, build, bin)
                })
                .collect();
            (module, builds)
        })
        .filter(|(_, builds)| !builds.is_empty())
        .collect()
}

/// Why the real node cannot run here, if it cannot: it needs root, and its programs need
/// Go (and for runc gcc, pkg-config and libseccomp's headers) unless they are built already.
pub fn node_unavailable_reason() -> Option<String> {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    if effective_uid(&status) != Some(0) {
        return Some(
            "the real node needs root (it mounts, makes network namespaces and runs containers)"
                .into(),
        );
    }
    let assets = assets_dir();
    let missing = missing_node_builds(assets.as_deref(), &node_root().join("bin"));
    let mut missing_parts: Vec<&str> = missing.iter().map(|(m, _)| m.part).collect();
    let kubelet_built = upstream_dir().join("kubelet").is_file()
        || assets.is_some_and(|dir| dir.join("kubelet").is_file());
    if !kubelet_built {
        missing_parts.insert(0, "kubelet");
    }
    if missing_parts.is_empty() {
        return None;
    }
    let cgo = missing
        .iter()
        .any(|(_, builds)| builds.iter().any(|b| b.cgo));
    build_tools_missing(cgo).map(|tools| {
        format!(
            "the real node's {} are not built, and building them needs {tools}",
            missing_parts.join(", ")
        )
    })
}

/// The effective user id from the text of `/proc/self/status`.
fn effective_uid(status: &str) -> Option<u32> {
    status
        .lines()
        .find_map(|line| line.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().nth(1))
        .and_then(|id| id.parse().ok())
}

/// The tools a build of the node lacks here, said as what to install.
fn build_tools_missing(cgo: bool) -> Option<String> {
    let runs = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !runs("go", &["version"]) {
        return Some("Go".into());
    }
    if cgo {
        let seccomp_headers = Command::new("pkg-config")
            .args(["--variable=includedir", "libseccomp"])
            .output()
            .ok()
            .filter(|out| out.status.success())
            .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_string())
            .is_some_and(|dir| Path::new(&dir).join("seccomp.h").is_file());
        if !runs("gcc", &["--version"]) || !seccomp_headers {
            return Some(
                "gcc, pkg-config and libseccomp's headers and static library (Debian: gcc \
                 libc6-dev libseccomp-dev pkg-config)"
                    .into(),
            );
        }
    }
    None
}

/// Removes what an interrupted build left (the caller holds the build lock).
fn remove_partial_builds(root: &Path) -> Result<(), Error> {
    let entries = fs::read_dir(root).map_err(|e| Error::io("reading the binary cache", e))?;
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(".partial-") {
            fs::remove_dir_all(entry.path())
                .map_err(|e| Error::io("removing an interrupted build", e))?;
        }
    }
    Ok(())
}

/// Builds `builds` of `module` from a writable copy of its source, in a staging directory
/// under `root`, and moves each finished program (or the CNI directory) into `bin`.
fn build_node_module(
    module: &NodeModule,
    builds: &[&NodeBuild],
    root: &Path,
    bin: &Path,
) -> Result<(), Error> {
    if let Some(tools) = build_tools_missing(builds.iter().any(|b| b.cgo)) {
        return Err(Error::Build(format!(
            "building {} {} needs {tools}",
            module.part, module.version
        )));
    }
    let started = std::time::Instant::now();
    eprintln!(
        "testcluster: building {} {} into {} (once)",
        module.part,
        module.version,
        bin.display()
    );
    let work = tempfile::Builder::new()
        .prefix(".partial-")
        .tempdir_in(root)
        .map_err(|e| Error::io("creating the build directory", e))?;
    let source = download_module(module, work.path())?;
    let src = work.path().join("src");
    copy_writable(&source.dir, &src)
        .map_err(|e| Error::io(&format!("copying the source of {}", module.path), e))?;
    prepare_source(module, &src)?;
    let ldflags = node_ldflags(module, source.commit.as_deref());

    for build in builds {
        let staging = work.path().join("out").join(build.subdir);
        fs::create_dir_all(&staging).map_err(|e| Error::io("creating the build directory", e))?;
        let mut cmd = go(&src);
        cmd.env("CGO_ENABLED", if build.cgo { "1" } else { "0" })
            .args(["build", "-mod=mod", "-trimpath"])
            .arg("-ldflags")
            .arg(&ldflags)
            .arg("-o")
            .arg(format!("{}/", staging.display()));
        if !build.tags.is_empty() {
            cmd.arg("-tags").arg(build.tags);
        }
        cmd.args(build.packages);
        run_go(
            cmd,
            &format!("go build of {} {}", module.part, module.version),
        )?;

        if build.subdir.is_empty() {
            for built in build_outputs(module, build, &staging) {
                let name = built.file_name().unwrap_or_default();
                fs::rename(&built, bin.join(name))
                    .map_err(|e| Error::io(&format!("installing {}", module.part), e))?;
            }
        } else {
            let dest = bin.join(build.subdir);
            if dest.exists() {
                fs::remove_dir_all(&dest)
                    .map_err(|e| Error::io(&format!("replacing {}", dest.display()), e))?;
            }
            fs::rename(&staging, &dest)
                .map_err(|e| Error::io(&format!("installing {}", module.part), e))?;
        }
    }
    eprintln!(
        "testcluster: built {} {} in {:.0}s",
        module.part,
        module.version,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A `go` command in `dir` that never switches toolchains.
fn go(dir: &Path) -> Command {
    let mut cmd = Command::new("go");
    cmd.current_dir(dir).env("GOTOOLCHAIN", "local");
    cmd
}

fn run_go(mut cmd: Command, what: &str) -> Result<(), Error> {
    let status = cmd.status().map_err(|e| Error::GoMissing(e.to_string()))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::Build(format!("{what} failed ({status})")))
    }
}

/// A module's extracted source in Go's module cache, and the commit it was tagged at when the
/// proxy says.
struct ModuleSource {
    dir: PathBuf,
    commit: Option<String>,
}

/// Fetches `module` through the Go module proxy (or finds it in the module cache).
fn download_module(module: &NodeModule, scratch: &Path) -> Result<ModuleSource, Error> {
    let spec = format!("{}@{}", module.path, module.version);
    let out = go(scratch)
        .args(["mod", "download", "-json", &spec])
        .output()
        .map_err(|e| Error::GoMissing(e.to_string()))?;
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(|e| {
        Error::Build(format!(
            "go mod download {spec}: unreadable answer ({e}): {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    })?;
    if let Some(err) = json["Error"].as_str() {
        return Err(Error::Build(format!("go mod download {spec}: {err}")));
    }
    let dir = json["Dir"]
        .as_str()
        .ok_or_else(|| Error::Build(format!("go mod download {spec}: no Dir in its answer")))?;
    Ok(ModuleSource {
        dir: PathBuf::from(dir),
        commit: json["Origin"]["Hash"].as_str().map(str::to_string),
    })
}

/// Copies a module's read-only source tree with the owner's write bit set, so that its
/// go.mod, go.sum and generated files can change.
fn copy_writable(from: &Path, to: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_writable(&entry.path(), &dest)?;
        } else {
            fs::copy(entry.path(), &dest)?;
            let mut perms = fs::metadata(&dest)?.permissions();
            perms.set_mode(perms.mode() | 0o200);
            fs::set_permissions(&dest, perms)?;
        }
    }
    Ok(())
}

/// What a module's source needs before it builds here.
fn prepare_source(module: &NodeModule, src: &Path) -> Result<(), Error> {
    match module.part {
        "runc" => {
            let (selinux, _) = RUNC_SELINUX.split_once('@').unwrap_or((RUNC_SELINUX, ""));
            let mut cmd = go(src);
            cmd.args(["mod", "edit"])
                .arg(format!("-dropreplace={selinux}"))
                .arg(format!("-require={RUNC_SELINUX}"));
            run_go(cmd, "go mod edit of runc's go.mod")
        }
        "coredns" => {
            let cfg = src.join("plugin.cfg");
            let text = fs::read_to_string(&cfg)
                .map_err(|e| Error::io("reading CoreDNS's plugin.cfg", e))?;
            fs::write(&cfg, select_plugins(&text, &NodeBinaries::COREDNS_PLUGINS)?)
                .map_err(|e| Error::io("writing CoreDNS's plugin.cfg", e))?;
            // Regenerates the plugin imports and the directive order from plugin.cfg.
            let mut cmd = go(src);
            cmd.args(["run", "directives_generate.go"]);
            run_go(cmd, "CoreDNS's directives_generate.go")
        }
        _ => Ok(()),
    }
}

/// CoreDNS's `plugin.cfg` (`name:package` lines, in execution order) cut down to `keep`,
/// in the file's own order.
fn select_plugins(cfg: &str, keep: &[&str]) -> Result<String, Error> {
    let kept: Vec<&str> = cfg
        .lines()
        .filter(|line| {
            line.split_once(':')
                .is_some_and(|(name, _)| !name.starts_with('#') && keep.contains(&name.trim()))
        })
        .collect();
    if let Some(absent) = keep.iter().find(|name| {
        !kept
            .iter()
            .any(|line| line.split(':').next() == Some(**name))
    }) {
        return Err(Error::Build(format!(
            "CoreDNS's plugin.cfg has no plugin {absent:?}"
        )));
    }
    Ok(kept.iter().map(|line| format!("{line}\n")).collect())
}

/// The `-X` flags each project's own Makefile stamps its version with, on a stripped binary;
/// runc is also linked statically (it is the one built with cgo).
fn node_ldflags(module: &NodeModule, commit: Option<&str>) -> String {
    let mut flags = vec!["-s".to_string(), "-w".to_string()];
    let mut stamp = |var: &str, value: &str| flags.push(format!("-X {var}={value}"));
    match module.part {
        "containerd" => {
            let pkg = module.path;
            stamp(&format!("{pkg}/version.Version"), module.version);
            stamp(&format!("{pkg}/version.Package"), pkg);
            if let Some(commit) = commit {
                stamp(&format!("{pkg}/version.Revision"), commit);
            }
        }
        "runc" => {
            // runc embeds its version from its VERSION file; the Makefile adds the commit.
            if let Some(commit) = commit {
                stamp("main.gitCommit", commit);
            }
            flags.push("-extldflags -static".to_string());
        }
        "cni" => stamp(
            &format!("{}/pkg/utils/buildversion.BuildVersion", module.path),
            module.version,
        ),
        "coredns" => {
            if let Some(commit) = commit {
                stamp(&format!("{}/coremain.GitCommit", module.path), commit);
            }
        }
        _ => {}
    }
    flags.join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn own_binaries_are_rebuilt_when_their_sources_change() {
        let module = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(module.path().join("cmd/apiproxy")).unwrap();
        std::fs::write(module.path().join("go.mod"), "module x\n").unwrap();
        let source = module.path().join("cmd/apiproxy/main.go");
        std::fs::write(&source, "package main\n").unwrap();
        let before = super::sources_digest(module.path());
        assert_eq!(before, super::sources_digest(module.path()), "stable");
        std::fs::write(&source, "package main // changed\n").unwrap();
        assert_ne!(before, super::sources_digest(module.path()));
        std::fs::write(module.path().join("cmd/apiproxy/new.go"), "").unwrap();
        let added = super::sources_digest(module.path());
        std::fs::remove_file(module.path().join("cmd/apiproxy/new.go")).unwrap();
        assert_ne!(added, super::sources_digest(module.path()));
    }

    use super::*;

    #[test]
    fn node_key_names_every_pinned_release() {
        let key = node_key(&NODE_MODULES, &NodeBinaries::COREDNS_PLUGINS);
        for module in &NODE_MODULES {
            assert!(
                key.contains(&format!("{}-{}", module.part, module.version)),
                "{key} lacks {}",
                module.part
            );
        }
    }

    #[test]
    fn node_key_changes_with_any_release_or_the_plugin_list() {
        let key = node_key(&NODE_MODULES, &NodeBinaries::COREDNS_PLUGINS);
        for i in 0..NODE_MODULES.len() {
            let mut modules = NODE_MODULES;
            modules[i].version = "v99.0.0";
            assert_ne!(
                node_key(&modules, &NodeBinaries::COREDNS_PLUGINS),
                key,
                "{}",
                NODE_MODULES[i].part
            );
        }
        assert_ne!(
            node_key(&NODE_MODULES, &NodeBinaries::COREDNS_PLUGINS[1..]),
            key
        );
    }

    #[test]
    fn programs_are_named_as_go_build_names_them() {
        assert_eq!(
            program_name("github.com/containerd/containerd/v2", "./cmd/ctr"),
            "ctr"
        );
        assert_eq!(program_name("github.com/opencontainers/runc", "."), "runc");
        assert_eq!(program_name("github.com/coredns/coredns", "."), "coredns");
        assert_eq!(program_name("go.etcd.io/etcd/server/v3", "."), "server");
        assert_eq!(
            program_name(
                "github.com/containernetworking/plugins",
                "./plugins/ipam/host-local"
            ),
            "host-local"
        );
    }

    #[test]
    fn node_binaries_land_where_node_binaries_says() {
        let bin = Path::new("/cache/bin");
        let outputs: Vec<PathBuf> = NODE_MODULES
            .iter()
            .flat_map(|m| m.builds.iter().flat_map(|b| build_outputs(m, b, bin)))
            .collect();
        for name in [
            "containerd",
            "containerd-shim-runc-v2",
            "ctr",
            "runc",
            "coredns",
        ] {
            assert!(outputs.contains(&bin.join(name)), "{name}");
        }
        for plugin in NodeBinaries::CNI_PLUGINS {
            assert!(outputs.contains(&bin.join("cni").join(plugin)), "{plugin}");
        }
        assert_eq!(outputs.len(), 5 + NodeBinaries::CNI_PLUGINS.len());
    }

    #[test]
    fn plugin_cfg_keeps_only_the_chosen_plugins_in_its_own_order() {
        let cfg = "# comment: with a colon\nroot:root\nready:ready\nlog:log\nforward:forward\n\
                   kubernetes:kubernetes\non:github.com/coredns/caddy/onevent\n";
        assert_eq!(
            select_plugins(cfg, &["kubernetes", "log", "ready"]).unwrap(),
            "ready:ready\nlog:log\nkubernetes:kubernetes\n"
        );
        assert!(select_plugins(cfg, &["etcd"]).is_err());
    }

    #[test]
    fn an_interrupted_build_is_removed_and_finished_programs_kept() {
        let root = tempfile::tempdir().unwrap();
        fs::create_dir_all(root.path().join(".partial-x1/out")).unwrap();
        fs::write(root.path().join(".partial-x1/out/runc"), "half").unwrap();
        fs::create_dir_all(root.path().join("bin")).unwrap();
        fs::write(root.path().join("bin/containerd"), "done").unwrap();
        remove_partial_builds(root.path()).unwrap();
        assert!(!root.path().join(".partial-x1").exists());
        assert!(root.path().join("bin/containerd").is_file());
    }

    #[test]
    fn effective_uid_is_the_second_uid_field() {
        let status = "Name:\ttest\nUid:\t1000\t0\t0\t0\nGid:\t1000\t1000\t1000\t1000\n";
        assert_eq!(effective_uid(status), Some(0));
        assert_eq!(effective_uid("Name:\tx\n"), None);
    }

    #[test]
    fn versions_are_stamped_as_each_makefile_does() {
        let module = |part: &str| NODE_MODULES.iter().find(|m| m.part == part).unwrap();
        let containerd = node_ldflags(module("containerd"), Some("abc"));
        assert!(containerd.contains(&format!(
            "-X github.com/containerd/containerd/v2/version.Version={}",
            NodeBinaries::CONTAINERD_VERSION
        )));
        assert!(containerd.contains("version.Revision=abc"));
        let runc = node_ldflags(module("runc"), Some("abc"));
        assert!(runc.contains("-X main.gitCommit=abc"));
        assert!(runc.contains("-extldflags -static"));
        assert!(!node_ldflags(module("runc"), None).contains("gitCommit"));
        assert!(node_ldflags(module("cni"), None).contains(&format!(
            "buildversion.BuildVersion={}",
            NodeBinaries::CNI_PLUGINS_VERSION
        )));
    }
}
