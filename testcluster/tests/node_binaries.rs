//! The real node's programs, built from their Go modules, report the pinned releases and the
//! features the node depends on (runc's seccomp, CoreDNS's kubernetes plugin).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use testcluster::NodeBinaries;

/// The node's programs, built once per test binary; `None` (with the reason printed) where
/// the real node cannot run, which is a failure under `TESTCLUSTER_REQUIRED`.
fn node_or_skip() -> Option<&'static NodeBinaries> {
    static NODE: OnceLock<Option<NodeBinaries>> = OnceLock::new();
    NODE.get_or_init(|| match testcluster::node_unavailable_reason() {
        None => Some(testcluster::ensure_node().unwrap_or_else(|e| panic!("testcluster: {e}"))),
        Some(reason) if std::env::var_os("TESTCLUSTER_REQUIRED").is_some() => {
            panic!("testcluster: {reason} (and TESTCLUSTER_REQUIRED is set)")
        }
        Some(reason) => {
            eprintln!("skipping: {reason}");
            None
        }
    })
    .as_ref()
}

/// Runs `program` with `args` and `stdin`, and returns its stdout; fails the test unless it
/// exits 0.
fn output(program: &Path, args: &[&str], env: &[(&str, &str)], stdin: &str) -> String {
    run(program, args, env, stdin).0
}

/// Runs `program` as [`output`] does, and returns its stdout and its stderr.
fn run(program: &Path, args: &[&str], env: &[(&str, &str)], stdin: &str) -> (String, String) {
    let mut child = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("running {}: {e}", program.display()));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("writing stdin");
    let out = child.wait_with_output().expect("waiting");
    assert!(
        out.status.success(),
        "{} {args:?}: {}\n{}",
        program.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn containerd_shim_and_ctr_report_the_pinned_release() {
    let Some(node) = node_or_skip() else { return };
    let version = NodeBinaries::CONTAINERD_VERSION;
    let containerd = output(&node.containerd, &["--version"], &[], "");
    assert!(
        containerd.starts_with(&format!(
            "containerd github.com/containerd/containerd/v2 {version}"
        )),
        "{containerd}"
    );
    let ctr = output(&node.ctr, &["--version"], &[], "");
    assert!(ctr.contains(version), "{ctr}");
    let shim = output(&node.containerd_shim_runc_v2, &["-v"], &[], "");
    assert!(shim.contains(&format!("Version:  {version}")), "{shim}");
}

#[test]
fn runc_reports_the_pinned_release_and_seccomp() {
    let Some(node) = node_or_skip() else { return };
    let version = output(&node.runc, &["--version"], &[], "");
    let release = NodeBinaries::RUNC_VERSION.trim_start_matches('v');
    assert!(
        version.starts_with(&format!("runc version {release}\n")),
        "{version}"
    );
    assert!(
        version.lines().any(|l| l.starts_with("libseccomp: ")),
        "runc was built without seccomp:\n{version}"
    );
    let features: serde_json::Value =
        serde_json::from_str(&output(&node.runc, &["features"], &[], "")).expect("features");
    assert_eq!(
        features["linux"]["seccomp"]["enabled"],
        serde_json::Value::Bool(true),
        "{features}"
    );
}

#[test]
fn kubelet_reports_the_control_plane_release() {
    let Some(node) = node_or_skip() else { return };
    let version = output(&node.kubelet, &["--version"], &[], "");
    assert_eq!(
        version.trim(),
        format!("Kubernetes {}", testcluster::KUBERNETES_VERSION)
    );
}

#[test]
fn coredns_has_the_kubernetes_plugin_and_no_forward() {
    let Some(node) = node_or_skip() else { return };
    let version = output(&node.coredns, &["-version"], &[], "");
    let release = NodeBinaries::COREDNS_VERSION.trim_start_matches('v');
    assert!(
        version.starts_with(&format!("CoreDNS-{release}\n")),
        "{version}"
    );
    let plugins = output(&node.coredns, &["-plugins"], &[], "");
    let listed: Vec<&str> = plugins.lines().map(str::trim).collect();
    for plugin in NodeBinaries::COREDNS_PLUGINS {
        assert!(
            listed.contains(&plugin),
            "{plugin} missing from:\n{plugins}"
        );
    }
    assert!(!listed.contains(&"forward"), "{plugins}");
}

#[test]
fn cni_plugins_answer_the_version_command_with_the_pinned_release() {
    let Some(node) = node_or_skip() else { return };
    for plugin in NodeBinaries::CNI_PLUGINS {
        let program = node.cni_bin_dir.join(plugin);
        let answer = output(&program, &[], &[("CNI_COMMAND", "VERSION")], "{}");
        let answer: serde_json::Value =
            serde_json::from_str(&answer).unwrap_or_else(|e| panic!("{plugin}: {e}: {answer:?}"));
        let supported = answer["supportedVersions"].as_array();
        assert!(
            supported.is_some_and(|v| v.contains(&"1.0.0".into())),
            "{plugin}: {answer}"
        );
        // The plugins print their release on stderr.
        let (_, about) = run(&program, &["--version"], &[], "");
        assert!(
            about.contains(&format!("plugin {}", NodeBinaries::CNI_PLUGINS_VERSION)),
            "{plugin}: {about}"
        );
    }
}
