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
    let (found, pod, homes) = tokio::join!(
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
                devservers::home_volumes(cluster, name).await
            } else {
                Ok(Vec::new())
            }
        }
    );
    // Every pod's home volume, also those an earlier delete without --purge kept.
    let homes: Vec<(String, String)> = homes?
        .into_iter()
        .filter_map(|c| Some((c.metadata.name?, c.metadata.uid?)))
        .collect();
    let home_names: Vec<&str> = homes.iter().map(|(claim, _)| claim.as_str()).collect();
    let set = match found {
        Ok(set) => set,
        Err(not_found @ LookupError::NotFound { .. }) => {
            // An earlier delete without --purge kept the home volumes: --purge deletes them now.
            if !homes.is_empty() {
                delete_claims(cluster, &home_names).await?;
                printer.info(&format!(
                    "{} of devserver {name} deleted",
                    volumes_named(&home_names)
                ));
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
    delete_claims(cluster, &home_names).await?;
    if args.wait {
        // The collector takes the Services, Secrets and ConfigMap soon, but a create of the
        // same name right after could still meet them: they are deleted here, at once.
        devservers::delete_children(cluster, name).await?;
        let set_uid = set.metadata.uid.clone().unwrap_or_default();
        wait::until_deleted(
            cluster,
            name,
            &set_uid,
            pod_uid.as_deref(),
            &homes,
            args.timeout,
        )
        .await?;
    }
    printer.info(&format!("devserver {name} deleted"));
    if has_home && !args.purge {
        let kept: Vec<String> = (0..state::nodes(&set))
            .map(|node| state::node_home_claim(name, node))
            .collect();
        let kept: Vec<&str> = kept.iter().map(String::as_str).collect();
        let it = if kept.len() == 1 { "it" } else { "them" };
        printer.info(&format!(
            "{} kept: `devctl create {name} --home SIZE` reattaches {it}, `devctl delete {name} --purge` deletes {it}",
            volumes_named(&kept)
        ));
    }
    Ok(Some(change))
}

/// `home volume home-box-0`, or `home volumes home-box-0, home-box-1`.
fn volumes_named(claims: &[&str]) -> String {
    match claims {
        [one] => format!("home volume {one}"),
        many => format!("home volumes {}", many.join(", ")),
    }
}

/// Deletes the home volume claims, all at once (one already gone is fine).
async fn delete_claims(cluster: &Cluster, claims: &[&str]) -> Result<()> {
    let api: Api<PersistentVolumeClaim> =
        Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let deletes = claims.iter().map(|claim| {
        let api = api.clone();
        async move {
            match api.delete(claim, &DeleteParams::background()).await {
                Ok(_) => Ok(()),
                Err(kube::Error::Api(s)) if s.code == 404 => Ok(()),
                Err(e) => Err(cluster
                    .error(e)
                    .prefix(&format!("deleting the home volume {claim}"))),
            }
        }
    });
    futures::future::try_join_all(deletes).await.map(drop)
}
