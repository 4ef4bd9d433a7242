//! `devctl reap`: deletes expired devservers (their home volumes stay) and says what it did.
//! Meant for cron, CI, or an in-cluster CronJob; exit 0 when nothing failed.
//!
//! `-o json`: `{"apiVersion": "devctl/v1", "kind": "ReapReport", "dryRun", "items":
//! [{"namespace", "name", "expiresAt", "action": "deleted" | "would delete" | "failed",
//! "error"}]}`.

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::jiff::Timestamp;
use kube::api::{Api, DeleteParams};
use serde::Serialize;

use super::{Context, ExitStatus};
use crate::cli::ReapArgs;
use crate::cluster::devservers;
use crate::devserver::state;
use crate::error::Result;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Reaped {
    namespace: String,
    name: String,
    expires_at: String,
    action: &'static str,
    error: Option<String>,
}

pub async fn run(ctx: &Context<'_>, args: ReapArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    let cluster = ctx.cluster().await?;
    let (sets, _) = devservers::list(cluster, args.all_namespaces, None).await?;
    let now = Timestamp::now();
    let expired: Vec<&StatefulSet> = sets
        .iter()
        .filter(|s| state::expires_at(s).is_some_and(|t| t <= now))
        .collect();
    let deletes = expired.iter().map(|set| {
        let ns = set.metadata.namespace.clone().unwrap_or_default();
        let name = set.metadata.name.clone().unwrap_or_default();
        let api: Api<StatefulSet> = Api::namespaced(cluster.client.clone(), &ns);
        let dry_run = args.dry_run;
        let expires_at = state::expires_at(set)
            .map(|t| t.to_string())
            .unwrap_or_default();
        async move {
            let (action, error) = if dry_run {
                ("would delete", None)
            } else {
                match api.delete(&name, &DeleteParams::background()).await {
                    Ok(_) => ("deleted", None),
                    Err(kube::Error::Api(s)) if s.code == 404 => ("deleted", None),
                    Err(e) => ("failed", Some(e.to_string())),
                }
            };
            Reaped {
                namespace: ns,
                name,
                expires_at,
                action,
                error,
            }
        }
    });
    let report = futures::future::join_all(deletes).await;
    let failed = report.iter().filter(|r| r.action == "failed").count();
    if printer.is_structured() {
        printer.structured(&serde_json::json!({
            "apiVersion": "devctl/v1", "kind": "ReapReport", "dryRun": args.dry_run, "items": report,
        }))?;
    } else if report.is_empty() {
        printer.info("no expired devservers");
    } else {
        let rows: Vec<Vec<String>> = report
            .iter()
            .map(|r| {
                let ago = r
                    .expires_at
                    .parse::<Timestamp>()
                    .map(|t| state::relative(t, now))
                    .unwrap_or_default();
                let action = match &r.error {
                    Some(e) => format!("failed: {e}"),
                    None => r.action.to_string(),
                };
                vec![r.namespace.clone(), r.name.clone(), ago, action]
            })
            .collect();
        printer.out(&printer.table(&["NAMESPACE", "NAME", "EXPIRED", "ACTION"], &rows));
    }
    Ok(if failed > 0 { 1 } else { 0 })
}
