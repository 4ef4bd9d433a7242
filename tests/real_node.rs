//! devctl against the test cluster's real node: a kubelet, containerd and runc built from
//! source, running the images the test cluster made from debootstrap trees. Here nothing is
//! simulated between devctl's objects and sshd: startup.sh runs in a real container, the
//! readiness probe is the kubelet's, and `ssh`, `exec` and `logs` go through the kubelet.
//!
//! Needs root, `ip` and debootstrap; skips with the reason otherwise (fails under
//! `TESTCLUSTER_REQUIRED`, as in CI).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::in_cluster::Pod;
use common::ns::Ns;
use common::{sshd, stderr, stdout};

const DEBIAN: &str = "devctl.test/debian:bookworm";
const BARE: &str = "devctl.test/debian-bare:bookworm";
// Every devserver here is small (`--cpu 250m --memory 512Mi`): the real node has this
// machine's two cores, and the tests run at once.

fn code(out: &std::process::Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn kubectl(ns: &Ns, args: &[&str]) -> std::process::Output {
    Command::new("kubectl")
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args(["-n", &ns.name])
        .args(args)
        .output()
        .expect("kubectl runs")
}

#[test]
fn a_devserver_starts_for_real_and_dev_logs_in_through_the_kubelet() {
    let Some(ns) = Ns::on_real_node("real-ssh") else {
        return;
    };
    sshd::user_key(&ns);
    ns.ok(&[
        "create", "box", "--cpu", "250m", "--memory", "512Mi", "--image", DEBIAN, "--wait",
    ]);
    let node = kubectl(
        &ns,
        &["get", "pod", "box-0", "-o", "jsonpath={.spec.nodeName}"],
    );
    assert_eq!(stdout(&node), testcluster::realnode::NODE_NAME);

    let out = ns.devctl(&[
        "ssh",
        "box",
        "--",
        "id -un; sudo -n true && echo root; exit 5",
    ]);
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    assert_eq!(stdout(&out), "dev\nroot\n");

    // startup.sh's own lines, and sshd's, as the kubelet kept them, through devctl and through
    // kubectl (each read on its own: sshd also logs every readiness probe).
    let through_devctl = stdout(&ns.ok(&["logs", "box"]));
    let through_kubectl = stdout(&kubectl(&ns, &["logs", "box-0"]));
    for line in [
        "devctl: user dev is 1000:1000 with home /home/dev",
        "devctl: dev gets root through sudo",
        "devctl: sshd is /usr/sbin/sshd",
        "devctl: starting sshd",
        "Server listening on",
    ] {
        for text in [&through_devctl, &through_kubectl] {
            assert!(text.contains(line), "no {line:?} in the logs:\n{text}");
        }
    }
}

#[test]
fn exec_returns_the_exit_code_and_passes_stdin_to_its_end() {
    let Some(ns) = Ns::on_real_node("real-exec") else {
        return;
    };
    ns.ok(&[
        "create", "box", "--cpu", "250m", "--memory", "512Mi", "--image", DEBIAN, "--wait",
    ]);
    let out = ns.devctl(&["exec", "box", "--", "sh", "-c", "echo out; exit 7"]);
    assert_eq!(code(&out), 7, "{}", stderr(&out));
    assert_eq!(stdout(&out), "out\n");

    let mut cat = ns
        .process(&["exec", "-i", "box", "--", "sh", "-c", "cat; echo end"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    cat.stdin.take().unwrap().write_all(b"in\n").unwrap();
    let out = cat.wait_with_output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "in\nend\n");
}

#[test]
fn without_sshd_a_devserver_stays_up_never_turns_ready_and_says_why() {
    let Some(ns) = Ns::on_real_node("real-bare") else {
        return;
    };
    // The readiness probe is the kubelet's: with no sshd listening, --wait runs out.
    let out = ns.devctl(&[
        "create",
        "bare",
        "--cpu",
        "250m",
        "--memory",
        "512Mi",
        "--image",
        BARE,
        "--wait",
        "--timeout",
        "20s",
    ]);
    assert_eq!(code(&out), 6, "{}", stderr(&out));
    let out = ns.devctl(&["exec", "bare", "--", "true"]);
    assert_eq!(code(&out), 0, "exec works without sshd: {}", stderr(&out));
    // startup.sh tries to install sshd first, which fails (pods reach nothing outside), so
    // follow the log until it says so.
    let said = follow_logs_until(
        &ns,
        "bare",
        "devctl: sshd is not installed and could not be installed; the devserver stays up for devctl exec",
    );
    assert!(
        said.contains("devctl: installing the OpenSSH server"),
        "{said}"
    );
    let ready = kubectl(
        &ns,
        &[
            "get",
            "pod",
            "bare-0",
            "-o",
            "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}",
        ],
    );
    assert_eq!(stdout(&ready), "False");
}

/// `devctl logs -f NAME` until a line contains `wanted`; everything it said up to there.
fn follow_logs_until(ns: &Ns, name: &str, wanted: &str) -> String {
    use std::io::BufRead;
    let mut follow = ns
        .process(&["logs", "-f", name])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = follow.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let mut said = String::new();
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => {
                said.push_str(&line);
                said.push('\n');
                if line.contains(wanted) {
                    let _ = follow.kill();
                    let _ = follow.wait();
                    return said;
                }
            }
            Err(_) => {
                let _ = follow.kill();
                let _ = follow.wait();
                panic!("the log never said {wanted:?}; it said:\n{said}");
            }
        }
    }
}

#[test]
fn stop_and_start_keep_what_is_in_the_home_volume() {
    let Some(ns) = Ns::on_real_node("real-home") else {
        return;
    };
    sshd::user_key(&ns);
    ns.ok(&[
        "create", "box", "--cpu", "250m", "--memory", "512Mi", "--image", DEBIAN, "--home", "1Gi",
        "--wait",
    ]);
    let out = ns.devctl(&["ssh", "box", "--", "echo kept > ~/file && sync"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    ns.ok(&["stop", "box"]);
    ns.ok(&["start", "box", "--wait"]);
    let out = ns.devctl(&["ssh", "box", "--", "cat ~/file"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "kept\n");
}

#[test]
fn in_a_pod_ssh_goes_straight_to_the_devservers_pod_address() {
    let Some(ns) = Ns::on_real_node("real-incluster") else {
        return;
    };
    // devctl as in a pod: a devserver user's ServiceAccount, no kubeconfig. The real node's
    // pods are on a bridge of this machine, so their addresses are reachable from here.
    let Some(pod) = Pod::devserver_user(ns.cluster, &ns.name, "dev") else {
        return;
    };
    sshd::user_key(&ns);
    let out = pod.devctl(
        &ns.env,
        &[
            "create", "box", "--cpu", "250m", "--memory", "512Mi", "--image", DEBIAN, "--wait",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let pod_ip = stdout(&kubectl(
        &ns,
        &["get", "pod", "box-0", "-o", "jsonpath={.status.podIP}"],
    ));
    assert!(!pod_ip.is_empty());

    let out = pod.devctl(&ns.env, &["-v", "ssh", "box", "--", "echo $SSH_CONNECTION"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("box: connecting through direct"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).trim_end().ends_with(&format!("{pod_ip} 22")),
        "sshd saw a connection to the pod's address: {}",
        stdout(&out)
    );
    assert!(
        ns.port_forwards("box-0").is_empty(),
        "no port-forward asked"
    );
}
