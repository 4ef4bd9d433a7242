//! `devctl job run [NAME] -- CMD...`: read what the user asked for into a [`JobRequest`] (files
//! read here, every check the domain's); ask the cluster in one wave what the job depends on;
//! resolve the [`JobSpec`] and build its manifests (pure); print them for `--dry-run`, else
//! create them all or nothing; with `--wait` or `--follow`, wait for the end and exit with the
//! command's code.
//!
//! `-o json`: `{"apiVersion": "devctl/v1", "kind": "Job", "name", "namespace", "owner",
//! "flavor", "image", "nodes", "queue"}`, with `"state"` and `"exitCode"` after a wait.

use std::path::Path;

use super::super::{Context, ExitStatus};
use crate::cli::JobRunArgs;
use crate::cluster::jobs;
use crate::devserver::job::{self, JobManifests, JobRequest, JobSpec, RunInput};
use crate::devserver::ranks::Ranks;
use crate::devserver::{names, quota};
use crate::error::{Error, Kind, Result};
use crate::interrupt;
use crate::output::{Format, Printer};
use crate::settings::Source;

pub async fn run(ctx: &Context<'_>, args: JobRunArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    if args.dry_run {
        printer.accept(
            "job run --dry-run",
            &[Format::Table, Format::Yaml, Format::Json],
        )?;
    } else {
        printer.accept(
            "job run",
            &[Format::Table, Format::Json, Format::Yaml, Format::Name],
        )?;
    }
    let request = read_request(ctx, &args)?;
    let cluster = ctx.cluster().await?;
    let (facts, source, quotas) = jobs::facts(cluster, &request, !args.dry_run).await?;
    if source == crate::cluster::devservers::FlavorSource::BuiltInForbidden {
        printer.warn("you may not read the cluster's DevServerFlavors; using the built-in flavors");
    }
    let (spec, _) = JobSpec::resolve(
        &request,
        &facts,
        &names::random_suffix().map_err(Error::general)?,
    )
    .map_err(Error::usage)?;
    let manifests = job::build(&spec);
    if args.dry_run {
        let shown = if args.show_secrets {
            manifests
        } else {
            manifests.redacted()
        };
        return print_manifests(&shown, printer);
    }
    if let Some(quotas) = &quotas {
        quota::check(quotas, &quota::job_demand(&manifests)).map_err(|exceeded| {
            Error::new(
                Kind::Forbidden,
                format!(
                    "job {} would exceed the quota of namespace {}: {exceeded}; nothing was created",
                    spec.name, spec.namespace
                ),
            )
            .hint("devctl job list shows your jobs: delete finished ones, ask for fewer --nodes or less, or ask a cluster admin to raise the quota")
        })?;
    }

    let interrupted = interrupt::listen()?;
    tokio::pin!(interrupted);
    let created = {
        let spinner = printer.spinner(&format!("creating job {}", spec.name));
        let created = jobs::create(
            cluster,
            &manifests,
            request.queue.is_some(),
            interrupted.as_mut(),
        )
        .await;
        spinner.finish_and_clear();
        created
    };
    created.map_err(|e| {
        super::super::create_error(
            e,
            &super::super::Making {
                noun: "job",
                owner: "Job",
                command: "devctl job",
                name: &spec.name,
                ns: &spec.namespace,
            },
        )
    })?;
    match &request.queue {
        Some(queue) => printer.info(&format!(
            "job {} created in namespace {}, queued in LocalQueue {queue} (Kueue starts it when it admits it)",
            spec.name, spec.namespace
        )),
        None => printer.info(&format!(
            "job {} created in namespace {}",
            spec.name, spec.namespace
        )),
    }

    let waited = if args.wait || args.follow {
        // Every index's output, each line with its index when there are several.
        let follow = args.follow.then_some(super::Follow {
            only: None,
            prefix: spec.request.ranks.nodes > 1,
        });
        let waiting = super::wait_for(ctx, &spec.name, args.timeout, follow);
        tokio::select! {
            outcome = waiting => Some(outcome?),
            signal = interrupted.as_mut() => {
                return Err(Error::new(
                    Kind::Interrupted(signal),
                    format!("stopped waiting: job {} goes on", spec.name),
                )
                .hint(format!(
                    "devctl job wait {name} waits again; devctl job delete {name} --yes stops it",
                    name = spec.name
                )));
            }
        }
    } else {
        None
    };
    match printer.format {
        Format::Name => printer.out(&format!("job/{}\n", spec.name)),
        Format::Json | Format::Yaml => {
            let mut value = serde_json::json!({
                "apiVersion": "devctl/v1", "kind": "Job",
                "name": spec.name, "namespace": spec.namespace, "owner": spec.owner,
                "flavor": spec.flavor.name, "image": spec.image,
                "nodes": request.ranks.nodes, "queue": request.queue,
            });
            if let Some(outcome) = &waited {
                value["state"] = serde_json::json!(match outcome {
                    job::Outcome::Succeeded => "Succeeded",
                    job::Outcome::Failed { .. } => "Failed",
                });
                value["exitCode"] = serde_json::json!(outcome.exit());
            }
            printer.structured(&value)?;
        }
        _ => {}
    }
    Ok(waited.map_or(0, |o| super::exit_status(&o)))
}

/// Everything the user asked for: the files read here, every check the domain's.
fn read_request(ctx: &Context<'_>, args: &JobRunArgs) -> Result<JobRequest> {
    let settings = ctx.settings()?;
    let env_file = args
        .env_file
        .as_ref()
        .map(|p| read_text(p).map(|t| (p.display().to_string(), t)))
        .transpose()?;
    let mut config_files = Vec::new();
    for typed in &args.config_files {
        let Some((_, file)) = typed.split_once('=') else {
            return Err(Error::usage(format!(
                "invalid --config-file {typed:?}: expected KEY=FILE, e.g. train.yaml=./train.yaml"
            )));
        };
        let bytes =
            std::fs::read(file).map_err(|e| Error::usage(format!("cannot read {file}: {e}")))?;
        config_files.push((typed.clone(), bytes));
    }
    // Settings' built-in defaults must not beat a flavor's own image.
    let configured = |key: &str| {
        settings
            .get(key)
            .filter(|_| settings.source(key) != Some(Source::Default))
    };
    let input = RunInput {
        name: args.name.as_deref(),
        command: &args.command,
        owner: args.owner.as_deref().or_else(|| configured("owner")),
        flavor: args.flavor.as_deref().or_else(|| configured("flavor")),
        image: args.image.as_deref().or_else(|| configured("image")),
        env: &args.env,
        env_file: env_file.as_ref().map(|(p, t)| (p.as_str(), t.as_str())),
        config_files: &config_files,
        volumes: &args.volumes,
        user: args.user.as_deref(),
        fs_group: args.fs_group,
        ttl: &args.ttl,
        retries: args.retries,
        ranks: Ranks {
            nodes: args.nodes,
            procs_per_node: args.procs_per_node,
            master_port: args.master_port,
        },
        queue: args.queue.as_deref(),
        results_dir: (!args.no_results).then_some(args.results.as_str()),
        results_size: &args.results_size,
        results_class: args.results_class.as_deref(),
        cpu: args.cpu.as_deref(),
        memory: args.memory.as_deref(),
        gpu: args.gpu.as_deref(),
    };
    JobRequest::parse(&input).map_err(Error::usage)
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .map_err(|e| Error::usage(format!("cannot read {}: {e}", path.display())))
}

fn print_manifests(manifests: &JobManifests, printer: &Printer) -> Result<ExitStatus> {
    let items = manifests
        .to_values()
        .map_err(|e| Error::general(format!("cannot print the manifests: {e}")))?;
    super::super::print_objects(&items, printer)?;
    Ok(0)
}
