//! The objects one devserver is made of (DESIGN §1), built from a [`Spec`] as typed
//! k8s-openapi structs without any I/O: a field the pinned API does not know fails to
//! compile. `create` sends them, `create --dry-run` prints them (Secret values redacted), and
//! the schema tests validate them.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{
    StatefulSet, StatefulSetPersistentVolumeClaimRetentionPolicy, StatefulSetSpec,
};
use k8s_openapi::api::core::v1::{
    ConfigMap, ConfigMapProjection, Container, ContainerPort, EmptyDirVolumeSource, EnvFromSource,
    EnvVar, EnvVarSource, KeyToPath, ObjectFieldSelector, PersistentVolumeClaim,
    PersistentVolumeClaimSpec, PersistentVolumeClaimVolumeSource, PodSpec, PodTemplateSpec, Probe,
    ProjectedVolumeSource, ResourceRequirements, Secret, SecretEnvSource, SecretProjection,
    SecretVolumeSource, Service, ServicePort, ServiceSpec, TCPSocketAction, Volume,
    VolumeMount as ContainerMount, VolumeProjection, VolumeResourceRequirements,
};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta, OwnerReference};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::ranks::{self, DEFAULT_MASTER_PORT, IndexSource, Ranks};
pub use super::spec::{HostKey, Spec, VolumeMount};
use super::state::{NODES_ANNOTATION, host_key_annotation};

pub const MANAGED_BY: &str = "app.kubernetes.io/managed-by";
pub const NAME_LABEL: &str = "app.kubernetes.io/name";
pub const INSTANCE: &str = "app.kubernetes.io/instance";
pub const OWNER: &str = "devserver.io/owner";
pub const SSH_PORT: i32 = 22;
/// The devserver's one container in its pod (what logs and exec address).
pub const CONTAINER: &str = "devserver";
/// The name of the SSH port, in the container and on the Services.
pub const SSH_PORT_NAME: &str = "ssh";
/// The label the StatefulSet controller gives each of its pods, with the pod's name.
const POD_NAME_LABEL: &str = "statefulset.kubernetes.io/pod-name";
/// What a redacted Secret value reads in dry-run output.
pub const REDACTED: &str = "<redacted>";

/// The owner as a label value: at most 63 of `[A-Za-z0-9._-]`, starting and ending with an
/// alphanumeric; anything else becomes `_` (`alice@example.com` -> `alice_example.com`).
pub fn owner_label(owner: &str) -> String {
    let mapped: String = owner
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(63)
        .collect();
    let trimmed = mapped.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    if trimmed.is_empty() {
        "unknown".into()
    } else {
        trimmed.into()
    }
}

/// The labels every object of the devserver carries.
pub fn labels(name: &str, owner: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (MANAGED_BY.to_string(), "devctl".to_string()),
        (NAME_LABEL.to_string(), "devserver".to_string()),
        (INSTANCE.to_string(), name.to_string()),
        (OWNER.to_string(), owner_label(owner)),
    ])
}

/// What the pods are selected by: the instance, never a name prefix.
fn selector(name: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (INSTANCE.to_string(), name.to_string()),
        (NAME_LABEL.to_string(), "devserver".to_string()),
    ])
}

fn meta(spec: &Spec, name: String) -> ObjectMeta {
    ObjectMeta {
        name: Some(name),
        namespace: Some(spec.namespace.clone()),
        labels: Some(labels(&spec.name, &spec.owner)),
        ..ObjectMeta::default()
    }
}

pub fn secret_name(name: &str) -> String {
    format!("{name}-ssh")
}

pub fn env_secret_name(name: &str) -> String {
    format!("{name}-env")
}

pub fn configmap_name(name: &str) -> String {
    format!("{name}-init")
}

pub fn nodeport_name(name: &str) -> String {
    format!("{name}-ssh")
}

/// The pod of a single-node devserver.
pub fn pod_name(name: &str) -> String {
    format!("{name}-0")
}

/// The environment variable that tells a multi-node devserver's startup script its pod's
/// index (from the pod-index label), so that it installs that pod's own host key.
pub const NODE_INDEX_ENV: &str = "DEVCTL_NODE_INDEX";

/// The init container of a multi-node devserver's pods: it copies the pod's own host key
/// pair, alone, to [`HOST_KEY_DIR`], so that no pod's devserver container can read another
/// pod's private key (and pass for that pod to the pinned-host-key check).
pub const HOST_KEY_CONTAINER: &str = "host-key";

/// Where a multi-node pod's init container sees every pod's host key pair. Not inside
/// `/devctl`: a mount nested in a read-only volume cannot be made by runtimes.
const ALL_HOST_KEYS_DIR: &str = "/devctl-host-keys";

/// Where a multi-node pod's own host key pair is (a memory-backed emptyDir): written by the
/// init container, read by the startup script of the devserver container.
const HOST_KEY_DIR: &str = "/devctl-host-key";

/// The keys in the Secret `NAME-ssh` (and the files in `/devctl/ssh`) of pod `node`'s host
/// key pair: `ssh_host_ed25519_key` for pod 0, `ssh_host_ed25519_key-I` for pod I.
pub fn host_key_files(node: u32) -> (String, String) {
    let private = match node {
        0 => "ssh_host_ed25519_key".to_string(),
        i => format!("ssh_host_ed25519_key-{i}"),
    };
    let public = format!("{private}.pub");
    (private, public)
}

/// The claim the StatefulSet makes from its `home` template for the pod `NAME-0`.
pub fn home_claim_name(name: &str) -> String {
    format!("home-{name}-0")
}

/// Every object of one devserver, ready to send. The StatefulSet goes first; the rest name
/// it as their owner once its uid is known ([`Manifests::owned_by`]). Its `Debug` names the
/// objects only: the Secrets hold the host private key and env-file values.
#[derive(Clone)]
pub struct Manifests {
    pub statefulset: StatefulSet,
    pub headless_service: Service,
    pub nodeport_service: Option<Service>,
    pub ssh_secret: Secret,
    pub env_secret: Option<Secret>,
    pub configmap: ConfigMap,
}

impl std::fmt::Debug for Manifests {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = |m: &ObjectMeta| m.name.clone().unwrap_or_default();
        f.debug_struct("Manifests")
            .field("statefulset", &name(&self.statefulset.metadata))
            .field("headless_service", &name(&self.headless_service.metadata))
            .field(
                "nodeport_service",
                &self.nodeport_service.as_ref().map(|s| name(&s.metadata)),
            )
            .field("ssh_secret", &name(&self.ssh_secret.metadata))
            .field(
                "env_secret",
                &self.env_secret.as_ref().map(|s| name(&s.metadata)),
            )
            .field("configmap", &name(&self.configmap.metadata))
            .finish()
    }
}

impl Manifests {
    /// Makes `owner` (the created StatefulSet) the owner of every other object, so deleting
    /// the StatefulSet lets the garbage collector take them.
    pub fn owned_by(&mut self, owner: OwnerReference) {
        let mut metas = vec![
            &mut self.headless_service.metadata,
            &mut self.ssh_secret.metadata,
            &mut self.configmap.metadata,
        ];
        metas.extend(self.nodeport_service.as_mut().map(|s| &mut s.metadata));
        metas.extend(self.env_secret.as_mut().map(|s| &mut s.metadata));
        for meta in metas {
            meta.owner_references = Some(vec![owner.clone()]);
        }
    }

    /// The same objects with every Secret value replaced by [`REDACTED`].
    pub fn redacted(&self) -> Manifests {
        let mut copy = self.clone();
        let secrets = std::iter::once(&mut copy.ssh_secret).chain(copy.env_secret.as_mut());
        for secret in secrets {
            for value in secret.string_data.iter_mut().flat_map(|d| d.values_mut()) {
                *value = REDACTED.to_string();
            }
            secret.data = None;
        }
        copy
    }

    /// Every object in the order `create` sends them, as JSON values for printing.
    pub fn to_values(&self) -> Result<Vec<serde_json::Value>, serde_json::Error> {
        let mut values = vec![
            serde_json::to_value(&self.statefulset)?,
            serde_json::to_value(&self.headless_service)?,
        ];
        if let Some(svc) = &self.nodeport_service {
            values.push(serde_json::to_value(svc)?);
        }
        values.push(serde_json::to_value(&self.ssh_secret)?);
        if let Some(secret) = &self.env_secret {
            values.push(serde_json::to_value(secret)?);
        }
        values.push(serde_json::to_value(&self.configmap)?);
        Ok(values)
    }
}

/// Every manifest of the devserver `spec` describes.
pub fn build(spec: &Spec) -> Manifests {
    Manifests {
        statefulset: statefulset(spec),
        headless_service: headless_service(spec),
        nodeport_service: nodeport_service(spec),
        ssh_secret: secret(spec),
        env_secret: env_secret(spec),
        configmap: configmap(spec),
    }
}

fn quantities(map: &BTreeMap<String, String>) -> BTreeMap<String, Quantity> {
    map.iter()
        .map(|(k, v)| (k.clone(), Quantity(v.clone())))
        .collect()
}

fn key(key: &str, path: &str, mode: i32) -> KeyToPath {
    KeyToPath {
        key: key.into(),
        path: path.into(),
        mode: Some(mode),
    }
}

fn tcp_port(name: String, port: i32) -> ContainerPort {
    ContainerPort {
        name: Some(name),
        container_port: port,
        protocol: Some("TCP".into()),
        ..ContainerPort::default()
    }
}

fn env_var(name: &str, value: &str) -> EnvVar {
    EnvVar {
        name: name.into(),
        value: Some(value.into()),
        ..EnvVar::default()
    }
}

/// The pod reads every key of Secret `name` as a variable (the `--env-file` values).
pub fn env_from_secret(name: &str) -> Vec<EnvFromSource> {
    vec![EnvFromSource {
        secret_ref: Some(SecretEnvSource {
            name: name.into(),
            optional: Some(false),
        }),
        ..EnvFromSource::default()
    }]
}

/// The StatefulSet: the record of the devserver; its annotations hold the spec.
pub fn statefulset(spec: &Spec) -> StatefulSet {
    let mut requests = spec.flavor.resources.requests.clone();
    let mut limits = spec.flavor.resources.limits.clone();
    for (resource, quantity) in &spec.overrides {
        requests.insert(resource.clone(), quantity.clone());
        limits.insert(resource.clone(), quantity.clone());
    }
    let mut ports = vec![tcp_port(SSH_PORT_NAME.into(), SSH_PORT)];
    ports.extend(
        spec.ports
            .iter()
            .map(|p| tcp_port(format!("port-{p}"), i32::from(*p))),
    );
    let mut mounts = vec![ContainerMount {
        name: "devctl".into(),
        mount_path: "/devctl".into(),
        read_only: Some(true),
        ..ContainerMount::default()
    }];
    // One projected volume gives /devctl (0555) and /devctl/ssh (0400) without a mount
    // nested inside a read-only configMap volume, which container runtimes refuse.
    let mut volumes = vec![Volume {
        name: "devctl".into(),
        projected: Some(ProjectedVolumeSource {
            sources: Some(vec![
                VolumeProjection {
                    config_map: Some(ConfigMapProjection {
                        name: configmap_name(&spec.name),
                        items: Some(vec![
                            key("startup.sh", "startup.sh", 0o555),
                            key("sshd_config", "sshd_config", 0o444),
                            key("motd", "motd", 0o444),
                        ]),
                        optional: None,
                    }),
                    ..VolumeProjection::default()
                },
                VolumeProjection {
                    secret: Some(SecretProjection {
                        name: secret_name(&spec.name),
                        items: Some(ssh_items(spec)),
                        optional: None,
                    }),
                    ..VolumeProjection::default()
                },
            ]),
            default_mode: None,
        }),
        ..Volume::default()
    }];
    if spec.nodes > 1 {
        mounts.push(mount("host-key", HOST_KEY_DIR, true));
        volumes.extend(host_key_volumes(spec));
    }
    if spec.home.is_some() {
        mounts.push(ContainerMount {
            name: "home".into(),
            mount_path: "/home".into(),
            ..ContainerMount::default()
        });
    }
    for (i, v) in spec.volumes.iter().enumerate() {
        let name = format!("vol-{i}");
        mounts.push(ContainerMount {
            name: name.clone(),
            mount_path: v.path.clone(),
            read_only: Some(v.read_only),
            ..ContainerMount::default()
        });
        volumes.push(Volume {
            name,
            persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
                claim_name: v.claim.clone(),
                read_only: Some(v.read_only),
            }),
            ..Volume::default()
        });
    }
    let mut env = vec![
        env_var("DEVCTL_NAME", &spec.name),
        env_var("DEVCTL_OWNER", &spec.owner),
    ];
    // A multi-node devserver's pods learn their index from the pod-index label: the startup
    // script picks its host key by it, and the rank variables follow it. `-e` comes after,
    // so a user may still set MASTER_PORT, say.
    if spec.nodes > 1 {
        let ranks = Ranks {
            nodes: spec.nodes,
            procs_per_node: 1,
            master_port: DEFAULT_MASTER_PORT,
        };
        env.push(node_index_env());
        env.push(env_var("DEVCTL_HOST_KEY_DIR", HOST_KEY_DIR));
        env.extend(ranks::env(
            &spec.name,
            &spec.namespace,
            ranks,
            IndexSource::StatefulSetPod,
        ));
    }
    env.extend(spec.env.iter().map(|(k, v)| env_var(k, v)));
    // --env-file values are often tokens: the pod reads them from the Secret NAME-env, so
    // they are never in clear in the pod template.
    let env_from =
        (!spec.secret_env.is_empty()).then(|| env_from_secret(&env_secret_name(&spec.name)));
    let mut annotations = BTreeMap::from(
        [
            ("devserver.io/owner", spec.owner.clone()),
            ("devserver.io/flavor", spec.flavor.name.clone()),
            ("devserver.io/image", spec.image.clone()),
            ("devserver.io/ttl", spec.ttl.clone()),
            ("devserver.io/expires-at", spec.expires_at.clone()),
            (
                "devserver.io/host-key",
                spec.host_key.public_openssh.trim().to_string(),
            ),
            (
                "devserver.io/created-by",
                format!("devctl {}", env!("CARGO_PKG_VERSION")),
            ),
        ]
        .map(|(k, v)| (k.to_string(), v)),
    );
    if spec.nodes > 1 {
        annotations.insert(NODES_ANNOTATION.into(), spec.nodes.to_string());
        for (i, host_key) in (1..).zip(&spec.node_host_keys) {
            annotations.insert(
                host_key_annotation(i),
                host_key.public_openssh.trim().to_string(),
            );
        }
    }
    let container = Container {
        name: CONTAINER.into(),
        image: Some(spec.image.clone()),
        command: Some(vec!["/bin/sh".into(), "/devctl/startup.sh".into()]),
        ports: Some(ports),
        env: Some(env),
        env_from,
        resources: Some(ResourceRequirements {
            requests: Some(quantities(&requests)),
            limits: Some(quantities(&limits)),
            ..ResourceRequirements::default()
        }),
        readiness_probe: Some(Probe {
            tcp_socket: Some(TCPSocketAction {
                port: IntOrString::Int(SSH_PORT),
                host: None,
            }),
            period_seconds: Some(2),
            ..Probe::default()
        }),
        volume_mounts: Some(mounts),
        ..Container::default()
    };
    let pod = PodSpec {
        automount_service_account_token: Some(false),
        enable_service_links: Some(false),
        termination_grace_period_seconds: Some(10),
        init_containers: (spec.nodes > 1).then(|| vec![host_key_init(spec)]),
        containers: vec![container],
        volumes: Some(volumes),
        node_selector: (!spec.flavor.node_selector.is_empty())
            .then(|| spec.flavor.node_selector.clone()),
        tolerations: (!spec.flavor.tolerations.is_empty()).then(|| spec.flavor.tolerations.clone()),
        ..PodSpec::default()
    };
    let home = spec.home.as_ref().map(|size| PersistentVolumeClaim {
        metadata: ObjectMeta {
            name: Some("home".into()),
            labels: Some(labels(&spec.name, &spec.owner)),
            ..ObjectMeta::default()
        },
        spec: Some(PersistentVolumeClaimSpec {
            access_modes: Some(vec!["ReadWriteOnce".into()]),
            resources: Some(VolumeResourceRequirements {
                requests: Some(BTreeMap::from([(
                    "storage".to_string(),
                    Quantity(size.clone()),
                )])),
                limits: None,
            }),
            ..PersistentVolumeClaimSpec::default()
        }),
        status: None,
    });
    StatefulSet {
        metadata: ObjectMeta {
            annotations: Some(annotations),
            ..meta(spec, spec.name.clone())
        },
        spec: Some(StatefulSetSpec {
            replicas: Some(i32::try_from(spec.nodes.max(1)).unwrap_or(1)),
            // The pods of a multi-node devserver come up together, not one after the other.
            pod_management_policy: (spec.nodes > 1).then(|| "Parallel".to_string()),
            service_name: Some(spec.name.clone()),
            selector: LabelSelector {
                match_labels: Some(selector(&spec.name)),
                match_expressions: None,
            },
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(labels(&spec.name, &spec.owner)),
                    ..ObjectMeta::default()
                }),
                spec: Some(pod),
            },
            // Data in a home volume is never deleted without --purge.
            persistent_volume_claim_retention_policy: home.as_ref().map(|_| {
                StatefulSetPersistentVolumeClaimRetentionPolicy {
                    when_deleted: Some("Retain".into()),
                    when_scaled: Some("Retain".into()),
                }
            }),
            volume_claim_templates: home.map(|claim| vec![claim]),
            ..StatefulSetSpec::default()
        }),
        status: None,
    }
}

fn mount(name: &str, path: &str, read_only: bool) -> ContainerMount {
    ContainerMount {
        name: name.into(),
        mount_path: path.into(),
        read_only: Some(read_only),
        ..ContainerMount::default()
    }
}

/// A multi-node pod's index, from its pod-index label.
fn node_index_env() -> EnvVar {
    EnvVar {
        name: NODE_INDEX_ENV.into(),
        value: None,
        value_from: Some(EnvVarSource {
            field_ref: Some(ObjectFieldSelector {
                api_version: None,
                field_path: IndexSource::StatefulSetPod.field_path().into(),
            }),
            ..EnvVarSource::default()
        }),
    }
}

/// A multi-node pod's volumes for its host key: `host-keys`, every pod's pair from the
/// Secret (the init container's alone), and `host-key`, the pod's own pair in memory.
fn host_key_volumes(spec: &Spec) -> [Volume; 2] {
    let items = host_keys(spec)
        .flat_map(|(node, _)| {
            let (private, public) = host_key_files(node);
            [key(&private, &private, 0o400), key(&public, &public, 0o400)]
        })
        .collect();
    [
        Volume {
            name: "host-keys".into(),
            secret: Some(SecretVolumeSource {
                secret_name: Some(secret_name(&spec.name)),
                items: Some(items),
                default_mode: None,
                optional: None,
            }),
            ..Volume::default()
        },
        Volume {
            name: "host-key".into(),
            empty_dir: Some(EmptyDirVolumeSource {
                medium: Some("Memory".into()),
                size_limit: Some(Quantity("1Mi".into())),
            }),
            ..Volume::default()
        },
    ]
}

/// The init container of a multi-node pod: the startup script's constant `host-key` mode,
/// which reads the pod's index from its environment (digits only) and copies that pod's pair
/// from `host-keys` to `host-key`. It gets no value a user chose, and little of the node.
fn host_key_init(spec: &Spec) -> Container {
    let amounts = |cpu: &str, memory: &str| {
        BTreeMap::from([
            ("cpu".to_string(), Quantity(cpu.into())),
            ("memory".to_string(), Quantity(memory.into())),
        ])
    };
    Container {
        name: HOST_KEY_CONTAINER.into(),
        image: Some(spec.image.clone()),
        command: Some(vec![
            "/bin/sh".into(),
            "/devctl/startup.sh".into(),
            "host-key".into(),
        ]),
        env: Some(vec![
            node_index_env(),
            env_var("DEVCTL_ALL_HOST_KEYS", ALL_HOST_KEYS_DIR),
            env_var("DEVCTL_HOST_KEY_DIR", HOST_KEY_DIR),
        ]),
        // Requests and limits both, so that a namespace's quota on either admits the pod.
        resources: Some(ResourceRequirements {
            requests: Some(amounts("10m", "16Mi")),
            limits: Some(amounts("100m", "64Mi")),
            ..ResourceRequirements::default()
        }),
        volume_mounts: Some(vec![
            mount("devctl", "/devctl", true),
            mount("host-keys", ALL_HOST_KEYS_DIR, true),
            mount("host-key", HOST_KEY_DIR, false),
        ]),
        ..Container::default()
    }
}

fn ssh_port(node_port: Option<u16>) -> ServicePort {
    ServicePort {
        name: Some(SSH_PORT_NAME.into()),
        port: SSH_PORT,
        target_port: Some(IntOrString::Int(SSH_PORT)),
        protocol: Some("TCP".into()),
        node_port: node_port.map(i32::from),
        ..ServicePort::default()
    }
}

/// The headless Service that gives the pod its DNS name `NAME-0.NAME.NS.svc`.
pub fn headless_service(spec: &Spec) -> Service {
    Service {
        metadata: meta(spec, spec.name.clone()),
        spec: Some(ServiceSpec {
            cluster_ip: Some("None".into()),
            selector: Some(selector(&spec.name)),
            ports: Some(vec![ssh_port(None)]),
            // The ranks of a multi-node devserver find each other before sshd is ready.
            publish_not_ready_addresses: (spec.nodes > 1).then_some(true),
            ..ServiceSpec::default()
        }),
        status: None,
    }
}

/// The NodePort Service, when SSH is exposed that way: SSH, and every `--port` (their node
/// ports chosen by the cluster).
pub fn nodeport_service(spec: &Spec) -> Option<Service> {
    let port = spec.node_port?;
    let mut ports = vec![ssh_port(port)];
    ports.extend(spec.ports.iter().map(|p| ServicePort {
        name: Some(format!("port-{p}")),
        port: i32::from(*p),
        target_port: Some(IntOrString::Int(i32::from(*p))),
        protocol: Some("TCP".into()),
        ..ServicePort::default()
    }));
    // A multi-node devserver publishes pod 0 alone: a node port spread over pods with keys of
    // their own would meet the wrong host key half the time.
    let mut selected = selector(&spec.name);
    if spec.nodes > 1 {
        selected.insert(POD_NAME_LABEL.into(), pod_name(&spec.name));
    }
    Some(Service {
        metadata: meta(spec, nodeport_name(&spec.name)),
        spec: Some(ServiceSpec {
            type_: Some("NodePort".into()),
            selector: Some(selected),
            ports: Some(ports),
            ..ServiceSpec::default()
        }),
        status: None,
    })
}

fn opaque(metadata: ObjectMeta, values: BTreeMap<String, String>) -> Secret {
    Secret {
        metadata,
        type_: Some("Opaque".into()),
        string_data: Some(values),
        ..Secret::default()
    }
}

/// Every pod's host key, pod 0's first.
fn host_keys(spec: &Spec) -> impl Iterator<Item = (u32, &HostKey)> {
    (0..).zip(std::iter::once(&spec.host_key).chain(&spec.node_host_keys))
}

/// What the devserver container sees of the Secret under `/devctl/ssh`: the users' keys, and
/// a single node's host key pair. A multi-node pod has its own pair from its init container
/// ([`host_key_init`]) and none of the others'.
fn ssh_items(spec: &Spec) -> Vec<KeyToPath> {
    let mut items = vec![key("authorized_keys", "ssh/authorized_keys", 0o400)];
    if spec.nodes <= 1 {
        let (private, public) = host_key_files(0);
        items.push(key(&private, &format!("ssh/{private}"), 0o400));
        items.push(key(&public, &format!("ssh/{public}"), 0o400));
    }
    items
}

/// The Secret with the users' public keys and the host key pairs.
pub fn secret(spec: &Spec) -> Secret {
    let mut keys = spec.authorized_keys.join("\n");
    keys.push('\n');
    let mut values = BTreeMap::from([("authorized_keys".to_string(), keys)]);
    for (node, host_key) in host_keys(spec) {
        let (private, public) = host_key_files(node);
        values.insert(private, host_key.private_openssh.clone());
        values.insert(public, host_key.public_openssh.clone());
    }
    opaque(meta(spec, secret_name(&spec.name)), values)
}

/// The Secret `NAME-env` with the `--env-file` values, when there are any.
pub fn env_secret(spec: &Spec) -> Option<Secret> {
    (!spec.secret_env.is_empty()).then(|| {
        opaque(
            meta(spec, env_secret_name(&spec.name)),
            spec.secret_env.iter().cloned().collect(),
        )
    })
}

/// The ConfigMap with the startup script, the sshd configuration and the motd.
pub fn configmap(spec: &Spec) -> ConfigMap {
    ConfigMap {
        metadata: meta(spec, configmap_name(&spec.name)),
        data: Some(BTreeMap::from([
            ("startup.sh".to_string(), spec.startup_script.clone()),
            ("sshd_config".to_string(), spec.sshd_config.clone()),
            ("motd".to_string(), spec.motd.clone()),
        ])),
        ..ConfigMap::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devserver::flavor;

    pub fn example() -> Spec {
        Spec {
            name: "alice-dev".into(),
            namespace: "dev".into(),
            owner: "alice@example.com".into(),
            flavor: flavor::builtin().remove(0),
            image: "ubuntu:22.04".into(),
            ttl: "8h".into(),
            expires_at: "2026-11-25T18:00:00Z".into(),
            authorized_keys: vec!["ssh-ed25519 AAAA alice".into()],
            host_key: HostKey {
                private_openssh: "-----BEGIN OPENSSH PRIVATE KEY-----\n...\n".into(),
                public_openssh: "ssh-ed25519 BBBB host\n".into(),
            },
            nodes: 1,
            node_host_keys: vec![],
            home: None,
            volumes: vec![],
            env: vec![],
            secret_env: vec![],
            ports: vec![],
            node_port: None,
            overrides: BTreeMap::new(),
            startup_script: "#!/bin/sh\n".into(),
            sshd_config: "Port 22\n".into(),
            motd: "hi\n".into(),
        }
    }

    #[test]
    fn every_object_carries_the_four_labels() {
        let spec = example();
        let want = labels("alice-dev", "alice@example.com");
        assert_eq!(want[OWNER], "alice_example.com");
        assert_eq!(statefulset(&spec).metadata.labels.as_ref(), Some(&want));
        assert_eq!(
            headless_service(&spec).metadata.labels.as_ref(),
            Some(&want)
        );
        assert_eq!(secret(&spec).metadata.labels.as_ref(), Some(&want));
        assert_eq!(configmap(&spec).metadata.labels.as_ref(), Some(&want));
    }

    #[test]
    fn the_statefulset_records_the_spec_in_annotations() {
        let set = statefulset(&example());
        let a = set.metadata.annotations.unwrap();
        assert_eq!(a["devserver.io/owner"], "alice@example.com");
        assert_eq!(a["devserver.io/flavor"], "cpu-small");
        assert_eq!(a["devserver.io/expires-at"], "2026-11-25T18:00:00Z");
        assert_eq!(a["devserver.io/host-key"], "ssh-ed25519 BBBB host");
        let pod = set.spec.unwrap().template.spec.unwrap();
        assert_eq!(pod.automount_service_account_token, Some(false));
        assert_eq!(pod.enable_service_links, Some(false));
        assert_eq!(pod.containers[0].name, "devserver");
        assert_eq!(
            pod.containers[0].command.as_ref().unwrap(),
            &["/bin/sh", "/devctl/startup.sh"]
        );
    }

    fn two_nodes() -> Spec {
        Spec {
            nodes: 2,
            node_host_keys: vec![HostKey {
                private_openssh: "-----BEGIN OPENSSH PRIVATE KEY-----\nONE\n".into(),
                public_openssh: "ssh-ed25519 CCCC host-1\n".into(),
            }],
            ..example()
        }
    }

    fn pod_env(set: &StatefulSet) -> Vec<EnvVar> {
        let pod = set.spec.clone().unwrap().template.spec.unwrap();
        pod.containers[0].env.clone().unwrap_or_default()
    }

    #[test]
    fn nodes_make_that_many_replicas_started_together() {
        let set = statefulset(&two_nodes()).spec.unwrap();
        assert_eq!(set.replicas, Some(2));
        assert_eq!(set.pod_management_policy.as_deref(), Some("Parallel"));
        let single = statefulset(&example()).spec.unwrap();
        assert_eq!(single.replicas, Some(1));
        assert_eq!(single.pod_management_policy, None);
    }

    #[test]
    fn nodes_are_recorded_with_a_pinned_host_key_per_pod() {
        let a = statefulset(&two_nodes()).metadata.annotations.unwrap();
        assert_eq!(a["devserver.io/nodes"], "2");
        assert_eq!(a["devserver.io/host-key"], "ssh-ed25519 BBBB host");
        assert_eq!(a["devserver.io/host-key-1"], "ssh-ed25519 CCCC host-1");
        let single = statefulset(&example()).metadata.annotations.unwrap();
        assert!(!single.contains_key("devserver.io/nodes"));
        assert!(
            !single
                .keys()
                .any(|k| k.starts_with("devserver.io/host-key-"))
        );
    }

    #[test]
    fn every_pods_host_key_pair_is_in_the_secret() {
        let spec = two_nodes();
        let values = secret(&spec).string_data.unwrap();
        let keys: Vec<&str> = values.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "authorized_keys",
                "ssh_host_ed25519_key",
                "ssh_host_ed25519_key-1",
                "ssh_host_ed25519_key-1.pub",
                "ssh_host_ed25519_key.pub"
            ]
        );
        assert!(values["ssh_host_ed25519_key-1"].contains("ONE"));
        assert_eq!(
            values["ssh_host_ed25519_key-1.pub"],
            "ssh-ed25519 CCCC host-1\n"
        );
        let redacted =
            serde_json::to_string(&build(&spec).redacted().to_values().unwrap()).unwrap();
        assert!(!redacted.contains("ONE"), "{redacted}");
    }

    fn pod_spec(spec: &Spec) -> PodSpec {
        statefulset(spec).spec.unwrap().template.spec.unwrap()
    }

    /// The Secret keys the volumes named `names` of `pod` give their containers.
    fn secret_keys_of(pod: &PodSpec, names: &[String]) -> Vec<String> {
        let mut keys = vec![];
        for volume in pod.volumes.iter().flatten() {
            if !names.contains(&volume.name) {
                continue;
            }
            let items = volume.secret.iter().flat_map(|s| s.items.iter().flatten());
            let projected = volume
                .projected
                .iter()
                .flat_map(|p| p.sources.iter().flatten())
                .flat_map(|s| s.secret.iter().flat_map(|s| s.items.iter().flatten()));
            keys.extend(items.chain(projected).map(|i| i.key.clone()));
            assert!(
                volume.secret.is_none() || volume.secret.as_ref().unwrap().items.is_some(),
                "a whole Secret mounted: {volume:?}"
            );
        }
        keys
    }

    fn mounted(container: &Container) -> Vec<String> {
        container
            .volume_mounts
            .iter()
            .flatten()
            .map(|m| m.name.clone())
            .collect()
    }

    #[test]
    fn a_pod_of_several_sees_no_private_host_key_in_its_devserver_container() {
        let pod = pod_spec(&two_nodes());
        let main = &pod.containers[0];
        assert_eq!(
            secret_keys_of(&pod, &mounted(main)),
            ["authorized_keys"],
            "only the users' keys from the Secret"
        );
        let mount = |c: &Container, name: &str| {
            c.volume_mounts
                .iter()
                .flatten()
                .find(|m| m.name == name)
                .cloned()
                .unwrap()
        };
        let own = mount(main, "host-key");
        assert_eq!(own.mount_path, "/devctl-host-key");
        assert_eq!(own.read_only, Some(true));
        assert!(
            !own.mount_path.starts_with("/devctl/"),
            "not nested in /devctl"
        );
        let env = main.env.clone().unwrap();
        let dir = env
            .iter()
            .find(|e| e.name == "DEVCTL_HOST_KEY_DIR")
            .unwrap();
        assert_eq!(dir.value.as_deref(), Some("/devctl-host-key"));
        let memory = pod
            .volumes
            .iter()
            .flatten()
            .find(|v| v.name == "host-key")
            .and_then(|v| v.empty_dir.clone())
            .unwrap();
        assert_eq!(memory.medium.as_deref(), Some("Memory"));
        assert_eq!(pod.automount_service_account_token, Some(false));
    }

    #[test]
    fn the_init_container_of_a_pod_of_several_gets_every_pair_and_copies_its_own() {
        let spec = two_nodes();
        let pod = pod_spec(&spec);
        let [init] = pod.init_containers.clone().unwrap().try_into().unwrap();
        assert_eq!(init.name, "host-key");
        assert_eq!(init.image.as_deref(), Some("ubuntu:22.04"));
        assert_eq!(
            init.command.clone().unwrap(),
            ["/bin/sh", "/devctl/startup.sh", "host-key"],
            "a constant command: the index comes from the environment"
        );
        assert!(init.args.is_none());
        let mut keys = secret_keys_of(&pod, &mounted(&init));
        keys.sort();
        assert_eq!(
            keys,
            [
                "authorized_keys",
                "ssh_host_ed25519_key",
                "ssh_host_ed25519_key-1",
                "ssh_host_ed25519_key-1.pub",
                "ssh_host_ed25519_key.pub"
            ]
        );
        let paths: Vec<(String, bool)> = init
            .volume_mounts
            .iter()
            .flatten()
            .map(|m| (m.mount_path.clone(), m.read_only == Some(true)))
            .collect();
        assert_eq!(
            paths,
            [
                ("/devctl".to_string(), true),
                ("/devctl-host-keys".to_string(), true),
                ("/devctl-host-key".to_string(), false),
            ]
        );
        let env = init.env.clone().unwrap();
        let index = env.iter().find(|e| e.name == NODE_INDEX_ENV).unwrap();
        assert_eq!(
            index
                .value_from
                .as_ref()
                .and_then(|f| f.field_ref.as_ref())
                .map(|f| f.field_path.as_str()),
            Some("metadata.labels['apps.kubernetes.io/pod-index']")
        );
        let res = init.resources.unwrap();
        assert_eq!(res.limits.unwrap()["memory"].0, "64Mi");
        assert!(
            init.env_from.is_none(),
            "no user values in the init container"
        );
    }

    #[test]
    fn a_single_node_has_its_host_key_under_devctl_and_no_init_container() {
        let pod = pod_spec(&example());
        assert!(pod.init_containers.is_none());
        let names: Vec<&str> = pod
            .volumes
            .iter()
            .flatten()
            .map(|v| v.name.as_str())
            .collect();
        assert_eq!(names, ["devctl"]);
        let projected = pod.volumes.unwrap()[0].projected.clone().unwrap();
        let items = projected.sources.unwrap()[1]
            .secret
            .clone()
            .unwrap()
            .items
            .unwrap();
        let paths: Vec<(&str, &str, Option<i32>)> = items
            .iter()
            .map(|i| (i.key.as_str(), i.path.as_str(), i.mode))
            .collect();
        assert_eq!(
            paths,
            [
                ("authorized_keys", "ssh/authorized_keys", Some(0o400)),
                (
                    "ssh_host_ed25519_key",
                    "ssh/ssh_host_ed25519_key",
                    Some(0o400)
                ),
                (
                    "ssh_host_ed25519_key.pub",
                    "ssh/ssh_host_ed25519_key.pub",
                    Some(0o400)
                ),
            ]
        );
    }

    #[test]
    fn every_pod_of_several_gets_its_index_and_the_rank_variables() {
        let env = pod_env(&statefulset(&two_nodes()));
        let plain = |name: &str| {
            env.iter()
                .find(|e| e.name == name)
                .and_then(|e| e.value.clone())
        };
        let from_label = |name: &str| {
            env.iter()
                .find(|e| e.name == name)
                .and_then(|e| e.value_from.as_ref())
                .and_then(|f| f.field_ref.as_ref())
                .map(|f| f.field_path.clone())
        };
        let index = Some("metadata.labels['apps.kubernetes.io/pod-index']".to_string());
        assert_eq!(from_label(NODE_INDEX_ENV), index);
        assert_eq!(from_label("RANK"), index);
        assert_eq!(from_label("NODE_RANK"), index);
        assert_eq!(plain("WORLD_SIZE").as_deref(), Some("2"));
        assert_eq!(plain("NNODES").as_deref(), Some("2"));
        assert_eq!(plain("MASTER_PORT").as_deref(), Some("29500"));
        assert_eq!(
            plain("MASTER_ADDR").as_deref(),
            Some("alice-dev-0.alice-dev.dev.svc")
        );
        let names: Vec<String> = pod_env(&statefulset(&example()))
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(
            names,
            ["DEVCTL_NAME", "DEVCTL_OWNER"],
            "a single node has none"
        );
    }

    #[test]
    fn a_users_env_comes_after_the_rank_variables_so_it_wins() {
        let spec = Spec {
            env: vec![("MASTER_PORT".into(), "1234".into())],
            ..two_nodes()
        };
        let env = pod_env(&statefulset(&spec));
        let last = env.iter().rev().find(|e| e.name == "MASTER_PORT").unwrap();
        assert_eq!(last.value.as_deref(), Some("1234"));
    }

    #[test]
    fn the_nodeport_of_several_nodes_publishes_pod_0_alone() {
        let spec = Spec {
            node_port: Some(None),
            ..two_nodes()
        };
        let selector = nodeport_service(&spec)
            .unwrap()
            .spec
            .unwrap()
            .selector
            .unwrap();
        assert_eq!(
            selector
                .get("statefulset.kubernetes.io/pod-name")
                .map(String::as_str),
            Some("alice-dev-0")
        );
        let single = nodeport_service(&Spec {
            node_port: Some(None),
            ..example()
        })
        .unwrap();
        assert_eq!(single.spec.unwrap().selector.unwrap().len(), 2);
    }

    #[test]
    fn the_headless_service_of_several_nodes_publishes_pods_before_they_are_ready() {
        let spec = headless_service(&two_nodes()).spec.unwrap();
        assert_eq!(spec.publish_not_ready_addresses, Some(true));
        let single = headless_service(&example()).spec.unwrap();
        assert_eq!(single.publish_not_ready_addresses, None);
    }

    #[test]
    fn home_makes_a_retained_claim_template() {
        let spec = Spec {
            home: Some("20Gi".into()),
            ..example()
        };
        let set = statefulset(&spec).spec.unwrap();
        let claim = &set.volume_claim_templates.unwrap()[0];
        assert_eq!(claim.metadata.name.as_deref(), Some("home"));
        let policy = set.persistent_volume_claim_retention_policy.unwrap();
        assert_eq!(policy.when_deleted.as_deref(), Some("Retain"));
    }

    #[test]
    fn overrides_replace_flavor_resources() {
        let mut spec = example();
        spec.overrides.insert("nvidia.com/gpu".into(), "1".into());
        spec.overrides.insert("cpu".into(), "3".into());
        let pod = statefulset(&spec).spec.unwrap().template.spec.unwrap();
        let res = pod.containers[0].resources.clone().unwrap();
        assert_eq!(res.limits.as_ref().unwrap()["nvidia.com/gpu"].0, "1");
        assert_eq!(res.requests.as_ref().unwrap()["cpu"].0, "3");
        assert_eq!(res.requests.unwrap()["memory"].0, "1Gi");
    }

    #[test]
    fn nodeport_only_when_asked() {
        assert!(nodeport_service(&example()).is_none());
        let svc = nodeport_service(&Spec {
            node_port: Some(Some(30022)),
            ..example()
        })
        .unwrap();
        assert_eq!(svc.metadata.name.as_deref(), Some("alice-dev-ssh"));
        assert_eq!(svc.spec.unwrap().ports.unwrap()[0].node_port, Some(30022));
        let with_ports = nodeport_service(&Spec {
            node_port: Some(None),
            ports: vec![8888],
            ..example()
        })
        .unwrap();
        let ports = with_ports.spec.unwrap().ports.unwrap();
        let published: Vec<(Option<&str>, i32, Option<IntOrString>)> = ports
            .iter()
            .map(|p| (p.name.as_deref(), p.port, p.target_port.clone()))
            .collect();
        assert_eq!(
            published,
            [
                (Some("ssh"), 22, Some(IntOrString::Int(22))),
                (Some("port-8888"), 8888, Some(IntOrString::Int(8888))),
            ],
            "--port is published too, each port named as the container names it"
        );
        let container = &statefulset(&Spec {
            ports: vec![8888],
            ..example()
        })
        .spec
        .unwrap()
        .template
        .spec
        .unwrap()
        .containers[0];
        let names: Vec<_> = container
            .ports
            .iter()
            .flatten()
            .map(|p| (p.name.as_deref(), p.container_port))
            .collect();
        assert_eq!(names, [(Some("ssh"), 22), (Some("port-8888"), 8888)]);
    }

    #[test]
    fn owner_labels_are_valid_label_values() {
        assert_eq!(
            owner_label("system:serviceaccount:ns:bot"),
            "system_serviceaccount_ns_bot"
        );
        assert_eq!(owner_label("@@@"), "unknown");
        assert_eq!(owner_label(&"a".repeat(100)).len(), 63);
    }

    #[test]
    fn env_file_values_live_in_a_secret_the_pod_reads_through_env_from() {
        let spec = Spec {
            env: vec![("PLAIN".into(), "visible".into())],
            secret_env: vec![("TOKEN".into(), "s3cr3t".into())],
            ..example()
        };
        let all = build(&spec);
        let secret = all.env_secret.as_ref().unwrap();
        assert_eq!(secret.metadata.name.as_deref(), Some("alice-dev-env"));
        assert_eq!(secret.string_data.as_ref().unwrap()["TOKEN"], "s3cr3t");
        let template = serde_json::to_string(&all.statefulset).unwrap();
        assert!(!template.contains("s3cr3t"), "{template}");
        assert!(template.contains("visible"));
        let container = &all
            .statefulset
            .spec
            .unwrap()
            .template
            .spec
            .unwrap()
            .containers[0];
        let from = container.env_from.as_ref().unwrap();
        assert_eq!(
            from[0].secret_ref.as_ref().map(|r| r.name.as_str()),
            Some("alice-dev-env")
        );
        assert!(build(&example()).env_secret.is_none());
    }

    #[test]
    fn redacted_manifests_hold_no_secret_value() {
        let spec = Spec {
            secret_env: vec![("TOKEN".into(), "s3cr3t".into())],
            ..example()
        };
        let printed = serde_json::to_string(&build(&spec).redacted().to_values().unwrap()).unwrap();
        assert!(!printed.contains("OPENSSH PRIVATE KEY"), "{printed}");
        assert!(!printed.contains("s3cr3t"), "{printed}");
        assert!(!printed.contains("ssh-ed25519 AAAA alice"), "{printed}");
        assert!(printed.contains(REDACTED));
        let shown = serde_json::to_string(&build(&spec).to_values().unwrap()).unwrap();
        assert!(shown.contains("OPENSSH PRIVATE KEY"));
    }

    #[test]
    fn everything_but_the_statefulset_is_owned_by_it() {
        let mut all = build(&Spec {
            node_port: Some(None),
            secret_env: vec![("A".into(), "1".into())],
            ..example()
        });
        all.owned_by(OwnerReference {
            api_version: "apps/v1".into(),
            kind: "StatefulSet".into(),
            name: "alice-dev".into(),
            uid: "u-1".into(),
            ..OwnerReference::default()
        });
        let owners = |m: &ObjectMeta| m.owner_references.clone().unwrap_or_default();
        for meta in [
            &all.headless_service.metadata,
            &all.ssh_secret.metadata,
            &all.configmap.metadata,
            &all.nodeport_service.as_ref().unwrap().metadata,
            &all.env_secret.as_ref().unwrap().metadata,
        ] {
            assert_eq!(owners(meta)[0].uid, "u-1", "{:?}", meta.name);
        }
        assert!(all.statefulset.metadata.owner_references.is_none());
    }

    #[test]
    fn printed_manifests_carry_api_version_and_kind() {
        let values = build(&example()).to_values().unwrap();
        let kinds: Vec<(&str, &str)> = values
            .iter()
            .map(|v| {
                (
                    v["apiVersion"].as_str().unwrap(),
                    v["kind"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            [
                ("apps/v1", "StatefulSet"),
                ("v1", "Service"),
                ("v1", "Secret"),
                ("v1", "ConfigMap")
            ]
        );
    }
}
