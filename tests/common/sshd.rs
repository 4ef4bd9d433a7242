//! The real sshd of a devserver in the test cluster: the devserver's own ConfigMap and Secret
//! (as `devctl create` made them) laid out as `/devctl` in a Debian rootfs, its startup
//! script run there (chroot on an overlay of the cached rootfs, in mount and PID namespaces
//! of its own), and the test cluster's port-forward for the devserver's pod sent to that sshd.
//! So `devctl ssh` goes API server -> node agent -> OpenSSH, logging in as `dev`.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use k8s_openapi::api::core::v1::{ConfigMap, Secret};
use kube::api::Api;
use testcluster::Cluster;

use super::ns::Ns;
use super::rootfs;

/// The packages of the rootfs: sshd with its SFTP server, sudo, and rsync for the rsync test.
const PACKAGES: &str = "openssh-server,sudo,rsync";

/// The cached rootfs unpacked once into a directory, the lower layer of every test's overlay.
pub fn lower() -> PathBuf {
    let tarball = rootfs::rootfs_tarball(Some(PACKAGES));
    let dir = tarball.with_extension("dir");
    let lock = std::fs::File::create(tarball.with_extension("dir.lock")).unwrap();
    lock.lock().unwrap();
    if !dir.exists() {
        let partial = tarball.with_extension("partial");
        let _ = std::fs::remove_dir_all(&partial);
        std::fs::create_dir_all(&partial).unwrap();
        let unpacked = Command::new("tar")
            .arg("-C")
            .arg(&partial)
            .arg("-xf")
            .arg(&tarball)
            .status()
            .unwrap();
        assert!(unpacked.success());
        std::fs::rename(&partial, &dir).unwrap();
    }
    dir
}

/// A running sshd for one devserver; dropping it ends it.
pub struct Sshd {
    child: Child,
    /// The port of its first address.
    pub port: u16,
    /// Where it listens; the pod's port-forwards go to the first.
    addresses: Vec<SocketAddr>,
    pub log: PathBuf,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.addresses.iter().any(|a| TcpStream::connect(a).is_ok())
            && Instant::now() < deadline
        {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// What the devserver's pod would see at `/devctl`, written into `dir`, with sshd listening
/// on `addresses`. `host_key` replaces the devserver's host key pair (for the mismatch test).
fn lay_out(
    cluster: &Cluster,
    namespace: &str,
    name: &str,
    dir: &Path,
    addresses: &[SocketAddr],
    host_key: Option<(String, String)>,
) {
    let (config, secret) = testcluster::block_on(async {
        let admin = cluster.client().await.unwrap();
        let config: ConfigMap = Api::namespaced(admin.clone(), namespace)
            .get(&format!("{name}-init"))
            .await
            .expect("the devserver's ConfigMap");
        let secret: Secret = Api::namespaced(admin, namespace)
            .get(&format!("{name}-ssh"))
            .await
            .expect("the devserver's Secret");
        (config, secret)
    });
    std::fs::create_dir_all(dir.join("ssh")).unwrap();
    let listen: String = addresses
        .iter()
        .map(|a| format!("ListenAddress {a}\n"))
        .collect();
    for (key, value) in config.data.unwrap_or_default() {
        let value = value.replace("Port 22\n", &listen);
        std::fs::write(dir.join(key), value).unwrap();
    }
    for (key, value) in secret.data.unwrap_or_default() {
        let mut bytes = value.0;
        if let Some((private, public)) = &host_key {
            if key == "ssh_host_ed25519_key" {
                bytes = private.clone().into_bytes();
            } else if key == "ssh_host_ed25519_key.pub" {
                bytes = format!("{public}\n").into_bytes();
            }
        }
        std::fs::write(dir.join("ssh").join(key), bytes).unwrap();
    }
    let chmod = |mode: &str, path: &Path| {
        assert!(
            Command::new("chmod")
                .arg(mode)
                .arg(path)
                .status()
                .unwrap()
                .success()
        )
    };
    for entry in std::fs::read_dir(dir.join("ssh")).unwrap() {
        chmod("0400", &entry.unwrap().path());
    }
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            chmod("0444", &path);
        }
    }
    chmod("0555", &dir.join("startup.sh"));
    chmod("0555", &dir.join("ssh"));
    chmod("0555", dir);
}

impl Sshd {
    /// Starts the devserver `name`'s sshd and sends its pod's port-forwards of port 22 there.
    /// `None` when the machine cannot run it (not root, no debootstrap): the test skips.
    pub fn start(ns: &Ns, name: &str) -> Option<Sshd> {
        Sshd::start_with(ns, name, None)
    }

    /// The same with another host key than the pinned one: an impostor.
    pub fn start_with(ns: &Ns, name: &str, host_key: Option<(String, String)>) -> Option<Sshd> {
        Sshd::start_in(ns.cluster, &ns.name, ns.env.home(), name, host_key)
    }

    /// The same listening on `port` (a NodePort the test chose, say).
    pub fn start_on(ns: &Ns, name: &str, port: u16) -> Option<Sshd> {
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        Sshd::start_at(ns.cluster, &ns.name, ns.env.home(), name, None, &[address])
    }

    /// The same listening on each of `addresses` (a node port and the pod's address, say);
    /// the pod's port-forwards go to the first.
    pub fn start_listening(ns: &Ns, name: &str, addresses: &[SocketAddr]) -> Option<Sshd> {
        Sshd::start_at(ns.cluster, &ns.name, ns.env.home(), name, None, addresses)
    }

    /// The same in any namespace, its files under `home`.
    pub fn start_in(
        cluster: &Cluster,
        namespace: &str,
        home: &Path,
        name: &str,
        host_key: Option<(String, String)>,
    ) -> Option<Sshd> {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        Sshd::start_at(cluster, namespace, home, name, host_key, &[address])
    }

    fn start_at(
        cluster: &Cluster,
        namespace: &str,
        home: &Path,
        name: &str,
        host_key: Option<(String, String)>,
        addresses: &[SocketAddr],
    ) -> Option<Sshd> {
        if rootfs::skip() {
            return None;
        }
        let lower = lower();
        let work = home.join(format!("sshd-{name}"));
        std::fs::create_dir_all(&work).unwrap();
        let devctl_dir = work.join("devctl");
        lay_out(cluster, namespace, name, &devctl_dir, addresses, host_key);
        let layers = work.join("layers");
        std::fs::create_dir_all(&layers).unwrap();
        // Paths reach the script as arguments, never pasted into it.
        let script = r#"set -e
mount -t tmpfs layers "$2"
mkdir "$2/upper" "$2/work" "$2/root"
mount -t overlay rootfs -o "lowerdir=$1,upperdir=$2/upper,workdir=$2/work" "$2/root"
mkdir -p "$2/root/devctl"
mount --bind "$3" "$2/root/devctl"
mount -t proc proc "$2/root/proc"
mount --rbind /dev "$2/root/dev"
exec chroot "$2/root" /bin/sh /devctl/startup.sh"#;
        let log = work.join("startup.log");
        let child = Command::new("setpriv")
            // The sshd ends with the test process, however that ends.
            .args([
                "--pdeathsig",
                "KILL",
                "unshare",
                "--mount",
                "--pid",
                "--fork",
                "--kill-child",
            ])
            .args(["sh", "-c", script, "sshd"])
            .arg(&lower)
            .arg(&layers)
            .arg(&devctl_dir)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&log).unwrap())
            .stderr(std::fs::File::create(log.with_extension("err")).unwrap())
            .spawn()
            .unwrap();
        let mut sshd = Sshd {
            child,
            port: addresses[0].port(),
            addresses: addresses.to_vec(),
            log,
        };
        sshd.wait_listening();
        cluster
            .agent()
            .forward(
                namespace,
                &format!("{name}-0"),
                22,
                &addresses[0].to_string(),
            )
            .unwrap();
        Some(sshd)
    }

    fn wait_listening(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(120);
        while self
            .addresses
            .iter()
            .any(|a| TcpStream::connect(a).is_err())
        {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "the startup script ended ({status}): {}",
                    std::fs::read_to_string(self.log.with_extension("err")).unwrap_or_default()
                );
            }
            assert!(Instant::now() < deadline, "sshd never listened");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A key pair in the test's `~/.ssh/id_ed25519`, so that `devctl create` authorizes it and
/// `devctl ssh` logs in with it, as on a developer's machine.
pub fn user_key(ns: &Ns) -> PathBuf {
    user_key_in(ns.env.home())
}

/// The same under any `home`.
pub fn user_key_in(home: &Path) -> PathBuf {
    let dir = home.join(".ssh");
    std::fs::create_dir_all(&dir).unwrap();
    let private = dir.join("id_ed25519");
    if !private.exists() {
        let (_, key, public) = devctl::ssh::keys::generate("test-user").unwrap();
        devctl::ssh::keys::write_private(&private, key.as_bytes()).unwrap();
        std::fs::write(dir.join("id_ed25519.pub"), format!("{public}\n")).unwrap();
    }
    private
}

/// A port in the NodePort range that nothing on this machine listens on.
pub fn free_node_port() -> u16 {
    let seed = std::process::id() as u64 * 7919
        + std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos() as u64;
    (0..2767)
        .map(|i| 30000 + ((seed + i * 104_729) % 2767) as u16)
        .find(|p| TcpListener::bind(("127.0.0.1", *p)).is_ok())
        .expect("a free port in 30000-32766")
}

/// A node of the test whose pods get loopback addresses (kwok hands them out from the node's
/// pod CIDR, see [`loopback_pod_cidr`]), and the resource only it has: a devserver asking for
/// one of it (`--gpu RESOURCE=1`) lands there, and its pod's address is this machine's.
pub const LOOPBACK_RESOURCE: &str = "example.com/loopback";

/// Returns the node's name and its pod CIDR.
pub fn loopback_node(ns: &Ns, prefix: &str) -> (String, String) {
    let (cidr, _) = loopback_pod_cidr();
    let node = format!("{prefix}-{}", ns.name);
    testcluster::block_on(
        ns.cluster.add_node(
            &testcluster::NodeSpec::new(&node)
                .resource(LOOPBACK_RESOURCE, "1")
                .pod_cidr(&cidr),
        ),
    )
    .unwrap();
    (node, cidr)
}

/// A loopback network for a node's pods, `127.X.Y.0/24`, and its first address (the one kwok
/// gives the node's first pod), where nothing listens on port 22: the pod's address is then
/// this machine's, and an sshd there is what it reaches.
pub fn loopback_pod_cidr() -> (String, IpAddr) {
    let seed = std::process::id() as u64 * 7919
        + std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos() as u64;
    (0..1000)
        .map(|i| (seed + i * 104_729) % (100 * 256))
        .map(|n| ((100 + n / 256) as u8, (n % 256) as u8))
        .map(|(x, y)| (x, y, IpAddr::V4(Ipv4Addr::new(127, x, y, 1))))
        .find(|(_, _, first)| TcpListener::bind((*first, 22)).is_ok())
        .map(|(x, y, first)| (format!("127.{x}.{y}.0/24"), first))
        .expect("a loopback network with port 22 free")
}
