//! The API side of jobs: what `job run` depends on (one wave), the create (all or nothing),
//! looking jobs and their pods up, waiting for the end with a watch, and the delete (keeping
//! the results claims when asked).

use std::pin::Pin;
use std::time::Duration;

use futures::{StreamExt as _, TryStreamExt as _};
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::{
    ConfigMap, PersistentVolumeClaim, Pod, ResourceQuota, Secret, Service,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::OwnerReference;
use kube::api::{Api, DeleteParams, ListParams, Patch, PatchParams, PostParams};
use kube::runtime::watcher;

use super::Cluster;
use super::devservers::{FlavorSource, flavors, whoami};
use super::rollback::{self, Ledger, Made, Object, Rollback, finish};
use super::wait::watch_error;
use crate::devserver::flavor;
use crate::devserver::job::{
    self, JobFacts, JobManifests, JobRequest, JobVolume, Outcome, Progress,
};
use crate::devserver::owner;

/// The raw owner, as the Job's annotation keeps it.
const OWNER_ANNOTATION: &str = "devserver.io/owner";
use crate::error::{Error, Kind, Result};
use crate::interrupt::Signal;

/// What `job run` depends on, asked at once: who the user is, the flavors, that the claims to
/// mount exist, that a `--gpu` resource outside the known list is advertised, that Kueue and
/// the LocalQueue of `--queue` are there, and the namespace's ResourceQuotas (`None`: not
/// read). Quota admission refuses a Job's pods only after the Job exists, so `job run` checks
/// the quota itself before it makes anything. `checks`: false for a dry run (it only resolves
/// the owner and flavor).
pub async fn facts(
    cluster: &Cluster,
    request: &JobRequest,
    checks: bool,
) -> Result<(JobFacts, FlavorSource, Option<Vec<ResourceQuota>>)> {
    let namespace = cluster.namespace.clone();
    let claims = Api::<PersistentVolumeClaim>::namespaced(cluster.client.clone(), &namespace);
    let existing: Vec<&str> = match checks {
        true => request
            .volumes
            .iter()
            .filter_map(|v| match v {
                JobVolume::Existing(m) => Some(m.claim.as_str()),
                JobVolume::New { .. } => None,
            })
            .collect(),
        false => Vec::new(),
    };
    let claim_checks = existing.iter().map(|claim| {
        let claims = claims.clone();
        async move { (*claim, claims.get_opt(claim).await) }
    });
    let gpu = async {
        match (&request.unknown_gpu, checks) {
            (Some(resource), true) => check_advertised(cluster, resource).await,
            _ => Ok(()),
        }
    };
    let queue = async {
        match (&request.queue, checks) {
            (Some(queue), true) => check_queue(cluster, &namespace, queue).await,
            _ => Ok(()),
        }
    };
    let (identity, flavors, claim_results, gpu, queue, quotas) = tokio::join!(
        whoami(cluster),
        flavors(cluster),
        futures::future::join_all(claim_checks),
        gpu,
        queue,
        super::devservers::quotas(cluster, &namespace, checks),
    );
    for (claim, found) in claim_results {
        match found {
            Ok(Some(_)) => {}
            Ok(None) => {
                return Err(Error::new(
                    Kind::NotFound,
                    format!("claim {claim:?} not found in namespace {namespace}"),
                )
                .hint("--volume CLAIM:/PATH mounts an existing PersistentVolumeClaim (kubectl get pvc); SIZE:/PATH makes a new one"));
            }
            Err(e) => return Err(cluster.error(e)),
        }
    }
    gpu?;
    queue?;
    let (flavors, source) = flavors?;
    Ok((
        JobFacts {
            namespace,
            identity: identity?.map(|(user, _)| user),
            local_user: owner::local_user(),
            flavors,
        },
        source,
        quotas?,
    ))
}

async fn check_advertised(cluster: &Cluster, resource: &str) -> Result<()> {
    let nodes = super::capacity::nodes(cluster).await?;
    let nodes = match nodes {
        Ok(nodes) => nodes,
        // Without the right to list nodes, the scheduler will tell.
        Err(_) => return Ok(()),
    };
    let advertised = nodes.iter().any(|n| {
        n.status
            .as_ref()
            .and_then(|s| s.allocatable.as_ref())
            .is_some_and(|a| a.contains_key(resource))
    });
    if advertised {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "no node advertises {resource:?}; known GPU resources: {}",
            flavor::GPU_RESOURCES.join(", ")
        )))
    }
}

/// Kueue's API group must be served, and the LocalQueue must exist in the namespace.
async fn check_queue(cluster: &Cluster, namespace: &str, queue: &str) -> Result<()> {
    let group = http::Request::get("/apis/kueue.x-k8s.io")
        .body(Vec::new())
        .map_err(|e| Error::general(format!("cannot ask for Kueue's API: {e}")))?;
    let group: serde_json::Value = match cluster.client.request(group).await {
        Ok(group) => group,
        Err(kube::Error::Api(s)) if s.code == 404 => {
            return Err(Error::usage(
                "--queue needs Kueue, and this cluster does not serve its API (kueue.x-k8s.io)",
            )
            .hint("drop --queue to run the job at once, or ask a cluster admin to install Kueue"));
        }
        Err(e) => return Err(cluster.error(e)),
    };
    let version = group
        .pointer("/preferredVersion/version")
        .and_then(|v| v.as_str())
        .unwrap_or("v1beta1");
    let resource = kube::discovery::ApiResource {
        group: "kueue.x-k8s.io".into(),
        version: version.into(),
        api_version: format!("kueue.x-k8s.io/{version}"),
        kind: "LocalQueue".into(),
        plural: "localqueues".into(),
    };
    let queues = Api::<kube::api::DynamicObject>::namespaced_with(
        cluster.client.clone(),
        namespace,
        &resource,
    );
    match queues.get_opt(queue).await {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(Error::new(
            Kind::NotFound,
            format!("LocalQueue {queue:?} not found in namespace {namespace}"),
        )
        .hint("kubectl get localqueues lists the queues of the namespace")),
        // Kueue is there; whether the queue is, the user may not see: Kueue will say.
        Err(kube::Error::Api(s)) if s.code == 403 => Ok(()),
        Err(e) => Err(cluster.error(e)),
    }
}

pub use super::rollback::CreateError;

/// Creates the job all or nothing: the Job, suspended, so that no pod starts before what it
/// mounts exists; then everything it owns at once; then it is let run (with `--queue`, Kueue
/// does that). A failure or `interrupted` deletes what was made again.
pub async fn create(
    cluster: &Cluster,
    manifests: &JobManifests,
    queued: bool,
    interrupted: Pin<&mut impl Future<Output = Signal>>,
) -> Result<Job, CreateError> {
    let mut interrupted = Some(interrupted);
    let mut signal = None;
    let ns = manifests
        .job
        .metadata
        .namespace
        .clone()
        .unwrap_or_else(|| cluster.namespace.clone());
    let client = &cluster.client;
    let pp = PostParams::default();
    let jobs = Api::<Job>::namespaced(client.clone(), &ns);
    // Kueue would admit a queued Job as soon as it sees it: the queue's label goes on only
    // once what the Job mounts exists.
    let mut first = manifests.job.clone();
    let queue = first
        .metadata
        .labels
        .as_mut()
        .and_then(|l| l.remove(job::QUEUE_LABEL));
    let create_id = rollback::stamp(&mut first.metadata);
    let created = finish(jobs.create(&pp, &first), &mut interrupted, &mut signal).await;
    let made_job = match created {
        Ok(job) => job,
        Err(kube::Error::Api(s)) if s.code == 409 => return Err(CreateError::Exists),
        Err(e @ kube::Error::Api(_)) => {
            return Err(CreateError::Failed {
                step: "the Job",
                cause: cluster.error(e),
                rollback: Rollback::default(),
            });
        }
        // The answer was lost: a suspended Job of this create's would never run nor end.
        Err(e) => {
            let name = first.metadata.name.as_deref().unwrap_or_default();
            rollback::lost_answer(cluster, &jobs, name, &create_id, "the Job", e).await?
        }
    };
    let name = made_job.metadata.name.clone().unwrap_or_default();
    let uid = made_job.metadata.uid.clone().unwrap_or_default();
    let mut ledger = Ledger::new(cluster, Made::owner(Object::Job, &name, &uid));
    if let Some(signal) = signal {
        return Err(ledger.interrupted(&ns, signal).await);
    }
    let mut children = manifests.clone();
    // The ranks find this Job's pods only, not a terminating pod of an earlier job.
    if let Some(selector) = children
        .service
        .as_mut()
        .and_then(|s| s.spec.as_mut())
        .and_then(|s| s.selector.as_mut())
    {
        selector.insert(job::CONTROLLER_UID_LABEL.into(), uid.clone());
    }
    children.owned_by(OwnerReference {
        api_version: "batch/v1".into(),
        kind: "Job".into(),
        name: name.clone(),
        uid,
        controller: Some(false),
        // As for devservers: blocking needs update on jobs/finalizers where owner references
        // are enforced, which namespace admins may lack.
        block_owner_deletion: None,
    });
    let services = Api::<Service>::namespaced(client.clone(), &ns);
    let secrets = Api::<Secret>::namespaced(client.clone(), &ns);
    let configs = Api::<ConfigMap>::namespaced(client.clone(), &ns);
    let claims = Api::<PersistentVolumeClaim>::namespaced(client.clone(), &ns);
    let service = async {
        match &children.service {
            Some(s) => Some(services.create(&pp, s).await),
            None => None,
        }
    };
    let secret = async {
        match &children.env_secret {
            Some(s) => Some(secrets.create(&pp, s).await),
            None => None,
        }
    };
    let config = async {
        match &children.configmap {
            Some(c) => Some(configs.create(&pp, c).await),
            None => None,
        }
    };
    let new_claims = futures::future::join_all(
        children
            .claims
            .iter()
            .map(|c| async { claims.create(&pp, c).await }),
    );
    let wave = async { tokio::join!(service, secret, config, new_claims) };
    let (service, secret, config, new_claims) = finish(wave, &mut interrupted, &mut signal).await;
    let name_of = |meta: &kube::api::ObjectMeta| meta.name.clone().unwrap_or_default();
    if let (Some(s), Some(result)) = (&children.service, service) {
        let sent = Made::child(Object::Service, &name_of(&s.metadata));
        ledger.answer("the headless Service", sent, result);
    }
    if let (Some(s), Some(result)) = (&children.env_secret, secret) {
        let sent = Made::child(Object::Secret, &name_of(&s.metadata));
        ledger.answer("the env-file Secret", sent, result);
    }
    if let (Some(c), Some(result)) = (&children.configmap, config) {
        let sent = Made::child(Object::ConfigMap, &name_of(&c.metadata));
        ledger.answer("the config-file ConfigMap", sent, result);
    }
    for (claim, result) in children.claims.iter().zip(new_claims) {
        let sent = Made::child(Object::Claim, &name_of(&claim.metadata));
        ledger.answer("a --volume claim", sent, result);
    }
    ledger.settle(&ns, signal.take()).await?;
    let resume = match (&queue, queued) {
        (Some(queue), _) => {
            serde_json::json!({ "metadata": { "labels": { job::QUEUE_LABEL: queue } } })
        }
        (None, true) => return Ok(made_job),
        (None, false) => serde_json::json!({ "spec": { "suspend": false } }),
    };
    let resumed = finish(
        jobs.patch(&name, &PatchParams::default(), &Patch::Merge(&resume)),
        &mut interrupted,
        &mut signal,
    )
    .await;
    match (resumed, signal) {
        (Ok(job), None) => Ok(job),
        (Ok(_), Some(signal)) => Err(ledger.interrupted(&ns, signal).await),
        (Err(e), _) => Err(ledger.fail(&ns, "the Job's start", cluster.error(e)).await),
    }
}

/// Job `name` in the cluster's namespace; exit 3 with a hint when there is none.
pub async fn get(cluster: &Cluster, name: &str) -> Result<Job> {
    let jobs = Api::<Job>::namespaced(cluster.client.clone(), &cluster.namespace);
    match jobs.get_opt(name).await {
        Ok(Some(job)) if job::is_devctl_job(&job) => Ok(job),
        Ok(Some(_)) => Err(Error::new(
            Kind::NotFound,
            format!(
                "job {name} in namespace {} was not made by devctl",
                cluster.namespace
            ),
        )
        .hint(format!("kubectl describe job {name} shows it"))),
        Ok(None) => Err(not_found(cluster, name)),
        Err(e) => Err(cluster.error(e)),
    }
}

pub fn not_found(cluster: &Cluster, name: &str) -> Error {
    Error::new(
        Kind::NotFound,
        format!("job {name} not found in namespace {}", cluster.namespace),
    )
    .hint("devctl job list shows your jobs")
}

/// The pods of job `name` (every index, every retry).
pub async fn pods(cluster: &Cluster, name: &str) -> Result<Vec<Pod>> {
    let api = Api::<Pod>::namespaced(cluster.client.clone(), &cluster.namespace);
    api.list(&ListParams::default().labels(&job::pod_selector(name)))
        .await
        .map(|l| l.items)
        .map_err(|e| cluster.error(e))
}

/// Job `name` and its pods, read at once.
pub async fn get_with_pods(cluster: &Cluster, name: &str) -> Result<(Job, Vec<Pod>)> {
    let (job, pods) = tokio::try_join!(get(cluster, name), pods(cluster, name))?;
    let pods = pods.into_iter().filter(|p| owned_by(p, &job)).collect();
    Ok((job, pods))
}

/// Every devctl job matching `selector` and their pods, in one namespace or all of them,
/// read at once.
pub async fn list(
    cluster: &Cluster,
    all_namespaces: bool,
    selector: &str,
) -> Result<(Vec<Job>, Vec<Pod>)> {
    let (jobs, pods): (Api<Job>, Api<Pod>) = if all_namespaces {
        (
            Api::all(cluster.client.clone()),
            Api::all(cluster.client.clone()),
        )
    } else {
        (
            Api::namespaced(cluster.client.clone(), &cluster.namespace),
            Api::namespaced(cluster.client.clone(), &cluster.namespace),
        )
    };
    let params = ListParams::default().labels(selector);
    let (jobs, pods) = tokio::join!(jobs.list(&params), pods.list(&params));
    Ok((
        jobs.map_err(|e| cluster.error(e))?.items,
        pods.map_err(|e| cluster.error(e))?.items,
    ))
}

/// Waits with watches (the Job's, its pods' and its events) until job `name` has finished, and
/// says how it ended, with the exit code of the failed pod. `on_progress` hears about the
/// states, pods that cannot be scheduled or started, and pods the Job controller may not make.
/// Only the pods and events of this Job (its uid) count, never those of an earlier job of the
/// same name that is still going away. A watch that breaks is resumed (a few times in a row);
/// the API server's refusal is final. `Kind::Timeout` after `timeout`.
pub async fn wait(
    cluster: &Cluster,
    name: &str,
    timeout: Duration,
    mut on_progress: impl FnMut(Progress),
) -> Result<Outcome> {
    use kube::runtime::WatchStreamExt as _;
    let client = &cluster.client;
    let ns = &cluster.namespace;
    let job_events = watcher(
        Api::<Job>::namespaced(client.clone(), ns),
        watcher::Config::default().fields(&format!("metadata.name={name}")),
    )
    .default_backoff()
    .map(|e| e.map(|e| Either::Job(Box::new(e))));
    let pod_events = watcher(
        Api::<Pod>::namespaced(client.clone(), ns),
        watcher::Config::default().labels(&job::pod_selector(name)),
    )
    .default_backoff()
    .map(|e| e.map(|e| Either::Pod(Box::new(e))));
    let controller_events = watcher(
        Api::<k8s_openapi::api::core::v1::Event>::namespaced(client.clone(), ns),
        watcher::Config::default().fields(&format!(
            "involvedObject.kind=Job,involvedObject.name={name}"
        )),
    )
    .default_backoff()
    .map(|e| e.map(|e| Either::Event(Box::new(e))));
    let mut events = futures::stream::select(
        futures::stream::select(job_events.boxed(), pod_events.boxed()),
        controller_events.boxed(),
    );
    let mut current: Option<Job> = None;
    let mut seen_pods: std::collections::BTreeMap<String, Pod> = Default::default();
    let mut refusals: Vec<k8s_openapi::api::core::v1::Event> = Vec::new();
    let mut told = std::collections::BTreeSet::new();
    let mut last_state: Option<job::State> = None;
    let mut broken = 0;
    let waiting = async {
        loop {
            let event = match events.try_next().await {
                Ok(Some(event)) => {
                    broken = 0;
                    event
                }
                Ok(None) => {
                    return Err(Error::general(format!(
                        "the watch of job {name} ended early"
                    )));
                }
                Err(e) if resumable(&e) && broken < super::wait::WATCH_RESUMES => {
                    broken += 1;
                    continue;
                }
                Err(e) => return Err(watch_error(cluster, e)),
            };
            match event {
                Either::Job(event) => match *event {
                    watcher::Event::Apply(job) | watcher::Event::InitApply(job) => {
                        current = Some(job);
                    }
                    watcher::Event::Delete(_) => {
                        return Err(Error::new(
                            Kind::NotFound,
                            format!("job {name} was deleted while waiting for it"),
                        ));
                    }
                    watcher::Event::InitDone if current.is_none() => {
                        return Err(not_found(cluster, name));
                    }
                    _ => {}
                },
                Either::Pod(event) => match *event {
                    watcher::Event::Apply(pod) | watcher::Event::InitApply(pod) => {
                        seen_pods.insert(pod.metadata.name.clone().unwrap_or_default(), pod);
                    }
                    watcher::Event::Delete(pod) => {
                        seen_pods.remove(&pod.metadata.name.clone().unwrap_or_default());
                    }
                    _ => {}
                },
                Either::Event(event) => {
                    if let watcher::Event::Apply(e) | watcher::Event::InitApply(e) = *event {
                        refusals.push(e);
                    }
                }
            }
            let Some(job) = &current else { continue };
            let uid = job.metadata.uid.as_deref().unwrap_or_default();
            let pods: Vec<Pod> = seen_pods
                .values()
                .filter(|p| owned_by(p, job))
                .cloned()
                .collect();
            for pod in &pods {
                if let Some(report) = job::pod_trouble(pod)
                    && told.insert(format!("{report:?}"))
                {
                    on_progress(report);
                }
            }
            for refusal in refusals.drain(..) {
                if let Some(report) = job::controller_trouble(&refusal, uid)
                    && told.insert(format!("{report:?}"))
                {
                    on_progress(report);
                }
            }
            let status = job::status(job, &pods);
            if let Some(outcome) = status.outcome {
                // The failed pod's exit code may be in a pod this watch has not heard of yet:
                // read them once more when it is missing.
                if let Outcome::Failed { code: None, .. } = outcome {
                    let pods: Vec<Pod> = pods_of(cluster, name)
                        .await?
                        .into_iter()
                        .filter(|p| owned_by(p, job))
                        .collect();
                    return Ok(job::status(job, &pods).outcome.unwrap_or(outcome));
                }
                return Ok(outcome);
            }
            if last_state != Some(status.state) {
                on_progress(Progress::State(status.state));
                last_state = Some(status.state);
            }
        }
    };
    match tokio::time::timeout(timeout, waiting).await {
        Ok(outcome) => outcome,
        Err(_) => Err(Error::new(
            Kind::Timeout,
            format!(
                "job {name} has not finished after {}{}",
                crate::devserver::duration::format(timeout),
                match last_state {
                    None => String::new(),
                    Some(state) => format!(" (it is {state})"),
                }
            ),
        )
        .hint(format!(
            "the job goes on: devctl job wait {name} waits again, devctl job describe {name} shows its pods"
        ))),
    }
}

/// A watch error that a new watch may get past: not the API server's refusal.
fn resumable(e: &watcher::Error) -> bool {
    let refused =
        |e: &kube::Error| matches!(e, kube::Error::Api(s) if matches!(s.code, 401 | 403 | 404));
    match e {
        watcher::Error::InitialListFailed(e)
        | watcher::Error::WatchStartFailed(e)
        | watcher::Error::WatchFailed(e) => !refused(e),
        watcher::Error::WatchError(s) => !matches!(s.code, 401 | 403 | 404),
        _ => true,
    }
}

async fn pods_of(cluster: &Cluster, name: &str) -> Result<Vec<Pod>> {
    pods(cluster, name).await
}

enum Either {
    Job(Box<watcher::Event<Job>>),
    Pod(Box<watcher::Event<Pod>>),
    Event(Box<watcher::Event<k8s_openapi::api::core::v1::Event>>),
}

/// What one `job delete` did.
#[derive(Debug, Default)]
pub struct Deleted {
    /// The results claims kept (`--keep-results`).
    pub kept: Vec<String>,
}

/// Deletes job `name` with everything it owns (background propagation: the garbage
/// collector takes the pods, the results claim, the Secret, ConfigMap, Service and new
/// claims). With `keep_results`, the results claim is first taken out of the Job's ownership
/// and given the job's image and owner, so it stays for `job results`. Claims kept by an
/// earlier `--keep-results` are deleted unless kept again.
pub async fn delete(cluster: &Cluster, name: &str, keep_results: bool) -> Result<Option<Deleted>> {
    let ns = &cluster.namespace;
    let jobs = Api::<Job>::namespaced(cluster.client.clone(), ns);
    let claims = Api::<PersistentVolumeClaim>::namespaced(cluster.client.clone(), ns);
    let selector = job::results_selector(name);
    let results_params = ListParams::default().labels(&selector);
    // The pods tell which claim holds each index's results: needed only to keep them.
    let pods = async {
        match keep_results {
            true => pods(cluster, name).await,
            false => Ok(Vec::new()),
        }
    };
    let (found, pods, results) =
        tokio::join!(jobs.get_opt(name), pods, claims.list(&results_params));
    let found = found.map_err(|e| cluster.error(e))?;
    let results = results.map_err(|e| cluster.error(e))?.items;
    // Kept by an earlier --keep-results: labelled with an index and owned by nothing.
    let kept_before: Vec<String> = results
        .iter()
        .filter(|c| !job::kept_places(c).is_empty())
        .filter(|c| {
            c.metadata
                .owner_references
                .as_ref()
                .is_none_or(Vec::is_empty)
        })
        .filter_map(|c| c.metadata.name.clone())
        .collect();
    let job = match found {
        Some(job) if job::is_devctl_job(&job) => Some(job),
        Some(_) => {
            return Err(Error::new(
                Kind::Conflict,
                format!("job {name} in namespace {ns} was not made by devctl; not deleting it"),
            )
            .hint(format!("kubectl delete job {name} deletes it")));
        }
        None => None,
    };
    if job.is_none() && kept_before.is_empty() {
        return Ok(None);
    }
    let mut deleted = Deleted::default();
    if keep_results {
        let pods = pods?;
        let own = job
            .as_ref()
            .map(|j| {
                pods.iter()
                    .filter(|p| owned_by(p, j))
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        // The job's one results claim; a gang of an older devctl had a claim per pod.
        let mut keep: Vec<(Option<u32>, String)> = match &job {
            Some(j) => job::newest_pod_per_index(&own)
                .into_iter()
                .filter_map(|(index, pod)| {
                    let place = job::results_place(j, index, Some(pod))?;
                    Some((place.dir.is_none().then_some(index), place.claim))
                })
                .chain(job::job_results_claim(j).map(|claim| {
                    let one = job::results_place(j, 0, None).is_some_and(|p| p.dir.is_none());
                    (one.then_some(0), claim)
                }))
                .collect(),
            None => Vec::new(),
        };
        keep.sort();
        keep.dedup();
        let kept_annotations: serde_json::Map<String, serde_json::Value> = job
            .as_ref()
            .and_then(|j| j.metadata.annotations.as_ref())
            .into_iter()
            .flatten()
            .filter(|(k, _)| [job::IMAGE_ANNOTATION, OWNER_ANNOTATION].contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect();
        let stamps = keep.into_iter().map(|(index, claim)| {
            let claims = claims.clone();
            let kept_annotations = kept_annotations.clone();
            // What `job results` needs to read it with no Job left: the image and the owner.
            let labels = match index {
                Some(index) => serde_json::json!({ job::KEPT_INDEX_LABEL: index.to_string() }),
                None => serde_json::json!({}),
            };
            let patch = serde_json::json!({
                "metadata": {
                    "ownerReferences": null,
                    "labels": labels,
                    "annotations": kept_annotations,
                }
            });
            async move {
                match claims
                    .patch(&claim, &PatchParams::default(), &Patch::Merge(&patch))
                    .await
                {
                    Ok(_) => Ok(Some(claim)),
                    Err(kube::Error::Api(s)) if s.code == 404 => Ok(None),
                    Err(e) => Err(e),
                }
            }
        });
        for stamped in futures::future::join_all(stamps).await {
            if let Some(claim) = stamped.map_err(|e| cluster.error(e))? {
                deleted.kept.push(claim);
            }
        }
        // What an earlier --keep-results kept stays kept.
        for claim in kept_before.iter() {
            if !deleted.kept.contains(claim) {
                deleted.kept.push(claim.clone());
            }
        }
        deleted.kept.sort();
    }
    let job_delete = async {
        match &job {
            Some(_) => match jobs.delete(name, &DeleteParams::background()).await {
                Ok(_) => Ok(()),
                Err(kube::Error::Api(s)) if s.code == 404 => Ok(()),
                Err(e) => Err(e),
            },
            None => Ok(()),
        }
    };
    let old_kept =
        futures::future::join_all(kept_before.iter().filter(|_| !keep_results).map(|claim| {
            let claims = claims.clone();
            async move {
                match claims.delete(claim, &DeleteParams::background()).await {
                    Ok(_) => Ok(()),
                    Err(kube::Error::Api(s)) if s.code == 404 => Ok(()),
                    Err(e) => Err(e),
                }
            }
        }));
    let (job_deleted, old_kept) = tokio::join!(job_delete, old_kept);
    job_deleted.map_err(|e| cluster.error(e))?;
    for result in old_kept {
        result.map_err(|e| cluster.error(e))?;
    }
    Ok(Some(deleted))
}

/// Whether `pod` is this Job's (and not a pod of an earlier job of the same name that is still
/// going away).
pub fn owned_by(pod: &Pod, job: &Job) -> bool {
    let uid = job.metadata.uid.as_deref();
    uid.is_some()
        && pod
            .metadata
            .owner_references
            .iter()
            .flatten()
            .any(|o| o.kind == "Job" && Some(o.uid.as_str()) == uid)
}

/// Which part of a job's log to read.
#[derive(Debug, Clone, Copy, Default)]
pub struct LogOptions {
    pub timestamps: bool,
    pub tail: Option<u32>,
}

impl LogOptions {
    fn params(self, follow: bool) -> kube::api::LogParams {
        kube::api::LogParams {
            container: Some(job::CONTAINER.to_string()),
            follow,
            timestamps: self.timestamps,
            tail_lines: self.tail.map(i64::from),
            ..kube::api::LogParams::default()
        }
    }
}

/// One line of a job's output: the index of the pod it came from and its bytes (with the
/// newline, when it had one).
pub type Line = (u32, Vec<u8>);

fn started(pod: &Pod) -> bool {
    matches!(
        pod.status.as_ref().and_then(|s| s.phase.as_deref()),
        Some("Running" | "Succeeded" | "Failed")
    )
}

/// Reads the log of pod `pod` line by line into `lines`.
async fn stream_pod(
    pods: Api<Pod>,
    pod: String,
    index: u32,
    params: kube::api::LogParams,
    lines: tokio::sync::mpsc::Sender<Result<Line, kube::Error>>,
) {
    use futures::AsyncBufReadExt as _;
    let mut reader = match pods.log_stream(&pod, &params).await {
        Ok(reader) => reader,
        // A pod deleted meanwhile (the job failed and its other pods were stopped) has no
        // more to say.
        Err(kube::Error::Api(s)) if s.code == 404 => return,
        Err(e) => {
            let _ = lines.send(Err(e)).await;
            return;
        }
    };
    let mut line = Vec::new();
    loop {
        let (used, end) = match reader.fill_buf().await {
            // A stream cut as the pod goes: what came is what there was.
            Ok([]) | Err(_) => {
                if !line.is_empty() {
                    let _ = lines.send(Ok((index, line))).await;
                }
                return;
            }
            Ok(buf) => match segment_end(buf) {
                Some(end) => {
                    line.extend_from_slice(&buf[..end]);
                    (end, true)
                }
                None => {
                    line.extend_from_slice(buf);
                    (buf.len(), line.len() >= MAX_LINE)
                }
            },
        };
        reader.consume_unpin(used);
        if end
            && lines
                .send(Ok((index, std::mem::take(&mut line))))
                .await
                .is_err()
        {
            return;
        }
    }
}

/// How many lines the pods' streams may send ahead of the terminal: a slow terminal slows the
/// streams instead of filling memory.
const LINES_IN_FLIGHT: usize = 1024;

/// A line longer than this is passed on in pieces (output with no line breaks at all).
const MAX_LINE: usize = 64 * 1024;

/// Where the first segment of `buf` ends: after a `\n`, or after a `\r`, a `\r\n` counting as
/// one. Each drawing of a progress bar redrawn in place (as tqdm draws) is then a segment of
/// its own and gets its index prefix, instead of drawing over it. (The container runtime logs
/// by lines: a drawing reaches the log, and devctl, when its line ends or its buffer fills.)
fn segment_end(buf: &[u8]) -> Option<usize> {
    let at = buf.iter().position(|b| *b == b'\n' || *b == b'\r')?;
    match (buf[at], buf.get(at + 1)) {
        (b'\r', Some(b'\n')) => Some(at + 2),
        _ => Some(at + 1),
    }
}

/// The output so far of the newest pod of each index (`only`: one index), index by index.
/// A job none of whose chosen pods has started is an error that says where they are.
pub async fn read_logs(
    cluster: &Cluster,
    name: &str,
    only: Option<u32>,
    options: LogOptions,
    mut on_line: impl FnMut(Line),
) -> Result<()> {
    let (job, pods) = get_with_pods(cluster, name).await?;
    let chosen = job::newest_pod_per_index(&pods);
    let chosen: Vec<(u32, &Pod)> = chosen
        .into_iter()
        .filter(|(i, _)| only.is_none_or(|o| o == *i))
        .collect();
    if let Some(index) = only {
        let nodes = job::status(&job, &[]).nodes;
        if index >= nodes {
            return Err(Error::usage(format!(
                "job {name} has indexes 0 to {}; there is no index {index}",
                nodes.saturating_sub(1)
            )));
        }
    }
    if !chosen.iter().any(|(_, p)| started(p)) {
        let state = job::status(&job, &pods).state;
        return Err(Error::general(format!(
            "job {name} has no output yet: it is {state} and no pod{} has started",
            only.map(|i| format!(" of index {i}")).unwrap_or_default()
        ))
        .hint(format!(
            "devctl job logs {name} -f waits for it; devctl job describe {name} says why it waits"
        )));
    }
    let api = Api::<Pod>::namespaced(cluster.client.clone(), &cluster.namespace);
    for (index, pod) in chosen.into_iter().filter(|(_, p)| started(p)) {
        let (tx, mut rx) = tokio::sync::mpsc::channel(LINES_IN_FLIGHT);
        let pod_name = pod.metadata.name.clone().unwrap_or_default();
        let reading = stream_pod(api.clone(), pod_name, index, options.params(false), tx);
        let printing = async {
            while let Some(line) = rx.recv().await {
                on_line(line.map_err(|e| cluster.error(e))?);
            }
            Ok::<(), Error>(())
        };
        let ((), printed) = tokio::join!(reading, printing);
        printed?;
    }
    Ok(())
}

/// Follows the output of job `name` (`only`: one index) as its pods start, until the job has
/// finished and every stream has ended; returns how the job ended. `on_progress` hears what
/// the wait hears.
pub async fn follow(
    cluster: &Cluster,
    name: &str,
    only: Option<u32>,
    options: LogOptions,
    timeout: Duration,
    on_progress: impl FnMut(Progress),
    mut on_line: impl FnMut(Line),
) -> Result<Outcome> {
    let api = Api::<Pod>::namespaced(cluster.client.clone(), &cluster.namespace);
    // This Job's pods only, never those of an earlier job of the name still going away.
    let this = get(cluster, name).await?;
    let (tx, mut rx) = tokio::sync::mpsc::channel(LINES_IN_FLIGHT);
    let mut followed = std::collections::BTreeSet::new();
    let pod_events = watcher(
        api.clone(),
        watcher::Config::default().labels(&job::pod_selector(name)),
    );
    tokio::pin!(pod_events);
    let waited = wait(cluster, name, timeout, on_progress);
    tokio::pin!(waited);
    let mut streams = futures::stream::FuturesUnordered::new();
    let mut outcome = None;
    loop {
        tokio::select! {
            done = &mut waited, if outcome.is_none() => {
                outcome = Some(done?);
                // Pods the watch had not yet seen start (the job's end can come first) still
                // have output.
                let pods: Vec<Pod> = pods(cluster, name)
                    .await?
                    .into_iter()
                    .filter(|p| owned_by(p, &this))
                    .collect();
                for (index, pod) in job::newest_pod_per_index(&pods) {
                    let pod_name = pod.metadata.name.clone().unwrap_or_default();
                    if only.is_none_or(|o| o == index) && started(pod) && followed.insert(pod_name.clone()) {
                        streams.push(stream_pod(api.clone(), pod_name, index, options.params(true), tx.clone()));
                    }
                }
            }
            event = pod_events.try_next(), if outcome.is_none() => {
                let pod = match event {
                    Ok(Some(watcher::Event::Apply(pod) | watcher::Event::InitApply(pod))) => pod,
                    Ok(_) => continue,
                    Err(e) => return Err(watch_error(cluster, e)),
                };
                let Some(index) = job::pod_index(&pod).filter(|_| owned_by(&pod, &this)) else { continue };
                let pod_name = pod.metadata.name.clone().unwrap_or_default();
                if only.is_none_or(|o| o == index) && started(&pod) && followed.insert(pod_name.clone()) {
                    streams.push(stream_pod(api.clone(), pod_name, index, options.params(true), tx.clone()));
                }
            }
            line = rx.recv() => {
                if let Some(line) = line {
                    on_line(line.map_err(|e| cluster.error(e))?);
                }
            }
            Some(()) = streams.next(), if !streams.is_empty() => {}
        }
        if let Some(outcome) = &outcome
            && streams.is_empty()
        {
            // What the streams sent before they ended.
            while let Ok(line) = rx.try_recv() {
                on_line(line.map_err(|e| cluster.error(e))?);
            }
            return Ok(outcome.clone());
        }
    }
}

/// Everything `job describe` shows, read in one wave: the Job, its pods, its results claims,
/// the Job's events and the pods' events.
pub struct Described {
    pub job: Job,
    pub pods: Vec<Pod>,
    pub claims: Vec<PersistentVolumeClaim>,
    pub events: Vec<k8s_openapi::api::core::v1::Event>,
}

pub async fn describe(cluster: &Cluster, name: &str) -> Result<Described> {
    let ns = &cluster.namespace;
    let events = Api::<k8s_openapi::api::core::v1::Event>::namespaced(cluster.client.clone(), ns);
    let claims = Api::<PersistentVolumeClaim>::namespaced(cluster.client.clone(), ns);
    let about = |kind: &str, object: &str| {
        ListParams::default().fields(&format!(
            "involvedObject.kind={kind},involvedObject.name={object}"
        ))
    };
    let job_events = about("Job", name);
    let selector = job::results_selector(name);
    let claim_params = ListParams::default().labels(&selector);
    // The pods' events in the same wave as the pods: every pod event of the namespace, kept
    // when its pod is one of this Job's (a round per pod after the pods would be slower).
    let pod_events = ListParams::default().fields("involvedObject.kind=Pod");
    let (found, claim_list, job_events, pod_events) = tokio::join!(
        get_with_pods(cluster, name),
        claims.list(&claim_params),
        events.list(&job_events),
        events.list(&pod_events),
    );
    let (found, pods) = found?;
    let uids: std::collections::BTreeSet<&str> = pods
        .iter()
        .filter_map(|p| p.metadata.uid.as_deref())
        .collect();
    let mut all = job_events.map_err(|e| cluster.error(e))?.items;
    all.extend(
        pod_events
            .map_err(|e| cluster.error(e))?
            .items
            .into_iter()
            .filter(|e| {
                e.involved_object
                    .uid
                    .as_deref()
                    .is_some_and(|u| uids.contains(u))
            }),
    );
    Ok(Described {
        job: found,
        pods,
        claims: claim_list.map_err(|e| cluster.error(e))?.items,
        events: all,
    })
}

#[cfg(test)]
mod tests {
    use super::segment_end;

    #[test]
    fn output_is_cut_after_each_line_break_and_each_carriage_return() {
        assert_eq!(segment_end(b"one\ntwo\n"), Some(4));
        // tqdm redraws with \r: each drawing is a segment.
        assert_eq!(segment_end(b" 10%|#  |\r 20%"), Some(10));
        assert_eq!(segment_end(b"\r 10%"), Some(1));
        assert_eq!(segment_end(b"windows\r\nnext"), Some(9));
        assert_eq!(segment_end(b"no end yet"), None);
        assert_eq!(segment_end(b""), None);
    }
}
