//! One namespace of the shared test cluster per test, with devctl pointed at it and readers
//! of what devctl left there.

use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::core::v1::{ConfigMap, Secret, Service};
use kube::api::{Api, ListParams};
use testcluster::Cluster;

use super::{Env, stderr};

/// The selector of everything devctl makes.
pub const SELECTOR: &str = "app.kubernetes.io/managed-by=devctl";

pub struct Ns {
    pub cluster: &'static Cluster,
    pub name: String,
    pub env: Env,
}

impl Ns {
    /// The port-forward requests for `pod` in the namespace, as the test proxy logged them.
    pub fn port_forwards(&self, pod: &str) -> Vec<testcluster::Request> {
        let path = format!("/namespaces/{}/pods/{pod}/portforward", self.name);
        self.cluster
            .proxy()
            .requests()
            .expect("the proxy's request log")
            .into_iter()
            .filter(|r| r.path.contains(&path))
            .collect()
    }

    /// A fresh namespace, or `None` (the test skips) when there is no test cluster here.
    pub fn new(prefix: &str) -> Option<Ns> {
        let cluster = testcluster::shared_or_skip()?;
        Some(Ns {
            cluster,
            name: cluster.namespace(prefix).expect("a namespace"),
            env: Env::new(),
        })
    }

    /// A fresh namespace of the cluster whose only node is the real one (a kubelet, containerd
    /// and runc), or `None` (the test skips) when it cannot run here.
    pub fn on_real_node(prefix: &str) -> Option<Ns> {
        let cluster = testcluster::shared_real_node_or_skip()?;
        Some(Ns {
            cluster,
            name: cluster.namespace(prefix).expect("a namespace"),
            env: Env::new(),
        })
    }

    /// `devctl -n NS ARGS...` as the cluster's admin.
    pub fn devctl(&self, args: &[&str]) -> std::process::Output {
        self.env
            .devctl_at(self.cluster.kubeconfig())
            .args(["-n", &self.name])
            .args(args)
            .output()
            .expect("devctl runs")
    }

    /// `devctl -n NS ARGS...` as a process not yet started, for a test that runs it in the
    /// background or feeds its input.
    pub fn process(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = self.env.process();
        cmd.arg("--kubeconfig")
            .arg(self.cluster.kubeconfig())
            .args(["-n", &self.name])
            .args(args);
        cmd
    }

    /// `devctl ARGS`, which must succeed.
    pub fn ok(&self, args: &[&str]) -> std::process::Output {
        let out = self.devctl(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        out
    }

    /// An API of `K` in the namespace, for use inside one `testcluster::block_on` (a client
    /// lives in the runtime that made it).
    pub async fn api<K>(&self) -> Api<K>
    where
        K: kube::Resource<Scope = k8s_openapi::NamespaceResourceScope>,
        K::DynamicType: Default,
    {
        Api::namespaced(self.cluster.client().await.unwrap(), &self.name)
    }

    /// The object `name` of kind `K` in the namespace, if there is one.
    pub fn get<K>(&self, name: &str) -> Option<K>
    where
        K: kube::Resource<Scope = k8s_openapi::NamespaceResourceScope>
            + Clone
            + std::fmt::Debug
            + serde::de::DeserializeOwned
            + Send
            + 'static,
        K::DynamicType: Default,
    {
        testcluster::block_on(async { self.api::<K>().await.get_opt(name).await.unwrap() })
    }

    /// Names of every devctl-managed object of `kind` in the namespace.
    pub fn objects<K>(&self) -> Vec<String>
    where
        K: kube::Resource<Scope = k8s_openapi::NamespaceResourceScope>
            + Clone
            + std::fmt::Debug
            + serde::de::DeserializeOwned
            + Send
            + 'static,
        K::DynamicType: Default,
    {
        testcluster::block_on(async {
            let client = self.cluster.client().await.expect("a client");
            let api: Api<K> = Api::namespaced(client, &self.name);
            let list = api
                .list(&ListParams::default().labels(SELECTOR))
                .await
                .expect("a list");
            list.items
                .iter()
                .filter_map(|o| o.meta().name.clone())
                .collect()
        })
    }

    /// `kind/name` of every StatefulSet, Service, Secret and ConfigMap devctl made, sorted.
    pub fn everything(&self) -> Vec<String> {
        let mut all = Vec::new();
        let mut add = |kind: &str, names: Vec<String>| {
            all.extend(names.into_iter().map(|n| format!("{kind}/{n}")));
        };
        add("statefulset", self.objects::<StatefulSet>());
        add("service", self.objects::<Service>());
        add("secret", self.objects::<Secret>());
        add("configmap", self.objects::<ConfigMap>());
        all.sort();
        all
    }
}
