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
