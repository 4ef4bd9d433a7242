//! `devctl reap`: deletes expired devservers (their home volumes stay) and says what it did.
//! Meant for cron, CI, or an in-cluster CronJob; exit 0 when nothing failed.
//!
//! Each delete carries the uid and resourceVersion of the StatefulSet as it was listed, so a
//! devserver extended in between is `skipped`, not deleted; one that changed otherwise and is
//! still expired is read again and deleted.
//!
//! `-o json`: `{"apiVersion": "devctl/v1", "kind": "ReapReport", "dryRun", "items":
//! [{"namespace", "name", "expiresAt", "action": "deleted" | "gone" (deleted by someone
//! else meanwhile) | "would delete" | "skipped" | "failed", "error"}]}`; `error` is one line, for `failed` (and why for `skipped`). The exit
//! code is 0 when nothing failed, else the first failure's (DESIGN §4). `-o name` and
//! `-o wide` are refused.

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::jiff::Timestamp;
use serde::Serialize;

use super::{Context, ExitStatus};
use crate::cli::ReapArgs;
use crate::cluster::devservers::{self, ReapOutcome};
use crate::devserver::state;
use crate::error::Result;
use crate::output::Format;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Reaped {
    namespace: String,
    name: String,
    expires_at: String,
    action: &'static str,
    error: Option<String>,
    #[serde(skip)]
    exit_code: u8,
}

pub async fn run(ctx: &Context<'_>, args: ReapArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept("reap", &[Format::Table, Format::Json, Format::Yaml])?;
    let cluster = ctx.cluster().await?;
    let sets = devservers::list_sets(cluster, args.all_namespaces, None).await?;
    let now = Timestamp::now();
    let expired: Vec<&StatefulSet> = sets
        .iter()
        .filter(|s| state::expires_at(s).is_some_and(|t| t <= now))
        .collect();
    let deletes = expired.iter().map(|set| {
        let ns = set.metadata.namespace.clone().unwrap_or_default();
        let name = set.metadata.name.clone().unwrap_or_default();
        let dry_run = args.dry_run;
        let expires_at = state::expires_at(set)
            .map(|t| t.to_string())
            .unwrap_or_default();
        async move {
            let (action, error, exit_code) = if dry_run {
                ("would delete", None, 0)
            } else {
                match devservers::reap(cluster, set, now).await {
                    Ok(ReapOutcome::Deleted) => ("deleted", None, 0),
                    Ok(ReapOutcome::Gone) => ("gone", None, 0),
                    Ok(ReapOutcome::Extended) => (
                        "skipped",
                        Some("extended since it was listed; not deleted".into()),
                        0,
                    ),
                    Ok(ReapOutcome::Busy) => (
                        "skipped",
                        Some("it kept changing under the delete; the next reap tries again".into()),
                        0,
                    ),
                    Err(e) => ("failed", Some(e.message), e.kind.exit_code()),
                }
            };
            Reaped {
                namespace: ns,
                name,
                expires_at,
                action,
                error,
                exit_code,
            }
        }
    });
    let report = futures::future::join_all(deletes).await;
    let code = report
        .iter()
        .map(|r| r.exit_code)
        .find(|c| *c != 0)
        .unwrap_or(0);
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
                    Some(e) => format!("{}: {e}", r.action),
                    None => r.action.to_string(),
                };
                vec![r.namespace.clone(), r.name.clone(), ago, action]
            })
            .collect();
        printer.out(&printer.table(&["NAMESPACE", "NAME", "EXPIRED", "ACTION"], &rows));
    }
    Ok(code)
}
