//! `devctl job wait NAME`: waits with watches for the job to finish and exits with its
//! command's exit code (0, the failed pod's code, 1 without one, 6 on timeout).

use super::super::{Context, ExitStatus};
use crate::cli::JobWaitArgs;
use crate::error::Result;

pub async fn run(ctx: &Context<'_>, args: JobWaitArgs) -> Result<ExitStatus> {
    crate::devserver::job::check_name(&args.name).map_err(crate::error::Error::usage)?;
    let outcome = super::wait_for(ctx, &args.name, args.timeout, None).await?;
    Ok(super::exit_status(&outcome))
}
