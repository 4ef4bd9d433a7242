//! `devctl job delete NAME...`: deletes each Job with background propagation, so the garbage
//! collector takes its pods, their results claims, and its Secret, ConfigMap, Service and new
//! claims. `--keep-results` first takes each index's results claim out of its pod's hands (see
//! `cluster::jobs::delete`); a later delete without it removes those kept claims.
//!
//! `-o json`: `{"apiVersion": "devctl/v1", "kind": "JobDeletionList", "items": [{"name",
//! "namespace", "keptClaims": []}]}`. Failures are one line each on stderr; the exit code is
//! the first one's.

use super::super::{Context, ExitStatus};
use crate::cli::JobDeleteArgs;
use crate::cluster::jobs;
use crate::devserver::job;
use crate::error::{Error, Result};
use crate::output::Format;

pub async fn run(ctx: &Context<'_>, args: JobDeleteArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept(
        "job delete",
        &[Format::Table, Format::Json, Format::Yaml, Format::Name],
    )?;
    for name in &args.names {
        job::check_name(name).map_err(Error::usage)?;
    }
    let cluster = ctx.cluster().await?;
    if !args.yes {
        let kept = if args.keep_results {
            " (keeping their results)"
        } else {
            " and their results"
        };
        let question = format!(
            "delete job {} in namespace {}{kept}?",
            args.names.join(", "),
            cluster.namespace
        );
        if !printer.confirm(&question, "--yes")? {
            return Err(Error::general("nothing deleted"));
        }
    }
    let results = futures::future::join_all(
        args.names
            .iter()
            .map(|name| jobs::delete(cluster, name, args.keep_results)),
    )
    .await;
    let mut code = 0;
    let mut items = Vec::new();
    for (name, result) in args.names.iter().zip(results) {
        let outcome = result.and_then(|deleted| match deleted {
            Some(deleted) => Ok(Some(deleted)),
            None if args.ignore_not_found => Ok(None),
            None => Err(jobs::not_found(cluster, name)),
        });
        match outcome {
            Ok(Some(deleted)) => {
                if deleted.kept.is_empty() {
                    printer.info(&format!("job {name} deleted"));
                } else {
                    printer.info(&format!(
                        "job {name} deleted; its results stay in {} (devctl job results {name} copies them, devctl job delete {name} removes them)",
                        deleted.kept.join(", ")
                    ));
                }
                items.push(serde_json::json!({
                    "name": name, "namespace": cluster.namespace, "keptClaims": deleted.kept,
                }));
            }
            Ok(None) => {}
            Err(e) => {
                if code == 0 {
                    code = e.exit_code();
                }
                printer.error(&e.prefix(&format!("deleting job {name}")));
            }
        }
    }
    match printer.format {
        Format::Json | Format::Yaml => printer.structured(&serde_json::json!({
            "apiVersion": "devctl/v1", "kind": "JobDeletionList", "items": items,
        }))?,
        Format::Name => printer.out(
            &items
                .iter()
                .map(|i| format!("job/{}\n", i["name"].as_str().unwrap_or_default()))
                .collect::<String>(),
        ),
        _ => {}
    }
    Ok(code)
}
