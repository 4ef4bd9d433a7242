//! `devctl admin install`: being written (issue 15).

use crate::cli::AdminInstallArgs;
use crate::commands::{Context, ExitStatus};
use crate::error::{Error, Result};

pub async fn run(_ctx: &Context<'_>, _args: AdminInstallArgs) -> Result<ExitStatus> {
    Err(Error::general(
        "devctl admin install is not implemented yet",
    ))
}
