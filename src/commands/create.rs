//! `devctl create [NAME]`, a straight line: read what the user asked for (flags, `-f` file,
//! settings) into a [`Request`]; ask the cluster, in one wave, what the spec depends on
//! (identity, flavors) and check what must exist (claims, GPU resources); resolve the
//! [`Spec`] and build its manifests (pure); print them for `--dry-run`, else create them all
//! or nothing; with `--wait`, follow the pod until sshd is ready.
//!
//! Ctrl-C or SIGTERM while the objects are being made rolls back what was made; during
//! `--wait` it leaves the devserver and says how to delete it. Exit 130 (SIGINT) or 143
//! (SIGTERM) then.
//!
//! `-o json` (not with `--dry-run`): `{"apiVersion": "devctl/v1", "kind": "DevServer",
//! "name", "namespace", "owner", "flavor", "image", "expiresAt"}`. `--dry-run -o json`
//! prints a `v1` `List` of the manifests, `--dry-run` alone YAML documents; Secret values
//! read `<redacted>` unless `--show-secrets`.

use std::path::{Path, PathBuf};

use super::{Context, ExitStatus};
use crate::cli::CreateArgs;
use crate::cluster::devservers;
use crate::cluster::wait::ReadyTarget;
use crate::devserver::flavor;
use crate::devserver::manifests::{self, Manifests};
use crate::devserver::owner::{self, OwnerSource};
use crate::devserver::quota;
use crate::devserver::request::{KeySource, Texts};
use crate::devserver::spec::{Facts, Request, Spec, SpecError};
use crate::error::{Error, Kind, Result};
use crate::interrupt;
use crate::output::{Format, Printer};
use crate::settings::Settings;
use crate::ssh::keys;

pub async fn run(ctx: &Context<'_>, args: CreateArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    if args.dry_run {
        // Manifests print as YAML documents (the default) or one JSON List.
        printer.accept(
            "create --dry-run",
            &[Format::Table, Format::Yaml, Format::Json],
        )?;
    } else {
        printer.accept(
            "create",
            &[Format::Table, Format::Json, Format::Yaml, Format::Name],
        )?;
    }
    let request = read_request(&args, ctx.settings()?)?;
    let namespace = namespace(ctx, &request)?;

    let (facts, nodes, quotas) = if args.offline {
        (offline_facts(ctx, &request, namespace)?, None, None)
    } else {
        let cluster = ctx.cluster().await?;
        // A dry run prints what create would make, so it resolves the owner and flavor the
        // same way; checking claims and GPU resources is create's alone.
        let checks = (!args.dry_run).then_some(&request);
        let (facts, source, nodes, quotas) = devservers::facts(cluster, namespace, checks).await?;
        if source == devservers::FlavorSource::BuiltInForbidden {
            printer.warn(
                "you may not read the cluster's DevServerFlavors; using the built-in flavors",
            );
        }
        (facts, nodes.ok(), quotas)
    };
    let (spec, owner_source) = Spec::resolve(&request, &facts, |name| {
        keys::host_key(name).map_err(|e| e.message)
    })
    .map_err(spec_error)?;
    if args.offline && owner_source != OwnerSource::Configured {
        printer.info(&format!(
            "owner {} ({}; --offline does not ask the cluster)",
            spec.owner,
            owner_source.describe()
        ));
    }
    let manifests = manifests::build(&spec);
    if args.dry_run {
        let shown = if args.show_secrets {
            manifests
        } else {
            manifests.redacted()
        };
        return print_manifests(&shown, printer);
    }

    if let Some(quotas) = &quotas {
        quota::check(quotas, &quota::demand(&manifests)).map_err(|e| quota_error(&e, &spec))?;
    }
    let cluster = ctx.cluster().await?;
    // The room check's pod lists run beside the create, not before it: no round trip more.
    let warning = async {
        if let Some(nodes) = &nodes {
            warn_if_it_fits_nowhere(cluster, printer, &manifests, nodes).await;
        }
    };
    tokio::pin!(warning);
    let mut warned = false;
    let interrupted = interrupt::listen()?;
    tokio::pin!(interrupted);
    // With --wait, the pod watch starts as soon as the StatefulSet exists, while the rest is
    // made: one round trip fewer to a distant cluster. It counts only that StatefulSet's pods
    // (its uid), never a terminating pod of an earlier devserver of the same name.
    let (made, made_uid) = tokio::sync::oneshot::channel();
    let waiting = async {
        // No uid: the StatefulSet was not made, and the create says why.
        let Ok((owner_uid, since)) = made_uid.await else {
            return Ok(());
        };
        let target = ReadyTarget {
            name: spec.name.clone(),
            namespace: spec.namespace.clone(),
            pods: ReadyTarget::all_pods(&spec.name, spec.nodes),
            owner_uid,
            replaced_uids: Vec::new(),
            since,
            until: crate::cluster::wait::Until::Ready,
        };
        super::wait_until_ready(cluster, printer, &target, args.timeout).await
    };
    tokio::pin!(waiting);
    let mut waited = None;
    let created = {
        // With --wait, the wait's spinner (from "scheduling" on) says what happens.
        let spinner = if args.wait {
            indicatif::ProgressBar::hidden()
        } else {
            printer.spinner(&format!("creating devserver {}", spec.name))
        };
        let creating = devservers::create(
            cluster,
            &manifests,
            args.wait.then_some(made),
            interrupted.as_mut(),
        );
        tokio::pin!(creating);
        // The create always runs to its end (or its rollback); the wait goes on beside it.
        let created = loop {
            tokio::select! {
                created = &mut creating => break created,
                done = &mut waiting, if args.wait && waited.is_none() => waited = Some(done),
                () = &mut warning, if !warned => warned = true,
            }
        };
        if !warned {
            warning.await;
        }
        spinner.finish_and_clear();
        created
    };
    created.map_err(|e| {
        super::create_error(
            e,
            &super::Making {
                noun: "devserver",
                owner: "StatefulSet",
                command: "devctl",
                name: &spec.name,
                ns: &spec.namespace,
            },
        )
    })?;
    printer.info(&format!(
        "devserver {} created in namespace {}",
        spec.name, spec.namespace
    ));

    if args.wait {
        let outcome = match waited {
            Some(done) => Ok(done),
            None => tokio::select! {
                done = &mut waiting => Ok(done),
                signal = interrupted.as_mut() => Err(signal),
            },
        };
        match outcome {
            // The wait's own errors say that the devserver was kept and how to delete it.
            Ok(done) => done?,
            Err(signal) => {
                return Err(Error::new(
                    Kind::Interrupted(signal),
                    format!(
                        "stopped waiting: devserver {} was created and is left as it is",
                        spec.name
                    ),
                )
                .hint(kept_hint(&spec)));
            }
        }
        printer.info(&format!(
            "devserver {} is ready (devctl describe {} shows how to reach it)",
            spec.name, spec.name
        ));
    }
    match printer.format {
        Format::Name => printer.out(&format!("devserver/{}\n", spec.name)),
        Format::Json | Format::Yaml => printer.structured(&serde_json::json!({
            "apiVersion": "devctl/v1", "kind": "DevServer",
            "name": spec.name, "namespace": spec.namespace, "owner": spec.owner,
            "flavor": spec.flavor.name, "image": spec.image, "expiresAt": spec.expires_at,
        }))?,
        _ => {}
    }
    Ok(0)
}

/// A quota the devserver would go over: refused as the API server's quota admission would
/// (exit 5), before anything is made.
fn quota_error(exceeded: &quota::Exceeded, spec: &Spec) -> Error {
    Error::new(
        Kind::Forbidden,
        format!(
            "devserver {} would exceed the quota of namespace {}: {exceeded}; nothing was created",
            spec.name, spec.namespace
        ),
    )
    .hint("devctl list shows your devservers: delete one (or stop it, for CPU, memory and GPUs), pick a smaller flavor, or ask a cluster admin to raise the quota")
}

/// The devserver exists but is not ready: say that it was kept and how to remove it.
fn kept_hint(spec: &Spec) -> String {
    format!(
        "devserver {name} was kept: devctl describe {name} shows its events; devctl delete {name} --yes -n {ns} removes it",
        name = spec.name,
        ns = spec.namespace
    )
}

/// Everything the user asked for: the files it names read here, the rest (which of flags,
/// file and settings wins, and every check) is the domain's; then the keys to authorize.
fn read_request(args: &CreateArgs, settings: &Settings) -> Result<Request> {
    let read = |path: &Option<PathBuf>| {
        path.as_ref()
            .map(|p| read_file(p).map(|text| (p.clone(), text)))
            .transpose()
    };
    let (file, env_file) = (read(&args.file)?, read(&args.env_file)?);
    let texts = Texts {
        file: file.as_ref().map(|(p, t)| (p.as_path(), t.as_str())),
        env_file: env_file.as_ref().map(|(p, t)| (p.as_path(), t.as_str())),
    };
    let (mut request, keys) = Request::from_inputs(args, &texts, settings).map_err(Error::usage)?;
    request.keys = public_keys(keys, args.dry_run)?;
    Ok(request)
}

fn read_file(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .map_err(|e| Error::usage(format!("cannot read {}: {e}", path.display())))
}

/// The keys to authorize from where the request says they come (each one checked); the
/// user's default key, else devctl's own pair (made on first use; a dry run makes nothing).
fn public_keys(source: KeySource, dry_run: bool) -> Result<Vec<String>> {
    match source {
        KeySource::Files(paths) => {
            return paths
                .iter()
                .map(|path| keys::read_public_key(&expand_home(path)))
                .collect();
        }
        KeySource::Inline(key) => {
            return Ok(vec![keys::check_public_key(&key, "spec.ssh.publicKey")?]);
        }
        KeySource::Setting(path) => return Ok(vec![keys::read_public_key(&expand_home(&path))?]),
        KeySource::Default => {}
    }
    let (home, data) = keys::dirs();
    if dry_run {
        // A dry run makes nothing, not even devctl's own key pair: it shows where that goes.
        return Ok(match keys::existing_default_key(&home, &data)? {
            Some((key, _)) => vec![key],
            None => vec![format!(
                "# the public key of the pair devctl makes on the first create: {}",
                data.join("id_ed25519.pub").display()
            )],
        });
    }
    Ok(vec![keys::default_public_key(&home, &data)?.0])
}

fn expand_home(path: &Path) -> PathBuf {
    keys::expand_home(&path.to_string_lossy(), &keys::dirs().0)
}

/// The namespace to create in: the `-f` file's, unless `-n` says another (an error naming
/// both); else the settings' (flag, env, config, context).
fn namespace<'a>(ctx: &'a Context<'_>, request: &'a Request) -> Result<Option<&'a str>> {
    let Some(from_file) = request.namespace.as_deref() else {
        return Ok(None);
    };
    match ctx.global.namespace.as_deref() {
        Some(flag) if flag != from_file => Err(Error::usage(format!(
            "the file says namespace {from_file:?} but -n says {flag:?}"
        ))
        .hint("drop -n, or change metadata.namespace in the file")),
        _ => Ok(Some(from_file)),
    }
}

/// `--offline`: no API call at all; built-in flavors, the namespace as configured (or as the
/// kubeconfig's context says).
fn offline_facts(ctx: &Context<'_>, request: &Request, namespace: Option<&str>) -> Result<Facts> {
    if request.flavor.is_none() {
        return Err(Error::usage("--offline needs --flavor")
            .hint("the default flavor is the cluster's to say; name one of the built-in ones"));
    }
    let settings = ctx.settings()?;
    // The namespace create would use: the kubeconfig's context says it when there is one
    // (finding it reads files only), else the settings, else default.
    let located = crate::cluster::locate(ctx.global, settings).ok();
    let namespace = match (namespace, located) {
        (Some(ns), _) => ns.to_string(),
        (None, Some(target)) => target.namespace,
        (None, None) => settings.get("namespace").unwrap_or("default").to_string(),
    };
    Ok(Facts {
        namespace,
        identity: None,
        local_user: owner::local_user(),
        flavors: flavor::builtin(),
        now: k8s_openapi::jiff::Timestamp::now(),
    })
}

/// Most nodes whose pods create reads, one list each, to tell whether one has room now.
const ROOM_CHECK_NODES: usize = 8;

/// Says at once when no node can take the devserver: the scheduler would only say so after a
/// while. First as the nodes are (selector, taints, allocatable); then, when only a few nodes
/// could take it (a GPU pool, say), with what the pods on those nodes already request, read
/// with one list per node. With many candidates whether there is room now is left to the
/// scheduler (`--wait` reports its verdict): that would mean reading every pod of the cluster.
async fn warn_if_it_fits_nowhere(
    cluster: &crate::cluster::Cluster,
    printer: &Printer,
    manifests: &Manifests,
    nodes: &[k8s_openapi::api::core::v1::Node],
) {
    use crate::devserver::schedule::{self, Hint, Wants};
    let Some(pod) = manifests
        .statefulset
        .spec
        .as_ref()
        .and_then(|s| s.template.spec.as_ref())
    else {
        return;
    };
    let wants = Wants::of_pod_spec(pod);
    let mut hint = schedule::hint(&wants, nodes, None);
    let candidates = schedule::candidates(&wants, nodes);
    let mut usage = None;
    if matches!(hint, Hint::Yes { .. }) && candidates.len() <= ROOM_CHECK_NODES {
        match crate::cluster::capacity::usage_on(cluster, &candidates).await {
            Ok(Some(read)) => {
                hint = schedule::hint(&wants, nodes, Some(&read));
                usage = Some(read);
            }
            Ok(None) => printer.debug(1, "may not list the pods on the nodes; room not checked"),
            Err(e) => printer.debug(1, &format!("room on the nodes not checked: {}", e.message)),
        }
    }
    if let (Hint::No { .. }, Some(why)) = (&hint, hint.why_not()) {
        printer.warn(&format!("no node can take this devserver now: {why}"));
        return;
    }
    // A multi-node devserver needs room for all its pods.
    let pods = manifests
        .statefulset
        .spec
        .as_ref()
        .and_then(|s| s.replicas)
        .and_then(|n| u64::try_from(n).ok())
        .unwrap_or(1);
    if pods > 1 && matches!(hint, Hint::Yes { .. }) {
        let fit = schedule::room(&wants, nodes, usage.as_ref());
        if fit < pods {
            printer.warn(&format!(
                "only {fit} of the {pods} pods of this devserver fit on the nodes now; the rest stay Pending until there is room"
            ));
        }
    }
}

fn spec_error(err: SpecError) -> Error {
    match err {
        SpecError::HostKey(_) => Error::general(err.to_string()),
        SpecError::Flavor(_) => {
            Error::usage(err.to_string()).hint("devctl flavors lists the cluster's flavors")
        }
        SpecError::MaxTtl(_, _, _, ref cap) => {
            let hint = format!("pass --ttl {cap} or less");
            Error::usage(err.to_string()).hint(hint)
        }
        _ => Error::usage(err.to_string()),
    }
}

/// Every manifest, as `kubectl create --dry-run -o yaml` would print them: YAML documents
/// (the default) or one JSON `List`.
fn print_manifests(manifests: &Manifests, printer: &Printer) -> Result<ExitStatus> {
    let items = manifests
        .to_values()
        .map_err(|e| Error::general(format!("cannot print the manifests: {e}")))?;
    super::print_objects(&items, printer)?;
    Ok(0)
}
