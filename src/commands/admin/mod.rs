//! `devctl admin`: what a cluster admin does once per cluster (install, flavors) and once
//! per user (user add/list/remove). Each subcommand is its own module.

mod flavor;
mod install;
mod uninstall;
mod user;

use super::{Context, ExitStatus};
use crate::cli::{AdminArgs, AdminCommand};
use crate::error::Result;

pub async fn run(ctx: &Context<'_>, args: AdminArgs) -> Result<ExitStatus> {
    match args.command {
        AdminCommand::Install(args) => install::run(ctx, args).await,
        AdminCommand::Uninstall(args) => uninstall::run(ctx, args).await,
        AdminCommand::Flavor(args) => flavor::run(ctx, args).await,
        AdminCommand::User(args) => user::run(ctx, args).await,
    }
}
