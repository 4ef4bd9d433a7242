//! `devctl logs` and `devctl events` against the real test cluster: the log comes from the node
//! agent (fed by the test through `AgentControl`) through the real API server's pods/log, and
//! the events from the real scheduler and controllers, plus ones the test records.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::ns::Ns;
use common::{stderr, stdout};
use futures::{StreamExt, TryStreamExt};
use k8s_openapi::api::core::v1::{Event, Pod};
use kube::api::PostParams;
use kube::runtime::{WatchStreamExt, watcher};

const CONTAINER: &str = "devserver";
/// How long a test waits for a line devctl should print.
const PATIENCE: Duration = Duration::from_secs(60);

/// A running devserver `box` in a fresh namespace.
fn running(prefix: &str) -> Option<Ns> {
    let ns = Ns::new(prefix)?;
    ns.ok(&["create", "box", "--wait", "--timeout", "2m"]);
    Some(ns)
}

/// Appends `text` to the log of `box`'s container.
fn append(ns: &Ns, text: &str) {
    ns.cluster
        .agent()
        .append_log(&ns.name, "box-0", CONTAINER, text, false)
        .unwrap();
}

/// devctl running in the background, its stdout read line by line as it comes.
struct Background {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Background {
    fn start(ns: &Ns, kubeconfig: &std::path::Path, args: &[&str]) -> Background {
        let mut child = ns
            .env
            .process()
            .arg("--kubeconfig")
            .arg(kubeconfig)
            .args(["-n", &ns.name])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        Background { child, lines }
    }

    /// Reads lines until one contains `wanted`; the lines read.
    fn until(&mut self, wanted: &str) -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            match self.lines.recv_timeout(PATIENCE) {
                Ok(line) => {
                    let found = line.contains(wanted);
                    seen.push(line);
                    if found {
                        return seen;
                    }
                }
                Err(e) => {
                    let _ = self.child.kill();
                    let mut err = String::new();
                    let _ = self.child.stderr.take().unwrap().read_to_string(&mut err);
                    panic!("no line with {wanted:?} ({e}); stdout so far: {seen:?}; stderr: {err}");
                }
            }
        }
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Records an event about `box`'s pod, as a controller would.
fn record_event(ns: &Ns, reason: &str) {
    let now = k8s_openapi::jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let event: Event = serde_json::from_value(serde_json::json!({
        "metadata": { "generateName": "box-0." },
        "involvedObject": { "apiVersion": "v1", "kind": "Pod", "name": "box-0", "namespace": ns.name },
        "type": "Warning", "reason": reason, "message": format!("{reason} recorded by the test"),
        "firstTimestamp": now, "lastTimestamp": now, "count": 1,
        "source": { "component": "logs-events-test" },
    }))
    .unwrap();
    testcluster::block_on(async {
        ns.api::<Event>()
            .await
            .create(&PostParams::default(), &event)
            .await
            .unwrap()
    });
}

/// Returns once the event `reason` about `object` is recorded.
fn until_event(ns: &Ns, object: &str, reason: &str) {
    testcluster::block_on(async {
        let events = ns.api::<Event>().await;
        let config = watcher::Config::default()
            .fields(&format!("involvedObject.name={object},reason={reason}"));
        let mut applied = watcher::watcher(events, config).applied_objects().boxed();
        tokio::time::timeout(PATIENCE, applied.try_next())
            .await
            .unwrap_or_else(|_| panic!("no {reason} event about {object}"))
            .unwrap()
            .expect("an event");
    });
}

/// A devserver `huge` that no node of the test cluster can take (its nodes have 16 CPUs),
/// once the scheduler has said so in an event (and the StatefulSet's controller has recorded
/// making the pod: the two report on their own).
fn unschedulable(prefix: &str) -> Option<Ns> {
    let ns = Ns::new(prefix)?;
    ns.ok(&["create", "huge", "--cpu", "64"]);
    until_event(&ns, "huge-0", "FailedScheduling");
    until_event(&ns, "huge", "SuccessfulCreate");
    Some(ns)
}

#[test]
fn logs_tail_prints_only_the_last_lines_byte_for_byte() {
    let Some(ns) = running("logs-tail") else {
        return;
    };
    append(&ns, "one\ntwo\nnaïve \x1b[1mbold\x1b[0m\r\nthree\n");
    let out = ns.ok(&["logs", "box", "--tail", "2"]);
    assert_eq!(out.stdout, "naïve \x1b[1mbold\x1b[0m\r\nthree\n".as_bytes());
    let all = ns.ok(&["logs", "box"]);
    assert!(stdout(&all).starts_with("one\ntwo\n"), "{}", stdout(&all));
}

#[test]
fn logs_timestamps_begin_each_line_with_the_time() {
    let Some(ns) = running("logs-stamps") else {
        return;
    };
    append(&ns, "hello\nworld\n");
    let out = ns.ok(&["logs", "box", "--timestamps", "--since", "1h"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    for (line, word) in lines.iter().zip(["hello", "world"]) {
        let (stamp, rest) = line.split_once(' ').unwrap();
        assert!(
            stamp.parse::<k8s_openapi::jiff::Timestamp>().is_ok(),
            "{stamp:?} is no RFC 3339 time"
        );
        assert_eq!(rest, word);
    }
}

#[test]
fn logs_previous_prints_the_previous_run() {
    let Some(ns) = running("logs-prev") else {
        return;
    };
    append(&ns, "now\n");
    ns.cluster
        .agent()
        .append_log(&ns.name, "box-0", CONTAINER, "before the crash\n", true)
        .unwrap();
    let out = ns.ok(&["logs", "box", "--previous"]);
    assert_eq!(stdout(&out), "before the crash\n");
}

#[test]
fn logs_follow_prints_what_comes_after_it_started_and_ends_with_the_log() {
    let Some(ns) = running("logs-follow") else {
        return;
    };
    append(&ns, "first\n");
    let mut follow = Background::start(&ns, ns.cluster.kubeconfig(), &["logs", "box", "-f"]);
    follow.until("first");
    // devctl printed the first line, so its stream is open: this one comes through it.
    append(&ns, "second\n");
    assert_eq!(follow.until("second"), ["second"]);
    ns.cluster
        .agent()
        .close_log(&ns.name, "box-0", CONTAINER)
        .unwrap();
    let out = follow.child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn logs_of_a_pod_no_node_takes_say_where_it_is_and_point_at_events() {
    let Some(ns) = unschedulable("logs-nofit") else {
        return;
    };
    // The pod's own condition says so once the scheduler's event is there.
    testcluster::block_on(async {
        let pods = ns.api::<Pod>().await;
        let unschedulable =
            kube::runtime::wait::await_condition(pods, "huge-0", |p: Option<&Pod>| {
                p.and_then(|p| p.status.as_ref())
                    .and_then(|s| s.conditions.as_ref())
                    .is_some_and(|cs| {
                        cs.iter().any(|c| {
                            c.type_ == "PodScheduled"
                                && c.reason.as_deref() == Some("Unschedulable")
                        })
                    })
            });
        tokio::time::timeout(PATIENCE, unschedulable)
            .await
            .unwrap()
            .unwrap();
    });
    let out = ns.devctl(&["logs", "huge"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    let first = err.lines().next().unwrap();
    assert!(
        first.starts_with(
            "error: devserver huge has no log yet: pod huge-0 is not running (no node fits yet: "
        ) && first.contains("Insufficient cpu"),
        "{err}"
    );
    assert!(
        err.contains(&format!("hint: devctl events huge -n {}", ns.name)),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn logs_of_a_stopped_devserver_say_how_to_start_it() {
    let Some(ns) = Ns::new("logs-stopped") else {
        return;
    };
    ns.ok(&["create", "box"]);
    ns.ok(&["stop", "box"]);
    let out = ns.devctl(&["logs", "box"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("hint: devctl start box --wait"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn logs_of_an_expired_devserver_are_not_found_as_for_exec() {
    let Some(ns) = running("logs-expired") else {
        return;
    };
    let past = serde_json::json!({ "metadata": { "annotations": {
        "devserver.io/expires-at": "2000-01-01T00:00:00Z" } } });
    testcluster::block_on(async {
        let sets = ns.api::<k8s_openapi::api::apps::v1::StatefulSet>().await;
        sets.patch(
            "box",
            &kube::api::PatchParams::default(),
            &kube::api::Patch::Merge(past),
        )
        .await
        .unwrap()
    });
    for command in [&["logs", "box"][..], &["exec", "box", "--", "true"]] {
        let out = ns.devctl(command);
        assert_eq!(out.status.code(), Some(3), "{command:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with("error: devserver box expired at 2000-01-01T00:00:00Z")
                && err.contains("hint: devctl create NEW-NAME makes a new one"),
            "{command:?}: {err}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn logs_and_events_of_a_missing_devserver_are_not_found_with_how_to_make_it() {
    let Some(ns) = Ns::new("le-missing") else {
        return;
    };
    for command in ["logs", "events"] {
        let out = ns.devctl(&[command, "nothing"]);
        assert_eq!(out.status.code(), Some(3), "{command}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with("error: devserver nothing not found")
                && err.contains("hint: devctl create nothing"),
            "{command}: {err}"
        );
    }
}

#[test]
fn events_of_a_pod_no_node_takes_show_the_schedulers_reason_first() {
    let Some(ns) = unschedulable("events-nofit") else {
        return;
    };
    let out = ns.ok(&["events", "huge"]);
    let text = stdout(&out);
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    for column in ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"] {
        assert!(header.contains(column), "{text}");
    }
    let first = lines.next().unwrap();
    assert!(
        first.contains("Warning")
            && first.contains("FailedScheduling")
            && first.contains("pod/huge-0")
            && first.contains("Insufficient cpu"),
        "{text}"
    );
    assert!(
        text.contains("SuccessfulCreate"),
        "the StatefulSet's events too: {text}"
    );

    let out = ns.ok(&["events", "huge", "-o", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list["apiVersion"], "devctl/v1");
    assert_eq!(list["kind"], "DevServerEventList");
    let first = &list["items"][0];
    assert_eq!(first["reason"], "FailedScheduling", "{list}");
    assert_eq!(first["type"], "Warning");
    assert_eq!(first["object"], "pod/huge-0");
    assert_eq!(first["source"], "default-scheduler");
}

#[test]
fn events_watch_prints_an_event_that_happens_after_it_started() {
    let Some(ns) = Ns::new("events-watch") else {
        return;
    };
    ns.ok(&["create", "box"]);
    let mut watch = Background::start(&ns, ns.cluster.kubeconfig(), &["events", "box", "--watch"]);
    // The header comes once the events so far are read; the watch starts where that read did.
    watch.until("LAST SEEN");
    record_event(&ns, "TestPoke");
    let seen = watch.until("TestPoke");
    let line = seen.last().unwrap();
    assert!(
        line.contains("Warning")
            && line.contains("pod/box-0")
            && line.contains("TestPoke recorded by the test"),
        "{line}"
    );
    watch.stop();
}

#[test]
fn events_watch_goes_on_after_its_connection_drops() {
    let Some(ns) = Ns::new("events-drop") else {
        return;
    };
    ns.ok(&["create", "box"]);
    let user = ns
        .cluster
        .user(&format!("{}-watcher", ns.name), &["system:masters"])
        .unwrap();
    let mut watch = Background::start(
        &ns,
        &user.kubeconfig,
        &["events", "box", "--watch", "-o", "json"],
    );
    let proxy = ns.cluster.proxy();
    let mine = testcluster::Scope::user(&user.name);
    // The three lists and the three watches have reached the proxy: drop the connection.
    proxy
        .wait_requests(&mine.clone().method("GET").path("/events$"), 6, PATIENCE)
        .unwrap();
    let dropped = proxy.drop_connections(&mine).unwrap();
    assert!(dropped > 0, "the watching devctl had a connection to drop");
    record_event(&ns, "AfterTheDrop");
    watch.until("AfterTheDrop");
    watch.stop();
}

#[test]
fn events_watch_for_ends_on_time_with_exit_0() {
    let Some(ns) = Ns::new("events-for") else {
        return;
    };
    ns.ok(&["create", "box"]);
    let out = ns.ok(&["events", "box", "--watch", "--for", "1s", "-o", "yaml"]);
    let text = stdout(&out);
    assert!(
        text.is_empty() || (text.starts_with("---\n") && text.contains("kind: DevServerEvent")),
        "{text}"
    );
}
