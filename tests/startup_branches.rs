//! The startup script's branches for images this machine cannot run (Alpine, Fedora/RHEL,
//! openSUSE): its functions are sourced with stub package managers on an otherwise empty
//! PATH, and the stubs record how they were called.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};

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

/// `sleep` as busybox builds often have it: whole seconds only, no `infinity`. It says on
/// stderr when it starts sleeping, so a test can wait for that instead of for a time.
const SLEEP_IN_SECONDS_ONLY: &str = r#"case "$1" in ''|*[!0-9]*) echo "sleep: invalid number '$1'" >&2; exit 1;; esac
echo "stub sleep: sleeping $1 seconds" >&2
exec /bin/sleep "$1""#;

/// Writes executable `/bin/sh` scripts (name, body) into `dir`.
fn write_stubs(dir: &Path, stubs: &[(&str, &str)]) {
    for (name, body) in stubs {
        let path = dir.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// Reads stderr lines into `seen` up to one that contains `wanted`; fails if stderr ends
/// first (everything that held it, the script included, has ended).
fn read_up_to(
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    wanted: &str,
    seen: &mut String,
) {
    for line in lines.by_ref() {
        let line = line.unwrap();
        seen.push_str(&line);
        seen.push('\n');
        if line.contains(wanted) {
            return;
        }
    }
    panic!("stderr ended without {wanted:?}:\n{seen}");
}

/// Runs `body` after sourcing the script's functions with only `stubs` (and a `sleep` that
/// knows no `infinity`) on PATH and `$STUBS` naming their directory, and checks that the
/// script says `message` on stderr, then sleeps and is still running, and that SIGTERM (how
/// the kubelet stops a container) then ends it at once and cleanly.
fn assert_says_and_stays_alive(stubs: &[(&str, &str)], body: &str, message: &str) {
    let dir = tempfile::tempdir().unwrap();
    write_stubs(dir.path(), stubs);
    write_stubs(
        dir.path(),
        &[
            ("sleep", SLEEP_IN_SECONDS_ONLY),
            ("mkdir", "exec /bin/mkdir \"$@\""),
            ("chmod", "exec /bin/chmod \"$@\""),
        ],
    );
    let mut child = Command::new("/bin/sh")
        .env_clear()
        .env("PATH", dir.path())
        .env("STUBS", dir.path())
        .env("DEVCTL_STARTUP_LIB", "1")
        .arg("-c")
        .arg(format!(". {SCRIPT}; {body}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut script = KilledOnDrop(child);
    let mut seen = String::new();
    read_up_to(
        &mut lines,
        &format!("devctl: {message}; the devserver stays up for devctl exec"),
        &mut seen,
    );
    read_up_to(&mut lines, "stub sleep: sleeping", &mut seen);
    assert!(
        script.0.try_wait().unwrap().is_none(),
        "the script ended while it should stay up:\n{seen}"
    );
    let term = Command::new("kill")
        .args(["-TERM", &script.0.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    assert_eq!(script.0.wait().unwrap().code(), Some(0), "{seen}");
}

/// A script that a failed assertion must not leave running.
struct KilledOnDrop(Child);

impl Drop for KilledOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The body that runs the script's SSH step on a machine whose own sshd must not be found.
const SERVE_WITHOUT_SSHD: &str =
    "find_sshd() { return 1; }; SSHD_RUN=\"$STUBS/run-sshd\"; serve_ssh";

#[test]
fn without_a_package_manager_it_says_sshd_cannot_be_had_and_stays_up() {
    assert_says_and_stays_alive(
        &[],
        SERVE_WITHOUT_SSHD,
        "sshd is not installed and could not be installed",
    );
}

#[test]
fn when_the_package_manager_fails_it_says_sshd_cannot_be_had_and_stays_up() {
    assert_says_and_stays_alive(
        &[(
            "apt-get",
            "echo 'E: the mirror cannot be reached' >&2; exit 100",
        )],
        SERVE_WITHOUT_SSHD,
        "sshd is not installed and could not be installed",
    );
}

#[test]
fn when_the_package_brings_no_sshd_it_says_so_and_stays_up() {
    assert_says_and_stays_alive(
        &[("apk", "exit 0")],
        SERVE_WITHOUT_SSHD,
        "sshd is not installed and could not be installed",
    );
}

/// An sshd that refuses its configuration (`-t`), and says if it is run anyway.
const SSHD_REFUSING_ITS_CONFIG: &str = r#"if [ "$1" = -t ]; then echo "stub sshd: Bad configuration option" >&2; exit 255; fi
echo "stub sshd: serving $*" >&2
exit 1"#;

#[test]
fn when_sshd_cannot_start_it_says_so_and_stays_up() {
    assert_says_and_stays_alive(
        &[("sshd", SSHD_REFUSING_ITS_CONFIG)],
        "find_sshd() { echo \"$STUBS/sshd\"; }; SSHD_RUN=\"$STUBS/run-sshd\"; serve_ssh",
        "sshd cannot start",
    );
}

#[test]
fn an_sshd_that_accepts_its_config_is_run_in_the_foreground() {
    let dir = tempfile::tempdir().unwrap();
    write_stubs(
        dir.path(),
        &[
            ("sshd", "echo \"stub sshd: $*\" >&2"),
            ("mkdir", "exec /bin/mkdir \"$@\""),
            ("chmod", "exec /bin/chmod \"$@\""),
        ],
    );
    let out = Command::new("/bin/sh")
        .env_clear()
        .env("PATH", dir.path())
        .env("STUBS", dir.path())
        .env("DEVCTL_STARTUP_LIB", "1")
        .arg("-c")
        .arg(format!(
            ". {SCRIPT}; find_sshd() {{ echo \"$STUBS/sshd\"; }}; SSHD_RUN=\"$STUBS/run-sshd\"; serve_ssh; echo not reached >&2"
        ))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.ends_with("devctl: starting sshd\nstub sshd: -D -e -f /devctl/sshd_config\n"),
        "{err}"
    );
    assert!(dir.path().join("run-sshd").is_dir());
}

#[test]
fn shellcheck_finds_nothing_in_the_script() {
    let out = match Command::new("shellcheck")
        .args(["-s", "sh", SCRIPT])
        .output()
    {
        Ok(out) => out,
        Err(e) if std::env::var_os("TESTCLUSTER_REQUIRED").is_some() => {
            panic!("cannot run shellcheck: {e}")
        }
        Err(e) => {
            eprintln!("skipping: cannot run shellcheck: {e}");
            return;
        }
    };
    assert!(
        out.status.success(),
        "shellcheck -s sh {SCRIPT}:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
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

#[test]
fn each_pod_of_a_multi_node_devserver_picks_the_host_key_of_its_index() {
    for (index, name) in [
        (None, "ssh_host_ed25519_key"),
        (Some("0"), "ssh_host_ed25519_key"),
        (Some("1"), "ssh_host_ed25519_key-1"),
        (Some("12"), "ssh_host_ed25519_key-12"),
        (Some("012"), "ssh_host_ed25519_key-12"),
    ] {
        let set = match index {
            Some(i) => format!("DEVCTL_NODE_INDEX={i}; "),
            None => String::new(),
        };
        let out = std::process::Command::new("/bin/sh")
            .env_clear()
            .env("DEVCTL_STARTUP_LIB", "1")
            .arg("-c")
            .arg(format!(". {SCRIPT}; {set}host_key_name"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{index:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            format!("{name}\n"),
            "{index:?}"
        );
    }
}

#[test]
fn an_index_that_is_not_a_number_names_no_key_file() {
    for bad in ["1;reboot", "../x", "-1", "1 2", "x"] {
        let out = std::process::Command::new("/bin/sh")
            .env_clear()
            .env("DEVCTL_STARTUP_LIB", "1")
            .env("DEVCTL_NODE_INDEX", bad)
            .arg("-c")
            .arg(format!(". {SCRIPT}; host_key_name"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{bad:?}");
        assert!(out.stdout.is_empty(), "{bad:?}");
    }
}

/// Runs `serve_ssh` with the stub `sshd` and the pod's environment `env`; returns its stderr.
fn serve_with(sshd: &str, env: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    write_stubs(
        dir.path(),
        &[
            ("sshd", sshd),
            ("mkdir", "exec /bin/mkdir \"$@\""),
            ("chmod", "exec /bin/chmod \"$@\""),
            ("printenv", "exec /usr/bin/printenv \"$@\""),
        ],
    );
    let out = Command::new("/bin/sh")
        .env_clear()
        .env("PATH", dir.path())
        .env("STUBS", dir.path())
        .env("DEVCTL_STARTUP_LIB", "1")
        .envs(env.iter().copied())
        .arg("-c")
        .arg(format!(
            ". {SCRIPT}; find_sshd() {{ echo \"$STUBS/sshd\"; }}; SSHD_RUN=\"$STUBS/run-sshd\"; serve_ssh; echo not reached >&2"
        ))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    err
}

const POD_1: [(&str, &str); 5] = [
    ("DEVCTL_NODE_INDEX", "1"),
    ("MASTER_ADDR", "box-0.box.ns.svc"),
    ("RANK", "1"),
    ("WORLD_SIZE", "2"),
    // Not a plain value: left out rather than handed to sshd.
    ("MASTER_PORT", "29500 PermitRootLogin=yes"),
];

#[test]
fn ssh_sessions_of_a_multi_node_pod_get_its_plain_rank_variables_through_sshd() {
    let err = serve_with("echo \"stub sshd: $*\" >&2", &POD_1);
    assert!(
        err.contains("devctl: SSH sessions get the rank variables\n"),
        "{err}"
    );
    assert!(
        err.ends_with(
            "devctl: starting sshd\nstub sshd: -D -e -f /devctl/sshd_config -o SetEnv=MASTER_ADDR=box-0.box.ns.svc WORLD_SIZE=2 RANK=1\n"
        ),
        "{err}"
    );
}

#[test]
fn an_sshd_without_set_env_serves_the_sessions_without_the_rank_variables() {
    let old = "case \"$*\" in *SetEnv*) exit 1 ;; esac; echo \"stub sshd: $*\" >&2";
    let err = serve_with(old, &POD_1);
    assert!(
        err.contains(
            "devctl: this sshd cannot give SSH sessions the rank variables (devctl exec has them)\n"
        ),
        "{err}"
    );
    assert!(
        err.ends_with("devctl: starting sshd\nstub sshd: -D -e -f /devctl/sshd_config\n"),
        "{err}"
    );
}

#[test]
fn without_the_pod_index_label_the_index_is_the_hostnames_suffix() {
    let dir = tempfile::tempdir().unwrap();
    for (hostname, name, code) in [
        ("box-3", "ssh_host_ed25519_key-3\n", 0),
        ("box-0", "ssh_host_ed25519_key\n", 0),
        ("box", "", 1),
    ] {
        write_stubs(dir.path(), &[("uname", &format!("echo {hostname}"))]);
        let out = Command::new("/bin/sh")
            .env_clear()
            .env("PATH", dir.path())
            .env("DEVCTL_STARTUP_LIB", "1")
            // Set but empty: what the kubelet makes of a label the pod does not have.
            .env("DEVCTL_NODE_INDEX", "")
            .arg("-c")
            .arg(format!(". {SCRIPT}; host_key_name"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{hostname}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), name, "{hostname}");
    }
}

/// Runs `startup.sh host-key` (the init container of a multi-node pod) with every pod's pairs
/// of `pods` in one directory and the index `index`; returns (exit code, stderr, the
/// directory it copies to).
fn copy_host_key(pods: u32, index: &str) -> (i32, String, tempfile::TempDir) {
    let all = tempfile::tempdir().unwrap();
    for pod in 0..pods {
        let name = match pod {
            0 => "ssh_host_ed25519_key".to_string(),
            i => format!("ssh_host_ed25519_key-{i}"),
        };
        std::fs::write(all.path().join(&name), format!("private {pod}\n")).unwrap();
        std::fs::write(
            all.path().join(format!("{name}.pub")),
            format!("public {pod}\n"),
        )
        .unwrap();
    }
    let own = tempfile::tempdir().unwrap();
    let out = Command::new("/bin/sh")
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("DEVCTL_NODE_INDEX", index)
        .env("DEVCTL_ALL_HOST_KEYS", all.path())
        .env("DEVCTL_HOST_KEY_DIR", own.path())
        .arg(SCRIPT)
        .arg("host-key")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        own,
    )
}

fn files_in(dir: &Path) -> Vec<(String, String, u32)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let mode = e.metadata().unwrap().permissions().mode() & 0o777;
            let text = std::fs::read_to_string(e.path()).unwrap();
            (e.file_name().to_string_lossy().into_owned(), text, mode)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_init_container_copies_its_own_pods_host_key_pair_alone() {
    for (index, pod) in [("1", "1"), ("0", "0"), ("02", "2")] {
        let (code, err, own) = copy_host_key(3, index);
        assert_eq!(code, 0, "{index}: {err}");
        assert_eq!(
            files_in(own.path()),
            [
                (
                    "ssh_host_ed25519_key".into(),
                    format!("private {pod}\n"),
                    0o400
                ),
                (
                    "ssh_host_ed25519_key.pub".into(),
                    format!("public {pod}\n"),
                    0o444
                ),
            ],
            "{index}"
        );
    }
}

#[test]
fn the_init_container_fails_on_a_bad_index_or_a_missing_pair_and_copies_nothing() {
    for bad in ["1;reboot", "../x", "-1", "x"] {
        let (code, err, own) = copy_host_key(2, bad);
        assert_eq!(code, 1, "{bad:?}: {err}");
        assert!(
            err.contains("DEVCTL_NODE_INDEX is not a pod index"),
            "{err}"
        );
        assert!(files_in(own.path()).is_empty(), "{bad:?}");
    }
    let (code, err, own) = copy_host_key(2, "5");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("this pod's host key ssh_host_ed25519_key-5 is not in"),
        "{err}"
    );
    assert!(files_in(own.path()).is_empty());
}
