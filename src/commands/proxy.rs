//! `proxy NAME`: standard input and output bridged to the devserver's SSH port, for OpenSSH's
//! `ProxyCommand`. Nothing but the stream goes to standard output; it ends when either side
//! closes.

use super::{Context, ExitStatus};
use crate::cli::ProxyArgs;
use crate::devserver::input;
use crate::error::{Error, Kind, Result};

pub async fn run(ctx: &Context<'_>, args: ProxyArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    input::check_name(&args.name).map_err(Error::usage)?;
    let (cluster, transport) = super::transport(ctx, args.via.as_deref()).await?;
    let name = &args.name;
    let (_, mut stream) =
        super::ssh_stream(cluster, printer, name, transport, &args.access).await?;
    let (mut from, mut to) = tokio::io::split(&mut stream);
    let mut stdin = tokio::io::stdin();
    let mut stdout = tokio::io::stdout();
    // Either direction ending ends the bridge: ssh closes our stdin when its session is over,
    // and sshd closing the connection is the end of it too.
    let (ended, from_devserver) = tokio::select! {
        up = tokio::io::copy(&mut stdin, &mut to) => (up.map(drop), false),
        down = async {
            let copied = tokio::io::copy(&mut from, &mut stdout).await;
            tokio::io::AsyncWriteExt::flush(&mut stdout).await?;
            copied
        } => (down.map(drop), true),
    };
    let broke = |why: String| {
        Error::new(
            Kind::Connection,
            format!("the connection to devserver {name} broke: {why}"),
        )
    };
    ended.map_err(|e| broke(e.to_string()))?;
    // The devserver's side ended: a kubelet that could not reach sshd says why, and so does
    // a cut connection to the API server. Ours is shut down first, so a forward that closed
    // can finish.
    if from_devserver {
        let _ = tokio::io::AsyncWriteExt::shutdown(&mut to).await;
        drop((from, to));
        if let Some(why) = stream.failure().await {
            return Err(broke(why));
        }
    }
    Ok(0)
}
