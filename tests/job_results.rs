//! `devctl job results` on the test cluster's real node: jobs that really ran write their
//! results (a GiB of random bytes, a tree of awkward names), and devctl brings them back
//! byte for byte after the pods have ended, through a reader pod and the kubelet's exec API.
//!
//! Needs root, `ip` and debootstrap, as tests/real_node.rs; skips with the reason otherwise
//! (fails under `TESTCLUSTER_REQUIRED`, as in CI).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::os::unix::ffi::OsStrExt as _;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::jobs;
use common::ns::Ns;
use common::{stderr, stdout};
use devctl::devserver::job;
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::{PersistentVolume, PersistentVolumeClaim, Pod};
use kube::api::{Api, ListParams, LogParams};

fn code(out: &std::process::Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// The job's pods, by completion index.
fn pods(ns: &Ns, name: &str) -> Vec<Pod> {
    testcluster::block_on(async {
        let pods: Api<Pod> = ns.api().await;
        let mut list = pods
            .list(&ListParams::default().labels(&job::pod_selector(name)))
            .await
            .unwrap()
            .items;
        list.sort_by_key(devctl::devserver::job::pod_index);
        list
    })
}

/// What each of the job's pods printed, by index.
fn logs(ns: &Ns, name: &str) -> Vec<String> {
    let pods = pods(ns, name);
    testcluster::block_on(async {
        let api: Api<Pod> = ns.api().await;
        let mut all = Vec::new();
        for pod in pods {
            let params = LogParams {
                container: Some(job::CONTAINER.into()),
                ..LogParams::default()
            };
            let name = pod.metadata.name.unwrap();
            all.push(api.logs(&name, &params).await.unwrap_or_default());
        }
        all
    })
}

/// Waits until no reader pod of job `name` is left.
fn until_no_reader(ns: &Ns, name: &str) {
    let selector = format!(
        "{},app.kubernetes.io/name={}",
        format_args!("app.kubernetes.io/instance={name}"),
        job::READER_KIND_VALUE
    );
    testcluster::block_on(async {
        let pods: Api<Pod> = ns.api().await;
        let left = pods
            .list(&ListParams::default().labels(&selector))
            .await
            .unwrap();
        for pod in left.items {
            let pod_name = pod.metadata.name.unwrap();
            let gone =
                kube::runtime::wait::await_condition(pods.clone(), &pod_name, |p: Option<&Pod>| {
                    p.is_none()
                });
            tokio::time::timeout(Duration::from_secs(60), gone)
                .await
                .unwrap_or_else(|_| panic!("the reader {pod_name} is still there"))
                .unwrap();
        }
    });
}

fn sha256_of(path: &Path) -> String {
    use std::io::Read as _;
    let mut file = std::fs::File::open(path).unwrap();
    let mut context = ring::digest::Context::new(&ring::digest::SHA256);
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buffer).unwrap();
        if n == 0 {
            break;
        }
        context.update(&buffer[..n]);
    }
    context
        .finish()
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every path below `top` with what it is: `dir`, `file MODE CONTENT-SHA256` or `link`.
fn tree(top: &Path) -> Vec<(Vec<u8>, String)> {
    let mut all = Vec::new();
    let mut next = vec![top.to_path_buf()];
    while let Some(dir) = next.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let below = path
                .strip_prefix(top)
                .unwrap()
                .as_os_str()
                .as_bytes()
                .to_vec();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let what = if meta.file_type().is_symlink() {
                "link".to_string()
            } else if meta.is_dir() {
                next.push(path.clone());
                "dir".to_string()
            } else {
                format!(
                    "file {:o} {}",
                    meta.permissions().mode() & 0o777,
                    sha256_of(&path)
                )
            };
            all.push((below, what));
        }
    }
    all.sort();
    all
}

const TREE: &str = r#"
mkdir -p /results/tree/a/b/c "/results/tree/empty dir"
printf 'deep\n' > /results/tree/a/b/c/deep.txt
printf 'spaced' > "/results/tree/with space.txt"
printf 'newline' > "/results/tree/new
line.txt"
printf 'latin' > "$(printf '/results/tree/caf\351')"
: > /results/tree/empty
printf '#!/bin/sh\necho hi\n' > /results/tree/run.sh
chmod 755 /results/tree/run.sh
ln -s /etc/passwd /results/tree/link
"#;

/// The tree TREE makes, as [`tree`] reads it below `top`'s parent.
fn expected_tree(prefix: &str) -> Vec<(Vec<u8>, String)> {
    let sum = |b: &[u8]| -> String {
        ring::digest::digest(&ring::digest::SHA256, b)
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let p = |rel: &[u8]| [prefix.as_bytes(), rel].concat();
    let mut all = vec![
        (p(b"tree"), "dir".to_string()),
        (p(b"tree/a"), "dir".into()),
        (p(b"tree/a/b"), "dir".into()),
        (p(b"tree/a/b/c"), "dir".into()),
        (p(b"tree/empty dir"), "dir".into()),
        (
            p(b"tree/a/b/c/deep.txt"),
            format!("file 644 {}", sum(b"deep\n")),
        ),
        (
            p(b"tree/with space.txt"),
            format!("file 644 {}", sum(b"spaced")),
        ),
        (
            p(b"tree/new\nline.txt"),
            format!("file 644 {}", sum(b"newline")),
        ),
        (p(b"tree/caf\xe9"), format!("file 644 {}", sum(b"latin"))),
        (p(b"tree/empty"), format!("file 644 {}", sum(b""))),
        (
            p(b"tree/run.sh"),
            format!("file 755 {}", sum(b"#!/bin/sh\necho hi\n")),
        ),
    ];
    all.sort();
    all
}

/// `.name.devctl-....part` files left anywhere below `top`.
fn temporaries(top: &Path) -> Vec<PathBuf> {
    tree(top)
        .into_iter()
        .map(|(p, _)| PathBuf::from(std::ffi::OsStr::from_bytes(&p)))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(".part"))
        })
        .collect()
}

#[test]
fn a_gib_of_random_bytes_and_a_tree_of_odd_names_come_back_byte_identical() {
    let Some(ns) = Ns::on_real_node("jobres-big") else {
        return;
    };
    let script = format!(
        "set -e\nhead -c 1073741824 /dev/urandom > /results/big.bin\n{TREE}\nsha256sum /results/big.bin\n"
    );
    jobs::run_job(ns.cluster, &ns.name, "big", 1, &script, true);
    let printed = logs(&ns, "big").join("");
    let in_pod = printed.split_whitespace().next().unwrap().to_string();
    assert_eq!(in_pod.len(), 64, "{printed}");

    let dest = ns.env.home().join("out");
    let out = ns.devctl(&["job", "results", "big", dest.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("skipped tree/link: a symbolic link"),
        "{}",
        stderr(&out)
    );
    assert_eq!(sha256_of(&dest.join("big.bin")), in_pod);
    assert_eq!(
        std::fs::metadata(dest.join("big.bin")).unwrap().len(),
        1 << 30
    );
    let mut got = tree(&dest);
    got.retain(|(p, _)| p.starts_with(b"tree"));
    assert_eq!(got, expected_tree(""));
    assert!(temporaries(&dest).is_empty());
    until_no_reader(&ns, "big");
}

#[test]
fn list_prints_path_size_and_sum_of_each_file_and_copies_nothing() {
    let Some(ns) = Ns::on_real_node("jobres-list") else {
        return;
    };
    jobs::run_job(
        ns.cluster,
        &ns.name,
        "lst",
        1,
        &format!("set -e\n{TREE}"),
        true,
    );
    let here = ns.env.home().join("cwd");
    std::fs::create_dir(&here).unwrap();
    let out = ns
        .env
        .devctl_at(ns.cluster.kubeconfig())
        .current_dir(&here)
        .args(["-n", &ns.name, "job", "results", "lst", "--list"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let table = stdout(&out);
    let deep = ring::digest::digest(&ring::digest::SHA256, b"deep\n");
    let deep: String = deep.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    assert!(table.starts_with("PATH "), "{table}");
    assert!(
        table.lines().any(
            |l| l.split_whitespace().collect::<Vec<_>>() == ["tree/a/b/c/deep.txt", "5", &deep]
        ),
        "{table}"
    );
    assert!(table.contains("tree/new\\nline.txt"), "{table}");
    assert!(table.contains("tree/caf\\xe9"), "{table}");
    assert!(!table.contains("tree/link"), "links are not result files");
    assert_eq!(
        std::fs::read_dir(&here).unwrap().count(),
        0,
        "--list copies nothing"
    );

    let out = ns.devctl(&["job", "results", "lst", "--list", "-o", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kind"], "JobResultFileList");
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 6, "{v}");
    let run = items.iter().find(|i| i["path"] == "tree/run.sh").unwrap();
    assert_eq!(run["executable"], true);
    assert_eq!(run["size"], 18);
    assert_eq!(run["index"], 0);
    until_no_reader(&ns, "lst");
}

#[test]
fn each_index_of_a_two_pod_job_goes_to_its_own_directory_unless_one_is_picked() {
    let Some(ns) = Ns::on_real_node("jobres-two") else {
        return;
    };
    jobs::run_job(
        ns.cluster,
        &ns.name,
        "two",
        2,
        "set -e\necho \"$JOB_COMPLETION_INDEX\" > /results/index.txt\nmkdir /results/sub\necho x > /results/sub/x",
        true,
    );
    let dest = ns.env.home().join("out");
    let out = ns.devctl(&["job", "results", "two", dest.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for i in ["0", "1"] {
        assert_eq!(
            std::fs::read_to_string(dest.join(i).join("index.txt")).unwrap(),
            format!("{i}\n")
        );
        assert_eq!(
            std::fs::read_to_string(dest.join(i).join("sub/x")).unwrap(),
            "x\n"
        );
    }

    let one = ns.env.home().join("one");
    let out = ns.devctl(&[
        "job",
        "results",
        "two",
        one.to_str().unwrap(),
        "--index",
        "1",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(one.join("index.txt")).unwrap(),
        "1\n"
    );
    let out = ns.devctl(&["job", "results", "two", "--index", "7", "--list"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no results of index 7"),
        "{}",
        stderr(&out)
    );
    until_no_reader(&ns, "two");

    // Kept past its Job, the one claim still says where each index is.
    let out = ns.devctl(&["job", "delete", "two", "--yes", "--keep-results"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let kept = ns.env.home().join("kept");
    let out = ns.devctl(&["job", "results", "two", kept.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for i in ["0", "1"] {
        assert_eq!(
            std::fs::read_to_string(kept.join(i).join("index.txt")).unwrap(),
            format!("{i}\n")
        );
    }
    until_no_reader(&ns, "two");
}

/// The host directory of the claim `claim` (the test cluster's volumes are host paths).
fn claim_dir(ns: &Ns, claim: &str) -> PathBuf {
    testcluster::block_on(async {
        let claims: Api<PersistentVolumeClaim> = ns.api().await;
        let volume = claims
            .get(claim)
            .await
            .unwrap()
            .spec
            .unwrap()
            .volume_name
            .unwrap();
        let pvs: Api<PersistentVolume> = Api::all(ns.cluster.client().await.unwrap());
        let pv = pvs.get(&volume).await.unwrap();
        PathBuf::from(pv.spec.unwrap().host_path.unwrap().path)
    })
}

#[test]
fn a_file_that_changes_between_its_sum_and_its_copy_is_refused_and_never_kept() {
    let Some(ns) = Ns::on_real_node("jobres-torn") else {
        return;
    };
    jobs::run_job(
        ns.cluster,
        &ns.name,
        "torn",
        1,
        "head -c 4194304 /dev/urandom > /results/data.bin",
        true,
    );
    let on_host = claim_dir(&ns, &job::results_claim_of_job("torn")).join("data.bin");
    assert!(on_host.exists(), "{}", on_host.display());

    // The proxy holds the listing's exec, then the copy's: in between, the file changes.
    let proxy = ns.cluster.proxy();
    let exec = format!("^/api/v1/namespaces/{}/pods/[^/]+/exec$", ns.name);
    let scope = testcluster::Scope::namespace(&ns.name);
    let listing = proxy
        .hold(&testcluster::Hold::new("GET", &exec).within(scope.clone()))
        .unwrap();
    let dest = ns.env.home().join("out");
    let running = ns
        .process(&["job", "results", "torn", dest.to_str().unwrap()])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The exec comes once the reader runs, which may take a while on a busy machine.
    proxy.wait_held(listing, Duration::from_secs(300)).unwrap();
    let copy = proxy
        .hold(&testcluster::Hold::new("GET", &exec).within(scope))
        .unwrap();
    proxy.release(listing).unwrap();
    proxy.wait_held(copy, Duration::from_secs(120)).unwrap();
    let mut bytes = std::fs::read(&on_host).unwrap();
    bytes[1000] ^= 0xff;
    std::fs::write(&on_host, &bytes).unwrap();
    proxy.release(copy).unwrap();

    let out = running.wait_with_output().unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("does not match"), "{}", stderr(&out));
    assert!(
        !dest.join("data.bin").exists(),
        "never under its final name"
    );
    assert!(temporaries(&dest).is_empty(), "{:?}", temporaries(&dest));
    until_no_reader(&ns, "torn");
}

#[test]
fn a_job_still_running_is_refused_and_an_unknown_one_is_not_found() {
    let Some(ns) = Ns::on_real_node("jobres-running") else {
        return;
    };
    jobs::run_job(ns.cluster, &ns.name, "slow", 1, "sleep 600", false);
    let out = ns.devctl(&["job", "results", "slow"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("job slow is still running"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("devctl job wait slow"),
        "{}",
        stderr(&out)
    );

    let out = ns.devctl(&["job", "results", "nothing-here"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("job nothing-here not found"),
        "{}",
        stderr(&out)
    );
    // Its pod would hold a share of the real node's two cores for ten minutes.
    testcluster::block_on(async {
        let jobs: Api<Job> = ns.api().await;
        jobs.delete("slow", &kube::api::DeleteParams::background())
            .await
            .unwrap();
    });
}

#[test]
fn ctrl_c_stops_with_130_and_removes_the_reader() {
    let Some(ns) = Ns::on_real_node("jobres-stop") else {
        return;
    };
    jobs::run_job(
        ns.cluster,
        &ns.name,
        "stop",
        1,
        "echo kept > /results/a",
        true,
    );
    // Held at its listing, devctl is stopped with Ctrl-C: the reader it made must go.
    let proxy = ns.cluster.proxy();
    let exec = format!("^/api/v1/namespaces/{}/pods/[^/]+/exec$", ns.name);
    let listing = proxy
        .hold(&testcluster::Hold::new("GET", &exec).within(testcluster::Scope::namespace(&ns.name)))
        .unwrap();
    let dest = ns.env.home().join("out");
    let running = ns
        .process(&["job", "results", "stop", dest.to_str().unwrap()])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The exec comes once the reader runs, which may take a while on a busy machine.
    proxy.wait_held(listing, Duration::from_secs(300)).unwrap();
    let readers = testcluster::block_on(async {
        let pods: Api<Pod> = ns.api().await;
        let selector = format!(
            "app.kubernetes.io/instance=stop,app.kubernetes.io/name={}",
            job::READER_KIND_VALUE
        );
        pods.list(&ListParams::default().labels(&selector))
            .await
            .unwrap()
            .items
            .len()
    });
    assert_eq!(readers, 1, "the reader runs while the listing is held");
    let sent = std::process::Command::new("kill")
        .args(["-INT", &running.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let out = running.wait_with_output().unwrap();
    proxy.release(listing).unwrap();
    assert_eq!(code(&out), 130, "{}", stderr(&out));
    assert!(!dest.join("a").exists());
    until_no_reader(&ns, "stop");
}

#[test]
fn ctrl_c_while_the_readers_create_is_unanswered_still_removes_the_reader() {
    let Some(ns) = Ns::on_real_node("jobres-post") else {
        return;
    };
    jobs::run_job(
        ns.cluster,
        &ns.name,
        "posted",
        1,
        "echo kept > /results/a",
        true,
    );
    // The reader's create is held at the proxy when Ctrl-C comes; it reaches the API server
    // only after that, and the pod it makes must still go.
    let proxy = ns.cluster.proxy();
    let create = format!("^/api/v1/namespaces/{}/pods$", ns.name);
    let held = proxy
        .hold(
            &testcluster::Hold::new("POST", &create)
                .within(testcluster::Scope::namespace(&ns.name)),
        )
        .unwrap();
    let dest = ns.env.home().join("out");
    let running = ns
        .process(&["job", "results", "posted", dest.to_str().unwrap()])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    proxy.wait_held(held, Duration::from_secs(120)).unwrap();
    let sent = std::process::Command::new("kill")
        .args(["-INT", &running.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    proxy.release(held).unwrap();
    let out = running.wait_with_output().unwrap();
    assert_eq!(code(&out), 130, "{}", stderr(&out));
    until_no_reader(&ns, "posted");
}
