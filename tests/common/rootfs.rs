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
    testcluster::skip_because(missing_requirement())
}

/// The Debian mirror: `DEVCTL_DEBIAN_MIRROR`, else the first one apt is configured with.
pub fn mirror() -> String {
    testcluster::images::mirror().unwrap_or_else(|e| panic!("{e}"))
}

/// A pristine bookworm rootfs (minbase, plus `include` packages), as a tarball, built once
/// (by the test cluster's library, which the real node's images share it with).
pub fn rootfs_tarball(include: Option<&str>) -> PathBuf {
    testcluster::images::rootfs_tarball(include).unwrap_or_else(|e| panic!("{e}"))
}
