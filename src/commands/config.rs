//! `devctl config view|path|set|unset`. `view` shows the effective value of every setting
//! and where it came from, including the context and namespace that the kubeconfig supplies,
//! so that users (and tests) see the precedence without a cluster.

use serde::Serialize;

use super::{Context, ExitStatus};
use crate::cli::{ConfigArgs, ConfigCommand};
use crate::cluster;
use crate::error::Result;
use crate::output::{API_VERSION, Cell, Format, Row};
use crate::settings::{self, ConfigFile, KEYS, Source};

/// `config view -o json`: `{"apiVersion": "devctl/v1", "kind": "Config", "path": ...,
/// "settings": [{"key", "value" (null when unset), "source" (null when unset), "env"}]}`.
/// Sources: `flag`, `env`, `file`, `context` (the kubeconfig context's namespace),
/// `kubeconfig` (its current context), `in-cluster`, `default`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct View {
    api_version: &'static str,
    kind: &'static str,
    path: String,
    settings: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    key: &'static str,
    value: Option<String>,
    source: Option<settings::Source>,
    env: &'static str,
}

impl Row for Entry {
    fn headers(wide: bool) -> Vec<&'static str> {
        let mut headers = vec!["KEY", "VALUE", "SOURCE"];
        if wide {
            headers.push("ENV");
        }
        headers
    }

    fn cells(&self, wide: bool) -> Vec<Cell> {
        let mut cells = vec![
            self.key.into(),
            self.value.as_deref().unwrap_or("-").into(),
            self.source.map(Source::describe).unwrap_or("unset").into(),
        ];
        if wide {
            cells.push(self.env.into());
        }
        cells
    }

    fn name(&self) -> String {
        self.key.to_string()
    }
}

pub fn run(ctx: &Context<'_>, args: ConfigArgs) -> Result<ExitStatus> {
    let printer = ctx.printer;
    match args.command {
        ConfigCommand::Path => {
            let env = |name: &str| std::env::var(name).ok();
            printer.out(&format!("{}\n", ConfigFile::default_path(&env).display()));
        }
        ConfigCommand::View => view(ctx)?,
        ConfigCommand::Set { key, value } => {
            settings::validate(&key, &value)?;
            let mut file = load_file()?;
            file.values.insert(key.clone(), value.clone());
            file.save()?;
            printer.info(&format!("{key} = {value} (in {})", file.path.display()));
        }
        ConfigCommand::Unset { key } => {
            settings::check_known(&key)?;
            let mut file = load_file()?;
            if file.values.remove(&key).is_some() {
                file.save()?;
            }
            printer.info(&format!("{key} unset (in {})", file.path.display()));
        }
    }
    Ok(0)
}

fn load_file() -> Result<ConfigFile> {
    let env = |name: &str| std::env::var(name).ok();
    ConfigFile::load(&ConfigFile::default_path(&env))
}

fn view(ctx: &Context<'_>) -> Result<()> {
    let (settings, printer) = (ctx.settings()?, ctx.printer);
    let mut entries: Vec<Entry> = KEYS
        .iter()
        .map(|k| Entry {
            key: k.name,
            value: settings.get(k.name).map(str::to_string),
            source: settings.source(k.name),
            env: k.env,
        })
        .collect();
    // The kubeconfig decides the context and namespace that no setting names.
    let (context, namespace) = match cluster::locate(ctx.global, settings) {
        Ok(t) => (
            Some((t.context, t.context_source)),
            (t.namespace, t.namespace_source),
        ),
        Err(e) => {
            printer.warn(&format!(
                "{}: context and namespace are shown without the kubeconfig",
                e.message
            ));
            let namespace = match (settings.get("namespace"), settings.source("namespace")) {
                (Some(ns), Some(source)) => (ns.to_string(), source),
                _ => ("default".to_string(), Source::Default),
            };
            (None, namespace)
        }
    };
    for entry in &mut entries {
        let effective = match entry.key {
            "context" => context.clone(),
            "namespace" => Some(namespace.clone()),
            _ => None,
        };
        if let Some((value, source)) = effective {
            entry.value = Some(value);
            entry.source = Some(source);
        }
    }
    match printer.format {
        Format::Json | Format::Yaml => printer.structured(&View {
            api_version: API_VERSION,
            kind: "Config",
            path: settings.file.path.display().to_string(),
            settings: entries,
        }),
        Format::Name => {
            let set = entries.iter().filter(|e| e.value.is_some());
            printer.out(&set.map(|e| e.name() + "\n").collect::<String>());
            Ok(())
        }
        Format::Table | Format::Wide => {
            printer.out(&printer.rows(&entries));
            printer.info(&format!("config file: {}", settings.file.path.display()));
            Ok(())
        }
    }
}
