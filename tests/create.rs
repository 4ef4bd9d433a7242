//! `devctl create` end to end: what its rollback leaves (and says it leaves), dry runs that
//! show no secret and resolve what create would make, `-f` files, and no secret value printed
//! at any verbosity over a devserver's whole life.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use common::ns::Ns;
use common::{Env, stderr, stdout};
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::Secret;
use kube::api::Api;
use testcluster::Fault;

/// An OpenSSH public key file in the test's HOME.
fn public_key(env: &Env) -> std::path::PathBuf {
    let (_, _, public) = devctl::ssh::keys::generate("tester").unwrap();
    let path = env.home().join("tester.pub");
    std::fs::write(&path, format!("{public}\n")).unwrap();
    path
}

fn offline_dry_run(env: &Env, extra: &[&str]) -> std::process::Output {
    offline_dry_run_with(env, &[], extra)
}

/// The same, with `vars` set in devctl's environment.
fn offline_dry_run_with(env: &Env, vars: &[(&str, &str)], extra: &[&str]) -> std::process::Output {
    let key = public_key(env);
    env.devctl()
        .envs(vars.iter().copied())
        .args(["create", "--dry-run", "--offline", "--flavor", "cpu-small"])
        .arg("--ssh-key")
        .arg(&key)
        .args(extra)
        .output()
        .unwrap()
}

/// A create whose ConfigMap create fails, so that it rolls back, and whose deletes of the
/// given paths (under the namespace) fail too.
fn create_failing_with_undeletable(
    ns: &Ns,
    name: &str,
    undeletable: &[&str],
) -> (Option<i32>, String) {
    let base = format!("^/api/v1/namespaces/{}", ns.name);
    let proxy = ns.cluster.proxy();
    proxy
        .fail_next(&Fault::new("POST", &format!("{base}/configmaps$"), 500, 1))
        .unwrap();
    for path in undeletable {
        let path = format!("^/apis?(/apps)?/v1/namespaces/{}/{path}$", ns.name);
        proxy
            .fail_next(&Fault::new("DELETE", &path, 500, 1))
            .unwrap();
    }
    let out = ns.devctl(&["create", name]);
    (out.status.code(), stderr(&out))
}

#[test]
fn a_create_whose_statefulset_answer_is_lost_is_read_back_and_completed() {
    let Some(ns) = Ns::new("lost-answer") else {
        return;
    };
    // The API server makes the StatefulSet and its answer never reaches devctl: the create
    // reads it back, finds its own stamp, and makes the rest.
    let sets = format!("^/apis/apps/v1/namespaces/{}/statefulsets$", ns.name);
    ns.cluster
        .proxy()
        .fail_next(&Fault::lose_answer("POST", &sets, 1))
        .unwrap();
    let out = ns.devctl(&["create", "lost"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(ns.get::<StatefulSet>("lost").is_some());
    assert!(
        ns.get::<Secret>("lost-ssh").is_some(),
        "the children were made"
    );
}

#[test]
fn a_rollback_that_cannot_delete_says_exactly_what_remains() {
    let Some(ns) = Ns::new("leftover") else {
        return;
    };
    let (code, err) =
        create_failing_with_undeletable(&ns, "stuck", &["secrets/stuck-ssh", "statefulsets/stuck"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("creating the ConfigMap"), "{err}");
    assert!(
        err.contains("secret/stuck-ssh") && err.contains("statefulset/stuck"),
        "{err}"
    );
    assert!(!err.contains("nothing was left behind"), "{err}");
    assert!(
        err.contains(&format!(
            "kubectl delete secret/stuck-ssh statefulset/stuck -n {}",
            ns.name
        )) || err.contains(&format!(
            "kubectl delete statefulset/stuck secret/stuck-ssh -n {}",
            ns.name
        )),
        "{err}"
    );
    assert_eq!(
        ns.everything(),
        ["secret/stuck-ssh", "statefulset/stuck"],
        "exactly those remain"
    );
}

#[test]
fn a_child_the_rollback_cannot_delete_is_left_to_the_garbage_collector() {
    let Some(ns) = Ns::new("collected") else {
        return;
    };
    let (code, err) = create_failing_with_undeletable(&ns, "orphan", &["secrets/orphan-ssh"]);
    // The StatefulSet is gone, so its Secret goes with it: the create's own failure counts.
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("secret/orphan-ssh could not be deleted; the garbage collector removes it"),
        "{err}"
    );
    assert!(!err.contains("kubectl delete"), "{err}");
    // And it does.
    testcluster::block_on(async {
        use kube::runtime::wait::{await_condition, conditions};
        let secrets = Api::<Secret>::namespaced(ns.cluster.client().await.unwrap(), &ns.name);
        if let Some(left) = secrets.get_opt("orphan-ssh").await.unwrap() {
            let uid = left.metadata.uid.unwrap();
            let gone = await_condition(secrets, "orphan-ssh", conditions::is_deleted(&uid));
            tokio::time::timeout(std::time::Duration::from_secs(60), gone)
                .await
                .expect("the garbage collector removes the Secret")
                .unwrap();
        }
    });
}

#[test]
fn a_dry_run_redacts_every_secret_value_unless_asked() {
    let env = Env::new();
    let env_file = env.home().join("tokens.env");
    std::fs::write(&env_file, "API_TOKEN=tok-5ecr3t-value\n").unwrap();
    let env_flag = env_file.display().to_string();
    let out = offline_dry_run(&env, &["box", "--env-file", &env_flag]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains("PRIVATE KEY"), "{text}");
    assert!(!text.contains("tok-5ecr3t-value"), "{text}");
    assert!(text.contains("<redacted>"), "{text}");
    assert!(text.contains("name: box-env"), "{text}");

    let shown = offline_dry_run(&env, &["box", "--env-file", &env_flag, "--show-secrets"]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    let text = stdout(&shown);
    assert!(text.contains("BEGIN OPENSSH PRIVATE KEY"), "{text}");
    assert!(text.contains("tok-5ecr3t-value"), "{text}");

    let refused = env
        .devctl()
        .args(["create", "box", "--show-secrets"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2), "only with --dry-run");
}

#[test]
fn the_files_namespace_is_used_unless_n_names_another() {
    let env = Env::new();
    let file = env.home().join("dev.yaml");
    std::fs::write(
        &file,
        "apiVersion: devserver.io/v1\nkind: DevServer\nmetadata: {name: filed, namespace: team-a}\nspec: {owner: carol@example.com}\n",
    )
    .unwrap();
    let path = file.display().to_string();
    let out = offline_dry_run(&env, &["-f", &path, "-o", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for item in list["items"].as_array().unwrap() {
        assert_eq!(item["metadata"]["namespace"], "team-a", "{item}");
    }
    assert!(
        offline_dry_run(&env, &["-f", &path, "-n", "team-a"])
            .status
            .success(),
        "-n may agree"
    );
    let clash = offline_dry_run(&env, &["-f", &path, "-n", "team-b"]);
    let err = stderr(&clash);
    assert_eq!(clash.status.code(), Some(2), "{err}");
    assert!(
        err.contains("team-a") && err.contains("team-b"),
        "names both: {err}"
    );
    assert_eq!(
        err.lines().next().map(|l| l.starts_with("error: ")),
        Some(true)
    );
}

#[test]
fn a_files_public_key_is_checked_like_ssh_key() {
    let env = Env::new();
    let file = env.home().join("dev.yaml");
    std::fs::write(
        &file,
        "apiVersion: devserver.io/v1\nkind: DevServer\nmetadata: {name: filed}\nspec:\n  ssh: {publicKey: \"ssh-ed25519 not-a-key\"}\n",
    )
    .unwrap();
    let out = env
        .devctl()
        .args([
            "create",
            "--dry-run",
            "--offline",
            "--flavor",
            "cpu-small",
            "-f",
        ])
        .arg(&file)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("spec.ssh.publicKey"), "{err}");
    assert!(
        !err.contains("panicked") && err.lines().count() <= 2,
        "{err}"
    );
}

#[test]
fn a_dry_run_prints_what_create_then_makes() {
    let Some(ns) = Ns::new("same") else { return };
    let key = public_key(&ns.env);
    let key = key.display().to_string();
    let common = [
        "create",
        "twin",
        "--home",
        "1Gi",
        "-e",
        "A=1",
        "--ssh-key",
        &key,
    ];
    let dry = ns.devctl(&[&common[..], &["--dry-run", "-o", "json"]].concat());
    assert!(dry.status.success(), "{}", stderr(&dry));
    let out = ns.devctl(&common);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed: serde_json::Value = serde_json::from_slice(&dry.stdout).unwrap();
    let printed_set = printed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "StatefulSet")
        .unwrap()
        .clone();
    let made = testcluster::block_on(async {
        Api::<StatefulSet>::namespaced(ns.cluster.client().await.unwrap(), &ns.name)
            .get("twin")
            .await
            .unwrap()
    });
    let made = serde_json::to_value(made).unwrap();
    // What differs between two runs by design: the generated host key, the expiry, and the
    // id a real create stamps on what it sends (to read it back when the answer is lost).
    let comparable = |set: &serde_json::Value| {
        let mut annotations = set["metadata"]["annotations"].clone();
        let map = annotations.as_object_mut().unwrap();
        map.remove("devserver.io/host-key");
        map.remove("devserver.io/expires-at");
        map.remove("devserver.io/create-id");
        let container = &set["spec"]["template"]["spec"]["containers"][0];
        serde_json::json!({
            "labels": set["metadata"]["labels"],
            "annotations": annotations,
            "image": container["image"],
            "command": container["command"],
            "env": container["env"],
            "resources": container["resources"],
            "mounts": container["volumeMounts"],
            "claims": set["spec"]["volumeClaimTemplates"][0]["spec"]["resources"],
        })
    };
    assert_eq!(comparable(&printed_set), comparable(&made));
    // The owner is who the cluster says the user is, in both.
    assert_eq!(
        made["metadata"]["annotations"]["devserver.io/owner"],
        "admin"
    );
}

/// A ServiceAccount allowed to do everything in `ns`, its token, and a kubeconfig with it.
fn token_user(ns: &Ns) -> (std::path::PathBuf, String) {
    use k8s_openapi::api::authorization::v1::{
        ResourceAttributes, SelfSubjectAccessReview, SelfSubjectAccessReviewSpec,
    };
    use k8s_openapi::api::rbac::v1::RoleBinding;
    let user = testcluster::block_on(async {
        let user = ns
            .cluster
            .service_account_user(&ns.name, "tok")
            .await
            .unwrap();
        let binding: RoleBinding = serde_json::from_value(serde_json::json!({
            "metadata": { "name": "tok-admin" },
            "roleRef": { "apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "admin" },
            "subjects": [{ "kind": "ServiceAccount", "name": "tok", "namespace": ns.name }],
        }))
        .unwrap();
        Api::<RoleBinding>::namespaced(ns.cluster.client().await.unwrap(), &ns.name)
            .create(&Default::default(), &binding)
            .await
            .unwrap();
        // The authorizer sees the binding a moment after it is written: ask as the user
        // until it does, so that the scenario below never meets a half-granted user.
        let reviews =
            Api::<SelfSubjectAccessReview>::all(ns.cluster.client_for(&user).await.unwrap());
        let review = SelfSubjectAccessReview {
            spec: SelfSubjectAccessReviewSpec {
                resource_attributes: Some(ResourceAttributes {
                    namespace: Some(ns.name.clone()),
                    verb: Some("create".into()),
                    group: Some("apps".into()),
                    resource: Some("statefulsets".into()),
                    ..ResourceAttributes::default()
                }),
                ..SelfSubjectAccessReviewSpec::default()
            },
            ..SelfSubjectAccessReview::default()
        };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let answer = reviews.create(&Default::default(), &review).await.unwrap();
            if answer.status.is_some_and(|s| s.allowed) {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the binding never took effect"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        user
    });
    let kubeconfig = std::fs::read_to_string(&user.kubeconfig).unwrap();
    let token = kubeconfig
        .lines()
        .find_map(|l| l.trim().strip_prefix("token: "))
        .map(|t| t.trim_matches('"').to_string())
        .expect("a token in the kubeconfig");
    assert!(token.len() > 20);
    (user.kubeconfig, token)
}

#[test]
fn no_secret_is_printed_at_any_verbosity_over_a_whole_life() {
    let Some(ns) = Ns::new("secrets") else {
        return;
    };
    let (kubeconfig, token) = token_user(&ns);
    let env_file = ns.env.home().join("tokens.env");
    std::fs::write(&env_file, "HF_TOKEN=hf-9c0ffee-never-print\n").unwrap();
    let env_flag = env_file.display().to_string();
    let devctl = |args: &[&str]| {
        ns.env
            .devctl_at(&kubeconfig)
            .args(["-n", &ns.name, "-vvv"])
            .args(args)
            .output()
            .unwrap()
    };
    let created = devctl(&[
        "create",
        "quiet",
        "--env-file",
        &env_flag,
        "--wait",
        "--timeout",
        "2m",
    ]);
    assert!(created.status.success(), "{}", stderr(&created));
    let private_key = testcluster::block_on(async {
        let secret = Api::<Secret>::namespaced(ns.cluster.client().await.unwrap(), &ns.name)
            .get("quiet-ssh")
            .await
            .unwrap();
        String::from_utf8(secret.data.unwrap()["ssh_host_ed25519_key"].0.clone()).unwrap()
    });
    // The body of the key, without its BEGIN/END lines.
    let key_lines: Vec<&str> = private_key
        .lines()
        .filter(|l| !l.starts_with("-----") && l.len() > 20)
        .collect();
    assert!(!key_lines.is_empty());
    let mut outputs = vec![("create", created)];
    for args in [
        &["list"][..],
        &["list", "-o", "yaml"],
        &["describe", "quiet"],
        &["describe", "quiet", "-o", "json"],
        &["extend", "quiet", "--ttl", "1h"],
        &["stop", "quiet"],
        &["start", "quiet"],
        &["delete", "quiet", "--yes", "--wait"],
    ] {
        let out = devctl(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        outputs.push((args[0], out));
    }
    for (command, out) in &outputs {
        let all = format!("{}{}", stdout(out), stderr(out));
        assert!(
            all.contains("GET") || all.contains("POST"),
            "-vvv logs requests"
        );
        assert!(!all.contains(&token), "{command} printed the bearer token");
        assert!(
            !all.contains("hf-9c0ffee-never-print"),
            "{command} printed an env-file value"
        );
        for line in &key_lines {
            assert!(
                !all.contains(line),
                "{command} printed the host private key"
            );
        }
        assert!(!all.contains("PRIVATE KEY"), "{command}");
    }
}

/// Starts `devctl -n NS ARGS` in the background, with its stderr captured.
fn spawn_devctl(ns: &Ns, args: &[&str]) -> std::process::Child {
    ns.env
        .process()
        .arg("--kubeconfig")
        .arg(ns.cluster.kubeconfig())
        .args(["-n", &ns.name])
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

fn send(child: &std::process::Child, signal: &str) {
    let sent = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// Holds the next `method` request to `resource` in the namespace; `wait_held` then tells
/// when devctl is certainly at that step.
fn hold_until_sent(ns: &Ns, method: &str, resource: &str) -> testcluster::HoldId {
    let path = format!("^/apis?(/apps)?/v1/namespaces/{}/{resource}$", ns.name);
    ns.cluster
        .proxy()
        .hold(&testcluster::Hold::new(method, &path))
        .unwrap()
}

#[test]
fn a_signal_while_objects_are_made_rolls_back_what_was_made() {
    for (signal, code, step, name) in [
        ("INT", 130, "secrets", "sigint"),
        ("TERM", 143, "statefulsets", "sigterm"),
    ] {
        let Some(ns) = Ns::new(&format!("signal-{name}")) else {
            return;
        };
        let proxy = ns.cluster.proxy();
        let hold = hold_until_sent(&ns, "POST", step);
        let child = spawn_devctl(&ns, &["create", name]);
        proxy
            .wait_held(hold, std::time::Duration::from_secs(60))
            .unwrap();
        send(&child, signal);
        // The request in flight finishes, so that devctl knows what it made.
        proxy.release(hold).unwrap();
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(code), "{signal}: {err}");
        assert!(err.contains("was not created"), "{signal}: {err}");
        assert!(err.contains("nothing was left behind"), "{signal}: {err}");
        assert_eq!(ns.everything(), Vec::<String>::new(), "{signal}");
    }
}

#[test]
fn a_signal_during_wait_leaves_the_devserver_and_says_how_to_delete_it() {
    let Some(ns) = Ns::new("signal-wait") else {
        return;
    };
    let proxy = ns.cluster.proxy();
    // The pod watch of --wait: devctl has made everything when it asks.
    let hold = hold_until_sent(&ns, "GET", "pods");
    let child = spawn_devctl(&ns, &["create", "waiter", "--wait", "--timeout", "2m"]);
    proxy
        .wait_held(hold, std::time::Duration::from_secs(60))
        .unwrap();
    // The watch starts beside the create of the StatefulSet's children: wait until devctl says
    // they are made (the proxy having answered is not enough: the answers may still be on
    // their way to devctl), so that it is only waiting.
    let mut child = child;
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(child.stderr.take().unwrap()));
    let mut said = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        let created = line.starts_with("devserver waiter created");
        said.push(line);
        if created {
            break;
        }
    }
    send(&child, "INT");
    said.extend(lines.map(Result::unwrap));
    let out = child.wait_with_output().unwrap();
    proxy.release(hold).unwrap();
    let err = said.join("\n");
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("left as it is"), "{err}");
    assert!(
        err.contains(&format!("devctl delete waiter --yes -n {}", ns.name)),
        "{err}"
    );
    assert_eq!(
        ns.everything(),
        [
            "configmap/waiter-init",
            "secret/waiter-ssh",
            "service/waiter",
            "statefulset/waiter"
        ]
    );
}

#[test]
fn a_format_create_cannot_print_is_a_usage_error_naming_the_ones_it_can() {
    let env = Env::new();
    let dry = offline_dry_run(&env, &["box", "-o", "name"]);
    assert_eq!(dry.status.code(), Some(2), "{}", stderr(&dry));
    assert!(stderr(&dry).contains("-o yaml"), "{}", stderr(&dry));
    // Refused before it looks for a cluster: there is no kubeconfig here.
    let wide = env
        .devctl()
        .args(["create", "box", "-o", "wide"])
        .output()
        .unwrap();
    assert_eq!(wide.status.code(), Some(2), "{}", stderr(&wide));
    assert!(stderr(&wide).contains("-o json"), "{}", stderr(&wide));
}

#[test]
fn a_devserver_with_a_home_runs_only_once_its_secret_and_configmap_exist() {
    let Some(ns) = Ns::new("homefirst") else {
        return;
    };
    let proxy = ns.cluster.proxy();
    let hold = hold_until_sent(&ns, "POST", "configmaps");
    let child = spawn_devctl(&ns, &["create", "homey", "--home", "1Gi", "--wait"]);
    proxy
        .wait_held(hold, std::time::Duration::from_secs(60))
        .unwrap();
    // While a child is being made, nothing runs: no pod, and so no home claim that a failed
    // create would have to tell from an earlier devserver's home.
    let (replicas, pods, claims) = testcluster::block_on(async {
        let c = ns.cluster.client().await.unwrap();
        let set = Api::<StatefulSet>::namespaced(c.clone(), &ns.name)
            .get("homey")
            .await
            .unwrap();
        let pods = Api::<k8s_openapi::api::core::v1::Pod>::namespaced(c.clone(), &ns.name)
            .list(&Default::default())
            .await
            .unwrap();
        let claims =
            Api::<k8s_openapi::api::core::v1::PersistentVolumeClaim>::namespaced(c, &ns.name)
                .list(&Default::default())
                .await
                .unwrap();
        (
            set.spec.unwrap().replicas,
            pods.items.len(),
            claims.items.len(),
        )
    });
    proxy.release(hold).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(replicas, Some(0));
    assert_eq!((pods, claims), (0, 0));
    assert!(out.status.success(), "{}", stderr(&out));
    let set = testcluster::block_on(async {
        Api::<StatefulSet>::namespaced(ns.cluster.client().await.unwrap(), &ns.name)
            .get("homey")
            .await
            .unwrap()
    });
    assert_eq!(set.spec.unwrap().replicas, Some(1), "scaled up once made");
}

#[test]
fn a_second_signal_stops_at_once_and_says_nothing_was_cleaned_up() {
    let Some(ns) = Ns::new("signal-twice") else {
        return;
    };
    let proxy = ns.cluster.proxy();
    let hold = hold_until_sent(&ns, "POST", "statefulsets");
    let child = spawn_devctl(&ns, &["create", "impatient"]);
    proxy
        .wait_held(hold, std::time::Duration::from_secs(60))
        .unwrap();
    // The first waits for the held request to finish; the second, once the first was heard,
    // does not wait.
    send(&child, "INT");
    let mut child = child;
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(child.stderr.take().unwrap()));
    let heard = lines.next().unwrap().unwrap();
    assert!(heard.starts_with("stopping after Ctrl-C"), "{heard}");
    send(&child, "INT");
    let rest: Vec<String> = lines.map(Result::unwrap).collect();
    let out = child.wait_with_output().unwrap();
    let err = rest.join("\n");
    proxy.release(hold).unwrap();
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted again"), "{err}");
}

#[test]
fn a_dry_run_makes_no_key_pair_and_checks_the_files_namespace() {
    let env = Env::new();
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
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let made: Vec<_> = walk(env.home())
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("id_"))
        })
        .collect();
    assert!(made.is_empty(), "a dry run wrote {made:?}");

    let file = env.home().join("dev.yaml");
    std::fs::write(
        &file,
        "apiVersion: devserver.io/v1\nkind: DevServer\nmetadata: {name: filed, namespace: Team_A}\n",
    )
    .unwrap();
    let out = offline_dry_run(&env, &["-f", &file.display().to_string()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("namespace"), "{}", stderr(&out));
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn offline_says_where_the_owner_came_from() {
    let env = Env::new();
    let out = offline_dry_run(&env, &["box"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The harness clears USER: nothing says who the user is.
    assert!(
        stderr(&out)
            .contains("owner dev (nobody said who you are; --offline does not ask the cluster)"),
        "{}",
        stderr(&out)
    );
    let named = offline_dry_run_with(&env, &[("USER", "carol")], &["box"]);
    assert!(
        stderr(&named).contains("owner carol ($USER on this machine"),
        "{}",
        stderr(&named)
    );
    let configured = offline_dry_run_with(&env, &[("DEVCTL_OWNER", "ci@example.com")], &["box"]);
    assert!(
        !stderr(&configured).contains("owner "),
        "{}",
        stderr(&configured)
    );
}

#[test]
fn a_file_in_another_namespace_is_created_and_waited_for_there() {
    let Some(ns) = Ns::new("filens") else { return };
    let elsewhere = ns.cluster.namespace("filens-other").unwrap();
    let file = ns.env.home().join("dev.yaml");
    std::fs::write(
        &file,
        format!(
            "apiVersion: devserver.io/v1\nkind: DevServer\nmetadata: {{name: moved, namespace: {elsewhere}}}\n"
        ),
    )
    .unwrap();
    // devctl's own namespace (-n is not given: the kubeconfig's) differs from the file's.
    let out = ns
        .env
        .devctl_at(ns.cluster.kubeconfig())
        .args([
            "create",
            "-f",
            &file.display().to_string(),
            "--wait",
            "--timeout",
            "2m",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("is ready"), "{}", stderr(&out));
    let set = testcluster::block_on(async {
        Api::<StatefulSet>::namespaced(ns.cluster.client().await.unwrap(), &elsewhere)
            .get_opt("moved")
            .await
            .unwrap()
    });
    assert!(set.is_some(), "made in the file's namespace");
}
