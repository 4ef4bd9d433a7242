//! `devctl admin install`: applies, server-side with the field manager devctl, the
//! DevServerFlavor CRD (then, once it is Established, the built-in flavors into a cluster that
//! has none), the ClusterRoles devctl-user and devctl-user-cluster, and with `--reaper-image`
//! the reaper (namespace devctl-system, its ServiceAccount, ClusterRole, ClusterRoleBinding and
//! CronJob). Independent applies run concurrently. One line per object on stdout, as kubectl
//! prints them (created, configured, unchanged); a second run changes nothing.
//!
//! `--dry-run` prints the objects (YAML documents, or one JSON `List` with `-o json`) and makes
//! no request at all. `-o json|yaml` without it: `{"apiVersion": "devctl/v1", "kind":
//! "InstallReport", "items": [{"object", "action", "reason"}]}`.

use std::time::Duration;

use k8s_openapi::api::batch::v1::CronJob;
use k8s_openapi::api::core::v1::{Namespace, ServiceAccount};
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::api::Api;

use crate::cli::AdminInstallArgs;
use crate::cluster::Cluster;
use crate::cluster::admin::{self, Outcome};
use crate::commands::{Context, ExitStatus};
use crate::devserver::admin::SYSTEM_NAMESPACE;
use crate::devserver::{admin as objects, crd, flavor, reaper};
use crate::error::{Error, Result};
use crate::output::{Format, Printer};

/// How long a new CRD may take to be served.
const ESTABLISHED_TIMEOUT: Duration = Duration::from_secs(60);

pub async fn run(ctx: &Context<'_>, args: AdminInstallArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept(
        "admin install",
        &[Format::Table, Format::Json, Format::Yaml],
    )?;
    if let Some(image) = &args.reaper_image {
        reaper::check_image(image).map_err(Error::usage)?;
        reaper::check_schedule(&args.reaper_schedule).map_err(Error::usage)?;
    }
    let reaper_image = args.reaper_image.as_deref();
    if args.dry_run {
        return print_objects(printer, reaper_image, &args.reaper_schedule);
    }
    let cluster = ctx.cluster().await?;
    let (crd_and_flavors, roles, reaper) = tokio::join!(
        install_crd_and_flavors(cluster),
        install_user_roles(cluster),
        async {
            match reaper_image {
                Some(image) => install_reaper(cluster, image, &args.reaper_schedule).await,
                None => Ok(Vec::new()),
            }
        },
    );
    // Every group that got through is reported, then the first failure.
    let mut outcomes = Vec::new();
    let mut failure = None;
    for group in [crd_and_flavors, roles, reaper] {
        match group {
            Ok(done) => outcomes.extend(done),
            Err(e) => {
                failure.get_or_insert(e);
            }
        }
    }
    report(printer, &outcomes)?;
    if let Some(e) = failure {
        return Err(e);
    }
    let changed = outcomes.iter().filter(|o| o.action.changed()).count();
    if changed == 0 {
        printer.info("devctl is installed; nothing changed");
    } else {
        printer.info(&format!("devctl is installed; {changed} objects changed"));
    }
    if reaper_image.is_none() {
        printer.debug(
            1,
            "no --reaper-image: the reaper is not installed or changed",
        );
    }
    Ok(0)
}

async fn install_crd_and_flavors(cluster: &Cluster) -> Result<Vec<Outcome>> {
    let crds: Api<CustomResourceDefinition> = Api::all(cluster.client.clone());
    let crd = admin::apply(cluster, &crds, crd::flavor_crd()).await?;
    admin::crd_established(cluster, ESTABLISHED_TIMEOUT).await?;
    let mut outcomes = vec![crd];
    outcomes.extend(admin::seed_flavors(cluster, &flavor::builtin()).await?);
    Ok(outcomes)
}

async fn install_user_roles(cluster: &Cluster) -> Result<Vec<Outcome>> {
    let roles: Api<ClusterRole> = Api::all(cluster.client.clone());
    let (user, user_cluster) = tokio::try_join!(
        admin::apply(cluster, &roles, objects::user_role()),
        admin::apply(cluster, &roles, objects::user_cluster_role()),
    )?;
    Ok(vec![user, user_cluster])
}

/// The namespace first (its ServiceAccount and CronJob need it), the cluster-scoped RBAC
/// meanwhile (the role first, then its binding).
async fn install_reaper(cluster: &Cluster, image: &str, schedule: &str) -> Result<Vec<Outcome>> {
    let client = &cluster.client;
    let namespaces: Api<Namespace> = Api::all(client.clone());
    let accounts: Api<ServiceAccount> = Api::namespaced(client.clone(), SYSTEM_NAMESPACE);
    let jobs: Api<CronJob> = Api::namespaced(client.clone(), SYSTEM_NAMESPACE);
    let roles: Api<ClusterRole> = Api::all(client.clone());
    let bindings: Api<ClusterRoleBinding> = Api::all(client.clone());
    let in_namespace = async {
        let namespace = admin::apply(cluster, &namespaces, reaper::namespace()).await?;
        let (account, job) = tokio::try_join!(
            admin::apply(cluster, &accounts, reaper::service_account()),
            admin::apply(cluster, &jobs, reaper::cron_job(image, schedule)),
        )?;
        Ok::<_, Error>([namespace, account, job])
    };
    // The role before its binding: without the bind verb, the API server checks the binding
    // against the role's rules, and a role not there yet would be a confusing 404.
    let rbac = async {
        let role = admin::apply(cluster, &roles, reaper::cluster_role()).await?;
        let binding = admin::apply(cluster, &bindings, reaper::cluster_role_binding()).await?;
        Ok::<_, Error>((role, binding))
    };
    let ([namespace, account, job], (role, binding)) = tokio::try_join!(in_namespace, rbac)?;
    Ok(vec![namespace, account, role, binding, job])
}

fn report(printer: &Printer, outcomes: &[Outcome]) -> Result<()> {
    if printer.is_structured() {
        let items: Vec<_> = outcomes
            .iter()
            .map(|o| {
                serde_json::json!({
                    "object": o.object, "action": o.action.word(), "reason": o.action.reason(),
                })
            })
            .collect();
        return printer.structured(&serde_json::json!({
            "apiVersion": "devctl/v1", "kind": "InstallReport", "items": items,
        }));
    }
    let mut out = String::new();
    for outcome in outcomes {
        out.push_str(&outcome.line());
        out.push('\n');
    }
    printer.out(&out);
    Ok(())
}

/// Every object install would apply, in the order it applies them.
pub fn objects(reaper_image: Option<&str>, schedule: &str) -> Result<Vec<serde_json::Value>> {
    let value = |v: serde_json::Result<serde_json::Value>| {
        v.map_err(|e| Error::general(format!("cannot print the objects: {e}")))
    };
    let mut all = vec![value(serde_json::to_value(crd::flavor_crd()))?];
    all.extend(flavor::builtin().iter().map(crd::flavor_object));
    all.push(value(serde_json::to_value(objects::user_role()))?);
    all.push(value(serde_json::to_value(objects::user_cluster_role()))?);
    if let Some(image) = reaper_image {
        all.push(value(serde_json::to_value(reaper::namespace()))?);
        all.push(value(serde_json::to_value(reaper::service_account()))?);
        all.push(value(serde_json::to_value(reaper::cluster_role()))?);
        all.push(value(serde_json::to_value(reaper::cluster_role_binding()))?);
        all.push(value(serde_json::to_value(reaper::cron_job(
            image, schedule,
        )))?);
    }
    Ok(all)
}

fn print_objects(
    printer: &Printer,
    reaper_image: Option<&str>,
    schedule: &str,
) -> Result<ExitStatus> {
    let items = objects(reaper_image, schedule)?;
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
    printer.info(
        "dry run: nothing applied; the DevServerFlavors are created only in a cluster that has none",
    );
    Ok(0)
}
