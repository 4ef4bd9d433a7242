//! `cp SRC DST`: one side is `NAME:PATH` on a devserver. Log in as `ssh` does, start SFTP,
//! plan the copy (walk the source, decide the target), then copy with a progress bar. Ctrl-C
//! stops it and removes the temporary files in flight, so only whole, checked files remain.

use super::{Context, ExitStatus};
use crate::cli::CpArgs;
use crate::devserver::input;
use crate::error::{Error, Kind, Result};
use crate::output::Format;
use crate::ssh::copy::{self, Location, Transfer};
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
            "{name} cannot compute SHA-256 sums (no sha256sum there): each file is read back to check it, which doubles the transfer"
        ));
    }
    let transfer = Transfer::plan(remote, &name, direction).await?;
    let interrupted = crate::interrupt::listen()?;
    let bar = printer.bytes_bar(&name, transfer.total_bytes);
    let on_bytes = |n| bar.inc(n);
    let report = tokio::select! {
        report = transfer.run(&on_bytes) => report,
        signal = interrupted => {
            bar.finish_and_clear();
            transfer.clean_up().await;
            return Err(Error::new(
                Kind::Interrupted(signal),
                "stopped copying: the files copied so far are whole and checked, those in flight were removed",
            ));
        }
    };
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
