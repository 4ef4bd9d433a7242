//! Reading a job's results back through the API (JOBS.md): find the claim of each index, start
//! a reader pod on it and wait for it with a watch, list through the exec API, and receive
//! each file into a temporary name beside its final one, which it takes only once its SHA-256
//! equals the one computed beside the data. Nothing here prints; progress goes to a callback.

use std::collections::BTreeMap;
use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use futures::{StreamExt as _, TryStreamExt as _};
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Pod, PodSpec};
use kube::api::{Api, AttachParams, DeleteParams, ListParams, PostParams};
use tokio::io::{AsyncRead, AsyncReadExt as _, AsyncWriteExt as _};

use super::Cluster;
use crate::devserver::results::{
    self as domain, Digest, File, Listing, Progress, ReaderSpec, ReaderState,
};
use crate::devserver::{job, manifests};
use crate::error::{Error, Kind, Result};

/// One index's results: the claim (and directory on it) that holds them, and where the pod
/// that wrote them ran.
#[derive(Debug, Clone)]
pub struct Source {
    pub index: u32,
    pub claim: String,
    /// The index's directory on a gang's claim; `None`: the claim's root.
    pub dir: Option<String>,
    /// The job's pod, while it exists.
    pub pod: Option<String>,
    pub node: Option<String>,
}

/// A job's results, found.
#[derive(Debug, Clone)]
pub struct Found {
    pub name: String,
    pub job_uid: Option<String>,
    pub owner: String,
    /// The image to read them with; `None` for kept claims that do not say.
    pub image: Option<String>,
    pub template: Option<PodSpec>,
    pub sources: Vec<Source>,
}

/// Finds where the results of each index of job `name` are: on the Job's results claim (every
/// index of a gang, also those whose pods the Job controller stopped and deleted), with the
/// node of the newest pod of each index (a Succeeded one first); with no Job, on the claims
/// `job delete --keep-results` kept. A job that still runs has no final results yet: refused.
pub async fn find(cluster: &Cluster, name: &str) -> Result<Found> {
    let client = &cluster.client;
    let ns = &cluster.namespace;
    let jobs: Api<Job> = Api::namespaced(client.clone(), ns);
    let pods: Api<Pod> = Api::namespaced(client.clone(), ns);
    let claims: Api<PersistentVolumeClaim> = Api::namespaced(client.clone(), ns);
    let read = || async {
        tokio::try_join!(
            async { jobs.get_opt(name).await.map_err(|e| cluster.error(e)) },
            async {
                pods.list(&ListParams::default().labels(&job::pod_selector(name)))
                    .await
                    .map_err(|e| cluster.error(e))
            },
            async {
                claims
                    .list(&ListParams::default().labels(&job::results_selector(name)))
                    .await
                    .map_err(|e| cluster.error(e))
            },
        )
    };
    let (mut found_job, mut pod_list, mut claim_list) = read().await?;
    if found_job
        .as_ref()
        .is_some_and(|j| domain::progress(j) == Progress::Stopping)
    {
        // A failed gang whose other pods the Job controller is stopping: they may still write
        // until they have ended or are gone.
        if let Some(j) = &found_job {
            until_pods_stopped(cluster, &pods, j, name).await?;
        }
        (found_job, pod_list, claim_list) = read().await?;
    }
    let claim_names: Vec<&str> = claim_list
        .items
        .iter()
        .filter_map(|c| c.metadata.name.as_deref())
        .collect();

    if let Some(found) = &found_job {
        let ours = found
            .metadata
            .labels
            .as_ref()
            .and_then(|l| l.get(manifests::NAME_LABEL))
            .is_some_and(|v| v == job::KIND_VALUE);
        if !ours {
            return Err(Error::general(format!(
                "job {name} was not made by devctl job run: it has no results volume to read"
            )));
        }
        if !job::keeps_results(found) {
            return Err(Error::general(format!(
                "job {name} was run with --no-results: it keeps no results to read"
            )));
        }
        if domain::progress(found) == Progress::Running {
            return Err(Error::general(format!(
                "job {name} is still running: its results are not final until it ends"
            ))
            .hint(format!(
                "devctl job wait {name} waits for it; then devctl job results {name}"
            )));
        }
    }
    let annotation = |key: &str| {
        found_job
            .as_ref()
            .and_then(|j| j.metadata.annotations.as_ref())
            .and_then(|a| a.get(key))
            .cloned()
    };
    let template = found_job
        .as_ref()
        .and_then(|j| j.spec.as_ref())
        .and_then(|s| s.template.spec.clone());
    let mut owner = annotation(manifests::OWNER);
    let mut image = annotation(domain::IMAGE_ANNOTATION);

    let mut sources: Vec<Source> = Vec::new();
    // This Job's pods only, never those of an earlier job of the name still going away.
    let pods: Vec<Pod> = pod_list
        .items
        .into_iter()
        .filter(|p| {
            found_job
                .as_ref()
                .is_some_and(|j| super::jobs::owned_by(p, j))
        })
        .collect();
    let chosen = job::newest_pod_per_index(&pods);
    let node_of = |index: u32| {
        chosen
            .get(&index)
            .and_then(|p| p.spec.as_ref())
            .and_then(|s| s.node_name.clone())
    };
    if let Some(found) = &found_job {
        let completions = found
            .spec
            .as_ref()
            .and_then(|s| s.completions)
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(1);
        for index in 0..completions {
            let pod = chosen.get(&index).copied();
            // A claim per pod (an older devctl's gang) is known only while its pod is there.
            let Some(place) = job::results_place(found, index, pod) else {
                continue;
            };
            if !claim_names.contains(&place.claim.as_str()) {
                return Err(Error::general(format!(
                    "the results claim {} of job {name} (index {index}) is gone",
                    place.claim
                )));
            }
            if image.is_none() {
                image = pod
                    .and_then(|p| p.spec.as_ref())
                    .and_then(|s| s.containers.iter().find(|c| c.name == job::CONTAINER))
                    .and_then(|c| c.image.clone());
            }
            sources.push(Source {
                index,
                claim: place.claim,
                dir: place.dir,
                pod: pod.and_then(|p| p.metadata.name.clone()),
                node: node_of(index),
            });
        }
    } else {
        // No Job left: the claims an earlier `job delete --keep-results` kept.
        let mut kept: BTreeMap<u32, (&PersistentVolumeClaim, job::ResultsPlace)> = BTreeMap::new();
        for claim in &claim_list.items {
            if claim.metadata.deletion_timestamp.is_some() {
                continue;
            }
            for (index, place) in job::kept_places(claim) {
                kept.insert(index, (claim, place));
            }
        }
        for (index, (claim, place)) in kept {
            let annotations = claim.metadata.annotations.as_ref();
            owner = owner.or_else(|| annotations.and_then(|a| a.get(manifests::OWNER)).cloned());
            image = image.or_else(|| {
                annotations
                    .and_then(|a| a.get(domain::IMAGE_ANNOTATION))
                    .cloned()
            });
            sources.push(Source {
                index,
                claim: place.claim,
                dir: place.dir,
                pod: None,
                node: None,
            });
        }
    }
    if sources.is_empty() {
        return Err(match found_job {
            None => Error::new(Kind::NotFound, format!("job {name} not found"))
                .hint("devctl job list shows your jobs"),
            Some(_) => Error::general(format!(
                "job {name} has no pods left and no kept results claim to read"
            )),
        });
    }
    let owner = owner.unwrap_or_else(|| {
        claim_list
            .items
            .first()
            .and_then(|c| c.metadata.labels.as_ref()?.get(manifests::OWNER).cloned())
            .unwrap_or_default()
    });
    Ok(Found {
        name: name.to_string(),
        job_uid: found_job.and_then(|j| j.metadata.uid),
        owner,
        image,
        template,
        sources,
    })
}

/// Waits (a watch on its pods) until no pod of `job` runs any more: each has ended or is gone.
async fn until_pods_stopped(
    cluster: &Cluster,
    pods: &Api<Pod>,
    job: &Job,
    name: &str,
) -> Result<()> {
    use kube::runtime::watcher;
    let config = watcher::Config::default().labels(&job::pod_selector(name));
    let events = watcher::watcher(pods.clone(), config);
    futures::pin_mut!(events);
    let mut running: BTreeMap<String, bool> = BTreeMap::new();
    let mut listed = false;
    let runs = |pod: &Pod| {
        super::jobs::owned_by(pod, job)
            && !matches!(
                pod.status.as_ref().and_then(|s| s.phase.as_deref()),
                Some("Succeeded" | "Failed")
            )
    };
    loop {
        match events.try_next().await {
            Ok(Some(watcher::Event::Init)) => running.clear(),
            Ok(Some(watcher::Event::InitApply(pod) | watcher::Event::Apply(pod))) => {
                let key = pod.metadata.name.clone().unwrap_or_default();
                running.insert(key, runs(&pod));
            }
            Ok(Some(watcher::Event::Delete(pod))) => {
                running.remove(&pod.metadata.name.clone().unwrap_or_default());
            }
            Ok(Some(watcher::Event::InitDone)) => listed = true,
            Ok(None) => {
                return Err(Error::general(format!(
                    "the watch of job {name}'s pods ended"
                )));
            }
            Err(e) => return Err(watch_error(cluster, e)),
        }
        if listed && !running.values().any(|r| *r) {
            return Ok(());
        }
    }
}

/// How long a reader may stay unschedulable before it counts as stuck: the scheduler may turn
/// it away for a moment while a claim is being bound.
const UNSCHEDULABLE_GRACE: Duration = Duration::from_secs(30);

/// How long cleaning up waits for the answer to a reader's create still in flight.
const CREATE_ANSWER: Duration = Duration::from_secs(10);

/// The reader pods of one run of `job results`, deleted at its end whatever happened.
pub struct Readers<'c> {
    cluster: &'c Cluster,
    made: Mutex<Vec<String>>,
    /// Held (shared) by every create until it is answered: the deletes wait for them.
    in_flight: std::sync::Arc<tokio::sync::RwLock<()>>,
}

impl<'c> Readers<'c> {
    pub fn new(cluster: &'c Cluster) -> Readers<'c> {
        Readers {
            cluster,
            made: Mutex::new(Vec::new()),
            in_flight: std::sync::Arc::default(),
        }
    }

    /// Makes a reader pod for `spec` and waits (a watch) until it runs; returns its name.
    pub async fn start(&self, spec: &ReaderSpec) -> Result<String> {
        let pods: Api<Pod> = Api::namespaced(self.cluster.client.clone(), &self.cluster.namespace);
        let name = spec.name.clone();
        // Known before it is asked for, so that a Ctrl-C while the create is in flight still
        // deletes it.
        self.made
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(name.clone());
        // The create runs on a task of its own: Ctrl-C drops this future, not the request, and
        // [`Readers::delete_all`] waits for its answer before it deletes.
        let answered = self.in_flight.clone().read_owned().await;
        let (answer, answer_here) = tokio::sync::oneshot::channel();
        let (api, pod) = (pods.clone(), domain::reader_pod(spec));
        tokio::spawn(async move {
            let created = api.create(&PostParams::default(), &pod).await.map(drop);
            drop(answered);
            let _ = answer.send(created);
        });
        let answer = answer_here
            .await
            .map_err(|_| Error::general(format!("the create of the reader {name} was lost")))?;
        if let Err(e) = answer {
            // The API server's refusal made nothing: a pod of that name (409) is not ours.
            if matches!(e, kube::Error::Api(_)) {
                self.made
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .retain(|n| *n != name);
            }
            return Err(self
                .cluster
                .error(e)
                .prefix(&format!("making a pod to read {}", spec.claim)));
        }
        until_running(self.cluster, &pods, &name, &spec.image).await?;
        Ok(name)
    }

    /// Starts a reader for each claim of `sources` (a gang's indexes share one), on a node
    /// one of them ran on where it can, all at once; returns where each source is read.
    pub async fn start_for(
        &self,
        found: &Found,
        sources: &[Source],
        image: &str,
        timeout: Duration,
    ) -> Result<Vec<Place>> {
        let mut claims: Vec<(String, Option<String>)> = Vec::new();
        for source in sources {
            match claims.iter_mut().find(|(claim, _)| *claim == source.claim) {
                Some((_, node)) => {
                    if node.is_none() {
                        node.clone_from(&source.node);
                    }
                }
                None => claims.push((source.claim.clone(), source.node.clone())),
            }
        }
        let deadline = reader_deadline(timeout);
        let pods = futures::future::try_join_all(claims.iter().map(|(claim, node)| async move {
            let suffix = crate::devserver::names::random_suffix().map_err(Error::general)?;
            let spec = ReaderSpec {
                name: domain::reader_name(&found.name, &suffix),
                job: found.name.clone(),
                job_uid: found.job_uid.clone(),
                owner: found.owner.clone(),
                image: image.to_string(),
                claim: claim.clone(),
                node: node.clone(),
                template: found.template.clone(),
                deadline_seconds: deadline,
            };
            self.start(&spec).await
        }))
        .await?;
        let reader_of: BTreeMap<&str, &String> = claims
            .iter()
            .map(|(claim, _)| claim.as_str())
            .zip(&pods)
            .collect();
        sources
            .iter()
            .map(|source| {
                let pod = reader_of.get(source.claim.as_str()).ok_or_else(|| {
                    Error::general(format!("no reader was started for {}", source.claim))
                })?;
                Ok(Place {
                    pod: (*pod).clone(),
                    root: domain::reader_root(source.dir.as_deref()),
                })
            })
            .collect()
    }

    /// Deletes every reader made (best effort: the Job owns them, and each has a deadline),
    /// once the creates still in flight are answered (for a while at most).
    pub async fn delete_all(&self) {
        let _answered = tokio::time::timeout(CREATE_ANSWER, self.in_flight.write()).await;
        let names = std::mem::take(&mut *self.made.lock().unwrap_or_else(|p| p.into_inner()));
        let pods: Api<Pod> = Api::namespaced(self.cluster.client.clone(), &self.cluster.namespace);
        let deletes = names.iter().map(|name| {
            let pods = pods.clone();
            async move {
                let deleted = tokio::time::timeout(
                    Duration::from_secs(10),
                    pods.delete(name, &DeleteParams::default()),
                )
                .await;
                match deleted {
                    Ok(Ok(_)) => {}
                    Ok(Err(kube::Error::Api(s))) if s.code == 404 => {}
                    Ok(Err(e)) => tracing::debug!("deleting the reader pod {name}: {e}"),
                    Err(_) => tracing::debug!("deleting the reader pod {name} timed out"),
                }
            }
        });
        futures::future::join_all(deletes).await;
    }
}

async fn until_running(cluster: &Cluster, pods: &Api<Pod>, name: &str, image: &str) -> Result<()> {
    let events = kube::runtime::watcher::watch_object(pods.clone(), name);
    futures::pin_mut!(events);
    let mut unschedulable_since: Option<(tokio::time::Instant, String)> = None;
    loop {
        let next = match &unschedulable_since {
            Some((since, message)) => {
                match tokio::time::timeout_at(*since + UNSCHEDULABLE_GRACE, events.try_next()).await
                {
                    Ok(next) => next,
                    Err(_) => {
                        return Err(Error::general(format!(
                            "the pod {name} that would read the results cannot be scheduled: {message}"
                        ))
                        .hint("it needs a node that can mount the results claim, and takes the job's tolerations"));
                    }
                }
            }
            None => events.try_next().await,
        };
        let pod = match next {
            Ok(Some(Some(pod))) => pod,
            Ok(Some(None)) | Ok(None) => {
                return Err(Error::general(format!(
                    "the pod {name} that would read the results was deleted"
                )));
            }
            Err(e) => return Err(watch_error(cluster, e)),
        };
        match domain::reader_state(&pod) {
            ReaderState::Running => return Ok(()),
            ReaderState::Failed(why) => {
                return Err(Error::general(format!(
                    "the pod {name} that would read the results cannot run: {why}"
                ))
                .hint(format!(
                    "it runs the job's image {image}, which needs sleep, sh, cat and sha256sum"
                )));
            }
            ReaderState::Unschedulable(message) => {
                if unschedulable_since.is_none() {
                    unschedulable_since = Some((tokio::time::Instant::now(), message));
                }
            }
            ReaderState::Starting => unschedulable_since = None,
        }
    }
}

fn watch_error(cluster: &Cluster, watch: kube::runtime::watcher::Error) -> Error {
    use kube::runtime::watcher::Error as Watch;
    match watch {
        Watch::InitialListFailed(e) | Watch::WatchStartFailed(e) | Watch::WatchFailed(e) => {
            cluster.error(e)
        }
        Watch::WatchError(status) => cluster.error(kube::Error::Api(status)),
        other => Error::general(other.to_string()),
    }
}

/// How a reader's exec ended.
enum Ended {
    Ok,
    /// The command's exit code.
    Code(i64),
    /// The exec itself failed (no such program): the API's message.
    Failed(String),
}

fn ended(status: Option<k8s_openapi::apimachinery::pkg::apis::meta::v1::Status>) -> Ended {
    let Some(status) = status else {
        return Ended::Failed("the exec stream ended without the command's status".into());
    };
    if status.status.as_deref() == Some("Success") {
        return Ended::Ok;
    }
    let code = status
        .details
        .as_ref()
        .and_then(|d| d.causes.as_ref())
        .into_iter()
        .flatten()
        .find(|c| c.reason.as_deref() == Some("ExitCode"))
        .and_then(|c| c.message.as_deref())
        .and_then(|m| m.parse::<i64>().ok());
    match code {
        Some(code) => Ended::Code(code),
        None => Ended::Failed(status.message.unwrap_or_else(|| "no reason given".into())),
    }
}

/// The error of a reader command that did not succeed, naming what the image lacks.
fn exec_failure(how: Ended, stderr: &[u8], image: &str, doing: &str) -> Error {
    let said = String::from_utf8_lossy(stderr).trim().to_string();
    let no_program = |what: &str| {
        Error::general(format!(
            "the job's image {image} has no {what}: devctl job results reads the --results files with sh, cat and sha256sum in the job's own image"
        ))
        .hint("use an image with coreutils or busybox (debian, ubuntu, alpine and python images have them)")
    };
    match how {
        Ended::Ok => Error::general(format!("{doing}: {said}")),
        Ended::Code(code) if code == i64::from(domain::NO_HASHER_EXIT) => {
            no_program("sha256sum (nor shasum or openssl)")
        }
        Ended::Code(127) => no_program(if said.contains("cat") { "cat" } else { "sh" }),
        Ended::Code(code) => {
            Error::general(format!("{doing}: the reader exited with {code}: {said}"))
        }
        Ended::Failed(message) => {
            let lower = message.to_lowercase();
            if lower.contains("not found") || lower.contains("no such file") {
                no_program("sh")
            } else {
                Error::general(format!("{doing}: {message}"))
            }
        }
    }
}

/// How much of a file's stream may wait in memory for its write.
const STREAM_BUFFER: usize = 4 << 20;

async fn exec(
    cluster: &Cluster,
    pod: &str,
    command: Vec<String>,
) -> Result<kube::api::AttachedProcess> {
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let params = AttachParams::default()
        .container(domain::READER_CONTAINER)
        .stdin(false)
        .stdout(true)
        .stderr(true)
        .tty(false)
        // kube's default is 1 KiB: every frame would wait for the file write before the next.
        .max_stdout_buf_size(STREAM_BUFFER);
    pods.exec(pod, command, &params).await.map_err(|e| {
        cluster
            .error(e)
            .prefix(&format!("running the reader in {pod}"))
    })
}

/// Where one index's results are read: the reader pod, and the directory in it.
#[derive(Debug, Clone)]
pub struct Place {
    pub pod: String,
    pub root: String,
}

/// What the reader finds under `place`: every directory, file (size, executable bit, SHA-256
/// computed there), link and what it could not read; `None` when the directory is not there
/// (an index of a gang whose pod never started).
pub async fn list(cluster: &Cluster, place: &Place, image: &str) -> Result<Option<Listing>> {
    let pod = place.pod.as_str();
    let mut attached = exec(cluster, pod, domain::list_command(&place.root)).await?;
    let mut stdout = attached.stdout();
    let mut stderr = attached.stderr();
    let status = attached.take_status();
    let mut out = Vec::new();
    let mut err = Vec::new();
    let read = async {
        if let Some(s) = stdout.as_mut() {
            s.read_to_end(&mut out).await?;
        }
        Ok::<_, std::io::Error>(())
    };
    let read_err = async {
        if let Some(s) = stderr.as_mut() {
            let _ = s.read_to_end(&mut err).await;
        }
    };
    let (read, ()) = tokio::join!(read, read_err);
    read.map_err(|e| Error::general(format!("reading the listing from {pod}: {e}")))?;
    let status = match status {
        Some(status) => status.await,
        None => None,
    };
    let _ = attached.join().await;
    match ended(status) {
        Ended::Ok => domain::parse_listing(&out)
            .map(Some)
            .map_err(Error::general),
        Ended::Code(code) if code == i64::from(domain::NO_DIR_EXIT) => Ok(None),
        other => Err(exec_failure(other, &err, image, "listing the results")),
    }
}

/// The files being written under temporary names, for removing after an interruption, and
/// the files this run gave their final names.
#[derive(Default)]
pub struct Temporaries {
    in_flight: Mutex<Vec<PathBuf>>,
    /// (device, inode) of each file kept: two results that are one file here (`A` and `a` on
    /// a case-insensitive file system) must not silently become one.
    kept: Mutex<std::collections::HashSet<(u64, u64)>>,
}

impl Temporaries {
    fn hold(&self, path: &Path) {
        self.in_flight
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(path.to_path_buf());
    }

    fn release(&self, path: &Path) {
        self.in_flight
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|p| p != path);
    }

    /// Whether `target` is a file this run has kept already (under this or another name).
    fn kept_before(&self, target: &Path) -> bool {
        use std::os::unix::fs::MetadataExt as _;
        std::fs::symlink_metadata(target).is_ok_and(|m| {
            self.kept
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .contains(&(m.dev(), m.ino()))
        })
    }

    fn record_kept(&self, target: &Path) {
        use std::os::unix::fs::MetadataExt as _;
        if let Ok(m) = std::fs::symlink_metadata(target) {
            self.kept
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert((m.dev(), m.ino()));
        }
    }

    /// Removes every temporary file still there.
    pub fn remove_all(&self) {
        let all = std::mem::take(&mut *self.in_flight.lock().unwrap_or_else(|p| p.into_inner()));
        for path in all {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Copies `file` from `place` to `target`, checked: see [`receive`].
pub async fn copy_file(
    cluster: &Cluster,
    place: &Place,
    image: &str,
    file: &File,
    target: &Path,
    temporaries: &Temporaries,
    on_bytes: &(dyn Fn(u64) + Sync),
) -> Result<()> {
    let command = domain::cat_command(&place.root, &file.path);
    let mut attached = exec(cluster, &place.pod, command).await?;
    let stdout = attached.stdout();
    let mut stderr = attached.stderr();
    let status = attached.take_status();
    let Some(stdout) = stdout else {
        return Err(Error::general("the exec API gave no output stream"));
    };
    let mut err = Vec::new();
    let read_err = async {
        if let Some(s) = stderr.as_mut() {
            let _ = s.read_to_end(&mut err).await;
        }
    };
    let (received, ()) = tokio::join!(
        receive(stdout, file, target, temporaries, on_bytes),
        read_err
    );
    let status = match status {
        Some(status) => status.await,
        None => None,
    };
    let _ = attached.join().await;
    let received = received?;
    match ended(status) {
        Ended::Ok => received.keep(file, temporaries),
        Ended::Code(code) if code == i64::from(domain::NOT_A_FILE_EXIT) => {
            received.discard(temporaries);
            Err(Error::general(format!(
                "{} is no longer a file in the results; nothing was left under {}",
                file.path.display(),
                target.display()
            )))
        }
        other => {
            received.discard(temporaries);
            Err(exec_failure(
                other,
                &err,
                image,
                &format!("copying {}", file.path.display()),
            ))
        }
    }
}

/// A file received under a temporary name, not yet checked.
#[derive(Debug)]
pub struct Received {
    temporary: PathBuf,
    target: PathBuf,
    bytes: u64,
    digest: Digest,
}

/// Writes `bytes` to a temporary name beside `target` (owner-only), hashing them as they come.
/// Nothing is under `target` yet: [`Received::keep`] checks and renames.
pub async fn receive<R: AsyncRead + Unpin>(
    mut bytes: R,
    file: &File,
    target: &Path,
    temporaries: &Temporaries,
    on_bytes: &(dyn Fn(u64) + Sync),
) -> Result<Received> {
    let base = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = target.with_file_name(crate::ssh::copy::temporary_name(&base));
    let write_error =
        |e: std::io::Error| Error::general(format!("cannot write {}: {e}", target.display()));
    let opened = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&temporary)
        .map_err(write_error)?;
    temporaries.hold(&temporary);
    let mut out = tokio::fs::File::from_std(opened);
    let written = async {
        let mut context = ring::digest::Context::new(&ring::digest::SHA256);
        let mut buffer = vec![0u8; 256 << 10];
        let mut total = 0u64;
        loop {
            let n = bytes.read(&mut buffer).await.map_err(|e| {
                Error::general(format!(
                    "the stream of {} broke after {total} bytes: {e}",
                    file.path.display()
                ))
            })?;
            if n == 0 {
                break;
            }
            context.update(&buffer[..n]);
            out.write_all(&buffer[..n]).await.map_err(write_error)?;
            total += n as u64;
            on_bytes(n as u64);
        }
        out.flush().await.map_err(write_error)?;
        // On the disk before it takes its name: a crash never leaves a short file there.
        out.sync_all().await.map_err(write_error)?;
        let digest: Digest = context
            .finish()
            .as_ref()
            .try_into()
            .map_err(|_| Error::general("SHA-256 gave no 32 bytes"))?;
        Ok::<_, Error>((total, digest))
    }
    .await;
    drop(out);
    match written {
        Ok((bytes, digest)) => Ok(Received {
            temporary,
            target: target.to_path_buf(),
            bytes,
            digest,
        }),
        Err(e) => {
            let _ = std::fs::remove_file(&temporary);
            temporaries.release(&temporary);
            Err(e)
        }
    }
}

impl Received {
    /// Gives the file its final name and mode when what arrived is what the reader summed;
    /// otherwise removes it: no partial or wrong file ever takes the final name.
    pub fn keep(self, file: &File, temporaries: &Temporaries) -> Result<()> {
        if self.bytes != file.size || self.digest != file.sha256 {
            let err = Error::general(format!(
                "{} does not match the job's {} after the copy (SHA-256 {} and {} bytes there, {} and {} bytes received); nothing was left under its name",
                self.target.display(),
                file.path.display(),
                domain::hex(&file.sha256),
                file.size,
                domain::hex(&self.digest),
                self.bytes,
            ))
            .hint("run devctl job results again; if it keeps failing, something changes the results while they are read");
            self.discard(temporaries);
            return Err(err);
        }
        if temporaries.kept_before(&self.target) {
            let err = Error::general(format!(
                "{} is already a file this run copied under another name (the job's {} differs only in case, on a case-insensitive file system?); it was left as it was",
                self.target.display(),
                file.path.display()
            ))
            .hint("copy into a directory on a case-sensitive file system, or one index at a time with --index");
            self.discard(temporaries);
            return Err(err);
        }
        let fail = |e: std::io::Error| {
            Error::general(format!("cannot write {}: {e}", self.target.display()))
        };
        let done = std::fs::set_permissions(
            &self.temporary,
            std::fs::Permissions::from_mode(domain::file_mode(file.executable)),
        )
        .and_then(|()| std::fs::rename(&self.temporary, &self.target))
        .map_err(fail);
        if done.is_err() {
            let _ = std::fs::remove_file(&self.temporary);
        } else {
            temporaries.record_kept(&self.target);
        }
        temporaries.release(&self.temporary);
        done
    }

    pub fn discard(self, temporaries: &Temporaries) {
        let _ = std::fs::remove_file(&self.temporary);
        temporaries.release(&self.temporary);
    }
}

/// Makes the directories of `listing` below `top` (and `top`), parents first, owner-only
/// until [`open_directories`] opens them once everything is copied. Returns those it made:
/// directories that were there already keep their mode.
pub fn make_directories(top: &Path, listing: &Listing) -> Result<Vec<PathBuf>> {
    let mut made = Vec::new();
    let missing = |path: &Path| std::fs::symlink_metadata(path).is_err();
    let mut tops = Vec::new();
    for dir in top.ancestors() {
        if !missing(dir) {
            break;
        }
        tops.push(dir.to_path_buf());
    }
    std::fs::create_dir_all(top)
        .map_err(|e| Error::general(format!("cannot make {}: {e}", top.display())))?;
    made.extend(tops.into_iter().rev());
    for dir in &listing.dirs {
        let path = dir.below(top);
        let new = missing(&path);
        crate::ssh::copy::make_local_dir(&path)?;
        if new {
            made.push(path);
        }
    }
    Ok(made)
}

/// The directories [`make_directories`] made, readable by all once their files are in.
pub fn open_directories(made: &[PathBuf]) -> Result<()> {
    for path in made {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).map_err(|e| {
            Error::general(format!("cannot set the mode of {}: {e}", path.display()))
        })?;
    }
    Ok(())
}

/// Files copied at once: each is its own exec stream.
pub const FILES_AT_ONCE: usize = 4;

/// How long a reader may live: the command's own timeout, and a margin to list and delete.
pub fn reader_deadline(timeout: Duration) -> i64 {
    i64::try_from(timeout.as_secs()).unwrap_or(i64::MAX / 2) + 120
}

/// Copies every file of `work` (where it is read, file, target), a few at once, stopping at
/// the first failure; the temporary files of those in flight are left to
/// [`Temporaries::remove_all`].
pub async fn copy_all(
    cluster: &Cluster,
    image: &str,
    work: Vec<(Place, File, PathBuf)>,
    temporaries: &Temporaries,
    on_bytes: &(dyn Fn(u64) + Sync),
) -> Result<u64> {
    let count = work.len() as u64;
    futures::stream::iter(work.iter().map(|(place, file, target)| {
        copy_file(cluster, place, image, file, target, temporaries, on_bytes)
    }))
    .buffer_unordered(FILES_AT_ONCE)
    .try_collect::<Vec<()>>()
    .await?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devserver::results::RelPath;

    fn sha256(bytes: &[u8]) -> Digest {
        ring::digest::digest(&ring::digest::SHA256, bytes)
            .as_ref()
            .try_into()
            .unwrap()
    }

    fn file(body: &[u8], executable: bool) -> File {
        File {
            path: RelPath::new(b"out.bin").unwrap(),
            size: body.len() as u64,
            executable,
            sha256: sha256(body),
        }
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[tokio::test]
    async fn a_file_that_arrives_as_summed_takes_its_name_and_mode() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.bin");
        let body: Vec<u8> = (0..=255u8).cycle().take(600_000).collect();
        let temporaries = Temporaries::default();
        let counted = std::sync::atomic::AtomicU64::new(0);
        let on_bytes = |n| {
            counted.fetch_add(n, std::sync::atomic::Ordering::SeqCst);
        };
        let expected = file(&body, true);
        let received = receive(&body[..], &expected, &target, &temporaries, &on_bytes)
            .await
            .unwrap();
        assert!(!target.exists(), "not under its name before the check");
        received.keep(&expected, &temporaries).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), body);
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o755);
        assert_eq!(names_in(dir.path()), ["out.bin"]);
        assert_eq!(counted.into_inner(), body.len() as u64);
    }

    #[tokio::test]
    async fn a_stream_that_differs_from_the_sum_leaves_nothing_under_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.bin");
        let body = b"what the job wrote".to_vec();
        let mut corrupted = body.clone();
        corrupted[3] ^= 1;
        let temporaries = Temporaries::default();
        let expected = file(&body, false);
        let received = receive(&corrupted[..], &expected, &target, &temporaries, &|_| {})
            .await
            .unwrap();
        let err = received.keep(&expected, &temporaries).unwrap_err();
        assert!(err.message.contains("does not match"), "{}", err.message);
        assert!(
            names_in(dir.path()).is_empty(),
            "{:?}",
            names_in(dir.path())
        );

        // Cut short: the right bytes, but not all of them.
        let received = receive(&body[..5], &expected, &target, &temporaries, &|_| {})
            .await
            .unwrap();
        assert!(received.keep(&expected, &temporaries).is_err());
        assert!(names_in(dir.path()).is_empty());
    }

    #[tokio::test]
    async fn an_earlier_file_is_replaced_only_by_a_checked_one() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.bin");
        std::fs::write(&target, b"old").unwrap();
        let temporaries = Temporaries::default();
        let expected = file(b"new", false);
        let received = receive(&b"bad"[..], &expected, &target, &temporaries, &|_| {})
            .await
            .unwrap();
        assert!(received.keep(&expected, &temporaries).is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        let received = receive(&b"new"[..], &expected, &target, &temporaries, &|_| {})
            .await
            .unwrap();
        received.keep(&expected, &temporaries).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
    }

    #[tokio::test]
    async fn a_run_never_writes_one_file_twice_under_two_names() {
        let dir = tempfile::tempdir().unwrap();
        let temporaries = Temporaries::default();
        let first = file(b"upper", false);
        let upper = dir.path().join("A");
        receive(&b"upper"[..], &first, &upper, &temporaries, &|_| {})
            .await
            .unwrap()
            .keep(&first, &temporaries)
            .unwrap();
        // What a case-insensitive file system does with `a`: the same file as `A`.
        let lower = dir.path().join("a");
        std::fs::hard_link(&upper, &lower).unwrap();
        let second = file(b"lower", false);
        let received = receive(&b"lower"[..], &second, &lower, &temporaries, &|_| {})
            .await
            .unwrap();
        let err = received.keep(&second, &temporaries).unwrap_err();
        assert!(
            err.message.contains("differs only in case"),
            "{}",
            err.message
        );
        assert_eq!(std::fs::read(&upper).unwrap(), b"upper");
        assert_eq!(names_in(dir.path()), ["A", "a"], "no temporary file left");
        // A file that was there before the run is replaced, as cp does.
        let old = dir.path().join("old");
        std::fs::write(&old, b"before").unwrap();
        let third = file(b"after", false);
        receive(&b"after"[..], &third, &old, &temporaries, &|_| {})
            .await
            .unwrap()
            .keep(&third, &temporaries)
            .unwrap();
        assert_eq!(std::fs::read(&old).unwrap(), b"after");
    }

    #[test]
    fn directories_that_were_there_keep_their_mode_and_new_ones_open_at_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path().join("out");
        std::fs::create_dir(&top).unwrap();
        let had = top.join("had");
        std::fs::create_dir(&had).unwrap();
        std::fs::set_permissions(&had, std::fs::Permissions::from_mode(0o700)).unwrap();
        let listing = Listing {
            dirs: vec![RelPath::new(b"had").unwrap(), RelPath::new(b"new").unwrap()],
            ..Listing::default()
        };
        let made = make_directories(&top, &listing).unwrap();
        assert_eq!(made, [top.join("new")]);
        open_directories(&made).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&had), 0o700);
        assert_eq!(mode(&top.join("new")), 0o755);
    }

    #[test]
    fn an_image_without_sh_or_sha256sum_is_named_with_what_it_lacks() {
        let no_hasher = exec_failure(
            Ended::Code(i64::from(domain::NO_HASHER_EXIT)),
            b"devctl: no sha256sum, shasum or openssl in the image\n",
            "scratch-ish:1",
            "listing the results",
        );
        assert!(
            no_hasher
                .message
                .starts_with("the job's image scratch-ish:1 has no sha256sum"),
            "{}",
            no_hasher.message
        );
        assert!(no_hasher.message.contains("--results files"));
        let runc = "failed to exec in container: exec: \"sh\": executable file not found in $PATH";
        let no_sh = exec_failure(Ended::Failed(runc.into()), b"", "distroless:1", "listing");
        assert!(
            no_sh
                .message
                .starts_with("the job's image distroless:1 has no sh:"),
            "{}",
            no_sh.message
        );
        let agent = exec_failure(Ended::Code(127), b"", "x", "listing");
        assert!(agent.message.contains("has no sh"), "{}", agent.message);
        let other = exec_failure(Ended::Code(3), b"boom", "x", "listing the results");
        assert_eq!(
            other.message,
            "listing the results: the reader exited with 3: boom"
        );
    }

    #[tokio::test]
    async fn an_interrupted_copy_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.bin");
        let temporaries = Temporaries::default();
        let expected = file(b"never all of it", false);
        // A stream that never ends, given up on as Ctrl-C does.
        let (_writer, reader) = tokio::io::duplex(64);
        let copy = receive(reader, &expected, &target, &temporaries, &|_| {});
        let stopped = tokio::time::timeout(Duration::from_millis(50), copy).await;
        assert!(stopped.is_err());
        assert_eq!(names_in(dir.path()).len(), 1, "the temporary file");
        temporaries.remove_all();
        assert!(names_in(dir.path()).is_empty());
    }
}
