//! What `delete`, `stop`, `start`, `restart` and `extend` print on stdout: one document per
//! devserver they changed. People's messages go to stderr as the commands go.
//!
//! `-o json`/`-o yaml`: `{"apiVersion": "devctl/v1", "kind": "DevServerChange", "name",
//! "namespace", "action", "expiresAt", "homeVolume": {"claim", "action": "kept" | "deleted"}
//! | null}`; `expiresAt` is RFC 3339, or null for a devserver that never expires (or whose
//! StatefulSet was already gone). `-o name`: `devserver/NAME`. `-o wide` is refused. A command
//! that can change several (`delete`) prints `{"apiVersion": "devctl/v1", "kind":
//! "DevServerChangeList", "items": [DevServerChange]}`, and one name per line.

use k8s_openapi::api::apps::v1::StatefulSet;
use serde::Serialize;

use crate::devserver::state;
use crate::error::Result;
use crate::output::{API_VERSION, Format, Printer};

/// The formats a change can be printed in.
pub const FORMATS: [Format; 4] = [Format::Table, Format::Json, Format::Yaml, Format::Name];

/// What a command did to one devserver, as `-o json` prints it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DevServerChange {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub name: String,
    pub namespace: String,
    pub action: &'static str,
    pub expires_at: Option<String>,
    pub home_volume: Option<HomeVolume>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HomeVolume {
    pub claim: String,
    /// `kept` or `deleted`.
    pub action: &'static str,
}

impl DevServerChange {
    pub fn new(set: &StatefulSet, namespace: &str, action: &'static str) -> DevServerChange {
        let name = set.metadata.name.clone().unwrap_or_default();
        DevServerChange {
            api_version: API_VERSION,
            kind: "DevServerChange",
            expires_at: state::expires_at(set).map(|t| t.to_string()),
            home_volume: None,
            name,
            namespace: namespace.to_string(),
            action,
        }
    }

    /// Only the home volume that devserver `name` left behind was deleted.
    pub fn purged(name: &str, namespace: &str) -> DevServerChange {
        DevServerChange {
            api_version: API_VERSION,
            kind: "DevServerChange",
            name: name.to_string(),
            namespace: namespace.to_string(),
            action: "purged",
            expires_at: None,
            home_volume: Some(HomeVolume {
                claim: state::home_claim(name),
                action: "deleted",
            }),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ChangeList<'a> {
    api_version: &'static str,
    kind: &'static str,
    items: &'a [DevServerChange],
}

/// Prints one change in the chosen format; people's messages went to stderr already.
pub fn print(printer: &Printer, change: &DevServerChange) -> Result<()> {
    match printer.format {
        Format::Json | Format::Yaml => printer.structured(change),
        Format::Name => {
            printer.out(&format!("devserver/{}\n", change.name));
            Ok(())
        }
        Format::Table | Format::Wide => Ok(()),
    }
}

/// Prints the changes of a command that acts on several devservers.
pub fn print_list(printer: &Printer, changes: &[DevServerChange]) -> Result<()> {
    match printer.format {
        Format::Json | Format::Yaml => printer.structured(&ChangeList {
            api_version: API_VERSION,
            kind: "DevServerChangeList",
            items: changes,
        }),
        Format::Name => {
            let names: String = changes
                .iter()
                .map(|c| format!("devserver/{}\n", c.name))
                .collect();
            printer.out(&names);
            Ok(())
        }
        Format::Table | Format::Wide => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_a_documented_camel_case_document() {
        let set: StatefulSet = serde_json::from_value(serde_json::json!({
            "metadata": { "name": "box", "annotations": {
                "devserver.io/expires-at": "2026-11-25T18:00:00Z" } }
        }))
        .unwrap();
        let mut change = DevServerChange::new(&set, "dev", "stopped");
        change.home_volume = Some(HomeVolume {
            claim: "home-box-0".into(),
            action: "kept",
        });
        assert_eq!(
            serde_json::to_value(&change).unwrap(),
            serde_json::json!({
                "apiVersion": "devctl/v1", "kind": "DevServerChange", "name": "box",
                "namespace": "dev", "action": "stopped", "expiresAt": "2026-11-25T18:00:00Z",
                "homeVolume": { "claim": "home-box-0", "action": "kept" }
            })
        );
        assert_eq!(
            serde_json::to_value(DevServerChange::purged("box", "dev")).unwrap()["homeVolume"],
            serde_json::json!({ "claim": "home-box-0", "action": "deleted" })
        );
    }
}
