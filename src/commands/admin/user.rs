//! `devctl admin user`: being written (issue 15).

use crate::cli::AdminUserArgs;
use crate::commands::{Context, ExitStatus};
use crate::error::{Error, Result};

pub async fn run(_ctx: &Context<'_>, _args: AdminUserArgs) -> Result<ExitStatus> {
    Err(Error::general("devctl admin user is not implemented yet"))
}
