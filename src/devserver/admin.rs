//! What `devctl admin` puts in a cluster, by name, and the two ClusterRoles that devserver
//! users are bound to, generated from the one permissions table. Pure: no I/O.

use std::collections::BTreeMap;

use k8s_openapi::api::rbac::v1::ClusterRole;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use crate::cluster::permissions::{self, Rule, Scope};

/// The field manager of every server-side apply that `admin` makes.
pub const FIELD_MANAGER: &str = "devctl";
/// Where the reaper's CronJob and ServiceAccount live.
pub const SYSTEM_NAMESPACE: &str = "devctl-system";
/// What a user's RoleBinding in `dev-USER` grants: every namespaced call of devctl's user
/// commands.
pub const USER_ROLE: &str = "devctl-user";
/// What a user's ClusterRoleBinding grants: the cluster-scoped reads (flavors, nodes).
pub const USER_CLUSTER_ROLE: &str = "devctl-user-cluster";
/// The reaper's CronJob, ServiceAccount, ClusterRole and ClusterRoleBinding.
pub const REAPER: &str = "devctl-reaper";
/// The ResourceQuota and the LimitRange in a user's namespace.
pub const QUOTA: &str = "devctl-quota";
pub const LIMITS: &str = "devctl-limits";
/// On a user's namespace: the user's name.
pub const USER_LABEL: &str = "devserver.io/user";
/// On what `admin install` made: the part of devctl it belongs to.
pub const COMPONENT_LABEL: &str = "app.kubernetes.io/component";

/// The namespace of `user`.
pub fn user_namespace(user: &str) -> String {
    format!("dev-{user}")
}

/// The labels of what `admin` makes: managed by devctl, and which part.
pub fn labels(component: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (
            super::manifests::MANAGED_BY.to_string(),
            "devctl".to_string(),
        ),
        (COMPONENT_LABEL.to_string(), component.to_string()),
    ])
}

/// Every rule of the user commands in `scope`, the ones every user has anyway left out.
fn user_rules(scope: Scope) -> Vec<Rule> {
    permissions::union()
        .into_iter()
        .map(|p| p.rule)
        .filter(|r| r.scope == scope && !r.everyone)
        .collect()
}

fn cluster_role(name: &str, rules: &[Rule]) -> ClusterRole {
    let (namespaced, cluster) = permissions::policy_rules(rules);
    ClusterRole {
        metadata: ObjectMeta {
            name: Some(name.into()),
            labels: Some(labels("rbac")),
            ..ObjectMeta::default()
        },
        rules: Some(namespaced.into_iter().chain(cluster).collect()),
        ..ClusterRole::default()
    }
}

/// `devctl-user`: bound by a RoleBinding in each user's namespace, it grants there exactly
/// the namespaced calls of the user commands (optional ones included, so that every feature
/// works) and nothing in other namespaces. It reads no Secret.
pub fn user_role() -> ClusterRole {
    cluster_role(USER_ROLE, &user_rules(Scope::Namespace))
}

/// `devctl-user-cluster`: bound per user by a ClusterRoleBinding, the cluster-scoped reads
/// (the flavors, the nodes). The every-namespace rules (`-A`) are left to admins.
pub fn user_cluster_role() -> ClusterRole {
    cluster_role(USER_CLUSTER_ROLE, &user_rules(Scope::Cluster))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grants(role: &ClusterRole) -> Vec<String> {
        let mut all = Vec::new();
        for rule in role.rules.iter().flatten() {
            for resource in rule.resources.iter().flatten() {
                for verb in &rule.verbs {
                    all.push(format!("{verb} {resource}"));
                }
            }
        }
        all
    }

    #[test]
    fn the_user_role_grants_the_namespaced_calls_and_reads_no_secret() {
        let role = grants(&user_role());
        for want in [
            "create statefulsets",
            "get pods/exec",
            "create pods/portforward",
        ] {
            assert!(role.contains(&want.to_string()), "{want} missing: {role:?}");
        }
        for never in ["get secrets", "list secrets", "watch secrets", "list nodes"] {
            assert!(!role.contains(&never.to_string()), "{never}: {role:?}");
        }
    }

    #[test]
    fn the_user_cluster_role_reads_flavors_and_nodes_only() {
        let role = grants(&user_cluster_role());
        assert!(
            role.contains(&"list devserverflavors".to_string()),
            "{role:?}"
        );
        assert!(role.contains(&"list nodes".to_string()), "{role:?}");
        assert!(
            role.iter()
                .all(|g| g.ends_with(" nodes") || g.ends_with(" devserverflavors")),
            "{role:?}"
        );
    }
}
