//! `devctl job list`: the caller's jobs, from one list of Jobs and one of their pods, asked at
//! once; the server selects the caller's by the owner label, as `devctl list` does.
//!
//! `-o json`: `{"apiVersion": "devctl/v1", "kind": "JobList", "items": [{"name", "namespace",
//! "owner", "status", "nodes", "running", "succeeded", "failed", "exitCode", "created",
//! "started", "finished", "durationSeconds"}]}`.

use k8s_openapi::jiff::Timestamp;
use serde::Serialize;

use super::super::{Context, ExitStatus};
use crate::cli::JobListArgs;
use crate::cluster::{devservers, jobs};
use crate::devserver::job;
use crate::devserver::manifests::{MANAGED_BY, NAME_LABEL};
use crate::devserver::state;
use crate::error::Result;
use crate::output::{Cell, Format, Row, Style};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    name: String,
    namespace: String,
    owner: String,
    status: job::State,
    nodes: u32,
    running: u32,
    succeeded: u32,
    failed: u32,
    exit_code: Option<i32>,
    created: Option<String>,
    started: Option<String>,
    finished: Option<String>,
    duration_seconds: Option<u64>,
    #[serde(skip)]
    age: String,
    #[serde(skip)]
    duration: String,
}

impl Row for Item {
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut headers = vec!["NAME", "STATUS", "NODES", "AGE", "DURATION", "EXIT"];
        if wide {
            headers.push("OWNER");
        }
        headers
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let status = match self.status {
            job::State::Succeeded => Cell::new(self.status.to_string(), Style::Good),
            job::State::Failed => Cell::new(self.status.to_string(), Style::Bad),
            _ => Cell::from(self.status.to_string()),
        };
        // While it runs: how many of its pods run.
        let nodes = match self.status {
            job::State::Running => format!("{}/{}", self.running, self.nodes),
            _ => self.nodes.to_string(),
        };
        let mut cells = vec![
            Cell::from(self.name.clone()),
            status,
            Cell::from(nodes),
            Cell::from(self.age.clone()),
            Cell::from(self.duration.clone()),
            Cell::from(self.exit_code.map_or("-".into(), |c| c.to_string())),
        ];
        if wide {
            cells.push(Cell::from(self.owner.clone()));
        }
        cells
    }

    fn name(&self) -> String {
        format!("job/{}", self.name)
    }
}

pub async fn run(ctx: &Context<'_>, args: JobListArgs) -> Result<ExitStatus> {
    let (settings, printer) = (ctx.settings()?, ctx.printer);
    let cluster = ctx.cluster().await?;
    let everyone = args.all_users || args.all_namespaces;
    let mut selector = format!("{MANAGED_BY}=devctl,{NAME_LABEL}={}", job::KIND_VALUE);
    if !everyone {
        selector.push(',');
        selector.push_str(&devservers::owner_selector(cluster, settings.get("owner")).await?);
    }
    if let Some(extra) = &args.selector {
        selector.push(',');
        selector.push_str(extra);
    }
    let (found, pods) = jobs::list(cluster, args.all_namespaces, &selector).await?;
    let now = Timestamp::now();
    let mut items: Vec<Item> = found
        .iter()
        .map(|j| {
            let namespace = j.metadata.namespace.clone().unwrap_or_default();
            let name = j.metadata.name.clone().unwrap_or_default();
            let own: Vec<_> = pods
                .iter()
                .filter(|p| jobs::owned_by(p, j))
                .cloned()
                .collect();
            let status = job::status(j, &own);
            let created = j.metadata.creation_timestamp.as_ref().map(|t| t.0);
            let duration = status.duration(now);
            Item {
                owner: j
                    .metadata
                    .annotations
                    .as_ref()
                    .and_then(|a| a.get("devserver.io/owner"))
                    .cloned()
                    .unwrap_or_default(),
                status: status.state,
                nodes: status.nodes,
                running: status.running,
                succeeded: status.succeeded,
                failed: status.failed,
                exit_code: status.exit(),
                created: created.map(|t| t.to_string()),
                started: status.started.map(|t| t.to_string()),
                finished: status.finished.map(|t| t.to_string()),
                duration_seconds: duration.map(|d| d.as_secs()),
                age: created.map_or("-".into(), |c| state::short_duration(now.duration_since(c))),
                duration: duration.map_or("-".into(), |d| {
                    state::short_duration(
                        k8s_openapi::jiff::SignedDuration::try_from(d).unwrap_or_default(),
                    )
                }),
                name,
                namespace,
            }
        })
        .collect();
    items.sort_by(|a, b| (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name)));
    if items.is_empty() && matches!(printer.format, Format::Table | Format::Wide) {
        let place = match args.all_namespaces {
            true => "any namespace".to_string(),
            false => format!("namespace {}", cluster.namespace),
        };
        let whose = if everyone { "" } else { " of yours" };
        printer.info(&format!("no jobs{whose} in {place}"));
        return Ok(0);
    }
    if args.all_namespaces && matches!(printer.format, Format::Table | Format::Wide) {
        // kubectl's -A layout: NAMESPACE first.
        let wide = printer.format == Format::Wide;
        let mut headers = vec!["NAMESPACE"];
        headers.extend(Item::headers(wide));
        let rows = items
            .iter()
            .map(|i| {
                let mut row = vec![Cell::from(i.namespace.clone())];
                row.extend(i.cells(wide));
                row
            })
            .collect();
        printer.out(&printer.styled_table(&headers, rows));
        return Ok(0);
    }
    printer.list("Job", &items)?;
    Ok(0)
}
