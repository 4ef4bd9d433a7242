//! The table output of `devctl list`, `list -o wide`, `describe NAME`, `status` and
//! `status -o wide`, as the real binary prints it against the test cluster for one devserver
//! that fills every column (a home volume, and SSH and a port on a NodePort), against the snapshots checked
//! in as `tests/snapshots/tables__<command>.snap`. What changes from run to run (the
//! namespace, ages and relative times, timestamps, IPs, node names and ports, the host key,
//! the API server's URL, uids, the event rows) is masked, so a snapshot shows the layout and
//! every fixed word. After changing a table, regenerate with
//! `INSTA_UPDATE=always cargo test --test tables` and review the change with
//! `git diff tests/snapshots`.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

use common::ns::Ns;
use common::{stderr, stdout};
use futures::{StreamExt, TryStreamExt};
use k8s_openapi::api::core::v1::{Event, Pod};
use kube::api::Api;
use kube::runtime::{WatchStreamExt, watcher};

const REGENERATE: &str = "INSTA_UPDATE=always cargo test --test tables";

/// The gap devctl's tables put between columns.
const GAP: &str = "   ";

/// A duration as devctl prints it: `5s`, `3m12s`, `7h59m`, `2d3h`.
const DURATION: &str = r"\d+[smhd](?:\d+[smh])?";

/// The masks of one snapshot, in the order they apply.
struct Masks(insta::Settings);

impl Masks {
    fn new(ns: &Ns) -> Masks {
        let mut settings = insta::Settings::clone_current();
        settings.set_omit_expression(true);
        let mut masks = Masks(settings);
        // The API server's URL first: its host is an IP and its port would pass for one below.
        masks.add(r"https://[^\s]+", "[SERVER]");
        masks.add(
            r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b",
            "[UID]",
        );
        masks.add(
            r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})",
            "[TIMESTAMP]",
        );
        masks.add(r"ssh-ed25519 AAAA[A-Za-z0-9+/=]+", "ssh-ed25519 [HOST KEY]");
        masks.add(&regex_escape(&ns.name), "[NS]");
        masks
    }

    fn add(&mut self, pattern: &str, token: &str) {
        self.0.add_filter(pattern, token);
    }

    /// Masks every cell of a table column that matches `pattern` (a whole cell, and the
    /// column's header given as a pattern too) as `shown`, padded to `width` (the widest of the
    /// masked cells, the header and the column's fixed values): a masked value keeps the
    /// column as wide from run to run, so the snapshot keeps the alignment that devctl prints.
    /// A cell at the end of its line has no padding (devctl trims it). This stands in for
    /// collapsing runs of spaces, which would hide a column that lost its alignment.
    fn cell(&mut self, pattern: &str, shown: &str, width: usize) {
        self.0.add_filter(
            &format!(r"(?m)(^| )(?:{pattern}) {{3,}}"),
            format!("${{1}}{shown:<width$}{GAP}"),
        );
        self.0.add_filter(
            &format!(r"(?m)(^| )(?:{pattern})$"),
            format!("${{1}}{shown}"),
        );
    }

    /// `cell` for a column whose header and fixed values are masked as themselves.
    fn fixed_cell(&mut self, text: &str, width: usize) {
        self.cell(&regex_escape(text), text, width);
    }
}

/// `text` as a regular expression that matches exactly it.
fn regex_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// Returns once the devserver's pod is Ready and has its `Started` event (kwok may send it
/// after the pod is Ready), so that every column has its value and describe's events section is
/// never empty. The event rows stay masked: which events arrived, and in what order, is timing.
fn wait_until_running(ns: &Ns, pod: &str) {
    testcluster::block_on(async {
        let client = ns.cluster.client().await.unwrap();
        let pods: Api<Pod> = Api::namespaced(client.clone(), &ns.name);
        let ready = kube::runtime::wait::await_condition(pods, pod, |p: Option<&Pod>| {
            p.and_then(|p| p.status.as_ref())
                .and_then(|s| s.conditions.as_ref())
                .is_some_and(|c| c.iter().any(|c| c.type_ == "Ready" && c.status == "True"))
        });
        tokio::time::timeout(Duration::from_secs(120), ready)
            .await
            .expect("the pod Ready within two minutes")
            .unwrap();
        let events: Api<Event> = Api::namespaced(client, &ns.name);
        let about_pod = watcher::Config::default().fields(&format!("involvedObject.name={pod}"));
        let mut started = watcher(events, about_pod)
            .applied_objects()
            .try_filter(|e| std::future::ready(e.reason.as_deref() == Some("Started")))
            .boxed();
        tokio::time::timeout(Duration::from_secs(60), started.try_next())
            .await
            .expect("the Started event within a minute")
            .unwrap()
            .expect("the watch goes on until the event");
    });
}

/// The regenerating command also removes the `.snap.new` files that earlier failing runs left
/// (insta keeps them when it updates).
fn remove_pending_snapshots_when_regenerating() {
    if !matches!(
        std::env::var("INSTA_UPDATE").as_deref(),
        Ok("always" | "force")
    ) {
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    for file in std::fs::read_dir(&dir).unwrap() {
        let file = file.unwrap().file_name().to_string_lossy().into_owned();
        if file.starts_with("tables__") && file.ends_with(".snap.new") {
            std::fs::remove_file(dir.join(file)).unwrap();
        }
    }
}

#[test]
fn tables_of_list_describe_and_status_match_their_snapshots() {
    let Some(ns) = Ns::new("tables") else { return };
    // Not `--wait`: it gives up when the scheduler, not having seen the new home claim yet,
    // says `persistentvolumeclaim "home-tbl-0" not found` (it retries and the pod starts).
    let create = ns.devctl(&[
        "create", "tbl", "--home", "1Gi", "--expose", "nodeport", "--port", "8888",
    ]);
    assert!(create.status.success(), "create: {}", stderr(&create));
    wait_until_running(&ns, "tbl-0");

    // list: AGE and EXPIRES change; in wide also the node, the pod IP and the in-cluster
    // address (it holds the namespace).
    let mut list = Masks::new(&ns);
    let expires = format!("in {DURATION}");
    let ssh = r"tbl-0\.tbl\.\[NS\]\.svc:22";
    list.cell(&expires, "in [DURATION]", 13);
    list.fixed_cell("EXPIRES", 13);
    list.cell(DURATION, "[AGE]", 5);
    list.fixed_cell("AGE", 5);
    list.cell(r"node-\d+", "[NODE]", 6);
    list.fixed_cell("NODE", 6);
    list.cell(r"\d+\.\d+\.\d+\.\d+", "[IP]", 4);
    list.fixed_cell("IP", 4);
    list.cell(ssh, "tbl-0.tbl.[NS].svc:22", 21);
    list.fixed_cell("SSH", 21);
    let endpoint = r"\d+\.\d+\.\d+\.\d+:\d+";
    list.cell(
        &format!("{endpoint},{endpoint}"),
        "[ADDRESS]:[NODE PORT],[ADDRESS]:[NODE PORT]",
        43,
    );
    list.fixed_cell("ENDPOINTS", 43);

    // describe: one value per line (no column to keep), and the event rows masked.
    let mut describe = Masks::new(&ns);
    describe.add(&format!(r"\(in {DURATION}\)"), "(in [DURATION])");
    // The node's address, or its name on a run where the node could not be read.
    describe.add(
        r"(?m)^( +nodeport +)\S+:\d+$",
        "${1}[NODE ADDRESS]:[NODE PORT]",
    );
    // The endpoints table: one row per published port.
    describe.cell(r"\d+\.\d+\.\d+\.\d+:\d+", "[ADDRESS]:[NODE PORT]", 21);
    describe.fixed_cell("ENDPOINT", 21);
    describe.add(r"\b\d+\.\d+\.\d+\.\d+\b", "[IP]");
    describe.add(r"\bnode-\d+\b", "[NODE]");
    // The header's column widths follow the masked rows (TYPE is as wide as `Warning` only
    // when the scheduler raced the home volume's binding), so its gaps are one GAP each.
    describe.add(
        r"(?s)\nLAST SEEN +TYPE +REASON +MESSAGE\n.*\z",
        &format!("\nLAST SEEN{GAP}TYPE{GAP}REASON{GAP}MESSAGE\n[EVENT ROWS]\n"),
    );

    // status: the NAMESPACE column holds the namespace, `(cluster)`, `(all)` and
    // `devctl-system`, the widest.
    let mut status = Masks::new(&ns);
    status.cell(r"\[NS\]", "[NS]", 13);
    for fixed in ["NAMESPACE", "(cluster)", "(all)", "devctl-system"] {
        status.fixed_cell(fixed, 13);
    }

    let runs: [(&str, &[&str], &Masks); 5] = [
        ("list", &["list"], &list),
        ("list-wide", &["list", "-o", "wide"], &list),
        ("describe", &["describe", "tbl"], &describe),
        ("status", &["status"], &status),
        ("status-wide", &["status", "-o", "wide"], &status),
    ];
    remove_pending_snapshots_when_regenerating();
    let mut mismatched = Vec::new();
    for (name, args, masks) in runs {
        let out = ns.devctl(args);
        let command = format!("devctl {}", args.join(" "));
        assert_eq!(out.status.code(), Some(0), "{command}: {}", stderr(&out));
        let table = stdout(&out);
        let mut settings = masks.0.clone();
        settings.set_description(command);
        let matched = catch_unwind(AssertUnwindSafe(|| {
            settings.bind(|| insta::assert_snapshot!(name, table));
        }));
        if matched.is_err() {
            mismatched.push(name);
        }
    }
    assert!(
        mismatched.is_empty(),
        "table output differs from its snapshot (or has none) for: {}\nif the change is meant, \
         regenerate with: {REGENERATE}",
        mismatched.join(", ")
    );
}
