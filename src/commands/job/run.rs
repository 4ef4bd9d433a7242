//! `devctl job run` (being built).

use super::super::{Context, ExitStatus};
use crate::cli::JobRunArgs;
use crate::error::{Error, Result};

pub async fn run(_ctx: &Context<'_>, _args: JobRunArgs) -> Result<ExitStatus> {
    Err(Error::general("devctl job run is not built yet"))
}
