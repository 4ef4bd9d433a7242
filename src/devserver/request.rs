//! What the user asked `create` for, as a [`Request`]: the flags first, then the `-f` file,
//! then the settings, each value parsed and checked. Pure: the command reads the files and
//! passes their text, and reads the keys from where [`KeySource`] says.

use std::path::{Path, PathBuf};

use super::spec::{Request, VolumeMount};
use super::{duration, input, names};
use crate::cli::CreateArgs;
use crate::settings::{Settings, Source};

/// The files `create` was given, as read: (path, text).
#[derive(Default)]
pub struct Texts<'a> {
    pub file: Option<(&'a Path, &'a str)>,
    pub env_file: Option<(&'a Path, &'a str)>,
}

/// Where the public keys to authorize come from, first that is there: `--ssh-key` files, the
/// file's `spec.ssh.publicKey`, the `ssh-key` setting, else the user's default key.
#[derive(Debug, Clone, PartialEq)]
pub enum KeySource {
    Files(Vec<PathBuf>),
    Inline(String),
    Setting(PathBuf),
    Default,
}

impl Request {
    /// The request of `args`, the `-f` file and the settings; an error is the user's to fix.
    pub fn from_inputs(
        args: &CreateArgs,
        texts: &Texts<'_>,
        settings: &Settings,
    ) -> Result<(Request, KeySource), String> {
        let file = match texts.file {
            Some((path, text)) => Some(
                input::parse_devserver_file(text)
                    .map_err(|e| format!("{}: {e}", path.display()))?,
            ),
            None => None,
        };
        let spec = file.as_ref().map(|f| &f.spec);
        let name = args
            .name
            .clone()
            .or_else(|| file.as_ref().map(|f| f.metadata.name.clone()));
        if let Some(name) = &name {
            input::check_name(name)?;
        }
        let namespace = file.as_ref().and_then(|f| f.metadata.namespace.clone());
        if let Some(ns) = &namespace {
            names::check_label("namespace", ns, 63)?;
        }
        let file_ttl = spec
            .and_then(|s| s.lifecycle.as_ref())
            .and_then(|l| l.time_to_live.clone());
        // The ttl setting's built-in default must not beat a flavor's own ttl.
        let configured_ttl = settings
            .get("ttl")
            .filter(|_| settings.source("ttl") != Some(Source::Default))
            .map(str::to_string);
        let (ttl, ttl_from) = match (args.ttl.clone(), file_ttl, configured_ttl) {
            (Some(ttl), _, _) => (Some(ttl), "--ttl"),
            (None, Some(ttl), _) => (Some(ttl), "the -f file's timeToLive"),
            (None, None, Some(ttl)) if settings.source("ttl") == Some(Source::Env) => {
                (Some(ttl), "DEVCTL_TTL")
            }
            (None, None, Some(ttl)) => (Some(ttl), "the config file's ttl"),
            (None, None, None) => (None, "--ttl"),
        };
        if let Some(ttl) = &ttl {
            duration::parse(ttl).map_err(|e| format!("--ttl: {e}"))?;
        }
        let volumes = args
            .volumes
            .iter()
            .map(|v| VolumeMount::parse(v))
            .collect::<Result<Vec<_>, _>>()?;
        let secret_env = match texts.env_file {
            Some((path, text)) => {
                input::parse_env_file(text).map_err(|e| format!("{}: {e}", path.display()))?
            }
            None => Vec::new(),
        };
        let env = args
            .env
            .iter()
            .map(|line| input::parse_env(line))
            .collect::<Result<Vec<_>, _>>()?;
        let (overrides, unknown_gpu) = input::resource_overrides(
            args.cpu.as_deref(),
            args.memory.as_deref(),
            args.gpu.as_deref(),
        )?;
        if let Some(home) = &args.home {
            input::check_quantity("--home", home)?;
        }
        let node_port = args
            .expose
            .as_deref()
            .map(input::parse_expose)
            .transpose()?;
        input::check_ports(&args.ports)?;
        // The image setting's built-in default must not beat a flavor's own image.
        let configured_image = settings
            .get("image")
            .filter(|_| settings.source("image") != Some(Source::Default))
            .map(str::to_string);
        let keys = if !args.ssh_keys.is_empty() {
            KeySource::Files(args.ssh_keys.clone())
        } else if let Some(key) = spec
            .and_then(|s| s.ssh.as_ref())
            .and_then(|s| s.public_key.clone())
        {
            KeySource::Inline(key)
        } else if let Some(path) = settings.get("ssh-key") {
            KeySource::Setting(PathBuf::from(path))
        } else {
            KeySource::Default
        };
        let request = Request {
            name,
            namespace,
            owner: args
                .owner
                .clone()
                .or_else(|| spec.and_then(|s| s.owner.clone()))
                .or_else(|| settings.get("owner").map(str::to_string)),
            flavor: args
                .flavor
                .clone()
                .or_else(|| spec.and_then(|s| s.flavor.clone()))
                .or_else(|| settings.get("flavor").map(str::to_string)),
            image: args
                .image
                .clone()
                .or_else(|| spec.and_then(|s| s.image.clone()))
                .or(configured_image),
            ttl,
            ttl_from,
            keys: Vec::new(),
            home: args.home.clone(),
            no_home: args.no_home,
            volumes,
            env,
            secret_env,
            overrides,
            unknown_gpu,
            node_port,
            ports: args.ports.clone(),
            nodes: args.nodes,
        };
        Ok((request, keys))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::ConfigFile;

    fn args(line: &[&str]) -> CreateArgs {
        use clap::Parser;
        let cli = crate::cli::Cli::try_parse_from(["devctl", "create"].iter().chain(line).copied())
            .unwrap();
        match cli.command {
            crate::cli::Command::Create(args) => *args,
            _ => unreachable!("a create command line"),
        }
    }

    fn settings(env: &[(&str, &str)]) -> Settings {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let lookup = move |name: &str| env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        Settings::resolve(&[], &lookup, ConfigFile::default()).unwrap()
    }

    const FILE: &str = "apiVersion: devserver.io/v1\nkind: DevServer\nmetadata: {name: filed, namespace: team-a}\nspec:\n  owner: file@example.com\n  flavor: cpu-medium\n  ssh: {publicKey: \"ssh-ed25519 AAAA\"}\n  lifecycle: {timeToLive: 2d}\n";

    #[test]
    fn flags_beat_the_file_which_beats_the_settings() {
        let texts = Texts {
            file: Some((Path::new("dev.yaml"), FILE)),
            env_file: None,
        };
        let env = settings(&[("DEVCTL_OWNER", "env@example.com"), ("DEVCTL_TTL", "3h")]);
        let (from_file, keys) =
            Request::from_inputs(&args(&["-f", "dev.yaml"]), &texts, &env).unwrap();
        assert_eq!(from_file.name.as_deref(), Some("filed"));
        assert_eq!(from_file.namespace.as_deref(), Some("team-a"));
        assert_eq!(from_file.owner.as_deref(), Some("file@example.com"));
        assert_eq!(from_file.ttl.as_deref(), Some("2d"));
        assert_eq!(keys, KeySource::Inline("ssh-ed25519 AAAA".into()));
        let (flagged, keys) = Request::from_inputs(
            &args(&[
                "x",
                "-f",
                "dev.yaml",
                "--owner",
                "me",
                "--ttl",
                "1h",
                "--ssh-key",
                "k.pub",
            ]),
            &texts,
            &env,
        )
        .unwrap();
        assert_eq!(flagged.name.as_deref(), Some("x"));
        assert_eq!(flagged.owner.as_deref(), Some("me"));
        assert_eq!(flagged.ttl.as_deref(), Some("1h"));
        assert_eq!(keys, KeySource::Files(vec!["k.pub".into()]));
        let (bare, keys) = Request::from_inputs(&args(&[]), &Texts::default(), &env).unwrap();
        assert_eq!(bare.owner.as_deref(), Some("env@example.com"));
        assert_eq!(bare.ttl.as_deref(), Some("3h"));
        assert_eq!(keys, KeySource::Default);
    }

    #[test]
    fn expose_ssh_is_the_old_spelling_of_expose() {
        let none = settings(&[]);
        for flag in ["--expose", "--expose-ssh"] {
            let line = ["--port", "8888", flag, "nodeport:30022"];
            let (request, _) =
                Request::from_inputs(&args(&line), &Texts::default(), &none).unwrap();
            assert_eq!(request.node_port, Some(Some(30022)), "{flag}");
            assert_eq!(request.ports, [8888], "{flag}");
        }
        let (bare, _) =
            Request::from_inputs(&args(&["--expose", "nodeport"]), &Texts::default(), &none)
                .unwrap();
        assert_eq!(bare.node_port, Some(None));
    }

    #[test]
    fn bad_values_are_refused_before_any_call() {
        let none = settings(&[]);
        for line in [
            &["1box"][..],
            &["--ttl", "forever"],
            &["-e", "1A=x"],
            &["--cpu", "lots"],
            &["--volume", "data"],
            &["--expose", "loadbalancer"],
            &["--port", "22", "--expose", "nodeport"],
            &["--port", "8888", "--port", "8888"],
        ] {
            assert!(
                Request::from_inputs(&args(line), &Texts::default(), &none).is_err(),
                "{line:?}"
            );
        }
        let env_file = Texts {
            file: None,
            env_file: Some((Path::new("t.env"), "TOKEN=\"x\nSECRET\"\n")),
        };
        let err = Request::from_inputs(&args(&[]), &env_file, &none).unwrap_err();
        assert!(
            err.starts_with("t.env: line 2:") && !err.contains("SECRET"),
            "{err}"
        );
    }
}
