//! Container images for the real node, made here without any registry: Debian root
//! filesystems from debootstrap (the mirror apt uses) and a pause program of our own, each
//! packed as an OCI image-layout tar that `ctr images import` takes. Everything is cached in
//! [`cache_dir`] and rebuilt only when its input changes.
//!
//! An archive holds `oci-layout`, `index.json` (one manifest, named by the
//! `io.containerd.image.name` annotation) and `blobs/sha256/` with the config, the manifest and
//! one uncompressed layer, which for the Debian images is the cached rootfs tarball itself.

use std::fs::{self, File};
use std::io::{BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::UNIX_EPOCH;

use serde_json::json;
use sha2::{Digest, Sha256};

use crate::Error;
use crate::binaries::{cache_dir, go_module_dir};

/// Debian bookworm (minbase) with sshd, its SFTP server and sudo: what a devserver runs.
pub const DEBIAN_IMAGE: &str = "devctl.test/debian:bookworm";
/// Debian bookworm minbase alone: no sshd, so the startup script's no-sshd path runs for real.
pub const DEBIAN_BARE_IMAGE: &str = "devctl.test/debian-bare:bookworm";
/// The sandbox ("pause") image: our own static program as `/pause`, its entrypoint.
pub const PAUSE_IMAGE: &str = "devctl.test/pause:1.0";
/// The packages [`DEBIAN_IMAGE`] has beyond minbase, as debootstrap's `--include` takes them.
pub const DEBIAN_PACKAGES: &str = "openssh-server,openssh-sftp-server,sudo";

/// Bumped whenever the archive layout or the documents in it change, so that cached archives
/// of an older format are rebuilt.
const FORMAT_VERSION: u32 = 1;
const PATH_ENV: &str = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

pub const MANIFEST_MEDIA_TYPE: &str = "application/vnd.oci.image.manifest.v1+json";
pub const CONFIG_MEDIA_TYPE: &str = "application/vnd.oci.image.config.v1+json";
pub const INDEX_MEDIA_TYPE: &str = "application/vnd.oci.image.index.v1+json";
pub const LAYER_MEDIA_TYPE: &str = "application/vnd.oci.image.layer.v1.tar";
/// The annotation containerd names an imported image by.
pub const IMAGE_NAME_ANNOTATION: &str = "io.containerd.image.name";
/// The OCI annotation for the tag.
pub const REF_NAME_ANNOTATION: &str = "org.opencontainers.image.ref.name";

/// An image ready for import: its full name and its OCI image-layout tar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub name: String,
    pub archive: PathBuf,
}

/// Returns the three images of the real node (Debian, bare Debian, pause), building what is
/// missing or stale. Takes no arguments: the rootfs trees come from debootstrap (as root, from
/// the mirror [`mirror`] finds) and the pause program is built with `go build` from the test
/// cluster's Go module (Go's build cache makes a warm build cheap). A cold call takes minutes;
/// concurrent callers wait for one another through a lock file.
pub fn ensure_images() -> Result<Vec<Image>, Error> {
    Ok(vec![debian_image()?, debian_bare_image()?, pause_image()?])
}

/// [`DEBIAN_IMAGE`], built from the rootfs with [`DEBIAN_PACKAGES`].
pub fn debian_image() -> Result<Image, Error> {
    let rootfs = rootfs_tarball(Some(DEBIAN_PACKAGES))?;
    debian_from(DEBIAN_IMAGE, &rootfs)
}

/// [`DEBIAN_BARE_IMAGE`], built from the minbase rootfs.
pub fn debian_bare_image() -> Result<Image, Error> {
    let rootfs = rootfs_tarball(None)?;
    debian_from(DEBIAN_BARE_IMAGE, &rootfs)
}

fn debian_from(name: &str, rootfs: &Path) -> Result<Image, Error> {
    let meta = fs::metadata(rootfs).map_err(|e| Error::io("reading the rootfs tarball", e))?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let file_name = rootfs.file_name().and_then(|n| n.to_str()).unwrap_or("");
    // Keyed by the tarball's identity, not its digest, so a warm call reads no 200 MB.
    let input = format!("rootfs {file_name} {} {mtime}", meta.len());
    let settings = ImageConfig {
        entrypoint: None,
        cmd: Some(vec!["/bin/sh".into()]),
    };
    ensure_archive(name, &settings, &input, |_| Ok(rootfs.to_path_buf()))
}

/// [`PAUSE_IMAGE`], built from the pause program of this checkout.
pub fn pause_image() -> Result<Image, Error> {
    let binary = pause_binary()?;
    let mut file = File::open(&binary).map_err(|e| Error::io("reading the pause binary", e))?;
    let (digest, _) = sha256_of(&mut file).map_err(|e| Error::io("hashing the pause binary", e))?;
    let settings = ImageConfig {
        entrypoint: Some(vec!["/pause".into()]),
        cmd: None,
    };
    ensure_archive(PAUSE_IMAGE, &settings, &format!("pause {digest}"), |dir| {
        pause_layer(&binary, &dir.join("pause-layer.tar"))
    })
}

/// Builds the pause program (`testcluster/go/cmd/pause`, static: `CGO_ENABLED=0`) into the
/// image cache and returns its path. The file is replaced only when the build differs, so a
/// running pause keeps its binary and a warm call changes nothing.
pub fn pause_binary() -> Result<PathBuf, Error> {
    let dir = images_dir()?;
    let _lock = lock(&dir)?;
    let staging = dir.join("pause.partial");
    fs::create_dir_all(&staging).map_err(|e| Error::io("creating the pause build directory", e))?;
    let status = Command::new("go")
        .current_dir(go_module_dir())
        .env("GOTOOLCHAIN", "local")
        .env("CGO_ENABLED", "0")
        .args(["build", "-trimpath", "-ldflags", "-s -w", "-o"])
        .arg(staging.join("pause"))
        .arg("./cmd/pause")
        .status()
        .map_err(|e| Error::GoMissing(e.to_string()))?;
    if !status.success() {
        return Err(Error::Build(format!("go build of pause failed ({status})")));
    }
    let built = staging.join("pause");
    let installed = dir.join("pause");
    let read = |path: &Path| fs::read(path).ok();
    if read(&installed) != read(&built) {
        fs::rename(&built, &installed).map_err(|e| Error::io("installing the pause binary", e))?;
    }
    Ok(installed)
}

/// Takes the image cache's lock, held until the returned file is dropped. Callers in one
/// process must not nest it: each open file is a lock of its own.
fn lock(dir: &Path) -> Result<File, Error> {
    let lock =
        File::create(dir.join(".lock")).map_err(|e| Error::io("creating the image lock", e))?;
    lock.lock()
        .map_err(|e| Error::io("taking the image lock", e))?;
    Ok(lock)
}

fn images_dir() -> Result<PathBuf, Error> {
    let dir = cache_dir().join("images");
    fs::create_dir_all(&dir).map_err(|e| Error::io("creating the image cache", e))?;
    Ok(dir)
}

/// The image settings that differ between our images.
struct ImageConfig {
    entrypoint: Option<Vec<String>>,
    cmd: Option<Vec<String>>,
}

/// Returns the archive of `name`, rebuilding it when `input` (what it is made from) differs
/// from what the cached one was made from. `layer` makes the layer tarball (in the directory
/// it is given) only when a build is due.
fn ensure_archive(
    name: &str,
    settings: &ImageConfig,
    input: &str,
    layer: impl FnOnce(&Path) -> Result<PathBuf, Error>,
) -> Result<Image, Error> {
    ensure_archive_in(&images_dir()?, name, settings, input, layer)
}

/// [`ensure_archive`] with the archives kept in `dir`.
fn ensure_archive_in(
    dir: &Path,
    name: &str,
    settings: &ImageConfig,
    input: &str,
    layer: impl FnOnce(&Path) -> Result<PathBuf, Error>,
) -> Result<Image, Error> {
    let _lock = lock(dir)?;
    let slug = name.replace(['/', ':'], "_");
    let archive = dir.join(format!("{slug}.oci.tar"));
    let key_file = dir.join(format!("{slug}.key"));
    let key = format!(
        "format {FORMAT_VERSION}\nimage {name}\narchitecture {}\n{input}\n",
        architecture()
    );
    if archive.is_file() && fs::read_to_string(&key_file).is_ok_and(|k| k == key) {
        return Ok(Image {
            name: name.into(),
            archive,
        });
    }

    eprintln!(
        "testcluster: packing image {name} into {}",
        archive.display()
    );
    let layer = layer(dir)?;
    let partial = dir.join(format!("{slug}.oci.tar.partial"));
    write_archive(name, settings, &layer, &partial)?;
    // The old key goes first and the new one last: an interruption in between leaves no key,
    // so the next call rebuilds.
    let _ = fs::remove_file(&key_file);
    fs::rename(&partial, &archive).map_err(|e| Error::io("installing the image archive", e))?;
    fs::write(&key_file, key).map_err(|e| Error::io("writing the image key", e))?;
    Ok(Image {
        name: name.into(),
        archive,
    })
}

/// A content-addressed blob's descriptor values.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Blob {
    /// `sha256:` and 64 lowercase hex digits.
    digest: String,
    size: u64,
}

impl Blob {
    fn of(bytes: &[u8]) -> Blob {
        Blob {
            digest: format!("sha256:{}", hex(&Sha256::digest(bytes))),
            size: bytes.len() as u64,
        }
    }

    /// The 64 hex digits, the blob's file name under `blobs/sha256/`.
    fn hex(&self) -> &str {
        self.digest.trim_start_matches("sha256:")
    }
}

/// The three JSON documents of an image, as the bytes their digests are taken over.
#[derive(Debug)]
struct Documents {
    config: Vec<u8>,
    manifest: Vec<u8>,
    index: Vec<u8>,
}

/// Builds the config, manifest and index of the image `name` with one uncompressed `layer`
/// (whose digest is also its diff_id). Pure.
fn documents(name: &str, settings: &ImageConfig, layer: &Blob, architecture: &str) -> Documents {
    let mut config = json!({ "Env": [PATH_ENV] });
    if let Some(entrypoint) = &settings.entrypoint {
        config["Entrypoint"] = json!(entrypoint);
    }
    if let Some(cmd) = &settings.cmd {
        config["Cmd"] = json!(cmd);
    }
    let config = json!({
        "architecture": architecture,
        "os": "linux",
        "config": config,
        "rootfs": { "type": "layers", "diff_ids": [layer.digest] },
    })
    .to_string()
    .into_bytes();
    let config_blob = Blob::of(&config);
    let manifest = json!({
        "schemaVersion": 2,
        "mediaType": MANIFEST_MEDIA_TYPE,
        "config": {
            "mediaType": CONFIG_MEDIA_TYPE,
            "digest": config_blob.digest,
            "size": config_blob.size,
        },
        "layers": [{
            "mediaType": LAYER_MEDIA_TYPE,
            "digest": layer.digest,
            "size": layer.size,
        }],
    })
    .to_string()
    .into_bytes();
    let manifest_blob = Blob::of(&manifest);
    let index = json!({
        "schemaVersion": 2,
        "mediaType": INDEX_MEDIA_TYPE,
        "manifests": [{
            "mediaType": MANIFEST_MEDIA_TYPE,
            "digest": manifest_blob.digest,
            "size": manifest_blob.size,
            "platform": { "architecture": architecture, "os": "linux" },
            "annotations": {
                IMAGE_NAME_ANNOTATION: name,
                REF_NAME_ANNOTATION: tag(name),
            },
        }],
    })
    .to_string()
    .into_bytes();
    Documents {
        config,
        manifest,
        index,
    }
}

/// The tag of an image name: what follows the last `:` after the last `/` (`latest` if none).
fn tag(name: &str) -> &str {
    let last = name.rsplit('/').next().unwrap_or(name);
    last.rsplit_once(':').map_or("latest", |(_, tag)| tag)
}

/// The OCI name of the host's architecture, which debootstrap builds for.
fn architecture() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "powerpc64" => "ppc64le",
        other => other,
    }
}

/// Writes the OCI image-layout tar of `name` to `out`. The layer is streamed twice (once
/// through SHA-256, once into the archive), never held in memory; the `tar` crate writes the
/// outer archive, so no staging copy of a 200 MB layer is needed and the entries' owners,
/// modes and times are ours to fix.
fn write_archive(
    name: &str,
    settings: &ImageConfig,
    layer: &Path,
    out: &Path,
) -> Result<(), Error> {
    let what = |e| Error::io(&format!("writing {}", out.display()), e);
    let mut layer_file =
        File::open(layer).map_err(|e| Error::io(&format!("opening {}", layer.display()), e))?;
    let (digest, size) =
        sha256_of(&mut layer_file).map_err(|e| Error::io("hashing the layer", e))?;
    layer_file.rewind().map_err(what)?;
    let layer_blob = Blob {
        digest: format!("sha256:{digest}"),
        size,
    };
    let docs = documents(name, settings, &layer_blob, architecture());
    let config_blob = Blob::of(&docs.config);
    let manifest_blob = Blob::of(&docs.manifest);

    let file = File::create(out).map_err(what)?;
    let mut tar = tar::Builder::new(BufWriter::new(file));
    append_dir(&mut tar, "blobs/").map_err(what)?;
    append_dir(&mut tar, "blobs/sha256/").map_err(what)?;
    append_file(
        &mut tar,
        &blob_path(&config_blob),
        size_of(&docs.config),
        &docs.config[..],
    )
    .map_err(what)?;
    append_file(
        &mut tar,
        &blob_path(&manifest_blob),
        size_of(&docs.manifest),
        &docs.manifest[..],
    )
    .map_err(what)?;
    append_file(
        &mut tar,
        &blob_path(&layer_blob),
        size,
        (&mut layer_file).take(size),
    )
    .map_err(what)?;
    let layout = br#"{"imageLayoutVersion":"1.0.0"}"#;
    append_file(&mut tar, "oci-layout", size_of(layout), &layout[..]).map_err(what)?;
    append_file(
        &mut tar,
        "index.json",
        size_of(&docs.index),
        &docs.index[..],
    )
    .map_err(what)?;
    let file = tar
        .into_inner()
        .map_err(what)?
        .into_inner()
        .map_err(|e| what(e.into_error()))?;
    file.sync_all().map_err(what)
}

fn blob_path(blob: &Blob) -> String {
    format!("blobs/sha256/{}", blob.hex())
}

fn size_of(bytes: &[u8]) -> u64 {
    bytes.len() as u64
}

fn header(kind: tar::EntryType, mode: u32, size: u64) -> tar::Header {
    let mut header = tar::Header::new_ustar();
    header.set_entry_type(kind);
    header.set_mode(mode);
    header.set_size(size);
    header.set_uid(0);
    header.set_gid(0);
    header.set_mtime(0);
    header
}

fn append_dir<W: Write>(tar: &mut tar::Builder<W>, path: &str) -> std::io::Result<()> {
    let mut header = header(tar::EntryType::Directory, 0o755, 0);
    tar.append_data(&mut header, path, std::io::empty())
}

fn append_file<W: Write>(
    tar: &mut tar::Builder<W>,
    path: &str,
    size: u64,
    data: impl Read,
) -> std::io::Result<()> {
    let mut header = header(tar::EntryType::Regular, 0o644, size);
    tar.append_data(&mut header, path, data)
}

/// The pause image's layer: `/pause`, executable, owned by root.
fn pause_layer(binary: &Path, out: &Path) -> Result<PathBuf, Error> {
    let what = |e| Error::io(&format!("writing {}", out.display()), e);
    let mut file = File::open(binary).map_err(|e| Error::io("reading the pause binary", e))?;
    let size = file.metadata().map_err(what)?.len();
    let partial = out.with_extension("tar.partial");
    let mut tar = tar::Builder::new(BufWriter::new(File::create(&partial).map_err(what)?));
    let mut header = header(tar::EntryType::Regular, 0o755, size);
    tar.append_data(&mut header, "pause", (&mut file).take(size))
        .map_err(what)?;
    tar.into_inner()
        .map_err(what)?
        .into_inner()
        .map_err(|e| what(e.into_error()))?
        .sync_all()
        .map_err(what)?;
    fs::rename(&partial, out).map_err(what)?;
    Ok(out.to_path_buf())
}

/// SHA-256 (hex) and length of everything `reader` yields, read in 1 MiB pieces.
fn sha256_of(reader: &mut impl Read) -> std::io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((hex(&hasher.finalize()), size))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The Debian mirror: `DEVCTL_DEBIAN_MIRROR`, else the first one apt is configured with.
pub fn mirror() -> Result<String, Error> {
    if let Ok(m) = std::env::var("DEVCTL_DEBIAN_MIRROR") {
        return Ok(m);
    }
    let mut texts = Vec::new();
    if let Ok(dir) = fs::read_dir("/etc/apt/sources.list.d") {
        for entry in dir.flatten() {
            texts.push(fs::read_to_string(entry.path()).unwrap_or_default());
        }
    }
    texts.push(fs::read_to_string("/etc/apt/sources.list").unwrap_or_default());
    for text in texts {
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            let url = match words.as_slice() {
                ["URIs:", url, ..] => url,
                ["deb", url, ..] if !url.starts_with('[') => url,
                _ => continue,
            };
            // Debian's own archive, not its security suite or another vendor's repository.
            if url.trim_end_matches('/').ends_with("/debian") {
                return Ok(url.to_string());
            }
        }
    }
    Err(Error::Invalid(
        "no Debian mirror in apt's sources: set DEVCTL_DEBIAN_MIRROR".into(),
    ))
}

/// A pristine bookworm rootfs (minbase, plus the `include` packages, comma-separated as
/// debootstrap's `--include` takes them), as a tarball in `cache_dir()/rootfs`, built once
/// with debootstrap (as root). Concurrent callers wait for one another through a lock file.
pub fn rootfs_tarball(include: Option<&str>) -> Result<PathBuf, Error> {
    let cache = cache_dir().join("rootfs");
    fs::create_dir_all(&cache).map_err(|e| Error::io("creating the rootfs cache", e))?;
    let tarball = cache.join(match include {
        Some(packages) => format!("bookworm-{}.tar", packages.replace(',', "-")),
        None => "bookworm-minbase.tar".to_string(),
    });
    let lock =
        File::create(cache.join(".lock")).map_err(|e| Error::io("creating the rootfs lock", e))?;
    lock.lock()
        .map_err(|e| Error::io("taking the rootfs lock", e))?;
    if tarball.exists() {
        return Ok(tarball);
    }
    let build = cache.join("build");
    let _ = fs::remove_dir_all(&build);
    eprintln!(
        "testcluster: building a Debian rootfs with debootstrap (once) into {}",
        cache.display()
    );
    let mut debootstrap = Command::new("debootstrap");
    debootstrap.arg("--variant=minbase");
    if let Some(packages) = include {
        debootstrap.arg(format!("--include={packages}"));
    }
    let out = debootstrap
        .arg("bookworm")
        .arg(&build)
        .arg(mirror()?)
        .output()
        .map_err(|e| Error::io("running debootstrap", e))?;
    if !out.status.success() {
        return Err(Error::Build(format!(
            "debootstrap failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .last()
                .unwrap_or(""),
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    let partial = cache.join("partial.tar");
    let status = Command::new("tar")
        .arg("-C")
        .arg(&build)
        .arg("-cf")
        .arg(&partial)
        .arg(".")
        .status()
        .map_err(|e| Error::io("running tar", e))?;
    if !status.success() {
        return Err(Error::Build(format!("tar of the rootfs failed ({status})")));
    }
    fs::rename(&partial, &tarball).map_err(|e| Error::io("installing the rootfs tarball", e))?;
    let _ = fs::remove_dir_all(&build);
    Ok(tarball)
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        reason = "a test fails loudly on what it did not expect"
    )]

    use super::*;
    use serde_json::Value;

    fn parse(bytes: &[u8]) -> Value {
        serde_json::from_slice(bytes).unwrap()
    }

    #[test]
    fn an_archive_is_reused_while_its_input_is_the_same_and_rebuilt_when_it_changes() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let layer = dir.path().join("layer.tar");
        let mut builder = tar::Builder::new(File::create(&layer).unwrap());
        let mut header = tar::Header::new_gnu();
        header.set_size(3);
        header.set_mode(0o644);
        header.set_cksum();
        builder
            .append_data(&mut header, "hello", &b"hi\n"[..])
            .unwrap();
        builder.finish().unwrap();
        let settings = ImageConfig {
            entrypoint: None,
            cmd: Some(vec!["/bin/sh".into()]),
        };
        let built = std::cell::Cell::new(0);
        let ensure = |input: &str| {
            let image = ensure_archive_in(dir.path(), "devctl.test/x:1", &settings, input, |_| {
                built.set(built.get() + 1);
                Ok(layer.clone())
            })
            .unwrap();
            let meta = fs::metadata(&image.archive).unwrap();
            (meta.ino(), meta.mtime_nsec())
        };
        let first = ensure("rootfs a 1 1");
        assert_eq!(ensure("rootfs a 1 1"), first, "reused");
        assert_eq!(built.get(), 1);
        assert_ne!(ensure("rootfs a 1 2"), first, "rebuilt for a new input");
        assert_eq!(built.get(), 2);
    }

    fn debian() -> (Documents, Blob) {
        let layer = Blob::of(b"a layer");
        let settings = ImageConfig {
            entrypoint: None,
            cmd: Some(vec!["/bin/sh".into()]),
        };
        (documents(DEBIAN_IMAGE, &settings, &layer, "amd64"), layer)
    }

    #[test]
    fn digests_are_sha256_and_64_lowercase_hex_digits() {
        let blob = Blob::of(b"");
        assert_eq!(
            blob.digest,
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(blob.size, 0);
        assert_eq!(blob.hex().len(), 64);
    }

    #[test]
    fn streamed_digest_matches_the_one_of_the_bytes() {
        let bytes = vec![7u8; 3 << 20 | 5];
        let (hex, size) = sha256_of(&mut &bytes[..]).unwrap();
        assert_eq!(format!("sha256:{hex}"), Blob::of(&bytes).digest);
        assert_eq!(size, bytes.len() as u64);
    }

    #[test]
    fn index_names_the_image_for_containerd_and_tags_it() {
        let (docs, _) = debian();
        let index = parse(&docs.index);
        assert_eq!(index["mediaType"], INDEX_MEDIA_TYPE);
        let manifests = index["manifests"].as_array().unwrap();
        assert_eq!(manifests.len(), 1);
        let annotations = &manifests[0]["annotations"];
        assert_eq!(
            annotations["io.containerd.image.name"],
            "devctl.test/debian:bookworm"
        );
        assert_eq!(annotations["org.opencontainers.image.ref.name"], "bookworm");
        assert_eq!(manifests[0]["mediaType"], MANIFEST_MEDIA_TYPE);
    }

    #[test]
    fn descriptors_carry_the_digest_and_size_of_the_documents_they_point_to() {
        let (docs, layer) = debian();
        let index = parse(&docs.index);
        let manifest_blob = Blob::of(&docs.manifest);
        assert_eq!(
            index["manifests"][0]["digest"],
            manifest_blob.digest.as_str()
        );
        assert_eq!(index["manifests"][0]["size"], manifest_blob.size);

        let manifest = parse(&docs.manifest);
        let config_blob = Blob::of(&docs.config);
        assert_eq!(manifest["mediaType"], MANIFEST_MEDIA_TYPE);
        assert_eq!(manifest["config"]["mediaType"], CONFIG_MEDIA_TYPE);
        assert_eq!(manifest["config"]["digest"], config_blob.digest.as_str());
        assert_eq!(manifest["config"]["size"], config_blob.size);
        assert_eq!(manifest["layers"][0]["mediaType"], LAYER_MEDIA_TYPE);
        assert_eq!(manifest["layers"][0]["digest"], layer.digest.as_str());
        assert_eq!(manifest["layers"][0]["size"], layer.size);
    }

    #[test]
    fn config_of_an_uncompressed_layer_has_its_digest_as_diff_id() {
        let (docs, layer) = debian();
        let config = parse(&docs.config);
        assert_eq!(config["architecture"], "amd64");
        assert_eq!(config["os"], "linux");
        assert_eq!(config["rootfs"]["type"], "layers");
        assert_eq!(config["rootfs"]["diff_ids"], json!([layer.digest]));
        assert_eq!(config["config"]["Env"], json!([PATH_ENV]));
        assert_eq!(config["config"]["Cmd"], json!(["/bin/sh"]));
        assert!(config["config"].get("Entrypoint").is_none());
    }

    #[test]
    fn pause_config_runs_pause_as_its_entrypoint() {
        let settings = ImageConfig {
            entrypoint: Some(vec!["/pause".into()]),
            cmd: None,
        };
        let docs = documents(PAUSE_IMAGE, &settings, &Blob::of(b"x"), "arm64");
        let config = parse(&docs.config);
        assert_eq!(config["config"]["Entrypoint"], json!(["/pause"]));
        assert!(config["config"].get("Cmd").is_none());
        assert_eq!(config["architecture"], "arm64");
        let index = parse(&docs.index);
        assert_eq!(
            index["manifests"][0]["annotations"][REF_NAME_ANNOTATION],
            "1.0"
        );
    }

    #[test]
    fn tag_is_what_follows_the_colon_of_the_last_path_element() {
        assert_eq!(tag("devctl.test/debian:bookworm"), "bookworm");
        assert_eq!(tag("localhost:5000/pause"), "latest");
        assert_eq!(tag("localhost:5000/pause:3.10"), "3.10");
    }
}
