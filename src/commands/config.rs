//! `devctl config view|path|set|unset`.

use serde::Serialize;

use super::ExitStatus;
use crate::cli::{ConfigArgs, ConfigCommand, GlobalArgs};
use crate::error::Result;
use crate::output::Printer;
use crate::settings::{self, ConfigFile, KEYS};

/// `config view -o json`: `{"apiVersion": "devctl/v1", "kind": "Config", "path": ...,
/// "settings": [{"key", "value" (null when unset), "source", "env"}]}`.
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

pub fn run(global: &GlobalArgs, args: ConfigArgs, printer: &Printer) -> Result<ExitStatus> {
    match args.command {
        ConfigCommand::Path => {
            let env = |name: &str| std::env::var(name).ok();
            printer.out(&format!("{}\n", ConfigFile::default_path(&env).display()));
        }
        ConfigCommand::View => view(global, printer)?,
        ConfigCommand::Set { key, value } => {
            settings::validate(&key, &value)?;
            let mut file = load_file()?;
            file.values.insert(key.clone(), value.clone());
            file.save()?;
            printer.info(&format!("{key} = {value} (in {})", file.path.display()));
        }
        ConfigCommand::Unset { key } => {
            settings::validate(&key, "x").or_else(|e| {
                if e.message.starts_with("unknown") {
                    Err(e)
                } else {
                    Ok(())
                }
            })?;
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

fn view(global: &GlobalArgs, printer: &Printer) -> Result<()> {
    let settings = super::settings(global)?;
    let entries: Vec<Entry> = KEYS
        .iter()
        .map(|k| Entry {
            key: k.name,
            value: settings.get(k.name).map(str::to_string),
            source: settings.source(k.name),
            env: k.env,
        })
        .collect();
    if printer.is_structured() {
        return printer.structured(&View {
            api_version: "devctl/v1",
            kind: "Config",
            path: settings.file.path.display().to_string(),
            settings: entries,
        });
    }
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                e.key.to_string(),
                e.value.clone().unwrap_or_else(|| "-".into()),
                e.source
                    .map(|s| s.describe().to_string())
                    .unwrap_or_else(|| "unset".into()),
            ]
        })
        .collect();
    printer.out(&printer.table(&["KEY", "VALUE", "SOURCE"], &rows));
    printer.info(&format!("config file: {}", settings.file.path.display()));
    Ok(())
}
