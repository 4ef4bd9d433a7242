//! `devctl admin install` and `admin uninstall`, the real binary against the real API server.
//! They change cluster-wide state (a CRD, ClusterRoles, a namespace), so this test binary has
//! its cluster to itself (the shared cluster is per test binary) and its tests take turns.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::process::Output;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use common::{Env, stderr, stdout};
use devctl::cluster::permissions::{self, Command, Rule, Scope};
use devctl::devserver::{crd, flavor, reaper};
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::authorization::v1::SelfSubjectAccessReview;
use k8s_openapi::api::batch::v1::CronJob;
use k8s_openapi::api::core::v1::{Namespace, ServiceAccount};
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::api::{
    Api, ApiResource, DynamicObject, GroupVersionKind, Patch, PatchParams, PostParams,
};
use testcluster::Cluster;

const IMAGE: &str = "devctl:0.1";

/// One test at a time: each starts from, and leaves, a cluster without devctl installed.
fn turn() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

struct Admin {
    cluster: &'static Cluster,
    env: Env,
    _turn: MutexGuard<'static, ()>,
}

impl Admin {
    fn new() -> Option<Admin> {
        let cluster = testcluster::shared_or_skip()?;
        let turn = turn();
        let admin = Admin {
            cluster,
            env: Env::new(),
            _turn: turn,
        };
        // A test that failed half-way may have left devctl installed.
        admin.devctl(&["admin", "uninstall"]);
        admin.until_gone();
        Some(admin)
    }

    fn devctl(&self, args: &[&str]) -> Output {
        self.env
            .devctl_at(self.cluster.kubeconfig())
            .args(args)
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.devctl(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}{}",
            stdout(&out),
            stderr(&out)
        );
        stdout(&out)
    }

    /// Whether each object install makes exists now, by kubectl name.
    fn installed(&self) -> Vec<(String, bool)> {
        testcluster::block_on(async {
            let client = self.cluster.client().await.unwrap();
            let crds: Api<CustomResourceDefinition> = Api::all(client.clone());
            let roles: Api<ClusterRole> = Api::all(client.clone());
            let bindings: Api<ClusterRoleBinding> = Api::all(client.clone());
            let namespaces: Api<Namespace> = Api::all(client.clone());
            let accounts: Api<ServiceAccount> = Api::namespaced(client.clone(), "devctl-system");
            let jobs: Api<CronJob> = Api::namespaced(client.clone(), "devctl-system");
            // A namespace being deleted still exists; it counts as gone.
            let live_ns = namespaces
                .get_opt("devctl-system")
                .await
                .unwrap()
                .is_some_and(|n| n.metadata.deletion_timestamp.is_none());
            vec![
                (
                    "crd".into(),
                    crds.get_opt(crd::CRD_NAME).await.unwrap().is_some(),
                ),
                (
                    "devctl-user".into(),
                    roles.get_opt("devctl-user").await.unwrap().is_some(),
                ),
                (
                    "devctl-user-cluster".into(),
                    roles
                        .get_opt("devctl-user-cluster")
                        .await
                        .unwrap()
                        .is_some(),
                ),
                (
                    "reaper role".into(),
                    roles.get_opt("devctl-reaper").await.unwrap().is_some(),
                ),
                (
                    "reaper binding".into(),
                    bindings.get_opt("devctl-reaper").await.unwrap().is_some(),
                ),
                ("devctl-system".into(), live_ns),
                (
                    "reaper account".into(),
                    live_ns && accounts.get_opt("devctl-reaper").await.unwrap().is_some(),
                ),
                (
                    "reaper cronjob".into(),
                    live_ns && jobs.get_opt("devctl-reaper").await.unwrap().is_some(),
                ),
            ]
        })
    }

    /// Waits until the CRD is gone for good (its deletion finishes once the flavors are gone),
    /// so that the next install starts from nothing.
    fn until_gone(&self) {
        testcluster::block_on(async {
            let client = self.cluster.client().await.unwrap();
            let crds: Api<CustomResourceDefinition> = Api::all(client.clone());
            if let Some(crd) = crds.get_opt(crd::CRD_NAME).await.unwrap() {
                let uid = crd.metadata.uid.unwrap_or_default();
                let gone = kube::runtime::wait::await_condition(
                    crds,
                    crd::CRD_NAME,
                    kube::runtime::wait::conditions::is_deleted(&uid),
                );
                tokio::time::timeout(Duration::from_secs(60), gone)
                    .await
                    .unwrap()
                    .unwrap();
            }
            let namespaces: Api<Namespace> = Api::all(client.clone());
            if let Some(ns) = namespaces.get_opt("devctl-system").await.unwrap() {
                let uid = ns.metadata.uid.unwrap_or_default();
                let gone = kube::runtime::wait::await_condition(
                    namespaces,
                    "devctl-system",
                    kube::runtime::wait::conditions::is_deleted(&uid),
                );
                tokio::time::timeout(Duration::from_secs(120), gone)
                    .await
                    .unwrap()
                    .unwrap();
            }
        });
    }

    fn statefulset_exists(&self, ns: &str, name: &str) -> bool {
        testcluster::block_on(async {
            let client = self.cluster.client().await.unwrap();
            let sets: Api<StatefulSet> = Api::namespaced(client, ns);
            sets.get_opt(name)
                .await
                .unwrap()
                .is_some_and(|s| s.metadata.deletion_timestamp.is_none())
        })
    }
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[test]
fn install_makes_everything_a_second_install_changes_nothing_and_uninstall_keeps_devservers() {
    let Some(admin) = Admin::new() else { return };
    assert!(admin.installed().iter().all(|(_, there)| !there));

    let first = admin.devctl(&["admin", "install", "--reaper-image", IMAGE]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(
        lines(&stdout(&first)),
        [
            "customresourcedefinition.apiextensions.k8s.io/devserverflavors.devserver.io created",
            "devserverflavor.devserver.io/cpu-small created",
            "devserverflavor.devserver.io/cpu-medium created",
            "devserverflavor.devserver.io/cpu-large created",
            "clusterrole.rbac.authorization.k8s.io/devctl-user created",
            "clusterrole.rbac.authorization.k8s.io/devctl-user-cluster created",
            "namespace/devctl-system created",
            "serviceaccount/devctl-reaper created",
            "clusterrole.rbac.authorization.k8s.io/devctl-reaper created",
            "clusterrolebinding.rbac.authorization.k8s.io/devctl-reaper created",
            "cronjob.batch/devctl-reaper created",
        ]
    );
    assert!(
        admin.installed().iter().all(|(_, there)| *there),
        "{:?}",
        admin.installed()
    );
    // devctl now reads the cluster's flavors.
    let flavors = admin.ok(&["status", "-o", "json"]);
    let status: serde_json::Value = serde_json::from_str(&flavors).unwrap();
    assert_eq!(status["flavors"]["source"], "cluster", "{flavors}");

    let again = admin.devctl(&["admin", "install", "--reaper-image", IMAGE]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let out = stdout(&again);
    assert_eq!(lines(&out).len(), 11, "{out}");
    assert!(
        lines(&out).iter().all(|l| l.ends_with(" unchanged")),
        "{out}"
    );
    assert!(
        stderr(&again).contains("nothing changed"),
        "{}",
        stderr(&again)
    );

    // A new schedule configures the CronJob and nothing else.
    let changed = admin.ok(&[
        "admin",
        "install",
        "--reaper-image",
        IMAGE,
        "--reaper-schedule",
        "0 * * * *",
    ]);
    let configured: Vec<_> = lines(&changed)
        .into_iter()
        .filter(|l| !l.ends_with(" unchanged"))
        .collect();
    assert_eq!(
        configured,
        ["cronjob.batch/devctl-reaper configured"],
        "{changed}"
    );

    let ns = testcluster::block_on(admin.cluster.create_namespace("keep")).unwrap();
    admin.ok(&["-n", &ns, "create", "kept"]);

    let gone = admin.ok(&["admin", "uninstall"]);
    for object in [
        "customresourcedefinition.apiextensions.k8s.io/devserverflavors.devserver.io deleted",
        "clusterrole.rbac.authorization.k8s.io/devctl-user deleted",
        "clusterrole.rbac.authorization.k8s.io/devctl-reaper deleted",
        "namespace/devctl-system deleted",
    ] {
        assert!(gone.contains(object), "{object}: {gone}");
    }
    admin.until_gone();
    assert!(
        admin.installed().iter().all(|(_, there)| !there),
        "{:?}",
        admin.installed()
    );
    assert!(
        admin.statefulset_exists(&ns, "kept"),
        "uninstall kept devservers"
    );

    let nothing = admin.devctl(&["admin", "uninstall"]);
    assert_eq!(nothing.status.code(), Some(0));
    assert!(
        stderr(&nothing).contains("not installed"),
        "{}",
        stderr(&nothing)
    );
    assert_eq!(stdout(&nothing), "");
}

#[test]
fn uninstall_all_lists_and_deletes_every_devserver_and_user_namespace_with_yes() {
    let Some(admin) = Admin::new() else { return };
    admin.ok(&["admin", "install"]);
    let ns = testcluster::block_on(admin.cluster.create_namespace("doomed")).unwrap();
    admin.ok(&["-n", &ns, "create", "doomed"]);
    // A user namespace as admin user add labels it.
    testcluster::block_on(async {
        let namespaces: Api<Namespace> = Api::all(admin.cluster.client().await.unwrap());
        let user: Namespace = serde_json::from_value(serde_json::json!({
            "metadata": {"name": "dev-alice", "labels": {"devserver.io/user": "alice", "app.kubernetes.io/managed-by": "devctl"}}
        }))
        .unwrap();
        namespaces
            .create(&PostParams::default(), &user)
            .await
            .unwrap();
    });

    // Off a terminal, --all without --yes asks nobody and deletes nothing.
    let refused = admin.devctl(&["admin", "uninstall", "--all"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("--yes"), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains(&format!("statefulset.apps/doomed -n {ns}")),
        "the list comes first: {}",
        stderr(&refused)
    );
    assert!(
        stderr(&refused).contains("namespace/dev-alice"),
        "{}",
        stderr(&refused)
    );
    assert!(admin.statefulset_exists(&ns, "doomed"));

    let dry = admin.ok(&["admin", "uninstall", "--all", "--dry-run"]);
    assert!(
        dry.contains(&format!("statefulset.apps/doomed -n {ns}")),
        "{dry}"
    );
    assert!(admin.statefulset_exists(&ns, "doomed"));

    let out = admin.ok(&["admin", "uninstall", "--all", "--yes"]);
    assert!(out.contains("statefulset.apps/doomed deleted"), "{out}");
    assert!(out.contains("namespace/dev-alice deleted"), "{out}");
    assert!(!admin.statefulset_exists(&ns, "doomed"));
    admin.until_gone();
}

#[test]
fn install_leaves_a_flavor_an_admin_changed_and_adds_none_to_the_admins_flavors() {
    let Some(admin) = Admin::new() else { return };
    admin.ok(&["admin", "install"]);
    testcluster::block_on(async {
        let resource = ApiResource::from_gvk_with_plural(
            &GroupVersionKind::gvk("devserver.io", "v1", "DevServerFlavor"),
            "devserverflavors",
        );
        let flavors: Api<DynamicObject> =
            Api::all_with(admin.cluster.client().await.unwrap(), &resource);
        let bigger = serde_json::json!({"spec": {"resources": {"limits": {"cpu": "3"}}}});
        flavors
            .patch("cpu-small", &PatchParams::default(), &Patch::Merge(bigger))
            .await
            .unwrap();
        flavors
            .delete("cpu-large", &Default::default())
            .await
            .unwrap();
    });
    let out = admin.ok(&["admin", "install"]);
    assert!(
        out.contains("devserverflavor.devserver.io/cpu-small unchanged (changed since devctl made it; left as it is)"),
        "{out}"
    );
    assert!(
        out.contains("devserverflavor.devserver.io/cpu-medium unchanged\n"),
        "{out}"
    );
    assert!(
        out.contains("devserverflavor.devserver.io/cpu-large skipped (the cluster has flavors of its own; devctl adds none to them)"),
        "{out}"
    );
    let status: serde_json::Value =
        serde_json::from_str(&admin.ok(&["status", "-o", "json"])).unwrap();
    assert_eq!(
        status["flavors"]["names"],
        serde_json::json!(["cpu-medium", "cpu-small"]),
        "{status}"
    );
    admin.ok(&["admin", "uninstall"]);
    admin.until_gone();
}

#[test]
fn install_and_uninstall_without_a_cluster_admins_rights_exit_5_saying_so() {
    let Some(admin) = Admin::new() else { return };
    let nobody = admin.cluster.user("nobody", &[]).unwrap();
    for args in [&["admin", "install"][..], &["admin", "uninstall"]] {
        let out = admin
            .env
            .devctl_at(&nobody.kubeconfig)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(5), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("forbidden"), "{err}");
        assert!(err.contains("needs a cluster admin's rights"), "{err}");
    }
    assert!(admin.installed().iter().all(|(_, there)| !there));
}

/// Grants `user` exactly `rules` (cluster-wide), and waits until the authorizer says so.
fn grant_exactly(cluster: &Cluster, user: &testcluster::User, rules: &[Rule]) {
    let every: Vec<Rule> = [Command::AdminInstall, Command::AdminUninstall]
        .iter()
        .flat_map(|c| permissions::needs(*c).iter().copied())
        .collect();
    let (namespaced, cluster_wide) = permissions::policy_rules(rules);
    testcluster::block_on(async {
        let client = cluster.client().await.unwrap();
        let roles: Api<ClusterRole> = Api::all(client.clone());
        let bindings: Api<ClusterRoleBinding> = Api::all(client.clone());
        let role = serde_json::json!({
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
            "metadata": {"name": "test-installer"},
            "rules": namespaced.iter().chain(&cluster_wide).collect::<Vec<_>>(),
        });
        let apply = PatchParams::apply("test").force();
        roles
            .patch("test-installer", &apply, &Patch::Apply(role))
            .await
            .unwrap();
        let binding = serde_json::json!({
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
            "metadata": {"name": "test-installer"},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "test-installer"},
            "subjects": [{"kind": "User", "name": user.name, "apiGroup": "rbac.authorization.k8s.io"}],
        });
        bindings
            .patch("test-installer", &apply, &Patch::Apply(binding))
            .await
            .unwrap();
        let reviews: Api<SelfSubjectAccessReview> =
            Api::all(cluster.client_for(user).await.unwrap());
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let answers = futures::future::join_all(every.iter().map(|r| {
                let reviews = reviews.clone();
                let review = r.access_review("devctl-system");
                async move { reviews.create(&PostParams::default(), &review).await }
            }))
            .await;
            let settled = every.iter().zip(answers).all(|(r, answer)| {
                let allowed = answer.unwrap().status.is_some_and(|s| s.allowed);
                allowed == rules.iter().any(|g| g.same_permission(r))
            });
            if settled {
                return;
            }
            assert!(Instant::now() < deadline, "the role never took effect");
            // The authorizer's informers catch up within milliseconds; ask again.
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });
}

#[test]
fn install_works_with_exactly_the_rules_of_the_table_and_not_without_any_one() {
    let Some(admin) = Admin::new() else { return };
    let installer = admin.cluster.user("installer", &[]).unwrap();
    let install = permissions::needs(Command::AdminInstall);
    assert!(
        install.iter().all(|r| r.scope != Scope::Namespace),
        "install works in no one namespace"
    );
    let uninstall: Vec<Rule> = permissions::needs(Command::AdminUninstall)
        .iter()
        .filter(|r| r.when.is_none())
        .copied()
        .collect();
    let run = |args: &[&str]| {
        admin
            .env
            .devctl_at(&installer.kubeconfig)
            .args(args)
            .output()
            .unwrap()
    };
    let both: Vec<Rule> = install.iter().chain(&uninstall).copied().collect();
    grant_exactly(admin.cluster, &installer, &both);
    let out = run(&["admin", "install", "--reaper-image", IMAGE]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(&["admin", "install", "--reaper-image", IMAGE]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(&["admin", "uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    admin.until_gone();

    // Without any one rule, a first install (the flavors are made then) is refused: exit 5.
    let mut unneeded = Vec::new();
    for (i, rule) in install.iter().enumerate() {
        if install[..i].iter().any(|r| r.same_permission(rule)) {
            continue;
        }
        let without: Vec<Rule> = install
            .iter()
            .filter(|r| !r.same_permission(rule))
            .copied()
            .collect();
        grant_exactly(admin.cluster, &installer, &without);
        let out = run(&["admin", "install", "--reaper-image", IMAGE]);
        // The watch is needed only when the CRD is not Established by the time install lists
        // it, which the API server decides: without it install may succeed, or be refused.
        let timing = rule.verb == "watch" && out.status.code() == Some(0);
        if out.status.code() != Some(5) && !timing {
            unneeded.push(format!(
                "{} ({:?}): exit {:?}: {}",
                rule.describe(),
                rule.scope,
                out.status.code(),
                stderr(&out)
            ));
        }
        admin.devctl(&["admin", "uninstall"]);
        admin.until_gone();
    }
    assert!(unneeded.is_empty(), "{unneeded:#?}");

    // Uninstall needs its required rules only: counting the flavors is optional.
    admin.ok(&["admin", "install", "--reaper-image", IMAGE]);
    let required: Vec<Rule> = uninstall
        .iter()
        .filter(|r| r.need == permissions::Need::Required)
        .copied()
        .collect();
    assert!(required.len() < uninstall.len());
    grant_exactly(admin.cluster, &installer, &required);
    let out = run(&["admin", "uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    admin.until_gone();
    assert!(admin.installed().iter().all(|(_, there)| !there));
}

#[test]
fn dry_run_prints_valid_objects_and_touches_nothing() {
    let Some(admin) = Admin::new() else { return };
    let yaml = admin.ok(&["admin", "install", "--dry-run", "--reaper-image", IMAGE]);
    assert!(admin.installed().iter().all(|(_, there)| !there));
    let file = admin.env.home().join("install.yaml");
    std::fs::write(&file, &yaml).unwrap();
    if let Some(validate) = validator() {
        let check = std::process::Command::new(validate)
            .args(["--strict", "-k", "1.36.0"])
            .arg(&file)
            .output()
            .unwrap();
        let report = format!("{}{}", stdout(&check), stderr(&check));
        assert!(check.status.success(), "{report}");
        // Every standard object is checked against the published schemas; kubernetes-validate
        // has none for DevServerFlavor and only warns, so those are checked below against our
        // CRD by the API server itself.
        let passed = report
            .lines()
            .filter(|l| l.contains("passed for resource"))
            .count();
        assert_eq!(passed, 8, "{report}");
        let unchecked: Vec<_> = report.lines().filter(|l| l.starts_with("WARN")).collect();
        assert_eq!(unchecked.len(), 3, "{report}");
        assert!(
            unchecked.iter().all(|l| l.contains("kind DevServerFlavor")),
            "{report}"
        );
    }
    // JSON is one List of the same objects.
    let json = admin.ok(&[
        "admin",
        "install",
        "--dry-run",
        "-o",
        "json",
        "--reaper-image",
        IMAGE,
    ]);
    let list: serde_json::Value = serde_json::from_str(&json).unwrap();
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 11);
    let kinds: Vec<_> = items.iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "CustomResourceDefinition",
            "DevServerFlavor",
            "DevServerFlavor",
            "DevServerFlavor",
            "ClusterRole",
            "ClusterRole",
            "Namespace",
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "CronJob",
        ]
    );
    // The flavors, against the CRD in the API server, with dryRun=All: nothing is stored.
    testcluster::block_on(async {
        let client = admin.cluster.client().await.unwrap();
        let crds: Api<CustomResourceDefinition> = Api::all(client.clone());
        crds.create(&PostParams::default(), &crd::flavor_crd())
            .await
            .unwrap();
        let established = kube::runtime::wait::await_condition(
            crds.clone(),
            crd::CRD_NAME,
            kube::runtime::wait::conditions::is_crd_established(),
        );
        tokio::time::timeout(Duration::from_secs(60), established)
            .await
            .unwrap()
            .unwrap();
        let resource = ApiResource::from_gvk_with_plural(
            &GroupVersionKind::gvk("devserver.io", "v1", "DevServerFlavor"),
            "devserverflavors",
        );
        let flavors: Api<DynamicObject> = Api::all_with(client.clone(), &resource);
        let dry = PostParams {
            dry_run: true,
            ..PostParams::default()
        };
        for item in items.iter().filter(|i| i["kind"] == "DevServerFlavor") {
            let object: DynamicObject = serde_json::from_value(item.clone()).unwrap();
            let made = flavors.create(&dry, &object).await.unwrap();
            assert_eq!(serde_json::to_value(&made).unwrap()["spec"], item["spec"]);
        }
        assert!(
            flavors
                .list(&Default::default())
                .await
                .unwrap()
                .items
                .is_empty()
        );
        crds.delete(crd::CRD_NAME, &Default::default())
            .await
            .unwrap();
    });
    admin.until_gone();
    assert_eq!(items.len(), 1 + flavor::builtin().len() + 2 + 5);
}

#[test]
fn bad_reaper_input_is_a_usage_error_before_any_request() {
    let env = Env::new();
    // An unreachable server: any request would fail with exit 7, not 2.
    let kubeconfig = env.home().join("nowhere.kubeconfig");
    std::fs::write(
        &kubeconfig,
        "apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: 'https://127.0.0.1:1'}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\ncurrent-context: c\n",
    )
    .unwrap();
    for (args, want) in [
        (
            &["admin", "install", "--reaper-image", "Not An Image"][..],
            "invalid --reaper-image",
        ),
        (
            &[
                "admin",
                "install",
                "--reaper-image",
                IMAGE,
                "--reaper-schedule",
                "every hour",
            ],
            "invalid --reaper-schedule",
        ),
    ] {
        let out = env.devctl_at(&kubeconfig).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(want), "{err}");
    }
}

#[test]
fn the_reaper_account_reaps_expired_devservers_everywhere_and_may_do_nothing_else() {
    let Some(admin) = Admin::new() else { return };
    admin.ok(&["admin", "install", "--reaper-image", IMAGE]);
    let (ns_a, ns_b) = testcluster::block_on(async {
        (
            admin.cluster.create_namespace("reap-a").await.unwrap(),
            admin.cluster.create_namespace("reap-b").await.unwrap(),
        )
    });
    admin.ok(&["-n", &ns_a, "create", "old", "--ttl", "1h"]);
    admin.ok(&["-n", &ns_b, "create", "live", "--ttl", "1h"]);
    testcluster::block_on(async {
        let sets: Api<StatefulSet> = Api::namespaced(admin.cluster.client().await.unwrap(), &ns_a);
        let past = serde_json::json!({"metadata": {"annotations": {"devserver.io/expires-at": "2000-01-01T00:00:00Z"}}});
        sets.patch("old", &PatchParams::default(), &Patch::Merge(past))
            .await
            .unwrap();
    });

    // The CronJob's command, by hand, as its ServiceAccount.
    let job: CronJob = testcluster::block_on(async {
        let jobs: Api<CronJob> =
            Api::namespaced(admin.cluster.client().await.unwrap(), "devctl-system");
        jobs.get("devctl-reaper").await.unwrap()
    });
    let pod = job
        .spec
        .unwrap()
        .job_template
        .spec
        .unwrap()
        .template
        .spec
        .unwrap();
    assert_eq!(pod.service_account_name.as_deref(), Some("devctl-reaper"));
    let args = pod.containers[0].args.clone().unwrap();
    assert_eq!(args, ["reap", "-A"]);
    let account = testcluster::block_on(
        admin
            .cluster
            .service_account_user("devctl-system", "devctl-reaper"),
    )
    .unwrap();
    let as_reaper = |args: &[&str]| {
        admin
            .env
            .devctl_at(&account.kubeconfig)
            .args(args)
            .output()
            .unwrap()
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = as_reaper(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("old"), "{}", stdout(&out));
    assert!(!admin.statefulset_exists(&ns_a, "old"), "expired: reaped");
    assert!(admin.statefulset_exists(&ns_b, "live"), "live: kept");

    // Its ClusterRole is what reap -A needs, generated from the table, and nothing more.
    let role: ClusterRole = testcluster::block_on(async {
        let roles: Api<ClusterRole> = Api::all(admin.cluster.client().await.unwrap());
        roles.get("devctl-reaper").await.unwrap()
    });
    assert_eq!(role.rules, reaper::cluster_role().rules);
    let rules = role.rules.unwrap();
    assert_eq!(rules.len(), 1);
    assert_eq!(rules[0].verbs, ["delete", "list"]);
    assert_eq!(
        rules[0].resources.as_deref(),
        Some(&["statefulsets".to_string()][..])
    );

    // Anything else is refused.
    for refused in [
        &["-n", &ns_b, "create", "intruder"][..],
        &["-n", &ns_b, "delete", "live", "--yes"],
        &["-n", &ns_b, "exec", "live", "--", "true"],
        &["admin", "install"],
    ] {
        let out = as_reaper(refused);
        assert_eq!(out.status.code(), Some(5), "{refused:?}: {}", stderr(&out));
    }
    assert!(admin.statefulset_exists(&ns_b, "live"));
    admin.ok(&["admin", "uninstall"]);
    admin.until_gone();
}

fn validator() -> Option<&'static str> {
    let found = std::process::Command::new("kubernetes-validate")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        Some("kubernetes-validate")
    } else if std::env::var_os("TESTCLUSTER_REQUIRED").is_some() {
        panic!("kubernetes-validate is needed (pip install kubernetes-validate)")
    } else {
        eprintln!("skipping the schema check: kubernetes-validate is not installed");
        None
    }
}

#[test]
fn uninstall_leaves_an_object_of_the_same_name_that_devctl_did_not_make() {
    let Some(admin) = Admin::new() else { return };
    testcluster::block_on(async {
        let roles: Api<ClusterRole> = Api::all(admin.cluster.client().await.unwrap());
        let theirs: ClusterRole = serde_json::from_value(serde_json::json!({
            "metadata": {"name": "devctl-user"}, "rules": [],
        }))
        .unwrap();
        roles.create(&PostParams::default(), &theirs).await.unwrap();
    });
    // install does not take it over (a later uninstall would delete it)...
    let out = admin.devctl(&["admin", "install"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "clusterrole.rbac.authorization.k8s.io/devctl-user exists and devctl did not make it"
        ),
        "{}",
        stderr(&out)
    );
    testcluster::block_on(async {
        let roles: Api<ClusterRole> = Api::all(admin.cluster.client().await.unwrap());
        let role = roles.get("devctl-user").await.unwrap();
        assert!(
            !devctl::cluster::admin::made_by_devctl(&role.metadata),
            "{role:?}"
        );
        assert_eq!(
            role.rules.unwrap_or_default().len(),
            0,
            "its rules are its own"
        );
    });
    // ...and uninstall leaves it too.
    let out = admin.devctl(&["admin", "uninstall"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("clusterrole.rbac.authorization.k8s.io/devctl-user was not made by devctl; left as it is"),
        "{err}"
    );
    // The rest of what the refused install made goes.
    assert!(!err.contains("failed"), "{err}");
    testcluster::block_on(async {
        let roles: Api<ClusterRole> = Api::all(admin.cluster.client().await.unwrap());
        assert!(roles.get_opt("devctl-user").await.unwrap().is_some());
        roles
            .delete("devctl-user", &Default::default())
            .await
            .unwrap();
    });
}
