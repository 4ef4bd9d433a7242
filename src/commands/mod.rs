//! One module per subcommand, each with a `run` that tells the user's story: resolve
//! settings, check input, talk to the cluster, print.

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
        Command::Start(args) => lifecycle::run(&ctx, &args.name, lifecycle::Change::Start).await,
        Command::Restart(args) => {
            lifecycle::run(&ctx, &args.name, lifecycle::Change::Restart).await
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
