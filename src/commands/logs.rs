//! `devctl logs NAME`: the log of the devserver's container, copied to stdout byte for byte as
//! the cluster sends it (no line buffering: `-f` shows output as it happens, and a log that is
//! not text passes unchanged). With `-f` it ends when the container does; Ctrl-C ends it as it
//! ends `kubectl logs -f` (by the signal; what came is already on stdout). Only the log is
//! printed, so `-o` is not taken (its default aside).

use futures::AsyncBufReadExt;

use super::{Context, ExitStatus};
use crate::cli::LogsArgs;
use crate::cluster::logs::{self, LogOptions};
use crate::devserver::{input, state};
use crate::error::{Error, Result};
use crate::output::Format;

pub async fn run(ctx: &Context<'_>, args: LogsArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept("logs", &[Format::Table])?;
    input::check_name(&args.name).map_err(Error::usage)?;
    let options = LogOptions {
        follow: args.follow,
        previous: args.previous,
        since: args.since,
        timestamps: args.timestamps,
        tail: args.tail,
    };
    let cluster = ctx.cluster().await?;
    let mut log = logs::open(cluster, &args.name, &options).await?;
    loop {
        let chunk = log.fill_buf().await.map_err(|e| {
            Error::general(format!(
                "the log of pod {} broke off: {e}",
                state::pod_name(&args.name)
            ))
            .caused_by(&e)
        })?;
        if chunk.is_empty() {
            return Ok(0);
        }
        printer.out_bytes(chunk);
        let copied = chunk.len();
        log.consume_unpin(copied);
    }
}
