//! devctl without a cluster: help, completions, configuration, and the errors a new user meets
//! before any request is made.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use common::{Env, stderr, stdout};

#[test]
fn help_lists_only_working_commands() {
    let env = Env::new();
    let out = env.devctl().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = stdout(&out);
    for cmd in ["status", "version", "config", "completions"] {
        assert!(help.contains(cmd), "{cmd} missing from:\n{help}");
    }
    assert!(
        !help.contains("\n  create"),
        "create is not built yet:\n{help}"
    );
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
        err.contains("namespace, context, flavor, image, ttl, ssh-key, ssh-transport, owner"),
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
fn namespace_precedence_flag_env_file_default() {
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
    assert_eq!(
        namespace(&mut env.devctl()),
        ("".into(), "".into()),
        "unset by default"
    );
    std::fs::write(env.config_path(), "namespace: from-file\n").unwrap();
    assert_eq!(
        namespace(&mut env.devctl()),
        ("from-file".into(), "file".into())
    );
    let mut with_env = env.devctl();
    with_env.env("DEVCTL_NAMESPACE", "from-env");
    assert_eq!(namespace(&mut with_env), ("from-env".into(), "env".into()));
    let mut with_flag = env.devctl();
    with_flag
        .env("DEVCTL_NAMESPACE", "from-env")
        .args(["-n", "from-flag"]);
    assert_eq!(
        namespace(&mut with_flag),
        ("from-flag".into(), "flag".into())
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
