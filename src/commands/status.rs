//! `devctl status`: the cluster, who you are there, and a check of every permission devctl
//! needs. The version, the identity and every access review are asked at once, in one wave
//! of concurrent requests.
//!
//! `-o json` schema (stable): `{"apiVersion": "devctl/v1", "kind": "Status", "server",
//! "serverVersion" (null if unknown), "context", "contextSource", "namespace",
//! "namespaceSource", "user": {"username", "groups"} (null if the server cannot say),
//! "permissions": [{"verb", "group", "resource", "subresource", "namespaced", "required",
//! "allowed", "reason"}], "ready": every required permission allowed}`. The sources are those
//! of `config view`: `flag`, `env`, `file`, `context`, `kubeconfig`, `in-cluster`, `default`.

use k8s_openapi::api::authorization::v1::{
    ResourceAttributes, SelfSubjectAccessReview, SelfSubjectAccessReviewSpec,
    SubjectAccessReviewStatus,
};
use kube::api::{Api, PostParams};
use serde::Serialize;

use super::{Context, ExitStatus};
use crate::cluster::Cluster;
use crate::error::{Error, Kind, Result};
use crate::output::{API_VERSION, Cell, Format, Printer, Row, Style};
use crate::settings::Source;

/// One permission devctl relies on.
struct Need {
    verb: &'static str,
    group: &'static str,
    resource: &'static str,
    subresource: &'static str,
    namespaced: bool,
    required: bool,
}

const fn need(verb: &'static str, group: &'static str, resource: &'static str) -> Need {
    Need {
        verb,
        group,
        resource,
        subresource: "",
        namespaced: true,
        required: true,
    }
}

const CRUD: [&str; 6] = ["create", "get", "list", "watch", "patch", "delete"];

/// Everything devctl does in a namespace, and the two cluster-wide reads it can do without.
fn needs() -> Vec<Need> {
    let mut all = Vec::new();
    for (group, resource) in [
        ("apps", "statefulsets"),
        ("", "services"),
        ("", "secrets"),
        ("", "configmaps"),
        ("", "persistentvolumeclaims"),
    ] {
        all.extend(CRUD.iter().map(|verb| need(verb, group, resource)));
    }
    all.extend(
        ["get", "list", "watch"]
            .iter()
            .map(|verb| need(verb, "", "pods")),
    );
    all.push(Need {
        subresource: "exec",
        ..need("create", "", "pods")
    });
    all.push(Need {
        subresource: "portforward",
        ..need("create", "", "pods")
    });
    all.push(Need {
        subresource: "log",
        ..need("get", "", "pods")
    });
    all.push(need("list", "", "events"));
    // Optional: `flavors` shows schedulability from nodes, and custom flavors need the CRD.
    all.push(Need {
        namespaced: false,
        required: false,
        ..need("list", "", "nodes")
    });
    all.push(Need {
        namespaced: false,
        required: false,
        ..need("get", "devserver.io", "devserverflavors")
    });
    all
}

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
    permissions: Vec<Permission>,
    ready: bool,
}

#[derive(Serialize)]
struct User {
    username: String,
    groups: Vec<String>,
}

#[derive(Serialize)]
struct Permission {
    verb: &'static str,
    group: &'static str,
    resource: &'static str,
    subresource: &'static str,
    namespaced: bool,
    required: bool,
    allowed: bool,
    reason: String,
    /// The namespace asked about, or `(cluster)`: a table column, not in JSON (`namespaced`
    /// and the report's `namespace` say it there).
    #[serde(skip)]
    scope: String,
}

impl Row for Permission {
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut headers = vec!["VERB", "RESOURCE", "NAMESPACE", "ALLOWED"];
        if wide {
            headers.push("REASON");
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
            self.scope.as_str().into(),
            allowed,
        ];
        if wide {
            cells.push(self.reason.as_str().into());
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
            name = format!("{}/{}", self.resource, self.subresource);
        }
        name
    }
}

pub async fn run(ctx: &Context<'_>) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept(
        "status",
        &[Format::Table, Format::Wide, Format::Json, Format::Yaml],
    )?;
    let cluster = ctx.cluster().await?;
    let spinner = printer.spinner(&format!("asking {}", cluster.server));

    let reviews = Api::<SelfSubjectAccessReview>::all(cluster.client.clone());
    let needs = needs();
    let asks = needs.iter().map(|n| {
        let reviews = reviews.clone();
        let review = access_review(n, &cluster.namespace);
        async move { reviews.create(&PostParams::default(), &review).await }
    });
    // One wave: version, identity and every access review concurrently.
    let (version, user, answers) = tokio::join!(
        cluster.client.apiserver_version(),
        whoami(cluster),
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
        user: user?,
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

/// One row of the report from the server's answer to its access review.
fn permission(
    n: &Need,
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
    Permission {
        verb: n.verb,
        group: n.group,
        resource: n.resource,
        subresource: n.subresource,
        namespaced: n.namespaced,
        required: n.required,
        allowed,
        reason,
        scope: if n.namespaced {
            namespace.to_string()
        } else {
            "(cluster)".into()
        },
    }
}

fn access_review(n: &Need, namespace: &str) -> SelfSubjectAccessReview {
    SelfSubjectAccessReview {
        spec: SelfSubjectAccessReviewSpec {
            resource_attributes: Some(ResourceAttributes {
                verb: Some(n.verb.into()),
                group: Some(n.group.into()),
                resource: Some(n.resource.into()),
                subresource: Some(n.subresource.into()),
                namespace: n.namespaced.then(|| namespace.into()),
                ..ResourceAttributes::default()
            }),
            ..SelfSubjectAccessReviewSpec::default()
        },
        ..SelfSubjectAccessReview::default()
    }
}

/// Who the cluster says we are; `None` on servers without SelfSubjectReview (before 1.28).
async fn whoami(cluster: &Cluster) -> Result<Option<User>> {
    Ok(crate::cluster::devservers::whoami(cluster)
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
    out.push('\n');
    out.push_str(&printer.rows(&r.permissions));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devctl_needs_39_permissions_and_two_are_optional() {
        let needs = needs();
        assert_eq!(needs.len(), 39);
        let optional: Vec<String> = needs
            .iter()
            .filter(|n| !n.required)
            .map(|n| format!("{} {}", n.verb, n.resource))
            .collect();
        assert_eq!(optional, ["list nodes", "get devserverflavors"]);
        assert!(needs.iter().filter(|n| n.required).all(|n| n.namespaced));
    }

    #[test]
    fn cluster_wide_reviews_name_no_namespace() {
        let needs = needs();
        let exec = needs.iter().find(|n| n.subresource == "exec").unwrap();
        let attrs = access_review(exec, "team-a")
            .spec
            .resource_attributes
            .unwrap();
        assert_eq!(attrs.namespace.as_deref(), Some("team-a"));
        assert_eq!(attrs.subresource.as_deref(), Some("exec"));
        let nodes = needs.iter().find(|n| n.resource == "nodes").unwrap();
        let attrs = access_review(nodes, "team-a")
            .spec
            .resource_attributes
            .unwrap();
        assert_eq!(attrs.namespace, None);
    }

    fn answer(allowed: bool, reason: &str) -> Result<Option<SubjectAccessReviewStatus>> {
        Ok(Some(SubjectAccessReviewStatus {
            allowed,
            reason: Some(reason.into()),
            ..SubjectAccessReviewStatus::default()
        }))
    }

    fn report() -> Report {
        let needs = needs();
        let sts = &needs[0];
        let nodes = needs.iter().find(|n| n.resource == "nodes").unwrap();
        let exec = needs.iter().find(|n| n.subresource == "exec").unwrap();
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
            permissions: vec![
                permission(
                    sts,
                    answer(true, "RBAC: allowed by RoleBinding \"dev\""),
                    "team-a",
                ),
                permission(exec, answer(false, ""), "team-a"),
                permission(nodes, Err(Error::general("timed out")), "team-a"),
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
                "permissions": [
                    {"verb": "create", "group": "apps", "resource": "statefulsets",
                     "subresource": "", "namespaced": true, "required": true,
                     "allowed": true, "reason": "RBAC: allowed by RoleBinding \"dev\""},
                    {"verb": "create", "group": "", "resource": "pods",
                     "subresource": "exec", "namespaced": true, "required": true,
                     "allowed": false, "reason": ""},
                    {"verb": "list", "group": "", "resource": "nodes",
                     "subresource": "", "namespaced": false, "required": false,
                     "allowed": false, "reason": "timed out"},
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

VERB     RESOURCE            NAMESPACE   ALLOWED
create   statefulsets.apps   team-a      yes
create   pods/exec           team-a      NO
list     nodes               (cluster)   no (optional)
"
        );
    }

    #[test]
    fn wide_adds_the_servers_reason() {
        let text = render(&report(), &Printer::plain(Format::Wide));
        let header = text.lines().find(|l| l.starts_with("VERB")).unwrap();
        assert!(header.ends_with("ALLOWED         REASON"), "{header}");
        assert!(
            text.contains("yes             RBAC: allowed by RoleBinding \"dev\""),
            "{text}"
        );
    }
}
