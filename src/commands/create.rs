//! `devctl create [NAME]`: read and check every input, ask the cluster who the user is and
//! which flavors it has (one wave), create the StatefulSet, then its Secret, ConfigMap and
//! Services at once with owner references to it; if any step fails, delete what was made.
//! `--wait` follows the pod with one watch until sshd is ready.

use std::collections::BTreeMap;
use std::path::PathBuf;

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{ConfigMap, PersistentVolumeClaim, Secret, Service};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::OwnerReference;
use kube::api::{Api, DeleteParams, PostParams};
use serde_json::Value;

use super::{Context, ExitStatus};
use crate::cli::CreateArgs;
use crate::cluster::{Cluster, devservers};
use crate::devserver::manifests::{self, HostKey, Spec, VolumeMount};
use crate::devserver::{duration, flavor, input};
use crate::error::{Error, Kind, Result};
use crate::output::{Format, Printer};
use crate::settings::{Settings, Source};
use crate::ssh::keys;

const STARTUP_SCRIPT: &str = include_str!("../devserver/startup.sh");
const SSHD_CONFIG: &str = include_str!("../devserver/sshd_config");
const MOTD: &str = include_str!("../devserver/motd");
const DEFAULT_IMAGE: &str = "ubuntu:22.04";

/// Everything read from flags, the file and the settings, checked, before any API call.
struct Input {
    name: Option<String>,
    owner: Option<String>,
    flavor: Option<String>,
    image: Option<String>,
    ttl: String,
    keys: Vec<String>,
    home: Option<String>,
    volumes: Vec<VolumeMount>,
    env: Vec<(String, String)>,
    overrides: BTreeMap<String, String>,
    unknown_gpu: Option<String>,
    node_port: Option<Option<u16>>,
    ports: Vec<u16>,
}

fn usage(msg: String) -> Error {
    Error::usage(msg)
}

fn read_input(args: &CreateArgs, settings: &Settings) -> Result<Input> {
    let file = match &args.file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
            Some(
                input::parse_devserver_file(&text)
                    .map_err(|e| usage(format!("{}: {e}", path.display())))?,
            )
        }
        None => None,
    };
    let spec = file.as_ref().map(|f| &f.spec);
    let name = args
        .name
        .clone()
        .or_else(|| file.as_ref().map(|f| f.metadata.name.clone()));
    if let Some(name) = &name {
        input::check_name(name).map_err(usage)?;
    }
    let ttl = args
        .ttl
        .clone()
        .or_else(|| {
            spec.and_then(|s| s.lifecycle.as_ref())
                .and_then(|l| l.time_to_live.clone())
        })
        .or_else(|| settings.get("ttl").map(str::to_string))
        .unwrap_or_else(|| "8h".into());
    duration::parse(&ttl).map_err(|e| usage(format!("--ttl: {e}")))?;
    let volumes = args
        .volumes
        .iter()
        .map(|v| VolumeMount::parse(v).map_err(usage))
        .collect::<Result<Vec<_>>>()?;
    let mut env = Vec::new();
    if let Some(path) = &args.env_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| usage(format!("cannot read {}: {e}", path.display())))?;
        env.extend(
            input::parse_env_file(&text).map_err(|e| usage(format!("{}: {e}", path.display())))?,
        );
    }
    for line in &args.env {
        env.push(input::parse_env(line).map_err(usage)?);
    }
    let mut overrides = BTreeMap::new();
    for (flag, resource, value) in [
        ("--cpu", "cpu", &args.cpu),
        ("--memory", "memory", &args.memory),
    ] {
        if let Some(q) = value {
            input::check_quantity(flag, q).map_err(usage)?;
            overrides.insert(resource.to_string(), q.clone());
        }
    }
    let mut unknown_gpu = None;
    if let Some(gpu) = &args.gpu {
        let (resource, count, known) = input::parse_gpu(gpu).map_err(usage)?;
        if !known {
            unknown_gpu = Some(resource.clone());
        }
        overrides.insert(resource, count);
    }
    if let Some(home) = &args.home {
        input::check_quantity("--home", home).map_err(usage)?;
    }
    let node_port = args
        .expose_ssh
        .as_deref()
        .map(|e| input::parse_expose(e).map_err(usage))
        .transpose()?;
    let mut public_keys = Vec::new();
    for path in &args.ssh_keys {
        public_keys.push(keys::read_public_key(&expand_home(path))?);
    }
    if public_keys.is_empty() {
        if let Some(key) = spec
            .and_then(|s| s.ssh.as_ref())
            .and_then(|s| s.public_key.clone())
        {
            public_keys.push(key);
        } else if let Some(path) = settings.get("ssh-key") {
            public_keys.push(keys::read_public_key(&expand_home(&PathBuf::from(path)))?);
        } else {
            let home = directories::BaseDirs::new()
                .map(|d| d.home_dir().to_path_buf())
                .unwrap_or_else(|| PathBuf::from("."));
            let data = directories::ProjectDirs::from("", "", "devctl")
                .map(|d| d.data_dir().to_path_buf())
                .unwrap_or_else(|| home.join(".devctl"));
            public_keys.push(keys::default_public_key(&home, &data)?.0);
        }
    }
    // The image setting's built-in default must not beat a flavor's own image.
    let configured_image = settings
        .get("image")
        .filter(|_| settings.source("image") != Some(Source::Default))
        .map(str::to_string);
    Ok(Input {
        name,
        owner: spec.and_then(|s| s.owner.clone()),
        flavor: args
            .flavor
            .clone()
            .or_else(|| spec.and_then(|s| s.flavor.clone()))
            .or_else(|| settings.get("flavor").map(str::to_string)),
        image: args
            .image
            .clone()
            .or_else(|| spec.and_then(|s| s.image.clone()))
            .or(configured_image),
        ttl,
        keys: public_keys,
        home: args.home.clone(),
        volumes,
        env,
        overrides,
        unknown_gpu,
        node_port,
        ports: args.ports.clone(),
    })
}

fn expand_home(path: &std::path::Path) -> PathBuf {
    match (path.strip_prefix("~"), directories::BaseDirs::new()) {
        (Ok(rest), Some(dirs)) => dirs.home_dir().join(rest),
        _ => path.to_path_buf(),
    }
}

pub async fn run(ctx: &Context<'_>, args: CreateArgs) -> Result<ExitStatus> {
    let (settings, printer) = (ctx.settings()?, ctx.printer);
    let input = read_input(&args, settings)?;
    if args.offline {
        // No API call at all: built-in flavors, the namespace as configured.
        let wanted = input
            .flavor
            .clone()
            .ok_or_else(|| usage("--offline needs --flavor".into()))?;
        let flavors = flavor::builtin();
        let chosen = flavor::choose(&flavors, Some(&wanted))
            .map_err(usage)?
            .clone();
        let namespace = settings.get("namespace").unwrap_or("default").to_string();
        let owner = input
            .owner
            .clone()
            .or_else(|| settings.get("owner").map(str::to_string))
            .unwrap_or_else(local_user);
        let spec = build(&input, namespace, owner, chosen)?;
        return print_manifests(&spec, printer);
    }

    let cluster = ctx.cluster().await?;
    // Wave 1: identity, flavors, the claims to mount and (if needed) the nodes' resources.
    // A dry run asks only for the flavors: the owner then comes from the settings.
    let dry = args.dry_run;
    let claims =
        Api::<PersistentVolumeClaim>::namespaced(cluster.client.clone(), &cluster.namespace);
    let claim_checks = input.volumes.iter().filter(|_| !dry).map(|v| {
        let claims = claims.clone();
        async move { (v.claim.clone(), claims.get_opt(&v.claim).await) }
    });
    let (identity, flavors, claim_results, gpu_known) = tokio::join!(
        async {
            if dry {
                Ok(None)
            } else {
                devservers::whoami(cluster).await
            }
        },
        devservers::flavors(cluster),
        futures::future::join_all(claim_checks),
        advertised(cluster, input.unknown_gpu.as_deref().filter(|_| !dry)),
    );
    for (claim, found) in claim_results {
        match found {
            Ok(Some(_)) => {}
            Ok(None) => {
                return Err(Error::new(
                    Kind::NotFound,
                    format!(
                        "claim {claim:?} not found in namespace {}",
                        cluster.namespace
                    ),
                )
                .hint("--volume mounts an existing PersistentVolumeClaim: kubectl get pvc"));
            }
            Err(e) => return Err(cluster.error(e)),
        }
    }
    if let (Some(resource), false) = (&input.unknown_gpu, gpu_known?) {
        return Err(usage(format!(
            "no node advertises {resource:?}; known GPU resources: {}",
            flavor::GPU_RESOURCES.join(", ")
        )));
    }
    let (flavors, source) = flavors?;
    if source == devservers::FlavorSource::BuiltInForbidden {
        printer.warn("you may not read the cluster's DevServerFlavors; using the built-in flavors");
    }
    let chosen = flavor::choose(&flavors, input.flavor.as_deref())
        .map_err(usage)?
        .clone();
    let owner = input
        .owner
        .clone()
        .or(identity?.map(|(user, _)| user))
        .or_else(|| settings.get("owner").map(str::to_string))
        .unwrap_or_else(local_user);
    let spec = build(&input, cluster.namespace.clone(), owner, chosen)?;
    if args.dry_run {
        return print_manifests(&spec, printer);
    }

    if !args.wait {
        let spinner = printer.spinner(&format!("creating devserver {}", spec.name));
        let created = create(cluster, &spec, None).await;
        spinner.finish_and_clear();
        created?;
        printer.info(&format!(
            "devserver {} created in namespace {}",
            spec.name, spec.namespace
        ));
    } else {
        // The watch starts once the StatefulSet is made, not after the rest: one round trip
        // fewer for a distant cluster. It counts only pods of that StatefulSet (its uid),
        // never a still-terminating pod of an earlier devserver of this name. The create
        // always runs to its end (or its rollback).
        let (made, made_uid) = tokio::sync::oneshot::channel();
        let creating = create(cluster, &spec, Some(made));
        let waiting = async {
            // No uid: the StatefulSet was not made, and `creating` says why.
            let Ok(owner_uid) = made_uid.await else {
                return Ok(());
            };
            let target = crate::cluster::wait::ReadyTarget {
                name: spec.name.clone(),
                owner_uid,
                replaced_uid: None,
            };
            super::wait_until_ready(cluster, printer, &target, args.timeout).await
        };
        tokio::pin!(creating, waiting);
        let mut waited = None;
        let created = loop {
            tokio::select! {
                created = &mut creating => break created,
                done = &mut waiting, if waited.is_none() => waited = Some(done),
            }
        };
        created?;
        printer.info(&format!(
            "devserver {} created in namespace {}",
            spec.name, spec.namespace
        ));
        match waited {
            Some(done) => done?,
            None => waiting.await?,
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

fn local_user() -> String {
    std::env::var("USER")
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "dev".into())
}

/// Whether some node advertises `resource` (true when there is nothing to check, or when the
/// user may not list nodes: the scheduler will tell).
async fn advertised(cluster: &Cluster, resource: Option<&str>) -> Result<bool> {
    let Some(resource) = resource else {
        return Ok(true);
    };
    let nodes = Api::<k8s_openapi::api::core::v1::Node>::all(cluster.client.clone());
    match nodes.list(&Default::default()).await {
        Ok(list) => Ok(list.items.iter().any(|n| {
            n.status
                .as_ref()
                .and_then(|s| s.allocatable.as_ref())
                .is_some_and(|a| a.contains_key(resource))
        })),
        Err(kube::Error::Api(s)) if s.code == 403 => Ok(true),
        Err(e) => Err(cluster.error(e)),
    }
}

fn build(input: &Input, namespace: String, owner: String, flavor: flavor::Flavor) -> Result<Spec> {
    let name = match &input.name {
        Some(n) => n.clone(),
        None => {
            let n = input::default_name(&owner);
            input::check_name(&n).map_err(usage)?;
            n
        }
    };
    let ttl = duration::parse(&input.ttl).map_err(usage)?;
    let expires = k8s_openapi::jiff::Timestamp::now()
        .checked_add(k8s_openapi::jiff::SignedDuration::from_secs(
            ttl.as_secs() as i64
        ))
        .map_err(|e| usage(format!("--ttl: {e}")))?;
    let image = input
        .image
        .clone()
        .or_else(|| flavor.image.clone())
        .unwrap_or_else(|| DEFAULT_IMAGE.into());
    let host_key: HostKey = keys::host_key(&name)?;
    Ok(Spec {
        name,
        namespace,
        owner,
        flavor,
        image,
        ttl: input.ttl.clone(),
        expires_at: expires.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
        authorized_keys: input.keys.clone(),
        host_key,
        home: input.home.clone(),
        volumes: input.volumes.clone(),
        env: input.env.clone(),
        ports: input.ports.clone(),
        node_port: input.node_port,
        overrides: input.overrides.clone(),
        startup_script: STARTUP_SCRIPT.into(),
        sshd_config: SSHD_CONFIG.into(),
        motd: MOTD.into(),
    })
}

/// Every manifest, as `kubectl create --dry-run -o yaml` would print them: YAML documents
/// (the default) or one JSON `List`.
fn print_manifests(spec: &Spec, printer: &Printer) -> Result<ExitStatus> {
    let mut items: Vec<Value> = Vec::new();
    let to_value =
        |v: Result<Value, serde_json::Error>| v.map_err(|e| Error::general(e.to_string()));
    items.push(to_value(serde_json::to_value(manifests::statefulset(
        spec,
    )))?);
    items.push(to_value(serde_json::to_value(
        manifests::headless_service(spec),
    ))?);
    if let Some(svc) = manifests::nodeport_service(spec) {
        items.push(to_value(serde_json::to_value(svc))?);
    }
    items.push(to_value(serde_json::to_value(manifests::secret(spec)))?);
    items.push(to_value(serde_json::to_value(manifests::configmap(spec)))?);
    if printer.format == Format::Json {
        printer.structured(
            &serde_json::json!({ "apiVersion": "v1", "kind": "List", "items": items }),
        )?;
    } else {
        let mut out = String::new();
        for item in &items {
            out.push_str("---\n");
            out.push_str(
                &crate::output::yaml::to_string(item).map_err(|e| Error::general(e.to_string()))?,
            );
        }
        printer.out(&out);
    }
    Ok(0)
}

/// Creates the StatefulSet, then the rest at once; on any failure deletes what it made.
/// `made` gets the StatefulSet's uid as soon as it exists.
async fn create(
    cluster: &Cluster,
    spec: &Spec,
    made: Option<tokio::sync::oneshot::Sender<String>>,
) -> Result<()> {
    let ns = &cluster.namespace;
    let pp = PostParams::default();
    let sets = Api::<StatefulSet>::namespaced(cluster.client.clone(), ns);
    let set = match sets.create(&pp, &manifests::statefulset(spec)).await {
        Ok(set) => set,
        Err(kube::Error::Api(s)) if s.code == 409 => {
            return Err(Error::new(
                Kind::Conflict,
                format!("devserver {} already exists in namespace {ns}", spec.name),
            )
            .hint(format!(
                "pick another name, or delete it first: devctl delete {}",
                spec.name
            )));
        }
        Err(e) => return Err(cluster.error(e).prefix("creating the StatefulSet")),
    };
    let owner = OwnerReference {
        api_version: "apps/v1".into(),
        kind: "StatefulSet".into(),
        name: spec.name.clone(),
        uid: set.metadata.uid.clone().unwrap_or_default(),
        controller: Some(false),
        block_owner_deletion: Some(true),
    };
    if let Some(made) = made {
        // The waiter may have gone already; then nobody needs the uid.
        let _ = made.send(owner.uid.clone());
    }
    let own = |meta: &mut k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta| {
        meta.owner_references = Some(vec![owner.clone()]);
    };
    let mut secret = manifests::secret(spec);
    own(&mut secret.metadata);
    let mut config = manifests::configmap(spec);
    own(&mut config.metadata);
    let mut headless = manifests::headless_service(spec);
    own(&mut headless.metadata);
    let nodeport = manifests::nodeport_service(spec).map(|mut s| {
        own(&mut s.metadata);
        s
    });

    let secrets = Api::<Secret>::namespaced(cluster.client.clone(), ns);
    let configs = Api::<ConfigMap>::namespaced(cluster.client.clone(), ns);
    let services = Api::<Service>::namespaced(cluster.client.clone(), ns);
    let (r_secret, r_config, r_headless, r_nodeport) = tokio::join!(
        secrets.create(&pp, &secret),
        configs.create(&pp, &config),
        services.create(&pp, &headless),
        async {
            match &nodeport {
                Some(svc) => services.create(&pp, svc).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let failure = [
        ("the Secret", r_secret.as_ref().err()),
        ("the ConfigMap", r_config.as_ref().err()),
        ("the headless Service", r_headless.as_ref().err()),
        ("the NodePort Service", r_nodeport.as_ref().err()),
    ]
    .into_iter()
    .find_map(|(step, err)| err.map(|e| (step, e.to_string())));
    let Some((step, _)) = failure else {
        return Ok(());
    };

    // Roll back: the children by name (owner references would get them too, but not before
    // the garbage collector runs), then the StatefulSet.
    let dp = DeleteParams::background();
    let _ = tokio::join!(
        async {
            if r_secret.is_ok() {
                let _ = secrets
                    .delete(&manifests::secret_name(&spec.name), &dp)
                    .await;
            }
        },
        async {
            if r_config.is_ok() {
                let _ = configs
                    .delete(&manifests::configmap_name(&spec.name), &dp)
                    .await;
            }
        },
        async {
            if r_headless.is_ok() {
                let _ = services.delete(&spec.name, &dp).await;
            }
        },
        async {
            if matches!(r_nodeport, Ok(Some(_))) {
                let _ = services
                    .delete(&manifests::nodeport_name(&spec.name), &dp)
                    .await;
            }
        },
        async {
            let _ = sets.delete(&spec.name, &dp).await;
        },
    );
    let err = [
        r_secret.err(),
        r_config.err(),
        r_headless.err(),
        r_nodeport.err(),
    ]
    .into_iter()
    .flatten()
    .next()
    .map(|e| cluster.error(e))
    .unwrap_or_else(|| Error::general("unknown failure"));
    Err(err.prefix(&format!("creating {step} (nothing was left behind)")))
}
