//! `devctl status`: the cluster, who you are there, and a check of every permission devctl
//! needs. The version, the identity and every access review are asked at once, in one wave
//! of concurrent requests.
//!
//! `-o json` schema (stable): `{"apiVersion": "devctl/v1", "kind": "Status", "server",
//! "serverVersion" (null if unknown), "context", "namespace", "namespaceSource",
//! "user": {"username", "groups"} (null if the server cannot say), "permissions": [{"verb",
//! "group", "resource", "subresource", "namespaced", "required", "allowed", "reason"}],
//! "ready": every required permission allowed}`.

use k8s_openapi::api::authentication::v1::SelfSubjectReview;
use k8s_openapi::api::authorization::v1::SelfSubjectAccessReview;
use kube::api::{Api, PostParams};
use serde::Serialize;

use super::ExitStatus;
use crate::cli::GlobalArgs;
use crate::cluster::{self, Cluster};
use crate::error::{Error, Kind, Result};
use crate::output::{Printer, Style};
use crate::settings::Settings;

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
    namespace: String,
    namespace_source: &'static str,
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

pub async fn run(
    global: &GlobalArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let cluster = cluster::connect(global, settings, printer).await?;
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
        whoami(&cluster),
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
    let mut permissions = Vec::with_capacity(needs.len());
    for (n, answer) in needs.iter().zip(answers) {
        let (allowed, reason) = match answer {
            Ok(review) => review
                .status
                .map(|s| {
                    (
                        s.allowed,
                        s.reason.or(s.evaluation_error).unwrap_or_default(),
                    )
                })
                .unwrap_or((false, "no answer".into())),
            Err(err) => (false, cluster.error(err).message),
        };
        permissions.push(Permission {
            verb: n.verb,
            group: n.group,
            resource: n.resource,
            subresource: n.subresource,
            namespaced: n.namespaced,
            required: n.required,
            allowed,
            reason,
        });
    }
    let ready = permissions.iter().all(|p| p.allowed || !p.required);
    let report = Report {
        api_version: "devctl/v1",
        kind: "Status",
        server: cluster.server.clone(),
        server_version: version,
        context: cluster.context.clone(),
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

fn access_review(n: &Need, namespace: &str) -> SelfSubjectAccessReview {
    let mut attrs = serde_json::json!({
        "verb": n.verb,
        "group": n.group,
        "resource": n.resource,
        "subresource": n.subresource,
    });
    if n.namespaced {
        attrs["namespace"] = namespace.into();
    }
    serde_json::from_value(serde_json::json!({ "spec": { "resourceAttributes": attrs } }))
        .unwrap_or_default()
}

/// Who the cluster says we are; `None` on servers without SelfSubjectReview (before 1.28).
async fn whoami(cluster: &Cluster) -> Result<Option<User>> {
    let api = Api::<SelfSubjectReview>::all(cluster.client.clone());
    match api
        .create(&PostParams::default(), &SelfSubjectReview::default())
        .await
    {
        Ok(review) => Ok(review.status.and_then(|s| s.user_info).map(|u| User {
            username: u.username.unwrap_or_default(),
            groups: u.groups.unwrap_or_default(),
        })),
        Err(kube::Error::Api(status)) if status.code == 404 => Ok(None),
        Err(err) => {
            let err = cluster.error(err);
            match err.kind {
                Kind::Unreachable | Kind::Timeout => Err(err),
                // A 401 shows up on every call; the version's error reports it.
                _ => Ok(None),
            }
        }
    }
}

fn render(r: &Report, printer: &Printer) -> String {
    let mut out = String::new();
    let line = |label: &str, value: &str| format!("{label:<11}{value}\n");
    out.push_str(&line("Server:", &r.server));
    out.push_str(&line(
        "Version:",
        r.server_version.as_deref().unwrap_or("unknown"),
    ));
    out.push_str(&line("Context:", &r.context));
    out.push_str(&line(
        "Namespace:",
        &format!("{} (from {})", r.namespace, r.namespace_source),
    ));
    match &r.user {
        Some(u) => {
            out.push_str(&line("User:", &u.username));
            out.push_str(&line("Groups:", &u.groups.join(", ")));
        }
        None => out.push_str(&line("User:", "unknown (the server cannot tell)")),
    }
    out.push('\n');
    let rows: Vec<Vec<String>> = r
        .permissions
        .iter()
        .map(|p| {
            let allowed = match (p.allowed, p.required) {
                (true, _) => printer.paint("yes", Style::Good),
                (false, true) => printer.paint("NO", Style::Bad),
                (false, false) => printer.paint("no (optional)", Style::Dim),
            };
            let scope = if p.namespaced {
                r.namespace.clone()
            } else {
                "(cluster)".into()
            };
            vec![p.verb.to_string(), p.resource_name(), scope, allowed]
        })
        .collect();
    out.push_str(&printer.table(&["VERB", "RESOURCE", "NAMESPACE", "ALLOWED"], &rows));
    out
}
