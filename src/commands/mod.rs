//! One module per subcommand, each with a `run` that tells the user's story: resolve
//! settings, check input, talk to the cluster, print.

mod completions;
mod config;
mod create;
mod delete;
mod describe;
mod lifecycle;
mod list;
mod reap;
mod status;
mod version;

use crate::cli::{Cli, Command, GlobalArgs};
use crate::error::Result;
use crate::output::Printer;
use crate::settings::Settings;

/// What a command returns when it does not fail: the process's exit code.
pub type ExitStatus = u8;

pub async fn run(cli: Cli, printer: &Printer) -> Result<ExitStatus> {
    match cli.command {
        Command::Create(args) => {
            create::run(&cli.global, &settings(&cli.global)?, *args, printer).await
        }
        Command::List(args) => list::run(&cli.global, &settings(&cli.global)?, args, printer).await,
        Command::Describe(args) => {
            describe::run(&cli.global, &settings(&cli.global)?, &args.name, printer).await
        }
        Command::Stop(args) => {
            lifecycle::run(
                &cli.global,
                &settings(&cli.global)?,
                &args.name,
                lifecycle::Change::Stop,
                printer,
            )
            .await
        }
        Command::Start(args) => {
            lifecycle::run(
                &cli.global,
                &settings(&cli.global)?,
                &args.name,
                lifecycle::Change::Start,
                printer,
            )
            .await
        }
        Command::Restart(args) => {
            lifecycle::run(
                &cli.global,
                &settings(&cli.global)?,
                &args.name,
                lifecycle::Change::Restart,
                printer,
            )
            .await
        }
        Command::Extend(args) => {
            lifecycle::run(
                &cli.global,
                &settings(&cli.global)?,
                &args.name,
                lifecycle::Change::Extend(args.ttl),
                printer,
            )
            .await
        }
        Command::Reap(args) => reap::run(&cli.global, &settings(&cli.global)?, args, printer).await,
        Command::Delete(args) => {
            delete::run(&cli.global, &settings(&cli.global)?, args, printer).await
        }
        Command::Status(_) => status::run(&cli.global, &settings(&cli.global)?, printer).await,
        Command::Version(_) => version::run(&cli.global, printer).await,
        Command::Config(args) => config::run(&cli.global, args, printer),
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

/// The settings with the global flags applied.
pub fn settings(global: &GlobalArgs) -> Result<Settings> {
    Settings::load(&[
        ("namespace", global.namespace.as_deref()),
        ("context", global.context.as_deref()),
    ])
}
