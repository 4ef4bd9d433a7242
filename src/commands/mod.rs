//! One module per subcommand, each with a `run` that tells the user's story: resolve
//! settings, check input, talk to the cluster, print.

mod change;
mod completions;
mod config;
pub mod context;
mod create;
mod delete;
mod describe;
mod lifecycle;
mod list;
mod reap;
mod status;
mod version;

use crate::cli::{Cli, Command};
use crate::error::Result;
use crate::output::Printer;
pub use context::Context;

/// What a command returns when it does not fail: the process's exit code.
pub type ExitStatus = u8;

pub async fn run(cli: Cli, printer: &Printer) -> Result<ExitStatus> {
    let ctx = Context::new(&cli.global, printer);
    match cli.command {
        Command::Create(args) => create::run(&ctx, *args).await,
        Command::List(args) => list::run(&ctx, args).await,
        Command::Describe(args) => describe::run(&ctx, &args.name).await,
        Command::Stop(args) => lifecycle::run(&ctx, &args.name, lifecycle::Change::Stop).await,
        Command::Start(args) => {
            let wait = args.wait.then_some(args.timeout);
            lifecycle::run(&ctx, &args.name, lifecycle::Change::Start(wait)).await
        }
        Command::Restart(args) => {
            let wait = args.wait.then_some(args.timeout);
            lifecycle::run(&ctx, &args.name, lifecycle::Change::Restart(wait)).await
        }
        Command::Extend(args) => {
            lifecycle::run(&ctx, &args.name, lifecycle::Change::Extend(args.ttl)).await
        }
        Command::Reap(args) => reap::run(&ctx, args).await,
        Command::Delete(args) => delete::run(&ctx, args).await,
        Command::Status(_) => status::run(&ctx).await,
        Command::Version(_) => version::run(&ctx).await,
        Command::Config(args) => config::run(&ctx, args),
        Command::Completions(args) => completions::run(args, printer),
    }
}

/// Waits for the devserver's pod to be Ready, with a spinner naming its phase (and at `-v`
/// a line per phase): what `create --wait`, `start --wait` and `restart --wait` share.
pub(crate) async fn wait_until_ready(
    cluster: &crate::cluster::Cluster,
    printer: &Printer,
    target: &crate::cluster::wait::ReadyTarget,
    timeout: std::time::Duration,
) -> Result<()> {
    let name = &target.name;
    let spinner = printer.spinner(&format!("{name}: scheduling"));
    let waited = crate::cluster::wait::until_ready(cluster, target, timeout, |phase| {
        printer.debug(1, &format!("{name}: {}", phase.describe()));
        spinner.set_message(format!("{name}: {}", phase.describe()));
    })
    .await;
    spinner.finish_and_clear();
    Ok(waited?)
}

/// The completion script for `shell`, as `devctl completions` prints it.
pub fn completion_script(shell: clap_complete::Shell) -> String {
    completions::script(shell)
}

/// The man page, generated from the same definitions as `--help`.
pub fn man_page() -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(<crate::cli::Cli as clap::CommandFactory>::command()).render(&mut buf)?;
    Ok(buf)
}
