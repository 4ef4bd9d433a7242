//! Reaching the cluster: which kubeconfig (flag, `KUBECONFIG` merged as kubectl does,
//! `~/.kube/config`, or the in-cluster ServiceAccount), which context and namespace, a kube
//! client with `-v` request logging, and turning client errors into user-facing ones.

mod errors;
mod http_log;

use std::path::PathBuf;

use kube::config::{KubeConfigOptions, Kubeconfig};

pub use errors::from_kube;

use crate::cli::GlobalArgs;
use crate::error::{Error, Kind, Result};
use crate::output::Printer;
use crate::settings::Settings;

/// A connection to one cluster, and what the user sees of it.
pub struct Cluster {
    pub client: kube::Client,
    /// The API server URL.
    pub server: String,
    /// The kubeconfig context, or `in-cluster`.
    pub context: String,
    pub namespace: String,
    /// Where the namespace came from: `flag`, `environment`, `config file`, `context`, `default`.
    pub namespace_source: &'static str,
    /// What verifies the server's certificate, for TLS error messages.
    pub ca_source: String,
}

impl Cluster {
    /// Turns a client error into one that names this cluster.
    pub fn error(&self, err: kube::Error) -> Error {
        from_kube(err, &self.server, &self.ca_source)
    }
}

/// Where the kubeconfig came from.
enum Origin {
    Files(Vec<PathBuf>),
    InCluster,
}

/// Loads the kubeconfig: `--kubeconfig`, else every file in `KUBECONFIG` merged (first one
/// wins, as in kubectl), else `~/.kube/config`; `None` when there is none at all.
fn load_kubeconfig(flag: Option<&PathBuf>) -> Result<Option<(Kubeconfig, Vec<PathBuf>)>> {
    let read = |path: &PathBuf| {
        Kubeconfig::read_from(path).map_err(|e| {
            Error::general(format!("cannot read kubeconfig {}: {e}", path.display())).hint(
                "check that the file is a valid kubeconfig (kubectl config view --kubeconfig FILE)",
            )
        })
    };
    if let Some(path) = flag {
        if !path.exists() {
            return Err(Error::general(format!(
                "kubeconfig {} does not exist",
                path.display()
            )));
        }
        return Ok(Some((read(path)?, vec![path.clone()])));
    }
    if let Some(list) = std::env::var_os("KUBECONFIG").filter(|v| !v.is_empty()) {
        let paths: Vec<PathBuf> = std::env::split_paths(&list)
            .filter(|p| p.exists())
            .collect();
        let mut merged: Option<Kubeconfig> = None;
        for path in &paths {
            let next = read(path)?;
            merged = Some(match merged {
                None => next,
                Some(m) => m
                    .merge(next)
                    .map_err(|e| Error::general(format!("cannot merge kubeconfigs: {e}")))?,
            });
        }
        return Ok(merged.map(|k| (k, paths)));
    }
    let home = directories::BaseDirs::new().map(|d| d.home_dir().join(".kube").join("config"));
    match home {
        Some(path) if path.exists() => Ok(Some((read(&path)?, vec![path]))),
        _ => Ok(None),
    }
}

/// Connects as the settings say. Makes no request: the first call tells whether it works.
pub async fn connect(
    global: &GlobalArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<Cluster> {
    let context_wanted = settings.get("context").map(str::to_string);
    let loaded = load_kubeconfig(global.kubeconfig.as_ref())?;
    let in_cluster = std::env::var_os("KUBERNETES_SERVICE_HOST").is_some();

    let (mut config, context, context_namespace, ca_source, origin) = match loaded {
        Some((kubeconfig, paths)) => {
            let context = context_wanted
                .clone()
                .or_else(|| kubeconfig.current_context.clone())
                .ok_or_else(|| {
                    Error::general("the kubeconfig names no current context")
                        .hint("pass --context NAME, or run kubectl config use-context NAME")
                })?;
            let named = kubeconfig.contexts.iter().find(|c| c.name == context);
            let Some(named) = named else {
                let known: Vec<&str> = kubeconfig
                    .contexts
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect();
                let known = if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                };
                return Err(Error::general(format!(
                    "context {context:?} not found in the kubeconfig"
                ))
                .hint(format!("known contexts: {known}")));
            };
            let context_namespace = named.context.as_ref().and_then(|c| c.namespace.clone());
            let cluster_name = named
                .context
                .as_ref()
                .map(|c| c.cluster.clone())
                .unwrap_or_default();
            let ca_source = kubeconfig
                .clusters
                .iter()
                .find(|c| c.name == cluster_name)
                .and_then(|c| c.cluster.as_ref())
                .map(|c| {
                    if let Some(file) = &c.certificate_authority {
                        format!("certificate-authority file {file}")
                    } else if c.certificate_authority_data.is_some() {
                        format!(
                            "certificate-authority-data of cluster {cluster_name:?} in {}",
                            paths
                                .iter()
                                .map(|p| p.display().to_string())
                                .collect::<Vec<_>>()
                                .join(":")
                        )
                    } else {
                        "the system's trusted certificates".to_string()
                    }
                })
                .unwrap_or_else(|| "the system's trusted certificates".to_string());
            let options = KubeConfigOptions {
                context: Some(context.clone()),
                ..KubeConfigOptions::default()
            };
            let config = kube::Config::from_custom_kubeconfig(kubeconfig, &options)
                .await
                .map_err(|e| {
                    Error::general(format!("cannot use context {context:?}: {e}")).caused_by(&e)
                })?;
            (
                config,
                context,
                context_namespace,
                ca_source,
                Origin::Files(paths),
            )
        }
        None if in_cluster && context_wanted.is_none() => {
            let config = kube::Config::incluster().map_err(|e| {
                Error::general(format!("cannot use the in-cluster ServiceAccount: {e}"))
                    .caused_by(&e)
            })?;
            let ns = config.default_namespace.clone();
            (
                config,
                "in-cluster".to_string(),
                Some(ns),
                "the pod's ServiceAccount CA".to_string(),
                Origin::InCluster,
            )
        }
        None => {
            return Err(Error::new(Kind::General, "no kubeconfig found")
                .hint("pass --kubeconfig FILE, set KUBECONFIG, or put one at ~/.kube/config"));
        }
    };

    let (namespace, namespace_source) = match (settings.get("namespace"), context_namespace) {
        (Some(ns), _) => (
            ns.to_string(),
            settings
                .source("namespace")
                .map(|s| s.describe())
                .unwrap_or("flag"),
        ),
        (None, Some(ns)) if !ns.is_empty() => (ns, "context"),
        _ => ("default".to_string(), "default"),
    };
    let server = config
        .cluster_url
        .to_string()
        .trim_end_matches('/')
        .to_string();
    match &origin {
        Origin::Files(paths) => printer.debug(
            1,
            &format!(
                "kubeconfig: {}; context {context}; server {server}; namespace {namespace} ({namespace_source})",
                paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(":")
            ),
        ),
        Origin::InCluster => printer.debug(1, &format!("in-cluster ServiceAccount; server {server}")),
    }

    if let Some(limit) = global.request_timeout {
        config.connect_timeout = Some(limit);
        config.read_timeout = Some(limit);
        config.write_timeout = Some(limit);
    }
    let builder = kube::client::ClientBuilder::try_from(config)
        .map_err(|e| from_kube(e, &server, &ca_source))?;
    let client = builder
        .with_layer(&http_log::HttpLog::new(printer.verbosity()))
        .build();
    Ok(Cluster {
        client,
        server,
        context,
        namespace,
        namespace_source,
        ca_source,
    })
}
