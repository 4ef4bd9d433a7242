//! `devctl flavors`: the flavors (the cluster's DevServerFlavors, else the built-in ones) with
//! a SCHEDULABLE hint worked out from the nodes as they are now. Flavors, nodes and pods are
//! each listed once, all three at once.
//!
//! `-o json`: `{"apiVersion": "devctl/v1", "kind": "FlavorList", "source": "cluster" |
//! "built-in" | "built-in-forbidden", "items": [{"name", "default", "description", "image",
//! "resources": {"requests", "limits"}, "nodeSelector", "tolerations", "ttl", "maxTtl",
//! "homeSize", "schedulable": {"verdict": "Yes" | "No" | "Unknown", "fitNodes", "totalNodes",
//! "moreFit" (GPU flavors that fit), "reasons": [{"reason", "nodes"}] (No only),
//! "podsCounted", "message"}}]}`. `message` is the SCHEDULABLE cell, for people.

use serde::Serialize;

use super::{Context, ExitStatus};
use crate::cli::FlavorsArgs;
use crate::cluster::{capacity, devservers};
use crate::devserver::flavor::{self, Flavor};
use crate::devserver::schedule::{Hint, Wants};
use crate::error::Result;
use crate::output::{Cell, Format, Row, Style};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    name: String,
    #[serde(flatten)]
    flavor: Flavor,
    schedulable: Schedulable,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Schedulable {
    verdict: &'static str,
    /// The nodes it fits on now (0 for `No`); absent for `Unknown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    fit_nodes: Option<usize>,
    /// The nodes looked at; absent for `Unknown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    total_nodes: Option<usize>,
    /// For a GPU flavor that fits: how many more devservers of it fit at once.
    #[serde(skip_serializing_if = "Option::is_none")]
    more_fit: Option<u64>,
    reasons: Vec<Reason>,
    /// Whether what the pods on the nodes request was taken into account.
    pods_counted: bool,
    /// The SCHEDULABLE cell.
    message: String,
}

#[derive(Serialize)]
struct Reason {
    reason: String,
    nodes: usize,
}

impl Schedulable {
    fn of(hint: &Hint) -> Schedulable {
        let (fit_nodes, total_nodes, more_fit, reasons, pods_counted) = match hint {
            Hint::Yes {
                nodes,
                total,
                more,
                usage_known,
            } => (Some(*nodes), Some(*total), *more, Vec::new(), *usage_known),
            Hint::No {
                total,
                reasons,
                usage_known,
            } => (
                Some(0),
                Some(*total),
                None,
                reasons
                    .iter()
                    .map(|(reason, nodes)| Reason {
                        reason: reason.clone(),
                        nodes: *nodes,
                    })
                    .collect(),
                *usage_known,
            ),
            Hint::Unknown(_) => (None, None, None, Vec::new(), false),
        };
        Schedulable {
            verdict: hint.word(),
            fit_nodes,
            total_nodes,
            more_fit,
            reasons,
            pods_counted,
            message: hint.to_string(),
        }
    }
}

/// `request/limit` of one resource, `-` without either.
fn sized(flavor: &Flavor, resource: &str) -> String {
    let r = &flavor.resources;
    match (r.requests.get(resource), r.limits.get(resource)) {
        (Some(req), Some(lim)) if req == lim => req.clone(),
        (Some(req), Some(lim)) => format!("{req}/{lim}"),
        (Some(one), None) | (None, Some(one)) => one.clone(),
        (None, None) => "-".into(),
    }
}

/// The GPU-like resources, as `--gpu` takes them: `nvidia.com/gpu=1`.
fn gpus(flavor: &Flavor) -> String {
    let r = &flavor.resources;
    let mut names: Vec<&String> = r.requests.keys().chain(r.limits.keys()).collect();
    names.sort();
    names.dedup();
    let gpus: Vec<String> = names
        .into_iter()
        .filter(|n| flavor::is_gpu_resource(n))
        .map(|n| format!("{n}={}", sized(flavor, n)))
        .collect();
    match gpus.is_empty() {
        true => "-".into(),
        false => gpus.join(","),
    }
}

impl Row for Item {
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut headers = vec![
            "NAME",
            "DEFAULT",
            "CPU",
            "MEMORY",
            "GPU",
            "DESCRIPTION",
            "SCHEDULABLE",
        ];
        if wide {
            headers.extend([
                "IMAGE",
                "TTL",
                "MAX-TTL",
                "HOME",
                "NODE-SELECTOR",
                "TOLERATIONS",
            ]);
        }
        headers
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let f = &self.flavor;
        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        let verdict = match self.schedulable.verdict {
            "Yes" => Cell::new(&self.schedulable.message, Style::Good),
            "No" => Cell::new(&self.schedulable.message, Style::Bad),
            _ => Cell::from(self.schedulable.message.as_str()),
        };
        let mut cells = vec![
            Cell::from(self.name.as_str()),
            Cell::from(if f.default { "yes" } else { "-" }),
            Cell::from(sized(f, "cpu")),
            Cell::from(sized(f, "memory")),
            Cell::from(gpus(f)),
            Cell::from(if f.description.is_empty() {
                "-"
            } else {
                &f.description
            }),
            verdict,
        ];
        if wide {
            let selector: Vec<String> = f
                .node_selector
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            let tolerations: Vec<String> = f
                .tolerations
                .iter()
                .map(|t| {
                    let key = t.key.as_deref().unwrap_or("*");
                    let effect = t.effect.as_deref().unwrap_or("*");
                    match t.value.as_deref() {
                        Some(value) => format!("{key}={value}:{effect}"),
                        None => format!("{key}:{effect}"),
                    }
                })
                .collect();
            let or_dash = |v: Vec<String>| match v.is_empty() {
                true => "-".to_string(),
                false => v.join(","),
            };
            cells.extend([
                Cell::from(dash(&f.image)),
                Cell::from(dash(&f.ttl)),
                Cell::from(dash(&f.max_ttl)),
                Cell::from(dash(&f.home_size)),
                Cell::from(or_dash(selector)),
                Cell::from(or_dash(tolerations)),
            ]);
        }
        cells
    }

    fn name(&self) -> String {
        format!("flavor/{}", self.name)
    }
}

pub async fn run(ctx: &Context<'_>, _args: FlavorsArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    let cluster = ctx.cluster().await?;
    let ((flavors, source), capacity) =
        tokio::try_join!(devservers::flavors(cluster), capacity::read(cluster))?;
    if source == devservers::FlavorSource::BuiltInForbidden {
        printer
            .warn("you may not read the cluster's DevServerFlavors; showing the built-in flavors");
    }
    let mut items: Vec<Item> = flavors
        .into_iter()
        .map(|flavor| {
            let hint = capacity.hint(&Wants::of_flavor(&flavor));
            Item {
                name: flavor.name.clone(),
                schedulable: Schedulable::of(&hint),
                flavor,
            }
        })
        .collect();
    items.sort_by(|a, b| a.name.cmp(&b.name));
    // A cluster whose flavors break the one-default rule says so; create refuses then.
    if let Err(problem) =
        flavor::check_defaults(&items.iter().map(|i| i.flavor.clone()).collect::<Vec<_>>())
    {
        printer.warn(&problem);
    }
    match printer.format {
        Format::Json | Format::Yaml => printer.structured(&serde_json::json!({
            "apiVersion": crate::output::API_VERSION,
            "kind": "FlavorList",
            "source": source,
            "items": items,
        }))?,
        _ => printer.list("Flavor", &items)?,
    }
    Ok(0)
}
