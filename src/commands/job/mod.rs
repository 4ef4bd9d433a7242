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
use crate::error::Result;

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
