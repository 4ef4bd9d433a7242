//! `exec NAME [-i] [-t] -- CMD...`: the Kubernetes exec API, no SSH, so it works while sshd
//! is still starting. Standard input is streamed and closed at its end; `-t` gives a terminal
//! (raw mode, resize). The exit code is the command's, from the exec status.

use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, AttachParams, TerminalSize};
use tokio::io::AsyncWriteExt as _;

use super::{Context, ExitStatus};
use crate::cli::ExecArgs;
use crate::cluster::wait::Until;
use crate::devserver::{input, manifests};
use crate::error::{Error, Kind, Result};
use crate::ssh::terminal::{self, RawMode, next};
use tokio::signal::unix::{SignalKind, signal};

pub async fn run(ctx: &Context<'_>, args: ExecArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    input::check_name(&args.name).map_err(Error::usage)?;
    let cluster = ctx.cluster().await?;
    let name = &args.name;
    let running =
        super::running_devserver(cluster, printer, name, Until::Running, &args.access).await?;
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    // With a terminal, the remote side has one stream: stderr comes merged into stdout.
    let params = AttachParams::default()
        .container(manifests::CONTAINER)
        .stdin(args.stdin)
        .stdout(true)
        .stderr(!args.tty)
        .tty(args.tty);
    let mut attached = pods
        .exec(
            running.pod_name(),
            args.command.iter().map(String::as_str),
            &params,
        )
        .await
        .map_err(|e| {
            let err = cluster.error(e);
            if err.kind == Kind::Forbidden || err.kind == Kind::NotFound {
                err
            } else {
                Error::new(Kind::Connection, err.message.clone()).caused_by(&err)
            }
        })?;
    // Before Kubernetes 1.30 the exec protocol (v4) cannot close the command's input: at the
    // end of ours, kube can only end the whole stream.
    if args.stdin
        && crate::cluster::client::last_subprotocol().as_deref() == Some("v4.channel.k8s.io")
    {
        printer.warn(
            "the cluster speaks the v4 exec protocol, which cannot pass on the end of standard input: when it ends, the command's stream ends too",
        );
    }
    let raw = if args.tty && args.stdin {
        RawMode::enable()
            .map_err(|e| Error::general(format!("cannot set the terminal to raw mode: {e}")))?
    } else {
        None
    };
    let mut resizes = attached.terminal_size();
    if let (Some(sizes), Some((cols, rows))) = (resizes.as_mut(), terminal::size()) {
        let _ = sizes.try_send(TerminalSize {
            width: cols as u16,
            height: rows as u16,
        });
    }
    let resizing = resizes.map(|mut sizes| {
        tokio::spawn(async move {
            let Ok(mut changed) =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::window_change())
            else {
                return;
            };
            while changed.recv().await.is_some() {
                if let Some((cols, rows)) = terminal::size() {
                    let size = TerminalSize {
                        width: cols as u16,
                        height: rows as u16,
                    };
                    if futures::SinkExt::send(&mut sizes, size).await.is_err() {
                        return;
                    }
                }
            }
        })
    });
    let stdin_task = attached.stdin().map(|mut remote| {
        tokio::spawn(async move {
            let mut local = tokio::io::stdin();
            let _ = tokio::io::copy(&mut local, &mut remote).await;
            // The end of our input closes the command's (v5 protocol).
            let _ = remote.shutdown().await;
        })
    });
    let stdout = attached.stdout().map(|mut remote| {
        tokio::spawn(async move {
            let mut local = tokio::io::stdout();
            let _ = tokio::io::copy(&mut remote, &mut local).await;
            let _ = local.flush().await;
        })
    });
    let stderr = attached.stderr().map(|mut remote| {
        tokio::spawn(async move {
            let mut local = tokio::io::stderr();
            let _ = tokio::io::copy(&mut remote, &mut local).await;
        })
    });
    let status = attached.take_status();
    let status = async {
        match status {
            Some(status) => status.await,
            None => None,
        }
    };
    // In raw mode a signal from elsewhere ends the command here, the terminal put back first.
    let mut terminated = raw
        .as_ref()
        .and_then(|_| signal(SignalKind::terminate()).ok());
    let mut hung_up = raw.as_ref().and_then(|_| signal(SignalKind::hangup()).ok());
    let status = tokio::select! {
        status = status => status,
        Some(()) = next(&mut terminated) => {
            drop(raw);
            return Ok(143);
        }
        Some(()) = next(&mut hung_up) => {
            drop(raw);
            return Ok(129);
        }
    };
    for task in [stdout, stderr].into_iter().flatten() {
        let _ = task.await;
    }
    if let Some(task) = stdin_task {
        task.abort();
    }
    if let Some(task) = resizing {
        task.abort();
    }
    drop(raw);
    let _ = attached.join().await;
    match status {
        Some(status) => exit_code(&status),
        None => Err(Error::new(
            Kind::Connection,
            format!("the exec stream to devserver {name} ended without the command's status"),
        )),
    }
}

/// The command's exit code from the exec status: `Success` is 0, `NonZeroExitCode` carries
/// the code as its `ExitCode` cause.
fn exit_code(status: &k8s_openapi::apimachinery::pkg::apis::meta::v1::Status) -> Result<u8> {
    if status.status.as_deref() == Some("Success") {
        return Ok(0);
    }
    let code = status
        .details
        .as_ref()
        .and_then(|d| d.causes.as_ref())
        .into_iter()
        .flatten()
        .find(|c| c.reason.as_deref() == Some("ExitCode"))
        .and_then(|c| c.message.as_deref())
        .and_then(|m| m.parse::<i64>().ok());
    match code {
        Some(code) => Ok((code & 0xff) as u8),
        None => Err(Error::general(format!(
            "exec failed: {}",
            status.message.as_deref().unwrap_or("no reason given")
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(json: serde_json::Value) -> k8s_openapi::apimachinery::pkg::apis::meta::v1::Status {
        serde_json::from_value(json).unwrap_or_default()
    }

    #[test]
    fn the_exit_code_comes_from_the_status_cause() {
        assert_eq!(
            exit_code(&status(serde_json::json!({"status": "Success"}))).ok(),
            Some(0)
        );
        let failed = status(serde_json::json!({
            "status": "Failure", "reason": "NonZeroExitCode",
            "message": "command terminated with non-zero exit code: exit status 42",
            "details": {"causes": [{"reason": "ExitCode", "message": "42"}]}
        }));
        assert_eq!(exit_code(&failed).ok(), Some(42));
        let broken =
            status(serde_json::json!({"status": "Failure", "message": "container not found"}));
        assert!(
            exit_code(&broken)
                .unwrap_err()
                .message
                .contains("container not found")
        );
    }
}
