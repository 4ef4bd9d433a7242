//! The command line: clap structs only. Doc comments are the help text and the man page.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::output::Format;

/// Get a personal development server on any Kubernetes cluster your kubeconfig reaches
///
/// A devserver is a StatefulSet with its Services, a Secret and a ConfigMap that devctl makes in
/// your namespace and labels as yours; nothing needs to be installed in the cluster. Start with
/// devctl status (which cluster, who you are there, what you may do), then devctl create --wait.
///
/// Settings come from flags, then DEVCTL_* environment variables, then the config file, then
/// built-in defaults; devctl config view shows each setting and where its value comes from.
///
/// Exit codes: 0 ok, 1 error, 2 usage (a wrong flag or setting), 3 not found, 4 already exists
/// or changed meanwhile, 5 forbidden or unauthenticated, 6 timed out, 7 cluster unreachable.
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

/// The flags every command takes, shown under their own heading
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Use this kubeconfig file
    ///
    /// Default: the files in KUBECONFIG, merged as kubectl merges them, else ~/.kube/config;
    /// inside a pod without either, the pod's ServiceAccount.
    #[arg(long, global = true, value_name = "FILE")]
    pub kubeconfig: Option<PathBuf>,

    /// Use this kubeconfig context
    ///
    /// Default: DEVCTL_CONTEXT, else the config file's context, else the kubeconfig's current
    /// context. An unknown name is an error that lists the known ones.
    #[arg(long, global = true, value_name = "NAME")]
    pub context: Option<String>,

    /// Work in this namespace
    ///
    /// Default: DEVCTL_NAMESPACE, else the config file's namespace, else the namespace of the
    /// kubeconfig context (or of the pod, inside the cluster), else default.
    #[arg(short = 'n', long, global = true, value_name = "NS")]
    pub namespace: Option<String>,

    /// Print data in this format
    ///
    /// The JSON and YAML documents that commands print have a stable, documented schema. A
    /// format that a command cannot print is a usage error (exit 2) that names the ones it can.
    #[arg(short = 'o', long, global = true, value_enum, default_value_t = Format::Table)]
    pub output: Format,

    /// Show more detail on stderr (repeatable)
    ///
    /// -v adds the cause chain of an error, the kubeconfig and context in use, and one line per
    /// HTTP request with its status and time; -vv adds the request and response headers.
    /// Credentials are never shown, at any level.
    #[arg(short = 'v', long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Print only data and errors
    ///
    /// Silences notes, warnings and spinners on stderr; data on stdout and errors are kept.
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,

    /// Give up on a request that takes longer than this, e.g. 30s
    ///
    /// Applies to connecting to the API server and to each read and write of a request; a
    /// request that runs out of time exits 6. Default: the Kubernetes client's own limits.
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration)]
    pub request_timeout: Option<std::time::Duration>,

    /// Never colour the output
    ///
    /// Colour is used only when stdout is a terminal, and never when NO_COLOR is set to
    /// anything but the empty string.
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
    Ssh(SshArgs),
    Exec(ExecArgs),
    Proxy(ProxyArgs),
    PortForward(PortForwardArgs),
    Cp(CpArgs),
    Logs(LogsArgs),
    Events(EventsArgs),
    SshConfig(SshConfigArgs),
    Reap(ReapArgs),
    Flavors(FlavorsArgs),
    Status(StatusArgs),
    Version(VersionArgs),
    Config(ConfigArgs),
    Admin(AdminArgs),
    Job(JobArgs),
    Completions(CompletionsArgs),
}

/// List the flavors devservers can be made with, and whether each fits on a node now
///
/// The flavors are the cluster's DevServerFlavor objects when devctl admin install has put the
/// CRD there, else the built-in cpu-small (the default), cpu-medium and cpu-large.
///
/// SCHEDULABLE is worked out from the nodes as they are now: Yes (N nodes) when N nodes match
/// the flavor's nodeSelector, tolerate its taints and have its requests left unallocated; No
/// with the reasons counted per node, as the scheduler words them; Unknown when you may not
/// list nodes. For a GPU flavor it also says how many more devservers of it fit right now.
///
/// Examples:
///
/// devctl flavors
///
/// devctl flavors -o yaml
#[derive(Debug, Args)]
pub struct FlavorsArgs {}

/// Set up and look after devctl in a cluster (for cluster admins)
///
/// Installs the DevServerFlavor CRD, the flavors, the ClusterRoles that devserver users are
/// bound to and an optional reaper CronJob, and onboards users with their own namespace,
/// quota and kubeconfig. Needs a cluster admin's rights; everything else in devctl works
/// without them.
#[derive(Debug, Args)]
pub struct AdminArgs {
    #[command(subcommand)]
    pub command: AdminCommand,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    Install(AdminInstallArgs),
    Uninstall(AdminUninstallArgs),
    Flavor(AdminFlavorArgs),
    User(AdminUserArgs),
}

/// Install or update devctl's cluster objects (idempotent)
///
/// Applies, server-side with the field manager devctl: the DevServerFlavor CRD, the built-in
/// flavors (a flavor an admin has changed is left as it is), the ClusterRoles devctl-user and
/// devctl-user-cluster that hold exactly what devctl's commands call, and with --reaper-image a
/// CronJob in devctl-system that runs devctl reap -A under its own ServiceAccount. Running it
/// again changes nothing.
///
/// Examples:
///
/// devctl admin install --dry-run -o yaml
///
/// devctl admin install --reaper-image example/devctl:0.1 --reaper-schedule '*/15 * * * *'
#[derive(Debug, Args)]
pub struct AdminInstallArgs {
    /// Print the objects that would be applied and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Also install the reaper CronJob, running this image (devctl as its entrypoint, as the repository's Dockerfile builds it)
    #[arg(long, value_name = "IMAGE")]
    pub reaper_image: Option<String>,

    /// When the reaper runs, in cron syntax
    #[arg(
        long,
        value_name = "CRON",
        default_value = "*/10 * * * *",
        requires = "reaper_image"
    )]
    pub reaper_schedule: String,
}

/// Remove what devctl admin install made
///
/// Deletes the DevServerFlavor CRD (and with it every flavor), the ClusterRoles devctl-user,
/// devctl-user-cluster and devctl-reaper, the reaper's ClusterRoleBinding and the namespace
/// devctl-system. Objects of those names that devctl did not make are left alone. Users'
/// devservers, namespaces and volumes are kept unless --all is given; --all lists everything
/// it will delete and asks first (--yes off a terminal).
///
/// Examples:
///
/// devctl admin uninstall
///
/// devctl admin uninstall --all --dry-run
#[derive(Debug, Args)]
pub struct AdminUninstallArgs {
    /// Also delete every devserver, home volume, user namespace and user binding devctl made
    #[arg(long)]
    pub all: bool,

    /// Do not ask for confirmation
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// Say what would be deleted and delete nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// Change the cluster's DevServerFlavors
#[derive(Debug, Args)]
pub struct AdminFlavorArgs {
    #[command(subcommand)]
    pub command: AdminFlavorCommand,
}

#[derive(Debug, Subcommand)]
pub enum AdminFlavorCommand {
    SetDefault(AdminFlavorSetDefaultArgs),
}

/// Make one flavor the default, and no other
///
/// Clears default on every other DevServerFlavor, then sets it on NAME.
#[derive(Debug, Args)]
pub struct AdminFlavorSetDefaultArgs {
    /// The flavor to make the default
    pub name: String,
}

/// Onboard, list and remove devserver users
#[derive(Debug, Args)]
pub struct AdminUserArgs {
    #[command(subcommand)]
    pub command: AdminUserCommand,
}

#[derive(Debug, Subcommand)]
pub enum AdminUserCommand {
    Add(AdminUserAddArgs),
    List(AdminUserListArgs),
    Remove(AdminUserRemoveArgs),
}

/// Give a user a namespace dev-USER, a ServiceAccount, a quota and a kubeconfig
///
/// Makes the namespace (labelled as devctl's), a ServiceAccount USER in it, a RoleBinding to
/// the ClusterRole devctl-user, a ClusterRoleBinding devctl-user-cluster-USER (flavors and
/// nodes), a ResourceQuota devctl-quota with the --quota-* limits (a limit not given is none)
/// and a LimitRange devctl-limits that gives containers without requests 100m CPU and 128Mi,
/// so that every pod counts, and writes a kubeconfig (a token from the TokenRequest API)
/// whose context defaults to that namespace, mode 0600, to USER.kubeconfig unless
/// --kubeconfig-out says otherwise. The token is never printed. Needs devctl admin install
/// first.
///
/// Running it again for the same user applies everything again: the --quota-* limits given
/// replace theirs, the others are kept, and a new kubeconfig is written (earlier tokens stay
/// valid until they expire). A first add that fails half-way deletes what it made.
///
/// Examples:
///
/// devctl admin user add alice --quota-cpu 16 --quota-memory 64Gi --quota-devservers 3 --kubeconfig-out alice.kubeconfig
///
/// devctl admin user add alice --quota-gpu 1 --kubeconfig-out alice.kubeconfig --overwrite
#[derive(Debug, Args)]
pub struct AdminUserAddArgs {
    /// The user's name, a DNS label
    pub user: String,

    /// At most this much CPU requested in the namespace, e.g. 16
    #[arg(long, value_name = "CPU")]
    pub quota_cpu: Option<String>,

    /// At most this much memory requested in the namespace, e.g. 64Gi
    #[arg(long, value_name = "QUANTITY")]
    pub quota_memory: Option<String>,

    /// At most this many GPUs (nvidia.com/gpu) requested in the namespace
    #[arg(long, value_name = "N")]
    pub quota_gpu: Option<String>,

    /// At most this many devservers in the namespace
    #[arg(long, value_name = "N")]
    pub quota_devservers: Option<u32>,

    /// Write the user's kubeconfig to this file (mode 0600)
    #[arg(long, value_name = "FILE")]
    pub kubeconfig_out: Option<PathBuf>,

    /// How long the kubeconfig's token is valid, e.g. 30d
    #[arg(long, value_name = "DURATION", default_value = "90d", value_parser = parse_duration)]
    pub token_ttl: std::time::Duration,

    /// Replace the --kubeconfig-out file if it exists
    #[arg(long)]
    pub overwrite: bool,
}

/// List the users devctl onboarded, with their quota use and devservers
///
/// DEVSERVERS, CPU, MEMORY and GPU read used/hard from the user's ResourceQuota (- where it
/// sets no limit).
#[derive(Debug, Args)]
pub struct AdminUserListArgs {}

/// Remove a user: the namespace dev-USER with its devservers and volumes
///
/// Says how many devservers and volumes (PVCs) it will delete, then asks (--yes off a
/// terminal), and deletes the namespace with everything in it and the user's
/// ClusterRoleBinding. The user's tokens stop working with their ServiceAccount.
#[derive(Debug, Args)]
pub struct AdminUserRemoveArgs {
    /// The user's name
    pub user: String,

    /// Do not ask for confirmation
    #[arg(short = 'y', long)]
    pub yes: bool,
}

/// Show the cluster, who you are there, and whether you may do what devctl needs
///
/// Prints the API server's URL and version, the context and namespace with where each comes
/// from, the user the cluster sees, and one line per permission that devctl's commands use,
/// checked with access reviews (nothing is changed). A permission that only some commands need
/// is marked, not an error.
///
/// Exits 0 when every required permission is granted, 5 when one is missing or the credentials
/// are refused, and 7 when the cluster cannot be reached.
#[derive(Debug, Args)]
pub struct StatusArgs {}

/// Print devctl's version, and the API server's when it answers
///
/// Exits 0 even when no cluster is reachable: the server's version is then shown as unavailable,
/// with the reason (serverError with -o json).
#[derive(Debug, Args)]
pub struct VersionArgs {}

/// Show or change devctl's settings
///
/// The config file is YAML with one value per key, at ~/.config/devctl/config.yaml (the
/// platform's config directory), or where DEVCTL_CONFIG points. A setting in the file is
/// beaten by its DEVCTL_* environment variable and by its flag.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Show every setting, its value and where the value comes from
    ///
    /// Sources: flag, env, file, context (the kubeconfig context's namespace), kubeconfig (its
    /// current context), in-cluster, default. With -o wide, also each setting's environment
    /// variable. Needs no cluster.
    View,
    /// Print the path of the config file
    ///
    /// The file need not exist yet: devctl config set makes it.
    Path,
    /// Set a setting in the config file
    ///
    /// The value is checked before it is written: an unknown key or a bad value is a usage
    /// error (exit 2) and the file is left as it was.
    ///
    /// Example: devctl config set ttl 2d
    Set {
        /// The setting: namespace, context, flavor, image, ttl, ssh-key, ssh-transport or owner
        key: String,
        /// Its value, e.g. 2d for ttl, or port-forward, nodeport or direct for ssh-transport
        value: String,
    },
    /// Remove a setting from the config file
    ///
    /// Its default applies again. Removing a setting that is not in the file is no error.
    Unset {
        /// The setting: namespace, context, flavor, image, ttl, ssh-key, ssh-transport or owner
        key: String,
    },
}

/// Print a shell completion script
///
/// Load it from your shell's startup files, for example:
///
/// bash: devctl completions bash > ~/.local/share/bash-completion/completions/devctl
///
/// zsh: devctl completions zsh > "${fpath[1]}/_devctl"
///
/// fish: devctl completions fish > ~/.config/fish/completions/devctl.fish
///
/// PowerShell: devctl completions powershell | Out-String | Invoke-Expression (in $PROFILE)
///
/// elvish: eval (devctl completions elvish | slurp) (in rc.elv)
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    pub shell: clap_complete::Shell,
}

/// Create a devserver
///
/// Makes the StatefulSet NAME with its headless Service, the Secret NAME-ssh with the SSH keys
/// and the ConfigMap NAME-init with the startup script, which installs OpenSSH in the image when
/// it lacks it. All or nothing: when a step fails, what was made is deleted again.
///
/// Without --wait, create returns once the objects exist, while the pod may still be scheduled
/// or pull its image; with --wait it returns when SSH is ready, and exits 6 after --timeout.
/// A devserver of that name that exists already is exit 4.
///
/// Examples:
///
/// devctl create --wait
///
/// devctl create ml --flavor cpu-large --home 50Gi --ttl 2d --port 8888
///
/// devctl create --dry-run -o yaml
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Name of the devserver (default: <user>-dev)
    ///
    /// At most 40 lowercase letters, digits and '-', starting with a letter. With -f and no
    /// NAME, the file's metadata.name.
    pub name: Option<String>,

    /// Size the devserver by this flavor, e.g. cpu-medium
    ///
    /// The flavors are the cluster's DevServerFlavors when it has them, else the built-in
    /// cpu-small, cpu-medium and cpu-large. Default: DEVCTL_FLAVOR, else the config file's
    /// flavor, else the default flavor (cpu-small among the built-in ones).
    #[arg(long)]
    pub flavor: Option<String>,

    /// Record this owner on the devserver
    ///
    /// An e-mail or user name; its label form selects the devserver in devctl list. Default:
    /// the -f file's spec.owner, else DEVCTL_OWNER or the config file's owner, else who the
    /// cluster says you are, else $USER.
    #[arg(long)]
    pub owner: Option<String>,

    /// Run this container image
    ///
    /// Any image with a POSIX shell: Debian, Ubuntu, Fedora, RHEL, Rocky and Alpine based images
    /// get OpenSSH installed at start when they lack it. Default: DEVCTL_IMAGE, else the config
    /// file's image, else the flavor's, else ubuntu:22.04.
    #[arg(long)]
    pub image: Option<String>,

    /// Authorize the public key in this file (repeatable)
    ///
    /// Default: the file's spec.ssh.publicKey with -f, else DEVCTL_SSH_KEY or the config file's
    /// ssh-key, else the first of ~/.ssh/id_ed25519.pub, id_ecdsa.pub and id_rsa.pub that
    /// exists, else a key pair that devctl makes once and keeps in its data directory.
    #[arg(long = "ssh-key", value_name = "FILE")]
    pub ssh_keys: Vec<std::path::PathBuf>,

    /// Let the devserver expire after this long, e.g. 8h, 90m, 1h30m or 2d
    ///
    /// devctl reap deletes expired devservers (keeping their home volumes) and devctl extend
    /// pushes the expiry out. Default: DEVCTL_TTL, else the config file's ttl, else the
    /// flavor's ttl, else 8h. A flavor's maxTtl caps it: more is refused, and a default above
    /// the cap becomes the cap.
    #[arg(long, value_name = "DURATION")]
    pub ttl: Option<String>,

    /// Give the devserver a persistent home of this size, e.g. 20Gi
    ///
    /// A PersistentVolumeClaim home-NAME-0 mounted at /home. It survives stop, start and
    /// restart, and is kept when the devserver is deleted, unless devctl delete --purge.
    /// Default: the flavor's homeSize, if it has one (--no-home: none).
    #[arg(long, value_name = "SIZE", conflicts_with = "no_home")]
    pub home: Option<String>,

    /// Make no persistent home, even when the flavor has a homeSize
    #[arg(long)]
    pub no_home: bool,

    /// Mount an existing PersistentVolumeClaim at a path, read-only with :ro (repeatable)
    ///
    /// For example: --volume datasets:/data:ro. The claim must exist in the namespace (exit 3
    /// otherwise); devctl never deletes it.
    #[arg(long = "volume", value_name = "CLAIM:/PATH[:ro]")]
    pub volumes: Vec<String>,

    /// Set an environment variable in the devserver (repeatable)
    ///
    /// For example: -e EDITOR=vim. KEY must be a name a shell can export.
    #[arg(short = 'e', long = "env", value_name = "KEY=VALUE")]
    pub env: Vec<String>,

    /// Set the environment variables of a file of KEY=VALUE lines
    ///
    /// Blank lines and lines starting with # are skipped; an error names the line. The values
    /// (often tokens) go into the Secret NAME-env that the pod reads, never into the pod
    /// template in clear.
    #[arg(long, value_name = "FILE")]
    pub env_file: Option<std::path::PathBuf>,

    /// Request and limit this much CPU instead of the flavor's, e.g. 4 or 1500m
    #[arg(long, value_name = "QUANTITY")]
    pub cpu: Option<String>,

    /// Request and limit this much memory instead of the flavor's, e.g. 16Gi
    #[arg(long, value_name = "QUANTITY")]
    pub memory: Option<String>,

    /// Give the devserver GPUs instead of the flavor's, e.g. 1 or nvidia.com/mig-1g.10gb=1
    ///
    /// A bare COUNT is of nvidia.com/gpu. A RESOURCE other than nvidia.com/gpu,
    /// nvidia.com/mig-1g.10gb, nvidia.com/mig-2g.20gb and nvidia.com/mig-3g.40gb must be
    /// advertised by some node (a usage error otherwise).
    #[arg(long, value_name = "[RESOURCE=]COUNT")]
    pub gpu: Option<String>,

    /// Declare another container port, e.g. 8888 for Jupyter (repeatable)
    ///
    /// With --expose nodeport it is published on the NodePort Service too.
    #[arg(long = "port", value_name = "PORT", value_parser = clap::value_parser!(u16).range(1..))]
    pub ports: Vec<u16>,

    /// Publish SSH and every --port on a NodePort Service NAME-ssh: nodeport, or nodeport:PORT
    ///
    /// Each port is then reached at the address of the pod's node and its node port, which
    /// devctl describe and devctl list -o wide show. PORT chooses SSH's node port (in
    /// 30000-32767, and free); without it, and for every --port, the cluster picks them.
    #[arg(long, value_name = "nodeport[:PORT]", alias = "expose-ssh")]
    pub expose: Option<String>,

    /// Run the devserver on this many pods, NAME-0 to NAME-<N-1> (1 to 64)
    ///
    /// Each pod has its own pinned host key (devctl ssh NAME --node I) and a stable DNS name
    /// NAME-I.NAME.NS.svc, and with more than one the variables torchrun reads: MASTER_ADDR
    /// (pod 0), MASTER_PORT (29500), WORLD_SIZE, NNODES, NODE_RANK and RANK (the pod's index),
    /// and their PET_ forms.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=64))]
    pub nodes: u32,

    /// Read the devserver from a DevServer YAML file (flags override its fields)
    ///
    /// The file is the DevServer resource (apiVersion devserver.io/v1): metadata.name, and in
    /// spec the owner, flavor, image, ssh.publicKey and lifecycle.timeToLive.
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,

    /// Wait until the devserver is ready for SSH
    ///
    /// Shows what it waits for (scheduling, pulling the image, starting sshd) on a terminal.
    /// A scheduling failure or an image that cannot be pulled ends the wait with its reason.
    #[arg(long)]
    pub wait: bool,

    /// Give up waiting after this long (exit 6)
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_duration)]
    pub timeout: std::time::Duration,

    /// Print the manifests and change nothing
    ///
    /// YAML documents, or with -o json one List, with every Secret value shown as <redacted>.
    /// The cluster is still asked for its flavors and who you are (so the owner and name are
    /// what create would use); --offline asks nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Show Secret values in the --dry-run output (the host private key, --env-file values)
    ///
    /// For applying the output elsewhere; the private key then is on your terminal.
    #[arg(long, requires = "dry_run")]
    pub show_secrets: bool,

    /// Make no API call at all (with --dry-run and --flavor)
    ///
    /// Only the built-in flavors are known, the namespace is the -f file's or the configured
    /// one (else default), and the owner the configured one (else $USER).
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

/// How access commands treat a devserver that is not running yet.
#[derive(Debug, Args)]
pub struct AccessArgs {
    /// How long to wait for a devserver that is still starting
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = parse_duration)]
    pub timeout: std::time::Duration,

    /// Start the devserver if it is stopped (else a stopped one is an error)
    #[arg(long)]
    pub start: bool,

    /// Reach pod I of a multi-node devserver (create --nodes), from 0
    #[arg(long, value_name = "I", default_value_t = 0)]
    pub node: u32,
}

/// Open a shell on a devserver, or run a command there, over SSH
///
/// devctl's own SSH client logs in as dev. The server's host key must be the one devctl pinned
/// when it created the devserver: anything else is refused, never trusted on first use. The
/// keys tried are -i, else the ones create authorizes by default (~/.ssh/id_ed25519, id_ecdsa,
/// id_rsa, then devctl's own pair); a key with a passphrase is used through ssh-agent.
///
/// Without a command, a login shell with a terminal; with one (after --), the command, as
/// OpenSSH runs it (its words joined by spaces, read by the remote shell). The exit code is the
/// remote command's, and 255 when the connection fails. Type ~. at the start of a line to
/// close a stuck session.
#[derive(Debug, Args)]
pub struct SshArgs {
    /// Name of the devserver
    pub name: String,

    /// The command to run instead of a shell
    #[arg(last = true, value_name = "COMMAND")]
    pub command: Vec<String>,

    #[command(flatten)]
    pub login: LoginArgs,

    /// Forward your ssh-agent to the devserver (the ssh-forward-agent setting makes it the default)
    #[arg(short = 'A', long = "forward-agent")]
    pub forward_agent: bool,

    /// Do not forward your ssh-agent, whatever the setting says
    #[arg(
        short = 'a',
        long = "no-forward-agent",
        conflicts_with = "forward_agent"
    )]
    pub no_forward_agent: bool,

    /// Forward a local port to HOST:HOSTPORT as seen from the devserver (repeatable)
    ///
    /// BIND defaults to 127.0.0.1.
    #[arg(short = 'L', value_name = "[BIND:]PORT:HOST:HOSTPORT", value_parser = parse_forward)]
    pub forwards: Vec<crate::ssh::session::Forward>,

    /// Ask for a terminal even with a command, as ssh -t
    #[arg(short = 't', conflicts_with = "no_tty")]
    pub tty: bool,

    /// Never ask for a terminal, as ssh -T
    #[arg(short = 'T')]
    pub no_tty: bool,

    #[command(flatten)]
    pub access: AccessArgs,
}

/// How `ssh` and `cp` reach a devserver and log in.
#[derive(Debug, Args)]
pub struct LoginArgs {
    /// How to reach it: port-forward (through the API server), nodeport, or direct (the pod's
    /// address, from inside the cluster)
    ///
    /// Default: the ssh-transport setting, else direct when devctl runs in a pod and
    /// port-forward elsewhere.
    #[arg(long, value_name = "TRANSPORT", value_parser = ["port-forward", "nodeport", "direct"])]
    pub via: Option<String>,

    /// Private key to log in with (repeatable; default: the keys create authorizes)
    #[arg(short = 'i', long = "identity", value_name = "FILE")]
    pub identities: Vec<std::path::PathBuf>,

    /// Log in as USER instead of dev
    #[arg(short = 'l', long = "user", value_name = "USER", default_value = "dev")]
    pub user: String,
}

/// Copy files and directories to or from a devserver, over SFTP
///
/// One of SRC and DST is NAME:PATH, a path on devserver NAME (relative paths start at the
/// home directory of the user logged in as); the other is a local path. Directories are
/// copied with everything in them, keeping modes, modification times and symbolic links.
/// Every file is checked with SHA-256 on both sides after the transfer, and is renamed to its
/// final name only once it matches, so a failed or interrupted copy never leaves a partial
/// file under that name. The image needs no tar: devctl speaks SFTP to the devserver's sshd.
///
/// As cp: a DST that is an existing directory receives SRC inside it; otherwise SRC is
/// copied to DST itself. A progress bar with the rate shows on a terminal.
#[derive(Debug, Args)]
pub struct CpArgs {
    /// What to copy: a local path, or NAME:PATH on a devserver
    #[arg(value_name = "SRC")]
    pub source: String,

    /// Where to copy it: NAME:PATH on a devserver, or a local path
    #[arg(value_name = "DST")]
    pub destination: String,

    #[command(flatten)]
    pub login: LoginArgs,

    #[command(flatten)]
    pub access: AccessArgs,
}

fn parse_forward(spec: &str) -> Result<crate::ssh::session::Forward, String> {
    spec.parse()
}

/// Run a command in a devserver's container through the Kubernetes exec API
///
/// Needs no SSH: it works while sshd is still starting, or in an image without one. -i passes
/// standard input (and closes it at its end), -t gives the command a terminal. The exit code is
/// the command's, and 255 when the connection fails.
#[derive(Debug, Args)]
pub struct ExecArgs {
    /// Name of the devserver
    pub name: String,

    /// The command and its arguments (run as given, no shell)
    #[arg(last = true, required = true, value_name = "COMMAND")]
    pub command: Vec<String>,

    /// Pass standard input to the command
    #[arg(short = 'i', long = "stdin")]
    pub stdin: bool,

    /// Give the command a terminal (with -i: the local terminal in raw mode)
    #[arg(short = 't', long = "tty")]
    pub tty: bool,

    #[command(flatten)]
    pub access: AccessArgs,
}

/// Connect standard input and output to a devserver's SSH port, for ssh's ProxyCommand
///
/// Prints nothing else on standard output; errors go to standard error. Ends when either side
/// closes. devctl ssh-config writes the ProxyCommand lines that use it.
#[derive(Debug, Args)]
pub struct ProxyArgs {
    /// Name of the devserver
    pub name: String,

    /// How to reach it: port-forward, nodeport or direct (as for devctl ssh)
    #[arg(long, value_name = "TRANSPORT", value_parser = ["port-forward", "nodeport", "direct"])]
    pub via: Option<String>,

    #[command(flatten)]
    pub access: AccessArgs,
}

/// Forward local ports to ports of a devserver, e.g. for Jupyter or TensorBoard
///
/// Each PORT is [LOCAL:]REMOTE: REMOTE is the devserver's port, LOCAL the one to listen on here
/// (the same as REMOTE when left out; 0, or nothing before the colon, picks a free one). Every
/// accepted connection gets a port-forward stream of its own through the API server. A
/// "Forwarding from ADDRESS:LOCAL -> REMOTE" line per port goes to standard error; with -o json
/// or -o yaml, the ports chosen are printed on standard output.
///
/// A dropped connection to the API server, or a restart of the devserver, closes only the
/// connections it breaks, with a line on standard error; new connections get a new forward,
/// waiting (up to --timeout) for a restarted pod to be ready. Runs until Ctrl-C (exit 0), or
/// until the devserver is deleted (exit 3).
///
/// Examples:
///
/// devctl port-forward mydev 8888
///
/// devctl port-forward mydev 9000:8888 :6006 --address 127.0.0.1,::1
#[derive(Debug, Args)]
pub struct PortForwardArgs {
    /// Name of the devserver
    pub name: String,

    /// The ports to forward, as [LOCAL:]REMOTE
    #[arg(required = true, value_name = "PORT", value_parser = parse_ports)]
    pub ports: Vec<crate::cluster::forward::Ports>,

    /// Local address to listen on: an IP address or localhost (repeatable, or comma-separated)
    #[arg(
        long = "address",
        value_name = "ADDRESS",
        value_delimiter = ',',
        default_value = "127.0.0.1",
        value_parser = crate::cluster::forward::parse_address
    )]
    pub addresses: Vec<std::net::IpAddr>,

    #[command(flatten)]
    pub access: AccessArgs,
}

fn parse_ports(spec: &str) -> Result<crate::cluster::forward::Ports, String> {
    spec.parse()
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
    ///
    /// The devserver's flavor's maxTtl caps how far ahead of now the expiry may be.
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

/// Print the log of a devserver's container
///
/// The output of the container named devserver in the pod NAME-0 (the startup script, then
/// sshd), byte for byte as the cluster keeps it. A devserver whose pod has not started yet has
/// no log: the error says where the pod is, and devctl events NAME says why. A stopped
/// devserver is exit 1, one that does not exist exit 3.
///
/// Examples:
///
/// devctl logs mydev --tail 50
///
/// devctl logs mydev -f --since 10m --timestamps
#[derive(Debug, Args)]
pub struct LogsArgs {
    /// Name of the devserver
    pub name: String,

    /// Keep printing new output until the container ends (Ctrl-C stops it)
    #[arg(short = 'f', long)]
    pub follow: bool,

    /// Print the log of the container's previous run (after a crash or restart)
    #[arg(long)]
    pub previous: bool,

    /// Only output of the last DURATION, e.g. 10m or 1h30m
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub since: Option<std::time::Duration>,

    /// Begin each line with the time the cluster received it (RFC 3339)
    #[arg(long)]
    pub timestamps: bool,

    /// Only the last N lines (then, with -f, what follows)
    #[arg(long, value_name = "N")]
    pub tail: Option<u32>,
}

/// Show the events of a devserver: why its pod waits, fails or restarts
///
/// The events of the StatefulSet NAME, its pod NAME-0 and its home claim home-NAME-0: the
/// scheduler's reasons for a pod that no node takes, image pull errors, restarts. Warnings come
/// first, then the rest, each oldest first. Works whatever state the devserver is in.
///
/// -o wide adds COUNT, FIRST SEEN and SOURCE. -o json and -o yaml print a DevServerEventList;
/// with --watch, one DevServerEvent document per event instead, as they come.
///
/// Examples:
///
/// devctl events mydev
///
/// devctl events mydev --watch
#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Name of the devserver
    pub name: String,

    /// Keep printing events as they happen (Ctrl-C stops it)
    ///
    /// After the events so far, each new or repeated event is printed when the cluster records
    /// it. A dropped connection is resumed where it stopped.
    #[arg(short = 'w', long)]
    pub watch: bool,

    /// Stop watching after this long, e.g. 10m (exit 0)
    #[arg(long = "for", value_name = "DURATION", requires = "watch", value_parser = parse_duration)]
    pub watch_for: Option<std::time::Duration>,
}

/// Print ssh_config entries that reach your devservers, or install them with --write
///
/// One Host NAME.devctl block (also named NAME.NS.devctl) per devserver of yours in the
/// namespace, stopped ones included, so that ssh, scp, rsync and VS Code Remote-SSH reach it:
/// through devctl proxy, as user dev, with the key create authorizes, and checking the host key
/// devctl pinned at create (StrictHostKeyChecking yes, against devctl's own known_hosts).
///
/// --write keeps the blocks in ~/.ssh/devctl/config and the pinned keys in known_hosts in
/// devctl's data directory, and adds one Include line at the top of ~/.ssh/config (made 0600,
/// and ~/.ssh 0700, when missing); nothing else in that file changes. Each run replaces only the
/// entries of its context and namespace (every namespace with -A): those of deleted devservers
/// go, other contexts' and namespaces' stay. A run that would change nothing writes nothing.
///
/// The ProxyCommand names the devserver, its namespace and the context, and the kubeconfig when
/// --kubeconfig is given; with KUBECONFIG instead, ssh needs the same KUBECONFIG.
///
/// Examples:
///
/// devctl ssh-config --write && ssh box.devctl
///
/// devctl ssh-config --diff
///
/// rsync -a ./src/ box.devctl:src/
#[derive(Debug, Args)]
pub struct SshConfigArgs {
    /// Install the entries: ~/.ssh/devctl/config, devctl's known_hosts, an Include line
    #[arg(long, conflicts_with = "diff")]
    pub write: bool,

    /// Show what --write would change, as a unified diff, and write nothing
    ///
    /// One diff per file that would change; nothing on stdout when none would. Exits 0 either
    /// way.
    #[arg(long)]
    pub diff: bool,

    /// Your devservers in every namespace (needs the right to list StatefulSets cluster-wide)
    ///
    /// With --write, this replaces the entries of every namespace of the context.
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,

    /// Offer this private key (repeatable) instead of the default
    ///
    /// Default: the private key of the public key create authorizes by default: the ssh-key
    /// setting, else the first of ~/.ssh/id_ed25519.pub, id_ecdsa.pub and id_rsa.pub that
    /// exists, else the pair devctl keeps in its data directory. Without any, ssh picks.
    #[arg(short = 'i', long = "identity", value_name = "FILE")]
    pub identities: Vec<PathBuf>,
}

/// Run batch and distributed jobs and get their result files back
///
/// A job runs a command to its end in a Kubernetes Job (no startup script, no sshd) and keeps
/// what the command writes under --results (default /results) on a volume of its own, for
/// devctl job results to copy back, checked with SHA-256, after the pods have finished. With
/// --nodes N it runs on N pods at once that find each other as torchrun and PyTorch expect.
/// A finished job and its results are deleted after its --ttl (default 24h).
#[derive(Debug, Args)]
pub struct JobArgs {
    #[command(subcommand)]
    pub command: JobCommand,
}

#[derive(Debug, Subcommand)]
pub enum JobCommand {
    Run(Box<JobRunArgs>),
    List(JobListArgs),
    Describe(JobDescribeArgs),
    Logs(JobLogsArgs),
    Wait(JobWaitArgs),
    Results(JobResultsArgs),
    Delete(JobDeleteArgs),
}

/// Run a command as a job: devctl job run [NAME] --image IMG -- CMD [ARGS...]
///
/// The command runs as given (the image's entrypoint is replaced), with the flavor's resources.
/// It writes what it wants back under --results, which stays readable after it ends, until the
/// job is deleted. The job counts as finished when the command exits: 0 is Succeeded, anything
/// else Failed, and --wait (or devctl job wait) exits with the command's own code.
///
/// With --nodes N the command runs on N pods at once (an Indexed Job and a headless Service
/// NAME), each with MASTER_ADDR, MASTER_PORT, WORLD_SIZE, NNODES, NODE_RANK, RANK and torchrun's
/// PET_* variables; one failing pod fails the whole job and stops the others.
///
/// Examples:
///
/// devctl job run --image python:3.12 -- python -c 'print(42)'
///
/// devctl job run sim --flavor cpu-large --wait -- ./simulate --out /results
///
/// devctl job run train --nodes 2 --gpu 1 --image pytorch/pytorch --follow -- torchrun train.py
#[derive(Debug, Args)]
pub struct JobRunArgs {
    /// Name of the job (default: <user>-job-<5 random letters and digits>)
    ///
    /// At most 40 lowercase letters, digits and '-', starting with a letter.
    pub name: Option<String>,

    /// The command and its arguments, after --
    #[arg(last = true, value_name = "COMMAND")]
    pub command: Vec<String>,

    /// Run this container image
    ///
    /// Default: DEVCTL_IMAGE, else the config file's image, else the flavor's, else
    /// ubuntu:22.04. devctl job results reads the results with a short-lived pod of the same
    /// image, which needs sh, sleep, cat and sha256sum (coreutils or busybox), not tar.
    #[arg(long)]
    pub image: Option<String>,

    /// Size the job by this flavor, e.g. cpu-medium (default: the default flavor)
    #[arg(long)]
    pub flavor: Option<String>,

    /// Record this owner on the job (default: as for devctl create)
    #[arg(long)]
    pub owner: Option<String>,

    /// Request and limit this much CPU instead of the flavor's, e.g. 4 or 1500m
    #[arg(long, value_name = "QUANTITY")]
    pub cpu: Option<String>,

    /// Request and limit this much memory instead of the flavor's, e.g. 16Gi
    #[arg(long, value_name = "QUANTITY")]
    pub memory: Option<String>,

    /// Give each pod GPUs instead of the flavor's, e.g. 1 or nvidia.com/mig-1g.10gb=1
    #[arg(long, value_name = "[RESOURCE=]COUNT")]
    pub gpu: Option<String>,

    /// Set an environment variable in the job (repeatable)
    #[arg(short = 'e', long = "env", value_name = "KEY=VALUE")]
    pub env: Vec<String>,

    /// Set the environment variables of a file of KEY=VALUE lines
    ///
    /// The values go into the Secret NAME-env that the pods read, never into the Job in clear.
    /// An error names the bad line.
    #[arg(long, value_name = "FILE")]
    pub env_file: Option<std::path::PathBuf>,

    /// Mount this file read-only at /devctl/config/KEY (repeatable)
    ///
    /// The files go into the ConfigMap NAME-config, owned by the job: at most 1 MiB in all.
    #[arg(long = "config-file", value_name = "KEY=FILE")]
    pub config_files: Vec<String>,

    /// Mount a volume: CLAIM:/PATH[:ro] (an existing claim) or SIZE:/PATH[:rwo|rwx|rwop|rox] (repeatable)
    ///
    /// A SIZE such as 50Gi makes a new claim NAME-vol-I with that access mode (default rwo, rwx
    /// with --nodes) with the job, deleted with it; an existing claim is never deleted. Claim names are
    /// lowercase, sizes end in Ki, Mi, Gi, Ti, Pi or Ei, so the two never meet.
    #[arg(long = "volume", value_name = "CLAIM:/PATH[:ro] | SIZE:/PATH[:MODE]")]
    pub volumes: Vec<String>,

    /// Run the command as this user and group, e.g. 1000 or 1000:1000
    ///
    /// The group (else the user's id) is also the pods' fsGroup, so the command may write to its
    /// volumes, unless --fs-group says another.
    #[arg(long, value_name = "UID[:GID]")]
    pub user: Option<String>,

    /// Give the volumes this group (the pod's fsGroup), e.g. 1000
    #[arg(long, value_name = "GID")]
    pub fs_group: Option<u32>,

    /// Delete the finished job, its pods and its results this long after it ends
    #[arg(long, value_name = "DURATION", default_value = "24h")]
    pub ttl: String,

    /// Run a failed pod again this many times before the job fails (not with --nodes: a
    /// failing pod fails the whole gang)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub retries: u32,

    /// Run on this many pods at once (an Indexed Job with ranks 0..N-1)
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub nodes: u32,

    /// Processes each pod runs (PET_NPROC_PER_NODE; WORLD_SIZE is nodes x this)
    #[arg(long, value_name = "P", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub procs_per_node: u32,

    /// The port rank 0 listens on (MASTER_PORT)
    #[arg(long, value_name = "PORT", default_value_t = 29500, value_parser = clap::value_parser!(u16).range(1..))]
    pub master_port: u16,

    /// Queue the job in this Kueue LocalQueue: it is made suspended for Kueue to admit
    ///
    /// Kueue admits all of a job's pods at once or none. Without Kueue in the cluster this is
    /// an error.
    #[arg(long, value_name = "NAME")]
    pub queue: Option<String>,

    /// Where the command writes the files it wants back
    #[arg(long, value_name = "DIR", default_value = "/results")]
    pub results: String,

    /// Keep no results: no results claim is made, and `job results` has nothing to read
    ///
    /// For a cluster with no storage class that can make the results claim, or a command that
    /// keeps what it makes elsewhere (a --volume, object storage).
    #[arg(long, conflicts_with_all = ["results", "results_size", "results_class"])]
    pub no_results: bool,

    /// Size of each pod's results volume
    #[arg(long, value_name = "SIZE", default_value = "10Gi")]
    pub results_size: String,

    /// StorageClass of the results claim (default: the cluster's default class)
    ///
    /// A job of several pods shares one ReadWriteMany claim, a directory per pod: pick a class
    /// that can make one (NFS, EFS, Filestore, CephFS) where the default cannot.
    #[arg(long, value_name = "CLASS")]
    pub results_class: Option<String>,

    /// Wait for the job to finish and exit with the command's exit code
    #[arg(long)]
    pub wait: bool,

    /// Print the job's output while waiting (implies --wait)
    #[arg(long)]
    pub follow: bool,

    /// Give up waiting after this long (exit 6; the job goes on)
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_duration)]
    pub timeout: std::time::Duration,

    /// Print the manifests and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Show Secret values in the --dry-run output
    #[arg(long, requires = "dry_run")]
    pub show_secrets: bool,
}

/// List your jobs: NAME, STATUS, NODES, AGE, DURATION, EXIT
#[derive(Debug, Args)]
pub struct JobListArgs {
    /// Everyone's jobs in the namespace
    #[arg(long)]
    pub all_users: bool,

    /// Jobs in every namespace (implies --all-users)
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,

    /// Only jobs whose labels match, e.g. team=ml
    #[arg(short = 'l', long, value_name = "SELECTOR")]
    pub selector: Option<String>,
}

/// Show a job in detail: its spec, its pods per index with their exit codes, its results and events
#[derive(Debug, Args)]
pub struct JobDescribeArgs {
    /// Name of the job
    pub name: String,
}

/// Print a job's output
///
/// The output of index 0's pod, or of --index I, or of every index with --all (each line then
/// begins with [I]).
#[derive(Debug, Args)]
pub struct JobLogsArgs {
    /// Name of the job
    pub name: String,

    /// The output of this index's pod
    #[arg(long, value_name = "I", conflicts_with = "all")]
    pub index: Option<u32>,

    /// The output of every index, each line prefixed with its index
    #[arg(long)]
    pub all: bool,

    /// Keep printing new output until the pods end
    #[arg(short = 'f', long)]
    pub follow: bool,

    /// Begin each line with the time the cluster received it (RFC 3339)
    #[arg(long)]
    pub timestamps: bool,

    /// Only the last N lines of each pod (then, with -f, what follows)
    #[arg(long, value_name = "N")]
    pub tail: Option<u32>,
}

/// Wait for a job to finish and exit with its command's exit code
///
/// 0 when it succeeded, the failed pod's exit code when it failed (1 when it has none, as
/// after a deadline), 6 when --timeout passes first.
#[derive(Debug, Args)]
pub struct JobWaitArgs {
    /// Name of the job
    pub name: String,

    /// Give up after this long (exit 6)
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_duration)]
    pub timeout: std::time::Duration,
}

/// Copy a job's result files to this machine, each checked with SHA-256
///
/// What the command wrote under its --results directory, files and directories, byte for byte:
/// each file's SHA-256 is computed beside the data before the copy and compared with the copy's
/// own; a file that does not match is an error and never takes its final name. A job with
/// several indexes puts index I's results under DEST/I/, unless --index picks one.
///
/// Examples:
///
/// devctl job results sim ./out
///
/// devctl job results train --list
#[derive(Debug, Args)]
pub struct JobResultsArgs {
    /// Name of the job
    pub name: String,

    /// Where to put them (default: the current directory)
    pub destination: Option<std::path::PathBuf>,

    /// List the result files (path, size, SHA-256) and copy nothing
    #[arg(long)]
    pub list: bool,

    /// Only this index's results
    #[arg(long, value_name = "I")]
    pub index: Option<u32>,

    /// Give up after this long (exit 6)
    #[arg(long, value_name = "DURATION", default_value = "30m", value_parser = parse_duration)]
    pub timeout: std::time::Duration,
}

/// Delete jobs: the Job, its pods, Secret, ConfigMap, Service and claims
///
/// --keep-results keeps the results volumes, for devctl job results NAME to read later;
/// devctl job delete NAME then deletes them.
#[derive(Debug, Args)]
pub struct JobDeleteArgs {
    /// Names of the jobs
    #[arg(required = true)]
    pub names: Vec<String>,

    /// Do not ask for confirmation (needed when not on a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// Keep the results volumes
    #[arg(long)]
    pub keep_results: bool,

    /// Succeed when a job does not exist
    #[arg(long)]
    pub ignore_not_found: bool,
}
