//! `devctl job` on the test cluster's real node: a kubelet, containerd and runc run the
//! command for real, so its exit code, its output, the rank variables, the cluster DNS and
//! the ttl cleanup are the real ones.
//!
//! Needs root, `ip` and debootstrap; skips with the reason otherwise (fails under
//! `TESTCLUSTER_REQUIRED`, as in CI).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};

use common::ns::Ns;
use common::{stderr, stdout};

const DEBIAN: &str = "devctl.test/debian:bookworm";
// The real node has this machine's two cores, and the tests run at once: every pod is small.
const SMALL: [&str; 6] = ["--cpu", "100m", "--memory", "64Mi", "--image", DEBIAN];

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

fn run(ns: &Ns, name: &str, extra: &[&str], script: &str) -> std::process::Output {
    let mut args = vec!["job", "run", name];
    args.extend(SMALL);
    args.extend(extra);
    args.extend(["--", "sh", "-c", script]);
    ns.devctl(&args)
}

#[test]
fn exit_codes_reach_job_run_wait_and_job_wait() {
    let Some(ns) = Ns::on_real_node("job-exit") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let env_file = dir.path().join("env");
    std::fs::write(&env_file, "TOKEN=from-the-env-file\n").unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, "from a config file\n").unwrap();
    let env_arg = env_file.display().to_string();
    let config_arg = format!("in.txt={}", input.display());
    let ok = run(
        &ns,
        "fine",
        &[
            "--wait",
            "--timeout",
            "5m",
            "--env-file",
            &env_arg,
            "--config-file",
            &config_arg,
            "--user",
            "1000:1000",
        ],
        r#"cat /devctl/config/in.txt; echo "token $TOKEN"; echo "uid $(id -u)"; exit 0"#,
    );
    assert_eq!(code(&ok), 0, "{}", stderr(&ok));
    assert!(
        stderr(&ok).contains("job fine succeeded"),
        "{}",
        stderr(&ok)
    );
    let logs = stdout(&ns.ok(&["job", "logs", "fine"]));
    assert_eq!(
        logs, "from a config file\ntoken from-the-env-file\nuid 1000\n",
        "{logs}"
    );

    let failed = run(
        &ns,
        "three",
        &["--wait", "--timeout", "5m"],
        "echo bye; exit 3",
    );
    assert_eq!(code(&failed), 3, "{}", stderr(&failed));
    assert!(
        stderr(&failed).contains("job three failed: pod three-0-"),
        "{}",
        stderr(&failed)
    );
    let waited = ns.devctl(&["job", "wait", "three"]);
    assert_eq!(code(&waited), 3, "{}", stderr(&waited));
    let waited = ns.devctl(&["job", "wait", "fine"]);
    assert_eq!(code(&waited), 0, "{}", stderr(&waited));

    let listed: serde_json::Value =
        serde_json::from_slice(&ns.ok(&["job", "list", "-o", "json"]).stdout).unwrap();
    let item = |name: &str| {
        listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(item("three")["status"], "Failed");
    assert_eq!(item("three")["exitCode"], 3);
    assert_eq!(item("fine")["status"], "Succeeded");
    assert_eq!(item("fine")["exitCode"], 0);
    let described = stdout(&ns.ok(&["job", "describe", "three"]));
    assert!(described.contains("Failed, exit code 3"), "{described}");
}

#[test]
fn job_logs_follow_streams_while_the_job_runs() {
    let Some(ns) = Ns::on_real_node("job-follow") else {
        return;
    };
    // The job says "first", then waits for a file only the test makes.
    let made = run(
        &ns,
        "talk",
        &[],
        "echo first; while [ ! -e /tmp/go ]; do sleep 0.2; done; echo second",
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let mut follow = ns
        .process(&["job", "logs", "talk", "-f"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(follow.stdout.take().unwrap()).lines();
    assert_eq!(lines.next().unwrap().unwrap(), "first");
    // "first" came while the job still runs: it cannot end before /tmp/go exists.
    let pod = stdout(&kubectl(
        &ns,
        &[
            "get",
            "pods",
            "-l",
            "app.kubernetes.io/instance=talk",
            "-o",
            "jsonpath={.items[0].metadata.name}",
        ],
    ));
    let touched = kubectl(&ns, &["exec", &pod, "--", "touch", "/tmp/go"]);
    assert!(touched.status.success(), "{}", stderr(&touched));
    assert_eq!(lines.next().unwrap().unwrap(), "second");
    assert!(lines.next().is_none());
    let status = follow.wait().unwrap();
    assert!(status.success());
}

#[test]
fn a_two_node_job_has_distinct_ranks_and_finds_rank_zero_by_its_dns_name() {
    let Some(ns) = Ns::on_real_node("job-ranks") else {
        return;
    };
    // Rank 0 listens on MASTER_PORT until rank 1 has found it by name and connected, as a
    // torchrun rendezvous does; both say what they were given.
    let script = r#"
echo "rank=$RANK node_rank=$NODE_RANK world=$WORLD_SIZE nnodes=$NNODES pet=$PET_NNODES/$PET_NODE_RANK/$PET_NPROC_PER_NODE master=$MASTER_ADDR:$MASTER_PORT"
if [ "$RANK" = 0 ]; then
  perl -MIO::Socket::INET -e '$s = IO::Socket::INET->new(LocalPort => $ENV{MASTER_PORT}, Listen => 1, ReuseAddr => 1) or die; $c = $s->accept; print "rank 0 was reached\n"'
else
  until ip=$(getent hosts "$MASTER_ADDR"); do sleep 0.2; done
  echo "resolved ${ip%% *}"
  until perl -MIO::Socket::INET -e 'IO::Socket::INET->new(PeerAddr => $ENV{MASTER_ADDR}, PeerPort => $ENV{MASTER_PORT}) or exit 1'; do sleep 0.2; done
  echo "rank 1 reached rank 0"
fi
"#;
    let out = run(
        &ns,
        "pair",
        &["--nodes", "2", "--follow", "--timeout", "5m"],
        script,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    let master = format!("master=pair-0.pair.{}.svc:29500", ns.name);
    for rank in ["0", "1"] {
        let want = format!(
            "[{rank}] rank={rank} node_rank={rank} world=2 nnodes=2 pet=2/{rank}/1 {master}"
        );
        assert!(text.lines().any(|l| l == want), "no {want:?} in:\n{text}");
    }
    assert!(text.contains("[0] rank 0 was reached"), "{text}");
    assert!(text.contains("[1] rank 1 reached rank 0"), "{text}");
    // The name resolved to index 0's pod.
    let pod0_ip = stdout(&kubectl(
        &ns,
        &[
            "get",
            "pods",
            "-l",
            "batch.kubernetes.io/job-completion-index=0,app.kubernetes.io/instance=pair",
            "-o",
            "jsonpath={.items[0].status.podIP}",
        ],
    ));
    assert!(!pod0_ip.is_empty());
    assert!(
        text.contains(&format!("[1] resolved {pod0_ip}")),
        "{pod0_ip}: {text}"
    );

    let one = stdout(&ns.ok(&["job", "logs", "pair", "--index", "1"]));
    assert!(one.starts_with("rank=1 "), "{one}");
    let all = stdout(&ns.ok(&["job", "logs", "pair", "--all"]));
    assert!(
        all.lines()
            .all(|l| l.starts_with("[0] ") || l.starts_with("[1] ")),
        "{all}"
    );
}

#[test]
fn one_failing_index_fails_the_whole_job_and_stops_the_others_whose_results_stay() {
    let Some(ns) = Ns::on_real_node("job-gang") else {
        return;
    };
    // Rank 0 writes a checkpoint, then listens; rank 1 fails once it has reached rank 0, so the
    // checkpoint is there before the Job controller stops rank 0.
    let script = r#"
if [ "$RANK" = 0 ]; then
  echo "checkpoint of rank 0" > "$DEVCTL_RESULTS/checkpoint"
  exec perl -MIO::Socket::INET -e '$s = IO::Socket::INET->new(LocalPort => $ENV{MASTER_PORT}, Listen => 1, ReuseAddr => 1) or die; $c = $s->accept; exec "sleep", "600"'
fi
echo "rank 1 gives up" > "$DEVCTL_RESULTS/why"
until perl -MIO::Socket::INET -e 'IO::Socket::INET->new(PeerAddr => $ENV{MASTER_ADDR}, PeerPort => $ENV{MASTER_PORT}) or exit 1'; do sleep 0.2; done
exit 3
"#;
    let out = run(
        &ns,
        "gang",
        &["--nodes", "2", "--wait", "--timeout", "5m"],
        script,
    );
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(stderr(&out).contains("pod gang-1-"), "{}", stderr(&out));
    // Right away, while the Job controller is still stopping rank 0: job results waits for
    // it to end, then reads what it wrote; its pod goes, its results stay on the Job's claim.
    let dest = ns.env.home().join("gang");
    let out = ns.devctl(&["job", "results", "gang", dest.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dest.join("0/checkpoint")).unwrap(),
        "checkpoint of rank 0\n"
    );
    assert_eq!(
        std::fs::read_to_string(dest.join("1/why")).unwrap(),
        "rank 1 gives up\n"
    );
    // Index 0 is being stopped, not left running: kubectl waits for its pod to go.
    let gone = kubectl(
        &ns,
        &[
            "wait",
            "--for=delete",
            "pods",
            "-l",
            "batch.kubernetes.io/job-completion-index=0,app.kubernetes.io/instance=gang",
            "--timeout=120s",
        ],
    );
    assert!(gone.status.success(), "{}", stderr(&gone));
    let failed = kubectl(
        &ns,
        &[
            "wait",
            "--for=condition=Failed",
            "job/gang",
            "--timeout=120s",
        ],
    );
    assert!(failed.status.success(), "{}", stderr(&failed));
}

#[test]
fn a_finished_job_is_cleaned_up_whole_after_its_ttl() {
    let Some(ns) = Ns::on_real_node("job-ttl") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let env_file = dir.path().join("env");
    std::fs::write(&env_file, "A=1\n").unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, "x\n").unwrap();
    let env_arg = env_file.display().to_string();
    let config_arg = format!("in.txt={}", input.display());
    let out = run(
        &ns,
        "brief",
        &[
            "--nodes",
            "2",
            "--ttl",
            "3s",
            "--env-file",
            &env_arg,
            "--config-file",
            &config_arg,
            "--volume",
            "1Gi:/scratch",
            "--wait",
            "--timeout",
            "5m",
        ],
        "echo done > $DEVCTL_RESULTS/out",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let selector = "app.kubernetes.io/instance=brief";
    let before = stdout(&kubectl(
        &ns,
        &[
            "get",
            "pvc,secret,configmap,service,pods",
            "-l",
            selector,
            "-o",
            "name",
        ],
    ));
    for made in [
        "secret/brief-env",
        "configmap/brief-config",
        "service/brief",
        "persistentvolumeclaim/brief-vol-0",
        "persistentvolumeclaim/brief-results",
    ] {
        assert!(
            before.contains(made),
            "{made} missing before the ttl: {before}"
        );
    }
    let gone = kubectl(
        &ns,
        &["wait", "--for=delete", "job/brief", "--timeout=120s"],
    );
    assert!(gone.status.success(), "{}", stderr(&gone));
    // The garbage collector takes the rest after the Job: kubectl watches each go.
    let mut names: Vec<&str> = before.lines().collect();
    names.extend(["--for=delete", "--timeout=120s"]);
    let mut args = vec!["wait"];
    args.extend(names);
    let rest = kubectl(&ns, &args);
    assert!(rest.status.success(), "{}", stderr(&rest));
    let after = stdout(&kubectl(
        &ns,
        &[
            "get",
            "pvc,secret,configmap,service,pods",
            "-l",
            selector,
            "-o",
            "name",
        ],
    ));
    assert_eq!(after, "", "left after the ttl: {after}");
}
