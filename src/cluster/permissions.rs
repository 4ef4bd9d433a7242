//! What each command asks of the API server, in one table: every verb on every resource it
//! calls, command by command. `status` checks the union of it, and a Role for devserver users
//! is built from it, so that a user gets exactly what devctl calls and nothing more (no read
//! access to every Secret).
//!
//! Not in the table: `GET /version` (`version`, `status`), which the default
//! `system:public-info-viewer` ClusterRole grants to everyone, authenticated or not; it is a
//! URL, not a resource. In it but marked [`Rule::everyone`]: the self reviews (who am I, may I),
//! which the default `system:basic-user` ClusterRole grants to every authenticated user, so a
//! Role need not grant them.

use std::collections::BTreeMap;

use k8s_openapi::api::rbac::v1::PolicyRule;

/// A command that talks to the cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Command {
    Create,
    List,
    Describe,
    Delete,
    Stop,
    Start,
    Restart,
    Extend,
    Logs,
    Events,
    Ssh,
    Exec,
    Proxy,
    PortForward,
    Cp,
    SshConfig,
    Reap,
    Flavors,
    Status,
    Version,
    JobRun,
    JobList,
    JobDescribe,
    JobLogs,
    JobWait,
    JobDelete,
    JobResults,
    AdminInstall,
    AdminUninstall,
    AdminFlavorSetDefault,
    AdminUserAdd,
    AdminUserList,
    AdminUserRemove,
}

impl Command {
    /// The commands of devserver users: what `status` checks and the devctl-user ClusterRole
    /// grants. The `admin` commands are not among them.
    pub const ALL: [Command; 27] = [
        Command::Create,
        Command::List,
        Command::Describe,
        Command::Delete,
        Command::Stop,
        Command::Start,
        Command::Restart,
        Command::Extend,
        Command::Logs,
        Command::Events,
        Command::Ssh,
        Command::Exec,
        Command::Proxy,
        Command::PortForward,
        Command::Cp,
        Command::SshConfig,
        Command::Reap,
        Command::Flavors,
        Command::Status,
        Command::Version,
        Command::JobRun,
        Command::JobList,
        Command::JobDescribe,
        Command::JobLogs,
        Command::JobWait,
        Command::JobDelete,
        Command::JobResults,
    ];

    /// The `admin` commands, for cluster admins.
    pub const ADMIN: [Command; 6] = [
        Command::AdminInstall,
        Command::AdminUninstall,
        Command::AdminFlavorSetDefault,
        Command::AdminUserAdd,
        Command::AdminUserList,
        Command::AdminUserRemove,
    ];

    /// The subcommand as typed.
    pub fn name(self) -> &'static str {
        match self {
            Command::Create => "create",
            Command::List => "list",
            Command::Describe => "describe",
            Command::Delete => "delete",
            Command::Stop => "stop",
            Command::Start => "start",
            Command::Restart => "restart",
            Command::Extend => "extend",
            Command::Logs => "logs",
            Command::Events => "events",
            Command::Ssh => "ssh",
            Command::Exec => "exec",
            Command::Proxy => "proxy",
            Command::PortForward => "port-forward",
            Command::Cp => "cp",
            Command::SshConfig => "ssh-config",
            Command::Reap => "reap",
            Command::Flavors => "flavors",
            Command::Status => "status",
            Command::Version => "version",
            Command::JobRun => "job run",
            Command::JobList => "job list",
            Command::JobDescribe => "job describe",
            Command::JobLogs => "job logs",
            Command::JobWait => "job wait",
            Command::JobDelete => "job delete",
            Command::JobResults => "job results",
            Command::AdminInstall => "admin install",
            Command::AdminUninstall => "admin uninstall",
            Command::AdminFlavorSetDefault => "admin flavor set-default",
            Command::AdminUserAdd => "admin user add",
            Command::AdminUserList => "admin user list",
            Command::AdminUserRemove => "admin user remove",
        }
    }
}

/// Where a rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// In the namespace the command works in.
    Namespace,
    /// A namespaced resource in every namespace at once (`-A`): a ClusterRole.
    AllNamespaces,
    /// A cluster-scoped resource: a ClusterRole.
    Cluster,
    /// In devctl's own namespace, `devctl-system` (the reaper's CronJob): a Role there.
    System,
}

/// What happens without a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Need {
    /// The command fails (exit 5).
    Required,
    /// Only to undo a `create` that failed half-way: without it the objects made so far are
    /// left behind, and the error names them.
    Rollback,
    /// The command goes on without it, as the text says.
    Optional(&'static str),
}

/// One verb on one resource that a command calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rule {
    pub verb: &'static str,
    /// The API group, `""` for the core group.
    pub group: &'static str,
    /// The plural resource name, as RBAC spells it.
    pub resource: &'static str,
    /// `""`, or e.g. `exec`.
    pub subresource: &'static str,
    pub scope: Scope,
    pub need: Need,
    /// The flag or situation that makes the call; `None`: every run makes it.
    pub when: Option<&'static str>,
    /// Kubernetes' default roles grant it to every authenticated user.
    pub everyone: bool,
    /// What the command does with it, in the user's words.
    pub why: &'static str,
}

impl Rule {
    /// A required rule in the command's namespace, made on every run.
    const fn new(
        verb: &'static str,
        group: &'static str,
        resource: &'static str,
        why: &'static str,
    ) -> Rule {
        Rule {
            verb,
            group,
            resource,
            subresource: "",
            scope: Scope::Namespace,
            need: Need::Required,
            when: None,
            everyone: false,
            why,
        }
    }

    const fn when(self, when: &'static str) -> Rule {
        Rule {
            when: Some(when),
            ..self
        }
    }

    const fn subresource(self, subresource: &'static str) -> Rule {
        Rule {
            subresource,
            ..self
        }
    }

    const fn scope(self, scope: Scope) -> Rule {
        Rule { scope, ..self }
    }

    const fn optional(self, fallback: &'static str) -> Rule {
        Rule {
            need: Need::Optional(fallback),
            ..self
        }
    }

    const fn rollback(self) -> Rule {
        Rule {
            need: Need::Rollback,
            when: Some("rolling back a failed create"),
            ..self
        }
    }

    const fn required(self) -> Rule {
        Rule {
            need: Need::Required,
            ..self
        }
    }

    const fn why(self, why: &'static str) -> Rule {
        Rule { why, ..self }
    }

    const fn everyone(self) -> Rule {
        Rule {
            everyone: true,
            ..self
        }
    }

    /// The SelfSubjectAccessReview that asks whether the user may do this in `namespace`
    /// (every namespace, or the cluster, for the other scopes).
    pub fn access_review(
        &self,
        namespace: &str,
    ) -> k8s_openapi::api::authorization::v1::SelfSubjectAccessReview {
        use k8s_openapi::api::authorization::v1::{
            ResourceAttributes, SelfSubjectAccessReview, SelfSubjectAccessReviewSpec,
        };
        SelfSubjectAccessReview {
            spec: SelfSubjectAccessReviewSpec {
                resource_attributes: Some(ResourceAttributes {
                    verb: Some(self.verb.into()),
                    group: Some(self.group.into()),
                    resource: Some(self.resource.into()),
                    subresource: Some(self.subresource.into()),
                    namespace: match self.scope {
                        Scope::Namespace => Some(namespace.into()),
                        Scope::System => Some(crate::devserver::admin::SYSTEM_NAMESPACE.into()),
                        Scope::AllNamespaces | Scope::Cluster => None,
                    },
                    ..ResourceAttributes::default()
                }),
                ..SelfSubjectAccessReviewSpec::default()
            },
            ..SelfSubjectAccessReview::default()
        }
    }

    /// `verb resource[.group][/subresource]`, as `kubectl auth can-i` takes it.
    pub fn describe(&self) -> String {
        let mut name = self.resource.to_string();
        if !self.group.is_empty() {
            name = format!("{name}.{}", self.group);
        }
        if !self.subresource.is_empty() {
            name = format!("{name}/{}", self.subresource);
        }
        format!("{} {name}", self.verb)
    }

    /// The same verb on the same resource in the same scope: one permission to grant.
    pub fn same_permission(&self, other: &Rule) -> bool {
        self.key() == other.key()
    }

    fn key(
        &self,
    ) -> (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Scope,
    ) {
        (
            self.verb,
            self.group,
            self.resource,
            self.subresource,
            self.scope,
        )
    }
}

const APPS: &str = "apps";
const CORE: &str = "";

const WHOAMI: Rule = Rule::new(
    "create",
    "authentication.k8s.io",
    "selfsubjectreviews",
    "ask the cluster who you are, the owner of your devservers",
)
.scope(Scope::Cluster)
.everyone()
.optional("the owner comes from the settings or $USER");

const FLAVORS: Rule = Rule::new(
    "list",
    "devserver.io",
    "devserverflavors",
    "read the cluster's flavors",
)
.scope(Scope::Cluster)
.optional("the built-in flavors, with a warning");

/// The devserver, read before anything is done to it.
const GET_DEVSERVER: Rule = Rule::new("get", APPS, "statefulsets", "read the devserver");

const PATCH_DEVSERVER: Rule = Rule::new("patch", APPS, "statefulsets", "change the devserver");

const WATCH_PODS_WAIT: Rule =
    Rule::new("watch", CORE, "pods", "follow the pod until sshd is ready").when("--wait");

const CREATE: &[Rule] = &[
    WHOAMI,
    FLAVORS,
    Rule::new(
        "get",
        CORE,
        "persistentvolumeclaims",
        "check that the claim to mount exists",
    )
    .when("--volume"),
    Rule::new(
        "list",
        CORE,
        "nodes",
        "warn at once when no node can take the devserver, and check that some node advertises a --gpu resource that is not a known GPU",
    )
    .scope(Scope::Cluster)
    .optional("the scheduler alone finds out"),
    Rule::new(
        "list",
        CORE,
        "pods",
        "warn at once when the few nodes that could take the devserver have no room now",
    )
    .scope(Scope::AllNamespaces)
    .when("at most 8 nodes could take the devserver")
    .optional("the warning counts only the nodes' allocatable"),
    Rule::new(
        "list",
        CORE,
        "resourcequotas",
        "check the namespace's quotas before anything is made",
    )
    .optional("the API server refuses a devserver over a quota"),
    Rule::new(
        "create",
        APPS,
        "statefulsets",
        "make the devserver's StatefulSet",
    ),
    Rule::new(
        "create",
        CORE,
        "secrets",
        "make NAME-ssh (keys) and, with --env-file, NAME-env",
    ),
    Rule::new(
        "create",
        CORE,
        "configmaps",
        "make NAME-init (the startup script)",
    ),
    Rule::new(
        "create",
        CORE,
        "services",
        "make NAME (headless) and, with --expose nodeport, NAME-ssh",
    ),
    WATCH_PODS_WAIT,
    Rule::new(
        "patch",
        APPS,
        "statefulsets",
        "scale the devserver up once its Secret and ConfigMap exist",
    )
    .when("--home"),
    Rule::new("delete", APPS, "statefulsets", "undo a failed create").rollback(),
    Rule::new("delete", CORE, "secrets", "undo a failed create").rollback(),
    Rule::new("delete", CORE, "configmaps", "undo a failed create").rollback(),
    Rule::new("delete", CORE, "services", "undo a failed create").rollback(),
];

/// The pod's node, read for its address in the NodePort endpoints.
const NODE_ADDRESS: Rule = Rule::new(
    "get",
    CORE,
    "nodes",
    "show the node's external address in the NodePort endpoints",
)
.scope(Scope::Cluster)
.optional("the pod's host IP (the node's internal address) is shown");

const ENDPOINTS_OUTPUT: &str = "-o wide, json or yaml";

const LIST: &[Rule] = &[
    WHOAMI.when("without --all-users or -A"),
    Rule::new("list", APPS, "statefulsets", "find your devservers"),
    Rule::new("list", CORE, "pods", "show their pods' state"),
    Rule::new(
        "list",
        APPS,
        "statefulsets",
        "find devservers in every namespace",
    )
    .scope(Scope::AllNamespaces)
    .when("-A"),
    Rule::new("list", CORE, "pods", "show their pods' state")
        .scope(Scope::AllNamespaces)
        .when("-A"),
    Rule::new("list", CORE, "services", "show the NodePort endpoints").when(ENDPOINTS_OUTPUT),
    Rule::new(
        "list",
        CORE,
        "services",
        "show the NodePort endpoints in every namespace",
    )
    .scope(Scope::AllNamespaces)
    .when("-A with -o wide, json or yaml"),
    NODE_ADDRESS.when("-o wide, json or yaml, a devserver exposed by NodePort"),
];

const DESCRIBE: &[Rule] = &[
    GET_DEVSERVER,
    Rule::new("get", CORE, "pods", "show the pod and its containers"),
    Rule::new(
        "list",
        CORE,
        "persistentvolumeclaims",
        "show the volumes' phase and capacity",
    ),
    Rule::new("list", CORE, "events", "show recent events"),
    Rule::new(
        "get",
        CORE,
        "services",
        "show the NodePort endpoints, if any",
    ),
    NODE_ADDRESS.when("a devserver exposed by NodePort"),
];

const DELETE: &[Rule] = &[
    GET_DEVSERVER,
    Rule::new("delete", APPS, "statefulsets", "delete the devserver"),
    Rule::new(
        "delete",
        CORE,
        "persistentvolumeclaims",
        "delete the home volume",
    )
    .when("--purge"),
    Rule::new(
        "list",
        CORE,
        "persistentvolumeclaims",
        "find every pod's home volume (also those an earlier delete kept) and wait for them to go",
    )
    .when("--purge"),
    Rule::new(
        "watch",
        CORE,
        "persistentvolumeclaims",
        "wait until the home volume is gone",
    )
    .when("--purge --wait"),
    Rule::new("get", CORE, "pods", "learn which pod to wait for").when("--wait"),
    Rule::new(
        "delete",
        CORE,
        "secrets",
        "delete NAME-ssh and NAME-env at once, so that create NAME can follow",
    )
    .when("--wait"),
    Rule::new(
        "delete",
        CORE,
        "configmaps",
        "delete NAME-init at once, so that create NAME can follow",
    )
    .when("--wait"),
    Rule::new(
        "delete",
        CORE,
        "services",
        "delete NAME and NAME-ssh at once, so that create NAME can follow",
    )
    .when("--wait"),
    Rule::new("list", CORE, "pods", "wait until the pod is gone").when("--wait"),
    Rule::new("watch", CORE, "pods", "wait until the pod is gone").when("--wait"),
    Rule::new(
        "list",
        APPS,
        "statefulsets",
        "wait until the StatefulSet is gone",
    )
    .when("--wait"),
    Rule::new(
        "watch",
        APPS,
        "statefulsets",
        "wait until the StatefulSet is gone",
    )
    .when("--wait"),
];

const STOP: &[Rule] = &[GET_DEVSERVER, PATCH_DEVSERVER];

const START: &[Rule] = &[GET_DEVSERVER, PATCH_DEVSERVER, WATCH_PODS_WAIT];

const RESTART: &[Rule] = &[
    GET_DEVSERVER,
    Rule::new("delete", CORE, "pods", "recreate the pod"),
    WATCH_PODS_WAIT,
];

const EXTEND: &[Rule] = &[
    GET_DEVSERVER,
    PATCH_DEVSERVER,
    FLAVORS
        .why("check the flavor's maxTtl")
        .optional("the maxTtl is not checked, with a warning"),
];

const PORT_FORWARD: &[Rule] = &[
    GET_DEVSERVER,
    Rule::new("get", CORE, "pods", "see whether the devserver is ready"),
    Rule::new(
        "list",
        CORE,
        "pods",
        "follow the pod through restarts, and notice when it goes",
    ),
    Rule::new(
        "watch",
        CORE,
        "pods",
        "follow the pod through restarts, and notice when it goes",
    ),
    // A WebSocket upgrade, as for ssh: `get`, and `create` since 1.35.
    Rule::new(
        "get",
        CORE,
        "pods",
        "open a port-forward stream per connection",
    )
    .subresource("portforward"),
    Rule::new(
        "create",
        CORE,
        "pods",
        "open a port-forward stream per connection",
    )
    .subresource("portforward"),
    Rule::new("patch", APPS, "statefulsets", "start a stopped devserver").when("--start"),
];

const LOGS: &[Rule] = &[
    GET_DEVSERVER,
    Rule::new("get", CORE, "pods", "see whether the container has started"),
    Rule::new("get", CORE, "pods", "read the container's log").subresource("log"),
];

/// What `ssh` and `proxy` call: the devserver and its pod, read together with the port-forward
/// made at once; a watch of the pod while it starts; with `--start`, the scale-up.
const SSH: &[Rule] = &[
    GET_DEVSERVER,
    Rule::new("get", CORE, "pods", "see whether the devserver is ready"),
    // A WebSocket upgrade is a GET: the API server asks for `get`, and since 1.35 (the
    // AuthorizePodWebsocketUpgradeCreatePermission gate) for `create` as well.
    Rule::new("get", CORE, "pods", "reach sshd through the API server")
        .subresource("portforward")
        .when("--via port-forward (the default outside a cluster)"),
    Rule::new("create", CORE, "pods", "reach sshd through the API server")
        .subresource("portforward")
        .when("--via port-forward (the default outside a cluster)"),
    Rule::new("watch", CORE, "pods", "follow the pod while it starts")
        .when("the devserver is starting"),
    Rule::new("patch", APPS, "statefulsets", "start a stopped devserver").when("--start"),
];

const EXEC: &[Rule] = &[
    GET_DEVSERVER,
    Rule::new("get", CORE, "pods", "see whether the container runs"),
    Rule::new("get", CORE, "pods", "run the command in the container").subresource("exec"),
    Rule::new("create", CORE, "pods", "run the command in the container").subresource("exec"),
    Rule::new("watch", CORE, "pods", "follow the pod while it starts")
        .when("the devserver is starting"),
    Rule::new("patch", APPS, "statefulsets", "start a stopped devserver").when("--start"),
];

const EVENTS: &[Rule] = &[
    GET_DEVSERVER,
    Rule::new(
        "list",
        CORE,
        "events",
        "read the events of the devserver, its pod and its home claim",
    ),
    Rule::new("watch", CORE, "events", "print new events as they happen").when("--watch"),
];

const SSH_CONFIG: &[Rule] = &[
    WHOAMI,
    Rule::new(
        "list",
        APPS,
        "statefulsets",
        "find your devservers and their pinned host keys",
    ),
    Rule::new(
        "list",
        APPS,
        "statefulsets",
        "find your devservers in every namespace",
    )
    .scope(Scope::AllNamespaces)
    .when("-A"),
];

const REAP: &[Rule] = &[
    Rule::new("list", APPS, "statefulsets", "find expired devservers"),
    Rule::new("delete", APPS, "statefulsets", "delete expired devservers"),
    Rule::new(
        "list",
        APPS,
        "statefulsets",
        "find expired devservers in every namespace",
    )
    .scope(Scope::AllNamespaces)
    .when("-A"),
    Rule::new(
        "delete",
        APPS,
        "statefulsets",
        "delete expired devservers in every namespace",
    )
    .scope(Scope::AllNamespaces)
    .when("-A"),
];

const FLAVORS_CMD: &[Rule] = &[
    FLAVORS.optional("the built-in flavors"),
    Rule::new("list", CORE, "nodes", "see which nodes each flavor fits on")
        .scope(Scope::Cluster)
        .optional("SCHEDULABLE is Unknown"),
    Rule::new(
        "list",
        CORE,
        "pods",
        "count what the pods on each node already request",
    )
    .scope(Scope::AllNamespaces)
    .optional("SCHEDULABLE counts the nodes' allocatable as if it were all free, and says so"),
];

const ADMIN_SET_DEFAULT: &[Rule] = &[
    FLAVORS
        .why("find the flavor and the current default")
        .required(),
    Rule::new(
        "patch",
        "devserver.io",
        "devserverflavors",
        "clear the other defaults and set the new one",
    )
    .scope(Scope::Cluster),
];

const STATUS: &[Rule] = &[
    Rule::new(
        "create",
        "authorization.k8s.io",
        "selfsubjectaccessreviews",
        "ask whether you may do each of these",
    )
    .scope(Scope::Cluster)
    .everyone(),
    WHOAMI.optional("the user is shown as unknown"),
    FLAVORS.optional("reported as built-in because reading them is forbidden"),
    Rule::new("list", APPS, "statefulsets", "count your devservers")
        .optional("your devservers are shown as unknown"),
    Rule::new(
        "list",
        CORE,
        "resourcequotas",
        "show the namespace's quotas and their use",
    )
    .optional("the quota is shown as unknown"),
    Rule::new(
        "get",
        "batch",
        "cronjobs",
        "see whether the reaper's CronJob is installed, and when it last ran",
    )
    .scope(Scope::System)
    .optional("the reaper is shown as unknown"),
];

const RBAC: &str = "rbac.authorization.k8s.io";

/// `admin user add`: every object is applied server-side (a `patch`, which creates it when
/// missing); a first add that fails half-way deletes the namespace and binding it made.
const ADMIN_USER_ADD: &[Rule] = &[
    Rule::new(
        "get",
        RBAC,
        "clusterroles",
        "check that admin install made devctl-user and devctl-user-cluster",
    )
    .scope(Scope::Cluster),
    Rule::new(
        "get",
        CORE,
        "namespaces",
        "see whether the user exists already",
    )
    .scope(Scope::Cluster),
    Rule::new("patch", CORE, "namespaces", "make the namespace dev-USER").scope(Scope::Cluster),
    Rule::new("create", CORE, "namespaces", "make the namespace dev-USER").scope(Scope::Cluster),
    Rule::new(
        "get",
        CORE,
        "resourcequotas",
        "keep the limits a second add does not change",
    ),
    Rule::new(
        "patch",
        CORE,
        "serviceaccounts",
        "make the ServiceAccount USER",
    ),
    Rule::new(
        "create",
        CORE,
        "serviceaccounts",
        "make the ServiceAccount USER",
    ),
    Rule::new(
        "patch",
        RBAC,
        "rolebindings",
        "bind USER to devctl-user in dev-USER",
    ),
    Rule::new(
        "create",
        RBAC,
        "rolebindings",
        "bind USER to devctl-user in dev-USER",
    ),
    Rule::new(
        "patch",
        RBAC,
        "clusterrolebindings",
        "bind USER to devctl-user-cluster",
    )
    .scope(Scope::Cluster),
    Rule::new(
        "create",
        RBAC,
        "clusterrolebindings",
        "bind USER to devctl-user-cluster",
    )
    .scope(Scope::Cluster),
    Rule::new(
        "patch",
        CORE,
        "resourcequotas",
        "set the quota devctl-quota",
    ),
    Rule::new(
        "create",
        CORE,
        "resourcequotas",
        "set the quota devctl-quota",
    ),
    Rule::new(
        "patch",
        CORE,
        "limitranges",
        "set the defaults devctl-limits",
    ),
    Rule::new(
        "create",
        CORE,
        "limitranges",
        "set the defaults devctl-limits",
    ),
    Rule::new(
        "create",
        CORE,
        "serviceaccounts",
        "issue the kubeconfig's token",
    )
    .subresource("token"),
    Rule::new("delete", CORE, "namespaces", "undo a failed first add")
        .scope(Scope::Cluster)
        .rollback(),
    Rule::new(
        "delete",
        RBAC,
        "clusterrolebindings",
        "undo a failed first add",
    )
    .scope(Scope::Cluster)
    .rollback(),
];

const ADMIN_USER_LIST: &[Rule] = &[
    Rule::new("list", CORE, "namespaces", "find the users' namespaces").scope(Scope::Cluster),
    Rule::new(
        "list",
        CORE,
        "resourcequotas",
        "show the quotas and their use",
    )
    .scope(Scope::AllNamespaces),
    Rule::new("list", APPS, "statefulsets", "count the users' devservers")
        .scope(Scope::AllNamespaces),
];

const ADMIN_USER_REMOVE: &[Rule] = &[
    Rule::new("get", CORE, "namespaces", "find the user's namespace").scope(Scope::Cluster),
    Rule::new(
        "list",
        APPS,
        "statefulsets",
        "count the devservers it deletes",
    ),
    Rule::new(
        "list",
        CORE,
        "persistentvolumeclaims",
        "count the volumes it deletes",
    ),
    Rule::new(
        "delete",
        CORE,
        "namespaces",
        "delete dev-USER and all in it",
    )
    .scope(Scope::Cluster),
    Rule::new(
        "delete",
        RBAC,
        "clusterrolebindings",
        "delete devctl-user-USER",
    )
    .scope(Scope::Cluster),
];

const EXTENSIONS: &str = "apiextensions.k8s.io";
const REAPER_IMAGE: &str = "--reaper-image";

/// A call of `admin install` on a cluster-scoped object (or, `everywhere`, a namespaced one in
/// devctl-system).
const BATCH: &str = "batch";
const JOB_WAITS: &str = "--wait or --follow";

/// The waits of `job run --wait` and `job wait`: watches of the Job and of its pods (a
/// watcher lists before it watches).
const JOB_WATCH: [Rule; 6] = [
    Rule::new("list", BATCH, "jobs", "wait for the job to finish"),
    Rule::new("watch", BATCH, "jobs", "wait for the job to finish"),
    Rule::new(
        "list",
        CORE,
        "pods",
        "see its pods' exit codes and scheduling",
    ),
    Rule::new(
        "watch",
        CORE,
        "pods",
        "see its pods' exit codes and scheduling",
    ),
    Rule::new(
        "list",
        CORE,
        "events",
        "see pods the Job controller may not make",
    ),
    Rule::new(
        "watch",
        CORE,
        "events",
        "see pods the Job controller may not make",
    ),
];

/// `job run`: the one wave of facts, the Job (made suspended), what it owns, the start; the
/// rollback; the wait. Kueue's API group is asked for by URL (`/apis/kueue.x-k8s.io`), which
/// Kubernetes' default `system:discovery` role lets every user read.
const JOB_RUN: &[Rule] = &[
    WHOAMI,
    FLAVORS,
    Rule::new(
        "get",
        CORE,
        "persistentvolumeclaims",
        "check that the claims to mount exist",
    )
    .when("--volume CLAIM:/PATH"),
    cluster_rule(
        "list",
        CORE,
        "nodes",
        "check that a node advertises the --gpu resource",
    )
    .when("--gpu with a resource outside the known list")
    .optional("the scheduler tells"),
    Rule::new(
        "get",
        "kueue.x-k8s.io",
        "localqueues",
        "check that the queue exists",
    )
    .when("--queue")
    .optional("Kueue tells"),
    Rule::new(
        "list",
        CORE,
        "resourcequotas",
        "check the job fits the namespace's quota",
    )
    .optional("the job is made; pods over the quota are refused by the API server"),
    Rule::new("create", BATCH, "jobs", "make the job"),
    Rule::new(
        "create",
        CORE,
        "services",
        "make the headless Service of the ranks",
    )
    .when("--nodes above 1"),
    Rule::new("create", CORE, "secrets", "keep the --env-file values").when("--env-file"),
    Rule::new("create", CORE, "configmaps", "keep the --config-file files").when("--config-file"),
    Rule::new(
        "create",
        CORE,
        "persistentvolumeclaims",
        "make the new volumes",
    )
    .when("--volume SIZE:/PATH"),
    Rule::new(
        "patch",
        BATCH,
        "jobs",
        "let the job run (or queue it) once what it mounts exists",
    ),
    Rule::new("delete", BATCH, "jobs", "delete the job again").rollback(),
    Rule::new("delete", CORE, "services", "delete the Service again").rollback(),
    Rule::new("delete", CORE, "secrets", "delete the Secret again").rollback(),
    Rule::new("delete", CORE, "configmaps", "delete the ConfigMap again").rollback(),
    Rule::new(
        "delete",
        CORE,
        "persistentvolumeclaims",
        "delete the new volumes again",
    )
    .rollback(),
    JOB_WATCH[0].when(JOB_WAITS),
    JOB_WATCH[1].when(JOB_WAITS),
    JOB_WATCH[2].when(JOB_WAITS),
    JOB_WATCH[3].when(JOB_WAITS),
    JOB_WATCH[4].when(JOB_WAITS),
    JOB_WATCH[5].when(JOB_WAITS),
    Rule::new("get", BATCH, "jobs", "find the job's pods").when("--follow"),
    Rule::new("get", CORE, "pods", "print the pods' output")
        .subresource("log")
        .when("--follow"),
];

const JOB_LIST: &[Rule] = &[
    WHOAMI.when("without --all-users or -A"),
    Rule::new("list", BATCH, "jobs", "find your jobs"),
    Rule::new("list", CORE, "pods", "show their pods' state"),
    Rule::new("list", BATCH, "jobs", "find jobs in every namespace")
        .scope(Scope::AllNamespaces)
        .when("-A"),
    Rule::new("list", CORE, "pods", "show their pods' state")
        .scope(Scope::AllNamespaces)
        .when("-A"),
];

const JOB_DESCRIBE: &[Rule] = &[
    Rule::new("get", BATCH, "jobs", "read the job"),
    Rule::new("list", CORE, "pods", "show its pods per index"),
    Rule::new(
        "list",
        CORE,
        "persistentvolumeclaims",
        "show its results claims",
    ),
    Rule::new(
        "list",
        CORE,
        "events",
        "show the events of the job and its pods",
    ),
];

const JOB_LOGS: &[Rule] = &[
    Rule::new("get", BATCH, "jobs", "read the job"),
    Rule::new("list", CORE, "pods", "find the pod of each index"),
    Rule::new("get", CORE, "pods", "read the command's output").subresource("log"),
    JOB_WATCH[0].when("-f"),
    JOB_WATCH[1].when("-f"),
    JOB_WATCH[3].when("-f"),
    JOB_WATCH[4].when("-f"),
    JOB_WATCH[5].when("-f"),
];

const JOB_WAIT: &[Rule] = &JOB_WATCH;

const JOB_DELETE: &[Rule] = &[
    Rule::new("get", BATCH, "jobs", "check that the job is devctl's"),
    Rule::new("list", CORE, "pods", "find each index's results claim").when("--keep-results"),
    Rule::new(
        "list",
        CORE,
        "persistentvolumeclaims",
        "find results kept by an earlier --keep-results",
    ),
    Rule::new(
        "delete",
        BATCH,
        "jobs",
        "delete the job (the cluster takes what it owns)",
    ),
    Rule::new(
        "patch",
        CORE,
        "persistentvolumeclaims",
        "keep the results claims",
    )
    .when("--keep-results"),
    Rule::new(
        "delete",
        CORE,
        "persistentvolumeclaims",
        "delete results an earlier --keep-results kept",
    )
    .when("results kept by an earlier --keep-results"),
];

const fn cluster_rule(
    verb: &'static str,
    group: &'static str,
    resource: &'static str,
    why: &'static str,
) -> Rule {
    Rule::new(verb, group, resource, why).scope(Scope::Cluster)
}

const ADMIN_INSTALL: &[Rule] = &[
    cluster_rule(
        "get",
        EXTENSIONS,
        "customresourcedefinitions",
        "tell created from configured from unchanged",
    ),
    cluster_rule(
        "create",
        EXTENSIONS,
        "customresourcedefinitions",
        "install the DevServerFlavor CRD",
    ),
    cluster_rule(
        "patch",
        EXTENSIONS,
        "customresourcedefinitions",
        "apply the DevServerFlavor CRD",
    ),
    cluster_rule(
        "list",
        EXTENSIONS,
        "customresourcedefinitions",
        "wait until the CRD is Established",
    ),
    // The wait lists first and watches only when the list does not show it Established yet.
    cluster_rule(
        "watch",
        EXTENSIONS,
        "customresourcedefinitions",
        "wait until the CRD is Established",
    )
    .when("the CRD is not Established yet when install first lists it"),
    cluster_rule(
        "list",
        "devserver.io",
        "devserverflavors",
        "see whether the cluster has flavors",
    ),
    cluster_rule(
        "create",
        "devserver.io",
        "devserverflavors",
        "create the built-in flavors",
    )
    .when("the cluster has no flavors"),
    cluster_rule(
        "get",
        RBAC,
        "clusterroles",
        "tell created from configured from unchanged",
    ),
    cluster_rule(
        "create",
        RBAC,
        "clusterroles",
        "make devctl-user and devctl-user-cluster",
    ),
    cluster_rule(
        "patch",
        RBAC,
        "clusterroles",
        "apply devctl-user and devctl-user-cluster",
    ),
    cluster_rule(
        "escalate",
        RBAC,
        "clusterroles",
        "grant in them what the installer need not hold",
    ),
    cluster_rule(
        "bind",
        RBAC,
        "clusterroles",
        "bind devctl-reaper to its ServiceAccount",
    )
    .when(REAPER_IMAGE),
    cluster_rule(
        "get",
        RBAC,
        "clusterrolebindings",
        "tell created from configured from unchanged",
    )
    .when(REAPER_IMAGE),
    cluster_rule(
        "create",
        RBAC,
        "clusterrolebindings",
        "make the devctl-reaper binding",
    )
    .when(REAPER_IMAGE),
    cluster_rule(
        "patch",
        RBAC,
        "clusterrolebindings",
        "apply the devctl-reaper binding",
    )
    .when(REAPER_IMAGE),
    cluster_rule(
        "get",
        CORE,
        "namespaces",
        "tell created from configured from unchanged",
    )
    .when(REAPER_IMAGE),
    cluster_rule("create", CORE, "namespaces", "make devctl-system").when(REAPER_IMAGE),
    cluster_rule("patch", CORE, "namespaces", "apply devctl-system").when(REAPER_IMAGE),
    Rule::new(
        "get",
        CORE,
        "serviceaccounts",
        "tell created from configured from unchanged, in devctl-system",
    )
    .scope(Scope::AllNamespaces)
    .when(REAPER_IMAGE),
    Rule::new(
        "create",
        CORE,
        "serviceaccounts",
        "make the reaper's ServiceAccount in devctl-system",
    )
    .scope(Scope::AllNamespaces)
    .when(REAPER_IMAGE),
    Rule::new(
        "patch",
        CORE,
        "serviceaccounts",
        "apply the reaper's ServiceAccount in devctl-system",
    )
    .scope(Scope::AllNamespaces)
    .when(REAPER_IMAGE),
    Rule::new(
        "get",
        "batch",
        "cronjobs",
        "tell created from configured from unchanged, in devctl-system",
    )
    .scope(Scope::AllNamespaces)
    .when(REAPER_IMAGE),
    Rule::new(
        "create",
        "batch",
        "cronjobs",
        "make the reaper's CronJob in devctl-system",
    )
    .scope(Scope::AllNamespaces)
    .when(REAPER_IMAGE),
    Rule::new(
        "patch",
        "batch",
        "cronjobs",
        "apply the reaper's CronJob in devctl-system",
    )
    .scope(Scope::AllNamespaces)
    .when(REAPER_IMAGE),
];

const UNINSTALL_ALL: &str = "--all";

const ADMIN_UNINSTALL: &[Rule] = &[
    cluster_rule(
        "get",
        EXTENSIONS,
        "customresourcedefinitions",
        "find the DevServerFlavor CRD",
    ),
    cluster_rule(
        "delete",
        EXTENSIONS,
        "customresourcedefinitions",
        "delete the CRD and so every flavor",
    ),
    cluster_rule(
        "list",
        "devserver.io",
        "devserverflavors",
        "count the flavors that go with the CRD",
    )
    .optional("the flavors are not counted"),
    cluster_rule("get", RBAC, "clusterroles", "find devctl's ClusterRoles"),
    cluster_rule(
        "delete",
        RBAC,
        "clusterroles",
        "delete devctl's ClusterRoles",
    ),
    cluster_rule(
        "get",
        RBAC,
        "clusterrolebindings",
        "find the reaper's binding",
    ),
    cluster_rule(
        "delete",
        RBAC,
        "clusterrolebindings",
        "delete the reaper's binding",
    ),
    cluster_rule("get", CORE, "namespaces", "find devctl-system"),
    cluster_rule(
        "delete",
        CORE,
        "namespaces",
        "delete devctl-system and the reaper in it",
    ),
    Rule::new("list", APPS, "statefulsets", "find every devserver")
        .scope(Scope::AllNamespaces)
        .when(UNINSTALL_ALL),
    Rule::new("delete", APPS, "statefulsets", "delete every devserver")
        .scope(Scope::AllNamespaces)
        .when(UNINSTALL_ALL),
    Rule::new(
        "list",
        CORE,
        "persistentvolumeclaims",
        "find every home volume",
    )
    .scope(Scope::AllNamespaces)
    .when(UNINSTALL_ALL),
    Rule::new(
        "delete",
        CORE,
        "persistentvolumeclaims",
        "delete every home volume",
    )
    .scope(Scope::AllNamespaces)
    .when(UNINSTALL_ALL),
    cluster_rule("list", CORE, "namespaces", "find the users' namespaces").when(UNINSTALL_ALL),
    cluster_rule(
        "list",
        RBAC,
        "clusterrolebindings",
        "find the users' bindings",
    )
    .when(UNINSTALL_ALL),
];

/// `job results`: the job, the claim of each index, and a short-lived reader pod on each
/// claim, listed and read through the exec API.
const JOB_RESULTS: &[Rule] = &[
    Rule::new(
        "get",
        "batch",
        "jobs",
        "find the job and whether it has finished",
    ),
    Rule::new("list", CORE, "pods", "find the newest pod of each index"),
    Rule::new(
        "list",
        CORE,
        "persistentvolumeclaims",
        "find the results claim of each index, also those job delete --keep-results kept",
    ),
    Rule::new(
        "create",
        CORE,
        "pods",
        "start a short-lived pod that mounts a results claim read-only",
    ),
    Rule::new("watch", CORE, "pods", "wait until that pod runs"),
    Rule::new("get", CORE, "pods", "list and read the results in that pod").subresource("exec"),
    Rule::new(
        "create",
        CORE,
        "pods",
        "list and read the results in that pod",
    )
    .subresource("exec"),
    Rule::new("delete", CORE, "pods", "remove that pod when done")
        .optional("the pod stays until its deadline, or until the job is deleted"),
];

/// Every call `command` makes, whatever its flags.
pub fn needs(command: Command) -> &'static [Rule] {
    match command {
        Command::Create => CREATE,
        Command::List => LIST,
        Command::Describe => DESCRIBE,
        Command::Delete => DELETE,
        Command::Stop => STOP,
        Command::Start => START,
        Command::Restart => RESTART,
        Command::Extend => EXTEND,
        Command::PortForward => PORT_FORWARD,
        Command::Logs => LOGS,
        Command::Events => EVENTS,
        // cp logs in as ssh does, and SFTP runs inside that SSH connection.
        Command::Ssh | Command::Proxy | Command::Cp => SSH,
        Command::Exec => EXEC,
        Command::SshConfig => SSH_CONFIG,
        Command::Reap => REAP,
        Command::Flavors => FLAVORS_CMD,
        Command::Status => STATUS,
        Command::Version => &[],
        Command::JobRun => JOB_RUN,
        Command::JobList => JOB_LIST,
        Command::JobDescribe => JOB_DESCRIBE,
        Command::JobLogs => JOB_LOGS,
        Command::JobWait => JOB_WAIT,
        Command::JobDelete => JOB_DELETE,
        Command::JobResults => JOB_RESULTS,
        Command::AdminFlavorSetDefault => ADMIN_SET_DEFAULT,
        Command::AdminUserAdd => ADMIN_USER_ADD,
        Command::AdminUserList => ADMIN_USER_LIST,
        Command::AdminUserRemove => ADMIN_USER_REMOVE,
        Command::AdminInstall => ADMIN_INSTALL,
        Command::AdminUninstall => ADMIN_UNINSTALL,
    }
}

/// One permission of the union of every command's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permission {
    /// The first command's rule; `need`, `when` and `why` are that command's.
    pub rule: Rule,
    /// Some command fails without it, in the namespace: what a devserver user's Role grants.
    pub required: bool,
    /// `command` or `command (when)`, for each use.
    pub used_by: Vec<String>,
}

/// The union of every command's rules, one entry per permission, in table order.
pub fn union() -> Vec<Permission> {
    let mut all: Vec<Permission> = Vec::new();
    for command in Command::ALL {
        for rule in needs(command) {
            let use_ = match rule.when {
                Some(when) => format!("{} ({when})", command.name()),
                None => command.name().to_string(),
            };
            let required = rule.scope == Scope::Namespace
                && !rule.everyone
                && matches!(rule.need, Need::Required | Need::Rollback);
            match all.iter_mut().find(|p| p.rule.same_permission(rule)) {
                Some(p) => {
                    p.required |= required;
                    if !p.used_by.contains(&use_) {
                        p.used_by.push(use_);
                    }
                }
                None => all.push(Permission {
                    rule: *rule,
                    required,
                    used_by: vec![use_],
                }),
            }
        }
    }
    all
}

/// RBAC rules granting `rules` (the everyone rules left out, which need no grant): those in
/// the namespace, for a Role, and the cluster-wide ones, for a ClusterRole. One PolicyRule per
/// resource, its verbs sorted. Rules in `devctl-system` are left out: see
/// [`system_policy_rules`].
pub fn policy_rules(rules: &[Rule]) -> (Vec<PolicyRule>, Vec<PolicyRule>) {
    let (namespaced, cluster): (Vec<Rule>, Vec<Rule>) = rules
        .iter()
        .filter(|r| r.scope != Scope::System)
        .partition(|r| r.scope == Scope::Namespace);
    (grants(&namespaced), grants(&cluster))
}

/// RBAC rules granting the `rules` in `devctl-system`, for a Role there.
pub fn system_policy_rules(rules: &[Rule]) -> Vec<PolicyRule> {
    let system: Vec<Rule> = rules
        .iter()
        .filter(|r| r.scope == Scope::System)
        .copied()
        .collect();
    grants(&system)
}

/// One PolicyRule per resource of `rules` (the everyone rules left out), its verbs sorted.
fn grants(rules: &[Rule]) -> Vec<PolicyRule> {
    let mut grants: BTreeMap<(&'static str, String), Vec<&'static str>> = BTreeMap::new();
    for rule in rules.iter().filter(|r| !r.everyone) {
        let resource = if rule.subresource.is_empty() {
            rule.resource.to_string()
        } else {
            format!("{}/{}", rule.resource, rule.subresource)
        };
        let verbs = grants.entry((rule.group, resource)).or_default();
        if !verbs.contains(&rule.verb) {
            verbs.push(rule.verb);
            verbs.sort_unstable();
        }
    }
    grants
        .into_iter()
        .map(|((group, resource), verbs)| PolicyRule {
            api_groups: Some(vec![group.to_string()]),
            resources: Some(vec![resource]),
            verbs: verbs.into_iter().map(String::from).collect(),
            ..PolicyRule::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_command_reads_or_changes_secrets_beyond_creating_and_undoing() {
        for p in union() {
            if p.rule.resource == "secrets" {
                assert!(
                    ["create", "delete"].contains(&p.rule.verb),
                    "{}: {:?}",
                    p.rule.describe(),
                    p.used_by
                );
            }
        }
    }

    #[test]
    fn restart_may_delete_pods_and_create_may_list_flavors() {
        let has = |command, verb: &str, resource: &str| {
            needs(command)
                .iter()
                .any(|r| r.verb == verb && r.resource == resource)
        };
        assert!(has(Command::Restart, "delete", "pods"));
        assert!(has(Command::Create, "list", "devserverflavors"));
        assert!(!has(Command::Create, "get", "devserverflavors"));
    }

    #[test]
    fn the_union_has_each_permission_once_and_requires_only_namespaced_ones() {
        let all = union();
        for (i, p) in all.iter().enumerate() {
            assert!(
                !all[i + 1..].iter().any(|q| q.rule.same_permission(&p.rule)),
                "{} twice",
                p.rule.describe()
            );
            if p.required {
                assert_eq!(p.rule.scope, Scope::Namespace, "{}", p.rule.describe());
            }
        }
        let sts_list = all
            .iter()
            .find(|p| {
                p.rule.describe() == "list statefulsets.apps" && p.rule.scope == Scope::Namespace
            })
            .unwrap();
        assert!(
            sts_list.required,
            "list needs it though status does without"
        );
        for user in ["list", "reap", "status"] {
            assert!(
                sts_list.used_by.iter().any(|u| u == user),
                "{:?}",
                sts_list.used_by
            );
        }
    }

    #[test]
    fn policy_rules_merge_verbs_per_resource_and_leave_out_what_everyone_has() {
        let (namespaced, cluster) = policy_rules(needs(Command::Status));
        let resources: Vec<_> = namespaced
            .iter()
            .flat_map(|r| r.resources.clone().unwrap_or_default())
            .collect();
        assert_eq!(resources, ["resourcequotas", "statefulsets"]);
        assert!(namespaced.iter().all(|r| r.verbs == ["list"]));
        let resources: Vec<_> = cluster
            .iter()
            .flat_map(|r| r.resources.clone().unwrap_or_default())
            .collect();
        assert_eq!(resources, ["devserverflavors"], "no self reviews");
        let system = system_policy_rules(needs(Command::Status));
        assert_eq!(system.len(), 1);
        assert_eq!(
            system[0].resources.as_deref(),
            Some(&["cronjobs".to_string()][..])
        );
        assert_eq!(system[0].verbs, ["get"]);
        let (namespaced, _) = policy_rules(needs(Command::Delete));
        let sts = namespaced
            .iter()
            .find(|r| r.resources.as_deref() == Some(&["statefulsets".to_string()][..]))
            .unwrap();
        assert_eq!(sts.verbs, ["delete", "get", "list", "watch"]);
    }
}
