//! `devctl status`: the cluster, who you are there, where flavors come from, your devservers
//! in the namespace, and a check of every permission devctl calls (the union of
//! [`crate::cluster::permissions`]). The version, the identity, the flavors, the devservers and
//! every access review are asked at once, in one wave of concurrent requests; so the
//! namespace's devservers are listed and yours picked by their owner label here, since who you
//! are arrives in the same wave.
//!
//! The namespace's ResourceQuotas and the reaper's CronJob are read in the same wave; neither
//! is needed, so a refusal shows them as unknown and is never an error.
//!
//! `-o json` schema (stable): `{"apiVersion": "devctl/v1", "kind": "Status", "server",
//! "serverVersion" (null if unknown), "context", "contextSource", "namespace",
//! "namespaceSource", "user": {"username", "groups"} (null if the server cannot say),
//! "owner": {"name", "source"} (the owner devctl puts on devservers, and why:
//! `configured`, `cluster`, `local-user`, `unknown`),
//! "devservers": {"count", "names", "error"} (the owner's devservers in the namespace; `count`
//! is null and `error` says why when they cannot be listed),
//! "flavors": {"source", "names", "error"} (`source`: `cluster` for the cluster's
//! DevServerFlavors, `built-in` when it defines none, `built-in-forbidden` when you may not
//! read them; null with `error` when they cannot be read),
//! "quotas": {"items": [{"name", "resources": [{"resource", "used", "hard"}]}], "error"} (the
//! namespace's ResourceQuotas by name, their resources sorted, quantities as the server
//! writes them, `used` null before the quota controller has counted; `items` is `[]` when
//! there is none, null with `error` when they cannot be listed),
//! "reaper": {"installed", "namespace", "name", "schedule", "suspended", "lastScheduleTime",
//! "lastSuccessfulTime", "error"} (the CronJob `devctl-reaper` in `devctl-system`;
//! `installed` is null with `error` when it cannot be read; times RFC 3339 or null),
//! "permissions": [{"verb", "group", "resource", "subresource", "namespaced" (asked in the
//! namespace), "scope" (`namespace`, `all-namespaces`, `cluster`, `system`: in
//! `devctl-system`), "required", "allowed",
//! "reason" (the server's), "usedBy" (["create (--wait)", ...]), "fallback" (what devctl does
//! without it, or null)}], "ready": every required permission allowed}`. The sources are those
//! of `config view`: `flag`, `env`, `file`, `context`, `kubeconfig`, `in-cluster`, `default`.

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::authorization::v1::{SelfSubjectAccessReview, SubjectAccessReviewStatus};
use k8s_openapi::api::batch::v1::CronJob;
use k8s_openapi::api::core::v1::ResourceQuota;
use k8s_openapi::jiff::Timestamp;
use kube::api::{Api, ListParams, PostParams};
use serde::Serialize;

use super::{Context, ExitStatus};
use crate::cluster::Cluster;
use crate::cluster::devservers::{self, FlavorSource};
use crate::cluster::permissions::{self, Need, Scope};
use crate::devserver::admin::{REAPER, SYSTEM_NAMESPACE};
use crate::devserver::manifests::{OWNER, owner_label};
use crate::devserver::owner::{self, OwnerSource};
use crate::devserver::state;
use crate::error::{Error, Kind, Result};
use crate::output::{API_VERSION, Cell, Format, Printer, Row, Style};
use crate::settings::Source;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Report {
    api_version: &'static str,
    kind: &'static str,
    server: String,
    server_version: Option<String>,
    context: String,
    context_source: Source,
    namespace: String,
    namespace_source: Source,
    user: Option<User>,
    owner: Owner,
    devservers: DevServers,
    flavors: Flavors,
    quotas: Quotas,
    reaper: Reaper,
    permissions: Vec<Permission>,
    ready: bool,
}

#[derive(Serialize)]
struct Quotas {
    items: Option<Vec<Quota>>,
    error: Option<String>,
}

#[derive(Serialize, Debug, PartialEq)]
struct Quota {
    name: String,
    resources: Vec<QuotaUse>,
}

#[derive(Serialize, Debug, PartialEq)]
struct QuotaUse {
    resource: String,
    used: Option<String>,
    hard: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Reaper {
    installed: Option<bool>,
    namespace: &'static str,
    name: &'static str,
    schedule: Option<String>,
    suspended: Option<bool>,
    last_schedule_time: Option<String>,
    last_successful_time: Option<String>,
    error: Option<String>,
}

#[derive(Serialize)]
struct User {
    username: String,
    groups: Vec<String>,
}

#[derive(Serialize)]
struct Owner {
    name: String,
    source: OwnerSource,
}

#[derive(Serialize)]
struct DevServers {
    count: Option<usize>,
    names: Vec<String>,
    error: Option<String>,
}

#[derive(Serialize)]
struct Flavors {
    source: Option<FlavorSource>,
    names: Vec<String>,
    error: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Permission {
    verb: &'static str,
    group: &'static str,
    resource: &'static str,
    subresource: &'static str,
    namespaced: bool,
    scope: ScopeName,
    required: bool,
    allowed: bool,
    reason: String,
    used_by: Vec<String>,
    fallback: Option<&'static str>,
    /// The namespace asked about, `(all)` or `(cluster)`: a table column, not in JSON
    /// (`scope` and the report's `namespace` say it there).
    #[serde(skip)]
    shown_scope: String,
}

#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum ScopeName {
    Namespace,
    AllNamespaces,
    Cluster,
    System,
}

impl Row for Permission {
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut headers = vec!["VERB", "RESOURCE", "NAMESPACE", "ALLOWED"];
        if wide {
            headers.extend(["REASON", "USED BY"]);
        }
        headers
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let allowed = match (self.allowed, self.required) {
            (true, _) => Cell::new("yes", Style::Good),
            (false, true) => Cell::new("NO", Style::Bad),
            (false, false) => Cell::new("no (optional)", Style::Dim),
        };
        let mut cells = vec![
            self.verb.into(),
            self.resource_name().into(),
            self.shown_scope.as_str().into(),
            allowed,
        ];
        if wide {
            cells.push(self.reason.as_str().into());
            cells.push(self.used_by.join(", ").into());
        }
        cells
    }

    fn name(&self) -> String {
        format!("{} {}", self.verb, self.resource_name())
    }
}

impl Permission {
    fn resource_name(&self) -> String {
        let mut name = self.resource.to_string();
        if !self.group.is_empty() {
            name = format!("{name}.{}", self.group);
        }
        if !self.subresource.is_empty() {
            name = format!("{name}/{}", self.subresource);
        }
        name
    }
}

pub async fn run(ctx: &Context<'_>) -> Result<ExitStatus> {
    let (settings, printer) = (ctx.settings()?, ctx.printer);
    printer.accept(
        "status",
        &[Format::Table, Format::Wide, Format::Json, Format::Yaml],
    )?;
    let cluster = ctx.cluster().await?;
    let spinner = printer.spinner(&format!("asking {}", cluster.server));

    let reviews = Api::<SelfSubjectAccessReview>::all(cluster.client.clone());
    let needs = permissions::union();
    let asks = needs.iter().map(|n| {
        let reviews = reviews.clone();
        let review = n.rule.access_review(&cluster.namespace);
        async move { reviews.create(&PostParams::default(), &review).await }
    });
    let sets = Api::<StatefulSet>::namespaced(cluster.client.clone(), &cluster.namespace);
    let managed = ListParams::default().labels(&devservers::managed_selector());
    let every = ListParams::default();
    let quotas = Api::<ResourceQuota>::namespaced(cluster.client.clone(), &cluster.namespace);
    let crons = Api::<CronJob>::namespaced(cluster.client.clone(), SYSTEM_NAMESPACE);
    // One wave: version, identity, flavors, devservers, quotas, the reaper and every access
    // review concurrently.
    let (version, user, flavors, sets, quotas, reaper, answers) = tokio::join!(
        cluster.client.apiserver_version(),
        whoami(cluster),
        devservers::flavors(cluster),
        sets.list(&managed),
        quotas.list(&every),
        crons.get_opt(REAPER),
        futures::future::join_all(asks),
    );
    spinner.finish_and_clear();

    let version = match version {
        Ok(v) => Some(v.git_version),
        Err(err) => {
            let err = cluster.error(err);
            if matches!(
                err.kind,
                Kind::Unreachable | Kind::Timeout | Kind::Forbidden
            ) {
                return Err(err);
            }
            printer.warn(&format!("cannot read the server version: {}", err.message));
            None
        }
    };
    let user = user?;
    let (owner_name, owner_source) = owner::resolve(
        settings.get("owner"),
        user.as_ref().map(|u| u.username.as_str()),
        owner::local_user().as_deref(),
    );
    let devservers = mine(sets.map_err(|e| cluster.error(e)), &owner_name);
    let flavors = match flavors {
        Ok((flavors, source)) => Flavors {
            source: Some(source),
            names: flavors.into_iter().map(|f| f.name).collect(),
            error: None,
        },
        Err(err) => Flavors {
            source: None,
            names: Vec::new(),
            error: Some(err.message),
        },
    };
    let quotas = match quotas {
        Ok(list) => Quotas {
            items: Some(quota_use(list.items)),
            error: None,
        },
        Err(err) => Quotas {
            items: None,
            error: Some(cluster.error(err).message),
        },
    };
    let reaper = reaper_of(reaper.map_err(|e| cluster.error(e)));
    let permissions: Vec<Permission> = needs
        .iter()
        .zip(answers)
        .map(|(n, answer)| {
            let answer = answer
                .map_err(|e| cluster.error(e))
                .map(|review| review.status);
            permission(n, answer, &cluster.namespace)
        })
        .collect();
    let ready = permissions.iter().all(|p| p.allowed || !p.required);
    let report = Report {
        api_version: API_VERSION,
        kind: "Status",
        server: cluster.server.clone(),
        server_version: version,
        context: cluster.context.clone(),
        context_source: cluster.context_source,
        namespace: cluster.namespace.clone(),
        namespace_source: cluster.namespace_source,
        user,
        owner: Owner {
            name: owner_name,
            source: owner_source,
        },
        devservers,
        flavors,
        quotas,
        reaper,
        permissions,
        ready,
    };

    if printer.is_structured() {
        printer.structured(&report)?;
    } else {
        printer.out(&render(&report, printer));
    }
    if report.ready {
        return Ok(0);
    }
    let missing: Vec<String> = report
        .permissions
        .iter()
        .filter(|p| p.required && !p.allowed)
        .map(|p| format!("{} {}", p.verb, p.resource_name()))
        .collect();
    Err(Error::new(
        Kind::Forbidden,
        format!(
            "{} required permission(s) missing in namespace {}: {}",
            missing.len(),
            report.namespace,
            missing.join(", ")
        ),
    )
    .hint("ask a cluster admin to grant them (`devctl admin user add` sets up a namespace with exactly these)"))
}

/// The owner's devservers among the namespace's, by the owner label devctl puts on them.
fn mine(listed: Result<kube::core::ObjectList<StatefulSet>>, owner: &str) -> DevServers {
    let label = owner_label(owner);
    match listed {
        Ok(list) => {
            let mut names: Vec<String> = list
                .items
                .into_iter()
                .filter(|s| {
                    s.metadata
                        .labels
                        .as_ref()
                        .and_then(|l| l.get(OWNER))
                        .is_some_and(|o| *o == label)
                })
                .filter_map(|s| s.metadata.name)
                .collect();
            names.sort();
            DevServers {
                count: Some(names.len()),
                names,
                error: None,
            }
        }
        Err(err) => DevServers {
            count: None,
            names: Vec::new(),
            error: Some(err.message),
        },
    }
}

/// Each quota's resources, sorted, with what is used of each; the quotas sorted by name.
fn quota_use(mut quotas: Vec<ResourceQuota>) -> Vec<Quota> {
    quotas.sort_by(|a, b| a.metadata.name.cmp(&b.metadata.name));
    quotas
        .into_iter()
        .map(|q| {
            let (hard, used) = crate::devserver::quota::allowed_and_used(&q);
            Quota {
                name: q.metadata.name.unwrap_or_default(),
                resources: hard
                    .into_iter()
                    .map(|(resource, hard)| QuotaUse {
                        used: used.get(&resource).map(|u| u.0.clone()),
                        resource,
                        hard: hard.0,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The reaper from its CronJob: installed or not, or unknown with why.
fn reaper_of(cron: Result<Option<CronJob>>) -> Reaper {
    let mut reaper = Reaper {
        installed: None,
        namespace: SYSTEM_NAMESPACE,
        name: REAPER,
        schedule: None,
        suspended: None,
        last_schedule_time: None,
        last_successful_time: None,
        error: None,
    };
    match cron {
        Ok(None) => reaper.installed = Some(false),
        Ok(Some(cron)) => {
            let spec = cron.spec.unwrap_or_default();
            let status = cron.status.unwrap_or_default();
            reaper.installed = Some(true);
            reaper.schedule = Some(spec.schedule);
            reaper.suspended = Some(spec.suspend.unwrap_or(false));
            reaper.last_schedule_time = status.last_schedule_time.map(|t| t.0.to_string());
            reaper.last_successful_time = status.last_successful_time.map(|t| t.0.to_string());
        }
        Err(err) => reaper.error = Some(err.message),
    }
    reaper
}

/// One row of the report from the server's answer to its access review.
fn permission(
    n: &permissions::Permission,
    answer: Result<Option<SubjectAccessReviewStatus>>,
    namespace: &str,
) -> Permission {
    let (allowed, reason) = match answer {
        Ok(Some(s)) => (
            s.allowed,
            s.reason.or(s.evaluation_error).unwrap_or_default(),
        ),
        Ok(None) => (false, "no answer".into()),
        Err(err) => (false, err.message),
    };
    let rule = &n.rule;
    let (scope, shown_scope) = match rule.scope {
        Scope::Namespace => (ScopeName::Namespace, namespace.to_string()),
        Scope::AllNamespaces => (ScopeName::AllNamespaces, "(all)".to_string()),
        Scope::Cluster => (ScopeName::Cluster, "(cluster)".to_string()),
        Scope::System => (ScopeName::System, SYSTEM_NAMESPACE.to_string()),
    };
    Permission {
        verb: rule.verb,
        group: rule.group,
        resource: rule.resource,
        subresource: rule.subresource,
        namespaced: rule.scope == Scope::Namespace,
        scope,
        required: n.required,
        allowed,
        reason,
        used_by: n.used_by.clone(),
        fallback: match rule.need {
            Need::Optional(fallback) if !n.required => Some(fallback),
            _ => None,
        },
        shown_scope,
    }
}

/// Who the cluster says we are; `None` on servers without SelfSubjectReview (before 1.28).
async fn whoami(cluster: &Cluster) -> Result<Option<User>> {
    Ok(devservers::whoami(cluster)
        .await?
        .map(|(username, groups)| User { username, groups }))
}

fn render(r: &Report, printer: &Printer) -> String {
    let mut out = String::new();
    let line = |label: &str, value: &str| format!("{label:<11}{value}\n");
    out.push_str(&line("Server:", &r.server));
    out.push_str(&line(
        "Version:",
        r.server_version.as_deref().unwrap_or("unknown"),
    ));
    out.push_str(&line(
        "Context:",
        &format!("{} (from {})", r.context, r.context_source.describe()),
    ));
    out.push_str(&line(
        "Namespace:",
        &format!("{} (from {})", r.namespace, r.namespace_source.describe()),
    ));
    match &r.user {
        Some(u) => {
            out.push_str(&line("User:", &u.username));
            out.push_str(&line("Groups:", &u.groups.join(", ")));
        }
        None => out.push_str(&line("User:", "unknown (the server cannot tell)")),
    }
    out.push_str(&line(
        "Owner:",
        &format!("{} ({})", r.owner.name, r.owner.source.describe()),
    ));
    let d = &r.devservers;
    let yours = match (d.count, &d.error) {
        (Some(0), _) => format!("no devservers in {}", r.namespace),
        (Some(n), _) => format!("{n} in {}: {}", r.namespace, d.names.join(", ")),
        (None, error) => format!("unknown ({})", error.as_deref().unwrap_or("no answer")),
    };
    out.push_str(&line("Yours:", &yours));
    let f = &r.flavors;
    let flavors = match (f.source, &f.error) {
        (Some(source), _) => {
            let from = match source {
                FlavorSource::Cluster => "from the cluster's DevServerFlavors",
                FlavorSource::BuiltIn => "built-in: the cluster defines no DevServerFlavors",
                FlavorSource::BuiltInForbidden => {
                    "built-in: you may not read the cluster's DevServerFlavors"
                }
            };
            format!("{} ({from})", f.names.join(", "))
        }
        (None, error) => format!("unknown ({})", error.as_deref().unwrap_or("no answer")),
    };
    out.push_str(&line("Flavors:", &flavors));
    let quota = match (&r.quotas.items, &r.quotas.error) {
        (Some(items), _) if items.is_empty() => format!("none in {}", r.namespace),
        (Some(items), _) => items
            .iter()
            .map(|q| {
                let uses: Vec<String> = q
                    .resources
                    .iter()
                    .map(|u| {
                        format!(
                            "{} {}/{}",
                            u.resource,
                            u.used.as_deref().unwrap_or("?"),
                            u.hard
                        )
                    })
                    .collect();
                format!("{}: {}", q.name, uses.join(", "))
            })
            .collect::<Vec<_>>()
            .join(&format!("\n{:11}", "")),
        (None, error) => format!("unknown ({})", error.as_deref().unwrap_or("no answer")),
    };
    out.push_str(&line("Quota:", &quota));
    out.push_str(&line(
        "Reaper:",
        &describe_reaper(&r.reaper, Timestamp::now()),
    ));
    out.push('\n');
    out.push_str(&printer.rows(&r.permissions));
    out
}

/// The reaper's line: where, its schedule, whether it is suspended, and when it last ran
/// (and how long ago) and last succeeded.
fn describe_reaper(reaper: &Reaper, now: Timestamp) -> String {
    match reaper.installed {
        None => format!(
            "unknown ({})",
            reaper.error.as_deref().unwrap_or("no answer")
        ),
        Some(false) => format!(
            "not installed (no CronJob {}/{})",
            reaper.namespace, reaper.name
        ),
        Some(true) => {
            let mut parts = vec![
                format!("{}/{}", reaper.namespace, reaper.name),
                format!("schedule {}", reaper.schedule.as_deref().unwrap_or("?")),
            ];
            if reaper.suspended == Some(true) {
                parts.push("suspended".into());
            }
            match &reaper.last_schedule_time {
                Some(at) => {
                    let ago = at
                        .parse::<Timestamp>()
                        .map(|t| format!(" ({} ago)", state::short_duration(now.duration_since(t))))
                        .unwrap_or_default();
                    parts.push(format!("last run {at}{ago}"));
                }
                None => parts.push("not run yet".into()),
            }
            if let Some(at) = &reaper.last_successful_time {
                parts.push(format!("last success {at}"));
            }
            parts.join(", ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(describe: &str, scope: Scope) -> permissions::Permission {
        permissions::union()
            .into_iter()
            .find(|p| p.rule.describe() == describe && p.rule.scope == scope)
            .unwrap_or_else(|| panic!("no {describe}"))
    }

    #[test]
    fn status_checks_the_union_of_every_commands_table() {
        let union = permissions::union();
        for command in permissions::Command::ALL {
            for rule in permissions::needs(command) {
                assert!(
                    union.iter().any(|p| p.rule.same_permission(rule)),
                    "{} of {}",
                    rule.describe(),
                    command.name()
                );
            }
        }
        assert!(union.iter().any(|p| p.rule.describe() == "delete pods"));
        assert!(
            !union
                .iter()
                .any(|p| p.rule.resource == "secrets" && p.rule.verb == "get"),
            "no read access to Secrets"
        );
    }

    #[test]
    fn cluster_wide_reviews_name_no_namespace() {
        let delete = find("delete pods", Scope::Namespace);
        let attrs = delete
            .rule
            .access_review("team-a")
            .spec
            .resource_attributes
            .unwrap();
        assert_eq!(attrs.namespace.as_deref(), Some("team-a"));
        assert_eq!(attrs.verb.as_deref(), Some("delete"));
        for (describe, scope) in [
            ("list nodes", Scope::Cluster),
            ("list statefulsets.apps", Scope::AllNamespaces),
        ] {
            let attrs = find(describe, scope)
                .rule
                .access_review("team-a")
                .spec
                .resource_attributes
                .unwrap();
            assert_eq!(attrs.namespace, None, "{describe}");
        }
    }

    fn answer(allowed: bool, reason: &str) -> Result<Option<SubjectAccessReviewStatus>> {
        Ok(Some(SubjectAccessReviewStatus {
            allowed,
            reason: Some(reason.into()),
            ..SubjectAccessReviewStatus::default()
        }))
    }

    fn report() -> Report {
        let sts = find("create statefulsets.apps", Scope::Namespace);
        let nodes = find("list nodes", Scope::Cluster);
        let restart = find("delete pods", Scope::Namespace);
        Report {
            api_version: API_VERSION,
            kind: "Status",
            server: "https://127.0.0.1:6443".into(),
            server_version: Some("v1.36.1".into()),
            context: "dev".into(),
            context_source: Source::Kubeconfig,
            namespace: "team-a".into(),
            namespace_source: Source::Context,
            user: Some(User {
                username: "alice".into(),
                groups: vec!["devs".into(), "system:authenticated".into()],
            }),
            owner: Owner {
                name: "alice".into(),
                source: OwnerSource::Cluster,
            },
            devservers: DevServers {
                count: Some(2),
                names: vec!["box".into(), "gpu".into()],
                error: None,
            },
            flavors: Flavors {
                source: Some(FlavorSource::BuiltInForbidden),
                names: vec!["cpu-small".into(), "cpu-large".into()],
                error: None,
            },
            quotas: Quotas {
                items: Some(vec![Quota {
                    name: "devctl-quota".into(),
                    resources: vec![
                        QuotaUse {
                            resource: "count/statefulsets.apps".into(),
                            used: Some("2".into()),
                            hard: "3".into(),
                        },
                        QuotaUse {
                            resource: "requests.cpu".into(),
                            used: Some("1500m".into()),
                            hard: "4".into(),
                        },
                    ],
                }]),
                error: None,
            },
            reaper: reaper_of(Ok(None)),
            permissions: vec![
                permission(
                    &sts,
                    answer(true, "RBAC: allowed by RoleBinding \"dev\""),
                    "team-a",
                ),
                permission(&restart, answer(false, ""), "team-a"),
                permission(&nodes, Err(Error::general("timed out")), "team-a"),
            ],
            ready: false,
        }
    }

    #[test]
    fn the_json_schema_is_stable() {
        let json = serde_json::to_value(report()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "apiVersion": "devctl/v1",
                "kind": "Status",
                "server": "https://127.0.0.1:6443",
                "serverVersion": "v1.36.1",
                "context": "dev",
                "contextSource": "kubeconfig",
                "namespace": "team-a",
                "namespaceSource": "context",
                "user": {"username": "alice", "groups": ["devs", "system:authenticated"]},
                "owner": {"name": "alice", "source": "cluster"},
                "devservers": {"count": 2, "names": ["box", "gpu"], "error": null},
                "flavors": {"source": "built-in-forbidden", "names": ["cpu-small", "cpu-large"], "error": null},
                "quotas": {"items": [{"name": "devctl-quota", "resources": [
                    {"resource": "count/statefulsets.apps", "used": "2", "hard": "3"},
                    {"resource": "requests.cpu", "used": "1500m", "hard": "4"},
                ]}], "error": null},
                "reaper": {"installed": false, "namespace": "devctl-system", "name": "devctl-reaper",
                           "schedule": null, "suspended": null, "lastScheduleTime": null,
                           "lastSuccessfulTime": null, "error": null},
                "permissions": [
                    {"verb": "create", "group": "apps", "resource": "statefulsets",
                     "subresource": "", "namespaced": true, "scope": "namespace",
                     "required": true, "allowed": true,
                     "reason": "RBAC: allowed by RoleBinding \"dev\"",
                     "usedBy": ["create"], "fallback": null},
                    {"verb": "delete", "group": "", "resource": "pods",
                     "subresource": "", "namespaced": true, "scope": "namespace",
                     "required": true, "allowed": false, "reason": "",
                     "usedBy": ["restart", "job results"], "fallback": null},
                    {"verb": "list", "group": "", "resource": "nodes",
                     "subresource": "", "namespaced": false, "scope": "cluster",
                     "required": false, "allowed": false, "reason": "timed out",
                     "usedBy": ["create", "flavors", "job run (--gpu with a resource outside the known list)"],
                     "fallback": "the scheduler alone finds out"},
                ],
                "ready": false,
            })
        );
    }

    #[test]
    fn the_table_marks_missing_and_optional_rows() {
        let text = render(&report(), &Printer::plain(Format::Table));
        assert_eq!(
            text,
            "Server:    https://127.0.0.1:6443
Version:   v1.36.1
Context:   dev (from kubeconfig)
Namespace: team-a (from kubeconfig context)
User:      alice
Groups:    devs, system:authenticated
Owner:     alice (who the cluster says you are)
Yours:     2 in team-a: box, gpu
Flavors:   cpu-small, cpu-large (built-in: you may not read the cluster's DevServerFlavors)
Quota:     devctl-quota: count/statefulsets.apps 2/3, requests.cpu 1500m/4
Reaper:    not installed (no CronJob devctl-system/devctl-reaper)

VERB     RESOURCE            NAMESPACE   ALLOWED
create   statefulsets.apps   team-a      yes
delete   pods                team-a      NO
list     nodes               (cluster)   no (optional)
"
        );
    }

    #[test]
    fn devservers_and_flavors_that_cannot_be_read_say_why() {
        let mut r = report();
        r.devservers = mine(Err(Error::general("forbidden: no list")), "alice");
        r.flavors = Flavors {
            source: Some(FlavorSource::Cluster),
            names: vec!["gpu-small".into()],
            error: None,
        };
        let text = render(&r, &Printer::plain(Format::Table));
        assert!(
            text.contains("Yours:     unknown (forbidden: no list)\n"),
            "{text}"
        );
        assert!(
            text.contains("Flavors:   gpu-small (from the cluster's DevServerFlavors)\n"),
            "{text}"
        );
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["devservers"]["count"], serde_json::Value::Null);
    }

    #[test]
    fn quota_use_sorts_quotas_and_marks_what_is_not_counted_yet() {
        let quota = |name: &str, hard: serde_json::Value, status: serde_json::Value| {
            serde_json::from_value::<ResourceQuota>(serde_json::json!({
                "metadata": {"name": name}, "spec": {"hard": hard}, "status": status
            }))
            .unwrap()
        };
        let quotas = quota_use(vec![
            quota(
                "objects",
                serde_json::json!({"pods": "5"}),
                serde_json::json!({"hard": {"pods": "5"}, "used": {"pods": "1"}}),
            ),
            quota(
                "compute",
                serde_json::json!({"requests.memory": "8Gi", "limits.cpu": "4"}),
                serde_json::json!({}),
            ),
        ]);
        assert_eq!(
            quotas,
            vec![
                Quota {
                    name: "compute".into(),
                    resources: vec![
                        QuotaUse {
                            resource: "limits.cpu".into(),
                            used: None,
                            hard: "4".into()
                        },
                        QuotaUse {
                            resource: "requests.memory".into(),
                            used: None,
                            hard: "8Gi".into()
                        },
                    ],
                },
                Quota {
                    name: "objects".into(),
                    resources: vec![QuotaUse {
                        resource: "pods".into(),
                        used: Some("1".into()),
                        hard: "5".into()
                    }],
                },
            ]
        );
        let mut r = report();
        r.quotas.items = Some(quotas);
        let text = render(&r, &Printer::plain(Format::Table));
        assert!(
            text.contains(
                "Quota:     compute: limits.cpu ?/4, requests.memory ?/8Gi\n           objects: pods 1/5\n"
            ),
            "{text}"
        );
        r.quotas = Quotas {
            items: Some(Vec::new()),
            error: None,
        };
        let text = render(&r, &Printer::plain(Format::Table));
        assert!(text.contains("Quota:     none in team-a\n"), "{text}");
        r.quotas = Quotas {
            items: None,
            error: Some("forbidden: no list".into()),
        };
        let text = render(&r, &Printer::plain(Format::Table));
        assert!(
            text.contains("Quota:     unknown (forbidden: no list)\n"),
            "{text}"
        );
    }

    #[test]
    fn the_reaper_line_says_where_when_and_how_long_ago() {
        let cron = |spec: serde_json::Value, status: serde_json::Value| {
            serde_json::from_value::<CronJob>(serde_json::json!({
                "metadata": {"name": REAPER}, "spec": spec, "status": status
            }))
            .unwrap()
        };
        let template = serde_json::json!({"spec": {"template": {}}});
        let now: Timestamp = "2026-01-02T03:20:00Z".parse().unwrap();
        let ran = reaper_of(Ok(Some(cron(
            serde_json::json!({"schedule": "*/15 * * * *", "jobTemplate": template}),
            serde_json::json!({"lastScheduleTime": "2026-01-02T03:15:00Z",
                               "lastSuccessfulTime": "2026-01-02T03:00:05Z"}),
        ))));
        assert_eq!(
            describe_reaper(&ran, now),
            "devctl-system/devctl-reaper, schedule */15 * * * *, last run 2026-01-02T03:15:00Z (5m ago), last success 2026-01-02T03:00:05Z"
        );
        let json = serde_json::to_value(&ran).unwrap();
        assert_eq!(json["installed"], true);
        assert_eq!(json["suspended"], false);
        assert_eq!(json["lastScheduleTime"], "2026-01-02T03:15:00Z");
        let suspended = reaper_of(Ok(Some(cron(
            serde_json::json!({"schedule": "0 * * * *", "suspend": true, "jobTemplate": template}),
            serde_json::json!({}),
        ))));
        assert_eq!(
            describe_reaper(&suspended, now),
            "devctl-system/devctl-reaper, schedule 0 * * * *, suspended, not run yet"
        );
        let unknown = reaper_of(Err(Error::new(Kind::Forbidden, "forbidden: no get")));
        assert_eq!(
            describe_reaper(&unknown, now),
            "unknown (forbidden: no get)"
        );
        assert_eq!(
            serde_json::to_value(&unknown).unwrap()["installed"],
            serde_json::Value::Null
        );
    }

    #[test]
    fn yours_are_picked_by_the_owner_label() {
        let set = |name: &str, owner: &str| -> StatefulSet {
            serde_json::from_value(serde_json::json!({
                "metadata": {"name": name, "labels": {OWNER: owner}}
            }))
            .unwrap()
        };
        let list = kube::core::ObjectList {
            types: Default::default(),
            metadata: Default::default(),
            items: vec![
                set("b", "alice_example.com"),
                set("x", "bob"),
                set("a", "alice_example.com"),
            ],
        };
        let d = mine(Ok(list), "alice@example.com");
        assert_eq!((d.count, d.names), (Some(2), vec!["a".into(), "b".into()]));
    }

    #[test]
    fn wide_adds_the_servers_reason_and_the_commands() {
        let text = render(&report(), &Printer::plain(Format::Wide));
        let header = text.lines().find(|l| l.starts_with("VERB")).unwrap();
        assert!(header.contains("ALLOWED         REASON"), "{header}");
        assert!(header.ends_with("USED BY"), "{header}");
        assert!(
            text.contains("yes             RBAC: allowed by RoleBinding \"dev\""),
            "{text}"
        );
        assert!(text.contains("restart, job results\n"), "{text}");
    }
}
