//! devctl as it runs in a pod: no kubeconfig, `KUBERNETES_SERVICE_HOST` and `_PORT` set, and a
//! real ServiceAccount's token, the cluster CA and the namespace in
//! `/var/run/secrets/kubernetes.io/serviceaccount`. Those files are mounted in a mount
//! namespace of devctl's own (`unshare --mount`), so nothing of them shows on the host.

use std::process::{Command, Output};

use k8s_openapi::api::authentication::v1::TokenRequest;
use k8s_openapi::api::core::v1::ServiceAccount;
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding, RoleBinding};
use kube::api::{Api, Patch, PatchParams};
use testcluster::Cluster;

use super::Env;

/// Where a pod finds its ServiceAccount's files.
pub const SERVICE_ACCOUNT_DIR: &str = "/var/run/secrets/kubernetes.io/serviceaccount";

/// Run by `unshare --mount` with the directory of the files as `$1` and the command after it:
/// a fresh tmpfs over `/var/run` (in this mount namespace only) holding just the
/// ServiceAccount's files, as a pod sees them. Constant: paths arrive as arguments.
const MOUNT_SCRIPT: &str = r#"set -eu
run=$(readlink -f /var/run)
mount -t tmpfs -o mode=0755 devctl-test-pod "$run"
dir=/var/run/secrets/kubernetes.io/serviceaccount
mkdir -p "$dir"
cp "$1/token" "$1/ca.crt" "$1/namespace" "$dir/"
shift
exec "$@"
"#;

/// Why devctl cannot be run as in a pod here, if it cannot: not root, or no `unshare`.
pub fn unavailable_reason() -> Option<String> {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n");
    if !root {
        return Some(
            "the in-cluster tests need root (a mount namespace for the ServiceAccount's files)"
                .into(),
        );
    }
    let unshares = Command::new("unshare")
        .args(["--mount", "true"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !unshares {
        return Some("the in-cluster tests need unshare --mount, which does not work here".into());
    }
    None
}

/// A pod's view of the cluster: a ServiceAccount in `namespace`, bound as `admin user add`
/// binds a devserver user, and its files.
pub struct Pod {
    files: tempfile::TempDir,
    host: String,
    port: String,
    pub namespace: String,
    /// `system:serviceaccount:NAMESPACE:NAME`.
    pub username: String,
}

impl Pod {
    /// The ServiceAccount `name` in `namespace`, bound to the `devctl-user` ClusterRole there
    /// (a RoleBinding) and to `devctl-user-cluster` (a ClusterRoleBinding), with a token from
    /// the TokenRequest API. `None` (the test skips) when devctl cannot run as in a pod here.
    pub fn devserver_user(cluster: &Cluster, namespace: &str, name: &str) -> Option<Pod> {
        if testcluster::skip_because(unavailable_reason()) {
            return None;
        }
        let username = format!("system:serviceaccount:{namespace}:{name}");
        let token = devserver_user_token(cluster, namespace, name);
        let files = tempfile::tempdir().expect("a temp dir");
        let write = |file: &str, text: &str| {
            std::fs::write(files.path().join(file), text).expect("a ServiceAccount file");
        };
        write("token", &token);
        write("ca.crt", cluster.ca_pem());
        write("namespace", namespace);
        // The test cluster's API server as clients see it: https://127.0.0.1:PORT, whose
        // certificate names 127.0.0.1 as an IP address.
        let authority = cluster
            .server()
            .trim_start_matches("https://")
            .trim_end_matches('/');
        let (host, port) = authority.rsplit_once(':').expect("the server's port");
        Some(Pod {
            files,
            host: host.to_string(),
            port: port.to_string(),
            namespace: namespace.to_string(),
            username,
        })
    }

    /// `devctl ARGS` in the pod, not started yet.
    pub fn process(&self, env: &Env, args: &[&str]) -> Command {
        let mut cmd = Command::new("unshare");
        env.clean(&mut cmd);
        cmd.env("KUBERNETES_SERVICE_HOST", &self.host)
            .env("KUBERNETES_SERVICE_PORT", &self.port)
            .args(["--mount", "--", "sh", "-c", MOUNT_SCRIPT, "sh"])
            .arg(self.files.path())
            .arg(env!("CARGO_BIN_EXE_devctl"))
            .args(args);
        cmd
    }

    /// `devctl ARGS` in the pod, run to its end.
    pub fn devctl(&self, env: &Env, args: &[&str]) -> Output {
        self.process(env, args).output().expect("devctl runs")
    }

    /// Replaces the ServiceAccount's file `name` (`token`, `ca.crt`, `namespace`) for the
    /// next runs.
    pub fn rewrite(&self, name: &str, text: &str) {
        std::fs::write(self.files.path().join(name), text).expect("a ServiceAccount file");
    }
}

/// The ServiceAccount `name` in `namespace` (made if missing), bound as `admin user add` binds
/// a devserver user (`devctl-user` there, `devctl-user-cluster` cluster-wide), and a token for
/// it from the TokenRequest API, valid for an hour.
pub fn devserver_user_token(cluster: &Cluster, namespace: &str, name: &str) -> String {
    testcluster::block_on(bind_and_ask_a_token(cluster, namespace, name))
}

/// A kubeconfig as `admin user add` writes one: the test cluster's server and CA, the token,
/// and a context whose namespace is `namespace`.
pub fn kubeconfig_text(cluster: &Cluster, namespace: &str, token: &str) -> String {
    use base64::Engine as _;
    let ca = base64::engine::general_purpose::STANDARD.encode(cluster.ca_pem());
    serde_json::to_string_pretty(&serde_json::json!({
        "apiVersion": "v1",
        "kind": "Config",
        "clusters": [{"name": "devctl", "cluster": {
            "server": cluster.server(), "certificate-authority-data": ca}}],
        "users": [{"name": "devctl", "user": {"token": token}}],
        "contexts": [{"name": "devctl", "context": {
            "cluster": "devctl", "user": "devctl", "namespace": namespace}}],
        "current-context": "devctl",
    }))
    .expect("a kubeconfig as JSON, which is YAML")
}

async fn bind_and_ask_a_token(cluster: &Cluster, namespace: &str, name: &str) -> String {
    let admin = cluster.client().await.expect("an admin client");
    let apply = PatchParams::apply("devctl-test").force();
    // The two ClusterRoles as `admin install` makes them, from the permissions table.
    for role in [
        devctl::devserver::admin::user_role(),
        devctl::devserver::admin::user_cluster_role(),
    ] {
        let role_name = role.metadata.name.clone().expect("a named ClusterRole");
        let mut value = serde_json::to_value(&role).expect("a ClusterRole as JSON");
        value["apiVersion"] = "rbac.authorization.k8s.io/v1".into();
        value["kind"] = "ClusterRole".into();
        Api::<ClusterRole>::all(admin.clone())
            .patch(&role_name, &apply, &Patch::Apply(value))
            .await
            .expect("the ClusterRole applied");
    }
    let subject =
        serde_json::json!([{"kind": "ServiceAccount", "name": name, "namespace": namespace}]);
    let account: ServiceAccount =
        serde_json::from_value(serde_json::json!({"metadata": {"name": name}})).expect("JSON");
    let accounts: Api<ServiceAccount> = Api::namespaced(admin.clone(), namespace);
    match accounts.create(&Default::default(), &account).await {
        Ok(_) => {}
        Err(kube::Error::Api(s)) if s.code == 409 => {}
        Err(e) => panic!("creating the ServiceAccount: {e}"),
    }
    let binding: RoleBinding = serde_json::from_value(serde_json::json!({
        "metadata": {"name": devctl::devserver::admin::USER_ROLE},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                    "name": devctl::devserver::admin::USER_ROLE},
        "subjects": subject,
    }))
    .expect("JSON");
    Api::<RoleBinding>::namespaced(admin.clone(), namespace)
        .create(&Default::default(), &binding)
        .await
        .expect("the RoleBinding");
    let cluster_binding: ClusterRoleBinding = serde_json::from_value(serde_json::json!({
        "metadata": {"name": format!("{}-{namespace}-{name}", devctl::devserver::admin::USER_CLUSTER_ROLE)},
        "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                    "name": devctl::devserver::admin::USER_CLUSTER_ROLE},
        "subjects": subject,
    }))
    .expect("JSON");
    Api::<ClusterRoleBinding>::all(admin.clone())
        .create(&Default::default(), &cluster_binding)
        .await
        .expect("the ClusterRoleBinding");
    let request: TokenRequest = serde_json::from_value(serde_json::json!({
        "spec": {"audiences": [], "expirationSeconds": 3600}
    }))
    .expect("JSON");
    accounts
        .create_token_request(name, &Default::default(), &request)
        .await
        .expect("a token")
        .status
        .map(|s| s.token)
        .expect("the TokenRequest returned a token")
}
