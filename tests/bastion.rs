//! `examples/bastion`: its manifests pass the Kubernetes schemas (`kubernetes-validate
//! --strict`, as `create --dry-run`'s do in tests/schema.rs), also as `kubectl apply -k` would
//! apply them; the login profile is POSIX sh that gives each user their kubeconfig or says
//! clearly what is missing; the entrypoint is POSIX sh; the Dockerfile names base images by
//! short names and copies only what exists.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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
