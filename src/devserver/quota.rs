//! ResourceQuotas against a new devserver, before it is made: what its objects would count
//! against a quota ([`demand`]), and the first quota it would exceed ([`check`]). Quantities
//! are compared exactly, in thousandths (Kubernetes' milli-units). Pure: no I/O.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{Container, PodSpec, ResourceQuota};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;

use super::manifests::Manifests;

/// A quantity in thousandths of its unit: `500m` is 500, `2` is 2000, `1Ki` is 1_024_000.
pub type Milli = i128;

/// Parses a Kubernetes quantity (`500m`, `4`, `1.5Gi`, `2e3`) into thousandths, rounded up as
/// the API server rounds a milli-value (one parser for all of devctl: [`super::quantity`]).
pub fn parse(text: &str) -> Result<Milli, String> {
    super::quantity::Milli::parse(text)
        .map(|m| m.0)
        .ok_or_else(|| format!("invalid quantity {text:?}"))
}

/// `milli` as a user reads it for `resource`: bytes in binary units (`4Gi`, `512Mi`), the
/// rest as whole units or milli-units (`2`, `500m`).
pub fn format(resource: &str, milli: Milli) -> String {
    let bytes = ["memory", "storage", "ephemeral-storage"]
        .iter()
        .any(|r| resource == *r || resource.ends_with(&format!(".{r}")));
    if milli % 1000 != 0 {
        return format!("{milli}m");
    }
    let units = milli / 1000;
    if bytes && units != 0 {
        for (suffix, size) in [
            ("Ti", 1i128 << 40),
            ("Gi", 1 << 30),
            ("Mi", 1 << 20),
            ("Ki", 1 << 10),
        ] {
            if units % size == 0 {
                return format!("{}{suffix}", units / size);
            }
        }
    }
    units.to_string()
}

/// What a new devserver would count against a quota: quota resource name (as a
/// ResourceQuota's `hard` spells it) -> amount.
pub type Demand = BTreeMap<String, Milli>;

/// What the objects of `manifests` count against a namespace's quotas once the devserver
/// runs: its pods' requests and limits (a container's limit stands in for a missing request,
/// as the API server defaults it), the pods, the objects themselves, and its volume claims.
pub fn demand(manifests: &Manifests) -> Demand {
    let mut demand = Demand::new();
    let mut add = |key: String, amount: Milli| {
        *demand.entry(key).or_default() += amount;
    };
    let set = &manifests.statefulset;
    let spec = set.spec.as_ref();
    // Created with replicas 0 when a home volume is waited for, then scaled to 1.
    let pods = Milli::from(spec.and_then(|s| s.replicas).unwrap_or(1).max(1));
    if let Some(pod) = spec.and_then(|s| s.template.spec.as_ref()) {
        for (key, amount) in pod_resources(pod) {
            add(key, amount * pods);
        }
    }
    for key in ["pods", "count/pods"] {
        add(key.into(), 1000 * pods);
    }
    add("count/statefulsets.apps".into(), 1000);
    let services = 1 + Milli::from(manifests.nodeport_service.is_some());
    let secrets = 1 + Milli::from(manifests.env_secret.is_some());
    for (key, count) in [
        ("services", services),
        ("count/services", services),
        ("secrets", secrets),
        ("count/secrets", secrets),
        ("configmaps", 1),
        ("count/configmaps", 1),
    ] {
        add(key.into(), 1000 * count);
    }
    if let Some(service) = &manifests.nodeport_service {
        let ports = service
            .spec
            .as_ref()
            .and_then(|s| s.ports.as_ref())
            .map_or(0, Vec::len);
        add(
            "services.nodeports".into(),
            1000 * Milli::try_from(ports).unwrap_or(Milli::MAX / 2000),
        );
    }
    for claim in spec
        .and_then(|s| s.volume_claim_templates.as_deref())
        .unwrap_or_default()
    {
        let storage = claim
            .spec
            .as_ref()
            .and_then(|s| s.resources.as_ref())
            .and_then(|r| r.requests.as_ref())
            .and_then(|r| r.get("storage"))
            .and_then(|q| parse(&q.0).ok())
            .unwrap_or(0);
        let class = claim
            .spec
            .as_ref()
            .and_then(|s| s.storage_class_name.as_deref());
        let mut keys = vec![
            ("persistentvolumeclaims".to_string(), 1000),
            ("count/persistentvolumeclaims".to_string(), 1000),
            ("requests.storage".to_string(), storage),
        ];
        if let Some(class) = class {
            let prefix = format!("{class}.storageclass.storage.k8s.io");
            keys.push((format!("{prefix}/persistentvolumeclaims"), 1000));
            keys.push((format!("{prefix}/requests.storage"), storage));
        }
        for (key, amount) in keys {
            add(key, amount * pods);
        }
    }
    demand
}

/// What a job would count against the namespace's quotas: each of its pods (all at once),
/// the Job, its Service, Secret and ConfigMap, and its claims (the results claim among them).
pub fn job_demand(manifests: &super::job::JobManifests) -> Demand {
    let mut demand = Demand::new();
    let mut add = |key: String, amount: Milli| {
        *demand.entry(key).or_default() += amount;
    };
    let spec = manifests.job.spec.as_ref();
    let pods = Milli::from(spec.and_then(|s| s.parallelism).unwrap_or(1).max(1));
    let pod = spec.and_then(|s| s.template.spec.as_ref());
    if let Some(pod) = pod {
        for (key, amount) in pod_resources(pod) {
            add(key, amount * pods);
        }
    }
    for key in ["pods", "count/pods"] {
        add(key.into(), 1000 * pods);
    }
    add("count/jobs.batch".into(), 1000);
    for (keys, made) in [
        (["services", "count/services"], manifests.service.is_some()),
        (["secrets", "count/secrets"], manifests.env_secret.is_some()),
        (
            ["configmaps", "count/configmaps"],
            manifests.configmap.is_some(),
        ),
    ] {
        for key in keys {
            add(key.into(), 1000 * Milli::from(made));
        }
    }
    let storage = |spec: Option<&k8s_openapi::api::core::v1::PersistentVolumeClaimSpec>| {
        spec.and_then(|s| s.resources.as_ref())
            .and_then(|r| r.requests.as_ref())
            .and_then(|r| r.get("storage"))
            .and_then(|q| parse(&q.0).ok())
            .unwrap_or(0)
    };
    // Every claim is made with the job (the results claim among them): none per pod.
    let sizes: Vec<Milli> = manifests
        .claims
        .iter()
        .map(|c| storage(c.spec.as_ref()))
        .collect();
    let count = Milli::try_from(sizes.len()).unwrap_or(0) * 1000;
    let bytes = sizes.iter().sum::<Milli>();
    for key in ["persistentvolumeclaims", "count/persistentvolumeclaims"] {
        add(key.into(), count);
    }
    add("requests.storage".into(), bytes);
    demand.retain(|_, v| *v > 0);
    demand
}

/// One pod's requests and limits under their quota names, summed over its containers as
/// quota admission sums them ([`super::schedule::pod_sum`]).
fn pod_resources(pod: &PodSpec) -> BTreeMap<String, Milli> {
    use super::quantity::Milli as Exact;
    let of = |c: &Container| {
        let resources = c.resources.clone().unwrap_or_default();
        let limits = resources.limits.unwrap_or_default();
        let mut requests = resources.requests.unwrap_or_default();
        for (name, limit) in &limits {
            requests
                .entry(name.clone())
                .or_insert_with(|| limit.clone());
        }
        let mut out = BTreeMap::new();
        let milli = |q: &Quantity| Exact(parse(&q.0).unwrap_or(0));
        for (name, q) in &requests {
            for key in request_keys(name) {
                out.insert(key, milli(q));
            }
        }
        for (name, q) in &limits {
            out.insert(format!("limits.{name}"), milli(q));
        }
        out
    };
    super::schedule::pod_sum(pod, of)
        .into_iter()
        .map(|(key, amount)| (key, amount.0))
        .collect()
}

/// The quota names a request of `resource` counts under: `requests.cpu` and `cpu` for the
/// standard ones, only `requests.X` for extended resources such as `nvidia.com/gpu`.
fn request_keys(resource: &str) -> Vec<String> {
    let mut keys = vec![format!("requests.{resource}")];
    if ["cpu", "memory", "ephemeral-storage"].contains(&resource) {
        keys.push(resource.to_string());
    }
    keys
}

/// A quota the devserver would go over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exceeded {
    pub quota: String,
    /// As the quota names it, e.g. `requests.cpu`.
    pub resource: String,
    pub wanted: Milli,
    pub used: Milli,
    pub hard: Milli,
}

impl Exceeded {
    /// What is left of the quota, never below zero.
    pub fn left(&self) -> Milli {
        (self.hard - self.used).max(0)
    }
}

impl std::fmt::Display for Exceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |m| format(&self.resource, m);
        write!(
            f,
            "ResourceQuota {} allows {} {}, {} used, {} left; this devserver needs {}",
            self.quota,
            show(self.hard),
            self.resource,
            show(self.used),
            show(self.left()),
            show(self.wanted),
        )
    }
}

/// The first quota (by name, then resource) that `demand` would exceed. Quotas with scopes
/// (`BestEffort`, a priority class, ...) are left to the API server, which knows which pods
/// they cover; a resource the quota's status does not count yet counts as unused.
pub fn check(quotas: &[ResourceQuota], demand: &Demand) -> Result<(), Exceeded> {
    let mut quotas: Vec<&ResourceQuota> = quotas.iter().collect();
    quotas.sort_by_key(|q| q.metadata.name.clone());
    for quota in quotas {
        let Some(spec) = &quota.spec else { continue };
        let scoped =
            spec.scopes.as_ref().is_some_and(|s| !s.is_empty()) || spec.scope_selector.is_some();
        if scoped {
            continue;
        }
        let used = quota.status.as_ref().and_then(|s| s.used.as_ref());
        for (resource, hard) in spec.hard.iter().flatten() {
            let Some(&wanted) = demand.get(resource) else {
                continue;
            };
            if wanted == 0 {
                continue;
            }
            let (Ok(hard), used) = (
                parse(&hard.0),
                used.and_then(|u| u.get(resource))
                    .and_then(|q| parse(&q.0).ok())
                    .unwrap_or(0),
            ) else {
                continue;
            };
            if used + wanted > hard {
                return Err(Exceeded {
                    quota: quota.metadata.name.clone().unwrap_or_default(),
                    resource: resource.clone(),
                    wanted,
                    used,
                    hard,
                });
            }
        }
    }
    Ok(())
}

/// What `quota` allows and what it has counted as used, per resource, as its status says
/// once its controller has seen it (the hard limits from the spec until then): what `status`
/// and `admin user list` show.
pub fn allowed_and_used(
    quota: &ResourceQuota,
) -> (BTreeMap<String, Quantity>, BTreeMap<String, Quantity>) {
    let status = quota.status.clone().unwrap_or_default();
    let hard = status
        .hard
        .filter(|h| !h.is_empty())
        .or_else(|| quota.spec.as_ref().and_then(|s| s.hard.clone()))
        .unwrap_or_default();
    (hard, status.used.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_counts_every_pod_and_its_claims() {
        use crate::devserver::job::{JobFacts, JobRequest, JobSpec, RunInput, build};
        use crate::devserver::ranks::Ranks;
        let command = vec!["true".to_string()];
        let volumes = vec!["1Gi:/data".to_string()];
        let input = RunInput {
            name: Some("sim"),
            command: &command,
            owner: None,
            flavor: None,
            image: None,
            env: &[],
            env_file: None,
            config_files: &[],
            volumes: &volumes,
            user: None,
            fs_group: None,
            ttl: "1h",
            retries: 0,
            ranks: Ranks {
                nodes: 3,
                procs_per_node: 1,
                master_port: 29500,
            },
            queue: None,
            results_dir: Some("/results"),
            results_size: "2Gi",
            results_class: None,
            cpu: Some("500m"),
            memory: None,
            gpu: Some("1"),
        };
        let request = JobRequest::parse(&input).unwrap();
        let facts = JobFacts {
            namespace: "ns".into(),
            identity: None,
            local_user: Some("me".into()),
            flavors: crate::devserver::flavor::builtin(),
        };
        let (spec, _) = JobSpec::resolve(&request, &facts, "abcde").unwrap();
        let demand = job_demand(&build(&spec));
        assert_eq!(demand["requests.cpu"], 1500);
        assert_eq!(demand["requests.nvidia.com/gpu"], 3000);
        assert_eq!(demand["pods"], 3000);
        assert_eq!(demand["count/jobs.batch"], 1000);
        assert_eq!(demand["services"], 1000);
        // One new claim and the results claim, with room for three pods' results.
        assert_eq!(demand["persistentvolumeclaims"], 2000);
        let gib: Milli = 1 << 30;
        assert_eq!(demand["requests.storage"], (gib + 3 * 2 * gib) * 1000);
    }

    #[test]
    fn quantities_parse_to_thousandths_rounded_up() {
        assert_eq!(parse("500m"), Ok(500));
        assert_eq!(parse("2"), Ok(2000));
        assert_eq!(parse("1.5"), Ok(1500));
        assert_eq!(parse("1Ki"), Ok(1_024_000));
        assert_eq!(parse("0.5Gi"), Ok(536_870_912_000));
        assert_eq!(parse("1G"), Ok(1_000_000_000_000));
        assert_eq!(parse("2e3"), Ok(2_000_000));
        assert_eq!(parse("1n"), Ok(1));
        assert_eq!(parse("0"), Ok(0));
        for bad in ["", "abc", "1Qi", "1.2.3", "--1"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn quantities_print_in_the_units_users_write() {
        assert_eq!(format("requests.cpu", 500), "500m");
        assert_eq!(format("requests.cpu", 4000), "4");
        assert_eq!(
            format("requests.memory", 4 * 1024 * 1024 * 1024 * 1000),
            "4Gi"
        );
        assert_eq!(format("memory", 512 * 1024 * 1024 * 1000), "512Mi");
        assert_eq!(format("requests.storage", 0), "0");
        assert_eq!(format("count/statefulsets.apps", 3000), "3");
    }

    fn quota(name: &str, hard: &[(&str, &str)], used: &[(&str, &str)]) -> ResourceQuota {
        let map = |pairs: &[(&str, &str)]| -> serde_json::Value {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_string(), serde_json::json!(v)))
                .collect::<serde_json::Map<_, _>>()
                .into()
        };
        serde_json::from_value(serde_json::json!({
            "metadata": {"name": name},
            "spec": {"hard": map(hard)},
            "status": {"hard": map(hard), "used": map(used)},
        }))
        .unwrap()
    }

    fn want(pairs: &[(&str, Milli)]) -> Demand {
        pairs.iter().map(|(k, v)| ((*k).to_string(), *v)).collect()
    }

    #[test]
    fn a_devserver_that_fits_what_is_left_passes() {
        let q = quota(
            "devctl-quota",
            &[("requests.cpu", "4"), ("count/statefulsets.apps", "2")],
            &[("requests.cpu", "2"), ("count/statefulsets.apps", "1")],
        );
        let d = want(&[("requests.cpu", 2000), ("count/statefulsets.apps", 1000)]);
        assert_eq!(check(&[q], &d), Ok(()));
    }

    #[test]
    fn the_first_resource_over_its_quota_is_named_with_what_is_left() {
        let q = quota(
            "devctl-quota",
            &[("requests.cpu", "4"), ("requests.memory", "8Gi")],
            &[("requests.cpu", "3500m"), ("requests.memory", "1Gi")],
        );
        let d = want(&[("requests.cpu", 1000), ("requests.memory", 1 << 40)]);
        let err = check(&[q], &d).unwrap_err();
        assert_eq!(err.resource, "requests.cpu");
        assert_eq!(err.left(), 500);
        assert_eq!(
            err.to_string(),
            "ResourceQuota devctl-quota allows 4 requests.cpu, 3500m used, 500m left; this devserver needs 1"
        );
    }

    #[test]
    fn a_quota_whose_status_is_not_counted_yet_counts_as_unused() {
        let mut q = quota("q", &[("count/statefulsets.apps", "0")], &[]);
        q.status = None;
        let err = check(&[q], &want(&[("count/statefulsets.apps", 1000)])).unwrap_err();
        assert_eq!((err.used, err.hard, err.left()), (0, 0, 0));
    }

    #[test]
    fn scoped_quotas_and_resources_not_asked_for_are_left_to_the_api_server() {
        let mut scoped = quota("best-effort", &[("pods", "0")], &[]);
        scoped.spec.as_mut().unwrap().scopes = Some(vec!["BestEffort".into()]);
        let other = quota("gpus", &[("requests.nvidia.com/gpu", "0")], &[]);
        let d = want(&[("pods", 1000), ("requests.cpu", 1000)]);
        assert_eq!(check(&[scoped, other], &d), Ok(()));
    }

    #[test]
    fn a_lowered_quota_shows_nothing_left_rather_than_less() {
        let q = quota("q", &[("requests.cpu", "1")], &[("requests.cpu", "3")]);
        let err = check(&[q], &want(&[("requests.cpu", 100)])).unwrap_err();
        assert_eq!(err.left(), 0);
    }

    #[test]
    fn the_demand_of_a_devserver_counts_its_resources_objects_and_claims() {
        let mut m = Manifests {
            statefulset: serde_json::from_value(serde_json::json!({
                "metadata": {"name": "box"},
                "spec": {"selector": {}, "serviceName": "box", "template": {"spec": {"containers": [{"name": "devserver"}]}}},
            }))
            .unwrap(),
            headless_service: Default::default(),
            nodeport_service: None,
            ssh_secret: Default::default(),
            env_secret: None,
            configmap: Default::default(),
        };
        let set = m.statefulset.spec.as_mut().unwrap();
        set.replicas = Some(0);
        let c = &mut set.template.spec.as_mut().unwrap().containers[0];
        c.resources = Some(
            serde_json::from_value(serde_json::json!({
                "requests": {"cpu": "2"},
                "limits": {"cpu": "2", "memory": "4Gi", "nvidia.com/gpu": "1"},
            }))
            .unwrap(),
        );
        set.volume_claim_templates = Some(vec![serde_json::from_value(serde_json::json!({
            "metadata": {"name": "home"},
            "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "10Gi"}}},
        })).unwrap()]);
        let d = demand(&m);
        let gi = 1i128 << 30;
        assert_eq!(d["requests.cpu"], 2000);
        assert_eq!(d["cpu"], 2000);
        assert_eq!(d["requests.memory"], 4 * gi * 1000, "the limit stands in");
        assert_eq!(d["limits.memory"], 4 * gi * 1000);
        assert_eq!(d["requests.nvidia.com/gpu"], 1000);
        assert!(!d.contains_key("nvidia.com/gpu"));
        assert_eq!(d["count/statefulsets.apps"], 1000);
        assert_eq!(d["pods"], 1000, "replicas 0 at first, then 1");
        assert_eq!(d["persistentvolumeclaims"], 1000);
        assert_eq!(d["requests.storage"], 10 * gi * 1000);
        assert_eq!(d["configmaps"], 1000);
    }

    #[test]
    fn a_multi_node_devserver_counts_each_pod_and_its_home_claim() {
        let set: k8s_openapi::api::apps::v1::StatefulSet =
            serde_json::from_value(serde_json::json!({
                "metadata": {"name": "box"},
                "spec": {"replicas": 3, "selector": {}, "serviceName": "box",
                    "template": {"spec": {"containers": [{"name": "devserver",
                        "resources": {"requests": {"cpu": "1"}, "limits": {"cpu": "1"}}}]}},
                    "volumeClaimTemplates": [{"metadata": {"name": "home"},
                        "spec": {"resources": {"requests": {"storage": "1Gi"}}}}]},
            }))
            .unwrap();
        let m = Manifests {
            statefulset: set,
            headless_service: Default::default(),
            nodeport_service: None,
            ssh_secret: Default::default(),
            env_secret: None,
            configmap: Default::default(),
        };
        let d = demand(&m);
        assert_eq!(d["requests.cpu"], 3000);
        assert_eq!(d["pods"], 3000);
        assert_eq!(d["persistentvolumeclaims"], 3000);
        assert_eq!(d["requests.storage"], 3 * (1i128 << 30) * 1000);
        assert_eq!(d["count/statefulsets.apps"], 1000, "still one devserver");
    }
}
