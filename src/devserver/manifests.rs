//! The objects one devserver is made of (DESIGN §1), built from a [`Spec`] without any I/O.
//! `create` sends them, `create --dry-run` prints them, and the schema tests validate them.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{ConfigMap, Secret, Service};
use serde_json::{Value, json};

use super::flavor::Flavor;

pub const MANAGED_BY: &str = "app.kubernetes.io/managed-by";
pub const NAME_LABEL: &str = "app.kubernetes.io/name";
pub const INSTANCE: &str = "app.kubernetes.io/instance";
pub const OWNER: &str = "devserver.io/owner";
pub const SSH_PORT: i32 = 22;

/// Everything that decides what a devserver looks like.
#[derive(Debug, Clone)]
pub struct Spec {
    pub name: String,
    pub namespace: String,
    /// As the user or the cluster named them (an e-mail, a ServiceAccount).
    pub owner: String,
    pub flavor: Flavor,
    pub image: String,
    pub ttl: String,
    /// RFC 3339, UTC.
    pub expires_at: String,
    pub authorized_keys: Vec<String>,
    pub host_key: HostKey,
    /// Size of a persistent home (`--home 20Gi`).
    pub home: Option<String>,
    pub volumes: Vec<VolumeMount>,
    pub env: Vec<(String, String)>,
    pub ports: Vec<u16>,
    /// `--expose-ssh nodeport[:PORT]`: `Some(None)` lets the cluster pick the port.
    pub node_port: Option<Option<u16>>,
    /// `--cpu`, `--memory`, `--gpu` overrides: resource name -> quantity (requests = limits).
    pub overrides: BTreeMap<String, String>,
    pub startup_script: String,
    pub sshd_config: String,
    pub motd: String,
}

/// The devserver's SSH host key, generated on the client.
#[derive(Debug, Clone)]
pub struct HostKey {
    pub private_openssh: String,
    pub public_openssh: String,
}

/// `-v CLAIM:/path[:ro]`: an existing claim mounted into the devserver.
#[derive(Debug, Clone, PartialEq)]
pub struct VolumeMount {
    pub claim: String,
    pub path: String,
    pub read_only: bool,
}

impl VolumeMount {
    pub fn parse(text: &str) -> Result<VolumeMount, String> {
        let bad = || format!("invalid volume {text:?}: expected CLAIM:/path or CLAIM:/path:ro");
        let mut parts = text.split(':');
        let claim = parts.next().filter(|c| !c.is_empty()).ok_or_else(bad)?;
        let path = parts
            .next()
            .filter(|p| p.starts_with('/'))
            .ok_or_else(bad)?;
        let read_only = match parts.next() {
            None => false,
            Some("ro") => true,
            Some("rw") => false,
            Some(_) => return Err(bad()),
        };
        if parts.next().is_some() || path.contains("..") {
            return Err(bad());
        }
        super::names::check_label("claim name", claim, 253)
            .map_err(|e| format!("{bad}: {e}", bad = bad()))?;
        Ok(VolumeMount {
            claim: claim.into(),
            path: path.into(),
            read_only,
        })
    }
}

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

fn meta(spec: &Spec, name: &str) -> Value {
    json!({ "name": name, "namespace": spec.namespace, "labels": labels(&spec.name, &spec.owner) })
}

fn typed<T: serde::de::DeserializeOwned>(value: Value) -> T {
    // The values above are built from typed parts; a failure is a bug in this file.
    serde_json::from_value(value)
        .unwrap_or_else(|e| panic!("devctl built an invalid manifest: {e}"))
}

pub fn secret_name(name: &str) -> String {
    format!("{name}-ssh")
}

pub fn configmap_name(name: &str) -> String {
    format!("{name}-init")
}

pub fn nodeport_name(name: &str) -> String {
    format!("{name}-ssh")
}

/// The StatefulSet: the record of the devserver; its annotations hold the spec.
pub fn statefulset(spec: &Spec) -> StatefulSet {
    let selector = json!({ INSTANCE: spec.name, NAME_LABEL: "devserver" });
    let mut requests = spec.flavor.resources.requests.clone();
    let mut limits = spec.flavor.resources.limits.clone();
    for (resource, quantity) in &spec.overrides {
        requests.insert(resource.clone(), quantity.clone());
        limits.insert(resource.clone(), quantity.clone());
    }
    let mut ports = vec![json!({ "name": "ssh", "containerPort": SSH_PORT, "protocol": "TCP" })];
    ports.extend(
        spec.ports
            .iter()
            .map(|p| json!({ "name": format!("port-{p}"), "containerPort": p, "protocol": "TCP" })),
    );
    let mut mounts = vec![json!({ "name": "devctl", "mountPath": "/devctl", "readOnly": true })];
    let mut volumes = vec![json!({
        // One projected volume gives /devctl (0555) and /devctl/ssh (0400) without a mount
        // nested inside a read-only configMap volume, which container runtimes refuse.
        "name": "devctl",
        "projected": { "sources": [
            { "configMap": { "name": configmap_name(&spec.name), "items": [
                { "key": "startup.sh", "path": "startup.sh", "mode": 0o555 },
                { "key": "sshd_config", "path": "sshd_config", "mode": 0o444 },
                { "key": "motd", "path": "motd", "mode": 0o444 },
            ] } },
            { "secret": { "name": secret_name(&spec.name), "items": [
                { "key": "authorized_keys", "path": "ssh/authorized_keys", "mode": 0o400 },
                { "key": "ssh_host_ed25519_key", "path": "ssh/ssh_host_ed25519_key", "mode": 0o400 },
                { "key": "ssh_host_ed25519_key.pub", "path": "ssh/ssh_host_ed25519_key.pub", "mode": 0o400 },
            ] } },
        ] }
    })];
    if spec.home.is_some() {
        mounts.push(json!({ "name": "home", "mountPath": "/home" }));
    }
    for (i, v) in spec.volumes.iter().enumerate() {
        let name = format!("vol-{i}");
        mounts.push(json!({ "name": name, "mountPath": v.path, "readOnly": v.read_only }));
        volumes.push(json!({ "name": name, "persistentVolumeClaim": { "claimName": v.claim, "readOnly": v.read_only } }));
    }
    let mut env = vec![
        json!({ "name": "DEVCTL_NAME", "value": spec.name }),
        json!({ "name": "DEVCTL_OWNER", "value": spec.owner }),
    ];
    env.extend(
        spec.env
            .iter()
            .map(|(k, v)| json!({ "name": k, "value": v })),
    );
    let annotations = json!({
        "devserver.io/owner": spec.owner,
        "devserver.io/flavor": spec.flavor.name,
        "devserver.io/image": spec.image,
        "devserver.io/ttl": spec.ttl,
        "devserver.io/expires-at": spec.expires_at,
        "devserver.io/host-key": spec.host_key.public_openssh.trim(),
        "devserver.io/created-by": format!("devctl {}", env!("CARGO_PKG_VERSION")),
    });
    let mut set = json!({
        "apiVersion": "apps/v1",
        "kind": "StatefulSet",
        "metadata": meta(spec, &spec.name),
        "spec": {
            "replicas": 1,
            "serviceName": spec.name,
            "selector": { "matchLabels": selector },
            "template": {
                "metadata": { "labels": labels(&spec.name, &spec.owner) },
                "spec": {
                    "automountServiceAccountToken": false,
                    "enableServiceLinks": false,
                    "terminationGracePeriodSeconds": 10,
                    "containers": [{
                        "name": "devserver",
                        "image": spec.image,
                        "command": ["/bin/sh", "/devctl/startup.sh"],
                        "ports": ports,
                        "env": env,
                        "resources": { "requests": requests, "limits": limits },
                        "readinessProbe": { "tcpSocket": { "port": SSH_PORT }, "periodSeconds": 2 },
                        "volumeMounts": mounts,
                    }],
                    "volumes": volumes,
                }
            }
        }
    });
    set["metadata"]["annotations"] = annotations;
    if !spec.flavor.node_selector.is_empty() {
        set["spec"]["template"]["spec"]["nodeSelector"] = json!(spec.flavor.node_selector);
    }
    if !spec.flavor.tolerations.is_empty() {
        set["spec"]["template"]["spec"]["tolerations"] = json!(spec.flavor.tolerations);
    }
    if let Some(size) = &spec.home {
        set["spec"]["volumeClaimTemplates"] = json!([{
            "apiVersion": "v1",
            "kind": "PersistentVolumeClaim",
            "metadata": { "name": "home", "labels": labels(&spec.name, &spec.owner) },
            "spec": { "accessModes": ["ReadWriteOnce"], "resources": { "requests": { "storage": size } } }
        }]);
        // Data in a home volume is never deleted without --purge.
        set["spec"]["persistentVolumeClaimRetentionPolicy"] =
            json!({ "whenDeleted": "Retain", "whenScaled": "Retain" });
    }
    typed(set)
}

/// The headless Service that gives the pod its DNS name `NAME-0.NAME.NS.svc`.
pub fn headless_service(spec: &Spec) -> Service {
    typed(json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": meta(spec, &spec.name),
        "spec": {
            "clusterIP": "None",
            "selector": { INSTANCE: spec.name, NAME_LABEL: "devserver" },
            "ports": [{ "name": "ssh", "port": SSH_PORT, "targetPort": SSH_PORT, "protocol": "TCP" }],
        }
    }))
}

/// The NodePort Service, when SSH is exposed that way.
pub fn nodeport_service(spec: &Spec) -> Option<Service> {
    let port = spec.node_port?;
    let mut ports =
        json!({ "name": "ssh", "port": SSH_PORT, "targetPort": SSH_PORT, "protocol": "TCP" });
    if let Some(p) = port {
        ports["nodePort"] = json!(p);
    }
    Some(typed(json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": meta(spec, &nodeport_name(&spec.name)),
        "spec": {
            "type": "NodePort",
            "selector": { INSTANCE: spec.name, NAME_LABEL: "devserver" },
            "ports": [ports],
        }
    })))
}

/// The Secret with the users' public keys and the host key pair.
pub fn secret(spec: &Spec) -> Secret {
    let mut keys = spec.authorized_keys.join("\n");
    keys.push('\n');
    typed(json!({
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": meta(spec, &secret_name(&spec.name)),
        "type": "Opaque",
        "stringData": {
            "authorized_keys": keys,
            "ssh_host_ed25519_key": spec.host_key.private_openssh,
            "ssh_host_ed25519_key.pub": spec.host_key.public_openssh,
        }
    }))
}

/// The ConfigMap with the startup script, the sshd configuration and the motd.
pub fn configmap(spec: &Spec) -> ConfigMap {
    typed(json!({
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": meta(spec, &configmap_name(&spec.name)),
        "data": {
            "startup.sh": spec.startup_script,
            "sshd_config": spec.sshd_config,
            "motd": spec.motd,
        }
    }))
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
            home: None,
            volumes: vec![],
            env: vec![],
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
    }

    #[test]
    fn volume_specs() {
        assert_eq!(
            VolumeMount::parse("data:/data:ro"),
            Ok(VolumeMount {
                claim: "data".into(),
                path: "/data".into(),
                read_only: true
            })
        );
        assert!(VolumeMount::parse("data:/data").is_ok());
        for bad in [
            "",
            "data",
            "data:rel",
            ":/x",
            "data:/x:rx",
            "data:/x:ro:extra",
            "Data:/x",
            "d:/../etc",
        ] {
            assert!(VolumeMount::parse(bad).is_err(), "{bad:?}");
        }
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
}
