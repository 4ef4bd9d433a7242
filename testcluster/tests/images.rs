//! The real node's images: OCI archives whose every digest and size checks out, a Debian layer
//! with sshd, its SFTP server and sudo (and a bare one without sshd), and a pause program that
//! is static, reaps the children it inherits and exits 0 when told to stop.
//!
//! The Debian images need root and debootstrap, the pause image Go; without them a test says
//! why and passes, unless TESTCLUSTER_REQUIRED is set (as in CI), where it fails.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on what it did not expect"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;
use sha2::{Digest, Sha256};
use testcluster::images::{self, Image};

const WAIT: Duration = Duration::from_secs(10);

fn skip(missing: Option<String>) -> bool {
    testcluster::skip_because(missing)
}

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(tool).is_file()))
}

/// Why debootstrap cannot build a rootfs here, if it cannot.
fn missing_for_rootfs() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let root = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|uids| uids.split_whitespace().nth(1))
        == Some("0");
    if !root {
        return Some("not root (debootstrap needs it)".into());
    }
    ["debootstrap", "tar"]
        .into_iter()
        .find(|tool| !on_path(tool))
        .map(|tool| format!("{tool} is not installed"))
}

fn missing_go() -> Option<String> {
    (!on_path("go")).then(|| "go is not installed (it builds the pause program)".into())
}

/// Hashes everything read through it.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    size: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }
}

/// What an archive holds, recomputed from its bytes.
struct Contents {
    /// Every entry's path.
    entries: BTreeSet<String>,
    /// Small files by path (the JSON documents).
    files: BTreeMap<String, Vec<u8>>,
    /// `sha256:...` digest and size of every entry under `blobs/sha256/`, by its file name.
    blobs: BTreeMap<String, (String, u64)>,
    /// The paths inside each blob that is itself a tar (a layer), `./` dropped, by file name.
    layer_paths: BTreeMap<String, BTreeMap<String, tar::Header>>,
}

/// Reads the archive in one pass: each blob is hashed as it is read, and one that is a tar is
/// listed at the same time, so a 200 MB layer is read once and never held.
fn read_archive(archive: &Path) -> Contents {
    let mut contents = Contents {
        entries: BTreeSet::new(),
        files: BTreeMap::new(),
        blobs: BTreeMap::new(),
        layer_paths: BTreeMap::new(),
    };
    let mut outer = tar::Archive::new(BufReader::new(File::open(archive).unwrap()));
    for entry in outer.entries().unwrap() {
        let entry = entry.unwrap();
        let path = entry.path().unwrap().to_string_lossy().into_owned();
        contents.entries.insert(path.clone());
        if entry.header().entry_type().is_dir() {
            continue;
        }
        let size = entry.header().size().unwrap();
        let mut reading = Hashing {
            inner: entry,
            hasher: Sha256::new(),
            size: 0,
        };
        if size > 1 << 20 {
            let mut listed = BTreeMap::new();
            let mut inner = tar::Archive::new(&mut reading);
            for item in inner.entries().unwrap() {
                let item = item.unwrap();
                let name = item.path().unwrap().to_string_lossy().into_owned();
                let name = name
                    .trim_start_matches("./")
                    .trim_end_matches('/')
                    .to_string();
                listed.insert(name, item.header().clone());
            }
            std::io::copy(&mut reading, &mut std::io::sink()).unwrap();
            if let Some(name) = path.strip_prefix("blobs/sha256/") {
                contents.layer_paths.insert(name.to_string(), listed);
            }
        } else {
            let mut bytes = Vec::new();
            reading.read_to_end(&mut bytes).unwrap();
            contents.files.insert(path.clone(), bytes);
        }
        assert_eq!(reading.size, size, "{path}: entry size");
        let digest: String = reading
            .hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let digest = format!("sha256:{digest}");
        if let Some(name) = path.strip_prefix("blobs/sha256/") {
            contents.blobs.insert(name.to_string(), (digest, size));
        }
    }
    contents
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap()
}

/// Checks that the archive is an OCI layout whose index, manifest, config and layer agree
/// with one another and with the bytes, and that containerd would name it `image.name`.
/// Returns the config and the paths of the layer.
fn check_archive(image: &Image) -> (Value, BTreeMap<String, tar::Header>) {
    let contents = read_archive(&image.archive);
    // Every blob's file name is its digest.
    for (name, (digest, _)) in &contents.blobs {
        assert_eq!(digest, &format!("sha256:{name}"), "blob {name}");
    }
    let descriptor = |value: &Value, media_type: &str| -> (String, u64) {
        assert_eq!(value["mediaType"], media_type, "{value}");
        let digest = value["digest"].as_str().unwrap().to_string();
        let size = value["size"].as_u64().unwrap();
        let name = digest.strip_prefix("sha256:").unwrap();
        assert_eq!(name.len(), 64, "{digest}");
        assert!(
            name.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_eq!(
            contents.blobs.get(name),
            Some(&(digest.clone(), size)),
            "descriptor {value} and the blob it names"
        );
        (name.to_string(), size)
    };

    assert_eq!(
        json(&contents.files["oci-layout"]),
        serde_json::json!({ "imageLayoutVersion": "1.0.0" })
    );
    let index = json(&contents.files["index.json"]);
    assert_eq!(index["schemaVersion"], 2);
    let manifests = index["manifests"].as_array().unwrap();
    assert_eq!(manifests.len(), 1, "{index}");
    let annotations = &manifests[0]["annotations"];
    assert_eq!(annotations["io.containerd.image.name"], image.name.as_str());
    let tag = image.name.rsplit_once(':').unwrap().1;
    assert_eq!(annotations["org.opencontainers.image.ref.name"], tag);

    let (manifest_name, _) =
        descriptor(&manifests[0], "application/vnd.oci.image.manifest.v1+json");
    let manifest = json(&contents.files[&format!("blobs/sha256/{manifest_name}")]);
    assert_eq!(manifest["schemaVersion"], 2);
    assert_eq!(
        manifest["mediaType"],
        "application/vnd.oci.image.manifest.v1+json"
    );
    let (config_name, _) = descriptor(
        &manifest["config"],
        "application/vnd.oci.image.config.v1+json",
    );
    let layers = manifest["layers"].as_array().unwrap();
    assert_eq!(layers.len(), 1, "{manifest}");
    let (layer_name, _) = descriptor(&layers[0], "application/vnd.oci.image.layer.v1.tar");

    let config = json(&contents.files[&format!("blobs/sha256/{config_name}")]);
    assert_eq!(config["os"], "linux");
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    };
    assert_eq!(config["architecture"], arch);
    // An uncompressed layer's diff_id is its digest.
    assert_eq!(
        config["rootfs"],
        serde_json::json!({ "type": "layers", "diff_ids": [format!("sha256:{layer_name}")] })
    );
    assert!(
        config["config"]["Env"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e.as_str().unwrap().starts_with("PATH=/")),
        "{config}"
    );
    // Nothing in the archive but the layout, the index and the three blobs.
    let expected: BTreeSet<String> = [
        "oci-layout".to_string(),
        "index.json".into(),
        "blobs".into(),
        "blobs/sha256".into(),
        format!("blobs/sha256/{manifest_name}"),
        format!("blobs/sha256/{config_name}"),
        format!("blobs/sha256/{layer_name}"),
    ]
    .into();
    let entries: BTreeSet<String> = contents
        .entries
        .iter()
        .map(|e| e.trim_end_matches('/').to_string())
        .collect();
    assert_eq!(entries, expected);

    let paths = match contents.layer_paths.get(&layer_name) {
        Some(paths) => paths.clone(),
        None => {
            // A small layer (the pause image's) was read as a file: list it now.
            let bytes = &contents.files[&format!("blobs/sha256/{layer_name}")];
            let mut paths = BTreeMap::new();
            for item in tar::Archive::new(&bytes[..]).entries().unwrap() {
                let item = item.unwrap();
                let name = item.path().unwrap().to_string_lossy().into_owned();
                paths.insert(name, item.header().clone());
            }
            paths
        }
    };
    (config, paths)
}

#[test]
fn debian_image_is_a_consistent_oci_archive_with_sshd_sftp_server_and_sudo() {
    if skip(missing_for_rootfs()) {
        return;
    }
    let image = images::debian_image().unwrap();
    assert_eq!(image.name, "devctl.test/debian:bookworm");
    let (config, paths) = check_archive(&image);
    assert_eq!(config["config"]["Cmd"], serde_json::json!(["/bin/sh"]));
    for path in [
        "usr/sbin/sshd",
        "usr/bin/sudo",
        "usr/lib/openssh/sftp-server",
        "usr/bin/sh",
    ] {
        assert!(paths.contains_key(path), "the layer has no {path}");
    }
}

#[test]
fn bare_debian_image_is_a_consistent_oci_archive_without_sshd() {
    if skip(missing_for_rootfs()) {
        return;
    }
    let image = images::debian_bare_image().unwrap();
    assert_eq!(image.name, "devctl.test/debian-bare:bookworm");
    let (config, paths) = check_archive(&image);
    assert_eq!(config["config"]["Cmd"], serde_json::json!(["/bin/sh"]));
    assert!(paths.contains_key("usr/bin/sh"));
    assert!(paths.contains_key("usr/bin/apt-get"));
    assert!(
        !paths.contains_key("usr/sbin/sshd"),
        "the bare image has sshd"
    );
    assert!(
        !paths.contains_key("usr/bin/sudo"),
        "the bare image has sudo"
    );
}

#[test]
fn pause_image_is_a_consistent_oci_archive_that_runs_pause() {
    if skip(missing_go()) {
        return;
    }
    let image = images::pause_image().unwrap();
    assert_eq!(image.name, images::PAUSE_IMAGE);
    let (config, paths) = check_archive(&image);
    assert_eq!(
        config["config"]["Entrypoint"],
        serde_json::json!(["/pause"])
    );
    assert_eq!(paths.keys().collect::<Vec<_>>(), ["pause"]);
    let header = &paths["pause"];
    assert_eq!(header.mode().unwrap() & 0o777, 0o755);
    assert_eq!(
        header.size().unwrap(),
        std::fs::metadata(images::pause_binary().unwrap())
            .unwrap()
            .len()
    );
}

/// The ELF program header types of a 64-bit little-endian executable.
fn program_header_types(binary: &Path) -> Vec<u32> {
    let bytes = std::fs::read(binary).unwrap();
    assert_eq!(&bytes[..4], b"\x7fELF", "not an ELF file");
    assert_eq!(bytes[4], 2, "not a 64-bit ELF file");
    assert_eq!(bytes[5], 1, "not a little-endian ELF file");
    let u16_at = |at: usize| u16::from_le_bytes(bytes[at..at + 2].try_into().unwrap()) as usize;
    let phoff = u64::from_le_bytes(bytes[0x20..0x28].try_into().unwrap()) as usize;
    let (entsize, count) = (u16_at(0x36), u16_at(0x38));
    (0..count)
        .map(|i| {
            let at = phoff + i * entsize;
            u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
        })
        .collect()
}

const PT_DYNAMIC: u32 = 2;
const PT_INTERP: u32 = 3;
const PT_LOAD: u32 = 1;

#[test]
fn pause_binary_is_static() {
    if skip(missing_go()) {
        return;
    }
    let types = program_header_types(&images::pause_binary().unwrap());
    assert!(types.contains(&PT_LOAD), "{types:?}");
    assert!(
        !types.contains(&PT_INTERP),
        "pause asks for a dynamic loader"
    );
    assert!(!types.contains(&PT_DYNAMIC), "pause is dynamically linked");
}

/// The pids whose parent is `parent`, with their state letter (`Z` for a zombie).
fn children(parent: u32) -> BTreeMap<u32, char> {
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // `pid (comm) state ppid ...`; comm may hold spaces and parentheses.
        let Some((_, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let mut fields = rest.split_whitespace();
        let state = fields.next().and_then(|s| s.chars().next()).unwrap_or('?');
        if fields.next().and_then(|p| p.parse().ok()) == Some(parent) {
            found.insert(pid, state);
        }
    }
    found
}

/// Polls `done` until it holds; the kernel offers no event for "reaped" or "exec'd" to a
/// process that is not the parent, so this is a bounded poll, not a guess at a duration.
fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn signal(pid: u32, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .status()
        .unwrap();
    assert!(status.success(), "kill -{name} {pid}");
}

/// Waits for `child` to exit, for at most `WAIT`.
fn exit_of(mut child: Child) -> ExitStatus {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait().unwrap()));
    rx.recv_timeout(WAIT).expect("the process did not exit")
}

/// Kills what a failed test leaves running: pause and its children.
struct KillOnDrop(Vec<u32>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        for pid in &self.0 {
            let _ = Command::new("kill")
                .arg("-KILL")
                .arg(pid.to_string())
                .stderr(std::process::Stdio::null())
                .status();
        }
    }
}

/// Starts pause as a shell that first forks two `sleep`s, so that pause inherits two
/// children, as a pod's pid 1 inherits orphans. Returns it once it runs pause and has both,
/// with a guard that kills them all if the test fails.
fn pause_with_two_children(binary: &Path) -> (Child, Vec<u32>, KillOnDrop) {
    let child = Command::new("sh")
        .args(["-c", "sleep 600 & sleep 600 & exec \"$0\""])
        .arg(binary)
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut guard = KillOnDrop(vec![pid]);
    let comm = PathBuf::from(format!("/proc/{pid}/comm"));
    wait_until("the shell to become pause", || {
        std::fs::read_to_string(&comm).is_ok_and(|c| c.trim() == "pause")
    });
    let kids: Vec<u32> = children(pid).into_keys().collect();
    guard.0.extend(&kids);
    assert_eq!(kids.len(), 2, "pause's children: {kids:?}");
    (child, kids, guard)
}

#[test]
fn pause_reaps_the_children_it_inherits_and_exits_0_on_sigterm() {
    if skip(missing_go()) {
        return;
    }
    let binary = images::pause_binary().unwrap();
    let (child, kids, mut guard) = pause_with_two_children(&binary);
    let pid = child.id();
    // Each child, once killed, is a zombie until pause collects it: then its pid is gone.
    for kid in kids {
        signal(kid, "KILL");
        wait_until(&format!("pause to reap {kid}"), || {
            !children(pid).contains_key(&kid)
        });
    }
    let started = Instant::now();
    signal(pid, "TERM");
    let status = exit_of(child);
    assert_eq!(status.code(), Some(0), "{status}");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    // All it started has ended and been collected: nothing is left for the guard to kill.
    guard.0.clear();
}

#[test]
fn pause_exits_0_on_sigint() {
    if skip(missing_go()) {
        return;
    }
    let binary = images::pause_binary().unwrap();
    let (child, kids, guard) = pause_with_two_children(&binary);
    let pid = child.id();
    // A reaped child shows that pause has its signal handlers in place.
    signal(kids[0], "KILL");
    wait_until("pause to reap a child", || {
        !children(pid).contains_key(&kids[0])
    });
    signal(pid, "INT");
    let status = exit_of(child);
    assert_eq!(status.code(), Some(0), "{status}");
    // The other sleep outlives pause (it was orphaned again): the guard ends it.
    drop(guard);
}
