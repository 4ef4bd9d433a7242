//! What one job is (DESIGN §7): its names, labels and the layout of its results. A job `NAME`
//! is an Indexed `batch/v1` Job whose results are on one claim, `NAME-results`, that devctl
//! makes and the Job owns, so they outlive every pod: a job of one pod has its results at the
//! claim's root, each pod of a gang `NAME-I-xxxxx` in the claim's directory `I` (its `--results`
//! directory is that directory, mounted by `subPathExpr`). Pure: no I/O.

use std::collections::BTreeMap;

use k8s_openapi::ByteString;
use k8s_openapi::api::batch::v1::{Job, JobSpec as KubeJobSpec};
use k8s_openapi::api::core::v1::{
    ConfigMap, ConfigMapVolumeSource, Container, EnvVar, PersistentVolumeClaim,
    PersistentVolumeClaimSpec, PersistentVolumeClaimVolumeSource, Pod, PodSecurityContext, PodSpec,
    PodTemplateSpec, ResourceRequirements, Secret, Service, ServicePort, ServiceSpec, Volume,
    VolumeMount as ContainerMount, VolumeResourceRequirements,
};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, OwnerReference};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use k8s_openapi::jiff::Timestamp;

use super::flavor::{self, Flavor};
use super::manifests::{INSTANCE, MANAGED_BY, NAME_LABEL, OWNER, REDACTED, owner_label};
use super::owner::{self, OwnerSource};
use super::ranks::{self, IndexSource, Ranks};
use super::spec::{DEFAULT_IMAGE, VolumeMount};
use super::{duration, input, names};

/// `app.kubernetes.io/name` of a job's Job, pods, Secret, ConfigMap and Service.
pub const KIND_VALUE: &str = "devctl-job";
/// `app.kubernetes.io/name` of a job's results claims.
pub const RESULTS_KIND_VALUE: &str = "devctl-job-results";
/// `app.kubernetes.io/name` of the short-lived pods that read results back.
pub const READER_KIND_VALUE: &str = "devctl-job-reader";
/// The container that runs the command.
pub const CONTAINER: &str = "job";
/// The pod volume that holds the results directory; its claim is `NAME-results`.
pub const RESULTS_VOLUME: &str = "results";
/// Where the command writes its results unless `--results` says otherwise.
pub const DEFAULT_RESULTS_DIR: &str = "/results";
/// The label Kubernetes puts on every pod of an Indexed Job (1.28 and later).
pub const COMPLETION_INDEX_LABEL: &str = "batch.kubernetes.io/job-completion-index";
/// The same index as an annotation, on every version with Indexed Jobs.
pub const COMPLETION_INDEX_ANNOTATION: &str = "batch.kubernetes.io/job-completion-index";
/// The label Kubernetes puts on every pod of a Job: the Job's uid.
pub const CONTROLLER_UID_LABEL: &str = "batch.kubernetes.io/controller-uid";
/// Stamped on a results claim that `job delete --keep-results` keeps: the index it holds.
pub const KEPT_INDEX_LABEL: &str = "devserver.io/job-index";
/// Annotation on the Job (and on a kept results claim): the image the command ran.
pub const IMAGE_ANNOTATION: &str = "devserver.io/image";
/// Annotation on the Job: the results directory in the pods.
pub const RESULTS_ANNOTATION: &str = "devserver.io/results";
/// Annotation on the Job: how many pods run at once.
pub const NODES_ANNOTATION: &str = "devserver.io/nodes";

/// The labels of the job's own objects (Job, pod template, Secret, ConfigMap, Service).
pub fn labels(name: &str, owner: &str) -> BTreeMap<String, String> {
    labels_of(name, owner, KIND_VALUE)
}

/// The labels of its results claims.
pub fn results_labels(name: &str, owner: &str) -> BTreeMap<String, String> {
    labels_of(name, owner, RESULTS_KIND_VALUE)
}

/// The labels of the pods that read its results back.
pub fn reader_labels(name: &str, owner: &str) -> BTreeMap<String, String> {
    labels_of(name, owner, READER_KIND_VALUE)
}

fn labels_of(name: &str, owner: &str, kind: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (MANAGED_BY.to_string(), "devctl".to_string()),
        (NAME_LABEL.to_string(), kind.to_string()),
        (INSTANCE.to_string(), name.to_string()),
        (OWNER.to_string(), owner_label(owner)),
    ])
}

/// The label selector of the job's pods (never the reader's).
pub fn pod_selector(name: &str) -> String {
    format!("{INSTANCE}={name},{NAME_LABEL}={KIND_VALUE}")
}

/// The label selector of the job's results claims.
pub fn results_selector(name: &str) -> String {
    format!("{INSTANCE}={name},{NAME_LABEL}={RESULTS_KIND_VALUE}")
}

/// The claim Kubernetes made for pod `pod`'s results: jobs of several pods made by devctl
/// 0.x before their results moved to one claim had a generic ephemeral volume per pod.
pub fn results_claim_name(pod: &str) -> String {
    format!("{pod}-{RESULTS_VOLUME}")
}

/// The claim devctl makes for the results of a job, owned by the Job.
pub fn results_claim_of_job(name: &str) -> String {
    format!("{name}-{RESULTS_VOLUME}")
}

/// What each pod of a gang mounts of the results claim: the directory of its own index.
pub const RESULTS_SUB_PATH: &str = "$(JOB_COMPLETION_INDEX)";

/// Where one index's results are: a claim, and the directory on it (`None`: its root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsPlace {
    pub claim: String,
    pub dir: Option<String>,
}

fn template_pod(job: &Job) -> Option<&PodSpec> {
    job.spec.as_ref()?.template.spec.as_ref()
}

fn results_volume(job: &Job) -> Option<&Volume> {
    template_pod(job)?
        .volumes
        .as_ref()?
        .iter()
        .find(|v| v.name == RESULTS_VOLUME)
}

/// Whether the Job's pods have a results volume, as every job `devctl job run` makes has.
pub fn keeps_results(job: &Job) -> bool {
    results_volume(job).is_some()
}

/// The claim the Job's template mounts for results by name (every job devctl makes now).
pub fn job_results_claim(job: &Job) -> Option<String> {
    results_volume(job)?
        .persistent_volume_claim
        .as_ref()
        .map(|c| c.claim_name.clone())
}

/// Whether each pod mounts its own directory of the results claim (a gang).
fn per_index_dirs(job: &Job) -> bool {
    template_pod(job)
        .and_then(|p| p.containers.iter().find(|c| c.name == CONTAINER))
        .and_then(|c| c.volume_mounts.as_ref())
        .into_iter()
        .flatten()
        .any(|m| m.name == RESULTS_VOLUME && m.sub_path_expr.as_deref() == Some(RESULTS_SUB_PATH))
}

/// Where the results of `index` are, as the Job's template says. `pod` (that index's pod) is
/// needed only for a job of an older devctl, whose gang pods had a claim each.
pub fn results_place(job: &Job, index: u32, pod: Option<&Pod>) -> Option<ResultsPlace> {
    let volume = results_volume(job)?;
    match (&volume.persistent_volume_claim, &volume.ephemeral) {
        (Some(claim), _) => Some(ResultsPlace {
            claim: claim.claim_name.clone(),
            dir: per_index_dirs(job).then(|| index.to_string()),
        }),
        (None, Some(_)) => Some(ResultsPlace {
            claim: results_claim_name(pod?.metadata.name.as_deref()?),
            dir: None,
        }),
        (None, None) => None,
    }
}

/// The indexes a results claim holds once no Job says so (`job delete --keep-results`):
/// `0..N` in directories for a gang's claim (annotated with N), else the one index it is
/// labelled with, at its root.
pub fn kept_places(claim: &PersistentVolumeClaim) -> Vec<(u32, ResultsPlace)> {
    let meta = &claim.metadata;
    let name = meta.name.clone().unwrap_or_default();
    let nodes: Option<u32> = meta
        .annotations
        .as_ref()
        .and_then(|a| a.get(NODES_ANNOTATION))
        .and_then(|n| n.parse().ok())
        .filter(|n| *n > 1);
    match (nodes, kept_index(claim)) {
        (Some(n), _) => (0..n)
            .map(|i| {
                let place = ResultsPlace {
                    claim: name.clone(),
                    dir: Some(i.to_string()),
                };
                (i, place)
            })
            .collect(),
        (None, Some(i)) => vec![(
            i,
            ResultsPlace {
                claim: name,
                dir: None,
            },
        )],
        (None, None) => Vec::new(),
    }
}

pub fn env_secret_name(name: &str) -> String {
    format!("{name}-env")
}

pub fn configmap_name(name: &str) -> String {
    format!("{name}-config")
}

/// The claim made for the `i`th `--volume SIZE:/PATH`.
pub fn new_volume_claim_name(name: &str, i: usize) -> String {
    format!("{name}-vol-{i}")
}

/// Kueue's label that puts a Job in a LocalQueue.
pub const QUEUE_LABEL: &str = "kueue.x-k8s.io/queue-name";
/// Where `--config-file KEY=FILE` files are mounted.
pub const CONFIG_DIR: &str = "/devctl/config";
/// How long a finished job stays unless `--ttl` says otherwise.
pub const DEFAULT_TTL: &str = "24h";
/// What the API server takes in one ConfigMap.
pub const MAX_CONFIG_BYTES: usize = 1024 * 1024;

/// `--volume`: an existing claim, or a new one made with the job (and deleted with it).
#[derive(Debug, Clone, PartialEq)]
pub enum JobVolume {
    Existing(VolumeMount),
    New {
        size: String,
        path: String,
        access_mode: String,
    },
}

impl JobVolume {
    /// `CLAIM:/PATH[:ro]`, or `SIZE:/PATH[:rwo|rwx|rwop|rox]`. Claim names are lowercase and
    /// sizes end in an uppercase unit (`50Gi`, `2T`), so the two never meet.
    pub fn parse(text: &str) -> Result<JobVolume, String> {
        let (first, rest) = text.split_once(':').unwrap_or((text, ""));
        let is_size = first.starts_with(|c: char| c.is_ascii_digit())
            && first.ends_with(|c: char| c.is_ascii_uppercase() || c == 'i')
            && first.chars().any(|c| c.is_ascii_uppercase());
        if !is_size {
            return VolumeMount::parse(text)
                .map(JobVolume::Existing)
                .map_err(|e| {
                    format!("{e}, or SIZE:/path[:rwo|rwx|rwop] for a new claim (e.g. 50Gi:/data)")
                });
        }
        let bad = || {
            format!(
                "invalid volume {text:?}: expected SIZE:/path or SIZE:/path:MODE, MODE one of rwo, rwx, rwop, rox"
            )
        };
        input::check_quantity("--volume", first).map_err(|e| format!("{}: {e}", bad()))?;
        let mut parts = rest.split(':');
        let path = parts
            .next()
            .filter(|p| p.starts_with('/') && !p.contains(".."))
            .ok_or_else(bad)?;
        let access_mode = match parts.next() {
            None | Some("rwo") => "ReadWriteOnce",
            Some("rwx") => "ReadWriteMany",
            Some("rwop") => "ReadWriteOncePod",
            Some("rox") => "ReadOnlyMany",
            Some(_) => return Err(bad()),
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(JobVolume::New {
            size: first.into(),
            path: path.into(),
            access_mode: access_mode.into(),
        })
    }

    pub fn path(&self) -> &str {
        match self {
            JobVolume::Existing(v) => &v.path,
            JobVolume::New { path, .. } => path,
        }
    }
}

/// What `job run` was asked, parsed and checked before any API call. Its `Debug` shows the
/// keys of `secret_env` only.
#[derive(Clone)]
pub struct JobRequest {
    pub name: Option<String>,
    pub command: Vec<String>,
    pub owner: Option<String>,
    pub flavor: Option<String>,
    pub image: Option<String>,
    pub env: Vec<(String, String)>,
    pub secret_env: Vec<(String, String)>,
    /// `--config-file KEY=FILE`: the key and the file's bytes.
    pub config_files: Vec<(String, Vec<u8>)>,
    pub volumes: Vec<JobVolume>,
    pub run_as: Option<(i64, Option<i64>)>,
    pub fs_group: Option<i64>,
    pub ttl: String,
    pub ttl_seconds: i32,
    pub retries: i32,
    pub ranks: Ranks,
    pub queue: Option<String>,
    /// `--results`; `None` with `--no-results`: no results claim, nothing for `job results`.
    pub results_dir: Option<String>,
    pub results_size: String,
    /// `--results-class`: the results claim's StorageClass; `None`: the cluster's default.
    pub results_class: Option<String>,
    pub overrides: BTreeMap<String, String>,
    /// A `--gpu` resource outside the known list: the nodes must advertise it.
    pub unknown_gpu: Option<String>,
}

impl std::fmt::Debug for JobRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let keys: Vec<&str> = self.secret_env.iter().map(|(k, _)| k.as_str()).collect();
        f.debug_struct("JobRequest")
            .field("name", &self.name)
            .field("command", &self.command)
            .field("image", &self.image)
            .field("secret_env_keys", &keys)
            .finish_non_exhaustive()
    }
}

/// The flags of `job run` as plain values, so that the domain does not depend on clap.
pub struct RunInput<'a> {
    pub name: Option<&'a str>,
    pub command: &'a [String],
    pub owner: Option<&'a str>,
    pub flavor: Option<&'a str>,
    /// `--image`, else the image setting (not its built-in default).
    pub image: Option<&'a str>,
    pub env: &'a [String],
    /// The env file's name (for errors) and text.
    pub env_file: Option<(&'a str, &'a str)>,
    /// `KEY=FILE` as typed, and the file's bytes.
    pub config_files: &'a [(String, Vec<u8>)],
    pub volumes: &'a [String],
    pub user: Option<&'a str>,
    pub fs_group: Option<u32>,
    pub ttl: &'a str,
    pub retries: u32,
    pub ranks: Ranks,
    pub queue: Option<&'a str>,
    /// `None`: `--no-results`.
    pub results_dir: Option<&'a str>,
    pub results_size: &'a str,
    pub results_class: Option<&'a str>,
    pub cpu: Option<&'a str>,
    pub memory: Option<&'a str>,
    pub gpu: Option<&'a str>,
}

impl JobRequest {
    /// Checks every input; an error is one line for the user to fix.
    pub fn parse(input: &RunInput<'_>) -> Result<JobRequest, String> {
        if input.command.is_empty() {
            return Err("a command is missing: give it after --, e.g. devctl job run --image python:3.12 -- python train.py".into());
        }
        if let Some(name) = input.name {
            check_name(name)?;
        }
        let env = input
            .env
            .iter()
            .map(|line| input::parse_env(line))
            .collect::<Result<Vec<_>, _>>()?;
        // Kubernetes takes JOB_COMPLETION_INDEX from the container when it is there, and every
        // pod's results directory is named by it; the others are devctl's to set.
        let ranks_env = ranks::single(input.ranks);
        for (key, _) in &env {
            let reserved = key == "JOB_COMPLETION_INDEX"
                || key.starts_with("DEVCTL_")
                || ranks_env.iter().any(|v| v.name == *key);
            if reserved {
                return Err(format!(
                    "-e {key}: devctl sets {key} in every pod of a job (the ranks come from --nodes, --procs-per-node and --master-port)"
                ));
            }
        }
        if let Some(class) = input.results_class {
            names::check_subdomain("--results-class", class)?;
        }
        let secret_env = match input.env_file {
            Some((path, text)) => {
                input::parse_env_file(text).map_err(|e| format!("{path}: {e}"))?
            }
            None => Vec::new(),
        };
        let mut config_files = Vec::new();
        let mut total = 0;
        for (typed, bytes) in input.config_files {
            let key = typed.split_once('=').map(|(k, _)| k).unwrap_or(typed);
            check_config_key(key)?;
            if config_files
                .iter()
                .any(|(k, _): &(String, Vec<u8>)| k == key)
            {
                return Err(format!("--config-file {key}: given twice"));
            }
            total += bytes.len();
            config_files.push((key.to_string(), bytes.clone()));
        }
        if total > MAX_CONFIG_BYTES {
            return Err(format!(
                "--config-file: the files hold {total} bytes, more than the 1 MiB a ConfigMap takes; put large inputs on a --volume"
            ));
        }
        let gang = input.ranks.nodes > 1;
        let mut volumes = Vec::new();
        for typed in input.volumes {
            let mut volume = JobVolume::parse(typed)?;
            // N pods on N nodes cannot share a claim only one node may mount: a new claim of a
            // gang is ReadWriteMany unless told otherwise, and never ReadWriteOnce.
            if let (true, JobVolume::New { access_mode, .. }) = (gang, &mut volume) {
                let explicit = typed.matches(':').count() == 2;
                if !explicit {
                    *access_mode = "ReadWriteMany".into();
                } else if access_mode.starts_with("ReadWriteOnce") {
                    return Err(format!(
                        "--volume {typed}: the {} pods of --nodes {} run on different nodes, which cannot share a {access_mode} claim; use rwx (the default with --nodes) or rox",
                        input.ranks.nodes, input.ranks.nodes
                    ));
                }
            }
            volumes.push(volume);
        }
        if gang && input.retries > 0 {
            return Err(format!(
                "--retries with --nodes {}: a retry would restart one pod of a running gang while the others wait for it; a failing pod fails the whole job (run it again, or use --nodes 1)",
                input.ranks.nodes
            ));
        }
        let results_dir = input.results_dir.map(check_results_dir).transpose()?;
        let mut paths: Vec<&str> = volumes.iter().map(JobVolume::path).collect();
        paths.extend(results_dir.as_deref());
        if !config_files.is_empty() {
            paths.push(CONFIG_DIR);
        }
        for (i, path) in paths.iter().enumerate() {
            if paths[..i].contains(path) {
                return Err(format!("{path} is mounted twice (--volume, --results)"));
            }
        }
        input::check_quantity("--results-size", input.results_size)?;
        let run_as = input.user.map(parse_user).transpose()?;
        let lifetime = duration::parse(input.ttl).map_err(|e| format!("--ttl: {e}"))?;
        let ttl_seconds = i32::try_from(lifetime.as_secs())
            .map_err(|_| format!("--ttl {}: too long", input.ttl))?;
        let retries =
            i32::try_from(input.retries).map_err(|_| "--retries: too many".to_string())?;
        if let Some(queue) = input.queue {
            names::check_label("queue name", queue, 63)?;
        }
        let (overrides, unknown_gpu) =
            input::resource_overrides(input.cpu, input.memory, input.gpu)?;
        Ok(JobRequest {
            name: input.name.map(str::to_string),
            command: input.command.to_vec(),
            owner: input.owner.map(str::to_string),
            flavor: input.flavor.map(str::to_string),
            image: input.image.map(str::to_string),
            env,
            secret_env,
            config_files,
            volumes,
            run_as,
            fs_group: input.fs_group.map(i64::from),
            ttl: input.ttl.to_string(),
            ttl_seconds,
            retries,
            ranks: input.ranks,
            queue: input.queue.map(str::to_string),
            results_dir,
            results_size: input.results_size.to_string(),
            results_class: input.results_class.map(str::to_string),
            overrides,
            unknown_gpu,
        })
    }
}

/// A job's name names its Service and its pods' host names (`NAME-I`).
pub fn check_name(name: &str) -> Result<(), String> {
    names::check_dns1035_label("job name", name, input::MAX_NAME)
}

/// `<user>-job-<id>` from an owner such as `alice@example.com` (`job-<user>-<id>` when the
/// user starts with a digit); `id` is the caller's randomness.
pub fn default_name(owner: &str, id: &str) -> String {
    let user = input::user_of(owner, input::MAX_NAME - 6 - id.len());
    if user.is_empty() {
        format!("job-{id}")
    } else if user.starts_with(|c: char| c.is_ascii_digit()) {
        format!("job-{user}-{id}")
    } else {
        format!("{user}-job-{id}")
    }
}

/// A ConfigMap key that is also a plain file name.
fn check_config_key(key: &str) -> Result<(), String> {
    let ok = !key.is_empty()
        && key.len() <= 253
        && key != "."
        && key != ".."
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._".contains(c));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "invalid --config-file key {key:?}: expected KEY=FILE, KEY of letters, digits, '-', '_' and '.'"
        ))
    }
}

/// An absolute directory that is not `/` and has no `..`.
fn check_results_dir(dir: &str) -> Result<String, String> {
    let trimmed = dir.trim_end_matches('/');
    if !dir.starts_with('/')
        || trimmed.is_empty()
        || dir.split('/').any(|p| p == "..")
        || dir.chars().any(char::is_control)
    {
        return Err(format!(
            "invalid --results {dir:?}: expected an absolute directory other than /, e.g. /results"
        ));
    }
    Ok(trimmed.to_string())
}

/// `UID` or `UID:GID`.
fn parse_user(text: &str) -> Result<(i64, Option<i64>), String> {
    let bad = || format!("invalid --user {text:?}: expected UID or UID:GID, e.g. 1000:1000");
    let id = |t: &str| t.parse::<u32>().map(i64::from).map_err(|_| bad());
    match text.split_once(':') {
        Some((uid, gid)) => Ok((id(uid)?, Some(id(gid)?))),
        None => Ok((id(text)?, None)),
    }
}

/// What the cluster says the job depends on.
#[derive(Debug, Clone)]
pub struct JobFacts {
    pub namespace: String,
    pub identity: Option<String>,
    pub local_user: Option<String>,
    pub flavors: Vec<Flavor>,
}

/// Everything that decides what a job looks like.
#[derive(Clone)]
pub struct JobSpec {
    pub name: String,
    pub namespace: String,
    pub owner: String,
    pub flavor: Flavor,
    pub image: String,
    pub request: JobRequest,
}

impl std::fmt::Debug for JobSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JobSpec")
            .field("name", &self.name)
            .field("namespace", &self.namespace)
            .field("owner", &self.owner)
            .field("flavor", &self.flavor.name)
            .field("image", &self.image)
            .field("request", &self.request)
            .finish()
    }
}

impl JobSpec {
    /// The job `request` asks for; `id` names it when the request does not.
    pub fn resolve(
        request: &JobRequest,
        facts: &JobFacts,
        id: &str,
    ) -> Result<(JobSpec, OwnerSource), String> {
        let (owner, source) = owner::resolve(
            request.owner.as_deref(),
            facts.identity.as_deref(),
            facts.local_user.as_deref(),
        );
        let name = match &request.name {
            Some(name) => name.clone(),
            None => default_name(&owner, id),
        };
        check_name(&name)?;
        let flavor = flavor::choose(&facts.flavors, request.flavor.as_deref())?.clone();
        let image = request
            .image
            .clone()
            .or_else(|| flavor.image.clone())
            .unwrap_or_else(|| DEFAULT_IMAGE.into());
        Ok((
            JobSpec {
                name,
                namespace: facts.namespace.clone(),
                owner,
                flavor,
                image,
                request: request.clone(),
            },
            source,
        ))
    }

    fn meta(&self, name: String) -> ObjectMeta {
        ObjectMeta {
            name: Some(name),
            namespace: Some(self.namespace.clone()),
            labels: Some(labels(&self.name, &self.owner)),
            ..ObjectMeta::default()
        }
    }
}

/// Every object of one job. The Job goes first (suspended); the rest name it as their owner
/// once its uid is known. Its `Debug` names the objects only.
#[derive(Clone)]
pub struct JobManifests {
    pub job: Job,
    pub service: Option<Service>,
    pub env_secret: Option<Secret>,
    pub configmap: Option<ConfigMap>,
    pub claims: Vec<PersistentVolumeClaim>,
}

impl std::fmt::Debug for JobManifests {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = |m: &ObjectMeta| m.name.clone().unwrap_or_default();
        f.debug_struct("JobManifests")
            .field("job", &name(&self.job.metadata))
            .field("service", &self.service.as_ref().map(|s| name(&s.metadata)))
            .field(
                "env_secret",
                &self.env_secret.as_ref().map(|s| name(&s.metadata)),
            )
            .field(
                "configmap",
                &self.configmap.as_ref().map(|c| name(&c.metadata)),
            )
            .field(
                "claims",
                &self
                    .claims
                    .iter()
                    .map(|c| name(&c.metadata))
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl JobManifests {
    /// Makes the created Job the owner of every other object.
    pub fn owned_by(&mut self, owner: OwnerReference) {
        let metas = self
            .service
            .iter_mut()
            .map(|s| &mut s.metadata)
            .chain(self.env_secret.iter_mut().map(|s| &mut s.metadata))
            .chain(self.configmap.iter_mut().map(|c| &mut c.metadata))
            .chain(self.claims.iter_mut().map(|c| &mut c.metadata));
        for meta in metas {
            meta.owner_references = Some(vec![owner.clone()]);
        }
    }

    /// The same objects with every Secret value replaced by [`REDACTED`].
    pub fn redacted(&self) -> JobManifests {
        let mut copy = self.clone();
        if let Some(secret) = copy.env_secret.as_mut() {
            for value in secret.string_data.iter_mut().flat_map(|d| d.values_mut()) {
                *value = REDACTED.to_string();
            }
            secret.data = None;
        }
        copy
    }

    /// Every object in the order `job run` sends them, as JSON values for printing.
    pub fn to_values(&self) -> Result<Vec<serde_json::Value>, serde_json::Error> {
        let mut values = vec![serde_json::to_value(&self.job)?];
        if let Some(service) = &self.service {
            values.push(serde_json::to_value(service)?);
        }
        if let Some(secret) = &self.env_secret {
            values.push(serde_json::to_value(secret)?);
        }
        if let Some(config) = &self.configmap {
            values.push(serde_json::to_value(config)?);
        }
        for claim in &self.claims {
            values.push(serde_json::to_value(claim)?);
        }
        Ok(values)
    }
}

fn quantities(map: &BTreeMap<String, String>) -> BTreeMap<String, Quantity> {
    map.iter()
        .map(|(k, v)| (k.clone(), Quantity(v.clone())))
        .collect()
}

fn storage(size: &str) -> VolumeResourceRequirements {
    VolumeResourceRequirements {
        requests: Some(BTreeMap::from([(
            "storage".to_string(),
            Quantity(size.to_string()),
        )])),
        limits: None,
    }
}

/// Every manifest of the job `spec` describes.
pub fn build(spec: &JobSpec) -> JobManifests {
    let request = &spec.request;
    let nodes = request.ranks.nodes;
    let service = (nodes > 1).then(|| headless_service(spec));
    let env_secret = (!request.secret_env.is_empty()).then(|| Secret {
        metadata: spec.meta(env_secret_name(&spec.name)),
        string_data: Some(request.secret_env.iter().cloned().collect()),
        type_: Some("Opaque".into()),
        ..Secret::default()
    });
    let configmap = (!request.config_files.is_empty()).then(|| {
        // Text stays readable in `data`; anything else goes byte for byte in `binaryData`.
        let (mut data, mut binary) = (BTreeMap::new(), BTreeMap::new());
        for (key, bytes) in &request.config_files {
            match std::str::from_utf8(bytes) {
                Ok(text) => {
                    data.insert(key.clone(), text.to_string());
                }
                Err(_) => {
                    binary.insert(key.clone(), ByteString(bytes.clone()));
                }
            }
        }
        ConfigMap {
            metadata: spec.meta(configmap_name(&spec.name)),
            data: (!data.is_empty()).then_some(data),
            binary_data: (!binary.is_empty()).then_some(binary),
            ..ConfigMap::default()
        }
    });
    let claims = (request.results_dir.is_some().then(|| results_claim(spec)))
        .into_iter()
        .chain(
            request
                .volumes
                .iter()
                .enumerate()
                .filter_map(|(i, v)| match v {
                    JobVolume::New {
                        size, access_mode, ..
                    } => Some(PersistentVolumeClaim {
                        metadata: spec.meta(new_volume_claim_name(&spec.name, i)),
                        spec: Some(PersistentVolumeClaimSpec {
                            access_modes: Some(vec![access_mode.clone()]),
                            resources: Some(storage(size)),
                            ..PersistentVolumeClaimSpec::default()
                        }),
                        status: None,
                    }),
                    JobVolume::Existing(_) => None,
                }),
        )
        .collect();
    JobManifests {
        job: job(spec),
        service,
        env_secret,
        configmap,
        claims,
    }
}

/// The results claim, made by devctl and owned by the Job, so the results outlive every pod
/// (the others of a failed gang, which the Job controller stops; pods whose node an autoscaler
/// removes). One pod: index 0's at its root. A gang: the claim is shared (ReadWriteMany), each
/// pod's `--results` is its index's directory, and it is sized for all of them.
fn results_claim(spec: &JobSpec) -> PersistentVolumeClaim {
    let request = &spec.request;
    let nodes = request.ranks.nodes;
    let mut labels = results_labels(&spec.name, &spec.owner);
    let mut annotations = BTreeMap::new();
    if nodes == 1 {
        labels.insert(KEPT_INDEX_LABEL.into(), "0".into());
    } else {
        annotations.insert(NODES_ANNOTATION.to_string(), nodes.to_string());
    }
    let access = if nodes == 1 {
        "ReadWriteOnce"
    } else {
        "ReadWriteMany"
    };
    PersistentVolumeClaim {
        metadata: ObjectMeta {
            labels: Some(labels),
            annotations: (!annotations.is_empty()).then_some(annotations),
            ..spec.meta(results_claim_of_job(&spec.name))
        },
        spec: Some(PersistentVolumeClaimSpec {
            access_modes: Some(vec![access.into()]),
            resources: Some(storage(&times(&request.results_size, nodes))),
            storage_class_name: request.results_class.clone(),
            ..PersistentVolumeClaimSpec::default()
        }),
        status: None,
    }
}

/// `size` (a checked quantity) `n` times: `10Gi` twice is `20Gi`; a fraction is written in bytes.
fn times(size: &str, n: u32) -> String {
    if n == 1 {
        return size.to_string();
    }
    let digits = size
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(size.len());
    let (number, unit) = size.split_at(digits);
    match number.parse::<u64>() {
        Ok(number) if !unit.starts_with(['.', 'e', 'E']) => {
            format!("{}{unit}", number.saturating_mul(u64::from(n)))
        }
        _ => {
            let each = super::quantity::Milli::parse(size).unwrap_or_default();
            super::quantity::Milli(each.0.saturating_mul(i128::from(n))).to_string()
        }
    }
}

/// The Job: Indexed always (so every pod has an index, a stable host name and its own
/// results directory), suspended until what it mounts exists.
pub fn job(spec: &JobSpec) -> Job {
    let request = &spec.request;
    let nodes = request.ranks.nodes;
    let mut requests = spec.flavor.resources.requests.clone();
    let mut limits = spec.flavor.resources.limits.clone();
    for (resource, quantity) in &request.overrides {
        requests.insert(resource.clone(), quantity.clone());
        limits.insert(resource.clone(), quantity.clone());
    }
    let mut mounts = Vec::new();
    let mut volumes = Vec::new();
    if let Some(dir) = &request.results_dir {
        mounts.push(ContainerMount {
            name: RESULTS_VOLUME.into(),
            mount_path: dir.clone(),
            sub_path_expr: (nodes > 1).then(|| RESULTS_SUB_PATH.to_string()),
            ..ContainerMount::default()
        });
        volumes.push(Volume {
            name: RESULTS_VOLUME.into(),
            persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
                claim_name: results_claim_of_job(&spec.name),
                read_only: None,
            }),
            ..Volume::default()
        });
    }
    if !request.config_files.is_empty() {
        mounts.push(ContainerMount {
            name: "config".into(),
            mount_path: CONFIG_DIR.into(),
            read_only: Some(true),
            ..ContainerMount::default()
        });
        volumes.push(Volume {
            name: "config".into(),
            config_map: Some(ConfigMapVolumeSource {
                name: configmap_name(&spec.name),
                default_mode: Some(0o444),
                ..ConfigMapVolumeSource::default()
            }),
            ..Volume::default()
        });
    }
    for (i, v) in request.volumes.iter().enumerate() {
        let volume = format!("vol-{i}");
        let (claim, read_only) = match v {
            JobVolume::Existing(m) => (m.claim.clone(), m.read_only),
            JobVolume::New { .. } => (new_volume_claim_name(&spec.name, i), false),
        };
        mounts.push(ContainerMount {
            name: volume.clone(),
            mount_path: v.path().to_string(),
            read_only: Some(read_only),
            ..ContainerMount::default()
        });
        volumes.push(Volume {
            name: volume,
            persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
                claim_name: claim,
                read_only: Some(read_only),
            }),
            ..Volume::default()
        });
    }
    let plain = |name: &str, value: &str| EnvVar {
        name: name.into(),
        value: Some(value.into()),
        value_from: None,
    };
    let mut env = vec![plain("DEVCTL_JOB", &spec.name)];
    env.extend(
        request
            .results_dir
            .as_deref()
            .map(|dir| plain("DEVCTL_RESULTS", dir)),
    );
    env.extend(if nodes > 1 {
        ranks::env(
            &spec.name,
            &spec.namespace,
            request.ranks,
            IndexSource::JobCompletion,
        )
    } else {
        ranks::single(request.ranks)
    });
    env.extend(request.env.iter().map(|(k, v)| plain(k, v)));
    // --env-file values are often tokens: the pods read them from the Secret NAME-env.
    let env_from = (!request.secret_env.is_empty())
        .then(|| super::manifests::env_from_secret(&env_secret_name(&spec.name)));
    let container = Container {
        name: CONTAINER.into(),
        image: Some(spec.image.clone()),
        command: Some(request.command.clone()),
        env: Some(env),
        env_from,
        resources: Some(ResourceRequirements {
            requests: Some(quantities(&requests)),
            limits: Some(quantities(&limits)),
            ..ResourceRequirements::default()
        }),
        volume_mounts: Some(mounts),
        ..Container::default()
    };
    let security =
        (request.run_as.is_some() || request.fs_group.is_some()).then(|| PodSecurityContext {
            run_as_user: request.run_as.map(|(uid, _)| uid),
            run_as_group: request.run_as.and_then(|(_, gid)| gid),
            // A new volume's root is root's: the group of --user may write there only as
            // the pod's fsGroup, which is that group unless --fs-group says another.
            fs_group: request
                .fs_group
                .or_else(|| request.run_as.map(|(uid, gid)| gid.unwrap_or(uid))),
            ..PodSecurityContext::default()
        });
    let pod = PodSpec {
        restart_policy: Some("Never".into()),
        automount_service_account_token: Some(false),
        enable_service_links: Some(false),
        containers: vec![container],
        volumes: Some(volumes),
        security_context: security,
        subdomain: (nodes > 1).then(|| spec.name.clone()),
        node_selector: (!spec.flavor.node_selector.is_empty())
            .then(|| spec.flavor.node_selector.clone()),
        tolerations: (!spec.flavor.tolerations.is_empty()).then(|| spec.flavor.tolerations.clone()),
        ..PodSpec::default()
    };
    let mut annotations = BTreeMap::from(
        [
            (OWNER, spec.owner.clone()),
            ("devserver.io/flavor", spec.flavor.name.clone()),
            (IMAGE_ANNOTATION, spec.image.clone()),
            ("devserver.io/ttl", request.ttl.clone()),
            (NODES_ANNOTATION, nodes.to_string()),
            (
                "devserver.io/created-by",
                format!("devctl {}", env!("CARGO_PKG_VERSION")),
            ),
        ]
        .map(|(k, v)| (k.to_string(), v)),
    );
    if let Some(dir) = &request.results_dir {
        annotations.insert(RESULTS_ANNOTATION.to_string(), dir.clone());
    }
    let mut job_labels = labels(&spec.name, &spec.owner);
    if let Some(queue) = &request.queue {
        job_labels.insert(QUEUE_LABEL.into(), queue.clone());
    }
    let nodes = i32::try_from(nodes).unwrap_or(i32::MAX);
    Job {
        metadata: ObjectMeta {
            labels: Some(job_labels),
            annotations: Some(annotations),
            ..spec.meta(spec.name.clone())
        },
        spec: Some(KubeJobSpec {
            completions: Some(nodes),
            parallelism: Some(nodes),
            completion_mode: Some("Indexed".into()),
            backoff_limit: Some(request.retries),
            ttl_seconds_after_finished: Some(request.ttl_seconds),
            suspend: Some(true),
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(labels(&spec.name, &spec.owner)),
                    ..ObjectMeta::default()
                }),
                spec: Some(pod),
            },
            ..KubeJobSpec::default()
        }),
        status: None,
    }
}

/// The headless Service that gives pod I the name `NAME-I.NAME.NS.svc`, before it is ready
/// too (ranks look each other up while they start).
pub fn headless_service(spec: &JobSpec) -> Service {
    Service {
        metadata: spec.meta(spec.name.clone()),
        spec: Some(ServiceSpec {
            cluster_ip: Some("None".into()),
            publish_not_ready_addresses: Some(true),
            selector: Some(BTreeMap::from([
                (INSTANCE.to_string(), spec.name.clone()),
                (NAME_LABEL.to_string(), KIND_VALUE.to_string()),
            ])),
            ports: Some(vec![ServicePort {
                name: Some("master".into()),
                port: i32::from(spec.request.ranks.master_port),
                target_port: Some(IntOrString::Int(i32::from(spec.request.ranks.master_port))),
                protocol: Some("TCP".into()),
                ..ServicePort::default()
            }]),
            ..ServiceSpec::default()
        }),
        status: None,
    }
}

/// Whether `job` is one devctl made (its labels say so).
pub fn is_devctl_job(job: &Job) -> bool {
    let labels = job.metadata.labels.as_ref();
    let label = |k: &str| labels.and_then(|l| l.get(k)).map(String::as_str);
    label(MANAGED_BY) == Some("devctl") && label(NAME_LABEL) == Some(KIND_VALUE)
}

/// The pod's completion index.
pub fn pod_index(pod: &Pod) -> Option<u32> {
    let meta = &pod.metadata;
    meta.labels
        .as_ref()
        .and_then(|l| l.get(COMPLETION_INDEX_LABEL))
        .or_else(|| {
            meta.annotations
                .as_ref()
                .and_then(|a| a.get(COMPLETION_INDEX_ANNOTATION))
        })
        .and_then(|i| i.parse().ok())
}

/// The index a results claim kept by `job delete --keep-results` holds.
pub fn kept_index(claim: &PersistentVolumeClaim) -> Option<u32> {
    claim
        .metadata
        .labels
        .as_ref()
        .and_then(|l| l.get(KEPT_INDEX_LABEL))
        .and_then(|i| i.parse().ok())
}

/// Why the job's container of `pod` is where it is: its waiting reason (`ErrImagePull`), else
/// its terminated reason (`Error`, `OOMKilled`), else the pod's own (`Evicted`).
pub fn pod_reason(pod: &Pod) -> Option<String> {
    let status = pod.status.as_ref()?;
    status
        .container_statuses
        .as_ref()
        .and_then(|cs| cs.iter().find(|c| c.name == CONTAINER))
        .and_then(|c| c.state.as_ref())
        .and_then(|s| {
            s.waiting
                .as_ref()
                .and_then(|w| w.reason.clone())
                .or_else(|| s.terminated.as_ref().and_then(|t| t.reason.clone()))
        })
        .or_else(|| status.reason.clone())
}

/// The indexes whose results `claim` holds: every index of a gang's claim, the one a claim of
/// one pod is labelled with, or (a claim per pod, from an older devctl) its pod's among `pods`.
pub fn claim_indexes(claim: &PersistentVolumeClaim, pods: &[Pod]) -> Vec<u32> {
    let kept: Vec<u32> = kept_places(claim).into_iter().map(|(i, _)| i).collect();
    if !kept.is_empty() {
        return kept;
    }
    pods.iter()
        .find(|p| p.metadata.name.as_deref().map(results_claim_name) == claim.metadata.name)
        .and_then(pod_index)
        .into_iter()
        .collect()
}

fn phase(pod: &Pod) -> &str {
    pod.status
        .as_ref()
        .and_then(|s| s.phase.as_deref())
        .unwrap_or("Pending")
}

fn created(pod: &Pod) -> Option<Timestamp> {
    pod.metadata.creation_timestamp.as_ref().map(|t| t.0)
}

/// Per index, the pod whose results count: the one that succeeded, else the newest.
pub fn newest_pod_per_index(pods: &[Pod]) -> BTreeMap<u32, &Pod> {
    let mut chosen: BTreeMap<u32, &Pod> = BTreeMap::new();
    for pod in pods {
        let Some(index) = pod_index(pod) else {
            continue;
        };
        let better = match chosen.get(&index) {
            None => true,
            Some(other) => {
                let rank = |p: &Pod| (phase(p) == "Succeeded", created(p));
                rank(pod) > rank(other)
            }
        };
        if better {
            chosen.insert(index, pod);
        }
    }
    chosen
}

/// How the command in `pod` ended: its container's exit code, once terminated.
pub fn exit_code(pod: &Pod) -> Option<i32> {
    pod.status
        .as_ref()
        .and_then(|s| s.container_statuses.as_ref())
        .and_then(|cs| cs.iter().find(|c| c.name == CONTAINER))
        .and_then(|c| c.state.as_ref())
        .and_then(|s| s.terminated.as_ref())
        .map(|t| t.exit_code)
}

fn finished_at(pod: &Pod) -> Option<Timestamp> {
    pod.status
        .as_ref()
        .and_then(|s| s.container_statuses.as_ref())
        .and_then(|cs| cs.iter().find(|c| c.name == CONTAINER))
        .and_then(|c| c.state.as_ref())
        .and_then(|s| s.terminated.as_ref())
        .and_then(|t| t.finished_at.as_ref())
        .map(|t| t.0)
}

/// How a finished job ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Succeeded,
    /// `code`: the exit code of the pod that failed first (none after a deadline, say).
    Failed {
        code: Option<i32>,
        pod: Option<String>,
        reason: String,
        message: String,
    },
}

/// Where a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum State {
    /// Suspended: waiting for Kueue (or someone) to let it run.
    Queued,
    Pending,
    Running,
    Succeeded,
    Failed,
}

impl std::fmt::Display for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

/// A job as `list` and `describe` show it, derived from the Job and its pods alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub state: State,
    pub nodes: u32,
    pub running: u32,
    pub succeeded: u32,
    pub failed: u32,
    pub outcome: Option<Outcome>,
    pub started: Option<Timestamp>,
    pub finished: Option<Timestamp>,
}

impl Status {
    /// What the process exits with when it waited for this job: 0, the failed pod's code,
    /// or 1 when it has none.
    pub fn exit(&self) -> Option<i32> {
        self.outcome.as_ref().map(Outcome::exit)
    }

    /// How long it ran (until now while it runs).
    pub fn duration(&self, now: Timestamp) -> Option<std::time::Duration> {
        let start = self.started?;
        let end = self.finished.unwrap_or(now);
        end.duration_since(start).try_into().ok()
    }
}

impl Outcome {
    pub fn exit(&self) -> i32 {
        match self {
            Outcome::Succeeded => 0,
            Outcome::Failed { code: Some(c), .. } if *c != 0 => *c,
            Outcome::Failed { .. } => 1,
        }
    }
}

/// The job's state from its conditions and pods.
pub fn status(job: &Job, pods: &[Pod]) -> Status {
    let spec = job.spec.as_ref();
    let st = job.status.as_ref();
    let nodes = spec
        .and_then(|s| s.completions)
        .and_then(|c| u32::try_from(c).ok())
        .unwrap_or(1);
    let condition = |kind: &str| {
        st.and_then(|s| s.conditions.as_ref())
            .and_then(|cs| cs.iter().find(|c| c.type_ == kind && c.status == "True"))
    };
    // The controller's verdict comes first as SuccessCriteriaMet or FailureTarget, while it
    // stops the other pods; Complete and Failed follow once they are gone.
    let outcome = if condition("Complete")
        .or_else(|| condition("SuccessCriteriaMet"))
        .is_some()
    {
        Some(Outcome::Succeeded)
    } else if let Some(failed) = condition("Failed").or_else(|| condition("FailureTarget")) {
        // The pod that failed first is the one whose exit the job reports.
        let first = pods
            .iter()
            .filter(|p| phase(p) == "Failed" && exit_code(p).is_some_and(|c| c != 0))
            .min_by_key(|p| finished_at(p));
        Some(Outcome::Failed {
            code: first.and_then(exit_code),
            pod: first.and_then(|p| p.metadata.name.clone()),
            reason: failed.reason.clone().unwrap_or_default(),
            message: failed.message.clone().unwrap_or_default(),
        })
    } else {
        None
    };
    let count = |p: &str| {
        u32::try_from(pods.iter().filter(|pod| phase(pod) == p).count()).unwrap_or(u32::MAX)
    };
    let running = count("Running");
    let state = match &outcome {
        Some(Outcome::Succeeded) => State::Succeeded,
        Some(Outcome::Failed { .. }) => State::Failed,
        None if spec.and_then(|s| s.suspend) == Some(true) => State::Queued,
        None if running > 0 => State::Running,
        None => State::Pending,
    };
    Status {
        state,
        nodes,
        running,
        succeeded: count("Succeeded"),
        failed: count("Failed"),
        outcome,
        started: st.and_then(|s| s.start_time.as_ref()).map(|t| t.0),
        finished: st
            .and_then(|s| s.completion_time.as_ref())
            .map(|t| t.0)
            .or_else(|| {
                condition("Failed")
                    .or_else(|| condition("FailureTarget"))
                    .and_then(|c| c.last_transition_time.as_ref().map(|t| t.0))
            }),
    }
}

/// What a wait reports while it waits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// The job's state changed.
    State(State),
    /// A pod cannot be scheduled: the scheduler's words.
    Unschedulable { pod: String, message: String },
    /// A pod waits on something that will not come by itself (an image that cannot be
    /// pulled, a missing Secret).
    Stuck {
        pod: String,
        reason: String,
        message: String,
    },
    /// The Job controller may not make the pods.
    Refused { reason: String, message: String },
}

/// What the Job controller reports it may not do for the Job with uid `uid` (a pod refused by
/// Pod Security, a LimitRange, a webhook or a quota): its pods will never appear.
pub fn controller_trouble(
    event: &k8s_openapi::api::core::v1::Event,
    uid: &str,
) -> Option<Progress> {
    let about_this_job = event.involved_object.uid.as_deref() == Some(uid);
    let refused = event.type_.as_deref() == Some("Warning")
        && event.reason.as_deref() == Some("FailedCreate");
    (about_this_job && refused).then(|| Progress::Refused {
        reason: "FailedCreate".into(),
        message: event.message.clone().unwrap_or_default(),
    })
}

/// What keeps `pod` from running, if anything will not pass by itself.
pub fn pod_trouble(pod: &Pod) -> Option<Progress> {
    let name = pod.metadata.name.clone().unwrap_or_default();
    let status = pod.status.as_ref()?;
    if let Some(c) = status.conditions.as_ref().and_then(|cs| {
        cs.iter()
            .find(|c| c.type_ == "PodScheduled" && c.status == "False")
    }) && c.reason.as_deref() == Some("Unschedulable")
    {
        return Some(Progress::Unschedulable {
            pod: name,
            message: c.message.clone().unwrap_or_default(),
        });
    }
    let waiting = status
        .container_statuses
        .as_ref()?
        .iter()
        .find(|c| c.name == CONTAINER)?
        .state
        .as_ref()?
        .waiting
        .as_ref()?;
    let reason = waiting.reason.clone().unwrap_or_default();
    // ErrImagePull is also what a registry's passing refusal looks like; the kubelet's back-off
    // after it is what says the pull keeps failing.
    let stuck = [
        "ImagePullBackOff",
        "InvalidImageName",
        "CreateContainerConfigError",
        "CreateContainerError",
    ];
    stuck.contains(&reason.as_str()).then(|| Progress::Stuck {
        pod: name,
        reason,
        message: waiting.message.clone().unwrap_or_default(),
    })
}

/// What to add to the scheduler's words when a pod of job `name` waits for an unbound claim:
/// most often its results claim, which a job of several pods needs ReadWriteMany.
pub fn unbound_claim_hint(name: &str, message: &str) -> Option<String> {
    if !message.contains("unbound") || !message.contains("PersistentVolumeClaim") {
        return None;
    }
    let claim = results_claim_of_job(name);
    Some(format!(
        "the claim {claim} may not be bound yet: kubectl describe pvc {claim} says why (a job of several pods shares it as ReadWriteMany, which many default storage classes cannot make; --results-class CLASS picks another, --no-results makes none)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pod_held_by_an_unbound_claim_gets_a_hint_naming_the_results_claim() {
        let scheduler = "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
        let hint = unbound_claim_hint("train", scheduler).unwrap();
        assert!(
            hint.contains("train-results") && hint.contains("ReadWriteMany"),
            "{hint}"
        );
        assert!(
            hint.contains("--results-class") && hint.contains("--no-results"),
            "{hint}"
        );
        assert!(
            unbound_claim_hint("train", "0/3 nodes are available: 3 Insufficient cpu.").is_none()
        );
    }

    fn input<'a>(command: &'a [String]) -> RunInput<'a> {
        RunInput {
            name: Some("sim"),
            command,
            owner: Some("alice@example.com"),
            flavor: None,
            image: None,
            env: &[],
            env_file: None,
            config_files: &[],
            volumes: &[],
            user: None,
            fs_group: None,
            ttl: DEFAULT_TTL,
            retries: 0,
            ranks: Ranks {
                nodes: 1,
                procs_per_node: 1,
                master_port: ranks::DEFAULT_MASTER_PORT,
            },
            queue: None,
            results_dir: Some(DEFAULT_RESULTS_DIR),
            results_size: "10Gi",
            results_class: None,
            cpu: None,
            memory: None,
            gpu: None,
        }
    }

    fn spec(request: &JobRequest) -> JobSpec {
        let facts = JobFacts {
            namespace: "ml".into(),
            identity: Some("alice@example.com".into()),
            local_user: None,
            flavors: flavor::builtin(),
        };
        JobSpec::resolve(request, &facts, "ab3de").unwrap().0
    }

    fn command() -> Vec<String> {
        vec!["python".into(), "train.py".into()]
    }

    #[test]
    fn a_volume_is_a_claim_or_a_size() {
        assert_eq!(
            JobVolume::parse("data:/data:ro").unwrap(),
            JobVolume::Existing(VolumeMount {
                claim: "data".into(),
                path: "/data".into(),
                read_only: true,
            })
        );
        assert_eq!(
            JobVolume::parse("50Gi:/scratch:rwx").unwrap(),
            JobVolume::New {
                size: "50Gi".into(),
                path: "/scratch".into(),
                access_mode: "ReadWriteMany".into(),
            }
        );
        for bad in ["50Gi:scratch", "50Gi:/x:rw", "1Gi:/a/../b", "Data:/x"] {
            assert!(JobVolume::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn default_names_fit_and_start_with_a_letter() {
        assert_eq!(
            default_name("alice@example.com", "x1y2z"),
            "alice-job-x1y2z"
        );
        assert_eq!(default_name("42bot", "x1y2z"), "job-42bot-x1y2z");
        let long = default_name(&"a".repeat(80), "x1y2z");
        assert!(check_name(&long).is_ok(), "{long}");
    }

    #[test]
    fn bad_input_is_refused_before_any_call() {
        let none: Vec<String> = Vec::new();
        assert!(
            JobRequest::parse(&input(&none))
                .unwrap_err()
                .contains("a command is missing")
        );
        let cmd = command();
        let bad_env = RunInput {
            env_file: Some(("vars.env", "A=1\noops\n")),
            ..input(&cmd)
        };
        let err = JobRequest::parse(&bad_env).unwrap_err();
        assert!(err.contains("vars.env: line 2"), "{err}");
        let twice = RunInput {
            results_dir: Some("/data"),
            volumes: &["data:/data".to_string()],
            ..input(&cmd)
        };
        assert!(
            JobRequest::parse(&twice)
                .unwrap_err()
                .contains("mounted twice")
        );
        for reserved in ["JOB_COMPLETION_INDEX=0", "RANK=1", "DEVCTL_RESULTS=/x"] {
            let env = [reserved.to_string()];
            let err = JobRequest::parse(&RunInput {
                env: &env,
                ..input(&cmd)
            })
            .unwrap_err();
            assert!(err.contains("devctl sets"), "{reserved}: {err}");
        }
        let err = JobRequest::parse(&RunInput {
            results_class: Some("Fast_SSD"),
            ..input(&cmd)
        })
        .unwrap_err();
        assert!(err.contains("invalid --results-class"), "{err}");
        let big = vec![("blob=f".to_string(), vec![0u8; MAX_CONFIG_BYTES + 1])];
        let too_big = RunInput {
            config_files: &big,
            ..input(&cmd)
        };
        assert!(JobRequest::parse(&too_big).unwrap_err().contains("1 MiB"));
    }

    #[test]
    fn a_job_with_no_results_has_no_claim_volume_variable_or_annotation_for_them() {
        let cmd = command();
        let none = RunInput {
            results_dir: None,
            ..input(&cmd)
        };
        let built = build(&spec(&JobRequest::parse(&none).unwrap()));
        assert!(built.claims.is_empty());
        assert!(!keeps_results(&built.job));
        let pod = template_pod(&built.job).unwrap();
        assert!(pod.volumes.as_deref().unwrap_or_default().is_empty());
        let container = &pod.containers[0];
        assert!(
            container
                .volume_mounts
                .as_deref()
                .unwrap_or_default()
                .is_empty()
        );
        let env = container.env.as_deref().unwrap_or_default();
        assert!(!env.iter().any(|e| e.name == "DEVCTL_RESULTS"));
        let annotations = built.job.metadata.annotations.as_ref().unwrap();
        assert!(!annotations.contains_key(RESULTS_ANNOTATION));
    }

    #[test]
    fn a_job_is_indexed_suspended_and_keeps_its_results_on_a_claim_of_its_own() {
        let cmd = command();
        let request = JobRequest::parse(&input(&cmd)).unwrap();
        let built = build(&spec(&request));
        let js = built.job.spec.as_ref().unwrap();
        assert_eq!(js.completion_mode.as_deref(), Some("Indexed"));
        assert_eq!(js.suspend, Some(true));
        assert_eq!(js.ttl_seconds_after_finished, Some(86_400));
        assert_eq!(js.backoff_limit, Some(0));
        let pod = js.template.spec.as_ref().unwrap();
        assert_eq!(pod.restart_policy.as_deref(), Some("Never"));
        let results = pod
            .volumes
            .as_ref()
            .unwrap()
            .iter()
            .find(|v| v.name == RESULTS_VOLUME)
            .unwrap();
        assert_eq!(
            results.persistent_volume_claim.as_ref().unwrap().claim_name,
            "sim-results"
        );
        let claim = &built.claims[0];
        assert_eq!(claim.metadata.name.as_deref(), Some("sim-results"));
        assert_eq!(
            claim.metadata.labels.as_ref().unwrap()[KEPT_INDEX_LABEL],
            "0"
        );
        let mount = pod.containers[0].volume_mounts.as_ref().unwrap();
        assert!(
            mount
                .iter()
                .any(|m| m.name == RESULTS_VOLUME && m.mount_path == "/results")
        );
        assert!(built.service.is_none() && built.env_secret.is_none() && built.configmap.is_none());
        let one: Pod =
            serde_json::from_value(serde_json::json!({"metadata": {"name": "sim-0-abcde"}}))
                .unwrap();
        assert_eq!(
            results_place(&built.job, 0, Some(&one)),
            Some(ResultsPlace {
                claim: "sim-results".into(),
                dir: None
            })
        );
        // A single pod still gets the variables, as rank 0 of its own world.
        let env = pod.containers[0].env.as_ref().unwrap();
        assert!(
            env.iter()
                .any(|e| e.name == "MASTER_ADDR" && e.value.as_deref() == Some("localhost"))
        );
    }

    #[test]
    fn a_gang_keeps_each_index_in_its_own_directory_of_one_claim_the_job_owns() {
        let cmd = command();
        let gang = RunInput {
            ranks: Ranks {
                nodes: 2,
                procs_per_node: 1,
                master_port: 29500,
            },
            ..input(&cmd)
        };
        let built = build(&spec(&JobRequest::parse(&gang).unwrap()));
        let pod = template_pod(&built.job).unwrap();
        let results = pod
            .volumes
            .as_ref()
            .unwrap()
            .iter()
            .find(|v| v.name == RESULTS_VOLUME)
            .unwrap();
        assert_eq!(
            results.persistent_volume_claim.as_ref().unwrap().claim_name,
            "sim-results"
        );
        assert!(results.ephemeral.is_none(), "nothing dies with a pod");
        let mount = pod.containers[0]
            .volume_mounts
            .as_ref()
            .unwrap()
            .iter()
            .find(|m| m.name == RESULTS_VOLUME)
            .unwrap();
        assert_eq!(mount.mount_path, "/results");
        assert_eq!(
            mount.sub_path_expr.as_deref(),
            Some("$(JOB_COMPLETION_INDEX)")
        );

        let claim = built
            .claims
            .iter()
            .find(|c| c.metadata.name.as_deref() == Some("sim-results"))
            .unwrap();
        let claim_spec = claim.spec.as_ref().unwrap();
        assert_eq!(
            claim_spec.access_modes.as_deref(),
            Some(&["ReadWriteMany".to_string()][..])
        );
        let class = build(&spec(
            &JobRequest::parse(&RunInput {
                results_class: Some("efs.csi"),
                ..gang
            })
            .unwrap(),
        ));
        assert_eq!(
            class.claims[0]
                .spec
                .as_ref()
                .unwrap()
                .storage_class_name
                .as_deref(),
            Some("efs.csi")
        );
        // Room for each pod's --results-size.
        assert_eq!(
            claim_spec
                .resources
                .as_ref()
                .unwrap()
                .requests
                .as_ref()
                .unwrap()["storage"]
                .0,
            "20Gi"
        );
        assert_eq!(
            claim.metadata.labels.as_ref().unwrap()[NAME_LABEL],
            RESULTS_KIND_VALUE
        );
        let place = |i| results_place(&built.job, i, None).unwrap();
        assert_eq!(
            place(1),
            ResultsPlace {
                claim: "sim-results".into(),
                dir: Some("1".into())
            }
        );
        // Once the Job is gone, the kept claim still says where each index is.
        let kept: Vec<(u32, Option<String>)> = kept_places(claim)
            .into_iter()
            .map(|(i, p)| (i, p.dir))
            .collect();
        assert_eq!(kept, [(0, Some("0".into())), (1, Some("1".into()))]);
        assert_eq!(claim_indexes(claim, &[]), [0, 1]);
    }

    #[test]
    fn a_size_is_multiplied_in_its_own_unit_or_in_bytes() {
        assert_eq!(times("10Gi", 1), "10Gi");
        assert_eq!(times("10Gi", 3), "30Gi");
        assert_eq!(times("500M", 2), "1000M");
        assert_eq!(times("1.5Gi", 2), (3u64 << 30).to_string());
        assert_eq!(times("1e3", 2), "2000");
    }

    #[test]
    fn a_gang_refuses_retries_and_claims_only_one_node_may_mount() {
        let cmd = command();
        let ranks = Ranks {
            nodes: 2,
            procs_per_node: 1,
            master_port: 29500,
        };
        let retried = RunInput {
            ranks,
            retries: 1,
            ..input(&cmd)
        };
        assert!(
            JobRequest::parse(&retried)
                .unwrap_err()
                .contains("--retries with --nodes 2")
        );
        let rwo = ["5Gi:/data:rwo".to_string()];
        let once = RunInput {
            ranks,
            volumes: &rwo,
            ..input(&cmd)
        };
        assert!(
            JobRequest::parse(&once)
                .unwrap_err()
                .contains("cannot share")
        );
        let plain = ["5Gi:/data".to_string()];
        let shared = JobRequest::parse(&RunInput {
            ranks,
            volumes: &plain,
            ..input(&cmd)
        })
        .unwrap();
        assert!(
            matches!(&shared.volumes[0], JobVolume::New { access_mode, .. } if access_mode == "ReadWriteMany")
        );
    }

    #[test]
    fn a_user_of_its_own_gets_its_group_on_the_volumes() {
        let cmd = command();
        let as_user = RunInput {
            user: Some("1000:2000"),
            ..input(&cmd)
        };
        let built = build(&spec(&JobRequest::parse(&as_user).unwrap()));
        let security = built
            .job
            .spec
            .unwrap()
            .template
            .spec
            .unwrap()
            .security_context
            .unwrap();
        assert_eq!(
            (
                security.run_as_user,
                security.run_as_group,
                security.fs_group
            ),
            (Some(1000), Some(2000), Some(2000))
        );
    }

    #[test]
    fn env_file_values_stay_in_the_secret_and_are_redacted_in_a_dry_run() {
        let cmd = command();
        let with_env = RunInput {
            env_file: Some(("vars.env", "TOKEN=hunter2\n")),
            ..input(&cmd)
        };
        let built = build(&spec(&JobRequest::parse(&with_env).unwrap()));
        let job = serde_json::to_string(&built.job).unwrap();
        assert!(!job.contains("hunter2"), "{job}");
        let shown = serde_json::to_string(&built.redacted().to_values().unwrap()).unwrap();
        assert!(
            !shown.contains("hunter2") && shown.contains(REDACTED),
            "{shown}"
        );
    }

    #[test]
    fn binary_config_files_go_byte_for_byte_into_binary_data() {
        let cmd = command();
        let files = vec![
            ("a.txt=./a".to_string(), b"text\n".to_vec()),
            ("w.bin=./w".to_string(), vec![0, 255, 128]),
        ];
        let with_files = RunInput {
            config_files: &files,
            ..input(&cmd)
        };
        let built = build(&spec(&JobRequest::parse(&with_files).unwrap()));
        let config = built.configmap.unwrap();
        assert_eq!(config.data.unwrap()["a.txt"], "text\n");
        assert_eq!(config.binary_data.unwrap()["w.bin"].0, vec![0, 255, 128]);
    }

    fn pod(name: &str, index: u32, phase: &str, exit: Option<i32>, finished: &str) -> Pod {
        serde_json::from_value(serde_json::json!({
            "metadata": {"name": name, "creationTimestamp": "2026-12-01T10:00:00Z",
                "labels": {COMPLETION_INDEX_LABEL: index.to_string()}},
            "status": {"phase": phase, "containerStatuses": [{
                "name": CONTAINER, "image": "i", "imageID": "", "ready": false, "restartCount": 0,
                "state": exit.map(|c| serde_json::json!({"terminated": {"exitCode": c, "finishedAt": finished}})),
            }]},
        }))
        .unwrap()
    }

    fn job_with(conditions: serde_json::Value, suspend: bool) -> Job {
        serde_json::from_value(serde_json::json!({
            "metadata": {"name": "sim"},
            "spec": {"completions": 2, "suspend": suspend, "template": {}},
            "status": {"conditions": conditions},
        }))
        .unwrap()
    }

    #[test]
    fn a_failed_job_reports_the_code_of_the_pod_that_failed_first() {
        let failed = job_with(
            serde_json::json!([{"type": "FailureTarget", "status": "True", "reason": "BackoffLimitExceeded"}]),
            false,
        );
        let pods = [
            pod("sim-0-a", 0, "Failed", Some(137), "2026-12-01T10:05:00Z"),
            pod("sim-1-b", 1, "Failed", Some(3), "2026-12-01T10:01:00Z"),
        ];
        let status = status(&failed, &pods);
        assert_eq!(status.state, State::Failed);
        assert_eq!(status.exit(), Some(3));
        match status.outcome {
            Some(Outcome::Failed { pod, .. }) => assert_eq!(pod.as_deref(), Some("sim-1-b")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn states_come_from_the_conditions_and_the_pods() {
        let done = job_with(
            serde_json::json!([{"type": "SuccessCriteriaMet", "status": "True"}]),
            false,
        );
        assert_eq!(status(&done, &[]).exit(), Some(0));
        let queued = job_with(serde_json::json!([]), true);
        assert_eq!(status(&queued, &[]).state, State::Queued);
        let running = job_with(serde_json::json!([]), false);
        let pods = [pod("sim-0-a", 0, "Running", None, "")];
        assert_eq!(status(&running, &pods).state, State::Running);
        assert_eq!(status(&running, &[]).state, State::Pending);
        // No exit code (a deadline, say) still fails the wait.
        let deadline = job_with(
            serde_json::json!([{"type": "Failed", "status": "True"}]),
            false,
        );
        assert_eq!(status(&deadline, &[]).exit(), Some(1));
    }

    #[test]
    fn the_pod_whose_results_count_is_the_one_that_succeeded() {
        let pods = [
            pod("sim-0-a", 0, "Failed", Some(1), "2026-12-01T10:01:00Z"),
            pod("sim-0-b", 0, "Succeeded", Some(0), "2026-12-01T10:02:00Z"),
            pod("sim-1-c", 1, "Failed", Some(1), "2026-12-01T10:01:00Z"),
        ];
        let chosen = newest_pod_per_index(&pods);
        assert_eq!(chosen[&0].metadata.name.as_deref(), Some("sim-0-b"));
        assert_eq!(chosen[&1].metadata.name.as_deref(), Some("sim-1-c"));
    }
    #[test]
    fn a_pods_reason_is_its_containers_before_its_own() {
        let pod = |status: serde_json::Value| -> Pod {
            serde_json::from_value(
                serde_json::json!({ "metadata": { "name": "j-0-x" }, "status": status }),
            )
            .unwrap()
        };
        let waiting = pod(
            serde_json::json!({ "reason": "Evicted", "containerStatuses": [{
            "name": CONTAINER, "image": "x", "imageID": "", "ready": false, "restartCount": 0,
            "state": { "waiting": { "reason": "ErrImagePull" } } }] }),
        );
        assert_eq!(pod_reason(&waiting).as_deref(), Some("ErrImagePull"));
        let killed = pod(serde_json::json!({ "containerStatuses": [{
            "name": CONTAINER, "image": "x", "imageID": "", "ready": false, "restartCount": 0,
            "state": { "terminated": { "exitCode": 137, "reason": "OOMKilled" } } }] }));
        assert_eq!(pod_reason(&killed).as_deref(), Some("OOMKilled"));
        let evicted = pod(serde_json::json!({ "phase": "Failed", "reason": "Evicted" }));
        assert_eq!(pod_reason(&evicted).as_deref(), Some("Evicted"));
        assert_eq!(
            pod_reason(&pod(serde_json::json!({ "phase": "Pending" }))),
            None
        );
    }

    #[test]
    fn a_claims_index_comes_from_its_label_or_its_pod() {
        let pod: Pod = serde_json::from_value(serde_json::json!({ "metadata": {
            "name": "j-1-abcde", "labels": { COMPLETION_INDEX_LABEL: "1" } } }))
        .unwrap();
        let claim = |name: &str, labels: serde_json::Value| -> PersistentVolumeClaim {
            serde_json::from_value(
                serde_json::json!({ "metadata": { "name": name, "labels": labels } }),
            )
            .unwrap()
        };
        let pods = [pod];
        assert_eq!(
            claim_indexes(
                &claim(&results_claim_name("j-1-abcde"), serde_json::json!({})),
                &pods
            ),
            [1]
        );
        assert_eq!(
            claim_indexes(
                &claim("kept", serde_json::json!({ KEPT_INDEX_LABEL: "3" })),
                &pods
            ),
            [3]
        );
        assert!(claim_indexes(&claim("other", serde_json::json!({})), &pods).is_empty());
    }
}
