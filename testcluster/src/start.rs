//! Bringing the cluster up, in dependency order: certificates; etcd, the node agent and the
//! API proxy; the API server; then the controller manager, the scheduler and kwok; then the
//! storage classes and nodes (and, if asked for, the real node); ready when the `default`
//! ServiceAccount exists and every node is Ready.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use k8s_openapi::api::core::v1::{Namespace, Node, ServiceAccount};
use k8s_openapi::api::storage::v1::StorageClass;
use kube::api::{Api, PostParams};
use kube::runtime::wait::await_condition;
use serde::Deserialize;

use crate::binaries::{self, Binaries, KUBERNETES_VERSION};
use crate::control::{self, AgentControl, ProxyControl};
use crate::images;
use crate::kubeconfig::{self, Credentials};
use crate::pki::{self, Ca, Usage};
use crate::process::Supervisor;
use crate::realnode::{self, RealNode};
use crate::{Cluster, Config, Error, User};

/// How long each phase may take before the start fails with the component's log.
const START_TIMEOUT: Duration = Duration::from_secs(120);
const KWOK_CONFIG: &str = include_str!("../kwok/kwok.yaml");
const AUDIT_POLICY: &str = "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n";

/// Whether a node takes pods: Ready, and without the `node.kubernetes.io/...` taints that the API
/// server's admission puts on a new node and the node lifecycle controller takes off once it
/// sees it Ready.
pub fn takes_pods(node: Option<&Node>) -> bool {
    let Some(node) = node else { return false };
    let ready = node
        .status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .is_some_and(|cs| cs.iter().any(|c| c.type_ == "Ready" && c.status == "True"));
    let condition_taint = node
        .spec
        .as_ref()
        .and_then(|s| s.taints.as_ref())
        .is_some_and(|ts| ts.iter().any(|t| t.key.starts_with("node.kubernetes.io/")));
    ready && !condition_taint
}

/// What a running cluster needs to remember.
pub struct State {
    /// Holds the temp dir alive; `None` when the directory is kept.
    _temp: Option<tempfile::TempDir>,
    pub dir: PathBuf,
    pub ca: Ca,
    pub server: String,
    pub admin_kubeconfig: PathBuf,
}

impl State {
    pub fn user(&self, name: &str, groups: &[&str]) -> Result<User, Error> {
        if groups.len() > pki::MAX_GROUPS {
            return Err(Error::Invalid(format!(
                "a test user can have at most {} groups",
                pki::MAX_GROUPS
            )));
        }
        let issued = self.ca.issue(name, groups, &[], Usage::Client)?;
        let dir = self.dir.join("users");
        std::fs::create_dir_all(&dir).map_err(|e| Error::io("creating the users directory", e))?;
        let path = dir.join(format!("{name}.kubeconfig"));
        kubeconfig::write(
            &path,
            &self.server,
            self.ca.cert_pem(),
            Credentials::Certificate(&issued),
        )?;
        Ok(User {
            name: name.into(),
            groups: groups.iter().map(|g| g.to_string()).collect(),
            kubeconfig: path,
        })
    }

    pub fn token_kubeconfig(&self, file_name: &str, token: &str) -> Result<PathBuf, Error> {
        let dir = self.dir.join("users");
        std::fs::create_dir_all(&dir).map_err(|e| Error::io("creating the users directory", e))?;
        let path = dir.join(file_name);
        kubeconfig::write(
            &path,
            &self.server,
            self.ca.cert_pem(),
            Credentials::Token(token),
        )?;
        Ok(path)
    }
}

/// The addresses a Go helper reports once it listens.
#[derive(Deserialize)]
struct Ready {
    listen: String,
    control: String,
}

pub async fn start(config: Config) -> Result<Cluster, Error> {
    // The real node's binaries and images are made beside the control plane's.
    let want_real = config.real_node;
    let (bins, node_parts) = futures::future::try_join(
        blocking(binaries::ensure),
        blocking(move || {
            if !want_real {
                return Ok(None);
            }
            let images = std::thread::spawn(images::ensure_images);
            let node = binaries::ensure_node()?;
            let images = images
                .join()
                .map_err(|_| Error::Build("building the images panicked".into()))??;
            Ok(Some((node, images)))
        }),
    )
    .await?;
    let began = Instant::now();

    let temp = tempfile::Builder::new()
        .prefix("testcluster-")
        .tempdir()
        .map_err(|e| Error::io("creating the state directory", e))?;
    let dir = temp.path().to_path_buf();
    let (temp, cleanup) = if config.keep_dir {
        let _kept = temp.keep();
        (None, None)
    } else {
        (Some(temp), Some(dir.clone()))
    };
    if temp.is_none() {
        // Kept on purpose: say where, since nothing else will.
        eprintln!("testcluster: keeping state in {}", dir.display());
    }
    let files = Files::write(&dir, &config)?;
    // Declared before the supervisor, so that on an early return the node's processes are
    // stopped (the supervisor dropped) before its network and cgroups are removed.
    let mut real: Option<RealNode> = None;
    let abandon = realnode::Layout::new(&dir).abandon_script();
    let mut sup = Supervisor::new(&dir.join("logs"), cleanup.as_deref(), Some(&abandon))?;

    // etcd, the node agent and the proxy do not depend on each other: start them together.
    let etcd_port = free_port()?;
    let apiserver_port = free_port()?;
    sup.spawn("etcd", etcd(&bins, &dir, etcd_port)?)?;
    sup.spawn("nodeagent", nodeagent(&bins, &files, &config))?;
    let apiserver_url = format!("https://127.0.0.1:{apiserver_port}");
    sup.spawn("apiproxy", apiproxy(&bins, &files, &apiserver_url))?;

    let etcd_addr = format!("127.0.0.1:{etcd_port}");
    wait_for(&mut sup, "etcd", "etcd to be healthy", || {
        matches!(control::http(&etcd_addr, "GET", "/health", b""), Ok((200, body)) if body.contains("true"))
    })
    .await?;
    sup.spawn(
        "kube-apiserver",
        apiserver(&bins, &files, etcd_port, apiserver_port),
    )?;
    let agent: Ready = read_ready(&mut sup, "nodeagent", &files.agent_ready).await?;
    let proxy: Ready = read_ready(&mut sup, "apiproxy", &files.proxy_ready).await?;

    let direct = dir.join("admin-direct.kubeconfig");
    kubeconfig::write(
        &direct,
        &apiserver_url,
        files.ca.cert_pem(),
        Credentials::Certificate(&files.admin),
    )?;
    let admin = kubeconfig::client(&direct).await?;
    let deadline = Instant::now() + START_TIMEOUT;
    loop {
        sup.check()?;
        let req = http_get("/readyz");
        if let Ok(text) = admin.request_text(req).await
            && text.trim() == "ok"
        {
            break;
        }
        if Instant::now() > deadline {
            return Err(start_timeout(&sup, "kube-apiserver", "/readyz"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let agent_port = agent
        .listen
        .rsplit(':')
        .next()
        .and_then(|p| p.parse::<u16>().ok())
        .ok_or_else(|| Error::Invalid(format!("node agent address {:?}", agent.listen)))?;
    sup.spawn(
        "kube-controller-manager",
        controller_manager(&bins, &files, &apiserver_url)?,
    )?;
    sup.spawn("kube-scheduler", scheduler(&bins, &files, &apiserver_url)?)?;
    sup.spawn("kwok", kwok(&bins, &files, agent_port, &direct)?)?;
    if let Some((node_bins, images)) = &node_parts {
        let node = RealNode {
            network: realnode::Network::claim()?,
            cgroups: realnode::CgroupRoot::new(),
            layout: realnode::Layout::new(&dir),
        };
        // Owned by `real` from here on, so that an early return removes what was made.
        let node = &*real.insert(node);
        node.cgroups.create()?;
        allow_coredns(&admin).await?;
        let creds = files.real_node_credentials(&node.network, &apiserver_url)?;
        let cmd = realnode::prepare(
            &node.layout,
            &node.network,
            &node.cgroups,
            node_bins,
            &bins.realnode,
            images,
            &creds,
        );
        sup.spawn("realnode", cmd?)?;
    }

    let nodes: Api<Node> = Api::all(admin.clone());
    let classes: Api<StorageClass> = Api::all(admin.clone());
    let pp = PostParams::default();
    let creates = config
        .nodes
        .iter()
        .map(|n| {
            let nodes = nodes.clone();
            let pp = pp.clone();
            async move {
                nodes
                    .create(&pp, &node_object(n)?)
                    .await
                    .map(drop)
                    .map_err(Error::from)
            }
        })
        .collect::<Vec<_>>();
    let sc = [
        ("standard", "Delete", true),
        ("standard-retain", "Retain", false),
    ]
    .map(|(name, policy, default)| {
        let classes = classes.clone();
        let pp = pp.clone();
        async move {
            classes
                .create(&pp, &storage_class(name, policy, default)?)
                .await
                .map(drop)
                .map_err(Error::from)
        }
    });
    futures::future::try_join(
        futures::future::try_join_all(creates),
        futures::future::try_join_all(sc),
    )
    .await?;

    // Ready: the controller manager made the default ServiceAccount, kwok made every node Ready.
    let sa: Api<ServiceAccount> = Api::namespaced(admin.clone(), "default");
    let sa_ready = await_condition(sa, "default", |o: Option<&ServiceAccount>| o.is_some());
    let real_name = real.as_ref().map(|_| realnode::NODE_NAME);
    let node_waits = config
        .nodes
        .iter()
        .map(|n| n.name.as_str())
        .chain(real_name)
        .map(|name| await_condition(nodes.clone(), name, takes_pods));
    let ready = futures::future::join(sa_ready, futures::future::join_all(node_waits));
    tokio::pin!(ready);
    let deadline = tokio::time::Instant::now() + START_TIMEOUT;
    loop {
        tokio::select! {
            (sa, nodes) = &mut ready => {
                sa.map_err(|e| Error::Invalid(format!("waiting for the default ServiceAccount: {e}")))?;
                for n in nodes {
                    n.map_err(|e| Error::Invalid(format!("waiting for nodes: {e}")))?;
                }
                break;
            }
            _ = tokio::time::sleep(Duration::from_millis(250)) => {
                sup.check()?;
                if tokio::time::Instant::now() > deadline {
                    let component = if real.is_some() { "realnode" } else { "kwok" };
                    return Err(start_timeout(&sup, component, "the default ServiceAccount and Ready nodes"));
                }
            }
        }
    }

    let server = format!("https://{}", proxy.listen);
    let admin_kubeconfig = dir.join("admin.kubeconfig");
    kubeconfig::write(
        &admin_kubeconfig,
        &server,
        files.ca.cert_pem(),
        Credentials::Certificate(&files.admin),
    )?;
    let started_in = began.elapsed();
    Ok(Cluster {
        state: State {
            _temp: temp,
            dir,
            ca: files.ca,
            server,
            admin_kubeconfig,
        },
        supervisor: std::sync::Mutex::new(sup),
        real_node: real,
        proxy: ProxyControl {
            addr: proxy.control,
        },
        agent: AgentControl {
            addr: agent.control,
        },
        started_in,
    })
}

pub async fn create_namespace(client: &kube::Client, name: &str) -> Result<(), Error> {
    let api: Api<Namespace> = Api::all(client.clone());
    let ns: Namespace = serde_json::from_value(serde_json::json!({
        "metadata": { "name": name, "labels": { "testcluster.devctl/test": "true" } }
    }))
    .map_err(|e| Error::Invalid(e.to_string()))?;
    api.create(&PostParams::default(), &ns).await?;
    Ok(())
}

/// The user CoreDNS authenticates as: it may read what the cluster domain is made of, no more.
const COREDNS_USER: &str = "testcluster:coredns";

/// Lets CoreDNS's kubernetes plugin list and watch what it serves.
async fn allow_coredns(admin: &kube::Client) -> Result<(), Error> {
    use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding};
    let name = "testcluster:coredns";
    let role: ClusterRole = serde_json::from_value(serde_json::json!({
        "metadata": { "name": name },
        "rules": [
            { "apiGroups": [""], "resources": ["services", "namespaces", "pods"], "verbs": ["list", "watch"] },
            { "apiGroups": ["discovery.k8s.io"], "resources": ["endpointslices"], "verbs": ["list", "watch"] },
        ],
    }))
    .map_err(|e| Error::Invalid(e.to_string()))?;
    let binding: ClusterRoleBinding = serde_json::from_value(serde_json::json!({
        "metadata": { "name": name },
        "roleRef": { "apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": name },
        "subjects": [{ "apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": COREDNS_USER }],
    }))
    .map_err(|e| Error::Invalid(e.to_string()))?;
    let pp = PostParams::default();
    let roles: Api<ClusterRole> = Api::all(admin.clone());
    let bindings: Api<ClusterRoleBinding> = Api::all(admin.clone());
    futures::future::try_join(roles.create(&pp, &role), bindings.create(&pp, &binding)).await?;
    Ok(())
}

/// Runs blocking work (builds) off the runtime's threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| Error::Build(e.to_string()))?
}

/// Certificates, keys and configuration files in the state directory.
struct Files {
    dir: PathBuf,
    ca: Ca,
    admin: pki::Issued,
    agent_ready: PathBuf,
    proxy_ready: PathBuf,
}

impl Files {
    fn write(dir: &Path, config: &Config) -> Result<Files, Error> {
        let ca = Ca::new("testcluster-ca")?;
        let front_proxy_ca = Ca::new("testcluster-front-proxy-ca")?;
        let serving = ["127.0.0.1", "localhost"];
        let apiserver_names = [
            "127.0.0.1",
            "10.96.0.1",
            "localhost",
            "kubernetes",
            "kubernetes.default",
            "kubernetes.default.svc",
            "kubernetes.default.svc.cluster.local",
        ];
        let write =
            |name: &str, text: &str| kubeconfig::write_private(&dir.join(name), text.as_bytes());
        let write_pair = |name: &str, issued: &pki::Issued| -> Result<(), Error> {
            write(&format!("{name}.crt"), &issued.cert_pem)?;
            write(&format!("{name}.key"), &issued.key_pem)
        };
        write("ca.crt", ca.cert_pem())?;
        write("front-proxy-ca.crt", front_proxy_ca.cert_pem())?;
        write_pair(
            "apiserver",
            &ca.issue("kube-apiserver", &[], &apiserver_names, Usage::Server)?,
        )?;
        write_pair(
            "apiproxy",
            &ca.issue("testcluster-apiproxy", &[], &serving, Usage::Server)?,
        )?;
        write_pair(
            "nodeagent",
            &ca.issue("testcluster-nodeagent", &[], &serving, Usage::Server)?,
        )?;
        write_pair(
            "kubelet-client",
            &ca.issue(
                "kube-apiserver-kubelet-client",
                &["system:masters"],
                &[],
                Usage::Client,
            )?,
        )?;
        write_pair(
            "front-proxy-client",
            &front_proxy_ca.issue("front-proxy-client", &[], &[], Usage::Client)?,
        )?;
        let (sa_key, sa_pub) = pki::signing_key_pem()?;
        write("sa.key", &sa_key)?;
        write("sa.pub", &sa_pub)?;
        write("audit-policy.yaml", AUDIT_POLICY)?;
        write("kwok.yaml", &kwok_config(config, &dir.join("volumes")))?;

        let admin = ca.issue("admin", &["system:masters"], &[], Usage::Client)?;
        for (name, user) in [
            ("kube-controller-manager", "system:kube-controller-manager"),
            ("kube-scheduler", "system:kube-scheduler"),
        ] {
            let issued = ca.issue(user, &[], &[], Usage::Client)?;
            write_pair(name, &issued)?;
        }
        Ok(Files {
            dir: dir.to_path_buf(),
            ca,
            admin,
            agent_ready: dir.join("nodeagent.ready"),
            proxy_ready: dir.join("apiproxy.ready"),
        })
    }

    fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }

    /// The real node's certificates: the kubelet's serving one (for the node's address), its
    /// client one (`system:node:real-0`, so the Node authorizer applies), and CoreDNS's.
    fn real_node_credentials(
        &self,
        net: &realnode::Network,
        apiserver_url: &str,
    ) -> Result<realnode::Credentials, Error> {
        let ip = net.node_ip().to_string();
        let node_user = format!("system:node:{}", realnode::NODE_NAME);
        let write_pair = |name: &str, issued: &pki::Issued| -> Result<(), Error> {
            kubeconfig::write_private(
                &self.dir.join(format!("{name}.crt")),
                issued.cert_pem.as_bytes(),
            )?;
            kubeconfig::write_private(
                &self.dir.join(format!("{name}.key")),
                issued.key_pem.as_bytes(),
            )
        };
        write_pair(
            "kubelet-serving",
            &self.ca.issue(
                realnode::NODE_NAME,
                &[],
                &[&ip, realnode::NODE_NAME],
                Usage::Server,
            )?,
        )?;
        write_pair(
            "kubelet",
            &self
                .ca
                .issue(&node_user, &["system:nodes"], &[], Usage::Client)?,
        )?;
        write_pair(
            "coredns",
            &self.ca.issue(COREDNS_USER, &[], &[], Usage::Client)?,
        )?;
        Ok(realnode::Credentials {
            kubelet_kubeconfig: self.component_kubeconfig("kubelet", apiserver_url)?.into(),
            coredns_kubeconfig: self.component_kubeconfig("coredns", apiserver_url)?.into(),
            ca_file: self.dir.join("ca.crt"),
            serving_cert: self.dir.join("kubelet-serving.crt"),
            serving_key: self.dir.join("kubelet-serving.key"),
        })
    }

    /// A kubeconfig straight to the API server for a component, with its own certificate.
    fn component_kubeconfig(&self, name: &str, apiserver_url: &str) -> Result<String, Error> {
        let issued = pki::Issued {
            cert_pem: std::fs::read_to_string(self.dir.join(format!("{name}.crt")))
                .map_err(|e| Error::io("reading a certificate", e))?,
            key_pem: std::fs::read_to_string(self.dir.join(format!("{name}.key")))
                .map_err(|e| Error::io("reading a key", e))?,
        };
        let path = self.dir.join(format!("{name}.kubeconfig"));
        kubeconfig::write(
            &path,
            apiserver_url,
            self.ca.cert_pem(),
            Credentials::Certificate(&issued),
        )?;
        Ok(path.display().to_string())
    }
}

/// The kwok configuration with the test's delays and missing images filled in.
fn kwok_config(config: &Config, volume_dir: &Path) -> String {
    // A jq expression, true when any container's image is missing. Quoted for the YAML
    // single-quoted scalar it is put in.
    let listed = serde_json::to_string(&config.missing_images).unwrap_or_else(|_| "[]".into());
    let missing = format!(
        "[.spec.containers.[].image | (split(\"/\") | .[0] | endswith(\".invalid\")) or (. as $i | {listed} | any(. == $i))] | any"
    )
    .replace('\'', "''");
    KWOK_CONFIG
        .replace("__MISSING_IMAGE_TEST__", &missing)
        .replace(
            "__POD_START_DELAY_MS__",
            &config.pod_start_delay.as_millis().to_string(),
        )
        .replace(
            "__POD_STOP_DELAY_MS__",
            &config.pod_stop_delay.as_millis().to_string(),
        )
        .replace("__KUBERNETES_VERSION__", KUBERNETES_VERSION)
        // Inside a YAML double-quoted string: JSON's escapes are YAML's too.
        .replace(
            "__VOLUME_DIR__",
            serde_json::to_string(&volume_dir.display().to_string())
                .unwrap_or_default()
                .trim_matches('"'),
        )
}

fn etcd(bins: &Binaries, dir: &Path, port: u16) -> Result<Command, Error> {
    let peer = free_port()?;
    let mut cmd = Command::new(&bins.etcd);
    cmd.arg(format!("--data-dir={}", dir.join("etcd").display()))
        .arg(format!("--listen-client-urls=http://127.0.0.1:{port}"))
        .arg(format!("--advertise-client-urls=http://127.0.0.1:{port}"))
        .arg(format!("--listen-peer-urls=http://127.0.0.1:{peer}"))
        .arg(format!(
            "--initial-advertise-peer-urls=http://127.0.0.1:{peer}"
        ))
        .arg(format!("--initial-cluster=default=http://127.0.0.1:{peer}"))
        .arg("--unsafe-no-fsync")
        .arg("--log-level=warn");
    Ok(cmd)
}

fn apiserver(bins: &Binaries, f: &Files, etcd_port: u16, port: u16) -> Command {
    let mut cmd = Command::new(&bins.kube_apiserver);
    cmd.arg(format!("--etcd-servers=http://127.0.0.1:{etcd_port}"))
        .arg("--bind-address=127.0.0.1")
        .arg("--advertise-address=127.0.0.1")
        .arg(format!("--secure-port={port}"))
        .arg(format!("--cert-dir={}", f.path("apiserver-certs")))
        .arg(format!("--tls-cert-file={}", f.path("apiserver.crt")))
        .arg(format!(
            "--tls-private-key-file={}",
            f.path("apiserver.key")
        ))
        .arg(format!("--client-ca-file={}", f.path("ca.crt")))
        .arg("--service-account-issuer=https://kubernetes.default.svc.cluster.local")
        .arg(format!("--service-account-key-file={}", f.path("sa.pub")))
        .arg(format!(
            "--service-account-signing-key-file={}",
            f.path("sa.key")
        ))
        .arg("--service-cluster-ip-range=10.96.0.0/16")
        .arg("--authorization-mode=Node,RBAC")
        // As OpenShift and other hardened clusters: setting blockOwnerDeletion on an
        // ownerReference needs update on the owner's finalizers subresource, which devctl's
        // users may lack (devctl does not set it).
        .arg("--enable-admission-plugins=OwnerReferencesPermissionEnforcement")
        .arg(format!(
            "--kubelet-client-certificate={}",
            f.path("kubelet-client.crt")
        ))
        .arg(format!(
            "--kubelet-client-key={}",
            f.path("kubelet-client.key")
        ))
        .arg("--kubelet-preferred-address-types=InternalIP")
        .arg(format!(
            "--requestheader-client-ca-file={}",
            f.path("front-proxy-ca.crt")
        ))
        .arg("--requestheader-allowed-names=front-proxy-client")
        .arg("--requestheader-username-headers=X-Remote-User")
        .arg("--requestheader-group-headers=X-Remote-Group")
        .arg("--requestheader-extra-headers-prefix=X-Remote-Extra-")
        .arg(format!("--audit-log-path={}", f.path("audit.log")))
        .arg(format!(
            "--audit-policy-file={}",
            f.path("audit-policy.yaml")
        ))
        .arg("--profiling=false")
        .env("HOME", &f.dir);
    cmd
}

fn controller_manager(bins: &Binaries, f: &Files, apiserver_url: &str) -> Result<Command, Error> {
    let kubeconfig = f.component_kubeconfig("kube-controller-manager", apiserver_url)?;
    let mut cmd = Command::new(&bins.kube_controller_manager);
    cmd.arg(format!("--kubeconfig={kubeconfig}"))
        .arg(format!("--authentication-kubeconfig={kubeconfig}"))
        .arg(format!("--authorization-kubeconfig={kubeconfig}"))
        .arg("--bind-address=127.0.0.1")
        .arg(format!("--secure-port={}", free_port()?))
        .arg(format!("--cert-dir={}", f.path("kcm-certs")))
        .arg("--leader-elect=false")
        .arg(format!(
            "--service-account-private-key-file={}",
            f.path("sa.key")
        ))
        .arg(format!("--root-ca-file={}", f.path("ca.crt")))
        .arg("--use-service-account-credentials=true")
        .arg("--profiling=false")
        .env("HOME", &f.dir);
    Ok(cmd)
}

fn scheduler(bins: &Binaries, f: &Files, apiserver_url: &str) -> Result<Command, Error> {
    let kubeconfig = f.component_kubeconfig("kube-scheduler", apiserver_url)?;
    let mut cmd = Command::new(&bins.kube_scheduler);
    cmd.arg(format!("--kubeconfig={kubeconfig}"))
        .arg(format!("--authentication-kubeconfig={kubeconfig}"))
        .arg(format!("--authorization-kubeconfig={kubeconfig}"))
        .arg("--bind-address=127.0.0.1")
        .arg(format!("--secure-port={}", free_port()?))
        .arg(format!("--cert-dir={}", f.path("scheduler-certs")))
        .arg("--leader-elect=false")
        .arg("--profiling=false")
        .env("HOME", &f.dir);
    Ok(cmd)
}

fn kwok(
    bins: &Binaries,
    f: &Files,
    agent_port: u16,
    admin_kubeconfig: &Path,
) -> Result<Command, Error> {
    let config = std::fs::read_to_string(f.dir.join("kwok.yaml"))
        .map_err(|e| Error::io("reading the kwok configuration", e))?;
    kubeconfig::write_private(
        &f.dir.join("kwok.yaml"),
        config
            .replace("__AGENT_PORT__", &agent_port.to_string())
            .as_bytes(),
    )?;
    let mut cmd = Command::new(&bins.kwok);
    cmd.arg(format!("--kubeconfig={}", admin_kubeconfig.display()))
        .arg(format!("--config={}", f.path("kwok.yaml")))
        // Only the simulated nodes: the real node has a kubelet of its own.
        .arg("--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake")
        .arg("--node-ip=127.0.0.1")
        .arg("--cidr=10.244.0.1/16")
        .env("HOME", &f.dir);
    Ok(cmd)
}

fn nodeagent(bins: &Binaries, f: &Files, config: &Config) -> Command {
    let mut cmd = Command::new(&bins.nodeagent);
    cmd.arg("--listen=127.0.0.1:0")
        .arg("--control=127.0.0.1:0")
        .arg(format!("--tls-cert-file={}", f.path("nodeagent.crt")))
        .arg(format!("--tls-key-file={}", f.path("nodeagent.key")))
        .arg(format!("--client-ca-file={}", f.path("ca.crt")))
        .arg(format!("--ready-file={}", f.agent_ready.display()));
    for (port, target) in &config.forwards {
        cmd.arg(format!("--forward={port}={target}"));
    }
    cmd
}

fn apiproxy(bins: &Binaries, f: &Files, apiserver_url: &str) -> Command {
    let mut cmd = Command::new(&bins.apiproxy);
    cmd.arg("--listen=127.0.0.1:0")
        .arg("--control=127.0.0.1:0")
        .arg(format!("--tls-cert-file={}", f.path("apiproxy.crt")))
        .arg(format!("--tls-key-file={}", f.path("apiproxy.key")))
        .arg(format!("--client-ca-file={}", f.path("ca.crt")))
        .arg(format!("--upstream={apiserver_url}"))
        .arg(format!("--upstream-ca-file={}", f.path("ca.crt")))
        .arg(format!(
            "--proxy-client-cert-file={}",
            f.path("front-proxy-client.crt")
        ))
        .arg(format!(
            "--proxy-client-key-file={}",
            f.path("front-proxy-client.key")
        ))
        .arg(format!("--ready-file={}", f.proxy_ready.display()));
    cmd
}

pub(crate) fn node_object(spec: &crate::NodeSpec) -> Result<Node, Error> {
    let taints: Vec<_> = spec
        .taints
        .iter()
        .map(|(key, value, effect)| serde_json::json!({"key": key, "value": value, "effect": effect}))
        .collect();
    let mut labels = spec.labels.clone();
    for (k, v) in [
        ("kubernetes.io/hostname", spec.name.as_str()),
        ("kubernetes.io/os", "linux"),
        ("kubernetes.io/arch", "amd64"),
        ("type", "kwok"),
    ] {
        labels.entry(k.into()).or_insert_with(|| v.into());
    }
    let mut node_spec = serde_json::json!({ "taints": taints });
    if let Some(cidr) = &spec.pod_cidr {
        node_spec["podCIDR"] = cidr.as_str().into();
        node_spec["podCIDRs"] = serde_json::json!([cidr]);
    }
    serde_json::from_value(serde_json::json!({
        "metadata": {
            "name": spec.name,
            "labels": labels,
            "annotations": { "kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0" },
        },
        "spec": node_spec,
        "status": { "capacity": spec.resources, "allocatable": spec.resources },
    }))
    .map_err(|e| Error::Invalid(format!("node {}: {e}", spec.name)))
}

fn storage_class(name: &str, reclaim: &str, default: bool) -> Result<StorageClass, Error> {
    serde_json::from_value(serde_json::json!({
        "metadata": {
            "name": name,
            "annotations": { "storageclass.kubernetes.io/is-default-class": default.to_string() },
        },
        "provisioner": "testcluster.devctl/volume",
        "reclaimPolicy": reclaim,
        "volumeBindingMode": "Immediate",
        "allowVolumeExpansion": true,
    }))
    .map_err(|e| Error::Invalid(format!("storage class {name}: {e}")))
}

fn http_get(path: &str) -> http::Request<Vec<u8>> {
    let mut req = http::Request::new(Vec::new());
    *req.uri_mut() = path.parse().unwrap_or_default();
    req
}

/// A port that is free now; the component binds it a moment later. It is taken from below the
/// kernel's ephemeral range: a port of that range (what binding port 0 gives) may go to any
/// outgoing connection of this busy machine in the meantime, and the component then fails
/// with "address already in use" (seen in CI).
fn free_port() -> Result<u16, Error> {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let ephemeral_low = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|r| r.split_whitespace().next()?.parse::<u16>().ok())
        .unwrap_or(32768);
    let (low, high) = (10000u16, ephemeral_low.max(10001));
    let span = u64::from(high - low);
    // A different sequence in every process and every call, so that clusters starting at
    // once rarely try the same ports.
    let seed = std::process::id() as u64 * 7919
        + std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| u64::from(d.subsec_nanos()))
            .unwrap_or(0);
    for _ in 0..200 {
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let port = low + ((seed.wrapping_add(n.wrapping_mul(104_729))) % span) as u16;
        if TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return Ok(port);
        }
    }
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| Error::io("finding a free port", e))
}

fn start_timeout(sup: &Supervisor, component: &str, what: &str) -> Error {
    Error::Start {
        component: component.into(),
        reason: format!("timed out after {START_TIMEOUT:?} waiting for {what}"),
        log_tail: sup.tail(component, 25),
    }
}

/// Polls a local readiness check (a health endpoint or a file) every 50 ms: start-up has no
/// API to watch yet. Fails early with the log if the component exits.
async fn wait_for(
    sup: &mut Supervisor,
    component: &str,
    what: &str,
    mut ready: impl FnMut() -> bool,
) -> Result<(), Error> {
    let deadline = Instant::now() + START_TIMEOUT;
    while !ready() {
        sup.check()?;
        if Instant::now() > deadline {
            return Err(start_timeout(sup, component, what));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

async fn read_ready(sup: &mut Supervisor, component: &str, file: &Path) -> Result<Ready, Error> {
    let mut ready = None;
    wait_for(sup, component, "its ready file", || {
        ready = std::fs::read_to_string(file)
            .ok()
            .and_then(|t| serde_json::from_str::<Ready>(&t).ok());
        ready.is_some()
    })
    .await?;
    ready.ok_or_else(|| Error::Invalid(format!("{component}: unreadable ready file")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_ports_lie_below_the_ephemeral_range_and_can_be_bound() {
        let low: u16 = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
            .ok()
            .and_then(|r| r.split_whitespace().next()?.parse().ok())
            .unwrap_or(32768);
        let ports: Vec<u16> = (0..20).map(|_| free_port().unwrap()).collect();
        for port in &ports {
            assert!((10000..low).contains(port), "{port} in the ephemeral range");
            assert!(TcpListener::bind(("127.0.0.1", *port)).is_ok());
        }
        let mut distinct = ports.clone();
        distinct.sort();
        distinct.dedup();
        assert!(distinct.len() > 15, "{ports:?}");
    }
}
