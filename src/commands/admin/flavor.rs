//! `devctl admin flavor set-default NAME`: exactly one default flavor. The others' default is
//! cleared first (all at once), then NAME's set, so that a failure half-way leaves no default
//! (create then asks for --flavor) rather than two (create then refuses).
//!
//! `-o json`: `{"apiVersion": "devctl/v1", "kind": "FlavorDefault", "name", "cleared": [NAME]}`.

use kube::api::{Api, DynamicObject, ListParams, Patch, PatchParams};

use crate::cli::{AdminFlavorArgs, AdminFlavorCommand};
use crate::cluster::devservers;
use crate::commands::{Context, ExitStatus};
use crate::devserver::admin::FIELD_MANAGER;
use crate::error::{Error, Kind, Result};
use crate::output::Format;

pub async fn run(ctx: &Context<'_>, args: AdminFlavorArgs) -> Result<ExitStatus> {
    match args.command {
        AdminFlavorCommand::SetDefault(args) => set_default(ctx, &args.name).await,
    }
}

async fn set_default(ctx: &Context<'_>, name: &str) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept(
        "admin flavor set-default",
        &[Format::Table, Format::Json, Format::Yaml],
    )?;
    let cluster = ctx.cluster().await?;
    let api: Api<DynamicObject> =
        Api::all_with(cluster.client.clone(), &devservers::flavor_resource());
    let list = match api.list(&ListParams::default()).await {
        Ok(list) => list,
        Err(kube::Error::Api(s)) if s.code == 404 => {
            return Err(
                Error::new(Kind::NotFound, "the cluster has no DevServerFlavor CRD")
                    .hint("devctl admin install puts it there, with the built-in flavors"),
            );
        }
        Err(e) => return Err(cluster.error(e)),
    };
    let is_default = |o: &DynamicObject| o.data["spec"]["default"].as_bool() == Some(true);
    let names: Vec<String> = list
        .items
        .iter()
        .filter_map(|o| o.metadata.name.clone())
        .collect();
    if !names.iter().any(|n| n == name) {
        return Err(
            Error::new(Kind::NotFound, format!("flavor {name:?} not found"))
                .hint(format!("the cluster's flavors: {}", names.join(", "))),
        );
    }
    let others: Vec<String> = list
        .items
        .iter()
        .filter(|o| is_default(o) && o.metadata.name.as_deref() != Some(name))
        .filter_map(|o| o.metadata.name.clone())
        .collect();
    let params = PatchParams {
        field_manager: Some(FIELD_MANAGER.into()),
        ..PatchParams::default()
    };
    let default = |value: bool| Patch::Merge(serde_json::json!({"spec": {"default": value}}));
    let clear = default(false);
    let cleared =
        futures::future::join_all(others.iter().map(|other| api.patch(other, &params, &clear)))
            .await;
    for (other, done) in others.iter().zip(cleared) {
        done.map_err(|e| {
            cluster
                .error(e)
                .prefix(&format!("clearing the default of {other}"))
        })?;
    }
    api.patch(name, &params, &default(true))
        .await
        .map_err(|e| {
            cluster
                .error(e)
                .prefix(&format!("making {name} the default"))
        })?;
    if others.is_empty() {
        printer.info(&format!("flavor {name} is the default"));
    } else {
        printer.info(&format!(
            "flavor {name} is the default (no longer: {})",
            others.join(", ")
        ));
    }
    if printer.is_structured() {
        printer.structured(&serde_json::json!({
            "apiVersion": crate::output::API_VERSION,
            "kind": "FlavorDefault",
            "name": name,
            "cleared": others,
        }))?;
    }
    Ok(0)
}
