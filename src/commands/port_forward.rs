//! `port-forward NAME [LOCAL:]REMOTE...`: local ports forwarded to ports of the devserver, one
//! port-forward stream per connection, surviving dropped API connections and restarts. A
//! "Forwarding from" line per port on stderr; `-o json`/`-o yaml`: `{"apiVersion": "devctl/v1",
//! "kind": "PortForward", "devserver", "namespace", "forwards": [{"address", "localPort",
//! "remotePort"}]}` once every port listens and the pod is followed. Ends at Ctrl-C (0) or when
//! the devserver goes (1).

use serde::Serialize;

use super::{Context, ExitStatus};
use crate::cli::PortForwardArgs;
use crate::cluster::forward::{self, Listener};
use crate::cluster::wait::Until;
use crate::devserver::input;
use crate::error::{Error, Result};
use crate::output::{API_VERSION, Format, Printer};

pub async fn run(ctx: &Context<'_>, args: PortForwardArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept("port-forward", &[Format::Table, Format::Json, Format::Yaml])?;
    input::check_name(&args.name).map_err(Error::usage)?;
    // Listening first: a port in use is found before anything is asked of the cluster.
    let listeners = forward::listen(&args.addresses, &args.ports).await?;
    let cluster = ctx.cluster().await?;
    let devserver =
        super::running_devserver(cluster, printer, &args.name, Until::Ready, &args.access).await?;

    let chosen = Chosen::of(&devserver, &listeners);
    let stop = crate::interrupt::listen()?;
    tokio::pin!(stop);
    let (events_tx, mut events) = tokio::sync::mpsc::unbounded_channel();
    let forwarding = forward::serve(
        cluster,
        &devserver,
        listeners,
        args.access.timeout,
        events_tx,
    );
    tokio::pin!(forwarding);
    let say = |event: forward::Event| {
        let line = event.describe(&devserver.name);
        if event.is_trouble() {
            printer.warn(&line);
        } else {
            printer.info(&line);
        }
    };
    loop {
        tokio::select! {
            _ = &mut stop => return Ok(0),
            ended = &mut forwarding => {
                while let Ok(event) = events.try_recv() {
                    if event != forward::Event::Following {
                        say(event);
                    }
                }
                return ended.map(|()| 0);
            }
            Some(event) = events.recv() => match event {
                forward::Event::Following => announce(printer, &chosen)?,
                other => say(other),
            },
        }
    }
}

/// A "Forwarding from" line per port on stderr, and with -o json or yaml the ports on stdout.
fn announce(printer: &Printer, chosen: &Chosen<'_>) -> Result<()> {
    for port in &chosen.forwards {
        printer.info(&format!(
            "Forwarding from {} -> {}",
            std::net::SocketAddr::new(port.address, port.local_port),
            port.remote_port
        ));
    }
    if printer.is_structured() {
        printer.structured(chosen)?;
    }
    Ok(())
}

/// What `-o json` prints: the ports chosen.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Chosen<'a> {
    api_version: &'static str,
    kind: &'static str,
    devserver: &'a str,
    namespace: &'a str,
    forwards: Vec<ChosenPort>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ChosenPort {
    address: std::net::IpAddr,
    local_port: u16,
    remote_port: u16,
}

impl<'a> Chosen<'a> {
    fn of(devserver: &'a crate::cluster::access::Running, listeners: &[Listener]) -> Chosen<'a> {
        Chosen {
            api_version: API_VERSION,
            kind: "PortForward",
            devserver: &devserver.name,
            namespace: &devserver.namespace,
            forwards: listeners
                .iter()
                .map(|l| ChosenPort {
                    address: l.local.ip(),
                    local_port: l.local.port(),
                    remote_port: l.remote,
                })
                .collect(),
        }
    }
}
