//! `devctl flavors`: being written (issue 15).

use crate::cli::FlavorsArgs;
use crate::commands::{Context, ExitStatus};
use crate::error::{Error, Result};

pub async fn run(_ctx: &Context<'_>, _args: FlavorsArgs) -> Result<ExitStatus> {
    Err(Error::general("devctl flavors is not implemented yet"))
}
