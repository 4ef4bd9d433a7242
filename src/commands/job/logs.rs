//! `devctl job logs` (being built).

use super::super::{Context, ExitStatus};
use crate::cli::JobLogsArgs;
use crate::error::{Error, Result};

pub async fn run(_ctx: &Context<'_>, _args: JobLogsArgs) -> Result<ExitStatus> {
    Err(Error::general("devctl job logs is not built yet"))
}
