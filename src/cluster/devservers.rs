//! Cluster calls about devservers: who the user is, which flavors the cluster offers,
//! creating a devserver all or nothing, and reading devservers (StatefulSets and their
//! pods) back: one lookup of a devserver by name ([`get`]) with typed reasons when there
//! is none.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::authentication::v1::SelfSubjectReview;
use k8s_openapi::api::core::v1::{
    ConfigMap, Node, PersistentVolumeClaim, Pod, ResourceQuota, Secret, Service,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, OwnerReference};
use k8s_openapi::jiff::Timestamp;
use kube::api::{
    Api, ApiResource, DeleteParams, DynamicObject, GroupVersionKind, ListParams, Patch,
    PatchParams, PostParams, Preconditions,
};

use super::Cluster;
use super::rollback::{self, Ledger, Made, Object, delete_all, finish};
use crate::devserver::flavor::{self, Flavor};
use crate::devserver::manifests::{self, INSTANCE, MANAGED_BY, Manifests, NAME_LABEL};
use crate::devserver::spec::{Facts, Request};
use crate::devserver::{owner, state};
use crate::error::{Error, Kind, Result};
use crate::interrupt::Signal;

/// The user name the cluster sees (SelfSubjectReview); `None` on servers without it.
pub async fn whoami(cluster: &Cluster) -> Result<Option<(String, Vec<String>)>> {
    let api = Api::<SelfSubjectReview>::all(cluster.client.clone());
    match api
        .create(&PostParams::default(), &SelfSubjectReview::default())
        .await
    {
        Ok(review) => Ok(review
            .status
            .and_then(|s| s.user_info)
            .map(|u| (u.username.unwrap_or_default(), u.groups.unwrap_or_default()))),
        Err(kube::Error::Api(status)) if status.code == 404 => Ok(None),
        Err(err) => {
            let err = cluster.error(err);
            match err.kind {
                Kind::Unreachable | Kind::Timeout => Err(err),
                // A 401 shows up on every call; the caller's next request reports it.
                _ => Ok(None),
            }
        }
    }
}

/// The label selector of the caller's devservers: the configured owner's, else that of who the
/// cluster says the caller is (asked only then), else `$USER`'s.
pub async fn owner_selector(cluster: &Cluster, configured: Option<&str>) -> Result<String> {
    let identity = match configured {
        Some(_) => None,
        None => whoami(cluster).await?.map(|(user, _)| user),
    };
    let (me, _) = owner::resolve(
        configured,
        identity.as_deref(),
        owner::local_user().as_deref(),
    );
    Ok(format!(
        "{}={}",
        manifests::OWNER,
        manifests::owner_label(&me)
    ))
}

/// Where flavors came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlavorSource {
    Cluster,
    BuiltIn,
    /// The user may not read DevServerFlavor objects.
    BuiltInForbidden,
}

pub fn flavor_resource() -> ApiResource {
    use crate::devserver::crd;
    ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk(crd::GROUP, crd::VERSION, crd::KIND),
        crd::PLURAL,
    )
}

/// The cluster's `DevServerFlavor` objects, or the built-in flavors when the CRD is not
/// installed (404) or there are none.
pub async fn flavors(cluster: &Cluster) -> Result<(Vec<Flavor>, FlavorSource)> {
    let api: Api<DynamicObject> = Api::all_with(cluster.client.clone(), &flavor_resource());
    let list = match api.list(&ListParams::default()).await {
        Ok(list) => list,
        Err(kube::Error::Api(status)) if status.code == 404 => {
            return Ok((flavor::builtin(), FlavorSource::BuiltIn));
        }
        // Without the right to read flavors, the built-in ones are all we can offer; an
        // unknown --flavor still fails, naming what is available.
        Err(kube::Error::Api(status)) if status.code == 403 => {
            return Ok((flavor::builtin(), FlavorSource::BuiltInForbidden));
        }
        Err(err) => return Err(cluster.error(err)),
    };
    if list.items.is_empty() {
        return Ok((flavor::builtin(), FlavorSource::BuiltIn));
    }
    let mut flavors = Vec::new();
    for item in list.items {
        let name = item.metadata.name.clone().unwrap_or_default();
        let spec = item.data.get("spec").cloned().unwrap_or_default();
        let mut flavor: Flavor = serde_json::from_value(spec).map_err(|e| {
            Error::general(format!("DevServerFlavor {name:?} is malformed: {e}"))
                .hint("ask a cluster admin to fix it (kubectl edit devserverflavor NAME)")
        })?;
        flavor.name = name;
        flavors.push(flavor);
    }
    Ok((flavors, FlavorSource::Cluster))
}

/// The selector of every object devctl manages as a devserver.
pub fn managed_selector() -> String {
    format!("{MANAGED_BY}=devctl,{NAME_LABEL}=devserver")
}

/// The StatefulSets of devservers (in every namespace with `all_namespaces`; only those that
/// also match `extra_selector`), in one request.
pub async fn list_sets(
    cluster: &Cluster,
    all_namespaces: bool,
    extra_selector: Option<&str>,
) -> Result<Vec<StatefulSet>> {
    let mut selector = managed_selector();
    if let Some(extra) = extra_selector {
        selector = format!("{selector},{extra}");
    }
    let params = ListParams::default().labels(&selector);
    let sets: Api<StatefulSet> = if all_namespaces {
        Api::all(cluster.client.clone())
    } else {
        Api::namespaced(cluster.client.clone(), &cluster.namespace)
    };
    Ok(sets
        .list(&params)
        .await
        .map_err(|e| cluster.error(e))?
        .items)
}

/// Devservers and their pods, listed concurrently: one request each, whatever their number.
pub async fn list(
    cluster: &Cluster,
    all_namespaces: bool,
    extra_selector: Option<&str>,
) -> Result<(Vec<StatefulSet>, BTreeMap<(String, String), Pod>)> {
    let mut selector = managed_selector();
    if let Some(extra) = extra_selector {
        selector = format!("{selector},{extra}");
    }
    let params = ListParams::default().labels(&selector);
    let (sets, pods): (Api<StatefulSet>, Api<Pod>) = if all_namespaces {
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
    let (sets, pods) =
        tokio::try_join!(sets.list(&params), pods.list(&params)).map_err(|e| cluster.error(e))?;
    let pods = pods
        .items
        .into_iter()
        .map(|p| {
            let key = (
                p.metadata.namespace.clone().unwrap_or_default(),
                p.metadata.name.clone().unwrap_or_default(),
            );
            (key, p)
        })
        .collect();
    Ok((sets.items, pods))
}

/// Why [`get`] found no devserver.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    #[error("devserver {name} not found in namespace {namespace}")]
    NotFound { name: String, namespace: String },
    /// A StatefulSet of that name that devctl did not make (no managed-by=devctl label).
    #[error("statefulset {name} exists but devctl did not create it")]
    NotDevctl { name: String, namespace: String },
    #[error(transparent)]
    Cluster(Error),
}

impl From<LookupError> for Error {
    fn from(err: LookupError) -> Error {
        let message = err.to_string();
        match err {
            LookupError::NotFound { .. } => {
                Error::new(Kind::NotFound, message).hint("devctl list shows your devservers")
            }
            LookupError::NotDevctl { name, namespace } => Error::new(Kind::NotFound, message)
                .hint(format!("kubectl get statefulset {name} -n {namespace}")),
            LookupError::Cluster(err) => err,
        }
    }
}

fn made_by_devctl(meta: &kube::api::ObjectMeta) -> bool {
    meta.labels
        .as_ref()
        .and_then(|l| l.get(MANAGED_BY))
        .is_some_and(|v| v == "devctl")
}

/// The devserver `name` in the cluster's namespace: its StatefulSet. The one lookup of every
/// command that acts on an existing devserver.
pub async fn get(cluster: &Cluster, name: &str) -> Result<StatefulSet, LookupError> {
    let sets: Api<StatefulSet> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let found = sets
        .get_opt(name)
        .await
        .map_err(|e| LookupError::Cluster(cluster.error(e)))?;
    let (name, namespace) = (name.to_string(), cluster.namespace.clone());
    match found {
        Some(set) if made_by_devctl(&set.metadata) => Ok(set),
        Some(_) => Err(LookupError::NotDevctl { name, namespace }),
        None => Err(LookupError::NotFound { name, namespace }),
    }
}

/// The home volume claims devctl made for the devserver `name`: every pod's (`home-NAME-I`),
/// also those an earlier delete without `--purge` kept. One list, by label.
pub async fn home_volumes(cluster: &Cluster, name: &str) -> Result<Vec<PersistentVolumeClaim>> {
    let claims: Api<PersistentVolumeClaim> =
        Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let selector = format!("{MANAGED_BY}=devctl,{INSTANCE}={name}");
    let listed = claims
        .list(&ListParams::default().labels(&selector))
        .await
        .map_err(|e| cluster.error(e))?;
    let mut homes: Vec<PersistentVolumeClaim> = listed
        .items
        .into_iter()
        .filter(|c| {
            c.metadata
                .name
                .as_deref()
                .is_some_and(|claim| state::home_claim_node(name, claim).is_some())
        })
        .collect();
    homes.sort_by_key(|c| {
        c.metadata
            .name
            .as_deref()
            .and_then(|claim| state::home_claim_node(name, claim))
    });
    Ok(homes)
}

/// What [`reap`] did with an expired devserver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReapOutcome {
    Deleted,
    /// Gone before the delete.
    Gone,
    /// Extended (or otherwise no longer expired) since it was listed.
    Extended,
    /// It kept changing under every delete; the next reap tries again.
    Busy,
}

/// Deletes the expired devserver `set` as it was listed. A change in between that keeps it
/// expired (its status moving, a pod restarting) does not save it: it is read again (with
/// a list, the right reap has anyway) and deleted as it is now, a few times at most; one that
/// is no longer expired (an `extend`) wins.
pub async fn reap(cluster: &Cluster, set: &StatefulSet, now: Timestamp) -> Result<ReapOutcome> {
    let mut current = set.clone();
    for _ in 0..3 {
        match delete_unchanged(cluster, &current).await {
            Ok(true) => return Ok(ReapOutcome::Deleted),
            Ok(false) => return Ok(ReapOutcome::Gone),
            Err(DeleteError::Cluster(e)) => return Err(e),
            Err(DeleteError::Changed) => {}
        }
        let namespace = current.metadata.namespace.clone().unwrap_or_default();
        let name = current.metadata.name.clone().unwrap_or_default();
        let sets: Api<StatefulSet> = Api::namespaced(cluster.client.clone(), &namespace);
        let found = sets
            .list(&ListParams::default().fields(&format!("metadata.name={name}")))
            .await
            .map_err(|e| cluster.error(e))?;
        match found.items.into_iter().next() {
            // Gone, or on its way out by someone else's delete.
            None => return Ok(ReapOutcome::Gone),
            Some(fresh) if fresh.metadata.deletion_timestamp.is_some() => {
                return Ok(ReapOutcome::Gone);
            }
            Some(fresh) if state::expires_at(&fresh).is_some_and(|t| t <= now) => {
                current = fresh;
            }
            Some(_) => return Ok(ReapOutcome::Extended),
        }
    }
    Ok(ReapOutcome::Busy)
}

/// Why [`delete_unchanged`] did not delete.
#[derive(Debug, thiserror::Error)]
pub enum DeleteError {
    /// The StatefulSet changed (or was replaced) since it was read: someone acted on it.
    #[error("it changed since it was read")]
    Changed,
    #[error(transparent)]
    Cluster(Error),
}

/// Deletes the StatefulSet `set` only as it was read: same uid, same resourceVersion. A
/// change in between (an `extend`) wins. `Ok(false)` when it is already gone.
pub async fn delete_unchanged(cluster: &Cluster, set: &StatefulSet) -> Result<bool, DeleteError> {
    let namespace = set
        .metadata
        .namespace
        .clone()
        .unwrap_or_else(|| cluster.namespace.clone());
    let name = set.metadata.name.clone().unwrap_or_default();
    let sets: Api<StatefulSet> = Api::namespaced(cluster.client.clone(), &namespace);
    let params = DeleteParams {
        preconditions: Some(Preconditions {
            uid: set.metadata.uid.clone(),
            resource_version: set.metadata.resource_version.clone(),
        }),
        ..DeleteParams::background()
    };
    match sets.delete(&name, &params).await {
        Ok(_) => Ok(true),
        Err(kube::Error::Api(s)) if s.code == 404 => Ok(false),
        Err(kube::Error::Api(s)) if s.code == 409 => Err(DeleteError::Changed),
        Err(e) => Err(DeleteError::Cluster(cluster.error(e))),
    }
}

/// Deletes the Services, Secrets and ConfigMap of the devserver `name` by their names, all at
/// once; one already gone counts as deleted. They carry no finalizers, so each is gone when
/// its delete answers (reading Secrets to wait for them is no right of devctl's).
pub async fn delete_children(cluster: &Cluster, name: &str) -> Result<()> {
    let ns = &cluster.namespace;
    let made = [
        Made::child(Object::Service, name),
        Made::child(Object::Service, &manifests::nodeport_name(name)),
        Made::child(Object::Secret, &manifests::secret_name(name)),
        Made::child(Object::Secret, &manifests::env_secret_name(name)),
        Made::child(Object::ConfigMap, &manifests::configmap_name(name)),
    ];
    let rollback = delete_all(cluster, ns, made.into()).await;
    match rollback.left.into_iter().next() {
        Some((object, err)) => Err(err.prefix(&format!("deleting {object}"))),
        None => Ok(()),
    }
}

/// What a new devserver's spec depends on, asked in one wave: who the user is, the flavors,
/// and (for a real create, `checks`) that the claims to mount exist, the nodes (to check that
/// some node advertises an unknown GPU resource, and whether the devserver can fit on any), and
/// the namespace's ResourceQuotas (`None`: not read). `namespace` overrides the cluster's (a
/// `-f` file's).
pub async fn facts(
    cluster: &Cluster,
    namespace: Option<&str>,
    checks: Option<&Request>,
) -> Result<(Facts, FlavorSource, Nodes, Option<Vec<ResourceQuota>>)> {
    let namespace = namespace.unwrap_or(&cluster.namespace).to_string();
    let claims = Api::<PersistentVolumeClaim>::namespaced(cluster.client.clone(), &namespace);
    let volumes = checks.map(|r| r.volumes.as_slice()).unwrap_or_default();
    let claim_checks = volumes.iter().map(|v| {
        let claims = claims.clone();
        async move { (v.claim.as_str(), claims.get_opt(&v.claim).await) }
    });
    let nodes = async {
        match checks {
            Some(_) => super::capacity::nodes(cluster).await,
            None => Ok(Err("not read for a dry run".to_string())),
        }
    };
    let (identity, flavors, claim_results, nodes, quotas) = tokio::join!(
        whoami(cluster),
        flavors(cluster),
        futures::future::join_all(claim_checks),
        nodes,
        quotas(cluster, &namespace, checks.is_some()),
    );
    for (claim, found) in claim_results {
        match found {
            Ok(Some(_)) => {}
            Ok(None) => {
                return Err(Error::new(
                    Kind::NotFound,
                    format!("claim {claim:?} not found in namespace {namespace}"),
                )
                .hint("--volume mounts an existing PersistentVolumeClaim: kubectl get pvc"));
            }
            Err(e) => return Err(cluster.error(e)),
        }
    }
    let unknown_gpu = checks.and_then(|r| r.unknown_gpu.as_deref());
    // The nodes only help create warn, unless a --gpu resource must be checked: a failure to
    // read them is then no failure of the create.
    let nodes = match nodes {
        Ok(nodes) => nodes,
        Err(e) if unknown_gpu.is_none() => {
            Err(format!("the nodes could not be read: {}", e.message))
        }
        Err(e) => return Err(e),
    };
    // Without the right to list nodes, the scheduler will tell.
    if let (Some(resource), Ok(nodes)) = (unknown_gpu, &nodes) {
        let advertised = nodes.iter().any(|n| {
            n.status
                .as_ref()
                .and_then(|s| s.allocatable.as_ref())
                .is_some_and(|a| a.contains_key(resource))
        });
        if !advertised {
            return Err(Error::usage(format!(
                "no node advertises {resource:?}; known GPU resources: {}",
                flavor::GPU_RESOURCES.join(", ")
            )));
        }
    }
    let (flavors, source) = flavors?;
    let facts = Facts {
        namespace,
        identity: identity?.map(|(user, _)| user),
        local_user: owner::local_user(),
        flavors,
        now: Timestamp::now(),
    };
    Ok((facts, source, nodes, quotas?))
}

/// The namespace's ResourceQuotas, for create to check before it makes anything; `None`
/// when not `wanted` (a dry run) or when the user may not read them (the API server's quota
/// admission then refuses what goes over).
pub(super) async fn quotas(
    cluster: &Cluster,
    namespace: &str,
    wanted: bool,
) -> Result<Option<Vec<ResourceQuota>>> {
    if !wanted {
        return Ok(None);
    }
    let api = Api::<ResourceQuota>::namespaced(cluster.client.clone(), namespace);
    match api.list(&ListParams::default()).await {
        Ok(list) => Ok(Some(list.items)),
        Err(kube::Error::Api(s)) if s.code == 403 => Ok(None),
        Err(e) => Err(cluster.error(e)),
    }
}

/// The nodes, or why they were not read.
pub type Nodes = std::result::Result<Vec<Node>, String>;

pub use super::rollback::{CreateError, Rollback};

/// Creates the devserver all or nothing: the StatefulSet, then everything it owns at once.
/// If a step fails, or `interrupted` resolves, what was made is deleted again and the error
/// says exactly what remains. A request in flight when the signal comes is let finish, so
/// that the rollback knows whether it made something. `made` gets the StatefulSet's uid and
/// resource version as soon as it exists (a wait for its pod can start while the rest is
/// made).
pub async fn create(
    cluster: &Cluster,
    manifests: &Manifests,
    made: Option<tokio::sync::oneshot::Sender<(String, Option<String>)>>,
    interrupted: Pin<&mut impl Future<Output = Signal>>,
) -> Result<StatefulSet, CreateError> {
    let mut interrupted = Some(interrupted);
    let mut signal = None;
    let ns = manifests
        .statefulset
        .metadata
        .namespace
        .clone()
        .unwrap_or_else(|| cluster.namespace.clone());
    let pp = PostParams::default();
    let client = &cluster.client;
    let sets = Api::<StatefulSet>::namespaced(client.clone(), &ns);
    let services = Api::<Service>::namespaced(client.clone(), &ns);
    let secrets = Api::<Secret>::namespaced(client.clone(), &ns);
    let configs = Api::<ConfigMap>::namespaced(client.clone(), &ns);

    // A devserver with a home starts at 0 replicas and is scaled up once its children exist:
    // a running StatefulSet makes its home claim at once, and a rollback could not tell that
    // claim from a home an earlier devserver of this name left (data is never deleted without
    // --purge). Without a home nothing of the kind exists, and the pod starts at once.
    let replicas = manifests.statefulset.spec.as_ref().and_then(|s| s.replicas);
    let scale_later = state::has_home(&manifests.statefulset);
    let mut first = manifests.statefulset.clone();
    if let Some(spec) = first.spec.as_mut().filter(|_| scale_later) {
        spec.replicas = Some(0);
    }
    let create_id = rollback::stamp(&mut first.metadata);
    let created = finish(sets.create(&pp, &first), &mut interrupted, &mut signal).await;
    let set = match created {
        Ok(set) => set,
        Err(kube::Error::Api(s)) if s.code == 409 => return Err(CreateError::Exists),
        Err(e @ kube::Error::Api(_)) => {
            return Err(CreateError::Failed {
                step: "the StatefulSet",
                cause: cluster.error(e),
                rollback: Rollback::default(),
            });
        }
        // The answer was lost: the server may have made it, or another create of the name.
        Err(e) => {
            let name = first.metadata.name.as_deref().unwrap_or_default();
            rollback::lost_answer(cluster, &sets, name, &create_id, "the StatefulSet", e).await?
        }
    };
    if let Some(made) = made {
        // Whoever waited for it may have gone already; then nobody needs the uid.
        let _ = made.send((
            set.metadata.uid.clone().unwrap_or_default(),
            set.metadata.resource_version.clone(),
        ));
    }
    let name = set.metadata.name.clone().unwrap_or_default();
    let uid = set.metadata.uid.clone().unwrap_or_default();
    let mut ledger = Ledger::new(cluster, Made::owner(Object::StatefulSet, &name, &uid));
    if let Some(signal) = signal {
        return Err(ledger.interrupted(&ns, signal).await);
    }

    let mut children = manifests.clone();
    children.owned_by(OwnerReference {
        api_version: "apps/v1".into(),
        kind: "StatefulSet".into(),
        name: name.clone(),
        uid,
        controller: Some(false),
        // Not blocking: setting it needs update on statefulsets/finalizers where owner
        // references are enforced (OpenShift), which namespace admins lack. `delete --wait`
        // deletes the children itself instead of waiting for the collector.
        block_owner_deletion: None,
    });
    let optional = |object: Option<&Secret>| {
        let secrets = secrets.clone();
        let object = object.cloned();
        async move {
            match object {
                Some(s) => secrets.create(&PostParams::default(), &s).await.map(Some),
                None => Ok(None),
            }
        }
    };
    let nodeport = async {
        match &children.nodeport_service {
            Some(svc) => services.create(&pp, svc).await.map(Some),
            None => Ok(None),
        }
    };
    let wave = async {
        tokio::join!(
            secrets.create(&pp, &children.ssh_secret),
            optional(children.env_secret.as_ref()),
            configs.create(&pp, &children.configmap),
            services.create(&pp, &children.headless_service),
            nodeport,
        )
    };
    let (ssh_secret, env_secret, config, headless, nodeport) =
        finish(wave, &mut interrupted, &mut signal).await;
    let name_of = |meta: &ObjectMeta| meta.name.clone().unwrap_or_default();
    ledger.answer(
        "the Secret",
        Made::child(Object::Secret, &name_of(&children.ssh_secret.metadata)),
        ssh_secret,
    );
    if let Some(secret) = &children.env_secret {
        ledger.answer(
            "the env-file Secret",
            Made::child(Object::Secret, &name_of(&secret.metadata)),
            env_secret,
        );
    }
    ledger.answer(
        "the ConfigMap",
        Made::child(Object::ConfigMap, &name_of(&children.configmap.metadata)),
        config,
    );
    ledger.answer(
        "the headless Service",
        Made::child(
            Object::Service,
            &name_of(&children.headless_service.metadata),
        ),
        headless,
    );
    if let Some(service) = &children.nodeport_service {
        ledger.answer(
            "the NodePort Service",
            Made::child(Object::Service, &name_of(&service.metadata)),
            nodeport,
        );
    }
    ledger.settle(&ns, signal.take()).await?;
    if scale_later {
        let scale = serde_json::json!({ "spec": { "replicas": replicas.unwrap_or(1) } });
        let scaled = finish(
            sets.patch(&name, &PatchParams::default(), &Patch::Merge(&scale)),
            &mut interrupted,
            &mut signal,
        )
        .await;
        return match (scaled, signal) {
            (Ok(_), None) => Ok(set),
            (Ok(_), Some(signal)) => Err(ledger.interrupted(&ns, signal).await),
            (Err(e), _) => Err(ledger
                .fail(&ns, "the StatefulSet's scale-up", cluster.error(e))
                .await),
        };
    }
    Ok(set)
}
