//! `devctl job logs NAME [--index I | --all] [-f]`: the output of index 0's pod (the newest
//! of that index), one index's, or every index's with each line begun with `[I] `. With `-f`
//! it follows the pods as they start until the job has finished.

use super::super::{Context, ExitStatus};
use crate::cli::JobLogsArgs;
use crate::cluster::jobs::{self, LogOptions};
use crate::error::{Error, Result};

pub async fn run(ctx: &Context<'_>, args: JobLogsArgs) -> Result<ExitStatus> {
    crate::devserver::job::check_name(&args.name).map_err(Error::usage)?;
    let printer = ctx.printer;
    let cluster = ctx.cluster().await?;
    let only = match (args.all, args.index) {
        (true, _) => None,
        (false, index) => Some(index.unwrap_or(0)),
    };
    let prefix = args.all;
    let options = LogOptions {
        timestamps: args.timestamps,
        tail: args.tail,
    };
    if args.follow {
        // No limit of its own: Ctrl-C stops it.
        let forever = std::time::Duration::from_secs(100 * 365 * 86_400);
        jobs::follow(
            cluster,
            &args.name,
            only,
            options,
            forever,
            |_| {},
            |(i, line)| {
                super::print_line(printer, prefix.then_some(i), &line);
            },
        )
        .await?;
        return Ok(0);
    }
    jobs::read_logs(cluster, &args.name, only, options, |(i, line)| {
        super::print_line(printer, prefix.then_some(i), &line);
    })
    .await?;
    Ok(0)
}
