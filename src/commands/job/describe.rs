//! `devctl job describe` (being built).

use super::super::{Context, ExitStatus};
use crate::cli::JobDescribeArgs;
use crate::error::{Error, Result};

pub async fn run(_ctx: &Context<'_>, _args: JobDescribeArgs) -> Result<ExitStatus> {
    Err(Error::general("devctl job describe is not built yet"))
}
