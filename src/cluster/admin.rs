//! The API side of `admin install` and `admin uninstall`: server-side apply with devctl's
//! field manager, told as kubectl tells it (created, configured, unchanged), the wait for a
//! CRD to be Established, seeding the flavors, and deleting what install made.

use std::fmt::Debug;
use std::time::Duration;

use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::Resource;
use kube::api::{
    Api, ApiResource, DeleteParams, DynamicObject, GroupVersionKind, ListParams, Patch,
    PatchParams, PostParams,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Cluster;
use crate::devserver::admin::FIELD_MANAGER;
use crate::devserver::crd;
use crate::devserver::flavor::Flavor;
use crate::error::{Error, Kind, Result};

/// What happened to one object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Created,
    Configured,
    Unchanged,
    /// Left as it is, for the reason given (a flavor an admin changed).
    Kept(String),
    /// Not made, for the reason given.
    Skipped(String),
    Deleted,
}

impl Action {
    pub fn changed(&self) -> bool {
        matches!(self, Action::Created | Action::Configured | Action::Deleted)
    }

    pub fn word(&self) -> &'static str {
        match self {
            Action::Created => "created",
            Action::Configured => "configured",
            Action::Unchanged | Action::Kept(_) => "unchanged",
            Action::Skipped(_) => "skipped",
            Action::Deleted => "deleted",
        }
    }

    pub fn reason(&self) -> Option<&str> {
        match self {
            Action::Kept(why) | Action::Skipped(why) => Some(why),
            _ => None,
        }
    }
}

/// One line of the report: `kind.group/name action`, as kubectl prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub object: String,
    pub action: Action,
}

impl Outcome {
    pub fn line(&self) -> String {
        match self.action.reason() {
            Some(why) => format!("{} {} ({why})", self.object, self.action.word()),
            None => format!("{} {}", self.object, self.action.word()),
        }
    }
}

/// `kind.group/name`, lower case, as kubectl names an object.
pub fn object_name<K: Resource<DynamicType = ()>>(name: &str) -> String {
    let kind = K::kind(&()).to_ascii_lowercase();
    let group = K::group(&());
    if group.is_empty() {
        format!("{kind}/{name}")
    } else {
        format!("{kind}.{group}/{name}")
    }
}

/// A failed call of `admin`: a refusal says that admin needs a cluster admin's rights.
fn admin_error(cluster: &Cluster, err: kube::Error, doing: &str) -> Error {
    admin_hint(cluster.error(err).prefix(doing))
}

/// A refusal of an `admin` call says that admin needs a cluster admin's rights.
pub fn admin_hint(mut e: Error) -> Error {
    if e.kind == Kind::Forbidden {
        e.hints = vec![
            "devctl admin needs a cluster admin's rights (it manages a CRD, ClusterRoles and namespaces); use an admin's kubeconfig or context".into(),
        ];
    }
    e
}

/// Applies `object` server-side (devctl owns its fields, so conflicts are forced) and says
/// whether that created, changed or left it: a no-op apply keeps the resourceVersion. An
/// object of that name that devctl did not make is refused (exit 4), never taken over.
pub async fn apply<K>(cluster: &Cluster, api: &Api<K>, object: K) -> Result<Outcome>
where
    K: Resource<DynamicType = ()> + Clone + Debug + Serialize + DeserializeOwned,
{
    let name = object.meta().name.clone().unwrap_or_default();
    let id = object_name::<K>(&name);
    let doing = format!("applying {id}");
    let before = api
        .get_opt(&name)
        .await
        .map_err(|e| admin_error(cluster, e, &doing))?;
    // An object of that name that devctl did not make is someone else's: applying would
    // take it over, and a later uninstall would delete it.
    if before.as_ref().is_some_and(|b| !made_by_devctl(b.meta())) {
        return Err(Error::new(
            Kind::Conflict,
            format!("{id} exists and devctl did not make it; install leaves it alone"),
        )
        .hint("rename or delete it (it lacks the label app.kubernetes.io/managed-by=devctl), then run devctl admin install again"));
    }
    let after = api
        .patch(
            &name,
            &PatchParams::apply(FIELD_MANAGER).force(),
            &Patch::Apply(&object),
        )
        .await
        .map_err(|e| admin_error(cluster, e, &doing))?;
    let action = match before {
        None => Action::Created,
        Some(b) if b.meta().resource_version == after.meta().resource_version => Action::Unchanged,
        Some(_) => Action::Configured,
    };
    Ok(Outcome { object: id, action })
}

/// Waits until the flavor CRD is Established, so that flavors can be made.
pub async fn crd_established(cluster: &Cluster, timeout: Duration) -> Result<()> {
    let crds: Api<CustomResourceDefinition> = Api::all(cluster.client.clone());
    let established = kube::runtime::wait::await_condition(
        crds,
        crd::CRD_NAME,
        kube::runtime::wait::conditions::is_crd_established(),
    );
    match tokio::time::timeout(timeout, established).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(kube::runtime::wait::Error::ProbeFailed(failed))) => {
            use kube::runtime::watcher::Error as Watch;
            let doing = format!("waiting for the CRD {} to be established", crd::CRD_NAME);
            Err(match failed {
                Watch::InitialListFailed(e)
                | Watch::WatchStartFailed(e)
                | Watch::WatchFailed(e) => admin_error(cluster, e, &doing),
                Watch::WatchError(status) => admin_error(cluster, kube::Error::Api(status), &doing),
                other => Error::general(format!("{doing}: {other}")),
            })
        }
        Err(_) => Err(Error::new(
            Kind::Timeout,
            format!(
                "the CRD {} was not established within {}s",
                crd::CRD_NAME,
                timeout.as_secs()
            ),
        )
        .hint(format!("kubectl describe crd {}", crd::CRD_NAME))),
    }
}

fn flavors_api(cluster: &Cluster) -> Api<DynamicObject> {
    let resource = ApiResource::from_gvk_with_plural(
        &GroupVersionKind::gvk(crd::GROUP, crd::VERSION, crd::KIND),
        crd::PLURAL,
    );
    Api::all_with(cluster.client.clone(), &resource)
}

fn flavor_id(name: &str) -> String {
    format!("{}.{}/{name}", crd::KIND.to_ascii_lowercase(), crd::GROUP)
}

/// The flavors belong to the admins once they exist: `builtin` are created only in a cluster
/// without any flavor. In one with flavors, each built-in one is reported as it stands:
/// unchanged, kept (an admin changed it), or skipped (absent, so an admin removed it or never
/// wanted it: making it again could add a second default).
pub async fn seed_flavors(cluster: &Cluster, builtin: &[Flavor]) -> Result<Vec<Outcome>> {
    let api = flavors_api(cluster);
    let existing = api
        .list(&ListParams::default())
        .await
        .map_err(|e| admin_error(cluster, e, "listing the DevServerFlavors"))?;
    if existing.items.is_empty() {
        let creates = builtin.iter().map(|flavor| {
            let api = api.clone();
            async move {
                let id = flavor_id(&flavor.name);
                let object: DynamicObject = serde_json::from_value(crd::flavor_object(flavor))
                    .map_err(|e| Error::general(format!("building {id}: {e}")))?;
                let params = PostParams {
                    field_manager: Some(FIELD_MANAGER.into()),
                    ..PostParams::default()
                };
                let action = match api.create(&params, &object).await {
                    Ok(_) => Action::Created,
                    // Another install got there first.
                    Err(kube::Error::Api(s)) if s.code == 409 => Action::Unchanged,
                    Err(e) => return Err(admin_error(cluster, e, &format!("creating {id}"))),
                };
                Ok(Outcome { object: id, action })
            }
        });
        return futures::future::try_join_all(creates).await;
    }
    Ok(builtin
        .iter()
        .map(|flavor| {
            let found = existing
                .items
                .iter()
                .find(|o| o.metadata.name.as_deref() == Some(&flavor.name));
            let action = match found {
                None => Action::Skipped(
                    "the cluster has flavors of its own; devctl adds none to them".into(),
                ),
                Some(object) => {
                    let spec = object.data.get("spec").cloned().unwrap_or_default();
                    let theirs: Option<Flavor> = serde_json::from_value(spec).ok();
                    let ours = Flavor {
                        name: String::new(),
                        ..flavor.clone()
                    };
                    if theirs.as_ref() == Some(&ours) {
                        Action::Unchanged
                    } else {
                        Action::Kept("changed since devctl made it; left as it is".into())
                    }
                }
            };
            Outcome {
                object: flavor_id(&flavor.name),
                action,
            }
        })
        .collect())
}

/// How many DevServerFlavors there are; `None` when the CRD is not installed, or when they
/// may not be listed (they are only counted for the user).
pub async fn count_flavors(cluster: &Cluster) -> Result<Option<usize>> {
    match flavors_api(cluster).list(&ListParams::default()).await {
        Ok(list) => Ok(Some(list.items.len())),
        Err(kube::Error::Api(s)) if s.code == 404 || s.code == 403 => Ok(None),
        Err(e) => Err(admin_error(cluster, e, "listing the DevServerFlavors")),
    }
}

/// Whether an object was made by devctl (labelled managed-by=devctl).
pub fn made_by_devctl(meta: &kube::api::ObjectMeta) -> bool {
    meta.labels
        .as_ref()
        .and_then(|l| l.get(crate::devserver::manifests::MANAGED_BY))
        .is_some_and(|v| v == "devctl")
}

/// The object `name` if it exists and devctl made it; one that someone else made is `Err`
/// with the reason, to be reported and left alone.
pub async fn find<K>(
    cluster: &Cluster,
    api: &Api<K>,
    name: &str,
) -> Result<Option<std::result::Result<K, String>>>
where
    K: Resource<DynamicType = ()> + Clone + Debug + DeserializeOwned,
{
    let id = object_name::<K>(name);
    let found = api
        .get_opt(name)
        .await
        .map_err(|e| admin_error(cluster, e, &format!("reading {id}")))?;
    Ok(found.map(|o| {
        if made_by_devctl(o.meta()) {
            Ok(o)
        } else {
            Err(format!("{id} was not made by devctl; left as it is"))
        }
    }))
}

/// Deletes `name` (in the background: the garbage collector and namespace controller finish
/// the job); one already gone counts as deleted.
pub async fn delete<K>(cluster: &Cluster, api: &Api<K>, name: &str) -> Result<Outcome>
where
    K: Resource<DynamicType = ()> + Clone + Debug + DeserializeOwned,
{
    let id = object_name::<K>(name);
    match api.delete(name, &DeleteParams::background()).await {
        Ok(_) => {}
        Err(kube::Error::Api(s)) if s.code == 404 => {}
        Err(e) => return Err(admin_error(cluster, e, &format!("deleting {id}"))),
    }
    Ok(Outcome {
        object: id,
        action: Action::Deleted,
    })
}

/// Lists `K` in every namespace (or the cluster) with `selector`.
pub async fn list<K>(cluster: &Cluster, api: &Api<K>, selector: &str) -> Result<Vec<K>>
where
    K: Resource<DynamicType = ()> + Clone + Debug + DeserializeOwned,
{
    api.list(&ListParams::default().labels(selector))
        .await
        .map(|l| l.items)
        .map_err(|e| {
            admin_error(
                cluster,
                e,
                &format!("listing {}", object_name::<K>("").trim_end_matches('/')),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::api::batch::v1::CronJob;
    use k8s_openapi::api::core::v1::Namespace;

    #[test]
    fn objects_are_named_as_kubectl_names_them() {
        assert_eq!(
            object_name::<CustomResourceDefinition>(crd::CRD_NAME),
            "customresourcedefinition.apiextensions.k8s.io/devserverflavors.devserver.io"
        );
        assert_eq!(
            object_name::<Namespace>("devctl-system"),
            "namespace/devctl-system"
        );
        assert_eq!(
            object_name::<CronJob>("devctl-reaper"),
            "cronjob.batch/devctl-reaper"
        );
        assert_eq!(
            flavor_id("cpu-small"),
            "devserverflavor.devserver.io/cpu-small"
        );
    }

    #[test]
    fn a_kept_flavor_reads_unchanged_with_its_reason_and_counts_as_no_change() {
        let kept = Outcome {
            object: flavor_id("cpu-small"),
            action: Action::Kept("changed since devctl made it; left as it is".into()),
        };
        assert_eq!(
            kept.line(),
            "devserverflavor.devserver.io/cpu-small unchanged (changed since devctl made it; left as it is)"
        );
        assert!(!kept.action.changed());
        assert!(Action::Configured.changed() && Action::Created.changed());
        assert!(!Action::Unchanged.changed());
    }
}
