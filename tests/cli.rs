//! devctl without a cluster: help, completions, configuration, and the errors a new user meets
//! before any request is made.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use common::fake_api::{self, FakeApi};
use common::{Env, stderr, stdout};

#[test]
fn help_lists_the_foundation_commands_and_each_has_help() {
    let env = Env::new();
    let out = env.devctl().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = stdout(&out);
    for cmd in ["status", "version", "config", "completions"] {
        assert!(
            help.contains(&format!("\n  {cmd} ")),
            "{cmd} missing from:\n{help}"
        );
    }
    // Every listed command answers --help: nothing is listed that clap cannot run.
    let commands = help
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help");
    for cmd in commands {
        let out = env.devctl().args([cmd, "--help"]).output().unwrap();
        assert!(out.status.success(), "{cmd} --help: {}", stderr(&out));
    }
}

#[test]
fn a_typo_in_a_flag_is_a_usage_error() {
    let env = Env::new();
    let out = env
        .devctl()
        .args(["status", "--namspace", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--namespace"),
        "clap suggests the flag: {}",
        stderr(&out)
    );
}

#[test]
fn completions_for_every_shell() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = env.devctl().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        assert!(stdout(&out).contains("devctl"), "{shell}");
    }
    let out = env.devctl().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn config_set_then_view_shows_value_and_source() {
    let env = Env::new();
    env.devctl()
        .args(["config", "set", "namespace", "dev-alice"])
        .assert()
        .success();
    env.devctl()
        .args(["config", "set", "ttl", "12h"])
        .assert()
        .success();
    let out = env
        .devctl()
        .args(["config", "view", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(view["kind"], "Config");
    let find = |key: &str| {
        view["settings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == key)
            .cloned()
            .unwrap()
    };
    assert_eq!(find("namespace")["value"], "dev-alice");
    assert_eq!(find("namespace")["source"], "file");
    assert_eq!(find("ttl")["value"], "12h");
    assert_eq!(find("image")["source"], "default");
    let path = env.devctl().args(["config", "path"]).output().unwrap();
    assert_eq!(
        stdout(&path).trim(),
        env.config_path().display().to_string()
    );
    env.devctl()
        .args(["config", "unset", "ttl"])
        .assert()
        .success();
    let text = std::fs::read_to_string(env.config_path()).unwrap();
    assert!(!text.contains("ttl"), "{text}");
}

#[test]
fn config_set_refuses_unknown_keys_and_bad_values() {
    let env = Env::new();
    let out = env
        .devctl()
        .args(["config", "set", "flavour", "big"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown setting \"flavour\""), "{err}");
    assert!(
        err.contains("namespace, context, flavor, image, ttl, ssh-key, ssh-transport, ssh-forward-agent, owner"),
        "{err}"
    );
    let out = env
        .devctl()
        .args(["config", "set", "ttl", "forever"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid duration"),
        "{}",
        stderr(&out)
    );
    assert!(!env.config_path().exists(), "nothing was written");
}

#[test]
fn a_malformed_config_file_is_one_line_naming_file_line_and_column() {
    let env = Env::new();
    std::fs::write(env.config_path(), "namespace: dev\nttl: [8h\n").unwrap();
    let out = env.devctl().args(["config", "view"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let first = err.lines().next().unwrap();
    let expected = format!(
        "error: malformed config file {}:",
        env.config_path().display()
    );
    assert!(first.starts_with(&expected), "{err}");
    assert!(
        first
            .split(':')
            .filter(|p| p.parse::<u32>().is_ok())
            .count()
            >= 2,
        "line and column: {first}"
    );
    assert_eq!(err.lines().filter(|l| l.starts_with("error:")).count(), 1);
}

#[test]
fn namespace_precedence_flag_env_file_context_default() {
    let env = Env::new();
    let namespace = |cmd: &mut assert_cmd::Command| -> (String, String) {
        let out = cmd.args(["config", "view", "-o", "json"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let view: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let entry = view["settings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == "namespace")
            .unwrap()
            .clone();
        (
            entry["value"].as_str().unwrap_or("").into(),
            entry["source"].as_str().unwrap_or("").into(),
        )
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(namespace(&mut env.devctl()), pair("default", "default"));
    let kubeconfig = fake_api::kubeconfig_for(
        "https://127.0.0.1:1",
        env.home(),
        &fake_api::token_user("t"),
        Some("from-context"),
    );
    let with_kubeconfig = || {
        let mut cmd = env.devctl();
        cmd.env("KUBECONFIG", &kubeconfig);
        cmd
    };
    assert_eq!(
        namespace(&mut with_kubeconfig()),
        pair("from-context", "context")
    );
    assert_eq!(
        namespace(with_kubeconfig().args(["--context", "other"])),
        pair("default", "default"),
        "the other context names no namespace"
    );
    std::fs::write(env.config_path(), "namespace: from-file\n").unwrap();
    assert_eq!(namespace(&mut with_kubeconfig()), pair("from-file", "file"));
    assert_eq!(
        namespace(with_kubeconfig().env("DEVCTL_NAMESPACE", "from-env")),
        pair("from-env", "env")
    );
    assert_eq!(
        namespace(
            with_kubeconfig()
                .env("DEVCTL_NAMESPACE", "from-env")
                .args(["-n", "from-flag"])
        ),
        pair("from-flag", "flag")
    );
}

#[test]
fn config_view_shows_the_kubeconfigs_current_context() {
    let env = Env::new();
    let kubeconfig = fake_api::kubeconfig_for(
        "https://127.0.0.1:1",
        env.home(),
        &fake_api::token_user("t"),
        None,
    );
    let out = env
        .devctl_at(&kubeconfig)
        .args(["config", "view"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(
        table
            .lines()
            .any(|l| l.split_whitespace().eq(["context", "fake", "kubeconfig"])),
        "{table}"
    );
    assert!(table.starts_with("KEY "), "{table}");
}

#[test]
fn an_unknown_context_lists_the_known_ones_and_suggests_one() {
    let env = Env::new();
    let kubeconfig = fake_api::kubeconfig_for(
        "https://127.0.0.1:1",
        env.home(),
        &fake_api::token_user("t"),
        None,
    );
    let out = env
        .devctl_at(&kubeconfig)
        .args(["--context", "fak", "status"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("error: context \"fak\" not found"), "{err}");
    assert!(err.contains("\nhint: did you mean \"fake\"?\n"), "{err}");
    assert!(err.contains("\nhint: known contexts: fake, other"), "{err}");
}

#[test]
fn a_closed_port_exits_7_and_names_the_url() {
    let env = Env::new();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("https://127.0.0.1:{closed}");
    let kubeconfig = fake_api::kubeconfig_for(&url, env.home(), &fake_api::token_user("t"), None);
    let out = env.devctl_at(&kubeconfig).arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("error: cannot reach the cluster at {url}")),
        "{err}"
    );
    assert!(err.contains("\nhint: "), "{err}");
    assert!(
        !err.contains("caused by"),
        "the cause chain waits for -v: {err}"
    );
    let out = env
        .devctl_at(&kubeconfig)
        .args(["status", "-v"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(err.contains("caused by: "), "{err}");
    assert!(err.contains("GET /version -> failed in "), "{err}");
}

#[test]
fn status_against_a_healthy_server_asks_everything_at_once() {
    let api = FakeApi::cluster(|_, _| true);
    let env = Env::new();
    let kubeconfig = api.kubeconfig(env.home(), &fake_api::token_user("t"), Some("team-a"));
    let out = env.devctl_at(&kubeconfig).arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for line in [
        format!("Server:    {}", api.url),
        "Version:   v1.99.0".into(),
        "Context:   fake (from kubeconfig)".into(),
        "Namespace: team-a (from kubeconfig context)".into(),
        "User:      alice".into(),
        "Groups:    devs, system:authenticated".into(),
    ] {
        assert!(
            text.contains(&format!("{line}\n")),
            "{line:?} not in\n{text}"
        );
    }
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().eq(["delete", "pods", "team-a", "yes"])),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no colour off a terminal");
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let requests = api.requests();
    assert_eq!(
        requests.len(),
        devctl::cluster::permissions::union().len() + 6,
        "version, identity, flavors, devservers, quotas, the reaper and an access review per permission"
    );
    assert!(
        requests
            .iter()
            .all(|r| r.header("authorization") == Some("Bearer t"))
    );
}

#[test]
fn status_json_follows_the_documented_schema() {
    let api = FakeApi::cluster(|_, _| true);
    let env = Env::new();
    let kubeconfig = api.kubeconfig(env.home(), &fake_api::token_user("t"), None);
    let out = env
        .devctl_at(&kubeconfig)
        .args(["status", "-o", "json", "-n", "dev-alice"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "apiVersion",
            "context",
            "contextSource",
            "devservers",
            "flavors",
            "kind",
            "namespace",
            "namespaceSource",
            "owner",
            "permissions",
            "quotas",
            "ready",
            "reaper",
            "server",
            "serverVersion",
            "user",
        ]
    );
    assert_eq!(v["namespace"], "dev-alice");
    assert_eq!(v["namespaceSource"], "flag");
    assert_eq!(v["ready"], true);
    assert_eq!(
        v["permissions"].as_array().unwrap().len(),
        devctl::cluster::permissions::union().len()
    );
}

#[test]
fn a_missing_required_permission_exits_5_and_the_table_shows_it() {
    let api = FakeApi::cluster(|verb, resource| !(verb == "create" && resource == "statefulsets"));
    let env = Env::new();
    let kubeconfig = api.kubeconfig(env.home(), &fake_api::token_user("t"), None);
    let out = env.devctl_at(&kubeconfig).arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.split_whitespace().eq([
            "create",
            "statefulsets.apps",
            "default",
            "NO"
        ])),
        "{text}"
    );
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "error: 1 required permission(s) missing in namespace default: create statefulsets.apps"
        ),
        "{err}"
    );
    assert!(err.contains("\nhint: "), "{err}");
}

#[test]
fn missing_optional_permissions_are_only_marked() {
    let api = FakeApi::cluster(|_, resource| resource != "nodes" && resource != "devserverflavors");
    let env = Env::new();
    let kubeconfig = api.kubeconfig(env.home(), &fake_api::token_user("t"), None);
    let out = env
        .devctl_at(&kubeconfig)
        .args(["status", "-o", "wide"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with("list ") && l.contains("nodes") && l.contains("no (optional)")),
        "{text}"
    );
    assert!(text.contains("REASON"), "wide adds the reason: {text}");
}

#[test]
fn servers_without_selfsubjectreview_show_an_unknown_user() {
    let healthy = FakeApi::cluster(|_, _| true);
    let healthy_url = healthy.url.clone();
    // A proxy of the healthy server that predates SelfSubjectReview (Kubernetes < 1.28).
    let api = FakeApi::start(move |req| {
        if req.path.ends_with("/selfsubjectreviews") {
            return fake_api::not_found();
        }
        forward(&healthy_url, req)
    });
    let env = Env::new();
    let kubeconfig = api.kubeconfig(env.home(), &fake_api::token_user("t"), None);
    let out = env.devctl_at(&kubeconfig).arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("User:      unknown (the server cannot tell)\n"),
        "{}",
        stdout(&out)
    );
}

/// Answers `req` as the fake server at `url` would (its handler is in-process, so ask it over
/// HTTP with a tiny client).
fn forward(url: &str, req: &fake_api::Request) -> (u16, serde_json::Value) {
    use std::io::{Read, Write};
    let addr = url.trim_start_matches("http://");
    let mut conn = std::net::TcpStream::connect(addr).unwrap();
    let body = if req.body.is_null() {
        String::new()
    } else {
        req.body.to_string()
    };
    write!(
        conn,
        "{} {} HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}",
        req.method,
        req.path,
        body.len()
    )
    .unwrap();
    conn.shutdown(std::net::Shutdown::Write).unwrap();
    let mut response = String::new();
    let _ = conn.read_to_string(&mut response);
    let code = response
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap();
    let body = response.split("\r\n\r\n").nth(1).unwrap_or("null");
    (code, serde_json::from_str(body).unwrap())
}

#[test]
fn rejected_credentials_exit_5_and_no_token_is_ever_printed() {
    let api = FakeApi::start(|_| fake_api::status(401, "Unauthorized", "Unauthorized"));
    let env = Env::new();
    let kubeconfig = api.kubeconfig(env.home(), &fake_api::token_user("s3cret-token"), None);
    for verbosity in ["-q", "-v", "-vv", "-vvv"] {
        let out = env
            .devctl_at(&kubeconfig)
            .args(["status", verbosity])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("(401 Unauthorized)"), "{err}");
        assert!(err.contains("\nhint: they may have expired"), "{err}");
        assert!(!err.contains("s3cret"), "{verbosity}: {err}");
        assert!(!stdout(&out).contains("s3cret"));
    }
    let out = env
        .devctl_at(&kubeconfig)
        .args(["status", "-vv"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(
        err.contains("GET /version -> 401 in "),
        "-v logs requests: {err}"
    );
    assert!(
        err.contains("< GET /version  content-type: application/json\n"),
        "-vv logs headers: {err}"
    );
    assert!(
        err.contains("> POST /apis/authentication.k8s.io/v1/selfsubjectreviews  content-type: "),
        "{err}"
    );
}

#[test]
fn an_exec_credential_plugin_supplies_the_token() {
    let api = FakeApi::cluster(|_, _| true);
    let env = Env::new();
    let plugin = env.home().join("fake-plugin.sh");
    std::fs::write(
        &plugin,
        "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"from-plugin\"}}'\n",
    )
    .unwrap();
    make_executable(&plugin);
    let user = format!(
        "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: {}\n      interactiveMode: Never",
        plugin.display()
    );
    let kubeconfig = api.kubeconfig(env.home(), &user, None);
    let out = env
        .devctl_at(&kubeconfig)
        .args(["status", "-vv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("from-plugin"), "{}", stderr(&out));
    assert!(
        api.requests()
            .iter()
            .all(|r| r.header("authorization") == Some("Bearer from-plugin"))
    );
}

#[test]
fn a_missing_credential_plugin_exits_5_and_names_it() {
    let env = Env::new();
    let user = "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: devctl-test-no-such-plugin\n      interactiveMode: Never";
    let kubeconfig = fake_api::kubeconfig_for("https://127.0.0.1:1", env.home(), user, None);
    let out = env.devctl_at(&kubeconfig).arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "error: cannot authenticate to https://127.0.0.1:1: cannot start the credential plugin"
        ),
        "{err}"
    );
    assert!(err.contains("hint: install the credential plugin"), "{err}");
}

#[cfg(unix)]
fn make_executable(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn version_reports_the_servers_when_it_answers() {
    let api = FakeApi::cluster(|_, _| true);
    let env = Env::new();
    let kubeconfig = api.kubeconfig(env.home(), &fake_api::token_user("t"), None);
    let out = env.devctl_at(&kubeconfig).arg("version").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "Client Version: {}\nServer Version: v1.99.0\n",
            env!("CARGO_PKG_VERSION")
        )
    );
}

#[test]
fn status_refuses_output_formats_it_cannot_print() {
    let env = Env::new();
    let out = env
        .devctl()
        .args(["status", "-o", "name"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(
            "error: status cannot print -o name\nhint: use -o table, -o wide, -o json, -o yaml"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_closed_stdout_is_a_clean_exit() {
    let env = Env::new();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_devctl"))
        .env_clear()
        .env("HOME", env.home())
        .args(["completions", "bash"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end at once, as `devctl ... | head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn nothing_is_coloured_off_a_terminal() {
    let env = Env::new();
    for args in [
        vec!["--help"],
        vec!["config", "view"],
        vec!["config", "set", "ttl", "never"],
        vec!["status", "--bogus"],
    ] {
        let out = env.devctl().args(&args).output().unwrap();
        assert!(!out.stdout.contains(&0x1b), "{args:?}: {}", stdout(&out));
        assert!(!out.stderr.contains(&0x1b), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn config_set_suggests_the_key_that_was_meant() {
    let env = Env::new();
    let out = env
        .devctl()
        .args(["config", "set", "namespce", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\nhint: did you mean \"namespace\"?\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn no_kubeconfig_says_where_one_is_looked_for() {
    let env = Env::new();
    let out = env.devctl().arg("status").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("error: no kubeconfig found"), "{err}");
    assert!(
        err.contains("hint: pass --kubeconfig FILE, set KUBECONFIG"),
        "{err}"
    );
}

#[test]
fn version_without_a_cluster_is_not_an_error() {
    let env = Env::new();
    let out = env.devctl().arg("version").output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        format!("Client Version: {}\n", env!("CARGO_PKG_VERSION"))
    );
    assert!(
        stderr(&out).contains("Server Version: unavailable"),
        "{}",
        stderr(&out)
    );
    let out = env
        .devctl()
        .args(["version", "-o", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["server"], serde_json::Value::Null);
    assert!(v["serverError"].as_str().unwrap().contains("no kubeconfig"));
}

#[test]
fn a_missing_kubeconfig_file_is_named() {
    let env = Env::new();
    let missing = env.home().join("nope.yaml");
    let out = env
        .devctl()
        .arg("--kubeconfig")
        .arg(&missing)
        .arg("status")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&missing.display().to_string()),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_server_that_never_answers_times_out_with_exit_6() {
    let env = Env::new();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    // Accept and hold every connection without a byte of answer.
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for conn in listener.incoming().flatten() {
            held.push(conn);
        }
    });
    let kubeconfig = env.home().join("hang.yaml");
    std::fs::write(
        &kubeconfig,
        format!(
            "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://{addr}\n    insecure-skip-tls-verify: true\nusers:\n- name: u\n  user:\n    token: t\ncontexts:\n- name: x\n  context:\n    cluster: c\n    user: u\ncurrent-context: x\n"
        ),
    )
    .unwrap();
    let out = env
        .devctl()
        .arg("--kubeconfig")
        .arg(&kubeconfig)
        .args(["--request-timeout", "1s", "status"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("timed out talking to https://{addr}")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_devserver_name_starting_with_a_digit_is_refused_before_anything_is_made() {
    let env = Env::new();
    let out = env
        .devctl()
        .args([
            "create",
            "1box",
            "--dry-run",
            "--offline",
            "--flavor",
            "cpu-small",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("\"1box\"") && err.contains("starting with a letter"),
        "{err}"
    );
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
}

#[test]
fn a_ttl_too_long_for_a_timestamp_is_a_usage_error_not_an_expired_devserver() {
    let env = Env::new();
    // 2^64 - 3600 seconds: cast to a signed number of seconds, it is an hour ago.
    for ttl in ["18446744073709548016s", "999999999999d"] {
        let out = env
            .devctl()
            .args([
                "create",
                "box",
                "--dry-run",
                "--offline",
                "--flavor",
                "cpu-small",
            ])
            .args(["--ttl", ttl])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{ttl}: {}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("at most 365d"), "{err}");
        assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    }
}
