//! `ssh NAME [-- CMD...]`: find the devserver (waiting while it starts), open a stream to its
//! SSH port through the chosen transport, and run one session with devctl's own client. The
//! exit code is the remote command's (255 when the connection fails).

use std::io::IsTerminal as _;

use super::{Context, ExitStatus};
use crate::cli::SshArgs;
use crate::devserver::input;
use crate::error::{Error, Result};
use crate::ssh::session;

pub async fn run(ctx: &Context<'_>, args: SshArgs) -> Result<ExitStatus> {
    input::check_name(&args.name).map_err(Error::usage)?;
    let settings = ctx.settings()?;
    let forward_agent = !args.no_forward_agent
        && (args.forward_agent || settings.get("ssh-forward-agent") == Some("true"));
    let command = (!args.command.is_empty()).then(|| args.command.join(" "));
    // As OpenSSH: a terminal for a shell typed at one, or when -t asks.
    let pty = !args.no_tty && (args.tty || (command.is_none() && std::io::stdin().is_terminal()));

    let connection =
        super::connect(ctx, &args.name, &args.login, &args.access, forward_agent).await?;
    let options = session::Options {
        command,
        pty,
        forward_agent,
        forwards: args.forwards,
    };
    connection.run(&options).await
}
