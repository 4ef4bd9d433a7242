//! The startup script for real: the ConfigMap and Secret that `devctl create` makes are laid
//! out as `/devctl` in a Debian rootfs made by debootstrap, the script runs there (chroot in a
//! private mount and PID namespace), and the OpenSSH client logs in as `dev` with the key
//! devctl authorized, checking the host key against the one devctl generated.
//!
//! Needs root, debootstrap, unshare, chroot and ssh; skips with the reason otherwise (fails
//! instead when TESTCLUSTER_REQUIRED is set, as in CI). The rootfs is built once into the
//! cache directory (`DEVCTL_TESTCLUSTER_CACHE`, else `~/.cache/devctl-testcluster`).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::rootfs::{rootfs_tarball, skip};
use common::{Env, stderr};

/// Unpacks `tarball` into a fresh `root` under the test's home.
fn unpack(env: &Env, tarball: &Path) -> PathBuf {
    let root = env.home().join("root");
    std::fs::create_dir_all(&root).unwrap();
    assert!(
        Command::new("tar")
            .arg("-C")
            .arg(&root)
            .arg("-xf")
            .arg(tarball)
            .status()
            .unwrap()
            .success()
    );
    root
}

/// A devserver's /devctl as its pod sees it, from `devctl create --dry-run`.
struct Layout {
    user_key: PathBuf,
    host_public: String,
    /// Every value of the Secret, as laid out under /devctl/ssh.
    secret: serde_json::Value,
    port: u16,
}

fn lay_out(env: &Env, root: &Path) -> Layout {
    lay_out_with(env, root, &[])
}

/// [`lay_out`] of a devserver made with the create flags `more` as well.
fn lay_out_with(env: &Env, root: &Path, more: &[&str]) -> Layout {
    let user_key = env.home().join("user_key");
    let (_, private, public) = devctl::ssh::keys::generate("user").unwrap();
    devctl::ssh::keys::write_private(&user_key, private.as_bytes()).unwrap();
    std::fs::write(env.home().join("user_key.pub"), format!("{public}\n")).unwrap();
    let out = env
        .devctl()
        .args([
            "create",
            "rootfs",
            "--dry-run",
            // The host key pair is what the pod would get: this test needs the private key.
            "--show-secrets",
            "--offline",
            "--flavor",
            "cpu-small",
            "-o",
            "json",
            "--ssh-key",
        ])
        .arg(env.home().join("user_key.pub"))
        .args(more)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = |kind: &str| {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["kind"] == kind)
            .unwrap()
            .clone()
    };
    let (config, secret) = (item("ConfigMap"), item("Secret"));
    // The host's own sshd may hold port 22: the test's sshd listens on a free port instead.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let devctl_dir = root.join("devctl");
    std::fs::create_dir_all(devctl_dir.join("ssh")).unwrap();
    for (key, value) in config["data"].as_object().unwrap() {
        let text = value
            .as_str()
            .unwrap()
            .replace("Port 22\n", &format!("Port {port}\n"));
        std::fs::write(devctl_dir.join(key), text).unwrap();
    }
    for (key, value) in secret["stringData"].as_object().unwrap() {
        std::fs::write(devctl_dir.join("ssh").join(key), value.as_str().unwrap()).unwrap();
    }
    // The modes of the projected volume: 0555 for /devctl, 0400 for the keys.
    Command::new("chmod")
        .args(["-R", "0555"])
        .arg(&devctl_dir)
        .status()
        .unwrap();
    Command::new("sh")
        .arg("-c")
        .arg(format!("chmod 0400 {}/ssh/*", devctl_dir.display()))
        .status()
        .unwrap();
    Layout {
        user_key,
        host_public: secret["stringData"]["ssh_host_ed25519_key.pub"]
            .as_str()
            .unwrap()
            .trim()
            .to_string(),
        secret: secret["stringData"].clone(),
        port,
    }
}

/// `unshare` that runs the startup script chrooted into `root`, in mount and PID namespaces of
/// its own (and those `more` names, such as `--net`); killing it ends everything in them.
fn unshare_script(root: &Path, more: &[&str]) -> Command {
    let script = format!(
        "mount -t proc proc {r}/proc && mount --rbind /dev {r}/dev && exec chroot {r} /bin/sh /devctl/startup.sh",
        r = root.display()
    );
    let mut unshare = Command::new("unshare");
    unshare.args(["--mount", "--pid"]).args(more).args([
        "--fork",
        "--kill-child",
        "sh",
        "-c",
        &script,
    ]);
    unshare
}

/// The running script's `unshare`; dropping it, a failed assertion's unwinding included, ends
/// everything in its namespaces (SIGKILL, the one signal `unshare` does not block).
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs the startup script in the rootfs, its stdout and stderr into `log` and `log`.err.
fn start(root: &Path, log: &Path) -> Running {
    start_with(root, log, &[])
}

/// [`start`] with the environment variables `env` set as the pod would set them.
fn start_with(root: &Path, log: &Path, env: &[(&str, &str)]) -> Running {
    let child = unshare_script(root, &[])
        .envs(env.iter().copied())
        .stdout(std::fs::File::create(log).unwrap())
        .stderr(std::fs::File::create(log.with_extension("err")).unwrap())
        .spawn()
        .unwrap();
    Running(child)
}

fn wait_for_port(port: u16, script: &mut Running, log: &Path) {
    let deadline = Instant::now() + Duration::from_secs(300);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = script.0.try_wait() {
            panic!(
                "the startup script ended ({status}): {}",
                std::fs::read_to_string(log.with_extension("err")).unwrap_or_default()
            );
        }
        assert!(Instant::now() < deadline, "sshd never listened");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn ssh(layout: &Layout, known_hosts: &Path, command: &[&str]) -> std::process::Output {
    Command::new("ssh")
        .arg("-i")
        .arg(&layout.user_key)
        .args(["-p", &layout.port.to_string()])
        .arg("-o")
        .arg(format!("UserKnownHostsFile={}", known_hosts.display()))
        .args([
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
        ])
        .arg("dev@127.0.0.1")
        .args(command)
        .stdin(Stdio::piped())
        .output()
        .unwrap()
}

/// Ends the script's PID namespace and waits until its sshd no longer listens: the kernel
/// kills the namespace's processes after `unshare` is reaped, and a next run's
/// `wait_for_port` must not mistake the dying sshd for its own.
fn stop(script: Running, port: u16) {
    drop(script);
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_ok() {
        assert!(Instant::now() < deadline, "sshd outlived its namespace");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn dev_logs_in_with_root_through_sudo_on_a_pinned_host_key_and_twice_is_fine() {
    if skip() {
        return;
    }
    let tarball = rootfs_tarball(Some("openssh-server,sudo"));
    let env = Env::new();
    let root = unpack(&env, &tarball);
    // ubuntu:24.04 ships a user with UID 1000; dev must take it over.
    let taken = Command::new("chroot")
        .arg(&root)
        .args([
            "sh",
            "-c",
            "groupadd -g 1000 ubuntu && useradd -m -u 1000 -g 1000 ubuntu",
        ])
        .status()
        .unwrap();
    assert!(taken.success());
    let layout = lay_out(&env, &root);
    let known = env.home().join("known_hosts");
    std::fs::write(
        &known,
        format!("[127.0.0.1]:{} {}\n", layout.port, layout.host_public),
    )
    .unwrap();
    let log = env.home().join("startup.log");

    for run in ["first", "second"] {
        let mut child = start(&root, &log);
        wait_for_port(layout.port, &mut child, &log);
        let out = ssh(
            &layout,
            &known,
            &["id -u; id -un; sudo -n true && echo ROOT_OK"],
        );
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(
            out.status.success(),
            "{run} run: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            ["1000", "dev", "ROOT_OK"],
            "{run} run"
        );
        stop(child, layout.port);
        // One line a step, so that `kubectl logs` tells what the script did.
        let said = std::fs::read_to_string(log.with_extension("err")).unwrap();
        assert_eq!(
            steps(&said),
            [
                "devctl: user dev is 1000:1000 with home /home/dev",
                "devctl: dev gets root through sudo",
                "devctl: sshd is /usr/sbin/sshd",
                "devctl: starting sshd",
            ],
            "{run} run:\n{said}"
        );
        assert!(said.contains("Server listening on"), "{run} run:\n{said}");
    }

    // A login shell shows the motd.
    let mut child = start(&root, &log);
    wait_for_port(layout.port, &mut child, &log);
    let mut login = Command::new("ssh")
        .arg("-tt")
        .arg("-i")
        .arg(&layout.user_key)
        .args(["-p", &layout.port.to_string()])
        .arg("-o")
        .arg(format!("UserKnownHostsFile={}", known.display()))
        .args([
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "BatchMode=yes",
            "dev@127.0.0.1",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    login.stdin.take().unwrap().write_all(b"exit\n").unwrap();
    let shown = String::from_utf8_lossy(&login.wait_with_output().unwrap().stdout).to_string();
    assert!(
        shown.contains("This is a devctl devserver"),
        "no motd in {shown:?}"
    );

    // Pinning is real: another host key is refused.
    let (_, _, other) = devctl::ssh::keys::generate("impostor").unwrap();
    let wrong = env.home().join("wrong_known_hosts");
    std::fs::write(&wrong, format!("[127.0.0.1]:{} {other}\n", layout.port)).unwrap();
    let refused = ssh(&layout, &wrong, &["true"]);
    assert_eq!(
        refused.status.code(),
        Some(255),
        "a different host key must be refused"
    );
    stop(child, layout.port);
}

#[test]
fn without_sshd_or_sudo_the_script_installs_sshd_and_doas() {
    if skip() {
        return;
    }
    let tarball = rootfs_tarball(None);
    let env = Env::new();
    let root = unpack(&env, &tarball);
    // apt-get inside needs to resolve the mirror as this machine does.
    std::fs::copy("/etc/resolv.conf", root.join("etc/resolv.conf")).unwrap();
    let layout = lay_out(&env, &root);
    let known = env.home().join("known_hosts");
    std::fs::write(
        &known,
        format!("[127.0.0.1]:{} {}\n", layout.port, layout.host_public),
    )
    .unwrap();
    let log = env.home().join("startup.log");
    let mut child = start(&root, &log);
    wait_for_port(layout.port, &mut child, &log);
    let out = ssh(&layout, &known, &["id -u; doas true && echo ROOT_OK"]);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(text.lines().collect::<Vec<_>>(), ["1000", "ROOT_OK"]);
    stop(child, layout.port);
    let said = std::fs::read_to_string(log.with_extension("err")).unwrap();
    assert_eq!(
        steps(&said),
        [
            "devctl: user dev is 1000:1000 with home /home/dev",
            "devctl: dev gets root through doas",
            "devctl: installing the OpenSSH server",
            "devctl: sshd is /usr/sbin/sshd",
            "devctl: starting sshd",
        ],
        "{said}"
    );
}

#[test]
fn the_second_pod_of_a_two_node_devserver_serves_its_own_pinned_host_key() {
    if skip() {
        return;
    }
    let tarball = rootfs_tarball(Some("openssh-server,sudo"));
    let env = Env::new();
    let root = unpack(&env, &tarball);
    let layout = lay_out_with(&env, &root, &["--nodes", "2"]);
    let own = layout.secret["ssh_host_ed25519_key-1.pub"]
        .as_str()
        .unwrap()
        .trim()
        .to_string();
    assert_ne!(own, layout.host_public, "each pod has its own host key");
    let (known, pod_0) = (
        env.home().join("known_hosts"),
        env.home().join("pod_0_known_hosts"),
    );
    std::fs::write(&known, format!("[127.0.0.1]:{} {own}\n", layout.port)).unwrap();
    std::fs::write(
        &pod_0,
        format!("[127.0.0.1]:{} {}\n", layout.port, layout.host_public),
    )
    .unwrap();
    // As the pod has it: every pair for the init container alone, /devctl/ssh with the users'
    // keys only. The init container (the script's host-key mode, run twice as a pod whose
    // sandbox is made again runs it) copies pod 1's pair for the devserver container.
    let (ssh_dir, all_keys, own_key) = (
        root.join("devctl/ssh"),
        root.join("devctl-host-keys"),
        root.join("devctl-host-key"),
    );
    std::fs::create_dir_all(&all_keys).unwrap();
    std::fs::create_dir_all(&own_key).unwrap();
    for entry in std::fs::read_dir(&ssh_dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() != "authorized_keys" {
            std::fs::rename(entry.path(), all_keys.join(entry.file_name())).unwrap();
        }
    }
    for _ in 0..2 {
        let init = Command::new("chroot")
            .arg(&root)
            .args(["/bin/sh", "/devctl/startup.sh", "host-key"])
            .env_clear()
            .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
            .env("DEVCTL_NODE_INDEX", "1")
            .env("DEVCTL_ALL_HOST_KEYS", "/devctl-host-keys")
            .env("DEVCTL_HOST_KEY_DIR", "/devctl-host-key")
            .output()
            .unwrap();
        assert!(init.status.success(), "{}", stderr(&init));
    }
    std::fs::remove_dir_all(&all_keys).unwrap();
    let mut copied: Vec<_> = std::fs::read_dir(&own_key)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    copied.sort();
    assert_eq!(copied, ["ssh_host_ed25519_key", "ssh_host_ed25519_key.pub"]);
    let log = env.home().join("startup.log");
    // What the kubelet sets from pod NAME-1's pod-index label.
    for run in ["first", "second"] {
        let mut child = start_with(
            &root,
            &log,
            &[
                ("DEVCTL_NODE_INDEX", "1"),
                ("DEVCTL_HOST_KEY_DIR", "/devctl-host-key"),
                ("RANK", "1"),
                ("WORLD_SIZE", "2"),
            ],
        );
        wait_for_port(layout.port, &mut child, &log);
        let out = ssh(&layout, &known, &["id -un; echo $RANK $WORLD_SIZE"]);
        assert!(
            out.status.success(),
            "{run} run: {}{}",
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(log.with_extension("err")).unwrap_or_default()
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "dev\n1 2\n",
            "{run} run: the session has the rank variables"
        );
        let refused = ssh(&layout, &pod_0, &["true"]);
        assert_eq!(
            refused.status.code(),
            Some(255),
            "{run} run: pod 0's key is not pod 1's"
        );
        stop(child, layout.port);
    }
}

/// The script's own lines in its stderr (sshd's and the package manager's are left out).
fn steps(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("devctl: "))
        .collect()
}

#[test]
fn an_image_with_its_own_dev_of_another_uid_or_gid_still_gets_dev_as_1000() {
    if skip() {
        return;
    }
    let tarball = rootfs_tarball(Some("openssh-server,sudo"));
    let images = [
        ("dev is 1001", "useradd -m -U -u 1001 dev"),
        (
            "ubuntu is 1000 and dev is 1001",
            "groupadd -g 1000 ubuntu && useradd -m -u 1000 -g 1000 ubuntu && useradd -m -U -u 1001 dev",
        ),
        (
            "dev is 1000 in a group dev that is 1001",
            "groupadd -g 1001 dev && useradd -m -u 1000 -g 1001 dev",
        ),
    ];
    for (image, setup) in images {
        let env = Env::new();
        let root = unpack(&env, &tarball);
        let made = Command::new("chroot")
            .arg(&root)
            .args(["sh", "-c", setup])
            .status()
            .unwrap();
        assert!(made.success(), "{image}");
        let layout = lay_out(&env, &root);
        let known = env.home().join("known_hosts");
        std::fs::write(
            &known,
            format!("[127.0.0.1]:{} {}\n", layout.port, layout.host_public),
        )
        .unwrap();
        let log = env.home().join("startup.log");
        let mut child = start(&root, &log);
        wait_for_port(layout.port, &mut child, &log);
        // Everything in dev's home (the image's files included) belongs to dev.
        let out = ssh(
            &layout,
            &known,
            &[
                "id -u; id -g; id -un; id -gn; sudo -n true && echo ROOT_OK; find ~ ! -user 1000 -print -o ! -group 1000 -print",
            ],
        );
        assert!(
            out.status.success(),
            "{image}: {}{}",
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(log.with_extension("err")).unwrap_or_default()
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .collect::<Vec<_>>(),
            ["1000", "1000", "dev", "dev", "ROOT_OK"],
            "{image}"
        );
        stop(child, layout.port);
    }
}

#[test]
fn without_network_or_sshd_the_script_says_so_and_stays_up_as_pid_1_until_sigterm() {
    if skip() {
        return;
    }
    let tarball = rootfs_tarball(None);
    let env = Env::new();
    let root = unpack(&env, &tarball);
    lay_out(&env, &root);
    // A network namespace of its own has no network: apt-get can fetch nothing (and, told not
    // to retry, finds that out in a second instead of ten).
    std::fs::write(
        root.join("etc/apt/apt.conf.d/99no-retries"),
        "Acquire::Retries \"0\";\n",
    )
    .unwrap();
    let mut child = unshare_script(&root, &["--net"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr_lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut script = Running(child);
    let mut seen = String::new();
    let stayed = "devctl: sshd is not installed and could not be installed; the devserver stays up for devctl exec";
    for line in stderr_lines {
        let line = line.unwrap();
        seen.push_str(&line);
        seen.push('\n');
        if line == stayed {
            break;
        }
    }
    assert!(seen.ends_with(&format!("{stayed}\n")), "{seen}");
    assert!(
        script.0.try_wait().unwrap().is_none(),
        "the script ended:\n{seen}"
    );
    // What `devctl exec` would find: the user dev, made before sshd was looked for.
    let id = Command::new("chroot")
        .arg(&root)
        .args(["id", "-u", "dev"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&id.stdout), "1000\n");

    // The script is PID 1 of its namespace, which gets no signal it does not handle: SIGTERM
    // (the kubelet's stop) ends it only because it handles it, and cleanly.
    let children = format!("/proc/{0}/task/{0}/children", script.0.id());
    let pid_1 = std::fs::read_to_string(children).unwrap();
    let term = Command::new("kill")
        .args(["-TERM", pid_1.trim()])
        .status()
        .unwrap();
    assert!(term.success());
    let (done, ended) = std::sync::mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let _ = done.send(script.0.wait().unwrap().code());
    });
    let code = ended.recv_timeout(Duration::from_secs(60));
    if code.is_err() {
        // Ends the namespace, and so the waiter.
        let _ = Command::new("kill").args(["-KILL", pid_1.trim()]).status();
    }
    waiter.join().unwrap();
    assert_eq!(code, Ok(Some(0)), "SIGTERM did not end it:\n{seen}");
}
