//! `devctl ssh-config`: the ssh_config blocks of the caller's devservers in the namespace (one
//! list of StatefulSets, selected by the owner label; every namespace with `-A`), printed; with
//! `--write`, merged into devctl's own file (`~/.ssh/devctl/config`) and known_hosts (in the
//! data directory) and included from `~/.ssh/config`; with `--diff`, what `--write` would
//! change. Only files whose bytes change are written, each whole.

use std::path::{Path, PathBuf};

use super::{Context, ExitStatus};
use crate::cli::SshConfigArgs;
use crate::cluster::devservers;
use crate::devserver::state;
use crate::error::{Error, Result};
use crate::output::{Format, Printer};
use crate::settings::{Settings, Source};
use crate::ssh::config::{self, Entry, Scope, Section, Setup, Unsayable};
use crate::ssh::{keys, known_hosts};

/// Where the files are on this machine.
struct Places {
    home: PathBuf,
    /// `~/.ssh`.
    ssh_dir: PathBuf,
    /// `~/.ssh/config`.
    user_config: PathBuf,
    /// `~/.ssh/devctl`, devctl's own directory there.
    devctl_dir: PathBuf,
    /// `~/.ssh/devctl/config`, the file the Include names.
    devctl_config: PathBuf,
    /// devctl's data directory (where the managed key pair is too).
    data: PathBuf,
    known_hosts: PathBuf,
}

impl Places {
    fn of_this_machine() -> Result<Places> {
        let home = directories::BaseDirs::new()
            .map(|d| d.home_dir().to_path_buf())
            .ok_or_else(|| Error::general("cannot tell where your home directory is"))?;
        let data = directories::ProjectDirs::from("", "", "devctl")
            .map(|d| d.data_dir().to_path_buf())
            .unwrap_or_else(|| home.join(".devctl"));
        let ssh_dir = home.join(".ssh");
        let devctl_dir = ssh_dir.join("devctl");
        Ok(Places {
            user_config: ssh_dir.join("config"),
            devctl_config: devctl_dir.join("config"),
            known_hosts: data.join("known_hosts"),
            home,
            ssh_dir,
            devctl_dir,
            data,
        })
    }
}

/// One file `--write` would change.
struct Change {
    path: PathBuf,
    /// `None`: the file does not exist yet.
    before: Option<Vec<u8>>,
    after: Vec<u8>,
}

pub async fn run(ctx: &Context<'_>, args: SshConfigArgs) -> Result<ExitStatus> {
    let (settings, printer) = (ctx.settings()?, ctx.printer);
    printer.accept("ssh-config", &[Format::Table])?;
    let places = Places::of_this_machine()?;
    let identities = identities(&args.identities, settings, &places)?;
    let devctl = devctl_path()?;

    let cluster = ctx.cluster().await?;
    let mine = devservers::owner_selector(cluster, settings.get("owner")).await?;
    let sets = devservers::list_sets(cluster, args.all_namespaces, Some(&mine)).await?;
    let mut entries = Vec::new();
    for set in &sets {
        let name = set.metadata.name.as_deref().unwrap_or_default();
        let namespace = set.metadata.namespace.as_deref().unwrap_or_default();
        // A multi-node devserver has an entry per pod, each with that pod's pinned key.
        for node in 0..state::nodes(set) {
            match Entry::of_node(name, namespace, node, state::pinned_host_key(set, node)) {
                Ok(entry) => entries.push(entry),
                Err(why) => printer.warn(&format!("{why}; left out")),
            }
        }
    }
    entries.sort_by(|a, b| (&a.namespace, &a.name, a.node).cmp(&(&b.namespace, &b.name, b.node)));
    let (entries, clashes) = config::without_host_clashes(entries);
    for why in clashes {
        printer.warn(&why);
    }

    let setup = Setup {
        devctl,
        context: cluster.context.clone(),
        in_cluster: cluster.context_source == Source::InCluster,
        kubeconfig: ctx.global.kubeconfig.as_deref().map(absolute),
        identities,
        known_hosts: places.known_hosts.clone(),
    };
    let scope = Scope {
        context: cluster.context.clone(),
        namespace: (!args.all_namespaces).then(|| cluster.namespace.clone()),
    };
    match (args.write, args.diff) {
        (_, true) => show_diff(&places, &scope, &entries, &setup, printer),
        (true, false) => write(&places, &scope, &entries, &setup, printer),
        (false, false) => {
            if entries.is_empty() {
                printer.info(&format!("no devservers of yours in {}", place(&scope)));
                return Ok(0);
            }
            let text = config::blocks(&entries, &setup).map_err(unsayable)?;
            warn_of_shared_names(printer, &text, "the output");
            printer.out(&text);
            Ok(0)
        }
    }
}

fn place(scope: &Scope) -> String {
    match &scope.namespace {
        Some(ns) => format!("namespace {ns}"),
        None => "any namespace".to_string(),
    }
}

/// `--diff`: each file that would change, as a unified diff on stdout.
fn show_diff(
    places: &Places,
    scope: &Scope,
    entries: &[Entry],
    setup: &Setup,
    printer: &Printer,
) -> Result<ExitStatus> {
    let changes = plan(places, scope, entries, setup, printer)?;
    if changes.is_empty() {
        printer.info("nothing to change");
    }
    for change in &changes {
        printer.out(&diff(change));
    }
    Ok(0)
}

/// `--write`: the directories made private when missing, then each file that changes written
/// whole: the known hosts before the blocks that name them, the blocks before the Include.
fn write(
    places: &Places,
    scope: &Scope,
    entries: &[Entry],
    setup: &Setup,
    printer: &Printer,
) -> Result<ExitStatus> {
    for dir in [&places.ssh_dir, &places.devctl_dir, &places.data] {
        make_private_dir(dir)?;
    }
    // Two runs at once (for two namespaces) would each write back the file it read, without the
    // other's section: one waits for the other.
    let _lock = lock(&places.devctl_dir.join(".lock"))?;
    let changes = plan(places, scope, entries, setup, printer)?;
    for change in &changes {
        config::write_whole(&change.path, &change.after, 0o600).map_err(|e| {
            let err = Error::general(format!("cannot write {}: {e}", change.path.display()));
            if change.path != places.user_config {
                return err;
            }
            // E.g. a symlink into a read-only store, as some dotfile managers make.
            let after = String::from_utf8_lossy(&change.after);
            let line = after.lines().next().unwrap_or_default().to_string();
            err.hint(format!("add this line at the top of it yourself: {line}"))
        })?;
    }
    let count = match entries.len() {
        1 => "1 devserver".to_string(),
        n => format!("{n} devservers"),
    };
    let place = place(scope);
    if changes.is_empty() {
        printer.info(&format!(
            "nothing to change: the entries of {count} in {place} are up to date"
        ));
        return Ok(0);
    }
    let written: Vec<String> = changes
        .iter()
        .filter(|c| c.path != places.user_config)
        .map(|c| c.path.display().to_string())
        .collect();
    if !written.is_empty() {
        printer.info(&format!(
            "wrote the entries of {count} in {place} (context {}): {}",
            scope.context,
            written.join(", ")
        ));
    }
    if changes.iter().any(|c| c.path == places.user_config) {
        printer.info(&format!(
            "added an Include of {} at the top of {}",
            places.devctl_config.display(),
            places.user_config.display()
        ));
    }
    Ok(0)
}

/// The files `--write` would change, in the order to write them; a warning for each host name
/// that devctl's file would give more than one devserver.
fn plan(
    places: &Places,
    scope: &Scope,
    entries: &[Entry],
    setup: &Setup,
    printer: &Printer,
) -> Result<Vec<Change>> {
    let by_namespace = entries
        .chunk_by(|a, b| a.namespace == b.namespace)
        .map(|of_namespace| {
            Ok(Section {
                context: scope.context.clone(),
                namespace: of_namespace[0].namespace.clone(),
                body: config::blocks(of_namespace, setup).map_err(unsayable)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;

    let known_before = read(&places.known_hosts)?;
    let known_after = known_hosts::merge(&text_of(&known_before), scope, entries);
    let devctl_before = read(&places.devctl_config)?;
    let devctl_after = config::merge(&text_of(&devctl_before), scope, by_namespace);
    let shown = places.devctl_config.display().to_string();
    warn_of_shared_names(printer, &devctl_after, &shown);
    let user_before = read(&places.user_config)?;
    let user_after = config::with_include(
        user_before.as_deref().unwrap_or_default(),
        &places.devctl_config,
        &places.home,
    )
    .map_err(unsayable)?;

    let mut changes = Vec::new();
    let mut change = |path: &Path, before: Option<Vec<u8>>, after: Vec<u8>| {
        if before.as_deref() != Some(after.as_slice()) {
            changes.push(Change {
                path: path.to_path_buf(),
                before,
                after,
            });
        }
    };
    change(&places.known_hosts, known_before, known_after.into_bytes());
    change(
        &places.devctl_config,
        devctl_before,
        devctl_after.into_bytes(),
    );
    if let Some(after) = user_after {
        change(&places.user_config, user_before, after);
    }
    Ok(changes)
}

/// A file's bytes, `None` when it does not exist.
fn read(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::general(format!(
            "cannot read {}: {e}",
            path.display()
        ))),
    }
}

fn text_of(bytes: &Option<Vec<u8>>) -> String {
    String::from_utf8_lossy(bytes.as_deref().unwrap_or_default()).into_owned()
}

/// A change as a unified diff, `--- PATH` (or `/dev/null` for a new file) and `+++ PATH`.
fn diff(change: &Change) -> String {
    let before = text_of(&change.before);
    let after = String::from_utf8_lossy(&change.after);
    let path = change.path.display().to_string();
    let old = match change.before {
        Some(_) => path.as_str(),
        None => "/dev/null",
    };
    similar::TextDiff::from_lines(before.as_str(), &after)
        .unified_diff()
        .missing_newline_hint(true)
        .header(old, &path)
        .to_string()
}

/// Holds an exclusive lock on `path` until the file is dropped.
fn lock(path: &Path) -> Result<std::fs::File> {
    let failed = |e: std::io::Error| Error::general(format!("cannot lock {}: {e}", path.display()));
    // Not truncated: a lock taken again leaves the file as it was.
    let file = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(false)
        .open(path)
        .map_err(failed)?;
    file.lock().map_err(failed)?;
    Ok(file)
}

/// Makes `dir` (and what is missing above it) readable by its owner only, as ssh wants
/// `~/.ssh`; one that exists is left as it is.
fn make_private_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| Error::general(format!("cannot create {}: {e}", dir.display())))
}

fn warn_of_shared_names(printer: &Printer, text: &str, where_: &str) {
    for name in config::shared_host_names(text) {
        printer.warn(&format!(
            "{name} names devservers of more than one namespace or context; ssh takes the first in {where_}"
        ));
    }
}

fn unsayable(err: Unsayable) -> Error {
    let hint = match err.what.as_str() {
        "context" => "rename the context: kubectl config rename-context OLD NEW",
        "identity file" => "pass another key file with -i",
        _ => "move it to a path of plain characters",
    };
    Error::general(err.to_string()).hint(hint)
}

/// The keys for ssh to offer: `-i` files, else the private key of the public key that create
/// authorizes by default (the ssh-key setting, else the user's default key, else devctl's
/// own pair); none when there is none of them yet.
fn identities(given: &[PathBuf], settings: &Settings, places: &Places) -> Result<Vec<PathBuf>> {
    if !given.is_empty() {
        return given
            .iter()
            .map(|path| {
                let path = absolute(path);
                if path.is_file() {
                    Ok(path)
                } else {
                    Err(Error::usage(format!(
                        "identity file {} does not exist",
                        path.display()
                    )))
                }
            })
            .collect();
    }
    let public = match settings.get("ssh-key") {
        Some(path) => Some(absolute(Path::new(path))),
        None => keys::existing_default_key(&places.home, &places.data)?.map(|(_, path)| path),
    };
    Ok(public.map(|p| vec![private_of(&p)]).unwrap_or_default())
}

/// The private key beside a `.pub` file; the public file itself when there is none, for ssh
/// then finds the private key in the agent.
fn private_of(public: &Path) -> PathBuf {
    match public.to_str().and_then(|p| p.strip_suffix(".pub")) {
        Some(private) if Path::new(private).is_file() => PathBuf::from(private),
        _ => public.to_path_buf(),
    }
}

/// `path` from the home directory (`~/...`) or the current one.
fn absolute(path: &Path) -> PathBuf {
    if let (Ok(rest), Some(dirs)) = (path.strip_prefix("~"), directories::BaseDirs::new()) {
        return dirs.home_dir().join(rest);
    }
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The devctl the ProxyCommand runs: this binary, by the name it was started as when that is
/// the same file (a package manager's `bin/devctl` link outlives the versioned file it points
/// at), else by its own path.
fn devctl_path() -> Result<PathBuf> {
    let exe = std::env::current_exe()
        .map_err(|e| Error::general(format!("cannot tell where devctl is: {e}")))?;
    let started_as = std::env::args_os().next().map(PathBuf::from);
    let found = started_as.and_then(|arg0| {
        if arg0.components().count() > 1 {
            return Some(absolute(&arg0));
        }
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .map(|dir| dir.join(&arg0))
            .find(|p| p.is_file())
            .map(|p| absolute(&p))
    });
    let same_file = |a: &Path| {
        let canonical = |p: &Path| std::fs::canonicalize(p).ok();
        canonical(a).is_some() && canonical(a) == canonical(&exe)
    };
    Ok(match found {
        Some(path) if same_file(&path) => path,
        _ => exe,
    })
}
