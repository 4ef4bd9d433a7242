//! Flavors: t-shirt sizes for devservers (DESIGN §3). The cluster's `DevServerFlavor` objects
//! when that CRD exists, else the built-in three.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One flavor, as the `DevServerFlavor` spec writes it. Fields this devctl does not know are
/// ignored, so that a newer CRD with more fields does not break an older devctl.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Flavor {
    #[serde(skip)]
    pub name: String,
    #[serde(default)]
    pub default: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The image for devservers of this flavor, unless the user names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(default)]
    pub resources: Resources,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub node_selector: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tolerations: Vec<k8s_openapi::api::core::v1::Toleration>,
    /// The time to live of its devservers unless the user gives one, e.g. `8h`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl: Option<String>,
    /// The longest time to live that `create` and `extend` accept for its devservers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_ttl: Option<String>,
    /// The size of the persistent home its devservers get unless the user gives `--home`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_size: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Resources {
    #[serde(default)]
    pub requests: BTreeMap<String, String>,
    #[serde(default)]
    pub limits: BTreeMap<String, String>,
}

fn sized(name: &str, default: bool, req: (&str, &str), lim: (&str, &str)) -> Flavor {
    let map = |(cpu, mem): (&str, &str)| {
        BTreeMap::from([
            ("cpu".to_string(), cpu.to_string()),
            ("memory".to_string(), mem.to_string()),
        ])
    };
    Flavor {
        name: name.into(),
        default,
        description: format!("{} CPU, {} memory requested", req.0, req.1),
        resources: Resources {
            requests: map(req),
            limits: map(lim),
        },
        ..Flavor::default()
    }
}

/// The flavors of a cluster without `DevServerFlavor` objects.
pub fn builtin() -> Vec<Flavor> {
    vec![
        sized("cpu-small", true, ("500m", "1Gi"), ("2", "4Gi")),
        sized("cpu-medium", false, ("1", "4Gi"), ("4", "8Gi")),
        sized("cpu-large", false, ("2", "8Gi"), ("8", "16Gi")),
    ]
}

/// Picks the flavor named `wanted`, else the one default. Errors list what exists.
pub fn choose<'a>(flavors: &'a [Flavor], wanted: Option<&str>) -> Result<&'a Flavor, String> {
    let names = || {
        flavors
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(name) = wanted {
        return flavors
            .iter()
            .find(|f| f.name == name)
            .ok_or_else(|| format!("unknown flavor {name:?}; available: {}", names()));
    }
    let defaults: Vec<&Flavor> = flavors.iter().filter(|f| f.default).collect();
    match defaults.as_slice() {
        [one] => Ok(one),
        [] => Err(format!(
            "no default flavor; pass --flavor, one of: {}",
            names()
        )),
        [a, b, ..] => Err(format!(
            "flavors {:?} and {:?} are both marked default; a cluster admin must unmark one",
            a.name, b.name
        )),
    }
}

/// GPU resource names accepted by `--gpu` without asking the nodes (DESIGN §3).
pub const GPU_RESOURCES: [&str; 4] = [
    "nvidia.com/gpu",
    "nvidia.com/mig-1g.10gb",
    "nvidia.com/mig-2g.20gb",
    "nvidia.com/mig-3g.40gb",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_one_default_cpu_small() {
        let all = builtin();
        assert_eq!(choose(&all, None).map(|f| f.name.as_str()), Ok("cpu-small"));
        let medium = choose(&all, Some("cpu-medium")).unwrap();
        assert_eq!(medium.resources.limits["memory"], "8Gi");
    }

    #[test]
    fn unknown_flavors_list_the_available_ones() {
        let err = choose(&builtin(), Some("huge")).unwrap_err();
        assert!(err.contains("cpu-small, cpu-medium, cpu-large"), "{err}");
    }

    #[test]
    fn two_defaults_are_named() {
        let mut all = builtin();
        all[1].default = true;
        let err = choose(&all, None).unwrap_err();
        assert!(err.contains("\"cpu-small\" and \"cpu-medium\""), "{err}");
    }
}
