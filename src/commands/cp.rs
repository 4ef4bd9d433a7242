//! `cp SRC DST`: one side is `NAME:PATH` on a devserver. Log in as `ssh` does, start SFTP,
//! plan the copy (walk the source, decide the target), then copy with a progress bar.

use super::{Context, ExitStatus};
use crate::cli::CpArgs;
use crate::devserver::input;
use crate::error::{Error, Result};
use crate::output::Format;
use crate::ssh::copy::{self, Copy, Location};
use crate::ssh::sftp::Remote;

pub async fn run(ctx: &Context<'_>, args: CpArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept("cp", &[Format::Table])?;
    let (name, direction) = copy::direction(
        Location::parse(&args.source),
        Location::parse(&args.destination),
    )
    .map_err(Error::usage)?;
    input::check_name(&name).map_err(|e| Error::usage(format!("{e} (in {name}:PATH)")))?;

    let connection = super::connect(ctx, &name, &args.login, &args.access, false).await?;
    let remote = Remote::open(&connection, &name).await?;
    if !remote.sums_on_devserver() {
        printer.warn(&format!(
            "{name} has no sha256sum: each file is read back to check it, which doubles the transfer"
        ));
    }
    let plan = Copy::plan(remote, &name, direction).await?;
    let bar = printer.bytes_bar(&name, plan.total_bytes);
    let report = plan.run(&|n| bar.inc(n)).await;
    bar.finish_and_clear();
    let report = report?;
    for path in &report.skipped {
        printer.warn(&format!(
            "skipped {path}: not a file, directory or symbolic link"
        ));
    }
    printer.debug(
        1,
        &format!(
            "copied {} files, {} bytes, each checked with SHA-256",
            report.files, report.bytes
        ),
    );
    Ok(0)
}
