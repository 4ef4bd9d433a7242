//! `devctl job results` (being built).

use super::super::{Context, ExitStatus};
use crate::cli::JobResultsArgs;
use crate::error::{Error, Result};

pub async fn run(_ctx: &Context<'_>, _args: JobResultsArgs) -> Result<ExitStatus> {
    Err(Error::general("devctl job results is not built yet"))
}
