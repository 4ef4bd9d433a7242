//! `devctl admin flavor set-default NAME`: exactly one default flavor (see
//! [`crate::cluster::flavors::set_default`] for how it converges).
//!
//! `-o json`: `{"apiVersion": "devctl/v1", "kind": "FlavorDefault", "name", "cleared": [NAME]}`.

use crate::cli::{AdminFlavorArgs, AdminFlavorCommand};
use crate::cluster::flavors;
use crate::commands::{Context, ExitStatus};
use crate::error::Result;
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
    let cleared = flavors::set_default(cluster, name).await?;
    if cleared.is_empty() {
        printer.info(&format!("flavor {name} is the default"));
    } else {
        printer.info(&format!(
            "flavor {name} is the default (no longer: {})",
            cleared.join(", ")
        ));
    }
    if printer.is_structured() {
        printer.structured(&serde_json::json!({
            "apiVersion": crate::output::API_VERSION,
            "kind": "FlavorDefault",
            "name": name,
            "cleared": cleared,
        }))?;
    }
    Ok(0)
}
