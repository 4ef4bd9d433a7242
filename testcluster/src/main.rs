//! `testcluster`: starts the test cluster by hand, writes its admin kubeconfig once it is
//! ready, and serves until Ctrl-C or SIGTERM.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use testcluster::{Cluster, Config, NodeSpec};

/// Start a real Kubernetes control plane with simulated nodes on loopback
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Write the admin kubeconfig here once the cluster is ready
    #[arg(long, value_name = "FILE", required_unless_present = "build_only")]
    kubeconfig_out: Option<PathBuf>,

    /// Only build (or find) the binaries, and with --real-node the node's images too, then exit:
    /// CI runs this to warm the cache
    #[arg(long)]
    build_only: bool,

    /// Also run the real node real-0 (kubelet, containerd, runc, CNI, CoreDNS); without --node it
    /// is the only node
    #[arg(long)]
    real_node: bool,

    /// A node: NAME[,label=K=V][,taint=K=V:EFFECT][,RESOURCE=QUANTITY]... (repeatable; default:
    /// three plain nodes)
    #[arg(long = "node", value_name = "SPEC")]
    nodes: Vec<String>,

    /// Default port-forward target for every pod: PORT=HOST:PORT (repeatable)
    #[arg(long = "forward", value_name = "PORT=HOST:PORT")]
    forwards: Vec<String>,

    /// Milliseconds from a pod's container creation to Running
    #[arg(long, default_value_t = 300)]
    pod_start_delay_ms: u64,

    /// An image whose pull fails (repeatable; images from a `.invalid` registry always fail)
    #[arg(long = "missing-image", value_name = "IMAGE")]
    missing_images: Vec<String>,

    /// Keep the state directory (logs, certificates, audit log) after stopping
    #[arg(long)]
    keep: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> Result<(), testcluster::Error> {
    if args.build_only {
        let started = std::time::Instant::now();
        testcluster::build_binaries()?;
        if args.real_node {
            let node = testcluster::ensure_node()?;
            eprintln!(
                "testcluster: real node binaries: kubelet {}, the others in {}",
                node.kubelet.display(),
                node.containerd
                    .parent()
                    .unwrap_or(&node.containerd)
                    .display()
            );
            for image in testcluster::images::ensure_images()? {
                eprintln!(
                    "testcluster: image {} in {}",
                    image.name,
                    image.archive.display()
                );
            }
        }
        eprintln!(
            "testcluster: binaries ready in {:.0}s",
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    let Some(kubeconfig_out) = args.kubeconfig_out.clone() else {
        return Err(testcluster::Error::Invalid(
            "--kubeconfig-out is required".into(),
        ));
    };
    let mut config = Config {
        pod_start_delay: Duration::from_millis(args.pod_start_delay_ms),
        missing_images: args.missing_images,
        keep_dir: args.keep,
        real_node: args.real_node,
        ..Config::default()
    };
    if args.real_node && args.nodes.is_empty() {
        // The real node alone: every pod lands on it.
        config.nodes.clear();
    }
    if !args.nodes.is_empty() {
        config.nodes = args
            .nodes
            .iter()
            .map(|s| NodeSpec::parse(s))
            .collect::<Result<_, _>>()?;
    }
    for forward in &args.forwards {
        let (port, target) = forward
            .split_once('=')
            .and_then(|(p, t)| Some((p.parse::<u16>().ok()?, t.to_string())))
            .ok_or_else(|| {
                testcluster::Error::Invalid(format!(
                    "--forward {forward:?}: expected PORT=HOST:PORT"
                ))
            })?;
        config.forwards.push((port, target));
    }

    let rt =
        tokio::runtime::Runtime::new().map_err(|e| testcluster::Error::io("starting tokio", e))?;
    rt.block_on(async {
        let cluster = Cluster::start(config).await?;
        let kubeconfig = std::fs::read(cluster.kubeconfig())
            .map_err(|e| testcluster::Error::io("reading the kubeconfig", e))?;
        std::fs::write(&kubeconfig_out, kubeconfig)
            .map_err(|e| testcluster::Error::io("writing --kubeconfig-out", e))?;
        let real = cluster
            .real_node()
            .map(|node| {
                format!(
                    "  real node: {} at {}, bridge {}, cgroup /{}\n",
                    testcluster::realnode::NODE_NAME,
                    node.node_ip(),
                    node.network.bridge,
                    node.cgroups.name
                )
            })
            .unwrap_or_default();
        eprintln!(
            "testcluster: Kubernetes {} ready in {:.1}s at {}\n  kubeconfig: {}\n  state: {}\n  proxy control: {}\n  node agent control: {}\n{real}Press Ctrl-C to stop.",
            testcluster::KUBERNETES_VERSION,
            cluster.started_in().as_secs_f64(),
            cluster.server(),
            kubeconfig_out.display(),
            cluster.dir().display(),
            cluster.proxy().addr(),
            cluster.agent().addr(),
        );
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .map_err(|e| testcluster::Error::io("installing the SIGTERM handler", e))?;
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
        eprintln!("testcluster: stopping");
        cluster.stop();
        Ok(())
    })
}
