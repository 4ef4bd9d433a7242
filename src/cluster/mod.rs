//! Reaching the cluster: where it is (`kubeconfig`, no network), a kube client over HTTP/2
//! (`client`) with `-v` request logging (`http_log`) and retries of transient failures
//! (`retry`), turning client errors into user-facing ones (`errors`), and the table of what
//! each command calls (`permissions`), and where a NodePort devserver is reached from outside
//! (`endpoints`). Nothing here writes to the terminal: `-v` detail goes
//! out as `tracing` events that the printer's log draws, and waits report progress to their
//! caller.

pub mod access;
pub mod admin;
pub mod capacity;
pub(crate) mod client;
pub mod devservers;
pub mod endpoints;
mod errors;
pub mod events;
pub mod flavors;
pub mod forward;
mod http_log;
pub mod jobs;
pub mod kubeconfig;
pub mod logs;
pub mod permissions;
pub mod portforward;
pub mod results;
mod retry;
pub mod rollback;
pub mod users;
pub mod wait;

use kube::config::KubeConfigOptions;

pub use errors::from_kube;
pub use kubeconfig::{Environment, Origin, Target};

use crate::cli::GlobalArgs;
use crate::error::{Error, Result};
use crate::settings::{Settings, Source};

/// A connection to one cluster, and what the user sees of it.
pub struct Cluster {
    pub client: kube::Client,
    /// The API server URL.
    pub server: String,
    /// The kubeconfig context, or `in-cluster`.
    pub context: String,
    pub context_source: Source,
    pub namespace: String,
    pub namespace_source: Source,
    /// What verifies the server's certificate, for TLS error messages.
    pub ca_source: String,
}

impl Cluster {
    /// Turns a client error into one that names this cluster.
    pub fn error(&self, err: kube::Error) -> Error {
        from_kube(err, &self.server, &self.ca_source)
    }
}

/// Finds the cluster the flags, settings and environment point at, without connecting.
pub fn locate(global: &GlobalArgs, settings: &Settings) -> Result<Target> {
    kubeconfig::locate(
        global.kubeconfig.as_deref(),
        settings,
        &Environment::of_process(),
    )
}

/// Connects as the settings say. Makes no request: the first call tells whether it works.
/// `verbosity` decides which `-v` events the client emits (requests, then headers).
pub async fn connect(global: &GlobalArgs, settings: &Settings, verbosity: u8) -> Result<Cluster> {
    let target = locate(global, settings)?;
    let origin = target.describe_origin();
    let (mut config, kubeconfig_proxy) = match target.origin {
        Origin::Files { kubeconfig, .. } => {
            let proxy = kubeconfig
                .contexts
                .iter()
                .find(|c| c.name == target.context)
                .and_then(|c| c.context.as_ref())
                .and_then(|c| kubeconfig.clusters.iter().find(|k| k.name == c.cluster))
                .and_then(|k| k.cluster.as_ref())
                .and_then(|k| k.proxy_url.clone());
            let options = KubeConfigOptions {
                context: Some(target.context.clone()),
                ..KubeConfigOptions::default()
            };
            // Reads the CA and client certificate files; an exec credential plugin runs when
            // the client is built below, and again whenever its token expires.
            let config = kube::Config::from_custom_kubeconfig(*kubeconfig, &options)
                .await
                .map_err(|e| {
                    Error::general(format!("cannot use context {:?}: {e}", target.context))
                        .caused_by(&e)
                        .hint(format!(
                            "check the context's cluster and user entries in {origin}"
                        ))
                })?;
            (config, proxy)
        }
        Origin::InCluster(config) => (*config, None),
    };
    let server = config
        .cluster_url
        .to_string()
        .trim_end_matches('/')
        .to_string();
    tracing::debug!(
        "kubeconfig {origin}; context {} ({}); server {server}; namespace {} ({})",
        target.context,
        target.context_source.describe(),
        target.namespace,
        target.namespace_source.describe(),
    );

    if let Some(limit) = global.request_timeout {
        config.connect_timeout = config.connect_timeout.map(|c| c.min(limit)).or(Some(limit));
    }
    let proxy = client::proxy_for(kubeconfig_proxy.as_deref(), &config.cluster_url)
        .map_err(|e| from_kube(e, &server, &target.ca_source))?;
    if let Some(proxy) = &proxy {
        tracing::debug!("through the proxy {}", proxy.uri);
    }
    let client = client::build(config, proxy, verbosity, global.request_timeout)
        .map_err(|e| from_kube(e, &server, &target.ca_source))?;
    Ok(Cluster {
        client,
        server,
        context: target.context,
        context_source: target.context_source,
        namespace: target.namespace,
        namespace_source: target.namespace_source,
        ca_source: target.ca_source,
    })
}
