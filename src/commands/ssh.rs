//! `ssh NAME [-- CMD...]`: find the devserver (waiting while it starts), open a stream to its
//! SSH port through the chosen transport, and run one session with devctl's own client. The
//! exit code is the remote command's (255 when the connection fails).

use std::io::IsTerminal as _;

use super::{Context, ExitStatus};
use crate::cli::SshArgs;
use crate::cluster::access::{self, Transport};
use crate::devserver::input;
use crate::error::{Error, Result};
use crate::ssh::{keys, session};

pub async fn run(ctx: &Context<'_>, args: SshArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    input::check_name(&args.name).map_err(Error::usage)?;
    let settings = ctx.settings()?;
    // Connecting makes no request; the transport's default depends on where the cluster is.
    let cluster = ctx.cluster().await?;
    let transport = Transport::choose(
        args.via.as_deref(),
        settings.get("ssh-transport"),
        access::in_cluster(cluster),
    )?;
    let forward_agent = !args.no_forward_agent
        && (args.forward_agent || settings.get("ssh-forward-agent") == Some("true"));
    let identities = if args.identities.is_empty() {
        let (home, data) = keys::dirs();
        // The private half of the ssh-key setting (what create authorizes) comes first.
        let configured = settings
            .get("ssh-key")
            .map(|public| keys::expand_home(public, &home))
            .filter(|public| public.extension().is_some_and(|e| e == "pub"))
            .map(|public| public.with_extension(""))
            .filter(|private| private.exists());
        configured
            .into_iter()
            .chain(keys::default_identities(&home, &data))
            .collect()
    } else {
        for path in &args.identities {
            if !path.exists() {
                return Err(Error::usage(format!("-i {}: no such file", path.display())));
            }
        }
        args.identities.clone()
    };
    let command = (!args.command.is_empty()).then(|| args.command.join(" "));
    // As OpenSSH: a terminal for a shell typed at one, or when -t asks.
    let pty = !args.no_tty && (args.tty || (command.is_none() && std::io::stdin().is_terminal()));

    let name = &args.name;
    let (running, stream) =
        super::ssh_stream(cluster, printer, name, transport, &args.access).await?;
    let pinned = running.pinned_host_key().ok_or_else(|| {
        Error::general(format!("devserver {name} has no pinned host key"))
            .hint("devctl pins one at create time; this devserver's devserver.io/host-key annotation is missing")
    })?;
    printer.debug(
        1,
        &format!("{name}: connecting through {}", transport.name()),
    );
    let connection =
        session::Connection::open(stream, name, pinned, &args.user, &identities, forward_agent)
            .await?;
    let options = session::Options {
        command,
        pty,
        forward_agent,
        forwards: args.forwards,
    };
    connection.run(&options).await
}
