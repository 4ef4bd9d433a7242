//! `devctl job delete` (being built).

use super::super::{Context, ExitStatus};
use crate::cli::JobDeleteArgs;
use crate::error::{Error, Result};

pub async fn run(_ctx: &Context<'_>, _args: JobDeleteArgs) -> Result<ExitStatus> {
    Err(Error::general("devctl job delete is not built yet"))
}
