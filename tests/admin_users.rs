//! `devctl admin user add/list/remove` and the quota check of `create`, against the test
//! cluster's real RBAC and quota admission: a user made by `admin user add` works in their
//! own namespace with the kubeconfig it wrote and nowhere else; a quota refuses a create
//! before anything is made; list shows the quota's use; remove says what it deletes and
//! asks. Refusals before any call are checked against a fake API server. SSH is tried twice:
//! through the tests' own sshd on the KWOK cluster, and for real on the real node's cluster.
//!
//! The ClusterRoles devctl-user and devctl-user-cluster come from `devctl admin install`;
//! these tests apply the same objects (`user_role()`, `user_cluster_role()`) themselves,
//! server-side, so that they do not depend on it. User names are unique per test: namespaces
//! and ClusterRoleBindings are cluster-wide.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use common::fake_api::{self, FakeApi};
use common::sshd::{self, Sshd};
use common::{Env, stderr, stdout};
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{Namespace, PersistentVolumeClaim, ResourceQuota};
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding};
use kube::api::{Api, Patch, PatchParams};
use testcluster::Cluster;

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// A user name no other test (or earlier run against a kept cluster) has.
fn unique(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!(
        "{prefix}-{:x}{:x}{}",
        std::process::id(),
        nanos % 0xfff,
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// The shared cluster with the two ClusterRoles that `admin install` makes.
fn cluster() -> Option<&'static Cluster> {
    Some(with_roles(testcluster::shared_or_skip()?))
}

/// `cluster` with the two ClusterRoles applied.
fn with_roles(cluster: &'static Cluster) -> &'static Cluster {
    testcluster::block_on(async {
        let roles = Api::<ClusterRole>::all(cluster.client().await.unwrap());
        let pp = PatchParams::apply("devctl").force();
        for role in [
            devctl::devserver::admin::user_role(),
            devctl::devserver::admin::user_cluster_role(),
        ] {
            let name = role.metadata.name.clone().unwrap();
            roles.patch(&name, &pp, &Patch::Apply(&role)).await.unwrap();
        }
    });
    cluster
}

/// The admin's devctl, and one user made by `admin user add` with `quota` flags.
struct Onboarded {
    cluster: &'static Cluster,
    admin: Env,
    user: String,
    /// The user's own machine: their HOME, with the kubeconfig the admin gave them.
    env: Env,
    kubeconfig: PathBuf,
}

impl Onboarded {
    fn new(prefix: &str, quota: &[&str]) -> Option<Onboarded> {
        Some(Onboarded::on(cluster()?, prefix, quota))
    }

    fn on(cluster: &'static Cluster, prefix: &str, quota: &[&str]) -> Onboarded {
        let admin = Env::new();
        let user = unique(prefix);
        let env = Env::new();
        let kubeconfig = env.home().join("kubeconfig");
        let out = admin
            .devctl_at(cluster.kubeconfig())
            .args(["admin", "user", "add", &user])
            .args(quota)
            .arg("--kubeconfig-out")
            .arg(&kubeconfig)
            .output()
            .unwrap();
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        sshd::user_key_in(env.home());
        Onboarded {
            cluster,
            admin,
            user,
            env,
            kubeconfig,
        }
    }

    fn namespace(&self) -> String {
        format!("dev-{}", self.user)
    }

    /// devctl as the user, with the kubeconfig `admin user add` wrote (no `-n`).
    fn devctl(&self, args: &[&str]) -> Output {
        self.env
            .devctl_at(&self.kubeconfig)
            .args(args)
            .timeout(Duration::from_secs(120))
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> Output {
        let out = self.devctl(args);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        out
    }

    /// devctl as the cluster's admin.
    fn admin(&self, args: &[&str]) -> Output {
        self.admin
            .devctl_at(self.cluster.kubeconfig())
            .args(args)
            .timeout(Duration::from_secs(120))
            .output()
            .unwrap()
    }

    fn admin_get<K>(&self, name: &str) -> Option<K>
    where
        K: kube::Resource<Scope = k8s_openapi::NamespaceResourceScope>
            + Clone
            + std::fmt::Debug
            + serde::de::DeserializeOwned
            + Send
            + 'static,
        K::DynamicType: Default,
    {
        testcluster::block_on(async {
            Api::<K>::namespaced(self.cluster.client().await.unwrap(), &self.namespace())
                .get_opt(name)
                .await
                .unwrap()
        })
    }

    /// Waits until the quota devctl-quota counts `resource` as `want`.
    fn until_quota_counts(&self, resource: &str, want: &str) {
        testcluster::block_on(async {
            let quotas: Api<ResourceQuota> =
                Api::namespaced(self.cluster.client().await.unwrap(), &self.namespace());
            let counted = kube::runtime::wait::await_condition(
                quotas,
                "devctl-quota",
                |q: Option<&ResourceQuota>| {
                    q.and_then(|q| q.status.as_ref())
                        .and_then(|s| s.used.as_ref())
                        .and_then(|u| u.get(resource))
                        .is_some_and(|v| v.0 == want)
                },
            );
            tokio::time::timeout(Duration::from_secs(60), counted)
                .await
                .unwrap_or_else(|_| panic!("devctl-quota never counted {resource} = {want}"))
                .unwrap();
        });
    }
}

#[test]
fn a_user_added_by_admin_works_in_their_namespace_and_is_refused_elsewhere_and_for_admin_commands()
{
    let Some(u) = Onboarded::new("works", &["--quota-cpu", "4", "--quota-devservers", "3"]) else {
        return;
    };
    let ns = u.namespace();
    let mode = std::fs::metadata(&u.kubeconfig)
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);

    // The context's namespace is dev-USER: no -n anywhere.
    u.ok(&["create", "box", "--flavor", "cpu-small", "--wait"]);
    let listed = stdout(&u.ok(&["list", "-o", "json"]));
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed["items"][0]["name"], "box", "{listed}");
    assert_eq!(listed["items"][0]["namespace"], ns.as_str());
    let out = u.ok(&["exec", "box", "--", "sh", "-c", "echo in-$0", "box"]);
    assert_eq!(stdout(&out), "in-box\n");
    let Some(_sshd) = Sshd::start_in(u.cluster, &ns, u.env.home(), "box", None) else {
        return;
    };
    let out = u.ok(&["ssh", "box", "--", "echo", "over-ssh"]);
    assert_eq!(stdout(&out), "over-ssh\n");

    // Another namespace, and the admin commands: refused by RBAC, exit 5, saying so.
    let other = u.cluster.namespace("users-other").unwrap();
    let out = u.devctl(&["-n", &other, "create", "box", "--flavor", "cpu-small"]);
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    assert!(stderr(&out).contains("forbidden"), "{}", stderr(&out));
    assert_eq!(
        stderr(&out)
            .lines()
            .filter(|l| l.starts_with("error:"))
            .count(),
        1
    );
    let out = u.devctl(&["-n", &other, "list", "--all-users"]);
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    for admin in [
        &["admin", "user", "add", &unique("bob")][..],
        &["admin", "user", "list"],
        &["admin", "user", "remove", &u.user, "--yes"],
    ] {
        let out = u.devctl(admin);
        assert_eq!(code(&out), 5, "{admin:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("forbidden"),
            "{admin:?}: {}",
            stderr(&out)
        );
    }

    u.ok(&["delete", "box", "--yes", "--wait"]);
    assert!(u.admin_get::<StatefulSet>("box").is_none());
}

#[test]
fn add_writes_the_token_only_to_the_file_and_a_second_add_updates_the_quota_and_keeps_the_rest() {
    let Some(u) = Onboarded::new("again", &["--quota-cpu", "2", "--quota-memory", "4Gi"]) else {
        return;
    };
    let text = std::fs::read_to_string(&u.kubeconfig).unwrap();
    let token = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("token: "))
        .unwrap()
        .trim_matches('"')
        .to_string();
    assert!(token.len() > 20);

    // Again, with one limit changed: the other stays; an existing file is not overwritten.
    let again = |extra: &[&str]| {
        let mut args = vec!["admin", "user", "add", u.user.as_str(), "--quota-cpu", "3"];
        args.extend_from_slice(extra);
        let kubeconfig = u.kubeconfig.display().to_string();
        args.extend(["--kubeconfig-out", &kubeconfig]);
        u.admin(&args)
    };
    let out = again(&[]);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(stderr(&out).contains("--overwrite"), "{}", stderr(&out));
    let out = again(&["--overwrite", "-o", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for shown in [stdout(&out), stderr(&out)] {
        assert!(!shown.contains(&token), "the token was printed");
    }
    assert!(
        stderr(&out).contains("token expires at"),
        "{}",
        stderr(&out)
    );
    let printed: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(printed["quota"]["requests.cpu"], "3");
    assert_eq!(printed["quota"]["requests.memory"], "4Gi");
    let quota: ResourceQuota = u.admin_get("devctl-quota").unwrap();
    let hard = quota.spec.unwrap().hard.unwrap();
    assert_eq!(hard["requests.cpu"].0, "3");
    assert_eq!(hard["requests.memory"].0, "4Gi");
    let new_text = std::fs::read_to_string(&u.kubeconfig).unwrap();
    assert_ne!(new_text, text, "a new token");
    // Both tokens work.
    u.ok(&["list"]);
    let old = u.env.home().join("old-kubeconfig");
    std::fs::write(&old, &text).unwrap();
    let out = u.env.devctl_at(&old).arg("list").output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn a_create_over_the_quota_is_refused_with_exit_5_naming_it_and_leaves_nothing() {
    let Some(u) = Onboarded::new("quota", &["--quota-cpu", "1", "--quota-devservers", "1"]) else {
        return;
    };
    // cpu-small requests 500m: --cpu 2 asks for more than the whole quota.
    let out = u.devctl(&["create", "big", "--flavor", "cpu-small", "--cpu", "2"]);
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("devctl-quota"), "{err}");
    assert!(err.contains("requests.cpu"), "{err}");
    assert!(err.contains("1 left"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error:")).count(),
        1,
        "{err}"
    );
    assert!(u.admin_get::<StatefulSet>("big").is_none());

    u.ok(&["create", "one", "--flavor", "cpu-small"]);
    let out = u.devctl(&["create", "two", "--flavor", "cpu-small"]);
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("devctl-quota allows 1 count/statefulsets.apps, 1 used, 0 left"),
        "{err}"
    );
    assert!(err.contains("nothing was created"), "{err}");
    assert!(u.admin_get::<StatefulSet>("two").is_none());
    assert!(
        u.admin_get::<k8s_openapi::api::core::v1::Secret>("two-ssh")
            .is_none(),
        "nothing of two is left"
    );
}

#[test]
fn list_shows_each_users_quota_use_and_devservers() {
    let Some(u) = Onboarded::new(
        "listed",
        &[
            "--quota-cpu",
            "4",
            "--quota-memory",
            "8Gi",
            "--quota-devservers",
            "2",
        ],
    ) else {
        return;
    };
    u.ok(&["create", "box", "--flavor", "cpu-small", "--wait"]);
    u.until_quota_counts("requests.cpu", "500m");
    let out = u.admin(&["admin", "user", "list", "-o", "json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["kind"], "UserList");
    let item = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == u.user.as_str())
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(item["namespace"], u.namespace().as_str());
    assert_eq!(item["devservers"]["used"], "1");
    assert_eq!(item["devservers"]["hard"], "2");
    assert_eq!(item["cpu"]["used"], "500m");
    assert_eq!(item["cpu"]["hard"], "4");
    assert_eq!(item["memory"]["used"], "1Gi");
    assert_eq!(item["memory"]["hard"], "8Gi");
    assert!(item["gpu"]["hard"].is_null());

    let table = stdout(&u.admin(&["admin", "user", "list"]));
    let header = table.lines().next().unwrap();
    for column in [
        "USER",
        "NAMESPACE",
        "DEVSERVERS",
        "CPU",
        "MEMORY",
        "GPU",
        "AGE",
    ] {
        assert!(header.contains(column), "{table}");
    }
    let row = table
        .lines()
        .find(|l| l.starts_with(&format!("{} ", u.user)))
        .unwrap_or_else(|| panic!("{table}"));
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        &cells[1..6],
        [u.namespace().as_str(), "1/2", "500m/4", "1Gi/8Gi", "-/-"],
        "{row}"
    );
}

#[test]
fn remove_says_what_it_deletes_asks_off_a_terminal_and_deletes_with_yes() {
    let Some(u) = Onboarded::new("removed", &[]) else {
        return;
    };
    let ns = u.namespace();
    u.ok(&["create", "box", "--flavor", "cpu-small", "--home", "1Gi"]);
    testcluster::block_on(async {
        let claims: Api<PersistentVolumeClaim> =
            Api::namespaced(u.cluster.client().await.unwrap(), &ns);
        let made = kube::runtime::wait::await_condition(
            claims,
            "home-box-0",
            |c: Option<&PersistentVolumeClaim>| c.is_some(),
        );
        tokio::time::timeout(Duration::from_secs(60), made)
            .await
            .expect("the StatefulSet controller makes the home claim")
            .unwrap();
    });

    let out = u.admin(&["admin", "user", "remove", &u.user]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("1 devserver and 1 volume"), "{err}");
    assert!(err.contains("--yes"), "{err}");
    let namespace = |cluster: &Cluster| {
        testcluster::block_on(async {
            Api::<Namespace>::all(cluster.client().await.unwrap())
                .get_opt(&ns)
                .await
                .unwrap()
        })
    };
    assert!(
        namespace(u.cluster)
            .unwrap()
            .metadata
            .deletion_timestamp
            .is_none()
    );

    // A finalizer of the test's keeps the namespace terminating until the test lets it go.
    let hold = |on: bool| {
        let finalizers: Vec<&str> = if on { vec!["devctl.test/hold"] } else { vec![] };
        testcluster::block_on(async {
            Api::<Namespace>::all(u.cluster.client().await.unwrap())
                .patch(
                    &ns,
                    &PatchParams::default(),
                    &Patch::Merge(serde_json::json!({"metadata": {"finalizers": finalizers}})),
                )
                .await
                .unwrap();
        });
    };
    hold(true);
    let out = u.admin(&["admin", "user", "remove", &u.user, "--yes"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        namespace(u.cluster)
            .unwrap()
            .metadata
            .deletion_timestamp
            .is_some(),
        "dev-USER is being deleted"
    );
    // Again while it goes: nothing more to do; an add must wait until it is gone.
    let out = u.admin(&["admin", "user", "remove", &u.user, "--yes"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("being removed already"),
        "{}",
        stderr(&out)
    );
    let again = u.env.home().join("again.kubeconfig");
    let out = u.admin(&[
        "admin",
        "user",
        "add",
        &u.user,
        "--kubeconfig-out",
        &again.display().to_string(),
    ]);
    assert_eq!(code(&out), 4, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is being deleted"),
        "{}",
        stderr(&out)
    );
    hold(false);
    let binding = testcluster::block_on(async {
        Api::<ClusterRoleBinding>::all(u.cluster.client().await.unwrap())
            .get_opt(&format!("devctl-user-cluster-{}", u.user))
            .await
            .unwrap()
    });
    assert!(binding.is_none());

    let out = u.admin(&["admin", "user", "remove", &unique("nobody"), "--yes"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
}

/// A fake cluster that has nothing (every GET is 404) and records every request.
fn empty_cluster() -> (FakeApi, Env, PathBuf) {
    let api = FakeApi::start(|req| match req.method.as_str() {
        "GET" => fake_api::not_found(),
        _ => fake_api::status(500, "InternalError", "the test expected no change"),
    });
    let env = Env::new();
    let kubeconfig = api.kubeconfig(env.home(), &fake_api::token_user("admin"), None);
    (api, env, kubeconfig)
}

fn add(env: &Env, kubeconfig: &Path, args: &[&str]) -> Output {
    env.devctl_at(kubeconfig)
        .current_dir(env.home())
        .args(["admin", "user", "add"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn add_refuses_without_the_cluster_roles_of_admin_install_and_makes_nothing() {
    let (api, env, kubeconfig) = empty_cluster();
    let out = add(&env, &kubeconfig, &["alice"]);
    assert_eq!(code(&out), 3, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("run devctl admin install first"), "{err}");
    assert!(err.contains("devctl-user"), "{err}");
    assert!(
        api.requests().iter().all(|r| r.method == "GET"),
        "{:?}",
        api.requests()
    );
    assert!(
        !env.home().join("alice.kubeconfig").exists(),
        "the file it made is gone"
    );
}

#[test]
fn add_refuses_bad_input_before_any_call() {
    let (api, env, kubeconfig) = empty_cluster();
    std::fs::write(env.home().join("taken.kubeconfig"), "keep me").unwrap();
    for (args, want, says) in [
        (&["Alice"][..], 2, "invalid user name"),
        (&["a".repeat(60).leak() as &str][..], 2, "invalid user name"),
        (&["alice", "--quota-cpu", "lots"], 2, "--quota-cpu"),
        (&["alice", "--token-ttl", "5m"], 2, "--token-ttl"),
        (&["taken"], 4, "exists already"),
        (
            &["alice", "--kubeconfig-out", "/dev/null", "--overwrite"],
            2,
            "not a regular file",
        ),
        (
            &["alice", "--kubeconfig-out", "/nonexistent/dir/k"],
            2,
            "cannot write the kubeconfig",
        ),
    ] {
        let out = add(&env, &kubeconfig, args);
        assert_eq!(code(&out), want, "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    assert!(api.requests().is_empty(), "{:?}", api.requests());
    assert_eq!(
        std::fs::read_to_string(env.home().join("taken.kubeconfig")).unwrap(),
        "keep me"
    );
}

#[test]
fn a_first_add_that_fails_half_way_deletes_what_it_made_and_its_kubeconfig_file() {
    let Some(cluster) = cluster() else {
        return;
    };
    let user = unique("undone");
    let ns = format!("dev-{user}");
    cluster
        .proxy()
        .fail_next(&testcluster::Fault::new(
            "POST",
            &format!("/api/v1/namespaces/{ns}/serviceaccounts/{user}/token$"),
            403,
            1,
        ))
        .unwrap();
    let env = Env::new();
    let kubeconfig = env.home().join("kubeconfig");
    let out = env
        .devctl_at(cluster.kubeconfig())
        .args(["admin", "user", "add", &user, "--quota-cpu", "2"])
        .arg("--kubeconfig-out")
        .arg(&kubeconfig)
        .output()
        .unwrap();
    assert_eq!(code(&out), 5, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("token"), "{err}");
    assert!(err.contains("nothing was left behind"), "{err}");
    assert!(!kubeconfig.exists(), "the file it made is gone");
    let (namespace, binding) = testcluster::block_on(async {
        let client = cluster.client().await.unwrap();
        (
            Api::<Namespace>::all(client.clone())
                .get_opt(&ns)
                .await
                .unwrap(),
            Api::<ClusterRoleBinding>::all(client)
                .get_opt(&format!("devctl-user-cluster-{user}"))
                .await
                .unwrap(),
        )
    });
    assert!(
        namespace.is_none_or(|n| n.metadata.deletion_timestamp.is_some()),
        "the namespace it made is being deleted"
    );
    assert!(binding.is_none());
}

#[test]
fn a_user_added_by_admin_logs_in_over_ssh_to_a_devserver_on_the_real_node() {
    let Some(cluster) = testcluster::shared_real_node_or_skip() else {
        return;
    };
    let u = Onboarded::on(with_roles(cluster), "real", &["--quota-cpu", "1"]);
    u.ok(&[
        "create",
        "box",
        "--cpu",
        "250m",
        "--memory",
        "512Mi",
        "--image",
        "devctl.test/debian:bookworm",
        "--wait",
    ]);
    let out = u.ok(&["ssh", "box", "--", "id -un; echo over-ssh"]);
    assert_eq!(stdout(&out), "dev\nover-ssh\n", "{}", stderr(&out));
    u.ok(&["delete", "box", "--yes", "--wait"]);
}

#[test]
fn a_user_added_by_admin_runs_jobs_on_the_real_node_with_the_roles_the_table_builds() {
    let Some(cluster) = testcluster::shared_real_node_or_skip() else {
        return;
    };
    // The job commands are not run rule by rule in tests/permissions.rs (simulated pods never
    // finish): here every one of them runs under devctl-user, which the table builds.
    let u = Onboarded::on(with_roles(cluster), "jobs", &["--quota-cpu", "1"]);
    let inputs = u.env.home().join("in.txt");
    std::fs::write(&inputs, "input\n").unwrap();
    let env_file = u.env.home().join("env");
    std::fs::write(&env_file, "TOKEN=t\n").unwrap();
    let config = format!("in.txt={}", inputs.display());
    let env_arg = env_file.display().to_string();
    let out = u.ok(&[
        "job",
        "run",
        "pair",
        "--nodes",
        "2",
        "--cpu",
        "100m",
        "--memory",
        "64Mi",
        "--image",
        "devctl.test/debian:bookworm",
        "--env-file",
        &env_arg,
        "--config-file",
        &config,
        "--volume",
        "1Gi:/scratch",
        "--follow",
        "--timeout",
        "5m",
        "--",
        "sh",
        "-c",
        "cat /devctl/config/in.txt; echo rank $RANK",
    ]);
    let text = stdout(&out);
    assert!(
        text.contains("[1] rank 1") && text.contains("[0] input"),
        "{text}"
    );
    u.ok(&["job", "wait", "pair"]);
    assert!(stdout(&u.ok(&["job", "list"])).contains("Succeeded"));
    assert!(stdout(&u.ok(&["job", "describe", "pair"])).contains("Pods:"));
    assert!(stdout(&u.ok(&["job", "logs", "pair", "--all"])).contains("[0] rank 0"));
    let kept = u.ok(&["job", "delete", "pair", "--yes", "--keep-results"]);
    assert!(
        stderr(&kept).contains("its results stay in"),
        "{}",
        stderr(&kept)
    );
    u.ok(&["job", "delete", "pair", "--yes"]);
    let refused = u.devctl(&["job", "list", "-n", "default"]);
    assert_eq!(code(&refused), 5, "{}", stderr(&refused));
}

#[test]
fn ctrl_c_during_a_first_add_deletes_what_it_made() {
    let Some(cluster) = cluster() else {
        return;
    };
    let user = unique("sigint");
    let ns = format!("dev-{user}");
    let proxy = cluster.proxy();
    // The token is asked for once every object is applied.
    let hold = proxy
        .hold(&testcluster::Hold::new(
            "POST",
            &format!("/api/v1/namespaces/{ns}/serviceaccounts/{user}/token$"),
        ))
        .unwrap();
    let env = Env::new();
    let kubeconfig = env.home().join("kubeconfig");
    let child = env
        .process()
        .arg("--kubeconfig")
        .arg(cluster.kubeconfig())
        .args(["admin", "user", "add", &user, "--kubeconfig-out"])
        .arg(&kubeconfig)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    proxy.wait_held(hold, Duration::from_secs(60)).unwrap();
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    proxy.release(hold).unwrap();
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert_eq!(code(&out), 130, "{err}");
    assert!(err.contains("nothing was left behind"), "{err}");
    assert!(!kubeconfig.exists(), "the file it made is gone");
    let (namespace, binding) = testcluster::block_on(async {
        let client = cluster.client().await.unwrap();
        (
            Api::<Namespace>::all(client.clone())
                .get_opt(&ns)
                .await
                .unwrap(),
            Api::<ClusterRoleBinding>::all(client)
                .get_opt(&format!("devctl-user-cluster-{user}"))
                .await
                .unwrap(),
        )
    });
    assert!(namespace.is_none_or(|n| n.metadata.deletion_timestamp.is_some()));
    assert!(binding.is_none());
}

#[test]
fn a_users_namespace_refuses_privileged_pods_and_takes_devservers() {
    use k8s_openapi::api::core::v1::Pod;
    let Some(u) = Onboarded::new("podsec", &[]) else {
        return;
    };
    // A devserver fits the namespace's Pod Security level...
    u.ok(&["create", "box", "--flavor", "cpu-small", "--wait"]);
    // ...a pod with the node's root filesystem mounted (root on the node) does not, whoever
    // sends it. (This API server refuses privileged containers outright already.)
    let privileged: Pod = serde_json::from_value(serde_json::json!({
        "metadata": {"name": "root-on-the-node"},
        "spec": {
            "containers": [{"name": "c", "image": "debian", "volumeMounts": [{"name": "host", "mountPath": "/host"}]}],
            "volumes": [{"name": "host", "hostPath": {"path": "/"}}],
        },
    }))
    .unwrap();
    let refused = testcluster::block_on(async {
        let pods: kube::Api<Pod> =
            kube::Api::namespaced(u.cluster.client().await.unwrap(), &u.namespace());
        pods.create(&Default::default(), &privileged).await
    });
    match refused {
        Err(kube::Error::Api(status)) => {
            assert_eq!(status.code, 403, "{status:?}");
            assert!(status.message.contains("PodSecurity"), "{}", status.message);
        }
        other => panic!("a privileged pod was not refused: {other:?}"),
    }
}
