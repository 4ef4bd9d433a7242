//! `devctl version`: the client's version always; the server's when it can be reached, which
//! is not an error when it cannot.
//!
//! `-o json`: `{"apiVersion": "devctl/v1", "kind": "Version", "client": "0.1.0",
//! "server": "v1.36.1" or null, "serverError": null or why the server could not be asked}`.

use serde::Serialize;

use super::{Context, ExitStatus};
use crate::error::Result;
use crate::output::{API_VERSION, Format};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Versions {
    api_version: &'static str,
    kind: &'static str,
    client: &'static str,
    server: Option<String>,
    server_error: Option<String>,
}

pub async fn run(ctx: &Context<'_>) -> Result<ExitStatus> {
    let printer = ctx.printer;
    printer.accept(
        "version",
        &[Format::Table, Format::Wide, Format::Json, Format::Yaml],
    )?;
    let server = async {
        let cluster = ctx.cluster().await?;
        let version = cluster
            .client
            .apiserver_version()
            .await
            .map_err(|e| cluster.error(e))?;
        Ok::<_, crate::error::Error>(version.git_version)
    };
    let (server, server_error) = match server.await {
        Ok(v) => (Some(v), None),
        Err(e) => (None, Some(e.message)),
    };
    let versions = Versions {
        api_version: API_VERSION,
        kind: "Version",
        client: env!("CARGO_PKG_VERSION"),
        server,
        server_error,
    };
    if printer.is_structured() {
        printer.structured(&versions)?;
        return Ok(0);
    }
    let mut out = format!("Client Version: {}\n", versions.client);
    match (&versions.server, &versions.server_error) {
        (Some(v), _) => out.push_str(&format!("Server Version: {v}\n")),
        (None, Some(why)) => printer.info(&format!("Server Version: unavailable ({why})")),
        (None, None) => {}
    }
    printer.out(&out);
    Ok(0)
}
