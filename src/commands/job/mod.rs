//! `devctl job`: batch and distributed runs with result files (DESIGN §7). Each subcommand is
//! its own module; the domain (names, manifests, status) is `devserver::job`, the API calls
//! `cluster::jobs`.

mod delete;
mod describe;
mod list;
mod logs;
mod results;
mod run;
mod wait;

use super::{Context, ExitStatus};
use crate::cli::{JobArgs, JobCommand};
use crate::cluster::jobs;
use crate::devserver::job::{self, Outcome, Progress};
use crate::error::{Error, Result};

pub async fn run(ctx: &Context<'_>, args: JobArgs) -> Result<ExitStatus> {
    match args.command {
        JobCommand::Run(args) => run::run(ctx, *args).await,
        JobCommand::List(args) => list::run(ctx, args).await,
        JobCommand::Describe(args) => describe::run(ctx, args).await,
        JobCommand::Logs(args) => logs::run(ctx, args).await,
        JobCommand::Wait(args) => wait::run(ctx, args).await,
        JobCommand::Results(args) => results::run(ctx, args).await,
        JobCommand::Delete(args) => delete::run(ctx, args).await,
    }
}

/// What `--follow` prints while it waits.
pub(crate) struct Follow {
    /// One index's pods only; `None`: every index's.
    pub only: Option<u32>,
    /// Whether each line begins with `[I] `, its pod's index.
    pub prefix: bool,
}

/// Waits for job `name` to finish, with a spinner naming its state, a warning for each pod
/// the scheduler cannot place (the wait goes on: nodes may come, a queue may admit it), and
/// an error for a pod that cannot start by itself (an image that cannot be pulled). With
/// `follow`, prints the output of its pods as it comes.
pub(crate) async fn wait_for(
    ctx: &Context<'_>,
    name: &str,
    timeout: std::time::Duration,
    follow: Option<Follow>,
) -> Result<Outcome> {
    let printer = ctx.printer;
    let cluster = ctx.cluster().await?;
    // A spinner would tear the followed lines apart.
    let spinner = match follow {
        Some(_) => indicatif::ProgressBar::hidden(),
        None => printer.spinner(&format!("job {name}: waiting")),
    };
    let (stuck_tx, mut stuck_rx) = tokio::sync::mpsc::unbounded_channel();
    let on_progress = |progress: Progress| match progress {
        Progress::State(state) => {
            printer.debug(1, &format!("job {name}: {state}"));
            spinner.set_message(format!("job {name}: {state}"));
        }
        Progress::Unschedulable { pod, message } => {
            spinner.suspend(|| {
                printer.warn(&format!(
                    "job {name}: pod {pod} cannot be scheduled: {message}"
                ));
                if let Some(hint) = job::unbound_claim_hint(name, &message) {
                    printer.info(&format!("hint: {hint}"));
                }
            });
        }
        Progress::Stuck {
            pod,
            reason,
            message,
        } => {
            let _ = stuck_tx.send((format!("pod {pod}"), reason, message));
        }
        Progress::Refused { reason, message } => {
            let _ = stuck_tx.send(("its pods cannot be made".to_string(), reason, message));
        }
    };
    let waiting = async {
        match follow {
            None => jobs::wait(cluster, name, timeout, on_progress).await,
            Some(follow) => {
                let prefix = follow.prefix;
                let options = jobs::LogOptions::default();
                jobs::follow(
                    cluster,
                    name,
                    follow.only,
                    options,
                    timeout,
                    on_progress,
                    |(i, line)| {
                        print_line(printer, prefix.then_some(i), &line);
                    },
                )
                .await
            }
        }
    };
    let outcome = tokio::select! {
        outcome = waiting => outcome,
        Some((pod, reason, message)) = stuck_rx.recv() => Err(Error::general(format!(
            "job {name} cannot start: {pod}: {reason}{}",
            if message.is_empty() { String::new() } else { format!(": {message}") }
        ))
        .hint(format!(
            "the job is left as it is: devctl job describe {name} shows its events; devctl job delete {name} --yes removes it"
        ))),
    };
    spinner.finish_and_clear();
    let outcome = outcome?;
    match &outcome {
        Outcome::Succeeded => printer.info(&format!("job {name} succeeded")),
        Outcome::Failed {
            code,
            pod,
            reason,
            message,
        } => {
            let what = match (pod, code) {
                (Some(pod), Some(code)) => format!("pod {pod} exited with code {code}"),
                _ => "no pod exited with an error".to_string(),
            };
            let why = match (reason.as_str(), message.as_str()) {
                ("", "") => String::new(),
                (reason, "") => format!(" ({reason})"),
                (_, message) => format!(" ({message})"),
            };
            printer.warn(&format!("job {name} failed: {what}{why}"));
        }
    }
    Ok(outcome)
}

/// One line of a job's output on stdout (or one drawing of a progress bar, ending in `\r`),
/// begun with `[I] ` when `index` is given.
pub(crate) fn print_line(printer: &crate::output::Printer, index: Option<u32>, line: &[u8]) {
    if let Some(index) = index {
        printer.out_bytes(format!("[{index}] ").as_bytes());
    }
    printer.out_bytes(line);
    // A progress bar redrawn with `\r` stays on its line.
    if !line.ends_with(b"\n") && !line.ends_with(b"\r") {
        printer.out_bytes(b"\n");
    }
}

/// The process's exit code for a job that ended so: the command's own (a code above 255 is
/// cut as a shell cuts it).
pub(crate) fn exit_status(outcome: &Outcome) -> ExitStatus {
    u8::try_from(outcome.exit().rem_euclid(256)).unwrap_or(1)
}
