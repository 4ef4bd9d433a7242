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
/// returned future, a second one exits at once with its code. A task of its own listens, so a
/// second Ctrl-C works even while nobody polls the future (a slow rollback).
pub fn listen() -> Result<impl Future<Output = Signal>> {
    let cannot = |e: std::io::Error| Error::general(format!("cannot listen for signals: {e}"));
    let mut int = signal(SignalKind::interrupt()).map_err(cannot)?;
    let mut term = signal(SignalKind::terminate()).map_err(cannot)?;
    let (first_tx, first_rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let mut next = async || {
            tokio::select! {
                _ = int.recv() => Signal::Interrupt,
                _ = term.recv() => Signal::Terminate,
            }
        };
        let first = next().await;
        let _ = first_tx.send(first);
        // Printed here, not through the printer: whoever listens may be busy finishing a request.
        #[allow(
            clippy::print_stderr,
            reason = "the listener speaks for itself while the command is busy"
        )]
        {
            eprintln!("stopping after {} (again to quit at once)", first.name());
            let second = next().await;
            eprintln!(
                "error: interrupted again: stopped without cleaning up (devctl list shows what exists)"
            );
            crate::ssh::terminal::restore();
            std::process::exit(i32::from(second.exit_code()));
        }
    });
    Ok(async move {
        match first_rx.await {
            Ok(signal) => signal,
            // The listener never ends without a first signal; should it, nothing comes.
            Err(_) => std::future::pending().await,
        }
    })
}
