//! Settings, resolved once: a flag, else its `DEVCTL_*` environment variable, else the config
//! file (`~/.config/devctl/config.yaml`, or `DEVCTL_CONFIG`), else the built-in default.
//! Every value remembers where it came from, so `devctl config view` can say.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::devserver::{duration, names};
use crate::error::{Error, Result};

/// One setting users can put in the config file.
pub struct Key {
    pub name: &'static str,
    pub env: &'static str,
    pub help: &'static str,
    pub default: Option<&'static str>,
    check: fn(&str) -> std::result::Result<(), String>,
}

/// Every key, in the order `config view` shows them.
pub const KEYS: &[Key] = &[
    Key {
        name: "namespace",
        env: "DEVCTL_NAMESPACE",
        help: "namespace of your devservers (else the context's, else default)",
        default: None,
        check: |v| names::check_label("namespace", v, 63),
    },
    Key {
        name: "context",
        env: "DEVCTL_CONTEXT",
        help: "kubeconfig context to use (else the current context)",
        default: None,
        check: not_blank,
    },
    Key {
        name: "flavor",
        env: "DEVCTL_FLAVOR",
        help: "flavor for new devservers (else the cluster's default flavor)",
        default: None,
        check: |v| names::check_label("flavor", v, 63),
    },
    Key {
        name: "image",
        env: "DEVCTL_IMAGE",
        help: "container image for new devservers",
        default: Some("ubuntu:22.04"),
        check: |v| {
            if v.is_empty() || v.chars().any(char::is_whitespace) {
                Err(format!("invalid image {v:?}: no spaces, not empty"))
            } else {
                Ok(())
            }
        },
    },
    Key {
        name: "ttl",
        env: "DEVCTL_TTL",
        help: "time-to-live of new devservers, e.g. 8h or 2d",
        default: Some("8h"),
        check: |v| duration::parse(v).map(drop),
    },
    Key {
        name: "ssh-key",
        env: "DEVCTL_SSH_KEY",
        help: "public key file to authorize on new devservers",
        default: None,
        check: not_blank,
    },
    Key {
        name: "ssh-transport",
        env: "DEVCTL_SSH_TRANSPORT",
        help: "how ssh reaches devservers: port-forward, nodeport or direct",
        default: None,
        check: |v| match v {
            "port-forward" | "nodeport" | "direct" => Ok(()),
            _ => Err(format!(
                "invalid ssh-transport {v:?}: use port-forward, nodeport or direct"
            )),
        },
    },
    Key {
        name: "ssh-forward-agent",
        env: "DEVCTL_SSH_FORWARD_AGENT",
        help: "forward your ssh-agent on devctl ssh by default: true or false",
        default: None,
        check: |v| match v {
            "true" | "false" => Ok(()),
            _ => Err(format!(
                "invalid ssh-forward-agent {v:?}: use true or false"
            )),
        },
    },
    Key {
        name: "owner",
        env: "DEVCTL_OWNER",
        help: "owner recorded on new devservers (else who the cluster says you are)",
        default: None,
        check: not_blank,
    },
];

fn not_blank(v: &str) -> std::result::Result<(), String> {
    if v.trim().is_empty() {
        Err("must not be empty".into())
    } else {
        Ok(())
    }
}

/// Where a value came from. In JSON: `flag`, `env`, `file`, `context`, `kubeconfig`,
/// `in-cluster` or `default`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    Flag,
    Env,
    File,
    /// The namespace of the kubeconfig context in use.
    Context,
    /// The kubeconfig's `current-context`.
    Kubeconfig,
    /// The pod's ServiceAccount, when devctl runs inside the cluster without a kubeconfig.
    InCluster,
    Default,
}

impl Source {
    pub fn describe(self) -> &'static str {
        match self {
            Source::Flag => "flag",
            Source::Env => "environment",
            Source::File => "config file",
            Source::Context => "kubeconfig context",
            Source::Kubeconfig => "kubeconfig",
            Source::InCluster => "in-cluster ServiceAccount",
            Source::Default => "built-in default",
        }
    }
}

fn key(name: &str) -> Result<&'static Key> {
    KEYS.iter().find(|k| k.name == name).ok_or_else(|| {
        let known: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
        let err = Error::usage(format!("unknown setting {name:?}"));
        match crate::error::closest(name, &known) {
            Some(close) => err.hint(format!("did you mean {close:?}?")),
            None => err,
        }
        .hint(format!("known settings: {}", known.join(", ")))
    })
}

/// Checks that `name` is a setting devctl knows (a usage error with the known ones if not).
pub fn check_known(name: &str) -> Result<()> {
    key(name).map(|_| ())
}

/// Checks that `value` is acceptable for the setting `name`.
pub fn validate(name: &str, value: &str) -> Result<()> {
    let key = key(name)?;
    (key.check)(value).map_err(|msg| Error::usage(format!("{name}: {msg}")))
}

/// The config file: a flat YAML mapping of the keys above.
#[derive(Debug, Default)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub values: BTreeMap<String, String>,
}

impl ConfigFile {
    /// Where the config file is: `DEVCTL_CONFIG`, else the platform's config directory.
    pub fn default_path(env: &dyn Fn(&str) -> Option<String>) -> PathBuf {
        if let Some(path) = env("DEVCTL_CONFIG").filter(|p| !p.is_empty()) {
            return PathBuf::from(path);
        }
        directories::ProjectDirs::from("", "", "devctl")
            .map(|d| d.config_dir().join("config.yaml"))
            .unwrap_or_else(|| PathBuf::from(".devctl.yaml"))
    }

    /// Reads the file; a missing file is an empty configuration.
    pub fn load(path: &Path) -> Result<ConfigFile> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => {
                return Err(Error::general(format!(
                    "cannot read {}: {e}",
                    path.display()
                )));
            }
        };
        Ok(ConfigFile {
            path: path.to_path_buf(),
            values: parse(path, &text)?,
        })
    }

    /// Writes the file (creating its directory), keeping keys in a stable order.
    pub fn save(&self) -> Result<()> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::general(format!("cannot create {}: {e}", dir.display())))?;
        }
        let text = crate::output::yaml::to_string(&self.values)
            .map_err(|e| Error::general(format!("cannot write the config: {e}")))?;
        std::fs::write(&self.path, text)
            .map_err(|e| Error::general(format!("cannot write {}: {e}", self.path.display())))
    }
}

/// Parses the config text; errors name the file, line and column.
fn parse(path: &Path, text: &str) -> Result<BTreeMap<String, String>> {
    use serde_saphyr::{Location, Spanned};
    let at = |l: &Location| format!("{}:{}:{}", path.display(), l.line(), l.column());
    // Values are read as the text people wrote: YAML 1.2 booleans only (a namespace `yes`
    // stays "yes"), and `0755` or `1_000` stay as spelled.
    let options = serde_saphyr::options! {
        with_snippet: false,
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        underscored_numbers_as_strings: true,
    };
    let doc: Option<HashMap<Spanned<String>, Spanned<serde_json::Value>>> =
        serde_saphyr::from_str_with_options(text, options).map_err(|e| {
            let location = e.location().unwrap_or(Location::UNKNOWN);
            let place = format!(
                "{}:{}:{}",
                path.display(),
                location.line().max(1),
                location.column().max(1)
            );
            // The message ends with its own "at line N, column M"; we said that already.
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            Error::general(format!("malformed config file {place}: {msg}"))
        })?;
    let mut entries: Vec<_> = doc.unwrap_or_default().into_iter().collect();
    entries.sort_by_key(|(k, _)| (k.referenced.line(), k.referenced.column()));
    let mut values = BTreeMap::new();
    for (key, value) in entries {
        let name = key.value;
        let value = match value.value {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Bool(b) => b.to_string(),
            _ => {
                return Err(Error::general(format!(
                    "malformed config file {}: {name} must be a single value",
                    at(&value.referenced)
                )));
            }
        };
        validate(&name, &value).map_err(|e| {
            let mut err = Error::general(format!(
                "config file {}: {}",
                at(&key.referenced),
                e.message
            ));
            err.hints = e.hints;
            err
        })?;
        values.insert(name, value);
    }
    Ok(values)
}

/// Every setting with its value and source.
#[derive(Debug)]
pub struct Settings {
    pub file: ConfigFile,
    values: BTreeMap<&'static str, (String, Source)>,
}

impl Settings {
    /// Resolves every key from the flags given (`key -> value`), the environment and the file.
    pub fn resolve(
        flags: &[(&str, Option<&str>)],
        env: &dyn Fn(&str) -> Option<String>,
        file: ConfigFile,
    ) -> Result<Settings> {
        let mut values = BTreeMap::new();
        for key in KEYS {
            let flag = flags
                .iter()
                .find(|(name, _)| *name == key.name)
                .and_then(|(_, v)| *v)
                .map(|v| (v.to_string(), Source::Flag));
            let from_env = || {
                env(key.env)
                    .filter(|v| !v.is_empty())
                    .map(|v| (v, Source::Env))
            };
            let from_file = || file.values.get(key.name).map(|v| (v.clone(), Source::File));
            let default = || key.default.map(|v| (v.to_string(), Source::Default));
            if let Some((value, source)) =
                flag.or_else(from_env).or_else(from_file).or_else(default)
            {
                if source != Source::File {
                    (key.check)(&value).map_err(|msg| {
                        let from = match source {
                            Source::Env => format!(" (from {})", key.env),
                            _ => String::new(),
                        };
                        Error::usage(format!("{}{from}: {msg}", key.name))
                    })?;
                }
                values.insert(key.name, (value, source));
            }
        }
        Ok(Settings { file, values })
    }

    /// Reads the real environment and config file.
    pub fn load(flags: &[(&str, Option<&str>)]) -> Result<Settings> {
        let env = |name: &str| std::env::var(name).ok();
        let file = ConfigFile::load(&ConfigFile::default_path(&env))?;
        Settings::resolve(flags, &env, file)
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(|(v, _)| v.as_str())
    }

    pub fn source(&self, name: &str) -> Option<Source> {
        self.values.get(name).map(|(_, s)| *s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(pairs: &[(&str, &str)]) -> ConfigFile {
        ConfigFile {
            path: PathBuf::from("/tmp/config.yaml"),
            values: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    #[test]
    fn flag_beats_env_beats_file_beats_default() {
        let env = |name: &str| (name == "DEVCTL_NAMESPACE").then(|| "from-env".to_string());
        let no_env = |_: &str| None;
        let f = || file(&[("namespace", "from-file"), ("ttl", "4h")]);

        let s = Settings::resolve(&[("namespace", Some("from-flag"))], &env, f()).unwrap();
        assert_eq!(
            (s.get("namespace"), s.source("namespace")),
            (Some("from-flag"), Some(Source::Flag))
        );
        let s = Settings::resolve(&[("namespace", None)], &env, f()).unwrap();
        assert_eq!(
            (s.get("namespace"), s.source("namespace")),
            (Some("from-env"), Some(Source::Env))
        );
        let s = Settings::resolve(&[], &no_env, f()).unwrap();
        assert_eq!(
            (s.get("namespace"), s.source("namespace")),
            (Some("from-file"), Some(Source::File))
        );
        assert_eq!(s.get("ttl"), Some("4h"));
        let s = Settings::resolve(&[], &no_env, file(&[])).unwrap();
        assert_eq!(s.get("namespace"), None);
        assert_eq!(
            (s.get("ttl"), s.source("ttl")),
            (Some("8h"), Some(Source::Default))
        );
    }

    #[test]
    fn bad_env_values_name_the_variable() {
        let env = |name: &str| (name == "DEVCTL_TTL").then(|| "forever".to_string());
        let err = Settings::resolve(&[], &env, file(&[])).unwrap_err();
        assert!(err.message.contains("DEVCTL_TTL"), "{}", err.message);
    }

    #[test]
    fn malformed_yaml_names_file_line_and_column() {
        let err = parse(Path::new("/x/config.yaml"), "namespace: a\nttl: [oops\n").unwrap_err();
        assert!(
            err.message
                .starts_with("malformed config file /x/config.yaml:"),
            "{}",
            err.message
        );
        assert!(
            err.message.contains(":3:") || err.message.contains(":2:"),
            "{}",
            err.message
        );
        assert!(!err.message.contains('\n'));
    }

    #[test]
    fn values_are_read_as_written() {
        let values = parse(Path::new("c"), "namespace: yes\nflavor: 0755\nttl: 8h\n").unwrap();
        assert_eq!(values["namespace"], "yes");
        assert_eq!(values["flavor"], "0755");
        assert_eq!(values["ttl"], "8h");
        let err = parse(Path::new("/x/c.yaml"), "namespace: a\n\nttl: [8h]\n").unwrap_err();
        assert_eq!(
            err.message,
            "malformed config file /x/c.yaml:3:6: ttl must be a single value"
        );
    }

    #[test]
    fn unknown_keys_list_the_known_ones() {
        let err = parse(Path::new("/x/c.yaml"), "namespace: a\nflavour: big\n").unwrap_err();
        assert!(err.message.contains("/x/c.yaml:2:1"), "{}", err.message);
        assert!(
            err.hints
                .iter()
                .any(|h| h.contains("namespace, context, flavor")),
            "{:?}",
            err.hints
        );
    }

    #[test]
    fn values_are_checked() {
        assert!(validate("ssh-transport", "carrier-pigeon").is_err());
        assert!(validate("ssh-transport", "nodeport").is_ok());
        assert!(validate("ttl", "8h").is_ok());
        assert!(validate("namespace", "Not_OK").is_err());
        assert!(validate("colour", "red").is_err());
        assert!(parse(Path::new("c"), "").unwrap().is_empty());
        assert!(parse(Path::new("c"), "- a\n").is_err());
    }
}
