//! What a devserver should be. A [`Request`] holds what the user asked for (flags, a `-f`
//! file, settings), parsed and checked before any API call; [`Spec::resolve`] completes it
//! with what the cluster says (namespace, identity, flavors) into the [`Spec`] that the
//! manifests are built from. Pure: no I/O.

use std::collections::BTreeMap;

use k8s_openapi::jiff::{SignedDuration, Timestamp};

use super::flavor::{self, Flavor};
use super::owner::{self, OwnerSource};
use super::{duration, input};

pub const DEFAULT_IMAGE: &str = "ubuntu:22.04";
pub const DEFAULT_TTL: &str = "8h";
const STARTUP_SCRIPT: &str = include_str!("startup.sh");
const SSHD_CONFIG: &str = include_str!("sshd_config");
const MOTD: &str = include_str!("motd");

/// Everything that decides what a devserver looks like. Its `Debug` shows the keys of
/// `secret_env`, never their values.
#[derive(Clone)]
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
    /// Pod 0's host key.
    pub host_key: HostKey,
    /// `--nodes`: how many pods (1 or more).
    pub nodes: u32,
    /// The host keys of pods 1 to `nodes - 1`, in order: each pod has its own.
    pub node_host_keys: Vec<HostKey>,
    /// Size of a persistent home (`--home 20Gi`).
    pub home: Option<String>,
    pub volumes: Vec<VolumeMount>,
    /// `-e K=V`: plain in the pod template.
    pub env: Vec<(String, String)>,
    /// `--env-file`: in the Secret `NAME-env`, read by the pod through `envFrom`.
    pub secret_env: Vec<(String, String)>,
    pub ports: Vec<u16>,
    /// `--expose nodeport[:PORT]`: `Some(None)` lets the cluster pick SSH's node port.
    pub node_port: Option<Option<u16>>,
    /// `--cpu`, `--memory`, `--gpu` overrides: resource name -> quantity (requests = limits).
    pub overrides: BTreeMap<String, String>,
    pub startup_script: String,
    pub sshd_config: String,
    pub motd: String,
}

/// The devserver's SSH host key, generated on the client.
#[derive(Clone)]
pub struct HostKey {
    pub private_openssh: String,
    pub public_openssh: String,
}

impl std::fmt::Debug for HostKey {
    // A Debug print (a log, a panic message) must never show the private key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HostKey")
            .field("public_openssh", &self.public_openssh)
            .finish_non_exhaustive()
    }
}

/// `--volume CLAIM:/path[:ro]`: an existing claim mounted into the devserver.
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

/// What the user asked for, from flags, a `-f` file and the settings (flags first), each
/// value already parsed and checked. Its `Debug` shows the keys of `secret_env` only.
#[derive(Clone, Default)]
pub struct Request {
    pub name: Option<String>,
    /// The `-f` file's `metadata.namespace`.
    pub namespace: Option<String>,
    /// `--owner`, the file's `spec.owner`, `DEVCTL_OWNER` or the config file.
    pub owner: Option<String>,
    pub flavor: Option<String>,
    pub image: Option<String>,
    pub ttl: Option<String>,
    /// Where `ttl` comes from, as errors name it (`--ttl`, `DEVCTL_TTL`, ...).
    pub ttl_from: &'static str,
    pub keys: Vec<String>,
    pub home: Option<String>,
    /// `--no-home`: not even the flavor's homeSize.
    pub no_home: bool,
    pub volumes: Vec<VolumeMount>,
    pub env: Vec<(String, String)>,
    pub secret_env: Vec<(String, String)>,
    pub overrides: BTreeMap<String, String>,
    /// A `--gpu` resource outside the known list: the nodes must advertise it.
    pub unknown_gpu: Option<String>,
    pub node_port: Option<Option<u16>>,
    pub ports: Vec<u16>,
    /// `--nodes`; 0 (the default of an empty request) means 1.
    pub nodes: u32,
}

/// The keys of env-file values, for `Debug` output that must not show the values.
struct Keys<'a>(&'a [(String, String)]);

impl std::fmt::Debug for Keys<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|(k, _)| format!("{k}=<redacted>")))
            .finish()
    }
}

impl std::fmt::Debug for Spec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Spec")
            .field("name", &self.name)
            .field("namespace", &self.namespace)
            .field("owner", &self.owner)
            .field("flavor", &self.flavor.name)
            .field("image", &self.image)
            .field("ttl", &self.ttl)
            .field("expires_at", &self.expires_at)
            .field("host_key", &self.host_key)
            .field("nodes", &self.nodes)
            .field("node_host_keys", &self.node_host_keys)
            .field("home", &self.home)
            .field("volumes", &self.volumes)
            .field("env", &self.env)
            .field("secret_env", &Keys(&self.secret_env))
            .field("ports", &self.ports)
            .field("node_port", &self.node_port)
            .field("overrides", &self.overrides)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("name", &self.name)
            .field("namespace", &self.namespace)
            .field("owner", &self.owner)
            .field("flavor", &self.flavor)
            .field("image", &self.image)
            .field("ttl", &self.ttl)
            .field("home", &self.home)
            .field("volumes", &self.volumes)
            .field("env", &self.env)
            .field("secret_env", &Keys(&self.secret_env))
            .field("ports", &self.ports)
            .finish_non_exhaustive()
    }
}

/// What the cluster (or, with `--offline`, this machine) says that the spec depends on.
#[derive(Debug, Clone)]
pub struct Facts {
    pub namespace: String,
    /// Who the cluster says the user is; `None` offline or on servers that cannot say.
    pub identity: Option<String>,
    pub local_user: Option<String>,
    pub flavors: Vec<Flavor>,
    pub now: Timestamp,
}

/// Why a request cannot become a spec; all of them are the user's to fix.
#[derive(Debug, thiserror::Error)]
pub enum SpecError {
    #[error("{0}")]
    Flavor(String),
    #[error("{0}")]
    Name(String),
    #[error("--ttl {0}: {1}")]
    Ttl(String, String),
    /// The flavor's maxTtl is shorter than the time to live asked for: where it was asked,
    /// the ttl, why, and the cap.
    #[error("{0} {1}: {2}")]
    MaxTtl(&'static str, String, String, String),
    #[error("cannot make a host key: {0}")]
    HostKey(String),
}

impl Spec {
    /// The spec of the devserver `request` asks for. `host_key` makes a key pair for the
    /// final name, and one for each further pod's name `NAME-I` (randomness is the caller's).
    pub fn resolve(
        request: &Request,
        facts: &Facts,
        mut host_key: impl FnMut(&str) -> Result<HostKey, String>,
    ) -> Result<(Spec, OwnerSource), SpecError> {
        let (owner, owner_source) = owner::resolve(
            request.owner.as_deref(),
            facts.identity.as_deref(),
            facts.local_user.as_deref(),
        );
        let name = match &request.name {
            Some(name) => name.clone(),
            None => input::default_name(&owner),
        };
        input::check_name(&name).map_err(SpecError::Name)?;
        let flavor = flavor::choose(&facts.flavors, request.flavor.as_deref())
            .map_err(SpecError::Flavor)?
            .clone();
        let cap = flavor::max_ttl(&flavor).map_err(SpecError::Flavor)?;
        // A ttl nobody asked for (the flavor's, the built-in) is held to the cap; one asked
        // for is refused above it.
        let (ttl, asked) = match &request.ttl {
            Some(ttl) => (ttl.clone(), true),
            None => (
                flavor.ttl.clone().unwrap_or_else(|| DEFAULT_TTL.into()),
                false,
            ),
        };
        let ttl_error = |e: String| SpecError::Ttl(ttl.clone(), e);
        let mut lifetime = duration::parse(&ttl).map_err(ttl_error)?;
        let mut ttl = ttl.clone();
        if let Some((cap_text, cap)) = cap.filter(|(_, cap)| lifetime > *cap) {
            if asked {
                let why = format!(
                    "flavor {:?} allows a time to live of at most {cap_text}",
                    flavor.name
                );
                return Err(SpecError::MaxTtl(request.ttl_from, ttl, why, cap_text));
            }
            (ttl, lifetime) = (cap_text, cap);
        }
        let ttl_error = |e: String| SpecError::Ttl(ttl.clone(), e);
        let expires = i64::try_from(lifetime.as_secs())
            .ok()
            .and_then(|secs| facts.now.checked_add(SignedDuration::from_secs(secs)).ok())
            .ok_or_else(|| ttl_error("the expiry would be out of range".into()))?;
        let image = request
            .image
            .clone()
            .or_else(|| flavor.image.clone())
            .unwrap_or_else(|| DEFAULT_IMAGE.into());
        let home = match request.no_home {
            true => None,
            false => request.home.clone().or_else(|| flavor.home_size.clone()),
        };
        let nodes = request.nodes.max(1);
        let pod0_key = host_key(&name).map_err(SpecError::HostKey)?;
        let node_host_keys = (1..nodes)
            .map(|i| host_key(&format!("{name}-{i}")).map_err(SpecError::HostKey))
            .collect::<Result<Vec<_>, _>>()?;
        let spec = Spec {
            namespace: facts.namespace.clone(),
            owner,
            flavor,
            image,
            ttl,
            expires_at: expires.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            authorized_keys: request.keys.clone(),
            host_key: pod0_key,
            nodes,
            node_host_keys,
            home,
            volumes: request.volumes.clone(),
            env: request.env.clone(),
            secret_env: request.secret_env.clone(),
            ports: request.ports.clone(),
            node_port: request.node_port,
            overrides: request.overrides.clone(),
            startup_script: STARTUP_SCRIPT.into(),
            sshd_config: SSHD_CONFIG.into(),
            motd: MOTD.into(),
            name,
        };
        Ok((spec, owner_source))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        Facts {
            namespace: "dev".into(),
            identity: Some("alice@example.com".into()),
            local_user: Some("root".into()),
            flavors: flavor::builtin(),
            now: "2026-11-25T10:00:00Z".parse().unwrap(),
        }
    }

    fn key(_: &str) -> Result<HostKey, String> {
        Ok(HostKey {
            private_openssh: "PRIVATE".into(),
            public_openssh: "ssh-ed25519 BBBB host\n".into(),
        })
    }

    #[test]
    fn the_owner_comes_from_the_cluster_unless_configured_and_names_the_devserver() {
        let (spec, source) = Spec::resolve(&Request::default(), &facts(), key).unwrap();
        assert_eq!(
            (spec.owner.as_str(), spec.name.as_str()),
            ("alice@example.com", "alice-dev")
        );
        assert_eq!(source, OwnerSource::Cluster);
        let configured = Request {
            owner: Some("ci@corp".into()),
            ..Request::default()
        };
        let (spec, source) = Spec::resolve(&configured, &facts(), key).unwrap();
        assert_eq!(
            (spec.owner.as_str(), source),
            ("ci@corp", OwnerSource::Configured)
        );
    }

    #[test]
    fn expiry_is_now_plus_the_ttl_and_an_overflow_is_refused() {
        let request = Request {
            ttl: Some("2h".into()),
            ..Request::default()
        };
        let (spec, _) = Spec::resolve(&request, &facts(), key).unwrap();
        assert_eq!(spec.expires_at, "2026-11-25T12:00:00Z");
        let huge = Request {
            ttl: Some(format!("{}d", u64::MAX / 86_400 / 2)),
            ..Request::default()
        };
        assert!(matches!(
            Spec::resolve(&huge, &facts(), key),
            Err(SpecError::Ttl(..))
        ));
    }

    #[test]
    fn the_image_is_the_users_then_the_flavors_then_the_default() {
        let mut f = facts();
        f.flavors[0].image = Some("flavored:1".into());
        let (spec, _) = Spec::resolve(&Request::default(), &f, key).unwrap();
        assert_eq!(spec.image, "flavored:1");
        let asked = Request {
            image: Some("mine:2".into()),
            ..Request::default()
        };
        assert_eq!(Spec::resolve(&asked, &f, key).unwrap().0.image, "mine:2");
        assert_eq!(
            Spec::resolve(&Request::default(), &facts(), key)
                .unwrap()
                .0
                .image,
            DEFAULT_IMAGE
        );
    }

    #[test]
    fn the_ttl_and_home_are_the_users_then_the_flavors_and_max_ttl_caps_both() {
        let mut f = facts();
        f.flavors[0].ttl = Some("1h".into());
        f.flavors[0].home_size = Some("20Gi".into());
        f.flavors[0].max_ttl = Some("1d".into());
        let (spec, _) = Spec::resolve(&Request::default(), &f, key).unwrap();
        assert_eq!(
            (spec.ttl.as_str(), spec.home.as_deref()),
            ("1h", Some("20Gi"))
        );
        let asked = Request {
            ttl: Some("12h".into()),
            home: Some("5Gi".into()),
            ..Request::default()
        };
        let (spec, _) = Spec::resolve(&asked, &f, key).unwrap();
        assert_eq!(
            (spec.ttl.as_str(), spec.home.as_deref()),
            ("12h", Some("5Gi"))
        );
        let too_long = Request {
            ttl: Some("2d".into()),
            ttl_from: "DEVCTL_TTL",
            ..Request::default()
        };
        let err = Spec::resolve(&too_long, &f, key).unwrap_err();
        assert_eq!(
            err.to_string(),
            "DEVCTL_TTL 2d: flavor \"cpu-small\" allows a time to live of at most 1d"
        );
    }

    #[test]
    fn a_ttl_nobody_asked_for_is_held_to_the_flavors_cap() {
        let mut f = facts();
        f.flavors[0].max_ttl = Some("4h".into());
        let (spec, _) = Spec::resolve(&Request::default(), &f, key).unwrap();
        assert_eq!(spec.ttl, "4h", "the built-in 8h is capped");
        f.flavors[0].ttl = Some("2d".into());
        let (spec, _) = Spec::resolve(&Request::default(), &f, key).unwrap();
        assert_eq!(spec.ttl, "4h", "the flavor's own ttl is capped too");
        assert_eq!(spec.expires_at, "2026-11-25T14:00:00Z");
    }

    #[test]
    fn an_unknown_flavor_is_refused() {
        let request = Request {
            flavor: Some("huge".into()),
            ..Request::default()
        };
        assert!(matches!(
            Spec::resolve(&request, &facts(), key),
            Err(SpecError::Flavor(_))
        ));
    }

    #[test]
    fn debug_output_never_shows_the_host_key_or_env_file_values() {
        let request = Request {
            secret_env: vec![("TOKEN".into(), "s3cr3t".into())],
            ..Request::default()
        };
        let (spec, _) = Spec::resolve(&request, &facts(), key).unwrap();
        for shown in [format!("{spec:?}"), format!("{request:?}")] {
            assert!(!shown.contains("PRIVATE"), "{shown}");
            assert!(!shown.contains("s3cr3t"), "{shown}");
            assert!(shown.contains("TOKEN"), "{shown}");
        }
        let manifests = format!("{:?}", crate::devserver::manifests::build(&spec));
        assert!(!manifests.contains("PRIVATE"), "{manifests}");
        assert!(!manifests.contains("s3cr3t"), "{manifests}");
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
}
