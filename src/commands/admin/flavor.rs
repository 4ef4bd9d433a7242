//! `devctl admin flavor`: being written (issue 15).

use crate::cli::AdminFlavorArgs;
use crate::commands::{Context, ExitStatus};
use crate::error::{Error, Result};

pub async fn run(_ctx: &Context<'_>, _args: AdminFlavorArgs) -> Result<ExitStatus> {
    Err(Error::general("devctl admin flavor is not implemented yet"))
}
