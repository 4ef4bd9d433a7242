//! `devctl admin user add|list|remove`: onboarding devserver users, each with a namespace
//! `dev-USER`, a ServiceAccount, a quota and a kubeconfig. One module per subcommand.

mod add;
mod list;
mod remove;

use crate::cli::{AdminUserArgs, AdminUserCommand};
use crate::commands::{Context, ExitStatus};
use crate::error::Result;

pub async fn run(ctx: &Context<'_>, args: AdminUserArgs) -> Result<ExitStatus> {
    match args.command {
        AdminUserCommand::Add(args) => add::run(ctx, args).await,
        AdminUserCommand::List(args) => list::run(ctx, args).await,
        AdminUserCommand::Remove(args) => remove::run(ctx, args).await,
    }
}
