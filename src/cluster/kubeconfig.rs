//! Finding the cluster without talking to it: which kubeconfig (the flag, `KUBECONFIG` merged
//! as kubectl does, `~/.kube/config`, or the in-cluster ServiceAccount), which context, which
//! namespace, and what verifies the server's certificate. Reads files only, so `config view`
//! can show the outcome offline and tests need no cluster.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use kube::config::Kubeconfig;

use crate::error::{Error, Result, closest};
use crate::settings::{Settings, Source};

/// What the process environment says about where a kubeconfig is.
pub struct Environment {
    /// `KUBECONFIG`: a list of paths, separated as `PATH` is.
    pub kubeconfig: Option<OsString>,
    /// The home directory, for `~/.kube/config`.
    pub home: Option<PathBuf>,
    /// Whether we run in a pod (`KUBERNETES_SERVICE_HOST` is set).
    pub in_cluster: bool,
}

impl Environment {
    pub fn of_process() -> Environment {
        Environment {
            kubeconfig: std::env::var_os("KUBECONFIG").filter(|v| !v.is_empty()),
            home: directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()),
            in_cluster: std::env::var_os("KUBERNETES_SERVICE_HOST").is_some(),
        }
    }
}

/// Where the connection settings come from.
pub enum Origin {
    /// One or more kubeconfig files, merged; `paths` in the order they were merged.
    Files {
        kubeconfig: Box<Kubeconfig>,
        paths: Vec<PathBuf>,
    },
    /// The pod's ServiceAccount token and CA.
    InCluster(Box<kube::Config>),
}

/// The cluster to talk to, as far as it can be known without talking to it.
pub struct Target {
    pub origin: Origin,
    pub context: String,
    pub context_source: Source,
    pub namespace: String,
    pub namespace_source: Source,
    /// What verifies the server's certificate, for TLS error messages.
    pub ca_source: String,
}

impl Target {
    /// The kubeconfig files, joined as in `KUBECONFIG`, or a note that there are none.
    pub fn describe_origin(&self) -> String {
        match &self.origin {
            Origin::Files { paths, .. } => join_paths(paths),
            Origin::InCluster(_) => "in-cluster ServiceAccount".into(),
        }
    }
}

fn join_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(":")
}

/// Resolves the kubeconfig, context and namespace from the flag, the settings and `env`.
pub fn locate(flag: Option<&Path>, settings: &Settings, env: &Environment) -> Result<Target> {
    let wanted = settings.get("context").map(|c| {
        (
            c.to_string(),
            settings.source("context").unwrap_or(Source::Flag),
        )
    });
    let Some((kubeconfig, paths)) = load(flag, env)? else {
        if env.in_cluster && wanted.is_none() {
            return in_cluster(settings);
        }
        let mut err = Error::general("no kubeconfig found");
        if let Some(list) = &env.kubeconfig {
            err = err.hint(format!(
                "KUBECONFIG names no file that exists ({})",
                list.to_string_lossy()
            ));
        }
        return Err(
            err.hint("pass --kubeconfig FILE, set KUBECONFIG, or put one at ~/.kube/config")
        );
    };

    let (context, context_source) = match wanted {
        Some(wanted) => wanted,
        None => match kubeconfig.current_context.clone().filter(|c| !c.is_empty()) {
            Some(current) => (current, Source::Kubeconfig),
            None => {
                return Err(Error::general(format!(
                    "the kubeconfig ({}) names no current context",
                    join_paths(&paths)
                ))
                .hint(known_contexts(&kubeconfig))
                .hint("pass --context NAME, or run: kubectl config use-context NAME"));
            }
        },
    };
    let Some(named) = kubeconfig.contexts.iter().find(|c| c.name == context) else {
        let names: Vec<&str> = kubeconfig
            .contexts
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        let mut err = Error::general(format!(
            "context {context:?} not found in the kubeconfig ({})",
            join_paths(&paths)
        ));
        if let Some(close) = closest(&context, &names) {
            err = err.hint(format!("did you mean {close:?}?"));
        }
        return Err(err.hint(known_contexts(&kubeconfig)));
    };
    let context_namespace = named
        .context
        .as_ref()
        .and_then(|c| c.namespace.clone())
        .filter(|ns| !ns.is_empty());
    let cluster_name = named
        .context
        .as_ref()
        .map(|c| c.cluster.as_str())
        .unwrap_or_default();
    let ca_source = ca_source(&kubeconfig, cluster_name, &paths);
    let (namespace, namespace_source) = namespace(settings, context_namespace, Source::Context);
    Ok(Target {
        origin: Origin::Files {
            kubeconfig: Box::new(kubeconfig),
            paths,
        },
        context,
        context_source,
        namespace,
        namespace_source,
        ca_source,
    })
}

fn in_cluster(settings: &Settings) -> Result<Target> {
    let mut config = kube::Config::incluster().map_err(|e| {
        Error::general(format!("cannot use the in-cluster ServiceAccount: {e}"))
            .caused_by(&e)
            .hint("pass --kubeconfig FILE to use a kubeconfig instead")
    })?;
    // Trimmed as kubectl trims it: a namespace file written by hand may end in a newline.
    config.default_namespace = config.default_namespace.trim().to_string();
    let (namespace, namespace_source) = namespace(
        settings,
        Some(config.default_namespace.clone()).filter(|ns| !ns.is_empty()),
        Source::InCluster,
    );
    Ok(Target {
        origin: Origin::InCluster(Box::new(config)),
        context: "in-cluster".into(),
        context_source: Source::InCluster,
        namespace,
        namespace_source,
        ca_source: "the pod's ServiceAccount CA".into(),
    })
}

/// The namespace: a setting (flag, env, file), else the context's, else `default`.
fn namespace(
    settings: &Settings,
    from_context: Option<String>,
    source: Source,
) -> (String, Source) {
    if let Some(ns) = settings.get("namespace") {
        return (
            ns.to_string(),
            settings.source("namespace").unwrap_or(Source::Flag),
        );
    }
    match from_context {
        Some(ns) => (ns, source),
        None => ("default".into(), Source::Default),
    }
}

fn known_contexts(kubeconfig: &Kubeconfig) -> String {
    let names: Vec<&str> = kubeconfig
        .contexts
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    if names.is_empty() {
        "the kubeconfig has no contexts".into()
    } else {
        format!("known contexts: {}", names.join(", "))
    }
}

/// Says what will verify the server's certificate, so that a TLS failure can name it.
fn ca_source(kubeconfig: &Kubeconfig, cluster_name: &str, paths: &[PathBuf]) -> String {
    let cluster = kubeconfig
        .clusters
        .iter()
        .find(|c| c.name == cluster_name)
        .and_then(|c| c.cluster.as_ref());
    match cluster {
        Some(c) if c.certificate_authority.is_some() => format!(
            "certificate-authority file {}",
            c.certificate_authority.as_deref().unwrap_or_default()
        ),
        Some(c) if c.certificate_authority_data.is_some() => format!(
            "certificate-authority-data of cluster {cluster_name:?} in {}",
            join_paths(paths)
        ),
        _ => "the system's trusted certificates".into(),
    }
}

/// Reads the kubeconfig: `flag`, else every existing file in `KUBECONFIG` merged (for each
/// entry the first file that has it wins, as in kubectl), else `~/.kube/config`. `None` when
/// there is none at all.
fn load(flag: Option<&Path>, env: &Environment) -> Result<Option<(Kubeconfig, Vec<PathBuf>)>> {
    if let Some(path) = flag {
        if !path.exists() {
            return Err(
                Error::general(format!("kubeconfig {} does not exist", path.display()))
                    .hint("check the path given to --kubeconfig"),
            );
        }
        return Ok(Some((read(path)?, vec![path.to_path_buf()])));
    }
    if let Some(list) = &env.kubeconfig {
        let paths: Vec<PathBuf> = std::env::split_paths(list)
            .filter(|p| !p.as_os_str().is_empty() && p.exists())
            .collect();
        let mut merged: Option<Kubeconfig> = None;
        for path in &paths {
            let next = read(path)?;
            merged = Some(match merged {
                None => next,
                Some(m) => m.merge(next).map_err(|e| {
                    Error::general(format!("cannot merge kubeconfig {}: {e}", path.display()))
                })?,
            });
        }
        return Ok(merged.map(|k| (k, paths)));
    }
    match &env.home {
        Some(home) if home.join(".kube/config").exists() => {
            let path = home.join(".kube").join("config");
            Ok(Some((read(&path)?, vec![path])))
        }
        _ => Ok(None),
    }
}

fn read(path: &Path) -> Result<Kubeconfig> {
    Kubeconfig::read_from(path).map_err(|e| {
        Error::general(format!("cannot read kubeconfig {}: {e}", path.display()))
            .caused_by(&e)
            .hint(format!(
                "check that it is a valid kubeconfig: kubectl config view --kubeconfig {}",
                path.display()
            ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::ConfigFile;

    const TWO_CONTEXTS: &str = "apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster:
    server: https://prod.example:6443
    certificate-authority-data: AAAA
- name: dev
  cluster:
    server: https://dev.example:6443
users:
- name: u
  user:
    token: t
contexts:
- name: prod
  context: {cluster: prod, user: u}
- name: dev
  context: {cluster: dev, user: u, namespace: team-a}
current-context: prod
";

    fn settings(pairs: &[(&str, &str)]) -> Settings {
        let file = ConfigFile {
            path: PathBuf::from("/nonexistent/config.yaml"),
            values: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        Settings::resolve(&[], &|_| None, file).unwrap()
    }

    fn env_with(kubeconfig: Option<OsString>, home: Option<PathBuf>) -> Environment {
        Environment {
            kubeconfig,
            home,
            in_cluster: false,
        }
    }

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn current_context_and_default_namespace() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "kc", TWO_CONTEXTS);
        let t = locate(Some(&path), &settings(&[]), &env_with(None, None)).unwrap();
        assert_eq!(
            (t.context.as_str(), t.context_source),
            ("prod", Source::Kubeconfig)
        );
        assert_eq!(
            (t.namespace.as_str(), t.namespace_source),
            ("default", Source::Default)
        );
        assert!(
            t.ca_source
                .starts_with("certificate-authority-data of cluster \"prod\" in ")
        );
        assert!(t.ca_source.ends_with("/kc"), "{}", t.ca_source);
    }

    #[test]
    fn the_contexts_namespace_comes_after_the_settings() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "kc", TWO_CONTEXTS);
        let env = env_with(None, None);
        let t = locate(Some(&path), &settings(&[("context", "dev")]), &env).unwrap();
        assert_eq!(
            (t.context.as_str(), t.context_source),
            ("dev", Source::File)
        );
        assert_eq!(
            (t.namespace.as_str(), t.namespace_source),
            ("team-a", Source::Context)
        );
        assert_eq!(t.ca_source, "the system's trusted certificates");
        let s = settings(&[("context", "dev"), ("namespace", "mine")]);
        let t = locate(Some(&path), &s, &env).unwrap();
        assert_eq!(
            (t.namespace.as_str(), t.namespace_source),
            ("mine", Source::File)
        );
    }

    #[test]
    fn an_unknown_context_lists_the_known_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "kc", TWO_CONTEXTS);
        let err = locate(
            Some(&path),
            &settings(&[("context", "prd")]),
            &env_with(None, None),
        )
        .err()
        .unwrap();
        assert!(
            err.message.starts_with("context \"prd\" not found"),
            "{}",
            err.message
        );
        assert_eq!(
            err.hints,
            ["did you mean \"prod\"?", "known contexts: prod, dev"]
        );
    }

    #[test]
    fn kubeconfig_files_merge_with_the_first_winning() {
        let dir = tempfile::tempdir().unwrap();
        let first = write(
            dir.path(),
            "a",
            "apiVersion: v1\nkind: Config\ncurrent-context: dev\ncontexts:\n- name: dev\n  context: {cluster: dev, user: u, namespace: from-a}\n",
        );
        let second = write(dir.path(), "b", TWO_CONTEXTS);
        let missing = dir.path().join("missing");
        let list = std::env::join_paths([&first, &missing, &second]).unwrap();
        let t = locate(None, &settings(&[]), &env_with(Some(list), None)).unwrap();
        assert_eq!(t.context, "dev");
        assert_eq!(t.namespace, "from-a");
        match &t.origin {
            Origin::Files { paths, kubeconfig } => {
                assert_eq!(paths, &[first, second]);
                assert_eq!(
                    kubeconfig.clusters.len(),
                    2,
                    "clusters come from the second file"
                );
            }
            Origin::InCluster(_) => panic!("not in a pod"),
        }
    }

    #[test]
    fn no_kubeconfig_says_where_it_looked() {
        let home = tempfile::tempdir().unwrap();
        let none = env_with(None, Some(home.path().to_path_buf()));
        let err = locate(None, &settings(&[]), &none).err().unwrap();
        assert_eq!(err.message, "no kubeconfig found");
        let dangling = env_with(Some("/nonexistent/kc".into()), None);
        let err = locate(None, &settings(&[]), &dangling).err().unwrap();
        assert_eq!(
            err.hints[0],
            "KUBECONFIG names no file that exists (/nonexistent/kc)"
        );
    }

    #[test]
    fn home_kube_config_is_the_fallback() {
        let home = tempfile::tempdir().unwrap();
        std::fs::create_dir(home.path().join(".kube")).unwrap();
        write(&home.path().join(".kube"), "config", TWO_CONTEXTS);
        let env = env_with(None, Some(home.path().to_path_buf()));
        assert_eq!(locate(None, &settings(&[]), &env).unwrap().context, "prod");
    }

    #[test]
    fn a_broken_kubeconfig_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "kc", "clusters: [oops\n");
        let err = locate(Some(&path), &settings(&[]), &env_with(None, None))
            .err()
            .unwrap();
        assert!(
            err.message.contains(&path.display().to_string()),
            "{}",
            err.message
        );
    }
}
