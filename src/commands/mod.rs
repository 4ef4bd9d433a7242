//! One module per subcommand, each with a `run` that tells the user's story: resolve
//! settings, check input, talk to the cluster, print.

mod admin;
mod change;
mod completions;
mod config;
pub mod context;
mod cp;
mod create;
mod delete;
mod describe;
mod events;
mod exec;
mod flavors;
mod job;
mod lifecycle;
mod list;
mod logs;
mod port_forward;
mod proxy;
mod reap;
mod ssh;
mod ssh_config;
mod status;
mod version;

use crate::cli::{Cli, Command};
use crate::cluster::rollback::CreateError;
use crate::error::{Error, Kind, Result};
use crate::output::Printer;
pub use context::Context;

/// What a command returns when it does not fail: the process's exit code.
pub type ExitStatus = u8;

pub async fn run(cli: Cli, printer: &Printer) -> Result<ExitStatus> {
    let ctx = Context::new(&cli.global, printer);
    match cli.command {
        Command::Create(args) => create::run(&ctx, *args).await,
        Command::List(args) => list::run(&ctx, args).await,
        Command::Describe(args) => describe::run(&ctx, &args.name).await,
        Command::Stop(args) => lifecycle::run(&ctx, &args.name, lifecycle::Change::Stop).await,
        Command::Start(args) => {
            let wait = args.wait.then_some(args.timeout);
            lifecycle::run(&ctx, &args.name, lifecycle::Change::Start(wait)).await
        }
        Command::Restart(args) => {
            let wait = args.wait.then_some(args.timeout);
            lifecycle::run(&ctx, &args.name, lifecycle::Change::Restart(wait)).await
        }
        Command::Extend(args) => {
            lifecycle::run(&ctx, &args.name, lifecycle::Change::Extend(args.ttl)).await
        }
        Command::Ssh(args) => ssh::run(&ctx, args).await,
        Command::Exec(args) => exec::run(&ctx, args).await,
        Command::Proxy(args) => proxy::run(&ctx, args).await,
        Command::PortForward(args) => port_forward::run(&ctx, args).await,
        Command::Cp(args) => cp::run(&ctx, args).await,
        Command::Logs(args) => logs::run(&ctx, args).await,
        Command::Events(args) => events::run(&ctx, args).await,
        Command::SshConfig(args) => ssh_config::run(&ctx, args).await,
        Command::Reap(args) => reap::run(&ctx, args).await,
        Command::Delete(args) => delete::run(&ctx, args).await,
        Command::Flavors(args) => flavors::run(&ctx, args).await,
        Command::Admin(args) => admin::run(&ctx, args).await,
        Command::Job(args) => job::run(&ctx, args).await,
        Command::Status(_) => status::run(&ctx).await,
        Command::Version(_) => version::run(&ctx).await,
        Command::Config(args) => config::run(&ctx, args),
        Command::Completions(args) => completions::run(args, printer),
    }
}

/// What a create was making, for the words of its failure.
pub(crate) struct Making<'a> {
    /// `devserver` or `job`.
    pub noun: &'static str,
    /// The kind of the object that owns the rest: `StatefulSet` or `Job`.
    pub owner: &'static str,
    /// The command that lists and deletes such things: `devctl` or `devctl job`.
    pub command: &'static str,
    pub name: &'a str,
    pub ns: &'a str,
}

/// The one-line error of a create that did not make the whole thing: what is left (nothing,
/// the garbage collector's, or named with the kubectl command that deletes it).
pub(crate) fn create_error(err: CreateError, making: &Making) -> Error {
    let Making {
        noun,
        owner,
        command,
        name,
        ns,
    } = making;
    match err {
        CreateError::Exists => Error::new(
            Kind::Conflict,
            format!("{noun} {name} already exists in namespace {ns}"),
        )
        .hint(format!(
            "pick another name, or delete it first: {command} delete {name} --yes -n {ns}"
        )),
        CreateError::Unknown(cause) => cause
            .prefix(&format!(
                "creating the {owner} (the answer was lost: the server may have made it)"
            ))
            .hint(format!(
                "{command} list -n {ns} shows whether it exists; {command} delete {name} --yes -n {ns} removes it"
            )),
        CreateError::Failed {
            step,
            cause,
            rollback,
        } => match rollback.report() {
            None => cause.prefix(&format!("creating {step} ({})", rollback.note(owner))),
            // Something the user did not ask for is left: that is the failure to report.
            Some((left, hint)) => Error {
                kind: Kind::General,
                ..cause.prefix(&format!("creating {step} ({left})"))
            }
            .hint(format!("{hint} -n {ns}")),
        },
        CreateError::Interrupted { signal, rollback } => {
            let message = |what: &str| {
                format!(
                    "interrupted by {}: {noun} {name} was not created ({what})",
                    signal.name()
                )
            };
            match rollback.report() {
                None => Error::new(Kind::Interrupted(signal), message(&rollback.note(owner))),
                Some((left, hint)) => Error::new(Kind::Interrupted(signal), message(&left))
                    .hint(format!("{hint} -n {ns}")),
            }
        }
    }
}

/// Objects for `--dry-run`: YAML documents, or with `-o json` one `v1` `List`.
pub(crate) fn print_objects(items: &[serde_json::Value], printer: &Printer) -> Result<()> {
    if printer.format == crate::output::Format::Json {
        printer.structured(
            &serde_json::json!({ "apiVersion": "v1", "kind": "List", "items": items }),
        )?;
    } else {
        let mut out = String::new();
        for item in items {
            out.push_str("---\n");
            out.push_str(
                &crate::output::yaml::to_string(item)
                    .map_err(|e| crate::error::Error::general(e.to_string()))?,
            );
        }
        printer.out(&out);
    }
    Ok(())
}

/// Waits for the devserver's pods to be Ready, with a spinner naming its phase (and at `-v`
/// a line per phase): what `create --wait`, `start --wait` and `restart --wait` share.
pub(crate) async fn wait_until_ready(
    cluster: &crate::cluster::Cluster,
    printer: &Printer,
    target: &crate::cluster::wait::ReadyTarget,
    timeout: std::time::Duration,
) -> Result<()> {
    let name = &target.name;
    let spinner = printer.spinner(&format!("{name}: scheduling"));
    // The pods of a multi-node devserver are named as they are waited for.
    let several = target.pods.len() > 1;
    let waited = crate::cluster::wait::until_ready(cluster, target, timeout, |pod, phase| {
        let who = if several { pod } else { name.as_str() };
        printer.debug(1, &format!("{who}: {}", phase.describe()));
        spinner.set_message(format!("{who}: {}", phase.describe()));
    })
    .await;
    spinner.finish_and_clear();
    Ok(waited?)
}

/// The devserver `name` once it has got as far as `until`, waiting with a spinner naming its
/// phase while it starts: what the access commands share.
pub(crate) async fn running_devserver(
    cluster: &crate::cluster::Cluster,
    printer: &Printer,
    name: &str,
    until: crate::cluster::wait::Until,
    access: &crate::cli::AccessArgs,
) -> Result<crate::cluster::access::Running> {
    let mut phases = PhaseSpinner::new(printer, name);
    let running =
        crate::cluster::access::running(cluster, name, access.node, until, patience(access), |p| {
            phases.show(p)
        })
        .await;
    phases.finish();
    running
}

/// The stream to devserver `name`'s SSH port through `transport`, waiting with a spinner
/// while it starts: what `ssh` and `proxy` share.
pub(crate) async fn ssh_stream(
    cluster: &crate::cluster::Cluster,
    printer: &Printer,
    name: &str,
    transport: crate::cluster::access::Transport,
    access: &crate::cli::AccessArgs,
) -> Result<(
    crate::cluster::access::Running,
    crate::cluster::access::Stream,
)> {
    let mut phases = PhaseSpinner::new(printer, name);
    let opened = crate::cluster::access::ssh_stream(
        cluster,
        name,
        access.node,
        transport,
        patience(access),
        |p| phases.show(p),
    )
    .await;
    phases.finish();
    opened
}

/// The cluster and the transport to reach devservers by: `--via`, else the ssh-transport
/// setting, else what fits where devctl runs.
pub(crate) async fn transport<'c>(
    ctx: &'c Context<'_>,
    via: Option<&str>,
) -> Result<(
    &'c crate::cluster::Cluster,
    crate::cluster::access::Transport,
)> {
    use crate::cluster::access;
    let settings = ctx.settings()?;
    // Connecting makes no request; the transport's default depends on where the cluster is.
    let cluster = ctx.cluster().await?;
    let transport = access::Transport::choose(
        via,
        settings.get("ssh-transport"),
        access::in_cluster(cluster),
    )?;
    Ok((cluster, transport))
}

/// An authenticated SSH connection to devserver `name` through the transport that `login`
/// or the settings choose, waiting while it starts: what `ssh` and `cp` share.
pub(crate) async fn connect(
    ctx: &Context<'_>,
    name: &str,
    login: &crate::cli::LoginArgs,
    access: &crate::cli::AccessArgs,
    forward_agent: bool,
) -> Result<crate::ssh::session::Connection> {
    use crate::error::Error;
    use crate::ssh::keys;
    let settings = ctx.settings()?;
    let identities =
        keys::login_identities(&login.identities, settings.get("ssh-key")).map_err(Error::usage)?;
    let (cluster, transport) = transport(ctx, login.via.as_deref()).await?;
    let (running, stream) = ssh_stream(cluster, ctx.printer, name, transport, access).await?;
    let pinned = running.pinned_host_key().ok_or_else(|| {
        let whose = match running.node {
            0 => format!("devserver {name}"),
            _ => format!("pod {} of devserver {name}", running.pod_name()),
        };
        Error::general(format!("{whose} has no pinned host key")).hint(format!(
            "devctl pins one at create time; this devserver's {} annotation is missing",
            running.host_key_annotation()
        ))
    })?;
    ctx.printer.debug(
        1,
        &format!("{name}: connecting through {}", transport.name()),
    );
    // Messages name the pod of a multi-node devserver's other nodes.
    let who = match running.node {
        0 => name.to_string(),
        _ => format!("{name} (pod {})", running.pod_name()),
    };
    crate::ssh::session::Connection::open(
        stream,
        &who,
        pinned,
        &login.user,
        &identities,
        forward_agent,
    )
    .await
}

/// A spinner naming a starting devserver's phase, made only once there is a phase to show
/// (a running devserver shows none), and a line per phase at `-v`.
struct PhaseSpinner<'a> {
    printer: &'a Printer,
    name: &'a str,
    spinner: Option<indicatif::ProgressBar>,
}

impl<'a> PhaseSpinner<'a> {
    fn new(printer: &'a Printer, name: &'a str) -> Self {
        PhaseSpinner {
            printer,
            name,
            spinner: None,
        }
    }

    fn show(&mut self, phase: &crate::devserver::state::Phase) {
        let message = format!("{}: {}", self.name, phase.describe());
        self.printer.debug(1, &message);
        self.spinner
            .get_or_insert_with(|| self.printer.spinner(&message))
            .set_message(message);
    }

    fn finish(self) {
        if let Some(spinner) = self.spinner {
            spinner.finish_and_clear();
        }
    }
}

pub(crate) fn patience(access: &crate::cli::AccessArgs) -> crate::cluster::access::Patience {
    crate::cluster::access::Patience {
        timeout: access.timeout,
        start: access.start,
    }
}

/// The completion script for `shell`, as `devctl completions` prints it.
pub fn completion_script(shell: clap_complete::Shell) -> String {
    completions::script(shell)
}

/// The files of the repository's `completions/`: file name and script, one per shell.
pub fn completion_files() -> Vec<(String, String)> {
    completions::files()
}

/// The man pages, one per command at every level (`devctl.1`, `devctl-create.1`,
/// `devctl-config-set.1`, ...), generated from the same definitions as `--help`: each page's
/// file name and contents. A page's SUBCOMMANDS section names the pages of its subcommands, so
/// every page it names is in the list (clap's `help` subcommand has none and is left out).
pub fn man_pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut cli =
        <crate::cli::Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    cli.build();
    let mut pages = Vec::new();
    add_man_pages(&cli, &mut pages)?;
    Ok(pages)
}

fn add_man_pages(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut page = Vec::new();
    man.render(&mut page)?;
    pages.push((man.get_filename(), page));
    for sub in cmd.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        add_man_pages(sub, pages)?;
    }
    Ok(())
}
