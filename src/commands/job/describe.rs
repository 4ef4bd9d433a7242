//! `devctl job describe NAME`: the spec (from the Job's annotations and template), the state,
//! each index's pods with their phase, node and exit code, the results claims, and the events
//! of the Job and its pods (warnings first).
//!
//! `-o json`: `{"apiVersion": "devctl/v1", "kind": "JobDescription", "name", "namespace",
//! "owner", "flavor", "image", "command", "status", "nodes", "exitCode", "results": {"dir",
//! "claims": [{"name", "index", "indexes", "phase", "capacity"}]}, "ttl", "created", "started",
//! "finished", "pods": [{"index", "name", "phase", "node", "exitCode", "reason"}], "events"}`.

use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::jiff::Timestamp;

use super::super::{Context, ExitStatus};
use crate::cli::JobDescribeArgs;
use crate::cluster::jobs;
use crate::devserver::events::{self, EventLine};
use crate::devserver::job;
use crate::devserver::state;
use crate::error::{Error, Result};
use crate::output::Format;

pub async fn run(ctx: &Context<'_>, args: JobDescribeArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept(
        "job describe",
        &[Format::Table, Format::Json, Format::Yaml, Format::Name],
    )?;
    job::check_name(&args.name).map_err(Error::usage)?;
    let cluster = ctx.cluster().await?;
    let described = jobs::describe(cluster, &args.name).await?;
    let now = Timestamp::now();
    let j = &described.job;
    let status = job::status(j, &described.pods);
    let annotation = |k: &str| {
        j.metadata
            .annotations
            .as_ref()
            .and_then(|a| a.get(k))
            .cloned()
            .unwrap_or_default()
    };
    let command = j
        .spec
        .as_ref()
        .and_then(|s| s.template.spec.as_ref())
        .and_then(|p| p.containers.iter().find(|c| c.name == job::CONTAINER))
        .and_then(|c| c.command.clone())
        .unwrap_or_default();
    let mut pods: Vec<&Pod> = described.pods.iter().collect();
    pods.sort_by_key(|p| {
        (
            job::pod_index(p),
            p.metadata.creation_timestamp.as_ref().map(|t| t.0),
        )
    });
    let pod_rows: Vec<serde_json::Value> = pods
        .iter()
        .map(|p| {
            let st = p.status.as_ref();
            serde_json::json!({
                "index": job::pod_index(p),
                "name": p.metadata.name,
                "phase": st.and_then(|s| s.phase.clone()).unwrap_or_else(|| "Pending".into()),
                "node": p.spec.as_ref().and_then(|s| s.node_name.clone()),
                "exitCode": job::exit_code(p),
                "reason": job::pod_reason(p),
            })
        })
        .collect();
    let claims: Vec<serde_json::Value> = described
        .claims
        .iter()
        .map(|c| {
            let indexes = job::claim_indexes(c, &described.pods);
            serde_json::json!({
                "name": c.metadata.name,
                "index": (indexes.len() == 1).then(|| indexes[0]),
                "indexes": indexes,
                "phase": c.status.as_ref().and_then(|s| s.phase.clone()),
                "capacity": c.status.as_ref().and_then(|s| s.capacity.as_ref())
                    .and_then(|cap| cap.get("storage")).map(|q| q.0.clone()),
            })
        })
        .collect();
    let mut lines: Vec<EventLine> = described
        .events
        .iter()
        .map(|e| EventLine::new(e, now))
        .collect();
    events::sort(&mut lines);
    let name = &args.name;
    match printer.format {
        Format::Name => {
            printer.out(&format!("job/{name}\n"));
            return Ok(0);
        }
        Format::Json | Format::Yaml => {
            printer.structured(&serde_json::json!({
                "apiVersion": "devctl/v1", "kind": "JobDescription",
                "name": name, "namespace": cluster.namespace,
                "owner": annotation("devserver.io/owner"),
                "flavor": annotation("devserver.io/flavor"),
                "image": annotation("devserver.io/image"),
                "command": command,
                "status": status.state, "nodes": status.nodes, "exitCode": status.exit(),
                "results": {"dir": annotation(job::RESULTS_ANNOTATION), "claims": claims},
                "ttl": annotation("devserver.io/ttl"),
                "created": j.metadata.creation_timestamp.as_ref().map(|t| t.0.to_string()),
                "started": status.started.map(|t| t.to_string()),
                "finished": status.finished.map(|t| t.to_string()),
                "pods": pod_rows,
                "events": lines,
            }))?;
            return Ok(0);
        }
        _ => {}
    }
    let when = |t: Option<Timestamp>| {
        t.map_or("-".to_string(), |t| {
            format!(
                "{} ({})",
                t.strftime("%Y-%m-%dT%H:%M:%SZ"),
                state::relative(t, now)
            )
        })
    };
    let mut out = String::new();
    let mut field = |k: &str, v: String| out.push_str(&format!("{:<11}{v}\n", format!("{k}:")));
    field("Name", name.clone());
    field("Namespace", cluster.namespace.clone());
    field("Owner", annotation("devserver.io/owner"));
    let exit = status
        .exit()
        .map(|c| format!(", exit code {c}"))
        .unwrap_or_default();
    field("Status", format!("{}{exit}", status.state));
    field("Flavor", annotation("devserver.io/flavor"));
    field("Image", annotation("devserver.io/image"));
    field("Command", shell_words(&command));
    let nodes = match status.nodes {
        1 => "1".to_string(),
        n => format!(
            "{n} (rank 0 at {})",
            crate::devserver::ranks::pod_dns_name(name, &cluster.namespace, 0)
        ),
    };
    field("Nodes", nodes);
    field(
        "Results",
        format!(
            "{} in each pod; kept until the job is deleted, {} after it ends",
            annotation(job::RESULTS_ANNOTATION),
            annotation("devserver.io/ttl")
        ),
    );
    field(
        "Created",
        when(j.metadata.creation_timestamp.as_ref().map(|t| t.0)),
    );
    field("Started", when(status.started));
    field("Finished", when(status.finished));
    field(
        "Duration",
        status.duration(now).map_or("-".into(), |d| {
            state::short_duration(
                k8s_openapi::jiff::SignedDuration::try_from(d).unwrap_or_default(),
            )
        }),
    );
    let dash = |v: &serde_json::Value| match v {
        serde_json::Value::Null => "-".to_string(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    out.push_str("\nPods:\n");
    if pod_rows.is_empty() {
        out.push_str("  (none)\n");
    } else {
        let rows: Vec<Vec<String>> = pod_rows
            .iter()
            .map(|p| {
                ["index", "name", "phase", "node", "exitCode", "reason"]
                    .iter()
                    .map(|k| dash(&p[*k]))
                    .collect()
            })
            .collect();
        out.push_str(&indent(
            &printer.table(&["INDEX", "POD", "PHASE", "NODE", "EXIT", "REASON"], &rows),
        ));
    }
    out.push_str("\nResults claims:\n");
    if claims.is_empty() && !job::keeps_results(j) {
        out.push_str("  (none: the job was run with --no-results)\n");
    } else if claims.is_empty() {
        out.push_str("  (none: the results claim is gone)\n");
    } else {
        let rows: Vec<Vec<String>> = claims
            .iter()
            .map(|c| {
                let indexes: Vec<String> = c["indexes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|i| i.to_string())
                    .collect();
                let mut row = vec![if indexes.is_empty() {
                    "-".to_string()
                } else {
                    indexes.join(",")
                }];
                row.extend(["name", "phase", "capacity"].iter().map(|k| dash(&c[*k])));
                row
            })
            .collect();
        out.push_str(&indent(
            &printer.table(&["INDEX", "CLAIM", "PHASE", "CAPACITY"], &rows),
        ));
    }
    out.push_str("\nEvents:\n");
    if lines.is_empty() {
        out.push_str("  (none)\n");
    } else {
        let rows: Vec<Vec<String>> = lines
            .iter()
            .map(|l| {
                vec![
                    l.type_.clone(),
                    l.reason.clone(),
                    l.age().to_string(),
                    l.object.clone(),
                    l.message.clone(),
                ]
            })
            .collect();
        out.push_str(&indent(
            &printer.table(&["TYPE", "REASON", "AGE", "OBJECT", "MESSAGE"], &rows),
        ));
    }
    printer.out(&out);
    Ok(0)
}

fn indent(table: &str) -> String {
    table.lines().map(|l| format!("  {l}\n")).collect()
}

/// The command as a shell would read it back: words with spaces or quotes in single quotes.
fn shell_words(words: &[String]) -> String {
    words
        .iter()
        .map(|w| {
            if !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./=:,@%+".contains(c))
            {
                w.clone()
            } else {
                format!("'{}'", w.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
