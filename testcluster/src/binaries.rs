//! Finds or builds the programs the cluster runs. Kubernetes, etcd and kwok are built once per
//! version from the Go module in `testcluster/go` into a cache outside the repository; the two
//! small programs of our own (node agent, API proxy) are rebuilt on every start, which Go's
//! build cache makes cheap. `TESTCLUSTER_ASSETS` names a directory of prebuilt binaries that
//! is used instead where it has them (as envtest's `KUBEBUILDER_ASSETS`).

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
const OWN: [(&str, &str); 2] = [
    ("nodeagent", "./cmd/nodeagent"),
    ("apiproxy", "./cmd/apiproxy"),
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

/// Where the node agent and API proxy of this checkout are built: one directory per checkout,
/// so that two checkouts on one machine (say, a branch that changes the proxy) never start
/// each other's versions.
fn own_dir() -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    go_module_dir().hash(&mut hasher);
    cache_dir()
        .join("own")
        .join(format!("{:016x}", hasher.finish()))
        .join("bin")
}

/// Returns every binary, building what is missing. Concurrent callers (several test binaries)
/// wait for one another through a lock file instead of building twice.
pub fn ensure() -> Result<Binaries, Error> {
    let assets = std::env::var_os("TESTCLUSTER_ASSETS").map(PathBuf::from);
    let upstream_dir = cache_dir().join(KUBERNETES_VERSION).join("bin");
    let own_dir = own_dir();
    fs::create_dir_all(&upstream_dir).map_err(|e| Error::io("creating the binary cache", e))?;
    fs::create_dir_all(&own_dir).map_err(|e| Error::io("creating the binary cache", e))?;

    let lock = fs::File::create(cache_dir().join(".build.lock"))
        .map_err(|e| Error::io("creating the build lock", e))?;
    lock.lock()
        .map_err(|e| Error::io("taking the build lock", e))?;

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
    })
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
