//! `examples/bastion`: its manifests pass the Kubernetes schemas (`kubernetes-validate
//! --strict`, as `create --dry-run`'s do in tests/schema.rs), also as `kubectl apply -k` would
//! apply them; the login profile is POSIX sh that gives each user their kubeconfig or says
//! clearly what is missing; the entrypoint is POSIX sh; the Dockerfile names base images by
//! short names and copies only what exists. And the bastion for real: `bastion-start`, its
//! sshd_config and profile in a Debian root (the cached rootfs, chrooted in mount and PID
//! namespaces of its own), users logging in with OpenSSH and running devctl there as their
//! ServiceAccount against the test cluster.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use common::ns::Ns;
use common::{in_cluster, rootfs, sshd};

/// The Kubernetes release the schemas are taken from, as in tests/schema.rs.
const KUBERNETES: &str = "1.36.0";

fn bastion() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/bastion")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `tool` runs here, or the test skips (fails under TESTCLUSTER_REQUIRED, as in CI).
fn have(tool: &str, install: &str) -> bool {
    let found = Command::new(tool)
        .arg("--help")
        .output()
        .is_ok_and(|o| o.status.success());
    !testcluster::skip_because((!found).then(|| format!("{tool} is not installed ({install})")))
}

fn validate(file: &Path) {
    let check = Command::new("kubernetes-validate")
        .args(["--strict", "-k", KUBERNETES])
        .arg(file)
        .output()
        .unwrap();
    let report = format!("{}{}", text(&check.stdout), text(&check.stderr));
    assert!(
        check.status.success(),
        "{} does not validate:\n{report}",
        file.display()
    );
    assert!(
        report.contains("passed for resource"),
        "{}: nothing was checked:\n{report}",
        file.display()
    );
}

#[test]
fn every_bastion_manifest_passes_strict_schema_validation() {
    if !have("kubernetes-validate", "pip install kubernetes-validate") {
        return;
    }
    let mut manifests: Vec<PathBuf> = std::fs::read_dir(bastion())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        // kustomize's own file: no Kubernetes object (what it makes is checked below).
        .filter(|p| p.file_name().is_some_and(|n| n != "kustomization.yaml"))
        .collect();
    manifests.sort();
    let names: Vec<String> = manifests
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "deployment.yaml",
            "namespace.yaml",
            "service.yaml",
            "serviceaccount.yaml"
        ]
    );
    for manifest in &manifests {
        validate(manifest);
    }
}

#[test]
fn what_kubectl_apply_k_applies_passes_strict_schema_validation() {
    if !have("kubernetes-validate", "pip install kubernetes-validate")
        || !have("kubectl", "kubectl, which has kustomize built in")
    {
        return;
    }
    let built = Command::new("kubectl")
        .arg("kustomize")
        .arg(bastion())
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", text(&built.stderr));
    let applied = text(&built.stdout);
    for kind in [
        "kind: Namespace",
        "kind: ServiceAccount",
        "kind: ConfigMap",
        "kind: Deployment",
        "kind: Service",
    ] {
        assert!(applied.contains(kind), "no {kind}:\n{applied}");
    }
    // The ConfigMap carries the files beside the kustomization, the profile among them.
    let profile = std::fs::read_to_string(bastion().join("devctl.sh")).unwrap();
    assert!(
        applied.contains(profile.lines().nth(1).unwrap()),
        "{applied}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bastion.yaml");
    std::fs::write(&file, &applied).unwrap();
    validate(&file);
}

/// The profile sourced by `sh` as a login shell would, for this machine's user, with the
/// users' files under `users`; prints KUBECONFIG and DEVCTL_SSH_TRANSPORT after it.
fn login(users: &Path, kubeconfig: Option<&str>) -> Output {
    let home = tempfile::tempdir().unwrap();
    let mut sh = Command::new("sh");
    sh.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("DEVCTL_BASTION_USERS", users)
        .args([
            "-c",
            r#". "$1" && printf '%s\n' "KUBECONFIG=${KUBECONFIG-unset}" "DEVCTL_SSH_TRANSPORT=${DEVCTL_SSH_TRANSPORT-unset}""#,
            "sh",
        ])
        .arg(bastion().join("devctl.sh"));
    if let Some(chosen) = kubeconfig {
        sh.env("KUBECONFIG", chosen);
    }
    sh.output().unwrap()
}

fn user() -> String {
    text(&Command::new("id").arg("-un").output().unwrap().stdout)
        .trim_end()
        .to_string()
}

#[test]
fn the_login_profile_is_posix_sh() {
    for file in ["devctl.sh", "bastion-start"] {
        let out = Command::new("sh")
            .arg("-n")
            .arg(bastion().join(file))
            .output()
            .unwrap();
        assert!(out.status.success(), "{file}: {}", text(&out.stderr));
    }
}

#[test]
fn the_login_profile_gives_a_user_their_kubeconfig_and_direct_ssh() {
    let users = tempfile::tempdir().unwrap();
    let mine = users.path().join(user()).join("kubeconfig");
    std::fs::create_dir_all(mine.parent().unwrap()).unwrap();
    std::fs::write(&mine, "apiVersion: v1\nkind: Config\n").unwrap();
    let out = login(users.path(), None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "KUBECONFIG={}\nDEVCTL_SSH_TRANSPORT=direct\n",
            mine.display()
        )
    );
    assert_eq!(text(&out.stderr), "", "nothing to say");
}

#[test]
fn the_login_profile_tells_a_user_without_a_kubeconfig_what_to_ask_for() {
    let users = tempfile::tempdir().unwrap();
    let out = login(users.path(), None);
    assert!(
        out.status.success(),
        "a login goes on: {}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).starts_with("KUBECONFIG=unset\n"),
        "{}",
        text(&out.stdout)
    );
    let said = text(&out.stderr);
    let user = user();
    assert!(
        said.starts_with(&format!(
            "devctl: there is no kubeconfig for {user} on this bastion"
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!("devctl admin user add {user} --kubeconfig-out")),
        "{said}"
    );
    assert!(said.contains("Secret bastion-kubeconfigs"), "{said}");
}

#[test]
fn the_login_profile_keeps_a_kubeconfig_the_user_chose() {
    let users = tempfile::tempdir().unwrap();
    let out = login(users.path(), Some("/somewhere/else"));
    assert_eq!(
        text(&out.stdout),
        "KUBECONFIG=/somewhere/else\nDEVCTL_SSH_TRANSPORT=direct\n"
    );
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn the_bastion_pieces_agree_on_their_paths() {
    let read = |file: &str| std::fs::read_to_string(bastion().join(file)).unwrap();
    let (sshd, start, profile, deployment) = (
        read("sshd_config"),
        read("bastion-start"),
        read("devctl.sh"),
        read("deployment.yaml"),
    );
    // bastion-start writes each user's files where sshd and the profile read them.
    assert!(start.contains("users=/run/devctl/users"), "{start}");
    assert!(
        sshd.contains("AuthorizedKeysFile /run/devctl/users/%u/authorized_keys"),
        "{sshd}"
    );
    assert!(
        profile.contains("${DEVCTL_BASTION_USERS:-/run/devctl/users}"),
        "{profile}"
    );
    // The Deployment mounts what bastion-start and sshd read.
    for path in [
        "/etc/devctl/authorized-keys",
        "/etc/devctl/kubeconfigs",
        "/etc/ssh/host-keys",
        "/etc/ssh/sshd_config",
        "/etc/profile.d/devctl.sh",
        "/etc/motd",
    ] {
        assert!(
            deployment.contains(&format!("mountPath: {path}\n")),
            "{path} is not mounted"
        );
    }
    assert!(start.contains("keys=/etc/devctl/authorized-keys"));
    assert!(start.contains("kubeconfigs=/etc/devctl/kubeconfigs"));
    assert!(sshd.contains("HostKey /etc/ssh/host-keys/ssh_host_ed25519_key"));
}

#[test]
fn the_bastion_dockerfile_uses_short_base_names_and_copies_what_exists() {
    let dockerfile = std::fs::read_to_string(bastion().join("Dockerfile")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stages = Vec::new();
    let mut froms = 0;
    for line in dockerfile.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.first().map(|w| w.to_ascii_uppercase()).as_deref() {
            Some("FROM") => {
                froms += 1;
                let image = words[1];
                // A short name: no registry host (a first part with a dot or a port, or
                // localhost) before the repository.
                let first = image.split('/').next().unwrap();
                assert!(
                    !image.contains('/') || !(first.contains(['.', ':']) || first == "localhost"),
                    "{image} names a registry host"
                );
                if let (Some(as_), Some(name)) = (words.get(2), words.get(3)) {
                    assert!(as_.eq_ignore_ascii_case("as"), "{line}");
                    stages.push(name.to_string());
                }
            }
            Some("COPY") if !line.contains("--from=") => {
                for source in &words[1..words.len() - 1] {
                    assert!(root.join(source).exists(), "COPY {source}: no such file");
                }
            }
            Some("COPY") => {
                let stage = words[1].trim_start_matches("--from=");
                assert!(
                    stages.iter().any(|s| s == stage),
                    "{line}: no stage {stage}"
                );
            }
            _ => {}
        }
    }
    assert_eq!(froms, 2, "a build stage and the bastion");
    assert!(dockerfile.contains("ENTRYPOINT [\"/usr/local/bin/bastion-start\"]"));
}

/// The bastion's `bastion-start` running in a chroot of the cached Debian rootfs, with the
/// example's files and the Secrets' entries mounted where the Deployment mounts them, and
/// sshd on `port` of 127.0.0.1. Dropping it ends everything in its namespaces.
struct Bastion {
    child: Child,
    port: u16,
    host_key: String,
    _dir: tempfile::TempDir,
}

impl Drop for Bastion {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs with the rootfs as `$1`, a scratch directory as `$2`, the Secrets' and the example's
/// files in `$3`, the devctl binary as `$4`, and sshd's arguments after them. Constant: every
/// path arrives as an argument.
const CHROOT_SCRIPT: &str = r#"set -eu
mount -t tmpfs layers "$2"
mkdir "$2/upper" "$2/work" "$2/root"
mount -t overlay rootfs -o "lowerdir=$1,upperdir=$2/upper,workdir=$2/work" "$2/root"
root=$2/root
bind() { mkdir -p "$(dirname "$root$2")"; [ -d "$1" ] && mkdir -p "$root$2" || touch "$root$2"; mount --bind "$1" "$root$2"; }
bind "$3/sshd_config" /etc/ssh/sshd_config
bind "$3/devctl.sh" /etc/profile.d/devctl.sh
bind "$3/motd" /etc/motd
bind "$3/bastion-start" /usr/local/bin/bastion-start
bind "$3/host-keys" /etc/ssh/host-keys
bind "$3/authorized-keys" /etc/devctl/authorized-keys
bind "$3/kubeconfigs" /etc/devctl/kubeconfigs
bind "$4" /usr/local/bin/devctl
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
shift 4
exec chroot "$root" /usr/local/bin/bastion-start "$@"
"#;

impl Bastion {
    /// `users`: each with their public key and, if they have one, their kubeconfig.
    fn start(users: &[(&str, &str, Option<&str>)]) -> Bastion {
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join("files");
        for sub in ["host-keys", "authorized-keys", "kubeconfigs"] {
            std::fs::create_dir_all(files.join(sub)).unwrap();
        }
        for file in ["sshd_config", "devctl.sh", "motd", "bastion-start"] {
            std::fs::copy(bastion().join(file), files.join(file)).unwrap();
        }
        let (_, key, public) = devctl::ssh::keys::generate("bastion").unwrap();
        devctl::ssh::keys::write_private(
            &files.join("host-keys/ssh_host_ed25519_key"),
            key.as_bytes(),
        )
        .unwrap();
        for (user, public_key, kubeconfig) in users {
            std::fs::write(files.join("authorized-keys").join(user), public_key).unwrap();
            if let Some(kubeconfig) = kubeconfig {
                std::fs::write(files.join("kubeconfigs").join(user), kubeconfig).unwrap();
            }
        }
        let layers = dir.path().join("layers");
        std::fs::create_dir_all(&layers).unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = Command::new("setpriv")
            .args([
                "--pdeathsig",
                "KILL",
                "unshare",
                "--mount",
                "--pid",
                "--fork",
            ])
            .args(["--kill-child", "sh", "-c", CHROOT_SCRIPT, "bastion"])
            .arg(sshd::lower())
            .arg(&layers)
            .arg(&files)
            .arg(env!("CARGO_BIN_EXE_devctl"))
            .args(["-p", &port.to_string(), "-o", "ListenAddress=127.0.0.1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // sshd -e says on stderr when it listens; bastion-start on stdout whom it let in.
        let mut said = String::new();
        let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
        loop {
            let mut line = String::new();
            if err.read_line(&mut line).unwrap() == 0 {
                let _ = child.wait();
                panic!("the bastion ended before sshd listened:\n{said}");
            }
            said.push_str(&line);
            if line.contains("Server listening on 127.0.0.1") {
                break;
            }
        }
        // Keep draining sshd's log, or it blocks once the pipe is full.
        std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            std::io::copy(&mut std::io::BufReader::new(out), &mut std::io::sink())
        });
        Bastion {
            child,
            port,
            host_key: public,
            _dir: dir,
        }
    }

    /// OpenSSH's `ssh USER@bastion COMMAND` with the key in `home`, the bastion's host key
    /// pinned.
    fn ssh(&self, home: &Path, user: &str, command: &str) -> Output {
        let known_hosts = home.join("bastion_known_hosts");
        std::fs::write(
            &known_hosts,
            format!("[127.0.0.1]:{} {}\n", self.port, self.host_key),
        )
        .unwrap();
        Command::new("ssh")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home)
            .args(["-p", &self.port.to_string()])
            .arg("-o")
            .arg(format!("UserKnownHostsFile={}", known_hosts.display()))
            .args(["-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes"])
            .args(["-o", "LogLevel=ERROR", "-F", "/dev/null"])
            .arg("-i")
            .arg(home.join(".ssh/id_ed25519"))
            .arg(format!("{user}@127.0.0.1"))
            .arg(command)
            .output()
            .unwrap()
    }
}

/// What a login shell on the bastion shows: the profile's variables, then devctl's output.
const LOGIN: &str = r#"bash -l -c 'echo "KUBECONFIG=${KUBECONFIG-unset}"; echo "TRANSPORT=${DEVCTL_SSH_TRANSPORT-unset}"; devctl status -o json'"#;

#[test]
fn a_user_logs_in_to_the_bastion_and_devctl_works_there_as_their_service_account() {
    let Some(ns) = Ns::new("bastion") else {
        return;
    };
    if rootfs::skip() {
        return;
    }
    let alice = tempfile::tempdir().unwrap();
    let bob = tempfile::tempdir().unwrap();
    sshd::user_key_in(alice.path());
    sshd::user_key_in(bob.path());
    let public = |home: &Path| std::fs::read_to_string(home.join(".ssh/id_ed25519.pub")).unwrap();
    let token = in_cluster::devserver_user_token(ns.cluster, &ns.name, "alice");
    let kubeconfig = in_cluster::kubeconfig_text(ns.cluster, &ns.name, &token);
    let bastion = Bastion::start(&[
        ("alice", &public(alice.path()), Some(&kubeconfig)),
        ("bob", &public(bob.path()), None),
    ]);

    let out = bastion.ssh(alice.path(), "alice", LOGIN);
    let printed = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{printed}{}", text(&out.stderr));
    let mut lines = printed.splitn(3, '\n');
    assert_eq!(
        lines.next(),
        Some("KUBECONFIG=/run/devctl/users/alice/kubeconfig")
    );
    assert_eq!(lines.next(), Some("TRANSPORT=direct"));
    let status: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(
        status["user"]["username"],
        format!("system:serviceaccount:{}:alice", ns.name)
    );
    assert_eq!(
        status["namespace"],
        ns.name.as_str(),
        "the kubeconfig's namespace"
    );
    assert_eq!(status["ready"], true, "{status}");

    // Only alice may read alice's kubeconfig.
    let out = bastion.ssh(bob.path(), "bob", "cat /run/devctl/users/alice/kubeconfig");
    assert_ne!(out.status.code(), Some(0), "{}", text(&out.stdout));

    // bob has no kubeconfig: the login says what to ask for, and devctl says it has none.
    let out = bastion.ssh(bob.path(), "bob", LOGIN);
    assert!(
        text(&out.stdout).starts_with("KUBECONFIG=unset\nTRANSPORT=direct\n"),
        "{}",
        text(&out.stdout)
    );
    let said = text(&out.stderr);
    assert!(
        said.contains("devctl: there is no kubeconfig for bob on this bastion"),
        "{said}"
    );
    assert!(
        said.contains("devctl admin user add bob --kubeconfig-out"),
        "{said}"
    );
    assert!(said.contains("error: no kubeconfig found"), "{said}");

    // Nobody logs in as root, nor as a user the Secret does not name.
    for user in ["root", "carol"] {
        let out = bastion.ssh(alice.path(), user, "true");
        assert_eq!(
            out.status.code(),
            Some(255),
            "{user}: {}",
            text(&out.stderr)
        );
    }
}
