//! A Debian rootfs made by debootstrap, cached outside the repo: the startup script runs in
//! it, and the access tests run the real sshd of a devserver there.

use std::path::PathBuf;
use std::process::Command;

pub fn missing_requirement() -> Option<String> {
    if !Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n")
    {
        return Some("not root".into());
    }
    for tool in ["debootstrap", "unshare", "chroot", "ssh", "tar"] {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|o| o.status.success());
        if !found {
            return Some(format!("{tool} is not installed"));
        }
    }
    None
}

pub fn skip() -> bool {
    match missing_requirement() {
        None => false,
        Some(why) if std::env::var_os("TESTCLUSTER_REQUIRED").is_some() => {
            panic!("cannot run: {why}")
        }
        Some(why) => {
            eprintln!("skipping: {why}");
            true
        }
    }
}

/// The Debian mirror: `DEVCTL_DEBIAN_MIRROR`, else the first one apt is configured with.
pub fn mirror() -> String {
    if let Ok(m) = std::env::var("DEVCTL_DEBIAN_MIRROR") {
        return m;
    }
    let mut texts = Vec::new();
    if let Ok(dir) = std::fs::read_dir("/etc/apt/sources.list.d") {
        for entry in dir.flatten() {
            texts.push(std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
    }
    texts.push(std::fs::read_to_string("/etc/apt/sources.list").unwrap_or_default());
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
                return url.to_string();
            }
        }
    }
    panic!("no Debian mirror: set DEVCTL_DEBIAN_MIRROR")
}

/// A pristine bookworm rootfs (minbase, plus `include` packages), as a tarball, built once.
pub fn rootfs_tarball(include: Option<&str>) -> PathBuf {
    let cache = testcluster::cache_dir().join("rootfs");
    std::fs::create_dir_all(&cache).unwrap();
    let tarball = cache.join(match include {
        Some(packages) => format!("bookworm-{}.tar", packages.replace(',', "-")),
        None => "bookworm-minbase.tar".to_string(),
    });
    let lock = std::fs::File::create(cache.join(".lock")).unwrap();
    lock.lock().unwrap();
    if !tarball.exists() {
        let build = cache.join("build");
        let _ = std::fs::remove_dir_all(&build);
        eprintln!(
            "building a Debian rootfs with debootstrap (once) into {}",
            cache.display()
        );
        let mut debootstrap = Command::new("debootstrap");
        debootstrap.arg("--variant=minbase");
        if let Some(packages) = include {
            debootstrap.arg(format!("--include={packages}"));
        }
        let status = debootstrap
            .arg("bookworm")
            .arg(&build)
            .arg(mirror())
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "debootstrap failed: {}{}",
            String::from_utf8_lossy(&status.stdout)
                .lines()
                .last()
                .unwrap_or(""),
            String::from_utf8_lossy(&status.stderr)
        );
        let partial = cache.join("partial.tar");
        let status = Command::new("tar")
            .arg("-C")
            .arg(&build)
            .arg("-cf")
            .arg(&partial)
            .arg(".")
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::rename(&partial, &tarball).unwrap();
        let _ = std::fs::remove_dir_all(&build);
    }
    tarball
}
