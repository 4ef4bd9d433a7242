//! What `devctl admin user add` makes for one user, as typed objects: the namespace
//! `dev-USER`, the ServiceAccount `USER`, the bindings to the two devctl ClusterRoles, the
//! quota and the defaults that make every pod count against it, and the user's kubeconfig.
//! Pure: no I/O.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{
    LimitRange, LimitRangeItem, LimitRangeSpec, Namespace, ResourceQuota, ResourceQuotaSpec,
    ServiceAccount,
};
use k8s_openapi::api::rbac::v1::{ClusterRoleBinding, RoleBinding, RoleRef, Subject};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::admin::{self, LIMITS, QUOTA, USER_CLUSTER_ROLE, USER_LABEL, USER_ROLE};

/// The quota key of `--quota-devservers`: one StatefulSet per devserver.
pub const DEVSERVERS: &str = "count/statefulsets.apps";
/// The quota keys of `--quota-cpu`, `--quota-memory`, `--quota-gpu`.
pub const CPU: &str = "requests.cpu";
pub const MEMORY: &str = "requests.memory";
pub const GPU: &str = "requests.nvidia.com/gpu";

/// What a container without requests is given, so that it still counts against the quota
/// (the API server refuses a pod without requests in a namespace whose quota limits them).
/// Requests only: a default limit below what a container requests would make its pod invalid.
pub const DEFAULT_CPU: &str = "100m";
pub const DEFAULT_MEMORY: &str = "128Mi";

/// The longest user name: `dev-USER` must stay a 63-character label.
pub const MAX_USER: usize = 59;

/// A user name is a DNS label that leaves room for `dev-`.
pub fn check_user(name: &str) -> Result<(), String> {
    super::names::check_label("user name", name, MAX_USER)
}

/// The ClusterRoleBinding of `user` to devctl-user-cluster.
pub fn cluster_binding_name(user: &str) -> String {
    format!("{USER_CLUSTER_ROLE}-{user}")
}

/// The quota limits asked for on the command line, under their quota keys. Each is checked
/// as a quantity before any call.
pub fn limits(
    cpu: Option<&str>,
    memory: Option<&str>,
    gpu: Option<&str>,
    devservers: Option<u32>,
) -> Result<BTreeMap<String, String>, String> {
    let mut hard = BTreeMap::new();
    for (key, flag, value) in [
        (CPU, "--quota-cpu", cpu),
        (MEMORY, "--quota-memory", memory),
        (GPU, "--quota-gpu", gpu),
    ] {
        if let Some(value) = value {
            super::input::check_quantity(flag, value)?;
            hard.insert(key.to_string(), value.to_string());
        }
    }
    if let Some(n) = devservers {
        hard.insert(DEVSERVERS.to_string(), n.to_string());
    }
    Ok(hard)
}

/// The quota's `hard` for a second add: what it had, with the limits given now replacing
/// theirs (a limit not given again is kept).
pub fn merged_limits(
    existing: Option<&ResourceQuota>,
    given: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let mut hard: BTreeMap<String, String> = existing
        .and_then(|q| q.spec.as_ref())
        .and_then(|s| s.hard.as_ref())
        .map(|h| h.iter().map(|(k, v)| (k.clone(), v.0.clone())).collect())
        .unwrap_or_default();
    hard.extend(given.iter().map(|(k, v)| (k.clone(), v.clone())));
    hard
}

/// The Pod Security level a user's namespace enforces.
pub const POD_SECURITY: &str = "pod-security.kubernetes.io/enforce";

fn meta(name: &str, namespace: Option<&str>, user: &str) -> ObjectMeta {
    let mut labels = admin::labels("user");
    labels.insert(USER_LABEL.into(), user.into());
    ObjectMeta {
        name: Some(name.into()),
        namespace: namespace.map(String::from),
        labels: Some(labels),
        ..ObjectMeta::default()
    }
}

/// Everything `admin user add USER` applies, in the order it applies it.
#[derive(Debug, Clone)]
pub struct UserObjects {
    pub namespace: Namespace,
    pub service_account: ServiceAccount,
    pub role_binding: RoleBinding,
    pub cluster_binding: ClusterRoleBinding,
    pub quota: ResourceQuota,
    pub limit_range: LimitRange,
}

/// The objects of `user` with the quota limits `hard`.
pub fn objects(user: &str, hard: &BTreeMap<String, String>) -> UserObjects {
    let ns = admin::user_namespace(user);
    let subject = Subject {
        kind: "ServiceAccount".into(),
        name: user.into(),
        namespace: Some(ns.clone()),
        ..Subject::default()
    };
    let role_ref = |name: &str| RoleRef {
        api_group: "rbac.authorization.k8s.io".into(),
        kind: "ClusterRole".into(),
        name: name.into(),
    };
    let quantities = |pairs: &[(&str, &str)]| -> BTreeMap<String, Quantity> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), Quantity((*v).to_string())))
            .collect()
    };
    UserObjects {
        namespace: Namespace {
            metadata: {
                let mut metadata = meta(&ns, None, user);
                // devctl-user may create StatefulSets: without this, any pod spec (privileged,
                // hostPath, hostNetwork) would be root on a node. A devserver fits baseline.
                metadata
                    .labels
                    .get_or_insert_default()
                    .insert(POD_SECURITY.into(), "baseline".into());
                metadata
            },
            ..Namespace::default()
        },
        service_account: ServiceAccount {
            metadata: meta(user, Some(&ns), user),
            ..ServiceAccount::default()
        },
        role_binding: RoleBinding {
            metadata: meta(USER_ROLE, Some(&ns), user),
            role_ref: role_ref(USER_ROLE),
            subjects: Some(vec![subject.clone()]),
        },
        cluster_binding: ClusterRoleBinding {
            metadata: meta(&cluster_binding_name(user), None, user),
            role_ref: role_ref(USER_CLUSTER_ROLE),
            subjects: Some(vec![subject]),
        },
        quota: ResourceQuota {
            metadata: meta(QUOTA, Some(&ns), user),
            spec: Some(ResourceQuotaSpec {
                hard: Some(
                    hard.iter()
                        .map(|(k, v)| (k.clone(), Quantity(v.clone())))
                        .collect(),
                ),
                ..ResourceQuotaSpec::default()
            }),
            ..ResourceQuota::default()
        },
        limit_range: LimitRange {
            metadata: meta(LIMITS, Some(&ns), user),
            spec: Some(LimitRangeSpec {
                limits: vec![LimitRangeItem {
                    type_: "Container".into(),
                    default_request: Some(quantities(&[
                        ("cpu", DEFAULT_CPU),
                        ("memory", DEFAULT_MEMORY),
                    ])),
                    ..LimitRangeItem::default()
                }],
            }),
        },
    }
}

/// Where the user's kubeconfig points: the admin's own server and what verifies it.
#[derive(Debug, Clone, Default)]
pub struct Server {
    pub url: String,
    /// PEM certificates, when the admin's connection names a CA.
    pub ca_pem: Option<String>,
    pub tls_server_name: Option<String>,
    pub insecure: bool,
    pub proxy_url: Option<String>,
}

/// The user's kubeconfig: one cluster, one user with the ServiceAccount token, one context
/// (the current one) whose namespace is `dev-USER`.
pub fn kubeconfig(user: &str, server: &Server, token: &str) -> serde_json::Value {
    use base64::Engine as _;
    let name = format!("devctl-{user}");
    let mut cluster = serde_json::json!({ "server": server.url });
    if let Some(pem) = &server.ca_pem {
        cluster["certificate-authority-data"] =
            base64::engine::general_purpose::STANDARD.encode(pem).into();
    }
    if let Some(sni) = &server.tls_server_name {
        cluster["tls-server-name"] = sni.clone().into();
    }
    if server.insecure {
        cluster["insecure-skip-tls-verify"] = true.into();
    }
    if let Some(proxy) = &server.proxy_url {
        cluster["proxy-url"] = proxy.clone().into();
    }
    serde_json::json!({
        "apiVersion": "v1",
        "kind": "Config",
        "clusters": [{"name": name, "cluster": cluster}],
        "users": [{"name": user, "user": {"token": token}}],
        "contexts": [{"name": name, "context": {
            "cluster": name, "user": user, "namespace": admin::user_namespace(user),
        }}],
        "current-context": name,
    })
}

/// PEM text of DER certificates.
pub fn pem(certs: &[Vec<u8>]) -> String {
    use base64::Engine as _;
    let mut out = String::new();
    for der in certs {
        let b64 = base64::engine::general_purpose::STANDARD.encode(der);
        out.push_str("-----BEGIN CERTIFICATE-----\n");
        for chunk in b64.as_bytes().chunks(64) {
            out.push_str(&String::from_utf8_lossy(chunk));
            out.push('\n');
        }
        out.push_str("-----END CERTIFICATE-----\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_are_labels_that_leave_room_for_dev() {
        assert!(check_user("alice").is_ok());
        assert!(check_user("1bob").is_ok());
        assert!(check_user(&"a".repeat(59)).is_ok());
        for bad in ["", "Alice", "a_b", "a.b", "-a", "a-", &"a".repeat(60)] {
            assert!(check_user(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn limits_are_checked_and_named_by_their_quota_keys() {
        let hard = limits(Some("4"), Some("16Gi"), None, Some(2)).unwrap();
        assert_eq!(hard[CPU], "4");
        assert_eq!(hard[MEMORY], "16Gi");
        assert_eq!(hard[DEVSERVERS], "2");
        assert!(!hard.contains_key(GPU));
        let err = limits(Some("four"), None, None, None).unwrap_err();
        assert!(err.contains("--quota-cpu"), "{err}");
    }

    #[test]
    fn a_second_add_keeps_the_limits_it_does_not_give() {
        let first = objects(
            "alice",
            &limits(Some("4"), Some("8Gi"), None, None).unwrap(),
        );
        let given = limits(Some("8"), None, None, Some(3)).unwrap();
        let hard = merged_limits(Some(&first.quota), &given);
        assert_eq!(hard[CPU], "8");
        assert_eq!(hard[MEMORY], "8Gi");
        assert_eq!(hard[DEVSERVERS], "3");
    }

    #[test]
    fn the_objects_bind_the_service_account_in_its_namespace() {
        let o = objects("alice", &BTreeMap::new());
        assert_eq!(o.namespace.metadata.name.as_deref(), Some("dev-alice"));
        let labels = o.namespace.metadata.labels.clone().unwrap();
        assert_eq!(labels["app.kubernetes.io/managed-by"], "devctl");
        assert_eq!(labels[USER_LABEL], "alice");
        assert_eq!(o.role_binding.role_ref.name, USER_ROLE);
        assert_eq!(o.cluster_binding.role_ref.name, USER_CLUSTER_ROLE);
        assert_eq!(
            o.cluster_binding.metadata.name.as_deref(),
            Some("devctl-user-cluster-alice")
        );
        let subject = &o.role_binding.subjects.as_ref().unwrap()[0];
        assert_eq!(
            (subject.kind.as_str(), subject.name.as_str()),
            ("ServiceAccount", "alice")
        );
        assert_eq!(subject.namespace.as_deref(), Some("dev-alice"));
        let item = &o.limit_range.spec.as_ref().unwrap().limits[0];
        assert!(item.default.is_none(), "no default limit below a request");
        assert_eq!(item.default_request.as_ref().unwrap()["cpu"].0, DEFAULT_CPU);
    }

    #[test]
    fn the_kubeconfig_defaults_to_the_users_namespace() {
        let server = Server {
            url: "https://k8s.example:6443".into(),
            ca_pem: Some(pem(&[vec![1, 2, 3]])),
            ..Server::default()
        };
        let k = kubeconfig("alice", &server, "TOKEN");
        assert_eq!(k["current-context"], "devctl-alice");
        assert_eq!(k["contexts"][0]["context"]["namespace"], "dev-alice");
        assert_eq!(k["users"][0]["user"]["token"], "TOKEN");
        assert_eq!(
            k["clusters"][0]["cluster"]["server"],
            "https://k8s.example:6443"
        );
        assert!(k["clusters"][0]["cluster"]["certificate-authority-data"].is_string());
    }
}
