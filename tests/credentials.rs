//! Exec credential plugins against the real test cluster: a plugin that fails when kube asks it
//! to refresh a token is an authentication failure (exit 5), and what it printed on stdout
//! (where plugins put tokens) is never shown, not even with -vvv.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::path::{Path, PathBuf};

use common::{Env, stderr, stdout};

/// What the failing plugin prints on stdout: shaped like a credential, so that it would be
/// shown if anything printed the plugin's output.
const FAKE_TOKEN: &str = "fake-secret-token-0b7d3c9e";

/// A plugin that hands out `token` with an expiry two seconds away. kube runs the plugin twice
/// while it builds the client (once looking for a client certificate, once for the token),
/// then again before any request whose token expires within a minute: so the third run is a
/// refresh, on devctl's first request. That run, and every later one, fails after printing a
/// credential with `FAKE_TOKEN` on stdout.
fn refresh_failing_plugin(dir: &Path, server: &str, ca_pem: &str, token: &str) -> PathBuf {
    use base64::Engine as _;
    use std::os::unix::fs::PermissionsExt as _;
    let expires =
        k8s_openapi::jiff::Timestamp::now() + k8s_openapi::jiff::SignedDuration::from_secs(2);
    let credential = serde_json::json!({
        "apiVersion": "client.authentication.k8s.io/v1",
        "kind": "ExecCredential",
        "status": { "token": token, "expirationTimestamp": expires.strftime("%Y-%m-%dT%H:%M:%SZ").to_string() },
    });
    std::fs::write(dir.join("credential.json"), credential.to_string()).unwrap();
    let refused = serde_json::json!({
        "apiVersion": "client.authentication.k8s.io/v1",
        "kind": "ExecCredential",
        "status": { "token": FAKE_TOKEN },
    });
    std::fs::write(dir.join("refused.json"), refused.to_string()).unwrap();
    let script = dir.join("plugin.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\n\
         here=$(dirname \"$0\")\n\
         echo run >> \"$here/runs\"\n\
         if [ \"$(wc -l < \"$here/runs\")\" -gt 2 ]; then\n\
         \x20 cat \"$here/refused.json\"\n\
         \x20 echo 'plugin: your session expired, log in again' >&2\n\
         \x20 exit 1\n\
         fi\n\
         cat \"$here/credential.json\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let kubeconfig = dir.join("exec.yaml");
    let ca = base64::engine::general_purpose::STANDARD.encode(ca_pem);
    std::fs::write(
        &kubeconfig,
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: {server}\n    certificate-authority-data: {ca}\nusers:\n- name: u\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: {}\n      interactiveMode: Never\ncontexts:\n- name: x\n  context:\n    cluster: c\n    user: u\ncurrent-context: x\n",
            script.display()
        ),
    )
    .unwrap();
    kubeconfig
}

#[test]
fn a_plugin_failing_on_refresh_exits_5_and_its_stdout_is_never_shown() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.namespace("credentials").unwrap();
    let user = testcluster::block_on(cluster.service_account_user(&ns, "plugin")).unwrap();
    let token = std::fs::read_to_string(&user.kubeconfig)
        .unwrap()
        .lines()
        .find_map(|l| l.trim().strip_prefix("token: ").map(str::to_string))
        .unwrap();
    let env = Env::new();
    let kubeconfig = refresh_failing_plugin(env.home(), cluster.server(), cluster.ca_pem(), &token);
    for args in [
        &["list", "-n", &ns][..],
        &["list", "-n", &ns, "-vvv"],
        &["status", "-n", &ns, "-vvv"],
        &["describe", "nothing", "-n", &ns, "-vvv"],
    ] {
        // Each devctl starts with a plugin that has handed out nothing yet.
        let _ = std::fs::remove_file(env.home().join("runs"));
        let out = env.devctl_at(&kubeconfig).args(args).output().unwrap();
        let (out_text, err_text) = (stdout(&out), stderr(&out));
        assert_eq!(out.status.code(), Some(5), "{args:?}: {err_text}");
        assert_eq!(out_text, "", "{args:?}: the error goes to stderr only");
        let runs = std::fs::read_to_string(env.home().join("runs")).unwrap_or_default();
        assert!(runs.lines().count() > 2, "{args:?}: no refresh: {err_text}");
        for secret in [FAKE_TOKEN, token.as_str()] {
            assert!(
                !out_text.contains(secret) && !err_text.contains(secret),
                "{args:?} shows a token:\nstdout: {out_text}\nstderr: {err_text}"
            );
        }
        let errors: Vec<&str> = err_text
            .lines()
            .filter(|l| l.starts_with("error:"))
            .collect();
        assert_eq!(errors.len(), 1, "{args:?}: {err_text}");
        assert!(
            errors[0].contains("credential plugin") && errors[0].contains("failed"),
            "{args:?}: {err_text}"
        );
        if args.contains(&"-vvv") {
            // The failure came with a request (a refresh), not while the client was built.
            assert!(
                err_text.lines().any(|l| l.contains(" -> failed in ")),
                "{args:?}: {err_text}"
            );
            // What the plugin said for people, on stderr, is shown.
            assert!(
                err_text.contains("plugin: your session expired, log in again"),
                "{args:?}: {err_text}"
            );
        }
    }
}
