//! Who owns a devserver, decided in one place for every command: the configured owner
//! (`--owner`, `DEVCTL_OWNER`, the config file) first, then who the cluster says the user is,
//! then the local `$USER`.

use serde::Serialize;

/// Where the owner came from, for `--offline` and `-v` messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OwnerSource {
    /// `--owner`, `DEVCTL_OWNER`, the config file, or a `-f` file's `spec.owner`.
    Configured,
    /// The cluster's SelfSubjectReview.
    Cluster,
    /// `$USER` on this machine.
    LocalUser,
    /// Nothing said who: a placeholder.
    Unknown,
}

impl OwnerSource {
    pub fn describe(self) -> &'static str {
        match self {
            OwnerSource::Configured => "as configured",
            OwnerSource::Cluster => "who the cluster says you are",
            OwnerSource::LocalUser => "$USER on this machine",
            OwnerSource::Unknown => "nobody said who you are",
        }
    }
}

/// The owner, by precedence. Empty values do not count.
pub fn resolve(
    configured: Option<&str>,
    cluster_identity: Option<&str>,
    local_user: Option<&str>,
) -> (String, OwnerSource) {
    let given = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(String::from);
    if let Some(owner) = given(configured) {
        (owner, OwnerSource::Configured)
    } else if let Some(owner) = given(cluster_identity) {
        (owner, OwnerSource::Cluster)
    } else if let Some(owner) = given(local_user) {
        (owner, OwnerSource::LocalUser)
    } else {
        ("dev".to_string(), OwnerSource::Unknown)
    }
}

/// `$USER` of this process, if set.
pub fn local_user() -> Option<String> {
    std::env::var("USER").ok().filter(|u| !u.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_beats_the_cluster_which_beats_the_local_user() {
        assert_eq!(
            resolve(Some("ci@corp"), Some("alice"), Some("root")),
            ("ci@corp".to_string(), OwnerSource::Configured)
        );
        assert_eq!(
            resolve(None, Some("alice"), Some("root")),
            ("alice".to_string(), OwnerSource::Cluster)
        );
        assert_eq!(
            resolve(Some(" "), Some(""), Some("root")),
            ("root".to_string(), OwnerSource::LocalUser)
        );
        assert_eq!(resolve(None, None, None).1, OwnerSource::Unknown);
    }
}
