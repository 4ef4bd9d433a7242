//! The permission table (`devctl::cluster::permissions`) against the real test cluster: each
//! command, run by a user bound to a Role and ClusterRole built from exactly that command's
//! rules, succeeds; without any one required rule it exits 5; without an optional rule it
//! falls back as the table says; without a rollback rule, a create that fails half-way names
//! what it left behind. `status` checks exactly the union of the table.
//!
//! Where today's code does not make a call the table names (work in progress elsewhere),
//! [`KNOWN_GAPS`] says so, and [`KNOWN_EXTRA`] lists calls the code makes that the table
//! leaves out on purpose. Both are strict: an entry that is no longer true fails the test,
//! naming it, so that it is removed once the code lands.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

mod common;

use std::process::Output;
use std::time::{Duration, Instant};

use common::sshd::Sshd;
use common::{Env, stderr, stdout};
use devctl::cluster::permissions::{self, Command, Need, Rule, Scope};
use devctl::devserver::admin::SYSTEM_NAMESPACE;
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::authorization::v1::SelfSubjectAccessReview;
use k8s_openapi::api::core::v1::{Namespace, PersistentVolumeClaim, Pod};
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding, Role, RoleBinding};
use kube::api::{Api, Patch, PatchParams, PostParams};
use testcluster::{Cluster, User};

/// `(case, rule, why)`: the table names a call that today's code does not make, or makes
/// without the exit code DESIGN §4 gives a refusal. Remove an entry when its code lands.
const KNOWN_GAPS: &[(&str, &str, &str)] = &[];

#[allow(dead_code, reason = "builds KNOWN_EXTRA entries; there are none today")]
const fn extra(verb: &'static str, resource: &'static str, scope: Scope) -> Rule {
    Rule {
        verb,
        group: "",
        resource,
        subresource: "",
        scope,
        need: Need::Required,
        when: None,
        everyone: false,
        why: "called by today's code, not needed",
    }
}

/// `(case, rule, why)`: calls today's code makes that the table leaves out on purpose; the
/// test grants them on top of the table until the code stops making them.
const KNOWN_EXTRA: &[(&str, Rule, &str)] = &[];

/// Commands not run here rule by rule: the job commands, whose waits (`job wait`, `--wait`,
/// `-f`) cannot end on simulated pods, which never finish. tests/admin_users.rs runs each of
/// them on the real node as a user bound to the roles the table builds.
const NOT_RUN_HERE: [Command; 6] = [
    Command::JobRun,
    Command::JobList,
    Command::JobDescribe,
    Command::JobLogs,
    Command::JobWait,
    Command::JobDelete,
];

/// What a case's namespace holds before each try.
#[derive(Clone, Copy, PartialEq)]
enum Setup {
    Nothing,
    /// A claim `data` to mount; each try creates a new devserver.
    Claim,
    /// A running devserver `box` (SSH and port 8888 on a NodePort), its pod Ready before
    /// each try.
    Running,
    /// A new running devserver with a home volume for each try.
    Fresh,
    /// A new expired devserver for each try.
    Expired,
    /// A devserver `box` that is stopped before each try; with `sshd`, its real sshd runs
    /// and it authorizes the user's key.
    Stopped {
        sshd: bool,
    },
    /// A job `done` that ran on the real node (its results are read there) and finished.
    FinishedJob,
}

/// One invocation of a command and the rules of its table that it exercises.
struct Case {
    label: &'static str,
    command: Command,
    /// Covers the command's every-namespace (`-A`) rules, and only those.
    all_namespaces: bool,
    setup: Setup,
    /// `NAME` is the try's devserver, `ENVFILE` an env file.
    args: &'static [&'static str],
}

const WAIT: [&str; 3] = ["--wait", "--timeout", "90s"];

fn cases() -> Vec<Case> {
    let case = |label, command, setup, args| Case {
        label,
        command,
        all_namespaces: false,
        setup,
        args,
    };
    vec![
        case(
            "create",
            Command::Create,
            Setup::Claim,
            &[
                "create",
                "NAME",
                "--home",
                "1Gi",
                "--volume",
                "data:/data",
                "--env-file",
                "ENVFILE",
                WAIT[0],
                WAIT[1],
                WAIT[2],
            ],
        ),
        case(
            "list",
            Command::List,
            Setup::Running,
            &["list", "--all-users", "-o", "json"],
        ),
        Case {
            all_namespaces: true,
            ..case(
                "list -A",
                Command::List,
                Setup::Nothing,
                &["list", "-A", "-o", "json"],
            )
        },
        case(
            "describe",
            Command::Describe,
            Setup::Running,
            &["describe", "box", "-o", "json"],
        ),
        case(
            "delete",
            Command::Delete,
            Setup::Fresh,
            &[
                "delete", "NAME", "--yes", "--purge", WAIT[0], WAIT[1], WAIT[2],
            ],
        ),
        case("stop", Command::Stop, Setup::Running, &["stop", "box"]),
        case(
            "start",
            Command::Start,
            Setup::Running,
            &["start", "box", WAIT[0], WAIT[1], WAIT[2]],
        ),
        case(
            "restart",
            Command::Restart,
            Setup::Running,
            &["restart", "box", WAIT[0], WAIT[1], WAIT[2]],
        ),
        case(
            "extend",
            Command::Extend,
            Setup::Running,
            &["extend", "box", "--ttl", "1h"],
        ),
        case(
            "logs",
            Command::Logs,
            Setup::Running,
            &["logs", "box", "--tail", "1"],
        ),
        case(
            "events",
            Command::Events,
            Setup::Running,
            &["events", "box", "--watch", "--for", "2s"],
        ),
        case(
            "ssh",
            Command::Ssh,
            Setup::Stopped { sshd: true },
            &["ssh", "box", "--start", "--", "true"],
        ),
        case(
            "proxy",
            Command::Proxy,
            // With sshd there, the bridge ends with its input, whatever the timing.
            Setup::Stopped { sshd: true },
            &["proxy", "box", "--start"],
        ),
        case(
            "cp",
            Command::Cp,
            Setup::Stopped { sshd: true },
            &["cp", "--start", "/etc/hostname", "box:/tmp/"],
        ),
        case(
            "exec",
            Command::Exec,
            Setup::Stopped { sshd: false },
            &["exec", "box", "--start", "--", "true"],
        ),
        // Run with one connection, then Ctrl-C (see Lab::run_port_forward).
        case(
            "port-forward",
            Command::PortForward,
            Setup::Stopped { sshd: false },
            &["port-forward", "box", "--start", ":8888"],
        ),
        case(
            "ssh-config",
            Command::SshConfig,
            Setup::Running,
            &["ssh-config", "--write"],
        ),
        Case {
            all_namespaces: true,
            ..case(
                "ssh-config -A",
                Command::SshConfig,
                Setup::Nothing,
                &["ssh-config", "-A"],
            )
        },
        case("reap", Command::Reap, Setup::Expired, &["reap"]),
        Case {
            all_namespaces: true,
            ..case("reap -A", Command::Reap, Setup::Expired, &["reap", "-A"])
        },
        case("version", Command::Version, Setup::Nothing, &["version"]),
        case(
            "flavors",
            Command::Flavors,
            Setup::Nothing,
            &["flavors", "-o", "json"],
        ),
        // A short --timeout: without `delete pods`, the reader lives until its deadline.
        case(
            "job results",
            Command::JobResults,
            Setup::FinishedJob,
            &["job", "results", "done", "--list", "--timeout", "1m"],
        ),
    ]
}

impl Case {
    fn rules(&self) -> Vec<Rule> {
        let mut rules: Vec<Rule> = Vec::new();
        for rule in permissions::needs(self.command) {
            // The -A case of a command has its -A rules; a command that reads every
            // namespace without -A (flavors, create) has them in its plain case.
            let dash_a = rule.scope == Scope::AllNamespaces
                && rule.when.is_some_and(|w| w.starts_with("-A"));
            let wanted = dash_a == self.all_namespaces && !(self.all_namespaces && rule.everyone);
            if wanted && !rules.iter().any(|r| r.same_permission(rule)) {
                rules.push(*rule);
            }
        }
        rules
    }

    fn extras(&self) -> Vec<Rule> {
        KNOWN_EXTRA
            .iter()
            .filter(|(case, _, _)| *case == self.label)
            .map(|(_, rule, _)| *rule)
            .collect()
    }

    fn gap(&self, rule: &Rule) -> Option<&'static str> {
        KNOWN_GAPS
            .iter()
            .find(|(case, key, _)| *case == self.label && *key == key_of(rule))
            .map(|(_, _, why)| *why)
    }
}

/// How KNOWN_GAPS name a rule.
fn key_of(rule: &Rule) -> String {
    match rule.scope {
        Scope::AllNamespaces => format!("{} (all namespaces)", rule.describe()),
        Scope::System => format!("{} (in {SYSTEM_NAMESPACE})", rule.describe()),
        _ => rule.describe(),
    }
}

/// One case's namespace, user and roles.
struct Lab<'c> {
    cluster: &'static Cluster,
    case: &'c Case,
    ns: String,
    user: User,
    env: Env,
    admin: Env,
    tries: usize,
    /// The rules whose answer `grant` waits for.
    watched: Vec<Rule>,
    /// Flags of the case that the command does not have yet.
    missing_flags: Vec<&'static str>,
    failures: Vec<String>,
    notes: Vec<String>,
    /// The real sshd of the case's devserver, when it needs one.
    sshd: Option<Sshd>,
}

fn role_name(ns: &str) -> String {
    format!("devctl-{ns}")
}

impl<'c> Lab<'c> {
    fn new(cluster: &'static Cluster, case: &'c Case) -> Lab<'c> {
        let prefix = format!("perm-{}", case.label.replace([' ', '-'], "").to_lowercase());
        let ns = cluster.namespace(&prefix).unwrap();
        let user = cluster.user(&format!("{ns}-user"), &[]).unwrap();
        let name = role_name(&ns);
        let subject = serde_json::json!([{"kind": "User", "name": user.name, "apiGroup": "rbac.authorization.k8s.io"}]);
        testcluster::block_on(async {
            let admin = cluster.client().await.unwrap();
            let pp = PostParams::default();
            let role: Role =
                serde_json::from_value(serde_json::json!({"metadata": {"name": "devctl"}}))
                    .unwrap();
            Api::<Role>::namespaced(admin.clone(), &ns)
                .create(&pp, &role)
                .await
                .unwrap();
            let binding: RoleBinding = serde_json::from_value(serde_json::json!({
                "metadata": {"name": "devctl"},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "devctl"},
                "subjects": subject,
            }))
            .unwrap();
            Api::<RoleBinding>::namespaced(admin.clone(), &ns)
                .create(&pp, &binding)
                .await
                .unwrap();
            let role: ClusterRole =
                serde_json::from_value(serde_json::json!({"metadata": {"name": name}})).unwrap();
            Api::<ClusterRole>::all(admin.clone())
                .create(&pp, &role)
                .await
                .unwrap();
            let binding: ClusterRoleBinding = serde_json::from_value(serde_json::json!({
                "metadata": {"name": name},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": name},
                "subjects": subject,
            }))
            .unwrap();
            Api::<ClusterRoleBinding>::all(admin.clone())
                .create(&pp, &binding)
                .await
                .unwrap();
            // A Role of this lab's own in devctl-system, for the rules there (the reaper's).
            let system: Namespace =
                serde_json::from_value(serde_json::json!({"metadata": {"name": SYSTEM_NAMESPACE}}))
                    .unwrap();
            match Api::<Namespace>::all(admin.clone())
                .create(&pp, &system)
                .await
            {
                Ok(_) => {}
                Err(kube::Error::Api(s)) if s.code == 409 => {}
                Err(e) => panic!("{e}"),
            }
            let role: Role =
                serde_json::from_value(serde_json::json!({"metadata": {"name": name}})).unwrap();
            Api::<Role>::namespaced(admin.clone(), SYSTEM_NAMESPACE)
                .create(&pp, &role)
                .await
                .unwrap();
            let binding: RoleBinding = serde_json::from_value(serde_json::json!({
                "metadata": {"name": name},
                "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": name},
                "subjects": subject,
            }))
            .unwrap();
            Api::<RoleBinding>::namespaced(admin, SYSTEM_NAMESPACE)
                .create(&pp, &binding)
                .await
                .unwrap();
        });
        let env = Env::new();
        let words = case.args.iter().take_while(|a| !a.starts_with('-'));
        let help = env.devctl().args(words).arg("--help").output().unwrap();
        let help = stdout(&help);
        let missing_flags = case
            .args
            .iter()
            .copied()
            .filter(|a| a.starts_with("--") && !help.contains(a))
            .collect();
        Lab {
            cluster,
            case,
            ns,
            user,
            env,
            admin: Env::new(),
            tries: 0,
            watched: case
                .rules()
                .into_iter()
                .chain(case.extras())
                .filter(|r| !r.everyone)
                .collect(),
            missing_flags,
            failures: Vec::new(),
            notes: Vec::new(),
            sshd: None,
        }
    }

    fn fail(&mut self, what: String) {
        self.failures.push(format!("{}: {what}", self.case.label));
    }

    /// devctl as the admin, in the lab's namespace; it must succeed.
    fn admin_devctl(&self, args: &[&str]) {
        let out = self
            .admin
            .devctl_at(self.cluster.kubeconfig())
            .args(["-n", &self.ns])
            .args(args)
            .timeout(Duration::from_secs(120))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}: setup {args:?}: {}",
            self.case.label,
            stderr(&out)
        );
    }

    /// Grants exactly `rules` (and the known extras), and returns once the authorizer
    /// answers accordingly for every rule of the case.
    fn grant(&self, rules: &[Rule]) {
        let mut granted: Vec<Rule> = rules.to_vec();
        granted.extend(self.case.extras());
        self.grant_exactly(&granted);
    }

    /// Grants `granted` and nothing else, and waits as [`Lab::grant`] does.
    fn grant_exactly(&self, granted: &[Rule]) {
        let (namespaced, cluster_wide) = permissions::policy_rules(granted);
        let system = permissions::system_policy_rules(granted);
        let watched = &self.watched;
        testcluster::block_on(async {
            let admin = self.cluster.client().await.unwrap();
            let pp = PatchParams::default();
            Api::<Role>::namespaced(admin.clone(), &self.ns)
                .patch(
                    "devctl",
                    &pp,
                    &Patch::Merge(serde_json::json!({ "rules": namespaced })),
                )
                .await
                .unwrap();
            Api::<ClusterRole>::all(admin.clone())
                .patch(
                    &role_name(&self.ns),
                    &pp,
                    &Patch::Merge(serde_json::json!({ "rules": cluster_wide })),
                )
                .await
                .unwrap();
            Api::<Role>::namespaced(admin, SYSTEM_NAMESPACE)
                .patch(
                    &role_name(&self.ns),
                    &pp,
                    &Patch::Merge(serde_json::json!({ "rules": system })),
                )
                .await
                .unwrap();
            let reviews = Api::<SelfSubjectAccessReview>::all(
                self.cluster.client_for(&self.user).await.unwrap(),
            );
            let deadline = Instant::now() + Duration::from_secs(30);
            loop {
                let answers = futures::future::join_all(watched.iter().map(|r| {
                    let reviews = reviews.clone();
                    let review = review(r, &self.ns);
                    async move { reviews.create(&PostParams::default(), &review).await }
                }))
                .await;
                let settled = watched.iter().zip(answers).all(|(r, answer)| {
                    let allowed = answer.unwrap().status.is_some_and(|s| s.allowed);
                    allowed == granted.iter().any(|g| g.same_permission(r))
                });
                if settled {
                    return;
                }
                assert!(
                    Instant::now() < deadline,
                    "{}: the roles never took effect",
                    self.case.label
                );
                // The authorizer's informers catch up within milliseconds; ask again.
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        });
    }

    /// Makes what the case acts on; returns the try's devserver name.
    fn prepare(&mut self) -> String {
        self.tries += 1;
        let name = match self.case.setup {
            Setup::Claim => format!("c{}", self.tries),
            Setup::Fresh => format!("d{}", self.tries),
            Setup::Expired => format!("r{}", self.tries),
            Setup::Nothing | Setup::Running | Setup::Stopped { .. } => "box".to_string(),
            Setup::FinishedJob => "done".to_string(),
        };
        match self.case.setup {
            Setup::Nothing => {}
            Setup::Claim if self.tries == 1 => {
                std::fs::write(self.env.home().join("dev.env"), "TOKEN=not-a-secret\n").unwrap();
                testcluster::block_on(async {
                    let claim: PersistentVolumeClaim = serde_json::from_value(serde_json::json!({
                        "metadata": {"name": "data"},
                        "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}}
                    }))
                    .unwrap();
                    Api::<PersistentVolumeClaim>::namespaced(
                        self.cluster.client().await.unwrap(),
                        &self.ns,
                    )
                    .create(&PostParams::default(), &claim)
                    .await
                    .unwrap();
                });
            }
            Setup::Claim => {}
            Setup::Running => {
                if self.tries == 1 {
                    self.admin_devctl(&["create", "box", "--expose", "nodeport", "--port", "8888"]);
                }
                self.until_running("box");
            }
            Setup::Stopped { sshd } => {
                if self.tries == 1 {
                    let key = common::sshd::user_key_in(self.env.home());
                    let public = key.with_extension("pub").display().to_string();
                    self.admin_devctl(&["create", "box", "--ssh-key", &public]);
                    self.until_running("box");
                    if sshd {
                        self.sshd = Some(
                            Sshd::start_in(self.cluster, &self.ns, self.env.home(), "box", None)
                                .expect("root and debootstrap for sshd"),
                        );
                    }
                }
                self.admin_devctl(&["stop", "box"]);
                self.until_no_pod("box");
            }
            Setup::FinishedJob if self.tries == 1 => {
                common::jobs::run_job(
                    self.cluster,
                    &self.ns,
                    "done",
                    1,
                    "echo 42 > /results/answer",
                    true,
                );
            }
            Setup::FinishedJob => {}
            Setup::Fresh => {
                self.admin_devctl(&["create", &name, "--home", "1Gi"]);
                self.until_running(&name);
            }
            Setup::Expired => {
                self.admin_devctl(&["create", &name]);
                testcluster::block_on(async {
                    let sets: Api<StatefulSet> =
                        Api::namespaced(self.cluster.client().await.unwrap(), &self.ns);
                    let past = serde_json::json!({"metadata": {"annotations": {"devserver.io/expires-at": "2000-01-01T00:00:00Z"}}});
                    sets.patch(&name, &PatchParams::default(), &Patch::Merge(past))
                        .await
                        .unwrap();
                });
            }
        }
        name
    }

    /// The devserver's pod gone, as the admin.
    fn until_no_pod(&self, name: &str) {
        testcluster::block_on(async {
            let pods: Api<Pod> = Api::namespaced(self.cluster.client().await.unwrap(), &self.ns);
            let pod = format!("{name}-0");
            let gone =
                kube::runtime::wait::await_condition(pods, &pod, |p: Option<&Pod>| p.is_none());
            tokio::time::timeout(Duration::from_secs(90), gone)
                .await
                .unwrap_or_else(|_| panic!("{}: {name}-0 never went away", self.case.label))
                .unwrap();
        });
    }

    /// Replicas 1 and the pod Ready (not a terminating one), as the admin.
    fn until_running(&self, name: &str) {
        testcluster::block_on(async {
            let admin = self.cluster.client().await.unwrap();
            Api::<StatefulSet>::namespaced(admin.clone(), &self.ns)
                .patch(
                    name,
                    &PatchParams::default(),
                    &Patch::Merge(serde_json::json!({"spec": {"replicas": 1}})),
                )
                .await
                .unwrap();
            let pods: Api<Pod> = Api::namespaced(admin, &self.ns);
            let pod = format!("{name}-0");
            let ready = kube::runtime::wait::await_condition(pods, &pod, |p: Option<&Pod>| {
                p.is_some_and(|p| {
                    p.metadata.deletion_timestamp.is_none()
                        && p.status
                            .as_ref()
                            .and_then(|s| s.conditions.as_ref())
                            .is_some_and(|cs| {
                                cs.iter().any(|c| c.type_ == "Ready" && c.status == "True")
                            })
                })
            });
            tokio::time::timeout(Duration::from_secs(90), ready)
                .await
                .unwrap_or_else(|_| panic!("{}: {name} never got ready", self.case.label))
                .unwrap();
        });
    }

    /// The case's invocation as the user, without the flags the command lacks.
    fn run(&self, name: &str) -> Output {
        let env_file = self.env.home().join("dev.env").display().to_string();
        let mut args: Vec<String> = Vec::new();
        let mut skip_value = false;
        for a in self.case.args {
            if skip_value {
                skip_value = false;
                if !a.starts_with('-') {
                    continue;
                }
            }
            if self.missing_flags.contains(a) {
                skip_value = true;
                continue;
            }
            args.push(match *a {
                "NAME" => name.to_string(),
                "ENVFILE" => env_file.clone(),
                other => other.to_string(),
            });
        }
        self.run_args(&args)
    }

    fn run_args(&self, args: &[String]) -> Output {
        if self.case.command == Command::PortForward {
            return self.run_port_forward(args);
        }
        self.env
            .devctl_at(&self.user.kubeconfig)
            .args(["-n", &self.ns])
            .args(args)
            .timeout(Duration::from_secs(120))
            .output()
            .unwrap()
    }

    /// `port-forward` runs until stopped: once it says it forwards, one connection goes through
    /// (the node agent has no target for the port, so the pod's side refuses it and the
    /// connection closes), then Ctrl-C, which ends it with 0. A refusal by the API server ends
    /// it before that, with 5.
    fn run_port_forward(&self, args: &[String]) -> Output {
        use std::io::{BufRead as _, Read as _};
        let mut child = self
            .env
            .process()
            .arg("--kubeconfig")
            .arg(&self.user.kubeconfig)
            .args(["-n", &self.ns])
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
        let mut seen = String::new();
        let mut line = String::new();
        while err.read_line(&mut line).unwrap() > 0 {
            seen.push_str(&line);
            let port = line
                .strip_prefix("Forwarding from 127.0.0.1:")
                .and_then(|rest| rest.split_once(' '))
                .map(|(port, _)| port.parse::<u16>().unwrap());
            line.clear();
            let Some(port) = port else { continue };
            if let Ok(mut conn) = std::net::TcpStream::connect(("127.0.0.1", port)) {
                conn.set_read_timeout(Some(Duration::from_secs(60)))
                    .unwrap();
                let _ = conn.read_to_end(&mut Vec::new());
            }
            if child.try_wait().unwrap().is_none() {
                let sent = std::process::Command::new("kill")
                    .args(["-INT", &child.id().to_string()])
                    .status()
                    .unwrap();
                assert!(sent.success());
            }
            break;
        }
        err.read_to_string(&mut seen).unwrap();
        let mut stdout = Vec::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_end(&mut stdout)
            .unwrap();
        Output {
            status: child.wait().unwrap(),
            stdout,
            stderr: seen.into_bytes(),
        }
    }

    /// The case end to end: every rule, then each one taken away.
    fn check(&mut self) {
        let rules = self.case.rules();
        let granted: Vec<Rule> = rules.iter().filter(|r| !r.everyone).copied().collect();
        for flag in self.missing_flags.clone() {
            for rule in rules.iter().filter(|r| r.when == Some(flag)) {
                if self.case.gap(rule).is_none() {
                    self.fail(format!(
                        "{} needs {flag}, which the command lacks, and is no known gap",
                        key_of(rule)
                    ));
                }
            }
            self.notes.push(format!(
                "{}: {flag} is not there yet; left out",
                self.case.label
            ));
        }

        self.grant(&granted);
        let name = self.prepare();
        let out = self.run(&name);
        if out.status.code() != Some(0) {
            self.fail(format!(
                "with every rule of its table: exit {:?}: {}",
                out.status.code(),
                stderr(&out)
            ));
            return;
        }
        if self.case.command == Command::Create && stderr(&out).contains("DevServerFlavors") {
            self.fail(format!(
                "warned about flavors it may read: {}",
                stderr(&out)
            ));
        }
        if self.case.command == Command::Version && !stdout(&out).contains("Server Version:") {
            self.fail(format!("no server version: {}", stdout(&out)));
        }

        for rule in &rules {
            if rule.everyone {
                continue;
            }
            if rule.when.is_some_and(|w| self.missing_flags.contains(&w)) {
                continue;
            }
            let without: Vec<Rule> = granted
                .iter()
                .filter(|r| !r.same_permission(rule))
                .copied()
                .collect();
            let (held, what) = match rule.need {
                Need::Required => {
                    self.grant(&without);
                    let name = self.prepare();
                    let out = self.run(&name);
                    (
                        out.status.code() == Some(5),
                        format!("exit {:?}: {}", out.status.code(), stderr(&out)),
                    )
                }
                Need::Rollback => self.rollback_without(rule, &without),
                Need::Optional(_) => self.fallback_without(rule, &without),
            };
            match (held, self.case.gap(rule)) {
                (true, None) => {}
                (false, None) => self.fail(format!("without {}: {what}", key_of(rule))),
                (true, Some(_)) => self.fail(format!(
                    "known gap fixed: remove ({:?}, {:?}) from KNOWN_GAPS",
                    self.case.label,
                    key_of(rule)
                )),
                (false, Some(why)) => self.notes.push(format!(
                    "{}: known gap, {}: {why} (today: {})",
                    self.case.label,
                    key_of(rule),
                    what.lines().next().unwrap_or_default()
                )),
            }
        }

        self.check_extras_are_still_needed(&granted);
    }

    /// Each KNOWN_EXTRA entry of the case: the command still fails without it.
    fn check_extras_are_still_needed(&mut self, granted: &[Rule]) {
        let extras = self.case.extras();
        if extras.is_empty() {
            return;
        }
        self.grant_exactly(granted);
        let name = self.prepare();
        let out = self.run(&name);
        if out.status.code() == Some(0) {
            self.fail(format!(
                "known extra no longer needed: remove {:?} from KNOWN_EXTRA",
                extras.iter().map(key_of).collect::<Vec<_>>()
            ));
        } else {
            self.notes.push(format!(
                "{}: known extra, today's code also needs {:?}",
                self.case.label,
                extras.iter().map(key_of).collect::<Vec<_>>()
            ));
        }
    }

    /// A create that fails half-way (another create refused) and may not undo `rule`'s
    /// object: the error must name what was left behind.
    fn rollback_without(&mut self, rule: &Rule, without: &[Rule]) -> (bool, String) {
        // The StatefulSet comes first; then the Secret, ConfigMap and Services at once.
        let trigger = if rule.resource == "configmaps" {
            "secrets"
        } else {
            "configmaps"
        };
        let rest: Vec<Rule> = without
            .iter()
            .filter(|r| !(r.verb == "create" && r.resource == trigger))
            .copied()
            .collect();
        self.grant(&rest);
        let name = self.prepare();
        let out = self.run(&name);
        let (kind, object) = match rule.resource {
            "statefulsets" => ("statefulset", name.clone()),
            "secrets" => ("secret", format!("{name}-ssh")),
            "configmaps" => ("configmap", format!("{name}-init")),
            "services" => ("service", name.clone()),
            other => panic!("no rollback object for {other}"),
        };
        let err = stderr(&out).to_lowercase();
        let named = [format!("{kind}/{object}"), format!("{kind} {object}")]
            .iter()
            .any(|s| err.contains(s.as_str()));
        (
            out.status.code() != Some(0) && named && !err.contains("nothing was left behind"),
            format!(
                "exit {:?}, the error should name {kind} {object}: {}",
                out.status.code(),
                stderr(&out)
            ),
        )
    }

    /// With `on`, a ResourceQuota `perm-none` allowing no StatefulSet in the lab's namespace,
    /// returning once the quota controller counts it (admission enforces only what it
    /// counts); without, none.
    fn quota_none(&self, on: bool) {
        use k8s_openapi::api::core::v1::ResourceQuota;
        testcluster::block_on(async {
            let quotas: Api<ResourceQuota> =
                Api::namespaced(self.cluster.client().await.unwrap(), &self.ns);
            if !on {
                quotas
                    .delete("perm-none", &Default::default())
                    .await
                    .unwrap();
                return;
            }
            let quota: ResourceQuota = serde_json::from_value(serde_json::json!({
                "metadata": {"name": "perm-none"},
                "spec": {"hard": {"count/statefulsets.apps": "0"}},
            }))
            .unwrap();
            quotas.create(&PostParams::default(), &quota).await.unwrap();
            let counted = kube::runtime::wait::await_condition(
                quotas,
                "perm-none",
                |q: Option<&ResourceQuota>| {
                    q.and_then(|q| q.status.as_ref())
                        .and_then(|s| s.used.as_ref())
                        .is_some_and(|u| u.contains_key("count/statefulsets.apps"))
                },
            );
            tokio::time::timeout(Duration::from_secs(60), counted)
                .await
                .expect("the quota controller counts perm-none")
                .unwrap();
        });
    }

    /// The object `name` of kind `K` in the lab's namespace, as the admin.
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
            Api::<K>::namespaced(self.cluster.client().await.unwrap(), &self.ns)
                .get_opt(name)
                .await
                .unwrap()
        })
    }

    /// An optional rule taken away: the command goes on as the table says.
    fn fallback_without(&mut self, rule: &Rule, without: &[Rule]) -> (bool, String) {
        let schedulable = |out: &Output| {
            let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
            list["items"][0]["schedulable"].clone()
        };
        match (self.case.command, key_of(rule).as_str()) {
            (Command::Flavors | Command::Extend, "list devserverflavors.devserver.io") => {
                self.grant(without);
                let name = self.prepare();
                let out = self.run(&name);
                (
                    out.status.code() == Some(0)
                        && stderr(&out).contains("may not read the cluster's DevServerFlavors"),
                    format!("exit {:?}: {}", out.status.code(), stderr(&out)),
                )
            }
            (Command::Create, "list pods (all namespaces)") => {
                // Only for the warning: the create goes on without it.
                self.grant(without);
                let name = self.prepare();
                let out = self.run(&name);
                (
                    out.status.code() == Some(0),
                    format!("exit {:?}: {}", out.status.code(), stderr(&out)),
                )
            }
            (Command::Flavors, "list nodes") => {
                self.grant(without);
                let out = self.run("");
                (
                    out.status.code() == Some(0) && schedulable(&out)["verdict"] == "Unknown",
                    format!(
                        "exit {:?}: {}{}",
                        out.status.code(),
                        stdout(&out),
                        stderr(&out)
                    ),
                )
            }
            (Command::Flavors, "list pods (all namespaces)") => {
                // What the pods use counts only when the nodes can be read at all.
                let nodes = *permissions::needs(Command::Flavors)
                    .iter()
                    .find(|r| r.resource == "nodes")
                    .unwrap();
                self.grant(&[without, &[nodes, *rule]].concat());
                let with = self.run("");
                if schedulable(&with)["podsCounted"] != true {
                    return (
                        false,
                        format!("with it the pods should count: {}", stdout(&with)),
                    );
                }
                self.grant(&[without, &[nodes]].concat());
                let out = self.run("");
                let hint = schedulable(&out);
                (
                    out.status.code() == Some(0)
                        && hint["podsCounted"] == false
                        && hint["message"]
                            .as_str()
                            .is_some_and(|m| m.contains("the pods on them not counted")),
                    format!(
                        "exit {:?}: {}{}",
                        out.status.code(),
                        stdout(&out),
                        stderr(&out)
                    ),
                )
            }
            (Command::Create, "list devserverflavors.devserver.io") => {
                self.grant(without);
                let name = self.prepare();
                let out = self.run(&name);
                (
                    out.status.code() == Some(0)
                        && stderr(&out).contains("may not read the cluster's DevServerFlavors"),
                    format!("exit {:?}: {}", out.status.code(), stderr(&out)),
                )
            }
            (Command::Create, "list resourcequotas") => {
                // A quota of no devservers: with the rule devctl refuses before it makes
                // anything, naming the quota; without it, the API server's quota admission
                // refuses the StatefulSet. Exit 5 and nothing made either way.
                self.quota_none(true);
                let all: Vec<Rule> = without.iter().copied().chain([*rule]).collect();
                self.grant(&all);
                let name = self.prepare();
                let with = self.run(&name);
                let ours = with.status.code() == Some(5)
                    && stderr(&with).contains("would exceed the quota")
                    && stderr(&with).contains("perm-none");
                self.grant(without);
                let name2 = self.prepare();
                let out = self.run(&name2);
                let theirs = out.status.code() == Some(5)
                    && !stderr(&out).contains("would exceed the quota")
                    && stderr(&out).contains("perm-none");
                self.quota_none(false);
                let left = [&name, &name2]
                    .iter()
                    .any(|n| self.admin_get::<StatefulSet>(n).is_some());
                (
                    ours && theirs && !left,
                    format!(
                        "with it devctl should refuse: exit {:?}: {}; without it the API server: exit {:?}: {}; objects left: {left}",
                        with.status.code(),
                        stderr(&with),
                        out.status.code(),
                        stderr(&out)
                    ),
                )
            }
            (Command::Create, "list nodes") => {
                // Asked only for a resource that is not a known GPU: none of the nodes has it.
                let all: Vec<Rule> = without.iter().copied().chain([*rule]).collect();
                self.grant(&all);
                self.tries += 1;
                let gpu = |lab: &Lab| {
                    lab.run_args(&[
                        "create".into(),
                        format!("g{}", lab.tries),
                        "--gpu".into(),
                        "example.com/widget=1".into(),
                    ])
                };
                let with = gpu(self);
                if with.status.code() != Some(2) || !stderr(&with).contains("no node advertises") {
                    return (
                        false,
                        format!(
                            "with it, an unknown resource should be refused: exit {:?}: {}",
                            with.status.code(),
                            stderr(&with)
                        ),
                    );
                }
                self.grant(without);
                self.tries += 1;
                let out = gpu(self);
                (
                    out.status.code() == Some(0),
                    format!(
                        "without it the scheduler should decide: exit {:?}: {}",
                        out.status.code(),
                        stderr(&out)
                    ),
                )
            }
            (Command::Describe | Command::List, "get nodes") => {
                self.grant(without);
                let name = self.prepare();
                let out = self.run(&name);
                let printed: serde_json::Value =
                    serde_json::from_slice(&out.stdout).unwrap_or_default();
                let described = match self.case.command {
                    Command::List => printed["items"][0].clone(),
                    _ => printed.clone(),
                };
                let nodeport = described["ssh"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|e| e["transport"] == "nodeport")
                    .and_then(|e| e["host"].as_str())
                    .map(str::to_string);
                let endpoints = described["endpoints"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                let from_host_ip = endpoints.len() == 2
                    && endpoints
                        .iter()
                        .all(|e| e["addressType"] == "HostIP" && e["endpoint"].as_str().is_some());
                let ssh_ok =
                    self.case.command == Command::List || nodeport.is_some_and(|h| !h.is_empty());
                (
                    out.status.code() == Some(0) && ssh_ok && from_host_ip,
                    format!(
                        "without it the pod's host IP should be shown: exit {:?}: {}{}",
                        out.status.code(),
                        stdout(&out),
                        stderr(&out)
                    ),
                )
            }
            (Command::JobResults, "delete pods") => {
                // The results are read all the same; the reader is left to its deadline.
                self.grant(without);
                let name = self.prepare();
                let out = self.run(&name);
                (
                    out.status.code() == Some(0) && stdout(&out).contains("answer"),
                    format!(
                        "exit {:?}: {}{}",
                        out.status.code(),
                        stdout(&out),
                        stderr(&out)
                    ),
                )
            }
            (_, key) => (false, format!("no fallback check for optional {key}")),
        }
    }
}

fn review(rule: &Rule, namespace: &str) -> SelfSubjectAccessReview {
    rule.access_review(namespace)
}

#[test]
fn every_rule_of_every_command_is_exercised_by_a_case() {
    let cases = cases();
    // `status` is the test of the union below, its own fallbacks included.
    for command in Command::ALL
        .into_iter()
        .filter(|c| *c != Command::Status && !NOT_RUN_HERE.contains(c))
    {
        for rule in permissions::needs(command) {
            assert!(
                cases
                    .iter()
                    .any(|c| c.command == command
                        && c.rules().iter().any(|r| r.same_permission(rule))),
                "{} of {} is in no case",
                key_of(rule),
                command.name()
            );
        }
    }
    for (case, key, _) in KNOWN_GAPS {
        let case = cases.iter().find(|c| c.label == *case).unwrap();
        assert!(
            case.rules().iter().any(|r| key_of(r) == *key),
            "KNOWN_GAPS names {key}, which {} does not need",
            case.label
        );
    }
}

#[test]
fn each_command_works_with_exactly_its_rules_and_not_without_any_one() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let cases = cases();
    // `reap -A` reaps every namespace: it runs after `reap`, not beside it.
    let mut groups: Vec<Vec<&Case>> = Vec::new();
    for case in &cases {
        match groups
            .iter_mut()
            .find(|g| g[0].command == Command::Reap && case.command == Command::Reap)
        {
            Some(group) => group.push(case),
            None => groups.push(vec![case]),
        }
    }
    let (failures, notes): (Vec<String>, Vec<String>) = std::thread::scope(|scope| {
        let handles: Vec<_> = groups
            .iter()
            .map(|group| {
                scope.spawn(move || {
                    let mut failures = Vec::new();
                    let mut notes = Vec::new();
                    for case in group {
                        // Results are read through a real kubelet: on the real node's cluster.
                        let cluster = match case.setup {
                            Setup::FinishedJob => match testcluster::shared_real_node_or_skip() {
                                Some(real) => real,
                                None => {
                                    notes.push(format!("{}: no real node here", case.label));
                                    continue;
                                }
                            },
                            _ => cluster,
                        };
                        let mut lab = Lab::new(cluster, case);
                        lab.check();
                        failures.append(&mut lab.failures);
                        notes.append(&mut lab.notes);
                    }
                    (failures, notes)
                })
            })
            .collect();
        let mut all = (Vec::new(), Vec::new());
        for handle in handles {
            let (mut f, mut n) = handle.join().unwrap();
            all.0.append(&mut f);
            all.1.append(&mut n);
        }
        all
    });
    for note in &notes {
        eprintln!("note: {note}");
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn rules_marked_for_everyone_need_no_grant() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let ns = cluster.namespace("perm-everyone").unwrap();
    let user = cluster.user(&format!("{ns}-nobody"), &[]).unwrap();
    let everyone: Vec<Rule> = Command::ALL
        .iter()
        .flat_map(|c| permissions::needs(*c))
        .filter(|r| r.everyone)
        .copied()
        .collect();
    assert!(!everyone.is_empty());
    testcluster::block_on(async {
        let reviews = Api::<SelfSubjectAccessReview>::all(cluster.client_for(&user).await.unwrap());
        for rule in &everyone {
            let answer = reviews
                .create(&PostParams::default(), &review(rule, &ns))
                .await
                .unwrap();
            assert!(
                answer.status.is_some_and(|s| s.allowed),
                "{} is not granted to a user without bindings",
                rule.describe()
            );
        }
    });
}

#[test]
fn status_checks_exactly_the_union_of_the_tables() {
    let Some(cluster) = testcluster::shared_or_skip() else {
        return;
    };
    let case = Case {
        label: "status",
        command: Command::Status,
        all_namespaces: false,
        setup: Setup::Nothing,
        args: &["status", "-o", "json"],
    };
    let mut lab = Lab::new(cluster, &case);
    // Every-namespace grants would also grant the namespace's: those are `list -A`'s to test.
    let union: Vec<permissions::Permission> = permissions::union()
        .into_iter()
        .filter(|p| p.rule.scope != Scope::AllNamespaces && !p.rule.everyone)
        .collect();
    let all: Vec<Rule> = union.iter().map(|p| p.rule).collect();
    lab.watched = all.clone();
    let status = |lab: &Lab| {
        let out = lab.run("");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&out), stderr(&out)));
        (out.status.code(), v)
    };
    let row = |v: &serde_json::Value, rule: &Rule| {
        let scope = match rule.scope {
            Scope::Namespace => "namespace",
            Scope::AllNamespaces => "all-namespaces",
            Scope::Cluster => "cluster",
            Scope::System => "system",
        };
        v["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| {
                p["verb"] == rule.verb
                    && p["group"] == rule.group
                    && p["resource"] == rule.resource
                    && p["subresource"] == rule.subresource
                    && p["scope"] == scope
            })
            .cloned()
            .unwrap_or_else(|| panic!("no row for {}", rule.describe()))
    };

    lab.grant(&all);
    let (code, v) = status(&lab);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["ready"], true);
    assert_eq!(v["flavors"]["source"], "built-in", "{v}");
    assert_eq!(v["devservers"]["count"], 0, "{v}");
    let rows = v["permissions"].as_array().unwrap();
    assert_eq!(
        rows.len(),
        permissions::union().len(),
        "one row per permission of the union"
    );
    for p in rows {
        let every_namespace = p["scope"] == "all-namespaces";
        assert_eq!(p["allowed"], !every_namespace, "{p}");
    }

    let mut failures = Vec::new();
    for p in &union {
        let without: Vec<Rule> = all
            .iter()
            .filter(|r| !r.same_permission(&p.rule))
            .copied()
            .collect();
        lab.grant(&without);
        let (code, v) = status(&lab);
        let shown = row(&v, &p.rule);
        let want = if p.required { 5 } else { 0 };
        if shown["allowed"] != false || code != Some(want) {
            failures.push(format!(
                "without {}: exit {code:?} (want {want}), row {shown}",
                p.rule.describe()
            ));
        }
        let forbidden_flavors = v["flavors"]["source"] == "built-in-forbidden";
        let unknown_devservers =
            v["devservers"]["count"].is_null() && v["devservers"]["error"].is_string();
        let unknown_quotas = v["quotas"]["items"].is_null() && v["quotas"]["error"].is_string();
        let unknown_reaper = v["reaper"]["installed"].is_null() && v["reaper"]["error"].is_string();
        match (p.rule.describe().as_str(), p.rule.scope) {
            ("list resourcequotas", Scope::Namespace) if !unknown_quotas => {
                failures.push(format!("quotas that cannot be listed: {}", v["quotas"]))
            }
            ("get cronjobs.batch", Scope::System) if !unknown_reaper => {
                failures.push(format!("a reaper that cannot be read: {}", v["reaper"]))
            }
            ("list devserverflavors.devserver.io", _) if !forbidden_flavors => failures.push(
                format!("flavors without the right to read them: {}", v["flavors"]),
            ),
            ("list statefulsets.apps", Scope::Namespace) if !unknown_devservers => failures.push(
                format!("devservers that cannot be listed: {}", v["devservers"]),
            ),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
