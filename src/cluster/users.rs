//! Cluster calls of `devctl admin user`: whether `admin install` made the ClusterRoles, what
//! a user has already, applying a user's objects server-side (and deleting what a failed
//! first add made), the kubeconfig's token, and reading users back for `list` and `remove`.

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::authentication::v1::{TokenRequest, TokenRequestSpec};
use k8s_openapi::api::core::v1::{
    LimitRange, Namespace, PersistentVolumeClaim, ResourceQuota, ServiceAccount,
};
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding, RoleBinding};
use k8s_openapi::jiff::Timestamp;
use kube::api::{Api, ListParams, PostParams};

use super::{Cluster, Origin};
use crate::cli::GlobalArgs;
use crate::devserver::admin::{self, QUOTA, USER_CLUSTER_ROLE, USER_LABEL, USER_ROLE};
use crate::devserver::users::{self, Server, UserObjects};
use crate::error::{Error, Kind, Result};
use crate::settings::Settings;

/// Refuses (and makes nothing) unless `admin install` made the two ClusterRoles that a
/// user's bindings name: a binding to a missing role grants nothing, silently.
pub async fn check_installed(cluster: &Cluster) -> Result<()> {
    let roles = Api::<ClusterRole>::all(cluster.client.clone());
    let (user, user_cluster) =
        tokio::try_join!(roles.get_opt(USER_ROLE), roles.get_opt(USER_CLUSTER_ROLE))
            .map_err(|e| cluster.error(e))?;
    let missing: Vec<&str> = [
        (USER_ROLE, user.is_none()),
        (USER_CLUSTER_ROLE, user_cluster.is_none()),
    ]
    .into_iter()
    .filter(|(_, gone)| *gone)
    .map(|(name, _)| name)
    .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let what = match missing.as_slice() {
        [one] => format!("the ClusterRole {one} is missing"),
        _ => format!("the ClusterRoles {} are missing", missing.join(" and ")),
    };
    Err(Error::new(
        Kind::NotFound,
        format!("{what}: run devctl admin install first; no user was made"),
    )
    .hint(
        "devctl admin install makes devctl-user and devctl-user-cluster, which users are bound to",
    ))
}

/// What of `user` exists before an add: the namespace, the ClusterRoleBinding and the quota
/// (whose limits a second add keeps).
#[derive(Debug, Default)]
pub struct Existing {
    pub namespace: bool,
    pub cluster_binding: bool,
    pub quota: Option<ResourceQuota>,
}

/// Reads, concurrently, what [`Existing`] holds; a namespace of that name that devctl did
/// not make for this user is refused.
pub async fn existing(cluster: &Cluster, user: &str) -> Result<Existing> {
    let ns = admin::user_namespace(user);
    let namespaces = Api::<Namespace>::all(cluster.client.clone());
    let bindings = Api::<ClusterRoleBinding>::all(cluster.client.clone());
    let quotas = Api::<ResourceQuota>::namespaced(cluster.client.clone(), &ns);
    let binding = users::cluster_binding_name(user);
    let (namespace, binding, quota) = tokio::try_join!(
        namespaces.get_opt(&ns),
        bindings.get_opt(&binding),
        quotas.get_opt(QUOTA)
    )
    .map_err(|e| cluster.error(e))?;
    if namespace
        .as_ref()
        .is_some_and(|n| n.metadata.deletion_timestamp.is_some())
    {
        return Err(Error::new(
            Kind::Conflict,
            format!("namespace {ns} is being deleted (devctl admin user remove {user}); nothing was made"),
        )
        .hint(format!("add the user again once it is gone: kubectl wait --for=delete namespace/{ns}")));
    }
    if let Some(found) = &namespace
        && !is_users(found, user)
    {
        return Err(Error::new(
            Kind::Conflict,
            format!("namespace {ns} exists and is not devctl's namespace of user {user}"),
        )
        .hint("pick another user name: devctl does not take over a namespace it did not make"));
    }
    Ok(Existing {
        namespace: namespace.is_some(),
        cluster_binding: binding.is_some(),
        quota,
    })
}

fn is_users(ns: &Namespace, user: &str) -> bool {
    ns.metadata
        .labels
        .as_ref()
        .and_then(|l| l.get(USER_LABEL))
        .is_some_and(|v| v == user)
}

/// Applies every object of a user as `admin install` applies its own ([`admin::apply`]:
/// server-side with devctl's field manager, never over an object devctl did not make): the
/// namespace first, then the rest at once. Idempotent.
pub async fn apply(cluster: &Cluster, objects: &UserObjects) -> Result<()> {
    use super::admin as cluster_admin;
    let client = &cluster.client;
    let ns = objects.namespace.metadata.name.clone().unwrap_or_default();
    cluster_admin::apply(
        cluster,
        &Api::<Namespace>::all(client.clone()),
        objects.namespace.clone(),
    )
    .await?;
    let (sa, rb, crb) = (
        Api::<ServiceAccount>::namespaced(client.clone(), &ns),
        Api::<RoleBinding>::namespaced(client.clone(), &ns),
        Api::<ClusterRoleBinding>::all(client.clone()),
    );
    let (quota, limits) = (
        Api::<ResourceQuota>::namespaced(client.clone(), &ns),
        Api::<LimitRange>::namespaced(client.clone(), &ns),
    );
    tokio::try_join!(
        cluster_admin::apply(cluster, &sa, objects.service_account.clone()),
        cluster_admin::apply(cluster, &rb, objects.role_binding.clone()),
        cluster_admin::apply(cluster, &crb, objects.cluster_binding.clone()),
        cluster_admin::apply(cluster, &quota, objects.quota.clone()),
        cluster_admin::apply(cluster, &limits, objects.limit_range.clone()),
    )?;
    Ok(())
}

/// A token of the ServiceAccount `user` valid for `ttl` (the API server may cut it short),
/// and when it expires as the API server says.
pub async fn token(
    cluster: &Cluster,
    user: &str,
    ttl: std::time::Duration,
) -> Result<(String, Option<Timestamp>)> {
    let sa =
        Api::<ServiceAccount>::namespaced(cluster.client.clone(), &admin::user_namespace(user));
    let request = TokenRequest {
        spec: TokenRequestSpec {
            expiration_seconds: Some(i64::try_from(ttl.as_secs()).unwrap_or(i64::MAX)),
            ..TokenRequestSpec::default()
        },
        ..TokenRequest::default()
    };
    let issued = sa
        .create_token_request(user, &PostParams::default(), &request)
        .await
        .map_err(|e| cluster.error(e).prefix("requesting the kubeconfig's token"))?;
    let status = issued
        .status
        .ok_or_else(|| Error::general("the TokenRequest came back without a token"))?;
    Ok((status.token, Some(status.expiration_timestamp.0)))
}

/// Deletes what a failed first add made (the namespace takes everything in it along);
/// returns what it could not delete, for the error.
pub async fn undo(cluster: &Cluster, user: &str, before: &Existing) -> Vec<String> {
    use super::admin::delete;
    let ns = admin::user_namespace(user);
    let binding = users::cluster_binding_name(user);
    let namespaces = Api::<Namespace>::all(cluster.client.clone());
    let bindings = Api::<ClusterRoleBinding>::all(cluster.client.clone());
    let (namespace, cluster_binding) = tokio::join!(
        async { before.namespace || delete(cluster, &namespaces, &ns).await.is_ok() },
        async { before.cluster_binding || delete(cluster, &bindings, &binding).await.is_ok() },
    );
    let mut left = Vec::new();
    if !namespace {
        left.push(format!("namespace/{ns}"));
    }
    if !cluster_binding {
        left.push(format!("clusterrolebinding/{binding}"));
    }
    left
}

/// Where the admin's own connection goes and what verifies it, for the user's kubeconfig.
pub async fn admin_server(
    global: &GlobalArgs,
    settings: &Settings,
    cluster: &Cluster,
) -> Result<Server> {
    let target = super::locate(global, settings)?;
    let config = match target.origin {
        Origin::Files { kubeconfig, .. } => {
            let options = kube::config::KubeConfigOptions {
                context: Some(target.context.clone()),
                ..Default::default()
            };
            kube::Config::from_custom_kubeconfig(*kubeconfig, &options)
                .await
                .map_err(|e| Error::general(format!("cannot read the admin's connection: {e}")))?
        }
        Origin::InCluster(config) => *config,
    };
    let ca_pem = match (&config.root_cert_file, &config.root_cert) {
        (Some(file), _) => Some(std::fs::read_to_string(file).map_err(|e| {
            Error::general(format!("cannot read the CA file {}: {e}", file.display()))
        })?),
        (None, Some(certs)) => Some(users::pem(certs)),
        (None, None) => None,
    };
    Ok(Server {
        url: cluster.server.clone(),
        ca_pem,
        tls_server_name: config.tls_server_name.clone(),
        insecure: config.accept_invalid_certs,
        proxy_url: config.proxy_url.as_ref().map(ToString::to_string),
    })
}

/// The users' namespaces, their quotas, and their devservers, read concurrently.
pub async fn list(
    cluster: &Cluster,
) -> Result<(Vec<Namespace>, Vec<ResourceQuota>, Vec<StatefulSet>)> {
    let users = ListParams::default().labels(&format!(
        "{}=devctl,{USER_LABEL}",
        crate::devserver::manifests::MANAGED_BY
    ));
    let devservers = ListParams::default().labels(&super::devservers::managed_selector());
    let (namespaces, quotas, sets) = (
        Api::<Namespace>::all(cluster.client.clone()),
        Api::<ResourceQuota>::all(cluster.client.clone()),
        Api::<StatefulSet>::all(cluster.client.clone()),
    );
    let (namespaces, quotas, sets) = tokio::try_join!(
        namespaces.list(&users),
        quotas.list(&users),
        sets.list(&devservers),
    )
    .map_err(|e| cluster.error(e))?;
    Ok((namespaces.items, quotas.items, sets.items))
}

/// What the namespace of a user holds, for `remove` to say.
#[derive(Debug, Clone, Copy)]
pub struct Census {
    pub devservers: usize,
    pub volumes: usize,
    /// The namespace is being deleted already.
    pub terminating: bool,
}

/// How many devservers and volume claims the namespace of `user` holds; `None` when there
/// is no such user.
pub async fn census(cluster: &Cluster, user: &str) -> Result<Option<Census>> {
    let ns = admin::user_namespace(user);
    let namespace = Api::<Namespace>::all(cluster.client.clone())
        .get_opt(&ns)
        .await
        .map_err(|e| cluster.error(e))?;
    let Some(namespace) = namespace.filter(|n| is_users(n, user)) else {
        return Ok(None);
    };
    let terminating = namespace.metadata.deletion_timestamp.is_some();
    let devservers = ListParams::default().labels(&super::devservers::managed_selector());
    let sets = Api::<StatefulSet>::namespaced(cluster.client.clone(), &ns);
    let claims = Api::<PersistentVolumeClaim>::namespaced(cluster.client.clone(), &ns);
    let all = ListParams::default();
    let (sets, claims) = tokio::try_join!(sets.list(&devservers), claims.list(&all))
        .map_err(|e| cluster.error(e))?;
    Ok(Some(Census {
        devservers: sets.items.len(),
        volumes: claims.items.len(),
        terminating,
    }))
}

/// Deletes the namespace of `user` (and everything in it) and the user's
/// ClusterRoleBinding, at once; one already gone counts as deleted.
pub async fn remove(cluster: &Cluster, user: &str) -> Result<()> {
    use super::admin::delete;
    let ns = admin::user_namespace(user);
    let binding = users::cluster_binding_name(user);
    let namespaces = Api::<Namespace>::all(cluster.client.clone());
    let bindings = Api::<ClusterRoleBinding>::all(cluster.client.clone());
    tokio::try_join!(
        delete(cluster, &namespaces, &ns),
        delete(cluster, &bindings, &binding),
    )?;
    Ok(())
}
