//! `devctl admin uninstall`: deletes what `admin install` made and devctl labelled as its own:
//! the DevServerFlavor CRD (and with it every flavor), the ClusterRoles devctl-user,
//! devctl-user-cluster and devctl-reaper, the reaper's ClusterRoleBinding and the namespace
//! devctl-system (its ServiceAccount and CronJob go with it). Users' devservers and
//! namespaces stay, unless `--all`: then every StatefulSet and PersistentVolumeClaim labelled
//! managed-by=devctl in every namespace, every namespace labelled devserver.io/user and every
//! ClusterRoleBinding devctl made go too, after a list of them and a question (`--yes` off a
//! terminal). One line per object on stdout; nothing installed says so and exits 0.

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{Namespace, PersistentVolumeClaim};
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::Resource;
use kube::api::Api;

use crate::cli::AdminUninstallArgs;
use crate::cluster::Cluster;
use crate::cluster::admin::{self, Outcome, object_name};
use crate::commands::{Context, ExitStatus};
use crate::devserver::admin::{REAPER, SYSTEM_NAMESPACE, USER_CLUSTER_ROLE, USER_LABEL, USER_ROLE};
use crate::devserver::crd;
use crate::devserver::manifests::MANAGED_BY;
use crate::error::{Error, Result};
use crate::output::Format;

/// One object to delete: its kubectl name, and how to delete it.
struct Doomed<'c> {
    object: String,
    delete: std::pin::Pin<Box<dyn std::future::Future<Output = Result<Outcome>> + Send + 'c>>,
}

fn doomed<'c, K>(cluster: &'c Cluster, api: Api<K>, meta: &kube::api::ObjectMeta) -> Doomed<'c>
where
    K: Resource<DynamicType = ()>
        + Clone
        + std::fmt::Debug
        + serde::de::DeserializeOwned
        + Send
        + Sync
        + 'static,
{
    let name = meta.name.clone().unwrap_or_default();
    let object = match &meta.namespace {
        Some(ns) => format!("{} -n {ns}", object_name::<K>(&name)),
        None => object_name::<K>(&name),
    };
    let delete = Box::pin(async move { admin::delete(cluster, &api, &name).await });
    Doomed { object, delete }
}

pub async fn run(ctx: &Context<'_>, args: AdminUninstallArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept("admin uninstall", &[Format::Table])?;
    let cluster = ctx.cluster().await?;
    let client = &cluster.client;
    let crds: Api<CustomResourceDefinition> = Api::all(client.clone());
    let roles: Api<ClusterRole> = Api::all(client.clone());
    let bindings: Api<ClusterRoleBinding> = Api::all(client.clone());
    let namespaces: Api<Namespace> = Api::all(client.clone());

    // What install made, looked up at once; something of the same name that devctl did not
    // make is named and left alone.
    let (crd, user_role, user_cluster_role, reaper_role, reaper_binding, system, flavors) = tokio::try_join!(
        admin::find(cluster, &crds, crd::CRD_NAME),
        admin::find(cluster, &roles, USER_ROLE),
        admin::find(cluster, &roles, USER_CLUSTER_ROLE),
        admin::find(cluster, &roles, REAPER),
        admin::find(cluster, &bindings, REAPER),
        admin::find(cluster, &namespaces, SYSTEM_NAMESPACE),
        admin::count_flavors(cluster),
    )?;
    let mut delete: Vec<Doomed> = Vec::new();
    let mut foreign = Vec::new();
    let mut take = |found: Option<std::result::Result<_, String>>| match found {
        Some(Ok(d)) => delete.push(d),
        Some(Err(why)) => foreign.push(why),
        None => {}
    };
    take(crd.map(|r| r.map(|o| doomed(cluster, crds.clone(), &o.metadata))));
    for role in [user_role, user_cluster_role, reaper_role] {
        take(role.map(|r| r.map(|o| doomed(cluster, roles.clone(), &o.metadata))));
    }
    take(reaper_binding.map(|r| r.map(|o| doomed(cluster, bindings.clone(), &o.metadata))));
    take(system.map(|r| r.map(|o| doomed(cluster, namespaces.clone(), &o.metadata))));

    let mut users = Vec::new();
    if args.all {
        let managed = format!("{MANAGED_BY}=devctl");
        let user_namespace = format!("{MANAGED_BY}=devctl,{USER_LABEL}");
        let sets: Api<StatefulSet> = Api::all(client.clone());
        let claims: Api<PersistentVolumeClaim> = Api::all(client.clone());
        let (sets_found, claims_found, user_namespaces, user_bindings) = tokio::try_join!(
            admin::list(cluster, &sets, &managed),
            admin::list(cluster, &claims, &managed),
            admin::list(cluster, &namespaces, &user_namespace),
            admin::list(cluster, &bindings, &managed),
        )?;
        for set in &sets_found {
            let ns = set.metadata.namespace.clone().unwrap_or_default();
            users.push(doomed(
                cluster,
                Api::<StatefulSet>::namespaced(client.clone(), &ns),
                &set.metadata,
            ));
        }
        for claim in &claims_found {
            let ns = claim.metadata.namespace.clone().unwrap_or_default();
            users.push(doomed(
                cluster,
                Api::<PersistentVolumeClaim>::namespaced(client.clone(), &ns),
                &claim.metadata,
            ));
        }
        for ns in user_namespaces
            .iter()
            .filter(|n| n.metadata.name.as_deref() != Some(SYSTEM_NAMESPACE))
        {
            users.push(doomed(cluster, namespaces.clone(), &ns.metadata));
        }
        for binding in user_bindings
            .iter()
            .filter(|b| b.metadata.name.as_deref() != Some(REAPER))
        {
            users.push(doomed(cluster, bindings.clone(), &binding.metadata));
        }
    }
    for why in &foreign {
        printer.warn(why);
    }
    if delete.is_empty() && users.is_empty() {
        printer.info("devctl is not installed in this cluster; nothing to delete");
        return Ok(0);
    }
    if args.dry_run || (args.all && !args.yes) {
        let mut list = String::new();
        for d in delete.iter().chain(&users) {
            list.push_str(&format!("  {}\n", d.object));
        }
        if let Some(n) = flavors.filter(|n| *n > 0) {
            list.push_str(&format!("  (and with the CRD, its {n} DevServerFlavors)\n"));
        }
        if args.dry_run {
            printer.out(&format!("dry run: would delete\n{list}"));
            return Ok(0);
        }
        printer.info(&format!(
            "devctl admin uninstall --all deletes:\n{}",
            list.trim_end()
        ));
        let question = format!(
            "delete these {} objects, every user's devservers and volumes among them?",
            delete.len() + users.len()
        );
        if !printer.confirm(&question, "--yes")? {
            return Err(Error::general("nothing deleted"));
        }
    }
    let results =
        futures::future::join_all(delete.into_iter().chain(users).map(|d| d.delete)).await;
    let mut out = String::new();
    let mut failure = None;
    for result in results {
        match result {
            Ok(outcome) => {
                out.push_str(&outcome.line());
                out.push('\n');
            }
            Err(e) => {
                failure.get_or_insert(e);
            }
        }
    }
    printer.out(&out);
    if let Some(e) = failure {
        return Err(e);
    }
    if !args.all {
        printer.info("users' devservers, volumes and namespaces are kept (--all deletes them too)");
    }
    Ok(0)
}
