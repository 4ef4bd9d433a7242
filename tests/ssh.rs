//! `ssh`, `proxy` and `exec` end to end: the real devctl binary, the test cluster's API server
//! and port-forward, and the devserver's real OpenSSH server running its startup script in a
//! Debian rootfs (tests/common/sshd.rs).
//!
//! Needs root and debootstrap for sshd (skips otherwise, fails under TESTCLUSTER_REQUIRED).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::ns::Ns;
use common::sshd::{self, Sshd};
use common::{stderr, stdout};

/// A running devserver `name` in a fresh namespace, authorizing the test's key, with its sshd.
fn devserver(prefix: &str, name: &str) -> Option<(Ns, Sshd)> {
    let ns = Ns::new(prefix)?;
    sshd::user_key(&ns);
    ns.ok(&["create", name, "--wait", "--flavor", "cpu-small"]);
    let sshd = Sshd::start(&ns, name)?;
    Some((ns, sshd))
}

/// `devctl ssh box -- 'echo up; read line'`, once it said `up`: a session that waits on its
/// input, which the returned stdin holds open.
fn waiting_session(ns: &Ns) -> (std::process::Child, Option<std::process::ChildStdin>) {
    let mut child = ns
        .env
        .process()
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args([
            "-n", &ns.name, "ssh", "box", "--", "echo", "up;", "read", "line",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take();
    let mut first = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert_eq!(first, "up\n");
    (child, stdin)
}

/// `devctl ssh box` in a pseudo-terminal that `driver` (python, given devctl's argv) drives.
fn in_a_terminal(ns: &Ns, driver: &str) -> std::process::Output {
    std::process::Command::new("python3")
        .arg("-c")
        .arg(driver)
        .arg(env!("CARGO_BIN_EXE_devctl"))
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args(["-n", &ns.name, "ssh", "box"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", ns.env.home())
        .env("TERM", "xterm")
        .output()
        .unwrap()
}

fn code(out: &std::process::Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

#[test]
fn ssh_runs_a_command_as_dev_and_returns_its_exit_code() {
    let Some((ns, _sshd)) = devserver("ssh-codes", "box") else {
        return;
    };
    let out = ns.devctl(&["ssh", "box", "--", "id", "-un"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "dev\n");
    let out = ns.devctl(&["ssh", "box", "--", "false"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let out = ns.devctl(&[
        "ssh",
        "box",
        "--",
        "echo",
        "to-stderr",
        ">&2;",
        "exit",
        "42",
    ]);
    assert_eq!(code(&out), 42, "{}", stderr(&out));
    assert_eq!(stderr(&out), "to-stderr\n");
    // Passwordless root, as the startup script promises.
    let out = ns.devctl(&["ssh", "box", "--", "sudo", "-n", "id", "-u"]);
    assert_eq!(stdout(&out), "0\n", "{}", stderr(&out));
}

#[test]
fn ssh_streams_stdin_to_the_command_and_ends_at_its_end() {
    let Some((ns, _sshd)) = devserver("ssh-stdin", "box") else {
        return;
    };
    let mut child = ns
        .env
        .process()
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args(["-n", &ns.name, "ssh", "box", "--", "wc", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let data = vec![7u8; 300_000];
    child.stdin.take().unwrap().write_all(&data).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "300000");
}

#[test]
fn a_host_key_other_than_the_pinned_one_is_refused_with_255() {
    let Some(ns) = Ns::new("ssh-impostor") else {
        return;
    };
    sshd::user_key(&ns);
    ns.ok(&["create", "box", "--wait", "--flavor", "cpu-small"]);
    let (_, private, public) = devctl::ssh::keys::generate("impostor").unwrap();
    let Some(_sshd) = Sshd::start_with(&ns, "box", Some((private.to_string(), public.clone())))
    else {
        return;
    };
    let out = ns.devctl(&["ssh", "box", "--", "true"]);
    assert_eq!(code(&out), 255, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("host key mismatch"), "{err}");
    let offered = russh::keys::PublicKey::from_openssh(&public).unwrap();
    let fingerprint = offered
        .fingerprint(russh::keys::HashAlg::Sha256)
        .to_string();
    assert!(err.contains(&fingerprint), "names the offered key: {err}");
    assert!(err.contains("expected ssh-ed25519 SHA256:"), "{err}");
    assert!(!err.contains("PRIVATE"), "{err}");
}

#[test]
fn a_local_forward_reaches_a_port_on_the_devserver() {
    let Some((ns, sshd)) = devserver("ssh-forward", "box") else {
        return;
    };
    let local = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    // The devserver's own sshd is the service behind the forward.
    let forward = format!("{local}:127.0.0.1:{}", sshd.port);
    let mut child = ns
        .env
        .process()
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args([
            "-n", &ns.name, "ssh", "-L", &forward, "box", "--", "echo", "up;", "read", "line",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    lines.read_line(&mut first).unwrap();
    assert_eq!(first, "up\n", "the session runs");
    let mut banner = [0u8; 8];
    let mut through = std::net::TcpStream::connect(("127.0.0.1", local)).unwrap();
    through
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    through.read_exact(&mut banner).unwrap();
    assert_eq!(&banner, b"SSH-2.0-");
    // The end of the command's input ends the session.
    child.stdin.take().unwrap().write_all(b"done\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn agent_forwarding_shows_the_clients_agent_keys_on_the_devserver() {
    let Some((ns, _sshd)) = devserver("ssh-agent", "box") else {
        return;
    };
    let socket = ns.env.home().join("agent.sock");
    let agent = std::process::Command::new("ssh-agent")
        .arg("-D")
        .arg("-a")
        .arg(&socket)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    struct Kill(std::process::Child);
    impl Drop for Kill {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let _agent = Kill(agent);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !socket.exists() {
        assert!(Instant::now() < deadline, "ssh-agent never listened");
        std::thread::sleep(Duration::from_millis(20));
    }
    let agent_key = ns.env.home().join("agent_key");
    let (_, private, public) = devctl::ssh::keys::generate("in-the-agent").unwrap();
    devctl::ssh::keys::write_private(&agent_key, private.as_bytes()).unwrap();
    let added = std::process::Command::new("ssh-add")
        .arg(&agent_key)
        .env("SSH_AUTH_SOCK", &socket)
        .output()
        .unwrap();
    assert!(added.status.success(), "{}", stderr(&added));
    let run = |flag: Option<&str>| {
        let mut cmd = ns.env.process();
        cmd.arg("--kubeconfig")
            .arg(ns.cluster.kubeconfig())
            .args(["-n", &ns.name, "ssh"])
            .args(flag)
            .args(["box", "--", "ssh-add", "-L"])
            .env("SSH_AUTH_SOCK", &socket);
        cmd.output().unwrap()
    };
    let out = run(Some("-A"));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let key_body = public.split_whitespace().nth(1).unwrap();
    assert!(stdout(&out).contains(key_body), "{}", stdout(&out));
    // Off by default: the devserver sees no agent.
    let out = run(None);
    assert_ne!(code(&out), 0);
    assert!(!stdout(&out).contains(key_body));
}

/// Runs `devctl ssh box` in a pseudo-terminal of 24x80, types `stty size`, resizes the
/// terminal to 40x100, types `stty size` again, then `exit 3` (python's pty module drives it).
#[test]
fn a_terminal_session_gets_the_window_size_and_its_changes() {
    let Some((ns, _sshd)) = devserver("ssh-pty", "box") else {
        return;
    };
    let driver = r#"
import fcntl, os, pty, select, struct, sys, termios, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
def size(rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
size(24, 80)
seen = b""
def until(text, limit=120, give_up=True):
    global seen
    end = time.time() + limit
    while text not in seen:
        left = end - time.time()
        if left <= 0:
            if not give_up:
                return False
            sys.stdout.write(seen.decode(errors="replace")); sys.exit("timed out waiting for " + repr(text))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                chunk = b""
            if not chunk:
                sys.stdout.write(seen.decode(errors="replace")); sys.exit("eof waiting for " + repr(text))
            seen += chunk
    return True
until(b"$ ")
os.write(fd, b"stty size\r")
until(b"24 80")
size(40, 100)
# The resize and the keystrokes typed right after it race, as over any SSH connection: ask
# again until the remote terminal has the new size (each answer is devctl's own output).
for attempt in range(30):
    os.write(fd, b"stty size\r")
    if until(b"40 100", 2, give_up=False):
        break
else:
    sys.exit("the remote terminal never got 40 100: " + seen.decode(errors="replace"))
os.write(fd, b"exit 3\r")
_, status = os.waitpid(pid, 0)
print("exit", os.waitstatus_to_exitcode(status))
"#;
    let out = in_a_terminal(&ns, driver);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).ends_with("exit 3\n"), "{}", stdout(&out));
}

#[test]
fn a_dropped_tunnel_ends_the_session_with_255_and_says_so() {
    let Some((ns, _sshd)) = devserver("ssh-drop", "box") else {
        return;
    };
    let (child, stdin) = waiting_session(&ns);
    // The port-forward's connection to the API server goes away under the session.
    let proxy = ns.cluster.proxy();
    let forwards = ns.port_forwards("box-0");
    assert_eq!(forwards.len(), 1, "{forwards:?}");
    proxy.drop_connection(&forwards[0].conn).unwrap();
    let started = Instant::now();
    let out = child.wait_with_output().unwrap();
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(code(&out), 255, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("lost the connection to devserver box"),
        "{}",
        stderr(&out)
    );
    drop(stdin);
}

#[test]
fn ssh_to_a_stopped_or_missing_devserver_says_what_to_do() {
    let Some(ns) = Ns::new("ssh-stopped") else {
        return;
    };
    ns.ok(&["create", "box", "--flavor", "cpu-small"]);
    ns.ok(&["stop", "box"]);
    let out = ns.devctl(&["ssh", "box", "--", "true"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("devserver box is stopped"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("devctl start box --wait"),
        "{}",
        stderr(&out)
    );
    let out = ns.devctl(&["ssh", "nothere", "--", "true"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("devctl create nothere"),
        "{}",
        stderr(&out)
    );
    let out = ns.devctl(&["exec", "nothere", "--", "true"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
}

#[test]
fn proxy_carries_openssh_ssh_and_scp() {
    let Some((ns, _sshd)) = devserver("ssh-proxy", "box") else {
        return;
    };
    let set: k8s_openapi::api::apps::v1::StatefulSet = ns.get("box").unwrap();
    let pinned = set.metadata.annotations.unwrap()["devserver.io/host-key"].clone();
    let known_hosts = ns.env.home().join("known_hosts");
    std::fs::write(&known_hosts, format!("box.devctl {pinned}\n")).unwrap();
    let proxy_command = format!(
        "{} --kubeconfig {} -n {} proxy box",
        env!("CARGO_BIN_EXE_devctl"),
        ns.cluster.kubeconfig().display(),
        ns.name
    );
    let ssh_options = |tool: &str| {
        let mut cmd = std::process::Command::new(tool);
        cmd.env("HOME", ns.env.home())
            .arg("-o")
            .arg(format!("ProxyCommand={proxy_command}"))
            .arg("-o")
            .arg(format!("UserKnownHostsFile={}", known_hosts.display()))
            .args(["-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes"])
            .args(["-o", "HostKeyAlias=box.devctl", "-o", "LogLevel=ERROR"])
            .arg("-i")
            .arg(ns.env.home().join(".ssh/id_ed25519"));
        cmd
    };
    let out = ssh_options("ssh")
        .args(["dev@box", "echo", "through-proxy"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "through-proxy\n");

    let local = ns.env.home().join("data.bin");
    let data: Vec<u8> = (0..2_000_000u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&local, &data).unwrap();
    let out = ssh_options("scp")
        .arg(&local)
        .arg("dev@box:/tmp/data.bin")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let back = ns.env.home().join("back.bin");
    let out = ssh_options("scp")
        .arg("dev@box:/tmp/data.bin")
        .arg(&back)
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        std::fs::read(&back).unwrap() == data,
        "the file came back byte for byte"
    );
}

#[test]
fn exec_streams_stdin_returns_exit_codes_and_gives_a_terminal() {
    let Some(ns) = Ns::new("exec") else {
        return;
    };
    ns.ok(&["create", "box", "--wait", "--flavor", "cpu-small"]);
    let out = ns.devctl(&["exec", "box", "--", "sh", "-c", "exit 7"]);
    assert_eq!(code(&out), 7, "{}", stderr(&out));
    let out = ns.devctl(&["exec", "box", "--", "sh", "-c", "echo out; echo err >&2"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "out\n");
    assert_eq!(stderr(&out), "err\n");
    // `echo hi | devctl exec box -i -- cat` ends when its input does.
    let mut child = ns
        .env
        .process()
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args(["-n", &ns.name, "exec", "box", "-i", "--", "cat"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"hi\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "hi\n");
    // -t: the command has a terminal.
    let out = ns.devctl(&[
        "exec",
        "box",
        "-t",
        "--",
        "sh",
        "-c",
        "test -t 1 && echo tty",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "tty");
}

#[test]
fn the_nodeport_transport_reaches_sshd_through_the_node_address_and_node_port() {
    let Some(ns) = Ns::new("ssh-nodeport") else {
        return;
    };
    sshd::user_key(&ns);
    // The test cluster's nodes have the address 127.0.0.1: sshd listens on the node port.
    let port = sshd::free_node_port();
    let expose = format!("nodeport:{port}");
    ns.ok(&[
        "create",
        "box",
        "--wait",
        "--flavor",
        "cpu-small",
        "--expose",
        &expose,
    ]);
    let Some(_sshd) = Sshd::start_on(&ns, "box", port) else {
        return;
    };
    let out = ns.devctl(&[
        "ssh",
        "box",
        "--via",
        "nodeport",
        "--",
        "echo",
        "via-nodeport",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "via-nodeport\n");
    // No port-forward was asked for.
    let forwards = ns.port_forwards("box-0").len();
    assert_eq!(forwards, 0);
    // A devserver without a NodePort says how to reach it instead.
    ns.ok(&["create", "plain", "--flavor", "cpu-small", "--wait"]);
    let out = ns.devctl(&["ssh", "plain", "--via", "nodeport", "--", "true"]);
    assert_ne!(code(&out), 0);
    assert!(
        stderr(&out).contains("no NodePort for SSH"),
        "{}",
        stderr(&out)
    );
}

/// Runs `devctl ARGS` with `input` on its stdin, and fails the test if it does not end within
/// two minutes (a session that stops reading its output once the remote stops reading its
/// input would never end).
fn run_with_input(ns: &Ns, args: &[&str], input: Vec<u8>) -> std::process::Output {
    let mut child = ns
        .env
        .process()
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args(["-n", &ns.name])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The remote may stop reading: the writer is on its own and may fail with a broken pipe.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let pid = child.id();
    let (done, finished) = std::sync::mpsc::channel();
    let watchdog = std::thread::spawn(move || {
        if finished.recv_timeout(Duration::from_secs(120)).is_err() {
            let _ = std::process::Command::new("kill")
                .arg("-9")
                .arg(pid.to_string())
                .status();
            return true;
        }
        false
    });
    let out = child.wait_with_output().unwrap();
    let _ = done.send(());
    assert!(
        !watchdog.join().unwrap(),
        "devctl {args:?} hung: {}",
        stderr(&out)
    );
    let _ = writer.join();
    out
}

#[test]
fn a_large_input_and_a_remote_that_stops_reading_it_both_end() {
    let Some((ns, _sshd)) = devserver("ssh-window", "box") else {
        return;
    };
    // 8 MiB echoed back: input and output flow at once, past the SSH window (2 MiB) both ways.
    let out = run_with_input(&ns, &["ssh", "box", "--", "cat"], vec![0u8; 8 << 20]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(out.stdout.len(), 8 << 20);
    // `yes | devctl ssh box -- head -1`: the remote reads one line and exits.
    let out = run_with_input(
        &ns,
        &["ssh", "box", "--", "head", "-1"],
        b"y\n".repeat(4 << 20),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "y\n");
}

/// SIGTERM to `devctl ssh` in raw mode: it exits 143 and the terminal is cooked again.
#[test]
fn a_signal_during_a_terminal_session_puts_the_terminal_back() {
    let Some((ns, _sshd)) = devserver("ssh-sigterm", "box") else {
        return;
    };
    let driver = r#"
import os, pty, select, signal, sys, termios, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
seen = b""
end = time.time() + 120
while b"$ " not in seen:
    left = end - time.time()
    if left <= 0:
        sys.exit("no prompt: " + seen.decode(errors="replace"))
    r, _, _ = select.select([fd], [], [], left)
    if r:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            chunk = b""
        if not chunk:
            sys.exit("eof before the prompt: " + seen.decode(errors="replace"))
        seen += chunk
lflag = termios.tcgetattr(fd)[3]
if lflag & termios.ICANON:
    sys.exit("the session did not put the terminal in raw mode")
os.kill(pid, signal.SIGTERM)
_, status = os.waitpid(pid, 0)
lflag = termios.tcgetattr(fd)[3]
print("exit", os.waitstatus_to_exitcode(status), "icanon", bool(lflag & termios.ICANON), "echo", bool(lflag & termios.ECHO))
"#;
    let out = in_a_terminal(&ns, driver);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(stdout(&out).trim(), "exit 143 icanon True echo True");
}

/// What `devctl ssh-config --write` installs, used by the real OpenSSH tools: `ssh`, `scp` and
/// `rsync` reach the devserver through `devctl proxy`, checking the pinned host key.
#[test]
fn ssh_scp_and_rsync_work_through_the_config_that_ssh_config_writes() {
    let Some((ns, _sshd)) = devserver("ssh-config-tools", "box") else {
        return;
    };
    ns.ok(&["ssh-config", "--write"]);
    let home = ns.env.home();
    let config = home.join(".ssh/config");
    let tool = |name: &str| {
        let mut cmd = std::process::Command::new(name);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home);
        cmd
    };
    let ssh_f = format!("ssh -F {}", config.display());
    let out = tool("ssh")
        .arg("-F")
        .arg(&config)
        .args(["-o", "BatchMode=yes", "box.devctl", "id", "-un"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "dev\n");

    let local = home.join("tree");
    std::fs::create_dir_all(local.join("sub")).unwrap();
    let data: Vec<u8> = (0..3_000_000u32).map(|i| (i * 13 % 251) as u8).collect();
    std::fs::write(local.join("sub/data.bin"), &data).unwrap();
    std::fs::write(local.join("notes.txt"), "hello\n").unwrap();
    let out = tool("scp")
        .arg("-F")
        .arg(&config)
        .args(["-o", "BatchMode=yes"])
        .arg(local.join("notes.txt"))
        .arg("box.devctl:/tmp/notes.txt")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = tool("rsync")
        .args(["-a", "-e", &ssh_f])
        .arg(format!("{}/", local.display()))
        .arg("box.devctl:/tmp/tree/")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let back = home.join("back");
    let out = tool("rsync")
        .args(["-a", "-e", &ssh_f, "box.devctl:/tmp/tree/"])
        .arg(format!("{}/", back.display()))
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(std::fs::read(back.join("sub/data.bin")).unwrap() == data);
    assert_eq!(
        std::fs::read_to_string(back.join("notes.txt")).unwrap(),
        "hello\n"
    );
}

/// A TCP relay to `target` that can freeze: it then neither delivers nor closes anything, as a
/// tunnel that died without a word.
struct Relay {
    port: u16,
    frozen: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Relay {
    fn start(target: u16) -> Relay {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let frozen = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = frozen.clone();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let server = std::net::TcpStream::connect(("127.0.0.1", target)).unwrap();
                for (mut from, mut to) in [
                    (client.try_clone().unwrap(), server.try_clone().unwrap()),
                    (server, client),
                ] {
                    let flag = flag.clone();
                    std::thread::spawn(move || {
                        let mut buf = [0u8; 16 * 1024];
                        while let Ok(n) = from.read(&mut buf) {
                            if n == 0 {
                                break;
                            }
                            // Frozen: hold the bytes, forever, and close nothing.
                            while flag.load(std::sync::atomic::Ordering::SeqCst) {
                                std::thread::park_timeout(Duration::from_millis(100));
                            }
                            if to.write_all(&buf[..n]).is_err() {
                                break;
                            }
                        }
                    });
                }
            }
        });
        Relay { port, frozen }
    }
}

#[test]
fn a_tunnel_that_goes_silent_is_noticed_by_keepalives_within_30_seconds() {
    let Some((ns, sshd)) = devserver("ssh-silent", "box") else {
        return;
    };
    let relay = Relay::start(sshd.port);
    ns.cluster
        .agent()
        .forward(&ns.name, "box-0", 22, &format!("127.0.0.1:{}", relay.port))
        .unwrap();
    let (child, stdin) = waiting_session(&ns);
    relay
        .frozen
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let started = Instant::now();
    let out = child.wait_with_output().unwrap();
    let took = started.elapsed();
    drop(stdin);
    assert_eq!(code(&out), 255, "{}", stderr(&out));
    assert!(took < Duration::from_secs(30), "noticed after {took:?}");
    assert!(stderr(&out).contains("no answer for"), "{}", stderr(&out));
}

#[test]
fn proxy_to_a_port_nothing_listens_on_says_why_with_255() {
    let Some(ns) = Ns::new("proxy-refused") else {
        return;
    };
    ns.ok(&["create", "box", "--wait", "--flavor", "cpu-small"]);
    // The pod's port 22 leads to a port nothing listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    ns.cluster
        .agent()
        .forward(&ns.name, "box-0", 22, &format!("127.0.0.1:{closed}"))
        .unwrap();
    let mut child = ns
        .env
        .process()
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args(["-n", &ns.name, "proxy", "box"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Input stays open: the end comes from the devserver's side.
    let stdin = child.stdin.take();
    let out = child.wait_with_output().unwrap();
    drop(stdin);
    assert_eq!(code(&out), 255, "{}", stderr(&out));
    assert!(stderr(&out).contains("broke"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

/// `echo $SSH_CONNECTION` through `devctl ssh box --via VIA`: the address and port the sshd
/// was reached at (its last two words).
fn reached_at(ns: &Ns, via: &str) -> String {
    let out = ns.devctl(&["ssh", "box", "--via", via, "--", "echo", "$SSH_CONNECTION"]);
    assert_eq!(code(&out), 0, "--via {via}: {}", stderr(&out));
    let words: Vec<String> = stdout(&out).split_whitespace().map(String::from).collect();
    assert_eq!(words.len(), 4, "{}", stdout(&out));
    words[2..].join(":")
}

#[test]
fn the_direct_transport_reaches_sshd_at_the_pods_address_as_nodeport_does_at_the_services() {
    let Some(ns) = Ns::new("ssh-direct") else {
        return;
    };
    // sshd must listen on the pod's port 22.
    if common::rootfs::skip() {
        return;
    }
    sshd::user_key(&ns);
    // A node of this test whose pods get loopback addresses (kwok hands them out from the
    // node's pod CIDR), and a resource only it has, so the devserver's pod lands there.
    let (node, cidr) = sshd::loopback_node(&ns, "direct");
    let resource = sshd::LOOPBACK_RESOURCE;
    let node_port = sshd::free_node_port();
    ns.ok(&[
        "create",
        "box",
        "--wait",
        "--flavor",
        "cpu-small",
        "--gpu",
        &format!("{resource}=1"),
        "--expose",
        &format!("nodeport:{node_port}"),
    ]);
    let pod: k8s_openapi::api::core::v1::Pod = ns.get("box-0").unwrap();
    assert_eq!(
        pod.spec.as_ref().unwrap().node_name.as_deref(),
        Some(node.as_str())
    );
    let pod_ip: std::net::IpAddr = pod
        .status
        .as_ref()
        .and_then(|s| s.pod_ip.as_deref())
        .expect("kwok gave the pod an address")
        .parse()
        .unwrap();
    let network = cidr.trim_end_matches("0/24");
    assert!(
        pod_ip.to_string().starts_with(network),
        "{pod_ip} in {cidr}"
    );
    // One sshd at the pod's SSH port (where port-forwards go too, as a kubelet's) and at the
    // node port on the node's address, 127.0.0.1.
    let at_pod = std::net::SocketAddr::from((pod_ip, 22));
    let at_node = std::net::SocketAddr::from(([127, 0, 0, 1], node_port));
    let Some(_sshd) = Sshd::start_listening(&ns, "box", &[at_pod, at_node]) else {
        return;
    };

    assert_eq!(reached_at(&ns, "direct"), format!("{pod_ip}:22"));
    assert_eq!(
        reached_at(&ns, "nodeport"),
        format!("127.0.0.1:{node_port}")
    );
    assert!(
        ns.port_forwards("box-0").is_empty(),
        "no port-forward asked"
    );
    assert_eq!(reached_at(&ns, "port-forward"), format!("{pod_ip}:22"));
    assert_eq!(ns.port_forwards("box-0").len(), 1);

    // proxy --via direct carries OpenSSH's ssh to the pod's address.
    let set: k8s_openapi::api::apps::v1::StatefulSet = ns.get("box").unwrap();
    let pinned = set.metadata.annotations.unwrap()["devserver.io/host-key"].clone();
    let known_hosts = ns.env.home().join("known_hosts");
    std::fs::write(&known_hosts, format!("box.devctl {pinned}\n")).unwrap();
    let proxy_command = format!(
        "{} --kubeconfig {} -n {} proxy box --via direct",
        env!("CARGO_BIN_EXE_devctl"),
        ns.cluster.kubeconfig().display(),
        ns.name
    );
    let out = std::process::Command::new("ssh")
        .env("HOME", ns.env.home())
        .arg("-o")
        .arg(format!("ProxyCommand={proxy_command}"))
        .arg("-o")
        .arg(format!("UserKnownHostsFile={}", known_hosts.display()))
        .args(["-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes"])
        .args(["-o", "HostKeyAlias=box.devctl", "-o", "LogLevel=ERROR"])
        .arg("-i")
        .arg(ns.env.home().join(".ssh/id_ed25519"))
        .args(["dev@box", "echo", "$SSH_CONNECTION"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stdout(&out).trim_end().ends_with(&format!("{pod_ip} 22")),
        "{}",
        stdout(&out)
    );
    assert_eq!(ns.port_forwards("box-0").len(), 1, "still only the one");

    // The pinned host key is checked over direct as over any transport: pin another one.
    let (_, _, other) = devctl::ssh::keys::generate("other").unwrap();
    testcluster::block_on(async {
        let sets: kube::Api<k8s_openapi::api::apps::v1::StatefulSet> = ns.api().await;
        let patch = serde_json::json!({
            "metadata": {"annotations": {"devserver.io/host-key": other}}
        });
        sets.patch(
            "box",
            &kube::api::PatchParams::default(),
            &kube::api::Patch::Merge(patch),
        )
        .await
        .unwrap();
    });
    let out = ns.devctl(&["ssh", "box", "--via", "direct", "--", "true"]);
    assert_eq!(code(&out), 255, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("host key mismatch"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn proxy_whose_api_connection_is_cut_exits_255_and_says_so() {
    let Some(ns) = Ns::new("proxy-cut") else {
        return;
    };
    ns.ok(&["create", "box", "--wait", "--flavor", "cpu-small"]);
    // The pod's port 22 leads to an echo server: what goes in comes back.
    let echo = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let echo_port = echo.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for conn in echo.incoming().flatten() {
            std::thread::spawn(move || {
                let mut reader = conn.try_clone().unwrap();
                let mut writer = conn;
                let _ = std::io::copy(&mut reader, &mut writer);
            });
        }
    });
    ns.cluster
        .agent()
        .forward(&ns.name, "box-0", 22, &format!("127.0.0.1:{echo_port}"))
        .unwrap();
    let mut child = ns
        .env
        .process()
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args(["-n", &ns.name, "proxy", "box"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Input stays open: the end comes from the cut.
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"ping\n").unwrap();
    let mut back = [0u8; 5];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut back)
        .unwrap();
    assert_eq!(&back, b"ping\n");
    let forwards = ns.port_forwards("box-0");
    assert_eq!(forwards.len(), 1, "{forwards:?}");
    ns.cluster
        .proxy()
        .drop_connection(&forwards[0].conn)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    drop(stdin);
    assert_eq!(code(&out), 255, "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        err,
        "error: the connection to devserver box broke: its connection through the API server was cut\n"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn ssh_whose_output_is_closed_ends_quietly_with_255_as_openssh() {
    let Some((ns, _sshd)) = devserver("ssh-epipe", "box") else {
        return;
    };
    // As `devctl ssh box -- yes | head -1`: the reader takes a line and goes away.
    let mut child = ns
        .env
        .process()
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args(["-n", &ns.name, "ssh", "box", "--", "yes"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert_eq!(first, "y\n");
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 255, "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "nothing to say about a closed output");
}

#[test]
fn a_local_forward_the_devserver_cannot_connect_says_so_in_one_line() {
    let Some((ns, _sshd)) = devserver("ssh-forward-refused", "box") else {
        return;
    };
    let free = || {
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    };
    let (local, closed) = (free(), free());
    let forward = format!("{local}:127.0.0.1:{closed}");
    let mut child = ns
        .env
        .process()
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args([
            "-n", &ns.name, "ssh", "-L", &forward, "box", "--", "echo", "up;", "read", "line",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert_eq!(first, "up\n", "the session runs");
    // Nothing listens at the far end: the connection is closed, and the session goes on.
    let mut through = std::net::TcpStream::connect(("127.0.0.1", local)).unwrap();
    through
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    assert_eq!(through.read(&mut [0u8; 1]).unwrap(), 0);
    child.stdin.take().unwrap().write_all(b"done\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "warning: -L 127.0.0.1:{local}: the devserver could not connect to 127.0.0.1:{closed}\n"
        )
    );
}

#[test]
fn exec_with_input_over_the_v4_protocol_warns_once_that_the_end_of_input_cannot_pass() {
    let Some(ns) = Ns::new("exec-v4") else {
        return;
    };
    ns.ok(&["create", "box", "--wait", "--flavor", "cpu-small"]);
    let warnings = |out: &std::process::Output| {
        stderr(out)
            .lines()
            .filter(|l| l.starts_with("warning:"))
            .map(String::from)
            .collect::<Vec<String>>()
    };
    let out = ns.devctl(&["exec", "box", "-i", "--", "true"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        warnings(&out).is_empty(),
        "v5 can close stdin: {}",
        stderr(&out)
    );
    // As an API server older than 1.30: no v5.channel.k8s.io.
    ns.cluster
        .proxy()
        .withhold_subprotocols(
            &testcluster::Scope::namespace(&ns.name),
            &["v5.channel.k8s.io"],
        )
        .unwrap();
    let out = ns.devctl(&["exec", "box", "-i", "--", "true"]);
    let warned = warnings(&out);
    assert_eq!(warned.len(), 1, "{}", stderr(&out));
    assert!(warned[0].contains("end of standard input"), "{warned:?}");
    // Without -i there is no input to end.
    let out = ns.devctl(&["exec", "box", "--", "sh", "-c", "exit 3"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(warnings(&out).is_empty(), "{}", stderr(&out));
}
