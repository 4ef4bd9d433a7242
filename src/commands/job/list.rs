//! `devctl job list` (being built).

use super::super::{Context, ExitStatus};
use crate::cli::JobListArgs;
use crate::error::{Error, Result};

pub async fn run(_ctx: &Context<'_>, _args: JobListArgs) -> Result<ExitStatus> {
    Err(Error::general("devctl job list is not built yet"))
}
