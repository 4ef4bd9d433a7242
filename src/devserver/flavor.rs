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
    check_defaults(flavors)?;
    flavors.iter().find(|f| f.default).ok_or_else(|| {
        format!(
            "no flavor is the default; pass --flavor, one of: {}",
            names()
        )
    })
}

/// Two or more defaults are an error that names them all (DESIGN §3).
pub fn check_defaults(flavors: &[Flavor]) -> Result<(), String> {
    let defaults: Vec<String> = flavors
        .iter()
        .filter(|f| f.default)
        .map(|f| format!("{:?}", f.name))
        .collect();
    match defaults.len() {
        0 | 1 => Ok(()),
        _ => Err(format!(
            "flavors {} are all marked default; a cluster admin must keep one (devctl admin flavor set-default NAME)",
            defaults.join(", ")
        )),
    }
}

/// The longest time to live `flavor` allows, as written and as a duration.
pub fn max_ttl(flavor: &Flavor) -> Result<Option<(String, std::time::Duration)>, String> {
    let Some(max) = &flavor.max_ttl else {
        return Ok(None);
    };
    let cap = super::duration::parse(max)
        .map_err(|e| format!("flavor {:?} has a bad maxTtl {max:?}: {e}", flavor.name))?;
    Ok(Some((max.clone(), cap)))
}

/// Whether a devserver of `flavor` may have `left` to live: what `extend` checks (never more
/// than the flavor's maxTtl ahead of now).
pub fn check_ttl(flavor: &Flavor, left: std::time::Duration) -> Result<(), String> {
    match max_ttl(flavor)? {
        Some((max, cap)) if left > cap => Err(format!(
            "flavor {:?} allows a time to live of at most {max}",
            flavor.name
        )),
        _ => Ok(()),
    }
}

/// Whether a devserver of `flavor` may be extended to expire `ahead` from now: never more
/// than the flavor's maxTtl. The error reads after "devserver NAME ".
pub fn check_extension(
    flavor: &Flavor,
    ahead: k8s_openapi::jiff::SignedDuration,
) -> Result<(), String> {
    let secs = u64::try_from(ahead.as_secs()).unwrap_or(0);
    let left = std::time::Duration::from_secs(secs);
    check_ttl(flavor, left).map_err(|why| {
        // Shown to the minute: the seconds since the expiry was read are noise.
        let shown = std::time::Duration::from_secs((secs + 30) / 60 * 60);
        format!("would expire in {}; {why}", super::duration::format(shown))
    })
}

/// A GPU, or another extended resource (`vendor/name`): what the GPU column shows and what
/// makes a flavor count how many more of it fit.
pub fn is_gpu_resource(name: &str) -> bool {
    GPU_RESOURCES.contains(&name) || name.contains('/')
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
        all[2].default = true;
        let err = choose(&all, None).unwrap_err();
        assert!(
            err.contains("\"cpu-small\", \"cpu-medium\", \"cpu-large\" are all marked default"),
            "{err}"
        );
        assert!(
            choose(&all, Some("cpu-large")).is_ok(),
            "a named flavor is still found"
        );
    }

    #[test]
    fn without_a_default_the_flavor_must_be_named() {
        let mut all = builtin();
        all[0].default = false;
        let err = choose(&all, None).unwrap_err();
        assert_eq!(
            err,
            "no flavor is the default; pass --flavor, one of: cpu-small, cpu-medium, cpu-large"
        );
    }

    #[test]
    fn max_ttl_caps_the_time_to_live() {
        let mut f = builtin().remove(0);
        let day = std::time::Duration::from_secs(86400);
        assert_eq!(check_ttl(&f, day * 365), Ok(()), "no cap");
        f.max_ttl = Some("1d".into());
        assert_eq!(check_ttl(&f, day), Ok(()));
        assert_eq!(
            check_ttl(&f, day * 2).unwrap_err(),
            "flavor \"cpu-small\" allows a time to live of at most 1d"
        );
    }

    #[test]
    fn extend_may_not_push_the_expiry_past_max_ttl_from_now() {
        use k8s_openapi::jiff::SignedDuration;
        let mut f = builtin().remove(0);
        f.max_ttl = Some("7d".into());
        let hours = |h: i64| SignedDuration::from_hours(h);
        assert_eq!(check_extension(&f, hours(7 * 24)), Ok(()));
        let err = check_extension(&f, hours(8 * 24) - SignedDuration::from_secs(1)).unwrap_err();
        assert_eq!(
            err,
            "would expire in 8d; flavor \"cpu-small\" allows a time to live of at most 7d"
        );
    }

    #[test]
    fn unknown_fields_of_a_newer_crd_are_ignored() {
        let spec = serde_json::json!({"default": true, "resources": {"requests": {"cpu": "1"}, "claims": []}, "futureField": {"x": 1}});
        let f: Flavor = serde_json::from_value(spec).unwrap();
        assert!(f.default);
        assert_eq!(f.resources.requests["cpu"], "1");
    }
}
