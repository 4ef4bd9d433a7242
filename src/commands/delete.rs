//! `devctl delete NAME...`: deletes the StatefulSet (the cluster's garbage collector takes the
//! Services, Secret and ConfigMap that it owns). The home volume stays unless `--purge`.

use std::io::IsTerminal;

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{PersistentVolumeClaim, Pod};
use kube::api::{Api, DeleteParams};
use kube::runtime::wait::{await_condition, conditions};

use super::{Context, ExitStatus};
use crate::cli::DeleteArgs;
use crate::cluster::Cluster;
use crate::devserver::{input, state};
use crate::error::{Error, Kind, Result};
use crate::output::Printer;

pub async fn run(ctx: &Context<'_>, args: DeleteArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    for name in &args.names {
        input::check_name(name).map_err(Error::usage)?;
    }
    let cluster = ctx.cluster().await?;
    if !args.yes {
        confirm(&args, cluster)?;
    }
    let results = futures::future::join_all(
        args.names
            .iter()
            .map(|name| delete_one(cluster, name, &args, printer)),
    )
    .await;
    // Each failure is printed as it is; the exit code is the first failure's.
    let mut code = 0;
    for (name, result) in args.names.iter().zip(results) {
        if let Err(e) = result {
            if code == 0 {
                code = e.exit_code();
            }
            printer.error(&e.prefix(&format!("deleting {name}")));
        }
    }
    Ok(code)
}

fn confirm(args: &DeleteArgs, cluster: &Cluster) -> Result<()> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(
            Error::usage("refusing to delete without confirmation: not on a terminal")
                .hint("pass --yes to delete without asking"),
        );
    }
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
    let yes = dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()
        .map_err(|e| Error::general(format!("cannot ask: {e}")))?;
    if yes {
        Ok(())
    } else {
        Err(Error::general("nothing deleted"))
    }
}

async fn delete_one(
    cluster: &Cluster,
    name: &str,
    args: &DeleteArgs,
    printer: &Printer,
) -> Result<()> {
    let sets: Api<StatefulSet> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let claims: Api<PersistentVolumeClaim> =
        Api::namespaced(cluster.client.clone(), &cluster.namespace);
    let home = format!("home-{name}-0");
    let set = match sets.get_opt(name).await.map_err(|e| cluster.error(e))? {
        Some(set) if is_devserver(&set) => set,
        Some(_) => {
            return Err(Error::usage(format!(
                "{name} is a StatefulSet devctl did not create; not deleting it"
            )));
        }
        None if args.ignore_not_found => return Ok(()),
        None => {
            return Err(Error::new(
                Kind::NotFound,
                format!(
                    "devserver {name} not found in namespace {}",
                    cluster.namespace
                ),
            )
            .hint("devctl list shows your devservers"));
        }
    };
    let has_home = state::has_home(&set);
    sets.delete(name, &DeleteParams::background())
        .await
        .map_err(|e| cluster.error(e))?;
    if args.purge && has_home {
        match claims.delete(&home, &DeleteParams::background()).await {
            Ok(_) => {}
            Err(kube::Error::Api(s)) if s.code == 404 => {}
            Err(e) => {
                return Err(cluster
                    .error(e)
                    .prefix(&format!("deleting the home volume {home}")));
            }
        }
    }
    if args.wait {
        let pods: Api<Pod> = Api::namespaced(cluster.client.clone(), &cluster.namespace);
        let pod = format!("{name}-0");
        let gone = await_condition(pods, &pod, conditions::is_deleted(""));
        tokio::time::timeout(args.timeout, gone)
            .await
            .map_err(|_| {
                Error::new(
                    Kind::Timeout,
                    format!("timed out waiting for the pod of {name} to go"),
                )
            })?
            .map_err(|e| Error::general(format!("waiting for {name}: {e}")))?;
    }
    printer.info(&format!("devserver {name} deleted"));
    if has_home && !args.purge {
        printer.info(&format!(
            "home volume {home} kept: `devctl create {name} --home SIZE` reattaches it, `devctl delete {name} --purge` deletes it"
        ));
    }
    Ok(())
}

fn is_devserver(set: &StatefulSet) -> bool {
    set.metadata.labels.as_ref().is_some_and(|l| {
        l.get(crate::devserver::manifests::MANAGED_BY)
            .map(String::as_str)
            == Some("devctl")
    })
}
