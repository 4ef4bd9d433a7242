//! `devctl job wait` (being built).

use super::super::{Context, ExitStatus};
use crate::cli::JobWaitArgs;
use crate::error::{Error, Result};

pub async fn run(_ctx: &Context<'_>, _args: JobWaitArgs) -> Result<ExitStatus> {
    Err(Error::general("devctl job wait is not built yet"))
}
