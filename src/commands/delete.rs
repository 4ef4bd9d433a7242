//! `devctl delete NAME...`: deletes the StatefulSet (the cluster's garbage collector takes the
//! Services, Secret and ConfigMap that it owns). The home volume stays unless `--purge`, which
//! also removes a home volume that an earlier delete without `--purge` left behind.
//! `--wait` returns once the pod and the StatefulSet are gone, so the name can be reused.
//!
//! `-o json`/`-o yaml`: `{"apiVersion": "devctl/v1", "kind": "DevServerChangeList", "items":
//! [DevServerChange]}` with one item per devserver dealt with (see `change`), `action`
//! `deleted`, or `purged` when only a left-over home volume was deleted; `homeVolume`
//! `{"claim", "action": "kept" | "deleted"}` when there is one. Failures are not items: they
//! are one line each on stderr, and the exit code is the first one's. `-o name`:
//! `devserver/NAME` per item.

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Pod};
use kube::api::{Api, DeleteParams, Preconditions};

use super::change::{self, DevServerChange, FORMATS, HomeVolume};
use super::{Context, ExitStatus};
use crate::cli::DeleteArgs;
use crate::cluster::devservers::{self, LookupError};
use crate::cluster::{Cluster, wait};
use crate::devserver::{input, state};
use crate::error::{Error, Result};
use crate::output::Printer;

pub async fn run(ctx: &Context<'_>, args: DeleteArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept("delete", &FORMATS)?;
    for name in &args.names {
        input::check_name(name).map_err(Error::usage)?;
    }
    let cluster = ctx.cluster().await?;
    if !args.yes {
        confirm(&args, cluster, printer)?;
    }
    let results = futures::future::join_all(
        args.names
            .iter()
            .map(|name| delete_one(cluster, name, &args, printer)),
    )
    .await;
    // Each failure is printed as it is; the exit code is the first failure's.
    let mut code = 0;
    let mut items = Vec::new();
    for (name, result) in args.names.iter().zip(results) {
        match result {
            Ok(Some(change)) => items.push(change),
            Ok(None) => {}
            Err(e) => {
                if code == 0 {
                    code = e.exit_code();
                }
                printer.error(&e.prefix(&format!("deleting {name}")));
            }
        }
    }
    change::print_list(printer, &items)?;
    Ok(code)
}

fn confirm(args: &DeleteArgs, cluster: &Cluster, printer: &Printer) -> Result<()> {
    let what = if args.purge {
        " and their home volumes"
    } else {
        ""
    };
    let question = format!(
        "delete {} in namespace {}{what}?",
        args.names.join(", "),
        cluster.namespace
    );
    if printer.confirm(&question, "--yes")? {
        Ok(())
    } else {
        Err(Error::general("nothing deleted"))
    }
}

/// Deletes one devserver; `None` when there was nothing (and `--ignore-not-found`).
async fn delete_one(
    cluster: &Cluster,
    name: &str,
    args: &DeleteArgs,
    printer: &Printer,
) -> Result<Option<DevServerChange>> {
    let ns = &cluster.namespace;
    let home = state::home_claim(name);
    // With --wait, the pod as it is now (read at once with the lookup), to wait for exactly
    // this one to go.
    // With --purge, the home claim too: only one devctl made is deleted.
    let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), ns);
    let (found, pod, claim) = tokio::join!(
        devservers::get(cluster, name),
        async {
            if args.wait {
                pods.get_opt(&state::pod_name(name))
                    .await
                    .map(|p| p.and_then(|p| p.metadata.uid))
            } else {
                Ok(None)
            }
        },
        async {
            if args.purge {
                devservers::home_volume(cluster, name).await
            } else {
                Ok(None)
            }
        }
    );
    let claim = claim?;
    let set = match found {
        Ok(set) => set,
        Err(not_found @ LookupError::NotFound { .. }) => {
            // An earlier delete without --purge kept the home volume: --purge deletes it now.
            if claim.is_some() {
                delete_claim(cluster, &home).await?;
                printer.info(&format!("home volume {home} of devserver {name} deleted"));
                return Ok(Some(DevServerChange::purged(name, ns)));
            }
            if args.ignore_not_found {
                return Ok(None);
            }
            return Err(not_found.into());
        }
        Err(e) => return Err(e.into()),
    };
    let pod_uid = pod.map_err(|e| cluster.error(e))?;
    let has_home = state::has_home(&set);
    let sets: Api<StatefulSet> = Api::namespaced(cluster.client.clone(), ns);
    // With --wait, foreground deletion: the StatefulSet goes only after the garbage collector
    // has removed its pod, so that waiting for it means `devctl create NAME` can follow.
    let mut params = if args.wait {
        DeleteParams::foreground()
    } else {
        DeleteParams::background()
    };
    // Only the devserver that was looked up: one made again under its name meanwhile stays.
    params.preconditions = Some(Preconditions {
        uid: set.metadata.uid.clone(),
        resource_version: None,
    });
    sets.delete(name, &params)
        .await
        .map_err(|e| cluster.error(e))?;
    let mut change = DevServerChange::new(&set, ns, "deleted");
    if has_home {
        change.home_volume = Some(HomeVolume {
            claim: home.clone(),
            action: if args.purge { "deleted" } else { "kept" },
        });
    }
    if claim.is_some() {
        delete_claim(cluster, &home).await?;
    }
    // The further pods of a multi-node devserver have a home each: --purge deletes them all.
    if args.purge && has_home {
        let further = (1..state::nodes(&set)).map(|node| async move {
            if devservers::home_volume_of(cluster, name, node)
                .await?
                .is_some()
            {
                delete_claim(cluster, &state::node_home_claim(name, node)).await?;
            }
            Ok::<_, Error>(())
        });
        futures::future::try_join_all(further).await?;
    }
    if args.wait {
        // The collector takes the Services, Secrets and ConfigMap soon, but a create of the
        // same name right after could still meet them: they are deleted here, at once.
        devservers::delete_children(cluster, name).await?;
        let set_uid = set.metadata.uid.clone().unwrap_or_default();
        let claim_uid = claim.as_ref().and_then(|c| c.metadata.uid.as_deref());
        wait::until_deleted(
            cluster,
            name,
            &set_uid,
            pod_uid.as_deref(),
            claim_uid,
            args.timeout,
        )
        .await?;
    }
    printer.info(&format!("devserver {name} deleted"));
    if has_home && !args.purge {
        printer.info(&format!(
            "home volume {home} kept: `devctl create {name} --home SIZE` reattaches it, `devctl delete {name} --purge` deletes it"
        ));
    }
    Ok(Some(change))
}

async fn delete_claim(cluster: &Cluster, claim: &str) -> Result<()> {
    let claims: Api<PersistentVolumeClaim> =
        Api::namespaced(cluster.client.clone(), &cluster.namespace);
    match claims.delete(claim, &DeleteParams::background()).await {
        Ok(_) => Ok(()),
        Err(kube::Error::Api(s)) if s.code == 404 => Ok(()),
        Err(e) => Err(cluster
            .error(e)
            .prefix(&format!("deleting the home volume {claim}"))),
    }
}
