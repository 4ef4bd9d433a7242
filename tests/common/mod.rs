//! The harness of the end-to-end tests: the real `devctl` binary in a clean environment (a
//! temporary HOME, no KUBECONFIG, no DEVCTL_* variables), optionally pointed at the shared
//! test cluster.

#![allow(dead_code, reason = "each test binary uses part of the harness")]

pub mod fake_api;
pub mod in_cluster;
pub mod jobs;
pub mod ns;
pub mod rootfs;
pub mod sshd;

use std::path::{Path, PathBuf};
use std::process::Output;

/// A clean environment for one test.
pub struct Env {
    pub home: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            home: tempfile::tempdir().expect("a temp dir"),
        }
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    pub fn config_path(&self) -> PathBuf {
        self.home().join("devctl-config.yaml")
    }

    /// `devctl` with nothing from the developer's machine leaking in.
    pub fn devctl(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(self.process())
    }

    /// The same as a plain process, for a test that runs it in the background.
    pub fn process(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_devctl"));
        self.clean(&mut cmd);
        cmd
    }

    /// Clears `cmd`'s environment down to PATH and this test's HOME and config paths.
    pub fn clean(&self, cmd: &mut std::process::Command) {
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.home().join(".config"))
            .env("DEVCTL_CONFIG", self.config_path());
    }

    /// `devctl --kubeconfig FILE ...`.
    pub fn devctl_at(&self, kubeconfig: &Path) -> assert_cmd::Command {
        let mut cmd = self.devctl();
        cmd.arg("--kubeconfig").arg(kubeconfig);
        cmd
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A copy of `kubeconfig` with `from` replaced by `to` (a wrong server, CA, or credential).
pub fn edited_kubeconfig(
    dir: &Path,
    kubeconfig: &Path,
    name: &str,
    edit: impl Fn(&str) -> String,
) -> PathBuf {
    let text = std::fs::read_to_string(kubeconfig).expect("the kubeconfig");
    let path = dir.join(name);
    std::fs::write(&path, edit(&text)).expect("writing a kubeconfig");
    path
}

/// `size` bytes that do not repeat (xorshift from `seed`), written fast: test data that no
/// compression or deduplication can shortcut.
pub fn random_file(path: &Path, size: u64, seed: u64) {
    use std::io::Write as _;
    let file = std::fs::File::create(path).expect("a file for random data");
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut state = seed | 1;
    let mut left = size;
    let mut block = vec![0u8; 1 << 16];
    while left > 0 {
        for word in block.chunks_mut(8) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            word.copy_from_slice(&state.to_le_bytes()[..word.len()]);
        }
        let n = left.min(block.len() as u64) as usize;
        out.write_all(&block[..n]).expect("random data written");
        left -= n as u64;
    }
    out.flush().expect("random data written");
}

/// `kubectl port-forward pod/POD :PORT` in `namespace`, once it listens: the process, its
/// output (held open, or kubectl dies of SIGPIPE at its next line) and the local port.
/// Dropping it ends the forward.
pub struct KubectlForward {
    child: std::process::Child,
    _printed: std::io::BufReader<std::process::ChildStdout>,
    pub port: String,
}

impl KubectlForward {
    pub fn start(kubeconfig: &Path, namespace: &str, pod: &str, port: u16) -> KubectlForward {
        use std::io::BufRead as _;
        let mut child = std::process::Command::new("kubectl")
            .arg("--kubeconfig")
            .arg(kubeconfig)
            .args([
                "-n",
                namespace,
                "port-forward",
                &format!("pod/{pod}"),
                &format!(":{port}"),
            ])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("kubectl runs");
        let mut printed = std::io::BufReader::new(child.stdout.take().expect("its output"));
        let mut line = String::new();
        printed
            .read_line(&mut line)
            .expect("kubectl says where it listens");
        // "Forwarding from 127.0.0.1:PORT -> 22"
        let local = line
            .split_whitespace()
            .nth(2)
            .and_then(|a| a.rsplit(':').next())
            .unwrap_or_default()
            .to_string();
        KubectlForward {
            child,
            _printed: printed,
            port: local,
        }
    }
}

impl Drop for KubectlForward {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The admin client of `cluster`, with devctl's DevServerFlavor CRD applied (as `admin install`
/// would) and Established. Applying it again is a no-op, so tests of one binary may all call it.
pub async fn install_flavor_crd(cluster: &testcluster::Cluster) -> kube::Client {
    use devctl::devserver::crd;
    use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
    use kube::api::{Patch, PatchParams};
    let client = cluster.client().await.expect("an admin client");
    let crds: kube::Api<CustomResourceDefinition> = kube::Api::all(client.clone());
    crds.patch(
        crd::CRD_NAME,
        &PatchParams::apply("devctl-test").force(),
        &Patch::Apply(crd::flavor_crd()),
    )
    .await
    .expect("the CRD applied");
    let established = kube::runtime::wait::await_condition(
        crds,
        crd::CRD_NAME,
        kube::runtime::wait::conditions::is_crd_established(),
    );
    tokio::time::timeout(std::time::Duration::from_secs(60), established)
        .await
        .expect("the CRD Established within a minute")
        .expect("the CRD watched");
    client
}
