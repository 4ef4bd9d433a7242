//! `devctl admin uninstall`: being written (issue 15).

use crate::cli::AdminUninstallArgs;
use crate::commands::{Context, ExitStatus};
use crate::error::{Error, Result};

pub async fn run(_ctx: &Context<'_>, _args: AdminUninstallArgs) -> Result<ExitStatus> {
    Err(Error::general(
        "devctl admin uninstall is not implemented yet",
    ))
}
