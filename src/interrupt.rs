//! Ctrl-C and SIGTERM as values: a command that must clean up listens for them instead of
//! being killed, and decides what to undo. A second signal ends the process at once.

use std::future::Future;

use tokio::signal::unix::{SignalKind, signal};

use crate::error::{Error, Result};

/// The signal that asked devctl to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    Interrupt,
    Terminate,
}

impl Signal {
    pub fn name(self) -> &'static str {
        match self {
            Signal::Interrupt => "Ctrl-C",
            Signal::Terminate => "SIGTERM",
        }
    }

    /// 128 + the signal's number, as shells report a process the signal ended.
    pub fn exit_code(self) -> u8 {
        match self {
            Signal::Interrupt => 130,
            Signal::Terminate => 143,
        }
    }
}

/// From now on, SIGINT and SIGTERM no longer kill the process: the first one resolves the
/// returned future, a second one exits at once with its code.
pub fn listen() -> Result<impl Future<Output = Signal>> {
    let cannot = |e: std::io::Error| Error::general(format!("cannot listen for signals: {e}"));
    let mut int = signal(SignalKind::interrupt()).map_err(cannot)?;
    let mut term = signal(SignalKind::terminate()).map_err(cannot)?;
    Ok(async move {
        let first = tokio::select! {
            _ = int.recv() => Signal::Interrupt,
            _ = term.recv() => Signal::Terminate,
        };
        tokio::spawn(async move {
            let second = tokio::select! {
                _ = int.recv() => Signal::Interrupt,
                _ = term.recv() => Signal::Terminate,
            };
            #[allow(
                clippy::print_stderr,
                reason = "the process ends here, past the printer"
            )]
            {
                eprintln!(
                    "error: interrupted again: stopped without cleaning up (devctl list shows what exists)"
                );
            }
            std::process::exit(i32::from(second.exit_code()));
        });
        first
    })
}
