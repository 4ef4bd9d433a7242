//! The command line: clap structs only. Doc comments are the help text and the man page.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::output::Format;

/// Personal development servers on any Kubernetes cluster your kubeconfig reaches
#[derive(Debug, Parser)]
#[command(
    name = "devctl",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Path to the kubeconfig file (else KUBECONFIG, else ~/.kube/config)
    #[arg(long, global = true, value_name = "FILE")]
    pub kubeconfig: Option<PathBuf>,

    /// Kubeconfig context to use [env: DEVCTL_CONTEXT]
    #[arg(long, global = true, value_name = "NAME")]
    pub context: Option<String>,

    /// Namespace (else DEVCTL_NAMESPACE, the config file, the context's, then default)
    #[arg(short = 'n', long, global = true, value_name = "NS")]
    pub namespace: Option<String>,

    /// Output format
    #[arg(short = 'o', long, global = true, value_enum, default_value_t = Format::Table)]
    pub output: Format,

    /// Show more detail: -v the cause chain and each HTTP request, -vv their headers
    #[arg(short = 'v', long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Print only data and errors
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,

    /// Give up on a request that takes longer than this, e.g. 30s (default: no limit beyond
    /// the client's own)
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration)]
    pub request_timeout: Option<std::time::Duration>,

    /// Never colour the output (also NO_COLOR)
    #[arg(long, global = true)]
    pub no_color: bool,
}

fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    crate::devserver::duration::parse(text)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Create(Box<CreateArgs>),
    List(ListArgs),
    Describe(DescribeArgs),
    Delete(DeleteArgs),
    Stop(StopArgs),
    Start(StartArgs),
    Restart(RestartArgs),
    Extend(ExtendArgs),
    Reap(ReapArgs),
    Status(StatusArgs),
    Version(VersionArgs),
    Config(ConfigArgs),
    Completions(CompletionsArgs),
}

/// Show the cluster, who you are, and whether you may do what devctl needs
///
/// Exits 0 when every required permission is granted, 5 when one is missing, and 7 when the
/// cluster cannot be reached.
#[derive(Debug, Args)]
pub struct StatusArgs {}

/// Print the client version, and the server's when it is reachable
#[derive(Debug, Args)]
pub struct VersionArgs {}

/// Show or change devctl's settings
#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Show every setting, its value and where the value comes from
    View,
    /// Print the path of the config file
    Path,
    /// Set a setting in the config file
    Set {
        /// One of: namespace, context, flavor, image, ttl, ssh-key, ssh-transport, owner
        key: String,
        value: String,
    },
    /// Remove a setting from the config file
    Unset { key: String },
}

/// Print a shell completion script
///
/// For example: devctl completions bash > /etc/bash_completion.d/devctl
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

/// Create a devserver
///
/// Makes a StatefulSet with its Services, a Secret with the SSH keys and a ConfigMap with the
/// startup script. All or nothing: if a step fails, what was made is deleted.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Name of the devserver (default: <user>-dev); at most 40 lowercase letters, digits, '-'
    pub name: Option<String>,

    /// Flavor (size) of the devserver [env: DEVCTL_FLAVOR]
    #[arg(long)]
    pub flavor: Option<String>,

    /// Container image (default: the flavor's, else ubuntu:22.04) [env: DEVCTL_IMAGE]
    #[arg(long)]
    pub image: Option<String>,

    /// Public key to authorize (repeatable; default ~/.ssh/id_ed25519.pub, id_ecdsa.pub,
    /// id_rsa.pub, else a key pair devctl makes)
    #[arg(long = "ssh-key", value_name = "FILE")]
    pub ssh_keys: Vec<std::path::PathBuf>,

    /// Time to live, e.g. 8h or 2d [env: DEVCTL_TTL]
    #[arg(long, value_name = "DURATION")]
    pub ttl: Option<String>,

    /// A persistent home of this size, e.g. 20Gi, kept when the devserver is deleted
    #[arg(long, value_name = "SIZE")]
    pub home: Option<String>,

    /// Mount an existing claim: CLAIM:/path[:ro] (repeatable)
    #[arg(long = "volume", value_name = "CLAIM:/PATH[:ro]")]
    pub volumes: Vec<String>,

    /// Environment variable for the devserver: KEY=VALUE (repeatable)
    #[arg(short = 'e', long = "env", value_name = "KEY=VALUE")]
    pub env: Vec<String>,

    /// File of KEY=VALUE lines (# comments and blank lines allowed)
    #[arg(long, value_name = "FILE")]
    pub env_file: Option<std::path::PathBuf>,

    /// CPU request and limit, overriding the flavor, e.g. 4 or 1500m
    #[arg(long, value_name = "QUANTITY")]
    pub cpu: Option<String>,

    /// Memory request and limit, overriding the flavor, e.g. 16Gi
    #[arg(long, value_name = "QUANTITY")]
    pub memory: Option<String>,

    /// GPUs: a count of nvidia.com/gpu, or RESOURCE=COUNT (e.g. nvidia.com/mig-1g.10gb=1)
    #[arg(long, value_name = "[RESOURCE=]COUNT")]
    pub gpu: Option<String>,

    /// Extra container port to declare, e.g. 8888 for Jupyter (repeatable)
    #[arg(long = "port", value_name = "PORT")]
    pub ports: Vec<u16>,

    /// Expose SSH on a NodePort: nodeport or nodeport:PORT
    #[arg(long, value_name = "nodeport[:PORT]")]
    pub expose_ssh: Option<String>,

    /// Read the devserver from a DevServer YAML file (flags override its fields)
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,

    /// Wait until the devserver is ready for SSH
    #[arg(long)]
    pub wait: bool,

    /// How long --wait waits
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_duration)]
    pub timeout: std::time::Duration,

    /// Print the manifests (-o yaml or json) and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// With --dry-run and --flavor: make no API call at all (built-in flavors only)
    #[arg(long, requires = "dry_run")]
    pub offline: bool,
}

/// List your devservers
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Everyone's devservers in the namespace
    #[arg(long)]
    pub all_users: bool,

    /// Devservers in every namespace (implies --all-users)
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,

    /// Only devservers whose labels match, e.g. team=ml
    #[arg(short = 'l', long, value_name = "SELECTOR")]
    pub selector: Option<String>,
}

/// Delete devservers
///
/// The home volume is kept unless --purge; its data is never deleted otherwise.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Names of the devservers
    #[arg(required = true)]
    pub names: Vec<String>,

    /// Do not ask for confirmation (needed when not on a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// Also delete the home volume and its data
    #[arg(long)]
    pub purge: bool,

    /// Succeed when a devserver does not exist
    #[arg(long)]
    pub ignore_not_found: bool,

    /// Wait until the devserver's pod and StatefulSet are gone (so the name can be reused)
    #[arg(long)]
    pub wait: bool,

    /// How long --wait waits
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = parse_duration)]
    pub timeout: std::time::Duration,
}

/// Show a devserver in detail: its state, pod, volumes, SSH endpoints and events
#[derive(Debug, Args)]
pub struct DescribeArgs {
    /// Name of the devserver
    pub name: String,
}

/// Stop a devserver (scale it to 0; the home volume stays)
#[derive(Debug, Args)]
pub struct StopArgs {
    /// Name of the devserver
    pub name: String,
}

/// Start a stopped devserver (scale it back to 1)
#[derive(Debug, Args)]
pub struct StartArgs {
    /// Name of the devserver
    pub name: String,

    /// Wait until the devserver is ready for SSH
    #[arg(long)]
    pub wait: bool,

    /// How long --wait waits
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_duration)]
    pub timeout: std::time::Duration,
}

/// Restart a devserver (a new pod replaces its pod; the home volume stays)
#[derive(Debug, Args)]
pub struct RestartArgs {
    /// Name of the devserver
    pub name: String,

    /// Wait until the new pod is ready for SSH
    #[arg(long)]
    pub wait: bool,

    /// How long --wait waits
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_duration)]
    pub timeout: std::time::Duration,
}

/// Push a devserver's expiry out
#[derive(Debug, Args)]
pub struct ExtendArgs {
    /// Name of the devserver
    pub name: String,

    /// How much longer, e.g. 4h (counted from the current expiry, or from now once expired)
    #[arg(long, value_name = "DURATION")]
    pub ttl: String,
}

/// Delete expired devservers (their home volumes are kept)
///
/// For cron, CI or an in-cluster CronJob. Exits 0 when nothing failed.
#[derive(Debug, Args)]
pub struct ReapArgs {
    /// In every namespace
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,

    /// Say what would be deleted and delete nothing
    #[arg(long)]
    pub dry_run: bool,
}
