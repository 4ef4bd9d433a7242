//! The startup script's branches for images this machine cannot run (Alpine, Fedora/RHEL,
//! openSUSE): its functions are sourced with stub package managers on an otherwise empty
//! PATH, and the stubs record how they were called.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/devserver/startup.sh");

/// Runs `body` after sourcing the script's functions, with only `stubs` on PATH. Returns
/// (exit code, the stubs' calls, stderr).
fn run(stubs: &[&str], body: &str) -> (i32, Vec<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls");
    for stub in stubs {
        let path = dir.path().join(stub);
        std::fs::write(
            &path,
            format!("#!/bin/sh\necho \"{stub} $*\" >> {}\n", calls.display()),
        )
        .unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let out = Command::new("/bin/sh")
        .env_clear()
        .env("PATH", dir.path())
        .env("DEVCTL_STARTUP_LIB", "1")
        .arg("-c")
        .arg(format!(". {SCRIPT}; {body}"))
        .output()
        .unwrap();
    let recorded = std::fs::read_to_string(&calls).unwrap_or_default();
    (
        out.status.code().unwrap_or(-1),
        recorded.lines().map(str::to_string).collect(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn each_package_manager_installs_the_openssh_server_its_way() {
    let cases: [(&[&str], &[&str]); 6] = [
        (&["apk"], &["apk add --no-cache openssh-server"]),
        (&["dnf", "yum"], &["dnf install -y openssh-server"]),
        (&["microdnf"], &["microdnf install -y openssh-server"]),
        (&["yum"], &["yum install -y openssh-server"]),
        (
            &["zypper"],
            &["zypper --non-interactive install openssh-server"],
        ),
        (
            &["apt-get"],
            &[
                "apt-get update -qq",
                "apt-get install -y -qq --no-install-recommends openssh-server",
            ],
        ),
    ];
    for (stubs, expected) in cases {
        let (code, calls, err) = run(stubs, "pkg_install openssh-server");
        assert_eq!(code, 0, "{stubs:?}: {err}");
        assert_eq!(calls, expected, "{stubs:?}");
    }
}

#[test]
fn without_a_package_manager_nothing_is_installed() {
    let (code, calls, _) = run(&[], "pkg_install openssh-server");
    assert_eq!(code, 1);
    assert!(calls.is_empty());
}

#[test]
fn doas_comes_from_the_distributions_own_package() {
    let (_, calls, _) = run(&["apk"], "apk add --no-cache \"$(doas_package)\"");
    assert_eq!(calls, ["apk add --no-cache doas"]);
    let (_, calls, _) = run(&["dnf"], "dnf install -y \"$(doas_package)\"");
    assert_eq!(calls, ["dnf install -y opendoas"]);
}

#[test]
fn without_sshd_it_says_so_and_stays_alive_for_exec() {
    let (code, calls, err) = run(&["sleep"], "stay_alive 'sshd is not installed'");
    assert_eq!(code, 0);
    assert_eq!(
        calls,
        ["sleep infinity"],
        "it sleeps forever (the stub returns at once)"
    );
    assert!(
        err.contains("devctl: sshd is not installed; the devserver stays up for devctl exec"),
        "{err}"
    );
}

#[test]
fn the_script_is_posix_sh_and_sources_without_running() {
    let check = Command::new("/bin/sh")
        .arg("-n")
        .arg(SCRIPT)
        .status()
        .unwrap();
    assert!(check.success());
    assert!(Path::new(SCRIPT).exists());
    // Sourcing with DEVCTL_STARTUP_LIB=1 defines functions and runs nothing.
    let (code, calls, err) = run(&["apk", "useradd", "sshd"], "true");
    assert_eq!((code, calls.len()), (0, 0), "{err}");
}
