//! All-or-nothing creates (a devserver, a job): the owner first, then its children in one
//! wave; what a failed or interrupted create made is deleted again, by name, at once. One
//! rollback for both, so that they report what is left in the same words.

use std::future::Future;
use std::pin::Pin;

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::{ConfigMap, PersistentVolumeClaim, Secret, Service};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use kube::api::{Api, DeleteParams, Preconditions};

use super::Cluster;
use crate::devserver::job;
use crate::error::Error;
use crate::interrupt::Signal;

/// Why a create did not make the whole thing.
#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    #[error("already exists")]
    Exists,
    #[error("creating {step}: {cause}")]
    Failed {
        step: &'static str,
        cause: Error,
        rollback: Rollback,
    },
    #[error("interrupted by {}", signal.name())]
    Interrupted { signal: Signal, rollback: Rollback },
    /// The owner's create got no answer: it may exist, and may as well be another create's
    /// of the same name, so it is not deleted blindly.
    #[error("creating the owner: {0}")]
    Unknown(Error),
}

/// What a rollback could not delete (`kind/name` and why).
#[derive(Debug, Default)]
pub struct Rollback {
    /// Objects still there. When their owner was deleted, the garbage collector takes them
    /// soon; otherwise they stay until someone deletes them.
    pub left: Vec<(String, Error)>,
    /// Whether the owner is gone (or was never made), so `left` is the collector's.
    pub owner_gone: bool,
}

impl Rollback {
    /// `None` when the rollback removed everything, or left only what the garbage collector
    /// takes with the deleted owner ([`Rollback::note`] says so); else what remains and the
    /// kubectl command that deletes it.
    pub fn report(&self) -> Option<(String, String)> {
        if self.left.is_empty() || self.owner_gone {
            return None;
        }
        let names = self.names();
        Some((
            format!("could not delete {} again", names.join(", ")),
            format!("kubectl delete {}", names.join(" ")),
        ))
    }

    /// What the rollback left to the garbage collector, for the error message, when
    /// [`Rollback::report`] is `None`.
    pub fn note(&self, owner_kind: &str) -> String {
        if self.left.is_empty() || !self.owner_gone {
            return "nothing was left behind".into();
        }
        format!(
            "{} could not be deleted; the garbage collector removes it with its {owner_kind}",
            self.names().join(", ")
        )
    }

    fn names(&self) -> Vec<&str> {
        self.left.iter().map(|(o, _)| o.as_str()).collect()
    }
}

/// The kinds of object a create makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Object {
    StatefulSet,
    Job,
    Service,
    Secret,
    ConfigMap,
    Claim,
}

impl Object {
    /// The resource's name as kubectl takes it.
    fn resource(self) -> &'static str {
        match self {
            Object::StatefulSet => "statefulset",
            Object::Job => "job",
            Object::Service => "service",
            Object::Secret => "secret",
            Object::ConfigMap => "configmap",
            Object::Claim => "persistentvolumeclaim",
        }
    }
}

/// One object a create made (or may have made: its answer was lost).
#[derive(Debug)]
pub(super) struct Made {
    kind: Object,
    name: String,
    /// The owner's uid: only the one this create made is deleted again, never another
    /// create's object of the same name.
    uid: Option<String>,
}

impl Made {
    pub(super) fn owner(kind: Object, name: &str, uid: &str) -> Made {
        Made {
            kind,
            name: name.to_string(),
            uid: Some(uid.to_string()),
        }
    }

    pub(super) fn child(kind: Object, name: &str) -> Made {
        Made {
            kind,
            name: name.to_string(),
            uid: None,
        }
    }

    fn describe(&self) -> String {
        format!("{}/{}", self.kind.resource(), self.name)
    }
}

/// The objects a create made, and the first failure among the answers of its children.
pub(super) struct Ledger<'a> {
    cluster: &'a Cluster,
    made: Vec<Made>,
    failure: Option<(&'static str, Error)>,
}

impl<'a> Ledger<'a> {
    /// Starts with the owner, which exists.
    pub(super) fn new(cluster: &'a Cluster, owner: Made) -> Ledger<'a> {
        Ledger {
            cluster,
            made: vec![owner],
            failure: None,
        }
    }

    /// Takes the answer to the create of `sent` (`step` names it in the error). An answer
    /// lost on the way may hide a create that happened: the rollback deletes that object too
    /// (one that is not there counts as deleted).
    pub(super) fn answer<T>(
        &mut self,
        step: &'static str,
        sent: Made,
        result: Result<T, kube::Error>,
    ) {
        match result {
            Ok(_) => self.made.push(sent),
            Err(e) => {
                let object = sent.describe();
                // A job's results claim outlives its Job when `job delete --keep-results`
                // kept it; a job of the same name meets it.
                let results_suffix = format!("-{}", job::RESULTS_VOLUME);
                let kept_results = (sent.kind == Object::Claim)
                    .then(|| sent.name.strip_suffix(&results_suffix))
                    .flatten()
                    .map(str::to_string);
                if !matches!(e, kube::Error::Api(_)) {
                    self.made.push(sent);
                }
                // Devservers and jobs share names (`NAME`, `NAME-env`): a child that exists
                // already is another one's of that name.
                let taken = matches!(&e, kube::Error::Api(s) if s.code == 409);
                let mut cause = self.cluster.error(e);
                if let (true, Some(job_name)) = (taken, &kept_results) {
                    cause = cause
                        .prefix(&format!(
                            "{object} exists already (the results of an earlier job {job_name}, kept by job delete --keep-results?)"
                        ))
                        .hint(format!(
                            "devctl job results {job_name} reads them and devctl job delete {job_name} deletes them; or pick another name"
                        ));
                } else if taken {
                    cause = cause
                        .prefix(&format!(
                            "{object} exists already (another devserver or job may have this name)"
                        ))
                        .hint("pick another name: devctl list and devctl job list show the names in use");
                }
                if self.failure.is_none() {
                    self.failure = Some((step, cause));
                }
            }
        }
    }

    /// `Err` (after the rollback) when a child failed or `signal` came.
    pub(super) async fn settle(
        &mut self,
        ns: &str,
        signal: Option<Signal>,
    ) -> Result<(), CreateError> {
        if let Some((step, cause)) = self.failure.take() {
            return Err(self.fail(ns, step, cause).await);
        }
        match signal {
            Some(signal) => Err(self.interrupted(ns, signal).await),
            None => Ok(()),
        }
    }

    /// Deletes everything made, for a failure after the children's wave.
    pub(super) async fn fail(&mut self, ns: &str, step: &'static str, cause: Error) -> CreateError {
        CreateError::Failed {
            step,
            cause,
            rollback: self.undo(ns).await,
        }
    }

    /// Deletes everything made, for a signal after the children's wave.
    pub(super) async fn interrupted(&mut self, ns: &str, signal: Signal) -> CreateError {
        CreateError::Interrupted {
            signal,
            rollback: self.undo(ns).await,
        }
    }

    async fn undo(&mut self, ns: &str) -> Rollback {
        delete_all(self.cluster, ns, std::mem::take(&mut self.made)).await
    }
}

/// Deletes what a failed create made, all at once, by name: owner references would get the
/// children too, but not before the garbage collector runs. Each delete is checked; one that
/// finds the object gone counts as done.
pub(super) async fn delete_all(cluster: &Cluster, ns: &str, made: Vec<Made>) -> Rollback {
    let deletes = made.iter().map(|m| async move {
        let dp = DeleteParams {
            preconditions: m.uid.clone().map(|uid| Preconditions {
                uid: Some(uid),
                resource_version: None,
            }),
            ..DeleteParams::background()
        };
        match delete(cluster, ns, m, &dp).await {
            Ok(()) => None,
            Err(kube::Error::Api(s)) if s.code == 404 => None,
            Err(e) => Some((m.describe(), cluster.error(e))),
        }
    });
    let mut rollback = Rollback {
        owner_gone: true,
        ..Rollback::default()
    };
    for (made, left) in made.iter().zip(futures::future::join_all(deletes).await) {
        if let Some(left) = left {
            if made.uid.is_some() {
                rollback.owner_gone = false;
            }
            rollback.left.push(left);
        }
    }
    rollback
}

async fn delete(
    cluster: &Cluster,
    ns: &str,
    made: &Made,
    dp: &DeleteParams,
) -> Result<(), kube::Error> {
    async fn by_name<K>(
        cluster: &Cluster,
        ns: &str,
        name: &str,
        dp: &DeleteParams,
    ) -> Result<(), kube::Error>
    where
        K: kube::Resource<Scope = k8s_openapi::NamespaceResourceScope>
            + Clone
            + serde::de::DeserializeOwned
            + std::fmt::Debug,
        <K as kube::Resource>::DynamicType: Default,
    {
        Api::<K>::namespaced(cluster.client.clone(), ns)
            .delete(name, dp)
            .await
            .map(drop)
    }
    let name = made.name.as_str();
    match made.kind {
        Object::StatefulSet => by_name::<StatefulSet>(cluster, ns, name, dp).await,
        Object::Job => by_name::<Job>(cluster, ns, name, dp).await,
        Object::Service => by_name::<Service>(cluster, ns, name, dp).await,
        Object::Secret => by_name::<Secret>(cluster, ns, name, dp).await,
        Object::ConfigMap => by_name::<ConfigMap>(cluster, ns, name, dp).await,
        Object::Claim => by_name::<PersistentVolumeClaim>(cluster, ns, name, dp).await,
    }
}

/// The annotation a create stamps on the owner it sends. When the answer is lost, reading
/// the object back tells this create's own from another's of the same name.
pub const CREATE_ID_ANNOTATION: &str = "devserver.io/create-id";

/// Stamps `meta` with a new create id and returns it.
pub(super) fn stamp(meta: &mut ObjectMeta) -> String {
    let mut random = [0u8; 8];
    // Without randomness the id is still this process's: only another devctl of the same
    // pid on another machine could take it for its own.
    let _ = getrandom::fill(&mut random);
    let id: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let id = format!("{}-{id}", std::process::id());
    meta.annotations
        .get_or_insert_with(Default::default)
        .insert(CREATE_ID_ANNOTATION.into(), id.clone());
    id
}

/// The create of the owner `name` (stamped `id`) got no answer: read it back, and go on with
/// it if this create made it; another create's is a conflict, none a clean failure. `step`
/// names the owner in the error.
pub(super) async fn lost_answer<K>(
    cluster: &Cluster,
    api: &Api<K>,
    name: &str,
    id: &str,
    step: &'static str,
    lost: kube::Error,
) -> Result<K, CreateError>
where
    K: kube::Resource + Clone + serde::de::DeserializeOwned + std::fmt::Debug,
{
    match api.get_opt(name).await {
        Ok(Some(object)) => {
            let annotations = object.meta().annotations.as_ref();
            match annotations
                .and_then(|a| a.get(CREATE_ID_ANNOTATION))
                .map(String::as_str)
            {
                Some(stamped) if stamped == id => Ok(object),
                _ => Err(CreateError::Exists),
            }
        }
        Ok(None) => Err(CreateError::Failed {
            step,
            cause: cluster
                .error(lost)
                .prefix("the answer was lost, and it was not there when read back"),
            rollback: Rollback {
                owner_gone: true,
                ..Rollback::default()
            },
        }),
        Err(_) => Err(CreateError::Unknown(cluster.error(lost))),
    }
}

/// Runs `work` to its end; if `interrupted` resolves meanwhile, records the signal (once). A
/// request in flight when the signal comes is let finish, so that the rollback knows whether
/// it made something.
pub(super) async fn finish<F: Future>(
    work: F,
    interrupted: &mut Option<Pin<&mut impl Future<Output = Signal>>>,
    signal: &mut Option<Signal>,
) -> F::Output {
    tokio::pin!(work);
    loop {
        match interrupted {
            Some(listening) => tokio::select! {
                out = &mut work => return out,
                got = listening.as_mut() => {
                    *signal = Some(got);
                    *interrupted = None;
                }
            },
            None => return work.await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn left(names: &[&str], owner_gone: bool) -> Rollback {
        Rollback {
            left: names
                .iter()
                .map(|n| (n.to_string(), Error::general("refused")))
                .collect(),
            owner_gone,
        }
    }

    #[test]
    fn a_clean_rollback_reports_nothing_left() {
        let clean = Rollback {
            owner_gone: true,
            ..Rollback::default()
        };
        assert_eq!(clean.report(), None);
        assert_eq!(clean.note("Job"), "nothing was left behind");
    }

    #[test]
    fn children_of_a_deleted_owner_are_left_to_the_collector() {
        let rollback = left(&["secret/a-ssh", "service/a"], true);
        assert_eq!(rollback.report(), None);
        assert_eq!(
            rollback.note("StatefulSet"),
            "secret/a-ssh, service/a could not be deleted; the garbage collector removes it with its StatefulSet"
        );
    }

    #[test]
    fn an_owner_left_behind_is_named_with_the_command_that_deletes_it() {
        let rollback = left(&["job/a", "configmap/a-config"], false);
        assert_eq!(
            rollback.report(),
            Some((
                "could not delete job/a, configmap/a-config again".to_string(),
                "kubectl delete job/a configmap/a-config".to_string()
            ))
        );
    }
}
